"""The impact story: what changed, in easy words, made from a plan's finished look-backs.

One content structure (a Story of Sections) is built here and fed to both templates,
story.md.j2 and story.html.j2, so the two always say the same thing. Typed words are
kept raw in it: each format escapes them its own way (Markdown escaping, or Jinja's
autoescape for HTML). When a plan holds more than fits on 5 printed pages, this module
chooses: the latest progress only, a few quotes per stepping stone, and a line that
says where the full record is. No Textual here.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from backmap import content
from backmap.core import going, progress, store
from backmap.core.plan import Checkin, Plan
from backmap.core.safe_text import cut, plain

if TYPE_CHECKING:  # render (and Jinja with it) is imported only when a story is made
    from backmap.core.render import Photos

# What fits on 5 printed A4 pages at 16pt, with the pictures (checked in the browser tests).
MAX_ACTIVITIES = 8
MAX_STONES = 10
QUOTES_PER_STONE = 2
MAX_QUOTES = 6
MAX_SURPRISES = 3
MAX_LESSONS = 2  # of each kind: hard, learned
MAX_PEOPLE = 12
TEXT_LIMIT = 240  # a typed answer longer than this is cut at a word (the full record has it all)
QUOTE_LIMIT = 320


@dataclass(frozen=True)
class Limits:
    """How much of each kind the story shows; made smaller until the story fits its pages."""

    activities: int = MAX_ACTIVITIES
    stones: int = MAX_STONES
    quotes: int = MAX_QUOTES
    surprises: int = MAX_SURPRISES
    text: int = TEXT_LIMIT
    quote: int = QUOTE_LIMIT

    def smaller(self) -> Limits | None:
        """The next smaller choice, or None when the story cannot be made any shorter.

        Each step takes from the kind that has the most left to give, so the story keeps
        some of everything: words cut shorter, fewer stepping stones, activities and quotes.
        """
        room = {
            name: (getattr(self, name) - least) / (getattr(Limits(), name) - least)
            for name, least in _LEAST.items()
        }
        name = max(room, key=lambda n: room[n])
        if room[name] <= 0:
            return None
        least = _LEAST[name]
        if name == "text":
            return replace(self, text=max(least, self.text - 40), quote=max(least, self.quote - 40))
        return replace(self, **{name: getattr(self, name) - 1})


# The least each kind is made when a story must be shorter.
_LEAST = {"text": 100, "stones": 4, "activities": 3, "quotes": 3, "surprises": 1}


# The printed story in lines of 16pt body text (line-height 1.4: about 30 CSS pixels). An A4
# page less its margins holds 33; points are never cut across pages, so a page is not always
# full: the estimate counts 29. The browser tests print the story and count its pages.
PAGES = 5
PAGE_LINES = 29
_LETTER = 9.6  # CSS pixels: an average 16pt Arial letter, with room to spare
_WIDTH = 718  # CSS pixels: A4 less its side margins
_SECTION = _WIDTH - 52  # beside a section's picture
_POINT = _SECTION - 40  # beside a point's picture


def _lines(words_shown: str, width: int, letter: float = _LETTER) -> int:
    per_line = max(1, int(width // letter))
    return max(1, -(-len(words_shown) // per_line))


def printed_lines(story: Story) -> float:
    """How many lines of body text the printed story takes, about, with headings and pictures."""
    total = 1.5 * _lines(story.title, _WIDTH, _LETTER * 1.7) + sum(
        _lines(w.plain(), _WIDTH) for w in story.about
    )
    for section in story.sections:
        total += 1.8  # the heading (1.3em) and the space after the section
        total += sum(_lines(w.plain(), _SECTION) + 0.15 for w in (*section.intro, *section.after))
        for point in section.points:
            total += 0.3 + sum(_lines(w.plain(), _POINT) for w in point.lines)
            if point.name is not None:
                total += _lines(point.name.plain(), _POINT, _LETTER * 1.1)
            if point.photo is not None:
                total += 5.2  # at most 9rem high
    return total


# Which stepping stones a story shows first when it cannot show them all.
_STONE_ORDER = ("happened", "on-the-way", "changed-plan", "not-yet", "")
_STOPPED = "stopped"  # did not happen, and will not: never counted as "not happened yet"


def paths(plan_path: str | os.PathLike[str]) -> tuple[Path, Path]:
    """Where the story of a plan is written beside it: (NAME-story.html, NAME-story.md)."""
    plan = Path(plan_path)
    return plan.with_name(f"{plan.stem}-story.html"), plan.with_name(f"{plan.stem}-story.md")


def words(key: str) -> str:
    """Our words for the story, from content/story.toml ("said.intro")."""
    found: Any = content.load("story")
    for part in key.split("."):
        found = found[part]
    return str(found)


@dataclass(frozen=True)
class Words:
    """Our words with typed values to fill in; each format escapes the values its own way."""

    text: str
    values: tuple[tuple[str, str], ...] = ()

    def filled(self, escape: Any) -> Any:
        return self.text.format(**{name: escape(value) for name, value in self.values})

    def plain(self) -> str:
        return self.filled(lambda value: value)


def say(key: str, **values: object) -> Words:
    """Our words from story.toml, with typed values kept apart to be escaped later."""
    return Words(words(key), tuple((name, str(value)) for name, value in values.items()))


@dataclass(frozen=True)
class Photo:
    uri: str  # a data: URI, so the page loads nothing
    words: str  # what it shows: its alt text


@dataclass
class Point:
    """One main point with its picture beside it: a bold name, then its lines."""

    icon: str  # a picture of pictures.html.j2
    picture: str  # the picture's words, for people who cannot see it
    name: Words | None = None
    lines: list[Words] = field(default_factory=list)
    photo: Photo | None = None


@dataclass
class Section:
    key: str
    heading: str
    icon: str
    picture: str
    intro: list[Words] = field(default_factory=list)
    points: list[Point] = field(default_factory=list)
    after: list[Words] = field(default_factory=list)


@dataclass
class Story:
    title: str  # typed: escaped by each format
    about: list[Words]
    sections: list[Section]
    first: Any = None  # the first and last finished look-back's days
    last: Any = None
    look_backs: int = 0
    left_out: bool = False  # something did not fit: the story says where the full record is

    @property
    def dates(self) -> str:
        """The dates the story covers, for the top of every printed page."""
        if self.last is None:
            return ""
        if self.first == self.last:
            return content.long_date(self.last)
        return f"{content.long_date(self.first)} - {content.long_date(self.last)}"


def text(value: str, limit: int = TEXT_LIMIT) -> str:
    """Typed words on one line, cut at a word when very long."""
    return cut(plain(value), limit)


def _sentence(words_typed: str) -> str:
    """Typed words that end a sentence, so the next line does not run into them."""
    return words_typed if words_typed.endswith((".", "!", "?")) else f"{words_typed}."


def has_story(plan: Plan) -> bool:
    """A story needs at least one finished look-back."""
    return any(c.finished for c in plan.checkins)


def build(plan: Plan, plan_path: str | os.PathLike[str] | None = None, photos: Photos | None = None) -> Story:
    """The story's content, chosen to fit its printed pages: the most of each kind that fits.

    Photos are read only through store.photo_file, beside the plan, and only once: ``photos``
    is the save's reader when the printable page has read them already. The progress is
    worked out once too, for every try at making the story fit.
    """
    from backmap.core import render

    photos = photos or render.Photos(Path(plan_path) if plan_path is not None else None)
    found = going.Progress(plan)
    limits = Limits()
    while True:
        story = _build(plan, limits, photos, found)
        smaller = limits.smaller()
        if printed_lines(story) <= PAGES * PAGE_LINES or smaller is None:
            return story
        limits = smaller


def _build(plan: Plan, limits: Limits, photos: Photos, found: going.Progress) -> Story:
    finished = sorted(plan.finished_checkins(), key=lambda c: c.date)
    newest_first = list(reversed(finished))
    story = Story(
        title=text(plan.title, 120) or words("title"),
        about=[say("title"), say("about")],
        sections=[],
        first=finished[0].date if finished else None,
        last=finished[-1].date if finished else None,
        look_backs=len(finished),
        left_out=limits != Limits(),  # words were cut short to fit
    )
    stone_names = {o.id: text(o.text, 80) for o in plan.outcomes}
    sections = [
        _wanted(plan, limits),
        _did(plan, finished, found, story, limits),
        _changed(plan, newest_first, found, story, limits),
        _said(newest_first, stone_names, story, limits, photos),
        _surprises(newest_first, story, limits),
        _learned(newest_first, limits),
        _next(plan, newest_first, limits),
        _who(plan, story),
    ]
    sections.append(_hard_words(sections))
    story.sections = sections
    record = full_record_line(story, photos.plan_path)
    if record is not None:
        sections[-2].after.insert(0, record)  # in "Who made this", and said at the top too
        story.about.append(record)
    return story


def _section(key: str, icon: str) -> Section:
    return Section(key, words(f"{key}.heading"), icon, words(f"{key}.picture"))


def _typed_or(value: str, fallback: str, limit: int = TEXT_LIMIT) -> Words:
    shown = text(value, limit)
    return Words("{value}", (("value", shown),)) if shown else say(fallback)


def _wanted(plan: Plan, limits: Limits) -> Section:
    section = _section("wanted", "target")
    impact = plan.impact
    section.points = [
        Point(
            "target",
            words("wanted.project_picture"),
            say("wanted.project"),
            [_typed_or(impact.project, "wanted.not_written", limits.text)],
        ),
        Point(
            "together",
            words("wanted.coproduction_picture"),
            say("wanted.coproduction"),
            [
                say("wanted.coproduction_means"),
                _typed_or(impact.coproduction, "wanted.not_written", limits.text),
            ],
        ),
        Point(
            "lasting",
            words("wanted.lasting_picture"),
            say("wanted.lasting"),
            [_typed_or(impact.lasting_change, "wanted.not_written", limits.text)],
        ),
    ]
    return section


def _count(key: str, count: int, **values: object) -> Words:
    """Words for a number: the "_one" form for 1."""
    return say(f"{key}_one", **values) if count == 1 else say(key, count=count, **values)


def _latest(found: going.Progress, kind: str) -> dict[str, str]:
    """Each item's newest status, from the one pass over the look-backs that going makes."""
    return {item: status for (of, item), status in found.latest.items() if of == kind}


