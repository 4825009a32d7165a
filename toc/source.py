"""Parsing YAML and JSON into plain data, remembering where every value stood.

Only plain data comes out: mappings, lists, text, numbers, booleans and null.
YAML is read as a stream of parser events (from libyaml when present) and
built into Python values here, without recursion: tags, duplicate keys, merge
keys, recursive aliases, alias bombs and absurd nesting are refused with a
located message, and no input can exhaust the C stack. Plain scalars follow
the YAML 1.2 core schema, so ``no`` is text, not False.
"""

from __future__ import annotations

import bisect
import json
import json.decoder
import json.scanner
import re
import sys
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

from toc.errors import FileFormatError, Path, Problem
from toc.i18n import text as catalogue_text

__all__ = [
    "MAX_DEPTH",
    "SourceMap",
    "WrittenFloat",
    "WrittenInt",
    "parse_json",
    "parse_yaml",
    "resolve_plain",
]

MAX_DEPTH = 64
"""Deepest nesting accepted; a theory of change needs fewer than ten levels."""

_T = "tag:yaml.org,2002:"

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
_OCT = re.compile(r"^0o[0-7]+$")
_HEX = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_SPECIAL_FLOAT = re.compile(r"^(?:[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$")
# Only text starting with one of these can be anything but text.
_NOT_TEXT_START = frozenset("0123456789+-.~nNtTfF")

# What YAML allows in a stream (its "printable" set); anything else is refused.
_NOT_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)


def resolve_plain(text: str) -> Any:
    """The value of an unquoted YAML scalar under the YAML 1.2 core schema.

    >>> resolve_plain("12"), resolve_plain("0.5"), resolve_plain("no"), resolve_plain("~")
    (12, 0.5, 'no', None)
    >>> resolve_plain("0o17"), resolve_plain("1e3"), resolve_plain("yes"), resolve_plain("-.inf")
    (15, 1000.0, 'yes', -inf)
    """
    if text and text[0] not in _NOT_TEXT_START:
        return text
    if _NULL.match(text):
        return None
    if text in _BOOL:
        return _BOOL[text]
    if _INT.match(text):
        return int(text)
    if _OCT.match(text):
        return int(text[2:], 8)
    if _HEX.match(text):
        return int(text[2:], 16)
    if _FLOAT.match(text):
        return float(text)
    if _SPECIAL_FLOAT.match(text):
        # `.inf`, `-.Inf`, `.NaN`: Python spells them without the dot.
        return float(text.replace(".", "", 1))
    return text


class WrittenInt(int):
    """An integer that remembers how it was written (``007``, ``0o17``, ``0x1F``).

    A number in a text field (``label: 007``) becomes the text as written,
    not ``7``: pydantic turns numbers into text with `str`.

    >>> n = WrittenInt(7, "007")
    >>> n + 1, str(n)
    (8, '007')
    """

    text: str

    def __new__(cls, value: int, text: str) -> WrittenInt:
        self = super().__new__(cls, value)
        self.text = text
        return self

    def __str__(self) -> str:
        return self.text

    __repr__ = __str__


class WrittenFloat(float):
    """A float that remembers how it was written (``1e3``, ``1.50``); see `WrittenInt`."""

    text: str

    def __new__(cls, value: float, text: str) -> WrittenFloat:
        self = super().__new__(cls, value)
        self.text = text
        return self

    def __str__(self) -> str:
        return self.text

    __repr__ = __str__


def _as_written(value: Any, text: str) -> Any:
    """The number, remembering its text where that differs from Python's spelling."""
    kind = type(value)
    if kind is int and text != str(value):
        return WrittenInt(value, text)
    if kind is float and text != repr(value):
        return WrittenFloat(value, text)
    return value


def _json_int(text: str) -> int:
    return _as_written(int(text), text)  # type: ignore[no-any-return]


def _json_float(text: str) -> float:
    return _as_written(float(text), text)  # type: ignore[no-any-return]


