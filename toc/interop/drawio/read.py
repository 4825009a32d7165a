"""Reading a drawing back as a document, with the edits made to it by hand.

`read_drawio` goes in steps: the file's cells (`toc.interop.drawio.mxfile`)
sorted by what they are (`_Shapes`: columns, strands, legend, boxes, arrows,
badges); the document to start from (``base``, or what the drawing says of
itself); the boxes as nodes (`_read_boxes`: a box's column is its stage, its
strand its interventions); the arrows as links (`_read_arrows`); removals and
moved arrows carried into what refers to them (`_follow`); then validation,
each problem located at the line of its shape.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any

from toc.errors import DocumentError
from toc.files import MAX_BYTES, to_data, validate
from toc.findings import Finding, Path
from toc.i18n import LANGUAGES, text
from toc.interop.common import Ids, read_bytes, slug, worded
from toc.interop.drawio.mxfile import Cell, cells, diagram_model, geometry, is_note
from toc.interop.quoting import split_values
from toc.interop.xmltree import parse_xml
from toc.model import DEFAULT_STAGES, Document

__all__ = ["column_of_stage", "read_drawio"]

_Box = tuple[Cell, tuple[float, float, float, float]]
_Strand = tuple[float, tuple[str, ...], str]
"""A strand's name in one column: (top, its interventions, its text)."""


@dataclass
class _Problems:
    """Problems found, each at the line of its shape (in the compressed diagram, if so)."""

    file: str
    compressed: bool
    language: str
    found: list[Finding] = field(default_factory=list)

    def __call__(
        self, line: int | None, key: str, hint: str | None = None, /, **fields: Any
    ) -> None:
        """The catalogue's ``key`` with its hint (``hint``, else ``key.hint``) at ``line``."""
        message, shown = worded(key, self.language, hint, **fields)
        self.found.append(self.at(line, message, shown))

    def at(self, line: int | None, message: str, hint: str | None, path: Path = ()) -> Finding:
        """A problem at the line of a shape: in the file, or in the compressed diagram."""
        if self.compressed and line:
            message = text("interop.drawio.at_line", self.language, message=message, line=line)
        return Finding(message, path, hint, file=self.file, line=None if self.compressed else line)


@dataclass
class _Shapes:
    """The drawing's cells, sorted by what they are."""

    meta: dict[str, str] = field(default_factory=dict)
    """The document's own data, on the root cell."""
    columns: list[tuple[float, str, int]] = field(default_factory=list)
    """Column headings: (x of the centre, stage, line)."""
    strands: dict[str, list[_Strand]] = field(default_factory=dict)
    """Strand names per stage."""
    legend_titles: dict[str, str] = field(default_factory=dict)
    """Mechanism id → its title in the legend."""
    boxes: list[_Box] = field(default_factory=list)
    edges: list[Cell] = field(default_factory=list)
    badges: dict[str, list[str]] = field(default_factory=dict)
    """Arrow cell id → the mechanisms of its badges."""
    edge_texts: dict[str, list[str]] = field(default_factory=dict)
    """Arrow cell id → text added on it in draw.io."""

    @property
    def stage_order(self) -> list[str]:
        """The stages, left to right."""
        return [stage for _, stage, _ in sorted(self.columns)]

    def column_of(self, cx: float) -> str | None:
        """The stage of the column whose heading is nearest across."""
        if not self.columns:
            return None
        return min(self.columns, key=lambda c: abs(c[0] - cx))[1]

    def strand_of(self, stage: str, cy: float) -> tuple[str, ...] | None:
        """The interventions of the strand a point stands in, in a stage's column."""
        found = sorted(self.strands.get(stage, []))
        if not found:
            return None
        chosen = found[0][1]
        for top, key, _ in found:
            if top <= cy:
                chosen = key
        return chosen


def read_drawio(
    path: str | os.PathLike[str],
    *,
    base: Document | None = None,
    max_bytes: int = MAX_BYTES,
    language: str = "en",
) -> Document:
    """The document a draw.io drawing holds, with the edits made to it by hand.

    ``base`` is the document the drawing was exported from: what the drawing
    does not show is kept from it. Problems name the line of the shape, in
    the document's language: the base's, else the one the drawing records
    (toc writes it), else ``language``, which is also the language of problems
    with the file itself.
    """
    file = os.fspath(path)
    raw = read_bytes(file, max_bytes, language)
    model, compressed = diagram_model(parse_xml(raw, file, language=language), file, language)
    shapes = _sorted(list(cells(model)))
    data = to_data(base) if base is not None else _drawn(shapes, file, language)
    problem = _Problems(file, compressed, data["language"])
    boxes = _read_boxes(shapes, data, base is not None, problem)
    arrows = _read_arrows(shapes, data, boxes, problem)
    if problem.found:
        raise DocumentError(problem.found)
    data["nodes"] = boxes.nodes
    data["links"] = arrows.links
    _follow(data, boxes.removed, arrows.removed, arrows.renamed, problem)
    if base is None and arrows.mechanisms:
        order = [m for m in shapes.legend_titles if m in arrows.mechanisms]
        order += [m for m in arrows.mechanisms if m not in order]
        data["mechanisms"] = [
            {"id": m, "title": shapes.legend_titles.get(m, m), "links": arrows.mechanisms[m]}
            for m in order
        ]
    if problem.found:
        raise DocumentError(problem.found)
    try:
        return validate(data)
    except DocumentError as err:
        raise DocumentError(
            _located(err.problems, data, boxes.lines, arrows.lines, problem)
        ) from None


