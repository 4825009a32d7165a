"""The PDF report: printed by headless Chromium, checked with poppler's pdfinfo and pdftotext.

Skipped where chromium or poppler-utils are not installed (`.ci/run` installs both).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from report_helpers import CHROMIUM, NILS, POPPLER, STARTER, pdf_pages, pdf_text

import toc
from toc.cli import main
from toc.errors import WriteError
from toc.report import write_report
from toc.report.pdf import browser_command, find_browser

needs_printing = pytest.mark.skipif(
    CHROMIUM is None or not POPPLER, reason="needs chromium and poppler-utils"
)
A4 = (595.0, 842.0)


@pytest.fixture(scope="module")
def board_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if CHROMIUM is None or not POPPLER:
        pytest.skip("needs chromium and poppler-utils")
    path = tmp_path_factory.mktemp("pdf") / "rapport.pdf"
    write_report(toc.load(NILS), path)
    return path


@needs_printing
def test_pages_are_a4_and_only_the_diagram_page_is_landscape(board_pdf: Path) -> None:
    pages = pdf_pages(board_pdf)
    assert 12 <= len(pages) <= 24
    for width, height in pages:
        assert sorted((round(width), round(height))) == [595, 842]
    landscape = [n for n, (width, height) in enumerate(pages, start=1) if width > height]
    assert len(landscape) == 1
    page = landscape[0]
    diagram = pdf_text(board_pdf, page, page)
    assert "RESURSER" in diagram and "EFFEKTER LÅNG SIKT" in diagram
    assert "Figur 1: Förändringsteorin och bedömningen av varje mekanism" in diagram
    # The diagram alone on its page: its chapter's heading is on the page before.
    assert "2. Förändringsteorin" in pdf_text(board_pdf, page - 1, page - 1)


@needs_printing
def test_bilaga_captions_tell_the_tables_apart(board_pdf: Path) -> None:
    text = " ".join(pdf_text(board_pdf).split())
    assert "Tabell 6: Enkätsvar, Spira (skala: liten/mycket liten … stor/mycket stor)" in text
    assert (
        "Tabell 7: Enkätsvar, Spira (skala: liten/mycket liten eller viss … stor/mycket stor)"
        in text
    )


@needs_printing
def test_every_mechanism_title_is_text(board_pdf: Path) -> None:
    text = " ".join(pdf_text(board_pdf).split())
    for mechanism in toc.load(NILS).mechanisms:
        assert " ".join(mechanism.title.split()) in text, mechanism.title


@needs_printing
def test_page_numbers_and_title_page(board_pdf: Path) -> None:
    first = " ".join(pdf_text(board_pdf, 1, 1).split())
    assert "Lärande utvärdering av Integrationscoach och Spira" in first
    assert "Beställare" in first and "Sida" not in first  # no number on the title page
    assert re.search(r"\bSida 2\b", pdf_text(board_pdf, 2, 2))
    last = len(pdf_pages(board_pdf))
    assert re.search(rf"\bSida {last}\b", pdf_text(board_pdf, last, last))


@needs_printing
def test_diagram_text_prints_at_a_legible_size(board_pdf: Path) -> None:
    # pdftotext's word boxes: DejaVu Sans at size s is about 1.164 s high.
    import subprocess

    pages = pdf_pages(board_pdf)
    page = next(n for n, (w, h) in enumerate(pages, start=1) if w > h)
    boxes = subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), "-bbox", str(board_pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    heights = [
        float(y2) - float(y1)
        for y1, y2, word in re.findall(
            r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]+)<', boxes
        )
        if word in ("Samverkansmetoderna", "Kompetensutveckling", "myndigheterna")
    ]
    assert heights and min(heights) / 1.164 >= 7.9
    body = subprocess.run(
        ["pdftotext", "-f", "3", "-l", "3", "-bbox", str(board_pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    # Body text at its size: the browser did not shrink the pages to fit something wide.
    serif = [
        float(y2) - float(y1)
        for y1, y2 in re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">förbundet<', body)
    ]
    assert serif and abs(serif[0] / 1.164 - 10) < 0.3


def _words(pdf: Path, page: int) -> list[tuple[float, float, float, str]]:
    """The words of a page as pdftotext places them: (top, bottom, left, word), in points."""
    import subprocess

    boxes = subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), "-bbox", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    found = re.findall(
        r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]+)<', boxes
    )
    return [(float(y1), float(y2), float(x1), word) for x1, y1, y2, word in found]


@needs_printing
def test_each_diagram_page_holds_its_drawing_and_its_caption(tmp_path: Path) -> None:
    # The diagram and the diagram of the changes since the plan, whose caption takes
    # two lines: each on its landscape page with its caption, no page for a caption alone.
    plan = toc.load(NILS.parent.parent / "nils-2018-plan" / "nils-2018-plan.yaml")
    nils = tmp_path / "nils.pdf"
    write_report(toc.load(NILS), nils, sections=["theory", "changes"], baseline=plan)
    pages = pdf_pages(nils)
    landscape = [n for n, (width, height) in enumerate(pages, start=1) if width > height]
    assert len(landscape) == 2
    for page, caption in zip(landscape, ("Figur 1:", "Figur 2:"), strict=True):
        text = pdf_text(nils, page, page)
        assert caption in text and "RESURSER" in text and "EFFEKTER LÅNG SIKT" in text
    # A drawing much wider than its page is high keeps its shape: it starts at the top
    # of the page and its caption follows right under it, with no blank band between.
    starter = tmp_path / "starter.pdf"
    write_report(toc.load(STARTER), starter, sections=["theory"])
    page = next(n for n, (w, h) in enumerate(pdf_pages(starter), start=1) if w > h)
    words = _words(starter, page)
    caption = min(top for top, _, _, word in words if word == "Figure")
    drawing = [(top, bottom) for top, bottom, _, _ in words if bottom < caption]
    margin = 10 / 25.4 * 72
    assert min(top for top, _ in drawing) < margin + 30  # the column headings
    assert caption - max(bottom for _, bottom in drawing) < 30


@needs_printing
def test_pdf_is_byte_stable(tmp_path: Path) -> None:
    doc = toc.load(NILS)
    one, two = tmp_path / "a.pdf", tmp_path / "b.pdf"
    write_report(doc, one, sections=["title_page", "summary", "background"])
    write_report(doc, two, sections=["title_page", "summary", "background"])
    assert one.read_bytes() == two.read_bytes()


def test_no_browser_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("TOC_CHROMIUM", raising=False)
    with pytest.raises(WriteError, match="no Chromium or Chrome browser was found; install"):
        find_browser()
    result = CliRunner().invoke(main, ["report", str(NILS), "-o", str(tmp_path / "r.pdf")])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: cannot print a PDF: no Chromium or Chrome browser")
    assert "apt-get install chromium" in result.stderr
    assert not (tmp_path / "r.pdf").exists()


def test_toc_chromium_names_the_browser(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "my-chrome"
    fake.write_text("#!/bin/sh\nexit 0\n")
    fake.chmod(0o755)
    monkeypatch.setenv("TOC_CHROMIUM", str(fake))
    assert find_browser() == str(fake)
    # A browser that prints nothing is an error, not an empty file.
    with pytest.raises(WriteError, match="exited with status 0"):
        write_report(toc.load(NILS), tmp_path / "r.pdf", sections=["title_page"])
    assert not (tmp_path / "r.pdf").exists()
    monkeypatch.setenv("TOC_CHROMIUM", str(tmp_path / "none"))
    with pytest.raises(WriteError, match=r"TOC_CHROMIUM is .*, not a program"):
        find_browser()


def test_browser_command_is_isolated() -> None:
    args = browser_command("chromium", Path("/t/r.html"), Path("/t/r.pdf"), Path("/t/p"))
    assert args[:2] == ["chromium", "--headless"]
    assert "--user-data-dir=/t/p" in args and "--disable-background-networking" in args
    assert "--no-pdf-header-footer" in args and "--print-to-pdf=/t/r.pdf" in args
    assert args[-1] == "file:///t/r.html"
    assert os.sep == "/"
