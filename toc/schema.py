"""The JSON Schema of the file format, generated from the models."""

from __future__ import annotations

from typing import Any

from toc.model import FORMAT_VERSION, Document

__all__ = ["SCHEMA_ID", "json_schema"]

SCHEMA_ID = f"urn:toc-evaluation:schema:format-{FORMAT_VERSION}"


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
