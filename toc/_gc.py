"""Pausing the cyclic garbage collector around bulk work — the one process-wide switch toc uses.

Loading, checking and assessing a large document allocate hundreds of
thousands of small objects and no reference cycles of their own; the
collector's repeated scans of them cost more than the work itself at 10,000
nodes (``benchmarks/bench_load.py`` prints the figures). Reference counting
still frees everything while the collector rests.

The pause is the only process-wide state toc touches, and it is made safe to
share: pauses nest and may overlap across threads; the collector is enabled
again when the last of them ends, and only if it was enabled when the first
began (a host that runs with the collector off keeps it off). Nothing a
program computes depends on when the collector runs.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["collector_paused"]

_lock = threading.Lock()
_pauses = 0
_was_enabled = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for the duration of a block (see above)."""
    global _pauses, _was_enabled
    with _lock:
        if _pauses == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _lock:
            _pauses -= 1
            if _pauses == 0 and _was_enabled:
                gc.enable()
