"""Interop's own table format: several values in one cell, separated by ``|``.

A cell of a workbook or CSV file that `toc export` writes holds one value, or
a list of values separated by ``|``:

- in a list, a literal ``|`` inside a value is written ``\\|`` and a literal
  backslash ``\\\\``; a backslash before a space keeps that space at the edge of
  a value (values are otherwise stripped of the spaces around the ``|``). Any
  other backslash is kept as written, so a hand-typed ``C:\\temp`` stays.

The text of the cell is then escaped for its file by `toc.quoting` (the one
escaping module of the text output languages): `toc.quoting.cell_text` in a
workbook, `toc.quoting.csv_text` in a CSV file, `toc.quoting.xml_text` in
draw.io and GraphML. ``tests/test_interop_quoting.py`` pins the list format,
``tests/test_quoting.py`` the rest.
"""

from __future__ import annotations

__all__ = ["SEPARATOR", "join_values", "split_values"]

SEPARATOR = "|"
"""Between the values of a list in one cell."""


def join_values(values: list[str]) -> str:
    """Several values as the text of one cell, separated by ``|``.

    >>> join_values(["ic", "spira"])
    'ic|spira'
    >>> join_values(["A|B", "back\\\\slash", " edge "])
    'A\\\\|B|back\\\\\\\\slash|\\\\ edge\\\\ '
    """
    return SEPARATOR.join(_escape_value(value) for value in values)


def _escape_value(value: str) -> str:
    out = value.replace("\\", "\\\\").replace("|", "\\|")
    # Spaces at the edges would be stripped on reading: protect them.
    start = len(out) - len(out.lstrip())
    end = len(out.rstrip())
    if start or end < len(out):
        middle = out[start:end] if end > start else ""
        head = "".join("\\" + c for c in out[:start])
        tail = "".join("\\" + c for c in out[max(end, start) :])
        out = head + middle + tail
    return out


def split_values(text: str) -> list[str]:
    """The values of a cell written by `join_values` (or typed by a person).

    Spaces around the ``|`` are dropped; ``\\|``, ``\\\\`` and a backslash
    before a space keep what follows.

    >>> split_values("ic | spira")
    ['ic', 'spira']
    >>> split_values(join_values(["A|B", "back\\\\slash", " edge "]))
    ['A|B', 'back\\\\slash', ' edge ']
    >>> split_values("C:\\\\temp")
    ['C:\\\\temp']
    """
    values: list[str] = []
    current: list[str] = []
    # Indexes in `current` of characters that are not stripped (escaped ones).
    kept: set[int] = set()

    def finish() -> None:
        start, end = 0, len(current)
        while start < end and start not in kept and current[start].isspace():
            start += 1
        while end > start and (end - 1) not in kept and current[end - 1].isspace():
            end -= 1
        values.append("".join(current[start:end]))
        current.clear()
        kept.clear()

    i = 0
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text):
            nxt = text[i + 1]
            if nxt in "\\|" or nxt.isspace():
                kept.add(len(current))
                current.append(nxt)
                i += 2
                continue
        if char == SEPARATOR:
            finish()
        else:
            current.append(char)
        i += 1
    finish()
    return values
