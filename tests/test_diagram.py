"""What a diagram shows: views, strands, badges, verdicts, legend, options (no Graphviz run)."""

from __future__ import annotations

import copy
from typing import Any

import pytest

import toc
from toc.diagram import NodePaint, RenderOptions, render_bytes, to_dot, to_mermaid
from toc.diagram.options import UnknownOptionError, format_for, options_from
from toc.diagram.view import Scene, build_scene
from toc.errors import OptionError

BASE: dict[str, Any] = {
    "format": 1,
    "id": "demo",
    "title": "Demo",
    "language": "sv",
    "interventions": [
        {"id": "a", "name": "Alfa"},
        {"id": "b", "name": "Beta"},
        {"id": "c", "name": "Gamma"},
    ],
    "nodes": [
        {"id": "money", "stage": "resources", "label": "Pengar"},
        {"id": "coach", "stage": "activities", "label": "Coach", "interventions": ["a"]},
        {"id": "group", "stage": "activities", "label": "Grupp", "interventions": ["b"]},
        {"id": "both", "stage": "activities", "label": "Båda", "interventions": ["c", "a"]},
        {"id": "all", "stage": "short", "label": "Alla", "interventions": ["a", "b", "c"]},
        {"id": "jobs", "stage": "long", "label": "Jobb"},
        {"id": "alone", "stage": "medium", "label": "Ensam"},
    ],
    "links": [
        {"from": "money", "to": "coach"},
        {"from": "money", "to": "group"},
        {"from": "coach", "to": "all", "label": "snabbt"},
        {"from": "group", "to": "all"},
        {"from": "both", "to": "all"},
        {"from": "all", "to": "jobs"},
        {"from": "jobs", "to": "coach", "feedback": True},
    ],
    "mechanisms": [
        {"id": "m-trust", "title": "Tillit", "links": ["coach->all", "all->jobs"]},
        {"id": "m-meet", "title": "Möten", "links": ["group->all"]},
        {"id": "m-none", "title": "Förklarar inget"},
    ],
    "judgements": [
        {"about": "m-trust", "intervention": "a", "verdict": "held", "date": "2018"},
        {"about": "m-trust", "intervention": "a", "verdict": "not_held", "date": "2019-01"},
        {"about": "m-trust", "intervention": "b", "verdict": "partly_held", "date": "2019"},
        {"about": "m-meet", "verdict": "too_early", "date": "2018"},
        {"about": "m-meet", "verdict": "held", "date": "2018"},
    ],
}


def doc_from(**changes: Any) -> toc.Document:
    data = copy.deepcopy(BASE)
    data.update(changes)
    return toc.validate(data)


def scene(doc: toc.Document | None = None, **options: Any) -> Scene:
    return build_scene(doc or doc_from(), options_from(options))


# ------------------------------------------------------------------ strands


def test_strands_are_common_first_then_interventions_in_declared_order_then_combinations() -> None:
    s = scene()
    assert [(st.interventions, st.label) for st in s.strands] == [
        ((), "Gemensamt"),
        (("a",), "Alfa"),
        (("b",), "Beta"),
        (("c", "a"), "Gamma + Alfa"),
    ]


def test_a_node_of_every_intervention_is_common_and_one_of_several_gets_a_combined_strand() -> None:
    s = scene()
    strand_of = {box.id: s.strands[box.strand].label for box in s.boxes}
    assert strand_of == {
        "money": "Gemensamt",
        "coach": "Alfa",
        "group": "Beta",
        "both": "Gamma + Alfa",
        "all": "Gemensamt",
        "jobs": "Gemensamt",
        "alone": "Gemensamt",
    }


def test_an_intervention_without_nodes_has_no_strand() -> None:
    s = scene(doc_from(interventions=[*BASE["interventions"], {"id": "d", "name": "Delta"}]))
    assert "Delta" not in [st.label for st in s.strands]


