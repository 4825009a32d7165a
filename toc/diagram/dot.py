"""DOT source for a diagram: a pure, deterministic function of the `Scene`.

How the picture is held together (each trick is there because plain Graphviz
attributes did not give a stable result; docs/diagrams.md has the reasoning):

- Every stage is a rank (``rank=same``) headed by a heading node; ranks are
  doubled so that the rank between two columns (the *gap*) can hold the
  mechanism badges, which sit on their arrows as small nodes.
- In every column, an invisible-but-labelled *rule* node opens each strand:
  a line with the strand's name. Invisible same-rank edges (heading → rule →
  the strand's first box → its next box … → next rule) fix the order of the
  strands inside a column and of the boxes inside a strand: the document's
  order, so that adding, removing or relabelling a box never reorders the
  others (a layout that jumps loses a room that is looking at it).
- Each strand's rules are chained from column to column through a point in
  every gap, with a large weight, so that a strand is one straight row.
- A box with no arrow coming in from the left (or none going out to the
  right) gets an invisible edge from (to) its strand's point in the gap.
  Without it, Graphviz's crossing minimisation can move such a box past its
  rule into the wrong strand.

Identifiers: document nodes keep their ids (slugs); the helpers use ids with
a colon (``h:short``, ``s:1:short``, ``g:1:2``, ``b:7``), which a slug
cannot contain, so they never clash.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from toc.diagram.options import PRESETS, Preset
from toc.diagram.quoting import dot_html, dot_id, dot_string, wrap
from toc.diagram.theme import VerdictStyle, marks, text_colour
from toc.diagram.view import Badge, Box, Edge, Scene

__all__ = ["box_width", "emit"]

FONT_SIZE = PRESETS["default"].text
"""Point size of box text in the default preset."""


def _sizes(scene: Scene) -> Preset:
    return PRESETS[scene.options.preset]


def _pt(value: float) -> str:
    return f"{value:g}"


def _scaled(value: float, size: float, base: float) -> int:
    """A cell dimension made for text of ``base`` points, for text of ``size`` points."""
    return round(value * size / base)


def box_width(wrap_chars: int, font_size: float = FONT_SIZE) -> float:
    """Width of a box in inches for ``wrap_chars`` characters per line of ``font_size`` points.

    >>> box_width(24), box_width(16, 14)
    (2.12, 2.07)
    """
    return round((wrap_chars * 0.08 + 0.2) * font_size / FONT_SIZE, 2)


def _attrs(pairs: Iterable[tuple[str, str]]) -> str:
    inner = " ".join(f"{key}={value}" for key, value in pairs)
    return f" [{inner}]" if inner else ""


def _num(value: float) -> str:
    return f"{value:g}"


def _html(markup: str) -> str:
    return f"<{markup}>"


def _lines(text: str, width: int) -> str:
    return "<BR/>".join(dot_html(line) for line in wrap(text, width))


def _badge_cells(badge: Badge, scene: Scene) -> str:
    # Fixed-size cells: a table column wider than a badge (in the legend)
    # would otherwise stretch the badge with it.
    theme = scene.theme
    label = f"M{badge.number}"
    small = _sizes(scene).small
    base = PRESETS["default"].small
    height = _scaled(14, small, base)
    cells = [
        f'<TD BGCOLOR="{theme.badge_fill}" STYLE="rounded" FIXEDSIZE="TRUE" '
        f'WIDTH="{_scaled(10 + 6 * len(label), small, base)}" HEIGHT="{height}">'
        f'<FONT COLOR="{theme.badge_text}" POINT-SIZE="{_pt(small)}"><B>{label}</B>'
        "</FONT></TD>"
    ]
    for cell in badge.cells:
        star = marks(cell.source, cell.across)
        style = theme.verdicts[cell.verdict]
        cells.append(
            f'<TD BGCOLOR="{style.colour}" STYLE="rounded" FIXEDSIZE="TRUE" '
            f'WIDTH="{_scaled(15 + 6 * len(star), small, base)}" HEIGHT="{height}">'
            f'<FONT COLOR="{text_colour(style.colour)}" POINT-SIZE="{_pt(small)}">'
            f"<B>{dot_html(style.symbol + star)}</B>"
            "</FONT></TD>"
        )
    return "".join(cells)


def _mark_cell(edge: Edge, scene: Scene) -> str:
    """The symbol of a marked link (`Edge.mark`) as a table cell, or nothing."""
    if edge.mark is None or not edge.mark.symbol:
        return ""
    return (
        f'<TD><FONT COLOR="{edge.mark.colour}" POINT-SIZE="{_pt(_sizes(scene).text)}">'
        f"<B>{dot_html(edge.mark.symbol)}</B></FONT></TD>"
    )


def _badge_label(edge: Edge, scene: Scene) -> str:
    rows = []
    symbol = _mark_cell(edge, scene)
    if edge.badges or symbol:
        cells = '<TD WIDTH="3"></TD>'.join(_badge_cells(badge, scene) for badge in edge.badges)
        rows.append(f"<TR>{symbol}{cells}</TR>")
    if edge.label:
        span = max(1, sum(1 + len(b.cells) for b in edge.badges) + len(edge.badges) - 1)
        span += 1 if symbol and edge.badges else 0
        text = _lines(edge.label, max(12, scene.options.wrap * 2 // 3))
        rows.append(
            f'<TR><TD COLSPAN="{span}" BGCOLOR="#FFFFFF">'
            f'<FONT POINT-SIZE="{_pt(_sizes(scene).small)}">{text}</FONT></TD></TR>'
        )
    return (
        '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="1" CELLPADDING="1">'
        + "".join(rows)
        + "</TABLE>"
    )


def _edge_style(edge: Edge, scene: Scene) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    if edge.verdict is not None:
        style: VerdictStyle = scene.theme.verdicts[edge.verdict]
        pairs += [("color", dot_string(style.colour)), ("penwidth", _num(style.penwidth))]
        if style.style != "solid":
            pairs.append(("style", style.style))
    if edge.kind == "feedback":
        pairs = [p for p in pairs if p[0] != "style"] + [("style", "dashed")]
    if edge.mark is not None:
        # A mark's colour, width and line style replace the verdict's.
        style_pairs = [p for p in pairs if p[0] == "style"]
        pairs = [("color", dot_string(edge.mark.colour)), ("penwidth", _num(edge.mark.penwidth))]
        pairs += [("style", edge.mark.style)] if edge.mark.style != "solid" else style_pairs
    return pairs


def _box(box: Box, scene: Scene) -> str:
    label = _lines(box.label, scene.options.wrap)
    if box.notes:
        # Indicators: smaller, muted, each on lines of its own under the label.
        notes = "<BR/>".join(_lines(note, scene.options.wrap + 4) for note in box.notes)
        label += (
            f'<BR/><FONT POINT-SIZE="{_pt(_sizes(scene).small)}" '
            f'COLOR="{scene.theme.muted}"><I>{notes}</I></FONT>'
        )
    if box.mark is not None and box.mark.symbol:
        label = f"<B>{dot_html(box.mark.symbol)}</B> {label}"
    pairs = [("label", _html(label))]
    pairs += [("fillcolor", dot_string(box.fill)), ("color", dot_string(box.border))]
    if box.hidden:
        pairs.append(("style", "invis"))
    elif box.outline in ("dashed", "dotted"):
        pairs.append(("style", dot_string(f"rounded,filled,{box.outline}")))
    if box.focus:
        pairs.append(("penwidth", "3"))
    elif box.outline == "bold":
        pairs.append(("penwidth", "2.6"))
    if box.mark is not None:
        pairs = _marked(pairs, box)
    return dot_id(box.id) + _attrs(pairs) + ";"


def _marked(pairs: list[tuple[str, str]], box: Box) -> list[tuple[str, str]]:
    """A marked box's attributes (`Box.mark`): the mark's colours, line style and width."""
    mark = box.mark
    assert mark is not None
    out = [p for p in pairs if p[0] not in ("fillcolor", "color", "style", "penwidth")]
    out += [("fillcolor", dot_string(mark.fill)), ("color", dot_string(mark.colour))]
    out.append(("fontcolor", dot_string(mark.text)))
    out.append(("penwidth", _num(mark.penwidth)))
    if box.hidden:
        out.append(("style", "invis"))
    elif mark.style != "solid":
        out.append(("style", dot_string(f"rounded,filled,{mark.style}")))
    return out


def _rule(strand_label: str, scene: Scene, visible: bool, width: float) -> str:
    if not visible:
        return '[shape=point style=invis width=0 height=0 label=""]'
    theme = scene.theme
    side = "T" if scene.orientation == "LR" else "L"
    size = f' WIDTH="{round(width * 72)}"' if scene.orientation == "LR" else ""
    label = (
        f'<TABLE BORDER="1" SIDES="{side}" COLOR="{theme.rule}" CELLBORDER="0" '
        f'CELLSPACING="0" CELLPADDING="2"{size}><TR><TD ALIGN="LEFT">'
        f'<FONT POINT-SIZE="{_pt(_sizes(scene).legend)}" COLOR="{theme.muted}">'
        f"<I>{dot_html(strand_label)}</I></FONT></TD></TR></TABLE>"
    )
    return f'[shape=plain style="" label={_html(label)}]'


def _badge_cell_list(badge: Badge, scene: Scene) -> list[str]:
    return _badge_cells(badge, scene).replace("</TD><TD", "</TD>\0<TD").split("\0")


def _legend_table(scene: Scene) -> str:
    """The legend as one flat table, so that Graphviz stretches no cell.

    Columns: the badge's cells, the mechanism title, a gap, the colour
    swatch, its meaning, a gap, the notes. (Nested tables would be stretched
    to fill their cells.)
    """
    legend = scene.legend
    if legend is None:
        return ""
    theme = scene.theme
    size = _sizes(scene)
    small = _pt(size.legend)
    mark_size = _pt(max(size.legend - 1, size.small))
    base = PRESETS["default"].legend
    swatch = f'WIDTH="{_scaled(30, size.legend, base)}" HEIGHT="{_scaled(16, size.legend, base)}"'
    mechanisms = [(_badge_cell_list(b, scene), title) for b, title in legend.mechanisms]
    width = max((len(cells) for cells, _ in mechanisms), default=0)
    swatches = []
    for colour, symbol, meaning in legend.colours:
        mark = (
            f'<FONT COLOR="{text_colour(colour)}" POINT-SIZE="{mark_size}">'
            f"<B>{dot_html(symbol or ' ')}</B></FONT>"
        )
        swatches.append(
            (
                f'<TD BGCOLOR="{colour}" BORDER="1" COLOR="{theme.border}" FIXEDSIZE="TRUE" '
                f'{swatch} STYLE="rounded">{mark}</TD>',
                f'<TD ALIGN="LEFT"><FONT POINT-SIZE="{small}">{dot_html(meaning)}</FONT></TD>',
            )
        )

    def bold(text: str) -> str:
        # The heading sits over the text column: a heading spanning the badge
        # column as well would widen it (Graphviz splits a span's width evenly).
        return f'<TD ALIGN="LEFT"><FONT POINT-SIZE="{small}"><B>{dot_html(text)}</B></FONT></TD>'

    gap = '<TD WIDTH="20"> </TD>'
    rows = []
    header = []
    if mechanisms:
        header += ["<TD> </TD>"] * width + [bold(_mechanisms_heading(scene))]
    if swatches:
        if header:
            header.append(gap)
        header += ["<TD> </TD>", bold(legend.colour_title or "")]
    lines = max(len(mechanisms), len(swatches), len(legend.notes))
    for row in range(lines):
        cells: list[str] = []
        if mechanisms:
            if row < len(mechanisms):
                badge, title = mechanisms[row]
                cells += badge + ["<TD> </TD>"] * (width - len(badge))
                cells.append(
                    f'<TD ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="{small}">'
                    f"{_lines(title, 64)}</FONT></TD>"
                )
            else:
                cells.append(f'<TD COLSPAN="{width + 1}"> </TD>')
        if swatches:
            if cells:
                cells.append(gap)
            cells += list(swatches[row]) if row < len(swatches) else ['<TD COLSPAN="2"> </TD>']
        if legend.notes:
            if cells:
                cells.append(gap)
            note = legend.notes[row] if row < len(legend.notes) else ""
            cells.append(
                f'<TD ALIGN="LEFT"><FONT POINT-SIZE="{small}" COLOR="{theme.muted}">'
                f"{dot_html(note) or ' '}</FONT></TD>"
            )
        rows.append("<TR>" + "".join(cells) + _FILLER + "</TR>")
    if header:
        rows.insert(0, "<TR>" + "".join(header) + _FILLER + "</TR>")
    return (
        '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2">'
        + "".join(rows)
        + "</TABLE>"
    )


# Where the title is wider than the legend, Graphviz widens every column of
# the legend by the same amount; empty columns at the end take most of it, so
# that badges and swatches stay next to their text.
_FILLER = '<TD CELLPADDING="0"></TD>' * 24


def _mechanisms_heading(scene: Scene) -> str:
    from toc.i18n import text

    return text("render.legend.mechanisms", scene.language)


def _graph_label(scene: Scene) -> str | None:
    size = _sizes(scene)
    rows = []
    if scene.title:
        rows.append(
            f'<TR><TD ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="{_pt(size.title)}"><B>'
            f"{_lines(scene.title, 90)}</B></FONT></TD></TR>"
        )
    if scene.subtitle:
        rows.append(
            f'<TR><TD ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="{_pt(size.subtitle)}" '
            f'COLOR="{scene.theme.muted}">{_lines(scene.subtitle, 110)}</FONT></TD></TR>'
        )
    legend = _legend_table(scene)
    if legend:
        rows.append(f'<TR><TD ALIGN="LEFT">{legend}</TD></TR>')
    if not rows:
        return None
    return (
        '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="4" CELLPADDING="0">'
        + "".join(rows)
        + "</TABLE>"
    )


def emit(scene: Scene) -> str:
    """The DOT source of a scene; the same scene gives the same bytes.

    >>> import toc
    >>> from toc.diagram.options import RenderOptions
    >>> from toc.diagram.view import build_scene
    >>> doc = toc.loads('''
    ... format: 1
    ... id: demo
    ... title: Demo
    ... nodes: [{id: a, stage: resources, label: A}, {id: b, stage: activities, label: B}]
    ... links: [{from: a, to: b}]
    ... ''')
    >>> source = emit(build_scene(doc, RenderOptions()))
    >>> '"a" -> "b" [minlen=2];' in source
    True
    """
    options = scene.options
    size = _sizes(scene)
    width = box_width(options.wrap, size.text)
    lines: list[str] = [
        "// Theory-of-change diagram written by toc; regenerate it with `toc render`.",
        f"digraph {dot_id(scene.document_id)} {{",
        *_defaults(scene, size, width),
        *_columns(scene, size, width),
        *_strand_rows(scene),
        *_links(scene),
        "}",
    ]
    return "\n".join(lines) + "\n"


def _heading_id(scene: Scene, k: int) -> str:
    return dot_id(f"h:{scene.columns[k].stage}")


def _rule_id(scene: Scene, s: int, k: int) -> str:
    return dot_id(f"s:{s}:{scene.columns[k].stage}")


def _gap_id(s: int | None, k: int) -> str:
    return dot_id(f"g:{'h' if s is None else s}:{k}")


def _defaults(scene: Scene, size: Preset, width: float) -> list[str]:
    """The graph, node and edge defaults: fonts, colours, spacing and the title."""
    theme = scene.theme
    options = scene.options
    font = dot_string(options.font)
    graph = [
        ("rankdir", scene.orientation),
        ("newrank", "true"),
        ("nodesep", "0.14"),
        ("ranksep", "0.14"),
        ("outputorder", "edgesfirst"),
        ("bgcolor", dot_string("#FFFFFF")),
        ("pad", "0.2"),
        ("fontname", font),
        ("fontsize", _pt(size.text)),
        ("fontcolor", dot_string(theme.text)),
    ]
    label = _graph_label(scene)
    if label is not None:
        graph += [("labelloc", "t"), ("labeljust", "l"), ("label", _html(label))]
    if options.size is not None:
        # Scaled down to fit, never up: a PNG drawn for the page it goes on.
        graph.append(("size", dot_string(f"{_num(options.size[0])},{_num(options.size[1])}")))
    node = [
        ("shape", "box"),
        ("style", dot_string("rounded,filled")),
        ("fontname", font),
        ("fontsize", _pt(size.text)),
        ("fontcolor", dot_string(theme.text)),
        ("color", dot_string(theme.border)),
        ("fillcolor", dot_string(theme.neutral_fill)),
        ("margin", dot_string("0.09,0.06")),
        ("width", _num(width)),
        ("height", "0.45"),
    ]
    edge = [
        ("color", dot_string(theme.edge)),
        ("penwidth", "1.2"),
        ("arrowsize", "0.7"),
        ("fontname", font),
        ("fontsize", _pt(size.small)),
    ]
    return ["graph" + _attrs(graph) + ";", "node" + _attrs(node) + ";", "edge" + _attrs(edge) + ";"]


def _columns(scene: Scene, size: Preset, width: float) -> list[str]:
    """Each column: its heading, then per strand a rule and the strand's boxes, in order."""
    options = scene.options
    labelled = len(scene.strands) > 1
    lines: list[str] = []
    for k, column in enumerate(scene.columns):
        lines.append(f"// column {k + 1}: {column.stage}")
        # Wrapped like the boxes below it, so that a heading never widens its column.
        heading_label = f"<B>{_lines(column.heading, options.wrap)}</B>"
        heading = _heading_id(scene, k)
        lines.append(
            heading
            + _attrs(
                [
                    ("shape", "plaintext"),
                    ("style", '""'),
                    ("fontsize", _pt(size.heading)),
                    ("label", _html(heading_label)),
                ]
            )
            + ";"
        )
        members = [heading]
        order: list[tuple[str, str]] = []
        previous = heading
        for s, strand in enumerate(scene.strands):
            rule = _rule_id(scene, s, k)
            lines.append(rule + " " + _rule(strand.label, scene, labelled, width) + ";")
            members.append(rule)
            order.append((previous, rule))
            # The boxes of a strand in document order, chained: a new box never
            # reorders the others.
            chain = rule
            for box in scene.boxes:
                if box.column == k and box.strand == s:
                    lines.append(_box(box, scene))
                    members.append(dot_id(box.id))
                    order.append((chain, dot_id(box.id)))
                    chain = dot_id(box.id)
            previous = chain
        lines.append("{rank=same; " + " ".join(members) + "}")
        lines.extend(f"{a} -> {b} [style=invis];" for a, b in order)
    return lines


