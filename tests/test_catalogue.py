"""The catalogue: one home per key, both languages, the same fields in each."""

from __future__ import annotations

import string

from toc.catalogue import CATALOGUE, PARTS
from toc.i18n import LANGUAGES


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_key_lives_in_one_part_of_the_catalogue() -> None:
    seen: dict[str, str] = {}
    for part in PARTS:
        for key in part.MESSAGES:
            assert key not in seen, f"{key} is in {seen[key]} and {part.__name__}"
            seen[key] = part.__name__
    assert list(seen) == list(CATALOGUE)


def test_every_entry_is_in_both_languages_with_the_same_fields() -> None:
    wrong = [
        key
        for key, entry in CATALOGUE.items()
        if sorted(entry) != sorted(LANGUAGES)
        or not all(entry[language].strip() for language in LANGUAGES)
        or _fields(entry["sv"]) != _fields(entry["en"])
    ]
    assert wrong == []
