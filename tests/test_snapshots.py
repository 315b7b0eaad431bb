"""Screens as people see them at 80x24. Each SVG was looked at by a person before it was kept."""

from __future__ import annotations

import os
import re
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from backmap.core import flow
from backmap.session import plan_file as session
from tests.example_plans import EXAMPLE
from tests.pilot_helpers import SIZE, go_to, make_app, plan_with_gaps
from tests.snapshot_helpers import SVGSnapshot

# A folder of this test run (two runs at once must not share it), with a name of fixed
# length; the SVG shows it as the same name every time, so the pictures never differ.
ROOT = Path(f"/tmp/backmap-snap-{os.getpid():07d}")
SHOWN_ROOT = "/tmp/backmap-snap-0000000"
FOLDER = ROOT / "plans"
FIXED = datetime(2026, 11, 26, 10, 30, tzinfo=UTC)


@pytest.fixture
def svg(snapshot):
    return snapshot.use_extension(SVGSnapshot)


@pytest.fixture
def plans(monkeypatch: pytest.MonkeyPatch):
    """The day-centre plan in the fixed folder, with the clock stopped and the time zone fixed."""
    shutil.rmtree(FOLDER.parent, ignore_errors=True)
    FOLDER.mkdir(parents=True)
    plan = FOLDER / "day-centre.toml"
    plan.write_bytes(EXAMPLE.read_bytes())
    monkeypatch.setattr(session, "now", lambda: FIXED)
    monkeypatch.setenv("TZ", "UTC")
    yield plan
    shutil.rmtree(FOLDER.parent, ignore_errors=True)


async def shot(plan: Path | None, page: str | None, keys: tuple[str, ...] = ()) -> str:
    app = make_app(FOLDER, plan)
    async with app.run_test(size=SIZE) as pilot:
        # Opening a plan writes its summaries if they are behind; the finish step lists
        # the page to print only once it is there, so the picture waits for them.
        assert app.keeper.summaries.wait(10)
        if page is not None:
            app.keeper.message = ""  # as a person comes to the step, by Next or Ctrl+G
            go_to(app, flow.index_of(page))
            await pilot.pause()
        if keys:
            await pilot.press(*keys)
        await pilot.pause()
        svg = app.export_screenshot().replace(str(ROOT), SHOWN_ROOT)
        # The export names its styles after a hash of the screen, which holds the folder.
        return re.sub(r"terminal-\d+", "terminal-backmap", svg)


async def test_welcome(plans: Path, svg) -> None:
    assert await shot(None, None) == svg


async def test_question(plans: Path, svg) -> None:
    assert await shot(plans, "impact_coproduction") == svg


async def test_list(plans: Path, svg) -> None:
    assert await shot(plans, "outcomes_project", ("ctrl+s",)) == svg


async def test_links_list(plans: Path, svg) -> None:
    # Change the first co-production activity, and move on to its stepping stones.
    keys = ("enter", "ctrl+n", "ctrl+n")
    assert await shot(plans, "activities_coproduction", keys) == svg


async def test_check(plans: Path, svg) -> None:
    assert await shot(plans, "check") == svg


async def test_check_with_gaps(plans: Path, svg) -> None:
    # Four gaps: the list shows two rows and scrolls; the drawing's box is whole above the buttons.
    assert await shot(plan_with_gaps(FOLDER), "check") == svg


async def test_finish(plans: Path, svg) -> None:
    assert await shot(plans, "finish") == svg
