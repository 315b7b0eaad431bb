"""Asking one question as lines of text: the answer, or a command like back or help.

Plain mode (``backmap.plain``) and any other line mode use these helpers, so the
same words steer every line mode the same way. A lone command word on a line is
a command; a quote mark before it makes it an answer ("'stop" is the answer "stop").

This module must never import Textual.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TextIO

from backmap import content
from backmap.core.render import plain_text
from backmap.plain_answers import parse_numbers

# The commands every question knows, by their key in the [plain] words ("command_back" ...).
COMMANDS: tuple[str, ...] = ("help", "back", "change", "skip", "stop")
QUOTES = "'\"‘’“”`"


class InputEnded(Exception):
    """Standard input ran out: the person (or the script) has nothing more to say."""


class GoBack(Exception):
    """The person typed back: the question before this one comes next."""


class ChangeAsked(Exception):
    """The person typed change: they choose an earlier question to answer again."""


class StopAsked(Exception):
    """The person typed stop: save and stop."""


def plain_word(key: str, **values: object) -> str:
    return content.word("plain", key, **values)


def command_word(command: str) -> str:
    """The word a person types for a command, from the [plain] words (so it can be translated)."""
    return plain_word(f"command_{command}")


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _bare(line: str) -> str:
    return " ".join(line.split()).casefold()


@dataclass(frozen=True)
class Reply:
    """One line read: its words, and the command it is, if any."""

    text: str
    command: str | None = None

    @property
    def empty(self) -> bool:
        return self.command is None and not self.text


def parse_reply(line: str, commands: tuple[str, ...] = COMMANDS) -> Reply:
    """A line that is only a command word (any case) is that command.

    A quote mark before the word (and one after it, if the person likes) makes it an answer.
    Any other line is an answer, so "Stop the bus" or "Go back home" are never commands.
    """
    text = line.strip()
    words = {_bare(command_word(command)): command for command in commands}
    if _bare(text) in words:
        return Reply("", words[_bare(text)])
    if len(text) > 1 and text[0] in QUOTES:
        inner = text[1:]
        if inner and inner[-1] in QUOTES:
            inner = inner[:-1]
        if _bare(inner) in words:
            return Reply(inner.strip())
    return Reply(text)


def is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class LineAsker:
    """Says lines and asks questions over two text streams; commands are handled here.

    ``help`` says the help and asks again, ``skip`` gives an empty answer, and ``back``,
    ``change`` and ``stop`` raise ``GoBack``, ``ChangeAsked`` and ``StopAsked`` for the
    interview to act on. The end of input raises ``InputEnded``.
    """

    def __init__(self, stdin: TextIO, stdout: TextIO) -> None:
        self.stdin = stdin
        self.stdout = stdout
        # A terminal shows what is typed; a pipe does not, so we show it to keep the record readable.
        self.echo = not is_terminal(stdin)

    def say(self, *lines: str) -> None:
        for line in lines:
            self.stdout.write(line + "\n")
        self.stdout.flush()

    def word(self, key: str, **values: object) -> str:
        return plain_word(key, **values)

    def read_line(self, prompt: str = "") -> str:
        """Print the prompt, read one line as it is. Only the end of input is not a line."""
        self.stdout.write((prompt or self.word("prompt")) + " ")
        self.stdout.flush()
        line = self.stdin.readline()
        if line == "":
            self.stdout.write("\n")
            self.stdout.flush()
            raise InputEnded
        line = line.rstrip("\r\n")
        if self.echo:
            self.say(plain_text(line.strip()))
        return line

    def help_lines(self) -> list[str]:
        """How to steer: said at the start and when the person types help."""
        names = {command: command_word(command) for command in COMMANDS}
        return [
            self.word("help_title"),
            *(self.word(f"help_{command}", **names) for command in COMMANDS),
            self.word("help_quote", example="'" + names["stop"]),
        ]

    def ask(self, prompt: str = "", empty: str = "") -> str:
        """Ask until there is an answer; "" when it is skipped.

        ``empty`` says what an empty answer does here ("we skip this question."): it is said
        after an empty line or skip, so answers piped from a file never move on in silence.
        """
        return self.ask_reply(prompt, empty).text

    def ask_number(self, count: int, bad: str, empty: str, prompt: str = "") -> int | None:
        """One number from 1 to ``count``, asked until it is one (``bad`` says so); None for an empty line."""
        while True:
            answer = self.ask(prompt or self.word("change_prompt"), empty=empty)
            if not answer:
                return None
            numbers = parse_numbers(answer, count)
            if numbers is not None and len(numbers) == 1:
                return numbers[0]
            self.say(bad)

    def ask_reply(self, prompt: str = "", empty: str = "", also: tuple[str, ...] = ()) -> Reply:
        """As ``ask``, for a question that knows more command words (``also``, like remove).

        One of them comes back as the reply's command; "'remove" comes back as the text "remove".
        """
        while True:
            reply = parse_reply(self.read_line(prompt), COMMANDS + also)
            if reply.command in also:
                return reply
            if reply.command == "help":
                self.say(*self.help_lines())
                continue
            if reply.command == "back":
                raise GoBack
            if reply.command == "change":
                raise ChangeAsked
            if reply.command == "stop":
                raise StopAsked
            if reply.command == "skip" or reply.empty:
                if empty:  # said for skip too, so the record shows what happened
                    self.say(self.word("empty_line", what=empty) if reply.empty else capital(empty))
                return Reply("")
            return reply
