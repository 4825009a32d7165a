"""Structural checks: every code, its message in both languages, its position, and the docs."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from hypothesis import given
from hypothesis import strategies as st

import toc
from toc.checking import check
from toc.checks import STRUCTURAL
from toc.codes import CODES
from toc.findings import Finding

ROOT = Path(__file__).resolve().parent.parent
CHECKS_MD = ROOT / "docs" / "checks.md"

HEAD = "format: 1\nid: t\ntitle: T\nlanguage: LANG\n"
"""Lines 1-4 of every case; the bodies below start on line 5."""

REGISTRY = [
    ("TOC001", "link-backwards", "error"),
    ("TOC002", "cycle", "error"),
    ("TOC003", "leads-nowhere", "warning"),
    ("TOC004", "outcome-unreached", "warning"),
    ("TOC005", "link-skips-stage", "info"),
    ("TOC006", "link-without-mechanism", "info"),
    ("TOC007", "mechanism-without-link", "warning"),
    ("TOC008", "no-evidence", "warning"),
    ("TOC009", "outcome-without-indicator", "info"),
    ("TOC010", "activity-without-actor", "info"),
    ("TOC011", "survey-mostly-dont-know", "warning"),
    ("TOC012", "condition-unused", "warning"),
    ("TOC013", "intervention-unused", "warning"),
    ("TOC014", "actor-unused", "info"),
    ("TOC015", "rival-about-nothing", "warning"),
    ("TOC016", "link-between-interventions", "warning"),
    ("TOC017", "feedback-forward", "info"),
    ("TOC018", "survey-without-answers", "warning"),
    ("TOC019", "prior-certain", "warning"),
]


@dataclass
class Case:
    """A document body that triggers ``code`` once, and a nearly identical one that does not."""

    code: str
    body: str
    fix: tuple[str, str]
    """(old, new): the one edit to ``body`` that makes the finding go away."""
    ids: tuple[str, ...]
    line: int
    column: int
    en: str
    sv: str
    hint_en: str
    hint_sv: str

    def doc(self, language: str, *, fixed: bool = False) -> toc.Document:
        body = self.body
        if fixed:
            assert body.count(self.fix[0]) == 1, "the fix must name one place"
            body = body.replace(*self.fix)
        return toc.loads((HEAD + body).replace("LANG", language), file="t.yaml")


CASES = {
    "TOC001": Case(
        "TOC001",
        """\
nodes:
  - {id: team, stage: activities, label: Team}
  - {id: plan, stage: short, label: Plan}
links:
  - {from: team, to: plan}
  - {from: plan, to: team}
""",
        ("{from: plan, to: team}", "{from: plan, to: team, feedback: true}"),
        ("plan", "team"),
        10,
        5,
        "link 'plan->team' runs backwards, from stage 'short' to the earlier 'activities'",
        "länken 'plan->team' går bakåt, från steget 'short' till det tidigare 'activities'",
        "mark a deliberate loop with `feedback: true`, or reverse the link",
        "markera en avsiktlig återkoppling med `feedback: true`, eller vänd på länken",
    ),
    "TOC002": Case(
        "TOC002",
        """\
nodes:
  - {id: a, stage: short, label: A}
  - {id: b, stage: short, label: B}
  - {id: c, stage: short, label: C}
links:
  - {from: a, to: b}
  - {from: b, to: c}
  - {from: c, to: a}
""",
        ("{from: c, to: a}", "{from: c, to: a, feedback: true}"),
        ("a", "b", "c"),
        10,
        5,
        "the links between 'a', 'b', 'c' form a cycle",
        "länkarna mellan 'a', 'b', 'c' bildar en cirkel",
        "mark the link that loops back with `feedback: true`, or remove it",
        "markera länken som går tillbaka med `feedback: true`, eller ta bort den",
    ),
    "TOC003": Case(
        "TOC003",
        """\
nodes:
  - {id: money, stage: resources, label: Money}
  - {id: team, stage: activities, label: Team}
  - {id: plan, stage: short, label: Plan}
links:
  - {from: money, to: plan}
""",
        (
            "  - {from: money, to: plan}\n",
            "  - {from: money, to: plan}\n  - {from: team, to: plan}\n",
        ),
        ("team",),
        7,
        5,
        "the activity 'team' leads nowhere: no link starts at it",
        "aktiviteten 'team' leder ingenstans: ingen länk utgår från den",
        "add a link from it to what it brings about, or remove it",
        "lägg till en länk till det den leder till, eller ta bort den",
    ),
    "TOC004": Case(
        "TOC004",
        """\
