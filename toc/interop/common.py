"""What the exchange formats share: ids for imported items, bounded reading, link verdicts."""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from toc.assessment import Assessment, BadgeCell
from toc.diagram.view import weakest
from toc.errors import ReadError
from toc.files import MAX_BYTES
from toc.findings import Finding
from toc.i18n import LANGUAGES, text
from toc.model import DEFAULT_STAGES, Document

__all__ = [
    "Ids",
    "LinkVerdict",
    "link_verdicts",
    "read_bytes",
    "slug",
    "stage_names",
    "stage_type",
]

_NOT_SLUG = re.compile(r"[^a-z0-9_-]+")


def slug(text: str, fallback: str = "item") -> str:
    """An id made from a label: lower case, ASCII letters and digits, ``-`` between words.

    >>> slug("Samverkan kring individen (Spira)"), slug("Åtgärd ÄÖ"), slug("  "), slug("–", "node")
    ('samverkan-kring-individen-spira', 'atgard-ao', 'item', 'node')
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    out = _NOT_SLUG.sub("-", ascii_text.lower()).strip("-_")[:60].strip("-_")
    return out or fallback


class Ids:
    """Hands out ids unique in a document: the wanted one, else with ``-2``, ``-3`` …"""

    def __init__(self, used: Iterable[str] = ()) -> None:
        self.used = set(used)

    def new(self, wanted: str) -> str:
        """An unused id as close to ``wanted`` as possible (``wanted`` must be a slug)."""
        candidate, number = wanted, 1
        while candidate in self.used:
            number += 1
            candidate = f"{wanted}-{number}"
        self.used.add(candidate)
        return candidate


def read_bytes(path: str | os.PathLike[str], max_bytes: int = MAX_BYTES) -> bytes:
    """A file's bytes, refused with a clear message when missing, unreadable or too large."""
    file = os.fspath(path)

    def fail(message: str, hint: str) -> ReadError:
        return ReadError([Finding(message, hint=hint, file=file)])

    try:
        size = os.stat(file).st_size
        if size > max_bytes:
            raise fail(
                f"the file is {size:,} bytes, more than the limit of {max_bytes:,}",
                "split it into smaller ones",
            )
        with open(file, "rb") as handle:
            raw = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise fail("no such file", "check the path and the file name") from None
    except IsADirectoryError:
        raise fail("this is a folder, not a file", "name a file") from None
    except OSError as err:
        raise fail(f"cannot read the file: {err.strerror}", "check its permissions") from None
    if len(raw) > max_bytes:
        raise fail(f"the file is more than the limit of {max_bytes:,} bytes", "split it")
    return raw


def stage_names(stage: str) -> set[str]:
    """Every name a stage goes by, folded: its id, and its Swedish and English names.

    >>> sorted(stage_names("short"))[:3]
    ['effekt på kort sikt', 'effekter kort sikt', 'short']
    """
    names = {stage.casefold()}
    if stage in DEFAULT_STAGES:
        for language in LANGUAGES:
            for key in (f"interop.stage.{stage}", f"render.stage.{stage}"):
                names.add(" ".join(text(key, language).split()).casefold())
    return names


def stage_type(stage: str, language: str) -> str:
    """The name of a stage as an element type: ``Short-term outcome`` (its id if not standard)."""
    return text(f"interop.stage.{stage}", language) if stage in DEFAULT_STAGES else stage


@dataclass(frozen=True)
class LinkVerdict:
    """The current verdict of one link: the least favourable of its mechanisms' badges."""

    verdict: str
    """One of `mechanisms.types.BADGE_VERDICTS`."""
    cells: tuple[BadgeCell, ...]
    """Every badge cell of the link's mechanisms, in mechanism order."""


def link_verdicts(doc: Document, result: Assessment) -> Mapping[str, LinkVerdict]:
    """Link reference → its current verdict, for links that some mechanism explains.

    The badge of each mechanism is `Assessment.badge` (the one rule); a link
    with several mechanisms takes the least favourable (`toc.diagram.view.weakest`,
    the colour the diagram draws it in).
    """
    badges = {m.id: result.badge(m.id) for m in doc.mechanisms}
    out: dict[str, LinkVerdict] = {}
    for ref, mechanism_ids in doc.explaining().items():
        cells = tuple(cell for m in mechanism_ids for cell in badges[m])
        if cells:
            out[ref] = LinkVerdict(weakest(c.verdict for c in cells), cells)
    return out
