"""The interview as plain lines of text, for screen readers and pipes.

It walks the same pages as the Textual app (``flow.PAGES``) but only prints
lines and reads lines: no colour, no cursor codes, no full-screen drawing.
So a screen reader reads it top to bottom, and a script can answer it through
a pipe. Every answer is saved at once, and the end of input is a normal way
to stop, never a crash. A word alone on a line steers (help, back, change, skip,
stop: see ``plain_lines``), and each empty line is said back with what it did.

This module must never import Textual: a test proves it.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO, TypeVar

from backmap import content
from backmap.core import checks, flow, pathway
from backmap.core.plan import KINDS, PARTS, Activity, Outcome, Person, Plan
from backmap.core.render import plain_text
from backmap.core.store import PlanError
from backmap.plain_answers import parse_kind, parse_numbers, person_line, split_person
from backmap.plain_change import ChangeOne, Item, Question
from backmap.plain_hooks import PlainHooks
from backmap.plain_lines import (
    ChangeAsked,
    GoBack,
    InputEnded,
    StopAsked,
    capital,
)
from backmap.session.keeper import SUMMARY_WAIT, Keeper
from backmap.session.plan_file import Session

T = TypeVar("T")
Listed = TypeVar("Listed", Outcome, Activity)  # what a list step holds

EXIT_OK = 0
EXIT_NOT_SAVED = 1
EXIT_UNREADABLE = 2
EXIT_STOPPED = 130


class RestartPage(Exception):
    """Back from the first question about a new item: the step starts again, with its list."""


# The pages a person can go back to with change: every step that asks something.
ANSWERED_PAGES: tuple[flow.Page, ...] = tuple(p for p in flow.PAGES if p.kind not in ("check", "finish"))


class PlainInterview(ChangeOne):
    """One run of the plain interview over one session."""

    def __init__(self, keeper: Keeper, stdin: TextIO, stdout: TextIO) -> None:
        super().__init__(stdin, stdout)
        self.keeper = keeper
        self.flow: flow.Flow = keeper.flow
        self.opened_at = 0  # the step to start on
        self.dirty = False
        self.reloaded = False  # the plan was read again from its file (see PlainHooks)

    @property
    def session(self) -> Session:
        assert self.keeper.session is not None, "the keeper opened a plan first"
        return self.keeper.session

    @property
    def plan(self) -> Plan:
        return self.session.plan

    # ----- saving ----------------------------------------------------------------

    def changed(self) -> None:
        """Every answer is saved at once; a failed save is said in words and tried again next time."""
        self.dirty = True
        if self.keeper.read_only:
            if not self.keeper.unsaved_read_only:
                self.say(self.word("read_only_copy_later"))
            self.keeper.changed()  # noted: kept in a copy when we stop, never lost
            return
        self.save()
        if self.reloaded:
            raise PlanReloaded  # this question starts again on the version just opened

    def save(self) -> bool:
        # Through the keeper: a change made on disk by another program is asked about first.
        stopping_over_a_change = (
            self.keeper.quitting and not self.keeper.read_only and self.session.changed_on_disk()
        )
        if self.keeper.unsaved_read_only or stopping_over_a_change:
            # Stopping: the answers go to a copy, and nothing is written over.
            kept = self.keeper.keep_in_copy()
            self.say(self.keeper.message)
            self.dirty = not kept
            return kept
        result = self.keeper.save()
        if result is None:
            return False
        if result.ok:
            self.dirty = False
            return True
        self.say(content.word("app", "save_failed", reason=result.problem))
        return False

    def on_disk(self) -> bool:
        """Whether the plan file and its summary are both there."""
        path = self.session.path
        summary = self.session.summary_path
        return bool(path and summary and path.exists() and summary.exists())

    def settle(self) -> bool | None:
        """Save what is left before we stop. None means there was nothing to save."""
        if not self.dirty and self.on_disk():
            return True
        if self.keeper.read_only and not self.keeper.unsaved_read_only:
            return None  # open to read only, and nothing typed: nothing to keep
        if self.session.plan.is_empty() and not (self.session.path and self.session.path.exists()):
            return None
        return self.save()

    def where_saved(self) -> list[str]:
        path = self.session.path
        summary = self.session.summary_path
        assert path is not None and summary is not None
        said = [self.word("saved_in", path=path.absolute())]
        page = self.session.page_path
        # Each summary is named only when it is there: a failed one was said just before.
        if summary.exists():
            said.append(content.word("cli", "summary", summary=summary.absolute()))
        if page is not None and page.exists():
            said.append(content.word("cli", "page", page=page.absolute()))
        return said

    def end(self, lines: Callable[[], list[str]]) -> int:
        """Save one last time, then say ``lines()`` (where the files are). The exit code."""
        saved = self.settle()
        if saved is None:
            self.say(self.word("nothing_saved"))
            return EXIT_OK
        if not saved:
            return EXIT_NOT_SAVED
        # The summaries may still be on their way (a thread): the files are named once there.
        if not self.keeper.summaries.wait(SUMMARY_WAIT) or self.keeper.summaries.problem:
            reason = self.keeper.summaries.problem or content.word("safety", "summary_slow")
            self.say(self.word("summary_not_written", reason=reason), *self.where_saved())
            return EXIT_NOT_SAVED  # as the app's goodbye: a summary that is not on disk is said by 1
        self.say(*lines())
        return EXIT_OK

    def stop(self, first: str) -> int:
        """The input ended or the person stopped: save, say where, and leave quietly."""
        self.say(first)
        # Nothing more is asked, not even about a plan changed on disk: the answers go to a copy.
        self.keeper.quitting = True
        return self.end(self.where_saved)

    # ----- the interview ---------------------------------------------------------

    def run(self, opened: bool) -> int:
        """Walk the steps of the flow. back goes one question back; change answers one earlier
        question again, then this one is asked again."""
        self.welcome(opened)
        index: int | None = self.opened_at
        while index is not None:
            try:
                return_code = self.page(self.flow.pages[index])
            except PlanReloaded:
                self.reloaded = False
                self.say(self.word("reloaded"))
                continue
            except RestartPage:
                continue
            except GoBack:
                before = self.flow.previous_index(index, self.plan)
                if before is None:
                    self.say(self.word("first_question"))
                else:
                    index = before
                continue
            except ChangeAsked:
                self.change_then_come_back()
                continue
            if return_code is not None:
                return return_code
            index = self.flow.next_index(index, self.plan)
        return EXIT_OK

    # ----- change: what there is to choose, on the planning steps ----------------------

    def change_steps(self) -> list[tuple[str, int]]:
        """The steps change offers, as numbered lines, with the index of each one's first page."""
        return [
            (
                self.word("change_line", number=number, part=page.part_name, question=page.words["question"]),
                self.flow.pages.index(page),
            )
            for number, page in enumerate(ANSWERED_PAGES, 1)
        ]

    def change_items(self, index: int) -> list[Item]:
        """What is on the step: its items (each with its questions), or the step as one question."""
        page = self.flow.pages[index]
        plan = self.plan
        if page.kind == "text":
            now = flow.get_text(plan, page.field)
            return [Item("", [Question(page.words["question"], now, lambda again: self.page(page))])]
        if page.kind == "people":
            items = [self.person_item(page, i) for i in range(len(plan.people))]
        elif page.kind == "outcomes":
            items = [self.outcome_item(page, i) for i in range(len(plan.outcomes_in(page.plan_part)))]
        else:
            items = [self.activity_item(page, i) for i in range(len(plan.activities_in(page.plan_part)))]
        # The step as it was: to add more (and all there is, when its list is empty).
        whole = Question(page.words["question"], None, lambda again: self.whole_step(page))
        return [*items, Item(self.word("change_add", item=page.words["item"]), [whole])]

    def whole_step(self, page: flow.Page) -> None:
        """A step asked from its start, as when it first came: back at its first question ends it."""
        while True:
            try:
                self.page(page)
                return
            except RestartPage:
                continue

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

    def page(self, page: flow.Page) -> int | None:
        """Ask one step; the exit code when it is the last."""
        self.header(page)
        if page.kind == "finish":
            return self.finish_page(page)
        asks: dict[str, Callable[[flow.Page], None]] = {
            "text": self.text_page,
            "people": self.people_page,
            "outcomes": self.outcomes_page,
            "activities": self.activities_page,
            "check": self.check_page,
        }
        asks[page.kind](page)
        return None

    def welcome(self, opened: bool) -> None:
        self.say(
            content.word("welcome", "title"),
            content.word("welcome", "intro"),
            self.word("intro"),
            *self.help_lines(),
        )
        if self.session.path is None:
            self.say(content.word("welcome", "saved_where", folder=self.session.folder.absolute()))
        else:
            self.say(self.word("working_on", path=self.session.path.absolute()))
        if opened and not self.session.plan.is_empty():
            self.say(self.word("has_answers"))

    def header(self, page: flow.Page) -> None:
        words = page.words
        self.say("", flow.step_label(page), page.part_name)
        if words.get("explain"):
            self.say(words["explain"])
        if words["question"] != page.part_name:
            self.say(words["question"])
        if page.kind not in ("check", "finish"):
            self.say(words["hint"])
        if page.kind not in ("check", "finish", "people"):
            # The people page shows its own example, in the "name, what they do" form it reads.
            self.say(self.word("example", example=words["example"]))

    def text_page(self, page: flow.Page) -> None:
        current = flow.get_text(self.session.plan, page.field)
        if current.strip():
            self.say(self.word("answer_now", answer=plain_text(current)), self.word("keep"))
        answer = self.ask(empty=self.kept_or_skipped(current))
        if answer and flow.set_text(self.session.plan, page.field, answer):
            self.changed()

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
            self.change_person(page, index)

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

    def activities_page(self, page: flow.Page) -> None:
        plan = self.plan
        part = page.plan_part

        def asked(number: int, activity: Activity) -> list[Callable[[bool], object]]:
            about = self.about(page, number, activity.text)
            return [question.ask for question in self.activity_questions(activity, about, new=True)]

        def add(line: str) -> Activity:
            return plan.add_activity(part, line)

        self.list_page(page, lambda: plan.activities_in(part), add, self.activity_item, asked)

    def activity_questions(self, activity: Activity, about: str, new: bool) -> list[Question]:
        """Kind, stepping stones, who and when. Asked again after back, an empty line keeps."""

        def kind(again: bool) -> None:
            if new or again:
                self.say("", about)
            self.ask_kind(activity.id, keep=again or not new)

        def links(again: bool) -> None:
            if again:
                self.say("", about)
            self.ask_links(activity.id, keep=again or not new)

        def field_question(field: str) -> Callable[[bool], None]:
            def ask(again: bool) -> None:
                if again:
                    self.say("", about)
                now = getattr(self.session.plan.activity(activity.id), field)
                answer = self.keep_or_change(content.activity_word(f"{field}_question"), now)
                if answer:
                    self.session.plan.edit_activity(activity.id, **{field: answer})
                    self.changed()

            return ask

        plan = self.plan
        stones = {outcome.id: outcome.text for outcome in plan.outcomes}
        links_now = "; ".join(stones[i] for i in activity.outcomes if i in stones)
        return [
            Question(content.activity_word("kind_question"), content.kind_name(activity.kind), kind),
            Question(content.activity_word("links_question"), links_now, links),
            Question(self.word("change_who"), activity.who, field_question("who")),
            Question(self.word("change_when"), activity.when, field_question("when")),
        ]

    def activity_item(self, page: flow.Page, index: int) -> Item:
        """An activity and its questions: its words, kind, stepping stones, who and when."""
        plan = self.plan
        activity = plan.activities_in(page.plan_part)[index]

        def words(again: bool) -> bool:
            return self.change_words(page, index, activity, plan.remove_activity, plan.edit_activity)

        about = self.about(page, index + 1, activity.text)
        questions = self.activity_questions(activity, about, new=False)
        return Item(
            activity.text,
            [Question(content.activity_word("text_question"), activity.text, words), *questions],
        )

    def ask_kind(self, activity_id: str, keep: bool = False) -> None:
        """With ``keep``, an empty line keeps the kind the activity has; else it means "other"."""
        now = self.session.plan.activity(activity_id).kind
        self.say(content.activity_word("kind_question"))
        self.say(*(f"{number}. {content.kind_name(kind)}" for number, kind in enumerate(KINDS, 1)))
        if keep:
            self.say(self.word("answer_now", answer=content.kind_name(now)), self.word("keep"))
        else:
            self.say(self.word("kind_how", other=content.kind_name("other")))
        other = content.kind_name("other")
        empty = self.word("what_keep") if keep else self.word("what_kind", other=other)
        while True:
            answer = self.ask(empty=empty)
            kind = parse_kind(answer) if answer else (now if keep else "other")
            if kind is not None:
                break
            self.say(self.word("kind_bad", count=len(KINDS)))
        if kind != self.session.plan.activity(activity_id).kind:
            self.session.plan.edit_activity(activity_id, kind=kind)
            self.changed()

    def ask_links(self, activity_id: str, keep: bool = False) -> None:
        """The project's stepping stones, then co-production's, numbered across both.

        The same order and numbers on both activity steps, so a number means one stepping
        stone wherever it is typed. With ``keep``, the ones it helps now are marked, and an
        empty line keeps them.
        """
        plan = self.session.plan
        self.say(content.activity_word("links_question"))
        groups = [(part, plan.outcomes_in(part)) for part in PARTS]
        choices = [outcome for _, outcomes in groups for outcome in outcomes]
        if not choices:
            self.say(content.activity_word("links_none"))
            return
        number = 1
        for group_part, outcomes in groups:
            if not outcomes:
                continue
            self.say(content.part_name(group_part) + ":")
            for outcome in outcomes:
                chosen_now = keep and outcome.id in plan.activity(activity_id).outcomes
                mark = " " + self.word("chosen_now") if chosen_now else ""
                self.say(f"{number}. {plain_text(outcome.text)}{mark}")
                number += 1
        self.say(self.word("links_how"), self.word("links_keep" if keep else "links_skip"))
        while True:
            answer = self.ask(empty=self.word("what_keep" if keep else "what_skip"))
            numbers = parse_numbers(answer, len(choices))
            if numbers is not None:
                break
            self.say(self.word("links_bad", count=len(choices)))
        if not numbers:
            return
        chosen = {choices[n - 1].id for n in numbers}
        # Plan order, so the summary lists them the same way whatever order they were typed in.
        links = [o.id for o in plan.outcomes if o.id in chosen]
        plan.edit_activity(activity_id, outcomes=links)
        self.changed()

    def check_page(self, page: flow.Page) -> None:
        findings = checks.run(self.session.plan)
        if not findings:
            self.say(page.words["none"])
        else:
            self.say(*(f"{number}. {finding.message}" for number, finding in enumerate(findings, 1)))
            self.say(self.word("check_later"))
        # The pathway in words (the app draws it as a picture instead).
        # No width limit: a screen reader reads every word, so nothing is cut short.
        self.say(
            "",
            page.words["pathway"],
            *pathway.lines(self.session.plan, width=1_000_000, stone_leads=self.word("leads_to_impact")),
        )

    def finish_page(self, page: flow.Page) -> int:
        def lines() -> list[str]:
            where, ways_to_print = content.word("finish", "where"), content.word("finish", "print")
            return [where, *self.files(page), ways_to_print, content.word("cli", "bye")]

        return self.end(lines)

    def files(self, page: flow.Page) -> list[str]:
        """The three files with their full paths, as a finish page names them."""
        path, summary = self.session.path, self.session.summary_path
        assert path is not None and summary is not None
        return [
            f"{page.words['saved_plan']}: {path.absolute()}",
            f"{page.words['saved_summary']}: {summary.absolute()}",
            f"{page.words['saved_page']}: {self.session.page_path.absolute()}",
        ]


