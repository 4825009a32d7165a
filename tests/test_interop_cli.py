"""``toc import`` and ``toc export``: exact output, exit statuses, files written or not."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

import toc
from toc.cli import main
from toc.files import dumps


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def test_export_then_import_gives_the_same_document(nils_path: Path, tmp_path: Path) -> None:
    book = tmp_path / "nils.xlsx"
    result = run("export", str(nils_path), "-o", str(book))
    assert (result.exit_code, result.output) == (0, f"wrote {book} (xlsx)\n")
    out = tmp_path / "back.json"
    result = run("import", str(book), "-o", str(out))
    assert (result.exit_code, result.output) == (0, f"wrote {out} (24 nodes, 34 links)\n")
    assert out.read_text(encoding="utf-8") == dumps(toc.load(nils_path), "json")


def test_csv_folder_both_ways(nils_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "tables"
    result = run("export", str(nils_path), "-o", f"{folder}/")
    assert result.exit_code == 0, result.output
    assert result.output == f"wrote {folder} (csv, 12 files)\n"
    assert (folder / "noder.csv").exists()
    result = run("import", str(folder), "-o", "-")
    assert result.exit_code == 0
    assert result.output == dumps(toc.load(nils_path), "yaml")


@pytest.mark.parametrize(
    ("output", "extra", "written"),
    [
        ("map.json", ["--to", "kumu"], "kumu"),
        ("map.xlsx", ["--to", "kumu-xlsx"], "kumu-xlsx"),
        ("graph.graphml", [], "graphml"),
        ("drawing.drawio", ["--color-by", "verdict"], "drawio"),
        ("lf.xlsx", ["--to", "logframe"], "logframe"),
    ],
)
def test_export_formats(
    nils_path: Path, tmp_path: Path, output: str, extra: list[str], written: str
) -> None:
    target = tmp_path / output
    result = run("export", str(nils_path), "-o", str(target), *extra)
    assert (result.exit_code, result.output) == (0, f"wrote {target} ({written})\n")
    assert target.stat().st_size > 0


EXPORT_OPTION_ERRORS = [
    (
        "map.json",
        [],
        "'{target}': a .json output is a Kumu blueprint with --to kumu (a toc document as "
        "JSON is written by toc convert)",
    ),
    ("theory.csv", [], "CSV export writes a folder of CSV files: -o FOLDER/ --to csv"),
    (
        "theory.txt",
        [],
        "cannot tell the format from the name '{target}'; pass --to "
        "xlsx|csv|kumu|kumu-xlsx|graphml|drawio|logframe",
    ),
    ("map.xlsx", ["--to", "kumu"], "--to kumu writes a .json file; name the output so"),
    (
        "out.xlsx",
        ["--to", "drawio"],
        "--to drawio writes a .drawio or .xml file; name the output so",
    ),
    ("out.drawio", ["--level", "long=goal"], "--level is for the logframe (--to logframe)"),
    ("out.xlsx", ["--color-by", "verdict"], "--color-by: drawing options are for --to drawio"),
    (
        "lf.xlsx",
        ["--to", "logframe", "--level", "long"],
        "--level 'long': write STAGE=LEVEL, for example long=goal",
    ),
    (
        "lf.xlsx",
        ["--to", "logframe", "--level", "long=vision"],
        "--level long=vision: the levels are goal, purpose, outputs, activities, inputs",
    ),
    (
        "lf.xlsx",
        ["--to", "logframe", "--level", "impact=goal"],
        "--level names the stage 'impact', which document 'demo' does not have; its stages "
        "are resources, activities, short, medium, long",
    ),
]


@pytest.mark.parametrize(("output", "extra", "message"), EXPORT_OPTION_ERRORS)
def test_export_option_errors(
    minimal_data: dict[str, Any], tmp_path: Path, output: str, extra: list[str], message: str
) -> None:
    document = tmp_path / "theory.yaml"
    toc.dump(toc.validate(minimal_data), document)
    target = tmp_path / output
    result = run("export", str(document), "-o", str(target), *extra)
    assert (result.exit_code, result.output) == (2, f"error: {message.format(target=target)}\n")
    assert not target.exists()


@pytest.mark.parametrize(
    ("output", "extra", "message"),
    [
        ("map.xlsx", ["--to", "kumu"], "--to kumu skriver en .json-fil; ge utdata ett sådant namn"),
        (
            "theory.csv",
            [],
            "CSV-export skriver en mapp med CSV-filer: -o MAPP/ --to csv",
        ),
        (
            "lf.xlsx",
            ["--to", "logframe", "--level", "long"],
            "--level 'long': skriv STEG=NIVÅ, till exempel long=goal",
        ),
        ("out.xlsx", ["--theme", "print"], "--theme: ritningsalternativen gäller --to drawio"),
    ],
)
def test_export_option_errors_are_in_the_documents_language(
    nils_path: Path, tmp_path: Path, output: str, extra: list[str], message: str
) -> None:
    target = tmp_path / output
    result = run("export", str(nils_path), "-o", str(target), *extra)
    assert (result.exit_code, result.output) == (2, f"error: {message}\n")
    assert not target.exists()


def test_export_help_gives_an_example_of_level() -> None:
    result = run("export", "--help")
    assert result.exit_code == 0
    assert "e.g. --level long=goal" in " ".join(result.output.split())


IMPORT_OPTION_ERRORS = {
    "en": [
        (
            "map.json",
            [],
            "cannot tell what '{path}' is: a .json file may be a Kumu blueprint or a toc "
            "document; pass --from kumu (a toc document needs no import: toc convert)",
        ),
        (
            "one.csv",
            [],
            "'{path}' is one CSV file; a document is a folder of them (document.csv, "
            "nodes.csv, …): name the folder",
        ),
        (
            "theory.txt",
            [],
            "cannot tell the format of '{path}' from its name; pass --from xlsx|csv|kumu|drawio",
        ),
        (
            "theory.xlsx",
            ["--stage-map", "Goal=long"],
            "--stage-map is for Kumu blueprints (--from kumu)",
        ),
        ("theory.xlsx", ["--base", "{path}"], "--base is for draw.io drawings (--from drawio)"),
        (
            "map.json",
            ["--from", "kumu", "--stage-map", "Goal"],
            "--stage-map 'Goal': write TYPE=STAGE, for example 'Goal=long'",
        ),
    ],
    "sv": [
        (
            "map.json",
            [],
            "kan inte avgöra vad '{path}' är: en .json-fil kan vara en Kumu-blueprint eller "
            "ett toc-dokument; ange --from kumu (ett toc-dokument behöver ingen import: "
            "toc convert)",
        ),
        (
            "theory.txt",
            [],
            "kan inte avgöra formatet för '{path}' av namnet; ange --from xlsx|csv|kumu|drawio",
        ),
        (
            "theory.xlsx",
            ["--stage-map", "Goal=long"],
            "--stage-map gäller Kumu-blueprints (--from kumu)",
        ),
        (
            "map.json",
            ["--from", "kumu", "--stage-map", "Goal"],
            "--stage-map 'Goal': skriv TYP=STEG, till exempel 'Mål=long'",
        ),
    ],
}


@pytest.mark.parametrize(
    ("language", "source", "extra", "message"),
    [(lang, *case) for lang, cases in IMPORT_OPTION_ERRORS.items() for case in cases],
)
def test_import_option_errors(
    tmp_path: Path, language: str, source: str, extra: list[str], message: str
) -> None:
    path = tmp_path / source
    path.write_text("{}", encoding="utf-8")
    out = tmp_path / "out.yaml"
    given = [a.format(path=tmp_path / "base.yaml") for a in extra]
    if "--base" in extra:
        toc.dump(toc.loads("format: 1\nid: b\ntitle: B\n"), tmp_path / "base.yaml")
    said = [] if language == "en" else ["--language", language]
    result = run("import", str(path), "-o", str(out), *given, *said)
    assert (result.exit_code, result.output) == (2, f"error: {message.format(path=path)}\n")
    assert not out.exists()


@pytest.mark.parametrize(
    ("language", "message"),
    [
        (
            None,
            "cannot tell the output format from the name '{out}': end it in .yaml, .yml or .json",
        ),
        (
            "sv",
            "kan inte avgöra utdataformatet av namnet '{out}': låt det sluta på .yaml, .yml "
            "eller .json",
        ),
    ],
)
def test_import_needs_a_document_name(
    tmp_path: Path, nils_path: Path, language: str | None, message: str
) -> None:
    run("export", str(nils_path), "-o", str(tmp_path / "n.xlsx"))
    out = tmp_path / "n.txt"
    said = ["--language", language] if language else []
    result = run("import", str(tmp_path / "n.xlsx"), "-o", str(out), *said)
    assert (result.exit_code, result.output) == (2, f"error: {message.format(out=out)}\n")
    assert not out.exists()


@pytest.mark.parametrize(
    ("language", "message", "hint"),
    [
        ("en", "no such file", "check the path and the file name"),
        ("sv", "filen finns inte", "kontrollera sökvägen och filnamnet"),
    ],
)
@pytest.mark.parametrize(
    ("source", "format"),
    [("none.xlsx", "xlsx"), ("none.json", "kumu"), ("none.drawio", "drawio")],
)
def test_import_of_a_missing_file(
    tmp_path: Path, language: str, message: str, hint: str, source: str, format: str
) -> None:
    where = tmp_path / source
    out = tmp_path / "o.yaml"
    said = ["--from", format, "--language", language]
    result = run("import", str(where), "-o", str(out), *said)
    assert (result.exit_code, result.output) == (2, f"{where}: error: {message}\n  hint: {hint}\n")
    assert not out.exists()


def test_kumu_import_with_a_stage_map(tmp_path: Path) -> None:
    blueprint = {
        "elements": [{"label": "Plan", "type": "Task"}, {"label": "Vision", "type": "Goal"}],
        "connections": [{"from": "Plan", "to": "Vision"}],
    }
    path = tmp_path / "map.json"
    path.write_text(json.dumps(blueprint), encoding="utf-8")
    out = tmp_path / "out.yaml"
    result = run("import", str(path), "--from", "kumu", "-o", str(out))
    assert result.exit_code == 2
    assert "element types that map to no stage: 'Goal', 'Task'" in result.output
    assert not out.exists()
    result = run(
        "import",
        str(path),
        "--from",
        "kumu",
        "-o",
        str(out),
        "--stage-map",
        "Task=activities",
        "--stage-map",
        "goal=long",
    )
    assert result.exit_code == 0, result.output
    assert [n.stage for n in toc.load(out).nodes] == ["activities", "long"]


def test_drawio_import_with_a_base(nils_path: Path, tmp_path: Path) -> None:
    drawing = tmp_path / "n.drawio"
    assert run("export", str(nils_path), "-o", str(drawing)).exit_code == 0
    out = tmp_path / "back.yaml"
    result = run("import", str(drawing), "--base", str(nils_path), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert dumps(toc.load(out), "json") == dumps(toc.load(nils_path), "json")


def test_export_of_an_invalid_document_writes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\nid: b\ntitle: B\nnodes: [{id: a, stage: nowhere, label: A}]\n")
    result = run("export", str(bad), "-o", str(tmp_path / "bad.xlsx"))
    assert result.exit_code == 2
    assert "nodes[0].stage" in result.output and "'nowhere'" in result.output
    assert not (tmp_path / "bad.xlsx").exists()


def test_export_and_import_never_write_over_their_input(nils_path: Path, tmp_path: Path) -> None:
    document = tmp_path / "theory.json"
    document.write_text(dumps(toc.load(nils_path), "json"), encoding="utf-8")
    drawing = tmp_path / "theory.drawio"
    assert run("export", str(document), "-o", str(drawing)).exit_code == 0
    blueprint = tmp_path / "map.json"
    assert run("export", str(document), "-o", str(blueprint), "--to", "kumu").exit_code == 0
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    same = f"{tmp_path}/./theory.json"  # the same file, named another way
    for args, output, source in (
        (["export", str(document), "-o", same, "--to", "kumu"], same, document),
        (["import", str(blueprint), "--from", "kumu", "-o", str(blueprint)], blueprint, blueprint),
        (["import", str(drawing), "--base", str(document), "-o", same], same, document),
    ):
        result = run(*args)
        assert result.exit_code == 2, args
        assert result.output == (
            f"error: the output {output} is the input document {source} itself: writing it "
            "would replace the document; write to another file\n"
        )
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


@pytest.mark.parametrize(
    ("language", "message", "hint"),
    [
        (
            None,
            "this is not an xlsx workbook (not a zip file)",
            "save it from Excel or LibreOffice as .xlsx (an .xls file is the older format)",
        ),
        (
            "sv",
            "det här är ingen xlsx-arbetsbok (ingen zip-fil)",
            "spara den från Excel eller LibreOffice som .xlsx (en .xls-fil är det äldre formatet)",
        ),
    ],
)
def test_import_says_what_is_wrong_with_the_file_in_the_language_given(
    tmp_path: Path, language: str | None, message: str, hint: str
) -> None:
    """Before the source says its own language, messages are in --language."""
    book = tmp_path / "book.xlsx"
    book.write_text("name,stage\n", encoding="utf-8")  # a CSV file saved as .xlsx
    out = tmp_path / "out.yaml"
    said = ["--language", language] if language else []
    result = run("import", str(book), "-o", str(out), *said)
    assert (result.exit_code, result.output) == (2, f"{book}: error: {message}\n  hint: {hint}\n")
    assert not out.exists()


def test_a_formula_without_its_value_is_refused_and_nothing_written(
    tmp_path: Path, minimal_data: dict[str, Any]
) -> None:
    from openpyxl import load_workbook

    book = tmp_path / "theory.xlsx"
    toc.dump(toc.validate(minimal_data), tmp_path / "theory.yaml")
    assert run("export", str(tmp_path / "theory.yaml"), "-o", str(book)).exit_code == 0
    workbook = load_workbook(book)
    workbook["nodes"]["C3"] = "=UPPER(C2)"  # openpyxl saves a formula without its value
    workbook.save(book)
    out = tmp_path / "out.yaml"
    result = run("import", str(book), "-o", str(out))
    assert (result.exit_code, result.output) == (
        2,
        f"{book}: error: nodes!C3: the cell holds a formula (=UPPER(C2)) saved without its "
        "value; toc does not evaluate formulas\n"
        "  hint: paste it as a value (copy the cell, then Paste special → Values only), or "
        "open and save the workbook in Excel or LibreOffice, which save each formula's value\n",
    )
    assert not out.exists()
