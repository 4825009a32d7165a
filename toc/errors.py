"""The exception tree: one root, `TocError`, and a few subclasses.

Each subclass also inherits the built-in exception it corresponds to, so
code that catches ``ValueError`` or ``OSError`` keeps working.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mechanisms.errors import TocError

__all__ = [
    "DocumentError",
    "FileFormatError",
    "OptionError",
    "Problem",
    "ReadError",
    "TocError",
    "UnsupportedVersionError",
    "WriteError",
]

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a document, located as precisely as known.

    ``path`` is the place in the data (``("nodes", 3, "stage")``); ``line``
    and ``column`` (1-based) are filled in when the document came from a file.
    """

    message: str
    path: Path = ()
    hint: str | None = None
    file: str | None = None
    line: int | None = None
    column: int | None = None
    key: bool = field(default=False, compare=False)
    """True when the problem is the key at ``path`` itself (an unknown key)."""

    def where(self) -> str:
        """``file:line:column`` as far as known, for messages."""
        parts = [self.file or "<document>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def render(self) -> str:
        """The problem as the command line prints it, hint on its own line."""
        text = f"{self.where()}: error: {self.message}"
        if self.hint:
            text += f"\n  hint: {self.hint}"
        return text


def dotted(path: Path) -> str:
    """A data path as people read it: ``nodes[3].stage``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out or "(top level)"


class DocumentError(TocError, ValueError):
    """A document is not valid: it holds every problem found, each located."""

    def __init__(self, problems: list[Problem]) -> None:
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
