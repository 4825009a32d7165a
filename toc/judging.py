"""Judging a document: its mechanisms, conditions, rivals, evidence and judgements.

The bridge from a `toc.model.Document` to `mechanisms.judge.judge`: which
interventions each mechanism and rival applies to (`applies_to`), and the
judgement itself (`judge_document`). No graph work, no messages, no colours.
"""

from __future__ import annotations

from mechanisms.bayes import Thresholds
from mechanisms.judge import Judging, judge
from mechanisms.model import parse_link_ref
from toc.model import Document, Node

__all__ = ["applies_to", "judge_document", "node_applies"]


def node_applies(node: Node, intervention: str | None) -> bool:
    """Whether a node belongs to ``intervention`` (None: the document as a whole).

    A node without ``interventions`` belongs to every intervention.
    """
    return intervention is None or not node.interventions or intervention in node.interventions


def applies_to(doc: Document) -> dict[str, list[str]]:
    """The interventions each mechanism and rival applies to.

    A node without ``interventions`` belongs to all. A mechanism applies to
    an intervention when one of its links has both ends in it; a rival when
    one of the outcomes or links it is about does. Without links (or
    ``about``) it applies to all.
    """
    ids = [i.id for i in doc.interventions]
    everywhere = frozenset(ids)
    of_node = {
        node.id: frozenset(node.interventions) & everywhere if node.interventions else everywhere
        for node in doc.nodes
    }

    def of_ref(ref: str) -> frozenset[str]:
        pair = parse_link_ref(ref)
        if pair is None:
            return of_node.get(ref, frozenset())
        return of_node.get(pair[0], frozenset()) & of_node.get(pair[1], frozenset())

    result: dict[str, list[str]] = {}
    for target_id, refs in [
        *((m.id, m.links) for m in doc.mechanisms),
        *((r.id, r.about) for r in doc.rivals),
    ]:
        if refs:
            found = frozenset().union(*(of_ref(ref) for ref in refs))
            result[target_id] = [i for i in ids if i in found]
    return result


def judge_document(
    doc: Document, thresholds: Thresholds | None = None, *, detail: bool = True
) -> Judging:
    """Run `mechanisms.judge.judge` on a document (no graph work, no messages)."""
    return judge(
        mechanisms=doc.mechanisms,
        conditions=doc.conditions,
        rivals=doc.rivals,
        evidence=doc.evidence,
        judgements=doc.judgements,
        interventions=[i.id for i in doc.interventions],
        applies_to=applies_to(doc),
        thresholds=thresholds,
        detail=detail,
    )
