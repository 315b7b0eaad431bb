"""The app keeps one question screen and one list screen, and shows steps on them.

Going from a question to a list and back built a new screen of about 30 widgets each
time; now each kind of screen is built once and shows the next step of its kind, even
after other kinds of step came between. A kept screen must look and behave exactly as a
new one would: its words, its items from the first row, no undo from another step,
focus where a new screen puts it, the current colours. The strongest check: what is
drawn is the same, byte for byte, as a new screen's.
"""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from backmap.app import BackmapApp
from backmap.core import flow
from backmap.screens.lists import ListScreen
from backmap.screens.question import QuestionScreen
from backmap.screens.step import StepScreen
from backmap.widgets.buttons import FocusButton
from backmap.widgets.choices import MarkedList
from tests.pilot_helpers import SIZE, make_app, settle, svg_text
from tests.test_interview import add_outcome
from tests.test_reuse import picture, plan_copy

LIST_STEPS = (
    "people",
    "outcomes_project",
    "outcomes_coproduction",
    "activities_project",
    "activities_coproduction",
)


async def fresh_pictures(folder: Path, keys: tuple[str, ...], theme: str | None = None) -> dict[str, str]:
    """What a new screen draws for each step of a copy of the example: one new app each."""
    pictures = {}
    for key in keys:
        (folder / key).mkdir(parents=True)
        app = make_app(folder / key, plan_copy(folder / key))
        async with app.run_test(size=SIZE) as pilot:
            if theme is not None:
                app.theme = theme
            await go_to(pilot, key)
            pictures[key] = app.export_screenshot()
    return pictures


async def go_to(pilot: Pilot, key: str) -> None:
    """Once the plan is open (at its first unanswered step), go to this step."""
    await settle(pilot)
    pilot.app.go_to(flow.index_of(key))
    await settle(pilot, 8)


async def same_as(pilot: Pilot, expected: str) -> bool:
    """The screen drawn is the expected one, byte for byte; their words first, to read."""
    got = await picture(pilot)
    assert svg_text(got).splitlines() == svg_text(expected).splitlines()
    return got == expected


def items(app: BackmapApp) -> MarkedList:
    return app.screen.query_one("#items", MarkedList)


