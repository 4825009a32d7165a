"""Reading and writing documents: YAML for people, JSON for tools.

Every error names the file, line and column and says what to do; writing is
atomic (a temporary file renamed into place) and deterministic.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import stat
import sys
import tempfile
import time
import types
import typing
import unicodedata
from collections.abc import Iterable
from pathlib import Path as FsPath
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError

from mechanisms.types import STRICT_CONFIG
from toc._gc import collector_paused
from toc._version import __version__
from toc.codes import CODES
from toc.errors import (
    DocumentError,
    OptionError,
    Problem,
    ReadError,
    UnsupportedVersionError,
    WriteError,
)
from toc.findings import Path, dotted
from toc.formats import DOCUMENT
from toc.hints import MAX_PROBLEMS, Pending, Suggestions, did_you_mean, more_problems
from toc.i18n import CATALOGUE, LANGUAGES, text
from toc.model import FORMAT_VERSION, Document, reference_pending
from toc.source import SourceMap, language_in, parse_json, parse_yaml, resolve_plain

__all__ = [
    "MAX_BYTES",
    "check_references",
    "detect_format",
    "dump",
    "dumps",
    "load",
    "loads",
    "refuse_input_as_output",
    "suggest_id",
    "validate",
    "write_atomic",
]

_SPLIT_HINT = (
    "split the document into smaller ones (in Python, toc.load(path, max_bytes=...) "
    "reads larger files)"
)

MAX_BYTES = 16 * 1024 * 1024
"""Largest file `load` reads (16 MiB); a 10,000-node document is a few MiB."""

Format = Literal["yaml", "json"]
_FORMATS = ("yaml", "json")


def detect_format(path: str | os.PathLike[str], text: str | None = None) -> Format:
    """The format of a file from its suffix (``.yaml``, ``.yml``, ``.json``).

    Without a known suffix, text that starts with ``{`` is JSON, else YAML.
    """
    suffix = FsPath(path).suffix.lower()
    if suffix in DOCUMENT:
        return "json" if DOCUMENT[suffix] == "json" else "yaml"
    if text is not None and text.lstrip().startswith("{"):
        return "json"
    return "yaml"


def _check_format(format: str) -> Format:
    if format not in _FORMATS:
        raise OptionError(f"unknown format {format!r}: use 'yaml' or 'json'")
    return "json" if format == "json" else "yaml"


# ----------------------------------------------------------------- reading


def _read_problem(file: str, message: str, hint: str, line: int | None = None) -> ReadError:
    column = 1 if line is not None else None
    return ReadError([Problem(message=message, hint=hint, file=file, line=line, column=column)])


def _decode(raw: bytes, file: str) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]  # a UTF-8 byte order mark, as Windows editors write
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _read_problem(file, text("load.utf16", "en"), text("load.utf8.hint", "en"), line=1)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        before = raw[: err.start]
        line_start = before.rfind(b"\n") + 1
        # The text up to the bad byte is valid UTF-8: its `language:` says how to word it.
        language = language_in(before.decode("utf-8"))
        raise ReadError(
            [
                Problem(
                    message=text("load.not_utf8", language, byte=raw[err.start], offset=err.start),
                    hint=text("load.utf8.hint", language),
                    file=file,
                    line=before.count(b"\n") + 1,
                    column=len(before[line_start:].decode("utf-8")) + 1,
                )
            ]
        ) from None


def load(path: str | os.PathLike[str], *, max_bytes: int = MAX_BYTES) -> Document:
    """Read a document from a YAML or JSON file and check it fully.

    >>> doc = load("examples/starter-en/starter-en.yaml")  # doctest: +SKIP
    >>> doc.language  # doctest: +SKIP
    'en'

    Raises `ReadError` (missing, too large, not UTF-8, broken syntax) or
    `DocumentError` (invalid content), both `TocError`, with every problem
    located by file, line and column.
    """
    file = os.fspath(path)
    try:
        size = os.stat(file).st_size
        if size > max_bytes:
            raise _read_problem(
                file,
                f"the file is {size:,} bytes, more than the limit of {max_bytes:,}",
                _SPLIT_HINT,
            )
        with open(file, "rb") as handle:
            raw = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise _read_problem(file, "no such file", "check the path and the file name") from None
    except IsADirectoryError:
        raise _read_problem(
            file, "this is a folder, not a file", "name a .yaml or .json file"
        ) from None
    except OSError as err:
        raise _read_problem(
            file, f"cannot read the file: {err.strerror}", "check its permissions"
        ) from None
    if len(raw) > max_bytes:
        raise _read_problem(
            file,
            f"the file is more than the limit of {max_bytes:,} bytes",
            _SPLIT_HINT,
        )
    text = _decode(raw, file)
    return loads(text, format=detect_format(file, text), file=file, max_bytes=max_bytes)


def loads(
    text: str | bytes,
    format: str = "yaml",
    *,
    file: str = "<string>",
    max_bytes: int = MAX_BYTES,
) -> Document:
    """Read a document from YAML or JSON text and check it fully.

    >>> doc = loads('''
    ... format: 1
    ... id: demo
    ... title: Demo
    ... nodes: [{id: a, stage: resources, label: Money}]
    ... ''')
    >>> doc.nodes[0].label
    'Money'
    """
    fmt = _check_format(format)
    if len(text) > max_bytes:
        unit = "bytes" if isinstance(text, bytes) else "characters"
        raise _read_problem(
            file,
            f"the text is {len(text):,} {unit}, more than the limit of {max_bytes:,}",
            _SPLIT_HINT.replace("toc.load(path", "toc.loads(text"),
        )
    if isinstance(text, bytes):
        text = _decode(text, file)
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise _read_problem(
            file,
            "the document is empty",
            "start with `format: 1`, an `id` and a `title`; `toc new` writes a starter",
        )
    with collector_paused():
        data, smap = parse_yaml(text, file) if fmt == "yaml" else parse_json(text, file)
        if data is None and fmt == "yaml":
            # Only comments, or a lone `~`: as empty as an empty file.
            raise _read_problem(
                file,
                "the document is empty",
                "start with `format: 1`, an `id` and a `title`; `toc new` writes a starter",
            )
        return validate(data, smap)


def validate(data: Any, source: SourceMap | None = None) -> Document:
    """Check plain data (as parsed from YAML or JSON) and build the `Document`.

    Every problem is gathered and raised once, as a `DocumentError` whose
    problems carry file positions when ``source`` is given, worded in the
    document's ``language``. At most `MAX_PROBLEMS` are reported, and time
    and memory stay bounded however many problems the data holds: it is
    validated in pieces whose problems are counted before they are paid for
    (`_Pieces`), and validation stops once far more problems are found than
    could be shown.
    """
    source = source or SourceMap(file="<document>")
    language = _language(data)
    if not isinstance(data, dict):
        raise DocumentError(
            [
                source.locate(
                    Problem(
                        text("load.not_mapping", language, what=_describe(data, language)),
                        hint=text("load.not_mapping.hint", language),
                    )
                )
            ]
        )
    _check_version(data, source, language)
    found = _Found(data, source, language)
    try:
        doc = _Pieces(found).document(data)
    except _Enough:
        doc = None
    if doc is None or found.count:
        raise DocumentError(found.report())
    doc._source = source
    return doc


def check_references(doc: Document) -> None:
    """Raise a located `DocumentError` if a reference of the document no longer resolves.

    A loaded document is consistent; one changed in code may not be (a link
    to a node that was removed). `toc.check` calls this first, so that such a
    document gets the loader's located problems, never a `KeyError`.
    """
    pending, count = reference_pending(doc)
    if pending:
        source = doc._source or SourceMap(file="<document>")
        found = _Found({}, source, doc.language)
        found.add_references(pending, count)
        raise DocumentError(found.report())


def _language(data: Any) -> str:
    """The language of a document's messages: its ``language`` if that is one toc speaks."""
    language = data.get("language") if isinstance(data, dict) else None
    return language if language in LANGUAGES else "en"


_STOP = 1_000
"""Validation stops once this many problems are found: far more than are shown."""


class _Enough(Exception):
    """Enough problems are found to stop looking."""


class _Found:
    """The problems found in a document, kept raw until the reported ones are known.

    Pydantic's errors and the model's reference problems are placed in the
    file first, then only the first `MAX_PROBLEMS` are worded and get their
    "did you mean" search.
    """

    def __init__(self, data: Any, source: SourceMap, language: str) -> None:
        self.data = data
        self.source = source
        self.language = language
        self.errors: list[tuple[Any, Path]] = []
        self.references: list[Pending] = []
        self.count = 0
        self.complete = True
        self.failed: set[Path] = set()

    def add_errors(self, err: ValidationError, base: Path, offset: int = 0) -> None:
        """Pydantic's errors from validating the value at ``base`` (its list from ``offset``)."""
        for error in err.errors(include_url=False)[: _STOP * 2]:
            loc = tuple(error["loc"])
            if offset and loc and isinstance(loc[0], int):
                loc = (loc[0] + offset, *loc[1:])
            path = (*base, *loc)
            if self.failed and any(path[: len(part)] == part for part in self.failed):
                continue  # about a part left out because it failed: already reported
            self.count += 1
            self.errors.append((error, path))
        self.count += max(err.error_count() - _STOP * 2, 0)
        if self.count > _STOP:
            self.complete = False
            raise _Enough

    def add_error(self, kind: str, path: Path, value: Any = None) -> None:
        """One problem found before pydantic saw the data (it is then kept from pydantic)."""
        self.count += 1
        if len(self.errors) < _STOP * 2:
            self.errors.append(({"type": kind, "loc": (), "input": value}, path))
        if self.count > _STOP:
            self.complete = False
            raise _Enough

    def add_references(self, pending: list[Pending], count: int) -> None:
        self.references.extend(pending)
        self.count += count

    def report(self) -> list[Problem]:
        """The problems to report: the first `MAX_PROBLEMS` in file order, worded and placed,
        and a count of the rest."""
        data, json_text = self.data, self.source.lazy_json
        raw: list[tuple[Path, bool, Any]] = []  # (place, about a key?, what to word)
        translated = [
            _translate(error, loc, data, self.language, json_text) for error, loc in self.errors
        ]
        for i in _unique([(problem, union) for problem, union, _ in translated]):
            problem, _, path = translated[i]
            raw.append((problem.path, problem.key, (self.errors[i][0], path)))
        for pending in self.references:
            raw.append((pending.path, False, pending))
        positions = _positions(self.source, raw)
        order = sorted(
            range(len(raw)),
            key=lambda i: (positions[i] is None, positions[i] or (0, 0)),
        )
        indexes: dict[int, Suggestions] = {}
        shown: list[Problem] = []
        for i in order[:MAX_PROBLEMS]:
            _, _, what = raw[i]
            if isinstance(what, Pending):
                index = None
                if what.choices is not None:
                    index = indexes.setdefault(id(what.choices), Suggestions(what.choices))
                problem = what.word(self.language, index)
            else:
                error, path = what
                problem = _problem(error, path, data, self.language, json_text, True)
            shown.append(problem.at(self.source.file, positions[i]))
        total = max(self.count, len(raw))
        if total > len(shown) and (total > MAX_PROBLEMS * 2 or len(raw) > MAX_PROBLEMS):
            last = more_problems(
                total - len(shown), len(shown), self.language, at_least=not self.complete
            )
            shown.append(last.at(self.source.file, None))
        return shown


def _positions(source: SourceMap, raw: list[tuple[Path, bool, Any]]) -> list[Any]:
    """Where each problem stands; keys where the problem is about a key."""
    out: list[Any] = [None] * len(raw)
    for key in (False, True):
        at = [i for i, (_, is_key, _) in enumerate(raw) if is_key == key]
        found = source.positions([raw[i][0] for i in at], key=key)
        for i, position in zip(at, found, strict=True):
            out[i] = position
    return out


def _unique(translated: list[tuple[Problem, bool]]) -> list[int]:
    """The problems to keep: one per place and message, one per place for the members
    of a union.

    A value that fits neither ``int`` nor ``float`` fails both; the last
    member's message ("expected a number") says it for both.
    """
    union_last = {p.path: i for i, (p, union) in enumerate(translated) if union}
    seen: set[tuple[Path, str]] = set()
    out = []
    for i, (p, union) in enumerate(translated):
        if union and union_last[p.path] != i:
            continue
        if (p.path, p.message) not in seen:
            seen.add((p.path, p.message))
            out.append(i)
    return out


def _check_version(data: dict[str, Any], source: SourceMap, language: str) -> None:
    version = data.get("format")
    fields = {"version": FORMAT_VERSION, "library": __version__}
    if "format" not in data:
        problem = Problem(
            text("load.format_missing", language),
            hint=text("load.format_missing.hint", language, **fields),
        )
    elif isinstance(version, bool) or not isinstance(version, int):
        problem = Problem(
            text("load.format_not_version", language, value=_as_written(version, language)),
            ("format",),
            text("load.format.hint", language, **fields),
        )
    elif version > FORMAT_VERSION:
        raise UnsupportedVersionError(
            [
                source.locate(
                    Problem(
                        text("load.format_newer", language, value=_number(version), **fields),
                        ("format",),
                        text("load.format_newer.hint", language),
                    )
                )
            ]
        )
    elif version < 1:
        problem = Problem(
            text("load.format_unknown", language, value=_number(version)),
            ("format",),
            text("load.format.hint", language, **fields),
        )
    else:
        return
    raise UnsupportedVersionError([source.locate(problem)])


# ------------------------------------------ validation in bounded pieces

_PIECE = 20_000
"""Most problems one pydantic call can meet, counted before the call.

Pydantic gathers every error of a call before it returns (a few hundred
bytes each, and a dictionary each when read), so a 16 MiB list of wrong
values would cost gigabytes. A container whose count is larger is
validated in pieces (`_Pieces`), and the validated pieces are handed on.
"""


class _Plan:
    """What pydantic expects of a value, as far as counting its problems needs."""

    __slots__ = ("allowed", "annotation", "fields", "item", "kind", "members", "required")

    def __init__(self, kind: str, annotation: Any) -> None:
        self.kind = kind  # "model", "list", "dict", "union" or "scalar"
        self.annotation = annotation
        self.allowed: frozenset[str] = frozenset()
        self.required = 0
        self.fields: tuple[tuple[str, _Plan], ...] = ()  # (key, plan) of container fields
        self.item: _Plan | None = None  # of a list's items, a dict's values
        self.members: dict[str, _Plan] = {}  # of a union, by the value of ``kind``


_PLANS: dict[Any, _Plan] = {}


def _field_keys(name: str, info: Any) -> tuple[str, ...]:
    """The keys a field is read from: its alias (as files spell it) and its name."""
    alias = info.validation_alias if isinstance(info.validation_alias, str) else info.alias
    return (alias, name) if alias and alias != name else (name,)


def _key(annotation: Any) -> Any:
    """A dictionary key for a type annotation (some hold unhashable constraints)."""
    try:
        hash(annotation)
    except TypeError:
        return id(annotation)
    return annotation


def _plan(annotation: Any) -> _Plan:
    """The `_Plan` of a type annotation of the document's models (cached)."""
    found = _PLANS.get(_key(annotation))
    if found is not None:
        return found
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    plan = _Plan("scalar", annotation)
    if origin is typing.Annotated:
        # Counted as what it wraps, validated with its own constraints.
        inner = _plan(args[0])
        plan = _Plan(inner.kind, annotation)
        plan.allowed, plan.required, plan.fields = inner.allowed, inner.required, inner.fields
        plan.item, plan.members = inner.item, inner.members
    elif origin in (typing.Union, types.UnionType):
        members = [a for a in args if a is not type(None)]
        models = [a for a in members if isinstance(a, type) and issubclass(a, BaseModel)]
        if len(members) == 1:
            plan = _plan(members[0])
        elif models:
            plan = _Plan("union", annotation)
            for model in models:
                tag = model.model_fields.get("kind")
                for kind in typing.get_args(tag.annotation) if tag is not None else ():
                    plan.members[kind] = _plan(model)
    elif origin is list:
        plan = _Plan("list", annotation)
        plan.item = _plan(args[0] if args else Any)
    elif origin is dict:
        plan = _Plan("dict", annotation)
    elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
        plan = _Plan("model", annotation)
        _PLANS[_key(annotation)] = plan  # before the fields: a model may contain itself
        allowed: list[str] = []
        fields: list[tuple[str, _Plan]] = []
        for name, info in annotation.model_fields.items():
            keys = _field_keys(name, info)
            allowed.extend(keys)
            plan.required += info.is_required()
            sub = _plan(info.annotation)
            if sub.kind != "scalar":
                fields.extend((key, sub) for key in keys)
        plan.allowed = frozenset(allowed)
        plan.fields = tuple(fields)
    _PLANS[_key(annotation)] = plan
    return plan


def _count(plan: _Plan, values: list[Any], budget: int) -> int:
    """``budget`` less an upper bound of the problems pydantic could find in ``values``
    (each to be validated by ``plan``); negative once the budget is spent.

    Every key, item and model counts one, every required field one more: no
    value yields more errors than that (twice for ``int | float``, which the
    budget allows for). Lists of models are counted field by field across all
    of them, so a valid document costs a small fraction of its validation.
    """
    kind = plan.kind
    if kind == "scalar":
        return budget - len(values)
    if kind == "list" or kind == "dict":
        wanted = list if kind == "list" else dict
        inner: list[Any] = []
        nested = kind == "list" and plan.item is not None and plan.item.kind != "scalar"
        for value in values:
            if type(value) is wanted:
                budget -= len(value) + 1
                if budget < 0:
                    return budget
                if nested:
                    inner.extend(value)
            else:
                budget -= 1
        if inner and plan.item is not None:
            budget = _count(plan.item, inner, budget)
        return budget
    if kind == "union":
        groups: dict[int, tuple[_Plan, list[Any]]] = {}
        for value in values:
            member = _member(plan, value)
            if member is None:
                budget -= len(value) + 1 if type(value) is dict else 1
            else:
                groups.setdefault(id(member), (member, []))[1].append(value)
        for member, group in groups.values():
            if budget < 0:
                break
            budget = _count(member, group, budget)
        return budget
    # A model: its keys, required fields and container fields.
    dicts = [value for value in values if type(value) is dict]
    budget -= len(values) - len(dicts)
    budget -= sum(map(len, dicts)) + len(dicts) * (plan.required + 1)
    for key, sub in plan.fields:
        if budget < 0:
            break
        inner = [d[key] for d in dicts if key in d]
        if inner:
            budget = _count(sub, inner, budget)
    return budget


def _member(plan: _Plan, value: Any) -> _Plan | None:
    """The member of a union a value is validated as (by its ``kind``), if any."""
    kind = value.get("kind") if type(value) is dict else None
    return plan.members.get(kind) if isinstance(kind, str) else None


_ADAPTERS: dict[tuple[Any, bool], TypeAdapter[Any]] = {}


def _adapter(annotation: Any, single: bool = False) -> TypeAdapter[Any]:
    """A validator of a list of ``annotation`` (or of one), with the models' configuration."""
    key = (_key(annotation), single)
    found = _ADAPTERS.get(key)
    if found is None:
        whole = annotation if single else list[annotation]
        found = _ADAPTERS[key] = TypeAdapter(whole, config=_config(annotation))
    return found


def _config(annotation: Any) -> ConfigDict | None:
    # A model brings its own configuration (pydantic refuses a second one).
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return None
    return STRICT_CONFIG


_FAILED = object()
"""A part that did not validate: it is left out, and so are problems about its absence."""

_CHUNK = 256
"""Items validated together when a list is validated in pieces."""


class _Pieces:
    """Validates a document in pieces no larger than `_PIECE` problems each.

    A document small enough is validated in one call, as pydantic does. In a
    larger one, each list (and each mapping) whose problems could pass
    `_PIECE` is validated apart, `_CHUNK` items at a time (a chunk too large is
    halved; a single item too large is taken apart the same way), and the
    validated items replace it in what the document's own validation sees:
    pydantic passes validated models through without validating them again.
    """

    def __init__(self, found: _Found) -> None:
        self.found = found

    def document(self, data: dict[str, Any]) -> Document | None:
        found = self.found
        reduced = self._model(_plan(Document), data, ())
        context: dict[str, Any] = {"problems": found.references}
        if found.count:
            context["skip_references"] = True
        try:
            doc = Document.model_validate(reduced, context=context)
        except ValidationError as err:
            found.add_errors(err, ())
            return None
        except ValueError:
            self._huge_number(reduced, ())
            return None
        found.count += context.get("count", 0)
        return doc

    def _model(self, plan: _Plan, value: dict[str, Any], path: Path) -> dict[str, Any]:
        """The mapping with its large parts validated apart (and its unknown keys, when they
        are many, reported here)."""
        if _count(plan, [value], _PIECE) >= 0:
            return value
        out = value
        if len(value) > _PIECE // 4:
            unknown = [key for key in value if key not in plan.allowed]
            for key in unknown:
                self.found.add_error("extra_forbidden", (*path, key))
            out = {key: item for key, item in value.items() if key in plan.allowed}
        for key, sub in plan.fields:
            item = out.get(key)
            if item is None or _count(sub, [item], _PIECE) >= 0:
                continue
            checked = self._part(sub, item, (*path, key))
            if out is value:
                out = dict(value)
            if checked is _FAILED:
                del out[key]
                self.found.failed.add((*path, key))
            else:
                out[key] = checked
        return out

    def _part(self, plan: _Plan, value: Any, path: Path) -> Any:
        """A large value validated apart: the validated value, or `_FAILED`."""
        if plan.kind == "model" and type(value) is dict:
            return self._one(plan, self._model(plan, value, path), path)
        if plan.kind == "union" and type(value) is dict:
            member = _member(plan, value)
            reduced = self._model(member, value, path) if member is not None else value
            return self._one(plan, reduced, path)
        if plan.kind == "dict" and type(value) is dict:
            return self._dict(plan, value, path)
        if plan.kind != "list" or type(value) is not list:
            return value  # one problem at most: the whole validation reports it
        item = plan.item or _plan(Any)
        out: list[Any] = []
        ok = True
        for start in range(0, len(value), _CHUNK):
            ok = self._chunk(item, value, start, min(start + _CHUNK, len(value)), path, out) and ok
        return out if ok else _FAILED

    def _chunk(
        self, plan: _Plan, items: list[Any], start: int, stop: int, path: Path, out: list[Any]
    ) -> bool:
        part = items[start:stop]
        if _count(plan, part, _PIECE) < 0:
            if stop - start > 1:
                middle = (start + stop) // 2
                first = self._chunk(plan, items, start, middle, path, out)
                return self._chunk(plan, items, middle, stop, path, out) and first
            checked = self._part(plan, part[0], (*path, start))
            if checked is _FAILED:
                return False
            part = [checked]
        try:
            out.extend(_adapter(plan.annotation).validate_python(part))
        except ValidationError as err:
            self.found.add_errors(err, path, start)
            return False
        except ValueError:
            self._huge_number(part, path, start)
            return False
        return True

    def _one(self, plan: _Plan, value: Any, path: Path) -> Any:
        try:
            return _adapter(plan.annotation, single=True).validate_python(value)
        except ValidationError as err:
            self.found.add_errors(err, path)
            return _FAILED

    def _dict(self, plan: _Plan, value: dict[str, Any], path: Path) -> Any:
        # Only `checks.severity` is a mapping of many entries: its keys are checks.
        adapter = _adapter(plan.annotation, single=True)
        items = list(value.items())
        out: dict[Any, Any] = {}
        ok = True
        for start in range(0, len(items), _CHUNK):
            try:
                out.update(adapter.validate_python(dict(items[start : start + _CHUNK])))
            except ValidationError as err:
                self.found.add_errors(err, path)
                ok = False
        return out if ok else _FAILED

    def _huge_number(self, value: Any, path: Path, offset: int = 0) -> None:
        """Report the first integer too long to turn into text (pydantic's ValueError)."""
        found = _huge_int(value)
        if found is None:  # pragma: no cover - no other ValueError escapes pydantic
            raise
        where, number = found
        if offset and where and isinstance(where[0], int):
            where = (where[0] + offset, *where[1:])
        self.found.add_error("huge_number", (*path, *where), number)


def _huge_int(value: Any) -> tuple[Path, int] | None:
    """The path and value of the first integer Python refuses to write as text."""
    todo: list[tuple[Path, Any]] = [((), value)]
    bits = int(sys.get_int_max_str_digits() * 3.32)  # fewer bits cannot be too many digits
    while todo:
        path, item = todo.pop()
        if isinstance(item, int) and bits and item.bit_length() > bits and _unwritable(item):
            return path, item
        if isinstance(item, dict):
            todo.extend(((*path, k), v) for k, v in reversed(item.items()))
        elif isinstance(item, list):
            todo.extend(((*path, i), v) for i, v in reversed(list(enumerate(item))))
    return None


def _unwritable(value: int) -> bool:
    try:
        str(value)
    except ValueError:
        return True
    return False


def _number(value: int | float) -> str:
    """A number as written, or its size when Python refuses to write it out."""
    try:
        return repr(value)
    except ValueError:
        return f"<{_digits(value):,} digits>"


def _digits(value: int | float) -> int:
    return int(abs(int(value)).bit_length() * 0.30103) + 1


# ------------------------------------------------- pydantic errors, located

_TYPE_NOUNS = {
    "string_type": "text",
    "int_type": "int",
    "int_parsing": "int",
    "int_from_float": "int",
    "float_type": "number",
    "float_parsing": "number",
    "bool_type": "bool",
    "bool_parsing": "bool",
    "list_type": "list",
    "dict_type": "mapping",
    "model_type": "mapping",
    "model_attributes_type": "mapping",
}
"""Pydantic's type errors, by the catalogue's name (``load.noun.…``) of what was expected."""


def _as_written(value: Any, language: str) -> str:
    """A plain value as YAML and JSON spell it: ``true``, ``null``, ``'x'``, ``1.5``."""
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, int | float):
        return _number(value)
    return repr(value) if isinstance(value, str) else _describe(value, language)


