"""The keeper of the open plan, without a screen: what is on disk, and what it says."""

from __future__ import annotations

import json
import os
import socket
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from backmap import content
from backmap.core import flow, store
from backmap.session.keeper import Keeper
from backmap.session.summaries import SummaryWriter
from tests.pilot_helpers import EXAMPLE


class FakeTimer:
    def __init__(self, job: Callable[[], None]) -> None:
        self.job = job
        self.stopped = False

    def stop(self) -> None:
        self.stopped = True


class Hooks:
    """Stands in for the app: keeps what the keeper asked, and answers when told to."""

    def __init__(self) -> None:
        self.questions: list[tuple[str, list[tuple[str, str]], Callable[[str | None], None]]] = []
        self.opened_at: list[int] = []
        self.timers: list[FakeTimer] = []
        self.status_calls = 0
        self.reloads = 0

    def ask(self, title: str, text: str, choices: list[tuple[str, str]], then: Callable[[str | None], None]):
        self.questions.append((title, choices, then))

    def status_changed(self) -> None:
        self.status_calls += 1

    def opened(self, index: int) -> None:
        self.opened_at.append(index)

    def plan_reloaded(self) -> None:
        self.reloads += 1

    def later(self, seconds: float, job: Callable[[], None]) -> FakeTimer:
        timer = FakeTimer(job)
        self.timers.append(timer)
        return timer

    def run_timers(self) -> None:
        for timer in [t for t in self.timers if not t.stopped]:
            timer.stopped = True
            timer.job()


def keeper_on(path: Path) -> tuple[Keeper, Hooks]:
    hooks = Hooks()
    keeper = Keeper(path.parent, hooks, SummaryWriter())
    keeper.open(path, flow.PLANNING)
    return keeper, hooks


def test_opening_a_plan_shows_the_first_step_without_an_answer(tmp_path: Path) -> None:
    plan = store.load(EXAMPLE)
    plan.impact.coproduction = ""
    store.save(plan, tmp_path / "plan.toml")
    keeper, hooks = keeper_on(tmp_path / "plan.toml")
    assert hooks.opened_at == [flow.index_of("impact_coproduction")]
    assert (tmp_path / "plan.toml.lock").exists()
    assert content.word("app", "carry_on_here") in keeper.status_text()


def test_a_change_is_on_disk_at_once_with_its_summary(tmp_path: Path) -> None:
    store.save(store.load(EXAMPLE), tmp_path / "plan.toml")
    keeper, _ = keeper_on(tmp_path / "plan.toml")
    keeper.plan.title = "A new name for it"
    keeper.changed()
    assert store.load(keeper.session.path).title == "A new name for it"  # type: ignore[union-attr]
    assert keeper.summaries.wait(30)  # the summaries follow on a thread
    assert "A new name for it" in keeper.session.summary_path.read_text(encoding="utf-8")  # type: ignore[union-attr]
    assert keeper.status_text().startswith("Saved at")


def test_words_being_typed_reach_the_draft_when_the_timer_runs_and_go_when_saved(tmp_path: Path) -> None:
    store.save(store.load(EXAMPLE), tmp_path / "plan.toml")
    keeper, hooks = keeper_on(tmp_path / "plan.toml")
    keeper.typing("title", "Half a na")
    draft = tmp_path / "plan.toml.draft"
    assert not draft.exists()  # not on every key: once a second
    hooks.run_timers()
    assert "Half a na" in draft.read_text(encoding="utf-8")
    keeper.plan.title = "Half a name"
    keeper.changed()
    assert not draft.exists()


