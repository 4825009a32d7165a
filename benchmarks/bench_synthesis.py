"""Benchmark `toc.synthesise` on 500 generated evaluations of 20 mechanisms each.

Each generated document has two interventions, 20 mechanisms on their own
activity → outcome links, six conditions (three per mechanism), two evidence
items per mechanism and intervention, and recorded judgements for every
mechanism and condition in each intervention; the ids are shared, so every
mechanism is matched across all 500 documents (1,000 cases, 20,000 CMO rows,
20 truth tables). The documents are written once as JSON files.

In interleaved rounds (CPU time; min and median) the script times:

- ``parse``: reading the files and ``json.loads`` — the raw library baseline;
- ``load``: `toc.load` of every file;
- ``assess``: one `toc.assess` per document (the full assessment; a synthesis asks
  for less, ``detail=False``);
- ``analyse``: `toc.synthesis.analyse` over the assessed documents;
- ``json`` / ``xlsx`` / ``html``: writing the result in that format;
- ``total``: ``toc.synthesise(paths)`` and the JSON, what ``toc synthesise -o x.json`` does.

The collector is on, as the user has it. ``total`` is one large job, for which toc
pauses it (`toc.synthesis.analysis.bulk`): the documents and assessments are let
go inside the pause and the result when the JSON is written, so no collection is
deferred past the timing. ``load`` and ``assess``, the baselines, are the library's
calls one small document at a time, with the collector running.

Target: total under 5 s. Run it with::

    python benchmarks/bench_synthesis.py            # 500 documents, 3 rounds
    python benchmarks/bench_synthesis.py --documents 100 --rounds 5
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

MECHANISMS = 20
CONDITIONS = 6
VERDICTS = ("held", "held", "partly_held", "not_held", "too_early", "inconclusive")
STATES = ("present", "present", "absent", "partly_present", "unknown")
TESTS = ("straw_in_the_wind", "hoop", "smoking_gun", "doubly_decisive")


def generate(number: int, seed: int) -> dict[str, Any]:
    """One evaluation as plain data, the same for the same arguments."""
    rng = random.Random(seed)
    ivs = ["a", "b"]
    nodes = [{"id": "res", "stage": "resources", "label": "Funding"}]
    links = []
    mechanisms = []
    conditions = [{"id": f"c-{k}", "statement": f"Condition {k}"} for k in range(CONDITIONS)]
    for m in range(MECHANISMS):
        nodes.append({"id": f"act-{m}", "stage": "activities", "label": f"Activity {m}"})
        outcome: dict[str, Any] = {"id": f"out-{m}", "stage": "short", "label": f"Outcome {m}"}
        if m % 4 == 0:
            outcome["indicators"] = [
                {
                    "id": f"i-{m}",
                    "name": "Share",
                    "target": {"value": 50},
                    "actual": [{"value": rng.randint(0, 100), "date": "2019"}],
                }
            ]
        nodes.append(outcome)
        links += [{"from": "res", "to": f"act-{m}"}, {"from": f"act-{m}", "to": f"out-{m}"}]
        mechanisms.append(
            {
                "id": f"m-{m}",
                "title": f"Mechanism {m}",
                "links": [f"act-{m}->out-{m}"],
                "conditions": [c["id"] for c in rng.sample(conditions, 3)],
            }
        )
    evidence = []
    judgements = []
    for m in range(MECHANISMS):
        for iv in ivs:
            for k in range(2):
                evidence.append(
                    {
                        "id": f"e-{m}-{iv}-{k}",
                        "about": f"m-{m}",
                        "intervention": iv,
                        "kind": "interview",
                        "stance": rng.choice(("supports", "contradicts", "mixed")),
                        "test": rng.choice(TESTS),
                    }
                )
            judgements.append(
                {
                    "about": f"m-{m}",
                    "intervention": iv,
                    "verdict": rng.choice(VERDICTS),
                    "evidence": [f"e-{m}-{iv}-0"],
                }
            )
    for c in conditions:
        for iv in ivs:
            judgements.append({"about": c["id"], "intervention": iv, "verdict": rng.choice(STATES)})
    return {
        "format": 1,
        "id": f"eval-{number:04d}",
        "title": f"Evaluation {number}",
        "interventions": [{"id": iv, "name": f"Intervention {iv}"} for iv in ivs],
        "nodes": nodes,
        "links": links,
        "mechanisms": mechanisms,
        "conditions": conditions,
        "evidence": evidence,
        "judgements": judgements,
    }


def _timed(function: Callable[[], Any]) -> tuple[float, Any]:
    gc.collect()
    start = time.process_time()
    value = function()
    return time.process_time() - start, value


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)

    import toc
    from toc.synthesis import analyse, render_synthesis, synthesise
    from toc.synthesis.analysis import Evaluation

    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for k in range(args.documents):
            path = Path(folder) / f"eval-{k:04d}.json"
            path.write_text(json.dumps(generate(k, k)), encoding="utf-8")
            paths.append(path)
        # Warm up: the models' validators are built on first use.
        toc.assess(toc.load(paths[0]))

        times: dict[str, list[float]] = {}
        result = None
        for _ in range(args.rounds):
            t, _data = _timed(lambda: [json.loads(p.read_text(encoding="utf-8")) for p in paths])
            times.setdefault("parse", []).append(t)
            t, docs = _timed(lambda: [toc.load(p) for p in paths])
            times.setdefault("load", []).append(t)
            t, assessed = _timed(lambda docs=docs: [toc.assess(d) for d in docs])
            times.setdefault("assess", []).append(t)
            evaluations = [Evaluation(d, a) for d, a in zip(docs, assessed, strict=True)]
            t, result = _timed(lambda evaluations=evaluations: analyse(evaluations))
            times.setdefault("analyse", []).append(t)
            for fmt in ("json", "xlsx", "html"):
                t, _out = _timed(lambda fmt=fmt, result=result: render_synthesis(result, fmt))
                times.setdefault(fmt, []).append(t)
            t, _out = _timed(lambda: render_synthesis(synthesise(paths), "json"))
            times.setdefault("total", []).append(t)
        assert result is not None
        print(
            f"{args.documents} documents × {MECHANISMS} mechanisms: {len(result.cases)} cases, "
            f"{len(result.cmo)} CMO rows, {len(result.truth_tables)} truth tables"
        )
        print(f"{'step':<10}{'min s':>9}{'median s':>10}")
        for step, values in times.items():
            print(f"{step:<10}{min(values):>9.3f}{statistics.median(values):>10.3f}")
        best = {step: min(values) for step, values in times.items()}
        print(
            f"analyse / assess: {best['analyse'] / best['assess']:.2f}   "
            f"total / (load + assess): {best['total'] / (best['load'] + best['assess']):.2f}   "
            f"total / parse: {best['total'] / best['parse']:.1f}"
        )
        verdict = "under" if best["total"] < 5.0 else "OVER"
        print(f"total {best['total']:.2f} s: {verdict} the 5 s target")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
