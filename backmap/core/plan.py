"""The plan: what people decided, as plain data with ids and links.

Pure Python on purpose: the app, the plain mode, the command line and the
tests all share it, and none of them should pay for Textual to use it.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any, ClassVar

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

_ID_NUMBER = re.compile(r"^[oa](\d{1,9})$")


def now() -> datetime:
    """Whole seconds in UTC, so times survive a TOML round trip unchanged."""
    return datetime.now(UTC).replace(microsecond=0)


class _Record:
    """Equality and a readable repr from the names in ``_FIELDS``.

    Plain classes instead of dataclasses: ``import dataclasses`` (it pulls in ``inspect``)
    and building each dataclass cost more than all of ``backmap check`` may spend.
    """

    _FIELDS: ClassVar[tuple[str, ...]] = ()
    __hash__ = None  # type: ignore[assignment]  # mutable, so not hashable (as a dataclass)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in self._FIELDS)

    def __repr__(self) -> str:
        inner = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._FIELDS)
        return f"{type(self).__name__}({inner})"


class Person(_Record):
    _FIELDS = ("name", "role", "extra")

    def __init__(self, name: str = "", role: str = "", extra: dict[str, Any] | None = None) -> None:
        self.name = name
        self.role = role
        self.extra: dict[str, Any] = {} if extra is None else extra


class Impact(_Record):
    _FIELDS = ("project", "coproduction", "lasting_change", "extra")

    def __init__(
        self,
        project: str = "",
        coproduction: str = "",
        lasting_change: str = "",
        extra: dict[str, Any] | None = None,
    ) -> None:
        self.project = project
        self.coproduction = coproduction
        self.lasting_change = lasting_change
        self.extra: dict[str, Any] = {} if extra is None else extra


class Outcome(_Record):
    """A stepping stone: something that has to happen on the way to the impact."""

    _FIELDS = ("id", "part", "text", "how_we_know", "extra")

    def __init__(
        self, id: str, part: str, text: str = "", how_we_know: str = "", extra: dict[str, Any] | None = None
    ) -> None:
        self.id = id
        self.part = part
        self.text = text
        self.how_we_know = how_we_know
        self.extra: dict[str, Any] = {} if extra is None else extra


class Activity(_Record):
    """A thing people will do; it helps one or more stepping stones."""

    _FIELDS = ("id", "part", "kind", "text", "outcomes", "who", "when", "extra")

    def __init__(
        self,
        id: str,
        part: str,
        kind: str = "other",
        text: str = "",
        outcomes: list[str] | None = None,
        who: str = "",
        when: str = "",
        extra: dict[str, Any] | None = None,
    ) -> None:
        self.id = id
        self.part = part
        self.kind = kind
        self.text = text
        self.outcomes: list[str] = [] if outcomes is None else outcomes
        self.who = who
        self.when = when
        self.extra: dict[str, Any] = {} if extra is None else extra


class Removed(_Record):
    """What a removal took away, so that it can be put back exactly."""

    _FIELDS = ("item", "index", "links")

    def __init__(
        self, item: Outcome | Activity, index: int, links: list[tuple[str, int]] | None = None
    ) -> None:
        self.item = item
        self.index = index
        # For a removed outcome: (activity id, position in its links) for each link cut.
        self.links: list[tuple[str, int]] = [] if links is None else links


class Plan(_Record):
    _FIELDS = (
        "title",
        "people",
        "impact",
        "outcomes",
        "activities",
        "assumptions",
        "created",
        "updated",
        "schema_version",
        "last_ids",
        "extra",
    )

    def __init__(
        self,
        title: str = "",
        people: list[Person] | None = None,
        impact: Impact | None = None,
        outcomes: list[Outcome] | None = None,
        activities: list[Activity] | None = None,
        assumptions: list[str] | None = None,
        created: datetime | None = None,
        updated: datetime | None = None,
        schema_version: int = SCHEMA_VERSION,
        last_ids: dict[str, int] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        self.title = title
        self.people: list[Person] = [] if people is None else people
        self.impact: Impact = Impact() if impact is None else impact
        self.outcomes: list[Outcome] = [] if outcomes is None else outcomes
        self.activities: list[Activity] = [] if activities is None else activities
        self.assumptions: list[str] = [] if assumptions is None else assumptions
        self.created: datetime = now() if created is None else created
        self.updated: datetime = now() if updated is None else updated
        self.schema_version = schema_version
        # Highest number ever given to an outcome ("o") and an activity ("a"):
        # kept in the file so a deleted id is never handed out again.
        self.last_ids: dict[str, int] = {"o": 0, "a": 0} if last_ids is None else last_ids
        self.extra: dict[str, Any] = {} if extra is None else extra
        # What _new_id has already looked at: (outcomes, activities, how many of each,
        # the last item of each it saw, the highest numbers). Not part of the plan.
        self._seen_ids: tuple[Any, ...] | None = None

    # ----- ids -------------------------------------------------------------

    def _highest_ids(self) -> dict[str, int]:
        """The highest number in any "o" or "a" id in either list.

        Only items added at the end since the last call are read, so adding n items
        costs O(n), not O(n²). If the lists were changed any other way (an item put
        back in the middle, removed, moved, a list replaced), every item is read again.
        """
        outcomes, activities = self.outcomes, self.activities
        seen = self._seen_ids
        fresh = (
            seen is None
            or seen[0] is not outcomes
            or seen[1] is not activities
            or seen[2] > len(outcomes)
            or seen[3] > len(activities)
            or (seen[2] and outcomes[seen[2] - 1] is not seen[4])
            or (seen[3] and activities[seen[3] - 1] is not seen[5])
        )
        highest: dict[str, int] = {"o": 0, "a": 0} if fresh or seen is None else seen[6]
        start_o, start_a = (0, 0) if fresh or seen is None else (seen[2], seen[3])
        for items in (outcomes[start_o:], activities[start_a:]):
            for item in items:
                match = _ID_NUMBER.match(item.id)
                if match:
                    prefix = item.id[0]
                    highest[prefix] = max(highest[prefix], int(match.group(1)))
        self._seen_ids = (
            outcomes,
            activities,
            len(outcomes),
            len(activities),
            outcomes[-1] if outcomes else None,
            activities[-1] if activities else None,
            highest,
        )
        return highest

    def _new_id(self, prefix: str) -> str:
        # Ids are unique across the whole plan, and a hand-edited file may put
        # an "a" id on an outcome, so look at both lists.
        highest = max(self.last_ids.get(prefix, 0), self._highest_ids()[prefix]) + 1
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

    # ----- people: kept in the order the person put them -------------------------------

    def add_person(self, name: str, role: str = "") -> int:
        """Add someone at the end; returns their place in the list."""
        self.people.append(Person(name=name, role=role))
        self.touch()
        return len(self.people) - 1

    def edit_person(self, index: int, **changes: str) -> None:
        person = self.people[index]
        for name, value in changes.items():
            if name not in ("name", "role"):
                raise KeyError(name)
            setattr(person, name, value)
        self.touch()

    def remove_person(self, index: int) -> Person:
        """Take someone off the list; ``insert_person`` puts them back (undo)."""
        person = self.people.pop(index)
        self.touch()
        return person

    def insert_person(self, index: int, person: Person) -> None:
        self.people.insert(min(index, len(self.people)), person)
        self.touch()

    def move_person(self, index: int, step: int) -> bool:
        """Move someone up (-1) or down (+1); False at either end."""
        target = index + step
        if not 0 <= index < len(self.people) or not 0 <= target < len(self.people):
            return False
        self.people[index], self.people[target] = self.people[target], self.people[index]
        self.touch()
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
