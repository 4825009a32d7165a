"""Assessment of a document: verdicts, suggestions, robustness and pathway support.

`assess` is the one call an evaluator needs in a notebook::

    import toc
    doc = toc.load("examples/nils-2018/nils-2018.yaml")
    result = toc.assess(doc)
    result.cell("m-individual", "spira").suggestion.posterior

Per mechanism (and rival) × intervention it gives the current recorded
verdict and its history, the evidence-based suggestion with its posterior and
robustness (the rules live in `mechanisms.judge`); per condition its state
(recorded, else by the survey rule); per outcome × intervention its pathway
support; and the consistency findings (``TOC1xx``). The result is a pydantic
model: ``result.model_dump_json()`` is what other tools read.

Pathway support (docs/judgement.md, "Pathway support"): per intervention, a
link is *held* when every mechanism on it held or partly held (recorded
verdict, else suggestion), *broken* when one of them did not hold, *open*
otherwise, and *unexplained* without mechanisms. An outcome is

- ``supported`` when some path to it from a resource or activity runs only
  through held links;
- ``at_risk`` when paths reach it but each of them crosses a broken link;
- ``unassessed`` otherwise: its paths cross open or unexplained links (or no
  path reaches it at all).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Literal, cast

from pydantic import BaseModel, ConfigDict

from mechanisms._gc import collector_paused
from mechanisms.judge import (
    DEFAULT_LIKELIHOODS,
    ConditionCell,
    ConditionResult,
    Judging,
    MechanismCell,
    MechanismResult,
    Suggestion,
    Thresholds,
    judge,
)
from mechanisms.model import parse_link_ref
from toc.errors import OptionError
from toc.model import Document, Node

if TYPE_CHECKING:
    from toc.checks import Finding

__all__ = [
    "Assessment",
    "FindingRecord",
    "LinkSupport",
    "OutcomeSupport",
    "Support",
    "applies_to",
    "assess",
    "effective_verdicts",
    "judge_document",
    "pathway_support",
    "support_paint",
    "survey_findings",
]

Support = Literal["supported", "at_risk", "unassessed"]
LinkState = Literal["held", "broken", "open", "unexplained"]


class _Out(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


@dataclass(frozen=True, slots=True)
class LinkSupport:
    """One link in one intervention: whether the mechanisms on it held."""

    link: str
    """The link, ``"from->to"``."""
    intervention: str | None
    """The intervention (None: the document as a whole)."""
    state: LinkState
    """``held`` (all its mechanisms held or partly held), ``broken`` (one did not
    hold), ``open`` (not yet judged, too early, inconclusive) or ``unexplained``
    (no mechanism)."""
    mechanisms: list[str]
    """The mechanisms on it, in document order."""
    rivals: list[str]
    """Rivals about this link that held or partly held in this intervention."""


@dataclass(frozen=True, slots=True)
class OutcomeSupport:
    """One outcome in one intervention: is a pathway to it supported?"""

    node: str
    """The outcome node."""
    intervention: str | None
    """The intervention (None: the document as a whole)."""
    status: Support
    """``supported``, ``at_risk`` or ``unassessed`` (see the module docstring)."""
    mechanisms: list[str]
    """The mechanisms it rests on: those on its held paths when supported, else
    those on every path that reaches it."""
    broken: list[str]
    """Links on its paths whose mechanism did not hold."""
    open: list[str]
    """For an unassessed outcome: the open or unexplained links where its held
    paths run out (judging them would decide it)."""
    rivals: list[str]
    """Rivals that held or partly held about this outcome or a link on its paths."""


@dataclass(frozen=True, slots=True)
class FindingRecord:
    """A consistency finding, as plain data (see `toc.checks.Finding`)."""

    code: str
    name: str
    severity: Literal["error", "warning", "info"]
    message: str
    hint: str | None
    ids: list[str]
    path: list[str | int]
    file: str | None
    line: int | None
    column: int | None


class Assessment(_Out):
    """Everything `assess` found about a document; JSON-serialisable.

    The lookups (`cell`, `suggestion`, `condition`, `outcome`) take ids and
    an intervention id (None for a document without interventions).
    """

    document: str
    """The document's id."""
    language: Literal["sv", "en"]
    """The document's language; messages are written in it."""
    interventions: list[str | None]
    """The columns judged: the document's interventions, or ``[None]``."""
    names: dict[str, str]
    """Display names: interventions, mechanisms (title), conditions and rivals
    (statement), nodes (label)."""
    thresholds: Thresholds
    """The thresholds used."""
    likelihoods: dict[str, tuple[float, float]]
    """The default ``(p_if_true, p_if_false)`` per test type used."""
    mechanisms: list[MechanismResult]
    rivals: list[MechanismResult]
    conditions: list[ConditionResult]
    links: list[LinkSupport]
    outcomes: list[OutcomeSupport]
    findings: list[FindingRecord]

    def _target(self, target_id: str) -> MechanismResult:
        for result in (*self.mechanisms, *self.rivals):
            if result.id == target_id:
                return result
        raise KeyError(f"no mechanism or rival {target_id!r} in the assessment")

    def _column(self, intervention: str | None) -> int:
        if intervention not in self.interventions:
            raise KeyError(
                f"no intervention {intervention!r}; use one of "
                + ", ".join(repr(i) for i in self.interventions)
            )
        return self.interventions.index(intervention)

    def cell(self, mechanism: str, intervention: str | None = None) -> MechanismCell:
        """A mechanism (or rival) in one intervention: recorded, suggestion, history."""
        return self._target(mechanism).cells[self._column(intervention)]

    def suggestion(self, mechanism: str, intervention: str | None = None) -> Suggestion:
        """The evidence-based suggestion for a mechanism (or rival) in one intervention."""
        return self.cell(mechanism, intervention).suggestion

    def condition(self, condition: str, intervention: str | None = None) -> ConditionCell:
        """A condition in one intervention: recorded state, surveys, suggested state."""
        for result in self.conditions:
            if result.id == condition:
                return result.cells[self._column(intervention)]
        raise KeyError(f"no condition {condition!r} in the assessment")

    def outcome(self, node: str, intervention: str | None = None) -> OutcomeSupport:
        """The pathway support of an outcome in one intervention."""
        self._column(intervention)
        for support in self.outcomes:
            if support.node == node and support.intervention == intervention:
                return support
        raise KeyError(f"no outcome {node!r} in the assessment")

    def matrix(self) -> list[dict[str, Any]]:
        """The mechanism × intervention matrix as rows of plain data (for a DataFrame).

        One row per mechanism and intervention it applies to, with
        ``recorded``, ``suggested``, ``posterior`` and ``stable``.
        """
        rows = []
        for result in self.mechanisms:
            for cell in result.cells:
                if not cell.applies and cell.recorded is None:
                    continue
                robustness = cell.suggestion.robustness
                rows.append(
                    {
                        "mechanism": result.id,
                        "intervention": cell.intervention,
                        "recorded": cell.recorded,
                        "suggested": cell.suggestion.verdict,
                        "posterior": cell.suggestion.posterior,
                        "stable": robustness.stable if robustness else None,
                    }
                )
        return rows

    def at_risk(self) -> list[OutcomeSupport]:
        """The outcomes at risk, per intervention."""
        return [o for o in self.outcomes if o.status == "at_risk"]

    def conflicts(self) -> list[FindingRecord]:
        """The error-level findings: recorded verdicts the evidence contradicts."""
        return [f for f in self.findings if f.severity == "error"]