def _describe(value: Any, language: str = "en") -> str:
    """What a value is, for a message: ``the text 'x'``, ``a list``."""
    if value is None:
        return text("load.describe.null", language)
    if isinstance(value, bool):
        return text("load.describe.bool", language, value=str(value).lower())
    if isinstance(value, dict):
        return text("load.describe.mapping", language)
    if isinstance(value, list):
        return text("load.describe.list", language)
    if isinstance(value, str):
        return text("load.describe.text", language, value=value)
    if isinstance(value, int | float):
        return text("load.describe.number", language, value=_number(value))
    return repr(value)


def _clean_path(loc: tuple[Any, ...], data: Any) -> Path:
    """The error's location as a path into the data, without union tags."""
    path: list[str | int] = []
    node = data
    for part in loc:
        if isinstance(node, list) and isinstance(part, int):
            path.append(part)
            node = node[part] if 0 <= part < len(node) else None
        elif isinstance(node, dict) and isinstance(part, str):
            if part in node:
                path.append(part)
                node = node[part]
            elif node.get("kind") == part or part.endswith("Evidence"):
                continue  # a discriminated union's tag, not a key
            else:
                path.append(part)
                node = None
        elif isinstance(part, str | int):
            path.append(part)
            node = None
    return tuple(path)


def _model_fields_at(path: Path, data: Any) -> list[str]:
    """The keys allowed in the mapping at ``path``."""
    from mechanisms.model import NarrativeEvidence, SurveyEvidence

    annotation: Any = Document
    node = data
    for part in path:
        annotation = _unwrap(annotation, node)
        if isinstance(part, int):
            args = typing.get_args(annotation)
            annotation = args[0] if args else Any
            node = node[part] if isinstance(node, list) and 0 <= part < len(node) else None
        elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
            found = None
            for name, info in annotation.model_fields.items():
                if part in _field_keys(name, info):
                    found = info.annotation
            annotation = found
            node = node.get(part) if isinstance(node, dict) else None
        else:
            return []
    annotation = _unwrap(annotation, node)
    if annotation is Any and isinstance(node, dict):
        annotation = SurveyEvidence if node.get("kind") == "survey" else NarrativeEvidence
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [_field_keys(name, info)[0] for name, info in annotation.model_fields.items()]
    return []


