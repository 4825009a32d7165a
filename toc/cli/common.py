"""What every command shares: error reporting, consoles and the exit statuses."""

from __future__ import annotations

from typing import TYPE_CHECKING, NoReturn

import click

from toc.errors import DocumentError, TocError

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

__all__ = ["EXIT_FINDINGS", "EXIT_INVALID", "EXIT_OK", "console", "fail", "show"]

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
            click.echo(problem.render(), err=True)
    else:
        click.echo(f"error: {err}", err=True)
    raise SystemExit(EXIT_INVALID)


def console(stderr: bool = False) -> Console:
    """A rich console for output to people.

    Text from documents is printed through `rich.text.Text`, never as markup,
    and markup, emoji codes and highlighting are switched off besides, so
    ``[bold]`` or ``:smile:`` in a file name or label appears as written.
    Lines are not wrapped (``soft_wrap``), so copied output stays whole.
    """
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, markup=False, emoji=False, soft_wrap=True)


def show(text: Text, *, stderr: bool = False) -> None:
    """Write styled text in one go: with its styles on a terminal, as plain text otherwise."""
    out = console(stderr=stderr)
    if out.is_terminal:
        out.print(text, end="")
    else:
        click.echo(text.plain, nl=False, err=stderr)
