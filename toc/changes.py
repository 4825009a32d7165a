"""What changed between two versions of a theory of change: `diff`.

A theory of change lives through a mission's whole life: boxes are added
because practice found them, assumptions are rewritten, conditions
discovered, verdicts reached. `diff` compares two versions of one document
*semantically*, keyed on ids, and returns a typed `Changes`::

    import toc
    plan = toc.load("examples/nils-2018-plan/nils-2018-plan.yaml")
    done = toc.load("examples/nils-2018/nils-2018.yaml")
    changes = toc.diff(plan, done)
    changes.empty                   # False
    [c.id for c in changes.nodes]   # what happened to the boxes
    changes.model_dump_json()       # the JSON of `toc diff --format json`

The rules (docs/diff.md states them for readers):

- Every kind of element is matched by its id: nodes, links (by
  ``"from->to"``), mechanisms, conditions, rivals, interventions, actors,
  indicators and evidence items. An element is *added*, *removed* or
  *changed*; a change lists each field with its old and new value.
  Reference lists whose order means nothing (a node's interventions and
  actors, a mechanism's links and conditions, a rival's ``about``, the
  mechanisms that explain a link) are compared as sets.
- A node with a new id but the same label (spaces aside) and stage as a
  removed one is *renamed*. Every reference to the old id in the old version
  is read as the new id, so links, mechanisms and evidence that only follow
  the rename are not reported as changed; the links that followed it are
  listed under the rename (``follows``).
- Judgements are compared by their effect: per mechanism, condition and
  rival and per intervention, the *current* verdict in each version (the one
  rule of `mechanisms.history.Histories`), reported when it moved
  (``None → held``). Evidence is counted per thing it is about, besides the
  item-by-item list.

`read_version` reads a version from a file or from Git (``HEAD~3:theory.yaml``,
run as ``git show`` with an argument list from `git_show_command`).
`diff_scene`, `diff_dot` and `draw_diff` draw the new version with the
removed elements where they were, every box and link marked (docs/diff.md).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, JsonValue

from mechanisms.history import Histories
from mechanisms.model import Condition, Mechanism, Rival, parse_link_ref
from toc.assessment import Assessment, assess
from toc.diagram import dot, engine
from toc.diagram.options import RenderOptions, format_for, options_from
from toc.diagram.theme import VERDICTS, Theme
from toc.diagram.view import Badge, Edge, Legend, Mark, Scene, build_scene
from toc.errors import OptionError, Problem, ReadError
from toc.files import MAX_BYTES, detect_format, load, loads, write_atomic
from toc.i18n import text
from toc.model import Document, Indicator, Node

__all__ = [
    "SCHEMA_ID",
    "SECTIONS",
    "Change",
    "ChangeKind",
    "Changes",
    "EvidenceCount",
    "FieldChange",
    "Followed",
    "Summary",
    "VerdictMove",
    "Version",
    "diff",
    "diff_dot",
    "diff_scene",
    "draw_diff",
    "git_show_command",
    "json_schema",
    "read_version",
    "render_diff",
    "schema_text",
    "split_revision",
]

SCHEMA_ID = "urn:toc-evaluation:schema:diff-1"
"""The ``$id`` of the JSON Schema of `Changes` (``docs/diff.schema.json``)."""

ChangeKind = Literal["added", "removed", "changed", "renamed"]
"""What happened to an element between the two versions."""

SECTIONS: tuple[str, ...] = (
    "nodes",
    "links",
    "mechanisms",
    "conditions",
    "rivals",
    "interventions",
    "actors",
    "indicators",
    "evidence",
)
"""The element lists of `Changes`, in the order they are reported."""

TargetKind = Literal["mechanism", "condition", "rival", "node", "link", "unknown"]


class _Out(BaseModel):
    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        defer_build=True,
        use_attribute_docstrings=True,
        # Every field is always written, so the published schema requires it.
        json_schema_serialization_defaults_required=True,
    )


class FieldChange(_Out):
    """One field of an element with its value in each version."""

    field: str
    """The field's name in the format (``label``, ``stage``, ``links``, ...)."""
    old: JsonValue = None
    """The old value (references to renamed nodes written with their new ids)."""
    new: JsonValue = None
    """The new value."""


class Followed(_Out):
    """A link that only followed a renamed node: the same link under new ids."""

    old: str
    """The link in the old version, ``"from->to"``."""
    new: str
    """The link in the new version."""


class Change(_Out):
    """An element that was added, removed, changed or renamed."""

    kind: ChangeKind
    """``added``, ``removed``, ``changed`` or ``renamed`` (nodes only)."""
    id: str
    """Its id (``"from->to"`` for a link): in the new version, or the old one if removed."""
    old_id: str | None = None
    """For a renamed node, and a changed link that follows one: the old id."""
    name: str
    """What readers call it: a label, title, statement or name, on one line."""
    parent: str | None = None
    """For an indicator: the node it measures."""
    fields: list[FieldChange] = []
    """For a changed or renamed element: the fields that differ, in the format's order."""
    follows: list[Followed] = []
    """For a renamed node: the links that only followed the rename."""


