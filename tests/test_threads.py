"""A host process draws and reports from many threads at once (docs/integrator.md).

Eight threads start together; each draws the starter example (nodes in every
stage, a mechanism, a survey) as SVG and PNG and writes its HTML and Markdown
reports (with the diagram beside the Markdown; survey bars are drawn in the
report itself). Every thread's files must be byte-identical to those of a
run in the main thread before, and the host must find its process as it was:
the same file behind descriptor 2 (and 0 and 1), stderr still reaching it,
the same environment, working directory, locale and standard streams, and,
if the host has loaded matplotlib, its settings unchanged.
"""

from __future__ import annotations

import copy
import locale
import os
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

import toc
from toc.diagram import render_bytes
from toc.report import write_report

ROOT = Path(__file__).resolve().parent.parent
STARTER = ROOT / "examples" / "starter-en" / "starter-en.yaml"
THREADS = 8


def _work(doc: toc.Document, folder: Path) -> dict[str, bytes]:
    files = {
        "diagram.svg": render_bytes(doc, "svg"),
        "diagram.png": render_bytes(doc, "png"),
    }
    folder.mkdir()
    for name in ("rapport.html", "rapport.md"):
        write_report(doc, folder / name)
    files.update((p.name, p.read_bytes()) for p in sorted(folder.iterdir()))
    return files


def _process_state() -> dict[str, Any]:
    state: dict[str, Any] = {
        "environ": dict(os.environ),
        "cwd": os.getcwd(),
        "locale": {
            name: locale.setlocale(getattr(locale, name))
            for name in ("LC_CTYPE", "LC_NUMERIC", "LC_TIME", "LC_COLLATE", "LC_MONETARY")
        },
        "streams": (id(sys.stdin), id(sys.stdout), id(sys.stderr)),
        "fds": [(os.fstat(fd).st_dev, os.fstat(fd).st_ino) for fd in (0, 1, 2)],
    }
    if "matplotlib" in sys.modules:
        import matplotlib

        state["rcParams"] = copy.deepcopy(dict(matplotlib.rcParams))
    return state


def test_draw_and_report_from_eight_threads(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    doc = toc.load(STARTER)
    initial = _process_state()
    first = _work(doc, tmp_path / "main")
    before = _process_state()  # matplotlib may be loaded now
    results: dict[int, dict[str, bytes]] = {}
    errors: list[BaseException] = []
    start = threading.Barrier(THREADS)

    def worker(number: int) -> None:
        try:
            start.wait()
            results[number] = _work(doc, tmp_path / f"thread-{number}")
        except BaseException as err:  # reported below
            errors.append(err)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []

    after = _process_state()
    os.write(2, b"stderr still arrives\n")
    assert "stderr still arrives\n" in capfd.readouterr().err
    for key in before:
        assert after[key] == before[key], key
    for key in initial:
        assert after[key] == initial[key], key

    assert sorted(results) == list(range(THREADS))
    assert sorted(first) == [
        "diagram.png",
        "diagram.svg",
        "rapport-diagram.svg",  # survey bars are drawn in the report itself (issue 10)
        "rapport.html",
        "rapport.md",
    ]
    for files in results.values():
        assert sorted(files) == sorted(first)
    differ = {name for files in results.values() for name in first if files[name] != first[name]}
    assert sorted(differ) == []
