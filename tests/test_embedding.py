"""Building and changing a document in code, as another tool does.

The typed models must be usable from a tool's own ``mypy --strict`` code
(with pydantic's mypy plugin and without it), and a document changed in
code must be checked like a loaded one: a reference to nothing is a located
`toc.DocumentError`, never a `KeyError`.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import toc
from mechanisms.model import Judgement, Mechanism, NarrativeEvidence
from toc.model import Document, Link, Node

ROOT = Path(__file__).resolve().parent.parent

USER_CODE = textwrap.dedent(
    '''\
    """A tool's own code: it builds, changes and checks a theory of change."""

    from __future__ import annotations

    import toc
    from mechanisms.model import Judgement, Mechanism, NarrativeEvidence, SurveyEvidence
    from toc.model import Document, Link, Node


    def build() -> Document:
        return Document(
            format=1,
            id="demo",
            title="Built in code",
            nodes=[
                Node(id="money", stage="resources", label="Money"),
                Node(id="work", stage="activities", label="Work"),
                Node(id="jobs", stage="short", label="Jobs"),
            ],
            links=[Link(from_="money", to="work"), Link(from_="work", to="jobs", label="hires")],
            mechanisms=[Mechanism(id="m-work", title="Work gives jobs", links=["work->jobs"])],
            evidence=[
                NarrativeEvidence(id="e1", about="m-work", kind="interview", stance="supports"),
                SurveyEvidence(
                    id="e2",
                    about="m-work",
                    kind="survey",
                    question="Did it help?",
                    scale=["no", "yes"],
                    counts=[1, 5],
                ),
            ],
            judgements=[Judgement(about="m-work", verdict="held", evidence=["e1"])],
        )


    doc = build()
    doc.links.append(Link(from_="jobs", to="money", feedback=True))
    findings: list[toc.Finding] = toc.check(doc)
    wrong = Link(from_="a", to="b", colour="red")  # the one line mypy must refuse
    '''
)

CONFIGS = {
    "plugin": (
        "[mypy]\nstrict = True\nplugins = pydantic.mypy\n"
        "[pydantic-mypy]\ninit_forbid_extra = True\ninit_typed = True\n"
        "warn_required_dynamic_aliases = True\n"
    ),
    "no-plugin": "[mypy]\nstrict = True\n",
}


def test_building_a_document_in_code_passes_mypy_strict(tmp_path: Path) -> None:
    pytest.importorskip("mypy")
    source = tmp_path / "user.py"
    source.write_text(USER_CODE, encoding="utf-8")
    wrong = USER_CODE.splitlines().index(next(x for x in USER_CODE.splitlines() if "colour" in x))
    runs = {}
    for name, config in CONFIGS.items():
        ini = tmp_path / f"{name}.ini"
        # toc as an installed package: its own modules are the project's business.
        ini.write_text(
            config + "[mypy-toc.*]\nfollow_imports = silent\n"
            "[mypy-mechanisms.*]\nfollow_imports = silent\n",
            encoding="utf-8",
        )
        runs[name] = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "mypy",
                "--config-file",
                str(ini),
                "--cache-dir",
                str(tmp_path / f"cache-{name}"),
                "--show-error-codes",
                "--no-pretty",
                "--no-error-summary",
                str(source),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=tmp_path,
            env={**os.environ, "MYPYPATH": str(ROOT)},
        )
    for name, run in runs.items():
        out, err = run.communicate(timeout=300)
        errors = re.findall(r"^user\.py:(\d+): error: .*\[([\w-]+)\]$", out, flags=re.M)
        # Only the deliberate mistake: the rest of the tool's code type-checks.
        assert errors == [(str(wrong + 1), "call-arg")], f"{name}:\n{out}{err}"


def test_a_link_is_built_by_the_name_python_allows() -> None:
    link = Link(from_="money", to="work")
    assert (link.from_, link.ref) == ("money", "money->work")
    assert link == Link.model_validate({"from": "money", "to": "work"})
    assert link.model_dump(by_alias=True)["from"] == "money"
    assert Link.model_fields["from_"].alias == "from"


def _built() -> Document:
    return Document(
        format=1,
        id="demo",
        title="Demo",
        nodes=[
            Node(id="money", stage="resources", label="Money"),
            Node(id="work", stage="activities", label="Work"),
            Node(id="jobs", stage="short", label="Jobs"),
        ],
        links=[Link(from_="money", to="work"), Link(from_="work", to="jobs")],
        mechanisms=[Mechanism(id="m", title="M", links=["work->jobs"])],
        evidence=[NarrativeEvidence(id="e", about="m", kind="interview")],
        judgements=[Judgement(about="m", verdict="held", evidence=["e"])],
    )


def _changed(change: str) -> Document:
    doc = _built()
    if change == "link-to-nothing":
        doc.links.append(Link(from_="jobs", to="pension"))
    elif change == "node-removed":
        doc.nodes.pop(0)
    elif change == "stage-renamed":
        doc.nodes[2].stage = "short-term"
    elif change == "evidence-about-nothing":
        doc.evidence[0].about = "m-gone"
    elif change == "judged-evidence-removed":
        doc.evidence.clear()
    elif change == "id-used-twice":
        doc.nodes.append(Node(id="money", stage="long", label="Money again"))
    return doc


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("link-to-nothing", "links[2].to: unknown node 'pension'"),
        ("node-removed", "links[0].from: unknown node 'money'"),
        ("stage-renamed", "nodes[2].stage: unknown stage 'short-term'"),
        (
            "evidence-about-nothing",
            "evidence[0].about: unknown mechanism, condition, rival, node or link 'm-gone'",
        ),
        ("judged-evidence-removed", "judgements[0].evidence[0]: unknown evidence item 'e'"),
        (
            "id-used-twice",
            "nodes[3].id: duplicate id 'money': already used by the node at nodes[0]",
        ),
    ],
)
def test_a_document_changed_in_code_is_checked_like_a_loaded_one(change: str, message: str) -> None:
    assert toc.check(_built()) is not None
    with pytest.raises(toc.DocumentError) as info:
        toc.check(_changed(change))
    [problem] = info.value.problems
    assert problem.message == message
    assert problem.hint


def test_a_loaded_document_changed_in_code_keeps_its_file_positions(tmp_path: Path) -> None:
    path = tmp_path / "theory.yaml"
    path.write_text(
        "format: 1\nid: d\ntitle: T\nnodes:\n  - {id: a, stage: resources, label: A}\n"
        "  - {id: b, stage: activities, label: B}\nlinks:\n  - {from: a, to: b}\n",
        encoding="utf-8",
    )
    doc = toc.load(path)
    doc.links[0].to = "c"
    with pytest.raises(toc.DocumentError) as info:
        toc.check(doc)
    [problem] = info.value.problems
    assert problem.render() == (
        f"{path}:8:19: error: links[0].to: unknown node 'c'\n"
        "  hint: declare node 'c' first, or use one of: a, b"
    )


@pytest.mark.parametrize("call", ["assess", "render", "check"])
def test_a_link_to_nothing_added_in_code_is_a_located_document_error(
    call: str, tmp_path: Path
) -> None:
    doc = toc.load(Path(__file__).resolve().parent.parent / "examples/nils-2018/nils-2018.yaml")
    doc.links.append(toc.Link(from_="nowhere", to=doc.nodes[0].id))
    with pytest.raises(toc.DocumentError) as caught:
        if call == "assess":
            toc.assess(doc)
        elif call == "render":
            toc.render(doc, tmp_path / "d.svg")
        else:
            toc.check(doc)
    assert "links[34].from: okänd nod 'nowhere'" in str(caught.value)  # a Swedish document
    assert not (tmp_path / "d.svg").exists()
