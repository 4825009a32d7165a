"""Parsing YAML and JSON into plain data, remembering where every value stood.

Only plain data comes out: mappings, lists, text, numbers, booleans and null.
YAML is read with the safe composer of PyYAML (libyaml when present) and built
into Python values here, so that tags, duplicate keys, recursive aliases and
alias bombs are refused with a located message rather than constructed.
Plain scalars follow the YAML 1.2 core schema, so ``no`` is text, not False.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from toc.errors import FileFormatError, Path, Problem

__all__ = ["SourceMap", "parse_json", "parse_yaml", "resolve_plain"]

MAX_DEPTH = 64
"""Deepest nesting accepted; a theory of change needs fewer than ten levels."""

_T = "tag:yaml.org,2002:"
_PLAIN_TAGS = {_T + t for t in ("str", "int", "float", "bool", "null", "timestamp")}

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
_OCT = re.compile(r"^0o[0-7]+$")
_HEX = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_SPECIAL_FLOAT = re.compile(r"^(?:[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$")


def resolve_plain(text: str) -> Any:
    """The value of an unquoted YAML scalar under the YAML 1.2 core schema.

    >>> resolve_plain("12"), resolve_plain("0.5"), resolve_plain("no"), resolve_plain("~")
    (12, 0.5, 'no', None)
    """
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
    if _FLOAT.match(text) or _SPECIAL_FLOAT.match(text):
        return float(text)
    return text


class _Lines:
    """Offset → (line, column), both 1-based."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def at(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1


@dataclass
class SourceMap:
    """Where each value (and each mapping key) of a parsed document stands.

    Positions are ``(line, column)``, 1-based. JSON positions are computed
    only when first asked for, so a clean load pays nothing for them.
    """

    file: str
    text: str = ""
    values: dict[Path, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)
    lazy_json: bool = False

    def _ensure(self) -> None:
        if self.lazy_json:
            self.lazy_json = False
            _JsonScanner(self.text, self).scan()

    def position(self, path: Path, key: bool = False) -> tuple[int, int] | None:
        """The position of the value at ``path`` (or of its key), else of the nearest parent."""
        self._ensure()
        if key and path in self.keys:
            return self.keys[path]
        while True:
            if path in self.values:
                return self.values[path]
            if not path:
                return None
            path = path[:-1]

    def locate(self, problem: Problem) -> Problem:
        """The problem with this file's name, line and column filled in."""
        pos = self.position(problem.path, key=problem.key)
        line, column = pos if pos else (None, None)
        return Problem(
            message=problem.message,
            path=problem.path,
            hint=problem.hint,
            file=self.file,
            line=line,
            column=column,
            key=problem.key,
        )


def _fail(
    file: str, message: str, hint: str | None, pos: tuple[int, int] | None
) -> FileFormatError:
    line, column = pos if pos else (None, None)
    return FileFormatError(
        [Problem(message=message, hint=hint, file=file, line=line, column=column)]
    )


# --------------------------------------------------------------------- YAML


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _YamlBuilder:
    def __init__(self, file: str, text: str, smap: SourceMap) -> None:
        self.file = file
        self.smap = smap
        # Each value takes at least a character of text, so only aliases can
        # build more values than this: a bomb stops here, long before memory does.
        self.budget = 4 * len(text) + 1000
        self.active: set[int] = set()

    def fail(self, node: yaml.Node, message: str, hint: str | None = None) -> FileFormatError:
        return _fail(self.file, message, hint, _mark(node))

    def build(self, node: yaml.Node, path: Path) -> Any:
        self.budget -= 1
        if self.budget < 0:
            return self._bomb(node)
        if len(path) > MAX_DEPTH:
            raise self.fail(
                node,
                f"the document is nested more than {MAX_DEPTH} levels deep",
                "a theory of change needs only a few levels of nesting; check the indentation",
            )
        self.smap.values[path] = _mark(node)
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node)
        if id(node) in self.active:
            raise self.fail(
                node,
                "an alias refers to a mapping or list that contains it (a recursive alias)",
                "write the data out instead of referring to itself with *alias",
            )
        self.active.add(id(node))
        try:
            if isinstance(node, yaml.SequenceNode):
                if node.tag != _T + "seq":
                    raise self._tag(node)
                return [self.build(child, (*path, i)) for i, child in enumerate(node.value)]
            if isinstance(node, yaml.MappingNode):
                if node.tag != _T + "map":
                    raise self._tag(node)
                return self._mapping(node, path)
            raise self._tag(node)  # pragma: no cover - the composer makes only three kinds
        finally:
            self.active.discard(id(node))

    def _bomb(self, node: yaml.Node) -> Any:
        raise self.fail(
            node,
            "the document expands to far more values than its text holds "
            "(aliases that repeat aliases, an 'alias bomb')",
            "write the data out; toc refuses documents whose aliases multiply them",
        )

    def _tag(self, node: yaml.Node) -> FileFormatError:
        return self.fail(
            node,
            f"YAML tag {node.tag!r} is not allowed",
            "toc files hold plain data (text, numbers, true/false, lists and mappings); "
            "remove the '!' tag",
        )

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        if node.tag not in _PLAIN_TAGS:
            raise self._tag(node)
        if node.style is None:
            return resolve_plain(node.value)
        if node.tag == _T + "str":
            return node.value
        # An explicitly tagged quoted scalar (`!!int "3"`): read it as plain.
        return resolve_plain(node.value)

    def _mapping(self, node: yaml.MappingNode, path: Path) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _T + "merge":
                raise self.fail(
                    key_node,
                    "merge keys ('<<') are not supported",
                    "write the keys out in this mapping",
                )
            if not isinstance(key_node, yaml.ScalarNode):
                raise self.fail(
                    key_node,
                    "a mapping key must be plain text, not a list or mapping",
                    "write the key as a word such as `label:`",
                )
            key = self._scalar(key_node)
            key = key if isinstance(key, str) else ("" if key is None else str(key).lower())
            if key in out:
                first = self.smap.keys.get((*path, key))
                where = f" (first at line {first[0]})" if first else ""
                raise self.fail(
                    key_node,
                    f"duplicate key {key!r} in one mapping{where}",
                    "a key may appear only once per mapping; merge the two or rename one",
                )
            self.smap.keys[(*path, key)] = _mark(key_node)
            out[key] = self.build(value_node, (*path, key))
        return out


