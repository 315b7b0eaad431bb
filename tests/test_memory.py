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
from textual.widgets._footer import FooterKey

from backmap.app import TIDY_DELAY, WARM_UP_DELAY, BackmapApp
from backmap.core import flow
from backmap.screens.step import StepScreen
from backmap.widgets.answer import AnswerBox
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
        # From the check to the finish: a new screen (questions and lists are kept, below).
        app.go_to(flow.index_of("check"))
        await pilot.pause()
        old_step = weakref.ref(app.screen)
        await pilot.press("ctrl+n")
        await pilot.pause(TIDY_DELAY * 3)
        assert app.screen.page.key == "finish"
        assert old_step() is None


async def test_kept_screens_do_not_add_up(tmp_path: Path, no_automatic_collection: None) -> None:
    """Back and forth through every step, twice: one question screen and one list screen."""
    app = example_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        app.go_to(flow.index_of("title"))
        await pilot.pause()
        for key in ["ctrl+n"] * 10 + ["ctrl+r"] * 5 + ["tab", "enter", "escape"] * 3 + ["ctrl+n"] * 5:
            await pilot.press(key)  # on the way, an Add box opened and closed three times
        await pilot.pause(TIDY_DELAY * 3)
        steps = sorted(type(o).__name__ for o in gc.get_objects() if isinstance(o, StepScreen))
        assert steps == ["FinishScreen", "ListScreen", "QuestionScreen"]
        # Nor do the key hints a kept screen built again: each old one went.
        keys = [o for o in gc.get_objects() if isinstance(o, FooterKey)]
        assert keys and all(key.parent is not None for key in keys)


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


async def test_the_words_of_a_closed_add_box_are_freed(tmp_path: Path, no_automatic_collection: None) -> None:
    """Textual kept each box's TextArea on the app's list of what watches the theme."""
    app = example_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        app.go_to(flow.index_of("outcomes_project"))
        await pilot.pause()
        await pilot.press("tab")  # to Add; focus comes back to it when a box closes
        for _ in range(3):
            await pilot.press("enter")
            assert type(app.screen).__name__ == "ItemScreen"
            await pilot.press("escape")
        await pilot.pause(TIDY_DELAY * 3)
        assert not [o for o in gc.get_objects() if isinstance(o, AnswerBox)]


async def test_what_was_set_aside_at_start_is_given_back_at_the_end(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(WARM_UP_DELAY * 2)
        assert gc.get_freeze_count() > 0
        assert "jinja2" in sys.modules  # the templates were read while the welcome was shown
    assert gc.get_freeze_count() == 0
