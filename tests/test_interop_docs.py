"""docs/interop.md says what the code does: its limits, words and promises, checked against it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

import toc
from toc.files import MAX_BYTES
from toc.interop import EXPORTS, export_document
from toc.interop.drawio import MAX_INFLATED
from toc.interop.spreadsheet import MAX_MEMBERS, MAX_UNPACKED
from toc.interop.tables.values import CellError, decode
from toc.interop.xmltree import MAX_DEPTH, MAX_ELEMENTS
from toc.quoting import FORMULA_STARTS

PAGE = (Path(__file__).resolve().parent.parent / "docs" / "interop.md").read_text(encoding="utf-8")
MIB = 1024 * 1024


def section(title: str) -> str:
    start = PAGE.index(f"## {title}\n")
    end = PAGE.find("\n## ", start + 1)
    return " ".join(PAGE[start : end if end > 0 else None].split())


def test_the_safety_limits_are_the_codes() -> None:
    safety = section("Safety and limits")
    assert f"at most {MAX_BYTES // MIB} MiB, like a toc document" in safety
    assert f"unpack to at most {MAX_UNPACKED // MIB} MiB in at most {MAX_MEMBERS:,} parts" in (
        safety
    )
    assert f"inflate to at most {MAX_INFLATED // MIB} MiB" in safety
    assert f"nested more than {MAX_DEPTH} levels deep" in safety
    assert f"at most {MAX_ELEMENTS:,} XML elements" in safety


def test_the_formula_starts_are_the_codes() -> None:
    safety = section("Safety and limits")
    said = "(starting with `=`, `+`, `-`, `@`, a tab or a line break"
    assert said in safety
    assert set(FORMULA_STARTS) == {"=", "+", "-", "@", "\t", "\r", "\n"}


def test_every_word_for_true_and_false_the_page_gives_is_read_and_no_other() -> None:
    bullet = section("The workbook and CSV files")
    bullet = bullet[bullet.index("**true/false**") : bullet.index("**Dates**")]
    words = re.findall(r"`([^`]+)`", bullet)
    assert words[:2] == ["feedback", "observed"]
    for word in words[2:]:
        assert decode(word, "bool") is (word not in {"false", "nej", "no", "falskt", "0"}), word
        assert decode(word.upper(), "bool") == decode(word, "bool")
    for other in ("x", "y", "n", "on", "off", "sann", "nej!"):
        try:
            decode(other, "bool")
        except CellError:
            continue
        assert other in words, f"{other!r} is read as true or false but the page does not say so"


def test_a_formula_without_its_value_is_said_to_be_refused_wherever_the_page_speaks_of_it() -> None:
    prose = re.sub(r"```.*?```", "", PAGE, flags=re.S)  # the example messages left out
    text = " ".join(prose.split())
    sentences = [s for s in re.split(r"(?<=[.:])\s", text) if "without its value" in s]
    assert len(sentences) >= 2
    for sentence in sentences:
        assert "refused" in sentence, sentence
    assert "reads as empty" not in text


def test_every_sheet_with_rows_has_a_filter_as_the_page_says(
    tmp_path: Path, minimal_data: dict[str, Any]
) -> None:
    assert "a filter on every sheet that has rows" in " ".join(PAGE.split())
    export_document(toc.validate(minimal_data), tmp_path / "t.xlsx")
    book = load_workbook(tmp_path / "t.xlsx")
    for sheet in book.worksheets:
        has_rows = sheet.max_row > 1
        assert bool(sheet.auto_filter.ref) is has_rows, sheet.title


def test_every_format_gives_the_same_bytes_twice_as_the_page_says(tmp_path: Path) -> None:
    assert "the same document gives the same bytes in every format" in section("Safety and limits")
    doc = toc.load(Path(__file__).resolve().parent.parent / "examples/nils-2018/nils-2018.yaml")
    names = {"csv": "t/", "logframe": "l.xlsx", "kumu": "k.json", "kumu-xlsx": "k.xlsx"}
    for format in EXPORTS:
        outputs = []
        for round in ("a", "b"):
            target = tmp_path / round / names.get(format, f"x.{format}")
            target.parent.mkdir(exist_ok=True)
            written = export_document(doc, target, format)
            files = sorted(p for w in written for p in ([w] if w.is_file() else w.iterdir()))
            outputs.append([(p.name, p.read_bytes()) for p in files])
        assert outputs[0] == outputs[1], format
