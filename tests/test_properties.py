"""Property tests: random valid documents round-trip; random damage only ever
ends in a `TocError` (or a document that still loads), never another exception.
"""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import documents, ids, texts

import toc
from mechanisms.model import parse_link_ref
from toc.errors import DocumentError, TocError
from toc.files import dumps

# The loaded profile (see conftest.py) sets the pace: 100 examples by default.
ROUND_TRIPS = settings(max_examples=settings.default.max_examples)
DAMAGE = settings(max_examples=settings.default.max_examples * 3 // 2)


# ---------------------------------------------------------------- round trips


@ROUND_TRIPS
@given(documents())
def test_dump_then_load_gives_an_equal_document_and_the_same_bytes(data: dict[str, Any]) -> None:
    doc = toc.validate(data)
    assert doc.id == data["id"]
    assert len(doc.nodes) == len(data.get("nodes", []))
    loaded = {}
    for fmt in ("yaml", "json"):
        text = dumps(doc, fmt)
        again = toc.loads(text, fmt)
        assert again == doc
        assert dumps(again, fmt) == text
        loaded[fmt] = again
    # Either format holds the same document: converting never changes it.
    assert dumps(loaded["yaml"], "json") == dumps(loaded["json"], "json")


@ROUND_TRIPS
@given(documents())
def test_data_as_another_tool_writes_it_loads_with_both_sides_of_each_relation(
    data: dict[str, Any],
) -> None:
    # Not the canonical form: link-side mechanisms, "a -> b" spacing.
    expected = toc.validate(copy.deepcopy(data))
    assert toc.loads(json.dumps(data, ensure_ascii=False), "json") == expected
    # libyaml's emitter: PyYAML's pure-Python one folds U+0085 inside quotes.
    as_yaml = yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True)
    assert toc.loads(as_yaml, "yaml") == expected
    for mechanism in data.get("mechanisms", []):
        stated = set()
        for ref in mechanism.get("links", []):
            pair = parse_link_ref(ref)
            assert pair is not None
            stated.add(f"{pair[0]}->{pair[1]}")
        for link in data.get("links", []):
            if mechanism["id"] in link.get("mechanisms", []):
                stated.add(f"{link['from']}->{link['to']}")
        loaded = next(m for m in expected.mechanisms if m.id == mechanism["id"])
        assert sorted(loaded.links) == sorted(stated)
        assert len(loaded.links) == len(set(loaded.links))
    assert all(link.mechanisms == [] for link in expected.links)
    written = json.loads(dumps(expected, "json"))
    assert all("mechanisms" not in link for link in written.get("links", []))


# ------------------------------------------------------------------- damage

_ODD_VALUES = [None, True, False, 0, -1, 1.5, 10**30, "", "text", "no", [], {}, [1], {"a": 1}]


