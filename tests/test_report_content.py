"""The report's content: catalogue, numbers, sections, audiences, judgements, scope."""

from __future__ import annotations

import re
import string
from pathlib import Path
from typing import Any

import pytest
from report_helpers import NILS, hostile_doc, with_report

import toc
from toc.errors import OptionError
from toc.i18n import CATALOGUE, format_date, format_measure, format_number, format_percent
from toc.report.content import build
from toc.report.model import Mechanisms, Surveys, Theory

REPORT_KEYS = sorted(k for k in CATALOGUE if k.startswith("report."))


@pytest.fixture(scope="module")
def nils() -> toc.Document:
    return toc.load(NILS)


@pytest.fixture(scope="module")
def board(nils: toc.Document) -> Any:
    return build(nils)


@pytest.fixture(scope="module")
def evaluator(nils: toc.Document) -> Any:
    return build(nils, audience="evaluator")


def _mechanisms(report: Any) -> Mechanisms:
    section = report.section("mechanisms")
    assert isinstance(section, Mechanisms)
    return section


def _surveys(report: Any) -> Surveys:
    section = report.section("surveys")
    assert isinstance(section, Surveys)
    return section


# ----------------------------------------------------------------- catalogue


def test_catalogue_has_report_keys() -> None:
    assert len(REPORT_KEYS) > 150


@pytest.mark.parametrize("key", REPORT_KEYS)
def test_every_report_key_in_both_languages_with_same_fields(key: str) -> None:
    entry = CATALOGUE[key]
    assert set(entry) == {"sv", "en"}, key
    assert entry["sv"].strip() and entry["en"].strip()

    def fields(value: str) -> set[str]:
        return {f for _, f, _, _ in string.Formatter().parse(value) if f}

    assert fields(entry["sv"]) == fields(entry["en"])


def test_content_uses_only_catalogued_words() -> None:
    # Every key the writers look up exists: a missing one fails here, not in a report.
    used: set[str] = set()
    package = Path(__file__).resolve().parent.parent / "toc" / "report"
    for path in [*package.glob("*.py"), *package.glob("templates/*.j2")]:
        source = path.read_text("utf-8")
        used |= set(re.findall(r"\bt\[['\"]([a-z_.]+)['\"]\]", source))
        if path.suffix == ".j2":
            used |= set(re.findall(r"\bt\.([a-z_]+)\b", source))
        used |= {
            k.removeprefix("report.")
            for k in re.findall(r"\btext\(\s*\"(report\.[a-z_.]+)\"", source)
        }
    known = {k.removeprefix("report.") for k in REPORT_KEYS}
    assert len(used) > 80, "found too few lookups"
    # A key that ends in "." is a prefix completed in code (t["rule." + key]).
    missing = [
        k for k in used - known if not (k.endswith(".") and any(n.startswith(k) for n in known))
    ]
    assert sorted(missing) == []


# ------------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("value", "language", "decimals", "expected"),
    [
        (1234567.5, "sv", None, "1\u00a0234\u00a0567,5"),
        (1234567.5, "en", None, "1,234,567.5"),
        (0.5, "sv", None, "0,5"),
        (0.5, "en", None, "0.5"),
        (-1234.5, "sv", None, "-1\u00a0234,5"),
        (-1234.5, "en", 2, "-1,234.50"),
        (-0.001, "sv", 2, "0,00"),
        (53.846, "sv", 2, "53,85"),
        (79, "sv", None, "79"),
        (1e-7, "en", None, "0"),
        (1e21, "en", None, "1,000,000,000,000,000,000,000"),
        (2.5e-3, "sv", None, "0,0025"),
    ],
)
def test_format_number(value: float, language: str, decimals: int | None, expected: str) -> None:
    out = format_number(value, language, decimals)
    assert out == expected
    assert "e" not in out.lower()  # never scientific notation


def test_format_number_of_the_largest_float() -> None:
    # Babel rounds in a decimal context: toc gives it room for every digit.
    out = format_number(1.7976931348623157e308, "sv")
    assert out.startswith("179\u00a0769\u00a0313") and len(out.replace("\u00a0", "")) == 309


