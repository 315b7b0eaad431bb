"""No surprises (issue 17): what a key will act on is shown, in text, before it is pressed."""

from __future__ import annotations

from pathlib import Path

import pytest

from backmap import content
from backmap.core import flow, store
from backmap.screens.item import ItemScreen
from backmap.widgets.choices import MarkedList
from backmap.widgets.pathway_view import PathwayView
from tests.example_plans import example_copy
from tests.pilot_helpers import SIZE, go_to, make_app, on_pane, plan_with_gaps, screen_text, settle, type_text


@pytest.mark.parametrize("button", ["edit", "remove", "up", "down"])
async def test_the_row_a_button_acts_on_is_marked(tmp_path: Path, monkeypatch, button: str) -> None:
    """Change, Remove, Up and Down act on the highlighted row: it shows "> ", also without colour."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(tmp_path, example_copy(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        go_to(app, flow.index_of("people"))
        await settle(pilot)
        await pilot.press("down")  # the marker on Priya
        await settle(pilot)
        app.screen.query_one(f"#{button}").focus()
        await settle(pilot)
        rows = screen_text(app).splitlines()
        assert any(row.strip("┃▊▎ ").startswith("> Priya") for row in rows), "\n".join(rows)
        assert not any(row.strip("┃▊▎ ").startswith("> Sam") for row in rows)
        app.screen.query_one("#add").focus()  # Add does not act on a row: no mark
        await settle(pilot)
        assert not any("> Priya" in row for row in screen_text(app).splitlines())


async def _stones_shown(pilot, app, page_key: str) -> list[str]:
    """Open the first activity of a step and read "Which stepping stones does it help?"."""
    go_to(app, flow.index_of(page_key))
    await settle(pilot)
    app.screen.query_one("#items").focus()
    await pilot.press("enter", "ctrl+n", "ctrl+n")  # Change: past the words and the kind
    await settle(pilot)
    assert isinstance(app.screen, ItemScreen)
    assert content.activity_word("links_question") in screen_text(app)
    rows = stones_on_screen(app)
    await pilot.press("escape")
    await settle(pilot)
    return rows


def stones_on_screen(app) -> list[str]:
    """The stepping stones on screen, as "N. words", without the tick boxes."""
    shown = []
    for row in screen_text(app).splitlines():
        words = row.strip("┃▊▎ ").removeprefix("> ").removeprefix("[x] ").removeprefix("[ ] ")
        if words[:1].isdigit() and words[1:3] == ". ":
            shown.append(words[:40])
    return shown


async def test_stepping_stones_have_the_same_numbers_on_both_activity_steps(tmp_path: Path) -> None:
    """The project's stepping stones first, then co-production's, numbered across both."""
    app = make_app(tmp_path, example_copy(tmp_path))
    async with app.run_test(size=(80, 40)) as pilot:
        project = await _stones_shown(pilot, app, "activities_project")
        coproduction = await _stones_shown(pilot, app, "activities_coproduction")
    plan = app.plan
    ordered = plan.outcomes_in("project") + plan.outcomes_in("coproduction")
    expected = [f"{n}. {o.text}"[:40] for n, o in enumerate(ordered, start=1)]  # long rows wrap
    assert project == expected
    assert coproduction == expected


async def test_with_no_gaps_the_check_step_starts_on_the_drawing(tmp_path: Path) -> None:
    """The drawing's words say "Use the up and down keys": focus starts there, Down moves in
    it, and Enter goes on to the last step."""
    app = make_app(tmp_path, example_copy(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        go_to(app, flow.index_of("check"))
        await settle(pilot)
        view = app.screen.query_one("#pathway", PathwayView)
        assert app.focused is view
        assert content.load("steps")["pathway"]["legend"].split(".")[0] in screen_text(app)
        assert content.page("check")["go_on"] in screen_text(app)
        first = view.current
        await pilot.press("down")
        await settle(pilot)
        assert view.current == first + 1
        await pilot.press("enter")
        await settle(pilot)
        assert on_pane(app, "finish")


async def test_with_gaps_the_check_step_starts_on_the_gaps(tmp_path: Path) -> None:
    app = make_app(tmp_path, plan_with_gaps(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        go_to(app, flow.index_of("check"))
        await settle(pilot)
        findings = app.screen.query_one("#findings", MarkedList)
        assert app.focused is findings
        await pilot.press("down")
        assert findings.highlighted == 1


async def test_escape_in_a_new_activity_keeps_the_words_and_chooses_no_kind(tmp_path: Path) -> None:
    """The kind stays unchosen (not filed under "Something else"), and the check step says so."""
    path = example_copy(tmp_path)
    app = make_app(tmp_path, path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        go_to(app, flow.index_of("activities_project"))
        await settle(pilot)
        app.screen.query_one("#new-item").focus()  # the box for the next item, under the list
        await settle(pilot)
        await type_text(pilot, "A trip to another day centre")
        await pilot.press("enter")  # the box for the next item makes it, then asks its kind
        await settle(pilot)
        assert "What kind of activity is it?" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        go_to(app, flow.index_of("check"))
        await settle(pilot)
        assert "2 things are missing." in screen_text(app)
        shown = " ".join(c.text for c in app.screen.query_one("#findings", MarkedList).choices)
    made = [a for a in store.load(path).activities if a.text == "A trip to another day centre"]
    assert len(made) == 1 and made[0].kind == ""
    assert "Nobody chose what kind of activity 'A trip to another day centre' is yet." in shown
    assert 'kind = ""' in path.read_text(encoding="utf-8")


async def test_an_activity_left_in_the_box_for_the_next_item_has_no_kind_chosen(tmp_path: Path) -> None:
    """Words typed in the box under the list and kept by Next make an activity whose kind
    nobody chose: the same as Escape in its Add box, not "Something else"."""
    from backmap.core import store

    path = example_copy(tmp_path)
    app = make_app(tmp_path, path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        go_to(app, flow.index_of("activities_project"))
        await settle(pilot)
        app.screen.query_one("#new-item").focus()
        await settle(pilot)
        await type_text(pilot, "A trip to the sea")
        await pilot.press("ctrl+n")
        await settle(pilot)
    made = [a for a in store.load(path).activities if a.text == "A trip to the sea"]
    assert len(made) == 1 and made[0].kind == ""
