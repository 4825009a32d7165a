"""Screenshots of the live page (toc serve) for docs/facilitator.md, taken in chromium.

    python scripts/make_facilitator_images.py

Serves a copy of the reference example, opens it in headless chromium at
1600x900 (1920x1080 for the projector shots), walks through a workshop —
the whole theory, a save that breaks the file, the side panel of a
mechanism, projector preset with one strand, focus on a mechanism, reveal —
and writes one PNG per step into docs/img/serve-*.png.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser import Browser, Page  # noqa: E402

from toc.serve import Live, Server  # noqa: E402

IMG = ROOT / "docs" / "img"
NILS = ROOT / "examples/nils-2018/nils-2018.yaml"


def ready(page: Page, check: str = "true") -> None:
    page.wait(f"document.querySelector('#stage svg') !== null && ({check})")
    page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def shot(page: Page, name: str) -> None:
    path = IMG / f"serve-{name}.png"
    page.screenshot(path)
    print(f"wrote {path.relative_to(ROOT)}")


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "workshop.yaml"
        text = NILS.read_text(encoding="utf-8")
        path.write_text(text, encoding="utf-8")
        with Server(Live(path), step_ms=10) as server, Browser() as browser:
            page = browser.page(1600, 900)
            page.goto(server.url)
            ready(page)
            shot(page, "page")

            broken = text.replace(
                "    stage: short\n    label: Samsyn", "    stage: shortish\n    label: Samsyn", 1
            )
            path.write_text(broken, encoding="utf-8")
            page.wait("!document.getElementById('banner').hidden")
            ready(page)
            shot(page, "broken")
            path.write_text(text, encoding="utf-8")
            page.wait("document.getElementById('banner').hidden")

            x, y = page.evaluate(
                """(() => {
                  const t = [...document.querySelectorAll('#stage svg g.node text')]
                    .find(t => t.textContent.trim() === 'M3');
                  const b = t.getBoundingClientRect();
                  return [b.x + b.width / 2, b.y + b.height / 2];
                })()"""
            )
            page.click(x, y)
            page.wait("!document.getElementById('panel').hidden")
            ready(page)
            shot(page, "panel")
            page.key("Escape")

            wall = browser.page(1920, 1080)
            wall.goto(server.url)
            ready(wall)
            for key in ("p", "l"):
                wall.key(key)
            wall.evaluate("document.getElementById('strand').value = 'spira'")
            wall.evaluate("document.getElementById('strand').dispatchEvent(new Event('change'))")
            ready(
                wall,
                "document.querySelector('#stage svg text[font-size=\"14.00\"]') !== null"
                " && ![...document.querySelectorAll('#stage svg text')]"
                ".some(t => t.textContent.includes('Mekanismer'))"
                " && [...document.querySelectorAll('#stage svg text')]"
                ".some(t => t.textContent.includes('Insats: Spira'))",
            )
            shot(wall, "projector")

            wall.evaluate("document.getElementById('strand').value = ''")
            wall.evaluate("document.getElementById('strand').dispatchEvent(new Event('change'))")
            wall.evaluate(
                "(() => { const t = [...document.querySelectorAll('#stage svg g.node text')]"
                ".find(t => t.textContent.trim() === 'M3'); "
                "t.dispatchEvent(new MouseEvent('click', {bubbles: true})); })()"
            )
            wall.wait("document.getElementById('focus-here') !== null")
            wall.evaluate("document.getElementById('focus-here').click()")
            wall.key("Escape")
            ready(
                wall,
                "[...document.querySelectorAll('#stage svg text')]"
                ".some(t => t.textContent.includes('Vägar genom M3'))",
            )
            shot(wall, "focus")

            wall.key("Escape")
            ready(wall, "!document.getElementById('focus-group').hidden === false")
            for _ in range(3):
                wall.key("ArrowLeft")
            ready(wall, "document.getElementById('reveal-state').textContent.startsWith('2/5')")
            wall.browser.pump(0.5)
            ready(wall)
            shot(wall, "reveal")
            errors = page.errors + wall.errors
            if errors:
                raise SystemExit(f"console errors: {errors}")


if __name__ == "__main__":
    main()
