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
