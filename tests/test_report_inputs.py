"""What a report reads besides the document: the Word template and the logo.

A template python-docx cannot read the way the report uses it is refused by
name before anything is rendered (exit 2, nothing written); a logo is a
regular file inside the document's folder, of at most `MAX_LOGO_BYTES`.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from report_helpers import white_png

import toc
from toc.cli import main
from toc.errors import DocumentError, OptionError
from toc.report.write import MAX_LOGO_BYTES, read_logo, render_report

ROOT = Path(__file__).resolve().parent.parent
NILS = ROOT / "examples/nils-2018/nils-2018.yaml"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
PNG = white_png(1, 1)


def _good_template() -> bytes:
    import docx

    out = io.BytesIO()
    docx.Document().save(out)
    return out.getvalue()


def _with_part(part: str, content: bytes) -> bytes:
    """The default Word document with one part replaced."""
    source = zipfile.ZipFile(io.BytesIO(_good_template()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        for info in source.infolist():
            data = content if info.filename == part else source.read(info.filename)
            package.writestr(info, data)
    return out.getvalue()


BAD_TEMPLATES = [
    pytest.param("word/styles.xml", b"<w:styles><broken", id="styles-not-xml"),
    pytest.param("word/styles.xml", b"<other/>", id="styles-not-styles"),
    pytest.param("word/document.xml", b"<w:document><broken", id="document-not-xml"),
    pytest.param(
        "word/document.xml",
        f'<w:document xmlns:w="{W}"/>'.encode(),
        id="document-without-body",
    ),
    pytest.param("[Content_Types].xml", b"<Types><broken", id="content-types"),
]


@pytest.mark.parametrize(("part", "content"), BAD_TEMPLATES)
def test_a_template_that_cannot_be_read_is_refused_by_name(
    tmp_path: Path, part: str, content: bytes
) -> None:
    template = tmp_path / "mall.docx"
    template.write_bytes(_with_part(part, content))
    out = tmp_path / "out"
    out.mkdir()
    result = CliRunner().invoke(
        main, ["report", str(NILS), "-o", str(out / "r.docx"), "--template", str(template)]
    )
    assert result.exit_code == 2, result.output
    assert result.stderr == (
        f"error: the Word template {str(template)!r} cannot be read as a Word document: "
        "open it in Word and save it again as a Word document (.docx)\n"
    )
    assert list(out.iterdir()) == []


@pytest.mark.parametrize(("part", "content"), BAD_TEMPLATES)
def test_template_bytes_that_cannot_be_read_are_refused(part: str, content: bytes) -> None:
    with pytest.raises(OptionError) as info:
        render_report(toc.load(NILS), "docx", template=_with_part(part, content))
    assert str(info.value) == (
        "the Word template cannot be read as a Word document: "
        "open it in Word and save it again as a Word document (.docx)"
    )


def test_a_readable_template_is_used() -> None:
    files = render_report(toc.load(NILS), "docx", template=_good_template())
    assert next(iter(files)) == "report.docx"


# ------------------------------------------------------------------ the logo

HEAD = "format: 1\nid: x\ntitle: X\n"


def _logo_doc(folder: Path, logo: str, language: str = "en") -> Path:
    doc = folder / "doc.yaml"
    doc.write_text(
        HEAD + f"language: {language}\nreport:\n  logo: {json.dumps(logo)}\n", encoding="utf-8"
    )
    return doc


ABSOLUTE = (
    "is an absolute path",
    "give the logo's path relative to the document's file, such as logo.png or pictures/logo.png",
)
OUTSIDE = (
    "is outside the document's folder",
    "put the logo in the document's folder (or a folder inside it) and give its path from there",
)


@pytest.mark.parametrize(
    ("logo", "refusal"),
    [
        ("/etc/logo.png", ABSOLUTE),
        ("C:\\Users\\logo.png", ABSOLUTE),
        ("C:logo.png", ABSOLUTE),
        ("\\\\server\\share\\logo.png", ABSOLUTE),
        ("../logo.png", OUTSIDE),
        ("pictures/../../logo.png", OUTSIDE),
        ("..\\logo.png", OUTSIDE),
    ],
)
def test_a_logo_outside_the_documents_folder_is_refused_at_load(
    tmp_path: Path, logo: str, refusal: tuple[str, str]
) -> None:
    with pytest.raises(DocumentError) as info:
        toc.load(_logo_doc(tmp_path, logo))
    [problem] = info.value.problems
    assert (problem.message, problem.hint, problem.line, problem.column) == (
        f"report.logo: the logo {logo!r} {refusal[0]}",
        refusal[1],
        6,
        9,
    )


def test_the_logo_refusal_is_in_the_documents_language(tmp_path: Path) -> None:
    with pytest.raises(DocumentError) as info:
        toc.load(_logo_doc(tmp_path, "../logga.png", "sv"))
    [problem] = info.value.problems
    assert (problem.message, problem.hint) == (
        "report.logo: logotypen '../logga.png' ligger utanför dokumentets mapp",
        "lägg logotypen i dokumentets mapp (eller en mapp i den) och ange sökvägen därifrån",
    )


@pytest.mark.parametrize("logo", ["logo.png", "./logo.png", "pictures/../logo.png"])
def test_a_logo_inside_the_folder_is_read(tmp_path: Path, logo: str) -> None:
    (tmp_path / "pictures").mkdir()
    (tmp_path / "logo.png").write_bytes(PNG)
    doc = toc.load(_logo_doc(tmp_path, logo))
    found = read_logo(doc)
    assert found is not None and found.data == PNG


def _report(doc: Path, out: Path) -> subprocess.CompletedProcess[str]:
    # A process of its own with a time limit: a logo that blocks must not hang the tests.
    return subprocess.run(
        [sys.executable, "-m", "toc", "report", str(doc), "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX's")
def test_a_pipe_named_like_a_logo_is_refused_at_once(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "logo.png")
    doc = _logo_doc(tmp_path, "logo.png")
    (tmp_path / "out").mkdir()
    result = _report(doc, tmp_path / "out" / "r.html")
    assert result.returncode == 2
    assert result.stderr == (
        f"{doc}:6:9: error: report.logo: the logo {str(tmp_path / 'logo.png')!r} is not a file "
        "(but a folder, a pipe or a device)\n"
        "  hint: give the path of a PNG or JPEG file, relative to the document's file\n"
    )
    assert list((tmp_path / "out").iterdir()) == []


def test_a_folder_named_like_a_logo_is_refused(tmp_path: Path) -> None:
    (tmp_path / "logo.png").mkdir()
    doc = toc.load(_logo_doc(tmp_path, "logo.png"))
    with pytest.raises(DocumentError) as info:
        read_logo(doc)
    [problem] = info.value.problems
    assert problem.message == (
        f"report.logo: the logo {str(tmp_path / 'logo.png')!r} is not a file "
        "(but a folder, a pipe or a device)"
    )


def test_a_logo_larger_than_the_limit_is_refused_unread(tmp_path: Path) -> None:
    with open(tmp_path / "logo.png", "wb") as handle:
        handle.write(PNG)
        handle.truncate(MAX_LOGO_BYTES + 1)  # sparse: nothing that size written to disk
    doc = toc.load(_logo_doc(tmp_path, "logo.png"))
    with pytest.raises(DocumentError) as info:
        read_logo(doc)
    [problem] = info.value.problems
    assert (problem.message, problem.hint) == (
        f"report.logo: the logo {str(tmp_path / 'logo.png')!r} is larger than 5 MiB",
        "use a smaller picture",
    )
