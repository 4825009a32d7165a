"""Issues: where the recorded judgements and the evidence disagree.

The vocabulary of consistency findings (`IssueKind`), their severities, and
the two comparisons behind them. The evaluator's verdict always stands: an
issue shows a disagreement, it never changes the verdict. `toc` gives each
kind a stable ``TOC1xx`` code and writes its message.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

from mechanisms.types import IssueKind

__all__ = [
    "ISSUE_KINDS",
    "ISSUE_SEVERITY",
    "Issue",
    "IssueKind",
    "Severity",
    "compare_states",
    "compare_verdicts",
    "issue",
]

Severity = Literal["error", "warning", "info"]
"""How serious a finding is, most serious first."""


ISSUE_KINDS: tuple[str, ...] = get_args(IssueKind)
"""Every kind, in code order."""

ISSUE_SEVERITY: Mapping[str, Severity] = {
    "verdict-conflict": "error",
    "verdict-differs": "warning",
    "cites-other-target": "warning",
    "cites-other-intervention": "warning",
    "held-condition-absent": "warning",
    "verdict-without-evidence": "warning",
    "intervention-not-applicable": "warning",
    "stance-mismatch": "warning",
    "condition-conflict": "error",
    "condition-differs": "info",
    "undefined-posterior": "error",
    "rival-held": "warning",
}
"""The severity of each kind of issue."""


@dataclass(frozen=True, slots=True)
class Issue:
    """A disagreement between the record and the evidence, or a broken citation.

    Fields beyond ``kind`` say what is involved; the message is written by
    the caller (``toc`` writes it in the document's language).
    """

    kind: IssueKind
    """What kind of disagreement."""
    severity: Severity
    """``error`` for conflicts, ``warning``, ``info``."""
    about: str
    """The mechanism, condition or rival concerned."""
    intervention: str | None
    """The intervention concerned (None: all, or the document as a whole)."""
    judgement: int | None = None
    """Index of the judgement concerned, if any."""
    evidence: str | None = None
    """Id of the evidence item concerned, if any."""
    recorded: str | None = None
    """The recorded verdict or state, if relevant."""
    suggested: str | None = None
    """The suggested verdict or state, if relevant."""
    posterior: float | None = None
    """The posterior behind the suggestion, if relevant."""
    other: list[str] = field(default_factory=list)
    """Other ids involved: what a cited item is about, the absent conditions,
    the outcomes and links a rival would also explain, ..."""
    acknowledged: bool = False
    """The judgement concerned accepts this issue on purpose (its ``acknowledges``):
    the issue is then information (severity ``info``), with the judgement's rationale."""


def issue(kind: IssueKind, about: str, intervention: str | None, **fields: Any) -> Issue:
    """An `Issue` of ``kind`` with its severity (``info`` when acknowledged)."""
    severity: Severity = "info" if fields.get("acknowledged") else ISSUE_SEVERITY[kind]
    return Issue(kind=kind, severity=severity, about=about, intervention=intervention, **fields)


_CONFLICTS = {("held", "not_held"), ("not_held", "held")}
_DIFFERS = {
    ("held", "partly_held"),
    ("held", "inconclusive"),
    ("partly_held", "not_held"),
    ("inconclusive", "held"),
    ("inconclusive", "partly_held"),
    ("inconclusive", "not_held"),
    ("not_held", "partly_held"),
    ("not_held", "inconclusive"),
}


def compare_verdicts(recorded: str, suggested: str | None) -> Literal["conflict", "differs"] | None:
    """How a recorded verdict relates to a suggested one.

    ``conflict``: held against not held. ``differs``: one step apart (held
    or not held against inconclusive, partly held against not held, ...).
    None: they agree, there is no suggestion, or the record says
    ``too_early`` (a judgement about timing the evidence cannot contradict).

    >>> compare_verdicts("held", "not_held"), compare_verdicts("held", "inconclusive")
    ('conflict', 'differs')
    >>> compare_verdicts("partly_held", "held") is None
    True
    """
    if suggested is None:
        return None
    if (recorded, suggested) in _CONFLICTS:
        return "conflict"
    if (recorded, suggested) in _DIFFERS:
        return "differs"
    return None


def compare_states(recorded: str, suggested: str | None) -> Literal["conflict", "differs"] | None:
    """How a recorded condition state relates to the state the surveys suggest.

    >>> compare_states("present", "absent"), compare_states("partly_present", "present")
    ('conflict', 'differs')
    """
    if suggested is None or recorded == suggested:
        return None
    if {recorded, suggested} == {"present", "absent"}:
        return "conflict"
    return "differs"
