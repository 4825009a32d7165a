"""The Mermaid output in real Mermaid, in Debian's chromium, headless.

One browser start renders every ``.mmd`` source of this module (at Mermaid's
``securityLevel: 'strict'``, as wikis use it) and posts what it drew back to a
local HTTP server. That server is also the browser's proxy, so every request
for another host reaches it too. A request is the page's when it carries the
page's origin (Referer or Origin) or asks for the payload's host; the
browser's own service traffic (update checks, its clock) carries neither and
is kept apart. A test fails on any request of the page's but its own two.

The sources: `toc.to_mermaid` of documents with a hostile payload in every
field Mermaid shows (title, node labels, link label, mechanism title in the
legend, intervention name, the common strand's name), a benign twin of the
same shape to compare styles with, and one raw source with a real directive,
so that the harness is seen to catch one.

Mermaid comes from npm: ``npm install --no-save --prefix DIR mermaid@12`` and
``TOC_MERMAID=DIR/node_modules/mermaid`` (`.ci/run` does both). Skipped
cleanly where chromium or the mermaid package is missing.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

import toc

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def _mermaid_script() -> Path | None:
    """Mermaid's browser bundle: from TOC_MERMAID (which must then hold it), else ./node_modules."""
    named = os.environ.get("TOC_MERMAID")
    if named:
        return Path(named) / "dist" / "mermaid.min.js"
    script = ROOT / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"
    return script if script.is_file() else None


MERMAID = _mermaid_script()

needs_browser = pytest.mark.skipif(
    CHROMIUM is None or MERMAID is None,
    reason="chromium is not installed (apt-get install chromium)"
    if CHROMIUM is None
    else "the mermaid npm package is missing: npm install --no-save --prefix DIR mermaid@12, "
    "then TOC_MERMAID=DIR/node_modules/mermaid",
)

# What a directive does when it takes effect: another theme, CSS of its own
# with an image from another host, another font.
LEAK = "leak.invalid"


def directive(field: str) -> str:
    return (
        "%%{init: {'theme':'dark','fontFamily':'LeakFont','themeCSS':"
        f"'.nodeLabel {{ background-image: url(http://{LEAK}/{field}) }}'}}}}%%"
    )


