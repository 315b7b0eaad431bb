"""The frame every step shares: where you are, the question, help, and Back / Skip / Next."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.geometry import NULL_SIZE
from textual.screen import Screen
from textual.widget import _RenderCache
from textual.widgets import OptionList, Static

from backmap import content
from backmap.core import flow
from backmap.widgets.buttons import FocusButton
from backmap.widgets.footer import KeyFooter
from backmap.widgets.status import StatusLine, StepHeader

if TYPE_CHECKING:
    from backmap.app import BackmapApp


def words(section: str, key: str, **values: object) -> str:
    return content.word(section, key, **values)


class StepScreen(Screen):
    """One step of the interview. Subclasses add the answer part in ``compose_answer``."""

    # No auto focus: focus_first() chooses. Textual's would first focus the scrolling
    # body and then move away, restyling the whole body twice on every step.
    AUTO_FOCUS = ""

    def __init__(self, index: int) -> None:
        super().__init__()
        self._shown_before = False
        self._styled_at = -1  # the app's count of style changes when last styled
        self._back_from_away = False  # shown a step while not on screen: a kept screen
        self.index = index
        self.page: flow.Page = flow.PAGES[index]

    @property
    def backmap(self) -> BackmapApp:
        return self.app  # type: ignore[return-value]

    @property
    def plan(self):  # -> Plan
        return self.backmap.plan

    def texts(self) -> dict[str, str]:
        """The words of this step, by the id of the Static that shows them."""
        page = self.page
        text = page.words
        return {
            "step-header": f"{flow.step_label(page)}  |  {page.part_name}",
            "question": text["question"],
            "hint": text["hint"],
            "explain": text.get("explain", ""),
            "example": words("app", "example_prefix") + " " + text["example"],
            "tip": words("app", "tip_prefix") + " " + text["tip"],
        }

    def compose(self) -> ComposeResult:
        text = self.texts()
        yield StepHeader(text["step-header"], id="step-header")
        # Not a Tab stop of its own: focus goes only to things a person can use.
        with VerticalScroll(id="body", can_focus=False):
            yield Static(text["question"], id="question", markup=False)
            yield Static(text["hint"], id="hint", markup=False)
            if text["explain"] or self.reusable:
                # A reused screen keeps it, hidden on a step with nothing to explain.
                explain = Static(text["explain"], id="explain", markup=False)
                explain.display = bool(text["explain"])
                yield explain
            with Horizontal(id="tools"):
                yield FocusButton(words("buttons", "example"), id="example-button", classes="tool")
                yield FocusButton(words("buttons", "glossary"), id="glossary-button", classes="tool")
                yield FocusButton(words("buttons", "read_aloud"), id="read-button", classes="tool")
            yield Static(text["example"], id="example", markup=False)
            yield Static(text["tip"], id="tip", markup=False)
            yield from self.compose_answer()
        with Horizontal(id="nav"):
            yield FocusButton(words("buttons", "back"), id="back")
            yield FocusButton(words("buttons", "skip"), id="skip")
            yield FocusButton(self.next_label(), id="next", variant="primary")
        yield StatusLine(self.backmap.status_text(), id="status", markup=False)
        yield KeyFooter()

    def compose_answer(self) -> ComposeResult:
        yield from ()

    def next_label(self) -> str:
        return words("buttons", "next")

    can_skip = True

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        # A new step was styled widget by widget as it was mounted, just before it is
        # first shown; styling it all again then costs a tenth of a Next (see bench/).
        # A kept screen coming back with another step (see reusable) is styled again
        # only if the styles changed while it was away: a new colour theme.
        styles_now = self.app._css_update_count
        back_unchanged = self._back_from_away and self._styled_at == styles_now
        if not self._shown_before or back_unchanged:
            event.refresh_styles = False
        self._shown_before = True
        self._back_from_away = False
        super()._on_screen_resume(event)
        self._styled_at = styles_now

    def _on_screen_suspend(self) -> None:
        # While shown it follows every change of theme; from now on it may miss one.
        self._styled_at = self.app._css_update_count
        super()._on_screen_suspend()

    def on_mount(self) -> None:
        self.query_one("#example").display = False
        self.query_one("#skip").display = self.can_skip
        self.focus_first()

    def focus_first(self) -> None:
        """The answer gets focus first; subclasses say which widget that is."""

    # ----- one screen for several steps ------------------------------------------

    # True: the next step of the same kind is shown on this screen (see show), and the
    # app keeps the screen while other kinds of step are shown, to show one again later.
    reusable = False

    def can_show(self, index: int) -> bool:
        """Whether this screen can show step ``index`` in place of a new screen."""
        return False

    def point_at(self, key: str | None) -> None:
        """Start on the row with this key: only a step with rows has any (see ListScreen)."""

    def show(self, index: int) -> None:
        """Show another step of the same kind on this screen, as a new screen would show it.

        A new screen for every step is about 25 widgets to build, style and lay out:
        most of the time Next took (see bench/). Changing the words is much cheaper.
        """
        self._back_from_away = not self.is_current
        self.index = index
        self.page = flow.PAGES[index]
        for name, text in self.texts().items():
            self.query_one(f"#{name}", Static).update(text)
        self.query_one("#explain").display = bool(self.page.words.get("explain"))
        self.query_one("#example").display = False
        self.query_one("#example-button", FocusButton).set_words(words("buttons", "example"))
        self.query_one("#next", FocusButton).set_words(self.next_label())
        self.query_one("#skip").display = self.can_skip
        self.show_status(self.backmap.status_text())
        self.show_answer()
        self.query_one("#body", VerticalScroll).scroll_home(animate=False, immediate=True)
        # Focus comes again as on a new screen: the cursor goes after the last word, and
        # the answer is scrolled into sight if the window is short.
        self.set_focus(None)
        self.focus_first()

    def forget_drawing(self) -> None:
        """Let go of the lines this screen last drew, while it is kept and not shown.

        Every widget keeps its lines, each with its own small caches: about 2 MB for a
        step. A kept screen draws its next step anew anyway (see the memory row in bench/).
        """
        for widget in self.walk_children(with_self=False):
            widget._styles_cache.clear()
            widget._render_cache = _RenderCache(NULL_SIZE, [])
            if isinstance(widget, OptionList):
                widget._option_render_cache.clear()
            widget.refresh()  # drawn anew when it is shown again

    def show_answer(self) -> None:
        """Put this step's answer on a reused screen; subclasses say how."""

    # ----- help on every step ---------------------------------------------------

    @on(FocusButton.Pressed, "#example-button")
    def toggle_example(self) -> None:
        example = self.query_one("#example")
        example.display = not example.display
        label = "hide_example" if example.display else "example"
        self.query_one("#example-button", FocusButton).set_words(words("buttons", label))
        if example.display:
            example.scroll_visible(animate=False)

    @on(FocusButton.Pressed, "#glossary-button")
    def open_glossary(self) -> None:
        self.backmap.action_glossary()

    @on(FocusButton.Pressed, "#read-button")
    def read_aloud(self) -> None:
        self.backmap.action_read_aloud()

    def spoken_text(self) -> str:
        """What read aloud says on this step: the question, the hint and the example."""
        text = self.texts()  # as shown: the check step's hint counts its gaps
        return " ".join([text["question"], text["hint"], text["example"]])

    # ----- moving on -------------------------------------------------------------

    @on(FocusButton.Pressed, "#next")
    def pressed_next(self) -> None:
        # Through the method, not the handler: a step that changes Next (the finish
        # step) changes the button too. Textual calls a handler of the class it is in.
        self.action_next()

    def action_next(self) -> None:
        if self.keep_answer():
            self.backmap.go_next(self.index)

    @on(FocusButton.Pressed, "#back")
    def action_back(self) -> None:
        if self.keep_answer():
            self.backmap.go_back(self.index)

    @on(FocusButton.Pressed, "#skip")
    def action_skip(self) -> None:
        """Skip keeps anything already typed: skipping never throws an answer away."""
        if self.keep_answer():
            self.backmap.go_next(self.index)

    def keep_answer(self) -> bool:
        """Store what is on screen in the plan. Return False to stay on this step."""
        return True

    def show_status(self, text: str) -> None:
        self.query_one("#status", StatusLine).update(text)
