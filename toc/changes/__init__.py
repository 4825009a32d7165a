"""What changed between two versions of a theory of change: `diff`.

A theory of change lives through a mission's whole life: boxes are added
because practice found them, assumptions are rewritten, conditions
discovered, verdicts reached. `diff` compares two versions of one document
*semantically*, keyed on ids, and returns a typed `Changes`::

    import toc
    plan = toc.load("examples/nils-2018-plan/nils-2018-plan.yaml")
    done = toc.load("examples/nils-2018/nils-2018.yaml")
    changes = toc.diff(plan, done)
    changes.empty                   # False
    [c.id for c in changes.nodes]   # what happened to the boxes
    changes.model_dump_json()       # the JSON of `toc diff --format json`

The rules (docs/diff.md states them for readers):

- Every kind of element is matched by its id: nodes, links (by
  ``"from->to"``), mechanisms, conditions, rivals, interventions, actors,
  indicators and evidence items. An element is *added*, *removed* or
  *changed*; a change lists each field with its old and new value.
  Reference lists whose order means nothing (a node's interventions and
  actors, a mechanism's links and conditions, a rival's ``about``, the
  mechanisms that explain a link) are compared as sets.
- A node with a new id but the same label (spaces aside) and stage as a
  removed one is *renamed*. Every reference to the old id in the old version
  is read as the new id, so links, mechanisms and evidence that only follow
  the rename are not reported as changed; the links that followed it are
  listed under the rename (``follows``).
- Judgements are compared by their effect: per mechanism, condition and
  rival and per intervention, the *current* verdict in each version (the one
  rule of `mechanisms.history.Histories`), reported when it moved
  (``None → held``). Evidence is counted per thing it is about, besides the
  item-by-item list.

`read_version` reads a version from a file or from Git (``HEAD~3:theory.yaml``,
run as ``git show`` with an argument list from `git_show_command`).
`diff_scene`, `diff_dot` and `draw_diff` draw the new version with the
removed elements where they were, every box and link marked (docs/diff.md).

The package, one job per module: `model` (the typed result `Changes` and its
JSON Schema), `compare` (`diff`), `versions` (`read_version`: a file or a
Git revision) and `diagram` (`diff_scene`, `diff_dot`, `draw_diff`,
`render_diff`). The text and Markdown writers of ``toc diff`` live in
`toc.report.diff_text`, the report's section in `toc.report.changes`.
"""

from __future__ import annotations

from toc.changes.compare import diff
from toc.changes.diagram import MARKS as MARKS
from toc.changes.diagram import MarkName as MarkName
from toc.changes.diagram import diff_dot, diff_scene, draw_diff, render_diff
from toc.changes.model import (
    SCHEMA_ID,
    SECTIONS,
    Change,
    ChangeKind,
    Changes,
    EvidenceCount,
    FieldChange,
    Followed,
    Summary,
    VerdictMove,
    Version,
    json_schema,
    schema_text,
)
from toc.changes.model import TargetKind as TargetKind
from toc.changes.versions import git_show_command, read_version, split_revision

__all__ = [
    "SCHEMA_ID",
    "SECTIONS",
    "Change",
    "ChangeKind",
    "Changes",
    "EvidenceCount",
    "FieldChange",
    "Followed",
    "Summary",
    "VerdictMove",
    "Version",
    "diff",
    "diff_dot",
    "diff_scene",
    "draw_diff",
    "git_show_command",
    "json_schema",
    "read_version",
    "render_diff",
    "schema_text",
    "split_revision",
]
