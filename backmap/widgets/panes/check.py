"""The pane of the check step: what is missing, each with a way to fix it, and the pathway drawn."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Static

from backmap.core import checks
from backmap.core.checks import Finding
from backmap.core.flow import Page
from backmap.widgets.choices import Choice, MarkedList
from backmap.widgets.panes.pane import Pane
from backmap.widgets.pathway_view import PathwayView


class CheckPane(Pane):
    can_skip = False
    # On the drawing (no gaps), Enter goes on: the gaps' list uses Enter itself, to fix one.
    BINDINGS = [Binding("enter", "go_on", show=False)]

    class FixGap(Message):
        """Go to the step that fills a gap, on the gap's row."""

        def __init__(self, page_key: str, item: str | None) -> None:
            super().__init__()
            self.page_key = page_key
            self.item = item

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.findings: list[Finding] = []

    def compose(self) -> ComposeResult:
        yield MarkedList([], id="findings")
        yield Static("", id="pathway-title", markup=False)
        yield PathwayView(None, id="pathway")

    def hint(self, page: Page) -> str:
        """The hint says how many gaps there are: the list may show only two at once."""
        self.findings = checks.run(self.keeper.plan)
        words = page.words
        if not self.findings:
            return f"{words['none']} {words['go_on']}"
        if len(self.findings) == 1:
            return words["hint_one"]
        return words["hint_many"].format(count=len(self.findings))

    def show(self, page: Page) -> None:
        super().show(page)
        gaps = self.query_one("#findings", MarkedList)
        gaps.set_choices([Choice(f.page or "", f.message) for f in self.findings])
        gaps.display = bool(self.findings)
        self.query_one("#pathway-title", Static).update(page.words["pathway"])
        self.query_one("#pathway", PathwayView).show_plan(self.keeper.plan)

    def spoken_answer(self) -> str:
        """Read aloud: the real gaps, one by one (the hint has said how many)."""
        return " ".join(finding.message for finding in self.findings)

    def spoken(self, words: dict[str, str]) -> list[str]:
        """The real gaps, never the step's example of one (it is not a gap in this plan)."""
        return [self.spoken_answer()]

    def focus_first(self) -> None:
        """Start where Up and Down do what the words say: on the gaps, or else on the drawing
        (its words say "Use the up and down keys")."""
        if self.findings:
            self.screen.set_focus(self.query_one("#findings", MarkedList), scroll_visible=False)
        else:
            view = self.query_one("#pathway", PathwayView)
            self.screen.set_focus(view, scroll_visible=False)
            # Focus came before the step was laid out: once it is, show the drawing as focus does.
            self.call_after_refresh(self._drawing_in_sight)

    def _drawing_in_sight(self) -> None:
        view = self.query_one("#pathway", PathwayView)
        if view.has_focus:
            view.on_focus()

    def action_go_on(self) -> None:
        self.post_message(self.GoNext())

    @on(MarkedList.OptionSelected, "#findings")
    def fix(self, event: MarkedList.OptionSelected) -> None:
        event.stop()
        finding = self.findings[event.option_index]
        if finding.page:
            self.post_message(self.FixGap(finding.page, finding.id))
