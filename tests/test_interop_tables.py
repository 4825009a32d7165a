"""The lossless pair: a document as a workbook or CSV folder and back, and bad tables located."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from openpyxl import Workbook, load_workbook
from strategies import documents

import toc
from toc.errors import DocumentError, ReadError
from toc.files import dumps
from toc.interop import export_document, import_document
from toc.interop.spreadsheet import (
    MAX_MEMBERS,
    MAX_UNPACKED,
    csv_files,
    read_csv,
    read_workbook,
    read_xlsx,
    write_csv,
    write_xlsx,
    xlsx_bytes,
)
from toc.interop.tables import DOCUMENT_ROWS, TABLES, column_name, table_name, to_tables

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*/*.yaml"))
WORKBOOKS = sorted((ROOT / "examples").glob("*/*.xlsx"))


def canonical(doc: toc.Document) -> str:
    return dumps(doc, "json")


# ------------------------------------------------------------- round trips


@settings(max_examples=40)
@given(documents())
def test_workbook_round_trip_is_byte_identical(data: dict[str, Any]) -> None:
    doc = toc.validate(data)
    buffer = xlsx_bytes(doc)
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "theory.xlsx"
        path.write_bytes(buffer)
        assert canonical(read_xlsx(path)) == canonical(doc)
        write_csv(doc, Path(folder) / "tables")
        assert canonical(read_csv(Path(folder) / "tables")) == canonical(doc)


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_every_example_round_trips(path: Path, tmp_path: Path) -> None:
    doc = toc.load(path)
    export_document(doc, tmp_path / "book.xlsx")
    assert canonical(import_document(tmp_path / "book.xlsx")) == canonical(doc)
    export_document(doc, tmp_path / "tables", "csv")
    assert canonical(import_document(tmp_path / "tables")) == canonical(doc)


def test_there_is_an_example_workbook() -> None:
    assert WORKBOOKS, "examples/ should hold an example workbook"


@pytest.mark.parametrize("path", WORKBOOKS, ids=[p.stem for p in WORKBOOKS])
def test_example_workbook_loads_checks_and_converts(path: Path, tmp_path: Path) -> None:
    doc = import_document(path)
    assert doc.nodes and doc.links and doc.mechanisms
    errors = [f for f in toc.check(doc) if f.severity == "error"]
    assert errors == []
    assert toc.render(doc, tmp_path / "theory.svg").read_bytes().startswith(b"<?xml")
    toc.dump(doc, tmp_path / "theory.yaml")
    again = toc.load(tmp_path / "theory.yaml")
    assert canonical(again) == canonical(doc)
    # Written again, it reads back as the same document.
    (tmp_path / "again.xlsx").write_bytes(xlsx_bytes(doc))
    assert canonical(read_xlsx(tmp_path / "again.xlsx")) == canonical(doc)


def test_output_is_deterministic(nils_path: Path) -> None:
    doc = toc.load(nils_path)
    assert xlsx_bytes(doc) == xlsx_bytes(toc.load(nils_path))
    assert csv_files(doc) == csv_files(toc.load(nils_path))


def test_checks_settings_and_an_empty_checks_block_round_trip(tmp_path: Path) -> None:
    doc = toc.loads(
        "format: 1\nid: c\ntitle: C\nnodes: [{id: a, stage: short, label: A}]\n"
        "checks: {ignore: [TOC006], severity: {outcome-without-indicator: warning}}\n"
    )
    write_xlsx(doc, tmp_path / "c.xlsx")
    assert canonical(read_xlsx(tmp_path / "c.xlsx")) == canonical(doc)
    empty = toc.loads("format: 1\nid: c\ntitle: C\nchecks: {}\n")
    write_xlsx(empty, tmp_path / "e.xlsx")
    assert '"checks": {}' in canonical(read_xlsx(tmp_path / "e.xlsx"))


def test_numbers_a_workbook_cannot_hold_exactly_stay_exact(tmp_path: Path) -> None:
    # 2**53 is the largest a document may hold (mechanisms.types.LARGEST), 16 digits: more
    # than a workbook keeps exactly, like 0.1 + 0.2.
    values = [0.1 + 0.2, 1.0, -0.0, 2**53, -(2**53) + 1, 1e15 + 0.5, 5e-324, 70]
    text = "format: 1\nid: n\ntitle: N\nnodes:\n  - {id: a, stage: short, label: A, indicators: ["
    text += ", ".join(
        f"{{id: i{k}, name: I, baseline: {{value: {v!r}}}}}" for k, v in enumerate(values)
    )
    text += "]}\n"
    doc = toc.loads(text)
    write_xlsx(doc, tmp_path / "n.xlsx")
    assert canonical(read_xlsx(tmp_path / "n.xlsx")) == canonical(doc)


# ---------------------------------------------------------- how it looks


def test_workbook_reads_as_a_person_expects(nils_path: Path, tmp_path: Path) -> None:
    doc = toc.load(nils_path)  # a Swedish document: Swedish sheets and headers
    write_xlsx(doc, tmp_path / "nils.xlsx")
    book = load_workbook(tmp_path / "nils.xlsx")
    assert book.sheetnames[:4] == ["dokument", "insatser", "aktörer", "noder"]
    nodes = book["noder"]
    assert [c.value for c in nodes[1]] == [
        "id",
        "steg",
        "etikett",
        "insatser",
        "aktörer",
        "beskrivning",
    ]
    assert nodes.freeze_panes == "A2"
    assert all(c.font.b for c in nodes[1])
    widths = {k: nodes.column_dimensions[k].width for k in "ABCDEF"}
    assert all(8 <= w <= 60 for w in widths.values())
    assert widths["C"] >= 40  # the labels are long: their column is wide
    assert nodes["A2"].value == doc.nodes[0].id
    document = book["dokument"]
    assert [document.cell(r, 1).value for r in range(1, 5)] == ["fält", "format", "id", "titel"]
    # Text of several lines (the description) gets a row as tall as its lines, top
    # aligned and wrapped, so that it is not drawn over the rows below; one-line rows
    # keep the default height.
    row = next(r for r in range(1, 30) if document.cell(r, 1).value == "beskrivning")
    assert "\n" in document.cell(row, 2).value
    assert document.row_dimensions[row].height >= 15 * document.cell(row, 2).value.count("\n")
    assert document.cell(row, 2).alignment.wrap_text
    assert document.cell(row, 1).alignment.vertical == "top"
    assert document.row_dimensions[row - 1].height is None


def test_formula_like_text_is_a_text_cell_with_a_quote_prefix(tmp_path: Path) -> None:
    doc = toc.loads(
        "format: 1\nid: f\ntitle: F\nnodes:\n"
        "  - {id: a, stage: short, label: \"=cmd|' /C calc'!A0\"}\n"
        '  - {id: b, stage: short, label: "-5 % cost", description: "@SUM(A1)"}\n'
    )
    write_xlsx(doc, tmp_path / "f.xlsx")
    sheet = load_workbook(tmp_path / "f.xlsx")["nodes"]
    for ref in ("C2", "C3", "F3"):
        assert sheet[ref].data_type == "s"
        assert sheet[ref].quotePrefix
    assert sheet["C2"].value == "=cmd|' /C calc'!A0"
    with zipfile.ZipFile(tmp_path / "f.xlsx") as archive:
        xml = archive.read("xl/worksheets/sheet4.xml").decode()
    assert "<f>" not in xml
    assert canonical(read_xlsx(tmp_path / "f.xlsx")) == canonical(doc)


FORMULA_HINT = {
    "en": "paste it as a value (copy the cell, then Paste special → Values only), or open and "
    "save the workbook in Excel or LibreOffice, which save each formula's value",
    "sv": "klistra in den som ett värde (kopiera cellen, sedan Klistra in special → Endast "
    "värden), eller öppna och spara arbetsboken i Excel eller LibreOffice, som sparar varje "
    "formels värde",
}


def test_a_formula_saved_without_its_value_is_refused_at_its_cell(
    tmp_path: Path, nils_path: Path, minimal_data: dict[str, Any]
) -> None:
    book = _nils_book(nils_path, tmp_path)
    book["noder"]["C2"] = "=1+1"  # a real formula; openpyxl saves no value with it
    with pytest.raises(DocumentError) as caught:
        read_xlsx(_save(book, tmp_path / "formula.xlsx"))
    assert [(p.message, p.hint) for p in caught.value.problems] == [
        (
            "noder!C2: cellen innehåller en formel (=1+1) som sparats utan sitt värde; "
            "toc räknar inte ut formler",
            FORMULA_HINT["sv"],
        )
    ]
    book = _en_book(tmp_path, minimal_data)
    book["document"]["B3"] = '=CONCAT("a", "b")'  # the document's id
    book["links"]["A1"] = "=B1"  # even a header
    with pytest.raises(DocumentError) as caught:
        read_xlsx(_save(book, tmp_path / "formula.xlsx"))
    assert [(p.message, p.hint) for p in caught.value.problems] == [
        (
            'document!B3: the cell holds a formula (=CONCAT("a", "b")) saved without its '
            "value; toc does not evaluate formulas",
            FORMULA_HINT["en"],
        ),
        (
            "links!A1: the cell holds a formula (=B1) saved without its value; toc does not "
            "evaluate formulas",
            FORMULA_HINT["en"],
        ),
    ]


def _with_cell_xml(path: Path, target: Path, sheet: str, cell: str, xml: str) -> Path:
    """The workbook with one cell's XML replaced, as another program would save it."""
    import re

    with zipfile.ZipFile(path) as source, zipfile.ZipFile(target, "w") as out:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == sheet:
                text, found = re.subn(rf'<c r="{cell}"[^>]*?(/>|>.*?</c>)', xml, data.decode())
                if not found:  # an empty cell: added at the end of its row
                    row = re.sub("[A-Z]+", "", cell)
                    text, found = re.subn(
                        rf'(<row r="{row}"[^>]*>.*?)(</row>)',
                        lambda m: m.group(1) + xml + m.group(2),
                        text,
                    )
                assert found == 1
                data = text.encode()
            out.writestr(info, data)
    return target


