"""Where Graphviz puts the diagram's shapes, in draw.io's coordinates.

`layout` runs the layout once (`toc.diagram.engine.layout`, the only place
Graphviz runs) and reads it back with the y axis turned downwards and the
left edge at 0: boxes as `Placed` rectangles, links as the on-curve points
of their splines. `polyline_position` answers where along a link a label or
badge sits, as mxGraph places an edge's children.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field

from toc.diagram import engine

__all__ = ["Layout", "Placed", "layout", "polyline_position"]


def _floats(text: str) -> list[float]:
    return [float(v) for v in text.split(",")]


@dataclass
class Placed:
    x: float
    y: float
    w: float
    h: float

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def cy(self) -> float:
        return self.y + self.h / 2


@dataclass
class Layout:
    width: float
    height: float
    nodes: dict[str, Placed] = field(default_factory=dict)
    edges: dict[tuple[str, str], list[tuple[float, float]]] = field(default_factory=dict)
    xlabels: dict[tuple[str, str], tuple[float, float]] = field(default_factory=dict)


def _spline(pos: str, flip: float) -> list[tuple[float, float]]:
    """A Graphviz spline (``e,x,y p1 p2 …``) as its points, the end point last."""
    points: list[tuple[float, float]] = []
    start: tuple[float, float] | None = None
    end: tuple[float, float] | None = None
    for token in pos.split():
        if token.startswith("e,"):
            x, y = _floats(token[2:])
            end = (x, flip - y)
        elif token.startswith("s,"):
            x, y = _floats(token[2:])
            start = (x, flip - y)
        else:
            x, y = _floats(token)
            points.append((x, flip - y))
    # The on-curve points of the Bézier pieces: every third control point.
    out = [points[i] for i in range(0, len(points), 3)] if points else []
    if start is not None:
        out.insert(0, start)
    if end is not None:
        out.append(end)
    return out


def layout(source: str) -> Layout:
    """The positions Graphviz gives the shapes of the DOT ``source``."""
    data = engine.layout(source)
    x0, y0, x1, y1 = _floats(str(data["bb"]))
    flip = y1
    found = Layout(x1 - x0, y1 - y0)
    objects = data.get("objects", [])
    assert isinstance(objects, list)
    names: dict[int, str] = {}
    for obj in objects:
        if not isinstance(obj, dict) or "pos" not in obj:
            continue
        names[int(obj["_gvid"])] = str(obj["name"])
        cx, cy = _floats(str(obj["pos"]))
        w = float(obj.get("width", 0)) * 72
        h = float(obj.get("height", 0)) * 72
        found.nodes[str(obj["name"])] = Placed(cx - w / 2 - x0, flip - cy - h / 2, w, h)
    edges = data.get("edges", [])
    assert isinstance(edges, list)
    for edge in edges:
        if not isinstance(edge, dict) or "pos" not in edge:
            continue
        key = (names.get(int(edge["tail"]), ""), names.get(int(edge["head"]), ""))
        found.edges[key] = [(x - x0, y) for x, y in _spline(str(edge["pos"]), flip)]
        if "xlp" in edge:
            x, y = _floats(str(edge["xlp"]))
            found.xlabels[key] = (x - x0, flip - y)
    return found


def polyline_position(
    points: Sequence[tuple[float, float]], target: tuple[float, float]
) -> tuple[float, tuple[float, float]]:
    """Where along a polyline the point nearest ``target`` lies: (-1…1, that point).

    mxGraph places an edge's label and children by such a relative position.

    >>> polyline_position([(0, 0), (10, 0)], (7.5, 3))
    (0.5, (7.5, 0.0))
    """
    if len(points) < 2:
        return 0.0, target
    lengths = [
        ((bx - ax) ** 2 + (by - ay) ** 2) ** 0.5
        for (ax, ay), (bx, by) in itertools.pairwise(points)
    ]
    total = sum(lengths) or 1.0
    best = (float("inf"), 0.0, points[0])
    walked = 0.0
    for (ax, ay), (bx, by), length in zip(points, points[1:], lengths, strict=False):
        if length:
            t = max(
                0.0,
                min(
                    1.0,
                    ((target[0] - ax) * (bx - ax) + (target[1] - ay) * (by - ay))
                    / (length * length),
                ),
            )
        else:
            t = 0.0
        px, py = ax + t * (bx - ax), ay + t * (by - ay)
        distance = (px - target[0]) ** 2 + (py - target[1]) ** 2
        if distance < best[0]:
            best = (distance, walked + t * length, (px, py))
        walked += length
    return best[1] / total * 2 - 1, best[2]
