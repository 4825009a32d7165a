"""Mechanisms, conditions, rivals, evidence and judgements.

These are the parts of a theory of change that an evaluation *tests*. They are
plain pydantic models and know nothing of the document that holds them: ids
they mention (links, nodes, interventions) are checked by the document.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from mechanisms.types import (
    STRICT_CONFIG,
    AnyVerdict,
    Confidence,
    Count,
    FreeText,
    Id,
    IssueKind,
    PartialDate,
    Probability,
    Stance,
    TestType,
    Text,
    empty_list,
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
    "parse_link_ref",
]


def parse_link_ref(ref: str) -> tuple[str, str] | None:
    """Split a link reference ``"from->to"`` into its two node ids.

    >>> parse_link_ref("case-management->implementation")
    ('case-management', 'implementation')
    >>> parse_link_ref("no-arrow") is None
    True
    """
    head, sep, tail = ref.partition("->")
    if not sep or not head.strip() or not tail.strip() or "->" in tail:
        return None
    return head.strip(), tail.strip()


class _Model(BaseModel):
    model_config = STRICT_CONFIG


class Mechanism(_Model):
    """An assumption about *why* one or more links work (a change mechanism)."""

    id: Id
    """Unique id in the document."""
    title: Text
    """A short name, shown in legends and headings."""
    statement: FreeText | None = None
    """The assumption as the evaluation states it."""
    links: list[str] = empty_list()
    """The links it explains, as ``"from->to"``; the union with the links' own ``mechanisms``."""
    conditions: list[Id] = empty_list()
    """Ids of the conditions it depends on (the realist "context")."""
    prior: Probability | None = None
    """Prior confidence that it holds, for evidence-based suggestion (default 0.5)."""
    description: FreeText | None = None
    """Optional longer free text (Markdown)."""


class Condition(_Model):
    """A context factor or prerequisite that mechanisms depend on."""

    id: Id
    """Unique id in the document."""
    statement: Text
    """What must be in place."""
    description: FreeText | None = None
    """Optional longer free text (Markdown)."""


class Rival(_Model):
    """An alternative explanation competing for the same outcome or link."""

    id: Id
    """Unique id in the document."""
    statement: Text
    """The alternative explanation."""
    about: list[str] = empty_list()
    """Outcome node ids or ``"from->to"`` links it would also explain."""
    prior: Probability | None = None
    """Prior confidence that it holds (default 0.5)."""
    description: FreeText | None = None
    """Optional longer free text (Markdown)."""


class EvidenceItem(_Model):
    """Fields shared by every kind of evidence."""

    id: Id
    """Unique id in the document."""
    about: str
    """The one mechanism, condition, rival, node or ``"from->to"`` link it is about."""
    intervention: Id | None = None
    """The intervention it was collected in; absent = it counts for every intervention."""
    source: FreeText | None = None
    """Where it comes from (who, what document, which register)."""
    date: PartialDate | None = None
    """When it was collected."""
    summary: FreeText | None = None
    """What was observed, in the evaluator's words."""
    quotes: list[FreeText] = empty_list()
    """Verbatim quotes."""
    stance: Stance | None = None
    """Whether it supports or contradicts what it is about."""
    test: TestType | None = None
    """Process-tracing test type; gives default likelihoods."""
    p_if_true: Probability | None = None
    """P(evidence | what it is about holds); overrides the test's default."""
    p_if_false: Probability | None = None
    """P(evidence | what it is about does not hold); overrides the test's default."""
    observed: bool = True
    """False: the evidence was looked for and NOT found."""
    group: Id | None = None
    """Items of one group are not independent; the group counts once."""

    @model_validator(mode="after")
    def _likelihoods_complete(self) -> EvidenceItem:
        # Without a test type there is no default to fill the missing half.
        if self.test is None and (self.p_if_true is None) != (self.p_if_false is None):
            given = "p_if_true" if self.p_if_true is not None else "p_if_false"
            missing = "p_if_false" if given == "p_if_true" else "p_if_true"
            raise PydanticCustomError(
                "likelihood_alone",
                "{given} is given without {missing}: give both likelihoods, "
                "or a `test` type whose default fills the other",
                {"given": given, "missing": missing},
            )
        return self


