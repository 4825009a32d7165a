"""The document: one theory of change and everything an evaluation adds to it.

`Document` composes the chain (stages, interventions, actors, nodes, links,
indicators) with the models of `mechanisms` (mechanisms, conditions, rivals,
evidence, judgements). Its validator resolves every reference and gathers all
problems before raising once.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from functools import cached_property
from typing import Annotated, Any, Literal, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    Field,
    PrivateAttr,
    ValidationInfo,
    field_validator,
    model_validator,
)

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
    Id,
    PartialDate,
    Text,
    empty_list,
)
from toc.codes import CODES, resolve
from toc.findings import Finding, Path, Severity, dotted

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

ActorKind = Literal["state", "region", "municipality", "civil_society", "private", "user", "other"]


class _Model(BaseModel):
    model_config = STRICT_CONFIG


class Intervention(_Model):
    """A case judged separately (a cluster evaluation has several)."""

    id: Id
    """Unique id in the document."""
    name: Text
    """Its name, as shown in diagrams and reports."""
    period: str | None = None
    """When it ran, e.g. ``2017-03/2018-03``."""
    description: str | None = None
    """Optional free text (Markdown)."""


class Actor(_Model):
    """A partner that owns or carries out elements of the chain."""

    id: Id
    """Unique id in the document."""
    name: Text
    """Its name."""
    kind: ActorKind = "other"
    """state, region, municipality, civil_society, private, user or other."""
    description: str | None = None
    """Optional free text (Markdown)."""


class Measurement(_Model):
    """One value of an indicator (baseline, target or an actual reading)."""

    value: int | float
    """The value, in the indicator's unit."""
    date: PartialDate | None = None
    """When it was (or is to be) measured."""
    source: str | None = None
    """Where the value comes from."""


class Indicator(_Model):
    """A measure that shows whether an outcome is reached."""

    id: Id
    """Unique id in the document."""
    name: Text
    """What is measured."""
    unit: str | None = None
    """Unit of the values (``percent``, ``persons``, ...)."""
    baseline: Measurement | None = None
    """The value before the intervention."""
    target: Measurement | None = None
    """The value aimed for."""
    actual: list[Measurement] = empty_list()
    """Readings over time; the latest by date is the current one."""
    method: str | None = None
    """How it is measured."""
    frequency: str | None = None
    """How often it is measured."""


class Node(_Model):
    """An element of the chain: a resource, an activity or an outcome."""

    id: Id
    """Unique id in the document."""
    stage: Id
    """One of the document's ``stages``."""
    label: Text
    """The text in the diagram box."""
    interventions: list[Id] = empty_list()
    """The interventions it belongs to; absent = common to all."""
    actors: list[Id] = empty_list()
    """Who owns or carries it."""
    description: str | None = None
    """Optional longer free text (Markdown)."""
    indicators: list[Indicator] = empty_list()
    """Measures of it, usually on outcomes."""


class Link(_Model):
    """A causal link from one node to another."""

    from_: Id = Field(alias="from")
    """The node the link starts at."""
    to: Id
    """The node the link ends at."""
    mechanisms: list[Id] = empty_list()
    """Mechanisms that explain it; on loading, merged into the mechanisms' ``links``."""
    feedback: bool = False
    """A deliberate loop back to an earlier stage."""
    label: str | None = None
    """Optional text on the arrow."""

    @property
    def ref(self) -> str:
        """The link's reference, ``"from->to"``."""
        return f"{self.from_}->{self.to}"


def _known_check(word: str) -> str:
    if resolve(word) is None:
        close = did_you_mean(word, [c.code for c in CODES] + [c.name for c in CODES])
        raise ValueError(
            f"unknown check {word!r}: "
            + (close or "use a code such as TOC006 or a name such as link-without-mechanism")
        )
    return word


CheckWord = Annotated[str, AfterValidator(_known_check)]
"""A check's code (``TOC006``) or name (``link-without-mechanism``)."""


class CheckSettings(_Model):
    """How `toc check` treats this document's findings, the way a linter is configured.

    Codes and names may be mixed. ``toc check --select/--ignore/--severity``
    add to these settings for one run.
    """

    select: list[CheckWord] = empty_list()
    """Report only these checks; empty = all of them."""
    ignore: list[CheckWord] = empty_list()
    """Never report these checks."""
    severity: dict[CheckWord, Severity] = Field(default_factory=dict)
    """A different severity for some checks: ``{TOC009: warning}``."""


ReportSection = Literal[
    "title_page",
    "contents",
    "summary",
    "background",
    "theory",
    "changes",
    "mechanisms",
    "rivals",
    "indicators",
    "conclusions",
    "surveys",
    "findings",
]
"""A section of the evaluation report; docs/report.md says what each holds."""

REPORT_SECTIONS: tuple[str, ...] = get_args(ReportSection)
"""The sections an evaluation report can have (``toc report --sections``), in their
usual order."""


