"""Parsing YAML into plain data, remembering where every value stood.

YAML is read as a stream of parser events (from libyaml when present) and
built into Python values here, without recursion: tags, duplicate keys, merge
keys, recursive aliases, alias bombs and absurd nesting are refused with a
located message, and no input can exhaust the C stack. Plain scalars follow
the YAML 1.2 core schema, so ``no`` is text, not False.
"""

from __future__ import annotations

import re
from array import array
from typing import Any

import yaml

from toc.errors import FileFormatError, Path
from toc.source_map import (
    MAX_DEPTH,
    Lines,
    SourceMap,
    number_as_written,
    syntax_error,
    too_deep,
)

__all__ = ["parse_yaml", "resolve_plain"]

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


def _not_printable(text: str, file: str) -> FileFormatError | None:
    """The error for the first character YAML does not allow, if there is one."""
    found = _NOT_PRINTABLE.search(text)
    if found is None:
        return None
    char = found.group()
    what = "surrogate" if "\ud800" <= char <= "\udfff" else "control"
    return syntax_error(
        file,
        text,
        "not_printable." + what,
        Lines(text).at(found.start()),
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
        return syntax_error(self.file, self.text, name, _position(event), **fields)

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
        return too_deep(self.file, self.text, Lines(self.text).at(found), "too_deep.yaml_hint")

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
            value = self.plain[text] = number_as_written(resolve_plain(text), text)
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
        raise _not_printable(text, file) or syntax_error(file, text, "unreadable", None) from None
    try:
        data = _YamlBuilder(file, text, smap).run(parser)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        tab = _tab(text, mark)
        if tab is not None:
            # libyaml's words for it ("found character that cannot start any
            # token") never say *tab*, the one thing to fix.
            raise syntax_error(file, text, "tab", tab) from None
        pos = (mark.line + 1, mark.column + 1) if mark else None
        what = err.problem or err.context or "the YAML syntax is broken"
        raise syntax_error(file, text, "yaml_syntax", pos, what=what) from None
    except (yaml.reader.ReaderError, UnicodeEncodeError):
        raise _not_printable(text, file) or syntax_error(file, text, "unreadable", None) from None
    except yaml.YAMLError as err:
        raise syntax_error(file, text, "yaml_syntax", None, "yaml_error.hint", what=err) from None
    finally:
        parser.dispose()
    return data, smap
