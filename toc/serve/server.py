"""The HTTP side of ``toc serve``: fixed routes, server-sent events, nothing else.

Built on the standard library's `http.server` (one thread per connection):
the page has a handful of readers on one machine or one room's network, the
routes are a fixed table, and nothing is ever looked up on disk, so a web
framework would add dependencies without adding safety. docs/facilitator.md
("How it works") gives the reasons in full.

Routes (everything else is 404; only GET and HEAD):

=================  ===================================================
``/``              the page
``/app.js``        its script (hand-written, no library)
``/app.css``       its style sheet
``/diagram.svg``   the current diagram; view parameters as a query string
``/status.json``   path, revisions, last good render, findings, problems
``/details.json``  the side panel's data for the current document
``/events``        server-sent events: the diagram and status, on every change
=================  ===================================================

The request path is compared with the table as sent, before any decoding,
so ``/../pyproject.toml``, ``/%2e%2e/…`` and absolute paths are simply not
routes. While the server listens only on the loopback interface it also
checks the ``Host`` header, so that a web page elsewhere cannot reach it
through a DNS name that points at 127.0.0.1.
"""

from __future__ import annotations

import contextlib
import ipaddress
import json
import socket
import threading
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib.resources import files
from typing import Any
from urllib.parse import parse_qsl

from jinja2 import Environment

from toc.errors import OptionError, TocError
from toc.i18n import text
from toc.serve.live import Live, Snapshot
from toc.serve.views import view_options
from toc.serve.watch import Watcher

__all__ = ["ROUTES", "Server", "is_loopback"]

ROUTES: tuple[str, ...] = (
    "/",
    "/app.js",
    "/app.css",
    "/diagram.svg",
    "/status.json",
    "/details.json",
    "/events",
)
"""Every path the server answers."""

_PAGE_WORDS = (
    "projector",
    "legend",
    "badges",
    "indicators",
    "colour",
    "strand",
    "all_strands",
    "reveal",
    "focus",
    "wider",
    "narrower",
    "clear",
    "fullscreen",
    "download_svg",
    "download_png",
    "zoom_in",
    "zoom_out",
    "fit",
    "keys",
    "findings",
    "broken",
    "kept",
    "exposed",
    "reconnecting",
    "view_error",
    "waiting",
    "all_stages",
)

_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)

KEEPALIVE = 15.0
"""Seconds between keep-alive comments on an idle event stream."""


def is_loopback(host: str) -> bool:
    """Whether ``host`` is this machine only (127.0.0.0/8, ::1 or ``localhost``).

    >>> is_loopback("127.0.0.1"), is_loopback("::1"), is_loopback("localhost")
    (True, True, True)
    >>> is_loopback("0.0.0.0"), is_loopback("192.168.1.20"), is_loopback("example.org")
    (False, False, False)
    """
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _asset(name: str) -> bytes:
    return files("toc.serve").joinpath("static", name).read_bytes()


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    toc: Server


class _HTTPServer6(_HTTPServer):
    address_family = socket.AF_INET6


