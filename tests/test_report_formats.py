"""The report files: HTML, Markdown and Word structure, hostile text, language, CLI."""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from report_helpers import (
    NILS,
    docx_paragraphs,
    docx_text,
    english_leaks,
    hostile_doc,
    html_text,
    markdown_text,
    parse_html,
)

import toc
from toc.cli import main
from toc.report import render_report, write_report

HOSTILE = [
    "<script>alert(1)</script>",
    "{{ 7*7 }} {% if x %}",
    "\"quoted\" & 'single' &amp;",
    "%s %(name)s {0} {name}",
    "**bold** _i_ [link](http://example.com) | pipe # hash",
    "</td></tr></table><h1>x",
    "Åäö ”citat” – ✓",
    "$x^2$ \\frac{ $",
]


# Every kind of free text the report shows, as `hostile_doc` labels it.
PREFIXES = (
    "Title", "Node", "Mech", "Statement", "Summary", "Quote", "Rationale",
    "Cond", "Rival", "Ind", "Question", "Actor", "Int",
)  # fmt: skip


@pytest.fixture(scope="module")
def nils() -> toc.Document:
    return toc.load(NILS)


@pytest.fixture(scope="module")
def nils_files(nils: toc.Document) -> dict[str, dict[str, bytes]]:
    return {fmt: render_report(nils, fmt, name="rapport") for fmt in ("html", "markdown", "docx")}


# ------------------------------------------------------------- hostile text


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text_is_literal_in_html(hostile: str) -> None:
    html = render_report(hostile_doc(hostile), "html")["report.html"].decode()
    page = parse_html(html)
    assert "script" not in page.tags
    assert "h1" in page.tags and page.tags.count("h1") == 1
    text = html_text(html)
    for prefix in PREFIXES:
        assert f"{prefix} {' '.join(hostile.split())}" in text, prefix
    assert "49" not in text  # {{ 7*7 }} was never evaluated


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text_is_literal_in_markdown(hostile: str) -> None:
    files = render_report(hostile_doc(hostile), "markdown")
    html, text = markdown_text(files["report.md"].decode())
    assert "<script" not in html
    assert "<h1>" in html and html.count("<h1>") == 1
    for prefix in PREFIXES:
        assert f"{prefix} {' '.join(hostile.split())}" in text, prefix
    assert "49" not in text


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text_is_literal_in_docx(hostile: str) -> None:
    text = docx_text(render_report(hostile_doc(hostile), "docx")["report.docx"])
    for prefix in PREFIXES:
        if prefix == "Node":
            continue  # node labels are in the diagram image only
        assert f"{prefix} {hostile}" in text, prefix


def test_hostile_node_label_is_escaped_in_the_inline_svg() -> None:
    html = render_report(hostile_doc("<script>x</script> & {{ y }}"), "html")["report.html"]
    svg = html.decode()[html.decode().index("<svg") :]
    assert "&lt;script&gt;x&lt;/script&gt; &amp; {{ y }}" in svg
    assert "<script" not in svg


def test_control_characters_do_not_break_word() -> None:
    data = render_report(hostile_doc("bell\x07 nul"), "docx")["report.docx"]
    assert "bell\ufffd nul" in docx_text(data)


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
    assert english_leaks("xx Common to all interventions yy") != []


def test_english_report_of_swedish_document(nils: toc.Document) -> None:
    html = render_report(nils, "html", language="en")["report.html"].decode()
    assert '<html lang="en">' in html
    text = html_text(html)
    assert "Assumption – change mechanism" in text
    assert "Antagande – förändringsmekanism" not in text
    assert "53.85%" in text


# --------------------------------------------------------------------- HTML


def test_html_is_self_contained_and_accessible(nils_files: dict[str, dict[str, bytes]]) -> None:
    html = nils_files["html"]["rapport.html"].decode()
    page = parse_html(html)
    assert '<html lang="sv">' in html
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", html)
    assert "<link" not in html and "@import" not in html and "url(http" not in html
    assert "script" not in page.tags
    images = [a for t, a in page.attrs if t == "img"]
    assert len(images) == 8  # one chart per survey question
    assert all(a.get("alt") and a["src"].startswith("data:image/svg+xml;base64,") for a in images)
    levels = [int(t[1]) for t in page.tags if re.fullmatch(r"h[1-6]", t)]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), levels
    assert page.tags.count("table") == page.tags.count("thead") > 5
    assert "@page" in html and "size: A4" in html and "@media print" in html
    assert html.count("<svg") == 1  # the diagram, inline
    assert 'role="img" aria-label="Diagram över förändringsteorin' in html


