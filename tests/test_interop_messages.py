"""The catalogue of ``toc import`` and ``toc export`` messages: both languages, every key there."""

from __future__ import annotations

import re
import string
from pathlib import Path

from toc.i18n import CATALOGUE

ROOT = Path(__file__).resolve().parent.parent
CODE = [*sorted((ROOT / "toc" / "interop").rglob("*.py")), ROOT / "toc" / "cli" / "interop.py"]


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_interop_message_is_in_both_languages_with_the_same_fields() -> None:
    entries = {key: entry for key, entry in CATALOGUE.items() if key.startswith("interop.")}
    assert len(entries) > 200
    for key, entry in entries.items():
        assert set(entry) == {"en", "sv"}, key
        assert entry["en"].strip() and entry["sv"].strip(), key
        assert _fields(entry["en"]) == _fields(entry["sv"]), key


def test_every_catalogue_key_the_interop_code_names_is_in_the_catalogue() -> None:
    """A key spelt wrong would fail only when its problem is met: here it fails at once."""
    named = {
        (path.name, key)
        for path in CODE
        for key in re.findall(r"\"(interop\.[a-z0-9_.]+)\"", path.read_text(encoding="utf-8"))
    }
    assert len(named) > 100
    assert sorted((file, key) for file, key in named if key not in CATALOGUE) == []
