"""Bring theories in and out: spreadsheets, Kumu, draw.io, GraphML and the logframe.

One module per format, with paired reading and writing where both exist:

=================  ==========================================  =====================
format             write                                       read
=================  ==========================================  =====================
xlsx (workbook)    `spreadsheet.write_xlsx`                    `spreadsheet.read_xlsx`
csv (a folder)     `spreadsheet.write_csv`                     `spreadsheet.read_csv`
kumu (blueprint)   `kumu.write_kumu`                           `kumu.read_kumu`
kumu-xlsx          `kumu.write_kumu_xlsx`                      —
graphml            `graphml.write_graphml`                     (networkx reads it)
drawio             `drawio.write_drawio`                       `drawio.read_drawio`
logframe (xlsx)    `logframe.write_logframe`                   —
=================  ==========================================  =====================

`import_document` and `export_document` choose by name or by the file's
suffix (`toc.formats.INTEROP`), as ``toc import`` and ``toc export`` do::

    import toc
    from toc.interop import export_document, import_document
    doc = toc.load("examples/nils-2018/nils-2018.yaml")
    export_document(doc, "nils.xlsx")
    assert import_document("nils.xlsx") == doc
    export_document(doc, "nils.json", "kumu")
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from toc.assessment import Assessment, assess
from toc.errors import OptionError
from toc.files import MAX_BYTES
from toc.formats import EXPORTS, IMPORTS, INTEROP
from toc.i18n import text
from toc.interop import drawio, graphml, kumu, logframe, spreadsheet
from toc.model import Document

__all__ = [
    "EXPORTS",
    "IMPORTS",
    "export_document",
    "export_format",
    "import_document",
    "import_format",
]

_SUFFIXES = {
    "xlsx": (".xlsx", ".xlsm"),
    "kumu-xlsx": (".xlsx",),
    "logframe": (".xlsx",),
    "kumu": (".json",),
    "graphml": (".graphml", ".xml"),
    "drawio": (".drawio", ".xml"),
}
"""The suffixes each format's files may have (csv is a folder)."""


def _suffix(path: str | os.PathLike[str]) -> str:
    return Path(os.fspath(path)).suffix.lower()


def import_format(
    source: str | os.PathLike[str], given: str | None = None, language: str = "en"
) -> str:
    """The format to read ``source`` as: ``given``, else what its name says.

    Refused in ``language`` when it cannot be told.

    >>> import_format("theory.xlsx"), import_format("map.json", "kumu")
    ('xlsx', 'kumu')
    >>> import_format("map.json")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    toc.errors.OptionError: cannot tell what 'map.json' is: ... pass --from kumu ...
    >>> import_format("map.json", language="sv")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    toc.errors.OptionError: kan inte avgöra vad 'map.json' är: ... ange --from kumu ...
    """
    name = os.fspath(source)
    if given is not None:
        if given not in IMPORTS:
            raise OptionError(
                text(
                    "interop.option.cannot_import",
                    language,
                    format=given,
                    formats=", ".join(IMPORTS),
                )
            )
        return given
    if os.path.isdir(name):
        return "csv"
    suffix = _suffix(name)
    found = INTEROP.get(suffix)
    if found in IMPORTS:
        return found
    if suffix == ".json":
        raise OptionError(text("interop.option.json_source", language, name=name))
    if suffix == ".csv":
        raise OptionError(text("interop.option.csv_source", language, name=name))
    raise OptionError(
        text("interop.option.unknown_source", language, name=name, formats="|".join(IMPORTS))
    )


