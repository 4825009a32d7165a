"""GraphML for Gephi, yEd and Cytoscape: the graph with every attribute, as plain values.

The nodes and links of `toc.graph.to_networkx` (the one networkx view), with
what a network tool needs to colour and order them, each attribute a plain
string, number or true/false (GraphML has no lists and no null):

- graph: ``id``, ``title``, ``language``, ``stages`` (``|``-separated);
- node: ``label``, ``stage``, ``stage_index`` (0 for the first stage, the order
  of the columns), ``stage_name``, ``outcome``, ``interventions`` and ``actors``
  (ids, ``|``-separated), ``description``, ``indicators`` (names), ``support``
  (an outcome's pathway support), and every field of each indicator, flattened
  under the document's own names (`indicator_fields`): ``indicator_1_unit``,
  ``indicator_1_baseline_value``, ``indicator_1_actual_2_date`` …;
- link: ``feedback``, ``label``, ``mechanisms`` (ids, ``|``-separated),
  ``mechanism_titles``, ``verdict`` (the current verdict: the least favourable of
  its mechanisms' badges, `toc.assessment.Assessment.badge`) and ``verdicts``
  (``intervention=verdict`` pairs where interventions differ).

An attribute with no value is left out of that node or link, never written as
``None``. Text goes through `toc.quoting.xml_text` (characters XML cannot
hold become U+FFFD). ``networkx.read_graphml`` reads the file back with the same
nodes, links and attributes.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from toc.assessment import Assessment, assess
from toc.files import check_references, write_atomic
from toc.graph import to_networkx
from toc.interop.common import link_verdicts, stage_type
from toc.interop.quoting import join_values
from toc.model import Document, Indicator
from toc.quoting import xml_text

__all__ = ["graph_attributes", "graphml_text", "indicator_fields", "write_graphml"]

_TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}


def _plain(value: Any) -> Any:
    """A value GraphML can hold: lists joined with ``|``; None stays None (left out)."""
    if isinstance(value, list | tuple):
        return join_values([str(v) for v in value]) if value else None
    return value


def _flattened(prefix: str, value: Any) -> Iterator[tuple[str, Any]]:
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from _flattened(f"{prefix}_{key}", inner)
    elif isinstance(value, list) and any(isinstance(item, dict) for item in value):
        for number, item in enumerate(value, start=1):
            yield from _flattened(f"{prefix}_{number}", item)
    elif value is not None and value != []:
        yield prefix, _plain(value)


def indicator_fields(indicators: Sequence[Indicator]) -> dict[str, Any]:
    """A node's indicators as plain attributes: every field given, under its own name.

    Indicators and readings are numbered from 1, nested fields joined with ``_``;
    a field not given (or given its default) is left out, as in the document.

    >>> from toc.model import Indicator
    >>> indicator = Indicator.model_validate(
    ...     {"id": "i", "name": "Trust", "target": {"value": 60}, "actual": [{"value": 35}]}
    ... )
    >>> indicator_fields([indicator])  # doctest: +NORMALIZE_WHITESPACE
    {'indicator_1_id': 'i', 'indicator_1_name': 'Trust', 'indicator_1_target_value': 60,
     'indicator_1_actual_1_value': 35}
    """
    out: dict[str, Any] = {}
    for number, indicator in enumerate(indicators, start=1):
        data = indicator.model_dump(
            mode="json", by_alias=True, exclude_none=True, exclude_defaults=True
        )
        out.update(_flattened(f"indicator_{number}", data))
    return out


def graph_attributes(
    doc: Document, assessment: Assessment | None = None
) -> tuple[dict[str, Any], dict[str, dict[str, Any]], dict[tuple[str, str], dict[str, Any]]]:
    """The graph's, nodes' and links' attributes as GraphML writes them (plain values).

    A document whose references no longer resolve (changed in code) is refused
    first with a located `toc.errors.DocumentError` (`toc.files.check_references`).

    >>> import toc
    >>> doc = toc.loads('''
    ... format: 1
    ... id: d
    ... title: D
    ... nodes: [{id: a, stage: activities, label: A}, {id: b, stage: short, label: B}]
    ... links: [{from: a, to: b}]
    ... ''')
    >>> graph, nodes, links = graph_attributes(doc)
    >>> nodes["b"]["stage_index"], nodes["b"]["outcome"], links[("a", "b")]
    (2, True, {'feedback': False})
    """
    check_references(doc)
    result = assessment if assessment is not None else assess(doc)
    view = to_networkx(doc)
    language = doc.language
    graph = {
        "id": doc.id,
        "title": doc.title,
        "language": language,
        "stages": join_values(list(doc.stages)),
    }
    by_id = {node.id: node for node in doc.nodes}
    nodes: dict[str, dict[str, Any]] = {}
    for node_id, data in view.nodes(data=True):
        node = by_id[node_id]
        attributes = {key: _plain(value) for key, value in data.items()}
        attributes["stage_name"] = stage_type(node.stage, language)
        attributes["description"] = node.description
        attributes["indicators"] = _plain([i.name for i in node.indicators])
        support = result.support(node_id) if doc.is_outcome(node) else None
        attributes["support"] = support
        attributes.update(indicator_fields(node.indicators))
        nodes[node_id] = {k: v for k, v in attributes.items() if v is not None}
    titles = {m.id: m.title for m in doc.mechanisms}
    verdicts = link_verdicts(doc, result)
    links: dict[tuple[str, str], dict[str, Any]] = {}
    for source, target, data in view.edges(data=True):
        attributes = {key: _plain(value) for key, value in data.items()}
        attributes["mechanism_titles"] = _plain([titles[m] for m in data["mechanisms"]])
        found = verdicts.get(f"{source}->{target}")
        if found is not None:
            attributes["verdict"] = found.verdict
            per = [f"{c.intervention}={c.verdict}" for c in found.cells if c.intervention]
            attributes["verdicts"] = _plain(per)
        links[(source, target)] = {k: v for k, v in attributes.items() if v is not None}
    return graph, nodes, links


def _keys(domain: str, items: Mapping[Any, Mapping[str, Any]]) -> list[tuple[str, str, str]]:
    """(key id, attribute name, GraphML type) for every attribute, in first-seen order."""
    out: dict[str, str] = {}
    for attributes in items.values():
        for name, value in attributes.items():
            kind = _TYPES[type(value)]
            if out.setdefault(name, kind) != kind:
                out[name] = "string"
    return [(f"{domain[0]}_{name}", name, kind) for name, kind in out.items()]


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return xml_text(str(value))


def graphml_text(doc: Document, assessment: Assessment | None = None) -> str:
    """The document as GraphML text (deterministic: attributes in a fixed order)."""
    graph, nodes, links = graph_attributes(doc, assessment)
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
        'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ]
    graph_keys = _keys("graph", {"": graph})
    node_keys = _keys("node", nodes)
    edge_keys = _keys("edge", links)
    for domain, keys in (("graph", graph_keys), ("node", node_keys), ("edge", edge_keys)):
        for key, name, kind in keys:
            lines.append(
                f'  <key id="{xml_text(key)}" for="{domain}" attr.name="{xml_text(name)}" '
                f'attr.type="{kind}"/>'
            )
    lines.append(f'  <graph id="{xml_text(doc.id)}" edgedefault="directed">')
    for key, name, _ in graph_keys:
        lines.append(f'    <data key="{xml_text(key)}">{_value(graph[name])}</data>')
    node_key = {name: key for key, name, _ in node_keys}
    for node_id, attributes in nodes.items():
        lines.append(f'    <node id="{xml_text(node_id)}">')
        for name, value in attributes.items():
            lines.append(f'      <data key="{xml_text(node_key[name])}">{_value(value)}</data>')
        lines.append("    </node>")
    edge_key = {name: key for key, name, _ in edge_keys}
    for (source, target), attributes in links.items():
        lines.append(f'    <edge source="{xml_text(source)}" target="{xml_text(target)}">')
        for name, value in attributes.items():
            lines.append(f'      <data key="{xml_text(edge_key[name])}">{_value(value)}</data>')
        lines.append("    </edge>")
    lines += ["  </graph>", "</graphml>"]
    return "\n".join(lines) + "\n"


def write_graphml(
    doc: Document, path: str | os.PathLike[str], assessment: Assessment | None = None
) -> None:
    """Write the document as GraphML, atomically."""
    write_atomic(path, graphml_text(doc, assessment))
