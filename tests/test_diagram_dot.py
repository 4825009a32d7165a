"""DOT emission: golden files for every example, determinism, hostile text.

Regenerate the golden files after an intended change with::

    TOC_UPDATE_GOLDEN=1 pytest tests/test_diagram_dot.py
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import documents

import toc
from toc.diagram import to_dot, to_mermaid

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"
EXAMPLES = sorted((ROOT / "examples").glob("*/*.yaml"))
TEMPLATES = sorted((ROOT / "toc" / "templates").glob("starter-*.yaml"))

CASES: list[tuple[str, Path, dict[str, Any]]] = [
    *[(path.stem, path, {}) for path in EXAMPLES],
    *[(f"template-{path.stem}", path, {}) for path in TEMPLATES],
    ("nils-2018-verdict", ROOT / "examples/nils-2018/nils-2018.yaml", {"color_by": "verdict"}),
    (
        "nils-2018-ic-tb",
        ROOT / "examples/nils-2018/nils-2018.yaml",
        {"intervention": "ic", "orientation": "TB"},
    ),
    (
        "nils-2018-focus-print",
        ROOT / "examples/nils-2018/nils-2018.yaml",
        {"focus": "short-implementation", "theme": "print", "color_by": "none"},
    ),
    (
        "nils-2018-projector",
        ROOT / "examples/nils-2018/nils-2018.yaml",
        {"preset": "projector", "reveal": 3, "indicators": True},
    ),
    (
        "nils-2018-mechanism-depth",
        ROOT / "examples/nils-2018/nils-2018.yaml",
        {"focus": "m-chains", "depth": 1, "badges": False},
    ),
    ("amal-2013-verdict", ROOT / "examples/amal-2013/amal-2013.yaml", {"color_by": "verdict"}),
    (
        "landskrona-svalov-2023-verdict",
        ROOT / "examples/landskrona-svalov-2023/landskrona-svalov-2023.yaml",
        {"color_by": "verdict"},
    ),
]


def test_every_example_has_a_golden_case() -> None:
    assert {p.stem for p in EXAMPLES} >= {
        "nils-2018",
        "fa-n-malmo",
        "starter-en",
        "amal-2013",
        "landskrona-svalov-2023",
        "nils-2018-plan",
    }


@pytest.mark.parametrize(("name", "path", "options"), CASES, ids=[c[0] for c in CASES])
def test_golden_dot(name: str, path: Path, options: dict[str, Any]) -> None:
    source = to_dot(toc.load(path), **options)
    golden = GOLDEN / f"{name}.dot"
    if os.environ.get("TOC_UPDATE_GOLDEN"):
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(source, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden}; run with TOC_UPDATE_GOLDEN=1"
    assert source == golden.read_text(encoding="utf-8")


def test_emission_is_byte_identical_across_calls_and_copies() -> None:
    path = ROOT / "examples/nils-2018/nils-2018.yaml"
    first = to_dot(toc.load(path), color_by="verdict")
    again = to_dot(toc.load(path), color_by="verdict")
    copy = toc.loads(toc.dumps(toc.load(path), "json"), "json")
    assert first == again == to_dot(copy, color_by="verdict")


@settings(max_examples=25)
@given(
    data=documents(),
    options=st.fixed_dictionaries(
        {},
        optional={
            "color_by": st.sampled_from(["stage", "verdict", "none"]),
            "orientation": st.sampled_from(["LR", "TB"]),
            "theme": st.sampled_from(["default", "print"]),
            "legend": st.booleans(),
            "wrap": st.integers(8, 40),
        },
    ),
)
def test_random_documents_emit_well_formed_deterministic_dot(
    data: dict[str, Any], options: dict[str, Any]
) -> None:
    doc = toc.validate(data)
    source = to_dot(doc, **options)
    assert source == to_dot(toc.validate(data), **options)
    _assert_balanced(source)
    for node in doc.nodes:
        assert f'"{node.id}" [label=<' in source
    assert to_mermaid(doc, **options) == to_mermaid(toc.validate(data), **options)


def _assert_balanced(source: str) -> None:
    """User text cannot open or close DOT strings or HTML labels: quotes and brackets balance."""
    for line in source.split("\n"):
        assert "\u2028" not in line and "\x85" not in line, repr(line)
        if line.startswith("//"):
            continue
        # strip escaped quotes and count the rest
        bare = line.replace("\\\\", "").replace('\\"', "")
        assert bare.count('"') % 2 == 0, line
        if "label=<" in line:
            inside = re.sub(r'"[^"]*"', '""', bare[bare.index("label=<") :])
            assert inside.count("<") == inside.count(">"), line


HOSTILE = [
    "say \"hi\" and 'bye'",
    "back\\slash \\N \\G \\L \\E \\T \\H \\n \\l",
    "<b>bold</b> <<TABLE>> & &amp; &#65; &lt;",
    "{{ name }} {0} {0!r:>{1}} %s %(x)s %%",
    "line one\nline two\r\nline three",
    "tab\there",
    "emoji 🚀🇸🇪 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "Förändringsteori för samverkan – Åmål, Skåne",
    "ö" * 300,
    "]]> <!-- --> <?xml?>",
    "nul \x00 bell \x07 del \x7f",
    "} digraph x { a -> b",
    "// not a comment /* nor this */",
]
CONTROL = HOSTILE[10]
"""Control characters: a document refuses them (docs/format.md), so they reach a diagram only
through options such as ``common_label``, which must escape them all the same."""


def hostile_document() -> toc.Document:
    nodes = [
        {
            "id": f"n{i}",
            "stage": ["resources", "activities", "short", "medium", "long"][i % 5],
            "label": text if text != CONTROL else "control characters: through options only",
        }
        for i, text in enumerate(HOSTILE)
    ]
    nodes[1]["interventions"] = ["i1"]
    links = [{"from": "n0", "to": "n1", "label": HOSTILE[3]}, {"from": "n1", "to": "n2"}]
    return toc.validate(
        {
            "format": 1,
            "id": "hostile",
            "title": HOSTILE[2],
            "interventions": [{"id": "i1", "name": HOSTILE[0]}],
            "nodes": nodes,
            "links": links,
            "mechanisms": [{"id": "m1", "title": HOSTILE[1], "links": ["n0->n1"]}],
        }
    )


def test_hostile_text_is_escaped_in_dot() -> None:
    source = to_dot(hostile_document(), subtitle=CONTROL, common_label=HOSTILE[11], wrap=80)
    _assert_balanced(source)
    assert "\"n0\" [label=<say &quot;hi&quot; and 'bye'>" in source
    assert "back\\\\slash \\\\N \\\\G \\\\L \\\\E \\\\T \\\\H \\\\n \\\\l" in source
    assert (
        "&lt;b&gt;bold&lt;/b&gt; &lt;&lt;TABLE&gt;&gt; &amp; &amp;amp; &amp;#65; &amp;lt;" in source
    )
    assert "{{ name }} {0} {0!r:&gt;{1}} %s %(x)s %%" in source
    assert "line one<BR/>line two<BR/>line three" in source
    assert "nul \ufffd bell \ufffd del \x7f" in source
    assert "\x00" not in source and "\x07" not in source
    assert "} digraph x { a -&gt; b" in source


def test_hostile_text_is_escaped_in_mermaid() -> None:
    source = to_mermaid(hostile_document(), wrap=80)
    assert "n1[\"say #quot;hi#quot; and 'bye'\"]" in source
    assert (
        "#lt;b#gt;bold#lt;/b#gt; #lt;#lt;TABLE#gt;#gt; #amp; #amp;amp; #amp;#35;65; #amp;lt;"
        in source
    )
    assert "line one<br/>line two<br/>line three" in source
    for line in source.split("\n"):
        label = re.search(r'\["(.*)"\]$', line)
        if label:
            assert '"' not in label.group(1), line
