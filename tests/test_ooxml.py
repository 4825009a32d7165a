"""Every office file toc writes (reports, syntheses, exports) is byte-stable by one rule,
`toc.ooxml`: the same entries, times and attributes on any machine, at any time."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

import toc
from toc.interop import export_document
from toc.ooxml import ENTRY_TIME, StableZip, stable_zip
from toc.report.write import render_report
from toc.synthesis import render_synthesis, synthesise

ROOT = Path(__file__).resolve().parent.parent
NILS = ROOT / "examples" / "nils-2018" / "nils-2018.yaml"


def _office_files(tmp_path: Path) -> dict[str, bytes]:
    doc = toc.load(NILS)
    files = {"report.docx": render_report(doc, "docx")["report.docx"]}
    result = synthesise([doc])
    for fmt in ("docx", "xlsx"):
        files[f"synthesis.{fmt}"] = render_synthesis(result, fmt)
    for name, fmt in (("t.xlsx", "xlsx"), ("k.xlsx", "kumu-xlsx"), ("lf.xlsx", "logframe")):
        (written,) = export_document(doc, tmp_path / name, fmt)
        files[f"export-{fmt}"] = written.read_bytes()
    return files


def test_every_office_file_is_made_the_same_way(tmp_path: Path) -> None:
    for name, data in _office_files(tmp_path).items():
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            core = archive.read("docProps/core.xml").decode()
        assert {(i.date_time, i.external_attr >> 16, i.create_system) for i in infos} == {
            (ENTRY_TIME, 0o644, 3)
        }, name
        assert {i.compress_type for i in infos} == {zipfile.ZIP_DEFLATED}, name
        # The document's own dates: never the time of writing.
        stamps = set(re.findall(r"<dcterms:(?:created|modified)[^>]*>([^<]+)<", core))
        assert stamps == {"2000-01-01T00:00:00Z"}, (name, stamps)


@pytest.mark.parametrize("given", ["name", "info"])
def test_a_stable_zip_ignores_what_the_writer_says(given: str) -> None:
    out = io.BytesIO()
    with StableZip(out, "w") as archive:
        info = zipfile.ZipInfo("a.xml", date_time=(2024, 5, 6, 7, 8, 10))
        info.external_attr = 0o777 << 16
        info.compress_type = zipfile.ZIP_STORED
        archive.writestr(info if given == "info" else "a.xml", "<a/>")
    (entry,) = zipfile.ZipFile(out).infolist()
    assert (entry.filename, entry.date_time, entry.external_attr >> 16) == (
        "a.xml",
        ENTRY_TIME,
        0o644,
    )
    assert entry.compress_type == zipfile.ZIP_DEFLATED
    assert stable_zip(out.getvalue()) == out.getvalue()
