"""Validation problems, located and worded: what pydantic found, as a user reads it.

`Found` gathers pydantic's errors and the model's reference problems while a
document is validated, and `Found.report` turns the first `MAX_PROBLEMS` of
them, in file order, into problems with a file, line and column, worded in
the document's language with a hint (a "did you mean", the keys allowed
there, how to write the value). Each kind of pydantic error has a small
function of its own that words it (`_WORDING`).
"""

from __future__ import annotations

import json
import re
import types
import typing
import unicodedata
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, ValidationError

from mechanisms.model import NarrativeEvidence, SurveyEvidence
from mechanisms.types import LARGEST
from toc.codes import CODES
from toc.errors import Problem
from toc.findings import SHOWN, Path, dotted, shown
from toc.hints import MAX_PROBLEMS, Pending, Suggestions, did_you_mean, more_problems
from toc.i18n import CATALOGUE, format_number, text
from toc.model import Document
from toc.source import SourceMap

__all__ = [
    "Enough",
    "Found",
    "as_written",
    "describe",
    "field_keys",
    "number",
    "suggest_id",
]

_STOP = 1_000
"""Validation stops once this many problems are found: far more than are shown."""


class Enough(Exception):
    """Enough problems are found to stop looking."""


class Found:
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
            raise Enough

    def add_error(self, kind: str, path: Path, value: Any = None) -> None:
        """One problem found before pydantic saw the data (it is then kept from pydantic)."""
        self.count += 1
        if len(self.errors) < _STOP * 2:
            self.errors.append(({"type": kind, "loc": (), "input": value}, path))
        if self.count > _STOP:
            self.complete = False
            raise Enough

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


# ----------------------------------------------------------- words and places


def field_keys(name: str, info: Any) -> tuple[str, ...]:
    """The keys a field is read from: its alias (as files spell it) and its name."""
    alias = info.validation_alias if isinstance(info.validation_alias, str) else info.alias
    return (alias, name) if alias and alias != name else (name,)


def number(value: int | float) -> str:
    """A number as written, or its size when it is too long to show (`toc.findings.shown`)
    or Python refuses to write it out.

    >>> number(2.5), number(-(10**399))
    ('2.5', '<400 digits>')
    """
    try:
        written = repr(value)
    except ValueError:
        return f"<{_digits(value):,} digits>"
    return written if len(written) <= SHOWN else f"<{len(written.lstrip('-')):,} digits>"


def _digits(value: int | float) -> int:
    return int(abs(int(value)).bit_length() * 0.30103) + 1


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


def as_written(value: Any, language: str) -> str:
    """A plain value as YAML and JSON spell it: ``true``, ``null``, ``'x'``, ``1.5``
    (a long text or number shortened, `toc.findings.shown`)."""
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, int | float):
        return number(value)
    return repr(shown(value)) if isinstance(value, str) else describe(value, language)


def describe(value: Any, language: str = "en") -> str:
    """What a value is, for a message: ``the text 'x'``, ``a list`` (a long text or number
    shortened, `toc.findings.shown`)."""
    if value is None:
        return text("load.describe.null", language)
    if isinstance(value, bool):
        return text("load.describe.bool", language, value=str(value).lower())
    if isinstance(value, dict):
        return text("load.describe.mapping", language)
    if isinstance(value, list):
        return text("load.describe.list", language)
    if isinstance(value, str):
        return text("load.describe.text", language, value=shown(value))
    if isinstance(value, int | float):
        return text("load.describe.number", language, value=number(value))
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
                if part in field_keys(name, info):
                    found = info.annotation
            annotation = found
            node = node.get(part) if isinstance(node, dict) else None
        else:
            return []
    annotation = _unwrap(annotation, node)
    if annotation is Any and isinstance(node, dict):
        annotation = SurveyEvidence if node.get("kind") == "survey" else NarrativeEvidence
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [field_keys(name, info)[0] for name, info in annotation.model_fields.items()]
    return []


def _unwrap(annotation: Any, node: Any) -> Any:
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


