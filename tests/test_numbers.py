"""`toc.i18n.format_number` writes what Babel's number pattern writes, for any finite number.

The formatter writes the digits itself (Babel's pattern costs five times as much, and a
report or an assessment formats thousands of numbers); Babel stays the oracle.
"""

from __future__ import annotations

import decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from toc import i18n


def _babel(value: float, language: str, decimals: int | None) -> str:
    shown = round(value, 6 if decimals is None else decimals)
    with decimal.localcontext() as context:
        context.prec = 400
        out = i18n._number_pattern(decimals).apply(shown if shown else 0, i18n._locale(language))
    return i18n._plain_minus(str(out))


@settings(max_examples=400, deadline=None)
@given(
    st.one_of(
        st.floats(allow_nan=False, allow_infinity=False),
        st.integers(min_value=-(10**40), max_value=10**40),
    ),
    st.sampled_from(["sv", "en"]),
    st.sampled_from([None, 0, 1, 2, 3]),
)
def test_format_number_writes_what_babel_writes(
    value: float, language: str, decimals: int | None
) -> None:
    assert i18n.format_number(value, language, decimals) == _babel(value, language, decimals)


def test_examples_a_reader_sees() -> None:
    assert i18n.format_number(1234567.5, "sv") == "1\xa0234\xa0567,5"
    assert i18n.format_number(1234567.5, "en") == "1,234,567.5"
    assert i18n.format_number(0.5, "sv") == "0,5"
    assert i18n.format_number(-1234.25, "sv", 1) == "-1\xa0234,2"
    assert i18n.format_number(-0.0001, "en", 2) == "0.00"
    assert i18n.format_number(1.7e308, "en").startswith("170,000,000,000,000,000,000")
