"""Plans with look-backs that tests share: the worked example looked back at twice, and a big one.

The quotes' words say who may see them, so a test can look for them in any output.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from backmap.core import store
from backmap.core.plan import Plan, Reflection, Surprise, Voice
from tests.example_plans import EXAMPLE

FIRST_DAY = date(2027, 3, 1)
SECOND_DAY = date(2027, 6, 1)
YES_QUOTE = "I chose the colours for the room."
TEAM_QUOTE = "The team meetings were long for me."
NO_QUOTE = "I felt sad at the second meeting."
PHOTO = "photos/room.png"
PHOTO_WORDS = "Sam painting the wall green."
# The smallest real picture: one green pixel, so a page can show it and a test can find it.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


def example_with_look_backs() -> Plan:
    """The worked example with two finished look-backs, three months apart."""
    plan = store.load(EXAMPLE)
    first = plan.add_checkin(FIRST_DAY, ["Sam", "Priya"])
    plan.activity_check(first, "a1", status="done", times=3, came="Sam and 5 others")
    plan.activity_check(first, "a2", status="started", times=1)
    plan.activity_check(first, "a3", status="done", times=2, came="8 people")
    plan.activity_check(first, "a4", status="not-yet")
    plan.activity_check(first, "a5", status="not-yet")
    plan.outcome_check(first, "o1", status="on-the-way", how_we_know="We have written two pages.")
    plan.outcome_check(first, "o2", status="not-yet")
    plan.outcome_check(
        first,
        "o3",
        status="on-the-way",
        person_says="happened",
        how_we_know="Sam chose the colours for the room.",
    )
    plan.outcome_check(first, "o4", status="not-yet")
    first.voices += [
        Voice(YES_QUOTE, "Sam", "o3", "yes", PHOTO, PHOTO_WORDS),
        Voice(TEAM_QUOTE, "Sam", "o3", "team"),
        Voice(NO_QUOTE, "Sam", "", "no"),
    ]
    first.surprises.append(Surprise("Sam now runs the tea break at every meeting."))
    first.reflection = Reflection(
        hard="The meetings were too long.",
        learned="Short meetings with a break work better.",
        next="Meet every two weeks.",
    )
    first.finished = True
    second = plan.add_checkin(SECOND_DAY, ["Sam", "Priya"])
    for activity, status in (
        ("a1", "done"),
        ("a2", "done"),
        ("a3", "done"),
        ("a4", "started"),
        ("a5", "stopped"),
    ):
        plan.activity_check(second, activity, status=status)
    plan.outcome_check(second, "o1", status="happened", how_we_know="The plan is finished and printed.")
    plan.outcome_check(second, "o2", status="on-the-way", how_we_know="We met 30 people in the area.")
    plan.outcome_check(second, "o3", status="happened", how_we_know="The group chose the name of the centre.")
    plan.outcome_check(second, "o4", status="changed-plan", how_we_know="We will ask people at the market.")
    second.voices.append(Voice("We chose the name together.", "Priya", "o3", "yes"))
    second.reflection = Reflection(next="Open the centre in the autumn.")
    second.finished = True
    return plan


def example_with_open_look_back() -> Plan:
    """The worked example looked back at twice, the second look-back not finished yet."""
    plan = example_with_look_backs()
    plan.checkins[1].finished = False
    return plan


def write_with_photo(plan: Plan, folder: Path, name: str = "plan.toml") -> Path:
    """Save the plan in ``folder`` with its photo beside it; returns the plan's path."""
    path = folder / name
    (folder / "photos").mkdir(exist_ok=True)
    (folder / PHOTO).write_bytes(PNG)
    store.save(plan, path)
    return path