class VerdictMove(_Out):
    """The current verdict of one mechanism, condition or rival in one intervention moved."""

    about: str
    """The mechanism, condition or rival."""
    kind: Literal["mechanism", "condition", "rival"]
    """What it is."""
    name: str
    """Its title or statement."""
    intervention: str | None
    """The intervention (None: a document without interventions)."""
    old: str | None
    """The current verdict in the old version, None if it had none."""
    new: str | None
    """The current verdict in the new version, None if it has none."""
    old_date: str | None = None
    """The date of the old current judgement, if it has one."""
    new_date: str | None = None
    """The date of the new current judgement, if it has one."""


class EvidenceCount(_Out):
    """The evidence about one thing, counted in each version."""

    about: str
    """What the evidence is about: a mechanism, condition, rival, node or ``"from->to"`` link."""
    kind: TargetKind
    """What that is (``unknown`` when neither version declares it)."""
    name: str
    """Its name."""
    old: int
    """Items about it in the old version."""
    new: int
    """Items about it in the new version."""
    added: int
    """Items added."""
    removed: int
    """Items removed."""
    changed: int
    """Items changed."""


class Version(_Out):
    """One of the two documents compared."""

    id: str
    """The document's id."""
    title: str
    """Its title."""
    language: Literal["sv", "en"]
    """Its language."""
    source: str | None = None
    """Where it was read from (a file, or ``REVISION:PATH``), when the caller says."""


class Summary(_Out):
    """How many changes of each kind."""

    added: int
    removed: int
    changed: int
    """Changed elements, and changed document fields (title, stages, ...)."""
    renamed: int
    verdicts: int
    """Verdicts that moved."""


class Changes(_Out):
    """Everything that differs between two versions of a document (`diff`).

    Each element list holds the added, changed and renamed elements in the
    new version's order, then the removed ones in the old version's order.
    """

    format: Literal[1] = 1
    """The version of this shape; it changes only when the shape does."""
    old: Version
    """The old version."""
    new: Version
    """The new version."""
    summary: Summary
    """Counts of the changes."""
    document: list[FieldChange] = []
    """Fields of the document itself: id, title, language, description, stages, checks, report."""
    nodes: list[Change] = []
    """Boxes, by id; ``renamed`` ones with ``old_id`` and the links that ``follows`` them."""
    links: list[Change] = []
    """Links, by ``"from->to"``; fields ``label``, ``feedback`` and ``mechanisms`` (those that
    explain the link)."""
    mechanisms: list[Change] = []
    """Mechanisms; fields ``title``, ``statement``, ``links``, ``conditions``, ``prior``,
    ``description``."""
    conditions: list[Change] = []
    """Conditions; fields ``statement``, ``description``."""
    rivals: list[Change] = []
    """Rival explanations; fields ``statement``, ``about``, ``prior``, ``description``."""
    interventions: list[Change] = []
    """Interventions; fields ``name``, ``period``, ``description``."""
    actors: list[Change] = []
    """Actors; fields ``name``, ``kind``, ``description``."""
    indicators: list[Change] = []
    """Indicators, with the node they measure as ``parent``; field ``node`` when that changed."""
    evidence: list[Change] = []
    """Evidence items; every field of the item."""
    verdicts: list[VerdictMove] = []
    """Current verdicts that moved, per mechanism, condition and rival and intervention."""
    evidence_counts: list[EvidenceCount] = []
    """Per thing that evidence is about, where its evidence changed: the counts."""

    @property
    def empty(self) -> bool:
        """True when the two versions say the same thing."""
        return not (
            self.document or self.verdicts or any(getattr(self, section) for section in SECTIONS)
        )

    def section(self, name: str) -> list[Change]:
        """The changes of one element list (``nodes``, ``links``, ...)."""
        if name not in SECTIONS:
            raise KeyError(f"no section {name!r}; use one of {', '.join(SECTIONS)}")
        found: list[Change] = getattr(self, name)
        return found

    def renames(self) -> dict[str, str]:
        """Renamed nodes: old id → new id."""
        return {c.old_id: c.id for c in self.nodes if c.kind == "renamed" and c.old_id}


# ------------------------------------------------------------------ helpers


def _one_line(value: str) -> str:
    return " ".join(value.split())


def _plain(value: Any) -> Any:
    """A field value as JSON data."""
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _normal(ref: str) -> str:
    pair = parse_link_ref(ref)
    return f"{pair[0]}->{pair[1]}" if pair else ref


def _name(item: Any) -> str:
    """The name readers know an element by."""
    for attribute in ("label", "title", "name", "statement"):
        value = getattr(item, attribute, None)
        if isinstance(value, str):
            return _one_line(value)
    for attribute in ("source", "question", "summary"):  # evidence
        value = getattr(item, attribute, None)
        if isinstance(value, str) and value.strip():
            return _one_line(value)
    return str(getattr(item, "id", ""))


@dataclass(frozen=True)
class _Spec:
    """How one element list is compared."""

    fields: tuple[str, ...]
    """Fields compared, in order (every model field but the id when empty)."""
    sets: frozenset[str] = frozenset()
    """Fields holding references whose order means nothing."""
    references: frozenset[str] = frozenset()
    """Fields holding node ids or link references (translated through renames)."""


