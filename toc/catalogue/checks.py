"""Catalogue entries: check findings (TOC0xx), the words of `toc check`, verdicts and states.

See `toc.catalogue`.
"""

MESSAGES: dict[str, dict[str, str]] = {
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
}
