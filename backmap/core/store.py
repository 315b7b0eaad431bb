"""Plan files on disk: reading with clear errors, and saves that never half-write.

A plan is hours of conversation. So a save goes to a temporary file first and
only then replaces the old one, and a file we cannot understand is explained in
plain words and never written over.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import re
import tomllib
import unicodedata
from datetime import UTC, date, datetime, time
from typing import TYPE_CHECKING, Any

from backmap import content
from backmap.core.gc_pause import paused_gc
from backmap.core.plan import (
    ACTIVITY_STATUSES,
    KINDS,
    OUTCOME_STATUSES,
    PARTS,
    SCHEMA_VERSION,
    SHARE_CHOICES,
    Activity,
    ActivityCheck,
    Checkin,
    Impact,
    Outcome,
    OutcomeCheck,
    Person,
    Plan,
    Reflection,
    Surprise,
    Voice,
    now,
)

if TYPE_CHECKING:
    from pathlib import Path

MAX_FILE_BYTES = 10 * 1024 * 1024
# A plan nests four levels ([[checkins.activities]] rows); far more is not a plan, and
# deep data makes tomllib and tomli-w recurse until they crash.
MAX_DEPTH = 32
MAX_NAME_LENGTH = 64  # a whole file name, with its ending
_WINDOWS_RESERVED = {
    "con",
    "prn",
    "aux",
    "nul",
    *(f"com{i}" for i in range(1, 10)),
    *(f"lpt{i}" for i in range(1, 10)),
}
_TOP_KEYS = {
    "schema_version",
    "title",
    "created",
    "updated",
    "assumptions",
    "people",
    "impact",
    "outcomes",
    "activities",
    "checkins",
    "last_ids",
}
# The lists of tables inside each [[checkins]], in the order they are written.
_CHECKIN_ROWS = ("activities", "outcomes", "voices", "surprises")
_CHECKIN_KEYS = {"id", "date", "who", "finished", *_CHECKIN_ROWS, "reflection"}


# Plain classes, not dataclasses; reading uses os.path; pathlib, tempfile and tomli_w
# are imported only when writing: `backmap check` must start quickly (see bench/).
# The words of every problem are in content/errors.toml, read only when there is one.


def _file(key: str, /, **values: object) -> str:
    return content.problem("file", key, **values)


def _plan(key: str, /, **values: object) -> str:
    return content.problem("plan", key, **values)


def _what(key: str) -> str:
    return content.problem("what", key)


class PlanError(Exception):
    """A plan file we cannot use, explained for a person, not a programmer."""

    def __init__(
        self, path: str, problem: str, todo: str, line: int | None = None, reason: str = "unreadable"
    ) -> None:
        self.path = path
        self.problem = problem
        self.todo = todo
        self.line = line
        # "newer": made by a newer backmap. "mendable": links or ids can be mended.
        self.reason = reason

    def _values(self) -> tuple[object, ...]:
        return (self.path, self.problem, self.todo, self.line, self.reason)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()  # type: ignore[attr-defined]

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return "PlanError({!r}, {!r}, {!r}, line={!r}, reason={!r})".format(*self._values())

    def __str__(self) -> str:
        if self.line:
            heading = content.problem("open", "cannot_open_line", path=self.path, line=self.line)
        else:
            heading = content.problem("open", "cannot_open", path=self.path)
        return f"{heading}\n{self.problem}\n{self.todo}"


# ----- reading ------------------------------------------------------------------


def load(path: str | os.PathLike[str]) -> Plan:
    """Read a plan file, or raise PlanError with words a person can act on."""
    name = os.fspath(path)
    return loads_bytes(_read_bytes(name), name)


def _read_bytes(file: str | os.PathLike[str]) -> bytes:
    """The bytes of a plan file, refusing links elsewhere, folders, devices and huge files."""
    name = os.fspath(file)
    try:
        # As pathlib's file.resolve().parent != file.absolute().parent.resolve().
        if os.path.islink(name) and os.path.dirname(os.path.realpath(name)) != os.path.realpath(
            os.path.dirname(os.path.join(os.getcwd(), name))
        ):
            raise PlanError(name, _file("link"), _file("link_todo"))
        if os.path.isdir(name):
            raise PlanError(name, _file("folder"), _file("choose_toml"))
        if os.path.exists(name) and not os.path.isfile(name):
            # A device or a pipe (like /dev/zero) could be read for ever.
            raise PlanError(name, _file("not_a_file"), _file("choose_toml"))
        size = os.stat(name).st_size
        if size > MAX_FILE_BYTES:
            megabytes = -(-size // (1024 * 1024))  # rounded up: never "10" for a file over the 10 limit
            raise PlanError(name, _file("too_big", size=megabytes), _file("right_file"))
        with open(name, "rb") as stream:
            return stream.read()
    except FileNotFoundError:
        raise PlanError(name, _file("missing"), _file("missing_todo")) from None
    except PermissionError:
        raise PlanError(name, _file("no_permission"), _file("no_permission_todo")) from None
    except IsADirectoryError:
        raise PlanError(name, _file("folder"), _file("choose_toml")) from None
    except OSError as error:
        reason = error.strerror or error
        raise PlanError(name, _file("cannot_read", reason=reason), _file("try_again")) from None


def read_small_file(file: str | os.PathLike[str], limit: int) -> bytes | None:
    """The bytes of a regular file of at most limit bytes, else None; never blocks.

    A pipe (FIFO) would hang an open() or a read for ever, and /dev/zero never ends:
    the file is opened without waiting and checked before a byte is read.
    """
    import stat

    try:
        descriptor = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except (OSError, ValueError):
        return None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            return None
        chunks: list[bytes] = []
        left = limit + 1  # one more byte than allowed tells a file that grew while we read
        while left > 0:
            chunk = os.read(descriptor, min(left, 1024 * 1024))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError:
        return None
    finally:
        os.close(descriptor)
    data = b"".join(chunks)
    return data if len(data) <= limit else None


def loads_bytes(raw: bytes, name: str = "the plan") -> Plan:
    return loads(_decode(raw, name), name)


def _decode(raw: bytes, name: str) -> str:
    # Some editors (older Windows Notepad) start UTF-8 files with a byte order mark.
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise PlanError(name, _file("letters"), _file("letters_todo"), line=line) from None


_TOML_LINE = re.compile(r"line (\d+)")


@paused_gc  # a big plan makes many objects in one go: see gc_pause.py
def loads(text: str, name: str = "the plan") -> Plan:
    return from_dict(_parse(text, name), name, text)


def _parse(text: str, name: str) -> dict[str, Any]:
    """TOML text to data, or a PlanError that says which line is wrong."""
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise PlanError(name, _file("not_text"), _file("right_file"), line=line)
    if not text.strip():
        raise PlanError(name, _file("empty"), _file("empty_todo"))
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        match = _TOML_LINE.search(str(error))
        # tomllib says "at end of document" when something is left open: that is the last line.
        line = int(match.group(1)) if match else len(text.splitlines()) or 1
        raise PlanError(name, _file("not_written_right"), _file("look_at_line"), line=line) from None
    except RecursionError:
        # tomllib reads nested lists and tables by recursion: a few hundred levels end it.
        raise PlanError(name, _file("too_deep", depth=MAX_DEPTH), _file("right_file")) from None
    if _too_deep(data):
        raise PlanError(name, _file("too_deep", depth=MAX_DEPTH), _file("right_file"))
    return data


def _too_deep(data: dict[str, Any]) -> bool:
    """Whether lists and tables sit inside each other more than MAX_DEPTH levels.

    Walked without recursion: writing or drawing such data later would recurse and crash.
    """
    waiting: list[tuple[object, int]] = [(data, 1)]
    while waiting:
        value, depth = waiting.pop()
        if depth > MAX_DEPTH:
            return True
        if isinstance(value, dict):
            waiting.extend((inner, depth + 1) for inner in value.values() if isinstance(inner, (dict, list)))
        elif isinstance(value, list):
            waiting.extend((inner, depth + 1) for inner in value if isinstance(inner, (dict, list)))
    return False


def _line_of(text: str, needle: str, occurrence: int = 0) -> int | None:
    """Best guess of the line a value sits on, for error messages only."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.find(needle, start + 1)
        if start < 0:
            return None
    return text[:start].count("\n") + 1


