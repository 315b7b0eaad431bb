"""Read aloud: one key starts reading what is on screen, and the same key stops it.

What is read is what the screen shows in words: on a step its question, the line under
it, the person's own answer, the example and the supporter tip; in a dialog its title
and lines. Reading stops when the screen it was reading is no longer the one on top.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, runtime_checkable

from textual.app import App
from textual.timer import Timer

from backmap import content
from backmap.core import pathway
from backmap.session.keeper import Keeper
from backmap.session.speech import Speaker

if TYPE_CHECKING:
    from backmap.core.plan import Plan
    from backmap.screens.interview import InterviewScreen

# How often to look whether reading has ended, or its screen has gone (seconds).
LOOK_EVERY = 0.25


@runtime_checkable
class Readable(Protocol):
    """A screen with words to read aloud: its question, a dialog's words."""

    def spoken_text(self) -> str: ...


def sentences(parts: list[str]) -> str:
    """Parts read one after the other, each ending as a sentence so the voice pauses."""
    said = []
    for part in parts:
        part = " ".join(part.split())
        if part:
            said.append(part if part[-1] in ".?!:" else part + ".")
    return " ".join(said)


def pathway_words(plan: Plan) -> str:
    """The pathway in words, item by item: what leads to what, for each part."""
    items = [line.strip().removeprefix("-> ") for line in pathway.lines(plan, width=10_000)]
    return sentences(items)


def interview_words(screen: InterviewScreen) -> str:
    """A step: the question, the line under it, what its pane reads (its answer, the example), the tip."""
    text = screen.texts()
    # subject: what a look-back step asks about
    return sentences(
        [text["question"], text["subject"], text["hint"], *screen.pane.spoken(text), text["tip"]]
    )


def spoken(screen: object) -> str:
    """What read aloud says on this screen: each screen that has words to read says them itself."""
    if isinstance(screen, Readable):
        return screen.spoken_text()
    return content.word("welcome", "title")


class ReadAloud:
    """Starts and stops the speaker, and keeps the status line true while it reads."""

    def __init__(self, app: App[object], keeper: Keeper, speaker: Speaker) -> None:
        self.app = app
        self.keeper = keeper
        self.speaker = speaker
        self._timer: Timer | None = None
        self._reading: object | None = None  # the screen being read

    def toggle(self, screen: object) -> None:
        result = self.speaker.toggle(spoken(screen))
        self._stop_timer()
        self._reading = None
        if result == "started":
            self._reading = screen
            self._timer = self.app.set_interval(LOOK_EVERY, self._look, name="speech")
        self.keeper.say(content.word("speech", result))

    def stop(self) -> None:
        """What was being read is no longer on screen."""
        self.speaker.stop()
        self._reading = None

    def _look(self) -> None:
        """Reading ends by itself, or its screen closes or gives way to another: stop, and say so no more."""
        if self.speaker.speaking and self.app.screen is self._reading:
            return
        self.speaker.stop()  # collects a finished process, or stops one whose screen has gone
        self._reading = None
        self._stop_timer()
        if self.keeper.message == content.word("speech", "started"):
            self.keeper.say("")

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
