"""All escaping of user text for the text output languages that several packages write.

User text (labels, titles, statements, quotes, file names) is data. Every place
in toc that puts it into one of these outputs goes through one function of this
module, and the table tests in ``tests/test_quoting.py`` pin what each does with
hostile input. The diagram languages (DOT, Mermaid) have their own module on
top of this one, `toc.diagram.quoting`; the terminal has `toc.cli.terminal`.

**Characters no file may hold.** XML 1.0 (and so SVG, Word, xlsx, draw.io,
GraphML) cannot hold most C0 control characters, the non-characters U+FFFE and
U+FFFF, or lone surrogates (UTF-8 cannot encode them): they become U+FFFD.

- `clean`: that, and tabs as spaces and every kind of line break as ``\\n``
  (the rule the diagrams build on);
- `plain`: `clean`, and DEL and the C1 controls too, which a terminal would
  act on and a browser shows as garbage. Every text output for people starts
  from `plain`.

**Markdown.** `markdown` backslash-escapes every character that could start
Markdown or HTML syntax, so the text shows literally, on one line, numbers at a
line's start included (``0.95`` is no list item and gets no backslash);
`markdown_url` and `markdown_target` make link addresses.

**HTML.** `html` escapes markup characters (as Jinja's autoescape does) and
returns `markupsafe.Markup`; `html_text` is the same text as a string with line
breaks as ``<br>``, for the HTML labels of a draw.io drawing; `template_value`
is what a Jinja2 template with autoescape gets (its ``finalize``).

**Word.** `word`: the text python-docx stores as text.

**XML.** `xml_text`: attribute values and element text that read back exactly
as written (line breaks and tabs as character references), for the exchange
formats' round trips.

**Spreadsheet cells**, for two uses:

- *exchange cells*, read back by toc (`toc import` of a workbook or CSV files
  that `toc export` wrote): reversible. `cell_text` / `read_cell_text` for a
  workbook: characters XML cannot hold are written the way Excel writes them,
  ``_x0007_``, a literal ``_x0041_`` as ``_x005F_x0041_``, and a text cell that
  starts with an apostrophe (or is empty) gets one more, since the apostrophe
  marks text. `csv_text` / `read_csv_text` for CSV: text a spreadsheet would
  take for a formula gets a leading apostrophe, which reading removes.
- *display cells*, read by people (the synthesis workbook): one way.
  `display_cell` replaces control characters as `plain` does and keeps a
  literal ``_x0041_`` from being shown as ``A``.

In both, text a spreadsheet program would read as a formula (`formula_like`:
starting with ``=``, ``+``, ``-``, ``@``, a tab or a line break, OWASP "CSV
injection") is stored in a workbook as a text cell with Excel's quote prefix,
never as a formula; the writers set that flag.

This module imports nothing from toc.
"""

from __future__ import annotations

import os
import re
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape

__all__ = [
    "FORMULA_STARTS",
    "cell_text",
    "clean",
    "csv_text",
    "display_cell",
    "formula_like",
    "html",
    "html_text",
    "markdown",
    "markdown_target",
    "markdown_url",
    "one_line",
    "plain",
    "read_cell_text",
    "read_csv_text",
    "template_value",
    "word",
    "xml_text",
]

# ---------------------------------------------------------------- characters

# Characters XML 1.0 cannot hold, and lone surrogates (UTF-8 cannot encode them).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
# Carriage return, next line and the Unicode line and paragraph separators:
# line breaks that Python's str.splitlines() honours but DOT, Mermaid and
# Markdown do not.
_BREAKS = re.compile("[\r\x85\u2028\u2029]")
# DEL and the C1 controls: allowed in XML, but acted on by terminals (CSI, OSC)
# and shown as boxes by browsers.
_C1 = re.compile("[\x7f-\x9f]")


def clean(text: str) -> str:
    """Text with tabs as spaces, every kind of line break as a newline, and
    characters XML forbids replaced by U+FFFD.

    >>> clean("a\\tb\\x00c\\u2028d")
    'a b\\ufffdc\\nd'
    """
    text = text.replace("\t", " ").replace("\r\n", "\n")
    return _NOT_XML.sub("\ufffd", _BREAKS.sub("\n", text))


