"""Read aloud: one key starts reading what is on screen, and the same key stops it."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from textual.app import App
from textual.timer import Timer

from backmap import content
from backmap.session.keeper import Keeper
from backmap.session.speech import Speaker


@runtime_checkable
class Readable(Protocol):
    """A screen with words to read aloud: its question, a dialog's words."""

    def spoken_text(self) -> str: ...


class ReadAloud:
    """Starts and stops the speaker, and keeps the status line true while it reads."""

    def __init__(self, app: App[object], keeper: Keeper, speaker: Speaker) -> None:
        self.app = app
        self.keeper = keeper
        self.speaker = speaker
        self._timer: Timer | None = None

    def toggle(self, screen: object) -> None:
        text = screen.spoken_text() if isinstance(screen, Readable) else content.word("welcome", "title")
        result = self.speaker.toggle(text)
        self._stop_timer()
        if result == "started":
            self._timer = self.app.set_interval(0.5, self._done, name="speech")
        self.keeper.say(content.word("speech", result))

    def stop(self) -> None:
        """What was being read is no longer on screen."""
        self.speaker.stop()

    def _done(self) -> None:
        """When reading ends by itself, the status line stops saying it is reading."""
        if self.speaker.speaking:
            return
        self.speaker.stop()  # collects the finished process
        self._stop_timer()
        if self.keeper.message == content.word("speech", "started"):
            self.keeper.say("")

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
