"""Consistency findings: where the recorded judgements and the evidence disagree.

The rules live in `mechanisms.judge` (as `Issue` kinds); this module gives
each kind a stable code, registers it as a `toc check` check, and writes its
message in the document's language. The evaluator's verdict always stands:
a finding shows the disagreement, it never changes the verdict.

======  ==========================  ========  =============================================
code    name                        severity  finding
======  ==========================  ========  =============================================
TOC101  verdict-conflict            error     recorded held, evidence suggests not held (or
                                              the reverse)
TOC102  verdict-differs             warning   recorded and suggested one step apart (held vs
                                              inconclusive, partly held vs not held, ...)
TOC103  cites-other-target          warning   a judgement cites evidence about something else
TOC104  cites-other-intervention    warning   a judgement cites evidence from another
                                              intervention
TOC105  held-condition-absent       warning   judged held while a condition it depends on is
                                              absent
TOC106  verdict-without-evidence    warning   a verdict with no evidence at all
TOC107  intervention-not-applicable warning   judged for an intervention it does not apply to
TOC108  condition-conflict          error     condition recorded present, survey rule absent
                                              (or the reverse)
TOC109  condition-differs           info      condition state and survey rule differ
                                              otherwise
TOC110  stance-mismatch             warning   an item's stance and its likelihoods point
                                              opposite ways
TOC111  undefined-posterior         error     evidence certain both ways: no posterior
TOC112  rival-held                  warning   a rival explanation held or partly held
======  ==========================  ========  =============================================
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from toc.checks import Finding, Severity, register
from toc.errors import Path
from toc.i18n import format_number, text
from toc.model import Document

if TYPE_CHECKING:
    from mechanisms.judge import Issue, Judging

__all__ = ["ISSUE_CODES", "findings_of", "verdict_name"]

ISSUE_CODES: Mapping[str, tuple[str, str, Severity]] = {
    "verdict-conflict": ("TOC101", "verdict-conflict", "error"),
    "verdict-differs": ("TOC102", "verdict-differs", "warning"),
    "cites-other-target": ("TOC103", "cites-other-target", "warning"),
    "cites-other-intervention": ("TOC104", "cites-other-intervention", "warning"),
    "held-condition-absent": ("TOC105", "held-condition-absent", "warning"),
    "verdict-without-evidence": ("TOC106", "verdict-without-evidence", "warning"),
    "intervention-not-applicable": ("TOC107", "intervention-not-applicable", "warning"),
    "condition-conflict": ("TOC108", "condition-conflict", "error"),
    "condition-differs": ("TOC109", "condition-differs", "info"),
    "stance-mismatch": ("TOC110", "stance-mismatch", "warning"),
    "undefined-posterior": ("TOC111", "undefined-posterior", "error"),
    "rival-held": ("TOC112", "rival-held", "warning"),
}
"""Stable code, name and severity of each kind of consistency finding (never reused).

The severities repeat `mechanisms.judge.ISSUE_SEVERITY` (a test keeps them
equal) so that registering the checks does not import the judgement code.
"""


def verdict_name(verdict: str | None, language: str) -> str:
    """A verdict or condition state as readers see it (``höll delvis``)."""
    if verdict is None:
        return text("judge.none", language)
    return text(f"judge.verdict.{verdict}", language)


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


def _finding(doc: Document, issue: Issue, index: _Index) -> Finding:
    code, name, _ = ISSUE_CODES[issue.kind]
    path, ids, fields = _describe(doc, issue, index)
    finding = Finding(
        code=code,
        name=name,
        severity=issue.severity,
        message=text(code, doc.language, **fields),
        hint=text(code + ".hint", doc.language, **fields),
        ids=ids,
        path=path,
    )
    source = getattr(doc, "_source", None)
    if source is None:
        return finding
    return finding.at(source.file, source.position(path))


_ORDER = {kind: n for n, kind in enumerate(ISSUE_CODES)}


def findings_of(
    doc: Document, judging: Judging, *, intervention: str | None = None
) -> list[Finding]:
    """The consistency findings of a judged document, located and in its language.

    Ordered by code, then as `mechanisms.judge.judge` found them. With
    ``intervention``, only the findings about that intervention or about
    all interventions are kept.
    """
    issues = [
        issue
        for issue in judging.issues
        if intervention is None or issue.intervention in (None, intervention)
    ]
    issues.sort(key=lambda issue: _ORDER[issue.kind])
    index = _Index(doc)
    return [_finding(doc, issue, index) for issue in issues]


# ------------------------------------------------------ toc check registry


def _judged(doc: Document, emit: Any) -> tuple[Judging, _Index]:
    from mechanisms.judge import Thresholds
    from toc.assess import judge_document

    # The judgement is computed once per `toc.check` run and kept in the run's
    # shared space, which `check` creates anew for every call.
    shared: dict[str, Any] = getattr(emit, "shared", {})
    cached = shared.get("consistency")
    if cached is None:
        cached = shared["consistency"] = (
            judge_document(doc, Thresholds(), summaries=False),
            _Index(doc),
        )
    judging, index = cached
    return judging, index


def _make_check(kind: str) -> Callable[[Document, Any], None]:
    def run(doc: Document, emit: Any) -> None:
        judging, index = _judged(doc, emit)
        for issue in judging.issues:
            if issue.kind == kind:
                path, ids, fields = _describe(doc, issue, index)
                emit(path, ids, **fields)

    run.__name__ = run.__qualname__ = "_" + kind.replace("-", "_")
    run.__doc__ = f"Consistency check {ISSUE_CODES[kind][0]} ({kind}): see toc.consistency."
    return run


for _kind, (_code, _name, _severity) in ISSUE_CODES.items():
    register(_code, _name, _severity)(_make_check(_kind))


def _register_support_scheme() -> None:
    # `toc render --color-by support` colours outcomes by pathway support;
    # toc.render imports toc.assess only when the scheme is used.
    from toc.render.options import COLOR_SCHEME_PLUGINS

    COLOR_SCHEME_PLUGINS.setdefault("support", "toc.assess:support_paint")


_register_support_scheme()
