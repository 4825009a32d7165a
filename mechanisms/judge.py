"""Suggestion rules: from evidence to a suggested verdict, and where it disagrees.

Everything here is a pure function over the models of `mechanisms.model`; the
rules are documented with formulas and a worked example in
``docs/judgement.md``. In short:

- Each evidence item with likelihoods (explicit ``p_if_true``/``p_if_false``,
  or the defaults of its process-tracing ``test``) weighs for or against what
  it is about; items with neither are narrative only.
- Items of one ``group`` are not independent: the group counts once, as its
  most diagnostic item (the likelihood ratio farthest from 1).
- Starting from the ``prior`` (default 0.5), Bayes' rule is applied unit by
  unit: ``P(H|E) = P(E|H)·P(H) / (P(E|H)·P(H) + P(E|¬H)·(1−P(H)))``.
- `Thresholds` turn the posterior into ``held`` / ``inconclusive`` /
  ``not_held``; across interventions, `aggregate` combines them.
- Robustness: the posterior with the prior moved ±0.2, and leave-one-out
  (which unit, removed, changes the suggestion).
- Consistency: where the evaluator's recorded verdict and the evidence
  disagree, an `Issue` says so; the recorded verdict always stands.

>>> from mechanisms.model import NarrativeEvidence
>>> items = [
...     NarrativeEvidence(id="e1", about="m", kind="interview", test="smoking_gun"),
...     NarrativeEvidence(id="e2", about="m", kind="document", test="straw_in_the_wind"),
... ]
>>> s = suggest(items, about="m")
>>> round(s.posterior, 3), s.verdict
(0.923, 'held')
>>> s.robustness.pivotal
['e1']
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, model_validator

from mechanisms.evidence import (
    EvidenceSummary,
    SurveyResult,
    condition_state,
    for_intervention,
    summary_of,
    survey_result,
)
from mechanisms.model import (
    Condition,
    EvidenceItem,
    Judgement,
    Mechanism,
    Rival,
    SurveyEvidence,
)
from mechanisms.types import (
    ConditionState,
    MechanismVerdict,
    Probability,
    Stance,
    TestType,
)

__all__ = [
    "DEFAULT_LIKELIHOODS",
    "DEFAULT_PRIOR",
    "ISSUE_SEVERITY",
    "PRIOR_SHIFT",
    "Across",
    "ConditionCell",
    "ConditionResult",
    "Dated",
    "History",
    "Issue",
    "IssueKind",
    "Judging",
    "Likelihoods",
    "MechanismCell",
    "MechanismResult",
    "Robustness",
    "Severity",
    "SuggestedVerdict",
    "Suggestion",
    "Thresholds",
    "Unit",
    "Weight",
    "aggregate",
    "compare_states",
    "compare_verdicts",
    "history",
    "judge",
    "posterior",
    "suggest",
    "suggest_from",
    "weigh",
]

SuggestedVerdict = Literal["held", "inconclusive", "not_held"]
"""What the evidence of one intervention can suggest on its own."""

Severity = Literal["error", "warning", "info"]

DEFAULT_PRIOR = 0.5
"""The prior when a mechanism or rival gives none: as likely to hold as not."""

PRIOR_SHIFT = 0.2
"""How far robustness moves the prior each way."""


class Likelihoods(NamedTuple):
    """P(evidence | it holds) and P(evidence | it does not hold)."""

    p_if_true: float
    p_if_false: float


DEFAULT_LIKELIHOODS: Mapping[str, Likelihoods] = {
    # Neither necessary nor sufficient: nudges a little either way (LR 1.5).
    "straw_in_the_wind": Likelihoods(0.6, 0.4),
    # Necessary: almost certain if it holds, common anyway. Passing helps
    # little (LR 1.9); failing is close to elimination (LR 0.1).
    "hoop": Likelihoods(0.95, 0.5),
    # Sufficient: rare unless it holds. Finding it is strong (LR 8);
    # missing it says little (LR 0.63).
    "smoking_gun": Likelihoods(0.4, 0.05),
    # Both: strong found (LR 19) and strong missing (LR 0.053).
    "doubly_decisive": Likelihoods(0.95, 0.05),
}
"""Default likelihoods per process-tracing test type (see docs/judgement.md)."""


# Results are frozen dataclasses, not pydantic models: they are built from
# validated input by this module only, and a large assessment builds ~100,000
# of them (pydantic construction cost 5x the arithmetic itself; see
# benchmarks/bench_assess.py). Pydantic still serialises them inside
# `toc.assess.Assessment`. Thresholds are user input and stay validated.
class _Result(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class Thresholds(_Result):
    """Where a posterior becomes a suggested verdict.

    ``held`` when the posterior is at least ``held``; ``not_held`` when it is
    at most ``not_held``; ``inconclusive`` between.

    >>> t = Thresholds()
    >>> t.verdict(0.8), t.verdict(0.5), t.verdict(0.2)
    ('held', 'inconclusive', 'not_held')
    >>> Thresholds(held=0.9, not_held=0.1).verdict(0.85)
    'inconclusive'
    """

    held: Probability = 0.8
    """Lowest posterior suggested as held."""
    not_held: Probability = 0.2
    """Highest posterior suggested as not held."""

    @model_validator(mode="after")
    def _ordered(self) -> Thresholds:
        if not self.not_held < self.held:
            raise ValueError(
                f"the not-held threshold ({self.not_held}) must be below "
                f"the held threshold ({self.held})"
            )
        return self

    def verdict(self, posterior: float) -> SuggestedVerdict:
        """The suggested verdict for a posterior."""
        if posterior >= self.held:
            return "held"
        if posterior <= self.not_held:
            return "not_held"
        return "inconclusive"


# ----------------------------------------------------------------- weighing

WeightBasis = Literal["explicit", "test", "test+explicit", "balanced", "narrative"]
Direction = Literal["for", "against", "none"]


@dataclass(frozen=True, slots=True)
class Weight:
    """How one evidence item weighs on what it is about."""

    item: str
    """The evidence item's id."""
    group: str | None
    """Its group, if any."""
    stance: Stance | None
    """The stance the item gives."""
    test: TestType | None
    """Its test type, if any."""
    observed: bool
    """False: the evidence was looked for and not found."""
    basis: WeightBasis
    """Where the likelihoods come from: ``explicit``, ``test``, ``test+explicit``;
    ``balanced`` (a mixed or neutral item with only a test type: it weighs
    neither way) or ``narrative`` (no likelihoods and no test type)."""
    p_if_true: float | None
    """The likelihood used if it holds (after stance and ``observed``); None if not weighed."""
    p_if_false: float | None
    """The likelihood used if it does not hold; None if not weighed."""
    direction: Direction
    """``for`` when p_if_true > p_if_false, ``against`` when lower, else ``none``."""
    stance_mismatch: bool
    """The stance says the opposite of the direction the likelihoods weigh."""

    @property
    def weighed(self) -> bool:
        """Whether the item has likelihoods that enter the posterior."""
        return self.p_if_true is not None


