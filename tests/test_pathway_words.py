"""The pathway in words (plain mode reads it out): which activity leads to which stepping stone."""

from __future__ import annotations

from backmap.core import pathway
from backmap.core.plan import Plan


def small_plan() -> Plan:
    plan = Plan(title="Tea and talk")
    plan.impact.project = "People meet each week."
    stone = plan.add_outcome("project", "We find a room.")
    plan.add_outcome("project", "We have cups.")  # nothing helps it
    plan.add_activity("project", "Visit three rooms", "event", [stone.id])
    plan.add_activity("project", "Bake a cake")  # helps nothing
    plan.add_activity("coproduction", "Sam shows the rooms", "one-to-one", [stone.id])
    return plan


def test_each_stone_has_its_own_activities_and_gaps_are_said() -> None:
    assert pathway.lines(small_plan(), width=200) == [
        "The project",
        "  Activity: Visit three rooms",
        "  Activity: Sam shows the rooms",
        "    -> Stepping stone: We find a room.",
        "  This stepping stone needs an activity.",
        "    -> Stepping stone: We have cups.",
        "  Activity: Bake a cake",
        "    -> This activity needs a stepping stone.",
        "      -> Impact: People meet each week.",
        "",
        "Co-production",
        "  There are no stepping stones yet.",
        "      -> Impact: Not written yet.",
    ]


def test_long_answers_are_cut_to_the_width() -> None:
    plan = small_plan()
    plan.impact.project = "word " * 40
    lines = pathway.lines(plan, width=40)
    assert all(len(line) <= 40 for line in lines)
    assert any(line.endswith("...") for line in lines)
