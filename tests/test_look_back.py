"""The look-back interview, by keys at 80x24, as two people at one laptop would do it."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

from textual.pilot import Pilot

from backmap.app import BackmapApp
from tests.example_plans import example_copy
from tests.pilot_helpers import SIZE, make_app, screen_text, settle, type_text


class Keys:
    """Presses keys and counts those that are not answer text."""

    def __init__(self, pilot: Pilot) -> None:
        self.pilot = pilot
        self.count = 0

    async def press(self, *keys: str) -> None:
        for key in keys:
            self.count += 1
            await self.pilot.press(key)
            await settle(self.pilot)

    async def answer(self, words: str, *keys: str) -> None:
        """Words typed (not counted), then the keys that take them on."""
        await type_text(self.pilot, words)
        await self.press(*keys)

    def screen(self) -> str:
        app = self.pilot.app
        assert isinstance(app, BackmapApp)
        return screen_text(app)


async def start_look_back(keys: Keys, downs: int = 2) -> None:
    """From the welcome screen: "Look back at a plan", then the only plan in the folder."""
    await keys.press(*["down"] * downs)
    assert keys.pilot.app.focused is not None and keys.pilot.app.focused.id == "look-back"
    await keys.press("enter", "enter")


async def set_date(keys: Keys, day: str) -> None:
    assert "When is this look-back?" in keys.screen()
    await keys.press("ctrl+u")
    await keys.answer(day, "enter")


async def add_quote(keys: Keys, text: str, by: str, share_downs: int, stone_downs: int) -> None:
    """The Add box of "What did people say?": words, who, share, stepping stone, no photo."""
    await keys.press("enter")  # Add
    await keys.answer(text, "enter")
    await keys.answer(by, "enter")
    await keys.press(*["down"] * share_downs, "enter")
    await keys.press(*["down"] * stone_downs, "enter")
    await keys.press("enter", "enter")  # no photo, no words for it


async def first_look_back(keys: Keys) -> None:
    await start_look_back(keys)
    await set_date(keys, "1 March 2027")
    assert "Who is here for this look-back?" in keys.screen()
    await keys.press("space", "down", "space", "ctrl+n")
    # Activities: a1 done 3 times, a2 started, a3 not yet, a4 not yet, a5 stopped.
    assert "activity 1 of 5" in keys.screen()
    await keys.press("d")
    await keys.answer("3", "enter")
    await keys.answer("Sam and 5 others", "enter")
    await keys.press("s", "enter", "enter", "n", "n", "w")
    # Stepping stones: o1 on the way, o2 not yet (Sam says it happened), o3 happened, o4 changed.
    assert "stepping stone 1 of 4" in keys.screen()
    await keys.press("o")
    await keys.answer("We have written two pages.", "enter")
    await keys.press("enter")  # we all agree
    await keys.press("n", "enter", "2")
    await keys.press("i", "enter", "enter", "w", "enter", "enter")
    assert "What did people say?" in keys.screen()
    await add_quote(keys, "I chose the colours.", "Sam", share_downs=0, stone_downs=3)
    await add_quote(keys, "I felt sad at the second meeting.", "Sam", share_downs=2, stone_downs=0)
    await keys.press("ctrl+n")
    assert "What happened that nobody planned?" in keys.screen()
    await keys.press("enter")
    await keys.answer("Sam now runs the tea break.", "enter")
    await keys.press("ctrl+n")
    await keys.answer("The meetings were too long.", "enter")
    await keys.answer("Short meetings work better.", "enter")
    await keys.answer("Meet every two weeks.", "enter")


async def test_two_look_backs_by_keys_hold_exactly_what_was_chosen(tmp_path: Path) -> None:
    path = example_copy(tmp_path)
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        keys = Keys(pilot)
        await first_look_back(keys)
        now = keys.screen()
        assert "Your pathway now" in now
        assert "[~] On the way: We have a full plan" in now
        assert "First time" not in now  # only one look-back so far
        await keys.press("ctrl+n")
        assert "Finish this look-back" in keys.screen()
        await keys.press("enter")  # Finish
        assert "You have finished the look-back of 1 March 2027." in keys.screen()
        await keys.press("enter")  # back to the start
        first_count = keys.count

        await start_look_back(keys, downs=0)  # the welcome screen keeps its place
        assert "Start a new look-back" in keys.screen()
        await keys.press("enter")
        await set_date(keys, "1 June 2027")
        await keys.press("ctrl+n")  # nobody ticked: skipped
        await keys.press("d", "enter", "enter", "d", "enter", "enter", "d", "enter", "enter", "s", "enter", "enter", "w")
        await keys.press("i", "enter", "enter", "o", "enter", "enter", "i", "enter", "enter", "i", "enter", "enter")
        await keys.press("ctrl+n", "ctrl+n", "enter", "enter", "enter")
        now = keys.screen()
        assert "Your pathway now" in now
        assert "First time: On the way. Now: It happened." in now
        await keys.press("ctrl+n", "enter")
        assert "You have finished the look-back of 1 June 2027." in keys.screen()

    saved = tomllib.loads(path.read_text(encoding="utf-8"))
    assert saved["schema_version"] == 2
    first, second = saved["checkins"]
    assert first["id"] == "c1" and first["date"] == date(2027, 3, 1) and first["finished"] is True
    assert first["who"] == ["Sam", "Priya"]
    assert [(a["activity"], a["status"]) for a in first["activities"]] == [
        ("a1", "done"), ("a2", "started"), ("a3", "not-yet"), ("a4", "not-yet"), ("a5", "stopped"),
    ]
    assert first["activities"][0]["times"] == 3 and first["activities"][0]["came"] == "Sam and 5 others"
    assert "times" not in first["activities"][1] and first["activities"][1].get("came", "") == ""
    assert [(o["outcome"], o["status"], o.get("person_says", "")) for o in first["outcomes"]] == [
        ("o1", "on-the-way", ""), ("o2", "not-yet", "happened"), ("o3", "happened", ""), ("o4", "changed-plan", ""),
    ]
    assert first["outcomes"][0]["how_we_know"] == "We have written two pages."
    assert [(v["text"], v["said_by"], v["share"], v.get("outcome", "")) for v in first["voices"]] == [
        ("I chose the colours.", "Sam", "yes", "o3"),
        ("I felt sad at the second meeting.", "Sam", "no", ""),
    ]
    assert [s["text"] for s in first["surprises"]] == ["Sam now runs the tea break."]
    assert first["reflection"] == {
        "hard": "The meetings were too long.",
        "learned": "Short meetings work better.",
        "next": "Meet every two weeks.",
    }
    assert second["id"] == "c2" and second["date"] == date(2027, 6, 1) and second["finished"] is True
    assert second.get("who", []) == []
    assert [o["status"] for o in second["outcomes"]] == ["happened", "on-the-way", "happened", "happened"]
    # Each answer cost at most 2 keys beyond its words: 36 answers and the way in and out.
    assert first_count <= 60, first_count
