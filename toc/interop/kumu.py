"""Kumu: a blueprint (JSON) and Kumu's spreadsheet layout out, a blueprint in.

Out, each node is an element and each link a connection:

- element: ``id`` (the node's id), ``label``, ``type`` (the stage's name, such as
  "Short-term outcome"), ``description``, ``tags`` (the names of its
  interventions and actors) and the fields Stage, Stage order, Interventions,
  Actors, Indicators and, for outcomes, Pathway support;
- connection: ``id`` (``from->to``, so that importing again into Kumu updates
  instead of duplicating), ``from``, ``to``, ``type`` (link or feedback),
  ``direction`` (directed), ``label`` and the fields Mechanisms, Mechanism ids
  and Verdict (the current verdict, the least favourable of its mechanisms'
  badges, for a view to colour by) with Verdict code (``held`` …) and, where
  interventions differ, one Verdict field per intervention.

Field names and values are in the document's language. Evidence, judgements'
reasoning, conditions, rivals and indicator values do not go to Kumu.

In, a blueprint's elements become nodes and its connections links. A
connection names its elements by id or by label. An element's ``type`` is
matched to a stage by the stage's id or its Swedish or English name, ignoring
case; ``stage_map`` maps the others; a type that maps to no stage is refused,
listing every such type (and nothing else is said of its elements: the
connections to them are not reported as well).

A blueprint has no language of its own: problems are said in the language of
toc's own fields where the blueprint has them (Swedish for *Steg*, English for
*Stage*), else in ``language``; the document read gets that language too.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from pathlib import Path as FsPath
from typing import Any

from toc.assessment import Assessment, assess
from toc.errors import DocumentError, OptionError
from toc.files import MAX_BYTES, check_references, validate, write_atomic
from toc.findings import Finding, Path
from toc.i18n import LANGUAGES, text
from toc.interop.common import (
    Ids,
    link_verdicts,
    read_bytes,
    refusal,
    slug,
    stage_names,
    stage_type,
    worded,
)
from toc.interop.spreadsheet import SheetSpec, workbook_bytes
from toc.model import DEFAULT_STAGES, Document, did_you_mean
from toc.source import SourceMap, parse_json

__all__ = [
    "blueprint",
    "blueprint_language",
    "kumu_xlsx_bytes",
    "parse_stage_map",
    "read_kumu",
    "write_kumu",
    "write_kumu_xlsx",
]


def _field(name: str, language: str) -> str:
    return text(f"interop.kumu.{name}", language)


def blueprint(doc: Document, assessment: Assessment | None = None) -> dict[str, Any]:
    """The document as a Kumu blueprint (plain data, ready for `json.dumps`).

    ``assessment`` is the document's `toc.assess` result, made here if not given.
    A document whose references no longer resolve (changed in code) is refused
    first with a located `toc.errors.DocumentError` (`toc.files.check_references`).

    >>> import toc
    >>> doc = toc.loads('''
    ... format: 1
    ... id: d
    ... title: D
    ... nodes: [{id: a, stage: activities, label: A}, {id: b, stage: short, label: B}]
    ... links: [{from: a, to: b}]
    ... ''')
    >>> data = blueprint(doc)
    >>> data["elements"][1]["type"], data["connections"][0]["id"]
    ('Short-term outcome', 'a->b')
    """
    check_references(doc)
    result = assessment if assessment is not None else assess(doc)
    language = doc.language
    names = {i.id: i.name for i in doc.interventions}
    actors = {a.id: a.name for a in doc.actors}
    order = {stage: k for k, stage in enumerate(doc.stages)}
    elements = []
    for node in doc.nodes:
        element: dict[str, Any] = {
            "id": node.id,
            "label": node.label,
            "type": stage_type(node.stage, language),
        }
        if node.description:
            element["description"] = node.description
        tags = [names[i] for i in node.interventions] + [actors[a] for a in node.actors]
        if tags:
            element["tags"] = tags
        element[_field("stage", language)] = node.stage
        element[_field("stage_order", language)] = order[node.stage] + 1
        if node.interventions:
            element[_field("interventions", language)] = [names[i] for i in node.interventions]
            element[_field("intervention_ids", language)] = list(node.interventions)
        if node.actors:
            element[_field("actors", language)] = [actors[a] for a in node.actors]
            element[_field("actor_ids", language)] = list(node.actors)
        if node.indicators:
            element[_field("indicators", language)] = [
                f"{i.name} ({i.unit})" if i.unit else i.name for i in node.indicators
            ]
        support = result.support(node.id)
        if support is not None and doc.is_outcome(node):
            element[_field("support", language)] = text(f"judge.support.{support}", language)
        elements.append(element)

    numbers = {m.id: n for n, m in enumerate(doc.mechanisms, start=1)}
    titles = {m.id: m.title for m in doc.mechanisms}
    explains = doc.explaining()
    verdicts = link_verdicts(doc, result)
    connections = []
    for link in doc.links:
        connection: dict[str, Any] = {
            "id": link.ref,
            "from": link.from_,
            "to": link.to,
            "type": _field("feedback" if link.feedback else "link", language),
            "direction": "directed",
        }
        if link.label:
            connection["label"] = link.label
        mechanism_ids = explains.get(link.ref, [])
        if mechanism_ids:
            connection[_field("mechanisms", language)] = [
                f"M{numbers[m]}: {titles[m]}" for m in mechanism_ids
            ]
            connection[_field("mechanism_ids", language)] = list(mechanism_ids)
        found = verdicts.get(link.ref)
        if found is not None:
            connection[_field("verdict", language)] = text(f"verdict.{found.verdict}", language)
            connection[_field("verdict_code", language)] = found.verdict
            per = {c.intervention: c.verdict for c in found.cells if c.intervention is not None}
            for intervention, verdict in per.items():
                key = f"{_field('verdict', language)} ({names[intervention]})"
                connection[key] = text(f"verdict.{verdict}", language)
        connections.append(connection)
    return {"elements": elements, "connections": connections}


def write_kumu(
    doc: Document, path: str | os.PathLike[str], assessment: Assessment | None = None
) -> None:
    """Write the document as a Kumu blueprint (``.json``), atomically."""
    data = json.dumps(blueprint(doc, assessment), ensure_ascii=False, indent=2) + "\n"
    write_atomic(path, data)


def kumu_xlsx_bytes(doc: Document, assessment: Assessment | None = None) -> bytes:
    """The document in Kumu's spreadsheet layout: an Elements and a Connections sheet.

    The first column is ID; several values in one cell are separated by ``|``
    (Kumu's own convention, which has no escape: a ``|`` inside a name splits it).
    """
    data = blueprint(doc, assessment)

    def sheet(name: str, items: list[dict[str, Any]], first: list[str]) -> SheetSpec:
        keys: list[str] = []
        for item in items:
            for key in item:
                if key not in keys:
                    keys.append(key)
        order = [k for k in first if k in keys or k in _ALWAYS]
        order += [k for k in keys if k not in order]
        header = [_header(k) for k in order]
        rows = []
        for item in items:
            row: list[Any] = []
            for key in order:
                value = item.get(key)
                if isinstance(value, list):
                    value = "|".join(str(v) for v in value)
                row.append(value)
            rows.append(row)
        return SheetSpec(name, header, rows)

    return workbook_bytes(
        [
            sheet("Elements", data["elements"], ["id", "label", "type", "description", "tags"]),
            sheet("Connections", data["connections"], ["id", "from", "to", "type", "label"]),
        ]
    )


_ALWAYS = ("id", "label", "type", "description", "tags", "from", "to")
"""Kumu's own columns: written even when empty."""


def _header(key: str) -> str:
    return {"id": "ID", "from": "From", "to": "To", "direction": "Direction"}.get(
        key, key[:1].upper() + key[1:]
    )


def write_kumu_xlsx(
    doc: Document, path: str | os.PathLike[str], assessment: Assessment | None = None
) -> None:
    """Write the document in Kumu's spreadsheet layout (``.xlsx``), atomically."""
    write_atomic(path, kumu_xlsx_bytes(doc, assessment))


# ----------------------------------------------------------------- reading


def parse_stage_map(pairs: Sequence[str], language: str = "en") -> dict[str, str]:
    """``TYPE=STAGE`` pairs as a mapping (the type folded to ignore case).

    >>> parse_stage_map(["Person=activities", " Goal = long "])
    {'person': 'activities', 'goal': 'long'}
    """
    out: dict[str, str] = {}
    for pair in pairs:
        kind, sep, stage = pair.partition("=")
        if not sep or not stage.strip():
            raise OptionError(text("interop.option.stage_map_pair", language, pair=pair))
        out[_fold(kind)] = stage.strip()
    return out


def _fold(value: Any) -> str:
    return " ".join(str(value).split()).casefold()


def _keyed(item: Mapping[str, Any]) -> dict[str, Any]:
    """An element or connection with its fields folded (Kumu backups nest them in attributes)."""
    flat: dict[str, Any] = {}
    attributes = item.get("attributes")
    if isinstance(attributes, Mapping):
        flat.update({_fold(k): v for k, v in attributes.items()})
    for key, value in item.items():
        if key != "attributes":
            flat[_fold(key)] = value
    if "_id" in flat and "id" not in flat:
        flat["id"] = flat["_id"]
    if "element type" in flat and "type" not in flat:
        flat["type"] = flat["element type"]
    if "connection type" in flat and "type" not in flat:
        flat["type"] = flat["connection type"]
    return flat


def _get(item: Mapping[str, Any], name: str) -> Any:
    """A toc field of an element or connection, by its English or Swedish name."""
    for language in LANGUAGES:
        key = _fold(text(f"interop.kumu.{name}", language))
        if key in item:
            return item[key]
    return None


def _strings(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v) for v in value if v is not None and str(v).strip()]
    return [v.strip() for v in str(value).split("|") if v.strip()]


