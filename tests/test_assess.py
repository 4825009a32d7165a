"""toc.assess: applicability, pathway support, findings, JSON, and the two seed examples."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import toc
from mechanisms.bayes import Thresholds
from toc.assessment import Assessment, BadgeCell, assess
from toc.errors import OptionError
from toc.judging import applies_to

ROOT = Path(__file__).resolve().parent.parent
NILS = ROOT / "examples" / "nils-2018" / "nils-2018.yaml"
FAN = ROOT / "examples" / "fa-n-malmo" / "fa-n-malmo.yaml"

HEAD = """\
format: 1
id: demo
title: Demo
language: en
"""

# A chain with two paths to "work": coach -> trust -> work and
# coach -> plan -> work; "plan" belongs to the north strand only.
CHAIN = (
    HEAD
    + """\
interventions: [{id: north, name: Northtown}, {id: south, name: Southtown}]
nodes:
  - {id: money, stage: resources, label: Money}
  - {id: coach, stage: activities, label: Coaching}
  - {id: trust, stage: short, label: Trust}
  - {id: plan, stage: short, label: A plan, interventions: [north]}
  - {id: work, stage: medium, label: Work}
links:
  - {from: money, to: coach}
  - {from: coach, to: trust}
  - {from: coach, to: plan}
  - {from: trust, to: work}
  - {from: plan, to: work}
mechanisms:
  - {id: m-trust, title: Trust, links: ["coach->trust", "trust->work"]}
  - {id: m-plan, title: Planning, links: ["coach->plan", "plan->work"]}
"""
)


def chain(extra: str = "") -> toc.Document:
    return toc.loads(CHAIN + extra)


# ------------------------------------------------------------ applicability


def test_a_mechanism_applies_where_its_links_lie() -> None:
    doc = chain()
    assert applies_to(doc) == {"m-trust": ["north", "south"], "m-plan": ["north"]}


def test_without_links_or_about_it_applies_everywhere() -> None:
    doc = chain(
        """\
rivals:
  - {id: r-any, statement: Anything}
  - {id: r-plan, statement: Plans came anyway, about: [plan]}
"""
    )
    found = applies_to(doc)
    assert "r-any" not in found
    assert found["r-plan"] == ["north"]
    result = assess(doc)
    assert result.rivals[0].interventions == ["north", "south"]
    assert result.rivals[1].interventions == ["north"]


# ---------------------------------------------------------- pathway support


def judged(verdicts: dict[tuple[str, str], str]) -> toc.Document:
    lines = ["judgements:"]
    for (mechanism, intervention), verdict in verdicts.items():
        lines.append(
            f"  - {{about: {mechanism}, intervention: {intervention}, verdict: {verdict}}}"
        )
    return chain("\n".join(lines) + "\n")


def support(result: Assessment, node: str, intervention: str | None) -> tuple[str, list[str]]:
    found = result.outcome(node, intervention)
    return found.status, found.mechanisms


def test_supported_when_one_path_held_or_partly_held() -> None:
    result = assess(
        judged(
            {
                ("m-trust", "north"): "partly_held",
                ("m-plan", "north"): "not_held",
                ("m-trust", "south"): "held",
            }
        )
    )
    # North: the trust path held (partly), so "work" is supported by it alone.
    assert support(result, "work", "north") == ("supported", ["m-trust"])
    assert support(result, "plan", "north") == ("at_risk", ["m-plan"])
    assert result.outcome("plan", "north").broken == ["coach->plan"]
    assert support(result, "work", "south") == ("supported", ["m-trust"])


def test_at_risk_when_every_path_crosses_a_mechanism_that_did_not_hold() -> None:
    result = assess(judged({("m-trust", "north"): "not_held", ("m-plan", "north"): "not_held"}))
    work = result.outcome("work", "north")
    assert (work.status, work.mechanisms) == ("at_risk", ["m-trust", "m-plan"])
    assert work.broken == ["coach->trust", "coach->plan", "trust->work", "plan->work"]
    assert [o.node for o in result.at_risk()] == ["trust", "plan", "work"]


@pytest.mark.parametrize("verdict", ["too_early", "inconclusive"])
def test_unassessed_when_a_path_is_still_open(verdict: str) -> None:
    result = assess(judged({("m-trust", "north"): verdict, ("m-plan", "north"): "not_held"}))
    work = result.outcome("work", "north")
    assert (work.status, work.open, work.broken) == ("unassessed", ["coach->trust"], [])


def test_unjudged_mechanism_uses_the_suggestion() -> None:
    doc = chain(
        """\
