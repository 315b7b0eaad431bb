"""The bare Textual app the benchmark compares backmap with: one Static, one Input, a Footer.

Run as a script it starts like backmap does, and with BACKMAP_EXIT_WHEN_READY=1 it
quits as soon as its screen has been drawn, exactly as backmap's welcome screen does.
"""

from __future__ import annotations

import os

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Input, Static


class EmptyScreen(Screen):
    """What the bare app pushes for the Next baseline: a screen with nothing on it."""

    BINDINGS = [Binding("ctrl+r", "app.pop_screen", "Back")]


class BareApp(App[int]):
    """The smallest app with what a backmap step has: words, an answer box and key hints."""

    BINDINGS = [Binding("ctrl+n", "next", "Next", key_display="Ctrl+N")]

    def compose(self) -> ComposeResult:
        yield Static("Welcome. What is your plan called?")
        yield Input(placeholder="Type here")
        yield Footer()

    def on_mount(self) -> None:
        if os.environ.get("BACKMAP_EXIT_WHEN_READY"):
            self.call_after_refresh(self.exit)

    def action_next(self) -> None:
        self.push_screen(EmptyScreen())

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """An answer was sent: empty the box for the next one (the memory row types many)."""
        event.input.value = ""


def main() -> int:
    """Run the bare app in the terminal."""
    BareApp().run()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
