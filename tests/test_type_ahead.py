"""Keys typed before the next question is ready are kept and given to it, in order.

A quick typist (or a slow laptop) can press keys while the next step is still being
built. They must land in the next answer, never in the one just sent, and never vanish.
All the keys go in at once through the driver, faster than any person types.
"""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.keys import _character_to_key
from textual.pilot import Pilot

from backmap import flow, store
from backmap.screens.item import ItemScreen
from backmap.screens.question import QuestionScreen
from backmap.widgets.answer import AnswerBox
from tests.pilot_helpers import SIZE, make_app, settle

EXAMPLE = Path(__file__).parent.parent / "examples" / "day-centre.toml"
ENTER = "\r"


def send_at_once(pilot: Pilot, text: str) -> None:
    """Every character, Enter included, sent before the app has handled any of them."""
    app = pilot.app
    assert app._driver is not None
    for character in text:
        if character == ENTER:
            key = "enter"
        else:
            key = character if character.isalnum() else _character_to_key(character)
        event = events.Key(key, character)
        event.set_sender(app)
        app._driver.send_message(event)


def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "day-centre.toml"
    path.write_bytes(EXAMPLE.read_bytes())
    return path


async def test_keys_after_enter_go_to_the_next_question(tmp_path: Path) -> None:
    path = plan_file(tmp_path)
    app = make_app(tmp_path, path)
    async with app.run_test(size=SIZE) as pilot:
        app.go_to(flow.index_of("impact_project"))
        await settle(pilot)
        before = app.plan.impact.project
        send_at_once(pilot, f" one{ENTER}two{ENTER}three")
        await settle(pilot, 10)
        assert app.plan.impact.project == before + " one"
        assert app.plan.impact.coproduction.endswith("two")
        assert isinstance(app.screen, QuestionScreen)
        assert app.screen.index == flow.index_of("lasting_change")
        assert app.screen.query_one(AnswerBox).text.endswith("three")
    assert store.load(path).impact.coproduction.endswith("two")


async def test_a_new_plan_typed_ahead_from_the_welcome_screen(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        # Start a new plan and give its name, all before the first question is drawn.
        send_at_once(pilot, f"{ENTER}Tea and talk{ENTER}")
        await settle(pilot, 10)
        assert app.plan.title == "Tea and talk"
        assert app.screen.index == flow.index_of("people")


async def test_keys_after_enter_in_a_dialog_go_to_its_next_question(tmp_path: Path) -> None:
    app = make_app(tmp_path, plan_file(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        app.go_to(flow.index_of("outcomes_project"))
        await settle(pilot)
        await pilot.press("tab")  # from the list to Add
        send_at_once(pilot, f"{ENTER}A ramp{ENTER}People use it")
        await settle(pilot, 10)
        assert isinstance(app.screen, ItemScreen)
        assert app.screen.query_one(AnswerBox).text == "People use it"
        send_at_once(pilot, ENTER)
        await settle(pilot, 10)
        added = app.plan.outcomes_in("project")[-1]
        assert (added.text, added.how_we_know) == ("A ramp", "People use it")
