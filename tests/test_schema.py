"""The published JSON Schema and the public names of both packages."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import mechanisms
import toc
from toc.schema import SCHEMA_ID, json_schema, schema_text

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_FILE = ROOT / "docs" / "schema.json"
TEMPLATES = ROOT / "toc" / "templates"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_committed_schema_is_current() -> None:
    committed = SCHEMA_FILE.read_text(encoding="utf-8")
    assert committed == schema_text(), (
        "docs/schema.json is out of date: regenerate it with `toc schema > docs/schema.json`"
    )


def test_schema_heading() -> None:
    schema = json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == SCHEMA_ID == "urn:toc-evaluation:schema:format-1"
    assert schema["properties"]["format"] == {
        "const": 1,
        "description": "The format's major version; this library knows 1.",
        "title": "Format",
        "type": "integer",
    }
    assert set(schema["required"]) == {"format", "id", "title"}


def _starter_json(language: str) -> dict[str, Any]:
    doc = toc.load(TEMPLATES / f"starter-{language}.yaml")
    data: dict[str, Any] = json.loads(toc.dumps(doc, "json"))
    return data


@pytest.mark.parametrize("language", ["sv", "en"])
def test_schema_validates_the_starter_templates(
    validator: jsonschema.Draft202012Validator, language: str
) -> None:
    assert list(validator.iter_errors(_starter_json(language))) == []


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["nodes"][0].update(colour="red"), "'colour' was unexpected"),
        (lambda d: d.update(format=2), "1 was expected"),
        (lambda d: d["nodes"][0].update(id="Not A Slug"), "does not match"),
        (lambda d: d["evidence"][0].update(kind="gossip"), "gossip"),
        (
            lambda d: d["mechanisms"][0].update(prior=1.5),
            "1.5 is not valid under any of the given schemas",
        ),
        (lambda d: d.pop("title"), "'title' is a required property"),
    ],
)
def test_schema_refuses_what_the_model_refuses(
    validator: jsonschema.Draft202012Validator, change: Any, message: str
) -> None:
    data = _starter_json("en")
    change(data)
    errors = [e.message for e in validator.iter_errors(data)]
    assert any(message in e for e in errors), errors
    with pytest.raises(toc.DocumentError):
        toc.loads(json.dumps(data), format="json")


def test_toc_public_names_are_pinned() -> None:
    assert toc.__all__ == [
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
    for name in toc.__all__:
        assert hasattr(toc, name), name


def test_mechanisms_public_names_are_pinned() -> None:
    assert mechanisms.__all__ == [
        "Condition",
        "Evidence",
        "EvidenceItem",
        "Judgement",
        "Mechanism",
        "NarrativeEvidence",
        "Rival",
        "SurveyEvidence",
        "Thresholds",
        "TocError",
        "aggregate",
        "judge",
        "parse_link_ref",
        "posterior",
        "suggest",
        "summarize",
        "survey_result",
        "weigh",
    ]
    for name in mechanisms.__all__:
        assert hasattr(mechanisms, name), name
