"""Driving the app by keys in Pilot tests, at the size people use: 80x24."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from textual import events
from textual.keys import _character_to_key
from textual.pilot import Pilot

from backmap.app import BackmapApp
from backmap.session.speech import Speaker
from tests.example_plans import EXAMPLE

SIZE = (80, 24)


def make_app(folder: Path, plan: Path | None = None) -> BackmapApp:
    """An app with no real speech program, so tests never make a sound."""
    return BackmapApp(folder=folder, plan_path=plan, speaker=Speaker(command=[]))


async def type_text(pilot: Pilot, text: str) -> None:
    """Send each character as a real key event, then wait once.

    ``pilot.press`` waits after every key (about 60 ms); a plan has hundreds
    of letters, so this sends them in one go through the same driver path.
    """
    app = pilot.app
    driver = app._driver
    assert driver is not None
    for character in text:
        key = character if character.isalnum() else _character_to_key(character)
        event = events.Key(key, character)
        event.set_sender(app)
        driver.send_message(event)
    await pilot.pause()


async def answer(pilot: Pilot, text: str) -> None:
    """Type an answer and press Enter (which means Next)."""
    await type_text(pilot, text)
    await pilot.press("enter")
    await pilot.pause()


def screen_text(app: BackmapApp) -> str:
    """What a person sees, as plain text, taken from the same SVG the snapshots use."""
    return svg_text(app.export_screenshot())


def svg_text(svg: str) -> str:
    """The plain text of a screenshot, a row to a line: readable when two differ."""
    import html
    import re

    rows: dict[float, list[tuple[float, str]]] = {}
    for attributes, body in re.findall(r"<text([^>]*)>(.*?)</text>", svg, re.S):
        x = re.search(r'\bx="([\d.]+)"', attributes)
        y = re.search(r'\by="([\d.]+)"', attributes)
        if not (x and y):
            continue
        text = html.unescape(re.sub(r"<[^>]+>", "", body)).replace("\xa0", " ")
        rows.setdefault(float(y.group(1)), []).append((float(x.group(1)), text))
    return "\n".join("".join(t for _, t in sorted(parts)) for _, parts in sorted(rows.items()))


async def settle(pilot: Pilot, rounds: int = 4) -> None:
    """Let chained work finish (focus, then scroll, then "after refresh" cursor moves).

    One pause lets one round of messages run; on a loaded machine a scroll and the
    cursor move after it can need a few more. This waits for work, never for time.
    """
    for _ in range(rounds):
        await pilot.pause()


def plan_with_gaps(folder: Path, many: bool = False) -> Path:
    """The example with gaps for the check step: 4, or 13 with ``many``.

    Four: the three parts of the impact are missing, and one activity helps no
    stepping stone (its row is two lines long at 80 columns).
    Many: no name, no impact, and no activity joined to any stepping stone.
    """
    from backmap.core import store

    plan = store.load(EXAMPLE)
    plan.impact.project = ""
    plan.impact.coproduction = ""
    plan.impact.lasting_change = ""
    if many:
        plan.title = ""
        for activity in plan.activities:
            activity.outcomes = []
    else:
        plan.activities[1].outcomes = []
    plan_file = folder / "gaps.toml"
    store.save(plan, plan_file)
    return plan_file


def go_to(app: BackmapApp, index: int, point_at: str | None = None) -> None:
    """Show a step at once, as Ctrl+G does: for tests about a step, not about getting there."""
    interview = app.interview()
    if interview is None:
        app.opened(index)
    else:
        interview.go_to(index, point_at)


def on_pane(app: BackmapApp, pane: str) -> bool:
    """Whether the interview is on top, showing a step of this kind: "question", "list", "check", "finish"."""
    from backmap.screens.interview import InterviewScreen

    screen = app.screen
    return isinstance(screen, InterviewScreen) and screen.page.pane == pane


def status_shown(app: BackmapApp) -> str:
    """The words on the status line a person sees now (the top screen that has one)."""
    from backmap.widgets.status import StatusLine

    for screen in reversed(app.screen_stack):
        for line in screen.query(StatusLine):
            return str(line.render())
    return ""


async def open_add_box(pilot: Pilot) -> None:
    """Press the Add button of a list step: the box asks the item's questions from the first."""
    pilot.app.screen.query_one("#add").focus()
    await pilot.press("enter")
    await pilot.pause()


class KeyCounter:
    """Presses keys like a person, and counts those that are not answer text."""

    def __init__(self, pilot: Pilot) -> None:
        self.pilot = pilot
        self.count = 0

    async def press(self, *keys: str) -> None:
        for key in keys:
            self.count += 1
            await self.pilot.press(key)
            await settle(self.pilot)

    async def answer(self, words: str, *keys: str) -> None:
        """Words typed (not counted), then the keys that take them on: Enter unless told."""
        if words:
            await type_text(self.pilot, words)
        await self.press(*(keys or ("enter",)))

    def flat(self) -> str:
        """The screen's words with lines joined: a status line wraps where the window ends."""
        return " ".join(self.screen().split())

    def screen(self) -> str:
        app = self.pilot.app
        assert isinstance(app, BackmapApp)
        return screen_text(app)


@asynccontextmanager
async def open_look_back_at(
    path: Path, page_key: str | None, speaker: Speaker | None = None, size: tuple[int, int] = SIZE
) -> AsyncIterator[tuple[BackmapApp, Pilot]]:
    """The look-back not finished in the plan at ``path``, carried on, shown at one step.

    The plan's folder holds only this plan, so the app offers to carry on with it first.
    ``page_key`` None stays on the step the look-back carries on from.
    """
    app = BackmapApp(
        folder=path.parent, plan_path=path, speaker=speaker or Speaker(command=[]), look_back=True
    )
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # carry on with the look-back not finished (offered first)
        await settle(pilot)
        if page_key is not None:
            interview = app.interview()
            assert interview is not None
            interview.go_to(interview.flow.index_of(page_key))
            await settle(pilot)
        yield app, pilot
