"""Catalogue entries: the evaluation report (`toc report`): headings, sentences, title page.

See `toc.catalogue`.
"""

MESSAGES: dict[str, dict[str, str]] = {
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
}
