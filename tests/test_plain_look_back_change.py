"""change in the plain look-back: a new status asks what it brings; one quote or surprise is changed.

Driven through a pipe, and checked by what is printed and what the plan file holds.
"""

from __future__ import annotations

import io
import tomllib
from pathlib import Path
from typing import Any

from backmap import content
from backmap.plain_look_back import run_plain_look_back
from tests.example_plans import example_copy, lines

TIMES = "How many times did it happen?"
CAME = "Who came?"


def plain(key: str, **values: object) -> str:
    return content.word("plain", key, **values)


def run_look_back(path: Path, answers: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    code = run_plain_look_back(path, path.parent, stdin=io.StringIO(lines(*answers)), stdout=out)
    return code, out.getvalue()


def look_back(path: Path) -> dict[str, Any]:
    (checkin,) = tomllib.loads(path.read_text(encoding="utf-8"))["checkins"]
    return dict(checkin)


def after_change(said: str) -> str:
    """What was said from the moment change was typed to the moment we went back."""
    return said.split(plain("change_title"), 1)[1].split(plain("back_where"), 1)[0]


def test_a_status_changed_to_done_asks_how_many_times_and_who_came_then_goes_back(tmp_path: Path) -> None:
    path = example_copy(tmp_path)
    # The date; who; activity 1 not yet (nothing more asked); at activity 2's status: change,
    # step 2, activity 1 (one question: its status), done; 4 times; who came; then 2 is started.
    answers = ["2027-03-01", "1 2", "n", "change", "2", "1", "d", "4", "Sam and Jo", "s", "stop"]
    code, said = run_look_back(path, answers)
    assert code == 0, said
    checkin = look_back(path)
    assert checkin["activities"][0] == {"activity": "a1", "status": "done", "times": 4, "came": "Sam and Jo"}
    assert checkin["activities"][1]["status"] == "started"  # back where change was typed
    changed = after_change(said)
    assert changed.index(TIMES) < changed.index(CAME)
    back = said.split(plain("back_where"), 1)[1].split(plain("prompt"), 1)[0]
    assert "activity 2 of 5" in back and "Did this happen?" in back


def test_the_questions_a_new_status_brings_can_each_be_skipped(tmp_path: Path) -> None:
    path = example_copy(tmp_path)
    answers = ["2027-03-01", "1 2", "n", "change", "2", "1", "started", "", "", "d", "stop"]
    code, said = run_look_back(path, answers)
    assert code == 0, said
    checkin = look_back(path)
    assert checkin["activities"][0] == {"activity": "a1", "status": "started"}
    assert checkin["activities"][1]["status"] == "done"
    changed = after_change(said)
    assert TIMES in changed and CAME in changed
    assert changed.count(plain("empty_line", what=plain("what_skip"))) == 2


def test_a_status_changed_to_not_yet_asks_nothing_more(tmp_path: Path) -> None:
    path = example_copy(tmp_path)
    # Activity 1 done, 3 times, Sam came; at activity 2: change it to not yet; then 2 is started.
    answers = ["2027-03-01", "1 2", "d", "3", "Sam", "change", "2", "1", "1", "n", "s", "stop"]
    code, said = run_look_back(path, answers)
    assert code == 0, said
    checkin = look_back(path)
    assert checkin["activities"][0]["status"] == "not-yet"
    assert checkin["activities"][1]["status"] == "started"
    changed = after_change(said)
    asked = changed.rsplit("Did this happen?", 1)[1]  # the status asked again, and what came after it
    assert "Not yet" in asked and TIMES not in asked and CAME not in asked
