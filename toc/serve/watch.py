"""Noticing that the document file changed: `watchfiles`, debounced.

The watcher follows the file's folder (not the file itself), so that an
editor that saves by writing a new file and renaming it over the old one —
most do — is followed like one that writes in place, and a file that is
deleted and written again comes back. A burst of changes (an editor writing
in several steps) is one reload: `watchfiles` waits until the folder has been
quiet for ``step`` milliseconds (at most ``debounce`` in all).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable

__all__ = ["Watcher"]


class Watcher:
    """Calls ``on_change`` after each (debounced) change of the file at ``path``."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        on_change: Callable[[], object],
        *,
        step_ms: int = 20,
        debounce_ms: int = 400,
    ) -> None:
        self.path = os.path.realpath(os.fspath(path))
        self.on_change = on_change
        self.step_ms = step_ms
        self.debounce_ms = debounce_ms
        self._stop = threading.Event()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name="toc-serve-watch", daemon=True)

    def _wanted(self, _change: object, path: str) -> bool:
        return os.path.realpath(path) == self.path

    def _run(self) -> None:
        from watchfiles import watch

        folder = os.path.dirname(self.path)
        changes = watch(
            folder,
            watch_filter=self._wanted,
            debounce=self.debounce_ms,
            step=self.step_ms,
            stop_event=self._stop,
            rust_timeout=50,
            yield_on_timeout=True,
            recursive=False,
            raise_interrupt=False,
        )
        for found in changes:
            # The first (empty) batch comes once the watch is in place.
            self._ready.set()
            if found and not self._stop.is_set():
                self.on_change()

    def start(self, timeout: float = 5.0) -> None:
        """Start watching; return once the watch is in place."""
        self._thread.start()
        self._ready.wait(timeout)

    def stop(self) -> None:
        """Stop watching and wait for the watcher thread to end."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=5)
