"""The pathway drawing in a box of its own, opened from any step with Ctrl+P."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from backmap.content import word as words
from backmap.core import pathway_drawing
from backmap.core.plan import Plan
from backmap.widgets.buttons import FocusButton
from backmap.widgets.pathway_view import PathwayView
from backmap.widgets.read_aloud_button import ReadAloudButton


class PathwayScreen(ModalScreen[None]):
    """The whole pathway, as big as the window allows. Escape or Close goes back."""

    BINDINGS = [Binding("escape", "close", words("keys", "close"), key_display="Esc")]

    def __init__(self, plan: Plan) -> None:
        super().__init__(id="pathway")
        self.plan = plan

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="wide"):
            yield Static(pathway_drawing.words()["title"], id="dialog-title", markup=False)
            yield PathwayView(self.plan, id="pathway-view")
            with Horizontal(id="dialog-buttons"):
                yield FocusButton(words("buttons", "close"), id="close")
                yield ReadAloudButton()

    def on_mount(self) -> None:
        self.query_one(PathwayView).focus()

    def spoken_text(self) -> str:
        """Read aloud: the pathway in words, item by item, as plain mode says it."""
        from backmap.read_aloud import pathway_words, sentences

        return sentences([pathway_drawing.words()["title"], pathway_words(self.plan)])

    @on(FocusButton.Pressed, "#close")
    def action_close(self) -> None:
        self.dismiss(None)
