"""change in the plain look-back: a new status asks what it brings; one quote or surprise is changed.

Driven through a pipe, and checked by what is printed and what the plan file holds.
"""

from __future__ import annotations

import io
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

from backmap.plain_look_back import run_plain_look_back
from tests.example_plans import example_copy, lines, plain
from tests.look_back_plans import (
    NO_QUOTE,
    PHOTO,
    TEAM_QUOTE,
    YES_QUOTE,
    example_with_look_backs,
    write_with_photo,
)

TIMES = "How many times did it happen?"
CAME = "Who came?"


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


def test_a_stepping_stones_new_status_asks_how_we_know_and_what_the_person_says(tmp_path: Path) -> None:
    path = example_copy(tmp_path)
    # At the date: change, step 3 (what changed), stone 1 (no status yet: one question, asked
    # at once), on the way; how do we know; the person agrees (an empty line); then the date.
    answers = ["change", "3", "1", "on the way", "We have two pages.", "", "2027-03-01", "stop"]
    code, said = run_look_back(path, answers)
    assert code == 0, said
    checkin = look_back(path)
    assert checkin["outcomes"][0] == {
        "outcome": "o1",
        "status": "on-the-way",
        "how_we_know": "We have two pages.",
    }
    assert checkin["date"] == date(2027, 3, 1)  # back where change was typed
    changed = after_change(said)
    assert changed.index("How do you know?") < changed.index("Does everyone see it the same way?")


# ----- one quote or one surprise -------------------------------------------------------

FIRST = "3"  # change the look-back of 1 March 2027: three quotes (yes, team, no) and one surprise
SAID, SURPRISES = "4", "5"  # the steps in change's list
NEW_WORDS = "I feel better about the meetings now."


def first_look_back(path: Path) -> dict[str, Any]:
    return dict(tomllib.loads(path.read_text(encoding="utf-8"))["checkins"][0])


def test_change_picks_one_quote_and_one_of_its_answers(tmp_path: Path) -> None:
    path = write_with_photo(example_with_look_backs(), tmp_path)
    before = first_look_back(path)
    # At the date: change, what people said, quote 2 (the team's), question 3: who may see it, anyone.
    code, said = run_look_back(path, [FIRST, "change", SAID, "2", "3", "1", "stop"])
    assert code == 0, said
    after = first_look_back(path)
    assert [v["share"] for v in after["voices"]] == ["yes", "yes", "no"]  # that one answer, and no other
    assert [v["text"] for v in after["voices"]] == [v["text"] for v in before["voices"]]
    assert after["surprises"] == before["surprises"]
    listed = said.split(plain("change_which_item"), 1)[1].split(plain("change_choose"), 1)[0]
    assert f"1. {YES_QUOTE}" in listed and f"2. {TEAM_QUOTE}" in listed
    assert "3. A quote kept private" in listed
    assert "4. " + plain("change_add", item="thing someone said") in listed
    questions = said.split(plain("change_which_question"), 1)[1].split(plain("change_choose"), 1)[0]
    assert plain("change_row", number=2, question="Who said it?", answer="Sam") in questions
    assert plain("change_row", number=3, question="Who may see it?", answer="Only our team") in questions
    assert "Now we go back to where you were." in said
    assert "What they said:" not in said  # the whole list was not opened


def test_a_private_quote_is_changed_without_its_words_ever_printed(tmp_path: Path) -> None:
    path = write_with_photo(example_with_look_backs(), tmp_path)
    # change, what people said, the private quote, its words: new ones; then who said it: Jo.
    answers = [FIRST, "change", SAID, "3", "1", NEW_WORDS, "change", SAID, "3", "2", "Jo", "stop"]
    code, said = run_look_back(path, answers)
    assert code == 0, said
    voice = first_look_back(path)["voices"][2]
    assert (voice["text"], voice["said_by"], voice["share"]) == (NEW_WORDS, "Jo", "no")
    assert NO_QUOTE not in said and NEW_WORDS not in said
    assert said.count("A quote kept private") >= 4  # in both lists, and said before each question
    assert "(We do not show these words here.)" in said