def _key_line(text: str, key: str, table_line: int | None) -> int | None:
    """The line of `key = ...` at or after the table that holds it, else the table's line."""
    lines = text.splitlines()
    start = (table_line or 1) - 1
    pattern = re.compile(rf"\s*{re.escape(key)}\s*=")
    for number in range(start, len(lines)):
        if number > start and lines[number].lstrip().startswith("["):
            break
        if pattern.match(lines[number]):
            return number + 1
    return table_line


def _table_lines(text: str, table: str, needle: str = "") -> list[int]:
    """The line of each `[[table]]` (or other needle) in order, found in one pass, for error messages.

    Looking for the n-th one from the start for every row read a big plan again and
    again: 27 seconds to open a plan of 10,000 activities.
    """
    needle = needle or f"[[{table}]]"
    lines: list[int] = []
    line, counted = 1, 0
    start = text.find(needle)
    while start >= 0:
        line += text.count("\n", counted, start)
        counted = start
        lines.append(line)
        start = text.find(needle, start + 1)
    return lines


def _nth(lines: list[int], index: int) -> int | None:
    return lines[index] if index < len(lines) else None


class _Reader:
    """Checks types as it reads, and says where a wrong one is."""

    def __init__(self, name: str, text: str) -> None:
        self.name = name
        self.text = text

    def fail(self, problem: str, line: int | None, todo: str = "", reason: str = "unreadable") -> PlanError:
        return PlanError(
            self.name,
            problem,
            todo or _file("fix_line"),
            line=line,
            reason=reason,
        )

    def text_field(self, table: dict[str, Any], key: str, what: str, line: int | None) -> str:
        value = table.get(key, "")
        if not isinstance(value, str):
            raise self.fail(_plan("words_in_quotes", what=_what(what)), _key_line(self.text, key, line))
        return value