def test_a_document_without_interventions_has_one_strand() -> None:
    data = copy.deepcopy(BASE)
    data["interventions"] = []
    for node in data["nodes"]:
        node.pop("interventions", None)
    data["judgements"] = [j for j in data["judgements"] if "intervention" not in j]
    s = build_scene(toc.validate(data), RenderOptions())
    assert len(s.strands) == 1
    assert "label=<<TABLE" not in to_dot(toc.validate(data)).split("// column 1")[1].split("\n")[2]


def test_common_label_names_the_common_strand() -> None:
    assert scene(common_label="Samverkan").strands[0].label == "Samverkan"


def test_headings_are_localized_and_custom_stages_keep_their_names() -> None:
    sv = scene()
    assert [c.heading for c in sv.columns] == [
        "RESURSER",
        "AKTIVITETER/PROCESSER",
        "EFFEKTER KORT SIKT",
        "EFFEKTER MELLANLÅNG SIKT",
        "EFFEKTER LÅNG SIKT",
    ]
    en = scene(doc_from(language="en"))
    assert en.columns[2].heading == "SHORT-TERM OUTCOMES"
    own = doc_from(
        stages=["inputs", "doing", "impact"],
        nodes=[{"id": "x", "stage": "impact", "label": "X"}],
        links=[],
        mechanisms=[],
        judgements=[],
    )
    assert [c.heading for c in scene(own).columns] == ["INPUTS", "DOING", "IMPACT"]


# -------------------------------------------------------------------- views


def test_intervention_view_keeps_common_nodes_and_that_intervention() -> None:
    s = scene(intervention="a")
    assert [b.id for b in s.boxes] == ["money", "coach", "both", "all", "jobs", "alone"]
    assert [st.label for st in s.strands] == ["Gemensamt", "Alfa"]
    assert {b.id: s.strands[b.strand].label for b in s.boxes}["both"] == "Alfa"
    assert s.subtitle == "Insats: Alfa"
    assert all(e.source != "group" for e in s.edges)


def test_unknown_intervention_is_an_option_error_with_a_suggestion() -> None:
    with pytest.raises(
        OptionError, match=r"no intervention 'aa' in document 'demo'; did you mean 'a'"
    ):
        scene(intervention="aa")


def test_focus_keeps_only_what_leads_to_or_from_the_node() -> None:
    s = scene(focus="coach")
    assert [b.id for b in s.boxes] == ["money", "coach", "all", "jobs"]
    assert [(e.source, e.target) for e in s.edges] == [
        ("money", "coach"),
        ("coach", "all"),
        ("all", "jobs"),
        ("jobs", "coach"),
    ]
    assert [b.id for b in s.boxes if b.focus] == ["coach"]
    assert s.subtitle == "Det som leder till och från: Coach"


def test_focus_leaves_out_links_that_bypass_the_node() -> None:
    # money -> group -> all is upstream of nothing and downstream of nothing of "both".
    s = scene(focus="both")
    assert [b.id for b in s.boxes] == ["both", "all", "jobs"]
    assert ("group", "all") not in [(e.source, e.target) for e in s.edges]


def test_missing_focus_node_is_an_option_error() -> None:
    with pytest.raises(
        OptionError, match=r"no node or mechanism 'coch' in document 'demo'; did you mean 'coach'"
    ):
        scene(focus="coch")


def test_focus_on_a_node_outside_the_intervention_view_is_an_option_error() -> None:
    with pytest.raises(OptionError, match="not shown in the view of intervention 'a'"):
        scene(focus="group", intervention="a")


def test_titles_default_to_the_document_and_can_be_set_or_removed() -> None:
    assert scene().title == "Demo"
    assert scene(title="Egen", subtitle="Under").subtitle == "Under"
    assert "label=<" not in to_dot(doc_from(), title="", legend=False).split("\n")[2]


# ------------------------------------------------------------ links, badges