_SPECS: dict[str, _Spec] = {
    "nodes": _Spec(
        ("stage", "label", "interventions", "actors", "description"),
        sets=frozenset({"interventions", "actors"}),
    ),
    "links": _Spec(("label", "feedback", "mechanisms"), sets=frozenset({"mechanisms"})),
    "mechanisms": _Spec(
        ("title", "statement", "links", "conditions", "prior", "description"),
        sets=frozenset({"links", "conditions"}),
        references=frozenset({"links"}),
    ),
    "conditions": _Spec(("statement", "description")),
    "rivals": _Spec(
        ("statement", "about", "prior", "description"),
        sets=frozenset({"about"}),
        references=frozenset({"about"}),
    ),
    "interventions": _Spec(("name", "period", "description")),
    "actors": _Spec(("name", "kind", "description")),
    "indicators": _Spec(
        ("node", "name", "unit", "baseline", "target", "actual", "method", "frequency"),
        references=frozenset({"node"}),
    ),
    "evidence": _Spec((), references=frozenset({"about"})),
}


@dataclass(frozen=True)
class _LinkView:
    """A link with the mechanisms that explain it (the relation lives on the mechanisms)."""

    id: str
    from_: str
    to: str
    label: str | None
    feedback: bool
    mechanisms: list[str]


@dataclass(frozen=True)
class _IndicatorView:
    """An indicator with the node it measures."""

    id: str
    node: str
    indicator: Indicator

    def __getattr__(self, name: str) -> Any:
        return getattr(self.indicator, name)


def _links(doc: Document) -> list[_LinkView]:
    explains = doc.explaining()
    return [
        _LinkView(
            link.ref, link.from_, link.to, link.label, link.feedback, explains.get(link.ref, [])
        )
        for link in doc.links
    ]


def _indicators(doc: Document) -> list[_IndicatorView]:
    return [_IndicatorView(i.id, node.id, i) for node in doc.nodes for i in node.indicators]


def _items(doc: Document, section: str) -> Sequence[Any]:
    if section == "links":
        return _links(doc)
    if section == "indicators":
        return _indicators(doc)
    items: Sequence[Any] = getattr(doc, section)
    return items


class _Renames:
    """Reads old node ids (and link references) as their new ids."""

    def __init__(self, mapping: Mapping[str, str]) -> None:
        self.mapping = mapping

    def id(self, value: str) -> str:
        return self.mapping.get(value, value)

    def ref(self, value: str) -> str:
        pair = parse_link_ref(value)
        if pair is None:
            return self.mapping.get(value, value)
        return f"{self.mapping.get(pair[0], pair[0])}->{self.mapping.get(pair[1], pair[1])}"

    def value(self, value: Any) -> Any:
        if isinstance(value, str):
            return self.ref(value)
        if isinstance(value, list):
            return [self.ref(v) for v in value]
        return value


def _fields_of(old: Any, new: Any, spec: _Spec) -> tuple[str, ...]:
    if spec.fields:
        return spec.fields
    # Evidence: every field but the id, both kinds' fields when the kind changed.
    names = [n for n in type(new).model_fields if n != "id"]
    names += [n for n in type(old).model_fields if n != "id" and n not in names]
    return tuple(names)


def _compare(old: Any, new: Any, spec: _Spec, renames: _Renames) -> list[FieldChange]:
    """The fields that differ between two versions of one element."""
    if type(old) is type(new) and old == new:
        # The same text names the same things: an id a rename took away is no longer
        # a box of the new version, so a reference to it cannot be equal by chance.
        return []
    out = []
    for name in _fields_of(old, new, spec):
        before = getattr(old, name, None)
        after = getattr(new, name, None)
        if name in spec.references:
            before = renames.value(before)
            if isinstance(after, str):
                after = _normal(after)
            elif isinstance(after, list):
                after = [_normal(v) for v in after]
        unordered = name in spec.sets
        if unordered and set(before or ()) == set(after or ()):
            continue
        if not unordered and before == after:
            continue
        out.append(FieldChange(field=name, old=_plain(before), new=_plain(after)))
    return out


def _rename_pairs(old: Document, new: Document) -> dict[str, str]:
    """Removed node id → added node id, for boxes with the same label and stage.

    Candidates of one label and stage are paired in document order (the first
    removed with the first added), which gives the same pairs in both
    directions.
    """
    new_ids = {n.id for n in new.nodes}
    old_ids = {n.id for n in old.nodes}

    def key(node: Node) -> tuple[str, str]:
        return (_one_line(node.label), node.stage)

    waiting: dict[tuple[str, str], list[str]] = {}
    for node in old.nodes:
        if node.id not in new_ids:
            waiting.setdefault(key(node), []).append(node.id)
    pairs: dict[str, str] = {}
    for node in new.nodes:
        if node.id in old_ids:
            continue
        queue = waiting.get(key(node))
        if queue:
            pairs[queue.pop(0)] = node.id
    return pairs


