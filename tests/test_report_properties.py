"""Random valid documents: every report format renders, and no text becomes markup."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from report_helpers import docx_text, markdown_text, parse_html, white_png
from strategies import documents

import toc
from toc.report.content import build
from toc.report.docx import render_docx
from toc.report.html import render_html
from toc.report.markdown import render_markdown

PNG = white_png(4, 2)


@settings(max_examples=10)
@given(documents(max_nodes=5))
def test_every_format_renders_random_documents(data: dict[str, Any]) -> None:
    doc = toc.validate(data)
    result = toc.assess(doc)
    for language, audience in (("sv", "board"), ("en", "evaluator")):
        report = build(doc, language=language, audience=audience, assessment=result)
        # Layout only: the diagram has its own tests.
        html = render_html(report, None, "-")
        page = parse_html(html)
        assert "script" not in page.tags
        assert page.tags.count("h1") == 1
        markdown = render_markdown(report, "d.svg", None)
        rendered, _ = markdown_text(markdown)
        assert "<script" not in rendered
        assert rendered.count("<h1>") == 1
        word = render_docx(report, PNG, None)
        assert report.t["background"] in docx_text(word)
