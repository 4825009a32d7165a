"""``toc convert``: between YAML and JSON."""

from __future__ import annotations

import click

from toc.cli.common import fail
from toc.errors import TocError

__all__ = ["convert_command"]


@click.command(
    "convert",
    epilog="Example: toc convert examples/nils-2018/nils-2018.yaml nils-2018.json",
)
@click.argument("source", type=click.Path(dir_okay=False))
@click.argument("target", type=click.Path(dir_okay=False))
@click.option(
    "--to",
    "to_format",
    type=click.Choice(["yaml", "json"]),
    help="Output format; by default from TARGET's suffix. TARGET '-' writes to standard output.",
)
def convert_command(source: str, target: str, to_format: str | None) -> None:
    """Read SOURCE, check it, and write it to TARGET as YAML or JSON (canonical form)."""
    import toc

    try:
        doc = toc.load(source)
        if target == "-":
            click.echo(toc.dumps(doc, to_format or "yaml"), nl=False)
        else:
            toc.dump(doc, target, format=to_format)
    except TocError as err:
        fail(err)
