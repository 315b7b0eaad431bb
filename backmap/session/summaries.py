"""Writing the two summaries (.md and .html) of a saved plan without holding up typing.

Once the plan has a finished look-back, its impact story (NAME-story.html and .md) is
written with them, in the same way and at the same moment.

The plan file is written at once after every answer: it is what must never be lost,
and writing it takes milliseconds. Making the summaries takes most of a save (about
3 seconds for a plan of 10,000 activities), so the app hands that to this writer and
goes on taking key presses. Summaries that took under 40 ms last time (a plan of
everyday size: about 15 ms) are written on the caller's thread instead: at once, or,
when the caller gives a `later`, a moment later (the app: once the next question is on
screen, so the person never waits for them).

The writer makes the summaries from the plan's TOML text as it was saved, parsed
again, so the thread never shares a plan with the screens while they change it. When
several saves of a plan come while it works, it writes only the newest. Pure Python:
no Textual here.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from pathlib import Path

from backmap import content
from backmap.core import store
from backmap.core.plan import Plan
from backmap.session.problems import plain_problem

Done = Callable[[str], None]  # called on the writer's thread with "" or the problem in plain words
Later = Callable[[Callable[[], None]], object]  # runs a job soon on the caller's thread


def write_summaries(plan: Plan, plan_path: Path) -> None:
    """Make both summaries and write them beside the plan, and the impact story once the plan
    has a finished look-back. May raise OSError."""
    from backmap.core import render, story

    photos = render.Photos(plan_path)  # this save's photos: read and encoded once, for both pages
    store.write_text_atomic(store.summary_path(plan_path), render.markdown(plan))
    store.write_text_atomic(store.summary_path(plan_path, ".html"), render.html(plan, plan_path, photos))
    if story.has_story(plan):
        story.write(plan, plan_path, photos=photos)


# Seconds: summaries that took less than this last time are written at once, on the
# caller's thread. A thread costs more than such small work, and Python runs one thread
# at a time anyway, so for a plan of everyday size the next question comes sooner.
QUICK = 0.04


class SummaryWriter:
    """Writes the summaries of the newest save of each plan: at once when that was quick
    last time, else on one background thread."""

    def __init__(self, done: Done | None = None, quick: float = QUICK, later: Later | None = None) -> None:
        self.done = done
        self.quick = quick
        # Given, quick summaries are written a moment later on the caller's thread instead of
        # at once: the app asks for them after the next question is on screen.
        self.later = later
        self._deferred = False  # a later() call is on its way
        self.problem = ""  # why the last summaries could not be written, in plain words
        self._took = float("inf")  # seconds the last summaries took; unknown at first
        self._guard = threading.Lock()  # guards _next, _thread and problem
        self._next: dict[Path, str] = {}  # plan file -> its newest saved text, oldest plan first
        self._thread: threading.Thread | None = None
        self._idle = threading.Event()
        self._idle.set()

    def write(self, plan_text: str, plan_path: Path) -> None:
        """Write the summaries of this saved text soon, in place of an older one not yet begun."""
        at_once = ask_later = False
        with self._guard:
            self._next.pop(plan_path, None)  # one waiting job per plan, so no plan is left out
            self._next[plan_path] = plan_text
            self._idle.clear()
            if self._thread is None and self._took < self.quick:
                if self.later is None:
                    at_once = True
                elif not self._deferred:
                    self._deferred = ask_later = True
            elif self._thread is None:
                self._thread = threading.Thread(target=self._run, name="backmap-summaries", daemon=True)
                self._thread.start()
        if at_once:
            self._write_waiting()
        elif ask_later:
            self.later(self._write_later)  # type: ignore[misc]

    def _write_later(self) -> None:
        with self._guard:
            self._deferred = False
        self._write_waiting()

    def _write_waiting(self) -> None:
        """Write every waiting job here, on the caller's thread."""
        while self._one_job():
            pass

    @property
    def busy(self) -> bool:
        return not self._idle.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until every summary asked for is written (on quitting). False on timeout.

        Summaries waiting for later are written now, on this thread: whoever waits may be
        the very thread that later() would have used.
        """
        with self._guard:
            waiting_here = self._deferred and self._thread is None
        if waiting_here:
            self._write_waiting()
        return self._idle.wait(timeout)

    def _run(self) -> None:
        try:
            self._write_waiting()
        finally:
            with self._guard:  # only something like MemoryError gets here with work left
                if self._thread is threading.current_thread():
                    self._next.clear()
                    self._thread = None
                    self._idle.set()

    def _one_job(self) -> bool:
        """Write the oldest waiting job, on whichever thread calls; False when none is left."""
        with self._guard:
            if not self._next:  # another thread took the last one
                self._stop()
                return False
            plan_path = next(iter(self._next))
            plan_text = self._next.pop(plan_path)
        problem = self._make(plan_text, plan_path)
        with self._guard:
            self.problem = problem
            more = bool(self._next)
            if not more:
                self._stop()  # idle before telling anyone, so they see the end
        self._tell(problem)
        return more

    def _stop(self) -> None:
        """No job is left: the writer's thread (if it is this one) ends. Call under _guard."""
        if self._thread is threading.current_thread():
            self._thread = None
        if self._thread is None:
            self._idle.set()

    def _make(self, plan_text: str, plan_path: Path) -> str:
        """Write both summaries; "" or the problem in plain words. Notes how long it took."""
        began = time.perf_counter()
        problem = ""
        try:
            write_summaries(store.loads(plan_text, name=plan_path.name), plan_path)
        except Exception as error:  # a summary must never take the app down with it
            problem = _plain(error)
        self._took = time.perf_counter() - began
        return problem

    def _tell(self, problem: str) -> None:
        if self.done is not None:
            with contextlib.suppress(Exception):  # the app is closing: nobody is left to tell
                self.done(problem)


def _plain(error: Exception) -> str:
    if isinstance(error, (OSError, UnicodeError)):
        return plain_problem(error)
    return content.problem("save", "computer_said", reason=error)
