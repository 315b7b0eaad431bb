"""The interview, driven by keys only at 80x24, from the welcome screen to the last step."""

from __future__ import annotations

import tomllib
from pathlib import Path

from backmap import content
from backmap.core import flow, store
from backmap.core.plan import KINDS
from backmap.screens.item import ItemScreen
from backmap.screens.welcome import WelcomeScreen
from backmap.widgets.answer import AnswerBox
from backmap.widgets.panes.check import CheckPane
from tests.example_plans import EXAMPLE, example_copy
from tests.pilot_helpers import (
    SIZE,
    answer,
    go_to,
    make_app,
    on_pane,
    open_add_box,
    screen_text,
    status_shown,
    type_text,
)


def example() -> dict:
    return tomllib.loads(EXAMPLE.read_text(encoding="utf-8"))


def saved(folder: Path) -> dict:
    files = list(folder.glob("*.toml"))
    assert len(files) == 1, files
    return tomllib.loads(files[0].read_text(encoding="utf-8"))


async def add_outcome(pilot, text: str, how: str) -> None:
    await answer(pilot, text)  # in the box for the next item: Enter adds it
    assert isinstance(pilot.app.screen, ItemScreen)
    await answer(pilot, how)
    assert not isinstance(pilot.app.screen, ItemScreen)


async def add_activity(pilot, row: dict, stones: list[str]) -> None:
    """Add one activity: words, kind, links, who, when; by keys."""
    await answer(pilot, row["text"])  # in the box for the next item: Enter adds it
    assert isinstance(pilot.app.screen, ItemScreen)
    # A new activity's kind list starts on the first kind; walk down to the one we want.
    await pilot.press(*(["down"] * KINDS.index(row["kind"])), "enter")  # Enter chooses and moves on
    # The links list shows the project's stepping stones, then co-production's.
    at = 0
    for link in sorted(stones.index(o) for o in row["outcomes"]):
        await pilot.press(*(["down"] * (link - at)), "enter")
        at = link
    await pilot.press("ctrl+n")
    await answer(pilot, row["who"])
    await answer(pilot, row["when"])
    assert not isinstance(pilot.app.screen, ItemScreen)


async def test_day_centre_plan_by_keys_only(tmp_path: Path) -> None:
    want = example()
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press("enter")  # Start a new plan

        assert on_pane(app, "question")
        assert app.focused is app.screen.query_one("#answer")
        await answer(pilot, want["title"])
        assert saved(tmp_path)["title"] == want["title"]

        for person in want["people"]:
            await answer(pilot, person["name"])
            await answer(pilot, person["role"])
        assert [p["name"] for p in saved(tmp_path)["people"]] == ["Sam", "Priya"]
        await pilot.press("ctrl+n")

        for key in ("project", "coproduction", "lasting_change"):
            assert on_pane(app, "question")
            await answer(pilot, want["impact"][key])
            assert saved(tmp_path)["impact"][key] == want["impact"][key]

        for part in ("project", "coproduction"):
            assert on_pane(app, "list")
            for row in [o for o in want["outcomes"] if o["part"] == part]:
                await add_outcome(pilot, row["text"], row["how_we_know"])
            on_disk = [o["text"] for o in saved(tmp_path)["outcomes"] if o["part"] == part]
            assert on_disk == [o["text"] for o in want["outcomes"] if o["part"] == part]
            await pilot.press("ctrl+n")

        for part in ("project", "coproduction"):
            assert on_pane(app, "list")
            stones = [
                o["id"] for p in ("project", "coproduction") for o in want["outcomes"] if o["part"] == p
            ]
            for row in [a for a in want["activities"] if a["part"] == part]:
                await add_activity(pilot, row, stones)
            on_disk = [a["text"] for a in saved(tmp_path)["activities"] if a["part"] == part]
            assert on_disk == [a["text"] for a in want["activities"] if a["part"] == part]
            await pilot.press("ctrl+n")

        assert on_pane(app, "check")
        assert app.screen.query_one(CheckPane).findings == []
        await pilot.press("enter")  # focus is on Next when there are no gaps
        assert on_pane(app, "finish")

    got = saved(tmp_path)
    assert got["title"] == want["title"]
    assert got["impact"] == want["impact"]
    assert got["people"] == want["people"]
    for key in ("outcomes", "activities"):
        assert got[key] == want[key]
    assert app.keeper.summaries.wait(30)  # the summaries are written on a thread
    summary = next(tmp_path.glob("*.md")).read_text(encoding="utf-8")
    assert "Our plan in short" in summary


