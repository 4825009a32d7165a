"""The typed result of `toc.changes.diff`: `Changes` and its parts, and its JSON Schema.

Frozen pydantic models: what ``toc diff --format json`` writes is
`Changes.model_dump_json`, and `json_schema` (``docs/diff.schema.json``) is
generated from them.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, JsonValue

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
    "TargetKind",
    "VerdictMove",
    "Version",
    "json_schema",
    "schema_text",
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


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of `Changes`, as ``toc diff --format json`` prints it.

    >>> json_schema()["$id"]
    'urn:toc-evaluation:schema:diff-1'
    """
    schema = Changes.model_json_schema(mode="serialization")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}


def schema_text() -> str:
    """The schema as the text of ``docs/diff.schema.json``."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
