"""Tables as a document: `from_tables`, every problem located by table and cell.

The tables are matched to the layout by name in either language, their
columns by header; each cell is decoded (`toc.interop.tables.values`) and
remembered where it came from, so that validation problems of the document
are said at the cell (``links!C7: unknown node 'nowhere'``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from toc.errors import DocumentError
from toc.files import validate
from toc.findings import Finding, Path, dotted
from toc.i18n import LANGUAGES, text
from toc.interop.tables.layout import (
    DOCUMENT_ROWS,
    DOCUMENT_TABLE,
    TABLE_NAMES,
    TABLES,
    Cell,
    Column,
    Table,
    column_name,
    fold,
    spellings,
    table_name,
)
from toc.interop.tables.values import CellError, decode
from toc.model import Document, did_you_mean

__all__ = ["TableData", "cell_ref", "from_tables"]


@dataclass
class TableData:
    """The rows of one table as read from a file, with where each row stands."""

    name: str
    """The table's name as the file spells it (a sheet name, a CSV file name)."""
    header: list[Cell]
    rows: list[tuple[int, list[Cell]]]
    """(row number in the file, cells); row 1 is the header."""


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
    problems: list[tuple[tuple[int, int, int], Finding]] = field(default_factory=list)
    places: dict[Path, tuple[str, tuple[int, int, int]]] = field(default_factory=dict)
    """Data path → (cell reference, sort key)."""

    def problem(
        self, where: str, order: tuple[int, int, int], key: str, hint: str | None = None, **f: Any
    ) -> None:
        message = text(key, self.language, **f)
        if where != self.file:  # the file itself is named once, by the finding
            message = f"{where}: {message}"
        self.problems.append((order, Finding(message, hint=hint, file=self.file)))


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
    ok = True
    for index, header_name in enumerate(data.header):
        if header_name is None or not str(header_name).strip():
            continue
        name = str(header_name)
        ref = f"{data.name}!{cell_ref(index + 1, 1)}"
        match = wanted.get(fold(name))
        if match is None:
            choices = [column_name(c.key, reader.language) for c in columns]
            reader.problem(
                ref,
                (sheet_no, 1, index + 1),
                "interop.error.unknown_column",
                did_you_mean(str(name), choices)
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
        if column.required and column.key not in seen:
            reader.problem(
                data.name,
                (sheet_no, 1, 0),
                "interop.error.missing_column",
                text(
                    "interop.hint.call_it",
                    reader.language,
                    names=" / ".join(sorted({column_name(column.key, lang) for lang in LANGUAGES})),
                ),
                name=column_name(column.key, reader.language),
                table=table_name(table, reader.language),
            )
            ok = False
    return found if ok else None


def _set(item: dict[str, Any], path: Sequence[str], value: Any) -> None:
    for part in path[:-1]:
        item = item.setdefault(part, {})
    item[path[-1]] = value


def _blank(cells: Iterable[Cell]) -> bool:
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in cells)


def _language_of(tables: Mapping[str, TableData]) -> str:
    """The language the tables are written in: Swedish if any table has its Swedish name."""
    for name in tables:
        for table in (DOCUMENT_TABLE, *TABLE_NAMES.values()):
            sv, en = table_name(table, "sv"), table_name(table, "en")
            if sv != en and fold(name) == fold(sv):
                return "sv"
    return "en"


def from_tables(tables: Sequence[TableData], *, file: str) -> Document:
    """The document the tables hold; every problem located by table and cell, raised at once.

    Raises `toc.errors.DocumentError` whose problems read like
    ``links!C7: unknown node 'nowhere'``.
    """
    by_name = {fold(t.name): t for t in tables}
    reader = _Reader(file, _language_of({t.name: t for t in tables}))
    order = {fold(t.name): k for k, t in enumerate(tables)}
    known: dict[str, str] = {}
    for table_key in (DOCUMENT_TABLE, *TABLE_NAMES.values()):
        for name in spellings(table_key, lambda key, lang: table_name(key, lang)):
            known[name] = table_key
    for name, given in by_name.items():
        if name not in known and not name.endswith("(ignore)"):
            choices = [
                table_name(t, reader.language) for t in (DOCUMENT_TABLE, *TABLE_NAMES.values())
            ]
            reader.problem(
                given.name,
                (order[name], 0, 0),
                "interop.error.unknown_table",
                did_you_mean(given.name, choices)
                or text("interop.hint.tables", reader.language, names=", ".join(choices)),
                name=given.name,
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
                "interop.error.duplicate_table",
                None,
                name=t.name,
                other=other.name,
            )
            continue
        found[known[name]] = t
    for required in (DOCUMENT_TABLE, "nodes"):
        if required not in found:
            reader.problem(
                file,
                (-1, 0, 0),
                "interop.error.missing_table",
                text(
                    "interop.hint.call_it",
                    reader.language,
                    names=" / ".join(sorted({table_name(required, lang) for lang in LANGUAGES})),
                ),
                name=table_name(required, reader.language),
            )
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
    for number, cells in table.rows:
        if _blank(cells[:2]):
            continue
        key = cells[0] if cells else None
        value = cells[1] if len(cells) > 1 else None
        ref = f"{table.name}!{cell_ref(1, number)}"
        found = rows.get(fold(key))
        if found is None:
            choices = [column_name(c.key, reader.language) for c in DOCUMENT_ROWS]
            reader.problem(
                ref,
                (sheet_no, number, 1),
                "interop.error.unknown_field",
                did_you_mean(str(key), choices)
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
            reader.problem(place[0], place[1], err.key, None, **err.fields)
            continue
        if decoded is not None:
            _set(data, column.path, decoded)


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
    for number, cells in t.rows:
        if _blank(cells):
            continue
        item: dict[str, Any] = {}
        present: set[str] = set()
        cell_places: dict[tuple[str, ...], tuple[str, tuple[int, int, int]]] = {}
        parent_id: Any = None
        failed = False
        for index, column in header.items():
            value = cells[index] if index < len(cells) else None
            place = (f"{prefix[index]}{number}", (sheet_no, number, index + 1))
            cell_places[column.path] = place
            try:
                decoded = decode(value, column.kind)
            except CellError as err:
                reader.problem(place[0], place[1], err.key, None, **err.fields)
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
                hint = did_you_mean(str(parent_id), parents)
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
        if message.startswith("missing required key "):
            name = path[-1] if path else ""
            message = text(
                "interop.error.required",
                reader.language,
                name=column_name(str(name), reader.language),
            )
            hint = None
        where = place[0] if place else reader.file
        key = place[1] if place else (-1, 0, 0)
        out.append((key, Finding(f"{where}: {message}", path, hint, file=reader.file)))
    out.sort(key=lambda pair: pair[0])
    return [finding for _, finding in out]
