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
import tempfile
import typing
from dataclasses import replace
from pathlib import Path as FsPath
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ValidationError

from toc._version import __version__
from toc.errors import (
    DocumentError,
    OptionError,
    Problem,
    ReadError,
    UnsupportedVersionError,
    WriteError,
)
from toc.findings import Path, dotted
from toc.model import FORMAT_VERSION, Document, did_you_mean
from toc.source import SourceMap, parse_json, parse_yaml, resolve_plain

__all__ = [
    "MAX_BYTES",
    "detect_format",
    "dump",
    "dumps",
    "load",
    "loads",
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
_SUFFIXES = {".yaml": "yaml", ".yml": "yaml", ".json": "json"}


def detect_format(path: str | os.PathLike[str], text: str | None = None) -> Format:
    """The format of a file from its suffix (``.yaml``, ``.yml``, ``.json``).

    Without a known suffix, text that starts with ``{`` is JSON, else YAML.
    """
    suffix = FsPath(path).suffix.lower()
    if suffix in _SUFFIXES:
        return "json" if _SUFFIXES[suffix] == "json" else "yaml"
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
        raise _read_problem(
            file,
            "the file is UTF-16 text, not UTF-8",
            "save the file as UTF-8 (in most editors: Save as → Encoding → UTF-8)",
            line=1,
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        before = raw[: err.start]
        line_start = before.rfind(b"\n") + 1
        raise ReadError(
            [
                Problem(
                    message=f"the file is not UTF-8 text (byte 0x{raw[err.start]:02x} "
                    f"at offset {err.start})",
                    hint="save the file as UTF-8 (in most editors: Save as → Encoding → UTF-8)",
                    file=file,
                    line=before.count(b"\n") + 1,
                    # The line up to the bad byte is valid UTF-8: count its characters.
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
    problems carry file positions when ``source`` is given.
    """
    source = source or SourceMap(file="<document>")
    if not isinstance(data, dict):
        raise DocumentError(
            [
                source.locate(
                    Problem(
                        message="the document must be a mapping of keys at the top level "
                        f"(format, id, title, ...), not {_describe(data)}",
                        hint="start the file with `format: 1`",
                    )
                )
            ]
        )
    _check_version(data, source)
    collected: list[Problem] = []
    try:
        doc = Document.model_validate(data, context={"problems": collected})
    except ValidationError as err:
        errors = err.errors(include_url=False)
        # A few screens of problems are enough to act on; translating (and
        # suggesting names for) hundreds of thousands would take minutes.
        translated = [_translate(e, data) for e in errors[: MAX_PROBLEMS * 2]]
        if source.lazy_json:
            # JSON has no unquoted text; the YAML quoting advice would mislead.
            translated = [
                (replace(p, hint=_JSON_TEXT_HINT) if p.hint == _YAML_TEXT_HINT else p, union)
                for p, union in translated
            ]
        problems = _in_file_order(source, _unique(translated))
        raise DocumentError(_capped(problems, len(errors), source)) from None
    if collected:
        raise DocumentError(_capped(_in_file_order(source, collected), len(collected), source))
    doc._source = source
    return doc


_YAML_TEXT_HINT = "quote text containing ':' or '#'"
_JSON_TEXT_HINT = 'write the text in double quotes, like "this"'

MAX_PROBLEMS = 50
"""Most problems reported for one document; the rest are counted in a last line."""


def _capped(problems: list[Problem], total: int, source: SourceMap) -> list[Problem]:
    if len(problems) <= MAX_PROBLEMS and total <= MAX_PROBLEMS * 2:
        return problems
    shown = problems[:MAX_PROBLEMS]
    more = max(total, len(problems)) - len(shown)
    return [
        *shown,
        Problem(
            message=f"... and {more} more problems (the first {len(shown)} are shown)",
            hint="fix these and check again",
            file=source.file,
        ),
    ]


def _in_file_order(source: SourceMap, problems: list[Problem]) -> list[Problem]:
    """The problems located, top of the file first (as a reader fixes them)."""
    located = [source.locate(p) for p in problems]
    return sorted(located, key=lambda p: (p.line is None, p.line or 0, p.column or 0))


def _unique(translated: list[tuple[Problem, bool]]) -> list[Problem]:
    """One problem per place and message; one per place for the members of a union.

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
            out.append(p)
    return out


def _check_version(data: dict[str, Any], source: SourceMap) -> None:
    version = data.get("format")
    if "format" not in data:
        problem = Problem(
            message="missing required key 'format'",
            hint=f"start the document with `format: {FORMAT_VERSION}`",
        )
    elif isinstance(version, bool) or not isinstance(version, int):
        problem = Problem(
            message=f"format: {_as_written(version)} is not a format version",
            path=("format",),
            hint=f"write `format: {FORMAT_VERSION}`",
        )
    elif version > FORMAT_VERSION:
        raise UnsupportedVersionError(
            [
                source.locate(
                    Problem(
                        message=f"format {version} is newer than this library knows: "
                        f"toc-evaluation {__version__} reads format {FORMAT_VERSION}",
                        path=("format",),
                        hint="upgrade it: pip install -U toc-evaluation",
                    )
                )
            ]
        )
    elif version < 1:
        problem = Problem(
            message=f"format {version} does not exist",
            path=("format",),
            hint=f"write `format: {FORMAT_VERSION}`",
        )
    else:
        return
    raise UnsupportedVersionError([source.locate(problem)])


# ------------------------------------------------- pydantic errors, located

_ID_HINT = "ids use lower-case letters, digits, '-' and '_' and start with a letter or digit"
_DATE_HINT = "write a date as 2018, 2018-05 or 2018-05-14"
_TYPE_NOUNS = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list",
    "dict_type": "a mapping of keys",
    "model_type": "a mapping of keys",
    "model_attributes_type": "a mapping of keys",
    "literal_error": None,
}


def _as_written(value: Any) -> str:
    """A plain value as YAML and JSON spell it: ``true``, ``null``, ``'x'``, ``1.5``."""
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    return repr(value) if isinstance(value, str | int | float) else _describe(value)


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"{str(value).lower()} (true/false)"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return f"the text {value!r}"
    return f"the number {value!r}" if isinstance(value, int | float) else repr(value)


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
                if (info.alias or name) == part:
                    found = info.annotation
            annotation = found
            node = node.get(part) if isinstance(node, dict) else None
        else:
            return []
    annotation = _unwrap(annotation, node)
    if annotation is Any and isinstance(node, dict):
        annotation = SurveyEvidence if node.get("kind") == "survey" else NarrativeEvidence
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [info.alias or name for name, info in annotation.model_fields.items()]
    return []


def _unwrap(annotation: Any, node: Any) -> Any:
    from mechanisms.model import NarrativeEvidence, SurveyEvidence

    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
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


def _translate(error: Any, data: Any) -> tuple[Problem, bool]:
    """A pydantic error as a located, actionable problem.

    The flag tells whether the error came from one member of a union
    (``int | float``): pydantic names the member after the value's place.
    """
    path = _clean_path(tuple(error["loc"]), data)
    union = False
    if error["type"] != "missing":
        found = _existing(path, data)
        union = found != path
        path = found
    return _problem(error, path, data), union


def _problem(error: Any, path: Path, data: Any) -> Problem:
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    name = str(path[-1]) if path and isinstance(path[-1], str) else "value"
    where = dotted(path)

    if kind == "extra_forbidden":
        allowed = _model_fields_at(path[:-1], data)
        hint = did_you_mean(name, allowed) or (
            "allowed keys here: " + ", ".join(allowed) if allowed else "remove it"
        )
        return Problem(_at(path[:-1], f"unknown key {name!r}"), path, hint, key=True)
    if kind == "missing":
        return Problem(
            _at(path[:-1], f"missing required key {name!r}"),
            path,
            f"add `{name}:` here",
        )
    if kind == "union_tag_invalid":
        expected = re.findall(r"'([^']*)'", str(ctx.get("expected_tags", "")))
        tag = str(ctx.get("tag", value))
        return Problem(
            f"{where}.kind: {tag!r} is not an evidence kind",
            (*path, "kind"),
            did_you_mean(tag, expected) or "use one of: " + ", ".join(expected),
        )
    if kind == "union_tag_not_found":
        return Problem(
            f"{where}: missing required key 'kind'",
            path,
            "add `kind:` (interview, focus_group, observation, document, survey, "
            "register, indicator or other)",
        )
    if kind in ("literal_error", "enum"):
        expected = re.findall(r"'([^']*)'|(\d+)", str(ctx.get("expected", "")))
        choices = [a or b for a, b in expected]
        close = did_you_mean(str(value), choices) if isinstance(value, str) else None
        return Problem(
            f"{where}: {value!r} is not allowed",
            path,
            close or "use one of: " + ", ".join(choices),
        )
    if kind == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        hint = _DATE_HINT if pattern.startswith(r"^\d{4}") else _ID_HINT
        what = "date" if pattern.startswith(r"^\d{4}") else "id"
        return Problem(f"{where}: {value!r} is not a valid {what}", path, hint)
    if kind == "string_too_short":
        return Problem(f"{where}: must not be empty", path, f"write some text for {name!r}")
    if kind == "string_too_long":
        return Problem(
            f"{where}: is too long", path, f"an id has at most {ctx.get('max_length')} characters"
        )
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        return Problem(
            f"{where}: {value!r} is out of range",
            path,
            "a probability is a number from 0 to 1"
            if name in ("prior", "p_if_true", "p_if_false")
            else "use a number of 0 or more",
        )
    if kind == "too_short":
        return Problem(
            f"{where}: needs at least {ctx.get('min_length')} items",
            path,
            f"list at least {ctx.get('min_length')} items under {name!r}",
        )
    if kind == "finite_number":
        return Problem(f"{where}: must be a finite number", path, "write an ordinary number")
    if kind in _TYPE_NOUNS:
        noun = _TYPE_NOUNS[kind]
        return Problem(
            f"{where}: expected {noun}, got {_describe(value)}",
            path,
            _YAML_TEXT_HINT if noun == "text" else f"write {noun} here",
        )
    if kind == "value_error":
        message = str(error.get("msg", "")).removeprefix("Value error, ")
        return Problem(f"{where}: {message}", path, None)
    return Problem(f"{where}: {error.get('msg')}", path, None)


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


def write_atomic(path: str | os.PathLike[str], content: str | bytes) -> None:
    """Write a file so that readers see the old content or the new, never a part.

    The content goes to a temporary file beside the target, which is then
    renamed over it; on any failure the temporary file is removed.
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
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
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
