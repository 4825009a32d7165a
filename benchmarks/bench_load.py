"""Benchmark: `toc.load` + `toc.check` against raw parsing, validation and a graph.

For generated documents of 100, 1,000 and 10,000 nodes (see `generate.py`),
written once as JSON and once as YAML, this prints in one run:

* toc: ``toc.check(toc.load(path))`` — reading, safe parsing with positions,
  validation with every cross-reference resolved, and all checks;
* raw: reading the same file, ``json.loads`` (or ``yaml.load`` with
  ``CSafeLoader``), validating the same data with plain pydantic models that
  mirror the format's fields but do no cross-reference work, and building a
  networkx ``DiGraph`` of the nodes and links;
* the ratio toc / raw. Target: at most 1.5x at 10,000 nodes.

It also times ``toc check`` on the reference example as a subprocess, start-up
included (target: under 0.5 s wall).

How it is timed, so that the figure can be trusted: CPU time of this process
(``time.process_time``), toc and raw interleaved within every round (their order
alternating), the garbage collector as the user has it (on), a full collection
before each call and one after it while its result is alive (so the work a paused
collector defers is counted), nothing large kept alive between calls, and the
minimum and the median over the rounds for each. Run::

    python benchmarks/bench_load.py              # 1,000, 10,000 and 50,000 nodes
    python benchmarks/bench_load.py --sizes 1000 --profile
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import json
import os
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Annotated, Any, Literal

import networkx as nx
import yaml
from pydantic import BaseModel, ConfigDict, Field, NonNegativeInt, StringConstraints

import toc
from toc.checks import STRUCTURAL as STRUCTURAL_CHECKS

if str(Path(__file__).resolve().parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "examples" / "nils-2018" / "nils-2018.yaml"
FALLBACK = ROOT / "toc" / "templates" / "starter-sv.yaml"
TARGET_RATIO = 1.5
LIMIT = 256 * 1024 * 1024
"""The size limit the benchmark loads with: a 50,000-node JSON file is above the default
16 MiB, which `toc.load(path, max_bytes=...)` raises for a caller that means it."""
TARGET_CLI_SECONDS = 0.5

# ------------------------------------------------------------- raw models
# The same fields and field types as the format's models (ids, dates,
# probabilities, vocabularies, the evidence union), with none of the work that
# toc adds on top: no model validators, no reference resolution, no positions.

RId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=200)]
RText = Annotated[str, StringConstraints(min_length=1)]
RDate = Annotated[
    str, StringConstraints(pattern=r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
]
RProb = Annotated[float, Field(ge=0.0, le=1.0)]


class _Raw(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True, coerce_numbers_to_str=True)


class RawIntervention(_Raw):
    id: RId
    name: RText
    period: str | None = None
    description: str | None = None


class RawActor(_Raw):
    id: RId
    name: RText
    kind: Literal[
        "state", "region", "municipality", "civil_society", "private", "user", "other"
    ] = "other"
    description: str | None = None


class RawMeasurement(_Raw):
    value: int | float
    date: RDate | None = None
    source: str | None = None


class RawIndicator(_Raw):
    id: RId
    name: RText
    unit: str | None = None
    baseline: RawMeasurement | None = None
    target: RawMeasurement | None = None
    actual: list[RawMeasurement] = Field(default_factory=list)
    method: str | None = None
    frequency: str | None = None


class RawNode(_Raw):
    id: RId
    stage: RId
    label: RText
    interventions: list[RId] = Field(default_factory=list)
    actors: list[RId] = Field(default_factory=list)
    description: str | None = None
    indicators: list[RawIndicator] = Field(default_factory=list)


class RawLink(_Raw):
    from_: RId = Field(alias="from")
    to: RId
    mechanisms: list[RId] = Field(default_factory=list)
    feedback: bool = False
    label: str | None = None


class RawMechanism(_Raw):
    id: RId
    title: RText
    statement: str | None = None
    links: list[str] = Field(default_factory=list)
    conditions: list[RId] = Field(default_factory=list)
    prior: RProb | None = None
    description: str | None = None


class RawCondition(_Raw):
    id: RId
    statement: RText
    description: str | None = None


class RawRival(_Raw):
    id: RId
    statement: RText
    about: list[str] = Field(default_factory=list)
    prior: RProb | None = None
    description: str | None = None


class RawEvidenceItem(_Raw):
    id: RId
    about: str
    intervention: RId | None = None
    source: str | None = None
    date: RDate | None = None
    summary: str | None = None
    quotes: list[str] = Field(default_factory=list)
    stance: Literal["supports", "contradicts", "mixed", "neutral"] | None = None
    test: Literal["straw_in_the_wind", "hoop", "smoking_gun", "doubly_decisive"] | None = None
    p_if_true: RProb | None = None
    p_if_false: RProb | None = None
    observed: bool = True
    group: RId | None = None


class RawNarrative(RawEvidenceItem):
    kind: Literal[
        "interview", "focus_group", "observation", "document", "register", "indicator", "other"
    ]


class RawSurvey(RawEvidenceItem):
    kind: Literal["survey"]
    question: RText
    scale: list[RText] = Field(min_length=2)
    counts: list[NonNegativeInt]
    dont_know: NonNegativeInt = 0
    top: list[RText] | None = None


class RawJudgement(_Raw):
    id: RId | None = None
    about: RId
    intervention: RId | None = None
    verdict: Literal[
        "held",
        "partly_held",
        "not_held",
        "too_early",
        "inconclusive",
        "present",
        "partly_present",
        "absent",
        "unknown",
    ]
    confidence: Literal["low", "medium", "high"] | None = None
    rationale: str | None = None
    evidence: list[RId] = Field(default_factory=list)
    by: str | None = None
    date: RDate | None = None
    acknowledges: list[str] = Field(default_factory=list)


class RawCheckSettings(_Raw):
    select: list[str] = Field(default_factory=list)
    ignore: list[str] = Field(default_factory=list)
    severity: dict[str, Literal["error", "warning", "info"]] = Field(default_factory=dict)


class RawReportInfo(_Raw):
    title: RText | None = None
    subtitle: str | None = None
    client: str | None = None
    evaluators: list[RText] = Field(default_factory=list)
    date: RDate | None = None
    version: str | None = None
    status: str | None = None
    summary: str | None = None
    conclusions: str | None = None
    recommendations: str | None = None
    logo: str | None = None
    sections: list[str] = Field(default_factory=list)


class RawDocument(_Raw):
    format: Literal[1]
    id: RId
    title: RText
    language: Literal["sv", "en"] = "en"
    description: str | None = None
    stages: list[RId] = Field(
        default_factory=lambda: ["resources", "activities", "short", "medium", "long"],
        min_length=2,
    )
    interventions: list[RawIntervention] = Field(default_factory=list)
    actors: list[RawActor] = Field(default_factory=list)
    nodes: list[RawNode] = Field(default_factory=list)
    links: list[RawLink] = Field(default_factory=list)
    mechanisms: list[RawMechanism] = Field(default_factory=list)
    conditions: list[RawCondition] = Field(default_factory=list)
    rivals: list[RawRival] = Field(default_factory=list)
    evidence: list[Annotated[RawSurvey | RawNarrative, Field(discriminator="kind")]] = Field(
        default_factory=list
    )
    judgements: list[RawJudgement] = Field(default_factory=list)
    checks: RawCheckSettings | None = None
    report: RawReportInfo | None = None


def mirror_drift() -> list[str]:
    """Fields of the format's models that the raw models do not mirror (or the reverse)."""
    from mechanisms import model as mm
    from toc import model as tm

    pairs: list[tuple[type[BaseModel], type[BaseModel]]] = [
        (tm.Document, RawDocument),
        (tm.Intervention, RawIntervention),
        (tm.Actor, RawActor),
        (tm.Measurement, RawMeasurement),
        (tm.Indicator, RawIndicator),
        (tm.Node, RawNode),
        (tm.Link, RawLink),
        (mm.Mechanism, RawMechanism),
        (mm.Condition, RawCondition),
        (mm.Rival, RawRival),
        (mm.NarrativeEvidence, RawNarrative),
        (mm.SurveyEvidence, RawSurvey),
        (mm.Judgement, RawJudgement),
        (tm.CheckSettings, RawCheckSettings),
        (tm.ReportInfo, RawReportInfo),
    ]
    out = []
    for real, raw in pairs:
        a = {f.alias or n for n, f in real.model_fields.items()}
        b = {f.alias or n for n, f in raw.model_fields.items()}
        if a != b:
            out.append(f"{real.__name__}: missing {sorted(a - b)}, extra {sorted(b - a)}")
    return out


