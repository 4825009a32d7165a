"""All escaping of text for a terminal: everything ``toc`` prints for people or tools.

A terminal acts on control characters in what it is sent, even through a
pipe (``toc judge x.yaml | less -R``, a CI log viewer):

- ESC (U+001B) starts escape sequences: OSC 52 writes the clipboard, OSC 8
  hides a link behind harmless-looking text, CSI 2J clears the screen, others
  retitle the window, move the cursor or remap keys;
- the C1 controls U+0080–U+009F are one-character forms of the same
  (U+009B is CSI, U+009D is OSC), which some terminals honour;
- carriage return and backspace move back over a line, so later text hides
  earlier text; BEL rings; the rest of C0 and DEL are never text.

Text from documents (labels, titles, rationales, file names in messages) is
data, so every such character becomes a visible stand-in of the same length:
C0 controls and DEL their Unicode control pictures (ESC shows as ``␛``), C1
controls U+FFFD. Tab and newline stay. The loader already refuses or replaces
control characters in documents it reads; this module keeps the terminal safe
for everything else (documents built in Python, error messages that quote
input, file names). ``tests/test_cli_terminal.py`` pins it with hostile input.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.text import Text

__all__ = ["terminal_json", "terminal_styled", "terminal_text"]

# C0 without tab (09) and newline (0a), DEL, C1.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# JSON text from json.dumps escapes C0 itself; DEL and C1 it leaves raw.
_JSON_CONTROL = re.compile("[\x7f-\x9f]")


def _stand_in(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ … ␟
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"


def terminal_text(text: str) -> str:
    """``text`` with every control character a terminal acts on shown as a stand-in.

    One character for one, so styles laid over the text keep their places.

    >>> terminal_text("a\\x1b]52;c;SGk=\\x07b")
    'a␛]52;c;SGk=␇b'
    >>> terminal_text("tab\\tand\\nnewline stay, CSI \\x9b goes")
    'tab\\tand\\nnewline stay, CSI � goes'
    """
    return _CONTROL.sub(_stand_in, text)


def terminal_json(text: str) -> str:
    """JSON text (from `json.dumps` with ``ensure_ascii=False``) with DEL and C1 escaped.

    `json.dumps` writes C0 controls as ``\\u00XX`` but leaves DEL and C1 raw;
    they can only occur inside strings, where ``\\u00XX`` means the same
    character, so the data is unchanged.

    >>> terminal_json('{"a": "x\\x9by\\x7f"}')
    '{"a": "x\\\\u009by\\\\u007f"}'
    """
    return _JSON_CONTROL.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


def terminal_styled(text: Text) -> Text:
    """A copy of rich ``text`` with `terminal_text` applied and its styles in place.

    rich drops BEL, backspace, carriage return, VT and FF without a trace when
    a string becomes rich text, and keeps ESC and C1: to show the first kind
    too, pass user text through `terminal_text` before it becomes rich text.
    """
    from rich.text import Text

    return Text(
        terminal_text(text.plain),
        style=text.style,
        justify=text.justify,
        overflow=text.overflow,
        no_wrap=text.no_wrap,
        end=text.end,
        tab_size=text.tab_size,
        spans=list(text.spans),
    )
