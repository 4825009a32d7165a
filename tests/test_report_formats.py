"""The report files: HTML, Markdown and Word structure, hostile text, language, files, CLI."""

from __future__ import annotations

import html as html_module
import io
import itertools
import os
import re
import stat
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from report_helpers import (
    NILS,
    board_leaks,
    docx_everything,
    docx_paragraphs,
    docx_text,
    english_leaks,
    hostile_doc,
    html_text,
    markdown_text,
    parse_html,
    smuggled,
    white_png,
)

import toc
from toc.cli import main
from toc.diagram.theme import DEFAULT as THEME
from toc.errors import WriteError
from toc.report import render_report, write_report
from toc.report.prose import parse, plain_text

HOSTILE = [
    "<script>alert(1)</script>",
    "{{ 7*7 }} {% if x %}",
    "\"quoted\" & 'single' &amp;",
    "%s %(name)s {0} {name}",
    "**bold** _i_ [link](http://example.com) | pipe # hash",
    "</td></tr></table><h1>x",
    "Åäö ”citat” – ✓",
    "$x^2$ \\frac{ $",
    "1. 0.95 -5 # x",
]

# Every kind of text the report shows, as `hostile_doc` labels it; the second group
# may hold Markdown, which the report renders (docs/format.md).
PLAIN = ("Title", "Mech", "Quote", "Ind", "Question", "Actor", "Int", "Client")
MARKDOWN = ("Statement", "Summary", "Rationale", "Cond", "Rival", "About", "Summing up")


def _shown(prefix: str, hostile: str) -> str:
    """What a reader sees of ``prefix hostile``: as written, or as rendered Markdown."""
    if prefix in MARKDOWN:
        return plain_text(parse(f"{prefix} {hostile}"))
    return f"{prefix} {' '.join(hostile.split())}"


@pytest.fixture(scope="module")
def nils() -> toc.Document:
    return toc.load(NILS)


@pytest.fixture(scope="module")
def nils_files(nils: toc.Document) -> dict[str, dict[str, bytes]]:
    return {fmt: render_report(nils, fmt, name="rapport") for fmt in ("html", "markdown", "docx")}


# ------------------------------------------------------------- hostile text


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text_is_literal_in_html(hostile: str) -> None:
    html = render_report(hostile_doc(hostile), "html", audience="evaluator")["report.html"]
    page = parse_html(html.decode())
    assert "script" not in page.tags
    assert page.tags.count("h1") == 1
    text = html_text(html.decode())
    for prefix in (*PLAIN, *MARKDOWN):
        assert _shown(prefix, hostile) in text, prefix
    assert "49" not in text  # {{ 7*7 }} was never evaluated
    links = [a.get("href") for t, a in page.attrs if t == "a" and a.get("href", "")[:1] != "#"]
    assert links in ([], ["http://example.com"] * len(MARKDOWN))


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text_is_literal_in_markdown(hostile: str) -> None:
    files = render_report(hostile_doc(hostile), "markdown", audience="evaluator")
    html, text = markdown_text(files["report.md"].decode())
    assert "<script" not in html
    assert html.count("<h1>") == 1
    for prefix in (*PLAIN, *MARKDOWN):
        assert _shown(prefix, hostile) in text, prefix
    assert "49" not in text


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text_is_literal_in_docx(hostile: str) -> None:
    text = docx_text(
        render_report(hostile_doc(hostile), "docx", audience="evaluator")["report.docx"]
    )
    for prefix in (*PLAIN, *MARKDOWN):
        assert _shown(prefix, hostile) in text, prefix


def test_hostile_node_label_is_escaped_in_the_inline_svg() -> None:
    html = render_report(hostile_doc("<script>x</script> & {{ y }}"), "html")["report.html"]
    svg = html.decode()[html.decode().index("<svg") :]
    assert "&lt;script&gt;x&lt;/script&gt; &amp; {{ y }}" in svg
    assert "<script" not in svg


