"""What is gone is freed: a closed Add or Change box does not stay in memory.

An old laptop runs the app for a whole session; the bench's growth row (a third interview
in one process peaks within 5% of the first) found every closed box still alive.
"""

from __future__ import annotations

import gc
from pathlib import Path

from backmap.core import flow
from backmap.widgets.answer import AnswerBox
from tests.example_plans import example_copy
from tests.pilot_helpers import SIZE, go_to, make_app


def boxes_alive() -> int:
    gc.collect()
    return sum(1 for o in gc.get_objects() if isinstance(o, AnswerBox) and o.id == "item-answer")


async def test_the_answer_boxes_of_closed_add_boxes_are_freed(tmp_path: Path) -> None:
    plan = example_copy(tmp_path)
    app = make_app(tmp_path, plan)
    async with app.run_test(size=SIZE) as pilot:
        go_to(app, flow.index_of("outcomes_project"))
        await pilot.pause()
        app.screen.query_one("#add").focus()  # focus comes back to it when a box closes
        await pilot.pause()
        for _ in range(3):
            await pilot.press("enter")
            assert type(app.screen).__name__ == "ItemScreen"
            await pilot.press("escape")  # nothing typed: it just closes
            await pilot.pause()
        await pilot.pause()
        assert boxes_alive() == 0