def test_a_formula_with_its_saved_value_reads_as_the_value(
    tmp_path: Path, minimal_data: dict[str, Any]
) -> None:
    doc = toc.validate(minimal_data)
    write_xlsx(doc, tmp_path / "plain.xlsx")
    label = doc.nodes[0].label
    sheet = "xl/worksheets/sheet4.xml"  # nodes
    saved = f'<c r="C2" t="str"><f>UPPER("x")</f><v>{label}</v></c>'
    path = _with_cell_xml(tmp_path / "plain.xlsx", tmp_path / "saved.xlsx", sheet, "C2", saved)
    assert canonical(read_xlsx(path)) == canonical(doc)
    # A text formula whose value is empty text is an empty cell, not a missing value.
    empty = '<c r="F2" t="str"><f>""</f><v></v></c>'
    path = _with_cell_xml(tmp_path / "plain.xlsx", tmp_path / "empty.xlsx", sheet, "F2", empty)
    assert canonical(read_xlsx(path)) == canonical(doc)


def test_an_error_value_is_refused_at_its_cell(
    tmp_path: Path, minimal_data: dict[str, Any]
) -> None:
    write_xlsx(toc.validate(minimal_data), tmp_path / "plain.xlsx")
    error = '<c r="C2" t="e"><f>1/0</f><v>#DIV/0!</v></c>'
    sheet = "xl/worksheets/sheet4.xml"
    path = _with_cell_xml(tmp_path / "plain.xlsx", tmp_path / "error.xlsx", sheet, "C2", error)
    with pytest.raises(DocumentError) as caught:
        read_xlsx(path)
    assert [(p.message, p.hint) for p in caught.value.problems] == [
        (
            "nodes!C2: the cell holds the error value #DIV/0!, not data",
            "correct the formula that gives it, or type the value",
        )
    ]


