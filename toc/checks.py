"""Structural checks of a document: findings with codes, severities and locations.

Each check is a free function over the document that reports what it finds
through ``emit(path, ids, **fields)``; `STRUCTURAL` lists them, in code
order, as plain data. `run` runs them and words and places the findings, all
at once; `configure` applies a document's (or the command line's) choice of
checks and severities to any findings. The codes, names and default
severities live in `toc.codes`; the messages in `toc.i18n`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from typing import Any

from mechanisms.model import SurveyEvidence
from toc import codes
from toc.errors import OptionError
from toc.files import check_references
from toc.findings import Finding, Path, Severity
from toc.graph import strongly_connected, unplaceable
from toc.i18n import format_number, template, text
from toc.model import CheckSettings, Document, Link

__all__ = ["STRUCTURAL", "Chain", "Selection", "configure", "run", "selection"]

Emit = Callable[..., None]
"""``emit(path, ids, **fields)``: report one finding at ``path`` about ``ids``."""

CheckFunction = Callable[["Chain", Emit], None]

_Raw = tuple[str, Path, tuple[str, ...], dict[str, Any]]
"""A finding as a check reports it: its code, where, about what, the message's fields."""


def run(doc: Document, only: Collection[str] | None = None) -> list[Finding]:
    """The structural findings of a document, worded in its language and located.

    ``only`` limits the run to some codes. Ordered by code, then by position
    in the document. A document changed in code since it was validated may
    hold a reference to nothing: that is a located `toc.errors.DocumentError`
    (as on loading), checked first, never a `KeyError` from a check.

    >>> import toc
    >>> doc = toc.loads('''
    ... format: 1
    ... id: demo
    ... title: Demo
    ... nodes:
    ...   - {id: money, stage: resources, label: Money}
    ... ''')
    >>> for finding in run(doc):
    ...     print(finding)
    <string>:6:5: warning TOC003: the resource 'money' leads nowhere: no link starts at it
    """
    check_references(doc)
    raw: list[_Raw] = []
    chain = Chain(doc)
    for code, function in STRUCTURAL.items():
        if only is not None and code not in only:
            continue

        def emit(path: Path, ids: tuple[str, ...], _code: str = code, **fields: Any) -> None:
            raw.append((_code, path, ids, fields))

        function(chain, emit)
    return word(doc, raw)


def word(doc: Document, raw: list[_Raw]) -> list[Finding]:
    """Findings as reported, worded in the document's language and placed in its file."""
    lang = doc.language
    source = doc._source
    file = source.file if source is not None else None
    positions: list[tuple[int, int] | None] = (
        source.positions([path for _, path, _, _ in raw])
        if source is not None
        else [None] * len(raw)
    )
    out = []
    # Per code, once: its name and severity, and the hint's template ready to fill.
    known: dict[str, tuple[str, Severity, str]] = {}
    for (code, path, ids, fields), position in zip(raw, positions, strict=True):
        line, column = position if position else (None, None)
        found = known.get(code)
        if found is None:
            info = codes.by_code(code)
            found = known[code] = (info.name, info.severity, template(code + ".hint", lang))
        name, severity, hint = found
        out.append(
            Finding(
                text(code, lang, **fields),
                path,
                hint.format(**fields),
                file,
                line,
                column,
                code,
                name,
                severity,
                ids,
            )
        )
    return out


class Selection:
    """Which codes are reported, and with which severity: a configuration, resolved."""

    def __init__(
        self,
        select: Iterable[str] | None = None,
        ignore: Iterable[str] = (),
        severity: Mapping[str, str] | None = None,
    ) -> None:
        self.select = None if select is None else {_code(word) for word in select}
        self.ignore = {_code(word) for word in ignore}
        self.severity: dict[str, Severity] = {}
        for word, level in (severity or {}).items():
            if level not in ("error", "warning", "info"):
                raise OptionError(
                    f"severity of {word} must be error, warning or info, not {level!r}"
                )
            self.severity[_code(word)] = level  # type: ignore[assignment]

    def wants(self, code: str) -> bool:
        """Whether findings with this code are reported."""
        return (self.select is None or code in self.select) and code not in self.ignore

    def codes(self) -> set[str]:
        """The codes reported."""
        return {c.code for c in codes.CODES if self.wants(c.code)}


def _code(word: str) -> str:
    found = codes.resolve(word)
    if found is None:
        raise OptionError(
            f"unknown check {word!r}: use a code such as TOC001 or a name such as "
            "link-backwards (docs/checks.md lists them all)"
        )
    return found.code


def selection(
    settings: CheckSettings | None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    severity: Mapping[str, str] | None = None,
) -> Selection:
    """A document's check settings, with a run's own choices added.

    A run's ``select`` (not None) replaces the document's; an empty document
    ``select`` means every check. The run's ``ignore`` and ``severity`` add to
    (and win over) the document's.
    """
    base = settings or CheckSettings()
    if select is None:
        select = base.select or None
    return Selection(select, [*base.ignore, *ignore], {**base.severity, **(severity or {})})


