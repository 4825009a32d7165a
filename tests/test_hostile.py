"""Hostile input at the library level: every case ends in a located `TocError`.

Never a yaml, json, pydantic, KeyError, RecursionError or crash leaking out,
never an object constructed, never a hang. Cases that could hang or crash the
interpreter if the loader regressed run in a subprocess with a timeout.
"""

from __future__ import annotations

import builtins
import json
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

import toc
from toc.errors import DocumentError, FileFormatError, ReadError, TocError

HEAD = "format: 1\nid: demo\ntitle: Demo\n"
TAG_HINT = (
    "toc files hold plain data (text, numbers, true/false, lists and mappings); remove the '!' tag"
)
SYNTAX_HINT = "check indentation, colons and quotes near this position"
UTF8_HINT = "save the file as UTF-8 (in most editors: Save as → Encoding → UTF-8)"
DEEP = "the document is nested more than 64 levels deep"
DEEP_YAML_HINT = "a theory of change needs only a few levels of nesting; check the indentation"
DEEP_JSON_HINT = "a theory of change needs only a few levels of nesting; check the brackets"
BOMB = (
    "the document expands to far more values than its text holds "
    "(aliases that repeat aliases, an 'alias bomb')"
)
BOMB_HINT = "write the data out; toc refuses documents whose aliases multiply them"


def billion_laughs(levels: int = 20, width: int = 10) -> str:
    """Each anchor repeats the previous one `width` times: width**levels values in all.

    With the defaults that is 10**20 strings from about 1 KB of text; a loader
    that expanded aliases would run out of memory or time long before the end.
    """
    rows = [HEAD, 'l0: &l0 ["lol"]\n']
    for level in range(1, levels):
        refs = ", ".join([f"*l{level - 1}"] * width)
        rows.append(f"l{level}: &l{level} [{refs}]\n")
    return "".join(rows)


# ------------------------------------------------------ located refusals

