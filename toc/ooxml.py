"""Office files (Word's .docx, Excel's .xlsx) written byte-stable: the one rule.

Such a file is a zip archive of XML parts. The same content must give the same
bytes on any machine, at any time, so that a report, a synthesis or an export
can be compared, cached and checked in:

- every entry of the archive gets the same time (`ENTRY_TIME`, 1980-01-01, the
  earliest a zip entry can hold), the same attributes (a regular file,
  ``rw-r--r--``, made on Unix, whatever system writes it) and deflate
  compression, in the order the parts are written (`StableZip`, `stable_zip`);
- the document's own dates (created, modified, last printed) are `FIXED_TIME`;
  openpyxl's ``Workbook.save`` would stamp the time of saving, so a workbook is
  written by `save_workbook`.

This module imports nothing from toc.
"""

from __future__ import annotations

import datetime
import io
import os
import zipfile
from typing import Any

__all__ = ["ENTRY_TIME", "FIXED_TIME", "StableZip", "save_workbook", "stable_zip"]

ENTRY_TIME = (1980, 1, 1, 0, 0, 0)
"""The time of every entry of an archive toc writes."""

FIXED_TIME = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
"""The created, modified and printed time of every office document toc writes."""


def _entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=ENTRY_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    info.create_system = 3  # Unix, on every system: ZipInfo would say Windows there
    return info


class StableZip(zipfile.ZipFile):
    """A zip archive to write whose every entry is made the same way (see the module
    docstring), whatever name, time or attributes the writer passes."""

    def write(  # type: ignore[override]
        self,
        filename: str | os.PathLike[str],
        arcname: str | None = None,
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        with open(filename, "rb") as handle:
            data = handle.read()
        self.writestr(arcname or os.fspath(filename), data)

    def writestr(  # type: ignore[override]
        self,
        zinfo_or_arcname: str | zipfile.ZipInfo,
        data: str | bytes,
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        name = (
            zinfo_or_arcname.filename
            if isinstance(zinfo_or_arcname, zipfile.ZipInfo)
            else zinfo_or_arcname
        )
        super().writestr(_entry(name), data)


def stable_zip(data: bytes) -> bytes:
    """``data`` (a zip archive) written again with every entry made the same way, in the
    same order.

    >>> out = io.BytesIO()
    >>> with zipfile.ZipFile(out, "w") as z:
    ...     z.writestr("[Content_Types].xml", "<x/>")
    >>> info = zipfile.ZipFile(io.BytesIO(stable_zip(out.getvalue()))).infolist()[0]
    >>> info.date_time, oct(info.external_attr >> 16), info.create_system
    ((1980, 1, 1, 0, 0, 0), '0o644', 3)
    """
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, StableZip(out, "w") as target:
        for info in source.infolist():
            target.writestr(info.filename, source.read(info.filename))
    return out.getvalue()


def save_workbook(workbook: Any) -> bytes:
    """An openpyxl workbook as the bytes of an .xlsx file, byte-stable.

    Its created and modified times become `FIXED_TIME` (openpyxl keeps them
    without a time zone).
    """
    from openpyxl.writer.excel import ExcelWriter

    fixed = FIXED_TIME.replace(tzinfo=None)
    workbook.properties.created = workbook.properties.modified = fixed
    buffer = io.BytesIO()
    ExcelWriter(workbook, StableZip(buffer, "w", zipfile.ZIP_DEFLATED)).save()
    return buffer.getvalue()
