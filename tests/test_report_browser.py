"""The HTML report in a real browser: Debian's chromium, headless.

The page must load with no console message at all (the report has no
scripts, so any message is an error), print to an A4 PDF, and screenshot to
a picture with something on it. Skipped where chromium is not installed
(`apt-get install chromium`; `.ci/run` installs it).
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import tempfile
from pathlib import Path

import pytest
from report_helpers import NILS, hostile_doc

import toc
from toc.report import write_report

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)"
)


def chromium_args(binary: str, profile: str, *extra: str) -> list[str]:
    """The command line for one headless run: no network services, a fresh profile."""
    return [
        binary,
        "--headless",
        "--no-sandbox",  # tests run as root in CI containers
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        "--enable-logging=stderr",
        "--v=0",
        *extra,
    ]


def run_chromium(url: str, *extra: str) -> tuple[str, list[str]]:
    """Run chromium on ``url``; return its stdout and the console messages it logged."""
    assert CHROMIUM is not None
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run(
            chromium_args(CHROMIUM, profile, *extra, url),
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    assert done.returncode == 0, done.stderr[-2000:]
    console = [line for line in done.stderr.splitlines() if ":CONSOLE" in line]
    return done.stdout, console


def test_command_line_is_isolated() -> None:
    args = chromium_args("chromium", "/tmp/p", "--dump-dom")
    assert args[:2] == ["chromium", "--headless"]
    assert "--user-data-dir=/tmp/p" in args and "--disable-background-networking" in args
    assert args[-1] == "--dump-dom"


@pytest.fixture(scope="module")
def report_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("browser") / "rapport.html"
    write_report(toc.load(NILS), path)
    return path


@needs_chromium
def test_harness_sees_console_errors(tmp_path: Path) -> None:
    # Without this, "no console messages" below could never fail.
    page = tmp_path / "bad.html"
    page.write_text(
        "<!DOCTYPE html><html lang=en><title>x</title>"
        "<script>console.error('boom'); missingFunction();</script></html>"
    )
    _, console = run_chromium(page.as_uri(), "--dump-dom")
    assert any('"boom"' in line for line in console), console
    assert any("missingFunction" in line for line in console), console


@needs_chromium
def test_report_loads_without_console_messages(report_file: Path) -> None:
    dom, console = run_chromium(report_file.as_uri(), "--dump-dom")
    assert console == []
    assert "<h1>Lärande utvärdering av Integrationscoach och Spira</h1>" in dom
    assert "Bilaga 1: Tabell över enkätsvar" in dom


@needs_chromium
def test_hostile_report_runs_nothing(tmp_path: Path) -> None:
    path = tmp_path / "hostile.html"
    write_report(
        hostile_doc("<script>console.error('injected')</script><img src=x onerror=alert(1)>"), path
    )
    dom, console = run_chromium(path.as_uri(), "--dump-dom")
    assert console == []
    assert "&lt;script&gt;console.error('injected')&lt;/script&gt;" in dom


@needs_chromium
def test_report_screenshot(report_file: Path, tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    run_chromium(report_file.as_uri(), "--window-size=1200,1600", f"--screenshot={shot}")
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1200, 1600)
    # A blank page compresses to a few kilobytes; the report's first screen does not.
    assert len(data) > 60_000
