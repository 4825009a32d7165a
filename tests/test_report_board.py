"""The board's report shows nothing of the evaluator's working material, in any format.

For the reference example and a second one, every board output (HTML with its
inline SVG, Word with every XML part, Markdown with its diagram file, and the
PDF's text) is scanned for every id of the document, finding codes, places in
the file (line:column), raw stage keys and the posterior's arithmetic. The
evaluator's report of the same document has all of them, so the scan can fail.
"""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from report_helpers import (
    CHROMIUM,
    MALMO,
    NILS,
    POPPLER,
    board_leaks,
    document_ids,
    docx_everything,
    pdf_text,
    user_tokens,
    with_report,
)

import toc
from toc.report import render_report, write_report

EXAMPLES = {
    "nils-2018": lambda: toc.load(NILS),
    "fa-n-malmo": lambda: with_report(
        toc.load(MALMO),
        {
            "client": "Stadsdelsförvaltningen Fosie",
            "evaluators": ["Utvärderaren"],
            "date": "2013-12",
            "summary": "Nätverksarbetet *fungerade* för deltagarna.",
            "conclusions": "Arbetssättet behöver **förankras** i ordinarie verksamhet.",
        },
    ),
}


def _everything(files: dict[str, bytes]) -> str:
    """The text of every file of a report, markup entities decoded."""
    out = []
    for name, data in files.items():
        if name.endswith(".docx"):
            out.append(docx_everything(data))
        else:
            out.append(html.unescape(data.decode("utf-8")))
    return "\n".join(out)


@pytest.fixture(scope="module", params=sorted(EXAMPLES))
def example(request: pytest.FixtureRequest) -> tuple[str, toc.Document]:
    return request.param, EXAMPLES[request.param]()


@pytest.mark.parametrize("fmt", ["html", "markdown", "docx"])
def test_board_outputs_show_no_ids_codes_places_or_stage_keys(
    example: tuple[str, toc.Document], fmt: str
) -> None:
    name, doc = example
    files = render_report(doc, fmt, name=name)
    assert board_leaks(_everything(files), doc) == {}


def test_the_scan_can_fail(example: tuple[str, toc.Document], tmp_path: Path) -> None:
    # The evaluator's report of a file keeps ids, codes and places; the scan sees them.
    name, doc = example
    path = NILS if name == "nils-2018" else MALMO
    loaded = toc.load(path)
    files = render_report(loaded, "html", audience="evaluator")
    found = board_leaks(_everything(files), loaded)
    assert {"ids", "codes", "places", "arithmetic"} <= set(found)
    # Nearly every id is scanned for: few coincide with a word of the document's own text.
    ids = document_ids(doc)
    assert len(ids - user_tokens(doc)) >= 0.95 * len(ids)


@pytest.mark.skipif(CHROMIUM is None or not POPPLER, reason="needs chromium and poppler-utils")
def test_board_pdf_shows_no_ids_codes_places_or_stage_keys(
    example: tuple[str, toc.Document], tmp_path: Path
) -> None:
    name, doc = example
    pdf = tmp_path / f"{name}.pdf"
    write_report(doc, pdf)
    text = pdf_text(pdf)
    assert doc.mechanisms[0].title.split()[0] in text
    assert board_leaks(text, doc) == {}
