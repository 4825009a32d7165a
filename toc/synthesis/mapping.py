"""The synthesis map: which differently named ids across documents are the same.

A map file (YAML or JSON) has up to three parts::

    mechanisms:                     # canonical id: the ids it has in documents
      m-implementation: [fa-n-malmo:m-parallel-implementation]
    conditions:
      c-ownership: [fa-n-malmo:c-ready-to-implement]
    truth_tables:                   # optional: the conditions of a mechanism's truth table
      m-implementation: [c-mandate, c-anchoring, c-ownership]

Ids not in the map match by being equal. Every problem is reported at once,
located by file, line and column (`toc.errors.DocumentError`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from toc.errors import DocumentError, ReadError
from toc.files import MAX_BYTES
from toc.findings import Finding, Path
from toc.source import SourceMap, parse_json, parse_yaml

__all__ = ["SynthesisMap", "read_map"]

_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_PARTS = ("mechanisms", "conditions", "truth_tables")


@dataclass(frozen=True)
class SynthesisMap:
    """Canonical ids for mechanisms and conditions, and truth-table conditions.

    ``mechanisms`` and ``conditions`` map a canonical id to the
    ``(document, local id)`` pairs that mean it; ``truth_tables`` names the
    conditions of some mechanisms' truth tables (canonical ids).

    >>> m = SynthesisMap.from_data({"mechanisms": {"m-a": ["doc:m-x"]}})
    >>> m.canonical("mechanisms", "doc", "m-x"), m.canonical("mechanisms", "doc", "m-y")
    ('m-a', 'm-y')
    """

    mechanisms: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    conditions: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    truth_tables: dict[str, list[str]] = field(default_factory=dict)
    file: str | None = None
    """The file it was read from."""
    source: SourceMap | None = field(default=None, repr=False, compare=False)
    """Positions in that file, for located errors."""
    _index: dict[tuple[str, str, str], str] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        for part in ("mechanisms", "conditions"):
            for canonical, pairs in getattr(self, part).items():
                for document, local in pairs:
                    self._index[(part, document, local)] = canonical

    def canonical(self, part: str, document: str, local: str) -> str:
        """The canonical id of ``local`` in ``document`` (``part``: mechanisms or conditions)."""
        return self._index.get((part, document, local), local)

    def entries(self, part: str) -> list[tuple[str, int, str, str]]:
        """``(canonical, position in its list, document, local)`` for every entry of a part."""
        return [
            (canonical, k, document, local)
            for canonical, pairs in getattr(self, part).items()
            for k, (document, local) in enumerate(pairs)
        ]

    def problem(self, path: Path, message: str, hint: str | None = None) -> Finding:
        """A problem at ``path`` of the map, located in its file when known."""
        found = Finding(message, path, hint)
        if self.source is not None:
            return self.source.locate(found)
        return found.at(self.file or "<map>", None)

    @classmethod
    def from_data(
        cls, data: Any, *, file: str | None = None, source: SourceMap | None = None
    ) -> SynthesisMap:
        """A map from plain data, checked; raises `DocumentError` with every problem."""
        problems: list[Finding] = []

        def add(path: Path, message: str, hint: str | None = None, key: bool = False) -> None:
            found = Finding(message, path, hint, key=key)
            problems.append(source.locate(found) if source else found.at(file or "<map>", None))

        parts: dict[str, Any] = {}
        if data is None:
            data = {}
        if not isinstance(data, Mapping):
            add((), "a synthesis map must be a mapping", "write `mechanisms:` and `conditions:`")
        else:
            for key, value in data.items():
                if key not in _PARTS:
                    add(
                        (key,),
                        f"unknown key {key!r}",
                        "a map has `mechanisms`, `conditions` and `truth_tables`",
                        key=True,
                    )
                elif value is None:
                    parts[key] = {}
                elif not isinstance(value, Mapping):
                    add((key,), f"`{key}` must map ids to lists", "write `id: [...]`")
                else:
                    parts[key] = value
        mapped: dict[str, dict[str, list[tuple[str, str]]]] = {}
        seen: dict[tuple[str, str, str], str] = {}
        for part in ("mechanisms", "conditions"):
            mapped[part] = {}
            for canonical, entries in parts.get(part, {}).items():
                canonical = str(canonical)
                if not _ID.match(canonical):
                    add((part, canonical), f"{canonical!r} is not an id", _ID_HINT)
                    continue
                if not isinstance(entries, list):
                    entries = [entries]
                pairs: list[tuple[str, str]] = []
                for k, entry in enumerate(entries):
                    path: Path = (part, canonical, k)
                    document, sep, local = str(entry).partition(":")
                    if not sep or not _ID.match(document) or not _ID.match(local):
                        add(
                            path,
                            f"{entry!r} is not `document-id:local-id`",
                            "name the document's `id` and the id inside it, "
                            "such as `nils-2018:m-implementation`",
                        )
                        continue
                    first = seen.get((part, document, local))
                    if first is not None:
                        add(
                            path,
                            f"'{document}:{local}' is mapped twice, to {first!r} and {canonical!r}",
                            "map each id to one canonical id",
                        )
                        continue
                    seen[(part, document, local)] = canonical
                    pairs.append((document, local))
                mapped[part][canonical] = pairs
        tables: dict[str, list[str]] = {}
        for mechanism, conditions in parts.get("truth_tables", {}).items():
            mechanism = str(mechanism)
            if not _ID.match(mechanism):
                add(("truth_tables", mechanism), f"{mechanism!r} is not an id", _ID_HINT)
                continue
            listed = conditions if isinstance(conditions, list) else [conditions]
            bad = [c for c in listed if not isinstance(c, str) or not _ID.match(c)]
            if bad or not listed:
                add(
                    ("truth_tables", mechanism),
                    f"the truth table of {mechanism!r} needs a list of condition ids",
                    "write `m-id: [c-one, c-two]` with canonical condition ids",
                )
                continue
            if len(set(listed)) != len(listed):
                add(("truth_tables", mechanism), "a condition is listed twice", None)
                continue
            tables[mechanism] = list(listed)
        if problems:
            raise DocumentError(sorted(problems, key=lambda p: (p.line or 0, p.column or 0)))
        return cls(
            mechanisms=mapped["mechanisms"],
            conditions=mapped["conditions"],
            truth_tables=tables,
            file=file,
            source=source,
        )


_ID_HINT = "ids are lower-case letters, digits, `-` and `_`"


def read_map(path: str | os.PathLike[str]) -> SynthesisMap:
    """Read a synthesis map from a YAML or JSON file (JSON by a ``.json`` suffix).

    The file is read like a document: UTF-8, at most `toc.files.MAX_BYTES`,
    YAML safely (no tags, no alias bombs). Raises `toc.errors.ReadError` or
    `toc.errors.DocumentError`, every problem located.
    """
    file = os.fspath(path)
    try:
        with open(file, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise _read_error(file, "no such file", "check the path of the map file") from None
    except IsADirectoryError:
        raise _read_error(file, "this is a folder, not a file", "name a .yaml file") from None
    except OSError as err:
        raise _read_error(file, f"cannot read the file: {err.strerror}", "check it") from None
    if len(raw) > MAX_BYTES:
        raise _read_error(file, f"the file is more than {MAX_BYTES:,} bytes", "is it a map?")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise _read_error(
            file,
            f"the file is not UTF-8 text (byte 0x{raw[err.start]:02x} at offset {err.start})",
            "save the file as UTF-8",
        ) from None
    parse = parse_json if file.lower().endswith(".json") else parse_yaml
    data, source = parse(text, file)
    return SynthesisMap.from_data(data, file=file, source=source)


def _read_error(file: str, message: str, hint: str) -> ReadError:
    return ReadError([Finding(message, hint=hint, file=file)])
