"""Peak memory: a whole interview in backmap, and the bare Textual app, each in a fresh process.

Run as ``python -m bench.interview backmap|bare|bare-one FOLDER``; prints one JSON line
with the process's peak resident memory (``ru_maxrss``) in KiB. All run headless under
Pilot at 80x24, so they pay the same for Python, Textual and Pilot.

- ``backmap``: the day-centre example typed from the welcome screen to the finish step.
- ``bare``: the bare app given the same work: each of the example's answers typed into
  its box and sent with Enter, then the empty screen pushed and taken away again, as
  each answer of the interview moves to a new screen. Textual's own memory grows with
  the keys it handles and the screens it shows, so this is the baseline of the row.
- ``bare-one``: the bare app given one answer and one screen (the baseline until
  26 November 2026, before the same-work baseline), shown as a reference row.
"""

from __future__ import annotations

import asyncio
import json
import resource
import sys
import tomllib
from pathlib import Path

from textual import events
from textual.keys import _character_to_key
from textual.pilot import Pilot

SIZE = (80, 24)
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "day-centre.toml"


async def type_text(pilot: Pilot, text: str) -> None:
    """Send each character as a key event through the driver, then wait once."""
    app = pilot.app
    assert app._driver is not None
    for character in text:
        key = character if character.isalnum() else _character_to_key(character)
        event = events.Key(key, character)
        event.set_sender(app)
        app._driver.send_message(event)
    await pilot.pause()


async def answer(pilot: Pilot, text: str) -> None:
    """Type an answer and press Enter (which means Next)."""
    await type_text(pilot, text)
    await pilot.press("enter")
    await pilot.pause()


def _screen_name(pilot: Pilot) -> str:
    return type(pilot.app.screen).__name__


async def backmap_interview(folder: Path) -> None:
    """The day-centre example, typed from the welcome screen to the last step, by keys."""
    from backmap.app import BackmapApp
    from backmap.core.plan import KINDS
    from backmap.session.speech import Speaker

    want = tomllib.loads(EXAMPLE.read_text(encoding="utf-8"))
    app = BackmapApp(folder=folder, speaker=Speaker(command=[]))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # Start a new plan
        await answer(pilot, want["title"])
        for person in want["people"]:
            await pilot.press("enter")
            await answer(pilot, person["name"])
            await answer(pilot, person["role"])
        await pilot.press("ctrl+n")
        for key in ("project", "coproduction", "lasting_change"):
            await answer(pilot, want["impact"][key])
        for part in ("project", "coproduction"):
            for row in [o for o in want["outcomes"] if o["part"] == part]:
                await pilot.press("enter")  # Add
                await answer(pilot, row["text"])
                await answer(pilot, row["how_we_know"])
            await pilot.press("ctrl+n")
        for part in ("project", "coproduction"):
            own = [o["id"] for o in want["outcomes"] if o["part"] == part]
            stones = own + [o["id"] for o in want["outcomes"] if o["part"] != part]
            for row in [a for a in want["activities"] if a["part"] == part]:
                await pilot.press("enter")  # Add
                await answer(pilot, row["text"])
                # The kind list of a new activity starts on the first kind.
                await pilot.press(*(["down"] * KINDS.index(row["kind"])), "enter")
                at = 0
                for link in sorted(stones.index(o) for o in row["outcomes"]):
                    await pilot.press(*(["down"] * (link - at)), "enter")
                    at = link
                await pilot.press("ctrl+n")
                await answer(pilot, row["who"])
                await answer(pilot, row["when"])
            await pilot.press("ctrl+n")
        if _screen_name(pilot) != "CheckScreen":
            raise RuntimeError(f"the interview did not reach the check step: {_screen_name(pilot)}")
        await pilot.press("enter")  # Next, to the finish step
        if _screen_name(pilot) != "FinishScreen":
            raise RuntimeError(f"the interview did not reach the finish step: {_screen_name(pilot)}")
    plan = app.session.plan if app.session else None
    if plan is None or len(plan.activities) != len(want["activities"]):
        raise RuntimeError("the interview did not make the whole plan")
    # Typed by keys, a kind list that starts somewhere else files the wrong kinds.
    if [a.kind for a in plan.activities] != [a["kind"] for a in want["activities"]]:
        raise RuntimeError("the interview chose the wrong kind of activity")


def example_answers() -> list[str]:
    """Every answer of the example, in the order the interview asks for them."""
    want = tomllib.loads(EXAMPLE.read_text(encoding="utf-8"))
    answers = [want["title"]]
    answers += [text for person in want["people"] for text in (person["name"], person["role"])]
    answers += [want["impact"][key] for key in ("project", "coproduction", "lasting_change")]
    answers += [text for row in want["outcomes"] for text in (row["text"], row["how_we_know"])]
    answers += [text for row in want["activities"] for text in (row["text"], row["who"], row["when"])]
    return answers


async def bare_session(answers: list[str]) -> None:
    """The bare app: each answer typed and sent, then the empty screen pushed and taken away."""
    from bench.bare_app import BareApp

    app = BareApp()
    async with app.run_test(size=SIZE) as pilot:
        for text in answers:
            await type_text(pilot, text)
            await pilot.press("enter")  # the box is emptied for the next answer
            await pilot.press("ctrl+n")
            await pilot.press("ctrl+r")
        if app.query_one("Input").value:  # type: ignore[attr-defined]
            raise RuntimeError("the bare app did not take the answers")


def main(argv: list[str]) -> int:
    which, folder = argv[0], Path(argv[1])
    if which == "backmap":
        asyncio.run(backmap_interview(folder))
    elif which == "bare":
        asyncio.run(bare_session(example_answers()))
    elif which == "bare-one":
        asyncio.run(bare_session(["The new day centre"]))
    else:
        raise SystemExit(f"unknown run: {which}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"peak_kib": peak}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
