"""Colours, symbols and line styles of the diagrams.

Two themes: ``default`` for screens and colour print, ``print`` for
black-and-white print and photocopies, where every distinction that colour
makes is also made by a symbol, a line style or a line width.

The stage colours are Paul Tol's *pale* scheme (made as background colours
for black text, distinguishable with the common forms of colour blindness);
the verdict colours are the Okabe–Ito palette.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from mechanisms.types import BADGE_VERDICTS

__all__ = [
    "ACROSS_MARK",
    "SUGGESTED_MARK",
    "SUPPORT_LOOK",
    "THEMES",
    "VERDICTS",
    "Theme",
    "VerdictStyle",
    "marks",
    "text_colour",
]

VERDICTS: tuple[str, ...] = BADGE_VERDICTS
"""The verdicts a mechanism badge can show, in legend order."""


@dataclass(frozen=True)
class VerdictStyle:
    """How a verdict looks on a badge and on the links it colours."""

    colour: str
    """Badge background and link colour."""
    symbol: str
    """Shown on the badge, so the verdict reads without colour."""
    style: str
    """DOT line style of the link: ``solid``, ``dotted`` or ``bold``."""
    penwidth: float
    """Line width of the link."""


@dataclass(frozen=True)
class Theme:
    """Every colour and style a diagram uses."""

    name: str
    text: str
    """Text in boxes, headings and the legend."""
    muted: str
    """Strand names, the subtitle."""
    rule: str
    """The lines that separate strands."""
    edge: str
    """Links without a verdict colour."""
    border: str
    """Box outlines when the colour scheme gives none."""
    neutral_fill: str
    """Box fill when the colour scheme does not colour boxes."""
    badge_fill: str
    """Mechanism badge background (``stage`` and ``none`` schemes)."""
    badge_text: str
    stage_fills: tuple[str, ...]
    """Box fill per stage, in stage order (repeats after the last)."""
    stage_borders: tuple[str, ...]
    verdicts: Mapping[str, VerdictStyle]


DEFAULT = Theme(
    name="default",
    text="#1A1A1A",
    muted="#555555",
    rule="#8C8C8C",
    edge="#4D4D4D",
    border="#4D4D4D",
    neutral_fill="#FFFFFF",
    badge_fill="#332288",
    badge_text="#FFFFFF",
    stage_fills=("#BBCCEE", "#CCEEFF", "#CCDDAA", "#EEEEBB", "#FFCCCC", "#DDDDDD"),
    stage_borders=("#222255", "#225555", "#225522", "#666633", "#663333", "#555555"),
    verdicts={
        "held": VerdictStyle("#0072B2", "✓", "solid", 2.4),
        "partly_held": VerdictStyle("#56B4E9", "◐", "solid", 2.4),
        "not_held": VerdictStyle("#D55E00", "✗", "solid", 2.4),
        "too_early": VerdictStyle("#E69F00", "…", "solid", 1.8),
        "inconclusive": VerdictStyle("#CC79A7", "?", "solid", 1.8),
        "unassessed": VerdictStyle("#999999", "–", "solid", 1.2),
    },
)

PRINT = Theme(
    name="print",
    text="#000000",
    muted="#333333",
    rule="#666666",
    edge="#000000",
    border="#000000",
    neutral_fill="#FFFFFF",
    badge_fill="#000000",
    badge_text="#FFFFFF",
    stage_fills=("#FFFFFF", "#EDEDED", "#DCDCDC", "#CBCBCB", "#BABABA", "#F6F6F6"),
    stage_borders=("#000000",) * 6,
    verdicts={
        "held": VerdictStyle("#000000", "✓", "bold", 2.8),
        "partly_held": VerdictStyle("#555555", "◐", "solid", 1.6),
        "not_held": VerdictStyle("#000000", "✗", "dotted", 2.2),
        "too_early": VerdictStyle("#777777", "…", "dotted", 1.2),
        "inconclusive": VerdictStyle("#777777", "?", "dotted", 1.2),
        "unassessed": VerdictStyle("#AAAAAA", "–", "solid", 0.8),
    },
)

THEMES: dict[str, Theme] = {"default": DEFAULT, "print": PRINT}
"""The themes by name."""

SUPPORT_LOOK: Mapping[str, Mapping[str, tuple[str, str]]] = {
    # Okabe-Ito colours (colour-blind safe); the outline style carries the
    # meaning in black-and-white print.
    "default": {
        "supported": ("#009E73", "bold"),
        "at_risk": ("#D55E00", "dashed"),
        "unassessed": ("#E0E0E0", "dotted"),
    },
    "print": {
        "supported": ("#FFFFFF", "bold"),
        "at_risk": ("#BABABA", "dashed"),
        "unassessed": ("#EDEDED", "dotted"),
    },
}
"""Per theme, the box fill and outline of each pathway support (``color_by="support"``)."""


SUGGESTED_MARK = "*"
"""Beside a verdict the evidence suggests, not yet recorded by the evaluator."""
ACROSS_MARK = "†"
"""Beside a verdict judged across all interventions, standing for one of them."""


def marks(source: str | None, across: bool) -> str:
    """The marks written beside a verdict's symbol, wherever a verdict is shown.

    >>> marks("suggested", False), marks("recorded", True), marks(None, False)
    ('*', '†', '')
    """
    return (SUGGESTED_MARK if source == "suggested" else "") + (ACROSS_MARK if across else "")


def text_colour(background: str) -> str:
    """Black or white, whichever reads better on ``background`` (``#rrggbb``).

    >>> text_colour("#0072B2"), text_colour("#EEEEBB")
    ('#FFFFFF', '#000000')
    """
    red, green, blue = (int(background[i : i + 2], 16) / 255 for i in (1, 3, 5))

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    luminance = 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    # WCAG contrast of white vs black on this background; pick the larger.
    return "#FFFFFF" if (1.05 / (luminance + 0.05)) > ((luminance + 0.05) / 0.05) else "#000000"