def weigh(item: EvidenceItem, defaults: Mapping[str, Likelihoods] = DEFAULT_LIKELIHOODS) -> Weight:
    """The likelihoods one item contributes, and why.

    The rules (docs/judgement.md, "Likelihoods of an item"):

    1. Start from the defaults of the ``test`` type. When the item was
       observed and its stance is ``contradicts``, the item is that kind of
       test *against* the mechanism: the two defaults swap.
    2. Explicit ``p_if_true`` / ``p_if_false`` replace the defaults.
    3. ``observed: false`` (looked for, not found) uses ``1 − p`` for both.
    4. A ``mixed`` or ``neutral`` item with only a test type weighs neither
       way; an item with neither likelihoods nor a test type is narrative.

    >>> from mechanisms.model import NarrativeEvidence
    >>> def w(**kw):
    ...     return weigh(NarrativeEvidence(id="e", about="m", kind="document", **kw))
    >>> x = w(test="hoop")
    >>> x.p_if_true, x.p_if_false, x.direction
    (0.95, 0.5, 'for')
    >>> x = w(test="hoop", observed=False)
    >>> round(x.p_if_true, 2), round(x.p_if_false, 2), x.direction
    (0.05, 0.5, 'against')
    >>> x = w(test="smoking_gun", stance="contradicts")
    >>> (x.p_if_true, x.p_if_false, x.direction)
    (0.05, 0.4, 'against')
    >>> w(stance="supports").basis
    'narrative'
    """
    explicit_true, explicit_false = item.p_if_true, item.p_if_false
    test = item.test
    basis: WeightBasis
    if test is None and explicit_true is None:
        return _unweighed(item, "narrative")
    if test is not None and explicit_true is None and explicit_false is None:
        if item.observed and item.stance in ("mixed", "neutral"):
            return _unweighed(item, "balanced")
        basis = "test"
    elif test is None or (explicit_true is not None and explicit_false is not None):
        basis = "explicit"
    else:
        basis = "test+explicit"
    if test is not None:
        base = defaults[test]
        p_true, p_false = base.p_if_true, base.p_if_false
        if item.observed and item.stance == "contradicts":
            p_true, p_false = p_false, p_true
    else:
        p_true = p_false = 0.5  # replaced below: both are explicit here
    if explicit_true is not None:
        p_true = explicit_true
    if explicit_false is not None:
        p_false = explicit_false
    if not item.observed:
        p_true, p_false = 1.0 - p_true, 1.0 - p_false
    direction: Direction = "for" if p_true > p_false else "against" if p_true < p_false else "none"
    mismatch = (item.stance == "supports" and direction == "against") or (
        item.stance == "contradicts" and direction == "for"
    )
    return Weight(
        item=item.id,
        group=item.group,
        stance=item.stance,
        test=test,
        observed=item.observed,
        basis=basis,
        p_if_true=p_true,
        p_if_false=p_false,
        direction=direction,
        stance_mismatch=mismatch,
    )


def _unweighed(item: EvidenceItem, basis: WeightBasis) -> Weight:
    return Weight(
        item=item.id,
        group=item.group,
        stance=item.stance,
        test=item.test,
        observed=item.observed,
        basis=basis,
        p_if_true=None,
        p_if_false=None,
        direction="none",
        stance_mismatch=False,
    )


# ---------------------------------------------------------------- posterior


def _log(x: float) -> float:
    return math.log(x) if x > 0.0 else -math.inf


def _from_logs(log_true: float, log_false: float) -> float | None:
    """P(H|E) from log(P(H)·ΠP(E|H)) and log((1−P(H))·ΠP(E|¬H)); None if 0/0."""
    if log_true == -math.inf and log_false == -math.inf:
        return None
    if log_true == -math.inf:
        return 0.0
    if log_false == -math.inf:
        return 1.0
    diff = log_false - log_true
    if diff > 700.0:
        return 0.0
    if diff < -700.0:
        return 1.0
    return 1.0 / (1.0 + math.exp(diff))


def posterior(prior: float, likelihoods: Iterable[tuple[float, float]]) -> float | None:
    """The posterior after updating ``prior`` on each ``(p_if_true, p_if_false)``.

    Applying Bayes' rule item by item gives the same as multiplying the
    likelihoods first; the product is computed in logarithms, so the result
    does not depend on the order of the items and does not underflow with
    many of them. None when the evidence is impossible either way (a zero
    likelihood on both sides, or a certain prior contradicted with
    certainty): the update is 0/0.

    >>> round(posterior(0.5, [(0.6, 0.4)]), 4)
    0.6
    >>> round(posterior(0.5, [(0.6, 0.4), (0.4, 0.05)]), 4)
    0.9231
    >>> posterior(0.5, [(1.0, 0.0), (0.0, 1.0)]) is None
    True
    """
    return _LogSum.of((_log(a), _log(b)) for a, b in likelihoods).posterior(prior)


# ------------------------------------------------------------------ suggest


@dataclass(frozen=True, slots=True)
class Unit:
    """One independent piece of evidence as it enters the posterior.

    A single item, or a group counted once through its most diagnostic item.
    """

    id: str
    """The group id, or the item id for an item without a group."""
    item: str
    """The item whose likelihoods are used."""
    members: list[str]
    """Every weighed item of the group (just ``item`` without a group)."""
    p_if_true: float
    """Likelihood if it holds."""
    p_if_false: float
    """Likelihood if it does not hold."""
    posterior_after: float | None
    """Running posterior after this unit, units in document order."""
    posterior_without: float | None
    """The posterior with this unit left out (leave-one-out)."""
    verdict_without: SuggestedVerdict | None
    """The suggested verdict with this unit left out."""
    pivotal: bool
    """Leaving this unit out changes the suggested verdict."""


