"""The pathway drawn in text: activities lead to stepping stones, which lead to the impact.

Pure Python (no Textual), so the drawing can be tested without a screen and is laid
out once per plan change, not on every key press. Typed words are made plain first
(no control characters, no escape sequences) and are only ever wrapped, never parsed.

Wide enough, a part is drawn in three columns joined by lines::

      Activities                 Stepping stones          Impact

      Planning meetings ───┬─→   A full plan ───────┬─→   A new day
                           │                        │     centre opens.
      The group joins ─────┘                        │
                                                    │
                                 Ideas ─────────────┘
                                 (needs an activity)

Narrower than ``COLUMNS_MIN``, it stacks: each stepping stone with the activities
that help it under it, then the impact. An activity that helps several stepping
stones is drawn beside each of them, so every set of lines leads to one stepping stone.

Once the plan has a finished look-back, each activity and stepping stone has a line
under its words with how far it has come, as a symbol and a word ("[x] It happened"),
so progress never rests on colour. A plan with no look-back is drawn as it always was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rich.cells import split_graphemes

from backmap import content
from backmap.core import progress as progress_words
from backmap.core.gc_pause import paused_gc
from backmap.core.going import Progress
from backmap.core.pathway import PartPath, part_path
from backmap.core.plan import PARTS, Activity, Checkin, Outcome, Plan
from backmap.core.safe_text import plain as plain_text

COLUMNS_MIN = 68  # narrower than this, a part is stacked instead of drawn in columns
MARK = 2  # every item starts with two cells for a mark: "> " (you are here) or "* " (linked)
_GAP = 6  # the cells between two columns: " ─┬─→ "

# The joining character for a cell of a trunk, by which sides it connects:
# (left, right, up, down).
_JOIN = {
    (True, True, False, False): "─",
    (True, False, False, False): "─",
    (False, True, False, False): "─",
    (True, False, False, True): "┐",
    (True, False, True, False): "┘",
    (True, False, True, True): "┤",
    (False, True, False, True): "┌",
    (False, True, True, False): "└",
    (False, True, True, True): "├",
    (True, True, False, True): "┬",
    (True, True, True, False): "┴",
    (True, True, True, True): "┼",
    (False, False, True, True): "│",
    (False, False, True, False): "│",
    (False, False, False, True): "│",
}


@dataclass(frozen=True, slots=True)
class Item:
    """Something a person can move to: an activity, a stepping stone or an impact."""

    id: str  # the plan's id ("a3", "o1"), or "impact-<part>"
    kind: str  # "activity", "stone" or "impact"
    part: str  # the part whose drawing holds it
    top: int  # first row: the mark goes on this row
    bottom: int  # last row
    column: int  # the cell where the mark goes
    width: int  # cells, the mark included
    links: frozenset[str]  # ids of the items joined to this one

    @property
    def rows(self) -> range:
        return range(self.top, self.bottom + 1)


@dataclass
class Drawing:
    """Lines of text (each at most ``width`` cells) and where each item sits in them."""

    width: int
    stacked: bool
    lines: list[str]
    items: list[Item]
    strong: list[tuple[int, int, int]]  # (row, first cell, end cell): headings and gaps, in bold


def impact_id(part: str) -> str:
    return f"impact-{part}"


def words() -> dict[str, str]:
    return content.load("steps")["pathway"]


# ----- cells and wrapping ---------------------------------------------------------------


def cells(text: str) -> int:
    """How many terminal cells the text takes."""
    return len(text) if text.isascii() else split_graphemes(text)[1]


def _graphemes(text: str) -> list[tuple[str, int]]:
    if text.isascii():
        return [(ch, 1) for ch in text]
    spans, _ = split_graphemes(text)
    return [(text[start:end], size) for start, end, size in spans if size]


def cell_index(line: str, cell: int) -> int:
    """The string index where a cell starts (the end of the line if it is shorter)."""
    if line.isascii():
        return min(cell, len(line))
    spans, _ = split_graphemes(line)
    at = 0
    for start, _end, size in spans:
        if at >= cell:
            return start
        at += size
    return len(line)


def wrap(text: str, width: int) -> list[str]:
    """Break text into lines of at most ``width`` cells, between words where possible."""
    width = max(1, width)
    lines: list[str] = []
    line, used = "", 0
    for word in text.split():
        size = cells(word)
        if line and used + 1 + size <= width:
            line, used = f"{line} {word}", used + 1 + size
            continue
        if line:
            lines.append(line)
        if size <= width:
            line, used = word, size
            continue
        # A word longer than the whole line: cut it where it must be.
        pieces = _chop(word, width)
        lines.extend(pieces[:-1])
        line, used = pieces[-1], cells(pieces[-1])
    if line or not lines:
        lines.append(line)
    return lines


def _chop(word: str, width: int) -> list[str]:
    pieces: list[str] = []
    piece, used = "", 0
    for grapheme, size in _graphemes(word):
        if piece and used + size > width:
            pieces.append(piece)
            piece, used = "", 0
        piece, used = piece + grapheme, used + size
    pieces.append(piece)
    return pieces


# Characters the drawing adds itself: each takes one cell on its own.
_LINE_CELLS = frozenset("─│┐┘┤┌└├┬┴┼→ ")
# Between two sentences of our own words: "First time: [~] On the way. Now: [x] It happened."
_SENTENCE_END = re.compile(r"(?<=\.) ")


class _Canvas:
    """A grid of cells; text that would pass the right edge (or a limit) is left out."""

    def __init__(self, width: int) -> None:
        self.width = width
        self.rows: list[list[str]] = []

    def _row(self, row: int) -> list[str]:
        while len(self.rows) <= row:
            self.rows.append([" "] * self.width)
        return self.rows[row]

    def put(self, row: int, column: int, text: str, limit: int | None = None) -> int:
        """Write text from a cell; return the cell after its last character."""
        end = self.width if limit is None else min(limit, self.width)
        target = self._row(row)
        at = max(column, 0)
        if text.isascii() or _LINE_CELLS.issuperset(text):
            # One cell per character (nearly every put): copy the slice in one go.
            count = max(0, min(len(text), end - at))
            target[at : at + count] = text[:count]
            return at + count
        for grapheme, size in _graphemes(text):
            if at + size > end:
                break
            target[at] = grapheme
            if size == 2:
                target[at + 1] = ""
            at += size
        return at

    def touch(self, row: int) -> None:
        self._row(row)

    @property
    def height(self) -> int:
        return len(self.rows)

    def lines(self) -> list[str]:
        return ["".join(row).rstrip() for row in self.rows]


# ----- what each part shows -------------------------------------------------------------


class _Links:
    """What each item is joined to, worked out once per plan."""

    def __init__(self, plan: Plan, helpers: dict[str, list[Activity]]) -> None:
        self.helpers = helpers
        self._activity: dict[int, frozenset[str]] = {}
        self.stones_of = {part: frozenset(o.id for o in plan.outcomes_in(part)) for part in PARTS}

    def activity(self, activity: Activity) -> frozenset[str]:
        key = id(activity)
        if key not in self._activity:
            self._activity[key] = frozenset(i for i in activity.outcomes if i in self.helpers)
        return self._activity[key]

    def stone(self, outcome: Outcome, helped_by: list[Activity]) -> frozenset[str]:
        return frozenset([*(a.id for a in helped_by), impact_id(outcome.part)])

    def impact(self, part: str) -> frozenset[str]:
        return self.stones_of.get(part, frozenset())


class _Shown:
    """How far each item has come, in words, when the drawing shows progress; else nothing."""

    def __init__(self, plan: Plan, first_and_now: bool, look_back: Checkin | None = None) -> None:
        found = Progress(plan, look_back, up_to=look_back)  # as at that look-back, like its words
        self.on = found.looked_back
        self.found = found
        self.first_and_now = first_and_now
        self.day = content.long_date(found.newest.date) if found.newest is not None else ""

    def label(self, kind: str, item_id: str) -> str:
        """ "[x] It happened", or for a stepping stone "First time: ... Now: ..." when asked for."""
        if kind == "outcome" and self.first_and_now:
            pair = self.found.first_and_now(item_id)
            if pair is not None:
                first, now = (progress_words.label("outcome", status) for status in pair)
                return content.word("progress", "first_now", first=first, now=now)
        return progress_words.label(kind, self.found.status(kind, item_id))

    def lines(self, kind: str, item_id: str, width: int) -> list[str]:
        """The label wrapped, each sentence from a new line, so "First time" and "Now" stand apart."""
        return [
            line
            for sentence in _SENTENCE_END.split(self.label(kind, item_id))
            for line in wrap(sentence, width)
        ]


def _activity_lines(
    activity: Activity, part: str, width: int, said: dict[str, str], shown: _Shown | None = None
) -> list[str]:
    """The activity's words, wrapped; one from the other part says where it is from."""
    lines = wrap(plain_text(activity.text) or said["no_words"], width)
    if activity.part != part and activity.part in PARTS:
        lines += wrap(f"({said[f'from_{activity.part}']})", width)
    if shown is not None:
        lines += shown.lines("activity", activity.id, width)
    return lines


