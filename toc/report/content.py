"""The content of an evaluation report, independent of its output format.

`build` turns a document (and, when available, its assessment) into a
`Report`: plain, frozen data holding every heading, table and paragraph in
the report's language. The HTML, Markdown and Word writers only lay this
content out, so the three formats always say the same thing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from mechanisms.evidence import SurveyResult, survey_result
from mechanisms.history import Histories
from mechanisms.issues import compare_verdicts
from mechanisms.model import Judgement, SurveyEvidence
from toc.assessment import Assessment
from toc.diagram.theme import DEFAULT as _THEME
from toc.errors import OptionError
from toc.findings import Finding
from toc.i18n import format_number, format_percent, text
from toc.model import Document, Indicator, Node

__all__ = [
    "Cell",
    "Chart",
    "EvidenceGroup",
    "EvidenceRow",
    "IndicatorRow",
    "JudgementBlock",
    "JudgementRow",
    "MechanismSection",
    "Report",
    "SurveyRow",
    "SurveyTable",
    "Table",
    "build",
    "format_number",
    "format_percent",
]

# Verdict colours and symbols: the diagram's own (toc.render's default theme),
# so that the report's legend, matrix and tables match the picture; a condition
# state takes the colour of the mechanism verdict it corresponds to.
_STATE_AS_VERDICT = {
    "present": "held",
    "partly_present": "partly_held",
    "absent": "not_held",
    "unknown": "unassessed",
}
VERDICT_COLOURS: dict[str, str] = {
    **{key: style.colour for key, style in _THEME.verdicts.items()},
    **{state: _THEME.verdicts[v].colour for state, v in _STATE_AS_VERDICT.items()},
}
VERDICT_SYMBOLS: dict[str, str] = {key: style.symbol for key, style in _THEME.verdicts.items()}

MECHANISM_VERDICT_ORDER = ("held", "partly_held", "not_held", "too_early", "inconclusive")


# ----------------------------------------------------------------- numbers


# ------------------------------------------------------------------ content


@dataclass(frozen=True)
class Cell:
    """One table cell: its text, and an optional marking for colour.

    ``mark`` is ``"support"`` or ``"weak"`` for the survey rule, or a verdict
    key; the text itself always carries the meaning too.
    """

    text: str
    mark: str | None = None


@dataclass(frozen=True)
class Table:
    """A table with header cells and rows of cells."""

    header: list[str]
    rows: list[list[Cell]]
    caption: str | None = None


@dataclass(frozen=True)
class EvidenceRow:
    """One evidence item as the report shows it."""

    id: str
    kind: str
    source: str
    date: str
    summary: str
    stance: str
    quotes: list[str] = field(default_factory=list)
    survey: str | None = None


@dataclass(frozen=True)
class EvidenceGroup:
    """The evidence about one thing, for one intervention (or common to all)."""

    heading: str
    items: list[EvidenceRow]


@dataclass(frozen=True)
class JudgementRow:
    """A recorded judgement."""

    verdict: str
    verdict_key: str
    confidence: str
    rationale: str
    by: str
    date: str
    evidence: list[str]


@dataclass(frozen=True)
class JudgementBlock:
    """The judgement of a mechanism for one intervention (or across all)."""

    heading: str
    current: JudgementRow | None
    history: list[JudgementRow]
    suggestion: str | None
    posterior: str | None
    robustness: str | None
    conflict: str | None


@dataclass(frozen=True)
class MechanismSection:
    """One mechanism assumption: statement, links, conditions, evidence, judgement."""

    number: int
    id: str
    title: str
    statement: str
    links: list[str]
    conditions: list[str]
    evidence: list[EvidenceGroup]
    judgements: list[JudgementBlock]


@dataclass(frozen=True)
class SurveyRow:
    """One question of a survey: counts and shares per step and the rule's outcome."""

    question: str
    about: str
    counts: list[int]
    shares: list[str]
    top: list[int]
    dont_know: int
    answered: int
    rule: str | None
    rule_key: str | None


@dataclass(frozen=True)
class SurveyTable:
    """The questions of one survey that share one scale (one Bilaga-1 table)."""

    source: str
    intervention: str
    scale: list[str]
    rows: list[SurveyRow]


@dataclass(frozen=True)
class Chart:
    """One survey question drawn as a horizontal stacked bar."""

    id: str
    question: str
    scale: list[str]
    counts: list[int]
    dont_know: int
    alt: str