def _sorted(found: list[Cell]) -> _Shapes:
    """The cells by role: toc's own (``toc_role``), arrows, text on arrows, and boxes."""
    by_id = {cell.id: cell for cell in found}
    root_data = by_id.get("0")
    shapes = _Shapes(meta=root_data.attrs if root_data is not None else {})
    edge_ids = {cell.id for cell in found if cell.edge}
    for cell in found:
        role = cell.attrs.get("toc_role")
        if cell.edge:
            shapes.edges.append(cell)
            continue
        if not cell.vertex:
            continue
        if cell.parent in edge_ids:
            if role == "badge" and cell.attrs.get("toc_mechanism"):
                shapes.badges.setdefault(cell.parent, []).append(cell.attrs["toc_mechanism"])
            elif role is None and cell.label.strip():
                # Text added on an arrow in draw.io is a child of it: the link's label.
                shapes.edge_texts.setdefault(cell.parent, []).append(cell.label)
            continue
        placed = geometry(cell, by_id)
        if role == "column" and placed is not None:
            shapes.columns.append(
                (placed[0] + placed[2] / 2, cell.attrs.get("toc_stage", ""), cell.line)
            )
            continue
        if role == "strand" and placed is not None:
            key = tuple(split_values(cell.attrs.get("toc_interventions", "")))
            key = tuple(k for k in key if k)
            shapes.strands.setdefault(cell.attrs.get("toc_stage", ""), []).append(
                (placed[1], key, cell.label)
            )
            continue
        if role == "legend":
            mechanism = cell.attrs.get("toc_mechanism")
            if mechanism and cell.id.startswith("toc:legend:title:"):
                shapes.legend_titles[mechanism] = cell.label
            continue
        if role is not None or is_note(cell) or placed is None:
            continue
        shapes.boxes.append((cell, placed))
    return shapes


def _drawn(shapes: _Shapes, file: str, language: str) -> dict[str, Any]:
    """Without a base: the document the drawing says it is, its stages and interventions.

    Its language is the one the drawing records, else ``language``.
    """
    meta = shapes.meta
    recorded = meta.get("toc_language")
    data: dict[str, Any] = {
        "format": 1,
        "id": meta.get("toc_document") or slug(FsPath(file).stem, "drawing"),
        "title": meta.get("toc_title") or FsPath(file).stem,
        "language": recorded if recorded in LANGUAGES else language,
    }
    stage_order = shapes.stage_order
    if stage_order:
        data["stages"] = stage_order
    names: dict[str, str] = {}
    for found in shapes.strands.values():
        for _, key, label in found:
            if len(key) == 1:
                names.setdefault(key[0], label)
    in_strands = {k for found in shapes.strands.values() for _, key, _ in found for k in key}
    for key_id in sorted(in_strands - set(names)):
        names[key_id] = key_id
    if names:
        data["interventions"] = [{"id": i, "name": n} for i, n in names.items()]
    return data


@dataclass
class _Boxes:
    """The boxes read as nodes."""

    nodes: list[dict[str, Any]]
    """The nodes kept from the document (in its order), then the new ones."""
    cell_node: dict[str, str]
    """Box cell id → node id."""
    lines: dict[str, int]
    """Node id → the line of its box, for locating problems later."""
    removed: set[str]
    """Nodes of the document with no box in the drawing."""