class _Lines:
    """Offset → (line, column), both 1-based."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def at(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1


class _LazyLines:
    """`_Lines` built on first use: a clean JSON load never needs it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines: _Lines | None = None

    def at(self, offset: int) -> tuple[int, int]:
        if self.lines is None:
            self.lines = _Lines(self.text)
        return self.lines.at(offset)


@dataclass
class SourceMap:
    """Where each value (and each mapping key) of a parsed document stands.

    Positions are ``(line, column)``, 1-based. JSON positions are computed
    only when first asked for, so a clean load pays nothing for them. Values
    reached through a YAML alias are placed at the alias.
    """

    file: str
    text: str = ""
    values: dict[Path, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)
    lists: dict[Path, array[int]] = field(default_factory=dict)
    """The positions of a YAML list's items, ``(line << 32) | column`` each."""
    lazy_json: bool = False
    _locator: _JsonLocator | None = field(default=None, repr=False, compare=False)

    def position(self, path: Path, key: bool = False) -> tuple[int, int] | None:
        """The position of the value at ``path`` (or of its key), else of the nearest parent."""
        if self.lazy_json:
            if self._locator is None:
                self._locator = _JsonLocator(self.text)
            return self._locator.position(path, key)
        if key and path in self.keys:
            return self.keys[path]
        while True:
            found = self.values.get(path)
            if found is not None:
                return found
            if not path:
                return None
            last = path[-1]
            if type(last) is int:
                items = self.lists.get(path[:-1])
                if items is not None and 0 <= last < len(items):
                    packed = items[last]
                    return packed >> 32, packed & 0xFFFFFFFF
            path = path[:-1]

    def positions(self, paths: Sequence[Path], key: bool = False) -> list[tuple[int, int] | None]:
        """`position` of many paths at once: far faster for JSON than one by one."""
        if not self.lazy_json:
            return [self.position(path, key) for path in paths]
        if self._locator is None:
            self._locator = _JsonLocator(self.text)
        locator = self._locator
        lists = locator.lists
        offsets: list[int] = []
        for path in paths:
            # Most findings point at an element of a top-level list ("links", 7):
            # once that list is enumerated, its offsets answer directly.
            if not key and len(path) == 2 and type(path[1]) is int:
                listed = lists.get(path[:1])
                if listed is not None and 0 <= path[1] < len(listed.offsets):
                    offsets.append(listed.offsets[path[1]])
                    continue
            offsets.append(locator.offset(path, key))
        return list(lines_at(self.text, offsets))

    def locate(self, problem: Problem) -> Problem:
        """The problem with this file's name, line and column filled in."""
        return problem.at(self.file, self.position(problem.path, key=problem.key))


# `language: sv` in YAML (at the start of a line) or in JSON: enough to word a
# syntax error in the document's language before the document could be read.
_SWEDISH = re.compile(
    r"""^[ \t]*["']?language["']?[ \t]*:[ \t]*["']?sv["']?[ \t]*(?:[,}#]|$)"""
    r'|"language"[ \t\r\n]*:[ \t\r\n]*"sv"',
    re.MULTILINE,
)


def language_in(text: str) -> str:
    r"""The language to word a document's problems in, from its text: ``sv`` or ``en``.

    >>> language_in("format: 1\nlanguage: sv\n"), language_in('{"language": "sv"}')
    ('sv', 'sv')
    >>> language_in("format: 1\ntitle: language: sv\n")
    'en'
    """
    return "sv" if _SWEDISH.search(text) else "en"


def _fail(
    file: str,
    text: str,
    name: str,
    pos: tuple[int, int] | None,
    /,
    hint: str | None = None,
    **fields: Any,
) -> FileFormatError:
    """A file's syntax error: the catalogue's ``load.<name>`` and its hint
    (``load.<name>.hint``, or ``load.<hint>``), in the language of the document's text."""
    language = language_in(text)
    line, column = pos if pos else (None, None)
    message = catalogue_text("load." + name, language, **fields)
    hint_text = catalogue_text("load." + (hint or name + ".hint"), language, **fields)
    return FileFormatError(
        [Problem(message=message, hint=hint_text, file=file, line=line, column=column)]
    )


