"""Writing a ``.drawio`` file: the scene `toc render` draws, laid out by the same Graphviz layout.

`drawio_text` builds the scene (`toc.diagram.view.build_scene`), lays it out
without title and legend (`toc.interop.drawio.layout`), and writes, top to
bottom: the title and legend, the column headings, the strands' rules and
names, the boxes, the links with their badges, each a cell carrying its toc
id as data.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from typing import Any

from toc.assessment import Assessment, assess
from toc.diagram import dot
from toc.diagram.options import options_from
from toc.diagram.view import Edge, Scene, build_scene
from toc.files import check_references, write_atomic
from toc.interop.drawio.cells import (
    BADGE_H,
    MARGIN,
    Writer,
    badge_cells,
    badge_style,
    box_geometry,
    num,
    safe_font,
    style,
    text_style,
    text_width,
)
from toc.interop.drawio.layout import Layout, Placed, layout, polyline_position
from toc.interop.drawio.legend import legend
from toc.interop.quoting import join_values
from toc.model import Document
from toc.quoting import html_text, xml_text

__all__ = ["drawio_text", "write_drawio"]


@dataclass
class _Drawing:
    """What every step of writing reads: the scene, its layout, the font and the cells so far."""

    doc: Document
    scene: Scene
    placed: Layout
    font: str
    out: Writer
    dx: float = MARGIN
    dy: float = MARGIN

    def moved(self, p: Placed) -> Placed:
        """A laid-out shape where it stands in the drawing (below the title and legend)."""
        return Placed(p.x + self.dx, p.y + self.dy, p.w, p.h)


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
    result when colouring by verdict or support (made here if needed). A
    document whose references no longer resolve (changed in code) is refused
    first with a located `toc.errors.DocumentError` (`toc.files.check_references`).
    """
    check_references(doc)
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
    drawing = _Drawing(doc, scene, layout(dot.emit(bare)), safe_font(options.font), Writer())
    drawing.dy = _titles(drawing) + 8
    _columns(drawing)
    if len(scene.strands) > 1:
        _strands(drawing)
    _boxes(drawing)
    for edge in scene.edges:
        _link(drawing, edge)
    return _mxfile(drawing)


def write_drawio(doc: Document, path: str | os.PathLike[str], **options: Any) -> None:
    """Write the document as a ``.drawio`` file, atomically (options as `drawio_text`)."""
    write_atomic(path, drawio_text(doc, **options))


def _titles(d: _Drawing) -> float:
    """The title, subtitle and legend above the diagram; where the diagram starts."""
    scene, theme = d.scene, d.scene.theme
    top = MARGIN
    if scene.title:
        d.out.cell(
            "toc:title",
            value=scene.title,
            style=text_style(d.font, theme.text, 16, bold=True),
            geometry=box_geometry(Placed(MARGIN, top, text_width(scene.title, 16), 24)),
            data={"toc_role": "title"},
        )
        top += 28
    if scene.subtitle:
        d.out.cell(
            "toc:subtitle",
            value=scene.subtitle,
            style=text_style(d.font, theme.muted, 11),
            geometry=box_geometry(Placed(MARGIN, top, text_width(scene.subtitle, 11), 18)),
            data={"toc_role": "subtitle"},
        )
        top += 22
    return top + legend(d.out, scene, top, d.font)


def _columns(d: _Drawing) -> None:
    """The column headings, each with its stage."""
    for k, column in enumerate(d.scene.columns):
        heading = d.placed.nodes.get(f"h:{column.stage}")
        if heading is None:
            continue
        d.out.cell(
            f"toc:column:{column.stage}",
            value=column.heading,
            style=style(
                "text",
                html=0,
                align="center",
                verticalAlign="middle",
                whiteSpace="wrap",
                fontSize=11,
                fontStyle=1,
                fontFamily=d.font,
                fontColor=d.scene.theme.text,
                strokeColor="none",
                fillColor="none",
                movable=0,
                resizable=0,
            ),
            geometry=box_geometry(d.moved(heading)),
            data={"toc_role": "column", "toc_stage": column.stage, "toc_order": str(k)},
        )


