"""Constrained types and vocabularies shared by every model of the format."""

from __future__ import annotations

from typing import Annotated, Any, Literal, get_args

from pydantic import ConfigDict, Field, StringConstraints

__all__ = [
    "ANY_VERDICTS",
    "BADGE_VERDICTS",
    "CONDITION_STATES",
    "CONFIDENCES",
    "EVIDENCE_KINDS",
    "MECHANISM_VERDICTS",
    "STANCES",
    "STRICT_CONFIG",
    "TEST_TYPES",
    "UNASSESSED",
    "AnyVerdict",
    "BadgeVerdict",
    "ConditionState",
    "Confidence",
    "EvidenceKind",
    "Id",
    "IssueKind",
    "MechanismVerdict",
    "PartialDate",
    "Probability",
    "Stance",
    "TestType",
    "Text",
    "empty_list",
]

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=200),
]
"""A slug: lower-case letters, digits, ``-`` and ``_``, starting with a letter or digit."""

Text = Annotated[str, StringConstraints(min_length=1)]
"""Non-empty free text."""

PartialDate = Annotated[
    str,
    StringConstraints(pattern=r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"),
]
"""A date as precise as it is known: ``2018``, ``2018-05`` or ``2018-05-14``."""

Probability = Annotated[float, Field(ge=0.0, le=1.0)]
"""A probability in [0, 1]."""

MechanismVerdict = Literal["held", "partly_held", "not_held", "too_early", "inconclusive"]
"""How far a mechanism (or a rival explanation) held."""

UNASSESSED: Literal["unassessed"] = "unassessed"
"""What a diagram shows for a mechanism with neither a judgement nor a suggestion."""

BadgeVerdict = Literal["held", "partly_held", "not_held", "too_early", "inconclusive", "unassessed"]
"""A mechanism verdict, or ``unassessed``: what a badge in a diagram can show."""

ConditionState = Literal["present", "partly_present", "absent", "unknown"]
"""Whether a condition was in place."""

AnyVerdict = Literal[
    "held",
    "partly_held",
    "not_held",
    "too_early",
    "inconclusive",
    "present",
    "partly_present",
    "absent",
    "unknown",
]

IssueKind = Literal[
    "verdict-conflict",
    "verdict-differs",
    "cites-other-target",
    "cites-other-intervention",
    "held-condition-absent",
    "verdict-without-evidence",
    "intervention-not-applicable",
    "stance-mismatch",
    "condition-conflict",
    "condition-differs",
    "undefined-posterior",
    "rival-held",
]
"""Kinds of consistency findings; `toc` maps each to a stable ``TOC1xx`` code."""

Confidence = Literal["low", "medium", "high"]

Stance = Literal["supports", "contradicts", "mixed", "neutral"]

TestType = Literal["straw_in_the_wind", "hoop", "smoking_gun", "doubly_decisive"]
"""Process-tracing test types (Van Evera), each with default likelihoods."""

EvidenceKind = Literal[
    "interview",
    "focus_group",
    "observation",
    "document",
    "survey",
    "register",
    "indicator",
    "other",
]

MECHANISM_VERDICTS: tuple[str, ...] = get_args(MechanismVerdict)
"""The mechanism verdicts in reading order: held, partly held, not held, too early,
inconclusive (the order of legends, tables and matrices)."""
BADGE_VERDICTS: tuple[str, ...] = get_args(BadgeVerdict)
"""`MECHANISM_VERDICTS` and ``unassessed``."""
CONDITION_STATES: tuple[str, ...] = get_args(ConditionState)
ANY_VERDICTS: tuple[str, ...] = get_args(AnyVerdict)
CONFIDENCES: tuple[str, ...] = get_args(Confidence)
STANCES: tuple[str, ...] = get_args(Stance)
TEST_TYPES: tuple[str, ...] = get_args(TestType)
EVIDENCE_KINDS: tuple[str, ...] = get_args(EvidenceKind)

STRICT_CONFIG = ConfigDict(
    extra="forbid",
    # A workshop file says `label: 2018`; that is text, not an error.
    coerce_numbers_to_str=True,
    # Infinity and NaN cannot be written as JSON.
    allow_inf_nan=False,
    populate_by_name=True,
    str_strip_whitespace=False,
    use_attribute_docstrings=True,
)
"""Model configuration shared by every model of the format."""


def empty_list() -> Any:
    """A list field's default: a new empty list per model, shown as ``[]`` in the schema.

    A plain ``= []`` default makes pydantic deep-copy it for every model
    built; a factory is cheaper by a quarter of the validation time of a
    large document (benchmarks/bench_load.py).
    """
    return Field(default_factory=list, json_schema_extra={"default": []})