class _Problems:
    """Problems found in a blueprint, located by line and column, in its language."""

    def __init__(self, smap: SourceMap, language: str) -> None:
        self.smap = smap
        self.language = language
        self.found: list[Finding] = []

    def add(self, path: Path, key: str, **fields: Any) -> None:
        """The catalogue's ``key`` (and ``key.hint``) at ``path``."""
        message, hint = worded(key, self.language, **fields)
        self.found.append(self.smap.locate(Finding(message, path, hint)))

    def hinted(self, path: Path, key: str, hint: str | None, **fields: Any) -> None:
        """The catalogue's ``key`` at ``path`` with a hint of its own."""
        self.found.append(self.smap.locate(Finding(text(key, self.language, **fields), path, hint)))

    def name(self, key: str, given: str, index: int, items: str) -> str:
        """How an element or connection is named: ``element 'c1'`` or ``elements[3]``."""
        return text(key, self.language, name=given) if given else f"{items}[{index}]"


def _label_text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def read_kumu(
    path: str | os.PathLike[str],
    *,
    stage_map: Mapping[str, str] | Sequence[str] | None = None,
    max_bytes: int = MAX_BYTES,
    language: str = "en",
) -> Document:
    """The document a Kumu blueprint (``.json``) holds: elements as nodes, connections as links.

    ``stage_map`` maps element types to stages (``{"Goal": "long"}`` or
    ``["Goal=long"]``). Problems are located by file, line and column and name
    the element or connection. ``language`` is the language of problems until
    the blueprint says its own (`blueprint_language`), and the document's
    where it does not.
    """
    file = os.fspath(path)
    data, smap = _blueprint(file, max_bytes, language)
    language = blueprint_language(data, language)
    given: Mapping[str, str] = (
        parse_stage_map(stage_map, language) if isinstance(stage_map, Sequence) else stage_map or {}
    )
    mapping = {_fold(k): v for k, v in given.items()}
    problems = _Problems(smap, language)
    elements, connections = _lists(data, problems)
    for stage in mapping.values():
        if stage not in DEFAULT_STAGES:
            raise OptionError(
                text(
                    "interop.option.stage_map_stage",
                    language,
                    stage=stage,
                    stages=", ".join(DEFAULT_STAGES),
                )
            )
    reading = _Reading(problems, mapping)
    for k, raw_element in enumerate(elements):
        reading.element(k, raw_element)
    reading.unmapped_types()
    reading.connections(connections)
    if problems.found:
        raise DocumentError(sorted(problems.found, key=lambda p: (p.line or 0, p.column or 0)))
    return _validated(reading.document(file, data), file, language)


