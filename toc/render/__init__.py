"""Diagrams of a theory of change: SVG, PNG, PDF, DOT and Mermaid.

Stages are columns, strands (the common strand, then one per intervention)
are rows, mechanisms are badges on the links they explain::

    import toc
    doc = toc.load("examples/nils-2018/nils-2018.yaml")
    toc.render(doc, "nils.svg")                        # format from the suffix
    toc.render(doc, "nils-ic.png", intervention="ic", color_by="verdict", dpi=200)
    source = toc.to_dot(doc, orientation="TB")

Every option is described by `RenderOptions`; docs/diagrams.md shows each
one with a picture. DOT emission is pure; only `toc.render.engine` runs
Graphviz. Importing this package is cheap: Graphviz is loaded when a picture
is drawn.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import Any

from toc.model import Document
from toc.render.options import (
    COLOR_SCHEME_PLUGINS,
    FORMATS,
    NodePaint,
    RenderOptions,
    format_for,
    options_from,
)

__all__ = [
    "COLOR_SCHEME_PLUGINS",
    "FORMATS",
    "NodePaint",
    "RenderOptions",
    "draw",
    "render",
    "render_bytes",
    "to_dot",
    "to_mermaid",
]


def _document(doc: Any) -> Document:
    if not isinstance(doc, Document):
        raise TypeError(
            f"expected a toc.Document, not {type(doc).__name__}; load a file with toc.load(path)"
        )
    return doc


def to_dot(doc: Document, **options: Any) -> str:
    """The diagram as Graphviz DOT source (pure: the same input gives the same text).

    >>> import toc
    >>> doc = toc.loads("format: 1\\nid: d\\ntitle: D\\nnodes: [{id: a, stage: short, label: A}]")
    >>> to_dot(doc).startswith("// Theory-of-change diagram")
    True
    """
    return _source(_document(doc), options_from(options), "dot")


def _source(doc: Document, settings: RenderOptions, format: str) -> str:
    from toc.render.view import build_scene

    if settings.color_by == "verdict" and settings.verdicts is None:
        # The recorded verdict where there is one, else the evidence's suggestion.
        from toc.assess import effective_verdicts

        verdicts, suggested = effective_verdicts(doc, intervention=settings.intervention)
        settings = replace(settings, verdicts=verdicts, verdicts_suggested=suggested)

    scene = build_scene(doc, settings)
    if format == "mermaid":
        from toc.render import mermaid

        return mermaid.emit(scene)
    from toc.render import dot

    return dot.emit(scene)


def to_mermaid(doc: Document, **options: Any) -> str:
    """The diagram as a Mermaid flowchart (one subgraph per column)."""
    return _source(_document(doc), options_from(options), "mermaid")


def render_bytes(doc: Document, format: str = "svg", **options: Any) -> bytes:
    """The diagram as ``format`` (svg, png, pdf, dot or mermaid), as bytes.

    SVG and DOT are byte-stable for a given Graphviz version; so are PNG and
    PDF on one machine.
    """
    return draw(doc, format, options_from(options))


def draw(doc: Document, format: str, options: RenderOptions) -> bytes:
    """Like `render_bytes`, with the options already checked (`options_from`)."""
    if format not in FORMATS:
        from toc.errors import OptionError

        raise OptionError(f"format must be one of {', '.join(FORMATS)}, not {format!r}")
    source = _source(_document(doc), options, "mermaid" if format == "mermaid" else "dot")
    if format in ("dot", "mermaid"):
        return source.encode("utf-8")
    from toc.render import engine

    return engine.draw(source, format, engine=options.engine, dpi=options.dpi)


def render(
    doc: Document,
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    **options: Any,
) -> Path:
    """Write the diagram to ``path``; the format comes from its suffix unless given.

    Suffixes: ``.svg``, ``.png``, ``.pdf``, ``.dot`` (or ``.gv``), ``.mmd``
    (Mermaid). The file is written atomically: on any error it is left as it
    was, never half-written. Returns the path written.
    """
    from toc.files import write_atomic

    chosen = format_for(path, format)
    data = render_bytes(doc, chosen, **options)
    write_atomic(path, data)
    return Path(path)
