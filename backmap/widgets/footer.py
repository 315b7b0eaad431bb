"""The key hints at the bottom, redrawn only when the keys they show change.

Textual's Footer builds all its key widgets again on every "bindings changed"
signal, and a step sends several of them while it opens (the screen, focus, each
button that is enabled or disabled): six rebuilds for one press of Next, about
half of the time Next took (see bench/). This one waits for the signals of one
refresh to settle and then rebuilds once, and only if the keys shown changed.
Textual is pinned to one version, so leaning on how its Footer works is safe.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Footer
from textual.widgets._footer import FooterKey

if TYPE_CHECKING:
    from textual.app import ComposeResult
    from textual.screen import Screen

Shown = tuple[tuple[str, str, str, bool, str, str], ...]


class KeyFooter(Footer):
    """A Footer that rebuilds once per change of the keys it shows."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._rebuild_pending = False
        self._shown: Shown | None = None

    def compose(self) -> ComposeResult:
        # Textual's Footer shows no keys until the first signal, then builds them all
        # again: a second layout of the whole screen. The keys are known now.
        self._bindings_ready = True
        self._shown = self._keys_shown()
        # A new key starts "compact" and is then bound to the footer's value: two
        # restyles per key on every rebuild. Give it the footer's value from the start,
        # and no binding: the footer's value never changes here, and each binding stays
        # on the footer after its key is gone (Textual drops them only when the value
        # changes). A kept step keeps its footer, so it held every key it ever showed.
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                widget.set_reactive(FooterKey.compact, self.compact)
                widget._reactive_connect = None
            yield widget

    def _keys_shown(self) -> Shown:
        display = self.app.get_key_display
        return tuple(
            (binding.key, binding.action, display(binding), enabled, tooltip, binding.description)
            for (_, binding, enabled, tooltip) in self.screen.active_bindings.values()
            if binding.show
        )

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True  # Footer.compose shows nothing until this is set
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._rebuild_pending:
            self._rebuild_pending = True
            self.call_later(self._rebuild)

    async def _rebuild(self) -> None:
        self._rebuild_pending = False
        if not self.is_attached:
            return
        shown = self._keys_shown()
        if shown != self._shown:
            self._shown = shown
            await self.recompose()
