"""Catalogue entries: import and export: table and column names, messages.

See `toc.catalogue`.
"""

MESSAGES: dict[str, dict[str, str]] = {
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
    "interop.error.no_header": {
        "en": "a value in a column without a header",
        "sv": "ett värde i en kolumn utan rubrik",
    },
    "interop.error.more_in_column": {
        "en": "{message} (and {more} more in column {column})",
        "sv": "{message} (och {more} till i kolumn {column})",
    },
    "interop.hint.no_header": {
        "en": "give column {column} a header from the layout ({names}), or remove the value",
        "sv": "ge kolumn {column} en rubrik ur layouten ({names}), eller ta bort värdet",
    },
    "interop.hint.no_header_full": {
        "en": "every column of this table already has its header: remove the value",
        "sv": "tabellens alla kolumner har redan sin rubrik: ta bort värdet",
    },
    "interop.error.outside_document": {
        "en": "a value outside the columns {field!r} and {value!r}",
        "sv": "ett värde utanför kolumnerna {field!r} och {value!r}",
    },
    "interop.error.outside_document.hint": {
        "en": "the document's table has one row per field, its name in column A and its value "
        "in column B: remove the value",
        "sv": "dokumentets tabell har en rad per fält, namnet i kolumn A och värdet i kolumn B: "
        "ta bort värdet",
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
    "interop.xlsx.depth": {
        "en": "the workbook part {part} is nested more than {limit} levels deep",
        "sv": "arbetsbokens del {part} är nästlad i mer än {limit} nivåer",
    },
    "interop.xlsx.depth.hint": {
        "en": "this is not a workbook a spreadsheet program saved: save it again from one",
        "sv": "den här arbetsboken är inte sparad av ett kalkylprogram: spara den igen från ett",
    },
    "interop.xlsx.elements": {
        "en": "the workbook part {part} has more than {limit} XML elements",
        "sv": "arbetsbokens del {part} har fler än {limit} XML-element",
    },
    "interop.xlsx.elements.hint": {
        "en": "this is not a workbook a spreadsheet program saved: save it again from one",
        "sv": "den här arbetsboken är inte sparad av ett kalkylprogram: spara den igen från ett",
    },
    "interop.xlsx.broken": {
        "en": "broken XML on line {line}: {error}",
        "sv": "trasig XML på rad {line}: {error}",
    },
    "interop.xlsx.bad_place": {
        "en": "{place!r} is no cell or row of a sheet",
        "sv": "{place!r} är ingen cell eller rad i ett blad",
    },
    "interop.xlsx.bad_cell": {
        "en": "cell {cell} holds {value!r}, which its type does not allow",
        "sv": "cellen {cell} innehåller {value!r}, vilket dess typ inte tillåter",
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
