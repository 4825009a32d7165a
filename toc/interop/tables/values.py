"""A field's value in a cell and back: how each kind of column is written and read.

`encode` writes a value (plain JSON data) as the cell of a column of its
`Kind`; `decode` reads a cell (as a file gives it: text, a number, a date,
true/false) back as the field's value, or raises `CellError` with a catalogue
key saying what is wrong with it. A cell that holds no value at all — a
formula saved without its result, or an error value such as ``#REF!`` — is
read as `NoValue`, which no column accepts.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from dataclasses import dataclass
from typing import Any, Literal

from toc.interop.quoting import join_values, split_values
from toc.interop.tables.layout import Cell, Kind

__all__ = ["CellError", "NoValue", "ReadCell", "decode", "encode"]


@dataclass(frozen=True)
class NoValue:
    """A cell a file holds no value for: toc never evaluates a formula.

    ``formula``: a formula saved without its result (as openpyxl and some other
    programs write them); ``error``: an error value (``#DIV/0!``, ``#REF!``).
    """

    kind: Literal["formula", "error"]
    shown: str
    """The formula (``=A1+1``) or the error value (``#REF!``)."""

    def problem(self) -> CellError:
        """What is wrong with the cell, as `decode` raises it."""
        if self.kind == "formula":
            return CellError("interop.error.formula", formula=self.shown)
        return CellError("interop.error.cell_error", value=self.shown)


ReadCell = Cell | NoValue
"""A cell as read from a file: a value, or a cell that holds none."""


def _number_cell(value: Any) -> Cell:
    return value if isinstance(value, int | float) else None


def encode(value: Any, kind: Kind) -> Cell:
    """A field's value (plain JSON data) as the cell of a column of ``kind``."""
    if value is None:
        return None
    if kind in ("text", "id"):
        return str(value)
    if kind in ("integer", "number"):
        return _number_cell(value)
    if kind == "bool":
        return bool(value)
    if kind == "list":
        return join_values([str(v) for v in value]) if value else None
    if kind == "numbers":
        return join_values([json.dumps(v) for v in value]) if value else None
    if kind == "mapping":
        return join_values([f"{k}={v}" for k, v in value.items()]) if value else None
    return json.dumps(value, ensure_ascii=False)


_INT = re.compile(r"[+-]?\d+")
_FLOAT = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
_COMMA_FLOAT = re.compile(r"[+-]?\d+,\d+")
_TRUE = {"true", "yes", "ja", "sant", "1", "x"}
_FALSE = {"false", "no", "nej", "falskt", "0"}


class CellError(Exception):
    """A cell whose value does not fit its column: a catalogue key and its fields.

    The catalogue's ``key.hint``, where it has one, says how to put it right.
    """

    def __init__(self, key: str, **fields: Any) -> None:
        self.key = key
        self.fields = fields


def _text_of(value: Cell | _dt.datetime | _dt.date | _dt.time) -> str:
    """A cell's value as text: what a person sees in it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, _dt.datetime):
        if value.time() == _dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, _dt.date | _dt.time):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _number(value: Any, whole: bool) -> int | float:
    if isinstance(value, bool):
        raise CellError("interop.error.number")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if whole:
            if not value.is_integer():
                raise CellError("interop.error.integer")
            return int(value)
        return value
    raw = _text_of(value).strip()
    if _INT.fullmatch(raw):
        return int(raw)
    if not whole:
        if _FLOAT.fullmatch(raw):
            return float(raw)
        if _COMMA_FLOAT.fullmatch(raw):
            return float(raw.replace(",", "."))
    raise CellError("interop.error.integer" if whole else "interop.error.number", value=raw)


def decode(value: Any, kind: Kind) -> Any:
    """The value of a field from the value of its cell (``None`` for an empty cell).

    >>> decode("ic | spira", "list"), decode("0|6|7", "numbers"), decode("ja", "bool")
    (['ic', 'spira'], [0, 6, 7], True)
    """
    if value is None:
        return None
    if isinstance(value, NoValue):
        raise value.problem()
    if kind == "text":
        return _text_of(value)
    if kind == "id":
        return _text_of(value).strip()
    if kind in ("integer", "number"):
        return _number(value, kind == "integer")
    if kind == "bool":
        if isinstance(value, bool):
            return value
        word = _text_of(value).strip().casefold()
        if word in _TRUE:
            return True
        if word in _FALSE:
            return False
        raise CellError("interop.error.bool", value=_text_of(value))
    if kind == "list":
        return split_values(_text_of(value))
    if kind == "numbers":
        return [_number(v, False) for v in split_values(_text_of(value))]
    if kind == "mapping":
        out: dict[str, str] = {}
        for item in split_values(_text_of(value)):
            key, sep, val = item.partition("=")
            if not sep:
                raise CellError("interop.error.mapping", value=item)
            out[key.strip()] = val.strip()
        return out
    try:
        return json.loads(_text_of(value))
    except json.JSONDecodeError as err:
        raise CellError("interop.error.json", error=err.msg) from None
