"""The pathway drawing on screen: move from item to item and see what each is joined to.

The drawing is laid out once per plan change or new width (``pathway_drawing.draw``);
a key press only changes which item is current and redraws the rows on screen.
Where you are and what is linked are written in text ("> " and "* "), and colour
only adds to that. Once the plan has a finished look-back, each item also says how far
it has come, in a symbol and a word.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.containers import ScrollableContainer
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from backmap import content
from backmap.core import pathway_drawing
from backmap.core.pathway_drawing import MARK, Drawing, Item
from backmap.core.plan import Checkin, Plan
from backmap.widgets.cursor import place_cursor

HERE = "> "
LINKED = "* "


class PathwayView(ScrollView, can_focus=True):
    """A focusable, scrolling drawing of both parts of one plan."""

    COMPONENT_CLASSES = {"pathway-view--current", "pathway-view--linked", "pathway-view--strong"}

    DEFAULT_CSS = """
    PathwayView {
        height: auto;
        max-height: 70vh;
        border: tall $border-blurred;
        scrollbar-gutter: stable;
        overflow-x: hidden;
        overflow-y: auto;
    }
    PathwayView:focus {
        border: heavy $border;
    }
    PathwayView > .pathway-view--current {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
        text-style: bold;
    }
    PathwayView > .pathway-view--linked {
        text-style: bold;
    }
    PathwayView > .pathway-view--strong {
        text-style: bold;
    }
    """

    BINDINGS = [
        Binding("up", "previous", content.word("keys", "previous"), show=False),
        Binding("down", "next", content.word("keys", "next"), show=False),
        Binding("home", "first", content.word("keys", "first"), show=False),
        Binding("end", "last", content.word("keys", "last"), show=False),
        Binding("pageup", "page_up", content.word("keys", "page_up"), show=False),
        Binding("pagedown", "page_down", content.word("keys", "page_down"), show=False),
    ]

    def __init__(
        self,
        plan: Plan | None,
        first_and_now: bool = False,
        look_back: Checkin | None = None,
        **kwargs: str | None,
    ) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.plan = plan
        # Stepping stones say where they were first and where they are now (the look-back's end).
        self.first_and_now = first_and_now
        # A look-back still being made, shown as if finished (see pathway_drawing.draw).
        self.look_back = look_back
        self.drawing: Drawing | None = None
        self.current = 0
        self._linked: frozenset[str] = frozenset()
        self._at_row: dict[int, list[int]] = {}  # row -> the items that cover it
        self._strong_at: dict[int, list[tuple[int, int]]] = {}

    # ----- the drawing -------------------------------------------------------------------

    @property
    def items(self) -> list[Item]:
        return self.drawing.items if self.drawing is not None else []

    @property
    def current_item(self) -> Item | None:
        items = self.items
        return items[self.current] if items else None

    def _drawing_width(self) -> int:
        return self.scrollable_content_region.width

    def show_plan(self, plan: Plan) -> None:
        """Draw this plan from its first item (a pane shows a new step on the same view)."""
        self.plan = plan
        self.drawing = None
        self.current = 0
        self.scroll_home(animate=False, immediate=True)
        # Drawn once the page is laid out: a width taken now may change with a scroll bar.
        self.call_after_refresh(self._build_for_width)

    def _build(self, width: int, force: bool = False) -> None:
        if width < 1 or self.plan is None:
            return  # not laid out yet: a Resize follows
        if not force and self.drawing is not None and self.drawing.width == width:
            return
        was = self.current_item
        drawing = pathway_drawing.draw(
            self.plan, width, first_and_now=self.first_and_now, look_back=self.look_back
        )
        self.drawing = drawing
        at_row: dict[int, list[int]] = {}
        for index, item in enumerate(drawing.items):
            for row in item.rows:
                at_row.setdefault(row, []).append(index)
        self._at_row = at_row
        strong: dict[int, list[tuple[int, int]]] = {}
        for row, start, end in drawing.strong:
            strong.setdefault(row, []).append((start, end))
        self._strong_at = strong
        self.current = self._find(was)
        self._linked = self.items[self.current].links if self.items else frozenset()
        self.virtual_size = Size(width, len(drawing.lines))
        self.refresh(layout=True)
        if self.has_focus:
            self.call_after_refresh(self._show_current)

    def _find(self, item: Item | None) -> int:
        """The same item in a new drawing (by part, kind and id), or the nearest place."""
        items = self.items
        if item is None or not items:
            return 0
        for index, other in enumerate(items):
            if (other.part, other.kind, other.id) == (item.part, item.kind, item.id):
                return index
        return min(self.current, len(items) - 1)

    def on_resize(self, event: events.Resize) -> None:
        # After the refresh: a page that gains a scroll bar resizes the drawing again at once.
        self.call_after_refresh(self._build_for_width)

    def _build_for_width(self) -> None:
        self._build(self._drawing_width())

    def on_mount(self) -> None:
        self._build(self._drawing_width())
        # The page around the drawing may scroll (Tab into it, the mouse): keep the cursor on the item.
        page = next((a for a in self.ancestors if isinstance(a, ScrollableContainer)), None)
        if page is not None:
            self.watch(page, "scroll_y", self._parent_scrolled, init=False)

    def _parent_scrolled(self) -> None:
        if self.has_focus:
            self.call_after_refresh(self._place)

    # ----- drawing a row -----------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        row = scroll_y + y
        width = self.size.width
        base = self.rich_style
        drawing = self.drawing
        if drawing is None or row >= len(drawing.lines):
            return Strip.blank(width, base)
        text = self._row_text(drawing, row)
        strip = Strip(text.render(self.app.console), text.cell_len)
        return strip.crop_extend(scroll_x, scroll_x + width, base)

    def _row_text(self, drawing: Drawing, row: int) -> Text:
        """One row as Text (never markup), with marks and styles for the current and linked items."""
        line = drawing.lines[row]
        line += " " * max(0, drawing.width - pathway_drawing.cells(line))
        styled: list[tuple[Style, int, int]] = []
        if self.has_focus:
            current = self.current
            for index in self._at_row.get(row, ()):
                item = drawing.items[index]
                if index == current:
                    mark, style = HERE, self.get_component_rich_style("pathway-view--current")
                elif item.id in self._linked:
                    mark, style = LINKED, self.get_component_rich_style("pathway-view--linked")
                else:
                    continue
                start = pathway_drawing.cell_index(line, item.column)
                if row == self._first_row_in_sight(item):
                    # The mark's two cells are always two plain spaces in the drawing.
                    line = line[:start] + mark + line[start + MARK :]
                end = pathway_drawing.cell_index(line, item.column + item.width)
                styled.append((style, start, end))
        text = Text(line, no_wrap=True, end="")
        text.stylize(self.rich_style)  # first, so the styles after it win
        strong = self.get_component_rich_style("pathway-view--strong")
        for start, end in self._strong_at.get(row, ()):
            text.stylize(
                strong, pathway_drawing.cell_index(line, start), pathway_drawing.cell_index(line, end)
            )
        for style, start, end in styled:
            text.stylize(style, start, end)
        return text

    def _first_row_in_sight(self, item: Item) -> int:
        """Where an item's mark goes: its first row, or the first row in sight if that is scrolled away."""
        return max(item.top, min(int(self.scroll_offset.y), item.bottom))

    # ----- moving ------------------------------------------------------------------------

    def move_to(self, index: int) -> None:
        items = self.items
        if not items:
            return
        index = max(0, min(index, len(items) - 1))
        self.current = index
        self._linked = items[index].links
        self.refresh()
        self._show_current()

    def _show_current(self) -> None:
        item = self.current_item
        if item is None:
            return
        shown = max(1, self.scrollable_content_region.height)
        if self.current == 0 and item.top < shown:
            # The first item with the key help and headings above it, when its mark fits.
            self.scroll_home(animate=False, immediate=True)
        else:
            height = min(len(item.rows), shown)
            region = Region(0, item.top, 1, height)
            self.scroll_to_region(region, animate=False, immediate=True, x_axis=False)
        self._reveal_in_parent(item)
        self.call_after_refresh(self._place)

    def _reveal_in_parent(self, item: Item) -> None:
        """When the page around the drawing scrolls too (the check step), show the item there."""
        page = next((a for a in self.ancestors if isinstance(a, ScrollableContainer)), None)
        if page is None or not page.allow_vertical_scroll:
            return
        # Where the drawing's top row stands on the page, in the page's own rows.
        on_page = self.content_region.y - page.scrollable_content_region.y + int(page.scroll_y)
        top = on_page + item.top - int(self.scroll_offset.y)
        height = min(len(item.rows), max(1, page.scrollable_content_region.height))
        page.scroll_to_region(Region(0, top, 1, height), animate=False, immediate=True, x_axis=False)

    def _place(self) -> None:
        item = self.current_item
        if item is None or not self.has_focus:
            return
        place_cursor(self, self._first_row_in_sight(item) - int(self.scroll_offset.y), item.column)

    def action_next(self) -> None:
        if not self._scroll_through(+1):
            self.move_to(self.current + 1)

    def action_previous(self) -> None:
        if not self._scroll_through(-1):
            self.move_to(self.current - 1)

    def _scroll_through(self, direction: int) -> bool:
        """An item taller than the box: show its next rows that way instead of moving on.

        It scrolls a box less one row, so the last row read stays in sight. False when the
        item fits the box, its rows that way are all in sight already, or it is not in sight.
        """
        item = self.current_item
        shown = max(1, self.scrollable_content_region.height)
        if item is None or len(item.rows) <= shown:
            return False  # an item that fits is shown whole when the keys come to it
        top = int(self.scroll_offset.y)
        bottom = top + shown - 1
        if item.bottom < top or item.top > bottom:
            return False  # scrolled away (by the mouse): moving on brings the next item into sight
        hidden = item.bottom - bottom if direction > 0 else top - item.top
        if hidden <= 0:
            return False
        step = min(hidden, max(1, shown - 1))  # one row stays in sight, to read on from
        self.scroll_to(y=top + direction * step, animate=False, immediate=True)
        self.refresh()  # the mark goes to the item's first row in sight
        self.call_after_refresh(self._place)
        return True

    def action_first(self) -> None:
        self.move_to(0)

    def action_last(self) -> None:
        self.move_to(len(self.items) - 1)

    def action_page_down(self) -> None:
        self._page(+1)

    def action_page_up(self) -> None:
        self._page(-1)

    def _page(self, direction: int) -> None:
        """Move about one screen of rows, and always at least one item."""
        items = self.items
        item = self.current_item
        if item is None:
            return
        target = item.top + direction * max(1, self.scrollable_content_region.height - 1)
        index = self.current
        if direction > 0:
            while index + 1 < len(items) and (index == self.current or items[index].top < target):
                index += 1
        else:
            while index > 0 and (index == self.current or items[index].top > target):
                index -= 1
        self.move_to(index)

    # ----- focus ------------------------------------------------------------------------

    def on_focus(self) -> None:
        self.refresh()
        self._show_current()

    def on_blur(self) -> None:
        self.refresh()
