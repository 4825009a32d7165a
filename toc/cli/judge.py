"""``toc judge``: recorded verdicts beside what the evidence suggests.

The output is written by `toc.report.judgement` from one `toc.assessment.Assessment`.
"""

from __future__ import annotations

import click

from toc.cli.common import EXIT_FINDINGS, EXIT_OK, echo, echo_json, fail, read_document
from toc.errors import OptionError, TocError

__all__ = ["judge_command"]


@click.command(
    "judge",
    epilog="""\b
Examples:
  toc judge examples/nils-2018/nils-2018.yaml
  toc judge --intervention spira examples/nils-2018/nils-2018.yaml
  toc judge --why --intervention spira examples/nils-2018/nils-2018.yaml
  toc judge --format md examples/fa-n-malmo/fa-n-malmo.yaml > bedomning.md
  toc judge --format json --strict theory.yaml
  toc convert --to json theory.yaml - | toc judge -""",
)
@click.argument("file", type=click.Path(allow_dash=True))
@click.option(
    "--intervention",
    metavar="ID",
    help="Show only this intervention (and what is common to all).",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "md"]),
    default="text",
    show_default=True,
    help="text for people, md for reports and wikis, json for tools.",
)
@click.option("--strict", is_flag=True, help="Exit with status 1 when a finding is a conflict.")
@click.option(
    "--why",
    is_flag=True,
    help="Show, per mechanism and intervention, how each piece of evidence moved the posterior.",
)
@click.option(
    "--held-threshold",
    type=click.FloatRange(0.0, 1.0),
    default=0.8,
    show_default=True,
    help="Lowest posterior suggested as held.",
)
@click.option(
    "--not-held-threshold",
    type=click.FloatRange(0.0, 1.0),
    default=0.2,
    show_default=True,
    help="Highest posterior suggested as not held.",
)
def judge_command(
    file: str,
    intervention: str | None,
    output_format: str,
    strict: bool,
    why: bool,
    held_threshold: float,
    not_held_threshold: float,
) -> None:
    """Judge FILE ('-' for standard input): each mechanism per intervention, recorded
    verdict beside the suggestion.

    Shows the mechanism × intervention matrix (recorded verdict, suggestion
    from the evidence, posterior), the conditions with their survey shares,
    the rival explanations, the outcomes at risk and the consistency
    findings, in the document's language. The recorded verdict always
    stands; disagreements are listed, never hidden.

    Exit status: 0 done (findings or not); 1 with --strict when a finding is a
    conflict (error); 2 the file cannot be read, is not a valid document, or
    an option is wrong (such as an unknown intervention).
    """
    # Deferred for start-up: every command module is imported by `toc --help`.
    from mechanisms.bayes import Thresholds
    from toc.assessment import assess
    from toc.report.judgement import json_report, markdown_report, text_report

    try:
        if not not_held_threshold < held_threshold:
            raise OptionError(
                f"--not-held-threshold ({not_held_threshold}) must be below "
                f"--held-threshold ({held_threshold})"
            )
        limits = Thresholds(held=held_threshold, not_held=not_held_threshold)
        doc = read_document(file)
        result = assess(doc, thresholds=limits, intervention=intervention)
    except TocError as err:
        fail(err)
    if output_format == "json":
        echo_json(json_report(result), nl=False)
    elif output_format == "md":
        echo(markdown_report(result, doc), nl=False)
    else:
        echo(text_report(result, doc, why=why), nl=False)
    conflicts = any(f.severity == "error" for f in result.findings)
    raise SystemExit(EXIT_FINDINGS if strict and conflicts else EXIT_OK)
