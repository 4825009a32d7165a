"""A document as tables, and tables as a document: the layout of the workbook and CSV pair.

One table per list of the document (interventions, actors, nodes, indicators,
measurements, links, mechanisms, conditions, rivals, evidence, judgements) and
a key/value table for the document's own fields. The columns are derived from
the models' fields, so a field added to the model gets a column without a
change here:

- a text, number or true/false field is one column;
- a list of texts or numbers is one column, the values separated by ``|``
  (`toc.interop.quoting.join_values`);
- a mapping of texts (``checks.severity``) is one column of ``key=value`` items;
- a nested model (an indicator's ``baseline``) is one column per field,
  ``baseline.value``, ``baseline.date``, …;
- a list of models gets its own table when the layout names one (a node's
  ``indicators``, an indicator's ``actual`` readings, with a column naming the
  parent); anything else is written as JSON in one cell.

`to_tables` and `from_tables` are pure: the file formats (`toc.interop.spreadsheet`)
only move these rows in and out of xlsx and CSV files. Headers and table names
are written in the document's language and read in either language.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
import types
import typing
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from mechanisms.model import NarrativeEvidence, SurveyEvidence
from toc.errors import DocumentError
from toc.files import to_data, validate
from toc.findings import Finding, Path, dotted
from toc.i18n import CATALOGUE, LANGUAGES, text
from toc.interop.quoting import join_values, split_values
from toc.model import Document, did_you_mean

__all__ = [
    "DOCUMENT_TABLE",
    "TABLES",
    "Column",
    "Table",
    "TableData",
    "column_name",
    "from_tables",
    "table_name",
    "to_tables",
]

Cell = str | int | float | bool | None
"""A value as the table layer sees it: logical text (file escapes already undone),
a number, true/false, or None for an empty cell."""

Kind = Literal["text", "id", "integer", "number", "bool", "list", "numbers", "mapping", "json"]

DOCUMENT_TABLE = "document"
"""The key/value table of the document's own fields."""


@dataclass(frozen=True)
class Column:
    """One column of a table: a field of the row's model, possibly nested."""

    key: str
    """Dotted field path: ``label``, ``baseline.value``."""
    path: tuple[str, ...]
    kind: Kind
    required: bool


@dataclass(frozen=True)
class Table:
    """One table: a list of the document, one row per item."""

    name: str
    """English name of the table (``nodes``); `table_name` gives it in a language."""
    path: tuple[str, ...]
    """Where its items live: ``("nodes",)``, ``("nodes", "indicators")``."""
    parent: str | None
    """The column naming the parent item (``node``, ``indicator``), for nested lists."""
    columns: tuple[Column, ...]


@dataclass
class TableData:
    """The rows of one table as read from a file, with where each row stands."""

    name: str
    """The table's name as the file spells it (a sheet name, a CSV file name)."""
    header: list[Cell]
    rows: list[tuple[int, list[Cell]]]
    """(row number in the file, cells); row 1 is the header."""


# ------------------------------------------------------------ the layout

_PARENT_NAMES = {("nodes", "indicators"): "node", ("nodes", "indicators", "actual"): "indicator"}
_TABLE_NAMES = {
    ("interventions",): "interventions",
    ("actors",): "actors",
    ("nodes",): "nodes",
    ("nodes", "indicators"): "indicators",
    ("nodes", "indicators", "actual"): "measurements",
    ("links",): "links",
    ("mechanisms",): "mechanisms",
    ("conditions",): "conditions",
    ("rivals",): "rivals",
    ("evidence",): "evidence",
    ("judgements",): "judgements",
}
"""Which lists of models get a table of their own, and its name."""


def _strip(annotation: Any) -> tuple[Any, list[Any]]:
    """The annotation without ``Annotated`` and ``None``, and the metadata found."""
    metadata: list[Any] = []
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            args = typing.get_args(annotation)
            annotation = args[0]
            metadata.extend(args[1:])
        elif origin in (typing.Union, types.UnionType):
            members = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(members) == 1:
                annotation = members[0]
            elif {_strip(m)[0] for m in members} <= {int, float}:
                return float, metadata
            else:
                return annotation, metadata
        else:
            return annotation, metadata


def _models_of(annotation: Any) -> tuple[type[BaseModel], ...]:
    """The model classes a list item annotation allows (a union gives several)."""
    inner, _ = _strip(annotation)
    if typing.get_origin(inner) in (typing.Union, types.UnionType):
        return tuple(m for m in typing.get_args(inner) if isinstance(m, type))
    return (inner,) if isinstance(inner, type) and issubclass(inner, BaseModel) else ()


