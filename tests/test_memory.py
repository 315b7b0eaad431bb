"""A step or dialog that is gone is freed at once, not when Python next looks for cycles.

Peak memory itself is measured by the benchmark (bench/), never here; this only proves
the app lets old screens go. Python's own cycle collector is paused in these tests, so
only the app's collection can free them.
"""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest

from backmap import flow
from tests.pilot_helpers import SIZE, make_app, settle

EXAMPLE = Path(__file__).parent.parent / "examples" / "day-centre.toml"


@pytest.fixture
def no_automatic_collection() -> Iterator[None]:
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


async def test_steps_left_behind_are_freed(tmp_path: Path, no_automatic_collection: None) -> None:
    plan_file = tmp_path / "day-centre.toml"
    plan_file.write_bytes(EXAMPLE.read_bytes())
    app = make_app(tmp_path, plan_file)
    async with app.run_test(size=SIZE) as pilot:
        app.go_to(flow.index_of("impact_project"))
        await settle(pilot)
        first = weakref.ref(app.screen)
        await pilot.press("ctrl+n")
        await settle(pilot)
        second = weakref.ref(app.screen)
        await pilot.press("ctrl+n")
        await settle(pilot)
        # A step's own timers hold it for a moment after it is removed, so it is freed at
        # the next change of step: never more than one old step is waiting.
        assert first() is None
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert second() is None


async def test_a_closed_dialog_is_freed(tmp_path: Path, no_automatic_collection: None) -> None:
    plan_file = tmp_path / "day-centre.toml"
    plan_file.write_bytes(EXAMPLE.read_bytes())
    app = make_app(tmp_path, plan_file)
    async with app.run_test(size=SIZE) as pilot:
        app.go_to(flow.index_of("outcomes_project"))
        await settle(pilot)
        step = app.screen
        await pilot.press("ctrl+g")  # the "go to a step" dialog
        await settle(pilot)
        dialog = weakref.ref(app.screen)
        assert dialog() is not step
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is step
        assert dialog() is None
