"""The catalogue of fixed user-facing text, in Swedish and English.

Every sentence the library shows a reader comes from here, so that a Swedish
document gets Swedish findings and headings. Templates use ``str.format`` with
named fields: user text is only ever an argument, never part of a template.
"""

from __future__ import annotations

import decimal
import functools
import math
import re
from typing import Any, Literal

__all__ = [
    "CATALOGUE",
    "LANGUAGES",
    "Language",
    "format_date",
    "format_measure",
    "format_number",
    "format_percent",
    "template",
    "text",
    "unit_kind",
]

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
    "acknowledged": {
        "en": "{message} (acknowledged in the judgement: {rationale})",
        "sv": "{message} (godtaget i bedömningen: {rationale})",
    },
    "TOC012": {
        "en": "no mechanism depends on condition {id!r}",
        "sv": "ingen mekanism är beroende av förutsättningen {id!r}",
    },
    "TOC012.hint": {
        "en": "list it under a mechanism's `conditions`, or remove it",
        "sv": "ange den under en mekanisms `conditions`, eller ta bort den",
    },
    "TOC013": {
        "en": "nothing refers to intervention {id!r}: no node, evidence or judgement",
        "sv": "ingenting hänvisar till insatsen {id!r}: ingen nod, inget underlag, ingen bedömning",
    },
    "TOC013.hint": {
        "en": "list it under the `interventions` of its own nodes, or remove it",
        "sv": "ange den under `interventions` på insatsens egna noder, eller ta bort den",
    },
    "TOC014": {
        "en": "actor {id!r} carries no node",
        "sv": "aktören {id!r} står inte för någon nod",
    },
    "TOC014.hint": {
        "en": "list it under the `actors` of the nodes it owns or carries out, or remove it",
        "sv": "ange den under `actors` på noderna den äger eller genomför, eller ta bort den",
    },
    "TOC015": {
        "en": "rival explanation {id!r} is about nothing",
        "sv": "den alternativa förklaringen {id!r} gäller ingenting",
    },
    "TOC015.hint": {
        "en": 'add the outcomes or links it would also explain: `about: [outcome, "from->to"]`',
        "sv": 'ange effekter eller länkar den också förklarar: `about: [effekt, "från->till"]`',
    },
    "TOC016": {
        "en": (
            "link {ref!r} joins nodes of different interventions "
            "({from_interventions} to {to_interventions})"
        ),
        "sv": (
            "länken {ref!r} förbinder noder i olika insatser "
            "({from_interventions} till {to_interventions})"
        ),
    },
    "TOC016.hint": {
        "en": "put the node in the right strand, or make one of them common by removing "
        "its `interventions`",
        "sv": "lägg noden i rätt sträng, eller gör en av dem gemensam genom att ta bort "
        "dess `interventions`",
    },
    "TOC017": {
        "en": "link {ref!r} is marked `feedback: true` but runs forward, from {from_stage!r} "
        "to {to_stage!r}",
        "sv": "länken {ref!r} är markerad `feedback: true` men går framåt, från {from_stage!r} "
        "till {to_stage!r}",
    },
    "TOC017.hint": {
        "en": "`feedback: true` is for a loop back to an earlier stage; remove it here, "
        "or check the link's direction",
        "sv": "`feedback: true` är till för en återkoppling till ett tidigare steg; ta bort "
        "den här, eller kontrollera länkens riktning",
    },
    "TOC018": {
        "en": "survey {id!r} has no answers: every count is 0, and so is dont_know",
        "sv": "enkäten {id!r} saknar svar: alla antal är 0, och dont_know också",
    },
    "TOC018.hint": {
        "en": "enter the answers; if the question was never asked, remove the item",
        "sv": "fyll i svaren; om frågan aldrig ställdes, ta bort underlaget",
    },
    "TOC019": {
        "en": "the prior of {kind} {id!r} is {prior}: no evidence can change the suggested verdict",
        "sv": "a priori-sannolikheten för {kind} {id!r} är {prior}: inget underlag kan ändra "
        "den föreslagna bedömningen",
    },
    "TOC019.hint": {
        "en": "use a probability between 0 and 1, such as 0.05 or 0.95; leave `prior` out for 0.5",
        "sv": "använd en sannolikhet mellan 0 och 1, till exempel 0,05 eller 0,95; utelämna "
        "`prior` för 0,5",
    },
    # ---- words in check findings and `toc check` output
    "mechanism": {"en": "mechanism", "sv": "mekanismen"},
    "rival": {"en": "rival explanation", "sv": "den alternativa förklaringen"},
    "stage.resources": {"en": "resource", "sv": "resursen"},
    "stage.activities": {"en": "activity", "sv": "aktiviteten"},
    "stage.other": {"en": "element", "sv": "elementet"},
    # ---- verdicts and condition states: one name each, everywhere
    "verdict.held": {"en": "held", "sv": "höll"},
    "verdict.partly_held": {"en": "partly held", "sv": "höll delvis"},
    "verdict.not_held": {"en": "did not hold", "sv": "höll inte"},
    "verdict.too_early": {"en": "too early to say", "sv": "för tidigt att säga"},
    "verdict.inconclusive": {"en": "inconclusive", "sv": "går inte att avgöra"},
    "verdict.unassessed": {"en": "not assessed", "sv": "inte bedömd"},
    "verdict.present": {"en": "present", "sv": "finns"},
    "verdict.partly_present": {"en": "partly present", "sv": "finns delvis"},
    "verdict.absent": {"en": "absent", "sv": "saknas"},
    "verdict.unknown": {"en": "unknown", "sv": "okänt"},
    "severity.error": {"en": "error", "sv": "fel"},
    "severity.warning": {"en": "warning", "sv": "varning"},
    "severity.info": {"en": "info", "sv": "info"},
    "count.error.1": {"en": "{n} error", "sv": "{n} fel"},
    "count.error": {"en": "{n} errors", "sv": "{n} fel"},
    "count.warning.1": {"en": "{n} warning", "sv": "{n} varning"},
    "count.warning": {"en": "{n} warnings", "sv": "{n} varningar"},
    "count.info.1": {"en": "{n} info", "sv": "{n} info"},
    "count.info": {"en": "{n} info", "sv": "{n} info"},
    "clean": {"en": "no findings", "sv": "inga anmärkningar"},
    "hint": {"en": "hint", "sv": "tips"},
    # ---- end checks
    # ---- loading (toc.files, toc.model, toc.source): every problem a document can have
    "load.did_you_mean": {"en": "did you mean {choice!r}?", "sv": "menade du {choice!r}?"},
    "load.more": {
        "en": "... and {more} more problems (the first {shown} are shown)",
        "sv": "... och {more} problem till (de första {shown} visas)",
    },
    "load.more_at_least": {
        "en": "... and at least {more} more problems (the first {shown} are shown)",
        "sv": "... och minst {more} problem till (de första {shown} visas)",
    },
    "load.more.hint": {"en": "fix these and check again", "sv": "rätta dessa och kontrollera igen"},
    "load.not_mapping": {
        "en": "the document must be a mapping of keys at the top level "
        "(format, id, title, ...), not {what}",
        "sv": "dokumentet måste vara en samling nycklar på översta nivån "
        "(format, id, title, ...), inte {what}",
    },
    "load.not_mapping.hint": {
        "en": "start the file with `format: 1`",
        "sv": "börja filen med `format: 1`",
    },
    "load.format_missing": {
        "en": "missing required key 'format'",
        "sv": "nyckeln 'format' saknas",
    },
    "load.format_missing.hint": {
        "en": "start the document with `format: {version}`",
        "sv": "börja dokumentet med `format: {version}`",
    },
    "load.format_not_version": {
        "en": "format: {value} is not a format version",
        "sv": "format: {value} är ingen formatversion",
    },
    "load.format.hint": {"en": "write `format: {version}`", "sv": "skriv `format: {version}`"},
    "load.format_newer": {
        "en": "format {value} is newer than this library knows: "
        "toc-evaluation {library} reads format {version}",
        "sv": "format {value} är nyare än det här biblioteket känner till: "
        "toc-evaluation {library} läser format {version}",
    },
    "load.format_newer.hint": {
        "en": "upgrade it: pip install -U toc-evaluation",
        "sv": "uppgradera det: pip install -U toc-evaluation",
    },
    "load.format_unknown": {
        "en": "format {value} does not exist",
        "sv": "format {value} finns inte",
    },
    "load.describe.null": {"en": "nothing (null)", "sv": "ingenting (null)"},
    "load.describe.bool": {"en": "{value} (true/false)", "sv": "{value} (true/false)"},
    "load.describe.mapping": {"en": "a mapping", "sv": "en samling nycklar"},
    "load.describe.list": {"en": "a list", "sv": "en lista"},
    "load.describe.text": {"en": "the text {value!r}", "sv": "texten {value!r}"},
    "load.describe.number": {"en": "the number {value}", "sv": "talet {value}"},
    "load.noun.text": {"en": "text", "sv": "text"},
    "load.noun.int": {"en": "a whole number", "sv": "ett heltal"},
    "load.noun.number": {"en": "a number", "sv": "ett tal"},
    "load.noun.bool": {"en": "true or false", "sv": "true eller false"},
    "load.noun.list": {"en": "a list", "sv": "en lista"},
    "load.noun.mapping": {"en": "a mapping of keys", "sv": "en samling nycklar"},
    "load.expected": {"en": "expected {noun}, got {what}", "sv": "väntade {noun}, fick {what}"},
    "load.write_here": {"en": "write {noun} here", "sv": "skriv {noun} här"},
    "load.yaml_text.hint": {
        "en": "quote text containing ':' or '#'",
        "sv": "sätt text som innehåller ':' eller '#' inom citattecken",
    },
    "load.json_text.hint": {
        "en": 'write the text in double quotes, like "this"',
        "sv": 'skriv texten inom dubbla citattecken, som "den här"',
    },
    "load.unknown_key": {"en": "unknown key {name!r}", "sv": "okänd nyckel {name!r}"},
    "load.unknown_key.comma": {
        "en": "a comma inside {{…}} ends the text of {key!r}; put text with a comma in "
        'quotes: {key}: "{text}"',
        "sv": "ett kommatecken inom {{…}} avslutar texten i {key!r}; sätt text med "
        'kommatecken inom citattecken: {key}: "{text}"',
    },
    "load.allowed_keys": {"en": "allowed keys here: {keys}", "sv": "tillåtna nycklar här: {keys}"},
    "load.remove_it": {"en": "remove it", "sv": "ta bort den"},
    "load.missing_key": {"en": "missing required key {name!r}", "sv": "nyckeln {name!r} saknas"},
    "load.missing_key.hint": {"en": "add `{name}:` here", "sv": "lägg till `{name}:` här"},
    "load.missing_kind.hint": {
        "en": "add `kind:` (interview, focus_group, observation, document, survey, register, "
        "indicator or other)",
        "sv": "lägg till `kind:` (interview, focus_group, observation, document, survey, "
        "register, indicator eller other)",
    },
    "load.not_evidence_kind": {
        "en": "{tag!r} is not an evidence kind",
        "sv": "{tag!r} är ingen sorts underlag",
    },
    "load.not_allowed": {"en": "{value} is not allowed", "sv": "{value} är inte tillåtet"},
    "load.use_one_of": {"en": "use one of: {choices}", "sv": "använd något av: {choices}"},
    "load.not_id": {"en": "{value!r} is not a valid id", "sv": "{value!r} är inget giltigt id"},
    "load.id.hint": {
        "en": "an id uses only a–z, digits, '-' and '_', and starts with a letter or a digit",
        "sv": "ett id består bara av a–z, siffror, '-' och '_' och börjar med en bokstav "
        "eller en siffra",
    },
    "load.id.hint_suggest": {
        "en": "an id uses only a–z, digits, '-' and '_', and starts with a letter or a digit: "
        "write {suggestion!r}",
        "sv": "ett id består bara av a–z, siffror, '-' och '_' och börjar med en bokstav "
        "eller en siffra: skriv {suggestion!r}",
    },
    "load.not_date": {
        "en": "{value!r} is not a valid date",
        "sv": "{value!r} är inget giltigt datum",
    },
    "load.date.hint": {
        "en": "write a date as 2018, 2018-05 or 2018-05-14",
        "sv": "skriv ett datum som 2018, 2018-05 eller 2018-05-14",
    },
    "load.empty": {"en": "must not be empty", "sv": "får inte vara tom"},
    "load.empty.hint": {"en": "write some text for {name!r}", "sv": "skriv en text i {name!r}"},
    "load.empty_item.hint": {
        "en": "write some text in each entry of {name!r}, or leave the empty one out",
        "sv": "skriv en text i varje post i {name!r}, eller ta bort den tomma",
    },
    "load.too_long": {"en": "is too long", "sv": "är för långt"},
    "load.too_long.hint": {
        "en": "an id has at most {max} characters",
        "sv": "ett id har högst {max} tecken",
    },
    "load.out_of_range": {
        "en": "{value} is out of range",
        "sv": "{value} ligger utanför det tillåtna",
    },
    "load.probability.hint": {
        "en": "a probability is a number from 0 to 1",
        "sv": "en sannolikhet är ett tal från 0 till 1",
    },
    "load.not_negative.hint": {
        "en": "use a number of 0 or more",
        "sv": "använd ett tal som är 0 eller större",
    },
    "load.too_few": {"en": "needs at least {min} items", "sv": "behöver minst {min} poster"},
    "load.too_few.hint": {
        "en": "list at least {min} items under {name!r}",
        "sv": "ange minst {min} poster under {name!r}",
    },
    "load.not_finite": {"en": "must be a finite number", "sv": "måste vara ett ändligt tal"},
    "load.not_finite.hint": {"en": "write an ordinary number", "sv": "skriv ett vanligt tal"},
    "load.huge_number": {
        "en": "the number has {digits:,} digits, more than toc reads",
        "sv": "talet har {digits:,} siffror, fler än toc läser",
    },
    "load.huge_number.hint": {
        "en": "write a shorter number, or quote it if it is text",
        "sv": "skriv ett kortare tal, eller sätt det inom citattecken om det är text",
    },
    # references (toc.model)
    "load.duplicate_id": {
        "en": "duplicate id {id!r}: already used by {kind} at {where}",
        "sv": "id:t {id!r} finns redan: det används av {kind} vid {where}",
    },
    "load.duplicate_id.hint": {
        "en": "every id must be unique across the whole document; rename one of them",
        "sv": "ett id får bara användas en gång i hela dokumentet; byt namn på ett av dem",
    },
    "load.link_to_itself": {
        "en": "link {ref!r} runs from a node to itself",
        "sv": "länken {ref!r} går från en nod till sig själv",
    },
    "load.link_to_itself.hint": {
        "en": "remove it, or point it at another node",
        "sv": "ta bort den, eller låt den gå till en annan nod",
    },
    "load.link_twice": {
        "en": "link {ref!r} is declared twice (also links[{other}])",
        "sv": "länken {ref!r} finns två gånger (även links[{other}])",
    },
    "load.link_twice.hint": {
        "en": "keep one link and list all its mechanisms on it",
        "sv": "behåll en av länkarna och ange alla dess mekanismer på den",
    },
    "load.not_link_ref": {
        "en": "{ref!r} is not a link reference",
        "sv": "{ref!r} är ingen länkreferens",
    },
    "load.not_link_ref.hint": {
        "en": 'write a link as "from->to"',
        "sv": 'skriv en länk som "från->till"',
    },
    "load.not_judged": {
        "en": "{about!r} is {kind}; only mechanisms, conditions and rivals are judged",
        "sv": "{about!r} är {kind}; bara mekanismer, förutsättningar och alternativa "
        "förklaringar bedöms",
    },
    "load.not_judged.hint": {
        "en": "judge the mechanism that explains it instead",
        "sv": "bedöm i stället den mekanism som förklarar den",
    },
    "load.verdict_misplaced": {
        "en": "verdict {verdict!r} does not apply to {kind} {about!r}",
        "sv": "bedömningen {verdict!r} passar inte för {kind} {about!r}",
    },
    "load.unknown.hint": {
        "en": "declare {what} {value!r} first, or use one of: {choices}",
        "sv": "lägg först till {what} {value!r}, eller använd något av: {choices}",
    },
    "load.unknown.hint_none": {
        "en": "declare {what} {value!r} in the document first",
        "sv": "lägg först till {what} {value!r} i dokumentet",
    },
    "load.unknown.stage": {"en": "unknown stage {value!r}", "sv": "okänt steg {value!r}"},
    "load.what.stage": {"en": "stage", "sv": "steget"},
    "load.unknown.intervention": {
        "en": "unknown intervention {value!r}",
        "sv": "okänd insats {value!r}",
    },
    "load.what.intervention": {"en": "intervention", "sv": "insatsen"},
    "load.unknown.actor": {"en": "unknown actor {value!r}", "sv": "okänd aktör {value!r}"},
    "load.what.actor": {"en": "actor", "sv": "aktören"},
    "load.unknown.node": {"en": "unknown node {value!r}", "sv": "okänd nod {value!r}"},
    "load.what.node": {"en": "node", "sv": "noden"},
    "load.unknown.mechanism": {
        "en": "unknown mechanism {value!r}",
        "sv": "okänd mekanism {value!r}",
    },
    "load.what.mechanism": {"en": "mechanism", "sv": "mekanismen"},
    "load.unknown.link": {"en": "unknown link {value!r}", "sv": "okänd länk {value!r}"},
    "load.what.link": {"en": "link", "sv": "länken"},
    "load.unknown.condition": {
        "en": "unknown condition {value!r}",
        "sv": "okänd förutsättning {value!r}",
    },
    "load.what.condition": {"en": "condition", "sv": "förutsättningen"},
    "load.unknown.node_or_link": {
        "en": "unknown node or link {value!r}",
        "sv": "okänd nod eller länk {value!r}",
    },
    "load.what.node_or_link": {"en": "node or link", "sv": "noden eller länken"},
    "load.unknown.about": {
        "en": "unknown mechanism, condition, rival, node or link {value!r}",
        "sv": "okänd mekanism, förutsättning, alternativ förklaring, nod eller länk {value!r}",
    },
    "load.what.about": {
        "en": "mechanism, condition, rival, node or link",
        "sv": "mekanismen, förutsättningen, den alternativa förklaringen, noden eller länken",
    },
    "load.unknown.judged": {
        "en": "unknown mechanism, condition or rival {value!r}",
        "sv": "okänd mekanism, förutsättning eller alternativ förklaring {value!r}",
    },
    "load.what.judged": {
        "en": "mechanism, condition or rival",
        "sv": "mekanismen, förutsättningen eller den alternativa förklaringen",
    },
    "load.unknown.evidence": {
        "en": "unknown evidence item {value!r}",
        "sv": "okänt underlag {value!r}",
    },
    "load.what.evidence": {"en": "evidence item", "sv": "underlaget"},
    "load.the.intervention": {"en": "the intervention", "sv": "insatsen"},
    "load.the.actor": {"en": "the actor", "sv": "aktören"},
    "load.the.node": {"en": "the node", "sv": "noden"},
    "load.the.indicator": {"en": "the indicator", "sv": "indikatorn"},
    "load.the.mechanism": {"en": "the mechanism", "sv": "mekanismen"},
    "load.the.condition": {"en": "the condition", "sv": "förutsättningen"},
    "load.the.rival": {"en": "the rival", "sv": "den alternativa förklaringen"},
    "load.the.judgement": {"en": "the judgement", "sv": "bedömningen"},
    "load.the.evidence": {"en": "the evidence item", "sv": "underlaget"},
    "load.a.intervention": {"en": "an intervention", "sv": "en insats"},
    "load.a.actor": {"en": "an actor", "sv": "en aktör"},
    "load.a.node": {"en": "a node", "sv": "en nod"},
    "load.a.indicator": {"en": "an indicator", "sv": "en indikator"},
    "load.a.mechanism": {"en": "a mechanism", "sv": "en mekanism"},
    "load.a.condition": {"en": "a condition", "sv": "en förutsättning"},
    "load.a.rival": {"en": "a rival", "sv": "en alternativ förklaring"},
    "load.a.judgement": {"en": "a judgement", "sv": "en bedömning"},
    "load.a.evidence": {"en": "an evidence item", "sv": "ett underlag"},
    # syntax (toc.source) and reading (toc.files)
    "load.too_deep": {
        "en": "the document is nested more than {depth} levels deep",
        "sv": "dokumentet är nästlat i fler än {depth} nivåer",
    },
    "load.too_deep.yaml_hint": {
        "en": "a theory of change needs only a few levels of nesting; check the indentation",
        "sv": "en förändringsteori behöver bara några få nivåer; kontrollera indraget",
    },
    "load.too_deep.json_hint": {
        "en": "a theory of change needs only a few levels of nesting; check the brackets",
        "sv": "en förändringsteori behöver bara några få nivåer; kontrollera hakparenteserna",
    },
    "load.not_printable.control": {
        "en": "the text holds the character {code} (a control code), which YAML does not allow",
        "sv": "texten innehåller tecknet {code} (ett styrtecken), som YAML inte tillåter",
    },
    "load.not_printable.surrogate": {
        "en": "the text holds the character {code} (half of a UTF-16 surrogate pair), "
        "which YAML does not allow",
        "sv": "texten innehåller tecknet {code} (en halva av ett UTF-16-surrogatpar), "
        "som YAML inte tillåter",
    },
    "load.not_printable.hint": {
        "en": "remove it; it is invisible in most editors (search for it, or retype the line)",
        "sv": "ta bort det; det syns inte i de flesta redigerare (sök efter det, eller skriv "
        "om raden)",
    },
    "load.second_document": {
        "en": "the file holds more than one YAML document (a second '---')",
        "sv": "filen innehåller mer än ett YAML-dokument (ett andra '---')",
    },
    "load.second_document.hint": {
        "en": "keep one theory of change per file: remove the '---' line and what follows",
        "sv": "ha en förändringsteori per fil: ta bort raden '---' och det som följer",
    },
    "load.complex_key": {
        "en": "a mapping key must be plain text, not a list, a mapping or an alias",
        "sv": "en nyckel måste vara vanlig text, inte en lista, en samling nycklar eller ett alias",
    },
    "load.complex_key.hint": {
        "en": "write the key as a word such as `label:`",
        "sv": "skriv nyckeln som ett ord, till exempel `label:`",
    },
    "load.merge_key": {
        "en": "merge keys ('<<') are not supported",
        "sv": "sammanslagningsnycklar ('<<') stöds inte",
    },
    "load.merge_key.hint": {
        "en": "write the keys out in this mapping",
        "sv": "skriv ut nycklarna i den här samlingen",
    },
    "load.duplicate_key": {
        "en": "duplicate key {key!r} in one mapping",
        "sv": "nyckeln {key!r} står två gånger i samma samling",
    },
    "load.duplicate_key_at": {
        "en": "duplicate key {key!r} in one mapping (first at line {line})",
        "sv": "nyckeln {key!r} står två gånger i samma samling (första gången på rad {line})",
    },
    "load.duplicate_key.hint": {
        "en": "a key may appear only once per mapping; merge the two or rename one",
        "sv": "en nyckel får bara stå en gång per samling; slå ihop de två eller byt namn på "
        "den ena",
    },
    "load.undefined_alias": {
        "en": "the alias *{name} refers to no anchor &{name} before it",
        "sv": "aliaset *{name} hänvisar inte till något ankare &{name} före det",
    },
    "load.undefined_alias.hint": {
        "en": "define the anchor first, or write the data out",
        "sv": "definiera ankaret först, eller skriv ut uppgifterna",
    },
    "load.recursive_alias": {
        "en": "an alias refers to a mapping or list that contains it (a recursive alias)",
        "sv": "ett alias hänvisar till en samling eller lista som innehåller det "
        "(ett rekursivt alias)",
    },
    "load.recursive_alias.hint": {
        "en": "write the data out instead of referring to itself with *alias",
        "sv": "skriv ut uppgifterna i stället för att hänvisa till sig själv med *alias",
    },
    "load.alias_bomb": {
        "en": "the document expands to far more values than its text holds "
        "(aliases that repeat aliases, an 'alias bomb')",
        "sv": "dokumentet växer till långt fler värden än texten innehåller "
        "(alias som upprepar alias, en 'aliasbomb')",
    },
    "load.alias_bomb.hint": {
        "en": "write the data out; toc refuses documents whose aliases multiply them",
        "sv": "skriv ut uppgifterna; toc vägrar dokument vars alias mångfaldigar dem",
    },
    "load.alias_text_bomb": {
        "en": "the document's aliases repeat far more text than the file holds (an 'alias bomb')",
        "sv": "dokumentets alias upprepar långt mer text än filen innehåller (en 'aliasbomb')",
    },
    "load.alias_text_bomb.hint": {
        "en": "write the text out; toc refuses documents whose aliases multiply it",
        "sv": "skriv ut texten; toc vägrar dokument vars alias mångfaldigar den",
    },
    "load.tag": {
        "en": "YAML tag {tag!r} is not allowed",
        "sv": "YAML-taggen {tag!r} är inte tillåten",
    },
    "load.tag.hint": {
        "en": "toc files hold plain data (text, numbers, true/false, lists and mappings); "
        "remove the '!' tag",
        "sv": "toc-filer innehåller bara enkla uppgifter (text, tal, true/false, listor och "
        "samlingar); ta bort taggen med '!'",
    },
    "load.tag_value": {
        "en": "{value!r} is not a value of the YAML tag {tag!r}",
        "sv": "{value!r} är inget värde för YAML-taggen {tag!r}",
    },
    "load.tag_value.hint": {
        "en": "remove the '!!' tag and write the value plainly",
        "sv": "ta bort taggen med '!!' och skriv värdet som det är",
    },
    "load.unreadable": {
        "en": "the text cannot be read as YAML",
        "sv": "texten går inte att läsa som YAML",
    },
    "load.unreadable.hint": {"en": "save it as UTF-8 text", "sv": "spara den som UTF-8-text"},
    "load.tab": {
        "en": "a tab indents this line; YAML indents with spaces only",
        "sv": "raden är indragen med tabb; YAML drar bara in med mellanslag",
    },
    "load.tab.hint": {
        "en": "replace the tabs at the start of the line with spaces (most editors can put "
        "spaces for the Tab key)",
        "sv": "byt tabbarna i början av raden mot mellanslag (de flesta redigerare kan skriva "
        "mellanslag när man trycker på Tab)",
    },
    "load.yaml_syntax": {"en": "invalid YAML: {what}", "sv": "ogiltig YAML: {what}"},
    "load.yaml_syntax.hint": {
        "en": "check indentation, colons and quotes near this position",
        "sv": "kontrollera indrag, kolon och citattecken nära den här platsen",
    },
    "load.yaml_error.hint": {"en": "check the file's syntax", "sv": "kontrollera filens syntax"},
    "load.json_syntax": {"en": "invalid JSON: {what}", "sv": "ogiltig JSON: {what}"},
    "load.json_syntax.hint": {
        "en": "check commas, brackets and quotes near this position",
        "sv": "kontrollera kommatecken, hakparenteser och citattecken nära den här platsen",
    },
    "load.duplicate_json_key": {
        "en": "duplicate key {key!r} in one object",
        "sv": "nyckeln {key!r} står två gånger i samma objekt",
    },
    "load.duplicate_json_key.hint": {
        "en": "a key may appear only once per object; merge the two or rename one",
        "sv": "en nyckel får bara stå en gång per objekt; slå ihop de två eller byt namn på "
        "den ena",
    },
    "load.json_constant": {
        "en": "invalid JSON: {name} is not a JSON number",
        "sv": "ogiltig JSON: {name} är inget tal i JSON",
    },
    "load.json_constant.hint": {"en": "write a finite number", "sv": "skriv ett ändligt tal"},
    "load.json_long_number": {
        "en": "invalid JSON: a number has more digits than toc reads",
        "sv": "ogiltig JSON: ett tal har fler siffror än toc läser",
    },
    "load.json_surrogate": {
        "en": "the text holds half of a UTF-16 surrogate pair (such as \\ud800), "
        "which is not a character",
        "sv": "texten innehåller en halva av ett UTF-16-surrogatpar (som \\ud800), "
        "vilket inte är ett tecken",
    },
    "load.json_surrogate.hint": {
        "en": "write the character itself, or both halves of the pair",
        "sv": "skriv själva tecknet, eller båda halvorna av paret",
    },
    "load.empty_document": {"en": "the document is empty", "sv": "dokumentet är tomt"},
    "load.empty_document.hint": {
        "en": "start with `format: 1`, an `id` and a `title`; `toc new` writes a starter",
        "sv": "börja med `format: 1`, ett `id` och en `title`; `toc new` skriver en mall",
    },
    "load.not_utf8": {
        "en": "the file is not UTF-8 text (byte 0x{byte:02x} at offset {offset})",
        "sv": "filen är inte UTF-8-text (byte 0x{byte:02x} på position {offset})",
    },
    "load.utf16": {
        "en": "the file is UTF-16 text, not UTF-8",
        "sv": "filen är UTF-16-text, inte UTF-8",
    },
    "load.utf8.hint": {
        "en": "save the file as UTF-8 (in most editors: Save as → Encoding → UTF-8)",
        "sv": "spara filen som UTF-8 (i de flesta redigerare: Spara som → Kodning → UTF-8)",
    },
    # rules of the models (mechanisms.types, mechanisms.model, toc.model)
    "load.custom.control_character": {
        "en": "the text holds the control character {code} at character {at}",
        "sv": "texten innehåller styrtecknet {code} vid tecken {at}",
    },
    "load.custom.control_character.hint": {
        "en": "remove it: text keeps tabs and line breaks, no other control character "
        '(in YAML it comes from an escape such as "\\e" or "\\x1b", in JSON from \\u001b)',
        "sv": "ta bort det: text får innehålla tabbar och radbrytningar, inga andra styrtecken "
        '(i YAML kommer det från en kod som "\\e" eller "\\x1b", i JSON från \\u001b)',
    },
    "load.custom.noncharacter": {
        "en": "the text holds {code}, which is not a character, at character {at}",
        "sv": "texten innehåller {code}, som inte är ett tecken, vid tecken {at}",
    },
    "load.custom.noncharacter.hint": {"en": "remove it", "sv": "ta bort det"},
    "load.custom.lone_surrogate": {
        "en": "the text holds {code}, half of a UTF-16 surrogate pair, at character {at}",
        "sv": "texten innehåller {code}, en halva av ett UTF-16-surrogatpar, vid tecken {at}",
    },
    "load.custom.lone_surrogate.hint": {
        "en": "write the character itself, or both halves of the pair",
        "sv": "skriv själva tecknet, eller båda halvorna av paret",
    },
    "load.custom.string_unicode": {
        "en": "the text holds half of a UTF-16 surrogate pair, which is not a character",
        "sv": "texten innehåller en halva av ett UTF-16-surrogatpar, vilket inte är ett tecken",
    },
    "load.custom.string_unicode.hint": {
        "en": "write the character itself, or both halves of the pair",
        "sv": "skriv själva tecknet, eller båda halvorna av paret",
    },
    "load.custom.likelihood_alone": {
        "en": "{given} is given without {missing}: give both likelihoods, "
        "or a `test` type whose default fills the other",
        "sv": "{given} är angiven utan {missing}: ange båda sannolikheterna, "
        "eller en `test`-typ vars standardvärde fyller i den andra",
    },
    "load.custom.scale_repeats": {
        "en": "scale steps must be different from each other",
        "sv": "skalans steg måste skilja sig från varandra",
    },
    "load.custom.counts_scale": {
        "en": "{counts} counts for {steps} scale steps: give one count per scale step",
        "sv": "{counts} antal för {steps} skalsteg: ange ett antal per skalsteg",
    },
    "load.custom.top_not_a_step": {
        "en": "{step} is not a step of scale {scale}",
        "sv": "{step} är inget steg i skalan {scale}",
    },
    "load.custom.top_empty": {
        "en": "name at least one scale step",
        "sv": "ange minst ett steg i skalan",
    },
    "load.custom.top_not_highest": {
        "en": "must name the highest steps of the scale, here {wanted} for {n} step(s)",
        "sv": "måste ange skalans högsta steg, här {wanted} för {n} steg",
    },
    "load.custom.acknowledged_without_rationale": {
        "en": "a judgement that acknowledges a finding needs a `rationale` saying why",
        "sv": "en bedömning som godtar ett fynd behöver en `rationale` som säger varför",
    },
    "load.custom.stage_twice": {
        "en": "stage {stage} is listed twice: each stage once",
        "sv": "steget {stage} står två gånger: ange varje steg en gång",
    },
    "load.custom.unknown_check": {
        "en": "unknown check {word}",
        "sv": "okänd kontroll {word}",
    },
    "load.custom.unknown_check.hint": {
        "en": "use a code such as TOC006 or a name such as link-without-mechanism",
        "sv": "använd en kod som TOC006 eller ett namn som link-without-mechanism",
    },
    # ---- end loading
    # ---- judgement (issue 4): verdicts, toc judge, consistency findings TOC101-TOC112
    "judge.support.supported": {"en": "supported", "sv": "stödd"},
    "judge.support.at_risk": {"en": "at risk", "sv": "i riskzonen"},
    "judge.support.unassessed": {"en": "unassessed", "sv": "ej bedömd"},
    "judge.support.title": {"en": "Pathway support", "sv": "Stöd för vägarna"},
    "judge.colour.green": {"en": "green", "sv": "grön"},
    "judge.colour.red": {"en": "red", "sv": "röd"},
    "judge.direction.for": {"en": "for", "sv": "för"},
    "judge.direction.against": {"en": "against", "sv": "emot"},
    "judge.direction.none": {"en": "neither way", "sv": "åt något håll"},
    "judge.kind.mechanism": {"en": "mechanism", "sv": "mekanismen"},
    "judge.kind.rival": {"en": "rival explanation", "sv": "den alternativa förklaringen"},
    "judge.kind.condition": {"en": "condition", "sv": "förutsättningen"},
    "judge.in": {"en": " in {name}", "sv": " i {name}"},
    "judge.across": {"en": " across all interventions", "sv": " samlat för alla insatser"},
    "judge.posterior_detail": {"en": " (posterior {p})", "sv": " (sannolikhet {p})"},
    "judge.title": {"en": "Judgement: {title}", "sv": "Bedömning: {title}"},
    "judge.thresholds": {
        "en": "Suggestions: held at posterior ≥ {held}, did not hold at ≤ {not_held}, "
        "inconclusive between; prior {prior} unless the mechanism gives one.",
        "sv": "Förslag: höll vid sannolikhet ≥ {held}, höll inte vid ≤ {not_held}, "
        "annars går inte att avgöra; a priori {prior} om mekanismen inte anger annat.",
    },
    "judge.matrix": {"en": "Mechanisms × interventions", "sv": "Mekanismer × insatser"},
    "judge.matrix.note": {
        "en": "Each cell: recorded verdict / suggestion from the evidence (posterior). "
        "* judged across all interventions; – does not apply; ! the suggestion changes "
        "with the prior ±0.2 or without one piece of evidence.",
        "sv": "Varje cell: registrerad bedömning / förslag utifrån underlaget (sannolikhet). "
        "* bedömd samlat för alla insatser; – gäller inte insatsen; ! förslaget ändras "
        "med a priori ±0,2 eller utan ett enskilt underlag.",
    },
    "judge.col.mechanism": {"en": "Mechanism", "sv": "Mekanism"},
    "judge.col.rival": {"en": "Rival explanation", "sv": "Alternativ förklaring"},
    "judge.col.condition": {"en": "Condition", "sv": "Förutsättning"},
    "judge.col.intervention": {"en": "Intervention", "sv": "Insats"},
    "judge.col.across": {"en": "All", "sv": "Samlat"},
    "judge.col.recorded": {"en": "Recorded", "sv": "Bedömt"},
    "judge.col.suggested": {"en": "Suggested", "sv": "Förslag"},
    "judge.col.posterior": {"en": "Posterior", "sv": "Sannolikhet"},
    "judge.col.survey": {"en": "Survey", "sv": "Enkät"},
    "judge.col.answered": {"en": "Answered", "sv": "Svarande"},
    "judge.col.dont_know": {"en": "Don't know", "sv": "Vet ej"},
    "judge.col.rule": {"en": "Rule", "sv": "Regel"},
    "judge.col.state": {"en": "State", "sv": "Läge"},
    "judge.col.outcome": {"en": "Outcome", "sv": "Effekt"},
    "judge.col.status": {"en": "Support", "sv": "Stöd"},
    "judge.col.rests_on": {"en": "Rests on", "sv": "Vilar på"},
    "judge.col.because": {"en": "Because of", "sv": "På grund av"},
    "judge.col.explains": {"en": "Would also explain", "sv": "Skulle också förklara"},
    "judge.all": {"en": "the document as a whole", "sv": "dokumentet som helhet"},
    "judge.none": {"en": "–", "sv": "–"},
    "judge.no_suggestion": {"en": "no suggestion", "sv": "inget förslag"},
    "judge.details": {"en": "Why", "sv": "Varför"},
    "judge.detail.cell": {
        "en": "{mechanism} in {intervention}: recorded {recorded}, suggested {suggested}",
        "sv": "{mechanism} i {intervention}: bedömt {recorded}, förslag {suggested}",
    },
    "judge.detail.prior": {"en": "prior {prior}", "sv": "a priori {prior}"},
    "judge.detail.unit": {
        "en": "{unit}: P(E|H) {p_true}, P(E|¬H) {p_false} → {after}",
        "sv": "{unit}: P(E|H) {p_true}, P(E|¬H) {p_false} → {after}",
    },
    "judge.detail.group": {
        "en": "group {group}, counted once as {item}",
        "sv": "gruppen {group}, räknad en gång som {item}",
    },
    "judge.detail.narrative": {
        "en": "narrative only (no test type or likelihoods): {items}",
        "sv": "endast berättande (ingen testtyp eller sannolikheter): {items}",
    },
    "judge.detail.balanced": {
        "en": "weigh neither way (mixed or neutral, test type only): {items}",
        "sv": "väger inte åt något håll (blandad eller neutral, bara testtyp): {items}",
    },
    "judge.detail.robust": {
        "en": "robust: prior {low}–{high} gives {v_low} / {v_high}; no single item changes it",
        "sv": "robust: a priori {low}–{high} ger {v_low} / {v_high}; inget enskilt underlag "
        "ändrar förslaget",
    },
    "judge.detail.prior_sensitive": {
        "en": "depends on the prior: {low} gives {v_low}, {high} gives {v_high}",
        "sv": "beror på a priori: {low} ger {v_low}, {high} ger {v_high}",
    },
    "judge.detail.pivotal": {
        "en": "rests on {units}: without it the suggestion would be {without}",
        "sv": "vilar på {units}: utan det skulle förslaget bli {without}",
    },
    "judge.detail.conditions": {"en": "conditions: {items}", "sv": "förutsättningar: {items}"},
    "judge.detail.history": {
        "en": "earlier: {verdict} ({date}{by})",
        "sv": "tidigare: {verdict} ({date}{by})",
    },
    "judge.undated": {"en": "undated", "sv": "odaterad"},
    "judge.line": {"en": "line {line}", "sv": "rad {line}"},
    "judge.conditions": {"en": "Conditions", "sv": "Förutsättningar"},
    "judge.conditions.note": {
        "en": 'Survey shares exclude "don\'t know"; green when more than half of the '
        "answers are in the top step (or top group), otherwise red.",
        "sv": 'Andelarna i enkäten räknas utan "vet ej"; grön när mer än hälften av '
        "svaren ligger i det översta steget (eller den översta gruppen), annars röd.",
    },
    "judge.rivals": {"en": "Rival explanations", "sv": "Alternativa förklaringar"},
    "judge.no_rivals": {"en": "No rival explanations.", "sv": "Inga alternativa förklaringar."},
    "judge.outcomes": {"en": "Outcomes at risk", "sv": "Effekter i riskzonen"},
    "judge.no_outcomes_at_risk": {
        "en": "No outcome is at risk: no path to an outcome is broken by a mechanism "
        "that did not hold.",
        "sv": "Ingen effekt är i riskzonen: ingen väg till en effekt bryts av en mekanism "
        "som inte höll.",
    },
    "judge.support_summary": {
        "en": "Pathway support of {n} outcomes: {supported} supported, {at_risk} at risk, "
        "{unassessed} unassessed.",
        "sv": "Stöd för vägarna till {n} effekter: {supported} stödda, {at_risk} i riskzonen, "
        "{unassessed} ej bedömda.",
    },
    "judge.findings": {"en": "Findings", "sv": "Anmärkningar"},
    "judge.no_findings": {
        "en": "No findings: the recorded verdicts and the evidence agree.",
        "sv": "Inga anmärkningar: de registrerade bedömningarna och underlaget stämmer överens.",
    },
    "TOC101": {
        "en": "{what} {about!r}{where}: recorded as {recorded}, but the evidence suggests "
        "{suggested}{detail}",
        "sv": "{what} {about!r}{where}: bedömd som {recorded}, men underlaget pekar på "
        "{suggested}{detail}",
    },
    "TOC101.hint": {
        "en": "the recorded verdict stands; check the evidence's test types and likelihoods, "
        "or explain the difference in the rationale",
        "sv": "den registrerade bedömningen står kvar; se över underlagets testtyper och "
        "sannolikheter, eller förklara skillnaden i motiveringen",
    },
    "TOC102": {
        "en": "{what} {about!r}{where}: recorded as {recorded}, the evidence suggests "
        "{suggested}{detail}",
        "sv": "{what} {about!r}{where}: bedömd som {recorded}, underlaget pekar på "
        "{suggested}{detail}",
    },
    "TOC102.hint": {
        "en": "fine if other knowledge weighs in: say why in the rationale, or record the "
        "evidence that decided it",
        "sv": "i sin ordning om annan kunskap väger in: säg varför i motiveringen, eller "
        "lägg till det underlag som avgjorde",
    },
    "TOC103": {
        "en": "the judgement of {about!r}{where} cites evidence {evidence!r}, which is "
        "about {other!r}",
        "sv": "bedömningen av {about!r}{where} hänvisar till underlaget {evidence!r}, som "
        "handlar om {other!r}",
    },
    "TOC103.hint": {
        "en": "cite evidence about {about!r}, or correct the item's `about`",
        "sv": "hänvisa till underlag om {about!r}, eller rätta underlagets `about`",
    },
    "TOC104": {
        "en": "the judgement of {about!r}{where} cites evidence {evidence!r} from another "
        "intervention ({other})",
        "sv": "bedömningen av {about!r}{where} hänvisar till underlaget {evidence!r} från en "
        "annan insats ({other})",
    },
    "TOC104.hint": {
        "en": "cite evidence from this intervention, or evidence that counts for all "
        "(no `intervention`)",
        "sv": "hänvisa till underlag från den här insatsen, eller till underlag som gäller "
        "alla (utan `intervention`)",
    },
    "TOC105": {
        "en": "{what} {about!r}{where} is judged held although conditions it depends on "
        "are absent: {other}",
        "sv": "{what} {about!r}{where} bedöms ha hållit trots att förutsättningar den "
        "bygger på saknas: {other}",
    },
    "TOC105.hint": {
        "en": "check the conditions' state, or explain in the rationale how it held without them",
        "sv": "kontrollera förutsättningarnas läge, eller förklara i motiveringen hur den "
        "höll ändå",
    },
    "TOC106": {
        "en": "{what} {about!r}{where} is judged ({recorded}) without any evidence",
        "sv": "{what} {about!r}{where} är bedömd ({recorded}) utan något underlag",
    },
    "TOC106.hint": {
        "en": "add evidence items with `about: {about}`",
        "sv": "lägg till underlag med `about: {about}`",
    },
    "TOC107": {
        "en": "{what} {about!r} is judged for {intervention!r}, but it does not apply to that "
        "intervention: none of its links (or outcomes) lies in its strand",
        "sv": "{what} {about!r} är bedömd för {intervention!r}, men gäller inte den insatsen: "
        "ingen av dess länkar (eller effekter) ligger i insatsens sträng",
    },
    "TOC107.hint": {
        "en": "attach it to a link whose nodes belong to {intervention!r} (or to all), or "
        "remove the judgement",
        "sv": "koppla den till en länk vars noder hör till {intervention!r} (eller till "
        "alla), eller ta bort bedömningen",
    },
    "TOC108": {
        "en": "{what} {about!r}{where}: recorded as {recorded}, but the survey rule gives "
        "{suggested} ({other})",
        "sv": "{what} {about!r}{where}: bedömd som {recorded}, men enkätregeln ger "
        "{suggested} ({other})",
    },
    "TOC108.hint": {
        "en": "the recorded state stands; explain in the rationale what outweighs the survey",
        "sv": "den registrerade bedömningen står kvar; förklara i motiveringen vad som väger "
        "tyngre än enkäten",
    },
    "TOC109": {
        "en": "{what} {about!r}{where}: recorded as {recorded}, the survey rule gives "
        "{suggested} ({other})",
        "sv": "{what} {about!r}{where}: bedömd som {recorded}, enkätregeln ger "
        "{suggested} ({other})",
    },
    "TOC109.hint": {
        "en": "fine if the rationale says why",
        "sv": "i sin ordning om motiveringen säger varför",
    },
    "TOC110": {
        "en": "evidence {evidence!r} has stance {stance!r}, but its likelihoods weigh "
        "{direction} {about!r}",
        "sv": "underlaget {evidence!r} har hållningen {stance!r}, men dess sannolikheter "
        "väger {direction} {about!r}",
    },
    "TOC110.hint": {
        "en": "check `stance`, `observed` and `p_if_true`/`p_if_false`; docs/judgement.md "
        "shows how they combine",
        "sv": "kontrollera `stance`, `observed` och `p_if_true`/`p_if_false`; "
        "docs/judgement.md visar hur de samverkar",
    },
    "TOC111": {
        "en": "{what} {about!r}{where}: the evidence makes it both certain and impossible "
        "(a likelihood of 0 on each side), so nothing can be suggested",
        "sv": "{what} {about!r}{where}: underlaget gör den både säker och omöjlig "
        "(sannolikheten 0 på båda sidor), så inget förslag kan ges",
    },
    "TOC111.hint": {
        "en": "use likelihoods of exactly 0 or 1 only for truly decisive evidence: {other}",
        "sv": "använd sannolikheterna 0 och 1 bara för verkligt avgörande underlag: {other}",
    },
    "TOC112": {
        "en": "{what} {about!r}{where} {verdict}: it would also explain {other}",
        "sv": "{what} {about!r}{where} {verdict}: den skulle också förklara {other}",
    },
    "TOC112.hint": {
        "en": "the contribution claim for these is weaker; say so where the report discusses them",
        "sv": "anspråket på insatsens bidrag blir svagare här; redovisa det i rapporten",
    },
    # ---- end judgement
    # ---- report
    "report.contents": {"en": "Contents", "sv": "Innehåll"},
    "report.scope": {
        "en": "This report covers the intervention {name} and the parts common to all.",
        "sv": "Rapporten avser insatsen {name} och de delar som är gemensamma för alla.",
    },
    "report.background": {"en": "Background", "sv": "Bakgrund"},
    "report.description": {"en": "Description", "sv": "Beskrivning"},
    "report.interventions": {"en": "Interventions", "sv": "Insatser"},
    "report.actors": {"en": "Actors", "sv": "Aktörer"},
    "report.col.name": {"en": "Name", "sv": "Namn"},
    "report.col.period": {"en": "Period", "sv": "Period"},
    "report.col.about_it": {"en": "About it", "sv": "Om insatsen"},
    "report.col.kind": {"en": "Kind", "sv": "Typ"},
    "report.col.source": {"en": "Source", "sv": "Källa"},
    "report.col.date": {"en": "Date", "sv": "Datum"},
    "report.col.summary": {"en": "Summary", "sv": "Sammanfattning"},
    "report.col.stance": {"en": "Direction", "sv": "Riktning"},
    "report.col.mechanism": {"en": "Mechanism", "sv": "Mekanism"},
    "report.col.question": {"en": "Question", "sv": "Fråga"},
    "report.col.dont_know": {"en": "Don't know", "sv": "Vet ej"},
    "report.col.answered": {"en": "Total answered", "sv": "Totalt antal svarande"},
    "report.col.rule": {"en": "Survey rule", "sv": "Enkätregeln"},
    "report.col.rival": {"en": "Rival explanation", "sv": "Alternativ förklaring"},
    "report.col.bears_on": {"en": "Bears on", "sv": "Gäller"},
    "report.col.indicator": {"en": "Indicator", "sv": "Indikator"},
    "report.col.outcome": {"en": "Outcome", "sv": "Effekt"},
    "report.col.baseline": {"en": "Baseline", "sv": "Utgångsvärde"},
    "report.col.target": {"en": "Target", "sv": "Målvärde"},
    "report.col.actual": {"en": "Latest value", "sv": "Senaste värde"},
    "report.col.status": {"en": "Status", "sv": "Status"},
    "report.col.code": {"en": "Code", "sv": "Kod"},
    "report.col.severity": {"en": "Severity", "sv": "Allvarlighet"},
    "report.col.finding": {"en": "Finding", "sv": "Anmärkning"},
    "report.col.where": {"en": "Where", "sv": "Plats"},
    "report.col.condition": {"en": "Condition", "sv": "Förutsättning"},
    "report.theory": {"en": "The theory of change", "sv": "Förändringsteorin"},
    "report.diagram_alt": {
        "en": "Diagram of the theory of change “{title}”: resources, activities and outcomes "
        "linked by arrows, coloured by the verdict on the mechanisms that explain them.",
        "sv": "Diagram över förändringsteorin ”{title}”: resurser, aktiviteter och effekter "
        "förbundna med pilar, färgade efter bedömningen av de mekanismer som förklarar dem.",
    },
    "report.diagram_missing": {
        "en": "The diagram could not be drawn: {reason}",
        "sv": "Diagrammet kunde inte ritas: {reason}",
    },
    "report.diagram_file": {
        "en": "The diagram as an image file",
        "sv": "Diagrammet som bildfil",
    },
    "report.legend": {"en": "Legend", "sv": "Teckenförklaring"},
    "report.more_dont_know": {
        "en": "more “don't know” than answers",
        "sv": "fler ”vet ej” än svar",
    },
    "report.legend_lead": {
        "en": (
            "The marks beside the badges M1, M2 … and the colour of the arrows show the current "
            "verdict on each mechanism:"
        ),
        "sv": (
            "Tecknen bredvid märkena M1, M2 … och pilarnas färg visar den aktuella bedömningen "
            "av varje mekanism:"
        ),
    },
    "report.mechanisms": {
        "en": "How did the change mechanisms work?",
        "sv": "Hur har förändringsmekanismerna fungerat?",
    },
    "report.assumption": {
        "en": "Assumption – change mechanism",
        "sv": "Antagande – förändringsmekanism",
    },
    "report.links_explained": {
        "en": "Links in the theory that it explains",
        "sv": "Länkar i förändringsteorin som antagandet förklarar",
    },
    "report.conditions_needed": {
        "en": "Conditions it depends on",
        "sv": "Förutsättningar som antagandet bygger på",
    },
    "report.evidence": {"en": "Evidence", "sv": "Underlag"},
    "report.evidence_common": {
        "en": "Common to all interventions",
        "sv": "Gemensamt för insatserna",
    },
    "report.no_evidence": {"en": "No evidence recorded.", "sv": "Inget underlag registrerat."},
    "report.quotes": {"en": "Quotes", "sv": "Citat"},
    "report.survey_answers": {
        "en": "{answered} answered, {dont_know} “don't know”",
        "sv": "{answered} svarade, {dont_know} ”vet ej”",
    },
    "report.judgement": {"en": "Judgement", "sv": "Bedömning"},
    "report.across": {"en": "All interventions", "sv": "Samtliga insatser"},
    "report.current": {"en": "Current judgement", "sv": "Aktuell bedömning"},
    "report.verdict": {"en": "Verdict", "sv": "Bedömning"},
    "report.confidence": {"en": "Confidence", "sv": "Säkerhet"},
    "report.rationale": {"en": "Rationale", "sv": "Motivering"},
    "report.judged_by": {"en": "Judged by", "sv": "Bedömd av"},
    "report.cited": {"en": "Evidence cited", "sv": "Åberopat underlag"},
    "report.history": {"en": "Earlier judgements", "sv": "Tidigare bedömningar"},
    "report.no_judgement": {"en": "No judgement recorded.", "sv": "Ingen bedömning registrerad."},
    "report.suggestion": {
        "en": "Suggestion from the evidence",
        "sv": "Förslag utifrån underlaget",
    },
    "report.posterior": {
        "en": "Probability that it holds",
        "sv": "Sannolikhet att antagandet håller",
    },
    "report.robustness": {"en": "Robustness", "sv": "Robusthet"},
    "report.no_suggestion": {
        "en": "No suggestion: the evidence carries no likelihoods.",
        "sv": "Inget förslag: underlaget saknar sannolikheter.",
    },
    "report.conflict": {"en": "Disagreement", "sv": "Avvikelse"},
    "report.conflict_text": {
        "en": "The recorded verdict ({recorded}) differs from the suggestion ({suggested}); "
        "the evaluator's verdict stands.",
        "sv": "Den registrerade bedömningen ({recorded}) skiljer sig från förslaget "
        "({suggested}); utvärderarens bedömning gäller.",
    },
    "report.matrix": {
        "en": "Verdicts by mechanism and intervention",
        "sv": "Bedömningar per mekanism och insats",
    },
    "report.matrix_lead": {
        "en": "The current recorded verdict in each cell; the suggestion from the evidence "
        "after “suggested”.",
        "sv": "Den aktuella registrerade bedömningen i varje cell; förslaget utifrån "
        "underlaget efter ”förslag”.",
    },
    "report.suggested": {"en": "suggested", "sv": "förslag"},
    "report.rivals": {
        "en": "Rival explanations and outcomes at risk",
        "sv": "Alternativa förklaringar och osäkra effekter",
    },
    "report.no_rivals": {
        "en": "No rival explanations are recorded.",
        "sv": "Inga alternativa förklaringar är registrerade.",
    },
    "report.at_risk": {
        "en": "Outcomes and links a rival explanation that held (or partly held) also explains:",
        "sv": "Effekter och länkar som en alternativ förklaring som höll (helt eller delvis) "
        "också förklarar:",
    },
    "report.none_at_risk": {
        "en": "No rival explanation held, so no outcome is at risk.",
        "sv": "Ingen alternativ förklaring höll, så ingen effekt är osäker av det skälet.",
    },
    "report.indicators": {"en": "Indicators", "sv": "Indikatorer"},
    "report.no_indicators": {
        "en": "No indicators are recorded.",
        "sv": "Inga indikatorer är registrerade.",
    },
    "report.status.met": {"en": "target met", "sv": "målet nått"},
    "report.status.not_met": {"en": "below target", "sv": "under målet"},
    "report.status.no_target": {"en": "no target set", "sv": "inget målvärde"},
    "report.status.no_reading": {"en": "not measured yet", "sv": "inte mätt ännu"},
    "report.appendix": {"en": "Appendix {number}: {title}", "sv": "Bilaga {number}: {title}"},
    "report.survey_table": {
        "en": "Table of survey answers",
        "sv": "Tabell över enkätsvar",
    },
    "report.survey_lead": {
        "en": "Shares are of those who answered; “don't know” is counted as non-response and "
        "shown beside the shares. A cell marked ✓ (green) is a question where more than half "
        "of the answers are in the top step of the scale: the survey supports it. A cell "
        "marked ✗ (red) is one where they are not: support is weak and needs extra attention.",
        "sv": "Andelarna är räknade på dem som svarat; ”vet ej” räknas som bortfall och "
        "redovisas bredvid. En cell markerad med ✓ (grön) är en fråga där mer än hälften av "
        "svaren ligger i skalans översta steg: enkäten ger stöd. En cell markerad med ✗ "
        "(röd) är en fråga där de inte gör det: stödet är svagt och behöver extra fokus.",
    },
    "report.no_surveys": {
        "en": "No survey evidence is recorded.",
        "sv": "Inget enkätunderlag är registrerat.",
    },
    "report.rule.support": {"en": "✓ supports", "sv": "✓ stöd"},
    "report.rule.weak": {"en": "✗ weak", "sv": "✗ svagt"},
    "report.survey_charts": {
        "en": "Distribution of the answers",
        "sv": "Svarsfördelning",
    },
    "report.chart_alt": {
        "en": "Bar chart: {question} – {parts}",
        "sv": "Stapeldiagram: {question} – {parts}",
    },
    "report.findings": {
        "en": "Findings of the structural check",
        "sv": "Anmärkningar från den strukturella kontrollen",
    },
    "report.no_findings": {
        "en": "The check found nothing to remark on.",
        "sv": "Kontrollen hittade inget att anmärka på.",
    },
    "report.stage.resources": {"en": "Resources", "sv": "Resurser"},
    "report.stage.activities": {"en": "Activities", "sv": "Aktiviteter"},
    "report.stage.short": {"en": "Short-term outcomes", "sv": "Effekter kort sikt"},
    "report.stage.medium": {"en": "Medium-term outcomes", "sv": "Effekter mellanlång sikt"},
    "report.stage.long": {"en": "Long-term outcomes", "sv": "Effekter lång sikt"},
    "report.confidence.low": {"en": "low", "sv": "låg"},
    "report.confidence.medium": {"en": "medium", "sv": "medel"},
    "report.confidence.high": {"en": "high", "sv": "hög"},
    "report.kind.interview": {"en": "interview", "sv": "intervju"},
    "report.kind.focus_group": {"en": "focus group", "sv": "gruppintervju"},
    "report.kind.observation": {"en": "observation", "sv": "observation"},
    "report.kind.document": {"en": "document", "sv": "dokument"},
    "report.kind.survey": {"en": "survey", "sv": "enkät"},
    "report.kind.register": {"en": "register", "sv": "register"},
    "report.kind.indicator": {"en": "indicator", "sv": "indikator"},
    "report.kind.other": {"en": "other", "sv": "annat"},
    "report.stance.supports": {"en": "supports", "sv": "stöder"},
    "report.stance.contradicts": {"en": "contradicts", "sv": "talar emot"},
    "report.stance.mixed": {"en": "mixed", "sv": "blandad"},
    "report.stance.neutral": {"en": "neutral", "sv": "neutral"},
    "report.actor.state": {"en": "state agency", "sv": "statlig myndighet"},
    "report.actor.region": {"en": "region", "sv": "region"},
    "report.actor.municipality": {"en": "municipality", "sv": "kommun"},
    "report.actor.civil_society": {"en": "civil society", "sv": "civilsamhälle"},
    "report.actor.private": {"en": "private sector", "sv": "privat sektor"},
    "report.actor.user": {"en": "service users", "sv": "brukare"},
    "report.actor.other": {"en": "other", "sv": "annan"},
    "report.severity.error": {"en": "error", "sv": "fel"},
    "report.severity.warning": {"en": "warning", "sv": "varning"},
    "report.severity.info": {"en": "note", "sv": "notering"},
    "report.no_value": {"en": "–", "sv": "–"},
    "report.robust.stable": {
        "en": "stable (neither moving the prior by ±0.2 nor leaving out any one piece of "
        "evidence changes it)",
        "sv": "stabilt (varken en ändring av a priori-sannolikheten med ±0,2 eller att ett "
        "enskilt underlag tas bort ändrar förslaget)",
    },
    "report.robust.prior": {
        "en": "sensitive to the prior (moving it by ±0.2 changes the suggestion)",
        "sv": "känsligt för a priori-sannolikheten (en ändring med ±0,2 ändrar förslaget)",
    },
    "report.robust.pivotal": {
        "en": "rests on single pieces of evidence: {items}",
        "sv": "vilar på enskilda underlag: {items}",
    },
    "report.pathway_at_risk": {
        "en": "Outcomes at risk, where every pathway crosses a mechanism that did not hold:",
        "sv": "Osäkra effekter, där varje väg dit går genom en mekanism som inte höll:",
    },
    # ---- report for the board (issue 10): units, title page, audiences, sections
    "report.unit.percent": {"en": "{n}%", "sv": "{n}\u00a0%"},
    "report.unit.count": {"en": "{n}", "sv": "{n} st."},
    "report.unit.sek": {"en": "SEK {n}", "sv": "{n} kr"},
    "report.unit.persons": {"en": "{n} persons", "sv": "{n} personer"},
    "report.unit.persons.1": {"en": "{n} person", "sv": "{n} person"},
    "report.unit.days": {"en": "{n} days", "sv": "{n} dagar"},
    "report.unit.days.1": {"en": "{n} day", "sv": "{n} dag"},
    "report.unit.yes": {"en": "yes", "sv": "ja"},
    "report.unit.no": {"en": "no", "sv": "nej"},
    "report.fact.client": {"en": "Commissioned by", "sv": "Beställare"},
    "report.fact.evaluators": {"en": "Evaluators", "sv": "Utvärderare"},
    "report.fact.date": {"en": "Date", "sv": "Datum"},
    "report.fact.version": {"en": "Version", "sv": "Version"},
    "report.fact.status": {"en": "Status", "sv": "Status"},
    "report.summary": {"en": "Summary", "sv": "Sammanfattning"},
    "report.conclusions": {"en": "Conclusions", "sv": "Slutsatser"},
    "report.recommendations": {"en": "Recommendations", "sv": "Rekommendationer"},
    "report.changes": {
        "en": "Changes to the theory of change",
        "sv": "Förändringar i förändringsteorin",
    },
    "report.caption.table": {"en": "Table", "sv": "Tabell"},
    "report.caption.figure": {"en": "Figure", "sv": "Figur"},
    "report.caption.diagram": {
        "en": "The theory of change and the verdict on each mechanism",
        "sv": "Förändringsteorin och bedömningen av varje mekanism",
    },
    "report.caption.interventions": {"en": "The interventions", "sv": "Insatserna"},
    "report.caption.actors": {"en": "The actors", "sv": "Aktörerna"},
    "report.caption.rivals": {"en": "Rival explanations", "sv": "Alternativa förklaringar"},
    "report.caption.survey": {"en": "Survey answers", "sv": "Enkätsvar"},
    "report.caption.indicators": {
        "en": "Indicators of the outcomes",
        "sv": "Indikatorer för effekterna",
    },
    "report.note.suggested": {
        "en": "suggested by the evidence, not yet judged by the evaluator",
        "sv": "föreslagen av underlaget, inte fastställd av utvärderaren",
    },
    "report.note.across": {
        "en": "judged across all interventions",
        "sv": "bedömd samlat för alla insatser",
    },
    "report.note.no_verdict": {
        "en": "not judged, or the mechanism does not apply to the intervention",
        "sv": "inte bedömd, eller så gäller mekanismen inte insatsen",
    },
    "report.matrix_lead_board": {
        "en": "The verdict that stands in each cell: the evaluator's, or where there is none "
        "yet, the evidence's suggestion (marked *).",
        "sv": "Den bedömning som gäller i varje cell: utvärderarens, eller där ingen finns "
        "ännu, underlagets förslag (markerat med *).",
    },
    "report.scale": {"en": "scale", "sv": "skala"},
    "report.toc_field": {
        "en": "The table of contents is filled in when the document is opened in Word "
        "(or: right-click here and choose Update Field).",
        "sv": "Innehållsförteckningen fylls i när dokumentet öppnas i Word "
        "(eller: högerklicka här och välj Uppdatera fält).",
    },
    "report.page": {"en": "Page", "sv": "Sida"},
    "report.logo_alt": {"en": "Logo", "sv": "Logotyp"},
    "report.changes_alt": {
        "en": "Diagram of the theory of change with what was added, removed or changed since "
        "the earlier version marked.",
        "sv": "Diagram över förändringsteorin där det som tillkommit, tagits bort eller ändrats "
        "sedan den tidigare versionen är markerat.",
    },
    "report.col.answer": {"en": "Answer", "sv": "Svar"},
    "report.col.count": {"en": "Number", "sv": "Antal"},
    "report.col.share": {"en": "Share", "sv": "Andel"},
    # the diagram's mark for a verdict judged across all interventions (issue 10)
    "render.legend.across": {
        "en": "†: judged across all interventions",
        "sv": "†: bedömd samlat för alla insatser",
    },
    # ---- end report
    # ---- diff (toc diff, the diff diagram, the report's section on changes)
    "diff.section.document": {"en": "Document", "sv": "Dokumentet"},
    "diff.section.nodes": {"en": "Boxes (nodes)", "sv": "Rutor (noder)"},
    "diff.section.links": {"en": "Links", "sv": "Länkar"},
    "diff.section.mechanisms": {"en": "Mechanisms", "sv": "Mekanismer"},
    "diff.section.conditions": {"en": "Conditions", "sv": "Förutsättningar"},
    "diff.section.rivals": {"en": "Rival explanations", "sv": "Alternativa förklaringar"},
    "diff.section.interventions": {"en": "Interventions", "sv": "Insatser"},
    "diff.section.actors": {"en": "Actors", "sv": "Aktörer"},
    "diff.section.indicators": {"en": "Indicators", "sv": "Indikatorer"},
    "diff.section.evidence": {"en": "Evidence", "sv": "Underlag"},
    "diff.section.evidence_counts": {
        "en": "Evidence (items about each mechanism, condition, rival, box or link)",
        "sv": "Underlag (antal om varje mekanism, förutsättning, rival, ruta eller länk)",
    },
    "diff.section.verdicts": {
        "en": "Current verdicts (recorded judgements)",
        "sv": "Aktuella bedömningar (fastställda)",
    },
    "diff.old": {"en": "old", "sv": "gammal"},
    "diff.new": {"en": "new", "sv": "ny"},
    "diff.none": {"en": "none", "sv": "ingen"},
    "diff.renamed": {"en": "renamed from {old}", "sv": "nytt id, tidigare {old}"},
    "diff.follows": {"en": "links that followed:", "sv": "länkar som följde med:"},
    "diff.about": {"en": "about {about}", "sv": "om {about}"},
    "diff.same": {"en": "No differences.", "sv": "Inga skillnader."},
    "diff.summary": {
        "en": "{added} added, {removed} removed, {changed} changed, {renamed} renamed, "
        "{verdicts} verdicts moved",
        "sv": "{added} tillagda, {removed} borttagna, {changed} ändrade, {renamed} med nytt id, "
        "{verdicts} bedömningar ändrade",
    },
    "diff.heading": {
        "en": "Changes to the theory of change",
        "sv": "Förändringar i förändringsteorin",
    },
    "diff.diagram.since": {"en": "Changes since: {title}", "sv": "Förändringar sedan: {title}"},
    "diff.diagram.title": {"en": "Changes", "sv": "Förändringar"},
    "diff.diagram.added": {"en": "added (bold outline)", "sv": "tillagd (fet ram)"},
    "diff.diagram.removed": {
        "en": "removed, shown where it was (dashed)",
        "sv": "borttagen, visad där den var (streckad)",
    },
    "diff.diagram.changed": {
        "en": "changed or renamed (dotted)",
        "sv": "ändrad eller med nytt id (prickad)",
    },
    "diff.diagram.unchanged": {"en": "unchanged (grey)", "sv": "oförändrad (grå)"},
    "diff.diagram.verdicts": {
        "en": "Marks after M, the current verdict in this version: {verdicts}",
        "sv": "Tecken efter M, aktuell bedömning i den här versionen: {verdicts}",
    },
    "diff.report.intro": {
        "en": "This section compares the theory of change of this report with the earlier "
        "version “{old}”. {added} parts were added, {removed} removed and {changed} changed; "
        "the current verdict moved for {verdicts} mechanisms, conditions and rival "
        "explanations, counted per intervention. The diagram shows this version with what "
        "was removed where it was.",
        "sv": "Avsnittet jämför förändringsteorin i den här rapporten med den tidigare "
        "versionen ”{old}”. {added} delar har lagts till, {removed} tagits bort och {changed} "
        "ändrats; den aktuella bedömningen har ändrats för {verdicts} mekanismer, "
        "förutsättningar och alternativa förklaringar, räknat per insats. Figuren visar den "
        "här versionen med det som tagits bort där det fanns.",
    },
    "diff.report.same": {
        "en": "The theory of change is the same as in the earlier version “{old}”.",
        "sv": "Förändringsteorin är densamma som i den tidigare versionen ”{old}”.",
    },
    "diff.report.caption": {
        "en": "The theory of change with its changes since “{old}”",
        "sv": "Förändringsteorin med förändringarna sedan ”{old}”",
    },
    "diff.report.group.document": {"en": "The document", "sv": "Dokumentet"},
    "diff.report.group.nodes": {"en": "Boxes", "sv": "Rutor"},
    "diff.report.group.links": {"en": "Arrows", "sv": "Pilar"},
    "diff.report.group.mechanisms": {
        "en": "Mechanism assumptions",
        "sv": "Antaganden om förändringsmekanismer",
    },
    "diff.report.group.conditions": {"en": "Conditions", "sv": "Förutsättningar"},
    "diff.report.group.rivals": {"en": "Rival explanations", "sv": "Alternativa förklaringar"},
    "diff.report.group.interventions": {"en": "Interventions", "sv": "Insatser"},
    "diff.report.group.actors": {"en": "Actors", "sv": "Aktörer"},
    "diff.report.group.indicators": {"en": "Indicators", "sv": "Indikatorer"},
    "diff.report.group.evidence": {"en": "Evidence", "sv": "Underlag"},
    "diff.report.group.verdicts": {"en": "Judgements", "sv": "Bedömningar"},
    "diff.report.added.nodes": {
        "en": "New box under {stage}: “{name}”.",
        "sv": "Ny ruta under {stage}: ”{name}”.",
    },
    "diff.report.removed.nodes": {
        "en": "Box removed from {stage}: “{name}”.",
        "sv": "Borttagen ruta under {stage}: ”{name}”.",
    },
    "diff.report.added.links": {
        "en": "New arrow from “{a}” to “{b}”.",
        "sv": "Ny pil från ”{a}” till ”{b}”.",
    },
    "diff.report.removed.links": {
        "en": "Arrow removed from “{a}” to “{b}”.",
        "sv": "Borttagen pil från ”{a}” till ”{b}”.",
    },
    "diff.report.added.mechanisms": {
        "en": "New mechanism assumption: “{name}”.",
        "sv": "Nytt antagande om förändringsmekanism: ”{name}”.",
    },
    "diff.report.removed.mechanisms": {
        "en": "Mechanism assumption removed: “{name}”.",
        "sv": "Borttaget antagande om förändringsmekanism: ”{name}”.",
    },
    "diff.report.added.conditions": {
        "en": "New condition: “{name}”.",
        "sv": "Ny förutsättning: ”{name}”.",
    },
    "diff.report.removed.conditions": {
        "en": "Condition removed: “{name}”.",
        "sv": "Borttagen förutsättning: ”{name}”.",
    },
    "diff.report.added.rivals": {
        "en": "New rival explanation: “{name}”.",
        "sv": "Ny alternativ förklaring: ”{name}”.",
    },
    "diff.report.removed.rivals": {
        "en": "Rival explanation removed: “{name}”.",
        "sv": "Borttagen alternativ förklaring: ”{name}”.",
    },
    "diff.report.added.interventions": {
        "en": "New intervention: “{name}”.",
        "sv": "Ny insats: ”{name}”.",
    },
    "diff.report.removed.interventions": {
        "en": "Intervention removed: “{name}”.",
        "sv": "Borttagen insats: ”{name}”.",
    },
    "diff.report.added.actors": {"en": "New actor: {name}.", "sv": "Ny aktör: {name}."},
    "diff.report.removed.actors": {
        "en": "Actor removed: {name}.",
        "sv": "Borttagen aktör: {name}.",
    },
    "diff.report.added.indicators": {
        "en": "New indicator for “{parent}”: “{name}”.",
        "sv": "Ny indikator för ”{parent}”: ”{name}”.",
    },
    "diff.report.removed.indicators": {
        "en": "Indicator removed from “{parent}”: “{name}”.",
        "sv": "Borttagen indikator för ”{parent}”: ”{name}”.",
    },
    "diff.report.the.nodes": {"en": "The box “{name}”", "sv": "Rutan ”{name}”"},
    "diff.report.the.links": {
        "en": "The arrow from “{a}” to “{b}”",
        "sv": "Pilen från ”{a}” till ”{b}”",
    },
    "diff.report.the.mechanisms": {
        "en": "The mechanism assumption “{name}”",
        "sv": "Antagandet ”{name}”",
    },
    "diff.report.the.conditions": {
        "en": "The condition “{name}”",
        "sv": "Förutsättningen ”{name}”",
    },
    "diff.report.the.rivals": {
        "en": "The rival explanation “{name}”",
        "sv": "Den alternativa förklaringen ”{name}”",
    },
    "diff.report.the.interventions": {"en": "The intervention “{name}”", "sv": "Insatsen ”{name}”"},
    "diff.report.the.actors": {"en": "The actor {name}", "sv": "Aktören {name}"},
    "diff.report.the.indicators": {"en": "The indicator “{name}”", "sv": "Indikatorn ”{name}”"},
    "diff.report.changed": {"en": "{the}: {what}.", "sv": "{the}: {what}."},
    "diff.report.was": {"en": "previously “{old}”", "sv": "tidigare ”{old}”"},
    "diff.report.stage": {
        "en": "moved from {old} to {new}",
        "sv": "flyttad från {old} till {new}",
    },
    "diff.report.reworded": {"en": "reworded, now: “{new}”", "sv": "omformulerat, nu: ”{new}”"},
    "diff.report.strand": {
        "en": "now in {new} (previously {old})",
        "sv": "hör nu till {new} (tidigare {old})",
    },
    "diff.report.actors.added": {"en": "now also carried by {names}", "sv": "nu också med {names}"},
    "diff.report.actors.removed": {
        "en": "no longer carried by {names}",
        "sv": "inte längre med {names}",
    },
    "diff.report.links.added": {
        "en": "now also explains {names}",
        "sv": "förklarar nu också {names}",
    },
    "diff.report.links.removed": {
        "en": "no longer explains {names}",
        "sv": "förklarar inte längre {names}",
    },
    "diff.report.conditions.added": {
        "en": "now also depends on {names}",
        "sv": "beror nu också på {names}",
    },
    "diff.report.conditions.removed": {
        "en": "no longer depends on {names}",
        "sv": "beror inte längre på {names}",
    },
    "diff.report.about.added": {"en": "now also concerns {names}", "sv": "gäller nu också {names}"},
    "diff.report.about.removed": {
        "en": "no longer concerns {names}",
        "sv": "gäller inte längre {names}",
    },
    "diff.report.mechanisms.added": {
        "en": "now also explained by {names}",
        "sv": "förklaras nu också av {names}",
    },
    "diff.report.mechanisms.removed": {
        "en": "no longer explained by {names}",
        "sv": "förklaras inte längre av {names}",
    },
    "diff.report.arrow": {"en": "the arrow “{a}” → “{b}”", "sv": "pilen ”{a}” → ”{b}”"},
    "diff.report.prior": {
        "en": "prior changed from {old} to {new}",
        "sv": "startsannolikheten ändrad från {old} till {new}",
    },
    "diff.report.period": {
        "en": "period changed from {old} to {new}",
        "sv": "perioden ändrad från {old} till {new}",
    },
    "diff.report.unset": {"en": "not set", "sv": "inte angiven"},
    "diff.report.feedback.on": {"en": "now a feedback loop", "sv": "nu en återkoppling"},
    "diff.report.feedback.off": {
        "en": "no longer a feedback loop",
        "sv": "inte längre en återkoppling",
    },
    "diff.report.measures": {
        "en": "now measures “{new}” (previously “{old}”)",
        "sv": "mäter nu ”{new}” (tidigare ”{old}”)",
    },
    "diff.report.field": {"en": "{field} changed", "sv": "ändring av {field}"},
    "diff.report.field.description": {"en": "description", "sv": "beskrivning"},
    "diff.report.field.label": {"en": "text", "sv": "text"},
    "diff.report.field.kind": {"en": "kind", "sv": "typ"},
    "diff.report.field.unit": {"en": "unit", "sv": "enhet"},
    "diff.report.field.baseline": {"en": "baseline", "sv": "utgångsvärde"},
    "diff.report.field.target": {"en": "target", "sv": "målvärde"},
    "diff.report.field.actual": {"en": "readings", "sv": "mätvärden"},
    "diff.report.field.method": {"en": "method", "sv": "metod"},
    "diff.report.field.frequency": {"en": "frequency", "sv": "frekvens"},
    "diff.report.field.name": {"en": "name", "sv": "namn"},
    "diff.report.field.title": {"en": "title", "sv": "rubrik"},
    "diff.report.field.language": {"en": "language", "sv": "språk"},
    "diff.report.field.stages": {"en": "stages", "sv": "steg"},
    "diff.report.field.checks": {"en": "check settings", "sv": "inställningar för kontroller"},
    "diff.report.field.statement": {"en": "statement", "sv": "formulering"},
    "diff.report.field.report": {"en": "report settings", "sv": "rapportinställningar"},
    "diff.report.removed.statement": {"en": "statement removed", "sv": "formuleringen borttagen"},
    "diff.report.document.title": {
        "en": "The title changed from “{old}” to “{new}”.",
        "sv": "Titeln ändrad från ”{old}” till ”{new}”.",
    },
    "diff.report.document.field": {"en": "The {field} changed.", "sv": "Ändring av {field}."},
    "diff.report.evidence": {
        "en": "“{name}”: evidence items {old} → {new}.",
        "sv": "”{name}”: antal underlag {old} → {new}.",
    },
    "diff.report.verdict": {"en": "{the}: {old} → {new}.", "sv": "{the}: {old} → {new}."},
    "diff.report.verdict.in": {"en": "{the} in {where}", "sv": "{the} i {where}"},
    # ---- end diff
    # ---- diagrams (toc.render): column headings, strand names, legend
    "render.stage.resources": {"en": "RESOURCES", "sv": "RESURSER"},
    "render.stage.activities": {"en": "ACTIVITIES/PROCESSES", "sv": "AKTIVITETER/PROCESSER"},
    "render.stage.short": {"en": "SHORT-TERM OUTCOMES", "sv": "EFFEKTER KORT SIKT"},
    "render.stage.medium": {"en": "MEDIUM-TERM OUTCOMES", "sv": "EFFEKTER MELLANLÅNG SIKT"},
    "render.stage.long": {"en": "LONG-TERM OUTCOMES", "sv": "EFFEKTER LÅNG SIKT"},
    "render.common": {"en": "Common", "sv": "Gemensamt"},
    "render.subtitle.intervention": {"en": "Intervention: {name}", "sv": "Insats: {name}"},
    "render.subtitle.focus": {
        "en": "What leads to and from: {label}",
        "sv": "Det som leder till och från: {label}",
    },
    "render.legend.mechanisms": {"en": "Mechanisms", "sv": "Mekanismer"},
    "render.legend.stages": {"en": "Colours: stage", "sv": "Färger: steg"},
    "render.legend.verdict": {"en": "Current verdict", "sv": "Aktuell bedömning"},
    "render.legend.suggested": {
        "en": "*: suggested by the evidence, not yet judged",
        "sv": "*: föreslagen av underlaget, inte fastställd",
    },
    "render.legend.cells": {
        "en": "Several marks: one per intervention ({names})",
        "sv": "Flera tecken: ett per insats ({names})",
    },
    "render.legend.feedback": {
        "en": "dashed arrow: feedback loop",
        "sv": "streckad pil: återkoppling",
    },
    "render.legend.no_mechanism": {
        "en": "arrow without a badge: no mechanism",
        "sv": "pil utan märke: ingen mekanism",
    },
    # ---- end diagrams
    # ---- presenting (toc render --preset/--focus/--reveal, toc serve)
    "render.subtitle.mechanism": {
        "en": "Pathways through M{number}: {title}",
        "sv": "Vägar genom M{number}: {title}",
    },
    "render.subtitle.depth": {
        "en": "up to {depth} steps away",
        "sv": "högst {depth} steg bort",
    },
    "render.projector.small": {
        "en": (
            "{file}: warning: fitted to a {screen} screen, the smallest text is {px} px; "
            "a projector needs at least {needed} px (1/50 of the screen height)"
        ),
        "sv": (
            "{file}: varning: anpassad till en skärm på {screen} blir den minsta texten "
            "{px} px; en projektor behöver minst {needed} px (1/50 av skärmens höjd)"
        ),
    },
    "render.projector.drop": {
        "en": "  drop what the room does not need now: {flags} gives {px} px",
        "sv": "  ta bort det rummet inte behöver nu: {flags} ger {px} px",
    },
    "render.projector.split": {
        "en": (
            "  even {flags} gives only {px} px: show one part at a time with "
            "--focus ID --depth 1, or --reveal N column by column"
        ),
        "sv": (
            "  även {flags} ger bara {px} px: visa en del i taget med "
            "--focus ID --depth 1, eller --reveal N kolumn för kolumn"
        ),
    },
    "serve.page.projector": {"en": "Projector", "sv": "Projektor"},
    "serve.page.legend": {"en": "Legend", "sv": "Teckenförklaring"},
    "serve.page.badges": {"en": "Badges", "sv": "Märken"},
    "serve.page.indicators": {"en": "Indicators", "sv": "Indikatorer"},
    "serve.page.colour": {"en": "Colour", "sv": "Färg"},
    "serve.page.strand": {"en": "Strand", "sv": "Spår"},
    "serve.page.all_strands": {"en": "All", "sv": "Alla"},
    "serve.page.reveal": {"en": "Reveal stage by stage", "sv": "Visa steg för steg"},
    "serve.page.all_stages": {"en": "all stages", "sv": "alla steg"},
    "serve.page.focus": {"en": "Focus", "sv": "Fokus"},
    "serve.page.wider": {"en": "Wider", "sv": "Vidare"},
    "serve.page.narrower": {"en": "Narrower", "sv": "Smalare"},
    "serve.page.clear": {"en": "Show all", "sv": "Visa allt"},
    "serve.page.fullscreen": {"en": "Full screen", "sv": "Helskärm"},
    "serve.page.download_svg": {"en": "SVG", "sv": "SVG"},
    "serve.page.download_png": {"en": "PNG", "sv": "PNG"},
    "serve.page.zoom_in": {"en": "Zoom in", "sv": "Zooma in"},
    "serve.page.zoom_out": {"en": "Zoom out", "sv": "Zooma ut"},
    "serve.page.fit": {"en": "Fit", "sv": "Anpassa"},
    "serve.page.keys": {"en": "Keys", "sv": "Tangenter"},
    "serve.page.findings": {"en": "Findings", "sv": "Fynd"},
    "serve.page.broken": {
        "en": "The file does not load as it is now.",
        "sv": "Filen går inte att läsa som den ser ut nu.",
    },
    "serve.page.kept": {
        "en": "The diagram shows the last version that loaded.",
        "sv": "Diagrammet visar den senaste versionen som gick att läsa.",
    },
    "serve.page.exposed": {
        "en": "Shown on the network: anyone who can reach this address can see the theory:",
        "sv": "Visas i nätverket: alla som når den här adressen kan se teorin:",
    },
    "serve.page.reconnecting": {
        "en": "Lost contact with toc serve; trying again…",
        "sv": "Tappade kontakten med toc serve; försöker igen …",
    },
    "serve.page.view_error": {
        "en": "That view no longer fits the file; showing everything",
        "sv": "Den vyn passar inte filen längre; visar allt",
    },
    "serve.page.waiting": {
        "en": "Waiting for the file to load…",
        "sv": "Väntar på att filen ska gå att läsa …",
    },
    "serve.panel.stage": {"en": "Stage", "sv": "Steg"},
    "serve.panel.strand": {"en": "Strand", "sv": "Spår"},
    "serve.panel.common": {"en": "Common", "sv": "Gemensamt"},
    "serve.panel.description": {"en": "Description", "sv": "Beskrivning"},
    "serve.panel.indicators": {"en": "Indicators", "sv": "Indikatorer"},
    "serve.panel.baseline": {"en": "baseline", "sv": "utgångsvärde"},
    "serve.panel.target": {"en": "target", "sv": "mål"},
    "serve.panel.actual": {"en": "latest", "sv": "senast"},
    "serve.panel.support": {"en": "Pathway support", "sv": "Stöd längs vägen"},
    "serve.panel.mechanism": {"en": "Mechanism", "sv": "Mekanism"},
    "serve.panel.statement": {"en": "Assumption", "sv": "Antagande"},
    "serve.panel.links": {"en": "Explains the arrows", "sv": "Förklarar pilarna"},
    "serve.panel.conditions": {"en": "Depends on", "sv": "Förutsätter"},
    "serve.panel.evidence": {"en": "Evidence", "sv": "Underlag"},
    "serve.panel.verdict": {"en": "Verdict", "sv": "Bedömning"},
    "serve.panel.judgement": {"en": "Judgements", "sv": "Bedömningar"},
    "serve.panel.suggestion": {"en": "the evidence suggests", "sv": "underlaget föreslår"},
    "serve.panel.posterior": {"en": "posterior", "sv": "a posteriori"},
    "serve.panel.by": {"en": "by", "sv": "av"},
    "serve.panel.none": {"en": "not judged", "sv": "inte bedömd"},
    "serve.panel.focus": {"en": "Focus here", "sv": "Fokusera här"},
    "serve.panel.close": {"en": "Close", "sv": "Stäng"},
    "serve.panel.findings": {"en": "Findings", "sv": "Fynd"},
    "serve.panel.no_findings": {"en": "No findings.", "sv": "Inga fynd."},
    # ---- end presenting
    # ---- synthesis (toc synthesise): the synthesis chapter, its tables and sheets
    "synth.title": {
        "en": "Synthesis: in which contexts did the mechanisms hold?",
        "sv": "Syntes: i vilka sammanhang höll mekanismerna?",
    },
    "synth.lead": {
        "en": "{evaluations} evaluations with {cases} cases and {mechanisms} mechanisms, "
        "{shared} of them found in more than one evaluation.",
        "sv": "{evaluations} utvärderingar med {cases} fall och {mechanisms} mekanismer, "
        "varav {shared} finns i mer än en utvärdering.",
    },
    "synth.sources": {"en": "Evaluations and cases", "sv": "Utvärderingar och fall"},
    "synth.sources.note": {
        "en": "A case is one intervention of one evaluation (an evaluation without "
        "interventions is one case), named document-id:intervention-id.",
        "sv": "Ett fall är en insats i en utvärdering (en utvärdering utan insatser är ett "
        "fall), med namnet dokument-id:insats-id.",
    },
    "synth.left_out": {
        "en": "Left out because they could not be read:",
        "sv": "Utelämnade eftersom de inte kunde läsas:",
    },
    "synth.duplicates": {
        "en": "Left out as earlier versions of an evaluation already included (the same "
        "document id, no later judgement):",
        "sv": "Utelämnade som tidigare versioner av en utvärdering som redan ingår (samma "
        "dokument-id, ingen senare bedömning):",
    },
    "synth.duplicate": {
        "en": "the document id {id!r} is also the id of {later}, the later version of that "
        "evaluation; this one is left out",
        "sv": "dokument-id:t {id!r} är också id för {later}, den senare versionen av den "
        "utvärderingen; den här lämnas utanför",
    },
    "synth.duplicate.hint": {
        "en": "give each evaluation its own `id`, or leave out earlier versions",
        "sv": "ge varje utvärdering ett eget `id`, eller lämna tidigare versioner utanför",
    },
    "synth.duplicate.unnamed": {"en": "another document", "sv": "ett annat dokument"},
    "synth.map": {
        "en": "Mechanisms and conditions with the same id are the same; the map {file} "
        "matches the ids that differ.",
        "sv": "Mekanismer och förutsättningar med samma id är desamma; kartan {file} "
        "matchar de id som skiljer sig.",
    },
    "synth.no_map": {
        "en": "Mechanisms and conditions are matched by id.",
        "sv": "Mekanismer och förutsättningar är matchade på id.",
    },
    "synth.unused": {
        "en": "The map names documents that are not among the evaluations: {items}.",
        "sv": "Kartan nämner dokument som inte finns bland utvärderingarna: {items}.",
    },
    "synth.matrix": {"en": "Verdicts across the evaluations", "sv": "Bedömningar i alla fall"},
    "synth.matrix.note": {
        "en": "Each cell is the verdict the mechanism's badge shows in that case: the "
        "recorded verdict, else the evidence's suggestion (marked *); † marks a judgement "
        "made across all the evaluation's interventions. An empty cell: the mechanism is "
        "not part of that case.",
        "sv": "Varje cell är den bedömning som mekanismens märke visar i fallet: den "
        "fastställda bedömningen, annars underlagets förslag (markerat *); † markerar en "
        "bedömning gjord samlat för utvärderingens alla insatser. Tom cell: mekanismen "
        "ingår inte i det fallet.",
    },
    "synth.legend": {"en": "Legend", "sv": "Teckenförklaring"},
    "synth.cmo": {
        "en": "Context, mechanism and outcome",
        "sv": "Sammanhang, mekanism och effekt",
    },
    "synth.cmo.note": {
        "en": "One row per case: the conditions the mechanism depends on with their state "
        "in the case (recorded, else by the survey rule, marked “survey”), the verdict, the "
        "outcomes its links lead to with their pathway support and indicators, the evidence "
        "by stance with its strongest test, and rival explanations that held.",
        "sv": "En rad per fall: de förutsättningar mekanismen beror av och hur de var i "
        "fallet (bedömt, annars enligt enkätregeln, markerat ”enkät”), bedömningen, de "
        "effekter dess länkar leder till med stöd och indikatorer, underlaget efter "
        "hållning med det starkaste testet, och alternativa förklaringar som höll.",
    },
    "synth.col.case": {"en": "Case", "sv": "Fall"},
    "synth.col.evaluation": {"en": "Evaluation", "sv": "Utvärdering"},
    "synth.col.name": {"en": "Intervention", "sv": "Insats"},
    "synth.col.mechanism": {"en": "Mechanism", "sv": "Mekanism"},
    "synth.col.condition": {"en": "Condition", "sv": "Förutsättning"},
    "synth.col.context": {"en": "Context (conditions)", "sv": "Sammanhang (förutsättningar)"},
    "synth.col.verdict": {"en": "Verdict", "sv": "Bedömning"},
    "synth.col.source": {"en": "From", "sv": "Från"},
    "synth.col.outcomes": {"en": "Outcomes", "sv": "Effekter"},
    "synth.col.evidence": {"en": "Evidence", "sv": "Underlag"},
    "synth.col.strongest": {"en": "Strongest test", "sv": "Starkaste test"},
    "synth.col.rivals": {"en": "Rivals that held", "sv": "Alternativa förklaringar som höll"},
    "synth.col.outcome": {"en": "Outcome", "sv": "Utfall"},
    "synth.col.n": {"en": "n", "sv": "n"},
    "synth.col.consistency": {"en": "Consistency", "sv": "Konsistens"},
    "synth.col.coverage": {"en": "Coverage", "sv": "Täckning"},
    "synth.col.cases": {"en": "Cases", "sv": "Fall"},
    "synth.col.present": {"en": "Present in", "sv": "Finns i"},
    "synth.col.both": {"en": "Present and held", "sv": "Finns och höll"},
    "synth.col.held": {"en": "Held", "sv": "Höll"},
    "synth.col.reason": {"en": "Why", "sv": "Varför"},
    "synth.col.kind": {"en": "Kind", "sv": "Slag"},
    "synth.col.id": {"en": "Id", "sv": "Id"},
    "synth.col.local": {"en": "Id in the evaluation", "sv": "Id i utvärderingen"},
    "synth.col.recorded": {"en": "Recorded", "sv": "Fastställd"},
    "synth.source.recorded": {"en": "recorded", "sv": "fastställd"},
    "synth.source.suggested": {"en": "suggested", "sv": "förslag"},
    "synth.survey": {"en": "survey", "sv": "enkät"},
    "synth.evidence": {"en": "{count} items: {stances}", "sv": "{count} underlag: {stances}"},
    "synth.evidence.strongest": {"en": "strongest: {test}", "sv": "starkast: {test}"},
    "synth.evidence.none": {"en": "no evidence", "sv": "inget underlag"},
    "synth.stance.unstated": {"en": "no stance", "sv": "ingen hållning"},
    "synth.test.straw_in_the_wind": {"en": "straw in the wind", "sv": "halmstrå i vinden"},
    "synth.test.hoop": {"en": "hoop test", "sv": "nödvändighetstest (hoop)"},
    "synth.test.smoking_gun": {"en": "smoking gun", "sv": "rykande pistol"},
    "synth.test.doubly_decisive": {"en": "doubly decisive", "sv": "dubbelt avgörande"},
    "synth.indicator": {"en": "{name}: {status}", "sv": "{name}: {status}"},
    "synth.truth": {"en": "Truth tables", "sv": "Sanningstabeller"},
    "synth.truth.note": {
        "en": "Crisp sets, as in qualitative comparative analysis (QCA): a condition is 1 "
        "where it was present, 0 where it was absent; the outcome is 1 where the recorded "
        "verdict is “held”, 0 where it is “did not hold”. {partly} {states} Too early to say, "
        "inconclusive and no recorded verdict leave the case out. A row's outcome is 1 "
        "(every case held), 0 (none did), C (a contradiction: some did) or ? (no case); "
        "its consistency is the share of its cases that held.",
        "sv": "Skarpa mängder, som i kvalitativ komparativ analys (QCA): en förutsättning "
        "är 1 där den fanns och 0 där den saknades; utfallet är 1 där den fastställda "
        "bedömningen är höll och 0 där den är höll inte. {partly} {states} För tidigt att "
        "säga, går inte att avgöra och ingen fastställd bedömning utelämnar fallet. En rads "
        "utfall är 1 (alla fall höll), 0 (inget höll), C (en motsägelse: några höll) eller "
        "? (inget fall); konsistensen är andelen av radens fall som höll.",
    },
    "synth.partly.exclude": {
        "en": "Partly held leaves the case out.",
        "sv": "Höll delvis utelämnar fallet.",
    },
    "synth.partly.held": {
        "en": "Partly held counts as held (1).",
        "sv": "Höll delvis räknas som höll (1).",
    },
    "synth.partly.not_held": {
        "en": "Partly held counts as did not hold (0).",
        "sv": "Höll delvis räknas som höll inte (0).",
    },
    "synth.states": {
        "en": "Partly present is {partly_present}; unknown is {unknown}.",
        "sv": "Finns delvis {partly_present}; okänt {unknown}.",
    },
    "synth.coding.present": {"en": "coded 1", "sv": "räknas som 1"},
    "synth.coding.absent": {"en": "coded 0", "sv": "räknas som 0"},
    "synth.coding.undecided": {
        "en": "undecided (the case is left out)",
        "sv": "oavgjort (fallet utelämnas)",
    },
    "synth.truth.conditions": {"en": "Conditions:", "sv": "Förutsättningar:"},
    "synth.truth.fit": {
        "en": "Each condition alone: present → held",
        "sv": "Varje förutsättning för sig: finns → höll",
    },
    "synth.truth.fit.note": {
        "en": "Over the cases in the table: consistency = cases with the condition that "
        "held / cases with the condition; coverage = cases with the condition that held / "
        "cases that held.",
        "sv": "Över fallen i tabellen: konsistens = fall med förutsättningen som höll / fall "
        "med förutsättningen; täckning = fall med förutsättningen som höll / fall som höll.",
    },
    "synth.truth.excluded": {
        "en": "Left out because of the outcome:",
        "sv": "Utelämnade på grund av utfallet:",
    },
    "synth.truth.undecided": {
        "en": "Left out as undecided:",
        "sv": "Utelämnade som oavgjorda:",
    },
    "synth.truth.survey": {
        "en": "Values that rest on the survey rule, not on a judgement: {items}.",
        "sv": "Värden som vilar på enkätregeln, inte på en bedömning: {items}.",
    },
    "synth.truth.remainders": {
        "en": "{n} configurations without a case are not listed.",
        "sv": "{n} kombinationer utan fall visas inte.",
    },
    "synth.truth.empty": {
        "en": "No case could be coded for this mechanism.",
        "sv": "Inget fall kunde kodas för denna mekanism.",
    },
    "synth.reason.partly_present": {"en": "partly present", "sv": "finns delvis"},
    "synth.reason.unknown": {"en": "unknown", "sv": "okänt"},
    "synth.reason.not_assessed": {"en": "not assessed", "sv": "inte bedömd"},
    "synth.reason.not_in_evaluation": {
        "en": "not in that evaluation",
        "sv": "ingår inte i den utvärderingen",
    },
    "synth.unmatched": {
        "en": "Ids found in one evaluation only",
        "sv": "Id som bara finns i en utvärdering",
    },
    "synth.unmatched.none": {
        "en": "Every mechanism and condition is found in more than one evaluation.",
        "sv": "Varje mekanism och förutsättning finns i mer än en utvärdering.",
    },
    "synth.kind.mechanism": {"en": "mechanism", "sv": "mekanism"},
    "synth.kind.condition": {"en": "condition", "sv": "förutsättning"},
    "synth.none": {"en": "–", "sv": "–"},
    "synth.sheet.cases": {"en": "Cases", "sv": "Fall"},
    "synth.sheet.matrix": {"en": "Matrix", "sv": "Matris"},
    "synth.sheet.cmo": {"en": "CMO", "sv": "CMO"},
    "synth.sheet.fit": {"en": "Condition fit", "sv": "Förutsättningar"},
    "synth.sheet.left_out": {"en": "Left out", "sv": "Utelämnade"},
    "synth.sheet.unmatched": {"en": "Unmatched", "sv": "Omatchade"},
    "synth.sheet.truth": {"en": "TT {id}", "sv": "ST {id}"},
    # ---- end synthesis
    # ---- import and export (toc.interop): table and column names, messages
    "interop.table.document": {"en": "document", "sv": "dokument"},
    "interop.table.interventions": {"en": "interventions", "sv": "insatser"},
    "interop.table.actors": {"en": "actors", "sv": "aktörer"},
    "interop.table.nodes": {"en": "nodes", "sv": "noder"},
    "interop.table.indicators": {"en": "indicators", "sv": "indikatorer"},
    "interop.table.measurements": {"en": "measurements", "sv": "mätningar"},
    "interop.table.links": {"en": "links", "sv": "länkar"},
    "interop.table.mechanisms": {"en": "mechanisms", "sv": "mekanismer"},
    "interop.table.conditions": {"en": "conditions", "sv": "villkor"},
    "interop.table.rivals": {"en": "rivals", "sv": "alternativa förklaringar"},
    "interop.table.evidence": {"en": "evidence", "sv": "underlag"},
    "interop.table.judgements": {"en": "judgements", "sv": "bedömningar"},
    "interop.column.field": {"en": "field", "sv": "fält"},
    "interop.column.value": {"en": "value", "sv": "värde"},
    "interop.column.title": {"en": "title", "sv": "titel"},
    "interop.column.language": {"en": "language", "sv": "språk"},
    "interop.column.description": {"en": "description", "sv": "beskrivning"},
    "interop.column.stages": {"en": "stages", "sv": "steg"},
    "interop.column.checks": {"en": "checks", "sv": "kontroller"},
    "interop.column.select": {"en": "select", "sv": "välj"},
    "interop.column.ignore": {"en": "ignore", "sv": "ignorera"},
    "interop.column.severity": {"en": "severity", "sv": "allvarlighet"},
    "interop.column.name": {"en": "name", "sv": "namn"},
    "interop.column.period": {"en": "period", "sv": "period"},
    "interop.column.kind": {"en": "kind", "sv": "typ"},
    "interop.column.stage": {"en": "stage", "sv": "steg"},
    "interop.column.label": {"en": "label", "sv": "etikett"},
    "interop.column.interventions": {"en": "interventions", "sv": "insatser"},
    "interop.column.actors": {"en": "actors", "sv": "aktörer"},
    "interop.column.node": {"en": "node", "sv": "nod"},
    "interop.column.indicator": {"en": "indicator", "sv": "indikator"},
    "interop.column.unit": {"en": "unit", "sv": "enhet"},
    "interop.column.baseline": {"en": "baseline", "sv": "utgångsläge"},
    "interop.column.target": {"en": "target", "sv": "målvärde"},
    "interop.column.date": {"en": "date", "sv": "datum"},
    "interop.column.source": {"en": "source", "sv": "källa"},
    "interop.column.method": {"en": "method", "sv": "metod"},
    "interop.column.frequency": {"en": "frequency", "sv": "frekvens"},
    "interop.column.from": {"en": "from", "sv": "från"},
    "interop.column.to": {"en": "to", "sv": "till"},
    "interop.column.mechanisms": {"en": "mechanisms", "sv": "mekanismer"},
    "interop.column.feedback": {"en": "feedback", "sv": "återkoppling"},
    "interop.column.statement": {"en": "statement", "sv": "påstående"},
    "interop.column.links": {"en": "links", "sv": "länkar"},
    "interop.column.conditions": {"en": "conditions", "sv": "villkor"},
    "interop.column.prior": {"en": "prior", "sv": "apriori"},
    "interop.column.about": {"en": "about", "sv": "gäller"},
    "interop.column.intervention": {"en": "intervention", "sv": "insats"},
    "interop.column.summary": {"en": "summary", "sv": "sammanfattning"},
    "interop.column.quotes": {"en": "quotes", "sv": "citat"},
    "interop.column.stance": {"en": "stance", "sv": "hållning"},
    "interop.column.test": {"en": "test", "sv": "test"},
    "interop.column.p_if_true": {"en": "p_if_true", "sv": "p_om_sant"},
    "interop.column.p_if_false": {"en": "p_if_false", "sv": "p_om_falskt"},
    "interop.column.observed": {"en": "observed", "sv": "observerat"},
    "interop.column.group": {"en": "group", "sv": "grupp"},
    "interop.column.question": {"en": "question", "sv": "fråga"},
    "interop.column.scale": {"en": "scale", "sv": "skala"},
    "interop.column.counts": {"en": "counts", "sv": "antal"},
    "interop.column.dont_know": {"en": "dont_know", "sv": "vet_ej"},
    "interop.column.top": {"en": "top", "sv": "topp"},
    "interop.column.verdict": {"en": "verdict", "sv": "bedömning"},
    "interop.column.confidence": {"en": "confidence", "sv": "säkerhet"},
    "interop.column.rationale": {"en": "rationale", "sv": "motivering"},
    "interop.column.evidence": {"en": "evidence", "sv": "underlag"},
    "interop.column.by": {"en": "by", "sv": "av"},
    "interop.column.acknowledges": {"en": "acknowledges", "sv": "godtar"},
    "interop.error.unknown_table": {
        "en": "unknown sheet {name!r}",
        "sv": "okänt blad {name!r}",
    },
    "interop.error.missing_table": {
        "en": "missing sheet {name!r}",
        "sv": "bladet {name!r} saknas",
    },
    "interop.error.duplicate_table": {
        "en": "sheet {name!r} holds the same table as {other!r}",
        "sv": "bladet {name!r} innehåller samma tabell som {other!r}",
    },
    "interop.error.unknown_column": {
        "en": "unknown column {name!r}",
        "sv": "okänd kolumn {name!r}",
    },
    "interop.error.duplicate_column": {
        "en": "column {name!r} is there twice (also {other})",
        "sv": "kolumnen {name!r} finns två gånger (även {other})",
    },
    "interop.error.missing_column": {
        "en": "missing column {name!r} in sheet {table!r}",
        "sv": "kolumnen {name!r} saknas i bladet {table!r}",
    },
    "interop.error.unknown_field": {
        "en": "unknown field {name!r}",
        "sv": "okänt fält {name!r}",
    },
    "interop.error.duplicate_field": {
        "en": "field {name!r} is there twice (also row {other})",
        "sv": "fältet {name!r} finns två gånger (även rad {other})",
    },
    "interop.error.required": {
        "en": "{name!r} is required: fill in this cell",
        "sv": "{name!r} måste fyllas i",
    },
    "interop.error.number": {
        "en": "expected a number, got {value!r}",
        "sv": "här ska stå ett tal, inte {value!r}",
    },
    "interop.error.integer": {
        "en": "expected a whole number, got {value!r}",
        "sv": "här ska stå ett heltal, inte {value!r}",
    },
    "interop.error.bool": {
        "en": "expected true or false, got {value!r}",
        "sv": "här ska stå sant eller falskt, inte {value!r}",
    },
    "interop.error.mapping": {
        "en": "{value!r} is not of the form key=value",
        "sv": "{value!r} har inte formen nyckel=värde",
    },
    "interop.error.json": {
        "en": "not valid JSON ({error})",
        "sv": "inte giltig JSON ({error})",
    },
    "interop.error.unknown_node": {
        "en": "unknown node {id!r}",
        "sv": "okänd nod {id!r}",
    },
    "interop.error.unknown_indicator": {
        "en": "unknown indicator {id!r}",
        "sv": "okänd indikator {id!r}",
    },
    "interop.hint.columns": {
        "en": "the columns here are: {names}",
        "sv": "kolumnerna här är: {names}",
    },
    "interop.hint.tables": {
        "en": "the sheets are: {names}; add '(ignore)' to the name of a sheet of your own",
        "sv": "bladen är: {names}; lägg till '(ignore)' i namnet på ett eget blad",
    },
    "interop.hint.call_it": {
        "en": "call it {names}",
        "sv": "kalla det {names}",
    },
    # ---- import and export: files, sheets, formulas, Kumu, draw.io and options
    "interop.error.missing_file": {
        "en": "missing file {name!r}",
        "sv": "filen {name!r} saknas",
    },
    "interop.error.unknown_file": {
        "en": "unknown file {name!r}",
        "sv": "okänd fil {name!r}",
    },
    "interop.error.duplicate_file": {
        "en": "file {name!r} holds the same table as {other!r}",
        "sv": "filen {name!r} innehåller samma tabell som {other!r}",
    },
    "interop.error.missing_column_file": {
        "en": "missing column {name!r} in file {table!r}",
        "sv": "kolumnen {name!r} saknas i filen {table!r}",
    },
    "interop.hint.add_sheet": {
        "en": "add a sheet called {names}; for a table with nothing in it, a sheet with "
        "just its header row (or an empty sheet)",
        "sv": "lägg till ett blad som heter {names}; för en tabell utan innehåll räcker ett "
        "blad med bara rubrikraden (eller ett tomt blad)",
    },
    "interop.hint.add_file": {
        "en": "add a file called {names}; for a table with nothing in it, a file with just "
        "its header row (or an empty file)",
        "sv": "lägg till en fil som heter {names}; för en tabell utan innehåll räcker en fil "
        "med bara rubrikraden (eller en tom fil)",
    },
    "interop.hint.files": {
        "en": "the files are: {names}; add '(ignore)' to the name of a file of your own",
        "sv": "filerna är: {names}; lägg till '(ignore)' i namnet på en egen fil",
    },
    "interop.hint.add_document_sheet": {
        "en": "add a sheet called {names}, with the header row {header} and rows for {fields}",
        "sv": "lägg till ett blad som heter {names}, med rubrikraden {header} och rader för "
        "{fields}",
    },
    "interop.hint.add_document_file": {
        "en": "add a file called {names}, with the header row {header} and rows for {fields}",
        "sv": "lägg till en fil som heter {names}, med rubrikraden {header} och rader för {fields}",
    },
    "interop.error.missing_field": {
        "en": "missing field {name!r}",
        "sv": "fältet {name!r} saknas",
    },
    "interop.hint.add_field": {
        "en": "add a row {name} with its value beside it",
        "sv": "lägg till en rad {name} med värdet bredvid",
    },
    "interop.error.formula": {
        "en": "the cell holds a formula ({formula}) saved without its value; toc does not "
        "evaluate formulas",
        "sv": "cellen innehåller en formel ({formula}) som sparats utan sitt värde; toc "
        "räknar inte ut formler",
    },
    "interop.error.formula.hint": {
        "en": "paste it as a value (copy the cell, then Paste special → Values only), or "
        "open and save the workbook in Excel or LibreOffice, which save each formula's value",
        "sv": "klistra in den som ett värde (kopiera cellen, sedan Klistra in special → Endast "
        "värden), eller öppna och spara arbetsboken i Excel eller LibreOffice, som sparar "
        "varje formels värde",
    },
    "interop.error.cell_error": {
        "en": "the cell holds the error value {value}, not data",
        "sv": "cellen innehåller felvärdet {value}, inga data",
    },
    "interop.error.cell_error.hint": {
        "en": "correct the formula that gives it, or type the value",
        "sv": "rätta formeln som ger det, eller skriv in värdet",
    },
    "interop.read.no_file": {"en": "no such file", "sv": "filen finns inte"},
    "interop.read.no_file.hint": {
        "en": "check the path and the file name",
        "sv": "kontrollera sökvägen och filnamnet",
    },
    "interop.read.folder": {
        "en": "this is a folder, not a file",
        "sv": "det här är en mapp, inte en fil",
    },
    "interop.read.folder.hint": {"en": "name a file", "sv": "ange en fil"},
    "interop.read.unreadable": {
        "en": "cannot read the file: {reason}",
        "sv": "filen kan inte läsas: {reason}",
    },
    "interop.read.unreadable.hint": {
        "en": "check its permissions",
        "sv": "kontrollera behörigheterna",
    },
    "interop.read.too_large": {
        "en": "the file is {size} bytes, more than the limit of {limit}",
        "sv": "filen är på {size} byte, mer än gränsen på {limit}",
    },
    "interop.read.over_limit": {
        "en": "the file is more than the limit of {limit} bytes",
        "sv": "filen är större än gränsen på {limit} byte",
    },
    "interop.read.split.hint": {
        "en": "split it into smaller files",
        "sv": "dela upp den i mindre filer",
    },
    "interop.read.not_utf8": {
        "en": "the file is not UTF-8 text",
        "sv": "filen är inte UTF-8-text",
    },
    "interop.read.not_utf8.hint": {"en": "save it as UTF-8", "sv": "spara den som UTF-8"},
    "interop.xlsx.not_zip": {
        "en": "this is not an xlsx workbook (not a zip file)",
        "sv": "det här är ingen xlsx-arbetsbok (ingen zip-fil)",
    },
    "interop.xlsx.not_zip.hint": {
        "en": "save it from Excel or LibreOffice as .xlsx (an .xls file is the older format)",
        "sv": "spara den från Excel eller LibreOffice som .xlsx (en .xls-fil är det äldre "
        "formatet)",
    },
    "interop.xlsx.parts": {
        "en": "the workbook has {count} parts, more than the limit of {limit}",
        "sv": "arbetsboken har {count} delar, fler än gränsen på {limit}",
    },
    "interop.xlsx.parts.hint": {
        "en": "this is not a workbook toc can read",
        "sv": "det här är ingen arbetsbok som toc kan läsa",
    },
    "interop.xlsx.unpacked": {
        "en": "the workbook unpacks to {size} bytes, more than the limit of {limit}",
        "sv": "arbetsboken packas upp till {size} byte, mer än gränsen på {limit}",
    },
    "interop.xlsx.split.hint": {
        "en": "split the workbook into smaller ones",
        "sv": "dela upp arbetsboken i mindre",
    },
    "interop.xlsx.damaged": {
        "en": "the workbook is damaged ({part}: {error})",
        "sv": "arbetsboken är skadad ({part}: {error})",
    },
    "interop.xlsx.damaged.hint": {"en": "save it again", "sv": "spara den igen"},
    "interop.xlsx.dtd": {
        "en": "the workbook part {part} declares a DTD, which toc never reads",
        "sv": "arbetsbokens del {part} deklarerar en DTD, vilket toc aldrig läser",
    },
    "interop.xlsx.dtd.hint": {
        "en": "save the workbook again from a spreadsheet program",
        "sv": "spara arbetsboken igen från ett kalkylprogram",
    },
    "interop.xlsx.unreadable": {
        "en": "cannot read the workbook: {error}",
        "sv": "arbetsboken kan inte läsas: {error}",
    },
    "interop.xlsx.unreadable.hint": {
        "en": "open it in a spreadsheet program and save it again as .xlsx",
        "sv": "öppna den i ett kalkylprogram och spara den igen som .xlsx",
    },
    "interop.csv.not_utf8": {
        "en": "the file is not UTF-8 text (byte 0x{byte:02x} at offset {offset})",
        "sv": "filen är inte UTF-8-text (byte 0x{byte:02x} vid position {offset})",
    },
    "interop.csv.not_utf8.hint": {
        "en": "save it as CSV UTF-8 (in Excel: Save as → CSV UTF-8)",
        "sv": "spara den som CSV UTF-8 (i Excel: Spara som → CSV UTF-8)",
    },
    "interop.csv.not_folder": {"en": "not a folder", "sv": "ingen mapp"},
    "interop.csv.no_folder": {"en": "no such folder", "sv": "mappen finns inte"},
    "interop.csv.folder.hint": {
        "en": "name the folder that holds document.csv, nodes.csv, links.csv, …",
        "sv": "ange mappen som innehåller dokument.csv, noder.csv, länkar.csv, …",
    },
    "interop.csv.empty": {
        "en": "the folder has no .csv files",
        "sv": "mappen har inga .csv-filer",
    },
    "interop.csv.empty.hint": {
        "en": "export one with toc export --to csv",
        "sv": "exportera en med toc export --to csv",
    },
    "interop.csv.too_large": {
        "en": "the CSV files are more than the limit of {limit} bytes together",
        "sv": "CSV-filerna är tillsammans större än gränsen på {limit} byte",
    },
    "interop.csv.too_large.hint": {
        "en": "split the document into smaller ones",
        "sv": "dela upp dokumentet i mindre",
    },
    "interop.csv.broken": {
        "en": "the CSV is broken: {error}",
        "sv": "CSV-filen är trasig: {error}",
    },
    "interop.csv.broken.hint": {
        "en": "check the quotes on that line",
        "sv": "kontrollera citattecknen på den raden",
    },
    "interop.write.folder": {
        "en": "cannot create the folder {folder}: {reason}",
        "sv": "mappen {folder} kan inte skapas: {reason}",
    },
    "interop.write.stale": {
        "en": "cannot remove the old {file}: {reason}",
        "sv": "den gamla {file} kan inte tas bort: {reason}",
    },
    "interop.kumu.not_blueprint": {
        "en": 'a Kumu blueprint is an object with a list of "elements" (and of "connections")',
        "sv": 'en Kumu-blueprint är ett objekt med en lista "elements" (och en "connections")',
    },
    "interop.kumu.not_blueprint.hint": {
        "en": 'export the map from Kumu as JSON, or write {"elements": [...], '
        '"connections": [...]}',
        "sv": 'exportera kartan från Kumu som JSON, eller skriv {"elements": [...], '
        '"connections": [...]}',
    },
    "interop.kumu.connections_list": {
        "en": '"connections" must be a list',
        "sv": '"connections" måste vara en lista',
    },
    "interop.kumu.element_object": {
        "en": "elements[{index}] must be an object",
        "sv": "elements[{index}] måste vara ett objekt",
    },
    "interop.kumu.connection_object": {
        "en": "connections[{index}] must be an object",
        "sv": "connections[{index}] måste vara ett objekt",
    },
    "interop.kumu.element_named": {"en": "element {name!r}", "sv": "elementet {name!r}"},
    "interop.kumu.connection_named": {
        "en": "connection {name!r}",
        "sv": "kopplingen {name!r}",
    },
    "interop.kumu.no_label": {"en": "{name} has no label", "sv": "{name} har ingen etikett"},
    "interop.kumu.no_label.hint": {
        "en": "give every element a label",
        "sv": "ge varje element en etikett",
    },
    "interop.kumu.duplicate_id": {
        "en": "{name}: the id {id!r} is used twice",
        "sv": "{name}: id:t {id!r} används två gånger",
    },
    "interop.kumu.unmapped": {
        "en": "element types that map to no stage: {types}",
        "sv": "elementtyper som inte motsvarar något steg: {types}",
    },
    "interop.kumu.unmapped.hint": {
        "en": "map each with --stage-map, e.g. --stage-map {example}=activities (stages: {stages})",
        "sv": "ange ett steg för var och en med --stage-map, t.ex. --stage-map "
        "{example}=activities (stegen: {stages})",
    },
    "interop.kumu.no_type": {"en": "(no type)", "sv": "(ingen typ)"},
    "interop.kumu.no_from": {"en": "{name} has no 'from'", "sv": "{name} saknar 'from'"},
    "interop.kumu.no_from.hint": {
        "en": "name the element it goes from",
        "sv": "ange elementet den går från",
    },
    "interop.kumu.no_to": {"en": "{name} has no 'to'", "sv": "{name} saknar 'to'"},
    "interop.kumu.no_to.hint": {
        "en": "name the element it goes to",
        "sv": "ange elementet den går till",
    },
    "interop.kumu.shared_label": {
        "en": "{name}: {ref!r} is the label of {count} elements",
        "sv": "{name}: {ref!r} är etiketten på {count} element",
    },
    "interop.kumu.shared_label.hint": {
        "en": "name the element by its id",
        "sv": "ange elementet med dess id",
    },
    "interop.kumu.unknown_element": {
        "en": "{name}: unknown element {ref!r}",
        "sv": "{name}: okänt element {ref!r}",
    },
    "interop.kumu.unknown_element.hint": {
        "en": "name an element by its id or its label",
        "sv": "ange ett element med dess id eller etikett",
    },
    "interop.kumu.to_itself": {
        "en": "{name} runs from an element to itself",
        "sv": "{name} går från ett element till sig självt",
    },
    "interop.kumu.invalid": {
        "en": "the map does not make a valid document: {message}",
        "sv": "kartan blir inget giltigt dokument: {message}",
    },
    "interop.drawio.inflate": {
        "en": "the compressed diagram cannot be read",
        "sv": "det komprimerade diagrammet kan inte läsas",
    },
    "interop.drawio.inflate.hint": {"en": "save it again", "sv": "spara den igen"},
    "interop.drawio.inflate_limit": {
        "en": "the compressed diagram inflates to more than {limit} bytes",
        "sv": "det komprimerade diagrammet packas upp till mer än {limit} byte",
    },
    "interop.drawio.not_drawing.hint": {
        "en": "this is not a drawing toc can read",
        "sv": "det här är ingen ritning som toc kan läsa",
    },
    "interop.drawio.root": {
        "en": "this is not a draw.io file (its root is <{tag}>)",
        "sv": "det här är ingen draw.io-fil (dess rot är <{tag}>)",
    },
    "interop.drawio.save.hint": {
        "en": "save the drawing from diagrams.net as .drawio",
        "sv": "spara ritningen från diagrams.net som .drawio",
    },
    "interop.drawio.no_diagram": {
        "en": "the file has no diagram",
        "sv": "filen innehåller inget diagram",
    },
    "interop.drawio.elements": {
        "en": "the file has more than {limit} XML elements",
        "sv": "filen har fler än {limit} XML-element",
    },
    "interop.drawio.elements.hint": {"en": "split the drawing", "sv": "dela upp ritningen"},
    "interop.drawio.depth": {
        "en": "the XML is nested more than {limit} levels deep",
        "sv": "XML-koden är nästlad i mer än {limit} nivåer",
    },
    "interop.drawio.dtd": {
        "en": "the file declares a document type (DTD), which toc never reads",
        "sv": "filen deklarerar en dokumenttyp (DTD), vilket toc aldrig läser",
    },
    "interop.drawio.dtd.hint": {
        "en": "save the drawing again from diagrams.net",
        "sv": "spara ritningen igen från diagrams.net",
    },
    "interop.drawio.broken": {"en": "broken XML: {error}", "sv": "trasig XML: {error}"},
    "interop.drawio.broken_compressed": {
        "en": "broken XML (in the compressed diagram): {error}",
        "sv": "trasig XML (i det komprimerade diagrammet): {error}",
    },
    "interop.drawio.in_compressed": {
        "en": "{message} (in the compressed diagram)",
        "sv": "{message} (i det komprimerade diagrammet)",
    },
    "interop.drawio.broken.hint": {
        "en": "the file is not a whole draw.io drawing; save it again",
        "sv": "filen är inte en hel draw.io-ritning; spara den igen",
    },
    "interop.drawio.no_xml": {"en": "the file holds no XML", "sv": "filen innehåller ingen XML"},
    "interop.drawio.at_line": {
        "en": "{message} (line {line} of the compressed diagram)",
        "sv": "{message} (rad {line} i det komprimerade diagrammet)",
    },
    "interop.drawio.empty_box": {"en": "a box has no text", "sv": "en ruta saknar text"},
    "interop.drawio.empty_box.hint": {
        "en": "write its label, or delete the box",
        "sv": "skriv dess etikett, eller ta bort rutan",
    },
    "interop.drawio.no_column": {
        "en": "the box {label!r} stands in no column, so its stage is unknown",
        "sv": "rutan {label!r} står inte i någon kolumn, så dess steg är okänt",
    },
    "interop.drawio.no_column.hint": {
        "en": "export the drawing from toc (it has columns), and put the box in one",
        "sv": "exportera ritningen från toc (den har kolumner), och placera rutan i en av dem",
    },
    "interop.drawio.loose_arrow": {
        "en": "an arrow is not attached to a box at both ends",
        "sv": "en pil sitter inte fast i en ruta i båda ändar",
    },
    "interop.drawio.loose_arrow.hint": {
        "en": "drag each end of the arrow onto a box, or delete the arrow",
        "sv": "dra pilens båda ändar till varsin ruta, eller ta bort pilen",
    },
    "interop.drawio.arrow_to_itself": {
        "en": "an arrow runs from the box {box!r} to itself",
        "sv": "en pil går från rutan {box!r} till sig själv",
    },
    "interop.drawio.arrow_to_itself.hint": {
        "en": "point it at another box, or delete it",
        "sv": "rikta den mot en annan ruta, eller ta bort den",
    },
    "interop.drawio.two_arrows": {
        "en": "two arrows run from {source!r} to {target!r} (also line {line})",
        "sv": "två pilar går från {source!r} till {target!r} (även rad {line})",
    },
    "interop.drawio.two_arrows.hint": {"en": "delete one of them", "sv": "ta bort en av dem"},
    "interop.drawio.removes_box": {
        "en": "the drawing removes the box {about!r}, but evidence {id!r} is about it",
        "sv": "ritningen tar bort rutan {about!r}, men underlaget {id!r} gäller den",
    },
    "interop.drawio.removes_arrow": {
        "en": "the drawing removes the arrow {about!r}, but evidence {id!r} is about it",
        "sv": "ritningen tar bort pilen {about!r}, men underlaget {id!r} gäller den",
    },
    "interop.drawio.removes.hint": {
        "en": "keep it in the drawing, or remove or move the evidence in the document first",
        "sv": "behåll den i ritningen, eller ta först bort eller flytta underlaget i dokumentet",
    },
    "interop.option.or": {"en": " or ", "sv": " eller "},
    "interop.option.cannot_import": {
        "en": "cannot import {format!r}; the formats are {formats}",
        "sv": "kan inte importera {format!r}; formaten är {formats}",
    },
    "interop.option.json_source": {
        "en": "cannot tell what {name!r} is: a .json file may be a Kumu blueprint or a toc "
        "document; pass --from kumu (a toc document needs no import: toc convert)",
        "sv": "kan inte avgöra vad {name!r} är: en .json-fil kan vara en Kumu-blueprint eller "
        "ett toc-dokument; ange --from kumu (ett toc-dokument behöver ingen import: toc convert)",
    },
    "interop.option.csv_source": {
        "en": "{name!r} is one CSV file; a document is a folder of them (document.csv, "
        "nodes.csv, …): name the folder",
        "sv": "{name!r} är en enda CSV-fil; ett dokument är en mapp med sådana (dokument.csv, "
        "noder.csv, …): ange mappen",
    },
    "interop.option.unknown_source": {
        "en": "cannot tell the format of {name!r} from its name; pass --from {formats}",
        "sv": "kan inte avgöra formatet för {name!r} av namnet; ange --from {formats}",
    },
    "interop.option.cannot_export": {
        "en": "cannot export {format!r}; the formats are {formats}",
        "sv": "kan inte exportera {format!r}; formaten är {formats}",
    },
    "interop.option.csv_folder": {
        "en": "--to csv writes a folder of CSV files, one per table; name a folder, not {name!r}",
        "sv": "--to csv skriver en mapp med CSV-filer, en per tabell; ange en mapp, inte {name!r}",
    },
    "interop.option.suffix": {
        "en": "--to {format} writes a {suffixes} file; name the output so",
        "sv": "--to {format} skriver en {suffixes}-fil; ge utdata ett sådant namn",
    },
    "interop.option.json_target": {
        "en": "{name!r}: a .json output is a Kumu blueprint with --to kumu (a toc document as "
        "JSON is written by toc convert)",
        "sv": "{name!r}: en .json-fil som utdata är en Kumu-blueprint med --to kumu (ett "
        "toc-dokument som JSON skrivs av toc convert)",
    },
    "interop.option.csv_target": {
        "en": "CSV export writes a folder of CSV files: -o FOLDER/ --to csv",
        "sv": "CSV-export skriver en mapp med CSV-filer: -o MAPP/ --to csv",
    },
    "interop.option.unknown_target": {
        "en": "cannot tell the format from the name {name!r}; pass --to {formats}",
        "sv": "kan inte avgöra formatet av namnet {name!r}; ange --to {formats}",
    },
    "interop.option.output_name": {
        "en": "cannot tell the output format from the name {name!r}: end it in .yaml, .yml "
        "or .json",
        "sv": "kan inte avgöra utdataformatet av namnet {name!r}: låt det sluta på .yaml, .yml "
        "eller .json",
    },
    "interop.option.stage_map_only": {
        "en": "--stage-map is for Kumu blueprints (--from kumu)",
        "sv": "--stage-map gäller Kumu-blueprints (--from kumu)",
    },
    "interop.option.base_only": {
        "en": "--base is for draw.io drawings (--from drawio)",
        "sv": "--base gäller draw.io-ritningar (--from drawio)",
    },
    "interop.option.level_only": {
        "en": "--level is for the logframe (--to logframe)",
        "sv": "--level gäller logframen (--to logframe)",
    },
    "interop.option.drawing_only": {
        "en": "{options}: drawing options are for --to drawio",
        "sv": "{options}: ritningsalternativen gäller --to drawio",
    },
    "interop.option.stage_map_pair": {
        "en": "--stage-map {pair!r}: write TYPE=STAGE, for example 'Goal=long'",
        "sv": "--stage-map {pair!r}: skriv TYP=STEG, till exempel 'Mål=long'",
    },
    "interop.option.stage_map_stage": {
        "en": "--stage-map names the stage {stage!r}; use one of {stages}",
        "sv": "--stage-map anger steget {stage!r}; använd något av {stages}",
    },
    "interop.option.level_pair": {
        "en": "--level {pair!r}: write STAGE=LEVEL, for example long=goal",
        "sv": "--level {pair!r}: skriv STEG=NIVÅ, till exempel long=goal",
    },
    "interop.option.level_stage": {
        "en": "--level names the stage {stage!r}, which document {document!r} does not have; "
        "its stages are {stages}",
        "sv": "--level anger steget {stage!r}, som dokumentet {document!r} inte har; dess "
        "steg är {stages}",
    },
    "interop.option.level_name": {
        "en": "--level {stage}={level}: the levels are {levels}",
        "sv": "--level {stage}={level}: nivåerna är {levels}",
    },
    "interop.option.level_missing": {
        "en": "no logframe level for the stage(s) {stages}: give one with --level STAGE=LEVEL "
        "(levels: {levels})",
        "sv": "ingen nivå i logframen för steget/stegen {stages}: ange en med --level "
        "STEG=NIVÅ (nivåer: {levels})",
    },
    "interop.stage.resources": {"en": "Resource", "sv": "Resurs"},
    "interop.stage.activities": {"en": "Activity", "sv": "Aktivitet"},
    "interop.stage.short": {"en": "Short-term outcome", "sv": "Effekt på kort sikt"},
    "interop.stage.medium": {"en": "Medium-term outcome", "sv": "Effekt på medellång sikt"},
    "interop.stage.long": {"en": "Long-term outcome", "sv": "Effekt på lång sikt"},
    "interop.kumu.stage": {"en": "Stage", "sv": "Steg"},
    "interop.kumu.stage_order": {"en": "Stage order", "sv": "Stegordning"},
    "interop.kumu.interventions": {"en": "Interventions", "sv": "Insatser"},
    "interop.kumu.intervention_ids": {"en": "Intervention ids", "sv": "Insats-id"},
    "interop.kumu.actors": {"en": "Actors", "sv": "Aktörer"},
    "interop.kumu.actor_ids": {"en": "Actor ids", "sv": "Aktörs-id"},
    "interop.kumu.indicators": {"en": "Indicators", "sv": "Indikatorer"},
    "interop.kumu.support": {"en": "Pathway support", "sv": "Stöd för vägarna"},
    "interop.kumu.link": {"en": "Link", "sv": "Länk"},
    "interop.kumu.feedback": {"en": "Feedback", "sv": "Återkoppling"},
    "interop.kumu.mechanisms": {"en": "Mechanisms", "sv": "Mekanismer"},
    "interop.kumu.mechanism_ids": {"en": "Mechanism ids", "sv": "Mekanism-id"},
    "interop.kumu.verdict": {"en": "Verdict", "sv": "Bedömning"},
    "interop.kumu.verdict_code": {"en": "Verdict code", "sv": "Bedömningskod"},
    "interop.logframe.sheet": {"en": "Logframe", "sv": "Logisk ram"},
    "interop.logframe.title": {"en": "Logical framework", "sv": "Logisk ram (LFA)"},
    "interop.logframe.level.goal": {
        "en": "Goal (impact)",
        "sv": "Övergripande mål (effekt)",
    },
    "interop.logframe.level.purpose": {
        "en": "Purpose (outcome)",
        "sv": "Projektmål (resultat)",
    },
    "interop.logframe.level.outputs": {"en": "Outputs", "sv": "Prestationer"},
    "interop.logframe.level.activities": {"en": "Activities", "sv": "Aktiviteter"},
    "interop.logframe.level.inputs": {"en": "Inputs", "sv": "Resurser"},
    "interop.logframe.col.level": {"en": "Level", "sv": "Nivå"},
    "interop.logframe.col.summary": {"en": "Narrative summary", "sv": "Beskrivning"},
    "interop.logframe.col.indicators": {"en": "Indicators", "sv": "Indikatorer"},
    "interop.logframe.col.baseline": {"en": "Baseline", "sv": "Utgångsläge"},
    "interop.logframe.col.target": {"en": "Target", "sv": "Målvärde"},
    "interop.logframe.col.latest": {"en": "Latest value", "sv": "Senaste värde"},
    "interop.logframe.col.verification": {
        "en": "Means of verification",
        "sv": "Verifikationskällor",
    },
    "interop.logframe.col.assumptions": {"en": "Assumptions", "sv": "Antaganden"},
    "interop.column.report": {"en": "report", "sv": "rapport"},
    "interop.column.subtitle": {"en": "subtitle", "sv": "undertitel"},
    "interop.column.client": {"en": "client", "sv": "beställare"},
    "interop.column.evaluators": {"en": "evaluators", "sv": "utvärderare"},
    "interop.column.version": {"en": "version", "sv": "version"},
    "interop.column.status": {"en": "status", "sv": "status"},
    "interop.column.conclusions": {"en": "conclusions", "sv": "slutsatser"},
    "interop.column.recommendations": {"en": "recommendations", "sv": "rekommendationer"},
    "interop.column.logo": {"en": "logo", "sv": "logotyp"},
    "interop.column.sections": {"en": "sections", "sv": "avsnitt"},
    # ---- end import and export
}