evidence:
  - {id: e, about: m-trust, kind: observation, test: doubly_decisive}
"""
    )
    result = assess(doc)
    assert result.cell("m-trust", "south").source == "suggested"
    assert support(result, "work", "south") == ("supported", ["m-trust"])


def test_links_without_mechanisms_count_as_unassessed() -> None:
    doc = toc.loads(
        HEAD
        + """\
nodes:
  - {id: coach, stage: activities, label: Coaching}
  - {id: trust, stage: short, label: Trust}
  - {id: work, stage: medium, label: Work}
links:
  - {from: coach, to: trust}
  - {from: trust, to: work}
mechanisms:
  - {id: m-trust, title: Trust, links: ["coach->trust"]}
judgements:
  - {about: m-trust, verdict: held}
"""
    )
    result = assess(doc)
    assert result.interventions == [None]
    assert support(result, "trust", None) == ("supported", ["m-trust"])
    work = result.outcome("work")
    assert (work.status, work.open) == ("unassessed", ["trust->work"])
    states = {(link.link, link.state) for link in result.links}
    assert states == {("coach->trust", "held"), ("trust->work", "unexplained")}


def test_an_outcome_no_path_reaches_is_unassessed() -> None:
    doc = toc.loads(
        HEAD
        + """\
nodes:
  - {id: coach, stage: activities, label: Coaching}
  - {id: lonely, stage: long, label: Nothing leads here}
links: []
"""
    )
    lonely = assess(doc).outcome("lonely")
    assert (lonely.status, lonely.mechanisms, lonely.open) == ("unassessed", [], [])


def test_feedback_links_and_cycles_do_not_loop() -> None:
    doc = toc.loads(
        HEAD
        + """\
nodes:
  - {id: coach, stage: activities, label: Coaching}
  - {id: a, stage: short, label: A}
  - {id: b, stage: short, label: B}
links:
  - {from: coach, to: a, mechanisms: [m]}
  - {from: a, to: b, mechanisms: [m]}
  - {from: b, to: a, mechanisms: [m]}
  - {from: b, to: coach, feedback: true}
mechanisms: [{id: m, title: M}]
judgements: [{about: m, verdict: held}]
"""
    )
    result = assess(doc)
    assert [(o.node, o.status) for o in result.outcomes] == [("a", "supported"), ("b", "supported")]


def test_rival_that_held_is_listed_on_the_outcome_and_link() -> None:
    doc = toc.loads(
        CHAIN
        + """\
rivals:
  - {id: r-market, statement: The labour market, about: [work, "coach->trust"]}
judgements:
  - {about: m-trust, intervention: south, verdict: held}
  - {about: r-market, intervention: south, verdict: partly_held}
