"""The plans tests share: the guide's worked example, and a plan far bigger than people make."""

from __future__ import annotations

from pathlib import Path

from backmap.core.plan import Plan

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "day-centre.toml"


def big_plan(activities: int = 1000, stones: int = 100) -> Plan:
    """A plan with many stepping stones and activities, some helping two, some helping none."""
    plan = Plan()
    plan.impact.project = "A very big plan " * 5
    ids = [
        plan.add_outcome("project" if n % 2 else "coproduction", f"Stepping stone {n} " * 3).id
        for n in range(stones)
    ]
    for n in range(activities):
        links = [ids[n % stones], ids[(n * 7) % stones]] if n % 10 else []
        plan.add_activity(
            "project" if n % 3 else "coproduction", f"Activity number {n} with words", outcomes=links
        )
    return plan


def example_copy(folder: Path, name: str = "plan.toml") -> Path:
    """A copy of the worked example in ``folder``, for a test to open and change."""
    path = folder / name
    path.write_bytes(EXAMPLE.read_bytes())
    return path