def _did(plan: Plan, finished: list[Checkin], found: going.Progress, story: Story, limits: Limits) -> Section:
    section = _section("did", "people")
    latest = _latest(found, "activity")
    happened = [a for a in plan.activities if latest.get(a.id) in progress.HAPPENED]
    # Done before started, then in the plan's order; shown in the plan's order.
    ranked = sorted(happened, key=lambda a: progress.HAPPENED.index(latest[a.id]))
    chosen = {id(a) for a in ranked[: limits.activities]}
    for activity in happened:
        if id(activity) not in chosen:
            continue
        status = latest[activity.id]
        times, came = 0, ""
        for checkin in finished:
            entry = checkin.activity_entry(activity.id)
            if entry is not None:
                times += entry.times or 0
                came = text(entry.came, 120) or came  # the latest words on who came
        lines = [say("did.status", symbol=progress.symbol(status), word=progress.word("activity", status))]
        if times:
            lines.append(_count("did.times", times))
        if came:
            lines.append(say("did.came", came=_sentence(came)))
        name = _typed_or(activity.text, "no_words", min(160, limits.text))
        section.points.append(Point(activity.kind, "", name, lines))
    if not happened:
        section.intro.append(say("did.none"))
    left = len(happened) - len(chosen)
    if left:
        section.after.append(_count("did.more", left))
        story.left_out = True
    stopped = sum(1 for a in plan.activities if latest.get(a.id) == _STOPPED)
    not_yet = len(plan.activities) - len(happened) - stopped
    if not_yet and happened:
        section.after.append(_count("did.not_yet", not_yet))
    if stopped:
        section.after.append(_count("did.stopped", stopped))
    return section


