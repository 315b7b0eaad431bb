"""Every word backmap shows, read from the TOML files beside this module.

Words live in data, not code, so they can be checked for easy read and
changed without touching a screen.
"""

from __future__ import annotations

import os
import tomllib
from functools import cache
from typing import Any

# errors.toml is read only when something goes wrong: a plan that opens never loads it.
FILES = ("steps", "words", "glossary", "learn", "errors", "look_back", "story")
_HERE = os.path.dirname(os.path.abspath(__file__))


@cache
def load(name: str) -> dict[str, Any]:
    """One content file, parsed once per process."""
    if name not in FILES:
        raise KeyError(name)
    # A plain open beside this file: importlib.resources costs more than the whole
    # of `backmap check` may spend (the files are always real files in the package).
    with open(os.path.join(_HERE, f"{name}.toml"), "rb") as stream:
        return tomllib.load(stream)


def page(key: str) -> dict[str, str]:
    """The words of one page; the look-back's pages are in look_back.toml."""
    return load("look_back" if key.startswith("look_back") else "steps")["pages"][key]


def part_name(key: str, look_back: bool = False) -> str:
    return load("look_back" if look_back else "steps")["parts"][key]


def word(section: str, key: str, /, **values: Any) -> str:
    """An app word from words.toml, with its {placeholders} filled in."""
    text: str = load("words")[section][key]
    return text.format(**values) if values else text


def problem(section: str, key: str, /, **values: Any) -> str:
    """Words about a problem with a file, from errors.toml, with its {placeholders} filled in.

    Only called when something went wrong, so the quick path never reads errors.toml.
    """
    text: str = load("errors")[section][key]
    return text.format(**values) if values else text


def long_date(value: Any) -> str:
    """A date in words, "26 November 2026": the same in every locale, and easy to read."""
    dates = load("words")["dates"]
    return dates["date"].format(day=value.day, month=dates["months"][value.month - 1], year=value.year)


def activity_word(key: str) -> str:
    return load("steps")["activity"][key]


def kind_name(kind: str) -> str:
    """The name of a kind of activity; "" is one nobody has chosen yet."""
    return load("steps")["kinds"][kind or "not-chosen"]


def glossary() -> list[dict[str, str]]:
    return load("glossary")["words"]


def learn_pages() -> list[dict[str, Any]]:
    return load("learn")["pages"]


def all_strings() -> list[tuple[str, str]]:
    """(where, text) for every string in every content file: for the easy-read test."""
    found: list[tuple[str, str]] = []

    def walk(where: str, value: Any) -> None:
        if isinstance(value, str):
            found.append((where, value))
        elif isinstance(value, dict):
            for key, inner in value.items():
                walk(f"{where}.{key}", inner)
        elif isinstance(value, list):
            for index, inner in enumerate(value):
                walk(f"{where}[{index}]", inner)

    for name in FILES:
        walk(name, load(name))
    return found
