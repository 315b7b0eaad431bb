"""The keeper's own questions in plain mode (the plan is in use, or changed on disk) know
the plain commands: help, stop, the end of input, and words we do not understand.

Driven through a pipe; checked by what is printed and what is on disk.
"""

from __future__ import annotations

import io
import json
import socket
from datetime import UTC, datetime
from pathlib import Path

import pytest

from backmap import content
from backmap.core import store
from backmap.plain import run_plain
from tests.example_plans import EXAMPLE, EditedMidway, example_copy, lines, run_backmap
from tests.look_back_plans import example_with_look_backs, write_with_photo

ROOT = Path(__file__).resolve().parent.parent


def plain(key: str, **values: object) -> str:
    return content.word("plain", key, **values)


def in_use(folder: Path) -> Path:
    """A plan another backmap on this computer has open (its lock names a live process)."""
    plan = folder / "day.toml"
    plan.write_bytes(EXAMPLE.read_bytes())
    lock = {"pid": 1, "host": socket.gethostname(), "since": datetime.now(UTC).isoformat()}
    (folder / "day.toml.lock").write_text(json.dumps(lock), encoding="utf-8")
    return plan


BAD = plain("choice_bad", count=2, help="help")


def test_help_says_the_choices_again_and_words_not_understood_are_asked_again(tmp_path: Path) -> None:
    plan = in_use(tmp_path)
    result = run_backmap(
        "--plain", str(plan), "--dir", str(tmp_path), text=lines("help", "read it", "back", "", "9", "1")
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Traceback" not in out + result.stderr
    asked = out.split(content.word("problems", "in_use"), 1)[1].split(plain("working_on", path=""), 1)[0]
    choices = [f"1. {content.word('problems', 'read')}", f"2. {content.word('problems', 'copy')}"]
    how = plain("choice_how", stop="stop")
    # Said once with the question, and again after help.
    assert asked.count("\n".join([*choices, how])) == 2
    assert asked.count(BAD) == 4  # "read it", "back", an empty line and 9
    # "1" at last: open to read only; the input ends with nothing typed, so nothing is saved.
    assert out.rstrip().splitlines()[-2:] == [plain("ended"), plain("nothing_saved")]
    assert "Could not save" not in out


@pytest.mark.parametrize(("typed", "said"), [("stop", "stopped"), ("", "ended")])
def test_stop_or_the_end_of_input_at_the_in_use_question_stops_cleanly(
    tmp_path: Path, typed: str, said: str
) -> None:
    plan = in_use(tmp_path)
    before = plan.read_bytes()
    text = lines("help", typed) if typed else "help\n"  # "": the input ends at the question
    result = run_backmap("--plain", str(plan), "--dir", str(tmp_path), text=text)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    end = result.stdout.split(content.word("problems", "in_use"), 1)[1]
    assert end.rstrip().splitlines()[-2:] == [plain(said), plain("not_opened", path=plan.absolute())]
    assert plan.read_bytes() == before
    assert json.loads((tmp_path / "day.toml.lock").read_text(encoding="utf-8"))["pid"] == 1  # theirs still
    assert sorted(p.name for p in tmp_path.iterdir()) == ["day.toml", "day.toml.lock"]


@pytest.mark.parametrize(("last", "said"), [("stop", "stopped"), (None, "ended")])
def test_stop_or_the_end_of_input_at_the_changed_on_disk_question_keeps_the_answers_in_a_copy(
    tmp_path: Path, last: str | None, said: str
) -> None:
    plan = tmp_path / "day.toml"
    plan.write_bytes(EXAMPLE.read_bytes())
    out = io.StringIO()
    # The name; no change to people; no new person; a new impact: then the question about the file.
    answers = ["Our new name", "", "", "Everyone is welcome", "help", "3", "change"]
    code = run_plain(
        str(plan), tmp_path, stdin=EditedMidway(lines(*answers, *([last] if last else [])), plan), stdout=out
    )
    said_out = out.getvalue()
    assert code == 0
    assert "Traceback" not in said_out
    asked = said_out.split(content.word("problems", "changed_on_disk"), 1)[1]
    assert asked.count(f"1. {content.word('problems', 'reload')}") == 2  # and again after help
    assert asked.count(BAD) == 2  # 3 and change are not choices here
    end = asked.split(plain(said), 1)[1]
    copy = tmp_path / "day-copy.toml"
    assert content.word("safety", "kept_copy", name=copy.name) in end
    assert plain("saved_in", path=copy.absolute()) in end
    assert str(copy.with_suffix(".md").absolute()) in end
    # Nothing written over: the other program's change stays, and ours are in the copy.
    assert store.load(plan).title == "Changed in a text editor"
    kept = store.load(copy)
    assert (kept.title, kept.impact.project) == ("Our new name", "Everyone is welcome")
    assert not (tmp_path / "day.toml.lock").exists()


def test_the_look_back_question_knows_help_and_stop_too(tmp_path: Path) -> None:
    path = write_with_photo(example_with_look_backs(), tmp_path)
    before = path.read_bytes()
    result = run_backmap(
        "look-back", str(path), "--plain", "--dir", str(tmp_path), text=lines("help", "new", "stop")
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    out = result.stdout
    assert out.count("1. Start a new look-back") == 2
    assert out.count(plain("choice_bad", count=3, help="help")) == 1
    assert out.rstrip().splitlines()[-2:] == [plain("stopped"), plain("not_opened", path=path.absolute())]
    assert path.read_bytes() == before


def test_a_look_back_that_ends_at_a_keeper_question_never_prints_a_traceback(tmp_path: Path) -> None:
    path = example_copy(tmp_path)
    lock = {"pid": 1, "host": socket.gethostname(), "since": datetime.now(UTC).isoformat()}
    (tmp_path / f"{path.name}.lock").write_text(json.dumps(lock), encoding="utf-8")
    result = run_backmap("look-back", str(path), "--plain", "--dir", str(tmp_path), text="what\n")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stdout.rstrip().splitlines()[-2:] == [
        plain("ended"),
        plain("not_opened", path=path.absolute()),
    ]
