"""The pathway drawn in the app: on the check step, and from any step with Ctrl+P."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.containers import VerticalScroll

from backmap.app import BackmapApp
from backmap.core import flow, pathway_drawing, store
from backmap.core.pathway_drawing import cells
from backmap.screens.pathway import PathwayScreen
from backmap.widgets.buttons import FocusButton
from backmap.widgets.choices import MarkedList
from backmap.widgets.pathway_view import PathwayView
from tests.example_plans import EXAMPLE, big_plan
from tests.pilot_helpers import SIZE, go_to, make_app, on_pane, plan_with_gaps, screen_text, settle


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "day-centre.toml"
    path.write_bytes(EXAMPLE.read_bytes())
    return path


def view_lines(view: PathwayView) -> list[str]:
    """The rows of the view as drawn now: marks included."""
    assert view.drawing is not None
    return [view._row_text(view.drawing, row).plain.rstrip() for row in range(len(view.drawing.lines))]


def line_of(view: PathwayView, start: str) -> str:
    return next(line for line in view_lines(view) if start in line)


def cursor_on_current(app: BackmapApp, view: PathwayView) -> bool:
    item = view.current_item
    assert item is not None
    region = view.content_region
    return app.cursor_position.y == region.y + item.top - int(view.scroll_offset.y) and region.contains_point(
        app.cursor_position
    )


async def focused_drawing(pilot) -> PathwayView:
    """The check step's pathway drawing, with focus (so keys move in it)."""
    go_to(pilot.app, flow.index_of("check"))
    await pilot.pause()
    view = pilot.app.screen.query_one("#pathway", PathwayView)
    view.focus()
    return view


async def test_check_step_shows_the_drawing(tmp_path: Path, plan_file: Path) -> None:
    app = make_app(tmp_path, plan_file)
    async with app.run_test(size=SIZE) as pilot:
        go_to(app, flow.index_of("check"))
        await pilot.pause()
        view = app.screen.query_one("#pathway", PathwayView)
        assert view.drawing is not None and not view.drawing.stacked
        assert "Activities" in screen_text(app) and "┬─→" in screen_text(app)
        # With no gaps the drawing has focus at once (issue 17: Up and Down do what its words say).
        await settle(pilot)
        assert app.focused is view
        assert "> A set of planning" in line_of(view, "A set of planning")
        assert "* We have a full" in line_of(view, "We have a full")
        assert cursor_on_current(app, view)

        await pilot.press("down")
        await settle(pilot)
        item = view.current_item
        assert item is not None and (item.kind, item.id) == ("stone", "o1")
        assert "> We have a full" in screen_text(app)
        # What leads to it, and where it leads, are marked in text.
        assert "* A set of planning" in line_of(view, "A set of planning")
        assert "* The group joins" in line_of(view, "The group joins")
        assert "* A new day centre" in line_of(view, "A new day centre")
        assert "* Meet people" not in line_of(view, "Meet people")
        assert cursor_on_current(app, view)

        await pilot.press("up")
        await pilot.pause()
        assert view.current == 0

        # The drawing is no trap: Tab leaves it.
        await pilot.press("tab")
        await pilot.pause()
        assert isinstance(app.focused, FocusButton)


async def test_keys_scroll_to_the_current_item(tmp_path: Path, plan_file: Path) -> None:
    app = make_app(tmp_path, plan_file)
    async with app.run_test(size=SIZE) as pilot:
        view = await focused_drawing(pilot)
        await pilot.press("end")
        await settle(pilot)
        last = view.current_item
        assert last is not None and view.current == len(view.items) - 1
        top = int(view.scroll_offset.y)
        assert top <= last.top < top + view.scrollable_content_region.height
        assert cursor_on_current(app, view)
        await pilot.press("pageup")
        assert view.current < len(view.items) - 1
        await pilot.press("home")
        await pilot.pause()
        assert view.current == 0 and view.scroll_offset.y == 0
        await pilot.press("pagedown")
        assert view.current > 0


