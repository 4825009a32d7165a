"""What a report says, as plain frozen data: every heading, table, paragraph and bar.

`toc.report.content.build` fills these from a document and its
`toc.assessment.Assessment`; the HTML, Markdown, Word and PDF writers only lay
them out, so all formats say the same thing. A report is a sequence of
sections, each one of the types below; text from the document that may hold
Markdown is `toc.report.prose.Prose`, everything else is plain text. Nothing
here is escaped: each writer escapes for its own language
(`toc.quoting`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from toc.report.changes import ChangesSection
from toc.report.prose import Prose

__all__ = [
    "AUDIENCES",
    "Audience",
    "Background",
    "Bar",
    "BarSegment",
    "Caption",
    "Cell",
    "Changes",
    "Conclusions",
    "ConditionLine",
    "Contents",
    "EvidenceGroup",
    "EvidenceRow",
    "Findings",
    "Heading",
    "Indicators",
    "JudgementBlock",
    "JudgementRow",
    "LegendRow",
    "Logo",
    "MechanismSection",
    "Mechanisms",
    "Report",
    "Rivals",
    "Section",
    "Summary",
    "SurveyRow",
    "SurveyTable",
    "Surveys",
    "Table",
    "Theory",
    "TitlePage",
]

Audience = Literal["board", "evaluator"]
AUDIENCES: tuple[Audience, ...] = ("board", "evaluator")
"""``board``: the report a board reads (no ids, codes, places in the file or
posterior arithmetic); ``evaluator``: with the working material."""


@dataclass(frozen=True)
class Heading:
    """A section's heading: its anchor in HTML and its numbered text."""

    anchor: str
    """A fixed name (``s-mechanisms``, ``m-3``), never an id from the document."""
    text: str
    """``3. Hur har förändringsmekanismerna fungerat?``, ``Bilaga 1: …``."""


@dataclass(frozen=True)
class Caption:
    """A figure's or table's caption: ``Tabell 2: Insatserna``."""

    label: str
    """``Figur`` / ``Figure``, ``Tabell`` / ``Table``."""
    number: int
    text: str

    def __str__(self) -> str:
        return f"{self.label} {self.number}: {self.text}"


@dataclass(frozen=True)
class Cell:
    """One table cell: its text, and how to mark it.

    ``mark`` is a verdict or condition-state key (the cell takes that
    verdict's colour; the text always holds its symbol and word too), or
    ``support`` / ``weak`` for the survey rule. ``prose`` is set when the cell
    holds Markdown from the document; ``text`` is then its plain text.
    """

    text: str
    mark: str | None = None
    prose: Prose = ()
    numeric: bool = False


@dataclass(frozen=True)
class Table:
    """A table: header cells, rows of cells, a caption."""

    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    caption: Caption | None = None


@dataclass(frozen=True)
class Logo:
    """The title page's logo: a PNG or JPEG read from the document's folder."""

    data: bytes
    mime: Literal["image/png", "image/jpeg"]
    width: int
    """Width in pixels."""
    height: int


@dataclass(frozen=True)
class TitlePage:
    """The title page: title, subtitle, scope, the facts (client, evaluators, …), logo."""

    title: str
    subtitle: str | None
    scope: str | None
    """The intervention the report is limited to, as a sentence."""
    facts: tuple[tuple[str, str], ...]
    """(label, value) rows: client, evaluators, date, version, status."""
    logo: Logo | None
    key: Literal["title_page"] = "title_page"


@dataclass(frozen=True)
class Contents:
    """The table of contents: the headings of the sections after it."""

    heading: Heading
    entries: tuple[Heading, ...]
    key: Literal["contents"] = "contents"


@dataclass(frozen=True)
class Summary:
    """The summary the report opens with."""

    heading: Heading
    prose: Prose
    key: Literal["summary"] = "summary"


@dataclass(frozen=True)
class Background:
    """Background: the description, the interventions and the actors."""

    heading: Heading
    description: Prose
    interventions_heading: str
    interventions: Table | None
    actors_heading: str
    actors: Table | None
    key: Literal["background"] = "background"


@dataclass(frozen=True)
class LegendRow:
    """One verdict in the legend: its colour, symbol and word."""

    key: str
    symbol: str
    word: str
    colour: str
    """The diagram's colour of the verdict (``#rrggbb``)."""
    ink: str
    """Black or white, whichever reads on ``colour``."""


@dataclass(frozen=True)
class Theory:
    """The theory of change: the diagram (drawn by the writer) and its legend."""

    heading: Heading
    alt: str
    """The diagram's text alternative."""
    caption: Caption
    scope: str | None
    legend_heading: str
    legend_lead: str
    legend: tuple[LegendRow, ...]
    notes: tuple[str, ...]
    """What the marks beside a verdict mean (``*`` suggested, ``†`` across all)."""
    badges: tuple[tuple[str, str], ...]
    """The diagram's badges and the mechanisms they stand for: (``M1``, title)."""
    key: Literal["theory"] = "theory"


@dataclass(frozen=True)
class Changes:
    """What changed since a baseline version of the theory (``toc report --baseline``).

    The words come from `toc.report.changes.changes_section` (`toc.changes.diff`
    underneath); ``drawing`` draws the diff diagram.
    """

    heading: Heading
    intro: str
    groups: tuple[tuple[str, tuple[str, ...]], ...]
    """(heading, sentences) per group: boxes, arrows, mechanisms, verdicts, …"""
    caption: Caption
    alt: str
    drawing: ChangesSection = field(repr=False, compare=False)
    key: Literal["changes"] = "changes"


