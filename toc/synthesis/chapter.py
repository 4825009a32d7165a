"""A synthesis as a chapter, in Swedish or English: what the writers lay out.

`chapter` turns a `~toc.synthesis.model.Synthesis` into headings, paragraphs,
lists and tables of plain text in one language; `sheets` gives the flat tables
of the workbook. The writers (HTML, Word, Markdown, xlsx) only lay these out
and escape them for their language. Verdict cells carry their verdict, so the
writers can show the diagram's colour and symbol (`toc.diagram.theme`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar, Literal

from mechanisms.types import MECHANISM_VERDICTS
from toc.diagram.theme import DEFAULT, VERDICTS, marks
from toc.i18n import format_number, text
from toc.synthesis.model import (
    CmoRow,
    ConditionInCase,
    IndicatorInCase,
    Synthesis,
    TruthTable,
)

__all__ = [
    "Bullets",
    "Cell",
    "Chapter",
    "Para",
    "Section",
    "Subheading",
    "Table",
    "chapter",
    "language_of",
    "sheets",
    "verdict_mark",
]


@dataclass(frozen=True)
class Cell:
    """One table cell: lines of plain text, and the verdict that colours it."""

    lines: tuple[str, ...]
    verdict: str | None = None
    """A badge verdict: the writers show its colour (and the text holds its symbol)."""
    numeric: bool = False

    @property
    def text(self) -> str:
        """The lines joined on one line."""
        return "; ".join(self.lines)


def _cell(value: str, verdict: str | None = None, numeric: bool = False) -> Cell:
    return Cell((value,), verdict, numeric)


@dataclass(frozen=True)
class Table:
    """A table with a caption."""

    key: str
    """A short stable name (anchors, sheet names)."""
    caption: str
    header: list[str]
    rows: list[list[Cell]]
    sheet: str = ""
    """Its sheet name in the workbook."""
    kind: ClassVar[str] = "table"


@dataclass(frozen=True)
class Para:
    text: str
    kind: ClassVar[str] = "para"


@dataclass(frozen=True)
class Bullets:
    lead: str
    items: list[str]
    kind: ClassVar[str] = "bullets"


@dataclass(frozen=True)
class Subheading:
    id: str
    text: str
    kind: ClassVar[str] = "sub"


Block = Table | Para | Bullets | Subheading


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    blocks: list[Block] = field(default_factory=list)


@dataclass(frozen=True)
class Chapter:
    """The synthesis chapter: a title, a lead, numbered sections and the verdict legend."""

    language: Literal["sv", "en"]
    title: str
    lead: list[str]
    sections: list[Section]
    legend: list[tuple[str, str, str, str]]
    """Per verdict: ``(verdict, symbol, colour, word)`` in legend order."""


def language_of(result: Synthesis) -> Literal["sv", "en"]:
    """The chapter's default language: the cases' language if they all share one, else English.

    >>> from toc.synthesis.model import Matrix, Settings
    >>> language_of(Synthesis(cases=[], unmatched=[], cmo=[], truth_tables={}, mechanisms=[],
    ...     conditions=[], left_out=[], unused_map_entries=[], settings=Settings(),
    ...     matrix=Matrix(mechanisms=[], cases=[], cells=[])))
    'en'
    """
    languages = {case.language for case in result.cases}
    return languages.pop() if len(languages) == 1 else "en"


def verdict_mark(verdict: str, source: str | None, across: bool, language: str) -> str:
    """A verdict as a matrix cell shows it: symbol, word, * when suggested, † when across.

    >>> verdict_mark("held", "suggested", False, "sv")
    '✓ höll*'
    >>> verdict_mark("not_held", "recorded", True, "en")
    '✗ did not hold†'
    """
    symbol = DEFAULT.verdicts[verdict].symbol
    return f"{symbol} {text(f'verdict.{verdict}', language)}{marks(source, across)}"


def _number(value: float | None, language: str) -> str:
    return text("synth.none", language) if value is None else format_number(value, language, 2)


class _Words:
    def __init__(self, language: Literal["sv", "en"]) -> None:
        self.lang = language

    def __call__(self, key: str, **fields: object) -> str:
        return text(key, self.lang, **fields)

    def state(self, condition: ConditionInCase) -> str:
        state = (
            self(f"verdict.{condition.state}")
            if condition.state
            else self("synth.reason.not_assessed")
        )
        if condition.source == "survey":
            state += f" ({self('synth.survey')})"
        return f"{condition.statement}: {state}"

    def stance(self, stance: str) -> str:
        return self("synth.stance.unstated" if stance == "unstated" else f"report.stance.{stance}")

    def indicator(self, indicator: IndicatorInCase) -> str:
        return self(
            "synth.indicator",
            name=indicator.name,
            status=self(f"report.status.{indicator.status}"),
        )

    def evidence(self, row: CmoRow) -> list[str]:
        found = row.evidence
        if not found.count:
            return [self("synth.evidence.none")]
        stances = ", ".join(f"{n} {self.stance(s)}" for s, n in found.by_stance.items())
        lines = [self("synth.evidence", count=found.count, stances=stances)]
        if found.strongest_test:
            test = self(f"synth.test.{found.strongest_test}")
            lines.append(self("synth.evidence.strongest", test=test))
        return lines


def chapter(result: Synthesis, language: Literal["sv", "en"] | None = None) -> Chapter:
    """The synthesis chapter in ``language`` (default: `language_of`)."""
    lang: Literal["sv", "en"] = language or language_of(result)
    w = _Words(lang)
    names = {item.id: item.name for item in (*result.mechanisms, *result.conditions)}
    shared = sum(1 for m in result.mechanisms if len(m.local) > 1)
    documents = list(dict.fromkeys(case.document for case in result.cases))
    lead = [
        w(
            "synth.lead",
            evaluations=len(documents),
            cases=len(result.cases),
            mechanisms=len(result.mechanisms),
            shared=shared,
        )
    ]
    sections = [
        _sources(result, w),
        _matrix(result, w, names),
        _cmo(result, w, names),
        _truth(result, w, names),
        _unmatched(result, w),
    ]
    for number, section in enumerate(sections, start=1):
        sections[number - 1] = Section(section.id, f"{number}. {section.title}", section.blocks)
    legend = [
        (v, DEFAULT.verdicts[v].symbol, DEFAULT.verdicts[v].colour, w(f"verdict.{v}"))
        for v in VERDICTS
    ]
    return Chapter(lang, w("synth.title"), lead, sections, legend)


def _sources(result: Synthesis, w: _Words) -> Section:
    blocks: list[Block] = [Para(w("synth.sources.note"))]
    blocks.append(
        Table(
            "cases",
            w("synth.sources"),
            [w("synth.col.case"), w("synth.col.evaluation"), w("synth.col.name")],
            [[_cell(c.id), _cell(c.document_title), _cell(c.name)] for c in result.cases],
            w("synth.sheet.cases"),
        )
    )
    if result.settings.map:
        blocks.append(Para(w("synth.map", file=result.settings.map)))
    else:
        blocks.append(Para(w("synth.no_map")))
    if result.unused_map_entries:
        blocks.append(Para(w("synth.unused", items=", ".join(result.unused_map_entries))))
    unreadable = [left for left in result.left_out if left.reason == "unreadable"]
    if unreadable:
        blocks.append(
            Bullets(
                w("synth.left_out"),
                [
                    f"{left.source}: {left.problems[0].message if left.problems else ''}"
                    for left in unreadable
                ],
            )
        )
    duplicates = [left.source for left in result.left_out if left.reason == "duplicate"]
    if duplicates:
        blocks.append(Bullets(w("synth.duplicates"), duplicates))
    return Section("sources", w("synth.sources"), blocks)


def _matrix(result: Synthesis, w: _Words, names: dict[str, str]) -> Section:
    table = _matrix_table(result, w, names)
    return Section("matrix", w("synth.matrix"), [Para(w("synth.matrix.note")), table])


def _matrix_table(result: Synthesis, w: _Words, names: dict[str, str]) -> Table:
    cells = {(c.mechanism, c.case): c for c in result.matrix.cells}
    rows = []
    for mechanism in result.matrix.mechanisms:
        row = [_cell(f"{mechanism}: {names[mechanism]}")]
        for case in result.matrix.cases:
            found = cells.get((mechanism, case))
            if found is None:
                row.append(_cell(""))
            else:
                mark = verdict_mark(found.verdict, found.source, found.across, w.lang)
                row.append(_cell(mark, found.verdict))
        rows.append(row)
    return Table(
        "matrix",
        w("synth.matrix"),
        [w("synth.col.mechanism"), *result.matrix.cases],
        rows,
        w("synth.sheet.matrix"),
    )


def _cmo_cells(row: CmoRow, w: _Words) -> list[Cell]:
    context = tuple(w.state(c) for c in row.conditions) or (w("synth.none"),)
    outcomes = []
    for outcome in row.outcomes:
        line = outcome.label
        if outcome.support:
            line += f" ({w(f'judge.support.{outcome.support}')})"
        outcomes.append(line)
        outcomes.extend(f"– {w.indicator(i)}" for i in outcome.indicators)
    rivals = tuple(
        f"{r.statement} ({w(f'verdict.{r.verdict}')}"
        + (f", {w('synth.source.suggested')})" if r.source == "suggested" else ")")
        for r in row.rivals
    )
    return [
        Cell(context),
        _cell(verdict_mark(row.verdict, row.source, row.across, w.lang), row.verdict),
        Cell(tuple(outcomes) or (w("synth.none"),)),
        Cell(tuple(w.evidence(row))),
        Cell(rivals or (w("synth.none"),)),
    ]


def _cmo(result: Synthesis, w: _Words, names: dict[str, str]) -> Section:
    blocks: list[Block] = [Para(w("synth.cmo.note"))]
    header = [
        w("synth.col.case"),
        w("synth.col.context"),
        w("synth.col.verdict"),
        w("synth.col.outcomes"),
        w("synth.col.evidence"),
        w("synth.col.rivals"),
    ]
    for mechanism in result.mechanisms:
        rows = [[_cell(r.case), *_cmo_cells(r, w)] for r in result.rows(mechanism.id)]
        title = f"{mechanism.id}: {names[mechanism.id]}"
        blocks.append(Subheading(f"cmo-{mechanism.id}", title))
        blocks.append(Table(f"cmo-{mechanism.id}", title, header, rows))
    return Section("cmo", w("synth.cmo"), blocks)


def _truth_rows(table: TruthTable, w: _Words) -> list[list[Cell]]:
    rows = []
    for row in table.rows:
        verdict = {"1": "held", "0": "not_held"}.get(row.outcome)
        rows.append(
            [
                *(_cell(str(row.values[c]), numeric=True) for c in table.conditions),
                _cell(row.outcome, verdict),
                _cell(str(row.n), numeric=True),
                _cell(_number(row.consistency, w.lang), numeric=True),
                _cell(", ".join(row.cases)),
            ]
        )
    return rows


def _truth_note(result: Synthesis, w: _Words) -> str:
    settings = result.settings
    return w(
        "synth.truth.note",
        partly=w(f"synth.partly.{settings.partly}"),
        states=w(
            "synth.states",
            partly_present=w(f"synth.coding.{settings.partly_present}"),
            unknown=w(f"synth.coding.{settings.unknown}"),
        ),
    )


def _truth(result: Synthesis, w: _Words, names: dict[str, str]) -> Section:
    blocks: list[Block] = [Para(_truth_note(result, w))]
    for mechanism in result.mechanisms:
        table = result.truth_tables[mechanism.id]
        blocks.append(Subheading(f"truth-{mechanism.id}", f"{mechanism.id}: {names[mechanism.id]}"))
        if table.conditions:
            blocks.append(
                Bullets(
                    w("synth.truth.conditions"),
                    [f"{c}: {names.get(c, c)}" for c in table.conditions],
                )
            )
        if table.data:
            header = [
                *table.conditions,
                w("synth.col.outcome"),
                w("synth.col.n"),
                w("synth.col.consistency"),
                w("synth.col.cases"),
            ]
            blocks.append(
                Table(
                    f"truth-{mechanism.id}",
                    f"{mechanism.id}: {names[mechanism.id]}",
                    header,
                    _truth_rows(table, w),
                    w("synth.sheet.truth", id=mechanism.id),
                )
            )
            if table.remainders and not any(r.outcome == "?" for r in table.rows):
                blocks.append(Para(w("synth.truth.remainders", n=table.remainders)))
            if table.conditions:
                blocks.append(
                    Table(
                        f"fit-{mechanism.id}",
                        w("synth.truth.fit"),
                        [
                            w("synth.col.condition"),
                            w("synth.col.present"),
                            w("synth.col.both"),
                            w("synth.col.consistency"),
                            w("synth.col.coverage"),
                        ],
                        [
                            [
                                _cell(f.condition),
                                _cell(str(f.present), numeric=True),
                                _cell(str(f.both), numeric=True),
                                _cell(_number(f.consistency, w.lang), numeric=True),
                                _cell(_number(f.coverage, w.lang), numeric=True),
                            ]
                            for f in table.fit
                        ],
                    )
                )
                blocks.append(Para(w("synth.truth.fit.note")))
        else:
            blocks.append(Para(w("synth.truth.empty")))
        if table.excluded:
            blocks.append(
                Bullets(
                    w("synth.truth.excluded"),
                    [f"{e.case}: {_verdict_word(e.verdict, w)}" for e in table.excluded],
                )
            )
        if table.undecided:
            blocks.append(
                Bullets(
                    w("synth.truth.undecided"),
                    [
                        f"{u.case}: {u.condition} ({w(f'synth.reason.{u.reason}')})"
                        for u in table.undecided
                    ],
                )
            )
        if table.from_survey:
            blocks.append(Para(w("synth.truth.survey", items=", ".join(table.from_survey))))
    return Section("truth", w("synth.truth"), blocks)


def _verdict_word(verdict: str, w: _Words) -> str:
    return w(f"verdict.{verdict}") if verdict in (*MECHANISM_VERDICTS, "unassessed") else verdict


def _unmatched(result: Synthesis, w: _Words) -> Section:
    if not result.unmatched:
        return Section("unmatched", w("synth.unmatched"), [Para(w("synth.unmatched.none"))])
    table = Table(
        "unmatched",
        w("synth.unmatched"),
        [w("synth.col.kind"), w("synth.col.id"), w("synth.col.evaluation"), w("synth.col.local")],
        [
            [_cell(w(f"synth.kind.{u.kind}")), _cell(u.id), _cell(u.document), _cell(u.local)]
            for u in result.unmatched
        ],
        w("synth.sheet.unmatched"),
    )
    return Section("unmatched", w("synth.unmatched"), [table])


# --------------------------------------------------------------- workbook


def sheets(result: Synthesis, language: Literal["sv", "en"] | None = None) -> list[Table]:
    """The workbook's tables, one sheet each: cases, matrix, CMO (every mechanism),
    condition fit, left-out cases, unmatched ids, and one truth table per mechanism."""
    lang: Literal["sv", "en"] = language or language_of(result)
    w = _Words(lang)
    names = {item.id: item.name for item in (*result.mechanisms, *result.conditions)}
    return [
        _cases_sheet(result, w),
        _matrix_table(result, w, names),
        _cmo_sheet(result, w),
        _fit_sheet(result, w, names),
        _left_out_sheet(result, w),
        _unmatched_sheet(result, w),
        *(_truth_sheet(result, w, names, mechanism.id) for mechanism in result.mechanisms),
    ]


def _cases_sheet(result: Synthesis, w: _Words) -> Table:
    """The cases: an intervention of one evaluation (or a whole evaluation) per row."""
    return Table(
        "cases",
        w("synth.sources"),
        [w("synth.col.case"), w("synth.col.evaluation"), w("synth.col.name")],
        [[_cell(c.id), _cell(c.document_title), _cell(c.name)] for c in result.cases],
        w("synth.sheet.cases"),
    )


def _cmo_sheet(result: Synthesis, w: _Words) -> Table:
    """Every CMO row, with the evidence counted by stance."""
    cmo_rows = []
    for row in result.cmo:
        cells = _cmo_cells(row, w)
        cmo_rows.append(
            [
                _cell(row.case),
                _cell(row.mechanism),
                _cell(row.title),
                cells[0],
                cells[1],
                _cell(w(f"verdict.{row.recorded}") if row.recorded else w("synth.none")),
                cells[2],
                _cell(str(row.evidence.count), numeric=True),
                *(
                    _cell(str(row.evidence.by_stance.get(s, 0)), numeric=True)
                    for s in ("supports", "contradicts", "mixed", "neutral", "unstated")
                ),
                _cell(
                    w(f"synth.test.{row.evidence.strongest_test}")
                    if row.evidence.strongest_test
                    else w("synth.none")
                ),
                cells[4],
            ]
        )
    stance_words = [
        w(f"report.stance.{s}") for s in ("supports", "contradicts", "mixed", "neutral")
    ] + [w("synth.stance.unstated")]
    return Table(
        "cmo",
        w("synth.cmo"),
        [
            w("synth.col.case"),
            w("synth.col.mechanism"),
            w("synth.col.mechanism"),
            w("synth.col.context"),
            w("synth.col.verdict"),
            w("synth.col.recorded"),
            w("synth.col.outcomes"),
            w("synth.col.evidence"),
            *stance_words,
            w("synth.col.strongest"),
            w("synth.col.rivals"),
        ],
        cmo_rows,
        w("synth.sheet.cmo"),
    )


def _fit_sheet(result: Synthesis, w: _Words, names: dict[str, str]) -> Table:
    """How well each condition fits each mechanism's outcome: consistency and coverage."""
    fit_rows = []
    for mechanism in result.mechanisms:
        for f in result.truth_tables[mechanism.id].fit:
            fit_rows.append(
                [
                    _cell(mechanism.id),
                    _cell(f.condition),
                    _cell(names.get(f.condition, f.condition)),
                    _cell(str(f.present), numeric=True),
                    _cell(str(f.held), numeric=True),
                    _cell(str(f.both), numeric=True),
                    _cell(_number(f.consistency, w.lang), numeric=True),
                    _cell(_number(f.coverage, w.lang), numeric=True),
                ]
            )
    return Table(
        "fit",
        w("synth.truth.fit"),
        [
            w("synth.col.mechanism"),
            w("synth.col.condition"),
            w("synth.col.condition"),
            w("synth.col.present"),
            w("synth.col.held"),
            w("synth.col.both"),
            w("synth.col.consistency"),
            w("synth.col.coverage"),
        ],
        fit_rows,
        w("synth.sheet.fit"),
    )


