"""The keeper of the open plan: save after each change, drafts, the lock, and quitting.

The Textual app and plain mode both hold one ``Keeper``. It decides when to save and
what the status line says; it asks the person nothing itself, but hands questions
("the file changed on disk", "the plan is in use") to the ``Hooks`` it was given, so it
runs and is tested without a screen. No Textual here.
"""

from __future__ import annotations

import socket
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Protocol

from backmap import content
from backmap.core import look_back, store
from backmap.core.flow import PLANNING, Flow
from backmap.core.plan import Plan
from backmap.core.safe_text import shown
from backmap.session import lock as locks
from backmap.session.lock import LockHolder
from backmap.session.plan_file import SaveResult, Session
from backmap.session.problems import plain_problem
from backmap.session.summaries import SummaryWriter

# Seconds from a key press to its draft on disk. Later keys do not restart the timer,
# so steady typing still reaches the disk every second.
DRAFT_DELAY = 1.0
# Seconds to let the summaries finish on quitting (a huge plan on an old laptop takes a few).
SUMMARY_WAIT = 30.0

Choices = list[tuple[str, str]]  # (key, words on the button)
FlowFor = Flow | Callable[[Plan], Flow]  # a flow, or how to make one for the plan once it is open


class Timer(Protocol):
    def stop(self) -> None: ...


class Hooks(Protocol):
    """What the keeper needs from whoever shows the plan: a screen, or plain lines."""

    def ask(self, title: str, text: str, choices: Choices, then: Callable[[str | None], None]) -> None:
        """Show a question with choices; call ``then`` with the chosen key (None: closed)."""

    def status_changed(self) -> None:
        """The status text changed: show it again."""

    def opened(self, index: int) -> None:
        """A plan is open and ready: show the step at ``index`` of the flow."""

    def plan_reloaded(self) -> None:
        """The plan was read again from its file: show the step anew."""

    def later(self, seconds: float, job: Callable[[], None]) -> Timer:
        """Run ``job`` once after ``seconds``, on the caller's thread."""


@dataclass
class Goodbye:
    """What to print when backmap ends, and its exit status: the truth about the files."""

    out: list[str] = field(default_factory=list)
    err: list[str] = field(default_factory=list)
    status: int = 0


