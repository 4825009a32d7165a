"""Validating a document in pieces, so that no input can cost unbounded memory.

Pydantic gathers every error of a call before it returns (a few hundred
bytes each, and a dictionary each when read), so a 16 MiB list of wrong
values would cost gigabytes. `Pieces` counts, before each call, how many
problems a value could have (`_count`, over the `_Plan` of what pydantic
expects of it), and validates a value that could have too many apart, in
chunks, handing the validated parts on. The problems go to a
`toc.problems.Found`.
"""

from __future__ import annotations

import sys
import types
import typing
from typing import Any

from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError

from mechanisms.types import STRICT_CONFIG
from toc.findings import Path
from toc.model import Document
from toc.problems import Found, field_keys

__all__ = ["Pieces"]

_PIECE = 20_000
"""Most problems one pydantic call can meet, counted before the call; a container
whose count is larger is validated in pieces (`Pieces`)."""


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
            keys = field_keys(name, info)
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


class Pieces:
    """Validates a document in pieces no larger than `_PIECE` problems each.

    A document small enough is validated in one call, as pydantic does. In a
    larger one, each list (and each mapping) whose problems could pass
    `_PIECE` is validated apart, `_CHUNK` items at a time (a chunk too large is
    halved; a single item too large is taken apart the same way), and the
    validated items replace it in what the document's own validation sees:
    pydantic passes validated models through without validating them again.
    """

    def __init__(self, found: Found) -> None:
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
