"""The report as one self-contained HTML file: inline CSS and SVG, no scripts, no requests.

The same page prints to A4 (and to PDF, `toc.report.pdf`): the title page on
its own, the diagram on a landscape page of its own, page numbers at the
foot. Verdict colours are the diagram's, written into the style sheet from
`toc.diagram.theme`.
"""

from __future__ import annotations

import base64
import re
from importlib import resources
from typing import Any

from markupsafe import Markup

from toc.diagram.theme import DEFAULT as THEME
from toc.diagram.theme import text_colour
from toc.i18n import text
from toc.quoting import html, template_value
from toc.report.context import verdict_colour
from toc.report.model import Logo, Report, TitlePage
from toc.report.prose import ListBlock, Paragraph, Prose, Span

__all__ = ["environment", "inline", "prose", "render_html"]

_KEYS = (*THEME.verdicts, "present", "partly_present", "absent", "unknown")


def environment(autoescape: bool = True, finalize: Any = None) -> Any:
    """The Jinja2 environment for the report templates.

    Templates come only from the package; text from the document only ever
    arrives as a value. With ``autoescape``, every value passes
    `toc.quoting.template_value` (`plain` text, or `Markup` made by toc) and is escaped.
    """
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("toc.report", "templates"),
        autoescape=autoescape,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        finalize=finalize or (template_value if autoescape else None),
    )


def _spans(spans: tuple[Span, ...]) -> str:
    out = []
    for span in spans:
        if span.text == "\n":
            out.append("<br>")
            continue
        piece = str(html(span.text))
        if span.emphasis:
            piece = f"<em>{piece}</em>"
        if span.strong:
            piece = f"<strong>{piece}</strong>"
        if span.href is not None:
            piece = f'<a href="{html(span.href)}">{piece}</a>'
        out.append(piece)
    return "".join(out)


def _blocks(blocks: Prose) -> str:
    out = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append(f"<p>{_spans(block.spans)}</p>")
        elif isinstance(block, ListBlock):
            tag = "ol" if block.ordered else "ul"
            start = f' start="{block.start}"' if block.ordered and block.start != 1 else ""
            items = "".join(f"<li>{_item(item)}</li>" for item in block.items)
            out.append(f"<{tag}{start}>{items}</{tag}>")
    return "\n".join(out)


def _item(blocks: Prose) -> str:
    # A list item of one paragraph holds its text directly (a tight list).
    if len(blocks) >= 1 and isinstance(blocks[0], Paragraph):
        rest = _blocks(blocks[1:])
        return _spans(blocks[0].spans) + ("\n" + rest if rest else "")
    return _blocks(blocks)


def prose(blocks: Prose) -> Markup:
    """Free text from the document as HTML blocks: ``<p>``, ``<ul>``/``<ol>``, ``<strong>``,
    ``<em>``, ``<a>``; every piece of text escaped.

    >>> from toc.report.prose import parse
    >>> str(prose(parse("**Fet** <b>\\n\\n- [a](https://x.se)")))
    '<p><strong>Fet</strong> &lt;b&gt;</p>\\n<ul><li><a href="https://x.se">a</a></li></ul>'
    """
    return Markup(_blocks(blocks))


def inline(blocks: Prose) -> Markup:
    """Free text inside a line (a list item, a table cell): paragraphs joined by spaces."""
    parts = []
    for block in blocks:
        if isinstance(block, Paragraph):
            parts.append(_spans(block.spans))
        else:
            parts.append(_blocks((block,)))
    return Markup(" ".join(parts))


def _css(language: str) -> str:
    base = (resources.files("toc.report") / "templates" / "report.css").read_text("utf-8")
    rules = []
    for key in _KEYS:
        colour = verdict_colour(key)
        rules.append(f".v-{key} {{ background: {colour}; color: {text_colour(colour)}; }}")
    page = text("report.page", language).replace("\\", "").replace('"', "")
    rules.append(f'@page {{ @bottom-center {{ content: "{page} " counter(page); }} }}')
    return base + "/* Verdict colours: the diagram's (toc.diagram.theme). */\n" + "\n".join(rules)


def _svg_body(svg: bytes) -> str:
    """An SVG document's ``<svg>`` element, without XML prolog, doctype or comments."""
    body = svg.decode("utf-8")
    start = body.find("<svg")
    body = body[start:] if start >= 0 else body
    return re.sub(r"<!--.*?-->", "", body, flags=re.DOTALL).strip()


def _logo(logo: Logo | None) -> str | None:
    if logo is None:
        return None
    return f"data:{logo.mime};base64," + base64.b64encode(logo.data).decode("ascii")


def _width(share: float) -> str:
    return f"{share * 100:.2f}%"


def render_html(
    report: Report,
    diagram_svg: bytes | None,
    diagram_error: str | None,
    changes_svg: bytes | None = None,
) -> str:
    """The HTML text of the report.

    ``diagram_svg`` is the diagram drawn by Graphviz (labels escaped by it),
    inlined as it is; ``changes_svg`` the diff diagram of a changes section.
    """
    template = environment().get_template("report.html.j2")
    first_logo = next((s.logo for s in report.sections if isinstance(s, TitlePage)), None)
    out: str = template.render(
        r=report,
        t=report.t,
        css=Markup(_css(report.language)),
        prose=prose,
        inline=inline,
        width=_width,
        logo=_logo(first_logo),
        diagram=Markup(_svg_body(diagram_svg)) if diagram_svg else None,
        diagram_missing=text("report.diagram_missing", report.language, reason=diagram_error or ""),
        changes_diagram=Markup(_svg_body(changes_svg)) if changes_svg else None,
    )
    return out