def _strands(d: _Drawing) -> None:
    """Each strand's rule and name in every column, with its interventions."""
    theme = d.scene.theme
    for s, strand in enumerate(d.scene.strands):
        for column in d.scene.columns:
            rule = d.placed.nodes.get(f"s:{s}:{column.stage}")
            if rule is None:
                continue
            p = d.moved(rule)
            d.out.cell(
                f"toc:rule:{s}:{column.stage}",
                style=style(
                    "line",
                    html=0,
                    strokeColor=theme.rule,
                    strokeWidth=1,
                    movable=0,
                    resizable=0,
                    editable=0,
                ),
                geometry=box_geometry(Placed(p.x, p.y, p.w, 1)),
                data={"toc_role": "rule"},
            )
            d.out.cell(
                f"toc:strand:{s}:{column.stage}",
                value=strand.label,
                style=style(
                    "text",
                    html=0,
                    align="left",
                    verticalAlign="top",
                    whiteSpace="nowrap",
                    fontSize=9,
                    fontStyle=2,
                    fontFamily=d.font,
                    fontColor=theme.muted,
                    strokeColor="none",
                    fillColor="none",
                    movable=0,
                    resizable=0,
                    spacingLeft=2,
                    spacingTop=1,
                ),
                geometry=box_geometry(p),
                data={
                    "toc_role": "strand",
                    "toc_strand": str(s),
                    "toc_stage": column.stage,
                    "toc_interventions": join_values(list(strand.interventions)),
                },
            )


def _boxes(d: _Drawing) -> None:
    """The boxes, each with its toc id, label, stage and interventions as data."""
    node_of = {node.id: node for node in d.doc.nodes}
    for box in d.scene.boxes:
        p = d.moved(d.placed.nodes[box.id])
        dashed = {"dashed": "dashed=1;", "dotted": "dashed=1;dashPattern=1 2;"}.get(box.outline, "")
        width = 3 if box.focus else 2.6 if box.outline == "bold" else 1
        d.out.cell(
            f"node:{box.id}",
            value=html_text(box.label),
            style=style(
                rounded=1,
                arcSize=12,
                whiteSpace="wrap",
                html=1,
                fillColor=box.fill,
                strokeColor=box.border,
                strokeWidth=width,
                fontColor=d.scene.theme.text,
                fontSize=10,
                fontFamily=d.font,
                spacing=4,
            )
            + dashed,
            geometry=box_geometry(p),
            data={
                "toc_id": box.id,
                "toc_label": box.label,
                "toc_stage": node_of[box.id].stage,
                "toc_interventions": join_values(list(node_of[box.id].interventions)),
            },
        )


def _route(d: _Drawing, edge: Edge) -> tuple[list[tuple[float, float]], tuple[float, float] | None]:
    """A link's points in the drawing, and where its badge or label sits (None: nowhere)."""
    placed = d.placed
    source, target = edge.source, edge.target
    if edge.kind == "forward" and (edge.badges or edge.label):
        # The badge is a node of the layout, on the way: the link runs through it.
        badge_name = f"b:{edge.index}"
        first = placed.edges.get((source, badge_name), [])
        second = placed.edges.get((badge_name, target), [])
        badge_point = placed.nodes[badge_name]
        points = [*first, (badge_point.cx, badge_point.cy), *second]
        anchor: tuple[float, float] | None = (badge_point.cx, badge_point.cy)
    else:
        points = placed.edges.get((source, target), [])
        anchor = placed.xlabels.get((source, target))
    return [(x + d.dx, y + d.dy) for x, y in points], anchor


def _link_style(d: _Drawing, edge: Edge) -> str:
    """A link's line: the theme's, or its verdict's colour and weight; dashed for feedback."""
    theme = d.scene.theme
    stroke, width, dash = theme.edge, 1.2, ""
    if edge.verdict is not None:
        verdict = theme.verdicts[edge.verdict]
        stroke, width = verdict.colour, verdict.penwidth
        if verdict.style == "dotted":
            dash = "dashed=1;dashPattern=1 3;"
    if edge.kind == "feedback":
        dash = "dashed=1;"
    return (
        style(
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
            fontFamily=d.font,
            fontColor=theme.text,
            labelBackgroundColor="#FFFFFF",
        )
        + dash
    )


