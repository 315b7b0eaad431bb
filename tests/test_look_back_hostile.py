"""Hostile words and photo names in look-backs: shown literally everywhere, never obeyed.

Quotes, names, "who came", "how we know", surprises and what we learned may hold Markdown,
HTML, Rich markup, terminal escapes and template syntax. A photo may name a file outside the
plan's folder ("../../etc/passwd", an absolute path, a link that leads out): backmap must
never read it, so its bytes can be in no output.
"""

from __future__ import annotations

import base64
import os
import re
from collections.abc import Callable, Iterator
from datetime import date
from html.parser import HTMLParser
from itertools import count, cycle
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token
from summary_support import HOSTILE, shaped_plan

from backmap.core import render, store
from backmap.core.plan import Plan, Reflection, Surprise, Voice
from tests.look_back_plans import PNG, every_written_file, pictures_in

CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
SECRET = b"SECRET-OUTSIDE-THE-FOLDER-4711"


def looked_back(text: Callable[[], str], photo: Callable[[], str]) -> Plan:
    """The summary tests' plan shape, with one finished look-back whose every typed field is text()."""
    plan = shaped_plan(text)
    checkin = plan.add_checkin(date(2027, 6, 1), [text(), text()])
    for activity in plan.activities:
        plan.activity_check(checkin, activity.id, status="done", times=2, came=text())
    for outcome in plan.outcomes:
        plan.outcome_check(
            checkin, outcome.id, status="happened", person_says="on-the-way", how_we_know=text()
        )
    checkin.voices += [
        Voice(text(), text(), "o1", "yes", photo(), text()),
        Voice(text(), text(), "o3", "team", photo(), text()),
    ]
    checkin.surprises += [Surprise(text()), Surprise(text())]
    checkin.reflection = Reflection(text(), text(), text())
    checkin.finished = True
    return plan


def hostile_texts(turn: int = 0) -> Iterator[str]:
    """Three hostile lines an answer; each turn starts one line later, so every line lands in every field."""
    lines = [*HOSTILE[turn:], *HOSTILE[:turn]]
    return cycle(" ".join(lines[i : i + 3]) for i in range(0, len(lines), 3))


def hostile_plan(photo: Callable[[], str] | None = None, turn: int = 0) -> Plan:
    texts = hostile_texts(turn)
    return looked_back(lambda: next(texts), photo or (lambda: next(texts)))


TURNS = range(0, len(HOSTILE), 2)


def plain_plan() -> Plan:
    numbers = count(1)
    return looked_back(lambda: f"Words {next(numbers)}", lambda: f"photos/photo-{next(numbers)}.png")


def typed(plan: Plan) -> list[str]:
    """Every typed answer of the look-back: each must show, as typed, in the team's copies."""
    checkin = plan.checkins[-1]
    found = [*checkin.who]
    found += [entry.came for entry in checkin.activities] + [entry.how_we_know for entry in checkin.outcomes]
    found += [v.text for v in checkin.voices] + [v.said_by for v in checkin.voices]
    found += [s.text for s in checkin.surprises]
    found += [checkin.reflection.hard, checkin.reflection.learned, checkin.reflection.next]
    return found


# ----- Markdown: the same structure as the plain plan, every answer as words ------------------

PARSERS = {"commonmark": MarkdownIt("commonmark"), "gfm-like": MarkdownIt("gfm-like")}


def structure(tokens: list[Token]) -> list[tuple[Any, ...]]:
    """Token kinds and nesting, not the words: an answer that made a link or a list changes it."""
    shape: list[tuple[Any, ...]] = []
    for token in tokens:
        if token.type == "inline":
            shape.append(
                (
                    "inline",
                    tuple(
                        (c.type, c.tag, c.nesting, "" if c.type == "text" else c.markup)
                        for c in token.children or []
                    ),
                )
            )
        elif token.type in ("fence", "code_block"):
            shape.append((token.type, token.info, token.content.count("\n")))
        else:
            shape.append((token.type, token.tag, token.nesting, token.markup, token.level))
    return shape


def section(markdown: str) -> str:
    start = markdown.index("## How it is going")
    return markdown[start : markdown.index("\n## ", start + 1)]


@pytest.mark.parametrize("parser", sorted(PARSERS))
@pytest.mark.parametrize("turn", TURNS)
def test_hostile_look_back_words_stay_words_in_the_markdown(parser: str, turn: int) -> None:
    hostile, plain = render.markdown(hostile_plan(turn=turn)), render.markdown(plain_plan())
    assert not CONTROL.search(hostile)
    tokens = PARSERS[parser].parse(section(hostile))
    assert structure(tokens) == structure(PARSERS[parser].parse(section(plain)))
    shown = "\n".join(
        "".join(c.content for c in t.children or [] if c.type == "text") for t in tokens if t.type == "inline"
    )
    for answer in typed(hostile_plan(turn=turn)):
        assert render.plain_text(answer) in shown, answer


# ----- the printable page: the same tags as the plain plan, every answer as text ---------------


