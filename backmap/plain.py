"""The interview as plain lines of text, for screen readers and pipes.

It walks the same pages as the Textual app (``flow.PAGES``) but only prints
lines and reads lines: no colour, no cursor codes, no full-screen drawing.
So a screen reader reads it top to bottom, and a script can answer it through
a pipe. Every answer is saved at once, and the end of input is a normal way
to stop, never a crash. A word alone on a line steers (help, back, change, skip,
stop: see ``plain_lines``), and each empty line is said back with what it did.

The parts live in their own modules: saving (``plain_saving``), the list steps
(``plain_lists``) and the activity questions (``plain_activities``). This one walks
the steps in order and starts a run.

This module must never import Textual: a test proves it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from backmap import content
from backmap.core import checks, flow, pathway
from backmap.core.plan import Plan
from backmap.core.render import plain_text
from backmap.core.store import PlanError
from backmap.plain_activities import PlainActivities
from backmap.plain_change import Item, Question
from backmap.plain_hooks import PlainHooks
from backmap.plain_lines import ChangeAsked, GoBack, InputEnded, StopAsked
from backmap.plain_lists import RestartPage
from backmap.plain_saving import (
    EXIT_OK,
    EXIT_STOPPED,
    EXIT_UNREADABLE,
    PlanReloaded,
)
from backmap.session.keeper import Keeper
from backmap.session.plan_file import Session

# The pages a person can go back to with change: every step that asks something.
ANSWERED_PAGES: tuple[flow.Page, ...] = tuple(p for p in flow.PAGES if p.kind not in ("check", "finish"))


class PlainInterview(PlainActivities):
    """One run of the plain interview over one session: its steps, in order."""

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