def big_looked_back_plan(
    stones: int = 20, activities: int = 40, look_backs: int = 6, quotes: int = 60
) -> Plan:
    """A big plan looked back at many times, with quotes of every share choice."""
    plan = Plan(title="A big plan for a big day centre")
    plan.impact.project = "People have a day centre they chose. " * 3
    plan.impact.coproduction = "People who use the centre make the choices. " * 3
    plan.impact.lasting_change = "People are asked first, every time. " * 3
    plan.add_person("Sam", "member")
    plan.add_person("Priya", "supporter")
    stone_ids = [
        plan.add_outcome("project" if n % 2 else "coproduction", f"Stepping stone {n} with some words").id
        for n in range(stones)
    ]
    activity_ids = [
        plan.add_activity(
            "project" if n % 2 else "coproduction",
            f"Activity {n} with some words",
            outcomes=[stone_ids[n % stones]],
        ).id
        for n in range(activities)
    ]
    statuses = ("not-yet", "on-the-way", "on-the-way", "happened", "happened", "changed-plan")
    for turn in range(look_backs):
        checkin = plan.add_checkin(FIRST_DAY + timedelta(days=60 * turn), ["Sam", "Priya"])
        for activity in activity_ids:
            plan.activity_check(checkin, activity, status="done" if turn else "started", times=turn + 1)
        for stone in stone_ids:
            plan.outcome_check(
                checkin, stone, status=statuses[turn % len(statuses)], how_we_know=f"We saw it {turn}."
            )
        for n in range(quotes // look_backs):
            share = ("yes", "team", "no")[n % 3]
            checkin.voices.append(
                Voice(f"Quote {turn}-{n} that {share} may see.", "Sam", stone_ids[n % stones], share)
            )
        checkin.surprises.append(Surprise(f"Something nobody planned, number {turn}."))
        checkin.reflection = Reflection(hard="Time.", learned="Ask early.", next=f"Look back again {turn}.")
        checkin.finished = True
    return plan


def looked_back_twice(plan: Plan, text: Callable[[], str], share: str = "yes") -> Plan:
    """The plan with two finished look-backs in which text() fills every typed field.

    Made for summary_support.shaped_plan: a hostile text() puts hostile words everywhere a
    look-back holds words (quotes, who said them, photos and their words, surprises...).
    """
    for day in (FIRST_DAY, SECOND_DAY):
        checkin = plan.add_checkin(day, [text(), text()])
        for activity in plan.activities:
            plan.activity_check(checkin, activity.id, status="done", times=2, came=text())
        for outcome in plan.outcomes:
            plan.outcome_check(checkin, outcome.id, status="on-the-way", how_we_know=text())
        for outcome in plan.outcomes:
            checkin.voices.append(Voice(text(), text(), outcome.id, share, text(), text()))
        checkin.surprises.append(Surprise(text()))
        checkin.reflection = Reflection(hard=text(), learned=text(), next=text())
        checkin.finished = True
    return plan


def long_words(number: int, length: int = 230) -> str:
    """Ordinary words, about ``length`` letters of them: a long answer, as people write one."""
    sentence = f"We wrote a lot about this, number {number}, so that we remember what we did and saw. "
    return (sentence * (length // len(sentence) + 1))[:length].rsplit(" ", 1)[0] + "."


def wordy_looked_back_plan() -> Plan:
    """The worked example with two look-backs where every answer is long and every quote may be shared."""
    plan = example_with_look_backs()
    numbers = iter(range(1, 10_000))
    plan.impact.project, plan.impact.coproduction, plan.impact.lasting_change = (
        long_words(next(numbers), 240) for _ in range(3)
    )
    for item in (*plan.outcomes, *plan.activities):
        item.text = long_words(next(numbers))
    for checkin in plan.checkins:
        for entry in checkin.outcomes:
            entry.how_we_know = long_words(next(numbers))
        for entry in checkin.activities:
            entry.came = long_words(next(numbers), 100)
        for voice in checkin.voices:
            voice.text, voice.share = long_words(next(numbers), 300), "yes"
        for surprise in checkin.surprises:
            surprise.text = long_words(next(numbers))
        checkin.reflection.hard = long_words(next(numbers))
        checkin.reflection.learned = long_words(next(numbers))
        checkin.reflection.next = long_words(next(numbers))
    return plan


def docx_words(data: bytes) -> str:
    """Every part inside a .docx, as text: words cannot hide in a part a test did not open."""
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return "\n".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist())


def every_written_file(path: Path) -> dict[str, str]:
    """Every file backmap writes from a saved plan, as the app and `backmap render` write them.

    The summaries and the impact story beside the plan (NAME.md, NAME.html, NAME-story.html,
    NAME-story.md), the Word copy and the poster, and the story's words to be read aloud.
    """
    from backmap import cli
    from backmap.core import story
    from backmap.session.summaries import write_summaries

    plan = store.load(path)
    write_summaries(plan, path)
    story_html, story_md = story.paths(path)
    made = {
        "md": store.summary_path(path).read_text(encoding="utf-8"),
        "html": store.summary_path(path, ".html").read_text(encoding="utf-8"),
        "story html": story_html.read_text(encoding="utf-8"),
        "story md": story_md.read_text(encoding="utf-8"),
        "story read aloud": story.spoken(plan, path),
    }
    for kind, ending in (("docx", ".docx"), ("poster", "-poster.html")):
        target = path.with_name(f"{path.stem}-out{ending}")
        assert cli.main(["render", str(path), "-o", str(target), "--format", kind]) == 0
        made[kind] = docx_words(target.read_bytes()) if kind == "docx" else target.read_text(encoding="utf-8")
    return made


def pictures_in(text: str) -> list[bytes]:
    """The bytes of every base64 picture in an output, so nothing can hide in its encoding."""
    import re

    return [base64.b64decode(found) for found in re.findall(r"base64,([A-Za-z0-9+/]+=*)", text)]
