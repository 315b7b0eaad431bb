"""In every dialog Left and Right (and Up and Down) move between its buttons.

A list or a text box with focus keeps its own arrow keys. Keys only, at 80x24.
"""

from __future__ import annotations

from pathlib import Path

from backmap.core import flow
from backmap.screens.dialogs import ConfirmScreen, GotoScreen, ProblemScreen, TextDialog, WellDoneScreen
from backmap.screens.item import ItemScreen
from backmap.widgets.answer import AnswerBox
from backmap.widgets.choices import MarkedList
from tests.example_plans import EXAMPLE
from tests.pilot_helpers import SIZE, go_to, make_app


def day_centre(tmp_path: Path) -> Path:
    plan_file = tmp_path / "day.toml"
    plan_file.write_bytes(EXAMPLE.read_bytes())
    return plan_file


async def focus_after(pilot, keys: list[str]) -> list[str]:
    """The id of the focused widget after each key."""
    seen = []
    for key in keys:
        await pilot.press(key)
        seen.append(pilot.app.focused.id if pilot.app.focused else "")
    return seen


async def test_arrows_move_between_the_buttons_of_the_remove_question(tmp_path: Path) -> None:
    app = make_app(tmp_path, day_centre(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        go_to(app, flow.index_of("outcomes_project"))
        await pilot.pause()
        app.screen.query_one("#remove").focus()
        await pilot.press("enter")
        assert isinstance(app.screen, ConfirmScreen)
        assert app.focused.id == "no"
        assert await focus_after(pilot, ["right", "left", "down", "up"]) == ["yes", "no", "yes", "no"]


async def test_arrows_move_between_the_buttons_of_the_item_dialog_but_not_in_its_box(tmp_path: Path) -> None:
    app = make_app(tmp_path, day_centre(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        go_to(app, flow.index_of("activities_project"))
        await pilot.pause()
        await pilot.press("enter")  # Change the first activity
        assert isinstance(app.screen, ItemScreen)
        box = app.screen.query_one("#item-answer", AnswerBox)
        assert box.has_focus
        where = box.cursor_location
        await pilot.press("left", "up")  # the box keeps its own arrow keys
        assert box.has_focus
        assert box.cursor_location != where
        await pilot.press("ctrl+n")  # the kind: a list
        kinds = app.screen.query_one("#item-choices", MarkedList)
        assert kinds.has_focus
        at = kinds.highlighted
        await pilot.press("left", "right")  # the list keeps focus
        assert kinds.has_focus and kinds.highlighted == at
        await pilot.press("down")
        assert kinds.has_focus and kinds.highlighted == at + 1
        app.screen.query_one("#item-next").focus()
        await pilot.pause()
        moves = await focus_after(pilot, ["left", "left", "left", "right", "down", "up"])
        assert moves == ["item-cancel", "item-back", "item-next", "item-back", "item-cancel", "item-back"]


async def test_arrows_move_between_the_buttons_of_the_well_done_and_problem_boxes(tmp_path: Path) -> None:
    app = make_app(tmp_path, day_centre(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(WellDoneScreen(["Your plan is saved."]))
        await pilot.pause()
        assert app.focused.id == "start"
        assert await focus_after(pilot, ["right", "left", "down"]) == ["quit", "start", "quit"]
        await pilot.press("escape")
        choices = [("again", "Try again"), ("copy", "Copy")]
        problem = ProblemScreen("A problem", "Something went wrong.", choices)
        await app.push_screen(problem)
        await pilot.pause()
        assert app.focused.id == "choice-again"
        moves = await focus_after(pilot, ["down", "down", "down", "up", "left", "right"])
        assert moves == ["choice-copy", "close", "choice-again", "close", "choice-copy", "close"]


async def test_the_go_to_list_and_the_word_list_keep_their_own_arrow_keys(tmp_path: Path) -> None:
    app = make_app(tmp_path, day_centre(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        go_to(app, flow.index_of("outcomes_project"))
        await pilot.pause()
        await pilot.press("ctrl+g")
        assert isinstance(app.screen, GotoScreen)
        steps = app.screen.query_one("#steps", MarkedList)
        at = steps.highlighted
        await pilot.press("left", "right")
        assert steps.has_focus and steps.highlighted == at
        await pilot.press("down")
        assert steps.has_focus and steps.highlighted == at + 1
        await pilot.press("tab")
        assert await focus_after(pilot, ["left", "right", "up"]) == ["close"] * 3
        await pilot.press("escape")
        await pilot.press("ctrl+l")
        assert isinstance(app.screen, TextDialog)
        body = app.screen.query_one("#dialog-body")
        assert body.has_focus
        await pilot.press("down")  # Down scrolls the words
        assert body.has_focus and body.scroll_y > 0
        await pilot.press("tab")
        assert app.focused.id == "close"
        moves = await focus_after(pilot, ["right", "left", "down", "up"])
        assert moves == ["read-button", "close", "read-button", "close"]
