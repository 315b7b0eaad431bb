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


def test_answers_typed_on_a_plan_open_to_read_only_are_never_said_to_be_saved_in_it(tmp_path: Path) -> None:
    """Issue 19, point 3: it printed "Your plan is saved" (and a .md that was not there)."""
    import json
    import socket
    from datetime import UTC, datetime

    from backmap import content
    from tests.example_plans import EXAMPLE

    plan_file = tmp_path / "day.toml"
    plan_file.write_bytes(EXAMPLE.read_bytes())
    before = plan_file.read_bytes()
    held = {"pid": 1, "host": socket.gethostname(), "since": datetime.now(UTC).isoformat()}
    plan_file.with_name("day.toml.lock").write_text(json.dumps(held), encoding="utf-8")
    child = spawn(["--dir", str(tmp_path), str(plan_file)], tmp_path)
    child.expect_exact(content.word("problems", "read"))
    child.send("\r")  # Read it only: the first choice
    child.expect_exact(content.word("app", "read_only"))
    child.send("\x07")  # Ctrl+G: go to the step with the plan's name
    child.expect_exact(content.word("goto", "title"))
    child.send("\x1b[H\r")  # Home, Enter: step 1
    child.expect_exact(content.page("title")["question"])
    child.send(" today\r")
    child.send("\x11")  # Ctrl+Q
    child.expect(pexpect.EOF)
    output = child.before.replace("\r\n", "")
    child.close()
    copy = tmp_path / "day-copy.toml"
    assert plan_file.read_bytes() == before
    assert store.load(copy).title.endswith(" today")
    assert str(copy) in output
    assert str(plan_file.with_suffix(".md")) not in output
    assert child.exitstatus == 0