@dataclass(frozen=True)
class EvidenceRow:
    """One evidence item as the report shows it (never by its id)."""

    kind: str
    meta: str
    """Source, date, direction and survey answers, in one line."""
    summary: Prose
    quotes: tuple[str, ...]


@dataclass(frozen=True)
class EvidenceGroup:
    """The evidence about one mechanism for one intervention (or common to all)."""

    heading: str
    items: tuple[EvidenceRow, ...]


@dataclass(frozen=True)
class JudgementRow:
    """A recorded judgement."""

    verdict: str
    """The verdict's symbol and word: ``✓ höll``."""
    verdict_key: str
    confidence: str
    rationale: Prose
    by: str
    date: str


@dataclass(frozen=True)
class JudgementBlock:
    """The judgement of a mechanism for one intervention (or across all).

    ``history``, ``suggestion``, ``posterior``, ``robustness`` and
    ``conflict`` are the evaluator's working material: empty in a board report.
    """

    heading: str
    current: JudgementRow | None
    across: bool
    """The current judgement was made across all interventions."""
    history: tuple[JudgementRow, ...] = ()
    suggestion: str | None = None
    posterior: str | None = None
    robustness: str | None = None
    conflict: str | None = None


@dataclass(frozen=True)
class ConditionLine:
    """A condition a mechanism depends on, and its state per intervention."""

    statement: Prose
    states: str
    """``Integrationscoach: finns; Spira: finns delvis``, or empty."""


@dataclass(frozen=True)
class MechanismSection:
    """One mechanism assumption: statement, links, conditions, evidence, judgement."""

    heading: Heading
    id: str
    """The mechanism's id, for programs; no writer shows it."""
    badge: str
    """Its badge in the diagram: ``M3``."""
    title: str
    statement: Prose
    links: tuple[str, ...]
    conditions: tuple[ConditionLine, ...]
    evidence: tuple[EvidenceGroup, ...]
    judgements: tuple[JudgementBlock, ...]


@dataclass(frozen=True)
class Mechanisms:
    """The mechanism chapter: one section per mechanism, then the verdict matrix."""

    heading: Heading
    items: tuple[MechanismSection, ...]
    matrix_heading: Heading
    matrix_lead: str
    matrix: Table
    matrix_notes: tuple[str, ...]
    key: Literal["mechanisms"] = "mechanisms"


@dataclass(frozen=True)
class Rivals:
    """Rival explanations, and the outcomes at risk."""

    heading: Heading
    table: Table | None
    at_risk: tuple[str, ...]
    """Outcomes and links a rival that held also explains."""
    pathway_at_risk: tuple[str, ...]
    """Outcomes whose every pathway crosses a mechanism that did not hold."""
    key: Literal["rivals"] = "rivals"


@dataclass(frozen=True)
class Indicators:
    """The indicators of the outcomes, with their values and status."""

    heading: Heading
    table: Table | None
    key: Literal["indicators"] = "indicators"


@dataclass(frozen=True)
class Conclusions:
    """Conclusions and recommendations, the report's last chapter."""

    heading: Heading
    conclusions: Prose
    recommendations_heading: str
    recommendations: Prose
    key: Literal["conclusions"] = "conclusions"


@dataclass(frozen=True)
class SurveyRow:
    """One question of a survey: counts and shares per step and the rule's outcome."""

    question: str
    counts: tuple[int, ...]
    shares: tuple[str, ...]
    top: tuple[int, ...]
    """The steps the survey rule counts as its top."""
    dont_know: int
    answered: int
    rule: str | None
    rule_key: Literal["support", "weak"] | None


@dataclass(frozen=True)
class SurveyTable:
    """The questions of one survey that share one scale (one table of Bilaga 1)."""

    heading: str
    caption: Caption
    scale: tuple[str, ...]
    rows: tuple[SurveyRow, ...]


@dataclass(frozen=True)
class BarSegment:
    """One scale step of a survey bar."""

    step: str
    count: int
    share: float
    """Of those who answered (0..1)."""
    percent: str
    """The share as a percentage (no decimals)."""
    label: str
    """``percent``, or empty when the segment is too narrow to hold it."""
    colour: str
    ink: str


@dataclass(frozen=True)
class Bar:
    """One question's answers as a horizontal stacked bar."""

    question: str
    segments: tuple[BarSegment, ...]
    note: str
    """``13 svarade, 4 ”vet ej”``."""
    alt: str
    """The bar in words, for screen readers."""


@dataclass(frozen=True)
class Surveys:
    """Appendix: the survey tables and the distribution of the answers."""

    heading: Heading
    lead: str
    tables: tuple[SurveyTable, ...]
    bars_heading: str
    bars_caption: Caption | None
    bars: tuple[Bar, ...]
    key: Literal["surveys"] = "surveys"


@dataclass(frozen=True)
class Findings:
    """Appendix: the findings of the checks (the evaluator's report only)."""

    heading: Heading
    table: Table | None
    key: Literal["findings"] = "findings"


Section = (
    TitlePage
    | Contents
    | Summary
    | Background
    | Theory
    | Changes
    | Mechanisms
    | Rivals
    | Indicators
    | Conclusions
    | Surveys
    | Findings
)
"""One section of a report (``key`` names its kind, as in ``--sections``)."""


@dataclass(frozen=True)
class Report:
    """Everything a report says, in its language; writers only lay it out.

    ``t`` holds the fixed words (headings, column names) of the catalogue in
    the report's language, keyed without the ``report.`` prefix.
    """

    language: str
    audience: Audience
    title: str
    sections: tuple[Section, ...]
    t: dict[str, str] = field(repr=False)

    def section(self, key: str) -> Section | None:
        """The section of kind ``key`` (``"mechanisms"``), if the report has it."""
        return next((s for s in self.sections if s.key == key), None)