def _changed(
    plan: Plan, newest_first: list[Checkin], found: going.Progress, story: Story, limits: Limits
) -> Section:
    section = _section("changed", "stones")
    section.intro.append(say("changed.intro"))
    latest = _latest(found, "outcome")
    looked = [o for o in plan.outcomes if latest.get(o.id)]
    ranked = sorted(looked, key=lambda o: _STONE_ORDER.index(latest[o.id]))
    chosen = {id(o) for o in ranked[: limits.stones]}
    for outcome in looked:
        if id(outcome) not in chosen:
            continue
        status = latest[outcome.id]
        lines = [say("changed.status", symbol=progress.symbol(status), word=progress.word("outcome", status))]
        first_now = found.first_and_now(outcome.id)
        if first_now is not None:
            first, now = (progress.label("outcome", s) for s in first_now)
            lines.append(Words(content.word("progress", "first_now"), (("first", first), ("now", now))))
        how = next(
            (
                text(e.how_we_know, limits.text)
                for c in newest_first
                if (e := c.outcome_entry(outcome.id)) and text(e.how_we_know)
            ),
            "",
        )
        if how:
            lines.append(say("changed.how", how=_sentence(how)))
        section.points.append(
            Point("stone", "", _typed_or(outcome.text, "no_words", min(160, limits.text)), lines)
        )
    if not looked:
        section.intro.append(say("changed.none"))
    left = len(looked) - len(chosen)
    if left:
        section.after.append(_count("changed.more", left))
        story.left_out = True
    return section


