"""Benchmark: the worst files within the 16 MiB limit, refused in seconds with bounded memory.

Each case builds a hostile document just under `toc.files.MAX_BYTES` and times
``toc.loads`` on it, against the raw parser of the same text in the same run
(``json.loads``, or libyaml's event stream: what any reader pays before it
builds anything). Each measurement runs in a fresh interpreter, so its peak
memory (the child's maximum resident set, from ``os.wait4``) is its own; toc
and raw runs are interleaved, each figure is CPU time of the child's own
measured call, min and median over the rounds.

The cases are the denial-of-service findings of issue 9, with what they cost
before the fixes:

* ``F1-unknown-refs``: links to unknown nodes among as many nodes (a "did you
  mean" over every id for every unknown reference: 4,000 took 174 s);
* ``F2-text-aliases``: one long text repeated by aliases (5,000 repeats of 1 MB
  passed the value budget and became gigabytes of JSON and DOT);
* ``F2-value-aliases``: the billion laughs;
* ``F2-list-aliases``: a list of millions of values repeated by aliases as far
  as the budget allows (about the file's own size): the most values a file can
  expand to;
* ``F3-ints`` / ``F3-empty`` / ``F3-keys`` / ``F3-nested``: millions of wrong
  values (pydantic gathers an error for each: more than 12 GB at 16 MiB);
* ``F3-yaml-ints``: the same list of numbers as YAML (toc's own event reader);
* ``F4-digit-runs``: runs of 4,300 digits before a number too long to read (a
  search that restarted in every run: 44 s);
* ``valid-10k``: a valid generated 10,000-node document, for scale.

Run::

    python benchmarks/bench_hostile.py               # every case, 3 rounds
    python benchmarks/bench_hostile.py --rounds 1 --cases F1-unknown-refs F3-ints
    python benchmarks/bench_hostile.py --size 4      # 4 MiB instead of 16
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

HERE = Path(__file__).resolve().parent

# Each builder returns (text, format) of about `size` characters.
BUILDERS = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, HERE)

    HEAD = '{"format": 1, "id": "d", "title": "t", '


    def f1_unknown_refs(size):
        node = '{"id": "n%07d", "stage": "short", "label": "x"}'
        link = '{"from": "gone-%07d", "to": "n%07d"}'
        count = (size - 100) // (len(node % 0) + len(link % (0, 0)) + 2)
        nodes = ",".join(node % i for i in range(count))
        links = ",".join(link % (i, i) for i in range(count))
        return HEAD + '"nodes": [' + nodes + '], "links": [' + links + "]}", "json"


    def f2_text_aliases(size):
        text = "x" * (size // 2)
        rows = ["format: 1", "id: d", "title: t", "description: &a " + text, "nodes:"]
        row = "  - {id: n%d, stage: short, label: *a}"
        count = (size // 2 - 200) // (len(row % 10**6) + 1)
        rows += [row % i for i in range(count)]
        return "\\n".join(rows) + "\\n", "yaml"


    def f2_value_aliases(size):
        rows = ["format: 1", "id: d", "title: t", 'l0: &l0 ["lol"]']
        width = 40
        level = 1
        while sum(len(r) + 1 for r in rows) < size - 400 and level < 60:
            refs = ", ".join(["*l%d" % (level - 1)] * width)
            rows.append("l%d: &l%d [%s]" % (level, level, refs))
            level += 1
        return "\\n".join(rows) + "\\n", "yaml"


    def f2_list_aliases(size):
        # A long list of (unknown) actor ids, repeated by as many aliases as the
        # budget allows: the most values a file can expand to.
        count = size // 3 - 200
        head = "format: 1\\nid: d\\ntitle: t\\nnodes:\\n"
        first = "  - {id: n0, stage: short, label: L, actors: &b [" + ", ".join(["x"] * count)
        rows = [head + first + "]}"]
        rows += ["  - {id: n%d, stage: short, label: L, actors: *b}" % i for i in range(1, 3)]
        return "\\n".join(rows) + "\\n", "yaml"


    def f3_ints(size):
        return HEAD + '"nodes": [' + ",".join(["1"] * (size // 2 - 40)) + "]}", "json"


    def f3_empty(size):
        return HEAD + '"nodes": [' + ",".join(["{}"] * (size // 3 - 40)) + "]}", "json"


    def f3_keys(size):
        return HEAD + ", ".join('"k%08d": 1' % i for i in range(size // 16 - 10)) + "}", "json"


    def f3_nested(size):
        node = '{"id": "a", "stage": "resources", "label": "A", "actors": ['
        return HEAD + '"nodes": [' + node + ",".join(['"A"'] * (size // 4 - 40)) + "]}]}", "json"


    def f3_yaml_ints(size):
        ones = ", ".join(["1"] * (size // 3 - 40))
        return "format: 1\\nid: d\\ntitle: t\\nnodes: [" + ones + "]\\n", "yaml"


    def f4_digit_runs(size):
        run = '"' + "1" * 4300 + '"'
        count = (size - 5000) // (len(run) + 1)
        text = HEAD + '"x": [' + ",".join([run] * count) + '], "y": ' + "9" * 4301 + "}"
        return text, "json"


    def valid_10k(size):
        import json
        import generate

        return json.dumps(generate.generate(10_000, seed=0), ensure_ascii=False), "json"
    """
)