def _link(d: _Drawing, edge: Edge) -> None:
    """One link, attached to its boxes, then its mechanism badges."""
    points, anchor = _route(d, edge)
    waypoints = points[1:-1]
    rel, on_line = (0.0, (0.0, 0.0))
    if anchor is not None and points:
        rel, on_line = polyline_position(points, (anchor[0] + d.dx, anchor[1] + d.dy))
    arrays = "".join(f'<mxPoint x="{num(x)}" y="{num(y)}"/>' for x, y in waypoints)
    label_offset = 0.0
    if edge.badges:
        label_offset = BADGE_H / 2 + 8
    geometry = (
        f'<mxGeometry x="{num(rel)}" relative="1" as="geometry">'
        + (f'<mxPoint y="{num(label_offset)}" as="offset"/>' if edge.label else "")
        + (f'<Array as="points">{arrays}</Array>' if arrays else "")
        + "</mxGeometry>"
    )
    link = d.doc.links[edge.index]
    edge_id = f"link:{link.ref}"
    data = {"toc_link": link.ref}
    if link.feedback:
        data["toc_feedback"] = "1"
    source, target = edge.source, edge.target
    d.out.cell(
        edge_id,
        value=edge.label or "",
        style=_link_style(d, edge),
        vertex=False,
        geometry=geometry,
        data=data,
        extra=f' source="{xml_text("node:" + source)}" target="{xml_text("node:" + target)}"',
    )
    if edge.badges and anchor is not None:
        _badges(d, edge, edge_id, rel, anchor, on_line)


def _badges(
    d: _Drawing,
    edge: Edge,
    edge_id: str,
    rel: float,
    anchor: tuple[float, float],
    on_line: tuple[float, float],
) -> None:
    """A link's mechanism badges, children of it, side by side where the layout put them."""
    rows = [badge_cells(badge, d.scene) for badge in edge.badges]
    total = sum(w for cells in rows for *_, w in cells) + 3 * (len(rows) - 1)
    left = -total / 2
    left += anchor[0] + d.dx - on_line[0]
    shift_y = anchor[1] + d.dy - on_line[1]
    for badge, cells in zip(edge.badges, rows, strict=True):
        for k, (label, fill, colour, w) in enumerate(cells):
            d.out.cell(
                f"badge:{edge.index}:{badge.mechanism}:{k}",
                value=label,
                style=badge_style(fill, colour, d.font),
                parent=edge_id,
                geometry=(
                    f'<mxGeometry x="{num(rel)}" width="{num(w)}" '
                    f'height="{num(BADGE_H)}" relative="1" as="geometry">'
                    f'<mxPoint x="{num(left)}" y="{num(shift_y - BADGE_H / 2)}" '
                    'as="offset"/></mxGeometry>'
                ),
                data={"toc_role": "badge", "toc_mechanism": badge.mechanism},
            )
            left += w + 1
        left += 2


def _mxfile(d: _Drawing) -> str:
    """The whole file: the drawing's cells inside the mxfile, diagram and model around them."""
    doc = d.doc
    width = d.placed.width + 2 * MARGIN
    height = d.placed.height + d.dy + MARGIN
    head = [
        '<mxfile host="toc" type="device" compressed="false">',
        f'  <diagram id="{xml_text(doc.id)}" name="{xml_text(doc.title)}">',
        f'    <mxGraphModel dx="{num(width)}" dy="{num(height)}" grid="0" gridSize="10" '
        'guides="1" tooltips="1" connect="1" arrows="1" fold="1" page="0" pageScale="1" '
        f'pageWidth="{num(width)}" pageHeight="{num(height)}" math="0" shadow="0">',
        "      <root>",
        f'        <object id="0" label="" toc_document="{xml_text(doc.id)}" '
        f'toc_title="{xml_text(doc.title)}" toc_language="{doc.language}">',
        "          <mxCell/>",
        "        </object>",
        '        <mxCell id="1" parent="0"/>',
    ]
    tail = ["      </root>", "    </mxGraphModel>", "  </diagram>", "</mxfile>"]
    return "\n".join(head + d.out.lines + tail) + "\n"
