"""Catalogue entries: `toc diff`: the text, the diff diagram and the report's section on changes.

See `toc.catalogue`.
"""

MESSAGES: dict[str, dict[str, str]] = {
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
}
