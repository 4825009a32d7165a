"""``toc serve``: the live workshop page of one document file."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

import click

from toc.cli.common import echo, fail
from toc.errors import TocError

if TYPE_CHECKING:
    from toc.serve import Snapshot

__all__ = ["serve_command"]


@click.command(
    "serve",
    epilog="""\b
Examples:
  toc serve workshop.yaml
  toc serve workshop.yaml --open --preset projector
  toc serve workshop.yaml --port 8470 --color-by verdict
  toc serve workshop.yaml --host 0.0.0.0 --port 8470   # visible on the network""",
)
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--host",
    metavar="HOST",
    help="Listen on this address. Without it, only this computer can open the page "
    "(127.0.0.1); give it (for instance 0.0.0.0) to show the page on the network.",
)
@click.option(
    "--port", type=int, default=0, help="Port to listen on. Default: a free one, printed."
)
@click.option("--open", "open_browser", is_flag=True, help="Open the page in the browser.")
@click.option(
    "--preset",
    type=click.Choice(["default", "projector"]),
    default="default",
    show_default=True,
    help="The page's first view: projector for text sized for a 1920x1080 projector.",
)
@click.option(
    "--color-by",
    type=click.Choice(["stage", "verdict"]),
    default="stage",
    show_default=True,
    help="The page's first colours: boxes by stage, or badges and arrows by verdict.",
)
def serve_command(
    file: str, host: str | None, port: int, open_browser: bool, preset: str, color_by: str
) -> None:
    """Show the diagram of FILE on a local web page that follows every save.

    Edit the file in any editor: on each save the page shows the new diagram
    within a moment, keeping its zoom and scroll. A save that breaks the file
    keeps the last good diagram, with the error and its line in a banner.
    The page presents: projector text size, one strand, focus on a box or a
    mechanism, stage by stage, legend, badges, indicators, colours; a click on
    a box or badge shows its details. Press Ctrl+C to stop. The file is only
    read, never written.

    Exit status: 0 after Ctrl+C; 2 a wrong option, or an address that cannot
    be used.
    """
    from toc.serve import Live, Server  # deferred for start-up: the page's server

    view = {}
    if preset != "default":
        view["preset"] = preset
    if color_by != "stage":
        view["color"] = color_by
    try:
        live = Live(file, default_view=view)
        server = Server(
            live,
            host if host is not None else "127.0.0.1",
            port,
            expose=host is not None,
            on_reload=lambda state: _report(file, state),
        )
        server.start()
    except TocError as err:
        fail(err)
    echo(f"toc serve: {file} at {server.url}")
    if server.exposed:
        echo("  shown on the network: anyone who can reach this address can see it")
    echo("  Ctrl+C to stop")
    if open_browser:
        import webbrowser

        webbrowser.open(server.url)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    echo("toc serve: stopped")


def _report(file: str, state: Snapshot) -> None:
    """One line per read of the file, with its problems when it does not load."""
    if state.ok:
        counts: dict[str, int] = {}
        for finding in state.findings:
            counts[finding.severity] = counts.get(finding.severity, 0) + 1
        found = ", ".join(f"{n} {severity}" for severity, n in counts.items()) or "no findings"
        echo(f"revision {state.revision}: drawn ({found})")
        return
    echo(f"revision {state.revision}: {file} does not load; the page keeps the last good diagram")
    for problem in state.problems:
        echo("  " + problem.render().replace("\n", "\n  "))
