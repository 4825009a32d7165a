"""What ``toc diff`` prints: the changes between two versions as text or Markdown.

Pure functions over a `toc.changes.Changes`, so the output can be tested
without a terminal and is byte-identical from run to run:

- `text_spans`: the text output as pieces of ``(text, style)``, the style a
  rich style name (``"green"``, ``"bold"``…) or None; the command colours
  them on a terminal and prints their plain text elsewhere;
- `text_report`: the same text without styles;
- `markdown_report`: a heading per group, a list item per change, user text
  escaped (`toc.quoting.markdown`).

The JSON output is the `Changes` model itself (``docs/diff.schema.json``);
the report's section in words lives in `toc.report.changes`.
"""

from __future__ import annotations

import json
from typing import Any

from toc.changes import SECTIONS, Change, Changes, FieldChange
from toc.i18n import text
from toc.quoting import markdown as _escape
from toc.quoting import one_line as _one_line

__all__ = ["Span", "field_value", "markdown_report", "text_report", "text_spans"]

Span = tuple[str, str | None]
"""A piece of the text output and its style (a rich style name), or None for plain."""

_SIGN = {"added": "+", "removed": "-", "changed": "~", "renamed": "~"}
_STYLE = {"added": "green", "removed": "red", "changed": "yellow", "renamed": "yellow"}
# Free-text fields: shown old above new, each on a line of its own.
_PROSE = frozenset(
    {"statement", "description", "summary", "rationale", "question", "source"}
    | {"conclusions", "recommendations"}
)
# Reference lists compared as sets: shown as what joined and what left.
_SETS = frozenset({"interventions", "actors", "links", "conditions", "about", "mechanisms"})


def field_value(value: Any) -> str:
    """A field's value as the text output shows it: text quoted on one line, data as JSON.

    >>> field_value("two\\nlines"), field_value(None), field_value(0.5), field_value(["a", "b"])
    ('"two lines"', 'none', '0.5', '["a", "b"]')
    """
    if value is None:
        return "none"
    if isinstance(value, str):
        return json.dumps(_one_line(value), ensure_ascii=False)
    return json.dumps(value, ensure_ascii=False)


def _by_key(fields: list[FieldChange]) -> list[FieldChange]:
    """``fields`` with each field whose value is a mapping (the document's ``report``
    and ``checks``) shown key by key: one change per key that differs, named
    ``report.summary``, ``report.date`` and so on, in the new version's order.

    >>> old = FieldChange(field="report", old={"date": "2017-12", "version": "0.1"}, new=None)
    >>> [(f.field, f.old, f.new) for f in _by_key([old])]
    [('report.date', '2017-12', None), ('report.version', '0.1', None)]
    """
    out = []
    for change in fields:
        if not isinstance(change.old, dict) and not isinstance(change.new, dict):
            out.append(change)
            continue
        old = change.old if isinstance(change.old, dict) else {}
        new = change.new if isinstance(change.new, dict) else {}
        out += [
            FieldChange(field=f"{change.field}.{key}", old=old.get(key), new=new.get(key))
            for key in [*new, *(k for k in old if k not in new)]
            if old.get(key) != new.get(key)
        ]
    return out


def _joined_left(change: FieldChange) -> tuple[list[str], list[str]]:
    before = [str(v) for v in change.old] if isinstance(change.old, list) else []
    after = [str(v) for v in change.new] if isinstance(change.new, list) else []
    return [v for v in after if v not in before], [v for v in before if v not in after]


def _field_lines(change: FieldChange) -> list[Span]:
    """A changed field as lines of (text, style)."""
    if change.field in _SETS and isinstance(change.old, list) and isinstance(change.new, list):
        joined, left = _joined_left(change)
        parts = [f"+ {v}" for v in joined] + [f"- {v}" for v in left]
        return [(f"{change.field}: " + ", ".join(parts), None)]
    old, new = field_value(change.old), field_value(change.new)
    if change.field.rpartition(".")[2] in _PROSE or len(old) + len(new) > 70:
        return [(f"{change.field}:", None), (f"  - {old}", "red"), (f"  + {new}", "green")]
    return [(f"{change.field}: {old} → {new}", None)]


