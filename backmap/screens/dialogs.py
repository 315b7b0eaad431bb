"""Dialogs: ask before removing, the word list, go to a step, keys, and problems.

Every dialog closes with Escape and gives focus back where it was.
"""

from __future__ import annotations

from typing import TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from backmap import content
from backmap.content import word as words
from backmap.core.flow import Flow
from backmap.core.safe_text import shown
from backmap.widgets.buttons import FocusButton
from backmap.widgets.choices import Choice, MarkedList
from backmap.widgets.read_aloud_button import ReadAloudButton

ResultT = TypeVar("ResultT")


class ButtonDialog(ModalScreen[ResultT]):
    """A dialog whose buttons the arrow keys move between, as Tab does.

    A list or a text box with focus keeps its own arrow keys: its bindings come first,
    and a list's Left and Right do nothing here either.
    """

    BINDINGS = [
        Binding("right,down", "next_button", show=False),
        Binding("left,up", "previous_button", show=False),
    ]

    def _on_a_button(self) -> bool:
        return self.focused is None or isinstance(self.focused, FocusButton)

    def action_next_button(self) -> None:
        if self._on_a_button():
            self.focus_next(FocusButton)

    def action_previous_button(self) -> None:
        if self._on_a_button():
            self.focus_previous(FocusButton)


class ConfirmScreen(ButtonDialog[bool]):
    """Yes or no. Escape means no; focus starts on the safe answer."""

    BINDINGS = [Binding("escape", "no", words("keys", "close"), key_display="Esc")]

    def __init__(self, question: str, subject: str, detail: str, yes: str, no: str) -> None:
        super().__init__()
        self.question, self.subject, self.detail, self.yes, self.no = question, subject, detail, yes, no

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="small"):
            yield Static(self.question, id="dialog-title", markup=False)
            if self.subject:
                yield Static(f'"{shown(self.subject)}"', id="confirm-subject", markup=False)
            yield Static(self.detail, id="confirm-detail", markup=False)
            with Horizontal(id="dialog-buttons"):
                yield FocusButton(self.no, id="no")
                yield FocusButton(self.yes, id="yes", variant="error")

    def on_mount(self) -> None:
        self.query_one("#no").focus()

    @on(FocusButton.Pressed, "#yes")
    def action_yes(self) -> None:
        self.dismiss(True)

    @on(FocusButton.Pressed, "#no")
    def action_no(self) -> None:
        self.dismiss(False)


class TextDialog(ButtonDialog[None]):
    """A title, some lines to read (scrolls when long), a Close and a Read aloud button."""

    BINDINGS = [Binding("escape", "close", words("keys", "close"), key_display="Esc")]

    def __init__(self, title: str, lines: list[str], dialog_id: str = "text-dialog") -> None:
        super().__init__(id=dialog_id)
        self.title_text = title
        self.lines = lines

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(self.title_text, id="dialog-title", markup=False)
            with VerticalScroll(id="dialog-body", can_focus=True):
                for line in self.lines:
                    yield Static(line, classes="dialog-line", markup=False)
            with Horizontal(id="dialog-buttons"):
                yield FocusButton(words("buttons", "close"), id="close")
                yield ReadAloudButton()

    def spoken_text(self) -> str:
        """Read aloud: the title, then every line (the word list, the help)."""
        from backmap.read_aloud import sentences

        return sentences([self.title_text, *self.lines])

    def on_mount(self) -> None:
        # The text first: Up, Down and Page keys scroll it. Tab reaches Close.
        self.query_one("#dialog-body").focus()

    @on(FocusButton.Pressed, "#close")
    def action_close(self) -> None:
        self.dismiss(None)


