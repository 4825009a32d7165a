"""`check`: every finding about a document, structural and from its judgement, configured.

What ``toc check`` prints: the structural findings (`toc.checks`) and the
judgement findings (`toc.consistency`) in code order, as the document's
``checks:`` settings and the run's own choices select and grade them. The
judgement is made once, and only when a judgement code is selected; an
`toc.assessment.Assessment` already made is reused instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from mechanisms.bayes import Thresholds
from toc import checks, codes
from toc._gc import collector_paused
from toc.assessment import Assessment
from toc.consistency import findings_of
from toc.findings import Finding
from toc.judging import judge_document
from toc.model import Document

__all__ = ["check"]


def check(
    doc: Document,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    severity: Mapping[str, str] | None = None,
    assessment: Assessment | None = None,
) -> list[Finding]:
    """Check a document: its structural and judgement findings, located, in code order.

    ``select`` (only these), ``ignore`` (not these) and ``severity``
    (``{"TOC009": "warning"}``) take codes or names and add to the document's
    own ``checks:`` settings (``select``, when given, replaces the document's);
    an unknown code is an `toc.errors.OptionError`. Pass the ``assessment`` of
    the document when there is one, and its judgement is not made again (its
    findings already follow the document's settings).

    >>> import toc
    >>> doc = toc.loads('''
    ... format: 1
    ... id: demo
    ... title: Demo
    ... nodes:
    ...   - {id: money, stage: resources, label: Money}
    ... ''')
    >>> for finding in check(doc):
    ...     print(finding)
    <string>:6:5: warning TOC003: the resource 'money' leads nowhere: no link starts at it
    >>> check(doc, ignore=["leads-nowhere"])
    []
    """
    if select is not None:
        select = list(select)
    chosen = checks.selection(doc.checks, select, ignore, severity)
    wanted = chosen.codes()
    with collector_paused(doc.size()):
        found = checks.run(doc, only=wanted)
        if any(codes.by_code(code).source == "judgement" for code in wanted):
            if assessment is not None and (select is None or doc.checks is None):
                judged = assessment.findings
            else:
                judged = findings_of(doc, judge_document(doc, Thresholds(), detail=False))
            found.extend(judged)
    found.sort(key=lambda finding: codes.order(finding.code))
    return checks.configure(found, chosen)
