"""What one open page shows: the view options it asks for, as a query string.

A page asks for ``/events?preset=projector&focus=m-chains&depth=1`` (and the
same query on ``/diagram.svg``); `view_options` checks each parameter and
turns it into `toc.diagram.options.RenderOptions` keywords. The parameters
are the presenting options of ``toc render``:

========================  ==============================================
``preset``                ``default`` or ``projector``
``color``                 ``stage``, ``verdict``, ``support`` or ``none``
``intervention``          an intervention id: the common strand and its own
``focus``                 a node or mechanism id; ``depth`` links around it
``reveal``                the first this many stages
``legend``, ``badges``,   ``0`` or ``1``
``indicators``
========================  ==============================================

Ids are checked against the document when the diagram is built.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from toc.diagram.options import COLOR_SCHEMES, PRESETS
from toc.errors import OptionError

__all__ = ["PARAMETERS", "view_key", "view_options"]

PARAMETERS: tuple[str, ...] = (
    "preset",
    "color",
    "intervention",
    "focus",
    "depth",
    "reveal",
    "legend",
    "badges",
    "indicators",
)
"""The query parameters a view takes, in the order of its key."""

_FLAGS = {"legend": True, "badges": True, "indicators": False}


def _number(name: str, value: str) -> int:
    if not value.isdigit() or len(value) > 4:
        raise OptionError(f"{name} must be a whole number, not {value!r}")
    return int(value)


def view_options(query: Mapping[str, str]) -> dict[str, Any]:
    """`RenderOptions` keywords for a page's query parameters.

    Unknown parameters are an error, so that a misspelt one never silently
    shows another view.

    >>> view_options({"preset": "projector", "color": "verdict", "legend": "0"})
    {'preset': 'projector', 'color_by': 'verdict', 'legend': False}
    >>> view_options({"focus": "m-chains", "depth": "x"})
    Traceback (most recent call last):
    ...
    toc.errors.OptionError: depth must be a whole number, not 'x'
    """
    out: dict[str, Any] = {}
    for name, value in query.items():
        if name not in PARAMETERS:
            raise OptionError(f"unknown view parameter {name!r}; use: {', '.join(PARAMETERS)}")
        if name == "preset":
            if value not in PRESETS:
                raise OptionError(f"preset must be one of {', '.join(PRESETS)}, not {value!r}")
            out["preset"] = value
        elif name == "color":
            if value not in COLOR_SCHEMES:
                raise OptionError(f"color must be one of {', '.join(COLOR_SCHEMES)}, not {value!r}")
            out["color_by"] = value
        elif name in ("intervention", "focus"):
            if value:
                out[name] = value
        elif name in ("depth", "reveal"):
            if value:
                out[name] = _number(name, value)
        elif value not in ("0", "1"):
            raise OptionError(f"{name} must be 0 or 1, not {value!r}")
        elif (value == "1") != _FLAGS[name]:
            out[name] = value == "1"
    return out


def view_key(query: Mapping[str, str]) -> tuple[tuple[str, Any], ...]:
    """A hashable key for a view: its options in a fixed order (for the render cache).

    >>> view_key({"legend": "0", "preset": "projector"})
    (('preset', 'projector'), ('legend', False))
    """
    options = view_options(query)
    order = {"color_by": "color"}
    return tuple(
        (name, options[name])
        for name in sorted(options, key=lambda n: PARAMETERS.index(order.get(n, n)))
    )
