"""The bare Textual app the benchmark compares backmap with: the same screens, no backmap in them.

Fair means like with like. The bare app has what Textual needs to show what backmap
shows, and nothing of backmap's own work (no plan, keeper, saving, settings, content
files, type-ahead or Textual fixes):

- the same three colour themes (``backmap.themes.THEMES``, plain Textual ``Theme``
  objects), registered in ``__init__`` and chosen the same way (``self.theme = ...``);
- the same style sheet, ``backmap/backmap.tcss``, so every widget is styled as in backmap
  (and the sheet is read and applied at the same cost);
- the same app keys (so the footer shows the same hints);
- a ``WelcomeScreen`` with the same widgets as ``backmap/screens/welcome.py``: the same
  classes by name, ids, words and count;
- an ``InterviewScreen`` with the same widgets as ``backmap/screens/interview.py``:
  header, the words of a step, three tool buttons, four panes in a ``ContentSwitcher``
  (question, list, check, finish, holding the same widgets as backmap's panes), the three
  navigation buttons, status line and footer. Its Next puts the next step's words in
  the same widgets and switches to the pane of that step's kind, as backmap does.

The widget classes carry backmap's class names (``FocusButton``, ``AnswerBox``,
``MarkedList``, ...) so that the style sheet's rules match them as they match backmap's,
but each is the plain Textual widget underneath (``Button``, ``TextArea``, ``OptionList``).

``python -m bench.ready bare`` starts it in a terminal (the start-up row); ``bench/app_rows.py``
and ``bench/interview.py`` drive it headless.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Button, ContentSwitcher, Footer, Label, OptionList, Static, TextArea

from backmap.themes import DEFAULT, THEMES  # plain Textual Theme objects, nothing else of backmap

CSS_FILE = Path(__file__).resolve().parent.parent / "backmap" / "backmap.tcss"
PANE_KINDS = (
    "question",
    "list",
    "check",
    "finish",
    "choice",
    "who",
    "entries",
    "progress",
    "look-back-finish",
)
# The pane of each step of backmap's planning interview (backmap.core.flow.PLANNING), in order.
STEP_PANES = (
    "question",
    "list",
    "question",
    "question",
    "question",
    "list",
    "list",
    "list",
    "list",
    "check",
    "finish",
)


# ----- widgets: Textual's own, under backmap's class names so the style sheet matches ----------


class FocusButton(Button):
    pass


class KeyFooter(Footer):
    """As backmap's footer: its columns are left to the style sheet (three in a narrow window)."""

    def compose(self) -> ComposeResult:
        yield from super().compose()
        self.styles.grid_size_columns = None


class StatusLine(Static):
    pass


class StepHeader(Static):
    pass


class AnswerBox(TextArea):
    """Configured as backmap's answer box is: wrapped, Tab moves on, no line numbers."""

    def __init__(self, text: str = "", **kwargs: object) -> None:
        super().__init__(text, soft_wrap=True, tab_behavior="focus", show_line_numbers=False, **kwargs)  # type: ignore[arg-type]
        self.cursor_blink = False


class MarkedList(OptionList):
    pass


class PathwayView(ScrollView, can_focus=True):
    """A scrolling view that draws blank rows (backmap's draws the pathway)."""

    def render_line(self, y: int) -> Strip:
        return Strip.blank(self.size.width)


class Pane(Vertical):
    DEFAULT_CSS = "Pane { height: auto; }"


class QuestionPane(Pane):
    def compose(self) -> ComposeResult:
        yield Label("", id="answer-label", markup=False)
        yield AnswerBox("", id="answer")


class ListPane(Pane):
    def compose(self) -> ComposeResult:
        yield Static("", id="empty", markup=False)
        yield MarkedList(id="items")
        with Horizontal(id="item-buttons"):
            for label, name in (("Add", "add"), ("Change", "edit"), ("Remove", "remove")):
                yield FocusButton(f"  {label}", id=name)
            for label, name in (("Up", "up"), ("Down", "down"), ("Undo", "undo")):
                yield FocusButton(f"  {label}", id=name)


class CheckPane(Pane):
    def compose(self) -> ComposeResult:
        yield MarkedList(id="findings")
        yield Static("", id="pathway-title", markup=False)
        yield PathwayView(id="pathway")


class FinishPane(Pane):
    def compose(self) -> ComposeResult:
        yield Static("", id="files", markup=False)
        with VerticalScroll(id="preview-box", can_focus=True):
            yield Static("", id="preview")


