"""Mechanism assumptions, conditions, evidence and judgements.

Usable on its own: this package imports nothing from ``toc``.
"""

from mechanisms.errors import TocError
from mechanisms.model import (
    Condition,
    Evidence,
    EvidenceItem,
    Judgement,
    Mechanism,
    NarrativeEvidence,
    Rival,
    SurveyEvidence,
    parse_link_ref,
)

__all__ = [
    "Condition",
    "Evidence",
    "EvidenceItem",
    "Judgement",
    "Mechanism",
    "NarrativeEvidence",
    "Rival",
    "SurveyEvidence",
    "TocError",
    "parse_link_ref",
]
