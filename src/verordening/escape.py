"""Text from an input shown safely: no control or bidi character reaches a terminal or a file.

A bylaw, or a file name, may hold terminal escapes (ESC, the C1 controls) or the characters
that reorder text (bidi controls); printed raw they can rewrite what a reader sees. Every
text output and every message on standard error goes through :func:`visible`, and JSON
through :func:`json_escaped`.
"""

from __future__ import annotations

import re

__all__ = ["json_escaped", "visible"]

# C0 (but line feed and tab), DEL, C1, and the bidi controls (embeddings, overrides, isolates, marks)
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_UNSAFE_IN_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# what json.dumps leaves as it is: DEL, C1 and bidi controls (C0 it escapes itself)
_UNSAFE_IN_JSON = re.compile(r"[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, *, one_line: bool = False, keep: tuple[str, ...] = ()) -> str:
    """``text`` with every control and bidi character written as an escape (``\\x1b``,
    ``\\u202e``); line feeds and tabs stay unless ``one_line``. The escape sequences in
    ``keep`` (a report's own colours) stay as they are: they can only colour the text."""
    unsafe = _UNSAFE_IN_LINE if one_line else _UNSAFE
    if not keep:
        return unsafe.sub(_escaped, text)
    parts = re.split("(" + "|".join(map(re.escape, keep)) + ")", text)
    return "".join(part if part in keep else unsafe.sub(_escaped, part) for part in parts)


def json_escaped(text: str) -> str:
    """JSON text (from ``json.dumps``) with DEL, the C1 controls and bidi controls escaped too."""
    return _UNSAFE_IN_JSON.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
