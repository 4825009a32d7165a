"""Synthesis across evaluations (issue 14): matching, CMO rows, matrix, truth tables.

Every corpus here is made by hand, small enough that the expected rows,
consistencies and coverages are worked out in the test itself.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

import toc
from toc._gc import PAUSE_FROM
from toc.errors import DocumentError, OptionError
from toc.synthesis import SynthesisMap, qca_csv, synthesise
from toc.synthesis.model import Synthesis, TruthRow

ROOT = Path(__file__).resolve().parent.parent


def evaluation(
    doc_id: str,
    *,
    interventions: Sequence[str] = (),
    mechanisms: dict[str, list[str]],
    verdicts: dict[tuple[str, str | None], str] | None = None,
    states: dict[tuple[str, str | None], str] | None = None,
    extra: str = "",
    outcome: str = "",
) -> toc.Document:
    """A small valid document: one activity → outcome link per mechanism.

    ``mechanisms`` maps a mechanism id to its condition ids; ``verdicts`` and
    ``states`` give recorded judgements per (id, intervention).
    """
    conditions = sorted({c for cs in mechanisms.values() for c in cs})
    lines = [
        "format: 1",
        f"id: {doc_id}",
        f"title: Evaluation {doc_id}",
        "interventions: [" + ", ".join(f"{{id: {i}, name: Case {i}}}" for i in interventions) + "]",
        "nodes:",
    ]
    for m in mechanisms:
        lines.append(f"  - {{id: act-{m}, stage: activities, label: Doing {m}}}")
        lines.append(f"  - {{id: out-{m}, stage: short, label: Outcome of {m}{outcome}}}")
    lines.append("links:")
    lines += [f"  - {{from: act-{m}, to: out-{m}}}" for m in mechanisms]
    lines.append("mechanisms:")
    for m, cs in mechanisms.items():
        lines.append(
            f'  - {{id: {m}, title: Title of {m}, links: ["act-{m}->out-{m}"], '
            f"conditions: [{', '.join(cs)}]}}"
        )
    lines.append(
        "conditions: [" + ", ".join(f"{{id: {c}, statement: S {c}}}" for c in conditions) + "]"
    )
    judgements = []
    for (about, iv), verdict in {**(verdicts or {}), **(states or {})}.items():
        where = f", intervention: {iv}" if iv else ""
        judgements.append(f"  - {{about: {about}, verdict: {verdict}{where}}}")
    lines.append("judgements:" + ("" if judgements else " []"))
    lines += judgements
    return toc.loads("\n".join(lines) + "\n" + extra)


def rows(result: Synthesis, mechanism: str) -> list[tuple[str, str, int, float | None, list[str]]]:
    """A truth table's rows as (values, outcome, n, consistency, cases)."""

    def values(row: TruthRow) -> str:
        return "".join(str(v) for v in row.values.values())

    table = result.truth_tables[mechanism]
    return [(values(r), r.outcome, r.n, r.consistency, r.cases) for r in table.rows]


# ----------------------------------------------------------------- matching


def test_cases_are_document_and_intervention_and_ids_match_by_equality() -> None:
    a = evaluation(
        "a",
        interventions=["x", "y"],
        mechanisms={"m-shared": ["c-forum"], "m-only-a": []},
        verdicts={("m-shared", "x"): "held", ("m-shared", "y"): "not_held"},
    )
    b = evaluation(
        "b", mechanisms={"m-shared": ["c-forum", "c-b"]}, verdicts={("m-shared", None): "held"}
    )
    result = synthesise([b, a])  # documents are ordered by id, not by argument order
    assert [c.id for c in result.cases] == ["a:x", "a:y", "b"]
    assert [m.id for m in result.mechanisms] == ["m-shared", "m-only-a"]
    assert result.mechanisms[0].local == {"a": "m-shared", "b": "m-shared"}
    assert result.mechanisms[0].conditions == ["c-forum", "c-b"]
    assert [(u.kind, u.id, u.document, u.local) for u in result.unmatched] == [
        ("mechanism", "m-only-a", "a", "m-only-a"),
        ("condition", "c-b", "b", "c-b"),
    ]
    cells = {(c.mechanism, c.case): (c.verdict, c.source) for c in result.matrix.cells}
    assert cells[("m-shared", "a:x")] == ("held", "recorded")
    assert cells[("m-shared", "a:y")] == ("not_held", "recorded")
    assert cells[("m-shared", "b")] == ("held", "recorded")
    assert ("m-only-a", "b") not in cells