_OWN_FIELDS = (
    "stage",
    "stage_order",
    "interventions",
    "intervention_ids",
    "actors",
    "actor_ids",
    "indicators",
    "support",
    "mechanisms",
    "mechanism_ids",
    "verdict",
    "verdict_code",
)
"""The fields toc writes on elements and connections, named in the document's language."""


def blueprint_language(data: Any, fallback: str = "en") -> str:
    """The language of a blueprint: that of the first of toc's own fields it has, else ``fallback``.

    A blueprint says nothing of its language; one that toc wrote names its
    fields in the document's (*Steg* or *Stage*).

    >>> blueprint_language({"elements": [{"label": "A", "Steg": "short"}]})
    'sv'
    >>> blueprint_language({"elements": [{"label": "A", "type": "Goal"}]}, "sv")
    'sv'
    """
    if not isinstance(data, Mapping):
        return fallback
    spelled = {
        lang: {_fold(text(f"interop.kumu.{name}", lang)) for name in _OWN_FIELDS}
        for lang in LANGUAGES
    }
    own = {  # a name both languages share says nothing
        name: lang
        for lang, names in spelled.items()
        for name in names
        if all(name not in spelled[other] for other in LANGUAGES if other != lang)
    }
    for items in (data.get("elements"), data.get("connections")):
        if not isinstance(items, list):
            continue
        for item in items:
            if not isinstance(item, Mapping):
                continue
            for key in _keyed(item):
                if key in own:
                    return own[key]
    return fallback