def _too_deep(file: str, text: str, pos: tuple[int, int] | None, hint: str) -> FileFormatError:
    return _fail(file, text, "too_deep", pos, hint, depth=MAX_DEPTH)


def _not_printable(text: str, file: str) -> FileFormatError | None:
    """The error for the first character YAML does not allow, if there is one."""
    found = _NOT_PRINTABLE.search(text)
    if found is None:
        return None
    char = found.group()
    what = "surrogate" if "\ud800" <= char <= "\udfff" else "control"
    return _fail(
        file,
        text,
        "not_printable." + what,
        _Lines(text).at(found.start()),
        "not_printable.hint",
        code=f"U+{ord(char):04X}",
    )


def _tab(text: str, mark: Any) -> tuple[int, int] | None:
    """Where a tab indents the line a YAML error is on, if one does."""
    if mark is None:
        return None
    start = text.rfind("\n", 0, mark.index) + 1
    end = text.find("\n", mark.index)
    line = text[start : end if end >= 0 else len(text)]
    indent = line[: len(line) - len(line.lstrip(" \t"))]
    if "\t" not in indent and not text.startswith("\t", mark.index):
        return None
    column = indent.find("\t") if "\t" in indent else mark.index - start
    return mark.line + 1, column + 1


# --------------------------------------------------------------------- YAML


_OPEN = object()
"""Marks an anchor whose collection is still being read (an alias to it is recursive)."""


def _position(event: Any) -> tuple[int, int]:
    mark = event.start_mark
    return mark.line + 1, mark.column + 1


class _Frame:
    """A mapping or list being read: where it is, and the key waiting for its value."""

    __slots__ = (
        "anchor",
        "budget_at_start",
        "chars_at_start",
        "is_map",
        "key",
        "path",
        "positions",
        "value",
    )

    def __init__(self, value: Any, path: Path, anchor: str | None, budget: int, chars: int) -> None:
        self.value = value
        self.is_map = isinstance(value, dict)
        self.path = path
        self.anchor = anchor
        self.budget_at_start = budget
        self.chars_at_start = chars
        self.key: str | None = None
        # A list's items: (line << 32) | column each, 1-based.
        self.positions: array[int] = array("Q")


