"""The chain as a networkx graph, and pathway queries over it.

networkx is imported inside the functions: it costs a fifth of a second of
start-up that ``toc check`` does not need.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from toc.model import Document

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["downstream", "pathways", "to_networkx", "upstream"]


def to_networkx(doc: Document) -> nx.DiGraph:
    """The nodes and links of a document as a `networkx.DiGraph`.

    Node attributes: ``stage``, ``stage_index``, ``label``, ``interventions``,
    ``actors``, ``outcome`` (bool). Edge attributes: ``feedback``,
    ``mechanisms`` (ids, in document order), ``label``.

    >>> import toc
    >>> doc = toc.loads('''
    ... format: 1
    ... id: demo
    ... title: Demo
    ... nodes: [{id: a, stage: resources, label: A}, {id: b, stage: short, label: B}]
    ... links: [{from: a, to: b}]
    ... ''')
    >>> g = to_networkx(doc)
    >>> list(g.edges)
    [('a', 'b')]
    >>> g.nodes["b"]["outcome"]
    True
    """
    import networkx as nx

    graph = nx.DiGraph(id=doc.id, title=doc.title, stages=list(doc.stages))
    order = {stage: i for i, stage in enumerate(doc.stages)}
    outcomes = set(doc.outcome_stages)
    for node in doc.nodes:
        graph.add_node(
            node.id,
            stage=node.stage,
            stage_index=order[node.stage],
            label=node.label,
            interventions=list(node.interventions),
            actors=list(node.actors),
            outcome=node.stage in outcomes,
        )
    explains: dict[str, list[str]] = {}
    for mechanism in doc.mechanisms:
        for ref in mechanism.links:
            explains.setdefault(ref, []).append(mechanism.id)
    for link in doc.links:
        graph.add_edge(
            link.from_,
            link.to,
            feedback=link.feedback,
            mechanisms=explains.get(link.ref, []),
            label=link.label,
        )
    return graph


def _forward(doc_or_graph: Document | nx.DiGraph) -> nx.DiGraph:
    graph = to_networkx(doc_or_graph) if isinstance(doc_or_graph, Document) else doc_or_graph
    feedback = [(a, b) for a, b, fb in graph.edges(data="feedback") if fb]
    if not feedback:
        return graph
    view = graph.copy()
    view.remove_edges_from(feedback)
    return view


def _require(graph: nx.DiGraph, node: str) -> None:
    if node not in graph:
        from toc.errors import OptionError

        raise OptionError(f"no node {node!r} in the document")


def upstream(doc_or_graph: Document | nx.DiGraph, node: str) -> set[str]:
    """Every node from which ``node`` can be reached (feedback links ignored)."""
    import networkx as nx

    graph = _forward(doc_or_graph)
    _require(graph, node)
    return set(nx.ancestors(graph, node))


def downstream(doc_or_graph: Document | nx.DiGraph, node: str) -> set[str]:
    """Every node reachable from ``node`` (feedback links ignored)."""
    import networkx as nx

    graph = _forward(doc_or_graph)
    _require(graph, node)
    return set(nx.descendants(graph, node))


def pathways(doc: Document, outcome: str, *, limit: int = 10_000) -> list[list[str]]:
    """The paths to ``outcome`` that start at a resource or activity.

    Each path is a list of node ids; feedback links are not followed. Paths
    are sorted (shortest first, then by id) and at most ``limit`` are returned,
    since their number can grow exponentially in dense graphs.

    >>> import toc
    >>> doc = toc.loads('''
    ... format: 1
    ... id: demo
    ... title: Demo
    ... nodes: [{id: a, stage: resources, label: A}, {id: b, stage: activities, label: B},
    ...         {id: c, stage: short, label: C}]
    ... links: [{from: a, to: b}, {from: b, to: c}]
    ... ''')
    >>> pathways(doc, "c")
    [['b', 'c'], ['a', 'b', 'c']]
    """
    import networkx as nx

    graph = _forward(doc)
    _require(graph, outcome)
    inputs = set(doc.input_stages)
    starts = sorted(n for n in nx.ancestors(graph, outcome) if graph.nodes[n]["stage"] in inputs)
    paths: list[list[str]] = []
    for start in starts:
        for path in nx.all_simple_paths(graph, start, outcome):
            paths.append(list(path))
            if len(paths) >= limit:
                break
        if len(paths) >= limit:
            break
    paths.sort(key=lambda p: (len(p), p))
    return paths
