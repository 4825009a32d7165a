"""The report as Markdown, for wikis and repositories; the diagram is a file beside it.

Every piece of text from the document passes `toc.quoting.markdown`,
which shows it literally; free text with Markdown is written back from its
parsed blocks (`toc.report.prose`), so only paragraphs, lists, emphasis and
safe links come out as Markdown. Survey bars are tables with a bar of block
characters, readable as plain text too.
"""

from __future__ import annotations

from toc.i18n import text
from toc.quoting import markdown, markdown_target, markdown_url
from toc.report.model import (
    Background,
    Bar,
    Changes,
    Conclusions,
    Contents,
    Findings,
    Indicators,
    JudgementBlock,
    Mechanisms,
    Report,
    Rivals,
    Section,
    Summary,
    Surveys,
    Table,
    Theory,
    TitlePage,
)
from toc.report.prose import ListBlock, Paragraph, Prose, Span

__all__ = ["blocks", "inline", "render_markdown", "table"]

BAR_WIDTH = 20
"""Block characters in a full survey bar."""


def _spans(spans: tuple[Span, ...], breaks: bool) -> str:
    out = []
    for span in spans:
        if span.text == "\n":
            out.append("\\\n" if breaks else " ")
            continue
        body = markdown(span.text)
        # Emphasis markers hug the text: spaces go outside them.
        lead = " " if span.text[:1].isspace() else ""
        tail = " " if span.text[-1:].isspace() else ""
        if span.emphasis:
            body = f"*{body}*"
        if span.strong:
            body = f"**{body}**"
        if span.href is not None:
            body = f"[{body}]({markdown_url(span.href)})"
        out.append(lead + body + tail)
    return "".join(out)


def blocks(prose: Prose, indent: str = "") -> list[str]:
    """Free text as Markdown lines: paragraphs apart, lists indented under their items.

    >>> from toc.report.prose import parse
    >>> print("\\n".join(blocks(parse("**Fet** <b> 1.5\\n\\n1. ett\\n   - a\\n2. två"))))
    **Fet** \\<b\\> 1.5
    <BLANKLINE>
    1. ett
       - a
    2. två
    """
    lines: list[str] = []
    for block in prose:
        if lines:
            lines.append("")
        if isinstance(block, Paragraph):
            lines.extend(indent + line for line in _spans(block.spans, True).split("\n"))
        elif isinstance(block, ListBlock):
            for k, item in enumerate(block.items):
                marker = f"{block.start + k}. " if block.ordered else "- "
                inner = blocks(item, indent + " " * len(marker))
                first = inner[0][len(indent) + len(marker) :] if inner else ""
                lines.append(indent + marker + first)
                lines.extend(line for line in inner[1:] if line.strip())
    return lines


def inline(prose: Prose) -> str:
    """Free text on one line (a table cell, a list item): paragraphs and items joined."""
    parts = []
    for block in prose:
        if isinstance(block, Paragraph):
            parts.append(_spans(block.spans, False))
        else:
            parts.extend(inline(item) for item in block.items)
    return "; ".join(part for part in parts if part)


def table(tab: Table) -> list[str]:
    """A content table as a Markdown pipe table, its caption above, every cell escaped."""
    lines = [f"**{markdown(tab.caption)}**", ""] if tab.caption else []
    lines.append("| " + " | ".join(markdown(h) for h in tab.header) + " |")
    lines.append(
        "|" + "".join("---:|" if row_numeric else "---|" for row_numeric in _numeric(tab)) + ""
    )
    for row in tab.rows:
        cells = [inline(c.prose) if c.prose else markdown(c.text) for c in row]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def _numeric(tab: Table) -> list[bool]:
    return [
        bool(tab.rows) and all(row[i].numeric for row in tab.rows) for i in range(len(tab.header))
    ]


