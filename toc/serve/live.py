"""The live document: read again on every change, never written.

`Live` holds what the page shows: the last document that loaded, its
assessment (judged once per revision), its check findings, the diagrams
drawn from it (one per view, drawn on demand and kept until the next good
revision), and — when the file is broken — the load problems. A broken file
never replaces the last good diagram: the page keeps it and shows the
problems in a banner until the file loads again. An unexpected error (a bug
in toc) is shown the same way, as an internal error: `reload` never raises,
so the watcher that calls it goes on following the file.

Every read bumps the ``revision``; ``good_revision`` is the revision of the
document the diagrams show. Readers wait for a new revision with `wait`.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from toc.assessment import Assessment, assess
from toc.checking import check
from toc.diagram import draw
from toc.diagram.engine import RenderError
from toc.diagram.options import options_from
from toc.errors import DocumentError, OptionError, TocError
from toc.files import load
from toc.findings import Finding
from toc.i18n import text
from toc.model import Document
from toc.serve.details import details
from toc.serve.views import view_key, view_options

__all__ = ["Live", "Snapshot"]


@dataclass(frozen=True)
class Snapshot:
    """The state of the live document after one read of the file."""

    revision: int
    """How many times the file has been read (0: not yet)."""
    good_revision: int
    """The revision of the document the diagrams show (0: none loaded yet)."""
    last_good: float | None
    """When that document was read and drawn (seconds since the epoch)."""
    document: Document | None
    """The last document that loaded."""
    assessment: Assessment | None
    """Its assessment (all interventions)."""
    findings: tuple[Finding, ...] = ()
    """Its check findings (`toc.check`)."""
    problems: tuple[Finding, ...] = ()
    """Why the current file does not load; empty when it does."""
    panel: Mapping[str, Any] = field(default_factory=dict)
    """The side panel's data for the document (`toc.serve.details.details`)."""

    @property
    def ok(self) -> bool:
        """Whether the file as it is now loads and draws."""
        return not self.problems and self.document is not None


def _iso(moment: float | None) -> str | None:
    if moment is None:
        return None
    return datetime.fromtimestamp(moment, UTC).isoformat(timespec="milliseconds")


def _finding(finding: Finding) -> dict[str, Any]:
    return {
        "code": finding.code,
        "severity": finding.severity,
        "message": finding.message,
        "hint": finding.hint,
        "line": finding.line,
        "column": finding.column,
        "where": finding.where(),
    }


class Live:
    """A document file followed as it changes; thread-safe.

    ``reload`` reads the file (the watcher calls it after each change);
    ``diagram`` draws the last good document in a view; ``status`` is what
    ``/status.json`` serves. Graphviz runs in one thread at a time.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        clock: Callable[[], float] = time.time,
        default_view: Mapping[str, str] | None = None,
    ) -> None:
        self.path = os.path.abspath(os.fspath(path))
        self.default_view = dict(default_view or {})
        view_options(self.default_view)  # checked once, before anything is served
        self._clock = clock
        self._changed = threading.Condition()
        self._draw_lock = threading.Lock()
        self._cache: dict[tuple[int, tuple[tuple[str, Any], ...]], bytes] = {}
        self._closed = False
        self._state = Snapshot(0, 0, None, None, None)

    # ------------------------------------------------------------ reading

    def reload(self) -> Snapshot:
        """Read the file again; keep the last good document if it does not load.

        Never raises: a load problem, a drawing error or an unexpected error
        (an internal error, a bug) becomes the snapshot's ``problems``, and
        the next call tries again.
        """
        previous = self.snapshot()
        revision = previous.revision + 1
        try:
            doc = load(self.path)
            result = assess(doc)
            findings = tuple(check(doc, assessment=result))
            panel = details(doc, result)
            state = Snapshot(revision, revision, self._clock(), doc, result, findings, (), panel)
            # Draw the default view now, so that the first page to ask has it at once.
            svg = self._draw(state, self.default_view)
        except DocumentError as err:
            state = self._broken(previous, revision, tuple(err.problems))
            svg = None
        except (RenderError, OptionError, TocError) as err:
            state = self._broken(previous, revision, (Finding(str(err), file=self.path),))
            svg = None
        except Exception as err:  # a bug in toc: shown, and the watcher goes on
            state = self._broken(previous, revision, (self._internal(previous, err),))
            svg = None
        with self._changed:
            if svg is not None:
                self._cache = {(revision, view_key(self.default_view)): svg}
            self._state = state
            self._changed.notify_all()
        return state

    def _internal(self, previous: Snapshot, err: Exception) -> Finding:
        """An unexpected error (a bug in toc) as the banner shows it: the next save is tried
        again, and the last good diagram stays meanwhile."""
        lang = previous.document.language if previous.document else "en"
        error = f"{type(err).__name__}: {err}" if str(err) else type(err).__name__
        return Finding(
            text("serve.internal_error", lang, error=error),
            hint=text("serve.internal_error.hint", lang),
            file=self.path,
        )

    def _broken(self, previous: Snapshot, revision: int, problems: tuple[Finding, ...]) -> Snapshot:
        return Snapshot(
            revision,
            previous.good_revision,
            previous.last_good,
            previous.document,
            previous.assessment,
            previous.findings,
            problems,
            previous.panel,
        )

    def snapshot(self) -> Snapshot:
        """The state now."""
        with self._changed:
            return self._state

    def wait(self, revision: int, timeout: float) -> Snapshot:
        """The state once its revision is past ``revision`` (or after ``timeout`` seconds)."""
        with self._changed:
            self._changed.wait_for(
                lambda: self._state.revision > revision or self._closed, timeout=timeout
            )
            return self._state

    def close(self) -> None:
        """Wake every waiter (the server is stopping)."""
        with self._changed:
            self._closed = True
            self._changed.notify_all()

    @property
    def closed(self) -> bool:
        """Whether `close` was called."""
        return self._closed

    # ------------------------------------------------------------ drawing

    def _draw(self, state: Snapshot, query: Mapping[str, str]) -> bytes:
        assert state.document is not None
        options = options_from(view_options(query), assessment=state.assessment)
        with self._draw_lock:
            return draw(state.document, "svg", options)

    def diagram(self, query: Mapping[str, str], state: Snapshot | None = None) -> bytes | None:
        """The SVG of the last good document in the view ``query`` (None before any loaded).

        Raises `toc.errors.OptionError` for a view the document does not allow
        (an unknown parameter, intervention or focus).
        """
        state = state or self.snapshot()
        if state.document is None:
            view_options(query)
            return None
        key = (state.good_revision, view_key(query))
        with self._changed:
            found = self._cache.get(key)
        if found is not None:
            return found
        svg = self._draw(state, query)
        with self._changed:
            if state.good_revision == self._state.good_revision:
                if len(self._cache) >= 32:
                    self._cache.clear()
                self._cache[key] = svg
        return svg

    # ------------------------------------------------------------ status

    def status(self, state: Snapshot | None = None) -> dict[str, Any]:
        """What ``/status.json`` serves (see docs/facilitator.md, "For other tools")."""
        state = state or self.snapshot()
        doc = state.document
        return {
            "document": self.path,
            "revision": state.revision,
            "good_revision": state.good_revision,
            "ok": state.ok,
            "last_good": _iso(state.last_good),
            "id": doc.id if doc else None,
            "title": doc.title if doc else None,
            "language": doc.language if doc else None,
            "findings": [_finding(f) for f in state.findings],
            "problems": [_finding(f) for f in state.problems],
        }
