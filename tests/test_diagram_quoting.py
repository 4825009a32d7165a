"""The one escaping module of the diagrams: input → exact output, hostile text included."""

from __future__ import annotations

import pytest

from toc.diagram.quoting import dot_html, dot_id, dot_string, mermaid_text, wrap

LONG_WORD = "ö" * 300


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain", '"plain"'),
        ("Förändring åäö ÅÄÖ", '"Förändring åäö ÅÄÖ"'),
        ('say "hi"', '"say \\"hi\\""'),
        ("back\\slash", '"back\\\\slash"'),
        (
            "\\N \\G \\E \\T \\H \\L \\n \\l \\r",
            '"\\\\N \\\\G \\\\E \\\\T \\\\H \\\\L \\\\n \\\\l \\\\r"',
        ),
        ("a & b &amp; &#65;", '"a &amp; b &amp;amp; &amp;#65;"'),
        ("<b>not html</b>", '"<b>not html</b>"'),
        ("{{ name }} {0} %s %(x)s", '"{{ name }} {0} %s %(x)s"'),
        ("line one\nline two", '"line one\\nline two"'),
        ("tab\there", '"tab here"'),
        ("crlf\r\nend", '"crlf\\nend"'),
        ("nul \x00 bell \x07", '"nul \ufffd bell \ufffd"'),
        ("emoji 🚀🇸🇪", '"emoji 🚀🇸🇪"'),
        ('end with backslash\\"', '"end with backslash\\\\\\""'),
    ],
)
def test_dot_string(text: str, expected: str) -> None:
    assert dot_string(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain", "plain"),
        ("Förändring åäö", "Förändring åäö"),
        ('say "hi"', "say &quot;hi&quot;"),
        ("<b>bold?</b>", "&lt;b&gt;bold?&lt;/b&gt;"),
        ("<<TABLE>>", "&lt;&lt;TABLE&gt;&gt;"),
        ("R&D &amp; &#65; &lt;", "R&amp;D &amp;amp; &amp;#65; &amp;lt;"),
        ("back\\slash \\N \\G", "back\\\\slash \\\\N \\\\G"),
        ("{{ x }} {0!r} %s", "{{ x }} {0!r} %s"),
        ("two\nlines", "two lines"),
        ("tab\tinside", "tab inside"),
        ("ctrl \x01\x1f", "ctrl \ufffd\ufffd"),
        ("emoji 😀", "emoji 😀"),
        ("]]> <!-- -->", "]]&gt; &lt;!-- --&gt;"),
    ],
)
def test_dot_html(text: str, expected: str) -> None:
    assert dot_html(text) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("res-financing", '"res-financing"'),
        ("h:short", '"h:short"'),
        ('a"b', '"a\\"b"'),
        ("a\\b", '"a\\\\b"'),
        ("two\nlines", '"two lines"'),
        ("digraph", '"digraph"'),
    ],
)
def test_dot_id(name: str, expected: str) -> None:
    assert dot_id(name) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain åäö", "plain åäö"),
        ('say "hi"', "say #quot;hi#quot;"),
        ("a & b", "a #amp; b"),
        ("<script>alert(1)</script>", "#lt;script#gt;alert(1)#lt;/script#gt;"),
        ("#quot; is an entity", "#35;quot; is an entity"),
        ("#35;", "#35;35;"),
        ("pipe | edge", "pipe #124; edge"),
        ("`markdown`", "#96;markdown#96;"),
        ("{{ x }} [y] (z) %s", "#123;#123; x #125;#125; [y] (z) #37;s"),
        ("two\nlines", "two<br/>lines"),
        ("tab\tin", "tab in"),
        ("nul\x00", "nul\ufffd"),
        ("end", "end"),
        ("emoji 🚀", "emoji 🚀"),
        # Directives, read anywhere in the source, even inside a quoted label.
        (
            "%%{init: {'themeCSS': 'svg{background:url(http://x.invalid/a)}'}}%%",
            "#37;#37;#123;init#58; #123;'themeCSS'#58; "
            "'svg#123;background#58;url(http#58;//x.invalid/a)#125;'#125;#125;#37;#37;",
        ),
        ("%%{wrap}%%", "#37;#37;#123;wrap#125;#37;#37;"),
        ("%% a comment", "#37;#37; a comment"),
        ("50 %", "50 #37;"),
        # A literal backslash-n would be a line break, $$...$$ maths, fa:fa-x an icon.
        ("back\\slash \\n", "back#92;slash #92;n"),
        ("$$x^2$$ costs $5", "#36;#36;x^2#36;#36; costs #36;5"),
        ("fa:fa-car", "fa#58;fa-car"),
        # "style" before a colon would make Mermaid drop the last entity's ';'.
        ("Lifestyle: #1", "Lifestyle#58; #35;1"),
        ("classDef x fill:#f00;", "classDef x fill#58;#35;f00;"),
        ("click n1 call alert()", "click n1 call alert()"),
        ('"] --> evil["', "#quot;] --#gt; evil[#quot;"),
        ("<br/> is text", "#lt;br/#gt; is text"),
        ("#9829; #x41;", "#35;9829; #35;x41;"),
    ],
)
def test_mermaid_text(text: str, expected: str) -> None:
    assert mermaid_text(text) == expected


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        (
            "Finansiering från samordningsförbundet NILS",
            20,
            ["Finansiering från", "samordningsförbundet", "NILS"],
        ),
        ("x" * 25, 10, ["x" * 10, "x" * 10, "x" * 5]),
        ("one\ntwo three", 20, ["one", "two three"]),
        ("para one\n\n\n\npara two", 20, ["para one", "", "para two"]),
        ("   ", 10, [""]),
        ("Case management-inspirerad metodik", 16, ["Case management-", "inspirerad", "metodik"]),
        ("tab\tseparated\twords", 30, ["tab separated words"]),
    ],
)
def test_wrap(text: str, width: int, expected: list[str]) -> None:
    assert wrap(text, width) == expected


def test_a_300_character_word_is_broken_into_lines_that_fit() -> None:
    lines = wrap(LONG_WORD, 24)
    assert "".join(lines) == LONG_WORD
    assert max(len(line) for line in lines) == 24
