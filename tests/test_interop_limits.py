"""Reading a workbook stays bounded: memory by the cells there are, XML nesting by a limit."""

from __future__ import annotations

import contextlib
import re
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import toc
from toc.cli import main
from toc.errors import DocumentError, ReadError
from toc.interop import import_document
from toc.interop.spreadsheet import write_xlsx
from toc.interop.xmltree import MAX_ELEMENTS

NODES = "xl/worksheets/sheet4.xml"
"""The nodes sheet of a workbook toc writes (the fourth table)."""


def edited(
    tmp_path: Path, data: dict[str, Any], part: str, edit: Callable[[bytes], bytes], name: str
) -> Path:
    """A workbook toc wrote, with one part changed by ``edit``."""
    write_xlsx(toc.validate(data), tmp_path / "ok.xlsx")
    return rewritten(tmp_path / "ok.xlsx", part, edit, tmp_path / name)


def rows_at(column: str, first: int, count: int) -> Callable[[bytes], bytes]:
    """An edit adding ``count`` rows from ``first`` on, each with one cell in ``column``."""
    rows = b"".join(
        f'<row r="{n}"><c r="{column}{n}" t="inlineStr"><is><t>x</t></is></c></row>'.encode()
        for n in range(first, first + count)
    )
    return lambda xml: xml.replace(b"</sheetData>", rows + b"</sheetData>")


def peak_bytes(work: Callable[[], object]) -> int:
    tracemalloc.start()
    with contextlib.suppress(DocumentError):
        work()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


# ------------------------------------------------------------- wide rows


def test_a_cell_far_to_the_right_is_refused_in_memory_as_small_as_the_cells(
    tmp_path: Path, minimal_data: dict[str, Any]
) -> None:
    """One cell at XFD (column 16,384) in each of 2,000 rows: it used to pad each row to 16,384
    values (2,000 rows: over 250 MB; 30,000 rows: MemoryError)."""
    path = edited(tmp_path, minimal_data, NODES, rows_at("XFD", 5, 2000), "wide.xlsx")
    assert path.stat().st_size < 100_000
    with pytest.raises(DocumentError) as caught:
        import_document(path)
    [problem] = caught.value.problems
    assert (problem.message, problem.hint) == (
        "nodes!XFD5: a value in a column without a header (and 1,999 more in column XFD)",
        "every column of this table already has its header: remove the value",
    )
    assert peak_bytes(lambda: import_document(path)) < 20_000_000
    out = tmp_path / "out.yaml"
    result = CliRunner().invoke(main, ["import", str(path), "-o", str(out)])
    assert result.exit_code == 2
    assert f"{path}: error: nodes!XFD5: a value in a column without a header" in result.output
    assert not out.exists()


def test_a_sheet_toc_ignores_may_be_as_wide_as_it_likes(
    tmp_path: Path, minimal_data: dict[str, Any]
) -> None:
    from openpyxl import load_workbook

    write_xlsx(toc.validate(minimal_data), tmp_path / "ok.xlsx")
    book = load_workbook(tmp_path / "ok.xlsx")
    notes = book.create_sheet("Notes (ignore)")
    for row in range(1, 50):
        notes[f"XFD{row}"] = "far out"
    book.save(tmp_path / "notes.xlsx")
    assert import_document(tmp_path / "notes.xlsx") == toc.validate(minimal_data)


# ------------------------------------------------------------- XML in the parts


DEPTH_MESSAGE = "the workbook part {part} is nested more than 64 levels deep"
DEPTH_HINT = "this is not a workbook a spreadsheet program saved: save it again from one"


def nested(depth: int) -> Callable[[bytes], bytes]:
    """An edit putting ``depth`` nested elements just inside the part's root element."""
    inside = b"<a>" * depth + b"</a>" * depth

    def edit(xml: bytes) -> bytes:
        end = xml.index(b">", xml.index(b"<", xml.index(b"?>") + 2 if b"?>" in xml else 0))
        return xml[: end + 1] + inside + xml[end + 1 :]

    return edit


def test_deep_nesting_in_a_sheet_is_refused_at_once(
    tmp_path: Path, minimal_data: dict[str, Any]
) -> None:
    """The reviewer's workbook had 30 million nested elements in sheetData (210 MB unpacked):
    56 s and 8.3 GB, then it imported. A million are refused in little time and memory."""
    million = b"<a>" * 1_000_000 + b"</a>" * 1_000_000
    path = edited(
        tmp_path,
        minimal_data,
        NODES,
        lambda xml: xml.replace(b"<sheetData>", b"<sheetData>" + million),
        "deep.xlsx",
    )
    with pytest.raises(ReadError) as caught:
        import_document(path)
    [problem] = caught.value.problems
    assert (problem.file, problem.message, problem.hint) == (
        str(path),
        DEPTH_MESSAGE.format(part=NODES),
        DEPTH_HINT,
    )
    assert peak_bytes(lambda: import_document(path)) < 5_000_000
    out = tmp_path / "out.yaml"
    result = CliRunner().invoke(main, ["import", str(path), "-o", str(out)])
    assert result.exit_code == 2
    assert f"{path}: error: {DEPTH_MESSAGE.format(part=NODES)}" in result.output
    assert not out.exists()


@pytest.mark.parametrize(
    "part", ["xl/styles.xml", "xl/workbook.xml", "[Content_Types].xml", "xl/sharedStrings.xml"]
)
def test_deep_nesting_in_any_part_toc_reads_is_refused(
    tmp_path: Path, minimal_data: dict[str, Any], part: str
) -> None:
    """Every part toc reads, whether openpyxl or toc's own reader reads it, is guarded."""
    path = shared_strings_workbook(tmp_path, minimal_data)
    deep = rewritten(path, part, nested(65), tmp_path / "deep.xlsx")
    with pytest.raises(ReadError) as caught:
        import_document(deep)
    assert [p.message for p in caught.value.problems] == [DEPTH_MESSAGE.format(part=part)]
    # 64 levels are still read (sharedStrings: <sst><si><t> are 3 of them, 61 more fit).
    fine = rewritten(path, part, nested(61), tmp_path / "fine.xlsx")
    assert import_document(fine) == toc.validate(minimal_data)