@pytest.mark.parametrize("fmt", ["html", "markdown", "docx"])
def test_control_characters_never_reach_a_report(fmt: str) -> None:
    # NUL, ESC (a terminal's CSI and OSC), DEL, a C1 control and the XML
    # non-characters: replaced by U+FFFD in every output, the side files too.
    hostile = "a\x00b\x1b[2Jc\x1b]52;c;Zm9v\x07d\x7fe\x9bf\ufffeg\uffff"
    files = render_report(smuggled(hostile), fmt, audience="evaluator")
    for name, data in files.items():
        if name.endswith(".docx"):
            data = docx_everything(data).encode()
        for bad in (b"\x00", b"\x1b", b"\x07", b"\x7f", "\x9b".encode(), "\ufffe".encode()):
            assert bad not in data, (name, bad)
    if fmt == "docx":
        assert "a\ufffdb\ufffd[2Jc" in docx_text(files["report.docx"])


def test_survey_question_with_xml_non_characters_keeps_every_output_well_formed() -> None:
    from xml.dom import minidom

    doc = smuggled("x\ufffey\uffff")
    svg = render_report(doc, "markdown")["report-diagram.svg"]
    minidom.parseString(svg)
    data = render_report(doc, "docx")["report.docx"]
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in package.namelist():
            if name.endswith(".xml"):
                minidom.parseString(package.read(name))


# --------------------------------------------------------- Markdown in text


RATIONALE = (
    "Det **fungerade** i *båda* insatserna:\n\n"
    "- flerpartssamtal\n- ett [forum](https://example.org/forum)\n\n"
    "<script>alert(1)</script> och [inte](javascript:alert(1))"
)


def _rationale_doc() -> toc.Document:
    data = hostile_doc("x").model_dump(by_alias=True, exclude_none=True)
    data["judgements"][0]["rationale"] = RATIONALE
    return toc.validate(data)


def test_markdown_in_a_rationale_renders_in_html() -> None:
    html = render_report(_rationale_doc(), "html")["report.html"].decode()
    assert "<p>Det <strong>fungerade</strong> i <em>båda</em> insatserna:</p>" in html
    assert (
        '<ul><li>flerpartssamtal</li><li>ett <a href="https://example.org/forum">forum</a>' in html
    )
    assert "&lt;script&gt;alert(1)&lt;/script&gt; och [inte](javascript:alert(1))" in html
    assert "<script" not in html and 'href="javascript' not in html


def test_markdown_in_a_rationale_renders_in_word() -> None:
    document, texts = docx_paragraphs(render_report(_rationale_doc(), "docx")["report.docx"])
    lead = next(p for p in document.paragraphs if p.text.startswith("Det fungerade"))
    assert [(r.text, r.bold, r.italic) for r in lead.runs] == [
        ("Det ", None, None),
        ("fungerade", True, None),
        (" i ", None, None),
        ("båda", None, True),
        (" insatserna:", None, None),
    ]
    items = [p for p in document.paragraphs if p.text in ("flerpartssamtal", "ett forum")]
    assert [p.style.name for p in items] == ["List Bullet", "List Bullet"]
    link = items[1]._p.xpath("./w:hyperlink")
    assert len(link) == 1
    target = (
        items[1]
        .part.rels[
            link[0].get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
        ]
        .target_ref
    )
    assert target == "https://example.org/forum"
    assert "<script>alert(1)</script> och [inte](javascript:alert(1))" in texts


def test_markdown_in_a_rationale_stays_markdown_in_markdown() -> None:
    md = render_report(_rationale_doc(), "markdown")["report.md"].decode()
    assert (
        "**Rationale:**\n\nDet **fungerade** i *båda* insatserna:\n\n- flerpartssamtal\n"
        "- ett [forum](https://example.org/forum)\n\n"
    ) in md
    assert "\\<script\\>alert(1)\\</script\\> och \\[inte\\](javascript:alert(1))" in md


def test_numbered_lists_restart_in_word() -> None:
    data = toc.load(NILS).model_dump(by_alias=True, exclude_none=True)
    data["report"]["summary"] = "1. a\n2. b\n\nText.\n\n5. c\n6. d"
    document, _ = docx_paragraphs(render_report(toc.validate(data), "docx")["report.docx"])
    numbered = [p for p in document.paragraphs if p.text in ("a", "b", "c", "d")]
    ids = [p._p.pPr.numPr.numId.val for p in numbered[:4]]
    assert ids[0] == ids[1] != ids[2] == ids[3]
    numbering = document.part.numbering_part.element
    start = numbering.xpath(f'./w:num[@w:numId="{ids[2]}"]//w:startOverride/@w:val')
    assert start == ["5"]