async def test_back_and_forth_keeps_answers_and_editing_adds(tmp_path: Path) -> None:
    plan_file = tmp_path / "plan.toml"
    app = make_app(tmp_path, plan_file)
    async with app.run_test(size=SIZE) as pilot:
        await answer(pilot, "Title")
        await pilot.press("ctrl+n")
        await answer(pilot, "Project impact")
        await answer(pilot, "Co-production impact")
        await answer(pilot, "Lasting change")
        # Back through every step to the first, then forward again.
        for _ in range(5):
            await pilot.press("ctrl+r")
        assert on_pane(app, "question")
        assert app.screen.page.key == "title"
        box = app.screen.query_one("#answer", AnswerBox)
        assert box.text == "Title"
        # Editing after going back adds to the answer: focus never selects it all.
        await type_text(pilot, " two")
        await pilot.press("ctrl+n")
        for _ in range(9):
            await pilot.press("ctrl+n")
        assert on_pane(app, "finish")
        for _ in range(10):
            await pilot.press("ctrl+r")
        assert app.screen.page.key == "title"
    plan = store.load(plan_file)
    assert plan.title == "Title two"
    assert plan.impact.project == "Project impact"
    assert plan.impact.coproduction == "Co-production impact"
    assert plan.impact.lasting_change == "Lasting change"


