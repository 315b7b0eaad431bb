"""The last step in a small window: the summary's box keeps room for a few lines, and the
page scrolls to it; the steps shown after it are laid out as before it."""

from __future__ import annotations

from pathlib import Path

from backmap.core import flow
from backmap.widgets.panes.finish import SMALLEST_BOX
from tests.example_plans import EXAMPLE
from tests.pilot_helpers import go_to, make_app, settle

SMALL = (60, 20)


async def test_the_summary_box_is_never_squashed_and_the_next_step_is_not_stretched(tmp_path: Path) -> None:
    plan_file = tmp_path / "day.toml"
    plan_file.write_bytes(EXAMPLE.read_bytes())
    app = make_app(tmp_path, plan_file)
    async with app.run_test(size=SMALL) as pilot:
        go_to(app, flow.index_of("title"))
        await settle(pilot)
        body = app.screen.query_one("#body")
        before = body.max_scroll_y
        go_to(app, flow.index_of("finish"))
        await settle(pilot)
        box = app.screen.query_one("#preview-box")
        assert box.outer_size.height >= SMALLEST_BOX  # its border and three lines
        box.focus()
        await settle(pilot)
        assert body.region.contains_region(box.region)  # scrolled to, not cut off
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        await pilot.resize_terminal(*SMALL)
        await settle(pilot)
        assert box.outer_size.height >= SMALLEST_BOX
        go_to(app, flow.index_of("title"))
        await settle(pilot)
        assert body.max_scroll_y == before
