"""Plain mode's last look-back step names every file the look-back leaves beside the plan."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from backmap.core import store
from backmap.plain_look_back import run_plain_look_back
from tests.look_back_plans import example_with_look_backs


def test_finishing_a_look_back_in_plain_mode_names_the_impact_story_as_the_app_does(tmp_path: Path) -> None:
    plan = example_with_look_backs()
    unfinished = plan.add_checkin(date(2027, 3, 1), ["Sam"])
    unfinished.reflection.next = "Meet often."  # answered up to the last question: it carries on after it
    path = tmp_path / "plan.toml"
    store.save(plan, path)
    out = io.StringIO()
    # 1: carry on the look-back not finished; then Enter on the pathway, and it finishes.
    code = run_plain_look_back(path, tmp_path, stdin=io.StringIO("1\n\n\n\n"), stdout=out)
    said = out.getvalue()
    assert code == 0, said
    story_page = tmp_path / "plan-story.html"
    assert f"Your impact story: {story_page.absolute()}" in said
    assert story_page.is_file()  # the file it names is there
