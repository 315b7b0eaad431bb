"""The pane for one answer in words: the plan's name, or a part of the impact."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import Label

from backmap.core import flow
from backmap.core.flow import Page
from backmap.widgets.answer import AnswerBox
from backmap.widgets.panes.pane import Pane


class QuestionPane(Pane):
    def compose(self) -> ComposeResult:
        yield Label("", id="answer-label", markup=False)
        yield AnswerBox("", id="answer")

    def show(self, page: Page) -> None:
        """The stored answer, or words typed last time that never reached the plan."""
        super().show(page)
        self.query_one("#answer-label", Label).update(page.words["label"])
        box = self.query_one("#answer", AnswerBox)
        stored = flow.get_text(self.keeper.plan, page.field)
        draft = self.keeper.draft_for(page.field, stored)
        with box.prevent(AnswerBox.Changed):  # showing an answer is not typing it
            box.load_text(stored if draft is None else draft)
        if draft is not None:
            self.keeper.typing(page.field, box.answer)

    def focus_first(self) -> None:
        self.screen.set_focus(self.query_one("#answer", AnswerBox), scroll_visible=False)

    @on(AnswerBox.Submitted)
    def submitted(self, event: AnswerBox.Submitted) -> None:
        event.stop()
        self.post_message(self.GoNext())

    def keep(self) -> bool:
        assert self.page is not None
        answer = self.query_one("#answer", AnswerBox).answer
        if flow.set_text(self.keeper.plan, self.page.field, answer):
            self.keeper.changed()
        return True

    def on_text_area_changed(self, event: AnswerBox.Changed) -> None:
        if self.page is not None:
            self.keeper.typing(self.page.field, self.query_one("#answer", AnswerBox).answer)
