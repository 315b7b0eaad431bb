"""Lists whose state and focus are written in text: "[x]" and "> ", never colour alone."""

from __future__ import annotations

from dataclasses import dataclass

from rich.segment import Segment
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.strip import Strip
from textual.widgets.option_list import Option

from backmap import content
from backmap.compat import MeasuredOptionList
from backmap.core.safe_text import shown
from backmap.widgets.cursor import place_cursor
from backmap.widgets.hanging import Hanging
from backmap.widgets.more import SaysMore


@dataclass
class Choice:
    key: str
    text: str
    checked: bool = False
    detail: str = ""  # lines under the words, on every row
    more: str = ""  # lines under the detail; with details="current" only on the highlighted row


class MarkedList(SaysMore, MeasuredOptionList):
    """An option list that writes "> " before the highlighted row.

    With ``mode="check"`` each row shows "[x]" or "[ ]" and Enter or Space ticks it;
    with ``mode="radio"`` one row shows "(x)"; with ``mode="plain"`` rows have no box.

    The marks are drawn over blank room left at the start of each row when the row is
    drawn, not written into the rows: changing a row's words makes the list measure
    every row again, which on a list of 200 took longer than the whole step (bench/).
    So moving, focusing and ticking only redraw the rows on screen.
    """

    BINDINGS = [Binding("space", "tick", content.word("keys", "tick"), show=False)]
    # Up to this many rows a number key picks its row at once; past it a key could be the
    # start of "10", so numbers are typed and Enter picks (no timer: people type slowly).
    AT_ONCE = 9
    # A row's number or first letter may choose it and move on (a kind, a status): a key
    # typed after one waits for the next step (see type_ahead).
    any_key_moves_on = True

    class Toggled(Message):
        def __init__(self, marked: MarkedList, choice: Choice, by_enter: bool = True) -> None:
            super().__init__()
            self.marked = marked
            self.choice = choice
            # Enter chooses and may move on; Space only ticks.
            self.by_enter = by_enter

        @property
        def control(self) -> MarkedList:
            return self.marked

    def __init__(
        self,
        choices: list[Choice] | None = None,
        mode: str = "plain",
        details: str = "all",
        number_keys: bool = False,
        show_numbers: bool = True,
        **kwargs: object,
    ) -> None:
        super().__init__(markup=False, **kwargs)  # type: ignore[arg-type]
        self.mode = mode
        # "current": every row shows its detail, and only the highlighted row its
        # ``more`` lines, so a list of long rows still shows several rows at once.
        self.details = details
        self.choices: list[Choice] = []
        # Buttons that act on the highlighted row have focus: it keeps its "> " mark.
        self.acted_on = False
        # A row's number picks it (and, with one answer to choose, its first letter):
        # the one place every list of answers and the go-to list get these keys from.
        self.number_keys = number_keys
        # The go-to list's rows already say "Step 3 of 10": no second number before them.
        self.show_numbers = show_numbers and number_keys
        self.typed = ""  # the digits typed so far in a list too long for one key
        if choices:
            self.set_choices(choices)

    def _marks(self, index: int) -> str:
        """What goes in the room at the start of a row: "> " and the box, if any."""
        choice = self.choices[index]
        mark = "> " if index == self.highlighted and (self.has_focus or self.acted_on) else "  "
        box = ""
        if self.mode == "check":
            box = "[x] " if choice.checked else "[ ] "
        elif self.mode == "radio":
            box = "(x) " if choice.checked else "( ) "
        return mark + box

    def row_words(self, index: int) -> str:
        """A row's words as shown, with the number that picks it."""
        text = self.choices[index].text
        return f"{index + 1}. {text}" if self.show_numbers else text

    @property
    def typed_then_enter(self) -> bool:
        """Whether a number is typed and then Enter pressed: too many rows for one key each."""
        return len(self.choices) > self.AT_ONCE

    def _prompt(self, index: int) -> Hanging:
        choice = self.choices[index]
        indent = len(self._marks(index))
        blocks = [(indent, shown(self.row_words(index)))]
        lines = choice.detail.split("\n") if choice.detail else []
        if choice.more and (self.details == "all" or index == self.highlighted):
            lines += choice.more.split("\n")
        # Two more spaces: without colour, a second line is not a new row.
        blocks.extend((indent + 2, shown(line)) for line in lines)
        return Hanging(blocks)

    def set_choices(self, choices: list[Choice], keep: str | None = None) -> None:
        """Replace every row; keep the highlight on the row with key ``keep`` if given."""
        old = self.highlighted
        self.choices = list(choices)
        self.typed = ""
        # With no rows there is no scroll bar: the rows are measured, and the bar is
        # added if they need it, as on a new list (a bar from the last rows would make
        # them wrap sooner and stay).
        self.clear_options()
        width = self.row_width()
        self.set_options(Option(self._prompt(i), id=None) for i in range(len(self.choices)))
        self.measure_again_if_narrower(width)
        if not self.choices:
            return
        target = 0
        if keep is not None:
            target = next((i for i, c in enumerate(self.choices) if c.key == keep), old or 0)
        elif old is not None:
            target = min(old, len(self.choices) - 1)
        self.highlighted = target
        self.refresh()

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        try:
            index, line = self.row_at(self.scroll_offset.y + y)
        except IndexError:
            return strip
        if line or index >= len(self.choices):
            return strip
        marks = self._marks(index)
        start = self.get_component_styles("option-list--option").padding.left
        end = start + len(marks)
        if not marks.strip() or strip.cell_length < end:
            return strip
        before, room, after = strip.divide([start, end, strip.cell_length])
        if room.text.strip():  # not the blank room this row was made with: leave it
            return strip
        style = next((segment.style for segment in room if segment.text), None)
        return Strip.join([before, Strip([Segment(marks, style)], len(marks)), after]).simplify()

    @property
    def current(self) -> Choice | None:
        if self.highlighted is None or not self.choices:
            return None
        return self.choices[self.highlighted]

    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        if self.details == "current":
            # Only rows with lines to show or hide change: a row without is never measured again.
            count = min(len(self.choices), self.option_count)
            changed = [i for i in (old, new) if i is not None and i < count and self.choices[i].more]
            if changed:
                self.reprompt(changed)
        super().watch_highlighted(new)
        self.refresh()
        self._follow_cursor()

    def _follow_cursor(self) -> None:
        if self.has_focus and self.highlighted is not None:
            self.call_after_refresh(self._place)

    def _place(self) -> None:
        if self.highlighted is None:
            return
        row = self.first_line_of(self.highlighted)
        place_cursor(self, row - int(self.scroll_offset.y), 0)

    def watch_has_focus(self, has_focus: bool) -> None:
        super().watch_has_focus(has_focus)
        if has_focus and self.highlighted is None and self.choices:
            self.highlighted = 0
        self.refresh()
        self._follow_cursor()

    def show_acted_on(self, on: bool) -> None:
        """Mark the highlighted row while a button that acts on it has focus."""
        if on != self.acted_on:
            self.acted_on = on
            self.refresh()

    def pick(self, index: int) -> None:
        """A row chosen by its number: the marker goes to it, and it is picked as with Enter."""
        self.highlighted = index
        if self.mode == "plain":
            self.action_select()
        else:
            self._toggle(index, by_enter=True)

    def on_key(self, event: events.Key) -> None:
        """A row's number picks it; in a long list it moves the marker and Enter picks."""
        character = event.character or ""
        if not self.number_keys or not self.choices or len(character) != 1:
            self.typed = ""  # any other key (an arrow) ends a number being typed
            return
        if character.isdigit():
            index = self._number_typed(character)
        elif character.isalpha() and self.mode == "radio":
            index = self._letter_typed(character)
        else:
            index = None
        if index is None:
            self.typed = ""
            return
        event.stop()
        event.prevent_default()

    def _number_typed(self, digit: str) -> int | None:
        """Pick or move to the row of the number typed; None if no row has it."""
        count = len(self.choices)
        longer = self.typed + digit
        if self.typed_then_enter and 1 <= int(longer) <= count:
            self.typed = longer
        elif 1 <= int(digit) <= count:
            self.typed = digit
        else:
            return None
        index = int(self.typed) - 1
        if self.typed_then_enter:
            self.highlighted = index
        else:
            self.typed = ""
            self.pick(index)
        return index

    def _letter_typed(self, letter: str) -> int | None:
        """The one row that starts with this letter is picked; with two, the marker goes between them."""
        self.typed = ""
        starts = [i for i, c in enumerate(self.choices) if c.text.lower().startswith(letter.lower())]
        if not starts:
            return None
        if len(starts) == 1:
            self.pick(starts[0])
            return starts[0]
        later = [i for i in starts if self.highlighted is not None and i > self.highlighted]
        self.highlighted = (later or starts)[0]
        return self.highlighted

    def action_tick(self) -> None:
        if self.mode == "plain" or self.highlighted is None:
            self.action_select()
            return
        self._toggle(self.highlighted, by_enter=False)

    def on_option_list_option_selected(self, event: MeasuredOptionList.OptionSelected) -> None:
        if self.mode == "plain":
            return
        event.stop()
        self._toggle(event.option_index, by_enter=True)

    def _toggle(self, index: int, by_enter: bool) -> None:
        choice = self.choices[index]
        if self.mode == "radio":
            for other in self.choices:
                other.checked = other is choice
        else:
            choice.checked = not choice.checked
        self.refresh()
        self.post_message(self.Toggled(self, choice, by_enter))
