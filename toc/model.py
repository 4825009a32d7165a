"""The document: one theory of change and everything an evaluation adds to it.

`Document` composes the chain (stages, interventions, actors, nodes, links,
indicators) with the models of `mechanisms` (mechanisms, conditions, rivals,
evidence, judgements). Its validator resolves every reference and gathers all
problems before raising once.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from itertools import islice
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
    PartialDate,
    Text,
    empty_list,
)
from toc.codes import CODES, resolve
from toc.findings import Finding, Path, Severity, dotted
from toc.i18n import text

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
    period: FreeText | None = None
    """When it ran, e.g. ``2017-03/2018-03``."""
    description: FreeText | None = None
    """Optional free text (Markdown)."""


class Actor(_Model):
    """A partner that owns or carries out elements of the chain."""

    id: Id
    """Unique id in the document."""
    name: Text
    """Its name."""
    kind: ActorKind = "other"
    """state, region, municipality, civil_society, private, user or other."""
    description: FreeText | None = None
    """Optional free text (Markdown)."""


class Measurement(_Model):
    """One value of an indicator (baseline, target or an actual reading)."""

    value: int | float
    """The value, in the indicator's unit."""
    date: PartialDate | None = None
    """When it was (or is to be) measured."""
    source: FreeText | None = None
    """Where the value comes from."""


class Indicator(_Model):
    """A measure that shows whether an outcome is reached."""

    id: Id
    """Unique id in the document."""
    name: Text
    """What is measured."""
    unit: FreeText | None = None
    """Unit of the values (``percent``, ``persons``, ...)."""
    baseline: Measurement | None = None
    """The value before the intervention."""
    target: Measurement | None = None
    """The value aimed for."""
    actual: list[Measurement] = empty_list()
    """Readings over time; the latest by date is the current one."""
    method: FreeText | None = None
    """How it is measured."""
    frequency: FreeText | None = None
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
    description: FreeText | None = None
    """Optional longer free text (Markdown)."""
    indicators: list[Indicator] = empty_list()
    """Measures of it, usually on outcomes."""


# Files write a link's start as `from`; Python code as `from_` (`from` is a
# keyword): `Link(from_="money", to="work")`, which mypy accepts with the pydantic
# plugin and without it. The shared configuration already reads fields by name;
# the class keyword says so where the plugin can see it.
class Link(_Model, populate_by_name=True):
    """A causal link from one node to another."""

    from_: Id = Field(validation_alias="from", serialization_alias="from")
    """The node the link starts at."""
    to: Id
    """The node the link ends at."""
    mechanisms: list[Id] = empty_list()
    """Mechanisms that explain it; on loading, merged into the mechanisms' ``links``."""
    feedback: bool = False
    """A deliberate loop back to an earlier stage."""
    label: FreeText | None = None
    """Optional text on the arrow."""

    @property
    def ref(self) -> str:
        """The link's reference, ``"from->to"``."""
        return f"{self.from_}->{self.to}"


# Type checkers read `validation_alias`, so `Link(from_=...)` type-checks (with
# `alias`, mypy without the pydantic plugin would want a keyword `from`). Code
# that reads a field's key in files from `FieldInfo.alias` finds it there too.
Link.model_fields["from_"].alias = "from"


