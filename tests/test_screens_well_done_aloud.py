"""The "Well done" box has a Read aloud button, whole on screen at 80x24 and at 60x20.

Heard through the fake speaker (tests/fake_speaker.py): the button reads what Ctrl+O reads.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest

from backmap import content
from backmap.app import BackmapApp
from backmap.core import flow
from backmap.screens.dialogs import WellDoneScreen
from backmap.session.speech import Speaker
from tests.example_plans import example_copy
from tests.pilot_helpers import SIZE, go_to, screen_text, settle

FAKE = Path(__file__).parent / "fake_speaker.py"


async def heard(said: Path, after: str = "") -> str:
    """All the fake speaker has written, once it is more than ``after`` (the ending has
    lines of its own, so a reading is not one line)."""
    for _ in range(200):
        text = said.read_text(encoding="utf-8") if said.exists() else ""
        if len(text) > len(after) and text.endswith("\n"):
            return text
        await asyncio.sleep(0.05)
    raise AssertionError("nothing was read aloud")


@pytest.mark.parametrize("size", [SIZE, (60, 20)])
async def test_well_done_has_a_read_aloud_button_in_sight(tmp_path: Path, size: tuple[int, int]) -> None:
    said = tmp_path / "said.txt"
    speaker = Speaker(command=[sys.executable, str(FAKE), str(said)])
    app = BackmapApp(folder=tmp_path, plan_path=example_copy(tmp_path), speaker=speaker)
    try:
        async with app.run_test(size=size) as pilot:
            go_to(app, flow.index_of("finish"))
            await settle(pilot)
            await pilot.press("ctrl+n")
            await settle(pilot)
            assert isinstance(app.screen, WellDoneScreen)
            dialog = app.screen.query_one("#dialog")
            assert app.screen.region.contains_region(dialog.region)
            seen = screen_text(app)
            for button in ("#start", "#quit", "#read-button"):  # each whole, none below the edge
                region = app.screen.query_one(button).region
                assert dialog.region.contains_region(region), button
            for words in ("start", "quit", "read_aloud"):  # no label cut short
                assert content.word("buttons", words) in seen, words
            assert app.focused is app.screen.query_one("#start")  # Enter still goes to the start
            await pilot.press("ctrl+o")
            by_key = await heard(said)
            for line in (
                content.word("done", "title"),
                content.word("done", "thanks"),
                str(tmp_path.resolve()),
            ):
                assert line in by_key, line
            await pilot.press("ctrl+o")  # the same key stops it
            app.screen.query_one("#read-button").focus()
            await pilot.press("enter")
            assert await heard(said, by_key) == by_key * 2  # the button read the same again
            assert isinstance(app.screen, WellDoneScreen)  # reading leaves the box open
    finally:
        speaker.stop()