nodes:
  - {id: team, stage: activities, label: Team}
  - {id: plan, stage: short, label: Plan}
  - {id: work, stage: long, label: Work}
links:
  - {from: team, to: plan}
  - {from: plan, to: work, feedback: true}
""",
        ("{from: plan, to: work, feedback: true}", "{from: plan, to: work}"),
        ("work",),
        8,
        5,
        "nothing leads to the outcome 'work'",
        "ingenting leder till effekten 'work'",
        "add a link from the activity or outcome that brings it about",
        "lägg till en länk från den aktivitet eller effekt som leder till den",
    ),
    "TOC005": Case(
        "TOC005",
        """\
nodes:
  - {id: money, stage: resources, label: Money}
  - {id: plan, stage: short, label: Plan}
links:
  - {from: money, to: plan}
""",
        ("stage: short", "stage: activities"),
        ("money", "plan"),
        9,
        5,
        "link 'money->plan' skips from 'resources' to 'short'",
        "länken 'money->plan' hoppar från 'resources' till 'short'",
        "fine if intended; otherwise add the intermediate outcome",
        "i sin ordning om det är avsiktligt; annars lägg till effekten däremellan",
    ),
    "TOC006": Case(
        "TOC006",
        """\
nodes:
  - {id: team, stage: activities, label: Team}
  - {id: plan, stage: short, label: Plan}
links:
  - {from: team, to: plan}
mechanisms:
  - {id: m, title: M, links: []}
""",
        ("links: []", 'links: ["team->plan"]'),
        ("team", "plan"),
        9,
        5,
        "no mechanism explains link 'team->plan'",
        "ingen mekanism förklarar länken 'team->plan'",
        "list the link under a mechanism's `links` if its working is to be tested",
        "ange länken under en mekanisms `links` om den ska prövas",
    ),
    "TOC007": Case(
        "TOC007",
        """\
nodes:
  - {id: team, stage: activities, label: Team}
  - {id: plan, stage: short, label: Plan}
links:
  - {from: team, to: plan}
mechanisms:
  - {id: m, title: M}
""",
        ("{from: team, to: plan}", "{from: team, to: plan, mechanisms: [m]}"),
        ("m",),
        11,
        5,
        "mechanism 'm' explains no link",
        "mekanismen 'm' förklarar ingen länk",
        'add the links it explains: `links: ["from->to"]`',
        'ange länkarna den förklarar: `links: ["från->till"]`',
    ),
    "TOC008": Case(
        "TOC008",
        """\
nodes:
  - {id: team, stage: activities, label: Team}
  - {id: plan, stage: short, label: Plan}
links:
  - {from: team, to: plan}
mechanisms:
  - {id: m, title: M, links: ["team->plan"]}
evidence:
  - {id: e, about: team->plan, kind: interview}
""",
        ("about: team->plan", "about: m"),
        ("m",),
        11,
        5,
        "mechanism 'm' has no evidence",
        "mekanismen 'm' saknar underlag",
        "add evidence items with `about: m`",
        "lägg till underlag med `about: m`",
    ),
    "TOC008-rival": Case(
        "TOC008",
        """\
nodes:
  - {id: team, stage: activities, label: Team}
  - {id: plan, stage: short, label: Plan}
links:
  - {from: team, to: plan}
rivals:
  - {id: r, statement: R, about: [plan]}
evidence:
  - {id: e, about: plan, kind: document}
""",
        ("about: plan,", "about: r,"),
        ("r",),
        11,
        5,
        "rival explanation 'r' has no evidence",
        "den alternativa förklaringen 'r' saknar underlag",
        "add evidence items with `about: r`",
        "lägg till underlag med `about: r`",
    ),
    "TOC009": Case(
        "TOC009",
        """\
nodes:
  - {id: team, stage: activities, label: Team}
  - id: plan
    stage: short
    label: Plan
    indicators: []
links:
  - {from: team, to: plan}
""",
        ("indicators: []", "indicators: [{id: i, name: Share with a plan}]"),
        ("plan",),
        7,
        5,
        "outcome 'plan' has no indicator",
        "effekten 'plan' saknar indikator",
        "add `indicators:` saying how it will be measured",
        "lägg till `indicators:` som anger hur den ska mätas",
    ),
    "TOC010": Case(
        "TOC010",
        """\
