"""User-facing text in Swedish and English: the catalogue's sentences, numbers, dates, units.

Every sentence the library shows a reader comes from the catalogue
(`toc.catalogue`, one table per part of toc), through `text`, so that a
Swedish document gets Swedish findings and headings. Numbers, percentages,
dates and measures are written as a reader of the language writes them
(`format_number`, …, built on Babel).
"""

from __future__ import annotations

import decimal
import functools
import math
import re
from typing import Any, Literal

from toc.catalogue import CATALOGUE

__all__ = [
    "CATALOGUE",
    "LANGUAGES",
    "Language",
    "format_date",
    "format_measure",
    "format_number",
    "format_percent",
    "template",
    "text",
    "unit_kind",
]

Language = Literal["sv", "en"]
LANGUAGES: tuple[Language, ...] = ("sv", "en")


def template(key: str, language: str, /) -> str:
    """The catalogue entry ``key`` in ``language``, its ``{fields}`` not filled in.

    >>> template("TOC004", "en")
    'nothing leads to the outcome {node!r}'
    """
    entry = CATALOGUE[key]
    return entry.get(language) or entry["en"]


def text(key: str, language: str, /, **fields: Any) -> str:
    """The catalogue entry ``key`` in ``language``, with ``fields`` filled in.

    >>> text("TOC004", "sv", node="jobb")
    "ingenting leder till effekten 'jobb'"
    """
    found = template(key, language)
    return found.format(**fields) if fields else found


_LOCALES = {"sv": "sv_SE", "en": "en_GB"}
"""The Babel locale of each language: Swedish as written in Sweden, British English."""


@functools.cache
def _locale(language: str) -> Any:
    from babel import Locale  # imported on first use: `toc check` needs no number formats

    return Locale.parse(_LOCALES.get(language, "en_GB"))


def _plain_minus(text: str) -> str:
    # CLDR's minus sign differs between locales and Babel versions (U+2212 or
    # "-"); reports use the hyphen-minus, which every reader and program takes.
    return text.replace("\u2212", "-")


def format_number(value: float, language: str, decimals: int | None = None) -> str:
    """A number as a reader of ``language`` writes it: the one number formatter (Babel).

    Digits grouped by thousands (a no-break space in Swedish, a comma in
    English), a decimal comma in Swedish, never scientific notation.
    ``decimals`` fixes the number of decimals; without it, up to six are
    shown and trailing zeros dropped.

    >>> format_number(1234567.5, "sv"), format_number(1234567.5, "en")
    ('1\xa0234\xa0567,5', '1,234,567.5')
    >>> format_number(53.846, "sv", 2), format_number(0.0625, "en", 2), format_number(-0.5, "sv")
    ('53,85', '0.06', '-0,5')
    >>> format_number(1e-7, "en"), format_number(1e20, "en")
    ('0', '100,000,000,000,000,000,000')
    """
    shown = round(value, 6 if decimals is None else decimals)
    # -0.001 rounds to zero, which is written "0", not "-0".
    shown = shown if shown else 0.0
    group, point = _separators(language)
    if not math.isfinite(shown):
        # Not a number toc writes; Babel's own spelling of it.
        return _plain_minus(str(_number_pattern(decimals).apply(shown, _locale(language))))
    # The digits Babel's pattern gives (the float's shortest decimal form, rounded
    # half to even), written by the decimal module at a fraction of the cost; the
    # locale's symbols come from Babel.
    written = format(decimal.Decimal(repr(shown)), f",.{6 if decimals is None else decimals}f")
    if decimals is None and "." in written:
        written = written.rstrip("0").rstrip(".")
    return written.replace(",", "\0").replace(".", point).replace("\0", group)


@functools.cache
def _separators(language: str) -> tuple[str, str]:
    """The group and decimal signs of ``language``, as Babel's locale data gives them."""
    from babel.numbers import get_decimal_symbol, get_group_symbol

    locale = _locale(language)
    return get_group_symbol(locale), get_decimal_symbol(locale)


@functools.cache
def _number_pattern(decimals: int | None) -> Any:
    # Parsed once: parsing a pattern is most of what formatting one number costs.
    from babel.numbers import parse_pattern

    if decimals is None:
        return parse_pattern("#,##0.######")
    return parse_pattern("#,##0" + ("." + "0" * decimals if decimals > 0 else ""))


