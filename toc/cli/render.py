"""``toc render``: diagrams as SVG, PNG, PDF, DOT or Mermaid."""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

import toc
from toc.cli.common import EXIT_INVALID, echo, fail, progress, read_document
from toc.errors import DocumentError, OptionError, TocError, WriteError
from toc.formats import DIAGRAM, suffix_for

if TYPE_CHECKING:
    from toc.diagram.options import RenderOptions
    from toc.model import Document

__all__ = ["output_paths", "render_command"]

_FORMAT_SUFFIX = {
    name: suffix_for("mermaid" if name == "mmd" else name, DIAGRAM)
    for name in ("svg", "png", "pdf", "dot", "mmd")
}
"""``--format`` names (Mermaid is ``mmd`` on the command line) and the suffix each writes."""


def output_paths(files: list[str], output: str | None, format: str | None) -> list[str]:
    """Where each of ``files`` is written, from ``-o`` and ``--format``.

    - no ``-o``: beside each input, same name, suffix of ``--format`` (default ``.svg``);
    - one input: ``-o`` is the output file (``-`` for standard output), or a directory;
    - several inputs: ``-o`` is a directory, or a pattern with ``{stem}``.

    >>> output_paths(["a/nils.yaml"], None, None)
    ['a/nils.svg']
    >>> output_paths(["nils.yaml", "fa.yaml"], "out/{stem}-diagram.png", None)
    ['out/nils-diagram.png', 'out/fa-diagram.png']
    >>> output_paths(["nils.yaml", "fa.yaml"], "out", "pdf")
    ['out/nils.pdf', 'out/fa.pdf']
    >>> output_paths(["nils.yaml"], "out/", None)
    ['out/nils.svg']
    """
    suffix = _FORMAT_SUFFIX[format or "svg"]
    if output is None:
        return [str(Path(f).with_suffix(suffix)) for f in files]
    if "{stem}" in output:
        paths = [output.replace("{stem}", Path(f).stem) for f in files]
        if len(set(paths)) < len(paths):
            raise OptionError(
                f"-o {output!r} gives the same output file for two inputs with the same name"
            )
        return paths
    directory = output.endswith(("/", os.sep)) or os.path.isdir(output)
    if len(files) == 1 and not directory:
        if output != "-" and Path(output).suffix == "" and format is not None:
            return [output + suffix]
        return [output]
    if output == "-":
        raise OptionError("-o - writes one diagram to standard output; give one input file")
    if Path(output).suffix.lower() in (*_FORMAT_SUFFIX.values(), ".gv"):
        raise OptionError(
            f"-o {output!r} looks like a file, but there are {len(files)} inputs: give a "
            "directory, or a pattern such as 'out/{stem}.svg'"
        )
    names = [Path(f).stem for f in files]
    if len(set(names)) < len(names):
        raise OptionError(
            "two inputs have the same name; use -o 'DIR/{stem}.svg' with distinct names"
        )
    return [str(Path(output) / (name + suffix)) for name in names]


def _format_of(path: str, format: str | None) -> str:
    from toc.diagram.options import format_for  # deferred for start-up: toc.diagram is heavy

    if format is not None:
        suffix = Path(path).suffix.lower()
        known = {v: k for k, v in _FORMAT_SUFFIX.items()}
        if path != "-" and suffix in known and known[suffix] != format:
            raise OptionError(
                f"--format {format} does not match the output name {path!r}: "
                f"name it {Path(path).stem}{_FORMAT_SUFFIX[format]}, or leave out --format"
            )
        return "mermaid" if format == "mmd" else format
    if path == "-":
        return "svg"
    return format_for(path)


