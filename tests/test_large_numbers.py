"""Numbers too large to use are refused where they are read, never met by a writer.

An indicator value or a survey count larger than 2**53 (`mechanisms.types.LARGEST`)
is a located load problem in the document's language; below the limit the
writers format every number. Before the limit, a 400-digit reading passed
`toc check` and crashed every writer that turned it into a float.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import toc
from mechanisms.types import LARGEST
from toc.cli import main
from toc.errors import DocumentError
from toc.report.write import render_report
from toc.schema import json_schema
from toc.serve import Live

ROOT = Path(__file__).resolve().parent.parent
NILS = ROOT / "examples/nils-2018/nils-2018.yaml"
HUGE = int("9" * 400)

EN_LARGE = "a number this large cannot be used: at most 9,007,199,254,740,992 in size"
EN_HINT = "write a smaller number: check it for a typing slip"
SV_LARGE = (
    "ett så stort tal kan inte användas: högst 9\xa0007\xa0199\xa0254\xa0740\xa0992 till storleken"
)
SV_HINT = "skriv ett mindre tal: kontrollera att det inte är felskrivet"

BASE: dict[str, Any] = {
    "format": 1,
    "id": "d",
    "title": "T",
    "nodes": [
        {"id": "a", "stage": "activities", "label": "A"},
        {
            "id": "b",
            "stage": "short",
            "label": "B",
            "indicators": [
                {
                    "id": "i",
                    "name": "Share",
                    "baseline": {"value": 1},
                    "target": {"value": 2},
                    "actual": [{"value": 3}],
                }
            ],
        },
    ],
    "links": [{"from": "a", "to": "b"}],
    "mechanisms": [{"id": "m", "title": "M", "links": ["a->b"]}],
    "evidence": [
        {
            "id": "e",
            "about": "m",
            "kind": "survey",
            "question": "Q",
            "scale": ["no", "yes"],
            "counts": [1, 2],
            "dont_know": 0,
        }
    ],
}

INDICATOR = ("nodes", 1, "indicators", 0)
PLACES = [
    pytest.param((*INDICATOR, "actual", 0, "value"), HUGE, id="actual"),
    pytest.param((*INDICATOR, "baseline", "value"), -HUGE, id="baseline-negative"),
    pytest.param((*INDICATOR, "target", "value"), 1.5e300, id="target-float"),
    pytest.param((*INDICATOR, "actual", 0, "value"), LARGEST + 1, id="just-over"),
    pytest.param(("evidence", 0, "counts", 0), HUGE, id="count"),
    pytest.param(("evidence", 0, "counts", 1), LARGEST + 1, id="count-just-over"),
    pytest.param(("evidence", 0, "counts", 0), -HUGE, id="count-negative"),
    pytest.param(("evidence", 0, "dont_know"), HUGE, id="dont-know"),
]


def _with(path: tuple[str | int, ...], value: Any, **top: Any) -> dict[str, Any]:
    data = copy.deepcopy(BASE) | top
    node = data
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    return data


def _dotted(path: tuple[str | int, ...]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


@pytest.mark.parametrize(("path", "value"), PLACES)
@pytest.mark.parametrize(
    ("language", "message", "hint"),
    [("en", EN_LARGE, EN_HINT), ("sv", SV_LARGE, SV_HINT)],
    ids=["en", "sv"],
)
def test_a_number_too_large_is_a_located_problem(
    path: tuple[str | int, ...], value: Any, language: str, message: str, hint: str
) -> None:
    with pytest.raises(DocumentError) as info:
        toc.validate(_with(path, value, language=language))
    [problem] = info.value.problems
    assert (problem.message, problem.hint) == (f"{_dotted(path)}: {message}", hint)


@pytest.mark.parametrize(
    "path",
    [
        (*INDICATOR, "actual", 0, "value"),
        (*INDICATOR, "baseline", "value"),
        ("evidence", 0, "counts", 0),
        ("evidence", 0, "dont_know"),
    ],
)
def test_the_largest_number_is_read_and_written(path: tuple[str | int, ...]) -> None:
    doc = toc.validate(_with(path, LARGEST))
    files = render_report(doc, "markdown", sections=["indicators", "surveys"])
    assert "9,007,199,254,740,99" in files["report.md"].decode("utf-8")


def test_a_negative_value_down_to_the_limit_is_read() -> None:
    path = (*INDICATOR, "baseline", "value")
    assert toc.validate(_with(path, -LARGEST)).nodes[1].indicators[0].baseline.value == -LARGEST


def test_the_schema_gives_the_limits() -> None:
    schema = json_schema()["$defs"]
    assert schema["Measurement"]["properties"]["value"]["maximum"] == LARGEST
    assert schema["Measurement"]["properties"]["value"]["minimum"] == -LARGEST
    survey = schema["SurveyEvidence"]["properties"]
    assert survey["counts"]["items"]["maximum"] == LARGEST
    assert survey["dont_know"]["maximum"] == LARGEST


# ------------------------------------------------------------ the commands


@pytest.fixture
def huge_files(tmp_path: Path) -> dict[str, Path]:
    """The reference evaluation with a 400-digit reading, and with a 400-digit count."""
    text = NILS.read_text(encoding="utf-8")
    out = {}
    for name, old, new in [
        ("reading", '- {value: 2, date: "2019-01"', f'- {{value: {HUGE}, date: "2019-01"'),
        ("count", "counts: [5, 9]", f"counts: [{HUGE}, 9]"),
    ]:
        assert old in text
        out[name] = tmp_path / f"{name}.yaml"
        out[name].write_text(text.replace(old, new, 1), encoding="utf-8")
    return out


PLACES_IN_NILS = {
    "reading": ("nodes[9].indicators[0].actual[0].value", "204:21"),
    "count": ("evidence[7].counts[0]", "576:14"),
}


@pytest.mark.parametrize("name", ["reading", "count"])
@pytest.mark.parametrize(
    "args",
    [
        ["check"],
        ["report", "-o", "out/r.html"],
        ["report", "-o", "out/r.md"],
        ["report", "-o", "out/r.docx"],
        ["export", "-o", "out/x.xlsx", "--to", "logframe"],
    ],
    ids=["check", "report-html", "report-md", "report-docx", "export-logframe"],
)
def test_every_command_refuses_the_document_and_writes_nothing(
    huge_files: dict[str, Path], name: str, args: list[str], tmp_path: Path
) -> None:
    path = huge_files[name]
    (tmp_path / "out").mkdir()
    command, *rest = args
    rest = [str(tmp_path / a) if a.startswith("out/") else a for a in rest]
    result = CliRunner().invoke(main, [command, str(path), *rest])
    where, position = PLACES_IN_NILS[name]
    assert result.exit_code == 2, result.output
    assert result.stderr == (f"{path}:{position}: error: {where}: {SV_LARGE}\n  hint: {SV_HINT}\n")
    assert list((tmp_path / "out").iterdir()) == []


def test_the_live_page_shows_the_problem_and_keeps_the_last_good_diagram(
    huge_files: dict[str, Path], tmp_path: Path
) -> None:
    path = tmp_path / "live.yaml"
    path.write_bytes(NILS.read_bytes())
    live = Live(path)
    assert live.reload().ok
    good = live.diagram({})
    path.write_bytes(huge_files["reading"].read_bytes())
    state = live.reload()
    assert (state.revision, state.good_revision, state.ok) == (2, 1, False)
    [problem] = state.problems
    assert problem.message == f"nodes[9].indicators[0].actual[0].value: {SV_LARGE}"
    assert live.diagram({}) == good