class Page(HTMLParser):
    """The tags and attributes of a page, and the text a reader sees."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, tuple[str, ...]]] = []
        self.words: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, tuple(sorted(name for name, _ in attrs))))
        if tag in ("style", "title", "svg"):
            self.hidden += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "title", "svg"):
            self.hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.words.append(data)


def read_page(text: str) -> Page:
    page = Page()
    page.feed(text)
    return page


@pytest.mark.parametrize("turn", TURNS)
def test_hostile_look_back_words_stay_text_in_the_printable_page(turn: int) -> None:
    hostile = render.html(hostile_plan(turn=turn))
    assert not CONTROL.search(hostile)
    page, plain = read_page(hostile), read_page(render.html(plain_plan()))
    assert page.tags == plain.tags  # no answer added a tag or an attribute
    shown = " ".join(" ".join(page.words).split())
    for answer in typed(hostile_plan(turn=turn)):
        assert render.plain_text(answer) in shown, answer
    assert "<script>" not in hostile and "onerror=alert" not in hostile.replace("onerror=alert(1)&gt;", "")


# ----- photos outside the plan's folder ----------------------------------------------------------


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A real picture outside the plan's folder, holding a secret: if it were read, it would show."""
    secret = tmp_path / "elsewhere" / "secret.png"
    secret.parent.mkdir()
    secret.write_bytes(PNG + SECRET)
    return secret


def photo_names(folder: Path, outside: Path) -> list[str]:
    """Photo names that must never be read: they climb out, start at the top, or link out."""
    link = folder / "photos" / "link.png"
    link.parent.mkdir(exist_ok=True)
    os.symlink(outside, link)
    os.symlink(outside.parent, folder / "photos" / "out")
    return [
        "../../etc/passwd",
        "../elsewhere/secret.png",
        "photos/../../elsewhere/secret.png",
        str(outside),
        "/etc/passwd",
        "photos/link.png",
        "photos/out/secret.png",
        "photos/<img src=x onerror=alert(1)>.png",
        "photos/\x1b[2J\x1b]0;title\x07.png",
        "file:///etc/passwd",
        "C:\\Windows\\win.ini",
    ]


INSIDE = b"INSIDE-THE-FOLDER-0815"
NAMES = 11  # how many photo_names() gives: each one is tried on its own


@pytest.mark.parametrize("which", range(NAMES))
def test_a_photo_outside_the_plan_s_folder_is_never_read(tmp_path: Path, outside: Path, which: int) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    names = photo_names(folder, outside)
    assert len(names) == NAMES
    name = names[which]
    (folder / "photos" / "inside.png").write_bytes(PNG + INSIDE)
    plan = hostile_plan(photo=lambda: name)
    checkin = plan.checkins[-1]
    for voice in checkin.voices:  # the "yes" quote (every output) and the "team" one (the team's copies)
        assert voice.photo == name
    # A photo inside the folder, beside them: it is shown, so the outputs do read photos.
    checkin.voices.append(Voice("Look at our room.", "Sam", "o1", "yes", "photos/inside.png", "Our room."))
    path = folder / "plan.toml"
    store.save(plan, path)
    made = every_written_file(path)
    for output in ("html", "story html"):
        assert any(INSIDE in picture for picture in pictures_in(made[output])), output
    for output, text in made.items():
        assert SECRET.decode() not in text, (name, output)
        assert not any(SECRET in picture for picture in pictures_in(text)), (name, output)
        assert "root:" not in text, (name, output)  # nothing of /etc/passwd
    for written in folder.rglob("*"):  # nor in any file written beside the plan
        if written.is_file() and written.resolve().is_relative_to(folder.resolve()):
            assert SECRET not in written.read_bytes(), (name, written.name)


def test_every_unsafe_photo_name_is_left_out_and_each_quote_s_words_stay(
    tmp_path: Path, outside: Path
) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    path = folder / "plan.toml"
    for name in photo_names(folder, outside):
        plan = plain_plan()
        for voice in plan.checkins[-1].voices:
            voice.photo = name
        store.save(plan, path)
        page = render.html(store.load(path), path)
        assert "data:image" not in page, name
        assert SECRET.decode() not in page, name
        words = " ".join(" ".join(read_page(page).words).split())
        for voice in plan.checkins[-1].voices:
            assert f"Photo: {voice.photo_words}" in words, name
        for voice in plan.checkins[-1].voices:
            assert f"Photo: {voice.photo_words}" in render.markdown(plan), name
        assert "passwd" not in render.markdown(plan) and "secret" not in render.markdown(plan)
        for child in sorted(folder.glob("plan.*")):  # a fresh plan each time
            child.unlink()


def test_a_photo_inside_the_folder_is_shown_and_a_symlink_inside_is_followed_only_inside(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "plans"
    (folder / "photos").mkdir(parents=True)
    (folder / "photos" / "real.png").write_bytes(PNG)
    os.symlink(folder / "photos" / "real.png", folder / "photos" / "alias.png")
    plan = plain_plan()
    voices = plan.checkins[-1].voices
    voices[0].photo, voices[1].photo = "photos/real.png", "photos/alias.png"
    path = folder / "plan.toml"
    store.save(plan, path)
    page = render.html(store.load(path), path)
    assert page.count(f"data:image/png;base64,{base64.b64encode(PNG).decode()}") == 2
