"""Benchmark: `toc.render` against the Graphviz layout of the emitted DOT alone.

For generated documents of 50, 200 and 500 nodes (see `generate.py`), this
prints in one run:

* emit: ``toc.to_dot(doc)`` — building the scene and writing DOT, no Graphviz;
* render: ``toc.render(doc, "x.svg")`` — emission, layout, SVG and the atomic
  file write, everything a user waits for;
* layout: pygraphviz laying out and drawing the *same* DOT source as SVG,
  i.e. the Graphviz work alone;
* the ratio render / layout. Target: at most 1.2x.

Every figure is the best of several runs (``time.perf_counter``). Run::

    python benchmarks/bench_render.py
    python benchmarks/bench_render.py --sizes 500 --repeat 5
"""

from __future__ import annotations

import argparse
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


def best(function: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def layout_only(source: str) -> bytes:
    data = pygraphviz.AGraph(string=source).draw(format="svg", prog="dot")
    assert isinstance(data, bytes)
    return data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 200, 500])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--color-by", default="stage")
    args = parser.parse_args(argv)

    print(f"{'nodes':>6} {'links':>6} {'emit':>9} {'render':>9} {'layout':>9} {'ratio':>6}")
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "diagram.svg"
        for size in args.sizes:
            doc = toc.validate(generate.generate(size, seed=1))
            options = {"color_by": args.color_by}
            source = to_dot(doc, **options)
            layout_only(source)  # warm up fonts and the Graphviz plugins
            emit = best(partial(to_dot, doc, **options), args.repeat)
            full = best(partial(render, doc, target, **options), args.repeat)
            alone = best(partial(layout_only, source), args.repeat)
            ratio = full / alone
            worst = max(worst, ratio)
            assert target.read_bytes() == layout_only(source), "render drew something else"
            print(
                f"{size:>6} {len(doc.links):>6} {emit * 1000:>7.1f}ms {full * 1000:>7.1f}ms "
                f"{alone * 1000:>7.1f}ms {ratio:>5.2f}x"
            )
    print(f"worst ratio {worst:.2f}x (target <= 1.20x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
