"""Process-wide state: what toc's docstrings say about it is what the code does.

The collector's pause (`toc._gc`) is the one switch library code flips; the
command line, which owns its process, also redirects file descriptor 2 for a
moment (`toc.diagram.engine.hold_back_font_warnings`). No other module calls that.
"""

from __future__ import annotations

import ast
from pathlib import Path

import toc._gc
import toc.diagram.engine

PACKAGE = Path(toc._gc.__file__).resolve().parent


def _callers(name: str) -> set[str]:
    """The modules of the package that call ``name`` (as a name or an attribute)."""
    found = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                called = node.func
                if (isinstance(called, ast.Name) and called.id == name) or (
                    isinstance(called, ast.Attribute) and called.attr == name
                ):
                    found.add(path.relative_to(PACKAGE.parent).as_posix())
    return found


def test_only_the_command_line_redirects_file_descriptor_2() -> None:
    assert _callers("hold_back_font_warnings") == {"toc/cli/__init__.py"}
    assert "Library code never does" in (toc.diagram.engine.hold_back_font_warnings.__doc__ or "")


def test_the_collectors_docstring_names_the_command_lines_exception() -> None:
    doc = toc._gc.__doc__ or ""
    assert "the only process-wide state toc's library code touches" in doc
    assert "`toc.diagram.engine.hold_back_font_warnings`" in doc
    assert "the only process-wide state toc touches" not in doc
