"""A workbook's sheets and shared strings, streamed through the XML guard.

`read_rows` reads a worksheet part (``xl/worksheets/sheet1.xml``) and
`read_strings` the shared strings part, each through
`toc.interop.xmltree.guarded_parser` as a stream of parser events: no tree is
built, a document type declaration and nesting deeper than
`toc.interop.xmltree.MAX_DEPTH` are refused (`toc.interop.xmltree.XmlRefused`),
and memory holds only what the part has in it — one entry per cell that has a
value, one string per shared string. Elements toc has no use for (column
widths, conditional formats, extensions) are passed over.

A cell's value is as the program that saved the workbook computed it; a
formula is never evaluated. What a cell holds by its type (``t``):

=============  =========================================================
``n`` (none)   a number (``int`` or ``float``); a date or a duration when
               its style's number format is one (`SheetStyle`)
``s``          the shared string its number points to
``inlineStr``  its inline text (the runs of rich text joined)
``str``        the text a formula gave
``b``          true or false
``d``          an ISO 8601 date or time
``e``          an error value (``#REF!``): `NoValue`
=============  =========================================================

A formula saved without its value (a cell with ``<f>`` and no ``<v>``, not
of type ``str``) is `NoValue` too.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import IO, Any

from toc.interop.tables.read import Row, cell_ref
from toc.interop.tables.values import NoValue
from toc.interop.xmltree import guarded_parser, refuse, too_deep

__all__ = ["LAST_COLUMN", "BadCell", "SheetStyle", "read_rows", "read_strings"]

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main "
_SHEET_DATA, _ROW, _CELL = _MAIN + "sheetData", _MAIN + "row", _MAIN + "c"
_VALUE, _FORMULA, _INLINE = _MAIN + "v", _MAIN + "f", _MAIN + "is"
_TEXT, _RUN, _SHARED = _MAIN + "t", _MAIN + "r", _MAIN + "si"
_CHUNK = 1 << 16

LAST_COLUMN = 16_384
"""The last column a sheet has (XFD); a cell beyond it is no cell of a workbook."""


class BadCell(Exception):
    """A cell no workbook holds: where it is (``B3``), and the value it stores.

    ``value`` is None when the place itself is wrong: a cell beyond `LAST_COLUMN`,
    a reference or row number that is none (``1A``, ``2.5``).
    """

    def __init__(self, where: str, value: str | None = None) -> None:
        super().__init__(where if value is None else f"{where}: {value!r}")
        self.where = where
        self.value = value


@dataclass(frozen=True)
class SheetStyle:
    """What a number cell's style makes of it: the styles whose format is a date or a duration."""

    dates: frozenset[int] = frozenset()
    """The style ids whose number format is a date or time."""
    durations: frozenset[int] = frozenset()
    """The style ids whose number format is a duration (``[h]:mm``)."""
    epoch: _dt.datetime = _dt.datetime(1899, 12, 30)
    """Day 0 of the workbook's serial dates (1904 for some Mac workbooks)."""


def _column(ref: str, cache: dict[str, int]) -> int:
    """The column (1 for A) of a cell reference such as ``B3`` or ``$AB$12``.

    >>> _column("B3", {}), _column("$xfd$1", {})
    (2, 16384)
    """
    letters = ref.rstrip("0123456789")
    found = cache.get(letters)
    if found is not None and len(letters) < len(ref):
        return found
    plain = letters.replace("$", "").upper()
    number = 0
    for letter in plain:
        if not "A" <= letter <= "Z":
            number = 0
            break
        number = number * 26 + ord(letter) - 64
    if not plain or len(plain) > 3 or not 1 <= number <= LAST_COLUMN or len(letters) == len(ref):
        raise BadCell(ref)
    cache[letters] = number
    return number


def _number(text: str) -> int | float:
    """A number cell's stored text as a number: a whole number unless it has a point or exponent.

    >>> _number("12"), _number("1.5"), _number("1E3")
    (12, 1.5, 1000.0)
    """
    if "." in text or "e" in text or "E" in text:
        return float(text)
    return int(text)


