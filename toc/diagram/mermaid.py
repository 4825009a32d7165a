"""Mermaid source for a diagram, for wikis and Markdown that render Mermaid.

A flowchart with one subgraph per column (stage) and, when there are
several strands, one nested subgraph per strand inside each column. Node ids
are ``n1``, ``n2``, … in document order (document ids may contain words
Mermaid reserves, such as ``end``); every label goes through
`toc.diagram.quoting.mermaid_text`. Colours are Mermaid ``classDef`` and
``linkStyle`` statements. Mermaid lays the picture out itself, so strands are
not aligned across columns as in the Graphviz drawing, and boxes not revealed
yet (``reveal``) are left out rather than kept in place.
"""

from __future__ import annotations

import json

from toc.diagram.quoting import mermaid_text, wrap
from toc.diagram.theme import marks
from toc.diagram.view import Badge, Scene
from toc.quoting import clean

__all__ = ["emit"]


def _badge_text(badge: Badge, scene: Scene) -> str:
    shown = "".join(
        scene.theme.verdicts[cell.verdict].symbol + marks(cell.source, cell.across)
        for cell in badge.cells
    )
    return f"M{badge.number}" + (f" {shown}" if shown else "")


def emit(scene: Scene) -> str:
    """The Mermaid flowchart of a scene.

    >>> import toc
    >>> from toc.diagram.options import RenderOptions
    >>> from toc.diagram.view import build_scene
    >>> doc = toc.loads('''
    ... format: 1
    ... id: demo
    ... title: Demo
    ... language: sv
    ... nodes: [{id: end, stage: resources, label: 'Pengar "in"'}, {id: b, stage: short, label: B}]
    ... links: [{from: end, to: b}]
    ... ''')
    >>> print(emit(build_scene(doc, RenderOptions(legend=False))))  # doctest: +ELLIPSIS
    ---
    title: "Demo"
    ---
    flowchart LR
      subgraph c1["RESURSER"]
        direction TB
        n1["Pengar #quot;in#quot;"]
      end
    ...
      n1 --> n2
    ...
    """
    theme = scene.theme
    width = scene.options.wrap
    ids = {box.id: f"n{i}" for i, box in enumerate(scene.boxes, start=1)}
    badges = scene.options.badges
    lines: list[str] = []
    if scene.title:
        # JSON is valid YAML, and json.dumps keeps the title on one line.
        lines += [
            "---",
            "title: " + json.dumps(clean(scene.title).replace("\n", " "), ensure_ascii=False),
            "---",
        ]
    lines.append(f"flowchart {scene.orientation}")
    inner = "TB" if scene.orientation == "LR" else "LR"
    several = len(scene.strands) > 1
    for k, column in enumerate(scene.columns, start=1):
        lines.append(f'  subgraph c{k}["{mermaid_text(column.heading)}"]')
        lines.append(f"    direction {inner}")
        for s, strand in enumerate(scene.strands, start=1):
            boxes = [
                b for b in scene.boxes if b.column == k - 1 and b.strand == s - 1 and not b.hidden
            ]
            if not boxes:
                continue
            indent = "    "
            if several:
                lines.append(f'    subgraph c{k}s{s}["{mermaid_text(strand.label)}"]')
                indent = "      "
            for box in boxes:
                lines_of = [*wrap(box.label, width)]
                for note in box.notes:
                    lines_of += wrap(note, width + 4)
                label = mermaid_text("\n".join(lines_of))
                lines.append(f'{indent}{ids[box.id]}["{label}"]')
            if several:
                lines.append("    end")
        lines.append("  end")

    styles: list[str] = []
    shown = [edge for edge in scene.edges if not edge.hidden]
    for number, edge in enumerate(shown):
        arrow = "-.->" if edge.kind == "feedback" else "-->"
        parts = [_badge_text(b, scene) for b in edge.badges] if badges else []
        if edge.label:
            parts.append(edge.label)
        label = f'|"{mermaid_text(" · ".join(parts))}"|' if parts else ""
        lines.append(f"  {ids[edge.source]} {arrow}{label} {ids[edge.target]}")
        if edge.verdict is not None:
            style = theme.verdicts[edge.verdict]
            styles.append(
                f"  linkStyle {number} stroke:{style.colour},stroke-width:{style.penwidth:g}px"
            )

    legend = scene.legend
    if legend is not None and legend.mechanisms:
        entries = [f"{_badge_text(b, scene)}: {title}" for b, title in legend.mechanisms]
        text = mermaid_text("\n".join(entries))
        lines.append('  subgraph legend[" "]')
        lines.append(f'    legend_mechanisms["{text}"]')
        lines.append("  end")

    fills: dict[tuple[str, str, str], list[str]] = {}
    for box in scene.boxes:
        if box.hidden:
            continue
        fills.setdefault((box.fill, box.border, box.outline), []).append(ids[box.id])
    for number, ((fill, border, outline), members) in enumerate(fills.items(), start=1):
        dash = ",stroke-dasharray:4 3" if outline in ("dashed", "dotted") else ""
        width_px = "2.6px" if outline == "bold" else "1px"
        lines.append(
            f"  classDef fill{number} fill:{fill},stroke:{border},color:{theme.text},"
            f"stroke-width:{width_px}{dash}"
        )
        lines.append(f"  class {','.join(members)} fill{number}")
    lines.extend(styles)
    return "\n".join(lines) + "\n"
