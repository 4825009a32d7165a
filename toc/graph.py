"""The chain as a graph: reachability, order, pathways, and a networkx view.

The one home of graph walks over a document. `reach` and `topological_order`
are plain Python over adjacency mappings: the checks, the pathway support and
the diagram's focus use them without importing networkx, which costs a fifth
of a second of start-up and, at 10,000 nodes, more than the walk itself
(``benchmarks/bench_reach.py`` measures both). `to_networkx` gives other
tools the full graph, and `pathways` uses networkx's path enumeration.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from toc.errors import OptionError
from toc.model import Document, Node

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "downstream",
    "pathways",
    "predecessors",
    "reach",
    "strongly_connected",
    "successors",
    "to_networkx",
    "topological_order",
    "unplaceable",
    "upstream",
]


def successors(doc: Document) -> dict[str, list[str]]:
    """Each node's successors along the forward links (feedback links left out).

    Every node has an entry, in document order; successors in link order.
    """
    out: dict[str, list[str]] = {node.id: [] for node in doc.nodes}
    for link in doc.links:
        if not link.feedback:
            out[link.from_].append(link.to)
    return out


def predecessors(doc: Document) -> dict[str, list[str]]:
    """Each node's predecessors along the forward links (feedback links left out)."""
    out: dict[str, list[str]] = {node.id: [] for node in doc.nodes}
    for link in doc.links:
        if not link.feedback:
            out[link.to].append(link.from_)
    return out


def reach(starts: Iterable[str], step: Mapping[str, Iterable[str]]) -> set[str]:
    """Every node reachable from ``starts`` by following ``step``, the starts included.

    >>> sorted(reach(["a"], {"a": ["b"], "b": ["c"], "d": ["a"]}))
    ['a', 'b', 'c']
    """
    seen = set(starts)
    todo = list(seen)
    while todo:
        for nxt in step.get(todo.pop(), ()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def topological_order(nodes: Sequence[str], edges: Iterable[tuple[str, str]]) -> list[str]:
    """The nodes with every edge's tail before its head (Kahn's algorithm).

    Ties go by position in ``nodes``; nodes on or behind a cycle, which no
    order can place, come last in their given order.

    >>> topological_order(["c", "b", "a"], [("a", "b"), ("b", "c")])
    ['a', 'b', 'c']
    >>> topological_order(["a", "b", "x"], [("a", "b"), ("b", "a")])
    ['x', 'a', 'b']
    """
    placed, rest = _kahn(nodes, edges)
    return placed + rest


def unplaceable(nodes: Sequence[str], edges: Iterable[tuple[str, str]]) -> list[str]:
    """The nodes on or behind a cycle, in their given order: what no topological order places.

    Their successors are all among them, so the cycles can be looked for there alone.

    >>> unplaceable(["a", "b", "c", "x"], [("x", "a"), ("a", "b"), ("b", "a"), ("b", "c")])
    ['a', 'b', 'c']
    """
    return _kahn(nodes, edges)[1]


def _kahn(nodes: Sequence[str], edges: Iterable[tuple[str, str]]) -> tuple[list[str], list[str]]:
    indegree = dict.fromkeys(nodes, 0)
    succ: dict[str, list[str]] = {n: [] for n in nodes}
    for a, b in edges:
        succ[a].append(b)
        indegree[b] += 1
    ready = [n for n in nodes if indegree[n] == 0]
    ready.reverse()
    out: list[str] = []
    while ready:
        n = ready.pop()
        out.append(n)
        for m in succ[n]:
            indegree[m] -= 1
            if indegree[m] == 0:
                ready.append(m)
    if len(out) == len(indegree):
        return out, []
    done = set(out)
    return out, [n for n in nodes if n not in done]


def strongly_connected(nodes: Sequence[str], step: Mapping[str, Sequence[str]]) -> list[list[str]]:
    """The strongly connected components of two or more nodes (the cycles), linear time.

    Tarjan's algorithm, with a stack of its own instead of recursion. Each
    component lists its nodes in the order of ``nodes``; components come in
    the order of their first node.

    >>> strongly_connected(["a", "b", "c", "d"], {"a": ["b"], "b": ["a", "c"], "c": ["d"]})
    [['a', 'b']]
    """
    position = {n: i for i, n in enumerate(nodes)}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    for root in nodes:
        if root in index:
            continue
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        work = [(root, iter(step.get(root, ())))]
        while work:
            node, children = work[-1]
            advanced = False
            for child in children:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(step.get(child, ()))))
                    advanced = True
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component, key=position.__getitem__))
    found.sort(key=lambda component: position[component[0]])
    return found


def _require(doc: Document, node: str) -> None:
    if not isinstance(doc.get(node), Node):
        raise OptionError(f"no node {node!r} in the document")


def upstream(doc: Document, node: str) -> set[str]:
    """Every node from which ``node`` can be reached (feedback links ignored).

    >>> import toc
    >>> doc = toc.loads('''
    ... format: 1
    ... id: demo
    ... title: Demo
    ... nodes: [{id: a, stage: resources, label: A}, {id: b, stage: short, label: B}]
    ... links: [{from: a, to: b}]
    ... ''')
    >>> upstream(doc, "b"), downstream(doc, "a")
    ({'a'}, {'b'})
    """
    _require(doc, node)
    return reach([node], predecessors(doc)) - {node}


def downstream(doc: Document, node: str) -> set[str]:
    """Every node reachable from ``node`` (feedback links ignored)."""
    _require(doc, node)
    return reach([node], successors(doc)) - {node}


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
    import networkx as nx  # the only networkx user besides `pathways`: start-up time

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
    explains = doc.explaining()
    for link in doc.links:
        graph.add_edge(
            link.from_,
            link.to,
            feedback=link.feedback,
            mechanisms=explains.get(link.ref, []),
            label=link.label,
        )
    return graph


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
    import networkx as nx  # start-up time: only path enumeration needs it

    _require(doc, outcome)
    graph = nx.DiGraph()
    graph.add_nodes_from(node.id for node in doc.nodes)
    graph.add_edges_from((link.from_, link.to) for link in doc.links if not link.feedback)
    inputs = set(doc.input_stages)
    stage_of = {node.id: node.stage for node in doc.nodes}
    starts = sorted(n for n in upstream(doc, outcome) if stage_of[n] in inputs)
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
