"""Tables as a document: `from_tables`, every problem located by table and cell.

The tables are matched to the layout by name in either language, their
columns by header; each cell is decoded (`toc.interop.tables.values`) and
remembered where it came from, so that validation problems of the document
are said at the cell (``links!C7: unknown node 'nowhere'``).

Every table of the layout must be there (`REQUIRED`): a table left out could
otherwise be read as a table with nothing in it, and its items lost without a
word. A table with nothing in it is a sheet with only its header row, or an
empty sheet.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from toc.errors import DocumentError
from toc.files import validate
from toc.findings import Finding, Path, dotted
from toc.i18n import CATALOGUE, LANGUAGES, format_number, text
from toc.interop.tables.layout import (
    DOCUMENT_ROWS,
    DOCUMENT_TABLE,
    TABLE_NAMES,
    TABLES,
    Column,
    Table,
    column_name,
    fold,
    spellings,
    table_name,
)
from toc.interop.tables.values import CellError, NoValue, ReadCell, decode
from toc.model import Document, did_you_mean

__all__ = [
    "REQUIRED",
    "Row",
    "TableData",
    "cell_ref",
    "from_tables",
    "ignored",
    "sparse",
    "tables_language",
]

REQUIRED: tuple[str, ...] = (DOCUMENT_TABLE, *(t.name for t in TABLES))
"""The tables a workbook or CSV folder must have, by their English names: all of them."""


Row = dict[int, ReadCell]
"""A row's cells that hold something, by column (0 for A): as large as what is in it,
however far to the right a cell stands."""


def sparse(values: Iterable[ReadCell]) -> Row:
    """The row of these values, column A first; empty cells (None) left out.

    >>> sparse(["a", None, "", 3])
    {0: 'a', 2: '', 3: 3}
    """
    return {index: value for index, value in enumerate(values) if value is not None}


def ignored(name: str) -> bool:
    """Whether a sheet (or CSV file) is one of the user's own that toc does not read.

    >>> ignored("Notes (ignore)"), ignored("notes")
    (True, False)
    """
    return fold(name).endswith("(ignore)")


@dataclass
class TableData:
    """The rows of one table as read from a file, with where each row stands."""

    name: str
    """The table's name as the file spells it (a sheet name, a CSV file name)."""
    header: Row
    rows: list[tuple[int, Row]]
    """(row number in the file, cells); row 1 is the header."""

    def empty(self) -> bool:
        """Whether the table has nothing in it, not even a header row."""
        return _blank(self.header.values()) and all(
            _blank(cells.values()) for _, cells in self.rows
        )


def cell_ref(column: int, row: int) -> str:
    """A spreadsheet cell's name: column 1, row 7 → ``A7``.

    >>> cell_ref(3, 7), cell_ref(28, 1)
    ('C7', 'AB1')
    """
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters + str(row)


@dataclass
class _Reader:
    """Builds the document's data from tables, remembering where each value came from."""

    file: str
    language: str = "en"
    kind: Literal["sheet", "file"] = "sheet"
    """What holds a table: a workbook's sheet, or a CSV file in a folder."""
    document: str | None = None
    """The name of the document's table as the file spells it, once found."""
    problems: list[tuple[tuple[int, int, int], Finding]] = field(default_factory=list)
    places: dict[Path, tuple[str, tuple[int, int, int]]] = field(default_factory=dict)
    """Data path → (cell reference, sort key)."""

    def problem(
        self, where: str, order: tuple[int, int, int], key: str, hint: str | None = None, **f: Any
    ) -> None:
        self.said(where, order, text(key, self.language, **f), hint)

    def said(self, where: str, order: tuple[int, int, int], message: str, hint: str | None) -> None:
        """A problem whose message is already worded."""
        if where != self.file:  # the file itself is named once, by the finding
            message = f"{where}: {message}"
        self.problems.append((order, Finding(message, hint=hint, file=self.file)))

    def cell_problem(self, where: str, order: tuple[int, int, int], err: CellError) -> None:
        """A cell that does not hold what its column needs, with the catalogue's hint if any."""
        hint_key = f"{err.key}.hint"
        hint = text(hint_key, self.language, **err.fields) if hint_key in CATALOGUE else None
        self.problem(where, order, err.key, hint, **err.fields)

    def table_key(self, key: str) -> str:
        """The catalogue key of a message about a table: said of a sheet or of a file."""
        return key.replace("_table", "_file") if self.kind == "file" else key

    def table_name(self, table: str, language: str) -> str:
        """A table's name in a language as this kind of file spells it (``links.csv``)."""
        name = table_name(table, language)
        return f"{name}.csv" if self.kind == "file" else name

    def shown(self, name: str) -> str:
        """A table's name as the file spells it, as a person sees it (``nodes.csv``)."""
        return f"{name}.csv" if self.kind == "file" else name

    def both_names(self, naming: Any, key: str) -> str:
        """A table's or column's names, the file's language first: ``länkar / links``."""
        order = (self.language, *(lang for lang in LANGUAGES if lang != self.language))
        return " / ".join(dict.fromkeys(naming(key, lang) for lang in order))


