"""Typed words made safe to draw in a terminal, and back again.

A terminal obeys control characters: ESC starts sequences that clear the screen,
set the window title or even the clipboard. Text a person typed, or a plan file
holds, is drawn with each control character replaced by its Unicode "control
picture" (ESC shows as ␛), so it is seen, never obeyed. Pure Python.
"""

from __future__ import annotations

import re

# Control characters (not tab or new line), C0, DEL and C1.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Their stand-ins: the control pictures U+2400 to U+241F, U+2421 for DEL; C1 controls have
# no picture, so they take U+E080 to U+E09F (private use: drawn as a box, never obeyed).
_PICTURE = re.compile(r"[\u2400-\u2408\u240b-\u241f\u2421\ue080-\ue09f]")
_C1_BASE = 0xE000


def shown(text: str) -> str:
    """Text safe to draw: each control character becomes a character that stands for it."""

    def picture(match: re.Match[str]) -> str:
        code = ord(match.group())
        if code < 0x20:
            return chr(0x2400 + code)
        return "\u2421" if code == 0x7F else chr(_C1_BASE + code)

    return _CONTROL.sub(picture, text)


def stored(text: str) -> str:
    """The words as the person gave them: stand-ins back to the control characters."""

    def control(match: re.Match[str]) -> str:
        code = ord(match.group())
        if code == 0x2421:
            return "\x7f"
        return chr(code - _C1_BASE) if code >= _C1_BASE else chr(code - 0x2400)

    return _PICTURE.sub(control, text)


# Control characters (C0, DEL, C1) and the bidi controls that can hide or reorder text.
_INVISIBLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")


def plain(value: str) -> str:
    """Typed text on one line, with escape sequences and control characters gone.

    What is left is what a reader of the summary sees; checks use it too, so an
    answer made only of escape codes counts as empty everywhere.
    """
    value = _ANSI.sub("", value)
    value = _INVISIBLE.sub(" ", value)
    return " ".join(value.split())


def cut(text: str, limit: int) -> str:
    """Text no longer than ``limit``, cut after a whole word and ending in "..." when
    something was left out; a single word longer than the room is cut where it must be."""
    if len(text) <= limit:
        return text
    room = text[: limit - 3]
    space = room.rfind(" ")
    return (room[:space] if space > 0 else room).rstrip(" ,;:.") + "..."
