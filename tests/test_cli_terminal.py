"""The terminal boundary: input → exact output for hostile text, and every command uses it.

Documents loaded from files have their control characters refused or replaced
by the loader; documents built or changed in Python, error messages that
quote input, and file names can still carry them. Here a document is changed
after loading and handed to the commands, so these tests hold whatever the
loader does.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from rich.text import Text

import toc

# Imported before any test patches toc.files.load: these bind it when first imported.
import toc.changes
import toc.files
import toc.serve.live
import toc.synthesis.analysis
from toc.cli import main
from toc.cli.terminal import terminal_json, terminal_styled, terminal_text

OSC52 = "\x1b]52;c;SGk=\x07"  # write "Hi" to the clipboard
OSC8 = "\x1b]8;;http://evil.example\x1b\\click\x1b]8;;\x1b\\"  # a hidden link
CLEAR = "\x1b[2J\x1b[H"  # clear the screen, cursor home
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain åäö ÅÄÖ", "plain åäö ÅÄÖ"),
        (OSC52, "␛]52;c;SGk=␇"),
        (OSC8, "␛]8;;http://evil.example␛\\click␛]8;;␛\\"),
        (CLEAR, "␛[2J␛[H"),
        ("\x1b[31mred\x1b[0m", "␛[31mred␛[0m"),
        ("safe\rEVIL", "safe␍EVIL"),
        ("abc\x08\x08\x08xyz", "abc␈␈␈xyz"),
        ("bell\x07", "bell␇"),
        ("nul\x00 del\x7f", "nul␀ del␡"),
        ("\x01\x1f", "␁␟"),
        ("C1 CSI \x9b2J OSC \x9d52;c;x\x9c", "C1 CSI \ufffd2J OSC \ufffd52;c;x\ufffd"),
        ("next line \x85 \x80 \x9f", "next line \ufffd \ufffd \ufffd"),
        ("tab\tand\nnewline", "tab\tand\nnewline"),
        ("crlf\r\n", "crlf␍\n"),
        ("nbsp\xa0 é \u2028 🚀", "nbsp\xa0 é \u2028 🚀"),
        ("[bold]markup[/bold] :smile: %s {0}", "[bold]markup[/bold] :smile: %s {0}"),
        ("", ""),
    ],
)
def test_terminal_text(text: str, expected: str) -> None:
    assert terminal_text(text) == expected
    assert len(terminal_text(text)) == len(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"a": "plain"}', '{"a": "plain"}'),
        ('{"a": "x\x9by"}', '{"a": "x\\u009by"}'),
        ('{"a": "\x7f\x80\x9f"}', '{"a": "\\u007f\\u0080\\u009f"}'),
        ('{"a": "\\u001b]52"}', '{"a": "\\u001b]52"}'),
        ('{"a": "åäö \xa0"}', '{"a": "åäö \xa0"}'),
    ],
)
def test_terminal_json(text: str, expected: str) -> None:
    assert terminal_json(text) == expected
    assert json.loads(terminal_json(text)) == json.loads(text)


def test_json_dumps_then_terminal_json_leaves_no_raw_control() -> None:
    data = {"all": "".join(map(chr, range(0xA0)))}
    text = terminal_json(json.dumps(data, ensure_ascii=False))
    assert RAW.search(text) is None
    assert json.loads(text) == data


def test_terminal_styled_keeps_styles_in_place() -> None:
    text = Text("a\x1bb ")
    text.append("c\x9bd", style="bold")
    safe = terminal_styled(text)
    assert safe.plain == "a␛b c\ufffdd"
    assert [(s.start, s.end, str(s.style)) for s in safe.spans] == [(4, 7, "bold")]


# ----------------------------------------------------------------- commands


@pytest.fixture
def hostile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A document file whose loaded document then gets control characters in its text."""
    path = tmp_path / "t.yaml"
    path.write_text(
        "format: 1\nid: t\ntitle: T\nlanguage: en\n"
        "nodes:\n  - {id: a, stage: resources, label: Money}\n"
        "  - {id: b, stage: short, label: Change}\n"
        'links: [{from: a, to: b}]\nmechanisms: [{id: m, title: M, links: ["a->b"]}]\n'
        "judgements: [{about: m, verdict: held, rationale: R}]\n",
        encoding="utf-8",
    )
    doc = toc.load(path)
    doc.title = f"T {OSC52} \x9b2J"
    doc.mechanisms[0].title = f"M {OSC8}"
    doc.nodes[1].label = f"Change{CLEAR}"
    assert doc.judgements[0].rationale is not None
    doc.judgements[0].rationale = "R\rhidden\x7f"

    def load(*args: object, **kwargs: object) -> toc.Document:
        return doc

    monkeypatch.setattr(toc.files, "load", load)
    monkeypatch.setattr(toc, "load", load)
    return path


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(main, list(args), env=env)


