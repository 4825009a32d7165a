"""``toc import`` and ``toc export``: exact output, exit statuses, files written or not."""

from __future__ import annotations

import json
from pathlib import Path

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


@pytest.mark.parametrize(
    ("output", "extra", "message"),
    [
        ("map.json", [], "a .json output is a Kumu blueprint with --to kumu"),
        ("theory.csv", [], "CSV export writes a folder of CSV files: -o FOLDER/ --to csv"),
        ("theory.txt", [], "cannot tell the format from the name"),
        ("map.xlsx", ["--to", "kumu"], "--to kumu writes a .json file; name the output so"),
        ("out.drawio", ["--level", "long=goal"], "--level is for the logframe (--to logframe)"),
        ("out.xlsx", ["--color-by", "verdict"], "color_by: drawing options are for --to drawio"),
        ("lf.xlsx", ["--to", "logframe", "--level", "long"], "--level 'long': write STAGE=LEVEL"),
        ("lf.xlsx", ["--to", "logframe", "--level", "long=vision"], "the levels are goal"),
    ],
)
def test_export_option_errors(
    nils_path: Path, tmp_path: Path, output: str, extra: list[str], message: str
) -> None:
    target = tmp_path / output
    result = run("export", str(nils_path), "-o", str(target), *extra)
    assert result.exit_code == 2
    assert message in result.output
    assert result.output.startswith("error: ")
    assert not target.exists()


@pytest.mark.parametrize(
    ("source", "extra", "message"),
    [
        ("map.json", [], "pass --from kumu"),
        ("one.csv", [], "a document is a folder of them"),
        ("theory.xlsx", ["--stage-map", "Goal=long"], "--stage-map is for Kumu blueprints"),
    ],
)
def test_import_option_errors(tmp_path: Path, source: str, extra: list[str], message: str) -> None:
    path = tmp_path / source
    path.write_text("{}", encoding="utf-8")
    out = tmp_path / "out.yaml"
    result = run("import", str(path), "-o", str(out), *extra)
    assert result.exit_code == 2
    assert message in result.output
    assert not out.exists()


def test_import_needs_a_document_name(tmp_path: Path, nils_path: Path) -> None:
    run("export", str(nils_path), "-o", str(tmp_path / "n.xlsx"))
    result = run("import", str(tmp_path / "n.xlsx"), "-o", str(tmp_path / "n.txt"))
    assert result.exit_code == 2
    assert "end it in .yaml, .yml or .json" in result.output


def test_import_of_a_missing_file(tmp_path: Path) -> None:
    result = run("import", str(tmp_path / "none.xlsx"), "-o", str(tmp_path / "o.yaml"))
    assert result.exit_code == 2
    where = tmp_path / "none.xlsx"
    hint = "check the path and the file name"
    assert result.output == f"{where}: error: no such file\n  hint: {hint}\n"


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
