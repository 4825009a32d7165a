"""The report's content: catalogue, numbers, Bilaga-1 table, judgements, scope."""

from __future__ import annotations

import re
import string
from typing import Any

import pytest
from report_helpers import NILS, hostile_doc

import toc
from toc.errors import OptionError
from toc.i18n import CATALOGUE
from toc.report.content import build, format_number, format_percent

REPORT_KEYS = sorted(k for k in CATALOGUE if k.startswith("report."))


@pytest.fixture(scope="module")
def nils() -> toc.Document:
    return toc.load(NILS)


@pytest.fixture(scope="module")
def nils_report(nils: toc.Document) -> Any:
    return build(nils, assessment=None)


def test_catalogue_has_report_keys() -> None:
    assert len(REPORT_KEYS) > 100


@pytest.mark.parametrize("key", REPORT_KEYS)
def test_every_report_key_in_both_languages_with_same_fields(key: str) -> None:
    entry = CATALOGUE[key]
    assert set(entry) == {"sv", "en"}, key
    assert entry["sv"].strip() and entry["en"].strip()

    def fields(value: str) -> set[str]:
        return {f for _, f, _, _ in string.Formatter().parse(value) if f}

    assert fields(entry["sv"]) == fields(entry["en"])


def test_content_uses_only_catalogued_words() -> None:
    # Every key the writers look up in `t` exists: a missing one fails here, not in a report.
    import pathlib

    used: set[str] = set()
    package = pathlib.Path(__file__).resolve().parent.parent / "toc" / "report"
    for path in [*package.glob("*.py"), *package.glob("templates/*.j2")]:
        source = path.read_text("utf-8")
        used |= set(re.findall(r"\bt\[['\"]([a-z_.]+)['\"]\]", source))
        if path.suffix == ".j2":
            used |= set(re.findall(r"\bt\.([a-z_]+)\b", source))
        used |= {
            k.removeprefix("report.")
            for k in re.findall(r"\"(report\.[a-z_.]+)\"", source)
            if not k.endswith(".css")
        }
    known = {k.removeprefix("report.") for k in REPORT_KEYS}
    assert used, "found no lookups"
    assert sorted(used - known) == []


@pytest.mark.parametrize(
    ("value", "language", "decimals", "expected"),
    [
        (53.846, "sv", 2, "53,85"),
        (53.846, "en", 2, "53.85"),
        (0, "sv", 2, "0,00"),
        (79, "sv", None, "79"),
        (2.5, "sv", None, "2,5"),
        (1e-7, "en", 2, "0.00"),
    ],
)
def test_format_number(value: float, language: str, decimals: int | None, expected: str) -> None:
    assert format_number(value, language, decimals) == expected


def test_format_percent() -> None:
    assert format_percent(7 / 13, "sv") == "53,85\u00a0%"
    assert format_percent(2 / 3, "en") == "66.67%"
    assert format_percent(1, "sv") == "100,00\u00a0%"


def _row(report: Any, question_start: str) -> Any:
    for table in report.surveys:
        for row in table.rows:
            if row.question.startswith(question_start):
                return table, row
    raise AssertionError(question_start)


def test_bilaga_row_forum_matches_the_seed(nils_report: Any) -> None:
    # Seed 002, Bilaga 1: 0,00 % / 46,15 % / 53,85 % of 13 answers; green.
    table, row = _row(nils_report, "Det finns de nödvändiga samverkansforumen")
    assert table.scale == ["liten/mycket liten", "viss", "stor/mycket stor"]
    assert table.intervention == "Spira"
    assert row.shares == ["0,00\u00a0%", "46,15\u00a0%", "53,85\u00a0%"]
    assert row.counts == [0, 6, 7]
    assert (row.dont_know, row.answered) == (4, 13)
    assert row.top == [2]
    assert row.rule_key == "support"
    assert row.rule == "✓ stöd (53,85\u00a0%)"


def test_bilaga_row_funding_is_weak(nils_report: Any) -> None:
    _, row = _row(nils_report, "Det finns vilja och utrymme att avsätta")
    assert row.rule_key == "weak"
    assert row.rule == "✗ svagt (33,33\u00a0%); fler ”vet ej” än svar"
    assert (row.dont_know, row.answered) == (11, 6)


def test_english_language_override(nils: toc.Document) -> None:
    report = build(nils, language="en", assessment=None)
    _, row = _row(report, "Det finns de nödvändiga samverkansforumen")
    assert row.shares[2] == "53.85%"
    assert row.rule == "✓ supports (53.85%)"
    assert report.t["assumption"] == "Assumption – change mechanism"
    assert report.mechanisms[0].judgements[0].current is not None
    assert report.mechanisms[0].judgements[0].current.verdict == "partly held"


def test_mechanism_section_heading_and_evidence_groups(nils_report: Any) -> None:
    first = nils_report.mechanisms[0]
    assert nils_report.t["assumption"] == "Antagande – förändringsmekanism"
    assert first.title == "Arbetssätt för samverkan runt individen (2.1)"
    assert [g.heading for g in first.evidence] == [
        "Gemensamt för insatserna",
        "Integrationscoach",
        "Spira",
    ]
    spira = first.evidence[2].items
    assert spira[0].kind == "intervju"
    assert spira[0].quotes == ["Motorn som kan hjälpa till att stötta"]
    assert [b.heading for b in first.judgements] == ["Integrationscoach", "Spira"]
    assert first.judgements[1].current is not None
    assert first.judgements[1].current.verdict == "höll"
    assert first.judgements[1].current.confidence == "medel"


