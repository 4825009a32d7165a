"""draw.io (diagrams.net): a drawing laid out as `toc render` draws it, and edits back.

**Out.** An uncompressed ``.drawio`` file (mxGraph XML). The scene is the one
`toc render` draws (`toc.diagram.view.build_scene`), laid out by the same
Graphviz layout (`toc.diagram.engine.layout`): columns with their headings,
strands with their names, boxes in their colours, links with their mechanism
badges (and verdict colours with ``color_by="verdict"``), the title and the
legend above. Every shape carries its toc id as data (``toc_id`` on a box,
``toc_link`` on a link, ``toc_stage`` on a column heading, ``toc_strand`` on a
strand name, ``toc_mechanism`` on a badge), visible in draw.io under
Edit → Edit Data. The drawing carries no evidence, judgements or other text
that is not shown: it can be sent around.

**In.** A drawing edited by hand comes back as a document: changed labels,
boxes and links added or removed, boxes moved to another column (stage) or
strand (interventions), arrows moved to other boxes. A new box's stage is the
column whose heading is nearest across, its interventions those of the strand
it stands in. Given ``base`` (the document the drawing was made from),
everything the drawing does not show — indicators, mechanisms, evidence,
judgements — is kept; without it, the document has what the drawing shows:
nodes, links, stages, interventions and the mechanisms of the badges.
"""

from __future__ import annotations

import base64
import binascii
import itertools
import os
import re
import urllib.parse
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from pathlib import Path as FsPath
from typing import Any

from toc.assessment import Assessment, assess
from toc.diagram import dot, engine
from toc.diagram.options import options_from
from toc.diagram.theme import text_colour
from toc.diagram.view import Badge, Scene, build_scene
from toc.errors import DocumentError, FileFormatError
from toc.files import MAX_BYTES, to_data, validate, write_atomic
from toc.findings import Finding, Path
from toc.interop.common import Ids, read_bytes, slug
from toc.interop.quoting import join_values, split_values
from toc.interop.xmltree import Element, parse_xml
from toc.model import DEFAULT_STAGES, Document
from toc.quoting import html_text, xml_text

__all__ = ["MAX_INFLATED", "drawio_text", "read_drawio", "write_drawio"]

MAX_INFLATED = 64 * 1024 * 1024
"""Most bytes a compressed diagram inside a ``.drawio`` file may inflate to."""

_MARGIN = 20.0
_ROW = 18.0
_BADGE_H = 14.0


# ----------------------------------------------------------------- layout


def _floats(text: str) -> list[float]:
    return [float(v) for v in text.split(",")]


@dataclass
class _Placed:
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
class _Layout:
    width: float
    height: float
    nodes: dict[str, _Placed] = field(default_factory=dict)
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


def _layout(source: str) -> _Layout:
    data = engine.layout(source)
    x0, y0, x1, y1 = _floats(str(data["bb"]))
    flip = y1
    found = _Layout(x1 - x0, y1 - y0)
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
        found.nodes[str(obj["name"])] = _Placed(cx - w / 2 - x0, flip - cy - h / 2, w, h)
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


