"""The appendices: the survey table with its bars (Bilaga 1) and the check findings.

The survey table sets out the prerequisites as the reference evaluation's
Bilaga 1 does: per survey and scale, counts and shares per step, "don't
know" beside them, and the survey rule's result (read once, in the
assessment). Every survey question in scope is also drawn as a stacked bar,
as plain data (`toc.report.model.Bar`) that each writer draws natively.
"""

from __future__ import annotations

from typing import Literal

from mechanisms.evidence import SurveyResult, survey_result
from mechanisms.model import Condition, EvidenceItem, Judgement, Mechanism, Rival, SurveyEvidence
from toc.diagram.theme import text_colour
from toc.findings import Finding
from toc.i18n import format_number, format_percent, text
from toc.model import Intervention, Node
from toc.report.context import Context
from toc.report.model import (
    Bar,
    BarSegment,
    Cell,
    Findings,
    Heading,
    SurveyRow,
    Surveys,
    SurveyTable,
    Table,
)

__all__ = ["BAR_DARK", "BAR_LIGHT", "bar_colours", "findings", "surveys"]

BAR_LIGHT = "#DCE4EE"
BAR_DARK = "#1F3A5F"
"""The ends of the survey bars' single-hue ramp, low step → high step: it reads in
greyscale too, and leaves the verdict colours to verdicts."""

SHOWN_SHARE = 0.08
"""Narrower segments carry no percentage label (it would not fit)."""


def bar_colours(steps: int) -> list[str]:
    """``steps`` colours from light to dark, evenly between `BAR_LIGHT` and `BAR_DARK`.

    >>> bar_colours(3)
    ['#DCE4EE', '#7E8FA6', '#1F3A5F']
    """

    def channel(colour: str, i: int) -> int:
        return int(colour[1 + 2 * i : 3 + 2 * i], 16)

    out = []
    for k in range(steps):
        f = k / (steps - 1) if steps > 1 else 1.0
        rgb = [
            round(channel(BAR_LIGHT, i) + (channel(BAR_DARK, i) - channel(BAR_LIGHT, i)) * f)
            for i in range(3)
        ]
        out.append("#" + "".join(f"{c:02X}" for c in rgb))
    return out


def surveys(ctx: Context, heading: Heading) -> Surveys:
    """Bilaga 1: survey tables about conditions, and a bar for every question in scope."""
    t = ctx.t
    read: dict[str, SurveyResult] = {r.item: r for r in ctx.assessment.surveys}
    items = [
        item
        for item in ctx.doc.evidence
        if isinstance(item, SurveyEvidence) and ctx.in_scope(item.intervention)
    ]
    conditions = {c.id for c in ctx.doc.conditions}
    groups: dict[tuple[str, tuple[str, ...]], list[SurveyEvidence]] = {}
    for item in items:
        if item.about in conditions:
            # Surveys about mechanisms stay in their mechanism's section.
            groups.setdefault((item.intervention or "", tuple(item.scale)), []).append(item)
    places = [ctx.names.get(intervention, t["evidence_common"]) for intervention, _ in groups]
    headings = []
    for members, where in zip(groups.values(), places, strict=True):
        sources = "; ".join(dict.fromkeys(" ".join(m.source.split()) for m in members if m.source))
        headings.append(f"{sources} – {where}" if sources else where)
    tables = []
    for (key, members), title, where in zip(groups.items(), headings, places, strict=True):
        scale = key[1]
        # Tables are grouped by intervention and scale: two tables of one survey
        # differ by their scale, and so do two captions of one intervention.
        scale_words = f" ({t['scale']}: {scale[0]} … {scale[-1]})"
        if headings.count(title) > 1:
            title += scale_words
        words = f"{t['caption.survey']}, {where}"
        if places.count(where) > 1:
            words += scale_words
        rows = tuple(
            _survey_row(ctx, item, read.get(item.id) or survey_result(item)) for item in members
        )
        tables.append(SurveyTable(title, ctx.caption("table", words), scale, rows))
    bars = tuple(_bar(ctx, item) for item in items)
    figure = ctx.caption("figure", t["survey_charts"]) if bars else None
    return Surveys(heading, t["survey_lead"], tuple(tables), t["survey_charts"], figure, bars)


