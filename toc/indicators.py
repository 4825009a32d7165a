"""An indicator's current reading and whether it reaches its target: the one rule.

- The **current reading** is the latest of ``actual`` by date; a reading
  without a date is older than any dated one, and of two readings with the
  same date the later one in the document wins (as for judgements).
- The **status** is ``no_reading`` without a reading, ``no_target`` without a
  target, else ``met`` or ``not_met``. The target is met when the reading is
  at or above it, or, for an indicator meant to fall (a target below the
  baseline), at or below it.

>>> from toc.model import Indicator
>>> falling = Indicator(id="i", name="Waiting time", baseline={"value": 30},
...                     target={"value": 10}, actual=[{"value": 12, "date": "2019"},
...                                                   {"value": 9, "date": "2020"}])
>>> latest(falling).value, status(falling)
(9, 'met')
>>> status(Indicator(id="j", name="Share", target={"value": 70}))
'no_reading'
"""

from __future__ import annotations

from typing import Literal

from toc.model import Indicator, Measurement

__all__ = ["INDICATOR_STATUSES", "IndicatorStatus", "latest", "status"]

IndicatorStatus = Literal["met", "not_met", "no_target", "no_reading"]
"""How far an indicator's current reading is from its target."""

INDICATOR_STATUSES: tuple[IndicatorStatus, ...] = ("met", "not_met", "no_target", "no_reading")


def latest(indicator: Indicator) -> Measurement | None:
    """The current reading of ``indicator`` (see the module docstring), or None."""
    if not indicator.actual:
        return None
    return max(enumerate(indicator.actual), key=lambda p: (p[1].date or "", p[0]))[1]


def status(indicator: Indicator) -> IndicatorStatus:
    """Whether ``indicator``'s current reading reaches its target (see the module docstring)."""
    reading = latest(indicator)
    if reading is None:
        return "no_reading"
    target = indicator.target
    if target is None:
        return "no_target"
    rising = indicator.baseline is None or target.value >= indicator.baseline.value
    met = reading.value >= target.value if rising else reading.value <= target.value
    return "met" if met else "not_met"
