"""Messages a person can act on, in the document's language.

Each case is something a new user ran into: the exact message and hint, in
English and in Swedish (a document with ``language: sv`` gets its load
problems in Swedish, syntax errors included). Where a message quotes a
third-party parser, only toc's own words are asserted.
"""

from __future__ import annotations

import json

import pytest

import toc
from toc.files import suggest_id
from toc.i18n import CATALOGUE


def _problems(text: str, format: str = "yaml") -> list[tuple[int | None, int | None, str, str]]:
    with pytest.raises(toc.TocError) as info:
        toc.loads(text, format)
    return [
        (p.line, p.column, p.message, p.hint or "")
        for p in info.value.problems  # type: ignore[attr-defined]
    ]


def _doc(language: str, body: str) -> str:
    head = "format: 1\nid: d\ntitle: T\n" + ("language: sv\n" if language == "sv" else "")
    return head + body


TAB = {
    "en": (
        "a tab indents this line; YAML indents with spaces only",
        "replace the tabs at the start of the line with spaces (most editors can put spaces "
        "for the Tab key)",
    ),
    "sv": (
        "raden är indragen med tabb; YAML drar bara in med mellanslag",
        "byt tabbarna i början av raden mot mellanslag (de flesta redigerare kan skriva "
        "mellanslag när man trycker på Tab)",
    ),
}


@pytest.mark.parametrize("language", ["en", "sv"])
@pytest.mark.parametrize(
    ("body", "column"),
    [
        ("nodes:\n\t- {id: a, stage: resources, label: A}\n", 1),
        ("nodes:\n  - id: a\n  \tstage: resources\n", 3),
        ("description: >\n\tIndented with a tab\n", 1),
    ],
    ids=["list", "after-spaces", "block-text"],
)
def test_tab_indentation_says_tab(language: str, body: str, column: int) -> None:
    text = _doc(language, body)
    line = text.count("\n", 0, text.index("\t")) + 1
    [problem] = _problems(text)
    assert problem == (line, column, *TAB[language])


COMMA = {
    "en": (
        "judgements[0]: unknown key 'men sent'",
        "a comma inside {…} ends the text of 'rationale'; put text with a comma in quotes: "
        'rationale: "bra, men sent"',
    ),
    "sv": (
        "judgements[0]: okänd nyckel 'men sent'",
        "ett kommatecken inom {…} avslutar texten i 'rationale'; sätt text med kommatecken "
        'inom citattecken: rationale: "bra, men sent"',
    ),
}


@pytest.mark.parametrize("language", ["en", "sv"])
def test_a_comma_in_a_flow_mapping_gets_a_hint_to_quote_the_text(language: str) -> None:
    text = _doc(
        language,
        "mechanisms: [{id: m, title: M}]\n"
        "judgements:\n  - {about: m, verdict: held, rationale: bra, men sent}\n",
    )
    line = text.count("\n")
    assert _problems(text) == [(line, 47, *COMMA[language])]


def test_several_commas_are_one_text() -> None:
    text = _doc(
        "en",
        "mechanisms: [{id: m, title: M}]\n"
        "judgements:\n  - {about: m, verdict: held, rationale: bra, men sent, tyvärr}\n",
    )
    problems = _problems(text)
    assert [p[2] for p in problems] == [
        "judgements[0]: unknown key 'men sent'",
        "judgements[0]: unknown key 'tyvärr'",
    ]
    assert problems[0][3].endswith('rationale: "bra, men sent, tyvärr"')


def test_an_unknown_key_with_a_value_keeps_its_did_you_mean() -> None:
    text = _doc("en", "mechanisms: [{id: m, title: M, statment: S}]\n")
    assert _problems(text) == [
        (4, 32, "mechanisms[0]: unknown key 'statment'", "did you mean 'statement'?")
    ]


ID = {
    "en": (
        "nodes[0].id: 'möte' is not a valid id",
        "an id uses only a–z, digits, '-' and '_', and starts with a letter or a digit: "
        "write 'mote'",
    ),
    "sv": (
        "nodes[0].id: 'möte' är inget giltigt id",
        "ett id består bara av a–z, siffror, '-' och '_' och börjar med en bokstav eller en "
        "siffra: skriv 'mote'",
    ),
}


