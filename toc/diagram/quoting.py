"""All escaping of user text for the diagram languages: DOT and Mermaid.

User text (labels, titles, names) is data. Every place in `toc.diagram` that
puts it into DOT or Mermaid source goes through one function of this module,
and the table tests in ``tests/test_diagram_quoting.py`` pin what each one
does with hostile input.

What Graphviz does with text, and so what we must undo:

- in quoted strings it ends the string at ``"`` and treats ``\\`` as the
  start of an escape (``\\N`` becomes the node's name, ``\\n`` a line break);
- in labels, quoted or HTML-like, it decodes entities such as ``&amp;``;
- in HTML-like labels, ``<`` and ``>`` are markup;
- control characters other than tab and newline are not allowed in the XML
  of an SVG file, so they must never reach the output.

What Mermaid does with the text of a quoted label (checked in Mermaid 11 and
12, and by ``tests/test_mermaid_browser.py`` in a real browser):

- before parsing, it reads every ``%%{...}%%`` anywhere in the source as a
  directive (``%%{init: {...}}%%`` sets the theme, CSS and fonts: a way to
  restyle the diagram and make the viewer's browser fetch URLs), even inside
  a quoted label, and removes it;
- it decodes ``#name;`` and ``#123;`` entity codes and renders HTML;
- ``"`` ends the string and ``|`` ends an edge label; a label that starts
  with a backquote is Markdown;
- a literal backslash-n (``\\n``) becomes a line break, ``$$...$$`` becomes
  KaTeX maths, ``fa:fa-name`` an icon;
- on a line with ``style`` or ``classDef`` before a ``:`` it drops the
  ``;`` that ends the last entity code.

So every one of these characters becomes an entity code, which Mermaid
decodes only after all of the above.

Every function here starts from `toc.quoting.clean` (tabs as spaces, every
line break a newline, characters XML forbids replaced), the rule the other
output languages share.
"""

from __future__ import annotations

import re
import textwrap

from toc.quoting import clean

__all__ = [
    "dot_html",
    "dot_id",
    "dot_string",
    "mermaid_text",
    "wrap",
]


def wrap(text: str, width: int) -> list[str]:
    """Text as lines of about ``width`` characters, for a diagram box.

    A word up to half again as long as ``width`` keeps a line of its own
    (Swedish compounds such as "myndighetsövergripande" stay whole); a longer
    word is cut into pieces of ``width`` characters, so that no box grows
    without bound. The author's own line breaks start new lines; empty lines
    are kept between paragraphs, at most one in a row. Only whitespace
    changes: the characters stay the same, in the same order.

    >>> wrap("Finansiering från samordningsförbundet NILS", 16)
    ['Finansiering', 'från', 'samordningsförbundet', 'NILS']
    >>> wrap("x" * 25, 10)
    ['xxxxxxxxxx', 'xxxxxxxxxx', 'xxxxx']
    """
    limit = width + width // 2
    lines: list[str] = []
    for paragraph in clean(text).split("\n"):
        words: list[str] = []
        for word in paragraph.split():
            if len(word) <= limit:
                words.append(word)
            else:
                words.extend(word[i : i + width] for i in range(0, len(word), width))
        if not words:
            if lines and lines[-1]:
                lines.append("")
            continue
        lines.extend(
            textwrap.wrap(
                " ".join(words),
                width,
                break_long_words=False,
                break_on_hyphens=True,
            )
        )
    while lines and not lines[-1]:
        lines.pop()
    return lines or [""]


def dot_id(name: str) -> str:
    """A DOT identifier, always quoted.

    >>> dot_id("res-financing")
    '"res-financing"'
    >>> dot_id('say "hi"')
    '"say \\\\"hi\\\\""'
    """
    return '"' + clean(name).replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def dot_string(text: str) -> str:
    """A quoted DOT attribute value that Graphviz shows exactly as ``text``.

    Backslashes are doubled (no ``\\N``-style escapes), ``&`` becomes
    ``&amp;`` (Graphviz decodes entities in labels), and a line break becomes
    ``\\n``.

    >>> dot_string('A & "B" \\\\N')
    '"A &amp; \\\\"B\\\\" \\\\\\\\N"'
    """
    escaped = (
        clean(text)
        .replace("\\", "\\\\")
        .replace("&", "&amp;")
        .replace('"', '\\"')
        .replace("\n", "\\n")
    )
    return f'"{escaped}"'


def dot_html(text: str) -> str:
    """Text for inside a DOT HTML-like label, shown exactly as ``text``.

    Markup characters become entities and backslashes are doubled, because
    Graphviz expands ``\\N``, ``\\G`` and the like in HTML-like labels too.
    Line breaks become spaces: callers wrap text into lines themselves.

    >>> dot_html("<b>R&D</b> \\\\N")
    '&lt;b&gt;R&amp;D&lt;/b&gt; \\\\\\\\N'
    """
    return (
        clean(text)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("\\", "\\\\")
        .replace("\n", " ")
    )


_MERMAID = {
    "#": "#35;",  # so that text like "#quot;" stays text
    '"': "#quot;",
    "&": "#amp;",
    "<": "#lt;",
    ">": "#gt;",
    "|": "#124;",
    "`": "#96;",
    "%": "#37;",  # %%{init: ...}%% directives
    "{": "#123;",
    "}": "#125;",
    "\\": "#92;",  # \n would be a line break
    "$": "#36;",  # $$...$$ would be KaTeX
    ":": "#58;",  # fa:fa-icon; `style ...:...#...;` loses its last ;
}
_MERMAID_RE = re.compile("[" + re.escape("".join(_MERMAID)) + "]")


def mermaid_text(text: str) -> str:
    """Text for inside a quoted Mermaid label, shown exactly as ``text``.

    Every character Mermaid could read as syntax, a directive, markup, maths,
    an icon or an entity code becomes a numeric or named entity code; line
    breaks become ``<br/>`` (the only markup the emitted source itself puts
    into labels).

    >>> mermaid_text('Say "hi" & <b>bye</b> #1')
    'Say #quot;hi#quot; #amp; #lt;b#gt;bye#lt;/b#gt; #35;1'
    >>> mermaid_text("%%{init: {}}%%")
    '#37;#37;#123;init#58; #123;#125;#125;#37;#37;'
    """
    lines = clean(text).split("\n")
    return "<br/>".join(_MERMAID_RE.sub(lambda m: _MERMAID[m.group(0)], line) for line in lines)
