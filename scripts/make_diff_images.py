"""Regenerate the pictures of docs/diff.md in docs/img/ (run from anywhere).

    python scripts/make_diff_images.py          # write them
    python scripts/make_diff_images.py --check  # exit 1 if an SVG is out of date

The diff diagram of the worked example: the NILS theory of change as planned
(examples/nils-2018-plan) against the one evaluated (examples/nils-2018), in
colour (SVG and PNG) and in black and white (PNG). The SVGs are byte-stable for
the Graphviz and fonts recorded in docs/img/diagrams.json (see
scripts/make_docs_images.py); tests/test_changes_diagram.py compares them with
fresh drawings when those are the same.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
IMG = ROOT / "docs" / "img"
PLAN = ROOT / "examples" / "nils-2018-plan" / "nils-2018-plan.yaml"
NILS = ROOT / "examples" / "nils-2018" / "nils-2018.yaml"

# name -> (options, formats)
PICTURES: dict[str, tuple[dict[str, Any], tuple[str, ...]]] = {
    "nils-2018-diff": ({}, ("svg", "png")),
    "nils-2018-diff-print": ({"theme": "print"}, ("png",)),
}


def render_picture(name: str, format: str) -> bytes:
    """The bytes of one picture, as the docs hold it."""
    from toc import load
    from toc.changes import draw_diff

    options, _ = PICTURES[name]
    return draw_diff(load(PLAN), load(NILS), format, **options)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="only report stale pictures")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "scripts"))
    from make_docs_images import update

    pictures = ((name, formats) for name, (_, formats) in PICTURES.items())
    stale = update(pictures, render_picture, check=args.check)
    for path in stale:
        print(f"out of date: {path.relative_to(ROOT)}")
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