# ------------------------------------------------------------------ language


@pytest.mark.parametrize("fmt", ["html", "markdown", "docx"])
def test_swedish_report_has_no_english_fixed_text(
    nils_files: dict[str, dict[str, bytes]], fmt: str
) -> None:
    data = next(iter(nils_files[fmt].values()))
    if fmt == "html":
        text = html_text(data.decode())
    elif fmt == "markdown":
        text = markdown_text(data.decode())[1]
    else:
        text = docx_text(data)
    assert "Antagande – förändringsmekanism" in text
    assert "Bilaga 1: Tabell över enkätsvar" in text
    assert english_leaks(text) == []


def test_english_leak_detector_finds_english() -> None:
    # The check above must be able to fail.
    assert english_leaks("Se underlaget och 'medium' i bilagan nedan") == []
    assert english_leaks("Se Evidence nedan") == ["report.evidence: 'Evidence'"]
    assert english_leaks("Assumption – change mechanism") != []


def test_english_report_of_swedish_document_translates_the_diagram(nils: toc.Document) -> None:
    html = render_report(nils, "html", language="en")["report.html"].decode()
    assert '<html lang="en">' in html
    text = html_text(html)
    assert "Assumption – change mechanism" in text
    assert "Antagande – förändringsmekanism" not in text
    assert "53.85%" in text
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert ">RESOURCES<" in svg and ">Common<" in svg
    assert "RESURSER" not in svg and "Gemensamt" not in svg


def test_numbers_at_a_line_start_carry_no_backslash(nils: toc.Document) -> None:
    # The English Markdown report wrote "\0.95" and "\16.67%": the line-start escape
    # put a backslash before any number. Neither language may.
    for language in ("en", "sv"):
        md = render_report(nils, "markdown", language=language, audience="evaluator")
        text = md["report.md"].decode()
        assert not re.search(r"\\[0-9]", text), language
        _, shown = markdown_text(text)
        assert "\\" not in shown.replace("\\frac", "")


# --------------------------------------------------------------------- HTML


def test_html_is_self_contained_and_accessible(nils_files: dict[str, dict[str, bytes]]) -> None:
    html = nils_files["html"]["rapport.html"].decode()
    page = parse_html(html)
    assert '<html lang="sv">' in html
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", html)
    assert "<link" not in html and "@import" not in html and "url(" not in html
    assert "default-src 'none'" in html  # nothing may load, nothing may run
    assert "script" not in page.tags and "img" not in page.tags
    bars = [a for t, a in page.attrs if t == "div" and a.get("class") == "bar"]
    assert len(bars) == 8 and all(a["role"] == "img" and a["aria-label"] for a in bars)
    levels = [int(t[1]) for t in page.tags if re.fullmatch(r"h[1-6]", t)]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), levels
    assert page.tags.count("caption") >= 6
    assert "@page" in html and "size: A4" in html and "@media print" in html
    assert "size: A4 landscape" in html and "counter(page)" in html
    assert html.count("<svg") == 1  # the diagram, inline
    assert 'role="img" aria-label="Diagram över förändringsteorin' in html
    assert "<title>" not in html[html.index("<svg") :]  # Graphviz's element names: ids


def test_html_verdict_colours_are_the_diagrams(nils_files: dict[str, dict[str, bytes]]) -> None:
    html = nils_files["html"]["rapport.html"].decode()
    for key, style in THEME.verdicts.items():
        assert re.search(rf"\.v-{key} \{{ background: {style.colour};", html), key
    assert '<td class="v-partly_held">◐ höll delvis</td>' in html


def test_html_bilaga_cells(nils_files: dict[str, dict[str, bytes]]) -> None:
    html = nils_files["html"]["rapport.html"].decode()
    assert '<td class="num mark-support">✓ 53,85\u00a0%<br>7</td>' in html
    assert '<td class="num mark-weak">✗ 33,33\u00a0%<br>2</td>' in html


