"""The documentation is checked against the code it describes.

- docs/format.md documents every field of every model of the format, and nothing else: one
  table row per field, with the right "required / default" and every allowed value listed.
- Every YAML and JSON example in the docs loads (whole documents), validates (fragments), or
  is refused (blocks marked ``# refused``).
- docs/getting-started.md and docs/integrator.md are run top to bottom: their files are
  written, their ``$ toc ...`` commands run and compared with the output shown, their
  ``>>>`` examples run as doctests.
- Relative links and anchors resolve; the README's quick start is what .ci/run runs; the
  exception tree in docs/integrator.md is the real one.
- The benchmark's document generator makes valid documents, and its raw baseline models still
  mirror the format.
"""

from __future__ import annotations

import doctest
import importlib
import importlib.util
import json
import pkgutil
import re
import shlex
import sys
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from pydantic import BaseModel, TypeAdapter
from pydantic.fields import FieldInfo

import mechanisms
import toc
from toc.cli import main as cli_main
from toc.errors import DocumentError, FileFormatError, TocError
from toc.model import Document
from toc.source import parse_yaml

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
FORMAT_MD = DOCS / "format.md"
GETTING_STARTED = DOCS / "getting-started.md"
INTEGRATOR = DOCS / "integrator.md"
INDEX = DOCS / "index.md"
README = ROOT / "README.md"
CHECKED_PAGES = [README, INDEX, GETTING_STARTED, FORMAT_MD, INTEGRATOR]


# ------------------------------------------------------------ markdown parsing


@dataclass(frozen=True)
class Block:
    """A fenced code block: its language, text and first line number in the page."""

    page: Path
    lang: str
    text: str
    line: int

    @property
    def name(self) -> str:
        return f"{self.page.name}:{self.line}"


_FENCE = re.compile(r"^( *)```(\S*)\s*$")


def blocks(page: Path) -> list[Block]:
    """Every fenced code block of a page, in order."""
    out = []
    lang: str | None = None
    body: list[str] = []
    start = indent = 0
    for number, line in enumerate(page.read_text("utf-8").splitlines(), start=1):
        match = _FENCE.match(line)
        if lang is None and match:
            indent, lang, body, start = len(match.group(1)), match.group(2), [], number + 1
        elif lang is not None and line.strip() == "```":
            out.append(Block(page, lang, "\n".join(body) + "\n", start))
            lang = None
        elif lang is not None:
            body.append(line[indent:])  # a block inside a list item is indented
    assert lang is None, f"{page.name}: a code block is not closed"
    return out


def prose(page: Path) -> str:
    """The page without its fenced code blocks (headings inside them are not headings)."""
    return re.sub(r"^ *```.*?^ *```\s*$", "", page.read_text("utf-8"), flags=re.S | re.M)


def slug(heading: str) -> str:
    """The anchor GitHub gives a heading."""
    text = heading.strip().lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def anchors(page: Path) -> set[str]:
    seen: dict[str, int] = {}
    out = set()
    for match in re.finditer(r"^#{1,6} +(.+?)\s*$", prose(page), flags=re.M):
        base = slug(match.group(1))
        count = seen.get(base, 0)
        seen[base] = count + 1
        out.add(base if count == 0 else f"{base}-{count}")
    return out


def cells(row: str) -> list[str]:
    """The cells of a Markdown table row (an escaped ``\\|`` stays inside its cell)."""
    return [c.strip() for c in re.split(r"(?<!\\)\|", row.strip())[1:-1]]


# ------------------------------------------------------ the models and the page