"""
    )
    result = assess(doc)
    assert result.outcome("work", "south").rivals == ["r-market"]
    assert result.outcome("trust", "south").rivals == ["r-market"]
    assert result.outcome("work", "north").rivals == []
    link = next(x for x in result.links if x.link == "coach->trust" and x.intervention == "south")
    assert link.rivals == ["r-market"]
    assert "TOC112" in [f.code for f in result.findings]


# ------------------------------------------------------- result and options


def test_intervention_filter() -> None:
    result = assess(judged({("m-trust", "north"): "held"}), intervention="south")
    assert result.interventions == ["south"]
    assert [len(m.cells) for m in result.mechanisms] == [1, 1]
    assert {o.intervention for o in result.outcomes} == {"south"}
    assert result.mechanisms[1].interventions == []  # m-plan: north only


def test_unknown_intervention_is_an_option_error() -> None:
    with pytest.raises(OptionError, match=r"unknown intervention 'east'.*north, south"):
        assess(chain(), intervention="east")


def test_thresholds_option() -> None:
    doc = chain(
        """\
evidence:
  - {id: e, about: m-trust, kind: observation, test: smoking_gun}
"""
    )
    assert assess(doc).suggestion("m-trust", "north").verdict == "held"
    strict = assess(doc, thresholds=Thresholds(held=0.95, not_held=0.05))
    assert strict.suggestion("m-trust", "north").verdict == "inconclusive"
    assert strict.thresholds.held == 0.95


def test_lookups_name_what_is_missing() -> None:
    result = assess(chain())
    with pytest.raises(KeyError, match="no mechanism or rival 'nope'"):
        result.cell("nope", "north")
    with pytest.raises(KeyError, match="no intervention 'east'"):
        result.cell("m-trust", "east")
    with pytest.raises(KeyError, match="no condition 'c'"):
        result.condition("c", "north")


def test_matrix_rows() -> None:
    doc = chain(
        """\
evidence:
  - {id: e, about: m-trust, kind: observation, test: smoking_gun, intervention: north}
judgements:
  - {about: m-trust, intervention: north, verdict: held, evidence: [e]}
"""
    )
    rows = assess(doc).matrix()
    assert rows[0] == {
        "mechanism": "m-trust",
        "intervention": "north",
        "recorded": "held",
        "suggested": "held",
        "posterior": pytest.approx(0.4 / 0.45),
        "stable": False,
    }
    # m-plan does not apply to south and is not judged there: no row.
    assert [(r["mechanism"], r["intervention"]) for r in rows] == [
        ("m-trust", "north"),
        ("m-trust", "south"),
        ("m-plan", "north"),
    ]


def test_json_round_trip_and_determinism() -> None:
    doc = toc.load(NILS)
    first = assess(doc).model_dump_json()
    assert assess(toc.load(NILS)).model_dump_json() == first
    again = Assessment.model_validate_json(first)
    assert again.model_dump_json() == first
    data = json.loads(first)
    assert data["document"] == "nils-2018"
    assert data["likelihoods"]["hoop"] == [0.95, 0.5]
    assert {"mechanisms", "rivals", "conditions", "links", "outcomes", "findings"} <= set(data)


def test_findings_are_located_and_in_the_documents_language() -> None:
    doc = toc.loads(
        CHAIN.replace("language: en", "language: sv")
        + """\
evidence:
  - {id: e, about: m-trust, kind: observation, test: hoop, observed: false}
judgements:
  - {about: m-trust, intervention: north, verdict: held, evidence: [e]}
""",
        file="demo.yaml",
    )
    (finding,) = [f for f in assess(doc).findings if f.code == "TOC101"]
    assert finding.message == (
        "mekanismen 'm-trust' i Northtown: bedömd som höll, men underlaget pekar på "
        "höll inte (sannolikhet 0,09)"
    )
    assert (finding.file, finding.line, finding.column, finding.path) == (
        "demo.yaml",
        24,
        5,
        ("judgements", 0),
    )
    assert finding.severity == "error"
    assert [f.code for f in assess(doc).findings] == ["TOC101"]


def test_toc_check_reports_the_consistency_findings() -> None:
    doc = toc.loads(
        CHAIN
        + """\
evidence:
  - {id: e, about: m-trust, kind: observation, test: hoop, observed: false}
judgements:
  - {about: m-trust, intervention: north, verdict: held, evidence: [e]}