def test_a_quote_is_removed_by_its_number(tmp_path: Path) -> None:
    path = write_with_photo(example_with_look_backs(), tmp_path)
    code, said = run_look_back(path, [FIRST, "change", SAID, "3", "1", "remove", "stop"])
    assert code == 0, said
    assert [v["text"] for v in first_look_back(path)["voices"]] == [YES_QUOTE, TEAM_QUOTE]
    assert plain("removed", text="A quote kept private") in said
    assert NO_QUOTE not in said


def test_change_picks_one_surprise_and_changes_its_words(tmp_path: Path) -> None:
    path = write_with_photo(example_with_look_backs(), tmp_path)
    # One surprise and "add a new one": the surprise is number 1; its one question comes at once.
    code, said = run_look_back(path, [FIRST, "change", SURPRISES, "1", "Sam runs the tea break.", "stop"])
    assert code == 0, said
    assert first_look_back(path)["surprises"] == [{"text": "Sam runs the tea break."}]
    assert "2. " + plain("change_add", item="surprise") in said
    assert plain("change_which_question") not in said
    assert (
        plain("about", item="surprise", number=1, text="Sam now runs the tea break at every meeting.") in said
    )


PHOTO_SECRET = "Sam crying by the door."


def private_quote_with_photo(folder: Path) -> Path:
    """The example, its private quote with a photo and words about it."""
    plan = example_with_look_backs()
    private = plan.checkins[0].voices[2]
    private.photo, private.photo_words = PHOTO, PHOTO_SECRET
    return write_with_photo(plan, folder)


def test_a_private_quotes_photo_words_are_never_printed_when_changed_or_added(tmp_path: Path) -> None:
    path = private_quote_with_photo(tmp_path)
    # change the private quote's photo words (question 6); then add a new private quote with a photo.
    change_photo = [FIRST, "change", SAID, "3", "6", "Sam by the window."]
    add_private = ["change", SAID, "4", NEW_WORDS, "Sam", "3", "", PHOTO, "New photo words.", ""]
    code, said = run_look_back(path, [*change_photo, *add_private, "stop"])
    assert code == 0, said
    voices = first_look_back(path)["voices"]
    assert voices[2]["photo_words"] == "Sam by the window."
    assert (voices[3]["text"], voices[3]["share"], voices[3]["photo_words"]) == (
        NEW_WORDS,
        "no",
        "New photo words.",
    )
    for secret in (PHOTO_SECRET, "Sam by the window.", "New photo words.", NO_QUOTE, NEW_WORDS):
        assert secret not in said
    assert (
        "6. What does the photo show? Say it in words. Your answer now: (We do not show these words here.)"
        in said
    )


def test_number_one_is_no_stepping_stone_and_two_the_first_when_adding_or_changing(tmp_path: Path) -> None:
    plan = example_with_look_backs()
    first_stone = plan.outcomes_in_order()[0].id
    path = write_with_photo(plan, tmp_path)
    # Quote 1 (about a stone): question 4, "1": no stone. Quote 2: "2", the first stone.
    change = ["change", SAID, "1", "4", "1", "change", SAID, "2", "4", "2"]
    # Two new quotes anyone may see: one about no stone, one about the first; no photos.
    add = ["change", SAID, "4", "New one.", "Jo", "1", "1", "", "Second one.", "Jo", "1", "2", "", ""]
    code, said = run_look_back(path, [FIRST, *change, *add, "stop"])
    assert code == 0, said
    voices = first_look_back(path)["voices"]
    assert [v.get("outcome", "") for v in voices] == ["", first_stone, "", "", first_stone]
    assert said.count("1. No stepping stone") == 4  # as the app lists it: first, in both
