"""The session: drafts, the lock, changes made by others, copies, and saves that fail.

Every test asks one thing: can a person lose words, or can one backmap write
over another's work without asking?
"""

from __future__ import annotations

import errno
import json
import os
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from backmap import content
from backmap.core import store
from backmap.core.plan import Plan, now
from backmap.session import drafts as draft_files
from backmap.session.plan_file import LockHolder, Session


def saved_session(folder: Path, title: str = "Our day centre") -> Session:
    session = Session(folder=folder)
    session.plan.title = title
    assert session.save().ok
    return session


@pytest.fixture
def other_backmap() -> Iterator[int]:
    """A live process that is not us: its pid stands for another backmap."""
    process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        yield process.pid
    finally:
        process.kill()
        process.wait()


def write_lock(lock: Path, pid: int, host: str | None = None, since: str | None = None) -> None:
    host = socket.gethostname() if host is None else host
    since = now().isoformat() if since is None else since
    lock.write_text(json.dumps({"pid": pid, "host": host, "since": since}))


# ----- the backup -------------------------------------------------------------------------


def test_the_backup_holds_the_plan_as_it_was_before_this_session(tmp_path: Path) -> None:
    earlier = saved_session(tmp_path)
    path = earlier.path
    assert path is not None
    before = path.read_bytes()
    session = Session.open(path, tmp_path)
    for answer in ("one", "two", "three"):
        session.plan.impact.project = answer
        assert session.save().ok
    assert session.save().ok  # quitting saves again
    backup = path.with_name(path.name + ".bak")
    assert backup.read_bytes() == before
    assert store.load(path).impact.project == "three"
    # The next session keeps this session's last version, once it changes something.
    later = Session.open(path, tmp_path)
    after_this_session = path.read_bytes()
    assert later.save().ok
    assert backup.read_bytes() == before  # saving nothing new is no change
    later.plan.impact.project = "four"
    assert later.save().ok
    assert backup.read_bytes() == after_this_session


def test_a_version_from_another_program_that_we_save_over_goes_to_the_backup(tmp_path: Path) -> None:
    session = saved_session(tmp_path)
    path = session.path
    assert path is not None
    session.plan.impact.project = "ours"
    assert session.save().ok
    theirs = store.loads(path.read_text())
    theirs.impact.project = "theirs, from a text editor"
    path.write_text(store.dumps(theirs))
    their_bytes = path.read_bytes()
    session.plan.impact.project = "ours again"
    assert session.save().ok  # the person chose to save over it
    assert path.with_name(path.name + ".bak").read_bytes() == their_bytes


# ----- a plan too big to open again ----------------------------------------------------------