def _no_repeats(sections: list[str]) -> list[str]:
    for index, section in enumerate(sections):
        if section in sections[:index]:
            raise ValueError(f"section {section!r} is listed twice: list each section once")
    return sections


def _picture_file(path: str) -> str:
    if not path.lower().endswith((".png", ".jpg", ".jpeg")) or len(path) > 1000:
        raise ValueError(f"the logo {path!r} is not a PNG or JPEG file: name a .png or .jpg file")
    return path


Logo = Annotated[str, AfterValidator(_picture_file)]
"""A picture file: a PNG or JPEG, its path relative to the document's file."""


class ReportInfo(_Model):
    """What the evaluation report says besides the theory: its title page and its prose.

    The text fields ``summary``, ``conclusions`` and ``recommendations`` may use
    Markdown (paragraphs, lists, emphasis, links).
    """

    title: Text | None = None
    """The report's title, if it is not the document's ``title``."""
    subtitle: str | None = None
    """A line under the title, such as the kind of report (*Slutrapport*)."""
    client: str | None = None
    """Who commissioned the evaluation (*beställare*)."""
    evaluators: list[Text] = empty_list()
    """Who wrote it: names, with their organisation if wished."""
    date: PartialDate | None = None
    """The report's date."""
    version: str | None = None
    """Its version, such as ``1.0``."""
    status: str | None = None
    """Its status, such as *utkast* (draft) or *slutversion* (final)."""
    summary: str | None = None
    """The summary (*sammanfattning*) the report opens with (Markdown)."""
    conclusions: str | None = None
    """The conclusions the report ends with (Markdown)."""
    recommendations: str | None = None
    """Recommendations, after the conclusions (Markdown)."""
    logo: Logo | None = None
    """A logo for the title page: a PNG or JPEG file, relative to the document."""
    sections: Annotated[list[ReportSection], AfterValidator(_no_repeats)] = empty_list()
    """The report's sections, in order; empty = the usual ones for the audience."""


class Document(_Model):
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

    format: Literal[1]
    """The format's major version; this library knows 1."""
    id: Id
    """The document's id."""
    title: Text
    """Its title."""
    language: Literal["sv", "en"] = "en"
    """Language of headings, verdict names and report text."""
    description: str | None = None
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
                raise ValueError(f"stage {stage!r} is listed twice: each stage once")
            seen.add(stage)
        return stages

    @model_validator(mode="after")
    def _resolve_references(self, info: ValidationInfo) -> Document:
        problems = reference_problems(self)
        collector = info.context.get("problems") if isinstance(info.context, dict) else None
        if problems:
            if collector is not None:
                # The file loader locates and reports them all at once.
                collector.extend(problems)
            else:
                raise ValueError(
                    "\n".join(p.message + (f" ({p.hint})" if p.hint else "") for p in problems)
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


def kind_name(item: Any) -> str:
    """What an element is called in messages: ``node``, ``mechanism``, ..."""
    for cls, name in KIND_NAMES.items():
        if isinstance(item, cls):
            return name
    return "evidence item"


def _a(noun: str) -> str:
    """The noun with its indefinite article: ``a node``, ``an evidence item``."""
    return f"{'an' if noun[:1] in 'aeiou' else 'a'} {noun}"


def did_you_mean(value: str, choices: Iterable[str]) -> str | None:
    """A "did you mean ...?" hint, or None when nothing is close."""
    close = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6)
    return f"did you mean {close[0]!r}?" if close else None


class _Refs:
    """Gathers reference problems with consistent wording."""

    def __init__(self) -> None:
        self.problems: list[Finding] = []

    def add(self, path: Path, message: str, hint: str | None = None) -> None:
        self.problems.append(Finding(f"{dotted(path)}: {message}", path, hint))

    def unknown(self, path: Path, what: str, value: str, choices: Iterable[str]) -> None:
        choices = list(choices)
        hint = did_you_mean(value, choices)
        if hint is None:
            hint = (
                f"declare {what} {value!r} first, or use one of: " + ", ".join(choices[:8])
                if choices
                else f"declare {what} {value!r} in the document first"
            )
        self.add(path, f"unknown {what} {value!r}", hint)


