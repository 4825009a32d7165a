"""The report's diagram: `toc.render` coloured by verdict, at print resolution."""

from __future__ import annotations

from typing import Any

from toc.model import Document

__all__ = ["PRINT_DPI", "draw"]

PRINT_DPI = 200
"""Resolution of the PNG placed in Word reports (sharp on A4 at full width)."""


def draw(
    doc: Document,
    verdicts: dict[str, Any],
    fmt: str,
    intervention: str | None,
    suggested: frozenset[str] = frozenset(),
) -> bytes:
    """The diagram as ``svg`` or ``png`` bytes, links and badges coloured by ``verdicts``.

    Nodes of other interventions are left out when ``intervention`` is given;
    ``suggested`` marks the legend's verdicts as suggestions.
    """
    from toc.render import render_bytes

    options: dict[str, Any] = {
        "color_by": "verdict",
        "intervention": intervention,
        "verdicts": verdicts,
        "verdicts_suggested": suggested,
    }
    if fmt == "png":
        options["dpi"] = PRINT_DPI
    return render_bytes(doc, fmt, **options)
