"""Write an evaluation report: the format from the file suffix, every file atomically.

One judgement per report: `render_report` assesses the document once and
checks it once (reusing that assessment); the content, the findings and the
diagram all read the same `toc.assessment.Assessment`.

What is written (docs/report.md, "Files"): the report itself; for Markdown
also ``<stem>-diagram.svg`` beside it (and ``<stem>-changes.svg`` with a
baseline). A side file is replaced only if toc wrote it (it starts with toc's
mark); any other file of that name stops the report before anything is
written. An output that is a symbolic link is written through, as every
output is (`toc.output.write_atomic`).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from toc.assessment import Assessment, assess
from toc.checking import check
from toc.errors import DocumentError, OptionError, TocError, WriteError
from toc.findings import Finding
from toc.formats import REPORT, required
from toc.model import Document
from toc.output import write_all
from toc.report.content import build, section_keys
from toc.report.diagram import draw_png, draw_svg
from toc.report.html import render_html
from toc.report.markdown import render_markdown
from toc.report.model import Changes, Logo, Report
from toc.report.pdf import print_pdf

__all__ = ["FORMATS", "MAX_LOGO_BYTES", "format_of", "read_logo", "render_report", "write_report"]

FORMATS = REPORT
"""Output suffixes and the format each selects (`toc.formats.REPORT`)."""

MAX_LOGO_BYTES = 5 * 1024 * 1024
"""The largest logo file a report takes."""

SIDE_MARK = "<!-- Written by toc report"
"""How a side file toc wrote begins (after the XML declaration): such a file may be replaced."""


def format_of(path: str | os.PathLike[str]) -> str:
    """The report format a file name asks for.

    >>> format_of("rapport.DOCX"), format_of("rapport.pdf")
    ('docx', 'pdf')
    >>> format_of("rapport.odt")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    toc.errors.OptionError: cannot write a report as 'rapport.odt': name the output .html, ...
    """
    return required(path, REPORT, "a report")


def _logo_problem(doc: Document, message: str, hint: str) -> DocumentError:
    problem = Finding(f"report.logo: {message}", ("report", "logo"), hint)
    source = doc._source
    return DocumentError([source.locate(problem) if source is not None else problem])


def logo_path(doc: Document) -> Path | None:
    """Where the document's logo is: relative to the document's folder (or the working
    folder for a document not read from a file)."""
    info = doc.report
    if info is None or info.logo is None:
        return None
    source = doc._source
    file = getattr(source, "file", None) if source is not None else None
    base = Path(file).parent if file and file not in ("<string>", "-") else Path()
    return base / info.logo


_LOGO_HINT = "give the path of a PNG or JPEG file, relative to the document's file"

# Opening never waits: a pipe named like a picture opens at once (and is then refused).
_OPEN_NOW = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def read_logo(doc: Document) -> Logo | None:
    """The document's logo (``report: logo:``), read and checked: a regular PNG or JPEG
    file of at most `MAX_LOGO_BYTES`. A missing or broken file, a folder, a pipe or a
    device is a located `DocumentError`."""
    path = logo_path(doc)
    if path is None:
        return None
    try:
        fd = os.open(path, _OPEN_NOW)
    except OSError as err:
        raise _logo_problem(
            doc, f"cannot read the logo {os.fspath(path)!r}: {err.strerror}", _LOGO_HINT
        ) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise _logo_problem(
                doc,
                f"the logo {os.fspath(path)!r} is not a file (but a folder, a pipe or a device)",
                _LOGO_HINT,
            )
        data = b""
        if info.st_size <= MAX_LOGO_BYTES:
            with os.fdopen(fd, "rb", closefd=False) as handle:
                data = handle.read(MAX_LOGO_BYTES + 1)
    except OSError as err:
        raise _logo_problem(
            doc, f"cannot read the logo {os.fspath(path)!r}: {err.strerror}", _LOGO_HINT
        ) from None
    finally:
        os.close(fd)
    if info.st_size > MAX_LOGO_BYTES or len(data) > MAX_LOGO_BYTES:
        raise _logo_problem(
            doc, f"the logo {os.fspath(path)!r} is larger than 5 MiB", "use a smaller picture"
        )
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        mime = "image/png"
    elif data.startswith(b"\xff\xd8\xff"):
        mime = "image/jpeg"
    else:
        raise _logo_problem(
            doc,
            f"the logo {os.fspath(path)!r} is not a PNG or JPEG picture",
            "save the logo as PNG or JPEG",
        )
    from docx.image.image import Image

    try:
        image = Image.from_blob(data)
    except Exception:  # any unreadable header: a broken picture
        raise _logo_problem(
            doc, f"the logo {os.fspath(path)!r} cannot be read as a picture", "save it again"
        ) from None
    return Logo(data, mime, image.px_width, image.px_height)  # type: ignore[arg-type]


def _diagram(draw: Any) -> tuple[bytes | None, str | None]:
    try:
        return draw(), None
    except TocError as err:
        return None, str(err)


def render_report(
    doc: Document,
    fmt: str,
    *,
    name: str = "report",
    language: str | None = None,
    intervention: str | None = None,
    audience: str = "board",
    sections: Sequence[str] | None = None,
    template: bytes | None = None,
    folder: str | os.PathLike[str] = ".",
    baseline: Document | None = None,
) -> dict[str, bytes]:
    """Every file of the report, by file name; the first is the report itself.

    ``fmt`` is ``html``, ``docx``, ``markdown`` or ``pdf``; ``name`` the report
    file's stem, from which a Markdown report's diagram file is named, and
    ``folder`` where it goes (a Markdown report links the logo relative to it).
    ``template`` is a Word file whose styles, page setup, headers and footers
    a ``docx`` report takes; ``baseline`` an earlier version of the document,
    whose changes get a section. The other options are `toc.report.content.build`'s.
    """
    if fmt not in ("html", "docx", "markdown", "pdf"):
        raise OptionError(f"unknown report format {fmt!r}: use one of html, docx, markdown, pdf")
    if template is not None and fmt != "docx":
        raise OptionError("a Word template is for .docx reports: name the output .docx")
    keys = section_keys(doc, audience, sections, baseline=baseline is not None)
    # One judgement for the whole report: its suggestions, findings and diagram.
    assessment = assess(doc, intervention=intervention)
    findings = check(doc, assessment=assessment) if "findings" in keys else []
    report = build(
        doc,
        language=language,
        intervention=intervention,
        audience=audience,
        sections=keys,
        assessment=assessment,
        findings=findings,
        logo=read_logo(doc),
        baseline=baseline,
    )
    changes = report.section("changes")
    if fmt == "docx":
        return {f"{name}.docx": _docx(doc, report, assessment, intervention, template)}
    has_diagram = report.section("theory") is not None
    svg, error = (
        _diagram(lambda: draw_svg(doc, assessment, intervention, report.language))
        if has_diagram
        else (None, None)
    )
    changes_svg = (
        changes.drawing.diagram("svg", assessment=assessment, intervention=intervention)
        if isinstance(changes, Changes)
        else None
    )
    if fmt == "markdown":
        diagram_file = f"{name}-diagram.svg" if svg else None
        changes_file = f"{name}-changes.svg" if changes_svg else None
        logo = logo_path(doc)
        logo_link = os.path.relpath(logo, folder) if logo is not None else None
        text = render_markdown(report, diagram_file, error, logo_link, changes_file)
        files = {f"{name}.md": text.encode("utf-8")}
        if svg and diagram_file:
            files[diagram_file] = _marked(svg)
        if changes_svg and changes_file:
            files[changes_file] = _marked(changes_svg)
        return files
    html = render_html(report, svg, error, changes_svg)
    if fmt == "pdf":
        return {f"{name}.pdf": print_pdf(html)}
    return {f"{name}.html": html.encode("utf-8")}


def _docx(
    doc: Document,
    report: Report,
    assessment: Assessment,
    intervention: str | None,
    template: bytes | None,
) -> bytes:
    # Deferred: the Word writer imports python-docx (~45 ms), which only Word output needs.
    from toc.report.docx import render_docx

    png, error = (
        _diagram(lambda: draw_png(doc, assessment, intervention, report.language))
        if report.section("theory") is not None
        else (None, None)
    )
    changes = report.section("changes")
    changes_png = (
        changes.drawing.diagram("png", assessment=assessment, intervention=intervention)
        if isinstance(changes, Changes)
        else None
    )
    return render_docx(report, png, error, template, changes_png)


def _marked(svg: bytes) -> bytes:
    """An SVG side file with toc's mark after its XML declaration."""
    text = svg.decode("utf-8")
    mark = f"{SIDE_MARK}: toc replaces this file when it writes the report again. -->"
    head, _, rest = text.partition("\n")
    if head.startswith("<?xml"):
        return f"{head}\n{mark}\n{rest}".encode()
    return f"{mark}\n{text}".encode()


