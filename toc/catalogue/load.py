"""Catalogue entries: loading a document: every problem a file can have.

See `toc.catalogue`.
"""

MESSAGES: dict[str, dict[str, str]] = {
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
    "load.too_large": {
        "en": "a number this large cannot be used: at most {largest} in size",
        "sv": "ett så stort tal kan inte användas: högst {largest} till storleken",
    },
    "load.too_large.hint": {
        "en": "write a smaller number: check it for a typing slip",
        "sv": "skriv ett mindre tal: kontrollera att det inte är felskrivet",
    },
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
    "load.custom.logo_not_picture": {
        "en": "the logo {path} is not a PNG or JPEG file",
        "sv": "logotypen {path} är ingen PNG- eller JPEG-fil",
    },
    "load.custom.logo_not_picture.hint": {
        "en": "name a .png or .jpg file",
        "sv": "ange en .png- eller .jpg-fil",
    },
    "load.custom.logo_absolute": {
        "en": "the logo {path} is an absolute path",
        "sv": "logotypen {path} är en absolut sökväg",
    },
    "load.custom.logo_absolute.hint": {
        "en": "give the logo's path relative to the document's file, such as logo.png or "
        "pictures/logo.png",
        "sv": "ange logotypens sökväg relativt dokumentets fil, till exempel logga.png eller "
        "bilder/logga.png",
    },
    "load.custom.logo_outside": {
        "en": "the logo {path} is outside the document's folder",
        "sv": "logotypen {path} ligger utanför dokumentets mapp",
    },
    "load.custom.logo_outside.hint": {
        "en": "put the logo in the document's folder (or a folder inside it) and give its "
        "path from there",
        "sv": "lägg logotypen i dokumentets mapp (eller en mapp i den) och ange sökvägen därifrån",
    },
    # ---- end loading
}