def _header_map(
    reader: _Reader,
    data: TableData,
    sheet_no: int,
    columns: Sequence[Column],
    table: str,
) -> dict[int, Column] | None:
    """Which column of the file holds which field; problems for unknown or missing ones."""
    wanted: dict[str, Column] = {}
    for column in columns:
        for name in spellings(column.key, column_name):
            wanted.setdefault(name, column)
    found: dict[int, Column] = {}
    seen: dict[str, int] = {}
    ok, unread = True, False
    for index, header_name in sorted(data.header.items()):
        ref = f"{data.name}!{cell_ref(index + 1, 1)}"
        if isinstance(header_name, NoValue):
            reader.cell_problem(ref, (sheet_no, 1, index + 1), header_name.problem())
            ok, unread = False, True
            continue
        if header_name is None or not str(header_name).strip():
            continue
        name = str(header_name)
        match = wanted.get(fold(name))
        if match is None:
            choices = [column_name(c.key, reader.language) for c in columns]
            reader.problem(
                ref,
                (sheet_no, 1, index + 1),
                "interop.error.unknown_column",
                did_you_mean(str(name), choices, reader.language)
                or text("interop.hint.columns", reader.language, names=", ".join(choices)),
                name=str(name),
            )
            ok = False
            continue
        column = match
        if column.key in seen:
            reader.problem(
                ref,
                (sheet_no, 1, index + 1),
                "interop.error.duplicate_column",
                None,
                name=str(name),
                other=cell_ref(seen[column.key] + 1, 1),
            )
            ok = False
            continue
        seen[column.key] = index
        found[index] = column
    for column in columns:
        # A header that could not be read may be the missing column: not said again.
        if column.required and column.key not in seen and not unread:
            reader.problem(
                data.name,
                (sheet_no, 1, 0),
                "interop.error.missing_column_file"
                if reader.kind == "file"
                else "interop.error.missing_column",
                text(
                    "interop.hint.call_it",
                    reader.language,
                    names=reader.both_names(column_name, column.key),
                ),
                name=column_name(column.key, reader.language),
                table=reader.table_name(table, reader.language),
            )
            ok = False
    return found if ok else None


def _set(item: dict[str, Any], path: Sequence[str], value: Any) -> None:
    for part in path[:-1]:
        item = item.setdefault(part, {})
    item[path[-1]] = value


def _blank(cells: Iterable[ReadCell]) -> bool:
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in cells)


_TABLE_KEYS = (DOCUMENT_TABLE, *TABLE_NAMES.values())


def _known_names() -> dict[str, str]:
    """Every name a table goes by (folded), in either language → the table's English name."""
    known: dict[str, str] = {}
    for table_key in _TABLE_KEYS:
        for name in spellings(table_key, table_name):
            known[name] = table_key
    return known


def _language_of(tables: Sequence[TableData], known: Mapping[str, str], fallback: str) -> str:
    """The language the tables are written in.

    The document's own ``language`` where its table gives one; else the
    language of the tables' names (Swedish if any has its Swedish name,
    English if any has its English name); else ``fallback``.
    """
    languages = spellings("language", column_name)
    for t in tables:
        if known.get(fold(t.name)) != DOCUMENT_TABLE:
            continue
        for _, cells in t.rows:
            key, value = cells.get(0), cells.get(1)
            if isinstance(key, str) and fold(key) in languages:
                value = value.strip() if isinstance(value, str) else None
                if value in LANGUAGES:
                    return value
    named = {fold(t.name) for t in tables}
    for language in LANGUAGES:
        others = [lang for lang in LANGUAGES if lang != language]
        for table in _TABLE_KEYS:
            own = fold(table_name(table, language))
            if own in named and all(own != fold(table_name(table, o)) for o in others):
                return language
    return fallback


