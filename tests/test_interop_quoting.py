"""The one escaping module of the exchange formats: input → exact output, hostile text included."""

from __future__ import annotations

import csv
import io
from xml.parsers import expat

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import TRICKY_TEXT

from toc.interop.quoting import (
    cell_text,
    csv_text,
    formula_like,
    html_text,
    join_values,
    read_cell_text,
    read_csv_text,
    split_values,
    xml_text,
)

# Formula injection (OWASP "CSV injection"): a spreadsheet reads these as formulas.
FORMULAS = [
    "=cmd|' /C calc'!A0",
    '=HYPERLINK("http://x","y")',
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "\n=1+1",
]


@pytest.mark.parametrize("text", FORMULAS)
def test_formula_like_text_is_never_a_formula_in_csv(text: str) -> None:
    field = csv_text(text)
    assert field.startswith("'")
    assert not formula_like(field)
    assert read_csv_text(field) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain", "plain"),
        ("Förändring åäö", "Förändring åäö"),
        ("", "'"),
        ("'quoted", "''quoted"),
        ("=1+1", "=1+1"),  # a workbook stores it as a text cell with a quote prefix
        ("bell \x07 nul \x00", "bell _x0007_ nul _x0000_"),
        ("crlf\r\nline", "crlf_x000D_\nline"),
        ("_x0041_ stays", "_x005F_x0041_ stays"),
        ("_x004 short", "_x004 short"),
        ("\ufffe\uffff", "_xFFFE__xFFFF_"),
        ("emoji 🚀🇸🇪", "emoji 🚀🇸🇪"),
        ("tab\tinside", "tab\tinside"),
        ("a|b \\ c", "a|b \\ c"),
    ],
)
def test_cell_text(text: str, expected: str) -> None:
    assert cell_text(text) == expected
    assert read_cell_text(expected) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain", "plain"),
        ("", "'"),
        ("'quoted", "''quoted"),
        ("-5 % cost", "'-5 % cost"),
        ("+46 40 12 34", "'+46 40 12 34"),
        ("@home", "'@home"),
        ("nul \x00", "nul \x00"),
    ],
)
def test_csv_text(text: str, expected: str) -> None:
    assert csv_text(text) == expected
    assert read_csv_text(expected) == text


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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain", "plain"),
        ('A & "B" <c>', "A &amp; &quot;B&quot; &lt;c&gt;"),
        ("]]> <!-- --> <?pi?>", "]]&gt; &lt;!-- --&gt; &lt;?pi?&gt;"),
        ("<!DOCTYPE x [<!ENTITY a 'b'>]>", "&lt;!DOCTYPE x [&lt;!ENTITY a 'b'&gt;]&gt;"),
        ("&amp; &#65;", "&amp;amp; &amp;#65;"),
        ("line\nbreak\ttab\rcr", "line&#10;break&#9;tab&#13;cr"),
        ("nul \x00 bell \x07 \ufffe", "nul \ufffd bell \ufffd \ufffd"),
        ("Förändring 🚀", "Förändring 🚀"),
    ],
)
def test_xml_text(text: str, expected: str) -> None:
    assert xml_text(text) == expected


@settings(max_examples=200)
@given(st.one_of(st.sampled_from(TRICKY_TEXT), st.text(max_size=30)))
def test_xml_text_reads_back_as_written(text: str) -> None:
    """An attribute holding any text parses and gives the text back (bar forbidden characters)."""
    document = f'<a v="{xml_text(text)}">{xml_text(text)}</a>'.encode()
    found: dict[str, str] = {}
    body: list[str] = []
    parser = expat.ParserCreate()
    parser.StartElementHandler = lambda tag, attrs: found.update(attrs)
    parser.CharacterDataHandler = body.append
    parser.Parse(document, True)

    def kept(c: str) -> bool:
        if c in "\t\n\r":
            return True
        return c >= " " and c not in "\ufffe\uffff" and not 0xD800 <= ord(c) <= 0xDFFF

    allowed = "".join(c if kept(c) else "\ufffd" for c in text)
    assert found["v"] == allowed
    assert "".join(body) == allowed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<b>R&D</b>", "&lt;b&gt;R&amp;D&lt;/b&gt;"),
        ("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"),
        ('it\'s "quoted"', "it&#39;s &quot;quoted&quot;"),
        ("two\nlines", "two<br>lines"),
        ("crlf\r\nline", "crlf<br>line"),
    ],
)
def test_html_text(text: str, expected: str) -> None:
    assert html_text(text) == expected


def test_csv_fields_survive_the_csv_module() -> None:
    row = [csv_text(t) for t in [*FORMULAS, *TRICKY_TEXT]]
    buffer = io.StringIO()
    csv.writer(buffer).writerow(row)
    (back,) = list(csv.reader(io.StringIO(buffer.getvalue(), newline="")))
    assert [read_csv_text(v) for v in back] == [*FORMULAS, *TRICKY_TEXT]
    assert not any(formula_like(v) for v in back)
