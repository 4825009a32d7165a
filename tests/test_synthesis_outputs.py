"""Synthesis outputs and `toc synthesise`: formats, escaping, determinism, the example corpus."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import toc
from toc.cli import main
from toc.synthesis import Evaluation, evaluate, render_synthesis, synthesise

ROOT = Path(__file__).resolve().parent.parent
CORPUS = [
    ROOT / "examples" / name / f"{name}.yaml"
    for name in ("amal-2013", "fa-n-malmo", "landskrona-svalov-2023", "nils-2018")
]
MAP = ROOT / "examples" / "synthesis-map.yaml"

HOSTILE = '<script>alert(1)</script> =HYPERLINK("x") | *b* # [l](j:x) {{ t }}'


def _hostile() -> toc.Document:
    return toc.loads(
        "format: 1\nid: h\ntitle: T\nnodes:\n"
        "  - {id: a, stage: activities, label: A}\n  - {id: b, stage: short, label: B}\n"
        "links: [{from: a, to: b}]\n"
        f"mechanisms: [{{id: m, title: {json.dumps(HOSTILE)}, links: ['a->b'], conditions: [c]}}]\n"
        f"conditions: [{{id: c, statement: {json.dumps('=cmd|/c calc')}}}]\n"
        "judgements: [{about: m, verdict: held}, {about: c, verdict: present}]\n"
    )


def test_user_text_is_data_in_every_output() -> None:
    result = synthesise([_hostile()])
    html = render_synthesis(result, "html").decode()
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    md = render_synthesis(result, "markdown").decode()
    assert "\\<script\\>" in md and "<script>" not in md and "\\| \\*b\\*" in md

    import docx
    import openpyxl

    text = "\n".join(
        cell.text
        for table in docx.Document(io.BytesIO(render_synthesis(result, "docx"))).tables
        for row in table.rows
        for cell in row.cells
    )
    assert "<script>alert(1)</script>" in text
    book = openpyxl.load_workbook(io.BytesIO(render_synthesis(result, "xlsx")))
    cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row]
    formula_cells = [c for c in cells if isinstance(c.value, str) and c.value.startswith("=")]
    assert formula_cells, "the hostile statement should reach the workbook"
    assert all(c.data_type == "s" and c.quotePrefix for c in formula_cells)


def test_every_format_is_byte_identical_run_after_run() -> None:
    first = synthesise(CORPUS, map=MAP)
    again = synthesise(list(reversed(CORPUS)), map=MAP)
    for fmt in ("html", "markdown", "docx", "xlsx", "json"):
        assert render_synthesis(first, fmt) == render_synthesis(again, fmt), fmt


def test_the_light_assessment_synthesises_as_the_full_one() -> None:
    """`synthesise` assesses without the detail it never shows (`toc.assess(detail=False)`):
    every output is the same as from full assessments given as evaluations."""
    every = sorted((ROOT / "examples").glob("*/*.yaml"))
    full = []
    for path in every:
        doc = toc.load(path)
        full.append(Evaluation(doc, toc.assess(doc), str(path)))
    light = synthesise(every, map=MAP)
    given = synthesise(full, map=MAP)
    # The two really differ: the light one has no evidence summaries (nor robustness).
    cells = [
        evaluate(every[0]).assessment.mechanisms[0].cells[0],
        full[0].assessment.mechanisms[0].cells[0],
    ]
    assert [c.summary is None for c in cells] == [True, False]
    for fmt in ("html", "markdown", "xlsx", "json"):
        assert render_synthesis(light, fmt) == render_synthesis(given, fmt), fmt


def test_office_files_carry_no_time_of_writing() -> None:
    # openpyxl's save() stamped the workbook's "modified" with the time of saving, so two
    # runs a second apart gave different bytes.
    import zipfile

    result = synthesise([_hostile()])
    for fmt in ("xlsx", "docx"):
        with zipfile.ZipFile(io.BytesIO(render_synthesis(result, fmt))) as archive:
            core = archive.read("docProps/core.xml").decode()
            times = {info.date_time for info in archive.infolist()}
        stamps = set(re.findall(r"<dcterms:(?:created|modified)[^>]*>([^<]+)<", core))
        assert stamps == {"2000-01-01T00:00:00Z"}, (fmt, stamps)
        assert len(times) == 1, fmt


def test_the_chapter_reads_in_swedish_or_english() -> None:
    result = synthesise(CORPUS, map=MAP)
    sv = render_synthesis(result, "html").decode()
    en = render_synthesis(result, "html", language="en").decode()
    assert "<h1>Syntes: i vilka sammanhang höll mekanismerna?</h1>" in sv
    assert '<html lang="sv">' in sv
    assert "<h1>Synthesis: in which contexts did the mechanisms hold?</h1>" in en
    assert "4 utvärderingar med 6 fall och 7 mekanismer, varav 3 finns i mer än en" in sv


def test_the_workbook_has_one_sheet_per_table() -> None:
    import openpyxl

    result = synthesise(CORPUS, map=MAP)
    book = openpyxl.load_workbook(io.BytesIO(render_synthesis(result, "xlsx", language="en")))
    assert book.sheetnames == [
        "Cases",
        "Matrix",
        "CMO",
        "Condition fit",
        "Left out",
        "Unmatched",
        *(f"TT {m.id}" for m in result.mechanisms),
    ]
    matrix = book["Matrix"]
    assert [c.value for c in matrix[1]][:3] == [
        "Mechanism",
        "amal-2013:strategisk",
        "amal-2013:finsam-gruppen",
    ]
    held = matrix["C2"]  # m-shared in the Finsam group: held, in the diagram's blue
    assert held.value == "✓ held" and held.fill.fgColor.rgb.endswith("0072B2")


def test_the_example_corpus_on_anchoring_and_ownership() -> None:
    """What the four Finsam evaluations say about handing a method over to ordinary services."""
    result = synthesise(CORPUS, map=MAP, partly="held", partly_present="present")
    verdicts = {c.case: c.verdict for c in result.matrix.cells if c.mechanism == "m-implementation"}
    assert verdicts == {
        "amal-2013:strategisk": "not_held",
        "amal-2013:finsam-gruppen": "partly_held",
        "fa-n-malmo:fa-n": "not_held",
        "landskrona-svalov-2023": "inconclusive",
        "nils-2018:ic": "partly_held",
        "nils-2018:spira": "too_early",
    }
    table = result.truth_tables["m-implementation"]
    assert table.conditions == ["c-anchoring", "c-ownership"]
    assert [(r.outcome, r.n, r.cases) for r in table.rows] == [
        ("0", 2, ["amal-2013:strategisk", "fa-n-malmo:fa-n"]),
        ("?", 0, []),
        ("?", 0, []),
        ("1", 2, ["amal-2013:finsam-gruppen", "nils-2018:ic"]),
    ]
    assert [(f.condition, f.consistency, f.coverage) for f in table.fit] == [
        ("c-anchoring", 1.0, 1.0),
        ("c-ownership", 1.0, 1.0),
    ]
    # The mandate was absent wherever it was assessed and the hand-over did not succeed.
    mandate = {
        row.case: c.state
        for row in result.rows("m-implementation")
        for c in row.conditions
        if c.condition == "c-mandate"
    }
    assert mandate == {
        "amal-2013:strategisk": "absent",
        "amal-2013:finsam-gruppen": "partly_present",
        "fa-n-malmo:fa-n": "absent",
        "landskrona-svalov-2023": "absent",
    }


def test_every_example_together_keeps_the_fictional_starter_apart() -> None:
    """`toc synthesise examples/*/*.yaml`: the starter shares no id with the Finsam corpus."""
    every = sorted((ROOT / "examples").glob("*/*.yaml"))
    result = synthesise(every, map=MAP, partly="held", partly_present="present")
    shared = [m.id for m in result.mechanisms + result.conditions if len(m.local) > 1]
    assert "c-mandate" in shared
    assert [m.id for m in result.mechanisms + result.conditions if "starter-en" in m.local] == [
        "m-key-worker",
        "m-shared-routines",
        "c-staff-mandate",
        "c-partner-forum",
    ]
    assert all(len(m.local) == 1 for m in result.conditions if "starter-en" in m.local)
    corpus = synthesise(CORPUS, map=MAP, partly="held", partly_present="present")
    assert result.truth_tables["m-implementation"] == corpus.truth_tables["m-implementation"]


# ------------------------------------------------------------------ the CLI


def test_cli_writes_every_output_and_the_qca_files(tmp_path: Path) -> None:
    outs = [tmp_path / f"s.{suffix}" for suffix in ("html", "md", "docx", "xlsx", "json")]
    args = ["synthesise", *map(str, CORPUS), "--map", str(MAP), "--qca", str(tmp_path / "qca")]
    for out in outs:
        args += ["-o", str(out)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [f"wrote {out}" for out in outs] + [
        f"wrote 7 QCA files into {tmp_path / 'qca'}"
    ]
    assert (tmp_path / "qca" / "m-implementation.csv").read_text().splitlines()[0] == (
        "case,C_ANCHORING,C_OWNERSHIP,HELD"
    )


def test_cli_bad_documents_among_good_ones_exit_2_and_the_others_are_written(
    tmp_path: Path,
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\nid: bad\ntitle: [unclosed\n", encoding="utf-8")
    out = tmp_path / "s.json"
    runner = CliRunner()
    result = runner.invoke(
        main, ["synthesize", str(CORPUS[1]), str(bad), str(CORPUS[3]), "-o", str(out)]
    )
    assert result.exit_code == 2
    assert f"{bad}:4:1: error: invalid YAML" in result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [c["id"] for c in data["cases"]] == [
        "fa-n-malmo:fa-n",
        "nils-2018:ic",
        "nils-2018:spira",
    ]
    assert [left["source"] for left in data["left_out"]] == [str(bad)]


def test_cli_with_nothing_readable_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "s.html"
    result = CliRunner().invoke(main, ["synthesise", str(tmp_path / "none.yaml"), "-o", str(out)])
    assert result.exit_code == 2
    assert "no such file" in result.stderr
    assert not out.exists()


def test_cli_wrong_output_or_map_writes_nothing(tmp_path: Path) -> None:
    bad_map = tmp_path / "map.yaml"
    bad_map.write_text("mechanisms:\n  m-x: [nils-2018:m-nothing]\n", encoding="utf-8")
    out = tmp_path / "s.html"
    result = CliRunner().invoke(
        main, ["synthesise", str(CORPUS[3]), "--map", str(bad_map), "-o", str(out)]
    )
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{bad_map}:2:9: error: 'nils-2018' has no mechanism")
    assert not out.exists()
    result = CliRunner().invoke(main, ["synthesise", str(CORPUS[3]), "-o", str(tmp_path / "s.pdf")])
    assert result.exit_code == 2
    assert "name the output .html, .docx, .md, .xlsx or .json" in result.stderr


def test_cli_never_writes_over_a_document_or_the_map(tmp_path: Path) -> None:
    document = tmp_path / "a.json"
    document.write_text(toc.dumps(toc.load(CORPUS[1]), "json"), encoding="utf-8")
    before = document.read_bytes()
    map_copy = tmp_path / "map.json"
    map_copy.write_text("{}", encoding="utf-8")
    for output, named in ((document, document), (map_copy, map_copy)):
        result = CliRunner().invoke(
            main, ["synthesise", str(document), "--map", str(map_copy), "-o", str(output)]
        )
        assert result.exit_code == 2
        assert result.stderr == (
            f"error: the output {output} is the input document {named} itself: writing it "
            "would replace the document; write to another file\n"
        )
    assert document.read_bytes() == before
    assert map_copy.read_text(encoding="utf-8") == "{}"


def test_cli_reads_many_documents_with_a_progress_bar_and_judges_each_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import toc.judging

    calls: list[int] = []
    judge = toc.judging.judge
    monkeypatch.setattr(toc.judging, "judge", lambda *a, **k: calls.append(1) or judge(*a, **k))
    files = []
    for k in range(7):
        path = tmp_path / f"d{k}.yaml"
        path.write_text(
            CORPUS[1].read_text(encoding="utf-8").replace("id: fa-n-malmo", f"id: d{k}", 1)
        )
        files.append(str(path))
    out = tmp_path / "s.json"
    result = CliRunner().invoke(main, ["synthesise", *files, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert len(calls) == 7
    assert len(json.loads(out.read_text())["cases"]) == 7


def test_cli_reads_and_analyses_a_large_corpus_with_the_collector_paused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The files' length counts (toc._gc); the collector is on again after the command."""
    import gc

    import toc._gc
    import toc.judging

    seen: list[bool] = []
    judge = toc.judging.judge
    monkeypatch.setattr(
        toc.judging, "judge", lambda *a, **k: seen.append(gc.isenabled()) or judge(*a, **k)
    )
    sizes = [p.stat().st_size // toc._gc.CHARACTERS_PER_ELEMENT for p in CORPUS]
    monkeypatch.setattr(toc._gc, "PAUSE_FROM", sum(sizes))
    out = tmp_path / "s.json"
    result = CliRunner().invoke(main, ["synthesise", *map(str, CORPUS), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert seen == [False] * len(CORPUS) and gc.isenabled()
    result = CliRunner().invoke(main, ["synthesise", *map(str, CORPUS[:2]), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert seen[len(CORPUS) :] == [True, True]
