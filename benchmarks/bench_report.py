"""Benchmark: the evaluation report, content and whole process.

Prints, in one run:

* **Content scaling.** `toc.report.build` (the evaluator's report: every
  section, the findings appendix included) of generated documents of 1,000
  and 10,000 nodes (`generate.py`), with the assessment and the findings made
  beforehand, so that only the report's own work is timed. Beside it, the time
  of `toc.assess` of the same document, the linear work the content reads.
  Then the ratio content(10,000) / content(1,000): target at most 12× for 10×
  the data (it was about 320×, n^2.5, before the content was indexed once).
  CPU time (``time.process_time``), the two sizes interleaved within rounds,
  min and median over the rounds.
* **Whole process.** `toc report` as a new process, start-up included (wall
  time, min and median): the reference example (``examples/nils-2018``) in
  each format, and a generated document of 500 nodes and 100 mechanisms
  (before this report was rebuilt: 3.7 s HTML, 10.9 s Word). PDF only where
  Chromium is installed.

Run::

    python benchmarks/bench_report.py
    python benchmarks/bench_report.py --rounds 3 --no-cli
"""

from __future__ import annotations

import argparse
import gc
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

import generate  # noqa: E402

import toc  # noqa: E402
from toc.report.content import build  # noqa: E402

NILS = ROOT / "examples" / "nils-2018" / "nils-2018.yaml"
TARGET_SCALING = 12.0


def cpu(function: Callable[[], object]) -> float:
    gc.collect()
    start = time.process_time()
    function()
    return time.process_time() - start


def with_mechanisms(data: dict[str, Any], keep: int) -> dict[str, Any]:
    """A generated document cut down to its first ``keep`` mechanisms (and their evidence)."""
    kept = {m["id"] for m in data["mechanisms"][:keep]}
    dropped = {m["id"] for m in data["mechanisms"]} - kept
    out = dict(data)
    out["mechanisms"] = data["mechanisms"][:keep]
    out["evidence"] = [e for e in data["evidence"] if e["about"] not in dropped]
    cited = {e["id"] for e in out["evidence"]}
    out["judgements"] = [
        {**j, "evidence": [e for e in j.get("evidence", []) if e in cited]}
        for j in data["judgements"]
        if j["about"] not in dropped
    ]
    out["links"] = [
        {**link, "mechanisms": [m for m in link.get("mechanisms", []) if m in kept]}
        for link in data["links"]
    ]
    return out


def content_scaling(sizes: list[int], rounds: int) -> None:
    print("Report content (toc.report.build, evaluator audience), CPU seconds")
    prepared = {}
    for size in sizes:
        doc = toc.validate(generate.generate(size, seed=1))
        result = toc.assess(doc)
        found = toc.check(doc, assessment=result)
        prepared[size] = (doc, result, found)
    times: dict[int, list[float]] = {size: [] for size in sizes}
    judged: dict[int, list[float]] = {size: [] for size in sizes}
    for round_number in range(rounds):
        order = sizes if round_number % 2 == 0 else list(reversed(sizes))
        for size in order:
            doc, result, found = prepared[size]
            times[size].append(
                cpu(
                    lambda d=doc, r=result, f=found: build(
                        d, audience="evaluator", assessment=r, findings=f
                    )
                )
            )
            judged[size].append(cpu(lambda d=doc: toc.assess(d)))
    head = ("nodes", "content min", "median", "assess min", "content/assess")
    print("  " + " ".join(f"{h:>{w}}" for h, w in zip(head, (7, 12, 8, 11, 15), strict=True)))
    for size in sizes:
        low, mid = min(times[size]), statistics.median(times[size])
        print(
            f"  {size:>7,} {low:>12.3f} {mid:>8.3f} {min(judged[size]):>11.3f} "
            f"{low / min(judged[size]):>15.2f}"
        )
    if len(sizes) >= 2:
        small, large = sizes[0], sizes[-1]
        ratio = min(times[large]) / min(times[small])
        ratio_median = statistics.median(times[large]) / statistics.median(times[small])
        print(
            f"  scaling {large:,} / {small:,} nodes: {ratio:.1f}x (min), {ratio_median:.1f}x "
            f"(median); target at most {TARGET_SCALING:g}x for {large // small}x the data"
        )


def wall(args: list[str], rounds: int) -> tuple[float, float]:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def whole_process(rounds: int) -> None:
    print("\n`toc report` as a new process, start-up included (wall seconds: min, median)")
    formats = ["html", "md", "docx"]
    if shutil.which("chromium") or shutil.which("chromium-browser"):
        formats.append("pdf")
    with tempfile.TemporaryDirectory(prefix="bench-report-") as folder:
        work = Path(folder)
        big = work / "generated-500.json"
        generate.write(with_mechanisms(generate.generate(500, seed=1), 100), big)
        loaded = toc.load(big)
        print(
            f"  (generated: {len(loaded.nodes)} nodes, {len(loaded.links)} links, "
            f"{len(loaded.mechanisms)} mechanisms, {len(loaded.evidence)} evidence items)"
        )
        for name, source in (("nils-2018", NILS), ("generated-500", big)):
            for fmt in formats:
                out = work / f"{name}.{fmt}"
                low, mid = wall(
                    [sys.executable, "-m", "toc", "report", str(source), "-o", str(out)], rounds
                )
                size = out.stat().st_size
                print(f"  {name:<14} {fmt:<5} {low:6.2f} {mid:6.2f}   {size / 1e6:7.2f} MB")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--cli-rounds", type=int, default=3)
    parser.add_argument("--no-cli", action="store_true", help="skip the whole-process timings")
    args = parser.parse_args(argv)
    content_scaling(args.sizes, args.rounds)
    if not args.no_cli:
        whole_process(args.cli_rounds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
