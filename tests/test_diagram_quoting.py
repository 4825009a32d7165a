"""The one escaping module of the diagrams: input → exact output, hostile text included."""

from __future__ import annotations

import pytest

from toc.diagram.quoting import clean, dot_html, dot_id, dot_string, mermaid_text, wrap

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
        ("{{ x }} [y] (z) %s", "{{ x }} [y] (z) %s"),
        ("two\nlines", "two<br/>lines"),
        ("tab\tin", "tab in"),
        ("nul\x00", "nul\ufffd"),
        ("end", "end"),
        ("emoji 🚀", "emoji 🚀"),
        ("back\\slash", "back\\slash"),
    ],
)
def test_mermaid_text(text: str, expected: str) -> None:
    assert mermaid_text(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a\tb", "a b"),
        ("a\r\nb\rc", "a\nb\nc"),
        ("\x00\x08\x0b\x0c\x0e\x1f", "\ufffd" * 6),
        ("keep\nnewline", "keep\nnewline"),
        ("\ud800 lone surrogate", "\ufffd lone surrogate"),
        ("\x7f del is legal XML", "\x7f del is legal XML"),
        ("next\x85line\u2028sep\u2029para\rcr", "next\nline\nsep\npara\ncr"),
    ],
)
def test_clean(text: str, expected: str) -> None:
    assert clean(text) == expected


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
