"""What a diagram shows: columns, strands, boxes, arrows, badges and legend.

`build_scene` turns a document and `RenderOptions` into a `Scene`, a plain
description that the DOT and Mermaid writers only translate. Everything that
depends on the document — which nodes a view keeps, which strand a node
belongs to, which verdict a badge shows, what the legend lists — is decided
here, once, in a fixed order, so that both outputs agree and are stable.

Strands (documented in docs/diagrams.md): a node without ``interventions``, or
listing every intervention, belongs to the common strand; a node of one
intervention to that intervention's strand; a node of several (but not all)
interventions to a strand of its own, named after them ("A + B"), placed after
the single-intervention strands. In a view of one intervention, a node of
several interventions belongs to that intervention's strand.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from mechanisms.model import Mechanism
from mechanisms.types import BADGE_VERDICTS, UNASSESSED
from toc.assessment import Assessment, BadgeCell, assess
from toc.diagram.options import NodePaint, RenderOptions
from toc.diagram.theme import SUPPORT_LOOK, THEMES, VERDICTS, Theme
from toc.errors import OptionError
from toc.files import check_references
from toc.graph import reach
from toc.i18n import text
from toc.model import Document, Link, Node, did_you_mean

__all__ = [
    "Badge",
    "Box",
    "Column",
    "Edge",
    "Legend",
    "Mark",
    "Scene",
    "Strand",
    "build_scene",
]

KNOWN_STAGES = ("resources", "activities", "short", "medium", "long")


@dataclass(frozen=True)
class Column:
    """One stage, drawn as a column (LR) or a row (TB)."""

    stage: str
    heading: str


@dataclass(frozen=True)
class Strand:
    """One row of the diagram: the common strand or one of interventions."""

    interventions: tuple[str, ...]
    """Empty for the common strand."""
    label: str


@dataclass(frozen=True)
class Mark:
    """How a box or link is marked out from the rest: a symbol, colours and a line style.

    The symbol (``+``, ``−``, ``~``) and the line style carry the meaning in
    black and white; an empty symbol draws none.
    """

    symbol: str
    """Shown before a box's label and on a link."""
    colour: str
    """Outline and line colour."""
    fill: str
    """Box fill."""
    text: str
    """Text colour of a box."""
    style: str = "solid"
    """``solid``, ``dashed`` or ``dotted``."""
    penwidth: float = 1.2
    """Width of the outline and the line."""


@dataclass(frozen=True)
class Box:
    """One node of the document."""

    id: str
    label: str
    column: int
    strand: int
    fill: str
    border: str
    outline: str = "solid"
    """``solid``, ``dashed``, ``dotted`` or ``bold``."""
    focus: bool = False
    hidden: bool = False
    """Not revealed yet (``reveal``): drawn invisible, so that it keeps its place."""
    notes: tuple[str, ...] = ()
    """Lines under the label: the node's indicators (``indicators``)."""
    mark: Mark | None = None
    """Drawn marked out (what changed between two versions, `toc.changes`)."""


@dataclass(frozen=True)
class Badge:
    """The mark of one mechanism on a link: ``M3``, with verdict cells when coloured by verdict."""

    mechanism: str
    number: int
    cells: tuple[BadgeCell, ...] = ()
    """The verdicts shown (colouring by verdict), each recorded or suggested."""


EdgeKind = Literal["forward", "backward", "feedback"]


@dataclass(frozen=True)
class Edge:
    """One link of the document."""

    index: int
    """Position of the link in the document."""
    source: str
    target: str
    kind: EdgeKind
    """``forward`` to a later column; ``feedback`` (a declared loop, dashed);
    ``backward`` (to the same or an earlier column without ``feedback``)."""
    span: int
    """Columns from source to target (0 or less unless forward)."""
    badges: tuple[Badge, ...]
    """Drawn unless the options hide badges (then invisible, keeping their place)."""
    label: str | None
    verdict: str | None
    """The verdict that colours the line (colouring by verdict), else None."""
    hidden: bool = False
    """Leads to or from a box not revealed yet: drawn invisible."""
    mark: Mark | None = None
    """Drawn marked out (what changed between two versions, `toc.changes`)."""


@dataclass(frozen=True)
class Legend:
    """What the legend explains."""

    mechanisms: tuple[tuple[Badge, str], ...]
    """Each badge in the picture with its mechanism's title, in number order."""
    colour_title: str | None
    colours: tuple[tuple[str, str, str], ...]
    """(colour, symbol, meaning) rows."""
    notes: tuple[str, ...]
    """Further lines: line styles, verdict cells per intervention."""


