"""Pausing the cyclic garbage collector around bulk work."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["collector_paused"]


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for the duration of a block.

    Loading, checking and assessing a large document allocate hundreds of
    thousands of small objects and no reference cycles of their own; the
    collector's repeated scans of them cost a third or more of the time
    (benchmarks/bench_load.py, benchmarks/bench_assess.py). Reference counting
    still frees everything, and the collector's previous state is restored,
    also when the block raises.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