@dataclass(frozen=True)
class IndicatorRow:
    """An indicator with its values and status."""

    outcome: str
    name: str
    baseline: str
    target: str
    actual: str
    status: str


@dataclass(frozen=True)
class Report:
    """Everything a report says, in its language; writers only lay it out.

    ``t`` holds the fixed text (headings, column names) of the catalogue in
    the report's language, keyed without the ``report.`` prefix.
    """

    language: str
    title: str
    scope: str | None
    description: str | None
    interventions: Table
    actors: Table
    diagram_alt: str
    legend: list[tuple[str, str, str]]
    mechanisms: list[MechanismSection]
    matrix: Table
    surveys: list[SurveyTable]
    charts: list[Chart]
    rivals: Table
    at_risk: list[str]
    pathway_at_risk: list[str]
    indicators: list[IndicatorRow]
    findings: Table
    t: dict[str, str]


# ------------------------------------------------------------------- build


def _words(language: str) -> dict[str, str]:
    from toc.i18n import CATALOGUE

    return {
        key.removeprefix("report."): text(key, language)
        for key in CATALOGUE
        if key.startswith("report.") and "{" not in CATALOGUE[key]["en"]
    }


@dataclass(frozen=True)
class _Suggestion:
    """The evidence-based suggestion for a mechanism in one intervention, as the report shows it."""

    verdict: str
    posterior: float | None
    robustness: str | None


def _suggestion(
    assessment: Assessment | None, mechanism: str, intervention: str | None, language: str
) -> _Suggestion | None:
    if assessment is None or intervention not in assessment.interventions:
        return None
    found = assessment.suggestion(mechanism, intervention)
    if found.verdict is None:
        return None
    robustness = found.robustness
    words: str | None = None
    if robustness is not None:
        if robustness.stable:
            words = text("report.robust.stable", language)
        else:
            parts = []
            if robustness.prior_sensitive:
                parts.append(text("report.robust.prior", language))
            if robustness.pivotal:
                parts.append(
                    text("report.robust.pivotal", language, items=", ".join(robustness.pivotal))
                )
            words = "; ".join(parts) or None
    return _Suggestion(found.verdict, found.posterior, words)


def _node_label(doc: Document, node_id: str) -> str:
    item = doc.get(node_id)
    return item.label if isinstance(item, Node) else node_id


def _ref_label(doc: Document, ref: str) -> str:
    if "->" in ref:
        head, _, tail = ref.partition("->")
        return f"{_node_label(doc, head.strip())} → {_node_label(doc, tail.strip())}"
    return _node_label(doc, ref)


