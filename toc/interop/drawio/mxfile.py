"""Reading a ``.drawio`` file: its diagram (inflated when compressed) as a list of `Cell`.

A cell is an ``mxCell``, or an ``object``/``UserObject`` wrapping one with
the data draw.io shows under Edit → Edit Data; `Cell.label` is a label's
text (HTML labels read as text), `geometry` a shape's absolute position.
Bounded: a compressed diagram may inflate to at most `MAX_INFLATED` bytes.
"""

from __future__ import annotations

import base64
import binascii
import urllib.parse
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser

from toc.errors import FileFormatError
from toc.interop.common import count, refusal
from toc.interop.xmltree import Element, parse_xml
from toc.quoting import html_text

__all__ = ["MAX_INFLATED", "Cell", "cells", "diagram_model", "geometry", "is_note"]

MAX_INFLATED = 64 * 1024 * 1024
"""Most bytes a compressed diagram inside a ``.drawio`` file may inflate to."""


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
class Cell:
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


def cells(model: Element) -> Iterator[Cell]:
    """The cells of a diagram's mxGraphModel, in the file's order."""
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
        yield Cell(
            attrs.get("id", ""),
            attrs,
            child.line,
            cell.find("mxGeometry"),
            cell.attrs.get("vertex") == "1",
            cell.attrs.get("edge") == "1",
            cell.attrs.get("parent", ""),
        )


def _inflate(text: str, file: str, line: int, language: str) -> bytes:
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
            [refusal(file, "interop.drawio.inflate", language, line=line)]
        ) from None
    if inflater.unconsumed_tail:
        raise FileFormatError(
            [
                refusal(
                    file,
                    "interop.drawio.inflate_limit",
                    language,
                    line=line,
                    hint="interop.drawio.not_drawing.hint",
                    limit=count(MAX_INFLATED, language),
                )
            ]
        )
    return urllib.parse.unquote(raw.decode("utf-8", "replace")).encode("utf-8")


def diagram_model(root: Element, file: str, language: str = "en") -> tuple[Element, bool]:
    """The diagram's mxGraphModel (inflating a compressed one), and whether it was compressed.

    Problems are said in ``language``.
    """
    if root.tag == "mxGraphModel":
        return root, False
    if root.tag != "mxfile":
        raise FileFormatError(
            [
                refusal(
                    file,
                    "interop.drawio.root",
                    language,
                    line=1,
                    hint="interop.drawio.save.hint",
                    tag=root.tag,
                )
            ]
        )
    diagram = root.find("diagram")
    if diagram is None:
        raise FileFormatError(
            [refusal(file, "interop.drawio.no_diagram", language, line=root.line)]
        )
    model = diagram.find("mxGraphModel")
    if model is not None:
        return model, False
    inflated = _inflate(diagram.text, file, diagram.line, language)
    return parse_xml(inflated, file, compressed=True, language=language), True


def geometry(cell: Cell, by_id: dict[str, Cell]) -> tuple[float, float, float, float] | None:
    """A vertex's absolute x, y, width, height (adding up the containers it sits in)."""
    found = cell.geometry
    if found is None or found.attrs.get("relative") == "1":
        return None

    attrs = found.attrs

    def number(name: str) -> float:
        try:
            return float(attrs.get(name, 0) or 0)
        except ValueError:
            return 0.0

    x, y = number("x"), number("y")
    parent = by_id.get(cell.parent)
    depth = 0
    while parent is not None and parent.vertex and depth < 64:
        outer = parent.geometry
        if outer is not None and outer.attrs.get("relative") != "1":
            try:
                x += float(outer.attrs.get("x", 0) or 0)
                y += float(outer.attrs.get("y", 0) or 0)
            except ValueError:
                pass
        parent = by_id.get(parent.parent)
        depth += 1
    return x, y, number("width"), number("height")


def is_note(cell: Cell) -> bool:
    """A text shape (a note written on the drawing), not a box."""
    style = cell.style
    return style.startswith("text;") or ";text;" in style or "shape=text" in style
