"""The document: one theory of change and everything an evaluation adds to it.

`Document` composes the chain (stages, interventions, actors, nodes, links,
indicators: their classes are in `toc.parts`) with the models of `mechanisms`
(mechanisms, conditions, rivals, evidence, judgements). Its validator resolves
every reference, by the rules below (one function per kind of element), and
gathers all problems before raising once.
"""

from __future__ import annotations

import difflib  # noqa: F401 - tests/test_hostile.py patches difflib through toc.model
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal

from pydantic import BaseModel, Field, PrivateAttr, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from mechanisms.model import (
    Condition,
    Evidence,
    Judgement,
    Mechanism,
    Rival,
    parse_link_ref,
)
from mechanisms.types import (
    CONDITION_STATES,
    MECHANISM_VERDICTS,
    STRICT_CONFIG,
    FreeText,
    Id,
    Text,
    empty_list,
)
from toc.findings import Finding, Path, dotted
from toc.hints import MAX_PROBLEMS, Pending, more_problems
from toc.hints import Suggestions as Suggestions
from toc.hints import did_you_mean as did_you_mean
from toc.parts import (
    REPORT_SECTIONS,
    Actor,
    CheckSettings,
    Indicator,
    Intervention,
    Link,
    Measurement,
    Node,
    ReportInfo,
)

__all__ = [
    "DEFAULT_STAGES",
    "FORMAT_VERSION",
    "REPORT_SECTIONS",
    "Actor",
    "CheckSettings",
    "Document",
    "Indicator",
    "Intervention",
    "Link",
    "Measurement",
    "Node",
    "ReportInfo",
]

FORMAT_VERSION = 1
"""The major version of the file format this library reads and writes."""

DEFAULT_STAGES: tuple[str, ...] = ("resources", "activities", "short", "medium", "long")
"""Stage order used when a document gives no ``stages``."""

INPUT_STAGES: tuple[str, ...] = ("resources", "activities")