def build(
    doc: Document,
    *,
    language: str | None = None,
    intervention: str | None = None,
    assessment: Assessment | None = None,
    findings: list[Finding] | None = None,
) -> Report:
    """The format-independent content of the evaluation report for ``doc``.

    ``language`` overrides the document's; ``intervention`` limits the report
    to one intervention plus the common parts (an unknown id is an
    `OptionError`). ``assessment`` is the document's `toc.assessment.Assessment`
    (for the same intervention), which gives the suggestions; without it the
    report shows the recorded judgements only. ``findings`` are those of
    `toc.check` for the appendix.

    >>> import toc
    >>> doc = toc.loads('''
    ... format: 1
    ... id: demo
    ... title: Demo
    ... language: sv
    ... nodes: [{id: a, stage: resources, label: A}, {id: b, stage: short, label: B}]
    ... links: [{from: a, to: b}]
    ... mechanisms: [{id: m, title: Mekanism, links: ["a->b"]}]
    ... ''')
    >>> report = build(doc)
    >>> report.mechanisms[0].title, report.t["assumption"]
    ('Mekanism', 'Antagande – förändringsmekanism')
    """
    lang = language or doc.language
    if lang not in ("sv", "en"):
        raise OptionError(f"unknown language {lang!r}: use 'sv' or 'en'")
    names = {i.id: i.name for i in doc.interventions}
    if intervention is not None and intervention not in names:
        choices = ", ".join(names) or "(the document has no interventions)"
        raise OptionError(f"unknown intervention {intervention!r}: use one of: {choices}")
    t = _words(lang)
    histories = Histories(doc.judgements)

    def word(prefix: str, key: str | None) -> str:
        if key is None:
            return t["no_value"]
        if prefix == "verdict":
            return text(f"verdict.{key}", lang)
        return t.get(f"{prefix}.{key}", key)

    def in_scope(intervention_id: str | None) -> bool:
        return intervention is None or intervention_id is None or intervention_id == intervention

    scope_ids = [intervention] if intervention else list(names)

    def current(about: str, intervention_id: str | None) -> Judgement | None:
        # The intervention's own current judgement, else the one made across all.
        found = histories.of(about, intervention_id).current
        return found.judgement if found else None

    def judgement_row(j: Judgement) -> JudgementRow:
        return JudgementRow(
            verdict=word("verdict", j.verdict),
            verdict_key=j.verdict,
            confidence=word("confidence", j.confidence),
            rationale=(j.rationale or "").strip(),
            by=j.by or "",
            date=j.date or "",
            evidence=list(j.evidence),
        )

    # -- evidence
    def evidence_row(item: Any) -> EvidenceRow:
        survey = None
        if isinstance(item, SurveyEvidence):
            answered = sum(item.counts)
            survey = text(
                "report.survey_answers", lang, answered=answered, dont_know=item.dont_know
            )
        return EvidenceRow(
            id=item.id,
            kind=word("kind", item.kind),
            source=item.source or "",
            date=item.date or "",
            summary=(item.summary or "").strip(),
            stance=word("stance", item.stance) if item.stance else t["no_value"],
            quotes=list(item.quotes),
            survey=survey,
        )

    def evidence_groups(about: str) -> list[EvidenceGroup]:
        items = [e for e in doc.evidence if e.about == about and in_scope(e.intervention)]
        groups: list[EvidenceGroup] = []
        common = [evidence_row(e) for e in items if e.intervention is None]
        if common:
            groups.append(EvidenceGroup(t["evidence_common"], common))
        for intervention_id in scope_ids:
            rows = [evidence_row(e) for e in items if e.intervention == intervention_id]
            if rows:
                groups.append(EvidenceGroup(names[intervention_id], rows))
        return groups

    # -- mechanisms
    conditions = {c.id: c for c in doc.conditions}
    sections: list[MechanismSection] = []
    for number, mechanism in enumerate(doc.mechanisms, start=1):
        blocks: list[JudgementBlock] = []
        targets: list[str | None] = list(scope_ids) if scope_ids else [None]
        judged_across = histories.of(mechanism.id, None, fall_back=False).current is not None
        if judged_across and None not in targets:
            targets = [None, *targets]
        for target in targets:
            own = histories.of(mechanism.id, target, fall_back=False)
            now = own.current.judgement if own.current else None
            history = [dated.judgement for dated in own.earlier]
            suggestion = _suggestion(assessment, mechanism.id, target, lang)
            if now is None and not history and suggestion is None:
                continue
            conflict = None
            suggested = word("verdict", suggestion.verdict) if suggestion else None
            if (
                now is not None
                and suggestion is not None
                and compare_verdicts(now.verdict, suggestion.verdict) is not None
            ):
                conflict = text(
                    "report.conflict_text",
                    lang,
                    recorded=word("verdict", now.verdict),
                    suggested=suggested,
                )
            blocks.append(
                JudgementBlock(
                    heading=names[target] if target else t["across"],
                    current=judgement_row(now) if now else None,
                    history=[judgement_row(j) for j in history],
                    suggestion=suggested,
                    # Two decimals of a probability, as `toc judge` shows it: a
                    # percentage with decimals would claim a precision that
                    # default likelihoods cannot give.
                    posterior=(
                        format_number(suggestion.posterior, lang, 2)
                        if suggestion and suggestion.posterior is not None
                        else None
                    ),
                    robustness=suggestion.robustness if suggestion else None,
                    conflict=conflict,
                )
            )
        cited_conditions = []
        for condition_id in mechanism.conditions:
            condition = conditions[condition_id]
            states = []
            for intervention_id in scope_ids:
                found = current(condition_id, intervention_id)
                if found is not None:
                    states.append(f"{names[intervention_id]}: {word('verdict', found.verdict)}")
            suffix = f" ({'; '.join(states)})" if states else ""
            cited_conditions.append(condition.statement.strip() + suffix)
        sections.append(
            MechanismSection(
                number=number,
                id=mechanism.id,
                title=mechanism.title,
                statement=(mechanism.statement or "").strip(),
                links=[_ref_label(doc, ref) for ref in mechanism.links],
                conditions=cited_conditions,
                evidence=evidence_groups(mechanism.id),
                judgements=blocks,
            )
        )

    # -- matrix mechanisms x interventions
    matrix_rows: list[list[Cell]] = []
    columns: list[str | None] = list(scope_ids) if scope_ids else [None]
    for mechanism in doc.mechanisms:
        row = [Cell(mechanism.title)]
        for target in columns:
            found = current(mechanism.id, target)
            suggestion = _suggestion(assessment, mechanism.id, target, lang)
            parts = [word("verdict", found.verdict) if found else t["no_value"]]
            if suggestion is not None:
                parts.append(f"({t['suggested']}: {word('verdict', suggestion.verdict)})")
            row.append(Cell(" ".join(parts), found.verdict if found else None))
        matrix_rows.append(row)
    matrix = Table(
        header=[t["col.mechanism"], *(names[c] if c else t["across"] for c in columns)],
        rows=matrix_rows,
    )

    # -- surveys (Bilaga 1) and charts, read by the survey rule once (in the judgement)
    surveys_read: dict[str, SurveyResult] = {
        read.item: read for read in (assessment.surveys if assessment is not None else [])
    }
    for item in doc.evidence:
        if isinstance(item, SurveyEvidence) and item.id not in surveys_read:
            surveys_read[item.id] = survey_result(item)
    surveys: list[SurveyTable] = []
    charts: list[Chart] = []
    by_survey: dict[tuple[str, tuple[str, ...]], list[SurveyEvidence]] = {}
    condition_ids = {c.id for c in doc.conditions}
    for item in doc.evidence:
        if not (isinstance(item, SurveyEvidence) and in_scope(item.intervention)):
            continue
        answers = ", ".join(
            f"{step}: {count}" for step, count in zip(item.scale, item.counts, strict=True)
        )
        answers += f", {t['col.dont_know']}: {item.dont_know}"
        charts.append(
            Chart(
                id=item.id,
                question=item.question,
                scale=list(item.scale),
                counts=list(item.counts),
                dont_know=item.dont_know,
                alt=text("report.chart_alt", lang, question=item.question, parts=answers),
            )
        )
        if item.about in condition_ids:
            # Bilaga 1 sets the prerequisites: one table per intervention and
            # scale (surveys about mechanisms stay in their mechanism's section).
            key = (item.intervention or "", tuple(item.scale))
            by_survey.setdefault(key, []).append(item)
    for (intervention_id, scale), items in by_survey.items():
        source = "; ".join(unique(item.source or "" for item in items if item.source))
        rows = []
        for item in items:
            answered = sum(item.counts)
            read = surveys_read[item.id]
            rule = (
                None
                if read.answered == 0
                else ("support" if read.colour == "green" else "weak", read.top_share)
            )
            rule_text = (
                None
                if rule is None
                else f"{t['rule.' + rule[0]]} ({format_percent(rule[1], lang)})"
            )
            if rule_text is not None and item.dont_know > answered:
                rule_text += f"; {t['more_dont_know']}"
            rows.append(
                SurveyRow(
                    question=item.question,
                    about=_about_label(doc, item.about),
                    counts=list(item.counts),
                    shares=[
                        format_percent(c / answered, lang) if answered else t["no_value"]
                        for c in item.counts
                    ],
                    top=item.top_steps(),
                    dont_know=item.dont_know,
                    answered=answered,
                    rule=rule_text,
                    rule_key=rule[0] if rule else None,
                )
            )
        surveys.append(
            SurveyTable(
                source=source,
                intervention=names.get(intervention_id, t["evidence_common"]),
                scale=list(scale),
                rows=rows,
            )
        )

    # -- rivals and outcomes at risk
    rival_rows: list[list[Cell]] = []
    at_risk: list[str] = []
    for rival in doc.rivals:
        states = []
        risky = False
        for target in columns:
            found = current(rival.id, target)
            if found is not None:
                label = word("verdict", found.verdict)
                states.append(f"{names[target]}: {label}" if target else label)
                risky = risky or found.verdict in ("held", "partly_held")
        rival_rows.append(
            [
                Cell(rival.statement.strip()),
                Cell("; ".join(_ref_label(doc, ref) for ref in rival.about) or t["no_value"]),
                Cell("; ".join(states) or t["no_value"]),
            ]
        )
        if risky:
            for ref in rival.about:
                label = _ref_label(doc, ref)
                if label not in at_risk:
                    at_risk.append(label)
    rivals = Table(
        header=[t["col.rival"], t["col.bears_on"], t["judgement"]],
        rows=rival_rows,
    )
    pathway_at_risk: list[str] = []
    at_risk_outcomes = assessment.at_risk() if assessment is not None else []
    for outcome in at_risk_outcomes:
        node_id, risk_in, broken = outcome.node, outcome.intervention, outcome.broken
        if not in_scope(risk_in):
            continue
        risk = _node_label(doc, node_id)
        if risk_in:
            risk += f" ({names.get(risk_in, risk_in)})"
        if broken:
            risk += ": " + "; ".join(_ref_label(doc, ref) for ref in broken)
        pathway_at_risk.append(risk)

    # -- indicators
    indicator_rows = [
        _indicator_row(node, indicator, lang, t)
        for node in doc.nodes
        if intervention is None or not node.interventions or intervention in node.interventions
        for indicator in node.indicators
    ]

    # -- findings
    finding_rows = [
        [
            Cell(f.code or ""),
            Cell(word("severity", f.severity)),
            Cell(f.message),
            Cell(f"{f.line}:{f.column}" if f.line else t["no_value"]),
        ]
        for f in findings or []
    ]

    # -- front matter
    intervention_rows = [
        [
            Cell(i.name),
            Cell(i.period or t["no_value"]),
            Cell((i.description or "").strip() or t["no_value"]),
        ]
        for i in doc.interventions
        if intervention is None or i.id == intervention
    ]
    actor_rows = [[Cell(a.name), Cell(word("actor", a.kind))] for a in doc.actors]
    legend = [
        (key, f"{VERDICT_SYMBOLS[key]} {word('verdict', key)}", VERDICT_COLOURS[key])
        for key in MECHANISM_VERDICT_ORDER
    ] + [
        (
            "unassessed",
            f"{VERDICT_SYMBOLS['unassessed']} {word('verdict', 'unassessed')}",
            VERDICT_COLOURS["unassessed"],
        )
    ]

    return Report(
        language=lang,
        title=doc.title,
        scope=(text("report.scope", lang, name=names[intervention]) if intervention else None),
        description=(doc.description or "").strip() or None,
        interventions=Table([t["col.name"], t["col.period"], t["col.about_it"]], intervention_rows),
        actors=Table([t["col.name"], t["col.kind"]], actor_rows),
        diagram_alt=text("report.diagram_alt", lang, title=doc.title),
        legend=legend,
        mechanisms=sections,
        matrix=matrix,
        surveys=surveys,
        charts=charts,
        rivals=rivals,
        at_risk=at_risk,
        pathway_at_risk=pathway_at_risk,
        indicators=indicator_rows,
        findings=Table(
            [t["col.code"], t["col.severity"], t["col.finding"], t["col.where"]], finding_rows
        ),
        t=t,
    )