def _unwrap(annotation: Any, node: Any) -> Any:
    from mechanisms.model import NarrativeEvidence, SurveyEvidence

    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            members = [a for a in typing.get_args(annotation) if a is not type(None)]
            if SurveyEvidence in members:
                kind = node.get("kind") if isinstance(node, dict) else None
                return SurveyEvidence if kind == "survey" else NarrativeEvidence
            annotation = members[0]
        else:
            return annotation


def _at(path: Path, message: str) -> str:
    """The message prefixed with where in the data it applies (nothing at the top level)."""
    return f"{dotted(path)}: {message}" if path else message


def _existing(path: Path, data: Any) -> Path:
    """The longest start of ``path`` that names a value in the data."""
    node = data
    for i, part in enumerate(path):
        in_dict = isinstance(node, dict) and isinstance(part, str) and part in node
        in_list = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if not (in_dict or in_list):
            return path[:i]
        node = node[part]
    return path


def _translate(
    error: Any, loc: Path, data: Any, language: str, json_text: bool
) -> tuple[Problem, bool, Path]:
    """A pydantic error as a problem at its place in the data, its hint not yet worded,
    and the path of the value it is about.

    The flag tells whether the error came from one member of a union
    (``int | float``): pydantic names the member after the value's place.
    """
    path = _clean_path(loc, data)
    union = False
    if error["type"] not in ("missing", "extra_forbidden", "huge_number"):
        found = _existing(path, data)
        union = found != path
        path = found
    return _problem(error, path, data, language, json_text, False), union, path


