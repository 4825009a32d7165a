"""Kumu, GraphML and the logframe: what each format gets, exactly, and what comes back."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from openpyxl import load_workbook

import toc
from toc.errors import DocumentError, OptionError
from toc.interop import export_document, import_document
from toc.interop.graphml import graph_attributes, graphml_text
from toc.interop.kumu import blueprint, read_kumu
from toc.interop.logframe import logframe_rows

DEMO = """
format: 1
id: demo
title: Demo
language: en
interventions: [{id: ic, name: Integration coach}, {id: spira, name: Spira}]
actors: [{id: town, name: The town, kind: municipality}]
nodes:
  - {id: money, stage: resources, label: Money}
  - {id: coach, stage: activities, label: Coaching, interventions: [ic], actors: [town]}
  - id: trust
    stage: short
    label: Trust
    indicators:
      - id: i-trust
        name: Share who trust the partners
        unit: percent
        baseline: {value: 20, date: "2017"}
        target: {value: 60}
        actual:
          - {value: 35, date: "2018", source: survey}
          - {value: 48.5, date: "2019", source: register}
        method: yearly survey
  - {id: job, stage: long, label: A job}
links:
  - {from: money, to: coach}
  - {from: coach, to: trust, label: "if | when"}
  - {from: trust, to: job}
  - {from: job, to: trust, feedback: true}
mechanisms:
  - id: m-relation
    title: A relation carries the work
    statement: People trust a coach.
    links: ["coach->trust"]
    conditions: [c-forum]
  - {id: m-trust, title: Trust opens doors, links: ["trust->job"]}
conditions: [{id: c-forum, statement: A forum exists}]
evidence:
  - id: e1
    about: m-relation
    intervention: ic
    kind: interview
    stance: supports
    test: smoking_gun
judgements:
  - {about: m-relation, intervention: ic, verdict: held, evidence: [e1]}
  - {about: m-trust, verdict: not_held}
"""


@pytest.fixture
def demo() -> toc.Document:
    return toc.loads(DEMO)


# ------------------------------------------------------------------ Kumu


def test_kumu_blueprint_elements(demo: toc.Document) -> None:
    data = blueprint(demo)
    coach = data["elements"][1]
    assert coach == {
        "id": "coach",
        "label": "Coaching",
        "type": "Activity",
        "tags": ["Integration coach", "The town"],
        "Stage": "activities",
        "Stage order": 2,
        "Interventions": ["Integration coach"],
        "Intervention ids": ["ic"],
        "Actors": ["The town"],
        "Actor ids": ["town"],
    }
    trust = data["elements"][2]
    assert trust["Indicators"] == ["Share who trust the partners (percent)"]
    assert trust["Pathway support"] in ("supported", "at risk", "unassessed")


def test_kumu_blueprint_connections_carry_ids_mechanisms_and_verdicts(demo: toc.Document) -> None:
    connections = {c["id"]: c for c in blueprint(demo)["connections"]}
    assert list(connections) == ["money->coach", "coach->trust", "trust->job", "job->trust"]
    assert connections["coach->trust"] == {
        "id": "coach->trust",
        "from": "coach",
        "to": "trust",
        "type": "Link",
        "direction": "directed",
        "label": "if | when",
        "Mechanisms": ["M1: A relation carries the work"],
        "Mechanism ids": ["m-relation"],
        "Verdict": "held",
        "Verdict code": "held",
    }
    assert connections["trust->job"]["Verdict code"] == "not_held"
    assert connections["job->trust"]["type"] == "Feedback"
    assert "Verdict" not in connections["money->coach"]


def test_kumu_verdict_is_the_badge_rule(demo: toc.Document) -> None:
    """The verdict field is what the diagram's badge shows: `Assessment.badge`."""
    result = toc.assess(demo)
    (cell,) = result.badge("m-trust")
    assert blueprint(demo, result)["connections"][2]["Verdict code"] == cell.verdict


def test_kumu_in_swedish(demo: toc.Document) -> None:
    sv = toc.loads(DEMO.replace("language: en", "language: sv"))
    element = blueprint(sv)["elements"][2]
    assert element["type"] == "Effekt på kort sikt"
    assert element["Steg"] == "short"
    assert blueprint(sv)["connections"][2]["Bedömning"] == "höll inte"


