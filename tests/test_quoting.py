"""The one escaping module of the text output languages (`toc.quoting`): tables of hostile
input and the exact output each function gives.

The diagram languages (DOT, Mermaid) are pinned in ``tests/test_diagram_quoting.py``,
interop's ``|`` lists in ``tests/test_interop_quoting.py``, the terminal in
``tests/test_cli_terminal.py``.
"""

from __future__ import annotations

import csv
import html as html_module
import io
from xml.parsers import expat

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from report_helpers import markdown_text
from strategies import TRICKY_TEXT

from toc.i18n import format_number, format_percent
from toc.quoting import (
    FORMULA_STARTS,
    cell_text,
    clean,
    csv_text,
    display_cell,
    formula_like,
    html,
    html_text,
    markdown,
    markdown_target,
    markdown_url,
    plain,
    read_cell_text,
    read_csv_text,
    word,
    xml_text,
)

# ------------------------------------------------------------------ characters


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a\tb", "a b"),
        ("a\r\nb\rc", "a\nb\nc"),
        ("\x00\x08\x0b\x0c\x0e\x1f", "\ufffd" * 6),
        ("keep\nnewline", "keep\nnewline"),
        ("\ud800 lone surrogate", "\ufffd lone surrogate"),
        ("\x7f del is legal XML", "\x7f del is legal XML"),
        ("next\x85line\u2028sep\u2029para\rcr", "next\nline\nsep\npara\ncr"),
    ],
)
def test_clean(text: str, expected: str) -> None:
    assert clean(text) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("plain", "plain"),
        ("tab\there", "tab here"),
        ("line\r\nbreak\u2028sep", "line\nbreak\nsep"),
        ("nul\x00", "nul\ufffd"),
        ("esc\x1b[2J", "esc\ufffd[2J"),
        ("osc\x1b]52;c;Zm9v\x07", "osc\ufffd]52;c;Zm9v\ufffd"),
        ("del\x7f c1\x9b", "del\ufffd c1\ufffd"),
        ("nonchar\ufffe\uffff", "nonchar\ufffd\ufffd"),
        ("surrogate\udcfc", "surrogate\ufffd"),
        ("Åäö ”citat” – ✓ \u00a0", "Åäö ”citat” – ✓ \u00a0"),
        (None, ""),
        (46.5, "46.5"),
    ],
)
def test_plain(value: object, expected: str) -> None:
    assert plain(value) == expected


@settings(max_examples=200)
@given(st.one_of(st.sampled_from(TRICKY_TEXT), st.text(max_size=30)))
def test_plain_holds_no_control_character(text: str) -> None:
    shown = plain(text)
    assert all(c == "\n" or (c >= " " and not "\x7f" <= c <= "\x9f") for c in shown)
    assert all(c not in "\ufffe\uffff" and not 0xD800 <= ord(c) <= 0xDFFF for c in shown)
    assert len(shown) <= len(text)


# ------------------------------------------------------------------- Markdown


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("*bold* _i_", "\\*bold\\* \\_i\\_"),
        ("[a](javascript:x)", "\\[a\\](javascript:x)"),
        ("<b>&amp;</b>", "\\<b\\>\\&amp;\\</b\\>"),
        ("a | b", "a \\| b"),
        ("`code` ~~s~~ $x$ {y}", "\\`code\\` \\~\\~s\\~\\~ \\$x\\$ \\{y\\}"),
        ("# heading", "\\# heading"),
        ("## heading", "\\## heading"),
        ("- item", "\\- item"),
        ("+ item", "\\+ item"),
        ("---", "\\---"),
        ("1. item", "1\\. item"),
        ("1) item", "1\\) item"),
        ("> quote", "\\> quote"),
        ("line\nbreak  and   spaces", "line break and spaces"),
        ("\\", "\\\\"),
        ("!important", "!important"),
        ("esc\x1b[2J", "esc\ufffd\\[2J"),
        # The synthesis chapter's table (its own escaper until both moved here).
        ("<b>", "\\<b\\>"),
        ("*x* _y_ `z`", "\\*x\\* \\_y\\_ \\`z\\`"),
        ("[l](javascript:x)", "\\[l\\](javascript:x)"),
        ("# title", "\\# title"),
        ("3. third", "3\\. third"),
        ("{{ x }}", "\\{\\{ x \\}\\}"),
        ("two\nlines", "two lines"),
        ("Åmål & Svalöv", "Åmål \\& Svalöv"),
    ],
)
def test_markdown(value: str, expected: str) -> None:
    assert markdown(value) == expected
    # What a CommonMark reader shows is the text itself.
    _, shown = markdown_text(f"x {markdown(value)}")
    assert shown == " ".join(f"x {plain(value)}".split())


@settings(max_examples=150)
@given(st.one_of(st.sampled_from(TRICKY_TEXT), st.text(max_size=20)))
def test_markdown_shows_any_text_literally_at_a_line_start(text: str) -> None:
    # At the start of a paragraph and of a list item alike: no block, no markup.
    expected = " ".join(plain(text).split())
    for line in (markdown(text), f"- {markdown(text)}"):
        html_out, shown = markdown_text(line)
        assert shown.strip() == expected
        assert "<h" not in html_out and "<ol" not in html_out and "<blockquote" not in html_out


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize(
    "number",
    [0.95, 16.6667, -5, -1234.5, 1234567.5, 0, 1e-7],
)
def test_numbers_at_a_line_start_stay_as_they_are(language: str, number: float) -> None:
    # "\0.95" and "\16.67%" showed their backslash: escaping a digit is no escape.
    for text in (
        format_number(number, language),
        format_number(number, language, 2),
        format_percent(number / 100, language),
    ):
        assert markdown(text) == text
        _, shown = markdown_text(markdown(text))
        assert shown == text.replace("\u00a0", " ") or shown == text


