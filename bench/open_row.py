"""Opening a big plan and a plan a tenth of its size, as the app opens a plan.

Run as ``python -m bench.open_row ROUNDS BIG SMALL``; prints one JSON line with
``figure`` (the big plan) and ``baseline`` (the small plan) lists of seconds. A sample
is one ``Session.open()``: read the file, parse the TOML, check every row.
"""

from __future__ import annotations

import gc
import json
import sys
import tempfile
import time
from pathlib import Path

from backmap.core import store
from backmap.session.plan_file import Session
from bench.plans import make_plan
from bench.save_row import by_turns


def timed_open(path: Path) -> float:
    gc.collect()
    start = time.perf_counter()
    Session.open(path, path.parent)
    return time.perf_counter() - start


def run(rounds: int, big: int, small: int) -> dict[str, list[float]]:
    with tempfile.TemporaryDirectory(prefix="backmap-bench-") as name:
        folder = Path(name)
        paths = {}
        for size in (big, small):
            paths[size] = folder / f"plan-{size}.toml"
            store.save(make_plan(size), paths[size])
            timed_open(paths[size])  # warm up
        return by_turns(rounds, lambda: timed_open(paths[big]), lambda: timed_open(paths[small]))


def main(argv: list[str]) -> int:
    rounds, big, small = (int(value) for value in argv[:3])
    print(json.dumps(run(rounds, big, small)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