def test_a_map_matches_differently_named_ids_and_they_are_no_longer_unmatched() -> None:
    a = evaluation(
        "a", mechanisms={"m-integration": ["c-mandate"]}, verdicts={("m-integration", None): "held"}
    )
    b = evaluation(
        "b",
        mechanisms={"team-integration": ["c-mandate-team"]},
        verdicts={("team-integration", None): "not_held"},
    )
    mapping = SynthesisMap.from_data(
        {
            "mechanisms": {"m-integration": ["b:team-integration"]},
            "conditions": {"c-mandate": ["b:c-mandate-team"]},
        }
    )
    result = synthesise([a, b], map=mapping)
    assert result.unmatched == []
    assert [m.id for m in result.mechanisms] == ["m-integration"]
    assert result.mechanisms[0].local == {"a": "m-integration", "b": "team-integration"}
    row_b = result.rows("m-integration")[1]
    assert (row_b.case, row_b.local, row_b.conditions[0].condition, row_b.conditions[0].local) == (
        "b",
        "team-integration",
        "c-mandate",
        "c-mandate-team",
    )
    assert result.truth_tables["m-integration"].conditions == ["c-mandate"]


def test_map_file_problems_are_located_with_a_hint(tmp_path: Path) -> None:
    a = evaluation("a", mechanisms={"m-one": ["c-one"]})
    path = tmp_path / "map.yaml"
    path.write_text(
        "mechanisms:\n"
        "  m-x: [a:m-onee]\n"
        "  m-y: [a:c-one]\n"
        "conditions:\n"
        "  c-z: [a:c-one, b:c-two]\n",
        encoding="utf-8",
    )
    with pytest.raises(DocumentError) as caught:
        synthesise([a], map=path)
    shown = [p.render() for p in caught.value.problems]
    assert shown == [
        f"{path}:2:9: error: 'a' has no mechanism 'm-onee'\n  hint: did you mean 'm-one'?",
        f"{path}:3:9: error: 'c-one' is not a mechanism of 'a'\n  hint: list it under `conditions`",
    ]


def test_map_file_shape_problems_are_all_reported_at_once(tmp_path: Path) -> None:
    path = tmp_path / "map.yaml"
    path.write_text(
        "mechanisms:\n  m-x: [no-colon, a:m-1]\n  m-y: [a:m-1]\nconditons: {}\n",
        encoding="utf-8",
    )
    with pytest.raises(DocumentError) as caught:
        toc.synthesis.read_map(path)
    assert [(p.line, p.column, p.message) for p in caught.value.problems] == [
        (2, 9, "'no-colon' is not `document-id:local-id`"),
        (3, 9, "'a:m-1' is mapped twice, to 'm-x' and 'm-y'"),
        (4, 1, "unknown key 'conditons'"),
    ]


def test_two_ids_of_one_document_cannot_become_one() -> None:
    a = evaluation("a", mechanisms={"m-1": [], "m-2": []})
    with pytest.raises(DocumentError) as caught:
        synthesise([a], map={"mechanisms": {"m-1": ["a:m-2"]}})
    assert caught.value.problems[0].message == (
        "two mechanisms of 'a', 'm-1' and 'm-2', would both be the mechanism 'm-1'"
    )


def test_map_entries_for_documents_not_given_are_listed_not_refused() -> None:
    a = evaluation("a", mechanisms={"m-1": []})
    result = synthesise(
        [a], map={"mechanisms": {"m-1": ["zz:m-9"]}, "truth_tables": {"m-9": ["c"]}}
    )
    assert result.unused_map_entries == ["zz:m-9", "truth_tables:m-9"]


# ------------------------------------------------------------- truth tables


def _two_condition_corpus(**options: Any) -> Synthesis:
    """Cases A–D on conditions c1, c2 (values and verdicts in the comments)."""
    docs = [
        # A: c1=1 c2=1, held        B: c1=1 c2=1, not held
        evaluation(
            "d1",
            interventions=["a", "b"],
            mechanisms={"m": ["c1", "c2"]},
            verdicts={("m", "a"): "held", ("m", "b"): "not_held"},
            states={
                ("c1", "a"): "present",
                ("c2", "a"): "present",
                ("c1", "b"): "present",
                ("c2", "b"): "present",
            },
        ),
        # C: c1=1 c2=0, held        D: c1=0 c2=0, not held
        evaluation(
            "d2",
            interventions=["c", "d"],
            mechanisms={"m": ["c1", "c2"]},
            verdicts={("m", "c"): "held", ("m", "d"): "not_held"},
            states={
                ("c1", "c"): "present",
                ("c2", "c"): "absent",
                ("c1", "d"): "absent",
                ("c2", "d"): "absent",
            },
        ),
    ]
    return synthesise(docs, **options)


