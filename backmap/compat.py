"""The one module that touches Textual's private parts, checked against the pinned 8.2.8.

1. ``StylesCache.get_inner_outer`` is an instance method under ``functools.lru_cache``,
so the cache keeps up to 1,024 ``StylesCache`` objects alive, each with every line
its widget last drew. backmap makes new widgets for every dialog, so each
one kept about 1 MB that never came back: 20 MB more at the end of an interview
(see bench/). Upstream: Textualize/textual issue 6665. This caches the same values
without the instance in the key. It does nothing once Textual is fixed.

2. The few other private parts backmap leans on, each behind a small function or class
here, so a Textual upgrade is checked in one place (tests/test_compat.py).
"""

from __future__ import annotations

import asyncio
from functools import lru_cache

from textual import events
from textual._styles_cache import StylesCache
from textual.app import App
from textual.color import Color
from textual.geometry import Size
from textual.message_pump import MessagePump
from textual.style import Style
from textual.visual import Visual
from textual.widgets import OptionList, TextArea
from textual.widgets.text_area import EditResult, Location


@lru_cache(1024)
def _inner_outer(base_background: Color, background: Color) -> tuple[Style, Style]:
    """What StylesCache.get_inner_outer returns, cached by the colours only."""
    return (Style(background=base_background + background), Style(background=base_background))


def _get_inner_outer(self: StylesCache, base_background: Color, background: Color) -> tuple[Style, Style]:
    return _inner_outer(base_background, background)


def apply() -> None:
    """Swap in the cache that keeps no widget alive, if Textual still has the leak."""
    current = StylesCache.__dict__.get("get_inner_outer")
    if hasattr(current, "cache_info") and current.__wrapped__.__code__.co_argcount == 3:
        StylesCache.get_inner_outer = _get_inner_outer  # type: ignore[method-assign]


def has_no_messages(node: MessagePump) -> bool:
    """Whether a widget or screen has dealt with every message sent to it so far."""
    return node._message_queue.empty()


def event_loop(app: App[object]) -> asyncio.AbstractEventLoop | None:
    """The app's own event loop while it runs; None before and after."""
    return app._loop


class KeyboardTextArea(TextArea):
    """A TextArea whose typed and pasted words pass through ``clean_typed``, and whose
    Enter calls ``enter_pressed`` instead of starting a new line."""

    def clean_typed(self, text: str) -> str:
        return text

    def enter_pressed(self) -> None:
        """Enter was pressed: no new line is made."""

    def _replace_via_keyboard(self, insert: str, start: Location, end: Location) -> EditResult | None:
        return super()._replace_via_keyboard(self.clean_typed(insert), start, end)

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.enter_pressed()
            return
        await super()._on_key(event)


class MeasuredOptionList(OptionList):
    """An OptionList that measures again only the rows whose words change, and measures
    its rows from no scroll bar on a new size (OptionList's own caches, Textual 8.2.8)."""

    def _prompt(self, index: int) -> Visual:
        raise NotImplementedError  # the list under it says what a row shows

    def reprompt(self, indexes: list[int]) -> None:
        """New words for a few rows; measure only those rows again, not the whole list.

        OptionList forgets the height of every row when one prompt changes, and then
        wraps every row again: on each Up or Down that would grow with the list.
        """
        cache = self._line_cache
        if len(cache.heights) != self.option_count or not self.scrollable_content_region:
            for index in indexes:  # nothing measured yet: the usual way is cheap
                self.replace_option_prompt_at_index(index, self._prompt(index))
            return
        width = self.row_width()
        for index in indexes:
            option = self.options[index]
            option._set_prompt(self._prompt(index))
            height = self._get_visual(option).get_height(self.styles, width) + option._divider
            cache.heights[index] = height
        lines: list[tuple[int, int]] = []
        for index in range(self.option_count):
            cache.index_to_line[index] = len(lines)
            lines.extend((index, number) for number in range(cache.heights[index]))
        cache.lines[:] = lines
        self._option_render_cache.clear()
        self._update_lines()  # only the size of the list, now that every row is measured
        self.measure_again_if_narrower(width)
        self.refresh()

    def row_width(self) -> int:
        """The room the words of a row have, without the scroll bar if there is one."""
        if not self.scrollable_content_region:
            return 0  # not laid out yet: nothing is measured until it is
        padding = self.get_component_styles("option-list--option").padding
        return self.scrollable_content_region.width - self._get_left_gutter_width() - padding.width

    def on_resize(self) -> None:
        """Measure the rows again from no scroll bar, as a new list does.

        Rows measured while the list was shorter may have brought a scroll bar, and
        rows measured with it wrap sooner and keep it: the same rows could show with a
        bar or without, depending on what the list showed before.
        """
        self._clear_caches()
        self.virtual_size = Size(self.virtual_size.width, 0)
        self._scroll_update(self.virtual_size)  # no rows measured: no scroll bar
        width = self.row_width()
        self._update_lines()
        self.measure_again_if_narrower(width)

    def measure_again_if_narrower(self, width: int) -> None:
        """Rows measured at ``width`` brought or took away the scroll bar: measure again.

        With the bar the rows have less room and may wrap onto more lines. Rare: only
        when the rows grow past the list's height or shrink back into it.
        """
        if self.row_width() != width:
            self._clear_caches()
            self._update_lines()

    def row_at(self, line: int) -> tuple[int, int]:
        """(option, line inside it) of a line of the list. Raises IndexError past the end."""
        return self._lines[line]

    def first_line_of(self, index: int) -> int:
        self._update_lines()
        return self._index_to_line.get(index, 0)


def forget_gone_watchers(watched: object) -> None:
    """Take widgets that are gone off the lists of what watches ``watched``.

    A widget that watches a value of the app (every TextArea watches the theme) stays
    on the app's list after it is removed, until that value next changes: each closed
    Add or Change box kept its words and drawing (bench/README.md, the growth row).
    """
    for watchers in getattr(watched, "__watchers", {}).values():
        watchers[:] = [(node, callback) for node, callback in watchers if not node._closing]