class _Handler(BaseHTTPRequestHandler):
    server: _HTTPServer
    server_version = "toc-serve"
    sys_version = ""
    timeout = 60

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the terminal shows the address and the reloads, not every request."""

    # ------------------------------------------------------------- replies

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self._common_headers()
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _common_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Content-Security-Policy", _CSP)

    def _json(self, data: Any, status: int = 200) -> None:
        body = json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
        self._send(status, body, "application/json; charset=utf-8")

    def _error(self, status: HTTPStatus, message: str) -> None:
        self._send(status, (message + "\n").encode("utf-8"), "text/plain; charset=utf-8")

    # ------------------------------------------------------------- routing

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_POST(self) -> None:
        self._error(HTTPStatus.METHOD_NOT_ALLOWED, "only GET")

    do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_POST

    def do_GET(self) -> None:
        toc = self.server.toc
        path, _, query = self.path.partition("?")
        if path not in ROUTES:
            self._error(HTTPStatus.NOT_FOUND, "not found")
            return
        if not toc.host_allowed(self.headers.get("Host")):
            self._error(HTTPStatus.MISDIRECTED_REQUEST, "unknown host")
            return
        try:
            params = dict(parse_qsl(query, keep_blank_values=True, max_num_fields=20))
        except ValueError:
            self._error(HTTPStatus.BAD_REQUEST, "bad query")
            return
        handler: Callable[[dict[str, str]], None] = {
            "/": self._page,
            "/app.js": lambda _: self._send(200, toc.assets["app.js"], "text/javascript"),
            "/app.css": lambda _: self._send(200, toc.assets["app.css"], "text/css"),
            "/diagram.svg": self._diagram,
            "/status.json": lambda _: self._json(toc.status()),
            "/details.json": lambda _: self._json(toc.live.snapshot().panel),
            "/events": self._events,
        }[path]
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            handler(params)

    def _page(self, _params: dict[str, str]) -> None:
        self._send(200, self.server.toc.page().encode("utf-8"), "text/html; charset=utf-8")

    def _diagram(self, params: dict[str, str]) -> None:
        live = self.server.toc.live
        try:
            svg = live.diagram(params)
        except TocError as err:
            self._error(HTTPStatus.BAD_REQUEST, str(err))
            return
        if svg is None:
            self._error(HTTPStatus.SERVICE_UNAVAILABLE, "the document has not loaded yet")
            return
        self._send(200, svg, "image/svg+xml")

    def _events(self, params: dict[str, str]) -> None:
        toc = self.server.toc
        live = toc.live
        try:
            view = params
            view_options(view)
        except OptionError as err:
            self._error(HTTPStatus.BAD_REQUEST, str(err))
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self._common_headers()
        self.end_headers()
        self.close_connection = True
        if self.command == "HEAD":
            return
        seen, seen_good = -1, -1
        while not live.closed and not toc.stopping:
            state = live.wait(seen, KEEPALIVE) if seen >= 0 else live.snapshot()
            if live.closed or toc.stopping:
                break
            if state.revision == seen:
                self.wfile.write(b": keep-alive\n\n")
                self.wfile.flush()
                continue
            payload: dict[str, Any] = {"status": toc.status(state)}
            if state.good_revision != seen_good and state.document is not None:
                try:
                    svg = live.diagram(view, state)
                    payload["svg"] = svg.decode("utf-8") if svg else None
                except TocError as err:
                    payload["view_error"] = str(err)
                seen_good = state.good_revision
            data = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
            self.wfile.write(f"event: update\nid: {state.revision}\ndata: {data}\n\n".encode())
            self.wfile.flush()
            seen = state.revision


class Server:
    """``toc serve``: the live page of one document file.

    ``host`` must be a loopback address unless ``expose`` is True (the
    command line sets it only when ``--host`` is given); ``port`` 0 takes a
    free port. `start` begins serving and watching in background threads;
    `stop` ends both. Usable as a context manager.
    """

    def __init__(
        self,
        live: Live,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        expose: bool = False,
        watch: bool = True,
        step_ms: int = 20,
        debounce_ms: int = 400,
        on_reload: Callable[[Snapshot], object] | None = None,
    ) -> None:
        if not is_loopback(host) and not expose:
            raise OptionError(
                f"refusing to serve on {host!r}: anyone on that network could see the "
                "document; give --host explicitly to mean it"
            )
        if not 0 <= port <= 65535:
            raise OptionError(f"port must be from 0 to 65535, not {port!r}")
        self.live = live
        self.host = host
        self.exposed = not is_loopback(host)
        cls = _HTTPServer6 if ":" in host else _HTTPServer
        try:
            self.httpd = cls((host, port), _Handler)
        except OSError as err:
            raise TocError(
                f"cannot listen on {host}:{port}: {err.strerror or err}"
                + ("; leave out --port to take a free one" if port else "")
            ) from None
        self.httpd.toc = self
        self.port = int(self.httpd.server_address[1])
        self.assets = {name: _asset(name) for name in ("app.js", "app.css")}
        self._template = Environment(autoescape=True).from_string(
            _asset("page.html").decode("utf-8")
        )
        self.stopping = False
        self._thread: threading.Thread | None = None
        self.on_reload = on_reload
        self.watcher = (
            Watcher(live.path, self.reload, step_ms=step_ms, debounce_ms=debounce_ms)
            if watch
            else None
        )

    def reload(self) -> Snapshot:
        """Read the file again (the watcher calls this after each change)."""
        state = self.live.reload()
        if self.on_reload is not None:
            self.on_reload(state)
        return state

    @property
    def url(self) -> str:
        """The page's address."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/"

    def host_allowed(self, header: str | None) -> bool:
        """Whether a request's ``Host`` header names this server (always, when exposed)."""
        if self.exposed:
            return True
        if header is None:
            return False
        port = str(self.port)
        allowed = {f"{name}:{port}" for name in ("127.0.0.1", "localhost", "[::1]", self.host)}
        return header.lower() in allowed

    def status(self, state: Any = None) -> dict[str, Any]:
        """``/status.json``: the live document's status and where it is served."""
        out = self.live.status(state)
        out["url"] = self.url
        out["exposed"] = self.exposed
        return out

    def page(self) -> str:
        """The page's HTML, its fixed text in the document's language."""
        state = self.live.snapshot()
        lang = state.document.language if state.document else "en"
        words = {key: text(f"serve.page.{key}", lang) for key in _PAGE_WORDS}
        return self._template.render(
            lang=lang,
            words=words,
            words_json=json.dumps(words, ensure_ascii=False),
            title=state.document.title if state.document else self.live.path,
            view_json=json.dumps(self.live.default_view),
        )

    def start(self) -> None:
        """Read the file, then serve and watch in background threads."""
        if self.live.snapshot().revision == 0:
            self.reload()
        if self.watcher is not None:
            self.watcher.start()
        self._thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        """Stop watching and serving; open event streams end."""
        self.stopping = True
        self.live.close()
        if self.watcher is not None:
            self.watcher.stop()
        if self._thread is not None:
            self.httpd.shutdown()
            self._thread.join(timeout=5)
        self.httpd.server_close()

    def __enter__(self) -> Server:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