# ------------------------------------------------------------- bad input


def _nils_book(nils_path: Path, tmp_path: Path) -> Any:
    write_xlsx(toc.load(nils_path), tmp_path / "nils.xlsx")
    return load_workbook(tmp_path / "nils.xlsx")


def _en_book(tmp_path: Path, minimal_data: dict[str, Any]) -> Any:
    write_xlsx(toc.validate(minimal_data), tmp_path / "demo.xlsx")
    return load_workbook(tmp_path / "demo.xlsx")


def _save(book: Any, path: Path) -> Path:
    book.save(path)
    return path


def _messages(path: Path) -> list[str]:
    with pytest.raises(DocumentError) as caught:
        import_document(path)
    return [p.message for p in caught.value.problems]


def test_unknown_node_and_stage_are_located_in_the_sheet(
    tmp_path: Path, minimal_data: dict[str, Any]
) -> None:
    book = _en_book(tmp_path, minimal_data)
    book["links"]["B3"] = "nowhere"
    book["nodes"]["B3"] = "outputs"
    messages = _messages(_save(book, tmp_path / "bad.xlsx"))
    assert messages == ["nodes!B3: unknown stage 'outputs'", "links!B3: unknown node 'nowhere'"]


def _empty_sheets(book: Any) -> None:
    """The tables a hand-made workbook has nothing in: empty sheets."""
    for sheet in to_tables(toc.loads("format: 1\nid: e\ntitle: E\n")):
        if sheet.name not in book.sheetnames:
            book.create_sheet(sheet.name)


