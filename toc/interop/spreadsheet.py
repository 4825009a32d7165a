"""The lossless pair: a document as an xlsx workbook, or as a folder of CSV files.

One sheet (or one ``.csv`` file) per table of `toc.interop.tables`, one header
row, one item per row. Writing and reading the same document gives back the
same document: its canonical JSON is byte-identical.

Reading is bounded: the file (or the folder's CSV files together) may be at
most `toc.files.MAX_BYTES`; a workbook may unpack to at most `MAX_UNPACKED`
bytes in at most `MAX_MEMBERS` parts. Every part read goes through the one XML
guard, `toc.interop.xmltree`: a DTD (the root of the "billion laughs") is
refused, and so is nesting deeper than `toc.interop.xmltree.MAX_DEPTH`. The
sheets and shared strings are streamed (`toc.interop.worksheet`), so memory
holds the cells that have a value and nothing more; the parts openpyxl reads
into a tree (the workbook, its relationships, the styles) may have at most
`toc.interop.xmltree.MAX_ELEMENTS` elements. Formulas are never evaluated: a
cell's value is what the program that saved the file computed.

Writing is deterministic: the same document gives the same bytes (fixed dates
inside the workbook and its zip).
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path as FsPath
from typing import IO, Any
from xml.parsers import expat

from toc.errors import ReadError, WriteError
from toc.files import MAX_BYTES, write_atomic
from toc.i18n import LANGUAGES, text
from toc.interop.common import count, refusal
from toc.interop.tables import (
    DOCUMENT_TABLE,
    TABLES,
    Cell,
    Kind,
    Sheet,
    TableData,
    from_tables,
    table_name,
    to_tables,
)
from toc.interop.tables.read import Row, ignored, sparse, tables_language
from toc.interop.worksheet import BadCell, SheetStyle, read_rows, read_strings
from toc.interop.xmltree import MAX_DEPTH, MAX_ELEMENTS, XmlRefused, scan_xml
from toc.model import Document
from toc.ooxml import save_workbook
from toc.output import write_all
from toc.quoting import cell_text, csv_text, formula_like, read_cell_text, read_csv_text

__all__ = [
    "MAX_MEMBERS",
    "MAX_UNPACKED",
    "SheetSpec",
    "csv_files",
    "read_csv",
    "read_workbook",
    "read_xlsx",
    "workbook_bytes",
    "write_csv",
    "write_xlsx",
    "xlsx_bytes",
]

MAX_UNPACKED = 256 * 1024 * 1024
"""Most bytes a workbook may unpack to (its parts together): a guard against zip bombs."""

MAX_MEMBERS = 10_000
"""Most parts (files inside the zip) a workbook may have."""

_MIN_WIDTH, _MAX_WIDTH = 8, 60
_SAMPLE_ROWS = 500


# ----------------------------------------------------------------- writing


@dataclass
class SheetSpec:
    """A sheet to write: its name, header, rows and how to present them."""

    name: str
    header: list[str]
    rows: list[list[Cell]]
    kinds: list[Kind] | None = None
    """Cell kinds per column; text columns are formatted as text so that a person
    typing ``2018-05`` into them keeps the text (Excel would make it a date)."""
    widths: list[float] | None = None
    """Column widths in characters; by default from the content."""
    wrap: bool = False
    """Wrap long text in its cell (the logframe); otherwise one line per cell."""
    freeze: str = "A2"
    """The first cell below and right of the frozen panes."""
    title: str | None = None
    """A title row above the header (the logframe), in bold."""
    heights: bool = False
    """Set each row's height for its wrapped lines (spreadsheet programs do not all
    grow a row for wrapped text by themselves); without it, only rows that hold text
    of several lines get one."""


def _exact_number(value: int | float) -> bool:
    """Whether a workbook keeps the number exactly (it stores 16 significant digits)."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return abs(value) < 10**15
    if value.is_integer():
        return False  # 1.0 would come back as 1
    return float(f"{value:.16g}") == value


def _display(value: Cell) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else str(value)


def _widths(spec: SheetSpec) -> list[float]:
    if spec.widths is not None:
        return spec.widths
    out = []
    for k, name in enumerate(spec.header):
        longest = len(name) + 2
        for row in spec.rows[:_SAMPLE_ROWS]:
            if k < len(row):
                text = _display(row[k])
                longest = max(longest, max((len(line) for line in text.split("\n")), default=0))
        out.append(float(min(_MAX_WIDTH, max(_MIN_WIDTH, longest + 1))))
    return out