async def test_ctrl_p_opens_the_pathway_and_escape_closes_it(tmp_path: Path, plan_file: Path) -> None:
    app = make_app(tmp_path, plan_file)
    async with app.run_test(size=SIZE) as pilot:
        go_to(app, flow.index_of("impact_project"))
        await pilot.pause()
        assert on_pane(app, "question")
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, PathwayScreen)
        view = app.screen.query_one(PathwayView)
        assert app.focused is view
        assert view.drawing is not None and not view.drawing.stacked
        text = screen_text(app)
        assert "Your pathway" in text and "> A set of planning" in text and "Close" in text
        await pilot.press("escape")
        await pilot.pause()
        assert on_pane(app, "question")
        # The Close button closes it too.
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press("tab")
        assert app.focused is app.screen.query_one("#close", FocusButton)
        await pilot.press("enter")
        await pilot.pause()
        assert on_pane(app, "question")


async def test_narrow_window_stacks_and_fits(tmp_path: Path, plan_file: Path) -> None:
    app = make_app(tmp_path, plan_file)
    async with app.run_test(size=(50, 20)) as pilot:
        view = await focused_drawing(pilot)
        await pilot.pause()
        assert view.drawing is not None and view.drawing.stacked
        width = view.scrollable_content_region.width
        assert view.drawing.width == width
        assert all(cells(line) <= width for line in view_lines(view))
        # Stacked, a stepping stone comes first and the activities that help it are under it.
        assert "> We have a full plan" in line_of(view, "We have a full plan")
        assert "├─ * A set of planning" in line_of(view, "A set of planning")
        await pilot.press("down")
        await settle(pilot)
        assert "├─ > A set of planning" in line_of(view, "A set of planning")
        assert "* We have a full plan" in line_of(view, "We have a full plan")
        assert "> A set of planning" in screen_text(app)
        assert cursor_on_current(app, view)
        await pilot.press("ctrl+p")
        await pilot.pause()
        stacked = app.screen.query_one(PathwayView)
        assert stacked.drawing is not None and stacked.drawing.stacked


async def test_typed_text_is_never_markup(tmp_path: Path, plan_file: Path) -> None:
    plan = store.load(plan_file)
    plan.outcomes[0].text = "[bold]Loud[/bold] [@click=app.quit]quit[/] \x1b[2Jgone"
    store.save(plan, plan_file)
    app = make_app(tmp_path, plan_file)
    async with app.run_test(size=SIZE) as pilot:
        view = await focused_drawing(pilot)
        await pilot.press("down")
        await pilot.pause()
        shown = "".join(view_lines(view))
        assert "[bold]Loud[/bold]" in shown and "\x1b" not in shown
        assert app.is_running