def _left_out_sheet(result: Synthesis, w: _Words) -> Table:
    """The cases each truth table leaves out: excluded verdicts, undecided conditions."""
    left_rows = []
    for mechanism in result.mechanisms:
        table = result.truth_tables[mechanism.id]
        for e in table.excluded:
            left_rows.append(
                [_cell(mechanism.id), _cell(e.case), _cell(""), _cell(_verdict_word(e.verdict, w))]
            )
        for u in table.undecided:
            left_rows.append(
                [
                    _cell(mechanism.id),
                    _cell(u.case),
                    _cell(u.condition),
                    _cell(w(f"synth.reason.{u.reason}")),
                ]
            )
    return Table(
        "left-out",
        w("synth.sheet.left_out"),
        [
            w("synth.col.mechanism"),
            w("synth.col.case"),
            w("synth.col.condition"),
            w("synth.col.reason"),
        ],
        left_rows,
        w("synth.sheet.left_out"),
    )


def _unmatched_sheet(result: Synthesis, w: _Words) -> Table:
    """The ids the map did not match across evaluations."""
    return Table(
        "unmatched",
        w("synth.unmatched"),
        [
            w("synth.col.kind"),
            w("synth.col.id"),
            w("synth.col.evaluation"),
            w("synth.col.local"),
        ],
        [
            [_cell(w(f"synth.kind.{u.kind}")), _cell(u.id), _cell(u.document), _cell(u.local)]
            for u in result.unmatched
        ],
        w("synth.sheet.unmatched"),
    )


def _truth_sheet(result: Synthesis, w: _Words, names: dict[str, str], mechanism: str) -> Table:
    """One mechanism's truth table."""
    table = result.truth_tables[mechanism]
    return Table(
        f"truth-{mechanism}",
        f"{mechanism}: {names[mechanism]}",
        [
            *table.conditions,
            w("synth.col.outcome"),
            w("synth.col.n"),
            w("synth.col.consistency"),
            w("synth.col.cases"),
        ],
        _truth_rows(table, w),
        w("synth.sheet.truth", id=mechanism),
    )
