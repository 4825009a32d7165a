"""Structural checks of a document: findings with codes, severities and locations.

Each check is a free function over the document that yields findings; `check`
runs them all in a fixed order. Codes are stable: ``docs/checks.md`` lists
each one with an example and the fix.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from mechanisms.model import SurveyEvidence
from toc.errors import Path
from toc.i18n import text
from toc.model import Document

__all__ = ["CHECKS", "Finding", "Severity", "check"]

Severity = Literal["error", "warning", "info"]
SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class Finding:
    """One thing a check noticed about a document.

    ``code`` is stable (``TOC001``), ``name`` its readable alias
    (``link-backwards``); ``ids`` are the elements involved and ``path`` the
    place in the data; ``file``, ``line`` and ``column`` are set when the
    document was loaded from a file.
    """

    code: str
    name: str
    severity: Severity
    message: str
    hint: str | None = None
    ids: tuple[str, ...] = ()
    path: Path = ()
    file: str | None = None
    line: int | None = None
    column: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON output, in a fixed key order."""
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity,
            "message": self.message,
            "hint": self.hint,
            "ids": list(self.ids),
            "path": list(self.path),
            "file": self.file,
            "line": self.line,
            "column": self.column,
        }


@dataclass(frozen=True)
class CheckInfo:
    """A check's code, name, severity and function."""

    code: str
    name: str
    severity: Severity
    run: Callable[[Document, _Emit], None] = field(repr=False)


class _Emit:
    def __init__(self, doc: Document, info: CheckInfo, out: list[Finding]) -> None:
        self.doc = doc
        self.info = info
        self.out = out

    def __call__(self, path: Path, ids: tuple[str, ...], **fields: Any) -> None:
        lang = self.doc.language
        code = self.info.code
        self.out.append(
            Finding(
                code=code,
                name=self.info.name,
                severity=self.info.severity,
                message=text(code, lang, **fields),
                hint=text(code + ".hint", lang, **fields),
                ids=ids,
                path=path,
            )
        )


CHECKS: list[CheckInfo] = []


def _check(code: str, name: str, severity: Severity) -> Callable[[Any], Any]:
    def register(func: Callable[[Document, _Emit], None]) -> Callable[[Document, _Emit], None]:
        CHECKS.append(CheckInfo(code, name, severity, func))
        return func

    return register


def check(doc: Document, *, select: list[str] | None = None) -> list[Finding]:
    """Run every structural check and return the findings, located.

    ``select`` limits the run to some codes or names. The order is fixed: by
    check, then by position in the document.

    >>> import toc
    >>> doc = toc.loads('''
    ... format: 1
    ... id: demo
    ... title: Demo
    ... nodes:
    ...   - {id: money, stage: resources, label: Money}
    ... ''')
    >>> [f.code for f in check(doc)]
    ['TOC003']
    """
    findings: list[Finding] = []
    for info in CHECKS:
        if select is None or info.code in select or info.name in select:
            info.run(doc, _Emit(doc, info, findings))
    source = getattr(doc, "_source", None)
    if source is None:
        return findings
    located = []
    for finding in findings:
        pos = source.position(finding.path)
        line, column = pos if pos else (None, None)
        located.append(
            Finding(
                code=finding.code,
                name=finding.name,
                severity=finding.severity,
                message=finding.message,
                hint=finding.hint,
                ids=finding.ids,
                path=finding.path,
                file=source.file,
                line=line,
                column=column,
            )
        )
    return located


# ------------------------------------------------------------------ helpers


def _stage_pos(doc: Document) -> dict[str, int]:
    return {stage: i for i, stage in enumerate(doc.stages)}


def _node_pos(doc: Document) -> dict[str, int]:
    return {node.id: i for i, node in enumerate(doc.nodes)}


def _forward_links(doc: Document) -> list[tuple[int, Any]]:
    return [(i, link) for i, link in enumerate(doc.links) if not link.feedback]


# ------------------------------------------------------------------- checks


@_check("TOC001", "link-backwards", "error")
def _link_backwards(doc: Document, emit: _Emit) -> None:
    stage_of = {node.id: node.stage for node in doc.nodes}
    order = _stage_pos(doc)
    for i, link in _forward_links(doc):
        a, b = stage_of[link.from_], stage_of[link.to]
        if order[b] < order[a]:
            emit(("links", i), (link.from_, link.to), ref=link.ref, from_stage=a, to_stage=b)


@_check("TOC002", "cycle", "error")
def _cycle(doc: Document, emit: _Emit) -> None:
    succ: dict[str, list[str]] = {node.id: [] for node in doc.nodes}
    pred: dict[str, list[str]] = {node.id: [] for node in doc.nodes}
    indegree = dict.fromkeys(succ, 0)
    first_link: dict[str, int] = {}
    for i, link in _forward_links(doc):
        succ[link.from_].append(link.to)
        pred[link.to].append(link.from_)
        indegree[link.to] += 1
        first_link.setdefault(link.from_, i)
    # Kahn's algorithm: what is never freed lies on or behind a cycle.
    ready = [n for n, d in indegree.items() if d == 0]
    while ready:
        n = ready.pop()
        for m in succ[n]:
            indegree[m] -= 1
            if indegree[m] == 0:
                ready.append(m)
    left = {n for n, d in indegree.items() if d > 0}
    node_pos = _node_pos(doc)
    done: set[str] = set()
    for start in sorted(left, key=node_pos.__getitem__):
        if start in done:
            continue
        ahead = _reach(start, succ, left)
        behind = _reach(start, pred, left)
        component = ahead & behind
        done |= component
        if len(component) < 2:
            continue
        members = sorted(component, key=node_pos.__getitem__)
        emit(
            ("links", first_link.get(members[0], 0)),
            tuple(members),
            nodes=", ".join(repr(m) for m in members),
        )


