"""Saving never blocks typing: the plan file is written at once, its summaries on a thread.

These tests hold the summary writer still with an event, so they prove what happens
while it works without ever depending on how long anything takes.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import os
import threading
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from textual.pilot import Pilot

from backmap import content
from backmap.app import SUMMARY_DELAY, BackmapApp
from backmap.core import flow, render, store
from backmap.core.plan import Plan
from backmap.session.plan_file import Session
from backmap.session.summaries import SummaryWriter, write_summaries
from backmap.widgets.answer import AnswerBox
from backmap.widgets.status import StatusLine
from tests.example_plans import EXAMPLE
from tests.pilot_helpers import SIZE, answer, go_to, make_app, screen_text, type_text

WAIT = 30.0  # seconds: only a safety net so a broken test ends; never reached when all is well


class HeldRender:
    """Makes render.html wait until the test lets it go, and counts the plans it was given."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.started = threading.Event()
        self.release = threading.Event()
        self.plans: list[Plan] = []
        self.timed_out = False
        real = render.html

        def held(plan: Plan, plan_path: Path | None = None, photos: render.Photos | None = None) -> str:
            self.plans.append(plan)
            self.started.set()
            if not self.release.wait(WAIT):
                self.timed_out = True
            return real(plan, plan_path, photos)

        monkeypatch.setattr(render, "html", held)


