"""The mechanism chapter: one section per mechanism assumption, then the verdict matrix.

A mechanism's section follows the reference evaluation: the assumption, the
links it explains, the conditions it depends on, the evidence per
intervention and the judgement per intervention. The board's report shows
the recorded judgement (or, where none is recorded, the evidence's
suggestion, marked as such); the evaluator's adds the working material:
earlier judgements, the posterior, its robustness and any disagreement.
"""

from __future__ import annotations

from mechanisms.issues import compare_verdicts
from mechanisms.model import (
    EvidenceItem,
    Judgement,
    Mechanism,
    NarrativeEvidence,
    SurveyEvidence,
)
from toc.i18n import format_number, text
from toc.report.context import ACROSS_MARK, SUGGESTED_MARK, Context
from toc.report.model import (
    Cell,
    ConditionLine,
    EvidenceGroup,
    EvidenceRow,
    Heading,
    JudgementBlock,
    JudgementRow,
    Mechanisms,
    MechanismSection,
    Table,
)
from toc.report.prose import parse

__all__ = ["mechanisms"]


def mechanisms(ctx: Context, heading: Heading, number: str) -> Mechanisms:
    """The chapter: the sections of the mechanisms in scope, numbered ``3.1``, ``3.2``, …"""
    shown = [
        (badge, m)
        for badge, m in enumerate(ctx.doc.mechanisms, start=1)
        if ctx.applies(m.id) or _judged_here(ctx, m)
    ]
    items = tuple(
        _section(ctx, m, badge, Heading(f"m-{k}", f"{number}.{k} {' '.join(m.title.split())}"))
        for k, (badge, m) in enumerate(shown, start=1)
    )
    matrix, notes = _matrix(ctx, [m for _, m in shown])
    return Mechanisms(
        heading=heading,
        items=items,
        matrix_heading=Heading("s-matrix", f"{number}.{len(items) + 1} {ctx.t['matrix']}"),
        matrix_lead=ctx.t["matrix_lead_board" if ctx.board else "matrix_lead"],
        matrix=matrix,
        matrix_notes=notes,
    )


def _judged_here(ctx: Context, mechanism: Mechanism) -> bool:
    return any(ctx.current(mechanism.id, column) is not None for column in ctx.columns)


def _section(ctx: Context, m: Mechanism, badge: int, heading: Heading) -> MechanismSection:
    return MechanismSection(
        heading=heading,
        id=m.id,
        badge=f"M{badge}",
        title=" ".join(m.title.split()),
        statement=parse(m.statement),
        links=tuple(ctx.label(ref) for ref in m.links),
        conditions=tuple(_condition(ctx, c) for c in m.conditions),
        evidence=_evidence(ctx, m.id),
        judgements=_judgements(ctx, m),
    )


def _condition(ctx: Context, condition_id: str) -> ConditionLine:
    condition = ctx.conditions[condition_id]
    states = []
    for column in ctx.columns:
        found = ctx.current(condition_id, column)
        if found is not None:
            verdict = ctx.verdict(found.verdict)
            states.append(f"{ctx.names[column]}: {verdict}" if column else verdict)
    return ConditionLine(parse(condition.statement), "; ".join(states))


# ----------------------------------------------------------------- evidence


def _evidence(ctx: Context, about: str) -> tuple[EvidenceGroup, ...]:
    items = ctx.evidence.get(about, [])
    groups = []
    common = tuple(_evidence_row(ctx, e) for e in items if e.intervention is None)
    if common:
        groups.append(EvidenceGroup(ctx.t["evidence_common"], common))
    for column in ctx.columns:
        if column is None:
            continue
        rows = tuple(_evidence_row(ctx, e) for e in items if e.intervention == column)
        if rows:
            groups.append(EvidenceGroup(ctx.names[column], rows))
    return tuple(groups)


def _evidence_row(ctx: Context, item: EvidenceItem) -> EvidenceRow:
    t = ctx.t
    parts = [" ".join((item.source or "").split()), ctx.date(item.date)]
    parts.append(f"{t['col.stance']}: {ctx.word('stance', item.stance)}")
    if isinstance(item, SurveyEvidence):
        parts.append(
            text(
                "report.survey_answers",
                ctx.language,
                answered=format_number(sum(item.counts), ctx.language),
                dont_know=format_number(item.dont_know, ctx.language),
            )
        )
    return EvidenceRow(
        kind=ctx.word("kind", _kind(item)),
        meta=" · ".join(part for part in parts if part),
        summary=parse(item.summary),
        quotes=tuple(" ".join(q.split()) for q in item.quotes),
    )


def _kind(item: EvidenceItem) -> str:
    return item.kind if isinstance(item, NarrativeEvidence | SurveyEvidence) else "other"


# ---------------------------------------------------------------- judgement


def _row(ctx: Context, j: Judgement) -> JudgementRow:
    return JudgementRow(
        verdict=ctx.verdict(j.verdict),
        verdict_key=j.verdict,
        confidence=ctx.word("confidence", j.confidence),
        rationale=parse(j.rationale),
        by=" ".join((j.by or "").split()),
        date=ctx.date(j.date),
    )


