"""Parsing JSON into plain data, and finding where its values stood when asked.

`parse_json` reads with the standard library's C parser, refusing what JSON
does not allow or toc cannot keep (duplicate keys, NaN and Infinity, numbers
of thousands of digits, half a surrogate pair) with a located message. Positions
cost nothing until a problem needs one: `_JsonLocator` then walks only the
containers on the paths asked for.
"""

from __future__ import annotations

import json
import json.decoder
import json.scanner
import re
import sys
from array import array
from collections.abc import Sequence
from typing import Any

from toc.errors import Path
from toc.source_map import (
    MAX_DEPTH,
    LazyLines,
    Lines,
    SourceMap,
    lines_at,
    number_as_written,
    syntax_error,
    too_deep,
)

__all__ = ["parse_json"]


def _json_int(text: str) -> int:
    return number_as_written(int(text), text)  # type: ignore[no-any-return]


def _json_float(text: str) -> float:
    return number_as_written(float(text), text)  # type: ignore[no-any-return]


class _Duplicate(Exception):
    def __init__(self, key: str) -> None:
        self.key = key


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _Duplicate(key)
            seen.add(key)
    return out


class _Constant(Exception):
    def __init__(self, name: str) -> None:
        self.name = name


def _reject_constant(name: str) -> Any:
    raise _Constant(name)


# Strings (skipped whole) or the tokens looked for on an error path.
_JSON_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|(-?(?:NaN|Infinity))|([\[{])|([\]}])', re.DOTALL)
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_SURROGATE = re.compile("[\ud800-\udfff]")
_LONE_SURROGATE_ESCAPE = re.compile(
    r"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F])"
    r"|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}"
)


def _find_in_json(text: str, want: str) -> int | None:
    """Offset of the first NaN/Infinity (``want="constant"``) or of the
    bracket that nests deeper than `MAX_DEPTH` (``want="deep"``)."""
    depth = 0
    for m in _JSON_TOKENS.finditer(text):
        if want == "constant" and m.group(1):
            return m.start()
        if m.group(2):
            depth += 1
            if want == "deep" and depth > MAX_DEPTH:
                return m.start()
        elif m.group(3):
            depth -= 1
    return None


def _lone_surrogate(data: Any) -> bool:
    """Whether any text in the data holds half a surrogate pair (from a ``\\ud800`` escape)."""
    todo = [data]
    while todo:
        item = todo.pop()
        if isinstance(item, str):
            if _SURROGATE.search(item):
                return True
        elif isinstance(item, dict):
            todo.extend(item.keys())
            todo.extend(item.values())
        elif isinstance(item, list):
            todo.extend(item)
    return False


def _long_number(text: str, limit: int) -> re.Match[str] | None:
    """The first run of more than ``limit`` digits in the text.

    The match may only start where a run of digits starts, so a run too short
    to match is read once, not once from each of its digits.

    >>> _long_number("1234 123456", 5).start()
    5
    >>> _long_number("12345 1234", 5) is None
    True
    """
    return re.search(f"(?<![0-9])[0-9]{{{limit + 1},}}", text)


def _encodes(text: str) -> bool:
    # Encoding runs in C and is several times faster than a regex over the text.
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _may_escape_surrogate(text: str) -> bool:
    return ("\\ud" in text or "\\uD" in text) and _SURROGATE_ESCAPE.search(text) is not None


def parse_json(text: str, file: str) -> tuple[Any, SourceMap]:
    """Parse JSON text into plain data; positions are found lazily, on demand.

    >>> parse_json('{"a": [1, "no"]}', "x.json")[0]
    {'a': [1, 'no']}
    """
    smap = SourceMap(file=file, text=text, lazy_json=True, locator=_JsonLocator(text))
    lines = LazyLines(text)
    try:
        data = json.loads(
            text,
            object_pairs_hook=_pairs,
            parse_constant=_reject_constant,
            parse_int=_json_int,
            parse_float=_json_float,
        )
    except json.JSONDecodeError as err:
        raise syntax_error(
            file, text, "json_syntax", (err.lineno, err.colno), what=err.msg
        ) from None
    except _Duplicate as dup:
        scanner = _JsonScanner(text, SourceMap(file=file))
        try:
            scanner.scan()
        except _DuplicateAt as found:
            raise syntax_error(
                file, text, "duplicate_json_key", lines.at(found.offset), key=found.key
            ) from None
        raise syntax_error(  # pragma: no cover - the scanner finds every duplicate json finds
            file, text, "duplicate_json_key", None, key=dup.key
        ) from None
    except _Constant as constant:
        # NaN and Infinity: Python's json reads them, JSON has no such numbers.
        offset = _find_in_json(text, "constant")
        raise syntax_error(
            file,
            text,
            "json_constant",
            lines.at(offset) if offset is not None else None,
            name=constant.name,
        ) from None
    except ValueError:
        # Python refuses to read integers of thousands of digits (a DoS guard).
        long_number = _long_number(text, sys.get_int_max_str_digits())
        raise syntax_error(
            file,
            text,
            "json_long_number",
            lines.at(long_number.start()) if long_number else None,
            "huge_number.hint",
        ) from None
    except RecursionError:
        offset = _find_in_json(text, "deep")
        raise too_deep(
            file, text, lines.at(offset) if offset is not None else None, "too_deep.json_hint"
        ) from None
    # Text with half a surrogate pair cannot be written back as UTF-8; the
    # escape test keeps the walk over the data off the common path.
    bad = _SURROGATE.search(text) if not _encodes(text) else None
    if bad is None and _may_escape_surrogate(text) and _lone_surrogate(data):
        bad = _LONE_SURROGATE_ESCAPE.search(text) or _SURROGATE_ESCAPE.search(text)
    if bad is not None:
        raise syntax_error(file, text, "json_surrogate", lines.at(bad.start()))
    return data, smap


