"""Reading a workbook stays bounded: memory by the cells there are, XML nesting by a limit."""

from __future__ import annotations

import contextlib
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import toc
from toc.cli import main
from toc.errors import DocumentError
from toc.interop import import_document
from toc.interop.spreadsheet import write_xlsx

NODES = "xl/worksheets/sheet4.xml"
"""The nodes sheet of a workbook toc writes (the fourth table)."""


def edited(
    tmp_path: Path, data: dict[str, Any], part: str, edit: Callable[[bytes], bytes], name: str
) -> Path:
    """A workbook toc wrote, with one part changed by ``edit``."""
    write_xlsx(toc.validate(data), tmp_path / "ok.xlsx")
    path = tmp_path / name
    with (
        zipfile.ZipFile(tmp_path / "ok.xlsx") as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            content = source.read(info)
            target.writestr(info.filename, edit(content) if info.filename == part else content)
    return path


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