actors:
  - {id: fk, name: Försäkringskassan, kind: state}
nodes:
  - {id: money, stage: resources, label: Money, actors: [fk]}
  - {id: team, stage: activities, label: Team, actors: []}
""",
        ("actors: []", "actors: [fk]"),
        ("team",),
        9,
        5,
        "activity 'team' has no actor",
        "aktiviteten 'team' saknar aktör",
        "add `actors:` naming who carries it out",
        "lägg till `actors:` med vem som genomför den",
    ),
    "TOC011": Case(
        "TOC011",
        """\
conditions:
  - {id: c, statement: C}
evidence:
  - id: e
    about: c
    kind: survey
    question: Q?
    scale: [small, some, large]
    counts: [1, 2, 3]
    dont_know: 7
""",
        ("dont_know: 7", "dont_know: 6"),
        ("e",),
        8,
        5,
        "survey 'e': more answered \"don't know\" (7) than gave an answer (6)",
        "enkäten 'e': fler svarade \"vet ej\" (7) än gav ett svar (6)",
        "the shares rest on few answers; say so where the result is reported",
        "andelarna vilar på få svar; redovisa det där resultatet används",
    ),
    "TOC012": Case(
        "TOC012",
        """\
conditions:
  - {id: c, statement: C}
mechanisms:
  - {id: m, title: M, conditions: []}
""",
        ("conditions: []", "conditions: [c]"),
        ("c",),
        6,
        5,
        "no mechanism depends on condition 'c'",
        "ingen mekanism är beroende av förutsättningen 'c'",
        "list it under a mechanism's `conditions`, or remove it",
        "ange den under en mekanisms `conditions`, eller ta bort den",
    ),
    "TOC013": Case(
        "TOC013",
        """\
interventions:
  - {id: north, name: North}
  - {id: south, name: South}
nodes:
  - {id: team, stage: activities, label: Team, interventions: [north]}
""",
        ("interventions: [north]", "interventions: [north, south]"),
        ("south",),
        7,
        5,
        "nothing refers to intervention 'south': no node, evidence or judgement",
        "ingenting hänvisar till insatsen 'south': ingen nod, inget underlag, ingen bedömning",
        "list it under the `interventions` of its own nodes, or remove it",
        "ange den under `interventions` på insatsens egna noder, eller ta bort den",
    ),
    "TOC014": Case(
        "TOC014",
        """\
actors:
  - {id: fk, name: Försäkringskassan, kind: state}
nodes:
  - {id: team, stage: activities, label: Team, actors: []}
""",
        ("actors: []", "actors: [fk]"),
        ("fk",),
        6,
        5,
        "actor 'fk' carries no node",
        "aktören 'fk' står inte för någon nod",
        "list it under the `actors` of the nodes it owns or carries out, or remove it",
        "ange den under `actors` på noderna den äger eller genomför, eller ta bort den",
    ),
    "TOC015": Case(
        "TOC015",
        """\
nodes:
  - {id: work, stage: long, label: Work}
rivals:
  - {id: r, statement: R, about: []}
""",
        ("about: []", "about: [work]"),
        ("r",),
        8,
        5,
        "rival explanation 'r' is about nothing",
        "den alternativa förklaringen 'r' gäller ingenting",
        'add the outcomes or links it would also explain: `about: [outcome, "from->to"]`',
        'ange effekter eller länkar den också förklarar: `about: [effekt, "från->till"]`',
    ),
}

CASES["TOC016"] = Case(
    "TOC016",
    """\
interventions:
  - {id: north, name: North}
  - {id: south, name: South}
nodes:
  - {id: team, stage: activities, label: Team, interventions: [north]}
  - {id: plan, stage: short, label: Plan, interventions: [south]}
links:
  - {from: team, to: plan}
""",
    ("interventions: [south]", "interventions: [south, north]"),
    ("team", "plan"),
    12,
    5,
    "link 'team->plan' joins nodes of different interventions ('north' to 'south')",
    "länken 'team->plan' förbinder noder i olika insatser ('north' till 'south')",
    "put the node in the right strand, or make one of them common by removing its `interventions`",
    "lägg noden i rätt sträng, eller gör en av dem gemensam genom att ta bort dess `interventions`",
)


CASES["TOC017"] = Case(
    "TOC017",
    """\