def test_each_truth_table_outcome_1_0_contradiction_and_no_case() -> None:
    result = _two_condition_corpus()
    assert result.truth_tables["m"].conditions == ["c1", "c2"]
    # QCA's order: the first condition varies slowest, 0 before 1.
    assert rows(result, "m") == [
        ("00", "0", 1, 0.0, ["d2:d"]),
        ("01", "?", 0, None, []),
        ("10", "1", 1, 1.0, ["d2:c"]),
        ("11", "C", 2, 0.5, ["d1:a", "d1:b"]),
    ]
    assert result.truth_tables["m"].remainders == 1


def test_consistency_and_coverage_per_condition_worked_out_by_hand() -> None:
    # Five cases: (c1, c2, held) = A (1,1,1), B (1,0,0), C (1,1,0), D (0,0,0), E (0,1,1).
    table = [("a", 1, 1, 1), ("b", 1, 0, 0), ("c", 1, 1, 0), ("d", 0, 0, 0), ("e", 0, 1, 1)]
    doc = evaluation(
        "five",
        interventions=[t[0] for t in table],
        mechanisms={"m": ["c1", "c2"]},
        verdicts={("m", iv): "held" if y else "not_held" for iv, _, _, y in table},
        states={
            **{("c1", iv): "present" if x1 else "absent" for iv, x1, _, _ in table},
            **{("c2", iv): "present" if x2 else "absent" for iv, _, x2, _ in table},
        },
    )
    fit = {f.condition: f for f in synthesise([doc]).truth_tables["m"].fit}
    # c1 present in A, B, C; of those A held: consistency 1/3. Held: A, E; c1 in A: coverage 1/2.
    assert (fit["c1"].present, fit["c1"].held, fit["c1"].both) == (3, 2, 1)
    assert fit["c1"].consistency == pytest.approx(1 / 3)
    assert fit["c1"].coverage == pytest.approx(1 / 2)
    # c2 present in A, C, E; A and E held: consistency 2/3; both held cases have c2: coverage 1.
    assert (fit["c2"].present, fit["c2"].both) == (3, 2)
    assert fit["c2"].consistency == pytest.approx(2 / 3)
    assert fit["c2"].coverage == 1.0


def test_exclusions_by_outcome_are_listed_with_the_recorded_verdict() -> None:
    doc = evaluation(
        "ex",
        interventions=["early", "unclear", "partly", "none", "yes"],
        mechanisms={"m": ["c"]},
        verdicts={
            ("m", "early"): "too_early",
            ("m", "unclear"): "inconclusive",
            ("m", "partly"): "partly_held",
            ("m", "yes"): "held",
        },
        states={(("c", iv)): "present" for iv in ["early", "unclear", "partly", "none", "yes"]},
    )
    table = synthesise([doc]).truth_tables["m"]
    assert [(e.case, e.verdict) for e in table.excluded] == [
        ("ex:early", "too_early"),
        ("ex:unclear", "inconclusive"),
        ("ex:partly", "partly_held"),
        ("ex:none", "unassessed"),
    ]
    assert [c.case for c in table.data] == ["ex:yes"]


@pytest.mark.parametrize(("partly", "coded"), [("held", 1), ("not_held", 0)])
def test_partly_held_counts_as_the_option_says(partly: str, coded: int) -> None:
    doc = evaluation(
        "p",
        interventions=["x"],
        mechanisms={"m": ["c"]},
        verdicts={("m", "x"): "partly_held"},
        states={("c", "x"): "present"},
    )
    table = synthesise([doc], partly=partly).truth_tables["m"]  # type: ignore[arg-type]
    assert table.excluded == []
    assert [(c.case, c.values, c.held) for c in table.data] == [("p:x", {"c": 1}, coded)]
    assert rows(synthesise([doc], partly=partly), "m")[1][1] == str(coded)  # type: ignore[arg-type]


def test_conditions_that_cannot_be_coded_leave_the_case_out_as_undecided() -> None:
    a = evaluation(
        "u",
        interventions=["partly", "unknown", "unjudged"],
        mechanisms={"m": ["c"]},
        verdicts={("m", iv): "held" for iv in ["partly", "unknown", "unjudged"]},
        states={("c", "partly"): "partly_present", ("c", "unknown"): "unknown"},
    )
    b = evaluation("v", mechanisms={"m": []}, verdicts={("m", None): "not_held"})
    result = synthesise([a, b])
    table = result.truth_tables["m"]
    assert [(u.case, u.condition, u.reason) for u in table.undecided] == [
        ("u:partly", "c", "partly_present"),
        ("u:unknown", "c", "unknown"),
        ("u:unjudged", "c", "not_assessed"),
        ("v", "c", "not_in_evaluation"),
    ]
    assert table.data == []
    coded = synthesise([a, b], partly_present="present", unknown="absent").truth_tables["m"]
    assert [(c.case, c.values["c"]) for c in coded.data] == [("u:partly", 1), ("u:unknown", 0)]


