"""``toc judge``: exact output, formats, languages and exit statuses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import toc
from toc.assessment import assess
from toc.cli import main

ROOT = Path(__file__).resolve().parent.parent
NILS = ROOT / "examples" / "nils-2018" / "nils-2018.yaml"
FAN = ROOT / "examples" / "fa-n-malmo" / "fa-n-malmo.yaml"

SMALL = """\
format: 1
id: small
title: Coaching <pilot> & "friends"
language: en
interventions: [{id: north, name: Northtown}, {id: south, name: Southtown}]
nodes:
  - {id: coach, stage: activities, label: Coaching}
  - {id: trust, stage: short, label: Trust}
  - {id: work, stage: medium, label: Work}
links:
  - {from: coach, to: trust}
  - {from: trust, to: work}
mechanisms:
  - id: m-trust
    title: "Trust | *bold* {x}"
    links: ["coach->trust", "trust->work"]
    conditions: [c-forum]
conditions:
  - {id: c-forum, statement: There are forums}
rivals:
  - {id: r-market, statement: The labour market, about: [work]}
evidence:
  - {id: e-north, about: m-trust, intervention: north, kind: observation, test: smoking_gun}
  - {id: e-south, about: m-trust, intervention: south, kind: interview, test: hoop,
     observed: false}
  - id: e-forum
    about: c-forum
    intervention: north
    kind: survey
    question: Are there forums?
    scale: [small, some, large]
    counts: [0, 6, 7]
    dont_know: 4
judgements:
  - {about: m-trust, intervention: north, verdict: held, evidence: [e-north], date: "2019-01"}
  - {about: m-trust, intervention: north, verdict: inconclusive, date: "2018-05", by: Ann}
  - {about: m-trust, intervention: south, verdict: held, evidence: [e-south]}
  - {about: c-forum, intervention: north, verdict: present, evidence: [e-forum]}
"""

SMALL_TEXT = """\
Judgement: Coaching <pilot> & "friends" (small)
Suggestions: held at posterior ≥ 0.80, did not hold at ≤ 0.20, inconclusive between; \
prior 0.50 unless the mechanism gives one.

Mechanisms × interventions
==========================
Each cell: recorded verdict / suggestion from the evidence (posterior). * judged across all \
interventions; – does not apply; ! the suggestion changes with the prior ±0.2 or without one \
piece of evidence.

M1 Trust | *bold* {x} (m-trust)
  Intervention  Recorded  Suggested     Posterior
  Northtown     held      held          0.89 !
  Southtown     held      did not hold  0.09 !
  All           held      partly held
  conditions: c-forum: present (Northtown), – (Southtown)
  Northtown:
    depends on the prior: 0.30 gives inconclusive, 0.70 gives held
    rests on e-north: without it the suggestion would be inconclusive
    earlier: inconclusive (2018-05, Ann)
  Southtown:
    rests on e-south: without it the suggestion would be inconclusive

Conditions
==========
Survey shares exclude "don't know"; green when more than half of the answers are in the top \
step (or top group), otherwise red.

c-forum  There are forums
  Intervention  Recorded  Survey
  Northtown     present   present
  Southtown     –         –
    Northtown: e-forum: small 0.00% (0) · some 46.15% (6) · large 53.85% (7) · answered 13 \
· don't know 4 · green

Rival explanations
==================

r-market  The labour market
  Intervention  Recorded  Suggested      Posterior
  Northtown     –         no suggestion  –
  Southtown     –         no suggestion  –
  All           –         –
  Would also explain: work

Outcomes at risk
================
Northtown: Pathway support of 2 outcomes: 2 supported, 0 at risk, 0 unassessed.
Southtown: Pathway support of 2 outcomes: 2 supported, 0 at risk, 0 unassessed.
No outcome is at risk: no path to an outcome is broken by a mechanism that did not hold.

Findings
========
      37:5  error    TOC101  mechanism 'm-trust' in Southtown: recorded as held, but the \
