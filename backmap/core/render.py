"""The easy-read summary, made from Jinja templates: Markdown and printable HTML.

The same functions feed ``backmap render``, the ``.md`` and ``.html`` saved beside
each plan and the preview in the app, so they always say the same thing.

Typed answers are never trusted: in Markdown they are escaped so they can only be
words, in Mermaid every risky character becomes an entity code, and in HTML Jinja's
autoescape is on. Control characters and terminal escape sequences are removed
everywhere, because a summary may be shown in a terminal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
import markupsafe

from backmap import content
from backmap.core import checks, going, progress
from backmap.core.gc_pause import paused_gc
from backmap.core.pathway import part_path
from backmap.core.plan import PARTS, ActivityCheck, OutcomeCheck, Plan
from backmap.core.safe_text import cut, plain
from backmap.core.template_cache import bytecode_cache

# Characters that can start Markdown structure anywhere in a line. "$" starts maths and
# "@" an e-mail link on some hosts (GitHub), so they are escaped too.
_MD_INLINE = re.compile(r"([\\`*_{}\[\]<>#|!~&$@])")
# Things that only mean something at the start of a line: lists, quotes, headings, rules.
# The escape goes on the punctuation ("1\." not "\1."): a backslash only escapes punctuation.
_MD_LINE_START = re.compile(r"^(\s*)(?:([-+=>])|(\d+)([.)]))")
# "example.com" and "www.example.com" become links in linkifying viewers (Textual's
# Markdown, GitHub); an escaped dot breaks the match and still shows as a dot.
_MD_DOMAIN_DOT = re.compile(r"(?<=[^\W_])\.(?=[^\W\d_])")


def picture_words() -> dict[str, str]:
    """The words of the pathway pictures, from content/words.toml like every other word."""
    return content.load("words")["picture"]


# A Mermaid label longer than this is cut (the full words are in the list below it):
# Mermaid refuses a diagram over 50,000 characters, and every entity code is 4 to 8.
MERMAID_LABEL_LIMIT = 150
_MERMAID_SAFE = frozenset(" .,!?'()-")


plain_text = plain  # typed text on one line, with escape sequences and control characters gone


def md(value: Any) -> str:
    """Escape typed text so it can only ever be words in the summary."""
    text = plain_text(str(value))
    text = _MD_INLINE.sub(r"\\\1", text)
    text = _MD_LINE_START.sub(_escape_line_start, text)
    text = _MD_DOMAIN_DOT.sub(r"\\.", text)
    # "http://" starts a link on GitHub; an escaped colon stops that and still reads ":".
    return text.replace("://", "\\://")


def md_or(value: Any, fallback: str) -> str:
    """Escaped typed text, or our words when nothing readable is left."""
    return md(value) or fallback


def _escape_line_start(match: re.Match[str]) -> str:
    space, mark, number, dot = match.groups()
    if mark:
        return f"{space}\\{mark}"
    return f"{space}{number}\\{dot}"


def mermaid_text(value: Any, limit: int = MERMAID_LABEL_LIMIT) -> str:
    """Typed text for inside a quoted Mermaid label: every risky character as an entity code.

    Letters, digits, spaces and plain punctuation stay as they are, so the block is
    still readable as text. Everything else ("#", ";", quotes, brackets, "<", "&", "$",
    ":", emoji) becomes ``#NNN;``, which Mermaid shows as that character and can
    never read as syntax, HTML, maths or an icon.
    """
    text = mermaid_shown(value, limit)
    return "".join(ch if ch.isalnum() or ch in _MERMAID_SAFE else f"#{ord(ch)};" for ch in text)


def mermaid_shown(value: Any, limit: int = MERMAID_LABEL_LIMIT) -> str:
    """The words a Mermaid label shows: the typed text on one line, cut when very long."""
    return cut(plain_text(str(value)), limit)


def long_date(value: Any) -> str:
    """ "26 November 2026": the same in every locale, and easy to read."""
    return content.long_date(value)


# ----- the pathway --------------------------------------------------------------------


@dataclass(frozen=True)
class Node:
    """One box of a pathway picture. The key is ours, never typed by a person."""

    key: str
    kind: str  # "activity", "stone" or "impact"
    text: str  # the typed words on one line, or our words when there are none
    note: str = ""  # our words: "needs an activity", "from co-production"

    @property
    def label(self) -> str:
        return f"{self.text} ({self.note})" if self.note else self.text


@dataclass
class Pathway:
    """One part's pathway: activities lead to stepping stones, which lead to the impact."""

    part: str
    name: str
    impact: Node
    stones: list[Node] = field(default_factory=list)
    activities: list[Node] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)  # (activity key, stone key)

    @property
    def title(self) -> str:
        return picture_words()["title"].format(part=self.name.lower())

    def helpers(self, stone: Node) -> list[Node]:
        """The activities with an arrow to this stepping stone."""
        return self._helper_index().get(stone.key, [])

    def _helper_index(self) -> dict[str, list[Node]]:
        """Stone key -> the activities with an arrow to it, in order; made once, in linear time.

        Asking each stone in turn would read every link for every stone: quadratic,
        seconds for a big plan. A pathway is only read once it is made; the index is
        made again if links or activities are added.
        """
        size = (len(self.links), len(self.activities))
        cached = self.__dict__.get("_helpers")
        if cached is not None and cached[0] == size:
            return cached[1]
        stones_of: dict[str, list[str]] = {}
        for activity_key, stone_key in self.links:
            stones_of.setdefault(activity_key, []).append(stone_key)
        index: dict[str, list[Node]] = {}
        for activity in self.activities:
            for stone_key in dict.fromkeys(stones_of.get(activity.key, ())):
                index.setdefault(stone_key, []).append(activity)
        self.__dict__["_helpers"] = (size, index)
        return index

    @property
    def loose(self) -> list[Node]:
        """Activities with no arrow in this picture."""
        linked = {a for a, _ in self.links}
        return [a for a in self.activities if a.key not in linked]


