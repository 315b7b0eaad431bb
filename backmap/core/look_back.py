"""The look-back interview as data: its steps for one plan, and its answers.

A look-back asks about each activity and each stepping stone of the plan, so its
steps are made from the plan (``flow_for``). Every page knows the look-back it fills
in (``Page.checkin``), so the same functions serve the app and the plain mode.
"""

from __future__ import annotations

import re
from datetime import date

from backmap import content
from backmap.core import progress
from backmap.core.flow import Flow, Page
from backmap.core.plan import Checkin, Plan, Voice
from backmap.core.safe_text import plain


def say(key: str, **values: object) -> str:
    """A message of the look-back, from look_back.toml."""
    text: str = content.load("look_back")["messages"][key]
    return text.format(**values) if values else text


# Pages about one activity or stepping stone, asked only when the answer before makes sense of them.
_AFTER_HAPPENED = ("look_back_times", "look_back_came")
_AFTER_STATUS = ("look_back_know", "look_back_person")

# The pages asked about each activity and each stepping stone: (page key, kind, the field it fills).
_ACTIVITY_PAGES = (
    ("look_back_activity", "look_back_status", "status"),
    ("look_back_times", "look_back_text", "times"),
    ("look_back_came", "look_back_text", "came"),
)
_STONE_PAGES = (
    ("look_back_stone", "look_back_status", "status"),
    ("look_back_know", "look_back_text", "how_we_know"),
    ("look_back_person", "look_back_status", "person_says"),
)


def flow_for(plan: Plan, checkin_id: str) -> Flow:
    """The steps of one look-back at this plan: who and when, each activity, each stepping stone,
    what people said, surprises, what we learned, the pathway now, and finish."""
    pages: list[Page] = []

    def add(key: str, step: int, kind: str, part: str, **more: object) -> None:
        pages.append(Page(key, step, kind, part, checkin=checkin_id, **more))  # type: ignore[arg-type]

    add("look_back_when", 1, "look_back_text", "when", field="date")
    add("look_back_who", 1, "look_back_who", "when")
    # Each activity, then each stepping stone: (step, part, [(page key, kind, field)], the items).
    about = (
        (2, "did", _ACTIVITY_PAGES, plan.activities_in_order()),
        (3, "changed", _STONE_PAGES, plan.outcomes_in_order()),
    )
    for step, part, asked, items in about:
        for number, item in enumerate(items, 1):
            for key, kind, field in asked:
                add(key, step, kind, part, field=field, item=item.id, number=number, count=len(items))
    add("look_back_voices", 4, "look_back_entries", "said", field="voices")
    add("look_back_surprises", 5, "look_back_entries", "surprise", field="surprises")
    add("look_back_hard", 6, "look_back_text", "learned", field="hard")
    add("look_back_learned", 6, "look_back_text", "learned", field="learned")
    add("look_back_next", 6, "look_back_text", "learned", field="next")
    add("look_back_pathway", 7, "look_back_pathway", "pathway")
    add("look_back_finish", 8, "look_back_finish", "finish")
    return Flow("look-back", tuple(pages), asks=asks, resume_after_last=True)


def asks(plan: Plan, page: Page) -> bool:
    """Whether a page is asked: how many times only after it happened, how we know after a status."""
    if page.key not in _AFTER_HAPPENED and page.key not in _AFTER_STATUS:
        return True
    checkin = _checkin(plan, page)
    if checkin is None:
        return True
    if page.key in _AFTER_HAPPENED:
        entry = checkin.activity_entry(page.item)
        return entry is not None and entry.status in progress.HAPPENED
    stone = checkin.outcome_entry(page.item)
    return stone is not None and bool(stone.status)


def _checkin(plan: Plan, page: Page) -> Checkin | None:
    try:
        return plan.checkin(page.checkin)
    except KeyError:
        return None


# ----- the thing a page asks about -----------------------------------------------------


def subject(plan: Plan, page: Page) -> str:
    """The words of the activity or stepping stone a page asks about, or ""."""
    if not page.item:
        return ""
    try:
        item = plan.activity(page.item) if page.item.startswith("a") else plan.outcome(page.item)
    except KeyError:
        return ""
    return item.text or content.word("picture", "no_words")


