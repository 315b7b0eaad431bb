"""Fewer keys (issue 17): the worked example made by keys, from the welcome to the finish step.

Every key that is not answer text is counted. The words are typed as key presses too,
but they are the person's answers, so they are not counted.
"""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from backmap import content
from backmap.app import BackmapApp
from backmap.core import flow, store
from backmap.core.plan import KINDS, PARTS
from backmap.screens.item import ItemScreen
from backmap.widgets.answer import AnswerBox
from backmap.widgets.buttons import FocusButton
from tests.example_plans import EXAMPLE, example_copy
from tests.pilot_helpers import SIZE, KeyCounter, go_to, make_app, on_pane, screen_text, settle, type_text

# Keys the worked example took beyond its words before issue 17 (the issue saw 82 to 89;
# the shortest path by the same counting is 83), and the most it may take now.
# Issue 17 hoped for 50. With one question on a screen the floor is 56: 31 answers
# ended by Enter, 5 kinds, 8 links, 5 "go on" after the links, 5 empty Enters that
# leave a list step, the welcome's Enter and the check step's Next.
KEYS_BEFORE = 83
KEYS_NOW = 56


async def make_the_example_by_keys(pilot: Pilot) -> KeyCounter:
    example = store.load(EXAMPLE)
    keys = KeyCounter(pilot)
    await keys.press("enter")  # New plan
    await keys.answer(example.title)
    for person in example.people:
        await keys.answer(person.name)  # in the box for the next person
        await keys.answer(person.role)
    await keys.answer("")  # an empty Enter goes on
    for text in (example.impact.project, example.impact.coproduction, example.impact.lasting_change):
        await keys.answer(text)
    for part in PARTS:
        for stone in example.outcomes_in(part):
            await keys.answer(stone.text)
            await keys.answer(stone.how_we_know)
        await keys.answer("")
    numbers = {o.id: n for n, o in enumerate([o for p in PARTS for o in example.outcomes_in(p)], start=1)}
    kinds = list(KINDS)
    for part in PARTS:
        for activity in example.activities_in(part):
            await keys.answer(activity.text)
            assert isinstance(pilot.app.screen, ItemScreen)
            await keys.press(str(kinds.index(activity.kind) + 1))  # the kind by its number
            for stone in activity.outcomes:
                await keys.press(str(numbers[stone]))  # each stepping stone by its number
            await keys.press("ctrl+n")
            await keys.answer(activity.who)
            await keys.answer(activity.when)
        await keys.answer("")
    await keys.press("enter")  # the check step has no gaps: Next
    return keys


async def test_the_worked_example_takes_56_keys_not_83(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        keys = await make_the_example_by_keys(pilot)
        assert on_pane(app, "finish")
        made = app.plan
        example = store.load(EXAMPLE)
        assert made.title == example.title
        assert [(p.name, p.role) for p in made.people] == [(p.name, p.role) for p in example.people]
        assert made.impact == example.impact
        assert [(o.part, o.text, o.how_we_know) for o in made.outcomes] == [
            (o.part, o.text, o.how_we_know) for o in example.outcomes
        ]
        assert [(a.part, a.kind, a.text, a.outcomes, a.who, a.when) for a in made.activities] == [
            (a.part, a.kind, a.text, a.outcomes, a.who, a.when) for a in example.activities
        ]
        print(f"keys beyond the words: {keys.count}")
        assert keys.count <= KEYS_NOW < KEYS_BEFORE, keys.count


async def words_in_new_item_box(app: BackmapApp, pilot: Pilot, step: str, words: str) -> None:
    """On a list step of the worked example, words typed in the box for the next item."""
    go_to(app, flow.index_of(step))
    await settle(pilot)
    app.screen.query_one("#new-item", AnswerBox).focus()
    await type_text(pilot, words)


async def test_an_empty_list_step_starts_in_the_box_for_the_next_item(tmp_path: Path) -> None:
    """Enter adds the words as a new item and asks its next question; an empty Enter goes on."""
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # New plan
        await settle(pilot)
        await type_text(pilot, "Our plan")
        await pilot.press("enter")
        await settle(pilot)
        assert on_pane(app, "list")
        box = app.screen.query_one("#new-item", AnswerBox)
        assert app.focused is box
        seen = screen_text(app)
        assert content.word("item", "next_title", item="person") in seen
        assert content.word("item", "next_hint") in seen
        await type_text(pilot, "Sam")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ItemScreen)
        assert app.plan.people[0].name == "Sam"
        assert content.page("people")["second_label"] in screen_text(app)
        await pilot.press("enter")  # no role: Done
        await settle(pilot)
        assert app.focused is box and box.text == ""
        await pilot.press("enter")  # an empty Enter goes on
        await settle(pilot)
        assert on_pane(app, "question")
        assert app.screen.page.key == "impact_project"


