"""Plain mode a screen-reader user can steer: help, back, change, skip and stop.

Everything is driven through a pipe, as a script or a screen reader would, and
checked by what is printed and what is on disk.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from backmap import content
from backmap.core import flow, store
from backmap.core.plan import KINDS, Plan
from backmap.plain import run_plain
from backmap.plain_lines import parse_reply
from tests.example_plans import example_copy, lines, plain, run_backmap, run_here, tea_plan

HELP = content.word("plain", "help_title")


def the_plan_in(folder: Path) -> Plan:
    (found,) = sorted(folder.glob("*.toml"))
    return store.load(found)


def help_lines() -> list[str]:
    names = {c: plain(f"command_{c}") for c in ("help", "back", "change", "skip", "stop")}
    return [HELP, *(plain(f"help_{c}", **names) for c in names), plain("help_quote", example="'stop")]


# ----- 1. how to steer, at the start and on help --------------------------------------


def test_the_start_and_help_say_how_to_go_back_change_skip_get_help_and_stop(tmp_path: Path) -> None:
    code, out = run_here(lines("help"), tmp_path)
    assert code == 0
    start, asked = out.split(flow.step_label(flow.PAGES[0]), 1)
    for line in help_lines():
        assert line in start  # before the first question
        assert line in asked  # again, after "help"
    for word in ("back", "change", "skip", "help", "stop"):
        assert f"{word}: " in start
    assert plain("nothing_saved") in out  # help is not an answer


# ----- 2. back and change, without starting again -------------------------------------


def test_back_goes_to_the_question_before_and_keeps_every_answer(tmp_path: Path) -> None:
    text = lines(
        "Tea and talk",
        "Sam, makes tea",
        "",  # no more people
        "People meet",  # the project's impact
        "back",  # at co-production: back to the project's impact
        "People meet each week",  # a new answer there
        "People choose the day",  # co-production, asked again after it
    )
    code, out = run_here(text, tmp_path)
    assert code == 0
    plan = the_plan_in(tmp_path)
    assert plan.title == "Tea and talk"
    assert [(p.name, p.role) for p in plan.people] == [("Sam", "makes tea")]
    assert (plan.impact.project, plan.impact.coproduction) == (
        "People meet each week",
        "People choose the day",
    )
    # The earlier answer was shown to keep or change.
    assert plain("answer_now", answer="People meet") in out


def test_back_at_the_first_question_says_there_is_nothing_before_it(tmp_path: Path) -> None:
    code, out = run_here(lines("back", "Tea"), tmp_path)
    assert code == 0
    assert plain("first_question") in out
    assert the_plan_in(tmp_path).title == "Tea"


def test_back_inside_an_activity_goes_to_its_question_before(tmp_path: Path) -> None:
    text = lines(
        "Tea", "", "", "", "",  # name, people, three impact answers
        "Stone A", "", "",  # one project stepping stone, no "how will you know"
        "",  # no co-production stepping stones
        "Visit rooms", "",  # one project activity
        "2",  # kind: meeting
        "",  # stepping stones: none yet
        "back",  # at who: back to the stepping stones
        "1",  # now it helps Stone A
        "Priya",  # who
        "back",  # at when: back to who
        "",  # who kept
        "In May",  # when
    )  # fmt: skip
    code, out = run_here(text, tmp_path)
    assert code == 0
    plan = the_plan_in(tmp_path)
    (activity,) = plan.activities
    assert (activity.kind, activity.who, activity.when) == ("meeting", "Priya", "In May")
    assert [plan.outcome(i).text for i in activity.outcomes] == ["Stone A"]
    assert plain("answer_now", answer="Priya") in out


def test_back_at_the_first_question_about_a_new_stone_goes_back_to_the_list(tmp_path: Path) -> None:
    text = lines(
        "Tea", "", "", "", "",
        "Stone A", "",  # the list
        "back",  # at "how will you know": back to the list
        "1",  # change stepping stone 1
        "Stone B",  # new words
        "We see it",  # how we will know
        "",  # no more changes
        "",  # nothing new
        "",  # no co-production stepping stones
    )  # fmt: skip
    code, out = run_here(text, tmp_path)
    assert code == 0
    plan = the_plan_in(tmp_path)
    assert [(o.text, o.how_we_know) for o in plan.outcomes] == [("Stone B", "We see it")]
    assert plain("list_now") in out


def test_back_while_changing_a_person_goes_back_to_the_people_list(tmp_path: Path) -> None:
    path = example_copy(tmp_path)
    # Keep the name; change person 2, then back: the people list again; person 1 gets new words.
    text = lines("", "2", "back", "1", "Sam, Chooses the colours", "", "stop")
    code, out = run_here(text, tmp_path, str(path))
    assert code == 0, out
    after_back = out.split("Your answer: back", 1)[1]
    assert after_back.split("\n", 2)[1] == plain("list_now")
    assert "What is the name of your plan?" not in after_back
    people = [(p.name, p.role) for p in store.load(path).people]
    assert people == [("Sam", "Chooses the colours"), ("Priya", "Support worker")]  # back changed nothing


def test_change_lists_the_questions_by_number_and_comes_back_to_where_you_were(tmp_path: Path) -> None:
    text = lines(
        "Tea",
        "",
        "People meet",
        "change",  # at co-production's impact
        "1",  # the name of the plan
        "Tea and talk",
        "People choose the day",  # back at co-production's impact
    )
    code, out = run_here(text, tmp_path)
    assert code == 0
    plan = the_plan_in(tmp_path)
    assert (plan.title, plan.impact.project, plan.impact.coproduction) == (
        "Tea and talk",
        "People meet",
        "People choose the day",
    )
    listed = out.split(plain("change_title"), 1)[1]
    for number, page in enumerate([p for p in flow.PAGES if p.kind not in ("check", "finish")], 1):
        line = plain("change_line", number=number, part=page.part_name, question=page.words["question"])
        assert f"\n{line}\n" in listed
    assert plain("back_where") in out
    # Back where they were: the co-production question is asked again, right after.
    said_after = out.split(plain("back_where"), 1)[1]
    assert flow.page("impact_coproduction").words["question"] in said_after.split(plain("prompt"), 1)[0]


def test_change_with_a_wrong_number_asks_again_and_an_empty_line_stays(tmp_path: Path) -> None:
    code, out = run_here(lines("Tea", "", "change", "0", "12", "one", "", "People meet"), tmp_path)
    assert code == 0
    assert out.count(plain("change_which_bad", count=9)) == 3
    assert plain("empty_line", what=plain("what_stay")) in out
    plan = the_plan_in(tmp_path)
    assert (plan.title, plan.impact.project) == ("Tea", "People meet")


# ----- 3. a command only where it cannot be an answer -----------------------------------


@pytest.mark.parametrize(
    ("typed", "command", "text"),
    [
        ("back", "back", ""),
        ("  BACK ", "back", ""),
        ("stop", "stop", ""),
        ("'stop", None, "stop"),
        ('"help"', None, "help"),
        ("‘change’", None, "change"),
        ("Stop the bus", None, "Stop the bus"),
        ("go back", None, "go back"),
        ("'Tea'", None, "'Tea'"),
        ("'", None, "'"),
        ("", None, ""),
    ],
)
def test_a_lone_command_word_is_a_command_and_a_quote_mark_makes_it_an_answer(
    typed: str, command: str | None, text: str
) -> None:
    reply = parse_reply(typed)
    assert (reply.command, reply.text) == (command, text)


def test_the_command_words_typed_as_answers_are_saved_as_answers(tmp_path: Path) -> None:
    text = lines(
        "'stop",  # the name of the plan is the word stop
        "'Back', our driver",  # a person called Back
        "Stop the bus, driver",  # a sentence with a command word is an answer
        "",
        "'help'",
        "stop",  # a lone word: stops here
        "Never read",
    )
    code, out = run_here(text, tmp_path)
    assert code == 0
    plan = the_plan_in(tmp_path)
    assert plan.title == "stop"
    assert [(p.name, p.role) for p in plan.people] == [("'Back'", "our driver"), ("Stop the bus", "driver")]
    assert plan.impact.project == "help"
    assert plan.impact.coproduction == ""
    assert plain("stopped") in out
    assert "Never read" not in out


def test_remove_is_a_command_only_where_an_item_is_changed(tmp_path: Path) -> None:
    path = tea_plan(tmp_path, people=(("Sam", "makes tea"), ("Jo", "")))
    text = lines("remove", "1", "'remove", "2", "remove", "", "")  # a title, then people changed
    code, out = run_here(text, tmp_path, str(path))
    assert code == 0
    after_run = store.load(path)
    assert after_run.title == "remove"  # at the name question it is an answer
    assert [p.name for p in after_run.people] == ["remove"]  # 'remove: new words; remove: taken off
    assert plain("removed", text="Jo") in out


# ----- 4. the pathway read-out ---------------------------------------------------------


def test_the_pathway_read_out_says_leads_to_the_impact_after_each_stepping_stone(tmp_path: Path) -> None:
    path = tmp_path / "tea.toml"
    plan = Plan(title="Tea")
    plan.impact.project = "People meet."
    one = plan.add_outcome("project", "We find a room.")
    plan.add_outcome("project", "We have cups.")
    plan.add_outcome("coproduction", "People choose the day.")
    plan.add_activity("project", "Visit rooms", "event", [one.id])
    store.save(plan, path)
    code, out = run_here(lines(*[""] * 20), tmp_path, str(path))
    assert code == 0
    read_out = out.split(content.page("check")["pathway"], 1)[1].splitlines()
    stones = [i for i, line in enumerate(read_out) if "-> Stepping stone:" in line]
    assert len(stones) == 3
    for at in stones:
        assert read_out[at + 1].strip() == "-> " + plain("leads_to_impact")
    assert sum(plain("leads_to_impact") in line for line in read_out) == 3


# ----- 5. stopping early names all three files ------------------------------------------


@pytest.mark.parametrize("how", ["ended", "stopped"])
def test_stopping_early_lists_the_plan_the_summary_and_the_page_with_full_paths(
    tmp_path: Path, how: str
) -> None:
    answers = ["Tea and talk", "", "People meet"] + (["stop"] if how == "stopped" else [])
    result = run_backmap("--plain", "--dir", str(tmp_path), text=lines(*answers))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    plan_path = (tmp_path / "tea-and-talk.toml").absolute()
    end = result.stdout.split(plain(how), 1)[1]
    for path in (plan_path, plan_path.with_suffix(".md"), plan_path.with_suffix(".html")):
        assert path.is_file()
        assert str(path) in end


# ----- 6. an empty line never moves on in silence ---------------------------------------


def test_an_extra_empty_line_in_a_piped_file_is_said_where_it_was_taken_as_a_skip(tmp_path: Path) -> None:
    text = lines(
        "Tea",
        "Sam, makes tea",
        "",  # ends the list of people
        "",  # one empty line too many: it skips the project's impact
        "People meet",  # so this answer goes to co-production's impact
    )
    code, out = run_here(text, tmp_path)
    assert code == 0
    plan = the_plan_in(tmp_path)
    assert (plan.impact.project, plan.impact.coproduction) == ("", "People meet")
    people_done = plain("empty_line", what=plain("what_list_done"))
    skipped = plain("empty_line", what=plain("what_skip"))
    # Each empty line is said at once, under the question it answered.
    assert out.index(people_done) < out.index(flow.page("impact_project").words["question"])
    at_impact = out.split(flow.page("impact_project").words["question"], 1)[1]
    assert at_impact.split(flow.step_label(flow.page("impact_coproduction")), 1)[0].count(skipped) == 1


def test_every_kind_of_question_says_what_its_empty_line_did(tmp_path: Path) -> None:
    path = tea_plan(tmp_path, people=(("Sam", ""),), stones=("We find a room.",))
    text = lines(
        "",  # name: kept
        "",  # change a person? no, go on
        "",  # no new person
        "", "", "",  # three impact answers: skipped
        "", "",  # project stepping stones: no change, none new
        "",  # co-production stepping stones: none
        "Visit rooms", "",  # one activity
        "", "", "", "",  # kind, stepping stones, who, when
        "",  # no co-production activities
    )  # fmt: skip
    code, out = run_here(text, tmp_path, str(path))
    assert code == 0
    said = [line for line in out.splitlines() if line.startswith(plain("empty_line", what=""))]
    whats = {key: plain("empty_line", what=plain(key)) for key in ("what_keep", "what_skip", "what_go_on")}
    kind = plain("empty_line", what=plain("what_kind", other=content.kind_name("other")))
    list_done = plain("empty_line", what=plain("what_list_done"))
    assert said == [
        whats["what_keep"],
        whats["what_go_on"],
        list_done,
        *[whats["what_skip"]] * 3,
        whats["what_go_on"],
        list_done,
        list_done,
        list_done,
        kind,
        *[whats["what_skip"]] * 3,
        list_done,  # no co-production activities
    ]


def test_skip_typed_says_what_it_did_too(tmp_path: Path) -> None:
    code, out = run_here(lines("Tea", "skip", "skip"), tmp_path)
    assert code == 0
    what_done = plain("what_list_done")
    assert what_done[:1].upper() + what_done[1:] in out
    assert the_plan_in(tmp_path).impact.project == ""


# ----- 7. one order and one number for each stepping stone ------------------------------


def linked_plan(path: Path) -> Plan:
    """Co-production's stepping stone is made first, so file order is not the order we want."""
    plan = Plan(title="Tea")
    plan.add_outcome("coproduction", "People choose the day.")
    plan.add_outcome("project", "We find a room.")
    plan.add_outcome("project", "We have cups.")
    plan.add_activity("project", "Visit rooms", "event")
    plan.add_activity("coproduction", "Sam shows the rooms", "one-to-one")
    store.save(plan, path)
    return plan


