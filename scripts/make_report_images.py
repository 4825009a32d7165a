"""Regenerate the report screenshots in docs/img/report-*.png.

Writes the HTML report of the reference example, then has headless Chromium
photograph one part of it at a time (the other parts hidden by a style sheet
added to a temporary copy), and trims the white margin below.

Usage: python scripts/make_report_images.py   (needs Debian's chromium)
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageChops

import toc
from toc.report import write_report

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "nils-2018" / "nils-2018.yaml"
PARTS = {
    "report-theory": "theory",
    "report-mechanism": "m-1",
    "report-matrix": "matrix",
    "report-bilaga1": "appendix-1",
}
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]


def only(section: str) -> str:
    """A style sheet that shows one section (with what encloses it) and hides the rest."""
    return (
        "<style>"
        "body > header, nav { display: none !important; }"
        f"section:not(#{section}):not(:has(#{section})) {{ display: none !important; }}"
        f"#{section} section {{ display: block !important; }}"
        "</style></head>"
    )


def trim(path: Path) -> None:
    """Cut the white space below (and right of) what the page shows."""
    image = Image.open(path).convert("RGB")
    background = Image.new("RGB", image.size, (255, 255, 255))
    box = ImageChops.difference(image, background).getbbox()
    if box:
        left, top, right, bottom = box
        image.crop((0, 0, min(image.width, right + 24), min(image.height, bottom + 24))).save(
            path, optimize=True
        )


def main() -> int:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("chromium is not installed (apt-get install chromium)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="toc-shots-") as tmp:
        work = Path(tmp)
        report = work / "rapport.html"
        write_report(toc.load(EXAMPLE), report)
        html = report.read_text("utf-8")
        for name, section in PARTS.items():
            page = work / f"{name}.html"
            page.write_text(html.replace("</head>", only(section), 1), "utf-8")
            shot = ROOT / "docs" / "img" / f"{name}.png"
            subprocess.run(
                [
                    chromium,
                    *FLAGS,
                    f"--user-data-dir={work / 'profile'}",
                    "--window-size=1100,3000",
                    f"--screenshot={shot}",
                    page.as_uri(),
                ],
                check=True,
                capture_output=True,
                timeout=120,
            )
            trim(shot)
            print("wrote", shot.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
