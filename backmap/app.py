"""The Textual app: keys, moving between steps, and saving after every answer.

Screens change the plan through this app; only this app saves, and it saves
through ``session`` and ``store``. The welcome screen stays at the bottom of
the screen stack and the steps sit above it.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
import time
import weakref
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events
from textual.app import App
from textual.binding import Binding
from textual.screen import Screen
from textual.timer import Timer

from backmap import compat, content, memory
from backmap.compat import start_with_theme
from backmap.core import flow, store
from backmap.core.plan import Plan
from backmap.core.safe_text import shown
from backmap.session import settings
from backmap.session.plan_file import LockHolder, Session, plain_problem
from backmap.session.speech import Speaker
from backmap.session.summaries import SummaryWriter
from backmap.themes import DEFAULT, ORDER, THEMES

if TYPE_CHECKING:
    from backmap.screens.step import StepScreen

compat.apply()  # a memory leak in Textual 8.2.8: see backmap/compat.py


def _key(name: str) -> str:
    return content.word("keys", name)


# Seconds from a key press to its draft on disk. The timer is not restarted by later keys,
# so steady typing still reaches the disk every second: well inside the 2 seconds we promise.
DRAFT_DELAY = 1.0
# The longest keys typed ahead are kept for the next question (then they go to whatever
# has focus), in seconds.
TYPE_AHEAD_LIMIT = 3.0
# Keys that always act at once, even while others are kept.
_ALWAYS_KEYS = frozenset({"ctrl+q", "ctrl+c"})
# Keys that may bring a new screen: keys pressed after them wait for it.
_MOVING_KEYS = frozenset({"enter", "ctrl+n", "ctrl+r", "escape", "ctrl+g", "ctrl+p", "ctrl+l", "f1"})
# Seconds to let the summaries finish on quitting (a huge plan on an old laptop takes a few).
SUMMARY_WAIT = 30.0
# Seconds after a screen goes before its memory is freed: the next one is drawn first.
TIDY_DELAY = 0.1
# Seconds after a save before its summaries (quick ones) are written: the next question first.
SUMMARY_DELAY = 0.3
# Seconds after start before the steps' code is loaded: the welcome screen is drawn first.
WARM_UP_DELAY = 0.5


class BackmapApp(App[int]):
    CSS_PATH = "backmap.tcss"
    TITLE = "backmap"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [
        Binding("ctrl+n", "next", _key("next"), key_display="Ctrl+N", id="next"),
        Binding("ctrl+r", "back", _key("back"), key_display="Ctrl+R", id="back"),
        Binding("f1", "help", _key("help"), key_display="F1", id="help"),
        Binding("ctrl+s", "save", _key("save"), key_display="Ctrl+S", id="save"),
        Binding("ctrl+g", "goto", _key("goto"), key_display="Ctrl+G", id="goto"),
        Binding("ctrl+l", "glossary", _key("glossary"), key_display="Ctrl+L", id="glossary", show=False),
        Binding("ctrl+o", "read_aloud", _key("read"), key_display="Ctrl+O", id="read", show=False),
        Binding("ctrl+t", "next_theme", _key("theme"), key_display="Ctrl+T", id="theme", show=False),
        Binding("ctrl+p", "pathway", _key("pathway"), key_display="Ctrl+P", id="pathway", show=False),
        Binding("ctrl+q", "save_and_quit", _key("quit"), key_display="Ctrl+Q", id="quit", priority=True),
    ]

    def __init__(self, folder: Path, plan_path: Path | None = None, speaker: Speaker | None = None) -> None:
        super().__init__()
        self.folder = folder
        self.plan_path = plan_path
        self.session: Session | None = None
        self.speaker = speaker if speaker is not None else Speaker()
        self.settings = settings.load_settings()
        self.message = ""  # the last thing the status line must keep saying
        self.fixing_from: int | None = None  # a gap chosen on this check step: Next goes back
        self._speech_timer: Timer | None = None
        self._drafts_pending: dict[str, str] = {}  # answer key -> words typed, not yet on disk
        self._drafts_touched: set[str] = set()  # drafts typed or shown in this run
        self._draft_timer: Timer | None = None
        self._asking_disk = False  # the "changed on disk" question is open
        self._tidy_timer: Timer | None = None
        self._tidy_again = False  # another screen went while a collection was waiting
        self._warmed = False  # the steps' code is loaded and the start set aside
        self._quitting = False
        self._quit_tried = False
        # The summaries are written on a thread, so typing never waits for them.
        self.summaries = SummaryWriter(
            done=self._summaries_done_elsewhere,
            later=lambda job: self.set_timer(SUMMARY_DELAY, job),
        )
        # Keys pressed while the next question is on its way: kept, then given to it.
        self._held_keys: list[events.Key] = []
        self._waiting = False  # a key that may bring a new screen has not had its effect yet
        self._held_since = 0.0
        self._looking = False  # a look at whether the screen is ready is queued
        self._shown_screens: weakref.WeakSet[Screen] = weakref.WeakSet()  # had focus once
        self._kept: list[StepScreen] = []  # one screen of each kind to show again (see _keep)
        self.animation_level = "none"  # nothing moves on screen unless a person moves it
        for theme in THEMES.values():
            self.register_theme(theme)
        chosen = self.settings.get("theme", DEFAULT)
        start_with_theme(self, chosen if chosen in THEMES else DEFAULT)

    # ----- the plan -------------------------------------------------------------------

    @property
    def plan(self) -> Plan:
        if self.session is None:
            self.session = Session(folder=self.folder)
        return self.session.plan

    def get_default_screen(self) -> Screen:
        from backmap.screens.welcome import WelcomeScreen

        return WelcomeScreen()

    def on_mount(self) -> None:
        self._watch_signals()
        if self.plan_path is not None:
            self.open_plan(self.plan_path, carry_on=True)
        else:
            self.set_timer(WARM_UP_DELAY, self._warm_up)

    def _warm_up(self) -> None:
        """Load what every plan needs while the person reads the welcome, then set it aside.

        The step screens and the summary templates are needed on the first step anyway.
        Loaded now, they are set aside with the rest of the start, so the collection after
        each step (see _replace_screen) has less to look at: 12 ms a step instead of 40.
        A plan opened sooner (from the command line, or a quick Enter) does it first.
        """
        if self._warmed:
            return
        self._warmed = True
        from backmap.core import render
        from backmap.screens import check, finish, item, lists, question  # noqa: F401

        render.load_templates()
        if len(self.screen_stack) == 1:  # only the welcome: a step set aside would never go
            memory.set_aside_start_up()

    def on_unmount(self) -> None:
        memory.give_back()

    async def _replace_screen(self, screen: Screen) -> Screen:
        """A screen went (a step replaced, a box closed): free its memory once the next is up."""
        replaced = await super()._replace_screen(screen)
        if self.is_screen_installed(screen):
            screen.forget_drawing()  # kept to show again: only its drawing can go
            return replaced
        if self._tidy_timer is None:
            self._tidy_timer = self.set_timer(TIDY_DELAY, self._tidy)
        else:
            self._tidy_again = True  # gone after the timer was set: it may still be in use then
        return replaced

    def _tidy(self) -> None:
        """At most one collection each TIDY_DELAY, and one after the last screen went."""
        compat.forget_gone_watchers(self)
        memory.collect()
        if self._tidy_again:
            self._tidy_again = False
            self._tidy_timer = self.set_timer(TIDY_DELAY, self._tidy)
        else:
            self._tidy_timer = None

    def start_new_plan(self) -> None:
        session = Session(folder=self.folder)
        session.acquire_lock()  # taken when the plan gets its file
        self.use_session(session, 0)

    def open_plan(self, path: Path, carry_on: bool = True, note: str = "") -> None:
        """Open a plan (or start one at that path); explain any problem in plain words."""
        try:
            session = Session.open(path, self.folder)
        except store.PlanError as error:
            self.show_problem(error)
            return
        index = flow.first_unanswered(session.plan) if carry_on else 0
        drafted = [flow.index_of(p.key) for p in flow.PAGES if p.field and p.field in session.load_draft()]
        if carry_on and drafted:
            index = min(drafted)  # words typed last time and never finished come first
        elif carry_on and index > 0 and not note and flow.PAGES[index].kind not in ("check", "finish"):
            # Maybe a question skipped on purpose, not the step they stopped on: say why we are here.
            note = content.word("app", "carry_on_here")
        holder = session.acquire_lock()
        if holder is not None:
            self.ask_in_use(session, holder, index)
            return
        self.use_session(session, index, note)

    def use_session(self, session: Session, index: int, note: str = "") -> None:
        """Work on this session from now on, and give back the lock of the one before."""
        if self.session is not None and self.session is not session:
            self.flush_drafts()
            self.forget_drafts(clear=False)
            self.summaries.wait(SUMMARY_WAIT)  # its summaries are ours to finish while we hold it
            self.session.release_lock()
        self._warm_up()
        self.session = session
        self.message = note
        if session.summaries_behind():
            self._catch_up_summaries(session)
        self.go_to(index)

    def _catch_up_summaries(self, session: Session) -> None:
        """Write the summaries of the plan as it is on disk, as a save would."""
        assert session.path is not None
        try:
            text = session.path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return  # it was read a moment ago; the next save writes them anyway
        self.summaries.write(text, session.path)

    def ask(
        self, title: str, text: str, choices: list[tuple[str, str]], then: Callable[[str | None], None]
    ) -> None:
        """Show a problem with choices once the current key press is done.

        Pushed from the app, never from a screen that may be switched away meanwhile,
        so the answer always arrives.
        """
        from backmap.screens.dialogs import ProblemScreen

        self.call_later(lambda: self.push_screen(ProblemScreen(title, text, choices), callback=then))

    def show_problem(self, error: store.PlanError) -> None:
        """A plan we cannot open. A plan with broken links or repeated ids can be mended
        into a copy; a plan from a newer backmap is explained and left as it is."""
        choices: list[tuple[str, str]] = []
        if error.reason == "mendable":
            choices.append(("mend", content.word("problems", "mend")))
        title = content.word("problems", "cannot_open")
        self.ask(title, str(error), choices, lambda choice: self._after_problem(error, choice))

    def _after_problem(self, error: store.PlanError, choice: str | None) -> None:
        if choice != "mend":
            return
        try:
            mended = store.mend(error.path)
        except store.PlanError as again:
            self.show_problem(again)
            return
        except OSError as trouble:
            reason = content.word("safety", "no_copy", reason=plain_problem(trouble))
            self.ask(content.word("problems", "cannot_open"), f"{error.path}\n{reason}", [], lambda _: None)
            return
        self.open_plan(mended, carry_on=True, note=content.word("problems", "mended", path=mended.name))

    def ask_in_use(self, session: Session, holder: LockHolder, index: int) -> None:
        """Another backmap has this plan open: read it only, or work on a copy."""
        try:
            local = datetime.fromisoformat(holder.since).astimezone()
            clock, day = local.strftime("%H:%M"), content.long_date(local)
            since = content.word("dates", "time_date", time=clock, date=day)
        except ValueError:
            since = holder.since
        lines = [
            str(session.path),
            content.word("problems", "in_use"),
            content.word("safety", "in_use_since", host=holder.host, since=since),
            content.word("problems", "in_use_choice"),
        ]
        choices = [("read", content.word("problems", "read")), ("copy", content.word("problems", "copy"))]
        self.ask(
            content.word("problems", "in_use"),
            "\n".join(lines),
            choices,
            lambda choice: self._after_in_use(session, index, choice),
        )

    def _after_in_use(self, session: Session, index: int, choice: str | None) -> None:
        if choice == "read":
            session.read_only = True
            self.use_session(session, index)
        elif choice == "copy":
            try:
                copy = session.open_copy()
            except OSError as trouble:
                reason = content.word("safety", "no_copy", reason=plain_problem(trouble))
                self.ask(content.word("problems", "in_use"), reason, [], lambda _: None)
                return
            assert copy.path is not None
            self.use_session(copy, index, content.word("safety", "on_copy", name=copy.path.name))

    # ----- keys typed ahead -------------------------------------------------------------

    async def on_event(self, event: events.Event) -> None:
        """Keep the keys pressed while the next question is on its way, then give them to it.

        After Enter, the next question takes a moment to appear (longer on an old laptop).
        Without this, what a quick typist typed in that moment went into the answer just
        finished, or nowhere. Ctrl+Q still works at once.
        """
        if not isinstance(event, events.Key) or event.is_forwarded or getattr(event, "_typed_ahead", False):
            await super().on_event(event)
            return
        if event.key not in _ALWAYS_KEYS and (self._held_keys or self._waiting or not self._settled()):
            if not self._held_keys and not self._waiting:
                self._held_since = time.monotonic()
            self._held_keys.append(event)
            self._look_again()
            return
        await super().on_event(event)
        self._after_key(event.key)

    def _after_key(self, key: str) -> None:
        if key in _MOVING_KEYS:
            # This key may bring a new screen: keys after it wait until it has come.
            self._waiting = True
            self._held_since = time.monotonic()
            self._look_again()

    def _settled(self) -> bool:
        """The screen is up, has put its focus, and has dealt with every key given so far."""
        screen = self.screen
        if screen not in self._shown_screens:
            if not screen.is_mounted or (screen.focused is None and screen.focus_chain):
                return False
            self._shown_screens.add(screen)  # if focus goes later (a click), keys still pass
        # A key's message (Enter's "pressed") goes up from the focused widget to the screen.
        path = screen.focused.ancestors_with_self if screen.focused is not None else [screen]
        return all(node._message_queue.empty() for node in path if node is not self)

    def _look_again(self) -> None:
        # Through the app's own queue, not a timer: the look comes right after the work
        # already queued, so kept keys wait no longer than the screen needs.
        if not self._looking:
            self._looking = True
            self.call_later(self._give_held_keys)

    async def _give_held_keys(self) -> None:
        self._looking = False
        if not self._held_keys and not self._waiting:
            return
        if time.monotonic() - self._held_since < TYPE_AHEAD_LIMIT and not self._settled():
            await asyncio.sleep(0)  # let the screens work before looking again
            self._look_again()
            return
        self._waiting = False
        while self._held_keys and not self._waiting:
            key = self._held_keys.pop(0)
            again = events.Key(key.key, key.character)
            again._typed_ahead = True  # type: ignore[attr-defined]
            again.set_sender(self)
            await super().on_event(again)
            self._after_key(key.key)

    # ----- moving between steps ---------------------------------------------------------

    def make_screen(self, index: int) -> StepScreen:
        from backmap.screens.check import CheckScreen
        from backmap.screens.finish import FinishScreen
        from backmap.screens.lists import ListScreen
        from backmap.screens.question import QuestionScreen

        kind = flow.PAGES[index].kind
        if kind == "text":
            return QuestionScreen(index)
        if kind == "check":
            return CheckScreen(index)
        if kind == "finish":
            return FinishScreen(index)
        return ListScreen(index)

    def go_to(self, index: int, point_at: str | None = None) -> None:
        """Show step ``index``; ``point_at`` is the key of a row to start on, if it has rows."""
        self.speaker.stop()  # never read out a question that is no longer on screen
        self.fixing_from = None
        step = self.current_step()
        if step is not None and step.can_show(index):
            step.show(index)  # a step of the same kind: its screen shows this one (see show)
            step.point_at(point_at)
            return
        screen = self._kept_screen_for(index)
        if screen is None:
            screen = self.make_screen(index)
            if screen.reusable:
                self._keep(screen)
        screen.point_at(point_at)
        if len(self.screen_stack) > 1:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def _kept_screen_for(self, index: int) -> StepScreen | None:
        """A kept screen that can show this step, showing it; None if there is none."""
        for screen in self._kept:
            if screen.can_show(index):
                screen.show(index)
                return screen
        return None

    def _keep(self, screen: StepScreen) -> None:
        """Keep one screen of each kind that can be reused, from one kind of step to another.

        Going from a question to a list and back would otherwise build a new screen of
        about 30 widgets each time: most of the time Next took (see bench/). Installed,
        a screen stays whole when another takes its place.
        """
        if any(type(kept) is type(screen) for kept in self._kept):
            return  # one of its kind is kept already (not yet up): this one goes as usual
        self.install_screen(screen, f"kept-{type(screen).__name__}")
        self._kept.append(screen)

    def fix_gap(self, index: int, check: int, item: str | None = None) -> None:
        """Go to the step that fills a gap, on the gap's row; Next and Back there come back to the check."""
        self.message = content.word("app", "fixing")
        self.go_to(index, point_at=item)
        self.fixing_from = check

    def _back_to_check(self) -> bool:
        check, self.fixing_from = self.fixing_from, None
        if check is None:
            return False
        self.go_to(check)
        return True

    def go_next(self, index: int) -> None:
        self.message = ""  # a note about the last step does not follow to the next one
        if self._back_to_check():
            return
        following = flow.next_index(index)
        if following is None:
            self.back_to_welcome()
        else:
            self.go_to(following)

    def go_back(self, index: int) -> None:
        self.message = ""
        if self._back_to_check():
            return
        previous = flow.previous_index(index)
        if previous is None:
            self.back_to_welcome()
        else:
            self.go_to(previous)

    def back_to_welcome(self) -> None:
        self.fixing_from = None
        while len(self.screen_stack) > 1:
            self.pop_screen()

    def current_step(self):  # -> StepScreen | None
        from backmap.screens.step import StepScreen

        return self.screen if isinstance(self.screen, StepScreen) else None

    # ----- saving ----------------------------------------------------------------------

    def changed(self, note: str = "") -> None:
        """Something in the plan changed: save it at once and say so on screen."""
        self.message = note
        self.save()

    def save(self) -> None:
        session = self.session
        if session is None:
            return
        if session.path is None and session.plan.is_empty():
            return
        if self._asking_disk and not self._quitting:
            return  # the answers stay in memory until the person chooses
        if not session.read_only and session.changed_on_disk():
            if self._quitting:
                self.keep_in_copy()
            else:
                self.ask_changed_on_disk()
            return
        if session.save(self.summaries).ok:
            self.forget_drafts()
        self.show_status()

    def _summaries_done_elsewhere(self, problem: str) -> None:
        """Called on the writer's thread: tell the status line on the app's own thread."""
        loop = self._loop  # Textual's own: set while the app runs, None once it has stopped
        if loop is not None:
            with contextlib.suppress(RuntimeError):  # the app has closed: nothing to show
                loop.call_soon_threadsafe(self.show_status)

    def ask_changed_on_disk(self) -> None:
        """Another program changed the plan file: never write over it without asking."""
        session = self.session
        assert session is not None
        self._asking_disk = True
        self.ask(
            content.word("problems", "changed_on_disk"),
            f"{session.path}\n{content.word('safety', 'changed_text')}",
            [
                ("overwrite", content.word("problems", "overwrite")),
                ("reload", content.word("problems", "reload")),
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
                self.show_problem(error)
                return
            step = self.current_step()
            if step is not None:
                self.go_to(step.index)
        self.show_status()

    def keep_in_copy(self, switch: bool = True) -> bool:
        """Save the answers in memory as a copy beside the plan, so nothing is lost or overwritten.

        With ``switch`` we carry on in the copy. False when no copy could be written.
        """
        session = self.session
        assert session is not None
        try:
            copy = session.open_copy()
        except OSError as trouble:
            self.message = content.word("safety", "no_copy", reason=plain_problem(trouble))
            self.show_status()
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
        self.show_status()
        return True

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Step keys only show, and only work, where there is a step."""
        if action in ("next", "back"):
            return hasattr(self.screen, f"action_{action}")
        if action in ("goto", "save"):
            return self.current_step() is not None
        return True

    def on_resize(self, event: events.Resize) -> None:
        # A short window drops the spaces between things, so the question stays in sight.
        self.set_class(event.size.height < 24, "-short")
        self.show_status()

    def status_text(self) -> str:
        session = self.session
        small = self.size.width < 60 or self.size.height < 20
        note = content.word("app", "small_window") if small else ""
        if session is None:
            return shown(" ".join(x for x in (note, self.message) if x))
        parts: list[str] = [note] if note else []
        if session is not None and session.read_only:
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
        return shown(" ".join(parts))  # file names are not ours: draw, never obey, what they hold

    def show_status(self) -> None:
        from backmap.widgets.status import StatusLine

        for screen in self.screen_stack:
            for line in screen.query(StatusLine):
                line.update(self.status_text())

    def typing(self, field: str, text: str) -> None:
        """Called on every key press in an answer box: keep the words as a draft very soon,
        so a crash or a closed window loses at most a second or two of typing."""
        session = self.session
        if session is None or session.read_only:
            return
        self._drafts_pending[field] = text
        self._drafts_touched.add(field)
        if self._draft_timer is None:
            self._draft_timer = self.set_timer(DRAFT_DELAY, self.flush_drafts)

    def flush_drafts(self) -> None:
        """Write the drafts typed since the last flush (also called when the terminal closes)."""
        self._draft_timer = None
        pending, self._drafts_pending = self._drafts_pending, {}
        if self.session is not None:
            for key, text in pending.items():
                self.session.save_draft(key, text)

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

    def drop_draft(self, field: str) -> None:
        """The person gave these words up on purpose: do not bring them back."""
        self._drafts_pending.pop(field, None)
        self._drafts_touched.discard(field)
        if self.session is not None:
            self.session.clear_draft(field)

    def draft_for(self, field: str, current: str = "") -> str | None:
        """Words typed last time for this answer that never reached the plan, or None.

        When there are some, the status line says so; the screen puts them in the box.
        """
        if self.session is None:
            return None
        text = self.session.load_draft().get(field)
        if text is None or not text.strip() or text == current:
            return None
        self._drafts_touched.add(field)
        self.message = content.word("safety", "draft_back")
        self.show_status()
        return text

    def _watch_signals(self) -> None:
        """A closed terminal (SIGHUP) keeps what was typed; SIGTERM saves and quits."""
        if self.is_headless:
            return  # tests: no terminal to close, and the event loop is the test's
        with contextlib.suppress(NotImplementedError, RuntimeError, AttributeError, ValueError):
            loop = asyncio.get_running_loop()
            loop.add_signal_handler(signal.SIGHUP, self._hang_up)
            loop.add_signal_handler(signal.SIGTERM, self._terminate)

    def _hang_up(self) -> None:
        # The terminal is gone, so nothing can be drawn or asked. Every answer is saved
        # already; the words being typed go to the draft, then we stop.
        self.flush_drafts()
        self.summaries.wait(SUMMARY_WAIT)  # the plan is on disk; let its summaries catch up
        if self.session is not None:
            self.session.release_lock()
        os._exit(129)

    def _terminate(self) -> None:
        self._quit_tried = True
        self.action_save_and_quit()

    # ----- actions (keys) ----------------------------------------------------------------

    def _on_step(self, name: str) -> None:
        screen = self.screen
        action = getattr(screen, f"action_{name}", None)
        if action is not None:
            action()

    def action_next(self) -> None:
        self._on_step("next")

    def action_back(self) -> None:
        self._on_step("back")

    def action_save(self) -> None:
        step = self.current_step()
        if step is not None:
            step.keep_answer()
        self.message = ""
        if self.session is None or (self.session.path is None and self.session.plan.is_empty()):
            return
        self.save()

    def action_goto(self) -> None:
        from backmap.screens.dialogs import GotoScreen

        step = self.current_step()
        if step is None and self.session is None:
            return
        if step is not None:
            step.keep_answer()
        self.push_screen(
            GotoScreen(step.index if step is not None else None),
            callback=self._go_to_chosen,
        )

    def _go_to_chosen(self, index: int | None) -> None:
        if index is not None:
            self.message = ""  # a note about the last step does not follow to the next one
            self.go_to(index)

    def action_glossary(self) -> None:
        from backmap.screens.dialogs import glossary_dialog

        if self.screen.id != "glossary":
            self.push_screen(glossary_dialog())

    def action_pathway(self) -> None:
        """The pathway drawn, from any step; the answer on screen is kept first."""
        from backmap.screens.pathway import PathwayScreen

        step = self.current_step()
        if step is None:
            return
        step.keep_answer()
        self.push_screen(PathwayScreen(self.plan))

    def action_help(self) -> None:
        from backmap.screens.dialogs import help_dialog

        if self.screen.id == "help":
            return
        keys = [(b.key_display or b.key, b.description) for b in self.BINDINGS if isinstance(b, Binding)]
        self.push_screen(help_dialog(keys))

    def action_read_aloud(self) -> None:
        spoken = getattr(self.screen, "spoken_text", None)
        text = spoken() if spoken is not None else content.word("welcome", "title")
        result = self.speaker.toggle(text)
        self.message = content.word("speech", result)
        if self._speech_timer is not None:
            self._speech_timer.stop()
            self._speech_timer = None
        if result == "started":
            self._speech_timer = self.set_interval(0.5, self._speech_done, name="speech")
        self.show_status()

    def _speech_done(self) -> None:
        """When reading aloud ends by itself, the status line stops saying it is reading."""
        if self.speaker.speaking:
            return
        self.speaker.stop()  # collects the finished process
        if self._speech_timer is not None:
            self._speech_timer.stop()
            self._speech_timer = None
        if self.message == content.word("speech", "started"):
            self.message = ""
            self.show_status()

    def action_next_theme(self) -> None:
        index = ORDER.index(self.theme) if self.theme in ORDER else -1
        self.theme = ORDER[(index + 1) % len(ORDER)]
        self.settings["theme"] = self.theme
        settings.save_settings(self.settings)
        self.message = content.word("app", "theme", name=content.word("themes", self.theme))
        self.show_status()

    def action_save_and_quit(self) -> None:
        if self._quitting:
            return  # already saving and waiting for the summaries: one quit is enough
        self._quitting = True
        from backmap.screens.item import ItemScreen

        # Words typed in an open Add or Change box are answers too, even while a question
        # ("Throw away these words?") is open over it.
        for dialog in self.screen_stack:
            if isinstance(dialog, ItemScreen) and not dialog.closing:
                dialog.keep()
        step = self.current_step()
        if step is not None:
            step.keep_answer()
        self.save()
        session = self.session
        failed = session is not None and not session.read_only and session.last_save is not None
        if failed and not session.last_save.ok and not self._quit_tried:  # type: ignore[union-attr]
            # Never quit on a failed save at the first press: the answers live only here.
            self._quitting = False
            self._quit_tried = True
            self.flush_drafts()
            self.message = content.word("safety", "quit_again")
            self.show_status()
            return
        self.flush_drafts()
        # The files a person keeps are whole before we say where they are. A big plan's
        # summaries take seconds: say so, and keep drawing while we wait.
        if self.summaries.busy:
            self.message = content.word("app", "writing_summary")
            self.show_status()
            self.run_worker(self._quit_when_written(), name="quit", group="quit")
        else:
            self._end_quit(in_time=True)

    async def _quit_when_written(self) -> None:
        self._end_quit(await asyncio.to_thread(self.summaries.wait, SUMMARY_WAIT))

    def _end_quit(self, in_time: bool) -> None:
        session = self.session
        written = in_time and not self.summaries.problem
        if not written and session is not None and not session.read_only and not self._quit_tried:
            # As with a failed save: say so, and quit only at the second press.
            self._quitting = False
            self._quit_tried = True
            reason = self.summaries.problem or content.word("safety", "summary_slow")
            failed = content.word("app", "summary_failed", reason=reason)
            self.message = f"{failed} {content.word('safety', 'quit_without_summary')}"
            self.show_status()
            return
        if session is not None:
            session.release_lock()
        self.speaker.stop()
        self.exit(0)


def run_app(plan_arg: str | None, folder: Path) -> int:
    plan_path = Path(plan_arg).expanduser() if plan_arg else None
    app = BackmapApp(folder=folder, plan_path=plan_path)
    try:
        result = app.run()
    finally:
        app.flush_drafts()
        app.summaries.wait(SUMMARY_WAIT)
        if app.session is not None:
            app.session.release_lock()
    session = app.session
    if session is not None and session.path is not None and session.last_save is not None:
        print(content.word("cli", "files", plan=session.path.resolve()))
        if app.summaries.busy or app.summaries.problem:
            reason = app.summaries.problem or content.word("safety", "summary_slow")
            print(content.word("app", "summary_failed", reason=reason), file=sys.stderr)
        else:
            print(content.word("cli", "summary", summary=session.summary_path.resolve()))  # type: ignore[union-attr]
            page = session.page_path
            if page is not None and page.exists():
                print(content.word("cli", "page", page=page.resolve()))
    elif session is not None and session.last_save is not None and not session.last_save.ok:
        print(content.word("app", "save_failed", reason=session.last_save.problem), file=sys.stderr)
    return result if isinstance(result, int) else 0