@click.command(
    "render",
    epilog="""\b
Examples:
  toc render examples/nils-2018/nils-2018.yaml -o nils.svg
  toc render nils.yaml -o nils.png --dpi 200 --color-by verdict
  toc render nils.yaml -o nils-ic.pdf --intervention ic --theme print
  toc render nils.yaml -o wall.png --preset projector --intervention spira --no-legend
  toc render nils.yaml -o m3.svg --focus m-chains --depth 1
  toc render nils.yaml -o step2.png --reveal 2
  toc render nils.yaml -o - --format mmd > nils.mmd
  toc render workshop/*.yaml -o diagrams/ --format png""",
)
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option(
    "-o",
    "--output",
    metavar="PATH",
    help="Output file (its suffix picks the format: .svg .png .pdf .dot .mmd), '-' for "
    "standard output; for several inputs a directory or a pattern with {stem}. "
    "Default: beside each input, as .svg.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(_FORMAT_SUFFIX)),
    help="Output format, when the output name does not say it.",
)
@click.option(
    "--color-by",
    default="stage",
    show_default=True,
    metavar="SCHEME",
    help="Colour boxes by stage, links and badges by verdict (the current judgement), or none.",
)
@click.option(
    "--theme",
    type=click.Choice(["default", "print"]),
    default="default",
    show_default=True,
    help="print: black and white, distinctions made by symbols and line styles too.",
)
@click.option(
    "--orientation",
    type=click.Choice(["LR", "TB"]),
    default="LR",
    show_default=True,
    help="LR: stages as columns from left to right; TB: stages as rows from the top.",
)
@click.option(
    "--intervention",
    metavar="ID",
    help="Only the common strand and this intervention's strand.",
)
@click.option(
    "--focus",
    metavar="ID",
    help="Only what leads to or from this node, or the pathways through this mechanism's links.",
)
@click.option(
    "--depth",
    type=int,
    metavar="N",
    help="With --focus: only what is at most N links away from it.",
)
@click.option(
    "--reveal",
    type=int,
    metavar="N",
    help="Only the first N stages (columns); the others keep their place, blank.",
)
@click.option(
    "--preset",
    type=click.Choice(["default", "projector"]),
    default="default",
    show_default=True,
    help="projector: text sized for a 1920x1080 projector (at least 1/50 of the screen "
    "height) and shorter lines; warns when the diagram is too big for it and says what to drop.",
)
@click.option("--no-legend", is_flag=True, help="Leave out the legend of badges and colours.")
@click.option(
    "--no-badges",
    is_flag=True,
    help="Leave out the mechanism badges (the arrows keep their course).",
)
@click.option("--indicators", is_flag=True, help="Show each box's indicators under its label.")
@click.option(
    "--title", help="Title above the diagram (default: the document's title; '' for none)."
)
@click.option("--subtitle", help="Line under the title.")
@click.option("--common-label", metavar="TEXT", help="Name of the common strand.")
@click.option(
    "--wrap",
    type=int,
    help="Characters per line in a box (default 24; 16 with --preset projector).",
)
@click.option("--dpi", type=int, default=150, show_default=True, help="Resolution of PNG output.")
@click.option(
    "--engine",
    type=click.Choice(["bundled", "system"]),
    default="bundled",
    show_default=True,
    help="bundled: the Graphviz inside pygraphviz; system: a `dot` program on PATH.",
)
@click.option("--font", default="DejaVu Sans", show_default=True, help="Font family of all text.")
def render_command(
    files: tuple[str, ...],
    output: str | None,
    fmt: str | None,
    no_legend: bool,
    no_badges: bool,
    **settings: Any,
) -> None:
    """Draw the theory of change in FILES as a diagram: stages as columns, the
    common strand and one strand per intervention as rows, mechanisms as
    badges M1, M2, … on the links they explain. FILE '-' reads the document
    from standard input (as the only FILE, with -o).

    Exit status: 0 all diagrams written; 2 a file that cannot be read or is
    not a valid document, or a wrong option (nothing is written for it).
    """
    # Deferred for start-up: every command module is imported by `toc --help`.
    from toc.diagram.options import options_from
    from toc.files import refuse_input_as_output

    settings["legend"] = not no_legend
    settings["badges"] = not no_badges
    try:
        options = options_from(settings)
        if "-" in files and (len(files) > 1 or output is None):
            raise OptionError(
                "'-' (standard input) must be the only FILE, with -o naming the output "
                "(a file, or - for standard output)"
            )
        targets = output_paths(list(files), output, fmt)
        formats = [_format_of(target, fmt) for target in targets]
        refuse_input_as_output(targets, files)
    except TocError as err:
        fail(err)
    if len(files) == 1:
        try:
            warnings = _write(files[0], targets[0], formats[0], options)
        except TocError as err:
            fail(err)
        if targets[0] != "-":
            echo(f"wrote {targets[0]}")
        for line in warnings:
            echo(line, err=True)
        return
    failed = _many(list(files), targets, formats, options)
    if failed:
        raise SystemExit(EXIT_INVALID)