def voice_detail(page: Page, voice: Voice) -> str:
    """Who said a quote and who may see it, in words: "Said by Sam. Only the team sees it"."""
    said_by = [page.words["said_by_line"].format(name=voice.said_by)] if voice.said_by.strip() else []
    return ". ".join([*said_by, progress.shared_word(voice.share)])


# ----- answers in words ------------------------------------------------------------------


def get_text(plan: Plan, page: Page) -> str:
    """The answer in words a look-back page holds, as a person would type it."""
    checkin = _checkin(plan, page)
    if checkin is None:
        return ""
    field = page.field
    if field == "date":
        return content.long_date(checkin.date)
    if field in ("hard", "learned", "next"):
        return str(getattr(checkin.reflection, field))
    if field in ("times", "came"):
        entry = checkin.activity_entry(page.item)
        if entry is None:
            return ""
        return "" if field == "times" and entry.times is None else str(getattr(entry, field))
    stone = checkin.outcome_entry(page.item)
    return stone.how_we_know if stone is not None else ""


class AnswerProblem(ValueError):
    """An answer that cannot be kept, with what to do about it in plain words."""


def set_text(plan: Plan, page: Page, value: str) -> bool:
    """Keep an answer in words; True when it changed the plan. AnswerProblem when it makes no sense."""
    checkin = _checkin(plan, page)
    if checkin is None or get_text(plan, page) == value:
        return False
    field = page.field
    if field == "date":
        day = read_date(value)
        if day == checkin.date:
            return False
        checkin.date = day
        plan.touch()
    elif field in ("hard", "learned", "next"):
        setattr(checkin.reflection, field, value)
        plan.touch()
    elif field == "times":
        plan.activity_check(checkin, page.item, times=read_times(value))
    elif field == "came":
        plan.activity_check(checkin, page.item, came=value)
    else:
        plan.outcome_check(checkin, page.item, how_we_know=value)
    return True


_MONTHS = {name.lower(): n for n, name in enumerate(content.load("words")["dates"]["months"], 1)}
_MONTHS.update({name[:3]: n for name, n in list(_MONTHS.items())})
_NUMBERS = re.compile(r"\d+")


def read_date(value: str) -> date:
    """A date as people type it: "4 December 2026", "4 Dec 2026", "2026-12-04" or "4/12/2026"."""
    text = plain(value).strip().lower().replace(",", " ")
    if not text:
        raise AnswerProblem(say("date_empty"))
    numbers = [int(n) for n in _NUMBERS.findall(text)]
    month = next((n for word, n in _MONTHS.items() if re.search(rf"\b{word}\b", text)), None)
    try:
        if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", text):
            return date(numbers[0], numbers[1], numbers[2])
        if month is not None and len(numbers) == 2:
            return date(numbers[1], month, numbers[0])
        if re.fullmatch(r"\d{1,2}[/.]\d{1,2}[/.]\d{4}", text):
            return date(numbers[2], numbers[1], numbers[0])
    except ValueError:
        pass
    raise AnswerProblem(say("date_wrong", typed=plain(value)[:40]))


def read_times(value: str) -> int | None:
    """How many times, as a whole number; nothing typed is no answer."""
    text = plain(value).strip()
    if not text:
        return None
    if not text.isdigit() or len(text) > 6:
        raise AnswerProblem(say("times_wrong"))
    return int(text)


# ----- answers chosen from a list ----------------------------------------------------------


def choices(page: Page) -> list[tuple[str, str]]:
    """(value, words) of each answer a status page offers, in order."""
    if page.key == "look_back_activity":
        return [(s, progress.word("activity", s)) for s in progress.statuses("activity")]
    rows = [(s, progress.word("outcome", s)) for s in progress.statuses("outcome")]
    if page.key == "look_back_person":
        return [("", page.words["agree"]), *rows]
    return rows


def get_choice(plan: Plan, page: Page) -> str:
    checkin = _checkin(plan, page)
    if checkin is None:
        return ""
    if page.key == "look_back_activity":
        entry = checkin.activity_entry(page.item)
        return entry.status if entry is not None else ""
    stone = checkin.outcome_entry(page.item)
    if stone is None:
        return ""
    return stone.status if page.key == "look_back_stone" else stone.person_says


