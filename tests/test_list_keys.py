"""Up and Down on a long list touch the rows that change, not every row (issue: no
per-keystroke work that grows with the list). Counts calls, never time."""

from __future__ import annotations

from pathlib import Path

from backmap.core import flow, store
from backmap.core.plan import Person, Plan
from backmap.widgets.choices import MarkedList
from tests.pilot_helpers import SIZE, go_to, make_app

ROWS = 300


def long_plan() -> Plan:
    plan = Plan(title="Long list")
    stones = [
        plan.add_outcome("project", f"Stepping stone number {number}", how_we_know="We will see it.").id
        for number in range(ROWS)
    ]
    # One activity helps every stone: each row has a name to show when it is highlighted.
    plan.add_activity("project", "One big meeting", outcomes=stones)
    return plan


async def test_moving_on_a_long_list_measures_only_the_rows_that_change(tmp_path: Path) -> None:
    path = tmp_path / "long.toml"
    store.save(long_plan(), path)
    app = make_app(tmp_path, path)
    async with app.run_test(size=SIZE) as pilot:
        go_to(app, flow.index_of("outcomes_project"))
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
        # Every row still has its place and its second line; the current row also
        # shows the names of the activities that help it.
        cache = items._line_cache
        assert len(cache.heights) == ROWS
        assert cache.lines[cache.index_to_line[4]] == (4, 0)
        assert cache.heights[3] == cache.heights[5] == 2
        assert cache.heights[4] == 3


async def test_rows_without_names_are_never_measured_again(tmp_path: Path) -> None:
    """People have no names of links to show: moving measures no row at all."""
    plan = Plan(title="Many people")
    plan.people = [Person(f"Person {number}", role="Takes part") for number in range(ROWS)]
    path = tmp_path / "people.toml"
    store.save(plan, path)
    app = make_app(tmp_path, path)
    async with app.run_test(size=SIZE) as pilot:
        go_to(app, flow.index_of("people"))
        await pilot.pause()
        items = app.screen.query_one("#items", MarkedList)
        assert items.has_focus and items.option_count == ROWS
        reprompted: list[list[int]] = []
        reprompt = items.reprompt
        items.reprompt = lambda indexes: (reprompted.append(indexes), reprompt(indexes))  # type: ignore[method-assign]
        for _ in range(3):
            await pilot.press("down")
            await pilot.pause()
        assert items.highlighted == 3
        assert reprompted == []
        heights = items._line_cache.heights
        assert {heights[index] for index in range(ROWS)} == {2}  # every person shows the role


async def test_a_long_list_wraps_each_row_once_for_each_width(tmp_path: Path, monkeypatch) -> None:
    """Issue 19: a list of 25,000 rows took 6 to 12 s to show; each row was wrapped about ten
    times while the step was laid out. Counts wraps, never time."""
    from backmap.widgets import hanging

    path = tmp_path / "long.toml"
    store.save(long_plan(), path)
    wraps: list[int] = []
    real = hanging._Block.height

    def counting(self, rules, width):  # type: ignore[no-untyped-def]
        wraps.append(width)
        return real(self, rules, width)

    monkeypatch.setattr(hanging._Block, "height", counting)
    app = make_app(tmp_path, path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        wraps.clear()
        go_to(app, flow.index_of("outcomes_project"))
        await pilot.pause()
        await pilot.press("down", "down")
        await pilot.pause()
    blocks_per_row = 2  # the words and the line under them
    widths = len(set(wraps))
    assert len(wraps) <= (ROWS + 10) * blocks_per_row * widths, (len(wraps), widths)
