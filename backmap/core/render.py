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
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import jinja2
import markupsafe

from backmap import content
from backmap.core import checks
from backmap.core.gc_pause import paused_gc
from backmap.core.plan import PARTS, Plan
from backmap.core.safe_text import plain
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
    return cut_at_word(plain_text(str(value)), limit)


def cut_at_word(text: str, limit: int) -> str:
    """Text no longer than ``limit``, cut after a whole word and ending in "..."."""
    if len(text) <= limit:
        return text
    room = text[: limit - 3]
    space = room.rfind(" ")
    # A single word longer than the room is cut where it must be.
    return (room[:space] if space > 0 else room).rstrip(" ,;:") + "..."


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
        impact_text = plan.impact.project if part == "project" else plan.impact.coproduction
        pathway = Pathway(
            part=part,
            name=content.part_name(part),
            impact=Node("impact", "impact", plain_text(impact_text) or picture_words()["no_impact"]),
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
            mine = [stone_keys[i] for i in activity.outcomes if i in stone_keys]
            helps_any = any(i in helpers for i in activity.outcomes)
            if not mine and (activity.part != part or helps_any):
                continue
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


# ----- the pathway as an SVG picture, for the HTML summary ----------------------------

# Sizes in SVG units. The picture is drawn 600 wide and scaled to the page, which
# makes its text about 12pt on A4.
SVG_WIDTH = 600
_COLUMN = 176
_GAP = (SVG_WIDTH - 3 * _COLUMN) // 2
_FONT = 15
_LINE = 19
_PAD = 8
_ROW_GAP = 14
_TOP = 34

# Advance widths of Arial / Helvetica / Liberation Sans in 1/1000 em, for wrapping text
# in the boxes without a browser. Others count as wide, and every width gets 10% more,
# so a wider fallback font (DejaVu Sans) still fits.
_WIDTHS = dict(
    zip(
        " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~",
        (
            278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
            *([556] * 10),
            278, 278, 584, 584, 584, 556, 1015,
            667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,
            722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611,
            278, 278, 278, 469, 556, 333,
            556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833,
            556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500,
            334, 260, 334, 584,
        ),
        strict=True,
    )
)  # fmt: skip
_SAFETY = 1.1


def _char_width(ch: str) -> float:
    known = _WIDTHS.get(ch)
    if known is not None:
        return known
    if unicodedata.east_asian_width(ch) in "WF":
        return 1000
    return 780 if unicodedata.category(ch).startswith("L") else 1000


def text_width(text: str, font: float = _FONT) -> float:
    """About how wide a line of text is drawn, in SVG units."""
    return sum(_char_width(ch) for ch in text) * font * _SAFETY / 1000


def wrap(text: str, width: float, font: float = _FONT) -> list[str]:
    """Break text into lines no wider than width; a word too long is cut where it must be."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if text_width(candidate, font) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
            line = ""
        pieces = _cut_word(word, width, font)
        lines.extend(pieces[:-1])
        line = pieces[-1]
    if line or not lines:
        lines.append(line)
    return lines


def _cut_word(word: str, width: float, font: float) -> list[str]:
    """A word too long for a line, in pieces that fit (at least one letter each).

    One pass, adding each letter's width once: measuring the rest of the word again for
    every piece took minutes for a 100,000-letter word.
    """
    pieces: list[str] = []
    start, used = 0, 0.0
    scale = font * _SAFETY / 1000
    for index, ch in enumerate(word):
        wide = _char_width(ch) * scale
        if index > start and used + wide > width:
            pieces.append(word[start:index])
            start, used = index, 0.0
        used += wide
    pieces.append(word[start:])
    return pieces


@dataclass(frozen=True)
class Box:
    """A box of the picture with its text already wrapped into lines."""

    node: Node
    x: int
    y: int
    width: int
    height: int
    lines: list[str]
    note_lines: list[str]

    @property
    def text_x(self) -> int:
        return self.x + _PAD

    def line_y(self, index: int) -> int:
        return self.y + _PAD + _FONT + index * _LINE


@dataclass(frozen=True)
class Picture:
    """Everything the HTML template needs to draw one pathway; no markup, so no escaping here."""

    pathway: Pathway
    id: str
    width: int
    height: int
    headings: list[tuple[int, str]]
    boxes: list[Box]
    arrows: list[str]
    description: str


def _column(nodes: list[Node], x: int) -> list[Box]:
    inside = _COLUMN - 2 * _PAD
    boxes = []
    y = 0
    for node in nodes:
        lines = wrap(node.text, inside)
        # The note is bold: bold Arial is up to a tenth wider.
        note_lines = wrap(f"({node.note})", inside / 1.1) if node.note else []
        height = 2 * _PAD + (len(lines) + len(note_lines)) * _LINE - (_LINE - _FONT) + 4
        boxes.append(Box(node, x, y, _COLUMN, height, lines, note_lines))
        y += height + _ROW_GAP
    return boxes


def _shift(boxes: list[Box], dy: int) -> list[Box]:
    return [Box(b.node, b.x, b.y + dy, b.width, b.height, b.lines, b.note_lines) for b in boxes]


def picture(pathway: Pathway) -> Picture:
    """Lay out one pathway in three columns: activities, stepping stones, impact."""
    columns = [
        _column(pathway.activities, 0),
        _column(pathway.stones, _COLUMN + _GAP),
        _column([pathway.impact], 2 * (_COLUMN + _GAP)),
    ]
    heights = [(c[-1].y + c[-1].height) if c else 0 for c in columns]
    tallest = max(heights)
    placed = [_shift(c, _TOP + (tallest - h) // 2) for c, h in zip(columns, heights, strict=True)]
    boxes = [box for column in placed for box in column]
    where = {box.node.key: box for box in boxes}
    arrows = []
    pairs = [*pathway.links, *((s.key, pathway.impact.key) for s in pathway.stones)]
    for start, end in pairs:
        a, b = where[start], where[end]
        x1, y1 = a.x + a.width, a.y + a.height // 2
        x2, y2 = b.x - 3, b.y + b.height // 2
        middle = (x1 + x2) // 2
        arrows.append(f"M{x1} {y1} C{middle} {y1} {middle} {y2} {x2} {y2}")
    headings = [
        (0, picture_words()["activities"]),
        (_COLUMN + _GAP, picture_words()["stones"]),
        (2 * (_COLUMN + _GAP), picture_words()["impact"]),
    ]
    return Picture(
        pathway=pathway,
        id=f"pathway-{pathway.part}",
        width=SVG_WIDTH,
        height=_TOP + tallest + 4,
        headings=headings,
        boxes=boxes,
        arrows=arrows,
        description=describe(pathway),
    )


def describe(pathway: Pathway) -> str:
    """The picture in words, for people who cannot see it."""
    words = picture_words()

    def said(label: str) -> str:
        # One full stop at the end, never two: screen readers read ".." aloud.
        return label.rstrip(" .") + "."

    parts = [f"{words['impact']}: {said(pathway.impact.label)}"]
    for stone in pathway.stones:
        parts.append(f"{words['stone']}: {said(stone.label)}")
        parts.extend(f"{words['activity']}: {said(a.label)}" for a in pathway.helpers(stone))
    parts.extend(f"{words['activity']}: {said(a.label)}" for a in pathway.loose)
    return " ".join(parts)


def full_stop(text: str) -> str:
    """Text that ends a sentence, so the next label does not run into it."""
    return text if text.rstrip().endswith((".", "!", "?")) else text.rstrip() + "."


def css_string(value: Any, limit: int = 0) -> markupsafe.Markup:
    """Typed text as a quoted CSS string: every character but letters, digits and spaces escaped.

    It goes inside <style>, where HTML escaping means nothing, so "</style>" must be impossible.
    """
    text = plain_text(str(value))
    if limit:
        text = cut_at_word(text, limit)
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
    env.filters["cut_at_word"] = cut_at_word
    return env


def load_templates() -> None:
    """Read both templates now (the app does it while the welcome screen is shown)."""
    for name in ("summary.md.j2", "summary.html.j2"):
        environment().get_template(name)


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


@paused_gc
def markdown(plan: Plan) -> str:
    """The easy-read summary as Markdown, with a Mermaid picture of each pathway."""
    data = context(plan)
    for part in data["parts"]:
        part["mermaid"] = mermaid(part["pathway"])
    return environment().get_template("summary.md.j2").render(data)


# More rows of boxes than this in one part, and the poster gives each part its own page.
POSTER_ROWS = 14


@paused_gc
def poster(plan: Plan) -> str:
    """The pathway of both parts on one landscape page, or one page a part for a big plan."""
    data = context(plan)
    rows = [
        sum(max(1, (len(row["led_by"]) + 1) // 2) for row in part["outcomes"]) + bool(part["loose"])
        for part in data["parts"]
    ]
    data["apart"] = max(rows) > POSTER_ROWS // 2 or sum(rows) > POSTER_ROWS
    return environment().get_template("poster.html.j2").render(data)


@paused_gc
def html(plan: Plan) -> str:
    """The easy-read summary as one self-contained HTML file to keep and print."""
    data = context(plan)
    for part in data["parts"]:
        part["picture"] = picture(part["pathway"])
    return environment().get_template("summary.html.j2").render(data)