def test_matrix(nils_report: Any) -> None:
    matrix = nils_report.matrix
    assert matrix.header == ["Mekanism", "Integrationscoach", "Spira"]
    last = matrix.rows[-1]
    assert [c.text for c in last] == [
        "Implementering av arbetssätt för samverkan (2.5)",
        "höll delvis",
        "för tidigt att säga",
    ]
    assert [c.mark for c in last[1:]] == ["partly_held", "too_early"]


def _reported(doc: toc.Document, intervention: str | None = None) -> Any:
    result = toc.assess(doc, intervention=intervention)
    findings = toc.check(doc, assessment=result)
    return build(doc, intervention=intervention, assessment=result, findings=findings)


def test_intervention_limits_the_report(nils: toc.Document) -> None:
    report = _reported(nils, "ic")
    assert report.matrix.header == ["Mekanism", "Integrationscoach"]
    assert report.scope is not None and "Integrationscoach" in report.scope
    headings = {g.heading for m in report.mechanisms for g in m.evidence}
    assert "Spira" not in headings
    assert report.surveys == []  # every survey in the example is Spira's
    assert [r[0].text for r in report.interventions.rows] == ["Integrationscoach"]
    # Findings about Spira stay out of Integrationscoach's report; common ones stay in.
    messages = [row[2].text for row in report.findings.rows]
    assert not [m for m in messages if "i Spira" in m], messages
    everything = [row[2].text for row in _reported(nils).findings.rows]
    assert [m for m in everything if "i Spira" in m]
    assert set(messages) < set(everything)


def test_unknown_intervention_is_an_option_error(nils: toc.Document) -> None:
    with pytest.raises(OptionError, match=r"unknown intervention 'nope': use one of: ic, spira"):
        build(nils, intervention="nope")


def test_unknown_language_is_an_option_error(nils: toc.Document) -> None:
    with pytest.raises(OptionError, match="unknown language 'de'"):
        build(nils, language="de")


def _with_history(evidence: list[dict[str, Any]] | None = None) -> toc.Document:
    doc = hostile_doc("x")
    data = doc.model_dump(by_alias=True, exclude_none=True)
    if evidence is not None:
        data["evidence"] = evidence
    data["judgements"] = [
        {
            "about": "m1",
            "intervention": "a",
            "verdict": "held",
            "date": "2021-01",
            "rationale": "later",
        },
        {
            "about": "m1",
            "intervention": "a",
            "verdict": "not_held",
            "date": "2019-05",
            "rationale": "first",
        },
    ]
    return toc.validate(data)


def test_latest_judgement_is_current_and_earlier_is_history() -> None:
    block = build(_with_history(), assessment=None).mechanisms[0].judgements[0]
    assert block.current is not None
    assert (block.current.verdict, block.current.rationale) == ("held", "later")
    assert [(h.verdict, h.date, h.rationale) for h in block.history] == [
        ("did not hold", "2019-05", "first")
    ]


def _judged(evidence: list[dict[str, Any]], language: str | None = None) -> Any:
    doc = _with_history(evidence)
    return build(doc, language=language, assessment=toc.assess(doc))


def test_suggestion_posterior_robustness_and_conflict_shown() -> None:
    # A smoking gun found against m1: posterior 0.11, and 0.23 with the prior at 0.7.
    report = _judged(
        [
            {
                "id": "e1",
                "about": "m1",
                "kind": "interview",
                "intervention": "a",
                "test": "smoking_gun",
                "stance": "contradicts",
            }
        ]
    )
    block = report.mechanisms[0].judgements[0]
    assert block.suggestion == "did not hold"
    assert block.posterior == "0.11"
    assert block.robustness == (
        "sensitive to the prior (moving it by ±0.2 changes the suggestion); "
        "rests on single pieces of evidence: e1"
    )
    assert block.conflict == (
        "The recorded verdict (held) differs from the suggestion (did not hold); "
        "the evaluator's verdict stands."
    )
    assert report.matrix.rows[0][1].text == "held (suggested: did not hold)"


def test_agreeing_suggestion_shows_no_conflict() -> None:
    two = [
        {"id": f"e{i}", "about": "m1", "kind": "document", "test": "doubly_decisive"}
        for i in (1, 2)
    ]
    block = _judged(two, language="sv").mechanisms[0].judgements[0]
    assert block.conflict is None
    assert block.posterior == "1,00"
    assert block.robustness is not None and block.robustness.startswith("stabilt")


def test_no_suggestion_when_the_evidence_has_no_likelihoods() -> None:
    block = _judged([{"id": "e1", "about": "m1", "kind": "interview"}]).mechanisms[0]
    assert [(b.suggestion, b.posterior, b.conflict) for b in block.judgements] == [
        (None, None, None)
    ]


def test_indicator_status() -> None:
    rows = build(hostile_doc("x"), language="sv", assessment=None).indicators
    assert [(r.target, r.actual, r.status) for r in rows] == [
        ("50\u00a0%", "60\u00a0% (2020-01)", "målet nått")
    ]


def test_rival_table_and_outcomes_at_risk() -> None:
    doc = hostile_doc("x")
    data = doc.model_dump(by_alias=True, exclude_none=True)
    data["judgements"].append({"about": "r1", "intervention": "a", "verdict": "partly_held"})
    report = build(toc.validate(data), assessment=None)
    assert [c.text for c in report.rivals.rows[0]] == ["Rival x", "Outcome", "Int x: partly held"]
    assert report.at_risk == ["Outcome"]