def _section(
    section: str,
    old_items: Sequence[Any],
    new_items: Sequence[Any],
    renames: _Renames,
    name_of: Callable[[Any], str],
) -> tuple[list[Change], dict[str, str]]:
    """The changes of one element list, and for links: old ref → new ref of those that followed."""
    spec = _SPECS[section]
    keyed = section == "links" and renames.mapping
    old_by: dict[str, Any] = {}
    for item in old_items:
        old_by[renames.ref(item.id) if keyed else item.id] = item
    new_ids = {item.id for item in new_items}
    reverse = {v: k for k, v in renames.mapping.items()} if section == "nodes" else {}
    changes: list[Change] = []
    followed: dict[str, str] = {}
    for item in new_items:
        before = old_by.get(item.id)
        parent = item.node if section == "indicators" else None
        if before is None and item.id in reverse:
            before = old_by[reverse[item.id]]
            changes.append(
                Change(
                    kind="renamed",
                    id=item.id,
                    old_id=before.id,
                    name=name_of(item),
                    fields=_compare(before, item, spec, renames),
                )
            )
        elif before is None:
            changes.append(Change(kind="added", id=item.id, name=name_of(item), parent=parent))
        else:
            fields = _compare(before, item, spec, renames)
            moved = before.id != item.id
            if fields:
                changes.append(
                    Change(
                        kind="changed",
                        id=item.id,
                        old_id=before.id if moved else None,
                        name=name_of(item),
                        parent=parent,
                        fields=fields,
                    )
                )
            elif moved:
                followed[before.id] = item.id
    renamed_away = set(renames.mapping) if section == "nodes" else set()
    for key, item in old_by.items():
        if key not in new_ids and item.id not in renamed_away:
            parent = renames.id(item.node) if section == "indicators" else None
            changes.append(Change(kind="removed", id=item.id, name=name_of(item), parent=parent))
    return changes, followed


def _link_namer(old: Document, new: Document, renames: _Renames) -> Callable[[Any], str]:
    labels = {n.id: _one_line(n.label) for n in old.nodes}
    labels.update({renames.id(n.id): _one_line(n.label) for n in old.nodes})
    labels.update({n.id: _one_line(n.label) for n in new.nodes})

    def name(link: Any) -> str:
        return f"{labels.get(link.from_, link.from_)} → {labels.get(link.to, link.to)}"

    return name


def _columns(old: Document, new: Document) -> list[str | None]:
    ids = [i.id for i in new.interventions]
    ids += [i.id for i in old.interventions if i.id not in ids]
    return list(ids) if ids else [None]


_JUDGED: tuple[tuple[str, Literal["mechanism", "condition", "rival"]], ...] = (
    ("mechanisms", "mechanism"),
    ("conditions", "condition"),
    ("rivals", "rival"),
)


def _verdict_moves(old: Document, new: Document) -> list[VerdictMove]:
    """Per judged thing and intervention, the current verdict in each version, where it moved."""
    columns = _columns(old, new)
    before, after = Histories(old.judgements), Histories(new.judgements)
    moves: list[VerdictMove] = []
    for section, kind in _JUDGED:
        targets: dict[str, Any] = {}
        for item in getattr(new, section):
            targets[item.id] = item
        for item in getattr(old, section):
            targets.setdefault(item.id, item)
        old_ids = {item.id for item in getattr(old, section)}
        new_ids = {item.id for item in getattr(new, section)}
        for target_id, item in targets.items():
            for column in columns:
                was = before.of(target_id, column).current if target_id in old_ids else None
                now = after.of(target_id, column).current if target_id in new_ids else None
                old_verdict = was.judgement.verdict if was else None
                new_verdict = now.judgement.verdict if now else None
                if old_verdict != new_verdict:
                    moves.append(
                        VerdictMove(
                            about=target_id,
                            kind=kind,
                            name=_name(item),
                            intervention=column,
                            old=old_verdict,
                            new=new_verdict,
                            old_date=was.judgement.date if was else None,
                            new_date=now.judgement.date if now else None,
                        )
                    )
    return moves


_KIND_RANK = {"mechanism": 0, "condition": 1, "rival": 2, "node": 3, "link": 4, "unknown": 5}


def _target_kind(about: str, docs: Sequence[Document]) -> tuple[TargetKind, str]:
    if parse_link_ref(about) is not None:
        return "link", about
    for doc in docs:
        item = doc.get(about)
        if isinstance(item, Mechanism):
            return "mechanism", _name(item)
        if isinstance(item, Condition):
            return "condition", _name(item)
        if isinstance(item, Rival):
            return "rival", _name(item)
        if isinstance(item, Node):
            return "node", _name(item)
    return "unknown", about


def _evidence_counts(
    old: Document,
    new: Document,
    renames: _Renames,
    changes: list[Change],
    link_name: Callable[[Any], str],
) -> list[EvidenceCount]:
    counts: dict[str, list[int]] = {}  # about -> [old, new, added, removed, changed]
    for item in new.evidence:
        counts.setdefault(_normal(item.about), [0, 0, 0, 0, 0])[1] += 1
    for item in old.evidence:
        counts.setdefault(renames.ref(item.about), [0, 0, 0, 0, 0])[0] += 1
    about_new = {item.id: _normal(item.about) for item in new.evidence}
    about_old = {item.id: renames.ref(item.about) for item in old.evidence}
    for change in changes:
        if change.kind == "added":
            counts[about_new[change.id]][2] += 1
        elif change.kind == "removed":
            counts[about_old[change.id]][3] += 1
        else:
            counts[about_new[change.id]][4] += 1
            if about_old[change.id] != about_new[change.id]:
                counts[about_old[change.id]][4] += 1
    rows = []
    for position, (about, (was, now, added, removed, changed)) in enumerate(counts.items()):
        if was == now and not (added or removed or changed):
            continue
        kind, name = _target_kind(about, (new, old))
        if kind == "link":
            pair = parse_link_ref(about) or (about, about)
            name = link_name(_LinkView(about, pair[0], pair[1], None, False, []))
        rows.append(
            (
                _KIND_RANK[kind],
                position,
                EvidenceCount(
                    about=about,
                    kind=kind,
                    name=name,
                    old=was,
                    new=now,
                    added=added,
                    removed=removed,
                    changed=changed,
                ),
            )
        )
    return [row for _, _, row in sorted(rows, key=lambda r: (r[0], r[1]))]


