"""All escaping of user text for the exchange formats: spreadsheet cells, CSV, XML.

User text (labels, titles, statements, quotes) is data. Every place in
`toc.interop` that puts it into a workbook, a CSV file, a draw.io file or a
GraphML file goes through one function of this module, and
``tests/test_interop_quoting.py`` pins what each does with hostile input.

**Cells (xlsx and CSV).** A cell holds one value, or a list of values
separated by ``|``:

- in a list, a literal ``|`` inside a value is written ``\\|`` and a literal
  backslash ``\\\\``; a backslash before a space keeps that space at the edge of
  a value (values are otherwise stripped of the spaces around the ``|``). Any
  other backslash is kept as written, so a hand-typed ``C:\\temp`` stays.
- a text cell that starts with an apostrophe has it removed on reading: the
  apostrophe marks text. A lone ``'`` is the empty text (an empty cell means
  "not given"), and text that itself starts with ``'`` is written with two.
- In a workbook, characters that XML cannot hold (control characters) are
  written the way Excel writes them, ``_x0007_``, and a literal ``_x0041_`` as
  ``_x005F_x0041_``; reading undoes both. Text that a spreadsheet would take for
  a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or a line break) is
  stored as a text cell marked "quote prefix", never as a formula.
- In a CSV file (plain text that any program may open as a spreadsheet), such
  text gets a leading apostrophe, ``'=cmd|…``, which reading removes again.

**XML (draw.io, GraphML).** Text goes into attribute values and element text
with ``&``, ``<``, ``>``, ``"`` as entities and line breaks and tabs as
character references (an attribute would otherwise turn them into spaces);
characters XML 1.0 cannot hold become U+FFFD. **HTML** (draw.io labels marked
``html=1``) is escaped the same way and only ever built from fixed markup.
"""

from __future__ import annotations

import re

__all__ = [
    "FORMULA_STARTS",
    "SEPARATOR",
    "cell_text",
    "csv_text",
    "formula_like",
    "html_text",
    "join_values",
    "read_cell_text",
    "read_csv_text",
    "split_values",
    "xml_text",
]

SEPARATOR = "|"
"""Between the values of a list in one cell."""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
"""First characters that make a spreadsheet program read a cell as a formula (OWASP)."""

# Characters XML 1.0 cannot hold, and lone surrogates (UTF-8 cannot hold them).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
# What a workbook escapes: the above, carriage returns (an XML reader would
# turn them into line feeds) and text that already looks like an escape.
_CELL_ESCAPE = re.compile(
    "[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\ufffe\uffff\ud800-\udfff]|_(?=x[0-9A-Fa-f]{4}_)"
)
_CELL_UNESCAPE = re.compile("_x([0-9A-Fa-f]{4})_")


def formula_like(text: str) -> bool:
    """Whether a spreadsheet would read ``text`` typed into a cell as a formula.

    >>> formula_like("=1+1"), formula_like("-5 % cost"), formula_like("Spira")
    (True, True, False)
    """
    return text.startswith(FORMULA_STARTS)


# ------------------------------------------------------------------ lists


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


# ------------------------------------------------------------------ cells


def cell_text(text: str) -> str:
    """Text as it is stored in a workbook cell (see the module docstring).

    >>> cell_text("bell \\x07"), cell_text("_x0041_"), cell_text(""), cell_text("'quoted")
    ('bell _x0007_', '_x005F_x0041_', "'", "''quoted")
    """
    if not text or text.startswith("'"):
        text = "'" + text
    return _CELL_ESCAPE.sub(_cell_escape, text)


def _cell_escape(match: re.Match[str]) -> str:
    char = match.group(0)
    return f"_x{ord(char):04X}_"


def read_cell_text(text: str) -> str:
    """Text read from a workbook cell: escapes undone, a leading apostrophe removed.

    >>> read_cell_text("bell _x0007_"), read_cell_text("_x005F_x0041_"), read_cell_text("'")
    ('bell \\x07', '_x0041_', '')
    """
    if "_x" in text:
        text = _CELL_UNESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)
    return text[1:] if text.startswith("'") else text


def csv_text(text: str) -> str:
    """Text as it is written into a CSV field: formula-like text behind an apostrophe.

    >>> print(csv_text("=cmd|' /C calc'!A0"), csv_text("-5"), csv_text(""), csv_text("plain"))
    '=cmd|' /C calc'!A0 '-5 ' plain
    """
    if not text or text.startswith("'") or formula_like(text):
        return "'" + text
    return text


def read_csv_text(text: str) -> str:
    """Text read from a CSV field: a leading apostrophe removed.

    >>> read_csv_text("'=1+1"), read_csv_text("''quoted"), read_csv_text("plain")
    ('=1+1', "'quoted", 'plain')
    """
    return text[1:] if text.startswith("'") else text


# -------------------------------------------------------------------- XML


def xml_text(text: str) -> str:
    """Text for an XML attribute value or element, shown exactly as ``text``.

    Characters XML 1.0 cannot hold become U+FFFD; line breaks and tabs become
    character references, which an attribute keeps (it would turn a raw one
    into a space).

    >>> xml_text('A & "B" <c>\\nd\\x00')
    'A &amp; &quot;B&quot; &lt;c&gt;&#10;d\\ufffd'
    """
    return (
        _NOT_XML.sub("\ufffd", text)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("\r", "&#13;")
        .replace("\n", "&#10;")
        .replace("\t", "&#9;")
    )


def html_text(text: str) -> str:
    """Text for inside an HTML label, shown exactly as ``text`` (line breaks as ``<br>``).

    >>> html_text("<b>R&D</b>\\nnext")
    '&lt;b&gt;R&amp;D&lt;/b&gt;<br>next'
    """
    escaped = (
        _NOT_XML.sub("\ufffd", text)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#39;")
    )
    return escaped.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br>")