def test_judge_shows_control_characters_never_sends_them(hostile: Path) -> None:
    result = run("judge", str(hostile))
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "Judgement: T ␛]52;c;SGk=␇ \ufffd2J (t)"
    assert "M1 M ␛]8;;http://evil.example␛\\click␛]8;;␛\\ (m)" in result.stdout
    assert RAW.search(result.stdout) is None


def test_judge_markdown_sends_no_control_character(hostile: Path) -> None:
    # What Markdown shows for a control character is the Markdown writer's rule
    # (tests of toc.report.markdown); the terminal only must never receive one.
    result = run("judge", "--format", "md", str(hostile))
    assert result.exit_code == 0
    assert result.stdout.startswith("# Judgement: T ")
    assert "52;c;SGk=" in result.stdout.splitlines()[0]
    assert RAW.search(result.stdout) is None


def test_judge_json_escapes_every_control_character(hostile: Path) -> None:
    result = run("judge", "--format", "json", str(hostile))
    assert result.exit_code == 0
    assert RAW.search(result.stdout) is None
    data = json.loads(result.stdout)
    assert data["names"]["m"] == f"M {OSC8}"
    assert '"rationale": "R\\rhidden\\u007f"' in result.stdout


def test_convert_to_standard_output_escapes_every_control_character(hostile: Path) -> None:
    for fmt in ("json", "yaml"):
        result = run("convert", "--to", fmt, str(hostile), "-")
        assert result.exit_code == 0, result.output
        assert RAW.search(result.stdout.replace("\n", "")) is None, fmt
    assert (
        '"rationale": "R\\rhidden\\u007f"'
        in run("convert", "--to", "json", str(hostile), "-").stdout
    )


def test_check_shows_a_hostile_file_name_not_acts_on_it(tmp_path: Path) -> None:
    name = tmp_path / f"x{OSC52}\x9b\r.yaml"
    name.write_text("format: 1\nid: w\ntitle: W\nlanguage: en\n", encoding="utf-8")
    shown = str(tmp_path / "x␛]52;c;SGk=␇\ufffd␍.yaml")
    plain = run("check", str(name))
    assert plain.stdout == f"{shown}\n  no findings\n"
    styled = run("check", str(name), env={"FORCE_COLOR": "1", "TERM": "xterm-256color"})
    assert styled.stdout == f"\x1b[1m{shown}\x1b[0m\n  no findings\n"
    result = run("check", "--format", "json", str(name))
    assert RAW.search(result.stdout) is None
    assert json.loads(result.stdout)["files"][0]["file"] == str(name)


def test_a_hostile_name_in_an_error_is_shown_not_acted_on(tmp_path: Path) -> None:
    name = tmp_path / f"x{OSC52}\x9b.yaml"
    shown = str(tmp_path / "x␛]52;c;SGk=␇\ufffd.yaml")
    for command in ("check", "judge", "convert"):
        args = [command, str(name)] + (["-"] if command == "convert" else [])
        result = run(*args)
        assert result.exit_code == 2
        assert result.stderr.splitlines()[0] == f"{shown}: error: no such file", command


# ------------------------------------------- every command's messages and names

STYLED = {"FORCE_COLOR": "1", "TERM": "xterm-256color"}
HOSTILE_NAME = f"x{OSC52}\x9b"
SHOWN_NAME = "x␛]52;c;SGk=␇\ufffd"
GOOD = "format: 1\nid: g\ntitle: G\nlanguage: en\nnodes: [{id: a, stage: short, label: A}]\n"


@pytest.mark.parametrize(
    ("command", "location"),
    [
        (["render", "{bad}", "-o", "{tmp}/out.svg"], ".yaml:5:1: error: invalid YAML"),
        (["render", "{bad}", "{good}", "-o", "{tmp}/many/"], ".yaml:5:1: error: invalid YAML"),
        (["synthesise", "{bad}", "{good}", "-o", "{tmp}/s.json"], ".yaml:5:1: error: invalid YAML"),
        (["report", "{bad}", "-o", "{tmp}/r.html"], ".yaml:5:1: error: invalid YAML"),
        (["export", "{bad}", "-o", "{tmp}/e.xlsx"], ".yaml:5:1: error: invalid YAML"),
        (["judge", "{bad}"], ".yaml:5:1: error: invalid YAML"),
        (["diff", "{bad}", "{good}"], ".yaml:5:1: error: invalid YAML"),
        (["import", "{tmp}/" + HOSTILE_NAME + ".xlsx", "-o", "{tmp}/i.yaml"], ".xlsx: error: "),
    ],
    ids=["render", "render-many", "synthesise", "report", "export", "judge", "diff", "import"],
)
def test_every_command_shows_a_hostile_name_in_its_errors(
    tmp_path: Path, command: list[str], location: str
) -> None:
    # Documents read from files refuse control characters, so a message can carry one
    # only in the file name it quotes (or in text quoted from an option).
    bad = tmp_path / f"{HOSTILE_NAME}.yaml"
    bad.write_text("format: 1\nid: w\nlanguage: en\ntitle: [unclosed\n", encoding="utf-8")
    good = tmp_path / "good.yaml"
    good.write_text(GOOD, encoding="utf-8")
    args = [a.format(bad=bad, good=good, tmp=tmp_path) for a in command]
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert RAW.search(result.stdout + result.stderr.replace("\n", "")) is None
    shown = f"{tmp_path}/{SHOWN_NAME}"
    assert f"{shown}{location}" in result.stderr, result.stderr