def _places(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path into the data (the root excluded)."""
    out = []
    items = (
        data.items()
        if isinstance(data, dict)
        else enumerate(data)
        if isinstance(data, list)
        else []
    )
    for key, value in items:
        out.append((*path, key))
        out.extend(_places(value, (*path, key)))
    return out


def _get(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


ANY_KEY = texts(min_size=0)


@st.composite
def damaged(draw: Any) -> dict[str, Any]:
    """A valid document with one to three random injuries."""
    data = draw(documents(max_nodes=5))
    for _ in range(draw(st.integers(1, 3))):
        places = _places(data)
        if not places:
            break
        path = draw(st.sampled_from(places))
        parent, key = _get(data, path[:-1]), path[-1]
        injury = draw(st.sampled_from(["delete", "rename", "retype", "repoint", "duplicate_id"]))
        if injury == "delete":
            del parent[key]
        elif injury == "rename" and isinstance(parent, dict):
            new_key = draw(
                st.one_of(
                    st.sampled_from([key + "s", key[:-1], key.upper(), f"{key}_", "kind"]),
                    ANY_KEY,
                )
            )
            parent[new_key] = parent.pop(key)
        elif injury == "retype":
            parent[key] = draw(st.sampled_from(_ODD_VALUES))
        elif injury == "repoint":
            strings = [p for p in places if isinstance(_get(data, p), str)]
            if strings:
                target = draw(st.sampled_from(strings))
                known = [v for p in strings if p[-1] == "id" for v in [_get(data, p)]]
                _get(data, target[:-1])[target[-1]] = draw(
                    st.one_of(
                        st.sampled_from(known or ["x"]),
                        ids(),
                        st.builds(lambda a, b: f"{a}->{b}", ids(), ids()),
                    )
                )
        elif injury == "duplicate_id":
            id_places = [p for p in places if p[-1] == "id"]
            if len(id_places) >= 2:
                first, second = draw(st.permutations(id_places))[:2]
                _get(data, second[:-1])["id"] = _get(data, first)
    return data


def _load_or_refuse(
    text: str | bytes, fmt: str, file: str, *, located: bool = False
) -> toc.Document | None:
    """Load; a refusal must be a TocError. Anything else propagates and fails the test.

    With ``located``, every problem must also carry its line and column.
    """
    try:
        doc = toc.loads(text, fmt, file=file)
    except TocError as err:
        assert isinstance(err, ValueError)  # every TocError a user causes is also a ValueError
        assert isinstance(err, DocumentError), f"{type(err).__name__}: {err}"
        assert err.problems
        for problem in err.problems:
            assert problem.file == file
            assert problem.message
            if located:
                assert problem.line is not None, problem.render()
                assert problem.column is not None, problem.render()
        return None
    # Whatever loads also round-trips.
    assert toc.loads(dumps(doc, fmt), fmt) == doc
    return doc


@DAMAGE
@given(damaged())
def test_damaged_documents_load_or_are_refused_with_located_problems(data: dict[str, Any]) -> None:
    json_text = json.dumps(data, ensure_ascii=False, indent=1)
    yaml_text = yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False)
    _load_or_refuse(json_text, "json", "t.json", located=True)
    _load_or_refuse(yaml_text, "yaml", "t.yaml", located=True)


@DAMAGE
@given(st.binary(max_size=400), st.sampled_from(["yaml", "json"]))
def test_random_bytes_never_raise_anything_but_a_toc_error(raw: bytes, fmt: str) -> None:
    _load_or_refuse(raw, fmt, "t.bin")


YAMLISH = st.lists(
    st.sampled_from([*"abfi019 :-[]{},#&*!|>'\"?%@`~\n\t.\\<=", "\n  ", "- ", ": ", "&a", "*a"])
).map("".join)


@DAMAGE
@given(st.one_of(YAMLISH, st.text()), st.sampled_from(["yaml", "json"]))
def test_random_text_never_raises_anything_but_a_toc_error(text: str, fmt: str) -> None:
    _load_or_refuse(text, fmt, "t.txt")


@DAMAGE
@given(documents(max_nodes=4), st.data())
def test_a_valid_file_cut_anywhere_is_refused_or_loads(data: dict[str, Any], draw: Any) -> None:
    doc = toc.validate(data)
    for fmt in ("yaml", "json"):
        text = dumps(doc, fmt)
        cut = draw.draw(st.integers(0, len(text)))
        _load_or_refuse(text[:cut], fmt, f"cut.{fmt}")


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_the_reference_example_cut_after_any_line_never_leaks(nils_path: Any, fmt: str) -> None:
    text = dumps(toc.load(nils_path), fmt)
    lines = text.splitlines(keepends=True)
    # Every seventh line keeps this quick; the cut points still fall everywhere.
    for end in range(0, len(lines), 7):
        _load_or_refuse("".join(lines[:end]), fmt, f"nils.{fmt}")


# ------------------------------------------------------- text that is not text

_TEXT_KEYS = {
    "title",
    "name",
    "label",
    "statement",
    "description",
    "summary",
    "rationale",
    "question",
    "source",
    "by",
    "period",
    "unit",
    "method",
    "frequency",
}
_NOT_TEXT = ["\x00", "\x07", "\x1b", "\r", "\x7f", "\x85", "\x9b", "\ufffe", "\uffff", "\ud800"]


@settings(max_examples=settings.default.max_examples // 2)
@given(documents(max_nodes=5), st.data())
def test_a_control_character_in_any_text_is_refused_at_its_place(
    data: dict[str, Any], draw: Any
) -> None:
    # Wherever text enters, from YAML and JSON escapes or from Python: the model
    # refuses it, and the loader says where.
    places = [p for p in _places(data) if p[-1] in _TEXT_KEYS and isinstance(_get(data, p), str)]
    path = draw.draw(st.sampled_from(places))
    char = draw.draw(st.sampled_from(_NOT_TEXT))
    text = _get(data, path)
    at = draw.draw(st.integers(0, len(text)))
    _get(data, path[:-1])[path[-1]] = text[:at] + char + text[at:]
    with pytest.raises(DocumentError) as info:
        toc.validate(data)
    assert [p.path for p in info.value.problems] == [path]
    if char != "\ud800":
        # As JSON writes it (\u001b), the same refusal, placed in the file.
        with pytest.raises(DocumentError) as info:
            toc.loads(json.dumps(data), "json")
        [problem] = info.value.problems
        assert problem.path == path and problem.line is not None
        assert f"U+{ord(char):04X}" in problem.message


@pytest.mark.parametrize(
    "text", ["tab\there", "lines\nand\nlines", "windows\r\nlines", "no-break\u00a0space", "🚀 Åmål"]
)
def test_tabs_line_breaks_and_every_other_character_are_kept(text: str) -> None:
    doc = toc.validate({"format": 1, "id": "d", "title": text, "description": text})
    assert (doc.title, doc.description) == (text, text)
    for fmt in ("yaml", "json"):
        assert toc.loads(dumps(doc, fmt), fmt) == doc