def _stone_lines(
    outcome: Outcome, width: int, said: dict[str, str], shown: _Shown | None = None
) -> list[str]:
    lines = wrap(plain_text(outcome.text) or said["no_words"], width)
    if shown is not None:
        lines += shown.lines("outcome", outcome.id, width)
    return lines


def _gap_lines(key: str, width: int, said: dict[str, str]) -> list[str]:
    return wrap(f"({said[key]})", width)


def _impact_lines(text: str, width: int, said: dict[str, str]) -> list[str]:
    return wrap(plain_text(text) or said["no_impact"], width)


# ----- three columns --------------------------------------------------------------------


def _column_widths(width: int) -> tuple[int, int, int]:
    """Activities, stepping stones, impact: each with its mark, so all fit in ``width``."""
    room = width - 2 * _GAP
    activities = room * 38 // 100
    stones = room * 34 // 100
    return activities, stones, room - activities - stones


def _join(canvas: _Canvas, lefts: list[tuple[int, int]], right_row: int, trunk: int) -> None:
    """Lines from each left end (row, cell after its text) into a trunk, then an arrow right.

    The trunk is at cell ``trunk``; the arrow ends two cells after it, just before
    the next column's mark.
    """
    for row, end in lefts:
        canvas.put(row, end + 1, "─" * (trunk - end - 1))
    rows = {row for row, _ in lefts}
    top = min(rows | {right_row})
    bottom = max(rows | {right_row})
    canvas.touch(bottom)
    if trunk < canvas.width:
        grid = canvas.rows  # straight into the cells: a trunk can run the whole part's height
        for row in range(top, bottom + 1):
            shape = (row in rows, row == right_row, row > top, row < bottom)
            grid[row][trunk] = _JOIN.get(shape, " ")
    canvas.put(right_row, trunk + 1, "─→")


