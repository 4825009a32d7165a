"""Build a theory of change in code, change it, check it, assess it and draw it.

Run it with ``python build_in_code.py``: it prints what it finds and writes
``coaching.svg`` and ``coaching.mmd`` into the current folder. It passes
``mypy --strict``, with or without pydantic's mypy plugin.
"""

from __future__ import annotations

import toc
from mechanisms import Judgement, Mechanism, NarrativeEvidence, SurveyEvidence

# Build: each model checks its own fields, and the document checks that every
# reference (a link's nodes, a mechanism's links) names something declared.
doc = toc.Document(
    format=1,
    id="coaching",
    title="Coaching into work",
    language="en",
    interventions=[toc.Intervention(id="coach", name="Job coaching")],
    nodes=[
        toc.Node(id="funding", stage="resources", label="Joint funding"),
        toc.Node(id="meetings", stage="activities", label="Weekly coaching meetings"),
        toc.Node(id="plan", stage="short", label="A plan per participant"),
    ],
    links=[
        toc.Link(from_="funding", to="meetings"),
        toc.Link(from_="meetings", to="plan"),
    ],
    mechanisms=[
        Mechanism(id="m-trust", title="Participants trust their coach", links=["meetings->plan"]),
    ],
)

# Change: a document is a value. Make a new one from the old one's parts and
# the changes; the constructor checks the whole document again.
doc = toc.Document(
    **{
        **dict(doc),
        "nodes": [*doc.nodes, toc.Node(id="work", stage="medium", label="Work or studies")],
        "links": [*doc.links, toc.Link(from_="plan", to="work")],
        "evidence": [
            NarrativeEvidence(
                id="e-interviews",
                about="m-trust",
                intervention="coach",
                kind="interview",
                stance="supports",
                test="hoop",
                summary="Participants describe the coach as someone on their side.",
            ),
            SurveyEvidence(
                id="e-survey",
                about="m-trust",
                intervention="coach",
                kind="survey",
                question="I trust my coach",
                scale=["disagree", "partly", "agree"],
                counts=[2, 5, 23],
                stance="supports",
            ),
        ],
        "judgements": [
            Judgement(about="m-trust", intervention="coach", verdict="held", confidence="medium"),
        ],
    }
)

# Check: findings with stable codes, in the document's language.
for finding in toc.check(doc):
    print(f"{finding.code} {finding.severity}: {finding.message}")

# Assess: one judgement of the document, reused by everything drawn from it.
result = toc.assess(doc)
cell = result.cell("m-trust", "coach")
suggestion = result.suggestion("m-trust", "coach")
posterior = "none" if suggestion.posterior is None else f"{suggestion.posterior:.2f}"
print(f"m-trust in coach: recorded {cell.recorded}, suggested {suggestion.verdict} ({posterior})")

# Draw: the same assessment colours the diagram; files are written atomically.
for name in ("coaching.svg", "coaching.mmd"):
    written = toc.render(doc, name, color_by="verdict", assessment=result)
    print(f"wrote {written}")