nodes:
  - {id: team, stage: activities, label: Team}
  - {id: plan, stage: short, label: Plan}
links:
  - {from: team, to: plan, feedback: true}
""",
    ("feedback: true", "feedback: false"),
    ("team", "plan"),
    9,
    5,
    "link 'team->plan' is marked `feedback: true` but runs forward, from 'activities' to 'short'",
    "länken 'team->plan' är markerad `feedback: true` men går framåt, från 'activities' "
    "till 'short'",
    "`feedback: true` is for a loop back to an earlier stage; remove it here, or check the "
    "link's direction",
    "`feedback: true` är till för en återkoppling till ett tidigare steg; ta bort den här, "
    "eller kontrollera länkens riktning",
)


CASES["TOC018"] = Case(
    "TOC018",
    """\
conditions: [{id: c, statement: There are forums}]
evidence:
  - {id: s, about: c, kind: survey, question: Q, scale: [no, yes], counts: [0, 0]}
""",
    ("counts: [0, 0]", "counts: [0, 3]"),
    ("s",),
    7,
    5,
    "survey 's' has no answers: every count is 0, and so is dont_know",
    "enkäten 's' saknar svar: alla antal är 0, och dont_know också",
    "enter the answers; if the question was never asked, remove the item",
    "fyll i svaren; om frågan aldrig ställdes, ta bort underlaget",
)


CASES["TOC019"] = Case(
    "TOC019",
    """\
nodes:
  - {id: team, stage: activities, label: Team}
  - {id: plan, stage: short, label: Plan}
