"""Benchmark: `toc.diff` of two 10,000-node versions, against a plain comparison by id.

Two versions of a generated document (see `generate.py`): the second one with
the edits an evaluation makes, in proportion — 1 % of the boxes relabelled,
0.5 % removed (with their links and everything that names them), 0.5 % added,
0.2 % given new ids (every reference following), 5 % of the mechanisms
reworded, new judgements for 10 % of them, 2 % of the evidence removed. It
prints, in one run:

* toc: ``toc.diff(old, new)`` — every element list keyed on ids, renames found
  and followed, each field compared, current verdicts per mechanism and
  intervention (`mechanisms.history.Histories`), evidence counted, the typed
  result built;
* raw: what a program does without toc: dump both documents with pydantic
  (``model_dump``), key each element list on its ids, and compare the entries
  (no renames, no verdicts, no typed result);
* the ratio toc / raw, and ``toc.diff(old, old)`` (nothing changed) for scale.

Target: ``toc.diff`` of two 10,000-node documents under 1 s.

How it is timed: CPU time of this process (``time.process_time``), toc and raw
interleaved within every round (their order alternating), a full collection
before each call, the minimum and the median over the rounds. Run::

    python benchmarks/bench_diff.py                  # 10,000 nodes
    python benchmarks/bench_diff.py --sizes 1000 10000 --rounds 7
    python benchmarks/bench_diff.py --profile        # where the time goes
"""

from __future__ import annotations

import argparse
import copy
import cProfile
import gc
import io
import pstats
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import toc
from mechanisms.model import parse_link_ref

