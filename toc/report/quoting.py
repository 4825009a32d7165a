"""All escaping of user text for the report languages: HTML, Markdown and Word.

Text from a document is data. Every place in `toc.report` that puts it into an
output goes through one function of this module, and the table tests in
``tests/test_report_quoting.py`` pin what each does with hostile input.

- Every output first drops what no reader's file may hold: control characters
  (C0 other than tab and newline, DEL, C1), the non-characters U+FFFE and
  U+FFFF and lone surrogates become U+FFFD (`plain`). The XML rule is the
  diagram's (`toc.diagram.quoting.clean`); reports add DEL and C1, which a
  terminal or a browser would act on or show as garbage.
- HTML: `html` escapes markup characters (Jinja's autoescape uses the same).
- Markdown: `markdown` backslash-escapes every character that could start
  Markdown or HTML syntax, so text shows literally; `markdown_target` makes a
  file name a link target (any bytes, percent-encoded).
- Word: `word` is the plain text python-docx stores as text.
"""

from __future__ import annotations

import os
import re
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape

from toc.diagram.quoting import clean

__all__ = ["html", "markdown", "markdown_target", "markdown_url", "plain", "word"]

# DEL and the C1 controls: allowed in XML, but acted on by terminals (CSI, OSC)
# and shown as boxes by browsers.
_C1 = re.compile("[\x7f-\x9f]")
# Characters that start Markdown or HTML syntax anywhere in a line ($ opens
# math on GitHub, ~ strikethrough, | a table cell, { } attribute lists; "!"
# only starts a picture before "[", which is escaped).
_INLINE = re.compile(r"([\\`*_\[\]<>|&~{}$])")
# At the start of a line: an ATX heading, a list item, a thematic break or a
# setext underline (# - + = followed by a space, the end, or more of them),
# and an ordered list item (digits, then . or ) followed by a space or the
# end). Only the punctuation is escaped: "\0.95" would show its backslash.
_SPACES = re.compile(r"[ \t\n\r\f\v]+")
_LINE_START = re.compile(r"^([-+=#])(?=[-+=#\s]|$)|^(\d{1,9})([.)])(?=\s|$)")


def plain(value: Any) -> str:
    """Text as every report format may hold it: controls and non-characters replaced.

    A tab becomes a space and every kind of line break a ``\\n``.

    >>> plain("a\\x00b\\x1b[31mc\\x9bd\\ufffee")
    'a\\ufffdb\\ufffd[31mc\\ufffdd\\ufffde'
    >>> plain(None), plain(2.5)
    ('', '2.5')
    """
    if value is None:
        return ""
    return _C1.sub("\ufffd", clean(str(value)))


def html(value: Any) -> Markup:
    """Text for HTML (element content or a quoted attribute), shown exactly as written.

    >>> str(html('<b>"R&D"</b>\\x1b'))
    '&lt;b&gt;&#34;R&amp;D&#34;&lt;/b&gt;\\ufffd'
    """
    if isinstance(value, Markup):
        return value
    return escape(plain(value))


def markdown(value: Any, *, line_start: bool = True) -> str:
    """Text as Markdown that shows it literally, on one line.

    With ``line_start`` False the text goes after a marker toc writes itself
    (``## ``, ``- ``), where a list or heading cannot start: numbers such as
    ``1.`` are then left alone.

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


def word(value: Any) -> str:
    """Text for a Word run or table cell: stored as text, controls replaced.

    >>> word("bell\\x07 <w:t>")
    'bell\\ufffd <w:t>'
    """
    return plain(value)