_ELEMENT_LISTS = frozenset({*SECTIONS, "judgements"})
_DOCUMENT_FIELDS = tuple(
    name for name in Document.model_fields if name != "format" and name not in _ELEMENT_LISTS
)
"""The document's own fields (id, title, language, description, stages, checks, report, ...)."""


def diff(
    old: Document,
    new: Document,
    *,
    old_source: str | None = None,
    new_source: str | None = None,
) -> Changes:
    """What changed from ``old`` to ``new``: a pure function of the two documents.

    ``old_source`` and ``new_source`` only label the versions in the result
    (a file name, ``HEAD~3:theory.yaml``). The rules are in the module
    docstring and in docs/diff.md.

    >>> import toc
    >>> plan = toc.loads('''
    ... format: 1
    ... id: demo
    ... title: Demo
    ... nodes:
    ...   - {id: coach, stage: activities, label: Coaching}
    ...   - {id: job, stage: short, label: A job}
    ... links: [{from: coach, to: job}]
    ... mechanisms: [{id: m, title: Trust, links: ["coach->job"]}]
    ... ''')
    >>> done = toc.loads('''
    ... format: 1
    ... id: demo
    ... title: Demo
    ... nodes:
    ...   - {id: coaching, stage: activities, label: Coaching}
    ...   - {id: job, stage: short, label: A job or studies}
    ... links: [{from: coaching, to: job}]
    ... mechanisms: [{id: m, title: Trust, links: ["coaching->job"]}]
    ... judgements: [{about: m, verdict: held}]
    ... ''')
    >>> changes = diff(plan, done)
    >>> [(c.kind, c.old_id, c.id) for c in changes.nodes]
    [('renamed', 'coach', 'coaching'), ('changed', None, 'job')]
    >>> changes.nodes[0].follows[0].new, changes.links, changes.mechanisms
    ('coaching->job', [], [])
    >>> changes.nodes[1].fields[0].old, changes.nodes[1].fields[0].new
    ('A job', 'A job or studies')
    >>> [(v.about, v.old, v.new) for v in changes.verdicts]
    [('m', None, 'held')]
    >>> diff(done, done).empty
    True
    """
    renames = _Renames(_rename_pairs(old, new))
    link_name = _link_namer(old, new, renames)
    results: dict[str, list[Change]] = {}
    followed: dict[str, str] = {}
    for section in SECTIONS:
        namer = link_name if section == "links" else _name
        results[section], moved = _section(
            section, _items(old, section), _items(new, section), renames, namer
        )
        if section == "links":
            followed = moved
    if followed:
        # The links that only followed a rename, listed under each renamed end.
        by_node: dict[str, list[Followed]] = {}
        for before, after in followed.items():
            ends = parse_link_ref(before) or (before, before)
            for end in dict.fromkeys(ends):
                if end in renames.mapping:
                    by_node.setdefault(end, []).append(Followed(old=before, new=after))
        results["nodes"] = [
            c.model_copy(update={"follows": by_node.get(c.old_id, [])})
            if c.kind == "renamed" and c.old_id in by_node
            else c
            for c in results["nodes"]
        ]
    document = [
        FieldChange(field=name, old=_plain(getattr(old, name)), new=_plain(getattr(new, name)))
        for name in _DOCUMENT_FIELDS
        if getattr(old, name) != getattr(new, name)
    ]
    verdicts = _verdict_moves(old, new)
    every = [c for section in SECTIONS for c in results[section]]
    summary = Summary(
        added=sum(c.kind == "added" for c in every),
        removed=sum(c.kind == "removed" for c in every),
        changed=sum(c.kind == "changed" for c in every) + len(document),
        renamed=sum(c.kind == "renamed" for c in every),
        verdicts=len(verdicts),
    )
    return Changes(
        old=Version(
            id=old.id, title=_one_line(old.title), language=old.language, source=old_source
        ),
        new=Version(
            id=new.id, title=_one_line(new.title), language=new.language, source=new_source
        ),
        summary=summary,
        document=document,
        verdicts=verdicts,
        evidence_counts=_evidence_counts(old, new, renames, results["evidence"], link_name),
        **results,
    )


