"""toc.diff: the semantic diff of two versions, its rules, its JSON shape and its symmetry."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import documents

import toc
from mechanisms.model import parse_link_ref
from mechanisms.types import CONDITION_STATES, MECHANISM_VERDICTS
from toc.changes import SECTIONS, Changes, diff, json_schema, schema_text

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "examples" / "nils-2018-plan" / "nils-2018-plan.yaml"
NILS = ROOT / "examples" / "nils-2018" / "nils-2018.yaml"
SCHEMA_FILE = ROOT / "docs" / "diff.schema.json"

BASE: dict[str, Any] = {
    "format": 1,
    "id": "demo",
    "title": "Demo",
    "interventions": [{"id": "a", "name": "Alpha"}, {"id": "b", "name": "Beta"}],
    "nodes": [
        {"id": "money", "stage": "resources", "label": "Money"},
        {"id": "coach", "stage": "activities", "label": "Coaching"},
        {"id": "job", "stage": "short", "label": "A job", "interventions": ["a"]},
    ],
    "links": [{"from": "money", "to": "coach"}, {"from": "coach", "to": "job"}],
    "mechanisms": [{"id": "m", "title": "Trust", "links": ["coach->job"]}],
    "conditions": [{"id": "c", "statement": "Staff in place"}],
}


def build(change: Any = None) -> toc.Document:
    data = copy.deepcopy(BASE)
    if change is not None:
        change(data)
    return toc.validate(data)


def kinds(changes: Changes, section: str) -> list[tuple[str, str]]:
    return [(c.kind, c.id) for c in changes.section(section)]


# ------------------------------------------------------------------ the rules


def test_a_document_against_itself_is_empty() -> None:
    doc = toc.load(NILS)
    changes = diff(doc, doc)
    assert changes.empty
    assert changes.summary.model_dump() == {
        "added": 0,
        "removed": 0,
        "changed": 0,
        "renamed": 0,
        "verdicts": 0,
    }
    assert changes.verdicts == [] and changes.evidence_counts == []
    assert diff(doc, toc.loads(toc.dumps(doc, "json"), "json")).empty


def test_added_removed_and_changed_elements_with_their_fields() -> None:
    def edit(d: dict[str, Any]) -> None:
        d["nodes"][1]["label"] = "Coaching with a coach"
        d["nodes"][2]["interventions"] = ["a", "b"]
        d["nodes"].append({"id": "study", "stage": "short", "label": "Studies"})
        d["links"].append({"from": "coach", "to": "study", "label": "often"})
        d["links"][0]["feedback"] = False
        d["mechanisms"][0]["statement"] = "People trust a coach"
        d["mechanisms"][0]["links"].append("coach->study")
        d["conditions"] = []

    changes = diff(build(), build(edit))
    assert kinds(changes, "nodes") == [("changed", "coach"), ("changed", "job"), ("added", "study")]
    coach, job, study = changes.nodes
    assert [(f.field, f.old, f.new) for f in coach.fields] == [
        ("label", "Coaching", "Coaching with a coach")
    ]
    assert [(f.field, f.old, f.new) for f in job.fields] == [("interventions", ["a"], ["a", "b"])]
    assert study.name == "Studies" and study.fields == []
    assert kinds(changes, "links") == [("added", "coach->study")]
    assert changes.links[0].name == "Coaching with a coach → Studies"
    assert kinds(changes, "mechanisms") == [("changed", "m")]
    assert [(f.field, f.old, f.new) for f in changes.mechanisms[0].fields] == [
        ("statement", None, "People trust a coach"),
        ("links", ["coach->job"], ["coach->job", "coach->study"]),
    ]
    assert kinds(changes, "conditions") == [("removed", "c")]
    assert changes.summary.model_dump() == {
        "added": 2,
        "removed": 1,
        "changed": 3,
        "renamed": 0,
        "verdicts": 0,
    }


def test_reference_lists_are_compared_as_sets() -> None:
    def reorder(d: dict[str, Any]) -> None:
        d["nodes"][2]["interventions"] = ["a"]
        d["mechanisms"][0]["links"] = [" coach -> job "]  # written differently, the same link

    assert diff(build(), build(reorder)).empty


def test_a_link_reports_the_mechanisms_that_explain_it() -> None:
    def move(d: dict[str, Any]) -> None:
        d["mechanisms"][0]["links"] = ["money->coach"]

    changes = diff(build(), build(move))
    assert [(c.id, [(f.field, f.old, f.new) for f in c.fields]) for c in changes.links] == [
        ("money->coach", [("mechanisms", [], ["m"])]),
        ("coach->job", [("mechanisms", ["m"], [])]),
    ]


def test_a_new_id_with_the_same_label_and_stage_is_a_rename_and_links_follow_it() -> None:
    def rename(d: dict[str, Any]) -> None:
        d["nodes"][1]["id"] = "coaching"
        d["links"] = [{"from": "money", "to": "coaching"}, {"from": "coaching", "to": "job"}]
        d["mechanisms"][0]["links"] = ["coaching->job"]

    changes = diff(build(), build(rename))
    assert [(c.kind, c.old_id, c.id, c.fields) for c in changes.nodes] == [
        ("renamed", "coach", "coaching", [])
    ]
    assert [(f.old, f.new) for f in changes.nodes[0].follows] == [
        ("money->coach", "money->coaching"),
        ("coach->job", "coaching->job"),
    ]
    # Nothing else changed: not the links, not the mechanism that names them.
    assert changes.links == [] and changes.mechanisms == []
    assert changes.summary.renamed == 1 and changes.renames() == {"coach": "coaching"}


def test_a_rename_with_other_changes_lists_them() -> None:
    def rename(d: dict[str, Any]) -> None:
        d["nodes"][1].update(id="coaching", description="One coach per person")
        d["links"] = [
            {"from": "money", "to": "coaching", "label": "pays"},
            {"from": "coaching", "to": "job"},
        ]
        d["mechanisms"][0]["links"] = ["coaching->job"]

    changes = diff(build(), build(rename))
    (renamed,) = changes.nodes
    assert [(f.field, f.old, f.new) for f in renamed.fields] == [
        ("description", None, "One coach per person")
    ]
    assert [f.new for f in renamed.follows] == ["coaching->job"]
    # The link that followed and also changed is a changed link, with its old id.
    assert [(c.kind, c.old_id, c.id) for c in changes.links] == [
        ("changed", "money->coach", "money->coaching")
    ]


def test_a_different_label_or_stage_is_no_rename() -> None:
    def relabel(d: dict[str, Any]) -> None:
        d["nodes"][2].update(id="work", label="Work")
        d["links"][1]["to"] = "work"
        d["mechanisms"][0]["links"] = ["coach->work"]

    def restage(d: dict[str, Any]) -> None:
        d["nodes"][2].update(id="work", stage="medium")
        d["links"][1]["to"] = "work"
        d["mechanisms"][0]["links"] = ["coach->work"]

    for edit in (relabel, restage):
        changes = diff(build(), build(edit))
        assert kinds(changes, "nodes") == [("added", "work"), ("removed", "job")]
        assert kinds(changes, "links") == [("added", "coach->work"), ("removed", "coach->job")]


def test_renames_pair_in_document_order() -> None:
    def two(d: dict[str, Any]) -> None:
        d["nodes"] += [
            {"id": "x1", "stage": "short", "label": "Same"},
            {"id": "x2", "stage": "short", "label": "Same"},
        ]

    def renamed(d: dict[str, Any]) -> None:
        two(d)
        d["nodes"][3]["id"], d["nodes"][4]["id"] = "y1", "y2"

    changes = diff(build(two), build(renamed))
    assert [(c.old_id, c.id) for c in changes.nodes] == [("x1", "y1"), ("x2", "y2")]
    back = diff(build(renamed), build(two))
    assert [(c.old_id, c.id) for c in back.nodes] == [("y1", "x1"), ("y2", "x2")]


def test_the_current_verdict_moves_not_the_history() -> None:
    def judged(*judgements: dict[str, Any]) -> Any:
        def edit(d: dict[str, Any]) -> None:
            d["judgements"] = list(judgements)

        return edit

    plan = build()
    first = build(judged({"about": "m", "verdict": "too_early", "date": "2018"}))
    later = build(
        judged(
            {"about": "m", "verdict": "too_early", "date": "2018"},
            {"about": "m", "verdict": "partly_held", "intervention": "a", "date": "2019-01"},
            {"about": "c", "verdict": "present", "date": "2019"},
        )
    )
    # An across-interventions judgement stands for each intervention without one of its own.
    moves = diff(plan, first).verdicts
    assert [(v.about, v.intervention, v.old, v.new) for v in moves] == [
        ("m", "a", None, "too_early"),
        ("m", "b", None, "too_early"),
    ]
    moves = diff(first, later).verdicts
    assert [(v.about, v.kind, v.intervention, v.old, v.new, v.new_date) for v in moves] == [
        ("m", "mechanism", "a", "too_early", "partly_held", "2019-01"),
        ("c", "condition", "a", None, "present", "2019"),
        ("c", "condition", "b", None, "present", "2019"),
    ]
    # A newer judgement with the same verdict, or an earlier one, moves nothing.
    again = build(
        judged(
            {"about": "m", "verdict": "held", "date": "2017"},
            {"about": "m", "verdict": "too_early", "date": "2019"},
        )
    )
    assert diff(first, again).verdicts == []


def test_judgements_are_not_listed_one_by_one() -> None:
    def judged(d: dict[str, Any]) -> None:
        d["judgements"] = [{"about": "m", "verdict": "held", "rationale": "Seen"}]

    def reworded(d: dict[str, Any]) -> None:
        d["judgements"] = [{"about": "m", "verdict": "held", "rationale": "Seen twice"}]

    assert diff(build(judged), build(reworded)).empty


def test_evidence_is_counted_per_thing_it_is_about() -> None:
    def one(d: dict[str, Any]) -> None:
        d["evidence"] = [{"id": "e1", "about": "m", "kind": "interview"}]

    def three(d: dict[str, Any]) -> None:
        d["evidence"] = [
            {"id": "e1", "about": "m", "kind": "interview", "summary": "More"},
            {"id": "e2", "about": "m", "kind": "document"},
            {"id": "e3", "about": "coach->job", "kind": "observation"},
        ]

    changes = diff(build(one), build(three))
    assert kinds(changes, "evidence") == [("changed", "e1"), ("added", "e2"), ("added", "e3")]
    rows = [
        (c.about, c.kind, c.old, c.new, c.added, c.removed, c.changed)
        for c in changes.evidence_counts
    ]
    assert rows == [("m", "mechanism", 1, 2, 1, 0, 1), ("coach->job", "link", 0, 1, 1, 0, 0)]
    assert changes.evidence_counts[1].name == "Coaching → A job"


def test_indicators_are_keyed_on_their_id_and_name_their_node() -> None:
    def measured(d: dict[str, Any]) -> None:
        d["nodes"][2]["indicators"] = [{"id": "i", "name": "People in work"}]

    def moved(d: dict[str, Any]) -> None:
        d["nodes"][1]["indicators"] = [
            {"id": "i", "name": "People in work", "actual": [{"value": 3}]}
        ]

    changes = diff(build(measured), build(moved))
    assert changes.nodes == []
    (indicator,) = changes.indicators
    assert (indicator.kind, indicator.parent) == ("changed", "coach")
    assert [(f.field, f.old, f.new) for f in indicator.fields] == [
        ("node", "job", "coach"),
        ("actual", [], [{"value": 3}]),
    ]


def test_document_fields() -> None:
    def edit(d: dict[str, Any]) -> None:
        d.update(title="Demo, evaluated", stages=["resources", "activities", "short", "medium"])

    changes = diff(build(), build(edit))
    assert [f.field for f in changes.document] == ["title", "stages"]
    assert changes.summary.changed == 2


def test_the_worked_example_plan_against_the_evaluation() -> None:
    changes = diff(toc.load(PLAN), toc.load(NILS))
    assert [(c.kind, c.old_id, c.id) for c in changes.nodes if c.kind != "added"] == [
        ("renamed", "res-samverkansgrupp-spira", "res-collab-group-spira"),
        ("changed", None, "act-joint-activities"),
        ("changed", None, "act-case-management"),
        ("removed", None, "long-collaboration"),
    ]
    assert len(changes.nodes[0].follows) == 2
    assert {v.about for v in changes.verdicts} >= {
        "m-individual",
        "m-shared",
        "m-chains",
        "m-broad",
        "m-implementation",
    }
    assert all(v.old is None for v in changes.verdicts)
    assert [c.id for c in changes.conditions if c.kind == "removed"] == ["c-resources"]


# --------------------------------------------------------------- the JSON shape


def test_the_published_schema_is_current() -> None:
    regenerate = (
        'regenerate: python -c "from toc.changes import schema_text; '
        "open('docs/diff.schema.json', 'w').write(schema_text())\""
    )
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(), regenerate


def test_the_json_output_validates_against_the_published_schema() -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    data = json.loads(diff(toc.load(PLAN), toc.load(NILS)).model_dump_json())
    assert list(validator.iter_errors(data)) == []
    assert data["format"] == 1
    assert list(data) == [
        "format",
        "old",
        "new",
        "summary",
        "document",
        *SECTIONS,
        "verdicts",
        "evidence_counts",
    ]
    # What the schema refuses: a kind of change it does not know, a missing key.
    broken = copy.deepcopy(data)
    broken["nodes"][0]["kind"] = "moved"
    assert any("moved" in e.message for e in validator.iter_errors(broken))
    broken = copy.deepcopy(data)
    del broken["verdicts"]
    assert any(
        "'verdicts' is a required property" in e.message for e in validator.iter_errors(broken)
    )


def test_the_result_reads_back_from_its_json() -> None:
    changes = diff(toc.load(PLAN), toc.load(NILS), old_source="plan.yaml", new_source="HEAD:x")
    again = Changes.model_validate_json(changes.model_dump_json())
    assert again == changes and again.old.source == "plan.yaml"


# ------------------------------------------------ random documents, random edits

_ID = "zz-new-{}"


def _all_ids(data: dict[str, Any]) -> set[str]:
    ids = {data["id"]}
    for key in ("interventions", "actors", "nodes", "mechanisms", "conditions", "rivals"):
        ids |= {item["id"] for item in data.get(key, [])}
    for node in data.get("nodes", []):
        ids |= {i["id"] for i in node.get("indicators", [])}
    ids |= {item["id"] for item in data.get("evidence", [])}
    ids |= {item["id"] for item in data.get("judgements", []) if "id" in item}
    return ids


def _fresh(data: dict[str, Any]) -> str:
    used = _all_ids(data)
    n = 0
    while _ID.format(n) in used:
        n += 1
    return _ID.format(n)


def _normal(ref: str) -> str:
    pair = parse_link_ref(ref)
    return f"{pair[0]}->{pair[1]}" if pair else ref


def _refs_touching(ref: str, node: str) -> bool:
    pair = parse_link_ref(ref)
    return pair is not None and node in pair


def _drop_evidence(data: dict[str, Any], gone: set[str]) -> None:
    data["evidence"] = [e for e in data.get("evidence", []) if e["id"] not in gone]
    for judgement in data.get("judgements", []):
        judgement["evidence"] = [e for e in judgement.get("evidence", []) if e not in gone]


def _drop_link(data: dict[str, Any], ref: str) -> None:
    data["links"] = [
        link for link in data.get("links", []) if f"{link['from']}->{link['to']}" != ref
    ]
    for mechanism in data.get("mechanisms", []):
        mechanism["links"] = [r for r in mechanism.get("links", []) if _normal(r) != ref]
    for rival in data.get("rivals", []):
        rival["about"] = [r for r in rival.get("about", []) if _normal(r) != ref]
    _drop_evidence(data, {e["id"] for e in data.get("evidence", []) if _normal(e["about"]) == ref})


def _rename_node(data: dict[str, Any], old: str, new: str) -> None:
    def ref(value: str) -> str:
        pair = parse_link_ref(value)
        if pair is None:
            return new if value == old else value
        return f"{new if pair[0] == old else pair[0]}->{new if pair[1] == old else pair[1]}"

    for node in data["nodes"]:
        if node["id"] == old:
            node["id"] = new
    for link in data.get("links", []):
        link["from"], link["to"] = ref(link["from"]), ref(link["to"])
    for mechanism in data.get("mechanisms", []):
        mechanism["links"] = [ref(r) for r in mechanism.get("links", [])]
    for rival in data.get("rivals", []):
        rival["about"] = [ref(r) for r in rival.get("about", [])]
    for item in data.get("evidence", []):
        item["about"] = ref(item["about"])


def _remove_node(data: dict[str, Any], node: str) -> None:
    for link in list(data.get("links", [])):
        if node in (link["from"], link["to"]):
            _drop_link(data, f"{link['from']}->{link['to']}")
    data["nodes"] = [n for n in data["nodes"] if n["id"] != node]
    for rival in data.get("rivals", []):
        rival["about"] = [r for r in rival.get("about", []) if r != node]
    _drop_evidence(data, {e["id"] for e in data.get("evidence", []) if e["about"] == node})


@st.composite
def edited(draw: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """A random valid document and a copy with a few random valid edits."""
    data = draw(documents(max_nodes=6))
    new = copy.deepcopy(data)
    stages = new.get("stages", ["resources", "activities", "short", "medium", "long"])
    for _ in range(draw(st.integers(1, 4))):
        nodes = [n["id"] for n in new.get("nodes", [])]
        choice = draw(
            st.sampled_from(
                [
                    "add-node",
                    "relabel",
                    "restage",
                    "rename",
                    "remove-node",
                    "add-link",
                    "remove-link",
                    "mechanism",
                    "judge",
                    "remove-evidence",
                    "intervention",
                ]
            )
        )
        if choice == "add-node" or (not nodes and choice in ("relabel", "restage", "rename")):
            new.setdefault("nodes", []).append(
                {"id": _fresh(new), "stage": draw(st.sampled_from(stages)), "label": "New box"}
            )
        elif choice == "relabel" and nodes:
            node = draw(st.sampled_from(new["nodes"]))
            node["label"] = node["label"] + " (reworded)"
        elif choice == "restage" and nodes:
            draw(st.sampled_from(new["nodes"]))["stage"] = draw(st.sampled_from(stages))
        elif choice == "rename" and nodes:
            _rename_node(new, draw(st.sampled_from(nodes)), _fresh(new))
        elif choice == "remove-node" and nodes:
            _remove_node(new, draw(st.sampled_from(nodes)))
        elif choice == "add-link" and len(nodes) >= 2:
            a, b = draw(st.permutations(nodes))[:2]
            if f"{a}->{b}" not in {f"{x['from']}->{x['to']}" for x in new.get("links", [])}:
                new.setdefault("links", []).append({"from": a, "to": b, "feedback": True})
        elif choice == "remove-link" and new.get("links"):
            link = draw(st.sampled_from(new["links"]))
            _drop_link(new, f"{link['from']}->{link['to']}")
        elif choice == "mechanism" and new.get("mechanisms"):
            mechanism = draw(st.sampled_from(new["mechanisms"]))
            mechanism["statement"] = "Rewritten"
            mechanism["prior"] = draw(st.sampled_from([0.25, 0.75]))
        elif choice == "judge":
            judged = [(m["id"], MECHANISM_VERDICTS) for m in new.get("mechanisms", [])]
            judged += [(c["id"], CONDITION_STATES) for c in new.get("conditions", [])]
            if judged:
                about, vocabulary = draw(st.sampled_from(judged))
                new.setdefault("judgements", []).append(
                    {"about": about, "verdict": draw(st.sampled_from(vocabulary)), "date": "2100"}
                )
        elif choice == "remove-evidence" and new.get("evidence"):
            _drop_evidence(new, {draw(st.sampled_from(new["evidence"]))["id"]})
        elif choice == "intervention" and new.get("interventions"):
            draw(st.sampled_from(new["interventions"]))["name"] = "Renamed intervention"
    return data, new


def _keys(changes: Changes, kind: str) -> set[tuple[str, str]]:
    return {(s, c.id) for s in SECTIONS for c in changes.section(s) if c.kind == kind}


def _assert_mirrored(forward: Changes, backward: Changes) -> None:
    assert _keys(forward, "added") == _keys(backward, "removed")
    assert _keys(forward, "removed") == _keys(backward, "added")
    assert {(c.old_id, c.id) for c in forward.nodes if c.kind == "renamed"} == {
        (c.id, c.old_id) for c in backward.nodes if c.kind == "renamed"
    }
    assert {
        (s, c.old_id or c.id, c.id, tuple(f.field for f in c.fields))
        for s in SECTIONS
        for c in forward.section(s)
        if c.kind == "changed"
    } == {
        (s, c.id, c.old_id or c.id, tuple(f.field for f in c.fields))
        for s in SECTIONS
        for c in backward.section(s)
        if c.kind == "changed"
    }
    assert {(v.about, v.intervention, v.old, v.new) for v in forward.verdicts} == {
        (v.about, v.intervention, v.new, v.old) for v in backward.verdicts
    }
    assert [(f.field, f.old, f.new) for f in forward.document] == [
        (f.field, f.new, f.old) for f in backward.document
    ]
    if not forward.renames():
        # Without renames, every value is written in the same ids both ways.
        for section in SECTIONS:
            there = {
                c.id: [(f.field, f.old, f.new) for f in c.fields] for c in forward.section(section)
            }
            back = {
                c.id: [(f.field, f.new, f.old) for f in c.fields] for c in backward.section(section)
            }
            assert there == back
        assert {(c.about, c.old, c.new) for c in forward.evidence_counts} == {
            (c.about, c.new, c.old) for c in backward.evidence_counts
        }


@settings(max_examples=40)
@given(pair=edited())
def test_random_edits_are_mirrored_by_the_reverse_diff(
    pair: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    first, second = toc.validate(pair[0]), toc.validate(pair[1])
    forward, backward = diff(first, second), diff(second, first)
    assert diff(first, first).empty and diff(second, second).empty
    assert forward.empty == backward.empty
    if first == second:
        assert forward.empty
    if forward.empty:
        # Only the judgements' history may differ: a judgement that leaves every
        # current verdict as it was is no change.
        unjudged = {"judgements": []}
        assert first.model_copy(update=unjudged) == second.model_copy(update=unjudged)
    _assert_mirrored(forward, backward)


@settings(max_examples=20)
@given(a=documents(max_nodes=5), b=documents(max_nodes=5))
def test_any_two_documents_diff_symmetrically_and_match_the_schema(
    a: dict[str, Any], b: dict[str, Any]
) -> None:
    first, second = toc.validate(a), toc.validate(b)
    forward = diff(first, second)
    _assert_mirrored(forward, diff(second, first))
    validator = jsonschema.Draft202012Validator(json_schema())
    assert list(validator.iter_errors(json.loads(forward.model_dump_json()))) == []


@pytest.mark.parametrize("section", ["bogus", "judgements"])
def test_section_names_are_checked(section: str) -> None:
    with pytest.raises(KeyError):
        diff(build(), build()).section(section)