def _strand_rows(scene: Scene) -> list[str]:
    """Strands held straight through the gaps; boxes without arrows kept to their strand."""
    last = len(scene.columns) - 1
    lines = ["// strands run straight through the gaps between columns"]
    for k in range(last):
        for s in [None, *range(len(scene.strands))]:
            gap = _gap_id(s, k)
            lines.append(gap + ' [shape=point style=invis width=0 height=0 label=""];')
            left = _heading_id(scene, k) if s is None else _rule_id(scene, s, k)
            right = _heading_id(scene, k + 1) if s is None else _rule_id(scene, s, k + 1)
            lines.append(f"{left} -> {gap} -> {right} [style=invis weight=1000];")
    forward_in = {e.target for e in scene.edges if e.kind == "forward"}
    forward_out = {e.source for e in scene.edges if e.kind == "forward"}
    lines.append("// boxes without arrows on one side keep to their strand")
    for box in scene.boxes:
        if box.column > 0 and box.id not in forward_in:
            lines.append(
                f"{_gap_id(box.strand, box.column - 1)} -> {dot_id(box.id)} [style=invis weight=0];"
            )
        if box.column < last and box.id not in forward_out:
            lines.append(
                f"{dot_id(box.id)} -> {_gap_id(box.strand, box.column)} [style=invis weight=0];"
            )
    return lines


