"""Is opening and saving a plan linear? Counted in instructions, which noise cannot change.

Run as ``python -m bench.instructions`` (about 4 minutes on 2 cores; it needs
valgrind). Not part of ``python -m bench``: it takes too long for that table.

The timed rows of ``python -m bench`` compare a plan of 10,000 activities with one of
1,000 in seconds, and on this shared machine the same code gives 9.8x one run and 12.4x
the next. ``valgrind --tool=callgrind`` counts the instructions a process runs instead:
the same count for the same work, however busy the machine is. Each job runs twice in a
fresh process, once doing the work and once doing everything around it (start Python,
import backmap, and for saving, read the plan and save a small one so the templates are
loaded), and the difference is the work alone. A ratio near 10 says the code does ten times the work for
ten times the plan; what the seconds add on top of that is the memory of the machine
(a big plan does not fit in its caches), not the code.

The child form, ``python -m bench.instructions --one JOB MODE PLAN FOLDER``, is what
runs under valgrind.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench.processes import PYTHON, ROOT, quiet_env
from bench.table import Row, render

BIG, SMALL = 10_000, 1_000
JOBS = ("open", "save")
_COLLECTED = re.compile(r"Collected\s*:\s*(\d+)")


def one(job: str, mode: str, plan_file: Path, folder: Path) -> None:
    """The measured process: ``mode`` "work" does the job, "around" only what surrounds it."""
    from backmap.core import store
    from backmap.core.plan import Plan
    from backmap.session.plan_file import Session

    if job == "open":
        if mode == "work":
            Session.open(plan_file, folder)
        return
    plan = store.load(plan_file)
    # Templates compiled and loaded, as in bench.save_row, by saving a small plan first.
    Session(folder=folder, plan=Plan(title="Warm up"), path=folder / "warm-up.toml").save()
    if mode == "work":
        saved = folder / "saved.toml"
        shutil.copyfile(plan_file, saved)  # so the save keeps a .bak, as every save after the first
        result = Session(folder=folder, plan=plan, path=saved).save()
        if not result.ok:
            raise SystemExit(f"save failed: {result.problem}")


def count(job: str, mode: str, plan_file: Path, home: Path) -> int:
    """Instructions run by one fresh child process, as callgrind counts them."""
    folder = Path(tempfile.mkdtemp(prefix=f"{job}-{mode}-", dir=home))
    command = [
        "valgrind",
        "--tool=callgrind",
        "--callgrind-out-file=/dev/null",
        PYTHON,
        "-m",
        "bench.instructions",
        "--one",
        job,
        mode,
        str(plan_file),
        str(folder),
    ]
    done = subprocess.run(command, cwd=ROOT, env=quiet_env(home), capture_output=True, text=True)
    found = _COLLECTED.search(done.stderr)
    if done.returncode != 0 or found is None:
        raise RuntimeError(f"callgrind run failed ({job} {mode} {plan_file.name}):\n{done.stderr[-2000:]}")
    return int(found.group(1))


def measure(home: Path) -> list[Row]:
    from backmap.core import store
    from bench.plans import make_plan

    plans = {}
    for size in (BIG, SMALL):
        plans[size] = home / f"plan-{size}.toml"
        store.save(make_plan(size), plans[size])
    runs = [(job, mode, size) for job in JOBS for size in (BIG, SMALL) for mode in ("work", "around")]
    runs.remove(("open", "around", BIG))  # what surrounds opening does not depend on the plan
    # Counts do not mind a busy machine, so the runs share the cores; the biggest go first.
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {run: pool.submit(count, run[0], run[1], plans[run[2]], home) for run in runs}
        counts = {run: future.result() for run, future in futures.items()}
    rows = []
    for job in JOBS:
        work = {}
        for size in (BIG, SMALL):
            around = counts.get((job, "around", size), counts[(job, "around", SMALL)])
            work[size] = counts[(job, "work", size)] - around
        figure = f"{job}: instructions, 10,000 activities"
        rows.append(Row(figure, "the same, 1,000 activities", [work[BIG]], [work[SMALL]], 12, "instructions"))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.instructions", description=__doc__.splitlines()[0])
    parser.add_argument("--one", nargs=4, metavar=("JOB", "MODE", "PLAN", "FOLDER"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        job, mode, plan_file, folder = args.one
        one(job, mode, Path(plan_file), Path(folder))
        return 0
    if shutil.which("valgrind") is None:
        print("This needs valgrind (Debian: apt install valgrind).", file=sys.stderr)
        return 2
    home = Path(tempfile.mkdtemp(prefix="backmap-instructions-"))
    try:
        rows = measure(home)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    print(render(rows))
    return 0 if all(row.passed for row in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
