"""The diff diagram: the new version, removed items where they were, every box and link marked.

Regenerate the golden file after an intended change with::

    TOC_UPDATE_GOLDEN=1 pytest tests/test_changes_diagram.py
"""

from __future__ import annotations

import copy
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_changes import edited

import toc
from toc.assessment import assess
from toc.changes import MARKS, diff, diff_dot, diff_scene, draw_diff, render_diff
from toc.errors import OptionError

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden" / "nils-2018-diff.dot"
PLAN = ROOT / "examples" / "nils-2018-plan" / "nils-2018-plan.yaml"
NILS = ROOT / "examples" / "nils-2018" / "nils-2018.yaml"
LOOK = MARKS["default"]


@pytest.fixture(scope="module")
def versions() -> tuple[toc.Document, toc.Document]:
    return toc.load(PLAN), toc.load(NILS)


def test_golden_dot_of_the_worked_example(versions: tuple[toc.Document, toc.Document]) -> None:
    source = diff_dot(*versions)
    if os.environ.get("TOC_UPDATE_GOLDEN"):
        GOLDEN.write_text(source, encoding="utf-8")
    assert source == GOLDEN.read_text(encoding="utf-8")
    assert source == diff_dot(*versions, changes=diff(*versions))  # the same, given the diff


def test_every_box_and_link_is_marked(versions: tuple[toc.Document, toc.Document]) -> None:
    scene = diff_scene(*versions)
    marks = {box.id: box.mark for box in scene.boxes}
    assert marks["long-collaboration"] == LOOK["removed"]  # shown where it was
    assert marks["long-kitt"] == LOOK["added"]
    assert marks["res-collab-group-spira"] == LOOK["changed"]  # renamed
    assert marks["act-case-management"] == LOOK["changed"]
    assert marks["res-financing"] == LOOK["unchanged"]
    assert set(marks) == {n.id for n in versions[1].nodes} | {"long-collaboration"}
    edges = {f"{e.source}->{e.target}": e.mark for e in scene.edges}
    assert edges["short-understanding->long-collaboration"] == LOOK["removed"]
    assert edges["mid-ic-arenas->long-implemented-way"] == LOOK["added"]
    # A link that only followed a rename is the same link.
    assert edges["res-collab-group-spira->act-chain-method"] == LOOK["unchanged"]
    assert len(edges) == len(versions[1].links) + 4


def test_the_removed_box_keeps_its_column_and_place(
    versions: tuple[toc.Document, toc.Document],
) -> None:
    scene = diff_scene(*versions)
    removed = next(b for b in scene.boxes if b.id == "long-collaboration")
    assert scene.columns[removed.column].stage == "long"
    # After the box that came before it in the old version.
    order = [b.id for b in scene.boxes]
    assert order.index("long-collaboration") == order.index("mid-ic-municipal-learning") + 1


def test_badges_show_the_new_versions_verdicts_by_the_badge_rule(
    versions: tuple[toc.Document, toc.Document],
) -> None:
    result = assess(versions[1])
    scene = diff_scene(*versions, assessment=result)
    for edge in scene.edges:
        for badge in edge.badges:
            assert badge.cells == result.badge(badge.mechanism)
    plain = diff_scene(*versions, color_by="none")
    assert all(not b.cells for e in plain.edges for b in e.badges)


def test_the_dot_marks_read_in_black_and_white(
    versions: tuple[toc.Document, toc.Document],
) -> None:
    source = diff_dot(*versions, theme="print")
    line = next(x for x in source.splitlines() if x.startswith('"long-collaboration" ['))
    assert line.startswith('"long-collaboration" [label=<<B>−</B> ')
    assert 'style="rounded,filled,dashed"' in line and 'color="#000000"' in line
    line = next(x for x in source.splitlines() if x.startswith('"long-kitt" ['))
    assert line.startswith('"long-kitt" [label=<<B>+</B> ') and "penwidth=3" in line
    line = next(x for x in source.splitlines() if x.startswith('"res-collab-group-spira" ['))
    assert "<B>~</B>" in line and 'style="rounded,filled,dotted"' in line
    colours = set(re.findall(r'(?<![a-z])color="(#[0-9A-F]{6})"', source))  # lines, outlines
    assert colours <= {"#000000", "#333333", "#555555", "#666666", "#777777", "#AAAAAA"}


def test_the_legend_explains_the_marks_in_the_documents_language(
    versions: tuple[toc.Document, toc.Document],
) -> None:
    legend = diff_scene(*versions).legend
    assert legend is not None
    assert legend.colour_title == "Förändringar"
    assert [(symbol, meaning) for _, symbol, meaning in legend.colours] == [
        ("+", "tillagd (fet ram)"),
        ("−", "borttagen, visad där den var (streckad)"),
        ("~", "ändrad eller med nytt id (prickad)"),
        ("", "oförändrad (grå)"),
    ]
    titles = [title for _, title in legend.mechanisms]
    assert titles[0] == "~ Arbetssätt för samverkan runt individen (2.1)"
    english = diff_scene(versions[0], versions[1].model_copy(update={"language": "en"})).legend
    assert english is not None and english.colour_title == "Changes"