@pytest.mark.parametrize("language", ["en", "sv"])
def test_an_id_with_a_swedish_letter_gets_the_rule_and_a_spelling_to_use(language: str) -> None:
    text = _doc(language, "nodes:\n  - {id: möte, stage: resources, label: Möte}\n")
    line = text.count("\n")
    assert _problems(text) == [(line, 10, *ID[language])]


@pytest.mark.parametrize(
    ("written", "suggested"),
    [
        ("möte", "mote"),
        ("Överenskommelse", "overenskommelse"),
        ("Första mötet 2018!", "forsta-motet-2018"),
        ("Ærø_Smørrebrød", "aero_smorrebrod"),
        ("Straße", "strasse"),
        ("-lead", "lead"),
        ("a  --  b", "a-b"),
    ],
)
def test_suggested_ids_are_valid_ids(written: str, suggested: str) -> None:
    assert suggest_id(written) == suggested
    toc.validate({"format": 1, "id": suggested, "title": "T"})


def test_an_id_that_has_no_spelling_to_suggest_gets_the_rule_alone() -> None:
    assert _problems(_doc("en", "nodes:\n  - {id: '--', stage: resources, label: A}\n")) == [
        (
            5,
            10,
            "nodes[0].id: '--' is not a valid id",
            "an id uses only a–z, digits, '-' and '_', and starts with a letter or a digit",
        )
    ]


# ---- load problems in the document's language

SWEDISH = [
    pytest.param(
        "nodes:\n  - {id: kurs, stage: activities, label: K}\n"
        "links:\n  - {from: kurs, to: jobb}\n  - {from: krus, to: kurs}\n",
        [
            (
                8,
                22,
                "links[0].to: okänd nod 'jobb'",
                "lägg först till noden 'jobb', eller använd något av: kurs",
            ),
            (9, 12, "links[1].from: okänd nod 'krus'", "menade du 'kurs'?"),
        ],
        id="unknown-node",
    ),
    pytest.param(
        "nodes:\n  - {id: a, stage: resurser, label: A}\n",
        [(6, 20, "nodes[0].stage: okänt steg 'resurser'", "menade du 'resources'?")],
        id="unknown-stage",
    ),
    pytest.param(
        "title: U\n",
        [
            (
                5,
                1,
                "nyckeln 'title' står två gånger i samma samling (första gången på rad 3)",
                "en nyckel får bara stå en gång per samling; slå ihop de två eller byt namn på "
                "den ena",
            )
        ],
        id="duplicate-key",
    ),
    pytest.param(
        "nodes:\n  - {id: a, stage: resources, label: A}\n  - {id: a, stage: short, label: B}\n",
        [
            (
                7,
                10,
                "nodes[1].id: id:t 'a' finns redan: det används av noden vid nodes[0]",
                "ett id får bara användas en gång i hela dokumentet; byt namn på ett av dem",
            )
        ],
        id="duplicate-id",
    ),
    pytest.param(
        "mechanisms: [{id: m, title: M, prior: 1.5}]\n",
        [
            (
                5,
                39,
                "mechanisms[0].prior: 1.5 ligger utanför det tillåtna",
                "en sannolikhet är ett tal från 0 till 1",
            )
        ],
        id="out-of-range",
    ),
    pytest.param(
        "nodes: [{id: a, stage: resources}]\n",
        [(5, 9, "nodes[0]: nyckeln 'label' saknas", "lägg till `label:` här")],
        id="missing-key",
    ),
    pytest.param(
        "x: !!python/object/apply:os.system [ls]\n",
        [
            (
                5,
                4,
                "YAML-taggen 'tag:yaml.org,2002:python/object/apply:os.system' är inte tillåten",
                "toc-filer innehåller bara enkla uppgifter (text, tal, true/false, listor och "
                "samlingar); ta bort taggen med '!'",
            )
        ],
        id="tag",
    ),
    pytest.param(
        "conditions: [{id: c, statement: S}]\njudgements: [{about: c, verdict: held}]\n",
        [
            (
                6,
                34,
                "judgements[0].verdict: bedömningen 'held' passar inte för förutsättningen 'c'",
                "använd något av: present, partly_present, absent, unknown",
            )
        ],
        id="verdict-vocabulary",
    ),
]