async def test_each_kind_of_screen_is_built_once(tmp_path: Path) -> None:
    app = make_app(tmp_path, plan_copy(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "title")
        question = app.screen
        assert isinstance(question, QuestionScreen)
        await pilot.press("ctrl+n")
        await settle(pilot)
        listing = app.screen
        assert isinstance(listing, ListScreen) and listing.page.key == "people"
        seen: set[int] = set()
        # Through every step to the check, and back to the start.
        for _ in range(8):
            await pilot.press("ctrl+n")
            await settle(pilot)
            step = app.screen
            assert isinstance(step, StepScreen)
            seen.add(id(step))
            if isinstance(step, QuestionScreen):
                assert step is question
            elif isinstance(step, ListScreen):
                assert step is listing
        assert app.screen.page.key == "check"
        for _ in range(9):
            await pilot.press("ctrl+r")
            await settle(pilot)
        assert app.screen is question and question.page.key == "title"
        assert len(app._kept) == 2
        assert question.is_mounted and listing.is_mounted


async def test_a_kept_list_screen_draws_what_a_new_one_draws(tmp_path: Path) -> None:
    """Each list step, reached from a question, from another list step and by Ctrl+G."""
    expected = await fresh_pictures(tmp_path / "fresh", (*LIST_STEPS, "lasting_change"))
    app = make_app(tmp_path, plan_copy(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "people")
        assert await same_as(pilot, expected["people"])
        # Leave it changed: a row further down, its links shown, the example open.
        await pilot.press("down", "down")
        app.screen.query_one("#example-button", FocusButton).press()
        await settle(pilot)
        await pilot.press("ctrl+n")  # to a question
        await settle(pilot)
        await go_to(pilot, "lasting_change")
        await pilot.press("ctrl+n")  # back on the kept list screen, with another list
        assert await same_as(pilot, expected["outcomes_project"])
        await pilot.press("down", "down", "down")
        await pilot.press("ctrl+n")  # a list step after a list step
        assert await same_as(pilot, expected["outcomes_coproduction"])
        await pilot.press("ctrl+n")
        assert await same_as(pilot, expected["activities_project"])
        await pilot.press("end")
        await pilot.press("ctrl+n")
        assert await same_as(pilot, expected["activities_coproduction"])
        await pilot.press("ctrl+g", "up", "up", "up", "enter")  # the first stepping stones
        assert await same_as(pilot, expected["outcomes_project"])
        await pilot.press("ctrl+g", "up", "up", "up", "up", "enter")  # Step 1: the name
        await pilot.press("ctrl+n")  # the people step
        assert await same_as(pilot, expected["people"])
        await pilot.press("ctrl+g", "down", "down", "down", "enter")  # a question again
        assert await same_as(pilot, expected["lasting_change"])


async def test_a_kept_screen_takes_a_new_colour_theme(tmp_path: Path) -> None:
    """Colours changed while the list screen was not shown are its colours when it is."""
    app = make_app(tmp_path, plan_copy(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "people")
        await pilot.press("ctrl+r")  # to the name question; the list screen is kept
        await settle(pilot)
        await pilot.press("ctrl+t")
        await settle(pilot)
        theme = app.theme
        app.message = ""  # the note about the theme; a new app has none
        await pilot.press("ctrl+n")
        got = await picture(pilot)
    expected = await fresh_pictures(tmp_path / "fresh", ("people",), theme=theme)
    assert got == expected["people"]


async def test_undo_stays_with_the_step_it_was_for(tmp_path: Path) -> None:
    app = make_app(tmp_path, plan_copy(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "outcomes_project")
        screen = app.screen
        before = len(app.plan.outcomes)
        await pilot.press("delete")
        await settle(pilot)
        await pilot.press("tab", "enter")  # Yes, remove it (No is first)
        await settle(pilot)
        assert len(app.plan.outcomes) == before - 1
        assert screen.query_one("#undo").display
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert app.screen is screen and screen.page.key == "outcomes_coproduction"
        assert not screen.query_one("#undo").display
        await pilot.press("ctrl+z")  # nothing to undo on this step
        await settle(pilot)
        assert len(app.plan.outcomes) == before - 1


async def test_focus_goes_where_a_new_screen_puts_it(tmp_path: Path) -> None:
    """On the first row of a list with items, on Add for an empty list."""
    path = plan_copy(tmp_path)
    app = make_app(tmp_path, path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.plan.activities = [a for a in app.plan.activities if a.part != "coproduction"]
        await go_to(pilot, "activities_project")
        await pilot.press("down")
        assert items(app).highlighted == 1
        await pilot.press("ctrl+n")  # an empty list
        await settle(pilot)
        assert app.screen.query_one("#add", FocusButton).has_focus
        assert not items(app).display and app.screen.query_one("#empty").display
        empty = flow.page("activities_coproduction").words["empty"]
        assert str(app.screen.query_one("#empty").render()) == empty
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert items(app).has_focus and items(app).highlighted == 0
        assert items(app).current is not None
        assert items(app).current.key == app.plan.activities_in("project")[0].id


async def test_an_add_box_over_a_kept_screen_adds_to_its_step(tmp_path: Path) -> None:
    app = make_app(tmp_path, plan_copy(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "people")
        await pilot.press("ctrl+r")
        await settle(pilot)
        await go_to(pilot, "lasting_change")
        await pilot.press("ctrl+n")  # the kept list screen, now for stepping stones
        await settle(pilot)
        count = len(app.plan.outcomes_in("project"))
        app.screen.query_one("#add", FocusButton).focus()
        await settle(pilot)
        await add_outcome(pilot, "Friends made here", "They meet outside the centre")
        await settle(pilot)
        assert isinstance(app.screen, ListScreen) and app.screen.page.key == "outcomes_project"
        assert len(app.plan.outcomes_in("project")) == count + 1
        assert items(app).current is not None and items(app).current.text == "Friends made here"
        assert app.plan.outcomes_in("project")[-1].text == "Friends made here"


async def test_rows_are_measured_again_when_the_scroll_bar_comes_or_goes(tmp_path: Path) -> None:
    """Down and Up show and hide a row's links; the list looks as it first did after.

    The first stepping stone with its links is longer than the list, so the list has a
    scroll bar and its words wrap sooner; on Down the bar goes, on Up it comes back.
    A guard for the measuring again that kept screens need (it passed before too).
    """
    app = make_app(tmp_path, plan_copy(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "outcomes_coproduction")
        first = await picture(pilot)
        await pilot.press("down")
        await settle(pilot)
        await pilot.press("up")
        assert await same_as(pilot, first)