CASES = [
    pytest.param(
        HEAD + 'x: !!python/object/apply:os.system ["echo pwned"]\n',
        FileFormatError,
        (4, 4, "YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed"),
        TAG_HINT,
        id="python-object-apply",
    ),
    pytest.param(
        HEAD + "x: !!python/name:os.system\n",
        FileFormatError,
        (4, 4, "YAML tag 'tag:yaml.org,2002:python/name:os.system' is not allowed"),
        TAG_HINT,
        id="python-name",
    ),
    pytest.param(
        HEAD + "x: !!python/object/new:collections.OrderedDict {a: 1}\n",
        FileFormatError,
        (
            4,
            4,
            "YAML tag 'tag:yaml.org,2002:python/object/new:collections.OrderedDict' is not allowed",
        ),
        TAG_HINT,
        id="python-object-new-mapping",
    ),
    pytest.param(
        "%TAG ! tag:yaml.org,2002:python/\n---\n" + HEAD + 'x: !object/apply:os.system ["id"]\n',
        FileFormatError,
        (6, 4, "YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed"),
        TAG_HINT,
        id="tag-directive",
    ),
    pytest.param(
        HEAD + "nodes: !foo [1]\n",
        FileFormatError,
        (4, 8, "YAML tag '!foo' is not allowed"),
        TAG_HINT,
        id="custom-tag-on-list",
    ),
    pytest.param(
        HEAD + "description: !foo bar\n",
        FileFormatError,
        (4, 14, "YAML tag '!foo' is not allowed"),
        TAG_HINT,
        id="custom-tag-on-text",
    ),
    pytest.param(
        HEAD + "x: !!binary aGVsbG8=\n",
        FileFormatError,
        (4, 4, "YAML tag 'tag:yaml.org,2002:binary' is not allowed"),
        TAG_HINT,
        id="binary-tag",
    ),
    pytest.param(
        HEAD + "x: !!set {a, b}\n",
        FileFormatError,
        (4, 4, "YAML tag 'tag:yaml.org,2002:set' is not allowed"),
        TAG_HINT,
        id="set-tag",
    ),
    pytest.param(
        HEAD + "description: !!int abc\n",
        FileFormatError,
        (4, 14, "'abc' is not a value of the YAML tag 'tag:yaml.org,2002:int'"),
        "remove the '!!' tag and write the value plainly",
        id="int-tag-on-text",
    ),
    pytest.param(
        billion_laughs(),
        FileFormatError,
        (8, 15, BOMB),
        BOMB_HINT,
        id="billion-laughs",
    ),
    pytest.param(
        HEAD + "base: &b [" + ", ".join(["x"] * 1000) + "]\n"
        "many: [" + ", ".join(["*b"] * 1000) + "]\n",
        FileFormatError,
        (5, 120, BOMB),
        BOMB_HINT,
        id="one-wide-anchor-repeated",
    ),
    pytest.param(
        HEAD
        + "description: &a "
        + "x" * 100_000
        + "\nnodes:\n"
        + "".join(f"  - {{id: n{i}, stage: short, label: *a}}\n" for i in range(50)),
        FileFormatError,
        (
            6,
            35,
            "the document's aliases repeat far more text than the file holds (an 'alias bomb')",
        ),
        "write the text out; toc refuses documents whose aliases multiply it",
        id="one-long-text-repeated",
    ),
    pytest.param(
        HEAD + "nodes: &n [*n]\n",
        FileFormatError,
        (4, 12, "an alias refers to a mapping or list that contains it (a recursive alias)"),
        "write the data out instead of referring to itself with *alias",
        id="recursive-alias-list",
    ),
    pytest.param(
        HEAD + "x: &a\n  y:\n    z: *a\n",
        FileFormatError,
        (6, 8, "an alias refers to a mapping or list that contains it (a recursive alias)"),
        "write the data out instead of referring to itself with *alias",
        id="recursive-alias-mapping",
    ),
    pytest.param(
        HEAD + "x: *nowhere\n",
        FileFormatError,
        (4, 4, "the alias *nowhere refers to no anchor &nowhere before it"),
        "define the anchor first, or write the data out",
        id="undefined-alias",
    ),
    pytest.param(
        "format: 1\nid: demo\ntitle: Demo\nid: other\n",
        FileFormatError,
        (4, 1, "duplicate key 'id' in one mapping (first at line 2)"),
        "a key may appear only once per mapping; merge the two or rename one",
        id="duplicate-key-top",
    ),
    pytest.param(
        HEAD + "nodes:\n  - id: a\n    label: A\n    stage: resources\n    label: B\n",
        FileFormatError,
        (8, 5, "duplicate key 'label' in one mapping (first at line 6)"),
        "a key may appear only once per mapping; merge the two or rename one",
        id="duplicate-key-nested",
    ),
    pytest.param(
        HEAD + 'nodes: [{id: a, "id": b}]\n',
        FileFormatError,
        (4, 17, "duplicate key 'id' in one mapping (first at line 4)"),
        "a key may appear only once per mapping; merge the two or rename one",
        id="duplicate-key-quoted",
    ),
    pytest.param(
        '{"format": 1, "id": "demo", "title": "Demo", "id": "x"}',
        FileFormatError,
        (1, 46, "duplicate key 'id' in one object"),
        "a key may appear only once per object; merge the two or rename one",
        id="json-duplicate-key-top",
    ),
    pytest.param(
        '{"format": 1, "id": "demo", "title": "Demo",\n'
        ' "nodes": [{"id": "a", "stage": "resources", "label": "A", "stage": "short"}]}',
        FileFormatError,
        (2, 60, "duplicate key 'stage' in one object"),
        "a key may appear only once per object; merge the two or rename one",
        id="json-duplicate-key-nested",
    ),
    pytest.param(
        HEAD + "base: &base {stage: resources, label: A}\nnodes:\n  - <<: *base\n    id: a\n",
        FileFormatError,
        (6, 5, "merge keys ('<<') are not supported"),
        "write the keys out in this mapping",
        id="merge-key",
    ),
    pytest.param(
        HEAD + "nodes: " + "[" * 10_000,
        FileFormatError,
        (4, 71, DEEP),
        DEEP_YAML_HINT,
        id="yaml-10000-open-brackets",
    ),
    pytest.param(
        HEAD + "nodes: " + "[" * 10_000 + "]" * 10_000 + "\n",
        FileFormatError,
        (4, 71, DEEP),
        DEEP_YAML_HINT,
        id="yaml-10000-nested-lists",
    ),
    pytest.param(
        HEAD + "nodes:\n" + "- " * 10_000 + "x\n",
        FileFormatError,
        (5, 127, DEEP),
        DEEP_YAML_HINT,
        id="yaml-10000-compact-block-lists",
    ),
    pytest.param(
        HEAD + "x: " + "{a: " * 10_000 + "}" * 10_000 + "\n",
        FileFormatError,
        (4, 256, DEEP),
        DEEP_YAML_HINT,
        id="yaml-10000-nested-mappings",
    ),
    pytest.param(
        '{"format": 1, "id": "d", "title": "t", "nodes": ' + "[" * 10_000,
        FileFormatError,
        (1, 112, DEEP),
        DEEP_JSON_HINT,
        id="json-10000-open-brackets",
    ),
    pytest.param(
        "[" * 10_000 + "]" * 10_000,
        FileFormatError,
        (1, 65, DEEP),
        DEEP_JSON_HINT,
        id="json-10000-nested-lists",
    ),
    pytest.param(
        '{"format": 1, "id": "d", "title": "t", "nodes": NaN}',
        FileFormatError,
        (1, 49, "invalid JSON: NaN is not a JSON number"),
        "write a finite number",
        id="json-nan",
    ),
    pytest.param(
        '{"format": 1, "id": "d", "title": "NaN or -Infinity",\n "x": [1, -Infinity]}',
        FileFormatError,
        (2, 11, "invalid JSON: -Infinity is not a JSON number"),
        "write a finite number",
        id="json-infinity-after-the-words-in-text",
    ),
    pytest.param(
        '{"format": 1, "id": "d", "title": "t", "description": "\\udc80"}',
        FileFormatError,
        (
            1,
            56,
            "the text holds half of a UTF-16 surrogate pair (such as \\ud800), which is not a "
            "character",
        ),
        "write the character itself, or both halves of the pair",
        id="json-lone-surrogate-escape",
    ),
    pytest.param(
        '{"format": 1, "id": "d", "title": "t", "x": ' + "9" * 5000 + "}",
        FileFormatError,
        (1, 45, "invalid JSON: a number has more digits than toc reads"),
        "write a shorter number, or quote it if it is text",
        id="json-5000-digit-number",
    ),
    pytest.param(
        HEAD + "x: " + "9" * 5000 + "\n",
        FileFormatError,
        (4, 4, "the number has 5,000 digits, more than toc reads"),
        "write a shorter number, or quote it if it is text",
        id="yaml-5000-digit-number",
    ),
    pytest.param(
        HEAD + "description: a\x00b\n",
        FileFormatError,
        (4, 15, "the text holds the character U+0000 (a control code), which YAML does not allow"),
        "remove it; it is invisible in most editors (search for it, or retype the line)",
        id="nul-character",
    ),
    pytest.param(
        HEAD + "description: ok\n\x1b[31mred\n",
        FileFormatError,
        (5, 1, "the text holds the character U+001B (a control code), which YAML does not allow"),
        "remove it; it is invisible in most editors (search for it, or retype the line)",
        id="terminal-escape",
    ),
    pytest.param(
        HEAD + "? [a, b]\n: c\n",
        FileFormatError,
        (4, 3, "a mapping key must be plain text, not a list, a mapping or an alias"),
        "write the key as a word such as `label:`",
        id="complex-key",
    ),
    pytest.param(
        HEAD + "---\nformat: 1\n",
        FileFormatError,
        (4, 1, "the file holds more than one YAML document (a second '---')"),
        "keep one theory of change per file: remove the '---' line and what follows",
        id="second-document",
    ),
    pytest.param(
        "%YAML 2.0\n---\n" + HEAD,
        FileFormatError,
        (1, 1, "invalid YAML: found incompatible YAML document"),
        SYNTAX_HINT,
        id="yaml-2-directive",
    ),
    pytest.param(
        HEAD + "nodes:\n\t- {id: a}\n",
        FileFormatError,
        (5, 1, "a tab indents this line; YAML indents with spaces only"),
        "replace the tabs at the start of the line with spaces (most editors can put spaces "
        "for the Tab key)",
        id="tab-indent",
    ),
    pytest.param(
        HEAD + "mechanisms: [{id: m, title: M, prior: .nan}]\n",
        DocumentError,
        (4, 39, "mechanisms[0].prior: must be a finite number"),
        "write an ordinary number",
        id="yaml-nan-probability",
    ),
    pytest.param(
        '{"format": 1, "id": "d", "title": "t"}\ufeff',
        FileFormatError,
        (1, 39, "invalid JSON: …"),
        "check commas, brackets and quotes near this position",
        id="json-byte-order-mark-at-the-end",
    ),
    pytest.param(
        HEAD.encode("utf-8") + "description: Grå\n".encode("latin-1"),
        ReadError,
        (4, 16, "the file is not UTF-8 text (byte 0xe5 at offset 46)"),
        UTF8_HINT,
        id="latin-1",
    ),
    pytest.param(
        HEAD.encode("utf-8") + "description: Förändring – “ok”\n".encode("cp1252"),
        ReadError,
        (4, 15, "the file is not UTF-8 text (byte 0xf6 at offset 45)"),
        UTF8_HINT,
        id="windows-1252",
    ),
    pytest.param(
        HEAD.encode("utf-16"),
        ReadError,
        (1, 1, "the file is UTF-16 text, not UTF-8"),
        UTF8_HINT,
        id="utf-16",
    ),
    pytest.param(
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
        ReadError,
        (1, 1, "the file is not UTF-8 text (byte 0x89 at offset 0)"),
        UTF8_HINT,
        id="png-header",
    ),
    pytest.param(
        bytes(range(256)),
        ReadError,
        (2, 118, "the file is not UTF-8 text (byte 0x80 at offset 128)"),
        UTF8_HINT,
        id="all-bytes",
    ),
]


