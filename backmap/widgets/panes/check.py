"""The pane of the check step: what is missing, each with a way to fix it, and the pathway drawn."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
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
            return words["none"]
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

    def focus_first(self) -> None:
        if self.findings:
            self.screen.set_focus(self.query_one("#findings", MarkedList), scroll_visible=False)
        else:
            self.screen.set_focus(self.screen.query_one("#next"), scroll_visible=False)

    @on(MarkedList.OptionSelected, "#findings")
    def fix(self, event: MarkedList.OptionSelected) -> None:
        event.stop()
        finding = self.findings[event.option_index]
        if finding.page:
            self.post_message(self.FixGap(finding.page, finding.id))
