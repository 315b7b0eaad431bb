"""change in plain mode: one earlier question is asked again, then the one the person was at.

The person chooses a step, then the thing on it (an activity, a stepping stone ...), then
the question, each by number and with its answer now; a list of one is chosen at once, and
back goes up one list. The planning interview and the look-back say what their steps hold
(``change_steps``, ``change_items``); the choosing is the same for both.

This module must never import Textual.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass

from backmap.core.render import plain_text
from backmap.plain_lines import ChangeAsked, GoBack, LineAsker, plain_word


@dataclass(frozen=True)
class Question:
    """One question change can ask again: its name, the answer now (None: not said), how to ask it."""

    name: str
    now: str | None
    ask: Callable[[bool], object]  # True: asked again, so it says what it is about first

    def line(self, number: int) -> str:
        """How change lists it: its number, the question, and the answer it has now."""
        if self.now is None:
            return f"{number}. {self.name}"
        if not plain_text(self.now).strip():
            return plain_word("change_row_empty", number=number, question=self.name)
        return plain_word("change_row", number=number, question=self.name, answer=plain_text(self.now))


@dataclass(frozen=True)
class Item:
    """One thing on a step's list (or the step itself), with the questions about it."""

    name: str
    questions: list[Question]


class ChangeOne(LineAsker):
    """Asks one earlier question again; a line mode says what its steps hold."""

    def change_steps(self) -> list[tuple[str, int]]:
        """The steps change offers, as numbered lines, with the index of each one's first page."""
        raise NotImplementedError

    def change_items(self, index: int) -> list[Item]:
        """What is on the step at ``index``: its items, each with its questions."""
        raise NotImplementedError

    def change_then_come_back(self) -> None:
        """The person typed change: one earlier answer, then the question they were at again."""
        if self.change_one():
            self.say("", self.word("back_where"))

    def change_one(self) -> bool:
        """Choose a step, then the thing and the question in it, and ask that one again.

        False when the person chose to stay (an empty line, or change again). back goes up one list.
        """
        steps = self.change_steps()
        try:
            return self.choose_then(
                self.word("change_title"),
                [line for line, _ in steps],
                [self.step_chosen(i) for _, i in steps],
            )
        except (GoBack, ChangeAsked):
            return False

    def choose_then(self, title: str, lines: list[str], then: list[Callable[[], bool]]) -> bool:
        """Numbered lines to choose one from (one alone is chosen at once), then what it leads to.

        back in what follows comes back to this list; back here goes to the list before (GoBack).
        """
        while True:
            if len(then) == 1:
                return then[0]()
            self.say("", title, *lines, self.word("change_choose"))
            bad = self.word("change_which_bad", count=len(then))
            number = self.ask_number(len(then), bad, empty=self.word("what_stay"))
            if number is None:
                return False
            with contextlib.suppress(GoBack):
                return then[number - 1]()

    def step_chosen(self, index: int) -> Callable[[], bool]:
        def choose_item() -> bool:
            items = self.change_items(index)
            lines = [f"{n}. {plain_text(item.name)}" for n, item in enumerate(items, 1)]
            return self.choose_then(
                self.word("change_which_item"), lines, [self.item_chosen(i) for i in items]
            )

        return choose_item

    def item_chosen(self, item: Item) -> Callable[[], bool]:
        def choose_question() -> bool:
            lines = [question.line(n) for n, question in enumerate(item.questions, 1)]
            return self.choose_then(
                self.word("change_which_question"), lines, [self.ask_again(q) for q in item.questions]
            )

        return choose_question

    def ask_again(self, question: Question) -> Callable[[], bool]:
        def ask() -> bool:
            question.ask(True)
            return True

        return ask
