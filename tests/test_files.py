"""Files: no command writes over its input document, and atomic writes leave no litter.

`toc.files.refuse_input_as_output` is the one home of the first rule (the
same file through a symbolic or hard link too); `toc.files.write_atomic` of
the second: short temporary names, and leftovers of a killed writer removed
by the next write beside them.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from toc.cli import main
from toc.errors import OptionError
from toc.files import STALE_AFTER, refuse_input_as_output, write_atomic

DOC = (
    "# comments the author keeps\n"
    "format: 1\nid: demo\ntitle: Demo\n"
    "nodes:\n  - {id: a, stage: resources, label: A}\n  - {id: b, stage: activities, label: B}\n"
    "links:\n  - {from: a, to: b}\n"
)


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def _refused(result: Result, output: str, document: str) -> None:
    assert result.exit_code == 2, result.output
    assert result.stderr == (
        f"error: the output {output} is the input document {document} itself: writing it "
        "would replace the document; write to another file\n"
    )


def _names(path: Path) -> list[str]:
    return sorted(p.name for p in path.iterdir())


@pytest.mark.parametrize(
    ("command", "name", "suffix"),
    # `toc report self.md -o self.md` overwrote a document named like a report.
    [("render", "same.yaml", ".svg"), ("report", "self.md", ".md")],
    ids=["render", "report"],
)
@pytest.mark.parametrize("how", ["same-path", "other-path", "symlink", "hard-link"])
def test_no_command_writes_over_its_input(
    tmp_path: Path, command: str, name: str, suffix: str, how: str
) -> None:
    document = tmp_path / name
    document.write_text(DOC, encoding="utf-8")
    output = {
        "same-path": str(document),
        "other-path": str(tmp_path / "." / name),
        "symlink": str(tmp_path / f"link{suffix}"),
        "hard-link": str(tmp_path / f"hard{suffix}"),
    }[how]
    if how == "symlink":
        os.symlink(document, output)
    elif how == "hard-link":
        os.link(document, output)
    before = _names(tmp_path)
    args = [command, str(document), "-o", output]
    if command == "render" and how in ("same-path", "other-path"):
        args += ["--format", "svg"]
    _refused(run(*args), output, str(document))
    assert document.read_text(encoding="utf-8") == DOC
    assert _names(tmp_path) == before


def test_render_refuses_an_output_pattern_that_names_an_input(tmp_path: Path) -> None:
    first = tmp_path / "a.yaml"
    second = tmp_path / "b.dot"  # a document whose name ends like a diagram
    first.write_text(DOC, encoding="utf-8")
    second.write_text(DOC, encoding="utf-8")
    result = run("render", str(first), str(second), "-o", str(tmp_path / "{stem}.dot"))
    _refused(result, str(tmp_path / "b.dot"), str(second))
    assert second.read_text(encoding="utf-8") == DOC


def test_other_outputs_are_written(tmp_path: Path) -> None:
    document = tmp_path / "theory.yaml"
    document.write_text(DOC, encoding="utf-8")
    assert run("render", str(document), "-o", str(tmp_path / "theory.dot")).exit_code == 0
    refuse_input_as_output(["-"], ["-"])
    refuse_input_as_output([tmp_path / "new.svg"], [document, "-"])
    with pytest.raises(OptionError):
        refuse_input_as_output([tmp_path / "x.svg", document], ["-", document])


# ---------------------------------------------------------------- write_atomic


def test_a_long_valid_output_name_can_be_written(tmp_path: Path) -> None:
    # 250 characters: the temporary file's name must not be longer than the target's.
    target = tmp_path / ("d" * 246 + ".svg")
    write_atomic(target, "<svg/>")
    assert target.read_text() == "<svg/>"
    assert _names(tmp_path) == [target.name]


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_stale_temporary_files_of_ours_are_removed_and_nothing_else(tmp_path: Path) -> None:
    stale = tmp_path / ".toc-abcd_123.tmp"
    fresh = tmp_path / ".toc-efgh_456.tmp"  # another writer, at work right now
    others = [
        tmp_path / ".theory.yaml.x1y2z3.tmp",  # not our pattern
        tmp_path / ".toc-notes.tmp",
        tmp_path / "toc-abcd1234.tmp",
        tmp_path / ".toc-abcd1234.tmp.bak",
    ]
    for path in (stale, fresh, *others):
        path.write_text("partial")
        _age(path, STALE_AFTER + 60)
    _age(fresh, 5)
    (tmp_path / "sub").mkdir()
    os.symlink(tmp_path / "sub", tmp_path / ".toc-zzzz9999.tmp")
    write_atomic(tmp_path / "out.txt", "new")
    assert not stale.exists()
    assert fresh.exists()
    assert all(path.exists() for path in others)
    assert (tmp_path / ".toc-zzzz9999.tmp").is_symlink()


_WRITER = textwrap.dedent(
    """
    import sys
    from toc.files import write_atomic

    target, size = sys.argv[1], int(sys.argv[2])
    print("ready", flush=True)
    n = 0
    while True:
        n += 1
        mark = b"%08d" % n
        write_atomic(target, mark * (size // 8))
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="kill -9 is POSIX")
def test_a_killed_writer_leaves_the_old_or_the_new_file_and_no_litter(tmp_path: Path) -> None:
    target = tmp_path / "report.svg"
    size = 2 * 1024 * 1024
    write_atomic(target, b"00000000" * (size // 8))
    script = tmp_path.parent / f"{tmp_path.name}-writer.py"
    script.write_text(_WRITER, encoding="utf-8")
    seen = set()
    for delay in (0.05, 0.13, 0.21, 0.33):
        child = subprocess.Popen(
            [sys.executable, str(script), str(target), str(size)],
            stdout=subprocess.PIPE,
        )
        assert child.stdout is not None
        assert child.stdout.readline() == b"ready\n"
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        data = target.read_bytes()
        # Whole: one version of the content, never a truncated or mixed file.
        assert len(data) == size
        assert data == data[:8] * (size // 8)
        seen.add(data[:8])
        # What the kill left is a temporary file of ours, some minutes later stale.
        for left in tmp_path.glob(".toc-*.tmp"):
            _age(left, STALE_AFTER + 1)
    assert len(seen) > 1  # the writer did replace the file while it ran
    write_atomic(target, b"final")
    assert _names(tmp_path) == ["report.svg"]
    assert target.read_bytes() == b"final"


def test_write_all_writes_every_file_or_leaves_no_new_one(tmp_path: Path) -> None:
    from toc.errors import WriteError
    from toc.output import write_all

    kept = tmp_path / "kept.txt"
    kept.write_text("old")
    with pytest.raises(WriteError):
        write_all(
            [
                (tmp_path / "new.txt", b"new"),
                (kept, b"replaced"),
                (tmp_path / "no-such-folder" / "x.txt", b"x"),
            ]
        )
    # The new file is gone again; the one that existed was replaced whole.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.txt"]
    assert kept.read_text() == "replaced"
    assert write_all([(tmp_path / "a.txt", "å")]) == [tmp_path / "a.txt"]
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "å"


# ------------------------------------------------------- symbolic links as outputs


@pytest.mark.parametrize(
    ("args", "suffix", "start"),
    [
        (["render"], ".svg", b"<?xml"),
        (["render"], ".dot", b"// Theory-of-change diagram"),
        (["convert"], ".json", b"{"),
        (["export", "--to", "logframe"], ".xlsx", b"PK"),
        (["export", "--to", "graphml"], ".graphml", b"<?xml"),
        (["report"], ".html", b"<!DOCTYPE html>"),
    ],
    ids=["render-svg", "render-dot", "convert", "export-logframe", "export-graphml", "report"],
)
def test_every_output_is_written_through_a_symbolic_link(
    tmp_path: Path, args: list[str], suffix: str, start: bytes
) -> None:
    document = tmp_path / "same.yaml"
    document.write_text(DOC, encoding="utf-8")
    real = tmp_path / "kept" / f"real{suffix}"
    real.parent.mkdir()
    real.write_bytes(b"old")
    real.chmod(0o600)
    link = tmp_path / f"link{suffix}"
    link.symlink_to(os.path.join("kept", real.name))  # relative, as `ln -s` makes them
    command, *rest = args
    output = [str(link)] if command == "convert" else ["-o", str(link)]
    result = run(command, str(document), *output, *rest)
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and os.readlink(link) == os.path.join("kept", real.name)
    assert real.read_bytes().startswith(start)
    assert real.stat().st_mode & 0o777 == 0o600
    assert _names(tmp_path) == ["kept", "link" + suffix, "same.yaml"]
    assert _names(real.parent) == [real.name]


def test_a_link_to_a_link_is_written_through_to_the_last_file(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text("old")
    (tmp_path / "middle.txt").symlink_to(real)
    (tmp_path / "first.txt").symlink_to(tmp_path / "middle.txt")
    write_atomic(tmp_path / "first.txt", "new")
    assert real.read_text() == "new"
    assert (tmp_path / "first.txt").is_symlink() and (tmp_path / "middle.txt").is_symlink()


def test_write_all_through_a_dangling_link_removes_the_file_it_made_not_the_link(
    tmp_path: Path,
) -> None:
    from toc.errors import WriteError
    from toc.output import write_all

    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "made.txt")  # nothing there yet
    assert write_all([(link, "first")]) == [link]
    assert (tmp_path / "made.txt").read_text() == "first"
    (tmp_path / "made.txt").unlink()
    with pytest.raises(WriteError):
        write_all([(link, b"new"), (tmp_path / "no-such-folder" / "x.txt", b"x")])
    assert link.is_symlink() and not (tmp_path / "made.txt").exists()
