"""What the quick commands load, checked in a fresh Python after ``cli.main`` has run.

tests/test_imports.py already proves that check, render and example never load
Textual. This adds what it leaves out: ``--version`` through ``cli.main`` (it exits
with SystemExit) loads neither Textual nor Jinja, and ``check`` stays as light as
the benchmark needs (bench/: at most 1.5 times ``python -c "import tomllib"``).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.example_plans import EXAMPLE

ROOT = Path(__file__).resolve().parent.parent

# Modules that each cost a noticeable part of a quick `check` (measured with -X importtime).
HEAVY_FOR_CHECK = (
    "textual",
    "jinja2",
    "argparse",  # with gettext, locale and shutil: about 8 ms
    "dataclasses",  # with inspect: about 10 ms, more than the whole budget
    "pathlib",  # with urllib.parse and ipaddress: about 4 ms
    "importlib.resources",  # with zipfile: about 6 ms
    "tempfile",
    "tomli_w",
    "json",
)

# Imports nothing before cli.main runs but sys, which Python has loaded anyway.
_SCRIPT = """
import sys
from backmap import cli
try:
    code = cli.main(sys.argv[1:])
except SystemExit as stop:
    code = stop.code
print("=== REPORT", code)
print("\\n".join(sorted(sys.modules)))
"""


def output_of_main(args: list[str], cwd: Path, before: str = "") -> str:
    """What ``cli.main(args)`` prints in a fresh Python, after the code ``before``, and the report."""
    result = subprocess.run(
        [sys.executable, "-c", before + _SCRIPT, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def modules_after_main(args: list[str], cwd: Path) -> tuple[object, set[str]]:
    """Run ``cli.main(args)`` in a fresh Python; return its exit code and every module loaded."""
    report = output_of_main(args, cwd).split("=== REPORT ", 1)[1].splitlines()
    code = int(report[0]) if report[0].isdigit() else report[0]
    return code, set(report[1:])


def loaded(modules: set[str], name: str) -> bool:
    return any(module == name or module.startswith(name + ".") for module in modules)


def test_version_through_main_loads_neither_textual_nor_jinja(tmp_path: Path) -> None:
    code, modules = modules_after_main(["--version"], tmp_path)
    assert code == 0
    assert "backmap.cli" in modules
    assert not loaded(modules, "textual")
    assert not loaded(modules, "jinja2")


def test_the_report_sees_a_heavy_import(tmp_path: Path) -> None:
    """Guard: the same script does see Textual and Jinja when a command loads them."""
    code, modules = modules_after_main(["render", str(EXAMPLE), "-o", "out.md"], tmp_path)
    assert code == 0
    assert loaded(modules, "jinja2")


def test_check_loads_nothing_heavy(tmp_path: Path) -> None:
    for args in (["check", str(EXAMPLE)], ["check", "--json", str(EXAMPLE)]):
        code, modules = modules_after_main(args, tmp_path)
        assert code == 0
        heavy = [name for name in HEAVY_FOR_CHECK if loaded(modules, name)]
        if "--json" in args:
            heavy.remove("json")
        assert heavy == [], f"backmap {' '.join(args[:-1])} loads {heavy}"


def test_render_and_example_do_not_load_textual(tmp_path: Path) -> None:
    for args in (["render", str(EXAMPLE), "-o", "out.md"], ["example", "ex.toml"]):
        code, modules = modules_after_main(args, tmp_path)
        assert code == 0
        assert not loaded(modules, "textual"), args


# The interview, with the app replaced by a stand-in that only notes what was asked.
_APP_STAND_IN = """
import sys
import backmap.app
backmap.app.run_app = lambda plan, folder: print("=== OPENED", plan) or 0
"""


def test_starting_the_interview_does_not_build_argparse(tmp_path: Path) -> None:
    """`backmap` and `backmap PLAN` start the app without argparse: about 10 ms of start-up."""
    for args, plan in (([], "None"), (["our-plan.toml"], "our-plan.toml")):
        output = output_of_main(args, tmp_path, before=_APP_STAND_IN)
        assert f"=== OPENED {plan}" in output
        modules = set(output.split("=== REPORT ", 1)[1].splitlines()[1:])
        assert loaded(modules, "textual")  # the guard: the app's module was loaded
        assert not loaded(modules, "argparse"), args
