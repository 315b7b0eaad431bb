"""The one interview screen: it walks any flow, one step at a time, on panes it keeps.

What Next, Back, Skip and Go to step do is here, and only here. Each step is shown on
the pane of its kind (``Page.pane``): a question, a list, the check or the finish pane.
The panes are built once and take turns in a ``ContentSwitcher``; the screen hands each
the step to show, and the keeper saves what they change.
"""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Static

from backmap.content import word as words
from backmap.core import look_back
from backmap.core.flow import Flow, Page
from backmap.core.safe_text import shown
from backmap.session.keeper import Keeper
from backmap.widgets.buttons import FocusButton
from backmap.widgets.key_footer import KeyFooter
from backmap.widgets.panes.check import CheckPane
from backmap.widgets.panes.choice import ChoicePane
from backmap.widgets.panes.entries import EntriesPane
from backmap.widgets.panes.finish import FinishPane
from backmap.widgets.panes.list import ListPane
from backmap.widgets.panes.look_back_finish import LookBackFinishPane
from backmap.widgets.panes.pane import Pane
from backmap.widgets.panes.progress import ProgressPane
from backmap.widgets.panes.question import QuestionPane
from backmap.widgets.panes.who import WhoPane
from backmap.widgets.read_aloud_button import ReadAloudButton
from backmap.widgets.status import StatusLine, StepHeader

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
TIGHT_HEIGHT = 24  # rows: at this height and under, the check step drops two blank lines


def _key(name: str) -> str:
    return words("keys", name)