def pathways(plan: Plan) -> list[Pathway]:
    """The pathway of each part, in linear time.

    A picture shows the part's stepping stones, every activity that helps them (an
    activity of the other part says where it is from), and the part's activities that
    help nothing yet. An activity that only helps the other part is drawn there.
    """
    helpers = plan.helpers_by_outcome()
    result = []
    for part in PARTS:
        path = part_path(plan, part, helpers)  # the one rule for what a part's pathway holds
        drawn = {id(a) for _, group in path.groups for a in group} | {id(a) for a in path.loose}
        pathway = Pathway(
            part=part,
            name=content.part_name(part),
            impact=Node("impact", "impact", plain_text(path.impact) or picture_words()["no_impact"]),
        )
        stone_keys: dict[str, str] = {}
        for number, outcome in enumerate(plan.outcomes_in(part), start=1):
            key = f"S{number}"
            stone_keys[outcome.id] = key
            note = "" if helpers.get(outcome.id) else picture_words()["needs_activity"]
            text = plain_text(outcome.text) or picture_words()["no_words"]
            pathway.stones.append(Node(key, "stone", text, note))
        number = 0
        for activity in plan.activities:
            if id(activity) not in drawn:
                continue
            mine = [stone_keys[i] for i in activity.outcomes if i in stone_keys]
            helps_any = any(i in helpers for i in activity.outcomes)
            number += 1
            key = f"A{number}"
            if not helps_any:
                note = picture_words()["needs_stone"]
            elif activity.part != part:
                note = picture_words()[f"from_{activity.part}"]
            else:
                note = ""
            text = plain_text(activity.text) or picture_words()["no_words"]
            pathway.activities.append(Node(key, "activity", text, note))
            pathway.links.extend((key, stone) for stone in dict.fromkeys(mine))
        result.append(pathway)
    return result