# ------------------------------------------------------------ the JSON Schema


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of `Changes`, as ``toc diff --format json`` prints it.

    >>> json_schema()["$id"]
    'urn:toc-evaluation:schema:diff-1'
    """
    schema = Changes.model_json_schema(mode="serialization")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}


def schema_text() -> str:
    """The schema as the text of ``docs/diff.schema.json``."""
    import json

    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


# ------------------------------------------------------------ reading versions


def split_revision(spec: str) -> tuple[str, str] | None:
    """``(revision, path)`` when ``spec`` names a Git version, None for a file.

    A spec names a file when a file of that name exists; otherwise
    ``REVISION:PATH`` names the file at ``PATH`` in a Git revision (``HEAD~3``,
    a branch, a tag, a commit; an empty revision is the staged version).
    Paths are relative to the top of the repository, or to the current
    folder when they start with ``./``, as Git reads them.

    >>> split_revision("HEAD~3:theory.yaml")
    ('HEAD~3', 'theory.yaml')
    >>> split_revision("no-such-file.yaml") is None
    True
    >>> split_revision("--output=x:theory.yaml")
    Traceback (most recent call last):
    ...
    toc.errors.OptionError: '--output=x:theory.yaml': a Git revision cannot start with '-'
    """
    if os.path.exists(spec) or ":" not in spec:
        return None
    revision, _, path = spec.partition(":")
    if revision.startswith("-"):
        raise OptionError(f"{spec!r}: a Git revision cannot start with '-'")
    if not path:
        raise OptionError(f"{spec!r}: name a file after the colon, as in HEAD~1:theory.yaml")
    return revision, path


def git_show_command(revision: str, path: str, *, executable: str = "git") -> list[str]:
    """The argument list that prints the file at ``path`` in ``revision``.

    A pure function, so that what is run can be tested without Git; no shell
    is involved, and a revision that looks like an option is refused.

    >>> git_show_command("HEAD~3", "theory.yaml")
    ['git', 'show', '--no-textconv', 'HEAD~3:theory.yaml']
    >>> git_show_command("-p", "theory.yaml")
    Traceback (most recent call last):
    ...
    toc.errors.OptionError: '-p': a Git revision cannot start with '-'
    """
    if revision.startswith("-"):
        raise OptionError(f"{revision!r}: a Git revision cannot start with '-'")
    # --no-textconv: the file as committed, even where a diff driver is set up.
    return [executable, "show", "--no-textconv", f"{revision}:{path}"]


def _git_show(spec: str, revision: str, path: str, cwd: str | None, max_bytes: int) -> bytes:
    executable = shutil.which("git")
    if executable is None:
        raise OptionError(
            f"reading {spec!r} needs Git, and `git` is not on PATH; install Git or name a file"
        )
    try:
        process = subprocess.Popen(
            git_show_command(revision, path, executable=executable),
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
    except OSError as err:
        raise OptionError(f"could not run git: {err.strerror}") from None
    assert process.stdout is not None and process.stderr is not None
    with process:
        data = process.stdout.read(max_bytes + 1)
        if len(data) > max_bytes:
            process.kill()
            process.wait()
            raise ReadError(
                [
                    Problem(
                        f"the file is more than the limit of {max_bytes:,} bytes",
                        hint="split the document into smaller ones",
                        file=spec,
                    )
                ]
            )
        errors = process.stderr.read(64 * 1024)
        status = process.wait()
    if status != 0:
        reason = errors.decode("utf-8", "replace").strip().splitlines()
        raise ReadError(
            [
                Problem(
                    f"git cannot show {path!r} in revision {revision or '(staged)'!r}"
                    + (f": {reason[-1]}" if reason else ""),
                    hint="check the revision (git log) and the path: it is relative to the top "
                    "of the repository, or to the current folder when it starts with ./",
                    file=spec,
                )
            ]
        )
    return data


def read_version(
    spec: str | os.PathLike[str],
    *,
    cwd: str | os.PathLike[str] | None = None,
    max_bytes: int = MAX_BYTES,
) -> Document:
    """A version of a document: a file, or ``REVISION:PATH`` read from Git.

    Errors are those of `toc.load` (`ReadError`, `DocumentError`, each
    located in ``spec``); an option-like revision or a missing ``git`` is an
    `OptionError`. ``cwd`` is the folder Git runs in (default: the current one).
    """
    text = os.fspath(spec)
    where = os.fspath(cwd) if cwd is not None else None
    local = text if where is None or os.path.isabs(text) else os.path.join(where, text)
    found = None if os.path.exists(local) else split_revision(text)
    if found is None:
        return load(local, max_bytes=max_bytes)
    revision, path = found
    data = _git_show(text, revision, path, where, max_bytes)
    return loads(data, format=detect_format(path), file=text, max_bytes=max_bytes)


# ------------------------------------------------------------ the diff diagram

MarkName = Literal["added", "removed", "changed", "unchanged"]

MARKS: Mapping[str, Mapping[MarkName, Mark]] = {
    # Okabe–Ito colours (told apart with the common forms of colour blindness);
    # the symbol and the line style carry the meaning in black and white.
    "default": {
        "added": Mark("+", "#009E73", "#E0F3EC", "#1A1A1A", "solid", 2.8),
        "removed": Mark("−", "#D55E00", "#FFFFFF", "#555555", "dashed", 2.2),
        "changed": Mark("~", "#0072B2", "#E1EEF7", "#1A1A1A", "dotted", 2.8),
        "unchanged": Mark("", "#BBBBBB", "#FFFFFF", "#8C8C8C", "solid", 1.0),
    },
    "print": {
        "added": Mark("+", "#000000", "#FFFFFF", "#000000", "solid", 3.0),
        "removed": Mark("−", "#000000", "#FFFFFF", "#333333", "dashed", 2.0),
        "changed": Mark("~", "#000000", "#FFFFFF", "#000000", "dotted", 3.0),
        "unchanged": Mark("", "#AAAAAA", "#FFFFFF", "#777777", "solid", 0.8),
    },
}
"""Per theme, how added, removed, changed and unchanged boxes and links are drawn."""

_MARK_ORDER: tuple[MarkName, ...] = ("added", "removed", "changed", "unchanged")


def _inserted_stages(old: Document, new: Document) -> list[str]:
    """The new stages, with stages only the old version has placed where they were."""
    stages = list(new.stages)
    for k, stage in enumerate(old.stages):
        if stage in stages:
            continue
        before = [s for s in old.stages[:k] if s in stages]
        stages.insert(stages.index(before[-1]) + 1 if before else 0, stage)
    return stages


def _merged(old: Document, new: Document, changes: Changes) -> Document:
    """The new version plus what was removed, where it was: what the diff diagram draws.

    Only what a diagram shows is kept: stages, interventions, nodes (without
    actors and indicators), links and the mechanisms' links.
    """
    renames = _Renames(changes.renames())

    def taken(item_id: str) -> bool:
        return new.get(item_id) is not None  # an id of the new version, of any kind

    removed_interventions = [
        {"id": i.id, "name": i.name} for i in old.interventions if not taken(i.id)
    ]
    interventions = [{"id": i.id, "name": i.name} for i in new.interventions]
    interventions += removed_interventions
    strands = {i["id"] for i in interventions}

    def node_data(node: Node) -> dict[str, Any]:
        item: dict[str, Any] = {"id": node.id, "stage": node.stage, "label": node.label}
        kept = [i for i in node.interventions if i in strands]
        if kept:
            item["interventions"] = kept
        return item

    # A removed box goes right after the box that came before it in the old version.
    gone = {c.id for c in changes.nodes if c.kind == "removed" and not taken(c.id)}
    new_ids = {n.id for n in new.nodes}
    after: dict[str | None, list[Node]] = {}
    anchor: str | None = None
    for node in old.nodes:
        if node.id in gone:
            after.setdefault(anchor, []).append(node)
        elif renames.id(node.id) in new_ids:
            anchor = renames.id(node.id)
    nodes = [node_data(n) for n in after.get(None, [])]
    for node in new.nodes:
        nodes.append(node_data(node))
        nodes += [node_data(n) for n in after.get(node.id, [])]
    present = {n["id"] for n in nodes}

    links = [
        {"from": link.from_, "to": link.to, "feedback": link.feedback, "label": link.label}
        for link in new.links
    ]
    refs = {link.ref for link in new.links}
    for link in old.links:
        ref = renames.ref(link.ref)
        a, b = renames.id(link.from_), renames.id(link.to)
        if ref not in refs and a in present and b in present and a != b:
            links.append({"from": a, "to": b, "feedback": link.feedback, "label": link.label})
            refs.add(ref)

    old_links = {m.id: [renames.ref(r) for r in m.links] for m in old.mechanisms}
    mechanisms = []
    for mechanism in new.mechanisms:
        mine = list(mechanism.links)
        mine += [r for r in old_links.get(mechanism.id, []) if r in refs and r not in mine]
        mechanisms.append({"id": mechanism.id, "title": mechanism.title, "links": mine})
    new_mechanisms = {m.id for m in new.mechanisms}
    for mechanism in old.mechanisms:
        if mechanism.id not in new_mechanisms and not taken(mechanism.id):
            mine = [r for r in old_links[mechanism.id] if r in refs]
            mechanisms.append({"id": mechanism.id, "title": mechanism.title, "links": mine})

    return Document.model_validate(
        {
            "format": 1,
            "id": new.id,
            "title": new.title,
            "language": new.language,
            "stages": _inserted_stages(old, new),
            "interventions": interventions,
            "nodes": nodes,
            "links": links,
            "mechanisms": mechanisms,
        }
    )


def _diff_options(options: Mapping[str, Any]) -> RenderOptions:
    settings = options_from({"color_by": "verdict", **options})
    if settings.color_by not in ("verdict", "none"):
        raise OptionError(
            f"color_by must be verdict or none in a diff diagram, not {settings.color_by!r}: "
            "the boxes are coloured by what changed"
        )
    if settings.paint is not None or settings.verdicts is not None:
        raise OptionError("a diff diagram takes neither paint nor verdicts: it marks what changed")
    return settings


def diff_scene(
    old: Document, new: Document, changes: Changes | None = None, **options: Any
) -> Scene:
    """The scene of the diff diagram: the new version, with what was removed where it was.

    Every box and link is marked added, removed, changed (renamed boxes too)
    or unchanged (`MARKS`); the legend explains the marks. With
    ``color_by="verdict"`` (the default) each mechanism's badge shows its
    current verdict in the new version, by the badge rule
    (`toc.assessment.Assessment.badge`); pass ``assessment`` when the new
    version's assessment is at hand. Other options are those of `toc.render`.
    """
    settings = _diff_options(options)
    if changes is None:
        changes = diff(old, new)
    merged = _merged(old, new, changes)
    plain = replace(settings, color_by="none", assessment=None)
    scene = build_scene(merged, plain)
    language = scene.language  # the document's, or the one the options ask for
    look = MARKS[settings.theme]

    box_marks = _marks(changes.nodes)
    edge_marks = _marks(changes.links)
    mechanism_marks = _marks(changes.mechanisms)

    cells: dict[str, tuple[Any, ...]] = {}
    view = settings.intervention
    if settings.color_by == "verdict" and new.mechanisms:
        result = settings.assessment
        if result is None or result.document != new.id:
            result = assess(new)
        cells = _cells(result, new, view)

    boxes = tuple(replace(b, mark=look[box_marks.get(b.id, "unchanged")]) for b in scene.boxes)
    edges = tuple(
        replace(
            e,
            mark=look[edge_marks.get(f"{e.source}->{e.target}", "unchanged")],
            badges=tuple(replace(b, cells=cells.get(b.mechanism, ())) for b in e.badges),
        )
        for e in scene.edges
    )
    used = {b.mark for b in boxes} | {e.mark for e in edges}
    legend = None
    if settings.legend:
        legend = _legend(merged, edges, look, used, mechanism_marks, language, scene.theme)
    subtitle = scene.subtitle
    if settings.subtitle is None:
        since = text("diff.diagram.since", language, title=changes.old.title)
        subtitle = " · ".join(part for part in (since, scene.subtitle) if part)
    return replace(scene, boxes=boxes, edges=edges, legend=legend, subtitle=subtitle)


def _marks(changes: Iterable[Change]) -> dict[str, MarkName]:
    """Id → how it is marked: a renamed box is drawn as changed."""
    out: dict[str, MarkName] = {}
    for change in changes:
        out[change.id] = (
            "added"
            if change.kind == "added"
            else "removed"
            if change.kind == "removed"
            else "changed"
        )
    return out


def _cells(result: Assessment, new: Document, view: str | None) -> dict[str, tuple[Any, ...]]:
    """The badge cells of the new version's mechanisms, by the badge rule."""
    if view is not None and view not in {i.id for i in new.interventions}:
        return {}
    return {m.id: result.badge(m.id, view) for m in new.mechanisms}