def test_stepping_stones_are_numbered_project_first_on_both_activity_steps(tmp_path: Path) -> None:
    path = tmp_path / "tea.toml"
    plan = linked_plan(path)
    text = lines(
        "", "", "", "", "",  # name, no people yet, three impact answers
        "", "", "", "",  # stepping stones: no change, none new (both parts)
        "1", "", "", "3", "", "", "", "",  # project activity 1: links to 3
        "1", "", "", "1", "", "", "", "",  # co-production activity 1: links to 1
    )  # fmt: skip
    code, out = run_here(text, tmp_path, str(path))
    assert code == 0
    listing = [
        content.part_name("project") + ":",
        "1. We find a room.",
        "2. We have cups.",
        content.part_name("coproduction") + ":",
        "3. People choose the day.",
    ]
    question = content.activity_word("links_question")
    shown = [part.split(plain("links_how"), 1)[0].strip().splitlines() for part in out.split(question)[1:]]
    assert shown == [listing, listing]  # the same on the project's step and co-production's
    after_run = store.load(path)
    by_text = {o.id: o.text for o in plan.outcomes}
    assert [by_text[i] for i in after_run.activities_in("project")[0].outcomes] == ["People choose the day."]
    assert [by_text[i] for i in after_run.activities_in("coproduction")[0].outcomes] == ["We find a room."]