def _problem(
    error: Any, path: Path, data: Any, language: str, json_text: bool, suggest: bool
) -> Problem:
    """A pydantic error as an actionable problem in ``language``.

    Without ``suggest`` the hint is left out: only reported problems are
    worded in full, with their "did you mean" search.
    """
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    name = str(path[-1]) if path and isinstance(path[-1], str) else "value"
    where = dotted(path)
    lang = language

    def say(name: str, /, **fields: Any) -> str:
        return text("load." + name, lang, **fields)

    def problem(message: str, at: Path, hint: Any, key: bool = False) -> Problem:
        return Problem(message, at, (hint() if suggest else None), key=key)

    if kind == "extra_forbidden":

        def unknown_key_hint() -> str:
            comma = _flow_comma(path, data) if not json_text else None
            if comma is not None:
                return say("unknown_key.comma", key=comma[0], text=comma[1])
            allowed = _model_fields_at(path[:-1], data)
            return did_you_mean(name, allowed, lang) or (
                say("allowed_keys", keys=", ".join(allowed)) if allowed else say("remove_it")
            )

        return problem(
            _at(path[:-1], say("unknown_key", name=name)), path, unknown_key_hint, key=True
        )
    if kind == "missing":
        return problem(
            _at(path[:-1], say("missing_key", name=name)),
            path,
            lambda: say("missing_key.hint", name=name),
        )
    if kind == "huge_number":
        return problem(
            _at(path, say("huge_number", digits=_digits(value))),
            path,
            lambda: say("huge_number.hint"),
        )
    if kind == "union_tag_invalid":
        expected = re.findall(r"'([^']*)'", str(ctx.get("expected_tags", "")))
        tag = str(ctx.get("tag", value))
        return problem(
            f"{where}.kind: {say('not_evidence_kind', tag=tag)}",
            (*path, "kind"),
            lambda: (
                did_you_mean(tag, expected, lang) or say("use_one_of", choices=", ".join(expected))
            ),
        )
    if kind == "union_tag_not_found":
        return problem(
            f"{where}: {say('missing_key', name='kind')}",
            path,
            lambda: say("missing_kind.hint"),
        )
    if kind in ("literal_error", "enum"):
        expected = re.findall(r"'([^']*)'|(\d+)", str(ctx.get("expected", "")))
        choices = [a or b for a, b in expected]
        return problem(
            f"{where}: {say('not_allowed', value=_as_written(value, lang))}",
            path,
            lambda: (
                (did_you_mean(str(value), choices, lang) if isinstance(value, str) else None)
                or say("use_one_of", choices=", ".join(choices))
            ),
        )
    if kind == "string_pattern_mismatch":
        if str(ctx.get("pattern", "")).startswith(r"^\d{4}"):
            return problem(
                f"{where}: {say('not_date', value=value)}", path, lambda: say("date.hint")
            )
        return problem(
            f"{where}: {say('not_id', value=value)}",
            path,
            lambda: _id_hint(str(value), lang),
        )
    if kind == "string_too_short":
        return problem(f"{where}: {say('empty')}", path, lambda: say("empty.hint", name=name))
    if kind == "string_too_long":
        return problem(
            f"{where}: {say('too_long')}",
            path,
            lambda: say("too_long.hint", max=ctx.get("max_length")),
        )
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        probability = name in ("prior", "p_if_true", "p_if_false")
        return problem(
            f"{where}: {say('out_of_range', value=_as_written(value, lang))}",
            path,
            lambda: say("probability.hint" if probability else "not_negative.hint"),
        )
    if kind == "too_short":
        least = ctx.get("min_length")
        return problem(
            f"{where}: {say('too_few', min=least)}",
            path,
            lambda: say("too_few.hint", min=least, name=name),
        )
    if kind == "finite_number":
        return problem(f"{where}: {say('not_finite')}", path, lambda: say("not_finite.hint"))
    if kind in _TYPE_NOUNS:
        noun = say("noun." + _TYPE_NOUNS[kind])
        text_hint = "json_text.hint" if json_text else "yaml_text.hint"
        return problem(
            f"{where}: {say('expected', noun=noun, what=_describe(value, lang))}",
            path,
            lambda: say(text_hint) if _TYPE_NOUNS[kind] == "text" else say("write_here", noun=noun),
        )
    if kind == "unknown_check":
        word = str(ctx.get("value", ""))
        return problem(
            f"{where}: {say('custom.unknown_check', word=repr(word))}",
            path,
            lambda: (
                did_you_mean(word, [c.code for c in CODES] + [c.name for c in CODES], lang)
                or say("custom.unknown_check.hint")
            ),
        )
    if f"load.custom.{kind}" in CATALOGUE:
        fields = {k: v for k, v in ctx.items() if isinstance(v, str | int | float | list)}
        hint_key = f"load.custom.{kind}.hint"
        return problem(
            f"{where}: {text('load.custom.' + kind, lang, **fields)}",
            path,
            lambda: text(hint_key, lang, **fields) if hint_key in CATALOGUE else None,
        )
    if kind == "value_error":
        message = str(error.get("msg", "")).removeprefix("Value error, ")
        return problem(f"{where}: {message}", path, lambda: None)
    return problem(f"{where}: {error.get('msg')}", path, lambda: None)


