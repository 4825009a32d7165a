"""Assessment of a document: verdicts, suggestions, robustness and pathway support.

`assess` is the one call an evaluator needs in a notebook::

    import toc
    doc = toc.load("examples/nils-2018/nils-2018.yaml")
    result = toc.assess(doc)
    result.cell("m-individual", "spira").suggestion.posterior
    result.badge("m-individual")       # what the diagram's badge shows

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

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal, cast

from pydantic import BaseModel, ConfigDict, PrivateAttr

from mechanisms.bayes import DEFAULT_LIKELIHOODS, Suggestion, Thresholds
from mechanisms.evidence import SurveyResult
from mechanisms.judge import (
    ConditionCell,
    ConditionResult,
    Judging,
    MechanismCell,
    MechanismResult,
)
from mechanisms.model import parse_link_ref
from mechanisms.types import UNASSESSED, BadgeVerdict
from toc._gc import collector_paused
from toc.checks import configure, selection
from toc.consistency import findings_of
from toc.errors import OptionError
from toc.files import check_references
from toc.findings import Finding
from toc.graph import reach, topological_order
from toc.judging import judge_document, node_applies
from toc.model import Document
from toc.quoting import one_line

__all__ = [
    "Assessment",
    "BadgeCell",
    "LinkSupport",
    "OutcomeSupport",
    "Support",
    "assess",
    "pathway_support",
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
class BadgeCell:
    """One cell of a mechanism's badge: the verdict that stands, and where it comes from."""

    intervention: str | None
    """The intervention (None: all interventions, or the document as a whole)."""
    verdict: BadgeVerdict
    """A mechanism verdict, or ``unassessed``."""
    source: Literal["recorded", "suggested"] | None
    """``recorded`` (a judgement), ``suggested`` (the evidence), None for unassessed."""
    across: bool = False
    """The recorded verdict is a judgement made across all interventions."""


@dataclass(frozen=True, slots=True)
class _Index:
    """An assessment's lookups, built once: every question is a dictionary access."""

    targets: dict[str, MechanismResult]
    conditions: dict[str, ConditionResult]
    columns: dict[str | None, int]
    outcomes: dict[tuple[str, str | None], OutcomeSupport]


_SUPPORT_ORDER: tuple[Support, ...] = ("at_risk", "unassessed", "supported")
"""Pathway support from weakest to strongest."""


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
    """The columns judged: the document's interventions (or the one asked for), or
    ``[None]`` for a document without interventions."""
    scope: str | None = None
    """The intervention the assessment was limited to (`assess`'s ``intervention``)."""
    several: bool = False
    """The document has more than one intervention (so that a judgement made across
    all of them is worth marking as such)."""
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
    surveys: list[SurveyResult]
    """Every survey item read by the survey rule, in document order."""
    findings: list[Finding]
    """The judgement findings (TOC011, TOC101–TOC112), located and in the document's
    language, as the document's ``checks:`` settings report them."""

    # Indexes built once, so that every lookup is a dictionary access.
    _index: _Index = PrivateAttr()

    def model_post_init(self, context: Any, /) -> None:
        self._index = _Index(
            targets={r.id: r for r in (*self.mechanisms, *self.rivals)},
            conditions={r.id: r for r in self.conditions},
            columns={c: k for k, c in enumerate(self.interventions)},
            outcomes={(o.node, o.intervention): o for o in self.outcomes},
        )

    @property
    def _lookup(self) -> _Index:
        # pydantic finds a private attribute through __getattr__ (about 5 µs a time);
        # the dict it keeps them in is read directly (0.1 µs): lookups are hot.
        private = self.__pydantic_private__
        assert private is not None
        return cast("_Index", private["_index"])

    def _target(self, target_id: str) -> MechanismResult:
        found = self._lookup.targets.get(target_id)
        if found is None:
            raise KeyError(f"no mechanism or rival {target_id!r} in the assessment")
        return found

    def _column(self, intervention: str | None) -> int:
        found = self._lookup.columns.get(intervention)
        if found is None:
            raise KeyError(
                f"no intervention {intervention!r}; use one of "
                + ", ".join(repr(i) for i in self.interventions)
            )
        return found

    def cell(self, mechanism: str, intervention: str | None = None) -> MechanismCell:
        """A mechanism (or rival) in one intervention: recorded, suggestion, history."""
        return self._target(mechanism).cells[self._column(intervention)]

    def suggestion(self, mechanism: str, intervention: str | None = None) -> Suggestion:
        """The evidence-based suggestion for a mechanism (or rival) in one intervention."""
        return self.cell(mechanism, intervention).suggestion

    def condition(self, condition: str, intervention: str | None = None) -> ConditionCell:
        """A condition in one intervention: recorded state, surveys, suggested state."""
        result = self._lookup.conditions.get(condition)
        if result is None:
            raise KeyError(f"no condition {condition!r} in the assessment")
        return result.cells[self._column(intervention)]

    def outcome(self, node: str, intervention: str | None = None) -> OutcomeSupport:
        """The pathway support of an outcome in one intervention."""
        self._column(intervention)
        found = self._lookup.outcomes.get((node, intervention))
        if found is None:
            raise KeyError(f"no outcome {node!r} in the assessment")
        return found

    def badge(self, mechanism: str, intervention: str | None = None) -> tuple[BadgeCell, ...]:
        """The verdict a diagram's badge shows for a mechanism: the one rule.

        - For one intervention: the mechanism's current judgement there; else
          the current judgement made across all interventions; else the
          evidence's suggestion for that intervention; else ``unassessed``.
        - For the whole document: the current judgement made across all
          interventions, if there is one; otherwise one cell per intervention
          the mechanism applies to (its judgement there, else the suggestion,
          else ``unassessed``), in declared order, collapsed into one cell
          when they all agree (marked suggested if any of them is). A
          document without interventions has one cell.

        ``docs/diagrams.md`` ("Colouring by verdict") states the same rule.
        """
        result = self._target(mechanism)
        # With one intervention, a judgement across all of them is simply its own.
        several = self.several
        if intervention is not None:
            cell = result.cells[self._column(intervention)]
            return (_badge_cell(cell, intervention, several),)
        across = result.across
        if across.recorded_source == "judgement" and across.recorded is not None:
            return (BadgeCell(None, across.recorded, "recorded", across=several),)
        cells = [
            _badge_cell(cell, cell.intervention, several) for cell in result.cells if cell.applies
        ]
        if all(c.verdict == UNASSESSED for c in cells):
            return (BadgeCell(None, UNASSESSED, None),)
        if len({c.verdict for c in cells}) == 1:
            suggested = any(c.source == "suggested" for c in cells)
            return (
                BadgeCell(
                    None,
                    cells[0].verdict,
                    "suggested" if suggested else "recorded",
                    across=all(c.across for c in cells),
                ),
            )
        return tuple(cells)

    def support(self, node: str, intervention: str | None = None) -> Support | None:
        """An outcome's pathway support in one intervention, or the weakest across all.

        For the whole document (``intervention`` None), the weakest support in
        any intervention it belongs to (at risk anywhere → at risk). None for a
        node that is not an outcome of the view.
        """
        if intervention is not None or self.interventions == [None]:
            found = self._lookup.outcomes.get((node, intervention))
            return found.status if found else None
        outcomes = self._lookup.outcomes
        statuses = [o.status for c in self.interventions if (o := outcomes.get((node, c)))]
        return min(statuses, key=_SUPPORT_ORDER.index) if statuses else None

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

    def conflicts(self) -> list[Finding]:
        """The error-level findings: recorded verdicts the evidence contradicts."""
        return [f for f in self.findings if f.severity == "error"]


