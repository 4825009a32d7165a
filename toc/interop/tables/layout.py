"""The layout of the tables: which tables, which columns, and what they are called.

`TABLES` and `DOCUMENT_ROWS` are derived from the models' fields (rules in
`toc.interop.tables`), so a field added to the model gets a column without a
change here. `table_name` and `column_name` say them in a language; `fold`
and `spellings` are how a name read from a file is matched to them.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from mechanisms.model import NarrativeEvidence, SurveyEvidence
from toc.i18n import CATALOGUE, LANGUAGES, text
from toc.model import Document

__all__ = [
    "DOCUMENT_ROWS",
    "DOCUMENT_TABLE",
    "TABLES",
    "TABLE_NAMES",
    "Cell",
    "Column",
    "Kind",
    "Table",
    "column_name",
    "fold",
    "spellings",
    "table_name",
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


_PARENT_NAMES = {("nodes", "indicators"): "node", ("nodes", "indicators", "actual"): "indicator"}
TABLE_NAMES = {
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
            if (*path, key) in TABLE_NAMES:
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
    for path, name in TABLE_NAMES.items():
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

_DOCUMENT_FIELDS = [(key, info) for key, info in _fields([Document]) if (key,) not in TABLE_NAMES]


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


def fold(name: Any) -> str:
    """A name as it is matched: spaces collapsed, case folded."""
    return " ".join(str(name).split()).casefold() if name is not None else ""


def spellings(key: str, naming: Any) -> set[str]:
    """Every way a table or column may be called: in each language, and its key."""
    return {fold(naming(key, language)) for language in LANGUAGES} | {fold(key)}
