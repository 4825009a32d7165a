"""The drawn diagram: where Graphviz puts things, SVG/PNG/PDF output, engines, files.

The layout checks read the positions Graphviz gives the emitted DOT: the
heading of each column above its strands, every box inside its strand (below
its strand's rule, above the next one), each strand's rules on one line
across the columns, and no two boxes overlapping.
"""

from __future__ import annotations

import os
import stat
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pygraphviz
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import documents
from test_diagram_dot import CONTROL, HOSTILE, hostile_document

import toc
from toc.diagram import RenderOptions, render, render_bytes, to_dot
from toc.diagram.engine import RenderError, dot_command, draw
from toc.diagram.quoting import wrap
from toc.diagram.view import build_scene
from toc.errors import OptionError, WriteError

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*/*.yaml"))
SVG = "{http://www.w3.org/2000/svg}"
NILS = ROOT / "examples/nils-2018/nils-2018.yaml"


def laid_out(source: str) -> dict[str, tuple[float, float, float, float]]:
    """Node name → (x, y, width, height) in points, as Graphviz places it."""
    graph = pygraphviz.AGraph(string=source)
    graph.layout("dot")
    out = {}
    for node in graph.nodes():
        x, y = (float(v) for v in node.attr["pos"].split(","))
        out[str(node)] = (x, y, float(node.attr["width"]) * 72, float(node.attr["height"]) * 72)
    return out


def assert_rows_and_columns(doc: toc.Document, orientation: str, **options: Any) -> None:
    scene = build_scene(doc, RenderOptions(orientation=orientation, **options))
    pos = laid_out(to_dot(doc, orientation=orientation, **options))
    # "down" is the direction strands follow each other: down the page (LR) or rightwards (TB).
    if orientation == "LR":

        def down(name: str) -> float:
            return -pos[name][1]
    else:

        def down(name: str) -> float:
            return pos[name][0]

    strands = len(scene.strands)
    for k, column in enumerate(scene.columns):
        rules = [down(f"s:{s}:{column.stage}") for s in range(strands)]
        assert down(f"h:{column.stage}") < rules[0], column.stage
        assert rules == sorted(rules), f"strands out of order in {column.stage}"
        for box in scene.boxes:
            if box.column != k:
                continue
            assert down(box.id) > rules[box.strand], f"{box.id} above its strand's rule"
            if box.strand + 1 < strands:
                assert down(box.id) < rules[box.strand + 1], f"{box.id} below the next strand"
    for s in range(strands):
        line = [down(f"s:{s}:{c.stage}") for c in scene.columns]
        assert max(line) - min(line) < 0.5, f"strand {s} is not one straight row: {line}"
    boxes = [pos[b.id] for b in scene.boxes]
    for i, (x1, y1, w1, h1) in enumerate(boxes):
        for x2, y2, w2, h2 in boxes[i + 1 :]:
            apart = abs(x1 - x2) >= (w1 + w2) / 2 - 0.01 or abs(y1 - y2) >= (h1 + h2) / 2 - 0.01
            assert apart, "two boxes overlap"


@pytest.mark.parametrize("orientation", ["LR", "TB"])
@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_examples_keep_strands_in_rows_and_columns_apart(path: Path, orientation: str) -> None:
    assert_rows_and_columns(toc.load(path), orientation)


@pytest.mark.parametrize(
    "options",
    [
        {"intervention": "ic"},
        {"intervention": "spira", "color_by": "verdict"},
        {"focus": "act-collab-structures"},
        {"wrap": 12, "legend": False},
    ],
)
def test_reference_views_keep_strands_in_rows(options: dict[str, Any]) -> None:
    assert_rows_and_columns(toc.load(NILS), "LR", **options)


@settings(max_examples=15)
@given(data=documents(max_nodes=12), orientation=st.sampled_from(["LR", "TB"]))
def test_random_documents_keep_strands_in_rows(data: dict[str, Any], orientation: str) -> None:
    assert_rows_and_columns(toc.validate(data), orientation)


def test_boxes_are_never_fixed_size_so_text_cannot_overflow() -> None:
    assert "fixedsize" not in to_dot(hostile_document()).lower().replace('fixedsize="true"', "")


# ---------------------------------------------------------------------- SVG


def svg_texts(data: bytes) -> list[str]:
    root = ET.fromstring(data)
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_example_svgs_parse_as_xml_and_show_every_label(path: Path) -> None:
    doc = toc.load(path)
    texts = svg_texts(render_bytes(doc, "svg", color_by="verdict"))
    for node in doc.nodes:
        for line in wrap(node.label, 24):
            assert line in texts, line


def test_hostile_text_is_shown_literally_in_svg() -> None:
    doc = hostile_document()
    data = render_bytes(doc, "svg", wrap=80, subtitle=CONTROL, common_label=HOSTILE[11])
    texts = svg_texts(data)
    for text in HOSTILE:
        if text == CONTROL:
            # Through an option: XML cannot hold NUL or BEL, so they show as U+FFFD.
            text = "nul \ufffd bell \ufffd del \x7f"
        for line in wrap(text, 80):
            assert line in texts, repr(line)
    # the title, the intervention name and the mechanism title too
    assert "Förändringsteori för samverkan – Åmål, Skåne" in texts
    assert HOSTILE[0] in texts
    assert "M1" in texts and HOSTILE[1] in texts


def test_a_300_character_word_is_broken_over_lines_of_its_box() -> None:
    doc = hostile_document()
    texts = svg_texts(render_bytes(doc, "svg", legend=False))
    assert "ö" * 24 in texts
    assert not any(len(t) > 24 and set(t) == {"ö"} for t in texts)


def test_svg_is_byte_identical_across_runs() -> None:
    doc = toc.load(NILS)
    assert render_bytes(doc, "svg") == render_bytes(toc.load(NILS), "svg")


def test_svg_text_is_set_in_the_chosen_font() -> None:
    root = ET.fromstring(render_bytes(toc.load(NILS), "svg", font="DejaVu Serif"))
    families = {t.get("font-family") for t in root.iter(f"{SVG}text")}
    assert families == {"DejaVu Serif"}


# --------------------------------------------------------------- PNG and PDF


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def test_png_dpi_scales_the_picture() -> None:
    doc = toc.load(ROOT / "examples/starter-en/starter-en.yaml")
    low = png_size(render_bytes(doc, "png", dpi=72))
    high = png_size(render_bytes(doc, "png", dpi=144))
    assert abs(high[0] - 2 * low[0]) <= 2 and abs(high[1] - 2 * low[1]) <= 2


def test_pdf_is_byte_stable_with_a_fixed_creation_date() -> None:
    doc = toc.load(ROOT / "examples/starter-en/starter-en.yaml")
    first = render_bytes(doc, "pdf")
    assert first.startswith(b"%PDF")
    assert b"/CreationDate (D:20000101000000" in first
    assert first == render_bytes(doc, "pdf")


# ------------------------------------------------------------------ engines


@pytest.mark.parametrize(
    ("format", "dpi", "expected"),
    [
        ("svg", None, ["dot", "-Kdot", "-Tsvg"]),
        ("png", 300, ["dot", "-Kdot", "-Tpng", "-Gdpi=300"]),
        ("pdf", None, ["dot", "-Kdot", "-Tpdf"]),
    ],
)
def test_dot_command(format: str, dpi: int | None, expected: list[str]) -> None:
    assert dot_command(format, dpi=dpi) == expected


def test_dot_command_refuses_other_formats() -> None:
    with pytest.raises(OptionError, match="Graphviz draws svg, png, pdf, not 'gif'"):
        dot_command("gif")


@pytest.fixture
def fake_dot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A `dot` on PATH that records its arguments and draws with pygraphviz."""
    script = tmp_path / "bin" / "dot"
    script.parent.mkdir()
    log = tmp_path / "args.txt"
    script.write_text(
        f"#!{sys.executable}\n"
        "import sys, pygraphviz\n"
        f"open({str(log)!r}, 'w').write(' '.join(sys.argv[1:]))\n"
        "source = sys.stdin.buffer.read().decode('utf-8')\n"
        "if 'FAIL' in source:\n"
        "    sys.stderr.write('Error: syntax error in line 1'); sys.exit(1)\n"
        "fmt = [a[2:] for a in sys.argv if a.startswith('-T')][0]\n"
        "sys.stdout.buffer.write(pygraphviz.AGraph(string=source).draw(format=fmt, prog='dot'))\n",
        encoding="utf-8",
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{script.parent}{os.pathsep}{os.environ['PATH']}")
    return log


def test_system_engine_runs_dot_on_path(fake_dot: Path) -> None:
    doc = toc.load(ROOT / "examples/starter-en/starter-en.yaml")
    data = render_bytes(doc, "svg", engine="system")
    assert fake_dot.read_text() == "-Kdot -Tsvg"
    assert data == render_bytes(doc, "svg")
    render_bytes(doc, "png", engine="system", dpi=96)
    assert fake_dot.read_text() == "-Kdot -Tpng -Gdpi=96"


def test_system_engine_reports_dot_failure(fake_dot: Path) -> None:
    with pytest.raises(RenderError, match="Graphviz `dot` failed: Error: syntax error in line 1"):
        draw("digraph { FAIL }", "svg", engine="system")


def test_system_engine_without_dot_is_an_option_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "")
    with pytest.raises(OptionError, match="engine 'system' needs Graphviz's `dot` program on PATH"):
        draw("digraph {}", "svg", engine="system")


def test_bundled_engine_reports_bad_source() -> None:
    with pytest.raises(RenderError, match="Graphviz could not draw the diagram"):
        draw("digraph { a -> }", "svg")


# -------------------------------------------------------------------- files


def test_render_writes_the_format_of_the_suffix(tmp_path: Path) -> None:
    doc = toc.load(ROOT / "examples/starter-en/starter-en.yaml")
    written = {}
    for suffix in ("svg", "png", "pdf", "dot", "gv", "mmd"):
        target = render(doc, tmp_path / f"out.{suffix}")
        written[suffix] = target.read_bytes()
    assert written["svg"].startswith(b"<?xml")
    assert written["png"].startswith(b"\x89PNG")
    assert written["pdf"].startswith(b"%PDF")
    assert written["dot"] == written["gv"] == to_dot(doc).encode()
    assert written["mmd"].startswith(b"---\ntitle:")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"out.{s}" for s in written)


def test_a_failed_render_leaves_no_file_and_an_old_file_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = toc.load(NILS)
    target = tmp_path / "nils.svg"
    with pytest.raises(OptionError):
        render(doc, target, intervention="nobody")
    assert list(tmp_path.iterdir()) == []
    target.write_text("old", encoding="utf-8")

    def broken(*args: Any, **kwargs: Any) -> bytes:
        raise RenderError("Graphviz could not draw the diagram: boom")

    # (not "toc.diagram.engine.draw": toc.render may be the function toc.render)
    from toc.diagram import engine

    monkeypatch.setattr(engine, "draw", broken)
    with pytest.raises(RenderError):
        render(doc, target)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["nils.svg"]


def test_render_into_a_missing_directory_is_a_write_error(tmp_path: Path) -> None:
    with pytest.raises(WriteError, match="cannot write"):
        render(toc.load(NILS), tmp_path / "missing" / "nils.dot")


# ------------------------------------------------------------------ Jupyter


def test_a_diagram_shows_itself_as_svg_in_jupyter(tmp_path: Path) -> None:
    doc = toc.load(NILS)
    diagram = toc.Diagram(doc, color_by="verdict")
    svg = diagram._repr_svg_()
    assert svg.startswith("<?xml") and "RESURSER" in svg
    assert svg == render_bytes(doc, "svg", color_by="verdict").decode("utf-8")
    bundle = diagram._repr_mimebundle_()
    assert bundle["image/svg+xml"] == svg
    assert bundle["text/plain"] == (
        "<toc.Diagram of 'nils-2018': Förändringsteori för utveckling av samverkan i "
        "Integrationscoach och Spira>"
    )
    assert diagram.save(tmp_path / "n.svg").read_text(encoding="utf-8") == svg
