"""Judging: every mechanism, rival and condition of an evaluation, per intervention.

`judge` puts the parts together: the survey rule (`mechanisms.evidence`)
gives the conditions their suggested states, the Bayesian rules
(`mechanisms.bayes`) give mechanisms and rivals their suggested verdicts, the
history (`mechanisms.history`) gives the recorded ones, and the comparisons
(`mechanisms.issues`) list where they disagree. `aggregate` combines
verdicts across interventions.

>>> from mechanisms.model import NarrativeEvidence
>>> result = judge(
...     mechanisms=[Mechanism(id="m", title="M")],
...     evidence=[NarrativeEvidence(id="e", about="m", kind="interview", test="smoking_gun")],
... )
>>> cell = result.mechanisms[0].cells[0]
>>> cell.recorded, cell.suggestion.verdict, cell.effective, cell.source
(None, 'held', 'held', 'suggested')
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, cast

from mechanisms.bayes import (
    DEFAULT_LIKELIHOODS,
    DEFAULT_PRIOR,
    Likelihoods,
    SuggestedVerdict,
    Suggestion,
    Thresholds,
    Weight,
    suggest_from,
    weigh,
)
from mechanisms.evidence import (
    EvidenceSummary,
    SurveyResult,
    condition_state,
    summary_of,
    survey_result,
)
from mechanisms.history import Histories, History
from mechanisms.issues import Issue, IssueKind, compare_states, compare_verdicts, issue
from mechanisms.model import Condition, EvidenceItem, Judgement, Mechanism, Rival, SurveyEvidence
from mechanisms.types import ConditionState, MechanismVerdict

__all__ = [
    "Across",
    "ConditionCell",
    "ConditionResult",
    "Judging",
    "MechanismCell",
    "MechanismResult",
    "aggregate",
    "judge",
]


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
    surveys: list[SurveyResult]
    """Every survey item read by the survey rule, in document order."""


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
    detail: bool = True,
) -> Judging:
    """Judge every mechanism, rival and condition, per intervention, and find issues.

    ``detail=False`` leaves out the evidence summaries of the cells (their
    ``summary`` is None) and the suggestions' trail of units and robustness
    (``units`` empty, ``robustness`` None): the verdicts, posteriors and issues
    are the same, in less time, which is what a check needs.

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
        detail=detail,
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
    surveys = [run.survey(item) for item in evidence if isinstance(item, SurveyEvidence)]
    return Judging(
        interventions=run.columns,
        thresholds=run.thresholds,
        mechanisms=mechanism_results,
        rivals=rival_results,
        conditions=condition_results,
        issues=issues,
        surveys=surveys,
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
        detail: bool = True,
    ) -> None:
        self.detail = detail
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
        self.histories = Histories(judgements)
        self.states: dict[tuple[str, str | None], ConditionState | None] = {}
        self.weights: dict[str, Weight] = {}
        self.surveys: dict[str, SurveyResult] = {}

    def issue(self, kind: IssueKind, about: str, intervention: str | None, **fields: Any) -> Issue:
        """An issue; acknowledged when its judgement says so (``acknowledges``)."""
        index = fields.get("judgement")
        acknowledged = index is not None and kind in self.judgements[index].acknowledges
        return issue(kind, about, intervention, acknowledged=acknowledged, **fields)

    def history(self, about: str, column: str | None, *, fall_back: bool = True) -> History:
        return self.histories.of(about, column, fall_back=fall_back)

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
                    self.issue(
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
                        summary_of(chosen, condition.id, column, surveys) if self.detail else None
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
        applies = set(columns)
        cells = []
        issues: list[Issue] = []
        for column in self.columns:
            cell = self.cell(target_id, column, items, prior, column in applies)
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
        chosen = _counting(items, column) if items else []
        weights = [self.weigh(item) for item in chosen]
        if applies:
            suggestion = suggest_from(
                weights,
                about=target_id,
                intervention=column,
                prior=prior,
                thresholds=self.thresholds,
                robust=self.detail,
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
        h = self.histories.of(target_id, column)
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
            summary=summary_of(chosen, target_id, column) if self.detail else None,
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
                self.issue(
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
                self.issue(
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
                self.issue(
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
                    self.issue(
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
        h = self.histories.of(target_id, None, fall_back=False)
        applicable = [c for c in cells if c.applies]
        recorded = _verdict_of(h) if self.separate else None
        source: Literal["judgement", "aggregate"] | None = "judgement" if recorded else None
        if recorded is None:
            recorded = aggregate([c.recorded for c in applicable])
            source = "aggregate" if recorded is not None else None
        suggested: MechanismVerdict | None
        if len(applicable) == 1:
            # One intervention: its own suggestion and verdict, nothing to combine.
            only = applicable[0]
            suggested, effective = only.suggestion.verdict, only.effective
        else:
            suggested = aggregate([c.suggestion.verdict for c in applicable])
            effective = aggregate([c.effective for c in applicable])
        return Across(
            recorded=recorded,
            recorded_source=source,
            history=h,
            suggested=suggested,
            effective=effective,
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
                        self.issue(
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
                        self.issue(
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
                    self.issue(
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
                    self.issue(
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
                    self.issue(
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


def _verdict_of(h: History) -> MechanismVerdict | None:
    # The model validated it against the vocabulary of what it judges.
    return cast("MechanismVerdict", h.current.judgement.verdict) if h.current else None


def _state_of(h: History) -> ConditionState | None:
    return cast("ConditionState", h.current.judgement.verdict) if h.current else None
