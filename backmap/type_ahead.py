"""Keys typed ahead: kept while the next step is on its way, then given to it.

After Enter, the next step takes a moment to be ready (longer on an old laptop).
Without this, what a quick typist typed in that moment went into the answer just
finished, or nowhere. Ctrl+Q still works at once.
"""

from __future__ import annotations

import asyncio
import time
import weakref

from textual import events
from textual.app import App
from textual.dom import DOMNode
from textual.screen import Screen

from backmap import compat

# The longest keys typed ahead are kept (seconds); then they go to whatever has focus.
TYPE_AHEAD_LIMIT = 3.0
# Keys that always act at once, even while others are kept.
ALWAYS_KEYS = frozenset({"ctrl+q", "ctrl+c"})
# Keys that may bring a new step or dialog: keys pressed after them wait for it.
MOVING_KEYS = frozenset({"enter", "ctrl+n", "ctrl+r", "escape", "ctrl+g", "ctrl+p", "ctrl+l", "f1"})


class TypeAhead(App[int]):
    """An app that holds keys pressed while the screen is not ready for them."""

    def __init__(self) -> None:
        super().__init__()
        self.held_keys: list[events.Key] = []
        self.waiting = False  # a key that may bring a new screen has not had its effect yet
        self._held_since = 0.0
        self._looking = False  # a look at whether the screen is ready is queued
        self._key_pending = False  # a key that may move on is still with the widget it went to
        self._shown_screens: weakref.WeakSet[Screen[object]] = weakref.WeakSet()  # had focus once
        self._given: weakref.WeakSet[events.Key] = weakref.WeakSet()  # keys given again by us

    async def on_event(self, event: events.Event) -> None:
        if not isinstance(event, events.Key) or event.is_forwarded or event in self._given:
            await super().on_event(event)
            return
        if event.key in ALWAYS_KEYS and self.held_keys:
            await self._give_before_quitting()  # keys typed before Ctrl+Q are answers too
        elif event.key not in ALWAYS_KEYS and (self.held_keys or self.waiting or not self._settled()):
            if not self.held_keys and not self.waiting:
                self._held_since = time.monotonic()
            self.held_keys.append(event)
            self._look_again()
            return
        await super().on_event(event)
        self._after_key(event.key)

    def _after_key(self, key: str) -> None:
        # A list whose rows are chosen by a letter or a number moves on with those keys too.
        if key in MOVING_KEYS or getattr(self.screen.focused, "any_key_moves_on", False):
            self.waiting = True
            self._held_since = time.monotonic()
            # Known done only once the widget it went to has dealt with it: it may be
            # part way through it now, with what it will send up not sent yet.
            self._key_pending = True
            target = self.screen.focused or self.screen
            chain = [node for node in target.ancestors_with_self if node is not self]
            self._trail(chain, behind_the_key=True)
            self._look_again()

    def _trail(self, chain: list[DOMNode], behind_the_key: bool = False) -> None:
        """Follow what the key sent up (Enter's Submitted goes from the box to its screen):
        a call queued on each widget, behind what is in its queue, from the focused one up.

        Without this, a key typed next could reach the box while its Submitted was still on
        the way up, and go into the answer just finished (1 run in 4 of the quick-add test).
        """
        node = chain[0]
        if not node.is_attached:  # gone (a dialog closed by the key): what it sent is dealt with
            self._trail_on(chain[1:])
            return

        def then() -> None:
            if behind_the_key:
                self._trail(chain)  # once more: behind what handling the key put in the queue
            else:
                self._trail_on(chain[1:])

        node.call_later(then)

    def _trail_on(self, chain: list[DOMNode]) -> None:
        if chain:
            self._trail(chain)
        else:
            self._key_dealt_with()

    def _key_dealt_with(self) -> None:
        self._key_pending = False

    def _settled(self) -> bool:
        """The screen is up, has put its focus, and has dealt with every key given so far."""
        if self._key_pending:
            return False
        screen = self.screen
        if screen not in self._shown_screens:
            if not screen.is_mounted or (screen.focused is None and screen.focus_chain):
                return False
            self._shown_screens.add(screen)  # if focus goes later (a click), keys still pass
        # A key's message (Enter's "pressed") goes up from the focused widget to the screen.
        path = screen.focused.ancestors_with_self if screen.focused is not None else [screen]
        return all(compat.has_no_messages(node) for node in path if node is not self)

    def _look_again(self) -> None:
        # Through the app's own queue, not a timer: the look comes right after the work queued.
        if not self._looking:
            self._looking = True
            self.call_later(self._give_held_keys)

    async def _give_before_quitting(self) -> None:
        """Give every key held, each when the screen is ready for it (a short while at most),
        and let the screen deal with the last one before the quit goes on."""
        while self.held_keys:
            await self._until_settled()
            self.waiting = False
            await self._give(self.held_keys.pop(0))
        await self._until_settled()

    async def _until_settled(self) -> None:
        began = time.monotonic()
        while not self._settled() and time.monotonic() - began < TYPE_AHEAD_LIMIT:
            await asyncio.sleep(0.01)

    async def _give(self, key: events.Key) -> None:
        again = events.Key(key.key, key.character)
        self._given.add(again)
        again.set_sender(self)
        await super().on_event(again)
        self._after_key(key.key)

    async def _give_held_keys(self) -> None:
        self._looking = False
        if not self.held_keys and not self.waiting:
            return
        if time.monotonic() - self._held_since < TYPE_AHEAD_LIMIT and not self._settled():
            await asyncio.sleep(0)  # let the screens work before looking again
            self._look_again()
            return
        self.waiting = False
        while self.held_keys and not self.waiting:
            await self._give(self.held_keys.pop(0))
