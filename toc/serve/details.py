"""What the page's side panel shows about a box or a mechanism, as plain data.

Nothing here is judged anew: the verdict of a badge comes from
`toc.assessment.Assessment.badge` (the one rule), a mechanism's judgements and
the evidence's suggestion from `toc.assessment.Assessment.cell`, a condition's
state from `toc.assessment.Assessment.condition`, pathway support from
`toc.assessment.Assessment.support`; statements, evidence summaries and
indicator readings are the document's own text. The page only lays it out.
"""

from __future__ import annotations

from typing import Any

from mechanisms.model import Mechanism
from toc.assessment import Assessment
from toc.diagram.theme import THEMES, text_colour
from toc.diagram.view import heading
from toc.i18n import format_measure, format_number, text
from toc.model import Document, Measurement, Node

__all__ = ["details"]

_WORDS = (
    "stage",
    "strand",
    "common",
    "description",
    "indicators",
    "baseline",
    "target",
    "actual",
    "support",
    "mechanism",
    "statement",
    "links",
    "conditions",
    "evidence",
    "verdict",
    "judgement",
    "suggestion",
    "posterior",
    "by",
    "none",
    "focus",
    "close",
    "findings",
    "no_findings",
)


def _cells(result: Assessment, mechanism: str, intervention: str | None, doc: Document) -> Any:
    theme = THEMES["default"]
    names = {i.id: i.name for i in doc.interventions}
    out = []
    for cell in result.badge(mechanism, intervention):
        style = theme.verdicts[cell.verdict]
        out.append(
            {
                "intervention": names.get(cell.intervention or ""),
                "verdict": cell.verdict,
                "word": text(f"verdict.{cell.verdict}", doc.language),
                "symbol": style.symbol,
                "colour": style.colour,
                "text_colour": text_colour(style.colour),
                "suggested": cell.source == "suggested",
            }
        )
    return out


def _value(value: Measurement | None, unit: str | None, lang: str) -> str | None:
    """A reading in its unit (`toc.i18n.format_measure`, as the report and logframe write it)."""
    if value is None:
        return None
    number = format_measure(value.value, unit, lang)
    return f"{number} ({value.date})" if value.date else number


def details(doc: Document, result: Assessment) -> dict[str, Any]:
    """The side panel's data for every box and mechanism of ``doc``.

    ``result`` is the document's assessment over all its interventions (made
    once per revision of the file). Mechanism badges carry one entry per view:
    ``""`` for the whole document and one per intervention id.
    """
    lang = doc.language
    words = {key: text(f"serve.panel.{key}", lang) for key in _WORDS}
    names = {i.id: i.name for i in doc.interventions}
    nodes = {node.id: _node(node, result, names, words, lang) for node in doc.nodes}
    labels = {node.id: node.label for node in doc.nodes}
    statements = {c.id: c.statement.strip() for c in doc.conditions}
    mechanisms: dict[str, Any] = {}
    for number, mechanism in enumerate(doc.mechanisms, start=1):
        mechanisms[mechanism.id] = {
            "number": number,
            "title": mechanism.title,
            "statement": (mechanism.statement or "").strip() or None,
            "links": [
                " → ".join(labels.get(end.strip(), end) for end in ref.split("->"))
                for ref in mechanism.links
            ],
            "conditions": _conditions(mechanism, result, names, statements, lang),
            "evidence": _evidence(doc, mechanism, names, words),
            "judgements": _judgements(mechanism, result, names, lang),
            "badge": {key or "": _cells(result, mechanism.id, key, doc) for key in [None, *names]},
        }
    return {
        "language": lang,
        "words": words,
        "numbers": {str(m["number"]): key for key, m in mechanisms.items()},
        "interventions": [{"id": i.id, "name": i.name} for i in doc.interventions],
        "stages": [heading(stage, lang) for stage in doc.stages],
        "nodes": nodes,
        "mechanisms": mechanisms,
    }


def _node(
    node: Node, result: Assessment, names: dict[str, str], words: dict[str, str], lang: str
) -> dict[str, Any]:
    """A box: its stage, strand, indicators and pathway support per view."""
    support = {}
    for key in [None, *names]:
        found = result.support(node.id, key)
        if found is not None:
            support[names[key] if key else ""] = text(f"judge.support.{found}", lang)
    return {
        "label": node.label,
        "stage": heading(node.stage, lang),
        "strand": [names[i] for i in node.interventions] or [words["common"]],
        "description": node.description,
        "indicators": [
            {
                "name": i.name,
                "baseline": _value(i.baseline, i.unit, lang),
                "target": _value(i.target, i.unit, lang),
                "readings": [_value(m, i.unit, lang) for m in i.actual],
            }
            for i in node.indicators
        ],
        "support": support,
    }


def _conditions(
    mechanism: Mechanism,
    result: Assessment,
    names: dict[str, str],
    statements: dict[str, str],
    lang: str,
) -> list[dict[str, Any]]:
    """A mechanism's conditions, each with its state per intervention."""
    columns: list[str | None] = list(names) or [None]
    conditions = []
    for condition in mechanism.conditions:
        states = []
        for column in columns:
            state = result.condition(condition, column).state
            if state is not None:
                who = f"{names[column]}: " if column else ""
                states.append(who + text(f"verdict.{state}", lang))
        conditions.append({"statement": statements[condition], "states": states})
    return conditions


def _evidence(
    doc: Document, mechanism: Mechanism, names: dict[str, str], words: dict[str, str]
) -> list[dict[str, Any]]:
    """The evidence about a mechanism, grouped: across interventions, then per intervention."""
    lang = doc.language
    evidence = []
    for column in [None, *names]:
        items = [
            {
                "summary": (item.summary or "").strip() or None,
                "kind": text(f"report.kind.{item.kind}", lang),
                "source": item.source,
                "date": item.date,
                "stance": text(f"report.stance.{item.stance}", lang) if item.stance else None,
            }
            for item in doc.evidence
            if item.about == mechanism.id and item.intervention == column
        ]
        if items:
            evidence.append(
                {"heading": names[column] if column else words["common"], "items": items}
            )
    return evidence


def _judgements(
    mechanism: Mechanism, result: Assessment, names: dict[str, str], lang: str
) -> list[dict[str, Any]]:
    """Per intervention where it applies or was judged: the current judgement and the suggestion."""
    columns: list[str | None] = list(names) or [None]
    judged = []
    for column in columns:
        cell = result.cell(mechanism.id, column)
        if not cell.applies and cell.recorded is None:
            continue
        current = cell.history.current.judgement if cell.history.current else None
        suggestion = cell.suggestion
        judged.append(
            {
                "heading": names[column] if column else "",
                "verdict": text(f"verdict.{current.verdict}", lang) if current else None,
                "rationale": (current.rationale or "").strip() or None if current else None,
                "by": current.by if current else None,
                "date": current.date if current else None,
                "suggestion": (
                    text(f"verdict.{suggestion.verdict}", lang) if suggestion.verdict else None
                ),
                "posterior": (
                    format_number(suggestion.posterior, lang, 2)
                    if suggestion.posterior is not None
                    else None
                ),
            }
        )
    return judged
