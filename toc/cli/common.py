"""What every command shares: error reporting and the exit statuses."""

from __future__ import annotations

from typing import NoReturn

import click

from toc.errors import DocumentError, TocError

__all__ = ["EXIT_FINDINGS", "EXIT_INVALID", "EXIT_OK", "fail"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INVALID = 2


def fail(err: TocError) -> NoReturn:
    """Print a library error as the command line shows it, then exit with status 2."""
    if isinstance(err, DocumentError):
        for problem in err.problems:
            click.echo(problem.render(), err=True)
    else:
        click.echo(f"error: {err}", err=True)
    raise SystemExit(EXIT_INVALID)