def _legend(
    merged: Document,
    edges: Sequence[Edge],
    look: Mapping[MarkName, Mark],
    used: set[Mark | None],
    mechanism_marks: Mapping[str, MarkName],
    language: str,
    theme: Theme,
) -> Legend:
    shown: dict[int, Badge] = {}
    for edge in edges:
        for badge in edge.badges:
            shown.setdefault(badge.number, badge)
    titles = {m.id: _one_line(m.title) for m in merged.mechanisms}
    mechanisms = []
    for number in sorted(shown):
        badge = shown[number]
        mark = mechanism_marks.get(badge.mechanism)
        symbol = look[mark].symbol if mark else ""
        title = titles[badge.mechanism]
        mechanisms.append((badge, f"{symbol} {title}" if symbol else title))
    colours = tuple(
        (look[name].colour, look[name].symbol, text(f"diff.diagram.{name}", language))
        for name in _MARK_ORDER
        if look[name] in used
    )
    notes = []
    verdicts = [cell for edge in edges for b in edge.badges for cell in b.cells]
    if verdicts:
        shown_verdicts = {cell.verdict for cell in verdicts}
        meanings = " · ".join(
            f"{theme.verdicts[v].symbol} {text(f'verdict.{v}', language)}"
            for v in VERDICTS
            if v in shown_verdicts
        )
        notes.append(text("diff.diagram.verdicts", language, verdicts=meanings))
        if any(cell.source == "suggested" for cell in verdicts):
            notes.append(text("render.legend.suggested", language))
        if any(cell.intervention for cell in verdicts):
            names = ", ".join(i.name for i in merged.interventions)
            notes.append(text("render.legend.cells", language, names=names))
    if any(edge.kind == "feedback" for edge in edges):
        notes.append(text("render.legend.feedback", language))
    return Legend(tuple(mechanisms), text("diff.diagram.title", language), colours, tuple(notes))


