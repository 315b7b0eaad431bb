"""The pane of "Your pathway now": how far each stepping stone and activity has come.

First in words, item by item (what read aloud says), then the drawing from the check step
with the same words and symbols, and "first time / now" once there is an earlier look-back.
The look-back being made counts, though it is not finished yet; when it is an earlier one
being changed, the pathway is shown as it was then (``going.as_at``), not as at the latest.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from backmap.core import progress_words
from backmap.core.flow import Page
from backmap.core.safe_text import shown
from backmap.widgets.hanging import Hanging
from backmap.widgets.panes.pane import LookBackPane
from backmap.widgets.pathway_view import PathwayView


class ProgressPane(LookBackPane):
    can_skip = False

    def compose(self) -> ComposeResult:
        # Its own scrolling box, so a long pathway can be read with Up, Down and Page keys.
        with VerticalScroll(id="progress-box", can_focus=True):
            yield Static("", id="progress")
        yield Static("", id="progress-drawing-title", markup=False)
        yield PathwayView(None, first_and_now=True, id="progress-drawing")

    def show(self, page: Page) -> None:
        super().show(page)
        plan = self.keeper.plan
        said = progress_words.lines(plan, self.checkin)
        self.query_one("#progress", Static).update(Hanging([(indent, shown(text)) for indent, text in said]))
        self.query_one("#progress-box", VerticalScroll).scroll_home(animate=False, immediate=True)
        self.query_one("#progress-drawing-title", Static).update(page.words["drawing"])
        drawing = self.query_one("#progress-drawing", PathwayView)
        drawing.look_back = self.checkin
        drawing.show_plan(plan)

    def spoken_answer(self) -> str:
        return " ".join(text for _, text in progress_words.lines(self.keeper.plan, self.checkin))

    def focus_first(self) -> None:
        self.screen.set_focus(self.query_one("#progress-box"), scroll_visible=False)
