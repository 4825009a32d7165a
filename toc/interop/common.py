"""What the exchange formats share: ids for imported items, bounded reading, link verdicts."""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from toc.assessment import Assessment, BadgeCell
from toc.diagram.view import weakest
from toc.errors import ReadError
from toc.files import MAX_BYTES
from toc.findings import Finding
from toc.i18n import CATALOGUE, LANGUAGES, format_number, text
from toc.model import DEFAULT_STAGES, Document

__all__ = [
    "Ids",
    "LinkVerdict",
    "count",
    "link_verdicts",
    "read_bytes",
    "refusal",
    "slug",
    "stage_names",
    "stage_type",
    "worded",
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


def refusal(
    file: str,
    key: str,
    language: str,
    *,
    line: int | None = None,
    hint: str | None = None,
    **fields: Any,
) -> Finding:
    """A problem with a whole file: the catalogue's ``key`` in ``language``, with its hint.

    The hint is the catalogue's ``hint`` key if given, else ``key.hint`` where
    the catalogue has one.

    >>> print(refusal("t.xlsx", "interop.read.no_file", "sv").render())
    t.xlsx: error: filen finns inte
      hint: kontrollera sökvägen och filnamnet
    """
    message, shown = worded(key, language, hint, **fields)
    return Finding(message, hint=shown, file=file, line=line)


def worded(
    key: str, language: str, hint: str | None = None, **fields: Any
) -> tuple[str, str | None]:
    """The catalogue's ``key`` in ``language``, and its hint (``hint``, else ``key.hint``).

    >>> worded("interop.kumu.no_label", "sv", name="elementet 'a'")
    ("elementet 'a' har ingen etikett", 'ge varje element en etikett')
    """
    hint_key = hint or f"{key}.hint"
    shown = text(hint_key, language, **fields) if hint_key in CATALOGUE else None
    return text(key, language, **fields), shown


def count(value: int, language: str) -> str:
    """A count of bytes or parts as a reader of ``language`` writes it.

    >>> count(16777216, "en"), count(16777216, "sv")
    ('16,777,216', '16\xa0777\xa0216')
    """
    return format_number(value, language, 0)


def read_bytes(
    path: str | os.PathLike[str], max_bytes: int = MAX_BYTES, language: str = "en"
) -> bytes:
    """A file's bytes, refused with a clear message when missing, unreadable or too large.

    The message is in ``language``: the file's own language is not known yet.
    """
    file = os.fspath(path)

    def fail(key: str, **fields: Any) -> ReadError:
        return ReadError([refusal(file, key, language, **fields)])

    split = "interop.read.split.hint"
    try:
        size = os.stat(file).st_size
        if size > max_bytes:
            raise fail(
                "interop.read.too_large",
                hint=split,
                size=count(size, language),
                limit=count(max_bytes, language),
            )
        with open(file, "rb") as handle:
            raw = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise fail("interop.read.no_file") from None
    except IsADirectoryError:
        raise fail("interop.read.folder") from None
    except OSError as err:
        raise fail("interop.read.unreadable", reason=err.strerror) from None
    if len(raw) > max_bytes:
        raise fail("interop.read.over_limit", hint=split, limit=count(max_bytes, language))
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
