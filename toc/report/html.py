"""The report as one self-contained HTML file (inline CSS and SVG, no scripts)."""

from __future__ import annotations

import base64
import re
from importlib import resources
from typing import Any

from toc.i18n import text
from toc.report.content import Report

__all__ = ["environment", "outline", "render_html"]


def environment(autoescape: bool = True, finalize: Any = None) -> Any:
    """The Jinja2 environment for the report templates.

    Templates come only from the package; user text only ever arrives as a
    value, which autoescape escapes (HTML) or ``finalize`` escapes (Markdown).
    """
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("toc.report", "templates"),
        autoescape=autoescape,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        finalize=finalize,
    )


def outline(report: Report) -> list[dict[str, str]]:
    """The report's top-level sections: ids and numbered titles, in order."""
    t = report.t
    titles = [
        ("background", f"1. {t['background']}"),
        ("theory", f"2. {t['theory']}"),
        ("mechanisms", f"3. {t['mechanisms']}"),
        ("rivals", f"4. {t['rivals']}"),
        ("indicators", f"5. {t['indicators']}"),
        (
            "appendix-1",
            text("report.appendix", report.language, number=1, title=t["survey_table"]),
        ),
        ("appendix-2", text("report.appendix", report.language, number=2, title=t["findings"])),
    ]
    return [{"id": key, "title": title} for key, title in titles]


def paragraphs(value: str | None) -> list[str]:
    """Free text split into paragraphs at blank lines, each on one line."""
    if not value:
        return []
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", value) if p.strip()]


def _svg_body(svg: bytes) -> str:
    """An SVG document's ``<svg>`` element, without XML prolog, doctype or comments."""
    body = svg.decode("utf-8")
    start = body.find("<svg")
    body = body[start:] if start >= 0 else body
    return re.sub(r"<!--.*?-->", "", body, flags=re.DOTALL).strip()


def render_html(
    report: Report, diagram_svg: bytes | None, diagram_error: str | None, charts: list[bytes]
) -> str:
    """The HTML text of the report.

    ``diagram_svg`` is Graphviz output (labels escaped by Graphviz) and
    ``charts`` matplotlib SVGs (text as paths), so both are inlined as they are.
    """
    from markupsafe import Markup

    css = (resources.files("toc.report") / "templates" / "report.css").read_text("utf-8")
    template = environment().get_template("report.html.j2")
    chart_items = [
        {
            "alt": chart.alt,
            "uri": "data:image/svg+xml;base64," + base64.b64encode(data).decode("ascii"),
        }
        for chart, data in zip(report.charts, charts, strict=True)
    ]
    out: str = template.render(
        r=report,
        t=report.t,
        css=Markup(css),
        outline=outline(report),
        description=paragraphs(report.description),
        diagram=Markup(_svg_body(diagram_svg)) if diagram_svg else None,
        diagram_missing=text("report.diagram_missing", report.language, reason=diagram_error or ""),
        charts=chart_items,
    )
    return out