def _polyline_position(
    points: Sequence[tuple[float, float]], target: tuple[float, float]
) -> tuple[float, tuple[float, float]]:
    """Where along a polyline the point nearest ``target`` lies: (-1…1, that point).

    mxGraph places an edge's label and children by such a relative position.
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


# ----------------------------------------------------------------- writing


def _num(value: float) -> str:
    return f"{round(value, 1):g}"


def _style(shape: str = "", **pairs: str | float | int) -> str:
    """A draw.io style: an optional shape name, then ``key=value;`` pairs.

    >>> _style("text", html=0, fontSize=9.0)
    'text;html=0;fontSize=9;'
    """
    head = f"{shape};" if shape else ""
    return head + "".join(
        f"{k}={_num(v) if isinstance(v, float) else v};" for k, v in pairs.items()
    )


def _font(name: str) -> str:
    # A style is "key=value;" pairs: keep the font name from breaking out of it.
    return re.sub(r"[;=\"<>&]", "", name) or "Helvetica"


class _Writer:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def cell(
        self,
        cell_id: str,
        *,
        value: str = "",
        style: str,
        parent: str = "1",
        vertex: bool = True,
        geometry: str,
        data: dict[str, str] | None = None,
        extra: str = "",
    ) -> None:
        kind = 'vertex="1"' if vertex else 'edge="1"'
        if data:
            attributes = "".join(f' {k}="{xml_text(v)}"' for k, v in data.items())
            self.lines.append(
                f'        <object id="{xml_text(cell_id)}" label="{xml_text(value)}"{attributes}>'
            )
            self.lines.append(
                f'          <mxCell style="{xml_text(style)}" {kind} parent="{xml_text(parent)}"'
                f"{extra}>"
            )
            self.lines.append(f"            {geometry}")
            self.lines.append("          </mxCell>")
            self.lines.append("        </object>")
        else:
            self.lines.append(
                f'        <mxCell id="{xml_text(cell_id)}" value="{xml_text(value)}" '
                f'style="{xml_text(style)}" {kind} parent="{xml_text(parent)}"{extra}>'
            )
            self.lines.append(f"          {geometry}")
            self.lines.append("        </mxCell>")


def _box_geometry(p: _Placed) -> str:
    return (
        f'<mxGeometry x="{_num(p.x)}" y="{_num(p.y)}" width="{_num(p.w)}" '
        f'height="{_num(p.h)}" as="geometry"/>'
    )


def _text_width(text: str, size: float) -> float:
    return max(12.0, len(text) * size * 0.58 + 8)


def _badge_cells(badge: Badge, scene: Scene) -> list[tuple[str, str, str, float]]:
    """(text, fill, text colour, width) of each cell of a badge, as the DOT badge draws them."""
    theme = scene.theme
    label = f"M{badge.number}"
    cells = [(label, theme.badge_fill, theme.badge_text, 10.0 + 6 * len(label))]
    for cell in badge.cells:
        star = "*" if cell.source == "suggested" else ""
        style = theme.verdicts[cell.verdict]
        cells.append(
            (style.symbol + star, style.colour, text_colour(style.colour), 15.0 + 6 * len(star))
        )
    return cells


def _badge_style(fill: str, colour: str, font: str) -> str:
    return _style(
        rounded=1,
        arcSize=30,
        html=0,
        whiteSpace="nowrap",
        fillColor=fill,
        strokeColor="none",
        fontColor=colour,
        fontStyle=1,
        fontSize=8,
        fontFamily=font,
        align="center",
        verticalAlign="middle",
        spacing=0,
        resizable=0,
        connectable=0,
    )


def drawio_text(
    doc: Document,
    *,
    color_by: str = "stage",
    theme: str = "default",
    intervention: str | None = None,
    wrap: int | None = None,
    font: str = "DejaVu Sans",
    assessment: Assessment | None = None,
) -> str:
    """The document as an uncompressed draw.io file (deterministic text).

    ``color_by``, ``theme``, ``intervention``, ``wrap`` and ``font`` mean what
    they mean for `toc.render`; ``assessment`` is the document's `toc.assess`
    result when colouring by verdict or support (made here if needed).
    """
    if assessment is None and color_by in ("verdict", "support"):
        assessment = assess(doc, intervention=intervention)
    options = options_from(
        color_by=color_by,
        theme=theme,
        intervention=intervention,
        wrap=wrap,
        font=font,
        assessment=assessment,
        orientation="LR",
    )
    scene = build_scene(doc, options)
    bare = replace(scene, title="", subtitle="", legend=None)
    placed = _layout(dot.emit(bare))
    font_name = _font(options.font)
    theme_ = scene.theme
    out = _Writer()

    # -- title and legend, above the diagram
    top = _MARGIN
    if scene.title:
        out.cell(
            "toc:title",
            value=scene.title,
            style=_text_style(font_name, theme_.text, 16, bold=True),
            geometry=_box_geometry(_Placed(_MARGIN, top, _text_width(scene.title, 16), 24)),
            data={"toc_role": "title"},
        )
        top += 28
    if scene.subtitle:
        out.cell(
            "toc:subtitle",
            value=scene.subtitle,
            style=_text_style(font_name, theme_.muted, 11),
            geometry=_box_geometry(_Placed(_MARGIN, top, _text_width(scene.subtitle, 11), 18)),
            data={"toc_role": "subtitle"},
        )
        top += 22
    top += _legend(out, scene, top, font_name)
    dx, dy = _MARGIN, top + 8

    def moved(p: _Placed) -> _Placed:
        return _Placed(p.x + dx, p.y + dy, p.w, p.h)

    # -- column headings and strand names
    for k, column in enumerate(scene.columns):
        heading = placed.nodes.get(f"h:{column.stage}")
        if heading is None:
            continue
        p = moved(heading)
        out.cell(
            f"toc:column:{column.stage}",
            value=column.heading,
            style=_style(
                "text",
                html=0,
                align="center",
                verticalAlign="middle",
                whiteSpace="wrap",
                fontSize=11,
                fontStyle=1,
                fontFamily=font_name,
                fontColor=theme_.text,
                strokeColor="none",
                fillColor="none",
                movable=0,
                resizable=0,
            ),
            geometry=_box_geometry(p),
            data={"toc_role": "column", "toc_stage": column.stage, "toc_order": str(k)},
        )
    if len(scene.strands) > 1:
        for s, strand in enumerate(scene.strands):
            for column in scene.columns:
                rule = placed.nodes.get(f"s:{s}:{column.stage}")
                if rule is None:
                    continue
                p = moved(rule)
                out.cell(
                    f"toc:rule:{s}:{column.stage}",
                    style=_style(
                        "line",
                        html=0,
                        strokeColor=theme_.rule,
                        strokeWidth=1,
                        movable=0,
                        resizable=0,
                        editable=0,
                    ),
                    geometry=_box_geometry(_Placed(p.x, p.y, p.w, 1)),
                    data={"toc_role": "rule"},
                )
                out.cell(
                    f"toc:strand:{s}:{column.stage}",
                    value=strand.label,
                    style=_style(
                        "text",
                        html=0,
                        align="left",
                        verticalAlign="top",
                        whiteSpace="nowrap",
                        fontSize=9,
                        fontStyle=2,
                        fontFamily=font_name,
                        fontColor=theme_.muted,
                        strokeColor="none",
                        fillColor="none",
                        movable=0,
                        resizable=0,
                        spacingLeft=2,
                        spacingTop=1,
                    ),
                    geometry=_box_geometry(p),
                    data={
                        "toc_role": "strand",
                        "toc_strand": str(s),
                        "toc_stage": column.stage,
                        "toc_interventions": join_values(list(strand.interventions)),
                    },
                )

    # -- boxes
    node_of = {node.id: node for node in doc.nodes}
    for box in scene.boxes:
        p = moved(placed.nodes[box.id])
        dashed = {"dashed": "dashed=1;", "dotted": "dashed=1;dashPattern=1 2;"}.get(box.outline, "")
        width = 3 if box.focus else 2.6 if box.outline == "bold" else 1
        out.cell(
            f"node:{box.id}",
            value=html_text(box.label),
            style=_style(
                rounded=1,
                arcSize=12,
                whiteSpace="wrap",
                html=1,
                fillColor=box.fill,
                strokeColor=box.border,
                strokeWidth=width,
                fontColor=theme_.text,
                fontSize=10,
                fontFamily=font_name,
                spacing=4,
            )
            + dashed,
            geometry=_box_geometry(p),
            data={
                "toc_id": box.id,
                "toc_label": box.label,
                "toc_stage": node_of[box.id].stage,
                "toc_interventions": join_values(list(node_of[box.id].interventions)),
            },
        )

    # -- links, with their badges
    for edge in scene.edges:
        source, target = edge.source, edge.target
        if edge.kind == "forward" and (edge.badges or edge.label):
            badge_name = f"b:{edge.index}"
            first = placed.edges.get((source, badge_name), [])
            second = placed.edges.get((badge_name, target), [])
            badge_point = placed.nodes[badge_name]
            points = [*first, (badge_point.cx, badge_point.cy), *second]
            anchor: tuple[float, float] | None = (badge_point.cx, badge_point.cy)
        else:
            points = placed.edges.get((source, target), [])
            anchor = placed.xlabels.get((source, target))
        points = [(x + dx, y + dy) for x, y in points]
        waypoints = points[1:-1]
        rel, on_line = (0.0, (0.0, 0.0))
        if anchor is not None and points:
            rel, on_line = _polyline_position(points, (anchor[0] + dx, anchor[1] + dy))
        stroke, width, dash = theme_.edge, 1.2, ""
        if edge.verdict is not None:
            verdict = theme_.verdicts[edge.verdict]
            stroke, width = verdict.colour, verdict.penwidth
            if verdict.style == "dotted":
                dash = "dashed=1;dashPattern=1 3;"
        if edge.kind == "feedback":
            dash = "dashed=1;"
        style = (
            _style(
                edgeStyle="none",
                curved=1,
                rounded=0,
                html=0,
                endArrow="block",
                endFill=1,
                endSize=5,
                strokeColor=stroke,
                strokeWidth=width,
                fontSize=8,
                fontFamily=font_name,
                fontColor=theme_.text,
                labelBackgroundColor="#FFFFFF",
            )
            + dash
        )
        arrays = "".join(f'<mxPoint x="{_num(x)}" y="{_num(y)}"/>' for x, y in waypoints)
        label_offset = 0.0
        if edge.badges:
            label_offset = _BADGE_H / 2 + 8
        geometry = (
            f'<mxGeometry x="{_num(rel)}" relative="1" as="geometry">'
            + (f'<mxPoint y="{_num(label_offset)}" as="offset"/>' if edge.label else "")
            + (f'<Array as="points">{arrays}</Array>' if arrays else "")
            + "</mxGeometry>"
        )
        link = doc.links[edge.index]
        edge_id = f"link:{link.ref}"
        data = {"toc_link": link.ref}
        if link.feedback:
            data["toc_feedback"] = "1"
        out.cell(
            edge_id,
            value=edge.label or "",
            style=style,
            vertex=False,
            geometry=geometry,
            data=data,
            extra=f' source="{xml_text("node:" + source)}" target="{xml_text("node:" + target)}"',
        )
        if not edge.badges or anchor is None:
            continue
        rows = [_badge_cells(badge, scene) for badge in edge.badges]
        total = sum(w for cells in rows for *_, w in cells) + 3 * (len(rows) - 1)
        left = -total / 2
        if anchor is not None:
            left += anchor[0] + dx - on_line[0]
        shift_y = (anchor[1] + dy - on_line[1]) if anchor is not None else 0.0
        for badge, cells in zip(edge.badges, rows, strict=True):
            for k, (label, fill, colour, w) in enumerate(cells):
                out.cell(
                    f"badge:{edge.index}:{badge.mechanism}:{k}",
                    value=label,
                    style=_badge_style(fill, colour, font_name),
                    parent=edge_id,
                    geometry=(
                        f'<mxGeometry x="{_num(rel)}" width="{_num(w)}" '
                        f'height="{_num(_BADGE_H)}" relative="1" as="geometry">'
                        f'<mxPoint x="{_num(left)}" y="{_num(shift_y - _BADGE_H / 2)}" '
                        'as="offset"/></mxGeometry>'
                    ),
                    data={"toc_role": "badge", "toc_mechanism": badge.mechanism},
                )
                left += w + 1
            left += 2

    width = placed.width + 2 * _MARGIN
    height = placed.height + dy + _MARGIN
    head = [
        '<mxfile host="toc" type="device" compressed="false">',
        f'  <diagram id="{xml_text(doc.id)}" name="{xml_text(doc.title)}">',
        f'    <mxGraphModel dx="{_num(width)}" dy="{_num(height)}" grid="0" gridSize="10" '
        'guides="1" tooltips="1" connect="1" arrows="1" fold="1" page="0" pageScale="1" '
        f'pageWidth="{_num(width)}" pageHeight="{_num(height)}" math="0" shadow="0">',
        "      <root>",
        f'        <object id="0" label="" toc_document="{xml_text(doc.id)}" '
        f'toc_title="{xml_text(doc.title)}" toc_language="{doc.language}">',
        "          <mxCell/>",
        "        </object>",
        '        <mxCell id="1" parent="0"/>',
    ]
    tail = ["      </root>", "    </mxGraphModel>", "  </diagram>", "</mxfile>"]
    return "\n".join(head + out.lines + tail) + "\n"


def _text_style(font: str, colour: str, size: float, bold: bool = False) -> str:
    return _style(
        "text",
        html=0,
        align="left",
        verticalAlign="middle",
        whiteSpace="nowrap",
        fontSize=size,
        fontStyle=1 if bold else 0,
        fontFamily=font,
        fontColor=colour,
        strokeColor="none",
        fillColor="none",
        spacing=0,
    )


def _legend(out: _Writer, scene: Scene, top: float, font: str) -> float:
    """Draw the legend at ``top``: mechanisms, colours, notes side by side; its height."""
    legend = scene.legend
    if legend is None:
        return 0.0
    from toc.i18n import text

    theme = scene.theme
    x = _MARGIN
    rows = 0
    if legend.mechanisms:
        heading = text("render.legend.mechanisms", scene.language)
        out.cell(
            "toc:legend:mechanisms",
            value=heading,
            style=_text_style(font, theme.text, 9, bold=True),
            geometry=_box_geometry(_Placed(x, top, _text_width(heading, 9), _ROW)),
            data={"toc_role": "legend"},
        )
        widest = 0.0
        for n, (badge, title) in enumerate(legend.mechanisms, start=1):
            left = x
            y = top + n * _ROW + 2
            for k, (label, fill, colour, w) in enumerate(_badge_cells(badge, scene)):
                out.cell(
                    f"toc:legend:badge:{badge.mechanism}:{k}",
                    value=label,
                    style=_badge_style(fill, colour, font),
                    geometry=_box_geometry(_Placed(left, y, w, _BADGE_H)),
                    data={"toc_role": "legend", "toc_mechanism": badge.mechanism},
                )
                left += w + 1
            width = _text_width(title, 9)
            out.cell(
                f"toc:legend:title:{badge.mechanism}",
                value=title,
                style=_text_style(font, theme.text, 9),
                geometry=_box_geometry(_Placed(left + 6, y - 2, width, _ROW)),
                data={"toc_role": "legend", "toc_mechanism": badge.mechanism},
            )
            widest = max(widest, left + 6 + width - x)
        x += widest + 30
        rows = max(rows, len(legend.mechanisms) + 1)
    if legend.colours:
        heading = legend.colour_title or ""
        out.cell(
            "toc:legend:colours",
            value=heading,
            style=_text_style(font, theme.text, 9, bold=True),
            geometry=_box_geometry(_Placed(x, top, _text_width(heading, 9), _ROW)),
            data={"toc_role": "legend"},
        )
        widest = _text_width(heading, 9)
        for n, (colour, symbol, meaning) in enumerate(legend.colours, start=1):
            y = top + n * _ROW + 1
            out.cell(
                f"toc:legend:swatch:{n}",
                value=symbol,
                style=_style(
                    rounded=1,
                    html=0,
                    fillColor=colour,
                    strokeColor=theme.border,
                    fontColor=text_colour(colour),
                    fontSize=8,
                    fontStyle=1,
                    fontFamily=font,
                ),
                geometry=_box_geometry(_Placed(x, y, 30, 16)),
                data={"toc_role": "legend"},
            )
            out.cell(
                f"toc:legend:meaning:{n}",
                value=meaning,
                style=_text_style(font, theme.text, 9),
                geometry=_box_geometry(_Placed(x + 36, y - 1, _text_width(meaning, 9), _ROW)),
                data={"toc_role": "legend"},
            )
            widest = max(widest, 36 + _text_width(meaning, 9))
        x += widest + 30
        rows = max(rows, len(legend.colours) + 1)
    for n, note in enumerate(legend.notes, start=1 if legend.colours or legend.mechanisms else 0):
        out.cell(
            f"toc:legend:note:{n}",
            value=note,
            style=_text_style(font, theme.muted, 9),
            geometry=_box_geometry(_Placed(x, top + n * _ROW, _text_width(note, 9), _ROW)),
            data={"toc_role": "legend"},
        )
        rows = max(rows, n + 1)
    return rows * _ROW + 10


def write_drawio(doc: Document, path: str | os.PathLike[str], **options: Any) -> None:
    """Write the document as a ``.drawio`` file, atomically (options as `drawio_text`)."""
    write_atomic(path, drawio_text(doc, **options))


# ----------------------------------------------------------------- reading


class _Text(HTMLParser):
    """The text of an HTML label: line breaks for ``<br>`` and blocks, entities decoded."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "div", "p", "li") and self.parts and not self.parts[-1].endswith("\n"):
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _label_text(value: str, style: str) -> str:
    if "html=1" not in style:
        return value
    parser = _Text()
    parser.feed(value)
    parser.close()
    lines = [
        " ".join(line.replace("\xa0", " ").split()) for line in "".join(parser.parts).split("\n")
    ]
    return "\n".join(line for line in lines if line).strip()


