"""Every file format toc reads or writes, and the suffixes that name them.

The one table per kind of file: documents, diagrams and reports. Each maps a
lower-case suffix to a format name; the first suffix of a format is the one
toc writes.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import PurePath

__all__ = [
    "DIAGRAM",
    "DOCUMENT",
    "EXPORTS",
    "IMPORTS",
    "INTEROP",
    "REPORT",
    "format_of",
    "suffix_for",
]

DOCUMENT: Mapping[str, str] = {".yaml": "yaml", ".yml": "yaml", ".json": "json"}
"""Documents: YAML for people, JSON for tools."""

DIAGRAM: Mapping[str, str] = {
    ".svg": "svg",
    ".png": "png",
    ".pdf": "pdf",
    ".dot": "dot",
    ".gv": "dot",
    ".mmd": "mermaid",
}
"""Diagrams: three drawn by Graphviz, DOT source and Mermaid source."""

REPORT: Mapping[str, str] = {
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".md": "markdown",
    ".pdf": "pdf",
}
"""Evaluation reports."""

INTEROP: Mapping[str, str] = {
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".graphml": "graphml",
    ".drawio": "drawio",
}
"""Exchange formats a suffix names without doubt (`toc import` / `toc export`).

The others are named with ``--from``/``--to``: ``csv`` (a folder of CSV
files), ``kumu`` (a ``.json`` blueprint, which could also be a toc document),
``kumu-xlsx`` and ``logframe`` (workbooks, like ``xlsx``).
"""

IMPORTS: tuple[str, ...] = ("xlsx", "csv", "kumu", "drawio")
"""What `toc import` reads."""

EXPORTS: tuple[str, ...] = ("xlsx", "csv", "kumu", "kumu-xlsx", "graphml", "drawio", "logframe")
"""What `toc export` writes."""


def format_of(path: str | os.PathLike[str], table: Mapping[str, str]) -> str | None:
    """The format ``path``'s suffix names in ``table``, or None.

    >>> format_of("nils.SVG", DIAGRAM), format_of("x.gv", DIAGRAM), format_of("x.txt", DIAGRAM)
    ('svg', 'dot', None)
    """
    return table.get(PurePath(os.fspath(path)).suffix.lower())


def suffix_for(format: str, table: Mapping[str, str]) -> str:
    """The suffix toc writes for ``format``: the first one ``table`` gives it.

    >>> suffix_for("dot", DIAGRAM), suffix_for("mermaid", DIAGRAM)
    ('.dot', '.mmd')
    """
    for suffix, name in table.items():
        if name == format:
            return suffix
    raise KeyError(format)
