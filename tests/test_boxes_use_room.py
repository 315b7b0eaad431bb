"""Boxes use the room they have (issue 17): at 80x24 the summary on the last step and a
long list fill the room under the words, stay wholly in sight, and say when there is more."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from backmap import content
from backmap.core import flow, store
from backmap.core.plan import Voice
from backmap.widgets.choices import MarkedList
from tests.example_plans import EXAMPLE, example_copy
from tests.look_back_plans import example_with_open_look_back, write_with_photo
from tests.pilot_helpers import SIZE, go_to, make_app, open_look_back_at, screen_text, settle


def long_plan(folder: Path) -> Path:
    plan = store.load(EXAMPLE)
    for number in range(10):
        plan.add_outcome("project", text=f"Another stepping stone, number {number}")
    path = folder / "long.toml"
    store.save(plan, path)
    return path


@pytest.fixture
def short_folder() -> Iterator[Path]:
    """A folder with a short name, as a person's is: each file's name fits on one line."""
    folder = Path(tempfile.mkdtemp(prefix="bm", dir="/tmp"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


async def test_the_summary_fills_the_room_and_says_there_is_more(short_folder: Path) -> None:
    plan_file = example_copy(short_folder, "day.toml")
    app = make_app(short_folder, plan_file)
    async with app.run_test(size=SIZE) as pilot:
        go_to(app, flow.index_of("finish"))
        await settle(pilot)
        screen = app.screen
        body = screen.query_one("#body")
        box = screen.query_one("#preview-box")
        assert body.max_scroll_y == 0  # nothing of the step is below the edge
        assert body.region.contains_region(box.region)  # the whole box, with its border
        nav_top = screen.query_one("#nav").region.y
        assert box.region.bottom >= nav_top - 1  # it reaches down to the buttons
        assert content.word("app", "more_below") in screen_text(app)
        box.focus()
        await pilot.press("end")
        await settle(pilot)
        seen = screen_text(app)
        assert content.word("app", "more_above") in seen
        assert content.word("app", "more_below") not in seen


async def test_a_long_list_fills_the_room_and_says_there_is_more(tmp_path: Path) -> None:
    app = make_app(tmp_path, long_plan(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        go_to(app, flow.index_of("outcomes_project"))
        await settle(pilot)
        screen = app.screen
        body = screen.query_one("#body")
        items = screen.query_one("#items", MarkedList)
        assert body.max_scroll_y == 0
        assert body.region.contains_region(items.region)
        assert body.region.contains_region(screen.query_one("#item-buttons").region)
        assert content.word("app", "more_below") in screen_text(app)
        await pilot.press("end")
        await settle(pilot)
        assert content.word("app", "more_above") in screen_text(app)


async def test_a_short_list_says_nothing_about_more(tmp_path: Path) -> None:
    plan_file = example_copy(tmp_path, "day.toml")
    app = make_app(tmp_path, plan_file)
    async with app.run_test(size=SIZE) as pilot:
        go_to(app, flow.index_of("people"))
        await settle(pilot)
        seen = screen_text(app)
        assert content.word("app", "more_below") not in seen
        assert content.word("app", "more_above") not in seen


@pytest.mark.parametrize("size", [SIZE, (60, 20)])
async def test_a_long_list_of_quotes_keeps_its_buttons_in_sight(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    """What people said, with more quotes than fit: Add, Change and Remove stay in sight."""
    plan = example_with_open_look_back()
    last = plan.checkins[-1]
    last.voices += [Voice(f"Another thing someone said, number {n}.", "Sam", "", "yes") for n in range(4)]
    path = write_with_photo(plan, tmp_path)
    async with open_look_back_at(path, "look_back_voices", size=size) as (app, _):
        screen = app.screen
        body = screen.query_one("#body")
        assert body.max_scroll_y == 0  # nothing of the step is below the edge
        assert body.region.contains_region(screen.query_one("#entries", MarkedList).region)
        assert body.region.contains_region(screen.query_one("#entry-buttons").region)
        assert content.word("app", "more_below") in screen_text(app)