class _YamlBuilder:
    """Builds plain data from parser events, with a stack instead of recursion."""

    def __init__(self, file: str, text: str, smap: SourceMap) -> None:
        self.file = file
        self.text = text
        self.smap = smap
        # Each value takes at least a character of text, so only aliases can
        # build more values than this: a bomb stops here, long before memory does.
        # A small file may repeat a list a few times; a large one may not hold
        # much more than its text does (the worst file within the limit stays
        # seconds of work).
        self.budget = min(4 * len(text) + 1000, len(text) + 65_536)
        # Text too: no value is longer than the text it was written as, so only
        # aliases can repeat more characters than the file holds. Repeating a
        # long text a few times is fine; repeating it thousands of times (a
        # 1 MB text by 5,000 aliases) would turn into gigabytes of JSON, DOT and
        # reports downstream, so an alias costs the characters it repeats.
        self.chars = len(text) + 65_536
        # anchor name → (value, number of values in it, characters of text in
        # it), or _OPEN while being read
        self.anchors: dict[str, Any] = {}
        # Plain scalars repeat (keys, stage names, ids): resolve each text once.
        self.plain: dict[str, Any] = {}

    def fail(self, event: Any, name: str, /, **fields: Any) -> FileFormatError:
        return _fail(self.file, self.text, name, _position(event), **fields)

    def run(self, parser: Any) -> Any:
        get = parser.get_event
        start = get()  # stream start
        try:
            event = get()
        except yaml.MarkedYAMLError as err:
            raise self._deep_or(err, 0, start) from None
        if isinstance(event, yaml.StreamEndEvent):
            return None
        root = self._document(get)
        event = get()
        if not isinstance(event, yaml.StreamEndEvent):
            raise self.fail(event, "second_document")
        return root

    def _document(self, get: Any) -> Any:
        stack: list[_Frame] = []
        root: Any = None
        values = self.smap.values
        keys = self.smap.keys
        event: Any = None
        while True:
            try:
                event = get()
            except yaml.MarkedYAMLError as err:
                # A try block costs nothing until it catches (Python 3.11+).
                raise self._deep_or(err, len(stack), event) from None
            kind = type(event)
            if kind is yaml.DocumentEndEvent:
                return root
            if kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                frame = stack.pop()
                if frame.positions:
                    self.smap.lists[frame.path] = frame.positions
                if frame.anchor is not None:
                    self.anchors[frame.anchor] = (
                        frame.value,
                        frame.budget_at_start - self.budget,
                        frame.chars_at_start - self.chars,
                    )
                continue
            top = stack[-1] if stack else None
            if top is not None and top.is_map and top.key is None:
                self._key(event, top, keys)
                continue
            # A value: where it goes. A list keeps its items' positions in an
            # array of its own (a path and a tuple each would cost ~250 bytes
            # an item, gigabytes for a 16 MiB list).
            mark = event.start_mark
            path: Path | None
            if top is None:
                path = ()
                values[path] = (mark.line + 1, mark.column + 1)
            elif top.key is not None:
                path = (*top.path, top.key)
                values[path] = (mark.line + 1, mark.column + 1)
            else:
                top.positions.append(((mark.line + 1) << 32) | (mark.column + 1))
                path = None  # made below only for an item that is a list or mapping
            self.budget -= 1
            if kind is yaml.ScalarEvent:
                if event.tag is None:
                    text = event.value
                    value = self._plain(event) if event.implicit[0] else text
                else:
                    value = self._scalar(event)
                self.chars -= len(event.value)
                if event.anchor is not None:
                    self.anchors[event.anchor] = (value, 1, len(event.value))
            elif kind is yaml.AliasEvent:
                value = self._alias(event)
            else:
                if path is None:
                    path = (*top.path, len(top.value))  # type: ignore[union-attr]
                value = self._collection(event, path)
                stack.append(_Frame(value, path, event.anchor, self.budget + 1, self.chars))
                if event.anchor is not None:
                    self.anchors[event.anchor] = _OPEN
            if top is None:
                root = value
            elif top.key is not None:
                top.value[top.key] = value
                top.key = None
            else:
                top.value.append(value)

    def _deep_or(self, err: yaml.MarkedYAMLError, depth: int, last: Any) -> Exception:
        """Our own nesting error if the parser stopped inside too deep a flow collection.

        libyaml reads up to a line (or 1,024 characters) ahead before it
        hands over the events of a flow collection, and newer versions stop
        at their own nesting limit while doing so: then toc's guard never
        sees the depth. The brackets between the last event and the error
        show it; otherwise the parser's error stands.
        """
        mark = err.problem_mark or err.context_mark
        start = last.end_mark.index if last is not None else 0
        end = mark.index + 1 if mark is not None else len(self.text)
        found = _too_deep_flow(self.text, start, end, depth)
        if found is None:
            return err
        return _too_deep(self.file, self.text, _Lines(self.text).at(found), "too_deep.yaml_hint")

    def _key(self, event: Any, frame: _Frame, keys: dict[Path, tuple[int, int]]) -> None:
        if type(event) is not yaml.ScalarEvent:
            raise self.fail(event, "complex_key")
        if event.tag is None and event.implicit[0] and event.value == "<<":
            raise self.fail(event, "merge_key")
        value = self._scalar(event)
        if event.anchor is not None:
            self.anchors[event.anchor] = (value, 1, len(event.value))
        key = value if isinstance(value, str) else ("" if value is None else str(value).lower())
        path = (*frame.path, key)
        if key in frame.value:
            first = keys.get(path)
            if first is not None:
                raise self.fail(
                    event, "duplicate_key_at", hint="duplicate_key.hint", key=key, line=first[0]
                )
            raise self.fail(event, "duplicate_key", key=key)
        keys[path] = _position(event)
        frame.key = key

    def _collection(self, event: Any, path: Path) -> Any:
        is_map = type(event) is yaml.MappingStartEvent
        if event.tag not in (None, "!", _T + ("map" if is_map else "seq")):
            raise self._tag(event)
        if len(path) >= MAX_DEPTH:
            raise self.fail(event, "too_deep", hint="too_deep.yaml_hint", depth=MAX_DEPTH)
        return {} if is_map else []

    def _alias(self, event: Any) -> Any:
        found = self.anchors.get(event.anchor)
        if found is None:
            raise self.fail(event, "undefined_alias", name=event.anchor)
        if found is _OPEN:
            raise self.fail(event, "recursive_alias")
        value, size, chars = found
        # The alias counts as every value it repeats (they all reach validation),
        # and as all the text in them.
        self.budget -= size - 1
        self.chars -= chars
        if self.chars < 0:
            raise self.fail(event, "alias_text_bomb")
        if self.budget < 0:
            raise self.fail(event, "alias_bomb")
        return value

    def _tag(self, event: Any) -> FileFormatError:
        return self.fail(event, "tag", tag=event.tag)

    def _scalar(self, event: Any) -> Any:
        tag = event.tag
        if tag is None:
            return self._plain(event) if event.implicit[0] else event.value
        if tag in ("!", _T + "str"):
            return event.value
        expected = _SCALAR_TAGS.get(tag)
        if expected is None:
            raise self._tag(event)
        value = self._plain(event)
        if isinstance(value, bool) != (expected is bool) or not isinstance(value, expected):
            raise self.fail(event, "tag_value", value=event.value, tag=tag)
        return float(value) if expected is float else value

    def _plain(self, event: Any) -> Any:
        text = event.value
        found = self.plain.get(text, _OPEN)
        if found is not _OPEN:
            return found
        try:
            value = self.plain[text] = _as_written(resolve_plain(text), text)
            return value
        except ValueError:
            # Python refuses to read integers of thousands of digits (a DoS guard).
            raise self.fail(event, "huge_number", digits=len(event.value)) from None