def test_kumu_round_trip_keeps_the_chain(demo: toc.Document, tmp_path: Path) -> None:
    export_document(demo, tmp_path / "map.json", "kumu")
    back = import_document(tmp_path / "map.json", "kumu")
    assert [(n.id, n.stage, n.label, n.interventions, n.actors) for n in back.nodes] == [
        (n.id, n.stage, n.label, n.interventions, n.actors) for n in demo.nodes
    ]
    assert [(link.ref, link.feedback, link.label) for link in back.links] == [
        (link.ref, link.feedback, link.label) for link in demo.links
    ]
    assert [(m.id, m.title, m.links) for m in back.mechanisms] == [
        (m.id, m.title, m.links) for m in demo.mechanisms
    ]
    assert [(i.id, i.name) for i in back.interventions] == [("ic", "Integration coach")]


def _blueprint(tmp_path: Path, data: dict[str, Any]) -> Path:
    path = tmp_path / "map.json"
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return path


def test_kumu_in_by_label_with_types_matched_to_stages(tmp_path: Path) -> None:
    path = _blueprint(
        tmp_path,
        {
            "elements": [
                {"label": "Funding", "type": "Resource"},
                {"label": "Coaching", "type": "AKTIVITET", "description": "Weekly."},
                {"label": "Trust", "type": "short-term outcome"},
                {"label": "Jobs", "type": "Effekter lång sikt"},
            ],
            "connections": [
                {"from": "Funding", "to": "Coaching"},
                {"from": "Coaching", "to": "Trust", "label": "weekly"},
                {"from": "Trust", "to": "Jobs"},
            ],
        },
    )
    doc = read_kumu(path)
    assert [(n.id, n.stage) for n in doc.nodes] == [
        ("funding", "resources"),
        ("coaching", "activities"),
        ("trust", "short"),
        ("jobs", "long"),
    ]
    assert [link.ref for link in doc.links] == [
        "funding->coaching",
        "coaching->trust",
        "trust->jobs",
    ]
    assert doc.nodes[1].description == "Weekly."
    assert doc.links[1].label == "weekly"
    assert doc.id == "map"


def test_kumu_in_by_id_and_from_a_kumu_backup(tmp_path: Path) -> None:
    path = _blueprint(
        tmp_path,
        {
            "elements": [
                {"_id": "e1", "attributes": {"label": "Same name", "element type": "Goal"}},
                {"_id": "e2", "attributes": {"label": "Same name", "element type": "Task"}},
            ],
            "connections": [{"_id": "c1", "from": "e2", "to": "e1"}],
        },
    )
    doc = read_kumu(path, stage_map=["Goal=long", "task=activities"])
    # Kumu's ids are slugs here: they become the nodes' ids.
    assert [(n.id, n.stage, n.label) for n in doc.nodes] == [
        ("e1", "long", "Same name"),
        ("e2", "activities", "Same name"),
    ]
    assert [link.ref for link in doc.links] == ["e2->e1"]


def test_kumu_types_that_map_to_no_stage_are_all_listed(tmp_path: Path) -> None:
    path = _blueprint(
        tmp_path,
        {
            "elements": [
                {"label": "A", "type": "Person"},
                {"label": "B", "type": "Organisation"},
                {"label": "C", "type": "Person"},
                {"label": "D"},
                {"label": "E", "type": "Activity"},
            ]
        },
    )
    with pytest.raises(DocumentError) as caught:
        read_kumu(path)
    (problem,) = caught.value.problems
    assert problem.message == (
        "element types that map to no stage: (no type), 'Organisation', 'Person'"
    )
    assert (problem.file, problem.line) == (str(path), 15)  # the first such element
    assert "--stage-map" in (problem.hint or "")


UNMAPPED = {
    "en": (
        "element types that map to no stage: 'Organisation', 'Person'",
        "map each with --stage-map, e.g. --stage-map 'Organisation'=activities (stages: "
        "resources, activities, short, medium, long)",
    ),
    "sv": (
        "elementtyper som inte motsvarar något steg: 'Organisation', 'Person'",
        "ange ett steg för var och en med --stage-map, t.ex. --stage-map "
        "'Organisation'=activities (stegen: resources, activities, short, medium, long)",
    ),
}


