"""toc: theories of change for evaluation work.

Load a document, check it, judge it and draw it::

    import toc
    doc = toc.load("examples/nils-2018/nils-2018.yaml")
    for finding in toc.check(doc):
        print(finding)
    result = toc.assess(doc)
    toc.render(doc, "nils.svg", color_by="verdict", assessment=result)

The names below are the public face; each is imported from its module when
first used, so ``import toc`` itself is cheap. Every submodule keeps its own
name (``toc.assessment``, ``toc.diagram``, ...): no function shadows one.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from toc._version import __version__

if TYPE_CHECKING:
    from toc.assessment import Assessment, assess
    from toc.changes import diff
    from toc.checking import check
    from toc.diagram import Diagram, render, to_dot, to_mermaid
    from toc.errors import (
        DocumentError,
        FileFormatError,
        OptionError,
        Problem,
        ReadError,
        TocError,
        UnsupportedVersionError,
        WriteError,
    )
    from toc.files import dump, dumps, load, loads, validate
    from toc.findings import Finding
    from toc.model import (
        FORMAT_VERSION,
        Actor,
        CheckSettings,
        Document,
        Indicator,
        Intervention,
        Link,
        Measurement,
        Node,
        ReportInfo,
    )
    from toc.synthesis import Synthesis, synthesise

_HOMES: dict[str, str] = {
    "Assessment": "toc.assessment",
    "assess": "toc.assessment",
    "check": "toc.checking",
    "diff": "toc.changes",
    "Diagram": "toc.diagram",
    "render": "toc.diagram",
    "to_dot": "toc.diagram",
    "to_mermaid": "toc.diagram",
    "DocumentError": "toc.errors",
    "FileFormatError": "toc.errors",
    "OptionError": "toc.errors",
    "Problem": "toc.errors",
    "ReadError": "toc.errors",
    "TocError": "toc.errors",
    "UnsupportedVersionError": "toc.errors",
    "WriteError": "toc.errors",
    "dump": "toc.files",
    "dumps": "toc.files",
    "load": "toc.files",
    "loads": "toc.files",
    "validate": "toc.files",
    "Finding": "toc.findings",
    "FORMAT_VERSION": "toc.model",
    "Actor": "toc.model",
    "CheckSettings": "toc.model",
    "Document": "toc.model",
    "Indicator": "toc.model",
    "Intervention": "toc.model",
    "Link": "toc.model",
    "Measurement": "toc.model",
    "Node": "toc.model",
    "ReportInfo": "toc.model",
    "Synthesis": "toc.synthesis",
    "synthesise": "toc.synthesis",
}
"""Where each public name lives (the package imports it from there on first use)."""

__all__ = [
    "FORMAT_VERSION",
    "Actor",
    "Assessment",
    "CheckSettings",
    "Diagram",
    "Document",
    "DocumentError",
    "FileFormatError",
    "Finding",
    "Indicator",
    "Intervention",
    "Link",
    "Measurement",
    "Node",
    "OptionError",
    "Problem",
    "ReadError",
    "ReportInfo",
    "Synthesis",
    "TocError",
    "UnsupportedVersionError",
    "WriteError",
    "__version__",
    "assess",
    "check",
    "diff",
    "dump",
    "dumps",
    "load",
    "loads",
    "render",
    "synthesise",
    "to_dot",
    "to_mermaid",
    "validate",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'toc' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value  # the next access is a plain attribute
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_HOMES])
