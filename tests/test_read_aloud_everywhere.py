"""Read aloud everywhere (issue 17), heard through the fake speaker (tests/fake_speaker.py).

Ctrl+O reads the step (the question, the line under it, the person's own answer, the
example and the supporter tip), the pathway in words, the word list, the help and the
learn pages. Reading stops when its page changes or closes.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from textual.pilot import Pilot

from backmap import content
from backmap.app import BackmapApp
from backmap.core import flow
from backmap.screens.learn import LearnScreen
from backmap.session.speech import Speaker
from backmap.widgets.answer import AnswerBox
from tests.example_plans import EXAMPLE
from tests.pilot_helpers import SIZE, go_to, screen_text, settle

FAKE = Path(__file__).parent / "fake_speaker.py"


class Ears:
    """What the fake speaker was asked to say, read from its file."""

    def __init__(self, folder: Path) -> None:
        self.file = folder / "said.txt"
        self.speaker = Speaker(command=[sys.executable, str(FAKE), str(self.file)])

    async def heard(self, pilot: Pilot, count: int = 1) -> str:
        """The words of the last reading, once ``count`` readings have arrived."""
        for _ in range(200):
            if self.file.exists():
                lines = self.file.read_text(encoding="utf-8").splitlines()
                if len(lines) >= count:
                    return lines[count - 1]
            await asyncio.sleep(0.05)
        raise AssertionError("nothing was read aloud")

    async def stopped(self, pilot: Pilot) -> bool:
        """Whether reading stops by itself within a second."""
        for _ in range(40):
            if not self.speaker.speaking:
                return True
            await pilot.pause(0.05)
        return False


@asynccontextmanager
async def reading_app(
    tmp_path: Path, size: tuple[int, int] = SIZE
) -> AsyncIterator[tuple[BackmapApp, Pilot, Ears]]:
    plan_file = tmp_path / "day.toml"
    plan_file.write_bytes(EXAMPLE.read_bytes())
    ears = Ears(tmp_path)
    app = BackmapApp(folder=tmp_path, plan_path=plan_file, speaker=ears.speaker)
    try:
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            yield app, pilot, ears
    finally:
        ears.speaker.stop()


async def hear_step(app: BackmapApp, pilot: Pilot, ears: Ears, step: str, *keys: str) -> str:
    """What Ctrl+O reads at a step, after keys that open a box over it (each waited for)."""
    go_to(app, flow.index_of(step))
    await settle(pilot)
    for key in keys:
        await pilot.press(key)
        await settle(pilot)
    await pilot.press("ctrl+o")
    return await ears.heard(pilot)


def flat(text: str) -> str:
    return " ".join(text.split())


async def test_a_step_reads_the_answer_the_line_under_the_question_and_the_tip(tmp_path: Path) -> None:
    async with reading_app(tmp_path) as (app, pilot, ears):
        go_to(app, flow.index_of("impact_project"))
        await settle(pilot)
        said = flat(app.screen.query_one("#answer", AnswerBox).answer)
        await pilot.press("ctrl+o")
        heard = await ears.heard(pilot)
        words = flow.page("impact_project").words
        for part in (words["question"], words["hint"], words["example"], words["tip"], said):
            assert flat(part) in heard, part
        assert content.word("speech", "your_answer") in heard


async def test_a_list_step_reads_the_items_on_the_list(tmp_path: Path) -> None:
    async with reading_app(tmp_path) as (app, pilot, ears):
        heard = await hear_step(app, pilot, ears, "outcomes_project")
        for stone in app.plan.outcomes_in("project"):
            assert stone.text in heard


async def test_the_check_step_with_no_gaps_never_reads_an_example_gap(tmp_path: Path) -> None:
    async with reading_app(tmp_path) as (app, pilot, ears):
        heard = await hear_step(app, pilot, ears, "check")
        words = flow.page("check").words
        assert words["none"] in heard
        assert flat(words["example"]) not in heard


async def test_the_pathway_is_read_item_by_item(tmp_path: Path) -> None:
    async with reading_app(tmp_path) as (app, pilot, ears):
        heard = await hear_step(app, pilot, ears, "title", "ctrl+p")
        for item in [*app.plan.outcomes, *app.plan.activities]:
            assert item.text in heard, item.text
        await pilot.press("ctrl+o")  # stop; the button reads the same again
        assert await ears.stopped(pilot)
        app.screen.query_one("#read-button").focus()
        await pilot.press("enter")
        assert await ears.heard(pilot, count=2) == heard
        await pilot.press("escape")  # closing the pathway stops the reading
        assert await ears.stopped(pilot)


async def test_the_word_list_and_the_help_are_read_and_stop_when_closed(tmp_path: Path) -> None:
    async with reading_app(tmp_path) as (app, pilot, ears):
        heard = await hear_step(app, pilot, ears, "title", "ctrl+l")
        for entry in content.glossary():
            assert flat(entry["means"]) in heard
        await pilot.press("escape")
        assert await ears.stopped(pilot)
        await pilot.press("f1")
        await settle(pilot)
        await pilot.press("ctrl+o")
        heard = await ears.heard(pilot, count=2)
        assert content.word("help", "intro") in heard


async def test_a_learn_page_is_read_and_stops_when_the_page_changes(tmp_path: Path) -> None:
    async with reading_app(tmp_path) as (app, pilot, ears):
        app.push_screen(LearnScreen())
        await settle(pilot)
        assert app.screen.query_one("#read-button")  # a button as well as the key
        app.screen.query_one("#read-button").focus()
        await pilot.press("enter")
        heard = await ears.heard(pilot)
        first = content.learn_pages()[0]
        assert first["title"] in heard
        app.screen.query_one("#next").focus()
        await pilot.press("enter")  # the next page: the last one is no longer read
        assert await ears.stopped(pilot)


@pytest.mark.parametrize("size", [SIZE, (60, 20)])
@pytest.mark.parametrize("key", ["ctrl+l", "f1"])
async def test_the_word_list_and_the_help_have_a_read_aloud_button_in_sight(
    tmp_path: Path, key: str, size: tuple[int, int]
) -> None:
    """Issue 17: "a button where there is room". Enter on it reads what Ctrl+O reads."""
    async with reading_app(tmp_path, size) as (app, pilot, ears):
        go_to(app, flow.index_of("title"))
        await settle(pilot)
        await pilot.press(key)
        await settle(pilot)
        dialog = app.screen.query_one("#dialog")
        assert app.screen.region.contains_region(dialog.region)
        for button in ("#close", "#read-button"):  # both whole, none pushed below the edge
            assert dialog.region.contains_region(app.screen.query_one(button).region), button
        seen = screen_text(app)
        assert content.word("buttons", "read_aloud") in seen
        assert app.screen.title_text in seen
        await pilot.press("ctrl+o")
        by_key = await ears.heard(pilot)
        await pilot.press("ctrl+o")  # the same key stops it
        assert await ears.stopped(pilot)
        app.screen.query_one("#read-button").focus()
        await pilot.press("enter")
        assert await ears.heard(pilot, count=2) == by_key
        assert ears.speaker.speaking