class Document(BaseModel):
    """One theory of change with its mechanisms, conditions, evidence and judgements.

    Build it from a file with `toc.load`, or directly::

        >>> doc = Document.model_validate({
        ...     "format": 1, "id": "demo", "title": "Demo",
        ...     "nodes": [
        ...         {"id": "money", "stage": "resources", "label": "Money"},
        ...         {"id": "work", "stage": "activities", "label": "Work"},
        ...     ],
        ...     "links": [{"from": "money", "to": "work"}],
        ... })
        >>> doc.node("work").label
        'Work'
    """

    model_config = STRICT_CONFIG

    format: Literal[1]
    """The format's major version; this library knows 1."""
    id: Id
    """The document's id."""
    title: Text
    """Its title."""
    language: Literal["sv", "en"] = "en"
    """Language of headings, verdict names and report text."""
    description: FreeText | None = None
    """Optional free text (Markdown)."""
    stages: list[Id] = Field(default_factory=lambda: list(DEFAULT_STAGES), min_length=2)
    """The columns of the chain, in order."""
    interventions: list[Intervention] = empty_list()
    """The cases that are judged separately."""
    actors: list[Actor] = empty_list()
    """Partners that own or carry out elements."""
    nodes: list[Node] = empty_list()
    """The elements of the chain."""
    links: list[Link] = empty_list()
    """Causal links between nodes."""
    mechanisms: list[Mechanism] = empty_list()
    """Assumptions about why links work."""
    conditions: list[Condition] = empty_list()
    """Context factors and prerequisites that mechanisms depend on."""
    rivals: list[Rival] = empty_list()
    """Alternative explanations."""
    evidence: list[Evidence] = empty_list()
    """What was observed."""
    judgements: list[Judgement] = empty_list()
    """What the evaluator concluded."""
    checks: CheckSettings | None = None
    """Which checks `toc check` reports for this document, and how severely."""
    report: ReportInfo | None = None
    """The evaluation report's title page, summary, conclusions and sections."""

    # Where the document came from, for locating findings; set by toc.files.
    _source: Any = PrivateAttr(default=None)

    @field_validator("stages")
    @classmethod
    def _stages_unique(cls, stages: list[str]) -> list[str]:
        seen: set[str] = set()
        for stage in stages:
            if stage in seen:
                raise PydanticCustomError(
                    "stage_twice",
                    "stage {stage} is listed twice: each stage once",
                    {"stage": repr(stage)},
                )
            seen.add(stage)
        return stages

    @model_validator(mode="after")
    def _resolve_references(self, info: ValidationInfo) -> Document:
        context = info.context if isinstance(info.context, dict) else {}
        if context.get("skip_references"):
            # The loader found problems elsewhere: references wait for a valid document.
            return self
        problems, count = reference_pending(self)
        collector = context.get("problems")
        if problems:
            if collector is not None:
                # The file loader places, words and reports them all at once.
                collector.extend(problems)
                context["count"] = count
            else:
                raise ValueError(
                    "\n".join(
                        p.message + (f" ({p.hint})" if p.hint else "")
                        for p in reference_problems(self)
                    )
                )
            return self
        _merge_mechanism_links(self)
        return self

    def __eq__(self, other: object) -> bool:
        # Equal data is an equal document: where it was read from (the private
        # source map) must not count, or a loaded document never equals itself
        # rebuilt from its dump.
        if not isinstance(other, Document):
            return NotImplemented
        return type(self) is type(other) and all(
            getattr(self, name) == getattr(other, name) for name in type(self).model_fields
        )

    __hash__ = None  # type: ignore[assignment]

    # ----------------------------------------------------------------- lookups

    @cached_property
    def _index(self) -> dict[str, Any]:
        return {item_id: item for item_id, item, _ in _identified(self)}

    def get(self, item_id: str) -> Any:
        """The element with this id (any kind), or None."""
        return self._index.get(item_id)

    def node(self, node_id: str) -> Node:
        """The node with this id; `KeyError` if there is none."""
        item = self._index.get(node_id)
        if not isinstance(item, Node):
            raise KeyError(f"no node {node_id!r} in document {self.id!r}")
        return item

    def link(self, ref: str) -> Link:
        """The link ``"from->to"``; `KeyError` if there is none."""
        for link in self.links:
            if link.ref == ref:
                return link
        raise KeyError(f"no link {ref!r} in document {self.id!r}")

    def size(self) -> int:
        """How many elements the document has: nodes, links, mechanisms, conditions,
        rivals, evidence items and judgements (the measure of work on it)."""
        return (
            len(self.nodes)
            + len(self.links)
            + len(self.mechanisms)
            + len(self.conditions)
            + len(self.rivals)
            + len(self.evidence)
            + len(self.judgements)
        )

    def mechanism_number(self, mechanism_id: str) -> int:
        """1-based position of a mechanism in the document (M1, M2, ...)."""
        for number, mechanism in enumerate(self.mechanisms, start=1):
            if mechanism.id == mechanism_id:
                return number
        raise KeyError(f"no mechanism {mechanism_id!r} in document {self.id!r}")

    def explaining(self) -> dict[str, list[str]]:
        """Link reference ``"from->to"`` → ids of the mechanisms that explain it.

        In document order of the mechanisms; only links some mechanism explains
        have an entry. A loaded document keeps this relation on the mechanisms'
        side; a link's own ``mechanisms`` (set in code after loading) count too.
        """
        out: dict[str, list[str]] = {}
        for mechanism in self.mechanisms:
            for ref in mechanism.links:
                out.setdefault(ref, []).append(mechanism.id)
        for link in self.links:
            for mechanism_id in link.mechanisms:
                found = out.setdefault(link.ref, [])
                if mechanism_id not in found:
                    found.append(mechanism_id)
        return out

    def mechanisms_of(self, link: Link | str) -> list[Mechanism]:
        """The mechanisms that explain a link, in document order."""
        ref = link if isinstance(link, str) else link.ref
        return [m for m in self.mechanisms if ref in m.links]

    def stage_index(self, stage: str) -> int:
        """Position of a stage in `stages`."""
        return self.stages.index(stage)

    @property
    def input_stages(self) -> list[str]:
        """Stages whose nodes are causes, not outcomes.

        ``resources`` and ``activities`` where the document has them, otherwise
        the first stage.
        """
        found = [s for s in self.stages if s in INPUT_STAGES]
        return found or self.stages[:1]

    @property
    def outcome_stages(self) -> list[str]:
        """Stages after the last input stage: short-, medium- and long-term outcomes."""
        last = max(self.stages.index(s) for s in self.input_stages)
        return self.stages[last + 1 :]

    def is_outcome(self, node: Node) -> bool:
        """Whether a node sits in an outcome stage."""
        return node.stage in self.outcome_stages


# --------------------------------------------------------------- references

_KEEP = 10_000
"""Most reference problems kept to be placed and worded; past it they are only counted."""


