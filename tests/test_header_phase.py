"""The header says which phase of the plan a step is in, not only the part."""

from __future__ import annotations

from pathlib import Path

import pytest

from backmap.core import flow
from tests.example_plans import EXAMPLE
from tests.pilot_helpers import SIZE, go_to, make_app, screen_text


@pytest.mark.parametrize(
    ("key", "header"),
    [
        ("outcomes_project", "Step 5 of 10  |  Stepping stones for the project"),
        ("outcomes_coproduction", "Step 6 of 10  |  Stepping stones for co-production"),
        ("activities_project", "Step 7 of 10  |  Activities for the project"),
        ("activities_coproduction", "Step 8 of 10  |  Activities for co-production"),
        ("impact_project", "Step 2 of 10  |  Impact"),
    ],
)
async def test_the_header_names_the_phase(tmp_path: Path, key: str, header: str) -> None:
    plan_file = tmp_path / "day.toml"
    plan_file.write_bytes(EXAMPLE.read_bytes())
    app = make_app(tmp_path, plan_file)
    async with app.run_test(size=SIZE) as pilot:
        go_to(app, flow.index_of(key))
        await pilot.pause()
        assert screen_text(app).splitlines()[0].strip() == header
