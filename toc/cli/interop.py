"""``toc import`` and ``toc export``: theories in from and out to other tools."""

from __future__ import annotations

from typing import Any

import click

from toc.cli.common import echo, fail
from toc.errors import OptionError, TocError
from toc.formats import EXPORTS, IMPORTS

__all__ = ["export_command", "import_command"]


@click.command(
    "import",
    epilog="""\b
Examples:
  toc import workshop.xlsx -o theory.yaml
  toc import tables/ -o theory.yaml
  toc import map.json --from kumu -o theory.yaml --stage-map Goal=long --stage-map Task=activities
  toc import karta.json --from kumu --language sv -o teori.yaml
  toc import edited.drawio --base theory.yaml -o theory-edited.yaml""",
)
@click.argument("source", type=click.Path())
@click.option(
    "-o",
    "--output",
    required=True,
    metavar="OUT",
    help="The document to write: .yaml, .yml or .json ('-' for YAML on standard output).",
)
@click.option(
    "--from",
    "from_format",
    type=click.Choice(IMPORTS),
    help="What SOURCE is; by default from its name (.xlsx, .drawio, a folder: csv). "
    "A .json file needs --from kumu.",
)
@click.option(
    "--stage-map",
    multiple=True,
    metavar="TYPE=STAGE",
    help="Kumu: the stage for an element type that is not a stage's name (repeatable).",
)
@click.option(
    "--base",
    metavar="DOC",
    type=click.Path(dir_okay=False),
    help="draw.io: the document the drawing was exported from; what the drawing does not "
    "show (indicators, mechanisms, evidence, judgements) is kept from it.",
)
@click.option(
    "--language",
    type=click.Choice(["sv", "en"]),
    default=None,
    help="Language of messages until SOURCE says its own (a workbook's language row or "
    "sheet names, the language a drawing records, a Kumu map's field names), and of the "
    "document made from a Kumu map or a draw.io drawing that does not say (default: en).",
)
def import_command(
    source: str,
    output: str,
    from_format: str | None,
    stage_map: tuple[str, ...],
    base: str | None,
    language: str | None,
) -> None:
    """Read a theory of change from a workbook, a folder of CSV files, a Kumu
    blueprint or a draw.io drawing, check it, and write it as a toc document.

    Exit status: 0 written; 2 a file that cannot be read or does not make a
    valid document, or a wrong option (nothing is written).
    """
    import toc
    from toc.files import detect_format, refuse_input_as_output
    from toc.i18n import text  # deferred for start-up: the catalogue takes ~15 ms
    from toc.interop import import_document

    said = language or "en"
    try:
        if output != "-":
            if not output.lower().endswith((".yaml", ".yml", ".json")):
                raise OptionError(text("interop.option.output_name", said, name=output))
            refuse_input_as_output([output], [source, *([base] if base else [])])
        base_doc = toc.load(base) if base is not None else None
        doc = import_document(
            source,
            from_format,
            stage_map=list(stage_map) or None,
            base=base_doc,
            language=said,
        )
        if output == "-":
            click.echo(toc.dumps(doc, "yaml"), nl=False)
            return
        toc.dump(doc, output, format=detect_format(output))
    except TocError as err:
        fail(err)
    echo(f"wrote {output} ({len(doc.nodes)} nodes, {len(doc.links)} links)")


@click.command(
    "export",
    epilog="""\b
Examples:
  toc export theory.yaml -o theory.xlsx
  toc export theory.yaml -o tables/ --to csv
  toc export theory.yaml -o map.json --to kumu
  toc export theory.yaml -o map.xlsx --to kumu-xlsx
  toc export theory.yaml -o theory.graphml
  toc export theory.yaml -o theory.drawio --color-by verdict
  toc export theory.yaml -o logframe.xlsx --to logframe --level impact=goal""",
)
@click.argument("document", type=click.Path(dir_okay=False))
@click.option(
    "-o",
    "--output",
    required=True,
    metavar="OUT",
    help="The file to write (a folder for --to csv).",
)
@click.option(
    "--to",
    "to_format",
    type=click.Choice(EXPORTS),
    help="The format; by default from OUT's name (.xlsx, .graphml, .drawio, a folder "
    "ending in /: csv). .json needs --to kumu; kumu-xlsx and logframe need --to.",
)
@click.option(
    "--color-by",
    type=click.Choice(["stage", "verdict", "support", "none"]),
    help="draw.io: colour boxes by stage, links and badges by verdict, outcomes by "
    "pathway support, or none (default: stage).",
)
@click.option(
    "--theme",
    type=click.Choice(["default", "print"]),
    help="draw.io: print is black and white, with symbols and line styles.",
)
@click.option(
    "--level",
    multiple=True,
    metavar="STAGE=LEVEL",
    help="Logframe: the level (goal, purpose, outputs, activities, inputs) of a stage, "
    "e.g. --level long=goal (repeatable). The five standard stages have one by default.",
)
def export_command(
    document: str,
    output: str,
    to_format: str | None,
    color_by: str | None,
    theme: str | None,
    level: tuple[str, ...],
) -> None:
    """Write the theory of change in DOCUMENT for another tool: a workbook or CSV
    files (the lossless pair: toc import gives the same document back), a Kumu
    blueprint or spreadsheet, GraphML (Gephi, yEd, Cytoscape), a draw.io drawing
    laid out as toc render draws it, or a logframe matrix. DOCUMENT '-' reads
    standard input. Messages are in the document's language.

    Exit status: 0 written; 2 a file that cannot be read or is not a valid
    document, or a wrong option (nothing is written).
    """
    from toc.cli.common import read_document
    from toc.files import refuse_input_as_output
    from toc.interop import export_document, export_format
    from toc.interop.logframe import parse_levels

    drawing: dict[str, Any] = {
        k: v for k, v in (("color_by", color_by), ("theme", theme)) if v is not None
    }
    try:
        refuse_input_as_output([output], [document])
        doc = read_document(document)
        levels = parse_levels(level, doc.language)
        chosen = export_format(output, to_format, doc.language)
        written = export_document(doc, output, chosen, levels=levels or None, **drawing)
    except TocError as err:
        fail(err)
    shown = written[0].parent if chosen == "csv" else written[0]
    count = f", {len(written)} files" if chosen == "csv" else ""
    echo(f"wrote {shown} ({chosen}{count})")
