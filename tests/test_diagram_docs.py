"""docs/img holds the current pictures: regenerate with `python scripts/make_docs_images.py`."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
IMG = ROOT / "docs" / "img"
FIX = "out of date: run `python scripts/make_docs_images.py` and commit docs/img"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_docs_images", ROOT / "scripts/make_docs_images.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SCRIPT = _script()
PICTURES = [
    (name, format) for name, (_, _, formats) in SCRIPT.PICTURES.items() for format in formats
]


@pytest.mark.parametrize(("name", "format"), PICTURES, ids=[f"{n}.{f}" for n, f in PICTURES])
def test_picture_exists(name: str, format: str) -> None:
    path = IMG / f"{name}.{format}"
    assert path.exists(), f"{path.name} missing: {FIX}"


@pytest.mark.parametrize(
    "name", [n for n, f in PICTURES if f == "svg"], ids=[n for n, f in PICTURES if f == "svg"]
)
def test_svg_is_current(name: str) -> None:
    manifest = json.loads((IMG / "diagrams.json").read_text(encoding="utf-8"))
    here = SCRIPT.fingerprint()
    if {key: manifest.get(key) for key in here} != here:
        pytest.skip(
            f"docs/img was drawn with Graphviz {manifest['graphviz']} and fonts "
            f"{manifest.get('fonts')}; here they are {here['graphviz']} and {here['fonts']}, "
            "which draw other bytes"
        )
    assert (IMG / f"{name}.svg").read_bytes() == SCRIPT.render_picture(name, "svg"), FIX


def test_every_picture_is_shown_in_the_docs() -> None:
    text = (ROOT / "docs" / "diagrams.md").read_text(encoding="utf-8")
    text += (ROOT / "docs" / "facilitator.md").read_text(encoding="utf-8")
    shown = set(re.findall(r"img/([\w.-]+\.(?:svg|png))", text))
    missing = {f"{n}.{f}" for n, f in PICTURES if f == "svg"} - shown
    assert not missing, f"docs/diagrams.md does not show {sorted(missing)}"


def test_the_layout_section_says_what_the_dot_chains() -> None:
    # docs/diagrams.md, "How the layout is held together", against the DOT itself.
    from toc import Document
    from toc.diagram import to_dot

    page = (ROOT / "docs" / "diagrams.md").read_text(encoding="utf-8")
    section = " ".join(
        page.split("## How the layout is held together")[1].split("\n## ")[0].split()
    )
    assert (
        "(heading → rule → the strand's boxes in the document's order → next rule), which fixes "
        "the order of the strands and of the boxes inside each strand" in section
    )
    assert "free to order boxes" not in section
    assert "the common strand is always drawn, first, even empty" in " ".join(page.split())
    doc = Document.model_validate(
        {
            "format": 1,
            "id": "d",
            "title": "D",
            "interventions": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
            "nodes": [
                {"id": "zeta", "stage": "activities", "label": "Z", "interventions": ["a"]},
                {"id": "alpha", "stage": "activities", "label": "A", "interventions": ["a"]},
                {"id": "mid", "stage": "activities", "label": "M", "interventions": ["b"]},
                {"id": "beta", "stage": "activities", "label": "B", "interventions": ["a"]},
            ],
        }
    )
    column = to_dot(doc).split("// column 2: activities\n")[1].split("// column 3")[0]
    chained = dict(re.findall(r"^(\S+) -> (\S+) \[style=invis\];$", column, re.MULTILINE))
    chain = ['"h:activities"']
    while chain[-1] in chained:
        chain.append(chained[chain[-1]])
    # The common strand (s:0, drawn though empty), then strand A with its boxes as the file
    # lists them, then B.
    assert chain == [
        '"h:activities"',
        '"s:0:activities"',
        '"s:1:activities"',
        '"zeta"',
        '"alpha"',
        '"beta"',
        '"s:2:activities"',
        '"mid"',
    ]