class PlanReloaded(Exception):
    """The plan was read again from its file in the middle of a question."""


def run_plain(
    plan_arg: str | None, folder: Path, stdin: TextIO | None = None, stdout: TextIO | None = None
) -> int:
    """Exit 0 at the end or end of input (or stop), 1 when the last save or a summary failed,
    2 for a plan we cannot read."""
    stdin, stdout = streams(stdin, stdout)
    if plan_arg and readable(Path(plan_arg), folder) is None:
        return EXIT_UNREADABLE
    hooks = PlainHooks(stdin, stdout)
    keeper = Keeper(folder, hooks)
    if plan_arg:
        keeper.open(Path(plan_arg), flow.PLANNING, carry_on=False)  # takes the lock, as the app does
    else:
        keeper.new_plan()
    return run_opened(PlainInterview, keeper, hooks, Path(plan_arg or ""), opened=plan_arg is not None)


def streams(stdin: TextIO | None, stdout: TextIO | None) -> tuple[TextIO, TextIO]:
    """The streams to talk over: standard input and output unless a test gives others."""
    if stdin is None:
        stdin = sys.stdin
        if hasattr(stdin, "reconfigure"):
            # A stray byte in a pipe should become a mark in an answer, not a crash.
            stdin.reconfigure(errors="replace")
    return stdin, sys.stdout if stdout is None else stdout


