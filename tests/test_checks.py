"""Pathway checks: each code fires when its gap is there, on the right item, and not on the example."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from backmap.core import checks, store
from backmap.core.plan import Plan, Voice
from tests.example_plans import EXAMPLE

ALL_CODES = {
    "kind-not-chosen",
    "missing-title",
    "missing-impact-project",
    "missing-impact-coproduction",
    "missing-lasting-change",
    "no-outcomes-project",
    "no-outcomes-coproduction",
    "no-activities-project",
    "no-activities-coproduction",
    "outcome-without-activity",
    "activity-without-outcome",
    "empty-text",
    # Look-back findings (tests/test_checkins.py tests each one).
    "happened-without-evidence",
    "photo-missing",
    "photo-without-words",
    "share-not-chosen",
}


def complete_plan() -> Plan:
    """A plan with no gaps, built by hand so each test can break exactly one thing."""
    plan = Plan(title="Our day centre")
    plan.impact.project = "A new day centre opens."
    plan.impact.coproduction = "It works the way people want."
    plan.impact.lasting_change = "Working together stays normal."
    plan.add_outcome("project", "We have a plan")  # o1
    plan.add_outcome("coproduction", "People help plan the day centre")  # o2
    plan.add_activity("project", "Planning meetings", "meeting", ["o1"])  # a1
    plan.add_activity("coproduction", "A steering group", "steering-group", ["o2"])  # a2
    return plan


def codes(plan: Plan) -> list[tuple[str, str | None]]:
    return [(finding.code, finding.id) for finding in checks.run(plan)]


def test_the_complete_plan_has_no_findings() -> None:
    assert checks.run(complete_plan()) == []


def test_the_example_has_no_findings() -> None:
    assert checks.run(store.load(EXAMPLE)) == []


def test_an_empty_plan_finds_every_missing_part_in_step_order() -> None:
    assert codes(Plan()) == [
        ("missing-title", None),
        ("missing-impact-project", None),
        ("missing-impact-coproduction", None),
        ("missing-lasting-change", None),
        ("no-outcomes-project", None),
        ("no-outcomes-coproduction", None),
        ("no-activities-project", None),
        ("no-activities-coproduction", None),
    ]


@pytest.mark.parametrize(
    ("field", "code"),
    [
        ("title", "missing-title"),
        ("project", "missing-impact-project"),
        ("coproduction", "missing-impact-coproduction"),
        ("lasting_change", "missing-lasting-change"),
    ],
)
@pytest.mark.parametrize("blank", ["", "   \n\t"])
def test_missing_words(field: str, code: str, blank: str) -> None:
    plan = complete_plan()
    if field == "title":
        plan.title = blank
    else:
        setattr(plan.impact, field, blank)
    assert codes(plan) == [(code, None)]


@pytest.mark.parametrize("part", ["project", "coproduction"])
def test_no_outcomes_in_a_part(part: str) -> None:
    plan = complete_plan()
    for outcome in plan.outcomes_in(part):
        plan.remove_outcome(outcome.id)
    found = codes(plan)
    assert (f"no-outcomes-{part}", None) in found
    # Its activities now help nothing, which is a gap of its own.
    activity = plan.activities_in(part)[0]
    assert ("activity-without-outcome", activity.id) in found
    assert len(found) == 2


@pytest.mark.parametrize("part", ["project", "coproduction"])
def test_no_activities_in_a_part(part: str) -> None:
    plan = complete_plan()
    for activity in plan.activities_in(part):
        plan.remove_activity(activity.id)
    outcome = plan.outcomes_in(part)[0]
    assert codes(plan) == [
        ("outcome-without-activity", outcome.id),
        (f"no-activities-{part}", None),
    ]


def test_outcome_without_activity_names_the_stepping_stone() -> None:
    plan = complete_plan()
    plan.edit_activity("a2", outcomes=["o1"])
    found = checks.run(plan)
    assert [(f.code, f.id) for f in found] == [("outcome-without-activity", "o2")]
    assert found[0].message == (
        "The stepping stone 'People help plan the day centre' has no activity yet. "
        "Add one thing you will do to get there."
    )
    assert found[0].as_json() == {
        "code": "outcome-without-activity",
        "id": "o2",
        "message": found[0].message,
    }


def test_activity_without_outcome() -> None:
    plan = complete_plan()
    extra = plan.add_activity("coproduction", "A party for everyone", "event")
    found = checks.run(plan)
    assert [(f.code, f.id) for f in found] == [("activity-without-outcome", extra.id)]
    assert "A party for everyone" in found[0].message


def test_activity_linked_only_to_a_missing_outcome_counts_as_unlinked() -> None:
    plan = complete_plan()
    plan.activity("a2").outcomes = ["o99"]
    found = codes(plan)
    assert ("activity-without-outcome", "a2") in found
    assert ("outcome-without-activity", "o2") in found


@pytest.mark.parametrize("blank", ["", "  ", "\n"])
def test_empty_text_of_an_outcome(blank: str) -> None:
    plan = complete_plan()
    plan.edit_outcome("o1", text=blank)
    found = checks.run(plan)
    assert [(f.code, f.id) for f in found] == [("empty-text", "o1")]
    assert "stepping stone" in found[0].message


def test_empty_text_of_an_activity() -> None:
    plan = complete_plan()
    plan.edit_activity("a1", text=" ")
    found = checks.run(plan)
    assert [(f.code, f.id) for f in found] == [("empty-text", "a1")]
    assert "activity" in found[0].message


def test_long_or_many_line_answers_are_cut_short_in_messages() -> None:
    plan = complete_plan()
    plan.edit_outcome("o2", text="Word " * 100 + "\nsecond line")
    plan.edit_activity("a2", outcomes=["o1"])
    message = checks.run(plan)[0].message
    assert "\n" not in message
    assert "..." in message
    assert len(message) < 160


def test_every_code_is_covered_here_and_has_words(tmp_path: Path) -> None:
    """If a new code is added to checks, this test asks for a test of it."""
    from backmap import content

    assert set(content.load("words")["checks"]) == ALL_CODES
    seen: set[str] = set()
    plans = [Plan(), complete_plan()]
    broken = complete_plan()
    broken.add_activity("project", "helps nothing")
    broken.add_activity("project", "nobody chose its kind", kind="")
    broken.add_outcome("project", "")
    broken.add_outcome("coproduction", "nobody helps this")
    plans.append(broken)
    looked_back = complete_plan()
    checkin = looked_back.add_checkin(date(2027, 3, 1))
    looked_back.outcome_check(checkin, "o1", status="happened")
    checkin.voices.append(Voice("We did it.", photo="missing.jpg"))
    checkin.finished = True
    plans.append(looked_back)
    for plan in plans:
        seen.update(f.code for f in checks.run(plan, tmp_path))
    assert seen == ALL_CODES


def test_findings_point_to_a_page_that_fixes_them() -> None:
    """ "Fix this" on the check step jumps to the page named here, so each must be the right one."""
    broken = complete_plan()
    loose = broken.add_activity("coproduction", "helps nothing")
    lonely = broken.add_outcome("project", "nobody helps this")
    empty = broken.add_outcome("coproduction", "")
    pages = {(f.code, f.id): f.page for f in checks.run(Plan()) + checks.run(broken)}
    assert pages == {
        ("missing-title", None): "title",
        ("missing-impact-project", None): "impact_project",
        ("missing-impact-coproduction", None): "impact_coproduction",
        ("missing-lasting-change", None): "lasting_change",
        ("no-outcomes-project", None): "outcomes_project",
        ("no-outcomes-coproduction", None): "outcomes_coproduction",
        ("no-activities-project", None): "activities_project",
        ("no-activities-coproduction", None): "activities_coproduction",
        # A stepping stone with no activity is fixed where its part's activities are added.
        ("outcome-without-activity", lonely.id): "activities_project",
        ("activity-without-outcome", loose.id): "activities_coproduction",
        ("empty-text", empty.id): "outcomes_coproduction",
    }


def test_an_answer_of_only_escape_codes_counts_as_empty() -> None:
    """The summary shows such an answer as "No words yet", so the checks must agree."""
    from backmap.core.plan import Plan

    plan = Plan(title="x")
    stone = plan.add_outcome("project", text="\x1b[2J\x1b]0;title\x07 \u202e")
    codes = {(f.code, f.id) for f in checks.run(plan)}
    assert ("empty-text", stone.id) in codes
    assert "missing-impact-project" in {f.code for f in checks.run(plan)}


def test_a_long_answer_in_a_message_is_cut_after_a_whole_word() -> None:
    """Found by a new user (issue 17): "...what the centre will of..." cut a word in two."""
    plan = complete_plan()
    text = "Everyone who comes to the centre has a say in what the centre will offer each week"
    plan.edit_outcome("o2", text=text)
    plan.edit_activity("a2", outcomes=["o1"])
    message = checks.run(plan)[0].message
    shown = message.split("'")[1]
    before = shown.removesuffix("...").split()
    assert shown.endswith("...") and before
    assert text.split()[: len(before)] == before  # every word whole, none cut in two
