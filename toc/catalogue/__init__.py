"""Every fixed sentence toc shows a reader, in Swedish and English: `toc.i18n` reads it.

One module per part of toc, each a `MESSAGES` table of ``key → {"en": …, "sv": …}``;
``KEY.hint`` is the hint that goes with the message ``KEY``. Templates use
``str.format`` with named fields: user text is only ever an argument, never part
of a template. A key lives in exactly one module (a test checks).
"""

from __future__ import annotations

from toc.catalogue import checks, diagram, diff, interop, judgement, load, report, synthesis

__all__ = ["CATALOGUE", "PARTS"]

PARTS = (checks, load, judgement, report, diff, diagram, synthesis, interop)
"""The modules, in the order their entries are listed."""

CATALOGUE: dict[str, dict[str, str]] = {
    key: entry for part in PARTS for key, entry in part.MESSAGES.items()
}
"""All entries: ``key → {"en": …, "sv": …}``."""
