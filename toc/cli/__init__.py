"""The ``toc`` command line: a thin layer over the library.

Each command group lives in its own module; library errors become a clean
``error: ...`` message and exit status 2 at this boundary.
"""

from __future__ import annotations

import click

from toc._version import __version__
from toc.cli.check import check_command
from toc.cli.convert import convert_command
from toc.cli.diff import diff_command
from toc.cli.interop import export_command, import_command
from toc.cli.judge import judge_command
from toc.cli.new import new_command
from toc.cli.render import render_command
from toc.cli.report import report_command
from toc.cli.schema import schema_command
from toc.cli.serve import serve_command
from toc.cli.synthesise import synthesise_command

__all__ = ["main", "run"]

_OWN_PROCESS = "own process"
# Commands that draw with the bundled Graphviz.
_DRAWING = ("render", "report", "serve", "diff", "export")


@click.group(
    "toc",
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog="""\b
Examples:
  toc new --language sv forandringsteori.yaml
  toc check forandringsteori.yaml
  toc COMMAND --help""",
)
@click.version_option(__version__, "--version", prog_name="toc")
@click.pass_context
def main(ctx: click.Context) -> None:
    """Theories of change for evaluation work: write, check, draw, judge and report them.

    Exit status: 0 success; 1 findings that fail the check (see `toc check
    --help`); 2 a file that cannot be read or is not a valid document, or a
    wrong option.
    """
    if ctx.obj == _OWN_PROCESS and ctx.invoked_subcommand in _DRAWING:
        # Deferred for start-up: importing toc.diagram costs about 0.3 s.
        from toc.diagram.engine import hold_back_font_warnings

        hold_back_font_warnings()


def run() -> None:
    """The ``toc`` program (its console script and ``python -m toc``).

    Unlike `main` called from a host's code, it runs in a process of its own,
    so it may hold back the bundled fontconfig's warning before drawing (see
    `toc.diagram.engine.hold_back_font_warnings`).
    """
    main(obj=_OWN_PROCESS)


main.add_command(new_command)
main.add_command(check_command)
main.add_command(schema_command)
main.add_command(convert_command)
main.add_command(report_command)
main.add_command(judge_command)
main.add_command(render_command)
main.add_command(diff_command)
main.add_command(serve_command)
main.add_command(synthesise_command)
main.add_command(synthesise_command, "synthesize")
main.add_command(import_command)
main.add_command(export_command)
