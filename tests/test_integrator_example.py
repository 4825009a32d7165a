"""The embedding example: examples/embedding/build_in_code.py, shown whole in docs/integrator.md.

The page shows the file and what it prints; this test keeps both true by
running the file. `.ci/run` runs ``mypy --strict`` on the same file, with and
without pydantic's mypy plugin, as a tool's own code would be checked.
"""

from __future__ import annotations

import contextlib
import io
import re
import runpy
from pathlib import Path

import pytest

import toc
from toc.diagram import render_bytes

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "embedding" / "build_in_code.py"
PAGE = ROOT / "docs" / "integrator.md"


def _section() -> str:
    text = PAGE.read_text(encoding="utf-8")
    start = text.index("## A complete example in code")
    return text[start : text.index("\n## ", start + 1)]


def _fenced(section: str, lang: str) -> str:
    found = re.search(rf"^```{lang}\n(.*?)^```$", section, re.MULTILINE | re.DOTALL)
    assert found, f"docs/integrator.md: no ```{lang} block in the example's section"
    return found.group(1)


def test_the_page_shows_the_example_file_whole() -> None:
    assert _fenced(_section(), "python") == EXAMPLE.read_text(encoding="utf-8")


def test_the_example_runs_as_shown(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        globs = runpy.run_path(str(EXAMPLE), run_name="__main__")
    assert printed.getvalue() == _fenced(_section(), "text")
    doc, result = globs["doc"], globs["result"]
    assert isinstance(doc, toc.Document) and isinstance(result, toc.Assessment)
    # It changed the document it built: the new node, link and evidence are in it.
    assert [n.id for n in doc.nodes] == ["funding", "meetings", "plan", "work"]
    assert doc.link("plan->work").to == "work"
    assert doc.get("e-survey") is not None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["coaching.mmd", "coaching.svg"]
    for name, fmt in (("coaching.svg", "svg"), ("coaching.mmd", "mermaid")):
        expected = render_bytes(doc, fmt, color_by="verdict", assessment=result)
        assert (tmp_path / name).read_bytes() == expected


def test_ci_checks_the_example_with_mypy() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    relative = EXAMPLE.relative_to(ROOT).as_posix()
    runs = [line for line in ci.splitlines() if line.startswith("mypy ") and relative in line]
    assert len(runs) == 2, runs  # with the project's settings (pydantic plugin) and without
    assert all("--strict" in line for line in runs)
    assert any("--config-file=" in line for line in runs)