def _scalar_kind(annotation: Any, metadata: Sequence[Any]) -> Kind | None:
    if annotation is bool:
        return "bool"
    if annotation is int:
        return "integer"
    if annotation is float:
        return "number"
    if annotation is str:
        patterned = any(getattr(m, "pattern", None) for m in metadata)
        return "id" if patterned else "text"
    if typing.get_origin(annotation) is Literal:
        values = typing.get_args(annotation)
        if all(isinstance(v, str) for v in values):
            return "text"
        if all(isinstance(v, int) and not isinstance(v, bool) for v in values):
            return "integer"
    return None


def _kind(
    annotation: Any, extra: Sequence[Any] = ()
) -> Kind | type[BaseModel] | tuple[type[BaseModel], ...]:
    """How a field is kept in a table: a cell kind, a nested model, or a list of models."""
    inner, metadata = _strip(annotation)
    metadata = [*metadata, *extra]
    scalar = _scalar_kind(inner, metadata)
    if scalar is not None:
        return scalar
    origin = typing.get_origin(inner)
    if isinstance(inner, type) and issubclass(inner, BaseModel):
        return inner
    if origin is list:
        (item,) = typing.get_args(inner)
        models = _models_of(item)
        if models:
            return models
        item_type, item_meta = _strip(item)
        item_kind = _scalar_kind(item_type, item_meta)
        if item_kind in ("text", "id"):
            return "list"
        if item_kind in ("integer", "number"):
            return "numbers"
        return "json"
    if origin is dict:
        key, value = (_strip(a) for a in typing.get_args(inner))
        if _scalar_kind(*key) in ("text", "id") and _scalar_kind(*value) in ("text", "id"):
            return "mapping"
    return "json"


def _fields(models: Sequence[type[BaseModel]]) -> list[tuple[str, FieldInfo]]:
    """The fields of one model, or of the members of a union (the tag second)."""
    seen: dict[str, FieldInfo] = {}
    for model in models:
        for name, info in model.model_fields.items():
            seen.setdefault(info.alias or name, info)
    items = list(seen.items())
    if len(models) > 1:
        # The discriminator is read first: put it right after the id.
        tags = [item for item in items if item[0] == "kind"]
        rest = [item for item in items if item[0] != "kind"]
        items = rest[:1] + tags + rest[1:]
    return items


def _columns(
    models: Sequence[type[BaseModel]], path: tuple[str, ...], prefix: tuple[str, ...] = ()
) -> list[Column]:
    by_model = [{(i.alias or n): i for n, i in m.model_fields.items()} for m in models]
    out: list[Column] = []
    for key, info in _fields(models):
        kind = _kind(info.annotation, info.metadata)
        # Required where every member of a union requires it (an evidence
        # item's question is required of surveys only).
        required = all(key in fields and fields[key].is_required() for fields in by_model)
        if isinstance(kind, tuple):
            if (*path, key) in _TABLE_NAMES:
                continue  # a table of its own
            kind = "json"
        if isinstance(kind, type):
            for column in _columns((kind,), path, (*prefix, key)):
                out.append(
                    Column(column.key, column.path, column.kind, column.required and required)
                )
            continue
        full = (*prefix, key)
        out.append(Column(".".join(full), full, kind, required and not prefix))
    return out


def _build_tables() -> tuple[Table, ...]:
    out = []
    for path, name in _TABLE_NAMES.items():
        annotation: Any = Document.model_fields[path[0]].annotation
        models = _models_of(typing.get_args(_strip(annotation)[0])[0])
        for step in path[1:]:
            fields = {(i.alias or n): i for n, i in models[0].model_fields.items()}
            models = _models_of(typing.get_args(_strip(fields[step].annotation)[0])[0])
        if set(models) == {NarrativeEvidence, SurveyEvidence}:
            models = (NarrativeEvidence, SurveyEvidence)
        out.append(Table(name, path, _PARENT_NAMES.get(path), tuple(_columns(models, path))))
    return tuple(out)


TABLES: tuple[Table, ...] = _build_tables()
"""Every table of the layout, in the order of the workbook's sheets."""

_DOCUMENT_FIELDS = [(key, info) for key, info in _fields([Document]) if (key,) not in _TABLE_NAMES]


def _document_rows() -> tuple[Column, ...]:
    out: list[Column] = []
    for key, info in _DOCUMENT_FIELDS:
        kind = _kind(info.annotation, info.metadata)
        if isinstance(kind, type):
            out.extend(_columns((kind,), (), (key,)))
        elif isinstance(kind, tuple):
            out.append(Column(key, (key,), "json", False))
        else:
            out.append(Column(key, (key,), kind, info.is_required() and key != "format"))
    return tuple(out)


DOCUMENT_ROWS: tuple[Column, ...] = _document_rows()
"""The rows of the document table, one per field of the document (nested ones dotted)."""

# ----------------------------------------------------------------- names


