"""The report's diagram: `toc.diagram` coloured by verdict, drawn for the page it goes on.

The report reuses its one assessment (no second judgement), draws the
diagram in the report's language, without a title (the chapter heading is
the title) and without the diagram's own legend (the report's legend,
beside it, says the same in the report's words). The SVG keeps no element
names: Graphviz's ``<title>`` elements and comments name boxes by their ids,
which are not for a report's readers. The Word file gets a PNG scaled to the
landscape page it is placed on, at print resolution.
"""

from __future__ import annotations

import re
from typing import Any

from toc.assessment import Assessment
from toc.diagram import render_bytes
from toc.model import Document
from toc.quoting import plain

__all__ = ["PAGE", "PRINT_DPI", "draw_png", "draw_svg", "scale", "without_names"]

PRINT_DPI = 220
"""Resolution of the PNG placed in Word reports, at its size on the page."""

PAGE = (10.9, 6.9)
"""The room for the diagram on a landscape A4 page with 10 mm margins, above its
caption, in inches (width, height)."""

WRAPS = (20, 24, 16)
"""Line lengths tried for a diagram's boxes: the one that lets the diagram fill its
page at the largest text size is drawn."""

MAX_FITTED_NODES = 150
"""Larger documents are drawn once, at the default line length (each try is a layout)."""


def _options(assessment: Assessment, intervention: str | None, language: str) -> dict[str, Any]:
    return {
        "color_by": "verdict",
        "intervention": intervention,
        "assessment": assessment,
        "language": language,
        "title": "",
        "legend": False,
        "preset": "page",
    }


def without_names(svg: bytes) -> bytes:
    """An SVG without Graphviz's ``<title>`` elements and comments (they hold ids), and
    without the controls a report never holds (DEL, C1; `toc.quoting.plain`).

    >>> without_names(b'<g id="node1"><title>res&#45;a</title><!-- res-a --><text>A</text></g>')
    b'<g id="node1"><text>A</text></g>'
    """
    text = plain(svg.decode("utf-8"))
    text = re.sub(r"<title>[^<]*</title>\n?", "", text)
    text = re.sub(r"<!--.*?-->\n?", "", text, flags=re.DOTALL)
    return text.encode("utf-8")


def scale(svg: bytes, page: tuple[float, float] = PAGE) -> float:
    """How much an SVG drawing is scaled to fit ``page`` (inches): text of size *t*
    prints at *t* × this.

    >>> round(scale(b'<svg width="1569.6pt" height="360pt"', (10.9, 6.9)), 3)
    0.5
    """
    found = re.search(rb'width="([\d.]+)pt" height="([\d.]+)pt"', svg)
    if found is None:
        return 1.0
    width, height = float(found.group(1)) / 72, float(found.group(2)) / 72
    return min(page[0] / width, page[1] / height, 1.0)


def _fitted(doc: Document, options: dict[str, Any], page: tuple[float, float]) -> tuple[int, bytes]:
    """The line length that prints the diagram's text largest on ``page``, and its SVG."""
    if len(doc.nodes) > MAX_FITTED_NODES:
        return WRAPS[0], render_bytes(doc, "svg", wrap=WRAPS[0], **options)
    drawn = [(wrap, render_bytes(doc, "svg", wrap=wrap, **options)) for wrap in WRAPS]
    # The largest text; of equal ones (within 2 %), the first tried.
    best = max(scale(svg, page) for _, svg in drawn)
    return next((wrap, svg) for wrap, svg in drawn if scale(svg, page) >= best * 0.98)


def draw_svg(
    doc: Document, assessment: Assessment, intervention: str | None, language: str
) -> bytes:
    """The diagram as SVG, for HTML, PDF and Markdown reports, fitted to a landscape page."""
    _, svg = _fitted(doc, _options(assessment, intervention, language), PAGE)
    return without_names(svg)


def draw_png(
    doc: Document,
    assessment: Assessment,
    intervention: str | None,
    language: str,
    page: tuple[float, float] = PAGE,
) -> bytes:
    """The diagram as PNG, fitted to and scaled down for ``page`` (inches) at `PRINT_DPI`."""
    options = _options(assessment, intervention, language)
    wrap, _ = _fitted(doc, options, page)
    return render_bytes(doc, "png", dpi=PRINT_DPI, size=page, wrap=wrap, **options)