def _add_table_hint(reader: _Reader, table: str) -> str:
    """How to add a missing table: its names, and for the document table its rows."""
    names = reader.both_names(reader.table_name, table)
    if table != DOCUMENT_TABLE:
        key = "interop.hint.add_file" if reader.kind == "file" else "interop.hint.add_sheet"
        return text(key, reader.language, names=names)
    language = reader.language
    required = [column_name(c.key, language) for c in DOCUMENT_ROWS if c.required]
    return text(
        f"interop.hint.add_document_{reader.kind}",
        language,
        names=names,
        header=" | ".join(column_name(c, language) for c in ("field", "value")),
        fields=", ".join(required),
    )


def tables_language(tables: Sequence[TableData], fallback: str = "en") -> str:
    """The language tables are written in: the document's, else their names', else ``fallback``.

    >>> tables_language([TableData("noder", [], [])]), tables_language([TableData("x", [], [])])
    ('sv', 'en')
    """
    return _language_of(tables, _known_names(), fallback)


def from_tables(
    tables: Sequence[TableData],
    *,
    file: str,
    kind: Literal["sheet", "file"] = "sheet",
    language: str = "en",
) -> Document:
    """The document the tables hold; every problem located by table and cell, raised at once.

    Raises `toc.errors.DocumentError` whose problems read like
    ``links!C7: unknown node 'nowhere'``, in the document's language (its
    ``language`` field, else the language of the tables' names, else
    ``language``). ``kind`` says what holds a table: a workbook's ``sheet``
    or a CSV ``file``. Every table of `REQUIRED` must be there; a table with
    nothing in it, not even a header row, is a table without items.
    """
    known = _known_names()
    by_name = {fold(t.name): t for t in tables}
    reader = _Reader(file, _language_of(tables, known, language), kind)
    order = {fold(t.name): k for k, t in enumerate(tables)}
    for name, given in by_name.items():
        if name not in known and not ignored(name):
            choices = [reader.table_name(t, reader.language) for t in _TABLE_KEYS]
            shown = reader.shown(given.name)
            reader.problem(
                given.name,
                (order[name], 0, 0),
                reader.table_key("interop.error.unknown_table"),
                did_you_mean(shown, choices, reader.language)
                or text(
                    "interop.hint.files" if kind == "file" else "interop.hint.tables",
                    reader.language,
                    names=", ".join(choices),
                ),
                name=shown,
            )
    found: dict[str, TableData] = {}
    for name, t in by_name.items():
        if name not in known:
            continue
        other = found.get(known[name])
        if other is not None:
            reader.problem(
                t.name,
                (order[name], 0, 0),
                reader.table_key("interop.error.duplicate_table"),
                None,
                name=reader.shown(t.name),
                other=reader.shown(other.name),
            )
            continue
        found[known[name]] = t
    for required in REQUIRED:
        if required not in found:
            reader.problem(
                file,
                (-1, 0, 0),
                reader.table_key("interop.error.missing_table"),
                _add_table_hint(reader, required),
                name=reader.table_name(required, reader.language),
            )
    if DOCUMENT_TABLE in found:
        reader.document = found[DOCUMENT_TABLE].name
    data: dict[str, Any] = {}
    if DOCUMENT_TABLE in found:
        _read_document(reader, found[DOCUMENT_TABLE], order[fold(found[DOCUMENT_TABLE].name)], data)
    items: dict[tuple[str, ...], dict[str, dict[str, Any]]] = {}
    unread: set[tuple[str, ...]] = set()
    for table in TABLES:
        if table.name in found:
            t = found[table.name]
            _read_table(reader, table, t, order[fold(t.name)], data, items, unread)
    if reader.problems:
        raise DocumentError([p for _, p in sorted(reader.problems, key=lambda x: x[0])])
    data.setdefault("format", 1)
    try:
        return validate(data)
    except DocumentError as err:
        raise DocumentError(_placed(reader, err.problems)) from None


