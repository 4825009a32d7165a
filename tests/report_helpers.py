"""Helpers shared by the report tests: documents, text extraction from every format,
and the scan for what a board report must not show (ids, codes, places, stage keys)."""

from __future__ import annotations

import html as html_module
import io
import re
import shutil
import subprocess
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import toc
from toc.model import DEFAULT_STAGES

ROOT = Path(__file__).resolve().parent.parent
NILS = ROOT / "examples" / "nils-2018" / "nils-2018.yaml"
MALMO = ROOT / "examples" / "fa-n-malmo" / "fa-n-malmo.yaml"
STARTER = ROOT / "examples" / "starter-en" / "starter-en.yaml"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
POPPLER = shutil.which("pdfinfo") and shutil.which("pdftotext")


def with_report(doc: toc.Document, block: dict[str, Any]) -> toc.Document:
    """``doc`` with ``block`` as its ``report:`` block, in place of its own."""
    data = doc.model_dump(by_alias=True, exclude_none=True)
    data["report"] = block
    return toc.validate(data)


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
            "report": {
                "client": f"Client {hostile}",
                "summary": f"Summing up {hostile}",
                "conclusions": f"Concluding {hostile}",
            },
        }
    )


def smuggled(hostile: str) -> toc.Document:
    """`hostile_doc` with ``hostile`` put into its text after validation, as a program
    that changes a document in code can: the load refuses control characters, the
    report writers must never emit them either."""
    doc = hostile_doc("x")

    def walk(value: Any) -> None:
        if isinstance(value, list):
            for k, item in enumerate(value):
                if isinstance(item, str) and item.endswith(" x"):
                    value[k] = item[:-1] + hostile
                else:
                    walk(item)
        elif hasattr(value, "__pydantic_fields__"):
            for name in type(value).model_fields:
                item = getattr(value, name)
                if isinstance(item, str) and item.endswith(" x"):
                    object.__setattr__(value, name, item[:-1] + hostile)
                else:
                    walk(item)

    walk(doc)
    return doc


def white_png(width: int, height: int) -> bytes:
    """A small white PNG picture, made with the standard library."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\xff\xff\xff" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


# ------------------------------------------------------------------ reading outputs


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


def docx_everything(data: bytes) -> str:
    """Every piece of text in a Word file's XML parts: element text, alt texts, titles."""
    out = []
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in package.namelist():
            if not name.endswith((".xml", ".rels")):
                continue
            xml = package.read(name).decode("utf-8")
            out.extend(re.findall(r"(?:descr|title)=\"([^\"]*)\"", xml))
            out.append(re.sub(r"<[^>]+>", " ", xml))
    return html_module.unescape(" ".join(out))


def pdf_text(pdf: Path, first: int | None = None, last: int | None = None) -> str:
    """The text poppler's pdftotext extracts from a PDF (pages ``first``..``last``)."""
    pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", *pages, str(pdf), "-"],
        capture_output=True,
        check=True,
        text=True,
    )
    return done.stdout


def pdf_pages(pdf: Path) -> list[tuple[float, float]]:
    """Each page's size in points (width, height), as pdfinfo reports it."""
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "999", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    return [
        (float(w), float(h))
        for w, h in re.findall(r"Page +\d+ size: +([\d.]+) x ([\d.]+) pts", info)
    ]


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


# ------------------------------------------------------------- the board's scan

_TOKEN = re.compile(r"(?<![A-Za-z0-9_-])[a-z0-9][a-z0-9_-]*(?![A-Za-z0-9_-])")


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def document_ids(doc: toc.Document) -> set[str]:
    """Every id of the document: elements, judgements and the document's own."""
    from toc.model import _identified

    return {doc.id, *(item_id for item_id, _, _ in _identified(doc))}


def user_tokens(doc: toc.Document) -> set[str]:
    """The lower-case words of the document's own text (labels, titles, statements, …),
    which a report shows as written: an id equal to such a word is no leak."""
    data = doc.model_dump(by_alias=True, exclude_none=True)
    shown_keys = {
        "title", "label", "name", "statement", "description", "summary", "rationale",
        "quotes", "source", "question", "scale", "top", "by", "period", "unit", "client",
        "evaluators", "subtitle", "status", "version", "conclusions", "recommendations",
        "method", "frequency",
    }  # fmt: skip
    texts: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if key in shown_keys:
                    texts.extend(_strings(item))
                else:
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(data)
    return {token for text in texts for token in _TOKEN.findall(text)}


def board_leaks(text: str, doc: toc.Document) -> dict[str, list[str]]:
    """What a board report must not show, found in ``text``: ids, finding codes,
    ``line:column`` places, raw stage keys, and the posterior's arithmetic."""
    allowed = user_tokens(doc)
    tokens = set(_TOKEN.findall(text))
    ids = sorted((document_ids(doc) - allowed) & tokens)
    links = sorted(
        ref
        for m in doc.mechanisms
        for ref in m.links
        if ref in text and ref.split("->")[0] not in allowed
    )
    stages = sorted((set(doc.stages) | set(DEFAULT_STAGES)) - allowed & tokens)
    places = [
        p
        for p in re.findall(r"\b\d{1,5}:\d{1,4}\b", text)
        if p not in " ".join(_strings(doc.model_dump(by_alias=True, exclude_none=True)))
    ]
    from toc.i18n import text as word

    arithmetic = [
        phrase
        for key in ("report.posterior", "report.robustness", "report.conflict", "report.history")
        for phrase in (word(key, doc.language), word(key, "en"), word(key, "sv"))
        if phrase in text
    ]
    return {
        k: v
        for k, v in {
            "ids": ids + links,
            "codes": sorted(set(re.findall(r"\bTOC\d{3}\b", text))),
            "places": places,
            "stage keys": stages,
            "arithmetic": sorted(set(arithmetic)),
        }.items()
        if v
    }
