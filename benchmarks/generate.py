"""Generate realistic synthetic theory-of-change documents for benchmarks.

A generated document has the shape of a real evaluation, scaled up: nodes
spread over the five default stages and a few interventions (strands), about
1.5 forward links per node plus a few feedback loops, mechanisms on about a
third of the links, conditions they depend on, rival explanations, about two
evidence items per mechanism (surveys among them) and judgements with some
history. The same ``(nodes, seed)`` always gives the same document, so
benchmark runs compare like with like.

Use it from other benchmarks::

    import generate  # with benchmarks/ on sys.path
    data = generate.generate(1_000, seed=1)
    generate.write(data, "big.json")

or from the command line::

    python benchmarks/generate.py 10000 big.yaml --seed 1
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Any

import yaml

__all__ = ["STAGES", "generate", "write"]

STAGES = ("resources", "activities", "short", "medium", "long")
# Share of the nodes in each stage: few resources, many activities and outcomes.
_STAGE_SHARE = (0.08, 0.27, 0.25, 0.22, 0.18)
_INTERVENTIONS = (
    ("ic", "Integration coach"),
    ("spira", "Spira"),
    ("networks", "Network coaching"),
)
_ACTOR_KINDS = ("state", "region", "municipality", "civil_society", "private", "user", "other")
_EVIDENCE_KINDS = ("interview", "focus_group", "observation", "document", "register")
_TESTS = ("straw_in_the_wind", "hoop", "smoking_gun", "doubly_decisive")
_STANCES = ("supports", "supports", "supports", "contradicts", "mixed", "neutral")
_VERDICTS = ("held", "partly_held", "not_held", "too_early", "inconclusive")
_STATES = ("present", "partly_present", "absent", "unknown")
_CONFIDENCES = ("low", "medium", "high")

_WORDS = {
    "resources": ("funding", "staff time", "premises", "steering group", "method support"),
    "activities": (
        "case management",
        "joint meetings",
        "multi-party talks",
        "work practice",
        "staff training",
        "peer support",
        "mapping of needs",
    ),
    "short": ("shared view", "trust", "routines", "competent staff", "clear roles"),
    "medium": ("anchored method", "formal agreements", "new arenas", "faster transitions"),
    "long": ("employment", "studies", "inclusion", "lasting collaboration", "own income"),
}
_QUALIFIERS = ("for young adults", "in the municipality", "across agencies", "for newcomers", "")


def _months(rng: random.Random) -> str:
    # Month precision only: a full date would read as a timestamp under YAML 1.1.
    return f"{rng.randint(2016, 2019)}-{rng.randint(1, 12):02d}"


def _label(rng: random.Random, stage: str, number: int) -> str:
    words = rng.choice(_WORDS[stage])
    qualifier = rng.choice(_QUALIFIERS)
    text = f"{words.capitalize()} {qualifier}".strip()
    return f"{text} ({number})"


def generate(nodes: int, *, seed: int = 0) -> dict[str, Any]:
    """A valid document of about ``nodes`` nodes, as plain data (YAML/JSON-ready).

    >>> doc = generate(100, seed=1)
    >>> len(doc["nodes"]), len(doc["links"]) >= 140
    (100, True)
    >>> generate(100, seed=1) == doc
    True
    """
    if nodes < len(STAGES):
        raise ValueError(f"nodes must be at least {len(STAGES)}, got {nodes}")
    rng = random.Random(seed)

    interventions = [
        {"id": iid, "name": name, "period": f"2017-0{k + 1}/2019-12"}
        for k, (iid, name) in enumerate(_INTERVENTIONS)
    ]
    intervention_ids = [i["id"] for i in interventions]
    actors = [
        {
            "id": f"a-{k}",
            "name": f"Partner organisation {k}",
            "kind": _ACTOR_KINDS[k % len(_ACTOR_KINDS)],
        }
        for k in range(max(4, nodes // 100))
    ]
    actor_ids = [a["id"] for a in actors]

    # ------------------------------------------------------------ nodes
    counts = [max(1, round(nodes * share)) for share in _STAGE_SHARE]
    counts[-1] += nodes - sum(counts)
    by_stage: list[list[str]] = []
    node_list: list[dict[str, Any]] = []
    indicator_no = 0
    for s, stage in enumerate(STAGES):
        ids = []
        for _ in range(counts[s]):
            number = len(node_list) + 1
            node: dict[str, Any] = {
                "id": f"{stage}-{number}",
                "stage": stage,
                "label": _label(rng, stage, number),
            }
            if rng.random() < 2 / 3:
                node["interventions"] = [rng.choice(intervention_ids)]
            if stage == "activities" or (stage == "resources" and rng.random() < 0.5):
                node["actors"] = rng.sample(actor_ids, rng.randint(1, 2))
            if rng.random() < 0.2:
                node["description"] = f"What {node['label'].lower()} means in practice."
            if s >= 2 and rng.random() < 0.5:
                indicator_no += 1
                baseline = rng.randint(0, 40)
                node["indicators"] = [
                    {
                        "id": f"i-{indicator_no}",
                        "name": f"Share of partners reporting {node['label'].lower()}",
                        "unit": "percent",
                        "baseline": {"value": baseline, "date": "2017-01"},
                        "target": {"value": baseline + rng.randint(10, 50)},
                        "actual": [
                            {"value": rng.randint(0, 100), "date": _months(rng), "source": "survey"}
                            for _ in range(rng.randint(1, 2))
                        ],
                        "method": "annual survey of the partners",
                        "frequency": "yearly",
                    }
                ]
            node_list.append(node)
            ids.append(node["id"])
        by_stage.append(ids)

    # ------------------------------------------------------------ links
    # A link stays in its strand: common nodes link to anything, a node of one
    # intervention only to common nodes and nodes of the same intervention.
    strand_of = {n["id"]: (n.get("interventions") or [None])[0] for n in node_list}
    stage_of = {node_id: s for s, ids in enumerate(by_stage) for node_id in ids}
    common = [[i for i in ids if strand_of[i] is None] for ids in by_stage]
    in_strand = [
        {iv: [i for i in ids if strand_of[i] == iv] for iv in intervention_ids} for ids in by_stage
    ]

    def partners(node_id: str, s: int) -> list[str]:
        strand = strand_of[node_id]
        if strand is None:
            return by_stage[s]
        return common[s] + in_strand[s][strand]

    links: dict[tuple[str, str], dict[str, Any]] = {}

    def add(a: str, b: str, **extra: Any) -> None:
        if (a, b) not in links and a != b:
            links[(a, b)] = {"from": a, "to": b, **extra}

    def target_after(a: str) -> str:
        # Mostly the next stage; sometimes a stage further on (TOC005, info).
        s = stage_of[a]
        step = 2 if s + 2 < len(STAGES) and rng.random() < 0.1 else 1
        return rng.choice(partners(a, s + step) or by_stage[s + step])

    for s in range(1, len(STAGES)):  # every activity and outcome is reached
        for b in by_stage[s]:
            add(rng.choice(partners(b, s - 1) or by_stage[s - 1]), b)
    has_out = {a for a, _ in links}
    for s in range(len(STAGES) - 1):  # every resource, activity and outcome leads on
        for a in by_stage[s]:
            if a not in has_out:
                add(a, target_after(a))
    forward_target = round(nodes * 1.5)
    sources = [a for s in range(len(STAGES) - 1) for a in by_stage[s]]
    # Tiny documents may not have room for that many distinct links.
    for _ in range(20 * forward_target):
        if len(links) >= forward_target:
            break
        a = rng.choice(sources)
        add(a, target_after(a))
    for _ in range(max(1, nodes // 100)):  # deliberate loops back
        a = rng.choice(by_stage[4])
        add(a, rng.choice(partners(a, 2) or by_stage[2]), feedback=True)
    link_list = list(links.values())
    for link in link_list:
        if rng.random() < 0.05:
            link["label"] = "if the partners agree"

    # ------------------------------------------------------- mechanisms
    explained = rng.sample(link_list, len(link_list) // 3)
    mechanisms: list[dict[str, Any]] = []
    # The interventions a mechanism applies to: those its links run through.
    applies: dict[str, list[str]] = {}
    k = 0
    while k < len(explained):
        size = 2 if rng.random() < 0.25 else 1
        group = explained[k : k + size]
        k += size
        number = len(mechanisms) + 1
        mechanism: dict[str, Any] = {
            "id": f"m-{number}",
            "title": f"Mechanism {number}: relations carry the work",
            "statement": (
                "Participants move towards work when one coach holds the process together "
                "and the partners meet the participant jointly."
            ),
            "links": [],
            "prior": 0.5,
        }
        for link in group:
            if rng.random() < 0.2:  # stated on the link side instead (the union)
                link.setdefault("mechanisms", []).append(mechanism["id"])
            else:
                mechanism["links"].append(f"{link['from']}->{link['to']}")
        if not mechanism["links"]:
            del mechanism["links"]
        strands = {strand_of[link[end]] for link in group for end in ("from", "to")}
        applies[mechanism["id"]] = sorted(x for x in strands if x) or intervention_ids
        mechanisms.append(mechanism)

    conditions: list[dict[str, Any]] = [
        {
            "id": f"c-{number}",
            "statement": f"The partners have the forums they need to keep collaborating ({number})",
        }
        for number in range(1, max(1, len(mechanisms) // 4) + 1)
    ]
    for number, condition in enumerate(conditions):
        mechanisms[number * 4 % len(mechanisms)].setdefault("conditions", []).append(
            condition["id"]
        )
    for mechanism in mechanisms:
        if "conditions" not in mechanism and rng.random() < 0.3:
            mechanism["conditions"] = [rng.choice(conditions)["id"]]

    rivals: list[dict[str, Any]] = [
        {
            "id": f"r-{number}",
            "statement": "More found work because the labour market improved, not the intervention",
            "about": [rng.choice(by_stage[4])],
            "prior": 0.3,
        }
        for number in range(1, max(1, nodes // 200) + 1)
    ]

    # --------------------------------------------------------- evidence
    evidence: list[dict[str, Any]] = []
    evidence_of: dict[str, list[dict[str, Any]]] = {}

    def narrative(about: str, where: list[str]) -> dict[str, Any]:
        item: dict[str, Any] = {
            "id": f"e-{len(evidence) + 1}",
            "about": about,
            "kind": rng.choice(_EVIDENCE_KINDS),
            "source": "Interviews with staff and participants",
            "date": _months(rng),
            "summary": "Staff describe close follow-up and joint meetings with the partners.",
            "stance": rng.choice(_STANCES),
        }
        if rng.random() < 0.7:
            item["intervention"] = rng.choice(where)
        if rng.random() < 0.3:
            item["quotes"] = ["The coach is the spider in the web."]
        if rng.random() < 0.5:
            item["test"] = rng.choice(_TESTS)
            if rng.random() < 0.4:
                item["p_if_true"] = round(rng.uniform(0.5, 0.95), 2)
                item["p_if_false"] = round(rng.uniform(0.05, 0.5), 2)
        if rng.random() < 0.05:
            item["observed"] = False
        if rng.random() < 0.1:
            item["group"] = f"g-{rng.randint(1, max(1, nodes // 50))}"
        return item

    def survey(about: str, where: list[str]) -> dict[str, Any]:
        steps = rng.choice((2, 3))
        scale = (
            ["small or very small extent", "some extent", "large or very large extent"]
            if steps == 3
            else ["less than a large extent", "large or very large extent"]
        )
        counts = [rng.randint(0, 12) for _ in scale]
        return {
            "id": f"e-{len(evidence) + 1}",
            "about": about,
            "kind": "survey",
            "intervention": rng.choice(where),
            "source": "Survey of the partners, Nov-Dec",
            "date": _months(rng),
            "question": "The forums needed to keep collaborating on the target group exist",
            "scale": scale,
            "counts": counts,
            "dont_know": rng.randint(0, max(1, sum(counts) // 3)),
            "stance": "supports" if counts[-1] * 2 > sum(counts) else "mixed",
            "test": "hoop",
        }

    def add_evidence(item: dict[str, Any]) -> None:
        evidence.append(item)
        evidence_of.setdefault(item["about"], []).append(item)

    for mechanism in mechanisms:
        where = applies[mechanism["id"]]
        for _ in range(rng.choice((1, 2, 2, 3))):
            about = mechanism["id"]
            add_evidence(survey(about, where) if rng.random() < 0.2 else narrative(about, where))
    condition_where: dict[str, set[str]] = {}
    for mechanism in mechanisms:
        for condition_id in mechanism.get("conditions", []):
            condition_where.setdefault(condition_id, set()).update(applies[mechanism["id"]])
    for condition in conditions:
        add_evidence(survey(condition["id"], sorted(condition_where[condition["id"]])))
    for rival in rivals:
        add_evidence(narrative(rival["id"], intervention_ids))

    # ------------------------------------------------------- judgements
    judgements: list[dict[str, Any]] = []

    def verdict(items: list[dict[str, Any]], vocabulary: tuple[str, ...]) -> str:
        # Mostly in line with the evidence, as an evaluator's would be; sometimes not.
        if rng.random() < 0.15:
            return rng.choice(vocabulary)
        score = sum({"supports": 1, "contradicts": -1}.get(i.get("stance", ""), 0) for i in items)
        if score > 0:
            return vocabulary[0]
        if score < 0:
            return vocabulary[2]
        return vocabulary[1]

    def judge(about: str, vocabulary: tuple[str, ...], intervention: str | None) -> None:
        items = [
            item
            for item in evidence_of.get(about, [])
            if item.get("intervention") in (None, intervention)
        ]
        history = 2 if rng.random() < 0.2 else 1
        for step in range(history):
            judgement: dict[str, Any] = {
                "id": f"j-{len(judgements) + 1}",
                "about": about,
                "verdict": verdict(items, vocabulary),
                "confidence": rng.choice(_CONFIDENCES),
                "rationale": "The interviews and the survey agree; the base is small.",
                "evidence": [item["id"] for item in items[:3]],
                "by": "The evaluators",
                "date": f"{2018 + step}-0{rng.randint(1, 9)}",
            }
            if intervention is not None:
                judgement["intervention"] = intervention
            judgements.append(judgement)

    for mechanism in mechanisms:
        if rng.random() < 0.7:
            where = applies[mechanism["id"]]
            for intervention in rng.sample(where, min(len(where), rng.randint(1, 2))):
                judge(mechanism["id"], _VERDICTS, intervention)
    for condition in conditions:
        judge(condition["id"], _STATES, rng.choice(sorted(condition_where[condition["id"]])))
    for rival in rivals:
        judge(rival["id"], _VERDICTS, None)

    return {
        "format": 1,
        "id": f"generated-{nodes}-{seed}",
        "title": f"Generated theory of change, {nodes} nodes (seed {seed})",
        "language": "en",
        "description": "A synthetic document for benchmarks; its content is not real.",
        "stages": list(STAGES),
        "interventions": interventions,
        "actors": actors,
        "nodes": node_list,
        "links": link_list,
        "mechanisms": mechanisms,
        "conditions": conditions,
        "rivals": rivals,
        "evidence": evidence,
        "judgements": judgements,
    }


def write(data: dict[str, Any], path: str | Path) -> Path:
    """Write generated data as JSON (``.json``) or YAML (anything else); returns the path."""
    target = Path(path)
    if target.suffix.lower() == ".json":
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    else:
        dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
        text = yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=True, width=100)
    target.write_text(text, encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> int:
    """Command line: write one generated document."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("nodes", type=int, help="number of nodes, e.g. 10000")
    parser.add_argument("path", help="output file, .json or .yaml")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    args = parser.parse_args(argv)
    path = write(generate(args.nodes, seed=args.seed), args.path)
    print(f"wrote {path} ({path.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
