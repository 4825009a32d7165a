"""The report's escaping, one home per output language, and its Markdown reader: tables of
hostile input and the exact output each function gives."""

from __future__ import annotations

import pytest
from report_helpers import markdown_text

from toc.i18n import format_number, format_percent
from toc.report.docx import _Writer
from toc.report.html import inline, prose
from toc.report.markdown import blocks
from toc.report.markdown import inline as md_inline
from toc.report.prose import ListBlock, Paragraph, Span, parse, plain_text
from toc.report.quoting import html, markdown, markdown_target, markdown_url, plain, word


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("plain", "plain"),
        ("tab\there", "tab here"),
        ("line\r\nbreak\u2028sep", "line\nbreak\nsep"),
        ("nul\x00", "nul\ufffd"),
        ("esc\x1b[2J", "esc\ufffd[2J"),
        ("osc\x1b]52;c;Zm9v\x07", "osc\ufffd]52;c;Zm9v\ufffd"),
        ("del\x7f c1\x9b", "del\ufffd c1\ufffd"),
        ("nonchar\ufffe\uffff", "nonchar\ufffd\ufffd"),
        ("surrogate\udcfc", "surrogate\ufffd"),
        ("Åäö ”citat” – ✓ \u00a0", "Åäö ”citat” – ✓ \u00a0"),
        (None, ""),
        (46.5, "46.5"),
    ],
)
def test_plain(value: object, expected: str) -> None:
    assert plain(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("\"a\" & 'b'", "&#34;a&#34; &amp; &#39;b&#39;"),
        ("&amp;", "&amp;amp;"),
        ("{{ 7*7 }}", "{{ 7*7 }}"),
        ("esc\x1b", "esc\ufffd"),
    ],
)
def test_html(value: str, expected: str) -> None:
    assert str(html(value)) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("*bold* _i_", "\\*bold\\* \\_i\\_"),
        ("[a](javascript:x)", "\\[a\\](javascript:x)"),
        ("<b>&amp;</b>", "\\<b\\>\\&amp;\\</b\\>"),
        ("a | b", "a \\| b"),
        ("`code` ~~s~~ $x$ {y}", "\\`code\\` \\~\\~s\\~\\~ \\$x\\$ \\{y\\}"),
        ("# heading", "\\# heading"),
        ("## heading", "\\## heading"),
        ("- item", "\\- item"),
        ("+ item", "\\+ item"),
        ("---", "\\---"),
        ("1. item", "1\\. item"),
        ("1) item", "1\\) item"),
        ("> quote", "\\> quote"),
        ("line\nbreak  and   spaces", "line break and spaces"),
        ("\\", "\\\\"),
        ("!important", "!important"),
        ("esc\x1b[2J", "esc\ufffd\\[2J"),
    ],
)
def test_markdown(value: str, expected: str) -> None:
    assert markdown(value) == expected
    # What a CommonMark reader shows is the text itself.
    _, shown = markdown_text(f"x {markdown(value)}")
    assert shown == " ".join(f"x {plain(value)}".split())


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize(
    "number",
    [0.95, 16.6667, -5, -1234.5, 1234567.5, 0, 1e-7],
)
def test_numbers_at_a_line_start_stay_as_they_are(language: str, number: float) -> None:
    # "\0.95" and "\16.67%" showed their backslash: escaping a digit is no escape.
    for text in (
        format_number(number, language),
        format_number(number, language, 2),
        format_percent(number / 100, language),
    ):
        assert markdown(text) == text
        _, shown = markdown_text(markdown(text))
        assert shown == text.replace("\u00a0", " ") or shown == text


def test_markdown_after_a_marker_leaves_numbers_of_headings() -> None:
    assert markdown("3. Hur har mekanismerna fungerat?", line_start=False) == (
        "3. Hur har mekanismerna fungerat?"
    )
    assert markdown("3. Hur", line_start=True) == "3\\. Hur"


def test_markdown_link_targets() -> None:
    assert markdown_url("https://example.org/a b (c)") == "https://example.org/a%20b%20%28c%29"
    assert markdown_target("r\udcfc-diagram.svg") == "r%FC-diagram.svg"
    assert markdown_target("my report.svg") == "my%20report.svg"