def test_markdown_after_a_heading_marker_leaves_numbers_of_headings() -> None:
    assert markdown("3. Hur har mekanismerna fungerat?", line_start=False) == (
        "3. Hur har mekanismerna fungerat?"
    )
    assert markdown("3. Hur", line_start=True) == "3\\. Hur"
    # After a list marker a list may start again: "- 1. x" is a list in a list.
    html_out, _ = markdown_text(f"- {markdown('1. Inledning')}")
    assert "<ol" not in html_out


def test_markdown_link_targets() -> None:
    assert markdown_url("https://example.org/a b (c)") == "https://example.org/a%20b%20%28c%29"
    assert markdown_target("r\udcfc-diagram.svg") == "r%FC-diagram.svg"
    assert markdown_target("my report.svg") == "my%20report.svg"


# ---------------------------------------------------------------- HTML, Word


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("\"a\" & 'b'", "&#34;a&#34; &amp; &#39;b&#39;"),
        ("&amp;", "&amp;amp;"),
        ("{{ 7*7 }}", "{{ 7*7 }}"),
        ("esc\x1b", "esc\ufffd"),
    ],
)
def test_html(value: str, expected: str) -> None:
    assert str(html(value)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<b>R&D</b>", "&lt;b&gt;R&amp;D&lt;/b&gt;"),
        ("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"),
        # Interop wrote &quot; and the report &#34; (Jinja's form): one rule now, Jinja's.
        ('it\'s "quoted"', "it&#39;s &#34;quoted&#34;"),
        ("two\nlines", "two<br>lines"),
        ("crlf\r\nline", "crlf<br>line"),
        ("bell\x07 del\x7f", "bell\ufffd del\ufffd"),
    ],
)
def test_html_text(text: str, expected: str) -> None:
    assert html_text(text) == expected


@settings(max_examples=200)
@given(st.one_of(st.sampled_from(TRICKY_TEXT), st.text(max_size=30)))
def test_html_reads_back_as_plain_text(text: str) -> None:
    """One rule, two shapes: an HTML reader gets `plain` text back from either."""
    assert html_module.unescape(str(html(text))) == plain(text)
    assert html_module.unescape(html_text(text)) == plain(text).replace("\n", "<br>")
    assert "<" not in html_text(text).replace("<br>", "")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("bell\x07 <w:t>&", "bell\ufffd <w:t>&"),
        ("bell\x07", "bell\ufffd"),
        ("<w:t>", "<w:t>"),
    ],
)
def test_word(value: str, expected: str) -> None:
    assert word(value) == expected


# ----------------------------------------------------------------------- XML


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


# ----------------------------------------------------------- spreadsheet cells

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
    ("value", "csv"),
    [
        ("=HYPERLINK(1)", "'=HYPERLINK(1)"),
        ("+1", "'+1"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("Mandat", "Mandat"),
    ],
)
def test_spreadsheet_formulas_are_defused(value: str, csv: str) -> None:
    assert formula_like(value) is (csv != value)
    assert csv_text(value) == csv


def test_every_formula_start_is_one() -> None:
    assert all(formula_like(start + "1") for start in FORMULA_STARTS)
    assert not formula_like("'=1") and not formula_like("1=1")


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


@settings(max_examples=200)
@given(st.one_of(st.sampled_from(TRICKY_TEXT), st.text(max_size=30)))
def test_exchange_cells_read_back_as_written(text: str) -> None:
    assert read_cell_text(cell_text(text)) == text
    assert read_csv_text(csv_text(text)) == text


def test_csv_fields_survive_the_csv_module() -> None:
    row = [csv_text(t) for t in [*FORMULAS, *TRICKY_TEXT]]
    buffer = io.StringIO()
    csv.writer(buffer).writerow(row)
    (back,) = list(csv.reader(io.StringIO(buffer.getvalue(), newline="")))
    assert [read_csv_text(v) for v in back] == [*FORMULAS, *TRICKY_TEXT]
    assert not any(formula_like(v) for v in back)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "=1+1"),  # stored with the quote prefix by the writer
        ("a\x00b", "a\ufffdb"),
        ("esc\x1b[2J del\x7f c1\x9b", "esc\ufffd[2J del\ufffd c1\ufffd"),
        ("_x0041_", "_x005F_x0041_"),
        ("", ""),
        (None, ""),
        ("Åmål\nSvalöv", "Åmål\nSvalöv"),
    ],
)
def test_display_cell(value: object, expected: str) -> None:
    assert display_cell(value) == expected


def test_a_display_cell_shows_as_written_in_a_workbook() -> None:
    """openpyxl writes the cell, and Excel's escape rule reads it back as written."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    texts = ["_x0041_", "bell\x07"]
    for row, text in enumerate(texts, start=1):
        sheet.cell(row=row, column=1, value=display_cell(text))
    data = io.BytesIO()
    book.save(data)
    back = openpyxl.load_workbook(data).active
    assert back is not None
    stored = [back.cell(row=row, column=1).value for row in range(1, len(texts) + 1)]
    # read_cell_text undoes Excel's escapes as Excel does when it shows the cell.
    assert [read_cell_text(str(v)) for v in stored] == ["_x0041_", "bell\ufffd"]