def summaries_fail(monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on, writing a .md or .html fails as on a full disk; the plan file still saves."""
    real_write = store.write_text_atomic

    def no_summary(target, text, keep_backup=False):  # type: ignore[no-untyped-def]
        if str(target).endswith((".md", ".html")):
            raise OSError(errno.ENOSPC, "No space left on device")
        real_write(target, text, keep_backup=keep_backup)

    monkeypatch.setattr(store, "write_text_atomic", no_summary)


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    """The example with its summaries written after it, as a backmap that quit leaves it."""
    path = tmp_path / "day-centre.toml"
    path.write_bytes(EXAMPLE.read_bytes())
    write_summaries(store.load(path), path)
    return path


@contextlib.asynccontextmanager
async def on_the_impact_question(app: BackmapApp) -> AsyncIterator[Pilot]:
    """The app running at 80x24 on the first impact question, where an answer saves."""
    async with app.run_test(size=SIZE) as pilot:
        go_to(app, flow.index_of("impact_project"))
        await pilot.pause()
        yield pilot


def status(app) -> str:
    return str(app.screen.query_one(StatusLine).render())


async def status_after_summaries(pilot, expected: str) -> str:
    """The status line once the writer has told the app it is done (or after 200 rounds).

    The writer tells the app from its own thread, just after it has become idle, so the
    news can come a few rounds of the app's work later: wait for rounds, not for time.
    """
    app = pilot.app
    assert app.keeper.summaries.wait(WAIT)
    for _ in range(200):
        if expected in status(app):
            break
        await pilot.pause()
    return status(app)


# ----- the plan file -----------------------------------------------------------------------


def test_saving_again_reuses_unchanged_rows_and_writes_the_same_text(monkeypatch: pytest.MonkeyPatch) -> None:
    import tomli_w

    plan = store.load(EXAMPLE)
    store.dumps(plan)  # the rows are now known
    plan.activities[1].text = "A new name for the second activity"
    plan.outcomes[0].how_we_know = "We count who comes"
    written: list[object] = []
    real = tomli_w.dumps
    monkeypatch.setattr(tomli_w, "dumps", lambda data, **kw: written.append(data) or real(data, **kw))
    again = store.dumps(plan)
    assert len(written) == 3  # the top of the file and the two changed rows, nothing else
    monkeypatch.undo()
    store._row_texts.clear()
    fresh = store.dumps(plan)
    assert again == fresh
    assert store.loads(again) == plan
    assert "A new name for the second activity" in again


def test_a_row_with_values_from_a_newer_backmap_is_written_afresh_each_time() -> None:
    plan = store.load(EXAMPLE)
    plan.activities[0].extra["hours"] = 3
    first = store.dumps(plan)
    plan.activities[0].extra["hours"] = 4
    second = store.dumps(plan)
    assert "hours = 3" in first and "hours = 4" in second
    assert store.loads(second).activities[0].extra["hours"] == 4


# ----- the writer on its own ----------------------------------------------------------------


def test_the_writer_writes_both_summaries_of_the_saved_text(tmp_path: Path) -> None:
    plan = store.load(EXAMPLE)
    path = tmp_path / "plan.toml"
    said: list[str] = []
    writer = SummaryWriter(done=said.append)
    writer.write(store.dumps(plan), path)
    assert writer.wait(WAIT)
    assert said == [""]
    assert store.summary_path(path).read_text(encoding="utf-8") == render.markdown(plan)
    assert store.summary_path(path, ".html").read_text(encoding="utf-8") == render.html(plan)


def test_only_the_newest_of_many_saves_is_written_after_the_one_at_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = HeldRender(monkeypatch)
    path = tmp_path / "plan.toml"
    writer = SummaryWriter()
    plan = Plan(title="First")
    writer.write(store.dumps(plan), path)
    assert held.started.wait(WAIT)
    for title in ("Second", "Third", "Fourth"):
        plan.title = title
        writer.write(store.dumps(plan), path)
    assert writer.busy
    held.release.set()
    assert writer.wait(WAIT)
    assert [p.title for p in held.plans] == ["First", "Fourth"]
    assert "Fourth" in store.summary_path(path, ".html").read_text(encoding="utf-8")
    assert not held.timed_out


def test_a_waiting_save_of_one_plan_is_not_dropped_for_another_plan(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = HeldRender(monkeypatch)
    first, second = tmp_path / "a.toml", tmp_path / "b.toml"
    writer = SummaryWriter()
    writer.write(store.dumps(Plan(title="A one")), first)
    assert held.started.wait(WAIT)
    writer.write(store.dumps(Plan(title="A two")), first)
    writer.write(store.dumps(Plan(title="B one")), second)
    held.release.set()
    assert writer.wait(WAIT)
    assert [p.title for p in held.plans] == ["A one", "A two", "B one"]
    assert "A two" in store.summary_path(first).read_text(encoding="utf-8")
    assert "B one" in store.summary_path(second).read_text(encoding="utf-8")


def test_the_writer_is_idle_before_it_says_it_is_done(tmp_path: Path) -> None:
    """Whoever is told reads busy and problem at once: they must already say the end."""
    seen: list[tuple[bool, str]] = []
    writer = SummaryWriter(done=lambda problem: seen.append((writer.busy, writer.problem)))
    writer.write(store.dumps(Plan(title="Tea")), tmp_path / "plan.toml")
    assert writer.wait(WAIT)
    assert seen == [(False, "")]


def test_a_summary_that_cannot_be_written_is_said_in_plain_words_and_tried_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "plan.toml"
    said: list[str] = []
    writer = SummaryWriter(done=said.append)
    summaries_fail(monkeypatch)
    writer.write(store.dumps(Plan(title="Tea")), path)
    assert writer.wait(WAIT)
    assert said == [content.word("safety", "disk_full")]
    assert writer.problem == said[0]

    monkeypatch.undo()
    writer.write(store.dumps(Plan(title="Tea")), path)
    assert writer.wait(WAIT)
    assert said[-1] == "" and writer.problem == ""
    assert store.summary_path(path).exists()


def test_summaries_that_were_quick_are_written_at_once_and_slow_ones_on_the_thread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[int] = []
    real = render.markdown

    def noted(plan: Plan) -> str:
        threads.append(threading.get_ident())
        return real(plan)

    monkeypatch.setattr(render, "markdown", noted)
    path = tmp_path / "plan.toml"
    writer = SummaryWriter(quick=60.0)  # anything counts as quick here
    writer.write(store.dumps(Plan(title="One")), path)  # how long it takes is not known yet
    assert writer.wait(WAIT)
    writer.write(store.dumps(Plan(title="Two")), path)
    assert not writer.busy  # done before write() returned
    assert "Two" in store.summary_path(path).read_text(encoding="utf-8")
    assert threads[0] != threading.get_ident() and threads[1] == threading.get_ident()

    writer.quick = 0.0  # now nothing counts as quick
    writer.write(store.dumps(Plan(title="Three")), path)
    assert writer.wait(WAIT)
    assert threads[2] != threading.get_ident()
    assert "Three" in store.summary_path(path).read_text(encoding="utf-8")


def test_quick_summaries_given_a_later_are_written_when_it_runs_and_only_the_newest(
    tmp_path: Path,
) -> None:
    jobs: list = []
    path = tmp_path / "plan.toml"
    writer = SummaryWriter(quick=60.0, later=jobs.append)
    writer.write(store.dumps(Plan(title="One")), path)  # not known to be quick yet: thread
    assert writer.wait(WAIT) and not jobs
    writer.write(store.dumps(Plan(title="Two")), path)
    writer.write(store.dumps(Plan(title="Three")), path)
    assert len(jobs) == 1  # one call for both saves
    assert writer.busy
    assert "One" in store.summary_path(path).read_text(encoding="utf-8")  # nothing yet
    jobs.pop()()
    assert not writer.busy
    summary = store.summary_path(path).read_text(encoding="utf-8")
    assert "Three" in summary and "Two" not in summary


def test_waiting_writes_what_waits_for_later_on_the_waiting_thread(tmp_path: Path) -> None:
    jobs: list = []
    path = tmp_path / "plan.toml"
    writer = SummaryWriter(quick=60.0, later=jobs.append)
    writer.write(store.dumps(Plan(title="One")), path)
    assert writer.wait(WAIT)
    writer.write(store.dumps(Plan(title="Two")), path)
    assert writer.wait(0.5)  # the later() call never ran: waiting must not hang
    assert "Two" in store.summary_path(path).read_text(encoding="utf-8")
    jobs.pop()()  # runs late: nothing is left to do, and nothing breaks
    assert not writer.busy and writer.problem == ""


def test_without_a_writer_a_session_writes_everything_before_it_returns(tmp_path: Path) -> None:
    session = Session(folder=tmp_path, plan=Plan(title="Tea and talk"))
    assert session.save().ok
    assert session.summary_path is not None and session.page_path is not None
    assert "Tea and talk" in session.summary_path.read_text(encoding="utf-8")
    assert "Tea and talk" in session.page_path.read_text(encoding="utf-8")


# ----- in the app ------------------------------------------------------------------------------


async def test_typing_goes_on_while_the_summaries_are_written(
    tmp_path: Path, plan_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(tmp_path, plan_file)
    async with on_the_impact_question(app) as pilot:
        held = HeldRender(monkeypatch)
        await answer(pilot, " Everyone feels welcome")
        assert held.started.wait(WAIT)

        # The summaries are still being made, yet the answer is already in the plan file...
        assert store.load(plan_file).impact.project.endswith(" Everyone feels welcome")
        assert app.keeper.summaries.busy
        # ...and the next question takes key presses at once.
        await type_text(pilot, "Typed while saving")
        box = app.screen.query_one(AnswerBox)
        assert "Typed while saving" in box.text
        assert app.keeper.summaries.busy and not held.timed_out

        held.release.set()
        assert app.keeper.summaries.wait(WAIT)
        page = plan_file.with_suffix(".html").read_text(encoding="utf-8")
        assert "Everyone feels welcome" in page
        assert "Everyone feels welcome" in plan_file.with_suffix(".md").read_text(encoding="utf-8")


async def test_the_next_question_comes_before_the_summaries_are_written(
    tmp_path: Path, plan_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(tmp_path, plan_file)
    async with on_the_impact_question(app) as pilot:
        app.keeper.summaries.quick = 60.0  # a plan of everyday size: its summaries are quick
        await answer(pilot, " and tea")
        await pilot.pause(SUMMARY_DELAY * 3)
        shown_then: list[str] = []
        real = render.markdown

        def noted(plan: Plan) -> str:
            shown_then.append(app.screen.page.key)  # type: ignore[attr-defined]
            return real(plan)

        monkeypatch.setattr(render, "markdown", noted)
        await answer(pilot, " and more")
        assert store.load(plan_file).impact.coproduction.endswith(" and more")  # saved at once
        await pilot.pause(SUMMARY_DELAY * 3)
        # The summary was made once, and only after the next question was on screen.
        assert shown_then == ["lasting_change"] and not app.keeper.summaries.busy
        assert " and more" in plan_file.with_suffix(".md").read_text(encoding="utf-8")


async def test_the_status_line_says_when_the_summary_could_not_be_written(
    tmp_path: Path, plan_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(tmp_path, plan_file)
    async with on_the_impact_question(app) as pilot:
        summaries_fail(monkeypatch)
        await answer(pilot, " and more")
        shown = await status_after_summaries(pilot, "The summary could not be written")
        assert "The summary could not be written" in shown
        assert content.word("safety", "disk_full") in shown
        assert store.load(plan_file).impact.project.endswith(" and more")  # the answers are safe

        monkeypatch.undo()  # the disk has room again
        await answer(pilot, " again")
        shown = await status_after_summaries(pilot, "Saved at")
        assert "Saved at" in shown
        assert "summary could not" not in shown


async def test_quitting_when_the_summary_could_not_be_written_asks_for_a_second_press(
    tmp_path: Path, plan_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(tmp_path, plan_file)
    async with on_the_impact_question(app) as pilot:
        summaries_fail(monkeypatch)
        await answer(pilot, " and more")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running
        said = content.word("safety", "quit_without_summary")
        assert said in status(app)
        assert status(app).count(content.word("safety", "disk_full")) == 1  # said once, not twice
        # Whole on the screen at 80x24, not cut after "quit without".
        assert said in " ".join(screen_text(app).split())
        assert store.load(plan_file).impact.project.endswith(" and more")
        await pilot.press("ctrl+q")
    assert not app.is_running


async def test_quitting_says_it_is_writing_the_summary_and_keeps_drawing(
    tmp_path: Path, plan_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(tmp_path, plan_file)
    async with on_the_impact_question(app) as pilot:
        held = HeldRender(monkeypatch)
        await answer(pilot, " at the end")
        assert held.started.wait(WAIT)
        exits: list[bool] = []
        real_exit = app.exit

        def exit_now(*args: object, **kwargs: object) -> None:
            exits.append(app.keeper.summaries.busy)
            real_exit(*args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(app, "exit", exit_now)
        await pilot.press("ctrl+q")
        await pilot.pause()
        # The app still draws while it waits, and says why it has not closed yet.
        assert exits == []
        assert content.word("app", "writing_summary") in status(app)
        await pilot.press("ctrl+q")  # a second press does not start a second quit
        held.release.set()
        for _ in range(600):  # until the writer is done and the app has quit (at most WAIT)
            if exits:
                break
            await asyncio.sleep(0.05)
    assert exits == [False]
    assert "at the end" in plan_file.with_suffix(".html").read_text(encoding="utf-8")


# ----- summaries left behind ---------------------------------------------------------------


def test_summaries_are_behind_when_missing_or_older_than_the_plan(plan_file: Path) -> None:
    session = Session.open(plan_file, plan_file.parent)
    assert not session.summaries_behind()
    session.page_path.unlink()
    assert session.summaries_behind()
    store.write_text_atomic(session.summary_path, "old")
    store.write_text_atomic(session.page_path, "old")
    assert not session.summaries_behind()
    later = plan_file.stat().st_mtime_ns + 1_000_000_000
    os.utime(plan_file, ns=(later, later))  # the plan changed after them (or they were never written)
    assert session.summaries_behind()
    session.read_only = True  # another window holds the plan: its summaries are not ours to write
    assert not session.summaries_behind()


async def test_opening_a_plan_writes_summaries_left_behind(plan_file: Path) -> None:
    """A backmap stopped between saving the plan and writing its summaries leaves them behind."""
    summary = store.summary_path(plan_file)
    page = store.summary_path(plan_file, ".html")
    summary.write_text("An old summary\n", encoding="utf-8")
    earlier = plan_file.stat().st_mtime_ns - 1_000_000_000
    os.utime(summary, ns=(earlier, earlier))
    plan = store.load(plan_file)
    app = make_app(plan_file.parent, plan_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.keeper.summaries.wait(WAIT)
        assert summary.read_text(encoding="utf-8") == render.markdown(plan)
        assert page.read_text(encoding="utf-8") == render.html(plan)
        assert plan_file.read_bytes() == EXAMPLE.read_bytes()  # the plan itself is not saved again


async def test_summaries_that_are_up_to_date_are_not_written_again(plan_file: Path) -> None:
    summary = store.summary_path(plan_file)
    page = store.summary_path(plan_file, ".html")
    for path in (summary, page):
        path.write_text("Written after the plan\n", encoding="utf-8")
    app = make_app(plan_file.parent, plan_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.5)
        assert app.keeper.summaries.wait(WAIT)
    kept = "Written after the plan\n"
    assert summary.read_text(encoding="utf-8") == page.read_text(encoding="utf-8") == kept
