"""The logframe: the logical framework matrix funders ask for, as an xlsx workbook.

One row per level, from the top: goal (impact), purpose (outcome), outputs,
activities, inputs. By default the long-term outcomes are the goal, the
medium-term the purpose, the short-term the outputs, the activities the
activities and the resources the inputs; `LEVELS` names the levels and
``levels`` (``{stage: level}``) maps a document's own stages.

Columns: level, narrative summary (the labels of the level's nodes),
indicators, baseline, target, latest value (values in the indicator's unit as
`toc.i18n.format_measure` writes them; the current reading is
`toc.indicators.latest`), means of verification (how each indicator is
measured and where its readings come from) and assumptions (the mechanisms on
the links that leave the level, and the conditions they depend on). Inside a
cell there is one line per node, indicator or assumption; the indicator columns
line up line by line. Export only: a logframe has too little in it to make a
theory of change.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence

from toc.errors import OptionError
from toc.files import check_references, write_atomic
from toc.i18n import format_measure, text
from toc.indicators import latest
from toc.interop.spreadsheet import SheetSpec, workbook_bytes
from toc.model import Document, Measurement

__all__ = [
    "DEFAULT_LEVELS",
    "LEVELS",
    "logframe_bytes",
    "logframe_rows",
    "parse_levels",
    "write_logframe",
]

LEVELS: tuple[str, ...] = ("goal", "purpose", "outputs", "activities", "inputs")
"""The logframe's levels, top row first."""

DEFAULT_LEVELS: Mapping[str, str] = {
    "long": "goal",
    "medium": "purpose",
    "short": "outputs",
    "activities": "activities",
    "resources": "inputs",
}
"""Stage → level for the five standard stages."""

COLUMNS: tuple[str, ...] = (
    "level",
    "summary",
    "indicators",
    "baseline",
    "target",
    "latest",
    "verification",
    "assumptions",
)


def parse_levels(pairs: Sequence[str], language: str = "en") -> dict[str, str]:
    """``STAGE=LEVEL`` pairs (``--level``) as a mapping; refused in ``language`` when malformed.

    >>> parse_levels(["long=goal", " medium = purpose "])
    {'long': 'goal', 'medium': 'purpose'}
    """
    levels: dict[str, str] = {}
    for pair in pairs:
        stage, sep, level = pair.partition("=")
        if not sep or not stage.strip() or not level.strip():
            raise OptionError(text("interop.option.level_pair", language, pair=pair))
        levels[stage.strip()] = level.strip()
    return levels


def _levels(doc: Document, levels: Mapping[str, str] | None) -> dict[str, str]:
    """Stage → level: the defaults for the standard stages, and ``levels``; refused
    (in the document's language) when a stage has none or a level is unknown."""
    language = doc.language
    mapping = {**{s: lv for s, lv in DEFAULT_LEVELS.items() if s in doc.stages}, **(levels or {})}
    for stage, level in mapping.items():
        if stage not in doc.stages:
            raise OptionError(
                text(
                    "interop.option.level_stage",
                    language,
                    stage=stage,
                    document=doc.id,
                    stages=", ".join(doc.stages),
                )
            )
        if level not in LEVELS:
            raise OptionError(
                text(
                    "interop.option.level_name",
                    language,
                    stage=stage,
                    level=level,
                    levels=", ".join(LEVELS),
                )
            )
    missing = [s for s in doc.stages if s not in mapping]
    if missing:
        raise OptionError(
            text(
                "interop.option.level_missing",
                language,
                stages=", ".join(map(repr, missing)),
                levels=", ".join(LEVELS),
            )
        )
    return mapping


def _value(measurement: Measurement | None, unit: str | None, language: str) -> str:
    if measurement is None:
        return "–"
    out = format_measure(measurement.value, unit, language)
    if measurement.date:
        out += f" ({measurement.date})"
    return out


