"""What ``toc judge`` prints: an assessment as text, Markdown or JSON.

Pure functions (`text_report`, `markdown_report`, `json_report`) over a
`toc.assessment.Assessment`, so the output can be tested without a terminal
and is byte-identical from run to run.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from mechanisms.evidence import SurveyResult
from mechanisms.judge import MechanismCell, MechanismResult
from toc.assessment import Assessment
from toc.consistency import verdict_name
from toc.i18n import format_number, format_percent, text
from toc.model import Document
from toc.quoting import markdown

__all__ = ["json_report", "markdown_report", "text_report"]


def json_report(result: Assessment) -> str:
    """The assessment as indented JSON (the `Assessment` model), newline-terminated."""
    return json.dumps(result.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


def _t(key: str, lang: str, **fields: object) -> str:
    return text(key, lang, **fields)


def _num(value: float | None, lang: str, digits: int = 2) -> str:
    return _t("judge.none", lang) if value is None else format_number(value, lang, digits)


def _pct(share: float, lang: str) -> str:
    return format_percent(share, lang)


def _md_head(lang: str, *columns: str) -> list[str]:
    """A Markdown table's header row from ``judge.col.*`` catalogue keys."""
    return [_md(_t("judge.col." + column, lang)) for column in columns]


def _verdict(value: str | None, lang: str) -> str:
    return verdict_name(value, lang)


def _column_name(result: Assessment, column: str | None) -> str:
    if column is None:
        return _t("judge.all", result.language)
    return result.names.get(column, column)


def _fragile(cell: MechanismCell) -> bool:
    robustness = cell.suggestion.robustness
    return robustness is not None and not robustness.stable


def _recorded_text(cell: MechanismCell, lang: str, columns: int = 2) -> str:
    out = _verdict(cell.recorded, lang)
    # With one intervention, a judgement across all interventions is its own.
    if cell.recorded is not None and cell.history.scope == "across" and columns > 1:
        out += "*"
    return out


def _suggested_text(cell: MechanismCell, lang: str) -> str:
    if cell.suggestion.verdict is None:
        return _t("judge.no_suggestion", lang)
    return _verdict(cell.suggestion.verdict, lang)


def _posterior_text(cell: MechanismCell, lang: str) -> str:
    out = _num(cell.suggestion.posterior, lang)
    return out + " !" if _fragile(cell) else out


def _table(rows: Sequence[Sequence[str]], indent: str = "  ") -> list[str]:
    """Left-aligned columns, two spaces apart; trailing spaces stripped."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        (indent + "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True))).rstrip()
        for row in rows
    ]


def _survey_line(survey: SurveyResult, lang: str) -> str:
    steps = " · ".join(
        f"{step} {_pct(share, lang)} ({count})"
        for step, share, count in zip(survey.scale, survey.shares, survey.counts, strict=True)
    )
    return (
        f"{survey.item}: {steps} · {_t('judge.col.answered', lang).lower()} {survey.answered}"
        f" · {_t('judge.col.dont_know', lang).lower()} {survey.dont_know}"
        f" · {_t('judge.colour.' + survey.colour, lang)}"
    )


def _condition_notes(result: Assessment, doc: Document, mechanism_id: str) -> str | None:
    lang = result.language
    mechanism = next(m for m in doc.mechanisms if m.id == mechanism_id)
    if not mechanism.conditions:
        return None
    parts = []
    for condition_id in mechanism.conditions:
        condition = next(c for c in result.conditions if c.id == condition_id)
        states = [(cell.intervention, cell.state) for cell in condition.cells]
        if len({s for _, s in states}) == 1:
            parts.append(f"{condition_id} {_verdict(states[0][1], lang)}")
        else:
            per = ", ".join(
                f"{_verdict(state, lang)} ({_column_name(result, column)})"
                for column, state in states
            )
            parts.append(f"{condition_id}: {per}")
    return _t("judge.detail.conditions", lang, items="; ".join(parts))


def _why_lines(cell: MechanismCell, lang: str) -> list[str]:
    suggestion = cell.suggestion
    lines = [_t("judge.detail.prior", lang, prior=_num(suggestion.prior, lang))]
    for unit in suggestion.units:
        name = unit.item if unit.id == unit.item else f"{unit.id} ({unit.item})"
        lines.append(
            _t(
                "judge.detail.unit",
                lang,
                unit=name,
                p_true=_num(unit.p_if_true, lang),
                p_false=_num(unit.p_if_false, lang),
                after=_num(unit.posterior_after, lang),
            )
        )
        if len(unit.members) > 1:
            lines.append(
                "  "
                + _t("judge.detail.group", lang, group=unit.id, item=unit.item)
                + ": "
                + ", ".join(unit.members)
            )
    for basis in ("narrative", "balanced"):
        items = [w.item for w in suggestion.weights if w.basis == basis]
        if items:
            lines.append(_t(f"judge.detail.{basis}", lang, items=", ".join(items)))
    return lines


def _robustness_lines(cell: MechanismCell, lang: str) -> list[str]:
    robustness = cell.suggestion.robustness
    if robustness is None:
        return []
    lines = []
    if robustness.prior_sensitive:
        lines.append(
            _t(
                "judge.detail.prior_sensitive",
                lang,
                low=_num(robustness.prior_low, lang),
                high=_num(robustness.prior_high, lang),
                v_low=_verdict(robustness.verdict_low, lang),
                v_high=_verdict(robustness.verdict_high, lang),
            )
        )
    for unit in cell.suggestion.units:
        if unit.pivotal:
            lines.append(
                _t(
                    "judge.detail.pivotal",
                    lang,
                    units=unit.id,
                    without=_verdict(unit.verdict_without, lang),
                )
            )
    return lines


def _history_lines(cell: MechanismCell, lang: str) -> list[str]:
    lines = []
    for dated in cell.history.earlier:
        j = dated.judgement
        lines.append(
            _t(
                "judge.detail.history",
                lang,
                verdict=_verdict(j.verdict, lang),
                date=j.date or _t("judge.undated", lang),
                by=f", {j.by}" if j.by else "",
            )
        )
    return lines


# -------------------------------------------------------------------- text


def _thresholds(result: Assessment) -> str:
    """The sentence naming the thresholds and the prior, in the report's language."""
    lang = result.language
    return _t(
        "judge.thresholds",
        lang,
        held=_num(result.thresholds.held, lang),
        not_held=_num(result.thresholds.not_held, lang),
        prior=_num(0.5, lang),
    )


