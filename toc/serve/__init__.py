"""The live workshop page: ``toc serve FILE``.

A local web page shows the diagram of a document file and follows every save:
the file is read again (`toc.serve.live.Live`), judged once, checked and drawn,
and the new diagram is pushed to every open page over server-sent events. A
file that stops loading never blanks the page: the last good diagram stays,
with the located problems in a banner. The page presents: projector preset,
focus, reveal, strands, legend, badges, indicators, colours, a side panel per
box and mechanism, full screen, downloads.

This package reads documents and draws them; it never writes a document::

    from toc.serve import Live, Server
    with Server(Live("workshop.yaml")) as server:
        print(server.url)          # http://127.0.0.1:PORT/
"""

from __future__ import annotations

from toc.serve.live import Live, Snapshot
from toc.serve.server import ROUTES, Server, is_loopback

__all__ = ["ROUTES", "Live", "Server", "Snapshot", "is_loopback"]
