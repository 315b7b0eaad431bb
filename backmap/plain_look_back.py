"""The look-back as plain lines of text, for screen readers and pipes.

It walks the same look-back steps as the app (``look_back.flow_for``), saves after
every answer, and carries on a look-back that was not finished. A thing someone
said that they keep private is never printed: not even as it is typed.

This module must never import Textual: a test proves it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from backmap import content
from backmap.core import look_back, progress_words, story
from backmap.core.flow import Page
from backmap.core.render import plain_text
from backmap.plain import (
    EXIT_UNREADABLE,
    not_opened,
    readable,
    run_opened,
    streams,
)
from backmap.plain_answers import parse_numbers
from backmap.plain_change import Item, Question
from backmap.plain_hooks import PlainHooks
from backmap.plain_look_back_lists import PlainLookBackLists, look_back_word
from backmap.session.keeper import Keeper


def choose(page: Page, answer: str) -> str | None:
    """The status a typed line chooses: its number, its words, or a first letter only one has."""
    rows = look_back.choices(page)
    typed = " ".join(answer.lower().split()).rstrip(".")
    for value, words in rows:
        if typed in (words.lower(), value):
            return value
    if len(typed) == 1 or typed.isdigit():
        index = look_back.key_for(page, typed)
        return rows[index][0] if index is not None else None
    return None


class PlainLookBack(PlainLookBackLists):
    """One look-back, asked as lines."""

    def welcome(self, opened: bool) -> None:
        self.say(
            content.word("look_back", "title"),
            look_back_word("intro"),
            self.word("intro"),
            *self.help_lines(),
        )
        self.say(self.word("working_on", path=self.session.path.absolute() if self.session.path else ""))
        if self.keeper.message:
            self.say(self.keeper.message)

    def page(self, page: Page) -> int | None:
        """Ask one question; the exit code when it is the last."""
        if page.kind == "look_back_finish":
            return self.finish(page)
        self.header(page)
        self.ask_page(page)
        return None

    def change_steps(self) -> list[tuple[str, int]]:
        """The steps by number, with the index of each one's first question (finish is not one)."""
        firsts: dict[int, int] = {}
        for index, page in enumerate(self.flow.pages):
            firsts.setdefault(page.step, index)
        steps = [index for step, index in firsts.items() if step < self.flow.total_steps]
        return [(f"{n}. {self.flow.pages[index].part_name}", index) for n, index in enumerate(steps, 1)]

    def change_items(self, index: int) -> list[Item]:
        """The questions asked in the step: one item, or one for each activity or stepping stone."""
        first = self.flow.pages[index]
        if first.kind == "look_back_entries":
            return self.list_items(first)  # one quote or one surprise, by its number
        step = first.step
        pages: dict[str, list[Page]] = {}  # by the activity or stepping stone they ask about
        for page in self.flow.pages:
            if page.step == step and (self.flow.asks is None or self.flow.asks(self.plan, page)):
                pages.setdefault(page.item, []).append(page)
        return [
            Item(
                look_back.subject(self.plan, asked[0]),
                [Question(page.words["question"], self.now(page), self.asker(page)) for page in asked],
            )
            for asked in pages.values()
        ]

    def asker(self, page: Page) -> Callable[[bool], object]:
        if page.kind != "look_back_status":
            return lambda again: self.page(page)

        def ask_with_what_it_brings(again: bool) -> None:
            # A new status may bring questions ("How many times?"): they are asked now, not later.
            before = self.asked_after(page)
            self.page(page)
            for brought in self.asked_after(page):
                if brought not in before:
                    self.page(brought)

        return ask_with_what_it_brings

    def asked_after(self, status: Page) -> list[Page]:
        """The questions asked now after a status, about the same activity or stepping stone."""
        pages = self.flow.pages
        later = pages[pages.index(status) + 1 :]
        return [
            page
            for page in later
            if page.item == status.item
            and page.step == status.step
            and (self.flow.asks is None or self.flow.asks(self.plan, page))
        ]

    def now(self, page: Page) -> str | None:
        """The answer a question has now, as change lists it; None where it is not one line."""
        if page.kind == "look_back_text":
            return look_back.get_text(self.plan, page)
        if page.kind == "look_back_status":
            chosen = look_back.get_choice(self.plan, page)
            return next((words for value, words in look_back.choices(page) if value == chosen), "")
        if page.kind == "look_back_who":
            return ", ".join(self.checkin(page).who)
        return None

    def header(self, page: Page) -> None:
        words = page.words
        self.say("", self.flow.step_label(page), words.get("phase", page.part_name))
        if page.item:
            self.say(f'"{plain_text(look_back.subject(self.plan, page))}"')
        self.say(words["question"])
        if page.kind == "look_back_text":
            self.say(words.get("plain_hint", words["hint"]))

    def ask_page(self, page: Page) -> None:
        # The entries pages share a kind: their key says which list they hold.
        asks: dict[str, Callable[[Page], None]] = {
            "look_back_text": self.text,
            "look_back_status": self.status,
            "look_back_who": self.who,
            "look_back_voices": self.voices,
            "look_back_surprises": self.surprises,
            "look_back_pathway": self.pathway,
        }
        ask = asks.get(page.kind) or asks.get(page.key)
        if ask is not None:
            ask(page)

    def pathway(self, page: Page) -> None:
        """The pathway now, in words: each line indented as the drawing is."""
        lines = progress_words.lines(self.plan, self.checkin(page))
        self.say(*("  " * (indent // 2) + text for indent, text in lines))

    def text(self, page: Page) -> None:
        current = look_back.get_text(self.plan, page)
        if current.strip():
            self.say(self.word("answer_now", answer=plain_text(current)), self.word("keep"))
        while True:
            answer = self.ask(empty=self.kept_or_skipped(current))
            if not answer:
                return
            try:
                if look_back.set_text(self.plan, page, answer):
                    self.changed()
                return
            except look_back.AnswerProblem as problem:
                self.say(str(problem))

    def status(self, page: Page) -> None:
        rows = look_back.choices(page)
        current = look_back.get_choice(self.plan, page)
        chosen_now = self.word("chosen_now")
        self.say(
            *(
                f"{n}. {words}{' ' + chosen_now if value == current and current else ''}"
                for n, (value, words) in enumerate(rows, 1)
            )
        )
        self.say(look_back_word("status_how"))
        while True:
            answer = self.ask(empty=self.kept_or_skipped(current))
            if not answer:
                return
            value = choose(page, answer)
            if value is not None:
                if look_back.set_choice(self.plan, page, value):
                    self.changed()
                return
            self.say(look_back_word("status_bad", count=len(rows)))

    def who(self, page: Page) -> None:
        names = [p.name for p in self.plan.people if p.name.strip()]
        here = self.checkin(page).who
        if names:
            self.say(*(f"{n}. {plain_text(name)}" for n, name in enumerate(names, 1)))
        if here:
            self.say(self.word("answer_now", answer=plain_text(", ".join(here))), self.word("keep"))
        self.say(look_back_word("who_how"))
        answer = self.ask(empty=self.kept_or_skipped(", ".join(here)))
        if not answer:
            return
        numbers = parse_numbers(answer, len(names)) if names else None
        chosen = [names[n - 1] for n in numbers] if numbers else look_back.split_names(answer)
        if look_back.set_who(self.plan, page, chosen):
            self.changed()

    def files(self, page: Page) -> list[str]:
        """The plan's files, and the impact story beside them: written once a look-back is finished."""
        assert self.session.path is not None
        story_page, _ = story.paths(self.session.path)
        return [*super().files(page), f"{page.words['saved_story']}: {story_page.absolute()}"]

    def finish(self, page: Page) -> int:
        checkin = self.checkin(page)
        self.say("", self.flow.step_label(page), page.words["question"])
        if not checkin.finished:
            checkin.finished = True
            self.plan.touch()
            self.changed()

        finished = look_back_word("finished", date=content.long_date(checkin.date))
        return self.end(lambda: [finished, *self.files(page), content.word("cli", "bye")])


def run_plain_look_back(
    path: Path, folder: Path, stdin: TextIO | None = None, stdout: TextIO | None = None
) -> int:
    """Exit 0 at the end or end of input, 1 when the last save failed, 2 for a plan we cannot read."""
    stdin, stdout = streams(stdin, stdout)
    plan = readable(path, folder)
    if plan is None:
        return EXIT_UNREADABLE
    hooks = PlainHooks(stdin, stdout)
    keeper = Keeper(folder, hooks)
    ways = look_back.ways_on(plan)
    chosen: list[str | None] = [ways[0][0]]
    if len(ways) > 1:  # an earlier look-back changes only when someone chooses it
        title = content.word("look_back", "choose_title", name=path.name)
        hooks.ask(title, look_back.ways_on_text(plan), ways, lambda way: chosen.__setitem__(0, way))
    way = chosen[0]
    if way is None:
        return not_opened(hooks, path)
    keeper.open_look_back(path, plan, way)
    return run_opened(PlainLookBack, keeper, hooks, path, opened=True)