"""
    )
    found = [(f.code, f.name, f.severity) for f in toc.check(doc) if f.code.startswith("TOC1")]
    assert found == [("TOC101", "verdict-conflict", "error")]
    (message,) = [f.message for f in toc.check(doc, select=["verdict-conflict"])]
    assert message == (
        "mechanism 'm-trust' in Northtown: recorded as held, but the evidence suggests "
        "did not hold (posterior 0.09)"
    )


# ---------------------------------------------------------------- examples


def test_nils_every_mechanism_per_intervention() -> None:
    result = assess(toc.load(NILS))
    assert result.interventions == ["ic", "spira"]
    assert [m.id for m in result.mechanisms] == [
        "m-individual",
        "m-shared",
        "m-chains",
        "m-broad",
        "m-implementation",
    ]
    recorded = {(m.id, c.intervention): c.recorded for m in result.mechanisms for c in m.cells}
    # Chapter 2: Spira got the operational function working, Integrationscoach was
    # still working on it; implementation has partly begun (IC), too early (Spira).
    assert recorded[("m-individual", "spira")] == "held"
    assert recorded[("m-individual", "ic")] == "partly_held"
    assert recorded[("m-implementation", "ic")] == "partly_held"
    assert recorded[("m-implementation", "spira")] == "too_early"
    for m in result.mechanisms:
        for c in m.cells:
            if c.applies:
                assert c.suggestion.basis in ("evidence", "narrative_only", "no_evidence")


def test_nils_bilaga_1_survey_shares() -> None:
    result = assess(toc.load(NILS))
    forum = result.condition("c-forum", "spira")
    (survey,) = forum.surveys
    assert [round(100 * s, 2) for s in survey.shares] == [0.0, 46.15, 53.85]
    assert (survey.answered, survey.dont_know, survey.colour) == (13, 4, "green")
    funding = result.condition("c-funding", "spira")
    assert (funding.suggested, funding.surveys[0].mostly_dont_know) == ("unknown", True)
    plan = result.condition("c-plan", "spira").surveys[0]
    assert [round(100 * s, 2) for s in plan.shares] == [33.33, 66.67, 0.0]
    assert plan.colour == "red"


def test_nils_has_no_conflicts() -> None:
    result = assess(toc.load(NILS))
    assert result.conflicts() == []
    assert result.at_risk() == []


def test_fa_n_malmo_did_not_hold_and_its_conditions_were_absent() -> None:
    result = assess(toc.load(FAN))
    cell = result.cell("m-parallel-implementation", "fa-n")
    assert (cell.recorded, cell.suggestion.verdict) == ("not_held", "not_held")
    assert cell.suggestion.posterior is not None and cell.suggestion.posterior < 0.2
    absent = {c.id for c in result.conditions if c.cells[0].state == "absent"}
    assert {"c-mandate", "c-steering", "c-anchoring", "c-ready-to-implement"} <= absent
    assert {o.node for o in result.at_risk()} == {"mid-sustainable-method", "long-implemented"}
    assert result.conflicts() == []


def test_judgement_codes_take_their_severities_from_the_rules() -> None:
    from mechanisms.issues import ISSUE_SEVERITY
    from toc.codes import CODES, ISSUE_CODES

    judged = {c.name: (c.code, c.severity) for c in CODES if c.code.startswith("TOC1")}
    assert judged == {kind: (ISSUE_CODES[kind], s) for kind, s in ISSUE_SEVERITY.items()}


def test_assessment_has_a_json_schema_for_other_tools() -> None:
    schema = Assessment.model_json_schema()
    assert {"Suggestion", "Robustness", "OutcomeSupport", "SurveyResult"} <= set(schema["$defs"])
    assert schema["properties"]["outcomes"]["items"] == {"$ref": "#/$defs/OutcomeSupport"}


def test_support_colours_and_badge_verdicts() -> None:
    from toc.diagram.options import options_from
    from toc.diagram.view import build_scene

    doc = toc.load(FAN)
    result = assess(doc)
    scene = build_scene(doc, options_from(color_by="support", assessment=result))
    boxes = {box.id: box for box in scene.boxes}
    assert (boxes["long-implemented"].fill, boxes["long-implemented"].outline) == (
        "#D55E00",
        "dashed",
    )
    assert boxes["short-clear-roles"].fill == "#E0E0E0"
    assert boxes["act-mobilise"].fill == "#FFFFFF"  # only outcomes are painted
    assert scene.legend is not None and scene.legend.colour_title == "Stöd för vägarna"
    assert [meaning for _, _, meaning in scene.legend.colours] == ["ej bedömd", "i riskzonen"]
    assert result.badge("m-network") == (BadgeCell(None, "inconclusive", "recorded"),)
    assert result.badge("m-parallel-implementation") == (BadgeCell(None, "not_held", "recorded"),)
    doc = chain(
        """\
