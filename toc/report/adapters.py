"""The report's view of the rest of the library: assessment, survey rule, checks, diagram.

Each function here is the one place the report asks another part of `toc` or
`mechanisms` for something, so a change of their interfaces touches only this
module.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mechanisms.model import SurveyEvidence
from toc.model import Document

__all__ = [
    "Suggestion",
    "assess",
    "at_risk",
    "diagram",
    "disagrees",
    "findings",
    "suggestion",
    "survey_rule",
]


@dataclass(frozen=True)
class Suggestion:
    """The evidence-based suggestion for a mechanism in one intervention."""

    verdict: str
    posterior: float | None
    robustness: str | None


def assess(doc: Document) -> Any:
    """The document's assessment (`toc.assess.assess`), or None where it is unavailable."""
    try:
        from toc.assess import assess as run
    except ImportError:
        return None
    try:
        return run(doc)
    except ImportError:
        # A part the assessment needs is not installed; report without suggestions.
        return None


def _robustness(robustness: Any, language: str) -> str | None:
    from toc.i18n import text

    if robustness is None:
        return None
    if getattr(robustness, "stable", False):
        return text("report.robust.stable", language)
    parts = []
    if getattr(robustness, "prior_sensitive", False):
        parts.append(text("report.robust.prior", language))
    pivotal = list(getattr(robustness, "pivotal", []) or [])
    if pivotal:
        parts.append(text("report.robust.pivotal", language, items=", ".join(pivotal)))
    return "; ".join(parts) or None


def suggestion(
    assessment: Any, mechanism: str, intervention: str | None, language: str = "en"
) -> Suggestion | None:
    """The suggestion the assessment makes for ``mechanism`` in ``intervention``."""
    if assessment is None:
        return None
    finder = getattr(assessment, "suggestion", None)
    if not callable(finder):
        return None
    try:
        found = finder(mechanism, intervention)
    except LookupError:
        return None
    verdict = getattr(found, "verdict", None)
    if not isinstance(verdict, str):
        return None
    posterior = getattr(found, "posterior", None)
    return Suggestion(
        verdict=verdict,
        posterior=float(posterior) if isinstance(posterior, int | float) else None,
        robustness=_robustness(getattr(found, "robustness", None), language),
    )


def disagrees(recorded: str, suggested: str) -> bool:
    """Whether a recorded verdict and a suggestion disagree enough to show.

    >>> disagrees("held", "not_held"), disagrees("too_early", "held")
    (True, False)
    """
    try:
        from mechanisms.judge import compare_verdicts
    except ImportError:
        return recorded != suggested and recorded != "too_early"
    return compare_verdicts(recorded, suggested) is not None


def at_risk(assessment: Any) -> list[tuple[str, str | None, list[str]]]:
    """Outcomes at risk: ``(node id, intervention id, broken links)``, in order."""
    if assessment is None or not callable(getattr(assessment, "at_risk", None)):
        return []
    return [(o.node, o.intervention, list(getattr(o, "broken", []))) for o in assessment.at_risk()]


def survey_rule(item: SurveyEvidence) -> tuple[str, float] | None:
    """``("support" | "weak", top share)`` by the survey rule, None when nobody answered.

    >>> from mechanisms.model import SurveyEvidence
    >>> survey_rule(SurveyEvidence(id="e", about="c", kind="survey", question="q",
    ...     scale=["low", "mid", "high"], counts=[0, 6, 7], dont_know=4))
    ('support', 0.5384615384615384)
    """
    from mechanisms.evidence import survey_result

    result = survey_result(item)
    if result.answered == 0:
        return None
    return ("support" if result.colour == "green" else "weak"), result.top_share


def findings(doc: Document, intervention: str | None = None) -> list[Any]:
    """The structural findings (`toc.check`) and the consistency findings.

    With ``intervention``, the consistency findings are those about that
    intervention or about all of them. Each has ``code``, ``severity``,
    ``message``, ``line`` and ``column``.
    """
    from toc.assess import judge_document, survey_findings

    # Findings that belong to one intervention come from where they are
    # scoped: the consistency findings and the survey "don't know" finding.
    from toc.checks import CHECKS, check
    from toc.consistency import ISSUE_CODES, findings_of

    scoped = {code for code, _, _ in ISSUE_CODES.values()} | {"TOC011"}
    # Selecting the unscoped checks spares `check` a judgement of its own.
    found: list[Any] = check(doc, select=[c.code for c in CHECKS if c.code not in scoped])
    found.extend(survey_findings(doc, intervention))
    found.extend(findings_of(doc, judge_document(doc), intervention=intervention))
    return found


def diagram_verdicts(
    doc: Document, intervention: str | None, assessment: Any
) -> tuple[dict[str, Any], frozenset[str]] | None:
    """The verdicts the diagram shows: recorded, else suggested (and whether any is).

    None when ``assessment`` is not a `toc.assess.Assessment`.
    """
    from toc.assess import Assessment, effective_verdicts

    if not isinstance(assessment, Assessment):
        return None
    verdicts, suggested = effective_verdicts(doc, intervention=intervention, assessment=assessment)
    return dict(verdicts), suggested


def diagram(
    doc: Document,
    verdicts: dict[str, Any],
    fmt: str,
    intervention: str | None,
    suggested: frozenset[str] = frozenset(),
) -> bytes:
    """The diagram as ``svg`` or ``png`` bytes, coloured by ``verdicts``, via `toc.render`.

    ``verdicts`` maps mechanism ids to a verdict, or to one per intervention.
    Raises `toc.errors.TocError` when it cannot be drawn.
    """
    from toc.report.diagram import draw

    return draw(doc, verdicts, fmt, intervention, suggested)
