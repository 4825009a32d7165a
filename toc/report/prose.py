"""Markdown in the document's free text, read once into typed blocks every writer lays out.

The format (docs/format.md) lets descriptions, statements, rationales,
summaries and the report's conclusions use Markdown. Reports render exactly
this part of it, the same in HTML, Word and Markdown: paragraphs, bulleted
and numbered lists (nested), emphasis and strong emphasis, hard line breaks,
and links to ``http``, ``https`` and ``mailto`` addresses. Everything else –
headings, quotes, code, HTML tags, entities, pictures, other links – is the
text it is. The parser is markdown-it-py (CommonMark) with only those rules on.

>>> parse("Fungerade **väl**:\\n\\n- i Spira\\n- i *IC*")  # doctest: +NORMALIZE_WHITESPACE
(Paragraph(spans=(Span(text='Fungerade '), Span(text='väl', strong=True), Span(text=':'))),
 ListBlock(ordered=False, start=1,
           items=((Paragraph(spans=(Span(text='i Spira'),)),),
                  (Paragraph(spans=(Span(text='i '), Span(text='IC', emphasis=True))),))))
>>> plain_text(parse("<script>x</script> & [a](javascript:x)"))
'<script>x</script> & [a](javascript:x)'
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

__all__ = ["Block", "ListBlock", "Paragraph", "Prose", "Span", "parse", "plain_text"]

LINK_SCHEMES = ("http://", "https://", "mailto:")
"""The only link addresses a report makes clickable."""


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of text with one style; ``text`` is ``"\\n"`` for a hard line break."""

    text: str
    strong: bool = False
    emphasis: bool = False
    href: str | None = None
    """The link address (http, https or mailto) this text links to."""

    def __repr__(self) -> str:
        extra = "".join(
            f", {name}={value!r}"
            for name, value in (
                ("strong", self.strong),
                ("emphasis", self.emphasis),
                ("href", self.href),
            )
            if value
        )
        return f"Span(text={self.text!r}{extra})"


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph: spans of text."""

    spans: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class ListBlock:
    """A bulleted or numbered list; each item is a sequence of blocks."""

    ordered: bool
    start: int
    """The first number of a numbered list."""
    items: tuple[tuple[Block, ...], ...]


Block = Paragraph | ListBlock
Prose = tuple[Block, ...]
"""Free text as blocks; ``()`` for no text."""

# Text in which no Markdown rule can fire: read without the parser.
_SPECIAL = re.compile(r"[*_\[\]\\\n\r<`]|^\s*(?:[-+*]|\d{1,9}[.)])(?:\s|$)")


@functools.cache
def _parser() -> Any:
    from markdown_it import MarkdownIt

    md = MarkdownIt("zero").enable(["emphasis", "list", "link", "newline", "escape"])
    md.validateLink = _allowed_link  # type: ignore[method-assign]
    return md


def _allowed_link(url: str) -> bool:
    return url.strip().lower().startswith(LINK_SCHEMES)


def parse(text: str | None) -> Prose:
    """Free text as blocks (see the module docstring); whitespace runs become one space."""
    if text is None or not text.strip():
        return ()
    if _SPECIAL.search(text) is None:
        return (Paragraph((Span(" ".join(text.split())),)),)
    tokens = _parser().parse(text)
    blocks, _ = _blocks(tokens, 0, None)
    return tuple(blocks)


def _blocks(tokens: list[Any], at: int, until: str | None) -> tuple[list[Block], int]:
    """The blocks from ``tokens[at]`` up to the closing token ``until``; and where it stops."""
    out: list[Block] = []
    while at < len(tokens):
        token = tokens[at]
        if token.type == until:
            return out, at + 1
        if token.type == "inline":
            spans = _spans(token.children or [])
            if spans:
                out.append(Paragraph(spans))
            at += 1
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            ordered = token.type == "ordered_list_open"
            start = int(token.attrs.get("start", 1)) if ordered else 1
            closing = token.type.replace("_open", "_close")
            items: list[tuple[Block, ...]] = []
            at += 1
            while tokens[at].type != closing:
                # list_item_open … list_item_close
                item, at = _blocks(tokens, at + 1, "list_item_close")
                items.append(tuple(item))
            out.append(ListBlock(ordered, start, tuple(items)))
            at += 1
        else:  # paragraph_open / paragraph_close: the inline token carries the text
            at += 1
    return out, at


def _spans(children: list[Any]) -> tuple[Span, ...]:
    strong = emphasis = 0
    href: str | None = None
    spans: list[Span] = []
    for child in children:
        kind = child.type
        if kind in ("text", "text_special"):
            spans.append(Span(child.content, strong > 0, emphasis > 0, href))
        elif kind == "softbreak":
            spans.append(Span(" ", strong > 0, emphasis > 0, href))
        elif kind == "hardbreak":
            spans.append(Span("\n"))
        elif kind == "strong_open":
            strong += 1
        elif kind == "strong_close":
            strong -= 1
        elif kind == "em_open":
            emphasis += 1
        elif kind == "em_close":
            emphasis -= 1
        elif kind == "link_open":
            href = str(child.attrs.get("href", ""))
        elif kind == "link_close":
            href = None
    return _merged(spans)


def _merged(spans: list[Span]) -> tuple[Span, ...]:
    """Neighbours of one style joined, whitespace runs collapsed, the ends trimmed."""
    out: list[Span] = []
    for span in spans:
        text = span.text if span.text == "\n" else re.sub(r"\s+", " ", span.text)
        if out and out[-1].text != "\n" and text != "\n" and _style(out[-1]) == _style(span):
            joined = re.sub(r"\s+", " ", out[-1].text + text)
            out[-1] = Span(joined, span.strong, span.emphasis, span.href)
        elif text:
            out.append(Span(text, span.strong, span.emphasis, span.href))
    while out and (out[0].text == "\n" or not out[0].text.strip()):
        out.pop(0)
    while out and (out[-1].text == "\n" or not out[-1].text.strip()):
        out.pop()
    if out:
        first, last = out[0], out[-1]
        out[0] = Span(first.text.lstrip(), first.strong, first.emphasis, first.href)
        last = out[-1]
        out[-1] = Span(last.text.rstrip(), last.strong, last.emphasis, last.href)
    return tuple(out)


def _style(span: Span) -> tuple[bool, bool, str | None]:
    return (span.strong, span.emphasis, span.href)


def plain_text(prose: Prose) -> str:
    """The text of some prose without its markup, on one line (for a table cell or alt text).

    >>> plain_text(parse("a **b**\\n\\n1. c\\n2. d"))
    'a b; c; d'
    """
    parts: list[str] = []
    for block in prose:
        if isinstance(block, Paragraph):
            parts.append("".join(" " if s.text == "\n" else s.text for s in block.spans))
        else:
            parts.extend(plain_text(item) for item in block.items)
    return "; ".join(part for part in parts if part)