def test_html_survey_bar_widths_are_the_shares(nils_files: dict[str, dict[str, bytes]]) -> None:
    html = nils_files["html"]["rapport.html"].decode()
    assert (
        '<span style="width: 46.15%; background: #7E8FA6; color: #000000">46\u00a0%</span>'
        '<span style="width: 53.85%; background: #1F3A5F; color: #FFFFFF">54\u00a0%</span>'
    ) in html


BILAGA_CAPTIONS = [
    "Tabell 6: Enkätsvar, Spira (skala: liten/mycket liten … stor/mycket stor)",
    "Tabell 7: Enkätsvar, Spira (skala: liten/mycket liten eller viss … stor/mycket stor)",
]
"""The captions of Bilaga 1's two tables: one survey in Spira, on two scales."""


def test_bilaga_captions_tell_the_tables_apart_in_every_format(
    nils_files: dict[str, dict[str, bytes]],
) -> None:
    html = nils_files["html"]["rapport.html"].decode()
    captions = re.findall(r"<caption>([^<]*)</caption>", html)
    assert [c for c in captions if "Enkätsvar" in c] == BILAGA_CAPTIONS
    markdown = nils_files["markdown"]["rapport.md"].decode()
    assert [line for line in markdown.splitlines() if "Enkätsvar" in line] == [
        f"**{caption}**" for caption in BILAGA_CAPTIONS
    ]
    document, _ = docx_paragraphs(nils_files["docx"]["rapport.docx"])
    assert [p.text for p in document.paragraphs if "Enkätsvar" in p.text] == BILAGA_CAPTIONS


@pytest.mark.parametrize("fmt", ["html", "markdown", "docx"])
def test_each_format_is_deterministic(
    nils: toc.Document, nils_files: dict[str, dict[str, bytes]], fmt: str
) -> None:
    assert render_report(nils, fmt, name="rapport") == nils_files[fmt]


# ----------------------------------------------------------------- Markdown


def test_markdown_links_the_diagram_beside_it(nils_files: dict[str, dict[str, bytes]]) -> None:
    files = nils_files["markdown"]
    assert list(files) == ["rapport.md", "rapport-diagram.svg"]
    markdown = files["rapport.md"].decode()
    assert "](rapport-diagram.svg)" in markdown
    assert files["rapport-diagram.svg"].startswith(b"<?xml")
    assert b"<!-- Written by toc report" in files["rapport-diagram.svg"][:200]
    html, _ = markdown_text(markdown)
    assert '<img src="rapport-diagram.svg" alt="Diagram över förändringsteorin' in html
    assert html.count("<table>") >= 6 + 8  # tables, and one per survey bar
    assert "| viss | 6 | 46\u00a0% | █████████ |" in markdown


# --------------------------------------------------------------------- Word


def test_docx_structure(nils_files: dict[str, dict[str, bytes]]) -> None:
    document, _ = docx_paragraphs(nils_files["docx"]["rapport.docx"])
    headings = [
        (p.style.name, p.text)
        for p in document.paragraphs
        if p.style.name.startswith("Heading") or p.style.name == "Title"
    ]
    assert headings[0] == ("Title", "Lärande utvärdering av Integrationscoach och Spira")
    top = [text for style, text in headings if style == "Heading 1"]
    assert top == [
        "Sammanfattning",
        "1. Bakgrund",
        "2. Förändringsteorin",
        "3. Hur har förändringsmekanismerna fungerat?",
        "4. Alternativa förklaringar och osäkra effekter",
        "5. Indikatorer",
        "6. Slutsatser",
        "Bilaga 1: Tabell över enkätsvar",
    ]
    assert ("Heading 2", "Rekommendationer") in headings
    assert ("Heading 2", "3.1 Arbetssätt för samverkan runt individen (2.1)") in headings
    assert ("Heading 2", "3.6 Bedömningar per mekanism och insats") in headings
    texts = [p.text for p in document.paragraphs]
    assert texts.count("Antagande – förändringsmekanism (M1):") == 1
    quote = document.paragraphs[texts.index("Motorn som kan hjälpa till att stötta")]
    assert quote.style.name == "Quote"
    # The table of contents and the captions are fields Word fills in.
    body = document.element.body.xml
    assert 'TOC \\o "1-2" \\h \\z \\u' in body
    assert body.count("SEQ Tabell") >= 6 and body.count("SEQ Figur") == 2
    assert (
        "Tabell 1: Insatserna" in texts
        and "Figur 1: Förändringsteorin och bedömningen av varje mekanism" in texts
    )
    # One picture: the diagram, with its alt text; the survey bars are tables.
    assert len(document.inline_shapes) == 1
    assert document.inline_shapes[0]._inline.docPr.get("descr").startswith("Diagram över")