def logframe_rows(doc: Document, levels: Mapping[str, str] | None = None) -> list[list[str]]:
    """The matrix as rows of text: one per level, columns as in `COLUMNS`.

    A document whose references no longer resolve (changed in code) is refused
    first with a located `toc.errors.DocumentError` (`toc.files.check_references`).

    >>> import toc
    >>> doc = toc.loads('''
    ... format: 1
    ... id: d
    ... title: D
    ... nodes: [{id: a, stage: activities, label: Coaching}, {id: b, stage: short, label: Trust}]
    ... links: [{from: a, to: b}]
    ... mechanisms: [{id: m, title: Relations carry it, links: ["a->b"]}]
    ... ''')
    >>> [row[:2] for row in logframe_rows(doc)][2:4]
    [['Outputs', '• Trust'], ['Activities', '• Coaching']]
    >>> logframe_rows(doc)[3][-1]
    '• M1 Relations carry it'
    """
    check_references(doc)
    language = doc.language
    mapping = _levels(doc, levels)
    level_of_node = {node.id: mapping[node.stage] for node in doc.nodes}
    numbers = {m.id: n for n, m in enumerate(doc.mechanisms, start=1)}
    mechanisms = {m.id: m for m in doc.mechanisms}
    conditions = {c.id: c for c in doc.conditions}
    explains = doc.explaining()
    rows = []
    for level in LEVELS:
        nodes = [n for n in doc.nodes if level_of_node[n.id] == level]
        summary = [f"• {n.label}" for n in nodes]
        indicators, baseline, target, current, verification = [], [], [], [], []
        for node in nodes:
            for indicator in node.indicators:
                unit = indicator.unit
                indicators.append(f"• {indicator.name}" + (f" ({unit})" if unit else ""))
                baseline.append(_value(indicator.baseline, unit, language))
                target.append(_value(indicator.target, unit, language))
                current.append(_value(latest(indicator), unit, language))
                sources = [m.source for m in indicator.actual if m.source]
                means = [indicator.method] if indicator.method else []
                means += [s for s in dict.fromkeys(sources) if s not in means]
                verification.append("; ".join(means) or "–")
        assumptions: list[str] = []
        seen: set[str] = set()
        for link in doc.links:
            if level_of_node[link.from_] != level or level_of_node[link.to] == level:
                continue
            for mechanism_id in explains.get(link.ref, []):
                if mechanism_id in seen:
                    continue
                seen.add(mechanism_id)
                mechanism = mechanisms[mechanism_id]
                line = f"• M{numbers[mechanism_id]} {mechanism.title}"
                if mechanism.statement:
                    line += f": {' '.join(mechanism.statement.split())}"
                assumptions.append(line)
                for condition_id in mechanism.conditions:
                    if condition_id not in seen:
                        seen.add(condition_id)
                        statement = " ".join(conditions[condition_id].statement.split())
                        assumptions.append(f"• {statement}")
        rows.append(
            [
                text(f"interop.logframe.level.{level}", language),
                "\n".join(summary),
                "\n".join(indicators),
                "\n".join(baseline),
                "\n".join(target),
                "\n".join(current),
                "\n".join(verification),
                "\n".join(assumptions),
            ]
        )
    return rows


_WIDTHS: Sequence[float] = (22, 48, 40, 16, 16, 16, 34, 56)


def logframe_bytes(doc: Document, levels: Mapping[str, str] | None = None) -> bytes:
    """The logframe as an xlsx workbook: a title row, a header row and one row per level."""
    language = doc.language
    spec = SheetSpec(
        text("interop.logframe.sheet", language),
        [text(f"interop.logframe.col.{c}", language) for c in COLUMNS],
        [[value or None for value in row] for row in logframe_rows(doc, levels)],
        widths=list(_WIDTHS),
        wrap=True,
        heights=True,
        freeze="B3",
        title=f"{text('interop.logframe.title', language)}: {doc.title}",
    )
    return workbook_bytes([spec])


def write_logframe(
    doc: Document, path: str | os.PathLike[str], levels: Mapping[str, str] | None = None
) -> None:
    """Write the logframe (``.xlsx``), atomically."""
    write_atomic(path, logframe_bytes(doc, levels))
