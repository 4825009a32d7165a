"""What a synthesis finds: typed, JSON-serialisable, the same for the same input.

`Synthesis` is a pydantic model whose JSON (``result.model_dump_json()``) is
the documented shape of ``toc synthesise -o out.json`` (docs/synthesis.md,
schema in docs/synthesis.schema.json). Its parts are frozen dataclasses: a
synthesis of 500 documents builds tens of thousands of them, and they come
from validated documents only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from mechanisms.types import BadgeVerdict, ConditionState, MechanismVerdict, TestType
from toc.assessment import Support
from toc.findings import Finding
from toc.indicators import IndicatorStatus

__all__ = [
    "Case",
    "CmoRow",
    "CodedCase",
    "Coding",
    "ConditionFit",
    "ConditionInCase",
    "EvidenceInCase",
    "Excluded",
    "IndicatorInCase",
    "LeftOut",
    "Matched",
    "Matrix",
    "MatrixCell",
    "Outcome",
    "OutcomeInCase",
    "Partly",
    "RivalInCase",
    "Settings",
    "Synthesis",
    "TruthRow",
    "TruthTable",
    "Undecided",
    "Unmatched",
]

Partly = Literal["held", "not_held", "exclude"]
"""How a recorded ``partly_held`` enters a truth table: as held (1), as not held (0), or
left out (listed among the excluded cases)."""

Coding = Literal["present", "absent", "undecided"]
"""How a condition state other than present/absent is coded in a truth table: as
present (1), as absent (0), or undecided (the case is listed and left out)."""

Outcome = Literal["1", "0", "C", "?"]
"""A truth-table row's outcome: all its cases held (``1``), none held (``0``),
some did and some did not (``C``, a contradiction), no case (``?``)."""


@dataclass(frozen=True, slots=True)
class Settings:
    """The choices a synthesis was made with."""

    partly: Partly = "exclude"
    """How ``partly_held`` is coded in the truth tables."""
    partly_present: Coding = "undecided"
    """How ``partly_present`` is coded in the truth tables."""
    unknown: Coding = "undecided"
    """How ``unknown`` is coded in the truth tables."""
    map: str | None = None
    """The map file used, as given."""


@dataclass(frozen=True, slots=True)
class Case:
    """One case: an intervention of one evaluation, or an evaluation without interventions."""

    id: str
    """``document-id:intervention-id``, or ``document-id`` for a document without interventions."""
    document: str
    """The document's id."""
    intervention: str | None
    """The intervention's id (None: the document as a whole)."""
    name: str
    """The intervention's name, or the document's title."""
    document_title: str
    """The document's title."""
    language: Literal["sv", "en"]
    """The document's language."""
    source: str | None = None
    """The file the document was read from, if any."""


@dataclass(frozen=True, slots=True)
class LeftOut:
    """An input that could not be read: reported, and left out of the synthesis."""

    source: str
    """The file (or ``<document>``) as given."""
    problems: list[Finding]
    """What is wrong with it, each located by file, line and column."""
    reason: Literal["unreadable", "duplicate"] = "unreadable"
    """``unreadable``: it is not a valid document; ``duplicate``: another input has
    the same document id and is the later version of that evaluation."""


@dataclass(frozen=True, slots=True)
class Matched:
    """A mechanism or condition as the synthesis knows it: one id across documents."""

    id: str
    """The canonical id: the map's name for it, else its id in the documents."""
    kind: Literal["mechanism", "condition"]
    name: str
    """Its title (mechanism) or statement (condition) in the first document that has it."""
    local: dict[str, str]
    """Per document id, the id it has there."""
    conditions: list[str] = field(default_factory=list)
    """For a mechanism: the canonical ids of the conditions it depends on, in any
    document, in order of first mention."""


@dataclass(frozen=True, slots=True)
class Unmatched:
    """An id that matches nothing in any other document."""

    kind: Literal["mechanism", "condition"]
    id: str
    """The canonical id."""
    document: str
    """The one document that has it."""
    local: str
    """Its id in that document."""