def _identified(doc: Document) -> Iterator[tuple[str, Any, Path]]:
    """Every element that has an id, with its path, in document order."""
    for i, intervention in enumerate(doc.interventions):
        yield intervention.id, intervention, ("interventions", i, "id")
    for i, actor in enumerate(doc.actors):
        yield actor.id, actor, ("actors", i, "id")
    for i, node in enumerate(doc.nodes):
        yield node.id, node, ("nodes", i, "id")
        for j, indicator in enumerate(node.indicators):
            yield indicator.id, indicator, ("nodes", i, "indicators", j, "id")
    for i, mechanism in enumerate(doc.mechanisms):
        yield mechanism.id, mechanism, ("mechanisms", i, "id")
    for i, condition in enumerate(doc.conditions):
        yield condition.id, condition, ("conditions", i, "id")
    for i, rival in enumerate(doc.rivals):
        yield rival.id, rival, ("rivals", i, "id")
    for i, item in enumerate(doc.evidence):
        yield item.id, item, ("evidence", i, "id")
    for i, judgement in enumerate(doc.judgements):
        if judgement.id is not None:
            yield judgement.id, judgement, ("judgements", i, "id")


KIND_NAMES: dict[type, str] = {
    Intervention: "intervention",
    Actor: "actor",
    Node: "node",
    Indicator: "indicator",
    Mechanism: "mechanism",
    Condition: "condition",
    Rival: "rival",
    Judgement: "judgement",
}
"""The kind of each element that has an id; anything else with an id is ``evidence``."""


def kind_name(item: Any) -> str:
    """What an element is: ``node``, ``mechanism``, ..., ``evidence``.

    The catalogue names it in a sentence: ``load.the.node`` ("the node",
    "noden"), ``load.a.node`` ("a node", "en nod").
    """
    for cls, name in KIND_NAMES.items():
        if isinstance(item, cls):
            return name
    return "evidence"


class _Refs:
    """Gathers reference problems: the first `_KEEP` kept, all of them counted."""

    def __init__(self) -> None:
        self.problems: list[Pending] = []
        self.count = 0

    def add(
        self,
        path: Path,
        key: str,
        hint: str,
        nouns: tuple[tuple[str, str], ...] = (),
        **fields: Any,
    ) -> None:
        self.count += 1
        if len(self.problems) < _KEEP:
            self.problems.append(Pending(path, "load." + key, fields, "load." + hint, nouns))

    def unknown(self, path: Path, what: str, value: str, choices: Collection[str]) -> None:
        self.count += 1
        if len(self.problems) < _KEEP:
            self.problems.append(
                Pending(
                    path,
                    f"load.unknown.{what}",
                    {"value": value},
                    "load.unknown.hint",
                    (("what", f"load.what.{what}"),),
                    choices,
                )
            )


def reference_problems(doc: Document) -> list[Finding]:
    """Every broken reference, duplicate id or misplaced verdict, worded in the document's
    language (the first `MAX_PROBLEMS`, then a count of the rest).

    >>> doc = Document.model_construct(
    ...     format=1, id="d", title="T", language="en", stages=["resources", "short"],
    ...     nodes=[Node(id="a", stage="resourses", label="A")])
    >>> [(p.message, p.hint) for p in reference_problems(doc)]
    [("nodes[0].stage: unknown stage 'resourses'", "did you mean 'resources'?")]
    """
    pending, count = reference_pending(doc)
    worded = [p.word(doc.language) for p in pending[:MAX_PROBLEMS]]
    if count > len(worded):
        worded.append(more_problems(count - len(worded), len(worded), doc.language))
    return worded


def reference_pending(doc: Document) -> tuple[list[Pending], int]:
    """Every broken reference, duplicate id or misplaced verdict in a document, not yet
    worded: the first `_KEEP` problems, and how many there are in all.

    The rules, as FORMAT.md states them: ids are unique across the whole
    document; every reference names an element of the right kind; a verdict
    belongs to the vocabulary of what it judges. One function checks each
    kind of element's references.
    """
    refs = _Refs()
    ids = _ids(doc, refs)
    _node_refs(doc, ids, refs)
    _link_refs(doc, ids, refs)
    _mechanism_refs(doc, ids, refs)
    _rival_refs(doc, ids, refs)
    _evidence_refs(doc, ids, refs)
    _judgement_refs(doc, ids, refs)
    return refs.problems, refs.count


@dataclass(slots=True)
class _Ids:
    """The elements of each kind a reference may name, by id (the first of an id wins)."""

    interventions: dict[str, Any]
    actors: dict[str, Any]
    nodes: dict[str, Any]
    mechanisms: dict[str, Any]
    conditions: dict[str, Any]
    rivals: dict[str, Any]
    evidence: dict[str, Any]
    every: set[str]
    """Every id of the document, of any kind."""
    first: dict[str, tuple[Any, Path]]
    """Each id's first element and its path; empty until some id needs it."""
    links: dict[str, int] = field(default_factory=dict)
    """Each link's reference ``"from->to"`` → its index (the first of a pair)."""


