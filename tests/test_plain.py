"""The plain mode: the whole interview as lines of text, through a pipe.

Screen reader users and scripts rely on it, so we prove it makes the same plan
as the worked example, survives the input ending anywhere, and never draws.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from backmap import content
from backmap.core import checks, flow, store
from backmap.core.plan import KINDS, PARTS, Activity, Plan
from backmap.core.render import plain_text
from backmap.plain import run_plain
from backmap.plain_answers import parse_kind, parse_numbers, split_person
from backmap.session.plan_file import SaveResult, Session
from tests.example_plans import EXAMPLE, EditedMidway, lines, run_backmap

ROOT = Path(__file__).resolve().parent.parent


# ----- helpers ---------------------------------------------------------------------


def run_cli(*args: str, text: str) -> subprocess.CompletedProcess[str]:
    """`python -m backmap --plain ...` with its standard input from a pipe."""
    return run_backmap("--plain", *args, text=text)


def run_here(text: str, folder: Path, plan_arg: str | None = None) -> tuple[int, str]:
    """The same interview in this process: faster, for the finer points."""
    out = io.StringIO()
    code = run_plain(plan_arg, folder, stdin=io.StringIO(text), stdout=out)
    return code, out.getvalue()


def kind_answer(kind: str, index: int) -> str:
    """Each way a person may name a kind: its number, its name, its key, its name in small letters."""
    forms = [
        str(KINDS.index(kind) + 1),
        content.kind_name(kind),
        kind,
        content.kind_name(kind).lower(),
    ]
    return forms[index % len(forms)]


def link_answer(plan: Plan, activity: Activity, index: int) -> str:
    """Numbers as the plain mode lists them: the project's stepping stones, then co-production's."""
    order = [o for part in PARTS for o in plan.outcomes_in(part)]
    numbers = [str(order.index(plan.outcome(i)) + 1) for i in activity.outcomes]
    return (" " if index % 2 == 0 else ",").join(numbers)


def answers_for(plan: Plan) -> list[str]:
    """The lines a person would type to make this plan, in the order of the questions."""
    typed = [plan.title]
    typed += [f"{p.name}, {p.role}" for p in plan.people] + [""]
    typed += [plan.impact.project, plan.impact.coproduction, plan.impact.lasting_change]
    for part in PARTS:
        outcomes = plan.outcomes_in(part)
        typed += [o.text for o in outcomes] + [""] + [o.how_we_know for o in outcomes]
    count = 0
    for part in PARTS:
        activities = plan.activities_in(part)
        typed += [a.text for a in activities] + [""]
        for activity in activities:
            typed += [kind_answer(activity.kind, count), link_answer(plan, activity, count)]
            typed += [activity.who, activity.when]
            count += 1
    return typed


def content_of(plan: Plan) -> dict[str, Any]:
    """What people decided, without ids or times: links are compared by the stepping stone's words."""
    by_id = {o.id: o.text for o in plan.outcomes}
    return {
        "title": plan.title,
        "people": [(p.name, p.role) for p in plan.people],
        "impact": (plan.impact.project, plan.impact.coproduction, plan.impact.lasting_change),
        "outcomes": [(o.part, o.text, o.how_we_know) for o in plan.outcomes],
        "activities": [
            (a.part, a.kind, a.text, [by_id[i] for i in a.outcomes], a.who, a.when) for a in plan.activities
        ],
    }


def the_plan_in(folder: Path) -> Path:
    (found,) = sorted(folder.glob("*.toml"))
    return found


# ----- the whole day-centre plan through a pipe -------------------------------------


def test_the_day_centre_plan_through_a_pipe(tmp_path: Path) -> None:
    example = store.load(EXAMPLE)
    target = tmp_path / "ours.toml"
    result = run_cli(str(target), "--dir", str(tmp_path), text=lines(*answers_for(example)))

    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert content_of(store.load(target)) == content_of(example)
    assert target.with_suffix(".md").is_file()

    out = result.stdout
    assert "\x1b" not in out
    steps = [line for line in out.splitlines() if line.startswith("Step ")]
    assert steps == [flow.step_label(page) for page in flow.PAGES]
    assert steps[0] == "Step 1 of 10" and steps[-1] == "Step 10 of 10"
    assert content.page("check")["none"] in out
    assert str(target.absolute()) in out
    assert str(target.with_suffix(".md").absolute()) in out


