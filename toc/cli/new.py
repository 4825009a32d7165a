"""``toc new``: write a commented starter document."""

from __future__ import annotations

import os
from importlib import resources

import click

from toc.cli.common import fail
from toc.errors import TocError, WriteError

__all__ = ["new_command", "starter_text"]


def starter_text(language: str) -> str:
    """The commented starter document in ``language`` (``sv`` or ``en``)."""
    return (resources.files("toc") / "templates" / f"starter-{language}.yaml").read_text("utf-8")


@click.command(
    "new",
    epilog="Example: toc new --language sv forandringsteori.yaml",
)
@click.argument("path", type=click.Path(dir_okay=False))
@click.option(
    "--language",
    type=click.Choice(["sv", "en"]),
    default="en",
    show_default=True,
    help="Language of the document (headings, verdicts, report text).",
)
@click.option("--force", is_flag=True, help="Overwrite PATH if it exists.")
def new_command(path: str, language: str, force: bool) -> None:
    """Write a commented starter document to PATH; it passes `toc check` as it is."""
    from toc.files import write_atomic

    try:
        if os.path.exists(path) and not force:
            raise WriteError(f"{path} exists already: choose another name, or pass --force")
        write_atomic(path, starter_text(language))
    except TocError as err:
        fail(err)
    click.echo(f"wrote {path}; next: toc check {path}")