def configure(findings: Iterable[Finding], chosen: Selection) -> list[Finding]:
    """The findings a selection reports, each with its chosen severity."""
    out = []
    for finding in findings:
        code = finding.code
        if code is None or not chosen.wants(code):
            continue
        level = chosen.severity.get(code)
        if level is not None and level != finding.severity:
            finding = Finding(
                finding.message,
                finding.path,
                finding.hint,
                finding.file,
                finding.line,
                finding.column,
                code,
                finding.name,
                level,
                finding.ids,
            )
        out.append(finding)
    return out


# ------------------------------------------------------------------ helpers


class Chain:
    """A document with the facts several checks use, worked out once per run.

    Every structural check is a function ``check(chain, emit)``.
    """

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.stage_of: dict[str, str] = {node.id: node.stage for node in doc.nodes}
        """Node id → its stage."""
        self.order: dict[str, int] = {stage: i for i, stage in enumerate(doc.stages)}
        """Stage → its column."""
        self.forward: list[tuple[int, Link]] = [
            (i, link) for i, link in enumerate(doc.links) if not link.feedback
        ]
        """The links that are not feedback, with their positions."""
        self.span: list[int] = [
            self.order[self.stage_of[link.to]] - self.order[self.stage_of[link.from_]]
            for _, link in self.forward
        ]
        """Columns from tail to head of each forward link (negative: backwards)."""


def _link_backwards(chain: Chain, emit: Emit) -> None:
    stage_of = chain.stage_of
    for (i, link), span in zip(chain.forward, chain.span, strict=True):
        if span < 0:
            emit(
                ("links", i),
                (link.from_, link.to),
                ref=link.ref,
                from_stage=stage_of[link.from_],
                to_stage=stage_of[link.to],
            )


def _cycle(chain: Chain, emit: Emit) -> None:
    # A cycle through a backwards link is already TOC001, whose fix (reverse
    # it or mark it `feedback: true`) also breaks the cycle: only cycles whose
    # links all stay in one stage are reported here.
    links = [
        (i, link) for (i, link), span in zip(chain.forward, chain.span, strict=True) if span >= 0
    ]
    succ: dict[str, list[str]] = {node_id: [] for node_id in chain.stage_of}
    edges = []
    for _, link in links:
        succ[link.from_].append(link.to)
        edges.append((link.from_, link.to))
    # Kahn's algorithm places every node that lies on no cycle, quickly; only the
    # rest (on or behind a cycle) can form one.
    rest = unplaceable(list(succ), edges)
    if not rest:
        return
    components = strongly_connected(rest, succ)
    member_of = {node: k for k, component in enumerate(components) for node in component}
    first: dict[int, int] = {}
    for i, link in links:
        k = member_of.get(link.from_)
        if k is not None and member_of.get(link.to) == k:
            first.setdefault(k, i)
    for k, members in enumerate(components):
        emit(("links", first[k]), tuple(members), nodes=", ".join(repr(m) for m in members))


def _leads_nowhere(chain: Chain, emit: Emit) -> None:
    doc = chain.doc
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


def _outcome_unreached(chain: Chain, emit: Emit) -> None:
    doc = chain.doc
    outcomes = set(doc.outcome_stages)
    has_in = {link.to for link in doc.links if not link.feedback}
    for i, node in enumerate(doc.nodes):
        if node.stage in outcomes and node.id not in has_in:
            emit(("nodes", i), (node.id,), node=node.id)


def _skips(chain: Chain, emit: Emit) -> None:
    stage_of = chain.stage_of
    for (i, link), span in zip(chain.forward, chain.span, strict=True):
        if span > 1:
            a, b = stage_of[link.from_], stage_of[link.to]
            emit(("links", i), (link.from_, link.to), ref=link.ref, from_stage=a, to_stage=b)


def _link_without_mechanism(chain: Chain, emit: Emit) -> None:
    doc = chain.doc
    # A link into a resource or an activity says how the work is set up (the
    # money pays for the team); a change mechanism explains why an outcome
    # follows, so only links into outcome stages are asked for one. A feedback
    # link is a loop, not a causal step, and is left out like everywhere else.
    outcomes = set(doc.outcome_stages)
    stage_of = chain.stage_of
    explained = doc.explaining()
    for i, link in chain.forward:
        if stage_of[link.to] in outcomes:
            ref = link.ref
            if ref not in explained:
                emit(("links", i), (link.from_, link.to), ref=ref)


def _mechanism_without_link(chain: Chain, emit: Emit) -> None:
    doc = chain.doc
    on_links = {m for link in doc.links for m in link.mechanisms}
    for i, mechanism in enumerate(doc.mechanisms):
        if not mechanism.links and mechanism.id not in on_links:
            emit(("mechanisms", i), (mechanism.id,), id=mechanism.id)