def _read_document(reader: _Reader, table: TableData, sheet_no: int, data: dict[str, Any]) -> None:
    rows: dict[str, Column] = {}
    for column in DOCUMENT_ROWS:
        for name in spellings(column.key, column_name):
            rows.setdefault(name, column)
    seen: dict[str, int] = {}
    strays = _Strays()
    strays.note(1, table.header, _DOCUMENT_COLUMNS)
    for number, cells in table.rows:
        strays.note(number, cells, _DOCUMENT_COLUMNS)
        key, value = cells.get(0), cells.get(1)
        if _blank((key, value)):
            continue
        ref = f"{table.name}!{cell_ref(1, number)}"
        if isinstance(key, NoValue):
            reader.cell_problem(ref, (sheet_no, number, 1), key.problem())
            continue
        found = rows.get(fold(key))
        if found is None:
            choices = [column_name(c.key, reader.language) for c in DOCUMENT_ROWS]
            reader.problem(
                ref,
                (sheet_no, number, 1),
                "interop.error.unknown_field",
                did_you_mean(str(key), choices, reader.language)
                or text("interop.hint.columns", reader.language, names=", ".join(choices)),
                name=str(key),
            )
            continue
        column = found
        if column.key in seen:
            reader.problem(
                ref,
                (sheet_no, number, 1),
                "interop.error.duplicate_field",
                None,
                name=str(key),
                other=seen[column.key],
            )
            continue
        seen[column.key] = number
        place = (f"{table.name}!{cell_ref(2, number)}", (sheet_no, number, 2))
        reader.places[column.path] = place
        if len(column.path) > 1:
            # A nested model's rows being there is what makes it present.
            data.setdefault(column.path[0], {})
            reader.places.setdefault(column.path[:1], place)
        try:
            decoded = decode(value, column.kind)
        except CellError as err:
            reader.cell_problem(place[0], place[1], err)
            continue
        if decoded is not None:
            _set(data, column.path, decoded)
    language = reader.language
    said = text(
        "interop.error.outside_document",
        language,
        field=column_name("field", language),
        value=column_name("value", language),
    )
    hint = text("interop.error.outside_document.hint", language)
    strays.report(reader, table.name, sheet_no, said, lambda column: hint)


_DOCUMENT_COLUMNS = {0: "field", 1: "value"}
"""The document's table's columns, by index: the field's name and its value."""


def _read_table(
    reader: _Reader,
    table: Table,
    t: TableData,
    sheet_no: int,
    data: dict[str, Any],
    items: dict[tuple[str, ...], dict[str, dict[str, Any]]],
    unread: set[tuple[str, ...]],
) -> None:
    columns = list(table.columns)
    parent_column = None
    if table.parent is not None:
        parent_column = Column(table.parent, (table.parent,), "id", True)
        columns.insert(0, parent_column)
    if t.empty():
        items[table.path] = {}  # a table with nothing in it, not even a header row
        return
    header = _header_map(reader, t, sheet_no, columns, table.name)
    if header is None or table.path[:-1] in unread:
        # Its columns are wrong (already reported), or its parent table's are:
        # its rows, and its children's, are not read.
        unread.add(table.path)
        return
    parents = items.get(table.path[:-1], {})
    # "nodes!C" for each column: the row number completes a cell's name.
    prefix = {index: f"{t.name}!{cell_ref(index + 1, 1)[:-1]}" for index in header}
    own: dict[str, dict[str, Any]] = {}
    items[table.path] = own
    strays = _Strays()
    for number, cells in t.rows:
        strays.note(number, cells, header)
        if _blank(cells.get(index) for index in header):
            continue
        item: dict[str, Any] = {}
        present: set[str] = set()
        cell_places: dict[tuple[str, ...], tuple[str, tuple[int, int, int]]] = {}
        parent_id: Any = None
        failed = False
        for index, column in header.items():
            value = cells.get(index)
            place = (f"{prefix[index]}{number}", (sheet_no, number, index + 1))
            cell_places[column.path] = place
            try:
                decoded = decode(value, column.kind)
            except CellError as err:
                reader.cell_problem(place[0], place[1], err)
                failed = True
                continue
            if column is parent_column:
                parent_id = decoded
                continue
            if decoded is not None:
                _set(item, column.path, decoded)
                present.add(column.path[0])
            elif column.required and column is not parent_column:
                reader.problem(
                    place[0],
                    place[1],
                    "interop.error.required",
                    None,
                    name=column_name(column.key, reader.language),
                )
                failed = True
        first = (f"{t.name}!{cell_ref(1, number)}", (sheet_no, number, 1))
        if table.parent is not None:
            place = cell_places[(table.parent,)]
            if parent_id is None or parent_id == "":
                reader.problem(
                    place[0],
                    place[1],
                    "interop.error.required",
                    None,
                    name=column_name(table.parent, reader.language),
                )
                continue
            parent = parents.get(parent_id)
            if parent is None:
                if isinstance(item.get("id"), str):
                    # Read, so that its own children are not reported as well.
                    own.setdefault(item["id"], {"item": item, "path": ()})
                hint = did_you_mean(str(parent_id), parents, reader.language)
                reader.problem(
                    place[0],
                    place[1],
                    f"interop.error.unknown_{table.parent}",
                    hint,
                    id=str(parent_id),
                )
                continue
            siblings = parent["item"].setdefault(table.path[-1], [])
            base = (*parent["path"], table.path[-1], len(siblings))
        else:
            siblings = data.setdefault(table.path[0], [])
            base = (table.path[0], len(siblings))
        if isinstance(item.get("id"), str):
            own.setdefault(item["id"], {"item": item, "path": base})
        if failed:
            continue
        siblings.append(item)
        reader.places[base] = first
        for path, place in cell_places.items():
            if parent_column is None or path != (table.parent,):
                reader.places[(*base, *path)] = place
                if len(path) > 1:
                    reader.places.setdefault((*base, path[0]), place)
    used = {column.key for column in header.values()}
    unused = [column_name(c.key, reader.language) for c in columns if c.key not in used]
    language = reader.language
    names = ", ".join(unused)
    strays.report(
        reader,
        t.name,
        sheet_no,
        text("interop.error.no_header", language),
        lambda column: (
            text("interop.hint.no_header", language, column=column, names=names)
            if unused
            else text("interop.hint.no_header_full", language)
        ),
    )


