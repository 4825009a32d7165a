"""The command line: exact output and exit status of every command, hostile files included."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
from click.testing import CliRunner, Result

import toc
from toc.cli import main
from toc.cli.new import starter_text

ROOT = Path(__file__).resolve().parent.parent
TOC_SCRIPT = shutil.which("toc", path=os.path.dirname(sys.executable))

CLEAN = """\
format: 1
id: clean
title: Clean
stages: [activities, outcomes]
actors: [{id: team, name: Team}]
nodes:
  - {id: work, stage: activities, label: Work, actors: [team]}
  - {id: change, stage: outcomes, label: Change, indicators: [{id: i, name: I}]}
links: [{from: work, to: change}]
mechanisms: [{id: m, title: M, links: ["work->change"]}]
evidence: [{id: e, about: m, kind: interview}]
"""
"""A document with no findings at all."""

WARNING_ONLY = """\
format: 1
id: w
title: W
language: sv
nodes:
  - {id: money, stage: resources, label: Money}
"""

WITH_ERROR = """\
format: 1
id: e
title: E
nodes:
  - {id: team, stage: activities, label: Team}
  - {id: plan, stage: short, label: Plan}
  - {id: money, stage: resources, label: Money}
links:
  - {from: team, to: plan}
  - {from: plan, to: team}
