"""Import hygiene: the core and the quick commands never pay for Textual.

`check`, `render` and `example` must stay fast on old day-centre laptops, and
the core must stay usable without a terminal UI. Each test runs a fresh Python,
because in this process the app tests may already have imported Textual.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.example_plans import EXAMPLE

ROOT = Path(__file__).resolve().parent.parent

PURE_PACKAGES = ("backmap.core", "backmap.session")
# Besides the two packages, these also run without a terminal UI.
ALSO_PURE = ["backmap.content", "backmap.plain"]


def modules_in(package: str) -> list[str]:
    """Every module of a package, found on disk: a new module is checked without a list to keep."""
    folder = ROOT.joinpath(*package.split("."))
    return sorted(f"{package}.{path.stem}" for path in folder.glob("*.py") if path.stem != "__init__")


CORE = [name for package in PURE_PACKAGES for name in modules_in(package)] + ALSO_PURE


def imported_modules(args: list[str], cwd: Path) -> set[str]:
    """Every module a fresh `python -X importtime ARGS` imported (read from its import log)."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr[-2000:]
    names: set[str] = set()
    for line in result.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            name = line.rsplit("|", 1)[1].strip()
            if name != "package":  # the header line
                names.add(name)
    return names


def top_packages(names: set[str]) -> set[str]:
    return {name.split(".")[0] for name in names}


def test_the_import_log_is_read_correctly(tmp_path: Path) -> None:
    """Guard for the tests below: they must be able to see an import when there is one."""
    names = imported_modules(["-c", "import json"], tmp_path)
    assert "json" in names
    assert "json.decoder" in names
    assert "textual" in top_packages(imported_modules(["-c", "import textual"], tmp_path))


def test_core_modules_do_not_import_textual(tmp_path: Path) -> None:
    assert len(CORE) > 10  # the packages were found
    names = imported_modules(["-c", "import " + ", ".join(CORE)], tmp_path)
    assert set(CORE) <= names
    assert "textual" not in top_packages(names)


@pytest.mark.parametrize(
    "args",
    [
        ["check", str(EXAMPLE)],
        ["check", "--json", str(EXAMPLE)],
        ["render", str(EXAMPLE), "-o", "summary.md"],
        ["example", "example.toml"],
    ],
    ids=["check", "check-json", "render", "example"],
)
def test_quick_commands_do_not_import_textual(tmp_path: Path, args: list[str]) -> None:
    names = imported_modules(["-m", "backmap", *args], tmp_path)
    assert "backmap.cli" in names
    assert "textual" not in top_packages(names)


def test_commands_through_main_do_not_import_textual(tmp_path: Path) -> None:
    """The same, through cli.main in one process, as the console script calls it."""
    script = f"""
import sys
from backmap import cli
codes = [
    cli.main(["check", {str(EXAMPLE)!r}]),
    cli.main(["render", {str(EXAMPLE)!r}, "-o", "out.md"]),
    cli.main(["example", "ex.toml"]),
]
assert codes == [0, 0, 0], codes
print("TEXTUAL" if any(m == "textual" or m.startswith("textual.") for m in sys.modules) else "CLEAN")
"""
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "CLEAN"
    assert (tmp_path / "out.md").exists() and (tmp_path / "ex.toml").exists()


def test_version_loads_neither_textual_nor_jinja(tmp_path: Path) -> None:
    names = imported_modules(["-m", "backmap", "--version"], tmp_path)
    assert "backmap.cli" in names
    assert not top_packages(names) & {"textual", "jinja2"}
