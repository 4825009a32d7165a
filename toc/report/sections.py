"""The report's sections around the mechanisms: one builder per section.

Each builder takes the report's `Context` (and its heading) and returns the
section's content, or None when the document gives it nothing to say (a
summary nobody wrote). The mechanism chapter is in `toc.report.assumptions`,
the appendices in `toc.report.appendices`.
"""

from __future__ import annotations

from mechanisms.types import BADGE_VERDICTS
from toc.i18n import format_measure, text
from toc.indicators import latest, status
from toc.model import Indicator, Measurement, Node
from toc.quoting import one_line as _one_line
from toc.report.context import ACROSS_MARK, SUGGESTED_MARK, Context
from toc.report.model import (
    Background,
    Cell,
    Conclusions,
    Heading,
    Indicators,
    Logo,
    Rivals,
    Summary,
    Table,
    Theory,
    TitlePage,
)
from toc.report.prose import parse, plain_text

__all__ = [
    "background",
    "conclusions",
    "indicators",
    "rivals",
    "summary",
    "theory",
    "title_page",
]


def title_page(ctx: Context, logo: Logo | None) -> TitlePage:
    """The title page: the report's title, subtitle and facts (client, evaluators, …)."""
    info = ctx.doc.report
    t = ctx.t
    facts: list[tuple[str, str]] = []
    if info is not None:
        for label, value in (
            (t["fact.client"], _one_line(info.client)),
            (t["fact.evaluators"], ", ".join(_one_line(name) for name in info.evaluators)),
            (t["fact.date"], ctx.date(info.date)),
            (t["fact.version"], _one_line(info.version)),
            (t["fact.status"], _one_line(info.status)),
        ):
            if value:
                facts.append((label, value))
    title = info.title if info is not None and info.title else ctx.doc.title
    return TitlePage(
        title=_one_line(title),
        subtitle=_one_line(info.subtitle) or None if info is not None else None,
        scope=_scope(ctx),
        facts=tuple(facts),
        logo=logo,
    )


def _scope(ctx: Context) -> str | None:
    if ctx.intervention is None:
        return None
    return text("report.scope", ctx.language, name=ctx.names[ctx.intervention])


def summary(ctx: Context, heading: Heading) -> Summary | None:
    """The summary, from the document's ``report: summary:``."""
    prose = parse(ctx.doc.report.summary if ctx.doc.report else None)
    return Summary(heading, prose) if prose else None


def conclusions(ctx: Context, heading: Heading) -> Conclusions | None:
    """Conclusions and recommendations, from the document's ``report:``."""
    info = ctx.doc.report
    found = parse(info.conclusions if info else None)
    advice = parse(info.recommendations if info else None)
    if not found and not advice:
        return None
    return Conclusions(heading, found, ctx.t["recommendations"], advice)


def background(ctx: Context, heading: Heading) -> Background:
    """Background: the description, the interventions (period, what they are), the actors."""
    t = ctx.t
    doc = ctx.doc
    interventions = [i for i in doc.interventions if ctx.in_scope(i.id)]
    intervention_table = None
    if interventions:
        rows = []
        for i in interventions:
            about = parse(i.description)
            rows.append(
                (
                    Cell(_one_line(i.name)),
                    Cell(ctx.date(i.period) or t["no_value"]),
                    Cell(plain_text(about) or t["no_value"], prose=about),
                )
            )
        intervention_table = Table(
            (t["col.name"], t["col.period"], t["col.about_it"]),
            tuple(rows),
            ctx.caption("table", t["caption.interventions"]),
        )
    # With one intervention, the actors who carry its boxes (or none at all).
    carried = {a for node in doc.nodes if ctx.node_in_scope(node) for a in node.actors}
    anywhere = {a for node in doc.nodes for a in node.actors}
    actors = [a for a in doc.actors if a.id in carried or a.id not in anywhere]
    actor_table = None
    if actors:
        actor_table = Table(
            (t["col.name"], t["col.kind"]),
            tuple((Cell(_one_line(a.name)), Cell(ctx.word("actor", a.kind))) for a in actors),
            ctx.caption("table", t["caption.actors"]),
        )
    return Background(
        heading=heading,
        description=parse(doc.description),
        interventions_heading=t["interventions"],
        interventions=intervention_table,
        actors_heading=t["actors"],
        actors=actor_table,
    )