def _ours(path: Path) -> bool:
    """Whether an existing side file was written by toc report."""
    try:
        with open(path, "rb") as handle:
            start = handle.read(512).decode("utf-8", "replace")
    except OSError:
        return False
    return SIDE_MARK in start


def write_report(
    doc: Document,
    path: str | os.PathLike[str],
    *,
    language: str | None = None,
    intervention: str | None = None,
    audience: str = "board",
    sections: Sequence[str] | None = None,
    template: str | os.PathLike[str] | None = None,
    baseline: Document | None = None,
) -> list[Path]:
    """Write the report to ``path`` (format from its suffix); return the files written.

    Everything is rendered before anything is written; each file is written
    atomically, and if one cannot be written the ones already written by this
    call are removed again, so a failure leaves no partial report. A side file
    that toc did not write is never replaced (`WriteError`). ``template`` is
    the path of a Word file for a ``.docx`` report.
    """
    target = Path(path)
    fmt = format_of(target)
    template_data = _read_template(template) if template is not None else None
    files = render_report(
        doc,
        fmt,
        name=target.stem,
        language=language,
        intervention=intervention,
        audience=audience,
        sections=sections,
        template=template_data,
        folder=target.parent,
        baseline=baseline,
    )
    main_name = next(iter(files))
    outputs = {name: target if name == main_name else target.with_name(name) for name in files}
    for name, out in outputs.items():
        # os.path.exists: a side file's name the system refuses (too long) is
        # reported by write_all as a file it cannot write, before the report.
        if name != main_name and os.path.exists(out) and not _ours(out):
            raise WriteError(
                f"cannot write {os.fspath(out)}: the file exists and was not written by "
                "toc report; move it away or delete it, then write the report again"
            )
    # Files beside the report first, the report itself last.
    write_all([(outputs[name], files[name]) for name in [*list(files)[1:], main_name]])
    return list(outputs.values())


def _read_template(template: str | os.PathLike[str]) -> bytes:
    path = Path(template)
    if path.suffix.lower() != ".docx":
        raise OptionError(
            f"the Word template {os.fspath(path)!r} is not a .docx file: "
            "save the template as a Word document (.docx)"
        )
    try:
        data = path.read_bytes()
    except OSError as err:
        raise OptionError(
            f"cannot read the Word template {os.fspath(path)!r}: {err.strerror}"
        ) from None
    import zipfile
    from io import BytesIO

    try:
        with zipfile.ZipFile(BytesIO(data)) as package:
            if "word/document.xml" not in package.namelist():
                raise zipfile.BadZipFile
    except zipfile.BadZipFile:
        raise OptionError(
            f"the Word template {os.fspath(path)!r} is not a Word document (.docx)"
        ) from None
    # Deferred, as in _docx: python-docx is for Word output only. The template is refused
    # here, by its name, before anything is rendered.
    from toc.report.docx import open_template

    open_template(data, os.fspath(path))
    return data
