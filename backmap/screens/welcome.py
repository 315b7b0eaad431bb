"""The first screen: start, carry on, learn, or quit. It stays at the bottom of the stack."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static

from backmap import content
from backmap.content import word as words
from backmap.core import store
from backmap.widgets.buttons import FocusButton
from backmap.widgets.choices import Choice, MarkedList
from backmap.widgets.key_footer import KeyFooter
from backmap.widgets.status import StatusLine


class WelcomeScreen(Screen):
    BINDINGS = [
        Binding("up", "app.focus_previous", words("keys", "up"), show=False, priority=True),
        Binding("down", "app.focus_next", words("keys", "down"), show=False, priority=True),
    ]

    class NewPlan(Message):
        """Start a new plan."""

    class OpenPlan(Message):
        """Carry on with this plan."""

        def __init__(self, path: Path) -> None:
            super().__init__()
            self.path = path

    class LookBack(Message):
        """Look back at this plan: what happened since it was made."""

        def __init__(self, path: Path) -> None:
            super().__init__()
            self.path = path

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="welcome", can_focus=False):
            yield Static(words("welcome", "title"), id="welcome-title", markup=False)
            yield Static(words("welcome", "intro"), id="welcome-intro", markup=False)
            with Vertical(id="welcome-buttons"):
                yield FocusButton(words("buttons", "new_plan"), id="new", variant="primary")
                yield FocusButton(words("buttons", "carry_on"), id="carry-on")
                yield FocusButton(words("buttons", "look_back"), id="look-back")
                yield FocusButton(words("buttons", "learn"), id="learn")
                yield FocusButton(words("buttons", "glossary"), id="glossary-button")
                yield FocusButton(words("buttons", "quit"), id="quit")
            yield Static(
                words("welcome", "saved_where", folder=self.folder),
                id="welcome-folder",
                markup=False,
            )
        yield StatusLine("", id="status", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#new").focus()

    def spoken_text(self) -> str:
        """Read aloud on the welcome: its title and what the app does."""
        return f"{words('welcome', 'title')}. {words('welcome', 'intro')}"

    @on(FocusButton.Pressed, "#new")
    def new_plan(self) -> None:
        self.post_message(self.NewPlan())

    @on(FocusButton.Pressed, "#carry-on")
    def carry_on(self) -> None:
        self.app.push_screen(PickPlanScreen(self.folder), callback=self._picked)

    def _picked(self, path: Path | None) -> None:
        if path is not None:
            self.post_message(self.OpenPlan(path))

    @on(FocusButton.Pressed, "#look-back")
    def look_back(self) -> None:
        title = words("look_back", "title")
        self.app.push_screen(PickPlanScreen(self.folder, title), callback=self._picked_to_look_back)

    def _picked_to_look_back(self, path: Path | None) -> None:
        if path is not None:
            self.post_message(self.LookBack(path))

    @on(FocusButton.Pressed, "#learn")
    def learn(self) -> None:
        from backmap.screens.learn import LearnScreen

        self.app.push_screen(LearnScreen())

    @on(FocusButton.Pressed, "#glossary-button")
    async def glossary(self) -> None:
        await self.run_action("app.glossary")

    @on(FocusButton.Pressed, "#quit")
    async def quit(self) -> None:
        await self.run_action("app.save_and_quit")


class PickPlanScreen(Screen[Path | None]):
    """The plans in the plans folder, newest first, with their names, when they changed, and when
    they were last looked back at."""

    BINDINGS = [Binding("escape", "back", words("keys", "back"), key_display="Esc")]

    def __init__(self, folder: Path, title: str = "") -> None:
        super().__init__()
        self.folder = folder
        self.title_words = title or words("carry_on", "title")

    def compose(self) -> ComposeResult:
        self.plans = store.list_plans(self.folder)
        rows = []
        for info in self.plans:
            local = info.updated.astimezone()
            when = words("dates", "date_time", date=content.long_date(local), time=local.strftime("%H:%M"))
            detail = words("carry_on", "changed", when=when)
            if info.looked_back is not None:
                detail += " " + words("carry_on", "looked_back", date=content.long_date(info.looked_back))
            if not info.readable:
                detail = words("carry_on", "broken")
            rows.append(Choice(str(info.path), info.title, detail=f"{detail} ({info.path.name})"))
        with Vertical(id="pick"):
            yield Static(self.title_words, id="pick-title", markup=False)
            if rows:
                yield Static(words("carry_on", "hint"), id="pick-hint", markup=False)
                yield MarkedList(rows, id="plans")
            else:
                yield Static(words("carry_on", "none", folder=self.folder), id="pick-none", markup=False)
            yield FocusButton(words("buttons", "back"), id="back")
        yield KeyFooter()

    def on_mount(self) -> None:
        if self.plans:
            self.query_one("#plans").focus()
        else:
            self.query_one("#back").focus()

    @on(MarkedList.OptionSelected, "#plans")
    def chosen(self, event: MarkedList.OptionSelected) -> None:
        self.dismiss(self.plans[event.option_index].path)

    @on(FocusButton.Pressed, "#back")
    def action_back(self) -> None:
        self.dismiss(None)
