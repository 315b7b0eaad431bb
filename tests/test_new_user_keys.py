"""What a new user met, keyboard only at 80x24, and how it should be instead."""

from __future__ import annotations

from pathlib import Path

from backmap import content
from backmap.core import flow, store
from backmap.core.plan import KINDS
from backmap.screens.dialogs import WellDoneScreen
from backmap.screens.item import ItemScreen
from backmap.screens.welcome import WelcomeScreen
from backmap.widgets.choices import MarkedList
from tests.example_plans import EXAMPLE
from tests.pilot_helpers import SIZE, answer, go_to, make_app, on_pane, screen_text


def day_centre(tmp_path: Path) -> Path:
    plan_file = tmp_path / "day.toml"
    plan_file.write_bytes(EXAMPLE.read_bytes())
    return plan_file


async def test_a_new_activity_starts_on_the_first_kind_with_none_ticked(tmp_path: Path) -> None:
    """Found by a new user: the list started on "Something else", so a quick Enter filed
    a workshop as "Something else". A new activity has no kind yet: nothing is ticked,
    the marker is on the first kind, and Enter picks the row with the marker."""
    plan_file = day_centre(tmp_path)
    app = make_app(tmp_path, plan_file)
    async with app.run_test(size=SIZE) as pilot:
        go_to(app, flow.index_of("activities_project"))
        await pilot.pause()
        app.screen.query_one("#add").focus()
        await pilot.press("enter")
        assert isinstance(app.screen, ItemScreen)
        await answer(pilot, "A workshop about menus")
        kinds = app.screen.query_one("#item-choices", MarkedList)
        assert kinds.has_focus
        assert [c.key for c in kinds.choices] == list(KINDS)
        assert kinds.highlighted == 0
        assert not any(c.checked for c in kinds.choices)
        await pilot.press("enter")  # picks the first kind and moves on
        new = app.plan.activities[-1]
        assert new.text == "A workshop about menus"
        assert new.kind == KINDS[0]
        # Back to the kind: the one picked is ticked and has the marker.
        await pilot.press("ctrl+r")
        assert kinds.highlighted == 0
        assert [c.key for c in kinds.choices if c.checked] == [KINDS[0]]
    assert store.load(plan_file).activities[-1].kind == KINDS[0]


