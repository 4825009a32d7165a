"""Regenerate the images of docs/synthesis.md: the example corpus's verdict matrix and the
truth table of the hand-over mechanism, as headless Chromium shows the HTML output.

Run from the repository root::

    python scripts/make_synthesis_images.py

It synthesises the four Finsam examples with examples/synthesis-map.yaml (partly held
counted as held, partly present as present, as docs/synthesis.md shows), writes one small
HTML page per image with only that part of the chapter, and screenshots each with
``/usr/bin/chromium --headless --screenshot``.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from toc.synthesis import synthesise  # noqa: E402
from toc.synthesis.chapter import Chapter, Section, Subheading, Table, chapter  # noqa: E402
from toc.synthesis.html import render_html  # noqa: E402

CORPUS = [
    ROOT / "examples" / name / f"{name}.yaml"
    for name in ("amal-2013", "fa-n-malmo", "landskrona-svalov-2023", "nils-2018")
]
OUT = ROOT / "docs" / "img"


def _only(full: Chapter, section_id: str, keys: tuple[str, ...] | None = None) -> Chapter:
    section = next(s for s in full.sections if s.id == section_id)
    blocks = section.blocks
    if keys is not None:
        blocks = [
            b
            for b in blocks
            if (isinstance(b, Table) and b.key in keys)
            or (isinstance(b, Subheading) and b.id in keys)
        ]
    only = Section(section.id, section.title, blocks)
    return Chapter(full.language, full.title, [], [only], full.legend)


def _shoot(page: Chapter, name: str, size: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        html = Path(folder) / "page.html"
        html.write_text(
            render_html(page).replace("<nav>", '<nav style="display:none">'), encoding="utf-8"
        )
        target = OUT / name
        subprocess.run(
            [
                "/usr/bin/chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                f"--window-size={size}",
                f"--screenshot={target}",
                html.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
        print(f"wrote {target.relative_to(ROOT)}")


def main() -> None:
    result = synthesise(
        CORPUS,
        map=ROOT / "examples" / "synthesis-map.yaml",
        partly="held",
        partly_present="present",
    )
    for language in ("en",):
        full = chapter(result, language)
        _shoot(_only(full, "matrix"), "synthesis-matrix.png", "1280,900")
        keys = ("truth-m-implementation", "fit-m-implementation")
        _shoot(_only(full, "truth", keys), "synthesis-truth-table.png", "1100,560")


if __name__ == "__main__":
    main()
