"""How the plan is going: what its finished look-backs say, read once, in linear time.

The pathway drawing, the summaries and the list of plans all take progress from here,
and the share rules for quotes live here too, so no output can choose its own.
Pure Python. The words come from ``progress`` (the one vocabulary for statuses).
"""

from __future__ import annotations

from datetime import date

from backmap.core.plan import Checkin, Plan, Voice

# Who an output is for, and the share choices it may show. An unset share counts as "no".
TEAM = "team"  # the team's own copies: the summary (.md) and the printable page (.html)
PUBLIC = "public"  # anything shown to others: the poster, the pictures, the story
_MAY_SHOW: dict[str, frozenset[str]] = {
    TEAM: frozenset({"yes", "team"}),
    PUBLIC: frozenset({"yes"}),
}


def finished_by_date(plan: Plan, also: Checkin | None = None) -> list[Checkin]:
    """Finished look-backs, oldest first by day; two on one day keep the order they were made.

    ``also``: a look-back still being made, counted as if it were finished.
    """
    chosen = [c for c in plan.checkins if c.finished or c is also]
    return sorted(chosen, key=lambda c: c.date)


def _up_to(ordered: list[Checkin], last: Checkin | None) -> list[Checkin]:
    """The look-backs until ``last`` and it too; all of them when it is None or not among them."""
    for number, checkin in enumerate(ordered):
        if checkin is last:
            return ordered[: number + 1]
    return ordered


def as_at(plan: Plan, checkin: Checkin) -> Progress:
    """The pathway as a look-back saw it: its own answers (finished or not) and the ones before it."""
    return Progress(plan, also=checkin, up_to=checkin)


def latest(plan: Plan) -> Checkin | None:
    """The newest finished look-back, or None when the plan has none."""
    done = finished_by_date(plan)
    return done[-1] if done else None


def last_looked_back(plan: Plan) -> date | None:
    """The day of the newest finished look-back, or None."""
    found = latest(plan)
    return found.date if found is not None else None


def may_show(voice: Voice, audience: str) -> bool:
    """Whether a quote may be written in an output for this audience (TEAM or PUBLIC)."""
    return voice.share in _MAY_SHOW[audience]


def shown_voices(checkin: Checkin, audience: str) -> list[Voice]:
    """The quotes of a look-back that an output for this audience may show, in their order."""
    return [v for v in checkin.voices if may_show(v, audience)]


class Progress:
    """The latest status of every activity and stepping stone, and each stone's history.

    Same answers as ``Plan.latest_status`` and ``Plan.outcome_history``, but made in one
    pass over the look-backs: asking the plan item by item is quadratic for a big plan.
    ``also`` counts a look-back still being made as if it were finished (its last step
    shows the pathway with its own answers). ``up_to`` stops at a look-back: the pathway as it
    was then, so changing an earlier look-back shows its own answers, not those of later ones.
    """

    def __init__(self, plan: Plan, also: Checkin | None = None, up_to: Checkin | None = None) -> None:
        known = {"activity": {a.id for a in plan.activities}, "outcome": {o.id for o in plan.outcomes}}
        self.latest: dict[tuple[str, str], str] = {}
        self.history: dict[str, list[tuple[date, str]]] = {}
        self.looked_back = False
        self.newest: Checkin | None = None
        for checkin in _up_to(finished_by_date(plan, also), up_to):
            self.looked_back = True
            self.newest = checkin
            said = [("activity", e.activity, e.status) for e in checkin.activities]
            said += [("outcome", e.outcome, e.status) for e in checkin.outcomes]
            seen: set[tuple[str, str]] = set()  # the first entry for an item is the one that counts
            for kind, item_id, status in said:
                key = (kind, item_id)
                if key in seen or item_id not in known[kind]:
                    continue
                seen.add(key)
                if status:
                    self.latest[key] = status
                    if kind == "outcome":
                        self.history.setdefault(item_id, []).append((checkin.date, status))

    def status(self, kind: str, item_id: str) -> str:
        """The latest status ("" for none); kind is "activity" or "outcome"."""
        return self.latest.get((kind, item_id), "")

    def first_and_now(self, outcome_id: str) -> tuple[str, str] | None:
        """The first and the latest status of a stepping stone, when two look-backs or more gave one."""
        history = self.history.get(outcome_id, [])
        if len(history) < 2:
            return None
        return history[0][1], history[-1][1]