def text_report(result: Assessment, doc: Document, *, why: bool = False) -> str:
    """The plain-text report `toc judge` prints (see the module docstring)."""
    lang = result.language
    out: list[str] = []
    out.append(_t("judge.title", lang, title=doc.title) + f" ({doc.id})")
    out.append(_thresholds(result))
    out.append("")
    out += _text_matrix(result, doc, why=why)
    out += _text_conditions(result)
    out += _text_rivals(result, doc)
    out += _text_outcomes(result)
    out += _text_findings(result)
    return "\n".join(out) + "\n"


def _heading(title: str) -> list[str]:
    return [title, "=" * len(title)]


def _text_matrix(result: Assessment, doc: Document, *, why: bool) -> list[str]:
    lang = result.language
    out = _heading(_t("judge.matrix", lang))
    out.append(_t("judge.matrix.note", lang))
    header = [
        _t("judge.col.intervention", lang),
        _t("judge.col.recorded", lang),
        _t("judge.col.suggested", lang),
        _t("judge.col.posterior", lang),
    ]
    for number, mechanism in enumerate(result.mechanisms, start=1):
        out.append("")
        out.append(f"M{number} {result.names.get(mechanism.id, mechanism.id)} ({mechanism.id})")
        out += _mechanism_rows(result, mechanism, header)
        notes = _condition_notes(result, doc, mechanism.id)
        if notes:
            out.append("  " + notes)
        out += _cell_notes(result, mechanism, why=why)
    out.append("")
    return out


def _mechanism_rows(result: Assessment, mechanism: MechanismResult, header: list[str]) -> list[str]:
    lang = result.language
    columns = len(result.interventions)
    rows = [header]
    for cell in mechanism.cells:
        if not cell.applies:
            rows.append(
                [
                    _column_name(result, cell.intervention),
                    _recorded_text(cell, lang, columns)
                    if cell.recorded
                    else _t("judge.none", lang),
                    _t("judge.none", lang),
                    "",
                ]
            )
            continue
        rows.append(
            [
                _column_name(result, cell.intervention),
                _recorded_text(cell, lang, columns),
                _suggested_text(cell, lang),
                _posterior_text(cell, lang),
            ]
        )
    if len(result.interventions) > 1:
        across = mechanism.across
        rows.append(
            [
                _t("judge.col.across", lang),
                _verdict(across.recorded, lang)
                + ("*" if across.recorded_source == "judgement" else ""),
                _verdict(across.suggested, lang),
                "",
            ]
        )
    return _table(rows, indent="  ")


def _cell_notes(result: Assessment, mechanism: MechanismResult, *, why: bool) -> list[str]:
    lang = result.language
    out = []
    for cell in mechanism.cells:
        lines = _robustness_lines(cell, lang) + _history_lines(cell, lang)
        if why and cell.applies:
            lines = _why_lines(cell, lang) + lines
        if not lines:
            continue
        out.append(f"  {_column_name(result, cell.intervention)}:")
        out += [f"    {line}" for line in lines]
    return out