@pytest.mark.parametrize(
    ("share", "language", "expected"),
    [
        (0.46153846, "sv", "46,15\u00a0%"),
        (0.46153846, "en", "46.15%"),
        (0.5, "sv", "50,00\u00a0%"),
        (-0.125, "en", "-12.50%"),
        (12.345, "sv", "1\u00a0234,50\u00a0%"),
    ],
)
def test_format_percent(share: float, language: str, expected: str) -> None:
    assert format_percent(share, language) == expected


@pytest.mark.parametrize(
    ("value", "unit", "language", "expected"),
    [
        (2, "antal", "sv", "2 st."),
        (2, "antal", "en", "2"),
        (1, "1 = ja, 0 = nej", "sv", "ja"),
        (0, "1 = ja, 0 = nej", "en", "no"),
        (1234567.5, "kr", "sv", "1\u00a0234\u00a0567,5 kr"),
        (1234567.5, "SEK", "en", "SEK 1,234,567.5"),
        (64, "percent", "sv", "64\u00a0%"),
        (-3.5, "percent", "en", "-3.5%"),
        (1, "persons", "sv", "1 person"),
        (12, "personer", "en", "12 persons"),
        (12.5, "km", "sv", "12,5 km"),
        (7, None, "sv", "7"),
    ],
)
def test_format_measure(value: float, unit: str | None, language: str, expected: str) -> None:
    assert format_measure(value, unit, language) == expected


@pytest.mark.parametrize(
    ("value", "language", "expected"),
    [
        ("2019-01-15", "sv", "15 januari 2019"),
        ("2019-01-15", "en", "15 January 2019"),
        ("2018-12", "sv", "december 2018"),
        ("2018", "en", "2018"),
        ("2017-03/2018-03", "en", "March 2017–March 2018"),
        ("soon", "sv", "soon"),
    ],
)
def test_format_date(value: str, language: str, expected: str) -> None:
    assert format_date(value, language) == expected


# ------------------------------------------------------------------ sections


def test_board_sections_in_order(board: Any) -> None:
    assert [s.key for s in board.sections] == [
        "title_page",
        "contents",
        "summary",
        "background",
        "theory",
        "mechanisms",
        "rivals",
        "indicators",
        "conclusions",
        "surveys",
    ]
    contents = board.section("contents")
    assert [e.text for e in contents.entries] == [
        "Sammanfattning",
        "1. Bakgrund",
        "2. Förändringsteorin",
        "3. Hur har förändringsmekanismerna fungerat?",
        "4. Alternativa förklaringar och osäkra effekter",
        "5. Indikatorer",
        "6. Slutsatser",
        "Bilaga 1: Tabell över enkätsvar",
    ]


def test_title_page_summary_and_conclusions_from_the_document(board: Any) -> None:
    title = board.sections[0]
    assert title.title == "Lärande utvärdering av Integrationscoach och Spira"
    assert title.subtitle == "Slutrapport till Samordningsförbundet NILS"
    assert title.facts == (
        ("Beställare", "Samordningsförbundet NILS"),
        ("Utvärderare", "Karen Ask (ASKing), Lisbeth Lindell"),
        ("Datum", "januari 2019"),
        ("Version", "1.0"),
        ("Status", "slutversion"),
    )
    conclusions = board.section("conclusions")
    assert conclusions.heading.text == "6. Slutsatser"
    assert conclusions.recommendations_heading == "Rekommendationer"
    numbered = conclusions.recommendations[1]
    assert numbered.ordered and len(numbered.items) == 5


def test_without_a_report_block_the_document_title_heads_the_report(nils: toc.Document) -> None:
    report = build(nils.model_copy(update={"report": None}))
    assert [s.key for s in report.sections] == [
        "title_page",
        "contents",
        "background",
        "theory",
        "mechanisms",
        "rivals",
        "indicators",
        "surveys",
    ]
    title = report.sections[0]
    assert title.title == nils.title
    assert title.title.startswith("Förändringsteori för utveckling av samverkan")
    assert (title.subtitle, title.facts) == (None, ())


