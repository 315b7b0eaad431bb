"""Learn about impact: a few short pages, one idea each, with Back and Next."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from backmap import content
from backmap.content import word as words
from backmap.widgets.buttons import FocusButton
from backmap.widgets.key_footer import KeyFooter
from backmap.widgets.read_aloud_button import ReadAloudButton


class LearnScreen(Screen):
    BINDINGS = [Binding("escape", "app.pop_screen", words("keys", "close"), key_display="Esc")]

    def __init__(self) -> None:
        super().__init__()
        self.pages = content.learn_pages()
        self.at = 0

    def compose(self) -> ComposeResult:
        yield Static("", id="learn-counter", markup=False)
        with VerticalScroll(id="learn-body"):
            yield Static("", id="learn-title", markup=False)
            yield Static("", id="learn-text", markup=False)
        with Horizontal(id="nav"):
            yield FocusButton(words("buttons", "back"), id="back")
            yield FocusButton(words("buttons", "close"), id="close")
            yield ReadAloudButton()
            yield FocusButton(words("buttons", "next"), id="next", variant="primary")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.show_page()
        self.query_one("#next").focus()

    def spoken_text(self) -> str:
        """Read aloud on a Learn page reads its title and its words."""
        page = self.pages[self.at]
        return " ".join([page["title"], *page["text"]])

    def show_page(self) -> None:
        reader = getattr(self.app, "read_aloud", None)
        if reader is not None:
            reader.stop()  # the page read aloud is no longer on screen
        page = self.pages[self.at]
        self.query_one("#learn-counter", Static).update(
            words("learn", "counter", number=self.at + 1, total=len(self.pages))
        )
        self.query_one("#learn-title", Static).update(page["title"])
        self.query_one("#learn-text", Static).update("\n\n".join(page["text"]))
        self.query_one("#back", FocusButton).disabled = self.at == 0
        last = self.at == len(self.pages) - 1
        self.query_one("#next", FocusButton).set_words(words("buttons", "done" if last else "next"))

    @on(FocusButton.Pressed, "#next")
    def next_page(self) -> None:
        if self.at == len(self.pages) - 1:
            self.app.pop_screen()
            return
        self.at += 1
        self.show_page()
        if self.query_one("#back").disabled is False and self.focused is None:
            self.query_one("#next").focus()

    @on(FocusButton.Pressed, "#back")
    def previous_page(self) -> None:
        if self.at > 0:
            self.at -= 1
            self.show_page()
            if self.at == 0:
                self.query_one("#next").focus()

    @on(FocusButton.Pressed, "#close")
    def close(self) -> None:
        self.app.pop_screen()