def _reach(start: str, edges: dict[str, list[str]], within: set[str]) -> set[str]:
    seen = {start}
    stack = [start]
    while stack:
        for nxt in edges[stack.pop()]:
            if nxt in within and nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return seen


@_check("TOC003", "leads-nowhere", "warning")
def _leads_nowhere(doc: Document, emit: _Emit) -> None:
    inputs = set(doc.input_stages)
    has_out = {link.from_ for link in doc.links}
    for i, node in enumerate(doc.nodes):
        if node.stage in inputs and node.id not in has_out:
            key = (
                f"stage.{node.stage}"
                if node.stage in ("resources", "activities")
                else "stage.other"
            )
            emit(("nodes", i), (node.id,), node=node.id, stage=text(key, doc.language))


@_check("TOC004", "outcome-unreached", "warning")
def _outcome_unreached(doc: Document, emit: _Emit) -> None:
    outcomes = set(doc.outcome_stages)
    has_in = {link.to for link in doc.links if not link.feedback}
    for i, node in enumerate(doc.nodes):
        if node.stage in outcomes and node.id not in has_in:
            emit(("nodes", i), (node.id,), node=node.id)


@_check("TOC005", "link-skips-stage", "info")
def _skips(doc: Document, emit: _Emit) -> None:
    stage_of = {node.id: node.stage for node in doc.nodes}
    order = _stage_pos(doc)
    for i, link in _forward_links(doc):
        a, b = stage_of[link.from_], stage_of[link.to]
        if order[b] - order[a] > 1:
            emit(("links", i), (link.from_, link.to), ref=link.ref, from_stage=a, to_stage=b)


@_check("TOC006", "link-without-mechanism", "info")
def _link_without_mechanism(doc: Document, emit: _Emit) -> None:
    explained = {ref for m in doc.mechanisms for ref in m.links}
    explained |= {link.ref for link in doc.links if link.mechanisms}
    for i, link in enumerate(doc.links):
        if link.ref not in explained:
            emit(("links", i), (link.from_, link.to), ref=link.ref)


@_check("TOC007", "mechanism-without-link", "warning")
def _mechanism_without_link(doc: Document, emit: _Emit) -> None:
    on_links = {m for link in doc.links for m in link.mechanisms}
    for i, mechanism in enumerate(doc.mechanisms):
        if not mechanism.links and mechanism.id not in on_links:
            emit(("mechanisms", i), (mechanism.id,), id=mechanism.id)


@_check("TOC008", "no-evidence", "warning")
def _no_evidence(doc: Document, emit: _Emit) -> None:
    covered = {item.about for item in doc.evidence}
    for i, mechanism in enumerate(doc.mechanisms):
        if mechanism.id not in covered:
            kind = text("mechanism", doc.language)
            emit(("mechanisms", i), (mechanism.id,), kind=kind, id=mechanism.id)
    for i, rival in enumerate(doc.rivals):
        if rival.id not in covered:
            kind = text("rival", doc.language)
            emit(("rivals", i), (rival.id,), kind=kind, id=rival.id)


@_check("TOC009", "outcome-without-indicator", "info")
def _outcome_without_indicator(doc: Document, emit: _Emit) -> None:
    outcomes = set(doc.outcome_stages)
    for i, node in enumerate(doc.nodes):
        if node.stage in outcomes and not node.indicators:
            emit(("nodes", i), (node.id,), node=node.id)


@_check("TOC010", "activity-without-actor", "info")
def _activity_without_actor(doc: Document, emit: _Emit) -> None:
    for i, node in enumerate(doc.nodes):
        if node.stage == "activities" and not node.actors:
            emit(("nodes", i), (node.id,), node=node.id)


@_check("TOC011", "survey-mostly-dont-know", "warning")
def _survey_dont_know(doc: Document, emit: _Emit) -> None:
    for i, item in enumerate(doc.evidence):
        if isinstance(item, SurveyEvidence):
            answered = sum(item.counts)
            if item.dont_know > answered:
                emit(
                    ("evidence", i),
                    (item.id,),
                    id=item.id,
                    dont_know=item.dont_know,
                    answered=answered,
                )


@_check("TOC012", "condition-unused", "warning")
def _condition_unused(doc: Document, emit: _Emit) -> None:
    used = {c for m in doc.mechanisms for c in m.conditions}
    for i, condition in enumerate(doc.conditions):
        if condition.id not in used:
            emit(("conditions", i), (condition.id,), id=condition.id)
