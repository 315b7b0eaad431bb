"""The look-back as plain lines, through a pipe: the same questions, every answer saved at once."""

from __future__ import annotations

import io
import subprocess
import sys
import tomllib
from datetime import date
from pathlib import Path

from backmap.core import store
from backmap.core.flow import Page
from backmap.plain_look_back import run_plain_look_back
from backmap.plain_look_back_lists import said_aloud
from tests.example_plans import ROOT, example_copy
from tests.look_back_plans import example_with_look_backs, write_with_photo

SECRET = "I felt sad at the second meeting."
# A whole look-back of the worked example, one answer a line.
ANSWERS = [
    "2027-03-01",
    "1 2",
    "d",
    "3",
    "Sam and 5 others",
    "started",
    "",
    "",
    "n",
    "3",
    "4",
    "o",
    "We wrote two pages.",
    "",
    "n",
    "",
    "2",
    "i",
    "",
    "",
    "w",
    "",
    "",
    "I chose the colours.",
    "Sam",
    "1",
    "4",  # the third stepping stone: 1 is "No stepping stone", as in the app
    "",
    SECRET,
    "Sam",
    "3",
    "",
    "",
    "",
    "Sam runs the tea break.",
    "",
    "Too long.",
    "Short is better.",
    "Meet often.",
]


page = Page("look_back_voices", 4, "look_back_entries", "said", checkin="c1")