def export_format(
    target: str | os.PathLike[str], given: str | None = None, language: str = "en"
) -> str:
    """The format to write ``target`` in: ``given`` (checked against the name), else the name's.

    Refused in ``language`` (the document's) when it cannot be told or does
    not fit the name.

    >>> export_format("nils.graphml"), export_format("out/", "csv")
    ('graphml', 'csv')
    >>> export_format("lf.xlsx", "logframe")
    'logframe'
    """
    name = os.fspath(target)
    suffix = _suffix(name)
    folder = name.endswith(("/", os.sep)) or os.path.isdir(name)
    if given is not None:
        if given not in EXPORTS:
            raise OptionError(
                text(
                    "interop.option.cannot_export",
                    language,
                    format=given,
                    formats=", ".join(EXPORTS),
                )
            )
        if given == "csv":
            if suffix and not folder:
                raise OptionError(text("interop.option.csv_folder", language, name=name))
        elif folder or suffix not in _SUFFIXES[given]:
            wanted = text("interop.option.or", language).join(_SUFFIXES[given])
            raise OptionError(
                text("interop.option.suffix", language, format=given, suffixes=wanted)
            )
        return given
    if folder:
        return "csv"
    found = INTEROP.get(suffix)
    if found is not None:
        return found
    if suffix == ".json":
        raise OptionError(text("interop.option.json_target", language, name=name))
    if suffix == ".csv":
        raise OptionError(text("interop.option.csv_target", language))
    raise OptionError(
        text("interop.option.unknown_target", language, name=name, formats="|".join(EXPORTS))
    )


def import_document(
    source: str | os.PathLike[str],
    format: str | None = None,
    *,
    stage_map: Mapping[str, str] | Sequence[str] | None = None,
    base: Document | None = None,
    max_bytes: int = MAX_BYTES,
    language: str = "en",
) -> Document:
    """Read a document from a workbook, a CSV folder, a Kumu blueprint or a draw.io file.

    ``stage_map`` (Kumu) maps element types to stages; ``base`` (draw.io) is
    the document the drawing was exported from. ``language`` is the language
    of problems until the source says its own, and a Kumu map's or a draw.io
    drawing's where it has none.
    """
    chosen = import_format(source, format, language)
    if stage_map and chosen != "kumu":
        raise OptionError(text("interop.option.stage_map_only", language))
    if base is not None and chosen != "drawio":
        raise OptionError(text("interop.option.base_only", language))
    if chosen == "xlsx":
        return spreadsheet.read_xlsx(source, max_bytes=max_bytes, language=language)
    if chosen == "csv":
        return spreadsheet.read_csv(source, max_bytes=max_bytes, language=language)
    if chosen == "kumu":
        return kumu.read_kumu(source, stage_map=stage_map, max_bytes=max_bytes, language=language)
    return drawio.read_drawio(source, base=base, max_bytes=max_bytes, language=language)


def export_document(
    doc: Document,
    target: str | os.PathLike[str],
    format: str | None = None,
    *,
    assessment: Assessment | None = None,
    levels: Mapping[str, str] | None = None,
    **drawing: Any,
) -> list[Path]:
    """Write a document in an exchange format; returns the files written.

    ``assessment`` is the document's `toc.assess` result (made here once
    when the format shows verdicts: Kumu, GraphML, draw.io by verdict);
    ``levels`` maps stages to logframe levels; ``drawing`` takes draw.io's
    options (``color_by``, ``theme``, ``intervention``, ``wrap``, ``font``).
    Problems are said in the document's language.
    """
    language = doc.language
    chosen = export_format(target, format, language)
    if levels and chosen != "logframe":
        raise OptionError(text("interop.option.level_only", language))
    if drawing and chosen != "drawio":
        raise OptionError(
            text(
                "interop.option.drawing_only",
                language,
                options=", ".join("--" + name.replace("_", "-") for name in sorted(drawing)),
            )
        )
    path = Path(os.fspath(target))
    if chosen == "csv":
        return spreadsheet.write_csv(doc, path)
    if chosen == "xlsx":
        spreadsheet.write_xlsx(doc, path)
    elif chosen == "logframe":
        logframe.write_logframe(doc, path, levels)
    elif chosen == "drawio":
        color_by = drawing.get("color_by", "stage")
        if assessment is None and color_by in ("verdict", "support"):
            assessment = assess(doc, intervention=drawing.get("intervention"))
        drawio.write_drawio(doc, path, assessment=assessment, **drawing)
    else:
        result = assessment if assessment is not None else assess(doc)
        if chosen == "kumu":
            kumu.write_kumu(doc, path, result)
        elif chosen == "kumu-xlsx":
            kumu.write_kumu_xlsx(doc, path, result)
        else:
            graphml.write_graphml(doc, path, result)
    return [path]