@dataclass
class _Strays:
    """Values in columns without a header: the first cell of each such column, and how many."""

    first: dict[int, int] = field(default_factory=dict)
    """Column (0 for A) → the row of its first value."""
    more: dict[int, int] = field(default_factory=dict)
    """Column → how many values it holds after the first."""

    def note(self, number: int, cells: Row, known: Mapping[int, Any]) -> None:
        """Remember the row's values outside the columns ``known`` (by their index)."""
        for index, value in cells.items():
            if index in known or _blank((value,)):
                continue
            if index in self.first:
                self.more[index] = self.more.get(index, 0) + 1
            else:
                self.first[index] = number

    def report(
        self, reader: _Reader, table: str, sheet_no: int, message: str, hint: Callable[[str], str]
    ) -> None:
        """One problem per column, at its first value: ``nodes!H3: a value in a column …``."""
        for index, number in self.first.items():
            column = cell_ref(index + 1, 1)[:-1]
            more = self.more.get(index, 0)
            said = message
            if more:
                said = text(
                    "interop.error.more_in_column",
                    reader.language,
                    message=message,
                    more=format_number(more, reader.language, 0),
                    column=column,
                )
            reader.said(
                f"{table}!{cell_ref(index + 1, number)}",
                (sheet_no, number, index + 1),
                said,
                hint(column),
            )


def _placed(reader: _Reader, problems: Sequence[Finding]) -> list[Finding]:
    """Validation problems moved from data paths to the cells they came from."""
    out: list[tuple[tuple[int, int, int], Finding]] = []
    for problem in problems:
        path = problem.path
        place = None
        for k in range(len(path), -1, -1):
            place = reader.places.get(path[:k])
            if place is not None:
                break
        message = problem.message
        for k in range(len(path), 0, -1):
            prefix = dotted(path[:k]) + ": "
            if message.startswith(prefix):
                message = message[len(prefix) :]
                break
        hint = problem.hint
        name = str(path[-1]) if path else ""
        if message in {text("load.missing_key", lang, name=name) for lang in LANGUAGES}:
            shown = column_name(name, reader.language)
            if len(path) == 1 and place is None:
                # A field of the document with no row: said of the document's table.
                message = text("interop.error.missing_field", reader.language, name=shown)
                hint = text("interop.hint.add_field", reader.language, name=shown)
                if reader.document is not None:
                    place = (reader.document, (-1, 0, 0))
            else:
                message = text("interop.error.required", reader.language, name=shown)
                hint = None
        key = place[1] if place else (-1, 0, 0)
        text_of = f"{place[0]}: {message}" if place else message
        out.append((key, Finding(text_of, path, hint, file=reader.file)))
    out.sort(key=lambda pair: pair[0])
    return [finding for _, finding in out]
