"""A document as tables: `to_tables`, every value written, in the document's language."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from toc.files import check_references, to_data
from toc.interop.tables.layout import (
    DOCUMENT_ROWS,
    DOCUMENT_TABLE,
    TABLES,
    Cell,
    Kind,
    column_name,
    table_name,
)
from toc.interop.tables.values import encode
from toc.model import Document

__all__ = ["Sheet", "to_tables"]


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

    Every value is written, defaults included, so that a person sees it. A
    document changed in code whose references no longer resolve is refused
    first (`toc.files.check_references`), as every export refuses it.

    >>> import toc
    >>> doc = toc.loads("format: 1\\nid: d\\ntitle: D\\nnodes: [{id: a, stage: short, label: A}]")
    >>> sheets = to_tables(doc)
    >>> [s.name for s in sheets][:4]
    ['document', 'interventions', 'actors', 'nodes']
    >>> sheets[3].header[:4], sheets[3].rows
    (['id', 'stage', 'label', 'interventions'], [['a', 'short', 'A', None, None, None]])
    """
    check_references(doc)
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
            [column_name(column.key, language), encode(_get(data, column.path), column.kind)]
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
            row = [encode(_get(item, c.path), c.kind) for c in table.columns]
            if table.parent is not None:
                row.insert(0, parent)
            sheet.rows.append(row)
        sheets.append(sheet)
    return sheets
