"""``toc convert``: between YAML and JSON."""

from __future__ import annotations

import click

import toc
from toc.cli.common import echo, echo_json, fail, read_document
from toc.errors import OptionError, TocError

__all__ = ["convert_command"]


@click.command(
    "convert",
    epilog="""\b
Examples:
  toc convert theory.yaml theory.json
  toc convert theory.json theory.yaml
  toc convert --to json theory.yaml -
  cat theory.json | toc convert - theory.yaml""",
)
@click.argument("source", type=click.Path(allow_dash=True))
@click.argument("target", type=click.Path())
@click.option(
    "--to",
    "to_format",
    type=click.Choice(["yaml", "json"]),
    help="Output format; by default from TARGET's suffix (.yaml, .yml, .json).",
)
def convert_command(source: str, target: str, to_format: str | None) -> None:
    """Read SOURCE, check it, and write it to TARGET as YAML or JSON.

    The output is canonical: fixed key order, defaults left out, comments not
    kept. SOURCE '-' reads standard input; TARGET '-' writes to standard
    output (YAML unless --to json).
    Nothing is written when SOURCE is not a valid document, and TARGET is
    replaced in one step, never left half-written. TARGET may not be SOURCE
    itself: converting in place would drop its comments.
    """
    # Deferred for start-up: toc.files builds the document model (pydantic).
    from toc.files import detect_format, refuse_input_as_output

    fmt = to_format or ("yaml" if target == "-" else detect_format(target))
    try:
        refuse_input_as_output([target], [source])
        if (
            target != "-"
            and to_format is None
            and not target.lower().endswith((".yaml", ".yml", ".json"))
        ):
            raise OptionError(
                f"cannot tell the output format from the name {target!r}: "
                "end it in .yaml, .yml or .json, or pass --to yaml|json"
            )
        doc = read_document(source)
        if target == "-":
            # PyYAML writes every control character as an escape; json.dumps all but C1.
            text = toc.dumps(doc, fmt)
            if fmt == "json":
                echo_json(text, nl=False)
            else:
                click.echo(text, nl=False)
            return
        toc.dump(doc, target, format=fmt)
    except TocError as err:
        fail(err)
    echo(f"wrote {target} ({fmt.upper()})")
