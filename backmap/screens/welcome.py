"""The first screen: start, carry on, learn, or quit. It stays at the bottom of the stack."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from backmap import content
from backmap.core import store
from backmap.screens.step import words
from backmap.widgets.buttons import FocusButton
from backmap.widgets.choices import Choice, MarkedList
from backmap.widgets.footer import KeyFooter
from backmap.widgets.status import StatusLine

if TYPE_CHECKING:
    from backmap.app import BackmapApp


class WelcomeScreen(Screen):
    BINDINGS = [
        Binding("up", "app.focus_previous", words("keys", "up"), show=False, priority=True),
        Binding("down", "app.focus_next", words("keys", "down"), show=False, priority=True),
    ]

    @property
    def backmap(self) -> BackmapApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="welcome", can_focus=False):
            yield Static(words("welcome", "title"), id="welcome-title", markup=False)
            yield Static(words("welcome", "intro"), id="welcome-intro", markup=False)
            with Vertical(id="welcome-buttons"):
                yield FocusButton(words("buttons", "new_plan"), id="new", variant="primary")
                yield FocusButton(words("buttons", "carry_on"), id="carry-on")
                yield FocusButton(words("buttons", "learn"), id="learn")
                yield FocusButton(words("buttons", "glossary"), id="glossary-button")
                yield FocusButton(words("buttons", "quit"), id="quit")
            yield Static(
                words("welcome", "saved_where", folder=self.backmap.folder),
                id="welcome-folder",
                markup=False,
            )
        yield StatusLine(self.backmap.status_text(), id="status", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#new").focus()
        if os.environ.get("BACKMAP_EXIT_WHEN_READY"):
            # For the start-up benchmark (bench/): quit once this screen has been drawn.
            self.app.call_after_refresh(self.app.exit)

    def on_screen_resume(self) -> None:
        self.query_one("#status", StatusLine).update(self.backmap.status_text())

    @on(FocusButton.Pressed, "#new")
    def new_plan(self) -> None:
        self.backmap.start_new_plan()

    @on(FocusButton.Pressed, "#carry-on")
    def carry_on(self) -> None:
        self.app.push_screen(PickPlanScreen())

    @on(FocusButton.Pressed, "#learn")
    def learn(self) -> None:
        from backmap.screens.learn import LearnScreen

        self.app.push_screen(LearnScreen())

    @on(FocusButton.Pressed, "#glossary-button")
    def glossary(self) -> None:
        self.backmap.action_glossary()

    @on(FocusButton.Pressed, "#quit")
    def quit(self) -> None:
        self.backmap.action_save_and_quit()


class PickPlanScreen(Screen):
    """The plans in the plans folder, newest first, with their names and when they changed."""

    BINDINGS = [Binding("escape", "app.pop_screen", words("keys", "back"), key_display="Esc")]

    @property
    def backmap(self) -> BackmapApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        self.plans = store.list_plans(self.backmap.folder)
        rows = []
        for info in self.plans:
            local = info.updated.astimezone()
            when = words("dates", "date_time", date=content.long_date(local), time=local.strftime("%H:%M"))
            detail = words("carry_on", "changed", when=when)
            if not info.readable:
                detail = words("carry_on", "broken")
            rows.append(Choice(str(info.path), info.title, detail=f"{detail} ({info.path.name})"))
        with Vertical(id="pick"):
            yield Static(words("carry_on", "title"), id="pick-title", markup=False)
            if rows:
                yield Static(words("carry_on", "hint"), id="pick-hint", markup=False)
                yield MarkedList(rows, id="plans")
            else:
                yield Static(
                    words("carry_on", "none", folder=self.backmap.folder), id="pick-none", markup=False
                )
            yield FocusButton(words("buttons", "back"), id="back")
        yield KeyFooter()

    def on_mount(self) -> None:
        if self.plans:
            self.query_one("#plans").focus()
        else:
            self.query_one("#back").focus()

    @on(MarkedList.OptionSelected, "#plans")
    def chosen(self, event: MarkedList.OptionSelected) -> None:
        path = self.plans[event.option_index].path
        self.backmap.open_plan(path, carry_on=True)

    @on(FocusButton.Pressed, "#back")
    def back(self) -> None:
        self.app.pop_screen()