evidence:
  - {id: e, about: m-plan, kind: observation, test: doubly_decisive}
judgements:
  - {about: m-trust, intervention: north, verdict: partly_held}
"""
    )
    result = assess(doc)
    # m-plan applies to north only: one cell, suggested by the evidence.
    assert result.badge("m-plan") == (BadgeCell(None, "held", "suggested"),)
    assert result.badge("m-trust") == (
        BadgeCell("north", "partly_held", "recorded"),
        BadgeCell("south", "unassessed", None),
    )
    assert result.badge("m-plan", "north") == (BadgeCell("north", "held", "suggested"),)


def test_badge_rule_prefers_the_judgement_across_interventions() -> None:
    """docs/diagrams.md: for the whole document, a judgement across all interventions wins."""
    doc = chain(
        """\
judgements:
  - {about: m-trust, verdict: held}
  - {about: m-trust, intervention: north, verdict: not_held}
"""
    )
    result = assess(doc)
    assert result.badge("m-trust") == (BadgeCell(None, "held", "recorded", across=True),)
    assert result.badge("m-trust", "north") == (BadgeCell("north", "not_held", "recorded"),)
    assert result.badge("m-trust", "south") == (
        BadgeCell("south", "held", "recorded", across=True),
    )


def test_diagram_coloured_by_verdict_falls_back_to_suggestions() -> None:
    """`color_by="verdict"` draws recorded verdicts, else suggestions marked with `*`."""
    from toc.diagram import to_dot, to_mermaid

    doc = toc.loads(
        """
format: 1
id: demo
title: Demo
nodes:
  - {id: a, stage: activities, label: A}
  - {id: b, stage: short, label: B}
  - {id: c, stage: medium, label: C}
links: [{from: a, to: b}, {from: b, to: c}]
mechanisms:
  - {id: m, title: First, links: ["a->b"]}
  - {id: n, title: Second, links: ["b->c"]}
evidence:
  - {id: e1, about: m, kind: document, test: smoking_gun}
  - {id: e2, about: n, kind: document, test: doubly_decisive}
judgements:
  - {about: m, verdict: partly_held, evidence: [e1]}
"""
    )
    mermaid = to_mermaid(doc, color_by="verdict").splitlines()
    assert '  n1 -->|"M1 ◐"| n2' in mermaid  # recorded: partly held, no star
    assert '  n2 -->|"M2 ✓*"| n3' in mermaid  # suggested from the evidence: held, starred
    dot = to_dot(doc, color_by="verdict")
    assert "föreslagen" not in dot  # an English document
    assert "*: suggested by the evidence, not yet judged" in dot
    # Without any evidence-based suggestion, nothing is starred and the legend says verdicts.
    plain = to_dot(doc, color_by="verdict", verdicts={"m": "held", "n": "held"})
    assert "*" not in to_mermaid(doc, color_by="verdict", verdicts={"m": "held"})
    assert "suggested by the evidence" not in plain
    assert "Current verdict" in plain
