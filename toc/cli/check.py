"""``toc check``: structural findings for one or more documents."""

from __future__ import annotations

import json
from typing import Any

import click

from toc.cli.common import EXIT_FINDINGS, EXIT_INVALID, EXIT_OK
from toc.errors import DocumentError, TocError

__all__ = ["check_command"]

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
_RANK = {"error": 0, "warning": 1, "info": 2}


@click.command(
    "check",
    epilog="Examples: toc check examples/nils-2018/nils-2018.yaml\n\n"
    "toc check --strict --format json *.yaml",
)
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
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
    help="Show only findings at least this severe (the exit status counts them all).",
)
def check_command(
    files: tuple[str, ...], strict: bool, output_format: str, min_severity: str
) -> None:
    """Check FILES and list their findings, grouped by file.

    Exit status: 0 clean or only warnings and info; 1 errors (or warnings
    with --strict); 2 a file could not be read or is not a valid document.
    """
    import toc

    results: list[dict[str, Any]] = []
    status = EXIT_OK
    for file in files:
        result: dict[str, Any] = {"file": file, "valid": True, "problems": [], "findings": []}
        try:
            doc = toc.load(file)
        except DocumentError as err:
            result["valid"] = False
            result["problems"] = [
                {
                    "message": p.message,
                    "hint": p.hint,
                    "line": p.line,
                    "column": p.column,
                    "path": list(p.path),
                }
                for p in err.problems
            ]
            result["_rendered"] = [p.render() for p in err.problems]
            status = EXIT_INVALID
        except TocError as err:
            result["valid"] = False
            result["problems"] = [
                {"message": str(err), "hint": None, "line": None, "column": None, "path": []}
            ]
            result["_rendered"] = [f"error: {err}"]
            status = EXIT_INVALID
        else:
            findings = toc.check(doc)
            result["findings"] = [f.to_dict() for f in findings]
            result["language"] = doc.language
            severities = {f.severity for f in findings}
            if status != EXIT_INVALID and (
                "error" in severities or (strict and "warning" in severities)
            ):
                status = EXIT_FINDINGS
        results.append(result)

    if output_format == "json":
        _print_json(results)
    else:
        _print_text(results, _RANK[min_severity])
    raise SystemExit(status)


def _counts(findings: list[dict[str, Any]]) -> dict[str, int]:
    counts = {"error": 0, "warning": 0, "info": 0}
    for finding in findings:
        counts[finding["severity"]] += 1
    return counts


def _print_json(results: list[dict[str, Any]]) -> None:
    out = []
    for result in results:
        out.append(
            {
                "file": result["file"],
                "valid": result["valid"],
                "problems": result["problems"],
                "findings": result["findings"],
                "summary": _counts(result["findings"]),
            }
        )
    click.echo(json.dumps({"files": out}, indent=2, ensure_ascii=False))


def _print_text(results: list[dict[str, Any]], show_rank: int) -> None:
    from rich.console import Console
    from rich.text import Text

    from toc.i18n import text

    console = Console(highlight=False, soft_wrap=True)
    errors = Console(stderr=True, highlight=False, soft_wrap=True)
    for result in results:
        if not result["valid"]:
            for line in result["_rendered"]:
                errors.print(Text(line, style="red"))
            continue
        lang = result["language"]
        findings = sorted(
            result["findings"],
            key=lambda f: (_RANK[f["severity"]], f["line"] or 0, f["column"] or 0),
        )
        console.print(Text(result["file"], style="bold"))
        shown = [f for f in findings if _RANK[f["severity"]] <= show_rank]
        for f in shown:
            where = f"{f['line']}:{f['column']}" if f["line"] else "-"
            line = Text("  ")
            line.append(f"{where:>8}  ")
            line.append(
                f"{text('severity.' + f['severity'], lang):<8}", style=_STYLE[f["severity"]]
            )
            line.append(f" {f['code']}  ")
            line.append(f["message"])
            console.print(line)
            if f["hint"]:
                console.print(Text(" " * 12 + "→ " + f["hint"], style="dim"))
        counts = _counts(result["findings"])
        summary = text(
            "summary",
            lang,
            errors=counts["error"],
            warnings=counts["warning"],
            infos=counts["info"],
        )
        if not result["findings"]:
            summary = text("clean", lang)
        console.print(Text("  " + summary))
