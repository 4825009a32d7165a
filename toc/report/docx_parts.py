"""The parts of a Word file python-docx has no call for: fields, lists, links, shading,
column widths and styles a template may lack (byte-stable packaging is `toc.ooxml`).

Everything here writes WordprocessingML the way Word itself does, so that
Word and LibreOffice both show it: a table of contents and captions are real
fields (``TOC``, ``SEQ``), lists are real numbered paragraphs, links are
``w:hyperlink`` elements with an external relationship.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

__all__ = [
    "column_widths",
    "ensure_style",
    "field",
    "field_end",
    "field_start",
    "fits",
    "hyperlink",
    "list_paragraph",
    "no_borders",
    "repeat_header",
    "set_cell_margins",
    "shade",
    "update_fields_on_open",
]


def shade(cell: Any, fill: str) -> None:
    """Fill a table cell with a colour (``#rrggbb`` or ``rrggbb``)."""
    properties = cell._tc.get_or_add_tcPr()
    for old in properties.findall(qn("w:shd")):
        properties.remove(old)
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill.lstrip("#").upper())
    properties.append(shading)


def set_cell_margins(table: Any, left_right_twips: int) -> None:
    """The table's cell padding left and right (in twips), so narrow cells keep their text."""
    properties = table._tbl.tblPr
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:w"), str(left_right_twips))
        edge.set(qn("w:type"), "dxa")
        margins.append(edge)
    properties.append(margins)


def no_borders(table: Any, inside: str | None = None) -> None:
    """A table without borders; ``inside`` (``rrggbb``) draws white lines between cells."""
    properties = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        edge = OxmlElement(f"w:{side}")
        if inside is not None and side == "insideV":
            edge.set(qn("w:val"), "single")
            edge.set(qn("w:sz"), "12")
            edge.set(qn("w:color"), inside)
        else:
            edge.set(qn("w:val"), "nil")
        borders.append(edge)
    properties.append(borders)


def repeat_header(row: Any) -> None:
    """Repeat a table's header row on every page the table spans."""
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(flag)
    keep = OxmlElement("w:cantSplit")
    row._tr.get_or_add_trPr().append(keep)


def _char(paragraph: Any, kind: str) -> None:
    run = paragraph.add_run()
    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), kind)
    run._r.append(element)


def field_start(paragraph: Any, instruction: str) -> None:
    """The start of a complex field and its instruction; the result follows, until
    `field_end` (in this paragraph or a later one)."""
    _char(paragraph, "begin")
    run = paragraph.add_run()
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    run._r.append(code)
    _char(paragraph, "separate")


def field_end(paragraph: Any) -> None:
    """The end of a complex field begun by `field_start`."""
    _char(paragraph, "end")


def field(paragraph: Any, instruction: str, shown: str) -> Any:
    """A complex field (``SEQ Tabell``, ``PAGE``) with ``shown`` as its current result;
    Word recomputes it, other readers show ``shown``. Returns the result's run."""
    field_start(paragraph, instruction)
    result = paragraph.add_run(shown)
    field_end(paragraph)
    return result


def update_fields_on_open(document: Any) -> None:
    """Ask Word to update the fields (the table of contents) when it opens the file."""
    settings = document.settings.element
    for old in settings.findall(qn("w:updateFields")):
        settings.remove(old)
    flag = OxmlElement("w:updateFields")
    flag.set(qn("w:val"), "true")
    settings.append(flag)


def hyperlink(paragraph: Any, url: str, text: str, bold: bool, italic: bool, size: Any) -> None:
    """A clickable link to ``url`` (http, https or mailto, checked by the caller)."""
    r_id = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    colour = OxmlElement("w:color")
    colour.set(qn("w:val"), "0B5394")
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    for flag, name in ((bold, "w:b"), (italic, "w:i")):
        if flag:
            properties.append(OxmlElement(name))
    properties.append(colour)
    if size is not None:
        half_points = OxmlElement("w:sz")
        half_points.set(qn("w:val"), str(int(size.pt * 2)))
        properties.append(half_points)
    properties.append(underline)
    run.append(properties)
    content = OxmlElement("w:t")
    content.set(qn("xml:space"), "preserve")
    content.text = text
    run.append(content)
    link.append(run)
    paragraph._p.append(link)


def _style_num_id(document: Any, style_name: str) -> int | None:
    try:
        style = document.styles[style_name]
    except KeyError:
        return None
    found = style.element.xpath("./w:pPr/w:numPr/w:numId/@w:val")
    return int(found[0]) if found else None


