"""The report's diagram: `toc.render` coloured by verdict, at print resolution."""

from __future__ import annotations

from typing import Any

from toc.assessment import Assessment
from toc.diagram import render_bytes
from toc.model import Document

__all__ = ["PRINT_DPI", "draw"]

PRINT_DPI = 200
"""Resolution of the PNG placed in Word reports (sharp on A4 at full width)."""


def draw(doc: Document, assessment: Assessment, fmt: str, intervention: str | None) -> bytes:
    """The diagram as ``svg`` or ``png`` bytes, links and badges coloured by verdict.

    The verdicts are those of ``assessment`` (recorded, else suggested, marked
    as such); nodes of other interventions are left out when ``intervention``
    is given.
    """
    options: dict[str, Any] = {
        "color_by": "verdict",
        "intervention": intervention,
        "assessment": assessment,
    }
    if fmt == "png":
        options["dpi"] = PRINT_DPI
    return render_bytes(doc, fmt, **options)