class _List:
    """The offsets of a JSON list's elements, found so far (a list may be read in part)."""

    __slots__ = ("next", "offsets")

    def __init__(self, start: int) -> None:
        self.offsets = array("q")
        self.next = start  # where the next element (or the closing bracket) is; -1 when done


_EAGER = 100_000
"""Elements of a list enumerated while its object is walked; the rest when asked for."""


class _JsonLocator:
    """Positions in JSON text, found on demand along the paths asked for.

    Only the containers on a requested path are walked, and the values
    between are skipped with the C scanner of the standard library: locating
    the findings of a large document costs a fraction of a full scan. The
    elements of a list are enumerated as far as asked for (and up to
    `_EAGER` of them at once), their offsets kept in a compact array, so a
    hostile list of millions of values costs neither minutes nor gigabytes.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.scan_once = json.scanner.make_scanner(json.JSONDecoder())  # type: ignore[arg-type]
        self.lines = LazyLines(text)
        start = _WS.match(text, 0)
        self.values: dict[Path, int] = {(): start.end() if start else 0}
        self.keys: dict[Path, int] = {}
        self.lists: dict[Path, _List] = {}
        self.walked: set[Path] = set()

    def _ws(self, i: int) -> int:
        m = _WS.match(self.text, i)
        return m.end() if m else i

    def _value(self, path: Path) -> int | None:
        """The offset of the value at ``path`` if it is known yet."""
        found = self.values.get(path)
        if found is None and path and isinstance(path[-1], int):
            listed = self.lists.get(path[:-1])
            if listed is not None and 0 <= path[-1] < len(listed.offsets):
                return listed.offsets[path[-1]]
        return found

    def _walk(self, path: Path, want: int | None = None) -> None:
        """Read the container at ``path``: an object whole, a list up to element ``want``."""
        text = self.text
        i = self._value(path)
        if i is None:  # pragma: no cover - only known paths are walked
            return
        try:
            if text.startswith("{", i):
                self._walk_object(path, i)
            elif text.startswith("[", i):
                self._enumerate(path, i, want)
            else:
                self.walked.add(path)
        except (StopIteration, ValueError, RecursionError):
            return  # positions stop at the nearest container found so far

    def _walk_object(self, path: Path, i: int) -> None:
        self.walked.add(path)
        text = self.text
        scan_once = self.scan_once
        after = _AFTER_VALUE.match
        i = self._ws(i + 1)
        while text.startswith('"', i):
            key_at = i
            key, i = json.decoder.scanstring(text, i + 1)  # type: ignore[attr-defined]
            i = self._ws(self._ws(i) + 1)  # past the colon
            child = (*path, key)
            self.keys.setdefault(child, key_at)
            self.values.setdefault(child, i)
            if text.startswith("[", i) and child not in self.lists:
                # Enumerating the list now costs no more than skipping it, and
                # spares decoding it twice when a finding points inside it.
                end = self._enumerate(child, i, _EAGER)
                i = end if end is not None else scan_once(text, i)[1]
            else:
                _, i = scan_once(text, i)
            m = after(text, i)
            i = m.end() if m else i

    def _enumerate(self, path: Path, i: int, want: int | None) -> int | None:
        """Record the offsets of the elements of the list at ``i``, up to element ``want``
        (all of them for None); the offset after the list, once it is read to the end."""
        listed = self.lists.get(path)
        if listed is None:
            listed = self.lists[path] = _List(self._ws(i + 1))
        offsets = listed.offsets
        if listed.next < 0:
            return None
        text = self.text
        scan_once = self.scan_once
        after = _AFTER_VALUE.match
        end = len(text)
        i = listed.next
        try:
            while i < end and text[i] != "]":
                if want is not None and len(offsets) > want:
                    listed.next = i
                    return None
                offsets.append(i)
                _, i = scan_once(text, i)
                m = after(text, i)
                i = m.end() if m else i
        except (StopIteration, ValueError, RecursionError):
            listed.next = -1
            return None
        listed.next = -1
        self.walked.add(path)
        return i + 1

    def offset(self, path: Path, key: bool) -> int:
        """The offset of the value at ``path`` (or of its key), else of the nearest parent."""
        found: Path = ()
        for k in range(1, len(path) + 1):
            sub = path[:k]
            if self._value(sub) is None:
                parent = path[: k - 1]
                last = sub[-1]
                if parent in self.lists and isinstance(last, int):
                    self._walk(parent, last)
                elif parent not in self.walked:
                    self._walk(parent, last if isinstance(last, int) else None)
                if self._value(sub) is None:
                    break
            found = sub
        if key and found == path and path in self.keys:
            return self.keys[path]
        offset = self._value(found)
        return offset if offset is not None else 0

    def position(self, path: Path, key: bool) -> tuple[int, int]:
        """The position of the value at ``path`` (or of its key), else of the nearest parent."""
        return self.lines.at(self.offset(path, key))

    def positions(self, paths: Sequence[Path], key: bool) -> list[tuple[int, int]]:
        """`position` of many paths at once, the text read once for all their lines."""
        lists = self.lists
        offsets: list[int] = []
        for path in paths:
            # Most findings point at an element of a top-level list ("links", 7):
            # once that list is enumerated, its offsets answer directly.
            if not key and len(path) == 2 and type(path[1]) is int:
                listed = lists.get(path[:1])
                if listed is not None and 0 <= path[1] < len(listed.offsets):
                    offsets.append(listed.offsets[path[1]])
                    continue
            offsets.append(self.offset(path, key))
        return lines_at(self.text, offsets)


class _DuplicateAt(Exception):
    def __init__(self, key: str, offset: int) -> None:
        self.key = key
        self.offset = offset


_WS = re.compile(r"[ \t\r\n]*")
_AFTER_VALUE = re.compile(r"[ \t\r\n]*(?:,[ \t\r\n]*)?")
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_NUMBER_OR_WORD = re.compile(r"-?[0-9a-zA-Z.+-]+")


class _JsonScanner:
    """Walks JSON text that `json.loads` accepted, recording value and key positions.

    It keeps its own stack, so no nesting that `json.loads` accepts can make
    it recurse too deeply.
    """

    def __init__(self, text: str, smap: SourceMap) -> None:
        self.text = text
        self.smap = smap
        self.lines = Lines(text)
        self.i = 0

    def _skip(self) -> None:
        m = _WS.match(self.text, self.i)
        self.i = m.end() if m else self.i

    def scan(self) -> None:
        text = self.text
        # Each open container: [path, seen keys (None for a list), next index].
        stack: list[list[Any]] = []
        path: Path = ()
        while True:
            # Read one value at `path`.
            self._skip()
            self.smap.values[path] = self.lines.at(self.i)
            char = text[self.i : self.i + 1]
            self.i += 1
            opened = False
            if char == "{":
                stack.append([path, set(), 0])
                opened = True
            elif char == "[":
                stack.append([path, None, 0])
                opened = True
            elif char == '"':
                m = _STRING.match(text, self.i - 1)
                self.i = m.end() if m else len(text)
            else:
                m = _NUMBER_OR_WORD.match(text, self.i - 1)
                self.i = m.end() if m else self.i
            # Find the next value's path, closing containers that end here.
            first = opened
            while True:
                if not stack:
                    return
                top = stack[-1]
                self._skip()
                char = text[self.i : self.i + 1]
                if char in ("}", "]") or (not first and char != ","):
                    self.i += 1
                    stack.pop()
                    first = False
                    continue
                if not first:
                    self.i += 1  # the comma
                    self._skip()
                first = False
                if top[1] is None:
                    path = (*top[0], top[2])
                    top[2] += 1
                    break
                start = self.i
                m = _STRING.match(text, self.i)
                if m is None:
                    return
                key = json.loads(m.group())
                if key in top[1]:
                    raise _DuplicateAt(key, start)
                top[1].add(key)
                path = (*top[0], key)
                self.smap.keys[path] = self.lines.at(start)
                self.i = m.end()
                self._skip()
                self.i += 1  # the colon
                break
