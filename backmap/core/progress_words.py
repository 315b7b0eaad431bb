"""The pathway of a look-back in words: each stepping stone and activity with how far it has
come, part by part. The app's "Your pathway now" step and the plain mode both read it."""

from __future__ import annotations

from backmap import content
from backmap.core import going, progress
from backmap.core.plan import PARTS, Checkin, Plan


def lines(plan: Plan, checkin: Checkin) -> list[tuple[int, str]]:
    """(indent, words) for each line: a part, its stepping stones, then its activities."""
    words = content.page("look_back_pathway")
    found = going.as_at(plan, checkin)  # this look-back is "now", even an earlier one being changed
    shown: list[tuple[int, str]] = []
    for part in PARTS:
        stones = plan.outcomes_in(part)
        activities = plan.activities_in(part)
        if not stones and not activities:
            continue
        shown.append((0, words[part]))
        if stones:
            shown.append((2, words["stones"]))
        for stone in stones:
            status = found.status("outcome", stone.id)
            shown.append((4, f"{progress.label('outcome', status)}: {stone.text or '-'}"))
            entry = checkin.outcome_entry(stone.id)
            if entry is not None and entry.person_says:
                shown.append(
                    (6, words["person_says"].format(word=progress.word("outcome", entry.person_says)))
                )
            both = found.first_and_now(stone.id)
            if both is not None:
                first, now = (progress.word("outcome", s) for s in both)
                shown.append((6, content.word("progress", "first_now", first=first, now=now)))
        if activities:
            shown.append((2, words["activities"]))
        for activity in activities:
            status = found.status("activity", activity.id)
            shown.append((4, f"{progress.label('activity', status)}: {activity.text or '-'}"))
    if not shown:
        shown.append((0, words["none"]))
    return shown