# ------------------------------------------------- pydantic errors, worded


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
    worded in full, with their "did you mean" search. Each kind of error has
    its own wording (`_WORDING`); a kind the catalogue words as
    ``load.custom.<kind>`` (the models' own errors) is worded from there.
    """
    kind = error["type"]
    err = _Error(error, path, data, language, json_text, suggest)
    wording = _WORDING.get(kind)
    if wording is None:
        wording = _custom if f"load.custom.{kind}" in CATALOGUE else _other
    return wording(err)


class _Error:
    """One pydantic error being worded: what it is about, and the words for it."""

    __slots__ = ("ctx", "data", "error", "json_text", "lang", "name", "path", "suggest", "value")

    def __init__(
        self, error: Any, path: Path, data: Any, language: str, json_text: bool, suggest: bool
    ) -> None:
        self.error = error
        self.value = error.get("input")
        self.ctx = error.get("ctx") or {}
        self.path = path
        self.data = data
        self.lang = language
        self.json_text = json_text
        self.suggest = suggest
        self.name = str(path[-1]) if path and isinstance(path[-1], str) else "value"

    @property
    def where(self) -> str:
        return dotted(self.path)

    def say(self, name: str, /, **fields: Any) -> str:
        """The catalogue's ``load.<name>`` in the document's language."""
        return text("load." + name, self.lang, **fields)

    def problem(
        self,
        message: str,
        hint: Callable[[], str | None],
        at: Path | None = None,
        key: bool = False,
    ) -> Problem:
        """The problem at ``at`` (the error's place if not given); its hint only if it is
        to be reported."""
        where = self.path if at is None else at
        return Problem(message, where, (hint() if self.suggest else None), key=key)

    def value_problem(self, message: str, hint: Callable[[], str | None]) -> Problem:
        """A problem with the value at the error's place, its path before the message."""
        return self.problem(f"{self.where}: {message}", hint)


def _unknown_key(err: _Error) -> Problem:
    path, data = err.path, err.data

    def hint() -> str:
        comma = _flow_comma(path, data) if not err.json_text else None
        if comma is not None:
            return err.say("unknown_key.comma", key=shown(comma[0]), text=shown(comma[1]))
        allowed = _model_fields_at(path[:-1], data)
        return did_you_mean(err.name, allowed, err.lang) or (
            err.say("allowed_keys", keys=", ".join(allowed)) if allowed else err.say("remove_it")
        )

    return err.problem(_at(path[:-1], err.say("unknown_key", name=shown(err.name))), hint, key=True)


def _missing(err: _Error) -> Problem:
    return err.problem(
        _at(err.path[:-1], err.say("missing_key", name=err.name)),
        lambda: err.say("missing_key.hint", name=err.name),
    )


def _huge_number(err: _Error) -> Problem:
    return err.problem(
        _at(err.path, err.say("huge_number", digits=_digits(err.value))),
        lambda: err.say("huge_number.hint"),
    )


def _not_evidence_kind(err: _Error) -> Problem:
    expected = re.findall(r"'([^']*)'", str(err.ctx.get("expected_tags", "")))
    tag = str(err.ctx.get("tag", err.value))
    return err.problem(
        f"{err.where}.kind: {err.say('not_evidence_kind', tag=shown(tag))}",
        lambda: (
            did_you_mean(tag, expected, err.lang)
            or err.say("use_one_of", choices=", ".join(expected))
        ),
        at=(*err.path, "kind"),
    )


def _missing_kind(err: _Error) -> Problem:
    return err.problem(
        f"{err.where}: {err.say('missing_key', name='kind')}", lambda: err.say("missing_kind.hint")
    )


def _not_allowed(err: _Error) -> Problem:
    expected = re.findall(r"'([^']*)'|(\d+)", str(err.ctx.get("expected", "")))
    choices = [a or b for a, b in expected]
    value = err.value
    return err.value_problem(
        err.say("not_allowed", value=as_written(value, err.lang)),
        lambda: (
            (did_you_mean(str(value), choices, err.lang) if isinstance(value, str) else None)
            or err.say("use_one_of", choices=", ".join(choices))
        ),
    )


def _pattern(err: _Error) -> Problem:
    value = err.value
    if isinstance(value, str):  # an id or date; a number read as text stays as written
        value = shown(value)
    if str(err.ctx.get("pattern", "")).startswith(r"^\d{4}"):
        return err.value_problem(err.say("not_date", value=value), lambda: err.say("date.hint"))
    return err.value_problem(
        err.say("not_id", value=value), lambda: _id_hint(str(err.value), err.lang)
    )


def _empty(err: _Error) -> Problem:
    path = err.path
    if len(path) > 1 and isinstance(path[-1], int) and isinstance(path[-2], str):
        # An entry of a list of texts (report.evaluators: [""]): named by its list.
        return err.value_problem(
            err.say("empty"), lambda: err.say("empty_item.hint", name=path[-2])
        )
    return err.value_problem(err.say("empty"), lambda: err.say("empty.hint", name=err.name))


def _too_long(err: _Error) -> Problem:
    return err.value_problem(
        err.say("too_long"), lambda: err.say("too_long.hint", max=err.ctx.get("max_length"))
    )


def _out_of_range(err: _Error) -> Problem:
    probability = err.name in ("prior", "p_if_true", "p_if_false")
    if not probability and _beyond_largest(err.value):
        return _too_large(err)  # a negative count of 400 digits: its size is the problem
    return err.value_problem(
        err.say("out_of_range", value=as_written(err.value, err.lang)),
        lambda: err.say("probability.hint" if probability else "not_negative.hint"),
    )


def _too_few(err: _Error) -> Problem:
    least = err.ctx.get("min_length")
    return err.value_problem(
        err.say("too_few", min=least), lambda: err.say("too_few.hint", min=least, name=err.name)
    )


def _too_large(err: _Error) -> Problem:
    largest = format_number(LARGEST, err.lang, 0)
    return err.value_problem(
        err.say("too_large", largest=largest), lambda: err.say("too_large.hint")
    )


def _beyond_largest(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and abs(value) > LARGEST


def _not_finite(err: _Error) -> Problem:
    return err.value_problem(err.say("not_finite"), lambda: err.say("not_finite.hint"))


def _wrong_type(err: _Error) -> Problem:
    if err.error["type"] == "float_type" and _beyond_largest(err.value):
        # A whole number too large to be a float (a prior of 400 digits) is a number.
        return _out_of_range(err)
    expected = _TYPE_NOUNS[err.error["type"]]
    noun = err.say("noun." + expected)
    text_hint = "json_text.hint" if err.json_text else "yaml_text.hint"
    return err.value_problem(
        err.say("expected", noun=noun, what=describe(err.value, err.lang)),
        lambda: err.say(text_hint) if expected == "text" else err.say("write_here", noun=noun),
    )


def _unknown_check(err: _Error) -> Problem:
    word = str(err.ctx.get("value", ""))
    return err.value_problem(
        err.say("custom.unknown_check", word=repr(shown(word))),
        lambda: (
            did_you_mean(word, [c.code for c in CODES] + [c.name for c in CODES], err.lang)
            or err.say("custom.unknown_check.hint")
        ),
    )


def _custom(err: _Error) -> Problem:
    """An error of the models' own (``load.custom.<kind>`` in the catalogue)."""
    kind = err.error["type"]
    fields = {
        k: shown(v) if isinstance(v, str) else v
        for k, v in err.ctx.items()
        if isinstance(v, str | int | float | list)
    }
    hint_key = f"load.custom.{kind}.hint"
    return err.value_problem(
        text("load.custom." + kind, err.lang, **fields),
        lambda: text(hint_key, err.lang, **fields) if hint_key in CATALOGUE else None,
    )


def _other(err: _Error) -> Problem:
    """Any other error, in pydantic's words (a validator's `ValueError` without its prefix)."""
    if err.error["type"] == "value_error":
        message = str(err.error.get("msg", "")).removeprefix("Value error, ")
    else:
        message = str(err.error.get("msg"))
    return err.value_problem(message, lambda: None)


_WORDING: dict[str, Callable[[_Error], Problem]] = {
    "extra_forbidden": _unknown_key,
    "missing": _missing,
    "huge_number": _huge_number,
    "union_tag_invalid": _not_evidence_kind,
    "union_tag_not_found": _missing_kind,
    "literal_error": _not_allowed,
    "enum": _not_allowed,
    "string_pattern_mismatch": _pattern,
    "string_too_short": _empty,
    "string_too_long": _too_long,
    "greater_than_equal": _out_of_range,
    "less_than_equal": _out_of_range,
    "greater_than": _out_of_range,
    "less_than": _out_of_range,
    "too_short": _too_few,
    "finite_number": _not_finite,
    "too_large": _too_large,
    **dict.fromkeys(_TYPE_NOUNS, _wrong_type),
    "unknown_check": _unknown_check,
}
"""How each kind of pydantic error (its ``type``) is worded."""


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