async def test_words_left_in_the_box_for_the_next_item_are_kept(tmp_path: Path) -> None:
    """Skip keeps anything typed: words in the box for the next item become an item.

    Skip has no key of its own (only Next has Ctrl+N), so the Skip button is reached with
    Tab, as a person without a mouse does, and pressed with Enter.
    """
    plan_file = example_copy(tmp_path)
    app = make_app(tmp_path, plan_file)
    async with app.run_test(size=SIZE) as pilot:
        go_to(app, flow.index_of("outcomes_project"))
        await settle(pilot)
        box = app.screen.query_one("#new-item", AnswerBox)
        box.focus()
        await type_text(pilot, "A new stone")
        skip = app.screen.query_one("#skip", FocusButton)
        assert skip.display and content.word("buttons", "skip") in str(skip.label)
        for _ in range(40):  # Tab through the step to the Skip button
            if app.focused is skip:
                break
            await pilot.press("tab")
            await settle(pilot, 1)
        assert app.focused is skip
        assert box.text == "A new stone"  # leaving the box by Tab takes nothing away
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.page.key == "outcomes_coproduction"
    assert [o.text for o in store.load(plan_file).outcomes_in("project")][-1] == "A new stone"


async def test_words_left_in_the_box_for_the_next_item_are_kept_by_next_too(tmp_path: Path) -> None:
    """Next (Ctrl+N) keeps words in the box for the next item too: they become an item."""
    plan_file = example_copy(tmp_path)
    app = make_app(tmp_path, plan_file)
    async with app.run_test(size=SIZE) as pilot:
        await words_in_new_item_box(app, pilot, "outcomes_project", "A new stone")
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert app.screen.page.key == "outcomes_coproduction"
    assert [o.text for o in store.load(plan_file).outcomes_in("project")][-1] == "A new stone"


async def test_a_kind_is_chosen_by_its_number_or_first_letter(tmp_path: Path) -> None:
    app = make_app(tmp_path, example_copy(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await words_in_new_item_box(app, pilot, "activities_project", "A chat with Sam")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ItemScreen)
        assert "5. " + content.kind_name("one-to-one") in screen_text(app)
        await pilot.press("5")  # the fifth kind, and on to the next question
        await settle(pilot)
        assert app.plan.activities[-1].kind == KINDS[4]
        assert content.activity_word("links_question") in screen_text(app)
        await pilot.press("ctrl+r")  # back to the kind
        await settle(pilot)
        await pilot.press("w")  # Workshop: the only kind that starts with W
        await settle(pilot)
        assert app.plan.activities[-1].kind == "workshop"
        assert content.activity_word("links_question") in screen_text(app)


async def test_a_stepping_stone_is_ticked_by_its_number(tmp_path: Path) -> None:
    app = make_app(tmp_path, example_copy(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await words_in_new_item_box(app, pilot, "activities_project", "A chat with Sam")
        await pilot.press("enter", "1")
        await settle(pilot)
        await pilot.press("2", "4", "2")  # 2 on, 4 on, 2 off again
        await settle(pilot)
        assert app.plan.activities[-1].outcomes == ["o4"]
        assert "[x] 4. " in screen_text(app)


async def test_who_will_do_it_offers_the_plans_people(tmp_path: Path) -> None:
    """Down in "Who will do it?" offers the plan's people, then names given before; typing still works."""
    app = make_app(tmp_path, example_copy(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await words_in_new_item_box(app, pilot, "activities_project", "A chat with Sam")
        await pilot.press("enter", "5", "down")  # words, kind, and Down moves in the stepping stones
        await settle(pilot)
        assert app.screen.query_one("#item-choices").highlighted == 1  # Down still moves in a list
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert content.activity_word("who_question") in screen_text(app)
        assert "Sam, Priya" in screen_text(app)
        box = app.screen.query_one("#item-answer", AnswerBox)
        await pilot.press("down")
        assert box.text == "Sam"
        await pilot.press("down")
        assert box.text == "Priya"
        await pilot.press("down")
        assert box.text == "The project team"  # named for another activity
        await pilot.press("up", "enter")
        await settle(pilot)
        assert app.plan.activities[-1].who == "Priya"
        await pilot.press("ctrl+r")  # back to "who": a typed name is kept as typed
        await settle(pilot)
        await type_text(pilot, " and Sam")
        await pilot.press("enter")
        await settle(pilot)
        assert app.plan.activities[-1].who == "Priya and Sam"


async def test_tab_from_a_list_steps_buttons_reaches_the_list(tmp_path: Path) -> None:
    """The buttons stand above the list they act on: Tab goes from them to the list."""
    app = make_app(tmp_path, example_copy(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        go_to(app, flow.index_of("people"))
        await settle(pilot)
        items = app.screen.query_one("#items")
        app.screen.query_one("#add").focus()
        seen = []
        for _ in range(6):
            await pilot.press("tab")
            seen.append(app.focused.id if app.focused else None)
            if app.focused is items:
                break
        assert seen == ["edit", "remove", "up", "down", "items"]
        await pilot.press("tab")
        assert app.focused is app.screen.query_one("#back")  # and on, out of the list
