"""Mechanism assumptions, conditions, evidence and judgements.

Usable on its own: this package imports nothing from ``toc``.
"""

from mechanisms.errors import TocError
from mechanisms.evidence import summarize, survey_result
from mechanisms.judge import Thresholds, aggregate, judge, posterior, suggest, weigh
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
    "Thresholds",
    "TocError",
    "aggregate",
    "judge",
    "parse_link_ref",
    "posterior",
    "suggest",
    "summarize",
    "survey_result",
    "weigh",
]
