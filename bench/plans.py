"""Plans of any size for the benchmark, made through the plan model like the app makes them."""

from __future__ import annotations

from backmap.core.plan import KINDS, PARTS, Person, Plan

_SENTENCE = (
    "people from the day centre meet every week to plan the garden and the cafe together "
    "and they write down what went well and what to change next time"
)
_WORDS = _SENTENCE.split()


def _words(number: int, count: int) -> str:
    """Some varied words, about as long as a typed answer."""
    return " ".join(_WORDS[(number * 7 + i * 3) % len(_WORDS)] for i in range(count)).capitalize()


def make_plan(activities: int, outcomes: int | None = None, people: int = 6) -> Plan:
    """A full plan: title, impact, people, outcomes in both parts, and linked activities.

    By default there is one stepping stone for every ten activities (at least two per
    part); each activity helps one or two stepping stones of its own part, and every
    fifth also one of the other part.
    """
    if outcomes is None:
        outcomes = max(4, activities // 10)
    plan = Plan(title="The new day centre")
    plan.impact.project = "A day centre that people want to come to, run with the people who use it."
    plan.impact.coproduction = "People who use the centre share the decisions and are paid for their time."
    plan.impact.lasting_change = "The group keeps meeting and deciding after the project ends."
    plan.assumptions.append("The council keeps the building open.")

    for number in range(people):
        plan.people.append(Person(name=f"Person {number + 1}", role=_words(number, 4)))
    by_part: dict[str, list[str]] = {part: [] for part in PARTS}
    for number in range(outcomes):
        part = PARTS[number % 2]
        stone = plan.add_outcome(part, _words(number, 9), how_we_know=_words(number + 1, 8))
        by_part[part].append(stone.id)
    for number in range(activities):
        part = PARTS[number % 2]
        own = by_part[part]
        links = [own[number % len(own)], own[(number * 7 + 3) % len(own)]]
        if number % 5 == 0:
            other = by_part[PARTS[(number + 1) % 2]]
            links.append(other[number % len(other)])
        plan.add_activity(
            part,
            _words(number, 10),
            kind=KINDS[number % len(KINDS)],
            outcomes=links,
            who=f"Person {number % people + 1}",
            when=f"Week {number % 52 + 1}",
        )
    return plan


def make_list_plan(items: int) -> Plan:
    """A plan whose four list steps each hold ``items`` rows (stepping stones or activities)."""
    return make_plan(activities=2 * items, outcomes=2 * items)


def make_looked_back_plan(look_backs: int, activities: int = 40) -> Plan:
    """A plan of everyday size looked back at ``look_backs`` times, every look-back finished.

    Each look-back says how every activity and stepping stone went, with how we know,
    holds three quotes (one of each share choice), a surprise and what we learned.
    """
    from datetime import date, timedelta

    from backmap.core.plan import Reflection, Surprise, Voice

    plan = make_plan(activities)
    activity_statuses = ("not-yet", "started", "done", "done")
    stone_statuses = ("not-yet", "on-the-way", "on-the-way", "happened")
    for turn in range(look_backs):
        checkin = plan.add_checkin(date(2027, 1, 1) + timedelta(days=14 * turn), ["Person 1", "Person 2"])
        for number, activity in enumerate(plan.activities):
            status = activity_statuses[min(turn + number % 2, 3)]
            plan.activity_check(checkin, activity.id, status=status, times=turn + 1, came=_words(number, 3))
        for number, stone in enumerate(plan.outcomes):
            status = stone_statuses[min(turn + number % 3, 3)]
            plan.outcome_check(checkin, stone.id, status=status, how_we_know=_words(turn + number, 8))
        for number, share in enumerate(("yes", "team", "no")):
            stone = plan.outcomes[(turn + number) % len(plan.outcomes)]
            checkin.voices.append(Voice(_words(turn * 3 + number, 9), "Person 1", stone.id, share))
        checkin.surprises.append(Surprise(_words(turn, 10)))
        checkin.reflection = Reflection(_words(turn, 5), _words(turn + 1, 6), _words(turn + 2, 5))
        checkin.finished = True
    return plan
