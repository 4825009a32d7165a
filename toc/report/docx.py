"""The report as a Word document (python-docx): real headings, tables and images."""

from __future__ import annotations

import io
import re
import struct
from typing import Any

from toc.i18n import text
from toc.report.content import Report, Table
from toc.report.html import outline, paragraphs

__all__ = ["render_docx"]

# XML 1.0 forbids most control characters; python-docx refuses them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

_SHADE = {
    "support": "ACEEBB",
    "weak": "FFCECB",
    "held": "DAFBE1",
    "present": "DAFBE1",
    "partly_held": "FFF8C5",
    "partly_present": "FFF8C5",
    "not_held": "FFEBE9",
    "absent": "FFEBE9",
    "too_early": "EAEEF2",
    "unknown": "EAEEF2",
    "inconclusive": "EAEEF2",
}


_TEXT_WIDTH_CM = 17.0
"""Width of the text block on A4 with 2 cm margins."""


def _clean(value: Any) -> str:
    return _NOT_XML.sub("\ufffd", "" if value is None else str(value))


class _Writer:
    def __init__(self, report: Report) -> None:
        import docx
        from docx.shared import Pt

        self.report = report
        self.doc: Any = docx.Document()
        normal = self.doc.styles["Normal"]
        normal.font.name = "Calibri"
        normal.font.size = Pt(10.5)
        props = self.doc.core_properties
        props.title = _clean(report.title)
        props.language = "sv-SE" if report.language == "sv" else "en-GB"
        section = self.doc.sections[0]
        from docx.shared import Mm

        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Mm(20)
        section.top_margin = section.bottom_margin = Mm(20)

    def orientation(self, landscape: bool) -> None:
        """Start a new page section in landscape (for the wide diagram) or portrait."""
        from docx.enum.section import WD_ORIENT, WD_SECTION
        from docx.shared import Mm

        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        wide, tall = Mm(297), Mm(210)
        section.page_width, section.page_height = (wide, tall) if landscape else (tall, wide)

    def heading(self, value: str, level: int) -> None:
        self.doc.add_heading(_clean(value), level)

    def para(self, value: str, style: str | None = None, bold_lead: str | None = None) -> Any:
        paragraph = self.doc.add_paragraph(style=style)
        if bold_lead:
            paragraph.add_run(_clean(bold_lead)).bold = True
            paragraph.add_run(" ")
        paragraph.add_run(_clean(value))
        return paragraph

    def bullets(self, items: list[str]) -> None:
        for item in items:
            self.para(item, style="List Bullet")

    def image(self, png: bytes, width_cm: float, alt: str) -> None:
        from docx.shared import Cm

        self.doc.add_picture(io.BytesIO(png), width=Cm(width_cm))
        # Alt text for screen readers: the picture's docPr description.
        inline = self.doc.inline_shapes[-1]._inline
        inline.docPr.set("descr", _clean(alt))
        inline.docPr.set("title", _clean(alt)[:250])

    def table(
        self,
        header: list[str],
        rows: list[list[tuple[str, str | None]]],
        numeric: set[int] | None = None,
    ) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        table = self.doc.add_table(rows=1, cols=len(header))
        table.style = "Table Grid"
        head = table.rows[0]
        # Repeat the header row on every page the table spans.
        tr_pr = head._tr.get_or_add_trPr()
        flag = OxmlElement("w:tblHeader")
        flag.set(qn("w:val"), "true")
        tr_pr.append(flag)
        for cell, value in zip(head.cells, header, strict=True):
            cell.text = ""
            run = cell.paragraphs[0].add_run(_clean(value))
            run.bold = True
            _shade(cell, "EEF2F6")
        for row in rows:
            cells = table.add_row().cells
            for index, (cell, (value, mark)) in enumerate(zip(cells, row, strict=True)):
                lines = _clean(value).split("\n")
                paragraph = cell.paragraphs[0]
                for number, line in enumerate(lines):
                    run = paragraph.add_run(line)
                    if number < len(lines) - 1:
                        run.add_break()
                    if mark in ("support", "weak"):
                        run.bold = True
                if numeric and index in numeric:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                if mark in _SHADE:
                    _shade(cell, _SHADE[mark])
        from docx.shared import Cm, Pt

        # Column widths by how much text each holds, so long text gets room.
        texts = [header, *([value for value, _ in row] for row in rows)]
        weights = [
            min(max(len(line) for cells in texts for line in _clean(cells[i]).split("\n")), 60) + 8
            for i in range(len(header))
        ]
        table.autofit = False
        for index, column in enumerate(table.columns):
            # LibreOffice reads the grid, Word the cells: set both.
            column.width = Cm(_TEXT_WIDTH_CM * weights[index] / sum(weights))
        for row in table.rows:
            for index, cell in enumerate(row.cells):
                cell.width = Cm(_TEXT_WIDTH_CM * weights[index] / sum(weights))
                for paragraph in cell.paragraphs:
                    for run in paragraph.runs:
                        run.font.size = Pt(9)
        self.doc.add_paragraph()

    def content_table(self, tab: Table) -> None:
        self.table(tab.header, [[(c.text, c.mark) for c in row] for row in tab.rows])