def template(key: str, language: str, /) -> str:
    """The catalogue entry ``key`` in ``language``, its ``{fields}`` not filled in.

    >>> template("TOC004", "en")
    'nothing leads to the outcome {node!r}'
    """
    entry = CATALOGUE[key]
    return entry.get(language) or entry["en"]


def text(key: str, language: str, /, **fields: Any) -> str:
    """The catalogue entry ``key`` in ``language``, with ``fields`` filled in.

    >>> text("TOC004", "sv", node="jobb")
    "ingenting leder till effekten 'jobb'"
    """
    found = template(key, language)
    return found.format(**fields) if fields else found


_LOCALES = {"sv": "sv_SE", "en": "en_GB"}
"""The Babel locale of each language: Swedish as written in Sweden, British English."""


@functools.cache
def _locale(language: str) -> Any:
    from babel import Locale  # imported on first use: `toc check` needs no number formats

    return Locale.parse(_LOCALES.get(language, "en_GB"))


def _plain_minus(text: str) -> str:
    # CLDR's minus sign differs between locales and Babel versions (U+2212 or
    # "-"); reports use the hyphen-minus, which every reader and program takes.
    return text.replace("\u2212", "-")


def format_number(value: float, language: str, decimals: int | None = None) -> str:
    """A number as a reader of ``language`` writes it: the one number formatter (Babel).

    Digits grouped by thousands (a no-break space in Swedish, a comma in
    English), a decimal comma in Swedish, never scientific notation.
    ``decimals`` fixes the number of decimals; without it, up to six are
    shown and trailing zeros dropped.

    >>> format_number(1234567.5, "sv"), format_number(1234567.5, "en")
    ('1\xa0234\xa0567,5', '1,234,567.5')
    >>> format_number(53.846, "sv", 2), format_number(0.0625, "en", 2), format_number(-0.5, "sv")
    ('53,85', '0.06', '-0,5')
    >>> format_number(1e-7, "en"), format_number(1e20, "en")
    ('0', '100,000,000,000,000,000,000')
    """
    shown = round(value, 6 if decimals is None else decimals)
    # -0.001 rounds to zero, which is written "0", not "-0".
    shown = shown if shown else 0.0
    group, point = _separators(language)
    if not math.isfinite(shown):
        # Not a number toc writes; Babel's own spelling of it.
        return _plain_minus(str(_number_pattern(decimals).apply(shown, _locale(language))))
    # The digits Babel's pattern gives (the float's shortest decimal form, rounded
    # half to even), written by the decimal module at a fraction of the cost; the
    # locale's symbols come from Babel.
    written = format(decimal.Decimal(repr(shown)), f",.{6 if decimals is None else decimals}f")
    if decimals is None and "." in written:
        written = written.rstrip("0").rstrip(".")
    return written.replace(",", "\0").replace(".", point).replace("\0", group)