def test_docx_diagram_on_a_landscape_page_drawn_for_it(
    nils_files: dict[str, dict[str, bytes]],
) -> None:
    from docx.enum.section import WD_ORIENT

    document, _ = docx_paragraphs(nils_files["docx"]["rapport.docx"])
    sections = document.sections
    assert [s.orientation for s in sections] == [
        WD_ORIENT.PORTRAIT,
        WD_ORIENT.LANDSCAPE,
        WD_ORIENT.PORTRAIT,
    ]
    assert (round(sections[1].page_width.mm), round(sections[1].page_height.mm)) == (297, 210)
    picture = document.inline_shapes[0]
    room = sections[1].page_width - sections[1].left_margin - sections[1].right_margin
    assert picture.width <= room and picture.width > room * 0.9
    with zipfile.ZipFile(io.BytesIO(nils_files["docx"]["rapport.docx"])) as package:
        png = next(package.read(n) for n in package.namelist() if n.endswith(".png"))
    import struct

    width, height = struct.unpack(">II", png[16:24])
    # At print resolution for the page (about 220 dpi over 27.7 cm), not 200 dpi of
    # the diagram's natural size.
    assert 2200 <= width <= 2420 and height < 1600


def test_docx_tables(nils_files: dict[str, dict[str, bytes]]) -> None:
    document, _ = docx_paragraphs(nils_files["docx"]["rapport.docx"])
    matrix = next(t for t in document.tables if t.rows[0].cells[0].text == "Mekanism")
    assert [c.text for c in matrix.rows[0].cells] == ["Mekanism", "Integrationscoach", "Spira"]
    cells = matrix.rows[5].cells
    assert [c.text for c in cells] == [
        "Implementering av arbetssätt för samverkan (2.5)",
        "◐ höll delvis",
        "… för tidigt att säga",
    ]
    # The diagram's colours, a symbol and a word in every verdict cell.
    assert cells[1]._tc.tcPr.xpath("./w:shd/@w:fill") == [THEME.verdicts["partly_held"].colour[1:]]
    assert cells[2]._tc.tcPr.xpath("./w:shd/@w:fill") == [THEME.verdicts["too_early"].colour[1:]]
    survey = next(
        t for t in document.tables if len(t.columns) > 2 and t.rows[0].cells[2].text == "viss"
    )
    forum = next(r for r in survey.rows if r.cells[0].text.startswith("Det finns de nödvändiga"))
    assert [c.text for c in forum.cells[1:]] == [
        "0,00\u00a0%\n0",
        "46,15\u00a0%\n6",
        "✓\u00a053,85\u00a0%\n7",
        "4",
        "13",
        "✓ stöd (53,85\u00a0%)",
    ]
    assert forum.cells[3]._tc.tcPr.xpath("./w:shd/@w:fill") == ["ACEEBB"]


def test_docx_chips_and_swatches_stay_with_their_words(
    nils_files: dict[str, dict[str, bytes]],
) -> None:
    # A line of the legend may break between two chips, never inside one; a swatch of
    # the survey bars' key stays with its words.
    document, _ = docx_paragraphs(nils_files["docx"]["rapport.docx"])
    shaded = [r.text for p in document.paragraphs for r in p.runs if r._r.xpath("./w:rPr/w:shd")]
    assert shaded[:6] == [
        "\u00a0✓\u00a0höll\u00a0",
        "\u00a0◐\u00a0höll\u00a0delvis\u00a0",
        "\u00a0✗\u00a0höll\u00a0inte\u00a0",
        "\u00a0…\u00a0för\u00a0tidigt\u00a0att\u00a0säga\u00a0",
        "\u00a0?\u00a0går\u00a0inte\u00a0att\u00a0avgöra\u00a0",
        "\u00a0–\u00a0inte\u00a0bedömd\u00a0",
    ]
    assert not [chip for chip in shaded if " " in chip]  # the judgements' chips too
    keys = [p.text for p in document.paragraphs if p.text.startswith("■")]
    assert keys[0] == (
        "■\u00a0mindre\u00a0än\u00a0stor\u00a0utsträckning\u00a0(5)   "
        "■\u00a0stor/mycket\u00a0stor\u00a0utsträckning\u00a0(9)   14 svarade, 3 ”vet ej”"
    )


