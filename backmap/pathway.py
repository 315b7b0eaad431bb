"""The pathway in words: activities lead to stepping stones, which lead to the impact.

Pure Python. Plain mode reads it out at the check step; the app draws the same
pathway as a picture (pathway_map.py).
"""

from __future__ import annotations

from backmap import content
from backmap.plan import PARTS, Plan
from backmap.render import plain_text


def _short(text: str, limit: int) -> str:
    flat = plain_text(text) or "-"
    return flat if len(flat) <= limit else flat[: limit - 3].rstrip() + "..."


def lines(plan: Plan, width: int = 80) -> list[str]:
    """One part after the other; each stepping stone with the activities that lead to it.

    Long answers are cut to fit ``width``, so each line stays one line on screen.
    """
    helpers = plan.helpers_by_outcome()
    out: list[str] = []
    labels = content.load("steps")["pathway"]
    for part in PARTS:
        out.append(content.part_name(part))
        outcomes = plan.outcomes_in(part)
        if not outcomes:
            out.append("  " + labels["no_stones"])
        for outcome in outcomes:
            activities = helpers.get(outcome.id, [])
            if not activities:
                out.append("  " + labels["needs_activity"])
            for activity in activities:
                out.append(f"  {labels['activity']}: {_short(activity.text, width)}")
            out.append(f"    -> {labels['stone']}: {_short(outcome.text, width)}")
        loose = [a for a in plan.activities_in(part) if not any(i in helpers for i in a.outcomes)]
        for activity in loose:
            out.append(f"  {labels['activity']}: {_short(activity.text, width)}")
            out.append(f"    -> {labels['helps_nothing']}")
        impact = plan.impact.project if part == "project" else plan.impact.coproduction
        said = _short(impact, width) if impact.strip() else labels["no_impact"]
        out.append(f"      -> {labels['impact']}: {said}")
        out.append("")
    return [_fit(line, width) for line in out[:-1]]


def _fit(line: str, width: int) -> str:
    return line if len(line) <= width else line[: width - 3].rstrip() + "..."