@pytest.mark.parametrize(
    ("command", "said"),
    [
        (["render", "{good}", "-o", "{out}.svg"], "wrote {shown}.svg\n"),
        (["report", "{good}", "-o", "{out}.md"], "wrote {shown}.md and {shown}-diagram.svg\n"),
        (["export", "{good}", "-o", "{out}.graphml"], "wrote {shown}.graphml (graphml)\n"),
        (["convert", "{good}", "{out}.json"], "wrote {shown}.json (JSON)\n"),
        (["import", "{tmp}/g.xlsx", "-o", "{out}.yaml"], "wrote {shown}.yaml (1 nodes, 0 links)\n"),
        (["synthesise", "{good}", "-o", "{out}.md"], "wrote {shown}.md\n"),
    ],
    ids=["render", "report", "export", "convert", "import", "synthesise"],
)
def test_every_command_shows_a_hostile_output_name(
    tmp_path: Path, command: list[str], said: str
) -> None:
    good = tmp_path / "good.yaml"
    good.write_text(GOOD, encoding="utf-8")
    good2 = tmp_path / "good2.yaml"
    good2.write_text(GOOD.replace("id: g", "id: g2"), encoding="utf-8")
    assert run("export", str(good), "-o", str(tmp_path / "g.xlsx")).exit_code == 0
    out = tmp_path / HOSTILE_NAME
    args = [a.format(good=good, good2=good2, out=out, tmp=tmp_path) for a in command]
    result = run(*args)
    assert result.exit_code == 0, result.output
    assert result.stdout == said.format(shown=f"{tmp_path}/{SHOWN_NAME}")


@pytest.mark.parametrize("command", ["render", "synthesise"])
def test_the_progress_bar_shows_file_names_as_written(tmp_path: Path, command: str) -> None:
    # rich read "[link=…]" in a name as markup: a hidden OSC 8 link on the terminal.
    names = [f"d{k}[link=http:evil]x{OSC52}.yaml" for k in range(7)]
    for k, name in enumerate(names):
        (tmp_path / name).write_text(GOOD.replace("id: g", f"id: g{k}"), encoding="utf-8")
    files = [str(tmp_path / name) for name in names]
    out = ["-o", f"{tmp_path}/out/"] if command == "render" else ["-o", f"{tmp_path}/s.json"]
    result = run(command, *files, *out, env=STYLED)
    assert result.exit_code == 0, result.output
    assert "\x1b]8;" not in result.stderr and "\x07" not in result.stderr
    assert "d6[link=http:evil]x␛]52;c;SGk=␇.yaml" in result.stderr


def test_serve_shows_a_hostile_name_in_what_it_reports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from toc.cli.serve import _report
    from toc.findings import Finding
    from toc.serve import Snapshot

    name = str(tmp_path / f"{HOSTILE_NAME}.yaml")
    problem = Finding(message="invalid YAML", file=name, line=4, column=8, hint=f"see {OSC8}")
    _report(name, Snapshot(3, 2, None, None, None, problems=(problem,)))
    shown = f"{tmp_path}/{SHOWN_NAME}.yaml"
    assert capsys.readouterr().out == (
        f"revision 3: {shown} does not load; the page keeps the last good diagram\n"
        f"  {shown}:4:8: error: invalid YAML\n"
        "    hint: see ␛]8;;http://evil.example␛\\click␛]8;;␛\\\n"
    )


# ----------------------------------------------------------------- NO_COLOR


@pytest.fixture
def warned(tmp_path: Path) -> Path:
    path = tmp_path / "w.yaml"
    path.write_text(
        "format: 1\nid: w\ntitle: W\nlanguage: en\n"
        "nodes: [{id: money, stage: resources, label: Money}]\n",
        encoding="utf-8",
    )
    return path


def test_no_color_turns_off_bold_and_dim_too(warned: Path) -> None:
    styled = run("check", str(warned), env=STYLED)
    assert "\x1b[1m" in styled.stdout  # bold file name
    assert "\x1b[2m" in styled.stdout  # dim hint
    plain = run("check", str(warned))
    assert "\x1b" not in plain.stdout
    for value in ("1", "true"):
        result = run("check", str(warned), env={**STYLED, "NO_COLOR": value})
        assert result.stdout == plain.stdout
    # An empty NO_COLOR is no request (no-color.org).
    assert run("check", str(warned), env={**STYLED, "NO_COLOR": ""}).stdout == styled.stdout
