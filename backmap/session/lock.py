"""The lock beside a plan (``PLAN.toml.lock``): who has it open, and taking over a dead one.

A second backmap on the same plan would overwrite the first one's answers, so the
plan is opened by one backmap at a time; a lock left by one that died is taken over.
"""

from __future__ import annotations

import contextlib
import errno
import glob
import json
import os
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from backmap import content
from backmap.core import store


@dataclass(frozen=True)
class LockHolder:
    """Who has the plan open: enough to tell a person, never enough to act on blindly."""

    pid: int
    host: str
    since: str = ""


LEFTOVER_AGE = 60.0  # seconds: far longer than any save takes


def sweep_leftovers(plan_path: Path) -> None:
    """Remove temporary files a killed save left beside the plan (hidden ".NAME.*.tmp").

    Only old ones: a save in progress (the plain mode takes no lock) lasts milliseconds.
    """
    stem = plan_path.stem
    now_seconds = time.time()
    with contextlib.suppress(OSError):
        for leftover in plan_path.parent.glob(f".{glob.escape(stem)}.*"):
            if leftover.suffix not in (".tmp", ".stale") or not leftover.is_file():
                continue
            with contextlib.suppress(OSError):
                if now_seconds - leftover.stat().st_mtime > LEFTOVER_AGE:
                    leftover.unlink()


def create_new(path: Path, text: str) -> bool:
    """Make a file that holds text, only if there is none: False if one is there.

    The text is written first and then linked into place, so nobody ever sees the
    file empty. Where links are not allowed (some USB sticks) it falls back to O_EXCL.
    """
    folder = path.parent
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        try:
            os.link(temporary, path)
            return True
        except FileExistsError:
            return False
        except OSError:
            pass  # no hard links here
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            return False
        with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        return True
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temporary)


def write_new_file(names: Iterator[Path], text: str) -> Path:
    """Write text to the first name in names that is free, never over another file."""
    for candidate in names:
        if create_new(candidate, text):
            return candidate
    raise OSError(errno.EEXIST, content.problem("save", "no_free_name"))


# A lock holds a few dozen bytes; anything far bigger is not one of ours.
MAX_LOCK_BYTES = 4096
# Process ids fit in 32 bits on every system we know; a bigger one is a broken lock.
MAX_PID = 2**31 - 1


def read_holder(lock: Path) -> LockHolder | None:
    """Who the lock names, or None for a lock that is broken, strange or not a plain file."""
    raw = store.read_small_file(lock, MAX_LOCK_BYTES)
    if raw is None:
        return None
    try:
        data: Any = json.loads(raw.decode("utf-8"))
        pid, host = int(data["pid"]), str(data["host"])
        since = str(data.get("since", ""))
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return None
    if not 0 < pid <= MAX_PID:
        return None
    return LockHolder(pid, host, since)


def is_stale(holder: LockHolder, host: str) -> bool:
    """A lock is stale when its backmap is known to be gone: same computer, dead pid.

    After a restart (or a long time) the same pid can belong to another program, so a
    process that started after the lock was written cannot be the backmap that wrote it.
    """
    if holder.host != host:
        return False
    return not pid_alive(holder.pid) or started_after(holder.pid, holder.since)


# Seconds of slack: the lock's time is cut to whole seconds, and so is the boot time.
_START_SLACK = 5


def started_after(pid: int, since: str) -> bool:
    """True when process pid is known to have started after the time since (Linux only)."""
    try:
        written = datetime.fromisoformat(since).timestamp()
        stat = Path(f"/proc/{pid}/stat").read_text()
        with open("/proc/stat", encoding="ascii") as lines:
            boot = next(int(line.split()[1]) for line in lines if line.startswith("btime "))
        # Field 22, start time in clock ticks after boot; the name in () may hold spaces.
        ticks = int(stat.rsplit(")", 1)[-1].split()[19])
        started = boot + ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, StopIteration, AttributeError):
        return False  # not Linux, or no time in the lock: only a dead pid counts
    return started > written + _START_SLACK


def pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if os.name == "nt":  # pragma: no cover - Windows
        import ctypes

        kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        kernel.CloseHandle(handle)
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except (OSError, OverflowError):
        return False
    # A killed process that nobody has reaped yet (a zombie) is dead too.
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True
    return stat.rsplit(")", 1)[-1].split()[:1] != ["Z"]


def remove_stale(lock: Path) -> None:
    """Move a stale or broken lock out of the way; whoever moves it first wins."""
    try:
        handle, aside = tempfile.mkstemp(prefix=f".{lock.name}.", suffix=".stale", dir=lock.parent)
    except OSError:
        return
    os.close(handle)
    try:
        os.replace(lock, aside)
    except OSError:
        pass
    finally:
        with contextlib.suppress(OSError):
            os.unlink(aside)


def in_use_words(holder: LockHolder, host: str) -> list[str]:
    """What to tell the person about a lock we did not take: where the plan is open, what to do."""
    if holder.host and holder.host != host:
        return [
            content.word("safety", "in_use_elsewhere", host=holder.host),
            content.word("safety", "in_use_elsewhere_todo"),
        ]
    return [content.word("problems", "in_use")]