async def test_keys_do_not_lay_a_big_plan_out_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keys move the marks; only a new plan or a new width lays the drawing out again."""
    calls: list[int] = []
    real = pathway_drawing.draw

    def counting(plan, width, legend=True, **options):  # type: ignore[no-untyped-def]
        calls.append(width)
        return real(plan, width, legend, **options)

    monkeypatch.setattr(pathway_drawing, "draw", counting)
    plan_file = tmp_path / "big.toml"
    store.save(big_plan(), plan_file)
    app = make_app(tmp_path, plan_file)
    async with app.run_test(size=SIZE) as pilot:
        view = await focused_drawing(pilot)
        await pilot.pause()
        assert len(view.items) > 2000
        before = len(calls)
        await pilot.press("down", "down", "pagedown", "end", "pageup")
        await pilot.pause()
        assert len(calls) == before
        item = view.current_item
        assert item is not None
        top = int(view.scroll_offset.y)
        assert top <= item.top < top + view.scrollable_content_region.height


def box_in_sight(app: BackmapApp, view: PathwayView) -> bool:
    """The drawing's whole box, both borders too, shows in the step's page above the buttons."""
    body = app.screen.query_one("#body").region
    nav = app.screen.query_one("#nav").region
    return body.y <= view.region.y and view.region.bottom <= min(body.bottom, nav.y)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_check_step_shows_the_whole_drawing_box(
    tmp_path: Path, plan_file: Path, size: tuple[int, int]
) -> None:
    """The drawing takes the room under the words: its bottom border is never under the buttons."""
    app = make_app(tmp_path, plan_file)
    async with app.run_test(size=size) as pilot:
        go_to(app, flow.index_of("check"))
        await settle(pilot)
        view = app.screen.query_one("#pathway", PathwayView)
        body = app.screen.query_one("#body")
        assert body.max_scroll_y == 0  # the whole step is in sight as it opens
        assert box_in_sight(app, view)
        assert view.scrollable_content_region.height >= (8 if size == (80, 24) else 20)
        view.focus()
        await settle(pilot)
        assert box_in_sight(app, view) and cursor_on_current(app, view)


async def test_small_window_brings_the_whole_drawing_box_into_sight(tmp_path: Path, plan_file: Path) -> None:
    """At 60x20 the page scrolls a little; with focus, the drawing's box is all in sight."""
    app = make_app(tmp_path, plan_file)
    async with app.run_test(size=(60, 20)) as pilot:
        view = await focused_drawing(pilot)
        await settle(pilot)
        assert view.scrollable_content_region.height >= 6
        assert box_in_sight(app, view) and cursor_on_current(app, view)


@pytest.mark.parametrize("size", [(80, 24), (60, 20), (120, 40)])
async def test_check_step_lays_a_big_plan_out_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    """One layout, for the final width, and only the rows in sight are drawn.

    Before, the page's scroll bar came and went as the drawing's height was known, and
    each change of width laid the whole plan out again.
    """
    widths: list[int] = []
    real_draw = pathway_drawing.draw

    def counting_draw(plan, width, legend=True, **options):  # type: ignore[no-untyped-def]
        widths.append(width)
        return real_draw(plan, width, legend, **options)

    rows: list[int] = []
    real_line = PathwayView.render_line

    def counting_line(self: PathwayView, y: int):  # type: ignore[no-untyped-def]
        rows.append(y)
        return real_line(self, y)

    monkeypatch.setattr(pathway_drawing, "draw", counting_draw)
    monkeypatch.setattr(PathwayView, "render_line", counting_line)
    plan_file = tmp_path / "big.toml"
    store.save(big_plan(), plan_file)
    app = make_app(tmp_path, plan_file)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        widths.clear()
        rows.clear()
        go_to(app, flow.index_of("check"))
        await settle(pilot)
        view = app.screen.query_one("#pathway", PathwayView)
        assert view.drawing is not None and len(view.drawing.lines) > 2000
        assert widths == [view.scrollable_content_region.width] == [view.drawing.width]
        assert 0 < len(rows) <= 3 * view.size.height


# ----- the check step with gaps: the list of gaps and the drawing share the page ----------


def list_in_sight(app: BackmapApp) -> bool:
    """The gaps list's whole box shows in the step's page above the buttons."""
    region = app.screen.query_one("#findings", MarkedList).region
    body = app.screen.query_one("#body").region
    nav = app.screen.query_one("#nav").region
    return body.y <= region.y and region.bottom <= min(body.bottom, nav.y)


def chosen_gap_in_sight(app: BackmapApp) -> bool:
    """Every line of the chosen gap shows inside the list, and its first line has the mark."""
    findings = app.screen.query_one("#findings", MarkedList)
    index = findings.highlighted
    assert index is not None
    lines = [number for number, (option, _) in enumerate(findings._lines) if option == index]
    top = int(findings.scroll_offset.y)
    shown = range(top, top + findings.scrollable_content_region.height)
    text = findings.choices[index].text
    return all(line in shown for line in lines) and f"> {text[:30]}" in screen_text(app)


async def open_check_step(pilot) -> tuple[VerticalScroll, MarkedList, PathwayView]:
    go_to(pilot.app, flow.index_of("check"))
    await settle(pilot)
    screen = pilot.app.screen
    return (
        screen.query_one("#body", VerticalScroll),
        screen.query_one("#findings", MarkedList),
        screen.query_one("#pathway", PathwayView),
    )


