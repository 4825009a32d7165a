"""Interop's own ``|`` lists in a cell: input → exact output, hostile text included.

The escaping of a cell's text for its file (workbook, CSV, XML) is `toc.quoting`, pinned in
``tests/test_quoting.py``."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import TRICKY_TEXT

from toc.interop.quoting import join_values, split_values
from toc.quoting import cell_text, csv_text, read_cell_text, read_csv_text


@pytest.mark.parametrize(
    ("values", "cell"),
    [
        (["ic", "spira"], "ic|spira"),
        (["A|B"], "A\\|B"),
        (["back\\slash"], "back\\\\slash"),
        ([" edge "], "\\ edge\\ "),
        (["  "], "\\ \\ "),
        (["", "a"], "|a"),
        (["a", ""], "a|"),
        (["ends with \\"], "ends with \\\\"),
        (["\\|"], "\\\\\\|"),
        (["line\nbreak"], "line\nbreak"),
    ],
)
def test_join_and_split(values: list[str], cell: str) -> None:
    assert join_values(values) == cell
    assert split_values(cell) == values


@pytest.mark.parametrize(
    ("typed", "values"),
    [
        ("ic | spira", ["ic", "spira"]),
        ("ic|spira|", ["ic", "spira", ""]),
        ("C:\\temp", ["C:\\temp"]),
        ("  one  ", ["one"]),
        ("a \\| b", ["a | b"]),
    ],
)
def test_split_what_people_type(typed: str, values: list[str]) -> None:
    assert split_values(typed) == values


@settings(max_examples=200)
@given(st.lists(st.one_of(st.sampled_from(TRICKY_TEXT), st.text(max_size=12)), min_size=1))
def test_join_split_round_trip(values: list[str]) -> None:
    cell = join_values(values)
    assert split_values(cell) == values
    assert read_cell_text(cell_text(cell)) == cell
    assert read_csv_text(csv_text(cell)) == cell
