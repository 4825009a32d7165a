"""The synthesis chapter as one self-contained HTML page (inline CSS, no scripts).

All text reaches the page through Jinja2 with autoescape, after
`toc.quoting.template_value` (no control characters); the only values written unescaped
are toc's own stylesheet and the theme's colours.
"""

from __future__ import annotations

from importlib import resources

from toc.diagram.theme import DEFAULT, text_colour
from toc.i18n import text
from toc.quoting import template_value
from toc.synthesis.chapter import Chapter

__all__ = ["render_html"]


def render_html(chapter: Chapter) -> str:
    """The HTML text of the chapter."""
    import jinja2
    from markupsafe import Markup

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("toc.synthesis", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        finalize=template_value,
    )
    css = (resources.files("toc.synthesis") / "templates" / "synthesis.css").read_text("utf-8")
    fill = {v: style.colour for v, style in DEFAULT.verdicts.items()}
    ink = {v: text_colour(colour) for v, colour in fill.items()}
    out: str = env.get_template("synthesis.html.j2").render(
        c=chapter,
        css=Markup(css),
        fill=fill,
        ink=ink,
        legend_title=text("synth.legend", chapter.language),
    )
    return out
