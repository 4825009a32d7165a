"""Catalogue entries: diagrams (`toc render`) and presenting them (`toc serve`).

See `toc.catalogue`.
"""

MESSAGES: dict[str, dict[str, str]] = {
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
    "serve.internal_error": {
        "en": "toc failed on this version of the file (an internal error: {error})",
        "sv": "toc klarade inte den här versionen av filen (ett internt fel: {error})",
    },
    "serve.internal_error.hint": {
        "en": "the diagram shows the last version that loaded, and the next save is tried "
        "again; please report the error",
        "sv": "diagrammet visar den senaste versionen som gick att läsa, och nästa sparning "
        "prövas igen; rapportera gärna felet",
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
}
