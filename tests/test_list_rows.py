"""A row whose words wrap keeps its wrapped lines under its first letter.

Wrapped lines that started at the left edge, under "> " and "[x]", looked like rows
of their own: seen in a real terminal on the stepping stones step.
"""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Static

from backmap.widgets.choices import Choice, MarkedList
from backmap.widgets.panes.finish import preview

LONG = "People learn how to cook safely and plan a menu that everyone in the group can eat"
DETAIL = "Helped by the cooking club, the garden group and the Friday cafe meetings"


class OneList(App[None]):
    def __init__(self, mode: str) -> None:
        super().__init__()
        self.mode = mode

    def compose(self) -> ComposeResult:
        rows = [Choice("a", LONG, detail=DETAIL), Choice("b", "Short one")]
        yield MarkedList(rows, mode=self.mode, id="rows")


def lines_of(marked: MarkedList) -> list[str]:
    return [marked.render_line(y).text.rstrip() for y in range(marked.size.height)]


def start(line: str) -> int:
    return len(line) - len(line.lstrip())


@pytest.mark.parametrize(("mode", "marks"), [("plain", "> "), ("check", "> [ ] ")])
async def test_wrapped_lines_start_under_the_first_letter(mode: str, marks: str) -> None:
    app = OneList(mode)
    async with app.run_test(size=(40, 16)) as pilot:
        marked = app.query_one("#rows", MarkedList)
        marked.focus()
        await pilot.pause()
        lines = lines_of(marked)
        first = lines[0]
        assert first.lstrip().startswith(marks + "People"), lines
        words = first.index("People")
        detail = next(i for i, line in enumerate(lines) if line.lstrip().startswith("Helped by"))
        short = next(i for i, line in enumerate(lines) if "Short one" in line)
        assert detail >= 2 and short >= detail + 2, lines  # the words and the detail both wrap
        # Every wrapped line lines up with the line it carries on; the detail sits two further in.
        assert all(start(line) == words for line in lines[1:detail]), lines
        assert all(start(line) == words + 2 for line in lines[detail:short]), lines
        assert lines[short].index("Short one") == words, lines
        # Every word is still there, in order.
        assert " ".join(line.strip() for line in lines[:detail]).endswith(LONG)
        assert " ".join(line.strip() for line in lines[detail:short]) == DETAIL


async def test_a_name_in_a_list_of_names_wraps_under_the_name() -> None:
    app = OneList("plain")
    async with app.run_test(size=(40, 16)) as pilot:
        marked = app.query_one("#rows", MarkedList)
        marked.set_choices([Choice("a", "A meeting", more="- " + DETAIL)])
        marked.focus()
        await pilot.pause()
        lines = lines_of(marked)
        words = lines[0].index("A meeting")
        assert lines[1].index("- Helped by") == words + 2, lines
        assert all(start(line) == words + 4 for line in lines[2:] if line.strip()), lines
        assert " ".join(line.strip() for line in lines[1:]).strip() == "- " + DETAIL


class OneSummary(App[None]):
    def compose(self) -> ComposeResult:
        yield Static(preview(f"# Our plan\n\n- {DETAIL}\n- Short one\n"), id="preview")


async def test_the_summary_on_the_finish_step_wraps_a_list_under_its_words() -> None:
    app = OneSummary()
    async with app.run_test(size=(40, 16)) as pilot:
        await pilot.pause()
        shown = app.query_one("#preview", Static)
        lines = [shown.render_line(y).text.rstrip() for y in range(shown.size.height)]
        assert lines[:2] == ["Our plan", ""], lines
        short = next(i for i, line in enumerate(lines) if "Short one" in line)
        assert lines[2].startswith("- Helped by") and short > 3, lines
        assert all(start(line) == 2 for line in lines[3:short]), lines
        assert lines[short] == "- Short one"
