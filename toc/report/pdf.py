"""The report as PDF: the HTML report printed by a real browser engine (Chromium, headless).

The HTML page carries its own print layout (A4, the diagram on a landscape
page of its own, page numbers at the foot; `toc.report.html`), needs nothing
from the network and runs no scripts. The browser is found on the machine:
``TOC_CHROMIUM`` if set, else ``chromium``, ``chromium-browser``,
``google-chrome`` or ``google-chrome-stable`` on ``PATH``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from toc.errors import WriteError

__all__ = ["BROWSERS", "browser_command", "find_browser", "print_pdf"]

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
"""Program names tried, in order, when ``TOC_CHROMIUM`` is not set."""

INSTALL_HINT = (
    "install Chromium (Debian/Ubuntu: `sudo apt-get install chromium`; Fedora: "
    "`sudo dnf install chromium`; macOS: `brew install --cask chromium`) or Google "
    "Chrome, or set TOC_CHROMIUM to the browser's path; or write .html and print it"
)

TIMEOUT = 300
"""Seconds a browser may take to print one report."""


def find_browser() -> str:
    """The browser program that prints PDFs, or a `WriteError` saying how to install one."""
    chosen = os.environ.get("TOC_CHROMIUM")
    if chosen:
        found = shutil.which(chosen)
        if found is None:
            raise WriteError(f"cannot print a PDF: TOC_CHROMIUM is {chosen!r}, not a program")
        return found
    for name in BROWSERS:
        found = shutil.which(name)
        if found is not None:
            return found
    raise WriteError(f"cannot print a PDF: no Chromium or Chrome browser was found; {INSTALL_HINT}")


def browser_command(browser: str, page: Path, pdf: Path, profile: Path) -> list[str]:
    """The command line that prints ``page`` to ``pdf``: headless, a fresh profile, no
    network services, no header or footer of the browser's own.

    The page is toc's own report with no scripts, so the browser runs without
    its sandbox (which cannot start as root or in many containers).

    >>> browser_command("chromium", Path("/t/r.html"), Path("/t/r.pdf"), Path("/t/p"))[:3]
    ['chromium', '--headless', '--no-sandbox']
    """
    return [
        browser,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        f"--user-data-dir={profile}",
        "--no-pdf-header-footer",
        f"--print-to-pdf={pdf}",
        page.as_uri(),
    ]


# Chromium stamps the time of printing; a report's PDF is the same for the same input.
_DATES = re.compile(rb"/(CreationDate|ModDate) ?\(D:[0-9+\-Z']+\)")


def _stable(pdf: bytes) -> bytes:
    def fixed(found: re.Match[bytes]) -> bytes:
        # Same length as before, so the cross-reference offsets stay right.
        length = len(found.group(0))
        stamp = b"/" + found.group(1) + b" (D:20000101000000"
        return stamp + b"Z" * (length - len(stamp) - 1) + b")"

    return _DATES.sub(fixed, pdf)


def print_pdf(html: str, *, browser: str | None = None) -> bytes:
    """The PDF a headless browser prints from ``html`` (toc's report page)."""
    program = browser or find_browser()
    with tempfile.TemporaryDirectory(prefix="toc-pdf-") as folder:
        work = Path(folder)
        page = work / "report.html"
        page.write_text(html, encoding="utf-8")
        pdf = work / "report.pdf"
        try:
            done = subprocess.run(
                browser_command(program, page, pdf, work / "profile"),
                capture_output=True,
                text=True,
                timeout=TIMEOUT,
                check=False,
                stdin=subprocess.DEVNULL,
            )
        except (OSError, subprocess.TimeoutExpired) as err:
            raise WriteError(f"cannot print a PDF with {program}: {err}") from None
        if done.returncode != 0 or not pdf.exists():
            tail = " ".join(done.stderr.strip().splitlines()[-3:])
            raise WriteError(
                f"cannot print a PDF: {program} exited with status {done.returncode}"
                + (f" ({tail})" if tail else "")
            )
        return _stable(pdf.read_bytes())