@pytest.mark.parametrize("language", ["en", "sv"])
def test_kumu_connections_to_unmapped_or_unlabelled_elements_are_not_reported_again(
    tmp_path: Path, language: str
) -> None:
    """The elements are reported once; connections to them are no "unknown element"."""
    path = _blueprint(
        tmp_path,
        {
            "elements": [
                {"label": "Anna", "type": "Person"},
                {"id": "b", "label": "Coaching", "type": "Activity"},
                {"id": "org", "label": "The town", "type": "Organisation"},
                {"id": "blank"},
            ],
            "connections": [
                {"id": "c1", "from": "anna", "to": "b"},  # by label, case aside
                {"id": "c2", "from": "b", "to": ["org", "The town"]},
                {"id": "c3", "from": "blank", "to": "b"},
                {"id": "c4", "from": "b", "to": "nowhere"},  # still unknown
            ],
        },
    )
    with pytest.raises(DocumentError) as caught:
        read_kumu(path, language=language)
    unknown = {
        "en": ("element 'blank' has no label", "connection 'c4': unknown element 'nowhere'"),
        "sv": ("elementet 'blank' har ingen etikett", "kopplingen 'c4': okänt element 'nowhere'"),
    }[language]
    assert [(p.message, p.hint) for p in caught.value.problems] == [
        UNMAPPED[language],
        (
            unknown[0],
            {"en": "give every element a label", "sv": "ge varje element en etikett"}[language],
        ),
        (
            unknown[1],
            {
                "en": "name an element by its id or its label",
                "sv": "ange ett element med dess id eller etikett",
            }[language],
        ),
    ]


