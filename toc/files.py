"""Reading and writing documents: YAML for people, JSON for tools.

Every error names the file, line and column and says what to do; writing is
atomic (a temporary file renamed into place) and deterministic.

This module is the public face of files: `load`, `loads`, `validate`,
`dump`, `dumps`. Parsing with positions is `toc.source`'s; validating in
bounded pieces `toc.pieces`'; wording what is wrong `toc.problems`';
writing a file safely `toc.output`'s (`write_atomic`,
`refuse_input_as_output`, both public here).
"""

from __future__ import annotations

import json
import os
from pathlib import Path as FsPath
from typing import Any, Literal

import yaml

from toc._gc import CHARACTERS_PER_ELEMENT, collector_paused
from toc._version import __version__
from toc.errors import (
    DocumentError,
    OptionError,
    Problem,
    ReadError,
    UnsupportedVersionError,
)
from toc.formats import DOCUMENT
from toc.i18n import LANGUAGES, text
from toc.model import FORMAT_VERSION, Document, reference_pending
from toc.output import STALE_AFTER as STALE_AFTER
from toc.output import refuse_input_as_output, write_atomic
from toc.pieces import Pieces
from toc.problems import Enough, Found, as_written, describe, number, suggest_id
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
    with collector_paused(len(text) // CHARACTERS_PER_ELEMENT):
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
    (`Pieces`), and validation stops once far more problems are found than
    could be shown.
    """
    source = source or SourceMap(file="<document>")
    language = _language(data)
    if not isinstance(data, dict):
        raise DocumentError(
            [
                source.locate(
                    Problem(
                        text("load.not_mapping", language, what=describe(data, language)),
                        hint=text("load.not_mapping.hint", language),
                    )
                )
            ]
        )
    _check_version(data, source, language)
    found = Found(data, source, language)
    try:
        doc = Pieces(found).document(data)
    except Enough:
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
        found = Found({}, source, doc.language)
        found.add_references(pending, count)
        raise DocumentError(found.report())


def _language(data: Any) -> str:
    """The language of a document's messages: its ``language`` if that is one toc speaks."""
    language = data.get("language") if isinstance(data, dict) else None
    return language if language in LANGUAGES else "en"


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
            text("load.format_not_version", language, value=as_written(version, language)),
            ("format",),
            text("load.format.hint", language, **fields),
        )
    elif version > FORMAT_VERSION:
        raise UnsupportedVersionError(
            [
                source.locate(
                    Problem(
                        text("load.format_newer", language, value=number(version), **fields),
                        ("format",),
                        text("load.format_newer.hint", language),
                    )
                )
            ]
        )
    elif version < 1:
        problem = Problem(
            text("load.format_unknown", language, value=number(version)),
            ("format",),
            text("load.format.hint", language, **fields),
        )
    else:
        return
    raise UnsupportedVersionError([source.locate(problem)])


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
