"""``toc diff``: exact output, exit statuses, Git revisions and Git's diff driver."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import toc
from toc.changes import git_show_command, read_version, split_revision
from toc.cli import main
from toc.cli.diff import styled
from toc.errors import OptionError, ReadError
from toc.report.diff_text import markdown_report, text_report, text_spans

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "examples" / "nils-2018-plan" / "nils-2018-plan.yaml"
NILS = ROOT / "examples" / "nils-2018" / "nils-2018.yaml"

OLD = """\
format: 1
id: demo
title: Demo
nodes:
  - {id: coach, stage: activities, label: Coaching}
  - {id: job, stage: short, label: A job}
links: [{from: coach, to: job}]
mechanisms: [{id: m, title: Trust, links: ["coach->job"]}]
"""

NEW = """\
format: 1
id: demo
title: Demo
nodes:
  - {id: coaching, stage: activities, label: Coaching}
  - {id: job, stage: short, label: A job or studies}
  - {id: pay, stage: resources, label: Money}
links: [{from: pay, to: coaching}, {from: coaching, to: job}]
mechanisms: [{id: m, title: Trust, links: ["coaching->job"]}]
evidence: [{id: e1, about: m, kind: interview, source: Interviews}]
judgements: [{about: m, verdict: held, date: "2019"}]
"""

TEXT = """\
--- old.yaml  (demo: Demo)
+++ new.yaml  (demo: Demo)

Boxes (nodes)
  ~ coach → coaching  Coaching
      links that followed:
        coach->job → coaching->job
  ~ job  A job or studies
      label: "A job" → "A job or studies"
  + pay  Money

Links
  + pay->coaching  Money → Coaching

Current verdicts (recorded judgements)
  + m  none → held  Trust

Evidence (items about each mechanism, condition, rival, box or link)
  + m  0 → 1  (+1)  Trust

