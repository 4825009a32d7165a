"""``toc diff``: what changed between two versions of a theory of change.

The command reads both versions (files, ``REVISION:PATH`` from Git, or ``-``),
asks `toc.changes.diff` for the typed result and only presents it: as text
(coloured on a terminal), JSON (``docs/diff.schema.json``) or Markdown, and
with ``--diagram`` as the diff diagram. Given the seven arguments Git passes
to a diff driver, it is that driver (docs/diff.md, "Git").
"""

from __future__ import annotations

import difflib
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from toc.cli.common import EXIT_FINDINGS, EXIT_OK, echo, echo_json, fail, show
from toc.errors import DocumentError, OptionError, TocError
from toc.quoting import one_line as _one_line

if TYPE_CHECKING:
    from rich.text import Text

    from toc.changes import Change, Changes, FieldChange
    from toc.model import Document

__all__ = ["diff_command", "field_value", "markdown", "styled"]

_SIGN = {"added": "+", "removed": "-", "changed": "~", "renamed": "~"}
_STYLE = {"added": "green", "removed": "red", "changed": "yellow", "renamed": "yellow"}
# Free-text fields: shown old above new, each on a line of its own.
_PROSE = frozenset({"statement", "description", "summary", "rationale", "question", "source"})
# Reference lists compared as sets: shown as what joined and what left.
_SETS = frozenset({"interventions", "actors", "links", "conditions", "about", "mechanisms"})
_DRAWN = (".svg", ".png", ".pdf")
_NULL = "/dev/null"


@click.command(
    "diff",
    epilog="""\b
Examples:
  toc diff plan.yaml theory.yaml
  toc diff HEAD~3:theory.yaml theory.yaml
  toc diff --format json v1.yaml v2.yaml > changes.json
  toc diff --verbose --diagram changes.svg plan.yaml theory.yaml
  git diff theory.yaml     (with the diff driver of docs/diff.md set up)""",
)
@click.argument("versions", nargs=-1, required=True, metavar="OLD NEW")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "md"]),
    default="text",
    show_default=True,
    help="text for people (coloured on a terminal), json for tools, md for Markdown.",
)
@click.option(
    "-v",
    "--verbose",
    is_flag=True,
    help="List every evidence item that changed, not only the counts per mechanism.",
)
@click.option(
    "--diagram",
    metavar="OUT",
    type=click.Path(dir_okay=False),
    help="Also draw the new version with the changes marked (.svg, .png or .pdf).",
)
@click.option(
    "--theme",
    type=click.Choice(["default", "print"]),
    default="default",
    show_default=True,
    help="Of the diagram; print: black and white.",
)
@click.option(
    "--language",
    type=click.Choice(["sv", "en"]),
    help="Language of headings and of the diagram (default: the new version's).",
)
def diff_command(
    versions: tuple[str, ...],
    output_format: str,
    verbose: bool,
    diagram: str | None,
    theme: str,
    language: str | None,
) -> None:
    """Show what changed from the theory of change in OLD to the one in NEW.

    OLD and NEW are files, '-' for standard input, or a Git revision and a
    path such as HEAD~3:theory.yaml (read with `git show`). Elements are
    matched by id: boxes, links, mechanisms, conditions, rivals,
    interventions, actors, indicators and evidence are added (+), removed (-)
    or changed (~), each change with its fields' old and new values. A box
    with a new id but the same label and stage is a rename. Judgements are
    shown as how the current verdict moved, per mechanism and intervention;
    evidence as counts per mechanism (every item with --verbose).

    Exit status, like diff: 0 no differences; 1 differences; 2 a version
    that cannot be read or is not a valid document, or a wrong option.
    Given the seven arguments Git passes to a diff driver, it shows the
    changes of that file and exits with 0 (see docs/diff.md).
    """
    if len(versions) == 7:
        _git_driver(versions, output_format, verbose, language)
        return
    try:
        if len(versions) != 2:
            raise OptionError(
                f"give two versions, OLD and NEW, not {len(versions)}: "
                "for example toc diff HEAD~1:theory.yaml theory.yaml"
            )
        if diagram is not None and Path(diagram).suffix.lower() not in _DRAWN:
            raise OptionError(
                f"--diagram {diagram!r}: name an .svg, .png or .pdf file for the diff diagram"
            )
        if list(versions).count("-") > 1:
            raise OptionError("'-' (standard input) can be read only once; name it once")
        old, new = _read(versions[0]), _read(versions[1])
        from toc.changes import diff

        changes = diff(old, new, old_source=versions[0], new_source=versions[1])
        lang = language or new.language
        if diagram is not None:
            from toc.changes import render_diff

            if language is not None and language != new.language:
                new = new.model_copy(update={"language": language})
            render_diff(old, new, diagram, changes, theme=theme)
    except TocError as err:
        fail(err)
    _print(changes, output_format, verbose, lang)
    raise SystemExit(EXIT_OK if changes.empty else EXIT_FINDINGS)