evidence suggests did not hold (posterior 0.09)
            → the recorded verdict stands; check the evidence's test types and likelihoods, \
or explain the difference in the rationale
"""


def run(*args: str) -> Result:
    return CliRunner().invoke(main, ["judge", *args])


@pytest.fixture
def small(tmp_path: Path) -> Path:
    path = tmp_path / "small.yaml"
    path.write_text(SMALL, encoding="utf-8")
    return path


def test_text_output_exactly(small: Path) -> None:
    result = run(str(small))
    assert result.exit_code == 0, result.output
    assert result.stdout == SMALL_TEXT
    assert result.stderr == ""


def test_output_is_byte_identical_between_runs(small: Path) -> None:
    for fmt in ("text", "md", "json"):
        assert run("--format", fmt, str(small)).stdout == run("--format", fmt, str(small)).stdout


def test_strict_exits_1_on_a_conflict(small: Path) -> None:
    assert run("--strict", str(small)).exit_code == 1
    # Without the conflict only warnings remain: --strict passes.
    fixed = small.read_text(encoding="utf-8").replace(
        "verdict: held, evidence: [e-south]", "verdict: inconclusive, evidence: [e-south]"
    )
    small.write_text(fixed, encoding="utf-8")
    result = run("--strict", str(small))
    assert result.exit_code == 0
    assert "TOC102" in result.stdout and "TOC101" not in result.stdout


def test_json_is_the_assessment(small: Path) -> None:
    result = run("--format", "json", str(small))
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    expected = json.loads(assess(toc.load(small)).model_dump_json())
    assert data == expected
    cell = data["mechanisms"][0]["cells"][1]
    assert (cell["intervention"], cell["recorded"], cell["suggestion"]["verdict"]) == (
        "south",
        "held",
        "not_held",
    )
    assert data["findings"][0]["code"] == "TOC101"


def test_markdown_tables_escape_user_text(small: Path) -> None:
    out = run("--format", "md", str(small)).stdout
    assert out.startswith('# Judgement: Coaching \\<pilot\\> \\& "friends"\n')
    assert "| Mechanism | Northtown | Southtown | All |" in out
    assert (
        "| M1 Trust \\| \\*bold\\* \\{x\\} | held / held (0.89 !) | held / did not hold (0.09 !) "
        "| held / partly held |" in out
    )
    assert (
        "| c-forum | Northtown | small 0.00% (0) · some 46.15% (6) · large 53.85% (7) | 13 | 4 "
        "| green | present | present |" in out
    )
    assert "- **TOC101** error (line 37): mechanism 'm-trust' in Southtown" in out


def test_intervention_option_keeps_one_column(small: Path) -> None:
    out = run("--intervention", "south", str(small)).stdout
    assert "  Southtown     held      did not hold  0.09 !" in out
    assert "Northtown" not in out
    assert "  All " not in out
    assert "TOC101" in out


def test_swedish_document_gets_swedish_output_with_decimal_comma(small: Path) -> None:
    small.write_text(SMALL.replace("language: en", "language: sv"), encoding="utf-8")
    out = run(str(small)).stdout
    assert "Mekanismer × insatser" in out
    assert "  Southtown  höll    höll inte    0,09 !" in out
    assert (
        "small 0,00\u00a0% (0) · some 46,15\u00a0% (6) · large 53,85\u00a0% (7) · "
        "svarande 13 · vet ej 4 · grön" in out
    )
    assert "bedömd som höll, men underlaget pekar på höll inte (sannolikhet 0,09)" in out


def test_why_shows_each_step(small: Path) -> None:
    out = run("--why", "--intervention", "north", str(small)).stdout
    assert "    prior 0.50\n    e-north: P(E|H) 0.40, P(E|¬H) 0.05 → 0.89\n" in out


def test_thresholds_options(small: Path) -> None:
    out = run("--held-threshold", "0.95", "--intervention", "north", str(small)).stdout
    assert "  Northtown     held      inconclusive  0.89" in out
    assert "Suggestions: held at posterior ≥ 0.95" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--intervention", "east"],
            "error: unknown intervention 'east': the document's interventions are north, south\n",
        ),
        (
            ["--held-threshold", "0.1"],
            "error: --not-held-threshold (0.2) must be below --held-threshold (0.1)\n",
        ),
    ],
)
def test_bad_options_exit_2(small: Path, args: list[str], message: str) -> None:
    result = run(*args, str(small))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == message


def test_bad_file_exits_2_without_traceback(tmp_path: Path) -> None:
    missing = run(str(tmp_path / "nope.yaml"))
    assert missing.exit_code == 2 and missing.stdout == ""
    assert "error: no such file" in missing.stderr
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: 1\nid: x\ntitle: X\nnodes: [{id: a}]\n", encoding="utf-8")
    result = run(str(broken))
    assert result.exit_code == 2 and result.stdout == ""
    assert "broken.yaml:4:" in result.stderr
    assert "Traceback" not in result.stderr


def test_help_has_an_example() -> None:
    out = CliRunner().invoke(main, ["judge", "--help"]).stdout
    assert "toc judge examples/nils-2018/nils-2018.yaml" in out


# ---------------------------------------------------------------- examples


def test_nils_reads_like_the_seed() -> None:
    result = run(str(NILS))
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    for number, title in enumerate(
        [
            "Arbetssätt för samverkan runt individen (2.1)",
            "Gemensam förståelse och förhållningssätt mellan parterna (2.2)",
            "Kedjor av insatser och ansvar mellan parterna (2.3)",
            "Bred samverkan mellan myndigheter och andra sektorer (2.4)",
            "Implementering av arbetssätt för samverkan (2.5)",
        ],
        start=1,
    ):
        assert f"M{number} {title}" in out
    # Bilaga 1, as the seed prints it (two decimals, decimal comma).
    assert (
        "liten/mycket liten 0,00\u00a0% (0) · viss 46,15\u00a0% (6) · "
        "stor/mycket stor 53,85\u00a0% (7)"
    ) in out
    assert "svarande 13 · vet ej 4 · grön" in out
    for share in ("86,67", "83,33", "75,00", "50,00", "33,33", "66,67"):
        assert share + "\u00a0%" in out
    assert "Spira              för tidigt att säga" in out
    assert run("--strict", str(NILS)).exit_code == 0


def test_fa_n_malmo_reads_as_a_mechanism_that_did_not_hold() -> None:
    out = run(str(FAN)).stdout
    assert "M2 Implementering parallellt med det ordinarie arbetet" in out
    assert "(FA-N)  höll inte  höll inte  0,06 !" in out
    assert (
        "förutsättningar: c-mandate saknas; c-steering saknas; c-anchoring saknas; "
        "c-parties-agreed finns; c-starting-points finns delvis; c-ready-to-implement saknas"
    ) in out
    assert "Arbetssättet implementerat i ordinarie verksamhet (long-implemented)" in out


# -------------------------------------------------------------------- docs


@pytest.mark.parametrize("page", ["judgement.md", "evaluator.md"])
def test_docs_examples_run_as_shown(page: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import doctest

    monkeypatch.chdir(ROOT)
    result = doctest.testfile(
        str(ROOT / "docs" / page), module_relative=False, optionflags=doctest.ELLIPSIS
    )
    assert result.attempted > 5
    assert result.failed == 0