def _columns(
    part: PartPath, width: int, links: _Links, said: dict[str, str], shown: _Shown | None
) -> Drawing:
    wa, ws, wi = _column_widths(width)
    xa, xs = 0, wa + _GAP
    xi = xs + ws + _GAP
    canvas = _Canvas(width)
    items: list[Item] = []
    strong: list[tuple[int, int, int]] = []

    heading_rows = 0
    for x, w, key in ((xa, wa, "activities"), (xs, ws, "stones"), (xi, wi, "impact")):
        for row, line in enumerate(wrap(said[key], w - MARK)):
            end = canvas.put(row, x + MARK, line, x + w)
            strong.append((row, x + MARK, end))
            heading_rows = max(heading_rows, row + 1)
    first = heading_rows + 1  # a blank row under the headings
    canvas.touch(first - 1)

    row = first
    stone_ends: list[tuple[int, int]] = []
    for outcome, helped_by in part.groups:
        top = row
        lefts: list[tuple[int, int]] = []
        for activity in helped_by:
            lines = _activity_lines(activity, part.part, wa - MARK, said, shown)
            end = canvas.put(row, xa + MARK, lines[0], xa + wa)
            for offset, line in enumerate(lines[1:], start=1):
                canvas.put(row + offset, xa + MARK, line, xa + wa)
            items.append(
                Item(
                    activity.id,
                    "activity",
                    part.part,
                    row,
                    row + len(lines) - 1,
                    xa,
                    wa,
                    links.activity(activity),
                )
            )
            lefts.append((row, end))
            row += len(lines) + 1
        lines = _stone_lines(outcome, ws - MARK, said, shown)
        stone_end = canvas.put(top, xs + MARK, lines[0], xs + ws)
        for offset, line in enumerate(lines[1:], start=1):
            canvas.put(top + offset, xs + MARK, line, xs + ws)
        height = len(lines)
        if not helped_by:
            for line in _gap_lines("gap_activity", ws - MARK, said):
                end = canvas.put(top + height, xs + MARK, line, xs + ws)
                strong.append((top + height, xs + MARK, end))
                height += 1
        items.append(
            Item(
                outcome.id,
                "stone",
                part.part,
                top,
                top + height - 1,
                xs,
                ws,
                links.stone(outcome, helped_by),
            )
        )
        if lefts:
            _join(canvas, lefts, top, wa + 2)
        stone_ends.append((top, stone_end))
        row = max(row, top + height + 1)

    for activity in part.loose:
        lines = wrap(plain_text(activity.text) or said["no_words"], wa - MARK)
        if shown is not None:
            lines += shown.lines("activity", activity.id, wa - MARK)
        for offset, line in enumerate(lines):
            canvas.put(row + offset, xa + MARK, line, xa + wa)
        gap = _gap_lines("gap_stone", wa - MARK, said)
        for offset, line in enumerate(gap, start=len(lines)):
            end = canvas.put(row + offset, xa + MARK, line, xa + wa)
            strong.append((row + offset, xa + MARK, end))
        height = len(lines) + len(gap)
        items.append(Item(activity.id, "activity", part.part, row, row + height - 1, xa, wa, frozenset()))
        row += height + 1

    if not part.groups:
        for offset, line in enumerate(wrap(said["no_stones"], ws - MARK)):
            canvas.put(first + offset, xs + MARK, line, xs + ws)

    lines = _impact_lines(part.impact, wi - MARK, said)
    for offset, line in enumerate(lines):
        canvas.put(first + offset, xi + MARK, line, xi + wi)
    impact = Item(
        impact_id(part.part),
        "impact",
        part.part,
        first,
        first + len(lines) - 1,
        xi,
        wi,
        links.impact(part.part),
    )
    items.append(impact)
    if stone_ends:
        _join(canvas, stone_ends, first, xs + ws + 2)
    items.sort(key=lambda item: (item.top, item.column))
    return Drawing(width, False, canvas.lines(), items, strong)


