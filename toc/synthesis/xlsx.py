"""The synthesis as a workbook (openpyxl): one sheet per table.

Text is stored as text: a value a spreadsheet would read as a formula is kept
as a string with Excel's quote prefix (`toc.quoting.formula_like`),
and control characters XML forbids are replaced.
"""

from __future__ import annotations

import re
from typing import Any

from toc.diagram.theme import DEFAULT, text_colour
from toc.ooxml import save_workbook
from toc.quoting import display_cell, formula_like
from toc.synthesis.chapter import Table

__all__ = ["render_xlsx", "sheet_names"]

_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def sheet_names(tables: list[Table]) -> list[str]:
    """Sheet names: at most 31 characters, none of ``[]:*?/\\``, each different.

    >>> long = "TT " + "m" * 40
    >>> sheet_names([Table("a", "", [], [], long), Table("b", "", [], [], long)])
    ['TT mmmmmmmmmmmmmmmmmmmmmmmmmmmm', 'TT mmmmmmmmmmmmmmmmmmmmmmmmmm 2']
    """
    names: list[str] = []
    taken: set[str] = set()
    for table in tables:
        base = _SHEET_FORBIDDEN.sub("_", table.sheet or table.key)[:31] or "Sheet"
        name, k = base, 2
        while name.lower() in taken:
            suffix = f" {k}"
            name = base[: 31 - len(suffix)] + suffix
            k += 1
        taken.add(name.lower())
        names.append(name)
    return names


def _put(ws: Any, row: int, column: int, value: str) -> Any:
    cell = ws.cell(row=row, column=column)
    cell.value = display_cell(value)
    # Always text: never a formula, a number or a date guessed from it.
    cell.data_type = "s"
    if formula_like(cell.value):
        cell.quotePrefix = True
    return cell


def render_xlsx(tables: list[Table]) -> bytes:
    """The workbook, as bytes (byte-stable: `toc.ooxml.save_workbook`)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    wb = Workbook()
    wb.properties.creator = wb.properties.lastModifiedBy = "toc"
    first = True
    bold = Font(bold=True)
    for table, name in zip(tables, sheet_names(tables), strict=True):
        ws = wb.active if first else wb.create_sheet()
        first = False
        ws.title = name
        for column, title in enumerate(table.header, start=1):
            _put(ws, 1, column, title).font = bold
        for r, row in enumerate(table.rows, start=2):
            for column, value in enumerate(row, start=1):
                if value.numeric and _is_number(value.text):
                    cell = ws.cell(row=r, column=column)
                    cell.value = float(value.text.replace(",", "."))
                    if cell.value.is_integer():
                        cell.value = int(cell.value)
                    continue
                cell = _put(ws, r, column, "\n".join(value.lines))
                if len(value.lines) > 1:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
                if value.verdict:
                    colour = DEFAULT.verdicts[value.verdict].colour.lstrip("#")
                    cell.fill = PatternFill("solid", fgColor=colour)
                    cell.font = Font(bold=True, color=text_colour("#" + colour).lstrip("#"))
        ws.freeze_panes = "B2"
    return save_workbook(wb)


def _is_number(value: str) -> bool:
    return re.fullmatch(r"-?\d+([.,]\d+)?", value) is not None