def test_docx_column_widths_keep_numbers_and_words_whole(
    nils_files: dict[str, dict[str, bytes]],
) -> None:
    from toc.report.docx import _CHAR_CM, _PAD_CM

    document, _ = docx_paragraphs(nils_files["docx"]["rapport.docx"])
    checked = smaller = 0
    for table in document.tables:
        if len(table.rows) < 2 or len(table.columns) < 3:
            continue
        # A table too wide at 9 points is set in 8 (its character widths with it).
        size = table.rows[1].cells[0].paragraphs[0].runs[0].font.size.pt
        assert size in (8, 9)
        smaller += size == 8
        for index, column in enumerate(table.columns):
            words = [w for cell in column.cells for w in re.split(r"[ \n/–-]+", cell.text) if w]
            if not words:
                continue
            longest = max(len(w) for w in words)
            need = longest * _CHAR_CM * size / 9 + _PAD_CM
            assert column.width.cm >= need - 0.01, (words, index)
            checked += 1
    assert checked > 20
    assert smaller == 1  # the indicators, six columns of long Swedish words


def test_docx_survey_bars_are_shaded_tables(nils_files: dict[str, dict[str, bytes]]) -> None:
    document, _ = docx_paragraphs(nils_files["docx"]["rapport.docx"])
    ramp = ("DCE4EE", "7E8FA6", "1F3A5F")
    bars = [
        t
        for t in document.tables
        if len(t.rows) == 1
        and t.rows[0].cells[0]._tc.tcPr.xpath("./w:shd/@w:fill")[:1] in ([c] for c in ramp)
    ]
    assert len(bars) == 8
    forum = next(t for t in bars if [c.text for c in t.rows[0].cells] == ["46\u00a0%", "54\u00a0%"])
    widths = [c.width for c in forum.columns]
    assert abs(widths[0] / (widths[0] + widths[1]) - 6 / 13) < 0.01


def test_docx_is_byte_stable_with_fixed_zip_entries(nils: toc.Document) -> None:
    one = render_report(nils, "docx")["report.docx"]
    two = render_report(nils, "docx")["report.docx"]
    assert one == two
    with zipfile.ZipFile(io.BytesIO(one)) as package:
        infos = package.infolist()
    assert infos[0].filename == "[Content_Types].xml"
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}


def test_docx_template_keeps_the_organisations_style_and_header(tmp_path: Path) -> None:
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Pt, RGBColor

    house = docx.Document()
    normal = house.styles["Normal"]
    normal.font.name = "Courier New"
    normal.font.size = Pt(12)
    distinct = house.styles.add_style("Husstil Rubrik", WD_STYLE_TYPE.PARAGRAPH)
    distinct.font.color.rgb = RGBColor(0x88, 0x00, 0x44)
    house.sections[0].header.paragraphs[0].text = "HUSMALL AB – INTERNT"
    house.sections[0].left_margin = docx.shared.Mm(35)
    house.add_paragraph("Exempeltext som mallen hade.")
    template = tmp_path / "husmall.docx"
    house.save(template)
    out = tmp_path / "rapport.docx"
    write_report(toc.load(NILS), out, template=template)
    document = docx.Document(out)
    assert document.sections[0].header.paragraphs[0].text == "HUSMALL AB – INTERNT"
    assert document.styles["Normal"].font.name == "Courier New"
    assert document.styles["Husstil Rubrik"].font.color.rgb == RGBColor(0x88, 0x00, 0x44)
    assert round(document.sections[0].left_margin.mm) == 35
    texts = [p.text for p in document.paragraphs]
    assert "Exempeltext som mallen hade." not in texts  # its body is the report's
    assert "1. Bakgrund" in texts