def test_the_drawing_is_deterministic_and_well_formed(
    versions: tuple[toc.Document, toc.Document], tmp_path: Path
) -> None:
    svg = draw_diff(*versions, "svg")
    assert svg == draw_diff(*versions, "svg")
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg")
    assert draw_diff(*versions, "png", dpi=40).startswith(b"\x89PNG")
    written = render_diff(*versions, tmp_path / "changes.pdf")
    assert written.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"color_by": "stage"}, "color_by must be verdict or none in a diff diagram"),
        ({"paint": None, "verdicts": {"m": "held"}}, "a diff diagram takes neither paint nor"),
        ({"colour": "x"}, "unknown option 'colour'"),
    ],
)
def test_wrong_options_are_refused(
    versions: tuple[toc.Document, toc.Document], options: dict[str, Any], message: str
) -> None:
    with pytest.raises(OptionError) as caught:
        diff_scene(*versions, **options)
    assert message in str(caught.value)


def test_only_drawn_formats(versions: tuple[toc.Document, toc.Document]) -> None:
    with pytest.raises(OptionError, match="svg, png, pdf, dot, not 'mermaid'"):
        draw_diff(*versions, "mermaid")
    assert draw_diff(*versions, "dot").decode().startswith("// Theory-of-change diagram")


DATA: dict[str, Any] = {
    "format": 1,
    "id": "demo",
    "title": "Demo",
    "stages": ["resources", "activities", "pilot", "short"],
    "interventions": [{"id": "a", "name": "Alpha"}, {"id": "b", "name": "Beta"}],
    "nodes": [
        {"id": "money", "stage": "resources", "label": "Money"},
        {"id": "try", "stage": "pilot", "label": "Trial", "interventions": ["b"]},
        {"id": "job", "stage": "short", "label": "A job"},
    ],
    "links": [{"from": "money", "to": "try"}, {"from": "try", "to": "job"}],
    "mechanisms": [{"id": "m", "title": "Trust", "links": ["try->job"]}],
}


def test_a_removed_stage_and_intervention_still_show_where_they_were() -> None:
    old = toc.validate(copy.deepcopy(DATA))
    data = copy.deepcopy(DATA)
    data.update(
        stages=["resources", "activities", "short"],
        interventions=[{"id": "a", "name": "Alpha"}],
        nodes=[data["nodes"][0], data["nodes"][2]],
        links=[{"from": "money", "to": "job"}],
        mechanisms=[{"id": "n", "title": "Other", "links": ["money->job"]}],
    )
    new = toc.validate(data)
    scene = diff_scene(old, new)
    assert [c.stage for c in scene.columns] == ["resources", "activities", "pilot", "short"]
    trial = next(b for b in scene.boxes if b.id == "try")
    assert trial.mark == LOOK["removed"]
    assert scene.strands[trial.strand].label == "Beta"
    # The removed mechanism keeps its badge on the removed link, marked in the legend.
    assert scene.legend is not None
    assert [t for _, t in scene.legend.mechanisms] == ["+ Other", "− Trust"]


def test_hostile_labels_stay_data(tmp_path: Path) -> None:
    old = toc.validate(copy.deepcopy(DATA))
    data = copy.deepcopy(DATA)
    data["nodes"][0]["label"] = '"}; evil [label="x"]; <B>&amp;</B> \\N'
    new = toc.validate(data)
    source = diff_dot(old, new)
    line = next(x for x in source.splitlines() if x.startswith('"money" ['))
    assert "&lt;B&gt;&amp;amp;&lt;/B&gt;" in line and '"};' not in line.replace('\\"', "")
    ET.fromstring(draw_diff(old, new, "svg"))


def test_the_docs_picture_is_current() -> None:
    """docs/img/nils-2018-diff.svg: regenerate with `python scripts/make_diff_images.py`."""
    import importlib.util
    import json

    def script(name: str) -> Any:
        spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module

    images = ROOT / "docs" / "img"
    for name, (_, formats) in script("make_diff_images").PICTURES.items():
        for format in formats:
            assert (images / f"{name}.{format}").exists(), f"{name}.{format}"
    manifest = json.loads((images / "diagrams.json").read_text(encoding="utf-8"))
    here = script("make_docs_images").fingerprint()
    if {key: manifest.get(key) for key in here} != here:
        pytest.skip("docs/img was drawn with another Graphviz or other fonts")
    current = script("make_diff_images").render_picture("nils-2018-diff", "svg")
    fix = "out of date: run `python scripts/make_diff_images.py` and commit docs/img"
    assert (images / "nils-2018-diff.svg").read_bytes() == current, fix


@settings(max_examples=25)
@given(pair=edited(), theme=st.sampled_from(["default", "print"]))
def test_random_versions_draw_every_box_once_with_its_mark(
    pair: tuple[dict[str, Any], dict[str, Any]], theme: str
) -> None:
    old, new = toc.validate(pair[0]), toc.validate(pair[1])
    changes = diff(old, new)
    scene = diff_scene(old, new, changes, theme=theme, color_by="none")
    removed = {c.id for c in changes.nodes if c.kind == "removed"}
    ids = [box.id for box in scene.boxes]
    assert sorted(ids) == sorted({n.id for n in new.nodes} | removed)
    look = MARKS[theme]
    for box in scene.boxes:
        expected = "removed" if box.id in removed else "unchanged"
        found = next((c for c in changes.nodes if c.id == box.id), None)
        if found is not None and found.kind != "removed":
            expected = "added" if found.kind == "added" else "changed"
        assert box.mark == look[expected], box.id
    assert diff_dot(old, new, changes, theme=theme) == diff_dot(old, new, theme=theme)
