"""The diff diagram: the new version drawn with what was removed where it was, all marked.

`diff_scene` builds the scene of the merged document (`toc.diagram.view`),
each box and link marked added, removed, changed or unchanged (`MARKS`), the
badges showing the new version's verdicts by the badge rule; `diff_dot`,
`draw_diff` and `render_diff` emit, draw and write it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, Literal

from toc.assessment import Assessment, assess
from toc.changes.compare import Renames, diff
from toc.changes.model import Change, Changes
from toc.diagram import dot, engine
from toc.diagram.options import RenderOptions, format_for, options_from
from toc.diagram.theme import VERDICTS, Theme
from toc.diagram.view import Badge, Edge, Legend, Mark, Scene, build_scene
from toc.errors import OptionError
from toc.files import write_atomic
from toc.i18n import text
from toc.model import Document, Node
from toc.quoting import one_line

__all__ = ["MARKS", "MarkName", "diff_dot", "diff_scene", "draw_diff", "render_diff"]

MarkName = Literal["added", "removed", "changed", "unchanged"]

MARKS: Mapping[str, Mapping[MarkName, Mark]] = {
    # Okabe–Ito colours (told apart with the common forms of colour blindness);
    # the symbol and the line style carry the meaning in black and white.
    "default": {
        "added": Mark("+", "#009E73", "#E0F3EC", "#1A1A1A", "solid", 2.8),
        "removed": Mark("−", "#D55E00", "#FFFFFF", "#555555", "dashed", 2.2),
        "changed": Mark("~", "#0072B2", "#E1EEF7", "#1A1A1A", "dotted", 2.8),
        "unchanged": Mark("", "#BBBBBB", "#FFFFFF", "#8C8C8C", "solid", 1.0),
    },
    "print": {
        "added": Mark("+", "#000000", "#FFFFFF", "#000000", "solid", 3.0),
        "removed": Mark("−", "#000000", "#FFFFFF", "#333333", "dashed", 2.0),
        "changed": Mark("~", "#000000", "#FFFFFF", "#000000", "dotted", 3.0),
        "unchanged": Mark("", "#AAAAAA", "#FFFFFF", "#777777", "solid", 0.8),
    },
}
"""Per theme, how added, removed, changed and unchanged boxes and links are drawn."""

_MARK_ORDER: tuple[MarkName, ...] = ("added", "removed", "changed", "unchanged")


def _inserted_stages(old: Document, new: Document) -> list[str]:
    """The new stages, with stages only the old version has placed where they were."""
    stages = list(new.stages)
    for k, stage in enumerate(old.stages):
        if stage in stages:
            continue
        before = [s for s in old.stages[:k] if s in stages]
        stages.insert(stages.index(before[-1]) + 1 if before else 0, stage)
    return stages


def _merged(old: Document, new: Document, changes: Changes) -> Document:
    """The new version plus what was removed, where it was: what the diff diagram draws.

    Only what a diagram shows is kept: stages, interventions, nodes (without
    actors and indicators), links and the mechanisms' links.
    """
    renames = Renames(changes.renames())

    def taken(item_id: str) -> bool:
        return new.get(item_id) is not None  # an id of the new version, of any kind

    removed_interventions = [
        {"id": i.id, "name": i.name} for i in old.interventions if not taken(i.id)
    ]
    interventions = [{"id": i.id, "name": i.name} for i in new.interventions]
    interventions += removed_interventions
    strands = {i["id"] for i in interventions}

    def node_data(node: Node) -> dict[str, Any]:
        item: dict[str, Any] = {"id": node.id, "stage": node.stage, "label": node.label}
        kept = [i for i in node.interventions if i in strands]
        if kept:
            item["interventions"] = kept
        return item

    # A removed box goes right after the box that came before it in the old version.
    gone = {c.id for c in changes.nodes if c.kind == "removed" and not taken(c.id)}
    new_ids = {n.id for n in new.nodes}
    after: dict[str | None, list[Node]] = {}
    anchor: str | None = None
    for node in old.nodes:
        if node.id in gone:
            after.setdefault(anchor, []).append(node)
        elif renames.id(node.id) in new_ids:
            anchor = renames.id(node.id)
    nodes = [node_data(n) for n in after.get(None, [])]
    for node in new.nodes:
        nodes.append(node_data(node))
        nodes += [node_data(n) for n in after.get(node.id, [])]
    present = {n["id"] for n in nodes}

    links = [
        {"from": link.from_, "to": link.to, "feedback": link.feedback, "label": link.label}
        for link in new.links
    ]
    refs = {link.ref for link in new.links}
    for link in old.links:
        ref = renames.ref(link.ref)
        a, b = renames.id(link.from_), renames.id(link.to)
        if ref not in refs and a in present and b in present and a != b:
            links.append({"from": a, "to": b, "feedback": link.feedback, "label": link.label})
            refs.add(ref)

    old_links = {m.id: [renames.ref(r) for r in m.links] for m in old.mechanisms}
    mechanisms = []
    for mechanism in new.mechanisms:
        mine = list(mechanism.links)
        mine += [r for r in old_links.get(mechanism.id, []) if r in refs and r not in mine]
        mechanisms.append({"id": mechanism.id, "title": mechanism.title, "links": mine})
    new_mechanisms = {m.id for m in new.mechanisms}
    for mechanism in old.mechanisms:
        if mechanism.id not in new_mechanisms and not taken(mechanism.id):
            mine = [r for r in old_links[mechanism.id] if r in refs]
            mechanisms.append({"id": mechanism.id, "title": mechanism.title, "links": mine})

    return Document.model_validate(
        {
            "format": 1,
            "id": new.id,
            "title": new.title,
            "language": new.language,
            "stages": _inserted_stages(old, new),
            "interventions": interventions,
            "nodes": nodes,
            "links": links,
            "mechanisms": mechanisms,
        }
    )


def _diff_options(options: Mapping[str, Any]) -> RenderOptions:
    settings = options_from({"color_by": "verdict", **options})
    if settings.color_by not in ("verdict", "none"):
        raise OptionError(
            f"color_by must be verdict or none in a diff diagram, not {settings.color_by!r}: "
            "the boxes are coloured by what changed"
        )
    if settings.paint is not None or settings.verdicts is not None:
        raise OptionError("a diff diagram takes neither paint nor verdicts: it marks what changed")
    return settings


def diff_scene(
    old: Document, new: Document, changes: Changes | None = None, **options: Any
) -> Scene:
    """The scene of the diff diagram: the new version, with what was removed where it was.

    Every box and link is marked added, removed, changed (renamed boxes too)
    or unchanged (`MARKS`); the legend explains the marks. With
    ``color_by="verdict"`` (the default) each mechanism's badge shows its
    current verdict in the new version, by the badge rule
    (`toc.assessment.Assessment.badge`); pass ``assessment`` when the new
    version's assessment is at hand. Other options are those of `toc.render`.
    """
    settings = _diff_options(options)
    if changes is None:
        changes = diff(old, new)
    merged = _merged(old, new, changes)
    plain = replace(settings, color_by="none", assessment=None)
    scene = build_scene(merged, plain)
    language = scene.language  # the document's, or the one the options ask for
    look = MARKS[settings.theme]

    box_marks = _marks(changes.nodes)
    edge_marks = _marks(changes.links)
    mechanism_marks = _marks(changes.mechanisms)

    cells: dict[str, tuple[Any, ...]] = {}
    view = settings.intervention
    if settings.color_by == "verdict" and new.mechanisms:
        result = settings.assessment
        if result is None or result.document != new.id:
            result = assess(new)
        cells = _cells(result, new, view)

    boxes = tuple(replace(b, mark=look[box_marks.get(b.id, "unchanged")]) for b in scene.boxes)
    edges = tuple(
        replace(
            e,
            mark=look[edge_marks.get(f"{e.source}->{e.target}", "unchanged")],
            badges=tuple(replace(b, cells=cells.get(b.mechanism, ())) for b in e.badges),
        )
        for e in scene.edges
    )
    used = {b.mark for b in boxes} | {e.mark for e in edges}
    legend = None
    if settings.legend:
        legend = _legend(merged, edges, look, used, mechanism_marks, language, scene.theme)
    subtitle = scene.subtitle
    if settings.subtitle is None:
        since = text("diff.diagram.since", language, title=changes.old.title)
        subtitle = " · ".join(part for part in (since, scene.subtitle) if part)
    return replace(scene, boxes=boxes, edges=edges, legend=legend, subtitle=subtitle)


def _marks(changes: Iterable[Change]) -> dict[str, MarkName]:
    """Id → how it is marked: a renamed box is drawn as changed."""
    out: dict[str, MarkName] = {}
    for change in changes:
        out[change.id] = (
            "added"
            if change.kind == "added"
            else "removed"
            if change.kind == "removed"
            else "changed"
        )
    return out


def _cells(result: Assessment, new: Document, view: str | None) -> dict[str, tuple[Any, ...]]:
    """The badge cells of the new version's mechanisms, by the badge rule."""
    if view is not None and view not in {i.id for i in new.interventions}:
        return {}
    return {m.id: result.badge(m.id, view) for m in new.mechanisms}


