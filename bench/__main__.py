"""``python -m bench``: measure every row, print one table of ratios (see bench/README.md).

Options: ``--quick`` takes fewer samples (a smoke test, not for the README);
``--only NAME[,NAME]`` runs some rows: startup, check, render, story, next, nextlist, lookbacknext,
lookbackstatus, list, save, open, lookbacks, memory
("memory" gives two rows: a whole interview against a fixed 64 MiB, and no growth over three).
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from bench.processes import (
    PYTHON,
    ROOT,
    backmap_command,
    quiet_env,
    run_json,
    time_in_pty,
    time_process,
)
from bench.table import Row, render

EXAMPLE = ROOT / "examples" / "day-centre.toml"
ROWS = (
    "startup",
    "check",
    "render",
    "story",
    "next",
    "nextlist",
    "lookbacknext",
    "lookbackstatus",
    "list",
    "save",
    "open",
    "lookbacks",
    "memory",
)


def interleaved(
    figure: Callable[[], float], baseline: Callable[[], float], runs: int
) -> tuple[list[float], list[float]]:
    """Run figure and baseline by turns (after one warm-up each), so noise hits both alike."""
    figure()
    baseline()
    a: list[float] = []
    b: list[float] = []
    for number in range(runs):
        # Alternate which goes first, so neither always runs right after the other.
        if number % 2:
            b.append(baseline())
            a.append(figure())
        else:
            a.append(figure())
            b.append(baseline())
    return a, b


def _drawn_widgets(which: str, home: Path) -> dict[str, object]:
    """What ``bench.ready`` drew for one app: its screen's class and (class, id) of each widget."""
    report = home / f"ready-{which}.json"
    env = quiet_env(home, BENCH_READY_REPORT=str(report))
    time_in_pty([PYTHON, "-m", "bench.ready", which], env, ROOT)
    return json.loads(report.read_text(encoding="utf-8"))


def startup(home: Path, runs: int) -> Row:
    # Like with like: both must have drawn the same welcome screen, widget for widget.
    drawn = {which: _drawn_widgets(which, home) for which in ("backmap", "bare")}
    if drawn["backmap"] != drawn["bare"]:
        raise RuntimeError(f"the bare welcome screen differs from backmap's: {drawn}")
    env = quiet_env(home)
    a, b = interleaved(
        lambda: time_in_pty([PYTHON, "-m", "bench.ready", "backmap"], env, ROOT),
        lambda: time_in_pty([PYTHON, "-m", "bench.ready", "bare"], env, ROOT),
        runs,
    )
    return Row(
        "start-up to the welcome screen (pty)",
        "bare Textual app: same themes, style sheet and welcome widgets",
        a,
        b,
        1.25,
    )


def check(home: Path, runs: int) -> Row:
    env = quiet_env(home)
    a, b = interleaved(
        lambda: time_process([*backmap_command(), "check", str(EXAMPLE)], env, home),
        lambda: time_process([PYTHON, "-c", "import tomllib"], env, home),
        runs,
    )
    return Row("`backmap check` example, whole process", '`python -c "import tomllib"`', a, b, 1.5)


def render_row(home: Path, runs: int) -> Row:
    env = quiet_env(home)
    out = str(home / "summary.md")
    a, b = interleaved(
        lambda: time_process([*backmap_command(), "render", str(EXAMPLE), "-o", out], env, home),
        lambda: time_process([PYTHON, "-c", "import jinja2, tomllib"], env, home),
        runs,
    )
    return Row("`backmap render` example, whole process", '`python -c "import jinja2, tomllib"`', a, b, 1.5)


def story_row(home: Path, runs: int) -> Row:
    """`backmap story` (both files, beside the plan) against `backmap render` on the same plan:
    the worked example looked back at twice, with its photo, as the tests make it."""
    from tests.look_back_plans import example_with_look_backs, write_with_photo

    folder = home / "story"
    folder.mkdir()
    plan = write_with_photo(example_with_look_backs(), folder, "day-centre.toml")
    env = quiet_env(home)
    a, b = interleaved(
        lambda: time_process([*backmap_command(), "story", str(plan)], env, home),
        lambda: time_process([*backmap_command(), "render", str(plan)], env, home),
        runs,
    )
    return Row(
        "`backmap story` example with 2 look-backs, whole process",
        "`backmap render` on the same plan",
        a,
        b,
        1.5,
    )


def _worker(home: Path, module: str, *args: object) -> dict[str, list[float]]:
    argv = [PYTHON, "-m", module, *map(str, args)]
    return json.loads(run_json(argv, quiet_env(home), ROOT))


def next_row(home: Path, rounds: int, samples: int, mode: str = "next") -> Row:
    """Next from a question: to a question ("next"), or into the first list step ("next-list",
    an extra row: there a new screen is built)."""
    data = _worker(home, "bench.app_rows", mode, rounds, samples)
    name = {
        "next": "Next: key press to next step ready",
        "next-list": "Next into a list step",
        "look-back": "Next in a look-back: an answer and Enter to next step ready",
        "look-back-status": "A status key in a look-back to next step ready (another pane)",
    }[mode]
    bare = "bare app: same widgets, panes in a ContentSwitcher, same step"
    return Row(f"{name} (Pilot)", bare, data["figure"], data["baseline"], 1.5)