@dataclass(frozen=True, slots=True)
class Robustness:
    """How far a suggestion depends on the prior and on single pieces of evidence."""

    prior_low: float
    """The prior moved down by 0.2 (not below 0)."""
    posterior_low: float | None
    """The posterior from ``prior_low``."""
    verdict_low: SuggestedVerdict | None
    """The suggestion from ``prior_low``."""
    prior_high: float
    """The prior moved up by 0.2 (not above 1)."""
    posterior_high: float | None
    """The posterior from ``prior_high``."""
    verdict_high: SuggestedVerdict | None
    """The suggestion from ``prior_high``."""
    prior_sensitive: bool
    """Moving the prior ±0.2 changes the suggestion."""
    pivotal: list[str]
    """Units (item or group ids) whose removal alone changes the suggestion."""
    stable: bool
    """Neither the prior shift nor leaving out any single unit changes the suggestion."""


SuggestionBasis = Literal[
    "evidence", "narrative_only", "no_evidence", "undefined", "not_applicable"
]


@dataclass(frozen=True, slots=True)
class Suggestion:
    """What the evidence about one mechanism or rival, in one intervention, suggests."""

    about: str
    """The mechanism or rival."""
    intervention: str | None
    """The intervention (None: the document as a whole)."""
    prior: float
    """The prior used."""
    posterior: float | None
    """P(it holds | the evidence); None without weighed evidence or when undefined."""
    verdict: SuggestedVerdict | None
    """The suggested verdict; None when there is nothing to suggest from."""
    basis: SuggestionBasis
    """``evidence``; ``narrative_only`` (items, but none weighed); ``no_evidence``;
    ``undefined`` (the evidence is certain both ways: 0/0); ``not_applicable``
    (the mechanism does not apply to the intervention: nothing is suggested)."""
    weights: list[Weight]
    """How each item counting for this intervention weighs, in document order."""
    units: list[Unit]
    """The independent units that entered the posterior, in document order."""
    robustness: Robustness | None
    """Robustness of the suggestion; None without a posterior."""

    @property
    def narrative(self) -> list[str]:
        """Ids of the items that count only as narrative (or weigh neither way)."""
        return [w.item for w in self.weights if not w.weighed]


def _strength(p_true: float, p_false: float) -> float:
    """|log likelihood ratio|: how far an item moves the odds, either way."""
    if p_true == p_false:
        return 0.0
    if p_true == 0.0 or p_false == 0.0:
        return math.inf
    return abs(math.log(p_true) - math.log(p_false))


def _strongest(group: Sequence[Weight]) -> Weight | None:
    # Largest |log LR|; a tie goes to the smaller item id, so that the
    # document's order of the items never matters.
    best: Weight | None = None
    best_key: tuple[float, str] | None = None
    for weight in group:
        key = (-_strength(weight.p_if_true or 0.0, weight.p_if_false or 0.0), weight.item)
        if best_key is None or key < best_key:
            best, best_key = weight, key
    return best


def _units(weights: Sequence[Weight]) -> list[tuple[str, Weight, list[str]]]:
    """Group weighed items: each group counts once in each direction.

    A group's unit is its most diagnostic item for the mechanism together with
    its most diagnostic item against it (largest |log LR| on each side; their
    likelihoods multiply). A group whose items all point one way counts as its
    strongest item. Counter-evidence inside a group is never dropped, and the
    order of the items does not matter. A unit sits at the position of its
    first member.
    """
    order: list[str] = []
    members: dict[str, list[Weight]] = {}
    for weight in weights:
        if not weight.weighed:
            continue
        key = f"group:{weight.group}" if weight.group else f"item:{weight.item}"
        if key not in members:
            order.append(key)
            members[key] = []
        members[key].append(weight)
    units = []
    for key in order:
        group = members[key]
        if len(group) == 1:
            only = group[0]
            units.append((only.group or only.item, only, [only.item]))
            continue
        strongest_for = _strongest([w for w in group if w.direction == "for"])
        strongest_against = _strongest([w for w in group if w.direction == "against"])
        chosen = [w for w in (strongest_for, strongest_against) if w is not None]
        if not chosen:
            chosen = [_strongest(group) or group[0]]
        unit = chosen[0]
        if len(chosen) == 2:
            a, b = chosen
            unit = replace(
                a,
                item=f"{a.item} + {b.item}",
                p_if_true=(a.p_if_true or 0.0) * (b.p_if_true or 0.0),
                p_if_false=(a.p_if_false or 0.0) * (b.p_if_false or 0.0),
            )
        unit_id = unit.group if unit.group else unit.item
        units.append((unit_id, unit, [w.item for w in group]))
    return units


def suggest(
    items: Iterable[EvidenceItem],
    *,
    about: str,
    intervention: str | None = None,
    prior: float | None = None,
    thresholds: Thresholds | None = None,
    defaults: Mapping[str, Likelihoods] = DEFAULT_LIKELIHOODS,
) -> Suggestion:
    """The suggested verdict on ``about`` from the evidence for ``intervention``.

    ``items`` may hold any evidence: only the items about ``about`` that
    count for the intervention are used (an item without an intervention
    counts for all). ``prior`` defaults to 0.5.

    >>> from mechanisms.model import NarrativeEvidence
    >>> items = [
    ...     NarrativeEvidence(id="a", about="m", kind="interview", test="hoop",
    ...                       intervention="ic", observed=False),
    ...     NarrativeEvidence(id="b", about="m", kind="interview", test="smoking_gun",
    ...                       intervention="spira"),
    ... ]
    >>> suggest(items, about="m", intervention="ic").verdict
    'not_held'
    >>> suggest(items, about="m", intervention="spira").verdict
    'held'
    """
    chosen = for_intervention(items, about, intervention)
    weights = [weigh(item, defaults) for item in chosen]
    return suggest_from(
        weights, about=about, intervention=intervention, prior=prior, thresholds=thresholds
    )