def _text_conditions(result: Assessment) -> list[str]:
    lang = result.language
    if not result.conditions:
        return []
    out = _heading(_t("judge.conditions", lang))
    out.append(_t("judge.conditions.note", lang))
    for condition in result.conditions:
        out.append("")
        out.append(f"{condition.id}  {result.names.get(condition.id, condition.id)}")
        rows = [
            [
                _t("judge.col.intervention", lang),
                _t("judge.col.recorded", lang),
                _t("judge.col.survey", lang),
            ]
        ]
        for cell in condition.cells:
            rows.append(
                [
                    _column_name(result, cell.intervention),
                    _verdict(cell.recorded, lang)
                    + ("*" if cell.history.scope == "across" and len(condition.cells) > 1 else ""),
                    _verdict(cell.suggested, lang),
                ]
            )
        out += _table(rows)
        for cell in condition.cells:
            for survey in cell.surveys:
                out.append(
                    f"    {_column_name(result, cell.intervention)}: {_survey_line(survey, lang)}"
                )
    out.append("")
    return out


def _text_rivals(result: Assessment, doc: Document) -> list[str]:
    lang = result.language
    out = _heading(_t("judge.rivals", lang))
    if not result.rivals:
        return [*out, _t("judge.no_rivals", lang), ""]
    header = [
        _t("judge.col.intervention", lang),
        _t("judge.col.recorded", lang),
        _t("judge.col.suggested", lang),
        _t("judge.col.posterior", lang),
    ]
    for rival in result.rivals:
        out.append("")
        out.append(f"{rival.id}  {result.names.get(rival.id, rival.id)}")
        out += _mechanism_rows(result, rival, header)
        explains = _rival_targets(doc, rival.id)
        if explains:
            out.append(f"  {_t('judge.col.explains', lang)}: {explains}")
    out.append("")
    return out


def _rival_targets(doc: Document, rival_id: str) -> str:
    rival = next(r for r in doc.rivals if r.id == rival_id)
    return ", ".join(rival.about)


def _text_outcomes(result: Assessment) -> list[str]:
    lang = result.language
    out = _heading(_t("judge.outcomes", lang))
    for column in result.interventions:
        here = [o for o in result.outcomes if o.intervention == column]
        counts = {
            s: sum(1 for o in here if o.status == s) for s in ("supported", "at_risk", "unassessed")
        }
        prefix = (
            f"{_column_name(result, column)}: " if len(result.interventions) > 1 or column else ""
        )
        out.append(
            prefix
            + _t(
                "judge.support_summary",
                lang,
                n=len(here),
                supported=counts["supported"],
                at_risk=counts["at_risk"],
                unassessed=counts["unassessed"],
            )
        )
    at_risk = result.at_risk()
    if not at_risk:
        out.append(_t("judge.no_outcomes_at_risk", lang))
    else:
        rows = [
            [
                _t("judge.col.outcome", lang),
                _t("judge.col.intervention", lang),
                _t("judge.col.because", lang),
            ]
        ]
        for o in at_risk:
            rows.append(
                [
                    f"{result.names.get(o.node, o.node)} ({o.node})",
                    _column_name(result, o.intervention),
                    ", ".join(o.broken),
                ]
            )
        out += _table(rows)
    out.append("")
    return out


def _text_findings(result: Assessment) -> list[str]:
    lang = result.language
    out = _heading(_t("judge.findings", lang))
    if not result.findings:
        return [*out, _t("judge.no_findings", lang)]
    for f in result.findings:
        where = f"{f.line}:{f.column}" if f.line else "-"
        severity = _t(f"severity.{f.severity}", lang)
        out.append(f"  {where:>8}  {severity:<8} {f.code}  {f.message}")
        if f.hint:
            out.append(" " * 12 + "→ " + f.hint)
    return out


# ---------------------------------------------------------------- markdown


def _md(value: str) -> str:
    """User text made safe for a Markdown table cell: literal, on one line."""
    return markdown(value)


def _md_table(rows: Sequence[Sequence[str]]) -> list[str]:
    head, *body = rows
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in body]
    return lines


def markdown_report(result: Assessment, doc: Document) -> str:
    """The Markdown report of `toc judge --format md`: wide tables, text escaped."""
    lang = result.language
    out = [f"# {_md(_t('judge.title', lang, title=doc.title))}", ""]
    out.append(_md(_thresholds(result)))
    out += _md_matrix(result)
    out += _md_conditions(result)
    out += _md_rivals(result, doc)
    out += _md_outcomes(result)
    out += [f"## {_md(_t('judge.findings', lang))}", ""]
    if not result.findings:
        out.append(_md(_t("judge.no_findings", lang)))
    for f in result.findings:
        where = f" ({_t('judge.line', lang, line=f.line)})" if f.line else ""
        out.append(
            f"- **{f.code}** {_md(_t('severity.' + f.severity, lang))}{where}: {_md(f.message)}"
        )
    return "\n".join(out) + "\n"