def from_dict(data: dict[str, Any], name: str = "the plan", text: str = "") -> Plan:
    """Turn parsed TOML into a Plan, checking everything a person could get wrong."""
    read = _Reader(name, text)
    version = data.get("schema_version", SCHEMA_VERSION)
    if not isinstance(version, int) or isinstance(version, bool):
        raise read.fail(_plan("version_number"), _line_of(text, "schema_version"))
    if version > SCHEMA_VERSION:
        raise PlanError(
            name,
            _plan("newer", version=version, known=SCHEMA_VERSION),
            _plan("newer_todo"),
            line=_line_of(text, "schema_version"),
            reason="newer",
        )
    if version < 1:
        raise read.fail(_plan("version_too_small"), _line_of(text, "schema_version"))

    plan = Plan(schema_version=SCHEMA_VERSION)
    plan.title = read.text_field(data, "title", "title", _line_of(text, "title"))
    plan.created = _time(data.get("created"), read, "created")
    plan.updated = _time(data.get("updated"), read, "updated")

    assumptions = data.get("assumptions", [])
    if not isinstance(assumptions, list) or not all(isinstance(a, str) for a in assumptions):
        raise read.fail(_plan("assumptions"), _line_of(text, "assumptions"))
    plan.assumptions = list(assumptions)

    people = _tables(data, "people", read)
    people_lines = _table_lines(text, "people")
    for index, row in enumerate(people):
        line = _nth(people_lines, index)
        plan.people.append(
            Person(
                name=read.text_field(row, "name", "person_name", line),
                role=read.text_field(row, "role", "person_role", line),
                extra=_extra(row, {"name", "role"}),
            )
        )

    impact = data.get("impact", {})
    if not isinstance(impact, dict):
        raise read.fail(_plan("impact_table"), _line_of(text, "impact"))
    line = _line_of(text, "[impact]")
    plan.impact = Impact(
        project=read.text_field(impact, "project", "impact_project", line),
        coproduction=read.text_field(impact, "coproduction", "impact_coproduction", line),
        lasting_change=read.text_field(impact, "lasting_change", "lasting_change", line),
        extra=_extra(impact, {"project", "coproduction", "lasting_change"}),
    )

    seen: dict[str, int | None] = {}
    outcomes_lines = _table_lines(text, "outcomes")
    for index, row in enumerate(_tables(data, "outcomes", read)):
        line = _nth(outcomes_lines, index)
        item = Outcome(
            id=_id(row, read, line, "stone"),
            part=_part(row, read, line),
            text=read.text_field(row, "text", "stone_text", line),
            how_we_know=read.text_field(row, "how_we_know", "how_we_know", line),
            extra=_extra(row, {"id", "part", "text", "how_we_know"}),
        )
        _unique(item.id, seen, read, line)
        plan.outcomes.append(item)

    outcome_ids = {o.id for o in plan.outcomes}
    activities_lines = _table_lines(text, "activities")
    for index, row in enumerate(_tables(data, "activities", read)):
        line = _nth(activities_lines, index)
        kind = row.get("kind", "other")
        if kind not in KINDS and kind != "":  # "": nobody has chosen one yet
            raise read.fail(_plan("kind", kinds=", ".join(KINDS)), line)
        links = row.get("outcomes", [])
        if not isinstance(links, list) or not all(isinstance(i, str) for i in links):
            raise read.fail(_plan("links_list", key="outcomes"), line)
        item = Activity(
            id=_id(row, read, line, "activity"),
            part=_part(row, read, line),
            kind=kind,
            text=read.text_field(row, "text", "activity_text", line),
            outcomes=list(links),
            who=read.text_field(row, "who", "who", line),
            when=read.text_field(row, "when", "when", line),
            extra=_extra(row, {"id", "part", "kind", "text", "outcomes", "who", "when"}),
        )
        _unique(item.id, seen, read, line)
        for link in item.outcomes:
            if link not in outcome_ids:
                raise read.fail(
                    _plan("missing_link", id=item.id, link=repr(link)),
                    line,
                    _plan("missing_link_todo"),
                    reason="mendable",
                )
        plan.activities.append(item)

    last = data.get("last_ids", {})
    if not isinstance(last, dict) or not all(
        isinstance(v, int) and not isinstance(v, bool) for v in last.values()
    ):
        raise read.fail(_plan("last_ids"), _line_of(text, "last_ids"))
    plan.last_ids = {"o": int(last.get("o", 0)), "a": int(last.get("a", 0))}
    if "c" in last:
        plan.last_ids["c"] = int(last["c"])
    plan.checkins = _checkins(data, read)
    plan.extra = _extra(data, _TOP_KEYS)
    return plan