def _flow_comma(path: Path, data: Any) -> tuple[str, str] | None:
    """The key and the whole text, when an unknown key is the rest of a text cut at a comma.

    In a YAML flow mapping ``{verdict: held, rationale: bra, men sent}`` the
    comma ends ``rationale``'s text and ``men sent`` becomes a key without a
    value. Returns ``("rationale", "bra, men sent")`` for it.
    """
    parent = data
    for part in path[:-1]:
        try:
            parent = parent[part]
        except (KeyError, IndexError, TypeError):
            return None
    if not isinstance(parent, dict) or parent.get(path[-1], "") is not None:
        return None
    keys = list(parent)
    at = keys.index(path[-1])
    if at == 0 or not isinstance(parent[keys[at - 1]], str):
        return None
    # The text goes on through every valueless key after it.
    words = [parent[keys[at - 1]]]
    for key in keys[at:]:
        if parent[key] is not None:
            break
        words.append(str(key))
    return str(keys[at - 1]), ", ".join(words)


_LATIN = {"æ": "ae", "ø": "o", "ß": "ss", "ð": "d", "þ": "th", "ł": "l", "œ": "oe", "đ": "d"}


def suggest_id(value: str) -> str:
    """An id like ``value`` that the format accepts: a–z, digits, ``-`` and ``_``.

    Letters with accents lose them (å, ä, ö become a, a, o), other
    characters become ``-``.

    >>> suggest_id("möte"), suggest_id("Första mötet!"), suggest_id("Ærø_2")
    ('mote', 'forsta-motet', 'aero_2')
    """
    lowered = "".join(_LATIN.get(c, c) for c in value.lower())
    plain = unicodedata.normalize("NFKD", lowered).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9_-]+", "-", plain).strip("-_")
    return re.sub(r"-{2,}", "-", slug)[:200]


