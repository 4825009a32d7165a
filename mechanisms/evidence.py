"""Evidence summaries and the survey rule.

Pure functions over the evidence models of `mechanisms.model`: which items
count for an intervention, what they add up to (counts by kind and stance,
quotes, sources), and what a survey question says under the survey rule of
the reference evaluation (ASKing 2019, Bilaga 1):

- shares are computed over the answers, "don't know" excluded;
- the item is *green* (supports) when more than half of the answers fall in
  the top step of the scale, or in the top group the item names (``top``);
  otherwise it is *red* (weak);
- the suggested state of the condition it is about: green → ``present``;
  otherwise more than half in the lowest step → ``absent``; otherwise
  ``partly_present``; but more "don't know" than answers → ``unknown``.

>>> from mechanisms.model import SurveyEvidence
>>> item = SurveyEvidence(
...     id="e-forum", about="c-forum", kind="survey", question="Forums exist",
...     scale=["small", "some", "large"], counts=[0, 6, 7], dont_know=4)
>>> result = survey_result(item)
>>> [round(100 * share, 2) for share in result.shares]
[0.0, 46.15, 53.85]
>>> result.colour, result.state, result.answered, result.dont_know
('green', 'present', 13, 4)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from mechanisms.model import EvidenceItem, SurveyEvidence
from mechanisms.types import ConditionState

__all__ = [
    "UNSTATED",
    "EvidenceSummary",
    "Quote",
    "SurveyColour",
    "SurveyResult",
    "applies",
    "by_stance",
    "condition_state",
    "for_intervention",
    "summarize",
    "summary_of",
    "survey_result",
]

SurveyColour = Literal["green", "red"]

UNSTATED = "unstated"
"""The stance key used in summaries for items that give no ``stance``."""


@dataclass(frozen=True, slots=True)
class SurveyResult:
    """One survey question read by the survey rule."""

    item: str
    """Id of the survey evidence item."""
    about: str
    """What the item is about (usually a condition)."""
    intervention: str | None
    """The intervention it was collected in (None: all)."""
    question: str
    """The question as asked."""
    scale: list[str]
    """The answer steps, low to high."""
    counts: list[int]
    """Answers per step."""
    shares: list[float]
    """Share of the answers per step, 0..1, "don't know" excluded (all 0 when nobody answered)."""
    answered: int
    """Answers on the scale (the denominator of the shares)."""
    dont_know: int
    """Answers of "don't know", reported beside the shares."""
    top: list[int]
    """Indexes of the steps in the top group."""
    top_share: float
    """Share of the answers in the top group."""
    lowest_share: float
    """Share of the answers in the lowest step."""
    colour: SurveyColour
    """``green`` when more than half of the answers are in the top group, else ``red``."""
    state: ConditionState
    """The condition state the survey rule suggests."""
    mostly_dont_know: bool
    """More "don't know" than answers: the shares rest on few answers."""


@dataclass(frozen=True, slots=True)
class Quote:
    """A verbatim quote and the item it comes from."""

    item: str
    text: str


@dataclass(frozen=True, slots=True)
class EvidenceSummary:
    """What the evidence about one thing, for one intervention, adds up to."""

    about: str
    """The mechanism, condition, rival, node or link summarised."""
    intervention: str | None
    """The intervention (None: the document as a whole)."""
    count: int
    """Number of items."""
    items: list[str]
    """Item ids, in document order."""
    by_kind: dict[str, int]
    """Items per kind (interview, survey, ...), keys sorted."""
    by_stance: dict[str, int]
    """Items per stance, keys sorted; items without a stance count as ``unstated``."""
    quotes: list[Quote]
    """Every quote, in document order."""
    sources: list[str]
    """Distinct sources, in order of first mention."""
    surveys: list[SurveyResult]
    """The survey items read by the survey rule."""


def applies(item: EvidenceItem, intervention: str | None) -> bool:
    """Whether an item counts for ``intervention``.

    An item without an intervention counts for every intervention; with
    ``intervention=None`` (the document as a whole) every item counts.

    >>> from mechanisms.model import NarrativeEvidence
    >>> item = NarrativeEvidence(id="e", about="m", kind="interview", intervention="ic")
    >>> applies(item, "ic"), applies(item, "spira"), applies(item, None)
    (True, False, True)
    """
    return intervention is None or item.intervention is None or item.intervention == intervention


def for_intervention(
    items: Iterable[EvidenceItem], about: str, intervention: str | None
) -> list[EvidenceItem]:
    """The items about ``about`` that count for ``intervention``, in their order."""
    return [item for item in items if item.about == about and applies(item, intervention)]


def survey_result(item: SurveyEvidence) -> SurveyResult:
    """Read one survey item by the survey rule (see the module docstring)."""
    answered = sum(item.counts)
    shares = [count / answered if answered else 0.0 for count in item.counts]
    top = item.top_steps()
    top_count = sum(item.counts[i] for i in top)
    lowest_count = item.counts[0] if item.counts else 0
    # "More than half" is compared in whole answers, so 7 of 13 is a majority
    # and 6 of 12 is not, with no rounding of shares involved.
    green = answered > 0 and 2 * top_count > answered
    state: ConditionState
    if item.dont_know > answered or answered == 0:
        state = "unknown"
    elif green:
        state = "present"
    elif 2 * lowest_count > answered:
        state = "absent"
    else:
        state = "partly_present"
    return SurveyResult(
        item=item.id,
        about=item.about,
        intervention=item.intervention,
        question=item.question,
        scale=list(item.scale),
        counts=list(item.counts),
        shares=shares,
        answered=answered,
        dont_know=item.dont_know,
        top=top,
        top_share=top_count / answered if answered else 0.0,
        lowest_share=lowest_count / answered if answered else 0.0,
        colour="green" if green else "red",
        state=state,
        mostly_dont_know=item.dont_know > answered,
    )


def condition_state(results: Sequence[SurveyResult]) -> ConditionState | None:
    """The state several survey results suggest for one condition together.

    None without surveys. Results that say ``unknown`` are set aside unless
    all say so; the others give their state when they agree, and
    ``partly_present`` when they do not (some questions find it, some not).

    >>> from mechanisms.model import SurveyEvidence
    >>> def ask(counts):
    ...     return survey_result(SurveyEvidence(id="e", about="c", kind="survey",
    ...         question="q", scale=["low", "mid", "high"], counts=counts))
    >>> condition_state([ask([0, 1, 5]), ask([0, 2, 4])])
    'present'
    >>> condition_state([ask([0, 1, 5]), ask([5, 0, 1])])
    'partly_present'
    >>> condition_state([]) is None
    True
    """
    if not results:
        return None
    known = [r.state for r in results if r.state != "unknown"]
    if not known:
        return "unknown"
    if all(state == known[0] for state in known):
        return known[0]
    return "partly_present"


def by_stance(stances: Iterable[str | None]) -> dict[str, int]:
    """Items per stance, keys sorted; an item without a stance counts as `UNSTATED`.

    The counting of `EvidenceSummary.by_stance`, for callers that hold only
    the stances (of items, or of their `mechanisms.bayes.Weight`).

    >>> by_stance(["supports", None, "contradicts", "supports"])
    {'contradicts': 1, 'supports': 2, 'unstated': 1}
    """
    return dict(sorted(Counter(stance or UNSTATED for stance in stances).items()))


def summarize(
    items: Iterable[EvidenceItem], about: str, intervention: str | None = None
) -> EvidenceSummary:
    """Summarise the evidence about ``about`` that counts for ``intervention``.

    ``items`` may hold evidence about anything; only the items about
    ``about`` that apply to the intervention are summarised.

    >>> from mechanisms.model import NarrativeEvidence
    >>> items = [
    ...     NarrativeEvidence(id="a", about="m", kind="interview", stance="supports",
    ...                       source="Staff", quotes=["It works"]),
    ...     NarrativeEvidence(id="b", about="m", kind="document", intervention="ic",
    ...                       source="Minutes"),
    ...     NarrativeEvidence(id="c", about="m", kind="interview", intervention="spira",
    ...                       stance="contradicts", source="Staff"),
    ... ]
    >>> s = summarize(items, "m", "spira")
    >>> s.items, s.by_kind, s.by_stance, s.sources
    (['a', 'c'], {'interview': 2}, {'contradicts': 1, 'supports': 1}, ['Staff'])
    """
    return summary_of(for_intervention(items, about, intervention), about, intervention)


def summary_of(
    chosen: Sequence[EvidenceItem],
    about: str,
    intervention: str | None,
    surveys: Sequence[SurveyResult] | None = None,
) -> EvidenceSummary:
    """`summarize` for items already chosen (and, optionally, surveys already read)."""
    quotes: list[Quote] = []
    sources: list[str] = []
    seen_sources: set[str] = set()
    read: list[SurveyResult] = []
    for item in chosen:
        if item.quotes:
            quotes.extend(Quote(item=item.id, text=q) for q in item.quotes)
        source = item.source
        if source and source not in seen_sources:
            seen_sources.add(source)
            sources.append(source)
        if surveys is None and isinstance(item, SurveyEvidence):
            read.append(survey_result(item))
    by_kind = Counter(str(getattr(item, "kind", "other")) for item in chosen)
    return EvidenceSummary(
        about=about,
        intervention=intervention,
        count=len(chosen),
        items=[item.id for item in chosen],
        by_kind=dict(sorted(by_kind.items())),
        by_stance=by_stance(item.stance for item in chosen),
        quotes=quotes,
        sources=sources,
        surveys=list(surveys) if surveys is not None else read,
    )