@dataclass
class _Cell:
    id: str
    attrs: dict[str, str]
    """The object's data (``label``, ``toc_…``) and the mxCell's attributes together."""
    line: int
    geometry: Element | None
    vertex: bool
    edge: bool
    parent: str

    @property
    def style(self) -> str:
        return self.attrs.get("style", "")

    @property
    def label(self) -> str:
        shown = self.attrs.get("label", self.attrs.get("value", ""))
        original = self.attrs.get("toc_label")
        if original is not None and "html=1" in self.style and shown == html_text(original):
            return original  # not edited: the text exactly as written, spaces and all
        return _label_text(shown, self.style)


def _cells(model: Element) -> Iterator[_Cell]:
    root = model.find("root")
    if root is None:
        return
    for child in root.children:
        if child.tag == "mxCell":
            cell, attrs = child, dict(child.attrs)
        elif child.tag in ("object", "UserObject"):
            inner = child.find("mxCell")
            if inner is None:
                continue
            cell = inner
            attrs = {**inner.attrs, **child.attrs}
        else:
            continue
        yield _Cell(
            attrs.get("id", ""),
            attrs,
            child.line,
            cell.find("mxGeometry"),
            cell.attrs.get("vertex") == "1",
            cell.attrs.get("edge") == "1",
            cell.attrs.get("parent", ""),
        )