# ------------------------------------------------------------ applicability


def _node_applies(node: Node, intervention: str | None) -> bool:
    return intervention is None or not node.interventions or intervention in node.interventions


def applies_to(doc: Document) -> dict[str, list[str]]:
    """The interventions each mechanism and rival applies to.

    A node without ``interventions`` belongs to all. A mechanism applies to
    an intervention when one of its links has both ends in it; a rival when
    one of the outcomes or links it is about does. Without links (or
    ``about``) it applies to all.
    """
    ids = [i.id for i in doc.interventions]
    everywhere = frozenset(ids)
    of_node = {
        node.id: frozenset(node.interventions) & everywhere if node.interventions else everywhere
        for node in doc.nodes
    }

    def of_ref(ref: str) -> frozenset[str]:
        pair = parse_link_ref(ref)
        if pair is None:
            return of_node.get(ref, frozenset())
        return of_node.get(pair[0], frozenset()) & of_node.get(pair[1], frozenset())

    result: dict[str, list[str]] = {}
    for target_id, refs in [
        *((m.id, m.links) for m in doc.mechanisms),
        *((r.id, r.about) for r in doc.rivals),
    ]:
        if refs:
            found = frozenset().union(*(of_ref(ref) for ref in refs))
            result[target_id] = [i for i in ids if i in found]
    return result