def raw_graph(doc: RawDocument) -> nx.DiGraph:
    """The nodes and links as a DiGraph with the attributes toc's graph carries."""
    graph = nx.DiGraph(id=doc.id, title=doc.title)
    for node in doc.nodes:
        graph.add_node(
            node.id,
            stage=node.stage,
            label=node.label,
            interventions=node.interventions,
            actors=node.actors,
        )
    for link in doc.links:
        graph.add_edge(
            link.from_,
            link.to,
            feedback=link.feedback,
            mechanisms=link.mechanisms,
            label=link.label,
        )
    return graph


def raw_parse(path: Path) -> Any:
    """Read and parse the file the plainest way: json.loads or yaml CSafeLoader."""
    text = path.read_bytes().decode("utf-8")
    if path.suffix == ".json":
        return json.loads(text)
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def raw_all(path: Path) -> nx.DiGraph:
    """The whole baseline: parse, validate, build the graph."""
    return raw_graph(RawDocument.model_validate(raw_parse(path)))


def toc_all(path: Path) -> list[toc.Finding]:
    """What a user runs: load with every check of the format, then every check."""
    return toc.check(toc.load(path, max_bytes=LIMIT))


STRUCTURAL = list(STRUCTURAL_CHECKS)
"""The document's own checks (TOC0xx), without the judgement-consistency checks (TOC1xx)."""


