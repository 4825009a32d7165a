"""mxGraph cells as text: styles, geometries, badge cells and the `Writer` that lines them up.

Every attribute value goes through `toc.quoting.xml_text`; a font name is
kept from breaking out of its style (`font`).
"""

from __future__ import annotations

import re

from toc.diagram.theme import marks, text_colour
from toc.diagram.view import Badge, Scene
from toc.interop.drawio.layout import Placed
from toc.quoting import xml_text

__all__ = [
    "BADGE_H",
    "MARGIN",
    "ROW",
    "Writer",
    "badge_cells",
    "badge_style",
    "box_geometry",
    "num",
    "safe_font",
    "style",
    "text_style",
    "text_width",
]

MARGIN = 20.0
"""Space around the drawing."""
ROW = 18.0
"""Height of a line of the legend."""
BADGE_H = 14.0
"""Height of a mechanism badge."""


def num(value: float) -> str:
    """A coordinate as written: one decimal at most, no trailing zeros."""
    return f"{round(value, 1):g}"


def style(shape: str = "", **pairs: str | float | int) -> str:
    """A draw.io style: an optional shape name, then ``key=value;`` pairs.

    >>> style("text", html=0, fontSize=9.0)
    'text;html=0;fontSize=9;'
    """
    head = f"{shape};" if shape else ""
    return head + "".join(f"{k}={num(v) if isinstance(v, float) else v};" for k, v in pairs.items())


def safe_font(name: str) -> str:
    """A font name that cannot break out of a style.

    >>> safe_font('Evil";fontColor=red'), safe_font(";")
    ('EvilfontColorred', 'Helvetica')
    """
    # A style is "key=value;" pairs: keep the font name from breaking out of it.
    return re.sub(r"[;=\"<>&]", "", name) or "Helvetica"


class Writer:
    """The cells of the drawing, as lines of XML, in the order they are added."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def cell(
        self,
        cell_id: str,
        *,
        value: str = "",
        style: str,
        parent: str = "1",
        vertex: bool = True,
        geometry: str,
        data: dict[str, str] | None = None,
        extra: str = "",
    ) -> None:
        kind = 'vertex="1"' if vertex else 'edge="1"'
        if data:
            attributes = "".join(f' {k}="{xml_text(v)}"' for k, v in data.items())
            self.lines.append(
                f'        <object id="{xml_text(cell_id)}" label="{xml_text(value)}"{attributes}>'
            )
            self.lines.append(
                f'          <mxCell style="{xml_text(style)}" {kind} parent="{xml_text(parent)}"'
                f"{extra}>"
            )
            self.lines.append(f"            {geometry}")
            self.lines.append("          </mxCell>")
            self.lines.append("        </object>")
        else:
            self.lines.append(
                f'        <mxCell id="{xml_text(cell_id)}" value="{xml_text(value)}" '
                f'style="{xml_text(style)}" {kind} parent="{xml_text(parent)}"{extra}>'
            )
            self.lines.append(f"          {geometry}")
            self.lines.append("        </mxCell>")


def box_geometry(p: Placed) -> str:
    """The geometry of a shape placed at ``p``."""
    return (
        f'<mxGeometry x="{num(p.x)}" y="{num(p.y)}" width="{num(p.w)}" '
        f'height="{num(p.h)}" as="geometry"/>'
    )


def text_width(text: str, size: float) -> float:
    """About how wide a line of text is at a font size."""
    return max(12.0, len(text) * size * 0.58 + 8)


def text_style(font: str, colour: str, size: float, bold: bool = False) -> str:
    """The style of a line of plain text (a title, a legend's words)."""
    return style(
        "text",
        html=0,
        align="left",
        verticalAlign="middle",
        whiteSpace="nowrap",
        fontSize=size,
        fontStyle=1 if bold else 0,
        fontFamily=font,
        fontColor=colour,
        strokeColor="none",
        fillColor="none",
        spacing=0,
    )


def badge_cells(badge: Badge, scene: Scene) -> list[tuple[str, str, str, float]]:
    """(text, fill, text colour, width) of each cell of a badge, as the DOT badge draws them."""
    theme = scene.theme
    label = f"M{badge.number}"
    cells = [(label, theme.badge_fill, theme.badge_text, 10.0 + 6 * len(label))]
    for cell in badge.cells:
        star = marks(cell.source, cell.across)
        verdict = theme.verdicts[cell.verdict]
        cells.append(
            (
                verdict.symbol + star,
                verdict.colour,
                text_colour(verdict.colour),
                15.0 + 6 * len(star),
            )
        )
    return cells


def badge_style(fill: str, colour: str, font: str) -> str:
    """The style of one cell of a mechanism badge."""
    return style(
        rounded=1,
        arcSize=30,
        html=0,
        whiteSpace="nowrap",
        fillColor=fill,
        strokeColor="none",
        fontColor=colour,
        fontStyle=1,
        fontSize=8,
        fontFamily=font,
        align="center",
        verticalAlign="middle",
        spacing=0,
        resizable=0,
        connectable=0,
    )
