"""The pane of "Your pathway now": how far each stepping stone and activity has come,
in a word and a symbol, with the first time and now when there is an earlier look-back."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from backmap.core import progress_words
from backmap.core.flow import Page
from backmap.core.safe_text import shown
from backmap.widgets.hanging import Hanging
from backmap.widgets.panes.pane import Pane


class ProgressPane(Pane):
    can_skip = False

    def compose(self) -> ComposeResult:
        # Its own scrolling box, so a long pathway can be read with Up, Down and Page keys.
        with VerticalScroll(id="progress-box", can_focus=True):
            yield Static("", id="progress")

    def show(self, page: Page) -> None:
        super().show(page)
        plan = self.keeper.plan
        said = progress_words.lines(plan, plan.checkin(page.checkin))
        self.query_one("#progress", Static).update(Hanging([(indent, shown(text)) for indent, text in said]))
        self.query_one("#progress-box", VerticalScroll).scroll_home(animate=False, immediate=True)

    def spoken(self) -> str:
        plan = self.keeper.plan
        assert self.page is not None
        return " ".join(text for _, text in progress_words.lines(plan, plan.checkin(self.page.checkin)))

    def focus_first(self) -> None:
        self.screen.set_focus(self.query_one("#progress-box"), scroll_visible=False)
