"""Catalogue entries: judgement: verdicts, `toc judge`, the consistency findings TOC101–TOC112.

See `toc.catalogue`.
"""

MESSAGES: dict[str, dict[str, str]] = {
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
}
