"""The options of a diagram, checked once, and the output formats.

`RenderOptions` holds every option of `toc.render`, `toc.to_dot` and
``toc render``; `options_from` builds it from keyword arguments and raises
`toc.errors.OptionError` for a misspelt name or a value that is not allowed.
What can only be checked against a document (an intervention or node that
must exist) is checked when the diagram is built (`toc.diagram.view`).
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from typing import Any

from toc.assessment import Assessment
from toc.errors import OptionError
from toc.formats import DIAGRAM, format_of

__all__ = [
    "COLOR_SCHEMES",
    "ENGINES",
    "FORMATS",
    "ORIENTATIONS",
    "PRESETS",
    "NodePaint",
    "Preset",
    "RenderOptions",
    "UnknownOptionError",
    "format_for",
    "options_from",
]

FORMATS: tuple[str, ...] = tuple(dict.fromkeys(DIAGRAM.values()))
"""Output formats: three drawn by Graphviz, DOT source and Mermaid source."""

COLOR_SCHEMES: tuple[str, ...] = ("stage", "verdict", "support", "none")
"""Colour schemes: boxes by ``stage``; links and badges by ``verdict`` (recorded, else
suggested); outcomes by pathway ``support``; or ``none``. Any other colouring is a
`NodePaint` passed as ``paint``."""

ORIENTATIONS: tuple[str, ...] = ("LR", "TB")
THEME_NAMES: tuple[str, ...] = ("default", "print")
ENGINES: tuple[str, ...] = ("bundled", "system")
LINE_STYLES: tuple[str, ...] = ("solid", "dashed", "dotted", "bold")
_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")


@dataclass(frozen=True)
class Preset:
    """Text sizes and line length of a diagram, made for one kind of screen or page.

    Sizes are in points of the drawing. ``screen`` and ``min_text`` state what
    the preset promises: fitted to a screen of that many pixels, its smallest
    text is at least ``min_text`` of the screen height (`toc.diagram.screen`
    checks a drawn diagram against it).
    """

    name: str
    text: float
    """Box text."""
    small: float
    """The smallest text: badges, arrow labels, indicators."""
    legend: float
    """Legend and strand names."""
    heading: float
    """Column headings."""
    title: float
    subtitle: float
    wrap: int
    """Characters per line in a box, unless ``wrap`` is given."""
    screen: tuple[int, int] | None = None
    """The screen the preset is made for, in pixels (width, height)."""
    min_text: float = 0.0
    """The smallest text's share of the screen height that the preset promises."""


PRESETS: dict[str, Preset] = {
    "default": Preset("default", 10, 8, 9, 11, 16, 11, 24),
    # Projector: every text at least the box text's size, fewer words per line,
    # for a 1920x1080 projector read from the back of the room (text at least
    # 1/50 of the screen height, the usual legibility rule for slides).
    "projector": Preset("projector", 14, 14, 14, 15, 20, 15, 16, (1920, 1080), 1 / 50),
    # Page: the report's diagram, scaled down to a landscape A4 page. Box text is
    # large beside headings, badges and legend, whose widths do not shrink with
    # it, so that the boxes' text still prints at about 8 points.
    "page": Preset("page", 12, 9, 9, 10, 14, 10, 20),
}
"""The presets by name: ``default`` (screens, print), ``projector`` and ``page`` (the
diagram of a report, scaled to a landscape A4 page)."""


class UnknownOptionError(OptionError, TypeError):
    """An option name that does not exist (a `TypeError`, as for any unknown keyword)."""


@dataclass(frozen=True)
class NodePaint:
    """Box colours chosen by the caller, with the legend that explains them.

    This is how another analysis colours the boxes, for instance outcomes by
    pathway support::

        NodePaint(
            fills={"long-kitt": "#0072B2"},
            legend=[("#0072B2", "supported")],
            title="Pathway support",
            styles={"long-kitt": "bold"},
        )

    Boxes not named in ``fills`` get the theme's neutral fill. ``styles``
    (``solid``, ``dashed``, ``dotted``, ``bold``) set the box outline, so that
    the meaning survives black-and-white print.
    """

    fills: Mapping[str, str]
    """Node id → fill colour ``#rrggbb``."""
    legend: Sequence[tuple[str, str]] = ()
    """Legend rows: (colour, meaning)."""
    title: str | None = None
    """Legend heading for these colours."""
    styles: Mapping[str, str] = field(default_factory=dict)
    """Node id → outline style."""


_FONT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ,._-]{0,63}$")