def suggest_from(
    weights: Sequence[Weight],
    *,
    about: str,
    intervention: str | None = None,
    prior: float | None = None,
    thresholds: Thresholds | None = None,
) -> Suggestion:
    """`suggest` for items already weighed (`weigh`), in document order."""
    limits = thresholds or Thresholds()
    start = DEFAULT_PRIOR if prior is None else prior
    grouped = _units(weights)
    if not grouped:
        return Suggestion(
            about=about,
            intervention=intervention,
            prior=start,
            posterior=None,
            verdict=None,
            basis="narrative_only" if weights else "no_evidence",
            weights=list(weights),
            units=[],
            robustness=None,
        )
    logs = [(_log(w.p_if_true or 0.0), _log(w.p_if_false or 0.0)) for _, w, _ in grouped]
    total = _LogSum.of(logs)
    final = total.posterior(start)
    if final is None:
        return Suggestion(
            about=about,
            intervention=intervention,
            prior=start,
            posterior=None,
            verdict=None,
            basis="undefined",
            weights=list(weights),
            units=[_unit(uid, w, m, None, None, None, False) for (uid, w, m) in grouped],
            robustness=None,
        )
    verdict = limits.verdict(final)
    units: list[Unit] = []
    running = _LogSum()
    pivotal: list[str] = []
    for (uid, weight, members), pair in zip(grouped, logs, strict=True):
        running.add(pair, 1)
        without = total.without(pair).posterior(start)
        verdict_without = limits.verdict(without) if without is not None else None
        is_pivotal = verdict_without != verdict
        if is_pivotal:
            pivotal.append(uid)
        units.append(
            _unit(
                uid,
                weight,
                members,
                running.posterior(start),
                without,
                verdict_without,
                is_pivotal,
            )
        )
    low_prior = max(0.0, start - PRIOR_SHIFT)
    high_prior = min(1.0, start + PRIOR_SHIFT)
    low = total.posterior(low_prior)
    high = total.posterior(high_prior)
    verdict_low = limits.verdict(low) if low is not None else None
    verdict_high = limits.verdict(high) if high is not None else None
    sensitive = verdict_low != verdict or verdict_high != verdict
    robustness = Robustness(
        prior_low=low_prior,
        posterior_low=low,
        verdict_low=verdict_low,
        prior_high=high_prior,
        posterior_high=high,
        verdict_high=verdict_high,
        prior_sensitive=sensitive,
        pivotal=pivotal,
        stable=not sensitive and not pivotal,
    )
    return Suggestion(
        about=about,
        intervention=intervention,
        prior=start,
        posterior=final,
        verdict=verdict,
        basis="evidence",
        weights=list(weights),
        units=units,
        robustness=robustness,
    )


def _unit(
    uid: str,
    weight: Weight,
    members: list[str],
    after: float | None,
    without: float | None,
    verdict_without: SuggestedVerdict | None,
    pivotal: bool,
) -> Unit:
    return Unit(
        id=uid,
        item=weight.item,
        members=members,
        p_if_true=weight.p_if_true or 0.0,
        p_if_false=weight.p_if_false or 0.0,
        posterior_after=after,
        posterior_without=without,
        verdict_without=verdict_without,
        pivotal=pivotal,
    )


class _LogSum:
    """Σ log P(E|H) and Σ log P(E|¬H) over units, zeros counted apart.

    Keeping the zeros apart lets leave-one-out remove a unit by subtraction,
    even a unit with a likelihood of 0.
    """

    __slots__ = ("log_false", "log_true", "zeros_false", "zeros_true")

    def __init__(self) -> None:
        self.log_true = 0.0
        self.log_false = 0.0
        self.zeros_true = 0
        self.zeros_false = 0

    @classmethod
    def of(cls, logs: Iterable[tuple[float, float]]) -> _LogSum:
        total = cls()
        for pair in logs:
            total.add(pair, 1)
        return total

    def add(self, pair: tuple[float, float], sign: int) -> None:
        a, b = pair
        if a == -math.inf:
            self.zeros_true += sign
        else:
            self.log_true += sign * a
        if b == -math.inf:
            self.zeros_false += sign
        else:
            self.log_false += sign * b

    def without(self, pair: tuple[float, float]) -> _LogSum:
        out = _LogSum()
        out.log_true, out.log_false = self.log_true, self.log_false
        out.zeros_true, out.zeros_false = self.zeros_true, self.zeros_false
        out.add(pair, -1)
        return out

    def posterior(self, prior: float) -> float | None:
        log_true = log_false = -math.inf
        if not self.zeros_true and prior > 0.0:
            log_true = math.log(prior) + self.log_true
        if not self.zeros_false and prior < 1.0:
            log_false = math.log(1.0 - prior) + self.log_false
        return _from_logs(log_true, log_false)


# -------------------------------------------------------------- aggregation


def aggregate(verdicts: Iterable[MechanismVerdict | None]) -> MechanismVerdict | None:
    """One verdict across interventions.

    All the same → that verdict (all ``held`` → ``held``); a mix in which
    it held or partly held somewhere → ``partly_held``; a mix in which it
    held nowhere → ``inconclusive``. Interventions without a verdict are left
    out; None when none has one.

    >>> aggregate(["held", "held"]), aggregate(["held", "inconclusive"])
    ('held', 'partly_held')
    >>> aggregate(["not_held", "too_early"]), aggregate([None, "not_held"])
    ('inconclusive', 'not_held')
    """
    given = [v for v in verdicts if v is not None]
    if not given:
        return None
    if all(v == given[0] for v in given):
        return given[0]
    if any(v in ("held", "partly_held") for v in given):
        return "partly_held"
    return "inconclusive"


# ------------------------------------------------------------------ history


@dataclass(frozen=True, slots=True)
class Dated:
    """One recorded judgement and its position in the document's list."""

    index: int
    """Position in the sequence of judgements given (``judgements[index]``)."""
    judgement: Judgement
    """The judgement itself."""