class _Writer:
    def __init__(
        self,
        report: Report,
        diagram_file: str | None,
        diagram_error: str | None,
        logo: str | None,
        changes_file: str | None = None,
    ) -> None:
        self.logo = logo
        self.changes_file = changes_file
        self.r = report
        self.t = report.t
        self.diagram_file = diagram_file
        self.diagram_error = diagram_error
        self.lines: list[str] = []

    def add(self, *lines: str) -> None:
        self.lines.extend(lines)

    def para(self, value: str) -> None:
        self.add("", value)

    def heading(self, level: int, value: str) -> None:
        self.add("", "#" * level + " " + markdown(value, line_start=False))

    def bullets(self, items: list[str]) -> None:
        self.add("", *(f"- {item}" for item in items))

    def prose(self, prose: Prose) -> None:
        if prose:
            self.add("", *blocks(prose))

    def table(self, tab: Table | None) -> None:
        if tab is not None:
            self.add("", *table(tab))

    def section(self, s: Section) -> None:
        if isinstance(s, TitlePage):
            self.title_page(s)
        elif isinstance(s, Contents):
            self.heading(2, s.heading.text)
            self.add("", *(f"- {markdown(e.text)}" for e in s.entries))
        elif isinstance(s, Summary):
            self.heading(2, s.heading.text)
            self.prose(s.prose)
        elif isinstance(s, Background):
            self.background(s)
        elif isinstance(s, Theory):
            self.theory(s)
        elif isinstance(s, Changes):
            self.changes(s)
        elif isinstance(s, Mechanisms):
            self.mechanisms(s)
        elif isinstance(s, Rivals):
            self.rivals(s)
        elif isinstance(s, Indicators):
            self.heading(2, s.heading.text)
            self.table(s.table) if s.table else self.para(markdown(self.t["no_indicators"]))
        elif isinstance(s, Conclusions):
            self.heading(2, s.heading.text)
            self.prose(s.conclusions)
            if s.recommendations:
                self.heading(3, s.recommendations_heading)
                self.prose(s.recommendations)
        elif isinstance(s, Surveys):
            self.surveys(s)
        elif isinstance(s, Findings):
            self.heading(2, s.heading.text)
            self.table(s.table) if s.table else self.para(markdown(self.t["no_findings"]))

    def title_page(self, s: TitlePage) -> None:
        if s.logo is not None and self.logo:
            self.add(f"![{markdown(self.t['logo_alt'])}]({markdown_target(self.logo)})", "")
        self.add("# " + markdown(s.title))
        if s.subtitle:
            self.para(f"*{markdown(s.subtitle)}*")
        if s.scope:
            self.para(f"*{markdown(s.scope)}*")
        if s.facts:
            self.bullets([f"**{markdown(label)}:** {markdown(value)}" for label, value in s.facts])

    def background(self, s: Background) -> None:
        self.heading(2, s.heading.text)
        self.prose(s.description)
        if s.interventions:
            self.heading(3, s.interventions_heading)
            self.table(s.interventions)
        if s.actors:
            self.heading(3, s.actors_heading)
            self.table(s.actors)

    def theory(self, s: Theory) -> None:
        t = self.t
        self.heading(2, s.heading.text)
        if s.scope:
            self.para(f"*{markdown(s.scope)}*")
        if self.diagram_file:
            target = markdown_target(self.diagram_file)
            self.para(f"![{markdown(s.alt)}]({target})")
            self.para(f"*{markdown(s.caption)}* ([{markdown(t['diagram_file'])}]({target}))")
        else:
            missing = text("report.diagram_missing", self.r.language, reason=self.diagram_error)
            self.para(markdown(missing))
        self.para(f"**{markdown(s.legend_heading)}.** {markdown(s.legend_lead)}")
        self.bullets([markdown(f"{row.symbol} {row.word}") for row in s.legend])
        for note in s.notes:
            self.para(markdown(note))

    def changes(self, s: Changes) -> None:
        self.heading(2, s.heading.text)
        self.para(markdown(s.intro))
        for heading, items in s.groups:
            self.heading(3, heading)
            self.bullets([markdown(item) for item in items])
        if self.changes_file:
            target = markdown_target(self.changes_file)
            self.para(f"![{markdown(s.alt)}]({target})")
            self.para(f"*{markdown(s.caption)}*")

    def mechanisms(self, s: Mechanisms) -> None:
        t = self.t
        self.heading(2, s.heading.text)
        for m in s.items:
            self.heading(3, m.heading.text)
            quoted = blocks(m.statement) or [""]
            label = f"**{markdown(t['assumption'])} ({markdown(m.badge)}):**"
            self.add("", f"> {label}", *(f"> {line}".rstrip() for line in ["", *quoted]))
            if m.links:
                self.heading(4, t["links_explained"])
                self.bullets([markdown(link) for link in m.links])
            if m.conditions:
                self.heading(4, t["conditions_needed"])
                self.bullets(
                    [
                        inline(c.statement) + (f" ({markdown(c.states)})" if c.states else "")
                        for c in m.conditions
                    ]
                )
            self.heading(4, t["evidence"])
            if not m.evidence:
                self.para(markdown(t["no_evidence"]))
            for group in m.evidence:
                self.heading(5, group.heading)
                for e in group.items:
                    meta = f" · {markdown(e.meta)}" if e.meta else ""
                    self.para(f"**{markdown(e.kind)}**{meta}")
                    self.prose(e.summary)
                    for quote in e.quotes:
                        self.para(f"> *{markdown(quote)}*")
            self.heading(4, t["judgement"])
            if not m.judgements:
                self.para(markdown(t["no_judgement"]))
            for b in m.judgements:
                self.heading(5, b.heading)
                self.judgement(b)
        self.heading(3, s.matrix_heading.text)
        self.para(markdown(s.matrix_lead))
        self.table(s.matrix)
        for note in s.matrix_notes:
            self.para(markdown(note))

    def judgement(self, b: JudgementBlock) -> None:
        t = self.t
        if b.current:
            c = b.current
            self.para(
                f"**{markdown(t['verdict'])}:** {markdown(c.verdict)} · "
                f"{markdown(t['confidence'])}: {markdown(c.confidence)}"
            )
            if c.rationale:
                self.para(f"**{markdown(t['rationale'])}:**")
                self.prose(c.rationale)
            if c.by or c.date:
                when = f" ({markdown(c.date)})" if c.date else ""
                self.para(f"*{markdown(t['judged_by'])}: {markdown(c.by)}{when}*")
        else:
            self.para(markdown(t["no_judgement"]))
        if b.suggestion:
            extra = ""
            if b.posterior:
                extra += f" · {markdown(t['posterior'])}: {markdown(b.posterior)}"
            if b.robustness:
                extra += f" · {markdown(t['robustness'])}: {markdown(b.robustness)}"
            self.para(f"**{markdown(t['suggestion'])}:** {markdown(b.suggestion)}{extra}")
        if b.conflict:
            self.para(f"**⚠ {markdown(t['conflict'])}:** {markdown(b.conflict)}")
        if b.history:
            self.para(f"**{markdown(t['history'])}:**")
            self.bullets(
                [
                    f"{markdown(h.date)} – {markdown(h.verdict)} "
                    f"({markdown(t['confidence'])}: {markdown(h.confidence)})"
                    + (f": {inline(h.rationale)}" if h.rationale else "")
                    for h in b.history
                ]
            )

    def rivals(self, s: Rivals) -> None:
        t = self.t
        self.heading(2, s.heading.text)
        if s.table:
            self.table(s.table)
            if s.at_risk:
                self.para(markdown(t["at_risk"]))
                self.bullets([markdown(item) for item in s.at_risk])
            else:
                self.para(markdown(t["none_at_risk"]))
        else:
            self.para(markdown(t["no_rivals"]))
        if s.pathway_at_risk:
            self.para(markdown(t["pathway_at_risk"]))
            self.bullets([markdown(item) for item in s.pathway_at_risk])

    def surveys(self, s: Surveys) -> None:
        t = self.t
        self.heading(2, s.heading.text)
        if not s.tables and not s.bars:
            self.para(markdown(t["no_surveys"]))
            return
        self.para(markdown(s.lead))
        for tab in s.tables:
            self.heading(3, tab.heading)
            self.add("", f"**{markdown(tab.caption)}**", "")
            head = [
                t["col.question"],
                *tab.scale,
                t["col.dont_know"],
                t["col.answered"],
                t["col.rule"],
            ]
            self.add("| " + " | ".join(markdown(h) for h in head) + " |")
            self.add("|---|" + "---:|" * (len(tab.scale) + 2) + "---|")
            for row in tab.rows:
                cells = [markdown(row.question)]
                for i, (share, count) in enumerate(zip(row.shares, row.counts, strict=True)):
                    value = f"{markdown(share)} ({count})"
                    if i in row.top and row.rule_key:
                        value = f"**{markdown(t['rule.' + row.rule_key][:1])} {value}**"
                    cells.append(value)
                cells += [
                    str(row.dont_know),
                    str(row.answered),
                    markdown(row.rule or t["no_value"]),
                ]
                self.add("| " + " | ".join(cells) + " |")
        if s.bars:
            self.heading(3, s.bars_heading)
            if s.bars_caption:
                self.para(f"**{markdown(s.bars_caption)}**")
            for bar in s.bars:
                self.bar(bar)

    def bar(self, bar: Bar) -> None:
        t = self.t
        self.para(f"*{markdown(bar.question)}* ({markdown(bar.note)})")
        self.add(
            "",
            f"| {markdown(t['col.answer'])} | {markdown(t['col.count'])} | "
            f"{markdown(t['col.share'])} | |",
            "|---|---:|---:|---|",
        )
        for seg in bar.segments:
            blocks_drawn = "█" * round(seg.share * BAR_WIDTH)
            self.add(
                f"| {markdown(seg.step)} | {seg.count} | {markdown(seg.percent)} | {blocks_drawn} |"
            )


def render_markdown(
    report: Report,
    diagram_file: str | None,
    diagram_error: str | None,
    logo: str | None = None,
    changes_file: str | None = None,
) -> str:
    """The Markdown text of the report, linking the diagrams (and the logo) by file name."""
    writer = _Writer(report, diagram_file, diagram_error or "", logo, changes_file)
    for section in report.sections:
        writer.section(section)
    lines = writer.lines
    while lines and not lines[0].strip():
        lines.pop(0)
    out = "\n".join(lines).rstrip() + "\n"
    while "\n\n\n" in out:
        out = out.replace("\n\n\n", "\n\n")
    return out