def test_docx_template_must_be_a_word_file(tmp_path: Path) -> None:
    bad = tmp_path / "mall.docx"
    bad.write_text("not a zip")
    result = CliRunner().invoke(
        main, ["report", str(NILS), "-o", str(tmp_path / "r.docx"), "--template", str(bad)]
    )
    assert result.exit_code == 2
    assert "is not a Word document (.docx)" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mall.docx"]


# ---------------------------------------------------------------------- files


def test_side_file_toc_did_not_write_is_never_replaced(tmp_path: Path) -> None:
    mine = tmp_path / "rapport-diagram.svg"
    mine.write_text("<svg>my own drawing</svg>")
    with pytest.raises(WriteError, match="exists and was not written by toc report"):
        write_report(hostile_doc("x"), tmp_path / "rapport.md")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rapport-diagram.svg"]
    assert mine.read_text() == "<svg>my own drawing</svg>"
    mine.unlink()
    write_report(hostile_doc("x"), tmp_path / "rapport.md")
    write_report(hostile_doc("y"), tmp_path / "rapport.md")  # its own file: replaced
    assert "Title y" in (tmp_path / "rapport.md").read_text()


def test_output_symlink_is_written_through(tmp_path: Path) -> None:
    store = tmp_path / "store"
    store.mkdir()
    target = store / "shared-report.html"
    target.write_text("old")
    os.chmod(target, 0o640)
    link = tmp_path / "rapport.html"
    link.symlink_to(target)
    write_report(hostile_doc("x"), link)
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert "Title x" in target.read_text()
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert sorted(p.name for p in store.iterdir()) == ["shared-report.html"]


def test_failed_write_leaves_no_partial_markdown_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import toc.output as write_module

    real = write_module.write_atomic

    def failing(path: Any, content: Any) -> None:
        if str(path).endswith(".md"):
            raise WriteError(f"cannot write {path}: disk full")
        real(path, content)

    monkeypatch.setattr(write_module, "write_atomic", failing)
    with pytest.raises(WriteError, match="disk full"):
        write_report(hostile_doc("x"), tmp_path / "r.md")
    assert list(tmp_path.iterdir()) == []


def test_a_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    # `-o $'r\xfc.md'`: bytes that are no UTF-8, as a Linux file name may be.
    done = subprocess.run(
        [sys.executable, "-m", "toc", "report", str(NILS), "-o", b"r\xfc.md"],
        cwd=tmp_path,
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    assert b"Traceback" not in done.stderr
    assert sorted(os.listdir(os.fsencode(tmp_path))) == [b"r\xfc-diagram.svg", b"r\xfc.md"]
    markdown = (tmp_path / os.fsdecode(b"r\xfc.md")).read_text()
    assert "](r%FC-diagram.svg)" in markdown


# ----------------------------------------------------------------------- CLI


def test_cli_writes_each_format(tmp_path: Path) -> None:
    runner = CliRunner()
    for name in ("rapport.html", "rapport.docx", "rapport.md"):
        result = runner.invoke(main, ["report", str(NILS), "-o", str(tmp_path / name)])
        assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "rapport-diagram.svg",
        "rapport.docx",
        "rapport.html",
        "rapport.md",
    ]