def _legend(
    merged: Document,
    edges: Sequence[Edge],
    look: Mapping[MarkName, Mark],
    used: set[Mark | None],
    mechanism_marks: Mapping[str, MarkName],
    language: str,
    theme: Theme,
) -> Legend:
    shown: dict[int, Badge] = {}
    for edge in edges:
        for badge in edge.badges:
            shown.setdefault(badge.number, badge)
    titles = {m.id: one_line(m.title) for m in merged.mechanisms}
    mechanisms = []
    for number in sorted(shown):
        badge = shown[number]
        mark = mechanism_marks.get(badge.mechanism)
        symbol = look[mark].symbol if mark else ""
        title = titles[badge.mechanism]
        mechanisms.append((badge, f"{symbol} {title}" if symbol else title))
    colours = tuple(
        (look[name].colour, look[name].symbol, text(f"diff.diagram.{name}", language))
        for name in _MARK_ORDER
        if look[name] in used
    )
    notes = []
    verdicts = [cell for edge in edges for b in edge.badges for cell in b.cells]
    if verdicts:
        shown_verdicts = {cell.verdict for cell in verdicts}
        meanings = " · ".join(
            f"{theme.verdicts[v].symbol} {text(f'verdict.{v}', language)}"
            for v in VERDICTS
            if v in shown_verdicts
        )
        notes.append(text("diff.diagram.verdicts", language, verdicts=meanings))
        if any(cell.source == "suggested" for cell in verdicts):
            notes.append(text("render.legend.suggested", language))
        if any(cell.intervention for cell in verdicts):
            names = ", ".join(i.name for i in merged.interventions)
            notes.append(text("render.legend.cells", language, names=names))
    if any(edge.kind == "feedback" for edge in edges):
        notes.append(text("render.legend.feedback", language))
    return Legend(tuple(mechanisms), text("diff.diagram.title", language), colours, tuple(notes))