def toc_structural(path: Path) -> list[toc.Finding]:
    """Load and the structural checks only: the model issue's part of `toc check`."""
    return toc.check(toc.load(path, max_bytes=LIMIT), select=STRUCTURAL)


# ---------------------------------------------------------------- timing


def _cpu(func: Callable[[], object]) -> float:
    """CPU seconds of one call and of the garbage collection it leaves behind.

    A full collection before the call starts both sides from the same heap; the
    full collection after it, with the result still alive (as a user keeps it),
    counts the work a paused collector only deferred — on both sides alike.
    """
    gc.collect()
    start = time.process_time()
    result = func()
    gc.collect()
    elapsed = time.process_time() - start
    del result
    return elapsed


def interleaved(funcs: dict[str, Callable[[], object]], rounds: int) -> dict[str, list[float]]:
    """CPU times of each function per round, the functions interleaved within every round.

    The order alternates from round to round, so that neither side always runs
    right after the other's garbage.
    """
    names = list(funcs)
    times: dict[str, list[float]] = {name: [] for name in names}
    for k in range(rounds):
        for name in names if k % 2 == 0 else names[::-1]:
            times[name].append(_cpu(funcs[name]))
    return times


def rounds_for(nodes: int) -> int:
    """More rounds for small documents, whose times are noisier."""
    return 15 if nodes <= 1000 else 7 if nodes <= 10_000 else 3


def bench_size(nodes: int, workdir: Path, seed: int) -> list[dict[str, Any]]:
    """Time one generated size in both formats; returns a row per format."""
    data = generate.generate(nodes, seed=seed)
    counts = {
        "links": len(data["links"]),
        "mechanisms": len(data["mechanisms"]),
        "evidence": len(data["evidence"]),
    }
    paths = [
        generate.write(data, workdir / f"generated-{nodes}{suffix}")
        for suffix in (".json", ".yaml")
    ]
    del data
    rows = []
    for path in paths:
        toc_all(path)  # warm up: imports, pydantic's lazy schema builds
        raw_all(path)
        findings = len(toc_all(path))
        times = interleaved(
            {
                "toc": partial(toc_all, path),
                "raw": partial(raw_all, path),
                "toc_structural": partial(toc_structural, path),
                "toc_load": partial(toc.load, path, max_bytes=LIMIT),
            },
            rounds_for(nodes),
        )
        row: dict[str, Any] = {
            "nodes": nodes,
            "format": path.suffix[1:],
            "bytes": path.stat().st_size,
            **counts,
            "findings": findings,
        }
        for name, values in times.items():
            row[name] = min(values)
            row[name + "_median"] = statistics.median(values)
        row["ratio"] = row["toc"] / row["raw"]
        row["ratio_median"] = row["toc_median"] / row["raw_median"]
        row["ratio_structural"] = row["toc_structural"] / row["raw"]
        row["ratio_structural_median"] = row["toc_structural_median"] / row["raw_median"]
        rows.append(row)
    return rows


def toc_command() -> list[str]:
    """How to start the ``toc`` command of this interpreter's environment."""
    script = Path(sys.executable).parent / "toc"
    if script.exists():
        return [str(script)]
    found = shutil.which("toc")
    if found:
        return [found]
    return [sys.executable, "-c", "from toc.cli import main; main()"]


