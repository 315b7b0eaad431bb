"""The look-back interview, by keys at 80x24, as two people at one laptop would do it."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

from backmap import content
from backmap.app import BackmapApp
from backmap.core import look_back
from backmap.core.plan import Voice
from backmap.session.speech import Speaker
from backmap.widgets.answer import AnswerBox
from tests.example_plans import example_copy
from tests.look_back_plans import (
    NO_QUOTE,
    TEAM_QUOTE,
    example_with_look_backs,
    example_with_open_look_back,
    write_with_photo,
)
from tests.pilot_helpers import SIZE, KeyCounter, make_app, open_look_back_at, screen_text, settle, type_text


async def start_look_back(keys: KeyCounter, downs: int = 2) -> None:
    """From the welcome screen: "Look back at a plan", then the only plan in the folder."""
    await keys.press(*["down"] * downs)
    assert keys.pilot.app.focused is not None and keys.pilot.app.focused.id == "look-back"
    await keys.press("enter", "enter")


async def set_date(keys: KeyCounter, day: str) -> None:
    assert "When is this look-back?" in keys.screen()
    await keys.press("ctrl+u")
    await keys.answer(day, "enter")


async def add_quote(keys: KeyCounter, text: str, by: str, share: str, stone: str) -> None:
    """The Add box of "What did people say?": words, who, share and stepping stone (each one
    key: a number or a first letter), no photo."""
    await keys.press("enter")  # Add
    await keys.answer(text, "enter")
    await keys.answer(by, "enter")
    assert "1. Anyone may see it" in keys.screen() and "3. Keep it private" in keys.screen()
    await keys.press(share)
    assert "1. No stepping stone" in keys.screen()
    await keys.press(stone)
    await keys.press("enter")  # no photo: what it shows is not asked, and the box closes
    assert "What did people say?" in keys.screen()


async def first_look_back(keys: KeyCounter) -> None:
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
    await add_quote(keys, "I chose the colours.", "Sam", share="1", stone="4")
    await add_quote(keys, "I felt sad at the second meeting.", "Sam", share="k", stone="1")
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
        keys = KeyCounter(pilot)
        await first_look_back(keys)
        now = keys.screen()
        assert "Your pathway now" in now
        assert "[~] On the way: We have a full plan" in now
        assert "First time" not in now  # only one look-back so far
        await keys.press("ctrl+n")
        assert "Finish this look-back" in keys.screen()
        await keys.press("enter")  # Finish
        assert "You have finished the look-back of 1 March 2027." in keys.screen()
        unboxed = keys.screen().replace("┃", "").replace(" ", "").replace("\n", "")  # a long path wraps
        assert f"Yourimpactstory:{(tmp_path / 'plan-story.html').resolve()}" in unboxed
        await keys.press("enter")  # back to the start
        first_count = keys.count

        await start_look_back(keys, downs=0)  # the welcome screen keeps its place
        assert "Start a new look-back" in keys.screen()
        await keys.press("enter")
        await set_date(keys, "1 June 2027")
        await keys.press("ctrl+n")  # nobody ticked: skipped
        await keys.press(
            "d", "enter", "enter", "d", "enter", "enter", "d", "enter", "enter", "s", "enter", "enter", "w"
        )
        await keys.press(
            "i", "enter", "enter", "o", "enter", "enter", "i", "enter", "enter", "i", "enter", "enter"
        )
        await keys.press("ctrl+n", "ctrl+n", "enter", "enter", "enter")
        now = keys.screen()
        assert "Your pathway now" in now
        assert "First time: On the way. Now: It happened." in now
        await keys.press("ctrl+n", "enter")
        assert "You have finished the look-back of 1 June 2027." in keys.screen()

    assert "I chose the colours." in (tmp_path / "plan-story.html").read_text(encoding="utf-8")
    saved = tomllib.loads(path.read_text(encoding="utf-8"))
    assert saved["schema_version"] == 2
    first, second = saved["checkins"]
    assert first["id"] == "c1" and first["date"] == date(2027, 3, 1) and first["finished"] is True
    assert first["who"] == ["Sam", "Priya"]
    assert [(a["activity"], a["status"]) for a in first["activities"]] == [
        ("a1", "done"),
        ("a2", "started"),
        ("a3", "not-yet"),
        ("a4", "not-yet"),
        ("a5", "stopped"),
    ]
    assert first["activities"][0]["times"] == 3 and first["activities"][0]["came"] == "Sam and 5 others"
    assert "times" not in first["activities"][1] and first["activities"][1].get("came", "") == ""
    assert [(o["outcome"], o["status"], o.get("person_says", "")) for o in first["outcomes"]] == [
        ("o1", "on-the-way", ""),
        ("o2", "not-yet", "happened"),
        ("o3", "happened", ""),
        ("o4", "changed-plan", ""),
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
    # 37 answers (a date, who, 8 about activities, 12 about stepping stones, 2 quotes of 5
    # questions (no photo, so what it shows is not asked), a surprise, 3 about what we learned)
    # and 12 keys to move: in from the welcome screen, Add three times, on from two lists, past
    # the pathway, Finish, and out. 55 keys measured (57 when a quote without a photo still
    # asked what the photo shows); each status and share 1 key, each typed or skipped answer 1.
    assert first_count <= 55, first_count


# ----- earlier look-backs change only when someone chooses to --------------------------------


class Recorder(Speaker):
    """A speaker that keeps what it was asked to say."""

    def __init__(self) -> None:
        super().__init__(command=[])
        self.said: list[str] = []

    def toggle(self, text: str) -> str:
        self.said.append(text)
        return "started"


def looked_back_twice(folder: Path) -> Path:
    return write_with_photo(example_with_look_backs(), folder)


async def test_an_earlier_look_back_changes_only_when_chosen(tmp_path: Path) -> None:
    path = looked_back_twice(tmp_path)
    before = path.read_bytes()
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        keys = KeyCounter(pilot)
        await start_look_back(keys)
        shown = keys.screen()
        assert "Look-backs so far: 2. The last one was on 1 June 2027." in keys.flat()
        assert (
            "Change the look-back of 1 June 2027" in shown and "Change the look-back of 1 March 2027" in shown
        )
        await keys.press("escape")  # changed our minds: nothing is made, nothing is changed
        assert path.read_bytes() == before
        assert app.interview() is None

        await keys.press("enter", "enter")  # the list again, then the plan
        await keys.press("down", "down", "enter")  # the look-back of 1 March 2027
        assert "You are changing the look-back of 1 March 2027." in keys.flat()
        assert "1 March 2027" in keys.screen()  # its date, not today's
        await keys.press("enter", "ctrl+n")  # the same date, the same people
        # a1, a2 and a3 keep their answers (Enter on the answer chosen, then on each of its two
        # questions); a4 goes from not yet to started.
        await keys.press(*["enter"] * 9, "s")
        assert "How many times did it happen?" in keys.screen()  # asked now that it started
    saved = tomllib.loads(path.read_text(encoding="utf-8"))
    assert [c["id"] for c in saved["checkins"]] == ["c1", "c2"]  # no new look-back was made
    first = saved["checkins"][0]
    assert first["finished"] is True
    assert [a["status"] for a in first["activities"]] == ["done", "started", "done", "started", "not-yet"]
    assert saved["checkins"][1] == tomllib.loads(before.decode())["checkins"][1]


async def test_start_a_new_look_back_leaves_the_earlier_ones_as_they_were(tmp_path: Path) -> None:
    path = looked_back_twice(tmp_path)
    earlier = tomllib.loads(path.read_text(encoding="utf-8"))["checkins"]
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        keys = KeyCounter(pilot)
        await start_look_back(keys)
        await keys.press("enter")  # Start a new look-back
        assert "A new look-back has started." in keys.flat()
        assert content.long_date(date.today()) in keys.screen()
        await keys.press("enter", "space", "ctrl+n", "d")
    saved = tomllib.loads(path.read_text(encoding="utf-8"))
    assert saved["checkins"][:2] == earlier
    new = saved["checkins"][2]
    assert new["id"] == "c3" and new["finished"] is False and new["date"] == date.today()
    assert new["who"] == ["Sam"] and new["activities"] == [{"activity": "a1", "status": "done"}]


async def test_a_half_way_look_back_is_carried_on_where_it_stopped(tmp_path: Path) -> None:
    path = example_copy(tmp_path)
    app = make_app(tmp_path, path)
    app.start_looking_back = True
    async with app.run_test(size=SIZE) as pilot:
        keys = KeyCounter(pilot)
        await keys.press("enter", "space", "ctrl+n", "d")
        await keys.answer("2", "enter")
        await keys.press("ctrl+q")
    again = make_app(tmp_path)
    async with again.run_test(size=SIZE) as pilot:
        keys = KeyCounter(pilot)
        await start_look_back(keys)  # no question: the one not finished is carried on
        shown = keys.screen()
        assert f"We carry on with the look-back of {content.long_date(date.today())}." in keys.flat()
        assert "Who came?" in shown and "activity 1 of 5" in shown
    saved = tomllib.loads(path.read_text(encoding="utf-8"))
    assert len(saved["checkins"]) == 1
    assert saved["checkins"][0]["activities"] == [{"activity": "a1", "status": "done", "times": 2}]


async def test_a_date_nobody_can_read_is_explained_and_the_step_stays(tmp_path: Path) -> None:
    path = example_copy(tmp_path)
    app = make_app(tmp_path, path)
    app.start_looking_back = True
    async with app.run_test(size=SIZE) as pilot:
        keys = KeyCounter(pilot)
        await keys.press("ctrl+u")
        await keys.answer("next Tuesday", "enter")
        shown = keys.screen()
        assert "We cannot read next Tuesday as a date. Type it like this: 4 December 2026." in keys.flat()
        assert "When is this look-back?" in shown
        await keys.press("ctrl+u")
        await keys.answer("5 May 2027", "enter")
        assert "Who is here for this look-back?" in keys.screen()
    saved = tomllib.loads(path.read_text(encoding="utf-8"))
    assert saved["checkins"][0]["date"] == date(2027, 5, 5)


async def test_private_words_are_shown_to_the_team_but_never_read_aloud(tmp_path: Path) -> None:
    plan = example_with_open_look_back()
    second = plan.checkins[1]
    second.voices += [
        Voice(TEAM_QUOTE, "Sam", "", "team"),
        Voice(NO_QUOTE, "Sam", "", "no"),
        Voice("Nobody chose.", "Ali"),
    ]
    path = write_with_photo(plan, tmp_path)
    speaker = Recorder()
    async with open_look_back_at(path, None, speaker) as (app, pilot):
        interview = app.interview()
        assert interview is not None
        for index in range(len(interview.flow.pages)):
            interview.go_to(index)
            await settle(pilot, 2)
            await pilot.press("ctrl+o")
        voices = interview.flow.index_of("look_back_voices")
        interview.go_to(voices)
        await settle(pilot)
        assert NO_QUOTE in screen_text(app)  # the people who said it can see and change it
    spoken = "\n".join(speaker.said)
    assert TEAM_QUOTE in spoken and "We chose the name together." in spoken
    assert NO_QUOTE not in spoken and "Nobody chose." not in spoken
    assert spoken.count("Kept private") >= 2


async def test_hostile_words_in_a_quote_are_shown_as_they_are(tmp_path: Path) -> None:
    plan = example_with_open_look_back()
    second = plan.checkins[1]
    hostile = "[bold red]loud[/] \x1b[31mred\x1b[0m ../../etc/passwd"
    second.voices.append(
        Voice(hostile, "[link=file:///etc/passwd]Sam[/link]", "", "yes", "../../etc/passwd", "x")
    )
    path = write_with_photo(plan, tmp_path)
    async with open_look_back_at(path, "look_back_voices", Recorder()) as (app, _):
        shown = screen_text(app)
    assert "[bold red]loud[/]" in shown and "../../etc/passwd" in shown
    assert "Said by [link=file:///etc/passwd]Sam[/link]" in shown
    assert "\x1b" not in shown


async def test_keys_typed_quickly_after_a_status_key_reach_the_steps_after_it(tmp_path: Path) -> None:
    from textual import events

    path = example_copy(tmp_path)
    app = make_app(tmp_path, path)
    app.start_looking_back = True
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter", "ctrl+n")  # today, nobody ticked
        await settle(pilot)
        driver = app._driver
        assert driver is not None
        # All at once, as a quick typist: each status key moves on before the next key is read.
        for key, character in [
            ("d", "d"),
            ("enter", "\r"),
            ("enter", "\r"),
            ("s", "s"),
            ("enter", "\r"),
            ("enter", "\r"),
            ("n", "n"),
            ("w", "w"),
        ]:
            event = events.Key(key, character)
            event.set_sender(app)
            driver.send_message(event)
        for _ in range(40):
            await pilot.pause(0.05)
        assert "activity 5 of 5" in screen_text(app)
    saved = tomllib.loads(path.read_text(encoding="utf-8"))
    assert [a["status"] for a in saved["checkins"][0]["activities"]] == [
        "done",
        "started",
        "not-yet",
        "stopped",
    ]


async def test_read_aloud_on_a_status_step_says_what_it_is_about_and_the_answers(tmp_path: Path) -> None:
    path = example_copy(tmp_path)
    speaker = Recorder()
    app = BackmapApp(folder=tmp_path, plan_path=path, speaker=speaker, look_back=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter", "space")
        await settle(pilot)
        await pilot.press("ctrl+o", "ctrl+n")
        await settle(pilot)
        await pilot.press("ctrl+o")
    who, status = speaker.said
    assert "Who is here for this look-back?" in who and "Sam, ticked. Priya." in who
    assert "Did this happen?" in status
    assert '"A set of planning meetings to write down what the centre will offer."' in status
    assert "1. Done. 2. Started. 3. Not yet. 4. We stopped it." in status


async def test_a_look_back_not_finished_is_offered_first_beside_the_earlier_ones(tmp_path: Path) -> None:
    plan = example_with_look_backs()
    plan.add_checkin(date(2027, 9, 1))
    path = write_with_photo(plan, tmp_path)
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        keys = KeyCounter(pilot)
        await start_look_back(keys)
        shown = keys.flat()
        assert "The look-back of 1 September 2027 is not finished." in shown
        assert shown.index("Carry on with the look-back of 1 September 2027") < shown.index(
            "Change the look-back of 1 June 2027"
        )
        assert "Start a new look-back" not in shown  # one at a time: finish this one first
        await keys.press("enter")
        assert "We carry on with the look-back of 1 September 2027." in keys.flat()
    assert len(tomllib.loads(path.read_text(encoding="utf-8"))["checkins"]) == 3


async def test_who_said_it_offers_the_plans_people_and_still_takes_typed_names(tmp_path: Path) -> None:
    """As "Who will do it?" does: Down and Up put a name in the box, typing still works."""
    plan = example_with_open_look_back()
    second = plan.checkins[1]
    second.who.append("Ali")  # typed at this look-back, not one of the plan's people
    path = write_with_photo(plan, tmp_path)
    async with open_look_back_at(path, "look_back_voices", Recorder()) as (app, pilot):
        keys = KeyCounter(pilot)
        app.screen.query_one("#entry-add").focus()
        await keys.press("enter")
        await keys.answer("The new room is bright.", "enter")
        assert "Who said it?" in keys.screen()
        assert "press Down to choose one: Sam, Priya, Ali." in keys.flat()
        box = app.screen.query_one("#item-answer", AnswerBox)
        await keys.press("down")
        assert box.text == "Sam"
        await keys.press("down", "down")
        assert box.text == "Ali"
        await keys.press("up", "enter")
        assert "Who may see it?" in keys.screen()
        assert app.plan.checkins[1].voices[-1].said_by == "Priya"
        await keys.press("ctrl+r")  # back to "Who said it?": a typed name is kept as typed
        assert box.text == "Priya"
        await keys.answer(" and Jo", "enter")
        assert "Who may see it?" in keys.screen()
    saved = tomllib.loads(path.read_text(encoding="utf-8"))
    said = saved["checkins"][1]["voices"][-1]
    assert (said["text"], said["said_by"]) == ("The new room is bright.", "Priya and Jo")


async def test_what_a_photo_shows_is_asked_only_when_there_is_a_photo(tmp_path: Path) -> None:
    plan = example_with_open_look_back()
    path = write_with_photo(plan, tmp_path)
    async with open_look_back_at(path, "look_back_voices", Recorder()) as (app, pilot):
        keys = KeyCounter(pilot)
        app.screen.query_one("#entry-add").focus()
        await add_quote(keys, "No photo with this one.", "Sam", "1", "1")
        assert "What does the photo show?" not in keys.screen()
        app.screen.query_one("#entry-add").focus()
        await keys.press("enter")
        await keys.answer("This one has a photo.", "enter")
        await keys.answer("Sam", "enter")
        await keys.press("1", "1")
        assert "Is there a photo?" in keys.screen()
        # With the box empty this is the last question, and the box says so.
        assert "Question 5 of 5" in keys.screen() and "Done" in keys.screen()
        await type_text(pilot, "room.png")
        await settle(pilot)
        assert "Question 5 of 6" in keys.screen() and "Next" in keys.screen()
        await keys.press("enter")
        assert "What does the photo show?" in keys.screen()
        await keys.press("ctrl+r")  # back from it goes to the photo's name
        assert "Is there a photo?" in keys.screen()
        await keys.press("enter")
        await keys.answer("The room with its new colours.", "enter")
        assert "What did people say?" in keys.screen()
    voices = tomllib.loads(path.read_text(encoding="utf-8"))["checkins"][1]["voices"]
    assert (voices[-2]["text"], voices[-2].get("photo", "")) == ("No photo with this one.", "")
    assert (voices[-1]["photo"], voices[-1]["photo_words"]) == ("room.png", "The room with its new colours.")


def saved_quotes(path: Path) -> list[str]:
    """The words of each thing people said in the look-back not finished, as on disk now."""
    saved = tomllib.loads(path.read_text(encoding="utf-8"))
    return [voice["text"] for voice in saved["checkins"][1].get("voices", [])]


async def test_a_quote_removed_comes_back_in_its_place_with_ctrl_z_and_is_saved(tmp_path: Path) -> None:
    plan = example_with_open_look_back()
    second = plan.checkins[1]
    second.voices += [Voice(TEAM_QUOTE, "Sam", "", "team"), Voice("Nobody chose.", "Ali")]
    path = write_with_photo(plan, tmp_path)
    quotes = saved_quotes(path)
    middle = quotes.index(TEAM_QUOTE)
    assert 0 < middle < len(quotes) - 1
    async with open_look_back_at(path, "look_back_voices") as (app, pilot):
        await pilot.press(*["down"] * middle)
        await pilot.press("tab", "tab", "tab")  # Add, Change, Remove
        assert app.focused is not None and app.focused.id == "entry-remove"
        await pilot.press("enter")
        await settle(pilot)
        asked = " ".join(screen_text(app).replace("┃", " ").split())
        assert look_back.say("remove_detail") in asked and "Ctrl+Z" in asked
        await pilot.press("right", "enter")  # Yes, remove it
        await settle(pilot)
        assert saved_quotes(path) == quotes[:middle] + quotes[middle + 1 :]
        assert TEAM_QUOTE not in screen_text(app)
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert saved_quotes(path) == quotes  # back in the same place, saved at once
        assert TEAM_QUOTE in screen_text(app)
        await pilot.press("ctrl+z")  # only one thing to bring back: the second Ctrl+Z says so
        await settle(pilot)
        assert saved_quotes(path) == quotes
        assert content.word("remove", "nothing_back")[:30] in " ".join(screen_text(app).split())


async def test_delete_on_a_look_back_list_asks_to_remove_as_on_a_plan_s_lists(tmp_path: Path) -> None:
    """The keys list says Delete removes the thing chosen in a list: a look-back's lists too."""
    plan = example_with_open_look_back()
    second = plan.checkins[1]
    second.voices += [Voice(TEAM_QUOTE, "Sam", "", "team")]
    path = write_with_photo(plan, tmp_path)
    quotes = saved_quotes(path)
    async with open_look_back_at(path, "look_back_voices") as (app, pilot):
        await pilot.press("end", "delete")
        await settle(pilot)
        assert look_back.say("remove_detail") in " ".join(screen_text(app).replace("┃", " ").split())
        await pilot.press("right", "enter")  # Yes, remove it
        await settle(pilot)
        assert saved_quotes(path) == quotes[:-1]


