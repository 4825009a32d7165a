"""``toc synthesise`` (also ``synthesize``): in which contexts did a mechanism hold?

Reads each document, judges it once (`toc.synthesis.evaluate`), puts them side
by side (`toc.synthesis.analyse`) and writes the result with
`toc.synthesis.write`. A document that cannot be read is reported with its
location and left out; the others still go through, and the exit status is 2.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from toc.cli.common import EXIT_INVALID, echo, fail, progress
from toc.errors import DocumentError, OptionError, TocError

__all__ = ["HANDFUL", "synthesise_command"]

HANDFUL = 5
"""With more documents than this, a progress bar shows how the reading goes."""


@click.command(
    "synthesise",
    epilog="""\b
Examples:
  toc synthesise examples/*/*.yaml --map examples/synthesis-map.yaml -o syntes.html
  toc synthesise a.yaml b.yaml -o synthesis.xlsx -o synthesis.json --language en
  toc synthesise evaluations/*.yaml --partly held --qca qca/
  toc synthesize a.yaml b.yaml -o synthesis.md""",
)
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option(
    "-o",
    "--output",
    "outputs",
    multiple=True,
    type=click.Path(dir_okay=False),
    help="A file to write; its suffix picks the format: .html, .docx or .md (the synthesis "
    "chapter), .xlsx (one sheet per table) or .json. May be given several times.",
)
@click.option(
    "--map",
    "map_file",
    type=click.Path(dir_okay=False),
    default=None,
    help="A YAML file that says which differently named mechanism and condition ids are the "
    "same, and which conditions a mechanism's truth table uses.",
)
@click.option(
    "--partly",
    type=click.Choice(["held", "not_held", "exclude"]),
    default="exclude",
    show_default=True,
    help="How a recorded partly_held enters the truth tables: as held (1), as not held (0), "
    "or left out.",
)
@click.option(
    "--partly-present",
    type=click.Choice(["present", "absent", "undecided"]),
    default="undecided",
    show_default=True,
    help="How a condition that is partly present is coded: 1, 0, or undecided (the case "
    "is left out of that truth table and listed).",
)
@click.option(
    "--unknown",
    type=click.Choice(["present", "absent", "undecided"]),
    default="undecided",
    show_default=True,
    help="How a condition whose state is unknown is coded.",
)
@click.option(
    "--language",
    type=click.Choice(["sv", "en"]),
    default=None,
    help="Language of the chapter; by default the documents' language if they share one, "
    "else English.",
)
@click.option(
    "--qca",
    "qca_dir",
    type=click.Path(file_okay=False),
    default=None,
    help="A folder to write one CSV per mechanism into, for R's QCA::truthTable.",
)
def synthesise_command(
    files: tuple[str, ...],
    outputs: tuple[str, ...],
    map_file: str | None,
    partly: str,
    partly_present: str,
    unknown: str,
    language: Any,
    qca_dir: str | None,
) -> None:
    """Synthesise the evaluations in FILES: in which contexts did each mechanism hold?

    Cases are document-id:intervention-id. Mechanisms and conditions with the
    same id are the same; --map matches the ones named differently. Writes the
    cases, the ids found in one evaluation only, the context–mechanism–outcome
    table, the verdict matrix (mechanisms × cases) and a crisp-set truth table
    per mechanism (outcome from the recorded verdict).

    Exit status: 0 written; 2 a document could not be read (it is reported and
    left out, the others are still written), or the map or an option is wrong
    (nothing is written).
    """
    # Deferred for start-up: every command module is imported by `toc --help`.
    from toc.files import refuse_input_as_output, write_atomic
    from toc.synthesis import analyse, evaluate, read_map
    from toc.synthesis.analysis import bulk, make_settings
    from toc.synthesis.write import format_of, render_synthesis, write_qca

    try:
        if not outputs and not qca_dir:
            raise OptionError("name an output with -o (or a folder with --qca)")
        formats = [format_of(output) for output in outputs]
        refuse_input_as_output(outputs, [*files, *([map_file] if map_file else [])])
        settings = make_settings(partly, partly_present, unknown, map_file)
        mapping = read_map(map_file) if map_file else None
    except TocError as err:
        fail(err)
    with bulk(files):
        result = _synthesis(list(files), evaluate, analyse, mapping, settings)
    try:
        rendered = [
            (Path(out), render_synthesis(result, fmt, language=language))
            for out, fmt in zip(outputs, formats, strict=True)
        ]
        for left in result.left_out:
            if left.reason == "duplicate":
                for problem in left.problems:
                    echo(problem.render(), err=True)
        for entry in result.unused_map_entries:
            echo(f"note: the map entry {entry} names no document given", err=True)
        for target, data in rendered:
            write_atomic(target, data)
            echo(f"wrote {target}")
        if qca_dir:
            written = write_qca(result, qca_dir)
            echo(f"wrote {len(written)} QCA files into {qca_dir}")
    except TocError as err:
        fail(err)
    if any(left.reason == "unreadable" for left in result.left_out):
        raise SystemExit(EXIT_INVALID)


def _synthesis(files: list[str], evaluate: Any, analyse: Any, mapping: Any, settings: Any) -> Any:
    """The files read and analysed; the evaluations are let go when it returns (inside the
    collector pause, `toc.synthesis.analysis.bulk`)."""
    evaluations, failed = _read(files, evaluate)
    if not evaluations:
        echo("error: no document could be read; nothing is written", err=True)
        raise SystemExit(EXIT_INVALID)
    try:
        return analyse(evaluations, mapping, settings, left_out=failed)
    except TocError as err:
        fail(err)


def _read(files: list[str], evaluate: Any) -> tuple[list[Any], list[Any]]:
    """Each file loaded and assessed once; the ones that fail, reported and listed."""
    from toc.synthesis.model import LeftOut  # deferred for start-up

    evaluations: list[Any] = []
    failed: list[LeftOut] = []

    def one(file: str) -> None:
        try:
            evaluations.append(evaluate(file))
        except DocumentError as err:
            failed.append(LeftOut(file, list(err.problems)))

    def report() -> tuple[list[Any], list[Any]]:
        # After the progress bar is gone, so that the messages stay whole.
        for left in failed:
            for problem in left.problems:
                echo(problem.render(), err=True)
        return evaluations, failed

    for file in files if len(files) <= HANDFUL else progress(files, "reading"):
        one(file)
    return report()
