"""One question screen shows the text steps that follow each other (and Ctrl+G between them).

A reused screen must look and behave exactly as a new one would: the words of the new
step, its answer (or its draft), no draft written for an answer only shown, focus in
the box with the cursor after the last word, the example closed, the page at its top.
The strongest check: what is drawn is the same, byte for byte, as a new screen's.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.containers import VerticalScroll
from textual.pilot import Pilot

from backmap import content
from backmap.app import BackmapApp
from backmap.core import flow
from backmap.session.plan_file import Session
from backmap.widgets.answer import AnswerBox
from backmap.widgets.buttons import MARK, FocusButton
from tests.example_plans import EXAMPLE
from tests.pilot_helpers import SIZE, go_to, make_app, on_pane, settle, type_text

LONG = " ".join(f"Word{n} of a long answer that wraps." for n in range(60))


def plan_copy(tmp_path: Path, name: str = "day.toml") -> Path:
    path = tmp_path / name
    path.write_bytes(EXAMPLE.read_bytes())
    return path


def box(app: BackmapApp) -> AnswerBox:
    return app.screen.query_one("#answer", AnswerBox)


def cursor_at_end(answer_box: AnswerBox) -> bool:
    last = answer_box.document.line_count - 1
    return answer_box.cursor_location == (last, len(answer_box.document.get_line(last)))


async def fresh_picture(tmp_path: Path, key: str, size: tuple[int, int] = SIZE) -> str:
    """The screen a new QuestionScreen draws for this step of a copy of the example."""
    return await fresh_picture_of(plan_copy(tmp_path / "fresh"), tmp_path / "fresh", key, size)


async def fresh_picture_of(path: Path, folder: Path, key: str, size: tuple[int, int] = SIZE) -> str:
    """The screen a new QuestionScreen draws for this step of the plan at ``path``."""
    app = make_app(folder, path)
    async with app.run_test(size=size) as pilot:
        go_to(app, flow.index_of(key))
        await settle(pilot, 8)
        assert on_pane(app, "question")
        return app.export_screenshot()


async def picture(pilot: Pilot) -> str:
    await settle(pilot, 8)
    return pilot.app.export_screenshot()


async def test_every_step_is_shown_on_the_one_interview_screen(tmp_path: Path) -> None:
    app = make_app(tmp_path, plan_copy(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        go_to(app, flow.index_of("impact_project"))
        await settle(pilot)
        screen = app.screen
        assert on_pane(app, "question")
        await pilot.press("ctrl+n")
        assert app.screen is screen
        assert screen.page.key == "impact_coproduction"
        await pilot.press("ctrl+n")
        assert app.screen is screen and screen.page.key == "lasting_change"
        await pilot.press("ctrl+n")  # a list step: the same screen, its list pane
        assert app.screen is screen and on_pane(app, "list")


async def test_a_reused_screen_draws_what_a_new_one_draws(tmp_path: Path) -> None:
    """A to B to A, and Ctrl+G, each compared with a new screen for that step."""
    (tmp_path / "fresh").mkdir()
    keys = ("impact_project", "impact_coproduction", "lasting_change")
    expected = {key: await fresh_picture(tmp_path, key) for key in keys}
    app = make_app(tmp_path, plan_copy(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        go_to(app, flow.index_of("impact_project"))
        await settle(pilot)
        app.screen.query_one("#example-button", FocusButton).press()  # open the example
        await settle(pilot)
        assert app.screen.query_one("#example").display
        await pilot.press("ctrl+n")
        assert await picture(pilot) == expected["impact_coproduction"]
        await pilot.press("ctrl+n")  # to a step with nothing to explain
        assert await picture(pilot) == expected["lasting_change"]
        await pilot.press("ctrl+r")
        assert await picture(pilot) == expected["impact_coproduction"]
        await pilot.press("ctrl+r")
        assert await picture(pilot) == expected["impact_project"]
        await pilot.press("ctrl+g", "down", "down", "enter")  # Step 4: the change that stays
        assert await picture(pilot) == expected["lasting_change"]
        await pilot.press("ctrl+g", "up", "up", "enter")  # Step 2
        assert await picture(pilot) == expected["impact_project"]


@pytest.mark.parametrize("height", [12, 14])  # short enough that the page scrolls
async def test_a_scrolled_page_is_drawn_as_on_a_new_screen(tmp_path: Path, height: int) -> None:
    """In a short window the page scrolls: scrolled up to the example, or to the tools,
    the next step must still be drawn as a new screen draws it."""
    (tmp_path / "fresh").mkdir()
    expected = await fresh_picture(tmp_path, "impact_coproduction", (80, height))
    app = make_app(tmp_path, plan_copy(tmp_path))
    async with app.run_test(size=(80, height)) as pilot:
        go_to(app, flow.index_of("impact_project"))
        await settle(pilot)
        body = app.screen.query_one("#body", VerticalScroll)
        assert body.max_scroll_y > 0
        app.screen.query_one("#example-button", FocusButton).focus()
        await pilot.press("enter")  # the example opens and is scrolled to
        await settle(pilot)
        await pilot.press("ctrl+n")
        assert await picture(pilot) == expected
        await pilot.press("ctrl+r")
        await settle(pilot)
        app.screen.query_one("#glossary-button", FocusButton).focus()
        await settle(pilot)
        await pilot.press("ctrl+n")
        assert await picture(pilot) == expected


async def test_a_long_answer_is_drawn_as_on_a_new_screen(tmp_path: Path) -> None:
    """The box scrolled to the end of a long answer, the page to the box, as a new screen."""
    (tmp_path / "fresh").mkdir()
    session = Session.open(plan_copy(tmp_path / "fresh"), tmp_path / "fresh")
    session.plan.impact.coproduction = LONG
    session.save()
    session.release_lock()
    path = tmp_path / "fresh" / "day.toml"
    expected = await fresh_picture_of(path, tmp_path / "fresh", "impact_coproduction")
    app = make_app(tmp_path / "fresh", path)
    async with app.run_test(size=SIZE) as pilot:
        go_to(app, flow.index_of("impact_project"))
        await settle(pilot)
        await pilot.press("ctrl+n")
        assert await picture(pilot) == expected
        assert cursor_at_end(box(app))


async def test_no_stale_words_answers_or_focus_after_a_to_b_to_a(tmp_path: Path) -> None:
    path = plan_copy(tmp_path)
    app = make_app(tmp_path, path)
    async with app.run_test(size=SIZE) as pilot:
        go_to(app, flow.index_of("impact_project"))
        await settle(pilot)
        screen = app.screen
        box(app).text = ""
        await type_text(pilot, "Typed on A")
        # Next by its button: focus is on the button when the step changes.
        screen.query_one("#next", FocusButton).focus()
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen and screen.page.key == "impact_coproduction"
        page_b = flow.page("impact_coproduction").words
        assert str(screen.query_one("#question").render()) == page_b["question"]
        assert str(screen.query_one("#answer-label").render()) == page_b["label"]
        assert box(app).text == app.plan.impact.coproduction
        assert "Typed on A" not in box(app).text
        assert box(app).has_focus and cursor_at_end(box(app))
        assert not screen.query_one("#next", FocusButton).label.plain.startswith(MARK)
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert screen.page.key == "impact_project"
        assert box(app).text == "Typed on A" == app.plan.impact.project
        assert box(app).has_focus and cursor_at_end(box(app))
        await type_text(pilot, " and more")
        assert box(app).text == "Typed on A and more"  # typed after the last word
        # Ctrl+G, from a step, to another text step and back again.
        await pilot.press("ctrl+g", "down", "down", "enter")
        await settle(pilot)
        assert app.screen is screen and screen.page.key == "lasting_change"
        assert box(app).text == app.plan.impact.lasting_change
        assert app.plan.impact.project == "Typed on A and more"  # kept on the way
        assert box(app).has_focus and cursor_at_end(box(app))
        await pilot.press("ctrl+g", "up", "up", "enter")
        await settle(pilot)
        assert screen.page.key == "impact_project"
        assert box(app).text == "Typed on A and more"
        assert box(app).has_focus and cursor_at_end(box(app))


async def test_drafts_follow_their_own_step_on_a_reused_screen(tmp_path: Path) -> None:
    """A draft shows on its own step only; showing a stored answer writes no draft."""
    path = plan_copy(tmp_path)
    Session.open(path, tmp_path).save_draft("impact.coproduction", "Draft from before")
    app = make_app(tmp_path, path)
    async with app.run_test(size=SIZE) as pilot:
        go_to(app, flow.index_of("impact_project"))
        await settle(pilot)
        assert app.session is not None
        app.keeper.message = ""
        screen = app.screen
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert app.screen is screen
        assert box(app).text == "Draft from before"
        assert content.word("safety", "draft_back") in str(screen.query_one("#status").render())
        app.keeper.flush_drafts()
        assert app.session.load_draft() == {"impact.coproduction": "Draft from before"}  # still kept
        await pilot.press("ctrl+n")  # the draft becomes the answer
        await settle(pilot)
        assert box(app).text == app.plan.impact.lasting_change != "Draft from before"
        app.keeper.flush_drafts()
        assert app.session.load_draft() == {}
        await pilot.press("ctrl+r", "ctrl+r")
        await settle(pilot)
        assert app.plan.impact.coproduction == "Draft from before"
        assert box(app).text == app.plan.impact.project
        app.keeper.flush_drafts()
        assert app.session.load_draft() == {}  # answers shown are not drafts