def test_edges_keep_document_order_and_kinds() -> None:
    s = scene()
    assert [(e.index, e.kind, e.span) for e in s.edges] == [
        (0, "forward", 1),
        (1, "forward", 1),
        (2, "forward", 1),
        (3, "forward", 1),
        (4, "forward", 1),
        (5, "forward", 2),
        (6, "feedback", -3),
    ]


def test_badges_number_mechanisms_in_document_order() -> None:
    s = scene()
    badges = {(e.source, e.target): [b.number for b in e.badges] for e in s.edges}
    assert badges[("coach", "all")] == [1]
    assert badges[("group", "all")] == [2]
    assert badges[("all", "jobs")] == [1]
    assert badges[("money", "coach")] == []


def test_legend_lists_each_badge_in_the_picture_once() -> None:
    legend = scene().legend
    assert legend is not None
    assert [(b.number, title) for b, title in legend.mechanisms] == [(1, "Tillit"), (2, "Möten")]
    # the focus view has no M2 link, so no M2 in its legend
    focused = scene(focus="coach").legend
    assert focused is not None
    assert [b.number for b, _ in focused.mechanisms] == [1]


def test_no_legend_option() -> None:
    assert scene(legend=False).legend is None


def test_stage_legend_explains_the_colours() -> None:
    legend = scene().legend
    assert legend is not None
    assert legend.colour_title == "Färger: steg"
    assert [meaning for _, _, meaning in legend.colours][:2] == [
        "resurser",
        "aktiviteter/processer",
    ]
    assert "streckad pil: återkoppling" in legend.notes


# ----------------------------------------------------------------- verdicts


def verdict_cells(s: Scene) -> dict[tuple[str, str], list[tuple[str | None, str]]]:
    return {
        (e.source, e.target): [(c.intervention, c.verdict) for b in e.badges for c in b.cells]
        for e in s.edges
        if e.badges
    }


def test_verdicts_per_intervention_latest_by_date_when_no_judgement_across_all() -> None:
    cells = verdict_cells(scene(color_by="verdict"))
    assert cells[("coach", "all")] == [("a", "not_held"), ("b", "partly_held"), ("c", "unassessed")]


def test_a_judgement_across_all_interventions_wins_and_a_later_entry_breaks_a_date_tie() -> None:
    cells = verdict_cells(scene(color_by="verdict"))
    assert cells[("group", "all")] == [(None, "held")]


def test_verdicts_for_one_intervention_fall_back_to_the_judgement_across_all() -> None:
    s = scene(color_by="verdict", intervention="b")
    cells = verdict_cells(s)
    assert cells[("group", "all")] == [("b", "held")]
    s = scene(color_by="verdict", intervention="a")
    assert verdict_cells(s)[("coach", "all")] == [("a", "not_held")]


def test_unjudged_mechanism_is_unassessed() -> None:
    data = copy.deepcopy(BASE)
    data["judgements"] = []
    s = build_scene(toc.validate(data), options_from(color_by="verdict"))
    assert verdict_cells(s)[("coach", "all")] == [(None, "unassessed")]


def test_link_colour_is_the_least_favourable_of_its_badges() -> None:
    s = scene(color_by="verdict")
    verdicts = {(e.source, e.target): e.verdict for e in s.edges}
    assert verdicts[("coach", "all")] == "not_held"
    assert verdicts[("group", "all")] == "held"
    assert verdicts[("money", "coach")] is None


def test_verdict_legend_lists_used_verdicts_and_the_cells_note() -> None:
    legend = scene(color_by="verdict").legend
    assert legend is not None
    assert legend.colour_title == "Aktuell bedömning"
    assert [meaning for _, _, meaning in legend.colours] == [
        "höll",
        "höll delvis",
        "höll inte",
        "inte bedömd",
    ]
    assert "Flera tecken: ett per insats (Alfa, Beta, Gamma)" in legend.notes