@dataclass(frozen=True)
class RenderOptions:
    """Every option of a diagram, with its default."""

    color_by: str = "stage"
    """``stage`` (box fill by column), ``verdict`` (links and badges by the
    current judgement of their mechanisms, else the evidence's suggestion),
    ``support`` (outcomes by pathway support) or ``none``."""
    theme: str = "default"
    """``default``, or ``print`` for black-and-white print."""
    orientation: str = "LR"
    """``LR``: stages as columns, left to right; ``TB``: stages as rows."""
    intervention: str | None = None
    """Show only the common strand and this intervention's strand."""
    focus: str | None = None
    """Show only what leads to or from this node, or the pathways through the links of
    this mechanism."""
    depth: int | None = None
    """With ``focus``: how many links away from the focus to show (None: all)."""
    reveal: int | None = None
    """Show only the first this many stages; the others keep their place, blank."""
    legend: bool = True
    """Draw the legend of badges and colours."""
    badges: bool = True
    """Draw the mechanism badges (hidden, the arrows keep their course)."""
    indicators: bool = False
    """Show each box's indicators under its label, with the latest value."""
    preset: str = "default"
    """Text sizes: ``default``, or ``projector`` (1920x1080, larger text, shorter lines)."""
    title: str | None = None
    """Title above the diagram; None = the document's title, "" = none."""
    subtitle: str | None = None
    """Line under the title; None = the intervention or focus shown, if any."""
    common_label: str | None = None
    """Name of the common strand; None = "Gemensamt" / "Common"."""
    wrap: int = 24
    """Characters per line in a box (the box width follows); the preset's when not given
    to `options_from` (24, or 16 for ``projector``)."""
    dpi: int = 150
    """Resolution of PNG output."""
    size: tuple[float, float] | None = None
    """The largest drawing, (width, height) in inches: a larger diagram is scaled down to
    fit (Graphviz's ``size``), so that a PNG is drawn for the page it goes on."""
    language: str | None = None
    """Language of headings, strand names and legend (``sv`` or ``en``); None = the
    document's ``language``."""
    engine: str = "bundled"
    """``bundled``: the Graphviz inside pygraphviz; ``system``: ``dot`` on PATH."""
    font: str = "DejaVu Sans"
    """Font family of all text."""
    verdicts: Mapping[str, str | Mapping[str, str]] | None = None
    """Verdicts to colour by instead of the recorded judgements: mechanism id →
    verdict, or mechanism id → {intervention id: verdict}. Mechanisms left out
    are unassessed. This is how suggested verdicts are drawn."""
    verdicts_suggested: bool | frozenset[str] = False
    """Which ``verdicts`` are suggestions from the evidence, not recorded judgements:
    True for all of them, or the ids of the mechanisms whose verdicts are. Their
    badges get a ``*`` and the legend says so."""
    paint: NodePaint | None = None
    """Box colours chosen by the caller; they override the colour scheme's."""
    assessment: Assessment | None = None
    """The document's `toc.assessment.Assessment`, when the caller has made it: colouring
    by verdict or support reads it instead of judging the document again."""

    def suggested(self, mechanism: str) -> bool:
        """Whether the verdict drawn for ``mechanism`` is a suggestion."""
        if isinstance(self.verdicts_suggested, frozenset):
            return mechanism in self.verdicts_suggested
        return self.verdicts_suggested


_NAMES = tuple(f.name for f in fields(RenderOptions))


def _choice(name: str, value: Any, allowed: Sequence[str]) -> str:
    if not isinstance(value, str) or value not in allowed:
        raise OptionError(f"{name} must be one of {', '.join(allowed)}, not {value!r}")
    return value


