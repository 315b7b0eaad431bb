"""The plan model: ids, changes, undo, order and links, without any files or screens.

These are the operations the interview leans on, so each one is pinned down here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from backmap.core import store
from backmap.core.plan import KINDS, PARTS, Activity, Outcome, Plan


def two_part_plan() -> Plan:
    """A small plan with outcomes and activities in both parts, and some links."""
    plan = Plan(title="Test")
    plan.add_outcome("project", "P one")  # o1
    plan.add_outcome("coproduction", "C one")  # o2
    plan.add_outcome("project", "P two")  # o3
    plan.add_outcome("project", "P three")  # o4
    plan.add_activity("project", "Do P", "meeting", ["o1", "o3"])  # a1
    plan.add_activity("coproduction", "Do C", "workshop", ["o2", "o1"])  # a2
    plan.add_activity("project", "Do more", "event", ["o3"])  # a3
    return plan


def ids(items: list[Outcome] | list[Activity]) -> list[str]:
    return [item.id for item in items]


# ----- ids -------------------------------------------------------------------------


def test_ids_are_short_and_follow_on() -> None:
    plan = two_part_plan()
    assert ids(plan.outcomes) == ["o1", "o2", "o3", "o4"]
    assert ids(plan.activities) == ["a1", "a2", "a3"]
    assert all(len(i) <= 6 for i in ids(plan.outcomes) + ids(plan.activities))


def test_ids_are_unique_across_many_adds_and_removes() -> None:
    plan = Plan()
    given: list[str] = []
    for round_ in range(30):
        given.append(plan.add_outcome(PARTS[round_ % 2], f"o {round_}").id)
        given.append(plan.add_activity(PARTS[round_ % 2], f"a {round_}").id)
        if round_ % 3 == 0:
            plan.remove_outcome(plan.outcomes[0].id)
            plan.remove_activity(plan.activities[-1].id)
    assert len(given) == len(set(given))


def test_a_deleted_id_is_never_given_again() -> None:
    plan = Plan()
    first = plan.add_outcome("project", "one")
    plan.remove_outcome(first.id)
    second = plan.add_outcome("project", "two")
    assert second.id != first.id
    last = plan.add_activity("project", "act")
    plan.remove_activity(last.id)
    assert plan.add_activity("project", "again").id != last.id


def test_a_deleted_id_is_never_given_again_after_save_and_load(tmp_path: Path) -> None:
    plan = Plan()
    plan.add_outcome("project", "one")
    gone_outcome = plan.add_outcome("project", "two")
    gone_activity = plan.add_activity("project", "act", outcomes=["o1"])
    plan.remove_outcome(gone_outcome.id)
    plan.remove_activity(gone_activity.id)
    path = tmp_path / "plan.toml"
    store.save(plan, path)
    again = store.load(path)
    assert again.last_ids == {"o": 2, "a": 1}
    assert again.add_outcome("project", "three").id == "o3"
    assert again.add_activity("project", "act").id == "a2"


def test_new_ids_skip_ids_already_in_the_file_even_with_the_other_letter() -> None:
    """A hand-edited file may call an outcome "a1"; a new activity must not get "a1" too."""
    plan = Plan()
    plan.outcomes.append(Outcome(id="a1", part="project", text="odd id"))
    plan.outcomes.append(Outcome(id="o7", part="project", text="high id"))
    activity = plan.add_activity("project", "act")
    assert activity.id == "a2"
    assert plan.add_outcome("project", "next").id == "o8"


# ----- add, edit, remove, restore ----------------------------------------------------


def test_add_keeps_fields_and_removes_repeated_links() -> None:
    plan = Plan()
    plan.add_outcome("project", "stone", how_we_know="we see it")
    activity = plan.add_activity("coproduction", "act", "one-to-one", ["o1", "o1"], who="Sam", when="May")
    assert plan.outcome("o1").how_we_know == "we see it"
    assert activity.outcomes == ["o1"]
    assert (activity.kind, activity.who, activity.when, activity.part) == (
        "one-to-one",
        "Sam",
        "May",
        "coproduction",
    )


def test_add_activity_refuses_a_link_to_a_missing_outcome() -> None:
    plan = Plan()
    with pytest.raises(KeyError):
        plan.add_activity("project", "act", outcomes=["o9"])
    assert plan.activities == []


def test_edit_changes_only_what_is_asked() -> None:
    plan = two_part_plan()
    plan.edit_outcome("o1", text="New words", how_we_know="a list")
    assert plan.outcome("o1").text == "New words"
    assert plan.outcome("o1").how_we_know == "a list"
    assert plan.outcome("o1").part == "project"
    plan.edit_activity("a1", kind="workshop", who="Priya", outcomes=["o4", "o4", "o1"])
    activity = plan.activity("a1")
    assert (activity.kind, activity.who, activity.text) == ("workshop", "Priya", "Do P")
    assert activity.outcomes == ["o4", "o1"]


def test_edit_refuses_unknown_fields_and_missing_links() -> None:
    plan = two_part_plan()
    with pytest.raises(ValueError):
        plan.edit_outcome("o1", colour="red")
    with pytest.raises(ValueError):
        plan.edit_activity("a1", id="a9")
    with pytest.raises(KeyError):
        plan.edit_activity("a1", outcomes=["o99"])
    assert plan.activity("a1").outcomes == ["o1", "o3"]


def test_edit_touches_the_updated_time() -> None:
    plan = two_part_plan()
    plan.updated = plan.updated.replace(year=2000)
    plan.edit_outcome("o1", text="x")
    assert plan.updated.year > 2000


def test_remove_outcome_removes_its_links() -> None:
    plan = two_part_plan()
    plan.remove_outcome("o1")
    assert "o1" not in ids(plan.outcomes)
    assert plan.activity("a1").outcomes == ["o3"]
    assert plan.activity("a2").outcomes == ["o2"]
    assert all("o1" not in a.outcomes for a in plan.activities)


def test_restore_puts_an_outcome_back_with_its_links_in_the_same_places() -> None:
    plan = two_part_plan()
    before_outcomes = ids(plan.outcomes)
    before_links = {a.id: list(a.outcomes) for a in plan.activities}
    removed = plan.remove_outcome("o1")
    plan.restore(removed)
    assert ids(plan.outcomes) == before_outcomes
    assert {a.id: a.outcomes for a in plan.activities} == before_links


def test_restore_a_middle_outcome_keeps_order() -> None:
    plan = two_part_plan()
    before = ids(plan.outcomes)
    plan.restore(plan.remove_outcome("o3"))
    assert ids(plan.outcomes) == before
    assert plan.activity("a1").outcomes == ["o1", "o3"]
    assert plan.activity("a3").outcomes == ["o3"]


def test_restore_activity_drops_links_to_outcomes_removed_meanwhile() -> None:
    plan = two_part_plan()
    removed = plan.remove_activity("a1")
    plan.remove_outcome("o3")
    plan.restore(removed)
    assert ids(plan.activities) == ["a1", "a2", "a3"]
    assert plan.activity("a1").outcomes == ["o1"]


def test_remove_missing_item_raises_key_error() -> None:
    plan = two_part_plan()
    with pytest.raises(KeyError):
        plan.remove_outcome("o99")
    with pytest.raises(KeyError):
        plan.remove_activity("a99")


# ----- order ---------------------------------------------------------------------------


def test_move_within_its_own_part_only() -> None:
    plan = two_part_plan()
    # Project outcomes are o1, o3, o4; o2 (co-production) sits between o1 and o3.
    assert plan.move("o3", -1) is True
    assert ids(plan.outcomes_in("project")) == ["o3", "o1", "o4"]
    assert ids(plan.outcomes_in("coproduction")) == ["o2"]
    assert plan.move("o3", +1) is True
    assert ids(plan.outcomes_in("project")) == ["o1", "o3", "o4"]


def test_move_stops_at_the_ends() -> None:
    plan = two_part_plan()
    before = ids(plan.outcomes)
    assert plan.move("o1", -1) is False
    assert plan.move("o4", +1) is False
    assert plan.move("o2", -1) is False
    assert plan.move("o2", +1) is False
    assert ids(plan.outcomes) == before


def test_move_activities() -> None:
    plan = two_part_plan()
    assert plan.move("a3", -1) is True
    assert ids(plan.activities_in("project")) == ["a3", "a1"]
    assert plan.move("a3", -1) is False


def test_move_finds_items_by_list_not_by_first_letter() -> None:
    plan = Plan()
    plan.outcomes.append(Outcome(id="x1", part="project", text="one"))
    plan.outcomes.append(Outcome(id="x2", part="project", text="two"))
    assert plan.move("x2", -1) is True
    assert ids(plan.outcomes) == ["x2", "x1"]


def test_move_missing_item_raises_key_error() -> None:
    with pytest.raises(KeyError):
        two_part_plan().move("o99", 1)


# ----- links and both views ----------------------------------------------------------


def test_both_views_of_a_link_agree() -> None:
    plan = two_part_plan()
    assert ids(plan.activities_for("o1")) == ["a1", "a2"]
    assert ids(plan.activities_for("o4")) == []
    assert ids(plan.outcomes_for("a2")) == ["o2", "o1"]
    helpers = plan.helpers_by_outcome()
    assert set(helpers) == {"o1", "o2", "o3", "o4"}
    for outcome in plan.outcomes:
        assert ids(helpers[outcome.id]) == ids(plan.activities_for(outcome.id))
        for activity in helpers[outcome.id]:
            assert outcome in plan.outcomes_for(activity.id)


def test_views_ignore_dangling_links() -> None:
    plan = two_part_plan()
    plan.activity("a1").outcomes.append("o99")
    assert ids(plan.outcomes_for("a1")) == ["o1", "o3"]
    assert "o99" not in plan.helpers_by_outcome()


def test_parts_and_kinds_lists() -> None:
    plan = two_part_plan()
    assert ids(plan.outcomes_in("project")) == ["o1", "o3", "o4"]
    assert ids(plan.activities_in("coproduction")) == ["a2"]
    assert set(PARTS) == {"project", "coproduction"}
    assert set(KINDS) == {"workshop", "meeting", "event", "steering-group", "one-to-one", "other"}


# ----- bad parts and kinds ------------------------------------------------------------


@pytest.mark.parametrize("part", ["", "Project", "party", "co-production"])
def test_bad_part_raises_value_error(part: str) -> None:
    plan = two_part_plan()
    with pytest.raises(ValueError):
        plan.add_outcome(part, "x")
    with pytest.raises(ValueError):
        plan.add_activity(part, "x")
    with pytest.raises(ValueError):
        plan.edit_outcome("o1", part=part)
    with pytest.raises(ValueError):
        plan.edit_activity("a1", part=part)
    assert len(plan.outcomes) == 4
    assert len(plan.activities) == 3


def test_an_empty_kind_is_one_nobody_has_chosen_yet() -> None:
    plan = two_part_plan()
    made = plan.add_activity("project", "x", kind="")
    assert made.kind == ""
    plan.edit_activity("a1", kind="")
    assert plan.activity("a1").kind == ""


@pytest.mark.parametrize("kind", ["party", "Meeting", "steering group", " "])
def test_bad_kind_raises_value_error(kind: str) -> None:
    plan = two_part_plan()
    with pytest.raises(ValueError):
        plan.add_activity("project", "x", kind=kind)
    with pytest.raises(ValueError):
        plan.edit_activity("a1", kind=kind)
    assert plan.activity("a1").kind == "meeting"


def test_is_empty() -> None:
    assert Plan().is_empty()
    assert Plan(title="   ").is_empty()
    assert not Plan(title="x").is_empty()
    plan = Plan()
    plan.add_outcome("project")
    assert not plan.is_empty()