def plain(value: Any) -> str:
    """Text as every output for people may hold it: controls and non-characters replaced.

    A tab becomes a space and every kind of line break a ``\\n`` (`clean`);
    DEL and the C1 controls become U+FFFD too.

    >>> plain("a\\x00b\\x1b[31mc\\x9bd\\ufffee")
    'a\\ufffdb\\ufffd[31mc\\ufffdd\\ufffde'
    >>> plain(None), plain(2.5)
    ('', '2.5')
    """
    if value is None:
        return ""
    return _C1.sub("\ufffd", clean(str(value)))


# ------------------------------------------------------------------ Markdown

# Characters that start Markdown or HTML syntax anywhere in a line ($ opens
# math on GitHub, ~ strikethrough, | a table cell, { } attribute lists, > a
# quote; "!" only starts a picture before "[", which is escaped, and "#" only
# a heading at a line's start).
_INLINE = re.compile(r"([\\`*_\[\]<>|&~{}$])")
_SPACES = re.compile(r"[ \t\n\r\f\v]+")
# At the start of a line: an ATX heading, a list item, a thematic break or a
# setext underline (# - + = followed by a space, the end, or more of them),
# and an ordered list item (digits, then . or ) followed by a space or the
# end). Only the punctuation is escaped: "\0.95" would show its backslash.
_LINE_START = re.compile(r"^([-+=#])(?=[-+=#\s]|$)|^(\d{1,9})([.)])(?=\s|$)")


def markdown(value: Any, *, line_start: bool = True) -> str:
    """Text as Markdown that shows it literally, on one line.

    With ``line_start`` False the text goes right after a heading marker toc
    writes itself (``## ``), where no list or other block can start: numbers
    such as ``1.`` are then left alone. After a list marker (``- ``) a block
    can start (``- 1. x`` is a list in a list): keep ``line_start`` there.

    >>> markdown("<script> & {{ x }} | *a* $x$")
    '\\\\<script\\\\> \\\\& \\\\{\\\\{ x \\\\}\\\\} \\\\| \\\\*a\\\\* \\\\$x\\\\$'
    >>> markdown("# 1. rubrik"), markdown("1. rubrik"), markdown("- 5")
    ('\\\\# 1. rubrik', '1\\\\. rubrik', '\\\\- 5')

    Numbers stay as they are, at a line's start too:

    >>> markdown("0.95"), markdown("16.67%"), markdown("-5"), markdown("1\xa0234,5")
    ('0.95', '16.67%', '-5', '1\xa0234,5')
    """
    # Runs of spaces and line breaks become one space; a no-break space (in
    # "46,15 %", "1 234") stays.
    text = _SPACES.sub(" ", plain(value)).strip(" ")
    text = _INLINE.sub(r"\\\1", text)
    return _LINE_START.sub(_escape_line_start, text) if line_start else text


def _escape_line_start(found: re.Match[str]) -> str:
    if found.group(1) is not None:
        return "\\" + found.group(1)
    return found.group(2) + "\\" + found.group(3)


def markdown_url(url: str) -> str:
    """A link address for Markdown's ``[text](address)``: characters that would end
    or break it percent-encoded.

    >>> markdown_url("https://example.org/a (b)?q=<1>")
    'https://example.org/a%20%28b%29?q=%3C1%3E'
    """
    return quote(plain(url), safe="/:?#[]@!$&'*+,;=%~-._")


def markdown_target(name: str) -> str:
    """A file name as a relative link target: its bytes percent-encoded.

    A file name that is not valid UTF-8 (``r\\udcfc.svg``, as Python reads
    ``r\\xfc.svg`` on Linux) links to the same bytes.

    >>> markdown_target("rapport-diagram.svg"), markdown_target("r\\udcfc d.svg")
    ('rapport-diagram.svg', 'r%FC%20d.svg')
    """
    return quote(os.fsencode(name))


# ---------------------------------------------------------------- HTML, Word