def _blueprint(file: str, max_bytes: int, language: str) -> tuple[Any, SourceMap]:
    """The file's JSON data, and where each value stands in it."""
    raw = read_bytes(file, max_bytes, language)
    try:
        source = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DocumentError([refusal(file, "interop.read.not_utf8", language)]) from None
    return parse_json(source, file)


def _lists(data: Any, problems: _Problems) -> tuple[list[Any], list[Any]]:
    """The blueprint's elements and connections; refused unless both are lists."""
    if not isinstance(data, dict) or not isinstance(data.get("elements", []), list):
        problems.add((), "interop.kumu.not_blueprint")
        raise DocumentError(problems.found)
    elements = [e for e in data.get("elements", [])]
    connections = data.get("connections", [])
    if not isinstance(connections, list):
        problems.add(("connections",), "interop.kumu.connections_list")
        raise DocumentError(problems.found)
    return elements, connections


class _Reading:
    """A blueprint being read: its elements as nodes, then its connections as links."""

    def __init__(self, problems: _Problems, mapping: Mapping[str, str]) -> None:
        self.problems = problems
        self.mapping = mapping
        """Element type (folded) → stage, from ``stage_map``."""
        self.by_name: dict[str, str] = {}
        """A stage's id or name in either language (folded) → the stage."""
        for stage in DEFAULT_STAGES:
            for name in stage_names(stage):
                self.by_name[name] = stage
        self.ids = Ids()
        self.nodes: list[dict[str, Any]] = []
        self.by_kumu_id: dict[str, str] = {}
        self.by_label: dict[str, list[str]] = {}
        self.unmapped: dict[str, list[Path]] = {}
        """Element types that map to no stage → where they are used."""
        self.left_out: set[str] = set()
        """Kumu ids and labels (folded) of elements already reported and not read as nodes:
        a connection to one is not reported again."""
        self.stage_orders: dict[str, int] = {}
        self.interventions: dict[str, str] = {}
        self.actors: dict[str, str] = {}
        self.links: dict[str, dict[str, Any]] = {}
        self.mechanisms: dict[str, dict[str, Any]] = {}
        self._stage_of: dict[str, str] = {}
        self._feedback_word: set[str] = set()
        self._order: dict[str, int] = {}

    def _stage(self, element: Mapping[str, Any], where: Path) -> str | None:
        """An element's stage: by ``stage_map``, its own Stage field, or its type's name."""
        own_stage = _label_text(_get(element, "stage"))
        kind = _label_text(element.get("type"))
        if _fold(kind) in self.mapping:
            return self.mapping[_fold(kind)]
        if own_stage:
            order = _get(element, "stage_order")
            if isinstance(order, int):
                self.stage_orders.setdefault(own_stage, order)
            return own_stage
        if _fold(kind) in self.by_name:
            return self.by_name[_fold(kind)]
        self.unmapped.setdefault(kind, []).append(where)
        return None

    def _leave_out(self, kumu_id: str, label: str) -> None:
        """An element reported and not read: connections to it say nothing more."""
        self.left_out.update(name for name in (kumu_id, _fold(label)) if name)

    def element(self, k: int, raw_element: Any) -> None:
        """One element as a node (with its interventions and actors), or a problem."""
        where: Path = ("elements", k)
        if not isinstance(raw_element, Mapping):
            self.problems.add(where, "interop.kumu.element_object", index=k)
            return
        element = _keyed(raw_element)
        label = _label_text(element.get("label"))
        kumu_id = _label_text(element.get("id"))
        name = self.problems.name("interop.kumu.element_named", kumu_id or label, k, "elements")
        if not label:
            self.problems.add(where, "interop.kumu.no_label", name=name)
            self._leave_out(kumu_id, label)
            return
        stage = self._stage(element, where)
        if stage is None:
            self._leave_out(kumu_id, label)
            return
        wanted = kumu_id if kumu_id and slug(kumu_id) == kumu_id else slug(label, "node")
        node_id = self.ids.new(wanted)
        if kumu_id:
            if kumu_id in self.by_kumu_id:
                self.problems.add(where, "interop.kumu.duplicate_id", name=name, id=kumu_id)
                return
            self.by_kumu_id[kumu_id] = node_id
        self.by_label.setdefault(_fold(label), []).append(node_id)
        node: dict[str, Any] = {"id": node_id, "stage": stage, "label": label}
        description = element.get("description")
        if isinstance(description, str) and description.strip():
            node["description"] = description
        for field, names_of, into in (
            ("intervention", "interventions", self.interventions),
            ("actor", "actors", self.actors),
        ):
            refs = _strings(_get(element, f"{field}_ids"))
            shown = _strings(_get(element, names_of))
            for n, ref in enumerate(refs):
                into.setdefault(ref, shown[n] if n < len(shown) else ref)
            if refs:
                node[names_of] = refs
        self.nodes.append(node)

    def unmapped_types(self) -> None:
        """One problem listing every element type that maps to no stage."""
        if not self.unmapped:
            return
        language = self.problems.language
        types = sorted(self.unmapped, key=_fold)
        listed = ", ".join(repr(t) if t else text("interop.kumu.no_type", language) for t in types)
        first = self.unmapped[types[0]][0]
        self.problems.add(
            first,
            "interop.kumu.unmapped",
            types=listed,
            example=repr(types[0]),
            stages=", ".join(DEFAULT_STAGES),
        )

    def resolve(self, value: Any, where: Path, end: str, name: str) -> str | None:
        """The node a connection's end names, by Kumu id or by label; None (reported) if none."""
        ref = _label_text(value)
        if not ref:
            self.problems.add(where, f"interop.kumu.no_{end}", name=name)
            return None
        if ref in self.by_kumu_id:
            return self.by_kumu_id[ref]
        found = self.by_label.get(_fold(ref), [])
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            self.problems.add(
                where, "interop.kumu.shared_label", name=name, ref=ref, count=len(found)
            )
            return None
        if ref in self.left_out or _fold(ref) in self.left_out:
            return None  # an element already reported (its type maps to no stage, no label)
        language = self.problems.language
        choices = list(self.by_kumu_id) + [n["label"] for n in self.nodes]
        self.problems.hinted(
            where,
            "interop.kumu.unknown_element",
            did_you_mean(ref, choices, language)
            or text("interop.kumu.unknown_element.hint", language),
            name=name,
            ref=ref,
        )
        return None

    def connections(self, connections: Sequence[Any]) -> None:
        """Every connection as links, once the elements are read."""
        self._stage_of = {n["id"]: n["stage"] for n in self.nodes}
        self._feedback_word = {_fold(text("interop.kumu.feedback", lang)) for lang in LANGUAGES}
        self._order = self.stage_orders or {stage: k for k, stage in enumerate(DEFAULT_STAGES)}
        for k, raw_connection in enumerate(connections):
            self.connection(k, raw_connection)

    def connection(self, k: int, raw_connection: Any) -> None:
        """One connection as a link to each element it goes to, or a problem."""
        where: Path = ("connections", k)
        if not isinstance(raw_connection, Mapping):
            self.problems.add(where, "interop.kumu.connection_object", index=k)
            return
        connection = _keyed(raw_connection)
        cid = _label_text(connection.get("id"))
        name = self.problems.name("interop.kumu.connection_named", cid, k, "connections")
        tail = self.resolve(connection.get("from"), (*where, "from"), "from", name)
        targets_raw = connection.get("to")
        targets = targets_raw if isinstance(targets_raw, list) else [targets_raw]
        for target_raw in targets:
            head = self.resolve(target_raw, (*where, "to"), "to", name)
            if tail is None or head is None:
                continue
            if tail == head:
                self.problems.add(where, "interop.kumu.to_itself", name=name)
                continue
            ref = f"{tail}->{head}"
            if ref not in self.links:
                self.links[ref] = self._link(connection, tail, head)
            self._explains(connection, ref)

    def _link(self, connection: Mapping[str, Any], source: str, target: str) -> dict[str, Any]:
        """A new link: feedback when Kumu says so or when it runs back to an earlier stage."""
        link: dict[str, Any] = {"from": source, "to": target}
        connection_type = _fold(connection.get("type") or "")
        order, stage_of = self._order, self._stage_of
        backwards = order.get(stage_of[target], 0) < order.get(stage_of[source], 0)
        if connection_type in self._feedback_word or backwards:
            link["feedback"] = True
        link_label = connection.get("label")
        if isinstance(link_label, str) and link_label.strip():
            link["label"] = link_label
        return link

    def _explains(self, connection: Mapping[str, Any], ref: str) -> None:
        """The mechanisms a connection names (as toc wrote them), explaining its link."""
        ids_given = _strings(_get(connection, "mechanism_ids"))
        titles = _strings(_get(connection, "mechanisms"))
        for n, mechanism_id in enumerate(ids_given):
            title = titles[n] if n < len(titles) else mechanism_id
            number = len(self.mechanisms) + 10**6
            head, sep, rest = title.partition(": ")
            if sep and head[:1] == "M" and head[1:].isdigit():
                title, number = rest, int(head[1:])
            mechanism = self.mechanisms.setdefault(
                mechanism_id, {"id": mechanism_id, "title": title, "links": [], "n": number}
            )
            if ref not in mechanism["links"]:
                mechanism["links"].append(ref)

    def document(self, file: str, data: Mapping[str, Any]) -> dict[str, Any]:
        """The document's data: named after the file (or the map), stages in the map's order,
        in the blueprint's language."""
        stem = FsPath(file).stem
        document: dict[str, Any] = {
            "format": 1,
            "id": slug(stem, "kumu-map"),
            "title": str(data.get("name") or data.get("title") or stem),
            "language": self.problems.language,
        }
        if self.stage_orders:
            orders = self.stage_orders
            ordered = sorted(orders, key=lambda s: orders[s])
            known = {n["stage"] for n in self.nodes}
            document["stages"] = ordered + sorted(known - set(ordered))
        if self.interventions:
            document["interventions"] = [
                {"id": i, "name": n} for i, n in self.interventions.items()
            ]
        if self.actors:
            document["actors"] = [{"id": i, "name": n} for i, n in self.actors.items()]
        document["nodes"] = self.nodes
        document["links"] = list(self.links.values())
        if self.mechanisms:
            by_number = sorted(self.mechanisms.values(), key=lambda m: int(m["n"]))
            document["mechanisms"] = [{k: v for k, v in m.items() if k != "n"} for m in by_number]
        return document


def _validated(document: dict[str, Any], file: str, language: str) -> Document:
    """The document, or its problems said as the map's."""
    try:
        return validate(document)
    except DocumentError as err:
        raise DocumentError(
            [
                Finding(
                    text("interop.kumu.invalid", language, message=p.message),
                    hint=p.hint,
                    file=file,
                )
                for p in err.problems
            ]
        ) from None