class Keeper:
    """Holds one open plan at a time and keeps it safe on disk."""

    def __init__(self, folder: Path, hooks: Hooks, summaries: SummaryWriter | None = None) -> None:
        self.folder = folder
        self.hooks = hooks
        self.summaries = summaries if summaries is not None else SummaryWriter()
        self.session: Session | None = None
        self.flow: Flow = PLANNING  # the interview the open plan is in: planning or a look-back
        self.message = ""  # the last thing the status line must keep saying
        self.pinned = ""  # said until it is taken away, after any message (fixing a gap)
        self._drafts_pending: dict[str, str] = {}  # answer key -> words typed, not yet on disk
        self._drafts_touched: set[str] = set()  # drafts typed or shown in this run
        self._draft_timer: Timer | None = None
        self._asking_disk = False  # the "changed on disk" question is open
        self.quitting = False
        self._quit_tried = False  # a quit was refused once: the next one goes anyway
        self.unsaved_read_only = False  # answers given on a plan open read only
        self.copied_from_read_only = False  # ... and kept in a copy when quitting

    @property
    def plan(self) -> Plan:
        if self.session is None:
            self.session = Session(folder=self.folder)
        return self.session.plan

    @property
    def read_only(self) -> bool:
        return self.session is not None and self.session.read_only

    def moved_on(self, pinned: str = "") -> None:
        """Another step is shown: a note about the last one goes; ``pinned`` stays until the next."""
        self.message = ""
        self.pinned = pinned
        self.hooks.status_changed()

    def say(self, message: str) -> None:
        """Put a message on the status line until the next one."""
        self.message = message
        self.hooks.status_changed()

    # ----- opening --------------------------------------------------------------------

    def new_plan(self) -> None:
        self.flow = PLANNING
        session = Session(folder=self.folder)
        session.acquire_lock()  # taken when the plan gets its file
        self.use(session, 0)

    def open(self, path: Path, flow: FlowFor, carry_on: bool = True, note: str = "") -> None:
        """Open a plan (or start one at that path) on a flow, or on the flow made for it
        (a look-back's steps come from the plan); explain any problem in plain words."""
        try:
            session = Session.open(path, self.folder)
        except store.PlanError as error:
            self.show_problem(error, flow)
            return
        made = flow if isinstance(flow, Flow) else flow(session.plan)
        self.flow = made
        flow = made
        index = flow.first_unanswered(session.plan) if carry_on else 0
        drafts = session.load_draft()
        drafted = [
            i
            for i, page in enumerate(flow.pages)
            if (page.field and page.answer_key in drafts)
            or any(k.startswith(f"item:{page.key}:") for k in drafts)
        ]
        if carry_on and drafted:
            index = min(drafted)  # words typed last time and never finished come first
        elif carry_on and index > 0 and not note and flow.pages[index].pane not in ("check", "finish"):
            # Maybe a question skipped on purpose, not the step they stopped on: say why we are here.
            note = content.word("app", "carry_on_here")
        holder = session.acquire_lock()
        if holder is not None:
            self._ask_in_use(session, holder, index, note)
            return
        self.use(session, index, note)

    def open_look_back(self, path: Path, plan: Plan | None, way: str) -> None:
        """Open a plan on a look-back: ``way`` is one of ``look_back.ways_on(plan)`` (a new one,
        the one not finished, or an earlier one); ``plan`` is the plan as read to ask that."""
        checkin_id, carry_on, note = look_back.opening(plan, way)
        made: list[Plan] = []

        def steps(opened: Plan) -> Flow:
            before = len(opened.checkins)
            checkin = look_back.start_or_carry_on(opened, date.today(), checkin_id)
            if len(opened.checkins) > before:
                made.append(opened)
            return look_back.flow_for(opened, checkin.id)

        self.open(path, steps, carry_on=carry_on, note=note)
        # A new look-back is on disk from its first step (not yet when a question about the plan is open).
        if made and self.session is not None and self.session.plan is made[0]:
            self.changed(note)

    def use(self, session: Session, index: int, note: str = "") -> None:
        """Work on this session from now on, and give back the lock of the one before."""
        before = self.session
        if before is not None and before is not session:
            self.flush_drafts()
            self.forget_drafts(clear=False)
            self.summaries.wait(SUMMARY_WAIT)  # its summaries are ours to finish while we hold it
            if not _same_file(before.path, session.path):
                before.release_lock()  # the same plan opened again: the lock is the new one's too
        self.session = session
        self.message = note
        self.pinned = ""
        if session.summaries_behind():
            self._catch_up_summaries(session)
        self.hooks.opened(index)

    def _catch_up_summaries(self, session: Session) -> None:
        """Write the summaries of the plan as it is on disk, as a save would."""
        assert session.path is not None
        try:
            text = session.path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return  # it was read a moment ago; the next save writes them anyway
        self.summaries.write(text, session.path)

    def show_problem(self, error: store.PlanError, flow: FlowFor) -> None:
        """A plan we cannot open. A plan with broken links or repeated ids can be mended
        into a copy; a plan from a newer backmap is explained and left as it is."""
        choices: Choices = []
        if error.reason == "mendable":
            choices.append(("mend", content.word("problems", "mend")))
        title = content.word("problems", "cannot_open")
        self.hooks.ask(title, str(error), choices, lambda choice: self._after_problem(error, flow, choice))

    def _after_problem(self, error: store.PlanError, flow: FlowFor, choice: str | None) -> None:
        if choice != "mend":
            return
        try:
            mended = store.mend(error.path)
        except store.PlanError as again:
            self.show_problem(again, flow)
            return
        except OSError as trouble:
            reason = content.word("safety", "no_copy", reason=plain_problem(trouble))
            self.hooks.ask(content.word("problems", "cannot_open"), f"{error.path}\n{reason}", [], _nothing)
            return
        self.open(mended, flow, note=content.word("problems", "mended", path=mended.name))

    def _ask_in_use(self, session: Session, holder: LockHolder, index: int, note: str = "") -> None:
        """Another backmap has this plan open: read it only, or work on a copy. A lock from
        another computer can also be taken over: backmap cannot tell if it still runs there."""
        try:
            local = datetime.fromisoformat(holder.since).astimezone()
            clock, day = local.strftime("%H:%M"), content.long_date(local)
            since = content.word("dates", "time_date", time=clock, date=day)
        except ValueError:
            since = holder.since
        here = socket.gethostname()
        # On this computer the title says it all; from another, name that computer.
        elsewhere = locks.in_use_words(holder, here) if holder.host != here else []
        lines = [str(session.path), *elsewhere]
        if since:
            lines.append(content.word("safety", "in_use_since", host=holder.host, since=since))
        lines.append(content.word("problems", "in_use_choice"))
        choices = [("read", content.word("problems", "read")), ("copy", content.word("problems", "copy"))]
        if holder.host != here:
            choices.append(("take", content.word("problems", "take_over")))
        self.hooks.ask(
            content.word("problems", "in_use"),
            "\n".join(lines),
            choices,
            lambda choice: self._after_in_use(session, index, choice, note),
        )

    def _after_in_use(self, session: Session, index: int, choice: str | None, note: str = "") -> None:
        if choice == "read":
            session.read_only = True
            self.use(session, index, note)
        elif choice == "take":
            holder = session.take_over_lock()
            if holder is None:
                self.use(session, index, note)
            else:
                self._ask_in_use(session, holder, index, note)  # another took it meanwhile
        elif choice == "copy":
            try:
                copy = session.open_copy()
            except OSError as trouble:
                reason = content.word("safety", "no_copy", reason=plain_problem(trouble))
                self.hooks.ask(content.word("problems", "in_use"), reason, [], _nothing)
                return
            assert copy.path is not None
            self.use(copy, index, content.word("safety", "on_copy", name=copy.path.name))

    # ----- saving ---------------------------------------------------------------------

    def changed(self, note: str = "") -> None:
        """Something in the plan changed: save it at once and say so."""
        self.message = note
        if self.read_only:
            self.unsaved_read_only = True  # kept in a copy when we quit, never lost
        self.save()

    def save(self) -> SaveResult | None:
        """Save now; None when nothing was written (nothing to save yet, or a question is open)."""
        session = self.session
        if session is None or (session.path is None and session.plan.is_empty()):
            return None
        if self._asking_disk and not self.quitting:
            return None  # the answers stay in memory until the person chooses
        if not session.read_only and session.changed_on_disk():
            if self.quitting:
                self.keep_in_copy()
            else:
                self._ask_changed_on_disk()
            return None
        result = session.save(self.summaries)
        if result.ok:
            self.forget_drafts()
            self._quit_tried = False  # a later failure must stop a quit again
        self.hooks.status_changed()
        return result

    def _ask_changed_on_disk(self) -> None:
        """Another program changed the plan file: never write over it without asking."""
        session = self.session
        assert session is not None
        self._asking_disk = True
        self.hooks.ask(
            content.word("problems", "changed_on_disk"),
            f"{session.path}\n{content.word('safety', 'changed_text')}",
            [  # the safe choice first, where focus starts: nothing is written over
                ("reload", content.word("problems", "reload")),
                ("overwrite", content.word("problems", "overwrite")),
            ],
            self._after_changed_on_disk,
        )

    def _after_changed_on_disk(self, choice: str | None) -> None:
        self._asking_disk = False
        session = self.session
        if session is None:
            return
        if choice == "overwrite":
            if session.save(self.summaries).ok:
                self.forget_drafts()
        elif choice == "reload" and self.keep_in_copy(switch=False):
            try:
                session.reload()
            except store.PlanError as error:
                self.hooks.ask(content.word("problems", "cannot_open"), str(error), [], _nothing)
                return
            self.hooks.plan_reloaded()
        self.hooks.status_changed()

    def keep_in_copy(self, switch: bool = True) -> bool:
        """Save the answers in memory as a copy beside the plan, so nothing is lost or overwritten.

        With ``switch`` we carry on in the copy. False when no copy could be written.
        """
        session = self.session
        assert session is not None
        try:
            copy = session.open_copy()
        except OSError as trouble:
            self.say(content.word("safety", "no_copy", reason=plain_problem(trouble)))
            return False
        assert copy.path is not None
        self.forget_drafts()  # the words typed are in the copy now
        self.message = content.word("safety", "kept_copy", name=copy.path.name)
        if switch:
            copy.save(self.summaries)
            session.release_lock()
            self.session = copy
        else:
            copy.release_lock()
        self.hooks.status_changed()
        return True

    # ----- drafts ---------------------------------------------------------------------

    def typing(self, key: str, text: str) -> None:
        """Called on every key press in an answer box: keep the words as a draft very soon,
        so a crash or a closed window loses at most a second or two of typing."""
        if self.session is None or self.session.read_only:
            return
        self._drafts_pending[key] = text
        self._drafts_touched.add(key)
        if self._draft_timer is None:
            self._draft_timer = self.hooks.later(DRAFT_DELAY, self.flush_drafts)

    def flush_drafts(self) -> None:
        """Write the drafts typed since the last flush (also when the terminal closes)."""
        self._draft_timer = None
        pending, self._drafts_pending = self._drafts_pending, {}
        session = self.session
        if session is not None:
            kept = [session.save_draft(key, text) for key, text in pending.items()]
            if not all(kept) and session.draft_problem:
                self.say(session.draft_problem)

    def forget_drafts(self, clear: bool = True) -> None:
        """The plan is saved with every answer shown: drafts of this run are not needed."""
        if self._draft_timer is not None:
            self._draft_timer.stop()
            self._draft_timer = None
        self._drafts_pending.clear()
        if clear and self.session is not None:
            for key in self._drafts_touched:
                self.session.clear_draft(key)
        self._drafts_touched.clear()

    def drop_draft(self, key: str) -> None:
        """The person gave these words up on purpose: do not bring them back."""
        self._drafts_pending.pop(key, None)
        self._drafts_touched.discard(key)
        if self.session is not None:
            self.session.clear_draft(key)

    def draft_for(self, key: str, current: str = "") -> str | None:
        """Words typed last time for this answer that never reached the plan, or None.

        When there are some, the status line says so; the screen puts them in the box.
        """
        if self.session is None:
            return None
        text = self.session.load_draft().get(key)
        if text is None or not text.strip() or text == current:
            return None
        self._drafts_touched.add(key)
        self.say(content.word("safety", "draft_back"))
        return text

    def box_drafts(self, page_key: str) -> list[tuple[str | None, str]]:
        """Words typed last time in an Add or Change box of this step that never reached the
        plan: (the item's key, or None for a new one; the question's name), oldest first."""
        if self.session is None:
            return []
        prefix = f"item:{page_key}:"
        found = []
        for key, text in self.session.load_draft().items():
            if key.startswith(prefix) and text.strip():
                item, _, field = key.removeprefix(prefix).partition(":")
                found.append((None if item == "new" else item, field))
        return found

    # ----- the status line ------------------------------------------------------------

    def status_text(self, small: bool = False) -> str:
        session = self.session
        parts: list[str] = [content.word("app", "small_window")] if small else []
        if session is None:
            pass
        elif session.read_only:
            parts.append(content.word("app", "read_only"))
        elif session.last_save is None and session.path is not None and session.path.exists():
            parts.append(content.word("app", "opened", name=session.path.name))
        elif session.last_save is None:
            parts.append(content.word("app", "not_saved"))
        elif session.last_save.ok and self.summaries.problem and not self.summaries.busy:
            parts.append(content.word("app", "summary_failed", reason=self.summaries.problem))
        elif session.last_save.ok:
            when = session.last_save.when.astimezone().strftime("%H:%M:%S")
            parts.append(content.word("app", "saved", time=when))
        else:
            parts.append(content.word("app", "save_failed", reason=session.last_save.problem))
        if self.message:
            parts.append(self.message)
        if self.pinned and self.pinned != self.message:
            parts.append(self.pinned)
        return shown(" ".join(x for x in parts if x))  # file names are not ours: draw, never obey

    # ----- quitting -------------------------------------------------------------------

    def begin_quit(self) -> str:
        """Save for the last time. "stay": not now (the status says why); "wait": the
        summaries are still being written (call ``end_quit`` when they are); "go": quit."""
        if self.quitting:
            return "stay"  # already saving and waiting: one quit is enough
        self.quitting = True
        if self.unsaved_read_only and self.session is not None:
            self.unsaved_read_only = not self.keep_in_copy()  # the answers given, in a copy
            self.copied_from_read_only = not self.unsaved_read_only
        self.save()
        session = self.session
        last = session.last_save if session is not None and not session.read_only else None
        if last is not None and not last.ok and not self._quit_tried:
            # Never quit on a failed save at the first press: the answers live only here.
            self.quitting = False
            self._quit_tried = True
            self.flush_drafts()
            self.say(content.word("safety", "quit_again"))
            return "stay"
        self.flush_drafts()
        if self.summaries.busy:
            self.say(content.word("app", "writing_summary"))
            return "wait"
        return "go" if self.end_quit(in_time=True) else "stay"

    def end_quit(self, in_time: bool) -> bool:
        """The summaries are written (or took too long). True: quit now."""
        session = self.session
        written = in_time and not self.summaries.problem
        if not written and session is not None and not session.read_only and not self._quit_tried:
            # As with a failed save: say so, and quit only at the second press.
            self.quitting = False
            self._quit_tried = True
            again = content.word("safety", "quit_without_summary")
            if self.summaries.problem:  # the status line says what went wrong already
                self.say(again)
            else:
                slow = content.word("app", "summary_failed", reason=content.word("safety", "summary_slow"))
                self.say(f"{slow} {again}")
            return False
        self.close()
        return True

    def refused_quit(self) -> None:
        """A signal asked us to stop: the first failed save does not hold it back."""
        self._quit_tried = True

    def close(self) -> None:
        """Keep the words being typed, let the summaries finish, give the lock back."""
        self.flush_drafts()
        self.summaries.wait(SUMMARY_WAIT)
        if self.session is not None:
            self.session.release_lock()

    def goodbye(self) -> Goodbye:
        """Where the files are, said only when it is true. Status 1 when an answer or a
        summary is not on disk, with where the words still are."""
        bye = Goodbye()
        session = self.session
        if session is not None and self.unsaved_read_only:
            bye.err.append(content.word("safety", "read_only_lost"))
            bye.status = 1
        if session is None or session.path is None or session.last_save is None:
            return bye
        if not session.last_save.ok:
            bye.err.append(content.word("app", "save_failed", reason=session.last_save.problem))
            bye.err.append(content.word("safety", "last_not_saved"))
            if session.draft_path.exists():
                bye.err.append(content.word("safety", "words_in_draft", path=session.draft_path.resolve()))
            bye.status = 1
            return bye
        if self.copied_from_read_only:
            bye.out.append(content.word("safety", "read_only_copy"))
        bye.out.append(content.word("cli", "files", plan=session.path.resolve()))
        if self.summaries.busy or self.summaries.problem:
            reason = self.summaries.problem or content.word("safety", "summary_slow")
            bye.err.append(content.word("app", "summary_failed", reason=reason))
            bye.status = 1
            return bye
        assert session.summary_path is not None
        bye.out.append(content.word("cli", "summary", summary=session.summary_path.resolve()))
        page = session.page_path
        if page is not None and page.exists():
            bye.out.append(content.word("cli", "page", page=page.resolve()))
        return bye


def print_goodbye(bye: Goodbye) -> int:
    for line in bye.out:
        print(line)
    for line in bye.err:
        print(line, file=sys.stderr)
    return bye.status


def _same_file(one: Path | None, other: Path | None) -> bool:
    if one is None or other is None:
        return False
    try:
        return one.resolve() == other.resolve()
    except OSError:
        return one == other


def _nothing(_: str | None) -> None:
    """A question with nothing to do after it: the person has read it."""