def _load(content: str | bytes, path: Path) -> toc.Document:
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return toc.load(path)


@pytest.mark.parametrize(("content", "error", "where", "hint"), CASES)
def test_hostile_input_is_refused_with_a_located_toc_error(
    tmp_path: Path,
    content: str | bytes,
    error: type[TocError],
    where: tuple[int, int, str],
    hint: str,
) -> None:
    is_json = isinstance(content, str) and content.startswith(("{", "["))
    path = tmp_path / ("t.json" if is_json else "t.yaml")
    with pytest.raises(TocError) as info:
        _load(content, path)
    err = info.value
    assert type(err) is error
    assert isinstance(err, ValueError)
    [problem] = err.problems
    line, column, message = where
    assert (problem.line, problem.column) == (line, column)
    # "…" stands for the parser's own words (json's wording is not ours to pin).
    head, _, tail = message.partition("…")
    assert problem.message.startswith(head) and problem.message.endswith(tail), problem.message
    assert len(problem.message) > len(head) + len(tail) or "…" not in message
    assert problem.hint == hint
    assert problem.file == str(path)


def test_a_byte_order_mark_inside_text_is_kept_as_data() -> None:
    doc = toc.loads(b"\xef\xbb\xbf" + (HEAD + "description: a\ufeffb\n").encode())
    assert doc.description == "a\ufeffb"
    assert toc.loads(toc.dumps(doc)).description == "a\ufeffb"


