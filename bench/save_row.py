"""Save + summary for a big plan and a plan a tenth of its size, as the app saves.

Run as ``python -m bench.save_row ROUNDS BIG SMALL``; prints one JSON line with
``figure`` (the big plan) and ``baseline`` (the small plan) lists of seconds. A sample
is one ``Session.save()``: the plan file, its backup, the Markdown and HTML summaries.
"""

from __future__ import annotations

import gc
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from backmap.session.plan_file import Session
from bench.plans import make_plan


def timed_save(session: Session) -> float:
    gc.collect()  # each sample starts with no garbage left by the one before
    start = time.perf_counter()
    result = session.save()
    elapsed = time.perf_counter() - start
    if not result.ok:
        raise RuntimeError(f"save failed: {result.problem}")
    return elapsed


def run(rounds: int, big: int, small: int) -> dict[str, list[float]]:
    with tempfile.TemporaryDirectory(prefix="backmap-bench-") as name:
        folder = Path(name)
        sessions = {
            size: Session(folder=folder, plan=make_plan(size), path=folder / f"plan-{size}.toml")
            for size in (big, small)
        }
        for session in sessions.values():  # warm up: templates, first files, .bak from now on
            timed_save(session)
        return by_turns(rounds, lambda: timed_save(sessions[big]), lambda: timed_save(sessions[small]))


Sample = Callable[[], float]


def by_turns(rounds: int, figure: Sample, baseline: Sample) -> dict[str, list[float]]:
    """Figure and baseline samples taken by turns, so a slow spell on the machine hits both."""
    samples: dict[str, list[float]] = {"figure": [], "baseline": []}
    for _ in range(rounds):
        samples["figure"].append(figure())
        samples["baseline"].append(baseline())
    return samples


def main(argv: list[str]) -> int:
    rounds, big, small = (int(value) for value in argv[:3])
    print(json.dumps(run(rounds, big, small)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
