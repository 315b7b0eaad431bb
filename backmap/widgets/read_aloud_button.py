"""The Read aloud button: one widget for every screen and dialog that shows one."""

from __future__ import annotations

from textual.widgets import Button

from backmap.content import word as words
from backmap.widgets.buttons import FocusButton


class ReadAloudButton(FocusButton):
    """Pressed, it does what Ctrl+O does: reads the screen it is on, or stops reading."""

    def __init__(self, **kwargs: object) -> None:
        kwargs.setdefault("id", "read-button")
        super().__init__(words("buttons", "read_aloud"), **kwargs)

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()  # the button does this one thing: no screen needs to hear of it
        await self.run_action("app.read_aloud")