@functools.cache
def _separators(language: str) -> tuple[str, str]:
    """The group and decimal signs of ``language``, as Babel's locale data gives them."""
    from babel.numbers import get_decimal_symbol, get_group_symbol

    locale = _locale(language)
    return get_group_symbol(locale), get_decimal_symbol(locale)


@functools.cache
def _number_pattern(decimals: int | None) -> Any:
    # Parsed once: parsing a pattern is most of what formatting one number costs.
    from babel.numbers import parse_pattern

    if decimals is None:
        return parse_pattern("#,##0.######")
    return parse_pattern("#,##0" + ("." + "0" * decimals if decimals > 0 else ""))


@functools.cache
def _percent_pattern(language: str, decimals: int) -> Any:
    from babel.numbers import parse_pattern

    pattern = _locale(language).percent_formats[None].pattern
    if decimals > 0:
        pattern = pattern.replace("0", "0." + "0" * decimals, 1)
    return parse_pattern(pattern)


def format_percent(share: float, language: str, decimals: int = 2) -> str:
    """A share (0..1) as a percentage, as ``language`` typesets it (Babel).

    >>> format_percent(0.46153846, "sv")  # a no-break space before % in Swedish
    '46,15\xa0%'
    >>> format_percent(0.5, "en"), format_percent(-0.125, "en", 1)
    ('50.00%', '-12.5%')
    """
    with decimal.localcontext() as context:
        context.prec = 400  # as in format_number
        out = _percent_pattern(language, decimals).apply(share, _locale(language))
    return _plain_minus(str(out))