def list_row(home: Path, rounds: int, samples: int) -> Row:
    data = _worker(home, "bench.app_rows", "list", rounds, samples)
    return Row(
        "Next on a list step, 200 items", "the same with 10 items", data["figure"], data["baseline"], 2
    )


def _linear_row(home: Path, module: str, figure: str, rounds: int) -> Row:
    """A plan of 10,000 activities against one of 1,000: linear work is at most 12x."""
    data = _worker(home, module, rounds, 10_000, 1_000)
    return Row(figure, "the same, 1,000 activities", data["figure"], data["baseline"], 12)


def save_row(home: Path, rounds: int) -> Row:
    return _linear_row(home, "bench.save_row", "save + summary, 10,000 activities", rounds)


def open_row(home: Path, rounds: int) -> Row:
    """Not one of the issue's rows: it keeps opening a plan linear (it was quadratic)."""
    return _linear_row(home, "bench.open_row", "open a plan, 10,000 activities", rounds)


def look_back_row(home: Path, rounds: int) -> Row:
    """Opening and saving a plan with 100 look-backs against one with 10: linear, at most 12x."""
    data = _worker(home, "bench.look_back_row", rounds, 100, 10)
    return Row(
        "open + save, 100 look-backs", "the same plan, 10 look-backs", data["figure"], data["baseline"], 12
    )


MEMORY_LIMIT_MIB = 64  # an old laptop: the whole interview must fit in this
GROWTH_LIMIT = 1.05  # the third interview in one process peaks at most 5% above the first


def memory(home: Path, runs: int) -> list[Row]:
    """Peak RSS of a whole interview, and its growth over three interviews in one process.

    The runs go side by side (peak memory does not mind a busy machine).
    """
    # The first interview of a "repeat" process is a whole interview in a fresh process (its
    # peak counts from the start), so one kind of run gives both rows; two run at once.
    jobs = []
    for number in range(runs):
        folder = home / f"interview-{number}"
        folder.mkdir()
        jobs.append(
            subprocess.Popen(
                [PYTHON, "-m", "bench.interview", "repeat", str(folder)],
                env=quiet_env(home),
                cwd=ROOT,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
    peaks = []
    for job in jobs:
        out, err = job.communicate()
        if job.returncode != 0:
            raise RuntimeError(f"bench.interview repeat failed: {err[-3000:]}")
        peaks.append(json.loads(out.strip().splitlines()[-1])["peaks_kib"])
    whole = [float(p[0]) for p in peaks]
    first = whole
    third = [float(p[2]) for p in peaks]
    limit = [MEMORY_LIMIT_MIB * 1024.0] * len(whole)
    return [
        Row(
            "peak RSS of a whole interview (Pilot, fresh process)",
            "fixed limit",
            whole,
            limit,
            1,
            "MiB",
            fixed=True,
        ),
        Row(
            "peak RSS of the 3rd interview in one process",
            "the 1st interview, same process",
            third,
            first,
            GROWTH_LIMIT,
            "MiB",
        ),
    ]


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{date.today().isoformat()}, {os.cpu_count()} cores, {model}, Python {platform.python_version()}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer samples: a smoke test")
    parser.add_argument("--only", help="comma-separated rows: " + ", ".join(ROWS))
    args = parser.parse_args(argv)
    chosen = args.only.split(",") if args.only else list(ROWS)
    unknown = set(chosen) - set(ROWS)
    if unknown:
        parser.error(f"unknown rows: {', '.join(sorted(unknown))}")
    quick = args.quick
    # Bytecode as an installed backmap has it (this machine may set PYTHONDONTWRITEBYTECODE).
    compileall.compile_dir(str(ROOT / "backmap"), quiet=1)
    compileall.compile_dir(str(ROOT / "bench"), quiet=1)
    began = time.perf_counter()
    home = Path(tempfile.mkdtemp(prefix="backmap-bench-"))
    rows: list[Row] = []
    try:
        steps: dict[str, Callable[[], Row | list[Row]]] = {
            "startup": lambda: startup(home, 3 if quick else 9),
            "check": lambda: check(home, 5 if quick else 21),
            "render": lambda: render_row(home, 5 if quick else 21),
            "story": lambda: story_row(home, 5 if quick else 21),
            "next": lambda: next_row(home, 1 if quick else 4, 3 if quick else 5),
            "nextlist": lambda: next_row(home, 1 if quick else 4, 3 if quick else 5, "next-list"),
            "lookbacknext": lambda: next_row(home, 1 if quick else 4, 3 if quick else 5, "look-back"),
            "lookbackstatus": lambda: next_row(
                home, 1 if quick else 4, 3 if quick else 5, "look-back-status"
            ),
            "list": lambda: list_row(home, 1 if quick else 3, 2 if quick else 3),
            "save": lambda: save_row(home, 2 if quick else 7),
            "open": lambda: open_row(home, 2 if quick else 7),
            "lookbacks": lambda: look_back_row(home, 2 if quick else 7),
            "memory": lambda: memory(home, 1 if quick else 2),
        }
        for name in ROWS:
            if name in chosen:
                print(f"measuring {name} ...", file=sys.stderr, flush=True)
                made = steps[name]()
                rows.extend(made if isinstance(made, list) else [made])
    finally:
        shutil.rmtree(home, ignore_errors=True)
    took = f"{time.perf_counter() - began:.0f} s" + (" (quick)" if quick else "")
    print(f"backmap benchmark: {machine()}; {took}")
    print()
    print(render(rows))
    return 0 if all(row.passed for row in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