def test_given_verdicts_replace_the_recorded_ones_and_are_marked_suggested() -> None:
    given = {"m-trust": {"a": "held", "b": "held"}, "m-meet": "inconclusive"}
    s = scene(color_by="verdict", verdicts=given, verdicts_suggested=True)
    cells = verdict_cells(s)
    assert cells[("coach", "all")] == [(None, "held")]
    assert cells[("group", "all")] == [(None, "inconclusive")]
    assert s.legend is not None and s.legend.colour_title == "Aktuell bedömning"
    assert "*: föreslagen av underlaget, inte fastställd" in s.legend.notes
    dot = to_dot(doc_from(), color_by="verdict", verdicts=given, verdicts_suggested=True)
    assert "<B>✓*</B>" in dot


@pytest.mark.parametrize(
    ("verdicts", "message"),
    [
        ({"m-nope": "held"}, "names 'm-nope', which is not a mechanism"),
        ({"m-trust": "fine"}, "verdicts\\['m-trust'\\] is 'fine'; a mechanism verdict is one of"),
        ({"m-trust": {"x": "held"}}, "names 'x', which is not an intervention"),
        ({"m-trust": 3}, "must be a verdict or a mapping"),
        (["m-trust"], "must be a mapping"),
    ],
)
def test_bad_verdicts_are_option_errors(verdicts: Any, message: str) -> None:
    with pytest.raises(OptionError, match=message):
        scene(color_by="verdict", verdicts=verdicts)


# -------------------------------------------------------------------- paint


def test_paint_overrides_box_colours_and_explains_them() -> None:
    paint = NodePaint(
        fills={"jobs": "#0072B2"},
        legend=[("#0072B2", "stöds")],
        title="Stöd",
        styles={"jobs": "dashed", "all": "bold"},
    )
    s = scene(paint=paint)
    boxes = {b.id: b for b in s.boxes}
    assert boxes["jobs"].fill == "#0072B2"
    assert boxes["jobs"].outline == "dashed"
    assert boxes["money"].fill == "#FFFFFF"
    assert s.legend is not None
    assert (s.legend.colour_title, s.legend.colours) == ("Stöd", (("#0072B2", "", "stöds"),))
    dot = to_dot(doc_from(), paint=paint)
    assert (
        '"jobs" [label=<Jobb> fillcolor="#0072B2" color="#4D4D4D" style="rounded,filled,dashed"];'
        in dot
    )
    assert "penwidth=2.6" in dot


@pytest.mark.parametrize(
    ("paint", "message"),
    [
        (NodePaint(fills={"jobs": "blue"}), "must be #rrggbb, not 'blue'"),
        (NodePaint(fills={"nope": "#000000"}), "paint names 'nope', which is not a node"),
        (NodePaint(fills={}, styles={"jobs": "wavy"}), "paint style for 'jobs' must be one of"),
        ({"jobs": "#000000"}, "paint must be a toc.diagram.NodePaint"),
    ],
)
def test_bad_paint_is_an_option_error(paint: Any, message: str) -> None:
    with pytest.raises(OptionError, match=message):
        scene(paint=paint)


def test_a_caller_paints_boxes_with_its_own_colours() -> None:
    paint = NodePaint(fills={"money": "#112233"}, legend=[("#112233", "demo")], title="Demo")
    s = scene(paint=paint)
    assert {b.id: b.fill for b in s.boxes}["money"] == "#112233"
    assert s.legend is not None and s.legend.colour_title == "Demo"


def test_colour_schemes_are_plain_data() -> None:
    from toc.diagram import options

    assert options.COLOR_SCHEMES == ("stage", "verdict", "support", "none")


# ------------------------------------------------------------------ options


