"""``-`` reads the document from standard input, in every command that reads one.

What a command prints for standard input is exactly what it prints for the
same text in a file, with ``<stdin>`` where the file's name was; the size
limit is the file limit, and standard input is never read past it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from toc.cli import main
from toc.files import MAX_BYTES

ROOT = Path(__file__).resolve().parent.parent
STARTER = ROOT / "examples" / "starter-en" / "starter-en.yaml"
NILS = ROOT / "examples" / "nils-2018" / "nils-2018.yaml"

BROKEN_YAML = "format: 1\nid: x\ntitle: [\n"
BROKEN_JSON = '{"format": 1, "id": "x",}\n'
INVALID = "format: 1\nid: x\ntitle: X\nnodes:\n  - {id: a, stage: nowhere, label: A}\n"


def run(*args: str | Path, input: str | bytes | None = None) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args], input=input)


def same_as_file(file: Path, *args: str, where: int = 0) -> tuple[Result, Result]:
    """The command run on ``file`` and on its text through standard input."""
    argv = list(args)
    by_file = run(*argv[:where], file, *argv[where:])
    by_stdin = run(*argv[:where], "-", *argv[where:], input=file.read_bytes())
    return by_file, by_stdin


def _named(text: str, file: Path) -> str:
    return text.replace(str(file), "<stdin>")


@pytest.mark.parametrize(
    "args",
    [
        ["check"],
        ["check", "--format", "json"],
        ["judge"],
        ["judge", "--format", "md"],
        ["judge", "--format", "json"],
    ],
)
def test_reading_standard_input_prints_what_the_file_prints(
    args: list[str], tmp_path: Path
) -> None:
    copy = tmp_path / "starter.yaml"
    copy.write_bytes(STARTER.read_bytes())
    by_file, by_stdin = same_as_file(copy, *args, where=len(args))
    assert by_stdin.exit_code == by_file.exit_code == 0
    assert by_stdin.stdout == _named(by_file.stdout, copy)
    assert by_stdin.stderr == by_file.stderr == ""


@pytest.mark.parametrize(
    ("name", "text"),
    [("broken.yaml", BROKEN_YAML), ("broken.json", BROKEN_JSON), ("invalid.yaml", INVALID)],
)
@pytest.mark.parametrize("command", ["check", "judge", "convert", "render", "report", "export"])
def test_bad_input_is_located_at_stdin(name: str, text: str, command: str, tmp_path: Path) -> None:
    file = tmp_path / name
    file.write_text(text, encoding="utf-8")
    out = {
        "convert": [str(tmp_path / "out.yaml")],
        "render": ["-o", str(tmp_path / "out.svg")],
        "report": ["-o", str(tmp_path / "out.html")],
        "export": ["-o", str(tmp_path / "out.graphml")],
    }.get(command, [])
    by_file, by_stdin = same_as_file(file, command, *out, where=1)
    assert by_stdin.exit_code == by_file.exit_code == 2
    assert by_stdin.stderr == _named(by_file.stderr, file)
    assert by_stdin.stderr.startswith("<stdin>:")
    assert by_stdin.stdout == by_file.stdout == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_an_empty_standard_input_is_an_empty_document() -> None:
    result = run("check", "-", input="")
    assert result.exit_code == 2
    assert result.stderr == (
        "<stdin>: error: the document is empty\n"
        "  hint: start with `format: 1`, an `id` and a `title`; `toc new` writes a starter\n"
    )


def test_standard_input_has_the_file_size_limit() -> None:
    text = STARTER.read_bytes()
    at_limit = text + b"#" * (MAX_BYTES - len(text))
    assert len(at_limit) == MAX_BYTES
    assert run("check", "-", input=at_limit).exit_code == 0
    over = run("check", "-", input=at_limit + b" ")
    assert over.exit_code == 2
    assert over.stdout == ""
    assert over.stderr == (
        "<stdin>: error: standard input is more than the limit of 16,777,216 bytes\n"
        "  hint: split the document into smaller ones\n"
    )


def test_standard_input_is_read_once() -> None:
    result = run("check", "-", str(STARTER), "-", input=STARTER.read_bytes())
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == "error: '-' (standard input) can be read only once; name it once\n"


def test_check_reads_files_and_standard_input_together(tmp_path: Path) -> None:
    result = run("check", str(STARTER), "-", input=BROKEN_YAML)
    assert result.exit_code == 2
    assert result.stdout.startswith(f"{STARTER}\n")
    assert result.stderr.startswith("<stdin>:4:1: error: ")


def test_json_on_standard_input_is_read_as_json(tmp_path: Path) -> None:
    converted = run("convert", "--to", "json", str(STARTER), "-").stdout
    result = run("convert", "-", str(tmp_path / "back.yaml"), input=converted)
    assert (result.exit_code, result.stdout) == (0, f"wrote {tmp_path / 'back.yaml'} (YAML)\n")
    assert (tmp_path / "back.yaml").read_text("utf-8") == run("convert", str(STARTER), "-").stdout
    # A JSON-only mistake gets JSON's own message, as for a .json file.
    file = tmp_path / "x.json"
    file.write_text(BROKEN_JSON, encoding="utf-8")
    assert run("check", "-", input=BROKEN_JSON).stderr == _named(run("check", file).stderr, file)


def test_convert_from_standard_input(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    result = run("convert", "-", target, input=STARTER.read_bytes())
    assert (result.exit_code, result.stdout, result.stderr) == (0, f"wrote {target} (JSON)\n", "")
    assert target.read_text("utf-8") == run("convert", "--to", "json", str(STARTER), "-").stdout
    piped = run("convert", "-", "-", input=STARTER.read_bytes())
    assert piped.stdout == run("convert", str(STARTER), "-").stdout


def test_render_from_standard_input(tmp_path: Path) -> None:
    for fmt in ("svg", "dot", "mmd"):
        by_file = tmp_path / f"file.{fmt}"
        by_stdin = tmp_path / f"stdin.{fmt}"
        assert run("render", STARTER, "-o", by_file).exit_code == 0
        result = run("render", "-", "-o", by_stdin, input=STARTER.read_bytes())
        assert (result.exit_code, result.stdout) == (0, f"wrote {by_stdin}\n")
        assert by_stdin.read_bytes() == by_file.read_bytes()
    piped = run("render", "-", "-o", "-", "--format", "dot", input=STARTER.read_bytes())
    assert piped.stdout == (tmp_path / "file.dot").read_text("utf-8")


@pytest.mark.parametrize("args", [["-"], ["-", str(STARTER), "-o", "out/"]])
def test_render_needs_an_output_for_standard_input(args: list[str], tmp_path: Path) -> None:
    result = run("render", *args, input=STARTER.read_bytes())
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "error: '-' (standard input) must be the only FILE, with -o naming the output "
        "(a file, or - for standard output)\n"
    )


def test_report_from_standard_input(tmp_path: Path) -> None:
    by_file, by_stdin = tmp_path / "file.html", tmp_path / "stdin.html"
    assert run("report", STARTER, "-o", by_file).exit_code == 0
    result = run("report", "-", "-o", by_stdin, input=STARTER.read_bytes())
    assert (result.exit_code, result.stdout) == (0, f"wrote {by_stdin}\n")
    assert by_stdin.read_bytes() == by_file.read_bytes()


def test_export_from_standard_input(tmp_path: Path) -> None:
    by_file, by_stdin = tmp_path / "file.graphml", tmp_path / "stdin.graphml"
    assert run("export", STARTER, "-o", by_file).exit_code == 0
    result = run("export", "-", "-o", by_stdin, input=STARTER.read_bytes())
    assert (result.exit_code, result.stdout) == (0, f"wrote {by_stdin} (graphml)\n")
    assert by_stdin.read_bytes() == by_file.read_bytes()