def _models_in(annotation: Any) -> Iterator[type[BaseModel]]:
    origin = typing.get_origin(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    elif origin is not None:
        for arg in typing.get_args(annotation):
            yield from _models_in(arg)


def format_models() -> list[type[BaseModel]]:
    """Every model a document can contain, found by walking `Document`'s fields."""
    found: list[type[BaseModel]] = []
    todo: list[type[BaseModel]] = [Document]
    while todo:
        model = todo.pop(0)
        if model in found:
            continue
        found.append(model)
        for info in model.model_fields.values():
            todo.extend(_models_in(info.annotation))
    return found


MODELS = format_models()


@dataclass
class Section:
    """A model's section in docs/format.md: its heading and table rows by field name."""

    model: type[BaseModel]
    heading: str
    rows: dict[str, list[str]]


def format_sections() -> dict[type[BaseModel], Section]:
    sections: dict[type[BaseModel], Section] = {}
    current: Section | None = None
    for line in prose(FORMAT_MD).splitlines():
        if line.startswith("#"):
            current = None
            match = re.search(r"\(`(toc|mechanisms)\.(\w+)`\)$", line)
            if match:
                package = toc if match.group(1) == "toc" else mechanisms
                model = getattr(package, match.group(2), None)
                assert isinstance(model, type) and issubclass(model, BaseModel), (
                    f"docs/format.md heading {line!r} names {match.group(0)}, "
                    "which is not a model importable from there"
                )
                assert model not in sections, f"two sections for {model.__name__}"
                current = Section(model, line.lstrip("# ").strip(), {})
                sections[model] = current
        elif current is not None and line.startswith("| `"):
            row = cells(line)
            name = row[0].strip("`")
            assert name not in current.rows, f"{current.heading}: `{name}` documented twice"
            current.rows[name] = row
    return sections


SECTIONS = format_sections()


def documented_in(model: type[BaseModel]) -> list[Section]:
    """The sections that document a model: its own, and those of its documented bases."""
    return [SECTIONS[cls] for cls in model.__mro__ if cls in SECTIONS]


def aliases(model: type[BaseModel]) -> dict[str, FieldInfo]:
    return {info.alias or name: info for name, info in model.model_fields.items()}


def field_cases() -> list[Any]:
    cases = []
    for model in {*MODELS, *SECTIONS}:
        for name, info in aliases(model).items():
            cases.append(pytest.param(model, name, info, id=f"{model.__name__}.{name}"))
    return sorted(cases, key=lambda p: str(p.id))


def row_of(model: type[BaseModel], name: str) -> list[str]:
    for section in documented_in(model):
        if name in section.rows:
            return section.rows[name]
    raise AssertionError(f"{model.__name__}.{name} has no row in docs/format.md")


# ------------------------------------------------------------ format.md tests


def test_every_model_of_the_format_has_a_section() -> None:
    missing = [m.__name__ for m in MODELS if not documented_in(m)]
    assert not missing, f"docs/format.md has no section for: {missing}"
    assert {"Document", "Node", "Link", "SurveyEvidence", "Judgement"} <= {
        m.__name__ for m in MODELS
    }


def test_every_section_documents_a_model_of_the_format() -> None:
    reachable = {cls for model in MODELS for cls in model.__mro__}
    stray = [s.heading for model, s in SECTIONS.items() if model not in reachable]
    assert not stray, f"docs/format.md documents models a document cannot contain: {stray}"


@pytest.mark.parametrize("model", MODELS + [m for m in SECTIONS if m not in MODELS])
def test_fields_documented_exactly(model: type[BaseModel]) -> None:
    documented: dict[str, str] = {}
    for section in documented_in(model):
        for name in section.rows:
            assert name not in documented, (
                f"{model.__name__}.{name} is documented in both {documented[name]!r} "
                f"and {section.heading!r}"
            )
            documented[name] = section.heading
    fields = set(aliases(model))
    missing = sorted(fields - set(documented))
    assert not missing, f"fields of {model.__name__} missing from docs/format.md: {missing}"
    assert not set(documented) - fields, (
        f"docs/format.md documents fields {model.__name__} does not have: "
        f"{sorted(set(documented) - fields)}"
    )


@pytest.mark.parametrize(("model", "name", "info"), field_cases())
def test_required_or_default_matches_the_model(
    model: type[BaseModel], name: str, info: FieldInfo
) -> None:
    row = row_of(model, name)
    assert len(row) == 4, f"{model.__name__}.{name}: the row needs 4 cells, has {row}"
    cell = row[2]
    if info.is_required():
        assert cell == "required", f"{model.__name__}.{name} is required; the page says {cell!r}"
        return
    default = info.get_default(call_default_factory=True)
    if default is None:
        assert cell == "optional", f"{model.__name__}.{name} is optional; the page says {cell!r}"
        return
    match = re.fullmatch(r"`([^`]*)`", cell)
    assert match, f"{model.__name__}.{name}: write its default as `value`, not {cell!r}"
    shown = yaml.safe_load(match.group(1))
    assert shown == default, (
        f"{model.__name__}.{name}: default is {default!r}, page shows {shown!r}"
    )


def _kinds(annotation: Any, metadata: list[Any]) -> tuple[set[str], list[Any]]:
    """What a field accepts, in the words the type column must use, and its literal values."""
    kinds: set[str] = set()
    literals: list[Any] = []

    def constraints(items: list[Any]) -> None:
        for item in items:
            pattern = getattr(item, "pattern", None)
            if pattern and pattern.startswith("^[a-z0-9]"):
                kinds.add("id")
            elif pattern and pattern.startswith(r"^\d{4}"):
                kinds.add("date")
            if getattr(item, "le", None) == 1.0:
                kinds.add("probability")
            if isinstance(item, FieldInfo):
                constraints(item.metadata)

    def walk(a: Any) -> None:
        origin = typing.get_origin(a)
        if origin is typing.Annotated:
            base, *extra = typing.get_args(a)
            constraints(extra)
            walk(base)
        elif origin in (typing.Union, types.UnionType):
            members = [x for x in typing.get_args(a) if x is not type(None)]
            if set(members) == {int, float}:
                kinds.add("number")
            else:
                for member in members:
                    walk(member)
        elif origin is list:
            kinds.add("list")
            walk(typing.get_args(a)[0])
        elif origin is typing.Literal:
            literals.extend(typing.get_args(a))
        elif a is bool:
            kinds.add("bool")
        elif a is int:
            kinds.add("int")
        elif isinstance(a, type) and issubclass(a, BaseModel):
            kinds.add("model:" + a.__name__)

    constraints(metadata)
    walk(annotation)
    return kinds, literals


_WORDS = {
    "id": "id",
    "date": "date",
    "probability": "probability 0–1",
    "bool": "true/false",
    "int": "whole number",
    "number": "number",
    "list": "list",
}


@pytest.mark.parametrize(("model", "name", "info"), field_cases())
def test_type_column_and_vocabulary_match_the_model(
    model: type[BaseModel], name: str, info: FieldInfo
) -> None:
    row = row_of(model, name)
    type_cell = row[1]
    kinds, literals = _kinds(info.annotation, list(info.metadata))
    for kind in sorted(kinds):
        if kind.startswith("model:"):
            target = getattr(toc, kind[6:], None) or getattr(mechanisms, kind[6:])
            anchor = "#" + slug(SECTIONS[target].heading)
            assert f"]({anchor})" in type_cell, (
                f"{model.__name__}.{name}: the type should link to {anchor}, not {type_cell!r}"
            )
        else:
            assert _WORDS[kind] in type_cell, (
                f"{model.__name__}.{name}: the type should say {_WORDS[kind]!r}: {type_cell!r}"
            )
    whole_row = " | ".join(row)
    for value in literals:
        assert f"`{value}`" in whole_row, (
            f"{model.__name__}.{name}: allowed value `{value}` is not listed: {whole_row!r}"
        )


def test_every_row_has_a_meaning() -> None:
    for section in SECTIONS.values():
        for name, row in section.rows.items():
            assert len(row) == 4 and row[3].endswith("."), f"{section.heading}: `{name}` {row}"


# ------------------------------------------------------------- code examples


def yaml_blocks() -> list[Block]:
    return [b for page in CHECKED_PAGES for b in blocks(page) if b.lang == "yaml"]


@pytest.mark.parametrize("block", yaml_blocks(), ids=lambda b: b.name)
def test_yaml_example(block: Block) -> None:
    first = block.text.splitlines()[0]
    if first.startswith("#") and "refused" in first:
        with pytest.raises(TocError) as caught:
            toc.loads(block.text)
        assert isinstance(caught.value, FileFormatError | DocumentError)
        return
    data, _ = parse_yaml(block.text, block.name)
    assert isinstance(data, dict), f"{block.name}: an example should be a mapping"
    if "format" in data:
        doc = toc.loads(block.text, file=block.name)
        errors = [f for f in toc.check(doc) if f.severity == "error"]
        assert not errors, f"{block.name}: an example document with error findings: {errors}"
        return
    fields = Document.model_fields
    unknown = set(data) - {info.alias or key for key, info in fields.items()}
    assert not unknown, f"{block.name}: fragment keys that are not document keys: {unknown}"
    for key, value in data.items():
        annotation: Any = fields[key].annotation
        TypeAdapter(annotation).validate_python(value)


def json_blocks() -> list[Block]:
    return [b for page in CHECKED_PAGES for b in blocks(page) if b.lang == "json"]


@pytest.mark.parametrize("block", json_blocks(), ids=lambda b: b.name)
def test_json_example_is_a_valid_document(block: Block) -> None:
    assert "format" in json.loads(block.text)
    toc.loads(block.text, format="json", file=block.name)


def test_examples_are_checked_at_all() -> None:
    kinds = [b.text.splitlines()[0] for b in yaml_blocks()]
    assert sum(k.startswith("#") and "refused" in k for k in kinds) >= 5
    assert sum(k.startswith("format:") for k in kinds) >= 3
    assert len(json_blocks()) >= 1


# --------------------------------------------------------- pages run as scripts


def _run_console(block: Block) -> None:
    """Run each ``$ toc ...`` line and compare with the lines shown under it."""
    commands: list[tuple[str, list[str]]] = []
    for line in block.text.splitlines():
        if line.startswith("$ "):
            commands.append((line[2:], []))
        else:
            assert commands, f"{block.name}: output before any command"
            commands[-1][1].append(line)
    assert commands, f"{block.name}: a console block without a `$ ` command"
    for command, expected in commands:
        show_status = command.endswith("; echo $?")
        argv = shlex.split(command.removesuffix("; echo $?"))
        assert argv[0] == "toc", f"{block.name}: only toc commands can be run here: {command}"
        result = CliRunner().invoke(cli_main, argv[1:], catch_exceptions=False)
        output = result.output.splitlines()
        if show_status:
            output.append(str(result.exit_code))
        assert output == expected, f"{block.name}: `{command}` printed:\n" + "\n".join(output)


def _run_pycon(block: Block, globs: dict[str, Any]) -> None:
    parser = doctest.DocTestParser()
    test = parser.get_doctest(block.text, globs, block.name, str(block.page), block.line - 1)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    messages: list[str] = []
    runner.run(test, out=messages.append, clear_globs=False)
    globs.update(test.globs)  # the next block of the page goes on from here
    assert runner.failures == 0, "".join(messages)


def run_page(page: Path, workdir: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    """Write the page's named files, run its commands and doctests, in order; returns a count."""
    monkeypatch.chdir(workdir)
    globs: dict[str, Any] = {}
    ran = 0
    for block in blocks(page):
        first = block.text.splitlines()[0]
        named = re.match(r"# ([\w.-]+\.(?:yaml|json))\b", first)
        if block.lang == "yaml" and named:
            (workdir / named.group(1)).write_text(block.text, encoding="utf-8")
        elif block.lang == "console":
            if "toc schema" in block.text:
                continue  # its output is docs/schema.json, which has its own test
            _run_console(block)
            ran += 1
        elif block.lang == "pycon":
            _run_pycon(block, globs)
            ran += 1
    return ran


def test_getting_started_runs_as_shown(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert run_page(GETTING_STARTED, tmp_path, monkeypatch) >= 8


def test_integrator_guide_runs_as_shown(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert run_page(INTEGRATOR, tmp_path, monkeypatch) >= 5


def test_format_reference_runs_as_shown(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert run_page(FORMAT_MD, tmp_path, monkeypatch) >= 1


def test_readme_python_example_runs(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    python = [b for b in blocks(README) if b.lang == "python"]
    assert len(python) == 1
    # Run where the README's reader is (beside examples/), but write into a temporary folder.
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    monkeypatch.chdir(tmp_path)
    exec(compile(python[0].text, python[0].name, "exec"), {"__name__": "readme"})
    assert (tmp_path / "nils.svg").read_bytes().startswith(b"<?xml")
    printed = capsys.readouterr().out
    assert "examples/nils-2018/nils-2018.yaml:" in printed
    assert "long-kitt" in printed


# ----------------------------------------------------------------- the README


def _quick_start() -> list[str]:
    text = README.read_text("utf-8")
    section = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return [b.text.strip() for b in blocks(README) if b.lang == "sh" and b.text.strip() in section]


def test_readme_quick_start_is_two_commands_each_setting_itself_up() -> None:
    commands = _quick_start()
    assert len(commands) == 2, commands
    for command in commands:
        assert "\n" not in command
        assert command.startswith("python3 -m venv .venv && . .venv/bin/activate && pip install ")
    # The main job runs on the bundled reference example.
    examples = re.findall(r"toc (?:report|render|check) (\S+)", commands[0])
    assert examples, commands[0]
    for example in examples:
        assert (ROOT / example).is_file(), example


def test_readme_test_command_is_what_ci_runs() -> None:
    ci = (ROOT / ".ci" / "run").read_text("utf-8").splitlines()
    marker = next(i for i, line in enumerate(ci) if "README's second command" in line)
    ci_command = ci[marker + 1].strip()
    assert ci_command, ".ci/run: no command after the README marker"
    assert _quick_start()[1].endswith(" && " + ci_command)


# ------------------------------------------------------------ links, errors


def _links(page: Path) -> Iterator[str]:
    for match in re.finditer(r"\]\(([^)\s]+)\)", prose(page)):
        target = match.group(1)
        if not re.match(r"[a-z]+:", target):
            yield target


@pytest.mark.parametrize("page", CHECKED_PAGES, ids=lambda p: p.name)
def test_relative_links_and_anchors_resolve(page: Path) -> None:
    broken = []
    for target in _links(page):
        file, _, anchor = target.partition("#")
        path = (page.parent / file).resolve() if file else page
        missing_anchor = bool(anchor) and path.suffix == ".md" and anchor not in anchors(path)
        if not path.exists() or missing_anchor:
            broken.append(target)
    assert not broken, f"{page.name}: broken links {broken}"


def _all_error_classes() -> list[type[BaseException]]:
    for package in (toc, mechanisms):
        for module in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            if module.name.endswith("__main__"):
                continue  # importing it would run the command line
            try:
                importlib.import_module(module.name)
            except ModuleNotFoundError as err:  # an optional dependency that is not installed
                if err.name and err.name.split(".")[0] in ("toc", "mechanisms"):
                    raise
    found: list[type[BaseException]] = []
    todo: list[type[BaseException]] = [toc.TocError]
    while todo:
        cls = todo.pop()
        if cls not in found and not cls.__name__.startswith("_"):
            found.append(cls)
            todo.extend(cls.__subclasses__())
    return found


def test_exception_tree_in_integrator_guide_is_the_real_one() -> None:
    tree = next(b.text for b in blocks(INTEGRATOR) if b.lang == "text" and "TocError" in b.text)
    shown = {
        m.group(1): m.group(2)
        for m in re.finditer(r"(?:^|[─ ])(\w+Error)(?: \(([\w, ]+)\))?", tree, flags=re.M)
    }
    classes = _all_error_classes()
    assert not hasattr(mechanisms, "TocError")
    for cls in classes:
        assert cls.__name__ in shown, f"docs/integrator.md: the error tree lacks {cls.__name__}"
        builtins = [b.__name__ for b in cls.__bases__ if b.__module__ == "builtins"]
        assert (shown[cls.__name__] or "").split(", ") == (builtins or [""]), (
            f"{cls.__name__} inherits {builtins}; the tree shows {shown[cls.__name__]!r}"
        )
    extra = set(shown) - {cls.__name__ for cls in classes}
    assert not extra, f"docs/integrator.md shows errors that do not exist: {extra}"


# ------------------------------------------------------------- the benchmark


def _benchmark_module(name: str) -> types.ModuleType:
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def test_generated_documents_are_valid_deterministic_and_in_proportion() -> None:
    generate = _benchmark_module("generate")
    data = generate.generate(300, seed=7)
    assert generate.generate(300, seed=7) == data
    assert generate.generate(300, seed=8) != data
    doc = toc.validate(json.loads(json.dumps(data)))
    assert len(doc.nodes) == 300
    assert {node.stage for node in doc.nodes} == set(doc.stages)
    assert 440 <= len(doc.links) <= 460
    explained = {ref for m in doc.mechanisms for ref in m.links}
    assert abs(len(explained) - len(doc.links) // 3) <= 1
    assert 1.5 <= len(doc.evidence) / len(doc.mechanisms) <= 3
    assert any(e.kind == "survey" for e in doc.evidence)
    codes = {f.code for f in toc.check(doc)}
    assert not codes & {"TOC001", "TOC002", "TOC003", "TOC004", "TOC012", "TOC016"}


def test_generated_yaml_reads_as_the_same_document(tmp_path: Path) -> None:
    generate = _benchmark_module("generate")
    data = generate.generate(60, seed=3)
    as_yaml = toc.load(generate.write(data, tmp_path / "g.yaml"))
    as_json = toc.load(generate.write(data, tmp_path / "g.json"))
    assert toc.dumps(as_yaml, "json") == toc.dumps(as_json, "json")


def test_benchmark_baseline_mirrors_the_format() -> None:
    _benchmark_module("generate")  # bench_load imports it by name
    bench = _benchmark_module("bench_load")
    assert bench.mirror_drift() == []
    data = _benchmark_module("generate").generate(50, seed=1)
    raw = bench.RawDocument.model_validate(data)
    assert bench.raw_graph(raw).number_of_edges() == len(data["links"])