def mermaid(pathway: Pathway) -> str:
    """A fenced Mermaid flowchart of one pathway. Only labels hold typed words, all encoded."""
    shapes = {"activity": '["{}"]', "stone": '(["{}"])', "impact": '{{{{"{}"}}}}'}
    lines = [
        "```mermaid",
        "flowchart LR",
        f"    accTitle: {mermaid_text(pathway.title)}",
        f"    accDescr: {mermaid_text(picture_words()['describe'])}",
    ]
    nodes = [*pathway.activities, *pathway.stones, pathway.impact]
    lines += [f"    {n.key}{shapes[n.kind].format(mermaid_text(n.label))}" for n in nodes]
    lines += [f"    {a} --> {s}" for a, s in pathway.links]
    lines += [f"    {s.key} --> {pathway.impact.key}" for s in pathway.stones]
    words = picture_words()
    gaps = [n.key for n in nodes if n.note in (words["needs_activity"], words["needs_stone"])]
    if gaps:
        lines.append("    classDef gap stroke-dasharray: 6 4")
        lines.append(f"    class {','.join(gaps)} gap")
    lines.append("```")
    return "\n".join(lines)


def full_stop(text: str) -> str:
    """Text that ends a sentence, so the next label does not run into it."""
    return text if text.rstrip().endswith((".", "!", "?")) else text.rstrip() + "."


def css_string(value: Any, limit: int = 0) -> markupsafe.Markup:
    """Typed text as a quoted CSS string: every character but letters, digits and spaces escaped.

    It goes inside <style>, where HTML escaping means nothing, so "</style>" must be impossible.
    """
    text = plain_text(str(value))
    if limit:
        text = cut(text, limit)
    inside = "".join(ch if (ch.isalnum() and ch.isascii()) or ch == " " else f"\\{ord(ch):x} " for ch in text)
    return markupsafe.Markup(f'"{inside}"')


# ----- templates -------------------------------------------------------------------------


