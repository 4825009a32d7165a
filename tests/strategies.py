"""Hypothesis strategies: random valid documents as plain data, and hostile text.

`documents()` draws a document that must load: every id unique across the
document, every reference resolved, surveys with one count per scale step,
verdicts from the vocabulary of what they judge. Text fields mix arbitrary
Unicode with the strings that trip YAML up (``no``, ``0o17``, ``- x``,
``# y``, leading spaces, line breaks, emoji, Swedish letters).
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from mechanisms.types import (
    CONDITION_STATES,
    CONFIDENCES,
    LARGEST,
    MECHANISM_VERDICTS,
    NOT_TEXT,
    STANCES,
    TEST_TYPES,
)

__all__ = ["TRICKY_TEXT", "documents", "ids", "texts"]

NARRATIVE_KINDS = ["interview", "focus_group", "observation", "document", "register", "indicator"]
ACTOR_KINDS = ["state", "region", "municipality", "civil_society", "private", "user", "other"]
DEFAULT_STAGES = ["resources", "activities", "short", "medium", "long"]

TRICKY_TEXT = [
    "no",
    "No",
    "yes",
    "on",
    "off",
    "y",
    "0o17",
    "0x1F",
    "1e3",
    "1_000",
    "012",
    "-.5",
    ".inf",
    ".NaN",
    "null",
    "Null",
    "~",
    "true",
    "False",
    "2018-05",
    "2018-05-14",
    "12:30",
    "- item",
    "-",
    "? key",
    ": value",
    "key: value",
    "a # not a comment",
    "# heading",
    "'single'",
    '"double"',
    "it's",
    'say "hi"',
    "back\\slash",
    "  leading spaces",
    "trailing spaces  ",
    " ",
    "line one\nline two",
    "ends with newline\n",
    "\n\nstarts with blank lines",
    "tab\tinside",
    "crlf\r\nline",
    "Förändringsteori för samverkan – Åmål, Skåne",
    "ÅÄÖ åäö é ü ß",
    "emoji 🚀🇸🇪 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "{curly} [square] <angle> &amp; *star !bang %pct @at `tick` |pipe >gt",
    "{name}",
    "{0!r:>{1}}",
    "&anchor",
    "*alias",
    "!tag",
    "<<",
    "---",
    "...",
    "=",
    "\u2028line separator",
    "\x85next line",
    "\ufeffbom inside",
    "nul \x00 inside",
    "bell \x07",
]

_ID_WORDS = ["no", "yes", "on", "null", "true", "0o17", "1e3", "0x1f", "123", "007", "1_000", "inf"]


def texts(min_size: int = 1) -> st.SearchStrategy[str]:
    """Text as people (and hostile people) write it: tricky samples, any Unicode, or both.

    Only text a document may hold: the control characters the format refuses
    (`mechanisms.types.NOT_TEXT`; ``TRICKY_TEXT`` has some) are taken out.
    """
    any_text = st.text(min_size=min_size, max_size=16)
    tricky = st.sampled_from(TRICKY_TEXT)
    return (
        st.one_of(
            tricky,
            any_text,
            st.builds(lambda a, b: a + b, tricky, any_text),
            st.builds(lambda a, b: a + " " + b, any_text, tricky),
        )
        .map(lambda text: NOT_TEXT.sub("", text))
        .filter(lambda text: len(text) >= min_size)
    )


_SLUG_START = "abcdefghijklmnopqrstuvwxyz0123456789"


def ids() -> st.SearchStrategy[str]:
    """Slugs, including ones that YAML would read as numbers, booleans or null."""
    slug = st.builds(
        lambda a, b: a + b,
        st.sampled_from(_SLUG_START),
        st.text(alphabet=_SLUG_START + "-_", max_size=10),
    )
    return st.one_of(slug, st.sampled_from(_ID_WORDS))


def dates() -> st.SearchStrategy[str]:
    """Partial dates: ``2018``, ``2018-05`` or ``2018-05-14``."""
    year = st.integers(1900, 2100).map(str)
    month = st.integers(1, 12).map(lambda m: f"{m:02d}")
    day = st.integers(1, 31).map(lambda d: f"{d:02d}")
    return st.one_of(
        year,
        st.builds(lambda y, m: f"{y}-{m}", year, month),
        st.builds(lambda y, m, d: f"{y}-{m}-{d}", year, month, day),
    )


def numbers() -> st.SearchStrategy[int | float]:
    """Indicator values: whole and decimal numbers, at most `LARGEST` in size."""
    return st.one_of(
        st.integers(-(10**12), 10**12),
        st.floats(-LARGEST, LARGEST, allow_nan=False, width=64),
    )


probabilities = st.floats(0, 1, allow_nan=False)

# Built once: creating strategies inside a draw costs far more than drawing.
TEXT = texts()
ID = ids()
DATE = dates()
MEASUREMENT = st.fixed_dictionaries({"value": numbers()}, optional={"date": DATE, "source": TEXT})


class _Ids:
    """Hands out ids unique across the document."""

    def __init__(self, draw: Any) -> None:
        self.draw = draw
        self.used: set[str] = set()

    def new(self) -> str:
        value = self.draw(ID)
        if value in self.used:
            value = f"{value}-{len(self.used)}"
        self.used.add(value)
        return value


def _maybe(draw: Any, item: dict[str, Any], key: str, strategy: st.SearchStrategy[Any]) -> None:
    """Set an optional key, or leave it out."""
    if draw(st.booleans()):
        item[key] = draw(strategy)


def _subset(draw: Any, pool: list[str], max_size: int = 3) -> list[str]:
    if not pool:
        return []
    return draw(st.lists(st.sampled_from(pool), max_size=max_size, unique=True))


def _link_ref(draw: Any, ref: str) -> str:
    """A link reference as an author might write it: ``a->b`` or ``a -> b``."""
    head, _, tail = ref.partition("->")
    return draw(st.sampled_from([ref, f"{head} -> {tail}", f" {head}->{tail} "]))


@st.composite
def documents(draw: Any, max_nodes: int = 8) -> dict[str, Any]:
    """A random valid document as plain data (ready for `toc.validate` or a dump)."""
    new = _Ids(draw)
    doc: dict[str, Any] = {"format": 1, "id": draw(ID), "title": draw(TEXT)}
    _maybe(draw, doc, "language", st.sampled_from(["sv", "en"]))
    _maybe(draw, doc, "description", TEXT)

    stage_choice = draw(st.sampled_from(["default", "shuffled", "own"]))
    if stage_choice == "default":
        stages = list(DEFAULT_STAGES)
    elif stage_choice == "shuffled":
        stages = draw(st.permutations(DEFAULT_STAGES))
        doc["stages"] = stages
    else:
        stages = draw(st.lists(ID, min_size=2, max_size=6, unique=True))
        doc["stages"] = stages

    interventions = []
    for _ in range(draw(st.integers(0, 3))):
        item = {"id": new.new(), "name": draw(TEXT)}
        _maybe(draw, item, "period", TEXT)
        _maybe(draw, item, "description", TEXT)
        interventions.append(item)
    if interventions or draw(st.booleans()):
        doc["interventions"] = interventions
    intervention_ids = [i["id"] for i in interventions]

    actors = []
    for _ in range(draw(st.integers(0, 3))):
        item = {"id": new.new(), "name": draw(TEXT)}
        _maybe(draw, item, "kind", st.sampled_from(ACTOR_KINDS))
        _maybe(draw, item, "description", TEXT)
        actors.append(item)
    if actors:
        doc["actors"] = actors
    actor_ids = [a["id"] for a in actors]

    nodes = []
    for _ in range(draw(st.integers(0, max_nodes))):
        node: dict[str, Any] = {
            "id": new.new(),
            "stage": draw(st.sampled_from(stages)),
            "label": draw(TEXT),
        }
        if interventions and draw(st.booleans()):
            node["interventions"] = _subset(draw, intervention_ids)
        if actors and draw(st.booleans()):
            node["actors"] = _subset(draw, actor_ids)
        _maybe(draw, node, "description", TEXT)
        if draw(st.integers(0, 3)) == 0:
            node["indicators"] = [_indicator(draw, new) for _ in range(draw(st.integers(1, 2)))]
        nodes.append(node)
    if nodes:
        doc["nodes"] = nodes
    node_ids = [n["id"] for n in nodes]
    stage_of = {n["id"]: stages.index(n["stage"]) for n in nodes}

    links: list[dict[str, Any]] = []
    refs: list[str] = []
    if len(node_ids) >= 2:
        pairs = draw(
            st.lists(
                st.tuples(st.sampled_from(node_ids), st.sampled_from(node_ids)).filter(
                    lambda p: p[0] != p[1]
                ),
                max_size=2 * len(node_ids),
                unique=True,
            )
        )
        for a, b in pairs:
            # Mostly forward along the stages, sometimes a deliberate loop back.
            if stage_of[b] < stage_of[a] and draw(st.integers(0, 3)):
                a, b = b, a
            if f"{a}->{b}" in refs:
                continue
            link: dict[str, Any] = {"from": a, "to": b}
            if stage_of[b] < stage_of[a]:
                link["feedback"] = True
            _maybe(draw, link, "label", TEXT)
            links.append(link)
            refs.append(f"{a}->{b}")
    if links:
        doc["links"] = links

    conditions = []
    for _ in range(draw(st.integers(0, 3))):
        item = {"id": new.new(), "statement": draw(TEXT)}
        _maybe(draw, item, "description", TEXT)
        conditions.append(item)
    condition_ids = [c["id"] for c in conditions]

    mechanisms = []
    for _ in range(draw(st.integers(0, 4))):
        item = {"id": new.new(), "title": draw(TEXT)}
        _maybe(draw, item, "statement", TEXT)
        if refs and draw(st.booleans()):
            item["links"] = [_link_ref(draw, r) for r in _subset(draw, refs)]
        if conditions and draw(st.booleans()):
            item["conditions"] = _subset(draw, condition_ids)
        _maybe(draw, item, "prior", probabilities)
        _maybe(draw, item, "description", TEXT)
        mechanisms.append(item)
    mechanism_ids = [m["id"] for m in mechanisms]
    # The same relation stated from the link's end (the library takes the union).
    for link in links:
        if mechanism_ids and draw(st.integers(0, 2)) == 0:
            link["mechanisms"] = _subset(draw, mechanism_ids)
    if mechanisms:
        doc["mechanisms"] = mechanisms
    if conditions:
        doc["conditions"] = conditions

    rivals = []
    for _ in range(draw(st.integers(0, 2))):
        item = {"id": new.new(), "statement": draw(TEXT)}
        if (node_ids or refs) and draw(st.booleans()):
            item["about"] = _subset(draw, node_ids + refs)
        _maybe(draw, item, "prior", probabilities)
        rivals.append(item)
    if rivals:
        doc["rivals"] = rivals
    rival_ids = [r["id"] for r in rivals]

    about_pool = mechanism_ids + condition_ids + rival_ids + node_ids + refs
    evidence = []
    if about_pool:
        for _ in range(draw(st.integers(0, 5))):
            evidence.append(_evidence(draw, new, about_pool, intervention_ids))
    if evidence:
        doc["evidence"] = evidence
    evidence_ids = [e["id"] for e in evidence]

    judged = [(i, MECHANISM_VERDICTS) for i in mechanism_ids + rival_ids]
    judged += [(i, CONDITION_STATES) for i in condition_ids]
    judgements = []
    if judged:
        for _ in range(draw(st.integers(0, 4))):
            about, vocabulary = draw(st.sampled_from(judged))
            item = {"about": about, "verdict": draw(st.sampled_from(vocabulary))}
            if draw(st.integers(0, 3)) == 0:
                item["id"] = new.new()
            if intervention_ids and draw(st.booleans()):
                item["intervention"] = draw(st.sampled_from(intervention_ids))
            _maybe(draw, item, "confidence", st.sampled_from(CONFIDENCES))
            _maybe(draw, item, "rationale", TEXT)
            if evidence_ids and draw(st.booleans()):
                item["evidence"] = _subset(draw, evidence_ids)
            _maybe(draw, item, "by", TEXT)
            _maybe(draw, item, "date", DATE)
            judgements.append(item)
    if judgements:
        doc["judgements"] = judgements
    return doc


def _indicator(draw: Any, new: _Ids) -> dict[str, Any]:
    item: dict[str, Any] = {"id": new.new(), "name": draw(TEXT)}
    _maybe(draw, item, "unit", TEXT)
    _maybe(draw, item, "baseline", MEASUREMENT)
    _maybe(draw, item, "target", MEASUREMENT)
    _maybe(draw, item, "actual", st.lists(MEASUREMENT, max_size=3))
    _maybe(draw, item, "method", TEXT)
    _maybe(draw, item, "frequency", TEXT)
    return item


def _evidence(
    draw: Any, new: _Ids, about_pool: list[str], intervention_ids: list[str]
) -> dict[str, Any]:
    item: dict[str, Any] = {"id": new.new(), "about": draw(st.sampled_from(about_pool))}
    if intervention_ids and draw(st.booleans()):
        item["intervention"] = draw(st.sampled_from(intervention_ids))
    if draw(st.integers(0, 2)) == 0:
        item["kind"] = "survey"
        scale = draw(st.lists(TEXT, min_size=2, max_size=5, unique=True))
        item["question"] = draw(TEXT)
        item["scale"] = scale
        item["counts"] = draw(
            st.lists(st.integers(0, 500), min_size=len(scale), max_size=len(scale))
        )
        _maybe(draw, item, "dont_know", st.integers(0, 100))
        if draw(st.booleans()):
            top = scale[len(scale) - draw(st.integers(1, len(scale))) :]
            item["top"] = draw(st.permutations(top))
    else:
        item["kind"] = draw(st.sampled_from([*NARRATIVE_KINDS, "other"]))
    _maybe(draw, item, "source", TEXT)
    _maybe(draw, item, "date", DATE)
    _maybe(draw, item, "summary", TEXT)
    _maybe(draw, item, "quotes", st.lists(TEXT, max_size=3))
    _maybe(draw, item, "stance", st.sampled_from(STANCES))
    _maybe(draw, item, "test", st.sampled_from(TEST_TYPES))
    if draw(st.booleans()):
        if "test" in item and draw(st.booleans()):
            item[draw(st.sampled_from(["p_if_true", "p_if_false"]))] = draw(probabilities)
        else:
            item["p_if_true"] = draw(probabilities)
            item["p_if_false"] = draw(probabilities)
    _maybe(draw, item, "observed", st.booleans())
    _maybe(draw, item, "group", ID)
    return item