def bench_cli(path: Path, repeat: int = 7) -> tuple[float, float, int]:
    """Best and median wall time of ``toc check PATH`` as a fresh process, and its exit status."""
    command = [*toc_command(), "check", str(path)]
    env = {**os.environ, "NO_COLOR": "1"}
    times = []
    status = 0
    for _ in range(repeat):
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, env=env, check=False)
        times.append(time.perf_counter() - start)
        status = done.returncode
    return min(times), statistics.median(times), status


def profile(path: Path, top: int) -> str:
    """cProfile of one ``toc.check(toc.load(path))``, the top functions by own time."""
    profiler = cProfile.Profile()
    profiler.enable()
    toc_all(path)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    out.write("\n--- by cumulative time ---\n")
    stats.sort_stats("cumulative").print_stats(top)
    return out.getvalue()


# ---------------------------------------------------------------- output


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:9.1f}"


def print_rows(rows: list[dict[str, Any]]) -> None:
    """The table of CPU times in milliseconds (min and median) and the ratios."""
    head = (
        f"{'nodes':>6} {'fmt':>4} {'MB':>6} {'find':>6} "
        f"{'load min':>9} {'toc min':>9} {'toc med':>9} {'raw min':>9} {'raw med':>9} | "
        f"{'ratio min':>9} {'med':>5} | {'struct min':>10} {'med':>5}"
    )
    print(head)
    print("-" * len(head))
    for r in rows:
        print(
            f"{r['nodes']:>6} {r['format']:>4} {r['bytes'] / 1e6:6.2f} {r['findings']:>6} "
            f"{_ms(r['toc_load'])} {_ms(r['toc'])} {_ms(r['toc_median'])} "
            f"{_ms(r['raw'])} {_ms(r['raw_median'])} | "
            f"{r['ratio']:9.2f} {r['ratio_median']:5.2f} | "
            f"{r['ratio_structural']:10.2f} {r['ratio_structural_median']:5.2f}"
        )


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; exit status 0 (it reports targets, it does not enforce them)."""
    parser = argparse.ArgumentParser(description="toc load + check against a raw baseline.")
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=[1_000, 10_000, 50_000], help="node counts"
    )
    parser.add_argument("--seed", type=int, default=0, help="generator seed (default 0)")
    parser.add_argument(
        "--profile", action="store_true", help="also print a cProfile of the largest size (JSON)"
    )
    parser.add_argument("--top", type=int, default=25, help="functions shown by --profile")
    parser.add_argument("--no-cli", action="store_true", help="skip the `toc check` timing")
    args = parser.parse_args(argv)

    print(f"toc {toc.__version__}, Python {sys.version.split()[0]}, {sys.platform}")
    drift = mirror_drift()
    if drift:
        print("WARNING: the raw models no longer mirror the format:", *drift, sep="\n  ")
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="toc-bench-") as tmp:
        workdir = Path(tmp)
        for nodes in args.sizes:
            rows.extend(bench_size(nodes, workdir, args.seed))
        print()
        print("CPU times in ms, min and median over interleaved rounds.")
        print("toc = toc.check(toc.load(path)) (structural and judgement checks);")
        print(
            "raw = read + json.loads/yaml CSafeLoader + plain pydantic models + networkx DiGraph."
        )
        print()
        print_rows(rows)
        largest = max(args.sizes)
        print()
        for r in rows:
            if r["nodes"] == 10_000 or (r["nodes"] == largest and 10_000 not in args.sizes):
                verdict = "meets" if r["ratio_median"] <= TARGET_RATIO else "MISSES"
                print(
                    f"{r['nodes']:,} nodes, {r['format']}: ratio {r['ratio']:.2f} (min), "
                    f"{r['ratio_median']:.2f} (median): {verdict} the target of {TARGET_RATIO}x"
                )
                print(
                    f"  structural checks only: {r['ratio_structural']:.2f} (min), "
                    f"{r['ratio_structural_median']:.2f} (median)"
                )
        if args.profile:
            print()
            print(f"cProfile of toc.check(toc.load(...)) at {largest:,} nodes, JSON:")
            print(profile(workdir / f"generated-{largest}.json", args.top))

    if not args.no_cli:
        example = REFERENCE if REFERENCE.exists() else FALLBACK
        best, median, status = bench_cli(example)
        verdict = "meets" if best < TARGET_CLI_SECONDS else "MISSES"
        print()
        print(
            f"`toc check {example.relative_to(ROOT)}` as a subprocess: best {best:.3f} s, "
            f"median {median:.3f} s (exit {status}); {verdict} the target of "
            f"< {TARGET_CLI_SECONDS} s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
