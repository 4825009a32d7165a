"""The side panel's data (`toc.serve.details`): readings in their unit, as the report says them."""

from __future__ import annotations

import pytest

import toc
from toc.indicators import latest
from toc.interop.logframe import logframe_rows
from toc.serve.details import details

DOCUMENT = """
format: 1
id: units
title: Units
language: {language}
nodes:
  - id: a
    stage: activities
    label: A
    indicators:
      - {{id: share, name: Share, unit: percent, baseline: {{value: 48.5, date: "2019"}},
         target: {{value: 64}}}}
      - {{id: count, name: Count, unit: antal,
         actual: [{{value: 2, date: "2019-01"}}, {{value: 1}}]}}
      - {{id: done, name: Done, unit: "1 = ja, 0 = nej", baseline: {{value: 0}},
         target: {{value: 1}}}}
      - {{id: money, name: Money, unit: kr, actual: [{{value: 1234567.5}}]}}
      - {{id: people, name: People, unit: personer, target: {{value: 1}}}}
      - {{id: way, name: Way, unit: km, actual: [{{value: 12.5, date: "2020"}}]}}
      - {{id: bare, name: Bare, actual: [{{value: 3}}]}}
"""

EXPECTED = {
    "sv": {
        "Share": ("48,5\u00a0% (2019)", "64\u00a0%", []),
        "Count": (None, None, ["2 st. (2019-01)", "1 st."]),
        "Done": ("nej", "ja", []),
        "Money": (None, None, ["1\u00a0234\u00a0567,5 kr"]),
        "People": (None, "1 person", []),
        "Way": (None, None, ["12,5 km (2020)"]),
        "Bare": (None, None, ["3"]),
    },
    "en": {
        "Share": ("48.5% (2019)", "64%", []),
        "Count": (None, None, ["2 (2019-01)", "1"]),
        "Done": ("no", "yes", []),
        "Money": (None, None, ["SEK 1,234,567.5"]),
        "People": (None, "1 person", []),
        "Way": (None, None, ["12.5 km (2020)"]),
        "Bare": (None, None, ["3"]),
    },
}


@pytest.mark.parametrize("language", ["sv", "en"])
def test_panel_readings_are_in_their_unit(language: str) -> None:
    doc = toc.loads(DOCUMENT.format(language=language))
    panel = details(doc, toc.assess(doc))
    shown = {
        i["name"]: (i["baseline"], i["target"], i["readings"])
        for i in panel["nodes"]["a"]["indicators"]
    }
    assert shown == EXPECTED[language]


def test_panel_and_logframe_say_a_reading_alike() -> None:
    # One rule for a value in its unit (toc.i18n.format_measure): the panel and
    # the logframe write baseline, target and the current reading the same way.
    doc = toc.loads(DOCUMENT.format(language="sv"))
    panel = details(doc, toc.assess(doc))["nodes"]["a"]["indicators"]
    indicators = doc.nodes[0].indicators
    current = []
    for shown, indicator in zip(panel, indicators, strict=True):
        reading = latest(indicator)
        current.append(shown["readings"][indicator.actual.index(reading)] if reading else None)
    row = logframe_rows(doc)[3]  # activities
    assert row[0] == "Aktiviteter"
    for column, values in (
        (3, [i["baseline"] for i in panel]),
        (4, [i["target"] for i in panel]),
        (5, current),
    ):
        assert row[column].split("\n") == [v or "–" for v in values]
