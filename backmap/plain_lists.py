"""Plain mode's list steps: the people, and the stepping stones of each part.

A step shows its list first, to change or remove one by its number; then new lines are
added until an empty one, and the questions about each new one are asked in turn.
This module must never import Textual.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TypeVar

from backmap.core import flow
from backmap.core.plan import Activity, Outcome, Person
from backmap.core.render import plain_text
from backmap.plain_answers import person_line, split_person
from backmap.plain_change import Item, Question
from backmap.plain_lines import ChangeAsked, GoBack, capital
from backmap.plain_saving import PlainSaving

T = TypeVar("T")
Listed = TypeVar("Listed", Outcome, Activity)  # what a list step holds


class RestartPage(Exception):
    """Back from the first question about a new item: the step starts again, with its list."""


class PlainLists(PlainSaving):
    """The list steps, and the questions asked in turn about what is on them."""

    def in_turn(self, questions: list[Callable[[bool], object]]) -> None:
        """Ask each question; back goes to the one before (told it is asked ``again``).

        Back at the first raises ``RestartPage``: the list these questions are about comes next.
        A question that gives False ends them (its item was removed).
        """
        asked = 0
        at = 0
        while at < len(questions):
            try:
                if questions[at](at < asked) is False:
                    return
            except GoBack:
                if at == 0:
                    raise RestartPage from None
                asked = max(asked, at)
                at -= 1
                continue
            except ChangeAsked:
                self.change_then_come_back()  # then this question again, saying what it is about
                asked = max(asked, at + 1)
                continue
            at += 1
            asked = max(asked, at)

    def kept_or_skipped(self, current: str) -> str:
        """What an empty answer does: keeps the answer there is, or skips the question."""
        return self.word("what_keep" if current.strip() else "what_skip")

    def list_intro(self, page: flow.Page, count: int) -> None:
        if count:
            self.say(self.word("list_more"))
        self.say(self.word("list_how", item=page.words["item"]))

    def change_list(self, current: Callable[[], list[str]], change: Callable[[int], None]) -> None:
        """Before new lines are added: change or remove what is on the list, by its number."""
        while True:
            now = current()
            if not now:
                return
            self.say(self.word("list_now"))
            self.say(*(f"{number}. {plain_text(line)}" for number, line in enumerate(now, 1)))
            self.say(self.word("change_how"))
            bad = self.word("change_bad", count=len(now))
            number = self.ask_number(len(now), bad, empty=self.word("what_go_on"))
            if number is None:
                return
            with contextlib.suppress(RestartPage):  # back from its first question: the list again
                change(number - 1)

    def new_words(self, about: str, how: str = "") -> str | None:
        """New words for an item, "" to keep them, or None when the person asked to remove it."""
        self.say("", about, *([how] if how else []), self.word("change_words"))
        reply = self.ask_reply(empty=self.word("what_keep"), also=("remove",))
        return None if reply.command == "remove" else reply.text

    def change_words(
        self,
        page: flow.Page,
        index: int,
        item: Outcome | Activity,
        remove: Callable[[str], object],
        edit: Callable[..., object],
    ) -> bool:
        """New words for a stepping stone or an activity, or its removal; False once removed."""
        answer = self.new_words(self.about(page, index + 1, item.text))
        if answer is None:
            remove(item.id)
            self.say(self.word("removed", text=plain_text(item.text)))
            self.changed()
            return False
        if answer:
            edit(item.id, text=answer)
            self.changed()
        return True

    def keep_or_change(self, question: str, now: str) -> str:
        """One more answer about an item: a new one, or "" to keep the one it has."""
        self.say(question)
        if now.strip():
            self.say(self.word("answer_now", answer=plain_text(now)), self.word("keep"))
        return self.ask(empty=self.kept_or_skipped(now))

    def read_list(self, page: flow.Page, count: Callable[[], int], add: Callable[[str], T]) -> list[T]:
        """Lines until an empty one; each is added and saved before the next is read.

        ``count`` is how many the list holds now: change may add some or take some off meanwhile.
        """
        added: list[T] = []
        while True:
            prompt = self.word("item_prompt", item=capital(page.words["item"]), number=count() + 1)
            try:
                answer = self.ask(prompt, empty=self.word("what_list_done"))
            except ChangeAsked:
                self.change_then_come_back()  # then the list goes on where it was
                self.say(self.word("list_how", item=page.words["item"]))
                continue
            if not answer:
                return added
            added.append(add(answer))
            self.changed()

    def people_page(self, page: flow.Page) -> None:
        plan = self.session.plan

        def change(index: int) -> None:
            # in turn, as stones and activities: back goes to the list, not the step before
            self.in_turn([lambda again: self.change_person(page, index)])

        self.change_list(lambda: [person_line(p) for p in plan.people], change)
        self.list_intro(page, len(plan.people))
        self.say(self.word("people_how"), self.word("people_example"))
        self.read_list(page, lambda: len(plan.people), self.add_person)

    def person_item(self, page: flow.Page, index: int) -> Item:
        """A person, for change: one question, their name and what they do."""
        line = person_line(self.plan.people[index])
        return Item(
            line, [Question(page.words["question"], line, lambda again: self.change_person(page, index))]
        )

    def change_person(self, page: flow.Page, index: int) -> None:
        plan = self.session.plan
        person = plan.people[index]
        answer = self.new_words(self.about(page, index + 1, person_line(person)), self.word("change_person"))
        if answer is None:
            plan.remove_person(index)
            self.say(self.word("removed", text=plain_text(person.name)))
        elif answer:
            new = split_person(answer)
            plan.edit_person(index, name=new.name, role=new.role)
        else:
            return
        self.changed()

    def add_person(self, line: str) -> Person:
        person = split_person(line)
        plan = self.session.plan
        return plan.people[plan.add_person(person.name, person.role)]

    def list_page(
        self,
        page: flow.Page,
        current: Callable[[], list[Listed]],
        add: Callable[[str], Listed],
        item: Callable[[flow.Page, int], Item],
        asked: Callable[[int, Listed], list[Callable[[bool], object]]],
    ) -> None:
        """A list of stepping stones or activities: change or remove what is on it, add new
        ones, then the questions ``asked`` about each new one (by its number)."""

        def change(index: int) -> None:
            self.in_turn([question.ask for question in item(page, index).questions])

        self.change_list(lambda: [thing.text for thing in current()], change)
        before = len(current())
        self.list_intro(page, before)
        self.say(self.word("list_after"))
        new = self.read_list(page, lambda: len(current()), add)
        self.in_turn([ask for number, thing in enumerate(new, before + 1) for ask in asked(number, thing)])

    def outcomes_page(self, page: flow.Page) -> None:
        plan = self.plan
        part = page.plan_part

        def asked(number: int, outcome: Outcome) -> list[Callable[[bool], object]]:
            return [self.how_we_know_question(page, number, outcome, new=True)]

        def add(line: str) -> Outcome:
            return plan.add_outcome(part, line)

        self.list_page(page, lambda: plan.outcomes_in(part), add, self.outcome_item, asked)

    def how_we_know_question(
        self, page: flow.Page, number: int, outcome: Outcome, new: bool
    ) -> Callable[[bool], None]:
        """How will you know: about a new stepping stone it comes first, so it says which one."""

        def ask(again: bool) -> None:
            if new or again:
                self.say("", self.about(page, number, self.plan.outcome(outcome.id).text))
            now = self.plan.outcome(outcome.id).how_we_know
            answer = self.keep_or_change(page.words["second_label"], now)
            if answer:
                self.plan.edit_outcome(outcome.id, how_we_know=answer)
                self.changed()

        return ask

    def outcome_item(self, page: flow.Page, index: int) -> Item:
        """A stepping stone and its two questions: its words, and how we will know."""
        plan = self.plan
        outcome = plan.outcomes_in(page.plan_part)[index]
        how_we_know = self.how_we_know_question(page, index + 1, outcome, new=False)

        def words(again: bool) -> bool:
            return self.change_words(page, index, outcome, plan.remove_outcome, plan.edit_outcome)

        return Item(
            outcome.text,
            [
                Question(self.word("change_stone_words"), outcome.text, words),
                Question(self.word("change_how_we_know"), outcome.how_we_know, how_we_know),
            ],
        )

    def about(self, page: flow.Page, number: int, text: str) -> str:
        return self.word("about", item=page.words["item"], number=number, text=plain_text(text))
