"""The suggestion rules of mechanisms.judge, case by case, with hand-computed numbers."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from mechanisms.bayes import DEFAULT_LIKELIHOODS, Thresholds, posterior, suggest, weigh
from mechanisms.history import history
from mechanisms.issues import Issue, compare_states, compare_verdicts
from mechanisms.judge import Judging, aggregate, judge
from mechanisms.model import (
    Condition,
    Judgement,
    Mechanism,
    NarrativeEvidence,
    Rival,
    SurveyEvidence,
)


def item(item_id: str = "e", about: str = "m", **fields: Any) -> NarrativeEvidence:
    data: dict[str, Any] = {"id": item_id, "about": about, "kind": "interview"}
    data.update(fields)
    return NarrativeEvidence.model_validate(data)


def bayes(prior: float, p_true: float, p_false: float) -> float:
    """One update, written out as the docs write it."""
    return p_true * prior / (p_true * prior + p_false * (1 - prior))


# ---------------------------------------------------------------- defaults


def test_default_likelihoods_are_the_documented_ones() -> None:
    # docs/judgement.md states these; change both together.
    assert {k: tuple(v) for k, v in DEFAULT_LIKELIHOODS.items()} == {
        "straw_in_the_wind": (0.6, 0.4),
        "hoop": (0.95, 0.5),
        "smoking_gun": (0.4, 0.05),
        "doubly_decisive": (0.95, 0.05),
    }


# Each test type passed (observed) and failed (observed: false), from prior 0.5.
TEST_CASES = [
    ("straw_in_the_wind", True, 0.6),
    ("straw_in_the_wind", False, 0.4),
    ("hoop", True, 0.95 / 1.45),  # 0.655: passing a hoop helps little
    ("hoop", False, 0.05 / 0.55),  # 0.091: failing it nearly eliminates
    ("smoking_gun", True, 0.4 / 0.45),  # 0.889: finding it is strong
    ("smoking_gun", False, 0.6 / 1.55),  # 0.387: missing it says little
    ("doubly_decisive", True, 0.95),
    ("doubly_decisive", False, 0.05),
]


@pytest.mark.parametrize(("test", "observed", "expected"), TEST_CASES)
def test_each_test_type_from_an_even_prior(test: str, observed: bool, expected: float) -> None:
    s = suggest([item(test=test, observed=observed)], about="m")
    assert s.posterior == pytest.approx(expected)
    assert s.basis == "evidence"
    assert [u.item for u in s.units] == ["e"]


def test_prior_of_the_mechanism_is_used() -> None:
    s = suggest([item(test="straw_in_the_wind")], about="m", prior=0.7)
    assert s.posterior == pytest.approx(0.7 * 0.6 / (0.7 * 0.6 + 0.3 * 0.4))  # 0.7778
    assert s.prior == 0.7


def test_items_update_one_after_another() -> None:
    items = [
        item("a", test="straw_in_the_wind"),
        item("b", test="hoop"),
        item("c", test="straw_in_the_wind", stance="contradicts"),
    ]
    s = suggest(items, about="m")
    step1 = bayes(0.5, 0.6, 0.4)
    step2 = bayes(step1, 0.95, 0.5)
    step3 = bayes(step2, 0.4, 0.6)
    assert [u.posterior_after for u in s.units] == pytest.approx([step1, step2, step3])
    assert s.posterior == pytest.approx(step3)
    assert s.posterior == pytest.approx(posterior(0.5, [(0.6, 0.4), (0.95, 0.5), (0.4, 0.6)]))


# ----------------------------------------------------------------- weighing


def test_contradicting_item_swaps_the_defaults() -> None:
    w = weigh(item(test="smoking_gun", stance="contradicts"))
    assert (w.p_if_true, w.p_if_false, w.direction, w.basis) == (0.05, 0.4, "against", "test")
    # A smoking gun against the mechanism: as strong as one for it.
    s = suggest([item(test="smoking_gun", stance="contradicts")], about="m")
    assert s.posterior == pytest.approx(0.05 / 0.45)


def test_a_failed_test_is_not_swapped_again() -> None:
    # "Looked for and not found": the stance describes the failure.
    w = weigh(item(test="hoop", stance="contradicts", observed=False))
    assert (w.p_if_true, w.p_if_false) == pytest.approx((0.05, 0.5))
    assert w.stance_mismatch is False


@pytest.mark.parametrize("stance", ["mixed", "neutral"])
def test_mixed_or_neutral_items_with_only_a_test_weigh_neither_way(stance: str) -> None:
    w = weigh(item(test="hoop", stance=stance))
    assert (w.basis, w.p_if_true, w.p_if_false, w.weighed) == ("balanced", None, None, False)
    s = suggest([item(test="hoop", stance=stance)], about="m")
    assert (s.basis, s.posterior, s.verdict, s.narrative) == ("narrative_only", None, None, ["e"])


def test_mixed_item_with_explicit_likelihoods_is_weighed() -> None:
    w = weigh(item(stance="mixed", p_if_true=0.3, p_if_false=0.6))
    assert (w.basis, w.p_if_true, w.p_if_false, w.direction) == ("explicit", 0.3, 0.6, "against")


def test_explicit_likelihoods_override_the_test() -> None:
    w = weigh(item(test="smoking_gun", p_if_true=0.7, p_if_false=0.2))
    assert (w.basis, w.p_if_true, w.p_if_false) == ("explicit", 0.7, 0.2)
    one = weigh(item(test="smoking_gun", p_if_true=0.7))
    assert (one.basis, one.p_if_true, one.p_if_false) == ("test+explicit", 0.7, 0.05)


def test_explicit_likelihoods_are_used_as_given_whatever_the_stance() -> None:
    w = weigh(item(stance="contradicts", p_if_true=0.8, p_if_false=0.2))
    assert (w.p_if_true, w.p_if_false, w.direction, w.stance_mismatch) == (0.8, 0.2, "for", True)


def test_observed_false_uses_one_minus_p() -> None:
    w = weigh(item(p_if_true=0.8, p_if_false=0.3, observed=False))
    assert (w.p_if_true, w.p_if_false) == pytest.approx((0.2, 0.7))
    s = suggest([item(p_if_true=0.8, p_if_false=0.3, observed=False)], about="m")
    assert s.posterior == pytest.approx(bayes(0.5, 0.2, 0.7))


def test_items_without_likelihoods_or_test_are_narrative() -> None:
    items = [item("a", stance="supports"), item("b", test="straw_in_the_wind")]
    s = suggest(items, about="m")
    assert s.narrative == ["a"]
    assert [w.basis for w in s.weights] == ["narrative", "test"]
    assert s.posterior == pytest.approx(0.6)
    only = suggest([item("a", stance="supports")], about="m")
    assert (only.basis, only.posterior, only.verdict, only.robustness) == (
        "narrative_only",
        None,
        None,
        None,
    )
    none = suggest([], about="m")
    assert (none.basis, none.posterior, none.verdict) == ("no_evidence", None, None)


def test_stance_mismatch() -> None:
    assert weigh(item(stance="supports", test="hoop", observed=False)).stance_mismatch
    assert not weigh(item(stance="supports", test="hoop")).stance_mismatch
    assert not weigh(item(stance="mixed", p_if_true=0.9, p_if_false=0.1)).stance_mismatch


# ------------------------------------------------------------------ groups


def test_a_group_counts_once_as_its_most_diagnostic_item() -> None:
    items = [
        item("a", test="straw_in_the_wind", group="g"),
        item("b", test="smoking_gun", group="g"),
        item("c", test="straw_in_the_wind"),
    ]
    s = suggest(items, about="m")
    assert [(u.id, u.item, u.members) for u in s.units] == [
        ("g", "b", ["a", "b"]),
        ("c", "c", ["c"]),
    ]
    # Smoking gun (LR 8) and one straw (LR 1.5), not two straws besides.
    assert s.posterior == pytest.approx(12 / 13)


def test_group_counts_its_strongest_item_on_each_side() -> None:
    items = [
        item("a", test="straw_in_the_wind", group="g"),  # for: 0.6 / 0.4
        item("b", test="hoop", observed=False, group="g"),  # against: 0.05 / 0.5
    ]
    s = suggest(items, about="m")
    assert [u.item for u in s.units] == ["a + b"]
    assert [u.members for u in s.units] == [["a", "b"]]
    # 0.5 · 0.6·0.05 / (0.5 · 0.6·0.05 + 0.5 · 0.4·0.5) = 0.03 / 0.23
    assert s.posterior == pytest.approx(0.03 / 0.23)


def test_group_pointing_one_way_counts_as_its_strongest_item() -> None:
    items = [
        item("a", test="straw_in_the_wind", group="g"),  # LR 1.5
        item("b", test="smoking_gun", group="g"),  # LR 8: the strongest
        item("c", test="hoop", group="g"),  # LR 1.9
    ]
    s = suggest(items, about="m")
    assert [u.item for u in s.units] == ["b"]
    assert s.posterior == pytest.approx(0.4 / 0.45)


def test_counter_evidence_in_a_group_is_not_dropped_whatever_the_order() -> None:
    # Equal strength on both sides: the group weighs nothing either way, in any order.
    forward = [
        item("a", test="straw_in_the_wind", group="g"),
        item("b", test="straw_in_the_wind", stance="contradicts", group="g"),
    ]
    for items in (forward, forward[::-1]):
        s = suggest(items, about="m")
        assert [u.item for u in s.units] == ["a + b"]
        assert s.posterior == pytest.approx(0.5)


def test_groups_count_per_mechanism_and_intervention() -> None:
    items = [
        item("a", test="smoking_gun", group="g", intervention="ic"),
        item("b", test="straw_in_the_wind", group="g", intervention="spira"),
        item("c", about="other", test="smoking_gun", group="g"),
    ]
    assert [u.item for u in suggest(items, about="m", intervention="spira").units] == ["b"]
    assert [u.item for u in suggest(items, about="m", intervention="ic").units] == ["a"]


# ------------------------------------------------------------- thresholds


def test_thresholds_are_inclusive() -> None:
    t = Thresholds()
    assert (t.held, t.not_held) == (0.8, 0.2)
    assert [t.verdict(p) for p in (0.8, 0.7999, 0.5, 0.2001, 0.2)] == [
        "held",
        "inconclusive",
        "inconclusive",
        "inconclusive",
        "not_held",
    ]


def test_thresholds_are_configurable() -> None:
    items = [item(test="smoking_gun")]  # 0.889
    assert suggest(items, about="m").verdict == "held"
    assert suggest(items, about="m", thresholds=Thresholds(held=0.9)).verdict == "inconclusive"


def test_thresholds_must_be_ordered() -> None:
    with pytest.raises(ValidationError, match="must be below"):
        Thresholds(held=0.3, not_held=0.4)


# -------------------------------------------------------------- robustness


def test_prior_shift_and_leave_one_out() -> None:
    items = [item("a", test="smoking_gun"), item("b", test="straw_in_the_wind")]
    s = suggest(items, about="m")
    r = s.robustness
    assert r is not None
    assert (r.prior_low, r.prior_high) == pytest.approx((0.3, 0.7))
    # Odds: 0.3/0.7 × 8 × 1.5 = 5.14 → 0.837; 0.7/0.3 × 12 = 28 → 0.966.
    assert r.posterior_low == pytest.approx(36 / 43)
    assert r.posterior_high == pytest.approx(28 / 29)
    assert (r.verdict_low, r.verdict_high, r.prior_sensitive) == ("held", "held", False)
    # Without the smoking gun 0.6 (inconclusive); without the straw 0.889 (held).
    a, b = s.units
    assert a.posterior_without == pytest.approx(0.6)
    assert (a.verdict_without, a.pivotal) == ("inconclusive", True)
    assert b.posterior_without == pytest.approx(0.4 / 0.45)
    assert (b.verdict_without, b.pivotal) == ("held", False)
    assert (r.pivotal, r.stable) == (["a"], False)


def test_robust_suggestion() -> None:
    s = suggest([item("a", test="doubly_decisive"), item("b", test="smoking_gun")], about="m")
    assert s.robustness is not None
    assert (s.robustness.stable, s.robustness.pivotal, s.verdict) == (True, [], "held")


def test_prior_sensitive_suggestion() -> None:
    s = suggest([item(test="hoop")], about="m")  # 0.655
    r = s.robustness
    assert r is not None
    assert (r.verdict_low, s.verdict, r.verdict_high) == ("inconclusive", "inconclusive", "held")
    assert (r.prior_sensitive, r.stable) == (True, False)


def test_prior_shift_stays_within_zero_and_one() -> None:
    s = suggest([item(test="hoop")], about="m", prior=0.9)
    assert s.robustness is not None
    assert (s.robustness.prior_low, s.robustness.prior_high) == pytest.approx((0.7, 1.0))
    assert s.robustness.posterior_high == 1.0


def test_certain_both_ways_is_undefined() -> None:
    items = [item("a", p_if_true=0.9, p_if_false=0.0), item("b", p_if_true=0.0, p_if_false=0.5)]
    s = suggest(items, about="m")
    assert (s.basis, s.posterior, s.verdict, s.robustness) == ("undefined", None, None, None)
    assert posterior(0.5, [(0.9, 0.0)]) == 1.0
    assert posterior(0.5, [(0.0, 0.5)]) == 0.0


def test_leaving_out_a_certain_item_is_exact() -> None:
    items = [item("a", p_if_true=0.9, p_if_false=0.0), item("b", test="straw_in_the_wind")]
    s = suggest(items, about="m")
    assert s.posterior == 1.0
    assert s.units[0].posterior_without == pytest.approx(0.6)


# ------------------------------------------------------------- aggregation


@pytest.mark.parametrize(
    ("verdicts", "expected"),
    [
        (["held", "held"], "held"),
        (["held", "inconclusive"], "partly_held"),
        (["held", "not_held"], "partly_held"),
        (["partly_held", "not_held"], "partly_held"),
        (["not_held", "not_held"], "not_held"),
        (["not_held", "inconclusive"], "inconclusive"),
        (["too_early", "too_early"], "too_early"),
        ([None, "held"], "held"),
        ([None, None], None),
        ([], None),
    ],
)
def test_aggregate(verdicts: list[Any], expected: str | None) -> None:
    assert aggregate(verdicts) == expected


# ----------------------------------------------------------------- history


def test_history_latest_by_date_is_current() -> None:
    js = [
        Judgement(about="m", verdict="held", date="2018-05"),
        Judgement(about="m", verdict="not_held", date="2019-01"),
        Judgement(about="m", verdict="partly_held"),  # undated: oldest
        Judgement(about="m", verdict="inconclusive", date="2018"),  # before 2018-05
        Judgement(about="other", verdict="held", date="2020"),
    ]
    h = history(js, "m", None)
    assert h.current is not None
    assert (h.current.index, h.current.judgement.verdict, h.scope) == (
        1,
        "not_held",
        "intervention",
    )
    assert [d.index for d in h.earlier] == [0, 3, 2]


def test_history_same_date_later_in_the_document_wins() -> None:
    js = [
        Judgement(about="m", verdict="held", date="2019-01"),
        Judgement(about="m", verdict="not_held", date="2019-01"),
    ]
    h = history(js, "m", None)
    assert h.current is not None and h.current.index == 1


def test_history_per_intervention_and_fallback_to_across() -> None:
    js = [
        Judgement(about="m", verdict="held", intervention="ic"),
        Judgement(about="m", verdict="partly_held"),
    ]
    ic = history(js, "m", "ic")
    spira = history(js, "m", "spira")
    assert ic.current is not None and (ic.current.index, ic.scope) == (0, "intervention")
    assert spira.current is not None and (spira.current.index, spira.scope) == (1, "across")
    none = history(js, "m", "spira", fall_back=False)
    assert (none.current, none.earlier, none.scope) == (None, [], None)


# ----------------------------------------------------------- comparisons


@pytest.mark.parametrize(
    ("recorded", "suggested", "relation"),
    [
        ("held", "not_held", "conflict"),
        ("not_held", "held", "conflict"),
        ("held", "inconclusive", "differs"),
        ("not_held", "inconclusive", "differs"),
        ("inconclusive", "held", "differs"),
        ("inconclusive", "not_held", "differs"),
        ("partly_held", "not_held", "differs"),
        ("held", "partly_held", "differs"),
        ("held", "held", None),
        ("partly_held", "held", None),
        ("partly_held", "inconclusive", None),
        ("too_early", "held", None),
        ("too_early", "not_held", None),
        ("held", None, None),
    ],
)
def test_compare_verdicts(recorded: str, suggested: str | None, relation: str | None) -> None:
    assert compare_verdicts(recorded, suggested) == relation


def test_compare_states() -> None:
    assert compare_states("present", "absent") == "conflict"
    assert compare_states("absent", "present") == "conflict"
    assert compare_states("partly_present", "present") == "differs"
    assert compare_states("unknown", "absent") == "differs"
    assert compare_states("present", "present") is None
    assert compare_states("present", None) is None


# ------------------------------------------------------- consistency issues

M = Mechanism(id="m", title="Trust", conditions=["c"])
C = Condition(id="c", statement="Mandate")
FAILED_HOOP = item("e-fail", test="hoop", observed=False)  # posterior 0.09
STRAW = item("e-straw", test="straw_in_the_wind")  # posterior 0.6


def kinds(result: Judging) -> list[tuple[str, str | None, int | None]]:
    return [(i.kind, i.intervention, i.judgement) for i in result.issues]


def one(result: Judging, kind: str) -> Issue:
    found = [i for i in result.issues if i.kind == kind]
    assert len(found) == 1, kinds(result)
    return found[0]


def test_conflict_is_an_error() -> None:
    result = judge(
        mechanisms=[M],
        evidence=[FAILED_HOOP],
        judgements=[Judgement(about="m", verdict="held", evidence=["e-fail"])],
    )
    issue = one(result, "verdict-conflict")
    assert (issue.severity, issue.recorded, issue.suggested) == ("error", "held", "not_held")
    assert issue.posterior == pytest.approx(0.05 / 0.55)
    assert issue.judgement == 0


def test_differs_is_a_warning() -> None:
    result = judge(
        mechanisms=[M],
        evidence=[STRAW],
        judgements=[Judgement(about="m", verdict="held", evidence=["e-straw"])],
    )
    issue = one(result, "verdict-differs")
    assert (issue.severity, issue.recorded, issue.suggested) == ("warning", "held", "inconclusive")


def test_recorded_verdict_stands_beside_the_suggestion() -> None:
    result = judge(
        mechanisms=[M],
        evidence=[FAILED_HOOP],
        judgements=[Judgement(about="m", verdict="held", evidence=["e-fail"])],
    )
    cell = result.mechanisms[0].cells[0]
    assert (cell.recorded, cell.suggestion.verdict, cell.effective, cell.source) == (
        "held",
        "not_held",
        "held",
        "recorded",
    )


def test_effective_falls_back_to_the_suggestion() -> None:
    result = judge(mechanisms=[M], evidence=[FAILED_HOOP])
    cell = result.mechanisms[0].cells[0]
    assert (cell.recorded, cell.effective, cell.source) == (None, "not_held", "suggested")


def test_cites_evidence_about_something_else() -> None:
    result = judge(
        mechanisms=[M, Mechanism(id="m2", title="Other")],
        evidence=[STRAW, item("e-other", about="m2", test="hoop")],
        judgements=[Judgement(about="m", verdict="inconclusive", evidence=["e-straw", "e-other"])],
    )
    issue = one(result, "cites-other-target")
    assert (issue.evidence, issue.other, issue.severity) == ("e-other", ["m2"], "warning")


def test_cites_evidence_from_another_intervention() -> None:
    result = judge(
        mechanisms=[M],
        evidence=[item("e-ic", intervention="ic"), item("e-spira", intervention="spira")],
        judgements=[
            Judgement(about="m", intervention="ic", verdict="held", evidence=["e-ic", "e-spira"])
        ],
        interventions=["ic", "spira"],
    )
    issue = one(result, "cites-other-intervention")
    assert (issue.evidence, issue.other, issue.intervention) == ("e-spira", ["spira"], "ic")


@pytest.mark.parametrize("how", ["recorded", "survey"])
def test_held_while_a_condition_is_absent(how: str) -> None:
    evidence: list[Any] = [STRAW]
    judgements = [Judgement(about="m", verdict="held", evidence=["e-straw"])]
    if how == "recorded":
        judgements.append(Judgement(about="c", verdict="absent"))
    else:
        evidence.append(
            SurveyEvidence(
                id="e-survey",
                about="c",
                kind="survey",
                question="Mandate?",
                scale=["small", "some", "large"],
                counts=[5, 1, 0],
            )
        )
    result = judge(mechanisms=[M], conditions=[C], evidence=evidence, judgements=judgements)
    issue = one(result, "held-condition-absent")
    assert (issue.other, issue.recorded, issue.judgement) == (["c"], "held", 0)


def test_partly_held_with_an_absent_condition_is_not_flagged() -> None:
    result = judge(
        mechanisms=[M],
        conditions=[C],
        evidence=[STRAW],
        judgements=[
            Judgement(about="m", verdict="partly_held", evidence=["e-straw"]),
            Judgement(about="c", verdict="absent"),
        ],
    )
    assert "held-condition-absent" not in [i.kind for i in result.issues]


def test_verdict_without_evidence() -> None:
    result = judge(
        mechanisms=[M],
        evidence=[item("e-ic", intervention="ic")],
        judgements=[
            Judgement(about="m", intervention="spira", verdict="held"),
            Judgement(about="m", intervention="ic", verdict="held"),
        ],
        interventions=["ic", "spira"],
    )
    issue = one(result, "verdict-without-evidence")
    assert (issue.intervention, issue.judgement, issue.recorded) == ("spira", 0, "held")


def test_judged_for_an_intervention_it_does_not_apply_to() -> None:
    result = judge(
        mechanisms=[M],
        evidence=[item("e-spira", intervention="spira", test="straw_in_the_wind")],
        judgements=[
            Judgement(about="m", intervention="spira", verdict="held", evidence=["e-spira"])
        ],
        interventions=["ic", "spira"],
        applies_to={"m": ["ic"]},
    )
    issue = one(result, "intervention-not-applicable")
    assert (issue.intervention, issue.judgement) == ("spira", 0)
    cell = result.mechanisms[0].cells[1]
    assert (cell.applies, cell.suggestion.basis, cell.suggestion.verdict) == (
        False,
        "not_applicable",
        None,
    )
    assert result.mechanisms[0].interventions == ["ic"]


def condition_doc(recorded: str, counts: list[int]) -> Judging:
    return judge(
        mechanisms=[M],
        conditions=[C],
        evidence=[
            SurveyEvidence(
                id="e-survey",
                about="c",
                kind="survey",
                question="Mandate?",
                scale=["small", "some", "large"],
                counts=counts,
            )
        ],
        judgements=[Judgement(about="c", verdict=recorded, evidence=["e-survey"])],
    )


def test_condition_conflict_and_difference() -> None:
    conflict = one(condition_doc("present", [8, 1, 1]), "condition-conflict")
    assert (conflict.severity, conflict.recorded, conflict.suggested, conflict.other) == (
        "error",
        "present",
        "absent",
        ["e-survey"],
    )
    differs = one(condition_doc("partly_present", [0, 6, 7]), "condition-differs")
    assert (differs.severity, differs.suggested) == ("info", "present")
    agree = condition_doc("present", [0, 6, 7])
    assert agree.issues == []


def test_condition_state_recorded_else_survey() -> None:
    recorded = condition_doc("partly_present", [0, 6, 7]).conditions[0].cells[0]
    assert (recorded.state, recorded.source, recorded.suggested) == (
        "partly_present",
        "recorded",
        "present",
    )
    only_survey = judge(
        mechanisms=[M],
        conditions=[C],
        evidence=[
            SurveyEvidence(
                id="e-survey",
                about="c",
                kind="survey",
                question="Mandate?",
                scale=["small", "some", "large"],
                counts=[0, 6, 7],
            )
        ],
    )
    cell = only_survey.conditions[0].cells[0]
    assert (cell.state, cell.source, cell.recorded) == ("present", "survey", None)


def test_stance_mismatch_issue() -> None:
    result = judge(
        mechanisms=[M], evidence=[item("e-x", stance="supports", test="hoop", observed=False)]
    )
    issue = one(result, "stance-mismatch")
    assert (issue.evidence, issue.recorded, issue.suggested) == ("e-x", "supports", "against")


def test_undefined_posterior_issue() -> None:
    result = judge(
        mechanisms=[M],
        evidence=[
            item("a", p_if_true=0.9, p_if_false=0.0),
            item("b", p_if_true=0.0, p_if_false=0.5),
        ],
    )
    issue = one(result, "undefined-posterior")
    assert (issue.severity, issue.other) == ("error", ["a", "b"])


def test_rival_that_held_is_reported_against_what_it_is_about() -> None:
    rival = Rival(id="r", statement="The labour market", about=["job", "coach->job"])
    result = judge(
        mechanisms=[M],
        rivals=[rival],
        evidence=[item("e-r", about="r", test="smoking_gun")],
    )
    issue = one(result, "rival-held")
    assert (issue.about, issue.other, issue.suggested, issue.recorded) == (
        "r",
        ["job", "coach->job"],
        "held",
        None,
    )
    assert result.rivals[0].cells[0].suggestion.posterior == pytest.approx(0.4 / 0.45)


def test_rival_judged_not_held_is_quiet() -> None:
    rival = Rival(id="r", statement="The labour market", about=["job"])
    result = judge(
        mechanisms=[M],
        rivals=[rival],
        evidence=[item("e-r", about="r", test="hoop", observed=False)],
        judgements=[Judgement(about="r", verdict="not_held", evidence=["e-r"])],
    )
    assert result.issues == []


def test_too_early_is_never_contradicted() -> None:
    result = judge(
        mechanisms=[M],
        evidence=[FAILED_HOOP],
        judgements=[Judgement(about="m", verdict="too_early", evidence=["e-fail"])],
    )
    assert result.issues == []


def test_across_judgement_is_compared_with_the_aggregate_once() -> None:
    result = judge(
        mechanisms=[M],
        evidence=[
            item("e-ic", intervention="ic", test="doubly_decisive"),
            item("e-spira", intervention="spira", test="doubly_decisive", observed=False),
        ],
        judgements=[Judgement(about="m", verdict="held", evidence=["e-ic", "e-spira"])],
        interventions=["ic", "spira"],
    )
    across = result.mechanisms[0].across
    assert (across.recorded, across.recorded_source, across.suggested) == (
        "held",
        "judgement",
        "partly_held",
    )
    # held vs partly held across all: one warning, none per intervention.
    assert kinds(result) == [("verdict-differs", None, 0)]
    cells = result.mechanisms[0].cells
    assert [(c.recorded, c.history.scope) for c in cells] == [
        ("held", "across"),
        ("held", "across"),
    ]


def test_across_recorded_aggregates_the_interventions() -> None:
    result = judge(
        mechanisms=[M],
        evidence=[STRAW],
        judgements=[
            Judgement(about="m", intervention="ic", verdict="held", evidence=["e-straw"]),
            Judgement(about="m", intervention="spira", verdict="not_held", evidence=["e-straw"]),
        ],
        interventions=["ic", "spira"],
    )
    across = result.mechanisms[0].across
    assert (across.recorded, across.recorded_source) == ("partly_held", "aggregate")


def test_issue_order_is_fixed() -> None:
    result = judge(
        mechanisms=[M],
        conditions=[C],
        evidence=[FAILED_HOOP, item("e-x", stance="supports", test="hoop", observed=False)],
        judgements=[
            Judgement(about="m", verdict="held", evidence=["e-fail"]),
            Judgement(about="c", verdict="absent"),
        ],
    )
    assert [i.kind for i in result.issues] == [
        "verdict-conflict",
        "held-condition-absent",
        "verdict-without-evidence",
        "stance-mismatch",
    ]


# --------------------------------------------------------------- properties

probabilities = st.floats(0.01, 0.99, allow_nan=False)
pairs = st.tuples(probabilities, probabilities)


@given(prior=st.floats(0.0, 1.0), likelihoods=st.lists(st.tuples(st.floats(0, 1), st.floats(0, 1))))
def test_posterior_stays_in_zero_one(prior: float, likelihoods: list[tuple[float, float]]) -> None:
    p = posterior(prior, likelihoods)
    assert p is None or 0.0 <= p <= 1.0


@given(prior=probabilities, likelihoods=st.lists(pairs, max_size=12), data=st.data())
def test_order_of_independent_items_does_not_matter(
    prior: float, likelihoods: list[tuple[float, float]], data: st.DataObject
) -> None:
    shuffled = data.draw(st.permutations(likelihoods))
    items = [item(f"e{i}", p_if_true=a, p_if_false=b) for i, (a, b) in enumerate(likelihoods)]
    again = [item(f"e{i}", p_if_true=a, p_if_false=b) for i, (a, b) in enumerate(shuffled)]
    one_way = suggest(items, about="m", prior=prior).posterior
    other_way = suggest(again, about="m", prior=prior).posterior
    if likelihoods:
        assert one_way == pytest.approx(other_way, abs=1e-9)
    assert posterior(prior, likelihoods) == pytest.approx(posterior(prior, shuffled), abs=1e-9)


@given(
    prior=probabilities,
    likelihoods=st.lists(pairs, max_size=10),
    groups=st.lists(st.sampled_from([None, "g1", "g2"]), min_size=10, max_size=10),
    data=st.data(),
)
def test_order_of_items_does_not_matter_with_groups(
    prior: float,
    likelihoods: list[tuple[float, float]],
    groups: list[str | None],
    data: st.DataObject,
) -> None:
    items = [
        item(f"e{i}", p_if_true=a, p_if_false=b, group=groups[i])
        for i, (a, b) in enumerate(likelihoods)
    ]
    shuffled = data.draw(st.permutations(items))
    one_way = suggest(items, about="m", prior=prior).posterior
    other_way = suggest(shuffled, about="m", prior=prior).posterior
    if one_way is None:
        assert other_way is None
    else:
        assert one_way == pytest.approx(other_way, abs=1e-9)


@given(prior=probabilities, likelihoods=st.lists(pairs, max_size=8), extra=pairs)
def test_supporting_observed_item_never_lowers_the_posterior(
    prior: float, likelihoods: list[tuple[float, float]], extra: tuple[float, float]
) -> None:
    high, low = max(extra), min(extra)
    before = posterior(prior, likelihoods)
    after = posterior(prior, [*likelihoods, (high, low)])
    assert before is not None and after is not None
    assert after >= before - 1e-12
    # The same through items and `suggest`:
    items = [item(f"e{i}", p_if_true=a, p_if_false=b) for i, (a, b) in enumerate(likelihoods)]
    plus = [*items, item("new", p_if_true=high, p_if_false=low, observed=True)]
    if items:
        s_before = suggest(items, about="m", prior=prior).posterior
        s_after = suggest(plus, about="m", prior=prior).posterior
        assert s_before is not None and s_after is not None
        assert s_after >= s_before - 1e-12


interventions = st.sampled_from(["ic", "spira", None])
evidence_items = st.lists(
    st.builds(
        lambda intervention, test, stance, observed, group: {
            "intervention": intervention,
            "test": test,
            "stance": stance,
            "observed": observed,
            "group": group,
        },
        interventions,
        st.sampled_from([None, *DEFAULT_LIKELIHOODS]),
        st.sampled_from([None, "supports", "contradicts", "mixed", "neutral"]),
        st.booleans(),
        st.sampled_from([None, "g1", "g2"]),
    ),
    max_size=10,
)


@settings(max_examples=60)
@given(base=evidence_items, added=evidence_items)
def test_evidence_for_one_intervention_never_changes_another(
    base: list[dict[str, Any]], added: list[dict[str, Any]]
) -> None:
    def build(specs: list[dict[str, Any]], prefix: str) -> list[NarrativeEvidence]:
        return [
            item(f"{prefix}{i}", **{k: v for k, v in spec.items() if v is not None})
            for i, spec in enumerate(specs)
        ]

    before = build(base, "a")
    # The added items are all for "ic" only.
    extra = build([{**spec, "intervention": "ic"} for spec in added], "b")
    columns = ["ic", "spira"]
    first = judge(mechanisms=[M], evidence=before, interventions=columns)
    second = judge(mechanisms=[M], evidence=[*before, *extra], interventions=columns)
    assert first.mechanisms[0].cells[1] == second.mechanisms[0].cells[1]
    assert first.mechanisms[0].cells[1].intervention == "spira"