def _inflate(text: str, file: str, line: int) -> bytes:
    """A compressed diagram's XML: base64, then raw deflate, then URL-encoding."""
    try:
        packed = base64.b64decode(text.strip(), validate=False)
    except (binascii.Error, ValueError):
        packed = b""
    inflater = zlib.decompressobj(-15)
    try:
        raw = inflater.decompress(packed, MAX_INFLATED)
    except zlib.error:
        raise FileFormatError(
            [
                Finding(
                    "the compressed diagram cannot be read",
                    hint="save it again",
                    file=file,
                    line=line,
                )
            ]
        ) from None
    if inflater.unconsumed_tail:
        raise FileFormatError(
            [
                Finding(
                    f"the compressed diagram inflates to more than {MAX_INFLATED:,} bytes",
                    hint="this is not a drawing toc can read",
                    file=file,
                    line=line,
                )
            ]
        )
    return urllib.parse.unquote(raw.decode("utf-8", "replace")).encode("utf-8")


def _model(root: Element, file: str) -> tuple[Element, str]:
    """The diagram's mxGraphModel (inflating a compressed one), and how to say where it is."""
    if root.tag == "mxGraphModel":
        return root, ""
    if root.tag != "mxfile":
        raise FileFormatError(
            [
                Finding(
                    f"this is not a draw.io file (its root is <{root.tag}>)",
                    hint="save the drawing from diagrams.net as .drawio",
                    file=file,
                    line=1,
                )
            ]
        )
    diagram = root.find("diagram")
    if diagram is None:
        raise FileFormatError([Finding("the file has no diagram", file=file, line=root.line)])
    model = diagram.find("mxGraphModel")
    if model is not None:
        return model, ""
    inner = parse_xml(
        _inflate(diagram.text, file, diagram.line), file, where=" (in the compressed diagram)"
    )
    return inner, " of the compressed diagram"


