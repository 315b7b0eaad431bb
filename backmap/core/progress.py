"""How far an activity or a stepping stone has come, in a word and a symbol.

Every place that shows progress (the pathway, the summary, the story, plain mode)
takes its words from here, so a status always reads the same.
"""

from __future__ import annotations

from backmap import content
from backmap.core.plan import ACTIVITY_STATUSES, OUTCOME_STATUSES

# The statuses of an activity that happened, at least in part: done first.
HAPPENED = ("done", "started")


def word(kind: str, status: str) -> str:
    """The word for a status; kind is "activity" or "outcome". No status: "Not looked at yet"."""
    if not status:
        return content.word("progress", "none")
    section = content.load("words")["progress"]["activity" if kind == "activity" else "stone"]
    return str(section[status])


def symbol(status: str) -> str:
    """A symbol in plain text for a status, so it shows without colour and prints in black and white."""
    if not status:
        return content.word("progress", "none_symbol")
    return str(content.load("words")["progress"]["symbol"][status])


def label(kind: str, status: str) -> str:
    """Symbol and word together: "[x] Done"."""
    return f"{symbol(status)} {word(kind, status)}"


def statuses(kind: str) -> tuple[str, ...]:
    return ACTIVITY_STATUSES if kind == "activity" else OUTCOME_STATUSES


def share_word(share: str) -> str:
    """Who may see a quote, in words."""
    return content.word("share", share or "no")


def shared_word(share: str) -> str:
    """Who may see a quote already chosen, in words: "Kept private"."""
    return content.word("shared", share or "none")