def test_no_tag_ever_runs_code(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    payloads = [
        f'x: !!python/object/apply:os.system ["touch {marker}"]',
        f'x: !!python/object/apply:subprocess.check_call [["touch", "{marker}"]]',
        f"x: !!python/object/new:pathlib.Path.touch [{marker}]",
    ]
    for payload in payloads:
        with pytest.raises(FileFormatError):
            toc.loads(HEAD + payload + "\n")
    assert not marker.exists()


def test_an_ordinary_alias_is_fine() -> None:
    doc = toc.loads(
        HEAD
        + textwrap.dedent(
            """\
            interventions: [{id: ic, name: IC}, {id: spira, name: Spira}]
            nodes:
              - {id: a, stage: resources, label: A, interventions: &both [ic, spira]}
              - {id: b, stage: short, label: B, interventions: *both}
            """
        )
    )
    assert [n.interventions for n in doc.nodes] == [["ic", "spira"], ["ic", "spira"]]


def test_a_problem_inside_aliased_data_is_placed_at_the_alias() -> None:
    text = HEAD + textwrap.dedent(
        """\
        nodes:
          - {id: a, stage: resources, label: A, actors: &who [nobody]}
          - {id: b, stage: short, label: B, actors: *who}
        """
    )
    with pytest.raises(DocumentError) as info:
        toc.loads(text)
    assert [(p.line, p.column, p.message) for p in info.value.problems] == [
        (5, 55, "nodes[0].actors[0]: unknown actor 'nobody'"),
        (6, 45, "nodes[1].actors[0]: unknown actor 'nobody'"),
    ]


def test_quoted_merge_key_is_just_an_unknown_key() -> None:
    with pytest.raises(DocumentError) as info:
        toc.loads(HEAD + '"<<": 1\n')
    assert [(p.line, p.column, p.message) for p in info.value.problems] == [
        (4, 1, "unknown key '<<'")
    ]


# ----------------------------------------------------------- big files


def test_a_50_mb_file_is_refused_by_its_size_without_being_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as handle:
        handle.write(HEAD.encode())
        handle.truncate(50 * 1024 * 1024)  # sparse: no 50 MB written to disk
    real_open = builtins.open

    def guarded_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        if str(file) == str(big):
            raise AssertionError("the loader opened the over-large file")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded_open)
    with pytest.raises(ReadError) as info:
        toc.load(big)
    monkeypatch.undo()
    assert str(info.value) == (
        f"{big}: error: the file is 52,428,800 bytes, more than the limit of 16,777,216\n"
        "  hint: split the document into smaller ones (in Python, toc.load(path, max_bytes=...) "
        "reads larger files)"
    )


