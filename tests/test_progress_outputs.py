"""The rest of backmap shows how the plan is going: the pathway drawing, the summaries, the list of plans.

A plan with no finished look-back shows exactly what it showed before.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from backmap.core import flow, going, pathway_drawing, store
from backmap.core.pathway_drawing import Drawing, Item
from backmap.core.plan import Plan
from backmap.screens.pathway import PathwayScreen
from backmap.widgets.pathway_view import PathwayView
from tests.example_plans import EXAMPLE
from tests.look_back_plans import (
    FIRST_DAY,
    big_looked_back_plan,
    example_with_look_backs,
    write_with_photo,
)
from tests.pilot_helpers import SIZE, go_to, make_app, on_pane, screen_text, settle

WIDTHS = (30, 50, 67, 68, 80, 120)


def rows_of(drawing: Drawing, item: Item) -> str:
    """The text of an item's rows, from its mark to its end, joined on one line."""
    return " ".join(
        line[item.column : item.column + item.width].strip()
        for line in drawing.lines[item.top : item.bottom + 1]
    )


def item(drawing: Drawing, kind: str, item_id: str) -> Item:
    return next(i for i in drawing.items if (i.kind, i.id) == (kind, item_id))


def first_look_back_only() -> Plan:
    """The example with only its first look-back finished."""
    plan = example_with_look_backs()
    plan.checkins[1].finished = False
    return plan


# ----- the pathway drawing --------------------------------------------------------------


@pytest.mark.parametrize("width", WIDTHS)
def test_the_drawing_shows_the_latest_progress_of_each_item_in_a_symbol_and_a_word(width: int) -> None:
    drawing = pathway_drawing.draw(example_with_look_backs(), width)
    stones = {
        "o1": "[x] It happened",
        "o2": "[~] On the way",
        "o3": "[x] It happened",
        "o4": "[>] We changed our plan",
    }
    for stone, said in stones.items():
        assert said in rows_of(drawing, item(drawing, "stone", stone)), (width, stone)
    activities = {"a1": "[x] Done", "a4": "[~] Started", "a5": "[-] We stopped it"}
    for activity, said in activities.items():
        for found in (i for i in drawing.items if i.id == activity):  # drawn in both parts when shared
            assert said in rows_of(drawing, found), (width, activity)
    assert "1 June 2027" in " ".join(drawing.lines)
    for line in drawing.lines:
        assert pathway_drawing.cells(line) <= width


@pytest.mark.parametrize("width", WIDTHS)
def test_a_plan_without_a_finished_look_back_is_drawn_as_before(width: int) -> None:
    before = pathway_drawing.draw(store.load(EXAMPLE), width)
    begun = store.load(EXAMPLE)
    checkin = begun.add_checkin(FIRST_DAY)
    begun.outcome_check(checkin, "o1", status="happened")  # not finished: shows nothing yet
    # A look-back begun but not finished, and progress turned off, both draw the plan as before.
    for drawing in (
        pathway_drawing.draw(begun, width),
        pathway_drawing.draw(example_with_look_backs(), width, progress=False),
    ):
        assert drawing.lines == before.lines
        assert drawing.items == before.items
        assert "[x]" not in " ".join(drawing.lines)


def test_first_time_and_now_for_stepping_stones_with_two_look_backs() -> None:
    drawing = pathway_drawing.draw(example_with_look_backs(), 80, first_and_now=True)
    text = rows_of(drawing, item(drawing, "stone", "o1"))
    assert "First time: [~] On the way." in text and "Now: [x] It happened." in text
    assert "First time: [ ] Not yet." in rows_of(drawing, item(drawing, "stone", "o4"))
    # "Now" starts a line of its own.
    assert any(
        line[item(drawing, "stone", "o1").column :].lstrip().startswith("Now:") for line in drawing.lines
    )
    # Activities keep their latest word only.
    assert "[x] Done" in rows_of(drawing, item(drawing, "activity", "a1"))
    # One look-back: nothing to compare yet, so the latest word only.
    single = pathway_drawing.draw(first_look_back_only(), 80, first_and_now=True)
    assert "First time" not in " ".join(single.lines)
    assert "[~] On the way" in rows_of(single, item(single, "stone", "o1"))


def test_progress_read_once_agrees_with_the_plan() -> None:
    for plan in (example_with_look_backs(), first_look_back_only(), big_looked_back_plan(look_backs=4)):
        found = going.Progress(plan)
        for activity in plan.activities:
            assert found.status("activity", activity.id) == plan.latest_status("activity", activity.id)
        for outcome in plan.outcomes:
            assert found.status("outcome", outcome.id) == plan.latest_status("outcome", outcome.id)
            assert found.history.get(outcome.id, []) == plan.outcome_history(outcome.id)


async def test_ctrl_p_shows_progress_on_a_plan_with_look_backs(tmp_path: Path) -> None:
    path = write_with_photo(example_with_look_backs(), tmp_path)
    app = make_app(tmp_path, path)
    async with app.run_test(size=SIZE) as pilot:
        go_to(app, flow.index_of("impact_project"))
        await pilot.pause()
        await pilot.press("ctrl+p")
        await settle(pilot)
        assert isinstance(app.screen, PathwayScreen)
        text = screen_text(app)
        assert "[x] Done" in text and "[x] It happened" in text and "1 June 2027" in text
        view = app.screen.query_one(PathwayView)
        await pilot.press("end")
        await settle(pilot)
        assert "[>] We changed our" in screen_text(app) or "[>] We changed our" in " ".join(
            view.drawing.lines
        )
        await pilot.press("escape")
        await pilot.pause()
        assert on_pane(app, "question")


async def test_ctrl_p_without_look_backs_shows_no_progress(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_bytes(EXAMPLE.read_bytes())
    app = make_app(tmp_path, path)
    async with app.run_test(size=SIZE) as pilot:
        go_to(app, flow.index_of("impact_project"))
        await pilot.pause()
        await pilot.press("ctrl+p")
        await settle(pilot)
        view = app.screen.query_one(PathwayView)
        text = screen_text(app)
        assert "A set of planning" in text
        assert "[x]" not in text and "look-back" not in text
        assert view.drawing is not None
        assert view.drawing.lines == pathway_drawing.draw(store.load(EXAMPLE), view.drawing.width).lines