# Quoted text and comments (skipped whole), or a flow bracket.
_FLOW_TOKENS = re.compile(r"""'(?:[^']|'')*'|"(?:[^"\\]|\\.)*"|(?<!\S)#[^\n]*|[\[\]{}]""")


def _too_deep_flow(text: str, start: int, end: int, depth: int) -> int | None:
    """Offset of the flow bracket in ``text[start:end]`` that nests deeper than `MAX_DEPTH`.

    ``depth`` is the nesting of the first new collection. Brackets inside
    quotes and comments do not count.

    >>> _too_deep_flow("a: " + "[" * 100, 0, 103, 1)
    66
    >>> _too_deep_flow("a: '" + "[" * 100 + "'", 0, 105, 1) is None
    True
    """
    for found in _FLOW_TOKENS.finditer(text, start, end):
        char = found.group()
        if char in "[{":
            if depth >= MAX_DEPTH:
                return found.start()
            depth += 1
        elif char in "]}":
            depth = max(depth - 1, 0)
    return None


_SCALAR_TAGS: dict[str, Any] = {
    _T + "int": int,
    _T + "float": (int, float),
    _T + "bool": bool,
    _T + "null": type(None),
}


def parse_yaml(text: str, file: str) -> tuple[Any, SourceMap]:
    """Parse YAML text into plain data and the position of every value.

    Raises `FileFormatError` for syntax errors, tags, duplicate keys, merge
    keys, recursive aliases, alias bombs and nesting deeper than `MAX_DEPTH`,
    each with its line and column.

    >>> parse_yaml("a: [1, no, '2']", "x.yaml")[0]
    {'a': [1, 'no', '2']}
    """
    smap = SourceMap(file=file, text=text)
    loader_cls = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        parser = loader_cls(text)
    except (yaml.reader.ReaderError, UnicodeEncodeError):
        raise _not_printable(text, file) or _fail(file, text, "unreadable", None) from None
    try:
        data = _YamlBuilder(file, text, smap).run(parser)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        tab = _tab(text, mark)
        if tab is not None:
            # libyaml's words for it ("found character that cannot start any
            # token") never say *tab*, the one thing to fix.
            raise _fail(file, text, "tab", tab) from None
        pos = (mark.line + 1, mark.column + 1) if mark else None
        what = err.problem or err.context or "the YAML syntax is broken"
        raise _fail(file, text, "yaml_syntax", pos, what=what) from None
    except (yaml.reader.ReaderError, UnicodeEncodeError):
        raise _not_printable(text, file) or _fail(file, text, "unreadable", None) from None
    except yaml.YAMLError as err:
        raise _fail(file, text, "yaml_syntax", None, "yaml_error.hint", what=err) from None
    finally:
        parser.dispose()
    return data, smap