def test_evaluator_adds_the_findings_appendix(evaluator: Any) -> None:
    assert [s.key for s in evaluator.sections][-2:] == ["surveys", "findings"]
    findings = evaluator.section("findings")
    assert findings.heading.text == "Bilaga 2: Anmärkningar från den strukturella kontrollen"
    assert findings.table is not None and findings.table.rows


def test_sections_chosen_and_ordered(nils: toc.Document) -> None:
    report = build(nils, sections=["mechanisms", "title_page", "theory"])
    assert [s.key for s in report.sections] == ["mechanisms", "title_page", "theory"]
    assert report.sections[0].heading.text == "1. Hur har förändringsmekanismerna fungerat?"
    assert report.sections[0].items[0].heading.text.startswith("1.1 ")
    # The document's own choice, unless the caller chooses.
    chosen = with_report(nils, {"sections": ["summary", "conclusions", "theory"]})
    assert [s.key for s in build(chosen).sections] == ["theory"]  # nothing written to sum up


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"sections": ["findings"]}, "the findings appendix is working material"),
        ({"sections": ["theory", "nope"]}, "unknown report section 'nope'"),
        ({"sections": ["theory", "theory"]}, "report section 'theory' is listed twice"),
        ({"sections": ["changes"]}, "the changes section compares with a baseline"),
        ({"audience": "public"}, "unknown audience 'public'"),
        ({"intervention": "nope"}, "unknown intervention 'nope': use one of: ic, spira"),
        ({"language": "de"}, "unknown language 'de'"),
    ],
)
def test_bad_options_are_option_errors(
    nils: toc.Document, kwargs: dict[str, Any], message: str
) -> None:
    with pytest.raises(OptionError, match=re.escape(message)):
        build(nils, **kwargs)


# ------------------------------------------------------------------- Bilaga 1


def _row(report: Any, question_start: str) -> Any:
    for table in _surveys(report).tables:
        for row in table.rows:
            if row.question.startswith(question_start):
                return table, row
    raise AssertionError(question_start)


def test_bilaga_row_forum_matches_the_seed(board: Any) -> None:
    # Seed 002, Bilaga 1: 0,00 % / 46,15 % / 53,85 % of 13 answers; green.
    table, row = _row(board, "Det finns de nödvändiga samverkansforumen")
    assert table.scale == ("liten/mycket liten", "viss", "stor/mycket stor")
    assert row.shares == ("0,00\u00a0%", "46,15\u00a0%", "53,85\u00a0%")
    assert row.counts == (0, 6, 7)
    assert (row.dont_know, row.answered) == (4, 13)
    assert row.top == (2,)
    assert row.rule_key == "support"
    assert row.rule == "✓ stöd (53,85\u00a0%)"


def test_bilaga_tables_have_different_headings(board: Any) -> None:
    headings = [t.heading for t in _surveys(board).tables]
    assert len(headings) == 2 and len(set(headings)) == 2
    assert headings[0].endswith("(skala: liten/mycket liten … stor/mycket stor)")


SCALES = (
    "liten/mycket liten … stor/mycket stor",
    "liten/mycket liten eller viss … stor/mycket stor",
)
"""The two scales of the NILS survey in Bilaga 1, first step … last."""


@pytest.mark.parametrize(
    ("language", "caption", "scale"),
    [
        ("sv", "Tabell {n}: Enkätsvar, Spira", "skala"),
        ("en", "Table {n}: Survey answers, Spira", "scale"),
    ],
)
def test_bilaga_captions_name_the_scale_that_sets_the_tables_apart(
    nils: toc.Document, language: str, caption: str, scale: str
) -> None:
    # One survey in one intervention, asked on two scales: two tables, told apart by scale
    # in their headings and in their captions alike.
    tables = _surveys(build(nils, language=language)).tables
    assert [str(t.caption) for t in tables] == [
        f"{caption.format(n=6)} ({scale}: {SCALES[0]})",
        f"{caption.format(n=7)} ({scale}: {SCALES[1]})",
    ]
    assert tables[0].heading.endswith(f"– Spira ({scale}: {SCALES[0]})")
    assert tables[1].heading.endswith(f"– Spira ({scale}: {SCALES[1]})")


