"""The report's section on changes: sentences in the report's language, no ids, the diagram."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import toc
from toc.changes import diff
from toc.report.changes import ChangeGroup, changes_section

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "examples" / "nils-2018-plan" / "nils-2018-plan.yaml"
NILS = ROOT / "examples" / "nils-2018" / "nils-2018.yaml"


@pytest.fixture(scope="module")
def versions() -> tuple[toc.Document, toc.Document]:
    return toc.load(PLAN), toc.load(NILS)


def _ids(*docs: toc.Document) -> set[str]:
    out: set[str] = set()
    for doc in docs:
        out |= {doc.id}
        for kind in ("interventions", "actors", "nodes", "mechanisms", "conditions", "rivals"):
            out |= {item.id for item in getattr(doc, kind)}
        out |= {i.id for n in doc.nodes for i in n.indicators}
        out |= {e.id for e in doc.evidence}
        out |= {link.ref for link in doc.links}
    return out


def _words(section: object) -> str:
    groups: tuple[ChangeGroup, ...] = section.groups  # type: ignore[attr-defined]
    parts = [section.heading, section.intro, section.caption]  # type: ignore[attr-defined]
    parts += [g.heading for g in groups] + [item for g in groups for item in g.items]
    return "\n".join(parts)


@pytest.mark.parametrize("language", ["sv", "en"])
def test_no_internal_id_reaches_the_board(
    versions: tuple[toc.Document, toc.Document], language: str
) -> None:
    words = _words(changes_section(*versions, language=language))
    # Ids with a hyphen cannot be ordinary words of either language.
    leaked = sorted(
        i for i in _ids(*versions) if "-" in i and re.search(rf"\b{re.escape(i)}\b", words)
    )
    assert leaked == []


def test_swedish_section_of_the_worked_example(versions: tuple[toc.Document, toc.Document]) -> None:
    section = changes_section(*versions, diff(*versions), "sv")
    assert section.heading == "Förändringar i förändringsteorin"
    assert section.intro.startswith(
        "Avsnittet jämför förändringsteorin i den här rapporten med den tidigare versionen "
        "”Förändringsteori för utveckling av samverkan i Integrationscoach och Spira "
        "(uppstart, december 2017)”. 21 delar har lagts till, 6 tagits bort och 11 ändrats; "
        "den aktuella bedömningen har ändrats för 27 "
    )
    headings = [g.heading for g in section.groups]
    assert headings == [
        "Dokumentet",
        "Rutor",
        "Pilar",
        "Antaganden om förändringsmekanismer",
        "Förutsättningar",
        "Alternativa förklaringar",
        "Aktörer",
        "Indikatorer",
        "Underlag",
        "Bedömningar",
    ]
    boxes = section.groups[1].items
    assert boxes == (
        "Rutan ”Insatser och möten för deltagarna görs i samverkan”: "
        "nu också med Studieförbund (studiecirklar i Spira).",
        "Rutan ”Case management-inspirerad metodik med egen coach”: "
        "tidigare ”Case management-inspirerad metodik”.",
        "Ny ruta under Effekter lång sikt: ”Implementerat myndighetsövergripande arbetssätt "
        "i kommunernas ordinarie verksamhet”.",
        'Ny ruta under Effekter lång sikt: ”Ett "kitt" mellan myndigheterna”.',
        "Ny ruta under Effekter lång sikt: ”Fungerande kedjor av insatser och ansvar kring "
        "målgrupperna”.",
        "Borttagen ruta under Effekter lång sikt: ”Insatserna har bidragit till bättre "
        "samverkan mellan förbundets parter”.",
    )
    # The box that only got a new id is the same box to a reader: not mentioned.
    assert not any("Samverkansgrupp (operativ nivå)" in item for item in boxes)
    assert section.groups[-1].items[0] == (
        "Antagandet ”Arbetssätt för samverkan runt individen (2.1)” i Integrationscoach: "
        "inte bedömd → höll delvis."
    )
    assert section.groups[-2].items[0] == (
        "”Arbetssätt för samverkan runt individen (2.1)”: antal underlag 0 → 6."
    )


def test_the_report_and_check_settings_are_not_the_theory() -> None:
    plan = toc.loads(
        "format: 1\nid: d\ntitle: Plan\nreport: {title: Start-up report, version: '0.1'}\n"
    )
    done = toc.loads(
        "format: 1\nid: d\ntitle: Evaluated\n"
        "report: {title: Final report, version: '1.0', summary: It held.}\n"
        "checks: {ignore: [TOC006]}\n"
    )
    assert [f.field for f in diff(plan, done).document] == ["title", "checks", "report"]
    section = changes_section(plan, done, language="en")
    assert section.groups == (
        ChangeGroup("The document", ("The title changed from “Plan” to “Evaluated”.",)),
    )
    assert "1 changed" in section.intro
    # Settings alone: the theory is the same.
    alone = changes_section(plan, plan.model_copy(update={"report": None}), language="en")
    assert alone.empty and alone.groups == ()


def test_english_sentences(versions: tuple[toc.Document, toc.Document]) -> None:
    section = changes_section(*versions, language="en")
    assert section.heading == "Changes to the theory of change"
    mechanisms = dict((g.heading, g.items) for g in section.groups)["Mechanism assumptions"]
    assert mechanisms[4].startswith(
        "The mechanism assumption “Implementering av arbetssätt för samverkan (2.5)”: "
        "previously “Implementering av arbetssätt för samverkan”; now also explains the arrow "
        "“Insatser och samarbetsmindset förankrade i organisationerna” → “Implementerat "
    )
    assert mechanisms[4].endswith(
        "no longer depends on “Parterna har resurser för att föra in arbetssätten i ordinarie "
        "verksamhet”."
    )
    conditions = dict((g.heading, g.items) for g in section.groups)["Conditions"]
    assert conditions[-1] == (
        "Condition removed: “Parterna har resurser för att föra in arbetssätten i ordinarie "
        "verksamhet”."
    )


def test_the_same_version_says_so(versions: tuple[toc.Document, toc.Document]) -> None:
    section = changes_section(versions[1], versions[1], language="en")
    assert section.empty and section.groups == ()
    assert section.intro == (
        "The theory of change is the same as in the earlier version “Förändringsteori för "
        "utveckling av samverkan i Integrationscoach och Spira”."
    )


def test_the_diagram_for_html_and_word(versions: tuple[toc.Document, toc.Document]) -> None:
    section = changes_section(*versions, language="en")
    svg = section.diagram("svg")
    ET.fromstring(svg)
    assert b"<title>" not in svg and b"<!--" not in svg  # they would name boxes by id
    assert b"Changes since: F" in svg and b"added (bold outline)" in svg
    assert section.diagram("png").startswith(b"\x89PNG")
    with pytest.raises(ValueError, match="svg or png"):
        section.diagram("pdf")  # type: ignore[arg-type]
