"""Plain mode's saving: every answer is saved at once, and what is left when we stop.

A failed save is said in words and tried again at the next answer; a plan opened to
read only keeps its answers in a copy. This module must never import Textual.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from backmap import content
from backmap.core import flow
from backmap.core.plan import Plan
from backmap.plain_change import ChangeOne
from backmap.session.keeper import SUMMARY_WAIT, Keeper
from backmap.session.plan_file import Session

EXIT_OK = 0
EXIT_NOT_SAVED = 1
EXIT_UNREADABLE = 2
EXIT_STOPPED = 130


class PlanReloaded(Exception):
    """The plan was read again from its file in the middle of a question."""


class PlainSaving(ChangeOne):
    """The session a plain interview works on, and how its answers are saved."""

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

    def summaries_on_their_way(self) -> bool:
        """The plan file is saved and its summaries are still being written, on their thread."""
        path = self.session.path
        return bool(self.keeper.summaries.busy and path and path.exists())

    def settle(self) -> bool | None:
        """Save what is left before we stop. None means there was nothing to save."""
        if not self.dirty and (self.on_disk() or self.summaries_on_their_way()):
            return True  # end() waits for summaries still being written: no second save
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
