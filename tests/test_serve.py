"""toc serve without a browser: the live document, the HTTP routes, the refusals, the events.

Servers here listen on 127.0.0.1 and a free port; the watcher waits 10 ms of
quiet (``step_ms``) so that the tests stay fast. Nothing here asserts a time.
"""

from __future__ import annotations

import http.client
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import toc
from toc.diagram import render_bytes
from toc.errors import OptionError
from toc.serve import ROUTES, Live, Server, is_loopback
from toc.serve.views import view_key, view_options

ROOT = Path(__file__).resolve().parent.parent
NILS = ROOT / "examples/nils-2018/nils-2018.yaml"
OLD_LABEL = "Samsyn om målgruppen hos alla parter"
NEW_LABEL = "Samsyn om målgruppen hos alla parter och brukarna"
BROKEN_STAGE = "    stage: shortish\n"


@pytest.fixture
def workshop(tmp_path: Path) -> Path:
    path = tmp_path / "workshop.yaml"
    path.write_bytes(NILS.read_bytes())
    return path


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def get(server: Server, target: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    """A raw GET: the target is sent exactly as given (no client-side normalisation)."""
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    connection.putrequest("GET", target, skip_host=True, skip_accept_encoding=True)
    connection.putheader("Host", headers.pop("Host", f"127.0.0.1:{server.port}"))
    for name, value in headers.items():
        connection.putheader(name, value)
    connection.endheaders()
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, body


@pytest.fixture
def server(workshop: Path) -> Iterator[Server]:
    with Server(Live(workshop), step_ms=10, debounce_ms=200) as running:
        yield running


# ---------------------------------------------------------------- the views


def test_view_parameters_become_render_options() -> None:
    assert view_options({}) == {}
    assert view_options(
        {
            "preset": "projector",
            "color": "verdict",
            "intervention": "ic",
            "focus": "m-chains",
            "depth": "2",
            "reveal": "3",
            "legend": "0",
            "badges": "0",
            "indicators": "1",
        }
    ) == {
        "preset": "projector",
        "color_by": "verdict",
        "intervention": "ic",
        "focus": "m-chains",
        "depth": 2,
        "reveal": 3,
        "legend": False,
        "badges": False,
        "indicators": True,
    }
    # Defaults given explicitly are the same view (one cache entry).
    assert view_key({"legend": "1", "badges": "1", "indicators": "0"}) == ()


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"colour": "stage"}, "unknown view parameter 'colour'"),
        ({"preset": "wall"}, r"preset must be one of default, projector.*, not 'wall'"),
        ({"depth": "-1"}, "depth must be a whole number, not '-1'"),
        ({"reveal": "99999"}, "reveal must be a whole number, not '99999'"),
        ({"legend": "yes"}, "legend must be 0 or 1, not 'yes'"),
    ],
)
def test_bad_view_parameters_are_refused(query: dict[str, str], message: str) -> None:
    with pytest.raises(OptionError, match=message):
        view_options(query)


# ------------------------------------------------------------ the live file


def test_a_broken_edit_keeps_the_last_good_diagram_until_fixed(workshop: Path) -> None:
    moments = iter([1000.0, 2000.0])  # read only when a revision draws
    live = Live(workshop, clock=lambda: next(moments))
    first = live.reload()
    assert (first.revision, first.good_revision, first.ok) == (1, 1, True)
    good_svg = live.diagram({})
    assert good_svg is not None and b"Samsyn om m\xc3\xa5lgruppen" in good_svg

    edit(workshop, "    stage: short\n    label: Samsyn", BROKEN_STAGE + "    label: Samsyn")
    broken = live.reload()
    assert (broken.revision, broken.good_revision, broken.ok) == (2, 1, False)
    assert live.diagram({}) == good_svg
    status = live.status()
    assert status["ok"] is False
    assert status["last_good"] == "1970-01-01T00:16:40.000+00:00"
    [problem] = status["problems"]
    assert problem["line"] == 225 and problem["column"] == 12
    assert "shortish" in problem["message"]
    assert problem["where"] == f"{workshop}:225:12"

    edit(workshop, BROKEN_STAGE + "    label: Samsyn", "    stage: short\n    label: Samsyn")
    edit(workshop, OLD_LABEL, NEW_LABEL)
    fixed = live.reload()
    assert (fixed.revision, fixed.good_revision, fixed.ok) == (3, 3, True)
    assert live.status()["problems"] == []
    assert live.status()["last_good"] == "1970-01-01T00:33:20.000+00:00"
    svg = live.diagram({})
    assert svg is not None and b"brukarna" in svg