def test_a_dtd_anywhere_before_the_root_is_refused(
    tmp_path: Path, minimal_data: dict[str, Any]
) -> None:
    """Not only in a part's first 4 KB: behind a long comment too."""
    dtd = b"<!-- " + b"x" * 10_000 + b' --><!DOCTYPE w [<!ENTITY e "e">]>'
    path = edited(
        tmp_path,
        minimal_data,
        "xl/workbook.xml",
        lambda xml: xml.replace(b"<workbook", dtd + b"<workbook", 1),
        "dtd.xlsx",
    )
    with pytest.raises(ReadError) as caught:
        import_document(path)
    assert [p.message for p in caught.value.problems] == [
        "the workbook part xl/workbook.xml declares a DTD, which toc never reads"
    ]


def test_too_many_elements_in_a_part_openpyxl_reads_are_refused(
    tmp_path: Path, minimal_data: dict[str, Any]
) -> None:
    """openpyxl builds a tree of the styles: at most MAX_ELEMENTS elements, not a bomb of them."""
    many = b"<a/>" * (MAX_ELEMENTS + 1)
    path = edited(
        tmp_path,
        minimal_data,
        "xl/styles.xml",
        lambda xml: xml.replace(b"</styleSheet>", many + b"</styleSheet>"),
        "many.xlsx",
    )
    with pytest.raises(ReadError) as caught:
        import_document(path)
    assert [p.message for p in caught.value.problems] == [
        "the workbook part xl/styles.xml has more than 2,000,000 XML elements"
    ]


def test_elements_toc_has_no_use_for_in_a_sheet_cost_no_memory(
    tmp_path: Path, minimal_data: dict[str, Any]
) -> None:
    flat = b"<a/>" * 1_000_000
    path = edited(
        tmp_path,
        minimal_data,
        NODES,
        lambda xml: xml.replace(b"</sheetData>", flat + b"</sheetData>"),
        "flat.xlsx",
    )
    assert import_document(path) == toc.validate(minimal_data)
    assert peak_bytes(lambda: import_document(path)) < 5_000_000


def test_a_cell_that_contradicts_its_type_is_a_damaged_workbook(
    tmp_path: Path, minimal_data: dict[str, Any]
) -> None:
    path = edited(
        tmp_path,
        minimal_data,
        NODES,
        lambda xml: xml.replace(
            b"</row></sheetData>", b'<c r="F4" t="s"><v>99</v></c></row></sheetData>'
        ),
        "bad.xlsx",
    )
    with pytest.raises(ReadError) as caught:
        import_document(path)
    [problem] = caught.value.problems
    assert (problem.message, problem.hint) == (
        f"the workbook is damaged ({NODES}: cell F4 holds '99', which its type does not allow)",
        "save it again",
    )


def test_shared_strings_read_as_typed(tmp_path: Path, minimal_data: dict[str, Any]) -> None:
    """Excel and LibreOffice keep text in shared strings, text like ``_x0041_`` escaped as
    ``_x005F_x0041_``: it reads back as typed (openpyxl's string table made it 'A')."""
    data = {**minimal_data, "nodes": [dict(n) for n in minimal_data["nodes"]]}
    data["nodes"][0]["label"] = "Money _x0041_ äö"
    path = shared_strings_workbook(tmp_path, data)
    with zipfile.ZipFile(path) as archive:
        stored = archive.read("xl/sharedStrings.xml")
    assert b"<t>Money _x005F_x0041_ &#228;&#246;</t>" in stored
    assert import_document(path).nodes[0].label == "Money _x0041_ äö"


_INLINE = re.compile(rb'<c ([^>]*?)t="inlineStr"><is>(<t[^>]*>.*?</t>|<t/>)</is></c>', re.S)
_SST = b"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"


def shared_strings_workbook(tmp_path: Path, data: dict[str, Any]) -> Path:
    """The document's workbook with its text in shared strings, as Excel and LibreOffice keep it
    (toc and openpyxl write text inline)."""
    write_xlsx(toc.validate(data), tmp_path / "inline.xlsx")
    strings: list[bytes] = []

    def shared(match: re.Match[bytes]) -> bytes:
        strings.append(match.group(2))
        return b'<c %st="s"><v>%d</v></c>' % (match.group(1), len(strings) - 1)

    path = tmp_path / "shared.xlsx"
    with (
        zipfile.ZipFile(tmp_path / "inline.xlsx") as original,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in original.infolist():
            content = original.read(info)
            if info.filename.startswith("xl/worksheets/"):
                content = _INLINE.sub(shared, content)
            elif info.filename == "[Content_Types].xml":
                override = b'<Override PartName="/xl/sharedStrings.xml" ContentType="%s"/>' % _SST
                content = content.replace(b"</Types>", override + b"</Types>")
            target.writestr(info.filename, content)
        table = b"".join(b"<si>%s</si>" % text for text in strings)
        target.writestr(
            "xl/sharedStrings.xml",
            b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">%s</sst>'
            % table,
        )
    return path


def rewritten(source: Path, part: str, edit: Callable[[bytes], bytes], path: Path) -> Path:
    """A copy of a workbook with one part changed by ``edit``."""
    with (
        zipfile.ZipFile(source) as original,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in original.infolist():
            content = original.read(info)
            target.writestr(info.filename, edit(content) if info.filename == part else content)
    return path
