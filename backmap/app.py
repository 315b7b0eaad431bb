"""The Textual app: themes, the keys that work everywhere, start and quit.

The welcome screen stays at the bottom of the stack; the interview screen walks a flow
above it. The keeper (``backmap.session.keeper``) holds the open plan and saves it; the
app only shows what the keeper asks and says.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.screen import Screen
from textual.timer import Timer

from backmap import compat, content
from backmap.core import flow, look_back, store
from backmap.core.flow import Flow
from backmap.read_aloud import ReadAloud
from backmap.session import settings
from backmap.session.keeper import SUMMARY_WAIT, Choices, Keeper, print_goodbye
from backmap.session.speech import Speaker
from backmap.session.summaries import SummaryWriter
from backmap.themes import DEFAULT, THEMES, next_theme
from backmap.type_ahead import TypeAhead

if TYPE_CHECKING:
    from backmap.core.plan import Plan
    from backmap.screens.interview import InterviewScreen
    from backmap.screens.welcome import WelcomeScreen
    from backmap.session.plan_file import Session

compat.apply()  # a memory leak in Textual 8.2.8: see backmap/compat.py

# Seconds after a save before its summaries (quick ones) are written: the next question first.
SUMMARY_DELAY = 0.3
# The window every step fits without scrolling; the footer's keys need its width on one line.
FULL_SIZE = (80, 24)
NARROW_WIDTH = FULL_SIZE[0]


def _key(name: str) -> str:
    return content.word("keys", name)


class BackmapApp(TypeAhead):
    CSS_PATH = "backmap.tcss"
    TITLE = "backmap"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [
        Binding("f1", "help", _key("help"), key_display="F1", id="help"),
        Binding("ctrl+l", "glossary", _key("glossary"), key_display="Ctrl+L", id="glossary", show=False),
        # Priority: it reads every screen, dialogs too (other app keys stop at a dialog).
        Binding(
            "ctrl+o", "read_aloud", _key("read"), key_display="Ctrl+O", id="read", show=False, priority=True
        ),
        Binding("ctrl+t", "next_theme", _key("theme"), key_display="Ctrl+T", id="theme", show=False),
        Binding("ctrl+q", "save_and_quit", _key("quit"), key_display="Ctrl+Q", id="quit", priority=True),
    ]

    def __init__(
        self,
        folder: Path,
        plan_path: Path | None = None,
        speaker: Speaker | None = None,
        look_back: bool = False,
    ) -> None:
        super().__init__()
        self.folder = folder
        self.plan_path = plan_path
        self.start_looking_back = look_back  # `backmap look-back PLAN`: start there
        self.settings = settings.load_settings()
        # The summaries are written on a thread, so typing never waits for them.
        summaries = SummaryWriter(done=self._summaries_done, later=self._later_job)
        self.keeper = Keeper(folder, hooks=self, summaries=summaries)
        self.read_aloud = ReadAloud(self, self.keeper, speaker if speaker is not None else Speaker())
        self.animation_level = "none"  # nothing moves on screen unless a person moves it
        for theme in THEMES.values():
            self.register_theme(theme)
        chosen = self.settings.get("theme", DEFAULT)
        self.theme = chosen if chosen in THEMES else DEFAULT

    @property
    def plan(self) -> Plan:
        return self.keeper.plan

    @property
    def session(self) -> Session | None:
        return self.keeper.session

    @property
    def flow(self) -> Flow:
        """The interview the open plan is in: the planning one, or a look-back."""
        return self.keeper.flow

    def get_default_screen(self) -> Screen[object]:
        from backmap.screens.welcome import WelcomeScreen

        return WelcomeScreen(self.folder)

    def on_mount(self) -> None:
        self._watch_signals()
        if self.plan_path is not None and self.start_looking_back:
            self.look_back(self.plan_path)
        elif self.plan_path is not None:
            self.keeper.open(self.plan_path, flow.PLANNING)
        self.status_changed()

    # ----- what the keeper asks of a screen (session.keeper.Hooks) -----------------------

    def ask(self, title: str, text: str, choices: Choices, then: Callable[[str | None], None]) -> None:
        """Show a problem with choices once the current key press is done, from the app,
        never from a screen that may be gone meanwhile, so the answer always arrives."""
        from backmap.screens.dialogs import ProblemScreen

        self.call_later(lambda: self.push_screen(ProblemScreen(title, text, choices), callback=then))

    def status_changed(self) -> None:
        from backmap.widgets.status import StatusLine

        # Below 80x24 some step needs scrolling (easy-read rule 9): say so.
        small = self.size.width < FULL_SIZE[0] or self.size.height < FULL_SIZE[1]
        text = self.keeper.status_text(small=small)
        for screen in self.screen_stack:
            for line in screen.query(StatusLine):
                line.update(text)

    def opened(self, index: int) -> None:
        from backmap.screens.interview import InterviewScreen

        interview = self.interview()
        if interview is not None and interview.flow is self.flow:
            interview.go_to(index)
        else:
            while len(self.screen_stack) > 1:  # a plan chosen from a list, or a question
                self.pop_screen()
            self.push_screen(InterviewScreen(self.flow, self.keeper, index, self.keeper.status_text()))

    def plan_reloaded(self) -> None:
        """The new version is open: a box still open may show an item it no longer has."""
        interview = self.interview()
        if interview is not None:
            while self.screen is not interview:
                self.pop_screen()  # its words are in the copy the keeper made
            interview.go_to(interview.index)

    def later(self, seconds: float, job: Callable[[], None]) -> Timer:
        return self.set_timer(seconds, job)

    def _later_job(self, job: Callable[[], None]) -> object:
        return self.set_timer(SUMMARY_DELAY, job)

    def _summaries_done(self, problem: str) -> None:
        """Called on the writer's thread: show the status on the app's own thread."""
        loop = compat.event_loop(self)
        if loop is not None:
            with contextlib.suppress(RuntimeError):  # the app has closed: nothing to show
                loop.call_soon_threadsafe(self.status_changed)

    def interview(self) -> InterviewScreen | None:
        from backmap.screens.interview import InterviewScreen

        for screen in reversed(self.screen_stack):
            if isinstance(screen, InterviewScreen):
                return screen
        return None

    # ----- messages from the screens ---------------------------------------------------

    def on_welcome_screen_new_plan(self) -> None:
        self.keeper.new_plan()

    def on_welcome_screen_open_plan(self, message: WelcomeScreen.OpenPlan) -> None:
        self.keeper.open(message.path, flow.PLANNING)

    def on_welcome_screen_look_back(self, message: WelcomeScreen.LookBack) -> None:
        self.look_back(message.path)

    # ----- looking back ---------------------------------------------------------------

    def look_back(self, path: Path) -> None:
        """Look back at a plan: a new look-back, the one not finished, or (when asked for) an
        earlier one. With only one way on, no question is asked."""
        try:
            plan = store.load(path)
        except (store.PlanError, OSError):
            plan = None  # opening it explains the problem
        ways = look_back.ways_on(plan) if plan is not None else [("new", "")]
        if len(ways) == 1 or plan is None:
            self.keeper.open_look_back(path, plan, ways[0][0])
            return
        title = content.word("look_back", "choose_title", name=path.name)
        self.ask(
            title, look_back.ways_on_text(plan), ways, lambda way: self._look_back_chosen(path, plan, way)
        )

    def _look_back_chosen(self, path: Path, plan: Plan, way: str | None) -> None:
        if way is not None:
            self.keeper.open_look_back(path, plan, way)

    def on_interview_screen_step_shown(self) -> None:
        self.read_aloud.stop()  # never read out a question that is no longer on screen
        self.status_changed()

    def on_interview_screen_quit_asked(self) -> None:
        self.action_save_and_quit()

    def on_resize(self) -> None:
        # Textual's own handler, which runs after this one, is what sets the new size.
        self.call_later(self.fit_window)

    def fit_window(self) -> None:
        # A short window drops the spaces between things, so the question stays in sight.
        self.set_class(self.size.height < 24, "-short")
        # A narrow window puts the footer's keys on two lines, so none is cut off at the edge.
        self.set_class(self.size.width < NARROW_WIDTH, "-narrow")
        self.status_changed()

    # ----- keys that work everywhere ----------------------------------------------------

    def action_glossary(self) -> None:
        from backmap.screens.dialogs import glossary_dialog

        if self.screen.id != "glossary":
            self.push_screen(glossary_dialog())

    def action_help(self) -> None:
        from backmap.screens.dialogs import help_dialog
        from backmap.screens.interview import InterviewScreen

        if self.screen.id == "help":
            return
        shown = [*InterviewScreen.BINDINGS, *self.BINDINGS]
        keys = [(b.key_display or b.key, b.description) for b in shown if isinstance(b, Binding)]
        self.push_screen(help_dialog(keys))

    def action_read_aloud(self) -> None:
        self.read_aloud.toggle(self.screen)

    def action_next_theme(self) -> None:
        self.theme = next_theme(self.theme)
        self.settings["theme"] = self.theme
        settings.save_settings(self.settings)
        self.keeper.say(content.word("app", "theme", name=content.word("themes", self.theme)))

    # ----- quitting -----------------------------------------------------------------------

    def action_save_and_quit(self) -> None:
        from backmap.screens.item import ItemScreen

        # Words typed in an open Add or Change box are answers too, even under a question.
        for dialog in self.screen_stack:
            if isinstance(dialog, ItemScreen) and not dialog.closing:
                dialog.keep()
        interview = self.interview()
        if interview is not None and not self.keeper.quitting:
            interview.keep_answer()
        result = self.keeper.begin_quit()
        if result == "wait":  # a big plan's summaries take seconds: keep drawing meanwhile
            self.run_worker(self._quit_when_written(), name="quit", group="quit")
        elif result == "go":
            self._end()

    async def _quit_when_written(self) -> None:
        in_time = await asyncio.to_thread(self.keeper.summaries.wait, SUMMARY_WAIT)
        if self.keeper.end_quit(in_time):
            self._end()

    def _end(self) -> None:
        self.read_aloud.stop()
        self.exit(0)

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
        self.keeper.close()
        os._exit(129)

    def _terminate(self) -> None:
        self.keeper.refused_quit()
        self.action_save_and_quit()


def run_app(plan_arg: str | None, folder: Path, look_back: bool = False) -> int:
    plan_path = Path(plan_arg).expanduser() if plan_arg else None
    app = BackmapApp(folder=folder, plan_path=plan_path, look_back=look_back)
    try:
        result = app.run()
    finally:
        app.keeper.close()
    status = print_goodbye(app.keeper.goodbye())
    return status or (result if isinstance(result, int) else 0)