def test_the_issue_examples_links_c7_and_nodes_b3(tmp_path: Path) -> None:
    """A workbook typed by hand, with the two mistakes the issue names."""
    book = Workbook()
    document = book.active
    document.title = "document"
    for row in (["field", "value"], ["id", "demo"], ["title", "Demo"]):
        document.append(row)
    nodes = book.create_sheet("nodes")
    nodes.append(["id", "stage", "label"])
    for node in (["a", "resources", "A"], ["b", "outputs", "B"], ["c", "short", "C"]):
        nodes.append(node)
    links = book.create_sheet("links")
    links.append(["label", "from", "to"])
    for target in ("c", "c", "c", "c", "c", "nowhere"):
        links.append([None, "a" if target == "nowhere" else "b", target])
    links["B2"] = "a"
    _empty_sheets(book)
    messages = _messages(_save(book, tmp_path / "issue.xlsx"))
    assert messages[0] == "nodes!B3: unknown stage 'outputs'"
    assert "links!C7: unknown node 'nowhere'" in messages


def test_every_problem_is_reported_at_once_in_sheet_order(
    tmp_path: Path, minimal_data: dict[str, Any]
) -> None:
    book = _en_book(tmp_path, minimal_data)
    book["nodes"]["A3"] = "Not An Id"
    book["nodes"]["C4"] = None
    book["links"]["D2"] = "maybe"
    # What the cells themselves get wrong comes first, all of it ...
    messages = _messages(_save(book, tmp_path / "bad.xlsx"))
    assert messages == [
        "nodes!C4: 'label' is required: fill in this cell",
        "links!D2: expected true or false, got 'maybe'",
    ]
    # ... then what the document as a whole gets wrong.
    book["links"]["D2"] = True
    book["nodes"]["C4"] = "Change"
    messages = _messages(_save(book, tmp_path / "bad.xlsx"))
    assert messages == ["nodes!A3: 'Not An Id' is not a valid id"]


ADD_SHEET = {
    "en": "add a sheet called {names}; for a table with nothing in it, a sheet with just its "
    "header row (or an empty sheet)",
    "sv": "lägg till ett blad som heter {names}; för en tabell utan innehåll räcker ett blad "
    "med bara rubrikraden (eller ett tomt blad)",
}


@pytest.mark.parametrize("sheet", ["nodes", "links", "mechanisms", "measurements", "judgements"])
def test_a_missing_sheet_is_refused_saying_what_to_call_it(
    tmp_path: Path, minimal_data: dict[str, Any], sheet: str
) -> None:
    book = _en_book(tmp_path, minimal_data)
    del book[sheet]
    with pytest.raises(DocumentError) as caught:
        import_document(_save(book, tmp_path / "bad.xlsx"))
    (problem,) = caught.value.problems  # nothing about what the sheet would have held
    assert str(problem) == f"{tmp_path / 'bad.xlsx'}: error: missing sheet {sheet!r}"
    swedish = table_name(sheet, "sv")
    assert problem.hint == ADD_SHEET["en"].format(names=f"{sheet} / {swedish}")