def _geometry(cell: _Cell, by_id: dict[str, _Cell]) -> tuple[float, float, float, float] | None:
    """A vertex's absolute x, y, width, height (adding up the containers it sits in)."""
    geometry = cell.geometry
    if geometry is None or geometry.attrs.get("relative") == "1":
        return None

    attrs = geometry.attrs

    def number(name: str) -> float:
        try:
            return float(attrs.get(name, 0) or 0)
        except ValueError:
            return 0.0

    x, y = number("x"), number("y")
    parent = by_id.get(cell.parent)
    depth = 0
    while parent is not None and parent.vertex and depth < 64:
        found = parent.geometry
        if found is not None and found.attrs.get("relative") != "1":
            try:
                x += float(found.attrs.get("x", 0) or 0)
                y += float(found.attrs.get("y", 0) or 0)
            except ValueError:
                pass
        parent = by_id.get(parent.parent)
        depth += 1
    return x, y, number("width"), number("height")


def _is_note(cell: _Cell) -> bool:
    style = cell.style
    return style.startswith("text;") or ";text;" in style or "shape=text" in style


def read_drawio(
    path: str | os.PathLike[str],
    *,
    base: Document | None = None,
    max_bytes: int = MAX_BYTES,
) -> Document:
    """The document a draw.io drawing holds, with the edits made to it by hand.

    ``base`` is the document the drawing was exported from: what the drawing
    does not show is kept from it. Problems name the line of the shape.
    """
    file = os.fspath(path)
    raw = read_bytes(file, max_bytes)
    model, where = _model(parse_xml(raw, file), file)
    cells = list(_cells(model))
    by_id = {cell.id: cell for cell in cells}
    problems: list[Finding] = []

    def problem(line: int | None, message: str, hint: str | None = None) -> None:
        suffix = f" (line {line}{where})" if where and line else ""
        problems.append(
            Finding(message + suffix, hint=hint, file=file, line=None if where else line)
        )

    root_data = by_id.get("0")
    meta = root_data.attrs if root_data is not None else {}
    columns: list[tuple[float, str, int]] = []
    strands: dict[str, list[tuple[float, tuple[str, ...], str]]] = {}
    legend_titles: dict[str, str] = {}
    boxes: list[tuple[_Cell, tuple[float, float, float, float]]] = []
    edges: list[_Cell] = []
    badges: dict[str, list[str]] = {}
    edge_texts: dict[str, list[str]] = {}
    edge_ids = {cell.id for cell in cells if cell.edge}
    for cell in cells:
        role = cell.attrs.get("toc_role")
        if cell.edge:
            edges.append(cell)
            continue
        if not cell.vertex:
            continue
        if cell.parent in edge_ids:
            if role == "badge" and cell.attrs.get("toc_mechanism"):
                badges.setdefault(cell.parent, []).append(cell.attrs["toc_mechanism"])
            elif role is None and cell.label.strip():
                # Text added on an arrow in draw.io is a child of it: the link's label.
                edge_texts.setdefault(cell.parent, []).append(cell.label)
            continue
        geometry = _geometry(cell, by_id)
        if role == "column" and geometry is not None:
            columns.append(
                (geometry[0] + geometry[2] / 2, cell.attrs.get("toc_stage", ""), cell.line)
            )
            continue
        if role == "strand" and geometry is not None:
            key = tuple(split_values(cell.attrs.get("toc_interventions", "")))
            key = tuple(k for k in key if k)
            strands.setdefault(cell.attrs.get("toc_stage", ""), []).append(
                (geometry[1], key, cell.label)
            )
            continue
        if role == "legend":
            mechanism = cell.attrs.get("toc_mechanism")
            if mechanism and cell.id.startswith("toc:legend:title:"):
                legend_titles[mechanism] = cell.label
            continue
        if role is not None or _is_note(cell) or geometry is None:
            continue
        boxes.append((cell, geometry))

    stage_order = [stage for _, stage, _ in sorted(columns)]

    def column_of(cx: float) -> str | None:
        if not columns:
            return None
        return min(columns, key=lambda c: abs(c[0] - cx))[1]

    def strand_of(stage: str, cy: float) -> tuple[str, ...] | None:
        found = sorted(strands.get(stage, []))
        if not found:
            return None
        chosen = found[0][1]
        for top, key, _ in found:
            if top <= cy:
                chosen = key
        return chosen

    def strand_key(interventions: Sequence[str]) -> tuple[str, ...]:
        ids = [i for i in interventions if i in all_interventions]
        if not ids or set(ids) >= all_interventions:
            return ()
        return tuple(ids)

    if base is not None:
        data = to_data(base)
    else:
        language = meta.get("toc_language", "en")
        data = {
            "format": 1,
            "id": meta.get("toc_document") or slug(FsPath(file).stem, "drawing"),
            "title": meta.get("toc_title") or FsPath(file).stem,
            "language": language if language in ("sv", "en") else "en",
        }
        if stage_order:
            data["stages"] = stage_order
        names: dict[str, str] = {}
        for found in strands.values():
            for _, key, label in found:
                if len(key) == 1:
                    names.setdefault(key[0], label)
        in_strands = {k for found in strands.values() for _, key, _ in found for k in key}
        for key_id in sorted(in_strands - set(names)):
            names[key_id] = key_id
        if names:
            data["interventions"] = [{"id": i, "name": n} for i, n in names.items()]
    all_interventions = {i["id"] for i in data.get("interventions", [])}
    old_nodes = {node["id"]: node for node in data.get("nodes", [])}
    ids = Ids(_all_ids(data) | {c.attrs["toc_id"] for c, _ in boxes if c.attrs.get("toc_id")})
    cell_node: dict[str, str] = {}
    kept: list[dict[str, Any]] = []
    added: list[dict[str, Any]] = []
    for cell, (x, y, w, h) in boxes:
        label = cell.label
        toc_id = cell.attrs.get("toc_id", "")
        stage = column_of(x + w / 2)
        existing = old_nodes.pop(toc_id, None) if toc_id else None
        if existing is None and toc_id and base is None and toc_id not in cell_node.values():
            existing = {"id": toc_id, "stage": cell.attrs.get("toc_stage") or stage or ""}
            interventions = split_values(cell.attrs.get("toc_interventions", ""))
            if [i for i in interventions if i]:
                existing["interventions"] = [i for i in interventions if i]
        if not label.strip():
            problem(cell.line, "a box has no text", "write its label, or delete the box")
            continue
        if existing is not None:
            node = dict(existing)
            node["label"] = label
            current_column = column_of_stage(columns, node["stage"])
            if stage is not None and current_column is not None and stage != node["stage"]:
                node["stage"] = stage
            if stage is not None:
                row = strand_of(stage, y + h / 2)
                now = strand_key(node.get("interventions", []))
                if row is not None and set(row) != set(now):
                    node["interventions"] = list(row)
                    if not row:
                        node.pop("interventions", None)
            kept.append(node)
        else:
            if stage is None:
                problem(
                    cell.line,
                    f"the box {label!r} stands in no column, so its stage is unknown",
                    "export the drawing from toc (it has columns), and put the box in one",
                )
                continue
            node = {"id": ids.new(slug(label, "node")), "stage": stage, "label": label}
            row = strand_of(stage, y + h / 2)
            if row:
                node["interventions"] = list(row)
            added.append(node)
        cell_node[cell.id] = node["id"]
    nodes = kept + added
    # Where each node went, for locating problems later.
    line_of_node = {}
    for cell, _ in boxes:
        if cell.id in cell_node:
            line_of_node[cell_node[cell.id]] = cell.line
    removed_nodes = set(old_nodes)

    old_links = {f"{link['from']}->{link['to']}": link for link in data.get("links", [])}
    renamed: dict[str, str] = {}
    links: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    link_line: dict[str, int] = {}
    mechanism_links: dict[str, list[str]] = {}
    stages = data.get("stages") or stage_order or list(DEFAULT_STAGES)
    column_index = {stage: k for k, stage in enumerate(stages)}
    stage_of = {n["id"]: n["stage"] for n in nodes}
    for cell in edges:
        source = cell_node.get(cell.attrs.get("source", ""))
        target = cell_node.get(cell.attrs.get("target", ""))
        if source is None or target is None:
            problem(
                cell.line,
                "an arrow is not attached to a box at both ends",
                "drag each end of the arrow onto a box, or delete the arrow",
            )
            continue
        if source == target:
            problem(
                cell.line,
                f"an arrow runs from the box {source!r} to itself",
                "point it at another box, or delete it",
            )
            continue
        ref = f"{source}->{target}"
        if ref in seen:
            problem(
                cell.line,
                f"two arrows run from {source!r} to {target!r} (also line {seen[ref]})",
                "delete one of them",
            )
            continue
        seen[ref] = cell.line
        old_ref = cell.attrs.get("toc_link", "")
        old = old_links.pop(old_ref, None) if old_ref else None
        link = dict(old) if old is not None else {}
        link["from"], link["to"] = source, target
        if old is not None and old_ref != ref:
            renamed[old_ref] = ref
        backwards = column_index.get(stage_of[target], 0) < column_index.get(stage_of[source], 0)
        if old is None and (cell.attrs.get("toc_feedback") == "1" or backwards):
            link["feedback"] = True
        label = cell.label if cell.label.strip() else "\n".join(edge_texts.get(cell.id, []))
        if label.strip():
            link["label"] = label
        else:
            link.pop("label", None)
        links.append(link)
        link_line[ref] = cell.line
        for mechanism_id in dict.fromkeys(badges.get(cell.id, [])):
            mechanism_links.setdefault(mechanism_id, []).append(ref)
    removed_links = set(old_links)

    if problems:
        raise DocumentError(problems)
    data["nodes"] = nodes
    data["links"] = links
    _follow(data, removed_nodes, removed_links, renamed, problem, file)
    if base is None and mechanism_links:
        order = [m for m in legend_titles if m in mechanism_links]
        order += [m for m in mechanism_links if m not in order]
        data["mechanisms"] = [
            {"id": m, "title": legend_titles.get(m, m), "links": mechanism_links[m]} for m in order
        ]
    if problems:
        raise DocumentError(problems)
    try:
        return validate(data)
    except DocumentError as err:
        out = []
        for p in err.problems:
            line = _line_for(p.path, data, line_of_node, link_line)
            message = p.message
            out.append(
                Finding(
                    message + (f" (line {line}{where})" if line and where else ""),
                    p.path,
                    p.hint,
                    file=file,
                    line=None if where else line,
                )
            )
        raise DocumentError(out) from None


