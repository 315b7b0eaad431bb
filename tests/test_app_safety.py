"""The app keeps words safe: drafts, a plan open twice, files changed by others, failed saves.

Pilot tests at 80x24. Waits poll with a generous limit; no test asserts how long anything took.
"""

from __future__ import annotations

import errno
import json
import os
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot

from backmap import content
from backmap.app import BackmapApp
from backmap.core import flow, store
from backmap.core.plan import Plan, now
from backmap.screens.dialogs import ConfirmScreen, ProblemScreen
from backmap.screens.interview import InterviewScreen
from backmap.screens.item import ItemScreen
from backmap.session.plan_file import Session
from backmap.widgets.answer import AnswerBox
from backmap.widgets.status import StatusLine
from tests.example_plans import example_copy
from tests.pilot_helpers import (
    SIZE,
    answer,
    go_to,
    make_app,
    on_pane,
    open_add_box,
    screen_text,
    settle,
    type_text,
)


def plan_file(folder: Path, **impact: str) -> Path:
    plan = Plan(title="Our day centre")
    for key, value in impact.items():
        setattr(plan.impact, key, value)
    path = folder / "our-day-centre.toml"
    store.save(plan, path)
    return path


async def wait_for(pilot: Pilot, done: Callable[[], bool], limit: float = 10.0) -> None:
    """Let the app run until done() is true (or the limit passes, and the assert after says so)."""
    waited = 0.0
    while not done() and waited < limit:
        await pilot.pause(0.05)
        waited += 0.05


def status(app: BackmapApp) -> str:
    return str(app.screen.query_one(StatusLine).render())


def drafts(path: Path) -> dict[str, str]:
    draft = path.with_name(path.name + ".draft")
    if not draft.exists():
        return {}
    return json.loads(draft.read_text(encoding="utf-8"))["answers"]


@pytest.fixture
def other_backmap() -> Iterator[int]:
    """A live process that is not us: its pid stands for another backmap."""
    process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        yield process.pid
    finally:
        process.kill()
        process.wait()


# ----- drafts ---------------------------------------------------------------------------


async def test_typing_is_kept_as_a_draft_and_a_finished_answer_clears_it(tmp_path: Path) -> None:
    path = plan_file(tmp_path)
    app = make_app(tmp_path, path)
    async with app.run_test(size=SIZE) as pilot:
        assert on_pane(app, "question")
        assert app.screen.page.field == "impact.project"
        await type_text(pilot, "More people come")
        await wait_for(pilot, lambda: drafts(path).get("impact.project") == "More people come")
        assert drafts(path) == {"impact.project": "More people come"}
        assert store.load(path).impact.project == ""  # not an answer until Enter

        await pilot.press("enter")
        await pilot.pause()
        assert store.load(path).impact.project == "More people come"
        assert drafts(path) == {}
        assert not path.with_name(path.name + ".draft").exists()