class _Lines:
    """Where each look-back table starts, found once for the whole file, for error messages."""

    def __init__(self, text: str) -> None:
        self.checkins = _table_lines(text, "checkins")
        self.rows = {key: _table_lines(text, f"checkins.{key}") for key in _CHECKIN_ROWS}
        self.reflection = _table_lines(text, "", needle="[checkins.reflection]")
        # How many of each were read so far: the n-th table read is the n-th in the text.
        self.used = dict.fromkeys((*_CHECKIN_ROWS, "reflection"), 0)

    def next(self, key: str, fallback: int | None) -> int | None:
        lines = self.reflection if key == "reflection" else self.rows[key]
        index = self.used[key]
        self.used[key] = index + 1
        return _nth(lines, index) or fallback


def _checkins(data: dict[str, Any], read: _Reader) -> list[Checkin]:
    """The look-backs (version 2), every value checked, in one pass over the file."""
    rows = _tables(data, "checkins", read)
    if not rows:
        return []
    text = read.text
    lines = _Lines(text)
    seen: dict[str, int | None] = {}
    found: list[Checkin] = []
    for index, row in enumerate(rows):
        line = _nth(lines.checkins, index)
        item_id = row.get("id")
        if not isinstance(item_id, str) or not item_id.strip():
            raise read.fail(_plan("no_id", what=_what("checkin"), id="c1"), line)
        if item_id in seen:
            raise read.fail(
                _plan("same_checkin_id", id=repr(item_id)), line, _plan("same_id_todo"), "mendable"
            )
        seen[item_id] = line
        day = row.get("date")
        if type(day) is not date:  # a date and time, or words, is not the day of a look-back
            raise read.fail(_plan("checkin_date"), _key_line(text, "date", line))
        who = row.get("who", [])
        if not isinstance(who, list) or not all(isinstance(name, str) for name in who):
            raise read.fail(_plan("checkin_who"), _key_line(text, "who", line))
        finished = row.get("finished", False)
        if not isinstance(finished, bool):
            raise read.fail(_plan("checkin_finished"), _key_line(text, "finished", line))
        item = Checkin(id=item_id, date=day, who=list(who), finished=finished)
        for entry, at in _checkin_rows(row, "activities", read, lines, line):
            times = entry.get("times")
            if times is not None and (type(times) is not int or times < 0):
                raise read.fail(_plan("times"), _key_line(text, "times", at))
            item.activities.append(
                ActivityCheck(
                    activity=_link(entry, "activity", read, at),
                    status=_choice(entry, "status", ACTIVITY_STATUSES, "activity_status", read, at),
                    times=times,
                    came=read.text_field(entry, "came", "came", at),
                    extra=_extra(entry, {"activity", "status", "times", "came"}),
                )
            )
        for entry, at in _checkin_rows(row, "outcomes", read, lines, line):
            item.outcomes.append(
                OutcomeCheck(
                    outcome=_link(entry, "outcome", read, at),
                    status=_choice(entry, "status", OUTCOME_STATUSES, "outcome_status", read, at),
                    person_says=_choice(entry, "person_says", OUTCOME_STATUSES, "person_says", read, at),
                    how_we_know=read.text_field(entry, "how_we_know", "how_we_know", at),
                    extra=_extra(entry, {"outcome", "status", "person_says", "how_we_know"}),
                )
            )
        for entry, at in _checkin_rows(row, "voices", read, lines, line):
            item.voices.append(
                Voice(
                    text=read.text_field(entry, "text", "voice_text", at),
                    said_by=read.text_field(entry, "said_by", "said_by", at),
                    outcome=read.text_field(entry, "outcome", "voice_outcome", at),
                    share=_choice(entry, "share", SHARE_CHOICES, "share", read, at),
                    photo=read.text_field(entry, "photo", "photo", at),
                    photo_words=read.text_field(entry, "photo_words", "photo_words", at),
                    extra=_extra(entry, {"text", "said_by", "outcome", "share", "photo", "photo_words"}),
                )
            )
        for entry, at in _checkin_rows(row, "surprises", read, lines, line):
            item.surprises.append(
                Surprise(text=read.text_field(entry, "text", "surprise", at), extra=_extra(entry, {"text"}))
            )
        if "reflection" in row:
            reflection = row["reflection"]
            if not isinstance(reflection, dict):
                raise read.fail(_plan("reflection"), _key_line(text, "reflection", line))
            at = lines.next("reflection", line)
            item.reflection = Reflection(
                hard=read.text_field(reflection, "hard", "hard", at),
                learned=read.text_field(reflection, "learned", "learned", at),
                next=read.text_field(reflection, "next", "next", at),
                extra=_extra(reflection, {"hard", "learned", "next"}),
            )
        item.extra = _extra(row, _CHECKIN_KEYS)
        found.append(item)
    return found