# ----- never a traceback --------------------------------------------------------------


NONSENSE = [
    "\x1b[31m",
    "\x00\x07",
    "back",
    "back",
    "change",
    "99",
    "change",
    "-1",
    "back",
    "change",
    "change",
    "",
    "skip",
    "'",
    '"',
    "‘’",
    "1 2 3 4 5 6 7 8 9 10",
    "help",
    "remove",
    "x" * 5000,
    "back",
    "\t",
    "change",
]


@pytest.mark.parametrize("cut", [0, 5, 9, 12, 18, len(NONSENSE)])
def test_nonsense_and_an_early_end_never_print_a_traceback(tmp_path: Path, cut: int) -> None:
    result = run_backmap(
        "--plain", "--dir", str(tmp_path), text=lines(*NONSENSE[:cut]) + "change"
    )  # no newline at the end
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert plain("ended") in result.stdout


GOOD_TEXT = "We meet each week."
NEW_ITEM = "Jo, makes the tea"
# Not an answer at any question: help says the help and the same question comes again.
HELP_AGAIN = ["help", "  HELP ", "Help"]
# Not an answer where a number is asked for: the question is asked again.
BAD_NUMBERS = ["0", "99", "zz", "-1", "1 2 3 4 5 6 7 8 9 10", "\x1b[31m", "\x00\x07", "'", "\u2018\u2019"]