@dataclass(frozen=True, slots=True)
class ConditionInCase:
    """A condition of a mechanism, as it stood in one case."""

    condition: str
    """The canonical id."""
    local: str
    """Its id in the case's document."""
    statement: str
    state: ConditionState | None
    """The recorded state, else the state the survey rule suggests; None if neither."""
    source: Literal["recorded", "survey"] | None
    """``recorded`` (a judgement) or ``survey`` (the survey rule's suggestion)."""


@dataclass(frozen=True, slots=True)
class IndicatorInCase:
    """An indicator of an outcome, with its current reading and status."""

    id: str
    name: str
    status: IndicatorStatus
    value: float | None
    """The current reading (`toc.indicators.latest`)."""
    target: float | None
    unit: str | None


@dataclass(frozen=True, slots=True)
class OutcomeInCase:
    """An outcome a mechanism's links lead to, in one case."""

    node: str
    label: str
    support: Support | None
    """Its pathway support in the case (`toc.assessment.Assessment.outcome`)."""
    indicators: list[IndicatorInCase]


@dataclass(frozen=True, slots=True)
class EvidenceInCase:
    """The evidence about a mechanism that counts in one case."""

    count: int
    by_stance: dict[str, int]
    """Items per stance (``supports``, ``contradicts``, ``mixed``, ``neutral``,
    ``unstated``), keys sorted."""
    strongest_test: TestType | None
    """The strongest process-tracing test among the items, in the order straw in the
    wind < hoop < smoking gun < doubly decisive; None if no item names one."""


@dataclass(frozen=True, slots=True)
class RivalInCase:
    """A rival explanation that held or partly held, about the mechanism's links or outcomes."""

    id: str
    statement: str
    verdict: MechanismVerdict
    source: Literal["recorded", "suggested"]


@dataclass(frozen=True, slots=True)
class CmoRow:
    """One context–mechanism–outcome row: a mechanism in one case."""

    case: str
    mechanism: str
    """The canonical id."""
    local: str
    """Its id in the case's document."""
    title: str
    """Its title in the case's document."""
    conditions: list[ConditionInCase]
    """Its conditions (the context) in the case's document, in their order there."""
    verdict: BadgeVerdict
    """The verdict its badge shows in this case (`Assessment.badge`)."""
    source: Literal["recorded", "suggested"] | None
    """``recorded`` (a judgement), ``suggested`` (the evidence), None for unassessed."""
    across: bool
    """The recorded verdict is a judgement made across all the document's interventions."""
    recorded: MechanismVerdict | None
    """The current recorded verdict: what the truth tables use."""
    outcomes: list[OutcomeInCase]
    """The outcomes its links lead to."""
    evidence: EvidenceInCase
    rivals: list[RivalInCase]
    """Rivals that held or partly held about its links or outcomes."""


@dataclass(frozen=True, slots=True)
class MatrixCell:
    """One cell of the verdict matrix."""

    mechanism: str
    case: str
    verdict: BadgeVerdict
    source: Literal["recorded", "suggested"] | None
    across: bool


@dataclass(frozen=True, slots=True)
class Matrix:
    """Mechanisms × cases: the verdict each mechanism's badge shows in each case.

    A mechanism without a cell for a case is not part of that case's evaluation.
    """

    mechanisms: list[str]
    cases: list[str]
    cells: list[MatrixCell]


@dataclass(frozen=True, slots=True)
class TruthRow:
    """One configuration of a truth table."""

    values: dict[str, int]
    """Per condition, 1 (present) or 0 (absent)."""
    outcome: Outcome
    n: int
    """Number of cases with this configuration."""
    consistency: float | None
    """Share of its cases that held; None without cases."""
    cases: list[str]


@dataclass(frozen=True, slots=True)
class Excluded:
    """A case left out of a truth table because of its outcome."""

    case: str
    verdict: str
    """Its recorded verdict (``partly_held``, ``too_early``, ``inconclusive``), or
    ``unassessed`` when none is recorded."""


