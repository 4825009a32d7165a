"""Helpers shared by the report tests: documents with hostile text, text extraction."""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import toc

ROOT = Path(__file__).resolve().parent.parent
NILS = ROOT / "examples" / "nils-2018" / "nils-2018.yaml"


def hostile_doc(hostile: str, language: str = "en") -> toc.Document:
    """A small document with ``hostile`` in every kind of free text the report shows."""
    return toc.validate(
        {
            "format": 1,
            "id": "hostile",
            "title": f"Title {hostile}",
            "language": language,
            "description": f"About {hostile}",
            "interventions": [{"id": "a", "name": f"Int {hostile}", "period": "2020"}],
            "actors": [{"id": "x", "name": f"Actor {hostile}", "kind": "state"}],
            "nodes": [
                {"id": "n1", "stage": "activities", "label": f"Node {hostile}"},
                {
                    "id": "n2",
                    "stage": "short",
                    "label": "Outcome",
                    "indicators": [
                        {
                            "id": "i1",
                            "name": f"Ind {hostile}",
                            "unit": "percent",
                            "target": {"value": 50},
                            "actual": [{"value": 60, "date": "2020-01"}],
                        }
                    ],
                },
            ],
            "links": [{"from": "n1", "to": "n2"}],
            "mechanisms": [
                {
                    "id": "m1",
                    "title": f"Mech {hostile}",
                    "statement": f"Statement {hostile}",
                    "links": ["n1->n2"],
                    "conditions": ["c1"],
                }
            ],
            "conditions": [{"id": "c1", "statement": f"Cond {hostile}"}],
            "rivals": [{"id": "r1", "statement": f"Rival {hostile}", "about": ["n2"]}],
            "evidence": [
                {
                    "id": "e1",
                    "about": "m1",
                    "intervention": "a",
                    "kind": "interview",
                    "source": f"Source {hostile}",
                    "summary": f"Summary {hostile}",
                    "quotes": [f"Quote {hostile}"],
                    "stance": "supports",
                },
                {
                    "id": "e2",
                    "about": "c1",
                    "intervention": "a",
                    "kind": "survey",
                    "source": "Survey",
                    "question": f"Question {hostile}",
                    "scale": [f"low {hostile}", "high"],
                    "counts": [1, 3],
                },
            ],
            "judgements": [
                {
                    "about": "m1",
                    "intervention": "a",
                    "verdict": "held",
                    "confidence": "high",
                    "rationale": f"Rationale {hostile}",
                    "by": f"By {hostile}",
                    "date": "2020-02",
                }
            ],
        }
    )


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.tags: list[str] = []
        self.attrs: list[tuple[str, dict[str, str | None]]] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.append((tag, dict(attrs)))
        if tag in ("style", "svg"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "svg"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def parse_html(html: str) -> _Text:
    """The parsed page: its visible text (``parts``), tags and attributes."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    return parser


def html_text(html: str) -> str:
    """The text a reader sees in an HTML page (outside style and SVG), whitespace collapsed."""
    return " ".join(" ".join(parse_html(html).parts).split())


def markdown_text(markdown: str) -> tuple[str, str]:
    """Markdown rendered by a CommonMark renderer with tables: (HTML, visible text)."""
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark").enable("table").render(markdown)
    return html, html_text(html)


def docx_paragraphs(data: bytes) -> tuple[Any, list[str]]:
    """The reopened Word document and every text in it: paragraphs, then table cells."""
    import docx

    document = docx.Document(io.BytesIO(data))
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            texts.extend(cell.text for cell in row.cells)
    return document, texts


def docx_text(data: bytes) -> str:
    """All the text of a Word document, whitespace collapsed."""
    return " ".join(" ".join(docx_paragraphs(data)[1]).split())


def english_leaks(text: str) -> list[str]:
    """Fixed English report strings (that differ from their Swedish) found in ``text``."""
    from toc.i18n import CATALOGUE

    leaks = []
    for key, entry in CATALOGUE.items():
        if not key.startswith("report.") or entry["en"] == entry["sv"]:
            continue
        # Entries with fields: look for their fixed fragments of some length.
        fragments = [f.strip() for f in re.split(r"\{[^}]*\}", entry["en"])]
        fragments = [f for f in fragments if len(f) >= (4 if f == entry["en"] else 10)]
        for english in fragments:
            if english in entry["sv"]:
                continue
            if re.search(r"(?<![\w'-])" + re.escape(english) + r"(?![\w'-])", text):
                leaks.append(f"{key}: {english!r}")
    return leaks