def test_textual_is_never_imported(tmp_path: Path) -> None:
    program = (
        "import sys\n"
        "from backmap.cli import main\n"
        "code = main(['--plain', '--dir', sys.argv[1]])\n"
        "loaded = [m for m in sys.modules if m == 'textual' or m.startswith('textual.')]\n"
        "print('TEXTUAL', loaded)\n"
        "sys.exit(code)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", program, str(tmp_path)],
        input=lines(*answers_for(store.load(EXAMPLE))),
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "TEXTUAL []" in result.stdout


# ----- the end of input --------------------------------------------------------------


def test_input_ending_half_way_keeps_what_was_given(tmp_path: Path) -> None:
    # The last line has no newline: it still counts as an answer.
    text = lines("Half way", "Sam, will use the centre", "", "A new centre opens.", "", "")
    text += "Stone A\nStone B"
    result = run_cli("--dir", str(tmp_path), text=text)

    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    path = tmp_path / "half-way.toml"
    plan = store.load(path)
    assert plan.title == "Half way"
    assert [(p.name, p.role) for p in plan.people] == [("Sam", "will use the centre")]
    assert plan.impact.project == "A new centre opens."
    assert [o.text for o in plan.outcomes_in("project")] == ["Stone A", "Stone B"]
    assert content.word("plain", "ended") in result.stdout
    assert str(path.absolute()) in result.stdout
    assert path.with_suffix(".md").is_file()


def test_input_ending_inside_an_activity_keeps_its_answers(tmp_path: Path) -> None:
    text = lines("Plan", "", "", "", "", "Stone", "", "", "", "Act", "", "2")
    code, out = run_here(text, tmp_path)
    assert code == 0
    plan = store.load(the_plan_in(tmp_path))
    (activity,) = plan.activities
    assert (activity.text, activity.kind, activity.outcomes) == ("Act", "meeting", [])
    assert content.word("plain", "ended") in out


def test_no_input_at_all_saves_nothing(tmp_path: Path) -> None:
    code, out = run_here("", tmp_path / "plans")
    assert code == 0
    assert content.word("plain", "nothing_saved") in out
    assert not (tmp_path / "plans").exists()


# ----- wrong answers are explained and asked again ------------------------------------


def test_bad_kind_and_bad_numbers_are_asked_again(tmp_path: Path) -> None:
    text = lines(
        "Plan", "", "", "", "",
        "Stone one", "", "",  # a project stepping stone, no "how will you know"
        "Stone two", "", "",  # a co-production stepping stone
        "Act", "",  # one project activity
        "party", "0", "7", "one to one",  # kind: three wrong, then right
        "x", "5", "0", "1 2 9", "2, 1",  # links: four wrong, then right
        "", "",  # who, when
        "",  # no co-production activities
    )  # fmt: skip
    code, out = run_here(text, tmp_path)
    assert code == 0

    bad_kind = content.word("plain", "kind_bad", count=len(KINDS))
    bad_links = content.word("plain", "links_bad", count=2)
    assert out.count(bad_kind) == 3
    assert out.count(bad_links) == 4
    plan = store.load(the_plan_in(tmp_path))
    (activity,) = plan.activities
    assert activity.kind == "one-to-one"
    assert [plan.outcome(i).text for i in activity.outcomes] == ["Stone one", "Stone two"]


def test_an_empty_kind_means_something_else(tmp_path: Path) -> None:
    code, _ = run_here(lines("Plan", "", "", "", "", "", "", "Act", "", "", "", "", ""), tmp_path)
    assert code == 0
    (activity,) = store.load(the_plan_in(tmp_path)).activities
    assert (activity.kind, activity.outcomes) == ("other", [])


# ----- a plan that already has answers -----------------------------------------------


def test_empty_lines_keep_every_answer_of_an_existing_plan(tmp_path: Path) -> None:
    path = tmp_path / "day.toml"
    shutil.copy(EXAMPLE, path)
    before = content_of(store.load(path))

    code, out = run_here(lines(*[""] * 9), tmp_path, str(path))

    assert code == 0
    assert content_of(store.load(path)) == before
    assert content.word("plain", "answer_now", answer="Our new day centre") in out
    assert content.word("plain", "keep") in out
    assert content.word("plain", "list_now") in out
    assert path.with_suffix(".md").is_file()
    # Nothing new was asked about the stepping stones and activities that were there.
    assert content.activity_word("kind_question") not in out