def test_a_missing_sheet_in_a_swedish_workbook_is_said_in_swedish(
    tmp_path: Path, nils_path: Path
) -> None:
    """The review's case: the links sheet deleted from a Swedish workbook."""
    from click.testing import CliRunner

    from toc.cli import main

    book = _nils_book(nils_path, tmp_path)
    del book["länkar"]
    del book["mekanismer"]
    bad = _save(book, tmp_path / "bad.xlsx")
    out = tmp_path / "out.yaml"
    result = CliRunner().invoke(main, ["import", str(bad), "-o", str(out)])
    assert (result.exit_code, result.output) == (
        2,
        f"{bad}: error: bladet 'länkar' saknas\n"
        f"  hint: {ADD_SHEET['sv'].format(names='länkar / links')}\n"
        f"{bad}: error: bladet 'mekanismer' saknas\n"
        f"  hint: {ADD_SHEET['sv'].format(names='mekanismer / mechanisms')}\n",
    )
    assert not out.exists()


def test_a_missing_document_sheet_says_what_it_holds(
    tmp_path: Path, minimal_data: dict[str, Any]
) -> None:
    book = _en_book(tmp_path, minimal_data)
    del book["document"]
    with pytest.raises(DocumentError) as caught:
        import_document(_save(book, tmp_path / "bad.xlsx"))
    (problem,) = caught.value.problems
    assert problem.message == "missing sheet 'document'"
    assert problem.hint == (
        "add a sheet called document / dokument, with the header row field | value and rows "
        "for id, title"
    )


def test_a_missing_field_of_the_document_is_said_of_its_sheet(
    tmp_path: Path, nils_path: Path
) -> None:
    book = _nils_book(nils_path, tmp_path)
    book["dokument"].delete_rows(3)  # the row "id"
    with pytest.raises(DocumentError) as caught:
        import_document(_save(book, tmp_path / "bad.xlsx"))
    assert [(str(p), p.hint) for p in caught.value.problems] == [
        (
            f"{tmp_path / 'bad.xlsx'}: error: dokument: fältet 'id' saknas",
            "lägg till en rad id med värdet bredvid",
        )
    ]


def test_a_table_with_nothing_in_it_is_a_header_row_or_an_empty_sheet(
    tmp_path: Path, minimal_data: dict[str, Any]
) -> None:
    doc = toc.validate({**minimal_data, "links": [], "mechanisms": []})
    write_xlsx(doc, tmp_path / "demo.xlsx")
    book = load_workbook(tmp_path / "demo.xlsx")
    assert [c.value for c in book["links"][1]][:2] == ["from", "to"]  # the header row only
    assert book["links"].max_row == 1
    del book["mechanisms"]
    book.create_sheet("mechanisms")  # an empty sheet
    back = import_document(_save(book, tmp_path / "empty.xlsx"))
    assert canonical(back) == canonical(doc)


def test_missing_column_says_which_and_what_to_call_it(
    tmp_path: Path, minimal_data: dict[str, Any]
) -> None:
    book = _en_book(tmp_path, minimal_data)
    book["nodes"].delete_cols(2)  # stage
    with pytest.raises(DocumentError) as caught:
        import_document(_save(book, tmp_path / "bad.xlsx"))
    (problem,) = caught.value.problems
    assert problem.message == "nodes: missing column 'stage' in sheet 'nodes'"
    assert problem.hint == "call it stage / steg"


def test_unknown_column_and_sheet_get_a_hint(tmp_path: Path, minimal_data: dict[str, Any]) -> None:
    book = _en_book(tmp_path, minimal_data)
    book["nodes"]["B1"] = "stgae"
    book.create_sheet("nodse")
    book.create_sheet("my notes (ignore)")
    with pytest.raises(DocumentError) as caught:
        import_document(_save(book, tmp_path / "bad.xlsx"))
    found = {p.message: p.hint for p in caught.value.problems}
    assert found["nodes!B1: unknown column 'stgae'"] == "did you mean 'stage'?"
    assert found["nodse: unknown sheet 'nodse'"] == "did you mean 'nodes'?"


def test_unknown_parent_of_an_indicator(tmp_path: Path, nils_path: Path) -> None:
    book = _nils_book(nils_path, tmp_path)
    book["indikatorer"]["A2"] = "ingenstans"
    messages = _messages(_save(book, tmp_path / "bad.xlsx"))
    assert messages == ["indikatorer!A2: okänd nod 'ingenstans'"]


