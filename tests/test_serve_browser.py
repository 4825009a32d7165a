"""toc serve in a real browser: Debian's chromium, headless, driven over its debugging pipe.

One browser and one server for the whole walk, as a facilitator would go:
the page loads; the file is edited and the new label appears in the page's
SVG; a broken edit shows the banner and keeps the old diagram; fixing it
removes the banner; a click on a mechanism badge shows its statement; the
projector key redraws with larger text; each key of the page's key list (B, I,
C, S, [ ], + − 0, ?, Esc, F) changes what its help line says, pressed as real
key events; the side panel's focus button narrows the diagram; the SVG and
PNG buttons download files (the PNG 1920 pixels wide); and the console stays
free of errors and warnings throughout. Skipped where chromium is not
installed (`.ci/run` installs it).
"""

from __future__ import annotations

import struct
import time
import xml.etree.ElementTree as ET
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


NODES = "document.querySelectorAll('#stage svg g.node').length"
BADGES = f"{SVG_TEXT}.split('|').filter(t => /^M\\d+$/.test(t.trim())).length"
"""How many mechanism badges (``M1`` …) the page's SVG holds."""

# The key, its code and its Windows key code, as a keyboard sends them.
_KEYS = {
    "Escape": ("Escape", 27),
    "[": ("BracketLeft", 219),
    "]": ("BracketRight", 221),
    "+": ("Equal", 187),
    "-": ("Minus", 189),
    "0": ("Digit0", 48),
    "?": ("Slash", 191),
}


def press(page: Page, key: str) -> None:
    """A real key press (down and up), as the keyboard gives it: what a user's key does,
    with the user activation that full screen needs."""
    code, number = _KEYS.get(key) or (f"Key{key.upper()}", ord(key.upper()))
    shifted = key in ("+", "?")
    for kind in ("keyDown", "keyUp"):
        params: dict[str, object] = {
            "type": kind,
            "key": key,
            "code": code,
            "windowsVirtualKeyCode": number,
            "modifiers": 8 if shifted else 0,
        }
        if kind == "keyDown" and len(key) == 1:
            params["text"] = key
        page.send("Input.dispatchKeyEvent", params)


def click(page: Page, selector: str) -> None:
    """A real mouse click in the middle of the element ``selector``."""
    x, y = page.evaluate(
        f"""(() => {{
          const box = document.querySelector({selector!r}).getBoundingClientRect();
          return [box.x + box.width / 2, box.y + box.height / 2];
        }})()"""
    )
    page.click(x, y)


def downloaded(folder: Path, name: str) -> bytes:
    """The file the browser saved as ``name`` in ``folder``, once it is complete."""
    deadline = time.monotonic() + 15
    while not (folder / name).exists():
        assert time.monotonic() < deadline, f"no {name} in {sorted(folder.iterdir())}"
        time.sleep(0.05)
    return (folder / name).read_bytes()


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


def test_b_hides_and_shows_the_badges(walk: tuple[Page, Path]) -> None:
    page, _ = walk
    badges = page.evaluate(BADGES)  # on the arrows, and in the legend
    assert badges >= 5 and "Mekanismer" in page.evaluate(SVG_TEXT)
    press(page, "b")
    page.wait(f"{BADGES} === 0")
    assert "Mekanismer" not in page.evaluate(SVG_TEXT)  # nor the legend's mechanisms
    toggle = "document.querySelector('[data-toggle=badges]').getAttribute('aria-pressed')"
    assert page.evaluate(toggle) == "false"
    press(page, "b")
    page.wait(f"{BADGES} === {badges}")
    assert page.evaluate(toggle) == "true"


def test_i_shows_and_hides_the_indicators(walk: tuple[Page, Path]) -> None:
    page, _ = walk
    shown = f"{SVG_TEXT}.split('|').filter(t => t.startsWith('◇ ')).length"
    assert page.evaluate(shown) == 0
    press(page, "i")
    page.wait(f"{shown} > 0")
    assert (
        page.evaluate(
            "document.querySelector('[data-toggle=indicators]').getAttribute('aria-pressed')"
        )
        == "true"
    )
    press(page, "i")
    page.wait(f"{shown} === 0")


def test_c_colours_the_boxes_by_verdict_and_back(walk: tuple[Page, Path]) -> None:
    page, _ = walk
    assert "Färger: steg" in page.evaluate(SVG_TEXT)
    assert page.evaluate("document.getElementById('colour-name').textContent") == "■"
    press(page, "c")
    page.wait(f"{SVG_TEXT}.includes('Aktuell bedömning')")
    assert "Färger: steg" not in page.evaluate(SVG_TEXT)
    assert page.evaluate("document.getElementById('colour-name').textContent") == "✓"
    press(page, "c")
    page.wait(f"{SVG_TEXT}.includes('Färger: steg')")
    assert page.evaluate("document.getElementById('colour-name').textContent") == "■"