class InterviewScreen(Screen[None]):
    """Shows the steps of one flow. Dismissed when the person goes back to the welcome."""

    BINDINGS = [
        Binding("ctrl+n", "next", _key("next"), key_display="Ctrl+N", id="next"),
        Binding("ctrl+r", "back", _key("back"), key_display="Ctrl+R", id="back"),
        Binding("ctrl+s", "save", _key("save"), key_display="Ctrl+S", id="save"),
        Binding("ctrl+g", "goto", _key("goto"), key_display="Ctrl+G", id="goto"),
        Binding("ctrl+p", "pathway", _key("pathway"), key_display="Ctrl+P", id="pathway", show=False),
    ]
    # No auto focus: each step puts focus on its answer itself.
    AUTO_FOCUS = ""

    class StepShown(Message):
        """A new step is on screen: what was being read aloud is no longer there."""

    class QuitAsked(Message):
        """The person chose "Save and quit" at the end."""

    def __init__(self, flow: Flow, keeper: Keeper, index: int, status: str = "") -> None:
        super().__init__()
        self.flow = flow
        self.keeper = keeper
        self.index = index
        self.fixing_from: int | None = None  # a gap chosen on the check step: Next goes back
        self._status = status
        self._pointed: str | None = None  # the row to start on, until the panes are up
        self._ready = False

    @property
    def page(self) -> Page:
        return self.flow.pages[self.index]

    @property
    def pane(self) -> Pane:
        return self.query_one(f"#{self.page.pane}-pane", Pane)

    def compose(self) -> ComposeResult:
        yield StepHeader("", id="step-header")
        # Not a Tab stop of its own: focus goes only to things a person can use.
        with VerticalScroll(id="body", can_focus=False):
            yield Static("", id="question", markup=False)
            yield Static("", id="subject", markup=False)  # the activity or stepping stone asked about
            yield Static("", id="hint", markup=False)
            yield Static("", id="explain", markup=False)
            with Horizontal(id="tools"):
                yield FocusButton(words("buttons", "example"), id="example-button", classes="tool")
                yield FocusButton(words("buttons", "glossary"), id="glossary-button", classes="tool")
                yield ReadAloudButton(classes="tool")
            yield Static("", id="example", markup=False)
            yield Static("", id="tip", markup=False)
            with ContentSwitcher(id="panes"):
                yield QuestionPane(self.keeper, id="question-pane")
                yield ListPane(self.keeper, id="list-pane")
                yield CheckPane(self.keeper, id="check-pane")
                yield FinishPane(self.keeper, id="finish-pane")
                yield ChoicePane(self.keeper, id="choice-pane")
                yield WhoPane(self.keeper, id="who-pane")
                yield EntriesPane(self.keeper, id="entries-pane")
                yield ProgressPane(self.keeper, id="progress-pane")
                yield LookBackFinishPane(self.keeper, id="look-back-finish-pane")
        with Horizontal(id="nav"):
            yield FocusButton(words("buttons", "back"), id="back")
            yield FocusButton(words("buttons", "skip"), id="skip")
            yield FocusButton(words("buttons", "next"), id="next", variant="primary")
        yield StatusLine(self._status, id="status", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self._ready = True
        self.go_to(self.index, self._pointed)

    # ----- showing a step ---------------------------------------------------------------

    def texts(self) -> dict[str, str]:
        """The words of this step, by the id of the Static that shows them."""
        page = self.page
        text = page.words
        return {
            # Stepping stones and activities say which phase they are, not only the part.
            "step-header": f"{self.flow.step_label(page)}  |  {text.get('phase', page.part_name)}",
            "question": text["question"],
            "subject": f'"{shown(look_back.subject(self.keeper.plan, page))}"' if page.item else "",
            "hint": self.pane.hint(page),
            "explain": text.get("explain", ""),
            "example": words("app", "example_prefix") + " " + text["example"],
            "tip": words("app", "tip_prefix") + " " + text["tip"],
        }

    def go_to(self, index: int, point_at: str | None = None) -> None:
        """Show step ``index``; ``point_at`` is the key of a row to start on, if it has rows."""
        self.index = index
        self.fixing_from = None
        if not self._ready:
            self._pointed = point_at
            return
        page, pane = self.page, self.pane
        for name, text in self.texts().items():
            self.query_one(f"#{name}", Static).update(text)
        self.query_one("#explain").display = bool(page.words.get("explain"))
        self.query_one("#subject").display = bool(page.item)
        self.query_one("#example").display = False
        self.query_one("#example-button", FocusButton).set_words(words("buttons", "example"))
        self.query_one("#next", FocusButton).set_words(pane.next_label())
        self.query_one("#skip").display = pane.can_skip
        for kind in PANE_KINDS:  # the styles of a step follow the kind of pane it is on
            self.set_class(page.pane == kind, f"-{kind}")
        pane.show(page)
        self.set_class(page.pane == "check" and bool(self.query_one(CheckPane).findings), "-gaps")
        self.query_one(ContentSwitcher).current = pane.id
        self.give_room()
        pane.point_at(point_at)
        self.query_one("#body", VerticalScroll).scroll_home(animate=False, immediate=True)
        self.set_focus(None)
        pane.focus_first()
        self.post_message(self.StepShown())

    @on(Pane.RoomChanged)
    def give_room(self) -> None:
        """The pane shown, and the switcher that holds it, are at least as tall as the pane needs;
        the switcher shows other panes too, so it is set here, for the pane on show now."""
        pane = self.pane
        least = pane.least_height() if pane.display else None
        for box in (pane, self.query_one(ContentSwitcher)):
            now = box.styles.inline.min_height  # set here, not the stylesheet's
            if (now.value if now is not None else None) != least:
                box.styles.min_height = least

    def on_resize(self, event: events.Resize) -> None:
        # 24 rows is not a "short" window elsewhere, but on the check step it would leave the drawing 6.
        self.set_class(event.size.height <= TIGHT_HEIGHT, "-tight")

    # ----- what Next, Back and Skip do ------------------------------------------------------

    def keep_answer(self) -> bool:
        """Store what is on screen in the plan. False: stay on this step."""
        return self.pane.keep()

    @on(FocusButton.Pressed, "#next")
    @on(Pane.GoNext)
    def action_next(self) -> None:
        if self.pane.ends:
            self.finish()
        elif self.keep_answer():
            self.move(self.flow.next_index(self.index, self.keeper.plan))

    @on(FocusButton.Pressed, "#skip")
    def action_skip(self) -> None:
        """Skip keeps anything already typed: skipping never throws an answer away."""
        if self.keep_answer():
            self.move(self.flow.next_index(self.index, self.keeper.plan))

    @on(FocusButton.Pressed, "#back")
    def action_back(self) -> None:
        if self.keep_answer():
            self.move(self.flow.previous_index(self.index, self.keeper.plan))

    def move(self, index: int | None) -> None:
        """Go on to a step; after fixing a gap, back to the check; past either end, to the welcome."""
        self.keeper.moved_on()  # a note about the last step does not follow to the next one
        check, self.fixing_from = self.fixing_from, None
        if check is not None:
            self.go_to(check)
        elif index is None:
            self.dismiss()
        else:
            self.go_to(index)

    @on(CheckPane.FixGap)
    def fix_gap(self, event: CheckPane.FixGap) -> None:
        """Go to the step that fills a gap, on the gap's row; Next and Back there come back here."""
        check = self.index
        self.keeper.moved_on(pinned=words("app", "fixing"))  # said until Next or Back takes them back
        self.go_to(self.flow.index_of(event.page_key), point_at=event.item)
        self.fixing_from = check

    def finish(self) -> None:
        """Finish ends with a warm word and where the plan is, not a silent jump to the start."""
        from backmap.screens.dialogs import WellDoneScreen

        lines = self.pane.finish()
        self.app.push_screen(WellDoneScreen(lines), callback=self._after_done)

    def _after_done(self, choice: str | None) -> None:
        if choice == "start":
            self.dismiss()
        elif choice == "quit":
            self.post_message(self.QuitAsked())

    def action_save(self) -> None:
        self.keep_answer()
        self.keeper.say("")
        self.keeper.save()

    def action_goto(self) -> None:
        from backmap.screens.dialogs import GotoScreen

        self.keep_answer()
        self.app.push_screen(GotoScreen(self.flow, self.index), callback=self._go_to_chosen)

    def _go_to_chosen(self, index: int | None) -> None:
        if index is not None:
            self.keeper.moved_on()
            self.go_to(index)

    def action_pathway(self) -> None:
        """The pathway drawn, from any step; the answer on screen is kept first."""
        from backmap.screens.pathway import PathwayScreen

        self.keep_answer()
        self.app.push_screen(PathwayScreen(self.keeper.plan))

    # ----- help on every step ---------------------------------------------------------------

    @on(FocusButton.Pressed, "#example-button")
    def toggle_example(self) -> None:
        example = self.query_one("#example")
        example.display = not example.display
        label = "hide_example" if example.display else "example"
        self.query_one("#example-button", FocusButton).set_words(words("buttons", label))
        if example.display:
            example.scroll_visible(animate=False)

    @on(FocusButton.Pressed, "#glossary-button")
    async def open_glossary(self) -> None:
        await self.run_action("app.glossary")

    def spoken_text(self) -> str:
        """What read aloud says on this step (one rule for every step: read_aloud.interview_words)."""
        from backmap.read_aloud import interview_words

        return interview_words(self)