def test_the_document_is_judged_once_per_revision(
    workshop: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import toc.serve.live as live_module

    calls = []
    real = live_module.assess
    monkeypatch.setattr(live_module, "assess", lambda doc: calls.append(doc) or real(doc))
    live = Live(workshop)
    live.reload()
    for query in ({}, {"color": "verdict"}, {"color": "support", "intervention": "ic"}):
        live.diagram(query)
    assert len(calls) == 1


INTERNAL = (
    "toc klarade inte den här versionen av filen (ett internt fel: RuntimeError: boom)",
    "diagrammet visar den senaste versionen som gick att läsa, och nästa sparning prövas igen; "
    "rapportera gärna felet",
)


def _fails_once(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Make the next read of the file fail inside toc (a bug), once; the calls are counted."""
    import toc.serve.live as live_module

    calls: list[int] = []
    real = live_module.details

    def details(*args: Any) -> Any:
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("boom")
        return real(*args)

    monkeypatch.setattr(live_module, "details", details)
    return calls


def test_an_internal_error_is_shown_and_the_next_read_tries_again(
    workshop: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    live = Live(workshop)
    assert live.reload().ok
    good_svg = live.diagram({})
    calls = _fails_once(monkeypatch)
    edit(workshop, OLD_LABEL, NEW_LABEL)
    failed = live.reload()
    assert (failed.revision, failed.good_revision, failed.ok) == (2, 1, False)
    [problem] = live.status()["problems"]
    assert (problem["message"], problem["hint"], problem["where"]) == (*INTERNAL, str(workshop))
    assert live.diagram({}) == good_svg
    fixed = live.reload()
    assert (fixed.revision, fixed.good_revision, fixed.ok, len(calls)) == (3, 3, True, 2)
    svg = live.diagram({})
    assert svg is not None and b"brukarna" in svg


def test_an_internal_error_before_any_good_read_is_in_english(
    workshop: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fails_once(monkeypatch)
    live = Live(workshop)
    state = live.reload()
    assert (state.revision, state.good_revision, state.document) == (1, 0, None)
    [problem] = state.problems
    assert (problem.message, problem.hint) == (
        "toc failed on this version of the file (an internal error: RuntimeError: boom)",
        "the diagram shows the last version that loaded, and the next save is tried again; "
        "please report the error",
    )
    assert live.reload().ok


def test_findings_are_the_checks_of_the_document(workshop: Path) -> None:
    live = Live(workshop)
    live.reload()
    expected = toc.check(toc.load(workshop))
    found = live.status()["findings"]
    assert [(f["code"], f["severity"], f["message"], f["line"], f["column"]) for f in found] == [
        (f.code, f.severity, f.message, f.line, f.column) for f in expected
    ]


def test_panel_verdicts_follow_the_badge_rule(workshop: Path) -> None:
    live = Live(workshop)
    state = live.reload()
    assert state.assessment is not None
    panel = state.panel
    doc = toc.load(workshop)
    for mechanism in doc.mechanisms:
        shown = panel["mechanisms"][mechanism.id]
        assert shown["statement"] == (mechanism.statement or "").strip()
        for key in ("", "ic", "spira"):
            cells = state.assessment.badge(mechanism.id, key or None)
            assert [c["verdict"] for c in shown["badge"][key]] == [c.verdict for c in cells]
            assert [c["suggested"] for c in shown["badge"][key]] == [
                c.source == "suggested" for c in cells
            ]
    assert panel["numbers"]["3"] == "m-chains"
    assert panel["nodes"]["short-shared-view"]["label"] == OLD_LABEL


# ---------------------------------------------------------------- endpoints


def test_the_page_and_its_assets(server: Server) -> None:
    status, headers, body = get(server, "/")
    assert status == 200 and headers["content-type"] == "text/html; charset=utf-8"
    page = body.decode()
    assert '<html lang="sv">' in page
    assert '<script src="/app.js" defer></script>' in page
    assert "http://" not in page.replace('xmlns="http://', "")  # nothing from elsewhere
    assert "script-src 'self'" in headers["content-security-policy"]
    for asset, kind in (("/app.js", "text/javascript"), ("/app.css", "text/css")):
        status, headers, body = get(server, asset)
        assert (status, headers["content-type"]) == (200, kind)
        assert b"http://" not in body and b"https://" not in body


def test_diagram_svg_is_the_current_diagram(server: Server) -> None:
    status, headers, body = get(server, "/diagram.svg")
    assert (status, headers["content-type"]) == (200, "image/svg+xml")
    assert body == render_bytes(toc.load(server.live.path), "svg")
    status, _, body = get(server, "/diagram.svg?preset=projector&focus=m-chains&depth=1")
    assert status == 200
    doc = toc.load(server.live.path)
    assert body == render_bytes(doc, "svg", preset="projector", focus="m-chains", depth=1)
    status, _, body = get(server, "/diagram.svg?focus=nowhere")
    assert status == 400 and b"no node or mechanism 'nowhere'" in body


def test_status_json(server: Server, workshop: Path) -> None:
    status, headers, body = get(server, "/status.json")
    assert (status, headers["content-type"]) == (200, "application/json; charset=utf-8")
    data = json.loads(body)
    assert data["document"] == str(workshop)
    assert (data["revision"], data["good_revision"], data["ok"]) == (1, 1, True)
    assert data["last_good"].endswith("+00:00")
    assert data["url"] == server.url and data["exposed"] is False
    assert data["problems"] == []
    first = data["findings"][0]
    assert set(first) >= {"code", "severity", "message", "line", "column"}
    assert first["code"].startswith("TOC") and isinstance(first["line"], int)


@pytest.mark.parametrize(
    "target",
    [
        "/../pyproject.toml",
        "/%2e%2e/pyproject.toml",
        "/%2E%2E%2Fpyproject.toml",
        "/diagram.svg/../../pyproject.toml",
        "/..%2f..%2fpyproject.toml",
        "//etc/passwd",
        "/etc/passwd",
        str(ROOT / "pyproject.toml"),
        "/static/app.js",
        "/page.html",
        "/workshop.yaml",
        "/favicon.ico",
        "/nothing-here",
        "http://127.0.0.1/../pyproject.toml",
    ],
)
def test_nothing_else_of_the_file_system_is_served(server: Server, target: str) -> None:
    status, _, body = get(server, target)
    assert status == 404
    assert body == b"not found\n"


def test_only_get_and_head(server: Server) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    connection.request("POST", "/status.json", body=b"{}")
    assert connection.getresponse().status == 405
    connection.close()
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    connection.request("HEAD", "/diagram.svg")
    response = connection.getresponse()
    assert response.status == 200 and response.read() == b""
    connection.close()


def test_a_foreign_host_name_is_refused_on_loopback(server: Server) -> None:
    # A web page elsewhere could point a DNS name at 127.0.0.1 (DNS rebinding).
    status, _, _ = get(server, "/status.json", Host=f"evil.example:{server.port}")
    assert status == 421
    status, _, _ = get(server, "/status.json", Host=f"localhost:{server.port}")
    assert status == 200


def test_routes_are_the_documented_ones() -> None:
    assert ROUTES == (
        "/",
        "/app.js",
        "/app.css",
        "/diagram.svg",
        "/status.json",
        "/details.json",
        "/events",
    )


# ---------------------------------------------------------------- the network


def test_is_loopback() -> None:
    assert all(is_loopback(h) for h in ("127.0.0.1", "127.3.2.1", "::1", "localhost"))
    assert not any(is_loopback(h) for h in ("0.0.0.0", "::", "10.1.2.3", "wall.local"))


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "::", "wall.local"])
def test_a_network_address_is_refused_unless_asked_for(workshop: Path, host: str) -> None:
    with pytest.raises(OptionError, match=f"refusing to serve on {host!r}"):
        Server(Live(workshop), host)


def test_an_exposed_server_says_so(workshop: Path) -> None:
    server = Server(Live(workshop), "0.0.0.0", expose=True, watch=False)
    with server:
        status, _, body = get(server, "/status.json", Host=f"wall.local:{server.port}")
        assert status == 200
        assert json.loads(body)["exposed"] is True


def test_a_port_in_use_is_a_clear_error(workshop: Path, server: Server) -> None:
    with pytest.raises(toc.TocError, match=f"cannot listen on 127.0.0.1:{server.port}"):
        Server(Live(workshop), port=server.port)


# ------------------------------------------------------------------- events


class Events:
    """A reader of /events: one parsed ``update`` event at a time."""

    def __init__(self, server: Server, query: str = "") -> None:
        self.connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=20)
        self.connection.request("GET", "/events" + query)
        self.response = self.connection.getresponse()
        assert self.response.status == 200
        assert self.response.getheader("Content-Type") == "text/event-stream; charset=utf-8"

    def next(self) -> dict[str, Any]:
        lines = []
        while True:
            line = self.response.readline().decode("utf-8")
            if line == "\n" and lines and not lines[0].startswith(":"):
                break
            if line == "\n":
                lines = []
                continue
            lines.append(line.rstrip("\n"))
        assert lines[0] == "event: update"
        data: dict[str, Any] = json.loads(lines[2].removeprefix("data: "))
        return data

    def close(self) -> None:
        self.connection.close()


def test_events_push_each_change_to_every_page(server: Server, workshop: Path) -> None:
    pages = [Events(server), Events(server, "?preset=projector&legend=0")]
    try:
        for page in pages:
            first = page.next()
            assert first["status"]["revision"] == 1 and "Samsyn om" in first["svg"]
        edit(workshop, OLD_LABEL, NEW_LABEL)
        for page in pages:
            update = page.next()
            assert update["status"]["ok"] is True
            assert "brukarna" in update["svg"]
        assert 'font-size="14.00"' in update["svg"] and "Mekanismer" not in update["svg"]

        edit(workshop, "    stage: short\n    label: Samsyn", BROKEN_STAGE + "    label: Samsyn")
        for page in pages:
            update = page.next()
            assert update["status"]["ok"] is False
            assert "svg" not in update  # the page keeps what it shows
            assert update["status"]["problems"][0]["line"] == 225

        edit(workshop, BROKEN_STAGE + "    label: Samsyn", "    stage: short\n    label: Samsyn")
        for page in pages:
            update = page.next()
            assert update["status"]["ok"] is True and update["status"]["problems"] == []
            assert "brukarna" in update["svg"]
    finally:
        for page in pages:
            page.close()


def test_the_watcher_survives_an_internal_error(
    server: Server, workshop: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    live = server.live
    assert live.snapshot().revision == 1
    _fails_once(monkeypatch)
    edit(workshop, OLD_LABEL, NEW_LABEL)
    failed = live.wait(1, timeout=10)
    assert (failed.revision, failed.ok) == (2, False)
    assert [(p.message, p.hint) for p in failed.problems] == [INTERNAL]
    assert server.watcher is not None and server.watcher._thread.is_alive()
    edit(workshop, NEW_LABEL, OLD_LABEL)
    fixed = live.wait(2, timeout=10)  # the next save is followed
    assert (fixed.revision, fixed.good_revision, fixed.ok) == (3, 3, True)
    svg = live.diagram({})
    assert svg is not None and b"brukarna" not in svg


def test_a_view_the_document_no_longer_allows_is_reported(server: Server, workshop: Path) -> None:
    page = Events(server, "?focus=short-shared-view")
    try:
        assert "svg" in page.next()
        text = workshop.read_text(encoding="utf-8")
        workshop.write_text(text.replace("short-shared-view", "short-shared-views"), "utf-8")
        update = page.next()
        assert update["status"]["ok"] is True
        assert "no node or mechanism 'short-shared-view'" in update["view_error"]
    finally:
        page.close()


def test_bad_event_parameters_are_a_400(server: Server) -> None:
    status, _, body = get(server, "/events?colour=1")
    assert status == 400 and b"unknown view parameter 'colour'" in body


# ----------------------------------------------------------------- command


def test_toc_serve_prints_the_address_serves_and_stops_on_ctrl_c(workshop: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-c", "from toc.cli import main; main()", "serve", str(workshop)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert process.stdout is not None
        lines = [process.stdout.readline() for _ in range(3)]
        assert lines[0].startswith("revision 1: drawn (")
        head, _, url = lines[1].strip().rpartition(" at ")
        assert head == f"toc serve: {workshop}"
        assert url.startswith("http://127.0.0.1:") and url.endswith("/")
        assert lines[2] == "  Ctrl+C to stop\n"
        port = int(url.rsplit(":", 1)[1].strip("/"))
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request("GET", "/status.json")
        assert json.loads(connection.getresponse().read())["ok"] is True
        connection.close()
        edit(workshop, "    stage: short\n    label: Samsyn", BROKEN_STAGE + "    label: Samsyn")
        assert process.stdout.readline().startswith("revision 2: ")
        assert process.stdout.readline().startswith(f"  {workshop}:225:12: error:")
    finally:
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=20)
    assert process.returncode == 0, err
    assert out.endswith("toc serve: stopped\n")


def test_toc_serve_refuses_a_port_out_of_range(workshop: Path) -> None:
    from click.testing import CliRunner

    from toc.cli import main

    result = CliRunner().invoke(main, ["serve", str(workshop), "--port", "70000"])
    assert result.exit_code == 2
    assert "error: port must be from 0 to 65535, not 70000" in result.stderr


def test_serving_never_writes_the_document(server: Server, workshop: Path) -> None:
    before = (workshop.read_bytes(), workshop.stat().st_mtime_ns)
    for target in ROUTES[:-1]:
        get(server, target)
    time.sleep(0.05)
    assert (workshop.read_bytes(), workshop.stat().st_mtime_ns) == before
    assert sorted(p.name for p in workshop.parent.iterdir()) == ["workshop.yaml"]
