"""``toc schema``: print the JSON Schema of the file format."""

from __future__ import annotations

import json

import click

__all__ = ["schema_command"]


@click.command(
    "schema",
    epilog="Example: toc schema > toc.schema.json",
)
def schema_command() -> None:
    """Print the JSON Schema of the document format (generated from the models)."""
    from toc.schema import json_schema

    click.echo(json.dumps(json_schema(), indent=2, ensure_ascii=False))
