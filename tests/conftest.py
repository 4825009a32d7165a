"""Shared fixtures and test settings.

The tests folder is put on ``sys.path`` so test modules can ``import
strategies`` (the hypothesis strategies for documents) under pytest's
``--import-mode=importlib``.
"""

from __future__ import annotations

import copy
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from _pytest.reports import TestReport
from hypothesis import HealthCheck, settings

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))

# No deadlines (2 shared cores make timings noisy) and no example database
# written into the working tree; HYPOTHESIS_PROFILE=thorough runs more examples.
settings.register_profile(
    "default",
    deadline=None,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("thorough", parent=settings.get_profile("default"), max_examples=1000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

# The real parts (chromium, poppler, Mermaid from npm): a developer without them gets those
# checks skipped with the reason; CI sets TOC_REAL_PARTS=required and such a skip fails.
REAL_PARTS = ("chromium", "poppler", "mermaid")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    outcome = yield
    report: TestReport = outcome.get_result()
    if os.environ.get("TOC_REAL_PARTS") != "required" or not report.skipped:
        return
    reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
    if any(part in reason.lower() for part in REAL_PARTS):
        report.outcome = "failed"
        report.longrepr = f"TOC_REAL_PARTS=required, but a real part is missing: {reason}"


_MINIMAL: dict[str, Any] = {
    "format": 1,
    "id": "demo",
    "title": "Demo",
    "nodes": [
        {"id": "money", "stage": "resources", "label": "Money"},
        {"id": "work", "stage": "activities", "label": "Work"},
        {"id": "change", "stage": "short", "label": "Change"},
    ],
    "links": [{"from": "money", "to": "work"}, {"from": "work", "to": "change"}],
}


@pytest.fixture
def minimal_data() -> dict[str, Any]:
    """A small valid document as plain data (a fresh copy per test)."""
    return copy.deepcopy(_MINIMAL)


@pytest.fixture
def nils_path() -> Path:
    """The bundled reference example (Integrationscoach and Spira, NILS 2018)."""
    return ROOT / "examples" / "nils-2018" / "nils-2018.yaml"


@pytest.fixture
def write_file(tmp_path: Path) -> Callable[[str, str | bytes], Path]:
    """Write text (as UTF-8) or bytes to a file under ``tmp_path``; returns its path."""

    def write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
        return path

    return write
