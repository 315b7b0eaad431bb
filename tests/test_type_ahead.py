"""Keys typed before the next question is ready are kept and given to it, in order.

A quick typist (or a slow laptop) can press keys while the next step is still being
built. They must land in the next answer, never in the one just sent, and never vanish.
All the keys go in at once through the driver, faster than any person types.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual import events
from textual.keys import _character_to_key
from textual.pilot import Pilot

from backmap.core import flow, store
from backmap.core.plan import Plan
from backmap.screens.item import ItemScreen
from backmap.widgets.answer import AnswerBox
from backmap.widgets.buttons import FocusButton
from tests.example_plans import EXAMPLE
from tests.pilot_helpers import SIZE, go_to, make_app, on_pane, settle

ENTER = "\r"
CTRL_N = "\x0e"


def send_at_once(pilot: Pilot, text: str) -> None:
    """Every character, Enter included, sent before the app has handled any of them."""
    app = pilot.app
    assert app._driver is not None
    for character in text:
        if character == ENTER:
            key = "enter"
        elif character < " " and character != "\t":
            key = f"ctrl+{chr(ord(character) + 96)}"  # CTRL_N is "ctrl+n"
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
        go_to(app, flow.index_of("impact_project"))
        await settle(pilot)
        before = app.plan.impact.project
        send_at_once(pilot, f" one{ENTER}two{ENTER}three")
        await settle(pilot, 10)
        assert app.plan.impact.project == before + " one"
        assert app.plan.impact.coproduction.endswith("two")
        assert on_pane(app, "question")
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
        go_to(app, flow.index_of("outcomes_project"))
        await settle(pilot)
        app.screen.query_one("#add").focus()  # the Add button, above the list
        await pilot.pause()
        send_at_once(pilot, f"{ENTER}A ramp{ENTER}People use it")
        await settle(pilot, 10)
        assert isinstance(app.screen, ItemScreen)
        assert app.screen.query_one(AnswerBox).text == "People use it"
        send_at_once(pilot, ENTER)
        await settle(pilot, 10)
        added = app.plan.outcomes_in("project")[-1]
        assert (added.text, added.how_we_know) == ("A ramp", "People use it")


async def typed_in(pilot: Pilot) -> None:
    """Wait until every key typed ahead has been given out, then let the screens settle."""
    app = pilot.app
    for _ in range(1000):
        if not app.held_keys and not app.waiting:
            break
        await pilot.pause()
    await settle(pilot, 6)


@pytest.fixture
def quick_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    """A button shows it was pressed for 0.2 s. On a quick machine a whole Add box is
    done inside that time; a long flash stands for that, so no test passes just
    because the machine running it is slow."""
    made = FocusButton.__init__

    def long_flash(button: FocusButton, label: str, **kwargs: object) -> None:
        made(button, label, **kwargs)
        button.active_effect_duration = 30.0

    monkeypatch.setattr(FocusButton, "__init__", long_flash)


def _stones(plan: Plan) -> list[tuple[str, ...]]:
    return [(o.text, o.how_we_know) for o in plan.outcomes]


def _activities(plan: Plan) -> list[tuple[str, ...]]:
    return [(a.text, a.who, a.when) for a in plan.activities]


def _people(plan: Plan) -> list[tuple[str, ...]]:
    return [(p.name, p.role) for p in plan.people]


QUICK_ADDS = {
    "stones": (
        "outcomes_project",
        _stones,
        [f"{ENTER}Stone {i}{ENTER}know {i}{ENTER}" for i in range(4)],
        [(f"Stone {i}", f"know {i}") for i in range(4)],
    ),
    "activities, five questions": (
        "activities_project",
        _activities,
        # What, kind (Enter picks it and moves on), stepping stones (Ctrl+N goes on), who, when.
        [f"{ENTER}Act {i}{ENTER}{ENTER}{CTRL_N}who {i}{ENTER}when {i}{ENTER}" for i in range(4)],
        [(f"Act {i}", f"who {i}", f"when {i}") for i in range(4)],
    ),
    "people": (
        "people",
        _people,
        [f"{ENTER}Name {i}{ENTER}role {i}{ENTER}" for i in range(3)],
        [(f"Name {i}", f"role {i}") for i in range(3)],
    ),
    "all in one go": (
        "outcomes_project",
        _stones,
        ["".join(f"{ENTER}S{i}{ENTER}k{i}{ENTER}" for i in range(5))],
        [(f"S{i}", f"k{i}") for i in range(5)],
    ),
}


@pytest.mark.usefixtures("quick_machine")
@pytest.mark.parametrize("pattern", QUICK_ADDS.values(), ids=list(QUICK_ADDS))
async def test_quick_add_after_add_keeps_every_word(
    tmp_path: Path, pattern: tuple[str, Callable[[Plan], list[tuple[str, ...]]], list[str], list]
) -> None:
    """Add, the answers and Done, again and again, as fast as keys can come: every item
    is made with its own words, and the words after the last Add are in the new box."""
    page, items, bursts, expected = pattern
    app = make_app(tmp_path, plan_file(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        go_to(app, flow.index_of(page))
        await settle(pilot)
        app.screen.query_one("#add").focus()  # the Add button, above the list
        await pilot.pause()
        assert app.screen.focused is app.screen.query_one("#add")
        before = len(items(app.plan))
        for burst in bursts:
            send_at_once(pilot, burst)
        send_at_once(pilot, f"{ENTER}Last one")
        await typed_in(pilot)
        assert items(app.plan)[before:] == expected
        assert isinstance(app.screen, ItemScreen)
        assert app.screen.query_one(AnswerBox).text == "Last one"


@pytest.mark.usefixtures("quick_machine")
async def test_done_add_and_words_sent_together(tmp_path: Path) -> None:
    """What a person saw in a terminal: each box typed at their own pace, then Done, Add
    and the next words sent at once."""
    app = make_app(tmp_path, plan_file(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        go_to(app, flow.index_of("outcomes_project"))
        await settle(pilot)
        app.screen.query_one("#add").focus()
        await pilot.press("enter")  # Add
        await settle(pilot)
        before = len(app.plan.outcomes)
        send_at_once(pilot, "Stone 0")
        await typed_in(pilot)
        for i in range(4):
            send_at_once(pilot, f"{ENTER}know {i}")
            await typed_in(pilot)
            send_at_once(pilot, f"{ENTER}{ENTER}Stone {i + 1}")  # Done, Add, the next words
            await typed_in(pilot)
        assert _stones(app.plan)[before:] == [(f"Stone {i}", f"know {i}") for i in range(4)]
        assert isinstance(app.screen, ItemScreen)
        assert app.screen.query_one(AnswerBox).text == "Stone 4"


@pytest.mark.usefixtures("quick_machine")
async def test_enter_twice_on_down_moves_twice(tmp_path: Path) -> None:
    """Each press of a button counts, even two in a row on the same button."""
    app = make_app(tmp_path, plan_file(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        app.plan.add_outcome("project", text="A third one")  # room to move down twice
        go_to(app, flow.index_of("outcomes_project"))
        await settle(pilot)
        first = app.plan.outcomes_in("project")[0].id
        app.screen.query_one("#down").focus()
        await settle(pilot)
        send_at_once(pilot, f"{ENTER}{ENTER}")
        await typed_in(pilot)
        assert [o.id for o in app.plan.outcomes_in("project")].index(first) == 2


async def test_words_typed_just_before_ctrl_q_are_kept(tmp_path: Path) -> None:
    """Ctrl+Q acts at once, but the keys typed before it still reach their answer first.
    Before, Ctrl+Q came ahead of them and the words were gone."""
    path = plan_file(tmp_path)
    app = make_app(tmp_path, path)
    async with app.run_test(size=SIZE) as pilot:
        go_to(app, flow.index_of("impact_project"))
        await pilot.pause()
        send_at_once(pilot, f"{ENTER}Typed in a hurry\x11")
        for _ in range(200):
            if not app.is_running:
                break
            await pilot.pause()
    assert store.load(path).impact.coproduction.endswith("Typed in a hurry")
