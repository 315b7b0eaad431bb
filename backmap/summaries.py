"""Writing the two summaries (.md and .html) of a saved plan on a background thread.

The plan file is written at once after every answer: it is what must never be lost,
and writing it takes milliseconds. Making the summaries takes most of a save (about
3 seconds for a plan of 10,000 activities), so the app hands that to this writer and
goes on taking key presses.

The writer makes the summaries from the plan's TOML text as it was saved, parsed
again on the thread, so it never shares a plan with the screens while they change it.
When several saves of a plan come while it works, it writes only the newest. Pure Python: no
Textual here.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from pathlib import Path

from backmap import store
from backmap.plan import Plan

Done = Callable[[str], None]  # called on the writer's thread with "" or the problem in plain words


def write_summaries(plan: Plan, plan_path: Path) -> None:
    """Make both summaries and write them beside the plan. May raise OSError."""
    from backmap import render

    store.write_text_atomic(store.summary_path(plan_path), render.markdown(plan))
    store.write_text_atomic(store.summary_path(plan_path, ".html"), render.html(plan))


class SummaryWriter:
    """One background thread at a time that writes the summaries of the newest save of each plan."""

    def __init__(self, done: Done | None = None) -> None:
        self.done = done
        self.problem = ""  # why the last summaries could not be written, in plain words
        self._guard = threading.Lock()  # guards _next, _thread and problem
        self._next: dict[Path, str] = {}  # plan file -> its newest saved text, oldest plan first
        self._thread: threading.Thread | None = None
        self._idle = threading.Event()
        self._idle.set()

    def write(self, plan_text: str, plan_path: Path) -> None:
        """Write the summaries of this saved text soon, in place of an older one not yet begun."""
        with self._guard:
            self._next.pop(plan_path, None)  # one waiting job per plan, so no plan is left out
            self._next[plan_path] = plan_text
            self._idle.clear()
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="backmap-summaries", daemon=True)
                self._thread.start()

    @property
    def busy(self) -> bool:
        return not self._idle.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until every summary asked for is written (on quitting). False on timeout."""
        return self._idle.wait(timeout)

    def _run(self) -> None:
        try:
            while self._one_job():
                pass
        finally:
            with self._guard:  # only something like MemoryError gets here with work left
                if self._thread is threading.current_thread():
                    self._next.clear()
                    self._thread = None
                    self._idle.set()

    def _one_job(self) -> bool:
        """Write the oldest waiting job; False when none is left."""
        with self._guard:
            plan_path = next(iter(self._next))
            plan_text = self._next.pop(plan_path)
        problem = ""
        try:
            write_summaries(store.loads(plan_text, name=plan_path.name), plan_path)
        except Exception as error:  # a summary must never take the app down with it
            problem = _plain(error)
        with self._guard:
            self.problem = problem
            more = bool(self._next)
            if not more:
                # Idle before telling anyone, so whoever reads busy and problem sees the end.
                self._thread = None
                self._idle.set()
        if self.done is not None:
            with contextlib.suppress(Exception):  # the app is closing: nobody is left to tell
                self.done(problem)
        return more


def _plain(error: Exception) -> str:
    from backmap import content
    from backmap.session import plain_problem

    if isinstance(error, (OSError, UnicodeError)):
        return plain_problem(error)
    return content.problem("save", "computer_said", reason=error)