@dataclass(frozen=True)
class Scene:
    """Everything a diagram shows, in drawing order."""

    document_id: str
    language: str
    title: str
    subtitle: str
    orientation: str
    theme: Theme
    options: RenderOptions
    columns: tuple[Column, ...]
    strands: tuple[Strand, ...]
    boxes: tuple[Box, ...]
    edges: tuple[Edge, ...]
    legend: Legend | None
    color_by: str


# ----------------------------------------------------------------- helpers


def heading(stage: str, language: str) -> str:
    """The heading of a stage's column: localized for the five standard stages.

    >>> heading("short", "sv"), heading("impact", "en")
    ('EFFEKTER KORT SIKT', 'IMPACT')
    """
    if stage in KNOWN_STAGES:
        return text(f"render.stage.{stage}", language)
    return stage.upper()


def _unknown(what: str, value: str, choices: Iterable[str], doc: Document) -> OptionError:
    choices = list(choices)
    hint = did_you_mean(value, choices)
    if hint is None:
        hint = (
            f"the document has: {', '.join(choices[:12])}"
            if choices
            else f"document {doc.id!r} has none"
        )
    return OptionError(f"no {what} {value!r} in document {doc.id!r}; {hint}")


def _near(starts: Iterable[str], links: list[Link], forward: bool, depth: int | None) -> set[str]:
    """The nodes at most ``depth`` links away from ``starts`` (None: any number), starts included.

    Follows links forwards or backwards, never feedback loops.
    """
    step: dict[str, list[str]] = {}
    for link in links:
        if not link.feedback:
            a, b = (link.from_, link.to) if forward else (link.to, link.from_)
            step.setdefault(a, []).append(b)
    if depth is None:
        return reach(starts, step)
    seen = set(starts)
    ring = list(seen)
    for _ in range(depth):
        ring = [b for a in ring for b in step.get(a, ()) if b not in seen]
        seen.update(ring)
    return seen


# From least to most favourable: a link with several mechanisms is drawn in
# the colour of the least favourable of them (a chain is as strong as its
# weakest link).
_FAVOUR = ("not_held", "partly_held", "inconclusive", "too_early", UNASSESSED, "held")


def weakest(verdicts: Iterable[str]) -> str:
    """The least favourable of some verdicts (the colour of a link with several badges).

    >>> weakest(["held", "partly_held", "unassessed"])
    'partly_held'
    """
    return min(verdicts, key=_FAVOUR.index)


def _strand_key(node: Node, all_ids: set[str], shown: tuple[str, ...] | None) -> tuple[str, ...]:
    ids = [i for i in node.interventions if i in all_ids]
    if not ids or set(ids) >= all_ids:
        return ()
    if shown is not None:
        return shown
    return tuple(ids)


def _support_paint(doc: Document, options: RenderOptions, result: Assessment) -> NodePaint:
    """Outcomes coloured by pathway support: in the intervention shown, else the weakest."""
    look = SUPPORT_LOOK[options.theme]
    language = options.language or doc.language
    status = {
        node.id: found
        for node in doc.nodes
        if (found := result.support(node.id, options.intervention)) is not None
    }
    used = [s for s in ("supported", "unassessed", "at_risk") if s in status.values()]
    return NodePaint(
        fills={node: look[s][0] for node, s in status.items()},
        styles={node: look[s][1] for node, s in status.items()},
        legend=[(look[s][0], text(f"judge.support.{s}", language)) for s in used],
        title=text("judge.support.title", language),
    )


