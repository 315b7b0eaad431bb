"""The pane for a look-back's list: what people said, or what nobody planned.

Each thing someone said shows who said it and who may see it, in words. A thing kept
private shows on screen (the people who said it can change it) but is never read aloud.
A thing removed comes back with Ctrl+Z (or Undo remove), in its place, as on the plan's lists.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Static

from backmap.content import word as words
from backmap.core import going, look_back
from backmap.core.flow import Page
from backmap.core.plan import Surprise, Voice
from backmap.screens.dialogs import ConfirmScreen
from backmap.screens.entry import EntryScreen
from backmap.widgets.buttons import FocusButton
from backmap.widgets.choices import Choice, MarkedList
from backmap.widgets.panes.pane import LookBackPane

if TYPE_CHECKING:
    from backmap.session.keeper import Keeper


def voice_detail(page: Page, voice: Voice) -> str:
    """The line under a quote: who said it, and who may see it."""
    return look_back.voice_detail(page, voice) + "."


class EntriesPane(LookBackPane):
    BINDINGS = [
        Binding("ctrl+z", "undo", words("keys", "undo"), key_display="Ctrl+Z", show=False),
        Binding("delete", "remove", words("keys", "remove"), show=False),  # as on a plan's lists
    ]

    def __init__(self, keeper: Keeper, id: str) -> None:
        super().__init__(keeper, id=id)
        # The last thing removed on this step and where it was: Ctrl+Z puts it back there.
        self.removed: tuple[int, Voice | Surprise] | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="entries-empty", markup=False)
        yield MarkedList([], id="entries")
        with Horizontal(id="entry-buttons"):
            yield FocusButton(words("buttons", "add"), id="entry-add")
            yield FocusButton(words("buttons", "edit"), id="entry-edit")
            yield FocusButton(words("buttons", "remove"), id="entry-remove")
            yield FocusButton(words("buttons", "undo"), id="entry-undo")

    def show(self, page: Page) -> None:
        """Undo is for the step something was removed on, as on the plan's lists."""
        super().show(page)
        self.removed = None
        self.query_one("#entries-empty", Static).update(page.words["empty"])
        self.refresh_entries()
        for key, field in self.keeper.box_drafts(page.key):
            if key is None or (key.isdigit() and int(key) < len(self.rows())):
                self.call_after_refresh(self.open_box, key, field)
                break

    def rows(self) -> list[Choice]:
        assert self.page is not None
        if self.page.key == "look_back_surprises":
            return [Choice(str(i), s.text or "-") for i, s in enumerate(self.checkin.surprises)]
        return [
            Choice(str(i), v.text or "-", detail=voice_detail(self.page, v))
            for i, v in enumerate(self.checkin.voices)
        ]

    def refresh_entries(self, keep: str | None = None) -> None:
        marked = self.query_one("#entries", MarkedList)
        marked.set_choices(self.rows(), keep=keep)
        has_rows = bool(marked.choices)
        marked.display = has_rows
        self.query_one("#entries-empty").display = not has_rows
        for name in ("edit", "remove"):
            self.query_one(f"#entry-{name}").display = has_rows
        self.query_one("#entry-undo").display = self.removed is not None

    def focus_first(self) -> None:
        marked = self.query_one("#entries", MarkedList)
        target = marked if marked.choices else self.query_one("#entry-add")
        self.screen.set_focus(target, scroll_visible=False)

    def spoken_answer(self) -> str:
        """What read aloud may say of the list: a private quote is named, never read."""
        assert self.page is not None
        if self.page.key == "look_back_surprises":
            return " ".join(s.text for s in self.checkin.surprises)
        said = []
        for voice in self.checkin.voices:
            if going.may_show(voice, going.TEAM):
                said.append(f"{voice.text} {voice_detail(self.page, voice)}")
            else:
                said.append(self.page.words["private"])
        return " ".join(said)

    def current_key(self) -> str | None:
        choice = self.query_one("#entries", MarkedList).current
        return choice.key if choice else None

    def open_box(self, key: str | None, start_at: str = "") -> None:
        assert self.page is not None
        self.app.push_screen(
            EntryScreen(self.keeper, self.page, key, start_at), callback=self.refresh_entries
        )

    @on(FocusButton.Pressed, "#entry-add")
    def add(self) -> None:
        self.open_box(None)

    @on(MarkedList.OptionSelected, "#entries")
    @on(FocusButton.Pressed, "#entry-edit")
    def change(self, event: object = None) -> None:
        key = self.current_key()
        if key is not None:
            self.open_box(key)

    def action_remove(self) -> None:
        self.remove()

    @on(FocusButton.Pressed, "#entry-remove")
    def remove(self) -> None:
        key = self.current_key()
        if key is None or self.page is None:
            return
        choice = self.query_one("#entries", MarkedList).current
        ask = ConfirmScreen(
            words("remove", "question", item=self.page.words["item"]),
            choice.text if choice else "",
            look_back.say("remove_detail"),
            words("buttons", "yes_remove"),
            words("buttons", "no_keep"),
        )
        self.app.push_screen(ask, callback=lambda yes: self._remove(int(key), yes))

    def entries(self) -> list[Voice] | list[Surprise]:
        assert self.page is not None
        checkin = self.checkin
        return checkin.surprises if self.page.key == "look_back_surprises" else checkin.voices

    def _remove(self, index: int, yes: bool | None) -> None:
        if yes:
            assert self.page is not None
            self.removed = (index, self.entries().pop(index))
            self.keeper.plan.touch()
            self.keeper.changed(look_back.say("removed", item=self.page.words["item"]))
        self.refresh_entries()
        self.focus_first()

    @on(FocusButton.Pressed, "#entry-undo")
    def action_undo(self) -> None:
        """Put the thing removed back in its place, and save at once."""
        if self.removed is None or self.page is None:
            # Undo is for a remove on this step, straight after: say so, not nothing at all.
            self.keeper.say(words("remove", "nothing_back"))
            return
        index, entry = self.removed
        self.removed = None
        entries = self.entries()
        index = min(index, len(entries))
        entries.insert(index, entry)  # type: ignore[arg-type]
        self.keeper.plan.touch()
        self.keeper.changed(words("remove", "back", item=self.page.words["item"]))
        self.refresh_entries(keep=str(index))
        self.query_one("#entries").focus()