def _read(spec: str) -> Document:
    from toc.cli.common import read_document

    if spec == "-":
        return read_document(spec)
    from toc.changes import read_version

    return read_version(spec)


def _print(changes: Changes, output_format: str, verbose: bool, language: str) -> None:
    if output_format == "json":
        echo_json(json.dumps(changes.model_dump(mode="json"), indent=2, ensure_ascii=False))
    elif output_format == "md":
        echo(markdown(changes, language, verbose), nl=False)
    else:
        show(styled(changes, language, verbose))


# ------------------------------------------------------------------ text


def field_value(value: Any) -> str:
    """A field's value as the text output shows it: text quoted on one line, data as JSON.

    >>> field_value("two\\nlines"), field_value(None), field_value(0.5), field_value(["a", "b"])
    ('"two lines"', 'none', '0.5', '["a", "b"]')
    """
    if value is None:
        return "none"
    if isinstance(value, str):
        return json.dumps(_one_line(value), ensure_ascii=False)
    return json.dumps(value, ensure_ascii=False)


def _joined_left(change: FieldChange) -> tuple[list[str], list[str]]:
    before = [str(v) for v in change.old] if isinstance(change.old, list) else []
    after = [str(v) for v in change.new] if isinstance(change.new, list) else []
    return [v for v in after if v not in before], [v for v in before if v not in after]


def _field_lines(change: FieldChange) -> list[tuple[str, str | None]]:
    """A changed field as lines of (text, style)."""
    if change.field in _SETS and isinstance(change.old, list) and isinstance(change.new, list):
        joined, left = _joined_left(change)
        parts = [f"+ {v}" for v in joined] + [f"- {v}" for v in left]
        return [(f"{change.field}: " + ", ".join(parts), None)]
    old, new = field_value(change.old), field_value(change.new)
    if change.field in _PROSE or len(old) + len(new) > 70:
        return [(f"{change.field}:", None), (f"  - {old}", "red"), (f"  + {new}", "green")]
    return [(f"{change.field}: {old} → {new}", None)]


def _verdict(value: str | None) -> str:
    return value if value is not None else "none"


def _sections(changes: Changes, verbose: bool) -> list[str]:
    from toc.changes import SECTIONS

    return [s for s in SECTIONS if s != "evidence" or verbose]


