"""The report as Markdown, for wikis and repositories; images are files beside it."""

from __future__ import annotations

import re
from typing import Any

from toc.i18n import text
from toc.report.content import Report, Table
from toc.report.html import environment, outline, paragraphs

__all__ = ["Raw", "escape", "render_markdown"]

# Characters that start Markdown or HTML syntax anywhere in a line.
_INLINE = re.compile(r"([\\`*_\[\]<>|&~{}!])")
# Characters that start a block (heading, quote, list, rule) at a line's start.
_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+[.)])", re.MULTILINE)


class Raw(str):
    """Markdown made by toc itself (links to image files): not escaped."""


def escape(value: Any) -> str:
    """Text as Markdown that shows it literally, on one line.

    >>> escape("<script> & {{ x }} | *a*")
    '\\\\<script\\\\> \\\\& \\\\{\\\\{ x \\\\}\\\\} \\\\| \\\\*a\\\\*'
    >>> escape("# 1. rubrik")
    '\\\\# 1. rubrik'
    """
    if isinstance(value, Raw):
        return str(value)
    if value is None:
        return ""
    plain = " ".join(str(value).split())
    plain = _INLINE.sub(r"\\\1", plain)
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), plain)


def table(tab: Table) -> Raw:
    """A content table as a Markdown pipe table, every cell escaped."""
    lines = [
        "| " + " | ".join(escape(h) for h in tab.header) + " |",
        "|" + "---|" * len(tab.header),
    ]
    lines += ["| " + " | ".join(escape(c.text) for c in row) + " |" for row in tab.rows]
    return Raw("\n".join(lines))


def render_markdown(
    report: Report, diagram_file: str | None, diagram_error: str | None, chart_files: list[str]
) -> str:
    """The Markdown text of the report, linking the diagram and charts by file name."""
    env = environment(autoescape=False, finalize=escape)
    env.globals["table"] = table
    template = env.get_template("report.md.j2")
    from urllib.parse import quote

    out: str = template.render(
        r=report,
        t=report.t,
        # Our own numbered titles sit after "## ", never at a line's start.
        outline=[
            {"id": o["id"], "title": Raw(_INLINE.sub(r"\\\1", o["title"]))} for o in outline(report)
        ],
        description=paragraphs(report.description),
        diagram=Raw(quote(diagram_file)) if diagram_file else None,
        diagram_missing=text("report.diagram_missing", report.language, reason=diagram_error or ""),
        charts=[
            {"alt": c.alt, "file": Raw(quote(f))}
            for c, f in zip(report.charts, chart_files, strict=True)
        ],
    )
    return re.sub(r"\n{3,}", "\n\n", out)