def judge_document(
    doc: Document, thresholds: Thresholds | None = None, *, summaries: bool = True
) -> Judging:
    """Run `mechanisms.judge.judge` on a document (no graph work, no messages)."""
    return judge(
        mechanisms=doc.mechanisms,
        conditions=doc.conditions,
        rivals=doc.rivals,
        evidence=doc.evidence,
        judgements=doc.judgements,
        interventions=[i.id for i in doc.interventions],
        applies_to=applies_to(doc),
        thresholds=thresholds,
        summaries=summaries,
    )


# --------------------------------------------------------- pathway support


def _normal(ref: str) -> str:
    pair = parse_link_ref(ref)
    return f"{pair[0]}->{pair[1]}" if pair else ref


def _link_state(verdicts: Sequence[str | None]) -> LinkState:
    if not verdicts:
        return "unexplained"
    if any(v == "not_held" for v in verdicts):
        return "broken"
    if all(v in ("held", "partly_held") for v in verdicts):
        return "held"
    return "open"


def _reach(
    starts: Iterable[str],
    out_edges: Mapping[str, list[int]],
    heads: Sequence[str],
    allowed: Sequence[bool],
) -> set[str]:
    seen = set(starts)
    stack = list(seen)
    while stack:
        for e in out_edges.get(stack.pop(), ()):
            if allowed[e] and heads[e] not in seen:
                seen.add(heads[e])
                stack.append(heads[e])
    return seen


def _along_paths(
    order: Sequence[str],
    in_edges: Mapping[str, list[int]],
    tails: Sequence[str],
    allowed: Sequence[bool],
    reached: set[str],
    on_edge: Sequence[int],
    on_node: Mapping[str, int],
) -> dict[str, int]:
    """Per node, the union of the bit sets met on allowed paths from a start to it.

    ``on_edge[e]`` and ``on_node[n]`` are what a link and a node contribute
    (mechanisms, rivals, special links, each a bit). Nodes are visited in
    topological order; a cycle (an error `toc check` reports) is handled by
    repeating until nothing changes.
    """
    sets: dict[str, int] = {}
    for _ in range(len(order) + 1):
        changed = False
        for node in order:
            if node not in reached:
                continue
            bits = on_node.get(node, 0)
            for e in in_edges.get(node, ()):
                if allowed[e] and tails[e] in reached:
                    bits |= sets.get(tails[e], 0) | on_edge[e]
            if bits != sets.get(node, 0):
                sets[node] = bits
                changed = True
        if not changed:
            break
    return sets


def _bits(bits: int) -> list[int]:
    out = []
    while bits:
        low = bits & -bits
        out.append(low.bit_length() - 1)
        bits ^= low
    return out


def _topological(nodes: Sequence[str], edges: Sequence[tuple[str, str]]) -> list[str]:
    indegree = dict.fromkeys(nodes, 0)
    succ: dict[str, list[str]] = {n: [] for n in nodes}
    for a, b in edges:
        succ[a].append(b)
        indegree[b] += 1
    ready = [n for n in nodes if indegree[n] == 0]
    ready.reverse()
    out = []
    while ready:
        n = ready.pop()
        out.append(n)
        for m in succ[n]:
            indegree[m] -= 1
            if indegree[m] == 0:
                ready.append(m)
    done = set(out)
    # Nodes on a cycle come last, in document order; `_paths_edges` iterates.
    return out + [n for n in nodes if n not in done]


