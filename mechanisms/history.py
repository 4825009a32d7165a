"""The history of recorded judgements: which one is current, which are earlier.

One rule for "current" everywhere (judge, report, diagram, diff): the latest
by date, undated judgements older than any dated one, a partial date before a
more precise one in the same period, and the later entry in the document
winning a tie. Judgements made across all interventions (no
``intervention``) stand for an intervention that has none of its own.

Index the judgements once with `Histories` when asking about many things;
`history` answers one question.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from mechanisms.model import Judgement

__all__ = ["Dated", "Histories", "History", "history"]


@dataclass(frozen=True, slots=True)
class Dated:
    """One recorded judgement and its position in the document's list."""

    index: int
    """Position in the sequence of judgements given (``judgements[index]``)."""
    judgement: Judgement
    """The judgement itself."""


@dataclass(frozen=True, slots=True)
class History:
    """The judgements of one thing in one intervention: the current one and the earlier ones."""

    current: Dated | None
    """The latest judgement; None if there is none."""
    earlier: list[Dated]
    """The earlier judgements, newest first: kept, shown, never overwritten."""
    scope: Literal["intervention", "across"] | None
    """``across`` when the current judgement is one made across all interventions
    (no intervention-specific judgement exists)."""


def _date_key(dated: Dated) -> tuple[int, str, int]:
    # Undated judgements are older than any dated one; a partial date sorts
    # before a more precise one in the same period ("2018" < "2018-05");
    # equal dates go by position, the later one being newer.
    date = dated.judgement.date
    return (0 if date is None else 1, date or "", dated.index)


def history(
    judgements: Sequence[Judgement],
    about: str,
    intervention: str | None,
    *,
    fall_back: bool = True,
) -> History:
    """The history of judgements of ``about`` in ``intervention``.

    The latest by date is current. With ``fall_back`` and no judgement for
    the intervention itself, the judgements made across all interventions
    (``intervention`` absent) are used and ``scope`` says ``across``.

    >>> js = [Judgement(about="m", verdict="held", date="2018-05"),
    ...       Judgement(about="m", verdict="not_held", date="2019"),
    ...       Judgement(about="m", verdict="partly_held", date="2018")]
    >>> h = history(js, "m", None)
    >>> h.current.judgement.verdict, [d.judgement.verdict for d in h.earlier]
    ('not_held', ['held', 'partly_held'])
    >>> h.current.index
    1
    """
    return _history(list(enumerate(judgements)), about, intervention, fall_back=fall_back)


def _history(
    numbered: Sequence[tuple[int, Judgement]],
    about: str,
    intervention: str | None,
    *,
    fall_back: bool = True,
) -> History:
    own = [(i, j) for i, j in numbered if j.about == about and j.intervention == intervention]
    if own:
        return _ordered(own, "intervention")
    if fall_back and intervention is not None:
        across = [(i, j) for i, j in numbered if j.about == about and j.intervention is None]
        if across:
            return _ordered(across, "across")
    return _NONE


def _ordered(
    numbered: Sequence[tuple[int, Judgement]], scope: Literal["intervention", "across"]
) -> History:
    """The history of judgements all of one thing and one intervention (or all)."""
    ordered = sorted(
        (Dated(index=i, judgement=j) for i, j in numbered), key=_date_key, reverse=True
    )
    return History(current=ordered[0], earlier=ordered[1:], scope=scope)


_NONE = History(current=None, earlier=[], scope=None)


class Histories:
    """Every judgement of a document, indexed once by what and where it judges.

    >>> js = [Judgement(about="m", verdict="held", intervention="a"),
    ...       Judgement(about="m", verdict="not_held")]
    >>> index = Histories(js)
    >>> index.of("m", "a").current.judgement.verdict, index.of("m", "b").scope
    ('held', 'across')
    >>> index.of("m", "b", fall_back=False).current is None
    True
    """

    def __init__(self, judgements: Sequence[Judgement]) -> None:
        self._by: dict[tuple[str, str | None], list[tuple[int, Judgement]]] = {}
        for i, judgement in enumerate(judgements):
            self._by.setdefault((judgement.about, judgement.intervention), []).append(
                (i, judgement)
            )
        self._cache: dict[tuple[str, str | None, str], History] = {}

    def of(self, about: str, intervention: str | None, *, fall_back: bool = True) -> History:
        """The history of ``about`` in ``intervention``, as `history` gives it."""
        key = (about, intervention)
        if key in self._by:
            return self._group(key, "intervention")
        if fall_back and intervention is not None and (about, None) in self._by:
            return self._group((about, None), "across")
        return _NONE

    def _group(
        self, key: tuple[str, str | None], scope: Literal["intervention", "across"]
    ) -> History:
        found = self._cache.get((*key, scope))
        if found is None:
            found = self._cache[(*key, scope)] = _ordered(self._by[key], scope)
        return found
