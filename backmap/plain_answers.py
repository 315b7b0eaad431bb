"""Reading the answers plain mode asks for: a kind, numbers from a list, a person.

Pure functions, so any line mode (the planning questions, a look-back) reads answers
the same way. This module must never import Textual.
"""

from __future__ import annotations

import re

from backmap import content
from backmap.core.plan import KINDS, Person


def _normal(text: str) -> str:
    """Lower case, with dashes and runs of spaces as one space: "Steering-group" finds "steering group"."""
    return " ".join(re.split(r"[\s\-_]+", text.strip().lower())).strip()


def parse_kind(answer: str) -> str | None:
    """A kind from a number in the list, a kind key or a kind's name; None when it is none of them."""
    answer = answer.strip().rstrip(".")
    if answer.isascii() and answer.isdigit():
        number = int(answer)
        return KINDS[number - 1] if 1 <= number <= len(KINDS) else None
    wanted = _normal(answer)
    for kind in KINDS:
        if wanted in (_normal(kind), _normal(content.kind_name(kind))):
            return kind
    return None


def parse_numbers(answer: str, count: int) -> list[int] | None:
    """Numbers like "1 3" or "1,3", each from 1 to count; None when any of them is not."""
    numbers: list[int] = []
    for piece in re.split(r"[\s,;]+", answer.strip()):
        piece = piece.rstrip(".")
        if not piece:
            continue
        if not (piece.isascii() and piece.isdigit()) or not 1 <= int(piece) <= count:
            return None
        numbers.append(int(piece))
    return list(dict.fromkeys(numbers))


def split_person(line: str) -> Person:
    """ "Sam, will use the day centre": the first comma splits the name from what they do."""
    name, _, role = line.partition(",")
    return Person(name=name.strip(), role=role.strip())


def person_line(person: Person) -> str:
    return f"{person.name}, {person.role}" if person.role else person.name