def test_word() -> None:
    assert word("bell\x07 <w:t>&") == "bell\ufffd <w:t>&"


# --------------------------------------------------------------- Markdown reader


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ()),
        ("  \n ", ()),
        ("Plain  text\nover lines", (Paragraph((Span("Plain text over lines"),)),)),
        (
            "**fet** och *kursiv*",
            (Paragraph((Span("fet", strong=True), Span(" och "), Span("kursiv", emphasis=True))),),
        ),
        (
            "[länk](https://x.se) [mejl](mailto:a@x.se)",
            (
                Paragraph(
                    (
                        Span("länk", href="https://x.se"),
                        Span(" "),
                        Span("mejl", href="mailto:a@x.se"),
                    )
                ),
            ),
        ),
        ("[js](javascript:alert(1))", (Paragraph((Span("[js](javascript:alert(1))"),)),)),
        ("[f](file:///etc/passwd)", (Paragraph((Span("[f](file:///etc/passwd)"),)),)),
        ("<b>html</b> &amp; &lt;", (Paragraph((Span("<b>html</b> &amp; &lt;"),)),)),
        ("# rubrik\n> citat", (Paragraph((Span("# rubrik > citat"),)),)),
        (
            "`kod` ![bild](https://x.se/a.png)",
            (Paragraph((Span("`kod` !"), Span("bild", href="https://x.se/a.png"))),),
        ),
        ("\\*inte fet\\*", (Paragraph((Span("*inte fet*"),)),)),
        ("rad  \nny rad", (Paragraph((Span("rad"), Span("\n"), Span("ny rad"))),)),
        (
            "- a\n- b",
            (ListBlock(False, 1, ((Paragraph((Span("a"),)),), (Paragraph((Span("b"),)),))),),
        ),
        (
            "3. tre\n4. fyra",
            (ListBlock(True, 3, ((Paragraph((Span("tre"),)),), (Paragraph((Span("fyra"),)),))),),
        ),
    ],
)
def test_parse(text: str, expected: tuple[object, ...]) -> None:
    assert parse(text) == expected


def test_pictures_are_not_pictures() -> None:
    # "![alt](url)" is no picture in a report: the "!" stays text, the rest a link.
    found = parse("![bild](https://x.se/a.png)")
    assert plain_text(found) == "!bild"


def test_the_same_prose_in_every_language() -> None:
    text = "Det **höll** i *Spira*:\n\n1. ett\n   - a\n2. [två](https://x.se)\n\n<script>x</script>"
    found = parse(text)
    assert str(prose(found)) == (
        "<p>Det <strong>höll</strong> i <em>Spira</em>:</p>\n"
        '<ol><li>ett\n<ul><li>a</li></ul></li><li><a href="https://x.se">två</a></li></ol>\n'
        "<p>&lt;script&gt;x&lt;/script&gt;</p>"
    )
    assert str(inline(found[:1])) == "Det <strong>höll</strong> i <em>Spira</em>:"
    assert blocks(found) == [
        "Det **höll** i *Spira*:",
        "",
        "1. ett",
        "   - a",
        "2. [två](https://x.se)",
        "",
        "\\<script\\>x\\</script\\>",
    ]
    assert (
        md_inline(found)
        == "Det **höll** i *Spira*:; ett; a; [två](https://x.se); \\<script\\>x\\</script\\>"
    )
    # Markdown written back reads as the same prose.
    assert parse("\n".join(blocks(found))) == found


def test_word_writes_runs_lists_and_links() -> None:
    import toc
    from toc.report.content import build
    from toc.report.model import Report

    doc = toc.loads("format: 1\nid: d\ntitle: D")
    report: Report = build(doc, sections=["title_page"])
    writer = _Writer(report, None)
    writer.prose(parse("Det **höll**:\n\n- [ett](https://x.se)\n- två"))
    paragraphs = writer.doc.paragraphs
    assert [(r.text, r.bold) for r in paragraphs[0].runs] == [
        ("Det ", None),
        ("höll", True),
        (":", None),
    ]
    assert [p.style.name for p in paragraphs[1:]] == ["List Bullet", "List Bullet"]
    assert paragraphs[1]._p.xpath("./w:hyperlink/w:r/w:t/text()") == ["ett"]