def list_paragraph(
    document: Any, container: Any, ordered: bool, level: int, restart: dict[str, int]
) -> Any:
    """A paragraph of a real Word list (``List Bullet``/``List Number``, levels 1–3).

    A numbered list starts again at its ``start`` number: the first paragraph of
    each list gets a new numbering instance (``restart`` holds the list's start
    number and, once made, its instance), as Word's "Restart at" does.
    """
    depth = min(level, 3)
    name = ("List Number" if ordered else "List Bullet") + ("" if depth == 1 else f" {depth}")
    try:
        document.styles[name]
    except KeyError:
        name = "List Paragraph" if _has_style(document, "List Paragraph") else "Normal"
        return container.add_paragraph(style=name)
    paragraph = container.add_paragraph(style=name)
    if ordered:
        num_id = _restarted(document, name, restart)
        if num_id is not None:
            numbering = paragraph._p.get_or_add_pPr().get_or_add_numPr()
            numbering.get_or_add_ilvl().val = 0
            numbering.get_or_add_numId().val = num_id
    return paragraph


def _restarted(document: Any, style_name: str, restart: dict[str, int]) -> int | None:
    key = f"num:{style_name}"
    if key in restart:
        return restart[key]
    base = _style_num_id(document, style_name)
    if base is None:
        return None
    numbering = document.part.numbering_part.element
    abstract = numbering.xpath(f'./w:num[@w:numId="{base}"]/w:abstractNumId/@w:val')
    if not abstract:
        return None
    num = numbering.add_num(int(abstract[0]))
    override = num.add_lvlOverride(ilvl=0)
    override.add_startOverride(restart.get("start", 1))
    restart[key] = int(num.numId)
    return restart[key]


def _has_style(document: Any, name: str) -> bool:
    try:
        document.styles[name]
    except KeyError:
        return False
    return True


def ensure_style(document: Any, name: str, kind: str = "paragraph", **looks: Any) -> str:
    """A style by ``name``: the document's own (a template's stays as it is), or a new one
    with ``looks`` (``size`` in points, ``bold``, ``italic``, ``colour`` ``rrggbb``,
    ``outline`` level for headings, ``base`` style)."""
    if _has_style(document, name):
        return name
    style_type = WD_STYLE_TYPE.CHARACTER if kind == "character" else WD_STYLE_TYPE.PARAGRAPH
    style = document.styles.add_style(name, style_type)
    base = looks.get("base", "Normal" if kind == "paragraph" else None)
    if base and _has_style(document, base):
        style.base_style = document.styles[base]
    font = style.font
    if "size" in looks:
        font.size = Pt(looks["size"])
    font.bold = looks.get("bold")
    font.italic = looks.get("italic")
    if "colour" in looks:
        font.color.rgb = RGBColor.from_string(looks["colour"])
    if "outline" in looks and kind == "paragraph":
        outline = OxmlElement("w:outlineLvl")
        outline.set(qn("w:val"), str(looks["outline"]))
        style.element.get_or_add_pPr().append(outline)
    return name


_BREAKABLE = re.compile(r"[ \t\n/–-]+")
"""Where a line may break: spaces, and after a slash or dash. A no-break space
(as in "46,15 %") does not break."""


def _pieces(texts: Sequence[str]) -> list[str]:
    return [p for text in texts for p in _BREAKABLE.split(text) if p] or [""]


def fits(columns: Sequence[Sequence[str]], total: float, char_width: float, padding: float) -> bool:
    """Whether every column's longest unbreakable piece fits side by side in ``total``.

    >>> fits([["Samverkansrepresentanter"], ["7"]], 6.0, 0.18, 0.45)
    True
    >>> fits([["Samverkansrepresentanter"], ["Utgångsvärde"]], 6.0, 0.18, 0.45)
    False
    """
    need = sum(max(len(p) for p in _pieces(texts)) * char_width + padding for texts in columns)
    return need <= total


def column_widths(
    columns: Sequence[Sequence[str]], total: float, char_width: float, padding: float
) -> list[float]:
    """Column widths (same unit as ``total``) from the text each column holds.

    Every column gets at least the width of its longest unbreakable piece (a
    word, a number with its unit), so that no number or short word is split;
    the rest of ``total`` goes to the columns by how much longer their longest
    line is. When even the unbreakable pieces do not fit, each gets its share
    of ``total`` in proportion to them.

    >>> column_widths([["Fråga om samverkan och forum"], ["46,15\\xa0%", "7"]], 10.0, 0.2, 0.2)
    [7.84, 2.16]
    """
    minimum = []
    wanted = []
    for texts in columns:
        pieces = _pieces(texts)
        longest_piece = max(len(p) for p in pieces)
        longest_line = max((len(line) for text in texts for line in text.split("\n")), default=0)
        minimum.append(longest_piece * char_width + padding)
        wanted.append(max(longest_line * char_width + padding, minimum[-1]))
    floor = sum(minimum)
    if floor >= total:
        return [round(total * m / floor, 2) for m in minimum]
    if sum(wanted) <= total:
        spare = total - sum(wanted)
        return [round(w + spare * w / sum(wanted), 2) for w in wanted]
    room = total - floor
    extra = [w - m for w, m in zip(wanted, minimum, strict=True)]
    return [round(m + room * e / sum(extra), 2) for m, e in zip(minimum, extra, strict=True)]