class NonsenseFirst(io.TextIOBase):
    """Someone at the keyboard who meets every question with nonsense, then a good answer.

    It reads what the interview has said (the same StringIO), so it sees which question is
    asked. At the first question of each step it also types change (then wrong numbers, then
    an empty line to stay) and back, once. At each list it opens item 1 and adds one new item,
    so the questions about an item (its words, how we know, kind, stepping stones, who, when)
    are met too. After ``limit`` lines it says no more: the input ends.
    """

    def __init__(self, said: io.StringIO, limit: int = 3000) -> None:
        super().__init__()
        self.said = said
        self.limit = limit
        self.read_to = 0
        self.waiting: list[str] = []
        self.sent: list[str] = []
        self.met: dict[str, int] = {}  # kind of question -> how many times it was met with nonsense
        self.steered: set[str] = set()
        self.opened: set[str] = set()
        self.added: set[str] = set()
        self.labels = [flow.step_label(page) for page in flow.PAGES]

    def readable(self) -> bool:
        return True

    def readline(self, size: int | None = -1) -> str:
        if len(self.sent) >= self.limit:
            return ""
        if not self.waiting:
            self.waiting = self.next_lines()
        line = self.waiting.pop(0)
        self.sent.append(line)
        return line + "\n"

    def next_lines(self) -> list[str]:
        """Nonsense for the question now asked, then its good answer."""
        text = self.said.getvalue()
        shown, self.read_to = text[self.read_to :], len(text)
        prompt = shown.rsplit("\n", 1)[-1].strip()
        step = max(self.labels, key=text.rfind)
        if any(label in shown for label in self.labels) and step not in self.steered:
            self.steered.add(step)
            return ["help", "change", "0", "99", "zz", "", "back"]
        kind, nonsense, good = self.question(shown, prompt, step)
        self.met[kind] = self.met.get(kind, 0) + 1
        return [*nonsense, good]

    def question(self, shown: str, prompt: str, step: str) -> tuple[str, list[str], str]:
        if prompt == plain("change_prompt"):
            good = "" if step in self.opened else "1"  # open item 1 once, then go on
            self.opened.add(step)
            return "number", HELP_AGAIN + BAD_NUMBERS, good
        if prompt != plain("prompt"):  # "Person 2:", "Stepping stone 3:": a list
            good = "" if step in self.added else NEW_ITEM  # one new item, then the list is done
            self.added.add(step)
            return "list", HELP_AGAIN, good
        if content.activity_word("kind_question") in shown:
            return "kind", HELP_AGAIN + BAD_NUMBERS, "1"
        if content.activity_word("links_question") in shown:
            return "stepping stones", HELP_AGAIN + BAD_NUMBERS, "1"
        if plain("change_words") in shown:
            return "new words", HELP_AGAIN, ""  # keep the words it has
        return "text", HELP_AGAIN, GOOD_TEXT