def test_a_condition_state_from_the_survey_rule_is_marked() -> None:
    survey = """evidence:
  - {id: e-s, about: c, intervention: x, kind: survey, question: Q,
     scale: [low, high], counts: [1, 5]}
"""
    doc = evaluation(
        "s",
        interventions=["x"],
        mechanisms={"m": ["c"]},
        verdicts={("m", "x"): "held"},
        extra=survey,
    )
    result = synthesise([doc])
    condition = result.cmo[0].conditions[0]
    assert (condition.state, condition.source) == ("present", "survey")
    assert result.truth_tables["m"].from_survey == ["s:x/c"]


def test_the_map_chooses_the_conditions_of_a_truth_table() -> None:
    doc = evaluation(
        "t",
        mechanisms={"m": ["c1", "c2", "c3"]},
        verdicts={("m", None): "held"},
        states={("c2", None): "present"},
    )
    result = synthesise([doc], map={"truth_tables": {"m": ["c2"]}})
    assert result.truth_tables["m"].conditions == ["c2"]
    assert rows(result, "m") == [("0", "?", 0, None, []), ("1", "1", 1, 1.0, ["t"])]
    with pytest.raises(DocumentError) as caught:
        synthesise([doc], map={"truth_tables": {"m": ["c9"]}})
    assert caught.value.problems[0].message == "no document has a condition 'c9'"


def test_unknown_choices_are_option_errors() -> None:
    doc = evaluation("o", mechanisms={"m": []})
    with pytest.raises(OptionError, match="partly='maybe' is not allowed"):
        synthesise([doc], partly="maybe")  # type: ignore[arg-type]


# ---------------------------------------------------------------- the QCA CSV


def test_qca_csv_has_the_case_the_conditions_and_held() -> None:
    table = _two_condition_corpus().truth_tables["m"]
    assert qca_csv(table) == (
        "case,C1,C2,HELD\r\nd1:a,1,1,1\r\nd1:b,1,1,0\r\nd2:c,1,0,1\r\nd2:d,0,0,0\r\n"
    )


# ------------------------------------------------------------------ CMO rows


def test_a_cmo_row_holds_context_verdict_outcomes_evidence_and_rivals() -> None:
    extra = """evidence:
  - {id: e1, about: m, kind: interview, stance: supports, test: hoop}
  - {id: e2, about: m, kind: document, stance: supports, test: smoking_gun}
  - {id: e3, about: m, kind: interview, stance: contradicts}
  - {id: e4, about: r, kind: register, stance: supports, test: smoking_gun}
rivals:
  - {id: r, statement: The market did it, about: [out-m]}
"""
    indicator = ", indicators: [{id: i, name: Share, target: {value: 5}, actual: [{value: 7}]}]"
    doc = evaluation(
        "c", mechanisms={"m": ["c"]}, states={("c", None): "absent"}, extra=extra, outcome=indicator
    )
    row = synthesise([doc]).cmo[0]
    assert (row.verdict, row.source, row.recorded) == ("held", "suggested", None)
    assert [(c.condition, c.state, c.source) for c in row.conditions] == [
        ("c", "absent", "recorded")
    ]
    assert [
        (o.node, o.support, [(i.id, i.status, i.value) for i in o.indicators]) for o in row.outcomes
    ] == [("out-m", "supported", [("i", "met", 7)])]
    assert (row.evidence.count, row.evidence.by_stance, row.evidence.strongest_test) == (
        3,
        {"contradicts": 1, "supports": 2},
        "smoking_gun",
    )
    assert [(r.id, r.verdict, r.source) for r in row.rivals] == [("r", "held", "suggested")]


# ------------------------------------------------------------- whole inputs


def test_one_judgement_per_document(monkeypatch: pytest.MonkeyPatch) -> None:
    import toc.judging

    calls = []
    judge = toc.judging.judge
    monkeypatch.setattr(toc.judging, "judge", lambda *a, **k: calls.append(1) or judge(*a, **k))
    docs = [
        evaluation(f"d{k}", interventions=["x", "y"], mechanisms={"m": ["c"]}) for k in range(3)
    ]
    synthesise(docs)
    assert len(calls) == 3


