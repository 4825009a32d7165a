"""Benchmark `toc.assess` on a generated document, against a plain-Python loop.

The document has 1,000 mechanisms, 5 interventions and 20,000 evidence items
(plus nodes, links, conditions with surveys, rivals and judgements in
proportion). The script prints, in one run:

- the CPU time of ``toc.assess(doc)`` (target under 1 s);
- the time of a plain-Python loop that does only the same arithmetic (per
  mechanism and rival × intervention: pick the items, look up their
  likelihoods, count each group once, update the prior, move the prior
  ±0.2, leave each unit out; per condition survey: the shares);
- the ratio of the two: what the models, findings, pathway support and
  bookkeeping cost on top of the arithmetic.

Both are timed as CPU time (``time.process_time``), interleaved within every
round (their order alternating), garbage collected before each timing; min
and median over the rounds.

Run it with::

    python benchmarks/bench_assess.py            # the figures
    python benchmarks/bench_assess.py --profile  # where the time goes
"""

from __future__ import annotations

import argparse
import gc
import math
import random
import statistics
import sys
import time
from typing import Any

STAGES = ("resources", "activities", "short", "medium", "long")
SHARES = (0.08, 0.27, 0.25, 0.22, 0.18)
TESTS = ("straw_in_the_wind", "hoop", "smoking_gun", "doubly_decisive", None)
STANCES = ("supports", "supports", "supports", "contradicts", "mixed", "neutral")
KINDS = ("interview", "focus_group", "observation", "document", "register")
VERDICTS = ("held", "partly_held", "not_held", "too_early", "inconclusive")
STATES = ("present", "partly_present", "absent", "unknown")


