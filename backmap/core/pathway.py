"""The pathway of a part: each stepping stone with the activities that lead to it.

Pure Python. ``part_path`` is the one place that decides what belongs to a part's
pathway; the app's drawing (pathway_drawing.py) and the pathway in words that plain
mode reads out (``lines``) are both made from it.
"""

from __future__ import annotations

from dataclasses import dataclass

from backmap import content
from backmap.core.plan import PARTS, Activity, Outcome, Plan
from backmap.core.safe_text import cut, plain


@dataclass
class PartPath:
    part: str
    groups: list[tuple[Outcome, list[Activity]]]  # each stepping stone and what helps it
    loose: list[Activity]  # the part's activities that help no stepping stone
    impact: str


def part_path(plan: Plan, part: str, helpers: dict[str, list[Activity]]) -> PartPath:
    """One part's pathway, in linear time (``helpers`` is ``plan.helpers_by_outcome()``)."""
    groups = []
    for outcome in plan.outcomes_in(part):
        # A hand-edited file may link one activity twice: show it once.
        unique = list({id(a): a for a in helpers.get(outcome.id, [])}.values())
        groups.append((outcome, unique))
    loose = [a for a in plan.activities_in(part) if not any(i in helpers for i in a.outcomes)]
    impact = plan.impact.project if part == "project" else plan.impact.coproduction
    return PartPath(part, groups, loose, impact)


def _short(text: str, limit: int) -> str:
    return cut(plain(text) or "-", limit)


def lines(plan: Plan, width: int = 80, stone_leads: str = "") -> list[str]:
    """The pathway in words, one part after the other. Answers are cut to fit ``width``.

    With ``stone_leads`` ("leads to the impact"), a line under each stepping stone says it:
    read aloud line by line, the indents that show it are lost.
    """
    helpers = plan.helpers_by_outcome()
    out: list[str] = []
    labels = content.load("steps")["pathway"]
    for part in PARTS:
        path = part_path(plan, part, helpers)
        out.append(content.part_name(part))
        if not path.groups:
            out.append("  " + labels["no_stones"])
        for outcome, activities in path.groups:
            if not activities:
                out.append("  " + labels["needs_activity"])
            for activity in activities:
                out.append(f"  {labels['activity']}: {_short(activity.text, width)}")
            out.append(f"    -> {labels['stone']}: {_short(outcome.text, width)}")
            if stone_leads:
                out.append(f"      -> {stone_leads}")
        for activity in path.loose:
            out.append(f"  {labels['activity']}: {_short(activity.text, width)}")
            out.append(f"    -> {labels['helps_nothing']}")
        said = _short(path.impact, width) if plain(path.impact) else labels["no_impact"]
        out.append(f"      -> {labels['impact']}: {said}")
        out.append("")
    return [cut(line, width) for line in out[:-1]]
