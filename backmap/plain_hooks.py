"""What the keeper asks of plain mode: its questions as lines, answered by a number.

The plain commands work here too: help says the choices again, stop (or the end of
input) stops cleanly, and anything else we do not understand is said and asked again.
This module must never import Textual.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TextIO

from backmap.plain_answers import parse_numbers
from backmap.plain_lines import InputEnded, LineAsker, StopAsked, command_word, parse_reply
from backmap.session.keeper import Choices, Timer


class Reloadable(Protocol):
    """The interview asking questions: told when the plan was read again from its file."""

    reloaded: bool


class PlainHooks:
    """What the keeper asks of plain mode: a question in lines, answered by its number."""

    def __init__(self, stdin: TextIO, stdout: TextIO) -> None:
        self.lines = LineAsker(stdin, stdout)
        self.opened_at: int | None = None
        self.interview: Reloadable | None = None  # told when the plan is read again
        # "stopped" or "ended" when the person stopped at a question before the plan was open.
        self.stopped = ""

    def ask(self, title: str, text: str, choices: Choices, then: Callable[[str | None], None]) -> None:
        lines = self.lines
        numbered = [f"{number}. {words}" for number, (_, words) in enumerate(choices, start=1)]
        lines.say(title, text, *numbered)
        if not choices:
            then(None)
            return
        how = lines.word("choice_how", stop=command_word("stop"))
        lines.say(how)
        while True:
            try:
                reply = parse_reply(lines.read_line())
            except InputEnded:
                self.stop("ended", InputEnded, then)
                return
            if reply.command == "stop":
                self.stop("stopped", StopAsked, then)
                return
            if reply.command == "help":
                lines.say(*numbered, how)
                continue
            picked = parse_numbers(reply.text, len(choices)) if reply.text else None
            if picked is not None and len(picked) == 1:
                then(choices[picked[0] - 1][0])
                return
            lines.say(lines.word("choice_bad", count=len(choices), help=command_word("help")))

    def stop(self, how: str, raised: type[Exception], then: Callable[[str | None], None]) -> None:
        """In the interview, it stops as at any question (saving and saying where);
        before the plan is open, nothing is chosen, so nothing opens."""
        if self.interview is not None:
            raise raised
        self.stopped = how
        then(None)

    def status_changed(self) -> None:
        """Plain mode says what happened in its own lines."""

    def opened(self, index: int) -> None:
        self.opened_at = index

    def plan_reloaded(self) -> None:
        """The question being asked starts again, on the plan as it is now."""
        if self.interview is not None:
            self.interview.reloaded = True

    def later(self, seconds: float, job: Callable[[], None]) -> Timer:
        job()  # no typing to wait for: one line is one answer
        return _Done()


class _Done:
    def stop(self) -> None:
        """Nothing is waiting."""