def html(value: Any) -> Markup:
    """Text for HTML (element content or a quoted attribute), shown exactly as written.

    `Markup` (made by toc) passes unchanged.

    >>> str(html('<b>"R&D"</b>\\x1b'))
    '&lt;b&gt;&#34;R&amp;D&#34;&lt;/b&gt;\\ufffd'
    """
    if isinstance(value, Markup):
        return value
    return escape(plain(value))


def template_value(value: Any) -> Any:
    """A value on its way into a Jinja2 template with autoescape (its ``finalize``):
    `Markup` made by toc passes, anything else becomes `plain` text for autoescape.

    >>> template_value("a\x1bb"), template_value(Markup("<b>x</b>"))
    ('a\ufffdb', Markup('<b>x</b>'))
    """
    return value if isinstance(value, Markup) else plain(value)


def html_text(value: Any) -> str:
    """Text for inside an HTML label, escaped as `html` does, with line breaks as ``<br>``.

    >>> html_text("<b>R&D</b>\\nnext")
    '&lt;b&gt;R&amp;D&lt;/b&gt;<br>next'
    """
    return str(html(value)).replace("\n", "<br>")


def word(value: Any) -> str:
    """Text for a Word run or table cell: stored as text, controls replaced (`plain`).

    >>> word("bell\\x07 <w:t>")
    'bell\\ufffd <w:t>'
    """
    return plain(value)


# ----------------------------------------------------------------------- XML


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


# ----------------------------------------------------------- spreadsheet cells

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
"""First characters that make a spreadsheet program read a cell as a formula (OWASP)."""

# What a workbook cell escapes: the characters XML cannot hold, carriage
# returns (an XML reader would turn them into line feeds) and text that
# already looks like an escape.
_CELL_ESCAPE = re.compile(
    "[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\ufffe\uffff\ud800-\udfff]|_(?=x[0-9A-Fa-f]{4}_)"
)
_CELL_UNESCAPE = re.compile("_x([0-9A-Fa-f]{4})_")
# Text that a spreadsheet program would read as an escape.
_LOOKS_ESCAPED = re.compile("_(?=x[0-9A-Fa-f]{4}_)")


def formula_like(text: str) -> bool:
    """Whether a spreadsheet would read ``text`` typed into a cell as a formula.

    >>> formula_like("=1+1"), formula_like("-5 % cost"), formula_like("Spira")
    (True, True, False)
    """
    return text.startswith(FORMULA_STARTS)


def cell_text(text: str) -> str:
    """Text as it is stored in an exchange workbook's cell (see the module docstring).

    >>> cell_text("bell \\x07"), cell_text("_x0041_"), cell_text(""), cell_text("'quoted")
    ('bell _x0007_', '_x005F_x0041_', "'", "''quoted")
    """
    if not text or text.startswith("'"):
        text = "'" + text
    return _CELL_ESCAPE.sub(_cell_escape, text)


def _cell_escape(match: re.Match[str]) -> str:
    return f"_x{ord(match.group(0)):04X}_"


def read_cell_text(text: str) -> str:
    """Text read from an exchange workbook's cell: escapes undone, a leading apostrophe removed.

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


def display_cell(value: Any) -> str:
    """Text for a workbook cell that people read: controls replaced as by `plain`, and a
    literal ``_x0041_`` kept from being shown as ``A``.

    The writer stores it as a text cell, with the quote prefix when it is
    `formula_like`.

    >>> display_cell("=1+1"), display_cell("a\\x00b"), display_cell("_x0041_")
    ('=1+1', 'a\\ufffdb', '_x005F_x0041_')
    """
    return _LOOKS_ESCAPED.sub("_x005F_", plain(value))


def one_line(value: str | None) -> str:
    """Text as a name is shown in a heading, a table cell or a sentence: on one line.

    Runs of spaces and line breaks (folded YAML ends in one) become one space.

    >>> one_line("Samverkan\\n  runt individen\\n"), one_line(None)
    ('Samverkan runt individen', '')
    """
    return " ".join((value or "").split())