def _said(
    newest_first: list[Checkin],
    stone_names: dict[str, str],
    story: Story,
    limits: Limits,
    photos: Photos,
) -> Section:
    """Only quotes whose share choice is "yes": never "team", "no" or one nobody chose."""
    section = _section("said", "one-to-one")
    section.intro.append(say("said.intro"))
    shared = [
        v for c in newest_first for v in going.shown_voices(c, going.PUBLIC) if text(v.text, limits.quote)
    ]
    per_stone: dict[str, int] = {}
    for voice in shared:
        if len(section.points) >= limits.quotes or per_stone.get(voice.outcome, 0) >= QUOTES_PER_STONE:
            story.left_out = True
            continue
        per_stone[voice.outcome] = per_stone.get(voice.outcome, 0) + 1
        who = text(voice.said_by, 80)
        name = say("said.said_by", name=who) if who else say("said.someone")
        lines = [say("said.quote", text=text(voice.text, limits.quote))]
        if stone_names.get(voice.outcome):
            lines.append(say("said.about", stone=stone_names[voice.outcome]))
        photo = _photo(photos, voice.photo, voice.photo_words)
        if photo is not None:
            lines.append(say("said.photo", words=photo.words))
        section.points.append(Point("one-to-one", "", name, lines, photo))
    if not shared:
        section.intro.append(say("said.none"))
    elif len(section.points) < len(shared):
        section.after.append(say("said.more"))
    return section


def _photo(photos: Photos, photo: str, photo_words: str) -> Photo | None:
    """The photo as a data: address (the summary's reader, ``render.Photos``), or None."""
    uri = photos.uri(photo)
    if not uri:
        return None
    return Photo(uri, text(photo_words, 200) or words("no_words"))


def _surprises(newest_first: list[Checkin], story: Story, limits: Limits) -> Section:
    section = _section("surprises", "look")
    found = [text(s.text, limits.text) for c in newest_first for s in c.surprises if text(s.text)]
    section.points = [
        Point("look", "", None, [Words("{value}", (("value", t),))]) for t in found[: limits.surprises]
    ]
    if not found:
        section.intro.append(say("surprises.none"))
    elif len(found) > limits.surprises:
        section.after.append(say("surprises.more"))
        story.left_out = True
    return section


def _lesson(newest_first: list[Checkin], name: str, limit: int) -> list[Words]:
    found = [
        text(getattr(c.reflection, name), limit) for c in newest_first if text(getattr(c.reflection, name))
    ]
    return [Words("{value}", (("value", t),)) for t in dict.fromkeys(found)][:MAX_LESSONS]


def _learned(newest_first: list[Checkin], limits: Limits) -> Section:
    section = _section("learned", "words")
    hard, learned = _lesson(newest_first, "hard", limits.text), _lesson(newest_first, "learned", limits.text)
    if hard:
        section.points.append(Point("gap", words("learned.hard_picture"), say("learned.hard"), hard))
    if learned:
        section.points.append(
            Point("words", words("learned.learned_picture"), say("learned.learned"), learned)
        )
    if not (hard or learned):
        section.intro.append(say("learned.none"))
    return section


def _next(plan: Plan, newest_first: list[Checkin], limits: Limits) -> Section:
    section = _section("next", "arrow")
    planned = _lesson(newest_first, "next", limits.text)[:1]  # the newest plan for what comes next
    section.points.append(
        Point("arrow", words("next.next_picture"), say("next.next"), planned or [say("next.none")])
    )
    section.points.append(
        Point(
            "lasting",
            words("next.lasting_picture"),
            say("next.lasting"),
            [_typed_or(plan.impact.lasting_change, "next.none", limits.text)],
        )
    )
    return section


def _who(plan: Plan, story: Story) -> Section:
    section = _section("who", "people")
    named = [p for p in plan.people if text(p.name, 80)]
    for person in named[:MAX_PEOPLE]:
        role = text(person.role, 80)
        line = (
            say("who.person_role", name=text(person.name, 80), role=role)
            if role
            else say("who.person", name=text(person.name, 80))
        )
        section.intro.append(line)
    if not named:
        section.intro.append(say("who.nobody"))
    elif len(named) > MAX_PEOPLE:
        section.intro.append(say("who.more", count=len(named) - MAX_PEOPLE))
    if story.last is not None:
        if story.first == story.last:
            section.after.append(say("dates_one", last=content.long_date(story.last)))
        else:
            section.after.append(
                say("dates", first=content.long_date(story.first), last=content.long_date(story.last))
            )
    section.after.append(_count("look_backs", story.look_backs))
    section.after.append(say("help"))
    return section


