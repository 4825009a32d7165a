"""toc serve in a real browser: Debian's chromium, headless, driven over its debugging pipe.

One browser and one server for the whole walk, as a facilitator would go:
the page loads; the file is edited and the new label appears in the page's
SVG; a broken edit shows the banner and keeps the old diagram; fixing it
removes the banner; a click on a mechanism badge shows its statement; the
projector key redraws with larger text; the PNG download is 1920 pixels wide;
and the console stays free of errors and warnings throughout. Skipped where
chromium is not installed (`.ci/run` installs it).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from browser import CHROMIUM, Browser, Page

import toc
from toc.serve import Live, Server

ROOT = Path(__file__).resolve().parent.parent
NILS = ROOT / "examples/nils-2018/nils-2018.yaml"

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)"
)

SVG_TEXT = "[...document.querySelectorAll('#stage svg text')].map(t => t.textContent).join('|')"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def walk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Page, Path]]:
    path = tmp_path_factory.mktemp("serve") / "workshop.yaml"
    path.write_bytes(NILS.read_bytes())
    with Server(Live(path), step_ms=10, debounce_ms=200) as server, Browser() as browser:
        page = browser.page(1600, 900)
        page.goto(server.url)
        yield page, path


def test_the_page_loads_with_the_diagram(walk: tuple[Page, Path]) -> None:
    page, _ = walk
    page.wait("document.querySelector('#stage svg g.node') !== null")
    assert page.evaluate("document.querySelectorAll('#stage svg g.node').length") > 20
    assert "RESURSER" in page.evaluate(SVG_TEXT)
    assert page.evaluate("document.getElementById('banner').hidden") is True
    assert page.evaluate("document.documentElement.lang") == "sv"
    assert page.errors == []


def test_an_edit_appears_in_the_page(walk: tuple[Page, Path]) -> None:
    page, path = walk
    page.evaluate("document.getElementById('stage').scrollTop = 0")
    edit(path, "label: Samsyn om målgruppen hos alla parter", "label: Samsyn om ordning och reda")
    page.wait(f"{SVG_TEXT}.includes('Samsyn om ordning')")
    assert "Samsyn om målgruppen" not in page.evaluate(SVG_TEXT)


def test_a_broken_edit_shows_the_banner_and_keeps_the_diagram(walk: tuple[Page, Path]) -> None:
    page, path = walk
    edit(
        path,
        "    stage: short\n    label: Samsyn om ordning",
        "    stage: shortish\n    label: Samsyn om ordning",
    )
    page.wait("!document.getElementById('banner').hidden")
    banner = page.evaluate("document.getElementById('banner').textContent")
    assert f"{path}:225:12" in banner and "shortish" in banner
    assert "Filen går inte att läsa som den ser ut nu." in banner
    assert "Samsyn om ordning" in page.evaluate(SVG_TEXT)  # the wall is not blanked

    edit(path, "    stage: shortish\n", "    stage: short\n")
    page.wait("document.getElementById('banner').hidden")
    assert "Samsyn om ordning" in page.evaluate(SVG_TEXT)


def test_clicking_a_mechanism_badge_shows_its_statement(walk: tuple[Page, Path]) -> None:
    page, path = walk
    x, y = page.evaluate(
        """(() => {
          const badge = [...document.querySelectorAll('#stage svg g.node text')]
            .find(t => t.textContent.trim() === 'M3');
          badge.scrollIntoView();
          const box = badge.getBoundingClientRect();
          return [box.x + box.width / 2, box.y + box.height / 2];
        })()"""
    )
    page.click(x, y)
    page.wait("!document.getElementById('panel').hidden")
    statement = toc.load(path).mechanisms[2].statement
    assert statement is not None
    assert page.evaluate("document.querySelector('#panel .statement').textContent") == (
        statement.strip()
    )
    heading = page.evaluate("document.querySelector('#panel h2').textContent")
    assert heading.startswith("M3") and "Kedjor av insatser" in heading
    page.key("Escape")
    page.wait("document.getElementById('panel').hidden")


def test_keys_change_the_view(walk: tuple[Page, Path]) -> None:
    page, _ = walk
    page.key("p")  # projector: every text at least 14 points
    page.wait(
        "[...document.querySelectorAll('#stage svg text')]"
        ".every(t => Number(t.getAttribute('font-size')) >= 14)"
    )
    page.key("l")  # legend off
    page.wait(f"!{SVG_TEXT}.includes('Mekanismer')")
    page.key("ArrowLeft")  # reveal: all but the last stage
    page.wait("document.getElementById('reveal-state').textContent.startsWith('4/5')")
    page.key("ArrowRight")
    page.wait("document.getElementById('reveal-state').textContent === 'alla steg'")
    for key in ("p", "l"):
        page.key(key)
    page.wait(f"{SVG_TEXT}.includes('Mekanismer')")


def test_the_png_download_is_1920_pixels_wide(walk: tuple[Page, Path]) -> None:
    page, _ = walk
    width, height = page.evaluate(
        "window.tocPng(1920).then(b => createImageBitmap(b)).then(i => [i.width, i.height])"
    )
    assert width == 1920 and 1000 < height < 1700


def test_the_console_stayed_clean(walk: tuple[Page, Path]) -> None:
    page, _ = walk
    assert page.errors == []
