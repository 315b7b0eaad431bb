"""Offline: a whole interview, and everything around it, with the network shut.

Day centres often have no internet. Every way Python opens a network
connection is replaced by one that records the attempt and refuses; the tests
then run the whole day-centre interview by keys, the plain interview, the
summary, the checks and a second backmap on the same plan, and prove that the
list of attempts is empty.
"""

from __future__ import annotations

import io
import json
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from backmap import cli
from backmap.core import render, store
from backmap.core.plan import now
from backmap.plain import run_plain
from tests import test_interview as interview
from tests import test_plain as plain
from tests.example_plans import EXAMPLE
from tests.pilot_helpers import SIZE, make_app


class NetworkShut(OSError):
    """What any attempt to reach the network gets while a test runs."""


@pytest.fixture
def attempts(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Shut the network for this test; yields the list of attempts, which must stay empty."""
    seen: list[str] = []

    def refuse(what: str) -> Callable[..., None]:
        def stand_in(*args: object, **kwargs: object) -> None:
            seen.append(f"{what}{args!r}")
            raise NetworkShut(f"{what} is not allowed in this test")

        return stand_in

    for name in ("connect", "connect_ex", "sendto", "bind"):
        monkeypatch.setattr(socket.socket, name, refuse(f"socket.{name}"))
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex", "gethostbyaddr"):
        monkeypatch.setattr(socket, name, refuse(f"socket.{name}"))
    yield seen


def test_the_shutter_works(attempts: list[str]) -> None:
    """Without this, an empty list could mean the shutter missed everything."""
    with pytest.raises(NetworkShut):
        socket.create_connection(("example.com", 80))
    with pytest.raises(NetworkShut), socket.socket() as raw:
        raw.connect(("127.0.0.1", 9))
    with pytest.raises(NetworkShut):
        socket.getaddrinfo("example.com", 443)
    assert len(attempts) == 3
    attempts.clear()


async def test_a_whole_interview_by_keys_never_connects(tmp_path: Path, attempts: list[str]) -> None:
    await interview.test_day_centre_plan_by_keys_only(tmp_path)
    assert attempts == []
    assert len(list(tmp_path.glob("*.toml"))) == 1


async def test_a_plan_in_use_opened_as_a_copy_never_connects(tmp_path: Path, attempts: list[str]) -> None:
    """The lock names this computer: that must come from the computer, not a name server."""
    path = tmp_path / "day-centre.toml"
    path.write_bytes(EXAMPLE.read_bytes())
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        holder = {"pid": other.pid, "host": socket.gethostname(), "since": now().isoformat()}
        path.with_name(path.name + ".lock").write_text(json.dumps(holder))
        app = make_app(tmp_path, path)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.click("#choice-copy")
            await pilot.pause()
            await pilot.press("ctrl+s")
            await pilot.press("ctrl+q")
    finally:
        other.kill()
        other.wait()
    assert (tmp_path / "day-centre-copy.toml").exists()
    assert attempts == []


def test_the_plain_interview_never_connects(tmp_path: Path, attempts: list[str]) -> None:
    example = store.load(EXAMPLE)
    out = io.StringIO()
    typed = "".join(line + "\n" for line in plain.answers_for(example))
    code = run_plain(str(tmp_path / "ours.toml"), tmp_path, stdin=io.StringIO(typed), stdout=out)
    assert code == 0
    assert store.load(tmp_path / "ours.toml").title == example.title
    assert attempts == []


def test_summary_and_checks_never_connect(
    tmp_path: Path, attempts: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "day-centre.toml"
    plan.write_bytes(EXAMPLE.read_bytes())
    assert cli.main(["check", str(plan)]) == 0
    assert cli.main(["render", str(plan)]) == 0
    assert cli.main(["example", str(tmp_path / "again.toml")]) == 0
    assert render.markdown(store.load(plan))
    capsys.readouterr()
    assert attempts == []
