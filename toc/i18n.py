"""The catalogue of fixed user-facing text, in Swedish and English.

Every sentence the library shows a reader comes from here, so that a Swedish
document gets Swedish findings and headings. Templates use ``str.format`` with
named fields: user text is only ever an argument, never part of a template.
"""

from __future__ import annotations

from typing import Any, Literal

__all__ = ["CATALOGUE", "LANGUAGES", "Language", "text"]

Language = Literal["sv", "en"]
LANGUAGES: tuple[Language, ...] = ("sv", "en")

CATALOGUE: dict[str, dict[str, str]] = {
    # ---- check findings: message and hint per code
    "TOC001": {
        "en": "link {ref!r} runs backwards, from stage {from_stage!r} to the earlier {to_stage!r}",
        "sv": "länken {ref!r} går bakåt, från steget {from_stage!r} till det tidigare {to_stage!r}",
    },
    "TOC001.hint": {
        "en": "mark a deliberate loop with `feedback: true`, or reverse the link",
        "sv": "markera en avsiktlig återkoppling med `feedback: true`, eller vänd på länken",
    },
    "TOC002": {
        "en": "the links between {nodes} form a cycle",
        "sv": "länkarna mellan {nodes} bildar en cirkel",
    },
    "TOC002.hint": {
        "en": "mark the link that loops back with `feedback: true`, or remove it",
        "sv": "markera länken som går tillbaka med `feedback: true`, eller ta bort den",
    },
    "TOC003": {
        "en": "the {stage} {node!r} leads nowhere: no link starts at it",
        "sv": "{stage} {node!r} leder ingenstans: ingen länk utgår från den",
    },
    "TOC003.hint": {
        "en": "add a link from it to what it brings about, or remove it",
        "sv": "lägg till en länk till det den leder till, eller ta bort den",
    },
    "TOC004": {
        "en": "nothing leads to the outcome {node!r}",
        "sv": "ingenting leder till effekten {node!r}",
    },
    "TOC004.hint": {
        "en": "add a link from the activity or outcome that brings it about",
        "sv": "lägg till en länk från den aktivitet eller effekt som leder till den",
    },
    "TOC005": {
        "en": "link {ref!r} skips from {from_stage!r} to {to_stage!r}",
        "sv": "länken {ref!r} hoppar från {from_stage!r} till {to_stage!r}",
    },
    "TOC005.hint": {
        "en": "fine if intended; otherwise add the intermediate outcome",
        "sv": "i sin ordning om det är avsiktligt; annars lägg till effekten däremellan",
    },
    "TOC006": {
        "en": "no mechanism explains link {ref!r}",
        "sv": "ingen mekanism förklarar länken {ref!r}",
    },
    "TOC006.hint": {
        "en": "list the link under a mechanism's `links` if its working is to be tested",
        "sv": "ange länken under en mekanisms `links` om den ska prövas",
    },
    "TOC007": {
        "en": "mechanism {id!r} explains no link",
        "sv": "mekanismen {id!r} förklarar ingen länk",
    },
    "TOC007.hint": {
        "en": 'add the links it explains: `links: ["from->to"]`',
        "sv": 'ange länkarna den förklarar: `links: ["från->till"]`',
    },
    "TOC008": {
        "en": "{kind} {id!r} has no evidence",
        "sv": "{kind} {id!r} saknar underlag",
    },
    "TOC008.hint": {
        "en": "add evidence items with `about: {id}`",
        "sv": "lägg till underlag med `about: {id}`",
    },
    "TOC009": {
        "en": "outcome {node!r} has no indicator",
        "sv": "effekten {node!r} saknar indikator",
    },
    "TOC009.hint": {
        "en": "add `indicators:` saying how it will be measured",
        "sv": "lägg till `indicators:` som anger hur den ska mätas",
    },
    "TOC010": {
        "en": "activity {node!r} has no actor",
        "sv": "aktiviteten {node!r} saknar aktör",
    },
    "TOC010.hint": {
        "en": "add `actors:` naming who carries it out",
        "sv": "lägg till `actors:` med vem som genomför den",
    },
    "TOC011": {
        "en": (
            'survey {id!r}: more answered "don\'t know" ({dont_know}) '
            "than gave an answer ({answered})"
        ),
        "sv": 'enkäten {id!r}: fler svarade "vet ej" ({dont_know}) än gav ett svar ({answered})',
    },
    "TOC011.hint": {
        "en": "the shares rest on few answers; say so where the result is reported",
        "sv": "andelarna vilar på få svar; redovisa det där resultatet används",
    },
    "TOC012": {
        "en": "no mechanism depends on condition {id!r}",
        "sv": "ingen mekanism är beroende av förutsättningen {id!r}",
    },
    "TOC012.hint": {
        "en": "list it under a mechanism's `conditions`, or remove it",
        "sv": "ange den under en mekanisms `conditions`, eller ta bort den",
    },
    # ---- words
    "mechanism": {"en": "mechanism", "sv": "mekanismen"},
    "rival": {"en": "rival explanation", "sv": "den alternativa förklaringen"},
    "stage.resources": {"en": "resource", "sv": "resursen"},
    "stage.activities": {"en": "activity", "sv": "aktiviteten"},
    "stage.other": {"en": "element", "sv": "elementet"},
    "severity.error": {"en": "error", "sv": "fel"},
    "severity.warning": {"en": "warning", "sv": "varning"},
    "severity.info": {"en": "info", "sv": "info"},
    "summary": {
        "en": "{errors} errors, {warnings} warnings, {infos} info",
        "sv": "{errors} fel, {warnings} varningar, {infos} info",
    },
    "clean": {"en": "no findings", "sv": "inga anmärkningar"},
}


def text(key: str, language: str, /, **fields: Any) -> str:
    """The catalogue entry ``key`` in ``language``, with ``fields`` filled in.

    >>> text("TOC004", "sv", node="jobb")
    "ingenting leder till effekten 'jobb'"
    """
    entry = CATALOGUE[key]
    template = entry.get(language) or entry["en"]
    return template.format(**fields) if fields else template
