"""The garbage collector pause (toc._gc): only for large documents, nested and shared
safely across threads, and never left off when it was on (nor on when the host had it off)."""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import toc
import toc.judging
from toc._gc import PAUSE_FROM

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import generate

ROOT = Path(__file__).resolve().parent.parent
NILS = ROOT / "examples" / "nils-2018" / "nils-2018.yaml"


@pytest.fixture
def seen(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[bool]]:
    """Whether the collector was on each time the judgement ran."""
    states: list[bool] = []
    judge = toc.judging.judge

    def watched(*args: Any, **kwargs: Any) -> Any:
        states.append(gc.isenabled())
        return judge(*args, **kwargs)

    monkeypatch.setattr(toc.judging, "judge", watched)
    yield states
    assert gc.isenabled()


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("large") / "large.json"
    return generate.write(generate.generate(1_000, seed=1), path)


def test_a_small_document_leaves_the_collector_alone(seen: list[bool]) -> None:
    doc = toc.load(NILS)
    assert doc.size() < PAUSE_FROM
    toc.check(doc)
    toc.assess(doc)
    assert seen == [True, True]


def test_a_large_document_pauses_it_and_turns_it_on_again(seen: list[bool], large: Path) -> None:
    doc = toc.load(large)
    assert doc.size() >= PAUSE_FROM
    assert gc.isenabled()
    toc.check(doc)
    assert seen == [False] and gc.isenabled()


def test_a_host_that_runs_without_the_collector_keeps_it_off(large: Path) -> None:
    gc.disable()
    try:
        toc.check(toc.load(large))
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_overlapping_pauses_in_threads_end_with_the_collector_on(large: Path) -> None:
    errors: list[BaseException] = []

    def work() -> None:
        try:
            toc.assess(toc.load(large))
        except BaseException as err:  # pragma: no cover - reported below
            errors.append(err)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors and gc.isenabled()