"""

_BOMB_LINES = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
for _i in range(1, 9):
    _prev, _this = chr(96 + _i), chr(97 + _i)
    _BOMB_LINES.append(f"{_this}: &{_this} [" + ", ".join([f"*{_prev}"] * 9) + "]")

HOSTILE: dict[str, tuple[bytes, str]] = {
    # name: (content, the first line of the message after "FILE:")
    "tag": (
        b'format: 1\nid: !!python/object/apply:os.system ["echo pwned"]\ntitle: T\n',
        "2:5: error: YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed",
    ),
    "alias-bomb": (
        ("format: 1\nid: t\ntitle: T\nbomb:\n  " + "\n  ".join(_BOMB_LINES) + "\n").encode(),
        "8:18: error: the document expands to far more values than its text holds "
        "(aliases that repeat aliases, an 'alias bomb')",
    ),
    "duplicate-key": (
        b"format: 1\nid: t\ntitle: T\ntitle: U\n",
        "4:1: error: duplicate key 'title' in one mapping (first at line 3)",
    ),
    "not-utf8": (
        b"format: 1\nid: t\ntitle: Malm\xf6\n",
        "3:12: error: the file is not UTF-8 text (byte 0xf6 at offset 27)",
    ),
}


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False, env=env)


@pytest.fixture
def doc_file(tmp_path: Path) -> Callable[[str, str | bytes], Path]:
    def write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        if isinstance(content, str):
            content = content.encode("utf-8")
        path.write_bytes(content)
        return path

    return write


def _listing(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


def _line_of(text: str, needle: str) -> int:
    return text.splitlines().index(needle) + 1


# ------------------------------------------------------------------ version


def test_version() -> None:
    result = run("--version")
    assert (result.exit_code, result.stdout) == (0, f"toc, version {toc.__version__}\n")


def test_no_command_shows_usage() -> None:
    result = run()
    assert result.exit_code == 2
    assert "Usage: toc [OPTIONS] COMMAND [ARGS]..." in result.output


# --------------------------------------------------------------------- help


def _commands() -> list[str]:
    return sorted(main.commands)


@pytest.mark.parametrize("args", [[], *[[name] for name in sorted(main.commands)]])
def test_every_help_has_an_example(args: list[str]) -> None:
    result = run(*args, "--help")
    assert result.exit_code == 0
    assert "Example" in result.stdout
    assert run(*args, "-h").stdout == result.stdout


def _gen_cli() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_cli", ROOT / "docs" / "gen_cli.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_cli_reference_is_current() -> None:
    expected = _gen_cli().render()
    actual = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert actual == expected, "docs/cli.md is out of date: run `python docs/gen_cli.py`"


@pytest.mark.parametrize("args", [[], *[[name] for name in sorted(main.commands)]])
def test_cli_reference_shows_what_help_prints(args: list[str]) -> None:
    result = CliRunner().invoke(main, [*args, "--help"], terminal_width=100)
    reference = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    title = " ".join(["toc", *args])
    assert f"## {title}\n\n```text\n{result.stdout}```\n" in reference


# ---------------------------------------------------------------------- new


@pytest.mark.parametrize("language", ["sv", "en"])
def test_new_writes_a_starter_that_checks_with_exit_0(tmp_path: Path, language: str) -> None:
    target = tmp_path / "theory.yaml"
    result = run("new", "--language", language, str(target))
    assert result.exit_code == 0
    assert result.stdout == f"wrote {target}; next: toc check {target}\n"
    assert result.stderr == ""
    text = target.read_text(encoding="utf-8")
    assert text == starter_text(language)
    assert _listing(tmp_path) == ["theory.yaml"]

    checked = run("check", str(target))
    line = _line_of(
        text,
        "  - {from: closer-to-work, to: self-support}"
        if language == "en"
        else "  - {from: narmare-arbete, to: egen-forsorjning}",
    )
    if language == "en":
        expected = (
            f"{target}\n"
            f"  {f'{line}:5':>7}  info     TOC006  "
            "no mechanism explains link 'closer-to-work->self-support'\n"
            "                            hint: list the link under a mechanism's `links` "
            "if its working is to be tested\n"
            "  0 errors, 0 warnings, 1 info\n"
        )
    else:
        expected = (
            f"{target}\n"
            f"  {f'{line}:5':>7}  info     TOC006  "
            "ingen mekanism förklarar länken 'narmare-arbete->egen-forsorjning'\n"
            "                            tips: ange länken under en mekanisms `links` "
            "om den ska prövas\n"
            "  0 fel, 0 varningar, 1 info\n"
        )
    assert (checked.exit_code, checked.stdout, checked.stderr) == (0, expected, "")
    assert run("check", "--strict", str(target)).exit_code == 0


def test_new_defaults_to_english_and_quotes_the_next_command(tmp_path: Path) -> None:
    target = tmp_path / "my theory.yaml"
    result = run("new", str(target))
    assert result.stdout == f"wrote {target}; next: toc check '{target}'\n"
    assert toc.load(target).language == "en"


def test_new_to_standard_output(tmp_path: Path) -> None:
    result = run("new", "--language", "sv", "-")
    assert (result.exit_code, result.stdout) == (0, starter_text("sv"))


def test_new_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "theory.yaml"
    target.write_text("mine\n", encoding="utf-8")
    result = run("new", str(target))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert (
        result.stderr == f"error: {target} exists already: choose another name, or pass --force\n"
    )
    assert target.read_text(encoding="utf-8") == "mine\n"
    assert _listing(tmp_path) == ["theory.yaml"]

    forced = run("new", "--force", str(target))
    assert forced.exit_code == 0
    assert target.read_text(encoding="utf-8") == starter_text("en")
    assert _listing(tmp_path) == ["theory.yaml"]


def test_new_into_a_missing_folder_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "theory.yaml"
    result = run("new", str(target))
    assert result.exit_code == 2
    # Ours up to the reason; the reason is the operating system's words.
    assert result.stderr.startswith(f"error: cannot write {target}: ")
    assert _listing(tmp_path) == []


def test_new_over_a_folder_with_force_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "folder").mkdir()
    result = run("new", "--force", str(tmp_path / "folder"))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: cannot write {tmp_path / 'folder'}: ")
    assert _listing(tmp_path) == ["folder"]
    assert _listing(tmp_path / "folder") == []


def test_new_unknown_language_is_a_usage_error(tmp_path: Path) -> None:
    result = run("new", "--language", "de", str(tmp_path / "x.yaml"))
    assert result.exit_code == 2
    # click words usage errors; ours is that the option and the value are named.
    assert "'--language'" in result.stderr and "'de'" in result.stderr
    assert _listing(tmp_path) == []


# -------------------------------------------------------------------- check


def test_check_clean_document(doc_file: Callable[..., Path]) -> None:
    path = doc_file("clean.yaml", CLEAN)
    result = run("check", str(path))
    assert (result.exit_code, result.stdout, result.stderr) == (
        0,
        f"{path}\n  no findings\n",
        "",
    )


def test_check_warnings_exit_0_unless_strict(doc_file: Callable[..., Path]) -> None:
    path = doc_file("w.yaml", WARNING_ONLY)
    result = run("check", str(path))
    assert result.exit_code == 0
    assert result.stdout == (
        f"{path}\n"
        "      6:5  varning  TOC003  resursen 'money' leder ingenstans: ingen länk utgår från den\n"
        "                            tips: lägg till en länk till det den leder till, "
        "eller ta bort den\n"
        "  0 fel, 1 varning, 0 info\n"
    )
    assert run("check", "--strict", str(path)).exit_code == 1


def test_check_errors_exit_1_sorted_by_severity(doc_file: Callable[..., Path]) -> None:
    path = doc_file("e.yaml", WITH_ERROR)
    result = run("check", str(path))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == str(path)
    assert lines[1] == (
        "     10:5  error    TOC001  "
        "link 'plan->team' runs backwards, from stage 'short' to the earlier 'activities'"
    )
    severities = [line.split()[1] for line in lines[1:-1] if not line.startswith(" " * 28)]
    assert severities == sorted(severities, key=["error", "warning", "info"].index)
    assert lines[-1] == "  1 error, 1 warning, 3 info"


def test_check_min_severity_hides_but_counts(doc_file: Callable[..., Path]) -> None:
    path = doc_file("e.yaml", WITH_ERROR)
    result = run("check", "--min-severity", "error", str(path))
    assert result.exit_code == 1
    assert result.stdout.splitlines()[1:] == [
        "     10:5  error    TOC001  "
        "link 'plan->team' runs backwards, from stage 'short' to the earlier 'activities'",
        "                            hint: mark a deliberate loop with `feedback: true`, "
        "or reverse the link",
        "  1 error, 1 warning, 3 info",
    ]


def test_check_json(doc_file: Callable[..., Path]) -> None:
    path = doc_file("w.yaml", WARNING_ONLY)
    result = run("check", "--format", "json", str(path))
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {
        "files": [
            {
                "file": str(path),
                "valid": True,
                "language": "sv",
                "problems": [],
                "findings": [
                    {
                        "code": "TOC003",
                        "name": "leads-nowhere",
                        "severity": "warning",
                        "message": "resursen 'money' leder ingenstans: ingen länk utgår från den",
                        "hint": "lägg till en länk till det den leder till, eller ta bort den",
                        "ids": ["money"],
                        "path": ["nodes", 0],
                        "file": str(path),
                        "line": 6,
                        "column": 5,
                    }
                ],
                "summary": {"error": 0, "warning": 1, "info": 0},
            }
        ]
    }
    strict = run("check", "--format", "json", "--strict", str(path))
    assert strict.exit_code == 1
    hidden = run("check", "--format", "json", "--min-severity", "error", str(path))
    assert json.loads(hidden.stdout)["files"][0]["findings"] == []
    assert json.loads(hidden.stdout)["files"][0]["summary"]["warning"] == 1


def test_check_json_invalid_file(doc_file: Callable[..., Path]) -> None:
    path = doc_file("dup.yaml", HOSTILE["duplicate-key"][0])
    result = run("check", "--format", "json", str(path))
    assert result.exit_code == 2
    assert result.stderr == ""
    assert json.loads(result.stdout) == {
        "files": [
            {
                "file": str(path),
                "valid": False,
                "language": None,
                "problems": [
                    {
                        "message": "duplicate key 'title' in one mapping (first at line 3)",
                        "hint": "a key may appear only once per mapping; "
                        "merge the two or rename one",
                        "file": str(path),
                        "line": 4,
                        "column": 1,
                        "path": [],
                    }
                ],
                "findings": [],
                "summary": {"error": 0, "warning": 0, "info": 0},
            }
        ]
    }


def test_check_several_files_invalid_wins(doc_file: Callable[..., Path]) -> None:
    good = doc_file("e.yaml", WITH_ERROR)
    bad = doc_file("missing-ref.yaml", CLEAN.replace("actors: [team]", "actors: [taem]"))
    result = run("check", str(good), str(bad))
    assert result.exit_code == 2
    assert result.stdout.startswith(f"{good}\n")
    assert result.stderr == (
        f"{bad}:7:57: error: nodes[0].actors[0]: unknown actor 'taem'\n"
        "  hint: did you mean 'team'?\n"
    )


def test_check_missing_file(tmp_path: Path) -> None:
    result = run("check", str(tmp_path / "nope.yaml"))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"{tmp_path / 'nope.yaml'}: error: no such file\n  hint: check the path and the file name\n"
    )


def test_check_needs_a_file() -> None:
    result = run("check")
    assert result.exit_code == 2
    assert "FILES" in result.stderr


def test_check_prints_user_text_literally(tmp_path: Path) -> None:
    folder = tmp_path / "[bold]x :smile:"
    folder.mkdir()
    good = folder / "w.yaml"
    good.write_text(WARNING_ONLY, encoding="utf-8")
    bad = folder / "bad.yaml"
    bad.write_text(CLEAN.replace("label: Change,", "'[red]boom[/red]': 1, label: Change,"), "utf-8")
    for env in ({}, {"FORCE_COLOR": "1", "TERM": "xterm-256color"}):
        result = run("check", str(good), str(bad), env=env)
        assert result.exit_code == 2
        assert f"{good}" in result.stdout
        assert "nodes[1]: unknown key '[red]boom[/red]'" in result.stderr
        assert f"{bad}:8:" in result.stderr
    coloured = run("check", str(good), env={"FORCE_COLOR": "1", "TERM": "xterm-256color"})
    assert "\x1b[" in coloured.stdout
    assert "[bold]x :smile:" in coloured.stdout


# ----------------------------------------------------------------- hostile


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_file_check_exit_2_located(
    name: str, doc_file: Callable[..., Path], tmp_path: Path
) -> None:
    content, message = HOSTILE[name]
    path = doc_file(f"{name}.yaml", content)
    result = run("check", str(path))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines()[0] == f"{path}:{message}"
    assert result.stderr.splitlines()[1].startswith("  hint: ")
    assert "Traceback" not in result.output


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_file_convert_writes_nothing(
    name: str, doc_file: Callable[..., Path], tmp_path: Path
) -> None:
    content, message = HOSTILE[name]
    path = doc_file(f"{name}.yaml", content)
    before = _listing(tmp_path)
    for target in ("out.json", "out.yaml"):
        result = run("convert", str(path), str(tmp_path / target))
        assert result.exit_code == 2
        assert result.stdout == ""
        assert result.stderr.splitlines()[0] == f"{path}:{message}"
        assert "Traceback" not in result.output
        assert _listing(tmp_path) == before


def test_bom_loads_fine(doc_file: Callable[..., Path], tmp_path: Path) -> None:
    path = doc_file("bom.yaml", b"\xef\xbb\xbf" + CLEAN.encode())
    result = run("check", str(path))
    assert (result.exit_code, result.stdout) == (0, f"{path}\n  no findings\n")
    converted = run("convert", str(path), str(tmp_path / "out.json"))
    assert converted.exit_code == 0
    assert not (tmp_path / "out.json").read_bytes().startswith(b"\xef\xbb\xbf")


@pytest.fixture(scope="module")
def oversized(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("big") / "big.yaml"
    with path.open("wb") as handle:
        handle.write(b"format: 1\nid: big\ntitle: Big\ndescription: |\n")
        handle.write((b"  " + b"x" * 1022 + b"\n") * (16 * 1024 + 1))
    return path


def test_oversized_file_check_and_convert(oversized: Path) -> None:
    size = oversized.stat().st_size
    assert size > 16 * 1024 * 1024
    # The size is known before a byte is read, so the position, if any, is 1:1.
    expected = re.compile(
        re.escape(str(oversized))
        + r"(:1:1)?: error: "
        + re.escape(f"the file is {size:,} bytes, more than the limit of 16,777,216\n")
    )
    result = run("check", str(oversized))
    assert result.exit_code == 2
    assert expected.match(result.stderr), result.stderr
    before = _listing(oversized.parent)
    converted = run("convert", str(oversized), str(oversized.parent / "out.json"))
    assert converted.exit_code == 2
    assert expected.match(converted.stderr), converted.stderr
    assert _listing(oversized.parent) == before
    assert "Traceback" not in result.output + converted.output


# ------------------------------------------------------------------ convert


def test_convert_yaml_to_json_and_back(doc_file: Callable[..., Path], tmp_path: Path) -> None:
    source = doc_file("clean.yaml", CLEAN)
    result = run("convert", str(source), str(tmp_path / "clean.json"))
    assert (result.exit_code, result.stdout) == (0, f"wrote {tmp_path / 'clean.json'} (JSON)\n")
    doc = toc.load(source)
    assert (tmp_path / "clean.json").read_text(encoding="utf-8") == toc.dumps(doc, "json")

    back = run("convert", str(tmp_path / "clean.json"), str(tmp_path / "again.yml"))
    assert (back.exit_code, back.stdout) == (0, f"wrote {tmp_path / 'again.yml'} (YAML)\n")
    assert (tmp_path / "again.yml").read_text(encoding="utf-8") == toc.dumps(doc, "yaml")
    assert _listing(tmp_path) == ["again.yml", "clean.json", "clean.yaml"]


def test_convert_to_standard_output(doc_file: Callable[..., Path]) -> None:
    source = doc_file("clean.yaml", CLEAN)
    doc = toc.load(source)
    assert run("convert", str(source), "-").stdout == toc.dumps(doc, "yaml")
    assert run("convert", "--to", "json", str(source), "-").stdout == toc.dumps(doc, "json")


def test_convert_refuses_its_own_input(doc_file: Callable[..., Path], tmp_path: Path) -> None:
    source = doc_file("clean.yaml", "# my comment\n" + CLEAN)
    before = source.read_bytes()
    for target in (str(source), str(tmp_path / "." / "clean.yaml")):
        result = run("convert", str(source), target)
        assert result.exit_code == 2
        assert result.stderr == (
            f"error: the output {target} is the input document {source} itself: writing it "
            "would replace the document; write to another file\n"
        )
    assert source.read_bytes() == before
    assert _listing(tmp_path) == ["clean.yaml"]


def test_convert_needs_a_known_suffix_or_to(doc_file: Callable[..., Path], tmp_path: Path) -> None:
    source = doc_file("clean.yaml", CLEAN)
    result = run("convert", str(source), str(tmp_path / "out.txt"))
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: cannot tell the output format from the name {str(tmp_path / 'out.txt')!r}: "
        "end it in .yaml, .yml or .json, or pass --to yaml|json\n"
    )
    assert _listing(tmp_path) == ["clean.yaml"]
    ok = run("convert", "--to", "json", str(source), str(tmp_path / "out.txt"))
    assert ok.exit_code == 0
    assert json.loads((tmp_path / "out.txt").read_text(encoding="utf-8"))["id"] == "clean"


def test_convert_invalid_input_keeps_the_old_target(
    doc_file: Callable[..., Path], tmp_path: Path
) -> None:
    source = doc_file("bad.yaml", CLEAN.replace("actors: [team]", "actors: [taem]"))
    target = doc_file("out.json", '{"old": true}\n')
    result = run("convert", str(source), str(target))
    assert result.exit_code == 2
    assert result.stderr == (
        f"{source}:7:57: error: nodes[0].actors[0]: unknown actor 'taem'\n"
        "  hint: did you mean 'team'?\n"
    )
    assert target.read_text(encoding="utf-8") == '{"old": true}\n'
    assert _listing(tmp_path) == ["bad.yaml", "out.json"]


def test_convert_into_a_missing_folder(doc_file: Callable[..., Path], tmp_path: Path) -> None:
    source = doc_file("clean.yaml", CLEAN)
    target = tmp_path / "missing" / "out.json"
    result = run("convert", str(source), str(target))
    assert result.exit_code == 2
    # Ours up to the reason; the reason is the operating system's words.
    assert result.stderr.startswith(f"error: cannot write {target}: ")
    assert _listing(tmp_path) == ["clean.yaml"]


# ------------------------------------------------------------------- schema


def test_schema_prints_the_committed_schema() -> None:
    result = run("schema")
    assert result.exit_code == 0
    assert result.stdout == (ROOT / "docs" / "schema.json").read_text(encoding="utf-8")


# ------------------------------------------------ the installed console script

needs_script = pytest.mark.skipif(TOC_SCRIPT is None, reason="the `toc` script is not installed")


def _script(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    assert TOC_SCRIPT is not None
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    return subprocess.run(
        [TOC_SCRIPT, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
    )


@needs_script
def test_script_version_new_and_check(tmp_path: Path) -> None:
    version = _script("--version", cwd=tmp_path)
    assert (version.returncode, version.stdout) == (0, f"toc, version {toc.__version__}\n")
    for language in ("sv", "en"):
        made = _script("new", "--language", language, f"{language}.yaml", cwd=tmp_path)
        assert (made.returncode, made.stdout) == (
            0,
            f"wrote {language}.yaml; next: toc check {language}.yaml\n",
        )
    checked = _script("check", "--strict", "sv.yaml", "en.yaml", cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.startswith("sv.yaml\n")
    assert "\nen.yaml\n" in checked.stdout
    assert checked.stdout.endswith("  0 errors, 0 warnings, 1 info\n")
    assert "\x1b[" not in checked.stdout  # no colour into a pipe
    assert _listing(tmp_path) == ["en.yaml", "sv.yaml"]


@needs_script
def test_script_hostile_files(tmp_path: Path) -> None:
    names = sorted(HOSTILE)
    for name in names:
        (tmp_path / f"{name}.yaml").write_bytes(HOSTILE[name][0])
    before = _listing(tmp_path)
    checked = _script("check", *[f"{name}.yaml" for name in names], cwd=tmp_path)
    assert (checked.returncode, checked.stdout) == (2, "")
    firsts = [line for line in checked.stderr.splitlines() if not line.startswith("  hint: ")]
    assert firsts == [f"{name}.yaml:{HOSTILE[name][1]}" for name in names]
    results = [checked]
    for name in ("tag", "alias-bomb"):
        converted = _script("convert", f"{name}.yaml", "out.json", cwd=tmp_path)
        assert (converted.returncode, converted.stdout) == (2, "")
        assert converted.stderr.splitlines()[0] == f"{name}.yaml:{HOSTILE[name][1]}"
        results.append(converted)
    assert all("Traceback" not in result.stderr for result in results)
    assert _listing(tmp_path) == before


@needs_script
def test_script_oversized_file(oversized: Path) -> None:
    before = _listing(oversized.parent)
    result = _script("convert", "big.yaml", "out.yaml", cwd=oversized.parent)
    assert result.returncode == 2
    assert re.match(r"big\.yaml(:1:1)?: error: the file is ", result.stderr), result.stderr
    assert "Traceback" not in result.stderr
    assert _listing(oversized.parent) == before


@needs_script
def test_script_schema_and_convert(tmp_path: Path) -> None:
    schema = _script("schema", cwd=tmp_path)
    assert schema.returncode == 0
    assert schema.stdout == (ROOT / "docs" / "schema.json").read_text(encoding="utf-8")
    (tmp_path / "clean.yaml").write_text(CLEAN, encoding="utf-8")
    converted = _script("convert", "clean.yaml", "clean.json", cwd=tmp_path)
    assert (converted.returncode, converted.stdout) == (0, "wrote clean.json (JSON)\n")
    assert toc.load(tmp_path / "clean.json") == toc.load(tmp_path / "clean.yaml")
