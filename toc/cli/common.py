"""What every command shares: output, error reporting, consoles and the exit statuses.

Commands print through `echo`, `echo_json`, `show` and `fail`, which pass
everything through `toc.cli.terminal` first, and read documents with
`read_document`, which also reads standard input for ``-``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from toc.cli.terminal import terminal_json, terminal_styled, terminal_text
from toc.errors import DocumentError, OptionError, ReadError, TocError
from toc.findings import Finding

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from toc.model import Document

__all__ = [
    "EXIT_FINDINGS",
    "EXIT_INVALID",
    "EXIT_OK",
    "STDIN",
    "STDIN_NAME",
    "console",
    "echo",
    "echo_json",
    "fail",
    "plain_output",
    "progress",
    "read_document",
    "show",
    "stdin_once",
]

STDIN = "-"
"""The FILE argument that reads the document from standard input."""
STDIN_NAME = "<stdin>"
"""How messages name standard input."""


EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INVALID = 2


def fail(err: TocError) -> NoReturn:
    """Print a library error as the command line shows it, then exit with status 2.

    A `DocumentError` prints one ``file:line:column: error: ...`` line per
    problem, each with its hint; any other `TocError` prints ``error: ...``.
    """
    if isinstance(err, DocumentError):
        for problem in err.problems:
            echo(problem.render(), err=True)
    else:
        echo(f"error: {err}", err=True)
    raise SystemExit(EXIT_INVALID)


def read_document(path: str) -> Document:
    """The document in the file ``path``, or on standard input for ``-``.

    Standard input has the same size limit as a file (`toc.files.MAX_BYTES`),
    is read no further than that, and is named ``<stdin>`` in messages. It is
    JSON when it starts with ``{``, YAML otherwise.
    """
    # Deferred for start-up: toc.files builds the document model (pydantic).
    from toc.files import MAX_BYTES, detect_format, load, loads

    if path != STDIN:
        return load(path)
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # pragma: no cover - no standard input at all (pythonw)
        raise OptionError("there is no standard input to read '-' from")
    raw: bytes = stream.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        raise ReadError(
            [
                Finding(
                    message=f"standard input is more than the limit of {MAX_BYTES:,} bytes",
                    hint="split the document into smaller ones",
                    file=STDIN_NAME,
                )
            ]
        )
    start = raw[:64].decode("utf-8", "replace").lstrip("\ufeff")
    return loads(raw, format=detect_format(STDIN_NAME, start), file=STDIN_NAME)


def stdin_once(files: Sequence[str]) -> None:
    """Refuse ``-`` more than once among ``files``: standard input can be read only once."""
    if list(files).count(STDIN) > 1:
        raise OptionError("'-' (standard input) can be read only once; name it once")


def echo(text: str, *, err: bool = False, nl: bool = True) -> None:
    """Print text for people, with control characters shown, never acted on."""
    click.echo(terminal_text(text), nl=nl, err=err)


def echo_json(text: str, *, nl: bool = True) -> None:
    """Print JSON text (from ``json.dumps(..., ensure_ascii=False)``) to standard output."""
    click.echo(terminal_json(text), nl=nl)


def plain_output() -> bool:
    """Whether styles are off: ``NO_COLOR`` set to anything but the empty string.

    rich turns off colours for ``NO_COLOR`` but keeps bold and dim; toc prints
    plain text, as it does through a pipe (https://no-color.org).
    """
    return bool(os.environ.get("NO_COLOR"))


def console(stderr: bool = False) -> Console:
    """A rich console for output to people.

    Text from documents is printed through `rich.text.Text`, never as markup,
    and markup, emoji codes and highlighting are switched off besides, so
    ``[bold]`` or ``:smile:`` in a file name or label appears as written.
    Lines are not wrapped (``soft_wrap``), so copied output stays whole. With
    ``NO_COLOR`` it writes no styles at all (`plain_output`).
    """
    from rich.console import Console

    return Console(
        stderr=stderr,
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=True,
        color_system=None if plain_output() else "auto",
        # Older rich (13.0) takes an empty NO_COLOR as set: toc decides, the same way always.
        no_color=plain_output(),
    )


def show(text: Text, *, stderr: bool = False) -> None:
    """Write styled text in one go: with its styles on a terminal, as plain text otherwise
    (and with ``NO_COLOR``)."""
    out = console(stderr=stderr)
    if out.is_terminal and not plain_output():
        out.print(terminal_styled(text), end="")
    else:
        echo(text.plain, nl=False, err=stderr)


def progress(files: Sequence[str], verb: str) -> Iterator[str]:
    """Each of ``files`` in turn, while a bar on standard error shows ``VERB NAME`` and
    how many are done.

    The bar is gone when the loop ends: print messages about the files after it,
    so that they stay whole. File names are shown through `toc.cli.terminal`,
    never as rich markup.
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    with Progress(
        TextColumn("{task.description}", markup=False),
        BarColumn(),
        MofNCompleteColumn(),
        console=console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task(verb, total=len(files))
        for file in files:
            bar.update(task, description=terminal_text(f"{verb} {Path(file).name}"))
            yield file
            bar.advance(task)