def readable(path: Path, folder: Path) -> Plan | None:
    """The plan at ``path``; None (said on standard error) when we cannot read it."""
    try:
        return Session.open(path, folder).plan
    except PlanError as error:
        print(str(error), file=sys.stderr)
        return None


def run_opened(
    kind: type[PlainInterview], keeper: Keeper, hooks: PlainHooks, path: Path, opened: bool
) -> int:
    """Run the interview on the plan the keeper opened; say so when none was opened."""
    if hooks.opened_at is None:  # in use, and the person chose neither way on
        return not_opened(hooks, path)
    interview = kind(keeper, hooks.lines.stdin, hooks.lines.stdout)
    interview.opened_at = hooks.opened_at
    hooks.interview = interview
    return run_to_the_end(interview, opened=opened)


def not_opened(hooks: PlainHooks, path: Path) -> int:
    """The person stopped at a question before the plan was open: say so, and that it is as it was."""
    if not hooks.stopped:
        return EXIT_STOPPED
    hooks.lines.say(hooks.lines.word(hooks.stopped), hooks.lines.word("not_opened", path=path.absolute()))
    return EXIT_OK


def run_to_the_end(interview: PlainInterview, opened: bool) -> int:
    """Run an interview; the end of input, stop and Ctrl+C save and say where, then close the plan."""
    try:
        return interview.run(opened=opened)
    except InputEnded:
        return interview.stop(interview.word("ended"))
    except StopAsked:
        return interview.stop(interview.word("stopped"))
    except KeyboardInterrupt:
        interview.say("")
        code = interview.stop(interview.word("stopped"))
        return code if code != EXIT_OK else EXIT_STOPPED
    finally:
        interview.keeper.close()
