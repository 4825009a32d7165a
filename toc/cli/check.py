"""``toc check``: structural findings for one or more documents."""

from __future__ import annotations

import json
from typing import Any

import click

from toc.cli.common import EXIT_FINDINGS, EXIT_INVALID, EXIT_OK, console
from toc.errors import DocumentError, TocError

__all__ = ["check_command"]

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
_RANK = {"error": 0, "warning": 1, "info": 2}


@click.command(
    "check",
    epilog="""\b
Examples:
  toc check theory.yaml
  toc check --strict --format json examples/*/*.yaml
  toc check --min-severity warning theory.yaml""",
)
@click.argument("files", nargs=-1, required=True, type=click.Path())
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
def check_command(
    files: tuple[str, ...], strict: bool, output_format: str, min_severity: str
) -> None:
    """Check FILES and list their findings, grouped by file.

    Messages are in each document's language. Exit status: 0 clean or only
    warnings and info; 1 errors (or warnings with --strict); 2 a file could
    not be read or is not a valid document (its problems go to standard
    error, each with file:line:column).
    """
    import toc

    results: list[dict[str, Any]] = []
    status = EXIT_OK
    for file in files:
        result: dict[str, Any] = {"file": file, "valid": True, "language": None, "problems": []}
        try:
            doc = toc.load(file)
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
            findings = toc.check(doc)
            result["language"] = doc.language
            result["findings"] = [f.to_dict() for f in findings]
            severities = {f.severity for f in findings}
            if status != EXIT_INVALID and (
                "error" in severities or (strict and "warning" in severities)
            ):
                status = EXIT_FINDINGS
        results.append(result)

    if output_format == "json":
        _print_json(results, _RANK[min_severity])
    else:
        _print_text(results, _RANK[min_severity])
    raise SystemExit(status)


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
    click.echo(json.dumps({"files": out}, indent=2, ensure_ascii=False))


def summary_text(counts: dict[str, int], language: str) -> str:
    """``2 errors, 1 warning, 0 info`` (or ``no findings``) in ``language``."""
    from toc.i18n import text

    if not any(counts.values()):
        return text("clean", language)
    parts = []
    for severity in ("error", "warning", "info"):
        n = counts[severity]
        key = f"count.{severity}.1" if n == 1 else f"count.{severity}"
        parts.append(text(key, language, n=n))
    return ", ".join(parts)


def _print_text(results: list[dict[str, Any]], show_rank: int) -> None:
    from rich.text import Text

    from toc.i18n import text

    out = console()
    err = console(stderr=True)
    for result in results:
        if not result["valid"]:
            for problem in result["problems"]:
                err.print(Text(problem["text"], style="red"))
            continue
        lang = result["language"]
        findings = sorted(
            result["findings"],
            key=lambda f: (_RANK[f["severity"]], f["line"] or 0, f["column"] or 0),
        )
        out.print(Text(result["file"], style="bold"))
        hint_word = text("hint", lang)
        for f in findings:
            if _RANK[f["severity"]] > show_rank:
                continue
            where = f"{f['line']}:{f['column']}" if f["line"] else "-"
            line = Text("  ")
            line.append(f"{where:>7}  ")
            line.append(
                f"{text('severity.' + f['severity'], lang):<7}", style=_STYLE[f["severity"]]
            )
            line.append(f"  {f['code']}  ")
            line.append(f["message"])
            out.print(line)
            if f["hint"]:
                out.print(Text(f"{'':>28}{hint_word}: {f['hint']}", style="dim"))
        out.print(Text("  " + summary_text(_counts(result["findings"]), lang)))
