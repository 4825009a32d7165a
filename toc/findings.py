"""The one located message: a `Finding`, from a load error to a check result.

A file that cannot be loaded yields findings without a code (severity
``error``); a check yields findings with a stable code (``TOC001``), a name
(``link-backwards``) and a severity. Both carry the same place: the path in
the data, and the file, line and column when the document came from a file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = ["SEVERITIES", "SEVERITY_RANK", "SHOWN", "Finding", "Path", "Severity", "dotted", "shown"]

Path = tuple[str | int, ...]
"""A place in a document's data: ``("nodes", 3, "stage")``."""

Severity = Literal["error", "warning", "info"]
"""How serious a finding is."""

SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
"""Severities, most severe first.

- ``error``: the document contradicts itself (a link backwards, a cycle, a
  recorded verdict the evidence contradicts); ``toc check`` exits with 1.
- ``warning``: something is very likely missing or left over.
- ``info``: a gap that is often deliberate.
"""

SEVERITY_RANK: dict[str, int] = {severity: rank for rank, severity in enumerate(SEVERITIES)}
"""``error`` 0, ``warning`` 1, ``info`` 2: sort by it to put the most severe first."""


def dotted(path: Path) -> str:
    """A data path as people read it: ``nodes[3].stage``.

    >>> dotted(("nodes", 3, "stage")), dotted(())
    ('nodes[3].stage', '(top level)')
    """
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out or "(top level)"


SHOWN = 200
"""The most characters of a value a message shows; a longer one is cut (`shown`). As long
as the longest id, so that an id is always shown whole."""


def shown(value: str) -> str:
    """A value as a message shows it: at most `SHOWN` characters, a longer one cut with ``…``.

    A document that is one long text, a key of a megabyte, an id pasted from
    a whole paragraph: the message names the value without repeating all of it.

    >>> shown("resourses"), shown("a" * 1_000_000) == "a" * 199 + "…"
    ('resourses', True)
    """
    return value if len(value) <= SHOWN else value[: SHOWN - 1] + "…"


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing wrong with, or noticed about, a document, located as precisely as known.

    ``message`` and ``hint`` are in the document's language for check
    findings. ``code`` (``TOC001``) and ``name`` (``link-backwards``) are set
    for check findings and None for a load error. ``ids`` are the elements
    involved; ``path`` the place in the data; ``file``, ``line`` and
    ``column`` (1-based) are set when the document came from a file.

    >>> f = Finding("the resource 'money' leads nowhere", code="TOC003",
    ...             name="leads-nowhere", severity="warning", file="t.yaml", line=6, column=5)
    >>> str(f)
    "t.yaml:6:5: warning TOC003: the resource 'money' leads nowhere"
    >>> print(Finding("no such file", hint="check the path", file="t.yaml").render())
    t.yaml: error: no such file
      hint: check the path
    """

    message: str
    path: Path = ()
    hint: str | None = None
    file: str | None = None
    line: int | None = None
    column: int | None = None
    code: str | None = None
    name: str | None = None
    severity: Severity = "error"
    ids: tuple[str, ...] = ()
    key: bool = field(default=False, compare=False)
    """True when the finding is about the key at ``path`` itself (an unknown key)."""

    def where(self) -> str:
        """``file:line:column`` as far as known."""
        parts = [self.file or "<document>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def __str__(self) -> str:
        label = f"{self.severity} {self.code}" if self.code else self.severity
        return f"{self.where()}: {label}: {self.message}"

    def render(self) -> str:
        """The finding as the command line prints it, hint on its own line."""
        out = str(self)
        if self.hint:
            out += f"\n  hint: {self.hint}"
        return out

    def at(self, file: str | None, position: tuple[int, int] | None) -> Finding:
        """This finding placed in ``file`` at ``position`` (line, column), if known."""
        line, column = position if position else (None, None)
        return Finding(
            self.message,
            self.path,
            self.hint,
            file,
            line,
            column,
            self.code,
            self.name,
            self.severity,
            self.ids,
            self.key,
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON output, in a fixed key order."""
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity,
            "message": self.message,
            "hint": self.hint,
            "ids": list(self.ids),
            "path": list(self.path),
            "file": self.file,
            "line": self.line,
            "column": self.column,
        }