# ----- stacked, for narrow windows ------------------------------------------------------


def _stacked(
    part: PartPath, width: int, links: _Links, said: dict[str, str], shown: _Shown | None
) -> Drawing:
    canvas = _Canvas(width)
    items: list[Item] = []
    strong: list[tuple[int, int, int]] = []
    text_width = width - MARK
    row = 0
    if part.groups:
        for line in wrap(said["stacked_hint"], width):
            canvas.put(row, 0, line)
            row += 1
    else:
        for line in wrap(said["no_stones"], width):
            canvas.put(row, 0, line)
            row += 1
    row += 1

    branch = MARK + 3  # "├─ " after the stone's mark
    for outcome, helped_by in part.groups:
        top = row
        for line in _stone_lines(outcome, text_width, said, shown):
            canvas.put(row, MARK, line)
            row += 1
        if not helped_by:
            for line in _gap_lines("gap_activity", text_width, said):
                strong.append((row, MARK, canvas.put(row, MARK, line)))
                row += 1
        items.append(
            Item(outcome.id, "stone", part.part, top, row - 1, 0, width, links.stone(outcome, helped_by))
        )
        for number, activity in enumerate(helped_by):
            last = number == len(helped_by) - 1
            lines = _activity_lines(activity, part.part, width - branch - MARK, said, shown)
            for offset, line in enumerate(lines):
                if offset == 0:
                    canvas.put(row, MARK, "└─" if last else "├─")
                elif not last:
                    canvas.put(row, MARK, "│")
                canvas.put(row, branch + MARK, line)
                row += 1
            item_top = row - len(lines)
            items.append(
                Item(
                    activity.id,
                    "activity",
                    part.part,
                    item_top,
                    row - 1,
                    branch,
                    width - branch,
                    links.activity(activity),
                )
            )
        row += 1
        canvas.touch(row - 1)

    if part.loose:
        for line in wrap(said["loose"], width):
            canvas.put(row, 0, line)
            row += 1
        for activity in part.loose:
            top = row
            words_and_progress = wrap(plain_text(activity.text) or said["no_words"], text_width)
            if shown is not None:
                words_and_progress += shown.lines("activity", activity.id, text_width)
            for line in words_and_progress:
                canvas.put(row, MARK, line)
                row += 1
            for line in _gap_lines("gap_stone", text_width, said):
                strong.append((row, MARK, canvas.put(row, MARK, line)))
                row += 1
            items.append(Item(activity.id, "activity", part.part, top, row - 1, 0, width, frozenset()))
        row += 1
        canvas.touch(row - 1)

    for line in wrap(said["impact"], width):
        strong.append((row, 0, canvas.put(row, 0, line)))
        row += 1
    top = row
    for line in _impact_lines(part.impact, text_width, said):
        canvas.put(row, MARK, line)
        row += 1
    items.append(
        Item(impact_id(part.part), "impact", part.part, top, row - 1, 0, width, links.impact(part.part))
    )
    return Drawing(width, True, canvas.lines(), items, strong)


