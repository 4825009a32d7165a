"""Structural checks of a document: findings with codes, severities and locations.

Each check is a free function over the document that reports findings; `check`
runs them all in a fixed order. Codes are stable and never reused:
``docs/checks.md`` lists each one with an example and the fix.

Severities mean:

- ``error``: the chain contradicts itself (a link backwards, a cycle); the
  command line exits with status 1.
- ``warning``: something is very likely missing or left over; worth fixing
  before a report is written.
- ``info``: a gap that is often deliberate (a link nobody tests yet).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from mechanisms._gc import collector_paused
from mechanisms.model import SurveyEvidence
from toc.errors import OptionError, Path
from toc.i18n import text
from toc.model import Document, Link

__all__ = [
    "CHECKS",
    "SEVERITIES",
    "CheckInfo",
    "Finding",
    "Severity",
    "check",
    "register",
]

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
"""Severities, most severe first."""
SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class Finding:
    """One thing a check noticed about a document.

    ``code`` is stable (``TOC001``), ``name`` its readable alias
    (``link-backwards``); ``message`` and ``hint`` are in the document's
    language; ``ids`` are the elements involved and ``path`` the place in the
    data; ``file``, ``line`` and ``column`` (1-based) are set when the
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

    def where(self) -> str:
        """``file:line:column`` as far as known."""
        parts = [self.file or "<document>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def __str__(self) -> str:
        return f"{self.where()}: {self.severity} {self.code}: {self.message}"

    def at(self, file: str, position: tuple[int, int] | None) -> Finding:
        """This finding placed in ``file`` at ``position`` (line, column), if known."""
        line, column = position if position else (None, None)
        # Direct construction: `dataclasses.replace` costs three times as much,
        # which shows when a large document has thousands of findings.
        return Finding(
            self.code,
            self.name,
            self.severity,
            self.message,
            self.hint,
            self.ids,
            self.path,
            file,
            line,
            column,
        )

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


class _Emit:
    """Builds a check's findings from the catalogue, in the document's language."""

    def __init__(
        self,
        doc: Document,
        info: CheckInfo,
        out: list[_Raw],
        shared: dict[str, Any] | None = None,
    ) -> None:
        self.doc = doc
        self.info = info
        self.out = out
        # Work several checks of one run need (the judgement) is done once and
        # kept here, for this run only: nothing outlives a `check` call.
        self.shared: dict[str, Any] = {} if shared is None else shared

    def __call__(self, path: Path, ids: tuple[str, ...], **fields: Any) -> None:
        # Worded and placed later, all at once: a large document has thousands.
        self.out.append((self.info, path, ids, fields))


_Raw = tuple["CheckInfo", Path, tuple[str, ...], dict[str, Any]]
"""A finding as a check reports it: which check, where, about what, the message's fields."""


@dataclass(frozen=True)
class CheckInfo:
    """A registered check: its code, name, severity and function."""

    code: str
    name: str
    severity: Severity
    run: Callable[[Document, _Emit], None] = field(repr=False, compare=False)


CHECKS: list[CheckInfo] = []
"""Every registered check, in the order `check` runs them."""

_CheckFunc = Callable[[Document, _Emit], None]


def register(code: str, name: str, severity: Severity) -> Callable[[_CheckFunc], _CheckFunc]:
    """Register a check function under a stable code, a name and a severity.

    The function gets the document and an ``emit(path, ids, **fields)``
    callable; the message and hint come from the `toc.i18n` catalogue entries
    ``code`` and ``code + ".hint"``, filled with ``fields``. Other modules add
    their checks this way (with codes after the last one used here).
    """
    if severity not in SEVERITY_ORDER:
        raise ValueError(f"severity {severity!r}: use one of {SEVERITIES}")

    def add(func: _CheckFunc) -> _CheckFunc:
        for info in CHECKS:
            if info.code == code or info.name == name:
                raise ValueError(f"check {code} {name} is registered twice")
        CHECKS.append(CheckInfo(code, name, severity, func))
        return func

    return add


def check(doc: Document, *, select: Iterable[str] | None = None) -> list[Finding]:
    """Run every structural check and return the findings, located.

    ``select`` limits the run to some codes or names (an unknown one is an
    `OptionError`). The order is fixed: by check, then by position in the
    document.

    >>> import toc
    >>> doc = toc.loads('''
    ... format: 1
    ... id: demo
    ... title: Demo
    ... nodes:
    ...   - {id: money, stage: resources, label: Money}
    ... ''')
    >>> for finding in check(doc):
    ...     print(finding)
    <string>:6:5: warning TOC003: the resource 'money' leads nowhere: no link starts at it
    """
    chosen = CHECKS
    if select is not None:
        wanted = set(select)
        known = {info.code for info in CHECKS} | {info.name for info in CHECKS}
        unknown = sorted(wanted - known)
        if unknown:
            raise OptionError(
                f"unknown check {unknown[0]!r}: use a code such as TOC001 or a name such as "
                "link-backwards (docs/checks.md lists them all)"
            )
        chosen = [info for info in CHECKS if info.code in wanted or info.name in wanted]
    raw: list[_Raw] = []
    shared: dict[str, Any] = {}
    with collector_paused():
        for info in chosen:
            info.run(doc, _Emit(doc, info, raw, shared))
        return _findings(doc, raw)


def _findings(doc: Document, raw: list[_Raw]) -> list[Finding]:
    """The reported findings worded in the document's language and placed in its file."""
    lang = doc.language
    source = getattr(doc, "_source", None)
    file = source.file if source is not None else None
    positions = (
        source.positions([path for _, path, _, _ in raw])
        if source is not None
        else [None] * len(raw)
    )
    out = []
    for (info, path, ids, fields), position in zip(raw, positions, strict=True):
        line, column = position if position else (None, None)
        code = info.code
        out.append(
            Finding(
                code,
                info.name,
                info.severity,
                text(code, lang, **fields),
                text(code + ".hint", lang, **fields),
                ids,
                path,
                file,
                line,
                column,
            )
        )
    return out


# ------------------------------------------------------------------ helpers


def _stage_pos(doc: Document) -> dict[str, int]:
    return {stage: i for i, stage in enumerate(doc.stages)}


def _forward_links(doc: Document) -> list[tuple[int, Link]]:
    return [(i, link) for i, link in enumerate(doc.links) if not link.feedback]


def _backwards(doc: Document) -> list[tuple[int, Link]]:
    """Links that run to an earlier stage without ``feedback: true``."""
    stage_of = {node.id: node.stage for node in doc.nodes}
    order = _stage_pos(doc)
    return [
        (i, link)
        for i, link in _forward_links(doc)
        if order[stage_of[link.to]] < order[stage_of[link.from_]]
    ]


def _explained(doc: Document) -> set[str]:
    # A loaded document keeps the relation on the mechanism side only; a
    # document built in Python may still have it on the links.
    refs = {ref for m in doc.mechanisms for ref in m.links}
    return refs | {link.ref for link in doc.links if link.mechanisms}


# ------------------------------------------------------------------- checks


@register("TOC001", "link-backwards", "error")
def _link_backwards(doc: Document, emit: _Emit) -> None:
    stage_of = {node.id: node.stage for node in doc.nodes}
    for i, link in _backwards(doc):
        emit(
            ("links", i),
            (link.from_, link.to),
            ref=link.ref,
            from_stage=stage_of[link.from_],
            to_stage=stage_of[link.to],
        )


@register("TOC002", "cycle", "error")
def _cycle(doc: Document, emit: _Emit) -> None:
    # A cycle through a backwards link is already TOC001, whose fix (reverse
    # it or mark it `feedback: true`) also breaks the cycle: only cycles whose
    # links all stay in one stage are reported here.
    skip = {i for i, _ in _backwards(doc)}
    links = [(i, link) for i, link in _forward_links(doc) if i not in skip]
    succ: dict[str, list[str]] = {node.id: [] for node in doc.nodes}
    pred: dict[str, list[str]] = {node.id: [] for node in doc.nodes}
    indegree = dict.fromkeys(succ, 0)
    for _, link in links:
        succ[link.from_].append(link.to)
        pred[link.to].append(link.from_)
        indegree[link.to] += 1
    # Kahn's algorithm: what is never freed lies on or behind a cycle.
    ready = [n for n, d in indegree.items() if d == 0]
    while ready:
        n = ready.pop()
        for m in succ[n]:
            indegree[m] -= 1
            if indegree[m] == 0:
                ready.append(m)
    left = {n for n, d in indegree.items() if d > 0}
    node_pos = {node.id: i for i, node in enumerate(doc.nodes)}
    done: set[str] = set()
    for start in sorted(left, key=node_pos.__getitem__):
        if start in done:
            continue
        component = _reach(start, succ, left) & _reach(start, pred, left)
        done |= component
        if len(component) < 2:
            continue
        members = sorted(component, key=node_pos.__getitem__)
        first = min(i for i, link in links if link.from_ in component and link.to in component)
        emit(("links", first), tuple(members), nodes=", ".join(repr(m) for m in members))


def _reach(start: str, edges: dict[str, list[str]], within: set[str]) -> set[str]:
    seen = {start}
    stack = [start]
    while stack:
        for nxt in edges[stack.pop()]:
            if nxt in within and nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return seen


@register("TOC003", "leads-nowhere", "warning")
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


@register("TOC004", "outcome-unreached", "warning")
def _outcome_unreached(doc: Document, emit: _Emit) -> None:
    outcomes = set(doc.outcome_stages)
    has_in = {link.to for link in doc.links if not link.feedback}
    for i, node in enumerate(doc.nodes):
        if node.stage in outcomes and node.id not in has_in:
            emit(("nodes", i), (node.id,), node=node.id)


@register("TOC005", "link-skips-stage", "info")
def _skips(doc: Document, emit: _Emit) -> None:
    stage_of = {node.id: node.stage for node in doc.nodes}
    order = _stage_pos(doc)
    for i, link in _forward_links(doc):
        a, b = stage_of[link.from_], stage_of[link.to]
        if order[b] - order[a] > 1:
            emit(("links", i), (link.from_, link.to), ref=link.ref, from_stage=a, to_stage=b)


@register("TOC006", "link-without-mechanism", "info")
def _link_without_mechanism(doc: Document, emit: _Emit) -> None:
    # A link into a resource or an activity says how the work is set up (the
    # money pays for the team); a change mechanism explains why an outcome
    # follows, so only links into outcome stages are asked for one.
    outcomes = set(doc.outcome_stages)
    stage_of = {node.id: node.stage for node in doc.nodes}
    explained = _explained(doc)
    for i, link in enumerate(doc.links):
        if stage_of[link.to] in outcomes and link.ref not in explained:
            emit(("links", i), (link.from_, link.to), ref=link.ref)


@register("TOC007", "mechanism-without-link", "warning")
def _mechanism_without_link(doc: Document, emit: _Emit) -> None:
    on_links = {m for link in doc.links for m in link.mechanisms}
    for i, mechanism in enumerate(doc.mechanisms):
        if not mechanism.links and mechanism.id not in on_links:
            emit(("mechanisms", i), (mechanism.id,), id=mechanism.id)


@register("TOC008", "no-evidence", "warning")
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


@register("TOC009", "outcome-without-indicator", "info")
def _outcome_without_indicator(doc: Document, emit: _Emit) -> None:
    outcomes = set(doc.outcome_stages)
    for i, node in enumerate(doc.nodes):
        if node.stage in outcomes and not node.indicators:
            emit(("nodes", i), (node.id,), node=node.id)


@register("TOC010", "activity-without-actor", "info")
def _activity_without_actor(doc: Document, emit: _Emit) -> None:
    for i, node in enumerate(doc.nodes):
        if node.stage == "activities" and not node.actors:
            emit(("nodes", i), (node.id,), node=node.id)


@register("TOC011", "survey-mostly-dont-know", "warning")
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


@register("TOC012", "condition-unused", "warning")
def _condition_unused(doc: Document, emit: _Emit) -> None:
    used = {c for m in doc.mechanisms for c in m.conditions}
    for i, condition in enumerate(doc.conditions):
        if condition.id not in used:
            emit(("conditions", i), (condition.id,), id=condition.id)


@register("TOC013", "intervention-unused", "warning")
def _intervention_unused(doc: Document, emit: _Emit) -> None:
    # An intervention judged only through the common strand has no nodes of
    # its own but still has evidence or judgements: only one that nothing
    # mentions at all is a leftover (or a strand someone forgot to fill). The
    # one intervention of a single-intervention document owns the common
    # strand, so it needs no mention.
    if len(doc.interventions) < 2:
        return
    used = {ref for node in doc.nodes for ref in node.interventions}
    used |= {item.intervention for item in doc.evidence if item.intervention}
    used |= {j.intervention for j in doc.judgements if j.intervention}
    for i, intervention in enumerate(doc.interventions):
        if intervention.id not in used:
            emit(("interventions", i), (intervention.id,), id=intervention.id)


@register("TOC014", "actor-unused", "info")
def _actor_unused(doc: Document, emit: _Emit) -> None:
    used = {ref for node in doc.nodes for ref in node.actors}
    for i, actor in enumerate(doc.actors):
        if actor.id not in used:
            emit(("actors", i), (actor.id,), id=actor.id)


@register("TOC015", "rival-about-nothing", "warning")
def _rival_about_nothing(doc: Document, emit: _Emit) -> None:
    for i, rival in enumerate(doc.rivals):
        if not rival.about:
            emit(("rivals", i), (rival.id,), id=rival.id)


@register("TOC016", "link-between-interventions", "warning")
def _link_between_interventions(doc: Document, emit: _Emit) -> None:
    # A node without `interventions` is common to all, so only two nodes that
    # both name interventions, and none in common, make a link no single
    # intervention can carry: usually a node put in the wrong strand.
    own = {node.id: set(node.interventions) for node in doc.nodes}
    order = {intervention.id: k for k, intervention in enumerate(doc.interventions)}

    def names(ids: set[str]) -> str:
        return ", ".join(repr(i) for i in sorted(ids, key=order.__getitem__))

    for i, link in enumerate(doc.links):
        a, b = own[link.from_], own[link.to]
        if a and b and not a & b:
            emit(
                ("links", i),
                (link.from_, link.to),
                ref=link.ref,
                from_interventions=names(a),
                to_interventions=names(b),
            )


@register("TOC017", "feedback-forward", "info")
def _feedback_forward(doc: Document, emit: _Emit) -> None:
    # A feedback link is drawn dashed and left out of pathways and cycles; on
    # a forward link that hides a causal step, so the mark is likely a slip.
    stage_of = {node.id: node.stage for node in doc.nodes}
    order = _stage_pos(doc)
    for i, link in enumerate(doc.links):
        a, b = stage_of[link.from_], stage_of[link.to]
        if link.feedback and order[b] > order[a]:
            emit(("links", i), (link.from_, link.to), ref=link.ref, from_stage=a, to_stage=b)
