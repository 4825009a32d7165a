"""The report's Markdown reader (`toc.report.prose`) and its writers of prose: tables of
hostile input and the exact output each gives. The escaping itself is `toc.quoting`,
pinned in ``tests/test_quoting.py``."""

from __future__ import annotations

import pytest

from toc.report.docx import _Writer
from toc.report.html import inline, prose
from toc.report.markdown import blocks
from toc.report.markdown import inline as md_inline
from toc.report.prose import ListBlock, Paragraph, Span, parse, plain_text

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
