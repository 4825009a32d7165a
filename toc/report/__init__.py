"""Evaluation report output: HTML, Markdown and Word from one document.

>>> import toc
>>> from toc.report import write_report  # doctest: +SKIP
>>> write_report(toc.load("examples/nils-2018/nils-2018.yaml"), "rapport.html")  # doctest: +SKIP
"""

from toc.report.content import Report, build
from toc.report.write import FORMATS, render_report, write_report

__all__ = ["FORMATS", "Report", "build", "render_report", "write_report"]
