"""The JSON Schema of the file format, generated from the models.

The published copy is ``docs/schema.json``; the package carries the same text
as ``toc/schema.json`` for ``toc schema``. Regenerate both with
``python -c "from toc.schema import write_copies; write_copies()"``; a test
keeps them equal to what the models generate.
"""

from __future__ import annotations

import json
from typing import Any

from toc.model import FORMAT_VERSION, Document

__all__ = ["SCHEMA_ID", "json_schema", "schema_text", "write_copies"]

SCHEMA_ID = f"urn:toc-evaluation:schema:format-{FORMAT_VERSION}"
"""The schema's ``$id``; it changes only with the format's major version."""


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that a document of this format satisfies.

    Cross-references (unique ids, links naming declared nodes) are beyond
    JSON Schema; `toc.load` checks them.

    >>> json_schema()["properties"]["format"]["const"]
    1
    """
    schema = Document.model_json_schema(by_alias=True, mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
    }


def schema_text() -> str:
    """The schema as the text of ``docs/schema.json``: indented JSON, one final newline.

    >>> schema_text().endswith("}\\n")
    True
    """
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


def write_copies() -> None:
    """Write `schema_text` to ``docs/schema.json`` and ``toc/schema.json`` (in a checkout)."""
    from pathlib import Path

    here = Path(__file__).resolve().parent
    for path in (here.parent / "docs" / "schema.json", here / "schema.json"):
        path.write_text(schema_text(), encoding="utf-8")