_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@functools.lru_cache(maxsize=4096)
def format_date(value: str, language: str) -> str:
    """A date as the document writes it (``2019``, ``2019-01``, ``2019-01-15``), or a
    period of two (``2017-03/2018-03``), as a reader of ``language`` writes it (Babel).

    Anything else is returned as it is.

    >>> format_date("2019-01-15", "sv"), format_date("2019-01-15", "en")
    ('15 januari 2019', '15 January 2019')
    >>> format_date("2017-03/2018-03", "sv"), format_date("2019", "en")
    ('mars 2017–mars 2018', '2019')
    """
    import datetime

    from babel.dates import format_date as babel_date
    from babel.dates import format_skeleton

    if "/" in value:
        start, _, end = value.partition("/")
        return f"{format_date(start.strip(), language)}–{format_date(end.strip(), language)}"
    found = _DATE.fullmatch(value)
    if found is None:
        return value
    year, month, day = found.groups()
    locale = _locale(language)
    try:
        if day is not None:
            return str(babel_date(datetime.date(int(year), int(month), int(day)), "long", locale))
        if month is not None:
            first = datetime.date(int(year), int(month), 1)
            return str(format_skeleton("yMMMM", first, locale=locale))
    except ValueError:
        return value
    return year


_UNIT_KINDS: dict[str, str] = {
    **dict.fromkeys(("percent", "%", "procent"), "percent"),
    **dict.fromkeys(("count", "number", "antal", "st", "st.", "stycken"), "count"),
    **dict.fromkeys(("yes_no", "yes/no", "ja/nej", "boolean"), "yes_no"),
    **dict.fromkeys(("sek", "kr", "kr.", "kronor"), "sek"),
    **dict.fromkeys(("persons", "people", "personer"), "persons"),
    **dict.fromkeys(("days", "dagar"), "days"),
}
"""Indicator units toc reads as words (docs/format.md, Indicator ``unit``), by kind."""