# Short directives and other text Mermaid reads specially (a bare wrap
# directive used to break the whole diagram).
SPECIAL = [
    "%%{wrap}%% short",
    "%%{init}%%",
    "50% {x} %%",
    "$$x^2$$ maths",
    "fa:fa-car icon",
    "C:\\new\\table",
    "Lifestyle:x#y;",
    '#quot; "q" & <b>b</b> |p| `md`',
]

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>mermaid</title>
<script src="/mermaid.min.js"></script></head>
<body><div id="out"></div>
<script type="application/json" id="sources">SOURCES</script>
<script>
(async () => {
  const sources = JSON.parse(document.getElementById("sources").textContent);
  const results = {};
  let n = 0;
  for (const [name, [text, htmlLabels]] of Object.entries(sources)) {
    n += 1;
    mermaid.initialize({startOnLoad: false, securityLevel: "strict", htmlLabels});
    try {
      const {svg} = await mermaid.render("d" + n, text);
      const box = document.createElement("div");
      box.innerHTML = svg;
      document.getElementById("out").appendChild(box);
      const el = box.querySelector("svg");
      el.getBoundingClientRect();
      results[name] = {
        id: "d" + n,
        styles: [...el.querySelectorAll("style")].map(s => s.textContent),
        texts: [...el.querySelectorAll(".nodeLabel, .edgeLabel, .cluster-label, text")]
          .map(t => t.textContent),
        fontFamily: getComputedStyle(el).fontFamily,
      };
    } catch (err) {
      results[name] = {error: String(err && err.message || err)};
    }
  }
  await new Promise(r => setTimeout(r, 300));  // let any image request start
  await fetch("/results", {method: "POST", body: JSON.stringify(results)});
})();
</script></body></html>
"""


class _Server(ThreadingHTTPServer):
    page = b""
    script = b""
    results: dict[str, Any] | None = None
    origin = ""
    strays: list[str]  # requests from the page, or for the leak host
    own: list[str]  # the browser's own (update checks, clock): not the page's, not counted
    done: threading.Event


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _send(self, status: int, body: bytes = b"", kind: str = "text/plain") -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _stray(self) -> None:
        """Record a request the page should not have made, or the browser made for itself."""
        origin = self.headers.get("Origin") or self.headers.get("Referer") or ""
        request = f"{self.command} {self.path}"
        if origin.startswith(self.server.origin) or LEAK in self.path:
            self.server.strays.append(request)
        else:
            self.server.own.append(request)
        self._send(404 if self.command != "CONNECT" else 403)

    def do_GET(self) -> None:
        if self.path == "/":
            self._send(200, self.server.page, "text/html; charset=utf-8")
        elif self.path == "/mermaid.min.js":
            self._send(200, self.server.script, "text/javascript")
        else:
            self._stray()

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        if self.path == "/results":
            self.server.results = json.loads(body)
            self.server.done.set()
            self._send(204)
        else:
            self._stray()

    do_CONNECT = _stray  # an https request through the proxy


def render_in_browser(
    sources: dict[str, tuple[str, bool]],
) -> tuple[dict[str, Any], list[str]]:
    """Every source rendered by Mermaid in one chromium run: what it drew and the strays.

    ``sources`` maps a name to Mermaid source and whether labels are HTML
    (Mermaid's default) or SVG text.
    """
    assert CHROMIUM is not None and MERMAID is not None
    server = _Server(("127.0.0.1", 0), _Handler)
    data = json.dumps(sources).replace("<", "\\u003c").replace("&", "\\u0026")
    server.page = PAGE.replace("SOURCES", data).encode("utf-8")
    assert MERMAID.is_file(), f"TOC_MERMAID names no mermaid package: {MERMAID} is missing"
    server.script = MERMAID.read_bytes()
    server.strays = []
    server.own = []
    port = server.server_address[1]
    server.origin = f"http://127.0.0.1:{port}"
    server.done = threading.Event()
    serving = threading.Thread(target=server.serve_forever, daemon=True)
    serving.start()
    try:
        with tempfile.TemporaryDirectory() as profile:
            browser = subprocess.Popen(
                [
                    CHROMIUM,
                    "--headless",
                    "--no-sandbox",  # tests run as root in CI containers
                    "--disable-gpu",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                    "--disable-quic",
                    f"--user-data-dir={profile}",
                    # Every other host goes through the test's server, which records it.
                    f"--proxy-server=http://127.0.0.1:{port}",
                    f"http://127.0.0.1:{port}/",
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
            try:
                finished = server.done.wait(timeout=120)
            finally:
                browser.terminate()
                try:
                    _, log = browser.communicate(timeout=30)
                except subprocess.TimeoutExpired:
                    browser.kill()
                    _, log = browser.communicate()
            assert finished, "the page did not post its results: " + log.decode()[-2000:]
    finally:
        server.shutdown()
        server.server_close()
    assert server.results is not None
    return server.results, server.strays


def _document(text: str) -> toc.Document:
    """Two interventions (so strands are subgraphs), ``text`` in every field Mermaid shows."""
    return toc.validate(
        {
            "format": 1,
            "id": "m",
            "title": f"Title {text}",
            "language": "en",
            "interventions": [
                {"id": "a", "name": f"Intervention {text}"},
                {"id": "b", "name": "Other"},
            ],
            "nodes": [
                {"id": "n1", "stage": "resources", "label": f"Node {text}"},
                {"id": "n2", "stage": "activities", "label": "Work", "interventions": ["a"]},
                {"id": "n3", "stage": "short", "label": "Change", "interventions": ["b"]},
            ]
            + [
                {"id": f"s{i}", "stage": "long", "label": f"Special {special}"}
                for i, special in enumerate(SPECIAL)
            ],
            "links": [
                {"from": "n1", "to": "n2", "label": f"Link {text}"},
                {"from": "n2", "to": "n3"},
            ],
            "mechanisms": [
                {"id": "mech", "title": f"Mechanism {text}", "links": ["n1->n2"]},
            ],
        }
    )


def _source(text: str) -> str:
    return toc.to_mermaid(_document(text), wrap=200, common_label=f"Common {text}")


@pytest.fixture(scope="module")
def rendered() -> tuple[dict[str, Any], list[str]]:
    hostile, benign = _source(directive("field")), _source("plain")
    control = "flowchart LR\n  a[A] --> b[B]\n"
    return render_in_browser(
        {
            "benign": (benign, True),
            "hostile": (hostile, True),
            # Labels as SVG text rather than HTML: a viewer's choice.
            "benign-svg": (benign, False),
            "hostile-svg": (hostile, False),
            # The harness must see a directive that works: a raw one, unescaped.
            "control-benign": (control, True),
            "control": (f"{directive('control')}\n{control}", True),
        }
    )


def _style(result: dict[str, Any]) -> str:
    """The diagram's CSS, without its element id."""
    return "\n".join(result["styles"]).replace("#" + result["id"], "#ID")


@needs_browser
def test_the_harness_sees_a_directive_that_takes_effect(
    rendered: tuple[dict[str, Any], list[str]],
) -> None:
    results, strays = rendered
    control, benign = results["control"], results["control-benign"]
    assert "error" not in control, control
    assert _style(control) != _style(benign)
    assert "LeakFont" in control["fontFamily"]
    assert f"GET http://{LEAK}/control" in strays


@needs_browser
@pytest.mark.parametrize("labels", ["", "-svg"])
def test_no_directive_takes_effect(rendered: tuple[dict[str, Any], list[str]], labels: str) -> None:
    results, strays = rendered
    hostile, benign = results["hostile" + labels], results["benign" + labels]
    assert "error" not in hostile, hostile
    assert LEAK not in _style(hostile) and "LeakFont" not in _style(hostile)
    assert _style(hostile) == _style(benign)
    assert hostile["fontFamily"] == benign["fontFamily"]
    assert len(hostile["texts"]) == len(benign["texts"])
    assert not any(f"/{LEAK}/field" in stray for stray in strays), strays


@needs_browser
def test_hostile_text_is_shown_as_written(rendered: tuple[dict[str, Any], list[str]]) -> None:
    results, _ = rendered
    shown = results["hostile"]["texts"]
    payload = directive("field")
    for text in (
        f"Title {payload}",
        f"Node {payload}",
        f"M1 · Link {payload}",
        f"M1: Mechanism {payload}",
        f"Intervention {payload}",
        f"Common {payload}",
        *(f"Special {special}" for special in SPECIAL),
    ):
        assert text in shown, (text, shown)


@needs_browser
def test_the_page_asked_for_nothing_else(rendered: tuple[dict[str, Any], list[str]]) -> None:
    _, strays = rendered
    # The tab's icon is the browser's own request; the control's image is the harness check.
    assert sorted(strays) == ["GET /favicon.ico", f"GET http://{LEAK}/control"], strays


def test_every_field_carries_the_payload() -> None:
    source = _source(directive("field"))
    body = source.split("---\n", 2)[2]
    assert "%" not in body and "{" not in body
    for field in ("Title", "Node", "Link", "Mechanism", "Intervention", "Common"):
        assert f"{field} %%{{init" in source or f"{field} #37;#37;#123;init" in source, field