def _ids(doc: Document, refs: _Refs) -> _Ids:
    """The ids of each kind; an id used twice is reported where it repeats.

    Only when some id is used twice are the elements walked again with their
    paths, to say where (the first element wins).
    """
    ids = _Ids(
        interventions={item.id: item for item in doc.interventions},
        actors={item.id: item for item in doc.actors},
        nodes={item.id: item for item in doc.nodes},
        mechanisms={item.id: item for item in doc.mechanisms},
        conditions={item.id: item for item in doc.conditions},
        rivals={item.id: item for item in doc.rivals},
        evidence={item.id: item for item in doc.evidence},
        every=set(),
        first={},
    )
    every = ids.every
    every.update(ids.interventions, ids.actors, ids.nodes, ids.mechanisms, ids.conditions)
    every.update(ids.rivals, ids.evidence)
    every.update(i.id for node in doc.nodes for i in node.indicators)
    every.update(j.id for j in doc.judgements if j.id is not None)
    named = sum(len(node.indicators) for node in doc.nodes) + sum(
        j.id is not None for j in doc.judgements
    )
    for items in (doc.interventions, doc.actors, doc.nodes, doc.mechanisms, doc.conditions):
        named += len(items)
    named += len(doc.rivals) + len(doc.evidence)
    if len(every) >= named:
        return ids
    by_kind: dict[type, dict[str, Any]] = {
        cls: {} for cls in (Intervention, Actor, Node, Mechanism, Condition, Rival)
    }
    first = ids.first
    for item_id, item, path in _identified(doc):
        if item_id in first:
            other, other_path = first[item_id]
            refs.add(
                path,
                "duplicate_id",
                "duplicate_id.hint",
                (("kind", f"load.the.{kind_name(other)}"),),
                id=item_id,
                where=dotted(other_path[:-1]),
            )
        else:
            first[item_id] = (item, path)
            group = by_kind.get(type(item))
            if group is not None:
                group[item_id] = item
    ids.interventions = by_kind[Intervention]
    ids.actors = by_kind[Actor]
    ids.nodes = by_kind[Node]
    ids.mechanisms = by_kind[Mechanism]
    ids.conditions = by_kind[Condition]
    ids.rivals = by_kind[Rival]
    return ids


def _node_refs(doc: Document, ids: _Ids, refs: _Refs) -> None:
    """A node's stage, interventions and actors."""
    stages = dict.fromkeys(doc.stages)
    interventions, actors = ids.interventions, ids.actors
    for i, node in enumerate(doc.nodes):
        if node.stage not in stages:
            refs.unknown(("nodes", i, "stage"), "stage", node.stage, stages)
        for j, ref in enumerate(node.interventions):
            if ref not in interventions:
                refs.unknown(("nodes", i, "interventions", j), "intervention", ref, interventions)
        for j, ref in enumerate(node.actors):
            if ref not in actors:
                refs.unknown(("nodes", i, "actors", j), "actor", ref, actors)


def _link_refs(doc: Document, ids: _Ids, refs: _Refs) -> None:
    """A link's ends and mechanisms; a link to itself and a link given twice.

    Fills ``ids.links``, which the references to links are checked against.
    """
    nodes, mechanisms, link_refs = ids.nodes, ids.mechanisms, ids.links
    for i, link in enumerate(doc.links):
        tail, head = link.from_, link.to
        if tail not in nodes:
            refs.unknown(("links", i, "from"), "node", tail, nodes)
        if head not in nodes:
            refs.unknown(("links", i, "to"), "node", head, nodes)
        link_ref = f"{tail}->{head}"
        if tail == head:
            refs.add(("links", i), "link_to_itself", "link_to_itself.hint", ref=link_ref)
        if link_ref in link_refs:
            refs.add(
                ("links", i),
                "link_twice",
                "link_twice.hint",
                ref=link_ref,
                other=link_refs[link_ref],
            )
        else:
            link_refs[link_ref] = i
        for j, ref in enumerate(link.mechanisms):
            if ref not in mechanisms:
                refs.unknown(("links", i, "mechanisms", j), "mechanism", ref, mechanisms)


def _link_ref(path: Path, ref: str, ids: _Ids, refs: _Refs) -> None:
    """A reference to a link, ``"from->to"``: well formed, and a link of the document."""
    pair = parse_link_ref(ref)
    if pair is None:
        refs.add(path, "not_link_ref", "not_link_ref.hint", ref=ref)
        return
    normal = f"{pair[0]}->{pair[1]}"
    if normal not in ids.links:
        refs.unknown(path, "link", ref, ids.links)