class WellDoneScreen(ButtonDialog[str | None]):
    """The end of the interview: well done, where the plan is, and what to do now.

    Dismisses with "start" (back to the welcome screen), "quit", or None (Escape:
    stay on the finish step and read the summary again).
    """

    BINDINGS = [
        Binding("escape", "close", words("keys", "close"), key_display="Esc"),
        # App keys stop at a modal screen: read aloud comes along, as a key and a button.
        Binding("ctrl+o", "app.read_aloud", words("keys", "read"), key_display="Ctrl+O", show=False),
    ]

    def __init__(self, lines: list[str]) -> None:
        """Each of ``lines`` is a short block, with a blank line after it."""
        super().__init__(id="well-done")
        self.lines = lines

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):  # wide: a folder name is long
            yield Static(words("done", "title"), id="dialog-title", markup=False)
            for line in self.lines:
                yield Static(line, classes="dialog-line", markup=False)
            with Horizontal(id="dialog-buttons"):
                yield FocusButton(words("buttons", "start"), id="start", variant="primary")
                yield FocusButton(words("buttons", "quit"), id="quit")
                yield ReadAloudButton()  # last: Enter on the first still goes back to the start

    def on_mount(self) -> None:
        self.query_one("#start").focus()

    def spoken_text(self) -> str:
        """Read aloud says the whole ending, the folder name too."""
        return " ".join([words("done", "title"), *self.lines])

    @on(FocusButton.Pressed, "#start")
    def action_start(self) -> None:
        self.dismiss("start")

    @on(FocusButton.Pressed, "#quit")
    def action_quit(self) -> None:
        self.dismiss("quit")

    def action_close(self) -> None:
        self.dismiss(None)


def glossary_dialog() -> TextDialog:
    lines = [f"{entry['word']}: {entry['means']}" for entry in content.glossary()]
    return TextDialog(words("glossary", "title"), lines, "glossary")


def help_dialog(keys: list[tuple[str, str]]) -> TextDialog:
    more = content.load("words")["help"]["more"]
    lines = [words("help", "intro"), *more] + [f"{key}: {what}" for key, what in keys]
    return TextDialog(words("help", "title"), lines, "help")


class GotoScreen(ButtonDialog[int | None]):
    """Pick a step to go to. Dismisses with the page index, or None."""

    BINDINGS = [Binding("escape", "close", words("keys", "close"), key_display="Esc")]

    def __init__(self, flow: Flow, current: int | None) -> None:
        super().__init__()
        self.flow = flow
        self.current = current

    def compose(self) -> ComposeResult:
        rows = []
        seen: set[int] = set()
        for index, page in enumerate(self.flow.pages):
            if page.step in seen:
                continue
            seen.add(page.step)
            # A look-back's step holds many questions: it is named by what it is about.
            label = (
                f"{self.flow.step_label(page)}: {page.part_name if page.checkin else page.words['question']}"
            )
            rows.append(Choice(str(index), label))
        with Vertical(id="dialog"):
            steps = MarkedList(rows, id="steps", number_keys=True, show_numbers=False)
            yield Static(words("goto", "title"), id="dialog-title", markup=False)
            yield Static(
                words("goto", "hint_many" if steps.typed_then_enter else "hint"),
                id="dialog-hint",
                markup=False,
            )
            yield steps
            with Horizontal(id="dialog-buttons"):
                yield FocusButton(words("buttons", "close"), id="close")

    def on_mount(self) -> None:
        steps = self.query_one("#steps", MarkedList)
        if self.current is not None:
            page = self.flow.pages[self.current]
            steps.highlighted = page.step - 1
        steps.focus()

    @on(MarkedList.OptionSelected, "#steps")
    def chosen(self, event: MarkedList.OptionSelected) -> None:
        choice = self.query_one("#steps", MarkedList).choices[event.option_index]
        self.dismiss(int(choice.key))

    @on(FocusButton.Pressed, "#close")
    def action_close(self) -> None:
        self.dismiss(None)


class ProblemScreen(ButtonDialog[str | None]):
    """A problem in plain words, with what the person can do about it."""

    BINDINGS = [Binding("escape", "close", words("keys", "close"), key_display="Esc")]

    def __init__(self, title: str, text: str, choices: list[tuple[str, str]]) -> None:
        super().__init__(id="problem")
        self.title_text = title
        self.text = text
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(self.title_text, id="dialog-title", markup=False)
            with VerticalScroll(id="dialog-body"):
                yield Static(shown(self.text), id="problem-text", markup=False)
            # One above the other, full width: every label shows whole at 80x24.
            with Vertical(id="problem-buttons"):
                for key, label in self.choices:
                    yield FocusButton(label, id=f"choice-{key}")
                yield FocusButton(words("buttons", "close"), id="close")

    def on_mount(self) -> None:
        self.query(FocusButton).first().focus()

    @on(FocusButton.Pressed)
    def pressed(self, event: FocusButton.Pressed) -> None:
        button_id = event.button.id or ""
        self.dismiss(button_id.removeprefix("choice-") if button_id.startswith("choice-") else None)

    def action_close(self) -> None:
        self.dismiss(None)