async def test_a_private_quote_in_its_change_box_is_never_read_aloud(tmp_path: Path) -> None:
    """Read aloud in the box of a "no" or unchosen quote says it is kept private, not its words."""
    plan = example_with_open_look_back()
    second = plan.checkins[1]
    second.voices = [
        Voice(NO_QUOTE, "Sam", "", "no", "photos/room.png", "Sam crying at the table."),
        Voice("Nobody chose.", "Ali"),
        Voice(TEAM_QUOTE, "Sam", "", "team"),
    ]
    path = write_with_photo(plan, tmp_path)
    speaker = Recorder()
    async with open_look_back_at(path, "look_back_voices", speaker) as (app, pilot):
        for row in range(3):
            await pilot.press("home", *["down"] * row, "enter")  # Change this quote
            await settle(pilot)
            await pilot.press("ctrl+o")  # its words
            await settle(pilot)
            if row == 0:
                for _ in range(5):  # on to "What does the photo show?"
                    await pilot.press("ctrl+n")
                    await settle(pilot)
                assert "What does the photo show?" in screen_text(app)
                await pilot.press("ctrl+o")
                await settle(pilot)
            await pilot.press("escape")
            await settle(pilot)
    spoken = "\n".join(speaker.said)
    assert NO_QUOTE not in spoken and "Nobody chose." not in spoken
    assert "Sam crying at the table." not in spoken
    assert TEAM_QUOTE in spoken  # the team may hear what the team may see
    assert spoken.count("Kept private") >= 3
