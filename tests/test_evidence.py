"""Evidence summaries and the survey rule (mechanisms.evidence)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mechanisms.evidence import (
    applies,
    condition_state,
    for_intervention,
    summarize,
    survey_result,
)
from mechanisms.model import NarrativeEvidence, SurveyEvidence

THREE = ["liten/mycket liten", "viss", "stor/mycket stor"]


def survey(
    counts: list[int],
    dont_know: int = 0,
    scale: list[str] | None = None,
    top: list[str] | None = None,
    intervention: str | None = None,
    item_id: str = "e-survey",
    about: str = "c-forum",
) -> SurveyEvidence:
    return SurveyEvidence(
        id=item_id,
        about=about,
        kind="survey",
        question="Finns det de samverkansforum som behövs?",
        scale=scale or THREE[: len(counts)],
        counts=counts,
        dont_know=dont_know,
        top=top,
        intervention=intervention,
    )


def percent(shares: list[float]) -> list[float]:
    return [round(100 * share, 2) for share in shares]


# ------------------------------------------------------------ survey rule

# The rows of Bilaga 1 in seed 002 (and section 2.5.1): counts per step,
# "vet ej", the percentages the report prints, its colour, and the state.
BILAGA_1 = [
    # forum: the one row the seed's table shows in full
    ([0, 6, 7], 4, [0.0, 46.15, 53.85], "green", "present"),
    # demand: 13 of 15 in the top group (the text gives only the top group)
    ([2, 13], 2, [13.33, 86.67], "green", "present"),
    # strategy: 10 of 12
    ([2, 10], 5, [16.67, 83.33], "green", "present"),
    # priority: 9 of 12
    ([3, 9], 5, [25.0, 75.0], "green", "present"),
    # funding: 3 of 6 some, 2 of 6 large; 11 "vet ej", more than the answers
    ([1, 3, 2], 11, [16.67, 50.0, 33.33], "red", "unknown"),
    # plan: 6 of 9 some, none large, 8 "vet ej"
    ([3, 6, 0], 8, [33.33, 66.67, 0.0], "red", "partly_present"),
]


@pytest.mark.parametrize(("counts", "dont_know", "shares", "colour", "state"), BILAGA_1)
def test_bilaga_1_rows(
    counts: list[int], dont_know: int, shares: list[float], colour: str, state: str
) -> None:
    result = survey_result(survey(counts, dont_know))
    assert percent(result.shares) == shares
    assert result.answered == sum(counts)
    assert result.dont_know == dont_know
    assert (result.colour, result.state) == (colour, state)


def test_forum_row_in_detail() -> None:
    result = survey_result(survey([0, 6, 7], 4))
    assert result.shares == [0.0, 6 / 13, 7 / 13]
    assert result.top == [2]
    assert result.top_share == 7 / 13
    assert result.lowest_share == 0.0
    assert result.mostly_dont_know is False
    assert (result.item, result.about, result.question) == (
        "e-survey",
        "c-forum",
        "Finns det de samverkansforum som behövs?",
    )


@pytest.mark.parametrize(
    ("counts", "colour", "state"),
    [
        ([5, 1, 1], "red", "absent"),  # more than half in the lowest step
        ([2, 1, 1], "red", "partly_present"),  # exactly half lowest is not more than half
        ([1, 1, 2], "red", "partly_present"),  # exactly half on top is not a majority
        ([0, 0, 1], "green", "present"),
        ([3, 3, 3], "red", "partly_present"),
    ],
)
def test_more_than_half(counts: list[int], colour: str, state: str) -> None:
    result = survey_result(survey(counts))
    assert (result.colour, result.state) == (colour, state)


def test_top_group_named_by_the_item() -> None:
    scale = ["mycket liten", "liten", "viss", "stor", "mycket stor"]
    result = survey_result(survey([1, 1, 1, 2, 2], scale=scale, top=["stor", "mycket stor"]))
    assert result.top == [3, 4]
    assert result.top_share == 4 / 7
    assert (result.colour, result.state) == ("green", "present")
    # Without the group only "mycket stor" counts: 2 of 7.
    alone = survey_result(survey([1, 1, 1, 2, 2], scale=scale))
    assert (alone.colour, alone.state) == ("red", "partly_present")


def test_dont_know_equal_to_answers_is_not_unknown() -> None:
    result = survey_result(survey([0, 2, 4], dont_know=6))
    assert (result.state, result.mostly_dont_know) == ("present", False)
    more = survey_result(survey([0, 2, 4], dont_know=7))
    assert (more.state, more.mostly_dont_know, more.colour) == ("unknown", True, "green")


def test_nobody_answered() -> None:
    result = survey_result(survey([0, 0, 0], dont_know=0))
    assert result.shares == [0.0, 0.0, 0.0]
    assert (result.answered, result.colour, result.state) == (0, "red", "unknown")


@given(
    counts=st.lists(st.integers(0, 500), min_size=2, max_size=7),
    dont_know=st.integers(0, 1000),
)
def test_shares_cover_the_answered_and_never_dont_know(counts: list[int], dont_know: int) -> None:
    scale = [f"step {i}" for i in range(len(counts))]
    result = survey_result(survey(counts, dont_know, scale=scale))
    again = survey_result(survey(counts, 0, scale=scale))
    # "Don't know" never enters the shares: they are the same without it.
    assert result.shares == again.shares
    assert result.answered == sum(counts)
    assert all(0.0 <= share <= 1.0 for share in result.shares)
    if result.answered:
        assert sum(result.shares) == pytest.approx(1.0)
        assert [round(s * result.answered) for s in result.shares] == counts
    assert (result.state == "unknown") == (dont_know > sum(counts) or sum(counts) == 0)
    assert (result.colour == "green") == (2 * counts[-1] > sum(counts))


# -------------------------------------------------------- condition state


def test_condition_state_from_several_surveys() -> None:
    present = survey_result(survey([0, 1, 5]))
    absent = survey_result(survey([5, 0, 1]))
    unknown = survey_result(survey([0, 1, 1], dont_know=9))
    assert condition_state([]) is None
    assert condition_state([present, present]) == "present"
    assert condition_state([present, absent]) == "partly_present"
    assert condition_state([present, unknown]) == "present"
    assert condition_state([unknown, unknown]) == "unknown"


# -------------------------------------------------------------- summaries


def narrative(item_id: str, **fields: object) -> NarrativeEvidence:
    base: dict[str, object] = {"id": item_id, "about": "m", "kind": "interview"}
    base.update(fields)
    return NarrativeEvidence.model_validate(base)


ITEMS = [
    narrative("a", stance="supports", source="Personal i Spira", quotes=["Motorn", "Spindel"]),
    narrative("b", kind="document", intervention="ic", source="Protokoll"),
    narrative("c", intervention="spira", stance="contradicts", source="Personal i Spira"),
    narrative("d", about="other", source="Annat"),
    survey([0, 6, 7], 4, item_id="e", about="m", intervention="spira"),
]


def test_applies() -> None:
    assert applies(ITEMS[0], "ic") and applies(ITEMS[0], "spira") and applies(ITEMS[0], None)
    assert applies(ITEMS[1], "ic") and not applies(ITEMS[1], "spira")
    assert applies(ITEMS[1], None)


def test_for_intervention_keeps_document_order_and_target() -> None:
    assert [i.id for i in for_intervention(ITEMS, "m", "spira")] == ["a", "c", "e"]
    assert [i.id for i in for_intervention(ITEMS, "m", "ic")] == ["a", "b"]
    assert [i.id for i in for_intervention(ITEMS, "m", None)] == ["a", "b", "c", "e"]


def test_summary_for_one_intervention() -> None:
    s = summarize(ITEMS, "m", "spira")
    assert (s.about, s.intervention, s.count) == ("m", "spira", 3)
    assert s.items == ["a", "c", "e"]
    assert s.by_kind == {"interview": 2, "survey": 1}
    assert s.by_stance == {"contradicts": 1, "supports": 1, "unstated": 1}
    assert [(q.item, q.text) for q in s.quotes] == [("a", "Motorn"), ("a", "Spindel")]
    assert s.sources == ["Personal i Spira"]
    assert [r.item for r in s.surveys] == ["e"]
    assert percent(s.surveys[0].shares) == [0.0, 46.15, 53.85]


def test_summary_of_nothing() -> None:
    s = summarize(ITEMS, "nothing", "ic")
    assert (s.count, s.items, s.by_kind, s.by_stance, s.quotes, s.sources, s.surveys) == (
        0,
        [],
        {},
        {},
        [],
        [],
        [],
    )


def test_an_item_without_intervention_counts_for_every_intervention() -> None:
    for column in ("ic", "spira", "other"):
        assert "a" in summarize(ITEMS, "m", column).items