def _hard_words(sections: list[Section]) -> Section:
    """The app's word list, only the words this story uses, and what a look-back is."""
    section = _section("hard_words", "words")
    shown = (
        " ".join(
            w.plain() for s in sections for w in [*s.intro, *s.after, *(x for p in s.points for x in p.lines)]
        )
        + " "
        + " ".join(s.heading for s in sections)
    )
    shown = shown.lower()
    entries = [(e["word"], e["means"]) for e in content.glossary() if e["word"].lower() in shown]
    entries.append((words("hard_words.look_back"), words("hard_words.look_back_means")))
    for word, means in entries:
        section.points.append(Point("words", "", Words(word), [Words(means)]))
    return section


def full_record_line(story: Story, plan_path: str | os.PathLike[str] | None) -> Words | None:
    """Where the full record is, when the story had to leave something out."""
    if not story.left_out:
        return None
    page = store.summary_path(plan_path, ".html").name if plan_path is not None else words("plan_page")
    return say("full_record", page=page)


# ----- the two formats ----------------------------------------------------------------


def markdown(plan: Plan, plan_path: str | os.PathLike[str] | None = None) -> str:
    """The story as Markdown: every typed word escaped so it can only be words."""
    return markdown_of(build(plan, plan_path))


def html(plan: Plan, plan_path: str | os.PathLike[str] | None = None) -> str:
    """The story as one self-contained printable HTML page: photos inside, nothing loaded."""
    return html_of(build(plan, plan_path))


def markdown_of(story: Story) -> str:
    """A story already built, as Markdown."""
    from backmap.core import render

    data = {
        "story": story,
        "md": render.md,
        "fill": lambda w: w.filled(render.md),
        "fill_all": lambda lines: " ".join(w.filled(render.md) for w in lines),
    }
    return render.environment().get_template("story.md.j2").render(data)


def html_of(story: Story) -> str:
    """A story already built, as HTML."""
    import markupsafe

    from backmap.core import render

    def fill(w: Words) -> markupsafe.Markup:
        """Our words escaped, then the typed values put in: Markup.format escapes each of them."""
        return markupsafe.Markup(markupsafe.escape(w.text)).format(
            **{name: plain(value) for name, value in w.values}
        )

    return render.environment().get_template("story.html.j2").render({"story": story, "fill": fill})


def spoken(plan: Plan, plan_path: str | os.PathLike[str] | None = None) -> str:
    """The story as plain sentences to be read aloud: words only, no symbols or pictures."""
    return spoken_of(build(plan, plan_path))


def spoken_of(story: Story) -> str:
    """A story already built, as sentences to be read aloud."""
    # The plain-text symbols ("[x]") are for the eye; the words beside them say the same.
    symbols = {progress.symbol(s) for s in (*progress.statuses("activity"), *progress.statuses("outcome"))}

    def line(w: Words) -> str:
        said = w.plain()
        for symbol in symbols:
            said = said.replace(symbol, "")
        said = " ".join(said.split())
        return said if said.endswith((".", "!", "?", ":", "\u201d")) else said + "."

    lines = [f"{story.title}.", *(line(w) for w in story.about)]
    for section in story.sections:
        lines.append(section.heading + ".")
        lines += [line(w) for w in section.intro]
        for point in section.points:
            if point.name is not None:
                lines.append(line(point.name))
            lines += [line(w) for w in point.lines]
        lines += [line(w) for w in section.after]
    return "\n".join(plain(x) for x in lines if plain(x))


def targets(plan_path: str | os.PathLike[str]) -> list[tuple[Path, str]]:
    """Both story files beside the plan, each with its kind: [(NAME-story.html, "html"), (..., "md")]."""
    html_path, md_path = paths(plan_path)
    return [(html_path, "html"), (md_path, "md")]


def write(
    plan: Plan,
    plan_path: Path,
    to: list[tuple[Path, str]] | None = None,
    photos: Photos | None = None,
    wrote: Callable[[Path], object] | None = None,
) -> Story:
    """Write the story, built once, to each (file, "html" or "md") of ``to``: both files beside
    the plan when not given (private, like the summaries). ``wrote`` hears of each file once it
    is whole. Returns the story (to be read aloud too). May raise OSError."""
    story = build(plan, plan_path, photos)  # once, for every file
    for target, kind in to or targets(plan_path):
        store.write_text_atomic(target, html_of(story) if kind == "html" else markdown_of(story))
        if wrote is not None:
            wrote(target)
    return story