@dataclass(frozen=True, slots=True)
class History:
    """The judgements of one thing in one intervention: the current one and the earlier ones."""

    current: Dated | None
    """The latest judgement; None if there is none."""
    earlier: list[Dated]
    """The earlier judgements, newest first: kept, shown, never overwritten."""
    scope: Literal["intervention", "across"] | None
    """``across`` when the current judgement is one made across all interventions
    (no intervention-specific judgement exists)."""


def _date_key(dated: Dated) -> tuple[int, str, int]:
    # Undated judgements are older than any dated one; a partial date sorts
    # before a more precise one in the same period ("2018" < "2018-05");
    # equal dates go by position, the later one being newer.
    date = dated.judgement.date
    return (0 if date is None else 1, date or "", dated.index)


def history(
    judgements: Sequence[Judgement],
    about: str,
    intervention: str | None,
    *,
    fall_back: bool = True,
) -> History:
    """The history of judgements of ``about`` in ``intervention``.

    The latest by date is current. With ``fall_back`` and no judgement for
    the intervention itself, the judgements made across all interventions
    (``intervention`` absent) are used and ``scope`` says ``across``.

    >>> js = [Judgement(about="m", verdict="held", date="2018-05"),
    ...       Judgement(about="m", verdict="not_held", date="2019"),
    ...       Judgement(about="m", verdict="partly_held", date="2018")]
    >>> h = history(js, "m", None)
    >>> h.current.judgement.verdict, [d.judgement.verdict for d in h.earlier]
    ('not_held', ['held', 'partly_held'])
    >>> h.current.index
    1
    """
    return _history(list(enumerate(judgements)), about, intervention, fall_back=fall_back)


def _history(
    numbered: Sequence[tuple[int, Judgement]],
    about: str,
    intervention: str | None,
    *,
    fall_back: bool = True,
) -> History:
    own = [
        Dated(index=i, judgement=j)
        for i, j in numbered
        if j.about == about and j.intervention == intervention
    ]
    scope: Literal["intervention", "across"] | None = "intervention" if own else None
    if not own and fall_back and intervention is not None:
        own = [
            Dated(index=i, judgement=j)
            for i, j in numbered
            if j.about == about and j.intervention is None
        ]
        scope = "across" if own else None
    if not own:
        return History(current=None, earlier=[], scope=None)
    ordered = sorted(own, key=_date_key, reverse=True)
    return History(current=ordered[0], earlier=ordered[1:], scope=scope)


# -------------------------------------------------------------- consistency

IssueKind = Literal[
    "verdict-conflict",
    "verdict-differs",
    "cites-other-target",
    "cites-other-intervention",
    "held-condition-absent",
    "verdict-without-evidence",
    "intervention-not-applicable",
    "stance-mismatch",
    "condition-conflict",
    "condition-differs",
    "undefined-posterior",
    "rival-held",
]
"""Kinds of consistency findings; `toc` maps each to a stable ``TOC1xx`` code."""

ISSUE_SEVERITY: Mapping[str, Severity] = {
    "verdict-conflict": "error",
    "verdict-differs": "warning",
    "cites-other-target": "warning",
    "cites-other-intervention": "warning",
    "held-condition-absent": "warning",
    "verdict-without-evidence": "warning",
    "intervention-not-applicable": "warning",
    "stance-mismatch": "warning",
    "condition-conflict": "error",
    "condition-differs": "info",
    "undefined-posterior": "error",
    "rival-held": "warning",
}
"""The severity of each kind of issue."""


@dataclass(frozen=True, slots=True)
class Issue:
    """A disagreement between the record and the evidence, or a broken citation.

    Fields beyond ``kind`` say what is involved; the message is written by
    the caller (``toc`` writes it in the document's language).
    """

    kind: IssueKind
    """What kind of disagreement."""
    severity: Severity
    """``error`` for conflicts, ``warning``, ``info``."""
    about: str
    """The mechanism, condition or rival concerned."""
    intervention: str | None
    """The intervention concerned (None: all, or the document as a whole)."""
    judgement: int | None = None
    """Index of the judgement concerned, if any."""
    evidence: str | None = None
    """Id of the evidence item concerned, if any."""
    recorded: str | None = None
    """The recorded verdict or state, if relevant."""
    suggested: str | None = None
    """The suggested verdict or state, if relevant."""
    posterior: float | None = None
    """The posterior behind the suggestion, if relevant."""
    other: list[str] = field(default_factory=list)
    """Other ids involved: what a cited item is about, the absent conditions,
    the outcomes and links a rival would also explain, ..."""


def _issue(kind: IssueKind, about: str, intervention: str | None, **fields: Any) -> Issue:
    return Issue(
        kind=kind, severity=ISSUE_SEVERITY[kind], about=about, intervention=intervention, **fields
    )


_CONFLICTS = {("held", "not_held"), ("not_held", "held")}
_DIFFERS = {
    ("held", "partly_held"),
    ("held", "inconclusive"),
    ("partly_held", "not_held"),
    ("inconclusive", "held"),
    ("inconclusive", "partly_held"),
    ("inconclusive", "not_held"),
    ("not_held", "partly_held"),
    ("not_held", "inconclusive"),
}


def compare_verdicts(recorded: str, suggested: str | None) -> Literal["conflict", "differs"] | None:
    """How a recorded verdict relates to a suggested one.

    ``conflict``: held against not held. ``differs``: one step apart (held
    or not held against inconclusive, partly held against not held, ...).
    None: they agree, there is no suggestion, or the record says
    ``too_early`` (a judgement about timing the evidence cannot contradict).

    >>> compare_verdicts("held", "not_held"), compare_verdicts("held", "inconclusive")
    ('conflict', 'differs')
    >>> compare_verdicts("partly_held", "held") is None
    True
    """
    if suggested is None:
        return None
    if (recorded, suggested) in _CONFLICTS:
        return "conflict"
    if (recorded, suggested) in _DIFFERS:
        return "differs"
    return None


def compare_states(recorded: str, suggested: str | None) -> Literal["conflict", "differs"] | None:
    """How a recorded condition state relates to the state the surveys suggest.

    >>> compare_states("present", "absent"), compare_states("partly_present", "present")
    ('conflict', 'differs')
    """
    if suggested is None or recorded == suggested:
        return None
    if {recorded, suggested} == {"present", "absent"}:
        return "conflict"
    return "differs"


# ------------------------------------------------------------------- judge