def diff_dot(old: Document, new: Document, changes: Changes | None = None, **options: Any) -> str:
    """The diff diagram as DOT source (pure: the same input gives the same text)."""
    return dot.emit(diff_scene(old, new, changes, **options))


_DRAWN = ("svg", "png", "pdf", "dot")


def draw_diff(
    old: Document,
    new: Document,
    format: str = "svg",
    changes: Changes | None = None,
    **options: Any,
) -> bytes:
    """The diff diagram as ``svg``, ``png``, ``pdf`` or ``dot`` bytes."""
    if format not in _DRAWN:
        raise OptionError(f"a diff diagram is drawn as {', '.join(_DRAWN)}, not {format!r}")
    settings = _diff_options(options)
    source = diff_dot(old, new, changes, **options)
    if format == "dot":
        return source.encode("utf-8")
    return engine.draw(source, format, engine=settings.engine, dpi=settings.dpi)


def render_diff(
    old: Document,
    new: Document,
    path: str | os.PathLike[str],
    changes: Changes | None = None,
    *,
    format: str | None = None,
    **options: Any,
) -> Path:
    """Write the diff diagram to ``path`` atomically; the format follows the suffix."""
    chosen = format_for(path, format)
    write_atomic(path, draw_diff(old, new, chosen, changes, **options))
    return Path(path)
