"""``toc report``: the evaluation report as HTML, Word, Markdown or PDF."""

from __future__ import annotations

import click

from toc.cli.common import echo, fail, read_document
from toc.errors import TocError

__all__ = ["report_command"]


@click.command(
    "report",
    epilog="""\b
Examples:
  toc report examples/nils-2018/nils-2018.yaml -o rapport.html
  toc report examples/nils-2018/nils-2018.yaml -o rapport.pdf
  toc report examples/nils-2018/nils-2018.yaml -o rapport.docx --template husmall.docx
  toc report examples/nils-2018/nils-2018.yaml -o spira.docx --intervention spira
  toc report theory.yaml -o report.md --language en --audience evaluator
  toc report theory.yaml -o summary.html --sections title_page,summary,conclusions
  toc report theory.yaml -o report.docx --baseline HEAD~5:theory.yaml""",
)
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False),
    help="The report file; its suffix picks the format: .html, .docx, .md or .pdf "
    "(printed by Chromium, which must be installed).",
)
@click.option(
    "--audience",
    type=click.Choice(["board", "evaluator"]),
    default="board",
    show_default=True,
    help="board: the report a board reads (no ids, codes, places in the file or "
    "posteriors); evaluator: with the working material (posteriors, robustness, "
    "disagreements, earlier judgements, the check findings).",
)
@click.option(
    "--sections",
    metavar="LIST",
    default=None,
    help="The sections, in order, separated by commas: title_page, contents, summary, "
    "background, theory, changes, mechanisms, rivals, indicators, conclusions, surveys, "
    "findings. By default the document's `report: sections:`, else all the audience gets.",
)
@click.option(
    "--template",
    type=click.Path(dir_okay=False),
    default=None,
    help="A Word file (.docx) whose styles, page setup, headers and footers a .docx report takes.",
)
@click.option(
    "--baseline",
    metavar="OLD",
    default=None,
    help="An earlier version of the document (a file, or a Git revision and path such as "
    "HEAD~3:theory.yaml): the report gets a section on what changed since.",
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
def report_command(
    file: str,
    output: str,
    audience: str,
    sections: str | None,
    template: str | None,
    baseline: str | None,
    language: str | None,
    intervention: str | None,
) -> None:
    """Write the evaluation report for FILE: a title page, the summary, the theory of
    change, one section per mechanism with its evidence and judgement, the verdict
    matrix, rivals, indicators, the conclusions and the survey table (Bilaga 1);
    for the evaluator also the check findings.

    Markdown output writes its diagram as NAME-diagram.svg beside it (and never
    replaces a file of that name that toc did not write). FILE '-' reads the
    document from standard input.
    """
    # Deferred for start-up: every command module is imported by `toc --help`.
    from toc.changes import read_version
    from toc.files import refuse_input_as_output
    from toc.report.write import format_of, write_report

    try:
        format_of(output)
        refuse_input_as_output([output], [file])
        chosen = [s.strip() for s in sections.split(",") if s.strip()] if sections else None
        doc = read_document(file)
        old = read_version(baseline) if baseline is not None else None
        written = write_report(
            doc,
            output,
            language=language,
            intervention=intervention,
            audience=audience,
            sections=chosen,
            template=template,
            baseline=old,
        )
    except TocError as err:
        fail(err)
    names = [click.format_filename(path) for path in written]
    echo(f"wrote {names[0]}" + (f" and {', '.join(names[1:])}" if len(names) > 1 else ""))