def test_kumu_problems_and_document_are_in_the_blueprints_language(
    demo: toc.Document, tmp_path: Path
) -> None:
    """toc's own fields say the language (Steg, Stage); else ``language`` is used."""
    swedish = toc.loads(DEMO.replace("language: en", "language: sv"))
    export_document(swedish, tmp_path / "sv.json", "kumu")
    assert read_kumu(tmp_path / "sv.json").language == "sv"
    assert read_kumu(tmp_path / "sv.json", language="en").language == "sv"
    export_document(demo, tmp_path / "en.json", "kumu")
    assert read_kumu(tmp_path / "en.json", language="sv").language == "en"
    data = json.loads((tmp_path / "sv.json").read_text(encoding="utf-8"))
    data["connections"][0]["to"] = "ingenstans"
    (tmp_path / "sv.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(DocumentError) as caught:
        read_kumu(tmp_path / "sv.json", language="en")
    assert [p.message for p in caught.value.problems] == [
        "kopplingen 'money->coach': okänt element 'ingenstans'"
    ]
    plain = _blueprint(tmp_path, {"elements": [{"label": "A", "type": "Aktivitet"}]})
    assert read_kumu(plain, language="sv").language == "sv"
    assert read_kumu(plain).language == "en"


def test_kumu_a_file_that_is_not_a_blueprint_is_refused_in_the_language_given(
    tmp_path: Path,
) -> None:
    path = tmp_path / "map.json"
    path.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(DocumentError) as caught:
        read_kumu(path, language="sv")
    assert [(p.message, p.hint) for p in caught.value.problems] == [
        (
            'en Kumu-blueprint är ett objekt med en lista "elements" (och en "connections")',
            'exportera kartan från Kumu som JSON, eller skriv {"elements": [...], '
            '"connections": [...]}',
        )
    ]
    path.write_bytes(b'{"elements": [{"label": "\xf6"}]}')
    with pytest.raises(DocumentError) as caught:
        read_kumu(path)
    assert [(p.message, p.hint) for p in caught.value.problems] == [
        ("the file is not UTF-8 text", "save it as UTF-8")
    ]


def test_kumu_elements_without_a_type_are_mapped_with_an_empty_type(tmp_path: Path) -> None:
    path = _blueprint(tmp_path, {"elements": [{"label": "A"}, {"label": "B", "type": "Goal"}]})
    doc = read_kumu(path, stage_map=["=activities", "Goal=long"])
    assert [n.stage for n in doc.nodes] == ["activities", "long"]


def test_kumu_bad_connections_are_located(tmp_path: Path) -> None:
    path = _blueprint(
        tmp_path,
        {
            "elements": [
                {"id": "a", "label": "Twin", "type": "Activity"},
                {"id": "b", "label": "Twin", "type": "Resource"},
            ],
            "connections": [
                {"id": "c1", "from": "a", "to": "nowhere"},
                {"id": "c2", "from": "Twin", "to": "a"},
            ],
        },
    )
    with pytest.raises(DocumentError) as caught:
        read_kumu(path)
    found = [(p.line, p.message) for p in caught.value.problems]
    lines = path.read_text().splitlines()
    assert [message for _, message in found] == [
        "connection 'c1': unknown element 'nowhere'",
        "connection 'c2': 'Twin' is the label of 2 elements",
    ]
    assert '"nowhere"' in lines[found[0][0] - 1] and '"Twin"' in lines[found[1][0] - 1]


def test_kumu_stage_map_names_a_stage(tmp_path: Path) -> None:
    path = _blueprint(tmp_path, {"elements": [{"label": "A", "type": "Goal"}]})
    with pytest.raises(OptionError) as caught:
        read_kumu(path, stage_map={"Goal": "outcomes"})
    assert str(caught.value) == (
        "--stage-map names the stage 'outcomes'; use one of resources, activities, short, "
        "medium, long"
    )
    with pytest.raises(OptionError) as caught:
        read_kumu(path, stage_map=["Goal=outcomes"], language="sv")
    assert str(caught.value) == (
        "--stage-map anger steget 'outcomes'; använd något av resources, activities, short, "
        "medium, long"
    )


def test_kumu_spreadsheet_layout(demo: toc.Document, tmp_path: Path) -> None:
    export_document(demo, tmp_path / "kumu.xlsx", "kumu-xlsx")
    book = load_workbook(tmp_path / "kumu.xlsx")
    assert book.sheetnames == ["Elements", "Connections"]
    elements = [[c.value for c in row] for row in book["Elements"].iter_rows()]
    assert elements[0][:5] == ["ID", "Label", "Type", "Description", "Tags"]
    assert elements[2][:5] == ["coach", "Coaching", "Activity", None, "Integration coach|The town"]
    connections = [[c.value for c in row] for row in book["Connections"].iter_rows()]
    assert connections[0][:5] == ["ID", "From", "To", "Type", "Label"]
    assert connections[2][:3] == ["coach->trust", "coach", "trust"]
    assert book["Elements"].freeze_panes == "A2"


# --------------------------------------------------------------- GraphML


def test_graphml_reads_back_with_networkx(demo: toc.Document, tmp_path: Path) -> None:
    export_document(demo, tmp_path / "demo.graphml")
    graph = nx.read_graphml(tmp_path / "demo.graphml")
    expected_graph, nodes, links = graph_attributes(demo)
    assert list(graph.nodes) == [n.id for n in demo.nodes]
    assert dict(graph.nodes(data=True)) == nodes
    assert {(a, b): d for a, b, d in graph.edges(data=True)} == links
    assert {k: v for k, v in graph.graph.items() if not k.endswith("_default")} == expected_graph


def test_graphml_attributes_are_plain(demo: toc.Document) -> None:
    _, nodes, links = graph_attributes(demo)
    assert nodes["coach"] == {
        "stage": "activities",
        "stage_index": 1,
        "label": "Coaching",
        "interventions": "ic",
        "actors": "town",
        "outcome": False,
        "stage_name": "Activity",
    }
    assert nodes["trust"]["indicators"] == "Share who trust the partners"
    assert links[("coach", "trust")] == {
        "feedback": False,
        "mechanisms": "m-relation",
        "label": "if | when",
        "mechanism_titles": "A relation carries the work",
        "verdict": "held",
    }
    for attributes in [*nodes.values(), *links.values()]:
        for value in attributes.values():
            assert isinstance(value, str | int | float | bool)


def test_graphml_keeps_every_field_of_a_nodes_indicators(demo: toc.Document) -> None:
    """Flattened as the document names them: indicator_1_baseline_value, …_actual_2_date."""
    _, nodes, _ = graph_attributes(demo)
    indicator = {k: v for k, v in nodes["trust"].items() if k.startswith("indicator_")}
    assert indicator == {
        "indicator_1_id": "i-trust",
        "indicator_1_name": "Share who trust the partners",
        "indicator_1_unit": "percent",
        "indicator_1_baseline_value": 20,
        "indicator_1_baseline_date": "2017",
        "indicator_1_target_value": 60,
        "indicator_1_actual_1_value": 35,
        "indicator_1_actual_1_date": "2018",
        "indicator_1_actual_1_source": "survey",
        "indicator_1_actual_2_value": 48.5,
        "indicator_1_actual_2_date": "2019",
        "indicator_1_actual_2_source": "register",
        "indicator_1_method": "yearly survey",
    }
    assert nodes["trust"]["indicators"] == "Share who trust the partners"  # the names, as before
    assert not any(k.startswith("indicator_") for k in nodes["coach"])


def _unflattened(attributes: dict[str, Any]) -> list[dict[str, Any]]:
    """The indicators a node's GraphML attributes hold, rebuilt (an oracle of the test's own)."""
    found: dict[int, dict[str, Any]] = {}
    for name, value in attributes.items():
        if not name.startswith("indicator_"):
            continue
        number, *path = name.removeprefix("indicator_").split("_")
        item: Any = found.setdefault(int(number), {})
        for part, after in zip(path, [*path[1:], None], strict=True):
            if after is None:
                item[part] = value
            elif after.isdigit():
                item = item.setdefault(part, {})
            elif part.isdigit():
                item = item.setdefault(int(part), {})
            else:
                item = item.setdefault(part, {})
    out = []
    for _, indicator in sorted(found.items()):
        for key, value in list(indicator.items()):
            if isinstance(value, dict) and all(isinstance(k, int) for k in value):
                indicator[key] = [value[k] for k in sorted(value)]
        out.append(indicator)
    return out


def test_graphml_indicators_of_every_example_come_back_whole(tmp_path: Path) -> None:
    readings = 0
    for path in sorted((Path(__file__).parent.parent / "examples").glob("*/*.yaml")):
        doc = toc.load(path)
        readings += sum(len(i.actual) for n in doc.nodes for i in n.indicators)
        (tmp_path / "x.graphml").write_text(graphml_text(doc), encoding="utf-8")
        graph = nx.read_graphml(tmp_path / "x.graphml")
        for node in doc.nodes:
            expected = [
                i.model_dump(mode="json", by_alias=True, exclude_none=True, exclude_defaults=True)
                for i in node.indicators
            ]
            assert _unflattened(graph.nodes[node.id]) == expected, (path.name, node.id)
    assert readings > 0


def test_graphml_of_every_example_reads_back(tmp_path: Path) -> None:
    for path in sorted((Path(__file__).parent.parent / "examples").glob("*/*.yaml")):
        doc = toc.load(path)
        (tmp_path / "x.graphml").write_text(graphml_text(doc), encoding="utf-8")
        graph = nx.read_graphml(tmp_path / "x.graphml")
        assert graph.number_of_nodes() == len(doc.nodes)
        assert graph.number_of_edges() == len(doc.links)


def test_graphml_hostile_text(tmp_path: Path) -> None:
    doc = toc.loads(
        'format: 1\nid: h\ntitle: "<&>"\nnodes:\n'
        '  - {id: a, stage: short, label: "</data><node id=\\"x\\"/> &amp; ]]>"}\n'
    )
    (tmp_path / "h.graphml").write_text(graphml_text(doc), encoding="utf-8")
    graph = nx.read_graphml(tmp_path / "h.graphml")
    assert list(graph.nodes) == ["a"]
    assert graph.nodes["a"]["label"] == '</data><node id="x"/> &amp; ]]>'


# -------------------------------------------------------------- logframe


def test_logframe_rows_and_columns(demo: toc.Document) -> None:
    rows = logframe_rows(demo)
    assert [row[0] for row in rows] == [
        "Goal (impact)",
        "Purpose (outcome)",
        "Outputs",
        "Activities",
        "Inputs",
    ]
    goal, purpose, outputs, activities, inputs = rows
    assert goal[1] == "• A job"
    assert purpose[1] == ""
    assert outputs[1:7] == [
        "• Trust",
        "• Share who trust the partners (percent)",
        "20% (2017)",
        "60%",
        "48.5% (2019)",
        "yearly survey; survey; register",
    ]
    # Assumptions: the mechanisms on the links leaving the level, and their conditions.
    assert (
        activities[7] == "• M1 A relation carries the work: People trust a coach.\n• A forum exists"
    )
    assert outputs[7] == "• M2 Trust opens doors"
    assert inputs[1] == "• Money" and inputs[7] == ""


def test_logframe_workbook(demo: toc.Document, tmp_path: Path) -> None:
    export_document(demo, tmp_path / "lf.xlsx", "logframe")
    sheet = load_workbook(tmp_path / "lf.xlsx").active
    assert sheet.title == "Logframe"
    assert sheet["A1"].value == "Logical framework: Demo"
    assert [c.value for c in sheet[2]] == [
        "Level",
        "Narrative summary",
        "Indicators",
        "Baseline",
        "Target",
        "Latest value",
        "Means of verification",
        "Assumptions",
    ]
    assert sheet["A3"].value == "Goal (impact)"
    assert sheet["B7"].value == "• Money"
    assert sheet.freeze_panes == "B3"
    assert sheet["B3"].alignment.wrap_text


def test_logframe_levels_are_configurable(tmp_path: Path) -> None:
    doc = toc.loads(
        "format: 1\nid: o\ntitle: O\nstages: [inputs, outputs, outcomes, impact]\n"
        "nodes: [{id: a, stage: impact, label: Impact}, {id: b, stage: outcomes, label: Out}]\n"
    )
    with pytest.raises(OptionError, match="no logframe level for the stage"):
        logframe_rows(doc)
    rows = logframe_rows(
        doc, {"impact": "goal", "outcomes": "purpose", "outputs": "outputs", "inputs": "inputs"}
    )
    assert rows[0][1] == "• Impact" and rows[1][1] == "• Out"
    with pytest.raises(OptionError, match="the levels are"):
        logframe_rows(doc, {"impact": "vision"})


# ------------------------------------------------- a document changed in code


def _broken() -> toc.Document:
    """The starter example with a link to a node that is not there, added after loading."""
    doc = toc.load(Path(__file__).resolve().parent.parent / "examples/starter-en/starter-en.yaml")
    doc.links.append(toc.Link(from_="res-funding", to="nowhere"))
    return doc


def _writers() -> dict[str, Any]:
    """Every way to export, each called on a document whose assessment was made before the
    change (so that no assessment made inside catches it)."""
    from toc.interop import drawio, graphml, kumu, logframe, spreadsheet
    from toc.interop.tables import to_tables

    def stale() -> Any:
        doc = toc.load(
            Path(__file__).resolve().parent.parent / "examples/starter-en/starter-en.yaml"
        )
        return toc.assess(doc)

    return {
        "to_tables": lambda doc, out: to_tables(doc),
        "xlsx_bytes": lambda doc, out: spreadsheet.xlsx_bytes(doc),
        "write_xlsx": lambda doc, out: spreadsheet.write_xlsx(doc, out / "t.xlsx"),
        "csv_files": lambda doc, out: spreadsheet.csv_files(doc),
        "write_csv": lambda doc, out: spreadsheet.write_csv(doc, out / "t"),
        "logframe_rows": lambda doc, out: logframe.logframe_rows(doc),
        "write_logframe": lambda doc, out: logframe.write_logframe(doc, out / "l.xlsx"),
        "graph_attributes": lambda doc, out: graphml.graph_attributes(doc, stale()),
        "write_graphml": lambda doc, out: graphml.write_graphml(doc, out / "g.graphml", stale()),
        "blueprint": lambda doc, out: kumu.blueprint(doc, stale()),
        "write_kumu": lambda doc, out: kumu.write_kumu(doc, out / "k.json", stale()),
        "write_kumu_xlsx": lambda doc, out: kumu.write_kumu_xlsx(doc, out / "k.xlsx", stale()),
        "drawio_text": lambda doc, out: drawio.drawio_text(
            doc, color_by="verdict", assessment=stale()
        ),
        "write_drawio": lambda doc, out: drawio.write_drawio(doc, out / "d.drawio"),
    }


@pytest.mark.parametrize("format", ["xlsx", "csv", "logframe", "graphml", "kumu", "drawio"])
def test_every_export_of_a_document_changed_in_code_is_a_located_document_error(
    format: str, tmp_path: Path
) -> None:
    """Not a KeyError ('nowhere'), and not a workbook written without a word."""
    with pytest.raises(DocumentError) as expected:
        toc.check(_broken())
    target = tmp_path / ("out" if format == "csv" else f"out.{format}")
    suffix = {"logframe": ".xlsx", "kumu": ".json"}.get(format)
    if suffix:
        target = tmp_path / f"out{suffix}"
    with pytest.raises(DocumentError) as caught:
        export_document(_broken(), target, format)
    assert str(caught.value) == str(expected.value)
    assert "links[" in str(caught.value) and "unknown node 'nowhere'" in str(caught.value)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("writer", sorted(_writers()))
def test_every_format_writer_called_directly_checks_the_references(
    writer: str, tmp_path: Path
) -> None:
    with pytest.raises(DocumentError) as expected:
        toc.check(_broken())
    with pytest.raises(DocumentError) as caught:
        _writers()[writer](_broken(), tmp_path)
    assert str(caught.value) == str(expected.value)
    assert list(tmp_path.iterdir()) == []