@cache
def environment() -> jinja2.Environment:
    """One environment per process: templates compile once. HTML templates autoescape."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("backmap", "templates"),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(enabled_extensions=("html", "html.j2"), default=False),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        # Compiled templates kept on disk between runs: compiling costs more than a quick
        # `backmap render` may spend (see bench/).
        bytecode_cache=bytecode_cache(),
    )
    env.filters["md"] = md
    env.filters["md_or"] = md_or
    env.filters["text"] = plain_text
    env.filters["long_date"] = long_date
    env.filters["css_string"] = css_string
    env.filters["full_stop"] = full_stop
    env.filters["cut_at_word"] = cut
    return env


@dataclass(frozen=True)
class Ref:
    """A numbered point of a part, named the same in the pictures and the lists."""

    name: str  # "Activity 3" or "Stepping stone 2 of the project"
    kind: str  # the kind of activity ("workshop"), or "stone"
    gap: bool  # an activity that leads nowhere, or a stepping stone nothing leads to


def paper_word(key: str, **values: Any) -> str:
    """Words for paper, from content/words.toml."""
    text: str = content.load("words")["paper"][key]
    return text.format(**values) if values else text


def paper_message(finding: checks.Finding) -> str:
    """A finding as words for paper: "Look at the part about ...", never "Go to step 2"."""
    paper = content.load("words")["paper"]
    return str(paper.get(finding.code, finding.message))


def context(plan: Plan) -> dict[str, Any]:
    """Everything the templates need, worked out once, in linear time."""
    helpers = plan.helpers_by_outcome()
    by_id = {o.id: o for o in plan.outcomes}
    activity_refs: dict[str, tuple[str, int]] = {}
    stone_refs: dict[str, tuple[str, int]] = {}
    for part in PARTS:
        for number, outcome in enumerate(plan.outcomes_in(part), start=1):
            stone_refs[outcome.id] = (part, number)
        for number, activity in enumerate(plan.activities_in(part), start=1):
            activity_refs[activity.id] = (part, number)

    def name(kind: str, where: tuple[str, int], seen_from: str) -> str:
        part, number = where
        if part == seen_from:
            return paper_word(kind, number=number)
        return paper_word(f"{kind}_other", number=number, part=content.part_name(part).lower())

    parts = []
    for part, pathway in zip(PARTS, pathways(plan), strict=True):
        outcomes = [
            {
                "item": o,
                "number": number,
                "name": name("stone", stone_refs[o.id], part),
                "helpers": helpers.get(o.id, []),
                "led_by": [
                    Ref(name("activity", activity_refs[a.id], part), a.kind, False)
                    for a in helpers.get(o.id, [])
                    if a.id in activity_refs
                ],
            }
            for number, o in enumerate(plan.outcomes_in(part), start=1)
        ]
        activities = [
            {
                "item": a,
                "number": number,
                "name": name("activity", activity_refs[a.id], part),
                "kind": content.kind_name(a.kind),
                "helps": [by_id[i] for i in a.outcomes if i in by_id],
                "leads_to": [
                    Ref(name("stone", stone_refs[i], part), "stone", False)
                    for i in dict.fromkeys(a.outcomes)
                    if i in by_id
                ],
            }
            for number, a in enumerate(plan.activities_in(part), start=1)
        ]
        parts.append(
            {
                "key": part,
                "name": content.part_name(part),
                "impact": plan.impact.project if part == "project" else plan.impact.coproduction,
                "outcomes": outcomes,
                "activities": activities,
                "loose": [row for row in activities if not row["leads_to"]],
                "pathway": pathway,
            }
        )
    findings = checks.run(plan)
    return {
        "plan": plan,
        "parts": parts,
        "findings": findings,
        "paper_findings": [paper_message(f) for f in findings],
        "glossary": content.glossary(),
        "counts": {
            "outcomes": len(plan.outcomes),
            "activities": len(plan.activities),
        },
        "words": picture_words(),
    }


# ----- how it is going --------------------------------------------------------------------

# A photo bigger than this is left out of the printable page (its words stay): the page is
# written again after every answer, and must stay a file people can e-mail.
PHOTO_LIMIT = 4 * 1024 * 1024
# The kinds of picture a browser shows from a data: address, known by their first bytes.
# Never SVG: it is a document that can hold links and scripts, not a picture.
_PHOTO_KINDS = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
)


def photo_data(plan_path: Path | None, photo: str) -> tuple[str, bytes] | None:
    """A photo's kind ("image/png") and bytes, only when it is a picture file inside the plan's
    folder and not over the limit; else None.

    ``store.photo_file`` decides what is inside the folder (no "..", no absolute path, no link
    out of it); nothing else is ever opened.
    """
    from backmap.core.store import photo_file

    if plan_path is None or not photo:
        return None
    found = photo_file(plan_path, photo)
    if found is None:
        return None
    try:
        with found.open("rb") as stream:
            data = stream.read(PHOTO_LIMIT + 1)  # never more than the limit read, however big
    except OSError:
        return None
    if len(data) > PHOTO_LIMIT:
        return None
    kind = next((kind for start, kind in _PHOTO_KINDS if data.startswith(start)), "")
    if not kind and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        kind = "image/webp"
    return (kind, data) if kind else None


def photo_uri(plan_path: Path | None, photo: str) -> str:
    """A photo as a data: address, only when ``photo_data`` gives it; else ""."""
    found = photo_data(plan_path, photo)
    return _data_uri(found) if found is not None else ""


def _data_uri(found: tuple[str, bytes]) -> str:
    import base64

    kind, data = found
    return f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"


class Photos:
    """The photos of one save, each read once (``photo_data``) for all its files.

    The printable page and the story of a save show the same photos: one of these, made for
    the save and passed to both, reads each file once. The Word copy reads its photos through
    one too, so it shows exactly the photos the page may show. Made again for every save, so
    a photo changed on disk is read again next time.
    """

    def __init__(self, plan_path: Path | None) -> None:
        self.plan_path = plan_path
        self._found: dict[str, tuple[str, bytes] | None] = {}
        self._uris: dict[str, str] = {}

    def data(self, photo: str) -> tuple[str, bytes] | None:
        """The photo's kind and bytes, or None (see ``photo_data``)."""
        if photo not in self._found:
            self._found[photo] = photo_data(self.plan_path, photo)
        return self._found[photo]

    def uri(self, photo: str) -> str:
        """The photo as a data: address, or "" (see ``photo_uri``)."""
        if photo not in self._uris:
            found = self.data(photo)
            self._uris[photo] = _data_uri(found) if found is not None else ""
        return self._uris[photo]


