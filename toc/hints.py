"""Hints for problems: "did you mean ...?" in bounded time, and problems worded late.

A document with thousands of problems shows the first `MAX_PROBLEMS`; a
`Pending` problem is found, counted and placed first, and worded (with its
"did you mean" search among `Suggestions`) only once it is known to be shown.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from itertools import islice
from typing import Any

from toc.findings import Finding, Path, dotted, shown
from toc.i18n import text

__all__ = ["MAX_PROBLEMS", "Pending", "Suggestions", "did_you_mean", "more_problems"]

MAX_PROBLEMS = 50
"""Most problems reported for one document; the rest are counted in a last line."""

_POOL = 400
"""Most candidates a "did you mean" compares a word with."""


class Suggestions:
    """The words a "did you mean ...?" hint may suggest, searched in bounded time.

    Up to `_POOL` words are compared with `difflib` directly. From more (the
    ids of a large document), the candidates are those of a length that
    could reach difflib's cutoff of 0.6 (from 3/7 to 7/3 of the word's),
    nearest lengths and the same first letter first, at most `_POOL` of them:
    the index is built once, so each search costs the same however many ids
    the document has.

    >>> Suggestions(["c-forum", "m-individual"]).closest("c-froum")
    'c-forum'
    >>> many = Suggestions([f"node-{i}" for i in range(100_000)] + ["shared-view"])
    >>> many.closest("shared-veiw"), many.closest("zzz")
    ('shared-view', None)
    """

    def __init__(self, words: Iterable[str]) -> None:
        self.words = list(words)
        self._buckets: dict[tuple[str, int], list[str]] | None = None

    def closest(self, word: str) -> str | None:
        """The word most like ``word`` (difflib ratio 0.6 or more), or None."""
        pool = self.words if len(self.words) <= _POOL else self._pool(word)
        found = difflib.get_close_matches(word, pool, n=1, cutoff=0.6)
        return found[0] if found else None

    def _pool(self, word: str) -> list[str]:
        if self._buckets is None:
            self._buckets = {}
            for candidate in self.words:
                self._buckets.setdefault((candidate[:1], len(candidate)), []).append(candidate)
        buckets = self._buckets
        n = len(word)
        low, high = (3 * n + 6) // 7, (7 * n) // 3
        lengths = sorted(range(low, high + 1), key=lambda k: (abs(k - n), k))
        firsts = dict.fromkeys((word[:1], word[:1].lower()))
        pool: list[str] = []
        for first in firsts:
            for k in lengths:
                pool.extend(buckets.get((first, k), ())[: _POOL - len(pool)])
                if len(pool) >= _POOL:
                    return pool
        for (first, k), bucket in buckets.items():
            if first not in firsts and low <= k <= high:
                pool.extend(bucket[: _POOL - len(pool)])
                if len(pool) >= _POOL:
                    break
        return pool


def did_you_mean(
    value: str, choices: Iterable[str] | Suggestions, language: str = "en"
) -> str | None:
    """A "did you mean ...?" hint in ``language``, or None when nothing is close.

    >>> did_you_mean("statment", ["statement", "title"]), did_you_mean("x", ["statement"])
    ("did you mean 'statement'?", None)
    >>> did_you_mean("c-froum", ["c-forum"], "sv")
    "menade du 'c-forum'?"
    """
    index = choices if isinstance(choices, Suggestions) else Suggestions(choices)
    close = index.closest(value)
    return text("load.did_you_mean", language, choice=close) if close is not None else None


@dataclass(frozen=True, slots=True)
class Pending:
    """A load problem found but not yet worded: its place, its catalogue keys and fields.

    Wording waits until the problem is known to be among those reported (the
    first `MAX_PROBLEMS` in file order), so that a document with thousands of
    broken references costs no "did you mean" search for each of them.
    ``key`` and ``hint`` name entries of `toc.i18n`; ``nouns`` fills a field
    with a catalogue entry in the document's language. An unknown reference
    has ``choices``: the ids the hint suggests from (or lists a few of).
    """

    path: Path
    key: str
    fields: dict[str, Any]
    hint: str
    nouns: tuple[tuple[str, str], ...] = ()
    choices: Collection[str] | None = None

    def word(self, language: str, index: Suggestions | None = None) -> Finding:
        """The problem as a `Finding` in ``language`` (not yet placed in a file).

        ``index`` is the `Suggestions` of ``choices``, when the caller keeps one.
        """
        fields = {k: shown(v) if isinstance(v, str) else v for k, v in self.fields.items()}
        for name, key in self.nouns:
            fields[name] = text(key, language)
        message = f"{dotted(self.path)}: {text(self.key, language, **fields)}"
        hint = None
        if self.choices is not None:
            found = self.fields["value"]
            hint = did_you_mean(found, index or Suggestions(self.choices), language)
            if hint is None:
                few = ", ".join(islice(self.choices, 8))
                key = self.hint if few else self.hint + "_none"
                hint = text(key, language, choices=few, **fields)
        else:
            hint = text(self.hint, language, **fields)
        return Finding(message, self.path, hint)


def more_problems(more: int, shown: int, language: str, *, at_least: bool = False) -> Finding:
    """The last line of a capped list of problems: how many more there are."""
    key = "load.more_at_least" if at_least else "load.more"
    return Finding(
        text(key, language, more=more, shown=shown), hint=text("load.more.hint", language)
    )
