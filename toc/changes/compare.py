"""The comparison: `diff`, a pure function of two versions of a document.

Elements matched by id (links by ``"from->to"``), reference lists whose order
means nothing compared as sets, renamed boxes found by label and stage and
followed everywhere (`Renames`), current verdicts compared per judged thing
and intervention (`mechanisms.history.Histories`), evidence counted per thing
it is about. The rules are stated in `toc.changes` and docs/diff.md.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel

from mechanisms.history import Histories
from mechanisms.model import Condition, Mechanism, Rival, parse_link_ref
from toc.changes.model import (
    SECTIONS,
    Change,
    Changes,
    EvidenceCount,
    FieldChange,
    Followed,
    Summary,
    TargetKind,
    VerdictMove,
    Version,
)
from toc.model import Document, Indicator, Node
from toc.quoting import one_line

__all__ = ["Renames", "diff"]


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
            return one_line(value)
    for attribute in ("source", "question", "summary"):  # evidence
        value = getattr(item, attribute, None)
        if isinstance(value, str) and value.strip():
            return one_line(value)
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


class Renames:
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


def _compare(old: Any, new: Any, spec: _Spec, renames: Renames) -> list[FieldChange]:
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
        return (one_line(node.label), node.stage)

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
    renames: Renames,
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


def _link_namer(old: Document, new: Document, renames: Renames) -> Callable[[Any], str]:
    labels = {n.id: one_line(n.label) for n in old.nodes}
    labels.update({renames.id(n.id): one_line(n.label) for n in old.nodes})
    labels.update({n.id: one_line(n.label) for n in new.nodes})

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
    renames: Renames,
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
    renames = Renames(_rename_pairs(old, new))
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
        old=Version(id=old.id, title=one_line(old.title), language=old.language, source=old_source),
        new=Version(id=new.id, title=one_line(new.title), language=new.language, source=new_source),
        summary=summary,
        document=document,
        verdicts=verdicts,
        evidence_counts=_evidence_counts(old, new, renames, results["evidence"], link_name),
        **results,
    )
