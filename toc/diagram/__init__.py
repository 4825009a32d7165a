"""Diagrams of a theory of change: SVG, PNG, PDF, DOT and Mermaid.

Stages are columns, strands (the common strand, then one per intervention)
are rows, mechanisms are badges on the links they explain::

    import toc
    doc = toc.load("examples/nils-2018/nils-2018.yaml")
    toc.render(doc, "nils.svg")                        # format from the suffix
    toc.render(doc, "nils-ic.png", intervention="ic", color_by="verdict", dpi=200)
    source = toc.to_dot(doc, orientation="TB")
    toc.Diagram(doc, color_by="verdict")               # shown as a picture in Jupyter

Every option is described by `RenderOptions`; docs/diagrams.md shows each
one with a picture. The scene (`toc.diagram.view`) and DOT emission are
pure; only `toc.diagram.engine` runs Graphviz.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from toc.diagram import dot, engine, mermaid
from toc.diagram.options import FORMATS, NodePaint, RenderOptions, format_for, options_from
from toc.diagram.view import build_scene
from toc.errors import OptionError
from toc.files import write_atomic
from toc.model import Document

__all__ = [
    "FORMATS",
    "Diagram",
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


def _source(doc: Document, settings: RenderOptions, format: str) -> str:
    scene = build_scene(doc, settings)
    return mermaid.emit(scene) if format == "mermaid" else dot.emit(scene)


def to_dot(doc: Document, **options: Any) -> str:
    """The diagram as Graphviz DOT source (pure: the same input gives the same text).

    >>> import toc
    >>> doc = toc.loads("format: 1\\nid: d\\ntitle: D\\nnodes: [{id: a, stage: short, label: A}]")
    >>> to_dot(doc).startswith("// Theory-of-change diagram")
    True
    """
    return _source(_document(doc), options_from(options), "dot")


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
        raise OptionError(f"format must be one of {', '.join(FORMATS)}, not {format!r}")
    source = _source(_document(doc), options, "mermaid" if format == "mermaid" else "dot")
    if format in ("dot", "mermaid"):
        return source.encode("utf-8")
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
    chosen = format_for(path, format)
    data = render_bytes(doc, chosen, **options)
    write_atomic(path, data)
    return Path(path)


class Diagram:
    """A document's diagram as an object that notebooks show as a picture.

    ``Diagram(doc, color_by="verdict")`` in the last line of a Jupyter cell
    draws it; `svg` holds the SVG text, `save` writes it to a file.
    """

    def __init__(self, doc: Document, **options: Any) -> None:
        self.document = _document(doc)
        self.options = options_from(options)

    @property
    def svg(self) -> str:
        """The diagram as SVG text."""
        return draw(self.document, "svg", self.options).decode("utf-8")

    def save(self, path: str | os.PathLike[str], *, format: str | None = None) -> Path:
        """Write the diagram to ``path`` (format from the suffix unless given)."""
        data = draw(self.document, format_for(path, format), self.options)
        write_atomic(path, data)
        return Path(path)

    def _repr_svg_(self) -> str:
        return self.svg

    def _repr_mimebundle_(
        self, include: Any = None, exclude: Any = None, **kwargs: Any
    ) -> dict[str, str]:
        return {
            "image/svg+xml": self.svg,
            "text/plain": f"<toc.Diagram of {self.document.id!r}: {self.document.title}>",
        }