def test_a_bilaga_caption_names_no_scale_when_its_place_has_one_table(
    nils: toc.Document,
) -> None:
    # The three-step questions moved to the other intervention: one table each, and each
    # caption's place is enough.
    three_steps = {"e-survey-forum", "e-survey-funding", "e-survey-plan"}
    evidence = [
        e.model_copy(update={"intervention": "ic"}) if e.id in three_steps else e
        for e in nils.evidence
    ]
    tables = _surveys(build(nils.model_copy(update={"evidence": evidence}))).tables
    assert [str(t.caption) for t in tables] == [
        "Tabell 6: Enkätsvar, Integrationscoach",
        "Tabell 7: Enkätsvar, Spira",
    ]


def test_bilaga_row_funding_is_weak(board: Any) -> None:
    _, row = _row(board, "Det finns vilja och utrymme att avsätta")
    assert row.rule_key == "weak"
    assert row.rule == "✗ svagt (33,33\u00a0%); fler ”vet ej” än svar"


def test_survey_bars(board: Any) -> None:
    bars = _surveys(board).bars
    assert len(bars) == 8
    forum = next(b for b in bars if b.question.startswith("Det finns de nödvändiga"))
    assert [(s.step, s.count, s.percent, s.label) for s in forum.segments] == [
        ("liten/mycket liten", 0, "0\u00a0%", ""),
        ("viss", 6, "46\u00a0%", "46\u00a0%"),
        ("stor/mycket stor", 7, "54\u00a0%", "54\u00a0%"),
    ]
    assert forum.note == "13 svarade, 4 ”vet ej”"
    assert "viss: 6 (46\u00a0%)" in forum.alt
    # One hue, light to dark: it reads in greyscale and is no verdict colour.
    assert [s.colour for s in forum.segments] == ["#DCE4EE", "#7E8FA6", "#1F3A5F"]


def test_english_language_override(nils: toc.Document) -> None:
    report = build(nils, language="en")
    _, row = _row(report, "Det finns de nödvändiga samverkansforumen")
    assert row.shares[2] == "53.85%"
    assert row.rule == "✓ supports (53.85%)"
    first = _mechanisms(report).items[0].judgements[0]
    assert first.current is not None and first.current.verdict == "◐ partly held"
    assert first.current.date == "January 2019"


# ---------------------------------------------------------------- mechanisms


def test_mechanism_section_heading_and_evidence_groups(board: Any) -> None:
    first = _mechanisms(board).items[0]
    assert first.heading.text == "3.1 Arbetssätt för samverkan runt individen (2.1)"
    assert first.badge == "M1"
    assert [g.heading for g in first.evidence] == [
        "Gemensamt för insatserna",
        "Integrationscoach",
        "Spira",
    ]
    spira = first.evidence[2].items
    assert spira[0].kind == "intervju"
    assert spira[0].quotes == ("Motorn som kan hjälpa till att stötta",)
    assert [b.heading for b in first.judgements] == ["Integrationscoach", "Spira"]
    spira_block = first.judgements[1]
    assert spira_block.current is not None
    assert (spira_block.current.verdict, spira_block.current.confidence) == ("✓ höll", "medel")


def test_board_judgement_has_no_working_material(board: Any, evaluator: Any) -> None:
    for section in (_mechanisms(board),):
        for m in section.items:
            for b in m.judgements:
                assert (b.history, b.posterior, b.robustness, b.conflict) == ((), None, None, None)
    blocks = [b for m in _mechanisms(evaluator).items for b in m.judgements]
    assert any(b.posterior for b in blocks) and any(b.robustness for b in blocks)
    assert any(b.conflict for b in blocks)


