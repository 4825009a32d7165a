"""The ``toc`` program in a process of its own: ``python -m toc`` and the console script.

Only the program, which owns its process, holds back the bundled fontconfig's
warning (`toc.diagram.engine.hold_back_font_warnings`); a host calling the
library sees it at most once and keeps its stderr (tests/test_threads.py).
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import toc
from toc.diagram import render_bytes

ROOT = Path(__file__).resolve().parent.parent
STARTER = ROOT / "examples" / "starter-en" / "starter-en.yaml"
SCRIPT = shutil.which("toc", path=os.path.dirname(sys.executable))


def _run(*argv: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    return subprocess.run(
        [str(a) for a in argv],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
        check=False,
    )


def test_python_dash_m_toc_is_the_program(tmp_path: Path) -> None:
    version = _run(sys.executable, "-m", "toc", "--version", cwd=tmp_path)
    assert (version.returncode, version.stdout, version.stderr) == (
        0,
        f"toc, version {toc.__version__}\n",
        "",
    )
    usage = _run(sys.executable, "-m", "toc", "--help", cwd=tmp_path)
    assert usage.returncode == 0
    assert usage.stdout.startswith("Usage: python -m toc [OPTIONS] COMMAND [ARGS]...\n")


def test_the_program_reads_a_pipe(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "toc", "check", "--format", "json", "-"],
        input=STARTER.read_bytes(),
        capture_output=True,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, b"")
    assert b'"file": "<stdin>"' in done.stdout


@pytest.mark.parametrize("program", ["python -m toc", "toc"])
def test_the_program_draws_with_a_clean_stderr(program: str, tmp_path: Path) -> None:
    if program == "toc" and SCRIPT is None:
        pytest.skip("the `toc` console script is not installed")
    argv = [sys.executable, "-m", "toc"] if program != "toc" else [str(SCRIPT)]
    done = _run(*argv, "render", STARTER, "-o", "d.svg", cwd=tmp_path)
    assert (done.returncode, done.stdout, done.stderr) == (0, "wrote d.svg\n", "")
    assert (tmp_path / "d.svg").read_bytes() == render_bytes(toc.load(STARTER), "svg")
    report = _run(*argv, "report", STARTER, "-o", "r.html", cwd=tmp_path)
    assert (report.returncode, report.stderr) == (0, "")


def test_a_host_keeps_its_stderr_and_sees_at_most_the_font_warning(tmp_path: Path) -> None:
    code = (
        "import os, threading, toc\n"
        "from toc.diagram import render_bytes\n"
        f"doc = toc.load({str(STARTER)!r})\n"
        "def draw():\n"
        "    for fmt in ('svg', 'png', 'svg'):\n"
        "        render_bytes(doc, fmt)\n"
        "threads = [threading.Thread(target=draw) for _ in range(4)]\n"
        "[t.start() for t in threads]; [t.join() for t in threads]\n"
        "os.write(2, b'the host still writes to stderr\\n')\n"
    )
    done = _run(sys.executable, "-c", code, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    lines = done.stderr.splitlines()
    assert lines[-1] == "the host still writes to stderr"
    assert all(line.startswith("Fontconfig ") for line in lines[:-1]), lines
    assert len(lines) <= 2


# --------------------------------------------------------------- completion

BASH = shutil.which("bash")


def _bash_completes(words: list[str]) -> list[str]:
    """What bash offers for the last of ``words``, with the script docs/getting-started.md gives."""
    assert BASH is not None and SCRIPT is not None
    folder = os.path.dirname(SCRIPT)
    array = " ".join(shlex.quote(w) for w in words)
    program = (
        f'export PATH={shlex.quote(folder)}:"$PATH"\n'
        'eval "$(_TOC_COMPLETE=bash_source toc)"\n'
        'function=$(complete -p toc | sed -E "s/.* -F ([^ ]+) .*/\\1/")\n'
        f"COMP_WORDS=({array}); COMP_CWORD={len(words) - 1}; COMPREPLY=()\n"
        f'"$function" toc {shlex.quote(words[-1])} {shlex.quote(words[-2])}\n'
        'printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    done = _run(BASH, "--norc", "-c", program, cwd=Path(folder))
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    return done.stdout.splitlines()


@pytest.mark.skipif(BASH is None or SCRIPT is None, reason="needs bash and the `toc` script")
@pytest.mark.parametrize(
    ("words", "offered"),
    [
        (["toc", "re"], ["render", "report"]),
        (["toc", "check", "--format", ""], ["text", "json"]),
        (["toc", "render", "--col"], ["--color-by"]),
        (["toc", "judge", "--format", "m"], ["md"]),
    ],
)
def test_bash_completes_commands_options_and_values(words: list[str], offered: list[str]) -> None:
    assert _bash_completes(words) == offered


@pytest.mark.skipif(SCRIPT is None, reason="the `toc` console script is not installed")
@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_every_documented_completion_script_is_printed(shell: str, tmp_path: Path) -> None:
    env = {**os.environ, "_TOC_COMPLETE": f"{shell}_source"}
    done = subprocess.run(
        [str(SCRIPT)], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert "_TOC_COMPLETE" in done.stdout  # the script calls toc back for its answers
    guide = (ROOT / "docs" / "getting-started.md").read_text(encoding="utf-8")
    assert f"_TOC_COMPLETE={shell}_source toc" in guide
