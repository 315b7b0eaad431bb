"""The pane for who is here at a look-back: tick the plan's people, or type other names."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import Label, Static

from backmap.core import look_back
from backmap.core.flow import Page
from backmap.widgets.answer import AnswerBox
from backmap.widgets.choices import Choice, MarkedList
from backmap.widgets.panes.pane import LookBackPane


class WhoPane(LookBackPane):
    def compose(self) -> ComposeResult:
        yield Static("", id="who-none", markup=False)
        yield MarkedList([], mode="check", id="who-list")
        yield Label("", id="who-label", markup=False)
        yield AnswerBox("", id="who-others")

    def show(self, page: Page) -> None:
        super().show(page)
        plan = self.keeper.plan
        here = self.checkin.who
        names = [p.name for p in plan.people if p.name.strip()]
        names += [n for n in here if n not in names]  # someone added at an earlier look-back
        rows = [Choice(name, name, checked=name in here) for name in dict.fromkeys(names)]
        marked = self.query_one("#who-list", MarkedList)
        marked.set_choices(rows)
        marked.display = bool(rows)
        none = self.query_one("#who-none", Static)
        none.update(page.words["none"])
        none.display = not rows
        self.query_one("#who-label", Label).update(page.words["label"])
        self.query_one("#who-others", AnswerBox).load_text("")

    def spoken_answer(self) -> str:
        """The people to tick, and whether each is ticked."""
        rows = self.query_one("#who-list", MarkedList).choices
        here = look_back.say("ticked")
        return " ".join(f"{c.text}, {here}." if c.checked else f"{c.text}." for c in rows)

    def focus_first(self) -> None:
        marked = self.query_one("#who-list", MarkedList)
        target = marked if marked.choices else self.query_one("#who-others", AnswerBox)
        self.screen.set_focus(target, scroll_visible=False)

    @on(MarkedList.Toggled, "#who-list")
    def ticked(self, event: MarkedList.Toggled) -> None:
        event.stop()
        self.keep()

    @on(AnswerBox.Submitted, "#who-others")
    def submitted(self, event: AnswerBox.Submitted) -> None:
        event.stop()
        self.post_message(self.GoNext())

    def keep(self) -> bool:
        """The people ticked, then the names typed (which are ticked rows next time)."""
        assert self.page is not None
        ticked = [c.key for c in self.query_one("#who-list", MarkedList).choices if c.checked]
        typed = look_back.split_names(self.query_one("#who-others", AnswerBox).answer)
        if look_back.set_who(self.keeper.plan, self.page, ticked + typed):
            self.keeper.changed()
        return True
