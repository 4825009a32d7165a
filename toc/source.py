"""Parsing YAML and JSON into plain data, remembering where every value stood.

Only plain data comes out: mappings, lists, text, numbers, booleans and null.
YAML is read as a stream of parser events (from libyaml when present) and
built into Python values without recursion: tags, duplicate keys, merge
keys, recursive aliases, alias bombs and absurd nesting are refused with a
located message, and no input can exhaust the C stack. Plain scalars follow
the YAML 1.2 core schema, so ``no`` is text, not False.

This module is the face of parsing; the work is done in three modules below
it, one job each:

- `toc.source_yaml`: the YAML event builder (`parse_yaml`, `resolve_plain`);
- `toc.source_json`: JSON parsing and the on-demand JSON locator (`parse_json`);
- `toc.source_map`: what both share (`SourceMap`, line tables, numbers as
  written, the wording of a syntax error).
"""

from __future__ import annotations

from toc.source_json import _JsonScanner as _JsonScanner
from toc.source_json import parse_json
from toc.source_map import MAX_DEPTH, SourceMap, WrittenFloat, WrittenInt
from toc.source_map import language_in as language_in
from toc.source_map import lines_at as lines_at
from toc.source_yaml import parse_yaml, resolve_plain

__all__ = [
    "MAX_DEPTH",
    "SourceMap",
    "WrittenFloat",
    "WrittenInt",
    "parse_json",
    "parse_yaml",
    "resolve_plain",
]