def _links(scene: Scene) -> list[str]:
    """Every link in document order: forward ones through a badge node in the gap."""
    lines = ["// links, in document order"]
    badges_shown = scene.options.badges
    for edge in scene.edges:
        source, target = dot_id(edge.source), dot_id(edge.target)
        style = _edge_style(edge, scene)
        if edge.hidden:
            style = [p for p in style if p[0] != "style"] + [("style", "invis")]
        # Hidden badges keep their place (an invisible node of the same size, the
        # arrow drawn through it), so that showing them again moves nothing.
        shown = edge if badges_shown else replace(edge, badges=())
        symbol = bool(_mark_cell(edge, scene))  # a marked link shows its symbol
        if edge.kind != "forward":
            pairs = [("constraint", "false"), *style]
            if shown.badges or shown.label or symbol:
                pairs.append(("xlabel", _html(_badge_label(shown, scene))))
            lines.append(f"{source} -> {target}" + _attrs(pairs) + ";")
        elif edge.badges or edge.label or symbol:
            badge = dot_id(f"b:{edge.index}")
            invisible = edge.hidden or not (shown.badges or shown.label or symbol)
            lines.append(
                badge
                + _attrs(
                    [
                        ("shape", "plain"),
                        ("style", "invis" if invisible else '""'),
                        ("label", _html(_badge_label(edge if invisible else shown, scene))),
                    ]
                )
                + ";"
            )
            through = [("headclip", "false")] if invisible and not edge.hidden else []
            lines.append(
                f"{source} -> {badge}"
                + _attrs([("arrowhead", "none"), ("minlen", str(edge.span)), *style, *through])
                + ";"
            )
            through = [("tailclip", "false")] if through else []
            lines.append(
                f"{badge} -> {target}"
                + _attrs([("minlen", str(edge.span)), *style, *through])
                + ";"
            )
        else:
            lines.append(
                f"{source} -> {target}" + _attrs([("minlen", str(2 * edge.span)), *style]) + ";"
            )
    return lines
