"""Escaping for the synthesis's output languages: Markdown, spreadsheet cells, Word text.

User text (titles, statements, names) is data in every output:

- `markdown`: shown literally in a Markdown paragraph or table cell, on one line;
- `spreadsheet`: a cell value that no spreadsheet program reads as a formula
  (OWASP "CSV injection": a value starting with ``=``, ``+``, ``-``, ``@``, a
  tab or a carriage return gets a leading apostrophe in CSV, and is stored as
  text with Excel's quote prefix in xlsx), without the control characters XML
  forbids;
- `word`: text python-docx can store (XML 1.0 forbids most control characters).

HTML is escaped by Jinja2's autoescape in the template, and the QCA CSV holds
only ids and 0/1.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["formula_like", "markdown", "spreadsheet", "word"]

# Characters that start Markdown or HTML syntax anywhere in a line.
_INLINE = re.compile(r"([\\`*_\[\]<>|&~{}!#])")
# Characters that start a block (heading, quote, list, rule) at a line's start.
_LINE_START = re.compile(r"^(\s*)(?:([>+=-])|(\d+)([.)]))")
# XML 1.0 forbids most control characters (and two non-characters).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def markdown(value: Any) -> str:
    """Text as Markdown that shows it literally, on one line.

    >>> markdown("<b>x</b> | *y* [z](javascript:a)")
    '\\\\<b\\\\>x\\\\</b\\\\> \\\\| \\\\*y\\\\* \\\\[z\\\\](javascript:a)'
    >>> markdown("- 1. not a list"), markdown("1. not a list"), markdown("two\\nlines")
    ('\\\\- 1. not a list', '1\\\\. not a list', 'two lines')
    """
    plain = " ".join(_text(value).split())
    plain = _INLINE.sub(r"\\\1", plain)
    # A backslash before a digit is shown as written: escape the list marker's dot.
    return _LINE_START.sub(
        lambda m: (
            m.group(1) + ("\\" + m.group(2) if m.group(2) else m.group(3) + "\\" + m.group(4))
        ),
        plain,
    )


def formula_like(value: str) -> bool:
    """Whether a spreadsheet would read ``value`` as a formula.

    >>> formula_like("=HYPERLINK(1)"), formula_like("-1"), formula_like("Mandat")
    (True, True, False)
    """
    return value.startswith(_FORMULA_START)


def spreadsheet(value: Any, *, csv: bool = False) -> str:
    """A cell's text: forbidden control characters replaced; for CSV, formulas defused.

    In CSV a formula-like value gets a leading apostrophe; in xlsx the writer
    stores it as text with the quote prefix instead (see `formula_like`).

    >>> spreadsheet("=1+1", csv=True), spreadsheet("=1+1"), spreadsheet("a\\x00b")
    ("'=1+1", '=1+1', 'a\\ufffdb')
    """
    text = _NOT_XML.sub("\ufffd", _text(value))
    if csv and formula_like(text):
        return "'" + text
    return text


def word(value: Any) -> str:
    """Text a Word document can hold: forbidden control characters replaced.

    >>> word("Mål\\x07 och <syfte>")
    'Mål\\ufffd och <syfte>'
    """
    return _NOT_XML.sub("\ufffd", _text(value))
