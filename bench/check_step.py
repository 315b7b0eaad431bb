"""How long the check step takes to appear for a big plan, and how often its drawing is built.

Run as ``python -m bench.check_step [ACTIVITIES ...]`` (default 100 1000 3000 10000).
For each size it opens a plan made by ``bench/plans.py`` in a headless Pilot (80x24),
goes to the check step and waits until the app is idle and the drawing is on screen.
It prints one line per size: seconds to show the step, how many times
``pathway_drawing.draw`` ran, and how many rows the view drew.

Not part of the test run (speed is never asserted in pytest); the counts it prints
are what the tests assert on.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from pathlib import Path

from backmap.app import BackmapApp
from backmap.core import flow, pathway_drawing, store
from backmap.session.speech import Speaker
from backmap.widgets.pathway_view import PathwayView
from bench.plans import make_plan

SIZE = (80, 24)


async def one(activities: int, size: tuple[int, int] = SIZE) -> tuple[float, int, int]:
    """Seconds to show the check step, draws made, rows drawn."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.toml"
        store.save(make_plan(activities), path)
        draws = [0]
        real = pathway_drawing.draw

        def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
            draws[0] += 1
            return real(*args, **kwargs)

        rows = [0]
        real_line = PathwayView.render_line

        def counting_line(self, y):  # type: ignore[no-untyped-def]
            rows[0] += 1
            return real_line(self, y)

        pathway_drawing.draw = counting  # type: ignore[assignment]
        PathwayView.render_line = counting_line  # type: ignore[method-assign]
        try:
            app = BackmapApp(folder=Path(folder), plan_path=path, speaker=Speaker(command=[]))
            async with app.run_test(size=size) as pilot:
                await pilot.pause()
                draws[0] = rows[0] = 0
                start = time.perf_counter()
                app.opened(flow.index_of("check"))  # the interview screen, on the check pane
                # Idle means: a pause that ran no new draw and drew no new row.
                seen = (-1, -1)
                while True:
                    await pilot.pause()
                    now = (draws[0], rows[0])
                    if now == seen and app.screen.query(PathwayView):
                        break
                    seen = now
                took = time.perf_counter() - start
        finally:
            pathway_drawing.draw = real  # type: ignore[assignment]
            PathwayView.render_line = real_line  # type: ignore[method-assign]
    return took, draws[0], rows[0]


async def main(sizes: list[int]) -> None:
    for activities in sizes:
        took, draws, rows = await one(activities)
        print(
            f"{activities:>6} activities: {took:6.2f} s, drawing built {draws}x, {rows} rows drawn",
            flush=True,
        )


if __name__ == "__main__":
    asyncio.run(main([int(a) for a in sys.argv[1:]] or [100, 1000, 3000, 10000]))
