"""The "Go to a step" box (Ctrl+G): a step's number takes the person there. Keys only, 80x24.

With 9 steps or fewer one key goes at once. With 10 or more a key could be the start of
"10": the number moves the marker, Enter goes, and the box's hint says so.
"""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from backmap import content
from backmap.core import flow
from backmap.screens.dialogs import GotoScreen
from backmap.screens.interview import InterviewScreen
from backmap.widgets.choices import MarkedList
from tests.example_plans import example_copy
from tests.pilot_helpers import SIZE, go_to, make_app, screen_text, settle, type_text


def step_shown(pilot: Pilot) -> str:
    """The "Step 3 of 10" line of the step on screen."""
    screen = pilot.app.screen
    assert isinstance(screen, InterviewScreen)
    return screen.flow.step_label(screen.page)


async def open_goto(pilot: Pilot) -> MarkedList:
    await pilot.press("ctrl+g")
    await settle(pilot)
    assert isinstance(pilot.app.screen, GotoScreen)
    return pilot.app.screen.query_one("#steps", MarkedList)


async def test_in_the_plan_a_number_then_enter_goes_to_that_step_even_step_10(tmp_path: Path) -> None:
    app = make_app(tmp_path, example_copy(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        go_to(app, flow.index_of("outcomes_project"))
        await settle(pilot)
        assert flow.PLANNING.total_steps == 10
        steps = await open_goto(pilot)
        seen = screen_text(app)
        assert content.word("goto", "hint_many") in " ".join(seen.split())
        assert "Step 10 of 10" in seen
        await pilot.press("1")  # could be the start of 10: the marker moves, the box stays
        await settle(pilot)
        assert isinstance(app.screen, GotoScreen) and steps.highlighted == 0
        await pilot.press("0")
        await settle(pilot)
        assert isinstance(app.screen, GotoScreen) and steps.highlighted == 9
        await pilot.press("enter")
        await settle(pilot)
        assert step_shown(pilot) == "Step 10 of 10"
        await open_goto(pilot)
        await pilot.press("3", "enter")
        await settle(pilot)
        assert step_shown(pilot) == "Step 3 of 10"
        await open_goto(pilot)
        await pilot.press("1", "enter")  # 1 alone, then Enter: step 1
        await settle(pilot)
        assert step_shown(pilot) == "Step 1 of 10"


async def test_in_the_plan_a_number_no_step_has_changes_nothing(tmp_path: Path) -> None:
    app = make_app(tmp_path, example_copy(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        go_to(app, flow.index_of("outcomes_project"))
        await settle(pilot)
        before = step_shown(pilot)
        steps = await open_goto(pilot)
        await pilot.press("4", "5")  # no step 45: the 5 starts again, at step 5
        await settle(pilot)
        assert steps.highlighted == 4
        await pilot.press("down", "2")  # an arrow key ends the number typed: step 2, not 52
        await settle(pilot)
        assert steps.highlighted == 1
        await pilot.press("escape")
        await settle(pilot)
        assert step_shown(pilot) == before


async def test_in_a_look_back_one_number_key_goes_to_that_step(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    example_copy(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "down", "enter", "enter")  # Look back at a plan: the only plan
        await settle(pilot)
        assert "When is this look-back?" in screen_text(app)
        await pilot.press("ctrl+u")
        await type_text(pilot, "1 March 2027")
        await pilot.press("enter")
        await settle(pilot)
        assert step_shown(pilot) == "Step 1 of 8"
        await open_goto(pilot)
        seen = " ".join(screen_text(app).split())
        assert content.word("goto", "hint") in seen.replace("┃", "")
        assert "Step 7 of 8" in seen
        await pilot.press("7")
        await settle(pilot)
        assert step_shown(pilot) == "Step 7 of 8"
        await open_goto(pilot)
        await pilot.press("1")
        await settle(pilot)
        assert step_shown(pilot) == "Step 1 of 8"


async def test_a_list_of_11_stepping_stones_ticks_stone_11_by_1_1_enter(tmp_path: Path) -> None:
    """The same rule in the box of an activity: 11 stones, so "1" waits for a second digit."""
    from backmap.core import store
    from backmap.screens.item import ItemScreen

    plan_file = example_copy(tmp_path)
    plan = store.load(plan_file)
    while len(plan.outcomes) < 11:
        plan.add_outcome("project", text=f"Stone number {len(plan.outcomes) + 1}")
    store.save(plan, plan_file)
    eleventh = plan.outcomes_in_order()[10]
    app = make_app(tmp_path, plan_file)
    async with app.run_test(size=SIZE) as pilot:
        go_to(app, flow.index_of("activities_project"))
        await settle(pilot)
        await pilot.press("enter", "ctrl+n", "ctrl+n")  # Change the first activity: its stepping stones
        await settle(pilot)
        assert isinstance(app.screen, ItemScreen)
        assert content.word("item", "many_tick") in " ".join(screen_text(app).replace("┃", " ").split())
        stones = app.screen.query_one("#item-choices", MarkedList)
        assert not stones.choices[10].checked
        await pilot.press("1", "1")
        await settle(pilot)
        assert stones.highlighted == 10 and not stones.choices[10].checked
        await pilot.press("enter")
        await settle(pilot)
        assert stones.choices[10].checked
        assert f"[x] 11. {eleventh.text[:30]}" in screen_text(app)
        # An arrow ends a number: "1", Up, "1" goes to row 1, not to row 11.
        await pilot.press("1", "up", "1")
        await settle(pilot)
        assert stones.highlighted == 0
        await pilot.press("escape")
        await settle(pilot)
    assert eleventh.id in store.load(plan_file).activities[0].outcomes