def test_a_new_answer_replaces_one_and_keeps_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "day.toml"
    shutil.copy(EXAMPLE, path)
    expected = content_of(store.load(path))
    expected["impact"] = (*expected["impact"][:2], "People keep deciding together.")
    expected["people"].append(("Jo", "Family carer"))

    # The name kept, no person changed (an empty line at "Number:"), Jo added.
    text = lines("", "", "Jo, Family carer", "", "", "", "People keep deciding together.")
    code, _ = run_here(text, tmp_path, str(path))

    assert code == 0
    assert content_of(store.load(path)) == expected


def test_a_plan_we_cannot_read_is_explained_without_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text("title = [not closed\n", encoding="utf-8")
    result = run_cli(str(path), "--dir", str(tmp_path), text="")
    assert result.returncode == 2
    assert "Cannot open the plan" in result.stderr
    assert "Traceback" not in result.stderr
    assert path.read_text(encoding="utf-8") == "title = [not closed\n"


# ----- saving ---------------------------------------------------------------------------


def test_a_failed_save_is_said_and_tried_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_save = Session.save
    calls = {"count": 0}

    def flaky_save(self: Session, *writer: object) -> SaveResult:
        calls["count"] += 1
        if calls["count"] == 1:
            return SaveResult(False, self.plan.updated, "The computer said: No space left on device.")
        return real_save(self, *writer)  # type: ignore[arg-type]

    monkeypatch.setattr(Session, "save", flaky_save)
    code, out = run_here(lines("First try", "", "Something changes."), tmp_path)

    assert code == 0
    assert "Could not save. The computer said: No space left on device." in out
    plan = store.load(tmp_path / "first-try.toml")
    assert (plan.title, plan.impact.project) == ("First try", "Something changes.")


def test_every_answer_is_saved_at_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    real_save = Session.save

    def watching_people(self: Session, *writer: object) -> SaveResult:
        seen.append(self.plan.title + ":" + ",".join(p.name for p in self.plan.people))
        return real_save(self, *writer)  # type: ignore[arg-type]

    monkeypatch.setattr(Session, "save", watching_people)
    run_here(lines("One", "Sam", "Priya", ""), tmp_path)
    # Each save already holds the answer just given: the name, then each person.
    assert seen == ["One:", "One:Sam", "One:Sam,Priya"]


# ----- reading answers ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "kind"),
    [
        ("2", "meeting"),
        ("meeting", "meeting"),
        ("Meeting", "meeting"),
        (" MEETING ", "meeting"),
        ("steering group", "steering-group"),
        ("steering-group", "steering-group"),
        ("Steering  Group", "steering-group"),
        ("one-to-one chat", "one-to-one"),
        ("one to one", "one-to-one"),
        ("something else", "other"),
        ("other", "other"),
        ("6.", "other"),
        ("0", None),
        ("7", None),
        ("party", None),
        ("²", None),
    ],
)
def test_parse_kind(answer: str, kind: str | None) -> None:
    assert parse_kind(answer) == kind


@pytest.mark.parametrize(
    ("answer", "numbers"),
    [
        ("1 3", [1, 3]),
        ("1,3", [1, 3]),
        ("3, 1", [3, 1]),
        ("1 1", [1]),
        ("1 4", None),
        ("0", None),
        ("one", None),
        ("-1", None),
    ],
)
def test_parse_numbers(answer: str, numbers: list[int] | None) -> None:
    assert parse_numbers(answer, 3) == numbers


def test_a_comma_splits_the_name_from_what_they_do() -> None:
    person = split_person("Priya, support worker, part time")
    assert (person.name, person.role) == ("Priya", "support worker, part time")
    assert (split_person("Sam").name, split_person("Sam").role) == ("Sam", "")


def test_plain_words_are_easy_to_read() -> None:
    for key, text in content.load("words")["plain"].items():
        for sentence in re.split(r"(?<=[.?!:])\s+", text):
            assert len(sentence.split()) <= 15, (key, sentence)
        assert not re.search(r"\w'\w|e\.g\.|etc\.", text), key