def _given_cells(
    doc: Document,
    given: Mapping[str, str | Mapping[str, str]],
    options: RenderOptions,
) -> dict[str, tuple[BadgeCell, ...]]:
    """Badge cells from verdicts the caller gives (``verdicts``) instead of the judgement."""
    allowed = BADGE_VERDICTS
    interventions = [i.id for i in doc.interventions]
    out: dict[str, tuple[BadgeCell, ...]] = {}
    for key, value in given.items():
        if doc.get(key) is None or key not in {m.id for m in doc.mechanisms}:
            raise OptionError(
                f"verdicts names {key!r}, which is not a mechanism of document {doc.id!r}"
            )
        per = {"": value} if isinstance(value, str) else dict(value)
        for intervention, verdict in per.items():
            if intervention and intervention not in interventions:
                raise OptionError(
                    f"verdicts[{key!r}] names {intervention!r}, which is not an intervention "
                    f"of document {doc.id!r}"
                )
            if verdict not in allowed:
                raise OptionError(
                    f"verdicts[{key!r}] is {verdict!r}; a mechanism verdict is one of "
                    + ", ".join(allowed)
                )
    view = options.intervention
    for mechanism in doc.mechanisms:
        source = "suggested" if options.suggested(mechanism.id) else "recorded"
        value = given.get(mechanism.id, UNASSESSED)
        if isinstance(value, str):
            pairs: list[tuple[str | None, str]] = [(view, value)]
        elif view is not None:
            pairs = [(view, value.get(view, UNASSESSED))]
        else:
            pairs = [(i, value[i]) for i in interventions if i in value]
            if len({v for _, v in pairs}) == 1:
                pairs = [(None, pairs[0][1])]
            elif pairs:
                pairs = [(i, value.get(i, UNASSESSED)) for i in interventions]
            else:
                pairs = [(None, UNASSESSED)]
        out[mechanism.id] = tuple(
            BadgeCell(i, v, None if v == UNASSESSED else source)  # type: ignore[arg-type]
            for i, v in pairs
        )
    return out


# -------------------------------------------------------------------- scene


def build_scene(doc: Document, options: RenderOptions) -> Scene:
    """The `Scene` of a document under some options.

    Raises `toc.errors.OptionError` for an intervention or focus node the
    document does not have, or ``verdicts``/``paint`` naming unknown ids.
    """
    # A document changed in code may hold a reference to nothing: a located
    # DocumentError, as on loading, not a link silently left out.
    check_references(doc)
    language = options.language or doc.language
    theme = THEMES[options.theme]
    nodes, links, focus_mechanism = _shown(doc, options)
    columns = tuple(Column(stage, heading(stage, language)) for stage in doc.stages)
    reveal = options.reveal
    if reveal is not None and reveal > len(columns):
        raise OptionError(
            f"reveal must be a number of stages from 1 to {len(columns)} (document "
            f"{doc.id!r} has {len(columns)} stages), not {reveal!r}"
        )
    strands, strand_of = _strands(doc, nodes, options, language)
    paint, result = _paint(doc, options)
    boxes = _boxes(doc, nodes, options, theme, paint, strand_of)
    by_verdict = options.color_by == "verdict" and paint is None
    edges = _edges(doc, links, options, result, by_verdict, {b.id for b in boxes if b.hidden})
    title = doc.title if options.title is None else options.title
    subtitle = _subtitle(doc, options, language, focus_mechanism)
    legend = (
        _legend(doc, options, theme, columns, [e for e in edges if not e.hidden], paint, by_verdict)
        if options.legend
        else None
    )
    return Scene(
        document_id=doc.id,
        language=language,
        title=title,
        subtitle=subtitle,
        orientation=options.orientation,
        theme=theme,
        options=options,
        columns=columns,
        strands=strands,
        boxes=tuple(boxes),
        edges=tuple(edges),
        legend=legend,
        color_by=options.color_by,
    )


def _shown(
    doc: Document, options: RenderOptions
) -> tuple[list[Node], list[Link], Mechanism | None]:
    """The nodes and links the view keeps (one intervention, a focus), and a focused mechanism."""
    intervention_ids = [i.id for i in doc.interventions]
    view = options.intervention
    if view is not None and view not in intervention_ids:
        raise _unknown("intervention", view, intervention_ids, doc)
    all_ids = set(intervention_ids)
    nodes = [
        n
        for n in doc.nodes
        if view is None
        or not n.interventions
        or view in n.interventions
        or set(n.interventions) >= all_ids
    ]
    kept = {n.id for n in nodes}
    links = [link for link in doc.links if link.from_ in kept and link.to in kept]
    focus = options.focus
    if focus is None:
        return nodes, links, None
    node_ids = [n.id for n in doc.nodes]
    mechanism_ids = [m.id for m in doc.mechanisms]
    focus_mechanism = None
    through: list[Link] = []
    if focus in set(mechanism_ids):
        # The pathways through the links this mechanism explains.
        focus_mechanism = next(m for m in doc.mechanisms if m.id == focus)
        refs = set(focus_mechanism.links) | {
            link.ref for link in doc.links if focus in link.mechanisms
        }
        through = [link for link in links if link.ref in refs]
        if not through:
            where = f" in the view of intervention {view!r}" if view is not None else ""
            raise OptionError(f"mechanism {focus!r} explains no link shown{where}")
        up = _near({link.from_ for link in through}, links, False, options.depth)
        down = _near({link.to for link in through}, links, True, options.depth)
    elif focus in set(node_ids):
        if focus not in kept:
            raise OptionError(
                f"node {focus!r} is not shown in the view of intervention {view!r}: "
                "it belongs to another intervention"
            )
        up = _near([focus], links, False, options.depth)
        down = _near([focus], links, True, options.depth)
    else:
        raise _unknown("node or mechanism", focus, node_ids + mechanism_ids, doc)
    kept = up | down
    nodes = [n for n in nodes if n.id in kept]
    links = [
        link
        for link in links
        if (link.from_ in up and link.to in up)
        or (link.from_ in down and link.to in down)
        or any(link is other for other in through)
        or (link.feedback and link.from_ in kept and link.to in kept)
    ]
    return nodes, links, focus_mechanism