# ----- the whole plan -------------------------------------------------------------------


def layout(
    plan: Plan,
    part: str,
    width: int,
    helpers: dict[str, list[Activity]] | None = None,
    links: _Links | None = None,
    shown: _Shown | None = None,
) -> Drawing:
    """One part's drawing in ``width`` cells: columns when wide enough, else stacked.

    Pass ``helpers`` (``plan.helpers_by_outcome()``) when drawing several parts, so
    the plan is read once. ``shown`` adds each item's progress (see ``draw``).
    """
    width = max(1, width)
    helpers = plan.helpers_by_outcome() if helpers is None else helpers
    links = _Links(plan, helpers) if links is None else links
    said = words()
    found = part_path(plan, part, helpers)
    if width >= COLUMNS_MIN:
        return _columns(found, width, links, said, shown)
    return _stacked(found, width, links, said, shown)


@paused_gc
def draw(
    plan: Plan,
    width: int,
    legend: bool = True,
    progress: bool = True,
    first_and_now: bool = False,
    look_back: Checkin | None = None,
) -> Drawing:
    """Both parts, one after the other, each under its part's name.

    ``progress``: once the plan has a finished look-back, each activity and stepping stone
    says how far it has come at the newest one. ``first_and_now``: a stepping stone that two
    look-backs or more gave a status says where it was first and where it is now (the
    look-back's last step asks for this). ``look_back``: one still being made, counted as if
    it were finished (that last step shows its own answers); later look-backs are left out, so
    an earlier one being changed is drawn as it was then. A plan with no finished look-back
    is drawn the same either way.

    The cycle collector rests meanwhile: a big plan makes a list per row and a string
    per cell, none of them cycles, and each collection would look through them all.
    """
    width = max(1, width)
    helpers = plan.helpers_by_outcome()
    links = _Links(plan, helpers)
    said = words()
    lines: list[str] = []
    items: list[Item] = []
    strong: list[tuple[int, int, int]] = []
    stacked = width < COLUMNS_MIN
    shown = _Shown(plan, first_and_now, look_back) if progress and plan.checkins else None
    if shown is not None and not shown.on:
        shown = None  # look-backs begun but none finished: nothing to show yet
    if legend:
        lines.extend(wrap(said["legend"], width))
        lines.append("")
    if shown is not None:
        lines.extend(wrap(content.word("going", "drawing_note", date=shown.day), width))
        lines.append("")
    for part in PARTS:
        if len(lines) and lines[-1] != "":
            lines.append("")
        for line in wrap(content.part_name(part), width):
            strong.append((len(lines), 0, cells(line)))
            lines.append(line)
        shift = len(lines)
        drawing = layout(plan, part, width, helpers, links, shown)
        lines.extend(drawing.lines)
        items.extend(_moved(item, shift) for item in drawing.items)
        strong.extend((row + shift, start, end) for row, start, end in drawing.strong)
    return Drawing(width, stacked, lines, items, strong)


def _moved(item: Item, rows: int) -> Item:
    return Item(
        item.id,
        item.kind,
        item.part,
        item.top + rows,
        item.bottom + rows,
        item.column,
        item.width,
        item.links,
    )
