"""A small window, 60x20 (issue 17): the question stays in sight, nothing is cut at the edge,
and the status line says the window is small."""

from __future__ import annotations

from pathlib import Path

import pytest

from backmap import content
from backmap.core import flow
from backmap.screens.welcome import WelcomeScreen
from backmap.widgets.choices import MarkedList
from backmap.widgets.key_footer import KeyFooter
from tests.example_plans import EXAMPLE
from tests.pilot_helpers import SIZE, go_to, make_app, screen_text, settle, status_shown

SMALL = (60, 20)
LIST_STEPS = [
    "people",
    "outcomes_project",
    "outcomes_coproduction",
    "activities_project",
    "activities_coproduction",
]


def day_centre(folder: Path) -> Path:
    plan_file = folder / "day.toml"
    plan_file.write_bytes(EXAMPLE.read_bytes())
    return plan_file


@pytest.mark.parametrize("step", LIST_STEPS)
async def test_the_question_stays_in_sight_while_the_list_has_focus(tmp_path: Path, step: str) -> None:
    app = make_app(tmp_path, day_centre(tmp_path))
    async with app.run_test(size=SMALL) as pilot:
        go_to(app, flow.index_of(step))
        await settle(pilot)
        items = app.screen.query_one("#items", MarkedList)
        assert app.focused is items
        for _ in range(len(items.choices)):  # down to the last row
            await pilot.press("down")
            await settle(pilot)
            seen = screen_text(app)
            assert content.page(step)["question"] in seen
            cursor = app.cursor_position
            assert app.screen.query_one("#body").region.contains(
                cursor.x, cursor.y
            )  # the row is in sight too


async def test_the_window_is_small_line_shows_below_80x24_only(tmp_path: Path) -> None:
    small_line = content.word("app", "small_window")
    app = make_app(tmp_path, day_centre(tmp_path))
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        assert small_line in status_shown(app)
    app = make_app(tmp_path, day_centre(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert small_line not in status_shown(app)


async def test_no_key_in_the_footer_is_cut_at_60_columns(tmp_path: Path) -> None:
    app = make_app(tmp_path, day_centre(tmp_path))
    async with app.run_test(size=SMALL) as pilot:
        go_to(app, flow.index_of("people"))
        await settle(pilot)
        bottom = "\n".join(line for line in screen_text(app).splitlines() if line.strip())
        footer = bottom.splitlines()[-2:]  # the footer's two lines
        keys = " ".join(" ".join(footer).split())
        for shown, name in (("Ctrl+N", "next"), ("Ctrl+G", "goto"), ("Ctrl+Q", "quit"), ("F1", "help")):
            assert f"{shown} {content.word('keys', name)}" in keys, keys


async def test_save_and_quit_is_in_sight_on_the_welcome_at_60x20(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, WelcomeScreen)
        quit_button = screen.query_one("#quit")
        assert screen.region.contains_region(quit_button.region)
        assert content.word("buttons", "quit") in screen_text(app)


async def test_the_footer_follows_the_window_when_it_is_made_smaller_and_bigger_again(tmp_path: Path) -> None:
    """Three keys to a line at 60 columns, all on one line at 80, however often the window changes."""
    keys = [("Ctrl+N", "next"), ("Ctrl+R", "back"), ("Ctrl+G", "goto"), ("Ctrl+Q", "quit"), ("F1", "help")]
    app = make_app(tmp_path, day_centre(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        go_to(app, flow.index_of("people"))
        for size in (SIZE, SMALL, SIZE, SMALL):
            await pilot.resize_terminal(*size)
            await settle(pilot)
            footer = app.screen.query_one(KeyFooter)
            rows = sorted({key.region.y for key in footer.children})
            assert len(rows) == (1 if size == SIZE else 2), (size, rows)
            assert footer.outer_size.height == len(rows)
            assert all(key.region.right <= size[0] for key in footer.children)  # none cut at the edge
            shown = " ".join(screen_text(app).split())
            for key, name in keys:
                assert f"{key} {content.word('keys', name)}" in shown, (size, key)
            assert app.screen.query_one("#nav").region.bottom <= footer.region.y  # nothing under it