# --------------------------------------------------------------------- JSON


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
    smap = SourceMap(file=file, text=text, lazy_json=True)
    lines = _LazyLines(text)
    try:
        data = json.loads(
            text,
            object_pairs_hook=_pairs,
            parse_constant=_reject_constant,
            parse_int=_json_int,
            parse_float=_json_float,
        )
    except json.JSONDecodeError as err:
        raise _fail(file, text, "json_syntax", (err.lineno, err.colno), what=err.msg) from None
    except _Duplicate as dup:
        scanner = _JsonScanner(text, SourceMap(file=file))
        try:
            scanner.scan()
        except _DuplicateAt as found:
            raise _fail(
                file, text, "duplicate_json_key", lines.at(found.offset), key=found.key
            ) from None
        raise _fail(  # pragma: no cover - the scanner finds every duplicate json finds
            file, text, "duplicate_json_key", None, key=dup.key
        ) from None
    except _Constant as constant:
        # NaN and Infinity: Python's json reads them, JSON has no such numbers.
        offset = _find_in_json(text, "constant")
        raise _fail(
            file,
            text,
            "json_constant",
            lines.at(offset) if offset is not None else None,
            name=constant.name,
        ) from None
    except ValueError:
        # Python refuses to read integers of thousands of digits (a DoS guard).
        long_number = _long_number(text, sys.get_int_max_str_digits())
        raise _fail(
            file,
            text,
            "json_long_number",
            lines.at(long_number.start()) if long_number else None,
            "huge_number.hint",
        ) from None
    except RecursionError:
        offset = _find_in_json(text, "deep")
        raise _too_deep(
            file, text, lines.at(offset) if offset is not None else None, "too_deep.json_hint"
        ) from None
    # Text with half a surrogate pair cannot be written back as UTF-8; the
    # escape test keeps the walk over the data off the common path.
    bad = _SURROGATE.search(text) if not _encodes(text) else None
    if bad is None and _may_escape_surrogate(text) and _lone_surrogate(data):
        bad = _LONE_SURROGATE_ESCAPE.search(text) or _SURROGATE_ESCAPE.search(text)
    if bad is not None:
        raise _fail(file, text, "json_surrogate", lines.at(bad.start()))
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
        self.lines = _LazyLines(text)
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
        return self.lines.at(self.offset(path, key))


def lines_at(text: str, offsets: Sequence[int]) -> list[tuple[int, int]]:
    r"""(line, column), 1-based, of many offsets at once, in one pass over the text.

    >>> lines_at("ab\ncd\n", [4, 0])
    [(2, 2), (1, 1)]
    """
    out: list[tuple[int, int]] = [(0, 0)] * len(offsets)
    line, previous = 1, 0
    for i in sorted(range(len(offsets)), key=offsets.__getitem__):
        offset = offsets[i]
        line += text.count("\n", previous, offset)
        previous = offset
        out[i] = (line, offset - text.rfind("\n", 0, offset))
    return out


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
        self.lines = _Lines(text)
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