def pathway_support(
    doc: Document, judging: Judging
) -> tuple[list[LinkSupport], list[OutcomeSupport]]:
    """Link states and outcome support per intervention (see the module docstring)."""
    from toc.graph import to_networkx

    graph = to_networkx(doc)
    effective: dict[tuple[str, str | None], str | None] = {}
    for result in judging.mechanisms:
        for cell in result.cells:
            effective[(result.id, cell.intervention)] = cell.effective
    rival_held: dict[tuple[str, str | None], list[int]] = {}
    for r, (rival_result, rival) in enumerate(zip(judging.rivals, doc.rivals, strict=True)):
        for cell in rival_result.cells:
            if cell.applies and cell.effective in ("held", "partly_held"):
                for about in rival.about:
                    rival_held.setdefault((_normal(about), cell.intervention), []).append(r)

    # Links in document order, each with its mechanisms from the graph view.
    forward = [
        (link.from_, link.to, graph.edges[link.from_, link.to]["mechanisms"])
        for link in doc.links
        if not link.feedback
    ]
    order = _topological([node.id for node in doc.nodes], [(a, b) for a, b, _ in forward])
    tails = [a for a, _, _ in forward]
    heads = [b for _, b, _ in forward]
    refs = [f"{a}->{b}" for a, b, _ in forward]
    out_edges: dict[str, list[int]] = {}
    in_edges: dict[str, list[int]] = {}
    for e, (a, b, _) in enumerate(forward):
        out_edges.setdefault(a, []).append(e)
        in_edges.setdefault(b, []).append(e)
    inputs = set(doc.input_stages)
    outcome_nodes = [node for node in doc.nodes if doc.is_outcome(node)]
    # One bit set holds, in this order: mechanisms, rivals, then special links.
    mechanism_ids = [m.id for m in doc.mechanisms]
    bit_of = {m: i for i, m in enumerate(mechanism_ids)}
    n_mech, n_rival = len(mechanism_ids), len(doc.rivals)
    link_base = n_mech + n_rival
    mechanism_bits = [sum(1 << bit_of[m] for m in set(ms)) for _, _, ms in forward]

    links: list[LinkSupport] = []
    outcomes: list[OutcomeSupport] = []
    for column in judging.interventions:
        in_column = {node.id for node in doc.nodes if _node_applies(node, column)}
        present = [tails[e] in in_column and heads[e] in in_column for e in range(len(forward))]
        states: list[LinkState] = []
        base: list[int] = []
        for e, (_, _, mechanisms) in enumerate(forward):
            state = _link_state([effective.get((m, column)) for m in mechanisms])
            states.append(state)
            rivals_here = rival_held.get((refs[e], column), [])
            base.append(mechanism_bits[e] | sum(1 << (n_mech + r) for r in set(rivals_here)))
            if present[e]:
                links.append(
                    LinkSupport(
                        link=refs[e],
                        intervention=column,
                        state=state,
                        mechanisms=list(mechanisms),
                        rivals=[doc.rivals[r].id for r in rivals_here],
                    )
                )
        on_node = {
            node.id: sum(1 << (n_mech + r) for r in set(rival_held.get((node.id, column), [])))
            for node in doc.nodes
            if (node.id, column) in rival_held
        }
        held = [present[e] and states[e] == "held" for e in range(len(forward))]
        hopeful = [present[e] and states[e] != "broken" for e in range(len(forward))]
        starts = [node.id for node in doc.nodes if node.stage in inputs and node.id in in_column]
        reach_held = _reach(starts, out_edges, heads, held)
        reach_hopeful = _reach(starts, out_edges, heads, hopeful)
        reach_any = _reach(starts, out_edges, heads, present)
        # The links where the held paths run out: judging them (or giving
        # them a mechanism) is what would decide an unassessed outcome.
        frontier = [
            base[e] | (1 << (link_base + e))
            if tails[e] in reach_held and heads[e] not in reach_held
            else base[e]
            for e in range(len(forward))
        ]
        broken = [
            base[e] | (1 << (link_base + e)) if states[e] == "broken" else base[e]
            for e in range(len(forward))
        ]
        via_held = _along_paths(order, in_edges, tails, held, reach_held, base, on_node)
        via_hope = _along_paths(order, in_edges, tails, hopeful, reach_hopeful, frontier, on_node)
        via_any = _along_paths(order, in_edges, tails, present, reach_any, broken, on_node)
        for node in outcome_nodes:
            if node.id not in in_column:
                continue
            status: Support
            if node.id in reach_held:
                status, bits = "supported", via_held.get(node.id, 0)
            elif node.id in reach_hopeful:
                status, bits = "unassessed", via_hope.get(node.id, 0)
            elif node.id in reach_any:
                status, bits = "at_risk", via_any.get(node.id, 0)
            else:
                status, bits = "unassessed", 0
            found = _bits(bits)
            special = [refs[b - link_base] for b in found if b >= link_base]
            outcomes.append(
                OutcomeSupport(
                    node=node.id,
                    intervention=column,
                    status=status,
                    mechanisms=[mechanism_ids[b] for b in found if b < n_mech],
                    broken=special if status == "at_risk" else [],
                    open=special if status == "unassessed" else [],
                    rivals=[doc.rivals[b - n_mech].id for b in found if n_mech <= b < link_base],
                )
            )
    return links, outcomes