async def test_a_draft_comes_back_when_the_plan_opens_again(tmp_path: Path) -> None:
    path = plan_file(tmp_path)
    Session.open(path, tmp_path).save_draft("impact.project", "Words from [bold]before[/] the crash")
    app = make_app(tmp_path, path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert on_pane(app, "question")
        box = app.screen.query_one("#answer", AnswerBox)
        assert box.text == "Words from [bold]before[/] the crash"
        assert content.word("safety", "draft_back") in status(app)
        await type_text(pilot, " and more")
        await pilot.press("enter")
        await pilot.pause()
    assert store.load(path).impact.project == "Words from [bold]before[/] the crash and more"
    assert drafts(path) == {}


async def test_carry_on_opens_where_the_person_was_typing(tmp_path: Path) -> None:
    """Killed while typing the change that stays: the plan opens on that question, words back."""
    path = plan_file(tmp_path)
    Session.open(path, tmp_path).save_draft("impact.lasting_change", "It stays")
    app = make_app(tmp_path, path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert on_pane(app, "question")
        assert app.screen.page.key == "lasting_change"  # not the first unanswered step
        assert app.screen.query_one("#answer", AnswerBox).text == "It stays"
        await pilot.press("ctrl+r", "ctrl+r")  # Back keeps the words as the answer
        assert store.load(path).impact.lasting_change == "It stays"
        assert drafts(path) == {}
        await answer(pilot, "More people come")
        await answer(pilot, "We share the work")
        assert app.screen.query_one("#answer", AnswerBox).text == "It stays"
    assert store.load(path).impact.project == "More people come"


async def test_an_item_being_typed_is_kept_and_comes_back(tmp_path: Path) -> None:
    path = plan_file(tmp_path, project="p", coproduction="c", lasting_change="l")
    app = make_app(tmp_path, path)
    async with app.run_test(size=SIZE) as pilot:
        assert on_pane(app, "list")
        await open_add_box(pilot)  # Add
        assert isinstance(app.screen, ItemScreen)
        await type_text(pilot, "A ramp at the door")
        key = "item:outcomes_project:new:text"
        await wait_for(pilot, lambda: key in drafts(path))
        assert drafts(path) == {key: "A ramp at the door"}

    # As after a crash: the dialog opens again by itself, with the words in it.
    app = make_app(tmp_path, path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ItemScreen)
        assert app.screen.query_one("#item-answer", AnswerBox).text == "A ramp at the door"
        await pilot.press("enter")
        await pilot.pause()
        assert [o.text for o in store.load(path).outcomes] == ["A ramp at the door"]
        assert key not in drafts(path)


async def test_quitting_with_an_item_open_keeps_its_words(tmp_path: Path) -> None:
    """Found by a new user: Ctrl+Q in an Add box said "saved" and threw the words away."""
    path = plan_file(tmp_path, project="p", coproduction="c", lasting_change="l")
    app = make_app(tmp_path, path)
    async with app.run_test(size=SIZE) as pilot:
        await open_add_box(pilot)  # Add
        assert isinstance(app.screen, ItemScreen)
        await type_text(pilot, "A ramp at the door")
        await pilot.press("ctrl+q")
    assert not app.is_running
    assert [o.text for o in store.load(path).outcomes] == ["A ramp at the door"]


async def test_a_new_item_given_up_leaves_no_draft(tmp_path: Path) -> None:
    path = plan_file(tmp_path, project="p", coproduction="c", lasting_change="l")
    app = make_app(tmp_path, path)
    async with app.run_test(size=SIZE) as pilot:
        await open_add_box(pilot)
        await type_text(pilot, "Not this one")
        app.keeper.flush_drafts()
        assert drafts(path)
        await pilot.press("escape")  # asks first: "Throw away these words?"
        await settle(pilot)
        await pilot.press("tab", "enter")  # Throw them away
        await settle(pilot)
        assert on_pane(app, "list")
        assert drafts(path) == {}


async def _escape_with_words(pilot: Pilot, app: BackmapApp, words: str) -> ConfirmScreen:
    """Add, type some words, press Escape: the question is asked, "Keep them" focused."""
    await open_add_box(pilot)  # Add
    assert isinstance(app.screen, ItemScreen)
    await type_text(pilot, words)
    await pilot.press("escape")
    await settle(pilot)
    question = app.screen
    assert isinstance(question, ConfirmScreen)
    assert isinstance(app.screen_stack[-2], ItemScreen)  # the words are still there, under it
    seen = screen_text(app)
    assert content.word("item", "throw_question") in seen
    assert words in seen
    assert question.focused is not None and question.focused.id == "no"
    assert str(question.focused.label).strip() == "> " + content.word("buttons", "keep_words")
    return question


@pytest.mark.parametrize("keep_key", ["enter", "escape"])
async def test_escape_with_new_words_asks_and_keeps_them(tmp_path: Path, keep_key: str) -> None:
    """Escape in a new Add box with words in it asks first. Enter (on "Keep them") or
    Escape again keeps the words in the box; nothing is thrown away."""
    path = plan_file(tmp_path, project="p", coproduction="c", lasting_change="l")
    app = make_app(tmp_path, path)
    async with app.run_test(size=SIZE) as pilot:
        await _escape_with_words(pilot, app, "A ramp at the door")
        await pilot.press(keep_key)
        await settle(pilot)
        assert isinstance(app.screen, ItemScreen)
        box = app.screen.query_one("#item-answer", AnswerBox)
        assert box.text == "A ramp at the door"
        assert app.screen.focused is box
        await type_text(pilot, " and a rail")  # typing goes on where it stopped
        await pilot.press("enter", "enter")  # the stone, then "how we know" left empty: Done
        await settle(pilot)
        assert on_pane(app, "list")
    assert [o.text for o in store.load(path).outcomes] == ["A ramp at the door and a rail"]


async def test_escape_with_new_words_can_throw_them_away(tmp_path: Path) -> None:
    path = plan_file(tmp_path, project="p", coproduction="c", lasting_change="l")
    app = make_app(tmp_path, path)
    async with app.run_test(size=SIZE) as pilot:
        await _escape_with_words(pilot, app, "Not this one")
        await pilot.press("tab")
        assert app.screen.focused is not None and app.screen.focused.id == "yes"
        assert content.word("buttons", "throw_words") in str(app.screen.focused.label)
        await pilot.press("enter")
        await settle(pilot)
        assert on_pane(app, "list")
        assert app.plan.outcomes == []
        assert drafts(path) == {}


async def test_the_question_about_long_words_fits_on_the_screen(tmp_path: Path) -> None:
    """A long answer is shown by its first words, so the question and both buttons stay in sight."""
    path = plan_file(tmp_path, project="p", coproduction="c", lasting_change="l")
    app = make_app(tmp_path, path)
    async with app.run_test(size=SIZE) as pilot:
        await open_add_box(pilot)  # Add
        await type_text(pilot, " ".join(["We all meet every week in the big room"] * 30))
        await pilot.press("escape")
        await settle(pilot)
        seen = screen_text(app)
        for shown in ("throw_question", "throw_detail"):
            assert content.word("item", shown) in seen
        for shown in ("keep_words", "throw_words"):
            assert content.word("buttons", shown) in seen
        assert '"We all meet every week' in seen and '..."' in seen


async def test_escape_in_an_empty_add_box_just_closes(tmp_path: Path) -> None:
    path = plan_file(tmp_path, project="p", coproduction="c", lasting_change="l")
    app = make_app(tmp_path, path)
    async with app.run_test(size=SIZE) as pilot:
        await open_add_box(pilot)  # Add
        assert isinstance(app.screen, ItemScreen)
        await type_text(pilot, "   ")  # spaces are not words
        await pilot.press("escape")
        await settle(pilot)
        assert on_pane(app, "list")
        assert app.plan.outcomes == []


async def test_escape_after_the_first_answer_keeps_the_words_without_asking(tmp_path: Path) -> None:
    """Past the first question the item is in the plan, and closing stores the words on
    screen: nothing is lost, so there is nothing to ask."""
    path = plan_file(tmp_path, project="p", coproduction="c", lasting_change="l")
    app = make_app(tmp_path, path)
    async with app.run_test(size=SIZE) as pilot:
        await open_add_box(pilot)  # Add
        await answer(pilot, "A ramp")
        await type_text(pilot, "People use it")
        await pilot.press("escape")
        await settle(pilot)
        assert on_pane(app, "list")
    assert [(o.text, o.how_we_know) for o in store.load(path).outcomes] == [("A ramp", "People use it")]


async def test_quitting_while_asked_about_the_words_keeps_them(tmp_path: Path) -> None:
    """Ctrl+Q with "Throw away these words?" open: nobody said yes, so the words are kept."""
    path = plan_file(tmp_path, project="p", coproduction="c", lasting_change="l")
    app = make_app(tmp_path, path)
    async with app.run_test(size=SIZE) as pilot:
        await _escape_with_words(pilot, app, "A ramp at the door")
        await pilot.press("ctrl+q")
    assert not app.is_running
    assert [o.text for o in store.load(path).outcomes] == ["A ramp at the door"]


async def test_opening_an_item_without_typing_keeps_no_draft(tmp_path: Path) -> None:
    path = plan_file(tmp_path, project="p", coproduction="c", lasting_change="l")
    app = make_app(tmp_path, path)
    async with app.run_test(size=SIZE) as pilot:
        await open_add_box(pilot)
        await answer(pilot, "A ramp")
        await pilot.press("escape")
        await pilot.pause()
        app.screen.query_one("#items").focus()
        await pilot.press("enter")  # change the stone: its words are loaded into the box
        assert isinstance(app.screen, ItemScreen)
        await pilot.pause(DRAFT_WAIT)
        assert drafts(path) == {}


DRAFT_WAIT = 1.5  # longer than the app's draft delay


# ----- a plan open in another backmap -------------------------------------------------------


def lock_by(path: Path, pid: int, since: datetime | None = None) -> None:
    lock = path.with_name(path.name + ".lock")
    holder = {"pid": pid, "host": socket.gethostname(), "since": (since or now()).isoformat()}
    lock.write_text(json.dumps(holder))


async def test_a_plan_in_use_can_be_read_only(tmp_path: Path, other_backmap: int) -> None:
    path = plan_file(tmp_path)
    lock_by(path, other_backmap)
    before = path.read_bytes()
    app = make_app(tmp_path, path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ProblemScreen)
        text = str(app.screen.query_one("#problem-text").render())
        shown = " ".join(screen_text(app).split())
        assert shown.count(content.word("problems", "in_use")) == 1  # the title, said once
        assert "It was opened at" in text  # when, in words; the computer's name means little
        await pilot.click("#choice-read")
        await pilot.pause()
        assert on_pane(app, "question")
        assert app.session is not None and app.session.read_only
        assert content.word("app", "read_only") in status(app)
        await answer(pilot, "Typed while reading")
        await pilot.press("ctrl+q")
    assert path.read_bytes() == before
    assert json.loads(path.with_name(path.name + ".lock").read_text())["pid"] == other_backmap
    assert drafts(path) == {}


async def test_a_plan_in_use_can_be_worked_on_as_a_copy(tmp_path: Path, other_backmap: int) -> None:
    path = plan_file(tmp_path)
    lock_by(path, other_backmap)
    before = path.read_bytes()
    app = make_app(tmp_path, path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.click("#choice-copy")
        await pilot.pause()
        copy = tmp_path / "our-day-centre-copy.toml"
        assert app.session is not None and app.session.path == copy
        assert "our-day-centre-copy.toml" in status(app)
        await answer(pilot, "In the copy")
        assert store.load(copy).impact.project == "In the copy"
        assert copy.with_name(copy.name + ".lock").exists()
        await pilot.press("ctrl+q")
    assert path.read_bytes() == before
    assert not copy.with_name(copy.name + ".lock").exists()


async def test_a_copy_that_cannot_be_made_is_said_in_plain_words(
    tmp_path: Path, other_backmap: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = plan_file(tmp_path)
    since = now()  # after the other backmap started, or its lock would look left over
    lock_by(path, other_backmap, since)

    def refused(self: Session) -> Session:
        raise OSError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(Session, "open_copy", refused)
    app = make_app(tmp_path, path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = str(app.screen.query_one("#problem-text").render())
        opened = content.long_date(since.astimezone())
        assert opened in text  # the day in words, from content, not the locale's month names
        await pilot.click("#choice-copy")
        await pilot.pause()
        assert isinstance(app.screen, ProblemScreen)
        text = str(app.screen.query_one("#problem-text").render())
        reason = content.word("safety", "no_permission")  # not the computer's "Permission denied"
        assert content.word("safety", "no_copy", reason=reason) in text
    assert app.session is None


async def test_closing_the_in_use_question_opens_nothing(tmp_path: Path, other_backmap: int) -> None:
    path = plan_file(tmp_path)
    lock_by(path, other_backmap)
    app = make_app(tmp_path, path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.session is None


async def test_the_lock_is_taken_while_open_and_given_back_on_quit(tmp_path: Path) -> None:
    path = plan_file(tmp_path)
    lock = path.with_name(path.name + ".lock")
    app = make_app(tmp_path, path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert json.loads(lock.read_text())["pid"] == os.getpid()
        await pilot.press("ctrl+q")
    assert not lock.exists()


async def test_a_new_plan_takes_its_lock_on_the_first_answer(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # Start a new plan
        await answer(pilot, "Brand new")
        assert (tmp_path / "brand-new.toml.lock").exists()
        await pilot.press("ctrl+q")
    assert not (tmp_path / "brand-new.toml.lock").exists()


# ----- broken plans ---------------------------------------------------------------------------


async def test_a_plan_with_a_broken_link_can_be_mended_into_a_copy(tmp_path: Path) -> None:
    path = tmp_path / "links.toml"
    path.write_text(
        'schema_version = 1\ntitle = "Links"\n\n[[activities]]\nid = "a1"\npart = "project"\n'
        'kind = "meeting"\ntext = "Meet"\noutcomes = ["o9"]\n',
        encoding="utf-8",
    )
    before = path.read_bytes()
    app = make_app(tmp_path, path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ProblemScreen)
        await pilot.click("#choice-mend")
        await pilot.pause()
        mended = tmp_path / "links.mended.toml"
        assert app.session is not None and app.session.path == mended
        assert "links.mended.toml" in status(app)
        assert store.load(mended).activities[0].outcomes == []
    assert path.read_bytes() == before


async def test_a_plan_from_a_newer_backmap_is_explained_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "newer.toml"
    path.write_text('schema_version = 99\ntitle = "From the future"\n', encoding="utf-8")
    before = path.read_bytes()
    app = make_app(tmp_path, path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ProblemScreen)
        assert "newer backmap" in str(app.screen.query_one("#problem-text").render())
        assert not app.screen.query("#choice-read")
        await pilot.press("escape")
        await pilot.pause()
        assert app.session is None
        await pilot.press("ctrl+q")
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["newer.toml"]


# ----- changed on disk ------------------------------------------------------------------------


def change_behind_its_back(path: Path, title: str) -> None:
    other = store.load(path)
    other.title = title
    path.write_text(store.dumps(other), encoding="utf-8")


async def test_a_file_changed_by_another_program_is_not_overwritten_without_asking(tmp_path: Path) -> None:
    path = plan_file(tmp_path)
    app = make_app(tmp_path, path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        change_behind_its_back(path, "Their title")
        await answer(pilot, "My answer")
        assert isinstance(app.screen, ProblemScreen)
        assert store.load(path).title == "Their title"
        assert store.load(path).impact.project == ""
        assert app.plan.impact.project == "My answer"  # still in memory
        await pilot.click("#choice-overwrite")
        await pilot.pause()
        assert store.load(path).impact.project == "My answer"
        assert store.load(path).title == "Our day centre"


async def test_reloading_keeps_my_answers_in_a_copy(tmp_path: Path) -> None:
    path = plan_file(tmp_path)
    app = make_app(tmp_path, path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        change_behind_its_back(path, "Their title")
        await answer(pilot, "My answer")
        await pilot.click("#choice-reload")
        await pilot.pause()
        assert app.plan.title == "Their title"
        copy = tmp_path / "our-day-centre-copy.toml"
        assert store.load(copy).impact.project == "My answer"
        assert "our-day-centre-copy.toml" in status(app)
        assert store.load(path).title == "Their title"
        assert not copy.with_name(copy.name + ".lock").exists()


async def test_quitting_over_a_changed_file_keeps_my_answers_in_a_copy(tmp_path: Path) -> None:
    path = plan_file(tmp_path)
    app = make_app(tmp_path, path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        change_behind_its_back(path, "Their title")
        await type_text(pilot, "Typed, then quit")
        await pilot.press("ctrl+q")
    assert store.load(path).title == "Their title"
    copy = tmp_path / "our-day-centre-copy.toml"
    assert store.load(copy).impact.project == "Typed, then quit"
    assert not list(tmp_path.glob("*.lock"))


# ----- saves that fail ------------------------------------------------------------------------


async def test_a_failed_save_is_shown_and_the_next_save_tries_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = plan_file(tmp_path)
    app = make_app(tmp_path, path)
    real_replace = os.replace

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        monkeypatch.setattr(os, "replace", full)
        await answer(pilot, "Kept in memory")
        assert "Could not save" in status(app)
        assert content.word("safety", "disk_full") in status(app)
        assert app.plan.impact.project == "Kept in memory"

        # Quitting with a failed save asks to press again; the app stays.
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running
        assert content.word("safety", "quit_again") in status(app)

        monkeypatch.setattr(os, "replace", real_replace)
        await answer(pilot, "Second answer")
        assert store.load(path).impact.project == "Kept in memory"
        assert store.load(path).impact.coproduction == "Second answer"

        # Issue 19, point 2: the disk is full again. One Ctrl+Q must not lose the new answer.
        monkeypatch.setattr(os, "replace", full)
        await answer(pilot, "Third answer")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running
        assert content.word("safety", "quit_again") in status(app)
        monkeypatch.setattr(os, "replace", real_replace)
        await pilot.press("ctrl+q")


# ----- keys pressed fast ----------------------------------------------------------------------


async def test_enter_twice_on_the_last_question_closes_only_the_dialog(tmp_path: Path) -> None:
    """Found by the crash harness: a second Enter used to close the step under the dialog too."""
    path = plan_file(tmp_path, project="p", coproduction="c", lasting_change="l")
    app = make_app(tmp_path, path)
    async with app.run_test(size=SIZE) as pilot:
        await open_add_box(pilot)  # Add
        await answer(pilot, "A ramp")
        await type_text(pilot, "People use it")
        driver = app._driver
        assert driver is not None
        for _ in range(2):  # both arrive before the dialog has closed
            driver.send_message(events.Key("enter", "\r"))
        await settle(pilot)
        # The second Enter is kept until the list is back, then does what it would do a
        # moment later: it opens a new "Add" on the same list. The list is never closed.
        assert isinstance(app.screen, ItemScreen)
        assert isinstance(app.screen_stack[-2], InterviewScreen) and app.screen_stack[-2].page.pane == "list"
        assert [(o.text, o.how_we_know) for o in store.load(path).outcomes] == [("A ramp", "People use it")]


async def test_a_box_left_open_when_the_new_version_is_opened_never_crashes(tmp_path: Path) -> None:
    """Issue 19, point 10: a text editor removed the stepping stone a Change box showed."""
    path = example_copy(tmp_path)
    app = make_app(tmp_path, path)
    async with app.run_test(size=SIZE) as pilot:
        go_to(app, flow.index_of("outcomes_project"))
        await pilot.pause()
        await pilot.press("enter")  # Change the first stepping stone
        await pilot.pause()
        assert isinstance(app.screen, ItemScreen)
        other = store.load(path)
        gone = other.outcomes_in("project")[0].id
        other.remove_outcome(gone)
        store.save(other, path)
        await type_text(pilot, " and more")
        await pilot.press("enter")  # a save: the file changed on disk, so we ask
        await pilot.pause()
        assert app.screen.id == "problem"
        assert app.screen.focused is not None and app.screen.focused.id == "choice-reload"
        await pilot.press("enter")  # the safe choice: open the new version
        await pilot.pause()
        assert on_pane(app, "list")  # the box that showed the removed stone is closed
        await pilot.press("enter", "space", "tab", "enter")  # keys that went to the box before
        await pilot.pause()
        assert app.is_running
        assert gone not in {o.id for o in store.load(path).outcomes}
        copies = list(tmp_path.glob("*-copy*.toml"))
        assert copies and any(o.text.endswith(" and more") for o in store.load(copies[0]).outcomes)


async def test_words_typed_in_an_add_box_come_back_in_it_after_a_crash(tmp_path: Path) -> None:
    """Issue 19: before, they came back only if the person happened to press Add again there."""
    path = example_copy(tmp_path)
    first = make_app(tmp_path, path)
    async with first.run_test(size=SIZE) as pilot:
        go_to(first, flow.index_of("outcomes_coproduction"))
        await pilot.pause()
        await open_add_box(pilot)
        await pilot.pause()
        assert isinstance(first.screen, ItemScreen)
        await type_text(pilot, "Everyone has a say in the rota")
        first.keeper.flush_drafts()  # the draft timer ran: then the window was closed
        first.keeper.session.release_lock()  # type: ignore[union-attr]
    assert "Everyone has a say" not in path.read_text(encoding="utf-8")
    again = make_app(tmp_path, path)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(again.screen, ItemScreen)  # carry on: the box, with the words in it
        assert again.screen.query_one(AnswerBox).text == "Everyone has a say in the rota"
        assert again.screen_stack[-2].page.key == "outcomes_coproduction"  # type: ignore[attr-defined]
        await pilot.press("enter", "enter")  # keep them: the answer, then no "how we know"
        await pilot.pause()
    texts = [o.text for o in store.load(path).outcomes_in("coproduction")]
    assert texts[-1] == "Everyone has a say in the rota"
