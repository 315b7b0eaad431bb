"""The plan: what people decided, as plain data with ids and links.

Pure Python on purpose: the app, the plain mode, the command line and the
tests all share it, and none of them should pay for Textual to use it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime
from functools import partial
from typing import Any, ClassVar, TypeVar

EntryT = TypeVar("EntryT", "ActivityCheck", "OutcomeCheck")

SCHEMA_VERSION = 2
PARTS: tuple[str, ...] = ("project", "coproduction")
KINDS: tuple[str, ...] = (
    "workshop",
    "meeting",
    "event",
    "steering-group",
    "one-to-one",
    "other",
)

# What a look-back can say about an activity, and about a stepping stone.
ACTIVITY_STATUSES: tuple[str, ...] = ("done", "started", "not-yet", "stopped")
OUTCOME_STATUSES: tuple[str, ...] = ("happened", "on-the-way", "not-yet", "changed-plan")
# Who may see a quote: yes (every output), team (the team's own copies), no (the plan only).
SHARE_CHOICES: tuple[str, ...] = ("yes", "team", "no")

_ID_NUMBER = re.compile(r"^[oa](\d{1,9})$")
_CHECKIN_NUMBER = re.compile(r"^c(\d{1,9})$")


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


class ActivityCheck(_Record):
    """What a look-back says about one activity: did it happen, how often, who came."""

    _FIELDS = ("activity", "status", "times", "came", "extra")

    def __init__(
        self,
        activity: str,
        status: str = "",
        times: int | None = None,
        came: str = "",
        extra: dict[str, Any] | None = None,
    ) -> None:
        self.activity = activity
        self.status = status  # one of ACTIVITY_STATUSES, or "" for no answer yet
        self.times = times
        self.came = came
        self.extra: dict[str, Any] = {} if extra is None else extra


class OutcomeCheck(_Record):
    """What a look-back says about one stepping stone: how far it has come, and how we know."""

    _FIELDS = ("outcome", "status", "person_says", "how_we_know", "extra")

    def __init__(
        self,
        outcome: str,
        status: str = "",
        person_says: str = "",
        how_we_know: str = "",
        extra: dict[str, Any] | None = None,
    ) -> None:
        self.outcome = outcome
        self.status = status  # one of OUTCOME_STATUSES, or "" for no answer yet
        # The person's own view when it differs from the status: the same words, or "".
        self.person_says = person_says
        self.how_we_know = how_we_know
        self.extra: dict[str, Any] = {} if extra is None else extra


class Voice(_Record):
    """Something a person said, who said it, and who may see it."""

    _FIELDS = ("text", "said_by", "outcome", "share", "photo", "photo_words", "extra")

    def __init__(
        self,
        text: str = "",
        said_by: str = "",
        outcome: str = "",
        share: str = "",
        photo: str = "",
        photo_words: str = "",
        extra: dict[str, Any] | None = None,
    ) -> None:
        self.text = text
        self.said_by = said_by
        self.outcome = outcome  # the stepping stone it is about, or ""
        self.share = share  # one of SHARE_CHOICES, or "" when nobody has chosen yet
        self.photo = photo  # a file in the plan's folder (see store.photo_file), or ""
        self.photo_words = photo_words
        self.extra: dict[str, Any] = {} if extra is None else extra


class Surprise(_Record):
    """Something that happened that nobody planned."""

    _FIELDS = ("text", "extra")

    def __init__(self, text: str = "", extra: dict[str, Any] | None = None) -> None:
        self.text = text
        self.extra: dict[str, Any] = {} if extra is None else extra


class Reflection(_Record):
    """What was hard, what people learned, what they will do next."""

    _FIELDS = ("hard", "learned", "next", "extra")

    def __init__(
        self, hard: str = "", learned: str = "", next: str = "", extra: dict[str, Any] | None = None
    ) -> None:
        self.hard = hard
        self.learned = learned
        self.next = next
        self.extra: dict[str, Any] = {} if extra is None else extra

    def is_empty(self) -> bool:
        return not (self.hard or self.learned or self.next or self.extra)


class Checkin(_Record):
    """One look-back: what happened with the plan, on one day, with the people who were there."""

    _FIELDS = (
        "id",
        "date",
        "who",
        "finished",
        "activities",
        "outcomes",
        "voices",
        "surprises",
        "reflection",
        "extra",
    )

    def __init__(
        self,
        id: str,
        date: date,
        who: list[str] | None = None,
        finished: bool = False,
        activities: list[ActivityCheck] | None = None,
        outcomes: list[OutcomeCheck] | None = None,
        voices: list[Voice] | None = None,
        surprises: list[Surprise] | None = None,
        reflection: Reflection | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        self.id = id
        self.date = date
        self.who: list[str] = [] if who is None else who
        self.finished = finished
        self.activities: list[ActivityCheck] = [] if activities is None else activities
        self.outcomes: list[OutcomeCheck] = [] if outcomes is None else outcomes
        self.voices: list[Voice] = [] if voices is None else voices
        self.surprises: list[Surprise] = [] if surprises is None else surprises
        self.reflection: Reflection = Reflection() if reflection is None else reflection
        self.extra: dict[str, Any] = {} if extra is None else extra

    def activity_entry(self, activity_id: str) -> ActivityCheck | None:
        """The first entry for this activity, or None."""
        for entry in self.activities:
            if entry.activity == activity_id:
                return entry
        return None

    def outcome_entry(self, outcome_id: str) -> OutcomeCheck | None:
        """The first entry for this stepping stone, or None."""
        for entry in self.outcomes:
            if entry.outcome == outcome_id:
                return entry
        return None


class Plan(_Record):
    _FIELDS = (
        "title",
        "people",
        "impact",
        "outcomes",
        "activities",
        "assumptions",
        "checkins",
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
        checkins: list[Checkin] | None = None,
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
        # The look-backs, oldest first. Each one may point to items removed since:
        # those entries stay in the file and are ignored by the look-ups below.
        self.checkins: list[Checkin] = [] if checkins is None else checkins
        self.created: datetime = now() if created is None else created
        self.updated: datetime = now() if updated is None else updated
        self.schema_version = schema_version
        # Highest number ever given to an outcome ("o"), an activity ("a") and a look-back
        # ("c", only once there has been one): kept in the file so a deleted id is never
        # handed out again.
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
        if prefix == "c":
            numbers = (_CHECKIN_NUMBER.match(c.id) for c in self.checkins)
            in_use = max((int(m.group(1)) for m in numbers if m), default=0)
        else:
            in_use = self._highest_ids()[prefix]
        highest = max(self.last_ids.get(prefix, 0), in_use) + 1
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

    def outcomes_in_order(self) -> list[Outcome]:
        """The project's stepping stones, then co-production's: the order and numbers people see."""
        return [o for part in PARTS for o in self.outcomes_in(part)]

    def activities_in_order(self) -> list[Activity]:
        """The project's activities, then co-production's, as the look-back asks about them."""
        return [a for part in PARTS for a in self.activities_in(part)]

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
            or self.checkins
        )

    # ----- look-backs ----------------------------------------------------------

    def add_checkin(self, day: date, who: list[str] | None = None) -> Checkin:
        """Start a new look-back on that day, after every other one."""
        item = Checkin(id=self._new_id("c"), date=day, who=list(who or []))
        self.checkins.append(item)
        self.touch()
        return item

    def checkin(self, checkin_id: str) -> Checkin:
        for item in self.checkins:
            if item.id == checkin_id:
                return item
        raise KeyError(checkin_id)

    def remove_checkin(self, checkin_id: str) -> Checkin:
        """Take a look-back out of the plan. Its id is never given again."""
        item = self.checkin(checkin_id)
        self.checkins.remove(item)
        self.touch()
        return item

    def open_checkin(self) -> Checkin | None:
        """The newest look-back that is not finished yet (one to carry on), or None."""
        for item in reversed(self.checkins):
            if not item.finished:
                return item
        return None

    def finished_checkins(self) -> list[Checkin]:
        return [c for c in self.checkins if c.finished]

    def _the_checkin(self, checkin: Checkin | str) -> Checkin:
        return self.checkin(checkin) if isinstance(checkin, str) else checkin

    def activity_check(self, checkin: Checkin | str, activity_id: str, **changes: Any) -> ActivityCheck:
        """The look-back's entry for this activity, made if there is none yet.

        Keywords (status, times, came) change it, one answer at a time.
        A KeyError for an activity that is not in the plan.
        """
        item = self._the_checkin(checkin)
        self.activity(activity_id)
        for name, value in changes.items():
            if name not in ("status", "times", "came"):
                raise ValueError(f"An activity in a look-back has no field called {name!r}.")
            if name == "status":
                _check_choice(value, ACTIVITY_STATUSES, "status")
            if name == "times" and value is not None and (type(value) is not int or value < 0):
                raise ValueError(f"The times must be a whole number, 0 or more, not {value!r}.")
            if name == "came" and not isinstance(value, str):
                raise ValueError(f"Who came must be words, not {value!r}.")
        found = item.activity_entry(activity_id)
        return self._change_entry(
            found, item.activities, lambda: ActivityCheck(activity=activity_id), changes
        )

    def outcome_check(self, checkin: Checkin | str, outcome_id: str, **changes: Any) -> OutcomeCheck:
        """The look-back's entry for this stepping stone, made if there is none yet.

        Keywords (status, person_says, how_we_know) change it, one answer at a time.
        A KeyError for a stepping stone that is not in the plan.
        """
        item = self._the_checkin(checkin)
        self.outcome(outcome_id)
        for name, value in changes.items():
            if name not in ("status", "person_says", "how_we_know"):
                raise ValueError(f"A stepping stone in a look-back has no field called {name!r}.")
            if name in ("status", "person_says"):
                _check_choice(value, OUTCOME_STATUSES, name)
            if name == "how_we_know" and not isinstance(value, str):
                raise ValueError(f"How we know must be words, not {value!r}.")
        found = item.outcome_entry(outcome_id)
        return self._change_entry(found, item.outcomes, partial(OutcomeCheck, outcome=outcome_id), changes)

    def _change_entry(
        self, found: EntryT | None, entries: list[EntryT], make: Callable[[], EntryT], changes: dict[str, Any]
    ) -> EntryT:
        """An item's entry in a look-back, made when there is none, with the changes set."""
        entry = found
        if entry is None:
            entry = make()
            entries.append(entry)
            self.touch()
        for name, value in changes.items():
            setattr(entry, name, value)
        if changes:
            self.touch()
        return entry

    def outcome_history(self, outcome_id: str) -> list[tuple[date, str]]:
        """(day, status) from each finished look-back that gave this stepping stone a status.

        Oldest first. Empty for a stepping stone that is not in the plan (any more).
        """
        if not any(o.id == outcome_id for o in self.outcomes):
            return []
        history: list[tuple[date, str]] = []
        for item in _by_date(self.finished_checkins()):
            entry = item.outcome_entry(outcome_id)
            if entry is not None and entry.status:
                history.append((item.date, entry.status))
        return history

    def latest_status(self, kind: str, item_id: str) -> str:
        """The status the newest finished look-back gave this item, or "" when none did."""
        if kind == "outcome":
            items: list[Any] = self.outcomes
        elif kind == "activity":
            items = self.activities
        else:
            raise ValueError(f'The kind must be "outcome" or "activity", not {kind!r}.')
        if not any(i.id == item_id for i in items):
            return ""
        for item in reversed(_by_date(self.finished_checkins())):
            entry = item.outcome_entry(item_id) if kind == "outcome" else item.activity_entry(item_id)
            if entry is not None and entry.status:
                return entry.status
        return ""


def _find(items: list[Any], item_id: str) -> Any:
    for item in items:
        if item.id == item_id:
            return item
    raise KeyError(item_id)


def _by_date(checkins: list[Checkin]) -> list[Checkin]:
    """Look-backs oldest first by their day; two on one day keep the order they were made."""
    return sorted(checkins, key=lambda c: c.date)


def _check_choice(value: object, choices: tuple[str, ...], name: str) -> None:
    if value != "" and value not in choices:
        raise ValueError(f"The {name} must be one of {', '.join(choices)} or empty, not {value!r}.")


def _check_part(part: str) -> None:
    if part not in PARTS:
        raise ValueError(f"The part must be one of {', '.join(PARTS)}, not {part!r}.")


def _check_kind(kind: str) -> None:
    if kind not in KINDS and kind != "":  # "": nobody has chosen one yet
        raise ValueError(f"The kind must be one of {', '.join(KINDS)}, not {kind!r}.")