def _no_evidence(chain: Chain, emit: Emit) -> None:
    doc = chain.doc
    covered = {item.about for item in doc.evidence}
    for i, mechanism in enumerate(doc.mechanisms):
        if mechanism.id not in covered:
            kind = text("mechanism", doc.language)
            emit(("mechanisms", i), (mechanism.id,), kind=kind, id=mechanism.id)
    for i, rival in enumerate(doc.rivals):
        if rival.id not in covered:
            kind = text("rival", doc.language)
            emit(("rivals", i), (rival.id,), kind=kind, id=rival.id)


def _outcome_without_indicator(chain: Chain, emit: Emit) -> None:
    doc = chain.doc
    outcomes = set(doc.outcome_stages)
    for i, node in enumerate(doc.nodes):
        if node.stage in outcomes and not node.indicators:
            emit(("nodes", i), (node.id,), node=node.id)


def _activity_without_actor(chain: Chain, emit: Emit) -> None:
    doc = chain.doc
    for i, node in enumerate(doc.nodes):
        if node.stage == "activities" and not node.actors:
            emit(("nodes", i), (node.id,), node=node.id)


def _condition_unused(chain: Chain, emit: Emit) -> None:
    doc = chain.doc
    used = {c for m in doc.mechanisms for c in m.conditions}
    for i, condition in enumerate(doc.conditions):
        if condition.id not in used:
            emit(("conditions", i), (condition.id,), id=condition.id)


def _intervention_unused(chain: Chain, emit: Emit) -> None:
    doc = chain.doc
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


def _actor_unused(chain: Chain, emit: Emit) -> None:
    doc = chain.doc
    used = {ref for node in doc.nodes for ref in node.actors}
    for i, actor in enumerate(doc.actors):
        if actor.id not in used:
            emit(("actors", i), (actor.id,), id=actor.id)


def _rival_about_nothing(chain: Chain, emit: Emit) -> None:
    doc = chain.doc
    for i, rival in enumerate(doc.rivals):
        if not rival.about:
            emit(("rivals", i), (rival.id,), id=rival.id)


def _link_between_interventions(chain: Chain, emit: Emit) -> None:
    doc = chain.doc
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


def _feedback_forward(chain: Chain, emit: Emit) -> None:
    doc = chain.doc
    # A feedback link is drawn dashed and left out of pathways and cycles; on
    # a forward link that hides a causal step, so the mark is likely a slip.
    stage_of, order = chain.stage_of, chain.order
    for i, link in enumerate(doc.links):
        if link.feedback:
            a, b = stage_of[link.from_], stage_of[link.to]
            if order[b] > order[a]:
                emit(("links", i), (link.from_, link.to), ref=link.ref, from_stage=a, to_stage=b)


def _survey_without_answers(chain: Chain, emit: Emit) -> None:
    doc = chain.doc
    # No answers and no "don't know": the survey rule has nothing to count, so
    # the item would be silently unknown (TOC011 covers "don't know" alone).
    for i, item in enumerate(doc.evidence):
        if isinstance(item, SurveyEvidence) and item.dont_know == 0 and not any(item.counts):
            emit(("evidence", i), (item.id,), id=item.id)


def _prior_certain(chain: Chain, emit: Emit) -> None:
    doc = chain.doc
    # Bayes' rule keeps a prior of 0 or 1 whatever the likelihoods: such a
    # mechanism or rival is decided before any evidence is weighed.
    lang = doc.language
    priors = [("mechanisms", i, "mechanism", m.id, m.prior) for i, m in enumerate(doc.mechanisms)]
    priors += [("rivals", i, "rival", r.id, r.prior) for i, r in enumerate(doc.rivals)]
    for section, i, kind, item_id, prior in priors:
        if prior is not None and prior in (0.0, 1.0):
            emit(
                (section, i, "prior"),
                (item_id,),
                kind=text(kind, lang),
                id=item_id,
                prior=format_number(prior, lang),
            )


STRUCTURAL: dict[str, CheckFunction] = {
    "TOC001": _link_backwards,
    "TOC002": _cycle,
    "TOC003": _leads_nowhere,
    "TOC004": _outcome_unreached,
    "TOC005": _skips,
    "TOC006": _link_without_mechanism,
    "TOC007": _mechanism_without_link,
    "TOC008": _no_evidence,
    "TOC009": _outcome_without_indicator,
    "TOC010": _activity_without_actor,
    "TOC012": _condition_unused,
    "TOC013": _intervention_unused,
    "TOC014": _actor_unused,
    "TOC015": _rival_about_nothing,
    "TOC016": _link_between_interventions,
    "TOC017": _feedback_forward,
    "TOC018": _survey_without_answers,
    "TOC019": _prior_certain,
}
"""Every structural check by code, in the order they run (`toc.codes` names them)."""
