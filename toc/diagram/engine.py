"""The one module that runs a Graphviz layout.

Two engines draw DOT source as SVG, PNG or PDF:

- ``bundled`` (the default): the Graphviz library inside the pygraphviz wheel,
  so a plain ``pip install`` draws diagrams with no system package;
- ``system``: a ``dot`` program on PATH, run as a subprocess whose argument
  list comes from the pure function `dot_command`.

Both give the same bytes for the same source and Graphviz version, with one
adjustment: the creation date Graphviz writes into a PDF is replaced by a
fixed one, so that PDFs are byte-stable too.

Drawing touches no process-wide state: no file descriptor, no environment
variable, no locale. Graphviz's C library is not re-entrant, so the bundled
engine draws one diagram at a time; threads wait for each other.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading

from toc.errors import OptionError, TocError

__all__ = [
    "DRAWN_FORMATS",
    "RenderError",
    "dot_command",
    "draw",
    "graphviz_version",
    "hold_back_font_warnings",
]

DRAWN_FORMATS: tuple[str, ...] = ("svg", "png", "pdf")
"""The formats a Graphviz engine draws."""

_PDF_DATE = re.compile(rb"/(CreationDate|ModDate) \(D:(\d{14})")
_FIXED_DATE = b"20000101000000"


class RenderError(TocError, RuntimeError):
    """Graphviz could not lay out or draw a diagram."""


def dot_command(format: str, *, dpi: int | None = None, executable: str = "dot") -> list[str]:
    """The argument list that runs the system ``dot`` on DOT source read from stdin.

    >>> dot_command("png", dpi=150)
    ['dot', '-Kdot', '-Tpng', '-Gdpi=150']
    >>> dot_command("svg")
    ['dot', '-Kdot', '-Tsvg']
    """
    if format not in DRAWN_FORMATS:
        raise OptionError(f"Graphviz draws {', '.join(DRAWN_FORMATS)}, not {format!r}")
    command = [executable, "-Kdot", f"-T{format}"]
    if dpi is not None:
        command.append(f"-Gdpi={dpi}")
    return command


def _stable(data: bytes, format: str) -> bytes:
    if format == "pdf":
        # Same length, so the PDF's cross-reference offsets stay valid.
        return _PDF_DATE.sub(lambda m: b"/" + m.group(1) + b" (D:" + _FIXED_DATE, data)
    return data


# Graphviz keeps global state in C (the layout's static variables, cgraph's
# error buffer). pygraphviz holds the GIL through a drawing today; this lock
# says so, and keeps it so should that change.
_GRAPHVIZ = threading.Lock()


def _bundled(source: str, format: str, dpi: int | None) -> bytes:
    try:
        import pygraphviz
    except ImportError as err:  # pragma: no cover - a dependency of toc
        raise RenderError(
            f"pygraphviz is not installed ({err}); run `pip install pygraphviz`, "
            "or use engine='system' with Graphviz installed"
        ) from None
    with _GRAPHVIZ:
        try:
            graph = pygraphviz.AGraph(string=source)
            if dpi is not None:
                graph.graph_attr["dpi"] = str(dpi)
            data = graph.draw(format=format, prog="dot")
        except (pygraphviz.DotError, ValueError, OSError) as err:
            raise RenderError(f"Graphviz could not draw the diagram: {err}") from None
    if not isinstance(data, bytes) or not data:
        raise RenderError("Graphviz drew nothing")
    return data


def hold_back_font_warnings() -> None:
    """Load the bundled engine's font configuration now, passing on all but its warnings.

    The fontconfig inside the pygraphviz wheel can be older than the system's
    font configuration and warns about what it does not know ("Fontconfig
    warning: ... unknown element"), once per process, at the first drawing.
    The warning says nothing about the diagram, but fontconfig writes it
    straight to file descriptor 2, so the only way to hold it back is to point
    that descriptor elsewhere while the configuration loads: a change to the
    whole process. (Its configuration cannot help: a file of toc's own would
    change which fonts are found, and so the drawings; an environment variable
    would change them for the host and its child processes too.)

    So only a program that owns its process calls this, before it starts any
    thread: the ``toc`` command line does, before a command that draws.
    Library code never does; a host process sees the warning once.
    """
    try:
        saved = os.dup(2)
    except OSError:  # no stderr at all (some embedded interpreters)
        return
    with tempfile.TemporaryFile() as capture:
        sys.stderr.flush()
        os.dup2(capture.fileno(), 2)
        try:
            _bundled('digraph { a [label="Å"] }', "svg", None)
        except RenderError:  # pragma: no cover - drawing will say so again
            pass
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        capture.seek(0)
        text = capture.read().decode("utf-8", "replace")
    kept = [line for line in text.splitlines() if not line.startswith("Fontconfig ")]
    if kept:
        sys.stderr.write("\n".join(kept) + "\n")


def _system(source: str, format: str, dpi: int | None) -> bytes:
    executable = shutil.which("dot")
    if executable is None:
        raise OptionError(
            "engine 'system' needs Graphviz's `dot` program on PATH; install Graphviz, "
            "or use the bundled engine (the default)"
        )
    try:
        done = subprocess.run(
            dot_command(format, dpi=dpi, executable=executable),
            input=source.encode("utf-8"),
            capture_output=True,
            check=False,
        )
    except OSError as err:
        raise RenderError(f"could not run {executable}: {err.strerror}") from None
    if done.returncode != 0 or not done.stdout:
        message = done.stderr.decode("utf-8", "replace").strip() or f"exit {done.returncode}"
        raise RenderError(f"Graphviz `dot` failed: {message}")
    return done.stdout


def draw(source: str, format: str, *, engine: str = "bundled", dpi: int | None = None) -> bytes:
    """DOT ``source`` laid out by ``dot`` and drawn as ``format`` (svg, png or pdf).

    ``dpi`` applies to PNG; vector formats ignore it.
    """
    if format not in DRAWN_FORMATS:
        raise OptionError(f"Graphviz draws {', '.join(DRAWN_FORMATS)}, not {format!r}")
    resolution = dpi if format == "png" else None
    if engine == "bundled":
        data = _bundled(source, format, resolution)
    elif engine == "system":
        data = _system(source, format, resolution)
    else:
        raise OptionError(f"engine must be bundled or system, not {engine!r}")
    return _stable(data, format)


def graphviz_version(engine: str = "bundled") -> str:
    """The version of the Graphviz an engine uses, e.g. ``14.1.5``."""
    if engine == "system":
        executable = shutil.which("dot")
        if executable is None:
            return "none"
        done = subprocess.run([executable, "-V"], capture_output=True, check=False)
        found = re.search(rb"version (\S+)", done.stderr + done.stdout)
        return found.group(1).decode() if found else "unknown"
    import pygraphviz

    return str(pygraphviz.__graphviz_version__)


def layout(source: str) -> dict[str, object]:
    """DOT ``source`` laid out by the bundled ``dot``: where Graphviz put everything.

    Graphviz's own JSON description of the laid-out graph (``-Tjson0``), as
    plain data. Lengths are in points with the origin at the bottom left:
    ``bb`` is the bounding box ``"x0,y0,x1,y1"``; each of ``objects`` a node
    with its ``name``, ``pos`` (``"x,y"``, the centre), ``width`` and
    ``height`` (in inches); each of ``edges`` has ``tail`` and ``head`` (indexes
    into ``objects``) and ``pos``, its spline. `toc.interop.drawio` places a
    draw.io file's shapes with it, so they sit where ``toc render`` draws them.

    >>> data = layout('digraph { a -> b }')
    >>> [o["name"] for o in data["objects"]], len(data["edges"])
    (['a', 'b'], 1)
    """
    import json

    raw = _bundled(source, "json0", None)
    try:
        data = json.loads(raw.decode("utf-8"))
    except ValueError as err:
        raise RenderError(f"Graphviz gave a layout toc cannot read: {err}") from None
    if not isinstance(data, dict):
        raise RenderError("Graphviz gave a layout toc cannot read")
    return data
