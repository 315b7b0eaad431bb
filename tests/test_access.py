"""Access for everyone in the app: focus without colour, the cursor, small windows, keys, speech."""

from __future__ import annotations

import shlex
import sys
import time
from pathlib import Path

import pytest

from backmap.app import BackmapApp
from backmap.core import flow
from backmap.session import settings
from backmap.session.speech import Speaker
from backmap.widgets.answer import AnswerBox
from backmap.widgets.buttons import FocusButton
from backmap.widgets.choices import MarkedList
from tests.example_plans import EXAMPLE
from tests.pilot_helpers import SIZE, go_to, make_app, on_pane, screen_text, settle, status_shown


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "day-centre.toml"
    path.write_bytes(EXAMPLE.read_bytes())
    return path


def cursor_inside(app: BackmapApp) -> bool:
    widget = app.focused
    assert widget is not None
    return widget.region.contains_point(app.cursor_position)


async def test_focus_shows_without_colour(tmp_path: Path, plan_file: Path, monkeypatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(tmp_path, plan_file)
    async with app.run_test(size=SIZE) as pilot:
        go_to(app, flow.index_of("outcomes_project"))
        await pilot.pause()
        # The list has focus: its row starts with the marker, in text.
        assert isinstance(app.focused, MarkedList)
        assert "> We have a full plan" in screen_text(app)
        await pilot.press("tab")  # the list's buttons stand above it: Tab goes on to Back
        assert isinstance(app.focused, FocusButton)
        assert str(app.focused.label).startswith("> ")
        assert "> Back" in screen_text(app)
        # Only one thing on screen carries the marker.
        await pilot.press("tab")
        text = screen_text(app)
        assert "> Skip for now" in text and "> Back" not in text and "> We have" not in text


async def test_terminal_cursor_follows_focus(tmp_path: Path, plan_file: Path) -> None:
    app = make_app(tmp_path, plan_file)
    async with app.run_test(size=SIZE) as pilot:
        go_to(app, flow.index_of("impact_project"))
        await settle(pilot)
        assert isinstance(app.focused, AnswerBox)
        assert cursor_inside(app)
        for _ in range(3):  # Back, Skip for now, Next: buttons move the cursor too
            await pilot.press("tab")
            await settle(pilot)
            assert isinstance(app.focused, FocusButton)
            assert cursor_inside(app), app.focused
        go_to(app, flow.index_of("activities_project"))
        await settle(pilot)
        assert isinstance(app.focused, MarkedList)
        first = app.cursor_position
        await pilot.press("down")
        await settle(pilot)
        assert cursor_inside(app)
        assert app.cursor_position.y > first.y  # it moved to the next item


async def test_question_fits_80x24_without_scrolling(tmp_path: Path, plan_file: Path) -> None:
    app = make_app(tmp_path, plan_file)
    async with app.run_test(size=SIZE) as pilot:
        for page in flow.PAGES:
            if page.kind != "text" and page.kind not in ("outcomes", "activities", "people"):
                continue
            go_to(app, flow.index_of(page.key))
            await pilot.pause()
            screen = app.screen
            body = screen.query_one("#body")
            assert body.scroll_y == 0, page.key
            for name in ("#question", "#hint"):
                widget = screen.query_one(name)
                assert screen.region.contains_region(widget.region), (page.key, name)
            if page.kind == "text":
                answer = screen.query_one("#answer")
            else:
                answer = next(w for w in screen.query("#items, #empty") if w.display)
            assert body.region.contains_region(answer.region), page.key
            assert screen.query_one("#next").region.bottom <= SIZE[1]


async def test_everything_reachable_at_60x20(tmp_path: Path, plan_file: Path) -> None:
    app = make_app(tmp_path, plan_file)
    async with app.run_test(size=(60, 20)) as pilot:
        for key in ("impact_project", "outcomes_project", "activities_coproduction", "check", "finish"):
            go_to(app, flow.index_of(key))
            await pilot.pause()
            seen = set()
            for _ in range(len(app.screen.focus_chain) + 1):
                focused = app.focused
                assert focused is not None
                await pilot.pause()
                assert app.screen.region.contains_region(focused.region), (key, focused)
                seen.add(focused)
                await pilot.press("tab")
            assert seen == set(app.screen.focus_chain), key


async def test_the_answer_box_takes_the_room_a_short_window_has(tmp_path: Path, plan_file: Path) -> None:
    """At 60x20 the box showed one line of the answer over four empty rows."""
    app = make_app(tmp_path, plan_file)
    async with app.run_test(size=(60, 20)) as pilot:
        go_to(app, flow.index_of("impact_project"))
        await settle(pilot)
        screen = app.screen
        box = screen.query_one(AnswerBox)
        body = screen.query_one("#body")
        assert box.size.height >= 3, box.size  # lines inside the box, not counting its border
        assert body.scroll_y == 0 and body.max_scroll_y == 0
        assert body.region.contains_region(box.region)
        # Showing the example makes the box smaller, never less than one line, and it stays in sight.
        screen.query_one("#example-button", FocusButton).press()
        await settle(pilot)
        assert 1 <= box.size.height < 5
        assert body.region.contains_region(box.region)


@pytest.mark.parametrize("key", ["f1", "ctrl+l"])
async def test_help_and_word_list_fit_a_short_window(tmp_path: Path, plan_file: Path, key: str) -> None:
    """At 60x20 their title and the bottom of Close were scrolled out of sight."""
    app = make_app(tmp_path, plan_file)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press(key)
        await settle(pilot)
        screen = app.screen
        dialog = screen.query_one("#dialog")
        assert dialog.max_scroll_y == 0
        for name in ("#dialog-title", "#dialog-body", "#close"):
            assert screen.region.contains_region(screen.query_one(name).region), name
        body = screen.query_one("#dialog-body")
        assert body.max_scroll_y > 0  # the rest of the words are a scroll away, inside the box


async def test_tiny_window_works_and_says_so(tmp_path: Path, plan_file: Path) -> None:
    app = make_app(tmp_path, plan_file)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        assert "window is small" in status_shown(app)
        for page in range(len(flow.PAGES)):
            go_to(app, page)
            await pilot.pause()
            await pilot.press("tab", "tab")
        await pilot.press("ctrl+l")
        await pilot.press("escape")
        assert app.is_running


async def test_no_blinking_no_animation(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        assert on_pane(app, "question")
        assert app.screen.query_one(AnswerBox).cursor_blink is False
        assert app.animation_level == "none"


async def test_glossary_opens_from_any_screen_and_escape_closes(tmp_path: Path, plan_file: Path) -> None:
    app = make_app(tmp_path, plan_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+l")  # the welcome screen
        assert app.screen.id == "glossary"
        assert "Stepping stone" in screen_text(app)
        await pilot.press("escape")
        go_to(app, flow.index_of("activities_project"))
        await pilot.pause()
        await pilot.press("ctrl+l")
        assert app.screen.id == "glossary"
        await pilot.press("escape")
        await pilot.press("enter")  # change an activity: a dialog
        await pilot.press("ctrl+l")
        assert app.screen.id == "glossary"
        await pilot.press("escape")
        await pilot.press("escape")
        assert on_pane(app, "list")
        # And by its button.
        app.screen.query_one("#glossary-button").focus()
        await pilot.press("enter")
        assert app.screen.id == "glossary"


async def test_theme_key_changes_colours_and_is_remembered(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        first = app.theme
        await pilot.press("ctrl+t")
        assert app.theme != first
        chosen = app.theme
        await pilot.press("ctrl+t", "ctrl+t")
        assert app.theme == first  # three themes, round and back
        await pilot.press("ctrl+t")
    assert settings.load_settings()["theme"] == chosen
    again = make_app(tmp_path)
    async with again.run_test(size=SIZE):
        assert again.theme == chosen


async def test_read_aloud_uses_speaker_and_never_waits(tmp_path: Path, plan_file: Path) -> None:
    said = tmp_path / "said.txt"
    command = [sys.executable, str(Path(__file__).parent / "fake_speaker.py"), str(said)]
    speaker = Speaker(command=command)
    app = BackmapApp(folder=tmp_path, plan_path=plan_file, speaker=speaker)
    async with app.run_test(size=SIZE) as pilot:
        go_to(app, flow.index_of("impact_project"))
        await pilot.pause()
        await pilot.press("ctrl+o")
        # The key came back while the speaker still talks (it talks for 30 seconds).
        assert speaker.speaking
        for _ in range(100):
            if said.exists() and said.read_text(encoding="utf-8"):
                break
            time.sleep(0.05)
        words = said.read_text(encoding="utf-8")
        page = flow.page("impact_project").words
        for part in ("question", "hint", "example"):
            assert page[part] in words
        assert "Reading aloud" in status_shown(app)
        await pilot.press("ctrl+o")  # the same key stops it
        assert not speaker.speaking
        assert "stopped" in status_shown(app)


async def test_read_aloud_without_espeak_says_how_to_get_it(tmp_path: Path, plan_file: Path) -> None:
    app = make_app(tmp_path, plan_file)  # no speech program
    async with app.run_test(size=SIZE) as pilot:
        go_to(app, flow.index_of("impact_project"))
        await pilot.pause()
        app.screen.query_one("#read-button").focus()
        await pilot.press("enter")
        assert "espeak-ng" in status_shown(app)
        assert "espeak-ng" in screen_text(app)


def test_speaker_command_from_environment(monkeypatch) -> None:
    monkeypatch.setenv("BACKMAP_SPEAKER", "say --fast")
    assert Speaker().command == shlex.split("say --fast")
