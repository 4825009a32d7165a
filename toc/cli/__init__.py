"""The ``toc`` command line: a thin layer over the library.

Each command group lives in its own module; library errors become a clean
``error: ...`` message and exit status 2 at this boundary.
"""

from __future__ import annotations

import click

from toc import __version__
from toc.cli.check import check_command
from toc.cli.convert import convert_command
from toc.cli.new import new_command
from toc.cli.schema import schema_command

__all__ = ["main"]


@click.group(
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog="Example: toc check examples/nils-2018/nils-2018.yaml",
)
@click.version_option(__version__, "--version", prog_name="toc")
def main() -> None:
    """Theories of change for evaluation work: write, check and convert change-theory documents."""


main.add_command(new_command)
main.add_command(check_command)
main.add_command(schema_command)
main.add_command(convert_command)
