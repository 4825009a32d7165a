"""The content of an evaluation report, independent of its output format.

`build` turns a document and its `toc.assessment.Assessment` into a
`toc.report.model.Report`: the sections the audience reads, in order, each
made by its own builder (`toc.report.sections`, `toc.report.assumptions`,
`toc.report.appendices`) from one `toc.report.context.Context`. The HTML,
Markdown, Word and PDF writers only lay the sections out.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from toc._gc import collector_paused
from toc.assessment import Assessment, assess
from toc.changes import diff
from toc.checking import check
from toc.errors import OptionError
from toc.findings import Finding
from toc.i18n import text
from toc.model import REPORT_SECTIONS, Document
from toc.report import appendices, assumptions
from toc.report import sections as parts
from toc.report.changes import changes_section
from toc.report.context import Context, words
from toc.report.model import (
    AUDIENCES,
    Audience,
    Changes,
    Contents,
    Heading,
    Logo,
    Report,
    Section,
)
from toc.report.prose import parse

__all__ = ["DEFAULT_SECTIONS", "build", "section_keys"]

DEFAULT_SECTIONS: dict[str, tuple[str, ...]] = {
    "board": tuple(s for s in REPORT_SECTIONS if s != "findings"),
    "evaluator": REPORT_SECTIONS,
}
"""The sections each audience gets unless the document or ``--sections`` chooses."""

_CHAPTERS = ("background", "theory", "changes", "mechanisms", "rivals", "indicators", "conclusions")
_APPENDICES = ("surveys", "findings")
_TITLE_KEY = {
    "contents": "contents",
    "summary": "summary",
    "background": "background",
    "theory": "theory",
    "changes": "changes",
    "mechanisms": "mechanisms",
    "rivals": "rivals",
    "indicators": "indicators",
    "conclusions": "conclusions",
    "surveys": "survey_table",
    "findings": "findings",
}


def section_keys(
    doc: Document, audience: str, sections: Sequence[str] | None, *, baseline: bool = False
) -> list[str]:
    """The sections a report has, in order: ``sections``, else the document's, else the
    audience's defaults. An unknown key, or working material for the board, is an
    `OptionError`.

    >>> import toc
    >>> doc = toc.loads("format: 1\\nid: d\\ntitle: D")
    >>> section_keys(doc, "board", ["summary", "mechanisms"])
    ['summary', 'mechanisms']
    >>> section_keys(doc, "board", ["findings"])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    toc.errors.OptionError: the findings appendix is working material (codes and places ...
    """
    if audience not in AUDIENCES:
        raise OptionError(f"unknown audience {audience!r}: use one of {', '.join(AUDIENCES)}")
    chosen: list[str] = list(sections or (doc.report.sections if doc.report else []))
    explicit = bool(chosen)
    if not chosen:
        chosen = list(DEFAULT_SECTIONS[audience])
    for key in chosen:
        if key not in REPORT_SECTIONS:
            raise OptionError(
                f"unknown report section {key!r}: use some of {', '.join(REPORT_SECTIONS)}"
            )
    repeated = sorted({key for key in chosen if chosen.count(key) > 1})
    if repeated:
        raise OptionError(f"report section {repeated[0]!r} is listed twice: list each once")
    if audience == "board" and "findings" in chosen:
        raise OptionError(
            "the findings appendix is working material (codes and places in the file): "
            "use --audience evaluator"
        )
    if "changes" in chosen and not baseline:
        if explicit:
            raise OptionError("the changes section compares with a baseline: give --baseline OLD")
        chosen.remove("changes")
    return chosen


def build(
    doc: Document,
    *,
    language: str | None = None,
    intervention: str | None = None,
    audience: str = "board",
    sections: Sequence[str] | None = None,
    assessment: Assessment | None = None,
    findings: list[Finding] | None = None,
    logo: Logo | None = None,
    baseline: Document | None = None,
) -> Report:
    """The format-independent content of the evaluation report for ``doc``.

    ``language`` overrides the document's; ``intervention`` limits the report
    to one intervention and the parts common to all; ``audience`` is
    ``board`` (the default: no ids, codes, places or posteriors) or
    ``evaluator`` (with the working material); ``sections`` chooses and orders
    the sections (`section_keys`). ``assessment`` is the document's
    `toc.assessment.Assessment` for the same intervention (made here when not
    given); ``findings`` are those of `toc.check` for the evaluator's appendix
    (checked here, with that assessment, when not given).
    ``logo`` is the title page's picture (`toc.report.write` reads it).
    ``baseline`` is an earlier version of the document: the report gets the
    section on what changed since (`toc.changes.diff`).

    >>> import toc
    >>> doc = toc.loads('''
    ... format: 1
    ... id: demo
    ... title: Demo
    ... language: sv
    ... nodes: [{id: a, stage: resources, label: A}, {id: b, stage: short, label: B}]
    ... links: [{from: a, to: b}]
    ... mechanisms: [{id: m, title: Mekanism, links: ["a->b"]}]
    ... ''')
    >>> report = build(doc)
    >>> [s.key for s in report.sections][2:]
    ['background', 'theory', 'mechanisms', 'rivals', 'indicators', 'surveys']
    >>> report.section("mechanisms").items[0].heading.text
    '3.1 Mekanism'
    """
    lang = language or doc.language
    if lang not in ("sv", "en"):
        raise OptionError(f"unknown language {lang!r}: use 'sv' or 'en'")
    names = [i.id for i in doc.interventions]
    if intervention is not None and intervention not in names:
        choices = ", ".join(names) or "(the document has no interventions)"
        raise OptionError(f"unknown intervention {intervention!r}: use one of: {choices}")
    keys = section_keys(doc, audience, sections, baseline=baseline is not None)
    if assessment is None:
        assessment = assess(doc, intervention=intervention)
    elif assessment.scope != intervention:
        raise OptionError(
            f"the assessment is of intervention {assessment.scope!r}, the report of "
            f"{intervention!r}: assess the document for the same intervention"
        )
    if findings is None and "findings" in keys:
        findings = check(doc, assessment=assessment)
    chosen: Audience = "evaluator" if audience == "evaluator" else "board"
    # Bulk work on many small objects: the collector's scans would cost more than
    # the work (toc._gc).
    with collector_paused(doc.size()):
        ctx = Context(doc, assessment, lang, chosen, intervention, words(lang))
        built = _sections(ctx, keys, findings or [], logo, baseline)
    info = doc.report
    title = info.title if info is not None and info.title else doc.title
    return Report(lang, chosen, " ".join(title.split()), tuple(built), ctx.t)


def _sections(
    ctx: Context,
    keys: list[str],
    findings: list[Finding],
    logo: Logo | None,
    baseline: Document | None,
) -> list[Section]:
    """The sections ``keys`` names, each from its builder, numbered in order."""
    keys = [key for key in keys if _has_content(ctx, key, baseline)]
    headings, numbers = _headings(ctx, keys)
    built: list[Section] = []
    builders: dict[str, Callable[[Heading], Section | None]] = {
        "summary": lambda h: parts.summary(ctx, h),
        "background": lambda h: parts.background(ctx, h),
        "theory": lambda h: parts.theory(ctx, h),
        "changes": lambda h: _changes(ctx, h, baseline),
        "mechanisms": lambda h: assumptions.mechanisms(ctx, h, numbers["mechanisms"]),
        "rivals": lambda h: parts.rivals(ctx, h),
        "indicators": lambda h: parts.indicators(ctx, h),
        "conclusions": lambda h: parts.conclusions(ctx, h),
        "surveys": lambda h: appendices.surveys(ctx, h),
        "findings": lambda h: appendices.findings(ctx, h, findings),
    }
    for key in keys:
        if key == "title_page":
            built.append(parts.title_page(ctx, logo))
        elif key == "contents":
            entries = tuple(headings[k] for k in keys[keys.index(key) + 1 :] if k in headings)
            built.append(Contents(headings[key], entries))
        else:
            found = builders[key](headings[key])
            if found is not None:
                built.append(found)
    return built


def _changes(ctx: Context, heading: Heading, baseline: Document | None) -> Changes | None:
    """The changes since ``baseline``, in the report's words (`toc.report.changes`)."""
    if baseline is None:
        return None
    found = changes_section(baseline, ctx.doc, diff(baseline, ctx.doc), ctx.language)
    return Changes(
        heading=heading,
        intro=found.intro,
        groups=tuple((group.heading, tuple(group.items)) for group in found.groups),
        caption=ctx.caption("figure", found.caption),
        alt=ctx.t["changes_alt"],
        drawing=found,
    )


def _has_content(ctx: Context, key: str, baseline: Document | None) -> bool:
    info = ctx.doc.report
    if key == "summary":
        return bool(parse(info.summary if info else None))
    if key == "conclusions":
        return bool(parse(info.conclusions if info else None)) or bool(
            parse(info.recommendations if info else None)
        )
    return key != "changes" or baseline is not None


def _headings(ctx: Context, keys: list[str]) -> tuple[dict[str, Heading], dict[str, str]]:
    """Each section's heading (chapters numbered 1, 2, …; appendices Bilaga 1, 2, …),
    and each chapter's number."""
    out: dict[str, Heading] = {}
    numbers: dict[str, str] = {}
    chapter = appendix = 0
    for key in keys:
        if key == "title_page":
            continue
        title = ctx.t[_TITLE_KEY[key]]
        if key in _CHAPTERS:
            chapter += 1
            numbers[key] = str(chapter)
            out[key] = Heading(f"s-{key}", f"{chapter}. {title}")
        elif key in _APPENDICES:
            appendix += 1
            out[key] = Heading(
                f"s-{key}", text("report.appendix", ctx.language, number=appendix, title=title)
            )
        else:
            out[key] = Heading(f"s-{key}", title)
    return out, numbers
