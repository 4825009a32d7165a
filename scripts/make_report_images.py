"""Regenerate the report pictures in docs/img/report-*.png from the board report's PDF.

Writes the board report of the reference example (with the title page,
summary and conclusions of its `report:` block) as a PDF, exactly as
`toc report examples/nils-2018/nils-2018.yaml -o rapport.pdf` prints it, then has poppler's
pdftoppm draw the parts docs/report.md shows: the title page, the diagram's
landscape page, the first mechanism section, the verdict matrix and Bilaga 1.
Parts smaller than a page are cut out around their heading, found with
pdftotext.

Usage: python scripts/make_report_images.py   (needs chromium and poppler-utils)
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import toc
from toc.report import write_report

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "nils-2018" / "nils-2018.yaml"
IMAGES = ROOT / "docs" / "img"
DPI = 80


def page_of(pdf: Path, text: str) -> int:
    """The first page whose text holds ``text``."""
    pages = int(re.search(r"Pages:\s+(\d+)", _run("pdfinfo", str(pdf))).group(1))  # type: ignore[union-attr]
    for page in range(1, pages + 1):
        if text in " ".join(
            _run("pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-").split()
        ):
            return page
    raise SystemExit(f"{text!r} is on no page of {pdf}")


def top_of(pdf: Path, page: int, word: str) -> float:
    """Where a word first starts on a page, in points from the top."""
    boxes = _run("pdftotext", "-f", str(page), "-l", str(page), "-bbox", str(pdf), "-")
    found = re.search(rf'yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">{re.escape(word)}<', boxes)
    if found is None:
        raise SystemExit(f"{word!r} is not on page {page}")
    return float(found.group(1))


def draw(pdf: Path, page: int, name: str, top: float = 0, height: float | None = None) -> None:
    """Page ``page`` (portrait A4) as docs/img/``name``.png, from ``top`` points down
    ``height`` points; the whole page without them."""
    scale = DPI / 72
    crop = []
    if top or height:
        width = 595
        crop = ["-x", "0", "-y", str(round(top * scale)), "-W", str(round(width * scale))]
        crop += ["-H", str(round((height or 842) * scale))]
    out = IMAGES / name
    _run("pdftoppm", "-f", str(page), "-l", str(page), "-r", str(DPI), "-png", "-singlefile",
         *crop, str(pdf), str(out))  # fmt: skip
    print("wrote", out.with_suffix(".png").relative_to(ROOT))


def _run(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def main() -> int:
    if not (shutil.which("chromium") or shutil.which("chromium-browser")):
        print("chromium is not installed (apt-get install chromium)", file=sys.stderr)
        return 1
    if not shutil.which("pdftoppm"):
        print("poppler-utils is not installed (apt-get install poppler-utils)", file=sys.stderr)
        return 1
    doc = toc.load(EXAMPLE)
    with tempfile.TemporaryDirectory(prefix="toc-report-images-") as folder:
        pdf = Path(folder) / "rapport.pdf"
        write_report(doc, pdf)
        draw(pdf, 1, "report-title", 0, 420)
        theory = page_of(pdf, "Figur 1: Förändringsteorin")
        draw(pdf, theory, "report-theory")
        first = page_of(pdf, "3.1 Arbetssätt för samverkan runt individen")
        start = top_of(pdf, first, "3.1")
        draw(pdf, first, "report-mechanism", start - 12, 520)
        matrix = page_of(pdf, "3.6 Bedömningar per mekanism och insats")
        start = top_of(pdf, matrix, "3.6")
        draw(pdf, matrix, "report-matrix", start - 12, 230)
        survey = page_of(pdf, "Andelarna är räknade på dem som svarat")
        start = top_of(pdf, survey, "Bilaga")
        draw(pdf, survey, "report-bilaga1", start - 12, 430)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
