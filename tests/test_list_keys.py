"""Up and Down on a long list touch the rows that change, not every row (issue: no
per-keystroke work that grows with the list). Counts calls, never time."""

from __future__ import annotations

from pathlib import Path

from backmap import flow, store
from backmap.plan import Plan
from backmap.widgets.choices import MarkedList
from tests.pilot_helpers import SIZE, make_app

ROWS = 300


def long_plan() -> Plan:
    plan = Plan(title="Long list")
    for number in range(ROWS):
        plan.add_outcome("project", f"Stepping stone number {number}", how_we_know="We will see it.")
    return plan


async def test_moving_on_a_long_list_measures_only_the_rows_that_change(tmp_path: Path) -> None:
    path = tmp_path / "long.toml"
    store.save(long_plan(), path)
    app = make_app(tmp_path, path)
    async with app.run_test(size=SIZE) as pilot:
        app.go_to(flow.index_of("outcomes_project"))
        await pilot.pause()
        items = app.screen.query_one("#items", MarkedList)
        assert items.has_focus and items.option_count == ROWS
        await pilot.press("down")
        await pilot.pause()

        looked_at: list[int] = []
        measure = items._get_visual

        def counting(option):  # type: ignore[no-untyped-def]
            looked_at.append(1)
            return measure(option)

        items._get_visual = counting  # type: ignore[method-assign]
        for _ in range(3):
            await pilot.press("down")
            await pilot.pause()
        assert items.highlighted == 4
        # Drawing the rows on screen and measuring the two changed rows: far fewer than all.
        assert len(looked_at) < ROWS // 3, len(looked_at)
        # Every row still has its place, and the current row shows its detail line.
        cache = items._line_cache
        assert len(cache.heights) == ROWS
        assert cache.lines[cache.index_to_line[4]] == (4, 0)
        assert cache.heights[4] > cache.heights[3]