def test_when_no_save_works_it_says_so_and_exits_1(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_save(self: Session, *writer: object) -> SaveResult:
        return SaveResult(False, self.plan.updated, "The computer said: Read-only file system.")

    monkeypatch.setattr(Session, "save", broken_save)
    code, out = run_here(lines("Lost"), tmp_path)
    assert code == 1
    assert content.word("plain", "ended") in out
    assert "Could not save. The computer said: Read-only file system." in out
    assert content.word("plain", "saved_in", path="") not in out


def test_the_check_step_reads_out_the_pathway_in_words(tmp_path: Path) -> None:
    """A screen-reader user hears which activities lead to which stepping stones."""
    plan = tmp_path / "day.toml"
    plan.write_bytes((Path(__file__).parent.parent / "examples" / "day-centre.toml").read_bytes())
    result = subprocess.run(
        [sys.executable, "-m", "backmap", "--plain", str(plan)],
        input="\n" * 40,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode == 0
    after_check = result.stdout.split("Step 9 of 10", 1)[1]
    assert "Your pathway" in after_check
    assert "-> Stepping stone: We have a full plan of everything the centre will offer." in after_check
    assert "Activity: Start a co-production group" in after_check
    # The end names the page to print, and that page is there.
    assert str(plan.with_suffix(".html").absolute()) in result.stdout.split("Step 10 of 10", 1)[1]
    assert plan.with_suffix(".html").exists()


# ----- changing and removing what is on a list --------------------------------------

KEEP_IMPACT = ["", "", ""]  # the three impact questions, answers kept


def test_a_person_is_changed_and_another_removed(tmp_path: Path) -> None:
    path = tmp_path / "day.toml"
    shutil.copy(EXAMPLE, path)
    people = store.load(path).people
    assert len(people) >= 2
    text = lines(
        "",  # the name kept
        "1",
        "Sam, Chooses the music",
        "2",
        "REMOVE",  # any case
        "",  # no more changes
        "",  # nobody new
        *KEEP_IMPACT,
    )
    code, out = run_here(text, tmp_path, str(path))
    assert code == 0
    after = store.load(path).people
    assert [(p.name, p.role) for p in after] == [("Sam", "Chooses the music")] + [
        (p.name, p.role) for p in people[2:]
    ]
    assert content.word("plain", "removed", text=people[1].name) in out


def test_a_stepping_stone_is_changed_and_one_removed_with_its_links(tmp_path: Path) -> None:
    path = tmp_path / "day.toml"
    shutil.copy(EXAMPLE, path)
    before = store.load(path)
    first, second = before.outcomes_in("project")[:2]
    assert any(second.id in a.outcomes for a in before.activities)
    text = lines(
        "",
        "",
        "",
        *KEEP_IMPACT,
        "1",
        "We have a plan for the whole centre.",
        "",  # how we will know: kept
        "2",
        "remove",
        "",
        "",
    )
    code, _ = run_here(text, tmp_path, str(path))
    assert code == 0
    after = store.load(path)
    (stone,) = [o for o in after.outcomes_in("project") if o.id == first.id]
    assert stone.text == "We have a plan for the whole centre."
    assert stone.how_we_know == first.how_we_know
    assert second.id not in {o.id for o in after.outcomes}
    assert all(second.id not in a.outcomes for a in after.activities)


def test_an_activity_with_no_stepping_stone_gets_one_and_keeps_the_rest(tmp_path: Path) -> None:
    """The gap the check step finds most can be filled in plain mode too."""
    path = tmp_path / "day.toml"
    plan = store.load(EXAMPLE)
    activity = plan.activities_in("project")[1]
    activity.outcomes = []
    store.save(plan, path)
    stone = plan.outcomes_in("project")[0]
    assert any(f.code == "activity-without-outcome" for f in checks.run(plan))
    text = lines(
        "",
        "",
        "",
        *KEEP_IMPACT,
        "",
        "",
        "",
        "",
        "2",  # the activity
        "",  # its words kept
        "",  # its kind kept
        "1",  # the first stepping stone of the project
        "",  # who: kept
        "",  # when: kept
        "",
        "",
    )
    code, out = run_here(text, tmp_path, str(path))
    assert code == 0
    after = store.load(path).activity(activity.id)
    assert after.outcomes == [stone.id]
    assert (after.text, after.kind, after.who, after.when) == (
        activity.text,
        activity.kind,
        activity.who,
        activity.when,
    )
    assert not any(f.code == "activity-without-outcome" for f in checks.run(store.load(path)))
    assert content.word("plain", "links_keep") in out


def test_the_stepping_stones_an_activity_helps_are_marked_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "day.toml"
    shutil.copy(EXAMPLE, path)
    before = store.load(path)
    activity = before.activities_in("project")[0]
    assert activity.outcomes
    text = lines("", "", "", *KEEP_IMPACT, "", "", "", "", "1", "", "", "", "", "", "", "")
    code, out = run_here(text, tmp_path, str(path))
    assert code == 0
    assert store.load(path).activity(activity.id).outcomes == activity.outcomes
    chosen = plain_text(before.outcome(activity.outcomes[0]).text) + " " + content.word("plain", "chosen_now")
    assert chosen in out


def test_a_number_that_is_not_on_the_list_is_asked_again(tmp_path: Path) -> None:
    path = tmp_path / "day.toml"
    shutil.copy(EXAMPLE, path)
    count = len(store.load(path).people)
    before = content_of(store.load(path))
    text = lines("", str(count + 1), "1 2", "Jo, Family carer", "", "", *KEEP_IMPACT)
    code, out = run_here(text, tmp_path, str(path))
    assert code == 0
    assert out.count(content.word("plain", "change_bad", count=count)) == 3
    assert content_of(store.load(path)) == before  # nothing was changed or added


def test_plain_mode_never_writes_over_a_plan_another_backmap_has_open(tmp_path: Path) -> None:
    """Issue 19, point 1: plain mode takes the lock and asks, as the app does."""
    import json
    import socket
    from datetime import UTC, datetime

    plan = tmp_path / "day.toml"
    plan.write_bytes((Path(__file__).parent.parent / "examples" / "day-centre.toml").read_bytes())
    before = plan.read_bytes()
    lock = {"pid": 1, "host": socket.gethostname(), "since": datetime.now(UTC).isoformat()}
    (tmp_path / "day.toml.lock").write_text(json.dumps(lock), encoding="utf-8")  # a live backmap
    code, out = run_here(lines("1", "A new name from plain mode"), tmp_path, str(plan))
    assert content.word("problems", "in_use") in out
    assert content.word("problems", "read") in out
    assert plan.read_bytes() == before  # read only: the other backmap's plan is untouched
    assert json.loads((tmp_path / "day.toml.lock").read_text(encoding="utf-8"))["pid"] == 1
    # Found in review: the answers were lost, with "Could not save ... we will try again".
    assert "Could not save" not in out
    assert content.word("plain", "read_only_copy_later") in out
    copy = tmp_path / "day-copy.toml"
    assert store.load(copy).title == "A new name from plain mode" and str(copy.absolute()) in out
    assert code == 0


def test_plain_mode_asks_before_writing_over_a_plan_changed_on_disk(tmp_path: Path) -> None:
    """Issue 19, point 1: two plain-mode answers removed the other program's changes."""
    plan = tmp_path / "day.toml"
    plan.write_bytes(EXAMPLE.read_bytes())
    out = io.StringIO()
    # The name, no change to people, no new person, a new impact: then "1" answers the question.
    answers = EditedMidway(lines("Our new name", "", "", "Everyone is welcome", "1"), plan)
    run_plain(str(plan), tmp_path, stdin=answers, stdout=out)
    said = out.getvalue()
    assert content.word("problems", "changed_on_disk") in said
    assert content.word("problems", "reload") in said
    assert store.load(plan).title == "Changed in a text editor"  # "1": open the new version
    copies = [store.load(c) for c in tmp_path.glob("*-copy.toml")]
    assert [(c.title, c.impact.project) for c in copies] == [("Our new name", "Everyone is welcome")]


def test_a_question_starts_again_when_the_new_version_is_opened_part_way(tmp_path: Path) -> None:
    """Found in review: after "Open the new version" the rest of a list went to the old plan."""
    plan = tmp_path / "day.toml"
    plan.write_bytes(EXAMPLE.read_bytes())
    out = io.StringIO()
    # The name kept; no change to people; the new person is typed after the file changed.
    answers = EditedMidway(lines("", "", "Jo, helps on Fridays", "1", "", "Jo, helps on Fridays"), plan)
    answers.reads = 1  # the file changes as the new person is read (its third read)
    run_plain(str(plan), tmp_path, stdin=answers, stdout=out)
    said = out.getvalue()
    assert content.word("plain", "reloaded") in said
    saved = store.load(plan)
    assert saved.title == "Changed in a text editor"
    assert [p.name for p in saved.people].count("Jo") == 1
