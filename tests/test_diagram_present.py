"""Presenting: a layout that does not jump under edits, the projector preset, focus, reveal.

The layout tests read positions from the real Graphviz layout of the emitted
DOT (`test_diagram_layout.laid_out`), before and after an edit.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from test_diagram_layout import laid_out

import toc
from toc.cli import main
from toc.diagram import render_bytes, to_dot, to_mermaid
from toc.diagram.options import PRESETS, options_from
from toc.diagram.screen import advise, measure
from toc.diagram.view import build_scene
from toc.errors import OptionError

ROOT = Path(__file__).resolve().parent.parent
NILS = ROOT / "examples/nils-2018/nils-2018.yaml"
STARTER = ROOT / "examples/starter-en/starter-en.yaml"


def order(doc: toc.Document) -> dict[tuple[int, int], list[str]]:
    """Per (column, strand), the boxes from top to bottom as Graphviz placed them."""
    scene = build_scene(doc, options_from())
    pos = laid_out(to_dot(doc))
    groups: dict[tuple[int, int], list[str]] = {}
    for box in scene.boxes:
        groups.setdefault((box.column, box.strand), []).append(box.id)
    return {key: sorted(ids, key=lambda i: -pos[i][1]) for key, ids in groups.items()}


def edited(**change: Any) -> toc.Document:
    data = toc.load(NILS).model_dump(mode="json", by_alias=True, exclude_none=True)
    nodes, links = data["nodes"], data["links"]
    if "add" in change:
        node, after, link = change["add"]
        index = next(i for i, n in enumerate(nodes) if n["id"] == after) + 1
        nodes.insert(index, node)
        links.append(link)
    if "remove" in change:
        gone = change["remove"]
        data["nodes"] = [n for n in nodes if n["id"] != gone]
        data["links"] = [x for x in links if gone not in (x["from"], x["to"])]
        for mechanism in data.get("mechanisms", []):
            mechanism["links"] = [r for r in mechanism.get("links", []) if gone not in r]
        data["evidence"] = [e for e in data.get("evidence", []) if gone not in e["about"]]
        data["rivals"] = [
            {**r, "about": [a for a in r.get("about", []) if gone not in a]}
            for r in data.get("rivals", [])
        ]
    if "relabel" in change:
        node_id, label = change["relabel"]
        next(n for n in nodes if n["id"] == node_id)["label"] = label
    return toc.validate(data)


@pytest.mark.parametrize(
    "change",
    [
        {
            "add": (
                {"id": "short-new", "stage": "short", "label": "Gemensam ingång för deltagarna"},
                "short-understanding",
                {"from": "act-joint-activities", "to": "short-new"},
            )
        },
        {
            "add": (
                {"id": "act-new", "stage": "activities", "label": "Nytt", "interventions": ["ic"]},
                "act-collab-structures",
                {"from": "act-new", "to": "mid-formalised"},
            )
        },
        {"remove": "short-competent-staff"},
        {"relabel": ("act-case-management", "Case management med en egen coach per deltagare")},
    ],
    ids=["add-common", "add-strand", "remove", "relabel"],
)
def test_an_edit_never_reorders_the_other_boxes(change: dict[str, Any]) -> None:
    before = order(toc.load(NILS))
    after = order(edited(**change))
    touched = {"short-new", "act-new", "short-competent-staff"}
    for key, ids in before.items():
        kept = [i for i in ids if i not in touched]
        assert [i for i in after.get(key, []) if i not in touched] == kept, key


def test_boxes_follow_the_document_order() -> None:
    doc = toc.load(NILS)
    document = [n.id for n in doc.nodes]
    for ids in order(doc).values():
        assert ids == sorted(ids, key=document.index)


# ---------------------------------------------------------------- projector


def test_projector_text_is_never_smaller_than_box_text() -> None:
    svg = render_bytes(toc.load(NILS), "svg", preset="projector", color_by="verdict")
    fit = measure(svg)
    assert fit.smallest == PRESETS["projector"].text == 14
    default = measure(render_bytes(toc.load(NILS), "svg"))
    assert default.smallest == 8


def test_measure_fits_the_drawing_to_the_screen() -> None:
    fit = measure(b'<svg width="1920pt" height="540pt"><text font-size="14.00">A</text></svg>')
    assert (fit.scale, fit.text, fit.needed, fit.ok) == (1.0, 14.0, 21.6, False)
    fit = measure(b'<svg width="1000pt" height="700pt"><text font-size="14.00">A</text></svg>')
    assert round(fit.scale, 4) == round(1080 / 700, 4) and fit.ok


def test_a_diagram_that_fits_the_projector_keeps_its_promise() -> None:
    # Checked on the real layout: fitted to 1920x1080, the smallest text is at
    # least 1/50 of the screen height.
    svg = render_bytes(
        toc.load(STARTER), "svg", preset="projector", legend=False, intervention="south"
    )
    fit = measure(svg)
    assert fit.ok and fit.text >= 1080 / 50


def test_advice_names_the_reductions_that_fit() -> None:
    doc = toc.load(STARTER)
    fit, reductions = advise(doc, options_from(preset="projector", color_by="verdict"))
    assert not fit.ok
    assert [r.changes for r in reductions] == [(("legend", False), ("intervention", "south"))]
    assert all(r.fit.ok for r in reductions)


def test_toc_render_projector_warns_and_says_what_to_drop(tmp_path: Path) -> None:
    out = tmp_path / "wall.png"
    result = CliRunner().invoke(
        main,
        ["render", str(STARTER), "-o", str(out), "--preset", "projector", "--color-by", "verdict"],
    )
    assert result.exit_code == 0
    assert out.read_bytes().startswith(b"\x89PNG")
    lines = result.stderr.splitlines()
    assert lines[0].startswith(
        f"{STARTER}: warning: fitted to a 1920×1080 screen, the smallest text is "
    )
    assert lines[0].endswith("a projector needs at least 21.6 px (1/50 of the screen height)")
    assert re.fullmatch(
        r"  drop what the room does not need now: --no-legend --intervention south "
        r"gives \d+\.\d px",
        lines[1],
    )
    fits = CliRunner().invoke(
        main,
        [
            "render",
            str(STARTER),
            "-o",
            str(out),
            "--preset",
            "projector",
            "--no-legend",
            "--intervention",
            "south",
        ],
    )
    assert fits.exit_code == 0 and fits.stderr == ""


def test_a_diagram_too_big_for_any_reduction_says_to_show_less(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["render", str(NILS), "-o", str(tmp_path / "x.svg"), "--preset", "projector"]
    )
    assert result.exit_code == 0
    assert "visa en del i taget med --focus ID --depth 1" in result.stderr


# -------------------------------------------------------------------- focus


def test_focus_on_a_mechanism_shows_the_pathways_through_its_links() -> None:
    doc = toc.load(NILS)
    mechanism = next(m for m in doc.mechanisms if m.id == "m-chains")
    ends = {end for ref in mechanism.links for end in ref.split("->")}
    narrow = {b.id for b in build_scene(doc, options_from(focus="m-chains", depth=0)).boxes}
    assert narrow == ends
    sizes = [
        len(build_scene(doc, options_from(focus="m-chains", depth=d)).boxes) for d in (0, 1, 2)
    ]
    full = len(build_scene(doc, options_from(focus="m-chains")).boxes)
    assert sizes == sorted(sizes) and sizes[0] < sizes[1] <= full
    scene = build_scene(doc, options_from(focus="m-chains", depth=1))
    assert scene.subtitle.startswith("Vägar genom M3: Kedjor av insatser")
    assert scene.subtitle.endswith(" · högst 1 steg bort")


def test_focus_on_a_node_by_depth() -> None:
    doc = toc.load(NILS)
    one = {b.id for b in build_scene(doc, options_from(focus="short-shared-view", depth=1)).boxes}
    neighbours = {x.from_ for x in doc.links if x.to == "short-shared-view"} | {
        x.to for x in doc.links if x.from_ == "short-shared-view" and not x.feedback
    }
    assert one == neighbours | {"short-shared-view"}


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"depth": 1}, "depth needs a focus"),
        ({"reveal": 6}, r"reveal must be a number of stages from 1 to 5 \(document 'nils-2018'"),
        ({"reveal": 0}, "reveal must be a whole number from 1 to 1000, not 0"),
        ({"focus": "m-chain"}, "no node or mechanism 'm-chain'.*did you mean 'm-chains'"),
        ({"preset": "wall"}, "preset must be one of default, projector"),
        ({"badges": "no"}, "badges must be True or False, not 'no'"),
    ],
)
def test_presenting_option_errors(options: dict[str, Any], message: str) -> None:
    with pytest.raises(OptionError, match=message):
        to_dot(toc.load(NILS), **options)


# ------------------------------------------------------ reveal, badges, indicators


def visible_positions(source: str, ids: list[str]) -> dict[str, tuple[float, float]]:
    pos = laid_out(source)
    return {i: pos[i][:2] for i in ids}


def test_reveal_keeps_every_box_in_its_place() -> None:
    doc = toc.load(NILS)
    ids = [n.id for n in doc.nodes]
    full = visible_positions(to_dot(doc, legend=False), ids)
    for shown in (1, 3):
        source = to_dot(doc, legend=False, reveal=shown)
        assert visible_positions(source, ids) == full
        scene = build_scene(doc, options_from(reveal=shown))
        hidden = {b.id for b in scene.boxes if b.hidden}
        assert hidden == {b.id for b in scene.boxes if b.column >= shown}
        for box in hidden:
            assert f'"{box}" [label=' in source
        svg = render_bytes(doc, "svg", legend=False, reveal=shown).decode()
        assert ("Samsyn om målgruppen" in svg) == (shown > 2)
    mermaid = to_mermaid(doc, reveal=1)
    assert "Finansiering" in mermaid and "Samsyn" not in mermaid


def test_hidden_badges_keep_the_arrows_in_place() -> None:
    doc = toc.load(NILS)
    ids = [n.id for n in doc.nodes]
    shown = visible_positions(to_dot(doc, legend=False), ids)
    assert visible_positions(to_dot(doc, legend=False, badges=False), ids) == shown
    svg = render_bytes(doc, "svg", badges=False).decode()
    assert ">M1<" not in svg and "Mekanismer" not in svg
    assert "M1" not in to_mermaid(doc, badges=False)


def test_indicators_show_under_their_box() -> None:
    doc = toc.load(NILS)
    scene = build_scene(doc, options_from(indicators=True))
    box = next(b for b in scene.boxes if b.id == "short-shared-view")
    assert box.notes == (
        "◇ Andel samverkansrepresentanter som anser att Spira ökat samsynen om målgruppen",
    )
    assert all(not b.notes for b in build_scene(doc, options_from()).boxes)
    source = to_dot(doc, indicators=True)
    assert "<I>◇ Andel<BR/>samverkansrepresentanter som" in source
