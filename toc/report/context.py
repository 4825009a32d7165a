"""What every section builder reads: the document indexed once, the words, the counters.

`Context` is made once per report by `toc.report.content.build`. It indexes
the document (evidence by what it is about, judgement histories, labels) so
that each builder's lookups are dictionary accesses and the whole report is
built in time linear in the document's size.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import toc.diagram.theme as theme
from mechanisms.history import Histories
from mechanisms.model import Condition, EvidenceItem, Judgement
from mechanisms.types import MECHANISM_VERDICTS as MECHANISM_VERDICT_NAMES
from toc.assessment import Assessment, BadgeCell
from toc.diagram.theme import DEFAULT as THEME
from toc.diagram.theme import text_colour
from toc.i18n import CATALOGUE, format_date, text
from toc.model import Document, Node
from toc.report.model import Audience, Caption, LegendRow

__all__ = [
    "ACROSS_MARK",
    "MECHANISM_VERDICTS",
    "SUGGESTED_MARK",
    "Context",
    "verdict_colour",
    "verdict_symbol",
    "words",
]

# The marks beside a verdict, and the verdicts in reading order: the diagram's and the
# vocabulary's own (one home each), named here for the report's builders.
SUGGESTED_MARK = theme.SUGGESTED_MARK
ACROSS_MARK = theme.ACROSS_MARK
MECHANISM_VERDICTS = MECHANISM_VERDICT_NAMES

# A condition's state takes the colour and symbol of the verdict it corresponds to.
_STATE_AS_VERDICT = {
    "present": "held",
    "partly_present": "partly_held",
    "absent": "not_held",
    "unknown": "unassessed",
}


def _style_key(key: str) -> str:
    return _STATE_AS_VERDICT.get(key, key)


def verdict_colour(key: str) -> str:
    """The diagram's colour of a verdict or condition state (Okabe–Ito, `toc.diagram.theme`).

    >>> verdict_colour("held"), verdict_colour("present")
    ('#0072B2', '#0072B2')
    """
    return THEME.verdicts[_style_key(key)].colour


def verdict_symbol(key: str) -> str:
    """The diagram's symbol of a verdict or condition state, so it reads without colour.

    >>> verdict_symbol("partly_held"), verdict_symbol("absent")
    ('◐', '✗')
    """
    return THEME.verdicts[_style_key(key)].symbol


def words(language: str) -> dict[str, str]:
    """The fixed report words in ``language``, keyed without the ``report.`` prefix."""
    return {
        key.removeprefix("report."): text(key, language)
        for key in CATALOGUE
        if key.startswith("report.") and "{" not in CATALOGUE[key]["en"]
    }


@dataclass
class Context:
    """One report's inputs, indexed once; builders read it and number captions through it."""

    doc: Document
    assessment: Assessment
    language: str
    audience: Audience
    intervention: str | None
    t: dict[str, str]
    histories: Histories = field(init=False)
    evidence: dict[str, list[EvidenceItem]] = field(init=False)
    names: dict[str, str] = field(init=False)
    """Intervention id → name."""
    conditions: dict[str, Condition] = field(init=False)
    columns: list[str | None] = field(init=False)
    """The interventions reported on (one, all of them, or [None] without any)."""
    tables: int = 0
    figures: int = 0

    def __post_init__(self) -> None:
        self.histories = Histories(self.doc.judgements)
        self.evidence = {}
        for item in self.doc.evidence:
            if self.in_scope(item.intervention):
                self.evidence.setdefault(item.about, []).append(item)
        self.names = {i.id: " ".join(i.name.split()) for i in self.doc.interventions}
        self.conditions = {c.id: c for c in self.doc.conditions}
        scope = [self.intervention] if self.intervention else list(self.names)
        self.columns = list(scope) if scope else [None]

    @property
    def board(self) -> bool:
        """A report for the board: without the working material."""
        return self.audience == "board"

    # ------------------------------------------------------------- scope

    def in_scope(self, intervention: str | None) -> bool:
        """Whether something of ``intervention`` (None: common to all) belongs in the report."""
        return (
            self.intervention is None or intervention is None or intervention == self.intervention
        )

    def node_in_scope(self, node: Node) -> bool:
        """Whether a node belongs to the intervention reported on (common nodes do)."""
        return (
            self.intervention is None
            or not node.interventions
            or self.intervention in node.interventions
        )

    def applies(self, target: str) -> bool:
        """Whether a mechanism or rival applies to the intervention reported on."""
        if self.intervention is None:
            return True
        return self.assessment.cell(target, self.intervention).applies

    # ------------------------------------------------------------- words

    def word(self, prefix: str, key: str | None) -> str:
        """A vocabulary word: ``verdict.held`` → ``höll``; None → the no-value dash."""
        if key is None:
            return self.t["no_value"]
        if prefix == "verdict":
            return text(f"verdict.{key}", self.language)
        return self.t.get(f"{prefix}.{key}", key)

    def verdict(self, key: str) -> str:
        """A verdict with its symbol: ``✓ höll``."""
        return f"{verdict_symbol(key)} {self.word('verdict', key)}"

    def date(self, value: str | None) -> str:
        """A date of the document as the reader writes it (``december 2018``)."""
        return format_date(value, self.language) if value else ""

    def label(self, ref: str) -> str:
        """What a reader calls a node or a link (``A → B``): its labels, never its ids."""
        if "->" in ref:
            head, _, tail = ref.partition("->")
            return f"{self._node_label(head.strip())} → {self._node_label(tail.strip())}"
        return self._node_label(ref)

    def _node_label(self, node_id: str) -> str:
        item = self.doc.get(node_id)
        return " ".join(item.label.split()) if isinstance(item, Node) else node_id

    def column_name(self, column: str | None) -> str:
        """An intervention's name; "all interventions" for None."""
        return self.names[column] if column is not None else self.t["across"]

    def caption(self, kind: str, caption_text: str) -> Caption:
        """The next table's or figure's caption (``kind`` is ``table`` or ``figure``)."""
        if kind == "table":
            self.tables += 1
            return Caption(self.t["caption.table"], self.tables, caption_text)
        self.figures += 1
        return Caption(self.t["caption.figure"], self.figures, caption_text)

    # ----------------------------------------------------------- verdicts

    def current(self, about: str, column: str | None) -> Judgement | None:
        """The current recorded judgement of ``about`` in ``column`` (else across all)."""
        found = self.histories.of(about, column).current
        return found.judgement if found else None

    def badge_text(self, cell: BadgeCell) -> str:
        """A badge cell's verdict in words, marked as the diagram marks it."""
        return self.verdict(cell.verdict) + theme.marks(cell.source, cell.across)

    def legend(self, keys: Iterable[str]) -> tuple[LegendRow, ...]:
        """Legend rows for some verdicts, in the diagram's colours."""
        return tuple(
            LegendRow(
                key=key,
                symbol=verdict_symbol(key),
                word=self.word("verdict", key),
                colour=verdict_colour(key),
                ink=text_colour(verdict_colour(key)),
            )
            for key in keys
        )
