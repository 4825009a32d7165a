"""The report's section on what changed since a baseline version of the theory of change.

`changes_section` turns the result of `toc.changes.diff` into the section
"Förändringar i förändringsteorin" / "Changes to the theory of change": an
introduction, then groups of sentences in the report's language — new and
removed boxes, arrows, mechanism assumptions, conditions; what changed in
each; how the evidence grew; how the current verdicts moved — naming every
element by its label, title or statement, never by its id (a board report
shows none). `ChangesSection.diagram` draws the diff diagram for it.

A box that only got a new id is the same box to a reader: it is left out, and
so are changes to the document's check and report settings, which are not the
theory's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from mechanisms.model import parse_link_ref
from toc.assessment import Assessment
from toc.changes import SECTIONS, Change, Changes, FieldChange, diff, draw_diff
from toc.diagram.view import heading
from toc.i18n import format_number, text
from toc.model import Document
from toc.quoting import one_line as _one_line
from toc.report.diagram import PRINT_DPI, without_names

__all__ = ["ChangeGroup", "ChangesSection", "changes_section"]

_PROSE_FIELDS = frozenset({"statement"})
"""Fields whose new text the sentence quotes (the assumption as now worded)."""
_NAME_FIELDS = {"nodes": "label", "mechanisms": "title", "interventions": "name"}
_NAME_FIELDS |= {"conditions": "statement", "rivals": "statement", "actors": "name"}
_NAME_FIELDS |= {"indicators": "name"}


@dataclass(frozen=True)
class ChangeGroup:
    """One group of the section: a heading and one sentence per change."""

    heading: str
    items: tuple[str, ...]


@dataclass(frozen=True)
class ChangesSection:
    """The section's content, in the report's language, without ids.

    ``diagram`` draws the new version with the changes marked, as SVG (for
    HTML, Markdown and PDF; without Graphviz's element names, which are ids)
    or PNG (for Word, at print resolution).
    """

    heading: str
    """"Förändringar i förändringsteorin" / "Changes to the theory of change"."""
    intro: str
    """The opening paragraph: what is compared, and how much changed."""
    groups: tuple[ChangeGroup, ...]
    """The changes, group by group, each sentence naming what it is about."""
    caption: str
    """The diagram's caption."""
    language: str
    """The report's language."""
    old: Document = field(repr=False, compare=False)
    new: Document = field(repr=False, compare=False)
    changes: Changes = field(repr=False, compare=False)

    @property
    def empty(self) -> bool:
        """True when the section has no change to tell: the two versions are the same
        theory (they may differ in ids, or in the check and report settings)."""
        return not self.groups

    def diagram(
        self,
        format: Literal["svg", "png"] = "svg",
        *,
        assessment: Assessment | None = None,
        intervention: str | None = None,
    ) -> bytes:
        """The diff diagram as ``svg`` or ``png`` bytes, in the report's language.

        ``assessment`` is the new version's, when the report has made it (the
        badges then show its verdicts without a second judgement).
        """
        if format not in ("svg", "png"):
            raise ValueError(f"the diagram is drawn as svg or png, not {format!r}")
        new = self.new
        if new.language != self.language:
            new = new.model_copy(update={"language": self.language})
        options: dict[str, Any] = {"intervention": intervention, "assessment": assessment}
        if format == "png":
            options["dpi"] = PRINT_DPI
        data = draw_diff(self.old, new, format, self.changes, **options)
        return without_names(data) if format == "svg" else data


class _Words:
    """Names and phrases of one report language."""

    def __init__(self, old: Document, new: Document, changes: Changes, language: str) -> None:
        self.language = language
        renames = changes.renames()
        names: dict[str, str] = {}
        stages: dict[str, str] = {}
        for doc, rename in ((old, renames), (new, {})):
            for node in doc.nodes:
                names[rename.get(node.id, node.id)] = _one_line(node.label)
                stages[rename.get(node.id, node.id)] = node.stage
            for kind in ("mechanisms", "conditions", "rivals", "interventions", "actors"):
                for item in getattr(doc, kind):
                    names[item.id] = _one_line(getattr(item, _NAME_FIELDS[kind]))
        self.names = names
        self.stages = stages

    def t(self, key: str, **fields: Any) -> str:
        return text(key, self.language, **fields)

    def name(self, ident: str) -> str:
        return self.names.get(ident, ident)

    def stage(self, stage: str) -> str:
        return heading(stage, self.language).capitalize()

    def arrow(self, ref: str) -> tuple[str, str]:
        pair = parse_link_ref(ref) or (ref, ref)
        return self.name(pair[0]), self.name(pair[1])

    def listing(self, idents: list[str], kind: str) -> str:
        if kind == "links":
            return ", ".join(
                self.t("diff.report.arrow", a=a, b=b) for a, b in map(self.arrow, idents)
            )
        quote = "”{}”" if self.language == "sv" else "“{}”"
        if kind == "actors":
            quote = "{}"
        return ", ".join(quote.format(self.name(i)) for i in idents)

    def value(self, value: Any) -> str:
        if value is None:
            return self.t("diff.report.unset")
        if isinstance(value, float | int) and not isinstance(value, bool):
            return format_number(value, self.language)
        return _one_line(str(value))

    def strand(self, value: Any) -> str:
        idents = value if isinstance(value, list) else []
        if not idents:
            return text("render.common", self.language)
        return " + ".join(self.name(i) for i in idents)


def _as_list(value: Any) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []


def _phrases(section: str, change: FieldChange, w: _Words) -> list[str]:
    """What one changed field says, as phrases for a sentence."""
    name, old, new = change.field, change.old, change.new
    if name == _NAME_FIELDS.get(section) and isinstance(old, str):
        return [w.t("diff.report.was", old=_one_line(old))]
    if name == "stage":
        return [w.t("diff.report.stage", old=w.stage(str(old)), new=w.stage(str(new)))]
    if name in _PROSE_FIELDS:
        if new is None:
            return [w.t("diff.report.removed.statement")]
        return [w.t("diff.report.reworded", new=_one_line(str(new)))]
    if name == "interventions" and section == "nodes":
        return [w.t("diff.report.strand", old=w.strand(old), new=w.strand(new))]
    if name in ("links", "conditions", "about", "mechanisms", "actors"):
        before, after = _as_list(old), _as_list(new)
        joined = [v for v in after if v not in before]
        left = [v for v in before if v not in after]
        out = []
        if joined:
            listed = _about_listing(joined, w) if name == "about" else w.listing(joined, name)
            out.append(w.t(f"diff.report.{name}.added", names=listed))
        if left:
            listed = _about_listing(left, w) if name == "about" else w.listing(left, name)
            out.append(w.t(f"diff.report.{name}.removed", names=listed))
        return out
    if name == "prior":
        return [w.t("diff.report.prior", old=w.value(old), new=w.value(new))]
    if name == "period":
        return [w.t("diff.report.period", old=w.value(old), new=w.value(new))]
    if name == "feedback":
        return [w.t("diff.report.feedback.on" if new else "diff.report.feedback.off")]
    if name == "node" and section == "indicators":
        return [w.t("diff.report.measures", old=w.name(str(old)), new=w.name(str(new)))]
    return [w.t("diff.report.field", field=w.t(f"diff.report.field.{name}"))]


def _about_listing(refs: list[str], w: _Words) -> str:
    nodes = [r for r in refs if parse_link_ref(r) is None]
    links = [r for r in refs if parse_link_ref(r) is not None]
    return ", ".join(p for p in (w.listing(nodes, "nodes"), w.listing(links, "links")) if p)


def _sentence(section: str, change: Change, w: _Words) -> str | None:
    if change.kind in ("added", "removed"):
        key = f"diff.report.{change.kind}.{section}"
        if section == "nodes":
            return w.t(key, stage=w.stage(w.stages.get(change.id, "")), name=change.name)
        if section == "links":
            a, b = w.arrow(change.id)
            return w.t(key, a=a, b=b)
        if section == "indicators":
            return w.t(key, parent=w.name(change.parent or ""), name=change.name)
        return w.t(key, name=change.name)
    phrases = [p for f in change.fields for p in _phrases(section, f, w)]
    if not phrases:
        return None  # a box that only got a new id: the same box to a reader
    if section == "links":
        a, b = w.arrow(change.id)
        the = w.t("diff.report.the.links", a=a, b=b)
    else:
        the = w.t(f"diff.report.the.{section}", name=change.name)
    return w.t("diff.report.changed", the=the, what="; ".join(phrases))


_NOT_THE_THEORY = frozenset({"id", "checks", "report"})
"""Document fields the section leaves out: an id is not for readers, and the check
and report settings (title page, summary, conclusions) are the evaluation's own,
not part of the theory of change the section compares."""


def _document_sentences(changes: Changes, w: _Words) -> list[str]:
    out = []
    for change in changes.document:
        if change.field in _NOT_THE_THEORY:
            continue
        if change.field == "title":
            out.append(
                w.t("diff.report.document.title", old=w.value(change.old), new=w.value(change.new))
            )
        else:
            field_name = w.t(f"diff.report.field.{change.field}")
            out.append(w.t("diff.report.document.field", field=field_name))
    return out


def _verdict(value: str | None, w: _Words) -> str:
    return w.t(f"verdict.{value}" if value is not None else "verdict.unassessed")


def changes_section(
    old: Document, new: Document, changes: Changes | None = None, language: str | None = None
) -> ChangesSection:
    """The report's section on the changes from ``old`` (the baseline) to ``new``.

    ``changes`` is ``toc.diff(old, new)`` when the caller has it; ``language``
    is the report's (default: the new version's).

    >>> import toc
    >>> plan = toc.loads('''
    ... format: 1
    ... id: demo
    ... title: Plan
    ... nodes: [{id: coach, stage: activities, label: Coaching}]
    ... ''')
    >>> done = toc.loads('''
    ... format: 1
    ... id: demo
    ... title: Evaluated
    ... nodes:
    ...   - {id: coach, stage: activities, label: Coaching}
    ...   - {id: job, stage: short, label: A job}
    ... links: [{from: coach, to: job}]
    ... ''')
    >>> section = changes_section(plan, done)
    >>> section.heading
    'Changes to the theory of change'
    >>> for group in section.groups:
    ...     print(group.heading, group.items)
    The document ('The title changed from “Plan” to “Evaluated”.',)
    Boxes ('New box under Short-term outcomes: “A job”.',)
    Arrows ('New arrow from “Coaching” to “A job”.',)
    """
    if changes is None:
        changes = diff(old, new)
    lang = language or new.language
    w = _Words(old, new, changes, lang)
    groups: list[ChangeGroup] = []
    document = _document_sentences(changes, w)
    if document:
        groups.append(ChangeGroup(w.t("diff.report.group.document"), tuple(document)))
    counted = {"added": 0, "removed": 0, "changed": len(document)}
    for section in SECTIONS:
        if section == "evidence":
            continue  # counted per mechanism below
        items = []
        for change in changes.section(section):
            sentence = _sentence(section, change, w)
            if sentence is not None:
                items.append(sentence)
                counted["changed" if change.kind == "renamed" else change.kind] += 1
        if items:
            groups.append(ChangeGroup(w.t(f"diff.report.group.{section}"), tuple(items)))
    evidence = [
        w.t("diff.report.evidence", name=count.name, old=count.old, new=count.new)
        for count in changes.evidence_counts
        if count.kind != "unknown"
    ]
    if evidence:
        groups.append(ChangeGroup(w.t("diff.report.group.evidence"), tuple(evidence)))
    verdicts = []
    for move in changes.verdicts:
        the = w.t(f"diff.report.the.{move.kind}s", name=move.name)
        if move.intervention is not None:
            the = w.t("diff.report.verdict.in", the=the, where=w.name(move.intervention))
        verdicts.append(
            w.t(
                "diff.report.verdict", the=the, old=_verdict(move.old, w), new=_verdict(move.new, w)
            )
        )
    if verdicts:
        groups.append(ChangeGroup(w.t("diff.report.group.verdicts"), tuple(verdicts)))
    old_title = _one_line(old.title)
    if not groups:
        intro = w.t("diff.report.same", old=old_title)
    else:
        intro = w.t("diff.report.intro", old=old_title, verdicts=len(changes.verdicts), **counted)
    return ChangesSection(
        heading=w.t("diff.heading"),
        intro=intro,
        groups=tuple(groups),
        caption=w.t("diff.report.caption", old=old_title),
        language=lang,
        old=old,
        new=new,
        changes=changes,
    )