def _id_hint(value: str, language: str) -> str:
    suggestion = suggest_id(value)
    if suggestion and suggestion != value:
        return text("load.id.hint_suggest", language, suggestion=suggestion)
    return text("load.id.hint", language)


# ----------------------------------------------------------------- writing


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    pass


_ODD_BREAKS = ("\x85", "\u2028", "\u2029")


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    # Text that the YAML 1.2 reader would take for a number, true/false or
    # null must be quoted, or it would not read back as text.
    style = None
    if not isinstance(resolve_plain(value), str):
        style = "'"
    elif any(c in value for c in _ODD_BREAKS):
        # PyYAML's pure-Python emitter folds these inside single quotes; escaped
        # in double quotes they survive either emitter.
        style = '"'
    elif "\n" in value and len(value) > 1:
        style = "|" if not value.endswith((" ", "\t")) and "\r" not in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def to_data(doc: Document) -> dict[str, Any]:
    """The canonical plain data of a document: fixed key order, defaults left out."""
    data = doc.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    head = {"format": doc.format, "id": doc.id, "title": doc.title, "language": doc.language}
    return {**head, **{k: v for k, v in data.items() if k not in head}}


def dumps(doc: Document, format: str = "yaml") -> str:
    """The document as YAML or JSON text, canonical and deterministic.

    A link's mechanisms are written on the mechanism side (``links``) only.
    """
    fmt = _check_format(format)
    data = to_data(doc)
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    text: str = yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100,
        indent=2,
    )
    return text