def _height(row: Sequence[Cell], widths: Sequence[float]) -> float:
    """Points for a row whose cells wrap at their columns' widths (15 points a line).

    >>> _height(["one line", "a\\nb\\nc"], [20, 20])
    47.0
    """
    lines = 1
    for value, width in zip(row, widths, strict=False):
        text = _display(value)
        count = sum(max(1, -(-len(line) // max(1, int(width * 1.1)))) for line in text.split("\n"))
        lines = max(lines, count)
    return float(15 * lines + 2)


def workbook_bytes(sheets: Sequence[SheetSpec]) -> bytes:
    """A workbook of these sheets: bold, frozen header row, readable widths, values only.

    Text goes into text cells (escaped by `toc.quoting.cell_text`;
    formula-like text marked with a quote prefix), numbers into number cells
    when the workbook keeps them exactly and into text cells otherwise.
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    workbook.properties.creator = "toc"
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDDDDD")
    wrap = Alignment(wrap_text=True, vertical="top")
    for spec in sheets:
        sheet = workbook.create_sheet(spec.name)
        sheet.freeze_panes = spec.freeze
        # Printed, a sheet is as wide as the page (landscape), as long as it takes.
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        widths = _widths(spec)
        for k, width in enumerate(widths, start=1):
            letter = get_column_letter(k)
            sheet.column_dimensions[letter].width = width
            kind = spec.kinds[k - 1] if spec.kinds and k <= len(spec.kinds) else None
            if kind is not None and kind not in ("bool", "integer", "number"):
                sheet.column_dimensions[letter].number_format = "@"
        top = 1
        if spec.title is not None:
            cell = WriteOnlyCell(sheet, value=cell_text(spec.title))
            cell.data_type = "s"
            cell.font = Font(bold=True, size=14)
            sheet.append([cell])
            top = 2
        elif spec.rows and spec.header:
            last = get_column_letter(len(spec.header))
            sheet.auto_filter.ref = f"A{top}:{last}{len(spec.rows) + top}"
        head = []
        for name in spec.header:
            cell = WriteOnlyCell(sheet, value=cell_text(name))
            cell.data_type = "s"
            cell.font = bold
            cell.fill = fill
            if spec.wrap:
                cell.alignment = wrap
            head.append(cell)
        sheet.append(head)
        for number, row in enumerate(spec.rows, start=top + 1):
            # A row is as tall as its wrapped lines: with `heights` every row; else a
            # row holding text of several lines (spreadsheet programs do not all grow
            # it, and the lines would be drawn over the next rows), its text at the top.
            tall = spec.heights or any(isinstance(v, str) and "\n" in v for v in row)
            if tall:
                sheet.row_dimensions[number].height = _height(row, widths)
            out: list[Any] = []
            for value in row:
                if isinstance(value, str):
                    stored = cell_text(value)
                    if spec.wrap or tall or formula_like(stored):
                        cell = WriteOnlyCell(sheet, value=stored)
                        cell.data_type = "s"
                        if formula_like(stored):
                            cell.quotePrefix = True
                        if spec.wrap or tall:
                            # Several lines show as lines, not drawn over each other.
                            cell.alignment = wrap
                        out.append(cell)
                    else:
                        out.append(stored)
                elif isinstance(value, bool) or value is None or _exact_number(value):
                    out.append(value)
                else:
                    out.append(cell_text(repr(value)))
            sheet.append(out)
    return save_workbook(workbook)


def _specs(sheets: Sequence[Sheet]) -> list[SheetSpec]:
    return [SheetSpec(s.name, s.header, s.rows, kinds=s.kinds) for s in sheets]


def xlsx_bytes(doc: Document) -> bytes:
    """The document as an xlsx workbook (bytes), one sheet per table.

    >>> import toc
    >>> doc = toc.loads("format: 1\\nid: d\\ntitle: D\\nnodes: [{id: a, stage: short, label: A}]")
    >>> xlsx_bytes(doc)[:2]
    b'PK'
    """
    return workbook_bytes(_specs(to_tables(doc)))


def write_xlsx(doc: Document, path: str | os.PathLike[str]) -> None:
    """Write the document as an xlsx workbook, atomically."""
    write_atomic(path, xlsx_bytes(doc))


def csv_files(doc: Document) -> dict[str, str]:
    """The document as CSV texts, one per table: file name → content.

    Comma-separated, UTF-8 with a byte order mark (so that Excel reads the
    letters right), formula-like text behind an apostrophe.
    """
    out: dict[str, str] = {}
    for sheet in to_tables(doc):
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow([csv_text(name) for name in sheet.header])
        for row in sheet.rows:
            writer.writerow([_csv_value(value) for value in row])
        out[f"{sheet.name}.csv"] = "\ufeff" + buffer.getvalue()
    return out


def _csv_value(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return csv_text(value)
    return repr(value)


def write_csv(doc: Document, folder: str | os.PathLike[str]) -> list[FsPath]:
    """Write the document as CSV files into ``folder`` (created if need be); returns the files.

    All files are made in memory first, so a problem leaves the folder as it was;
    each file is then replaced atomically.
    """
    files = csv_files(doc)
    target = FsPath(folder)
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise WriteError(
            text("interop.write.folder", doc.language, folder=target, reason=err.strerror)
        ) from None
    written = write_all([(target / name, content) for name, content in files.items()])
    # A table file of an earlier export in the other language would be read as
    # a second copy of its table: it is replaced by the new one.
    ours = {p.name for p in written}
    for table in (DOCUMENT_TABLE, *(t.name for t in TABLES)):
        for language in LANGUAGES:
            stale = target / f"{table_name(table, language)}.csv"
            if stale.name not in ours and stale.is_file():
                try:
                    stale.unlink()
                except OSError as err:
                    raise WriteError(
                        text("interop.write.stale", doc.language, file=stale, reason=err.strerror)
                    ) from None
    return written


# ----------------------------------------------------------------- reading


def _problem(
    file: str, key: str, language: str, *, line: int | None = None, **fields: Any
) -> ReadError:
    return ReadError([refusal(file, key, language, line=line, **fields)])


def _size_checked(file: str, max_bytes: int, language: str) -> None:
    try:
        size = os.stat(file).st_size
    except FileNotFoundError:
        raise _problem(file, "interop.read.no_file", language) from None
    except OSError as err:
        raise _problem(file, "interop.read.unreadable", language, reason=err.strerror) from None
    if size > max_bytes:
        raise _problem(
            file,
            "interop.read.too_large",
            language,
            hint="interop.xlsx.split.hint",
            size=count(size, language),
            limit=count(max_bytes, language),
        )


def _check_archive(file: str, max_unpacked: int, language: str) -> None:
    """Refuse a workbook that is not a zip, or unpacks too far (into too many parts).

    What is inside the parts is checked as they are read (`_guard`).
    """
    try:
        archive = zipfile.ZipFile(file)
    except (zipfile.BadZipFile, OSError):
        raise _problem(file, "interop.xlsx.not_zip", language) from None
    with archive:
        members = archive.infolist()
        if len(members) > MAX_MEMBERS:
            raise _problem(
                file,
                "interop.xlsx.parts",
                language,
                count=count(len(members), language),
                limit=count(MAX_MEMBERS, language),
            )
        total = sum(member.file_size for member in members)
        if total > max_unpacked:
            raise _problem(
                file,
                "interop.xlsx.unpacked",
                language,
                hint="interop.xlsx.split.hint",
                size=count(total, language),
                limit=count(max_unpacked, language),
            )


def read_workbook(
    path: str | os.PathLike[str],
    *,
    max_bytes: int = MAX_BYTES,
    max_unpacked: int = MAX_UNPACKED,
    escaped: bool = True,
    language: str = "en",
) -> list[TableData]:
    """Every sheet of a workbook as rows of values (formulas as their saved values).

    ``escaped``: undo `toc.quoting.cell_text` on text cells (toc's own
    workbooks; a plain user workbook reads the same, barring ``_xHHHH_`` and a
    leading apostrophe). A formula saved without its value, and an error value
    (``#REF!``), are read as `toc.interop.tables.values.NoValue`. Problems with
    the file itself are said in ``language``.
    """
    file = os.fspath(path)
    _size_checked(file, max_bytes, language)
    _check_archive(file, max_unpacked, language)
    try:
        sheets = _sheets(file, language)
    except ReadError:
        raise
    except Exception as err:  # openpyxl raises many kinds for a damaged file
        raise _problem(
            file, "interop.xlsx.unreadable", language, error=f"{type(err).__name__}: {err}"
        ) from None
    tables: list[TableData] = []
    for title, rows_of_values in sheets:
        rows: list[tuple[int, Row]] = []
        header: Row = {}
        for number, values in rows_of_values:
            if escaped:
                for column, value in values.items():
                    if isinstance(value, str):
                        values[column] = read_cell_text(value)
            if number == 1:
                header = values
            else:
                rows.append((number, values))
        tables.append(TableData(title, header, rows))
    return tables


_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, NotImplementedError)
"""What reading a damaged (or encrypted, or oddly compressed) part of a zip raises."""


@contextmanager
def _guard(file: str, part: str, language: str) -> Iterator[None]:
    """Reading one part of a workbook: what is wrong with it said as toc's `ReadError`."""
    try:
        yield
    except XmlRefused as refused:
        key = {"dtd": "interop.xlsx.dtd", "depth": "interop.xlsx.depth"}.get(
            refused.what, "interop.xlsx.elements"
        )
        limit = MAX_DEPTH if refused.what == "depth" else MAX_ELEMENTS
        raise _problem(file, key, language, part=part, limit=count(limit, language)) from None
    except expat.ExpatError as err:
        error = text(
            "interop.xlsx.broken", language, line=err.lineno, error=expat.ErrorString(err.code)
        )
        raise _problem(file, "interop.xlsx.damaged", language, part=part, error=error) from None
    except BadCell as bad:
        if bad.value is None:
            error = text("interop.xlsx.bad_place", language, place=bad.where)
        else:
            error = text("interop.xlsx.bad_cell", language, cell=bad.where, value=bad.value)
        raise _problem(file, "interop.xlsx.damaged", language, part=part, error=error) from None
    except _ZIP_ERRORS as err:
        error = f"{type(err).__name__}: {err}"
        raise _problem(file, "interop.xlsx.damaged", language, part=part, error=error) from None


class _GuardedParts:
    """A workbook's zip as openpyxl reads it: each part it reads goes through the XML guard first.

    openpyxl parses the small parts (content types, the workbook, its
    relationships, the styles) into trees: each is first read to its end by
    `toc.interop.xmltree.scan_xml`, which refuses a DTD, nesting deeper than
    `MAX_DEPTH` and more than `MAX_ELEMENTS` elements, in bounded memory.
    """

    def __init__(self, archive: zipfile.ZipFile, file: str, language: str) -> None:
        self.archive = archive
        self.file = file
        self.language = language

    def read(self, name: str) -> bytes:
        with _guard(self.file, name, self.language):
            data = self.archive.read(name)
            scan_xml(io.BytesIO(data))
        return data

    def open(self, name: str, *args: Any, **kwargs: Any) -> IO[bytes]:
        with _guard(self.file, name, self.language):
            with self.archive.open(name) as source:
                scan_xml(source)
            return self.archive.open(name, *args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.archive, name)


def _sheets(file: str, language: str) -> list[tuple[str, list[tuple[int, Row]]]]:
    """(title, [(row number, cells)]) of every worksheet, values as the file saved them.

    openpyxl reads what the workbook says of itself (its sheets, their parts,
    the styles that make a number a date), every part through the XML guard
    (`_GuardedParts`); toc's own streaming reader (`toc.interop.worksheet`)
    reads the sheets and the shared strings, so that memory holds what is in
    the cells and nothing more. A row holds the cells that have a value, by
    column, however far to the right a cell stands. A sheet toc ignores
    (`ignored`) is not read: it comes with no rows.
    """
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.styles.stylesheet import apply_stylesheet
    from openpyxl.xml.constants import SHARED_STRINGS

    reader = ExcelReader(file, read_only=True, data_only=True, keep_links=False)
    archive: zipfile.ZipFile = reader.archive
    reader.archive = _GuardedParts(archive, file, language)
    try:
        reader.read_manifest()
        strings: list[str] = []
        found = reader.package.find(SHARED_STRINGS)
        if found is not None:
            part = found.PartName[1:]
            with _guard(file, part, language), archive.open(part) as source:
                strings = read_strings(source)
        reader.read_workbook()
        apply_stylesheet(reader.archive, reader.wb)
        workbook = reader.wb
        style = SheetStyle(
            frozenset(workbook._date_formats),
            frozenset(getattr(workbook, "_timedelta_formats", ())),
            workbook.epoch,
        )
        out: list[tuple[str, list[tuple[int, Row]]]] = []
        for sheet, rel in reader.parser.find_sheets():
            if rel.target not in reader.valid_files or "chartsheet" in rel.Type:
                continue
            if ignored(str(sheet.name)):
                out.append((str(sheet.name), []))
                continue
            with _guard(file, rel.target, language), archive.open(rel.target) as source:
                out.append((str(sheet.name), read_rows(source, strings, style)))
        return out
    finally:
        archive.close()


def read_xlsx(
    path: str | os.PathLike[str], *, max_bytes: int = MAX_BYTES, language: str = "en"
) -> Document:
    """The document a workbook holds (as `write_xlsx` writes it, or typed by a person).

    Every problem is reported at once, in the workbook's terms:
    ``links!C7: unknown node 'nowhere'``; in the document's language, or in
    ``language`` where the workbook does not say its own (`from_tables`).
    Every sheet of the layout must be there (`toc.interop.tables.read.REQUIRED`).
    """
    tables = read_workbook(path, max_bytes=max_bytes, language=language)
    return from_tables(tables, file=os.fspath(path), language=language)


def _decode_csv(raw: bytes, file: str, language: str) -> str:
    """A CSV file's text: UTF-8, with or without a byte order mark.

    Refused where the first byte that is not UTF-8 stands: its offset from the
    start of the file (the byte order mark counted) and its line.
    """
    bom = len(codecs.BOM_UTF8) if raw.startswith(codecs.BOM_UTF8) else 0
    try:
        return raw[bom:].decode("utf-8")
    except UnicodeDecodeError as err:
        offset = bom + err.start
        raise _problem(
            file,
            "interop.csv.not_utf8",
            language,
            line=raw[:offset].count(b"\n") + 1,
            byte=raw[offset],
            offset=offset,
        ) from None


def _delimiter(text: str) -> str:
    """``,``, ``;`` (Swedish Excel) or a tab, whichever the header line uses most."""
    first = text.split("\n", 1)[0]
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    return max(counts, key=lambda d: (counts[d], d == ","))


def read_csv(
    folder: str | os.PathLike[str], *, max_bytes: int = MAX_BYTES, language: str = "en"
) -> Document:
    """The document a folder of CSV files holds (one file per table, named after it).

    Every table of the layout must have its file (`toc.interop.tables.read.REQUIRED`).
    Problems are in the document's language; before the document is read, in
    the language of the files' names, else in ``language``.
    """
    root = os.fspath(folder)
    if not os.path.isdir(root):
        missing = "interop.csv.not_folder" if os.path.exists(root) else "interop.csv.no_folder"
        raise _problem(root, missing, language, hint="interop.csv.folder.hint")
    files = sorted(p for p in FsPath(root).iterdir() if p.suffix.lower() == ".csv")
    if not files:
        raise _problem(root, "interop.csv.empty", language)
    language = tables_language([TableData(p.stem, {}, []) for p in files], language)
    total = 0
    tables: list[TableData] = []
    for path in files:
        total += path.stat().st_size
        if total > max_bytes:
            raise _problem(
                root, "interop.csv.too_large", language, limit=count(max_bytes, language)
            )
        content = _decode_csv(path.read_bytes(), os.fspath(path), language)
        try:
            records = list(
                csv.reader(
                    io.StringIO(content, newline=""), delimiter=_delimiter(content), strict=True
                )
            )
        except csv.Error as err:
            raise _problem(os.fspath(path), "interop.csv.broken", language, error=err) from None
        cells = [sparse(read_csv_text(v) if v else None for v in record) for record in records]
        header: Row = cells[0] if cells else {}
        rows = list(enumerate(cells[1:], start=2))
        tables.append(TableData(path.stem, header, rows))
    return from_tables(tables, file=root, kind="file", language=language)
