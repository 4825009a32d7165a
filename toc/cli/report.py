"""``toc report``: the evaluation report as HTML, Word or Markdown."""

from __future__ import annotations

import click

from toc.cli.common import fail
from toc.errors import TocError

__all__ = ["report_command"]


@click.command(
    "report",
    epilog="""\b
Examples:
  toc report examples/nils-2018/nils-2018.yaml -o rapport.html
  toc report examples/nils-2018/nils-2018.yaml -o rapport.docx --intervention spira
  toc report theory.yaml -o report.md --language en""",
)
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False),
    help="The report file; its suffix picks the format: .html, .docx or .md.",
)
@click.option(
    "--language",
    type=click.Choice(["sv", "en"]),
    default=None,
    help="Language of the report's fixed text; by default the document's `language`.",
)
@click.option(
    "--intervention",
    metavar="ID",
    default=None,
    help="Limit the report to one intervention (plus the parts common to all).",
)
def report_command(file: str, output: str, language: str | None, intervention: str | None) -> None:
    """Write the evaluation report for FILE: the theory of change, one section per
    mechanism with its evidence and judgement, the verdict matrix, the survey
    table (Bilaga 1), rivals, indicators and the check findings.

    Markdown output writes its diagram and survey charts as SVG files beside it.
    FILE '-' reads the document from standard input.
    """
    from toc.cli.common import read_document
    from toc.report.write import format_of, write_report

    try:
        format_of(output)
        doc = read_document(file)
        written = write_report(doc, output, language=language, intervention=intervention)
    except TocError as err:
        fail(err)
    click.echo(
        f"wrote {written[0]}" + (f" and {len(written) - 1} image files" if len(written) > 1 else "")
    )