def dump(doc: Document, path: str | os.PathLike[str], format: str | None = None) -> None:
    """Write the document atomically to ``path``; the format follows the suffix.

    >>> dump(doc, "out/theory.json")  # doctest: +SKIP
    """
    fmt = _check_format(format) if format else detect_format(path)
    write_atomic(path, dumps(doc, fmt))


def _mode_for(target: FsPath) -> int:
    # An existing file keeps its permissions; a new one is readable by all
    # (mkstemp's temporary file would be 0600). Reading the umask would mean
    # changing it, which is not safe beside other threads.
    try:
        return os.stat(target).st_mode & 0o7777
    except OSError:
        return 0o644


def _is_special(target: FsPath) -> bool:
    """Whether ``target`` exists and is neither a regular file nor a folder."""
    try:
        mode = os.stat(target).st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def refuse_input_as_output(
    outputs: Iterable[str | os.PathLike[str]], inputs: Iterable[str | os.PathLike[str]]
) -> None:
    """Raise `OptionError` when an output file is one of the input documents.

    Every command that writes calls this before it writes: a diagram or a
    report written over its document would destroy it. The same file counts
    however it is named: another path, a symbolic link or a hard link to it
    (the same device and inode). ``-`` (standard input or output) is no file.

    >>> refuse_input_as_output(["theory.svg"], ["theory.yaml"])
    >>> try:
    ...     refuse_input_as_output(["./theory.yaml"], ["theory.yaml"])
    ... except OptionError as err:
    ...     print(str(err).partition(":")[0])
    the output ./theory.yaml is the input document theory.yaml itself
    """
    documents: dict[tuple[int, int] | str, str] = {}
    for item in inputs:
        name = os.fspath(item)
        if name != "-":
            documents[_identity(name)] = name
    for item in outputs:
        name = os.fspath(item)
        found = documents.get(_identity(name)) if name != "-" else None
        if found is not None:
            raise OptionError(
                f"the output {name} is the input document {found} itself: writing it would "
                "replace the document; write to another file"
            )


