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

The package, one job per module: `layout` (the tables, their columns and
names), `values` (a field's value in a cell and back), `write` (`to_tables`)
and `read` (`from_tables`).
"""

from __future__ import annotations

from toc.interop.tables.layout import DOCUMENT_ROWS as DOCUMENT_ROWS
from toc.interop.tables.layout import (
    DOCUMENT_TABLE,
    TABLES,
    Column,
    Table,
    column_name,
    table_name,
)
from toc.interop.tables.layout import Cell as Cell
from toc.interop.tables.layout import Kind as Kind
from toc.interop.tables.read import TableData, from_tables
from toc.interop.tables.read import cell_ref as cell_ref
from toc.interop.tables.values import decode as decode
from toc.interop.tables.write import Sheet as Sheet
from toc.interop.tables.write import to_tables

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