def test_s_walks_through_the_strands(walk: tuple[Page, Path]) -> None:
    page, _ = walk
    strand = "document.getElementById('strand').value"
    assert page.evaluate(strand) == ""
    press(page, "s")
    page.wait(f"{SVG_TEXT}.includes('Insats: Integrationscoach')")
    assert page.evaluate(strand) == "ic"
    assert "Samverkansgrupp" not in page.evaluate(SVG_TEXT)  # a box of Spira's strand
    press(page, "s")
    page.wait(f"{SVG_TEXT}.includes('Insats: Spira')")
    assert page.evaluate(strand) == "spira"
    assert "Samverkansgrupp" in page.evaluate(SVG_TEXT)
    press(page, "s")  # back to all strands
    page.wait(f"!{SVG_TEXT}.includes('Insats: ')")
    assert page.evaluate(strand) == ""


def test_the_panels_focus_button_then_brackets_widen_and_narrow(walk: tuple[Page, Path]) -> None:
    page, _ = walk
    everything = page.evaluate(NODES)
    # The box is found by its <title>, which is the node's id.
    page.evaluate(
        """[...document.querySelectorAll('#stage svg g.node')]
          .find(g => g.querySelector('title').textContent === 'short-implementation')
          .setAttribute('id', 'picked-box')"""
    )
    page.evaluate("document.getElementById('picked-box').scrollIntoView()")
    click(page, "#picked-box")
    page.wait("document.getElementById('panel').dataset.id === 'short-implementation'")
    label = "Samverkansmetoderna implementeras löpande hos myndigheterna"
    assert page.evaluate("document.querySelector('#panel h2').textContent") == label
    assert page.evaluate("document.getElementById('focus-here').textContent") == "Fokusera här"
    assert page.evaluate("document.getElementById('focus-group').hidden") is True
    click(page, "#focus-here")
    state = "document.getElementById('focus-state').textContent"
    page.wait(f"{state} === 'Fokus: {label} · 1'")
    page.wait(f"{NODES} < {everything}")
    one = page.evaluate(NODES)
    assert page.evaluate("document.getElementById('focus-group').hidden") is False
    press(page, "]")  # wider
    page.wait(f"{state} === 'Fokus: {label} · 2'")
    page.wait(f"{NODES} > {one}")
    two = page.evaluate(NODES)
    assert two < everything
    press(page, "[")  # narrower
    page.wait(f"{state} === 'Fokus: {label} · 1'")
    page.wait(f"{NODES} === {one}")
    press(page, "[")
    page.wait(f"{state} === 'Fokus: {label} · 0'")
    page.wait(f"{NODES} < {one}")
    press(page, "Escape")  # the panel first
    page.wait("document.getElementById('panel').hidden")
    assert page.evaluate("document.getElementById('focus-group').hidden") is False
    press(page, "Escape")  # then the focus
    page.wait("document.getElementById('focus-group').hidden")
    page.wait(f"{NODES} === {everything}")


def test_zoom_keys_and_the_key_list(walk: tuple[Page, Path]) -> None:
    page, _ = walk
    fit = "document.getElementById('zoom-fit').getAttribute('aria-pressed')"
    width = "document.querySelector('#stage svg').getBoundingClientRect().width"
    assert page.evaluate(fit) == "true"
    fitted = page.evaluate(width)
    press(page, "+")
    page.wait(f"{fit} === 'false'")
    assert page.evaluate(width) == pytest.approx(fitted * 1.25, rel=0.02)
    press(page, "-")
    page.wait(f"Math.abs({width} - {fitted}) < {fitted} * 0.02")
    press(page, "-")
    assert page.evaluate(width) == pytest.approx(fitted / 1.25, rel=0.02)
    press(page, "0")
    page.wait(f"{fit} === 'true'")
    assert page.evaluate(width) == pytest.approx(fitted, rel=0.02)
    press(page, "?")
    page.wait("!document.getElementById('help').hidden")
    assert page.evaluate("document.querySelector('#help h2').textContent") == "Tangenter"
    press(page, "Escape")
    page.wait("document.getElementById('help').hidden")


def test_the_download_buttons_save_the_svg_and_a_1920_pixel_png(
    walk: tuple[Page, Path], tmp_path: Path
) -> None:
    page, _ = walk
    page.browser.send(
        "Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(tmp_path)}
    )
    click(page, "#download-svg")
    svg = downloaded(tmp_path, "nils-2018.svg")
    root = ET.fromstring(svg)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    texts = [t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "|".join(texts) == page.evaluate(SVG_TEXT)  # the diagram on the page
    click(page, "#download-png")
    png = downloaded(tmp_path, "nils-2018.png")
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and png[12:16] == b"IHDR"
    width, height = struct.unpack(">II", png[16:24])
    assert width == 1920 and 1000 < height < 1700


def test_f_turns_full_screen_on_and_off(walk: tuple[Page, Path]) -> None:
    page, _ = walk
    press(page, "f")
    page.wait("document.fullscreenElement === document.documentElement")
    page.wait("document.body.classList.contains('presenting')")
    press(page, "f")
    page.wait("document.fullscreenElement === null")
    page.wait("!document.body.classList.contains('presenting')")


def test_the_console_stayed_clean(walk: tuple[Page, Path]) -> None:
    page, _ = walk
    assert page.errors == []
