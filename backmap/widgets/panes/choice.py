"""The pane for one answer chosen from a few: did an activity happen, how far a stepping stone came.

One key answers: the row's number or first letter chooses it and goes on (the list owns
those keys); Up, Down and Enter do the same. The answer is kept the moment it is chosen.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult

from backmap.core import look_back
from backmap.core.flow import Page
from backmap.widgets.choices import Choice, MarkedList
from backmap.widgets.panes.pane import Pane


class ChoicePane(Pane):
    def compose(self) -> ComposeResult:
        yield MarkedList([], mode="radio", number_keys=True, id="status-choices")

    def show(self, page: Page) -> None:
        super().show(page)
        current = look_back.get_choice(self.keeper.plan, page)
        rows = [Choice(value, words, checked=value == current) for value, words in look_back.choices(page)]
        if page.key != "look_back_person" and not current:
            rows = [Choice(c.key, c.text) for c in rows]  # nothing chosen yet: no row is ticked
        marked = self.query_one("#status-choices", MarkedList)
        marked.set_choices(rows)
        marked.highlighted = next((i for i, c in enumerate(rows) if c.checked), 0)

    def spoken_answer(self) -> str:
        """The answers to choose from, with their numbers."""
        marked = self.query_one("#status-choices", MarkedList)
        return " ".join(marked.row_words(i) + "." for i in range(len(marked.choices)))

    def focus_first(self) -> None:
        self.screen.set_focus(self.query_one("#status-choices", MarkedList), scroll_visible=False)

    def choose(self, index: int, go_on: bool = True) -> None:
        """Keep the answer on this row, show it ticked, and go on (Space only ticks)."""
        assert self.page is not None
        marked = self.query_one("#status-choices", MarkedList)
        for number, choice in enumerate(marked.choices):
            choice.checked = number == index
        marked.highlighted = index
        marked.refresh()
        if look_back.set_choice(self.keeper.plan, self.page, marked.choices[index].key):
            self.keeper.changed()
        if go_on:
            self.post_message(self.GoNext())

    @on(MarkedList.Toggled, "#status-choices")
    def toggled(self, event: MarkedList.Toggled) -> None:
        event.stop()
        index = next(i for i, c in enumerate(event.marked.choices) if c.key == event.choice.key)
        self.choose(index, go_on=event.by_enter)