def test_a_plan_too_big_to_open_again_is_never_written_and_its_words_are_kept(tmp_path: Path) -> None:
    session = saved_session(tmp_path)
    path = session.path
    assert path is not None
    session.plan.impact.project = "a good answer"
    assert session.save().ok
    plan_before, backup_before = path.read_bytes(), path.with_name(path.name + ".bak").read_bytes()
    pasted = "A whole book pasted by mistake. " * (store.MAX_FILE_BYTES // 30)
    session.plan.impact.coproduction = pasted
    result = session.save()
    assert not result.ok
    assert "The plan is too big to save." in result.problem
    assert f"{path.name}.too-big.txt" in result.problem
    # The plan and its backup are as they were, so the plan still opens.
    assert path.read_bytes() == plan_before
    assert path.with_name(path.name + ".bak").read_bytes() == backup_before
    assert store.load(path).impact.project == "a good answer"
    # Every word is in the file the message names.
    assert session.too_big_path is not None
    assert pasted in session.too_big_path.read_text(encoding="utf-8")
    # A shorter answer saves again.
    session.plan.impact.coproduction = "shorter"
    assert session.save().ok
    assert store.load(path).impact.coproduction == "shorter"


def test_store_never_writes_a_plan_it_would_refuse_to_open(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    plan = Plan(title="Big")
    plan.impact.project = "x" * store.MAX_FILE_BYTES
    with pytest.raises(store.TooBigToSave):
        store.save(plan, path)
    assert not path.exists()
    # Anything just under the limit is written and opens again.
    plan.impact.project = "é" * (store.MAX_FILE_BYTES // 2 - 1000)
    store.save(plan, path)
    assert store.load(path).impact.project == plan.impact.project


# ----- who can read the files ----------------------------------------------------------------


def test_the_plans_folder_and_every_file_in_it_are_private_to_the_user(tmp_path: Path) -> None:
    import stat

    home = tmp_path / "home"
    home.mkdir(mode=0o755)
    folder = home / "Documents" / "backmap"  # Documents is not there yet: backmap makes it
    session = Session(folder=folder)
    session.acquire_lock()
    session.plan.title = "Plan for Jo"
    assert session.save().ok
    session.plan.impact.project = "changed"
    assert session.save().ok
    assert session.save_draft("impact.coproduction", "half an answer")
    assert session.path is not None
    files = [
        session.path,
        session.path.with_name(session.path.name + ".bak"),
        session.summary_path,
        session.page_path,
        session.draft_path,
        session.lock_path,
    ]
    for file in files:
        assert file is not None and file.is_file()
        assert stat.S_IMODE(file.stat().st_mode) == 0o600, file.name
    for made in (home / "Documents", folder):
        assert stat.S_IMODE(made.stat().st_mode) == 0o700, made
    assert stat.S_IMODE(home.stat().st_mode) == 0o755  # a folder that was there is left alone


# ----- drafts ---------------------------------------------------------------------------


def test_draft_sits_beside_the_plan_and_comes_back(tmp_path: Path) -> None:
    session = saved_session(tmp_path)
    assert session.save_draft("impact.project", "More people come")
    assert session.draft_path == tmp_path / "our-day-centre.toml.draft"
    assert session.save_draft("item:o3:text", "A new [bold] ramp \x1b[2J")

    again = Session.open(session.path, tmp_path)  # type: ignore[arg-type]
    assert again.load_draft() == {
        "impact.project": "More people come",
        "item:o3:text": "A new [bold] ramp \x1b[2J",
    }


def test_clearing_drafts_one_by_one_removes_the_file_at_the_end(tmp_path: Path) -> None:
    session = saved_session(tmp_path)
    session.save_draft("title", "a")
    session.save_draft("impact.project", "b")
    session.clear_draft("title")
    assert Session.open(session.path, tmp_path).load_draft() == {"impact.project": "b"}  # type: ignore[arg-type]
    session.clear_draft("impact.project")
    assert not session.draft_path.exists()
    session.clear_draft("never-there")  # nothing to do, no error
    session.save_draft("title", "c")
    session.clear_draft()
    assert not session.draft_path.exists()


def test_a_new_plan_keeps_its_draft_in_the_folder_then_moves_it(tmp_path: Path) -> None:
    session = Session(folder=tmp_path / "plans")
    assert session.save_draft("title", "Our day centre")
    own_draft = session.draft_path
    assert own_draft.parent == tmp_path / "plans" and own_draft.exists()
    session.save_draft("impact.project", "half an answer")

    session.plan.title = "Our day centre"
    assert session.save().ok
    assert not own_draft.exists()
    moved = Session.open(session.path, tmp_path / "plans")  # type: ignore[arg-type]
    assert moved.load_draft() == {"title": "Our day centre", "impact.project": "half an answer"}


def test_the_draft_of_a_new_plan_is_never_shown_to_another_new_plan(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    abandoned = Session(folder=folder)
    assert abandoned.save_draft("title", "Plan for Jo who has early dementia")
    # The next person starts a new plan in the same folder: Jo's words are not offered.
    following = Session(folder=folder)
    assert following.load_draft() == {}
    assert following.draft_path != abandoned.draft_path
    # Two new plans at once never write over each other's words.
    assert following.save_draft("title", "Plan for Sam")
    assert Session(folder=folder).load_draft() == {}
    assert abandoned.load_draft() == {"title": "Plan for Jo who has early dementia"}
    assert draft_files.read_drafts(abandoned.draft_path) == {"title": "Plan for Jo who has early dementia"}
    assert draft_files.read_drafts(following.draft_path) == {"title": "Plan for Sam"}


def test_a_broken_draft_file_counts_as_no_draft(tmp_path: Path) -> None:
    session = saved_session(tmp_path)
    for junk in ("", "not json", "[1, 2]", '{"answers": [1]}', '{"answers": {"title": 3}}'):
        session.draft_path.write_text(junk)
        assert Session.open(session.path, tmp_path).load_draft() == {}  # type: ignore[arg-type]


def test_draft_writes_are_atomic_and_a_failure_is_reported_not_raised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = saved_session(tmp_path)
    session.save_draft("title", "first words")

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    assert session.save_draft("title", "second words") is False
    monkeypatch.undo()
    # The old draft is whole, and no temporary file is left behind.
    assert json.loads(session.draft_path.read_text())["answers"] == {"title": "first words"}
    assert not list(tmp_path.glob("*.tmp"))


def test_a_blocked_draft_path_is_reported_not_silent(tmp_path: Path) -> None:
    session = saved_session(tmp_path)
    session.draft_path.mkdir()  # something in the way of the draft file
    assert session.save_draft("title", "words") is False
    assert session.draft_problem.startswith(content.word("safety", "draft_not_kept"))
    session.draft_path.rmdir()
    assert session.save_draft("title", "more words")
    assert session.draft_problem == ""


def test_a_draft_stopped_by_a_size_limit_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    session = saved_session(tmp_path)

    def limit(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EFBIG, "File too large")

    monkeypatch.setattr(store, "write_text_atomic", limit)
    assert session.save_draft("title", "words") is False
    assert content.word("safety", "file_size_limit") in session.draft_problem


def test_a_draft_too_big_to_read_back_is_refused_in_words(tmp_path: Path) -> None:
    from backmap.session import drafts

    session = saved_session(tmp_path)
    assert session.save_draft("title", "short")
    assert session.save_draft("title", "x" * drafts.MAX_DRAFT_BYTES) is False
    assert session.draft_problem == content.word("safety", "draft_too_big")
    assert drafts.read_drafts(session.draft_path) == {"title": "short"}


def test_a_read_only_session_keeps_no_drafts(tmp_path: Path) -> None:
    session = saved_session(tmp_path)
    session.save_draft("title", "theirs")
    reader = Session.open(session.path, tmp_path)  # type: ignore[arg-type]
    reader.read_only = True
    assert reader.load_draft() == {}
    assert reader.save_draft("title", "mine") is False
    reader.clear_draft()
    assert session.draft_path.exists()


# ----- the lock -------------------------------------------------------------------------


def test_lock_is_taken_and_given_back(tmp_path: Path) -> None:
    session = saved_session(tmp_path)
    assert session.acquire_lock() is None
    assert session.holds_lock
    data = json.loads(session.lock_path.read_text())  # type: ignore[union-attr]
    assert data["pid"] == os.getpid()
    assert data["host"] == socket.gethostname()
    assert session.acquire_lock() is None  # taking it again is fine
    session.release_lock()
    assert not session.lock_path.exists()  # type: ignore[union-attr]
    session.release_lock()  # twice is harmless


def test_a_second_backmap_is_told_who_has_the_plan(tmp_path: Path, other_backmap: int) -> None:
    session = saved_session(tmp_path)
    write_lock(session.lock_path, other_backmap)  # type: ignore[arg-type]
    second = Session.open(session.path, tmp_path)  # type: ignore[arg-type]
    holder = second.acquire_lock()
    assert isinstance(holder, LockHolder)
    assert holder.pid == other_backmap
    assert holder.host == socket.gethostname()
    assert not second.holds_lock
    second.release_lock()  # not ours: must stay
    assert json.loads(session.lock_path.read_text())["pid"] == other_backmap  # type: ignore[union-attr]


def test_a_lock_from_another_computer_is_never_taken(tmp_path: Path) -> None:
    session = saved_session(tmp_path)
    write_lock(session.lock_path, 1, host="another-laptop")  # type: ignore[arg-type]
    holder = session.acquire_lock()
    assert holder is not None
    assert holder.host == "another-laptop"


def test_a_lock_left_by_a_dead_backmap_is_taken_over(tmp_path: Path) -> None:
    session = saved_session(tmp_path)
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    write_lock(session.lock_path, process.pid)  # type: ignore[arg-type]
    assert session.acquire_lock() is None
    assert json.loads(session.lock_path.read_text())["pid"] == os.getpid()  # type: ignore[union-attr]


def test_a_killed_backmap_not_yet_reaped_counts_as_dead(tmp_path: Path) -> None:
    session = saved_session(tmp_path)
    process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        process.kill()
        # Not waited for: a zombie until reaped, and os.kill(pid, 0) still works on it.
        for _ in range(200):
            stat = Path(f"/proc/{process.pid}/stat")
            if not stat.exists() or stat.read_text().rsplit(")", 1)[-1].split()[0] == "Z":
                break
            subprocess.run(["sleep", "0.01"], check=False)
        write_lock(session.lock_path, process.pid)  # type: ignore[arg-type]
        assert session.acquire_lock() is None
    finally:
        process.wait()


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="process start times come from /proc")
def test_a_lock_whose_pid_now_belongs_to_a_newer_program_is_taken_over(
    tmp_path: Path, other_backmap: int
) -> None:
    # The lock was written an hour ago; the live process with that pid started just now,
    # so it is not the backmap that wrote the lock (the pid was used again).
    session = saved_session(tmp_path)
    hour_ago = (now() - timedelta(hours=1)).isoformat()
    write_lock(session.lock_path, other_backmap, since=hour_ago)  # type: ignore[arg-type]
    assert session.acquire_lock() is None
    assert json.loads(session.lock_path.read_text())["pid"] == os.getpid()  # type: ignore[union-attr]


def test_a_lock_without_a_time_still_counts_while_its_pid_lives(tmp_path: Path, other_backmap: int) -> None:
    session = saved_session(tmp_path)
    write_lock(session.lock_path, other_backmap, since="")  # type: ignore[arg-type]
    assert isinstance(session.acquire_lock(), LockHolder)


@pytest.mark.parametrize("junk", ["", "{", '{"pid": "x"}', "[]"])
def test_a_broken_lock_file_is_taken_over(tmp_path: Path, junk: str) -> None:
    session = saved_session(tmp_path)
    session.lock_path.write_text(junk)  # type: ignore[union-attr]
    assert session.acquire_lock() is None
    assert session.holds_lock


@pytest.mark.parametrize("pid", [10**30, 2**63, 2**40, -(2**70), 0])
def test_a_lock_holding_a_huge_process_id_is_taken_over_not_a_crash(tmp_path: Path, pid: int) -> None:
    session = saved_session(tmp_path)
    write_lock(session.lock_path, pid)  # type: ignore[arg-type]
    reopened = Session.open(session.path, tmp_path)  # type: ignore[arg-type]
    assert reopened.acquire_lock() is None
    assert json.loads(reopened.lock_path.read_text())["pid"] == os.getpid()  # type: ignore[union-attr]


def in_a_process(code: str, folder: Path) -> subprocess.CompletedProcess[str]:
    """Run code in its own Python with a time limit: a hang fails the test instead of freezing it."""
    try:
        return subprocess.run(
            [sys.executable, "-c", code, str(folder)], capture_output=True, text=True, timeout=20, check=False
        )
    except subprocess.TimeoutExpired:
        pytest.fail("backmap hung on a strange file")


OPEN_AND_LOCK = """
import sys
from pathlib import Path
from backmap.session.plan_file import Session
folder = Path(sys.argv[1])
session = Session.open(folder / "our-day-centre.toml", folder)
print(session.acquire_lock(), session.holds_lock, session.load_draft())
session.save_draft("title", "new words")
print(session.load_draft())
"""


@pytest.mark.parametrize("which", ["lock", "draft"])
def test_a_pipe_in_place_of_the_lock_or_the_draft_does_not_hang(tmp_path: Path, which: str) -> None:
    session = saved_session(tmp_path)
    os.mkfifo(session.lock_path if which == "lock" else session.draft_path)  # type: ignore[arg-type]
    result = in_a_process(OPEN_AND_LOCK, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["None True {}", "{'title': 'new words'}"]


def test_a_draft_linked_to_an_endless_device_counts_as_no_draft(tmp_path: Path) -> None:
    session = saved_session(tmp_path)
    session.draft_path.symlink_to("/dev/zero")
    result = in_a_process(OPEN_AND_LOCK, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "MemoryError" not in result.stderr
    assert result.stdout.splitlines() == ["None True {}", "{'title': 'new words'}"]
    assert Path("/dev/zero").is_char_device()  # the link was replaced, never written through


def test_a_draft_far_too_big_to_be_typed_counts_as_no_draft(tmp_path: Path) -> None:
    from backmap.session import drafts

    session = saved_session(tmp_path)
    words = "x" * drafts.MAX_DRAFT_BYTES
    session.draft_path.write_text(json.dumps({"backmap_draft": 1, "answers": {"title": words}}))
    assert Session.open(session.path, tmp_path).load_draft() == {}  # type: ignore[arg-type]


def test_a_lock_from_elsewhere_is_taken_over_only_when_asked(tmp_path: Path, other_backmap: int) -> None:
    from backmap.session import lock as locks

    session = saved_session(tmp_path)
    write_lock(session.lock_path, 1, host="office-laptop")  # type: ignore[arg-type]
    holder = session.acquire_lock()
    assert holder is not None and not session.holds_lock
    words = " ".join(locks.in_use_words(holder, socket.gethostname()))
    assert "office-laptop" in words and "take over" in words
    assert session.take_over_lock() is None
    assert session.holds_lock
    assert json.loads(session.lock_path.read_text())["pid"] == os.getpid()  # type: ignore[union-attr]
    # A live backmap on this computer can be taken over too, when the person asks.
    other = saved_session(tmp_path / "other")
    write_lock(other.lock_path, other_backmap)  # type: ignore[arg-type]
    assert other.acquire_lock() is not None
    assert other.take_over_lock() is None and other.holds_lock
    assert other.save().ok


def test_a_new_plan_takes_its_lock_when_it_gets_a_file(tmp_path: Path) -> None:
    session = Session(folder=tmp_path)
    assert session.acquire_lock() is None  # nothing to lock yet
    assert not list(tmp_path.glob("*.lock"))
    session.plan.title = "New"
    assert session.save().ok
    assert session.holds_lock
    assert (tmp_path / "new.toml.lock").exists()
    session.release_lock()
    assert not (tmp_path / "new.toml.lock").exists()


def test_a_plan_saved_with_no_name_moves_to_its_name_once_it_has_one(tmp_path: Path) -> None:
    session = Session(folder=tmp_path)
    session.acquire_lock()
    session.plan.impact.project = "More people come"
    assert session.save().ok
    assert session.path == tmp_path / "my-plan.toml"
    assert session.save_draft("impact.coproduction", "half typed")
    session.plan.title = "Tea and talk"
    assert session.save().ok
    assert session.path == tmp_path / "tea-and-talk.toml"
    assert store.load(session.path).impact.project == "More people come"
    assert session.holds_lock and (tmp_path / "tea-and-talk.toml.lock").exists()
    assert session.load_draft() == {"impact.coproduction": "half typed"}
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "tea-and-talk.html",
        "tea-and-talk.md",
        "tea-and-talk.toml",
        "tea-and-talk.toml.draft",
        "tea-and-talk.toml.lock",
    ]
    session.plan.title = "Tea and a talk"  # named by its person now: it stays where it is
    assert session.save().ok
    assert session.path == tmp_path / "tea-and-talk.toml"


def test_a_plan_opened_from_a_file_keeps_its_file_name(tmp_path: Path) -> None:
    path = tmp_path / "my-plan.toml"
    store.save(Plan(), path)
    opened = Session.open(path, tmp_path)
    opened.plan.title = "Tea and talk"
    assert opened.save().ok
    assert opened.path == path
    assert store.load(path).title == "Tea and talk"


def test_a_plan_that_cannot_move_keeps_its_old_file_until_it_can(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = Session(folder=tmp_path)
    session.plan.impact.project = "More people come"
    assert session.save().ok
    session.plan.title = "Tea and talk"
    real = store.write_text_atomic

    def disk_full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store, "write_text_atomic", disk_full)
    assert not session.save().ok
    assert store.load(tmp_path / "my-plan.toml").impact.project == "More people come"
    monkeypatch.setattr(store, "write_text_atomic", real)
    assert session.save().ok
    assert not (tmp_path / "my-plan.toml").exists()
    assert store.load(tmp_path / "tea-and-talk.toml").title == "Tea and talk"


def test_a_plan_saved_without_asking_for_a_lock_leaves_no_lock_file(tmp_path: Path) -> None:
    """The plain mode never asks for a lock, so it must not leave lock files about."""
    session = saved_session(tmp_path)
    assert session.save().ok
    assert not list(tmp_path.glob("*.lock"))


# ----- changed on disk --------------------------------------------------------------------


def test_changes_by_another_program_are_noticed(tmp_path: Path) -> None:
    session = saved_session(tmp_path)
    path = session.path
    assert path is not None
    assert not session.changed_on_disk()

    other = store.load(path)
    other.title = "Changed by someone else"
    store.save(other, path)
    assert session.changed_on_disk()

    session.reload()
    assert session.plan.title == "Changed by someone else"
    assert not session.changed_on_disk()


def test_our_own_saves_and_a_touch_are_not_changes(tmp_path: Path) -> None:
    session = saved_session(tmp_path)
    path = session.path
    assert path is not None
    for _ in range(3):
        session.plan.title += "!"
        assert session.save().ok
        assert not session.changed_on_disk()
    os.utime(path, ns=(1, 1))  # same words, new time
    assert not session.changed_on_disk()
    assert not session.changed_on_disk()


def test_an_opened_plan_is_remembered_as_read(tmp_path: Path) -> None:
    session = saved_session(tmp_path)
    opened = Session.open(session.path, tmp_path)  # type: ignore[arg-type]
    assert not opened.changed_on_disk()
    session.plan.title = "Saved by the first backmap"
    session.save()
    assert opened.changed_on_disk()


def test_a_deleted_file_is_not_a_change_and_a_new_one_is(tmp_path: Path) -> None:
    session = saved_session(tmp_path)
    assert session.path is not None
    session.path.unlink()
    assert not session.changed_on_disk()

    fresh = Session.open(tmp_path / "later.toml", tmp_path)  # missing: a new plan there
    assert not fresh.changed_on_disk()
    store.save(Plan(title="Someone else made it"), tmp_path / "later.toml")
    assert fresh.changed_on_disk()


# ----- a copy ---------------------------------------------------------------------------


def test_open_copy_makes_a_free_copy_beside_the_plan(tmp_path: Path) -> None:
    session = saved_session(tmp_path)
    session.plan.impact.project = "More people come"
    session.save()
    original = session.path.read_bytes()  # type: ignore[union-attr]

    reader = Session.open(session.path, tmp_path)  # type: ignore[arg-type]
    first = reader.open_copy()
    assert first.path == tmp_path / "our-day-centre-copy.toml"
    assert first.plan.impact.project == "More people come"
    assert first.holds_lock
    second = reader.open_copy()
    assert second.path == tmp_path / "our-day-centre-copy-2.toml"
    assert session.path.read_bytes() == original  # type: ignore[union-attr]

    first.plan.title = "Only the copy"
    assert first.save().ok
    assert store.load(session.path).title == "Our day centre"  # type: ignore[arg-type]


def test_open_copy_never_takes_the_name_of_a_summary(tmp_path: Path) -> None:
    session = saved_session(tmp_path)
    (tmp_path / "our-day-centre-copy.md").write_text("someone's notes")
    assert session.open_copy().path == tmp_path / "our-day-centre-copy-2.toml"
    assert (tmp_path / "our-day-centre-copy.md").read_text() == "someone's notes"


# ----- saves that fail ------------------------------------------------------------------


def test_read_only_never_writes(tmp_path: Path) -> None:
    session = saved_session(tmp_path)
    before = session.path.read_bytes()  # type: ignore[union-attr]
    session.read_only = True
    session.plan.title = "Changed while reading"
    result = session.save()
    assert not result.ok
    assert result.problem
    assert session.path.read_bytes() == before  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.ENOSPC, "disk is full"),
        (errno.EACCES, "does not let us save"),
        (errno.EROFS, "read only"),
        (errno.EIO, "The computer said"),
    ],
)
def test_a_failed_save_keeps_the_answers_and_the_next_save_works(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, words: str
) -> None:
    session = saved_session(tmp_path)
    path = session.path
    assert path is not None
    session.plan.impact.project = "Words that must not be lost"

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "replace", fail)
    result = session.save()
    assert not result.ok
    assert words in result.problem
    assert "\n" not in result.problem
    assert session.plan.impact.project == "Words that must not be lost"
    assert store.load(path).impact.project == ""  # the old file is whole
    assert not list(tmp_path.glob(".*.tmp"))

    monkeypatch.undo()
    assert session.save().ok
    assert store.load(path).impact.project == "Words that must not be lost"