async def test_carry_on_lands_on_the_first_unanswered_step(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await answer(pilot, "Half way")
        await pilot.press("ctrl+n")
        await answer(pilot, "Project impact")
        await pilot.press("ctrl+q")
    assert len(list(tmp_path.glob("*.toml"))) == 1

    again = make_app(tmp_path)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.press("down", "enter")  # Carry on with a plan
        await pilot.press("enter")  # the newest plan is first
        assert on_pane(again, "question")
        assert again.screen.page.key == "impact_coproduction"
        assert flow.first_unanswered(again.plan) == flow.index_of("impact_coproduction")
        # It may be a question skipped on purpose: the status line says why we are here.
        assert content.word("app", "carry_on_here") in status_shown(again)
        await pilot.press("ctrl+g", "end", "enter")  # the note is about that step only
        assert again.screen.page.key == "finish"
        assert content.word("app", "carry_on_here") not in status_shown(again)


async def test_carry_on_with_every_answer_goes_to_the_check_without_that_note(tmp_path: Path) -> None:
    plan_file = tmp_path / "day.toml"
    plan_file.write_bytes(EXAMPLE.read_bytes())
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        app.keeper.open(plan_file, app.flow)
        await pilot.pause()
        assert app.screen.page.key == "check"
        assert content.word("app", "carry_on_here") not in status_shown(app)


async def test_remove_asks_first_can_be_undone_and_cuts_links(tmp_path: Path) -> None:
    plan_file = tmp_path / "day.toml"
    plan_file.write_bytes(EXAMPLE.read_bytes())
    app = make_app(tmp_path, plan_file)
    async with app.run_test(size=SIZE) as pilot:
        go_to(app, flow.index_of("outcomes_project"))
        await pilot.pause()
        assert on_pane(app, "list")
        app.screen.query_one("#items").focus()
        await pilot.press(
            "shift+tab", "shift+tab", "shift+tab", "enter"
        )  # the buttons above: Down, Up, Remove
        assert app.screen.__class__.__name__ == "ConfirmScreen"
        await pilot.press("escape")  # Escape means "no"
        assert [o.id for o in app.plan.outcomes_in("project")] == ["o1", "o2"]

        app.screen.query_one("#remove").focus()
        await pilot.press("enter", "tab", "enter")  # focus starts on "No"; Tab to "Yes"
        assert [o.id for o in app.plan.outcomes_in("project")] == ["o2"]
        assert "o1" not in app.plan.activity("a1").outcomes
        assert "o1" not in app.plan.activity("a4").outcomes
        assert "o1" not in store.load(plan_file).activity("a4").outcomes

        await pilot.press("ctrl+z")
        assert [o.id for o in app.plan.outcomes_in("project")] == ["o1", "o2"]
        assert app.plan.activity("a4").outcomes == ["o1", "o3"]
        assert store.load(plan_file).activity("a4").outcomes == ["o1", "o3"]
        # A second Ctrl+Z has nothing to bring back, and says so instead of doing nothing.
        await pilot.press("ctrl+z")
        assert [o.id for o in app.plan.outcomes_in("project")] == ["o1", "o2"]
        assert content.word("remove", "nothing_back") in status_shown(app)


async def test_a_plan_started_without_a_name_gets_its_file_name_later(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # Start a new plan
        await pilot.press("ctrl+n")  # no name yet
        await pilot.press("ctrl+n")  # no people yet
        await answer(pilot, "More people come")
        assert app.session is not None
        assert app.session.path == tmp_path / "my-plan.toml"
        for _ in range(3):
            await pilot.press("ctrl+r")
        assert app.screen.page.key == "title"
        await answer(pilot, "Tea and talk")
        assert app.session.path == tmp_path / "tea-and-talk.toml"
    assert sorted(p.name for p in tmp_path.glob("*.toml")) == ["tea-and-talk.toml"]
    plan = store.load(tmp_path / "tea-and-talk.toml")
    assert (plan.title, plan.impact.project) == ("Tea and talk", "More people come")
    assert (tmp_path / "tea-and-talk.md").exists() and not (tmp_path / "my-plan.md").exists()


def plan_with_a_gap(folder: Path) -> Path:
    """The example with one gap: the change that stays is missing."""
    plan = store.load(Path(__file__).parent.parent / "examples" / "day-centre.toml")
    plan.impact.lasting_change = ""
    plan_file = folder / "gap.toml"
    store.save(plan, plan_file)
    return plan_file


async def test_a_gap_chosen_on_the_check_step_leads_back_to_it_once_filled(tmp_path: Path) -> None:
    plan_file = plan_with_a_gap(tmp_path)
    app = make_app(tmp_path, plan_file)
    async with app.run_test(size=SIZE) as pilot:
        go_to(app, flow.index_of("check"))
        await pilot.pause()
        assert on_pane(app, "check") and app.screen.query_one(CheckPane).findings
        await pilot.press("enter")  # the first gap: the change that stays is missing
        assert app.screen.page.key == "lasting_change"
        assert "Next takes you back to the check" in " ".join(screen_text(app).split())
        await pilot.press("ctrl+r")  # Back also goes back to the check
        assert on_pane(app, "check")
        await pilot.press("enter")
        await type_text(pilot, "The group")
        await pilot.press("ctrl+s")  # saving on the way does not lose the way back, or its words
        await pilot.pause()
        assert "Next takes you back to the check" in " ".join(screen_text(app).split())
        await answer(pilot, " keeps meeting")
        assert on_pane(app, "check")
        assert not app.screen.query_one(CheckPane).findings
        await pilot.press("ctrl+n")  # from the check itself, Next goes on as usual
        assert on_pane(app, "finish")
    assert store.load(plan_file).impact.lasting_change == "The group keeps meeting"


async def test_going_elsewhere_after_choosing_a_gap_forgets_the_way_back(tmp_path: Path) -> None:
    plan_file = plan_with_a_gap(tmp_path)
    app = make_app(tmp_path, plan_file)
    async with app.run_test(size=SIZE) as pilot:
        go_to(app, flow.index_of("check"))
        await pilot.pause()
        await pilot.press("enter")
        go_to(app, flow.index_of("impact_project"))  # as Ctrl+G does
        await pilot.pause()
        await pilot.press("ctrl+n")
        assert app.screen.page.key == "impact_coproduction"


async def test_words_typed_in_a_change_box_go_after_the_words_already_there(tmp_path: Path) -> None:
    """Found by a new user: the cursor started at the beginning, so the words went first."""
    plan_file = example_copy(tmp_path)
    app = make_app(tmp_path, plan_file)
    async with app.run_test(size=SIZE) as pilot:
        go_to(app, flow.index_of("outcomes_project"))
        await pilot.pause()
        first = store.load(plan_file).outcomes_in("project")[0]
        await pilot.press("enter")  # Change the first stepping stone
        await pilot.pause()
        assert isinstance(app.screen, ItemScreen)
        await type_text(pilot, " at last")
        await pilot.press("enter")  # its next question: how we will know
        await type_text(pilot, " every week")
        await pilot.press("enter")
        await pilot.pause()
    changed = store.load(plan_file).outcome(first.id)
    assert changed.text == first.text + " at last"
    assert changed.how_we_know == first.how_we_know + " every week"


async def test_a_change_box_says_how_to_change_not_how_to_add(tmp_path: Path) -> None:
    """Issue 17: the Change box showed the step's hint, "Add the stepping stones ..."."""
    plan_file = example_copy(tmp_path)
    app = make_app(tmp_path, plan_file)
    async with app.run_test(size=SIZE) as pilot:
        go_to(app, flow.index_of("outcomes_project"))
        await pilot.pause()
        await pilot.press("enter")  # Change the first stepping stone
        await pilot.pause()
        shown = " ".join(screen_text(app).split())
        assert content.word("item", "change_hint") in shown
        assert flow.page("outcomes_project").words["hint"] not in shown
        await pilot.press("escape")
        await pilot.pause()
        await open_add_box(pilot)  # and a new one: the step's hint
        assert flow.page("outcomes_project").words["hint"] in " ".join(screen_text(app).split())