@pytest.mark.parametrize(("body", "expected"), SWEDISH)
def test_a_swedish_document_gets_its_load_problems_in_swedish(
    body: str, expected: list[tuple[int, int, str, str]]
) -> None:
    assert _problems(_doc("sv", body)) == expected


def test_a_yaml_syntax_error_in_a_swedish_document_is_worded_in_swedish() -> None:
    [(line, column, message, hint)] = _problems(_doc("sv", "nodes: [a, b\n"))
    assert message.startswith("ogiltig YAML: ")  # the rest is libyaml's own words
    assert hint == "kontrollera indrag, kolon och citattecken nära den här platsen"
    assert (line, column) == (6, 1)


def test_a_json_document_in_swedish_gets_swedish_messages() -> None:
    text = '{"format": 1, "id": "d", "title": "T", "language": "sv", "id": "e"}'
    assert _problems(text, "json") == [
        (
            1,
            58,
            "nyckeln 'id' står två gånger i samma objekt",
            "en nyckel får bara stå en gång per objekt; slå ihop de två eller byt namn på den ena",
        )
    ]
    text = json.dumps({"format": 1, "id": "d", "title": "T", "language": "sv", "nodes": [1]})
    assert _problems(text, "json") == [
        (
            1,
            68,
            "nodes[0]: väntade en samling nycklar, fick talet 1",
            "skriv en samling nycklar här",
        )
    ]


def test_a_file_that_is_not_utf8_is_refused_in_its_language(tmp_path: object) -> None:
    raw = "format: 1\nlanguage: sv\ndescription: Grå\n".encode("latin-1")
    with pytest.raises(toc.ReadError) as info:
        toc.loads(raw)
    [problem] = info.value.problems
    assert (problem.message, problem.hint) == (
        "filen är inte UTF-8-text (byte 0xe5 på position 38)",
        "spara filen som UTF-8 (i de flesta redigerare: Spara som → Kodning → UTF-8)",
    )


def test_english_and_unknown_languages_keep_english() -> None:
    for head in ("language: en\n", "", "language: de\n"):
        problems = _problems("format: 1\nid: d\ntitle: T\n" + head + "nodes: [{id: a}]\n")
        assert any("missing required key 'stage'" in p[2] for p in problems), head


def test_every_load_message_has_both_languages() -> None:
    load = {key: entry for key, entry in CATALOGUE.items() if key.startswith("load.")}
    assert len(load) > 100
    for key, entry in load.items():
        assert set(entry) == {"en", "sv"}, key
        assert entry["sv"] and entry["en"], key


CONTROL = {
    "en": (
        "nodes[0].label: the text holds the control character U+001B (ESC) at character 5",
        "remove it: text keeps tabs and line breaks, no other control character (in YAML it "
        'comes from an escape such as "\\e" or "\\x1b", in JSON from \\u001b)',
    ),
    "sv": (
        "nodes[0].label: texten innehåller styrtecknet U+001B (ESC) vid tecken 5",
        "ta bort det: text får innehålla tabbar och radbrytningar, inga andra styrtecken (i "
        'YAML kommer det från en kod som "\\e" eller "\\x1b", i JSON från \\u001b)',
    ),
}


@pytest.mark.parametrize("language", ["en", "sv"])
@pytest.mark.parametrize("escape", ["\\e", "\\x1b", "\\u001b"])
def test_a_terminal_escape_in_text_is_refused_where_it_stands(language: str, escape: str) -> None:
    text = _doc(language, f'nodes:\n  - {{id: a, stage: resources, label: "red {escape}[31m"}}\n')
    line = text.count("\n")
    assert _problems(text) == [(line, 38, *CONTROL[language])]


def test_a_json_escape_is_refused_the_same_way() -> None:
    text = json.dumps(
        {
            "format": 1,
            "id": "d",
            "title": "T",
            "language": "sv",
            "description": "\u001b]52;c;aGk=\u0007",
        }
    )
    [(line, column, message, hint)] = _problems(text, "json")
    assert (line, column) == (1, 73)
    assert message == "description: texten innehåller styrtecknet U+001B (ESC) vid tecken 1"
    assert hint == CONTROL["sv"][1]