def test_swedish_and_english_headers_are_both_read(
    tmp_path: Path, minimal_data: dict[str, Any]
) -> None:
    book = _en_book(tmp_path, minimal_data)
    book["nodes"].title = "noder"
    book["noder"]["B1"] = "Steg"
    book["noder"]["C1"] = " LABEL "
    doc = import_document(_save(book, tmp_path / "mixed.xlsx"))
    assert doc == toc.validate(minimal_data)


def test_nothing_is_written_for_bad_input(tmp_path: Path, minimal_data: dict[str, Any]) -> None:
    from click.testing import CliRunner

    from toc.cli import main

    book = _en_book(tmp_path, minimal_data)
    book["links"]["B3"] = "nowhere"
    bad = _save(book, tmp_path / "bad.xlsx")
    out = tmp_path / "out.yaml"
    result = CliRunner().invoke(main, ["import", str(bad), "-o", str(out)])
    assert result.exit_code == 2
    assert f"{bad}: error: links!B3: unknown node 'nowhere'" in result.output
    assert "Traceback" not in result.output
    assert not out.exists()


def test_csv_errors_name_the_table_and_cell(tmp_path: Path, minimal_data: dict[str, Any]) -> None:
    write_csv(toc.validate(minimal_data), tmp_path / "t")
    links = tmp_path / "t" / "links.csv"
    links.write_text(links.read_text(encoding="utf-8-sig").replace("work,change", "work,nowhere"))
    messages = _messages(tmp_path / "t")
    assert messages == ["links!B3: unknown node 'nowhere'"]


def test_a_value_in_a_column_without_a_header_is_refused_at_its_cell(
    tmp_path: Path, minimal_data: dict[str, Any]
) -> None:
    from click.testing import CliRunner

    from toc.cli import main

    book = _en_book(tmp_path, minimal_data)
    book["nodes"]["H3"] = "important note"
    bad = _save(book, tmp_path / "note.xlsx")
    with pytest.raises(DocumentError) as caught:
        import_document(bad)
    [problem] = caught.value.problems
    assert (problem.message, problem.hint) == (
        "nodes!H3: a value in a column without a header",
        "every column of this table already has its header: remove the value",
    )
    out = tmp_path / "out.yaml"
    result = CliRunner().invoke(main, ["import", str(bad), "-o", str(out)])
    assert result.exit_code == 2
    assert f"{bad}: error: nodes!H3: a value in a column without a header" in result.output
    assert not out.exists()


def test_values_without_a_header_are_said_once_per_column_and_alone(
    tmp_path: Path, minimal_data: dict[str, Any]
) -> None:
    book = _en_book(tmp_path, minimal_data)
    for row in (2, 3, 4, 9):  # row 9 holds nothing else: not an item missing its cells
        book["nodes"][f"J{row}"] = "x"
    book["links"]["G2"] = 7
    book["document"]["C3"] = "a note"
    book.create_sheet("notes (ignore)")["XFD9"] = "my own sheet: anything goes"
    assert _messages(_save(book, tmp_path / "notes.xlsx")) == [
        "document!C3: a value outside the columns 'field' and 'value'",
        "nodes!J2: a value in a column without a header (and 3 more in column J)",
        "links!G2: a value in a column without a header",
    ]
    # A header from the layout makes the column the table's.
    book["nodes"]["J1"] = "description"
    book["nodes"]["F1"] = book["nodes"]["J9"] = None
    book["links"]["G2"] = None
    book["document"]["C3"] = None
    doc = import_document(_save(book, tmp_path / "fixed.xlsx"))
    assert [n.description for n in doc.nodes] == ["x", "x", "x"]


def test_a_value_without_a_header_in_swedish_and_in_csv(
    tmp_path: Path, minimal_data: dict[str, Any]
) -> None:
    write_csv(toc.validate({**minimal_data, "language": "sv"}), tmp_path / "t")
    nodes = tmp_path / "t" / "noder.csv"
    lines = nodes.read_text(encoding="utf-8-sig").splitlines()
    lines[0] = lines[0].replace("aktörer", "")  # column E has no header now
    lines[2] += ",,viktigt"
    nodes.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DocumentError) as caught:
        import_document(tmp_path / "t")
    [problem] = caught.value.problems
    assert (problem.message, problem.hint) == (
        "noder!H3: ett värde i en kolumn utan rubrik",
        "ge kolumn H en rubrik ur layouten (aktörer), eller ta bort värdet",
    )


