"""A step that asks for one answer in words: the plan's name, or a part of the impact."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import Label

from backmap.core import flow
from backmap.screens.step import StepScreen
from backmap.widgets.answer import AnswerBox


class QuestionScreen(StepScreen):
    reusable = True

    def can_show(self, index: int) -> bool:
        return flow.PAGES[index].kind == "text" and self.is_mounted

    def compose_answer(self) -> ComposeResult:
        yield Label(self.page.words["label"], id="answer-label", markup=False)
        yield AnswerBox(flow.get_text(self.plan, self.page.field), id="answer")

    def on_mount(self) -> None:
        """Words typed last time that never reached the plan come back into the box.

        Runs before StepScreen.on_mount, whose focus puts the cursor after them.
        """
        box = self.query_one("#answer", AnswerBox)
        draft = self.backmap.draft_for(self.page.field, flow.get_text(self.plan, self.page.field))
        if draft is not None:
            box.load_text(draft)

    def show_answer(self) -> None:
        """The stored answer, or words typed last time that never reached it, as on_mount."""
        self.query_one("#answer-label", Label).update(self.page.words["label"])
        box = self.query_one("#answer", AnswerBox)
        stored = flow.get_text(self.plan, self.page.field)
        draft = self.backmap.draft_for(self.page.field, stored)
        # No Changed: a new box gets its answer without one. The draft is kept now, as a
        # new screen's Changed would; a Changed handled later could find the next step here.
        with box.prevent(AnswerBox.Changed):
            box.load_text(stored if draft is None else draft)
        if draft is not None:
            self.backmap.typing(self.page.field, box.answer)

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