def _identity(path: str) -> tuple[int, int] | str:
    """What makes two paths the same file: device and inode, or the resolved path of a
    file that does not exist yet."""
    try:
        info = os.stat(path)
    except OSError:
        return os.path.realpath(path)
    return (info.st_dev, info.st_ino)


_TEMP_PREFIX = ".toc-"
_TEMP_SUFFIX = ".tmp"
_TEMP_NAME = re.compile(r"\.toc-[a-z0-9_]{8}\.tmp")
"""The temporary files of `write_atomic`: ``.toc-`` and tempfile's eight random characters."""

STALE_AFTER = 15 * 60
"""Seconds after which a temporary file of `write_atomic` is a leftover of a killed
writer (no write takes minutes), and the next write beside it removes it."""


def _remove_stale(directory: FsPath) -> None:
    """Remove the temporary files a killed `write_atomic` left in ``directory``.

    Only regular files named like ours (`_TEMP_NAME`), owned by this user and
    untouched for `STALE_AFTER` seconds: a write in progress elsewhere keeps
    its file, and nothing else is ever removed.
    """
    try:
        entries = os.scandir(directory)
    except OSError:
        return
    now = time.time()
    uid = os.getuid() if hasattr(os, "getuid") else None
    with entries:
        for entry in entries:
            if not entry.name.startswith(_TEMP_PREFIX) or not _TEMP_NAME.fullmatch(entry.name):
                continue
            try:
                info = entry.stat(follow_symlinks=False)
                if (
                    stat.S_ISREG(info.st_mode)
                    and (uid is None or info.st_uid == uid)
                    and now - info.st_mtime > STALE_AFTER
                ):
                    os.unlink(entry.path)
            except OSError:
                continue


def write_atomic(path: str | os.PathLike[str], content: str | bytes) -> None:
    """Write a file so that readers see the old content or the new, never a part.

    The content goes to a temporary file beside the target (``.toc-XXXXXXXX.tmp``),
    which is then renamed over it; on any failure the temporary file is removed.
    A writer killed mid-write (``kill -9``, a power cut) leaves its temporary file:
    the next write into the same folder removes such files once they are
    `STALE_AFTER` old.
    """
    target = FsPath(path)
    try:
        data = content.encode("utf-8") if isinstance(content, str) else content
    except UnicodeEncodeError as err:
        raise WriteError(
            f"cannot write {os.fspath(path)}: the text holds {err.object[err.start]!r}, "
            "half of a UTF-16 surrogate pair, which UTF-8 cannot store"
        ) from None
    if _is_special(target):
        # A device or a pipe (/dev/null, /dev/stdout, a FIFO) is written into, never
        # replaced: renaming over it would put a plain file where the device was.
        try:
            with open(target, "wb") as handle:
                handle.write(data)
        except OSError as err:
            raise WriteError(f"cannot write {os.fspath(path)}: {err.strerror}") from None
        return
    directory = target.parent if str(target.parent) else FsPath(".")
    _remove_stale(directory)
    try:
        # A short name of its own, not the target's: a valid name of 250
        # characters has no room for more around it.
        fd, tmp = tempfile.mkstemp(prefix=_TEMP_PREFIX, suffix=_TEMP_SUFFIX, dir=directory)
    except OSError as err:
        raise WriteError(f"cannot write {os.fspath(path)}: {err.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            # On disk before the rename, so a crash leaves the old file or the new.
            os.fsync(handle.fileno())
        os.chmod(tmp, _mode_for(target))
        os.replace(tmp, target)
    except OSError as err:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise WriteError(f"cannot write {os.fspath(path)}: {err.strerror}") from None
