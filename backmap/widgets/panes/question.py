"""The pane for one answer in words: the plan's name, a part of the impact, or a look-back answer."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import Label, Static

from backmap import content
from backmap.core import flow, look_back
from backmap.core.flow import Page
from backmap.widgets.answer import AnswerBox
from backmap.widgets.panes.pane import Pane


class QuestionPane(Pane):
    def compose(self) -> ComposeResult:
        yield Label("", id="answer-label", markup=False)
        yield AnswerBox("", id="answer")
        yield Static("", id="answer-problem", markup=False)

    def show(self, page: Page) -> None:
        """The stored answer, or words typed last time that never reached the plan."""
        super().show(page)
        self.query_one("#answer-label", Label).update(page.words["label"])
        self.say_problem("")
        box = self.query_one("#answer", AnswerBox)
        stored = flow.page_text(self.keeper.plan, page)
        draft = self.keeper.draft_for(page.answer_key, stored)
        with box.prevent(AnswerBox.Changed):  # showing an answer is not typing it
            box.load_text(stored if draft is None else draft)
        if draft is not None:
            self.keeper.typing(page.answer_key, box.answer)

    def spoken_answer(self) -> str:
        """The person's own words in the box, if any."""
        answer = self.query_one("#answer", AnswerBox).answer
        return f"{content.word('speech', 'your_answer')} {answer}" if answer else ""

    def say_problem(self, text: str) -> None:
        problem = self.query_one("#answer-problem", Static)
        problem.update(text)
        problem.display = bool(text)

    def focus_first(self) -> None:
        self.screen.set_focus(self.query_one("#answer", AnswerBox), scroll_visible=False)

    @on(AnswerBox.Submitted)
    def submitted(self, event: AnswerBox.Submitted) -> None:
        event.stop()
        self.post_message(self.GoNext())

    def keep(self) -> bool:
        """Store the answer; an answer that makes no sense (a date nobody can read) stays on
        screen with what to do, and the step stays."""
        assert self.page is not None
        answer = self.query_one("#answer", AnswerBox).answer
        plan = self.keeper.plan
        try:
            changed = flow.keep_page_text(plan, self.page, answer)
        except look_back.AnswerProblem as problem:
            self.say_problem(str(problem))
            return False
        self.say_problem("")
        if changed:
            self.keeper.changed()
        return True

    def on_text_area_changed(self, event: AnswerBox.Changed) -> None:
        if self.page is not None:
            self.keeper.typing(self.page.answer_key, self.query_one("#answer", AnswerBox).answer)