def _legibility(doc: Document, file: str, options: RenderOptions) -> list[str]:
    """Warnings when the diagram is too big for its preset's screen, saying what to drop."""
    # Deferred for start-up: toc.diagram and the catalogue.
    from toc.diagram.screen import advise
    from toc.i18n import format_number, text

    fit, reductions = advise(doc, options)
    if fit.ok:
        return []
    lang = doc.language

    def px(value: float) -> str:
        return format_number(value, lang, 1)

    width, height = fit.screen
    lines = [
        text(
            "render.projector.small",
            lang,
            file=file,
            px=px(fit.text),
            needed=px(fit.needed),
            screen=f"{width}×{height}",
        )
    ]
    fitting = [r for r in reductions if r.fit.ok]
    for reduction in fitting:
        flags = " ".join(_flag(name, value) for name, value in reduction.changes)
        lines.append(text("render.projector.drop", lang, flags=flags, px=px(reduction.fit.text)))
    if not fitting:
        closest = reductions[0] if reductions else None
        flags = " ".join(_flag(n, v) for n, v in closest.changes) if closest else ""
        lines.append(
            text(
                "render.projector.split",
                lang,
                flags=flags or "--no-legend",
                px=px(closest.fit.text if closest else fit.text),
            )
        )
    return lines


def _flag(name: str, value: str | bool) -> str:
    if value is False:
        return f"--no-{name}"
    return f"--{name} {value}"


def _write(
    file: str, target: str, format: str, options: RenderOptions, make_dirs: bool = False
) -> list[str]:
    """Draw ``file`` into ``target``; return the warnings of a preset's legibility check."""
    # Deferred for start-up: toc.diagram and toc.files are heavy.
    from toc.diagram import draw
    from toc.files import write_atomic

    doc = read_document(file)
    check = options.preset != "default"
    if check and options.assessment is None and options.color_by in ("verdict", "support"):
        # The check draws the diagram a few more times: judge once, for all of them.
        options = replace(options, assessment=toc.assess(doc))
    data = draw(doc, format, options)
    warnings = _legibility(doc, file, options) if check else []
    if target == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return warnings
    parent = os.path.dirname(target)
    # Only an output directory named for several inputs is created; a single
    # output file goes where it is told, like every other command's output.
    if parent and make_dirs:
        try:
            os.makedirs(parent, exist_ok=True)
        except OSError as err:
            raise WriteError(f"cannot create the folder {parent}: {err.strerror}") from None
    write_atomic(target, data)
    return warnings


def _many(files: list[str], targets: list[str], formats: list[str], options: RenderOptions) -> int:
    failed = 0
    errors: list[str] = []
    warnings: list[str] = []
    for i, file in enumerate(progress(files, "rendering")):
        try:
            warnings.extend(_write(file, targets[i], formats[i], options, make_dirs=True))
        except DocumentError as err:
            failed += 1
            errors.extend(problem.render() for problem in err.problems)
        except TocError as err:
            failed += 1
            errors.append(f"{file}: error: {err}")
    for line in errors + warnings:
        echo(line, err=True)
    written = len(files) - failed
    echo(f"wrote {written} of {len(files)} diagrams" + (f"; {failed} failed" if failed else ""))
    return failed