async def test_skipping_the_kind_of_a_new_activity_leaves_it_unchosen(tmp_path: Path) -> None:
    """Next without choosing leaves the kind unchosen, for the check step to ask about (issue 17:
    it is no longer filed under "Something else" for the person)."""
    app = make_app(tmp_path, day_centre(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        go_to(app, flow.index_of("activities_project"))
        await pilot.pause()
        app.screen.query_one("#add").focus()
        await pilot.press("enter")
        await answer(pilot, "Something new")
        await pilot.press("ctrl+n")
        assert app.plan.activities[-1].kind == ""
        await pilot.press("ctrl+r")  # back to the kind: still nothing ticked
        kinds = app.screen.query_one("#item-choices", MarkedList)
        assert not any(c.checked for c in kinds.choices)


async def test_changing_an_activity_starts_on_its_own_kind(tmp_path: Path) -> None:
    app = make_app(tmp_path, day_centre(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        go_to(app, flow.index_of("activities_project"))
        await pilot.pause()
        first = app.plan.activities_in("project")[0]
        assert first.kind == "meeting"
        await pilot.press("enter")  # Change the first activity
        assert isinstance(app.screen, ItemScreen)
        await pilot.press("ctrl+n")
        kinds = app.screen.query_one("#item-choices", MarkedList)
        assert kinds.highlighted == KINDS.index("meeting")
        assert [c.key for c in kinds.choices if c.checked] == ["meeting"]
        await pilot.press("enter")  # a quick Enter keeps it a meeting
        assert app.plan.activity(first.id).kind == "meeting"


async def test_finish_says_well_done_where_the_plan_is_and_what_to_do(tmp_path: Path) -> None:
    """Found by a new user: Finish went back to the start with no "well done"."""
    plan_file = day_centre(tmp_path)
    app = make_app(tmp_path, plan_file)
    async with app.run_test(size=SIZE) as pilot:
        go_to(app, flow.index_of("finish"))
        await pilot.pause()
        assert on_pane(app, "finish")
        await pilot.press("enter")  # focus is on Finish
        assert isinstance(app.screen, WellDoneScreen)
        seen = "".join(screen_text(app).split())  # lines wrap: compare without spaces
        for line in (
            content.word("done", "title"),
            content.word("done", "saved"),
            str(plan_file.parent.resolve()),
            content.word("done", "called", name=plan_file.name),
            content.word("done", "start"),
            content.word("done", "stop"),
        ):
            assert "".join(line.split()) in seen, line
        assert app.focused is app.screen.query_one("#start")
        await pilot.press("enter")  # Enter goes back to the start
        assert isinstance(app.screen, WelcomeScreen)


async def test_escape_on_well_done_stays_on_the_finish_step(tmp_path: Path) -> None:
    app = make_app(tmp_path, day_centre(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        go_to(app, flow.index_of("finish"))
        await pilot.pause()
        await pilot.press("ctrl+n")
        assert isinstance(app.screen, WellDoneScreen)
        await pilot.press("escape")
        assert on_pane(app, "finish")


async def test_well_done_can_save_and_quit(tmp_path: Path) -> None:
    plan_file = day_centre(tmp_path)
    app = make_app(tmp_path, plan_file)
    async with app.run_test(size=SIZE) as pilot:
        go_to(app, flow.index_of("finish"))
        await pilot.pause()
        await pilot.press("ctrl+n")
        assert isinstance(app.screen, WellDoneScreen)
        await pilot.press("tab", "enter")  # the second button: Save and quit
    assert not app.is_running
    assert not plan_file.with_name(plan_file.name + ".lock").exists()


async def test_well_done_never_says_saved_when_it_is_not(tmp_path: Path) -> None:
    app = make_app(tmp_path, day_centre(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        go_to(app, flow.index_of("finish"))
        await pilot.pause()
        assert app.session is not None
        app.session.read_only = True
        await pilot.press("ctrl+n")
        assert isinstance(app.screen, WellDoneScreen)
        seen = screen_text(app)
        assert content.word("done", "title") in seen
        assert content.word("done", "saved") not in seen
        assert content.word("app", "read_only") in seen


async def test_every_row_of_a_list_shows_its_second_line(tmp_path: Path) -> None:
    """Found by a new user: a person's role showed only on the highlighted row."""
    app = make_app(tmp_path, day_centre(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        go_to(app, flow.index_of("people"))
        await pilot.pause()
        items = app.screen.query_one("#items", MarkedList)
        assert items.has_focus and items.highlighted == 0
        seen = screen_text(app)
        for person in app.plan.people:
            assert person.role and person.role in seen, person.role

        go_to(app, flow.index_of("outcomes_project"))
        await pilot.pause()
        seen = screen_text(app)
        helpers = app.plan.helpers_by_outcome()
        for stone in app.plan.outcomes_in("project"):
            count = len(helpers[stone.id])
            key = "helped_by_one" if count == 1 else "helped_by_many"
            assert content.word("item", key, count=count) in seen, stone.text

        go_to(app, flow.index_of("activities_project"))
        await pilot.pause()
        seen = screen_text(app)
        for activity in app.plan.activities_in("project"):
            assert len(activity.outcomes) == 1
            second = f"{content.kind_name(activity.kind)}. {content.activity_word('helps_one')}"
            assert second in seen, activity.text
        # The names of the stepping stones it helps: under the highlighted row only,
        # so a short window still shows several rows.
        first, other = app.plan.activities_in("project")[:2]
        assert app.plan.outcome(first.outcomes[0]).text in seen
        assert app.plan.outcome(other.outcomes[0]).text not in seen