def test_board_matrix_is_the_badge_rule(board: Any) -> None:
    matrix = _mechanisms(board).matrix
    assert matrix.header == ("Mekanism", "Integrationscoach", "Spira")
    assert matrix.caption is not None and str(matrix.caption).startswith("Tabell ")
    last = matrix.rows[-1]
    assert [c.text for c in last] == [
        "Implementering av arbetssätt för samverkan (2.5)",
        "◐ höll delvis",
        "… för tidigt att säga",
    ]
    assert [c.mark for c in last[1:]] == ["partly_held", "too_early"]


def test_evaluator_matrix_shows_the_suggestion_beside(evaluator: Any) -> None:
    row = _mechanisms(evaluator).matrix.rows[0]
    assert row[2].text == "✓ höll (förslag: går inte att avgöra)"


def _with_history(evidence: list[dict[str, Any]] | None = None) -> toc.Document:
    doc = hostile_doc("x")
    data = doc.model_dump(by_alias=True, exclude_none=True)
    if evidence is not None:
        data["evidence"] = evidence
    data["judgements"] = [
        {"about": "m1", "intervention": "a", "verdict": verdict, "date": date, "rationale": why}
        for verdict, date, why in (("held", "2021-01", "later"), ("not_held", "2019-05", "first"))
    ]
    return toc.validate(data)


def test_latest_judgement_is_current_and_earlier_is_history() -> None:
    block = _mechanisms(build(_with_history(), audience="evaluator")).items[0].judgements[0]
    assert block.current is not None
    assert block.current.verdict == "✓ held"
    assert block.current.date == "January 2021"
    assert [(h.verdict, h.date) for h in block.history] == [("✗ did not hold", "May 2019")]