@functools.cache
def _percent_pattern(language: str, decimals: int) -> Any:
    from babel.numbers import parse_pattern

    pattern = _locale(language).percent_formats[None].pattern
    if decimals > 0:
        pattern = pattern.replace("0", "0." + "0" * decimals, 1)
    return parse_pattern(pattern)


def format_percent(share: float, language: str, decimals: int = 2) -> str:
    """A share (0..1) as a percentage, as ``language`` typesets it (Babel).

    >>> format_percent(0.46153846, "sv")  # a no-break space before % in Swedish
    '46,15\xa0%'
    >>> format_percent(0.5, "en"), format_percent(-0.125, "en", 1)
    ('50.00%', '-12.5%')
    """
    with decimal.localcontext() as context:
        context.prec = 400  # as in format_number
        out = _percent_pattern(language, decimals).apply(share, _locale(language))
    return _plain_minus(str(out))


_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@functools.lru_cache(maxsize=4096)
def format_date(value: str, language: str) -> str:
    """A date as the document writes it (``2019``, ``2019-01``, ``2019-01-15``), or a
    period of two (``2017-03/2018-03``), as a reader of ``language`` writes it (Babel).

    Anything else is returned as it is.

    >>> format_date("2019-01-15", "sv"), format_date("2019-01-15", "en")
    ('15 januari 2019', '15 January 2019')
    >>> format_date("2017-03/2018-03", "sv"), format_date("2019", "en")
    ('mars 2017–mars 2018', '2019')
    """
    import datetime

    from babel.dates import format_date as babel_date
    from babel.dates import format_skeleton

    if "/" in value:
        start, _, end = value.partition("/")
        return f"{format_date(start.strip(), language)}–{format_date(end.strip(), language)}"
    found = _DATE.fullmatch(value)
    if found is None:
        return value
    year, month, day = found.groups()
    locale = _locale(language)
    try:
        if day is not None:
            return str(babel_date(datetime.date(int(year), int(month), int(day)), "long", locale))
        if month is not None:
            first = datetime.date(int(year), int(month), 1)
            return str(format_skeleton("yMMMM", first, locale=locale))
    except ValueError:
        return value
    return year


_UNIT_KINDS: dict[str, str] = {
    **dict.fromkeys(("percent", "%", "procent"), "percent"),
    **dict.fromkeys(("count", "number", "antal", "st", "st.", "stycken"), "count"),
    **dict.fromkeys(("yes_no", "yes/no", "ja/nej", "boolean"), "yes_no"),
    **dict.fromkeys(("sek", "kr", "kr.", "kronor"), "sek"),
    **dict.fromkeys(("persons", "people", "personer"), "persons"),
    **dict.fromkeys(("days", "dagar"), "days"),
}
"""Indicator units toc reads as words (docs/format.md, Indicator ``unit``), by kind."""

_YES_NO = re.compile(r"1\s*=\s*(ja|yes)\s*[,;]\s*0\s*=\s*(nej|no)")


def unit_kind(unit: str | None) -> str | None:
    """The kind of an indicator unit toc knows (``percent``, ``count``, ``yes_no``,
    ``sek``, ``persons``, ``days``), or None for a unit shown as written.

    >>> unit_kind("antal"), unit_kind("1 = ja, 0 = nej"), unit_kind("km")
    ('count', 'yes_no', None)
    """
    if unit is None:
        return None
    words = " ".join(unit.lower().split())
    if _YES_NO.fullmatch(words):
        return "yes_no"
    return _UNIT_KINDS.get(words)


def format_measure(value: float, unit: str | None, language: str) -> str:
    """A value in an indicator's unit, as a reader of ``language`` reads it.

    >>> format_measure(2, "antal", "sv"), format_measure(2, "antal", "en")
    ('2 st.', '2')
    >>> format_measure(1, "1 = ja, 0 = nej", "sv"), format_measure(0, "yes_no", "en")
    ('ja', 'no')
    >>> format_measure(1234567.5, "kr", "sv"), format_measure(64, "percent", "sv")
    ('1\\xa0234\\xa0567,5 kr', '64\\xa0%')
    >>> format_measure(12.5, "km", "en")
    '12.5 km'
    """
    kind = unit_kind(unit)
    if kind == "yes_no" and value in (0, 1):
        return text("report.unit.yes" if value == 1 else "report.unit.no", language)
    number = format_number(value, language)
    if kind is None or kind == "yes_no":
        return f"{number} {' '.join((unit or '').split())}".rstrip()
    key = f"report.unit.{kind}" + (".1" if value == 1 and kind in ("persons", "days") else "")
    return text(key, language, n=number)