class NarrativeEvidence(EvidenceItem):
    """Interviews, observation, documents, registers and other non-survey evidence."""

    kind: Literal[
        "interview", "focus_group", "observation", "document", "register", "indicator", "other"
    ]
    """What sort of evidence it is."""


class SurveyEvidence(EvidenceItem):
    """One survey question: answers counted per step of an ordered scale."""

    kind: Literal["survey"]
    """Always ``survey``."""
    question: Text
    """The question as asked."""
    scale: list[Text] = Field(min_length=2)
    """The answer steps, ordered low to high."""
    counts: list[Count]
    """The number of answers per scale step, in the order of ``scale``."""
    dont_know: Count = 0
    """Answers of "don't know": excluded from shares, reported beside them."""
    top: list[Text] | None = None
    """The scale steps that make the top group of the survey rule (default: the top step)."""

    # The scale and counts rules are field validators so that an error points
    # at the line of `scale` or `counts`, not at the start of the item.
    @field_validator("scale")
    @classmethod
    def _scale_steps_differ(cls, scale: list[str]) -> list[str]:
        if len(set(scale)) != len(scale):
            raise PydanticCustomError(
                "scale_repeats", "scale steps must be different from each other"
            )
        return scale

    @field_validator("counts")
    @classmethod
    def _counts_match_scale(cls, counts: list[int], info: ValidationInfo) -> list[int]:
        scale = info.data.get("scale")
        if scale is not None and len(counts) != len(scale):
            raise PydanticCustomError(
                "counts_scale",
                "{counts} counts for {steps} scale steps: give one count per scale step",
                {"counts": len(counts), "steps": len(scale)},
            )
        return counts

    @field_validator("top")
    @classmethod
    def _top_names_top_steps(cls, top: list[str] | None, info: ValidationInfo) -> list[str] | None:
        scale = info.data.get("scale")
        if top is None or scale is None:
            return top
        unknown = [t for t in top if t not in scale]
        if unknown:
            raise PydanticCustomError(
                "top_not_a_step",
                "{step} is not a step of scale {scale}",
                {"step": repr(unknown[0]), "scale": repr(scale)},
            )
        if not top:
            raise PydanticCustomError("top_empty", "name at least one scale step")
        wanted = scale[len(scale) - len(top) :]
        if sorted(top) != sorted(wanted):
            raise PydanticCustomError(
                "top_not_highest",
                "must name the highest steps of the scale, here {wanted} for {n} step(s)",
                {"wanted": repr(wanted), "n": len(top)},
            )
        return top

    def top_steps(self) -> list[int]:
        """Indexes of the scale steps in the survey rule's top group."""
        if not self.top:
            return [len(self.scale) - 1]
        return [i for i, step in enumerate(self.scale) if step in self.top]


Evidence = Annotated[SurveyEvidence | NarrativeEvidence, Field(discriminator="kind")]
"""Any evidence item; the ``kind`` field selects the model."""


class Judgement(_Model):
    """What the evaluator concluded about a mechanism, condition or rival."""

    id: Id | None = None
    """Optional unique id."""
    about: Id
    """The mechanism, condition or rival judged."""
    intervention: Id | None = None
    """The intervention judged; absent = across all interventions."""
    verdict: AnyVerdict
    """Mechanisms and rivals: held, partly_held, not_held, too_early, inconclusive;
    conditions: present, partly_present, absent, unknown."""
    confidence: Confidence | None = None
    """How sure the evaluator is."""
    rationale: FreeText | None = None
    """Why, in the evaluator's words."""
    evidence: list[Id] = empty_list()
    """Ids of the evidence items it rests on."""
    by: FreeText | None = None
    """Who judged."""
    date: PartialDate | None = None
    """When; the latest judgement of the same thing and intervention is the current one."""
    acknowledges: list[IssueKind] = empty_list()
    """Findings about this judgement that the evaluator accepts on purpose, by name
    (``verdict-conflict``, ``held-condition-absent``, ...): they are then reported as
    acknowledged information beside the rationale, not as errors or warnings.
    Needs a ``rationale`` that says why."""

    @model_validator(mode="after")
    def _acknowledged_with_reason(self) -> Judgement:
        if self.acknowledges and not (self.rationale or "").strip():
            raise PydanticCustomError(
                "acknowledged_without_rationale",
                "a judgement that acknowledges a finding needs a `rationale` saying why",
            )
        return self
