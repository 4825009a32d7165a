"""``toc diff``: what changed between two versions of a theory of change.

The command reads both versions (files, ``REVISION:PATH`` from Git, or ``-``),
asks `toc.changes.diff` for the typed result and only presents it: as text
(coloured on a terminal) or Markdown, written by `toc.report.diff_text`, as
JSON (``docs/diff.schema.json``), and with ``--diagram`` as the diff diagram.
Given the arguments Git passes to a diff driver (seven, or nine for a renamed
or copied file), it is that driver (docs/diff.md, "Git").

Every command module is imported by ``toc --help``: the document model, the
comparison and the writers are imported inside the functions that use them,
so that other commands do not pay for them at start-up.
"""

from __future__ import annotations

import difflib
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from toc.cli.common import EXIT_FINDINGS, EXIT_OK, echo, echo_json, fail, read_document, show
from toc.errors import DocumentError, OptionError, TocError

if TYPE_CHECKING:
    from rich.text import Text

    from toc.changes import Changes
    from toc.model import Document

__all__ = ["diff_command", "styled"]

_DRAWN = (".svg", ".png", ".pdf")
_NULL = "/dev/null"
_DRIVER_ARGUMENTS = (7, 9)
"""How many arguments Git gives a diff driver: ``path old-file old-hex old-mode
new-file new-hex new-mode``, and for a renamed or copied file also ``new-path``
and Git's header text (``similarity index ...``, ``rename from ...``)."""
_GIT_COUNTER = "GIT_DIFF_PATH_COUNTER"
"""Set by Git for each path it hands to a diff driver."""


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
    Given the arguments Git passes to a diff driver (seven, nine for a
    renamed or copied file), it shows the changes of that file and exits
    with 0 (see docs/diff.md).
    """
    if len(versions) in _DRIVER_ARGUMENTS or _unmerged(versions):
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
        from toc.changes import diff  # deferred for start-up (module docstring)

        changes = diff(old, new, old_source=versions[0], new_source=versions[1])
        lang = language or new.language
        if diagram is not None:
            from toc.changes import render_diff  # deferred for start-up

            if language is not None and language != new.language:
                new = new.model_copy(update={"language": language})
            render_diff(old, new, diagram, changes, theme=theme)
    except TocError as err:
        fail(err)
    _print(changes, output_format, verbose, lang)
    raise SystemExit(EXIT_OK if changes.empty else EXIT_FINDINGS)


def _read(spec: str) -> Document:
    if spec == "-":
        return read_document(spec)
    from toc.changes import read_version  # deferred for start-up

    return read_version(spec)


def _print(changes: Changes, output_format: str, verbose: bool, language: str) -> None:
    if output_format == "json":
        echo_json(json.dumps(changes.model_dump(mode="json"), indent=2, ensure_ascii=False))
    elif output_format == "md":
        from toc.report.diff_text import markdown_report  # deferred for start-up

        echo(markdown_report(changes, language, verbose), nl=False)
    else:
        show(styled(changes, language, verbose))


def styled(changes: Changes, language: str, verbose: bool = False) -> Text:
    """The text output (`toc.report.diff_text.text_spans`) as styled rich text.

    `toc.cli.common.show` writes it with its styles on a terminal and as
    plain text elsewhere.
    """
    from rich.text import Text  # deferred: only the text output needs rich

    from toc.report.diff_text import text_spans  # deferred for start-up

    out = Text()
    for content, style in text_spans(changes, language, verbose):
        out.append(content, style=style)
    return out


# ------------------------------------------------------------ Git's driver


def _unmerged(arguments: tuple[str, ...]) -> bool:
    """Whether Git called the driver for an unmerged path: one argument, the path."""
    return len(arguments) == 1 and bool(os.environ.get(_GIT_COUNTER))


def _git_driver(
    arguments: tuple[str, ...], output_format: str, verbose: bool, language: str | None
) -> None:
    """``toc diff`` as Git's external diff driver: ``path old-file old-hex old-mode
    new-file new-hex new-mode``, then ``new-path header`` when Git found a rename
    or copy, or only ``path`` for an unmerged path. Git stops at a driver that
    exits non-zero, so problems are shown in the output and the status is always 0.
    """
    if len(arguments) == 1:
        echo(f"* Unmerged path {arguments[0]}")
        raise SystemExit(EXIT_OK)
    path, old_file, _, _, new_file, _, _ = arguments[:7]
    new_path = arguments[7] if len(arguments) == 9 else path
    labels = (f"a/{path}", f"b/{new_path}")
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
    from toc.changes import diff  # deferred for start-up

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
    from toc.model import Document  # deferred for start-up

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
