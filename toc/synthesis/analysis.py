"""Synthesis across evaluations: in which contexts did a mechanism hold?

Pure functions over typed inputs: each evaluation is a document and ONE
`toc.assessment.Assessment` of it; every judgement fact comes from that
assessment (`Assessment.cell`, `.condition`, `.badge`, `.outcome`, `.links`),
never from a second rule. `analyse` puts the evaluations side by side:

- **cases** are ``document-id:intervention-id`` (a document without
  interventions is one case, ``document-id``);
- mechanisms and conditions with the same id are the same; a
  `~toc.synthesis.mapping.SynthesisMap` names the ones that differ; ids found
  in one document only are listed as **unmatched**;
- the **CMO table** has one row per case and mechanism: the conditions (the
  context) with their state in the case, the verdict its badge shows, the
  outcomes its links lead to with their indicators, the evidence and the
  rivals that held;
- the **verdict matrix** is mechanisms × cases;
- a crisp-set **truth table** per mechanism codes each case's conditions
  (present 1, absent 0) and its recorded verdict (held 1, not held 0), as in
  qualitative comparative analysis (QCA).

The truth-table rules (docs/synthesis.md, "Truth tables"):

- outcome: the current *recorded* verdict; ``partly_held`` is left out unless
  ``partly`` says ``held`` or ``not_held``; ``too_early``, ``inconclusive``
  and no recorded verdict are left out and listed as excluded;
- conditions: the state of the condition in the case (recorded, else the
  survey rule's); ``partly_present`` and ``unknown`` leave the case out as
  undecided unless ``partly_present`` / ``unknown`` code them; a condition the
  case's evaluation did not assess, or does not have, leaves it out too;
- a row's consistency is the share of its cases that held; its outcome is
  ``1`` (all held), ``0`` (none), ``C`` (some) or ``?`` (no case);
- per condition X, over the cases in the rows: consistency of "X present →
  held" = cases with X that held / cases with X; coverage = cases with X that
  held / cases that held.

>>> import toc
>>> a = toc.loads('''
... format: 1
... id: a
... title: A
... nodes: [{id: x, stage: activities, label: X}, {id: y, stage: short, label: Y}]
... links: [{from: x, to: y}]
... mechanisms: [{id: m, title: M, links: ["x->y"], conditions: [c]}]
... conditions: [{id: c, statement: C}]
... evidence: [{id: e, about: m, kind: interview}]
... judgements: [{about: m, verdict: held}, {about: c, verdict: present}]
... ''')
>>> result = synthesise([a])
>>> [case.id for case in result.cases], result.truth_tables["m"].rows[1].outcome
(['a'], '1')
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterable, Mapping, Sequence
from contextlib import AbstractContextManager, suppress
from dataclasses import dataclass
from typing import Any, Literal, cast, get_args

from mechanisms.evidence import by_stance
from mechanisms.judge import ConditionCell
from mechanisms.types import TEST_TYPES, MechanismVerdict, TestType
from toc._gc import CHARACTERS_PER_ELEMENT, collector_paused
from toc.assessment import Assessment, LinkSupport, assess
from toc.errors import DocumentError, OptionError
from toc.files import load
from toc.findings import Finding
from toc.i18n import text
from toc.indicators import latest, status
from toc.model import Document, Node, did_you_mean
from toc.synthesis.mapping import SynthesisMap, read_map
from toc.synthesis.model import (
    Case,
    CmoRow,
    CodedCase,
    Coding,
    ConditionFit,
    ConditionInCase,
    EvidenceInCase,
    Excluded,
    IndicatorInCase,
    LeftOut,
    Matched,
    Matrix,
    MatrixCell,
    Outcome,
    OutcomeInCase,
    Partly,
    RivalInCase,
    Settings,
    Synthesis,
    TruthRow,
    TruthTable,
    Undecided,
    Unmatched,
)

__all__ = [
    "MAX_LISTED",
    "Evaluation",
    "analyse",
    "bulk",
    "evaluate",
    "make_settings",
    "synthesise",
    "truth_table",
]

MAX_LISTED = 7
"""With up to this many conditions a truth table lists every configuration, those
without a case as ``?`` (as QCA's ``truthTable`` does); with more, only the observed."""

_TEST_ORDER = {test: rank for rank, test in enumerate(TEST_TYPES)}
"""Process-tracing tests from weakest to strongest: straw in the wind, hoop, smoking gun,
doubly decisive (the order of `mechanisms.types.TEST_TYPES` and docs/judgement.md)."""


@dataclass(frozen=True, slots=True)
class Evaluation:
    """One evaluation to synthesise: a document and its one assessment."""

    document: Document
    assessment: Assessment
    source: str | None = None
    """The file it was read from, if any."""


Source = str | os.PathLike[str] | Document | Evaluation
"""What `synthesise` takes: a file to load, a document to assess, or both already done."""


def evaluate(item: Source) -> Evaluation:
    """An `Evaluation` of ``item``: loaded (a path) and assessed once (a document).

    The assessment is made without the detail a synthesis never shows
    (`toc.assessment.assess` with ``detail=False``: no robustness trail, no
    findings); pass an `Evaluation` to bring a full one.

    Raises `toc.errors.DocumentError` (or `ReadError`) for a file that cannot be read.
    """
    if isinstance(item, Evaluation):
        return item
    if isinstance(item, Document):
        return Evaluation(item, assess(item, detail=False))
    path = os.fspath(item)
    document = load(path)
    return Evaluation(document, assess(document, detail=False), path)


def bulk(items: Sequence[Source]) -> AbstractContextManager[None]:
    """The collector pause (`toc._gc`) for one synthesis of ``items``, read and analysed.

    A synthesis is one job on all its documents: together they are as large as
    a large document, and the documents and assessments it holds are objects
    without cycles that the collector would otherwise scan again and again as
    they pile up (almost half the time of 500 documents). It is paused when the
    documents together have `toc._gc.PAUSE_FROM` elements or more, counted as
    `toc.model.Document.size` or, for a file not yet read, its length over
    `toc._gc.CHARACTERS_PER_ELEMENT` (a file that cannot be read counts 0); a
    few small documents leave it alone.
    """
    elements = 0
    for item in items:
        if isinstance(item, Evaluation):
            elements += item.document.size()
        elif isinstance(item, Document):
            elements += item.size()
        else:
            with suppress(OSError):  # a file that cannot be read is reported when read
                elements += os.path.getsize(item) // CHARACTERS_PER_ELEMENT
    return collector_paused(elements)


def synthesise(
    documents: Iterable[Source],
    *,
    map: SynthesisMap | str | os.PathLike[str] | dict[str, Any] | None = None,
    partly: Partly = "exclude",
    partly_present: Coding = "undecided",
    unknown: Coding = "undecided",
) -> Synthesis:
    """Synthesise evaluations: cases, CMO table, verdict matrix and truth tables.

    ``documents`` are files to load, `toc.Document` objects, or `Evaluation`
    objects (a document with its assessment, so that nothing is judged twice).
    A file that cannot be read is left out and listed in ``result.left_out``
    with its located problems; the others still go through.

    ``map`` is a `SynthesisMap`, a map file, or its data. ``partly`` codes a
    recorded ``partly_held`` in the truth tables (``held`` → 1, ``not_held``
    → 0, ``exclude``: left out); ``partly_present`` and ``unknown`` code
    those condition states (``present`` → 1, ``absent`` → 0, ``undecided``:
    the case is left out).

    Raises `toc.errors.OptionError` for an unknown choice and
    `toc.errors.DocumentError` for a map that does not fit the documents.
    """
    settings = make_settings(partly, partly_present, unknown, map)
    mapping = _as_map(map)
    items = list(documents)
    with bulk(items):
        # The evaluations are let go when `_synthesise` returns, inside the pause:
        # the collector never scans them.
        return _synthesise(items, mapping, settings)


def _synthesise(items: Sequence[Source], mapping: SynthesisMap, settings: Settings) -> Synthesis:
    evaluations: list[Evaluation] = []
    left_out: list[LeftOut] = []
    for item in items:
        try:
            evaluations.append(evaluate(item))
        except DocumentError as err:
            where = os.fspath(item) if isinstance(item, str | os.PathLike) else "<document>"
            left_out.append(LeftOut(where, list(err.problems)))
    return analyse(evaluations, mapping, settings, left_out=left_out)


def make_settings(partly: str, partly_present: str, unknown: str, map: Any = None) -> Settings:
    """`Settings` from the choices `synthesise` takes; an unknown choice is an `OptionError`."""
    for name, value, allowed in (
        ("partly", partly, get_args(Partly)),
        ("partly_present", partly_present, get_args(Coding)),
        ("unknown", unknown, get_args(Coding)),
    ):
        if value not in allowed:
            raise OptionError(f"{name}={value!r} is not allowed: use one of " + ", ".join(allowed))
    file = os.fspath(map) if isinstance(map, str | os.PathLike) else None
    if isinstance(map, SynthesisMap):
        file = map.file
    return Settings(
        partly=cast("Partly", partly),
        partly_present=cast("Coding", partly_present),
        unknown=cast("Coding", unknown),
        map=file,
    )


def _as_map(map: SynthesisMap | str | os.PathLike[str] | dict[str, Any] | None) -> SynthesisMap:
    if map is None:
        return SynthesisMap()
    if isinstance(map, SynthesisMap):
        return map
    if isinstance(map, dict):
        return SynthesisMap.from_data(map)
    return read_map(map)


# ------------------------------------------------------------------ analyse


@dataclass(frozen=True, slots=True)
class _Placed:
    """A CMO row and where it comes from."""

    row: CmoRow
    evaluation: Evaluation
    intervention: str | None


def analyse(
    evaluations: Sequence[Evaluation],
    mapping: SynthesisMap | None = None,
    settings: Settings | None = None,
    *,
    left_out: Sequence[LeftOut] = (),
) -> Synthesis:
    """The synthesis of evaluations already assessed (see the module docstring).

    Documents are ordered by id; a second document with an id already taken
    is left out (listed in ``left_out``). Raises `toc.errors.DocumentError`,
    located in the map file, when the map names an id a document does not
    have, or maps two ids of one document to one canonical id.
    """
    mapping = mapping or SynthesisMap()
    settings = settings or Settings()
    kept, dropped = _unique(evaluations)
    resolved = _Resolved(kept, mapping)
    cases: list[Case] = []
    rows: list[CmoRow] = []
    cells: list[MatrixCell] = []
    # Each mechanism's rows, indexed once as they are made (not searched per table).
    placed: dict[str, list[_Placed]] = {m.id: [] for m in resolved.mechanisms}
    for evaluation in kept:
        for case, found in _cmo(evaluation, resolved):
            cases.append(case)
            for row, intervention in found:
                rows.append(row)
                placed[row.mechanism].append(_Placed(row, evaluation, intervention))
                cells.append(
                    MatrixCell(row.mechanism, case.id, row.verdict, row.source, row.across)
                )
    tables = {
        m.id: truth_table(resolved.table_conditions(m), placed[m.id], resolved, settings)
        for m in resolved.mechanisms
    }
    return Synthesis(
        cases=cases,
        unmatched=resolved.unmatched(),
        cmo=rows,
        matrix=Matrix(
            mechanisms=[m.id for m in resolved.mechanisms],
            cases=[c.id for c in cases],
            cells=cells,
        ),
        truth_tables=tables,
        mechanisms=resolved.mechanisms,
        conditions=resolved.conditions,
        left_out=[*left_out, *dropped],
        unused_map_entries=resolved.unused,
        settings=settings,
    )


def _unique(evaluations: Sequence[Evaluation]) -> tuple[list[Evaluation], list[LeftOut]]:
    """The evaluations ordered by document id, one per id, and those left out.

    Two inputs with the same document id are two versions of one evaluation
    (a plan and its evaluated version, say): the one with the latest
    judgement date is kept (then the one with more judgements, then the
    first given); the other is left out as a duplicate.
    """

    def recency(item: tuple[int, Evaluation]) -> tuple[str, int, int]:
        index, evaluation = item
        dates = [j.date or "" for j in evaluation.document.judgements]
        return (max(dates, default=""), len(dates), -index)

    groups: dict[str, list[tuple[int, Evaluation]]] = {}
    for index, evaluation in enumerate(evaluations):
        groups.setdefault(evaluation.document.id, []).append((index, evaluation))
    kept: list[Evaluation] = []
    dropped: list[LeftOut] = []
    for doc_id in sorted(groups):
        versions = groups[doc_id]
        chosen = max(versions, key=recency)[1]
        kept.append(chosen)
        for _, other in versions:
            if other is chosen:
                continue
            where = other.source or "<document>"
            dropped.append(LeftOut(where, [_duplicate(doc_id, other, chosen)], reason="duplicate"))
    return kept, dropped


def _duplicate(doc_id: str, other: Evaluation, chosen: Evaluation) -> Finding:
    """The warning on a version left out for ``chosen``, in ``other``'s language."""
    lang = other.document.language
    later = chosen.source or text("synth.duplicate.unnamed", lang)
    return Finding(
        text("synth.duplicate", lang, id=doc_id, later=later),
        ("id",),
        text("synth.duplicate.hint", lang),
        file=other.source or "<document>",
        severity="warning",
    )


class _Resolved:
    """Canonical ids per document, checked against the map; the matched lists."""

    def __init__(self, evaluations: Sequence[Evaluation], mapping: SynthesisMap) -> None:
        self.mapping = mapping
        self.by_doc = {e.document.id: e.document for e in evaluations}
        self.mechanism_of: dict[str, dict[str, str]] = {}
        self.condition_of: dict[str, dict[str, str]] = {}
        self.local_condition: dict[str, dict[str, str]] = {}
        self._states: dict[tuple[str, str | None], dict[str, ConditionCell]] = {}
        problems = self._check_map()
        mechanisms: dict[str, Matched] = {}
        conditions: dict[str, Matched] = {}
        for evaluation in evaluations:
            doc = evaluation.document
            names = evaluation.assessment.names
            cond = self.condition_of[doc.id] = self._match(
                "condition", doc.id, [c.id for c in doc.conditions], names, conditions, problems
            )
            self.local_condition[doc.id] = {canonical: local for local, canonical in cond.items()}
            mech = self.mechanism_of[doc.id] = self._match(
                "mechanism", doc.id, [m.id for m in doc.mechanisms], names, mechanisms, problems
            )
            for mechanism in doc.mechanisms:
                if mechanism.id not in mech:
                    continue  # a second local id for the same mechanism: a problem above
                found = mechanisms[mech[mechanism.id]]
                for c in mechanism.conditions:
                    if cond.get(c) and cond[c] not in found.conditions:
                        found.conditions.append(cond[c])
        self.mechanisms = list(mechanisms.values())
        self.conditions = list(conditions.values())
        self._mechanisms = mechanisms
        self._conditions = conditions
        self.unused = self._unused_entries()
        problems.extend(self._check_tables())
        if problems:
            raise DocumentError(problems)

    def _match(
        self,
        kind: Literal["mechanism", "condition"],
        document: str,
        ids: list[str],
        names: Mapping[str, str],
        matched: dict[str, Matched],
        problems: list[Finding],
    ) -> dict[str, str]:
        """Each of one document's ``ids`` (of a ``kind``) with its canonical id; the
        matched items of ``matched`` gain them. A second id with the same canonical id
        is a problem (in ``problems``) and left out."""
        part = f"{kind}s"
        canonical_of: dict[str, str] = {}
        owner: dict[str, str] = {}
        for local in ids:
            canonical = self.mapping.canonical(part, document, local)
            if canonical in owner:
                problems.append(self._twice(part, document, canonical, owner, local))
                continue
            owner[canonical] = local
            canonical_of[local] = canonical
            found = matched.get(canonical)
            if found is None:
                found = matched[canonical] = Matched(canonical, kind, names.get(local, local), {})
            found.local[document] = local
        return canonical_of

    def _check_map(self) -> list[Finding]:
        problems: list[Finding] = []
        for part, kind, other in (
            ("mechanisms", "mechanism", "conditions"),
            ("conditions", "condition", "mechanisms"),
        ):
            for canonical, k, document, local in self.mapping.entries(part):
                doc = self.by_doc.get(document)
                if doc is None:
                    continue
                ids = [m.id for m in (doc.mechanisms if part == "mechanisms" else doc.conditions)]
                if local in ids:
                    continue
                others = [
                    m.id for m in (doc.conditions if part == "mechanisms" else doc.mechanisms)
                ]
                if local in others:
                    hint = f"list it under `{other}`"
                    message = f"{local!r} is not a {kind} of {document!r}"
                else:
                    hint = did_you_mean(local, ids) or f"name a {kind} of {document!r}"
                    message = f"{document!r} has no {kind} {local!r}"
                problems.append(self.mapping.problem((part, canonical, k), message, hint))
        return problems

    def _twice(
        self, part: str, document: str, canonical: str, owner: dict[str, str], local: str
    ) -> Finding:
        kind = part[:-1]
        message = (
            f"two {part} of {document!r}, {owner[canonical]!r} and {local!r}, "
            f"would both be the {kind} {canonical!r}"
        )
        path: tuple[str | int, ...] = (part, canonical)
        for entry_canonical, k, entry_document, entry_local in self.mapping.entries(part):
            if (entry_canonical, entry_document) == (canonical, document) and entry_local in (
                local,
                owner[canonical],
            ):
                path = (part, canonical, k)
        return self.mapping.problem(path, message, f"map only one {kind} of a document to an id")

    def _unused_entries(self) -> list[str]:
        unused = [
            f"{document}:{local}"
            for part in ("mechanisms", "conditions")
            for _, _, document, local in self.mapping.entries(part)
            if document not in self.by_doc
        ]
        unused += [
            f"truth_tables:{m}" for m in self.mapping.truth_tables if m not in self._mechanisms
        ]
        return unused

    def _check_tables(self) -> list[Finding]:
        problems: list[Finding] = []
        for mechanism, listed in self.mapping.truth_tables.items():
            found = self._mechanisms.get(mechanism)
            if found is None:
                continue
            for k, condition in enumerate(listed):
                if condition in self._conditions:
                    continue
                close = did_you_mean(condition, found.conditions or list(self._conditions))
                problems.append(
                    self.mapping.problem(
                        ("truth_tables", mechanism, k),
                        f"no document has a condition {condition!r}",
                        close or "use canonical condition ids",
                    )
                )
        return problems

    def states(self, evaluation: Evaluation, column: str | None) -> dict[str, ConditionCell]:
        """Every condition of a document in one case (`Assessment.condition`), asked once."""
        key = (evaluation.document.id, column)
        found = self._states.get(key)
        if found is None:
            result = evaluation.assessment
            found = self._states[key] = {
                c.id: result.condition(c.id, column) for c in evaluation.document.conditions
            }
        return found

    def table_conditions(self, mechanism: Matched) -> list[str]:
        """The conditions of a mechanism's truth table: the map's choice, else all of them."""
        return list(self.mapping.truth_tables.get(mechanism.id, mechanism.conditions))

    def unmatched(self) -> list[Unmatched]:
        return [
            Unmatched(item.kind, item.id, document, local)
            for item in (*self.mechanisms, *self.conditions)
            if len(item.local) == 1
            for document, local in item.local.items()
        ]


def _case_id(document: str, intervention: str | None) -> str:
    return f"{document}:{intervention}" if intervention is not None else document


def _cmo(
    evaluation: Evaluation, resolved: _Resolved
) -> list[tuple[Case, list[tuple[CmoRow, str | None]]]]:
    """The cases of one evaluation, each with its CMO rows."""
    doc, result = evaluation.document, evaluation.assessment
    names = result.names
    canonical = resolved.mechanism_of[doc.id]
    condition_ids = resolved.condition_of[doc.id]
    links: dict[tuple[str, str | None], LinkSupport] = {
        (s.link, s.intervention): s for s in result.links
    }
    heads: dict[str, list[Node]] = {}
    # An outcome's indicators read once per document, not once per case and mechanism.
    indicators: dict[str, list[IndicatorInCase]] = {}
    for mechanism in doc.mechanisms:
        found: dict[str, Node] = {}
        for ref in mechanism.links:
            head = doc.node(ref.partition("->")[2])
            if doc.is_outcome(head):
                found.setdefault(head.id, head)
                if head.id not in indicators:
                    indicators[head.id] = [_indicator(i) for i in head.indicators]
        heads[mechanism.id] = list(found.values())
    titles = {i.id: i.name for i in doc.interventions}
    # Each fact once per document: an index of the assessment's outcomes.
    reached_at = {(o.node, o.intervention): o for o in result.outcomes}
    out = []
    for column in result.interventions:
        states = resolved.states(evaluation, column)
        case = Case(
            id=_case_id(doc.id, column),
            document=doc.id,
            intervention=column,
            name=" ".join((titles[column] if column else doc.title).split()),
            document_title=" ".join(doc.title.split()),
            language=doc.language,
            source=evaluation.source,
        )
        rows: list[tuple[CmoRow, str | None]] = []
        for mechanism in doc.mechanisms:
            cell = result.cell(mechanism.id, column)
            if (not cell.applies and cell.recorded is None) or mechanism.id not in canonical:
                continue
            badge = result.badge(mechanism.id, column)[0]
            conditions = []
            for c in mechanism.conditions:
                state = states[c]
                conditions.append(
                    ConditionInCase(
                        condition_ids.get(c, c), c, names.get(c, c), state.state, state.source
                    )
                )
            outcomes = []
            rival_ids: dict[str, None] = {}
            for ref in mechanism.links:
                support = links.get((ref, column))
                if support is not None:
                    rival_ids.update(dict.fromkeys(support.rivals))
            for node in heads[mechanism.id]:
                reached = reached_at.get((node.id, column))
                if reached is None:
                    continue  # the outcome is not part of this intervention
                rival_ids.update(dict.fromkeys(reached.rivals))
                outcomes.append(
                    OutcomeInCase(
                        node.id,
                        names.get(node.id, node.id),
                        reached.status,
                        list(indicators[node.id]),
                    )
                )
            rivals = []
            for rival in rival_ids:
                rival_cell = result.cell(rival, column)
                if rival_cell.effective is not None and rival_cell.source is not None:
                    rivals.append(
                        RivalInCase(
                            rival, names.get(rival, rival), rival_cell.effective, rival_cell.source
                        )
                    )
            # One weight per item counting for the case, in document order.
            weights = cell.suggestion.weights
            rows.append(
                (
                    CmoRow(
                        case=case.id,
                        mechanism=canonical[mechanism.id],
                        local=mechanism.id,
                        title=names.get(mechanism.id, mechanism.id),
                        conditions=conditions,
                        verdict=badge.verdict,
                        source=badge.source,
                        across=badge.across,
                        recorded=cell.recorded,
                        outcomes=outcomes,
                        evidence=EvidenceInCase(
                            count=len(weights),
                            by_stance=by_stance(w.stance for w in weights),
                            strongest_test=_strongest([w.test for w in weights]),
                        ),
                        rivals=rivals,
                    ),
                    column,
                )
            )
        out.append((case, rows))
    return out


def _strongest(tests: Iterable[TestType | None]) -> TestType | None:
    """The strongest process-tracing test among ``tests`` (see `_TEST_ORDER`), or None.

    >>> _strongest(["hoop", None, "straw_in_the_wind"]), _strongest([None])
    ('hoop', None)
    """
    found: TestType | None = None
    for test in tests:
        if test is not None and (found is None or _TEST_ORDER[test] > _TEST_ORDER[found]):
            found = test
    return found


def _indicator(indicator: Any) -> IndicatorInCase:
    reading = latest(indicator)
    return IndicatorInCase(
        id=indicator.id,
        name=" ".join(indicator.name.split()),
        status=status(indicator),
        value=reading.value if reading else None,
        target=indicator.target.value if indicator.target else None,
        unit=indicator.unit,
    )


# ------------------------------------------------------------- truth tables

_Undecidable = Literal["partly_present", "unknown", "not_assessed", "not_in_evaluation"]


def _outcome(recorded: MechanismVerdict | None, partly: Partly) -> int | None:
    if recorded == "held" or (recorded == "partly_held" and partly == "held"):
        return 1
    if recorded == "not_held" or (recorded == "partly_held" and partly == "not_held"):
        return 0
    return None


def _coded(coding: Coding) -> int | None:
    return 1 if coding == "present" else 0 if coding == "absent" else None


def truth_table(
    conditions: Sequence[str],
    placed: Sequence[_Placed],
    resolved: _Resolved,
    settings: Settings,
) -> TruthTable:
    """The crisp-set truth table of one mechanism over its CMO rows (module docstring)."""
    excluded: list[Excluded] = []
    undecided: list[Undecided] = []
    data: list[CodedCase] = []
    from_survey: list[str] = []
    for p in placed:
        row = p.row
        held = _outcome(row.recorded, settings.partly)
        if held is None:
            excluded.append(Excluded(row.case, row.recorded or "unassessed"))
            continue
        doc_id = p.evaluation.document.id
        local_of = resolved.local_condition[doc_id]
        states = resolved.states(p.evaluation, p.intervention)
        values: dict[str, int] = {}
        missing: list[Undecided] = []
        surveyed: list[str] = []
        for condition in conditions:
            local = local_of.get(condition)
            reason: _Undecidable | None = None
            value: int | None = None
            if local is None:
                reason = "not_in_evaluation"
            else:
                cell = states[local]
                state = cell.state
                if state == "present":
                    value = 1
                elif state == "absent":
                    value = 0
                elif state == "partly_present":
                    value, reason = _coded(settings.partly_present), "partly_present"
                elif state == "unknown":
                    value, reason = _coded(settings.unknown), "unknown"
                else:
                    reason = "not_assessed"
                if value is not None and cell.source == "survey":
                    surveyed.append(f"{row.case}/{condition}")
            if value is None:
                assert reason is not None
                missing.append(Undecided(row.case, condition, reason))
            else:
                values[condition] = value
        if missing:
            undecided.extend(missing)
            continue
        from_survey.extend(surveyed)
        data.append(CodedCase(row.case, values, held))
    return _table(list(conditions), data, excluded, undecided, from_survey)


def _table(
    conditions: list[str],
    data: list[CodedCase],
    excluded: list[Excluded],
    undecided: list[Undecided],
    from_survey: list[str],
) -> TruthTable:
    groups: dict[tuple[int, ...], list[CodedCase]] = {}
    for coded in data:
        groups.setdefault(tuple(coded.values[c] for c in conditions), []).append(coded)
    if len(conditions) <= MAX_LISTED:
        configurations = list(itertools.product((0, 1), repeat=len(conditions)))
    else:
        configurations = sorted(groups)
    rows = []
    for configuration in configurations:
        members = groups.get(configuration, [])
        held = sum(c.held for c in members)
        outcome: Outcome
        if not members:
            outcome = "?"
        elif held == len(members):
            outcome = "1"
        elif held == 0:
            outcome = "0"
        else:
            outcome = "C"
        rows.append(
            TruthRow(
                values=dict(zip(conditions, configuration, strict=True)),
                outcome=outcome,
                n=len(members),
                consistency=held / len(members) if members else None,
                cases=[c.case for c in members],
            )
        )
    total_held = sum(c.held for c in data)
    fit = []
    for condition in conditions:
        present = [c for c in data if c.values[condition] == 1]
        both = sum(c.held for c in present)
        fit.append(
            ConditionFit(
                condition=condition,
                present=len(present),
                held=total_held,
                both=both,
                consistency=both / len(present) if present else None,
                coverage=both / total_held if total_held else None,
            )
        )
    return TruthTable(
        conditions=conditions,
        rows=rows,
        excluded=excluded,
        undecided=undecided,
        fit=fit,
        remainders=2 ** len(conditions) - len(groups),
        data=data,
        from_survey=from_survey,
    )