def test_a_csv_folder_missing_a_file_says_what_to_call_it(
    tmp_path: Path, nils_path: Path, minimal_data: dict[str, Any]
) -> None:
    write_csv(toc.validate(minimal_data), tmp_path / "en")
    (tmp_path / "en" / "links.csv").unlink()
    (tmp_path / "en" / "notes.csv").write_text("a,b\n", encoding="utf-8")
    with pytest.raises(DocumentError) as caught:
        import_document(tmp_path / "en")
    assert [(str(p), p.hint) for p in caught.value.problems] == [
        (
            f"{tmp_path / 'en'}: error: missing file 'links.csv'",
            "add a file called links.csv / länkar.csv; for a table with nothing in it, a file "
            "with just its header row (or an empty file)",
        ),
        (
            f"{tmp_path / 'en'}: error: notes: unknown file 'notes.csv'",
            "did you mean 'nodes.csv'?",
        ),
    ]
    write_csv(toc.load(nils_path), tmp_path / "sv")
    (tmp_path / "sv" / "mekanismer.csv").unlink()
    with pytest.raises(DocumentError) as caught:
        import_document(tmp_path / "sv")
    assert [(p.message, p.hint) for p in caught.value.problems] == [
        (
            "filen 'mekanismer.csv' saknas",
            "lägg till en fil som heter mekanismer.csv / mechanisms.csv; för en tabell utan "
            "innehåll räcker en fil med bara rubrikraden (eller en tom fil)",
        )
    ]


def test_csv_with_semicolons_as_swedish_excel_writes_it(tmp_path: Path) -> None:
    folder = tmp_path / "sv"
    folder.mkdir()
    (folder / "dokument.csv").write_text("fält;värde\nid;d\ntitel;D\nspråk;sv\n", encoding="utf-8")
    (folder / "noder.csv").write_text(
        "id;steg;etikett\na;resources;Pengar\nb;activities;Stöd\n", encoding="cp1252"
    )
    with pytest.raises(ReadError) as caught:
        import_document(folder)
    # The folder's files are named in Swedish: its problems are said in Swedish.
    (problem,) = caught.value.problems
    assert (problem.file, problem.line) == (str(folder / "noder.csv"), 3)
    assert (problem.message, problem.hint) == (
        "filen är inte UTF-8-text (byte 0xf6 vid position 50)",
        "spara den som CSV UTF-8 (i Excel: Spara som → CSV UTF-8)",
    )
    (folder / "noder.csv").write_text(
        "id;steg;etikett\na;resources;Pengar\nb;activities;Stöd\n", encoding="utf-8-sig"
    )
    for table in TABLES:  # the tables with nothing in them: empty files
        if table.name != "nodes":
            (folder / f"{table_name(table.name, 'sv')}.csv").write_bytes(b"")
    doc = import_document(folder)
    assert [n.label for n in doc.nodes] == ["Pengar", "Stöd"]


@pytest.mark.parametrize("bom", [True, False], ids=["with a BOM", "without"])
def test_a_byte_that_is_not_utf8_is_named_at_its_offset_and_line(
    tmp_path: Path, minimal_data: dict[str, Any], bom: bool
) -> None:
    """Counted from the start of the file, the byte order mark included (toc writes one)."""
    write_csv(toc.validate(minimal_data), tmp_path / "t")
    nodes = tmp_path / "t" / "nodes.csv"
    raw = nodes.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    if not bom:
        raw = raw[3:]
    at = raw.index(b"\r\nwork,") + 2  # the start of line 3
    nodes.write_bytes(raw[:at] + b"\xff\xfe" + raw[at:])
    with pytest.raises(ReadError) as caught:
        import_document(tmp_path / "t")
    [problem] = caught.value.problems
    assert (problem.file, problem.line, problem.message) == (
        str(nodes),
        3,
        f"the file is not UTF-8 text (byte 0xff at offset {at})",
    )


