"""The command line, run the way people run it: as a separate program, checking exit codes and words."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from backmap import content
from backmap.core import store
from tests.example_plans import EXAMPLE

ROOT = Path(__file__).resolve().parent.parent
PACKAGED_EXAMPLE = ROOT / "backmap" / "examples" / "day-centre.toml"

BROKEN = b'title = "x"\nthis is not toml\n'


def backmap(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run `python -m backmap ARGS` in a folder, with text output."""
    return subprocess.run(
        [sys.executable, "-m", "backmap", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


def assert_no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr
    assert "Traceback" not in result.stdout


def test_the_two_examples_are_byte_identical() -> None:
    assert EXAMPLE.read_bytes() == PACKAGED_EXAMPLE.read_bytes()


# ----- example ------------------------------------------------------------------------------


def test_example_writes_the_worked_example(tmp_path: Path) -> None:
    result = backmap("example", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    written = tmp_path / "day-centre.toml"
    assert written.read_bytes() == PACKAGED_EXAMPLE.read_bytes()
    assert "day-centre.toml" in result.stdout


def test_example_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "mine.toml"
    target.write_text("my own words", encoding="utf-8")
    result = backmap("example", "mine.toml", cwd=tmp_path)
    assert result.returncode == 2
    assert "--force" in result.stderr
    assert target.read_text(encoding="utf-8") == "my own words"
    assert_no_traceback(result)

    forced = backmap("example", "mine.toml", "--force", cwd=tmp_path)
    assert forced.returncode == 0, forced.stderr
    assert target.read_bytes() == PACKAGED_EXAMPLE.read_bytes()


def test_example_into_a_missing_folder_fails_plainly(tmp_path: Path) -> None:
    result = backmap("example", "no/such/folder/plan.toml", cwd=tmp_path)
    assert result.returncode == 2
    assert "Cannot write no/such/folder/plan.toml." in result.stderr
    assert content.problem("write", "check_folder") in result.stderr  # what to do about it
    assert_no_traceback(result)
    assert list(tmp_path.iterdir()) == []


# ----- check --------------------------------------------------------------------------------


def test_check_on_the_example_finds_no_gaps(tmp_path: Path) -> None:
    result = backmap("check", str(EXAMPLE), cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.strip() == "No gaps found."
    assert result.stderr == ""


def test_check_with_findings_exits_1_with_one_line_each(tmp_path: Path) -> None:
    plan = tmp_path / "gaps.toml"
    text = EXAMPLE.read_text(encoding="utf-8").replace('outcomes = ["o1"]\n', "outcomes = []\n", 1)
    plan.write_text(text, encoding="utf-8")
    result = backmap("check", "gaps.toml", cwd=tmp_path)
    assert result.returncode == 1
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("The activity 'A set of planning meetings")


def test_check_json_lists_code_id_and_message(tmp_path: Path) -> None:
    plan = tmp_path / "empty-ish.toml"
    plan.write_text('title = ""\n', encoding="utf-8")
    result = backmap("check", "--json", "empty-ish.toml", cwd=tmp_path)
    assert result.returncode == 1
    findings = json.loads(result.stdout)
    assert isinstance(findings, list) and findings
    for finding in findings:
        assert set(finding) == {"code", "id", "message"}
        assert isinstance(finding["message"], str) and finding["message"]
    assert findings[0] == {
        "code": "missing-title",
        "id": None,
        "message": "Your plan has no name yet. Go to step 1.",
    }


def test_check_json_on_the_example_is_an_empty_list(tmp_path: Path) -> None:
    result = backmap("check", str(EXAMPLE), "--json", cwd=tmp_path)
    assert result.returncode == 0
    assert json.loads(result.stdout) == []


def test_check_json_keeps_unicode_readable(tmp_path: Path) -> None:
    plan = tmp_path / "uni.toml"
    plan.write_text(
        'title = "Café 😀"\n[[outcomes]]\nid = "o1"\npart = "project"\ntext = "Zuhause für alle 😀"\n',
        encoding="utf-8",
    )
    result = backmap("check", "--json", "uni.toml", cwd=tmp_path)
    assert "😀" in result.stdout
    assert any(f["id"] == "o1" for f in json.loads(result.stdout))


@pytest.mark.parametrize("json_flag", [[], ["--json"]], ids=["text", "json"])
def test_check_on_an_unreadable_plan_exits_2_with_a_message(tmp_path: Path, json_flag: list[str]) -> None:
    plan = tmp_path / "broken.toml"
    plan.write_bytes(BROKEN)
    result = backmap("check", *json_flag, "broken.toml", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert "broken.toml, line 2" in result.stderr
    assert "not written the way a plan file should be" in result.stderr
    assert_no_traceback(result)
    assert plan.read_bytes() == BROKEN


DEEP = {
    "lists": "x = " + "[" * 500 + "]" * 500 + "\n",
    "inline tables": "x = " + "{a = " * 500 + "1" + "}" * 500 + "\n",
    "a long key": "[" + ".".join(["k"] * 260) + "]\nv = 1\n",
    "rows of a long key": "[[activities]]\nid='a1'\n[activities." + ".".join(["k"] * 40) + "]\n",
}


@pytest.mark.parametrize("command", ["check", "render"])
@pytest.mark.parametrize("nesting", list(DEEP))
def test_a_deeply_nested_file_is_refused_in_plain_words(tmp_path: Path, command: str, nesting: str) -> None:
    plan = tmp_path / "deep.toml"
    plan.write_text('title = "Deep"\n' + DEEP[nesting], encoding="utf-8")
    result = backmap(command, "deep.toml", cwd=tmp_path)
    assert result.returncode == 2
    assert content.problem("file", "too_deep", depth=32) in result.stderr
    assert "Cannot open the plan deep.toml." in result.stderr
    assert_no_traceback(result)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deep.toml"]


def test_check_on_a_missing_plan_exits_2(tmp_path: Path) -> None:
    result = backmap("check", "nowhere.toml", cwd=tmp_path)
    assert result.returncode == 2
    assert "nowhere.toml" in result.stderr
    assert_no_traceback(result)


# ----- render -------------------------------------------------------------------------------


def test_render_writes_the_summary_beside_the_plan(tmp_path: Path) -> None:
    plan = tmp_path / "day-centre.toml"
    plan.write_bytes(EXAMPLE.read_bytes())
    result = backmap("render", "day-centre.toml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    summary = tmp_path / "day-centre.md"
    assert "day-centre.md" in result.stdout
    text = summary.read_text(encoding="utf-8")
    assert "Our new day centre" in text
    assert "Our plan in short" in text
    assert plan.read_bytes() == EXAMPLE.read_bytes()


def test_render_to_another_place_with_o(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    result = backmap("render", str(EXAMPLE), "-o", "out/summary.md", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "out/summary.md" in result.stdout
    assert "Our new day centre" in (tmp_path / "out" / "summary.md").read_text(encoding="utf-8")
    assert not (tmp_path / "day-centre.md").exists()


def test_render_of_an_unreadable_plan_exits_2_and_writes_nothing(tmp_path: Path) -> None:
    plan = tmp_path / "broken.toml"
    plan.write_bytes(BROKEN)
    result = backmap("render", "broken.toml", cwd=tmp_path)
    assert result.returncode == 2
    assert "broken.toml" in result.stderr
    assert_no_traceback(result)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.toml"]


def test_render_into_a_missing_folder_exits_2(tmp_path: Path) -> None:
    result = backmap("render", str(EXAMPLE), "-o", "gone/summary.md", cwd=tmp_path)
    assert result.returncode == 2
    assert "Cannot write gone/summary.md." in result.stderr
    assert content.problem("write", "check_folder") in result.stderr  # what to do about it
    assert_no_traceback(result)


@pytest.mark.parametrize(
    ("args", "target"),
    [
        (("-o", "day-centre.toml"), "day-centre.toml"),  # the plan itself
        (("-o", "other.toml"), "other.toml"),  # another plan
        (("-o", "day-centre.toml.bak", "--format", "md"), "day-centre.toml.bak"),  # its backup
        (("-o", "plan-as-text.md"), "plan-as-text.md"),  # a plan that has an unusual name
        (("--format", "html", "-o", "./day-centre.toml"), "day-centre.toml"),  # the long way
    ],
)
def test_render_never_writes_over_a_plan(tmp_path: Path, args: tuple[str, ...], target: str) -> None:
    for name in ("day-centre.toml", "other.toml", "day-centre.toml.bak", "plan-as-text.md"):
        (tmp_path / name).write_bytes(EXAMPLE.read_bytes())
    result = backmap("render", "day-centre.toml", *args, cwd=tmp_path)
    assert result.returncode == 2
    assert content.word("cli", "choose_summary_name") in result.stderr
    assert_no_traceback(result)
    assert (tmp_path / target).read_bytes() == EXAMPLE.read_bytes()


def test_render_of_a_plan_whose_summary_name_is_its_own_name_writes_nothing(tmp_path: Path) -> None:
    plan = tmp_path / "plan.md"  # the summary of plan.md would be plan.md
    plan.write_bytes(EXAMPLE.read_bytes())
    result = backmap("render", "plan.md", cwd=tmp_path)
    assert result.returncode == 2
    assert "plan.md is a plan file." in result.stderr
    assert plan.read_bytes() == EXAMPLE.read_bytes()


def test_render_over_an_old_summary_still_works(tmp_path: Path) -> None:
    (tmp_path / "summary.md").write_text("# An old summary\n", encoding="utf-8")
    result = backmap("render", str(EXAMPLE), "-o", "summary.md", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Our new day centre" in (tmp_path / "summary.md").read_text(encoding="utf-8")


# ----- version and help ---------------------------------------------------------------------


def test_version(tmp_path: Path) -> None:
    from backmap import __version__

    result = backmap("--version", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.strip() == f"backmap {__version__}"


@pytest.mark.parametrize(
    ("args", "must_say"),
    [
        (["--help"], ["check PLAN", "render PLAN", "example [PATH]", "--plain", "--dir", "BACKMAP_DIR"]),
        (["check", "--help"], ["--json", "plan"]),
        (["render", "--help"], ["-o", "OUT"]),
        (["example", "--help"], ["--force", "path"]),
    ],
    ids=["main", "check", "render", "example"],
)
def test_help_is_readable(tmp_path: Path, args: list[str], must_say: list[str]) -> None:
    result = backmap(*args, cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.startswith("usage: backmap")
    for words in must_say:
        assert words in result.stdout
    assert all(len(line) <= 100 for line in result.stdout.splitlines())
    assert_no_traceback(result)


def test_help_words_are_the_words_in_content(tmp_path: Path) -> None:
    """Every help text comes from content/words.toml, so the easy-read test sees it."""
    shown = " ".join(
        backmap(*args, cwd=tmp_path).stdout
        for args in (
            ["--help"],
            ["look-back", "--help"],
            ["check", "--help"],
            ["render", "--help"],
            ["example", "--help"],
        )
    )
    shown = " ".join(shown.split())  # argparse wraps long help over lines
    folders = {"folder": os.environ["BACKMAP_DIR"], "option": "--dir", "variable": "BACKMAP_DIR"}
    for key, text in content.load("words")["cli"].items():
        if key in ("about", "about_order", "other_commands", "where_plans", "other_folder", "more_help") or (
            key.startswith("help_") or key in ("check", "render", "example") or key.endswith("_about")
        ):
            wanted = text.format(command="backmap COMMAND --help", **folders)
            assert " ".join(wanted.split()) in shown, key
    assert "show this help message" not in shown  # argparse's own words are replaced by ours


def test_render_to_an_html_file_writes_the_page(tmp_path: Path) -> None:
    """ "-o plan.html" means the printable page, even without --format."""
    plan = tmp_path / "day.toml"
    plan.write_bytes(EXAMPLE.read_bytes())
    out = tmp_path / "print-me.html"
    result = backmap("render", str(plan), "-o", str(out), cwd=tmp_path)
    assert result.returncode == 0
    assert out.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")
    md = tmp_path / "notes.md"
    assert backmap("render", str(plan), "-o", str(md), cwd=tmp_path).returncode == 0
    assert md.read_text(encoding="utf-8").startswith("# ")


def test_check_names_a_photo_that_is_not_beside_the_plan(tmp_path: Path) -> None:
    """Look-back findings: a quote's photo is looked for in the plan's own folder."""
    from datetime import date

    from backmap.core.plan import Voice

    plan = store.load(EXAMPLE)
    checkin = plan.add_checkin(date(2027, 3, 1), ["Sam"])
    checkin.finished = True
    checkin.voices.append(Voice(text="I chose the colours.", said_by="Sam", share="yes", photo="room.jpg"))
    path = tmp_path / "plan.toml"
    store.save(plan, path)
    missing = subprocess.run(
        [sys.executable, "-m", "backmap", "check", "--json", str(path)], capture_output=True, text=True
    )
    assert missing.returncode == 1
    assert "photo-missing" in missing.stdout
    (tmp_path / "room.jpg").write_bytes(b"\xff\xd8\xff")
    there = subprocess.run(
        [sys.executable, "-m", "backmap", "check", "--json", str(path)], capture_output=True, text=True
    )
    assert "photo-missing" not in there.stdout


def test_help_names_the_folder_in_use_and_commands_print_full_paths(tmp_path: Path) -> None:
    """Issue 17: --help named ~/Documents/backmap even when BACKMAP_DIR chose another
    folder, and render printed a path relative to wherever the person happened to be."""
    env = {**os.environ, "BACKMAP_DIR": str(tmp_path / "our-plans")}
    shown = subprocess.run(
        [sys.executable, "-m", "backmap", "--help"], capture_output=True, text=True, env=env, check=True
    )
    assert str(tmp_path / "our-plans") in shown.stdout.replace("\n", "")
    example = subprocess.run(
        [sys.executable, "-m", "backmap", "example", "ex.toml"], cwd=tmp_path, capture_output=True, text=True
    )
    assert str((tmp_path / "ex.toml").absolute()) in example.stdout
    rendered = subprocess.run(
        [sys.executable, "-m", "backmap", "render", "ex.toml", "-o", "ex-out.md"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert str((tmp_path / "ex-out.md").absolute()) in rendered.stdout
