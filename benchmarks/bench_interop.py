"""Benchmark: a generated document to an xlsx workbook and back, against raw openpyxl.

For a generated document (``generate.py``; 10,000 nodes by default) this prints,
in one run, with interleaved rounds and CPU time (``time.process_time``, min
and median of the rounds):

* export: ``toc.interop.spreadsheet.xlsx_bytes(doc)`` — the tables, escaping,
  styles, a byte-stable zip;
* import: ``read_xlsx(path)`` — reading every sheet, decoding the cells,
  validating the document with every reference resolved;
* round trip: export + import, the figure the target is about (under 10 s
  of CPU time for 10,000 nodes on the 2-core CI machine; the wall clock is
  printed beside it and matches on an idle machine);
* raw write: openpyxl alone writing the same rows (write-only workbook, no
  styles), and raw read: openpyxl alone reading them back (read-only, values);
* the ratios toc / raw.

Run::

    python benchmarks/bench_interop.py               # 10,000 nodes, 3 rounds
    python benchmarks/bench_interop.py --nodes 1000 --rounds 5
"""

from __future__ import annotations

import argparse
import gc
import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook

import toc
from toc.interop.spreadsheet import read_xlsx, xlsx_bytes
from toc.interop.tables import to_tables

if str(Path(__file__).resolve().parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate

TARGET_SECONDS = 10.0


def _timed(work: Callable[[], Any]) -> tuple[float, float]:
    gc.collect()
    cpu, wall = time.process_time(), time.perf_counter()
    work()
    return time.process_time() - cpu, time.perf_counter() - wall


def _raw_write(sheets: list[Any]) -> bytes:
    workbook = Workbook(write_only=True)
    for sheet in sheets:
        ws = workbook.create_sheet(sheet.name)
        ws.append(sheet.header)
        for row in sheet.rows:
            ws.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _raw_read(path: Path) -> int:
    workbook = load_workbook(path, read_only=True, data_only=True)
    count = 0
    for sheet in workbook.worksheets:
        for _ in sheet.iter_rows(values_only=True):
            count += 1
    workbook.close()
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--nodes", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)

    doc = toc.validate(generate.generate(args.nodes, seed=1))
    sheets = to_tables(doc)
    rows = sum(len(s.rows) for s in sheets)
    cells = sum(len(s.rows) * len(s.header) for s in sheets)
    print(
        f"document: {len(doc.nodes):,} nodes, {len(doc.links):,} links, "
        f"{len(doc.evidence):,} evidence items; {rows:,} rows, {cells:,} cells"
    )
    times: dict[str, list[tuple[float, float]]] = {
        k: [] for k in ("export", "import", "raw write", "raw read")
    }
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "doc.xlsx"
        raw_path = Path(folder) / "raw.xlsx"
        path.write_bytes(xlsx_bytes(doc))
        raw_path.write_bytes(_raw_write(sheets))
        sizes = path.stat().st_size, raw_path.stat().st_size
        print(f"workbook: {sizes[0]:,} bytes (raw openpyxl: {sizes[1]:,})")
        back = read_xlsx(path)
        assert toc.dumps(back, "json") == toc.dumps(doc, "json"), "the round trip changed it"
        for _ in range(args.rounds):  # interleaved: each round runs every measurement once
            times["export"].append(_timed(lambda: xlsx_bytes(doc)))
            times["raw write"].append(_timed(lambda: _raw_write(to_tables(doc))))
            times["import"].append(_timed(lambda: read_xlsx(path)))
            times["raw read"].append(_timed(lambda: _raw_read(raw_path)))

    def cpu(name: str) -> tuple[float, float]:
        values = [c for c, _ in times[name]]
        return min(values), statistics.median(values)

    print(f"{'':12} {'cpu min':>9} {'cpu median':>11} {'wall min':>9}")
    for name in times:
        low, mid = cpu(name)
        wall = min(w for _, w in times[name])
        print(f"{name:12} {low:9.2f} {mid:11.2f} {wall:9.2f}")
    trip_cpu = cpu("export")[0] + cpu("import")[0]
    trip_wall = min(w for _, w in times["export"]) + min(w for _, w in times["import"])
    print(f"{'round trip':12} {trip_cpu:9.2f} {'':11} {trip_wall:9.2f}")
    print(f"ratio export / raw write: {cpu('export')[0] / cpu('raw write')[0]:.2f}")
    print(f"ratio import / raw read:  {cpu('import')[0] / cpu('raw read')[0]:.2f}")
    # CPU time: what the work costs, whatever else the machine is doing (on an
    # idle machine the wall clock shows the same).
    verdict = "met" if trip_cpu < TARGET_SECONDS else "NOT met"
    print(f"target: round trip under {TARGET_SECONDS:g} s (CPU): {verdict} ({trip_cpu:.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
