"""``toc check``: structural findings for one or more documents."""

from __future__ import annotations

import json
from typing import Any

import click

from toc.cli.common import (
    EXIT_FINDINGS,
    EXIT_INVALID,
    EXIT_OK,
    STDIN,
    STDIN_NAME,
    echo_json,
    fail,
    read_document,
    show,
    stdin_once,
)
from toc.cli.terminal import terminal_text
from toc.errors import DocumentError, OptionError, TocError
from toc.findings import SEVERITIES, SEVERITY_RANK

__all__ = ["check_command", "summary_text"]

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
_RANK = SEVERITY_RANK


@click.command(
    "check",
    epilog="""\b
Examples:
  toc check theory.yaml
  toc check --strict --format json examples/*/*.yaml
  toc convert --to json theory.yaml - | toc check -
  toc check --min-severity warning theory.yaml
  toc check --ignore TOC006 --severity outcome-without-indicator=warning theory.yaml""",
)
@click.argument("files", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option(
    "--strict", is_flag=True, help="Exit with status 1 on warnings too, not only on errors."
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text for people, json for tools.",
)
@click.option(
    "--min-severity",
    type=click.Choice(["info", "warning", "error"]),
    default="info",
    show_default=True,
    help="Show only findings at least this severe (the exit status and the summary count all).",
)
@click.option(
    "--select",
    metavar="CHECK",
    multiple=True,
    help="Report only this check (a code such as TOC006 or a name); repeat for more. "
    "Replaces the document's own `checks: select`.",
)
@click.option(
    "--ignore",
    metavar="CHECK",
    multiple=True,
    help="Do not report this check; repeat for more. Adds to the document's `checks: ignore`.",
)
@click.option(
    "--severity",
    "severities",
    metavar="CHECK=LEVEL",
    multiple=True,
    help="Report a check as error, warning or info (TOC009=warning); repeat for more.",
)
def check_command(
    files: tuple[str, ...],
    strict: bool,
    output_format: str,
    min_severity: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    severities: tuple[str, ...],
) -> None:
    """Check FILES and list their findings, grouped by file; '-' reads standard input.

    Messages are in each document's language. Exit status: 0 clean or only
    warnings and info; 1 errors (or warnings with --strict); 2 a file could
    not be read or is not a valid document (its problems go to standard
    error, each with file:line:column), or an unknown check.

    Which checks run and how severe they are can also be set in the document
    (`checks:`, see docs/checks.md); a judgement can acknowledge a finding it
    accepts on purpose (`acknowledges:`), which then reads as information.
    """
    # Deferred for start-up: every command module is imported by `toc --help`.
    from toc.checking import check
    from toc.checks import selection

    try:
        stdin_once(files)
        graded = dict(_level(word) for word in severities)
        selection(None, select or None, ignore, graded)  # unknown checks fail before any file
    except TocError as err:
        fail(err)
    results: list[dict[str, Any]] = []
    status = EXIT_OK
    for path in files:
        file = STDIN_NAME if path == STDIN else path
        result: dict[str, Any] = {"file": file, "valid": True, "language": None, "problems": []}
        try:
            doc = read_document(path)
        except DocumentError as err:
            result["valid"] = False
            result["problems"] = [
                {
                    "message": p.message,
                    "hint": p.hint,
                    "file": p.file,
                    "line": p.line,
                    "column": p.column,
                    "path": list(p.path),
                    "text": p.render(),
                }
                for p in err.problems
            ]
            status = EXIT_INVALID
        except TocError as err:
            result["valid"] = False
            result["problems"] = [
                {
                    "message": str(err),
                    "hint": None,
                    "file": file,
                    "line": None,
                    "column": None,
                    "path": [],
                    "text": f"{file}: error: {err}",
                }
            ]
            status = EXIT_INVALID
        else:
            findings = check(doc, select=select or None, ignore=ignore, severity=graded)
            result["language"] = doc.language
            result["findings"] = [f.to_dict() for f in findings]
            found = {f.severity for f in findings}
            if status != EXIT_INVALID and ("error" in found or (strict and "warning" in found)):
                status = EXIT_FINDINGS
        results.append(result)

    if output_format == "json":
        _print_json(results, _RANK[min_severity])
    else:
        _print_text(results, _RANK[min_severity])
    raise SystemExit(status)


def _level(word: str) -> tuple[str, str]:
    check, sep, level = word.partition("=")
    if not sep or level not in SEVERITIES:
        raise OptionError(
            f"--severity {word!r}: write CHECK=LEVEL, LEVEL one of error, warning, info "
            "(for example TOC009=warning)"
        )
    return check, level


def _counts(findings: list[dict[str, Any]]) -> dict[str, int]:
    counts = {"error": 0, "warning": 0, "info": 0}
    for finding in findings:
        counts[finding["severity"]] += 1
    return counts


def _print_json(results: list[dict[str, Any]], show_rank: int) -> None:
    out = []
    for result in results:
        findings = result.get("findings", [])
        out.append(
            {
                "file": result["file"],
                "valid": result["valid"],
                "language": result["language"],
                "problems": [
                    {k: v for k, v in p.items() if k != "text"} for p in result["problems"]
                ],
                "findings": [f for f in findings if _RANK[f["severity"]] <= show_rank],
                "summary": _counts(findings),
            }
        )
    echo_json(json.dumps({"files": out}, indent=2, ensure_ascii=False))


def summary_text(counts: dict[str, int], language: str) -> str:
    """``2 errors, 1 warning, 0 info`` (or ``no findings``) in ``language``."""
    from toc.i18n import text  # deferred for start-up: the catalogue takes ~15 ms

    if not any(counts.values()):
        return text("clean", language)
    parts = []
    for severity in ("error", "warning", "info"):
        n = counts[severity]
        key = f"count.{severity}.1" if n == 1 else f"count.{severity}"
        parts.append(text(key, language, n=n))
    return ", ".join(parts)


def _print_text(results: list[dict[str, Any]], show_rank: int) -> None:
    """All files' findings, written at once: styled on a terminal, plain text otherwise.

    Text from files goes through `terminal_text` before it becomes rich text,
    which would drop some control characters silently rather than show them.
    """
    from rich.text import Text  # deferred for start-up, as the catalogue

    from toc.i18n import text  # deferred for start-up: the catalogue takes ~15 ms

    out = Text()
    problems = Text()
    for result in results:
        if not result["valid"]:
            for problem in result["problems"]:
                problems.append(terminal_text(problem["text"]) + "\n", style="red")
            continue
        lang = result["language"]
        findings = sorted(
            result["findings"],
            key=lambda f: (_RANK[f["severity"]], f["line"] or 0, f["column"] or 0),
        )
        out.append(terminal_text(result["file"]), style="bold")
        out.append("\n")
        hint_word = text("hint", lang)
        for f in findings:
            if _RANK[f["severity"]] > show_rank:
                continue
            where = f"{f['line']}:{f['column']}" if f["line"] else "-"
            out.append(f"  {where:>7}  ")
            out.append(f"{text('severity.' + f['severity'], lang):<7}", style=_STYLE[f["severity"]])
            out.append(terminal_text(f"  {f['code']}  {f['message']}\n"))
            if f["hint"]:
                out.append(terminal_text(f"{'':>28}{hint_word}: {f['hint']}\n"), style="dim")
        out.append("  " + summary_text(_counts(result["findings"]), lang) + "\n")
    if problems:
        show(problems, stderr=True)
    if out:
        show(out)