def _integer(name: str, value: Any, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise OptionError(f"{name} must be a whole number from {low} to {high}, not {value!r}")
    return value


def _text(name: str, value: Any) -> str | None:
    if value is not None and not isinstance(value, str):
        raise OptionError(f"{name} must be text, not {value!r}")
    return value


def _check_paint(paint: Any) -> NodePaint | None:
    if paint is None:
        return None
    if not isinstance(paint, NodePaint):
        raise OptionError(f"paint must be a toc.diagram.NodePaint, not {paint!r}")
    for node, colour in paint.fills.items():
        if not isinstance(colour, str) or not _COLOUR.match(colour):
            raise OptionError(f"paint colour for {node!r} must be #rrggbb, not {colour!r}")
    for colour, meaning in paint.legend:
        if not isinstance(colour, str) or not _COLOUR.match(colour):
            raise OptionError(f"paint legend colour must be #rrggbb, not {colour!r}")
        _text("paint legend text", meaning)
    for node, style in paint.styles.items():
        _choice(f"paint style for {node!r}", style, LINE_STYLES)
    return paint


def _check_verdicts(value: Any) -> Mapping[str, str | Mapping[str, str]] | None:
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise OptionError(f"verdicts must be a mapping of mechanism id to verdict, not {value!r}")
    for key, verdict in value.items():
        if not isinstance(key, str):
            raise OptionError(f"verdicts keys must be mechanism ids, not {key!r}")
        per = verdict if isinstance(verdict, Mapping) else {"": verdict}
        for intervention, one in per.items():
            if not isinstance(intervention, str) or not isinstance(one, str):
                raise OptionError(
                    f"verdicts[{key!r}] must be a verdict or a mapping of intervention id "
                    f"to verdict, not {verdict!r}"
                )
    return value


def options_from(options: Mapping[str, Any] | None = None, /, **more: Any) -> RenderOptions:
    """`RenderOptions` from keyword arguments, each name and value checked.

    >>> options_from(color_by="verdict", orientation="TB").orientation
    'TB'
    >>> options_from(colour="stage")
    Traceback (most recent call last):
    ...
    toc.diagram.options.UnknownOptionError: unknown option 'colour'; did you mean 'color_by'?
    """
    given = {**(options or {}), **more}
    for name in given:
        if name not in _NAMES:
            close = difflib.get_close_matches(name, _NAMES, n=1, cutoff=0.5)
            hint = f"; did you mean {close[0]!r}?" if close else f"; options: {', '.join(_NAMES)}"
            raise UnknownOptionError(f"unknown option {name!r}{hint}")
    preset = given.get("preset", "default")
    _choice("preset", preset, tuple(PRESETS))
    if given.get("wrap") is None:
        given["wrap"] = PRESETS[preset].wrap
    result = RenderOptions(**given)
    _choice("color_by", result.color_by, COLOR_SCHEMES)
    _choice("theme", result.theme, THEME_NAMES)
    _choice("orientation", result.orientation, ORIENTATIONS)
    _choice("engine", result.engine, ENGINES)
    _integer("wrap", result.wrap, 8, 200)
    _integer("dpi", result.dpi, 24, 1200)
    if result.language is not None:
        _choice("language", result.language, ("sv", "en"))
    if result.size is not None and not (
        isinstance(result.size, tuple)
        and len(result.size) == 2
        and all(isinstance(v, int | float) and 0.5 <= v <= 200 for v in result.size)
    ):
        raise OptionError(
            f"size must be (width, height) in inches, each from 0.5 to 200, not {result.size!r}"
        )
    for name in ("intervention", "focus", "title", "subtitle", "common_label"):
        _text(name, getattr(result, name))
    for name in ("depth", "reveal"):
        if getattr(result, name) is not None:
            _integer(name, getattr(result, name), 0 if name == "depth" else 1, 1000)
    if result.depth is not None and result.focus is None:
        raise OptionError("depth needs a focus: give the node or mechanism to count from")
    if not isinstance(result.font, str) or not _FONT.match(result.font):
        # Graphviz writes the family into SVG attributes without escaping it.
        raise OptionError(
            f"font must be a font family name (letters, digits, spaces, '-', '_', '.', ','), "
            f"not {result.font!r}"
        )
    for name in ("legend", "badges", "indicators"):
        if not isinstance(getattr(result, name), bool):
            raise OptionError(f"{name} must be True or False, not {getattr(result, name)!r}")
    suggested: Any = result.verdicts_suggested
    if isinstance(suggested, set | list | tuple):
        suggested = frozenset(suggested)
        object.__setattr__(result, "verdicts_suggested", suggested)
    if not isinstance(suggested, bool | frozenset) or (
        isinstance(suggested, frozenset) and not all(isinstance(m, str) for m in suggested)
    ):
        raise OptionError(
            "verdicts_suggested must be True, False or a set of mechanism ids, "
            f"not {result.verdicts_suggested!r}"
        )
    _check_verdicts(result.verdicts)
    _check_paint(result.paint)
    if result.assessment is not None and not isinstance(result.assessment, Assessment):
        raise OptionError(
            f"assessment must be a toc.assessment.Assessment, not {result.assessment!r}"
        )
    return result


def format_for(path: str | os.PathLike[str] | None, format: str | None = None) -> str:
    """The output format: ``format`` if given, else the one ``path``'s suffix selects.

    >>> format_for("nils.svg"), format_for("x.MMD"), format_for("out", "png")
    ('svg', 'mermaid', 'png')
    >>> format_for("nils.jpg")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    toc.errors.OptionError: cannot tell the format from 'nils.jpg': use a file name ending in ...
    """
    if format is not None:
        return _choice("format", format, FORMATS)
    name = os.fspath(path) if path is not None else ""
    found = format_of(name, DIAGRAM)
    if found is None:
        raise OptionError(
            f"cannot tell the format from {name!r}: use a file name ending in "
            f"{', '.join(list(DIAGRAM)[:-1])} or {list(DIAGRAM)[-1]}, or give the format"
        )
    return found