def column_of_stage(columns: Sequence[tuple[float, str, int]], stage: str) -> float | None:
    """The x of a stage's column heading, or None when the drawing has none."""
    for x, found, _ in columns:
        if found == stage:
            return x
    return None


def _all_ids(data: dict[str, Any]) -> set[str]:
    out: set[str] = set()
    for key in (
        "interventions",
        "actors",
        "nodes",
        "mechanisms",
        "conditions",
        "rivals",
        "evidence",
        "judgements",
    ):
        for item in data.get(key, []):
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                out.add(item["id"])
            if key == "nodes":
                for indicator in item.get("indicators", []):
                    out.add(indicator["id"])
    return out


def _follow(
    data: dict[str, Any],
    removed_nodes: set[str],
    removed_links: set[str],
    renamed: dict[str, str],
    problem: Any,
    file: str,
) -> None:
    """Carry removals and moved arrows into what refers to nodes and links."""
    gone = removed_nodes | removed_links
    for mechanism in data.get("mechanisms", []):
        refs = []
        for ref in mechanism.get("links", []):
            normal = "->".join(part.strip() for part in ref.split("->"))
            normal = renamed.get(normal, normal)
            if normal not in removed_links and normal not in refs:
                refs.append(normal)
        if refs:
            mechanism["links"] = refs
        else:
            mechanism.pop("links", None)
    for rival in data.get("rivals", []):
        about = [renamed.get(a, a) for a in rival.get("about", []) if a not in gone]
        if about:
            rival["about"] = about
        else:
            rival.pop("about", None)
    for item in data.get("evidence", []):
        about = renamed.get(item["about"], item["about"])
        item["about"] = about
        if about in gone:
            what = "box" if about in removed_nodes else "arrow"
            problems_hint = (
                "keep it in the drawing, or remove or move the evidence in the document first"
            )
            problem(
                None,
                f"the drawing removes the {what} {about!r}, but evidence "
                f"{item['id']!r} is about it",
                problems_hint,
            )


def _line_for(
    path: Path, data: dict[str, Any], nodes: dict[str, int], links: dict[str, int]
) -> int | None:
    if len(path) >= 2 and path[0] == "nodes" and isinstance(path[1], int):
        node = data["nodes"][path[1]] if path[1] < len(data["nodes"]) else None
        return nodes.get(node["id"]) if node else None
    if len(path) >= 2 and path[0] == "links" and isinstance(path[1], int):
        link = data["links"][path[1]] if path[1] < len(data["links"]) else None
        return links.get(f"{link['from']}->{link['to']}") if link else None
    return None
