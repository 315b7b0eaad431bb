"""The plans tests share: the guide's worked example, and a plan far bigger than people make;
and how a test sends answers to plain mode through a pipe."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

from backmap import content
from backmap.core import store
from backmap.core.plan import Plan
from backmap.plain import run_plain

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


# ----- plain mode through a pipe ---------------------------------------------------------


def lines(*answers: str) -> str:
    """Answers as a pipe sends them: one a line."""
    return "".join(answer + "\n" for answer in answers)


def plain(key: str, **values: object) -> str:
    """A line plain mode says, from words.toml."""
    return content.word("plain", key, **values)


def run_here(text: str, folder: Path, plan_arg: str | None = None) -> tuple[int, str]:
    """Plain mode in this process, answered by ``text``: its exit code and all it printed."""
    out = io.StringIO()
    code = run_plain(plan_arg, folder, stdin=io.StringIO(text), stdout=out)
    return code, out.getvalue()


def tea_plan(folder: Path, people: tuple[tuple[str, str], ...] = (), stones: tuple[str, ...] = ()) -> Path:
    """A small plan "Tea" saved as tea.toml: these people, and these project stepping stones."""
    path = folder / "tea.toml"
    plan = Plan(title="Tea")
    for name, role in people:
        plan.add_person(name, role)
    for text in stones:
        plan.add_outcome("project", text)
    store.save(plan, path)
    return path


def run_backmap(*args: str, text: str) -> subprocess.CompletedProcess[str]:
    """`python -m backmap ARGS` with ``text`` on its standard input, from a pipe."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("BACKMAP_DIR", None)
    return subprocess.run(
        [sys.executable, "-m", "backmap", *args],
        input=text,
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env=env,
        timeout=60,
    )


class EditedMidway(io.StringIO):
    """Answers from a pipe; another program changes the plan's name as the second line is read."""

    def __init__(self, text: str, plan: Path) -> None:
        super().__init__(text)
        self.plan = plan
        self.reads = 0

    def readline(self, size: int = -1) -> str:  # type: ignore[override]
        self.reads += 1
        if self.reads == 2:
            other = store.load(self.plan)
            other.title = "Changed in a text editor"
            store.save(other, self.plan)
        return super().readline(size)
