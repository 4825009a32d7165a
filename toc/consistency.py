"""Judgement findings: where the recorded judgements and the evidence disagree.

The rules live in `mechanisms` (`mechanisms.issues` for the kinds and their
severities, `mechanisms.evidence` for the survey rule); this module writes
each result of a judgement as a located `toc.findings.Finding` in the
document's language, under its code from `toc.codes`:

- TOC011: a survey with more "don't know" than answers (`SurveyResult.mostly_dont_know`);
- TOC101–TOC112: one per `mechanisms.issues.Issue`. An issue its judgement
  acknowledges (``acknowledges:``) is information that quotes the rationale.

The evaluator's verdict always stands: a finding shows the disagreement, it
never changes the verdict. Nothing here knows colours or runs the judgement.
"""

from __future__ import annotations

from typing import Any

from mechanisms.issues import Issue
from mechanisms.judge import Judging
from toc import codes
from toc.checks import word
from toc.findings import Finding, Path
from toc.i18n import format_number, text
from toc.model import Document

__all__ = ["findings_of", "verdict_name"]


def verdict_name(verdict: str | None, language: str) -> str:
    """A verdict or condition state as readers see it (``höll delvis``)."""
    if verdict is None:
        return text("judge.none", language)
    return text(f"verdict.{verdict}", language)


def _where(doc: Document, intervention: str | None, judged_across: bool) -> str:
    if intervention is not None:
        item = doc.get(intervention)
        name = getattr(item, "name", intervention)
        return text("judge.in", doc.language, name=name)
    if judged_across and doc.interventions:
        return text("judge.across", doc.language)
    return ""


class _Index:
    """Where each judged element and evidence item sits in the document."""

    def __init__(self, doc: Document) -> None:
        self.targets: dict[str, tuple[str, Path]] = {}
        for i, m in enumerate(doc.mechanisms):
            self.targets[m.id] = ("mechanism", ("mechanisms", i))
        for i, r in enumerate(doc.rivals):
            self.targets[r.id] = ("rival", ("rivals", i))
        for i, c in enumerate(doc.conditions):
            self.targets[c.id] = ("condition", ("conditions", i))
        self.evidence = {item.id: i for i, item in enumerate(doc.evidence)}


def _describe(
    doc: Document, issue: Issue, index: _Index
) -> tuple[Path, tuple[str, ...], dict[str, Any]]:
    """The path, ids and message fields of one issue."""
    lang = doc.language
    kind, target_path = index.targets.get(issue.about, ("mechanism", ()))
    path: Path = target_path
    if issue.judgement is not None:
        path = ("judgements", issue.judgement)
    elif issue.evidence is not None and issue.evidence in index.evidence:
        path = ("evidence", index.evidence[issue.evidence])
    ids = tuple(
        dict.fromkeys(
            x for x in (issue.about, issue.evidence, issue.intervention, *issue.other) if x
        )
    )
    if issue.kind == "stance-mismatch":
        direction = issue.suggested or "none"
        fields: dict[str, Any] = {
            "evidence": issue.evidence,
            "stance": issue.recorded,
            "direction": text(f"judge.direction.{direction}", lang),
            "about": issue.about,
        }
        return path, ids, fields
    detail = ""
    if issue.posterior is not None:
        detail = text("judge.posterior_detail", lang, p=format_number(issue.posterior, lang, 2))
    intervention_name = ""
    if issue.intervention is not None:
        intervention_name = getattr(doc.get(issue.intervention), "name", issue.intervention)
    fields = {
        "what": text(f"judge.kind.{kind}", lang),
        "about": issue.about,
        "where": _where(doc, issue.intervention, issue.judgement is not None),
        "intervention": intervention_name,
        "recorded": verdict_name(issue.recorded, lang),
        "suggested": verdict_name(issue.suggested, lang),
        "verdict": verdict_name(issue.recorded or issue.suggested, lang),
        "detail": detail,
        "evidence": issue.evidence or "",
        "other": ", ".join(issue.other),
    }
    return path, ids, fields


def findings_of(
    doc: Document, judging: Judging, *, intervention: str | None = None
) -> list[Finding]:
    """The judgement findings of a judged document, located and in its language.

    TOC011 first, then the issues in code order (within a code, as
    `mechanisms.judge.judge` found them). With ``intervention``, only the
    findings about that intervention or about all interventions are kept.
    """
    raw: list[tuple[str, Path, tuple[str, ...], dict[str, Any]]] = []
    evidence_at = {item.id: i for i, item in enumerate(doc.evidence)}
    for survey in judging.surveys:
        if survey.mostly_dont_know and (
            intervention is None or survey.intervention in (None, intervention)
        ):
            raw.append(
                (
                    "TOC011",
                    ("evidence", evidence_at[survey.item]),
                    (survey.item,),
                    {"id": survey.item, "dont_know": survey.dont_know, "answered": survey.answered},
                )
            )
    issues = [
        issue
        for issue in judging.issues
        if intervention is None or issue.intervention in (None, intervention)
    ]
    issues.sort(key=lambda issue: codes.order(codes.ISSUE_CODES[issue.kind]))
    index = _Index(doc)
    rationale: dict[int, str] = {}
    for issue in issues:
        path, ids, fields = _describe(doc, issue, index)
        if issue.acknowledged and issue.judgement is not None:
            rationale[len(raw)] = " ".join(
                (doc.judgements[issue.judgement].rationale or "").split()
            )
        raw.append((codes.ISSUE_CODES[issue.kind], path, ids, fields))
    found = word(doc, raw)
    for at, reason in rationale.items():
        base = found[at]
        found[at] = Finding(
            text("acknowledged", doc.language, message=base.message, rationale=reason),
            base.path,
            base.hint,
            base.file,
            base.line,
            base.column,
            base.code,
            base.name,
            "info",
            base.ids,
        )
    return found
