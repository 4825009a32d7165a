"""Random valid documents: every report format renders, and no text becomes markup."""

from __future__ import annotations

import io
from typing import Any

from hypothesis import given, settings
from report_helpers import docx_text, markdown_text, parse_html
from strategies import documents

import toc
from toc.report.content import build
from toc.report.docx import render_docx
from toc.report.html import render_html
from toc.report.markdown import render_markdown


def _png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (4, 2), "white").save(out, format="PNG")
    return out.getvalue()


PNG = _png()


@settings(max_examples=15)
@given(documents(max_nodes=5))
def test_every_format_renders_random_documents(data: dict[str, Any]) -> None:
    doc = toc.validate(data)
    for language in ("sv", "en"):
        report = build(doc, language=language, assessment=None)
        # Layout only: the diagram and charts have their own tests.
        html = render_html(report, None, "-", [b"<svg/>"] * len(report.charts))
        page = parse_html(html)
        assert "script" not in page.tags
        assert page.tags.count("h1") == 1
        markdown = render_markdown(report, "d.svg", None, ["c.svg"] * len(report.charts))
        rendered, _ = markdown_text(markdown)
        assert "<script" not in rendered
        assert rendered.count("<h1>") == 1
        word = render_docx(report, PNG, None, [PNG] * len(report.charts))
        assert report.t["background"] in docx_text(word)