@pytest.mark.parametrize(
    ("content", "unit"),
    [(b"x" * (17 * 1024 * 1024), "bytes"), ("x" * (17 * 1024 * 1024), "characters")],
)
def test_loads_refuses_over_large_text_before_parsing(content: str | bytes, unit: str) -> None:
    with pytest.raises(ReadError) as info:
        toc.loads(content)
    assert str(info.value) == (
        f"<string>: error: the text is 17,825,792 {unit}, more than the limit of 16,777,216\n"
        "  hint: split the document into smaller ones (in Python, toc.loads(text, max_bytes=...) "
        "reads larger files)"
    )
    # The limit the hint names is the one that applies.
    big = toc.loads(
        "format: 1\nid: d\ntitle: T\ndescription: " + "x" * (17 * 1024 * 1024) + "\n",
        max_bytes=32 * 1024 * 1024,
    )
    assert len(big.description or "") == 17 * 1024 * 1024


def test_load_with_a_larger_limit_reads_a_file_above_16_mib(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text(
        "format: 1\nid: d\ntitle: T\ndescription: " + "x" * (17 * 1024 * 1024) + "\n",
        encoding="utf-8",
    )
    with pytest.raises(ReadError):
        toc.load(path)
    assert len(toc.load(path, max_bytes=32 * 1024 * 1024).description or "") == 17 * 1024 * 1024


# ------------------------------------- cases that could hang or crash


def _run_isolated(
    code: str, tmp_path: Path, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """Run Python code in a fresh interpreter; a hang becomes a test failure, not a stuck run."""
    script = tmp_path / "case.py"
    script.write_text(code, encoding="utf-8")
    return subprocess.run(
        [sys.executable, str(script)],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def test_billion_laughs_fails_fast_in_a_fresh_interpreter(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text(billion_laughs(levels=30), encoding="utf-8")
    code = textwrap.dedent(
        f"""
        import resource, toc
        # A loader that expanded the aliases would hit this wall, not fill the machine.
        resource.setrlimit(resource.RLIMIT_AS, (2 * 1024 ** 3, 2 * 1024 ** 3))
        try:
            toc.load({str(bomb)!r})
        except toc.TocError as err:
            print(type(err).__name__, err.problems[0].message)
        """
    )
    result = _run_isolated(code, tmp_path, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"FileFormatError {BOMB}\n"


@pytest.mark.parametrize(
    "text",
    [
        "[" * 1_000_000 + "]" * 1_000_000,
        "- " * 1_000_000 + "x",
        "{a: " * 300_000 + "}" * 300_000,
        "a:\n" + "".join(" " * i + "b:\n" for i in range(1, 3000)),
    ],
    ids=["flow-lists", "compact-block-lists", "flow-mappings", "indented-mappings"],
)
def test_extreme_nesting_never_crashes_the_interpreter(tmp_path: Path, text: str) -> None:
    # libyaml's own composer recurses in C and dies of a stack overflow at this
    # depth (a segfault, no exception); toc reads parser events with a stack.
    source = tmp_path / "deep.yaml"
    source.write_text(text, encoding="utf-8")
    code = textwrap.dedent(
        f"""
        import toc
        try:
            toc.load({str(source)!r})
        except toc.TocError as err:
            print(type(err).__name__, err.problems[0].message)
        """
    )
    result = _run_isolated(code, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"FileFormatError {DEEP}\n"


def test_deep_json_within_the_parsers_reach_fails_on_its_content() -> None:
    # Python's json reads 500 levels; no part of the format nests that deep, so
    # such a document is refused by validation, at the place where it goes wrong.
    text = '{"format": 1, "id": "d", "title": "t", "nodes": [' + "[" * 500 + "]" * 500 + "]}"
    with pytest.raises(DocumentError) as info:
        toc.loads(text, "json")
    assert [(p.line, p.column, p.message) for p in info.value.problems] == [
        (1, 50, "nodes[0]: expected a mapping of keys, got a list")
    ]


def test_a_long_number_is_found_in_one_pass_over_runs_of_digits(tmp_path: Path) -> None:
    # 16 MiB of quoted 4,300-digit runs, then a number Python refuses to read:
    # a search that restarts inside each run takes about a minute here.
    code = textwrap.dedent(
        """
        import toc
        run = '"' + "1" * 4300 + '"'
        count = (16 * 1024 * 1024 - 5000) // (len(run) + 1)
        text = '{"format": 1, "id": "d", "title": "t", "x": [' + ",".join([run] * count)
        text += '], "y": ' + "9" * 4301 + "}"
        try:
            toc.loads(text, "json")
        except toc.TocError as err:
            [problem] = err.problems
            print(problem.line, problem.column == text.index('"y": ') + 6, problem.message)
        """
    )
    result = _run_isolated(code, tmp_path, timeout=30)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "1 True invalid JSON: a number has more digits than toc reads\n"


# ------------------------------------------ denial of service within the limits


def test_unknown_references_get_a_suggestion_only_when_reported(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # 4,000 links to unknown nodes among 20,000 nodes: a "did you mean" for each
    # over every id took minutes; only the 50 reported get one, from few candidates.
    import difflib

    import toc.model

    nodes = [{"id": f"node-{i:05d}", "stage": "short", "label": "x"} for i in range(20_000)]
    links = [{"from": f"gone-{i:05d}", "to": "node-00000"} for i in range(4_000)]
    data = {"format": 1, "id": "d", "title": "t", "nodes": nodes, "links": links}
    pools: list[int] = []
    real = difflib.get_close_matches

    def counted(word: str, possibilities: Any, *args: Any, **kwargs: Any) -> Any:
        pools.append(len(possibilities))
        if len(pools) > 200:
            raise AssertionError("a suggestion was searched for an unreported problem")
        return real(word, possibilities, *args, **kwargs)

    monkeypatch.setattr(toc.model.difflib, "get_close_matches", counted)
    with pytest.raises(DocumentError) as info:
        toc.loads(json.dumps(data), "json")
    problems = info.value.problems
    assert len(problems) == 51
    assert problems[0].message == "links[0].from: unknown node 'gone-00000'"
    assert problems[0].hint == "did you mean 'node-00000'?"
    assert problems[-1].message == "... and 3950 more problems (the first 50 are shown)"
    assert len(pools) == 50
    assert max(pools) <= 400


def test_a_suggestion_among_many_ids_is_still_found() -> None:
    from toc.model import Suggestions

    many = Suggestions([f"n{i:06d}" for i in range(200_000)] + ["c-forum", "m-relation"])
    assert many.closest("c-froum") == "c-forum"
    assert many.closest("m-relaton") == "m-relation"
    assert many.closest("zzz") is None


@pytest.mark.skipif(sys.platform != "linux", reason="address-space limits are Linux's")
def test_millions_of_wrong_values_are_refused_within_bounded_memory(tmp_path: Path) -> None:
    # Pydantic gathers an error for every wrong value before it returns: 2 MiB of
    # them needed more than a gigabyte (and 16 MiB, twelve). Under a 224 MiB
    # address-space limit each case still gets its located problems and a count
    # (benchmarks/bench_hostile.py measures them at 16 MiB).
    code = textwrap.dedent(
        """
        import resource
        resource.setrlimit(resource.RLIMIT_AS, (224 * 1024 ** 2, 224 * 1024 ** 2))
        import toc
        size = 2 * 1024 * 1024
        head = '{"format": 1, "id": "d", "title": "t", '
        node = '{"id": "a", "stage": "resources", "label": "A", '
        cases = {
            "ints": head + '"nodes": [' + ",".join(["1"] * (size // 2)) + "]}",
            "empty": head + '"nodes": [' + ",".join(["{}"] * (size // 3)) + "]}",
            "keys": head + ", ".join(f'"k{i:07d}": 1' for i in range(size // 15)) + "}",
            "nested": head + '"nodes": [' + node + '"actors": ['
            + ",".join(['"A"'] * (size // 4)) + "]}]}",
        }
        for name, text in cases.items():
            try:
                toc.loads(text, "json")
            except toc.TocError as err:
                first, last = err.problems[0], err.problems[-1]
                print(name, len(err.problems), first.column, first.message, "|", last.message)
            del text
        """
    )
    result = _run_isolated(code, tmp_path, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "ints 51 50 nodes[0]: expected a mapping of keys, got the number 1 | "
        "... and at least 974 more problems (the first 50 are shown)",
        "empty 51 50 nodes[0]: missing required key 'id' | "
        "... and at least 1486 more problems (the first 50 are shown)",
        "keys 51 40 unknown key 'k0000000' | "
        "... and at least 951 more problems (the first 50 are shown)",
        "nested 51 109 nodes[0].actors[0]: 'A' is not a valid id | "
        "... and at least 974 more problems (the first 50 are shown)",
    ]


def test_a_large_valid_document_validated_in_pieces_equals_one_validated_whole() -> None:
    # Lists longer than a piece are validated apart and handed on as models: the
    # document is the one pydantic builds in one call.
    sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))
    import generate

    from toc.model import Document

    data = generate.generate(2_000, seed=1)
    assert toc.validate(data) == Document.model_validate(generate.generate(2_000, seed=1))


@pytest.mark.parametrize(
    ("data", "message", "hint"),
    [
        (
            {"format": 2**20000, "id": "d", "title": "t"},
            "format <6,021 digits> is newer than this library knows: toc-evaluation "
            f"{toc.__version__} reads format 1",
            "upgrade it: pip install -U toc-evaluation",
        ),
        (
            {"format": -(2**20000), "id": "d", "title": "t"},
            "format <6,021 digits> does not exist",
            "write `format: 1`",
        ),
        (
            {"format": 1, "id": "d", "title": 2**20000},
            "title: the number has 6,021 digits, more than toc reads",
            "write a shorter number, or quote it if it is text",
        ),
        (
            {"format": 1, "id": "d", "title": "t", "nodes": [2**20000]},
            "nodes[0]: expected a mapping of keys, got the number <6,021 digits>",
            "write a mapping of keys here",
        ),
        (
            {"format": 1, "id": "d", "title": "t", "language": 2**20000},
            "language: <6,021 digits> is not allowed",
            "use one of: sv, en",
        ),
    ],
    ids=["newer-format", "negative-format", "title", "node", "language"],
)
def test_a_number_too_long_to_write_is_a_located_toc_error(
    data: dict[str, Any], message: str, hint: str
) -> None:
    with pytest.raises(TocError) as info:
        toc.validate(data)
    [problem] = info.value.problems  # type: ignore[attr-defined]
    assert (problem.message, problem.hint) == (message, hint)


LONG = "a" * 1_000_000
CUT = "a" * 199 + "…"  # toc.findings.shown: at most 200 characters of a value


@pytest.mark.parametrize(
    ("text", "message", "hint"),
    [
        (
            LONG,
            "the document must be a mapping of keys at the top level (format, id, title, ...), "
            f"not the text '{CUT}'",
            "start the file with `format: 1`",
        ),
        (
            HEAD + "nodes: " + LONG + "\n",
            f"nodes: expected a list, got the text '{CUT}'",
            "write a list here",
        ),
        (  # YAML keys are short; JSON's are not
            '{"format": 1, "id": "d", "title": "T", "' + LONG + '": 1}',
            f"unknown key '{CUT}'",
            None,
        ),
        (
            HEAD + "language: " + LONG + "\n",
            f"language: '{CUT}' is not allowed",
            "use one of: sv, en",
        ),
        (
            HEAD + "report: {date: " + LONG + "}\n",
            f"report.date: '{CUT}' is not a valid date",
            "write a date as 2018, 2018-05 or 2018-05-14",
        ),
        (
            HEAD + "nodes: [{id: " + LONG + ", stage: short, label: A}]\n",
            "nodes[0].id: is too long",
            "an id has at most 200 characters",
        ),
        (  # a number where an id belongs is shown as written, not as text
            HEAD + "nodes: [{id: -1, stage: short, label: A}]\n",
            "nodes[0].id: -1 is not a valid id",
            None,
        ),
        (
            HEAD + "evidence: [{id: e, kind: other, about: " + LONG + "}]\n",
            f"evidence[0].about: unknown mechanism, condition, rival, node or link '{CUT}'",
            None,
        ),
        (
            HEAD + "description: !!int " + LONG + "\n",
            f"'{CUT}' is not a value of the YAML tag 'tag:yaml.org,2002:int'",
            None,
        ),
        (
            HEAD + "mechanisms: [{id: m, title: M, prior: " + "9" * 400 + "}]\n",
            "mechanisms[0].prior: <400 digits> is out of range",
            "a probability is a number from 0 to 1",
        ),
    ],
    ids=[
        "document",
        "wrong-type",
        "key",
        "not-allowed",
        "date",
        "id",
        "id-number",
        "reference",
        "tag-value",
        "number",
    ],
)
def test_a_long_value_is_shortened_in_its_message(
    tmp_path: Path, text: str, message: str, hint: str | None
) -> None:
    path = tmp_path / ("long.json" if text.startswith("{") else "long.yaml")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TocError) as info:
        toc.load(path)
    [problem] = info.value.problems  # type: ignore[attr-defined]
    assert problem.message == message
    if hint is not None:
        assert problem.hint == hint
    assert len(str(info.value)) < 1_000