def _md_matrix(result: Assessment) -> list[str]:
    lang = result.language
    out = ["", f"## {_md(_t('judge.matrix', lang))}", "", _md(_t("judge.matrix.note", lang)), ""]
    columns = list(result.interventions)
    head = [_md(_t("judge.col.mechanism", lang))]
    head += [_md(_column_name(result, c)) for c in columns]
    if len(columns) > 1:
        head.append(_md(_t("judge.col.across", lang)))
    rows = [head]
    for number, mechanism in enumerate(result.mechanisms, start=1):
        row = [f"M{number} {_md(result.names.get(mechanism.id, mechanism.id))}"]
        for cell in mechanism.cells:
            if not cell.applies and cell.recorded is None:
                row.append(_md(_t("judge.none", lang)))
                continue
            recorded = _md(_recorded_text(cell, lang, len(columns)))
            text = f"{recorded} / {_md(_suggested_text(cell, lang))}"
            if cell.applies and cell.suggestion.posterior is not None:
                text += f" ({_md(_posterior_text(cell, lang))})"
            if not cell.applies:
                text = f"{recorded} / {_md(_t('judge.none', lang))}"
            row.append(text)
        if len(columns) > 1:
            across = mechanism.across
            row.append(
                f"{_md(_verdict(across.recorded, lang))} / {_md(_verdict(across.suggested, lang))}"
            )
        rows.append(row)
    return [*out, *_md_table(rows), ""]


def _md_conditions(result: Assessment) -> list[str]:
    lang = result.language
    if not result.conditions:
        return []
    out = [
        f"## {_md(_t('judge.conditions', lang))}",
        "",
        _md(_t("judge.conditions.note", lang)),
        "",
    ]
    rows = [
        _md_head(
            lang,
            "condition",
            "intervention",
            "survey",
            "answered",
            "dont_know",
            "rule",
            "suggested",
            "recorded",
        )
    ]
    for condition in result.conditions:
        for place in condition.cells:
            base = [_md(condition.id), _md(_column_name(result, place.intervention))]
            recorded = _md(_verdict(place.recorded, lang))
            if not place.surveys:
                rows.append([*base, "", "", "", "", _md(_verdict(None, lang)), recorded])
            for survey in place.surveys:
                shares = " · ".join(
                    f"{_md(step)} {_md(_pct(share, lang))} ({count})"
                    for step, share, count in zip(
                        survey.scale, survey.shares, survey.counts, strict=True
                    )
                )
                rows.append(
                    [
                        *base,
                        shares,
                        str(survey.answered),
                        str(survey.dont_know),
                        _md(_t("judge.colour." + survey.colour, lang)),
                        _md(_verdict(survey.state, lang)),
                        recorded,
                    ]
                )
    return [*out, *_md_table(rows), ""]


def _md_rivals(result: Assessment, doc: Document) -> list[str]:
    lang = result.language
    out = [f"## {_md(_t('judge.rivals', lang))}", ""]
    if not result.rivals:
        return [*out, _md(_t("judge.no_rivals", lang)), ""]
    rows = [_md_head(lang, "rival", "intervention", "recorded", "suggested", "explains")]
    for rival in result.rivals:
        for cell in rival.cells:
            if not cell.applies and cell.recorded is None:
                continue
            rows.append(
                [
                    _md(result.names.get(rival.id, rival.id)),
                    _md(_column_name(result, cell.intervention)),
                    _md(_recorded_text(cell, lang, len(result.interventions))),
                    _md(_suggested_text(cell, lang)),
                    _md(_rival_targets(doc, rival.id)),
                ]
            )
    return [*out, *_md_table(rows), ""]


def _md_outcomes(result: Assessment) -> list[str]:
    lang = result.language
    out = [f"## {_md(_t('judge.outcomes', lang))}", ""]
    at_risk = result.at_risk()
    if not at_risk:
        return [*out, _md(_t("judge.no_outcomes_at_risk", lang)), ""]
    rows = [_md_head(lang, "outcome", "intervention", "because")]
    for o in at_risk:
        rows.append(
            [
                _md(result.names.get(o.node, o.node)),
                _md(_column_name(result, o.intervention)),
                _md(", ".join(o.broken)),
            ]
        )
    return [*out, *_md_table(rows), ""]
