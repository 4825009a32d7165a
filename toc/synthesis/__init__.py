"""Synthesis across evaluations: in which contexts did a mechanism hold?

Put several evaluations side by side (the realist question: for whom, and in
what circumstances, does a mechanism work)::

    import toc
    result = toc.synthesise(["nils.yaml", "fa-n.yaml"], map="synthesis-map.yaml")
    result.truth_tables["m-implementation"].rows
    toc.synthesis.write_synthesis(result, "synthesis.html")

`synthesise` assesses each document once and returns a `Synthesis`: the
cases, the unmatched ids, the context–mechanism–outcome (CMO) table, the
verdict matrix and a crisp-set truth table per mechanism. The writers
(HTML, Word, Markdown, xlsx, JSON, QCA CSV) only present that result.
"""

from toc.synthesis.analysis import MAX_LISTED, Evaluation, analyse, evaluate, synthesise
from toc.synthesis.mapping import SynthesisMap, read_map
from toc.synthesis.model import Synthesis, TruthTable
from toc.synthesis.write import FORMATS, json_schema, qca_csv, render_synthesis, write_synthesis

__all__ = [
    "FORMATS",
    "MAX_LISTED",
    "Evaluation",
    "Synthesis",
    "SynthesisMap",
    "TruthTable",
    "analyse",
    "evaluate",
    "json_schema",
    "qca_csv",
    "read_map",
    "render_synthesis",
    "synthesise",
    "write_synthesis",
]