def table_name(name: str, language: str) -> str:
    """A table's name in a language (``nodes`` → ``noder`` in Swedish).

    >>> table_name("links", "sv"), table_name("links", "en")
    ('länkar', 'links')
    """
    key = f"interop.table.{name}"
    return text(key, language) if key in CATALOGUE else name


def _word(part: str, language: str) -> str:
    key = f"interop.column.{part}"
    return text(key, language) if key in CATALOGUE else part


def column_name(key: str, language: str) -> str:
    """A column's header in a language; a field the catalogue does not name keeps its own.

    >>> column_name("baseline.value", "sv"), column_name("from", "en")
    ('utgångsläge.värde', 'from')
    """
    return ".".join(_word(part, language) for part in key.split("."))


def _fold(name: Any) -> str:
    return " ".join(str(name).split()).casefold() if name is not None else ""


def _names(key: str, naming: Any) -> set[str]:
    return {_fold(naming(key, language)) for language in LANGUAGES} | {_fold(key)}


# --------------------------------------------------------------- writing


def _number_cell(value: Any) -> Cell:
    return value if isinstance(value, int | float) else None


def _cell(value: Any, kind: Kind) -> Cell:
    """A field's value (plain JSON data) as the cell of a column of ``kind``."""
    if value is None:
        return None
    if kind in ("text", "id"):
        return str(value)
    if kind in ("integer", "number"):
        return _number_cell(value)
    if kind == "bool":
        return bool(value)
    if kind == "list":
        return join_values([str(v) for v in value]) if value else None
    if kind == "numbers":
        return join_values([json.dumps(v) for v in value]) if value else None
    if kind == "mapping":
        return join_values([f"{k}={v}" for k, v in value.items()]) if value else None
    return json.dumps(value, ensure_ascii=False)


def _get(item: Mapping[str, Any], path: Sequence[str]) -> Any:
    value: Any = item
    for part in path:
        if not isinstance(value, Mapping):
            return None
        value = value.get(part)
    return value


@dataclass
class Sheet:
    """One table ready to be written: its name, header and rows, in one language."""

    table: str
    """The English name (``nodes``)."""
    name: str
    """The name in the document's language."""
    header: list[str]
    kinds: list[Kind]
    rows: list[list[Cell]] = field(default_factory=list)


def _items(data: Any, path: Sequence[str]) -> Iterator[tuple[Any, dict[str, Any]]]:
    """(parent id, item) for every item of the list at ``path``, in document order."""
    if len(path) == 1:
        for item in data.get(path[0], []):
            yield None, item
        return
    for _, parent in _items(data, path[:-1]):
        for item in parent.get(path[-1], []):
            yield parent.get("id"), item


def to_tables(doc: Document) -> list[Sheet]:
    """The document as tables: the document's fields first, then one table per list.

    Every value is written, defaults included, so that a person sees it.

    >>> import toc
    >>> doc = toc.loads("format: 1\\nid: d\\ntitle: D\\nnodes: [{id: a, stage: short, label: A}]")
    >>> sheets = to_tables(doc)
    >>> [s.name for s in sheets][:4]
    ['document', 'interventions', 'actors', 'nodes']
    >>> sheets[3].header[:4], sheets[3].rows
    (['id', 'stage', 'label', 'interventions'], [['a', 'short', 'A', None, None, None]])
    """
    language = doc.language
    data = doc.model_dump(mode="json", by_alias=True)
    canonical = to_data(doc)
    document = Sheet(
        DOCUMENT_TABLE,
        table_name(DOCUMENT_TABLE, language),
        [column_name("field", language), column_name("value", language)],
        ["text", "text"],
    )
    for column in DOCUMENT_ROWS:
        head = column.path[0]
        if len(column.path) > 1 and canonical.get(head) is None:
            continue  # a nested model that is absent: no rows (their presence means it is there)
        document.rows.append(
            [column_name(column.key, language), _cell(_get(data, column.path), column.kind)]
        )
    sheets = [document]
    for table in TABLES:
        header = [column_name(c.key, language) for c in table.columns]
        kinds: list[Kind] = [c.kind for c in table.columns]
        if table.parent is not None:
            header.insert(0, column_name(table.parent, language))
            kinds.insert(0, "id")
        sheet = Sheet(table.name, table_name(table.name, language), header, kinds)
        for parent, item in _items(data, table.path):
            row = [_cell(_get(item, c.path), c.kind) for c in table.columns]
            if table.parent is not None:
                row.insert(0, parent)
            sheet.rows.append(row)
        sheets.append(sheet)
    return sheets


# --------------------------------------------------------------- reading


_INT = re.compile(r"[+-]?\d+")
_FLOAT = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
_COMMA_FLOAT = re.compile(r"[+-]?\d+,\d+")
_TRUE = {"true", "yes", "ja", "sant", "1", "x"}
_FALSE = {"false", "no", "nej", "falskt", "0"}