_YES_NO = re.compile(r"1\s*=\s*(ja|yes)\s*[,;]\s*0\s*=\s*(nej|no)")


def unit_kind(unit: str | None) -> str | None:
    """The kind of an indicator unit toc knows (``percent``, ``count``, ``yes_no``,
    ``sek``, ``persons``, ``days``), or None for a unit shown as written.

    >>> unit_kind("antal"), unit_kind("1 = ja, 0 = nej"), unit_kind("km")
    ('count', 'yes_no', None)
    """
    if unit is None:
        return None
    words = " ".join(unit.lower().split())
    if _YES_NO.fullmatch(words):
        return "yes_no"
    return _UNIT_KINDS.get(words)


def format_measure(value: float, unit: str | None, language: str) -> str:
    """A value in an indicator's unit, as a reader of ``language`` reads it.

    >>> format_measure(2, "antal", "sv"), format_measure(2, "antal", "en")
    ('2 st.', '2')
    >>> format_measure(1, "1 = ja, 0 = nej", "sv"), format_measure(0, "yes_no", "en")
    ('ja', 'no')
    >>> format_measure(1234567.5, "kr", "sv"), format_measure(64, "percent", "sv")
    ('1\\xa0234\\xa0567,5 kr', '64\\xa0%')
    >>> format_measure(12.5, "km", "en")
    '12.5 km'
    """
    kind = unit_kind(unit)
    if kind == "yes_no" and value in (0, 1):
        return text("report.unit.yes" if value == 1 else "report.unit.no", language)
    number = format_number(value, language)
    if kind is None or kind == "yes_no":
        return f"{number} {' '.join((unit or '').split())}".rstrip()
    key = f"report.unit.{kind}" + (".1" if value == 1 and kind in ("persons", "days") else "")
    return text(key, language, n=number)
