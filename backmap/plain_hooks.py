"""What the keeper asks of plain mode: its questions as lines, answered by a number.

This module must never import Textual.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TextIO

from backmap import content
from backmap.core.render import plain_text
from backmap.plain_answers import parse_numbers
from backmap.plain_lines import is_terminal
from backmap.session.keeper import Choices, Timer


class Reloadable(Protocol):
    """The interview asking questions: told when the plan was read again from its file."""

    reloaded: bool


class PlainHooks:
    """What the keeper asks of plain mode: a question in lines, answered by its number."""

    def __init__(self, stdin: TextIO, stdout: TextIO) -> None:
        self.stdin = stdin
        self.stdout = stdout
        self.opened_at: int | None = None
        self.interview: Reloadable | None = None  # told when the plan is read again

    def ask(self, title: str, text: str, choices: Choices, then: Callable[[str | None], None]) -> None:
        lines = [title, text] + [f"{number}. {words}" for number, (_, words) in enumerate(choices, start=1)]
        self.stdout.write("\n".join(lines) + "\n")
        if not choices:
            then(None)
            return
        self.stdout.write(content.word("plain", "prompt") + " ")
        self.stdout.flush()
        answer = self.stdin.readline().strip()
        if not is_terminal(self.stdin):
            self.stdout.write(plain_text(answer) + "\n")  # a pipe does not show what it sent
        picked = parse_numbers(answer, len(choices))
        then(choices[picked[0] - 1][0] if picked and len(picked) == 1 else None)

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