if str(Path(__file__).resolve().parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate

LISTS = ("interventions", "actors", "nodes", "mechanisms", "conditions", "rivals", "evidence")


def _ref(value: str, renames: dict[str, str]) -> str:
    pair = parse_link_ref(value)
    if pair is None:
        return renames.get(value, value)
    return f"{renames.get(pair[0], pair[0])}->{renames.get(pair[1], pair[1])}"


def edited(data: dict[str, Any], seed: int = 2) -> dict[str, Any]:
    """A later version of ``data``: the edits of the module docstring, the same for a seed."""
    rng = random.Random(seed)
    new = copy.deepcopy(data)
    nodes = new["nodes"]
    n = len(nodes)
    for node in rng.sample(nodes, n // 100):
        node["label"] += " (reworded)"
    # Remove boxes, with their links and whatever names them.
    gone = {node["id"] for node in rng.sample(nodes, n // 200)}
    new["nodes"] = [node for node in nodes if node["id"] not in gone]
    dropped = {
        f"{link['from']}->{link['to']}"
        for link in new["links"]
        if link["from"] in gone or link["to"] in gone
    }
    new["links"] = [x for x in new["links"] if f"{x['from']}->{x['to']}" not in dropped]

    def alive(ref: str) -> bool:
        return ref not in gone and ref not in dropped

    for mechanism in new.get("mechanisms", []):
        mechanism["links"] = [r for r in mechanism.get("links", []) if alive(r)]
    for rival in new.get("rivals", []):
        rival["about"] = [r for r in rival.get("about", []) if alive(r)]
    lost = {e["id"] for e in new.get("evidence", []) if not alive(e["about"])}
    lost |= {e["id"] for e in rng.sample(new.get("evidence", []), len(new["evidence"]) // 50)}
    new["evidence"] = [e for e in new["evidence"] if e["id"] not in lost]
    for judgement in new.get("judgements", []):
        judgement["evidence"] = [e for e in judgement.get("evidence", []) if e not in lost]
    # New ids for some boxes, every reference following.
    renames = {node["id"]: f"{node['id']}-renamed" for node in rng.sample(new["nodes"], n // 500)}
    for node in new["nodes"]:
        node["id"] = renames.get(node["id"], node["id"])
    for link in new["links"]:
        link["from"], link["to"] = _ref(link["from"], renames), _ref(link["to"], renames)
    for mechanism in new.get("mechanisms", []):
        mechanism["links"] = [_ref(r, renames) for r in mechanism.get("links", [])]
    for rival in new.get("rivals", []):
        rival["about"] = [_ref(r, renames) for r in rival.get("about", [])]
    for item in new.get("evidence", []):
        item["about"] = _ref(item["about"], renames)
    # New boxes, linked from existing ones.
    stages = [node["stage"] for node in new["nodes"]]
    for k in range(n // 200):
        stage = rng.choice(stages)
        new["nodes"].append({"id": f"added-{k}", "stage": stage, "label": f"Found later {k}"})
    mechanisms = new.get("mechanisms", [])
    for mechanism in rng.sample(mechanisms, len(mechanisms) // 20):
        mechanism["statement"] = "Reworded after the mid-term workshop"
    verdicts = ("held", "partly_held", "not_held", "too_early", "inconclusive")
    for mechanism in rng.sample(mechanisms, len(mechanisms) // 10):
        new.setdefault("judgements", []).append(
            {"about": mechanism["id"], "verdict": rng.choice(verdicts), "date": "2020-01"}
        )
    return new


def raw_compare(old: toc.Document, new: toc.Document) -> int:
    """The plain comparison: dump, key on ids, compare entries; returns the count of differences."""
    before, after = old.model_dump(), new.model_dump()
    count = 0
    for name in LISTS:
        a = {item["id"]: item for item in before[name]}
        b = {item["id"]: item for item in after[name]}
        count += sum(1 for key in a.keys() | b.keys() if a.get(key) != b.get(key))
    a_links = {(x["from_"], x["to"]): x for x in before["links"]}
    b_links = {(x["from_"], x["to"]): x for x in after["links"]}
    keys = a_links.keys() | b_links.keys()
    count += sum(1 for key in keys if a_links.get(key) != b_links.get(key))
    return count


def _cpu(call: Callable[[], Any]) -> float:
    gc.collect()
    start = time.process_time()
    result = call()
    elapsed = time.process_time() - start
    del result
    return elapsed


def measure(nodes: int, rounds: int) -> None:
    data = generate.generate(nodes, seed=1)
    old = toc.validate(data)
    new = toc.validate(edited(data))
    changes = toc.diff(old, new)
    summary = changes.summary
    print(
        f"{len(old.nodes):,} → {len(new.nodes):,} nodes, {len(old.links):,} links, "
        f"{len(old.evidence):,} evidence items: {summary.added} added, {summary.removed} "
        f"removed, {summary.changed} changed, {summary.renamed} renamed, "
        f"{summary.verdicts} verdicts moved"
    )
    times: dict[str, list[float]] = {"toc": [], "raw": [], "same": []}
    for k in range(rounds):
        order = [("toc", lambda: toc.diff(old, new)), ("raw", lambda: raw_compare(old, new))]
        for name, call in order if k % 2 == 0 else reversed(order):
            times[name].append(_cpu(call))
        times["same"].append(_cpu(lambda: toc.diff(old, old)))
    print(f"{'':>22}{'min':>10}{'median':>10}")
    for name, label in (
        ("toc", "toc.diff(old, new)"),
        ("raw", "raw comparison"),
        ("same", "toc.diff(old, old)"),
    ):
        values = times[name]
        print(f"{label:>22}{min(values) * 1000:>8.0f}ms{statistics.median(values) * 1000:>8.0f}ms")
    ratio = min(times["toc"]) / min(times["raw"])
    verdict = "under" if min(times["toc"]) < 1.0 else "OVER"
    print(f"ratio toc / raw (min): {ratio:.2f}; toc.diff {verdict} the 1 s target\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args(argv)
    for size in args.sizes:
        measure(size, args.rounds)
    if args.profile:
        data = generate.generate(args.sizes[-1], seed=1)
        old, new = toc.validate(data), toc.validate(edited(data))
        profile = cProfile.Profile()
        profile.runcall(toc.diff, old, new)
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(25)
        print(out.getvalue())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