def how_it_is_going(
    plan: Plan, photos: Photos | None = None, audience: str = going.TEAM
) -> dict[str, Any] | None:
    """The newest finished look-back and each stepping stone's history, for an output's audience.

    None when the plan has no finished look-back: then the output has no such part. Only
    quotes the audience may see are here (``going.may_show``): the team's copies get "yes" and
    "team", a public one (the poster, the Word copy) only "yes"; "no" quotes never leave the plan.
    With ``photos`` (the plan's photos), a quote's photo comes as a data: address when it is
    safe to show.
    """
    latest = going.latest(plan)
    if latest is None:
        return None
    found = going.Progress(plan)
    stones = {o.id: o for o in plan.outcomes}
    # The first entry for each item, found once: asking the look-back item by item is quadratic.
    did: dict[str, ActivityCheck] = {}
    for entry in latest.activities:
        did.setdefault(entry.activity, entry)
    came_to: dict[str, OutcomeCheck] = {}
    for stone_entry in latest.outcomes:
        came_to.setdefault(stone_entry.outcome, stone_entry)
    parts = []
    for part in PARTS:
        activities = []
        for activity in plan.activities_in(part):
            entry = did.get(activity.id)
            activities.append(
                {
                    "item": activity,
                    "label": progress.label("activity", found.status("activity", activity.id)),
                    "times": entry.times if entry is not None else None,
                    "came": entry.came if entry is not None else "",
                }
            )
        outcomes = []
        for outcome in plan.outcomes_in(part):
            stone = came_to.get(outcome.id)
            person = stone.person_says if stone is not None else ""
            outcomes.append(
                {
                    "item": outcome,
                    "label": progress.label("outcome", found.status("outcome", outcome.id)),
                    "person_says": progress.label("outcome", person) if person else "",
                    "how_we_know": stone.how_we_know if stone is not None else "",
                    "history": [
                        {"date": long_date(day), "label": progress.label("outcome", status)}
                        for day, status in found.history.get(outcome.id, [])
                    ],
                }
            )
        parts.append(
            {"key": part, "name": content.part_name(part), "activities": activities, "outcomes": outcomes}
        )
    voices = []
    for voice in going.shown_voices(latest, audience):
        about = stones.get(voice.outcome)
        voices.append(
            {
                "text": voice.text,
                "said_by": voice.said_by,
                "about": about.text if about is not None else "",
                "share": progress.share_word(voice.share),
                "photo": bool(voice.photo),
                "photo_file": voice.photo,  # the file's name, for an output that reads it itself
                "photo_words": voice.photo_words,
                "photo_uri": photos.uri(voice.photo) if photos is not None else "",
            }
        )
    return {
        "date": long_date(latest.date),
        "who": ", ".join(name for name in (plain_text(n) for n in latest.who) if name),
        "parts": parts,
        "voices": voices,
        "surprises": [s.text for s in latest.surprises if plain_text(s.text)],
        "reflection": latest.reflection,
        "words": content.load("words")["going"],
        "progress": content.load("words")["progress"],
    }


@paused_gc
def markdown(plan: Plan) -> str:
    """The easy-read summary as Markdown, with a Mermaid picture of each pathway."""
    data = context(plan)
    for part in data["parts"]:
        part["mermaid"] = mermaid(part["pathway"])
    data["going"] = how_it_is_going(plan)
    return environment().get_template("summary.md.j2").render(data)


# The poster's page in CSS pixels: landscape A4 (297 x 210 mm) less its margins, and how
# much room its 16pt words take. The estimate errs on the big side: a page that might not
# fit is treated as one that does not. The browser tests print the poster and count pages.
POSTER_WIDTH = 1040
POSTER_HEIGHT = 700
POSTER_LINE = 27  # one line of 16pt text, line-height 1.25 (26.7 pixels)
POSTER_BOLD = 11.5  # an average letter of 16pt Arial, bold, in pixels, with room to spare
POSTER_PLAIN = 10  # an average letter of 16pt Arial, with room to spare
POSTER_FROMS = 384  # the column of activities (24rem)
POSTER_STONE = POSTER_WIDTH - POSTER_FROMS - 2 * 36 - 121 - 4 * 7  # the stepping stone column
POSTER_CUTS = (0, 240, 180, 140, 110, 80, 60, 50, 40)  # 0: not cut