def parse_yaml(text: str, file: str) -> tuple[Any, SourceMap]:
    """Parse YAML text into plain data and the position of every value.

    Raises `FileFormatError` for syntax errors, tags, duplicate keys, merge
    keys, recursive aliases and alias bombs, each with its line and column.
    """
    smap = SourceMap(file=file, text=text)
    loader_cls = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    loader = loader_cls(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        pos = (mark.line + 1, mark.column + 1) if mark else None
        what = err.problem or err.context or "the YAML syntax is broken"
        raise _fail(
            file,
            f"invalid YAML: {what}",
            "check indentation, colons and quotes near this position",
            pos,
        ) from None
    except yaml.YAMLError as err:
        raise _fail(file, f"invalid YAML: {err}", "check the file's syntax", None) from None
    except RecursionError:
        raise _fail(
            file, "the document is nested too deeply", "check the indentation", None
        ) from None
    finally:
        loader.dispose()
    if node is None:
        return None, smap
    try:
        data = _YamlBuilder(file, text, smap).build(node, ())
    except RecursionError:
        raise _fail(
            file, "the document is nested too deeply", "check the indentation", None
        ) from None
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


def _reject_constant(name: str) -> Any:
    raise ValueError(name)


def parse_json(text: str, file: str) -> tuple[Any, SourceMap]:
    """Parse JSON text into plain data; positions are found lazily, on demand."""
    smap = SourceMap(file=file, text=text, lazy_json=True)
    lines = _Lines(text)
    try:
        data = json.loads(text, object_pairs_hook=_pairs, parse_constant=_reject_constant)
    except json.JSONDecodeError as err:
        raise _fail(
            file,
            f"invalid JSON: {err.msg}",
            "check commas, brackets and quotes near this position",
            (err.lineno, err.colno),
        ) from None
    except _Duplicate as dup:
        scanner = _JsonScanner(text, SourceMap(file=file))
        try:
            scanner.scan()
        except _DuplicateAt as found:
            raise _fail(
                file,
                f"duplicate key {found.key!r} in one object",
                "a key may appear only once per object; merge the two or rename one",
                lines.at(found.offset),
            ) from None
        raise _fail(
            file, f"duplicate key {dup.key!r} in one object", "remove one of them", None
        ) from None
    except ValueError as err:
        # NaN and Infinity: valid for Python's json, not for JSON.
        raise _fail(
            file, f"invalid JSON: {err} is not a JSON number", "write a finite number", None
        ) from None
    except RecursionError:
        raise _fail(file, "the document is nested too deeply", "check the brackets", None) from None
    return data, smap


class _DuplicateAt(Exception):
    def __init__(self, key: str, offset: int) -> None:
        self.key = key
        self.offset = offset


_WS = re.compile(r"[ \t\r\n]*")
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_NUMBER_OR_WORD = re.compile(r"-?[0-9a-zA-Z.+-]+")


class _JsonScanner:
    """Walks JSON text that `json.loads` accepted, recording value and key positions."""

    def __init__(self, text: str, smap: SourceMap) -> None:
        self.text = text
        self.smap = smap
        self.lines = _Lines(text)
        self.i = 0

    def scan(self) -> None:
        self._value(())

    def _skip(self) -> None:
        m = _WS.match(self.text, self.i)
        self.i = m.end() if m else self.i

    def _value(self, path: Path) -> None:
        self._skip()
        self.smap.values[path] = self.lines.at(self.i)
        char = self.text[self.i : self.i + 1]
        if char == "{":
            self.i += 1
            seen: set[str] = set()
            self._skip()
            if self.text.startswith("}", self.i):
                self.i += 1
                return
            while True:
                self._skip()
                start = self.i
                m = _STRING.match(self.text, self.i)
                if m is None:
                    return
                key = json.loads(m.group())
                if key in seen:
                    raise _DuplicateAt(key, start)
                seen.add(key)
                self.smap.keys[(*path, key)] = self.lines.at(start)
                self.i = m.end()
                self._skip()
                self.i += 1  # the colon
                self._value((*path, key))
                self._skip()
                char = self.text[self.i : self.i + 1]
                self.i += 1
                if char != ",":
                    return
        elif char == "[":
            self.i += 1
            self._skip()
            if self.text.startswith("]", self.i):
                self.i += 1
                return
            index = 0
            while True:
                self._value((*path, index))
                index += 1
                self._skip()
                char = self.text[self.i : self.i + 1]
                self.i += 1
                if char != ",":
                    return
        elif char == '"':
            m = _STRING.match(self.text, self.i)
            self.i = m.end() if m else len(self.text)
        else:
            m = _NUMBER_OR_WORD.match(self.text, self.i)
            self.i = m.end() if m else self.i + 1