def _checkin_rows(
    row: dict[str, Any], key: str, read: _Reader, lines: _Lines, line: int | None
) -> list[tuple[dict[str, Any], int | None]]:
    """Each table of one list inside a look-back, with the line it starts on."""
    entries = row.get(key, [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise read.fail(_plan("tables", key=f"checkins.{key}"), _key_line(read.text, key, line) or line)
    return [(entry, lines.next(key, line)) for entry in entries]


def _link(entry: dict[str, Any], key: str, read: _Reader, line: int | None) -> str:
    """The id of the activity or stepping stone a look-back entry is about."""
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        example = "a1" if key == "activity" else "o1"
        what = _what("activity" if key == "activity" else "stone")
        raise read.fail(_plan("checkin_link", what=what, key=key, id=example), line)
    return value


def _choice(
    entry: dict[str, Any], key: str, choices: tuple[str, ...], problem: str, read: _Reader, line: int | None
) -> str:
    """One of the words a key may hold, or "" when it is missing (no answer yet)."""
    value = entry.get(key, "")
    if value != "" and value not in choices:
        words = ", ".join(choices)
        raise read.fail(_plan(problem, words=words), _key_line(read.text, key, line))
    return value


def _tables(data: dict[str, Any], key: str, read: _Reader) -> list[dict[str, Any]]:
    rows = data.get(key, [])
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise read.fail(_plan("tables", key=key), _line_of(read.text, key))
    return rows


def _id(row: dict[str, Any], read: _Reader, line: int | None, what: str) -> str:
    value = row.get("id")
    if not isinstance(value, str) or not value.strip():
        raise read.fail(_plan("no_id", what=_what(what), id="o1" if what == "stone" else "a1"), line)
    return value


def _part(row: dict[str, Any], read: _Reader, line: int | None) -> str:
    value = row.get("part")
    if value not in PARTS:
        raise read.fail(_plan("part"), line)
    return value


def _unique(item_id: str, seen: dict[str, int | None], read: _Reader, line: int | None) -> None:
    if item_id in seen:
        raise read.fail(
            _plan("same_id", id=repr(item_id)),
            line,
            _plan("same_id_todo"),
            reason="mendable",
        )
    seen[item_id] = line


def _time(value: Any, read: _Reader, key: str) -> datetime:
    if value is None:
        return now()
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, date) and not isinstance(value, time):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    raise read.fail(_plan("time", key=key), _line_of(read.text, f"{key} ="))


def _extra(table: dict[str, Any], known: set[str]) -> dict[str, Any]:
    return {k: v for k, v in table.items() if k not in known}


# ----- writing ------------------------------------------------------------------


def to_dict(plan: Plan) -> dict[str, Any]:
    """The plan as TOML-ready data, in the order design.md shows."""
    data: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "title": plan.title,
        "created": plan.created,
        "updated": plan.updated,
    }
    if plan.assumptions:
        data["assumptions"] = list(plan.assumptions)
    data["last_ids"] = dict(plan.last_ids)
    data.update(plan.extra)
    data["impact"] = {
        "project": plan.impact.project,
        "coproduction": plan.impact.coproduction,
        "lasting_change": plan.impact.lasting_change,
        **plan.impact.extra,
    }
    data["people"] = [{"name": p.name, "role": p.role, **p.extra} for p in plan.people]
    data["outcomes"] = [
        {"id": o.id, "part": o.part, "text": o.text, "how_we_know": o.how_we_know, **o.extra}
        for o in plan.outcomes
    ]
    data["activities"] = [
        {
            "id": a.id,
            "part": a.part,
            "kind": a.kind,
            "text": a.text,
            "outcomes": list(a.outcomes),
            "who": a.who,
            "when": a.when,
            **a.extra,
        }
        for a in plan.activities
    ]
    data["checkins"] = [_checkin_dict(c) for c in plan.checkins]
    for key in _ROWS:
        if not data[key]:
            del data[key]
    return data


def _checkin_dict(item: Checkin) -> dict[str, Any]:
    """One look-back as TOML-ready data, in the order design.md shows, without empty optional keys."""
    row: dict[str, Any] = {"id": item.id, "date": item.date}
    if item.who:
        row["who"] = list(item.who)
    row["finished"] = item.finished
    row.update(item.extra)
    activities = []
    for a in item.activities:
        entry: dict[str, Any] = {"activity": a.activity}
        _put(entry, "status", a.status)
        if a.times is not None:
            entry["times"] = a.times
        _put(entry, "came", a.came)
        activities.append({**entry, **a.extra})
    outcomes = []
    for o in item.outcomes:
        entry = {"outcome": o.outcome}
        _put(entry, "status", o.status)
        _put(entry, "person_says", o.person_says)
        _put(entry, "how_we_know", o.how_we_know)
        outcomes.append({**entry, **o.extra})
    voices = []
    for v in item.voices:
        entry = {"text": v.text}
        for key in ("said_by", "outcome", "share", "photo", "photo_words"):
            _put(entry, key, getattr(v, key))
        voices.append({**entry, **v.extra})
    surprises = [{"text": s.text, **s.extra} for s in item.surprises]
    for key, rows in (
        ("activities", activities),
        ("outcomes", outcomes),
        ("voices", voices),
        ("surprises", surprises),
    ):
        if rows:
            row[key] = rows
    r = item.reflection
    reflection: dict[str, Any] = {}
    for key in ("hard", "learned", "next"):
        _put(reflection, key, getattr(r, key))
    reflection.update(r.extra)
    if reflection:
        row["reflection"] = reflection
    return row