@dataclass(frozen=True, slots=True)
class Undecided:
    """A case left out of a truth table because a condition cannot be coded 1 or 0."""

    case: str
    condition: str
    reason: Literal["partly_present", "unknown", "not_assessed", "not_in_evaluation"]
    """The state that is not coded (``partly_present``, ``unknown``); ``not_assessed``
    (neither judged nor surveyed); ``not_in_evaluation`` (the document does not have
    the condition)."""


@dataclass(frozen=True, slots=True)
class CodedCase:
    """One case as a truth table codes it: the data R's ``QCA::truthTable`` reads."""

    case: str
    values: dict[str, int]
    """Per condition, 1 (present) or 0 (absent)."""
    held: int
    """1 when the mechanism held in the case, else 0."""


@dataclass(frozen=True, slots=True)
class ConditionFit:
    """How well "condition present → held" fits the cases of a truth table (crisp sets)."""

    condition: str
    present: int
    """Cases with the condition present."""
    held: int
    """Cases that held."""
    both: int
    """Cases with the condition present that held."""
    consistency: float | None
    """both / present: how far the condition's presence goes with holding; None if 0/0."""
    coverage: float | None
    """both / held: how much of holding the condition's presence accounts for; None if 0/0."""


@dataclass(frozen=True, slots=True)
class TruthTable:
    """The crisp-set truth table of one mechanism across the cases."""

    conditions: list[str]
    """The conditions, one column each."""
    rows: list[TruthRow]
    """Configurations in the order of QCA's ``truthTable``: the first condition varies
    slowest, 0 before 1. With up to `MAX_LISTED` conditions every configuration is a
    row (those without a case as ``?``), with more only the observed ones."""
    excluded: list[Excluded]
    undecided: list[Undecided]
    fit: list[ConditionFit]
    """Per condition, "present → held" over the cases in the rows."""
    remainders: int
    """Configurations without a case (logical remainders)."""
    data: list[CodedCase] = field(default_factory=list)
    """The coded cases, in case order (the rows of the QCA CSV)."""
    from_survey: list[str] = field(default_factory=list)
    """``case/condition`` pairs whose value rests on the survey rule, not a judgement."""


class Synthesis(BaseModel):
    """Everything `toc.synthesise` finds across evaluations; JSON-serialisable.

    The JSON shape is documented in docs/synthesis.md and published as a JSON
    Schema (docs/synthesis.schema.json, `toc.synthesis.json_schema`).
    """

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    cases: list[Case]
    """Every case, documents ordered by id, interventions in document order."""
    unmatched: list[Unmatched]
    """Mechanism and condition ids found in one document only."""
    cmo: list[CmoRow]
    """One row per case and mechanism, in case order then document order."""
    matrix: Matrix
    truth_tables: dict[str, TruthTable]
    """Per canonical mechanism id."""
    mechanisms: list[Matched]
    """Every mechanism, in order of first appearance."""
    conditions: list[Matched]
    """Every condition, in order of first appearance."""
    left_out: list[LeftOut]
    """Inputs that could not be read; the synthesis is of the others."""
    unused_map_entries: list[str]
    """``document:id`` entries of the map that name a document not among the inputs."""
    settings: Settings

    def case(self, case_id: str) -> Case:
        """The case with this id."""
        for case in self.cases:
            if case.id == case_id:
                return case
        raise KeyError(f"no case {case_id!r}")

    def rows(self, mechanism: str) -> list[CmoRow]:
        """The CMO rows of one mechanism, in case order."""
        return [row for row in self.cmo if row.mechanism == mechanism]

    def to_json(self) -> str:
        """The JSON text: two-space indent, UTF-8 as is, a final newline."""
        return self.model_dump_json(indent=2) + "\n"

    def named(self, item_id: str) -> str:
        """The name of a canonical mechanism or condition (its id if unknown)."""
        for item in (*self.mechanisms, *self.conditions):
            if item.id == item_id:
                return item.name
        return item_id

    def plain(self) -> dict[str, Any]:
        """The JSON data as Python objects."""
        return self.model_dump(mode="json")
