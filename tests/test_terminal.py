"""The real program in a real pseudo-terminal: start, answer, quit, and hear where the files are."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pexpect

from backmap.core import store


def spawn(args: list[str], home: Path) -> pexpect.spawn:
    env = {**os.environ, "TERM": "xterm-256color", "HOME": str(home), "COLUMNS": "80", "LINES": "24"}
    env.pop("NO_COLOR", None)
    return pexpect.spawn(
        sys.executable,
        ["-m", "backmap", *args],
        env=env,
        dimensions=(24, 80),
        encoding="utf-8",
        timeout=30,
    )


def test_quit_saves_and_prints_where_the_files_are(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    child = spawn(["--dir", str(folder)], tmp_path)
    child.expect_exact("Start a new plan")
    child.send("\r")
    child.expect_exact("Step 1 of 10")
    child.send("Tea and talk")
    child.expect_exact("Tea and talk")
    child.send("\x11")  # Ctrl+Q: save, then quit
    child.expect_exact("Your plan is saved in")
    child.expect(pexpect.EOF)
    output = child.before
    plan_file = folder / "tea-and-talk.toml"
    assert str(plan_file) in output.replace("\r\n", "")
    assert str(plan_file.with_suffix(".md")) in output.replace("\r\n", "")
    assert str(plan_file.with_suffix(".html")) in output.replace("\r\n", "")
    child.close()
    assert child.exitstatus == 0
    assert store.load(plan_file).title == "Tea and talk"


def test_bad_plan_file_gives_plain_words_not_a_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_bytes(b"title = \n[[[")
    before = bad.read_bytes()
    child = spawn(["--dir", str(tmp_path), str(bad)], tmp_path)
    child.expect_exact("Cannot open")
    child.send("\x1b")  # Escape closes the message; the welcome screen is there
    child.expect_exact("Start a new plan")
    child.send("\x11")
    child.expect(pexpect.EOF)
    assert "Traceback" not in (child.before or "")
    assert bad.read_bytes() == before
