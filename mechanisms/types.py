"""Constrained types and vocabularies shared by every model of the format."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal, get_args

from pydantic import AfterValidator, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError

__all__ = [
    "ANY_VERDICTS",
    "BADGE_VERDICTS",
    "CONDITION_STATES",
    "CONFIDENCES",
    "EVIDENCE_KINDS",
    "LARGEST",
    "MECHANISM_VERDICTS",
    "NOT_TEXT",
    "STANCES",
    "STRICT_CONFIG",
    "TEST_TYPES",
    "UNASSESSED",
    "AnyVerdict",
    "BadgeVerdict",
    "ConditionState",
    "Confidence",
    "Count",
    "EvidenceKind",
    "FreeText",
    "Id",
    "IssueKind",
    "MechanismVerdict",
    "PartialDate",
    "Probability",
    "Quantity",
    "Stance",
    "TestType",
    "Text",
    "clean_text",
    "empty_list",
    "not_too_large",
]

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=200),
]
"""A slug: lower-case letters, digits, ``-`` and ``_``, starting with a letter or digit."""

NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]|\r(?!\n)")
"""What user text may not hold: the C0 controls but tab and line feed (a carriage
return only as half of a Windows line break), DEL and the C1 controls, the two
noncharacters U+FFFE and U+FFFF, and halves of UTF-16 surrogate pairs."""
_CONTROL_NAMES = (  # noqa: SIM905 - the control codes' names: C0, then C1 from U+0080
    "NUL SOH STX ETX EOT ENQ ACK BEL BS HT LF VT FF CR SO SI "
    "DLE DC1 DC2 DC3 DC4 NAK SYN ETB CAN EM SUB ESC FS GS RS US "
    "PAD HOP BPH NBH IND NEL SSA ESA HTS HTJ VTS PLD PLU RI SS2 SS3 "
    "DCS PU1 PU2 STS CCH MW SPA EPA SOS SGCI SCI CSI ST OSC PM APC"
).split()


def clean_text(value: str) -> str:
    r"""The text, if it holds no character that is not text (else a `PydanticCustomError`).

    Text from a document ends up in terminals, diagrams, XML (SVG, Word) and
    reports. A control character there acts instead of showing: ESC starts a
    terminal escape (a clipboard write, a hidden link, a cleared screen), NUL
    and U+FFFE/U+FFFF make XML ill-formed, a lone carriage return overwrites
    the line it is on. So text keeps tabs and line breaks (``\n``, and
    ``\r\n`` as written on Windows) and refuses every other control character,
    whether a YAML escape (``"\e"``, ``"\x1b"``), a JSON escape (``\u001b``)
    or a string built in Python put it there.

    >>> clean_text("Tab\there, lines\r\nand more")
    'Tab\there, lines\r\nand more'
    >>> try:
    ...     clean_text("red \x1b[31malert")
    ... except ValueError as err:
    ...     print(err.type, err.context)
    control_character {'code': 'U+001B (ESC)', 'at': 5}
    """
    if value.isprintable():  # the common case, at the speed of C
        return value
    found = NOT_TEXT.search(value)
    if found is None:
        return value
    code = ord(found.group()[0])
    at = found.start() + 1
    if 0xD800 <= code <= 0xDFFF:
        raise PydanticCustomError(
            "lone_surrogate",
            "the text holds {code}, half of a UTF-16 surrogate pair, at character {at}: "
            "write the character itself",
            {"code": f"U+{code:04X}", "at": at},
        )
    if code in (0xFFFE, 0xFFFF):
        raise PydanticCustomError(
            "noncharacter",
            "the text holds {code}, which is not a character, at character {at}: remove it",
            {"code": f"U+{code:04X}", "at": at},
        )
    name = "DEL" if code == 0x7F else _CONTROL_NAMES[code if code < 0x20 else code - 0x60]
    raise PydanticCustomError(
        "control_character",
        "the text holds the control character {code} at character {at}: remove it; "
        "text keeps tabs and line breaks only",
        {"code": f"U+{code:04X} ({name})", "at": at},
    )


FreeText = Annotated[str, AfterValidator(clean_text)]
"""Free text: anything but control characters (`clean_text`); may be empty."""

Text = Annotated[str, StringConstraints(min_length=1), AfterValidator(clean_text)]
"""Non-empty free text (`clean_text`)."""

PartialDate = Annotated[
    str,
    StringConstraints(pattern=r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"),
]
"""A date as precise as it is known: ``2018``, ``2018-05`` or ``2018-05-14``."""

Probability = Annotated[float, Field(ge=0.0, le=1.0)]
"""A probability in [0, 1]."""

LARGEST = 2**53
"""The largest number, in size, a document may hold: 9,007,199,254,740,992.

Every whole number up to it is exact as a float, so sums, shares and the
numbers reports write stay exact; a larger one (an indicator reading of 400
digits) is a typing slip, and Python cannot turn a whole number beyond
1.8e308 into a float at all. The models refuse it where it is read
(`Quantity`, `Count`), so no later step meets it.
"""


def not_too_large(value: int | float) -> int | float:
    """The number, if it is at most `LARGEST` in size (else a `PydanticCustomError`).

    >>> not_too_large(-2.5), not_too_large(2**53)
    (-2.5, 9007199254740992)
    >>> try:
    ...     not_too_large(10**400)
    ... except ValueError as err:
    ...     print(err.type, err.context)
    too_large {'largest': 9007199254740992}
    """
    if abs(value) > LARGEST:
        raise PydanticCustomError(
            "too_large",
            "a number this large cannot be used: at most {largest} in size",
            {"largest": LARGEST},
        )
    return value


Quantity = Annotated[
    int | float,
    AfterValidator(not_too_large),
    Field(json_schema_extra={"minimum": -LARGEST, "maximum": LARGEST}),
]
"""A measured value: a whole or decimal number, at most `LARGEST` in size."""

Count = Annotated[
    int,
    Field(ge=0, json_schema_extra={"maximum": LARGEST}),
    AfterValidator(not_too_large),
]
"""A number of answers: a whole number from 0 to `LARGEST`."""

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