def theory(ctx: Context, heading: Heading) -> Theory:
    """The theory of change: the diagram's alt text, caption and legend of verdicts."""
    t = ctx.t
    cells = [
        cell
        for mechanism in ctx.doc.mechanisms
        for cell in ctx.assessment.badge(mechanism.id, ctx.intervention)
    ]
    notes = []
    if any(cell.source == "suggested" for cell in cells):
        notes.append(f"{SUGGESTED_MARK} {t['note.suggested']}")
    if any(cell.across for cell in cells):
        notes.append(f"{ACROSS_MARK} {t['note.across']}")
    return Theory(
        heading=heading,
        alt=text("report.diagram_alt", ctx.language, title=_one_line(ctx.doc.title)),
        caption=ctx.caption("figure", t["caption.diagram"]),
        scope=_scope(ctx),
        legend_heading=t["legend"],
        legend_lead=t["legend_lead"],
        legend=ctx.legend(list(BADGE_VERDICTS)),
        notes=tuple(notes),
        badges=tuple(
            (f"M{number}", " ".join(m.title.split()))
            for number, m in enumerate(ctx.doc.mechanisms, start=1)
            if ctx.applies(m.id)
        ),
    )


def rivals(ctx: Context, heading: Heading) -> Rivals:
    """Rival explanations: what they bear on and their verdict; the outcomes at risk."""
    t = ctx.t
    rows = []
    at_risk: list[str] = []
    for rival in ctx.doc.rivals:
        if not ctx.applies(rival.id):
            continue
        states = []
        held = False
        for column in ctx.columns:
            found = ctx.current(rival.id, column)
            if found is not None:
                verdict = ctx.verdict(found.verdict)
                states.append(f"{ctx.names[column]}: {verdict}" if column else verdict)
                held = held or found.verdict in ("held", "partly_held")
        statement = parse(rival.statement)
        bears_on = [ctx.label(ref) for ref in rival.about]
        rows.append(
            (
                Cell(plain_text(statement), prose=statement),
                Cell("; ".join(bears_on) or t["no_value"]),
                Cell("; ".join(states) or t["no_value"]),
            )
        )
        if held:
            at_risk.extend(label for label in bears_on if label not in at_risk)
    table = None
    if rows:
        table = Table(
            (t["col.rival"], t["col.bears_on"], t["judgement"]),
            tuple(rows),
            ctx.caption("table", t["caption.rivals"]),
        )
    pathway: list[str] = []
    for outcome in ctx.assessment.at_risk():
        if not ctx.in_scope(outcome.intervention):
            continue
        line = ctx.label(outcome.node)
        if outcome.intervention and ctx.intervention is None:
            line += f" ({ctx.names[outcome.intervention]})"
        if outcome.broken:
            line += ": " + "; ".join(ctx.label(ref) for ref in outcome.broken)
        pathway.append(line)
    return Rivals(heading, table, tuple(at_risk), tuple(pathway))


def indicators(ctx: Context, heading: Heading) -> Indicators:
    """The indicators of the outcomes in scope: baseline, target, latest value, status."""
    t = ctx.t
    rows = [
        _indicator_row(ctx, node, indicator)
        for node in ctx.doc.nodes
        if ctx.node_in_scope(node)
        for indicator in node.indicators
    ]
    table = None
    if rows:
        table = Table(
            (
                t["col.outcome"],
                t["col.indicator"],
                t["col.baseline"],
                t["col.target"],
                t["col.actual"],
                t["col.status"],
            ),
            tuple(rows),
            ctx.caption("table", t["caption.indicators"]),
        )
    return Indicators(heading, table)


def _measurement(ctx: Context, value: Measurement | None, unit: str | None) -> str:
    if value is None:
        return ctx.t["no_value"]
    shown = format_measure(value.value, unit, ctx.language)
    return f"{shown} ({ctx.date(value.date)})" if value.date else shown


def _indicator_row(ctx: Context, node: Node, indicator: Indicator) -> tuple[Cell, ...]:
    return (
        Cell(_one_line(node.label)),
        Cell(_one_line(indicator.name)),
        Cell(_measurement(ctx, indicator.baseline, indicator.unit), numeric=True),
        Cell(_measurement(ctx, indicator.target, indicator.unit), numeric=True),
        Cell(_measurement(ctx, latest(indicator), indicator.unit), numeric=True),
        Cell(ctx.t[f"status.{status(indicator)}"]),
    )
