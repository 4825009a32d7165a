"""Evaluation reports: HTML, Word, Markdown and PDF from one document.

>>> import toc
>>> from toc.report import write_report  # doctest: +SKIP
>>> write_report(toc.load("examples/nils-2018/nils-2018.yaml"), "rapport.html")  # doctest: +SKIP
"""

from toc.report.content import build
from toc.report.model import AUDIENCES, Report
from toc.report.write import FORMATS, render_report, write_report

__all__ = ["AUDIENCES", "FORMATS", "Report", "build", "render_report", "write_report"]
