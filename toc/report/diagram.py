"""The report's diagram: the chain with arrows coloured by the verdict on their mechanisms.

`toc.render` draws the diagram where it offers verdict colouring; otherwise
this module emits a plain DOT graph itself (through the ``graphviz``
package, which does all quoting) and lays it out with pygraphviz.
"""

from __future__ import annotations

from typing import Any

from toc.errors import TocError
from toc.model import Document

__all__ = ["DiagramError", "draw"]

PRINT_DPI = 200
"""Resolution of the PNG put in Word reports: sharp on paper, a few hundred KB."""


class DiagramError(TocError, RuntimeError):
    """The diagram could not be laid out."""


def _colours() -> dict[str, str]:
    from toc.report.content import VERDICT_COLOURS

    return VERDICT_COLOURS


def _via_render(
    doc: Document, verdicts: dict[str, str], fmt: str, intervention: str | None
) -> bytes | None:
    """The diagram from `toc.render`, or None where it offers no verdict colouring."""
    import importlib

    try:
        render_module = importlib.import_module("toc.render")
    except ImportError:
        return None
    render: Any = getattr(render_module, "render_bytes", None)
    if render is None:
        return None
    try:
        data = render(doc, format=fmt, colour_by="verdict", intervention=intervention)
    except TypeError:
        return None
    return data if isinstance(data, bytes) else None


def draw(doc: Document, verdicts: dict[str, str], fmt: str, intervention: str | None) -> bytes:
    """The diagram as ``svg`` or ``png`` bytes.

    Nodes of other interventions are left out when ``intervention`` is given.
    """
    found = _via_render(doc, verdicts, fmt, intervention)
    if found is not None:
        return found
    import importlib

    # The graphviz package ships no type information.
    graphviz: Any = importlib.import_module("graphviz")
    colours = _colours()
    dot = graphviz.Digraph(
        doc.id,
        graph_attr={
            "rankdir": "LR",
            "newrank": "true",
            "nodesep": "0.25",
            "ranksep": "0.6",
            "fontname": "DejaVu Sans",
            "bgcolor": "white",
            "dpi": str(PRINT_DPI) if fmt == "png" else "72",
        },
        node_attr={
            "shape": "box",
            "style": "rounded,filled",
            "fillcolor": "#f6f8fa",
            "color": "#57606a",
            "fontname": "DejaVu Sans",
            "fontsize": "10",
            "width": "2.2",
        },
        edge_attr={"color": colours["unassessed"], "penwidth": "1.2", "arrowsize": "0.7"},
    )
    shown = {
        node.id
        for node in doc.nodes
        if intervention is None or not node.interventions or intervention in node.interventions
    }
    for stage in doc.stages:
        with dot.subgraph(name=f"cluster_{stage}") as column:
            column.attr(label="", style="invis", rank="same")
            for node in doc.nodes:
                if node.stage == stage and node.id in shown:
                    column.node(node.id, label=_wrap(node.label))
    explained: dict[str, list[str]] = {}
    for mechanism in doc.mechanisms:
        for ref in mechanism.links:
            explained.setdefault(ref, []).append(mechanism.id)
    numbers = {m.id: n for n, m in enumerate(doc.mechanisms, start=1)}
    for link in doc.links:
        if link.from_ not in shown or link.to not in shown:
            continue
        ids = explained.get(link.ref, [])
        keys = [verdicts[m] for m in ids if m in verdicts]
        attrs = {}
        if keys:
            # The weakest verdict wins: a chain is only as strong as its worst link.
            order = ["not_held", "inconclusive", "too_early", "partly_held", "held"]
            worst = min(keys, key=order.index)
            attrs = {"color": colours[worst], "penwidth": "2.4"}
        if ids:
            attrs["label"] = " ".join(f"M{numbers[m]}" for m in ids)
            attrs["fontsize"] = "8"
            attrs["fontname"] = "DejaVu Sans"
        if link.feedback:
            attrs["style"] = "dashed"
            attrs["constraint"] = "false"
        dot.edge(link.from_, link.to, **attrs)
    return _layout(dot.source, fmt)


def _wrap(label: str, width: int = 28) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(label, width)) or label


def _layout(source: str, fmt: str) -> bytes:
    try:
        import pygraphviz
    except ImportError as err:  # pragma: no cover - a dependency of toc
        raise DiagramError(f"pygraphviz is not installed ({err}): pip install pygraphviz") from None
    try:
        graph = pygraphviz.AGraph(string=source)
        data = graph.draw(format=fmt, prog="dot")
    except (OSError, ValueError) as err:
        raise DiagramError(f"Graphviz could not lay out the diagram: {err}") from None
    if not isinstance(data, bytes):
        raise DiagramError("Graphviz returned no image")
    return data