@dataclass(frozen=True, slots=True)
class MechanismCell:
    """One mechanism (or rival) in one intervention."""

    about: str
    intervention: str | None
    applies: bool
    """Whether the mechanism applies to the intervention."""
    recorded: MechanismVerdict | None
    """The current recorded verdict (None: not judged)."""
    history: History
    """The current judgement and the earlier ones."""
    suggestion: Suggestion
    """What the evidence suggests."""
    effective: MechanismVerdict | None
    """The recorded verdict, else the suggestion: what pathways and colours use."""
    source: Literal["recorded", "suggested"] | None
    """Where ``effective`` comes from."""
    summary: EvidenceSummary | None
    """The evidence for this intervention, summarised (None when `judge` was asked for none)."""


@dataclass(frozen=True, slots=True)
class Across:
    """A mechanism (or rival) across all the interventions it applies to."""

    recorded: MechanismVerdict | None
    """A judgement made across all interventions, else the recorded verdicts aggregated."""
    recorded_source: Literal["judgement", "aggregate"] | None
    """Where ``recorded`` comes from."""
    history: History
    """The judgements made across all interventions."""
    suggested: MechanismVerdict | None
    """The per-intervention suggestions aggregated."""
    effective: MechanismVerdict | None
    """The per-intervention effective verdicts aggregated."""


@dataclass(frozen=True, slots=True)
class MechanismResult:
    """Everything judged about one mechanism or rival."""

    id: str
    kind: Literal["mechanism", "rival"]
    prior: float
    interventions: list[str | None]
    """The interventions it applies to."""
    cells: list[MechanismCell]
    """One per intervention of the document (or one for the document as a whole)."""
    across: Across
    issues: list[Issue]


@dataclass(frozen=True, slots=True)
class ConditionCell:
    """One condition in one intervention."""

    about: str
    intervention: str | None
    recorded: ConditionState | None
    history: History
    surveys: list[SurveyResult]
    """The survey items about it for this intervention, read by the survey rule."""
    suggested: ConditionState | None
    """The state the surveys suggest (None without surveys)."""
    state: ConditionState | None
    """The recorded state, else the suggested one."""
    source: Literal["recorded", "survey"] | None
    summary: EvidenceSummary | None
    """The evidence for this intervention, summarised (None when `judge` was asked for none)."""


@dataclass(frozen=True, slots=True)
class ConditionResult:
    """Everything judged about one condition."""

    id: str
    interventions: list[str | None]
    """The interventions in which a mechanism that depends on it applies."""
    cells: list[ConditionCell]
    issues: list[Issue]


@dataclass(frozen=True, slots=True)
class Judging:
    """The result of `judge`: every mechanism, rival and condition, and all issues."""

    interventions: list[str | None]
    thresholds: Thresholds
    mechanisms: list[MechanismResult]
    rivals: list[MechanismResult]
    conditions: list[ConditionResult]
    issues: list[Issue]
    """Every issue, in a fixed order: mechanisms, rivals, conditions, then
    judgements (by position), then evidence items."""


def _effective_source(
    recorded: MechanismVerdict | None, suggested: SuggestedVerdict | None
) -> tuple[MechanismVerdict | None, Literal["recorded", "suggested"] | None]:
    if recorded is not None:
        return recorded, "recorded"
    if suggested is not None:
        return suggested, "suggested"
    return None, None


def judge(
    *,
    mechanisms: Sequence[Mechanism],
    conditions: Sequence[Condition] = (),
    rivals: Sequence[Rival] = (),
    evidence: Sequence[EvidenceItem] = (),
    judgements: Sequence[Judgement] = (),
    interventions: Sequence[str] = (),
    applies_to: Mapping[str, Collection[str]] | None = None,
    thresholds: Thresholds | None = None,
    defaults: Mapping[str, Likelihoods] = DEFAULT_LIKELIHOODS,
    summaries: bool = True,
) -> Judging:
    """Judge every mechanism, rival and condition, per intervention, and find issues.

    ``summaries=False`` leaves out the evidence summaries of the cells (their
    ``summary`` is None): the issues and verdicts are the same, at a quarter
    less time, which is what a consistency check needs.

    ``interventions`` are the cases judged separately; none means the
    document is judged as a whole (one column, intervention None).
    ``applies_to`` maps a mechanism or rival id to the interventions it
    applies to (its links run through their nodes); a missing id applies to
    all. A condition applies where a mechanism depending on it applies.

    >>> from mechanisms.model import NarrativeEvidence
    >>> result = judge(
    ...     mechanisms=[Mechanism(id="m", title="M")],
    ...     evidence=[NarrativeEvidence(id="e", about="m", kind="document",
    ...                                 test="hoop", observed=False)],
    ...     judgements=[Judgement(about="m", verdict="held", evidence=["e"])],
    ... )
    >>> cell = result.mechanisms[0].cells[0]
    >>> cell.recorded, cell.suggestion.verdict, [i.kind for i in result.issues]
    ('held', 'not_held', ['verdict-conflict'])
    """
    run = _Judge(
        interventions=interventions,
        evidence=evidence,
        judgements=judgements,
        applies_to=applies_to or {},
        thresholds=thresholds or Thresholds(),
        defaults=defaults,
        summaries=summaries,
    )
    used_in: dict[str, set[str | None]] = {}
    for m in mechanisms:
        for c in m.conditions:
            used_in.setdefault(c, set()).update(run.applicable(m.id))
    # Conditions first: a mechanism judged held needs their states.
    condition_results = [run.condition(c, used_in.get(c.id, set())) for c in conditions]
    mechanism_results = [
        run.target(m.id, "mechanism", m.prior, m.conditions, []) for m in mechanisms
    ]
    rival_results = [run.target(r.id, "rival", r.prior, [], r.about) for r in rivals]
    columns_of = {r.id: r.interventions for r in (*mechanism_results, *rival_results)}
    issues = [
        *(i for r in mechanism_results for i in r.issues),
        *(i for r in rival_results for i in r.issues),
        *(i for r in condition_results for i in r.issues),
        *run.judgement_issues(columns_of),
        *run.evidence_issues(set(columns_of)),
    ]
    return Judging(
        interventions=run.columns,
        thresholds=run.thresholds,
        mechanisms=mechanism_results,
        rivals=rival_results,
        conditions=condition_results,
        issues=issues,
    )