3 added, 0 removed, 1 changed, 1 renamed, 1 verdicts moved
"""


@pytest.fixture
def versions(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    return old, new


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["diff", *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_text_output_is_grouped_with_signs(
    versions: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(versions[0].parent)
    status, out, err = run("old.yaml", "new.yaml")
    assert (status, out, err) == (1, TEXT, "")


def test_verbose_lists_evidence_items(
    versions: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(versions[0].parent)
    status, out, _ = run("--verbose", "old.yaml", "new.yaml")
    assert status == 1
    assert "\nEvidence\n  + e1  Interviews\n" in out


def test_no_difference_exits_0(versions: tuple[Path, Path]) -> None:
    status, out, err = run(str(versions[1]), str(versions[1]))
    assert status == 0 and err == ""
    assert out.endswith("\nNo differences.\n")


def test_swedish_headings_follow_the_new_version(tmp_path: Path) -> None:
    old = tmp_path / "a.yaml"
    new = tmp_path / "b.yaml"
    old.write_text(OLD.replace("title: Demo", "title: Demo\nlanguage: sv"), encoding="utf-8")
    new.write_text(NEW.replace("title: Demo", "title: Demo\nlanguage: sv"), encoding="utf-8")
    status, out, _ = run(str(old), str(new))
    assert status == 1
    assert "\nRutor (noder)\n" in out and "\nLänkar\n" in out
    assert out.endswith(
        "3 tillagda, 0 borttagna, 1 ändrade, 1 med nytt id, 1 bedömningar ändrade\n"
    )
    _, out, _ = run("--language", "en", str(old), str(new))
    assert "\nBoxes (nodes)\n" in out


def test_json_output_is_the_typed_result(versions: tuple[Path, Path]) -> None:
    status, out, _ = run("--format", "json", str(versions[0]), str(versions[1]))
    assert status == 1
    data = json.loads(out)
    expected = toc.diff(
        toc.load(versions[0]),
        toc.load(versions[1]),
        old_source=str(versions[0]),
        new_source=str(versions[1]),
    )
    assert data == json.loads(expected.model_dump_json())
    assert [(n["kind"], n["old_id"], n["id"]) for n in data["nodes"]] == [
        ("renamed", "coach", "coaching"),
        ("changed", None, "job"),
        ("added", None, "pay"),
    ]


def test_markdown_output(versions: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(versions[0].parent)
    status, out, _ = run("--format", "md", "old.yaml", "new.yaml")
    assert status == 1
    assert out.startswith("# Changes to the theory of change\n\n- − old.yaml: Demo (`demo`)\n")
    assert "- **~** `coach` → `coaching` Coaching\n  - `coach->job` → `coaching->job`\n" in out
    assert '- **~** `job` A job or studies\n  - label: "A job" → "A job or studies"\n' in out
    assert "| `m` | Trust | none → **held** |" in out
    assert out.endswith("*3 added, 0 removed, 1 changed, 1 renamed, 1 verdicts moved*\n")


def test_the_report_block_is_shown_key_by_key(tmp_path: Path) -> None:
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(OLD + "report: {title: Plan, date: 2017-12}\n", encoding="utf-8")
    new.write_text(
        OLD + "report:\n  title: Plan\n  date: 2019-01\n  conclusions: It *held*.\n",
        encoding="utf-8",
    )
    status, out, _ = run(str(old), str(new))
    assert status == 1
    assert out.split("\n\n")[1] == (
        "Document\n"
        '  report.date: "2017-12" → "2019-01"\n'
        "  report.conclusions:\n"
        "    - none\n"
        '    + "It *held*."'
    )
    assert out.endswith("0 added, 0 removed, 1 changed, 0 renamed, 0 verdicts moved\n")
    _, md, _ = run("--format", "md", str(old), str(new))
    assert (
        "## Document\n\n"
        '- report.date: "2017-12" → "2019-01"\n'
        '- report.conclusions: none → "It \\*held\\*."\n'
    ) in md
    # A block that only one version has: every key it holds.
    plain = tmp_path / "plain.yaml"
    plain.write_text(OLD, encoding="utf-8")
    _, out, _ = run(str(plain), str(old))
    assert '  report.title: none → "Plan"\n  report.date: none → "2017-12"\n' in out


HOSTILE = "*bold* <b>x</b> | # [link](http://x) \x1b]52;c;SGk=\x07 `tick`"


def test_user_text_is_data_in_markdown_and_on_the_terminal() -> None:
    plain = toc.loads(OLD)
    hostile = toc.loads(OLD)
    hostile.nodes[1].label = HOSTILE
    changes = toc.diff(plain, hostile)
    md = markdown_report(changes, "en")
    assert "<b>" not in md and "*bold*" not in md and "[link]" not in md
    assert "- **~** `job` \\*bold\\* \\<b\\>x\\</b\\> \\| # \\[link\\](http://x)" in md
    text = text_report(changes, "en")
    assert HOSTILE.replace("\x1b", "␛").replace("\x07", "␇") not in text  # one line, quoted
    result = CliRunner().invoke(main, ["diff", "--format", "json", "-", str(NILS)], input=OLD)
    assert result.exit_code == 1 and "\x1b" not in result.stdout


def test_terminal_output_shows_control_characters(tmp_path: Path) -> None:
    new = tmp_path / "n.json"
    data = json.loads(toc.dumps(toc.loads(OLD), "json"))
    data["nodes"][1]["label"] = "A job \x9b31m"
    new.write_text(json.dumps(data), encoding="utf-8")
    old = tmp_path / "o.yaml"
    old.write_text(OLD, encoding="utf-8")
    status, out, _ = run(str(old), str(new))
    assert status in (1, 2)
    assert "\x9b" not in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["only-one.yaml"], "error: give two versions, OLD and NEW, not 1"),
        (["a", "b", "c"], "error: give two versions, OLD and NEW, not 3"),
        (["-", "-"], "error: '-' (standard input) can be read only once"),
        (["--", "-p:theory.yaml", "b.yaml"], "a Git revision cannot start with '-'"),
        (["HEAD:", "b.yaml"], "name a file after the colon"),
    ],
)
def test_wrong_arguments_exit_2(args: list[str], message: str) -> None:
    status, out, err = run(*args)
    assert status == 2 and out == ""
    assert message in err


def test_invalid_or_missing_versions_exit_2_and_write_nothing(
    versions: tuple[Path, Path], tmp_path: Path
) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: 1\nid: x\ntitle: [unclosed\n", encoding="utf-8")
    picture = tmp_path / "changes.svg"
    for args in (
        [str(broken), str(versions[1])],
        [str(versions[0]), str(tmp_path / "missing.yaml")],
        ["--diagram", str(picture), str(versions[0]), str(broken)],
    ):
        status, out, err = run(*args)
        assert status == 2 and out == "", args
        assert err.startswith(str(tmp_path)), err
        assert "Traceback" not in err
    assert not picture.exists()


def test_diagram_suffix_is_checked_before_anything_is_read(versions: tuple[Path, Path]) -> None:
    status, out, err = run("--diagram", "changes.mmd", str(versions[0]), str(versions[1]))
    assert (status, out) == (2, "")
    assert (
        err
        == "error: --diagram 'changes.mmd': name an .svg, .png or .pdf file for the diff diagram\n"
    )


def test_diagram_is_written(versions: tuple[Path, Path], tmp_path: Path) -> None:
    picture = tmp_path / "changes.svg"
    status, _, _ = run("--diagram", str(picture), str(versions[0]), str(versions[1]))
    assert status == 1
    svg = picture.read_text(encoding="utf-8")
    assert svg.startswith("<?xml") and "Changes since: Demo" in svg


# ------------------------------------------------------------------ Git


def test_git_argument_list_is_pure_and_refuses_options() -> None:
    assert git_show_command("v1.0", "docs/theory.yaml") == [
        "git",
        "show",
        "--no-textconv",
        "v1.0:docs/theory.yaml",
    ]
    for bad in ("-p", "--output=/tmp/x", "-"):
        with pytest.raises(OptionError):
            git_show_command(bad, "theory.yaml")
    assert split_revision(str(PLAN)) is None  # an existing file is a file, colon or not
    assert split_revision("main:theory.yaml") == ("main", "theory.yaml")
    assert split_revision(":theory.yaml") == ("", "theory.yaml")


GIT = shutil.which("git")
needs_git = pytest.mark.skipif(GIT is None, reason="git is not installed")


def _git_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(
        HOME=str(home),
        GIT_CONFIG_NOSYSTEM="1",
        GIT_CONFIG_GLOBAL=os.devnull,
        GIT_AUTHOR_NAME="Test",
        GIT_AUTHOR_EMAIL="test@example.org",
        GIT_COMMITTER_NAME="Test",
        GIT_COMMITTER_EMAIL="test@example.org",
        GIT_PAGER="cat",
        PAGER="cat",
    )
    return env


def _git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", *args],
        cwd=repo,
        env=_git_env(repo.parent),
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return done.stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository with two commits of theory.yaml (OLD, then NEW)."""
    root = tmp_path / "repo"
    root.mkdir()
    _git(root, "init", "-q")
    (root / "theory.yaml").write_text(OLD, encoding="utf-8")
    _git(root, "add", "theory.yaml")
    _git(root, "commit", "-q", "-m", "plan")
    (root / "theory.yaml").write_text(NEW, encoding="utf-8")
    _git(root, "commit", "-q", "-a", "-m", "evaluated")
    return root


