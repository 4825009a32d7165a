"""Mechanism assumptions, conditions, evidence and judgements.

Usable on its own: this package imports nothing from ``toc``.

- `mechanisms.model`: the models (mechanisms, conditions, rivals, evidence, judgements);
- `mechanisms.evidence`: evidence summaries and the survey rule;
- `mechanisms.bayes`: likelihoods, posteriors and suggested verdicts with robustness;
- `mechanisms.history`: which recorded judgement is current;
- `mechanisms.issues`: where the record and the evidence disagree;
- `mechanisms.judge`: all of it, per intervention, for a whole evaluation.
"""

from mechanisms.bayes import Thresholds, posterior, suggest, weigh
from mechanisms.evidence import summarize, survey_result
from mechanisms.history import Histories, history
from mechanisms.judge import aggregate, judge
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
    "Histories",
    "Judgement",
    "Mechanism",
    "NarrativeEvidence",
    "Rival",
    "SurveyEvidence",
    "Thresholds",
    "aggregate",
    "history",
    "judge",
    "parse_link_ref",
    "posterior",
    "suggest",
    "summarize",
    "survey_result",
    "weigh",
]