# The look-back's panes: on the screen (as in backmap), never shown by the planning steps.


class ChoicePane(Pane):
    def compose(self) -> ComposeResult:
        yield MarkedList(id="status-choices")


class WhoPane(Pane):
    def compose(self) -> ComposeResult:
        yield Static("", id="who-none", markup=False)
        yield MarkedList(id="who-list")
        yield Label("", id="who-label", markup=False)
        yield AnswerBox("", id="who-others")


class EntriesPane(Pane):
    def compose(self) -> ComposeResult:
        yield Static("", id="entries-empty", markup=False)
        yield MarkedList(id="entries")
        with Horizontal(id="entry-buttons"):
            for label, name in (("Add", "entry-add"), ("Change", "entry-edit"), ("Remove", "entry-remove")):
                yield FocusButton(f"  {label}", id=name)


class ProgressPane(Pane):
    def compose(self) -> ComposeResult:
        with VerticalScroll(id="progress-box", can_focus=True):
            yield Static("", id="progress")


class LookBackFinishPane(Pane):
    def compose(self) -> ComposeResult:
        yield Static("", id="look-back-counts", markup=False)
        yield Static("", id="look-back-files", markup=False)


# ----- screens ---------------------------------------------------------------------------------


class WelcomeScreen(Screen):
    """backmap's welcome screen without backmap: the same widgets, ids and words."""

    BINDINGS = [
        Binding("up", "app.focus_previous", "Up", show=False, priority=True),
        Binding("down", "app.focus_next", "Down", show=False, priority=True),
    ]

    def __init__(self, folder: str = "~/Documents/backmap") -> None:
        super().__init__()
        self.folder = folder

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="welcome", can_focus=False):
            yield Static("Plan the impact of your project", id="welcome-title", markup=False)
            yield Static(
                "We will plan together, one question at a time. We start at the end. "
                "Then we work back to what you will do.",
                id="welcome-intro",
                markup=False,
            )
            with Vertical(id="welcome-buttons"):
                yield FocusButton("  Start a new plan", id="new", variant="primary")
                yield FocusButton("  Carry on with a plan", id="carry-on")
                yield FocusButton("  Look back at a plan", id="look-back")
                yield FocusButton("  Learn about impact", id="learn")
                yield FocusButton("  Word list", id="glossary-button")
                yield FocusButton("  Save and quit", id="quit")
            yield Static(f"Your plans are saved in {self.folder}.", id="welcome-folder", markup=False)
        yield StatusLine("", id="status", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#new").focus()


class InterviewScreen(Screen[None]):
    """backmap's interview screen without backmap: the same widgets; Next shows the next step."""

    BINDINGS = [
        Binding("ctrl+n", "next", "Next", key_display="Ctrl+N", id="next"),
        Binding("ctrl+r", "back", "Back", key_display="Ctrl+R", id="back"),
        Binding("ctrl+s", "save", "Save", key_display="Ctrl+S", id="save"),
        Binding("ctrl+g", "goto", "Go to step", key_display="Ctrl+G", id="goto"),
        Binding("ctrl+p", "pathway", "Pathway", key_display="Ctrl+P", id="pathway", show=False),
    ]
    AUTO_FOCUS = ""

    def __init__(self, index: int = 0, items: int = 0) -> None:
        super().__init__()
        self.index = index
        self.items = items  # rows shown on a list step

    @property
    def kind(self) -> str:
        return STEP_PANES[self.index]

    def compose(self) -> ComposeResult:
        yield StepHeader("", id="step-header")
        with VerticalScroll(id="body", can_focus=False):
            yield Static("", id="question", markup=False)
            yield Static("", id="subject", markup=False)
            yield Static("", id="hint", markup=False)
            yield Static("", id="explain", markup=False)
            with Horizontal(id="tools"):
                yield FocusButton("  Show me an example", id="example-button", classes="tool")
                yield FocusButton("  Word list", id="glossary-button", classes="tool")
                yield FocusButton("  Read aloud", id="read-button", classes="tool")
            yield Static("", id="example", markup=False)
            yield Static("", id="tip", markup=False)
            with ContentSwitcher(id="panes"):
                yield QuestionPane(id="question-pane")
                yield ListPane(id="list-pane")
                yield CheckPane(id="check-pane")
                yield FinishPane(id="finish-pane")
                yield ChoicePane(id="choice-pane")
                yield WhoPane(id="who-pane")
                yield EntriesPane(id="entries-pane")
                yield ProgressPane(id="progress-pane")
                yield LookBackFinishPane(id="look-back-finish-pane")
        with Horizontal(id="nav"):
            yield FocusButton("  Back", id="back")
            yield FocusButton("  Skip for now", id="skip")
            yield FocusButton("  Next", id="next", variant="primary")
        yield StatusLine("", id="status", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.go_to(self.index)

    def go_to(self, index: int) -> None:
        """What backmap's ``InterviewScreen.go_to`` does with its widgets, with made-up words."""
        self.index = index
        kind = self.kind
        n = index + 1
        texts = {
            "step-header": f"Step {n} of {len(STEP_PANES)}  |  Part {n}",
            "question": f"Question {n}: what will be different for the people you work with?",
            "hint": f"Hint {n}: one or two sentences are enough.",
            "explain": f"Why we ask {n}: this is what the whole plan works back from.",
            "subject": "",
            "example": f"For example: {n} people who use the centre help to run it.",
            "tip": f"Tip: you can change this answer later ({n}).",
        }
        for name, text in texts.items():
            self.query_one(f"#{name}", Static).update(text)
        self.query_one("#explain").display = True
        self.query_one("#subject").display = False
        self.query_one("#example").display = False
        self.query_one("#example-button", FocusButton).label = "  Show me an example"
        self.query_one("#next", FocusButton).label = "  Next"
        self.query_one("#skip").display = kind != "finish"
        for pane_kind in PANE_KINDS:
            self.set_class(kind == pane_kind, f"-{pane_kind}")
        pane = self.query_one(f"#{kind}-pane", Pane)
        self._show(kind, pane, n)
        self.query_one(ContentSwitcher).current = pane.id
        self.query_one("#body", VerticalScroll).scroll_home(animate=False, immediate=True)
        self.set_focus(None)
        self._focus_first(kind, pane)

    def _show(self, kind: str, pane: Pane, n: int) -> None:
        if kind == "question":
            pane.query_one("#answer-label", Label).update(f"Your answer to question {n}")
            box = pane.query_one("#answer", AnswerBox)
            box.load_text("")
            box.move_cursor(box.document.end)
        elif kind == "list":
            rows = [
                f"Row {i + 1} of step {n}: people meet every week\n  helps 2 stepping stones"
                for i in range(self.items)
            ]
            items = pane.query_one("#items", MarkedList)
            items.clear_options()
            items.add_options(rows)
            pane.query_one("#empty", Static).update("" if rows else "Nothing here yet: press Add.")
        elif kind == "check":
            pane.query_one("#findings", MarkedList).clear_options()
            pane.query_one("#pathway-title", Static).update("The pathway")
            pane.query_one("#pathway", PathwayView).virtual_size = self.size
        else:
            pane.query_one("#files", Static).update("Your plan is saved in a file.")
            pane.query_one("#preview", Static).update("# The plan\n\nThe summary.")

    def _focus_first(self, kind: str, pane: Pane) -> None:
        if kind == "question":
            self.set_focus(pane.query_one("#answer"))
        elif kind == "list":
            self.set_focus(pane.query_one("#items") if self.items else pane.query_one("#add"))

    def action_next(self) -> None:
        if self.index + 1 < len(STEP_PANES):
            self.go_to(self.index + 1)

    def action_back(self) -> None:
        if self.index > 0:
            self.go_to(self.index - 1)


class BareApp(App[int]):
    """What backmap's app is to Textual, with none of backmap's own work."""

    CSS_PATH = CSS_FILE
    TITLE = "backmap"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [
        Binding("f1", "help", "Help", key_display="F1", id="help"),
        Binding("ctrl+l", "glossary", "Words", key_display="Ctrl+L", id="glossary", show=False),
        Binding("ctrl+o", "read_aloud", "Read aloud", key_display="Ctrl+O", id="read", show=False),
        Binding("ctrl+t", "next_theme", "Colours", key_display="Ctrl+T", id="theme", show=False),
        Binding("ctrl+q", "quit", "Quit", key_display="Ctrl+Q", id="quit", priority=True),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.animation_level = "none"
        for theme in THEMES.values():
            self.register_theme(theme)
        self.theme = DEFAULT

    def get_default_screen(self) -> Screen[object]:
        return WelcomeScreen()


def main() -> int:
    """Run the bare app in the terminal."""
    BareApp().run()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