def _strands(
    doc: Document, nodes: list[Node], options: RenderOptions, language: str
) -> tuple[tuple[Strand, ...], dict[str, int]]:
    """The strands in drawing order, and the strand of each node shown."""
    intervention_ids = [i.id for i in doc.interventions]
    names = {i.id: i.name for i in doc.interventions}
    view = options.intervention
    shown_key = (view,) if view is not None else None
    keys = {n.id: _strand_key(n, set(intervention_ids), shown_key) for n in nodes}
    present = set(keys.values())
    common = (
        options.common_label
        if options.common_label is not None
        else text("render.common", language)
    )
    order: list[tuple[str, ...]] = [()]
    order += [(i,) for i in intervention_ids if (i,) in present]
    position = {i: n for n, i in enumerate(intervention_ids)}
    order += sorted((k for k in present if len(k) > 1), key=lambda k: [position[i] for i in k])
    strands = tuple(
        Strand(key, " + ".join(names[i] for i in key) if key else common) for key in order
    )
    strand_of = {key: i for i, key in enumerate(order)}
    return strands, {node_id: strand_of[key] for node_id, key in keys.items()}


def _paint(doc: Document, options: RenderOptions) -> tuple[NodePaint | None, Assessment | None]:
    """The box colours the caller or the ``support`` scheme gives, and the assessment used."""
    color_by = options.color_by
    result = options.assessment
    if result is None and options.paint is None:
        by_verdict = color_by == "verdict" and options.verdicts is None
        if by_verdict or color_by == "support":
            # The colours need the judgement; the caller may pass one made already.
            result = assess(doc, intervention=options.intervention)
    paint = options.paint
    if paint is None and color_by == "support" and result is not None:
        paint = _support_paint(doc, options, result)
    if paint is not None:
        known = {n.id for n in doc.nodes}
        for node_id in list(paint.fills) + list(paint.styles):
            if node_id not in known:
                raise OptionError(f"paint names {node_id!r}, which is not a node of {doc.id!r}")
    return paint, result


def _boxes(
    doc: Document,
    nodes: list[Node],
    options: RenderOptions,
    theme: Theme,
    paint: NodePaint | None,
    strand_of: Mapping[str, int],
) -> list[Box]:
    """A box per node shown, coloured by the scheme (or the caller's paint)."""
    column_of = {stage: i for i, stage in enumerate(doc.stages)}
    shown_columns = len(doc.stages) if options.reveal is None else options.reveal
    boxes = []
    for node in nodes:
        column = column_of[node.stage]
        if paint is not None:
            fill = paint.fills.get(node.id, theme.neutral_fill)
            border, outline = theme.border, paint.styles.get(node.id, "solid")
        elif options.color_by == "stage":
            fill = theme.stage_fills[column % len(theme.stage_fills)]
            border, outline = theme.stage_borders[column % len(theme.stage_borders)], "solid"
        else:
            fill, border, outline = theme.neutral_fill, theme.border, "solid"
        boxes.append(
            Box(
                id=node.id,
                label=node.label,
                column=column,
                strand=strand_of[node.id],
                fill=fill,
                border=border,
                outline=outline,
                focus=node.id == options.focus,
                hidden=column >= shown_columns,
                notes=tuple(f"◇ {i.name}" for i in node.indicators) if options.indicators else (),
            )
        )
    return boxes


