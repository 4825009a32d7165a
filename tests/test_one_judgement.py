"""One judgement per run: each command judges the document once and runs the structural
checks at most once (issue "One judgement per run, one home per rule").

The counters wrap the two places the work happens: `mechanisms.judge.judge` as
`toc.judging` calls it, and `toc.checks.run`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import toc
import toc.checks
import toc.judging
from toc.cli import main

ROOT = Path(__file__).resolve().parent.parent
NILS = ROOT / "examples" / "nils-2018" / "nils-2018.yaml"


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> Iterator[Counter[str]]:
    counts: Counter[str] = Counter()
    judge, run = toc.judging.judge, toc.checks.run

    def counted_judge(*args: Any, **kwargs: Any) -> Any:
        counts["judge"] += 1
        return judge(*args, **kwargs)

    def counted_run(*args: Any, **kwargs: Any) -> Any:
        counts["checks"] += 1
        return run(*args, **kwargs)

    monkeypatch.setattr(toc.judging, "judge", counted_judge)
    monkeypatch.setattr(toc.checks, "run", counted_run)
    yield counts


def _run(*args: str) -> None:
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exit_code in (0, 1), result.output + str(result.exception)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["check", NILS], {"judge": 1, "checks": 1}),
        (["judge", NILS], {"judge": 1}),
        (["judge", "--format", "json", "--intervention", "spira", NILS], {"judge": 1}),
        (["render", NILS, "-o", "{tmp}/n.svg", "--color-by", "verdict"], {"judge": 1}),
        (["render", NILS, "-o", "{tmp}/n.svg", "--color-by", "support"], {"judge": 1}),
        (["render", NILS, "-o", "{tmp}/n.svg"], {}),
        (["report", NILS, "-o", "{tmp}/r.html"], {"judge": 1, "checks": 1}),
        (["report", NILS, "-o", "{tmp}/r.docx"], {"judge": 1, "checks": 1}),
        (["report", NILS, "-o", "{tmp}/r.md", "--intervention", "ic"], {"judge": 1, "checks": 1}),
    ],
    ids=[
        "check",
        "judge",
        "judge-json",
        "render-verdict",
        "render-support",
        "render",
        "report",
        "report-docx",
        "report-md-ic",
    ],
)
def test_each_command_judges_once(
    calls: Counter[str], tmp_path: Path, args: list[Any], expected: dict[str, int]
) -> None:
    _run(*[str(a).format(tmp=tmp_path) for a in args])
    # Exactly one judgement where one is needed; the structural checks at most once
    # (a board report, for instance, shows no findings and need not run them).
    assert calls["judge"] == expected.get("judge", 0)
    assert calls["checks"] <= expected.get("checks", 0)


def test_check_with_an_assessment_does_not_judge_again(calls: Counter[str], tmp_path: Path) -> None:
    doc = toc.load(NILS)
    result = toc.assess(doc)
    assert calls["judge"] == 1
    toc.check(doc, assessment=result)
    toc.render(doc, tmp_path / "n.dot", color_by="verdict", assessment=result)
    assert dict(calls) == {"judge": 1, "checks": 1}


def test_structural_selection_skips_the_judgement(calls: Counter[str]) -> None:
    toc.check(toc.load(NILS), select=["TOC001", "link-skips-stage"])
    assert dict(calls) == {"checks": 1}


def test_writing_to_a_device_writes_into_it_and_leaves_it_a_device(tmp_path: Path) -> None:
    import os
    import stat
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    toc.render(toc.load(NILS), fifo, format="dot")
    reader.join(timeout=30)
    assert received and received[0].startswith(b"// Theory-of-change diagram")
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)  # still the pipe, not a plain file
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]