def _verdict(value: str | None) -> str:
    return value if value is not None else "none"


def _sections(verbose: bool) -> list[str]:
    return [s for s in SECTIONS if s != "evidence" or verbose]


def _moved(was_none: bool, now_none: bool) -> str:
    return "added" if was_none else "removed" if now_none else "changed"


def _count_detail(added: int, removed: int, changed: int) -> str:
    parts = [f"+{added}" if added else "", f"-{removed}" if removed else ""]
    parts.append(f"~{changed}" if changed else "")
    return "(" + " ".join(p for p in parts if p) + ")"


def _summary(changes: Changes, language: str) -> str:
    if changes.empty:
        return text("diff.same", language)
    return text("diff.summary", language, **changes.summary.model_dump())


class _Spans:
    """The text output being written, piece by piece."""

    def __init__(self) -> None:
        self.spans: list[Span] = []

    def add(self, content: str, style: str | None = None) -> None:
        self.spans.append((content, style))

    def line(self, indent: int, content: str, style: str | None = None) -> None:
        if indent:
            self.add(" " * indent)
        self.add(content, style)
        self.add("\n")

    def change(self, change: Change, language: str) -> None:
        sign, style = _SIGN[change.kind], _STYLE[change.kind]
        head = f"{sign} {change.old_id} → {change.id}" if change.old_id else f"{sign} {change.id}"
        extra = f"  ({change.parent})" if change.parent else ""
        self.line(2, f"{head}  {change.name}{extra}", style)
        for field in change.fields:
            for content, field_style in _field_lines(field):
                self.line(6, content, field_style)
        if change.follows:
            self.line(6, text("diff.follows", language))
            for followed in change.follows:
                self.line(8, f"{followed.old} → {followed.new}", "dim")


def text_spans(changes: Changes, language: str, verbose: bool = False) -> list[Span]:
    """The text output as ``(text, style)`` pieces: grouped, with ``+``/``-``/``~``.

    Joined, the pieces' text is `text_report`. Names and labels are shown on
    one line; control characters are left for the terminal writer to show
    (`toc.cli.terminal`).
    """
    out = _Spans()
    for sign, version in (("---", changes.old), ("+++", changes.new)):
        where = version.source or version.id
        out.add(f"{sign} {where}", "bold")
        out.add(f"  ({version.id}: {version.title})\n", "dim")
    if changes.document:
        out.line(0, "")
        out.line(0, text("diff.section.document", language), "bold")
        for field in _by_key(changes.document):
            for content, style in _field_lines(field):
                out.line(2, content, style)
    for section in _sections(verbose):
        items = changes.section(section)
        if not items:
            continue
        out.line(0, "")
        out.line(0, text(f"diff.section.{section}", language), "bold")
        for change in items:
            out.change(change, language)
    if changes.verdicts:
        out.line(0, "")
        out.line(0, text("diff.section.verdicts", language), "bold")
        for move in changes.verdicts:
            where = f" [{move.intervention}]" if move.intervention else ""
            kind = _moved(move.old is None, move.new is None)
            out.add(f"  {_SIGN[kind]} ", _STYLE[kind])
            out.add(f"{move.about}{where}  ")
            out.add(f"{_verdict(move.old)} → {_verdict(move.new)}", "bold")
            out.add(f"  {move.name}\n", "dim")
    if changes.evidence_counts:
        out.line(0, "")
        out.line(0, text("diff.section.evidence_counts", language), "bold")
        for count in changes.evidence_counts:
            detail = _count_detail(count.added, count.removed, count.changed)
            kind = _moved(count.old == 0, count.new == 0)
            out.add(f"  {_SIGN[kind]} ", _STYLE[kind])
            out.add(f"{count.about}  ")
            out.add(f"{count.old} → {count.new}", "bold")
            out.add(f"  {detail}  {count.name}\n", "dim")
    out.line(0, "")
    out.line(0, _summary(changes, language), "bold")
    return out.spans