def styled(changes: Changes, language: str, verbose: bool = False) -> Text:
    """The text output: grouped, ``+``/``-``/``~``, styled for a terminal.

    `toc.cli.common.show` writes it with its styles on a terminal and as
    plain text elsewhere.
    """
    from rich.text import Text

    from toc.i18n import text

    out = Text()

    def line(indent: int, content: str, style: str | None = None) -> None:
        out.append(" " * indent)
        out.append(content, style=style)
        out.append("\n")

    for sign, version in (("---", changes.old), ("+++", changes.new)):
        where = version.source or version.id
        out.append(f"{sign} {where}", style="bold")
        out.append(f"  ({version.id}: {version.title})\n", style="dim")
    if changes.document:
        line(0, "")
        line(0, text("diff.section.document", language), "bold")
        for field in changes.document:
            for content, style in _field_lines(field):
                line(2, content, style)
    for section in _sections(changes, verbose):
        items = changes.section(section)
        if not items:
            continue
        line(0, "")
        line(0, text(f"diff.section.{section}", language), "bold")
        for change in items:
            _change_lines(change, line, language)
    if changes.verdicts:
        line(0, "")
        line(0, text("diff.section.verdicts", language), "bold")
        for move in changes.verdicts:
            where = f" [{move.intervention}]" if move.intervention else ""
            kind = _moved(move.old is None, move.new is None)
            out.append(f"  {_SIGN[kind]} ", style=_STYLE[kind])
            out.append(f"{move.about}{where}  ")
            out.append(f"{_verdict(move.old)} → {_verdict(move.new)}", style="bold")
            out.append(f"  {move.name}\n", style="dim")
    if changes.evidence_counts:
        line(0, "")
        line(0, text("diff.section.evidence_counts", language), "bold")
        for count in changes.evidence_counts:
            detail = _count_detail(count.added, count.removed, count.changed)
            kind = _moved(count.old == 0, count.new == 0)
            out.append(f"  {_SIGN[kind]} ", style=_STYLE[kind])
            out.append(f"{count.about}  ")
            out.append(f"{count.old} → {count.new}", style="bold")
            out.append(f"  {detail}  {count.name}\n", style="dim")
    line(0, "")
    line(0, _summary(changes, language), "bold")
    return out


def _moved(was_none: bool, now_none: bool) -> str:
    return "added" if was_none else "removed" if now_none else "changed"


def _count_detail(added: int, removed: int, changed: int) -> str:
    parts = [f"+{added}" if added else "", f"-{removed}" if removed else ""]
    parts.append(f"~{changed}" if changed else "")
    return "(" + " ".join(p for p in parts if p) + ")"


def _summary(changes: Changes, language: str) -> str:
    from toc.i18n import text

    if changes.empty:
        return text("diff.same", language)
    return text("diff.summary", language, **changes.summary.model_dump())


def _change_lines(change: Change, line: Any, language: str) -> None:
    from toc.i18n import text

    sign, style = _SIGN[change.kind], _STYLE[change.kind]
    head = f"{sign} {change.old_id} → {change.id}" if change.old_id else f"{sign} {change.id}"
    extra = f"  ({change.parent})" if change.parent else ""
    line(2, f"{head}  {change.name}{extra}", style)
    for field in change.fields:
        for content, field_style in _field_lines(field):
            line(6, content, field_style)
    if change.follows:
        line(6, text("diff.follows", language))
        for followed in change.follows:
            line(8, f"{followed.old} → {followed.new}", "dim")


# -------------------------------------------------------------- Markdown