def _shade(cell: Any, fill: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _diagram_width_cm(png: bytes) -> float:
    """The diagram's width on a landscape A4 page: full text width, unless too tall."""
    width, height = struct.unpack(">II", png[16:24])  # the PNG header's IHDR size
    text_width, room_height = 25.7, 14.0
    return float(round(min(text_width, room_height * width / max(height, 1)), 2))


def render_docx(
    report: Report, diagram_png: bytes | None, diagram_error: str | None, charts: list[bytes]
) -> bytes:
    """The Word document's bytes.

    ``diagram_png`` is the diagram at print resolution; ``charts`` one PNG per
    survey question, in the order of ``report.charts``.
    """
    w = _Writer(report)
    t = report.t
    lang = report.language
    titles = [s["title"] for s in outline(report)]
    w.heading(report.title, 0)
    if report.scope:
        w.para(report.scope, style="Subtitle")

    w.heading(titles[0], 1)
    for paragraph in paragraphs(report.description):
        w.para(paragraph)
    if report.interventions.rows:
        w.heading(t["interventions"], 2)
        w.content_table(report.interventions)
    if report.actors.rows:
        w.heading(t["actors"], 2)
        w.content_table(report.actors)

    # The diagram is as wide as the theory has columns: it gets a landscape
    # page of its own so that its text stays legible on A4.
    w.orientation(landscape=True)
    w.heading(titles[1], 1)
    if diagram_png:
        w.image(diagram_png, _diagram_width_cm(diagram_png), report.diagram_alt)
        w.para(report.diagram_alt, style="Caption")
    else:
        w.para(text("report.diagram_missing", lang, reason=diagram_error or ""))
    w.heading(t["legend"], 2)
    w.para(t["legend_lead"])
    for key, label, _colour in report.legend:
        paragraph = w.doc.add_paragraph(style="List Bullet")
        run = paragraph.add_run("━━ ")
        from docx.shared import RGBColor

        run.font.color.rgb = RGBColor.from_string(_colour.lstrip("#").upper())
        run.bold = True
        paragraph.add_run(_clean(label))
        del key
    w.orientation(landscape=False)

    w.heading(titles[2], 1)
    for m in report.mechanisms:
        w.heading(f"3.{m.number} {m.title}", 2)
        w.para(t["assumption"] + ":", style="Intense Quote").runs[0].bold = True
        w.para(m.statement, style="Intense Quote")
        if m.links:
            w.heading(t["links_explained"], 3)
            w.bullets(m.links)
        if m.conditions:
            w.heading(t["conditions_needed"], 3)
            w.bullets(m.conditions)
        w.heading(t["evidence"], 3)
        if not m.evidence:
            w.para(t["no_evidence"])
        for group in m.evidence:
            w.heading(group.heading, 4)
            for e in group.items:
                meta = " · ".join(
                    part
                    for part in (
                        e.source,
                        e.date,
                        f"{t['col.stance']}: {e.stance}",
                        e.survey or "",
                    )
                    if part
                )
                w.para(meta, bold_lead=e.kind.capitalize() + ":")
                if e.summary:
                    w.para(e.summary)
                for quote in e.quotes:
                    w.para(quote, style="Quote")
        w.heading(t["judgement"], 3)
        if not m.judgements:
            w.para(t["no_judgement"])
        for b in m.judgements:
            w.heading(b.heading, 4)
            if b.current:
                w.para(
                    f"{b.current.verdict} ({t['confidence']}: {b.current.confidence})",
                    bold_lead=t["verdict"] + ":",
                )
                if b.current.rationale:
                    w.para(b.current.rationale, bold_lead=t["rationale"] + ":")
                if b.current.by or b.current.date:
                    by = b.current.by + (f" ({b.current.date})" if b.current.date else "")
                    w.para(by, bold_lead=t["judged_by"] + ":")
            else:
                w.para(t["no_judgement"])
            if b.suggestion:
                parts = [b.suggestion]
                if b.posterior:
                    parts.append(f"{t['posterior']}: {b.posterior}")
                if b.robustness:
                    parts.append(f"{t['robustness']}: {b.robustness}")
                w.para(" · ".join(parts), bold_lead=t["suggestion"] + ":")
            if b.conflict:
                w.para(b.conflict, bold_lead="⚠ " + t["conflict"] + ":")
            if b.history:
                w.para("", bold_lead=t["history"] + ":")
                w.bullets(
                    [
                        f"{h.date} – {h.verdict} ({t['confidence']}: {h.confidence})"
                        + (f": {h.rationale}" if h.rationale else "")
                        for h in b.history
                    ]
                )
    w.heading(f"3.{len(report.mechanisms) + 1} {t['matrix']}", 2)
    w.para(t["matrix_lead"])
    w.content_table(report.matrix)

    w.heading(titles[3], 1)
    if report.rivals.rows:
        w.content_table(report.rivals)
        if report.at_risk:
            w.para(t["at_risk"])
            w.bullets(report.at_risk)
        else:
            w.para(t["none_at_risk"])
    else:
        w.para(t["no_rivals"])
    if report.pathway_at_risk:
        w.para(t["pathway_at_risk"])
        w.bullets(report.pathway_at_risk)

    w.heading(titles[4], 1)
    if report.indicators:
        w.table(
            [
                t["col.outcome"],
                t["col.indicator"],
                t["col.baseline"],
                t["col.target"],
                t["col.actual"],
                t["col.status"],
            ],
            [
                [
                    (i.outcome, None),
                    (i.name, None),
                    (i.baseline, None),
                    (i.target, None),
                    (i.actual, None),
                    (i.status, None),
                ]
                for i in report.indicators
            ],
        )
    else:
        w.para(t["no_indicators"])

    w.doc.add_page_break()
    w.heading(titles[5], 1)
    if report.surveys:
        w.para(t["survey_lead"])
        for s in report.surveys:
            w.heading(f"{s.source} – {s.intervention}", 2)
            rows = []
            for row in s.rows:
                cells: list[tuple[str, str | None]] = [(row.question, None)]
                for i in range(len(s.scale)):
                    value = f"{row.shares[i]}\n{row.counts[i]}"
                    if i in row.top and row.rule_key:
                        marker = t["rule." + row.rule_key][:1]
                        cells.append((f"{marker} {value}", row.rule_key))
                    else:
                        cells.append((value, None))
                cells += [
                    (str(row.dont_know), None),
                    (str(row.answered), None),
                    (row.rule or t["no_value"], row.rule_key),
                ]
                rows.append(cells)
            w.table(
                [t["col.question"], *s.scale, t["col.dont_know"], t["col.answered"], t["col.rule"]],
                rows,
                numeric=set(range(1, len(s.scale) + 3)),
            )
        w.heading(t["survey_charts"], 2)
        for chart, png in zip(report.charts, charts, strict=True):
            w.image(png, 16.0, chart.alt)
    else:
        w.para(t["no_surveys"])

    w.doc.add_page_break()
    w.heading(titles[6], 1)
    if report.findings.rows:
        w.content_table(report.findings)
    else:
        w.para(t["no_findings"])

    out = io.BytesIO()
    w.doc.save(out)
    return out.getvalue()