def _put(table: dict[str, Any], key: str, value: str) -> None:
    if value:
        table[key] = value


_ROWS = ("people", "outcomes", "activities", "checkins")


class TooBigToSave(ValueError):
    """A plan whose file would be bigger than backmap opens: it is never written."""

    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size

    def megabytes(self) -> int:
        return -(-self.size // (1024 * 1024))  # rounded up, as the words on opening say


def check_size(text: str) -> None:
    """Raise TooBigToSave for plan text that load() would refuse as too big to be a plan.

    Writing it would lose the plan on the next open (and soon its backup too).
    """
    if len(text) * 4 <= MAX_FILE_BYTES:
        return  # even four bytes a letter fits: no need to count the bytes
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_FILE_BYTES:
        raise TooBigToSave(size)


def dumps(plan: Plan) -> str:
    """The plan as TOML text, with every person, outcome and activity as its own [[table]].

    tomli-w on its own squeezes short tables onto one line, so a small plan and a
    big one would look different to a person who opens the file.
    """
    import tomli_w

    global _row_texts
    data = to_dict(plan)
    rows = {key: data.pop(key, []) for key in _ROWS}
    chunks = [tomli_w.dumps(data, multiline_strings=False)]
    known, kept = _row_texts, {}
    for key, items in rows.items():
        for row in items:
            # The plan is saved after every answer and most rows have not changed since the
            # last save: their text is reused, so saving a big plan does not block typing.
            row_key = _row_key(key, row) if key != "checkins" else (key, _frozen(row))
            chunk = known.get(row_key) if row_key is not None else None
            if chunk is None and key == "checkins":
                chunk = _checkin_text(row)
            elif chunk is None:
                # Each row has plain values (an id, a name), so tomli-w starts it with "[key]".
                table = tomli_w.dumps({key: row}, multiline_strings=False)
                header = f"[{key}]\n"
                chunk = f"[[{key}]]\n{table.removeprefix(header)}"
            if row_key is not None:
                kept[row_key] = chunk
            chunks.append(chunk)
    _row_texts = kept  # only the rows of the plan saved last: never more than one plan's worth
    return "\n".join(chunks)


# The TOML text of each row written by the last dumps(), by the row's values.
_row_texts: dict[tuple[object, ...], str] = {}


def _row_key(key: str, row: dict[str, Any]) -> tuple[object, ...] | None:
    """The row's keys and values as a dictionary key, or None when a value is not plain text."""
    parts: list[object] = [key]
    for name, value in row.items():
        if type(value) is list and all(type(v) is str for v in value):
            value = tuple(value)
        elif type(value) is not str:
            return None  # a number, date or table kept from a newer backmap: written afresh
        parts.append(name)
        parts.append(value)
    return tuple(parts)


def _checkin_text(row: dict[str, Any]) -> str:
    """One look-back as TOML: [[checkins]], then a [[checkins.activities]] table for each entry, and so on.

    tomli-w alone would squeeze the entries into lists of one-line tables.
    """
    import tomli_w

    def table(name: str, values: dict[str, Any], header: str) -> str:
        # Each table starts with a plain value (an id, a text), so tomli-w starts it with "[name]".
        data = {"checkins": values} if name == "checkins" else {"checkins": {name: values}}
        written = tomli_w.dumps(data, multiline_strings=False)
        prefix = "[checkins]\n" if name == "checkins" else f"[checkins.{name}]\n"
        return f"{header}\n{written.removeprefix(prefix)}"

    head = {k: v for k, v in row.items() if k not in (*_CHECKIN_ROWS, "reflection")}
    parts = [table("checkins", head, "[[checkins]]")]
    for key in _CHECKIN_ROWS:
        for entry in row.get(key, []):
            parts.append(table(key, entry, f"[[checkins.{key}]]"))
    if "reflection" in row:
        written = tomli_w.dumps({"checkins": {"reflection": row["reflection"]}}, multiline_strings=False)
        parts.append(written)
    return "\n".join(parts)


def _frozen(value: Any) -> object:
    """Data read from TOML as one value a dictionary can use as a key, with the type of each value.

    The type and repr keep apart what == would not: 1 and true, 0.0 and -0.0, one time in two zones.
    """
    kind = type(value)
    if kind is str:
        return value
    if kind is dict:
        return (dict, tuple((key, _frozen(inner)) for key, inner in value.items()))
    if kind is list:
        return (list, tuple(_frozen(inner) for inner in value))
    return (kind, repr(value))


def write_text_atomic(path: str | os.PathLike[str], text: str, keep_backup: bool = False) -> bool:
    """Write through a temporary file in the same folder, then rename over the old one.

    If anything fails on the way, the old file is still whole. With keep_backup, the old
    file is copied to NAME.bak first, but only when it differs from the new text: saving
    the same words again (as quitting does) must never make the backup a copy of the plan.
    Returns True when a backup was made.
    """
    import tempfile
    from pathlib import Path

    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    backed_up = False
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        if keep_backup and target.is_file() and not target.is_symlink():
            old = target.read_bytes()
            if old != text.encode("utf-8"):
                _copy_backup(old, target.with_name(target.name + ".bak"))
                backed_up = True
        os.replace(temporary, target)
        _fsync_folder(folder)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return backed_up


def _copy_backup(data: bytes, backup: Path) -> None:
    """Keep the previous version as .bak, itself written atomically."""
    import tempfile

    handle, temporary = tempfile.mkstemp(prefix=f".{backup.name}.", suffix=".tmp", dir=backup.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, backup)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _fsync_folder(folder: Path) -> None:
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def save(plan: Plan, path: str | os.PathLike[str], keep_backup: bool = True) -> None:
    """Save the plan atomically. The old version, if it differs, is kept as PLAN.toml.bak.

    Raises TooBigToSave, writing nothing, when the plan would be too big to open again.
    """
    text = dumps(plan)
    check_size(text)
    write_text_atomic(path, text, keep_backup=keep_backup)


# ----- names and places ------------------------------------------------------------


def safe_filename(title: str, suffix: str = ".toml") -> str:
    """A file name made from a title that can never leave its folder or break on Windows."""
    text = unicodedata.normalize("NFKC", title).strip().lower()
    text = "".join(ch if (ch.isalnum() or ch in " -_") else " " for ch in text)
    text = re.sub(r"[\s_]+", "-", text).strip("-.")
    text = re.sub(r"-{2,}", "-", text)
    text = text[: MAX_NAME_LENGTH - len(suffix)].rstrip("-.")
    if not text:
        text = "my-plan"
    if text.split(".")[0] in _WINDOWS_RESERVED:
        text = f"{text}-plan"
    return text + suffix


def make_private_folder(folder: Path) -> None:
    """Make a folder (and any missing folder above it) that only this user can open.

    Plan names are often people's names: other users of the computer must not list them.
    A folder that is already there is left as its owner set it.
    """
    missing: list[Path] = []
    for level in (folder, *folder.parents):
        if level.is_dir():
            break
        missing.append(level)
    for level in reversed(missing):
        try:
            level.mkdir(mode=0o700)
        except FileExistsError:
            if not level.is_dir():
                raise
            continue  # made by another backmap at the same moment
        os.chmod(level, 0o700)  # mkdir's mode is cut by the umask; 0700 is what we mean


def unique_path(folder: Path, title: str) -> Path:
    """A new plan file in the folder that takes the place of no other plan or summary."""
    stem = safe_filename(title)[: -len(".toml")]
    candidate = folder / f"{stem}.toml"
    number = 2
    while _taken(candidate) or _taken(summary_path(candidate)):
        tag = f"-{number}"
        candidate = folder / f"{stem[: MAX_NAME_LENGTH - len('.toml') - len(tag)].rstrip('-.')}{tag}.toml"
        number += 1
    return candidate


def _taken(path: Path) -> bool:
    return path.exists() or path.is_symlink()


def summary_path(plan_path: str | os.PathLike[str], suffix: str = ".md") -> Path:
    from pathlib import Path

    return Path(plan_path).with_suffix(suffix)


def photo_file(plan_path: str | os.PathLike[str], photo: str) -> Path | None:
    """The file a quote's photo names, only if it is a file inside the plan's folder, else None.

    The name must be relative ("photos/room.jpg"). A name that starts at the top of a disk,
    climbs out with "..", or is a link to a file outside the folder gives None, so backmap
    never reads or shows a file from anywhere else. A missing file gives None too.
    """
    from pathlib import Path, PurePosixPath, PureWindowsPath

    if not photo or "\x00" in photo:
        return None
    if PurePosixPath(photo).is_absolute() or PureWindowsPath(photo).anchor:
        return None
    try:
        folder = Path(os.path.realpath(Path(plan_path).absolute().parent))
        found = Path(os.path.realpath(folder / photo))
        inside = found.is_relative_to(folder) and found != folder
        return found if inside and found.is_file() else None
    except (OSError, ValueError):
        return None


class PlanInfo:
    """One plan in the plans folder, for the list of plans to carry on with."""

    def __init__(
        self, path: Path, title: str, updated: datetime, readable: bool, looked_back: date | None = None
    ) -> None:
        self.path = path
        self.title = title
        self.updated = updated
        self.readable = readable
        self.looked_back = looked_back  # the day of its newest finished look-back, or None

    def __repr__(self) -> str:
        values = (self.path, self.title, self.updated, self.readable, self.looked_back)
        return f"PlanInfo({', '.join(map(repr, values))})"


def list_plans(folder: Path) -> list[PlanInfo]:
    """Plans in a folder, newest first; files we cannot read are listed, not hidden."""
    from backmap.core.going import last_looked_back

    found: list[PlanInfo] = []
    if not folder.is_dir():
        return found
    for file in folder.glob("*.toml"):
        try:
            if file.is_symlink() or not file.is_file():
                continue
            mtime = datetime.fromtimestamp(file.stat().st_mtime, UTC).replace(microsecond=0)
        except OSError:
            continue  # removed while we looked: it is not a plan to carry on with
        try:
            plan = load(file)
        except Exception:  # one strange file must never hide every other plan
            found.append(PlanInfo(file, file.stem, mtime, False))
            continue
        found.append(PlanInfo(file, plan.title or file.stem, plan.updated, True, last_looked_back(plan)))
    found.sort(key=lambda info: info.updated, reverse=True)
    return found


# ----- mending -------------------------------------------------------------------


def mend(path: str | os.PathLike[str]) -> Path:
    """Save a mended copy of a plan beside it, and return where; the plan itself is never touched.

    Mends what a machine can put right without guessing what people meant:
    links to stepping stones that are not in the plan are dropped, and an item
    whose id is already taken gets a fresh id. The copy is named
    ``NAME.mended.toml`` (``NAME.mended-2.toml`` and so on if that is taken).
    Raises PlanError when something else is wrong, so the plan cannot be mended,
    and OSError when the copy cannot be written.
    """
    from pathlib import Path

    file = Path(path)
    name = str(file)
    text = _decode(_read_bytes(file), name)
    data = _parse(text, name)
    try:
        plan = from_dict(_mended(data), name, text)
    except PlanError as error:
        raise PlanError(
            error.path,
            f"{error.problem} {content.problem('open', 'cannot_mend')}",
            error.todo,
            line=error.line,
            reason=error.reason,
        ) from None
    text = dumps(plan)
    check_size(text)
    target = _reserve_mended_path(file)
    try:
        write_text_atomic(target, text)
    except BaseException:
        with contextlib.suppress(OSError):
            target.unlink()
        raise
    return target


def _mended(data: dict[str, Any]) -> dict[str, Any]:
    """The parsed file with fresh ids for repeated ones and without dangling links.

    Anything that is not the shape we expect is left alone for from_dict to explain.
    """
    outcomes = data.get("outcomes", [])
    activities = data.get("activities", [])
    if not all(isinstance(rows, list) for rows in (outcomes, activities)):
        return data
    rows = [r for r in [*outcomes, *activities] if isinstance(r, dict)]
    last = data.get("last_ids", {})
    last = dict(last) if isinstance(last, dict) else {}
    highest: dict[str, int] = {}
    for prefix in ("o", "a"):
        value = last.get(prefix, 0)
        highest[prefix] = value if isinstance(value, int) and not isinstance(value, bool) else 0
    for row in rows:
        match = re.fullmatch(r"([oa])(\d{1,9})", str(row.get("id", "")))
        if match:
            highest[match.group(1)] = max(highest[match.group(1)], int(match.group(2)))

    seen: set[str] = set()
    for prefix, table in (("o", outcomes), ("a", activities)):
        for row in table:
            if not isinstance(row, dict) or not isinstance(row.get("id"), str):
                continue
            if row["id"] in seen:
                highest[prefix] += 1
                row["id"] = f"{prefix}{highest[prefix]}"
            seen.add(row["id"])

    outcome_ids = {r["id"] for r in outcomes if isinstance(r, dict) and isinstance(r.get("id"), str)}
    for row in activities:
        links = row.get("outcomes") if isinstance(row, dict) else None
        if isinstance(links, list) and all(isinstance(link, str) for link in links):
            row["outcomes"] = [link for link in links if link in outcome_ids]
    if isinstance(data.get("last_ids", {}), dict):
        data["last_ids"] = {**last, "o": highest["o"], "a": highest["a"]}
    _mend_checkin_ids(data)
    return data


def _mend_checkin_ids(data: dict[str, Any]) -> None:
    """A fresh "c" id for each look-back whose id another look-back has already."""
    checkins = data.get("checkins", [])
    last = data.get("last_ids", {})
    if not isinstance(checkins, list) or not isinstance(last, dict):
        return
    rows = [r for r in checkins if isinstance(r, dict) and isinstance(r.get("id"), str)]
    value = last.get("c", 0)
    highest = value if isinstance(value, int) and not isinstance(value, bool) else 0
    for row in rows:
        match = re.fullmatch(r"c(\d{1,9})", row["id"])
        if match:
            highest = max(highest, int(match.group(1)))
    seen: set[str] = set()
    changed = False
    for row in rows:
        if row["id"] in seen:
            highest += 1
            row["id"] = f"c{highest}"
            changed = True
        seen.add(row["id"])
    if changed:
        last["c"] = highest


def _reserve_mended_path(file: Path) -> Path:
    """Claim a free NAME.mended.toml beside the plan, so no other file is ever written over."""
    number = 1
    while True:
        tag = ".mended" if number == 1 else f".mended-{number}"
        candidate = file.with_name(f"{file.stem}{tag}.toml")
        try:
            os.close(os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except FileExistsError:
            number += 1
            continue
        return candidate
