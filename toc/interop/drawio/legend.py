"""The drawing's legend, above the diagram: mechanisms, colours and notes side by side.

The same legend `toc render` draws (the scene's `toc.diagram.view.Legend`),
as draw.io text and badge cells marked ``toc_role="legend"``; a mechanism's
title cell also carries ``toc_mechanism``, so that reading a drawing without
its document gets the mechanisms' titles back.
"""

from __future__ import annotations

from toc.diagram.theme import text_colour
from toc.diagram.view import Scene
from toc.i18n import text
from toc.interop.drawio.cells import (
    BADGE_H,
    MARGIN,
    ROW,
    Writer,
    badge_cells,
    badge_style,
    box_geometry,
    style,
    text_style,
    text_width,
)
from toc.interop.drawio.layout import Placed

__all__ = ["legend"]


def legend(out: Writer, scene: Scene, top: float, font: str) -> float:
    """Draw the legend at ``top``: mechanisms, colours, notes side by side; its height."""
    found = scene.legend
    if found is None:
        return 0.0
    x = MARGIN
    rows = 0
    if found.mechanisms:
        width, height = _mechanisms(out, scene, x, top, font)
        x += width + 30
        rows = max(rows, height)
    if found.colours:
        width, height = _colours(out, scene, x, top, font)
        x += width + 30
        rows = max(rows, height)
    start = 1 if found.colours or found.mechanisms else 0
    for n, note in enumerate(found.notes, start=start):
        out.cell(
            f"toc:legend:note:{n}",
            value=note,
            style=text_style(font, scene.theme.muted, 9),
            geometry=box_geometry(Placed(x, top + n * ROW, text_width(note, 9), ROW)),
            data={"toc_role": "legend"},
        )
        rows = max(rows, n + 1)
    return rows * ROW + 10


def _mechanisms(out: Writer, scene: Scene, x: float, top: float, font: str) -> tuple[float, int]:
    """The mechanisms' badges and titles; (width, rows) of the column."""
    assert scene.legend is not None
    mechanisms = scene.legend.mechanisms
    theme = scene.theme
    heading = text("render.legend.mechanisms", scene.language)
    out.cell(
        "toc:legend:mechanisms",
        value=heading,
        style=text_style(font, theme.text, 9, bold=True),
        geometry=box_geometry(Placed(x, top, text_width(heading, 9), ROW)),
        data={"toc_role": "legend"},
    )
    widest = 0.0
    for n, (badge, title) in enumerate(mechanisms, start=1):
        left = x
        y = top + n * ROW + 2
        for k, (label, fill, colour, w) in enumerate(badge_cells(badge, scene)):
            out.cell(
                f"toc:legend:badge:{badge.mechanism}:{k}",
                value=label,
                style=badge_style(fill, colour, font),
                geometry=box_geometry(Placed(left, y, w, BADGE_H)),
                data={"toc_role": "legend", "toc_mechanism": badge.mechanism},
            )
            left += w + 1
        width = text_width(title, 9)
        out.cell(
            f"toc:legend:title:{badge.mechanism}",
            value=title,
            style=text_style(font, theme.text, 9),
            geometry=box_geometry(Placed(left + 6, y - 2, width, ROW)),
            data={"toc_role": "legend", "toc_mechanism": badge.mechanism},
        )
        widest = max(widest, left + 6 + width - x)
    return widest, len(mechanisms) + 1


def _colours(out: Writer, scene: Scene, x: float, top: float, font: str) -> tuple[float, int]:
    """The colour swatches with their meanings; (width, rows) of the column."""
    assert scene.legend is not None
    colours = scene.legend.colours
    theme = scene.theme
    heading = scene.legend.colour_title or ""
    out.cell(
        "toc:legend:colours",
        value=heading,
        style=text_style(font, theme.text, 9, bold=True),
        geometry=box_geometry(Placed(x, top, text_width(heading, 9), ROW)),
        data={"toc_role": "legend"},
    )
    widest = text_width(heading, 9)
    for n, (colour, symbol, meaning) in enumerate(colours, start=1):
        y = top + n * ROW + 1
        out.cell(
            f"toc:legend:swatch:{n}",
            value=symbol,
            style=style(
                rounded=1,
                html=0,
                fillColor=colour,
                strokeColor=theme.border,
                fontColor=text_colour(colour),
                fontSize=8,
                fontStyle=1,
                fontFamily=font,
            ),
            geometry=box_geometry(Placed(x, y, 30, 16)),
            data={"toc_role": "legend"},
        )
        out.cell(
            f"toc:legend:meaning:{n}",
            value=meaning,
            style=text_style(font, theme.text, 9),
            geometry=box_geometry(Placed(x + 36, y - 1, text_width(meaning, 9), ROW)),
            data={"toc_role": "legend"},
        )
        widest = max(widest, 36 + text_width(meaning, 9))
    return widest, len(colours) + 1
