"""``toc render``: outputs, several files, errors (exit 2, clear message, nothing written)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import toc
from toc.cli import main
from toc.cli.render import output_paths
from toc.diagram import render_bytes, to_dot
from toc.errors import OptionError

ROOT = Path(__file__).resolve().parent.parent
NILS = ROOT / "examples/nils-2018/nils-2018.yaml"
STARTER = ROOT / "examples/starter-en/starter-en.yaml"


def run(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["render", *map(str, args)])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    ("suffix", "start"),
    [
        ("svg", b"<?xml"),
        ("png", b"\x89PNG"),
        ("pdf", b"%PDF"),
        ("dot", b"// Theory"),
        ("mmd", b"---"),
    ],
)
def test_each_format_by_suffix(tmp_path: Path, suffix: str, start: bytes) -> None:
    target = tmp_path / f"nils.{suffix}"
    code, out, err = run(NILS, "-o", target)
    assert (code, out, err) == (0, f"wrote {target}\n", "")
    assert target.read_bytes().startswith(start)


def test_output_equals_the_library_with_the_same_options(tmp_path: Path) -> None:
    target = tmp_path / "ic.dot"
    code, _, _ = run(
        NILS, "-o", target, "--intervention", "ic", "--color-by", "verdict", "--orientation", "TB",
        "--theme", "print", "--no-legend", "--title", "T", "--subtitle", "S", "--wrap", "20",
        "--common-label", "Samverkan", "--font", "DejaVu Serif",
    )  # fmt: skip
    assert code == 0
    expected = to_dot(
        toc.load(NILS),
        intervention="ic",
        color_by="verdict",
        orientation="TB",
        theme="print",
        legend=False,
        title="T",
        subtitle="S",
        wrap=20,
        common_label="Samverkan",
        font="DejaVu Serif",
    )
    assert target.read_text(encoding="utf-8") == expected


def test_focus_and_dpi(tmp_path: Path) -> None:
    target = tmp_path / "f.png"
    assert run(NILS, "-o", target, "--focus", "short-implementation", "--dpi", "72")[0] == 0
    expected = render_bytes(toc.load(NILS), "png", focus="short-implementation", dpi=72)
    assert target.read_bytes() == expected


def test_default_output_is_beside_the_input_as_svg(tmp_path: Path) -> None:
    source = tmp_path / "workshop.yaml"
    shutil.copy(STARTER, source)
    code, out, _ = run(source)
    assert code == 0 and out == f"wrote {tmp_path / 'workshop.svg'}\n"
    assert (tmp_path / "workshop.svg").read_bytes()[:5] == b"<?xml"


def test_one_file_into_an_existing_directory(tmp_path: Path) -> None:
    code, out, _ = run(STARTER, "-o", tmp_path)
    assert code == 0 and out == f"wrote {tmp_path / 'starter-en.svg'}\n"


def test_standard_output(tmp_path: Path) -> None:
    code, out, err = run(STARTER, "-o", "-", "--format", "mmd")
    assert code == 0 and err == ""
    assert out == (render_bytes(toc.load(STARTER), "mermaid")).decode()


def test_several_files_into_a_directory(tmp_path: Path) -> None:
    out_dir = tmp_path / "diagrams"
    code, out, _ = run(NILS, STARTER, "-o", out_dir, "--format", "png")
    assert code == 0
    assert out == "wrote 2 of 2 diagrams\n"
    assert sorted(p.name for p in out_dir.iterdir()) == ["nils-2018.png", "starter-en.png"]


def test_several_files_with_a_pattern(tmp_path: Path) -> None:
    code, _, _ = run(NILS, STARTER, "-o", f"{tmp_path}/{{stem}}-tb.svg", "--orientation", "TB")
    assert code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["nils-2018-tb.svg", "starter-en-tb.svg"]


def test_several_files_one_broken_writes_the_others_and_exits_2(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: 1\nid: x\ntitle: X\nnodes: [{id: a, stage: nowhere, label: A}]\n")
    out_dir = tmp_path / "out"
    code, out, err = run(NILS, broken, "-o", out_dir)
    assert code == 2
    assert out == "wrote 1 of 2 diagrams; 1 failed\n"
    assert f"{broken}:4:" in err and "unknown stage 'nowhere'" in err
    assert "Traceback" not in err
    assert sorted(p.name for p in out_dir.iterdir()) == ["nils-2018.svg"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "{out}/nils.jpg"], "error: cannot tell the format from '{out}/nils.jpg'"),
        (
            ["-o", "{out}/nils.svg", "--focus", "nope"],
            "error: no node or mechanism 'nope' in document 'nils-2018'",
        ),
        (
            ["-o", "{out}/nils.svg", "--intervention", "icc"],
            "error: no intervention 'icc' in document 'nils-2018'; did you mean 'ic'?",
        ),
        (["-o", "{out}/nils.svg", "--color-by", "rainbow"], "error: color_by must be one of stage"),
        (
            ["-o", "{out}/nils.svg", "--wrap", "2"],
            "error: wrap must be a whole number from 8 to 200",
        ),
        # Usage errors are click's words; the test asks only that the option is named.
        (["-o", "{out}/nils.svg", "--colour", "verdict"], "--colour"),
        (["-o", "{out}/nils.svg", "--theme", "dark"], "--theme"),
    ],
)
def test_errors_exit_2_with_a_message_and_write_nothing(
    tmp_path: Path, args: list[str], message: str
) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    code, out, err = run(NILS, *[a.format(out=out_dir) for a in args])
    assert code == 2
    assert message.format(out=out_dir) in err
    assert "Traceback" not in err and out == ""
    assert list(out_dir.iterdir()) == []


def test_an_invalid_document_exits_2_pointing_at_the_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\nid: x\ntitle: X\nnodez: []\n")
    code, _, err = run(bad, "-o", tmp_path / "bad.svg")
    assert code == 2
    assert err.startswith(f"{bad}:4:1: error:")
    assert not (tmp_path / "bad.svg").exists()


def test_an_existing_output_survives_a_failed_render(tmp_path: Path) -> None:
    target = tmp_path / "nils.svg"
    target.write_text("previous diagram")
    assert run(NILS, "-o", target, "--intervention", "nobody")[0] == 2
    assert target.read_text() == "previous diagram"


@pytest.mark.parametrize(
    ("files", "output", "format", "expected"),
    [
        (["a/x.yaml"], None, None, ["a/x.svg"]),
        (["a/x.yaml"], None, "png", ["a/x.png"]),
        (["x.yaml"], "out.pdf", None, ["out.pdf"]),
        (["x.yaml"], "out", "png", ["out.png"]),
        (["x.yaml"], "-", None, ["-"]),
        (["x.yaml", "y.yaml"], "d", None, ["d/x.svg", "d/y.svg"]),
        (["x.yaml", "y.yaml"], "d/{stem}.mmd", None, ["d/x.mmd", "d/y.mmd"]),
        (["a/x.yaml"], "d/", "pdf", ["d/x.pdf"]),
    ],
)
def test_output_paths(
    files: list[str], output: str | None, format: str | None, expected: list[str]
) -> None:
    assert output_paths(files, output, format) == expected


@pytest.mark.parametrize(
    ("files", "output", "message"),
    [
        (["x.yaml", "y.yaml"], "-", "-o - writes one diagram to standard output"),
        (["x.yaml", "y.yaml"], "out.svg", "looks like a file, but there are 2 inputs"),
        (["a/x.yaml", "b/x.yaml"], "d", "two inputs have the same name"),
        (["a/x.yaml", "b/x.yaml"], "d/{stem}.svg", "gives the same output file for two inputs"),
    ],
)
def test_output_paths_errors(files: list[str], output: str, message: str) -> None:
    with pytest.raises(OptionError, match=message):
        output_paths(files, output, None)


def test_help_lists_every_option_with_an_example() -> None:
    result = CliRunner().invoke(main, ["render", "--help"])
    assert result.exit_code == 0
    for option in (
        "--output", "--format", "--color-by", "--theme", "--orientation", "--intervention",
        "--focus", "--no-legend", "--title", "--subtitle", "--common-label", "--wrap", "--dpi",
        "--engine", "--font",
    ):  # fmt: skip
        assert option in result.output
    assert "toc render examples/nils-2018/nils-2018.yaml -o nils.svg" in result.output


def test_output_where_no_folder_can_be_is_refused_cleanly(tmp_path: Path) -> None:
    # One output file goes where it is told; a missing folder is not created.
    target = tmp_path / "missing" / "x.svg"
    code, out, err = run(STARTER, "-o", target)
    assert (code, out) == (2, "")
    # Ours up to the reason; the reason is the operating system's words.
    assert err.startswith(f"error: cannot write {target}: ") and err.count("\n") == 1
    assert not (tmp_path / "missing").exists()
    # An output folder for several inputs is created, but not inside a file.
    blocker = tmp_path / "tag.yaml"
    blocker.write_text("x", "utf-8")
    other = tmp_path / "other.yaml"
    shutil.copy(STARTER, other)
    code, out, err = run(STARTER, other, "-o", f"{blocker}/sub/")
    assert code == 2
    assert "Traceback" not in out + err
    assert f"cannot create the folder {blocker}/sub: Not a directory" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.yaml", "tag.yaml"]


def test_font_that_would_break_the_svg_is_refused(tmp_path: Path) -> None:
    code, out, err = run(STARTER, "-o", tmp_path / "f.svg", "--font", 'Arial" ];evil="x')
    assert (code, out) == (2, "")
    assert err.startswith("error: font must be a font family name")
    assert list(tmp_path.iterdir()) == []


def test_format_that_contradicts_the_output_name_is_refused(tmp_path: Path) -> None:
    code, out, err = run(STARTER, "-o", tmp_path / "x.svg", "--format", "mmd")
    assert (code, out) == (2, "")
    assert err == (
        f"error: --format mmd does not match the output name '{tmp_path / 'x.svg'}': "
        "name it x.mmd, or leave out --format\n"
    )
    assert list(tmp_path.iterdir()) == []
