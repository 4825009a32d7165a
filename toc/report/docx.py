"""The report as a Word document (python-docx), in the house style or an organisation's own.

Without a template the report looks like a Swedish evaluation report: A4,
serif body text, blue sans-serif headings, page numbers in the footer. With
``template`` (a ``.docx``), the organisation's file is the base document: its
styles, page setup, headers and footers stay, its body text is replaced by the
report. Headings are Word headings (the navigation pane and the table of
contents field work), tables are real tables with captions (``Tabell 2``) and
column widths from their content, lists are Word lists, links are links, and
verdict colours are the diagram's, always beside the verdict's symbol and word.
"""

from __future__ import annotations

import contextlib
import io
import struct
from typing import Any

import docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor

from toc.diagram.theme import text_colour
from toc.errors import OptionError
from toc.i18n import text
from toc.ooxml import FIXED_TIME, stable_zip
from toc.quoting import word
from toc.report import docx_parts as parts
from toc.report.context import verdict_colour
from toc.report.model import (
    Background,
    Bar,
    Caption,
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

__all__ = ["open_template", "render_docx"]

_ACCENT = "0B5394"
_MUTED = "57606A"
_HEADER_FILL = "EEF2F6"
_RULE_FILL = {"support": "ACEEBB", "weak": "FFCECB"}
_TABLE_TEXT = Pt(9)
_TABLE_FONT = "Arial"
_SMALL = Pt(8.5)
_CHAR_CM = 0.18
"""Width of a character of 9-point Arial table text (bold headers included), with room
to spare; a template's own font gets `_CHAR_CM_ANY`."""
_CHAR_CM_ANY = 0.2
_PAD_CM = 0.45
"""A table cell's padding, left and right together, and its borders."""
_KEEP_ROWS = 16
"""Tables of up to this many rows (header included) are kept on one page."""


def _inch(emu: int) -> float:
    return emu / 914400


def open_template(data: bytes, name: str | None = None) -> Any:
    """A Word template as the report takes it: a python-docx document, its body emptied.

    Raises `OptionError`, naming the template file ``name`` if given, when
    the template cannot be read as a Word document: python-docx refuses it
    (a part that is not well-formed XML, a missing part), or it lacks what
    the report takes from it (a body, styles, sections with a page size and
    margins).
    """
    try:
        document = docx.Document(io.BytesIO(data))
        body = document.element.body
        sizes = [
            (s.page_width, s.page_height, s.left_margin, s.right_margin, s.top_margin)
            for s in document.sections
        ]
        names = [style.name for style in document.styles]
        if body is None or not sizes or None in sizes[-1] or not names:
            raise ValueError("no body, sections or styles")
    except Exception:  # python-docx and lxml raise many kinds for a damaged file
        which = f"the Word template {name!r}" if name is not None else "the Word template"
        raise OptionError(
            f"{which} cannot be read as a Word document: open it in Word and save it "
            "again as a Word document (.docx)"
        ) from None
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return document


class _Writer:
    def __init__(self, report: Report, template: bytes | None) -> None:
        self.r = report
        self.t = report.t
        if template is not None:
            self.doc: Any = open_template(template)
        else:
            self.doc = docx.Document()
            self._house_style()
        self.house = template is None
        self._styles()
        self._properties()
        section = self.doc.sections[-1]
        self.portrait = (
            section.page_width,
            section.page_height,
            section.left_margin,
            section.right_margin,
            section.top_margin,
            section.bottom_margin,
            section.header_distance,
            section.footer_distance,
        )
        self.width_cm = (section.page_width - section.left_margin - section.right_margin) / 360000
        self.started = False

    # ------------------------------------------------------------ the base

    def _house_style(self) -> None:
        """The default look: a Swedish evaluation report on A4."""
        styles = self.doc.styles
        normal = styles["Normal"]
        normal.font.name = "Georgia"
        normal.font.size = Pt(10.5)
        language = OxmlElement("w:lang")
        language.set(qn("w:val"), "sv-SE" if self.r.language == "sv" else "en-GB")
        normal.element.get_or_add_rPr().append(language)
        normal.paragraph_format.space_after = Pt(6)
        for name, size in (
            ("Title", 26),
            ("Subtitle", 14),
            ("Heading 1", 16),
            ("Heading 2", 13),
            ("Heading 3", 11.5),
            ("Heading 4", 10.5),
        ):
            style = styles[name]
            style.font.name = "Arial"
            style.font.size = Pt(size)
            style.font.color.rgb = RGBColor.from_string(
                _MUTED if name in ("Subtitle", "Heading 4") else _ACCENT
            )
            style.font.bold = name != "Subtitle"
        caption = styles["Caption"]
        caption.font.name = "Arial"
        caption.font.size = Pt(9)
        caption.font.color.rgb = RGBColor.from_string(_MUTED)
        section = self.doc.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Mm(22)
        section.top_margin, section.bottom_margin = Mm(22), Mm(20)
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        footer.add_run(text("report.page", self.r.language) + " ").font.size = Pt(9)
        parts.field(footer, "PAGE", "1").font.size = Pt(9)
        header = section.header.paragraphs[0]
        header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        run = header.add_run(word(self.r.title))
        run.font.size = Pt(8)
        run.font.color.rgb = RGBColor.from_string(_MUTED)
        section.different_first_page_header_footer = True

    def _styles(self) -> None:
        """Styles the report uses that a template may not have."""
        doc = self.doc
        parts.ensure_style(doc, "Title", size=26, bold=True, colour=_ACCENT)
        parts.ensure_style(doc, "Subtitle", size=14, colour=_MUTED)
        for level, size in ((1, 16), (2, 13), (3, 11.5), (4, 10.5)):
            parts.ensure_style(
                doc, f"Heading {level}", size=size, bold=True, colour=_ACCENT, outline=level - 1
            )
        parts.ensure_style(doc, "Caption", size=9, bold=True, colour=_MUTED)
        parts.ensure_style(doc, "Quote", italic=True)
        parts.ensure_style(doc, "Intense Quote", italic=True, colour=_ACCENT)
        parts.ensure_style(doc, "TOC Heading", size=16, bold=True, colour=_ACCENT)

    def _properties(self) -> None:
        props = self.doc.core_properties
        props.title = word(self.r.title)
        props.language = "sv-SE" if self.r.language == "sv" else "en-GB"
        # Fixed times: the same report gives the same file.
        props.created = props.modified = props.last_printed = FIXED_TIME
        props.revision = 1
        props.last_modified_by = ""
        props.author = ""

    # ----------------------------------------------------------- building

    def para(self, value: str = "", style: str | None = None, container: Any = None) -> Any:
        where = container if container is not None else self.doc
        paragraph = where.add_paragraph(style=style)
        if value:
            paragraph.add_run(word(value))
        return paragraph

    def lead(self, lead: str, value: str, container: Any = None) -> Any:
        paragraph = self.para(container=container)
        paragraph.add_run(word(lead)).bold = True
        paragraph.add_run(" " + word(value))
        return paragraph

    def heading(self, value: str, level: int) -> None:
        self.doc.add_heading(word(value), level)

    def page_break(self) -> None:
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def spans(self, paragraph: Any, spans: tuple[Span, ...], size: Any = None) -> None:
        for span in spans:
            if span.text == "\n":
                paragraph.add_run().add_break()
            elif span.href is not None:
                parts.hyperlink(
                    paragraph, span.href, word(span.text), span.strong, span.emphasis, size
                )
            else:
                run = paragraph.add_run(word(span.text))
                run.bold = span.strong or None
                run.italic = span.emphasis or None
                if size is not None:
                    run.font.size = size

    def prose(
        self, prose: Prose, container: Any = None, style: str | None = None, size: Any = None
    ) -> None:
        where = container if container is not None else self.doc
        first = True
        for block in prose:
            if isinstance(block, Paragraph):
                if container is not None and first and not where.paragraphs[-1].text:
                    paragraph = where.paragraphs[-1]  # a table cell's own first paragraph
                else:
                    paragraph = where.add_paragraph(style=style)
                self.spans(paragraph, block.spans, size)
            else:
                self.items(block, where, 1, size)
            first = False

    def items(self, block: ListBlock, where: Any, level: int, size: Any) -> None:
        restart = {"start": block.start}
        for k, item in enumerate(block.items):
            paragraph = parts.list_paragraph(self.doc, where, block.ordered, level, restart)
            if paragraph.style.name in ("List Paragraph", "Normal"):
                # No list style in the template: the marker as text.
                marker = f"{block.start + k}. " if block.ordered else "• "
                paragraph.add_run(marker)
            for i, inner in enumerate(item):
                if isinstance(inner, Paragraph):
                    target = paragraph if i == 0 else where.add_paragraph()
                    self.spans(target, inner.spans, size)
                else:
                    self.items(inner, where, level + 1, size)

    def caption(self, caption: Caption) -> None:
        paragraph = self.doc.add_paragraph(style="Caption")
        paragraph.paragraph_format.keep_with_next = True
        paragraph.add_run(word(caption.label) + " ")
        parts.field(paragraph, f"SEQ {caption.label} \\* ARABIC", str(caption.number))
        paragraph.add_run(": " + word(caption.text))

    def bullets(self, items: list[str]) -> None:
        restart: dict[str, int] = {"start": 1}
        for item in items:
            paragraph = parts.list_paragraph(self.doc, self.doc, False, 1, restart)
            if paragraph.style.name in ("List Paragraph", "Normal"):
                paragraph.add_run("• ")
            paragraph.add_run(word(item))

    # ------------------------------------------------------------- tables

    def table(self, tab: Table, width_cm: float | None = None) -> None:
        if tab.caption is not None:
            self.caption(tab.caption)
        texts = [
            [tab.header[i], *(row[i].text for row in tab.rows)] for i in range(len(tab.header))
        ]
        rows = [[(c.text, c.mark, c.prose, c.numeric) for c in row] for row in tab.rows]
        self.grid(list(tab.header), rows, texts, width_cm)

    def grid(
        self,
        header: list[str],
        rows: list[list[tuple[str, str | None, Prose, bool]]],
        texts: list[list[str]],
        width_cm: float | None = None,
    ) -> None:
        table = self.doc.add_table(rows=1, cols=len(header))
        with contextlib.suppress(KeyError, ValueError):  # a template without it
            table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        head = table.rows[0]
        parts.repeat_header(head)
        for cell, value in zip(head.cells, header, strict=True):
            run = cell.paragraphs[0].add_run(word(value))
            run.bold = True
            run.font.size = _TABLE_TEXT
            parts.shade(cell, _HEADER_FILL)
        for row in rows:
            cells = table.add_row().cells
            for cell, (value, mark, prose, numeric) in zip(cells, row, strict=True):
                self.cell(cell, value, mark, prose, numeric)
        total = width_cm or self.width_cm
        char = _CHAR_CM if self.house else _CHAR_CM_ANY
        size = _TABLE_TEXT
        if not parts.fits(texts, total, char, _PAD_CM):
            # Too many long words for the page at 9 points: 8 points, before any breaks.
            size, char = Pt(8), char * 8 / 9
        widths = parts.column_widths(texts, total, char, _PAD_CM)
        table.autofit = False
        for index, column in enumerate(table.columns):
            # LibreOffice reads the grid, Word the cells: set both.
            column.width = Cm(widths[index])
        for table_row in table.rows:
            for index, cell in enumerate(table_row.cells):
                cell.width = Cm(widths[index])
                for paragraph in cell.paragraphs:
                    for run in paragraph.runs:
                        run.font.size = size
                        if self.house:
                            run.font.name = _TABLE_FONT
        if len(table.rows) <= _KEEP_ROWS:
            # A short table stays on one page: each row keeps with the next.
            for table_row in table.rows[:-1]:
                for cell in table_row.cells:
                    for paragraph in cell.paragraphs:
                        paragraph.paragraph_format.keep_with_next = True
        self.doc.add_paragraph()

    def cell(self, cell: Any, value: str, mark: str | None, prose: Prose, numeric: bool) -> None:
        if prose:
            self.prose(prose, container=cell, size=_TABLE_TEXT)
            return
        paragraph = cell.paragraphs[0]
        lines = word(value).split("\n")
        for number, line in enumerate(lines):
            run = paragraph.add_run(line)
            run.font.size = _TABLE_TEXT
            if number < len(lines) - 1:
                run.add_break()
            if mark is not None:
                run.bold = True
            if mark in _RULE_FILL or mark is None:
                continue
            run.font.color.rgb = RGBColor.from_string(text_colour(verdict_colour(mark)).lstrip("#"))
        if numeric:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        if mark in _RULE_FILL:
            parts.shade(cell, _RULE_FILL[mark])
        elif mark is not None:
            parts.shade(cell, verdict_colour(mark))

    def chip(self, paragraph: Any, key: str, value: str) -> None:
        """A verdict in its colour (a shaded run), with its symbol and word."""
        run = paragraph.add_run(word(_together(f" {value} ")))
        run.bold = True
        run.font.color.rgb = RGBColor.from_string(text_colour(verdict_colour(key)).lstrip("#"))
        shading = OxmlElement("w:shd")
        shading.set(qn("w:val"), "clear")
        shading.set(qn("w:color"), "auto")
        shading.set(qn("w:fill"), verdict_colour(key).lstrip("#"))
        run._r.get_or_add_rPr().append(shading)

    # ----------------------------------------------------------- sections

    def section(
        self,
        s: Section,
        diagram_png: bytes | None,
        diagram_error: str | None,
        changes_png: bytes | None = None,
    ) -> None:
        if isinstance(s, TitlePage):
            self.title_page(s)
        elif isinstance(s, Contents):
            self.contents(s)
        elif isinstance(s, Summary):
            self.heading(s.heading.text, 1)
            self.prose(s.prose)
        elif isinstance(s, Background):
            self.background(s)
        elif isinstance(s, Theory):
            self.theory(s, diagram_png, diagram_error)
        elif isinstance(s, Changes):
            self.changes(s, changes_png)
        elif isinstance(s, Mechanisms):
            self.mechanisms(s)
        elif isinstance(s, Rivals):
            self.rivals(s)
        elif isinstance(s, Indicators):
            self.heading(s.heading.text, 1)
            self.table(s.table) if s.table else self.para(self.t["no_indicators"])
        elif isinstance(s, Conclusions):
            self.heading(s.heading.text, 1)
            self.prose(s.conclusions)
            if s.recommendations:
                self.heading(s.recommendations_heading, 2)
                self.prose(s.recommendations)
        elif isinstance(s, Surveys):
            self.surveys(s)
        elif isinstance(s, Findings):
            self.page_break()
            self.heading(s.heading.text, 1)
            self.table(s.table) if s.table else self.para(self.t["no_findings"])

    def title_page(self, s: TitlePage) -> None:
        if s.logo is not None:
            height = min(2.5, 6.0 * s.logo.height / max(s.logo.width, 1))
            self.doc.add_picture(io.BytesIO(s.logo.data), height=Cm(height))
            self._alt(self.t["logo_alt"])
        for _ in range(3):
            self.para()
        self.doc.add_heading(word(s.title), 0)
        if s.subtitle:
            self.para(s.subtitle, style="Subtitle")
        if s.scope:
            self.para(s.scope).runs[0].italic = True
        if s.facts:
            self.para()
            table = self.doc.add_table(rows=0, cols=2)
            parts.no_borders(table)
            for label, value in s.facts:
                cells = table.add_row().cells
                cells[0].paragraphs[0].add_run(word(label)).bold = True
                cells[1].paragraphs[0].add_run(word(value))
            widths = parts.column_widths(
                [[label for label, _ in s.facts], [value for _, value in s.facts]],
                self.width_cm,
                0.22,
                _PAD_CM,
            )
            table.autofit = False
            for index, column in enumerate(table.columns):
                column.width = Cm(widths[index])
                for cell in column.cells:
                    cell.width = Cm(widths[index])
        self.page_break()

    def contents(self, s: Contents) -> None:
        """A table of contents field; its current result lists the chapters, so that a
        reader that does not update fields (LibreOffice) still shows them. Word
        updates it, with page numbers, when it opens the file."""
        self.para(s.heading.text, style="TOC Heading")
        entries = [e.text for e in s.entries] or [self.t["toc_field"]]
        paragraph = self.para()
        parts.field_start(paragraph, 'TOC \\o "1-2" \\h \\z \\u')
        paragraph.add_run(word(entries[0]))
        for entry in entries[1:]:
            paragraph = self.para(entry)
        parts.field_end(paragraph)
        parts.update_fields_on_open(self.doc)
        self.page_break()

    def background(self, s: Background) -> None:
        self.heading(s.heading.text, 1)
        self.prose(s.description)
        if s.interventions:
            self.heading(s.interventions_heading, 2)
            self.table(s.interventions)
        if s.actors:
            self.heading(s.actors_heading, 2)
            self.table(s.actors)

    def theory(self, s: Theory, png: bytes | None, error: str | None) -> None:
        self.heading(s.heading.text, 1)
        if s.scope:
            self.para(s.scope).runs[0].italic = True
        self.lead(s.legend_heading + ".", s.legend_lead)
        chips = self.para()
        for row in s.legend:
            self.chip(chips, row.key, f"{row.symbol} {row.word}")
            chips.add_run("  ")
        for note in s.notes:
            self.para(note).runs[0].font.size = _SMALL
        for badge, title in s.badges:
            paragraph = self.para()
            paragraph.paragraph_format.space_after = Pt(1)
            run = paragraph.add_run(word(badge))
            run.bold = True
            run.font.size = _SMALL
            rest = paragraph.add_run(" " + word(title))
            rest.font.size = _SMALL
        # The diagram on a landscape page of its own, drawn for that page.
        self.orientation(landscape=True)
        if png:
            self.doc.add_picture(io.BytesIO(png), width=Cm(_fit_cm(png, self.width_here())))
            self.doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
            self._alt(s.alt)
            self.caption_below(s.caption)
        else:
            self.para(text("report.diagram_missing", self.r.language, reason=error or ""))
        self.orientation(landscape=False)

    def changes(self, s: Changes, png: bytes | None) -> None:
        self.heading(s.heading.text, 1)
        self.para(s.intro)
        for heading, items in s.groups:
            self.heading(heading, 2)
            self.bullets(list(items))
        if png:
            self.orientation(landscape=True)
            self.doc.add_picture(io.BytesIO(png), width=Cm(_fit_cm(png, self.width_here())))
            self.doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
            self._alt(s.alt)
            self.caption_below(s.caption)
            self.orientation(landscape=False)

    def caption_below(self, caption: Caption) -> None:
        paragraph = self.doc.add_paragraph(style="Caption")
        paragraph.add_run(word(caption.label) + " ")
        parts.field(paragraph, f"SEQ {caption.label} \\* ARABIC", str(caption.number))
        paragraph.add_run(": " + word(caption.text))

    def width_here(self) -> tuple[float, float]:
        section = self.doc.sections[-1]
        width = _inch(section.page_width - section.left_margin - section.right_margin)
        height = _inch(section.page_height - section.top_margin - section.bottom_margin)
        # The caption below, the spacing around both paragraphs, a line to spare.
        return width, height - 0.75

    def _alt(self, alt: str) -> None:
        inline = self.doc.inline_shapes[-1]._inline
        inline.docPr.set("descr", word(alt))
        inline.docPr.set("title", word(alt)[:250])

    def orientation(self, landscape: bool) -> None:
        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        width, height, left, right, top, bottom, header, footer = self.portrait
        # The first page of a new section keeps the footer (and its page number).
        section.different_first_page_header_footer = False
        if landscape:
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = height, width
            section.left_margin = section.right_margin = Mm(10)
            section.top_margin, section.bottom_margin = Mm(10), Mm(14)
            # Header and footer inside the margins, so that they take no room of the page.
            section.header_distance, section.footer_distance = Mm(4), Mm(6)
        else:
            section.orientation = WD_ORIENT.PORTRAIT
            section.page_width, section.page_height = width, height
            section.left_margin, section.right_margin = left, right
            section.top_margin, section.bottom_margin = top, bottom
            section.header_distance, section.footer_distance = header, footer

    def mechanisms(self, s: Mechanisms) -> None:
        t = self.t
        self.heading(s.heading.text, 1)
        for m in s.items:
            self.heading(m.heading.text, 2)
            label = self.para(style="Intense Quote")
            label.add_run(word(f"{t['assumption']} ({m.badge}):")).bold = True
            self.prose(m.statement, style="Intense Quote")
            if m.links:
                self.heading(t["links_explained"], 3)
                self.bullets(list(m.links))
            if m.conditions:
                self.heading(t["conditions_needed"], 3)
                restart: dict[str, int] = {"start": 1}
                for c in m.conditions:
                    paragraph = parts.list_paragraph(self.doc, self.doc, False, 1, restart)
                    for block in c.statement:
                        if isinstance(block, Paragraph):
                            self.spans(paragraph, block.spans)
                    if c.states:
                        paragraph.add_run(word(f" ({c.states})"))
            self.heading(t["evidence"], 3)
            if not m.evidence:
                self.para(t["no_evidence"])
            for group in m.evidence:
                self.heading(group.heading, 4)
                for e in group.items:
                    paragraph = self.para()
                    paragraph.add_run(word(e.kind.capitalize())).bold = True
                    if e.meta:
                        meta = paragraph.add_run(word(" · " + e.meta))
                        meta.font.color.rgb = RGBColor.from_string(_MUTED)
                    self.prose(e.summary)
                    for quote in e.quotes:
                        self.para(quote, style="Quote")
            self.heading(t["judgement"], 3)
            if not m.judgements:
                self.para(t["no_judgement"])
            for b in m.judgements:
                self.heading(b.heading, 4)
                self.judgement(b)
        self.heading(s.matrix_heading.text, 2)
        self.para(s.matrix_lead)
        self.table(s.matrix)
        for note in s.matrix_notes:
            self.para(note).runs[0].font.size = _SMALL

    def judgement(self, b: JudgementBlock) -> None:
        t = self.t
        if b.current:
            c = b.current
            paragraph = self.para()
            paragraph.add_run(word(t["verdict"] + ": ")).bold = True
            self.chip(paragraph, c.verdict_key, c.verdict)
            paragraph.add_run(word(f" · {t['confidence']}: {c.confidence}"))
            if c.rationale:
                self.para().add_run(word(t["rationale"] + ":")).bold = True
                self.prose(c.rationale)
            if c.by or c.date:
                self.lead(t["judged_by"] + ":", c.by + (f" ({c.date})" if c.date else ""))
        else:
            self.para(t["no_judgement"])
        if b.suggestion:
            extra = []
            if b.posterior:
                extra.append(f"{t['posterior']}: {b.posterior}")
            if b.robustness:
                extra.append(f"{t['robustness']}: {b.robustness}")
            self.lead(t["suggestion"] + ":", " · ".join([b.suggestion, *extra]))
        if b.conflict:
            self.lead("⚠ " + t["conflict"] + ":", b.conflict)
        if b.history:
            self.para().add_run(word(t["history"] + ":")).bold = True
            restart: dict[str, int] = {"start": 1}
            for h in b.history:
                paragraph = parts.list_paragraph(self.doc, self.doc, False, 1, restart)
                paragraph.add_run(
                    word(f"{h.date} – {h.verdict} ({t['confidence']}: {h.confidence})")
                )
                for block in h.rationale:
                    if isinstance(block, Paragraph):
                        paragraph.add_run(": ")
                        self.spans(paragraph, block.spans)

    def rivals(self, s: Rivals) -> None:
        t = self.t
        self.heading(s.heading.text, 1)
        if s.table:
            self.table(s.table)
            if s.at_risk:
                self.para(t["at_risk"])
                self.bullets(list(s.at_risk))
            else:
                self.para(t["none_at_risk"])
        else:
            self.para(t["no_rivals"])
        if s.pathway_at_risk:
            self.para(t["pathway_at_risk"])
            self.bullets(list(s.pathway_at_risk))

    def surveys(self, s: Surveys) -> None:
        t = self.t
        self.page_break()
        self.heading(s.heading.text, 1)
        if not s.tables and not s.bars:
            self.para(t["no_surveys"])
            return
        self.para(s.lead)
        for tab in s.tables:
            self.heading(tab.heading, 2)
            self.caption(tab.caption)
            header = [
                t["col.question"],
                *tab.scale,
                t["col.dont_know"],
                t["col.answered"],
                t["col.rule"],
            ]
            rows: list[list[tuple[str, str | None, Prose, bool]]] = []
            for row in tab.rows:
                cells: list[tuple[str, str | None, Prose, bool]] = [(row.question, None, (), False)]
                for i, (share, count) in enumerate(zip(row.shares, row.counts, strict=True)):
                    value = f"{share}\n{count}"
                    if i in row.top and row.rule_key:
                        marker = t["rule." + row.rule_key][:1]
                        cells.append((f"{marker}\u00a0{value}", row.rule_key, (), True))
                    else:
                        cells.append((value, None, (), True))
                cells += [
                    (str(row.dont_know), None, (), True),
                    (str(row.answered), None, (), True),
                    (row.rule or t["no_value"], row.rule_key, (), False),
                ]
                rows.append(cells)
            texts = [[header[i], *(r[i][0] for r in rows)] for i in range(len(header))]
            self.grid(header, rows, texts)
        if s.bars:
            self.heading(s.bars_heading, 2)
            if s.bars_caption is not None:
                self.caption(s.bars_caption)
            for bar in s.bars:
                self.bar(bar)

    def bar(self, bar: Bar) -> None:
        """A survey bar as one row of shaded cells, as wide as their shares."""
        question = self.para()
        question.paragraph_format.keep_with_next = True
        question.paragraph_format.space_after = Pt(2)
        run = question.add_run(word(bar.question))
        run.font.size = _SMALL
        run.bold = True
        shown = [seg for seg in bar.segments if seg.share > 0]
        if shown:
            table = self.doc.add_table(rows=1, cols=len(shown))
            parts.no_borders(table, inside="FFFFFF")
            parts.set_cell_margins(table, 20)
            table.autofit = False
            total = self.width_cm
            widths = [max(0.25, total * seg.share) for seg in shown]
            scale = total / sum(widths)
            for cell, column, seg, width in zip(
                table.rows[0].cells, table.columns, shown, widths, strict=True
            ):
                column.width = cell.width = Cm(width * scale)
                parts.shade(cell, seg.colour)
                paragraph = cell.paragraphs[0]
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                label = paragraph.add_run(word(seg.label))
                label.font.size = _SMALL
                label.bold = True
                label.font.color.rgb = RGBColor.from_string(seg.ink.lstrip("#"))
        key = self.para()
        key.paragraph_format.space_after = Pt(8)
        for seg in bar.segments:
            # Each swatch with its words: a line breaks between the entries only.
            swatch = key.add_run("■\u00a0")
            swatch.font.color.rgb = RGBColor.from_string(seg.colour.lstrip("#"))
            swatch.font.size = _SMALL
            entry = key.add_run(word(_together(f"{seg.step} ({seg.count})")) + "   ")
            entry.font.size = _SMALL
        note = key.add_run(word(bar.note))
        note.font.size = _SMALL
        note.font.color.rgb = RGBColor.from_string(_MUTED)


def _together(text: str) -> str:
    """``text`` with no-break spaces, so that Word keeps it on one line: a verdict's
    coloured chip, a swatch's words.

    >>> _together("? går inte att avgöra")
    '?\xa0går\xa0inte\xa0att\xa0avgöra'
    """
    return text.replace(" ", "\u00a0")


def _fit_cm(png: bytes, room: tuple[float, float]) -> float:
    """The picture's width in cm, as large as fits ``room`` (width, height in inches)."""
    width, height = struct.unpack(">II", png[16:24])  # the PNG header's IHDR size
    fit = min(room[0], room[1] * width / max(height, 1))
    return float(round(fit * 2.54, 2))


def render_docx(
    report: Report,
    diagram_png: bytes | None,
    diagram_error: str | None,
    template: bytes | None = None,
    changes_png: bytes | None = None,
) -> bytes:
    """The Word document's bytes: the same report gives the same bytes.

    ``diagram_png`` is the diagram drawn for its landscape page
    (`toc.report.diagram.draw_png`); ``template`` a ``.docx`` whose styles, page
    setup, headers and footers the report takes; ``changes_png`` the diff diagram
    of a changes section.
    """
    writer = _Writer(report, template)
    for section in report.sections:
        writer.section(section, diagram_png, diagram_error, changes_png)
    out = io.BytesIO()
    writer.doc.save(out)
    return stable_zip(out.getvalue())
