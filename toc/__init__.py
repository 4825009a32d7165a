"""toc: theories of change for evaluation work.

Load a document, check it, and work with its graph::

    import toc
    doc = toc.load("examples/nils-2018/nils-2018.yaml")
    for finding in toc.check(doc):
        print(finding.code, finding.message)
"""

import toc.consistency  # noqa: F401  (registers the TOC1xx consistency checks)
from toc.assess import Assessment, assess
from toc.checks import Finding, check
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
from toc.model import (
    FORMAT_VERSION,
    Actor,
    Document,
    Indicator,
    Intervention,
    Link,
    Measurement,
    Node,
)
from toc.render import render, to_dot

__version__ = "0.1.0"

__all__ = [
    "FORMAT_VERSION",
    "Actor",
    "Assessment",
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
    "TocError",
    "UnsupportedVersionError",
    "WriteError",
    "__version__",
    "assess",
    "check",
    "dump",
    "dumps",
    "load",
    "loads",
    "render",
    "to_dot",
    "validate",
]
