"""Zip files (docx, xlsx) with fixed entry times, so the same input gives the same bytes."""

from __future__ import annotations

import io
import zipfile

__all__ = ["stable_zip"]

_EPOCH = (2000, 1, 1, 0, 0, 0)


def stable_zip(data: bytes) -> bytes:
    """``data`` (a zip archive) rewritten with every entry dated 2000-01-01, in the same order."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_EPOCH)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()
