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
    regenerate = 'regenerate: python -c "from toc.schema import write_copies; write_copies()"'
    assert committed == schema_text(), f"docs/schema.json is out of date; {regenerate}"
    packaged = (SCHEMA_FILE.parent.parent / "toc" / "schema.json").read_text(encoding="utf-8")
    assert packaged == committed, f"toc/schema.json is out of date; {regenerate}"


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
    for name in toc.__all__:
        assert hasattr(toc, name), name


def test_every_submodule_keeps_its_name() -> None:
    """`import toc.<module>` gives the module: no public function shadows one."""
    import importlib
    import pkgutil
    import types

    names = [m.name for m in pkgutil.iter_modules(toc.__path__)]
    assert {"assessment", "checking", "checks", "diagram", "files", "model", "report"} <= set(names)
    for name in names:
        module = importlib.import_module(f"toc.{name}")
        assert isinstance(module, types.ModuleType)
        assert getattr(toc, name) is module, name
        assert name not in toc.__all__, name
    # The functions stay one attribute away.
    assert callable(toc.assess) and callable(toc.render) and callable(toc.check)
    assert toc.diagram.render_bytes is not None


def test_importing_toc_builds_no_model() -> None:
    """`toc --help`, `toc new` and `toc schema` start without the models or networkx."""
    import subprocess
    import sys

    script = (
        "import sys, toc, toc.cli\n"
        "heavy = [m for m in ('toc.model', 'pydantic', 'networkx', 'mechanisms.model')"
        " if m in sys.modules]\n"
        "print(toc.__version__, heavy)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    assert out == f"{toc.__version__} []\n"


def test_mechanisms_public_names_are_pinned() -> None:
    assert mechanisms.__all__ == [
        "Condition",
        "Evidence",
        "EvidenceItem",
        "Histories",
        "Judgement",
        "Mechanism",
        "NarrativeEvidence",
        "Rival",
        "SurveyEvidence",
        "Thresholds",
        "aggregate",
        "history",
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
