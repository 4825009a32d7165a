"""An output name the file system refuses is a clear error, exit 2, and nothing is written.

A name of 255 bytes is the usual limit of one path component; ``toc report``
also writes its diagram beside the report as ``NAME-diagram.svg``, so a report
name that fits can still give a side file whose name does not.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from toc.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
NILS = EXAMPLES / "nils-2018" / "nils-2018.yaml"
PLAN = EXAMPLES / "nils-2018-plan" / "nils-2018-plan.yaml"

LONG = "d" * 252
"""With a suffix, one name longer than the 255 bytes a file system allows."""

SIDE = "d" * 245
"""``SIDE.md`` fits; ``SIDE-diagram.svg``, the report's side file, does not."""


@pytest.mark.parametrize(
    ("args", "refused"),
    [
        (["render", str(NILS), "-o", f"{LONG}.svg"], f"{LONG}.svg"),
        (["convert", str(NILS), f"{LONG}.json"], f"{LONG}.json"),
        (["report", str(NILS), "-o", f"{LONG}.html"], f"{LONG}.html"),
        (["report", str(NILS), "-o", f"{SIDE}.md"], f"{SIDE}-diagram.svg"),
        (["diff", str(PLAN), str(NILS), "--diagram", f"{LONG}.svg"], f"{LONG}.svg"),
        (["export", str(NILS), "-o", f"{LONG}.xlsx"], f"{LONG}.xlsx"),
        (["synthesise", str(NILS), "-o", f"{LONG}.html"], f"{LONG}.html"),
    ],
    ids=["render", "convert", "report", "report-side-file", "diff-diagram", "export", "synth"],
)
def test_a_name_too_long_for_the_file_system_is_refused_and_nothing_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], refused: str
) -> None:
    monkeypatch.chdir(tmp_path)
    try:
        (tmp_path / f"{LONG}.svg").touch()
    except OSError:
        pass  # the name is too long here: the case under test
    else:
        pytest.skip("this file system takes names longer than 255 bytes")
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"error: cannot write {refused}: ")
    assert "Traceback" not in result.output
    assert os.listdir(tmp_path) == []