def set_choice(plan: Plan, page: Page, value: str) -> bool:
    """Keep a chosen answer; True when it changed the plan."""
    checkin = _checkin(plan, page)
    if checkin is None or get_choice(plan, page) == value:
        return False
    if page.key == "look_back_activity":
        plan.activity_check(checkin, page.item, status=value)
    elif page.key == "look_back_stone":
        plan.outcome_check(checkin, page.item, status=value)
    else:
        stone = plan.outcome_check(checkin, page.item)
        # The person's view is kept only when it differs: the same word is agreeing.
        plan.outcome_check(checkin, page.item, person_says="" if value == stone.status else value)
    return True


def key_for(page: Page, typed: str) -> int | None:
    """The row a typed key chooses: its number, or a first letter that only one row starts with."""
    rows = choices(page)
    if typed.isdigit():
        number = int(typed)
        return number - 1 if 1 <= number <= len(rows) else None
    starts = [i for i, (_, text) in enumerate(rows) if text[:1].lower() == typed.lower()]
    return starts[0] if len(starts) == 1 else None


# ----- who is here -----------------------------------------------------------------------


def set_who(plan: Plan, page: Page, names: list[str]) -> bool:
    checkin = _checkin(plan, page)
    cleaned = [n for n in dict.fromkeys(n.strip() for n in names) if n]
    if checkin is None or checkin.who == cleaned:
        return False
    checkin.who = cleaned
    plan.touch()
    return True


def split_names(text: str) -> list[str]:
    """Names typed in one line: "Jo, Ali and Kim" is three people."""
    return [n.strip() for n in re.split(r",|\band\b|;", text) if n.strip()]


# ----- whether a page has an answer (where "carry on" starts) ---------------------------------


def is_answered(plan: Plan, page: Page) -> bool:
    checkin = _checkin(plan, page)
    if checkin is None:
        return False
    if page.key == "look_back_when":
        return False  # the date is today unless changed: it says nothing about where people stopped
    if page.key == "look_back_who":
        return bool(checkin.who)
    if page.kind == "look_back_status":
        return bool(get_choice(plan, page))
    if page.kind == "look_back_text":
        return bool(plain(get_text(plan, page)))
    if page.key == "look_back_voices":
        return bool(checkin.voices)
    if page.key == "look_back_surprises":
        return bool(checkin.surprises)
    return False


def ways_on(plan: Plan) -> list[tuple[str, str]]:
    """(key, words) of each way to look back at this plan: carry on the one not finished
    ("carry-on-ID") or start a new one ("new"), then change each finished one (its id), newest first."""
    unfinished = plan.open_checkin()
    if unfinished is not None:
        day = content.long_date(unfinished.date)
        ways = [(f"carry-on-{unfinished.id}", content.word("look_back", "carry_on", date=day))]
    else:
        ways = [("new", content.word("look_back", "new"))]
    for checkin in sorted(plan.finished_checkins(), key=lambda c: c.date, reverse=True):
        ways.append((checkin.id, content.word("look_back", "change", date=content.long_date(checkin.date))))
    return ways


def ways_on_text(plan: Plan) -> str:
    """What the question about the ways on says first."""
    finished = plan.finished_checkins()
    latest = content.long_date(max(c.date for c in finished)) if finished else ""
    unfinished = plan.open_checkin()
    if unfinished is not None:
        return content.word(
            "look_back", "choose_text_open", date=content.long_date(unfinished.date), count=len(finished)
        )
    return content.word("look_back", "choose_text", count=len(finished), date=latest)


def opening(plan: Plan | None, way: str) -> tuple[str, bool, str]:
    """What a way on from ``ways_on`` opens: (the look-back's id, "" for a new one; whether to
    carry on where it stopped; the note that says so). The app and plain mode both ask here."""
    if way == "new" or plan is None:
        return "", False, say("new_one")
    checkin_id = way.removeprefix("carry-on-")
    day = content.long_date(plan.checkin(checkin_id).date)
    if way.startswith("carry-on-"):
        return checkin_id, True, say("carrying_on", date=day)
    return checkin_id, False, say("changing", date=day)


def start_or_carry_on(plan: Plan, today: date, checkin_id: str = "") -> Checkin:
    """The look-back to work on: the one chosen, else one not finished, else a new one for today."""
    if checkin_id and any(c.id == checkin_id for c in plan.checkins):
        return plan.checkin(checkin_id)
    return plan.open_checkin() or plan.add_checkin(today)
