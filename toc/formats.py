"""Every file format toc reads or writes, and the suffixes that name them.

The one table per kind of file: documents, diagrams, reports, syntheses and
exchange formats. Each maps a lower-case suffix to a format name; the first
suffix of a format is the one toc writes. `required` is the one place that
refuses a file name whose suffix says nothing toc can write.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import PurePath

from toc.errors import OptionError

__all__ = [
    "DIAGRAM",
    "DOCUMENT",
    "EXPORTS",
    "IMPORTS",
    "INTEROP",
    "REPORT",
    "SYNTHESIS",
    "format_of",
    "required",
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

SYNTHESIS: Mapping[str, str] = {
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".md": "markdown",
    ".xlsx": "xlsx",
    ".json": "json",
}
"""Syntheses across evaluations (`toc synthesise`)."""

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


def required(path: str | os.PathLike[str], table: Mapping[str, str], what: str) -> str:
    """The format ``path``'s suffix names in ``table``; an `OptionError` naming the choices if none.

    >>> required("rapport.DOCX", REPORT, "a report")
    'docx'
    >>> required("rapport.odt", REPORT, "a report")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    toc.errors.OptionError: cannot write a report as 'rapport.odt': name the output .html, ...
    """
    found = format_of(path, table)
    if found is None:
        suffixes = [suffix_for(name, table) for name in dict.fromkeys(table.values())]
        raise OptionError(
            f"cannot write {what} as {os.fspath(path)!r}: name the output "
            f"{', '.join(suffixes[:-1])} or {suffixes[-1]}"
        )
    return found


def suffix_for(format: str, table: Mapping[str, str]) -> str:
    """The suffix toc writes for ``format``: the first one ``table`` gives it.

    >>> suffix_for("dot", DIAGRAM), suffix_for("mermaid", DIAGRAM)
    ('.dot', '.mmd')
    """
    for suffix, name in table.items():
        if name == format:
            return suffix
    raise KeyError(format)