links: [{from: team, to: plan}]
mechanisms: [{id: m, title: M, links: ["team->plan"], prior: 1.0}]
""",
    ("prior: 1.0", "prior: 0.95"),
    ("m",),
    9,
    62,
    "the prior of mechanism 'm' is 1: no evidence can change the suggested verdict",
    "a priori-sannolikheten för mekanismen 'm' är 1: inget underlag kan ändra den föreslagna "
    "bedömningen",
    "use a probability between 0 and 1, such as 0.05 or 0.95; leave `prior` out for 0.5",
    "använd en sannolikhet mellan 0 och 1, till exempel 0,05 eller 0,95; utelämna `prior` för 0,5",
)


def _of(findings: list[Finding], code: str) -> list[Finding]:
    return [f for f in findings if f.code == code]


@pytest.mark.parametrize("language", ["en", "sv"])
@pytest.mark.parametrize("case", list(CASES.values()), ids=list(CASES))
def test_each_check_words_and_places_its_finding_exactly(case: Case, language: str) -> None:
    [found] = _of(check(case.doc(language)), case.code)
    expected = (case.en, case.hint_en) if language == "en" else (case.sv, case.hint_sv)
    assert (found.message, found.hint) == expected
    assert (found.line, found.column, found.ids) == (case.line, case.column, case.ids)
    assert _of(check(case.doc(language, fixed=True)), case.code) == []


# ------------------------------------------------------------------ registry


def test_registry_is_pinned() -> None:
    structural = [c for c in CODES if c.source == "structure"]
    assert [(c.code, c.name, c.severity) for c in structural] == [
        entry for entry in REGISTRY if entry[0] != "TOC011"
    ]
    assert list(STRUCTURAL) == [c.code for c in structural]


def test_the_list_of_checks_is_plain_data_not_filled_by_imports() -> None:
    # A fresh interpreter that imports only the checks sees every code.
    script = "from toc.codes import CODES\nprint(len(CODES))\n"
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    assert out == f"{len(CODES)}\n" == "31\n"


# --------------------------------------------------------------- templates


@pytest.mark.parametrize("language", ["sv", "en"])
def test_starter_templates_have_no_errors_or_warnings(language: str) -> None:
    path = ROOT / "toc" / "templates" / f"starter-{language}.yaml"
    doc = toc.load(path)
    assert doc.language == language
    found = check(doc)
    assert [(f.code, f.severity) for f in found] == [("TOC006", "info")]
    stages = {node.stage for node in doc.nodes}
    assert stages == set(doc.stages) == {"resources", "activities", "short", "medium", "long"}
    assert len(doc.interventions) == 1 and len(doc.actors) >= 4
    assert len(doc.mechanisms) == 1 and doc.mechanisms[0].conditions
    assert [e.kind for e in doc.evidence].count("survey") == 1
    assert len(doc.judgements) == 1
    assert any(node.indicators for node in doc.nodes)


# --------------------------------------------------------------------- docs


def _doc_sections() -> dict[str, tuple[str, str, str]]:
    """code -> (name, severity, first yaml example) from docs/checks.md."""
    text = CHECKS_MD.read_text(encoding="utf-8")
    sections: dict[str, tuple[str, str, str]] = {}
    for match in re.finditer(
        r"^## (TOC\d{3}) `([a-z-]+)` — (error|warning|info)\n(.*?)(?=^## |\Z)",
        text,
        re.MULTILINE | re.DOTALL,
    ):
        code, name, severity, body = match.groups()
        example = re.search(r"```yaml\n(.*?)```", body, re.DOTALL)
        assert example, f"docs/checks.md: {code} has no ```yaml example"
        assert "**Fix:**" in body, f"docs/checks.md: {code} does not say how to fix it"
        assert code not in sections, f"docs/checks.md: {code} appears twice"
        sections[code] = (name, severity, example.group(1))
    return sections


REPORTED = [(c.code, c.name, c.severity) for c in CODES]


def test_every_check_of_toc_check_is_documented() -> None:
    documented = _doc_sections()
    missing = [code for code, _, _ in REPORTED if code not in documented]
    assert not missing, f"add these codes to docs/checks.md: {missing}"
    stale = sorted(set(documented) - {code for code, _, _ in REPORTED})
    assert not stale, f"docs/checks.md documents codes that `toc check` does not report: {stale}"
    for code, name, severity in REPORTED:
        assert documented[code][:2] == (name, severity), code


@pytest.mark.parametrize("code", [code for code, _, _ in REPORTED])
def test_docs_example_triggers_its_code(code: str) -> None:
    _name, _severity, example = _doc_sections()[code]
    doc = toc.loads(example, file=f"docs/checks.md#{code}")
    assert code in {f.code for f in check(doc)}


# ---------------------------------------------------------- random documents

STAGES = ["resources", "activities", "short", "medium", "long"]


@st.composite
def documents(draw: st.DrawFn) -> dict[str, Any]:
    n = draw(st.integers(1, 8))
    ids = [f"n{i}" for i in range(n)]
    nodes = [{"id": i, "stage": draw(st.sampled_from(STAGES)), "label": i.upper()} for i in ids]
    pairs = draw(
        st.lists(
            st.tuples(st.sampled_from(ids), st.sampled_from(ids), st.booleans()),
            max_size=14,
            unique_by=lambda t: (t[0], t[1]),
        )
    )
    links = [{"from": a, "to": b, "feedback": fb} for a, b, fb in pairs if a != b]
    data: dict[str, Any] = {"format": 1, "id": "r", "title": "R", "nodes": nodes, "links": links}
    if links and draw(st.booleans()):
        data["mechanisms"] = [
            {"id": "m", "title": "M", "links": [f"{links[0]['from']}->{links[0]['to']}"]}
        ]
    return data


@given(documents())
def test_random_documents_check_cleanly_and_deterministically(data: dict[str, Any]) -> None:
    text = json.dumps(data, indent=1)
    doc = toc.loads(text, format="json", file="r.json")
    found = check(doc)
    assert found == check(toc.loads(text, format="json", file="r.json"))
    codes = {c.code for c in CODES}
    for f in found:
        assert f.code in codes
        assert f.file == "r.json" and f.line is not None and f.column is not None

    # The two error checks agree with an independent computation.
    order = {s: i for i, s in enumerate(STAGES)}
    stage = {n["id"]: n["stage"] for n in data["nodes"]}
    backwards = [
        (link["from"], link["to"])
        for link in data["links"]
        if not link["feedback"] and order[stage[link["to"]]] < order[stage[link["from"]]]
    ]
    assert [f.ids for f in _of(found, "TOC001")] == backwards
    graph = nx.DiGraph()
    graph.add_nodes_from(stage)
    graph.add_edges_from(
        (link["from"], link["to"])
        for link in data["links"]
        if not link["feedback"] and (link["from"], link["to"]) not in backwards
    )
    cyclic = {n for comp in nx.strongly_connected_components(graph) if len(comp) > 1 for n in comp}
    assert {n for f in _of(found, "TOC002") for n in f.ids} == cyclic