class _Judge:
    """The state `judge` shares between its steps: indexes and options."""

    def __init__(
        self,
        *,
        interventions: Sequence[str],
        evidence: Sequence[EvidenceItem],
        judgements: Sequence[Judgement],
        applies_to: Mapping[str, Collection[str]],
        thresholds: Thresholds,
        defaults: Mapping[str, Likelihoods],
        summaries: bool = True,
    ) -> None:
        self.summaries = summaries
        self.columns: list[str | None] = list(interventions) or [None]
        self.separate = bool(interventions)
        self.evidence = evidence
        self.judgements = judgements
        self.applies_to = applies_to
        self.thresholds = thresholds
        self.defaults = defaults
        self.by_about: dict[str, list[EvidenceItem]] = {}
        for item in evidence:
            self.by_about.setdefault(item.about, []).append(item)
        self.by_judged: dict[str, list[tuple[int, Judgement]]] = {}
        for i, j in enumerate(judgements):
            self.by_judged.setdefault(j.about, []).append((i, j))
        self.states: dict[tuple[str, str | None], ConditionState | None] = {}
        self.weights: dict[str, Weight] = {}
        self.surveys: dict[str, SurveyResult] = {}

    def history(self, about: str, column: str | None, *, fall_back: bool = True) -> History:
        return _history(self.by_judged.get(about, []), about, column, fall_back=fall_back)

    def applicable(self, target_id: str) -> list[str | None]:
        if target_id not in self.applies_to or not self.separate:
            return list(self.columns)
        allowed = set(self.applies_to[target_id])
        return [c for c in self.columns if c in allowed]

    # ---------------------------------------------------------- conditions

    def condition(self, condition: Condition, used_in: Collection[str | None]) -> ConditionResult:
        items = self.by_about.get(condition.id, [])
        cells = []
        issues: list[Issue] = []
        for column in self.columns:
            h = self.history(condition.id, column)
            recorded = _state_of(h)
            chosen = _counting(items, column)
            surveys = [self.survey(item) for item in chosen if isinstance(item, SurveyEvidence)]
            suggested = condition_state(surveys)
            state, source = _state_source(recorded, suggested)
            self.states[(condition.id, column)] = state
            relation = compare_states(recorded, suggested) if recorded is not None else None
            if relation is not None and h.scope == "intervention" and h.current is not None:
                kind: IssueKind = (
                    "condition-conflict" if relation == "conflict" else "condition-differs"
                )
                issues.append(
                    _issue(
                        kind,
                        condition.id,
                        column,
                        judgement=h.current.index,
                        recorded=recorded,
                        suggested=suggested,
                        other=[s.item for s in surveys],
                    )
                )
            cells.append(
                ConditionCell(
                    about=condition.id,
                    intervention=column,
                    recorded=recorded,
                    history=h,
                    surveys=surveys,
                    suggested=suggested,
                    state=state,
                    source=source,
                    summary=(
                        summary_of(chosen, condition.id, column, surveys)
                        if self.summaries
                        else None
                    ),
                )
            )
        columns = [c for c in self.columns if c in used_in] if used_in else list(self.columns)
        return ConditionResult(id=condition.id, interventions=columns, cells=cells, issues=issues)

    # -------------------------------------------------- mechanisms, rivals

    def target(
        self,
        target_id: str,
        kind: Literal["mechanism", "rival"],
        prior: float | None,
        depends_on: Sequence[str],
        about: Sequence[str],
    ) -> MechanismResult:
        items = self.by_about.get(target_id, [])
        columns = self.applicable(target_id)
        cells = []
        issues: list[Issue] = []
        for column in self.columns:
            cell = self.cell(target_id, column, items, prior, column in columns)
            cells.append(cell)
            issues.extend(self.cell_issues(cell, kind, depends_on, about))
        across = self.across(target_id, cells)
        if self.separate and across.history.current is not None and across.recorded is not None:
            index = across.history.current.index
            issues.extend(
                self.verdict_issues(
                    target_id,
                    None,
                    index,
                    across.recorded,
                    across.suggested,
                    depends_on,
                    columns,
                )
            )
        return MechanismResult(
            id=target_id,
            kind=kind,
            prior=DEFAULT_PRIOR if prior is None else prior,
            interventions=columns,
            cells=cells,
            across=across,
            issues=issues,
        )

    def cell(
        self,
        target_id: str,
        column: str | None,
        items: Sequence[EvidenceItem],
        prior: float | None,
        applies: bool,
    ) -> MechanismCell:
        chosen = _counting(items, column)
        weights = [self.weigh(item) for item in chosen]
        if applies:
            suggestion = suggest_from(
                weights,
                about=target_id,
                intervention=column,
                prior=prior,
                thresholds=self.thresholds,
            )
        else:
            # A mechanism that does not apply to an intervention has no verdict
            # to suggest there; evidence filed for it is listed, not weighed.
            suggestion = Suggestion(
                about=target_id,
                intervention=column,
                prior=DEFAULT_PRIOR if prior is None else prior,
                posterior=None,
                verdict=None,
                basis="not_applicable",
                weights=weights,
                units=[],
                robustness=None,
            )
        h = self.history(target_id, column)
        recorded = _verdict_of(h)
        effective, source = _effective_source(recorded, suggestion.verdict)
        return MechanismCell(
            about=target_id,
            intervention=column,
            applies=applies,
            recorded=recorded,
            history=h,
            suggestion=suggestion,
            effective=effective,
            source=source,
            summary=summary_of(chosen, target_id, column) if self.summaries else None,
        )

    def survey(self, item: SurveyEvidence) -> SurveyResult:
        result = self.surveys.get(item.id)
        if result is None:
            result = self.surveys[item.id] = survey_result(item)
        return result

    def weigh(self, item: EvidenceItem) -> Weight:
        # An item without an intervention is weighed once, not once per column.
        weight = self.weights.get(item.id)
        if weight is None:
            weight = self.weights[item.id] = weigh(item, self.defaults)
        return weight

    def cell_issues(
        self,
        cell: MechanismCell,
        kind: Literal["mechanism", "rival"],
        depends_on: Sequence[str],
        about: Sequence[str],
    ) -> list[Issue]:
        issues: list[Issue] = []
        suggestion = cell.suggestion
        if suggestion.basis == "undefined" and cell.applies:
            issues.append(
                _issue(
                    "undefined-posterior",
                    cell.about,
                    cell.intervention,
                    other=[u.item for u in suggestion.units],
                )
            )
        # Only a judgement made for this intervention is compared here; one
        # made across all interventions is compared with the aggregate.
        current = cell.history.current
        if cell.history.scope == "intervention" and current is not None and cell.recorded:
            issues.extend(
                self.verdict_issues(
                    cell.about,
                    cell.intervention,
                    current.index,
                    cell.recorded,
                    suggestion.verdict,
                    depends_on,
                    [cell.intervention],
                    suggestion.posterior,
                )
            )
        if kind == "rival" and cell.applies and cell.effective in ("held", "partly_held"):
            issues.append(
                _issue(
                    "rival-held",
                    cell.about,
                    cell.intervention,
                    recorded=cell.recorded,
                    suggested=suggestion.verdict,
                    other=list(about),
                )
            )
        return issues

    def verdict_issues(
        self,
        target_id: str,
        column: str | None,
        index: int,
        recorded: MechanismVerdict,
        suggested: MechanismVerdict | None,
        depends_on: Sequence[str],
        state_columns: Sequence[str | None],
        posterior: float | None = None,
    ) -> list[Issue]:
        issues: list[Issue] = []
        relation = compare_verdicts(recorded, suggested)
        if relation is not None:
            issues.append(
                _issue(
                    "verdict-conflict" if relation == "conflict" else "verdict-differs",
                    target_id,
                    column,
                    judgement=index,
                    recorded=recorded,
                    suggested=suggested,
                    posterior=posterior,
                )
            )
        if recorded == "held":
            absent = [
                c
                for c in depends_on
                if any(self.states.get((c, col)) == "absent" for col in state_columns)
            ]
            if absent:
                issues.append(
                    _issue(
                        "held-condition-absent",
                        target_id,
                        column,
                        judgement=index,
                        recorded=recorded,
                        other=absent,
                    )
                )
        return issues

    def across(self, target_id: str, cells: Sequence[MechanismCell]) -> Across:
        h = self.history(target_id, None, fall_back=False)
        applicable = [c for c in cells if c.applies]
        recorded = _verdict_of(h) if self.separate else None
        source: Literal["judgement", "aggregate"] | None = "judgement" if recorded else None
        if recorded is None:
            recorded = aggregate(c.recorded for c in applicable)
            source = "aggregate" if recorded is not None else None
        return Across(
            recorded=recorded,
            recorded_source=source,
            history=h,
            suggested=aggregate(c.suggestion.verdict for c in applicable),
            effective=aggregate(c.effective for c in applicable),
        )

    # ------------------------------------------- judgements and evidence

    def judgement_issues(self, columns_of: Mapping[str, Sequence[str | None]]) -> list[Issue]:
        evidence_by_id = {item.id: item for item in self.evidence}
        issues: list[Issue] = []
        for index, j in enumerate(self.judgements):
            for cited in j.evidence:
                item = evidence_by_id.get(cited)
                if item is None:
                    continue
                if item.about != j.about:
                    issues.append(
                        _issue(
                            "cites-other-target",
                            j.about,
                            j.intervention,
                            judgement=index,
                            evidence=cited,
                            other=[item.about],
                        )
                    )
                elif j.intervention and item.intervention not in (None, j.intervention):
                    issues.append(
                        _issue(
                            "cites-other-intervention",
                            j.about,
                            j.intervention,
                            judgement=index,
                            evidence=cited,
                            other=[str(item.intervention)],
                        )
                    )
            column = j.intervention
            if not any(
                column is None or i.intervention is None or i.intervention == column
                for i in self.by_about.get(j.about, ())
            ):
                issues.append(
                    _issue(
                        "verdict-without-evidence",
                        j.about,
                        j.intervention,
                        judgement=index,
                        recorded=j.verdict,
                    )
                )
            columns = columns_of.get(j.about)
            if (
                columns is not None
                and j.intervention
                and j.intervention in self.columns
                and j.intervention not in columns
            ):
                issues.append(
                    _issue(
                        "intervention-not-applicable",
                        j.about,
                        j.intervention,
                        judgement=index,
                        recorded=j.verdict,
                    )
                )
        return issues

    def evidence_issues(self, judged: Collection[str]) -> list[Issue]:
        issues: list[Issue] = []
        for item in self.evidence:
            if item.about not in judged:
                continue
            weight = self.weigh(item)
            if weight.stance_mismatch:
                issues.append(
                    _issue(
                        "stance-mismatch",
                        item.about,
                        item.intervention,
                        evidence=item.id,
                        recorded=item.stance,
                        suggested=weight.direction,
                    )
                )
        return issues


