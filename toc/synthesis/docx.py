"""The synthesis chapter as a Word document (python-docx): headings, lists, shaded tables."""

from __future__ import annotations

import io
from typing import Any

from toc.diagram.theme import DEFAULT, text_colour
from toc.ooxml import FIXED_TIME, stable_zip
from toc.quoting import word
from toc.synthesis.chapter import Bullets, Chapter, Para, Subheading, Table

__all__ = ["render_docx"]


def _shade(cell: Any, colour: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour.lstrip("#"))
    cell._tc.get_or_add_tcPr().append(shading)


def _table(doc: Any, block: Table) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    table = doc.add_table(rows=1, cols=len(block.header))
    table.style = "Table Grid"
    for cell, title in zip(table.rows[0].cells, block.header, strict=True):
        run = cell.paragraphs[0].add_run(word(title))
        run.bold = True
        run.font.size = Pt(8.5)
        _shade(cell, "#EEF2F6")
    for row in block.rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            paragraph = cell.paragraphs[0]
            for k, line in enumerate(value.lines):
                if k:
                    paragraph = cell.add_paragraph()
                run = paragraph.add_run(word(line))
                run.font.size = Pt(8.5)
                if value.verdict:
                    run.bold = True
                    ink = text_colour(DEFAULT.verdicts[value.verdict].colour)
                    run.font.color.rgb = RGBColor.from_string(ink.lstrip("#"))
                if value.numeric:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if value.verdict:
                _shade(cell, DEFAULT.verdicts[value.verdict].colour)
    doc.add_paragraph()


def render_docx(chapter: Chapter) -> bytes:
    """The Word document of the chapter, as bytes (deterministic: fixed document dates)."""

    import docx
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm, Pt

    doc: Any = docx.Document()
    normal = doc.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(10)
    props = doc.core_properties
    props.title = word(chapter.title)
    props.language = "sv-SE" if chapter.language == "sv" else "en-GB"
    props.created = props.modified = props.last_printed = FIXED_TIME
    props.author = props.last_modified_by = "toc"
    props.revision = 1
    section = doc.sections[0]
    # Landscape A4: the matrix and the CMO tables are wide.
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.left_margin = section.right_margin = Mm(15)
    section.top_margin = section.bottom_margin = Mm(15)
    doc.add_heading(word(chapter.title), 1)
    for p in chapter.lead:
        doc.add_paragraph(word(p))
    for sec in chapter.sections:
        doc.add_heading(word(sec.title), 2)
        for block in sec.blocks:
            if isinstance(block, Para):
                doc.add_paragraph(word(block.text))
            elif isinstance(block, Subheading):
                doc.add_heading(word(block.text), 3)
            elif isinstance(block, Bullets):
                doc.add_paragraph(word(block.lead))
                for item in block.items:
                    doc.add_paragraph(word(item), style="List Bullet")
            elif isinstance(block, Table):
                if block.key == "matrix":
                    legend = doc.add_paragraph()
                    for _, symbol, _, name in chapter.legend:
                        legend.add_run(word(f"{symbol} {name}   "))
                _table(doc, block)
    out = io.BytesIO()
    doc.save(out)
    return stable_zip(out.getvalue())
