"""``toc new``: write a commented starter document."""

from __future__ import annotations

import os
import shlex
from importlib import resources

import click

from toc.cli.common import echo, fail
from toc.errors import TocError, WriteError

__all__ = ["new_command", "starter_text"]


def starter_text(language: str) -> str:
    """The commented starter document in ``language`` (``sv`` or ``en``).

    >>> starter_text("en").startswith("#")
    True
    """
    return (resources.files("toc") / "templates" / f"starter-{language}.yaml").read_text("utf-8")


@click.command(
    "new",
    epilog="""\b
Examples:
  toc new theory.yaml
  toc new --language sv forandringsteori.yaml
  toc new --language sv - | less""",
)
@click.argument("path", type=click.Path())
@click.option(
    "--language",
    type=click.Choice(["sv", "en"]),
    default="en",
    show_default=True,
    help="Language of the document: its comments, and later its findings, verdicts and reports.",
)
@click.option("--force", is_flag=True, help="Overwrite PATH if it exists.")
def new_command(path: str, language: str, force: bool) -> None:
    """Write a commented starter document to PATH ('-' for standard output).

    The starter passes `toc check` as it is: a samordningsförbund funding
    joint work by its four partners, with nodes in all five stages, one
    intervention, actors, a mechanism with a condition, evidence (a survey
    among them), a judgement and indicators. Edit it into your own theory.
    """
    # Deferred for start-up: toc.files builds the document model (pydantic).
    from toc.files import write_atomic

    if path == "-":
        click.echo(starter_text(language), nl=False)
        return
    try:
        if os.path.lexists(path) and not force:
            raise WriteError(f"{path} exists already: choose another name, or pass --force")
        write_atomic(path, starter_text(language))
    except TocError as err:
        fail(err)
    echo(f"wrote {path}; next: toc check {shlex.quote(path)}")