def _collector_seen(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether the collector was on each time the judgement ran."""
    import toc.judging

    states: list[bool] = []
    judge = toc.judging.judge

    def watched(*args: Any, **kwargs: Any) -> Any:
        states.append(gc.isenabled())
        return judge(*args, **kwargs)

    monkeypatch.setattr(toc.judging, "judge", watched)
    return states


def test_a_few_small_documents_leave_the_collector_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _collector_seen(monkeypatch)
    synthesise([evaluation(f"d{k}", mechanisms={"m": ["c"]}) for k in range(3)])
    assert seen == [True, True, True]


def test_a_large_synthesis_pauses_the_collector_and_turns_it_on_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Many documents are one large job (toc._gc), though each of them is small."""
    mechanisms = {f"m{i}": ["c"] for i in range(70)}
    docs = [evaluation(f"d{k}", mechanisms=mechanisms) for k in range(10)]
    assert max(d.size() for d in docs) < PAUSE_FROM <= sum(d.size() for d in docs)
    seen = _collector_seen(monkeypatch)
    result = synthesise(docs)
    assert seen == [False] * 10 and gc.isenabled()
    assert len(result.cases) == 10


def test_the_later_version_of_a_document_is_kept(tmp_path: Path) -> None:
    plan = evaluation("same", mechanisms={"m": []})
    done = evaluation("same", mechanisms={"m": []}, verdicts={("m", None): "held"})
    paths = []
    for name, doc in (("a-plan.yaml", plan), ("b-done.yaml", done)):
        paths.append(tmp_path / name)
        toc.dump(doc, paths[-1])
    result = synthesise(paths)
    assert [c.source for c in result.cases] == [str(paths[1])]
    assert [(left.source, left.reason) for left in result.left_out] == [
        (str(paths[0]), "duplicate")
    ]


@pytest.mark.parametrize(
    ("language", "message", "hint"),
    [
        (
            "sv",
            "dokument-id:t 'same' är också id för {later}, den senare versionen av den "
            "utvärderingen; den här lämnas utanför",
            "ge varje utvärdering ett eget `id`, eller lämna tidigare versioner utanför",
        ),
        (
            "en",
            "the document id 'same' is also the id of {later}, the later version of that "
            "evaluation; this one is left out",
            "give each evaluation its own `id`, or leave out earlier versions",
        ),
    ],
    ids=["sv", "en"],
)
def test_the_left_out_version_is_named_in_its_documents_language(
    tmp_path: Path, language: str, message: str, hint: str
) -> None:
    plan = evaluation("same", mechanisms={"m": []}).model_copy(update={"language": language})
    done = evaluation("same", mechanisms={"m": []}, verdicts={("m", None): "held"})
    paths = [tmp_path / "a-plan.yaml", tmp_path / "b-done.yaml"]
    toc.dump(plan, paths[0])
    toc.dump(done, paths[1])
    [left] = synthesise(paths).left_out
    [problem] = left.problems
    assert (problem.message, problem.hint) == (message.format(later=paths[1]), hint)
    assert (problem.severity, problem.file, problem.path) == ("warning", str(paths[0]), ("id",))


def test_a_bad_file_is_left_out_and_reported_with_its_location(tmp_path: Path) -> None:
    good = tmp_path / "good.yaml"
    toc.dump(evaluation("good", mechanisms={"m": []}), good)
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\nid: bad\ntitle: Bad\nnodes: [{id: a, stage: nowhere, label: A}]\n")
    result = synthesise([good, bad])
    assert [c.id for c in result.cases] == ["good"]
    [left] = result.left_out
    assert (left.source, left.reason, left.problems[0].line) == (str(bad), "unreadable", 4)


def test_json_follows_the_published_schema_and_shape() -> None:
    import jsonschema

    schema = json.loads((ROOT / "docs" / "synthesis.schema.json").read_text(encoding="utf-8"))
    assert schema == toc.synthesis.json_schema()
    data = json.loads(_two_condition_corpus().to_json())
    jsonschema.validate(data, schema)
    assert list(data)[:5] == ["cases", "unmatched", "cmo", "matrix", "truth_tables"]
    assert data["truth_tables"]["m"]["rows"][3] == {
        "values": {"c1": 1, "c2": 1},
        "outcome": "C",
        "n": 2,
        "consistency": 0.5,
        "cases": ["d1:a", "d1:b"],
    }
    assert data["truth_tables"]["m"]["excluded"] == []