def _edges(
    doc: Document,
    links: list[Link],
    options: RenderOptions,
    result: Assessment | None,
    by_verdict: bool,
    hidden: set[str],
) -> list[Edge]:
    """An edge per link shown, with its badges and, coloured by verdict, its verdict."""
    cells: Mapping[str, tuple[BadgeCell, ...]] = {}
    if by_verdict and options.verdicts is not None:
        cells = _given_cells(doc, options.verdicts, options)
    elif by_verdict and result is not None:
        cells = {m.id: result.badge(m.id, options.intervention) for m in doc.mechanisms}
    numbers = {m.id: n for n, m in enumerate(doc.mechanisms, start=1)}
    explains = doc.explaining()
    column_of = {stage: i for i, stage in enumerate(doc.stages)}
    stage_of = {n.id: n.stage for n in doc.nodes}
    edges = []
    drawn = {id(link) for link in links}
    for index, link in enumerate(doc.links):
        if id(link) not in drawn:
            continue
        span = column_of[stage_of[link.to]] - column_of[stage_of[link.from_]]
        kind: EdgeKind = "feedback" if link.feedback else "forward" if span > 0 else "backward"
        badges = tuple(
            Badge(m, numbers[m], cells.get(m, ()) if by_verdict else ())
            for m in explains.get(link.ref, [])
        )
        verdict = None
        if by_verdict and badges:
            verdict = weakest(cell.verdict for b in badges for cell in b.cells)
        edges.append(
            Edge(
                index,
                link.from_,
                link.to,
                kind,
                span,
                badges,
                link.label,
                verdict,
                hidden=link.from_ in hidden or link.to in hidden,
            )
        )
    return edges


def _subtitle(
    doc: Document, options: RenderOptions, language: str, focus_mechanism: Mechanism | None
) -> str:
    """The line under the title: the caller's, else the intervention and focus shown."""
    if options.subtitle is not None:
        return options.subtitle
    parts = []
    if options.intervention is not None:
        name = next(i.name for i in doc.interventions if i.id == options.intervention)
        parts.append(text("render.subtitle.intervention", language, name=name))
    if focus_mechanism is not None:
        number = next(n for n, m in enumerate(doc.mechanisms, start=1) if m is focus_mechanism)
        parts.append(
            text(
                "render.subtitle.mechanism",
                language,
                number=number,
                title=focus_mechanism.title,
            )
        )
    elif options.focus is not None:
        parts.append(text("render.subtitle.focus", language, label=doc.node(options.focus).label))
    if options.focus is not None and options.depth is not None:
        parts.append(text("render.subtitle.depth", language, depth=options.depth))
    return " · ".join(parts)


def _legend(
    doc: Document,
    options: RenderOptions,
    theme: Theme,
    columns: tuple[Column, ...],
    edges: list[Edge],
    paint: NodePaint | None,
    by_verdict: bool,
) -> Legend | None:
    language = options.language or doc.language
    shown: dict[int, Badge] = {}
    for edge in edges if options.badges else ():
        for badge in edge.badges:
            shown.setdefault(badge.number, badge)
    titles = {m.id: m.title for m in doc.mechanisms}
    mechanisms = tuple((shown[n], titles[shown[n].mechanism]) for n in sorted(shown))

    colour_title: str | None = None
    colours: list[tuple[str, str, str]] = []
    notes: list[str] = []
    if paint is not None:
        colour_title = paint.title
        colours = [(colour, "", meaning) for colour, meaning in paint.legend]
    elif by_verdict:
        colour_title = text("render.legend.verdict", language)
        cells = [cell for edge in edges for b in edge.badges for cell in b.cells]
        used = {cell.verdict for cell in cells}
        for verdict in VERDICTS:
            if verdict in used or verdict == UNASSESSED:
                style = theme.verdicts[verdict]
                colours.append((style.colour, style.symbol, text(f"verdict.{verdict}", language)))
        if any(cell.source == "suggested" for cell in cells):
            notes.append(text("render.legend.suggested", language))
        if any(cell.across for cell in cells):
            notes.append(text("render.legend.across", language))
        if options.intervention is None and any(cell.intervention for cell in cells):
            order = [i.name for i in doc.interventions]
            notes.append(text("render.legend.cells", language, names=", ".join(order)))
        if options.badges and any(not edge.badges for edge in edges):
            notes.append(text("render.legend.no_mechanism", language))
    elif options.color_by == "stage":
        colour_title = text("render.legend.stages", language)
        for k, column in enumerate(columns):
            meaning = column.heading.lower() if column.stage in KNOWN_STAGES else column.stage
            colours.append((theme.stage_fills[k % len(theme.stage_fills)], "", meaning))
    if any(edge.kind == "feedback" for edge in edges):
        notes.append(text("render.legend.feedback", language))
    if not mechanisms and not colours and not notes:
        return None
    return Legend(mechanisms, colour_title, tuple(colours), tuple(notes))