def _badge_cell(cell: MechanismCell, intervention: str | None, several: bool) -> BadgeCell:
    if cell.effective is None:
        return BadgeCell(intervention, UNASSESSED, None)
    across = several and cell.source == "recorded" and cell.history.scope == "across"
    return BadgeCell(intervention, cell.effective, cell.source, across=across)


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


def _step(
    out_edges: Mapping[str, list[int]], heads: Sequence[str], allowed: Sequence[bool]
) -> dict[str, list[str]]:
    """Each node's successors along the allowed edges only."""
    return {node: [heads[e] for e in edges if allowed[e]] for node, edges in out_edges.items()}


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


def pathway_support(
    doc: Document, judging: Judging
) -> tuple[list[LinkSupport], list[OutcomeSupport]]:
    """Link states and outcome support per intervention (see the module docstring)."""
    explains = doc.explaining()
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
        (link.from_, link.to, explains.get(link.ref, [])) for link in doc.links if not link.feedback
    ]
    order = topological_order([node.id for node in doc.nodes], [(a, b) for a, b, _ in forward])
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
        in_column = {node.id for node in doc.nodes if node_applies(node, column)}
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
        reach_held = reach(starts, _step(out_edges, heads, held))
        reach_hopeful = reach(starts, _step(out_edges, heads, hopeful))
        reach_any = reach(starts, _step(out_edges, heads, present))
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


def _names(doc: Document) -> dict[str, str]:
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


def assess(
    doc: Document,
    *,
    thresholds: Thresholds | None = None,
    intervention: str | None = None,
    detail: bool = True,
) -> Assessment:
    """Assess a document: verdicts, suggestions, robustness, pathway support, findings.

    ``thresholds`` change where a posterior becomes held / not held
    (default 0.8 / 0.2). ``intervention`` keeps only that intervention's
    columns (an unknown id is an `OptionError`). ``detail=False`` leaves out
    what only a reader of this one document is shown: the cells' evidence
    summaries (``summary`` None), the suggestions' units and robustness
    (``units`` empty, ``robustness`` None; `mechanisms.judge.judge` with
    ``detail=False``) and the findings (empty). The verdicts, posteriors,
    weights, histories, conditions and pathway support are the same, in less
    time; `toc.synthesis` asks for this.

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
    if intervention is not None and intervention not in {i.id for i in doc.interventions}:
        known = ", ".join(i.id for i in doc.interventions) or "none"
        raise OptionError(
            f"unknown intervention {intervention!r}: the document's interventions are {known}"
        )
    # A document changed in code may hold a reference to nothing: a located
    # DocumentError, as on loading, never a KeyError from deep inside.
    check_references(doc)
    with collector_paused(doc.size()):
        judging = judge_document(doc, thresholds, detail=detail)
        links, outcomes = pathway_support(doc, judging)
        findings = (
            configure(findings_of(doc, judging, intervention=intervention), selection(doc.checks))
            if detail
            else []
        )
    if intervention is not None:
        judging, links, outcomes = _only(judging, links, outcomes, intervention)
    return Assessment(
        document=doc.id,
        language=doc.language,
        interventions=judging.interventions,
        scope=intervention,
        several=len(doc.interventions) > 1,
        names=_names(doc),
        thresholds=judging.thresholds,
        likelihoods={k: (v.p_if_true, v.p_if_false) for k, v in DEFAULT_LIKELIHOODS.items()},
        mechanisms=judging.mechanisms,
        rivals=judging.rivals,
        conditions=judging.conditions,
        links=links,
        outcomes=outcomes,
        surveys=[
            read
            for read in judging.surveys
            if intervention is None or read.intervention in (None, intervention)
        ],
        findings=findings,
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