def run(path: Path, answers: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    code = run_plain_look_back(path, path.parent, stdin=io.StringIO("\n".join(answers) + "\n"), stdout=out)
    return code, out.getvalue()


def test_a_whole_look_back_through_a_pipe_holds_what_was_typed(tmp_path: Path) -> None:
    path = example_copy(tmp_path)
    code, said = run(path, ANSWERS)
    assert code == 0, said
    saved = tomllib.loads(path.read_text(encoding="utf-8"))
    (checkin,) = saved["checkins"]
    assert checkin["date"] == date(2027, 3, 1) and checkin["finished"] is True
    assert checkin["who"] == ["Sam", "Priya"]
    assert [a["status"] for a in checkin["activities"]] == [
        "done",
        "started",
        "not-yet",
        "not-yet",
        "stopped",
    ]
    assert checkin["activities"][0]["times"] == 3
    assert [(o["status"], o.get("person_says", "")) for o in checkin["outcomes"]] == [
        ("on-the-way", ""),
        ("not-yet", "happened"),
        ("happened", ""),
        ("changed-plan", ""),
    ]
    assert [(v["text"], v["share"], v.get("outcome", "")) for v in checkin["voices"]] == [
        ("I chose the colours.", "yes", "o3"),
        (SECRET, "no", ""),
    ]
    assert checkin["reflection"]["next"] == "Meet often."
    # The pathway now, in words and symbols, and where the files are.
    assert "[x] It happened: People who will use the centre make choices about the plan." in said
    assert "Someone sees it another way: It happened." in said  # both views kept, in the same words
    assert f"Your plan file: {path.absolute()}" in said


def test_private_words_are_never_printed_not_even_as_they_are_typed(tmp_path: Path) -> None:
    path = example_copy(tmp_path)
    code, said = run(path, ANSWERS)
    assert code == 0
    assert SECRET not in said
    assert "I chose the colours." not in said  # quotes are not echoed before their share is chosen
    assert "(We do not show these words here.)" in said
    # Read back later (the list of what people said, when it is asked again): named, never read.
    again = [said_aloud(page, voice) for voice in store.load(path).checkins[0].voices]
    assert again == ["I chose the colours. (Said by Sam. Anyone may see it)", "Kept private"]


def test_a_look_back_stopped_half_way_carries_on_where_it_stopped(tmp_path: Path) -> None:
    path = example_copy(tmp_path)
    code, said = run(path, ANSWERS[:5])  # the date, who, and the first activity
    assert code == 0
    saved = tomllib.loads(path.read_text(encoding="utf-8"))
    assert saved["checkins"][0]["finished"] is False
    assert saved["checkins"][0]["activities"][0]["came"] == "Sam and 5 others"
    code, said = run(path, ANSWERS[5:])
    assert "We carry on with the look-back of 1 March 2027." in said
    assert said.index("activity 2 of 5") < said.index("Did this happen?")
    assert "activity 1 of 5" not in said
    saved = tomllib.loads(path.read_text(encoding="utf-8"))
    assert len(saved["checkins"]) == 1 and saved["checkins"][0]["finished"] is True


def test_wrong_answers_are_asked_again_in_plain_words(tmp_path: Path) -> None:
    path = example_copy(tmp_path)
    code, said = run(path, ["the thirtieth of Febtober", "2027-03-01", "", "7", "maybe", "d", "lots", "3"])
    assert code == 0
    assert "We cannot read the thirtieth of Febtober as a date." in said
    assert said.count("Please type a number from 1 to 4, or the words.") == 2
    assert "Please type a number, like 3. Or leave it empty." in said
    assert "Traceback" not in said
    saved = tomllib.loads(path.read_text(encoding="utf-8"))
    assert saved["checkins"][0]["activities"][0] == {"activity": "a1", "status": "done", "times": 3}


def test_the_command_line_look_back_plain_never_imports_textual(tmp_path: Path) -> None:
    path = example_copy(tmp_path)
    program = (
        "import sys\n"
        "from backmap.cli import main\n"
        "code = main(['look-back', sys.argv[1], '--plain', '--dir', sys.argv[2]])\n"
        "print('TEXTUAL', [m for m in sys.modules if m == 'textual' or m.startswith('textual.')])\n"
        "sys.exit(code)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", program, str(path), str(tmp_path)],
        input="\n".join(ANSWERS) + "\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "TEXTUAL []" in result.stdout


def test_look_back_at_a_plan_that_is_not_there_says_so(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "backmap", "look-back", str(tmp_path / "nothing.toml")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert result.returncode == 2
    assert "There is no plan at" in result.stderr and "Traceback" not in result.stderr


def test_an_earlier_look_back_is_changed_only_when_chosen(tmp_path: Path) -> None:
    path = write_with_photo(example_with_look_backs(), tmp_path)
    before = tomllib.loads(path.read_text(encoding="utf-8"))["checkins"]
    code, said = run(path, [""])  # no choice made: nothing is opened, nothing changes
    assert "1. Start a new look-back" in said and "2. Change the look-back of 1 June 2027" in said
    assert "3. Change the look-back of 1 March 2027" in said
    assert tomllib.loads(path.read_text(encoding="utf-8"))["checkins"] == before
    code, said = run(path, ["3", "", "", "", "", "", "", "", "", "", "", "", "s"])  # a4: not yet -> started
    assert code == 0
    assert "You are changing the look-back of 1 March 2027." in said
    after = tomllib.loads(path.read_text(encoding="utf-8"))["checkins"]
    assert len(after) == 2 and after[1] == before[1] and after[0]["finished"] is True
    assert [a["status"] for a in after[0]["activities"]] == ["done", "started", "done", "started", "not-yet"]


def test_back_change_and_stop_steer_a_look_back(tmp_path: Path) -> None:
    path = example_copy(tmp_path)
    # The date, who; a1 done; back to a1's status (from its times); not yet instead; then
    # change to step 1, its question 2 (who): Sam only; back where we were; then stop.
    code, said = run(path, ["2027-03-01", "1 2", "d", "back", "n", "change", "1", "2", "1", "stop"])
    assert code == 0
    assert "You can type these words at any question:" in said
    assert "1. Who and when" in said and "Now we go back to where you were." in said
    checkin = tomllib.loads(path.read_text(encoding="utf-8"))["checkins"][0]
    assert checkin["activities"][0]["status"] == "not-yet"
    assert checkin["who"] == ["Sam"] and checkin["finished"] is False
    assert "You stopped the questions." in said
