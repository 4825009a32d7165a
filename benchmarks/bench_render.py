"""Benchmark: `toc.render` against the Graphviz layout of the emitted DOT alone.

For generated documents of 50, 200 and 500 nodes (see `generate.py`), this
prints in one run:

* emit: ``toc.to_dot(doc)`` — building the scene and writing DOT, no Graphviz;
* render: ``toc.render(doc, "x.svg")`` — emission, layout, SVG and the atomic
  file write, everything a user waits for;
* layout: pygraphviz laying out and drawing the *same* DOT source as SVG,
  i.e. the Graphviz work alone;
* the ratio render / layout. Target: at most 1.2x.

How it is timed: CPU time of this process (``time.process_time``; pygraphviz
lays out in-process, so Graphviz's work is counted), the three interleaved
within every round (their order alternating), garbage collected before each
timing; min and median over the rounds. Run::

    python benchmarks/bench_render.py
    python benchmarks/bench_render.py --sizes 500 --rounds 9
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import generate  # noqa: E402
import pygraphviz  # noqa: E402

import toc  # noqa: E402
from toc.diagram import render, to_dot  # noqa: E402


def cpu(function: Callable[[], object]) -> float:
    """CPU seconds of one call, garbage collected before."""
    gc.collect()
    start = time.process_time()
    function()
    return time.process_time() - start


def interleaved(functions: list[Callable[[], object]], rounds: int) -> list[list[float]]:
    """CPU times of each function, interleaved within every round, the order alternating."""
    times: list[list[float]] = [[] for _ in functions]
    order = list(range(len(functions)))
    for _ in range(rounds):
        for k in order:
            times[k].append(cpu(functions[k]))
        order.reverse()
    return times


def layout_only(source: str) -> bytes:
    data = pygraphviz.AGraph(string=source).draw(format="svg", prog="dot")
    assert isinstance(data, bytes)
    return data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 200, 500])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--color-by", default="stage")
    args = parser.parse_args(argv)

    print("CPU ms, min and median over interleaved rounds")
    print(
        f"{'nodes':>6} {'links':>6} {'emit min':>9} {'render min':>11} {'med':>8} "
        f"{'layout min':>11} {'med':>8} {'ratio min':>10} {'med':>6}"
    )
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "diagram.svg"
        for size in args.sizes:
            doc = toc.validate(generate.generate(size, seed=1))
            options = {"color_by": args.color_by}
            source = to_dot(doc, **options)
            layout_only(source)  # warm up fonts and the Graphviz plugins
            emit, full, alone = interleaved(
                [
                    partial(to_dot, doc, **options),
                    partial(render, doc, target, **options),
                    partial(layout_only, source),
                ],
                args.rounds,
            )
            ratio = min(full) / min(alone)
            ratio_med = statistics.median(full) / statistics.median(alone)
            worst = max(worst, ratio)
            assert target.read_bytes() == layout_only(source), "render drew something else"
            print(
                f"{size:>6} {len(doc.links):>6} {min(emit) * 1000:>9.1f} "
                f"{min(full) * 1000:>11.1f} {statistics.median(full) * 1000:>8.1f} "
                f"{min(alone) * 1000:>11.1f} {statistics.median(alone) * 1000:>8.1f} "
                f"{ratio:>9.2f}x {ratio_med:>5.2f}x"
            )
    print(f"worst ratio (min) {worst:.2f}x (target <= 1.20x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