def test_html_bilaga_cells(nils_files: dict[str, dict[str, bytes]]) -> None:
    html = nils_files["html"]["rapport.html"].decode()
    assert '<td class="num mark-support">✓ 53,85\u00a0%<br>7</td>' in html
    assert '<td class="num mark-weak">✗ 33,33\u00a0%<br>2</td>' in html
    assert '<td class="mark-weak">✗ svagt (33,33\u00a0%); fler ”vet ej” än svar</td>' in html


def test_html_is_deterministic(nils: toc.Document, nils_files: dict[str, dict[str, bytes]]) -> None:
    assert render_report(nils, "html", name="rapport") == nils_files["html"]


# ----------------------------------------------------------------- Markdown


def test_markdown_links_the_diagram_beside_it(nils_files: dict[str, dict[str, bytes]]) -> None:
    files = nils_files["markdown"]
    assert list(files)[:2] == ["rapport.md", "rapport-diagram.svg"]
    assert len(files) == 2 + 8
    markdown = files["rapport.md"].decode()
    for name in list(files)[1:]:
        assert f"]({name})" in markdown
        assert files[name].startswith(b"<?xml")
    html, _ = markdown_text(markdown)
    assert '<img src="rapport-diagram.svg" alt="Diagram över förändringsteorin' in html
    assert html.count("<table>") >= 6


# --------------------------------------------------------------------- Word


def test_docx_structure(nils_files: dict[str, dict[str, bytes]]) -> None:
    document, _ = docx_paragraphs(nils_files["docx"]["rapport.docx"])
    headings = [
        (p.style.name, p.text)
        for p in document.paragraphs
        if p.style.name.startswith("Heading") or p.style.name == "Title"
    ]
    assert headings[0] == (
        "Title",
        "Förändringsteori för utveckling av samverkan i Integrationscoach och Spira",
    )
    top = [text for style, text in headings if style == "Heading 1"]
    assert top == [
        "1. Bakgrund",
        "2. Förändringsteorin",
        "3. Hur har förändringsmekanismerna fungerat?",
        "4. Alternativa förklaringar och osäkra effekter",
        "5. Indikatorer",
        "Bilaga 1: Tabell över enkätsvar",
        "Bilaga 2: Anmärkningar från den strukturella kontrollen",
    ]
    assert ("Heading 2", "3.1 Arbetssätt för samverkan runt individen (2.1)") in headings
    assert ("Heading 2", "3.6 Bedömningar per mekanism och insats") in headings
    assert ("Heading 3", "Underlag") in headings
    assert ("Heading 4", "Spira") in headings
    texts = [p.text for p in document.paragraphs]
    assert texts.count("Antagande – förändringsmekanism:") == 5
    assert "Motorn som kan hjälpa till att stötta" in texts
    quote = document.paragraphs[texts.index("Motorn som kan hjälpa till att stötta")]
    assert quote.style.name == "Quote"
    # one diagram and eight survey charts, as pictures with alt text
    assert len(document.inline_shapes) == 9
    alts = [s._inline.docPr.get("descr") for s in document.inline_shapes]
    assert alts[0].startswith("Diagram över förändringsteorin")
    assert all(a for a in alts)
    # The wide diagram gets a landscape A4 page of its own; the rest is portrait.
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm

    sections = document.sections
    assert [s.orientation for s in sections] == [
        WD_ORIENT.PORTRAIT,
        WD_ORIENT.LANDSCAPE,
        WD_ORIENT.PORTRAIT,
    ]
    # Word keeps page sizes in twips: compare to the millimetre.
    assert (round(sections[1].page_width.mm), round(sections[1].page_height.mm)) == (297, 210)
    assert document.inline_shapes[0].width > Cm(20)


