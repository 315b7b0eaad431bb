"""Step 9: what is missing, each with a way to fix it, and the pathway drawn."""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.widgets import Static

from backmap.core import checks, flow
from backmap.screens.step import StepScreen
from backmap.widgets.choices import Choice, MarkedList
from backmap.widgets.pathway_view import PathwayView

TIGHT_HEIGHT = 24  # rows: at this height and under, the check step drops two blank lines


class CheckScreen(StepScreen):
    can_skip = False

    def texts(self) -> dict[str, str]:
        """The hint says how many gaps there are: the list may show only two at once."""
        self.findings = checks.run(self.plan)
        text = super().texts()
        words = self.page.words
        if not self.findings:
            text["hint"] = words["none"]
        elif len(self.findings) == 1:
            text["hint"] = words["hint_one"]
        else:
            text["hint"] = words["hint_many"].format(count=len(self.findings))
        return text

    def compose_answer(self) -> ComposeResult:
        text = self.page.words
        # With gaps the list and the drawing share the room (see CheckScreen in backmap.tcss).
        self.set_class(bool(self.findings), "-gaps")
        if self.findings:
            rows = [Choice(f.page or "", f.message) for f in self.findings]
            yield MarkedList(rows, id="findings")
        yield Static(text["pathway"], id="pathway-title", markup=False)
        yield PathwayView(self.plan, id="pathway")

    def on_resize(self, event: events.Resize) -> None:
        # 24 rows is not a "short" window elsewhere, but here it would leave the drawing 6 rows.
        self.set_class(event.size.height <= TIGHT_HEIGHT, "-tight")

    def focus_first(self) -> None:
        if self.findings:
            self.query_one("#findings", MarkedList).focus()
        else:
            self.query_one("#next").focus()

    @on(MarkedList.OptionSelected, "#findings")
    def fix(self, event: MarkedList.OptionSelected) -> None:
        """Jump to the step that fixes the chosen finding."""
        finding = self.findings[event.option_index]
        if finding.page:
            self.backmap.fix_gap(flow.index_of(finding.page), self.index, finding.id)
