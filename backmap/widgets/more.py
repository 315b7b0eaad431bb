"""A box that scrolls says so in words under it: "More below" or "More above"."""

from __future__ import annotations

from typing import Any

from textual.containers import VerticalScroll
from textual.widget import Widget

from backmap import content


def more_words(box: Widget) -> str:
    """What is out of sight in a box, in words; "" when all of it shows."""
    if box.max_scroll_y <= 0:
        return ""
    if box.scroll_y < box.max_scroll_y:
        return content.word("app", "more_below")
    return content.word("app", "more_above")


def say_more(box: Widget) -> None:
    """Put the words in the box's bottom border (a colour alone would not say it)."""
    words = more_words(box)
    if str(box.border_subtitle or "") != words:
        box.border_subtitle = words


class SaysMore:
    """For a scrolling widget that says when some of it is out of sight: put it first in the bases.

    Not a Widget itself: a Widget base here would bring Widget's default styles in over the box's own.
    """

    def watch_scroll_y(self: Any, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        say_more(self)

    def on_resize(self: Any) -> None:
        self.call_after_refresh(say_more, self)

    def watch_virtual_size(self: Any) -> None:
        self.call_after_refresh(say_more, self)


class MoreScroll(SaysMore, VerticalScroll):
    """A scrolling box that says when some of it is out of sight."""