@pytest.mark.parametrize(
    ("options", "error", "message"),
    [
        (
            {"colour_by": "stage"},
            UnknownOptionError,
            "unknown option 'colour_by'; did you mean 'color_by'",
        ),
        (
            {"color_by": "rainbow"},
            OptionError,
            "color_by must be one of stage, verdict, support, none, not 'rainbow'",
        ),
        ({"theme": "dark"}, OptionError, "theme must be one of default, print, not 'dark'"),
        ({"orientation": "RL"}, OptionError, "orientation must be one of LR, TB, not 'RL'"),
        ({"engine": "neato"}, OptionError, "engine must be one of bundled, system"),
        ({"wrap": 3}, OptionError, "wrap must be a whole number from 8 to 200, not 3"),
        ({"dpi": "300"}, OptionError, "dpi must be a whole number from 24 to 1200, not '300'"),
        ({"legend": "no"}, OptionError, "legend must be True or False"),
        ({"title": 5}, OptionError, "title must be text, not 5"),
        ({"font": ""}, OptionError, "font must be a font family name"),
    ],
)
def test_bad_options(options: dict[str, Any], error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        options_from(options)


def test_an_unknown_option_is_also_a_type_error_as_for_any_keyword() -> None:
    with pytest.raises(TypeError):
        to_dot(doc_from(), colour_by="verdict")


@pytest.mark.parametrize(
    ("path", "format", "expected"),
    [
        ("x.svg", None, "svg"),
        ("x.PNG", None, "png"),
        ("dir.v2/x.pdf", None, "pdf"),
        ("x.dot", None, "dot"),
        ("x.gv", None, "dot"),
        ("x.mmd", None, "mermaid"),
        ("x", "png", "png"),
    ],
)
def test_format_from_suffix(path: str, format: str | None, expected: str) -> None:
    assert format_for(path, format) == expected


@pytest.mark.parametrize("path", ["x.jpg", "x", "x.svg.bak"])
def test_unknown_suffix_is_an_option_error(path: str) -> None:
    with pytest.raises(OptionError, match=f"cannot tell the format from '{path}'"):
        format_for(path)


def test_render_bytes_rejects_an_unknown_format() -> None:
    with pytest.raises(
        OptionError, match="format must be one of svg, png, pdf, dot, mermaid, not 'gif'"
    ):
        render_bytes(doc_from(), "gif")


def test_render_wants_a_document() -> None:
    with pytest.raises(TypeError, match=r"expected a toc\.Document, not str"):
        to_dot("examples/nils-2018/nils-2018.yaml")  # type: ignore[arg-type]


# ------------------------------------------------------------------ mermaid


def test_mermaid_has_one_subgraph_per_column_and_safe_ids() -> None:
    source = to_mermaid(doc_from())
    assert [line for line in source.splitlines() if line.startswith("  subgraph ")] == [
        '  subgraph c1["RESURSER"]',
        '  subgraph c2["AKTIVITETER/PROCESSER"]',
        '  subgraph c3["EFFEKTER KORT SIKT"]',
        '  subgraph c4["EFFEKTER MELLANLÅNG SIKT"]',
        '  subgraph c5["EFFEKTER LÅNG SIKT"]',
        '  subgraph legend[" "]',
    ]
    assert '    subgraph c2s4["Gamma + Alfa"]' in source
    assert '      n4["Båda"]' in source
    assert '  n2 -->|"M1 · snabbt"| n5' in source
    assert "  n6 -.-> n2" in source
    assert "classDef fill1 fill:#BBCCEE" in source


def test_mermaid_colours_links_by_verdict() -> None:
    source = to_mermaid(doc_from(), color_by="verdict")
    # M2 is judged across all interventions: its badge says so (†), as in DOT.
    assert '  n3 -->|"M2 ✓†"| n5' in source
    assert "  linkStyle 3 stroke:#0072B2,stroke-width:2.4px" in source


def test_an_empty_document_draws_columns_only() -> None:
    empty = toc.validate({"format": 1, "id": "empty", "title": "Tom"})
    s = build_scene(empty, RenderOptions())
    assert s.boxes == () and s.edges == () and len(s.columns) == 5
    assert to_dot(empty).count("rank=same") == 5
    assert "subgraph c5" in to_mermaid(empty)
