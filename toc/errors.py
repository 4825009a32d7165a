"""The exception tree: one root, `TocError`, and a few subclasses.

Each subclass also inherits the built-in exception it corresponds to, so
code that catches ``ValueError`` or ``OSError`` keeps working. A document
error carries its problems as located `toc.findings.Finding` objects.
"""

from __future__ import annotations

from toc.findings import Finding, Path, dotted

__all__ = [
    "DocumentError",
    "FileFormatError",
    "OptionError",
    "Path",
    "Problem",
    "ReadError",
    "TocError",
    "UnsupportedVersionError",
    "WriteError",
    "dotted",
]

Problem = Finding
"""A problem that keeps a document from loading: a `Finding` without a code."""


class TocError(Exception):
    """Base class of every error a user can cause (bad file, bad option, ...).

    Catch this one to handle all of them::

        try:
            doc = toc.load("toc.yaml")
        except toc.TocError as err:
            print(err)
    """


class DocumentError(TocError, ValueError):
    """A document is not valid: it holds every problem found, each located."""

    def __init__(self, problems: list[Finding]) -> None:
        self.problems = problems
        super().__init__("\n".join(p.render() for p in problems))


class ReadError(DocumentError):
    """A file could not be read or parsed (missing, too large, not UTF-8, bad YAML/JSON)."""


class FileFormatError(ReadError):
    """The file's syntax is broken or uses a construct toc refuses (tags, aliases bombs)."""


class UnsupportedVersionError(DocumentError):
    """The document's ``format`` is newer than (or unknown to) this library."""


class OptionError(TocError, ValueError):
    """An option passed to a function or command is not allowed."""


class WriteError(TocError, OSError):
    """An output file could not be written."""