def test_nonsense_in_every_question_of_an_existing_plan_never_prints_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "tea.toml"
    linked_plan(path)
    said = io.StringIO()
    typed = NonsenseFirst(said)
    code = run_plain(str(path), tmp_path, stdin=typed, stdout=said)
    out = said.getvalue()
    assert code == 0
    assert "Traceback" not in out
    # Every step was steered away from once, and every kind of question met nonsense first.
    assert typed.steered == {flow.step_label(p) for p in flow.PAGES if p.kind not in ("check", "finish")}
    assert set(typed.met) == {"number", "list", "kind", "stepping stones", "new words", "text"}
    assert out.count(HELP) > len(typed.sent) // 10
    assert (
        plain("change_which_bad", count=len([p for p in flow.PAGES if p.kind not in ("check", "finish")]))
        in out
    )
    # The run went to the last step, not to the end of the input or a stop.
    assert plain("ended") not in out and plain("stopped") not in out
    end = out.split(content.word("finish", "where"), 1)[1]
    for written in (path, path.with_suffix(".md"), path.with_suffix(".html")):
        assert written.is_file()
        assert str(written.absolute()) in end
    # The good answers are kept; the nonsense is not.
    plan = store.load(path)
    assert plan.title == GOOD_TEXT and plan.impact.project == GOOD_TEXT
    assert [(p.name, p.role) for p in plan.people] == [("Jo", "makes the tea")]
    for part in ("project", "coproduction"):
        assert [o.text for o in plan.outcomes_in(part)][-1] == NEW_ITEM
        new = plan.activities_in(part)[-1]
        assert (new.text, new.kind, new.who, new.when) == (NEW_ITEM, KINDS[0], GOOD_TEXT, GOOD_TEXT)
        assert new.outcomes == [plan.outcomes_in("project")[0].id]
    for nonsense in ("zz", "99", "\x1b", "\x00", "HELP"):
        assert nonsense not in path.read_text(encoding="utf-8")

    # The same lines through a pipe into `backmap --plain`: the same run, to the same end.
    again = tmp_path / "again"
    again.mkdir()
    linked_plan(again / "tea.toml")
    result = run_backmap("--plain", str(again / "tea.toml"), "--dir", str(again), text=lines(*typed.sent))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stdout.replace(str(again.absolute()), "HERE") == out.replace(
        str(tmp_path.absolute()), "HERE"
    )


def test_a_summary_that_could_not_be_written_is_said_and_not_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from backmap.session import summaries

    def full_disk(plan: Plan, plan_path: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(summaries, "write_summaries", full_disk)
    code, out = run_here(lines("Tea", "", "People meet", "stop"), tmp_path)
    assert code == 1
    plan_path = (tmp_path / "tea.toml").absolute()
    assert store.load(plan_path).impact.project == "People meet"
    end = out.split(plain("stopped"), 1)[1]
    assert plain("summary_not_written", reason="")[:40] in end
    assert str(plan_path) in end
    assert str(plan_path.with_suffix(".md")) not in end and str(plan_path.with_suffix(".html")) not in end
