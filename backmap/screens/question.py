"""A step that asks for one answer in words: the plan's name, or a part of the impact."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import Label

from backmap import flow
from backmap.screens.step import StepScreen
from backmap.widgets.answer import AnswerBox


class QuestionScreen(StepScreen):
    def compose_answer(self) -> ComposeResult:
        yield Label(self.page.words["label"], id="answer-label", markup=False)
        yield AnswerBox(flow.get_text(self.plan, self.page.field), id="answer")

    def focus_first(self) -> None:
        self.query_one("#answer", AnswerBox).focus()

    @on(AnswerBox.Submitted)
    def submitted(self) -> None:
        self.action_next()

    def keep_answer(self) -> bool:
        answer = self.query_one("#answer", AnswerBox).answer
        if flow.set_text(self.plan, self.page.field, answer):
            self.backmap.changed()
        return True

    def on_text_area_changed(self, event: AnswerBox.Changed) -> None:
        self.backmap.typing(self.page.field, self.query_one("#answer", AnswerBox).answer)