def test_csv_fields_are_safe_to_open_in_a_spreadsheet(tmp_path: Path) -> None:
    doc = toc.loads(
        'format: 1\nid: f\ntitle: "=1+1"\nnodes: [{id: a, stage: short, label: "+cmd"}]\n'
    )
    files = csv_files(doc)
    for name, text in files.items():
        for row in csv.reader(io.StringIO(text.lstrip("\ufeff"), newline="")):
            for field in row:
                assert not field.startswith(("=", "+", "-", "@")), (name, field)
    write_csv(doc, tmp_path / "f")
    assert canonical(read_csv(tmp_path / "f")) == canonical(doc)


# ------------------------------------------------------------ bounded reads


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"<a>" + b" " * (8 * 1024 * 1024) + b"</a>")
    assert path.stat().st_size < 100_000
    with pytest.raises(ReadError) as caught:
        read_workbook(path, max_unpacked=4 * 1024 * 1024)  # 256 MiB by default
    assert caught.value.problems[0].message == (
        "the workbook unpacks to 8,388,615 bytes, more than the limit of 4,194,304"
    )
    assert MAX_UNPACKED == 256 * 1024 * 1024


def test_too_many_parts_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "parts.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        for k in range(MAX_MEMBERS + 1):
            archive.writestr(f"p{k}", b"")
    with pytest.raises(ReadError, match="parts"):
        read_xlsx(path)


def test_a_dtd_in_a_workbook_is_refused(tmp_path: Path, minimal_data: dict[str, Any]) -> None:
    write_xlsx(toc.validate(minimal_data), tmp_path / "ok.xlsx")
    path = tmp_path / "dtd.xlsx"
    with zipfile.ZipFile(tmp_path / "ok.xlsx") as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/workbook.xml":
                data = b'<!DOCTYPE lol [<!ENTITY lol "lol"><!ENTITY l2 "&lol;&lol;">]>' + data
            target.writestr(info, data)
    with pytest.raises(ReadError, match="DTD"):
        read_xlsx(path)


def test_the_size_limit_applies(tmp_path: Path, minimal_data: dict[str, Any]) -> None:
    write_xlsx(toc.validate(minimal_data), tmp_path / "ok.xlsx")
    with pytest.raises(ReadError, match="more than the limit"):
        read_xlsx(tmp_path / "ok.xlsx", max_bytes=1000)
    with pytest.raises(ReadError, match="more than the limit"):
        import_document(tmp_path / "ok.xlsx", max_bytes=1000)


def test_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "old.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0 an old .xls file")
    with pytest.raises(ReadError) as caught:
        read_xlsx(path)
    assert caught.value.problems[0].message == "this is not an xlsx workbook (not a zip file)"


# ------------------------------------------------------------- the layout


def test_the_layout_covers_every_field_of_the_model() -> None:
    """Every field of every model has a column (or its own table): nothing is left behind."""
    from mechanisms.model import NarrativeEvidence, SurveyEvidence
    from toc.model import Document, Indicator, Node

    keys = {t.name: {c.key.split(".")[0] for c in t.columns} for t in TABLES}
    assert keys["nodes"] == set(Node.model_fields) - {"indicators"}
    assert keys["indicators"] == set(Indicator.model_fields) - {"actual"}
    assert keys["evidence"] == set(NarrativeEvidence.model_fields) | set(
        SurveyEvidence.model_fields
    )
    tables = {"interventions", "actors", "nodes", "links", "mechanisms", "conditions"}
    tables |= {"rivals", "evidence", "judgements"}
    document = {c.key.split(".")[0] for c in DOCUMENT_ROWS}
    assert document == set(Document.model_fields) - tables


def test_headers_are_in_the_documents_language(minimal_data: dict[str, Any]) -> None:
    en = to_tables(toc.validate(minimal_data))
    sv = to_tables(toc.validate({**minimal_data, "language": "sv"}))
    assert [s.name for s in en][:4] == ["document", "interventions", "actors", "nodes"]
    assert [s.name for s in sv][:4] == ["dokument", "insatser", "aktörer", "noder"]
    assert column_name("baseline.value", "sv") == "utgångsläge.värde"
