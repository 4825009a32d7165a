"""The synthesis chapter as Markdown, for wikis and repositories."""

from __future__ import annotations

from toc.quoting import markdown
from toc.synthesis.chapter import Bullets, Cell, Chapter, Para, Subheading, Table

__all__ = ["render_markdown"]


def _cell(cell: Cell) -> str:
    return "<br>".join(markdown(line) for line in cell.lines)


def render_markdown(chapter: Chapter) -> str:
    """The Markdown text of the chapter; every piece of text is escaped (`toc.quoting.markdown`)."""
    out = [f"# {markdown(chapter.title, line_start=False)}", ""]
    out += [f"{markdown(p)}\n" for p in chapter.lead]
    legend = " · ".join(f"{symbol} {markdown(word)}" for _, symbol, _, word in chapter.legend)
    for section in chapter.sections:
        out += [f"## {markdown(section.title, line_start=False)}", ""]
        for block in section.blocks:
            if isinstance(block, Para):
                out += [markdown(block.text), ""]
            elif isinstance(block, Subheading):
                out += [f"### {markdown(block.text, line_start=False)}", ""]
            elif isinstance(block, Bullets):
                out += [markdown(block.lead), ""]
                out += [f"- {markdown(item)}" for item in block.items]
                out.append("")
            elif isinstance(block, Table):
                if block.key == "matrix":
                    out += [legend, ""]
                out.append("| " + " | ".join(markdown(h) for h in block.header) + " |")
                out.append(
                    "|" + "|".join("---:" if c.numeric else "---" for c in block.rows[0]) + "|"
                    if block.rows
                    else "|" + "---|" * len(block.header)
                )
                out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in block.rows]
                out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