@needs_git
def test_a_version_is_read_from_a_git_revision(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old = read_version("HEAD~1:theory.yaml", cwd=repo)
    assert [n.id for n in old.nodes] == ["coach", "job"]
    monkeypatch.chdir(repo)
    status, out, err = run("HEAD~1:theory.yaml", "theory.yaml")
    assert (status, err) == (1, "")
    assert out == TEXT.replace("old.yaml", "HEAD~1:theory.yaml").replace("new.yaml", "theory.yaml")
    assert run("HEAD:theory.yaml", "theory.yaml")[0] == 0


@needs_git
def test_a_missing_revision_or_path_is_a_clean_error(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo)
    for spec in ("HEAD~5:theory.yaml", "HEAD:nope.yaml"):
        status, out, err = run(spec, "theory.yaml")
        assert (status, out) == (2, ""), spec
        assert err.startswith(f"{spec}: error: git cannot show ")
        assert "Traceback" not in err
    with pytest.raises(ReadError) as caught:
        read_version("HEAD:nope.yaml", cwd=repo)
    assert caught.value.problems[0].file == "HEAD:nope.yaml"


@needs_git
def test_a_bad_document_in_a_revision_is_located_in_it(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (repo / "theory.yaml").write_text(OLD.replace("stage: short", "stage: later"), "utf-8")
    _git(repo, "commit", "-q", "-a", "-m", "broken")
    monkeypatch.chdir(repo)
    status, out, err = run("HEAD:theory.yaml", "HEAD~1:theory.yaml")
    assert (status, out) == (2, "")
    # Read from Git, the problem is placed in REVISION:PATH, with its line and column.
    assert err.startswith("HEAD:theory.yaml:6:22: error: nodes[1].stage: unknown stage 'later'")


@needs_git
def test_git_diff_and_log_show_toc_diff_through_the_documented_driver(repo: Path) -> None:
    # The set-up docs/diff.md gives, with this interpreter standing in for `toc`.
    toc_command = f"{shlex.quote(sys.executable)} -m toc diff"
    (repo / ".gitattributes").write_text("*.yaml diff=toc\n", encoding="utf-8")
    _git(repo, "config", "diff.toc.command", toc_command)
    (repo / "theory.yaml").write_text(NEW.replace("A job or studies", "Work"), "utf-8")
    shown = _git(repo, "diff")
    assert shown.startswith("--- a/theory.yaml  (demo: Demo)\n+++ b/theory.yaml  (demo: Demo)\n")
    assert '      label: "A job or studies" → "Work"\n' in shown
    assert "@@" not in shown  # not a line diff
    log = _git(repo, "log", "-p", "--ext-diff", "-1", "--format=%s")
    assert log.startswith("evaluated\n")
    assert "  ~ coach → coaching  Coaching\n" in log and "  + m  none → held  Trust\n" in log
    # A version that is not a valid document: its problems, then the line diff.
    (repo / "theory.yaml").write_text("format: 1\nid: demo\ntitle: [\n", "utf-8")
    shown = _git(repo, "diff")
    assert shown.startswith("theory.yaml:4:1: error: invalid YAML")
    assert "\n+title: [\n" in shown
    # A new file: everything added.
    (repo / "more.yaml").write_text(OLD, "utf-8")
    _git(repo, "add", "more.yaml")
    shown = _git(repo, "diff", "--cached", "--", "more.yaml")
    assert "  + coach  Coaching\n" in shown and "  + coach->job  Coaching → A job\n" in shown


@needs_git
def test_the_driver_follows_a_renamed_or_copied_file(repo: Path) -> None:
    # For a rename or copy Git passes nine arguments: the seven, the new path and its header.
    toc_command = f"{shlex.quote(sys.executable)} -m toc diff"
    (repo / ".gitattributes").write_text("*.yaml diff=toc\n", encoding="utf-8")
    _git(repo, "config", "diff.toc.command", toc_command)
    _git(repo, "mv", "theory.yaml", "renamed.yaml")
    (repo / "renamed.yaml").write_text(NEW.replace("A job or studies", "Work"), "utf-8")
    _git(repo, "commit", "-q", "-a", "-m", "renamed")
    header = "--- a/theory.yaml  (demo: Demo)\n+++ b/renamed.yaml  (demo: Demo)\n\n"
    changed = 'Boxes (nodes)\n  ~ job  Work\n      label: "A job or studies" → "Work"\n'
    shown = _git(repo, "diff", "HEAD~1", "HEAD")  # check=True: Git's status is 0
    assert (
        shown == header + changed + "\n0 added, 0 removed, 1 changed, 0 renamed, 0 verdicts moved\n"
    )
    log = _git(repo, "log", "-p", "--ext-diff", "-1", "--format=%s")
    assert log == "renamed\n\n" + shown
    # Renamed only, the content as it was: no differences.
    _git(repo, "mv", "renamed.yaml", "again.yaml")
    _git(repo, "commit", "-q", "-m", "renamed again")
    shown = _git(repo, "diff", "HEAD~1", "HEAD")
    assert shown == (
        "--- a/renamed.yaml  (demo: Demo)\n+++ b/again.yaml  (demo: Demo)\n\nNo differences.\n"
    )
    # A copy, found with -C: compared with the file it was copied from.
    (repo / "copy.yaml").write_text(NEW.replace("A job or studies", "Work"), "utf-8")
    _git(repo, "add", "copy.yaml")
    shown = _git(repo, "diff", "--cached", "-C", "--find-copies-harder")
    assert shown == (
        "--- a/again.yaml  (demo: Demo)\n+++ b/copy.yaml  (demo: Demo)\n\nNo differences.\n"
    )
    # JSON names both paths.
    _git(repo, "config", "diff.toc.command", f"{toc_command} --format json")
    shown = _git(repo, "diff", "HEAD~2", "HEAD~1")
    assert (json.loads(shown)["old"]["source"], json.loads(shown)["new"]["source"]) == (
        "a/theory.yaml",
        "b/renamed.yaml",
    )


@needs_git
def test_the_driver_shows_an_unmerged_path_and_lets_git_go_on(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # For a path with a conflict Git passes one argument, the path.
    monkeypatch.delenv("GIT_DIFF_PATH_COUNTER", raising=False)  # Git sets it for its driver
    toc_command = f"{shlex.quote(sys.executable)} -m toc diff"
    (repo / ".gitattributes").write_text("*.yaml diff=toc\n", encoding="utf-8")
    _git(repo, "config", "diff.toc.command", toc_command)
    _git(repo, "checkout", "-q", "-b", "other", "HEAD~1")
    (repo / "theory.yaml").write_text(OLD.replace("Coaching", "Mentoring"), "utf-8")
    _git(repo, "commit", "-q", "-a", "-m", "other")
    _git(repo, "checkout", "-q", "-")
    merge = subprocess.run(
        ["git", "merge", "-q", "other"], cwd=repo, env=_git_env(repo.parent), capture_output=True
    )
    assert merge.returncode != 0  # a conflict in theory.yaml
    assert _git(repo, "diff", "--cached") == "* Unmerged path theory.yaml\n"
    # Called by a person, one version is still a mistake.
    status, out, err = run("theory.yaml")
    assert (status, out) == (2, "")
    assert err.startswith("error: give two versions, OLD and NEW, not 1")


def test_the_diff_page_runs_as_shown(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from test_docs import run_page

    assert run_page(ROOT / "docs" / "diff.md", tmp_path, monkeypatch) >= 3


def test_the_diff_page_shows_its_pictures_and_links_resolve() -> None:
    from test_docs import anchors, prose

    page = ROOT / "docs" / "diff.md"
    text = prose(page)
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        if re.match(r"[a-z]+:", target):
            continue
        file, _, anchor = target.partition("#")
        path = (page.parent / file).resolve()
        assert path.exists(), target
        assert not anchor or anchor in anchors(path), target
    assert "img/nils-2018-diff.png" in text and "diff.schema.json" in text
    for linking in ("index.md", "evaluator.md"):
        assert "(diff.md" in (ROOT / "docs" / linking).read_text(encoding="utf-8"), linking


def test_terminal_colours_the_signs(versions: tuple[Path, Path]) -> None:
    changes = toc.diff(toc.load(versions[0]), toc.load(versions[1]))
    spans = text_spans(changes, "en")
    assert ("+ pay  Money", "green") in spans
    assert ("~ coach → coaching  Coaching", "yellow") in spans
    assert ('  - "A job"', "red") not in spans  # one-line field changes are not coloured
    assert ("Boxes (nodes)", "bold") in spans


def test_the_command_styles_the_writers_pieces(versions: tuple[Path, Path]) -> None:
    changes = toc.diff(toc.load(versions[0]), toc.load(versions[1]))
    text = styled(changes, "en", verbose=True)
    assert text.plain == text_report(changes, "en", verbose=True)
    spans = [(text.plain[s.start : s.end], str(s.style)) for s in text.spans]
    assert spans == [(t, s) for t, s in text_spans(changes, "en", verbose=True) if t and s]
