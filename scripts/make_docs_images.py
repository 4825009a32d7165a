"""Regenerate the diagram pictures in docs/img/ (run from anywhere).

    python scripts/make_docs_images.py          # write them
    python scripts/make_docs_images.py --check  # exit 1 if any is out of date

Every example gets an SVG and a PNG; every option of `toc render` gets an SVG
of the reference example (docs/diagrams.md shows them). The SVGs are
byte-stable, so ``--check`` (and tests/test_render_docs.py) compares them
with fresh renderings; ``docs/img/diagrams.json`` records the Graphviz
version and a fingerprint of the fonts they were drawn with, since another
Graphviz or other fonts draw other bytes.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
IMG = ROOT / "docs" / "img"
EXAMPLES = ROOT / "examples"
MANIFEST = IMG / "diagrams.json"

REFERENCE = "nils-2018/nils-2018.yaml"

# name -> (example, options, formats)
PICTURES: dict[str, tuple[str, dict[str, Any], tuple[str, ...]]] = {
    "nils-2018": (REFERENCE, {}, ("svg", "png")),
    "fa-n-malmo": ("fa-n-malmo/fa-n-malmo.yaml", {}, ("svg", "png")),
    "starter-en": ("starter-en/starter-en.yaml", {}, ("svg", "png")),
    "nils-2018-verdict": (REFERENCE, {"color_by": "verdict"}, ("svg",)),
    "nils-2018-none": (REFERENCE, {"color_by": "none"}, ("svg",)),
    "nils-2018-print": (REFERENCE, {"theme": "print", "color_by": "verdict"}, ("svg", "png")),
    "nils-2018-tb": (REFERENCE, {"orientation": "TB"}, ("svg",)),
    "nils-2018-ic": (REFERENCE, {"intervention": "ic", "color_by": "verdict"}, ("svg",)),
    "nils-2018-focus": (REFERENCE, {"focus": "short-implementation"}, ("svg",)),
    "nils-2018-bare": (REFERENCE, {"legend": False, "title": ""}, ("svg",)),
    "nils-2018-titled": (
        REFERENCE,
        {
            "title": "Förändringsteori för Integrationscoach och Spira",
            "subtitle": "Workshop med nyckelaktörer, november 2017",
            "common_label": "Samverkan",
        },
        ("svg",),
    ),
    "nils-2018-wrap": (REFERENCE, {"wrap": 16}, ("svg",)),
    "nils-2018-suggested": (
        REFERENCE,
        {
            "color_by": "verdict",
            "verdicts": {
                "m-individual": "held",
                "m-shared": "held",
                "m-chains": {"ic": "held", "spira": "partly_held"},
                "m-broad": "inconclusive",
                "m-implementation": "not_held",
            },
            "verdicts_suggested": True,
        },
        ("svg",),
    ),
}


def render_picture(name: str, format: str) -> bytes:
    """The bytes of one picture, as the docs hold it."""
    from toc import load
    from toc.diagram import render_bytes

    example, options, _ = PICTURES[name]
    return render_bytes(load(EXAMPLES / example), format, **options)


def fingerprint() -> dict[str, str]:
    """What SVG bytes depend on besides the document: Graphviz, and the fonts it measures."""
    import hashlib

    from toc.diagram.engine import draw, graphviz_version

    probe = 'digraph { node [fontname="DejaVu Sans"]; a [label=<Förändringsteori <B>M1 ✓</B>>]; }'
    return {
        "graphviz": graphviz_version(),
        "fonts": hashlib.sha256(draw(probe, "svg")).hexdigest()[:16],
    }


def update(
    pictures: Iterable[tuple[str, tuple[str, ...]]],
    render: Callable[[str, str], bytes],
    *,
    check: bool,
) -> list[Path]:
    """Write each picture into docs/img whose bytes changed; with ``check``, only list them.

    Returns the stale pictures (``check``): PNG bytes depend on the machine's
    fonts, so a PNG is stale only when it is missing; an SVG also when its
    bytes differ. make_diff_images.py writes its pictures with this too.
    """
    stale = []
    IMG.mkdir(parents=True, exist_ok=True)
    for name, formats in pictures:
        for format in formats:
            path = IMG / f"{name}.{format}"
            data = render(name, format)
            if check:
                if not path.exists() or (format == "svg" and path.read_bytes() != data):
                    stale.append(path)
                continue
            if not path.exists() or path.read_bytes() != data:
                path.write_bytes(data)
                print(f"wrote {path.relative_to(ROOT)}")
    return stale


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="only report stale pictures")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    import toc.diagram  # noqa: F401  (after the path is set)

    stale = update(
        ((name, formats) for name, (_, _, formats) in PICTURES.items()),
        render_picture,
        check=args.check,
    )
    manifest = {**fingerprint(), "pictures": sorted(PICTURES)}
    if args.check:
        for path in stale:
            print(f"out of date: {path.relative_to(ROOT)}")
        return 1 if stale else 0
    MANIFEST.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