def _mechanism_refs(doc: Document, ids: _Ids, refs: _Refs) -> None:
    """A mechanism's links and conditions."""
    conditions = ids.conditions
    for i, mechanism in enumerate(doc.mechanisms):
        for j, ref in enumerate(mechanism.links):
            _link_ref(("mechanisms", i, "links", j), ref, ids, refs)
        for j, ref in enumerate(mechanism.conditions):
            if ref not in conditions:
                refs.unknown(("mechanisms", i, "conditions", j), "condition", ref, conditions)


def _rival_refs(doc: Document, ids: _Ids, refs: _Refs) -> None:
    """What a rival explanation is about: nodes and links."""
    nodes = ids.nodes
    for i, rival in enumerate(doc.rivals):
        for j, ref in enumerate(rival.about):
            if "->" in ref:
                _link_ref(("rivals", i, "about", j), ref, ids, refs)
            elif ref not in nodes:
                refs.unknown(("rivals", i, "about", j), "node_or_link", ref, nodes)


def _evidence_refs(doc: Document, ids: _Ids, refs: _Refs) -> None:
    """What evidence is about (a node, link, mechanism, condition or rival) and its
    intervention."""
    about_choices = {**ids.nodes, **ids.mechanisms, **ids.conditions, **ids.rivals}
    interventions = ids.interventions
    for i, item in enumerate(doc.evidence):
        if "->" in item.about:
            _link_ref(("evidence", i, "about"), item.about, ids, refs)
        elif item.about not in about_choices:
            refs.unknown(("evidence", i, "about"), "about", item.about, about_choices)
        if item.intervention is not None and item.intervention not in interventions:
            refs.unknown(
                ("evidence", i, "intervention"), "intervention", item.intervention, interventions
            )


def _judgement_refs(doc: Document, ids: _Ids, refs: _Refs) -> None:
    """What a judgement is about, its verdict for that kind, its intervention and evidence."""
    judged = {**ids.mechanisms, **ids.conditions, **ids.rivals}
    interventions, evidence = ids.interventions, ids.evidence
    for i, judgement in enumerate(doc.judgements):
        target = judged.get(judgement.about)
        if target is None:
            _not_judged(doc, i, judgement.about, ids, judged, refs)
        else:
            allowed = CONDITION_STATES if isinstance(target, Condition) else MECHANISM_VERDICTS
            if judgement.verdict not in allowed:
                refs.add(
                    ("judgements", i, "verdict"),
                    "verdict_misplaced",
                    "use_one_of",
                    (("kind", f"load.the.{kind_name(target)}"),),
                    verdict=judgement.verdict,
                    about=judgement.about,
                    choices=", ".join(allowed),
                )
        if judgement.intervention is not None and judgement.intervention not in interventions:
            refs.unknown(
                ("judgements", i, "intervention"),
                "intervention",
                judgement.intervention,
                interventions,
            )
        for j, ref in enumerate(judgement.evidence):
            if ref not in evidence:
                refs.unknown(("judgements", i, "evidence", j), "evidence", ref, evidence)


def _not_judged(
    doc: Document, i: int, about: str, ids: _Ids, judged: dict[str, Any], refs: _Refs
) -> None:
    """Judgement ``i`` is about something that cannot be judged: another kind of
    element, or no element at all."""
    if not ids.first and about in ids.every:
        ids.first = {item_id: (item, path) for item_id, item, path in _identified(doc)}
    what = ids.first.get(about)
    if what is not None:
        refs.add(
            ("judgements", i, "about"),
            "not_judged",
            "not_judged.hint",
            (("kind", f"load.a.{kind_name(what[0])}"),),
            about=about,
        )
    else:
        refs.unknown(("judgements", i, "about"), "judged", about, judged)


def _merge_mechanism_links(doc: Document) -> None:
    """Move each link's ``mechanisms`` onto the mechanisms' ``links`` (the union).

    Both ends state one relation; keeping it in one place gives one canonical
    dump and one answer to "which mechanisms explain this link".
    """
    by_id = {m.id: m for m in doc.mechanisms}
    for mechanism in doc.mechanisms:
        normal: list[str] = []
        for ref in mechanism.links:
            pair = parse_link_ref(ref)
            text = f"{pair[0]}->{pair[1]}" if pair else ref
            if text not in normal:
                normal.append(text)
        mechanism.links = normal
    for link in doc.links:
        for mechanism_id in link.mechanisms:
            mechanism = by_id[mechanism_id]
            if link.ref not in mechanism.links:
                mechanism.links.append(link.ref)
        link.mechanisms = []
