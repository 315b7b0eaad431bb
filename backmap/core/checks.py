"""Pathway checks: what is missing, in easy words, with a stable code for each.

The codes are for programs (``backmap check --json``, the app's "Fix this"
buttons); the messages are for people.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from backmap import content
from backmap.core.plan import PARTS, Checkin, Plan, Voice
from backmap.core.safe_text import cut, plain

if TYPE_CHECKING:
    from pathlib import Path

# Which page fixes each finding; flow.py turns a page into a step number.
FIX_PAGE = {
    "missing-title": "title",
    "missing-impact-project": "impact_project",
    "missing-impact-coproduction": "impact_coproduction",
    "missing-lasting-change": "lasting_change",
    "no-outcomes-project": "outcomes_project",
    "no-outcomes-coproduction": "outcomes_coproduction",
    "no-activities-project": "activities_project",
    "no-activities-coproduction": "activities_coproduction",
}


class Finding:
    """One gap in a plan. Read-only, compared by value.

    A plain class, not a dataclass: ``backmap check`` must start quickly, and
    ``import dataclasses`` alone costs more than it may spend.
    """

    __slots__ = ("code", "id", "message", "page")
    code: str
    message: str
    id: str | None
    page: str | None

    def __init__(self, code: str, message: str, id: str | None = None, page: str | None = None) -> None:
        for name, value in (("code", code), ("message", message), ("id", id), ("page", page)):
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"A finding cannot be changed ({name}).")

    def _values(self) -> tuple[str | None, ...]:
        return (self.code, self.message, self.id, self.page)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        return f"Finding(code={self.code!r}, message={self.message!r}, id={self.id!r}, page={self.page!r})"

    def as_json(self) -> dict[str, str | None]:
        return {"code": self.code, "message": self.message, "id": self.id}


def _short(text: str) -> str:
    """A typed answer cut down for a message, on one line."""
    return cut(plain(text), 60)


def run(plan: Plan, folder: Path | None = None) -> list[Finding]:
    """All findings, in the order of the steps, so people fix them from the top, then the look-backs.

    With the plan's folder, a photo a quote names is looked for there (photo-missing).
    """
    found: list[Finding] = []

    def add(code: str, item_id: str | None = None, page: str | None = None, **values: str) -> None:
        found.append(
            Finding(
                code=code,
                message=content.word("checks", code, **values),
                id=item_id,
                page=page or FIX_PAGE.get(code),
            )
        )

    if not plain(plan.title):
        add("missing-title")
    if not plain(plan.impact.project):
        add("missing-impact-project")
    if not plain(plan.impact.coproduction):
        add("missing-impact-coproduction")
    if not plain(plan.impact.lasting_change):
        add("missing-lasting-change")

    helpers = plan.helpers_by_outcome()
    known = set(helpers)
    for part in PARTS:
        outcomes = plan.outcomes_in(part)
        if not outcomes:
            add(f"no-outcomes-{part}")
        for outcome in outcomes:
            page = f"outcomes_{part}"
            if not plain(outcome.text):
                add("empty-text", outcome.id, page, item=content.page(page)["item"])
            elif not helpers[outcome.id]:
                add("outcome-without-activity", outcome.id, f"activities_{part}", text=_short(outcome.text))
    for part in PARTS:
        activities = plan.activities_in(part)
        if not activities:
            add(f"no-activities-{part}")
        for activity in activities:
            page = f"activities_{part}"
            if not plain(activity.text):
                add("empty-text", activity.id, page, item=content.page(page)["item"])
            elif not any(link in known for link in activity.outcomes):
                add("activity-without-outcome", activity.id, page, text=_short(activity.text))
            if plain(activity.text) and not activity.kind:
                add("kind-not-chosen", activity.id, page, text=_short(activity.text))
    for checkin in plan.checkins:
        for code, values in _look_back(plan, checkin, folder):
            add(code, checkin.id, None, **values)
    return found


def _look_back(plan: Plan, checkin: Checkin, folder: Path | None) -> list[tuple[str, dict[str, str]]]:
    """The findings of one look-back: (code, words for its message).

    A quote's own words are shown only when everyone may see them (share "yes").
    """
    found: list[tuple[str, dict[str, str]]] = []
    day = content.long_date(checkin.date)
    if checkin.finished:
        stones = {o.id: o for o in plan.outcomes}
        backed = {v.outcome for v in checkin.voices if plain(v.text)}
        for entry in checkin.outcomes:
            stone = stones.get(entry.outcome)
            if stone is None or entry.status != "happened":
                continue  # a stepping stone removed since: not part of the plan any more
            if not plain(entry.how_we_know) and entry.outcome not in backed:
                found.append(("happened-without-evidence", {"date": day, "text": _short(stone.text)}))
    for voice in checkin.voices:
        quote = _quote(voice)
        if voice.photo:
            if folder is not None and _photo_missing(folder, voice.photo):
                found.append(("photo-missing", {"date": day, "quote": quote}))
            if not plain(voice.photo_words):
                found.append(("photo-without-words", {"date": day, "quote": quote}))
        if not voice.share:
            found.append(("share-not-chosen", {"date": day, "quote": quote}))
    return found


def _quote(voice: Voice) -> str:
    """How a message names a quote: its words only when everyone may see them."""
    if voice.share == "yes" and plain(voice.text):
        return content.word("check_quote", "words", text=_short(voice.text))
    if plain(voice.said_by):
        return content.word("check_quote", "by", name=_short(voice.said_by))
    return content.word("check_quote", "plain")


def _photo_missing(folder: Path, photo: str) -> bool:
    from backmap.core.store import photo_file

    return photo_file(folder / "plan.toml", photo) is None