CASES = {
    "F1-unknown-refs": "f1_unknown_refs",
    "F2-text-aliases": "f2_text_aliases",
    "F2-value-aliases": "f2_value_aliases",
    "F2-list-aliases": "f2_list_aliases",
    "F3-ints": "f3_ints",
    "F3-empty": "f3_empty",
    "F3-keys": "f3_keys",
    "F3-nested": "f3_nested",
    "F3-yaml-ints": "f3_yaml_ints",
    "F4-digit-runs": "f4_digit_runs",
    "valid-10k": "valid_10k",
}

CHILD = textwrap.dedent(
    """
    import gc, json, sys, time
    HERE = {here!r}
    {builders}
    text, fmt = {builder}({size})
    assert len(text) <= 16 * 1024 * 1024, len(text)
    gc.collect()
    if {what!r} == "toc":
        import toc

        start = time.process_time()
        try:
            toc.loads(text, fmt)
            outcome = "loaded"
        except toc.TocError as err:
            outcome = "%d problems: %s" % (len(err.problems), err.problems[0].message[:70])
    else:
        import yaml

        start = time.process_time()
        try:
            if fmt == "json":
                json.loads(text)
            else:  # events only: nothing built, so no alias is expanded
                for _ in yaml.parse(text, Loader=yaml.CSafeLoader):
                    pass
            outcome = "parsed"
        except ValueError as err:  # Python's own refusal of a number too long to read
            outcome = "refused: " + str(err)[:40]
    cpu = time.process_time() - start
    print(json.dumps({{"cpu": cpu, "chars": len(text), "outcome": outcome}}))
    """
)


def run_child(case: str, what: str, size: int) -> dict[str, object]:
    """One run in a fresh interpreter: its CPU time, and its own peak memory (``os.wait4``)."""
    code = CHILD.format(
        here=str(HERE), builders=BUILDERS, builder=CASES[case], size=size, what=what
    )
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "case.py"
        script.write_text(code, encoding="utf-8")
        with open(Path(folder) / "out.txt", "wb") as out:
            child = subprocess.Popen([sys.executable, str(script)], stdout=out)
            # Reaped here, not by Popen, to read this child's own resource usage.
            _, status, usage = os.wait4(child.pid, 0)
            child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0:
            raise SystemExit(f"{case} ({what}) failed with status {child.returncode}")
        lines = (Path(folder) / "out.txt").read_text(encoding="utf-8").strip().splitlines()
    result: dict[str, object] = json.loads(lines[-1])
    result["rss_mb"] = usage.ru_maxrss / 1024
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--size", type=float, default=16, help="MiB per case (default 16)")
    parser.add_argument("--cases", nargs="*", default=list(CASES), choices=list(CASES))
    args = parser.parse_args()
    size = int(args.size * 1024 * 1024) - 1024

    print(
        f"{'case':<18} {'size':>8} {'toc min':>8} {'toc med':>8} {'raw min':>8} "
        f"{'ratio':>6} {'toc peak':>9} {'raw peak':>9}  outcome"
    )
    for case in args.cases:
        toc_runs: list[dict[str, object]] = []
        raw_runs: list[dict[str, object]] = []
        for round_ in range(args.rounds):
            # Interleaved, the order alternating from round to round.
            order = ("toc", "raw") if round_ % 2 == 0 else ("raw", "toc")
            for what in order:
                (toc_runs if what == "toc" else raw_runs).append(run_child(case, what, size))
        toc_cpu = [float(r["cpu"]) for r in toc_runs]  # type: ignore[arg-type]
        raw_cpu = [float(r["cpu"]) for r in raw_runs]  # type: ignore[arg-type]
        chars = int(toc_runs[0]["chars"])  # type: ignore[call-overload]
        print(
            f"{case:<18} {chars / 2**20:>6.1f}Mi {min(toc_cpu):>7.2f}s "
            f"{statistics.median(toc_cpu):>7.2f}s {min(raw_cpu):>7.2f}s "
            f"{min(toc_cpu) / max(min(raw_cpu), 1e-6):>5.1f}x "
            f"{max(float(r['rss_mb']) for r in toc_runs):>7.0f}MB "  # type: ignore[arg-type]
            f"{max(float(r['rss_mb']) for r in raw_runs):>7.0f}MB  "  # type: ignore[arg-type]
            f"{toc_runs[0]['outcome']}",
            flush=True,
        )


if __name__ == "__main__":
    main()
