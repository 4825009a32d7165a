"""The root of every error a user of toc or mechanisms can cause.

It lives here, in the lowest layer, so that `mechanisms` stays usable on its
own; `toc.errors` re-exports it and adds the document-level subclasses.
"""

from __future__ import annotations

__all__ = ["TocError"]


class TocError(Exception):
    """Base class of every error a user can cause (bad file, bad option, ...).

    Catch this one to handle all of them::

        try:
            doc = toc.load("toc.yaml")
        except toc.TocError as err:
            print(err)
    """
