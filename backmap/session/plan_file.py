"""One open plan: where it lives, saving it with its summary, and keeping it safe.

The Textual app and the plain mode both save through this, so a plan and its
summary are always written the same way, and a failed save is reported, not lost.

A plan is hours of conversation, so this module also keeps:

- a draft of the answer being typed (``PLAN.toml.draft``), so a crash loses
  seconds, not an answer;
- a lock (``PLAN.toml.lock``), so a second backmap never overwrites the first;
- a fingerprint of the file as we last read or wrote it, so a change made by
  another program is noticed before we write over it.

Pure Python: no Textual here.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import secrets
import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from backmap import content
from backmap.core import store
from backmap.core.plan import Plan, now
from backmap.session import drafts as draft_files
from backmap.session import lock as locks
from backmap.session.lock import LockHolder
from backmap.session.problems import plain_problem
from backmap.session.summaries import SummaryWriter, write_summaries

# Drafts of a plan that has no file name yet: one file for each session, so the words of
# one new plan are never shown to another one, and two new plans never share a file.
NEW_PLAN_DRAFT = ".new-plan-{id}.draft"


@dataclass
class SaveResult:
    ok: bool
    when: datetime
    problem: str = ""


Stamp = tuple[int, int, str]  # mtime_ns, size, sha256 of the plan file


@dataclass
class Session:
    folder: Path
    plan: Plan = field(default_factory=Plan)
    path: Path | None = None  # None until the first save gives the plan a file name
    read_only: bool = False
    last_save: SaveResult | None = None
    # The file as we last read or wrote it; None when we have not seen it on disk.
    _disk: Stamp | None = field(default=None, repr=False, compare=False)
    _lock_held: bool = field(default=False, repr=False, compare=False)
    _lock_wanted: bool = field(default=False, repr=False, compare=False)  # the app asked for it
    _drafts: dict[str, str] | None = field(default=None, repr=False, compare=False)
    # The file was named "my-plan" by this session because the plan had no name yet.
    _default_name: bool = field(default=False, repr=False, compare=False)
    # That file, after the plan moved to a file named after it: removed after a good save.
    _leftover: Path | None = field(default=None, repr=False, compare=False)
    # This session has put the plan as it was before into PLAN.toml.bak.
    _backed_up: bool = field(default=False, repr=False, compare=False)
    # Names this session's draft while the plan has no file: never the same as another's.
    # Why the last draft could not be kept, in plain words; "" when it was.
    draft_problem: str = field(default="", repr=False, compare=False)
    _draft_id: str = field(default_factory=lambda: secrets.token_hex(8), repr=False, compare=False)

    @classmethod
    def open(cls, path: Path, folder: Path) -> Session:
        """Open a plan file, or start a new plan there when the file is missing."""
        if path.exists() or path.is_symlink():
            session = cls(folder=folder, plan=store.load(path), path=path)
            session._remember()
            return session
        return cls(folder=folder, plan=Plan(), path=path)

    @property
    def summary_path(self) -> Path | None:
        return store.summary_path(self.path) if self.path else None

    @property
    def page_path(self) -> Path | None:
        """The page to print, written beside the plan on every save."""
        return store.summary_path(self.path, ".html") if self.path else None

    def summaries_behind(self) -> bool:
        """Whether a summary is missing or older than the plan file.

        A backmap stopped in the moment between saving the plan and writing its summaries
        (they follow 0.3 s later), or a plan changed in a text editor, leaves them behind.
        """
        if self.path is None or self.read_only:
            return False
        try:
            written = self.path.stat().st_mtime_ns
            return any(
                summary.stat().st_mtime_ns < written for summary in (self.summary_path, self.page_path)
            )
        except FileNotFoundError:
            return self.path.exists()
        except OSError:
            return False

    def choose_path(self) -> Path:
        """Give a new plan its file, from its title, inside the plans folder."""
        if self.path is None:
            store.make_private_folder(self.folder)
            old_draft = self.draft_path
            self.path = store.unique_path(self.folder, self.plan.title)
            self._default_name = not _has_own_name(self.plan.title)
            if self._lock_wanted:
                self.acquire_lock()
            self._move_drafts(old_draft)
        return self.path

    # ----- saving ---------------------------------------------------------------------

    def save(self, summaries: SummaryWriter | None = None) -> SaveResult:
        """Save the plan and write its summary beside it. Never raises for disk trouble.

        The plan file is written before this returns. The summaries are written too, or,
        given a writer, handed to its background thread (the app does that, so typing
        never waits for them). On failure the plan stays in memory as it is, so the next
        save simply tries again.
        """
        if self.read_only:
            self.last_save = SaveResult(False, now(), content.word("safety", "read_only_save"))
            return self.last_save
        try:
            self._take_new_name()
            path = self.choose_path()
            if not path.parent.exists():
                # The folder was removed while the plan was open: make it again (one level
                # only, so a missing USB stick is reported, not faked on the laptop's disk).
                if not path.parent.parent.is_dir():
                    raise FileNotFoundError(errno.ENOENT, "folder gone", str(path.parent))
                store.make_private_folder(path.parent)
            text = store.dumps(self.plan)
            store.check_size(text)
            # The backup keeps the plan as it was before this session first changed it,
            # and any version another program wrote that we now save over.
            backup = not self._backed_up or self.changed_on_disk()
            if store.write_text_atomic(path, text, keep_backup=backup):
                self._backed_up = True
            self._remember()
            self._keep_lock_file()
            if summaries is None:
                write_summaries(self.plan, path)
            else:
                summaries.write(text, path)
            if self._leftover is not None:
                _remove_plan_files(self._leftover, summaries)
                self._leftover = None
        except store.TooBigToSave as error:
            self.last_save = SaveResult(False, now(), self._keep_too_big(error))
            return self.last_save
        except (OSError, UnicodeError) as error:
            self.last_save = SaveResult(False, now(), plain_problem(error))
            return self.last_save
        self.last_save = SaveResult(True, now())
        return self.last_save

    @property
    def too_big_path(self) -> Path | None:
        """Where the words of a plan too big to save are kept, as text a person can open."""
        return self.path.with_name(self.path.name + ".too-big.txt") if self.path else None

    def _keep_too_big(self, error: store.TooBigToSave) -> str:
        """Keep every word of a plan too big to save in a text file; say so in plain words.

        The plan file and its backup stay as they were, so the plan still opens.
        """
        most = store.MAX_FILE_BYTES // (1024 * 1024)
        problem = content.problem("save", "too_big", size=error.megabytes(), most=most)
        kept = self.too_big_path
        try:
            if kept is None:
                raise FileNotFoundError(errno.ENOENT, "no file name yet")
            store.write_text_atomic(kept, store.dumps(self.plan))
        except (OSError, UnicodeError) as failure:
            return f"{problem} {plain_problem(failure)}"
        return f"{problem} {content.problem('save', 'too_big_kept', name=kept.name)}"

    def _take_new_name(self) -> None:
        """A plan first saved without a name moves to a file named after it, once it has one.

        Only a file this session made is moved, never one a person opened. The old file
        is removed once the plan is safe in the new one.
        """
        if not self._default_name or self.path is None or not _has_own_name(self.plan.title):
            return
        old, wanted = self.path, self._lock_wanted
        old_draft = self.draft_path
        self.release_lock()
        self._lock_wanted = wanted
        self.path = store.unique_path(self.folder, self.plan.title)
        self._default_name = False
        if wanted:
            self.acquire_lock()
        self._move_drafts(old_draft)
        self._leftover = old

    # ----- changed on disk --------------------------------------------------------------

    def _remember(self) -> None:
        """Note the plan file as it is now, after we read or wrote it."""
        self._disk = _stamp(self.path) if self.path is not None else None

    def changed_on_disk(self) -> bool:
        """Whether another program changed (or made) the plan file since we read or wrote it.

        A file that was deleted is not "changed": saving puts it back and loses nothing.
        """
        if self.path is None:
            return False
        try:
            info = self.path.stat()
        except OSError:
            return False
        if self._disk is None:
            return True
        mtime_ns, size, digest = self._disk
        if (info.st_mtime_ns, info.st_size) == (mtime_ns, size):
            return False
        current = _stamp(self.path)
        if current is None:
            return False
        if current[2] == digest:
            # Touched but the same words (a copy, a backup program): nothing to ask about.
            self._disk = current
            return False
        return True

    def reload(self) -> None:
        """Read the plan file again, in place of the plan in memory. Raises store.PlanError."""
        if self.path is None:
            return
        self.plan = store.load(self.path)
        self._remember()

    # ----- drafts -----------------------------------------------------------------------

    @property
    def draft_path(self) -> Path:
        if self.path is None:
            return self.folder / NEW_PLAN_DRAFT.format(id=self._draft_id)
        return self.path.with_name(self.path.name + ".draft")

    def load_draft(self) -> dict[str, str]:
        """Words typed last time that never reached the plan, by answer key.

        A read-only session shows none: those drafts belong to the backmap that has
        the plan open.
        """
        if self.read_only:
            return {}
        if self._drafts is None:
            self._drafts = draft_files.read_drafts(self.draft_path)
        return dict(self._drafts)

    def save_draft(self, key: str, text: str) -> bool:
        """Keep the words being typed in one answer; True when they are on disk."""
        if self.read_only:
            return False
        drafts = self.load_draft()
        if drafts.get(key) == text:
            return True
        drafts[key] = text
        self._drafts = drafts
        return self._write_drafts()

    def clear_draft(self, key: str | None = None) -> None:
        """Forget one draft (or all of them) once the words are safe in the plan."""
        if self.read_only:
            return
        drafts = self.load_draft()
        if key is None:
            if not drafts and not self.draft_path.exists():
                return
            drafts.clear()
        elif drafts.pop(key, None) is None:
            return
        self._drafts = drafts
        self._write_drafts()

    def _write_drafts(self) -> bool:
        """Write the drafts; on failure say why in draft_problem, for the app to show."""
        target = self.draft_path
        try:
            if not self._drafts:
                with contextlib.suppress(FileNotFoundError):
                    target.unlink()
                self.draft_problem = ""
                return True
            store.make_private_folder(target.parent)
            data = {"backmap_draft": draft_files.DRAFT_FORMAT, "answers": self._drafts}
            text = json.dumps(data, ensure_ascii=False, indent=1)
            if len(text.encode("utf-8", "surrogatepass")) > draft_files.MAX_DRAFT_BYTES:
                # It could never be read back: say so rather than keep words we would lose.
                self.draft_problem = content.word("safety", "draft_too_big")
                return False
            store.write_text_atomic(target, text)
        except (OSError, UnicodeError) as error:
            self.draft_problem = f"{content.word('safety', 'draft_not_kept')} {plain_problem(error)}"
            return False
        self.draft_problem = ""
        return True

    def _move_drafts(self, old: Path) -> None:
        """A new plan got its file: its drafts move to the plan's own draft file."""
        if old == self.draft_path:
            return
        moved = {**draft_files.read_drafts(old), **(self._drafts or {})}
        self._drafts = {**draft_files.read_drafts(self.draft_path), **moved}
        if self._write_drafts():
            with contextlib.suppress(OSError):
                old.unlink()

    # ----- the lock ---------------------------------------------------------------------

    @property
    def lock_path(self) -> Path | None:
        return self.path.with_name(self.path.name + ".lock") if self.path is not None else None

    @property
    def holds_lock(self) -> bool:
        return self._lock_held

    def acquire_lock(self) -> LockHolder | None:
        """Take the plan's lock. None means we have it; else who has the plan open.

        A lock left by a backmap that died on this computer is taken over. If the
        lock cannot be written at all (a read-only folder), None too: saving will
        then report the real problem.
        """
        self._lock_wanted = True
        lock = self.lock_path
        if lock is None:
            return None  # no file yet; choose_path takes the lock when there is one
        me = LockHolder(os.getpid(), socket.gethostname(), now().isoformat())
        text = json.dumps({"pid": me.pid, "host": me.host, "since": me.since})
        for _ in range(5):
            try:
                created = locks.create_new(lock, text)
            except OSError:
                return None
            if created:
                self._lock_held = True
                locks.sweep_leftovers(self.path)  # type: ignore[arg-type]
                return None
            holder = locks.read_holder(lock)
            if holder is not None and (holder.host, holder.pid) == (me.host, me.pid):
                self._lock_held = True
                return None
            if holder is not None and not locks.is_stale(holder, me.host):
                return holder
            locks.remove_stale(lock)
        holder = locks.read_holder(lock)
        return holder or LockHolder(0, "", "")

    def take_over_lock(self) -> LockHolder | None:
        """Take the plan's lock from whoever has it, because the person asked to.

        For a lock backmap cannot prove dead: one from another computer, or one that is
        wrong. The other backmap, if it still runs, notices the change on disk before it
        saves. None means the lock is ours now; else who took it in the meantime.
        """
        self._lock_wanted = True
        lock = self.lock_path
        if lock is None:
            return None
        holder = locks.read_holder(lock)
        if holder is None or (holder.host, holder.pid) != (socket.gethostname(), os.getpid()):
            locks.remove_stale(lock)
        return self.acquire_lock()

    def release_lock(self) -> None:
        """Give the lock back, but only if it is still ours."""
        lock = self.lock_path
        self._lock_wanted = False
        if not self._lock_held or lock is None:
            return
        self._lock_held = False
        holder = locks.read_holder(lock)
        if holder is not None and (holder.host, holder.pid) == (socket.gethostname(), os.getpid()):
            with contextlib.suppress(OSError):
                lock.unlink()

    def _keep_lock_file(self) -> None:
        """Take the lock we could not take before (no folder yet), or put back a removed one."""
        lock = self.lock_path
        if self._lock_wanted and lock is not None and (not self._lock_held or not lock.exists()):
            self.acquire_lock()

    # ----- a copy -----------------------------------------------------------------------

    def open_copy(self) -> Session:
        """A new session on a copy of this plan beside it, for when the plan is in use.

        The copy is ``NAME-copy.toml`` (``NAME-copy-2.toml`` and so on); no file is
        ever written over. Raises OSError when the copy cannot be written.
        """
        source = self.path if self.path is not None else self.choose_path()
        stem = source.stem

        def names() -> Iterator[Path]:
            for number in range(1, 10_000):
                tag = "-copy" if number == 1 else f"-copy-{number}"
                candidate = source.with_name(f"{stem}{tag}.toml")
                if not store.summary_path(candidate).exists():
                    yield candidate

        text = store.dumps(self.plan)
        try:
            store.check_size(text)
        except store.TooBigToSave as error:
            most = store.MAX_FILE_BYTES // (1024 * 1024)
            words = content.problem("save", "too_big", size=error.megabytes(), most=most)
            raise OSError(errno.EFBIG, words) from None
        target = locks.write_new_file(names(), text)
        copy = Session(folder=self.folder, plan=store.load(target), path=target)
        copy._remember()
        copy.acquire_lock()
        return copy


# ----- helpers ------------------------------------------------------------------------


def _has_own_name(title: str) -> bool:
    """False when the title gives no file name of its own (blank, or only signs)."""
    return store.safe_filename(title) != store.safe_filename("")


def _remove_plan_files(old: Path, summaries: SummaryWriter | None) -> None:
    """Remove a plan's old file, its backup and its summaries, after a move to a new name."""
    if summaries is not None:
        summaries.wait(5)  # a summary still being written to the old name would come back
    for leftover in (old, old.with_name(old.name + ".bak"), *_summary_paths(old)):
        with contextlib.suppress(OSError):
            leftover.unlink()


def _summary_paths(plan_path: Path) -> tuple[Path, ...]:
    from backmap.core import story

    return store.summary_path(plan_path), store.summary_path(plan_path, ".html"), *story.paths(plan_path)


def _stamp(path: Path) -> Stamp | None:
    try:
        info = path.stat()
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None
    return (info.st_mtime_ns, info.st_size, digest)