def text_report(changes: Changes, language: str, verbose: bool = False) -> str:
    """The text output without styles, as ``toc diff`` prints it through a pipe.

    >>> import toc
    >>> box = "{format: 1, id: d, title: D, nodes: [{id: a, stage: activities, label: %s}]}"
    >>> old, new = toc.loads(box % "A"), toc.loads(box % "B")
    >>> print(text_report(toc.diff(old, new), "en"), end="")
    --- d  (d: D)
    +++ d  (d: D)
    <BLANKLINE>
    Boxes (nodes)
      ~ a  B
          label: "A" → "B"
    <BLANKLINE>
    0 added, 0 removed, 1 changed, 0 renamed, 0 verdicts moved
    """
    return "".join(content for content, _ in text_spans(changes, language, verbose))


def _code(value: str) -> str:
    # Ids and link references are slugs and "->": nothing to escape in a code span.
    return f"`{value}`"


def _fields_md(fields: list[FieldChange], indent: str) -> list[str]:
    lines = []
    for field in fields:
        if field.field in _SETS and isinstance(field.old, list):
            joined, left = _joined_left(field)
            parts = [f"+ {_code(v)}" for v in joined] + [f"− {_code(v)}" for v in left]
            lines.append(f"{indent}- {field.field}: " + ", ".join(parts))
        else:
            old, new = _escape(field_value(field.old)), _escape(field_value(field.new))
            lines.append(f"{indent}- {field.field}: {old} → {new}")
    return lines


def _change_md(change: Change) -> list[str]:
    sign = {"added": "+", "removed": "−"}.get(change.kind, "~")
    ident = _code(change.id)
    if change.old_id:
        ident = f"{_code(change.old_id)} → {ident}"
    parent = f" ({_code(change.parent)})" if change.parent else ""
    lines = [f"- **{sign}** {ident} {_escape(change.name)}{parent}"]
    lines += _fields_md(change.fields, "  ")
    lines += [f"  - {_code(f.old)} → {_code(f.new)}" for f in change.follows]
    return lines


def markdown_report(changes: Changes, language: str, verbose: bool = False) -> str:
    """The Markdown output: a heading per group, a list item per change; user text escaped."""

    def heading(key: str) -> list[str]:
        return [f"## {_escape(text(key, language))}", ""]

    lines = [f"# {_escape(text('diff.heading', language))}", ""]
    for sign, version in (("−", changes.old), ("+", changes.new)):
        where = _escape(version.source or version.id)
        lines.append(f"- {sign} {where}: {_escape(version.title)} ({_code(version.id)})")
    lines.append("")
    if changes.document:
        lines += heading("diff.section.document")
        lines += _fields_md(_by_key(changes.document), "")
        lines.append("")
    for section in _sections(verbose):
        items = changes.section(section)
        if not items:
            continue
        lines += heading(f"diff.section.{section}")
        for change in items:
            lines += _change_md(change)
        lines.append("")
    if changes.verdicts:
        lines += heading("diff.section.verdicts")
        lines += ["| | | |", "|---|---|---|"]
        for move in changes.verdicts:
            where = f" {_code(move.intervention)}" if move.intervention else ""
            lines.append(
                f"| {_code(move.about)}{where} | {_escape(move.name)} | "
                f"{_verdict(move.old)} → **{_verdict(move.new)}** |"
            )
        lines.append("")
    if changes.evidence_counts:
        lines += heading("diff.section.evidence_counts")
        for count in changes.evidence_counts:
            detail = _escape(_count_detail(count.added, count.removed, count.changed))
            numbers = f"{count.old} → **{count.new}** {detail}"
            lines.append(f"- {_code(count.about)} {_escape(count.name)}: {numbers}")
        lines.append("")
    lines.append(f"*{_escape(_summary(changes, language))}*")
    return "\n".join(lines) + "\n"
