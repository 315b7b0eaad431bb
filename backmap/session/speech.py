"""Read aloud, offline, through espeak-ng in its own process.

The app never waits for speech: it starts a process and goes on. The same key
stops it. Tests set BACKMAP_SPEAKER to a fake command to hear what would be said.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess

# The one voice of backmap, for read aloud and the story's sound file: British English,
# 140 words a minute (slower than espeak-ng's 175, for easy listening).
VOICE = ("-v", "en-gb", "-s", "140")


class Speaker:
    def __init__(self, command: list[str] | None = None) -> None:
        if command is None:
            command = self.find_command()
        # An empty command means "no speech program", which tests use.
        self.command = command or None
        self.process: subprocess.Popen[bytes] | None = None

    @staticmethod
    def find_command() -> list[str] | None:
        override = os.environ.get("BACKMAP_SPEAKER")
        if override:
            return shlex.split(override)
        found = shutil.which("espeak-ng")
        return [found, *VOICE] if found else None

    @property
    def speaking(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def speak(self, text: str) -> bool:
        """Start speaking; returns False when there is no speech program."""
        if self.command is None:
            return False
        self.stop()
        self.process = subprocess.Popen(
            [*self.command, "--", text],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        return True

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=1)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.process = None

    def toggle(self, text: str) -> str:
        """Speak, or stop if already speaking. Returns "started", "stopped" or "missing"."""
        if self.speaking:
            self.stop()
            return "stopped"
        return "started" if self.speak(text) else "missing"
