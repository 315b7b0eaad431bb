"""Screens that are gone are freed soon, not whenever Python next looks at the whole heap.

An old laptop runs the app for a whole session; each step and each Add box is a new
screen, and a gone screen is a cycle of objects that only a full collection frees.
"""

from __future__ import annotations

import gc
import sys
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest

from backmap import flow
from backmap.app import TIDY_DELAY, WARM_UP_DELAY, BackmapApp
from tests.pilot_helpers import SIZE, make_app

EXAMPLE = Path(__file__).parent.parent / "examples" / "day-centre.toml"


@pytest.fixture
def no_automatic_collection() -> Iterator[None]:
    """Only the app's own collection may free anything during the test."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def example_app(folder: Path) -> BackmapApp:
    plan = folder / "plan.toml"
    plan.write_bytes(EXAMPLE.read_bytes())
    return make_app(folder, plan)


async def test_a_step_that_is_gone_is_freed_soon(tmp_path: Path, no_automatic_collection: None) -> None:
    app = example_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        # From a question to a list: a new screen (the next question would reuse this one).
        app.go_to(flow.index_of("lasting_change"))
        await pilot.pause()
        old_step = weakref.ref(app.screen)
        await pilot.press("ctrl+n")
        await pilot.pause(TIDY_DELAY * 3)
        assert app.screen.page.key == "outcomes_project"
        assert old_step() is None


async def test_a_closed_add_box_is_freed_soon(tmp_path: Path, no_automatic_collection: None) -> None:
    app = example_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        app.go_to(flow.index_of("outcomes_project"))
        await pilot.pause()
        await pilot.press("tab", "enter")  # Add
        box = weakref.ref(app.screen)
        assert type(box()).__name__ == "ItemScreen"
        await pilot.press("escape")  # nothing typed: it just closes
        await pilot.pause(TIDY_DELAY * 3)
        assert type(app.screen).__name__ == "ListScreen"
        assert box() is None


async def test_what_was_set_aside_at_start_is_given_back_at_the_end(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(WARM_UP_DELAY * 2)
        assert gc.get_freeze_count() > 0
        assert "jinja2" in sys.modules  # the templates were read while the welcome was shown
    assert gc.get_freeze_count() == 0