# ------------------------------------------------------------------ assess


def _names(doc: Document) -> dict[str, str]:
    def one_line(value: str) -> str:
        # Folded YAML text ends in a newline; a name is shown on one line.
        return " ".join(value.split())

    names: dict[str, str] = {}
    for intervention in doc.interventions:
        names[intervention.id] = one_line(intervention.name)
    for node in doc.nodes:
        names[node.id] = one_line(node.label)
    for mechanism in doc.mechanisms:
        names[mechanism.id] = one_line(mechanism.title)
    for condition in doc.conditions:
        names[condition.id] = one_line(condition.statement)
    for rival in doc.rivals:
        names[rival.id] = one_line(rival.statement)
    return names


def survey_findings(doc: Document, intervention: str | None = None) -> list[Any]:
    """The surveys with more "don't know" than answers (TOC011), for one intervention or all.

    FORMAT.md makes this a finding of its own; it belongs beside the survey
    shares a judgement shows, not only in `toc check`.
    """
    from toc.checks import check

    scope = {
        item.id
        for item in doc.evidence
        if intervention is None or item.intervention in (None, intervention)
    }
    return [f for f in check(doc, select=["TOC011"]) if f.ids and f.ids[0] in scope]


def assess(
    doc: Document,
    *,
    thresholds: Thresholds | None = None,
    intervention: str | None = None,
) -> Assessment:
    """Assess a document: verdicts, suggestions, robustness, pathway support, findings.

    ``thresholds`` change where a posterior becomes held / not held
    (default 0.8 / 0.2). ``intervention`` keeps only that intervention's
    columns (an unknown id is an `OptionError`).

    >>> import toc
    >>> doc = toc.loads('''
    ... format: 1
    ... id: demo
    ... title: Demo
    ... nodes:
    ...   - {id: coach, stage: activities, label: Coaching}
    ...   - {id: job, stage: short, label: Job}
    ... links: [{from: coach, to: job}]
    ... mechanisms: [{id: m, title: Trust, links: ["coach->job"]}]
    ... evidence:
    ...   - {id: e, about: m, kind: interview, test: smoking_gun}
    ... judgements: [{about: m, verdict: held, evidence: [e]}]
    ... ''')
    >>> result = assess(doc)
    >>> cell = result.cell("m")
    >>> cell.recorded, cell.suggestion.verdict, round(cell.suggestion.posterior, 3)
    ('held', 'held', 0.889)
    >>> result.outcome("job").status
    'supported'
    """
    from toc.consistency import findings_of

    if intervention is not None and intervention not in {i.id for i in doc.interventions}:
        known = ", ".join(i.id for i in doc.interventions) or "none"
        raise OptionError(
            f"unknown intervention {intervention!r}: the document's interventions are {known}"
        )
    with collector_paused():
        judging = judge_document(doc, thresholds)
        links, outcomes = pathway_support(doc, judging)
        findings = findings_of(doc, judging, intervention=intervention)
        findings += survey_findings(doc, intervention)
    if intervention is not None:
        judging, links, outcomes = _only(judging, links, outcomes, intervention)
    return Assessment(
        document=doc.id,
        language=doc.language,
        interventions=judging.interventions,
        names=_names(doc),
        thresholds=judging.thresholds,
        likelihoods={k: (v.p_if_true, v.p_if_false) for k, v in DEFAULT_LIKELIHOODS.items()},
        mechanisms=judging.mechanisms,
        rivals=judging.rivals,
        conditions=judging.conditions,
        links=links,
        outcomes=outcomes,
        findings=[_record(f) for f in findings],
    )


def _only(
    judging: Judging,
    links: list[LinkSupport],
    outcomes: list[OutcomeSupport],
    intervention: str,
) -> tuple[Judging, list[LinkSupport], list[OutcomeSupport]]:
    column = judging.interventions.index(intervention)

    def keep_target(result: MechanismResult) -> MechanismResult:
        kept: list[str | None] = [i for i in result.interventions if i == intervention]
        return replace(result, cells=[result.cells[column]], interventions=kept)

    def keep_condition(result: ConditionResult) -> ConditionResult:
        kept: list[str | None] = [i for i in result.interventions if i == intervention]
        return replace(result, cells=[result.cells[column]], interventions=kept)

    kept = replace(
        judging,
        interventions=[cast("str | None", intervention)],
        mechanisms=[keep_target(r) for r in judging.mechanisms],
        rivals=[keep_target(r) for r in judging.rivals],
        conditions=[keep_condition(r) for r in judging.conditions],
    )
    return (
        kept,
        [link for link in links if link.intervention == intervention],
        [o for o in outcomes if o.intervention == intervention],
    )


