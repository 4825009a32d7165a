"""Write an evaluation report: the format from the file suffix, every file atomically."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from toc.assessment import Assessment, assess
from toc.checking import check
from toc.errors import OptionError, TocError
from toc.files import write_atomic
from toc.formats import REPORT
from toc.formats import format_of as _format_from
from toc.model import Document
from toc.report.content import Report, build
from toc.report.diagram import draw

__all__ = ["FORMATS", "format_of", "render_report", "write_report"]

FORMATS = REPORT
"""Output suffixes and the format each selects (`toc.formats.REPORT`)."""


def format_of(path: str | os.PathLike[str]) -> str:
    """The report format a file name asks for.

    >>> format_of("rapport.DOCX")
    'docx'
    >>> format_of("rapport.pdf")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    toc.errors.OptionError: cannot write a report as 'rapport.pdf': name the output .html, ...
    """
    found = _format_from(path, REPORT)
    if found is None:
        raise OptionError(
            f"cannot write a report as {os.fspath(path)!r}: name the output .html, .docx or .md"
        )
    return found


def _diagram(
    doc: Document, assessment: Assessment, fmt: str, intervention: str | None
) -> tuple[bytes | None, str | None]:
    try:
        return draw(doc, assessment, fmt, intervention), None
    except TocError as err:
        return None, str(err)


def _charts(report: Report, fmt: str) -> list[bytes]:
    from toc.report.charts import draw_chart

    word = report.t["col.dont_know"]
    return [draw_chart(chart, fmt, report.language, word) for chart in report.charts]


def render_report(
    doc: Document,
    fmt: str,
    *,
    name: str = "report",
    language: str | None = None,
    intervention: str | None = None,
) -> dict[str, bytes]:
    """Every file of the report, by file name; the first is the report itself.

    ``fmt`` is ``html``, ``docx`` or ``markdown``; ``name`` the report file's
    stem, from which Markdown's image files beside it are named.
    """
    # One judgement for the whole report: its suggestions, findings and diagram.
    assessment = assess(doc, intervention=intervention)
    findings = check(doc, assessment=assessment)
    report = build(
        doc,
        language=language,
        intervention=intervention,
        assessment=assessment,
        findings=findings,
    )
    if fmt == "html":
        from toc.report.html import render_html

        svg, error = _diagram(doc, assessment, "svg", intervention)
        html = render_html(report, svg, error, _charts(report, "svg"))
        return {f"{name}.html": html.encode("utf-8")}
    if fmt == "docx":
        from toc.report.docx import render_docx

        png, error = _diagram(doc, assessment, "png", intervention)
        return {f"{name}.docx": render_docx(report, png, error, _charts(report, "png"))}
    if fmt == "markdown":
        from toc.report.markdown import render_markdown

        svg, error = _diagram(doc, assessment, "svg", intervention)
        files: dict[str, bytes] = {}
        diagram_file = f"{name}-diagram.svg" if svg else None
        chart_files = [f"{name}-survey-{chart.id}.svg" for chart in report.charts]
        text = render_markdown(report, diagram_file, error, chart_files)
        files[f"{name}.md"] = text.encode("utf-8")
        if svg and diagram_file:
            files[diagram_file] = svg
        files.update(zip(chart_files, _charts(report, "svg"), strict=True))
        return files
    raise OptionError(f"unknown report format {fmt!r}: use one of html, docx, markdown")


def write_report(
    doc: Document,
    path: str | os.PathLike[str],
    *,
    language: str | None = None,
    intervention: str | None = None,
) -> list[Path]:
    """Write the report to ``path`` (format from its suffix); return the files written.

    Everything is rendered before anything is written; each file is written
    atomically, and if one cannot be written the ones already written by this
    call are removed again, so a failure leaves no partial report.
    """
    target = Path(path)
    fmt = format_of(target)
    files = render_report(doc, fmt, name=target.stem, language=language, intervention=intervention)
    main_name = next(iter(files))
    written: list[Path] = []
    try:
        # Files beside the report first, the report itself last.
        for file_name in [*list(files)[1:], main_name]:
            out = target if file_name == main_name else target.with_name(file_name)
            existed = out.exists()
            write_atomic(out, files[file_name])
            if not existed:
                written.append(out)
    except TocError:
        for out in written:
            with contextlib.suppress(OSError):
                out.unlink()
        raise
    return [target, *(target.with_name(n) for n in list(files)[1:])]