@pytest.mark.parametrize("many", [False, True], ids=["4-gaps", "13-gaps"])
@pytest.mark.parametrize("size", [(80, 24), (80, 25), (120, 40)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_check_step_with_gaps_fits_without_scrolling_the_page(
    tmp_path: Path, size: tuple[int, int], many: bool
) -> None:
    """The gaps list and the drawing's whole box are in sight together, and Tab goes list, drawing, buttons.

    Before, the list pushed the drawing down: at 80x24 with 13 gaps the page scrolled
    6 rows and only 2 rows of the drawing's box were in sight as the step opened.
    """
    app = make_app(tmp_path, plan_with_gaps(tmp_path, many))
    async with app.run_test(size=size) as pilot:
        body, findings, view = await open_check_step(pilot)
        assert app.focused is findings
        assert body.max_scroll_y == 0 and body.scroll_y == 0  # nothing on the page to scroll
        assert list_in_sight(app) and chosen_gap_in_sight(app)
        assert box_in_sight(app, view) and view.region.height >= 6
        if size == (120, 40):  # a taller window: room for both to grow
            assert view.region.height >= 16
            assert findings.max_scroll_y == 0 if not many else findings.region.height >= 8

        await pilot.press("tab")
        await settle(pilot)
        assert app.focused is view
        assert body.scroll_y == 0 and list_in_sight(app)
        assert box_in_sight(app, view) and cursor_on_current(app, view)
        await pilot.press("tab")
        assert app.focused is app.screen.query_one("#back", FocusButton)


async def test_every_gap_is_reached_by_keys_with_the_drawing_in_sight(tmp_path: Path) -> None:
    """13 gaps at 80x24: the list scrolls inside itself; the page and the drawing stay put."""
    app = make_app(tmp_path, plan_with_gaps(tmp_path, many=True))
    async with app.run_test(size=SIZE) as pilot:
        body, findings, view = await open_check_step(pilot)
        assert len(findings.choices) == 13 and findings.max_scroll_y > 0
        for number in range(len(findings.choices)):
            if number:
                await pilot.press("down")
            assert findings.highlighted == number
            assert chosen_gap_in_sight(app), number
            assert body.scroll_y == 0 and box_in_sight(app, view), number
        await pilot.press("home")
        assert findings.highlighted == 0 and chosen_gap_in_sight(app)
        await pilot.press("end")
        assert findings.highlighted == 12 and chosen_gap_in_sight(app)
        await pilot.press("enter")  # the last gap: its activity is fixed on the activities step
        assert app.screen.page.key == "activities_coproduction"


async def test_small_window_with_gaps_shows_the_list_and_the_drawing_box_together(tmp_path: Path) -> None:
    """At 60x20 the words scroll away, but the list and the drawing's whole box fit together."""
    app = make_app(tmp_path, plan_with_gaps(tmp_path))
    async with app.run_test(size=(60, 20)) as pilot:
        _, findings, view = await open_check_step(pilot)
        assert app.focused is findings and list_in_sight(app) and chosen_gap_in_sight(app)
        await pilot.press("tab")
        await settle(pilot)
        assert app.focused is view
        assert box_in_sight(app, view) and view.region.height >= 6
        assert list_in_sight(app) and cursor_on_current(app, view)


async def test_down_and_up_show_every_row_of_an_item_taller_than_the_box(tmp_path: Path) -> None:
    """Down scrolls through an item taller than the drawing's box before it moves on; Up goes back."""
    plan_file = plan_with_gaps(tmp_path)
    plan = store.load(plan_file)
    plan.activities[0].text = "A set of planning meetings to write down what the centre will offer. " * 4
    store.save(plan, plan_file)
    app = make_app(tmp_path, plan_file)
    async with app.run_test(size=SIZE) as pilot:
        _, _, view = await open_check_step(pilot)
        view.focus()
        await settle(pilot)
        tall = view.current_item
        assert tall is not None and tall.id == "a1"
        shown = view.scrollable_content_region.height
        assert len(tall.rows) > shown  # the test is about an item the box cannot show at once

        def rows_in_sight() -> set[int]:
            top = int(view.scroll_offset.y)
            return set(range(top, top + shown)) & set(tall.rows)

        def marked_in_sight() -> bool:
            """The "> " mark is on the item's first row in sight, and the cursor too."""
            first = min(rows_in_sight())
            marked = view._row_text(view.drawing, first).plain[tall.column :].startswith("> ")
            cursor_row = view.content_region.y + first - int(view.scroll_offset.y)
            return marked and app.cursor_position.y == cursor_row

        seen = rows_in_sight()
        presses = 0
        while view.current == 0 and presses < len(tall.rows):
            assert marked_in_sight()
            await pilot.press("down")
            await settle(pilot)
            presses += 1
            if view.current == 0:
                seen |= rows_in_sight()
        assert seen == set(tall.rows)  # no row of the item was skipped
        assert view.current == 1
        await pilot.press("up")
        await settle(pilot)
        assert view.current == 0 and tall.top in rows_in_sight()  # back at its first row
        await pilot.press("end", "home")
        await settle(pilot)
        # Up from further down the tall item goes back up through it, a box at a time.
        while tall.bottom not in rows_in_sight():
            await pilot.press("down")
            await settle(pilot)
        assert view.current == 0
        await pilot.press("up")
        await settle(pilot)
        assert view.current == 0 and marked_in_sight()
        while tall.top not in rows_in_sight():
            await pilot.press("up")
            await settle(pilot)
            assert view.current == 0


@pytest.mark.parametrize(
    ("many", "said"), [(False, "4 things are missing."), (True, "13 things are missing.")]
)
async def test_the_check_step_says_how_many_gaps_there_are(tmp_path: Path, many: bool, said: str) -> None:
    """The list shows two or three gaps at once; the words say how many there are in all."""
    app = make_app(tmp_path, plan_with_gaps(tmp_path, many=many))
    async with app.run_test(size=SIZE) as pilot:
        await open_check_step(pilot)
        assert said in screen_text(app)
        assert said in app.screen.spoken_text()  # read aloud says it too


async def test_one_gap_is_one_thing_and_no_gaps_say_so(tmp_path: Path) -> None:
    plan_file = plan_with_gaps(tmp_path)
    plan = store.load(plan_file)
    plan.impact.project = plan.impact.coproduction = plan.impact.lasting_change = "Done."
    store.save(plan, plan_file)  # only the activity that helps no stepping stone is left
    app = make_app(tmp_path, plan_file)
    async with app.run_test(size=SIZE) as pilot:
        await open_check_step(pilot)
        assert "1 thing is missing." in screen_text(app)
        app.plan.activities[1].outcomes = [app.plan.outcomes[0].id]
        go_to(app, flow.index_of("check"))
        await settle(pilot)
        assert flow.page("check").words["none"] in screen_text(app)
        assert "missing" not in screen_text(app)


async def test_a_gap_chosen_opens_its_step_on_its_row(tmp_path: Path) -> None:
    """The activity that helps nothing is the second on its step: the list starts there."""
    app = make_app(tmp_path, plan_with_gaps(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        for visit in ("a new list screen", "the kept list screen"):
            await open_check_step(pilot)
            await pilot.press("end")  # the last gap: the activity
            await pilot.press("enter")
            await settle(pilot)
            items = app.screen.query_one("#items", MarkedList)
            gap = app.plan.activities[1]
            assert app.screen.page.key == f"activities_{gap.part}", visit
            assert items.has_focus and items.choices[items.highlighted or 0].key == gap.id, visit
            assert f"> {gap.text[:40]}" in screen_text(app), visit
            await pilot.press("ctrl+n")  # back to the check step
            await settle(pilot)
            assert app.screen.page.key == "check", visit