def markdown(changes: Changes, language: str, verbose: bool = False) -> str:
    """The Markdown output: a heading per group, a list item per change; user text escaped."""
    from toc.i18n import text
    from toc.quoting import markdown as escape

    def code(value: str) -> str:
        # Ids and link references are slugs and "->": nothing to escape in a code span.
        return f"`{value}`"

    def value(v: Any) -> str:
        return escape(field_value(v))

    lines = [f"# {escape(text('diff.heading', language))}", ""]
    for sign, version in (("−", changes.old), ("+", changes.new)):
        where = escape(version.source or version.id)
        lines.append(f"- {sign} {where}: {escape(version.title)} ({code(version.id)})")
    lines.append("")

    def fields_md(fields: list[FieldChange], indent: str) -> None:
        for field in fields:
            if field.field in _SETS and isinstance(field.old, list):
                joined, left = _joined_left(field)
                parts = [f"+ {code(v)}" for v in joined] + [f"− {code(v)}" for v in left]
                lines.append(f"{indent}- {field.field}: " + ", ".join(parts))
            else:
                lines.append(f"{indent}- {field.field}: {value(field.old)} → {value(field.new)}")

    if changes.document:
        lines += [f"## {escape(text('diff.section.document', language))}", ""]
        fields_md(changes.document, "")
        lines.append("")
    for section in _sections(changes, verbose):
        items = changes.section(section)
        if not items:
            continue
        lines += [f"## {escape(text(f'diff.section.{section}', language))}", ""]
        for change in items:
            sign = {"added": "+", "removed": "−"}.get(change.kind, "~")
            ident = code(change.id)
            if change.old_id:
                ident = f"{code(change.old_id)} → {ident}"
            parent = f" ({code(change.parent)})" if change.parent else ""
            lines.append(f"- **{sign}** {ident} {escape(change.name)}{parent}")
            fields_md(change.fields, "  ")
            for followed in change.follows:
                lines.append(f"  - {code(followed.old)} → {code(followed.new)}")
        lines.append("")
    if changes.verdicts:
        lines += [f"## {escape(text('diff.section.verdicts', language))}", ""]
        lines += ["| | | |", "|---|---|---|"]
        for move in changes.verdicts:
            where = f" {code(move.intervention)}" if move.intervention else ""
            lines.append(
                f"| {code(move.about)}{where} | {escape(move.name)} | "
                f"{_verdict(move.old)} → **{_verdict(move.new)}** |"
            )
        lines.append("")
    if changes.evidence_counts:
        lines += [f"## {escape(text('diff.section.evidence_counts', language))}", ""]
        for count in changes.evidence_counts:
            detail = escape(_count_detail(count.added, count.removed, count.changed))
            numbers = f"{count.old} → **{count.new}** {detail}"
            lines.append(f"- {code(count.about)} {escape(count.name)}: {numbers}")
        lines.append("")
    lines.append(f"*{escape(_summary(changes, language))}*")
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------ Git's driver


def _git_driver(
    arguments: tuple[str, ...], output_format: str, verbose: bool, language: str | None
) -> None:
    """``toc diff`` as Git's external diff driver: ``path old-file old-hex old-mode
    new-file new-hex new-mode``. Git stops at a driver that exits non-zero, so
    problems are shown in the output and the status is always 0.
    """
    path, old_file, _, _, new_file, _, _ = arguments
    labels = (f"a/{path}", f"b/{path}")
    try:
        old = None if old_file == _NULL else _read(old_file)
        new = None if new_file == _NULL else _read(new_file)
    except DocumentError as err:
        for problem in err.problems:
            echo(problem.render())
        _line_diff(old_file, new_file, labels)
        raise SystemExit(EXIT_OK) from None
    except TocError as err:
        echo(f"error: {err}")
        _line_diff(old_file, new_file, labels)
        raise SystemExit(EXIT_OK) from None
    from toc.changes import diff

    base = new if new is not None else old
    assert base is not None
    changes = diff(
        old if old is not None else _empty_like(base),
        new if new is not None else _empty_like(base),
        old_source=labels[0],
        new_source=labels[1],
    )
    _print(changes, output_format, verbose, language or base.language)
    raise SystemExit(EXIT_OK)


def _empty_like(doc: Document) -> Document:
    """A document with nothing in it: the other side of a file that was added or deleted."""
    from toc.model import Document

    return Document.model_validate(
        {
            "format": 1,
            "id": doc.id,
            "title": doc.title,
            "language": doc.language,
            "stages": doc.stages,
        }
    )


def _line_diff(old_file: str, new_file: str, labels: tuple[str, str]) -> None:
    """The plain line diff, when a version is not a valid document."""

    def lines(name: str) -> list[str]:
        if name == _NULL:
            return []
        try:
            return Path(name).read_bytes().decode("utf-8", "replace").splitlines(keepends=True)
        except OSError:
            return []

    for text_line in difflib.unified_diff(lines(old_file), lines(new_file), *labels):
        echo(text_line, nl=not text_line.endswith("\n"))
    sys.stdout.flush()
