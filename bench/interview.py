"""Peak memory of whole interviews in backmap, each run in a fresh process.

Run as ``python -m bench.interview backmap|repeat FOLDER``; prints one JSON line. Both
run headless under Pilot at 80x24 and type the day-centre example into the app by
keys, from the welcome screen to the finish step (31 answers, 1,231 letters).

- ``backmap``: one interview; prints ``peak_kib``, the process's peak resident memory
  (``ru_maxrss``) at the end.
- ``repeat``: three interviews, one after the other, in the same app (after the finish
  step: Next, "Start again" to the welcome screen, and a new plan); prints ``peaks_kib``,
  the peak resident memory during each one. Before each interview the peak is set back
  to the memory in use (Linux: ``/proc/self/clear_refs``, ``VmHWM``), so each figure is
  that interview's own peak. If the peak cannot be set back, each figure is the
  process's peak so far (then a third interview above the first still shows as growth).
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


def _pane(app) -> str:  # type: ignore[no-untyped-def]
    """The kind of pane the interview shows now, or the screen's name when it is not up."""
    interview = app.interview()
    if interview is None or app.screen is not interview:
        return type(app.screen).__name__
    return interview.page.pane


async def one_interview(app, pilot: Pilot, want: dict) -> None:  # type: ignore[no-untyped-def,type-arg]
    """The day-centre example, typed from the welcome screen to the last step, by keys."""
    from backmap.core.plan import KINDS

    await pilot.press("enter")  # Start a new plan
    await answer(pilot, want["title"])
    # A list step starts in its box for the next item: Enter adds one and asks the rest;
    # an empty Enter goes on (issue 17).
    for person in want["people"]:
        await answer(pilot, person["name"])
        await answer(pilot, person["role"])
    await answer(pilot, "")
    for key in ("project", "coproduction", "lasting_change"):
        await answer(pilot, want["impact"][key])
    for part in ("project", "coproduction"):
        for row in [o for o in want["outcomes"] if o["part"] == part]:
            await answer(pilot, row["text"])
            await answer(pilot, row["how_we_know"])
        await answer(pilot, "")
    # Stepping stones have one number on both activity steps: the project's first.
    ordered = [o["id"] for p in ("project", "coproduction") for o in want["outcomes"] if o["part"] == p]
    for part in ("project", "coproduction"):
        for row in [a for a in want["activities"] if a["part"] == part]:
            await answer(pilot, row["text"])
            await pilot.press(str(KINDS.index(row["kind"]) + 1))  # the kind by its number
            for link in row["outcomes"]:
                await pilot.press(str(ordered.index(link) + 1))  # each stepping stone by its number
            await pilot.press("ctrl+n")
            await answer(pilot, row["who"])
            await answer(pilot, row["when"])
        await answer(pilot, "")
    if _pane(app) != "check":
        raise RuntimeError(f"the interview did not reach the check step: {_pane(app)}")
    await pilot.press("enter")  # Next, to the finish step
    if _pane(app) != "finish":
        raise RuntimeError(f"the interview did not reach the finish step: {_pane(app)}")
    plan = app.session.plan if app.session else None
    if plan is None or len(plan.activities) != len(want["activities"]):
        raise RuntimeError("the interview did not make the whole plan")
    # Typed by keys, a kind list that starts somewhere else files the wrong kinds.
    if [a.kind for a in plan.activities] != [a["kind"] for a in want["activities"]]:
        raise RuntimeError("the interview chose the wrong kind of activity")


def _reset_peak() -> bool:
    """Set the peak resident memory back to what is in use now (Linux 4.0 and later)."""
    try:
        with open("/proc/self/clear_refs", "w") as out:
            out.write("5")
        return True
    except OSError:
        return False


def _peak_kib(reset: bool) -> int:
    """The peak resident memory since the last reset (or since the start), in KiB."""
    if reset:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


async def backmap_interviews(folder: Path, times: int) -> list[int]:
    """``times`` interviews in one app; the peak memory of each, in KiB."""
    from backmap.app import BackmapApp
    from backmap.session.speech import Speaker

    want = tomllib.loads(EXAMPLE.read_text(encoding="utf-8"))
    app = BackmapApp(folder=folder, speaker=Speaker(command=[]))
    peaks = []
    async with app.run_test(size=SIZE) as pilot:
        for number in range(times):
            if number:
                await pilot.press("ctrl+n")  # Next on the finish step: "Well done"
                await pilot.press("enter")  # "Start again": back to the welcome screen
                await pilot.pause()
                if type(app.screen).__name__ != "WelcomeScreen" or app.interview() is not None:
                    raise RuntimeError(f"not back at the welcome screen: {app.screen}")
                reset = _reset_peak()
            else:
                reset = False  # the first interview's peak counts from the start, as a person's would
            await one_interview(app, pilot, want)
            await pilot.pause()
            peaks.append(_peak_kib(reset))
    return peaks


def main(argv: list[str]) -> int:
    which, folder = argv[0], Path(argv[1])
    if which == "backmap":
        asyncio.run(backmap_interviews(folder, 1))
        print(json.dumps({"peak_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
    elif which == "repeat":
        print(json.dumps({"peaks_kib": asyncio.run(backmap_interviews(folder, 3))}))
    else:
        raise SystemExit(f"unknown run: {which}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
