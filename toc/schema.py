"""The JSON Schema of the file format, generated from the models.

The published copy is ``docs/schema.json``; regenerate it with
``toc schema > docs/schema.json``.
"""

from __future__ import annotations

import json
from typing import Any

from toc.model import FORMAT_VERSION, Document

__all__ = ["SCHEMA_ID", "json_schema", "schema_text"]

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