def test_a_full_disk_while_making_the_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    session = saved_session(tmp_path)
    session.plan.title = "New name"

    def full(*args: object, **kwargs: object) -> tuple[int, str]:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(tempfile, "mkstemp", full)
    assert not session.save().ok
    monkeypatch.undo()
    assert session.save().ok
    assert store.load(session.path).title == "New name"  # type: ignore[arg-type]


def test_a_removed_folder_is_made_again_on_the_next_save(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    session = saved_session(folder)
    session.acquire_lock()
    for file in folder.iterdir():
        file.unlink()
    folder.rmdir()

    session.plan.impact.project = "Still here"
    assert session.save().ok
    assert store.load(session.path).impact.project == "Still here"  # type: ignore[arg-type]
    assert session.lock_path.exists()  # type: ignore[union-attr]


def test_a_folder_gone_with_its_parent_is_reported_plainly(tmp_path: Path) -> None:
    folder = tmp_path / "usb" / "plans"
    session = saved_session(folder)
    for file in folder.iterdir():
        file.unlink()
    folder.rmdir()
    folder.parent.rmdir()  # the stick was taken out: do not fake it on this disk
    result = session.save()
    assert not result.ok
    assert "not there any more" in result.problem
    assert not folder.parent.exists()


def test_taking_the_lock_sweeps_old_leftovers_of_killed_saves(tmp_path: Path) -> None:
    session = saved_session(tmp_path)
    old = [
        tmp_path / ".our-day-centre.toml.abc123.tmp",
        tmp_path / ".our-day-centre.md.abc123.tmp",
        tmp_path / ".our-day-centre.toml.draft.x1.tmp",
        tmp_path / ".our-day-centre.toml.lock.x2.stale",
    ]
    fresh = tmp_path / ".our-day-centre.toml.def456.tmp"  # a save may be writing it now
    other = tmp_path / ".another-plan.toml.abc.tmp"
    keep = tmp_path / ".our-day-centre.notes"
    for file in [*old, fresh, other, keep]:
        file.write_text("half")
    for file in [*old, other, keep]:
        os.utime(file, (1_000_000, 1_000_000))
    assert session.acquire_lock() is None
    assert not any(file.exists() for file in old)
    assert fresh.exists() and other.exists() and keep.exists()


def test_an_answer_that_cannot_be_written_is_explained_in_plain_words(tmp_path: Path) -> None:
    """A lone surrogate (a broken paste) cannot be written as UTF-8: say so without codec talk."""
    session = saved_session(tmp_path)
    path = session.path
    assert path is not None
    before = path.read_bytes()
    session.plan.impact.project = "Broken \udcff paste"
    result = session.save()
    assert not result.ok
    assert result.problem == content.problem("save", "letters")
    assert "codec" not in result.problem and "'" not in result.problem
    assert path.read_bytes() == before