def _counting(items: Sequence[EvidenceItem], column: str | None) -> list[EvidenceItem]:
    """The items (all about one thing) that count for ``column``: `for_intervention`, faster."""
    if column is None:
        return list(items)
    return [item for item in items if item.intervention is None or item.intervention == column]


def _state_source(
    recorded: ConditionState | None, suggested: ConditionState | None
) -> tuple[ConditionState | None, Literal["recorded", "survey"] | None]:
    if recorded is not None:
        return recorded, "recorded"
    if suggested is not None:
        return suggested, "survey"
    return None, None


_MECHANISM_VERDICTS: Mapping[str, MechanismVerdict] = {
    "held": "held",
    "partly_held": "partly_held",
    "not_held": "not_held",
    "too_early": "too_early",
    "inconclusive": "inconclusive",
}
_CONDITION_STATES: Mapping[str, ConditionState] = {
    "present": "present",
    "partly_present": "partly_present",
    "absent": "absent",
    "unknown": "unknown",
}


def _verdict_of(h: History) -> MechanismVerdict | None:
    return _MECHANISM_VERDICTS.get(h.current.judgement.verdict) if h.current else None


def _state_of(h: History) -> ConditionState | None:
    return _CONDITION_STATES.get(h.current.judgement.verdict) if h.current else None
