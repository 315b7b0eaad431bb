"""The plan: what people decided, as plain data with ids and links.

Pure Python on purpose: the app, the plain mode, the command line and the
tests all share it, and none of them should pay for Textual to use it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

SCHEMA_VERSION = 1
PARTS: tuple[str, ...] = ("project", "coproduction")
KINDS: tuple[str, ...] = (
    "workshop",
    "meeting",
    "event",
    "steering-group",
    "one-to-one",
    "other",
)
Part = Literal["project", "coproduction"]

_ID_NUMBER = re.compile(r"^[oa](\d{1,9})$")


def now() -> datetime:
    """Whole seconds in UTC, so times survive a TOML round trip unchanged."""
    return datetime.now(UTC).replace(microsecond=0)


@dataclass
class Person:
    name: str = ""
    role: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Impact:
    project: str = ""
    coproduction: str = ""
    lasting_change: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Outcome:
    """A stepping stone: something that has to happen on the way to the impact."""

    id: str
    part: str
    text: str = ""
    how_we_know: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Activity:
    """A thing people will do; it helps one or more stepping stones."""

    id: str
    part: str
    kind: str = "other"
    text: str = ""
    outcomes: list[str] = field(default_factory=list)
    who: str = ""
    when: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Removed:
    """What a removal took away, so that it can be put back exactly."""

    item: Outcome | Activity
    index: int
    # For a removed outcome: (activity id, position in its links) for each link cut.
    links: list[tuple[str, int]] = field(default_factory=list)


@dataclass
class Plan:
    title: str = ""
    people: list[Person] = field(default_factory=list)
    impact: Impact = field(default_factory=Impact)
    outcomes: list[Outcome] = field(default_factory=list)
    activities: list[Activity] = field(default_factory=list)
    assumptions: list[str] = field(default_factory=list)
    created: datetime = field(default_factory=now)
    updated: datetime = field(default_factory=now)
    schema_version: int = SCHEMA_VERSION
    # Highest number ever given to an outcome ("o") and an activity ("a"):
    # kept in the file so a deleted id is never handed out again.
    last_ids: dict[str, int] = field(default_factory=lambda: {"o": 0, "a": 0})
    extra: dict[str, Any] = field(default_factory=dict)

    # ----- ids -------------------------------------------------------------

    def _new_id(self, prefix: str) -> str:
        # Ids are unique across the whole plan, and a hand-edited file may put
        # an "a" id on an outcome, so look at both lists.
        highest = self.last_ids.get(prefix, 0)
        for item in [*self.outcomes, *self.activities]:
            match = _ID_NUMBER.match(item.id)
            if match and item.id[0] == prefix:
                highest = max(highest, int(match.group(1)))
        highest += 1
        self.last_ids[prefix] = highest
        return f"{prefix}{highest}"

    def touch(self) -> None:
        self.updated = now()

    # ----- look-ups ----------------------------------------------------------

    def outcome(self, outcome_id: str) -> Outcome:
        for item in self.outcomes:
            if item.id == outcome_id:
                return item
        raise KeyError(outcome_id)

    def activity(self, activity_id: str) -> Activity:
        for item in self.activities:
            if item.id == activity_id:
                return item
        raise KeyError(activity_id)

    def outcomes_in(self, part: str) -> list[Outcome]:
        return [o for o in self.outcomes if o.part == part]

    def activities_in(self, part: str) -> list[Activity]:
        return [a for a in self.activities if a.part == part]

    def helpers_by_outcome(self) -> dict[str, list[Activity]]:
        """Every outcome id mapped to the activities that help it, in one pass."""
        index: dict[str, list[Activity]] = {o.id: [] for o in self.outcomes}
        for activity in self.activities:
            for outcome_id in activity.outcomes:
                if outcome_id in index:
                    index[outcome_id].append(activity)
        return index

    def activities_for(self, outcome_id: str) -> list[Activity]:
        """The activities that help this outcome."""
        return [a for a in self.activities if outcome_id in a.outcomes]

    def outcomes_for(self, activity_id: str) -> list[Outcome]:
        """The outcomes this activity helps, in the activity's own order."""
        by_id = {o.id: o for o in self.outcomes}
        return [by_id[i] for i in self.activity(activity_id).outcomes if i in by_id]

    # ----- changes -----------------------------------------------------------

    def add_outcome(self, part: str, text: str = "", how_we_know: str = "") -> Outcome:
        _check_part(part)
        item = Outcome(id=self._new_id("o"), part=part, text=text, how_we_know=how_we_know)
        self.outcomes.append(item)
        self.touch()
        return item

    def add_activity(
        self,
        part: str,
        text: str = "",
        kind: str = "other",
        outcomes: list[str] | None = None,
        who: str = "",
        when: str = "",
    ) -> Activity:
        _check_part(part)
        _check_kind(kind)
        links = list(dict.fromkeys(outcomes or []))
        for outcome_id in links:
            self.outcome(outcome_id)
        item = Activity(
            id=self._new_id("a"),
            part=part,
            kind=kind,
            text=text,
            outcomes=links,
            who=who,
            when=when,
        )
        self.activities.append(item)
        self.touch()
        return item

    def edit_outcome(self, outcome_id: str, **changes: str) -> Outcome:
        item = self.outcome(outcome_id)
        for name, value in changes.items():
            if name not in ("text", "how_we_know", "part"):
                raise ValueError(f"A stepping stone has no field called {name!r}.")
            if name == "part":
                _check_part(value)
            setattr(item, name, value)
        self.touch()
        return item

    def edit_activity(self, activity_id: str, **changes: Any) -> Activity:
        item = self.activity(activity_id)
        for name, value in changes.items():
            if name not in ("text", "kind", "who", "when", "part", "outcomes"):
                raise ValueError(f"An activity has no field called {name!r}.")
            if name == "kind":
                _check_kind(value)
            if name == "part":
                _check_part(value)
            if name == "outcomes":
                value = list(dict.fromkeys(value))
                for outcome_id in value:
                    self.outcome(outcome_id)
            setattr(item, name, value)
        self.touch()
        return item

    def remove_outcome(self, outcome_id: str) -> Removed:
        """Remove an outcome and every link to it; the result can undo it."""
        item = self.outcome(outcome_id)
        index = self.outcomes.index(item)
        links: list[tuple[str, int]] = []
        for activity in self.activities:
            if outcome_id in activity.outcomes:
                links.append((activity.id, activity.outcomes.index(outcome_id)))
                activity.outcomes.remove(outcome_id)
        del self.outcomes[index]
        self.touch()
        return Removed(item=item, index=index, links=links)

    def remove_activity(self, activity_id: str) -> Removed:
        item = self.activity(activity_id)
        index = self.activities.index(item)
        del self.activities[index]
        self.touch()
        return Removed(item=item, index=index)

    def restore(self, removed: Removed) -> None:
        """Put back what a removal took, in the same place, with the same links."""
        item = removed.item
        if isinstance(item, Outcome):
            self.outcomes.insert(min(removed.index, len(self.outcomes)), item)
            for activity_id, position in removed.links:
                try:
                    activity = self.activity(activity_id)
                except KeyError:
                    continue
                if item.id not in activity.outcomes:
                    activity.outcomes.insert(min(position, len(activity.outcomes)), item.id)
        else:
            known = {o.id for o in self.outcomes}
            item.outcomes = [i for i in item.outcomes if i in known]
            self.activities.insert(min(removed.index, len(self.activities)), item)
        self.touch()

    def move(self, item_id: str, step: int) -> bool:
        """Move an item up (-1) or down (+1) among the items of its own part."""
        # Which list by membership, not by the id's first letter: a file may hold any ids.
        is_outcome = any(o.id == item_id for o in self.outcomes)
        items: list[Any] = self.outcomes if is_outcome else self.activities
        positions = [i for i, x in enumerate(items) if x.part == _find(items, item_id).part]
        here = next(i for i in positions if items[i].id == item_id)
        at = positions.index(here)
        target = at + step
        if target < 0 or target >= len(positions):
            return False
        there = positions[target]
        items[here], items[there] = items[there], items[here]
        self.touch()
        return True

    def link(self, activity_id: str, outcome_id: str) -> None:
        self.outcome(outcome_id)
        activity = self.activity(activity_id)
        if outcome_id not in activity.outcomes:
            activity.outcomes.append(outcome_id)
            self.touch()

    def unlink(self, activity_id: str, outcome_id: str) -> None:
        activity = self.activity(activity_id)
        if outcome_id in activity.outcomes:
            activity.outcomes.remove(outcome_id)
            self.touch()

    def toggle_link(self, activity_id: str, outcome_id: str) -> bool:
        """Link or unlink; returns True when the two are linked afterwards."""
        if outcome_id in self.activity(activity_id).outcomes:
            self.unlink(activity_id, outcome_id)
            return False
        self.link(activity_id, outcome_id)
        return True

    def is_empty(self) -> bool:
        return not (
            self.title.strip()
            or self.people
            or self.impact.project.strip()
            or self.impact.coproduction.strip()
            or self.impact.lasting_change.strip()
            or self.outcomes
            or self.activities
        )


def _find(items: list[Any], item_id: str) -> Any:
    for item in items:
        if item.id == item_id:
            return item
    raise KeyError(item_id)


def _check_part(part: str) -> None:
    if part not in PARTS:
        raise ValueError(f"The part must be one of {', '.join(PARTS)}, not {part!r}.")


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise ValueError(f"The kind must be one of {', '.join(KINDS)}, not {kind!r}.")