def reference_problems(doc: Document) -> list[Finding]:
    """Every broken reference, duplicate id or misplaced verdict in a document.

    The rules, as FORMAT.md states them: ids are unique across the whole
    document; every reference names an element of the right kind; a verdict
    belongs to the vocabulary of what it judges.
    """
    refs = _Refs()
    first: dict[str, tuple[Any, Path]] = {}
    for item_id, item, path in _identified(doc):
        if item_id in first:
            other, other_path = first[item_id]
            refs.add(
                path,
                f"duplicate id {item_id!r}: already used by the {kind_name(other)} "
                f"at {dotted(other_path[:-1])}",
                "every id must be unique across the whole document; rename one of them",
            )
        else:
            first[item_id] = (item, path)

    # One pass over the ids, grouped by kind (the first element of an id wins).
    by_kind: dict[type, dict[str, Any]] = {
        cls: {} for cls in (Intervention, Actor, Node, Mechanism, Condition, Rival)
    }
    for item_id, (item, _) in first.items():
        group = by_kind.get(type(item))
        if group is not None:
            group[item_id] = item
    interventions = by_kind[Intervention]
    actors = by_kind[Actor]
    nodes = by_kind[Node]
    mechanisms = by_kind[Mechanism]
    conditions = by_kind[Condition]
    rivals = by_kind[Rival]
    evidence_ids = {item.id for item in doc.evidence}

    for i, node in enumerate(doc.nodes):
        if node.stage not in doc.stages:
            refs.unknown(("nodes", i, "stage"), "stage", node.stage, doc.stages)
        for j, ref in enumerate(node.interventions):
            if ref not in interventions:
                refs.unknown(("nodes", i, "interventions", j), "intervention", ref, interventions)
        for j, ref in enumerate(node.actors):
            if ref not in actors:
                refs.unknown(("nodes", i, "actors", j), "actor", ref, actors)

    link_refs: dict[str, int] = {}
    for i, link in enumerate(doc.links):
        for end, ref in (("from", link.from_), ("to", link.to)):
            if ref not in nodes:
                refs.unknown(("links", i, end), "node", ref, nodes)
        if link.from_ == link.to:
            refs.add(
                ("links", i),
                f"link {link.ref!r} runs from a node to itself",
                "remove it, or point it at another node",
            )
        if link.ref in link_refs:
            refs.add(
                ("links", i),
                f"link {link.ref!r} is declared twice (also links[{link_refs[link.ref]}])",
                "keep one link and list all its mechanisms on it",
            )
        else:
            link_refs[link.ref] = i
        for j, ref in enumerate(link.mechanisms):
            if ref not in mechanisms:
                refs.unknown(("links", i, "mechanisms", j), "mechanism", ref, mechanisms)

    def check_link_ref(path: Path, ref: str) -> None:
        pair = parse_link_ref(ref)
        if pair is None:
            refs.add(path, f"{ref!r} is not a link reference", 'write a link as "from->to"')
            return
        normal = f"{pair[0]}->{pair[1]}"
        if normal not in link_refs:
            refs.unknown(path, "link", ref, link_refs)

    for i, mechanism in enumerate(doc.mechanisms):
        for j, ref in enumerate(mechanism.links):
            check_link_ref(("mechanisms", i, "links", j), ref)
        for j, ref in enumerate(mechanism.conditions):
            if ref not in conditions:
                refs.unknown(("mechanisms", i, "conditions", j), "condition", ref, conditions)

    for i, rival in enumerate(doc.rivals):
        for j, ref in enumerate(rival.about):
            if "->" in ref:
                check_link_ref(("rivals", i, "about", j), ref)
            elif ref not in nodes:
                refs.unknown(("rivals", i, "about", j), "node or link", ref, nodes)

    about_choices = {**nodes, **mechanisms, **conditions, **rivals}
    for i, item in enumerate(doc.evidence):
        if "->" in item.about:
            check_link_ref(("evidence", i, "about"), item.about)
        elif item.about not in about_choices:
            refs.unknown(
                ("evidence", i, "about"),
                "mechanism, condition, rival, node or link",
                item.about,
                about_choices,
            )
        if item.intervention is not None and item.intervention not in interventions:
            refs.unknown(
                ("evidence", i, "intervention"), "intervention", item.intervention, interventions
            )

    judged = {**mechanisms, **conditions, **rivals}
    for i, judgement in enumerate(doc.judgements):
        target = judged.get(judgement.about)
        if target is None:
            what = first.get(judgement.about)
            if what is not None:
                refs.add(
                    ("judgements", i, "about"),
                    f"{judgement.about!r} is {_a(kind_name(what[0]))}; only mechanisms, "
                    "conditions and rivals are judged",
                    "judge the mechanism that explains it instead",
                )
            else:
                refs.unknown(
                    ("judgements", i, "about"),
                    "mechanism, condition or rival",
                    judgement.about,
                    judged,
                )
        else:
            allowed = CONDITION_STATES if isinstance(target, Condition) else MECHANISM_VERDICTS
            if judgement.verdict not in allowed:
                refs.add(
                    ("judgements", i, "verdict"),
                    f"verdict {judgement.verdict!r} does not apply to the "
                    f"{kind_name(target)} {judgement.about!r}",
                    "use one of: " + ", ".join(allowed),
                )
        if judgement.intervention is not None and judgement.intervention not in interventions:
            refs.unknown(
                ("judgements", i, "intervention"),
                "intervention",
                judgement.intervention,
                interventions,
            )
        for j, ref in enumerate(judgement.evidence):
            if ref not in evidence_ids:
                refs.unknown(("judgements", i, "evidence", j), "evidence item", ref, evidence_ids)
    return refs.problems


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