def test_docx_tables(nils_files: dict[str, dict[str, bytes]]) -> None:
    document, _ = docx_paragraphs(nils_files["docx"]["rapport.docx"])
    matrix = next(t for t in document.tables if t.rows[0].cells[0].text == "Mekanism")
    assert [c.text for c in matrix.rows[0].cells] == ["Mekanism", "Integrationscoach", "Spira"]
    # The suggestion beside the verdict comes from `toc.assess` where available.
    cells = [c.text for c in matrix.rows[5].cells]
    assert cells[0] == "Implementering av arbetssätt för samverkan (2.5)"
    assert re.fullmatch(r"höll delvis( \(förslag: [a-zåäö ]+\))?", cells[1])
    assert re.fullmatch(r"för tidigt att säga( \(förslag: [a-zåäö ]+\))?", cells[2])
    survey = next(
        t for t in document.tables if len(t.columns) > 2 and t.rows[0].cells[2].text == "viss"
    )
    assert [c.text for c in survey.rows[0].cells] == [
        "Fråga",
        "liten/mycket liten",
        "viss",
        "stor/mycket stor",
        "Vet ej",
        "Totalt antal svarande",
        "Enkätregeln",
    ]
    forum = next(r for r in survey.rows if r.cells[0].text.startswith("Det finns de nödvändiga"))
    assert [c.text for c in forum.cells[1:]] == [
        "0,00\u00a0%\n0",
        "46,15\u00a0%\n6",
        "✓ 53,85\u00a0%\n7",
        "4",
        "13",
        "✓ stöd (53,85\u00a0%)",
    ]
    fill = forum.cells[3]._tc.tcPr.xpath("./w:shd/@w:fill")
    assert fill == ["ACEEBB"]


# ---------------------------------------------------------------------- CLI


def test_cli_writes_each_format(tmp_path: Path) -> None:
    runner = CliRunner()
    for name in ("rapport.html", "rapport.docx", "rapport.md"):
        result = runner.invoke(main, ["report", str(NILS), "-o", str(tmp_path / name)])
        assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir())[:4] == [
        "rapport-diagram.svg",
        "rapport-survey-e-shared-survey-understanding.svg",
        "rapport-survey-e-shared-survey-view.svg",
        "rapport-survey-e-survey-demand.svg",
    ]
    assert len(list(tmp_path.iterdir())) == 3 + 1 + 8


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["-o", "out.pdf"],
            "error: cannot write a report as 'out.pdf': name the output .html, .docx or .md\n",
        ),
        (
            ["-o", "out.md", "--intervention", "nope"],
            "error: unknown intervention 'nope': the document's interventions are ic, spira\n",
        ),
    ],
)
def test_cli_bad_options_exit_2_without_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["report", str(NILS), *args])
    assert result.exit_code == 2
    assert result.stderr == message
    assert list(tmp_path.iterdir()) == []


def test_cli_bad_document_exit_2_without_files(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\nid: x\ntitle: X\nnodes: [{id: a, stage: nowhere, label: A}]\n")
    result = CliRunner().invoke(main, ["report", str(bad), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 2
    assert "bad.yaml:4:" in result.output and "unknown stage 'nowhere'" in result.output
    assert "Traceback" not in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.yaml"]


def test_failed_write_leaves_no_partial_markdown_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import toc.report.write as write_module
    from toc.errors import WriteError

    real = write_module.write_atomic

    def failing(path: Any, content: Any) -> None:
        if str(path).endswith(".md"):
            raise WriteError(f"cannot write {path}: disk full")
        real(path, content)

    monkeypatch.setattr(write_module, "write_atomic", failing)
    doc = hostile_doc("x")
    with pytest.raises(WriteError, match="disk full"):
        write_report(doc, tmp_path / "r.md")
    assert list(tmp_path.iterdir()) == []


def test_cli_missing_output_folder_exit_2(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "r.html"
    result = CliRunner().invoke(main, ["report", str(NILS), "-o", str(target)])
    assert result.exit_code == 2
    assert result.output.startswith(f"error: cannot write {target}")
