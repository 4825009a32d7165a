"""``toc schema``: print the JSON Schema of the file format."""

from __future__ import annotations

import click

__all__ = ["schema_command"]


@click.command(
    "schema",
    epilog="""\b
Examples:
  toc schema > toc.schema.json
  toc schema > docs/schema.json""",
)
def schema_command() -> None:
    """Print the JSON Schema (draft 2020-12) of the document format.

    It is generated from the library's models (the package carries the
    generated text, so printing it is instant) and validates the shape of a
    document (keys, types, allowed values). Cross-references, such as links
    naming declared nodes, are beyond JSON Schema: `toc check` tests those.
    """
    from importlib import resources

    click.echo(resources.files("toc").joinpath("schema.json").read_text("utf-8"), nl=False)
