"""Edit → new SVG served by ``toc serve``, for the reference example.

Starts a real server on 127.0.0.1 (watcher and all), opens the event stream
as a page does, then saves the file again and again with a changed label and
times from the save to the event that carries the new SVG — what a room
waits for. Beside it, in the same run and interleaved, the raw in-process
work the page cannot avoid: load + judge + check + draw of the same file.

    python benchmarks/bench_serve.py [--rounds 20] [--step 20]

Prints wall-clock milliseconds (min and median) of both, and their ratio.
"""

from __future__ import annotations

import argparse
import http.client
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import toc
from toc.diagram import render_bytes
from toc.serve import Live, Server

ROOT = Path(__file__).resolve().parent.parent
NILS = ROOT / "examples/nils-2018/nils-2018.yaml"
LABEL = "label: Samsyn om målgruppen hos alla parter"


def next_event(response: http.client.HTTPResponse) -> dict[str, object]:
    lines: list[str] = []
    while True:
        line = response.readline().decode("utf-8")
        if line == "\n":
            if lines and lines[0] == "event: update":
                data: dict[str, object] = json.loads(lines[2].removeprefix("data: "))
                return data
            lines = []
            continue
        lines.append(line.rstrip("\n"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--step", type=int, default=20, help="watcher quiet time, ms")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    path = folder / "workshop.yaml"
    original = NILS.read_text(encoding="utf-8")
    path.write_text(original, encoding="utf-8")
    served: list[float] = []
    raw: list[float] = []
    with Server(Live(path), step_ms=args.step) as server:
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
        connection.request("GET", "/events")
        response = connection.getresponse()
        next_event(response)
        for n in range(args.rounds):
            time.sleep(0.3)  # a room does not save twice in a moment
            label = f"{LABEL} {n}"
            start = time.perf_counter()
            path.write_text(original.replace(LABEL, label, 1), encoding="utf-8")
            while True:
                event = next_event(response)
                svg = event.get("svg")
                if isinstance(svg, str) and f"parter {n}" in svg.replace("\n", " "):
                    break
            served.append(time.perf_counter() - start)
            # The same work in-process, without watcher, server or stream.
            start = time.perf_counter()
            doc = toc.load(path)
            result = toc.assess(doc)
            toc.check(doc, assessment=result)
            render_bytes(doc, "svg", assessment=result)
            raw.append(time.perf_counter() - start)
        connection.close()
    shutil.rmtree(folder)

    def ms(values: list[float]) -> str:
        low, middle = min(values) * 1000, statistics.median(values) * 1000
        return f"min {low:6.1f} ms   median {middle:6.1f} ms"

    print(f"toc serve, save → new SVG in the event stream ({args.rounds} saves, ", end="")
    print(f"step {args.step} ms)")
    print(f"  served:                       {ms(served)}")
    print(f"  load+judge+check+draw alone:  {ms(raw)}")
    ratio = statistics.median(served) / statistics.median(raw)
    print(f"  ratio (median):               {ratio:.2f}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
