"""Which verdict a mechanism badge shows.

The rule (documented in docs/diagrams.md, "Colouring by verdict"):

- For one intervention (``intervention="ic"``): the current judgement of the
  mechanism for that intervention — the latest by date, a later entry in the
  document winning a tie — or, if there is none, the current judgement made
  across all interventions (a judgement without ``intervention``).
- For the whole document: the current judgement across all interventions if
  there is one; otherwise the current judgement for each intervention, one
  cell per intervention in declared order (an intervention without one shows
  as unassessed), collapsed into a single cell when they all agree.
- No judgement at all: ``unassessed``.

A caller can pass verdicts instead (for instance suggestions computed from the
evidence); then the recorded judgements are not used at all.
"""

from __future__ import annotations

from collections.abc import Mapping

from mechanisms.judge import history
from mechanisms.types import MECHANISM_VERDICTS
from toc.errors import OptionError
from toc.model import Document

__all__ = ["UNASSESSED", "VerdictCell", "badge_verdicts", "weakest"]

UNASSESSED = "unassessed"

VerdictCell = tuple[str | None, str]
"""(intervention id or None for "all interventions", verdict)."""

# From least to most favourable: a link with several mechanisms is drawn in
# the colour of the least favourable of them (a chain is as strong as its
# weakest link).
_ORDER = ("not_held", "partly_held", "inconclusive", "too_early", UNASSESSED, "held")


def weakest(verdicts: list[str]) -> str:
    """The least favourable of some verdicts.

    >>> weakest(["held", "partly_held", "unassessed"])
    'partly_held'
    """
    return min(verdicts, key=_ORDER.index)


def _verdict(doc: Document, mechanism: str, intervention: str | None, fall_back: bool) -> str:
    # The one rule for "current": `mechanisms.judge.history` (latest by date,
    # undated oldest, the later entry winning a tie).
    current = history(doc.judgements, mechanism, intervention, fall_back=fall_back).current
    return current.judgement.verdict if current else UNASSESSED


def _recorded(doc: Document, mechanism: str, intervention: str | None) -> list[VerdictCell]:
    if intervention is not None:
        return [(intervention, _verdict(doc, mechanism, intervention, fall_back=True))]
    across = _verdict(doc, mechanism, None, fall_back=False)
    if across != UNASSESSED:
        return [(None, across)]
    cells: list[VerdictCell] = [
        (i.id, _verdict(doc, mechanism, i.id, fall_back=False)) for i in doc.interventions
    ]
    if not cells or all(verdict == UNASSESSED for _, verdict in cells):
        return [(None, UNASSESSED)]
    if len({verdict for _, verdict in cells}) == 1:
        return [(None, cells[0][1])]
    return cells


def _given(
    doc: Document,
    given: Mapping[str, str | Mapping[str, str]],
    mechanism: str,
    intervention: str | None,
) -> list[VerdictCell]:
    value = given.get(mechanism, UNASSESSED)
    if isinstance(value, str):
        return [(intervention, value)]
    if intervention is not None:
        return [(intervention, value.get(intervention, UNASSESSED))]
    cells: list[VerdictCell] = [(i.id, value[i.id]) for i in doc.interventions if i.id in value]
    if not cells:
        return [(None, UNASSESSED)]
    if len({verdict for _, verdict in cells}) == 1:
        return [(None, cells[0][1])]
    return [(i.id, value.get(i.id, UNASSESSED)) for i in doc.interventions]


def _check_given(doc: Document, given: Mapping[str, str | Mapping[str, str]]) -> None:
    allowed = (*MECHANISM_VERDICTS, UNASSESSED)
    mechanism_ids = [m.id for m in doc.mechanisms]
    intervention_ids = [i.id for i in doc.interventions]
    for key, value in given.items():
        if key not in mechanism_ids:
            raise OptionError(
                f"verdicts names {key!r}, which is not a mechanism of document {doc.id!r}"
            )
        per = {"": value} if isinstance(value, str) else value
        for intervention, verdict in per.items():
            if intervention and intervention not in intervention_ids:
                raise OptionError(
                    f"verdicts[{key!r}] names {intervention!r}, which is not an intervention "
                    f"of document {doc.id!r}"
                )
            if verdict not in allowed:
                raise OptionError(
                    f"verdicts[{key!r}] is {verdict!r}; a mechanism verdict is one of "
                    + ", ".join(allowed)
                )


def badge_verdicts(
    doc: Document,
    intervention: str | None,
    given: Mapping[str, str | Mapping[str, str]] | None = None,
) -> dict[str, list[VerdictCell]]:
    """The verdict cells of every mechanism's badge, by mechanism id.

    >>> import toc
    >>> doc = toc.loads('''
    ... format: 1
    ... id: demo
    ... title: Demo
    ... interventions: [{id: a, name: A}, {id: b, name: B}]
    ... mechanisms: [{id: m, title: M}]
    ... judgements:
    ...   - {about: m, intervention: a, verdict: held, date: "2018"}
    ...   - {about: m, intervention: a, verdict: not_held, date: "2019"}
    ...   - {about: m, intervention: b, verdict: held}
    ... ''')
    >>> badge_verdicts(doc, None)
    {'m': [('a', 'not_held'), ('b', 'held')]}
    >>> badge_verdicts(doc, "b")
    {'m': [('b', 'held')]}
    >>> badge_verdicts(doc, None, {"m": "partly_held"})
    {'m': [(None, 'partly_held')]}
    """
    if given is not None:
        _check_given(doc, given)
        return {m.id: _given(doc, given, m.id, intervention) for m in doc.mechanisms}
    return {m.id: _recorded(doc, m.id, intervention) for m in doc.mechanisms}