def _known_check(word: str) -> str:
    if resolve(word) is None:
        close = did_you_mean(word, [c.code for c in CODES] + [c.name for c in CODES])
        raise PydanticCustomError(
            "unknown_check",
            "unknown check {word}: {hint}",
            {
                "word": repr(word),
                "value": word,
                "hint": close
                or "use a code such as TOC006 or a name such as link-without-mechanism",
            },
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
    subtitle: FreeText | None = None
    """A line under the title, such as the kind of report (*Slutrapport*)."""
    client: FreeText | None = None
    """Who commissioned the evaluation (*beställare*)."""
    evaluators: list[Text] = empty_list()
    """Who wrote it: names, with their organisation if wished."""
    date: PartialDate | None = None
    """The report's date."""
    version: FreeText | None = None
    """Its version, such as ``1.0``."""
    status: FreeText | None = None
    """Its status, such as *utkast* (draft) or *slutversion* (final)."""
    summary: FreeText | None = None
    """The summary (*sammanfattning*) the report opens with (Markdown)."""
    conclusions: FreeText | None = None
    """The conclusions the report ends with (Markdown)."""
    recommendations: FreeText | None = None
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

MAX_PROBLEMS = 50
"""Most problems reported for one document; the rest are counted in a last line."""

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


_POOL = 400
"""Most candidates a "did you mean" compares a word with."""


class Suggestions:
    """The words a "did you mean ...?" hint may suggest, searched in bounded time.

    Up to `_POOL` words are compared with `difflib` directly. From more (the
    ids of a large document), the candidates are those of a length that
    could reach difflib's cutoff of 0.6 (from 3/7 to 7/3 of the word's),
    nearest lengths and the same first letter first, at most `_POOL` of them:
    the index is built once, so each search costs the same however many ids
    the document has.

    >>> Suggestions(["c-forum", "m-individual"]).closest("c-froum")
    'c-forum'
    >>> many = Suggestions([f"node-{i}" for i in range(100_000)] + ["shared-view"])
    >>> many.closest("shared-veiw"), many.closest("zzz")
    ('shared-view', None)
    """

    def __init__(self, words: Iterable[str]) -> None:
        self.words = list(words)
        self._buckets: dict[tuple[str, int], list[str]] | None = None

    def closest(self, word: str) -> str | None:
        """The word most like ``word`` (difflib ratio 0.6 or more), or None."""
        pool = self.words if len(self.words) <= _POOL else self._pool(word)
        found = difflib.get_close_matches(word, pool, n=1, cutoff=0.6)
        return found[0] if found else None

    def _pool(self, word: str) -> list[str]:
        if self._buckets is None:
            self._buckets = {}
            for candidate in self.words:
                self._buckets.setdefault((candidate[:1], len(candidate)), []).append(candidate)
        buckets = self._buckets
        n = len(word)
        low, high = (3 * n + 6) // 7, (7 * n) // 3
        lengths = sorted(range(low, high + 1), key=lambda k: (abs(k - n), k))
        firsts = dict.fromkeys((word[:1], word[:1].lower()))
        pool: list[str] = []
        for first in firsts:
            for k in lengths:
                pool.extend(buckets.get((first, k), ())[: _POOL - len(pool)])
                if len(pool) >= _POOL:
                    return pool
        for (first, k), bucket in buckets.items():
            if first not in firsts and low <= k <= high:
                pool.extend(bucket[: _POOL - len(pool)])
                if len(pool) >= _POOL:
                    break
        return pool


def did_you_mean(
    value: str, choices: Iterable[str] | Suggestions, language: str = "en"
) -> str | None:
    """A "did you mean ...?" hint in ``language``, or None when nothing is close.

    >>> did_you_mean("statment", ["statement", "title"]), did_you_mean("x", ["statement"])
    ("did you mean 'statement'?", None)
    >>> did_you_mean("c-froum", ["c-forum"], "sv")
    "menade du 'c-forum'?"
    """
    index = choices if isinstance(choices, Suggestions) else Suggestions(choices)
    close = index.closest(value)
    return text("load.did_you_mean", language, choice=close) if close is not None else None


@dataclass(frozen=True, slots=True)
class Pending:
    """A load problem found but not yet worded: its place, its catalogue keys and fields.

    Wording waits until the problem is known to be among those reported (the
    first `MAX_PROBLEMS` in file order), so that a document with thousands of
    broken references costs no "did you mean" search for each of them.
    ``key`` and ``hint`` name entries of `toc.i18n`; ``nouns`` fills a field
    with a catalogue entry in the document's language. An unknown reference
    has ``choices``: the ids the hint suggests from (or lists a few of).
    """

    path: Path
    key: str
    fields: dict[str, Any]
    hint: str
    nouns: tuple[tuple[str, str], ...] = ()
    choices: Collection[str] | None = None

    def word(self, language: str, index: Suggestions | None = None) -> Finding:
        """The problem as a `Finding` in ``language`` (not yet placed in a file).

        ``index`` is the `Suggestions` of ``choices``, when the caller keeps one.
        """
        fields = dict(self.fields)
        for name, key in self.nouns:
            fields[name] = text(key, language)
        message = f"{dotted(self.path)}: {text(self.key, language, **fields)}"
        hint = None
        if self.choices is not None:
            hint = did_you_mean(fields["value"], index or Suggestions(self.choices), language)
            if hint is None:
                few = ", ".join(islice(self.choices, 8))
                key = self.hint if few else self.hint + "_none"
                hint = text(key, language, choices=few, **fields)
        else:
            hint = text(self.hint, language, **fields)
        return Finding(message, self.path, hint)


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


def more_problems(more: int, shown: int, language: str, *, at_least: bool = False) -> Finding:
    """The last line of a capped list of problems: how many more there are."""
    key = "load.more_at_least" if at_least else "load.more"
    return Finding(
        text(key, language, more=more, shown=shown), hint=text("load.more.hint", language)
    )


def reference_pending(doc: Document) -> tuple[list[Pending], int]:
    """Every broken reference, duplicate id or misplaced verdict in a document, not yet
    worded: the first `_KEEP` problems, and how many there are in all.

    The rules, as FORMAT.md states them: ids are unique across the whole
    document; every reference names an element of the right kind; a verdict
    belongs to the vocabulary of what it judges.
    """
    refs = _Refs()
    # The ids of each kind. Only when some id is used twice are the elements
    # walked again with their paths, to say where (the first element wins).
    interventions = {item.id: item for item in doc.interventions}
    actors = {item.id: item for item in doc.actors}
    nodes = {item.id: item for item in doc.nodes}
    mechanisms = {item.id: item for item in doc.mechanisms}
    conditions = {item.id: item for item in doc.conditions}
    rivals = {item.id: item for item in doc.rivals}
    ids = {*interventions, *actors, *nodes, *mechanisms, *conditions, *rivals}
    ids.update(item.id for item in doc.evidence)
    ids.update(i.id for node in doc.nodes for i in node.indicators)
    ids.update(j.id for j in doc.judgements if j.id is not None)
    named = sum(len(node.indicators) for node in doc.nodes) + sum(
        j.id is not None for j in doc.judgements
    )
    for items in (doc.interventions, doc.actors, doc.nodes, doc.mechanisms, doc.conditions):
        named += len(items)
    named += len(doc.rivals) + len(doc.evidence)
    first: dict[str, tuple[Any, Path]] = {}
    if len(ids) < named:
        by_kind: dict[type, dict[str, Any]] = {
            cls: {} for cls in (Intervention, Actor, Node, Mechanism, Condition, Rival)
        }
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
        interventions = by_kind[Intervention]
        actors = by_kind[Actor]
        nodes = by_kind[Node]
        mechanisms = by_kind[Mechanism]
        conditions = by_kind[Condition]
        rivals = by_kind[Rival]
    evidence_ids = {item.id: item for item in doc.evidence}
    stages = dict.fromkeys(doc.stages)

    for i, node in enumerate(doc.nodes):
        if node.stage not in stages:
            refs.unknown(("nodes", i, "stage"), "stage", node.stage, stages)
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
            refs.add(("links", i), "link_to_itself", "link_to_itself.hint", ref=link.ref)
        if link.ref in link_refs:
            refs.add(
                ("links", i),
                "link_twice",
                "link_twice.hint",
                ref=link.ref,
                other=link_refs[link.ref],
            )
        else:
            link_refs[link.ref] = i
        for j, ref in enumerate(link.mechanisms):
            if ref not in mechanisms:
                refs.unknown(("links", i, "mechanisms", j), "mechanism", ref, mechanisms)

    def check_link_ref(path: Path, ref: str) -> None:
        pair = parse_link_ref(ref)
        if pair is None:
            refs.add(path, "not_link_ref", "not_link_ref.hint", ref=ref)
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
                refs.unknown(("rivals", i, "about", j), "node_or_link", ref, nodes)

    about_choices = {**nodes, **mechanisms, **conditions, **rivals}
    for i, item in enumerate(doc.evidence):
        if "->" in item.about:
            check_link_ref(("evidence", i, "about"), item.about)
        elif item.about not in about_choices:
            refs.unknown(("evidence", i, "about"), "about", item.about, about_choices)
        if item.intervention is not None and item.intervention not in interventions:
            refs.unknown(
                ("evidence", i, "intervention"), "intervention", item.intervention, interventions
            )

    judged = {**mechanisms, **conditions, **rivals}
    for i, judgement in enumerate(doc.judgements):
        target = judged.get(judgement.about)
        if target is None:
            if not first and judgement.about in ids:
                first = {item_id: (item, path) for item_id, item, path in _identified(doc)}
            what = first.get(judgement.about)
            if what is not None:
                refs.add(
                    ("judgements", i, "about"),
                    "not_judged",
                    "not_judged.hint",
                    (("kind", f"load.a.{kind_name(what[0])}"),),
                    about=judgement.about,
                )
            else:
                refs.unknown(("judgements", i, "about"), "judged", judgement.about, judged)
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
            if ref not in evidence_ids:
                refs.unknown(("judgements", i, "evidence", j), "evidence", ref, evidence_ids)
    return refs.problems, refs.count


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
