"""Write a synthesis: the format from the file suffix, every file atomically.

``.html``, ``.docx`` and ``.md`` give the synthesis chapter in Swedish or
English; ``.xlsx`` a workbook with one sheet per table; ``.json`` the
documented JSON (`Synthesis.to_json`); `write_qca` one CSV per mechanism that
R's ``QCA::truthTable`` reads.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any, Literal

from toc.errors import OptionError, WriteError
from toc.files import write_atomic
from toc.formats import SYNTHESIS, required
from toc.output import write_all
from toc.synthesis.chapter import chapter, sheets
from toc.synthesis.docx import render_docx
from toc.synthesis.html import render_html
from toc.synthesis.markdown import render_markdown
from toc.synthesis.model import Synthesis, TruthTable
from toc.synthesis.xlsx import render_xlsx

__all__ = [
    "FORMATS",
    "format_of",
    "json_schema",
    "qca_columns",
    "qca_csv",
    "render_synthesis",
    "schema_text",
    "write_qca",
    "write_synthesis",
]

FORMATS = SYNTHESIS
"""Output suffixes of a synthesis and the format each selects (`toc.formats.SYNTHESIS`)."""

OUTCOME_COLUMN = "HELD"
"""The outcome column of the QCA CSV (not ``OUT``, which QCA's own tables use)."""


def format_of(path: str | os.PathLike[str]) -> str:
    """The synthesis format a file name asks for.

    >>> format_of("syntes.XLSX")
    'xlsx'
    >>> format_of("syntes.pdf")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    toc.errors.OptionError: cannot write a synthesis as 'syntes.pdf': name the output .html, ...
    """
    return required(path, SYNTHESIS, "a synthesis")


def render_synthesis(
    result: Synthesis, fmt: str, *, language: Literal["sv", "en"] | None = None
) -> bytes:
    """The bytes of one output format (``html``, ``docx``, ``markdown``, ``xlsx``, ``json``)."""
    if fmt == "json":
        return result.to_json().encode("utf-8")
    if fmt == "xlsx":
        return render_xlsx(sheets(result, language))
    content = chapter(result, language)
    if fmt == "html":
        return render_html(content).encode("utf-8")
    if fmt == "docx":
        return render_docx(content)
    if fmt == "markdown":
        return render_markdown(content).encode("utf-8")
    raise OptionError(f"unknown synthesis format {fmt!r}: use html, docx, markdown, xlsx or json")


def write_synthesis(
    result: Synthesis,
    path: str | os.PathLike[str],
    *,
    language: Literal["sv", "en"] | None = None,
) -> Path:
    """Write the synthesis to ``path``, the format from its suffix; return the path.

    Rendered first, then written atomically: a failure leaves no partial file.
    """
    target = Path(path)
    data = render_synthesis(result, format_of(target), language=language)
    write_atomic(target, data)
    return target


# --------------------------------------------------------------------- QCA


def qca_columns(conditions: list[str]) -> list[str]:
    """CSV column names for condition ids: upper case, ``-`` as ``_``, each different.

    R reads them as they are (syntactic names), and QCA's convention of upper-case
    condition names holds.

    >>> qca_columns(["c-mandate", "c_mandate", "2nd"])
    ['C_MANDATE', 'C_MANDATE_2', 'X2ND']
    """
    out: list[str] = []
    taken = {OUTCOME_COLUMN}
    for condition in conditions:
        name = re.sub(r"[^A-Z0-9_]", "_", condition.upper())
        if not name[:1].isalpha():
            name = "X" + name
        base, k = name, 2
        while name in taken:
            name = f"{base}_{k}"
            k += 1
        taken.add(name)
        out.append(name)
    return out


def qca_csv(table: TruthTable) -> str:
    """The coded cases of a truth table as CSV for R's ``QCA::truthTable``.

    One row per coded case: the case id first (row names), one 0/1 column per
    condition (`qca_columns`), then ``HELD``. Read it in R with::

        data <- read.csv("m-implementation.csv", row.names = 1)
        QCA::truthTable(data, outcome = "HELD", complete = TRUE, show.cases = TRUE)

    The cells hold only ids and 0/1, so no formula escaping is needed.
    """
    lines = [",".join(["case", *qca_columns(table.conditions), OUTCOME_COLUMN])]
    for coded in table.data:
        values = [str(coded.values[c]) for c in table.conditions]
        lines.append(",".join([coded.case, *values, str(coded.held)]))
    return "\r\n".join(lines) + "\r\n"


def write_qca(result: Synthesis, folder: str | os.PathLike[str]) -> list[Path]:
    """Write ``<mechanism>.csv`` (`qca_csv`) for every mechanism into ``folder``.

    The folder is created if it does not exist; each file is written
    atomically, and if one fails the ones already written are removed.
    """
    target = Path(folder)
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise WriteError(f"cannot create the folder {target}: {err.strerror}") from None
    return write_all(
        [
            (target / f"{mechanism}.csv", qca_csv(table).encode("utf-8"))
            for mechanism, table in result.truth_tables.items()
        ]
    )


SCHEMA_ID = "urn:toc-evaluation:schema:synthesis-1"
"""The ``$id`` of the synthesis JSON Schema."""


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the synthesis JSON.

    Published as docs/synthesis.schema.json; regenerate it with
    ``python -c "from toc.synthesis.write import schema_text; print(schema_text(), end='')"``.

    >>> sorted(json_schema()["required"])[:3]
    ['cases', 'cmo', 'conditions']
    """
    schema = Synthesis.model_json_schema(mode="serialization")
    # Every object of the synthesis JSON has exactly the keys listed. Said here for
    # each of them, so the published schema does not depend on whether the pydantic
    # version at hand carries ``extra="forbid"`` over to the nested dataclasses.
    for definition in schema.get("$defs", {}).values():
        if definition.get("type") == "object":
            definition["additionalProperties"] = False
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
    }


def schema_text() -> str:
    """`json_schema` as the text of docs/synthesis.schema.json."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