def test_a_file_changed_by_another_program_is_never_overwritten_without_asking(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    store.save(store.load(EXAMPLE), path)
    keeper, hooks = keeper_on(path)
    other = store.load(path)
    other.title = "Changed in a text editor"
    store.save(other, path)
    keeper.plan.title = "Typed in backmap"
    keeper.changed()
    assert store.load(path).title == "Changed in a text editor"
    title, choices, then = hooks.questions[-1]
    assert title == content.word("problems", "changed_on_disk")
    assert [key for key, _ in choices] == ["reload", "overwrite"]  # the safe one first
    then("reload")  # the other version is shown; ours is kept in a copy beside it
    assert keeper.plan.title == "Changed in a text editor" and hooks.reloads == 1
    copies = list(tmp_path.glob("*-copy.toml"))
    assert [store.load(c).title for c in copies] == ["Typed in backmap"]


def test_quitting_after_a_failed_save_asks_again_each_time_the_save_fails_anew(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 19, point 2: a good save in between makes the next failure stop a quit again."""
    path = tmp_path / "plan.toml"
    store.save(store.load(EXAMPLE), path)
    keeper, _ = keeper_on(path)
    real = os.replace

    def full(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    keeper.plan.title = "One"
    keeper.changed()
    keeper.summaries.wait(30)
    assert keeper.begin_quit() == "stay"
    assert content.word("safety", "quit_again") in keeper.status_text()
    monkeypatch.setattr(os, "replace", real)  # space freed
    keeper.plan.title = "Two"
    keeper.changed()
    keeper.summaries.wait(30)
    assert store.load(path).title == "Two"
    monkeypatch.setattr(os, "replace", full)  # the disk is full again
    keeper.plan.title = "Three"
    keeper.changed()
    keeper.summaries.wait(30)
    assert keeper.begin_quit() == "stay"  # before the fix, this quit and "Three" was gone
    assert keeper.begin_quit() == "go"  # the second press still quits
    assert keeper.goodbye().status == 1


def test_goodbye_says_where_the_files_are_only_when_they_are_there(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    store.save(store.load(EXAMPLE), path)
    keeper, _ = keeper_on(path)
    keeper.plan.title = "Kept"
    keeper.changed()
    assert keeper.summaries.wait(30)
    assert keeper.begin_quit() == "go"
    bye = keeper.goodbye()
    assert bye.status == 0
    assert any(str(path.resolve()) in line for line in bye.out)
    assert not (tmp_path / "plan.toml.lock").exists()  # the lock was given back


def test_a_plan_in_use_is_offered_read_only_or_a_copy(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    store.save(store.load(EXAMPLE), path)
    other = {"pid": 1, "host": socket.gethostname(), "since": datetime.now(UTC).isoformat()}
    (tmp_path / "plan.toml.lock").write_text(json.dumps(other), encoding="utf-8")  # a live backmap
    second, hooks = keeper_on(path)
    title, choices, then = hooks.questions[-1]
    assert title == content.word("problems", "in_use") and [k for k, _ in choices] == ["read", "copy"]
    then("read")
    assert second.read_only and hooks.opened_at
    assert content.word("app", "read_only") in second.status_text()


def lock_held_by(path: Path, host: str, pid: int = 1) -> None:
    other = {"pid": pid, "host": host, "since": datetime.now(UTC).isoformat()}
    path.with_name(path.name + ".lock").write_text(json.dumps(other), encoding="utf-8")


def test_answers_given_on_a_plan_open_to_read_only_are_kept_in_a_copy_on_quitting(tmp_path: Path) -> None:
    """Issue 19, point 3: it said "Your plan is saved" and the answers were gone."""
    path = tmp_path / "plan.toml"
    store.save(store.load(EXAMPLE), path)
    before = path.read_bytes()
    lock_held_by(path, socket.gethostname())  # a live backmap on this computer
    keeper, hooks = keeper_on(path)
    hooks.questions[-1][2]("read")
    keeper.plan.title = "Typed while read only"
    keeper.changed()
    assert path.read_bytes() == before
    assert keeper.begin_quit() in ("go", "wait")
    keeper.summaries.wait(30)
    bye = keeper.goodbye()
    copies = list(tmp_path.glob("*-copy.toml"))
    assert [store.load(c).title for c in copies] == ["Typed while read only"]
    assert bye.status == 0 and any(str(copies[0].resolve()) in line for line in bye.out)
    assert path.read_bytes() == before


def test_a_failed_last_save_ends_with_status_1_and_says_where_the_words_are(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "plan.toml"
    store.save(store.load(EXAMPLE), path)
    keeper, hooks = keeper_on(path)
    keeper.typing("impact.project", "Words typed just now")
    hooks.run_timers()  # the draft is on disk
    monkeypatch.setattr(store, "write_text_atomic", _disk_full)
    keeper.plan.title = "Not saved"
    keeper.changed()
    keeper.summaries.wait(30)
    assert keeper.begin_quit() == "stay"
    assert keeper.begin_quit() in ("go", "wait")
    keeper.summaries.wait(30)
    bye = keeper.goodbye()
    assert bye.status == 1 and not bye.out  # never "Your plan is saved"
    said = "\n".join(bye.err)
    assert content.word("safety", "last_not_saved") in said
    assert str((tmp_path / "plan.toml.draft").resolve()) in said


def _disk_full(*args: object, **kwargs: object) -> None:
    raise OSError(28, "No space left on device")


def test_a_lock_from_another_computer_names_it_and_can_be_taken_over(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    store.save(store.load(EXAMPLE), path)
    lock_held_by(path, "office-laptop", pid=4242)
    keeper, hooks = keeper_on(path)
    _, choices, then = hooks.questions[-1]
    assert [key for key, _ in choices] == ["read", "copy", "take"]
    then("take")
    assert not keeper.read_only and hooks.opened_at
    keeper.plan.title = "Carried on here"
    keeper.changed()
    assert store.load(path).title == "Carried on here"
    held = json.loads((tmp_path / "plan.toml.lock").read_text(encoding="utf-8"))
    assert held["host"] == socket.gethostname()


def test_the_name_of_the_other_computer_is_in_the_question(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    store.save(store.load(EXAMPLE), path)
    lock_held_by(path, "office-laptop", pid=4242)
    asked: list[str] = []
    hooks = Hooks()
    hooks.ask = lambda title, text, choices, then: asked.append(text)  # type: ignore[method-assign]
    Keeper(tmp_path, hooks, SummaryWriter()).open(path, flow.PLANNING)
    assert "office-laptop" in asked[0]


def test_a_draft_that_cannot_be_kept_is_said_on_the_status_line(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    store.save(store.load(EXAMPLE), path)
    keeper, hooks = keeper_on(path)
    (tmp_path / "plan.toml.draft").mkdir()  # something in the way of the draft file
    keeper.typing("impact.project", "Words that cannot be kept")
    hooks.run_timers()
    assert content.word("safety", "draft_not_kept") in keeper.status_text()


def test_opening_the_plan_that_is_open_keeps_its_lock(tmp_path: Path) -> None:
    """Found in review: carry on with the same plan removed its lock, so a second window
    opened it without a word."""
    path = tmp_path / "plan.toml"
    store.save(store.load(EXAMPLE), path)
    keeper, hooks = keeper_on(path)
    keeper.open(path, flow.PLANNING)  # "Carry on with a plan", the same one
    assert len(hooks.opened_at) == 2
    held = json.loads((tmp_path / "plan.toml.lock").read_text(encoding="utf-8"))
    assert held["pid"] == os.getpid()  # before: the file was gone, and another window opened it


def test_a_note_said_when_opening_survives_the_in_use_question(tmp_path: Path) -> None:
    plan = store.load(EXAMPLE)
    plan.impact.coproduction = ""
    path = tmp_path / "plan.toml"
    store.save(plan, path)
    lock_held_by(path, socket.gethostname())
    keeper, hooks = keeper_on(path)
    _, _, then = hooks.questions[-1]
    then("read")
    assert content.word("app", "carry_on_here") in keeper.status_text()