def test_cli_sections_and_audience(tmp_path: Path) -> None:
    out = tmp_path / "r.md"
    result = CliRunner().invoke(
        main,
        ["report", str(NILS), "-o", str(out), "--sections", "title_page, findings",
         "--audience", "evaluator"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    text = out.read_text()
    assert text.startswith(
        "# Lärande utvärdering av Integrationscoach och Spira\n\n"
        "*Slutrapport till Samordningsförbundet NILS*\n"
    )
    assert "## Bilaga 1: Anmärkningar från den strukturella kontrollen" in text
    assert "## 1\\." not in text and "Bakgrund" not in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["-o", "out.odt"],
            "error: cannot write a report as 'out.odt': "
            "name the output .html, .docx, .md or .pdf\n",
        ),
        (
            ["-o", "out.md", "--intervention", "nope"],
            "error: unknown intervention 'nope': the document's interventions are ic, spira\n",
        ),
        (
            ["-o", "out.md", "--sections", "findings"],
            "error: the findings appendix is working material (codes and places in the file): "
            "use --audience evaluator\n",
        ),
        (
            ["-o", "out.md", "--sections", "theory,bogus"],
            "error: unknown report section 'bogus': use some of title_page, contents, summary, "
            "background, theory, changes, mechanisms, rivals, indicators, conclusions, surveys, "
            "findings\n",
        ),
        (
            ["-o", "out.html", "--template", "house.docx"],
            "error: a Word template is for .docx reports: name the output .docx\n",
        ),
    ],
)
def test_cli_bad_options_exit_2_without_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "house.docx").write_bytes(_empty_docx())
    result = CliRunner().invoke(main, ["report", str(NILS), *args])
    assert result.exit_code == 2
    assert result.stderr == message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["house.docx"]


def _empty_docx() -> bytes:
    import docx

    out = io.BytesIO()
    docx.Document().save(out)
    return out.getvalue()


def test_cli_bad_document_exit_2_without_files(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\nid: x\ntitle: X\nnodes: [{id: a, stage: nowhere, label: A}]\n")
    result = CliRunner().invoke(main, ["report", str(bad), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 2
    assert "bad.yaml:4:" in result.output and "unknown stage 'nowhere'" in result.output
    assert "Traceback" not in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.yaml"]


def test_missing_logo_is_a_located_error(tmp_path: Path) -> None:
    doc = tmp_path / "doc.yaml"
    doc.write_text("format: 1\nid: x\ntitle: X\nreport:\n  client: NILS\n  logo: logga.png\n")
    result = CliRunner().invoke(main, ["report", str(doc), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{doc}:6:9: error: report.logo: cannot read the logo")
    (tmp_path / "logga.png").write_bytes(b"GIF89a....")
    result = CliRunner().invoke(main, ["report", str(doc), "-o", str(tmp_path / "r.html")])
    assert "is not a PNG or JPEG picture" in result.stderr


def test_logo_on_the_title_page(tmp_path: Path) -> None:
    png = white_png(3, 2)
    (tmp_path / "logga.png").write_bytes(png)
    doc = tmp_path / "doc.yaml"
    doc.write_text("format: 1\nid: x\ntitle: X\nreport:\n  logo: logga.png\n")
    for name in ("r.html", "r.docx", "r.md"):
        result = CliRunner().invoke(main, ["report", str(doc), "-o", str(tmp_path / name)])
        assert result.exit_code == 0, result.output
    assert "data:image/png;base64," in (tmp_path / "r.html").read_text()
    document, _ = docx_paragraphs((tmp_path / "r.docx").read_bytes())
    assert document.inline_shapes[0]._inline.docPr.get("descr") == "Logo"
    assert "![Logo](logga.png)" in (tmp_path / "r.md").read_text()


def test_baseline_adds_the_changes_section(tmp_path: Path) -> None:
    plan = NILS.parent.parent / "nils-2018-plan" / "nils-2018-plan.yaml"
    out = tmp_path / "r.md"
    result = CliRunner().invoke(
        main, ["report", str(NILS), "-o", str(out), "--baseline", str(plan)]
    )
    assert result.exit_code == 0, result.output
    text = out.read_text()
    assert "## 3. Förändringar i förändringsteorin" in text
    assert "## 4. Hur har förändringsmekanismerna fungerat?" in text
    assert "](r-changes.svg)" in text
    assert (tmp_path / "r-changes.svg").read_bytes().count(b"<!-- Written by toc report") == 1
    svg = (tmp_path / "r-changes.svg").read_text()
    assert board_leaks(html_module.unescape(text + svg), toc.load(NILS)) == {}
    # Without a baseline the section is simply not there; asked for, it is an error.
    result = CliRunner().invoke(
        main, ["report", str(NILS), "-o", str(tmp_path / "x.md"), "--sections", "changes"]
    )
    assert result.exit_code == 2
    assert "give --baseline OLD" in result.stderr
