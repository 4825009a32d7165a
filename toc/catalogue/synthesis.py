"""Catalogue entries: synthesis (`toc synthesise`): the chapter, its tables and its sheets.

See `toc.catalogue`.
"""

MESSAGES: dict[str, dict[str, str]] = {
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
}