def _about_label(doc: Document, about: str) -> str:
    item = doc.get(about)
    for attribute in ("title", "statement", "label"):
        value = getattr(item, attribute, None)
        if isinstance(value, str):
            return value.strip()
    return _ref_label(doc, about)


def _measurement(value: Any, unit: str | None, lang: str, none: str) -> str:
    if value is None:
        return none
    number = format_number(value.value, lang)
    if unit == "percent":
        number += "\u00a0%" if lang == "sv" else "%"
    elif unit:
        number += f" {unit}"
    return f"{number} ({value.date})" if value.date else number


def _indicator_row(node: Node, indicator: Indicator, lang: str, t: dict[str, str]) -> IndicatorRow:
    none = t["no_value"]
    latest = None
    if indicator.actual:
        # The latest by date; document order breaks ties, as for judgements.
        latest = max(enumerate(indicator.actual), key=lambda p: (p[1].date or "", p[0]))[1]
    if latest is None:
        status = t["status.no_reading"]
    elif indicator.target is None:
        status = t["status.no_target"]
    else:
        rising = indicator.baseline is None or indicator.target.value >= indicator.baseline.value
        met = (
            latest.value >= indicator.target.value
            if rising
            else latest.value <= indicator.target.value
        )
        status = t["status.met"] if met else t["status.not_met"]
    return IndicatorRow(
        outcome=node.label,
        name=indicator.name,
        baseline=_measurement(indicator.baseline, indicator.unit, lang, none),
        target=_measurement(indicator.target, indicator.unit, lang, none),
        actual=_measurement(latest, indicator.unit, lang, none),
        status=status,
    )


def unique(values: Iterable[str]) -> list[str]:
    """The values without repeats, in first-seen order."""
    return list(dict.fromkeys(values))
