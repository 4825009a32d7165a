"""Survey distributions as horizontal stacked bars, drawn with matplotlib.

One chart per question: the shares of the answers per scale step, "don't
know" excluded (as in the survey table) and stated beside the bar. The SVG is
deterministic (fixed hash salt, no date), so reports diff cleanly; text is
drawn as paths, so no text from the document reaches the SVG as markup.
"""

from __future__ import annotations

import io
import textwrap
from typing import Any

from toc.i18n import format_number
from toc.report.content import Chart

__all__ = ["PRINT_DPI", "draw_chart"]

PRINT_DPI = 200
"""Resolution of PNG charts, as put in Word reports."""


def _palette(steps: int) -> list[tuple[float, float, float, float]]:
    from matplotlib import colormaps

    # A single-hue ramp, low → high, so green and red stay reserved for the survey rule.
    cmap = colormaps["Blues"]
    if steps == 1:
        return [cmap(0.7)]
    return [cmap(0.25 + 0.65 * i / (steps - 1)) for i in range(steps)]


def _printable(value: str) -> str:
    # Control characters have no glyph; a chart shows them as spaces.
    return "".join(" " if ord(c) < 32 or 127 <= ord(c) < 160 else c for c in value)


def draw_chart(chart: Chart, fmt: str, language: str, dont_know_word: str) -> bytes:
    """One question's stacked bar as ``svg`` or ``png`` bytes.

    >>> from toc.report.content import Chart
    >>> svg = draw_chart(Chart("e", "Forum?", ["low", "high"], [6, 7], 4, "alt"),
    ...                  "svg", "en", "Don't know")
    >>> svg.startswith(b"<?xml") and svg == draw_chart(
    ...     Chart("e", "Forum?", ["low", "high"], [6, 7], 4, "alt"), "svg", "en", "Don't know")
    True
    """
    import matplotlib
    from matplotlib.figure import Figure

    # A bare Figure, not pyplot: no global figure list and no change to the
    # backend of a notebook that imports toc.
    answered = sum(chart.counts)
    pct = "\u00a0%" if language == "sv" else "%"
    rc: Any = {
        "svg.hashsalt": "toc-report",
        # Text from the document is text: "$x$" must not be parsed as mathtext.
        "text.parse_math": False,
        "svg.fonttype": "path",
        "font.family": "DejaVu Sans",
        "font.size": 8,
    }
    with matplotlib.rc_context(rc):
        fig = Figure(figsize=(6.3, 1.55))
        ax = fig.subplots()
        left = 0.0
        for step, count, colour in zip(
            chart.scale, chart.counts, _palette(len(chart.scale)), strict=True
        ):
            share = count / answered if answered else 0.0
            ax.barh(
                [0],
                [share],
                left=[left],
                color=colour,
                edgecolor="white",
                # matplotlib hides legend labels that start with "_".
                label="\u200b" + _printable(step) if step.startswith("_") else _printable(step),
            )
            if share >= 0.08:
                dark = sum(colour[:3]) / 3 < 0.55
                ax.text(
                    left + share / 2,
                    0,
                    format_number(share * 100, language, 0) + pct,
                    ha="center",
                    va="center",
                    color="white" if dark else "black",
                )
            left += share
        ax.set_xlim(0, 1)
        ax.set_ylim(-0.5, 0.5)
        ax.set_yticks([])
        ticks = [0, 0.25, 0.5, 0.75, 1]
        ax.set_xticks(ticks, [format_number(t * 100, language, 0) + pct for t in ticks])
        for side in ("top", "right", "left"):
            ax.spines[side].set_visible(False)
        ax.set_title(
            "\n".join(textwrap.wrap(_printable(chart.question), 95)), loc="left", fontsize=8.5
        )
        ax.text(
            1.01,
            0,
            f"n = {answered}\n{dont_know_word}: {chart.dont_know}",
            transform=ax.get_yaxis_transform(),
            va="center",
            fontsize=7.5,
        )
        ax.legend(
            loc="upper center",
            bbox_to_anchor=(0.5, -0.45),
            ncol=min(len(chart.scale), 4),
            frameon=False,
            fontsize=7.5,
        )
        fig.subplots_adjust(left=0.02, right=0.86, top=0.72, bottom=0.42)
        out = io.BytesIO()
        if fmt == "svg":
            fig.savefig(
                out, format="svg", metadata={"Date": None}, bbox_inches="tight", pad_inches=0.05
            )
        else:
            fig.savefig(
                out,
                format="png",
                dpi=PRINT_DPI,
                metadata={"Software": None},
                bbox_inches="tight",
                pad_inches=0.05,
            )
    return out.getvalue()
