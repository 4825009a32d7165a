"""Loading and dumping documents: every valid and invalid case, with exact messages.

The tables pin what a user sees: the message, the hint and the line:column
of each problem. Documents in the tables start with `HEAD` (three lines), so
their own lines count from 4.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pydantic
import pytest
import yaml
from strategies import TRICKY_TEXT

import toc
from toc.errors import DocumentError, FileFormatError, ReadError, UnsupportedVersionError
from toc.files import dumps, write_atomic

HEAD = "format: 1\nid: demo\ntitle: Demo\n"
NODES = (
    "nodes:\n"
    "  - {id: money, stage: resources, label: Money}\n"
    "  - {id: work, stage: activities, label: Work}\n"
    "links:\n"
    "  - {from: money, to: work}\n"
)


def lines(*text: str) -> str:
    """Lines of a document, each ended by a newline."""
    return "".join(line + "\n" for line in text)


ID_HINT = "an id uses only a–z, digits, '-' and '_', and starts with a letter or a digit"
EMPTY_HINT = "start with `format: 1`, an `id` and a `title`; `toc new` writes a starter"
PROB_HINT = "a probability is a number from 0 to 1"
Expected = list[tuple[int | None, int | None, str, str | None]]


def problems(err: DocumentError) -> Expected:
    return [(p.line, p.column, p.message, p.hint) for p in err.problems]


# ------------------------------------------------------------ invalid YAML

INVALID = [
    pytest.param(
        "titel: x\n",
        [
            (4, 1, "unknown key 'titel'", "did you mean 'title'?"),
        ],
        id="unknown-key-top",
    ),
    pytest.param(
        lines(
            "nodes:",
            "  - id: a",
            "    stage: resources",
            "    lable: A",
        ),
        [
            (5, 5, "nodes[0]: missing required key 'label'", "add `label:` here"),
            (7, 5, "nodes[0]: unknown key 'lable'", "did you mean 'label'?"),
        ],
        id="unknown-key-node",
    ),
    pytest.param(
        lines(
            "nodes:",
            "  - id: a",
            "    stage: resources",
            "    label: A",
            "    colour: red",
        ),
        [
            (
                8,
                5,
                "nodes[0]: unknown key 'colour'",
                (
                    "allowed keys here: id, stage, label, interventions, actors, description, "
                    "indicators"
                ),
            ),
        ],
        id="unknown-key-far",
    ),
    pytest.param(
        lines(
            "nodes:",
            "  - id: a",
            "    stage: resources",
        ),
        [
            (5, 5, "nodes[0]: missing required key 'label'", "add `label:` here"),
        ],
        id="missing-node",
    ),
    pytest.param(
        "nodes: {id: a}\n",
        [
            (4, 8, "nodes: expected a list, got a mapping", "write a list here"),
        ],
        id="type-list",
    ),
    pytest.param(
        lines(
            "nodes:",
            "  - {id: a, stage: resources, label: [A, B]}",
        ),
        [
            (
                5,
                38,
                "nodes[0].label: expected text, got a list",
                "quote text containing ':' or '#'",
            ),
        ],
        id="type-text",
    ),
    pytest.param(
        lines(
            "nodes:",
            "  - {id: a, stage: resources, label: true}",
        ),
        [
            (
                5,
                38,
                "nodes[0].label: expected text, got true (true/false)",
                "quote text containing ':' or '#'",
            ),
        ],
        id="type-bool",
    ),
    pytest.param(
        "nodes:\n",
        [
            (4, 7, "nodes: expected a list, got nothing (null)", "write a list here"),
        ],
        id="type-null",
    ),
    pytest.param(
        lines(
            "conditions: [{id: c, statement: S}]",
            "evidence:",
            "  - id: e",
            "    about: c",
            "    kind: survey",
            "    question: Q",
            "    scale: [low, high]",
            "    counts: [1, many]",
        ),
        [
            (
                11,
                17,
                "evidence[0].counts[1]: expected a whole number, got the text 'many'",
                "write a whole number here",
            ),
        ],
        id="type-int",
    ),
    pytest.param(
        lines(
            "nodes:",
            "  - {id: Money Box, stage: resources, label: M}",
        ),
        [
            (
                5,
                10,
                "nodes[0].id: 'Money Box' is not a valid id",
                ID_HINT + ": write 'money-box'",
            ),
        ],
        id="slug-node",
    ),
    pytest.param(
        lines(
            "conditions: [{id: c, statement: S}]",
            "judgements:",
            "  - {about: c, verdict: present, date: 2018-13}",
        ),
        [
            (
                6,
                40,
                "judgements[0].date: '2018-13' is not a valid date",
                "write a date as 2018, 2018-05 or 2018-05-14",
            ),
        ],
        id="date-month",
    ),
    pytest.param(
        lines(
            "conditions: [{id: c, statement: S}]",
            "evidence:",
            "  - {id: e, about: c, kind: document, date: May 2018}",
        ),
        [
            (
                6,
                45,
                "evidence[0].date: 'May 2018' is not a valid date",
                "write a date as 2018, 2018-05 or 2018-05-14",
            ),
        ],
        id="date-text",
    ),
    pytest.param(
        lines(
            "mechanisms:",
            "  - {id: m, title: M, prior: 1.5}",
        ),
        [
            (
                5,
                30,
                "mechanisms[0].prior: 1.5 is out of range",
                "a probability is a number from 0 to 1",
            ),
        ],
        id="prob-prior",
    ),
    pytest.param(
        lines(
            "conditions: [{id: c, statement: S}]",
            "evidence:",
            "  - {id: e, about: c, kind: document, p_if_true: -0.1, p_if_false: 0.5}",
        ),
        [
            (
                6,
                50,
                "evidence[0].p_if_true: -0.1 is out of range",
                "a probability is a number from 0 to 1",
            ),
        ],
        id="prob-neg",
    ),
    pytest.param(
        lines(
            "conditions: [{id: c, statement: S}]",
            "evidence:",
            "  - {id: e, about: c, kind: document, p_if_true: 0.7}",
        ),
        [
            (
                6,
                5,
                (
                    "evidence[0]: p_if_true is given without p_if_false: give both likelihoods, "
                    "or a `test` type whose default fills the other"
                ),
                None,
            ),
        ],
        id="prob-half",
    ),
    pytest.param(
        lines(
            "conditions: [{id: c, statement: S}]",
            "evidence:",
            "  - id: e",
            "    about: c",
            "    kind: survey",
            "    question: Q",
            "    scale: [low, some, high]",
            "    counts: [1, 2]",
        ),
        [
            (
                11,
                13,
                "evidence[0].counts: 2 counts for 3 scale steps: give one count per scale step",
                None,
            ),
        ],
        id="survey-counts",
    ),
    pytest.param(
        lines(
            "conditions: [{id: c, statement: S}]",
            "evidence:",
            "  - id: e",
            "    about: c",
            "    kind: survey",
            "    question: Q",
            "    scale: [low, low]",
            "    counts: [1, 2]",
        ),
        [
            (10, 12, "evidence[0].scale: scale steps must be different from each other", None),
        ],
        id="survey-scale-dup",
    ),
    pytest.param(
        lines(
            "conditions: [{id: c, statement: S}]",
            "evidence:",
            "  - id: e",
            "    about: c",
            "    kind: survey",
            "    question: Q",
            "    scale: [all]",
            "    counts: [1]",
        ),
        [
            (
                10,
                12,
                "evidence[0].scale: needs at least 2 items",
                "list at least 2 items under 'scale'",
            ),
        ],
        id="survey-scale-short",
    ),
    pytest.param(
        lines(
            "conditions: [{id: c, statement: S}]",
            "evidence:",
            "  - id: e",
            "    about: c",
            "    kind: survey",
            "    question: Q",
            "    scale: [low, some, high]",
            "    counts: [1, 2, 3]",
            "    top: [some]",
        ),
        [
            (
                12,
                10,
                (
                    "evidence[0].top: must name the highest steps of the scale, here ['high'] "
                    "for 1 step(s)"
                ),
                None,
            ),
        ],
        id="survey-top",
    ),
    pytest.param(
        lines(
            "conditions: [{id: c, statement: S}]",
            "evidence:",
            "  - id: e",
            "    about: c",
            "    kind: survey",
            "    question: Q",
            "    scale: [low, high]",
            "    counts: [1, -2]",
        ),
        [
            (11, 17, "evidence[0].counts[1]: -2 is out of range", "use a number of 0 or more"),
        ],
        id="survey-neg",
    ),
    pytest.param(
        lines(
            "conditions: [{id: c, statement: S}]",
            "evidence:",
            "  - {id: e, about: c, kind: interviw}",
        ),
        [
            (
                6,
                29,
                "evidence[0].kind: 'interviw' is not an evidence kind",
                "did you mean 'interview'?",
            ),
        ],
        id="kind-typo",
    ),
    pytest.param(
        lines(
            "conditions: [{id: c, statement: S}]",
            "evidence:",
            "  - {id: e, about: c, kind: rumour}",
        ),
        [
            (
                6,
                29,
                "evidence[0].kind: 'rumour' is not an evidence kind",
                (
                    "use one of: survey, interview, focus_group, observation, document, "
                    "register, indicator, other"
                ),
            ),
        ],
        id="kind-unknown",
    ),
    pytest.param(
        lines(
            "conditions: [{id: c, statement: S}]",
            "evidence:",
            "  - {id: e, about: c}",
        ),
        [
            (
                6,
                5,
                "evidence[0]: missing required key 'kind'",
                (
                    "add `kind:` (interview, focus_group, observation, document, survey, "
                    "register, indicator or other)"
                ),
            ),
        ],
        id="kind-missing",
    ),
    pytest.param(
        NODES
        + lines(
            "mechanisms:",
            "  - {id: work, title: W}",
        ),
        [
            (
                10,
                10,
                "mechanisms[0].id: duplicate id 'work': already used by the node at nodes[1]",
                "every id must be unique across the whole document; rename one of them",
            ),
        ],
        id="dup-node-mech",
    ),
    pytest.param(
        lines(
            "nodes:",
            "  - {id: a, stage: resources, label: A}",
            "  - id: b",
            "    stage: short",
            "    label: B",
            "    indicators:",
            "      - {id: a, name: Share}",
        ),
        [
            (
                10,
                14,
                (
                    "nodes[1].indicators[0].id: duplicate id 'a': already used by the node at "
                    "nodes[0]"
                ),
                "every id must be unique across the whole document; rename one of them",
            ),
        ],
        id="dup-indicator",
    ),
    pytest.param(
        NODES + "  - {from: mony, to: work}\n",
        [
            (9, 12, "links[1].from: unknown node 'mony'", "did you mean 'money'?"),
        ],
        id="dangling-link-from",
    ),
    pytest.param(
        NODES + "  - {from: money, to: elsewhere}\n",
        [
            (
                9,
                23,
                "links[1].to: unknown node 'elsewhere'",
                "declare node 'elsewhere' first, or use one of: money, work",
            ),
        ],
        id="dangling-link-to",
    ),
    pytest.param(
        NODES
        + lines(
            "mechanisms:",
            "  - {id: m, title: M, links: [money->wrk]}",
        ),
        [
            (
                10,
                31,
                "mechanisms[0].links[0]: unknown link 'money->wrk'",
                "did you mean 'money->work'?",
            ),
        ],
        id="dangling-mech-link",
    ),
    pytest.param(
        NODES
        + lines(
            "mechanisms:",
            "  - {id: m, title: M, links: [money]}",
        ),
        [
            (
                10,
                31,
                "mechanisms[0].links[0]: 'money' is not a link reference",
                'write a link as "from->to"',
            ),
        ],
        id="not-a-link-ref",
    ),
    pytest.param(
        NODES + "  - {from: work, to: money, feedback: true, mechanisms: [m-nope]}\n",
        [
            (
                9,
                58,
                "links[1].mechanisms[0]: unknown mechanism 'm-nope'",
                "declare mechanism 'm-nope' in the document first",
            ),
        ],
        id="dangling-link-mech",
    ),
    pytest.param(
        NODES
        + lines(
            "rivals:",
            "  - {id: r, statement: R, about: [work->money]}",
        ),
        [
            (
                10,
                35,
                "rivals[0].about[0]: unknown link 'work->money'",
                "declare link 'work->money' first, or use one of: money->work",
            ),
        ],
        id="dangling-rival-link",
    ),
    pytest.param(
        NODES
        + lines(
            "rivals:",
            "  - {id: r, statement: R, about: [wrok]}",
        ),
        [
            (10, 35, "rivals[0].about[0]: unknown node or link 'wrok'", "did you mean 'work'?"),
        ],
        id="dangling-rival-node",
    ),
    pytest.param(
        NODES
        + lines(
            "evidence:",
            "  - {id: e, about: money->nowhere, kind: document}",
        ),
        [
            (
                10,
                20,
                "evidence[0].about: unknown link 'money->nowhere'",
                "did you mean 'money->work'?",
            ),
        ],
        id="dangling-evidence-link",
    ),
    pytest.param(
        NODES
        + lines(
            "evidence:",
            "  - {id: e, about: m-gone, kind: document}",
        ),
        [
            (
                10,
                20,
                "evidence[0].about: unknown mechanism, condition, rival, node or link 'm-gone'",
                "did you mean 'money'?",
            ),
        ],
        id="dangling-evidence-about",
    ),
    pytest.param(
        lines(
            "interventions: [{id: ic, name: IC}]",
            "nodes:",
            "  - {id: money, stage: resources, label: Money}",
            "  - {id: work, stage: activities, label: Work}",
            "links:",
            "  - {from: money, to: work}",
            "evidence:",
            "  - {id: e, about: money, kind: document, intervention: spira}",
        ),
        [
            (
                11,
                57,
                "evidence[0].intervention: unknown intervention 'spira'",
                "declare intervention 'spira' first, or use one of: ic",
            ),
        ],
        id="dangling-evidence-intervention",
    ),
    pytest.param(
        lines(
            "actors: [{id: af, name: AF}]",
            "nodes:",
            "  - {id: a, stage: resources, label: A, actors: [af, fk]}",
        ),
        [
            (
                6,
                54,
                "nodes[0].actors[1]: unknown actor 'fk'",
                "declare actor 'fk' first, or use one of: af",
            ),
        ],
        id="dangling-node-actor",
    ),
    pytest.param(
        lines(
            "nodes:",
            "  - {id: a, stage: resources, label: A, interventions: [ic]}",
        ),
        [
            (
                5,
                57,
                "nodes[0].interventions[0]: unknown intervention 'ic'",
                "declare intervention 'ic' in the document first",
            ),
        ],
        id="dangling-node-intervention",
    ),
    pytest.param(
        lines(
            "nodes:",
            "  - {id: a, stage: resource, label: A}",
        ),
        [
            (5, 20, "nodes[0].stage: unknown stage 'resource'", "did you mean 'resources'?"),
        ],
        id="dangling-node-stage",
    ),
    pytest.param(
        lines(
            "conditions: [{id: c-forum, statement: S}]",
            "mechanisms:",
            "  - {id: m, title: M, conditions: [c-forun]}",
        ),
        [
            (
                6,
                36,
                "mechanisms[0].conditions[0]: unknown condition 'c-forun'",
                "did you mean 'c-forum'?",
            ),
        ],
        id="dangling-mech-condition",
    ),
    pytest.param(
        lines(
            "conditions: [{id: c, statement: S}]",
            "judgements:",
            "  - {about: c, verdict: present, evidence: [e-1]}",
        ),
        [
            (
                6,
                45,
                "judgements[0].evidence[0]: unknown evidence item 'e-1'",
                "declare evidence item 'e-1' in the document first",
            ),
        ],
        id="dangling-judgement-evidence",
    ),
    pytest.param(
        lines(
            "judgements:",
            "  - {about: m-1, verdict: held}",
        ),
        [
            (
                5,
                13,
                "judgements[0].about: unknown mechanism, condition or rival 'm-1'",
                "declare mechanism, condition or rival 'm-1' in the document first",
            ),
        ],
        id="dangling-judgement-about",
    ),
    pytest.param(
        lines(
            "conditions: [{id: c, statement: S}]",
            "judgements:",
            "  - {about: c, verdict: present, intervention: ic}",
        ),
        [
            (
                6,
                48,
                "judgements[0].intervention: unknown intervention 'ic'",
                "declare intervention 'ic' in the document first",
            ),
        ],
        id="dangling-judgement-intervention",
    ),
    pytest.param(
        lines(
            "conditions: [{id: c, statement: S}]",
            "judgements:",
            "  - {about: c, verdict: held}",
        ),
        [
            (
                6,
                25,
                "judgements[0].verdict: verdict 'held' does not apply to the condition 'c'",
                "use one of: present, partly_present, absent, unknown",
            ),
        ],
        id="verdict-mech-on-cond",
    ),
    pytest.param(
        lines(
            "mechanisms: [{id: m, title: M}]",
            "judgements:",
            "  - {about: m, verdict: present}",
        ),
        [
            (
                6,
                25,
                "judgements[0].verdict: verdict 'present' does not apply to the mechanism 'm'",
                "use one of: held, partly_held, not_held, too_early, inconclusive",
            ),
        ],
        id="verdict-cond-on-mech",
    ),
    pytest.param(
        lines(
            "rivals: [{id: r, statement: R}]",
            "judgements:",
            "  - {about: r, verdict: absent}",
        ),
        [
            (
                6,
                25,
                "judgements[0].verdict: verdict 'absent' does not apply to the rival 'r'",
                "use one of: held, partly_held, not_held, too_early, inconclusive",
            ),
        ],
        id="verdict-cond-on-rival",
    ),
    pytest.param(
        lines(
            "mechanisms: [{id: m, title: M}]",
            "judgements:",
            "  - {about: m, verdict: hold}",
        ),
        [
            (6, 25, "judgements[0].verdict: 'hold' is not allowed", "did you mean 'held'?"),
        ],
        id="verdict-unknown",
    ),
    pytest.param(
        NODES
        + lines(
            "judgements:",
            "  - {about: work, verdict: held}",
        ),
        [
            (
                10,
                13,
                (
                    "judgements[0].about: 'work' is a node; only mechanisms, conditions and "
                    "rivals are judged"
                ),
                "judge the mechanism that explains it instead",
            ),
        ],
        id="judgement-node",
    ),
    pytest.param(
        NODES
        + lines(
            "evidence:",
            "  - {id: e, about: work, kind: document}",
            "judgements:",
            "  - {about: e, verdict: held}",
        ),
        [
            (
                12,
                13,
                (
                    "judgements[0].about: 'e' is an evidence item; only mechanisms, conditions "
                    "and rivals are judged"
                ),
                "judge the mechanism that explains it instead",
            ),
        ],
        id="judgement-evidence",
    ),
    pytest.param(
        NODES + "  - {from: money, to: work, label: again}\n",
        [
            (
                9,
                5,
                "links[1]: link 'money->work' is declared twice (also links[0])",
                "keep one link and list all its mechanisms on it",
            ),
        ],
        id="dup-link",
    ),
    pytest.param(
        NODES + "  - {from: work, to: work}\n",
        [
            (
                9,
                5,
                "links[1]: link 'work->work' runs from a node to itself",
                "remove it, or point it at another node",
            ),
        ],
        id="self-loop",
    ),
    pytest.param(
        "language: de\n",
        [
            (4, 11, "language: 'de' is not allowed", "use one of: sv, en"),
        ],
        id="language",
    ),
    pytest.param(
        "stages: [resources, activities, resources]\n",
        [
            (4, 9, "stages: stage 'resources' is listed twice: each stage once", None),
        ],
        id="stages-dup",
    ),
    pytest.param(
        "stages: [all]\n",
        [
            (4, 9, "stages: needs at least 2 items", "list at least 2 items under 'stages'"),
        ],
        id="stages-one",
    ),
    pytest.param(
        lines(
            "actors:",
            "  - {id: af, name: AF, kind: agency}",
        ),
        [
            (
                5,
                30,
                "actors[0].kind: 'agency' is not allowed",
                "use one of: state, region, municipality, civil_society, private, user, other",
            ),
        ],
        id="actor-kind",
    ),
    pytest.param(
        lines(
            "nodes:",
            "  - {id: a, stage: resources, label: ''}",
        ),
        [
            (5, 38, "nodes[0].label: must not be empty", "write some text for 'label'"),
        ],
        id="empty-label",
    ),
    pytest.param(
        lines(
            "report:",
            "  evaluators: [Karen Ask, '']",
        ),
        [
            (
                5,
                27,
                "report.evaluators[1]: must not be empty",
                "write some text in each entry of 'evaluators', or leave the empty one out",
            ),
        ],
        id="empty-entry-of-a-list",
    ),
    pytest.param(
        lines(
            "nodes:",
            "  - id: a",
            "    stage: short",
            "    label: A",
            "    indicators:",
            "      - {id: i, name: I, target: {value: .inf}}",
        ),
        [
            (
                9,
                42,
                "nodes[0].indicators[0].target.value: must be a finite number",
                "write an ordinary number",
            ),
        ],
        id="inf-value",
    ),
]


@pytest.mark.parametrize(("body", "expected"), INVALID)
def test_invalid_document_reports_each_problem_at_its_line_and_column(
    body: str, expected: Expected
) -> None:
    with pytest.raises(DocumentError) as info:
        toc.loads(HEAD + body, file="t.yaml")
    assert type(info.value) is DocumentError  # content, not syntax or version
    assert problems(info.value) == expected
    assert {p.file for p in info.value.problems} == {"t.yaml"}


def test_a_problem_prints_as_file_line_column_message_and_hint() -> None:
    with pytest.raises(DocumentError) as info:
        toc.loads(HEAD + "titel: x\n", file="theory.yaml")
    assert str(info.value) == (
        "theory.yaml:4:1: error: unknown key 'titel'\n  hint: did you mean 'title'?"
    )


def test_every_problem_is_gathered_and_raised_once_in_file_order() -> None:
    text = lines(
        "format: 1",
        "id: Demo",
        "titel: Demo",
        "nodes: [{id: a, stage: resources, label: [A]}]",
    )
    with pytest.raises(DocumentError) as info:
        toc.loads(text, file="t.yaml")
    assert problems(info.value) == [
        (1, 1, "missing required key 'title'", "add `title:` here"),
        (2, 5, "id: 'Demo' is not a valid id", ID_HINT + ": write 'demo'"),
        (3, 1, "unknown key 'titel'", "did you mean 'title'?"),
        (4, 42, "nodes[0].label: expected text, got a list", "quote text containing ':' or '#'"),
    ]


def test_every_reference_problem_is_gathered_and_raised_once() -> None:
    text = (
        HEAD
        + NODES
        + lines(
            "  - {from: money, to: nowhere}",
            "mechanisms:",
            "  - {id: money, title: M, conditions: [c-x]}",
            "judgements:",
            "  - {about: money, verdict: present}",
        )
    )
    with pytest.raises(DocumentError) as info:
        toc.loads(text, file="t.yaml")
    assert [(p.line, p.column, p.message) for p in info.value.problems] == [
        (9, 23, "links[1].to: unknown node 'nowhere'"),
        (11, 10, "mechanisms[0].id: duplicate id 'money': already used by the node at nodes[0]"),
        (11, 40, "mechanisms[0].conditions[0]: unknown condition 'c-x'"),
        (
            13,
            13,
            "judgements[0].about: 'money' is a node; "
            "only mechanisms, conditions and rivals are judged",
        ),
    ]


# ------------------------------------------------- version, empty, top level


@pytest.mark.parametrize(
    ("text", "error", "rendered"),
    [
        pytest.param(
            "format: 2\nid: demo\ntitle: Demo\n",
            UnsupportedVersionError,
            "t.yaml:1:9: error: format 2 is newer than this library knows: "
            f"toc-evaluation {toc.__version__} reads format 1\n"
            "  hint: upgrade it: pip install -U toc-evaluation",
            id="format-2",
        ),
        pytest.param(
            "id: demo\ntitle: Demo\n",
            UnsupportedVersionError,
            "t.yaml:1:1: error: missing required key 'format'\n"
            "  hint: start the document with `format: 1`",
            id="format-missing",
        ),
        pytest.param(
            'format: "x"\nid: demo\ntitle: Demo\n',
            UnsupportedVersionError,
            "t.yaml:1:9: error: format: 'x' is not a format version\n  hint: write `format: 1`",
            id="format-text",
        ),
        pytest.param(
            'format: "1"\nid: demo\ntitle: Demo\n',
            UnsupportedVersionError,
            "t.yaml:1:9: error: format: '1' is not a format version\n  hint: write `format: 1`",
            id="format-quoted-1",
        ),
        pytest.param(
            "format: 0\nid: demo\ntitle: Demo\n",
            UnsupportedVersionError,
            "t.yaml:1:9: error: format 0 does not exist\n  hint: write `format: 1`",
            id="format-0",
        ),
        pytest.param(
            "format: true\nid: demo\ntitle: Demo\n",
            UnsupportedVersionError,
            "t.yaml:1:9: error: format: true is not a format version\n  hint: write `format: 1`",
            id="format-bool",
        ),
        pytest.param(
            "",
            ReadError,
            f"t.yaml: error: the document is empty\n  hint: {EMPTY_HINT}",
            id="empty",
        ),
        pytest.param(
            " \n\n\t\n",
            ReadError,
            f"t.yaml: error: the document is empty\n  hint: {EMPTY_HINT}",
            id="blank",
        ),
        pytest.param(
            "# only a comment\n",
            ReadError,
            f"t.yaml: error: the document is empty\n  hint: {EMPTY_HINT}",
            id="comments-only",
        ),
        pytest.param(
            "- format: 1\n- id: demo\n",
            DocumentError,
            "t.yaml:1:1: error: the document must be a mapping of keys at the top level "
            "(format, id, title, ...), not a list\n  hint: start the file with `format: 1`",
            id="top-level-list",
        ),
        pytest.param(
            "just some words\n",
            DocumentError,
            "t.yaml:1:1: error: the document must be a mapping of keys at the top level "
            "(format, id, title, ...), not the text 'just some words'\n"
            "  hint: start the file with `format: 1`",
            id="top-level-text",
        ),
        pytest.param(
            "format: 1\nid: demo\ntitle: Demo\n---\nformat: 1\n",
            FileFormatError,
            "t.yaml:4:1: error: the file holds more than one YAML document (a second '---')\n"
            "  hint: keep one theory of change per file: remove the '---' line and what follows",
            id="two-documents",
        ),
        pytest.param(
            "format: 1\nid: demo\ntitle: Demo\nnodes: [{id: a, stage: resources, label: A\n",
            FileFormatError,
            "t.yaml:5:1: error: invalid YAML: …\n"
            "  hint: check indentation, colons and quotes near this position",
            id="unclosed-brace",
        ),
        pytest.param(
            "format: 1\nid: demo\ntitle: Demo\nnodes:\n  - id: a\n   stage: x\n",
            FileFormatError,
            "t.yaml:6:4: error: invalid YAML: …\n"
            "  hint: check indentation, colons and quotes near this position",
            id="bad-indent",
        ),
    ],
)
def test_version_empty_and_top_level_errors(
    text: str, error: type[Exception], rendered: str
) -> None:
    with pytest.raises(error) as info:
        toc.loads(text, file="t.yaml")
    assert type(info.value) is error
    assert re.fullmatch(_ours(rendered), str(info.value)), str(info.value)


def _ours(expected: str) -> str:
    """A pattern of our message in which "…" stands for the parser's own words (libyaml's
    wording is not ours to pin)."""
    return ".+".join(re.escape(part) for part in expected.split("…"))


def test_a_newer_format_is_refused_before_anything_else_is_checked() -> None:
    # A format-2 document may use keys this library has never heard of.
    with pytest.raises(UnsupportedVersionError) as info:
        toc.loads("format: 2\nid: demo\ntitle: Demo\nnew_thing: [1]\n", file="t.yaml")
    assert len(info.value.problems) == 1
    assert isinstance(info.value, toc.TocError)
    assert isinstance(info.value, ValueError)


# ------------------------------------------------------------ invalid JSON

J = '{\n  "format": 1,\n  "id": "demo",\n  "title": "Demo",\n'


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            J + '  "titel": "x"\n}\n',
            [(5, 3, "unknown key 'titel'", "did you mean 'title'?")],
            id="unknown-key",
        ),
        pytest.param(
            J + '  "nodes": [\n    {"id": "a", "stage": "resources"}\n  ]\n}\n',
            [(6, 5, "nodes[0]: missing required key 'label'", "add `label:` here")],
            id="missing-key",
        ),
        pytest.param(
            J + '  "nodes": {"id": "a"}\n}\n',
            [(5, 12, "nodes: expected a list, got a mapping", "write a list here")],
            id="wrong-type",
        ),
        pytest.param(
            J + '  "nodes": [\n'
            '    {"id": "a", "stage": "resources", "label": "A"},\n'
            '    {"id": "b", "stage": "short", "label": "B"}\n'
            "  ],\n"
            '  "links": [{"from": "a", "to": "c"}],\n'
            '  "mechanisms": [{"id": "b", "title": "M"}]\n'
            "}\n",
            [
                (
                    9,
                    33,
                    "links[0].to: unknown node 'c'",
                    "declare node 'c' first, or use one of: a, b",
                ),
                (
                    10,
                    25,
                    "mechanisms[0].id: duplicate id 'b': already used by the node at nodes[1]",
                    "every id must be unique across the whole document; rename one of them",
                ),
            ],
            id="references",
        ),
        pytest.param(
            J + '  "mechanisms": [{"id": "m", "title": "M", "prior": 2}]\n}\n',
            [(5, 53, "mechanisms[0].prior: 2 is out of range", PROB_HINT)],
            id="probability",
        ),
    ],
)
def test_invalid_json_reports_each_problem_at_its_line_and_column(
    text: str, expected: Expected
) -> None:
    with pytest.raises(DocumentError) as info:
        toc.loads(text, "json", file="t.json")
    assert problems(info.value) == expected
    assert {p.file for p in info.value.problems} == {"t.json"}


@pytest.mark.parametrize(
    ("text", "rendered"),
    [
        (
            '{"format": 1, "id": "d", "title": "t", "nodes": [1, 2',
            "t.json:1:54: error: invalid JSON: Expecting ',' delimiter\n"
            "  hint: check commas, brackets and quotes near this position",
        ),
        (
            '{"format": 1, "id": "d", "title": "t",}',
            "t.json:1:39: error: invalid JSON: Expecting property name enclosed in double quotes\n"
            "  hint: check commas, brackets and quotes near this position",
        ),
        (
            "{'format': 1}",
            "t.json:1:2: error: invalid JSON: Expecting property name enclosed in double quotes\n"
            "  hint: check commas, brackets and quotes near this position",
        ),
    ],
)
def test_broken_json_syntax_is_located(text: str, rendered: str) -> None:
    with pytest.raises(FileFormatError) as info:
        toc.loads(text, "json", file="t.json")
    assert str(info.value) == rendered


# -------------------------------------------------------------- valid input


@pytest.mark.parametrize(
    ("body", "check"),
    [
        pytest.param("", lambda d: d.nodes == [] and d.language == "en", id="minimal"),
        pytest.param(
            "",
            lambda d: d.stages == ["resources", "activities", "short", "medium", "long"],
            id="default-stages",
        ),
        pytest.param(
            "stages: [inputs, outputs, outcomes]\nnodes: [{id: a, stage: outcomes, label: A}]\n",
            lambda d: (
                d.stages == ["inputs", "outputs", "outcomes"] and d.input_stages == ["inputs"]
            ),
            id="own-stages",
        ),
        pytest.param(
            "nodes: [{id: a, stage: resources, label: 2018}]\n",
            lambda d: d.node("a").label == "2018",
            id="number-as-label",
        ),
        pytest.param(
            "nodes: [{id: 123, stage: resources, label: A}]\n",
            lambda d: d.nodes[0].id == "123",
            id="number-as-id",
        ),
        pytest.param(
            "conditions: [{id: c, statement: S}]\n"
            "judgements: [{about: c, verdict: present, date: 2018-05}]\n",
            lambda d: d.judgements[0].date == "2018-05",
            id="month-date",
        ),
        pytest.param(
            "conditions: [{id: c, statement: S}]\n"
            "judgements: [{about: c, verdict: absent, date: 2018-05-14}]\n",
            lambda d: d.judgements[0].date == "2018-05-14",
            id="day-date",
        ),
        pytest.param(
            "conditions: [{id: c, statement: S}]\n"
            "judgements: [{about: c, verdict: unknown, date: 2019}]\n",
            lambda d: d.judgements[0].date == "2019",
            id="year-date",
        ),
        pytest.param(
            "conditions: [{id: c, statement: S}]\n"
            "evidence:\n"
            "  - {id: e, about: c, kind: survey, question: Q, scale: [a, b, c], counts: [0, 6, 7],"
            " dont_know: 4, top: [c, b]}\n",
            lambda d: d.evidence[0].top_steps() == [1, 2],
            id="survey-top-group",
        ),
        pytest.param(
            NODES + "  - {from: work, to: money, feedback: true}\n",
            lambda d: d.links[1].feedback is True,
            id="feedback-link",
        ),
        pytest.param(
            NODES + "evidence: [{id: e, about: money->work, kind: observation}]\n"
            "rivals: [{id: r, statement: R, about: [work, money -> work]}]\n",
            lambda d: d.evidence[0].about == "money->work",
            id="link-references",
        ),
        pytest.param(
            "conditions: [{id: c, statement: S}]\n"
            "evidence: [{id: e, about: c, kind: document, p_if_true: 0.9, test: hoop}]\n",
            lambda d: d.evidence[0].p_if_false is None,
            id="half-likelihood-with-test",
        ),
    ],
)
def test_valid_documents_load(body: str, check: Any) -> None:
    doc = toc.loads(HEAD + body)
    assert check(doc)


def test_the_reference_example_loads(nils_path: Path) -> None:
    doc = toc.load(nils_path)
    assert doc.id == "nils-2018"
    assert doc.language == "sv"
    assert [i.id for i in doc.interventions] == ["ic", "spira"]
    assert len(doc.mechanisms) == 5


def test_mechanisms_named_on_a_link_join_the_mechanisms_own_links() -> None:
    doc = toc.loads(
        HEAD
        + lines(
            "nodes:",
            "  - {id: a, stage: resources, label: A}",
            "  - {id: b, stage: activities, label: B}",
            "  - {id: c, stage: short, label: C}",
            "links:",
            "  - {from: a, to: b, mechanisms: [m1]}",
            "  - {from: b, to: c, mechanisms: [m1, m2]}",
            "mechanisms:",
            "  - {id: m1, title: One, links: [b -> c, b->c]}",
            "  - {id: m2, title: Two}",
        )
    )
    assert [m.links for m in doc.mechanisms] == [["b->c", "a->b"], ["b->c"]]
    assert [link.mechanisms for link in doc.links] == [[], []]
    assert [m.id for m in doc.mechanisms_of("b->c")] == ["m1", "m2"]


# ------------------------------------------------- YAML 1.2 core scalars


@pytest.mark.parametrize("word", ["no", "No", "NO", "yes", "on", "off", "y", "n", "Off"])
def test_yaml_1_1_booleans_are_text(word: str) -> None:
    doc = toc.loads(HEAD + f"nodes: [{{id: a, stage: resources, label: {word}}}]\n")
    assert doc.nodes[0].label == word


@pytest.mark.parametrize("plain", ["0o17", "0x1F", "1e3", "012", "+5", "1.50", "2018", "-0"])
def test_a_number_in_a_text_field_is_the_text_as_written(plain: str) -> None:
    doc = toc.loads(HEAD + f"nodes: [{{id: a, stage: resources, label: {plain}}}]\n")
    assert doc.nodes[0].label == plain


@pytest.mark.parametrize("plain", ["007", "0o17", "1e3", "2018"])
def test_a_number_as_an_id_is_the_id_as_written_everywhere(plain: str) -> None:
    doc = toc.loads(
        HEAD + f"nodes: [{{id: {plain}, stage: resources, label: A}}, {{id: b, stage: short, "
        f"label: B}}]\nlinks: [{{from: {plain}, to: b}}]\n"
    )
    assert doc.nodes[0].id == plain
    assert doc.links[0].ref == f"{plain}->b"
    assert f"- id: '{plain}'\n" in dumps(doc)


@pytest.mark.parametrize(
    ("plain", "value"),
    [
        ("0o17", 15),
        ("0x1F", 31),
        ("1e3", 1000.0),
        ("012", 12),
        ("+5", 5),
        ("1.50", 1.5),
        (".5", 0.5),
    ],
)
def test_a_number_in_a_number_field_follows_yaml_1_2(plain: str, value: float) -> None:
    doc = toc.loads(
        HEAD + f"nodes: [{{id: a, stage: short, label: A, indicators: [{{id: i, name: I, "
        f"target: {{value: {plain}}}}}]}}]\n"
    )
    target = doc.nodes[0].indicators[0].target
    assert target is not None
    assert target.value == value
    assert type(target.value) is type(value)
    assert str(target.value) == str(value)


@pytest.mark.parametrize(
    "label", ["0o17", "1e3", "null", "~", "true", "False", "0x1F", "12", "-.5", ".inf", ".NaN", ""]
)
def test_text_that_looks_like_another_scalar_is_written_quoted_and_reads_back_as_text(
    label: str,
) -> None:
    doc = toc.Document.model_validate(
        {
            "format": 1,
            "id": "demo",
            "title": "Demo",
            "description": label,
            "nodes": [{"id": "a", "stage": "resources", "label": label or "x"}],
        }
    )
    text = dumps(doc)
    assert f"description: '{label}'\n" in text
    again = toc.loads(text)
    assert again.description == label
    assert again == doc


# ------------------------------------------------------------- load / loads


def test_load_reads_yaml_yml_and_json_by_suffix(
    write_file: Any, minimal_data: dict[str, Any]
) -> None:
    doc = toc.validate(minimal_data)
    paths = [
        write_file("a.yaml", dumps(doc)),
        write_file("b.yml", dumps(doc)),
        write_file("c.json", dumps(doc, "json")),
        write_file("d.YAML", dumps(doc)),
    ]
    for path in paths:
        assert toc.load(path) == doc
        assert toc.load(str(path)) == doc


def test_load_sniffs_the_format_of_a_file_without_a_known_suffix(
    write_file: Any, minimal_data: dict[str, Any]
) -> None:
    doc = toc.validate(minimal_data)
    # A tab-indented JSON file is not YAML: only a JSON read accepts it.
    tabbed = json.dumps(minimal_data, indent="\t")
    assert toc.load(write_file("theory", tabbed)) == doc
    assert toc.load(write_file("theory.txt", "\n  " + tabbed)) == doc
    assert toc.load(write_file("theory2", dumps(doc))) == doc


def test_a_json_file_is_read_as_json_so_its_errors_are_json_errors(write_file: Any) -> None:
    path = write_file("t.json", '{"format": 1, "id": "d", "title": "t", "id": "e"}')
    with pytest.raises(FileFormatError) as info:
        toc.load(path)
    assert str(info.value) == (
        f"{path}:1:40: error: duplicate key 'id' in one object\n"
        "  hint: a key may appear only once per object; merge the two or rename one"
    )


def test_load_names_a_missing_file_and_a_folder(tmp_path: Path) -> None:
    with pytest.raises(ReadError) as info:
        toc.load(tmp_path / "nope.yaml")
    assert str(info.value) == (
        f"{tmp_path / 'nope.yaml'}: error: no such file\n  hint: check the path and the file name"
    )
    with pytest.raises(ReadError) as info:
        toc.load(tmp_path)
    assert "this is a folder, not a file" in str(info.value)


def test_load_refuses_a_file_over_max_bytes(write_file: Any) -> None:
    path = write_file("t.yaml", HEAD)
    assert toc.load(path, max_bytes=len(HEAD)).id == "demo"
    with pytest.raises(ReadError) as info:
        toc.load(path, max_bytes=len(HEAD) - 1)
    assert str(info.value) == (
        f"{path}: error: the file is 31 bytes, more than the limit of 30\n"
        "  hint: split the document into smaller ones (in Python, toc.load(path, max_bytes=...) "
        "reads larger files)"
    )


def test_loads_accepts_utf8_bytes_and_refuses_an_unknown_format() -> None:
    assert toc.loads((HEAD + "description: Förändringsteori\n").encode()).description == (
        "Förändringsteori"
    )
    with pytest.raises(toc.OptionError) as info:
        toc.loads(HEAD, "xml")
    assert str(info.value) == "unknown format 'xml': use 'yaml' or 'json'"


def test_a_utf8_byte_order_mark_is_ignored_and_does_not_shift_columns(
    write_file: Any,
) -> None:
    bom = b"\xef\xbb\xbf"
    assert toc.loads(bom + HEAD.encode()).id == "demo"
    assert toc.loads("\ufeff" + HEAD).id == "demo"
    assert toc.load(write_file("t.yaml", bom + HEAD.encode())).id == "demo"
    assert toc.load(write_file("t.json", bom + b'{"format": 1, "id": "d", "title": "t"}')).id == "d"
    with pytest.raises(UnsupportedVersionError) as info:
        toc.load(write_file("v.yaml", bom + b"format: 2\nid: d\ntitle: t\n"))
    assert (info.value.problems[0].line, info.value.problems[0].column) == (1, 9)


def test_validate_without_a_file_locates_by_data_path() -> None:
    with pytest.raises(DocumentError) as info:
        toc.validate({"format": 1, "id": "d", "title": "t", "nodes": [{"id": "a"}]})
    assert str(info.value) == (
        "<document>: error: nodes[0]: missing required key 'stage'\n"
        "  hint: add `stage:` here\n"
        "<document>: error: nodes[0]: missing required key 'label'\n"
        "  hint: add `label:` here"
    )


def test_model_validate_without_the_loader_raises_pydantic_errors_for_references() -> None:
    data = {
        "format": 1,
        "id": "d",
        "title": "t",
        "nodes": [{"id": "a", "stage": "resources", "label": "A"}],
        "links": [{"from": "a", "to": "b"}],
        "mechanisms": [{"id": "a", "title": "M"}],
    }
    with pytest.raises(pydantic.ValidationError) as info:
        toc.Document.model_validate(data)
    assert info.value.error_count() == 1
    message = info.value.errors()[0]["msg"]
    assert message == (
        "Value error, mechanisms[0].id: duplicate id 'a': already used by the node at nodes[0] "
        "(every id must be unique across the whole document; rename one of them)\n"
        "links[0].to: unknown node 'b' (declare node 'b' first, or use one of: a)"
    )


# ----------------------------------------------------------------- dumping

CANONICAL_SOURCE = lines(
    "format: 1",
    "id: demo",
    "title: Demo",
    "nodes:",
    "  - {id: money, stage: resources, label: Money}",
    '  - {id: work, stage: activities, label: "no"}',
    "  - {id: change, stage: short, label: '0o17'}",
    "links:",
    "  - {from: money, to: work, mechanisms: [m-a]}",
    "  - {from: work, to: change, mechanisms: [m-a, m-b]}",
    "mechanisms:",
    "  - {id: m-a, title: A, links: [work -> change]}",
    '  - {id: m-b, title: "Yes: on", links: [work->change], prior: 0.25}',
)

CANONICAL_YAML = lines(
    "format: 1",
    "id: demo",
    "title: Demo",
    "language: en",
    "nodes:",
    "- id: money",
    "  stage: resources",
    "  label: Money",
    "- id: work",
    "  stage: activities",
    "  label: 'no'",
    "- id: change",
    "  stage: short",
    "  label: '0o17'",
    "links:",
    "- from: money",
    "  to: work",
    "- from: work",
    "  to: change",
    "mechanisms:",
    "- id: m-a",
    "  title: A",
    "  links:",
    "  - work->change",
    "  - money->work",
    "- id: m-b",
    "  title: 'Yes: on'",
    "  links:",
    "  - work->change",
    "  prior: 0.25",
)


def test_dump_is_canonical_mechanisms_on_the_mechanism_side_only() -> None:
    doc = toc.loads(CANONICAL_SOURCE)
    assert dumps(doc) == CANONICAL_YAML
    data = json.loads(dumps(doc, "json"))
    assert data["links"] == [{"from": "money", "to": "work"}, {"from": "work", "to": "change"}]
    assert [m["links"] for m in data["mechanisms"]] == [
        ["work->change", "money->work"],
        ["work->change"],
    ]
    assert list(data)[:4] == ["format", "id", "title", "language"]


def test_dump_json_is_indented_utf8_with_a_final_newline() -> None:
    doc = toc.loads(HEAD + "description: Förändring\n")
    assert dumps(doc, "json") == (
        '{\n  "format": 1,\n  "id": "demo",\n  "title": "Demo",\n  "language": "en",\n'
        '  "description": "Förändring"\n}\n'
    )


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_dump_is_deterministic_and_round_trips(nils_path: Path, tmp_path: Path, fmt: str) -> None:
    doc = toc.load(nils_path)
    first, second = tmp_path / f"1.{fmt}", tmp_path / f"2.{fmt}"
    toc.dump(doc, first)
    toc.dump(toc.load(nils_path), second)
    assert first.read_bytes() == second.read_bytes()
    again = toc.load(first)
    assert again == doc
    assert dumps(again, fmt) == first.read_text(encoding="utf-8")


def test_dump_follows_the_suffix_unless_a_format_is_given(tmp_path: Path) -> None:
    doc = toc.loads(HEAD)
    toc.dump(doc, tmp_path / "a.json")
    toc.dump(doc, tmp_path / "b.yaml")
    toc.dump(doc, tmp_path / "c.txt", format="json")
    assert (tmp_path / "a.json").read_text(encoding="utf-8").startswith("{\n")
    assert (tmp_path / "b.yaml").read_text(encoding="utf-8").startswith("format: 1\n")
    assert (tmp_path / "c.txt").read_text(encoding="utf-8").startswith("{\n")


def test_dump_replaces_a_file_atomically_and_leaves_it_whole_on_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "theory.yaml"
    target.write_text("old content\n", encoding="utf-8")
    doc = toc.loads(HEAD)

    def broken_replace(src: Any, dst: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(toc.WriteError) as info:
        toc.dump(doc, target)
    assert str(info.value) == f"cannot write {target}: No space left on device"
    assert target.read_text(encoding="utf-8") == "old content\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["theory.yaml"]
    monkeypatch.undo()
    toc.dump(doc, target)
    assert target.read_text(encoding="utf-8") == dumps(doc)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["theory.yaml"]


def test_dump_into_a_missing_folder_is_a_write_error(tmp_path: Path) -> None:
    with pytest.raises(toc.WriteError) as info:
        toc.dump(toc.loads(HEAD), tmp_path / "no" / "such" / "t.yaml")
    assert isinstance(info.value, OSError)
    assert str(info.value).startswith(f"cannot write {tmp_path / 'no' / 'such' / 't.yaml'}: ")
    assert not (tmp_path / "no").exists()


def test_text_that_utf8_cannot_hold_is_a_write_error_not_a_crash(tmp_path: Path) -> None:
    with pytest.raises(toc.WriteError) as info:
        write_atomic(tmp_path / "t.txt", "half a pair: \ud800")
    assert "half of a UTF-16 surrogate pair" in str(info.value)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("dumper", [yaml.SafeDumper, yaml.CSafeDumper], ids=["python", "libyaml"])
def test_tricky_text_survives_either_yaml_emitter(dumper: type[yaml.SafeDumper]) -> None:
    # Where libyaml is missing, PyYAML's own emitter writes the YAML.
    class Dumper(dumper):  # type: ignore[valid-type,misc]
        pass

    Dumper.add_representer(str, toc.files._represent_str)
    for text in TRICKY_TEXT:
        data = {"k": text, "l": [text, text + text]}
        written = yaml.dump(data, Dumper=Dumper, allow_unicode=True, width=100)
        assert toc.source.parse_yaml(written, "t.yaml")[0] == data, written


def test_json_positions_on_demand_match_a_full_scan() -> None:
    """The on-demand JSON locator gives the same position as a full scan, for every value."""
    from pathlib import Path as FsPath

    from toc.source import SourceMap, _JsonScanner, parse_json

    doc = toc.load(FsPath(__file__).parent.parent / "examples" / "nils-2018" / "nils-2018.yaml")
    text = toc.dumps(doc, "json")
    full = SourceMap(file="x.json")
    _JsonScanner(text, full).scan()
    _, smap = parse_json(text, "x.json")
    assert len(full.values) > 1000
    for path, position in full.values.items():
        assert smap.position(path) == position, path
    for path, position in full.keys.items():
        assert smap.position(path, key=True) == position, path
    # A path that does not exist falls back to its nearest existing parent.
    assert smap.position(("nodes", 0, "no-such-key")) == full.values[("nodes", 0)]
    assert smap.position(("nodes", 10**6)) == full.values[("nodes",)]


def test_a_flood_of_problems_is_capped_with_a_count() -> None:
    lines = ["format: 1", "id: d", "title: T", "nodes:"] + [
        f"  - {{id: n{i}, stage: resources, label: x, lable{i}: y}}" for i in range(300)
    ]
    with pytest.raises(toc.DocumentError) as caught:
        toc.loads("\n".join(lines))
    problems = caught.value.problems
    assert len(problems) == 51
    assert problems[0].render() == (
        "<string>:5:42: error: nodes[0]: unknown key 'lable0'\n  hint: did you mean 'label'?"
    )
    assert problems[-1].message == "... and 250 more problems (the first 50 are shown)"
    assert problems[-1].hint == "fix these and check again"


def test_json_type_errors_get_json_advice_not_yaml_quoting() -> None:
    text = '{"format": 1, "id": "d", "title": "T", "nodes": [{"id": "a", "stage": "resources", "label": ["x"]}]}'  # noqa: E501
    with pytest.raises(toc.DocumentError) as caught:
        toc.loads(text, "json")
    assert str(caught.value) == (
        "<string>:1:93: error: nodes[0].label: expected text, got a list\n"
        '  hint: write the text in double quotes, like "this"'
    )


def test_write_atomic_keeps_an_existing_files_permissions(tmp_path: Path) -> None:
    from toc.files import write_atomic

    target = tmp_path / "theory.yaml"
    target.write_text("old", "utf-8")
    target.chmod(0o600)
    write_atomic(target, "new")
    assert target.read_text("utf-8") == "new"
    assert target.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["theory.yaml"]