def generate(
    *,
    mechanisms: int = 1_000,
    interventions: int = 5,
    evidence: int = 20_000,
    seed: int = 1,
) -> dict[str, Any]:
    """A valid document as plain data, the same for the same arguments."""
    rng = random.Random(seed)
    ivs = [f"iv-{k}" for k in range(interventions)]
    n_nodes = 2 * mechanisms
    by_stage: list[list[str]] = []
    nodes: list[dict[str, Any]] = []
    strand: dict[str, str | None] = {}
    for stage, share in zip(STAGES, SHARES, strict=True):
        ids = []
        for _ in range(max(2, round(n_nodes * share))):
            node_id = f"n-{len(nodes)}"
            node: dict[str, Any] = {"id": node_id, "stage": stage, "label": f"Node {len(nodes)}"}
            # A third of the nodes belong to one intervention's strand, the
            # rest are common (as in the reference example).
            own = rng.choice(ivs) if rng.random() < 1 / 3 else None
            if own is not None:
                node["interventions"] = [own]
            strand[node_id] = own
            nodes.append(node)
            ids.append(node_id)
        by_stage.append(ids)

    def partners(node_id: str, s: int) -> list[str]:
        mine = strand[node_id]
        return [n for n in by_stage[s] if strand[n] is None or mine is None or strand[n] == mine]

    links: dict[tuple[str, str], dict[str, Any]] = {}
    for s in range(1, len(STAGES)):
        for b in by_stage[s]:
            options = partners(b, s - 1) or by_stage[s - 1]
            for a in rng.sample(options, min(len(options), rng.randint(1, 2))):
                links[(a, b)] = {"from": a, "to": b}
    refs = [f"{a}->{b}" for a, b in links]
    conditions: list[dict[str, Any]] = [
        {"id": f"c-{k}", "statement": f"Condition {k}"} for k in range(mechanisms // 4)
    ]
    mechanism_list: list[dict[str, Any]] = [
        {
            "id": f"m-{k}",
            "title": f"Mechanism {k}",
            "links": rng.sample(refs, rng.randint(1, 2)),
            "conditions": [c["id"] for c in rng.sample(conditions, rng.randint(0, 2))],
        }
        for k in range(mechanisms)
    ]
    outcome_ids = [n for s in range(2, len(STAGES)) for n in by_stage[s]]
    rivals: list[dict[str, Any]] = [
        {"id": f"r-{k}", "statement": f"Rival {k}", "about": [rng.choice(outcome_ids)]}
        for k in range(mechanisms // 5)
    ]
    items: list[dict[str, Any]] = []
    n_conditions = len(conditions)
    n_rivals = len(rivals)
    for k in range(evidence):
        roll = rng.random()
        if roll < 0.1 and n_conditions:
            about = conditions[rng.randrange(n_conditions)]["id"]
            counts = [rng.randint(0, 8) for _ in range(3)]
            items.append(
                {
                    "id": f"e-{k}",
                    "about": about,
                    "kind": "survey",
                    "question": "Is it in place?",
                    "scale": ["small", "some", "large"],
                    "counts": counts,
                    "dont_know": rng.randint(0, 6),
                    "intervention": rng.choice([*ivs, None]),
                }
            )
            continue
        about = (
            rivals[rng.randrange(n_rivals)]["id"]
            if roll < 0.15 and n_rivals
            else mechanism_list[rng.randrange(mechanisms)]["id"]
        )
        item: dict[str, Any] = {
            "id": f"e-{k}",
            "about": about,
            "kind": rng.choice(KINDS),
            "stance": rng.choice(STANCES),
            "intervention": rng.choice([*ivs, None]),
        }
        test = rng.choice(TESTS)
        if test is not None:
            item["test"] = test
        if rng.random() < 0.1:
            item["p_if_true"] = round(rng.uniform(0.05, 0.95), 2)
            item["p_if_false"] = round(rng.uniform(0.05, 0.95), 2)
        if rng.random() < 0.1:
            item["observed"] = False
        if rng.random() < 0.25:
            item["group"] = f"g-{rng.randrange(evidence // 20)}"
        items.append(item)
    judgements = []
    for m in mechanism_list:
        for iv in rng.sample(ivs, 3):
            judgements.append(
                {
                    "about": m["id"],
                    "intervention": iv,
                    "verdict": rng.choice(VERDICTS),
                    "date": f"{rng.randint(2017, 2019)}-{rng.randint(1, 12):02d}",
                }
            )
    for c in conditions[: len(conditions) // 2]:
        judgements.append({"about": c["id"], "verdict": rng.choice(STATES), "date": "2019-01"})
    return {
        "format": 1,
        "id": "bench",
        "title": "Generated for the assessment benchmark",
        "interventions": [{"id": iv, "name": iv.upper()} for iv in ivs],
        "nodes": nodes,
        "links": list(links.values()),
        "mechanisms": mechanism_list,
        "conditions": conditions,
        "rivals": rivals,
        "evidence": items,
        "judgements": judgements,
    }


# ------------------------------------------------------- the plain loop

DEFAULTS = {
    "straw_in_the_wind": (0.6, 0.4),
    "hoop": (0.95, 0.5),
    "smoking_gun": (0.4, 0.05),
    "doubly_decisive": (0.95, 0.05),
}


def plain_arithmetic(data: dict[str, Any]) -> float:
    """The same arithmetic as `toc.assess`, on plain dicts; returns a checksum."""
    columns = [iv["id"] for iv in data["interventions"]]
    by_about: dict[str, list[dict[str, Any]]] = {}
    for item in data["evidence"]:
        by_about.setdefault(item["about"], []).append(item)
    checksum = 0.0
    for target in (*data["mechanisms"], *data["rivals"]):
        items = by_about.get(target["id"], [])
        prior = target.get("prior", 0.5)
        for column in columns:
            groups: dict[str, tuple[float, float, float]] = {}
            for item in items:
                if item.get("intervention") not in (None, column) or item["kind"] == "survey":
                    continue
                test: str | None = item.get("test")
                if test is None and "p_if_true" not in item:
                    continue
                if "p_if_true" in item:
                    a, b = item["p_if_true"], item["p_if_false"]
                else:
                    if item.get("stance") in ("mixed", "neutral") and item.get("observed", True):
                        continue
                    a, b = DEFAULTS[str(test)]
                    if item.get("stance") == "contradicts" and item.get("observed", True):
                        a, b = b, a
                if not item.get("observed", True):
                    a, b = 1 - a, 1 - b
                la, lb = math.log(a), math.log(b)
                key = item.get("group") or item["id"]
                strength = abs(la - lb)
                if key not in groups or strength > groups[key][2]:
                    groups[key] = (la, lb, strength)
            if not groups:
                continue
            units = list(groups.values())
            total_a = sum(u[0] for u in units)
            total_b = sum(u[1] for u in units)
            for p in (prior, max(0.0, prior - 0.2), min(1.0, prior + 0.2)):
                checksum += 1 / (1 + math.exp(total_b + math.log(1 - p) - total_a - math.log(p)))
            for la, lb, _ in units:
                diff = (total_b - lb) + math.log(1 - prior) - (total_a - la) - math.log(prior)
                checksum += 1 / (1 + math.exp(diff))
    for item in data["evidence"]:
        if item["kind"] == "survey":
            answered = sum(item["counts"])
            if answered:
                checksum += sum(c / answered for c in item["counts"])
    return checksum


def interleaved(rounds: int, *calls: tuple[Any, Any]) -> list[list[float]]:
    """CPU seconds of each ``(function, argument)``, interleaved, the order alternating."""
    times: list[list[float]] = [[] for _ in calls]
    order = list(range(len(calls)))
    for _ in range(rounds):
        for k in order:
            function, argument = calls[k]
            gc.collect()
            start = time.process_time()
            function(argument)
            times[k].append(time.process_time() - start)
        order.reverse()
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mechanisms", type=int, default=1_000)
    parser.add_argument("--interventions", type=int, default=5)
    parser.add_argument("--evidence", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--profile", action="store_true", help="print a profile of one run")
    args = parser.parse_args(argv)

    import toc
    from toc.assessment import assess

    data = generate(
        mechanisms=args.mechanisms, interventions=args.interventions, evidence=args.evidence
    )
    doc = toc.validate(data)
    print(
        f"document: {len(doc.nodes)} nodes, {len(doc.links)} links, "
        f"{len(doc.mechanisms)} mechanisms, {len(doc.interventions)} interventions, "
        f"{len(doc.evidence)} evidence items, {len(doc.judgements)} judgements"
    )
    assess(doc)  # warm up: lazy imports, networkx
    if args.profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.enable()
        assess(doc)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
        return 0
    judged, plain = interleaved(args.rounds, (assess, doc), (plain_arithmetic, data))
    median = statistics.median
    print("CPU seconds over interleaved rounds:     min   median")
    print(f"toc.assess (target < 1 s):           {min(judged):7.3f}  {median(judged):7.3f}")
    print(f"plain-Python arithmetic:             {min(plain):7.3f}  {median(plain):7.3f}")
    print(
        f"ratio assess / plain:                {min(judged) / min(plain):6.1f}x "
        f"{median(judged) / median(plain):6.1f}x"
    )
    return 0 if min(judged) < 1.0 else 1


if __name__ == "__main__":
    sys.exit(main())
