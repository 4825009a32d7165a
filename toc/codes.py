"""Every finding code: its number, its name and its default severity.

Codes are stable and never reused; ``docs/checks.md`` lists each one with an
example and the fix. Two kinds of checks stand behind them:

- ``structure``: the shape of the theory (`toc.checks`), TOC001–TOC019 but
  TOC011;
- ``judgement``: what the judgement of the evidence shows (`toc.consistency`):
  TOC011 (a survey with more "don't know" than answers) and TOC101–TOC112,
  the places where the recorded judgements and the evidence disagree. Their
  severities are those of `mechanisms.issues`.

A document (``checks:``) or the command line can select, ignore and re-grade
codes by code or by name; `resolve` turns such a word into its code.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from mechanisms.issues import ISSUE_SEVERITY
from toc.findings import Severity

__all__ = ["CODES", "ISSUE_CODES", "Code", "by_code", "resolve"]


@dataclass(frozen=True, slots=True)
class Code:
    """One finding code."""

    code: str
    """``TOC001``."""
    name: str
    """``link-backwards``: the readable alias."""
    severity: Severity
    """Its default severity."""
    source: Literal["structure", "judgement"]
    """Which kind of check finds it."""


ISSUE_CODES: Mapping[str, str] = {
    "verdict-conflict": "TOC101",
    "verdict-differs": "TOC102",
    "cites-other-target": "TOC103",
    "cites-other-intervention": "TOC104",
    "held-condition-absent": "TOC105",
    "verdict-without-evidence": "TOC106",
    "intervention-not-applicable": "TOC107",
    "condition-conflict": "TOC108",
    "condition-differs": "TOC109",
    "stance-mismatch": "TOC110",
    "undefined-posterior": "TOC111",
    "rival-held": "TOC112",
}
"""The code of each kind of `mechanisms.issues.Issue`; the kind is the code's name."""


def _structure(code: str, name: str, severity: Severity) -> Code:
    return Code(code, name, severity, "structure")


CODES: tuple[Code, ...] = (
    _structure("TOC001", "link-backwards", "error"),
    _structure("TOC002", "cycle", "error"),
    _structure("TOC003", "leads-nowhere", "warning"),
    _structure("TOC004", "outcome-unreached", "warning"),
    _structure("TOC005", "link-skips-stage", "info"),
    _structure("TOC006", "link-without-mechanism", "info"),
    _structure("TOC007", "mechanism-without-link", "warning"),
    _structure("TOC008", "no-evidence", "warning"),
    _structure("TOC009", "outcome-without-indicator", "info"),
    _structure("TOC010", "activity-without-actor", "info"),
    Code("TOC011", "survey-mostly-dont-know", "warning", "judgement"),
    _structure("TOC012", "condition-unused", "warning"),
    _structure("TOC013", "intervention-unused", "warning"),
    _structure("TOC014", "actor-unused", "info"),
    _structure("TOC015", "rival-about-nothing", "warning"),
    _structure("TOC016", "link-between-interventions", "warning"),
    _structure("TOC017", "feedback-forward", "info"),
    _structure("TOC018", "survey-without-answers", "warning"),
    _structure("TOC019", "prior-certain", "warning"),
    *(Code(code, kind, ISSUE_SEVERITY[kind], "judgement") for kind, code in ISSUE_CODES.items()),
)
"""Every code, in code order (the order findings are listed in)."""

_BY_KEY: dict[str, Code] = {c.code: c for c in CODES} | {c.name: c for c in CODES}
_ORDER: dict[str, int] = {c.code: i for i, c in enumerate(CODES)}


def by_code(code: str) -> Code:
    """The `Code` of ``TOC001`` (a `KeyError` for an unknown code)."""
    found = _BY_KEY[code]
    if found.code != code:
        raise KeyError(code)
    return found


def resolve(word: str) -> Code | None:
    """The `Code` a code (``TOC006``, any case) or a name (``link-without-mechanism``) means.

    >>> resolve("toc006").name, resolve("cycle").code, resolve("nothing")
    ('link-without-mechanism', 'TOC002', None)
    """
    return _BY_KEY.get(word.upper() if word[:3].lower() == "toc" else word)


def order(code: str | None) -> int:
    """Position of a code in `CODES` (findings are listed in this order)."""
    return _ORDER.get(code or "", len(_ORDER))
