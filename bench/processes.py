"""Starting whole processes and timing them: plainly, or inside a real terminal (a pty)."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
COLUMNS, LINES = 80, 24


def backmap_command() -> list[str]:
    """How a person starts backmap: the console script, run by this venv's Python."""
    script = Path(PYTHON).with_name("backmap")
    if script.exists():
        return [PYTHON, str(script)]
    return [PYTHON, "-m", "backmap"]


def quiet_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment for a measured process: its own home, plans and settings folders."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BACKMAP_", "TEXTUAL"))}
    env.update(
        HOME=str(home),
        BACKMAP_DIR=str(home / "plans"),
        BACKMAP_CONFIG_DIR=str(home / "config"),
        TERM="xterm-256color",
        COLUMNS=str(COLUMNS),
        LINES=str(LINES),
    )
    env.update(extra)
    return env


def time_process(argv: list[str], env: dict[str, str], cwd: Path) -> float:
    """Seconds from starting a process to its end, output thrown away. Fails loudly on an error."""
    start = time.perf_counter()
    result = subprocess.run(argv, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if result.returncode not in (0, 1):
        raise RuntimeError(f"{argv} failed ({result.returncode}): {result.stderr.decode()[-2000:]}")
    return elapsed


def _controlling_terminal() -> None:
    """In the child: a new session whose controlling terminal is the pty on stdin."""
    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


def time_in_pty(argv: list[str], env: dict[str, str], cwd: Path, timeout: float = 60.0) -> float:
    """Seconds from starting a process in a real 80x24 terminal to its end.

    Everything the process draws is read (and thrown away) as it comes, like a
    terminal would, so it never waits on a full pty buffer.
    """
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
    drawn = 0
    start = time.perf_counter()
    process = subprocess.Popen(
        argv,
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        cwd=cwd,
        preexec_fn=_controlling_terminal,
    )
    os.close(slave)
    try:
        while True:
            if time.perf_counter() - start > timeout:
                process.kill()
                raise RuntimeError(f"{argv} did not exit within {timeout} s")
            ready, _, _ = select.select([master], [], [], 0.5)
            if not ready:
                if process.poll() is not None:
                    break
                continue
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: every copy of the slave side is closed, so the process is gone
                break
            if not chunk:
                break
            drawn += len(chunk)
        code = process.wait()
        elapsed = time.perf_counter() - start
    finally:
        os.close(master)
    if code != 0 or drawn < 200:
        raise RuntimeError(f"{argv} exited with {code} after drawing {drawn} bytes")
    return elapsed


def run_json(argv: list[str], env: dict[str, str], cwd: Path) -> str:
    """Run a helper process and return its last line of output (a JSON document)."""
    result = subprocess.run(argv, env=env, cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"{argv} failed: {result.stderr[-3000:]}")
    return result.stdout.strip().splitlines()[-1]
