"""Pausing the cyclic garbage collector around bulk work — the one process-wide switch the
library uses.

Loading, checking and assessing a large document allocate hundreds of
thousands of small objects and no reference cycles of their own; the
collector's repeated scans of them cost more than the work itself at 10,000
nodes (``benchmarks/bench_load.py`` prints the figures). A synthesis of many
documents is the same kind of job: they pile up as it reads them, and the
scans took almost half its time at 500 documents (``benchmarks/bench_synthesis.py``).
Reference counting still frees everything while the collector rests.

The pause is the only process-wide state toc's library code touches. (The
``toc`` command line, which owns its process, also points file descriptor 2
elsewhere for a moment before it draws, to hold back a font warning:
`toc.diagram.engine.hold_back_font_warnings`. Library code never calls that.)
The pause is kept small:

- only large jobs pause it: a document of `PAUSE_FROM` elements or more (or
  about that much text), or one synthesis of documents that have that many
  together (`toc.synthesis.analysis.bulk`). A host that handles small
  documents one at a time — a web service, a workshop page — never sees the
  collector paused by toc;
- pauses nest and may overlap across threads; the collector is enabled again
  when the last of them ends, and only if it was enabled when the first began
  (a host that runs with the collector off keeps it off).

Nothing a program computes depends on when the collector runs.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["CHARACTERS_PER_ELEMENT", "PAUSE_FROM", "collector_paused"]

PAUSE_FROM = 2_000
"""Elements of a document (nodes, links, mechanisms, evidence items, ...) from which the
collector is paused: below it, its scans cost little and the host keeps it running."""

CHARACTERS_PER_ELEMENT = 200
"""About how much YAML or JSON text one element takes: how large a text is, before it is
read, in elements."""

_lock = threading.Lock()
_pauses = 0
_was_enabled = False


@contextmanager
def collector_paused(elements: int) -> Iterator[None]:
    """Pause Python's cyclic garbage collector for a block of work on ``elements``
    elements, if there are `PAUSE_FROM` or more (see above)."""
    global _pauses, _was_enabled
    if elements < PAUSE_FROM:
        yield
        return
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
