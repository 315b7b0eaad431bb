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
    assert [key for key, _ in choices] == ["overwrite", "reload"]
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