def _survey_row(ctx: Context, item: SurveyEvidence, read: SurveyResult) -> SurveyRow:
    t = ctx.t
    answered = read.answered
    rule: Literal["support", "weak"] | None = None
    if answered:
        rule = "support" if read.colour == "green" else "weak"
    rule_text = None
    if rule is not None:
        rule_text = f"{t['rule.' + rule]} ({format_percent(read.top_share, ctx.language)})"
        if read.mostly_dont_know:
            rule_text += f"; {t['more_dont_know']}"
    return SurveyRow(
        question=" ".join(item.question.split()),
        counts=tuple(item.counts),
        shares=tuple(
            format_percent(share, ctx.language) if answered else t["no_value"]
            for share in read.shares
        ),
        top=tuple(read.top),
        dont_know=item.dont_know,
        answered=answered,
        rule=rule_text,
        rule_key=rule,
    )


def _bar(ctx: Context, item: SurveyEvidence) -> Bar:
    t = ctx.t
    answered = sum(item.counts)
    colours = bar_colours(len(item.scale))
    segments = []
    for step, count, colour in zip(item.scale, item.counts, colours, strict=True):
        share = count / answered if answered else 0.0
        percent = format_percent(share, ctx.language, 0)
        label = percent if share >= SHOWN_SHARE else ""
        segments.append(
            BarSegment(
                " ".join(step.split()), count, share, percent, label, colour, text_colour(colour)
            )
        )
    note = text(
        "report.survey_answers",
        ctx.language,
        answered=format_number(answered, ctx.language),
        dont_know=format_number(item.dont_know, ctx.language),
    )
    parts = ", ".join(f"{s.step}: {s.count} ({s.percent})" for s in segments)
    parts += f", {t['col.dont_know']}: {item.dont_know}"
    question = " ".join(item.question.split())
    alt = text("report.chart_alt", ctx.language, question=question, parts=parts)
    return Bar(question, tuple(segments), note, alt)


# ----------------------------------------------------------------- findings


def findings(ctx: Context, heading: Heading, found: list[Finding]) -> Findings:
    """Bilaga 2: the findings of the checks, with codes and places (the evaluator's report)."""
    t = ctx.t
    rows = tuple(
        (
            Cell(f.code or ""),
            Cell(ctx.word("severity", f.severity)),
            Cell(f.message),
            Cell(f"{f.line}:{f.column}" if f.line else t["no_value"]),
        )
        for f in found
        if not _elsewhere(ctx, f)
    )
    table = None
    if rows:
        table = Table(
            (t["col.code"], t["col.severity"], t["col.finding"], t["col.where"]),
            rows,
            ctx.caption("table", t["findings"]),
        )
    return Findings(heading, table)


def _elsewhere(ctx: Context, finding: Finding) -> bool:
    """Whether a finding is about something of another intervention than the one reported on."""
    if ctx.intervention is None:
        return False
    for ref in finding.ids:
        for one in ref.split("->") if "->" in ref else (ref,):
            item = ctx.doc.get(one.strip())
            if _of_another(ctx, item):
                return True
    return False


def _of_another(ctx: Context, item: object) -> bool:
    if isinstance(item, Node):
        return not ctx.node_in_scope(item)
    if isinstance(item, Intervention):
        return item.id != ctx.intervention
    if isinstance(item, Mechanism | Rival):
        return not ctx.applies(item.id)
    if isinstance(item, EvidenceItem | Judgement):
        return not ctx.in_scope(item.intervention)
    if isinstance(item, Condition):
        return False
    return False
