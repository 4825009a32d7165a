"""Will a drawn diagram be legible on the screen its preset is made for?

The projector preset (`toc.diagram.options.PRESETS`) promises text of at
least 1/50 of the screen height on a 1920x1080 projector: 21.6 px, the usual
rule for slides read from the back of a room. Whether a diagram keeps that
promise depends on how big it is: fitted to the screen, a diagram wider or
taller than the screen is scaled down, its text with it.

`measure` reads what Graphviz drew (the SVG's size and its smallest font
size); `advise` draws the reductions a facilitator can make — no legend, one
intervention — and says which of them keep the promise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from toc.diagram import draw
from toc.diagram.options import PRESETS, Preset, RenderOptions
from toc.model import Document

__all__ = ["Reduction", "ScreenFit", "advise", "measure"]

_SIZE = re.compile(rb'<svg[^>]*?\swidth="([0-9.]+)pt"\s+height="([0-9.]+)pt"', re.S)
_FONT = re.compile(rb'font-size="([0-9.]+)"')


@dataclass(frozen=True)
class ScreenFit:
    """A drawn diagram fitted to a screen."""

    width: float
    """Width of the drawing, in points."""
    height: float
    """Height of the drawing, in points."""
    smallest: float
    """The smallest font size in the drawing, in points."""
    screen: tuple[int, int]
    """The screen, in pixels."""
    needed: float
    """The smallest text the screen needs, in pixels."""

    @property
    def scale(self) -> float:
        """Screen pixels per point of the drawing, fitted to the screen (never above 2)."""
        return min(self.screen[0] / self.width, self.screen[1] / self.height, 2.0)

    @property
    def text(self) -> float:
        """The smallest text on the screen, in pixels."""
        return self.smallest * self.scale

    @property
    def ok(self) -> bool:
        """Whether the smallest text is large enough."""
        return self.text >= self.needed - 1e-9


def measure(svg: bytes, preset: Preset = PRESETS["projector"]) -> ScreenFit:
    """The fit of a Graphviz SVG on ``preset``'s screen.

    >>> svg = b'<svg width="960pt" height="540pt"><text font-size="14.00">A</text></svg>'
    >>> fit = measure(svg)
    >>> fit.scale, round(fit.text, 1), fit.needed, fit.ok
    (2.0, 28.0, 21.6, True)
    """
    screen = preset.screen or (1920, 1080)
    found = _SIZE.search(svg)
    if found is None:
        raise ValueError("not a Graphviz SVG: no width and height in points")
    sizes = [float(size) for size in _FONT.findall(svg)]
    return ScreenFit(
        width=float(found.group(1)),
        height=float(found.group(2)),
        smallest=min(sizes, default=preset.text),
        screen=screen,
        needed=round(screen[1] * (preset.min_text or 1 / 50), 2),
    )


@dataclass(frozen=True)
class Reduction:
    """A smaller diagram that the same options with a few changes draw."""

    changes: tuple[tuple[str, str | bool], ...]
    """The options changed, as (name, value)."""
    fit: ScreenFit


def advise(doc: Document, options: RenderOptions) -> tuple[ScreenFit, list[Reduction]]:
    """The fit of a diagram on its preset's screen, and the reductions that would fit.

    The reductions tried, in this order: without the legend; then each
    intervention alone, without the legend. When none fits, the last item is
    the reduction that comes closest, so that the advice can say how far off
    it is.
    """
    preset = PRESETS[options.preset]
    fit = measure(draw(doc, "svg", options), preset)
    if fit.ok:
        return fit, []
    tries: list[tuple[tuple[str, str | bool], ...]] = []
    if options.legend:
        tries.append((("legend", False),))
    if options.intervention is None and options.focus is None and len(doc.interventions) > 1:
        tries += [(("legend", False), ("intervention", i.id)) for i in doc.interventions]
    results = []
    for changes in tries:
        given: dict[str, Any] = dict(changes)
        smaller = replace(options, **given)
        results.append(Reduction(changes, measure(draw(doc, "svg", smaller), preset)))
    fitting = [r for r in results if r.fit.ok]
    if fitting:
        return fit, fitting
    best = max(results, key=lambda r: r.fit.text, default=None)
    return fit, [best] if best is not None else []
