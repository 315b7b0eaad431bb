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
from collections.abc import Callable
from pathlib import Path

from backmap.core import store
from backmap.core.plan import Plan
from backmap.session.plan_file import Session
from bench.plans import make_plan
from bench.save_row import by_turns


def timed_open(path: Path) -> float:
    gc.collect()
    start = time.perf_counter()
    Session.open(path, path.parent)
    return time.perf_counter() - start


def run(
    rounds: int,
    big: int,
    small: int,
    make: Callable[[int], Plan] = make_plan,
    sample: Callable[[Path], float] = timed_open,
) -> dict[str, list[float]]:
    """Samples of the big plan and the small one, by turns; ``make`` makes a plan of a size,
    ``sample`` times one go at the plan saved at a path."""
    with tempfile.TemporaryDirectory(prefix="backmap-bench-") as name:
        folder = Path(name)
        paths = {}
        for size in (big, small):
            paths[size] = folder / f"plan-{size}.toml"
            store.save(make(size), paths[size])
            sample(paths[size])  # warm up: templates, first files, .bak from now on
        return by_turns(rounds, lambda: sample(paths[big]), lambda: sample(paths[small]))


def main(argv: list[str]) -> int:
    rounds, big, small = (int(value) for value in argv[:3])
    print(json.dumps(run(rounds, big, small)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
