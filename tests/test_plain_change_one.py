"""Plain mode's change goes to ONE question: a step, then the thing on it, then the question.

Everything is driven through a pipe, and checked by what is printed and what is on disk.
"""

from __future__ import annotations

import io
import tomllib
from pathlib import Path
from typing import Any

from backmap import content
from backmap.core import flow, store
from backmap.core.plan import Plan
from backmap.plain_look_back import run_plain_look_back
from tests.example_plans import example_copy, lines, plain, run_backmap, run_here, tea_plan

ROOT = Path(__file__).resolve().parent.parent
ACTIVITIES_PROJECT = 8  # "The project: What will you do for the project?" in change's list of steps


def saved(path: Path) -> dict[str, Any]:
    """The plan file as data, without the times it was made and saved."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    data.pop("created", None)
    data.pop("updated", None)
    return data


# Two project activities; at the second one's "who", change goes to the first one's "who".
BEFORE_CHANGE = [
    "Tea", "", "", "", "",  # name, no people, three impact answers
    "Stone A", "", "",  # one project stepping stone, no "how will you know"
    "",  # no co-production stepping stones
    "Visit rooms", "Make tea", "",  # two project activities
    "2", "1", "Priya", "In May",  # Visit rooms: kind, stepping stones, who, when
    "3", "1",  # Make tea: kind, stepping stones; now at its "who"
]  # fmt: skip
CHANGE_WHO = ["change", str(ACTIVITIES_PROJECT), "1", "4", "Sam"]  # activity 1, question 4: who
AFTER_CHANGE = ["Jo", "In June", ""]  # Make tea's who and when; no co-production activities


def test_changing_one_activitys_who_mid_interview_changes_only_that_and_carries_on(tmp_path: Path) -> None:
    plain_run = tmp_path / "plain"
    changed_run = tmp_path / "changed"
    plain_run.mkdir()
    changed_run.mkdir()
    without = run_backmap("--plain", "--dir", str(plain_run), text=lines(*BEFORE_CHANGE, *AFTER_CHANGE))
    result = run_backmap(
        "--plain", "--dir", str(changed_run), text=lines(*BEFORE_CHANGE, *CHANGE_WHO, *AFTER_CHANGE)
    )
    assert without.returncode == 0 and result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    expected = saved(plain_run / "tea.toml")
    expected["activities"][0]["who"] = "Sam"  # the one answer changed, and nothing else
    assert saved(changed_run / "tea.toml") == expected
    assert [(a["who"], a["when"]) for a in expected["activities"]] == [("Sam", "In May"), ("Jo", "In June")]
    out = result.stdout
    # The questions of the activity chosen, by number, each with its answer now.
    chosen = out.split(plain("change_which_question"), 1)[1]
    assert plain("change_row", number=4, question=plain("change_who"), answer="Priya") in chosen
    assert (
        plain("change_row", number=2, question=content.activity_word("kind_question"), answer="Meeting")
        in chosen
    )
    # Then straight back to where change was typed: Make tea's "who", not the start of the step.
    back = out.split(plain("back_where"), 1)[1]
    assert back.split(plain("prompt"), 1)[0].strip().splitlines() == [
        plain("about", item="activity", number=2, text="Make tea"),
        content.activity_word("who_question"),
    ]
    assert flow.step_label(flow.page("activities_project")) not in back.split(plain("prompt"), 1)[0]


def test_an_empty_line_keeps_the_answer_says_so_and_goes_back(tmp_path: Path) -> None:
    path = tmp_path / "tea.toml"
    plan = Plan(title="Tea")
    plan.impact.project = "People meet"
    store.save(plan, path)
    before = saved(path)
    # The name kept; no people; at the project's impact: change, 1 (the name), Enter.
    code, out = run_here(lines("", "", "", "change", "1", "", ""), tmp_path, str(path))
    assert code == 0
    assert saved(path) == before
    asked_again = out.split(plain("change_choose"), 1)[1]
    assert plain("answer_now", answer="Tea") in asked_again
    assert plain("empty_line", what=plain("what_keep")) in asked_again
    assert plain("back_where") in asked_again


def test_a_stepping_stones_how_we_know_alone_is_changed(tmp_path: Path) -> None:
    path = tea_plan(tmp_path, stones=("We find a room.", "We have cups."))
    # At the name: change, step 6 (the project's stepping stones), stone 2, question 2.
    code, out = run_here(lines("change", "6", "2", "2", "We count them", "Tea time"), tmp_path, str(path))
    assert code == 0
    after = store.load(path)
    assert [(o.text, o.how_we_know) for o in after.outcomes] == [
        ("We find a room.", ""),
        ("We have cups.", "We count them"),
    ]
    assert after.title == "Tea time"  # back at the name, which is answered next
    listed = out.split(plain("change_which_item"), 1)[1]
    assert "1. We find a room.\n2. We have cups.\n3. " + plain("change_add", item="stepping stone") in listed
    assert plain("change_row_empty", number=2, question=plain("change_how_we_know")) in listed


def test_back_goes_up_one_list_and_an_empty_line_stays(tmp_path: Path) -> None:
    path = tea_plan(tmp_path, people=(("Sam", "makes tea"), ("Jo", "")))
    before = saved(path)
    # change, people, back (to the steps), people, person 2, back (to the people), "" (stay).
    code, out = run_here(lines("change", "2", "back", "2", "2", "back", ""), tmp_path, str(path))
    assert code == 0
    assert out.count(plain("change_title")) == 2
    assert out.count(plain("change_which_item")) == 3
    assert plain("empty_line", what=plain("what_stay")) in out
    assert saved(path) == before
    # A person is one question: chosen, it is asked at once.
    code, out = run_here(lines("change", "2", "2", "Jo, drives the bus", "Tea"), tmp_path, str(path))
    assert [(p.name, p.role) for p in store.load(path).people] == [
        ("Sam", "makes tea"),
        ("Jo", "drives the bus"),
    ]
    assert plain("change_which_question") not in out


def test_a_step_with_an_empty_list_is_asked_from_its_start_to_add_to_it(tmp_path: Path) -> None:
    # No people; at the project's impact: change, people, one person, the list done; the impact.
    code, out = run_here(lines("Tea", "", "change", "2", "Sam, makes tea", "", "People meet"), tmp_path)
    assert code == 0
    plan = store.load(tmp_path / "tea.toml")
    assert [(p.name, p.role) for p in plan.people] == [("Sam", "makes tea")]
    assert plan.impact.project == "People meet"
    assert plain("change_which_item") not in out  # nothing on the list: nothing to choose from


def test_change_while_a_list_is_typed_goes_on_with_the_list_numbered_right(tmp_path: Path) -> None:
    # At "Person 2:": change, people, add a new person (3), Jo; then Kim is person 3.
    text = lines("Tea", "Sam, makes tea", "change", "2", "2", "", "Jo, drives", "", "Kim, cooks", "")
    code, out = run_here(text, tmp_path)
    assert code == 0
    assert [p.name for p in store.load(tmp_path / "tea.toml").people] == ["Sam", "Jo", "Kim"]
    after = out.split(plain("back_where"), 1)[1].split(plain("item_prompt", item="Person", number=3), 1)[0]
    assert after.strip() == plain("list_how", item="person")  # how the list goes on, then person 3


# ----- the look-back -------------------------------------------------------------------


def run_look_back(path: Path, answers: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    code = run_plain_look_back(path, path.parent, stdin=io.StringIO(lines(*answers)), stdout=out)
    return code, out.getvalue()


def test_change_in_a_look_back_asks_one_question_and_comes_back(tmp_path: Path) -> None:
    path = example_copy(tmp_path)
    # The date; who: Sam and Priya; activity 1 done, 3 times, Sam came; at activity 2's status:
    # change, step 2 (what we did), activity 1, question 3 (who came), new words; then 2's status.
    answers = ["2027-03-01", "1 2", "d", "3", "Sam came", "change", "2", "1", "3", "Sam and Jo came", "s"]
    code, out = run_look_back(path, [*answers, "stop"])
    assert code == 0
    checkin = tomllib.loads(path.read_text(encoding="utf-8"))["checkins"][0]
    assert checkin["who"] == ["Sam", "Priya"]
    assert checkin["activities"][0] == {
        "activity": "a1",
        "status": "done",
        "times": 3,
        "came": "Sam and Jo came",
    }
    assert checkin["activities"][1]["status"] == "started"  # back where change was typed
    questions = out.split(plain("change_which_question"), 1)[1]
    assert plain("change_row", number=2, question="How many times did it happen?", answer="3") in questions
    assert plain("change_row", number=3, question="Who came?", answer="Sam came") in questions
    back = out.split(plain("back_where"), 1)[1].split(plain("prompt"), 1)[0]
    assert "activity 2 of 5" in back and "Did this happen?" in back
