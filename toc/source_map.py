"""What the YAML and JSON parsers share: where each value stood, and how to say
what is wrong with the text.

`SourceMap` answers "where is the value at this path?" for a parsed document;
the YAML parser fills it as it reads, the JSON parser gives it a `Locator`
that finds positions only when asked. Line tables turn offsets into lines
and columns; `WrittenInt` and `WrittenFloat` keep a number's text as written;
`syntax_error` words a problem with the text in the document's language.
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from toc.errors import FileFormatError, Path, Problem
from toc.findings import shown
from toc.i18n import text as catalogue_text

__all__ = [
    "MAX_DEPTH",
    "LazyLines",
    "Lines",
    "Locator",
    "SourceMap",
    "WrittenFloat",
    "WrittenInt",
    "language_in",
    "lines_at",
    "number_as_written",
    "syntax_error",
    "too_deep",
]

MAX_DEPTH = 64
"""Deepest nesting accepted; a theory of change needs fewer than ten levels."""


class WrittenInt(int):
    """An integer that remembers how it was written (``007``, ``0o17``, ``0x1F``).

    A number in a text field (``label: 007``) becomes the text as written,
    not ``7``: pydantic turns numbers into text with `str`.

    >>> n = WrittenInt(7, "007")
    >>> n + 1, str(n)
    (8, '007')
    """

    text: str

    def __new__(cls, value: int, text: str) -> WrittenInt:
        self = super().__new__(cls, value)
        self.text = text
        return self

    def __str__(self) -> str:
        return self.text

    __repr__ = __str__


class WrittenFloat(float):
    """A float that remembers how it was written (``1e3``, ``1.50``); see `WrittenInt`."""

    text: str

    def __new__(cls, value: float, text: str) -> WrittenFloat:
        self = super().__new__(cls, value)
        self.text = text
        return self

    def __str__(self) -> str:
        return self.text

    __repr__ = __str__


def number_as_written(value: Any, text: str) -> Any:
    """The number, remembering its text where that differs from Python's spelling."""
    kind = type(value)
    if kind is int and text != str(value):
        return WrittenInt(value, text)
    if kind is float and text != repr(value):
        return WrittenFloat(value, text)
    return value


class Lines:
    """Offset → (line, column), both 1-based."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def at(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1


class LazyLines:
    """`Lines` built on first use: a clean JSON load never needs it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines: Lines | None = None

    def at(self, offset: int) -> tuple[int, int]:
        if self.lines is None:
            self.lines = Lines(self.text)
        return self.lines.at(offset)


def lines_at(text: str, offsets: Sequence[int]) -> list[tuple[int, int]]:
    r"""(line, column), 1-based, of many offsets at once, in one pass over the text.

    >>> lines_at("ab\ncd\n", [4, 0])
    [(2, 2), (1, 1)]
    """
    out: list[tuple[int, int]] = [(0, 0)] * len(offsets)
    line, previous = 1, 0
    for i in sorted(range(len(offsets)), key=offsets.__getitem__):
        offset = offsets[i]
        line += text.count("\n", previous, offset)
        previous = offset
        out[i] = (line, offset - text.rfind("\n", 0, offset))
    return out


class Locator(Protocol):
    """Finds positions in a text on demand, as `toc.source_json` does for JSON."""

    def position(self, path: Path, key: bool) -> tuple[int, int]:
        """The position of the value at ``path`` (or of its key), else of the nearest parent."""
        ...

    def positions(self, paths: Sequence[Path], key: bool) -> list[tuple[int, int]]:
        """`position` of many paths at once."""
        ...


@dataclass
class SourceMap:
    """Where each value (and each mapping key) of a parsed document stands.

    Positions are ``(line, column)``, 1-based. JSON positions are computed
    only when first asked for (by the ``locator``), so a clean load pays
    nothing for them. Values reached through a YAML alias are placed at the
    alias.
    """

    file: str
    text: str = ""
    values: dict[Path, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)
    lists: dict[Path, array[int]] = field(default_factory=dict)
    """The positions of a YAML list's items, ``(line << 32) | column`` each."""
    lazy_json: bool = False
    """The text is JSON, its positions found by the ``locator``."""
    locator: Locator | None = field(default=None, repr=False, compare=False)
    """Finds positions on demand, in place of ``values``, ``keys`` and ``lists``."""

    def position(self, path: Path, key: bool = False) -> tuple[int, int] | None:
        """The position of the value at ``path`` (or of its key), else of the nearest parent."""
        if self.locator is not None:
            return self.locator.position(path, key)
        if key and path in self.keys:
            return self.keys[path]
        while True:
            found = self.values.get(path)
            if found is not None:
                return found
            if not path:
                return None
            last = path[-1]
            if type(last) is int:
                items = self.lists.get(path[:-1])
                if items is not None and 0 <= last < len(items):
                    packed = items[last]
                    return packed >> 32, packed & 0xFFFFFFFF
            path = path[:-1]

    def positions(self, paths: Sequence[Path], key: bool = False) -> list[tuple[int, int] | None]:
        """`position` of many paths at once: far faster for JSON than one by one."""
        if self.locator is not None:
            return list(self.locator.positions(paths, key))
        return [self.position(path, key) for path in paths]

    def locate(self, problem: Problem) -> Problem:
        """The problem with this file's name, line and column filled in."""
        return problem.at(self.file, self.position(problem.path, key=problem.key))


# `language: sv` in YAML (at the start of a line) or in JSON: enough to word a
# syntax error in the document's language before the document could be read.
_SWEDISH = re.compile(
    r"""^[ \t]*["']?language["']?[ \t]*:[ \t]*["']?sv["']?[ \t]*(?:[,}#]|$)"""
    r'|"language"[ \t\r\n]*:[ \t\r\n]*"sv"',
    re.MULTILINE,
)


def language_in(text: str) -> str:
    r"""The language to word a document's problems in, from its text: ``sv`` or ``en``.

    >>> language_in("format: 1\nlanguage: sv\n"), language_in('{"language": "sv"}')
    ('sv', 'sv')
    >>> language_in("format: 1\ntitle: language: sv\n")
    'en'
    """
    return "sv" if _SWEDISH.search(text) else "en"


def syntax_error(
    file: str,
    text: str,
    name: str,
    pos: tuple[int, int] | None,
    /,
    hint: str | None = None,
    **fields: Any,
) -> FileFormatError:
    """A file's syntax error: the catalogue's ``load.<name>`` and its hint
    (``load.<name>.hint``, or ``load.<hint>``), in the language of the document's text;
    the text it quotes shortened (`toc.findings.shown`)."""
    language = language_in(text)
    line, column = pos if pos else (None, None)
    fields = {k: shown(v) if isinstance(v, str) else v for k, v in fields.items()}
    message = catalogue_text("load." + name, language, **fields)
    hint_text = catalogue_text("load." + (hint or name + ".hint"), language, **fields)
    return FileFormatError(
        [Problem(message=message, hint=hint_text, file=file, line=line, column=column)]
    )


def too_deep(file: str, text: str, pos: tuple[int, int] | None, hint: str) -> FileFormatError:
    return syntax_error(file, text, "too_deep", pos, hint, depth=MAX_DEPTH)
