"""Changing an earlier look-back shows the pathway as it was at that look-back.

"Your pathway now" (its words, its drawing and what read aloud says) takes the look-back's own
answers and, for "First time", only the look-backs before it: never those of a later one.
"""

from __future__ import annotations

from pathlib import Path

from backmap.core import going, pathway_drawing, progress_words
from backmap.core.plan import Plan
from backmap.screens.interview import InterviewScreen
from tests.look_back_plans import example_with_look_backs, write_with_photo
from tests.pilot_helpers import SIZE, go_to, make_app, screen_text, settle


def said(plan: Plan, checkin_index: int) -> str:
    """The words of "Your pathway now" for one of the plan's look-backs, one line each."""
    return "\n".join(text for _, text in progress_words.lines(plan, plan.checkins[checkin_index]))


def test_progress_up_to_a_look_back_leaves_out_the_later_ones() -> None:
    plan = example_with_look_backs()
    first, second = plan.checkins
    then = going.Progress(plan, up_to=first)
    assert then.status("activity", "a5") == "not-yet"  # stopped only at the second look-back
    assert then.status("outcome", "o1") == "on-the-way"
    assert then.newest is first
    assert then.first_and_now("o1") is None  # one look-back so far: no "first time"
    assert then.history["o1"] == [(first.date, "on-the-way")]
    # Up to the newest one, it is the same as no cut-off at all.
    every = going.Progress(plan)
    latest = going.Progress(plan, up_to=second)
    assert (latest.latest, latest.history) == (every.latest, every.history)


def test_two_look_backs_on_one_day_stop_at_the_one_asked_for() -> None:
    plan = example_with_look_backs()
    first, second = plan.checkins
    second.date = first.date
    assert going.Progress(plan, up_to=first).status("activity", "a5") == "not-yet"
    assert going.Progress(plan, up_to=second).status("activity", "a5") == "stopped"


def test_the_words_of_an_earlier_look_back_are_its_own() -> None:
    plan = example_with_look_backs()
    earlier = said(plan, 0)
    assert "[ ] Not yet: Group members help plan and run events" in earlier  # a5 then
    assert "[-] We stopped it" not in earlier  # a5 at the later look-back
    assert "[~] On the way: We have a full plan" in earlier
    assert "Someone sees it another way: It happened." in earlier  # its own answers
    assert "First time" not in earlier  # nothing before it
    later = said(plan, 1)
    assert "[-] We stopped it: Group members help plan and run events" in later
    assert "First time: On the way. Now: It happened." in later


def test_an_earlier_look_back_being_changed_sees_only_the_ones_before_it() -> None:
    plan = example_with_look_backs()
    first = plan.checkins[0]
    plan.outcome_check(first, "o1", status="happened")  # changed, not finished again yet
    first.finished = False
    earlier = said(plan, 0)
    assert "[x] It happened: We have a full plan" in earlier
    assert "First time" not in earlier


def test_the_drawing_of_an_earlier_look_back_agrees_with_its_words() -> None:
    plan = example_with_look_backs()
    drawing = "\n".join(pathway_drawing.draw(plan, 80, first_and_now=True, look_back=plan.checkins[0]).lines)
    flat = " ".join(drawing.split())
    assert "at the look-back on 1 March 2027" in flat
    assert "[-] We stopped it" not in flat and "First time" not in flat


async def test_changing_the_look_back_of_1_march_shows_the_pathway_as_it_was_then(tmp_path: Path) -> None:
    write_with_photo(example_with_look_backs(), tmp_path)
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("down", "down", "enter", "enter")  # "Look back at a plan", the plan
        await settle(pilot)
        await pilot.press("down", "down", "enter")  # "Change the look-back of 1 March 2027"
        await settle(pilot)
        assert "You are changing the look-back of 1 March 2027." in " ".join(screen_text(app).split())
        interview = app.interview()
        assert isinstance(interview, InterviewScreen)
        pages = interview.flow.pages
        go_to(app, next(i for i, page in enumerate(pages) if page.kind == "look_back_pathway"))
        await settle(pilot)
        shown = screen_text(app)
        assert "Your pathway now" in shown
        assert "[~] On the way: We have a full plan" in shown  # 1 March, not 1 June's "It happened"
        assert "First time" not in shown
        assert "[x] It happened: We have a full plan" not in shown