class _CellError(Exception):
    def __init__(self, key: str, **fields: Any) -> None:
        self.key = key
        self.fields = fields


def _text_of(value: Cell | _dt.datetime | _dt.date | _dt.time) -> str:
    """A cell's value as text: what a person sees in it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, _dt.datetime):
        if value.time() == _dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, _dt.date | _dt.time):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _number(value: Any, whole: bool) -> int | float:
    if isinstance(value, bool):
        raise _CellError("interop.error.number")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if whole:
            if not value.is_integer():
                raise _CellError("interop.error.integer")
            return int(value)
        return value
    raw = _text_of(value).strip()
    if _INT.fullmatch(raw):
        return int(raw)
    if not whole:
        if _FLOAT.fullmatch(raw):
            return float(raw)
        if _COMMA_FLOAT.fullmatch(raw):
            return float(raw.replace(",", "."))
    raise _CellError("interop.error.integer" if whole else "interop.error.number", value=raw)


def decode(value: Any, kind: Kind) -> Any:
    """The value of a field from the value of its cell (``None`` for an empty cell).

    >>> decode("ic | spira", "list"), decode("0|6|7", "numbers"), decode("ja", "bool")
    (['ic', 'spira'], [0, 6, 7], True)
    """
    if value is None:
        return None
    if kind == "text":
        return _text_of(value)
    if kind == "id":
        return _text_of(value).strip()
    if kind in ("integer", "number"):
        return _number(value, kind == "integer")
    if kind == "bool":
        if isinstance(value, bool):
            return value
        word = _text_of(value).strip().casefold()
        if word in _TRUE:
            return True
        if word in _FALSE:
            return False
        raise _CellError("interop.error.bool", value=_text_of(value))
    if kind == "list":
        return split_values(_text_of(value))
    if kind == "numbers":
        return [_number(v, False) for v in split_values(_text_of(value))]
    if kind == "mapping":
        out: dict[str, str] = {}
        for item in split_values(_text_of(value)):
            key, sep, val = item.partition("=")
            if not sep:
                raise _CellError("interop.error.mapping", value=item)
            out[key.strip()] = val.strip()
        return out
    try:
        return json.loads(_text_of(value))
    except json.JSONDecodeError as err:
        raise _CellError("interop.error.json", error=err.msg) from None


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
        for name in _names(column.key, column_name):
            wanted.setdefault(name, column)
    found: dict[int, Column] = {}
    seen: dict[str, int] = {}
    ok = True
    for index, header_name in enumerate(data.header):
        if header_name is None or not str(header_name).strip():
            continue
        name = str(header_name)
        ref = f"{data.name}!{cell_ref(index + 1, 1)}"
        match = wanted.get(_fold(name))
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
        for table in (DOCUMENT_TABLE, *_TABLE_NAMES.values()):
            sv, en = table_name(table, "sv"), table_name(table, "en")
            if sv != en and _fold(name) == _fold(sv):
                return "sv"
    return "en"


def from_tables(tables: Sequence[TableData], *, file: str) -> Document:
    """The document the tables hold; every problem located by table and cell, raised at once.

    Raises `toc.errors.DocumentError` whose problems read like
    ``links!C7: unknown node 'nowhere'``.
    """
    by_name = {_fold(t.name): t for t in tables}
    reader = _Reader(file, _language_of({t.name: t for t in tables}))
    order = {_fold(t.name): k for k, t in enumerate(tables)}
    known: dict[str, str] = {}
    for table_key in (DOCUMENT_TABLE, *_TABLE_NAMES.values()):
        for name in _names(table_key, lambda key, lang: table_name(key, lang)):
            known[name] = table_key
    for name, given in by_name.items():
        if name not in known and not name.endswith("(ignore)"):
            choices = [
                table_name(t, reader.language) for t in (DOCUMENT_TABLE, *_TABLE_NAMES.values())
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
        _read_document(
            reader, found[DOCUMENT_TABLE], order[_fold(found[DOCUMENT_TABLE].name)], data
        )
    items: dict[tuple[str, ...], dict[str, dict[str, Any]]] = {}
    unread: set[tuple[str, ...]] = set()
    for table in TABLES:
        if table.name in found:
            t = found[table.name]
            _read_table(reader, table, t, order[_fold(t.name)], data, items, unread)
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
        for name in _names(column.key, column_name):
            rows.setdefault(name, column)
    seen: dict[str, int] = {}
    for number, cells in table.rows:
        if _blank(cells[:2]):
            continue
        key = cells[0] if cells else None
        value = cells[1] if len(cells) > 1 else None
        ref = f"{table.name}!{cell_ref(1, number)}"
        found = rows.get(_fold(key))
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
        except _CellError as err:
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
            except _CellError as err:
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