@dataclass
class _Sheet:
    """The state of one worksheet being read: the row and the cell being read, the rows read."""

    parser: Any
    strings: Sequence[str]
    style: SheetStyle
    convert: Callable[..., Any]
    """A serial number as a date or duration (openpyxl's ``from_excel``)."""
    iso: Callable[[str], Any]
    """An ISO 8601 date or time as one (openpyxl's ``from_ISO8601``)."""
    rows: list[tuple[int, Row]] = field(default_factory=list)
    stack: list[str] = field(default_factory=list)
    number: int = 0
    """The current row's number (from its ``r``, else one more than the last)."""
    column: int = 0
    """The current cell's column (from its ``r``, else one more than the last)."""
    values: Row = field(default_factory=dict)
    kind: str = "n"
    style_id: int = 0
    ref: str = ""
    value: list[str] | None = None
    formula: list[str] | None = None
    inline: list[str] | None = None
    collect: list[str] | None = None
    """Where the text being read goes: a cell's value, formula or inline text."""
    columns: dict[str, int] = field(default_factory=dict)

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        stack = self.stack
        if too_deep(len(stack)):
            raise refuse(self.parser, "depth")
        parent = stack[-1] if stack else ""
        if parent == _CELL:
            if tag == _VALUE:
                self.value = self.collect = []
            elif tag == _FORMULA:
                self.formula = self.collect = []
            elif tag == _INLINE:
                self.inline = []
        elif tag == _TEXT and self.inline is not None:
            # <is><t>…</t></is>, or a run of rich text <is><r><t>…</t></r></is>; not the
            # phonetic guide <rPh><t>…</t></rPh>.
            if parent == _INLINE or (parent == _RUN and stack[-2] == _INLINE):
                self.collect = self.inline
        elif tag == _CELL and parent == _ROW:
            ref = attrs.get("r")
            self.column = _column(ref, self.columns) if ref else self.column + 1
            if self.column > LAST_COLUMN:
                raise BadCell(cell_ref(self.column, self.number))
            self.ref = ref or cell_ref(self.column, self.number)
            self.kind = attrs.get("t", "n")
            style = attrs.get("s")
            self.style_id = int(style) if style and style.isdigit() else 0
            self.value = self.formula = self.inline = None
        elif tag == _ROW and parent == _SHEET_DATA:
            number = attrs.get("r")
            self.number = _row_number(number) if number else self.number + 1
            self.column = 0
            self.values = {}
        stack.append(tag)

    def end(self, tag: str) -> None:
        stack = self.stack
        stack.pop()
        self.collect = None
        if tag == _CELL and stack and stack[-1] == _ROW:
            value = self.cell()
            if value is not None:
                self.values[self.column - 1] = value
            self.value = self.formula = self.inline = None
        elif tag == _ROW and stack and stack[-1] == _SHEET_DATA:
            self.rows.append((self.number, self.values))
            self.values = {}

    def characters(self, text: str) -> None:
        if self.collect is not None:
            self.collect.append(text)

    def cell(self) -> Any:
        """The value of the cell just read, or None when it has none."""
        kind = self.kind
        if kind == "inlineStr":
            stored = "".join(self.inline) if self.inline is not None else None
        else:
            stored = "".join(self.value) if self.value is not None else None
            stored = stored or None
        if stored is None:
            if kind != "str" and self.formula is not None:
                return NoValue("formula", "=" + ("".join(self.formula) or "…"))
            return None
        try:
            if kind == "n":
                number = _number(stored)
                style = self.style
                if self.style_id in style.dates:
                    try:
                        return self.convert(
                            number, style.epoch, timedelta=self.style_id in style.durations
                        )
                    except (OverflowError, ValueError):
                        return NoValue("error", "#VALUE!")  # as Excel shows such a date
                return number
            if kind == "s":
                return self.strings[int(stored)]
            if kind == "b":
                return bool(int(stored))
            if kind == "d":
                return self.iso(stored)
            if kind == "e":
                return NoValue("error", stored)
        except (ValueError, IndexError, TypeError):
            raise BadCell(self.ref, stored) from None
        return stored  # inline text, text a formula gave, or a type toc does not know


def _row_number(text: str) -> int:
    try:
        number = float(text)
    except ValueError:
        raise BadCell(text) from None
    if not number.is_integer() or number < 1:
        raise BadCell(text)
    return int(number)


def _feed(parser: Any, source: IO[bytes]) -> None:
    while chunk := source.read(_CHUNK):
        parser.Parse(chunk, False)
    parser.Parse(b"", True)


def read_rows(
    source: IO[bytes], strings: Sequence[str], style: SheetStyle | None = None
) -> list[tuple[int, Row]]:
    """Every row of a worksheet part: (row number, the cells that hold a value, by column).

    Raises `toc.interop.xmltree.XmlRefused` (a DTD, nesting too deep),
    `xml.parsers.expat.ExpatError` (broken XML) and `BadCell` (a cell no
    workbook holds: a reference beyond `LAST_COLUMN`, a shared string that is
    not there, a number that is none).

    >>> import io
    >>> xml = (
    ...     b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    ...     b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c>'
    ...     b'<c r="C1"><v>2.5</v></c><c r="XFD1" t="s"><v>0</v></c></row></sheetData></worksheet>'
    ... )
    >>> read_rows(io.BytesIO(xml), ["far"])
    [(1, {0: 'id', 2: 2.5, 16383: 'far'})]
    """
    from openpyxl.utils.datetime import from_excel, from_ISO8601

    parser = guarded_parser(namespaces=True)
    sheet = _Sheet(parser, strings, style or SheetStyle(), from_excel, from_ISO8601)
    parser.StartElementHandler = sheet.start
    parser.EndElementHandler = sheet.end
    parser.CharacterDataHandler = sheet.characters
    parser.buffer_text = True
    _feed(parser, source)
    return sheet.rows


def read_strings(source: IO[bytes]) -> list[str]:
    """The shared strings, in order (the runs of rich text joined, phonetic guides left out).

    Raises as `read_rows` does.

    >>> import io
    >>> xml = (
    ...     b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    ...     b"<si><t>plain</t></si><si><r><t>ri</t></r><r><t>ch</t></r><rPh><t>x</t></rPh></si>"
    ...     b"<si><t>_x005F_x0041_</t></si></sst>"
    ... )
    >>> read_strings(io.BytesIO(xml))
    ['plain', 'rich', '_x005F_x0041_']
    """
    parser = guarded_parser(namespaces=True)
    stack: list[str] = []
    strings: list[str] = []
    parts: list[str] = []
    collect: list[str] | None = None

    def start(tag: str, attrs: dict[str, str]) -> None:
        nonlocal collect
        if too_deep(len(stack)):
            raise refuse(parser, "depth")
        if tag == _TEXT and stack:
            parent = stack[-1]
            if parent == _SHARED or (parent == _RUN and len(stack) > 1 and stack[-2] == _SHARED):
                collect = parts
        stack.append(tag)

    def end(tag: str) -> None:
        nonlocal collect
        stack.pop()
        collect = None
        if tag == _SHARED and len(stack) == 1:
            strings.append("".join(parts))
            parts.clear()

    def characters(text: str) -> None:
        if collect is not None:
            collect.append(text)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = characters
    parser.buffer_text = True
    _feed(parser, source)
    return strings