def _judgements(ctx: Context, m: Mechanism) -> tuple[JudgementBlock, ...]:
    targets: list[str | None] = list(ctx.columns)
    judged_across = ctx.histories.of(m.id, None, fall_back=False).current is not None
    if judged_across and None not in targets:
        targets.insert(0, None)
    blocks = []
    for target in targets:
        block = _block(ctx, m, target)
        if block is not None:
            blocks.append(block)
    return tuple(blocks)


def _block(ctx: Context, m: Mechanism, target: str | None) -> JudgementBlock | None:
    own = ctx.histories.of(m.id, target, fall_back=False)
    now = own.current.judgement if own.current else None
    suggestion = (
        ctx.assessment.suggestion(m.id, target) if target in ctx.assessment.interventions else None
    )
    suggested = suggestion.verdict if suggestion is not None else None
    if now is None and not own.earlier and suggested is None:
        return None
    heading = ctx.column_name(target)
    across = target is None and bool(ctx.names)
    current = _row(ctx, now) if now is not None else None
    if ctx.board:
        # The board reads the verdict that stands; a suggestion only where no
        # verdict is recorded, marked as the diagram marks it.
        shown = None
        if now is None and suggested is not None:
            shown = ctx.verdict(suggested) + SUGGESTED_MARK
        return JudgementBlock(heading, current, across, suggestion=shown)
    assert suggestion is not None or suggested is None
    conflict = None
    if now is not None and suggested is not None and compare_verdicts(now.verdict, suggested):
        conflict = text(
            "report.conflict_text",
            ctx.language,
            recorded=ctx.word("verdict", now.verdict),
            suggested=ctx.word("verdict", suggested),
        )
    posterior = suggestion.posterior if suggestion is not None else None
    return JudgementBlock(
        heading=heading,
        current=current,
        across=across,
        history=tuple(_row(ctx, dated.judgement) for dated in own.earlier),
        suggestion=ctx.verdict(suggested) if suggested is not None else None,
        # Two decimals of a probability, as `toc judge` shows it: a percentage
        # with decimals would claim a precision default likelihoods cannot give.
        posterior=format_number(posterior, ctx.language, 2) if posterior is not None else None,
        robustness=_robustness(ctx, m.id, target) if suggested is not None else None,
        conflict=conflict,
    )


def _robustness(ctx: Context, mechanism: str, target: str | None) -> str | None:
    robustness = ctx.assessment.suggestion(mechanism, target).robustness
    if robustness is None:
        return None
    if robustness.stable:
        return ctx.t["robust.stable"]
    parts = []
    if robustness.prior_sensitive:
        parts.append(ctx.t["robust.prior"])
    if robustness.pivotal:
        parts.append(
            text("report.robust.pivotal", ctx.language, items=", ".join(robustness.pivotal))
        )
    return "; ".join(parts) or None


# ------------------------------------------------------------------- matrix


def _matrix(ctx: Context, shown: list[Mechanism]) -> tuple[Table, tuple[str, ...]]:
    """Mechanisms × interventions: the verdict that stands in each cell, coloured."""
    t = ctx.t
    rows = []
    marks: set[str] = set()
    for m in shown:
        row = [Cell(" ".join(m.title.split()))]
        for column in ctx.columns:
            cell = _matrix_cell(ctx, m, column)
            marks.update(mark for mark in (SUGGESTED_MARK, ACROSS_MARK) if mark in cell.text)
            if cell.text == t["no_value"]:
                marks.add("-")
            row.append(cell)
        rows.append(tuple(row))
    header = (t["col.mechanism"], *(ctx.column_name(c) for c in ctx.columns))
    notes = []
    if SUGGESTED_MARK in marks:
        notes.append(f"{SUGGESTED_MARK} {t['note.suggested']}")
    if ACROSS_MARK in marks:
        notes.append(f"{ACROSS_MARK} {t['note.across']}")
    if "-" in marks:
        notes.append(f"{t['no_value']} {t['note.no_verdict']}")
    caption = ctx.caption("table", t["matrix"])
    return Table(header, tuple(rows), caption), tuple(notes)


def _matrix_cell(ctx: Context, m: Mechanism, column: str | None) -> Cell:
    t = ctx.t
    if ctx.board:
        (badge,) = ctx.assessment.badge(m.id, column)[:1]
        if badge.source is None and not ctx.assessment.cell(m.id, column).applies:
            return Cell(t["no_value"])
        return Cell(ctx.badge_text(badge), badge.verdict)
    found = ctx.histories.of(m.id, column).current
    recorded = found.judgement.verdict if found else None
    parts = [ctx.verdict(recorded) if recorded else t["no_value"]]
    if (
        found is not None
        and column is not None
        and ctx.histories.of(m.id, column, fall_back=False).current is None
        and len(ctx.names) > 1
    ):
        parts[0] += ACROSS_MARK
    if column in ctx.assessment.interventions:
        suggested = ctx.assessment.suggestion(m.id, column).verdict
        if suggested is not None:
            parts.append(f"({t['suggested']}: {ctx.word('verdict', suggested)})")
    return Cell(" ".join(parts), recorded)