def _lines(chars: float, width: float, letter: float = POSTER_PLAIN) -> int:
    """How many lines some words take in a width, by a wide letter's size."""
    per_line = max(1, int(width // letter))
    return max(1, -(-int(chars) // per_line))


def _poster_chips(names: list[str]) -> int:
    """The height of the column of activity boxes, each as wide as its name, wrapped in rows."""
    height, left, row = 0, POSTER_FROMS, 0
    for name in names:
        width = 52 + len(name) * POSTER_BOLD
        lines = _lines(len(name), POSTER_FROMS - 52, POSTER_BOLD)
        box = lines * POSTER_LINE + 10
        if width > left and row:
            height, left, row = height + row + 5, POSTER_FROMS, 0
        left -= min(width, POSTER_FROMS) + 5
        row = max(row, box)
    return height + row


def _poster_part(part: dict[str, Any], limit: int) -> int:
    """The height of one part on the poster, in CSS pixels, with stepping stones cut at ``limit``."""
    impact = plain_text(part["impact"])
    impact_chars = len(cut(impact, limit * 2) if limit else impact) + 8
    height = 40 + max(36, _lines(impact_chars, POSTER_WIDTH - 42) * POSTER_LINE + 4)
    for row in part["outcomes"]:
        text = plain_text(row["item"].text) or "No words yet."
        words = len(row["name"]) + 2 + len(cut(text, limit) if limit else text)
        words += len(row.get("status", "")) + 2 if row.get("status") else 0
        stone = _lines(words, POSTER_STONE - 58) * POSTER_LINE + 16
        chips = _poster_chips([ref.name for ref in row["led_by"]] or ["Needs an activity"])
        height += max(stone, chips, 44) + 8
    if not part["outcomes"]:
        height += POSTER_LINE + 6
    if part["loose"]:
        names = sum(len(row["name"]) + 2 for row in part["loose"]) + 16
        height += _lines(names, POSTER_WIDTH) * POSTER_LINE + 6
    return height + 8


def poster_layout(data: dict[str, Any]) -> dict[str, Any]:
    """One page for both parts when they fit whole; else one page a part, cut as it must be.

    Nothing is made smaller: the words stay at 16pt. Only a stepping stone's words (and the
    impact's) are cut at a word, with "...", and only when a part would not fit its page.
    """
    title = plain_text(data["plan"].title) or "Our plan"
    head = _lines(len(title) + 13, POSTER_WIDTH, 19) * 38 + POSTER_LINE + 12
    head += POSTER_LINE + 4 if data.get("looked_back") else 0
    parts = data["parts"]
    if head + sum(_poster_part(part, 0) for part in parts) <= POSTER_HEIGHT:
        return {"apart": False, "cut": {part["key"]: 0 for part in parts}}
    # Each page has the part's heading, then two lines: why it is apart and the key to the boxes.
    room = POSTER_HEIGHT - 2 * POSTER_LINE - 8 - (POSTER_LINE if data.get("looked_back") else 0)
    cuts = {}
    for part in parts:
        fits = [cut for cut in POSTER_CUTS if _poster_part(part, cut) <= room]
        cuts[part["key"]] = fits[0] if fits else POSTER_CUTS[-1]
    return {"apart": True, "cut": cuts}


@paused_gc
def poster(plan: Plan) -> str:
    """The pathway of both parts on one landscape page, or one page a part for a big plan."""
    data = context(plan)
    data["looked_back"] = ""
    latest = going.latest(plan)
    if latest is not None:
        # A poster stays one page: how far each stone has come goes in its box, no quotes at all.
        found = going.Progress(plan)
        for part in data["parts"]:
            for row in part["outcomes"]:
                row["status"] = progress.label("outcome", found.status("outcome", row["item"].id))
        data["looked_back"] = content.word("going", "poster_note", date=long_date(latest.date))
    data["poster"] = poster_layout(data)
    return environment().get_template("poster.html.j2").render(data)


@paused_gc
def html(plan: Plan, plan_path: Path | None = None, photos: Photos | None = None) -> str:
    """The easy-read summary as one self-contained HTML file to keep and print.

    With the plan's path, a quote's photo from the plan's folder is put in the page itself.
    ``photos``: the save's photos, already read for another of its files (the story).
    """
    data = context(plan)
    data["going"] = how_it_is_going(plan, photos or Photos(plan_path))
    return environment().get_template("summary.html.j2").render(data)