def diff_dot(old: Document, new: Document, changes: Changes | None = None, **options: Any) -> str:
    """The diff diagram as DOT source (pure: the same input gives the same text)."""
    return dot.emit(diff_scene(old, new, changes, **options))


_DRAWN = ("svg", "png", "pdf", "dot")


def draw_diff(
    old: Document,
    new: Document,
    format: str = "svg",
    changes: Changes | None = None,
    **options: Any,
) -> bytes:
    """The diff diagram as ``svg``, ``png``, ``pdf`` or ``dot`` bytes."""
    if format not in _DRAWN:
        raise OptionError(f"a diff diagram is drawn as {', '.join(_DRAWN)}, not {format!r}")
    settings = _diff_options(options)
    source = diff_dot(old, new, changes, **options)
    if format == "dot":
        return source.encode("utf-8")
    return engine.draw(source, format, engine=settings.engine, dpi=settings.dpi)


def render_diff(
    old: Document,
    new: Document,
    path: str | os.PathLike[str],
    changes: Changes | None = None,
    *,
    format: str | None = None,
    **options: Any,
) -> Path:
    """Write the diff diagram to ``path`` atomically; the format follows the suffix."""
    chosen = format_for(path, format)
    write_atomic(path, draw_diff(old, new, chosen, changes, **options))
    return Path(path)
