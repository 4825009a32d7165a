"""Bayesian suggestions: from evidence items to a suggested verdict, with robustness.

Pure functions over the evidence models of `mechanisms.model`; the rules are
documented with formulas and a worked example in ``docs/judgement.md``:

- Each evidence item with likelihoods (explicit ``p_if_true``/``p_if_false``,
  or the defaults of its process-tracing ``test``) weighs for or against what
  it is about; items with neither are narrative only (`weigh`).
- Items of one ``group`` are not independent: the group counts once in each
  direction, as its most diagnostic item for and against.
- Starting from the ``prior`` (default 0.5), Bayes' rule is applied unit by
  unit: ``P(H|E) = P(E|H)·P(H) / (P(E|H)·P(H) + P(E|¬H)·(1−P(H)))``
  (`posterior`).
- `Thresholds` turn the posterior into ``held`` / ``inconclusive`` /
  ``not_held``.
- Robustness: the posterior with the prior moved ±0.2, and leave-one-out
  (which unit, removed, changes the suggestion).

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
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, model_validator

from mechanisms.evidence import for_intervention
from mechanisms.model import EvidenceItem
from mechanisms.types import Probability, Stance, TestType

__all__ = [
    "DEFAULT_LIKELIHOODS",
    "DEFAULT_PRIOR",
    "PRIOR_SHIFT",
    "Likelihoods",
    "Robustness",
    "SuggestedVerdict",
    "Suggestion",
    "Thresholds",
    "Unit",
    "Weight",
    "posterior",
    "suggest",
    "suggest_from",
    "weigh",
]

SuggestedVerdict = Literal["held", "inconclusive", "not_held"]
"""What the evidence of one intervention can suggest on its own."""

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
    robust: bool = True,
) -> Suggestion:
    """`suggest` for items already weighed (`weigh`), in document order.

    ``robust=False`` leaves out the trail of units and the robustness (``units``
    empty, ``robustness`` None): the posterior and the verdict are the same, for
    callers that need only those.
    """
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
    if not robust:
        return Suggestion(
            about=about,
            intervention=intervention,
            prior=start,
            posterior=final,
            verdict=verdict,
            basis="evidence",
            weights=list(weights),
            units=[],
            robustness=None,
        )
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
