"""The story read aloud: `backmap story PLAN --audio` writes NAME-story.wav with espeak-ng.

Needs espeak-ng (.ci/run installs it). Without it these tests fail with a clear message
when CI or BACKMAP_REQUIRE_BROWSER is set, and are skipped otherwise. The test of the
message for a computer without espeak-ng runs everywhere.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
import wave
from pathlib import Path

import pytest

from backmap.core import store, story
from tests.look_back_plans import example_with_look_backs, write_with_photo

# espeak-ng speaks at 140 words a minute here; pauses at every full stop make it slower.
SLOWEST, FASTEST = 70, 200  # words a minute a sensible reading of the story falls between


def backmap(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "backmap", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


@pytest.fixture
def needs_espeak() -> None:
    if shutil.which("espeak-ng"):
        return
    message = "The audio tests need espeak-ng (apt-get install espeak-ng). .ci/run installs it."
    if os.environ.get("CI") or os.environ.get("BACKMAP_REQUIRE_BROWSER"):
        pytest.fail(message)
    pytest.skip(message)


def test_audio_is_a_wav_as_long_as_its_words(tmp_path: Path, needs_espeak: None) -> None:
    path = write_with_photo(example_with_look_backs(), tmp_path)
    done = backmap("story", str(path), "--audio", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    sound = tmp_path / "plan-story.wav"
    assert f"Wrote {sound.resolve()}" in done.stdout
    assert stat.S_IMODE(sound.stat().st_mode) == 0o600
    with wave.open(str(sound)) as audio:
        assert audio.getnchannels() == 1 and audio.getsampwidth() == 2
        seconds = audio.getnframes() / audio.getframerate()
    spoken = story.spoken(store.load(path), path)
    count = len(re.findall(r"[\w'’-]+", spoken))
    assert count > 300
    per_minute = count / (seconds / 60)
    assert SLOWEST <= per_minute <= FASTEST, (count, seconds, per_minute)


def test_audio_speaks_the_story_not_the_symbols(tmp_path: Path) -> None:
    path = write_with_photo(example_with_look_backs(), tmp_path)
    spoken = story.spoken(store.load(path), path)
    assert "[x]" not in spoken and "[~]" not in spoken
    assert "It happened." in spoken and "I chose the colours for the room." in spoken
    assert "The team meetings were long for me." not in spoken


def test_a_clear_message_when_espeak_is_not_installed(tmp_path: Path) -> None:
    path = write_with_photo(example_with_look_backs(), tmp_path)
    empty = tmp_path / "no-programs"
    empty.mkdir()
    done = backmap("story", str(path), "--audio", cwd=tmp_path, env={**os.environ, "PATH": str(empty)})
    assert done.returncode == 2
    assert "backmap needs the program espeak-ng. It is not on this computer." in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "plan-story.wav").exists()
    assert (tmp_path / "plan-story.html").exists()  # the story itself is still written


def test_the_sound_file_has_the_voice_and_speed_of_read_aloud(tmp_path: Path) -> None:
    """A stand-in espeak-ng keeps what it was asked: the story's voice is the app's."""
    path = write_with_photo(example_with_look_backs(), tmp_path)
    programs = tmp_path / "programs"
    programs.mkdir()
    asked = tmp_path / "asked.txt"
    fake = programs / "espeak-ng"
    fake.write_text(
        "#!/bin/sh\n"
        f'printf "%s\\n" "$@" > "{asked}"\n'
        'while [ "$1" != "-w" ]; do shift; done\n'
        'printf "RIFF" > "$2"\n',
        encoding="utf-8",
    )
    fake.chmod(0o755)
    env = {**os.environ, "PATH": f"{programs}{os.pathsep}{os.environ['PATH']}"}
    env.pop("BACKMAP_SPEAKER", None)
    done = backmap("story", str(path), "--audio", cwd=tmp_path, env=env)
    assert done.returncode == 0, done.stderr
    read_aloud = subprocess.run(
        [sys.executable, "-c", "from backmap.session.speech import Speaker; print(Speaker.find_command())"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout
    voice = asked.read_text(encoding="utf-8").splitlines()[:4]
    assert voice == ["-v", "en-gb", "-s", "140"]
    assert str([str(fake), *voice]) in read_aloud  # the app's read aloud starts the same way