def test_suggestion_posterior_robustness_and_conflict_shown_to_the_evaluator() -> None:
    # A smoking gun found against m1: posterior 0.11, and 0.23 with the prior at 0.7.
    doc = _with_history(
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
    report = build(doc, audience="evaluator")
    block = _mechanisms(report).items[0].judgements[0]
    assert block.suggestion == "✗ did not hold"
    assert block.posterior == "0.11"
    assert block.robustness == (
        "sensitive to the prior (moving it by ±0.2 changes the suggestion); "
        "rests on single pieces of evidence: e1"
    )
    assert block.conflict == (
        "The recorded verdict (held) differs from the suggestion (did not hold); "
        "the evaluator's verdict stands."
    )
    assert _mechanisms(report).matrix.rows[0][1].text == "✓ held (suggested: did not hold)"
    board = _mechanisms(build(doc)).items[0].judgements[0]
    assert (board.suggestion, board.posterior, board.conflict) == (None, None, None)


def test_board_shows_a_suggestion_only_where_nothing_is_recorded() -> None:
    doc = hostile_doc("x")
    data = doc.model_dump(by_alias=True, exclude_none=True)
    data["judgements"] = []
    data["evidence"][0].update(test="smoking_gun", stance="supports")
    report = build(toc.validate(data))
    block = _mechanisms(report).items[0].judgements[0]
    assert block.current is None and block.suggestion == "✓ held*"
    cell = _mechanisms(report).matrix.rows[0][1]
    assert (cell.text, cell.mark) == ("✓ held*", "held")
    assert _mechanisms(report).matrix_notes == (
        "* suggested by the evidence, not yet judged by the evaluator",
    )


def _across(intervention: str | None = None) -> Any:
    data = toc.load(NILS).model_dump(by_alias=True, exclude_none=True)
    data["judgements"] = [j for j in data["judgements"] if j["about"] != "m-chains"]
    data["judgements"].append({"about": "m-chains", "verdict": "held"})
    return build(toc.validate(data), intervention=intervention)


@pytest.mark.parametrize("intervention", [None, "ic"])
def test_a_verdict_judged_across_all_interventions_keeps_its_mark(
    intervention: str | None,
) -> None:
    report = _across(intervention)
    matrix = _mechanisms(report)
    row = next(r for r in matrix.matrix.rows if r[0].text.startswith("Kedjor"))
    assert {c.text for c in row[1:]} == {"✓ höll†"}
    assert "† bedömd samlat för alla insatser" in matrix.matrix_notes
    theory = report.section("theory")
    assert isinstance(theory, Theory)
    assert "† bedömd samlat för alla insatser" in theory.notes


# ---------------------------------------------------------------------- scope


def _structural(intervention: str | None) -> list[str]:
    data = toc.load(NILS).model_dump(by_alias=True, exclude_none=True)
    # A box of Spira's that leads nowhere: TOC003, about Spira only.
    data["nodes"].append(
        {"id": "res-spira-only", "stage": "resources", "label": "Lokal", "interventions": ["spira"]}
    )
    doc = toc.validate(data)
    result = toc.assess(doc, intervention=intervention)
    report = build(
        doc,
        audience="evaluator",
        intervention=intervention,
        assessment=result,
        findings=toc.check(doc, assessment=result),
    )
    findings = report.section("findings")
    assert findings is not None and findings.table is not None
    return [row[2].text for row in findings.table.rows]


def test_intervention_limits_the_findings() -> None:
    everything = _structural(None)
    spira = _structural("spira")
    ic = _structural("ic")
    assert any("'res-spira-only'" in m for m in everything)
    assert any("'res-spira-only'" in m for m in spira)
    assert not any("'res-spira-only'" in m for m in ic)
    assert not [m for m in ic if "i Spira" in m]
    assert set(ic) < set(everything)


def test_intervention_limits_the_report(nils: toc.Document) -> None:
    report = build(nils, intervention="ic")
    assert report.sections[0].scope == (
        "Rapporten avser insatsen Integrationscoach och de delar som är gemensamma för alla."
    )
    assert _mechanisms(report).matrix.header == ("Mekanism", "Integrationscoach")
    headings = {g.heading for m in _mechanisms(report).items for g in m.evidence}
    assert "Spira" not in headings
    assert _surveys(report).tables == ()  # every survey in the example is Spira's
    background = report.section("background")
    assert [r[0].text for r in background.interventions.rows] == ["Integrationscoach"]


def test_indicator_units_read_as_words(nils: toc.Document) -> None:
    rows = build(nils).section("indicators").table.rows
    texts = [[c.text for c in row] for row in rows]
    posts = next(r for r in texts if r[1].startswith("Tjänster i ordinarie"))
    assert posts[4] == "2 st. (januari 2019)"
    malmo = build(toc.load(Path(NILS).parent.parent / "fa-n-malmo" / "fa-n-malmo.yaml"))
    yes_no = [[c.text for c in row] for row in malmo.section("indicators").table.rows]
    method = next(r for r in yes_no if r[1].startswith("Försörjningsstödsenheten"))
    assert method[3:6] == ["ja", "nej (2013)", "under målet"]


def test_rival_table_and_outcomes_at_risk() -> None:
    doc = hostile_doc("x")
    data = doc.model_dump(by_alias=True, exclude_none=True)
    data["judgements"].append({"about": "r1", "intervention": "a", "verdict": "partly_held"})
    rivals = build(toc.validate(data)).section("rivals")
    assert [c.text for c in rivals.table.rows[0]] == ["Rival x", "Outcome", "Int x: ◐ partly held"]
    assert rivals.at_risk == ("Outcome",)


def test_report_content_scales_linearly_in_the_calls_it_makes(nils: toc.Document) -> None:
    # Judgement histories are indexed once: building the report asks the index,
    # never rescans the judgements (which made 10,000 nodes take 93 s).
    import sys

    history = sys.modules["mechanisms.history"]
    calls = 0
    real = history._history

    def counting(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        return real(*args, **kwargs)

    history._history = counting  # type: ignore[assignment]
    try:
        build(nils, assessment=toc.assess(nils), audience="evaluator")
    finally:
        history._history = real  # type: ignore[assignment]
    distinct = 3 * (len(nils.mechanisms) + len(nils.conditions) + len(nils.rivals)) * 2
    assert calls <= distinct
