"""Opening and saving a plan looked back at 100 times, and the same plan looked back at 10 times.

Run as ``python -m bench.look_back_row ROUNDS BIG SMALL``; prints one JSON line with
``figure`` (BIG look-backs) and ``baseline`` (SMALL look-backs) lists of seconds. A sample
is one ``Session.open()`` of the saved plan and one ``Session.save()`` of what it opened:
read, parse and check every row, then the plan file, its backup and both summaries.
"""

from __future__ import annotations

import gc
import json
import sys
import time
from pathlib import Path

from backmap.session.plan_file import Session
from bench import open_row
from bench.plans import make_looked_back_plan


def timed_open_and_save(path: Path) -> float:
    gc.collect()  # each sample starts with no garbage left by the one before
    start = time.perf_counter()
    session = Session.open(path, path.parent)
    result = session.save()
    elapsed = time.perf_counter() - start
    if not result.ok:
        raise RuntimeError(f"save failed: {result.problem}")
    return elapsed


def run(rounds: int, big: int, small: int) -> dict[str, list[float]]:
    return open_row.run(rounds, big, small, make_looked_back_plan, timed_open_and_save)


def main(argv: list[str]) -> int:
    rounds, big, small = (int(value) for value in argv[:3])
    print(json.dumps(run(rounds, big, small)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