def _record(finding: Finding) -> FindingRecord:
    return FindingRecord(
        code=finding.code,
        name=finding.name,
        severity=finding.severity,
        message=finding.message,
        hint=finding.hint,
        ids=list(finding.ids),
        path=list(finding.path),
        file=finding.file,
        line=finding.line,
        column=finding.column,
    )


# ---------------------------------------------------------------- diagrams

_SUPPORT_ORDER: tuple[Support, ...] = ("at_risk", "unassessed", "supported")
_SUPPORT_LOOK: dict[str, dict[Support, tuple[str, str]]] = {
    # Okabe-Ito colours (colour-blind safe); the outline style carries the
    # meaning in black-and-white print.
    "default": {
        "supported": ("#009E73", "bold"),
        "at_risk": ("#D55E00", "dashed"),
        "unassessed": ("#E0E0E0", "dotted"),
    },
    "print": {
        "supported": ("#FFFFFF", "bold"),
        "at_risk": ("#BABABA", "dashed"),
        "unassessed": ("#EDEDED", "dotted"),
    },
}


def effective_verdicts(
    doc: Document, *, intervention: str | None = None, assessment: Assessment | None = None
) -> tuple[dict[str, str | dict[str, str]], frozenset[str]]:
    """The verdicts a diagram coloured by verdict shows: recorded, else suggested.

    Returns the ``verdicts`` option of `toc.render` (mechanism id → verdict,
    or mechanism id → {intervention id: verdict}) and the ids of the
    mechanisms where any of them is a suggestion (its ``verdicts_suggested``
    option: those badges get a ``*`` and the legend says so).

    >>> import toc
    >>> doc = toc.loads('''
    ... format: 1
    ... id: demo
    ... title: Demo
    ... mechanisms: [{id: m, title: M}, {id: n, title: N}]
    ... evidence: [{id: e, about: n, kind: document, test: smoking_gun}]
    ... judgements: [{about: m, verdict: partly_held}]
    ... ''')
    >>> effective_verdicts(doc)
    ({'m': 'partly_held', 'n': 'held'}, frozenset({'n'}))
    """
    result = assessment or assess(doc, intervention=intervention)
    verdicts: dict[str, str | dict[str, str]] = {}
    suggested: set[str] = set()
    for mechanism in result.mechanisms:
        per: dict[str, str] = {}
        for cell in mechanism.cells:
            if cell.applies and cell.effective is not None:
                if intervention is not None and cell.intervention != intervention:
                    continue
                per[cell.intervention or ""] = cell.effective
                if cell.source == "suggested":
                    suggested.add(mechanism.id)
        if not per:
            continue
        if list(per) == [""] or intervention is not None:
            verdicts[mechanism.id] = next(iter(per.values()))
        else:
            verdicts[mechanism.id] = per
    return verdicts, frozenset(suggested)


def support_paint(doc: Document, options: Any) -> Any:
    """The ``support`` colour scheme of `toc.render`: outcomes by pathway support.

    With one intervention in view, its support; for the whole document, the
    weakest support across the interventions an outcome belongs to (at risk
    anywhere → at risk). Returns a `toc.render.NodePaint`.
    """
    from toc.i18n import text
    from toc.render.options import NodePaint

    view = getattr(options, "intervention", None)
    result = assess(doc, intervention=view)
    theme = getattr(options, "theme", "default")
    look = _SUPPORT_LOOK.get(str(theme), _SUPPORT_LOOK["default"])
    status: dict[str, Support] = {}
    for outcome in result.outcomes:
        before = status.get(outcome.node)
        if before is None or _SUPPORT_ORDER.index(outcome.status) < _SUPPORT_ORDER.index(before):
            status[outcome.node] = outcome.status
    used = [s for s in _SUPPORT_ORDER[::-1] if s in status.values()]
    return NodePaint(
        fills={node: look[s][0] for node, s in status.items()},
        styles={node: look[s][1] for node, s in status.items()},
        legend=[(look[s][0], text(f"judge.support.{s}", doc.language)) for s in used],
        title=text("judge.support.title", doc.language),
    )
