"""draw.io: the drawing toc writes, its geometry against toc's SVG, and hand edits read back."""

from __future__ import annotations

import base64
import html
import re
import urllib.parse
import xml.etree.ElementTree as ET
import zlib
from pathlib import Path

import pytest

import toc
from toc.diagram import render_bytes
from toc.errors import DocumentError, FileFormatError
from toc.files import dumps
from toc.interop import export_document, import_document
from toc.interop.drawio import drawio_text, read_drawio

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*/*.yaml"))


def _cells(text: str) -> dict[str, ET.Element]:
    root = ET.fromstring(text)
    return {
        e.get("id", ""): e for e in root.iter() if e.tag in ("object", "mxCell") and e.get("id")
    }


def _geometry(element: ET.Element) -> tuple[float, float, float, float]:
    cell = element if element.tag == "mxCell" else element.find("mxCell")
    assert cell is not None
    g = cell.find("mxGeometry")
    assert g is not None
    return tuple(float(g.get(k, 0)) for k in ("x", "y", "width", "height"))  # type: ignore[return-value]


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_unedited_drawing_reads_back_as_the_same_document(path: Path, tmp_path: Path) -> None:
    doc = toc.load(path)
    export_document(doc, tmp_path / "d.drawio", color_by="verdict")
    assert dumps(import_document(tmp_path / "d.drawio", base=doc), "json") == dumps(doc, "json")


def test_every_shape_carries_its_toc_id(nils_path: Path) -> None:
    doc = toc.load(nils_path)
    cells = _cells(drawio_text(doc))
    boxes = {e.get("toc_id") for e in cells.values() if e.get("toc_id")}
    assert boxes == {n.id for n in doc.nodes}
    links = [e.get("toc_link") for e in cells.values() if e.get("toc_link")]
    assert links == [link.ref for link in doc.links]
    columns = [e.get("toc_stage") for e in cells.values() if e.get("toc_role") == "column"]
    assert columns == doc.stages
    badges = {e.get("toc_mechanism") for e in cells.values() if e.get("toc_role") == "badge"}
    assert badges == {m.id for m in doc.mechanisms if m.links}


def test_output_is_deterministic(nils_path: Path) -> None:
    doc = toc.load(nils_path)
    assert drawio_text(doc) == drawio_text(toc.load(nils_path))


def test_geometry_matches_tocs_svg(nils_path: Path) -> None:
    """Boxes stand where `toc render` puts them: same layout, same distances between boxes."""
    doc = toc.load(nils_path)
    cells = _cells(drawio_text(doc))
    svg = render_bytes(doc, "svg", legend=False, title="").decode()
    centres_svg: dict[str, tuple[float, float]] = {}
    for group in re.finditer(
        r'<g id="node\d+" class="node">\s*<title>([^<]*)</title>(.*?)</g>', svg, re.S
    ):
        name = html.unescape(group.group(1))
        numbers = (
            [
                float(v)
                for v in re.findall(r"-?\d+\.?\d*", group.group(2).split('d="')[1].split('"')[0])
            ]
            if 'd="' in group.group(2)
            else []
        )
        if not numbers:
            continue
        xs, ys = numbers[0::2], numbers[1::2]
        centres_svg[name] = ((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2)
    centres_drawio = {}
    for node in doc.nodes:
        x, y, w, h = _geometry(cells[f"node:{node.id}"])
        centres_drawio[node.id] = (x + w / 2, y + h / 2)
    first = doc.nodes[0].id
    for node in doc.nodes:
        sx = centres_svg[node.id][0] - centres_svg[first][0]
        sy = centres_svg[node.id][1] - centres_svg[first][1]
        dx = centres_drawio[node.id][0] - centres_drawio[first][0]
        dy = centres_drawio[node.id][1] - centres_drawio[first][1]
        assert abs(sx - dx) < 1.5 and abs(sy - dy) < 1.5, node.id


# ------------------------------------------------------------- hand edits

EDITABLE = """
format: 1
id: edit
title: Edit me
interventions: [{id: ic, name: Coach}, {id: sp, name: Spira}]
nodes:
  - {id: money, stage: resources, label: Money}
  - {id: coach, stage: activities, label: Coaching, interventions: [ic]}
  - {id: talks, stage: activities, label: Talks, interventions: [sp]}
  - id: trust
    stage: short
    label: Trust
    indicators: [{id: i-trust, name: Trust share, target: {value: 70}}]
  - {id: job, stage: long, label: A job}
links:
  - {from: money, to: coach}
  - {from: money, to: talks}
  - {from: coach, to: trust}
  - {from: talks, to: trust}
  - {from: trust, to: job}
mechanisms:
  - {id: m-rel, title: Relations, links: ["coach->trust", "talks->trust"]}
evidence:
  - {id: e1, about: m-rel, kind: interview, summary: They said so.}
judgements:
  - {about: m-rel, verdict: held, evidence: [e1]}
"""


def _edit(text: str) -> str:
    """What a facilitator does in diagrams.net: relabel a box, add one with an arrow, delete one."""
    root = ET.fromstring(text)
    layer = root.find("./diagram/mxGraphModel/root")
    assert layer is not None
    by_id = {e.get("id"): e for e in layer}
    # 1. A label changed (draw.io keeps HTML in the value when html=1).
    by_id["node:coach"].set("label", "Coaching &amp; <b>mentoring</b>")
    # 2. A box added in the short-term column, in the Spira strand, with an arrow to it.
    talks = by_id["node:talks"]
    _, y, w, h = _geometry(talks)
    trust_x = _geometry(by_id["node:trust"])[0]
    box = ET.SubElement(
        layer,
        "mxCell",
        {
            "id": "new-1",
            "value": "Better routines",
            "style": "rounded=1;whiteSpace=wrap;html=1;",
            "vertex": "1",
            "parent": "1",
        },
    )
    ET.SubElement(
        box,
        "mxGeometry",
        {"x": str(trust_x), "y": str(y + 10), "width": str(w), "height": str(h), "as": "geometry"},
    )
    arrow = ET.SubElement(
        layer,
        "mxCell",
        {
            "id": "new-2",
            "value": "",
            "style": "edgeStyle=none;html=1;",
            "edge": "1",
            "parent": "1",
            "source": "node:talks",
            "target": "new-1",
        },
    )
    ET.SubElement(arrow, "mxGeometry", {"relative": "1", "as": "geometry"})
    # 3. The link money->coach deleted.
    layer.remove(by_id["link:money->coach"])
    return ET.tostring(root, encoding="unicode")


def test_hand_edits_come_back(tmp_path: Path) -> None:
    doc = toc.loads(EDITABLE)
    edited = tmp_path / "edited.drawio"
    edited.write_text(_edit(drawio_text(doc)), encoding="utf-8")
    back = read_drawio(edited, base=doc)
    assert [(n.id, n.stage, n.label, n.interventions) for n in back.nodes] == [
        ("money", "resources", "Money", []),
        ("coach", "activities", "Coaching & mentoring", ["ic"]),
        ("talks", "activities", "Talks", ["sp"]),
        ("trust", "short", "Trust", []),
        ("job", "long", "A job", []),
        ("better-routines", "short", "Better routines", ["sp"]),
    ]
    assert [link.ref for link in back.links] == [
        "money->talks",
        "coach->trust",
        "talks->trust",
        "trust->job",
        "talks->better-routines",
    ]
    # What the drawing does not show is kept.
    assert back.node("trust").indicators == doc.node("trust").indicators
    assert back.mechanisms == doc.mechanisms
    assert back.evidence == doc.evidence and back.judgements == doc.judgements


def test_without_base_the_drawing_gives_what_it_shows(tmp_path: Path) -> None:
    doc = toc.loads(EDITABLE)
    (tmp_path / "d.drawio").write_text(drawio_text(doc), encoding="utf-8")
    back = read_drawio(tmp_path / "d.drawio")
    assert (back.id, back.title, back.stages) == (doc.id, doc.title, doc.stages)
    assert [(i.id, i.name) for i in back.interventions] == [("ic", "Coach"), ("sp", "Spira")]
    assert [(n.id, n.stage, n.label, n.interventions) for n in back.nodes] == [
        (n.id, n.stage, n.label, n.interventions) for n in doc.nodes
    ]
    assert [link.ref for link in back.links] == [link.ref for link in doc.links]
    assert [(m.id, m.title, m.links) for m in back.mechanisms] == [
        ("m-rel", "Relations", ["coach->trust", "talks->trust"])
    ]
    assert back.evidence == [] and back.node("trust").indicators == []


def test_moving_a_box_to_another_column_changes_its_stage(tmp_path: Path) -> None:
    doc = toc.loads(EDITABLE)
    root = ET.fromstring(drawio_text(doc))
    cells = {e.get("id"): e for e in root.iter("object")}
    job_x = _geometry(cells["node:job"])[0]
    geometry = cells["node:money"].find("mxCell/mxGeometry")
    assert geometry is not None
    geometry.set("x", str(job_x))
    (tmp_path / "m.drawio").write_text(ET.tostring(root, encoding="unicode"), encoding="utf-8")
    back = read_drawio(tmp_path / "m.drawio", base=doc)
    assert back.node("money").stage == "long"
    assert back.link("money->talks").feedback is False  # kept from the base: toc check will say


def test_removing_a_box_that_evidence_is_about_is_refused(tmp_path: Path) -> None:
    doc = toc.loads(
        EDITABLE.replace("about: m-rel, kind", "about: coach, kind").replace("evidence: [e1]}", "}")
    )
    root = ET.fromstring(drawio_text(doc))
    layer = root.find("./diagram/mxGraphModel/root")
    assert layer is not None
    for element in list(layer):
        if element.get("id") in ("node:coach", "link:money->coach", "link:coach->trust"):
            layer.remove(element)
    (tmp_path / "r.drawio").write_text(ET.tostring(root, encoding="unicode"), encoding="utf-8")
    with pytest.raises(DocumentError) as caught:
        read_drawio(tmp_path / "r.drawio", base=doc)
    assert [p.message for p in caught.value.problems] == [
        "the drawing removes the box 'coach', but evidence 'e1' is about it"
    ]


def test_a_loose_arrow_is_located_by_line(tmp_path: Path) -> None:
    doc = toc.loads(EDITABLE)
    text = drawio_text(doc).replace(' target="node:job"', "")
    path = tmp_path / "loose.drawio"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DocumentError) as caught:
        read_drawio(path, base=doc)
    (problem,) = caught.value.problems
    assert problem.message == "an arrow is not attached to a box at both ends"
    line = text.splitlines()[problem.line - 1]  # type: ignore[operator]
    assert 'toc_link="trust-&gt;job"' in line


LOOSE = {
    "en": (
        "an arrow is not attached to a box at both ends",
        "drag each end of the arrow onto a box, or delete the arrow",
    ),
    "sv": (
        "en pil sitter inte fast i en ruta i båda ändar",
        "dra pilens båda ändar till varsin ruta, eller ta bort pilen",
    ),
}


@pytest.mark.parametrize("language", ["en", "sv"])
def test_problems_are_in_the_documents_language(tmp_path: Path, language: str) -> None:
    """The base's language, else the one the drawing records; ``language`` does not win."""
    doc = toc.loads(EDITABLE + f"language: {language}\n")
    path = tmp_path / "loose.drawio"
    path.write_text(drawio_text(doc).replace(' target="node:job"', ""), encoding="utf-8")
    other = "sv" if language == "en" else "en"
    for base in (doc, None):
        with pytest.raises(DocumentError) as caught:
            read_drawio(path, base=base, language=other)
        assert [(p.message, p.hint) for p in caught.value.problems] == [LOOSE[language]]


def test_arrows_to_the_same_box_or_twice_between_two_are_located(tmp_path: Path) -> None:
    doc = toc.loads(EDITABLE + "language: sv\n")
    text = drawio_text(doc)
    first = next(n for n, t in enumerate(text.splitlines(), 1) if 'toc_link="money-&gt;coach"' in t)
    edited = text.replace(
        'source="node:money" target="node:talks"', 'source="node:money" target="node:coach"'
    ).replace('source="node:trust" target="node:job"', 'source="node:trust" target="node:trust"')
    path = tmp_path / "twice.drawio"
    path.write_text(edited, encoding="utf-8")
    with pytest.raises(DocumentError) as caught:
        read_drawio(path, base=doc)
    lines = edited.splitlines()
    found = [(p.message, p.hint) for p in caught.value.problems]
    assert found == [
        (
            f"två pilar går från 'money' till 'coach' (även rad {first})",
            "ta bort en av dem",
        ),
        (
            "en pil går från rutan 'trust' till sig själv",
            "rikta den mot en annan ruta, eller ta bort den",
        ),
    ]
    at = [lines[p.line - 1] for p in caught.value.problems if p.line is not None]
    assert 'toc_link="money-&gt;talks"' in at[0] and 'toc_link="trust-&gt;job"' in at[1]


def _compressed(model: str) -> str:
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = packer.compress(urllib.parse.quote(model).encode()) + packer.flush()
    return (
        '<mxfile host="app.diagrams.net"><diagram id="x" name="Page-1">'
        + base64.b64encode(packed).decode()
        + "</diagram></mxfile>"
    )


def test_a_problem_in_a_compressed_drawing_names_its_line_there(tmp_path: Path) -> None:
    doc = toc.loads(EDITABLE + "language: sv\n")
    model = re.search(r"<mxGraphModel.*</mxGraphModel>", drawio_text(doc), re.S)
    assert model is not None
    loose = model.group(0).replace(' target="node:job"', "")
    line = next(
        n for n, text in enumerate(loose.splitlines(), 1) if 'toc_link="trust-&gt;job"' in text
    )
    (tmp_path / "c.drawio").write_text(_compressed(loose), encoding="utf-8")
    with pytest.raises(DocumentError) as caught:
        read_drawio(tmp_path / "c.drawio", base=doc)
    (problem,) = caught.value.problems
    assert (problem.message, problem.line) == (
        f"en pil sitter inte fast i en ruta i båda ändar (rad {line} i det komprimerade "
        "diagrammet)",
        None,
    )


def test_a_drawing_from_elsewhere_gets_the_language_given(tmp_path: Path) -> None:
    """No toc data on it: its document, and problems, are in ``language``."""
    drawing = (
        '<mxfile><diagram id="d"><mxGraphModel><root><mxCell id="0"/>'
        '<mxCell id="1" parent="0"/>'
        '<mxCell id="a" value="Pengar" vertex="1" parent="1">'
        '<mxGeometry x="10" y="10" width="80" height="40" as="geometry"/></mxCell>'
        "</root></mxGraphModel></diagram></mxfile>"
    )
    (tmp_path / "plain.drawio").write_text(drawing, encoding="utf-8")
    for language, message, hint in (
        (
            "en",
            "the box 'Pengar' stands in no column, so its stage is unknown",
            "export the drawing from toc (it has columns), and put the box in one",
        ),
        (
            "sv",
            "rutan 'Pengar' står inte i någon kolumn, så dess steg är okänt",
            "exportera ritningen från toc (den har kolumner), och placera rutan i en av dem",
        ),
    ):
        with pytest.raises(DocumentError) as caught:
            read_drawio(tmp_path / "plain.drawio", language=language)
        assert [(p.message, p.hint) for p in caught.value.problems] == [(message, hint)]
    empty = drawing.replace(
        '<mxCell id="a" value="Pengar" vertex="1" parent="1">'
        '<mxGeometry x="10" y="10" width="80" height="40" as="geometry"/></mxCell>',
        "",
    )
    (tmp_path / "empty.drawio").write_text(empty, encoding="utf-8")
    assert read_drawio(tmp_path / "empty.drawio", language="sv").language == "sv"
    assert read_drawio(tmp_path / "empty.drawio").language == "en"


def test_a_compressed_drawing_is_read(tmp_path: Path) -> None:
    doc = toc.loads(EDITABLE)
    text = drawio_text(doc)
    model = re.search(r"<mxGraphModel.*</mxGraphModel>", text, re.S)
    assert model is not None
    (tmp_path / "c.drawio").write_text(_compressed(model.group(0)), encoding="utf-8")
    assert dumps(read_drawio(tmp_path / "c.drawio", base=doc), "json") == dumps(doc, "json")


def test_an_inflation_bomb_is_refused(tmp_path: Path) -> None:
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = packer.compress(b"a" * (80 * 1024 * 1024)) + packer.flush()
    bomb = f'<mxfile><diagram id="x">{base64.b64encode(packed).decode()}</diagram></mxfile>'
    (tmp_path / "bomb.drawio").write_text(bomb, encoding="utf-8")
    with pytest.raises(FileFormatError) as caught:
        read_drawio(tmp_path / "bomb.drawio", language="sv")
    assert [(p.message, p.hint, p.line) for p in caught.value.problems] == [
        (
            "det komprimerade diagrammet packas upp till mer än 67\xa0108\xa0864 byte",
            "det här är ingen ritning som toc kan läsa",
            1,
        )
    ]


@pytest.mark.parametrize(
    "text",
    [
        '<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]><mxfile/>',
        '<!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]><mxfile>&x;</mxfile>',
    ],
)
def test_entities_are_refused(text: str, tmp_path: Path) -> None:
    (tmp_path / "e.drawio").write_text(text, encoding="utf-8")
    with pytest.raises(FileFormatError) as caught:
        read_drawio(tmp_path / "e.drawio")
    assert [(p.message, p.hint) for p in caught.value.problems] == [
        (
            "the file declares a document type (DTD), which toc never reads",
            "save the drawing again from diagrams.net",
        )
    ]
    with pytest.raises(FileFormatError) as caught:
        read_drawio(tmp_path / "e.drawio", language="sv")
    assert [(p.message, p.hint) for p in caught.value.problems] == [
        (
            "filen deklarerar en dokumenttyp (DTD), vilket toc aldrig läser",
            "spara ritningen igen från diagrams.net",
        )
    ]


def test_broken_xml_is_located(tmp_path: Path) -> None:
    (tmp_path / "b.drawio").write_text("<mxfile>\n<diagram>\n<oops></mxfile>", encoding="utf-8")
    with pytest.raises(FileFormatError) as caught:
        read_drawio(tmp_path / "b.drawio")
    assert caught.value.problems[0].line == 3


def test_hostile_labels_stay_text(tmp_path: Path) -> None:
    label = '"/><mxCell id="evil"/> <b>&amp;</b> ]]> <script>x</script>'
    doc = toc.validate(
        {
            "format": 1,
            "id": "h",
            "title": "<title>",
            "nodes": [{"id": "a", "stage": "short", "label": label}],
        }
    )
    text = drawio_text(doc)
    cells = _cells(text)
    assert "evil" not in cells
    assert cells["node:a"].get("toc_label") == label
    assert "<script>" not in text and "&lt;script&gt;" in text
    (tmp_path / "h.drawio").write_text(text, encoding="utf-8")
    assert read_drawio(tmp_path / "h.drawio").nodes[0].label == label
