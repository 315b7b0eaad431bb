"""In-process rows, driven by a headless Pilot: Next, and Next on a big list.

Run as ``python -m bench.app_rows ROW ROUNDS SAMPLES`` (ROW: next, next-list, look-back,
look-back-status or list); prints one JSON line with
``figure`` and ``baseline`` lists of seconds. Each round runs the figure's app and then
the baseline's app, so slow spells on the machine hit both alike.

A sample is the time of one ``await pilot.press("ctrl+n")``: Pilot sends the key, waits
until the app is idle, and waits until every widget on the (new) screen has handled its
messages, so the next step is mounted and drawn when it returns.

Before each timed press the app is left alone for READ seconds, as a person reads the
question before answering. backmap puts some work off until the next question is up
(writing the summaries 0.3 s after a save); for a person that work is done while they
read, so it is done here too, and not counted in the next press. The baseline is left
alone just as long.

The baseline of Next is ``bench.bare_app``'s ``InterviewScreen``: the same widgets as
backmap's interview screen, with the four panes in a ``ContentSwitcher``; its Next puts
the next step's words in them and switches to the pane of the next step's kind. It
starts on the same step as backmap, so "next" is a question to a question (same pane)
and "next-list" a question to a list step (another pane), as in backmap.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

from textual.pilot import Pilot

from backmap.app import BackmapApp
from backmap.core import flow, store
from backmap.session.speech import Speaker
from bench.bare_app import STEP_PANES, BareApp, InterviewScreen
from bench.plans import make_list_plan

SIZE = (80, 24)
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "day-centre.toml"
READ = 0.5  # seconds a person looks at a question before pressing a key (far more, really)
LIST_FROM = flow.index_of("outcomes_coproduction")  # Next from here lands on a list step


async def _timed_press(pilot: Pilot, key: str = "ctrl+n") -> float:
    await pilot.pause(READ)
    start = time.perf_counter()
    await pilot.press(key)
    return time.perf_counter() - start


def _app(folder: Path, plan: Path | None = None) -> BackmapApp:
    return BackmapApp(folder=folder, plan_path=plan, speaker=Speaker(command=[]))


async def backmap_next(folder: Path, samples: int, start_key: str = "impact_project") -> list[float]:
    """Next from a question with a new answer (so it saves) to the following step.

    From "impact_project" the next step is a question too, shown on the same pane; from
    "lasting_change" it is the first list step, on the list pane.
    """
    app = _app(folder)
    start = flow.index_of(start_key)
    times = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # Start a new plan
        app.plan.title = "Bench plan"
        await pilot.pause()
        for number in range(samples):
            app.opened(start)
            await pilot.pause()
            interview = app.interview()
            assert interview is not None and app.screen is interview, app.screen
            interview.query_one("#answer").text = f"Answer number {number} for this step."
            await pilot.pause()
            times.append(await _timed_press(pilot))
            assert interview.index == start + 1 and app.screen is interview, app.screen
            assert app.session is not None and app.session.last_save is not None
    return times


async def bare_next(samples: int, start_key: str = "impact_project") -> list[float]:
    """The bare app's interview screen, from the same step to the next, the same way."""
    if tuple(page.pane for page in flow.PLANNING.pages) != STEP_PANES:
        raise RuntimeError("bench/bare_app.py STEP_PANES no longer follows backmap's interview")
    app = BareApp()
    start = flow.index_of(start_key)
    times = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # as backmap's "Start a new plan": the interview screen
        screen = InterviewScreen(start)
        app.push_screen(screen)
        await pilot.pause()
        for number in range(samples):
            screen.go_to(start)
            await pilot.pause()
            screen.query_one("#answer").text = f"Answer number {number} for this step."
            await pilot.pause()
            times.append(await _timed_press(pilot))
            assert app.screen is screen and screen.index == start + 1, app.screen
            assert screen.kind == flow.PLANNING.pages[start + 1].pane
    return times


async def look_back_next(folder: Path, plan_path: Path, samples: int, status_key: bool) -> list[float]:
    """In a look-back of the worked example, on the first activity ("Done" already chosen).

    ``status_key`` False: a number typed on "How many times?", then Enter: the answer is kept,
    the plan saved, and "Who came?" shown on the same question pane (as the Next row).
    True: "d" on "Did this happen?" chooses "Done", saves, and shows "How many times?" on
    the question pane: another pane than the one the key was pressed on.
    """
    app = BackmapApp(folder=folder, plan_path=plan_path, speaker=Speaker(command=[]), look_back=True)
    times = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        interview = app.interview()
        assert interview is not None
        status = interview.flow.index_of("look_back_activity")
        checkin = interview.flow.pages[status].checkin
        start = status if status_key else status + 1
        for number in range(samples):
            # No answer yet, so the key changes it and the plan is saved.
            app.plan.activity_check(checkin, "a1", status="" if status_key else "done", times=None)
            interview.go_to(start)
            await pilot.pause()
            if not status_key:
                interview.query_one("#answer").text = str(number + 1)
                await pilot.pause()
            times.append(await _timed_press(pilot, "d" if status_key else "enter"))
            assert interview.index == start + 1 and app.screen is interview, app.screen
            entry = app.plan.checkin(checkin).activity_entry("a1")
            assert entry is not None and entry.status == "done"
    return times


async def list_next(folder: Path, plan_path: Path, samples: int) -> list[float]:
    """Next from a list step to the following list step; both hold the plan's items."""
    app = _app(folder, plan_path)
    times = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for _ in range(samples):
            app.opened(LIST_FROM)
            await pilot.pause()
            interview = app.interview()
            assert interview is not None and app.screen is interview, app.screen
            times.append(await _timed_press(pilot))
            assert interview.index == LIST_FROM + 1 and app.screen is interview, app.screen
    return times


async def run(row: str, rounds: int, samples: int) -> dict[str, list[float]]:
    figure: list[float] = []
    baseline: list[float] = []
    with tempfile.TemporaryDirectory(prefix="backmap-bench-") as name:
        folder = Path(name)
        plans = {}
        if row == "list":
            for items in (200, 10):
                plans[items] = folder / f"list-{items}.toml"
                store.save(make_list_plan(items), plans[items], keep_backup=False)
        for _ in range(rounds):
            if row in ("look-back", "look-back-status"):
                plan = folder / "look-back.toml"
                if not plan.exists():
                    shutil.copyfile(EXAMPLE, plan)
                status_key = row == "look-back-status"
                figure += await look_back_next(folder / "plans", plan, samples, status_key)
                # The same bare step change: to the same pane, or (a status key) to another.
                baseline += await bare_next(samples, "lasting_change" if status_key else "impact_project")
            elif row in ("next", "next-list"):
                start = "impact_project" if row == "next" else "lasting_change"
                figure += await backmap_next(folder / "plans", samples, start)
                baseline += await bare_next(samples, start)
            else:
                figure += await list_next(folder / "plans", plans[200], samples)
                baseline += await list_next(folder / "plans", plans[10], samples)
    return {"figure": figure, "baseline": baseline}


def main(argv: list[str]) -> int:
    row, rounds, samples = argv[0], int(argv[1]), int(argv[2])
    print(json.dumps(asyncio.run(run(row, rounds, samples))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