def _read_boxes(shapes: _Shapes, data: dict[str, Any], based: bool, problem: _Problems) -> _Boxes:
    """The boxes as nodes: changed labels, moves to another column or strand, new boxes."""
    all_interventions = {i["id"] for i in data.get("interventions", [])}

    def strand_key(interventions: Sequence[str]) -> tuple[str, ...]:
        ids = [i for i in interventions if i in all_interventions]
        if not ids or set(ids) >= all_interventions:
            return ()
        return tuple(ids)

    old_nodes = {node["id"]: node for node in data.get("nodes", [])}
    boxes = shapes.boxes
    ids = Ids(_all_ids(data) | {c.attrs["toc_id"] for c, _ in boxes if c.attrs.get("toc_id")})
    cell_node: dict[str, str] = {}
    kept: list[dict[str, Any]] = []
    added: list[dict[str, Any]] = []
    for cell, (x, y, w, h) in boxes:
        label = cell.label
        toc_id = cell.attrs.get("toc_id", "")
        stage = shapes.column_of(x + w / 2)
        existing = old_nodes.pop(toc_id, None) if toc_id else None
        if existing is None and toc_id and not based and toc_id not in cell_node.values():
            existing = {"id": toc_id, "stage": cell.attrs.get("toc_stage") or stage or ""}
            interventions = split_values(cell.attrs.get("toc_interventions", ""))
            if [i for i in interventions if i]:
                existing["interventions"] = [i for i in interventions if i]
        if not label.strip():
            problem(cell.line, "interop.drawio.empty_box")
            continue
        if existing is not None:
            node = dict(existing)
            node["label"] = label
            current_column = column_of_stage(shapes.columns, node["stage"])
            if stage is not None and current_column is not None and stage != node["stage"]:
                node["stage"] = stage
            if stage is not None:
                row = shapes.strand_of(stage, y + h / 2)
                now = strand_key(node.get("interventions", []))
                if row is not None and set(row) != set(now):
                    node["interventions"] = list(row)
                    if not row:
                        node.pop("interventions", None)
            kept.append(node)
        else:
            if stage is None:
                problem(cell.line, "interop.drawio.no_column", label=label)
                continue
            node = {"id": ids.new(slug(label, "node")), "stage": stage, "label": label}
            row = shapes.strand_of(stage, y + h / 2)
            if row:
                node["interventions"] = list(row)
            added.append(node)
        cell_node[cell.id] = node["id"]
    lines = {}
    for cell, _ in boxes:
        if cell.id in cell_node:
            lines[cell_node[cell.id]] = cell.line
    return _Boxes(kept + added, cell_node, lines, set(old_nodes))


@dataclass
class _Arrows:
    """The arrows read as links."""

    links: list[dict[str, Any]]
    lines: dict[str, int]
    """Link reference → the line of its arrow."""
    renamed: dict[str, str]
    """Old reference → new, for arrows moved to other boxes."""
    removed: set[str]
    """Links of the document with no arrow in the drawing."""
    mechanisms: dict[str, list[str]]
    """Mechanism id → the links whose arrows carry its badge."""


def _read_arrows(
    shapes: _Shapes, data: dict[str, Any], boxes: _Boxes, problem: _Problems
) -> _Arrows:
    """The arrows as links: each attached to two boxes, once per pair, with its label."""
    old_links = {f"{link['from']}->{link['to']}": link for link in data.get("links", [])}
    found = _Arrows([], {}, {}, set(), {})
    seen: dict[str, int] = {}
    stages = data.get("stages") or shapes.stage_order or list(DEFAULT_STAGES)
    column_index = {stage: k for k, stage in enumerate(stages)}
    stage_of = {n["id"]: n["stage"] for n in boxes.nodes}
    for cell in shapes.edges:
        source = boxes.cell_node.get(cell.attrs.get("source", ""))
        target = boxes.cell_node.get(cell.attrs.get("target", ""))
        if source is None or target is None:
            problem(cell.line, "interop.drawio.loose_arrow")
            continue
        if source == target:
            problem(cell.line, "interop.drawio.arrow_to_itself", box=source)
            continue
        ref = f"{source}->{target}"
        if ref in seen:
            problem(
                cell.line, "interop.drawio.two_arrows", source=source, target=target, line=seen[ref]
            )
            continue
        seen[ref] = cell.line
        old_ref = cell.attrs.get("toc_link", "")
        old = old_links.pop(old_ref, None) if old_ref else None
        link = dict(old) if old is not None else {}
        link["from"], link["to"] = source, target
        if old is not None and old_ref != ref:
            found.renamed[old_ref] = ref
        backwards = column_index.get(stage_of[target], 0) < column_index.get(stage_of[source], 0)
        if old is None and (cell.attrs.get("toc_feedback") == "1" or backwards):
            link["feedback"] = True
        texts = shapes.edge_texts.get(cell.id, [])
        label = cell.label if cell.label.strip() else "\n".join(texts)
        if label.strip():
            link["label"] = label
        else:
            link.pop("label", None)
        found.links.append(link)
        found.lines[ref] = cell.line
        for mechanism_id in dict.fromkeys(shapes.badges.get(cell.id, [])):
            found.mechanisms.setdefault(mechanism_id, []).append(ref)
    found.removed = set(old_links)
    return found


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
    problem: _Problems,
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
            problem(
                None,
                f"interop.drawio.removes_{what}",
                "interop.drawio.removes.hint",
                about=about,
                id=item["id"],
            )


def _located(
    problems: Sequence[Finding],
    data: dict[str, Any],
    nodes: dict[str, int],
    links: dict[str, int],
    problem: _Problems,
) -> list[Finding]:
    """Validation problems at the lines of the shapes they are about."""
    return [
        problem.at(_line_for(p.path, data, nodes, links), p.message, p.hint, p.path)
        for p in problems
    ]


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
