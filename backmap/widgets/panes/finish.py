"""The pane of the last step: where the files are, and the summary as it is saved."""

from __future__ import annotations

import re

from textual.app import ComposeResult
from textual.widgets import Static

from backmap.content import word as words
from backmap.core import render
from backmap.core.flow import Page
from backmap.widgets.hanging import Hanging
from backmap.widgets.more import MoreScroll
from backmap.widgets.panes.pane import Pane

_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_BOLD = re.compile(r"(?<!\\)\*\*")
_ESCAPE = re.compile(r"\\(.)")


def preview(summary: str) -> Hanging:
    """The Markdown summary as plain text for the screen, with bold headings.

    One Static, not Textual's Markdown widget, which costs about 20 MB for this summary
    (bench/README.md). The pictures are left out; the list after each says the same in
    words. Typed words stay plain text. A line of a list wraps under its words.
    """
    blocks: list[tuple[int, str, str]] = []
    fenced = False
    blank = False
    for line in summary.splitlines():
        if line.startswith("```"):
            fenced = not fenced
            continue
        if fenced or (blank and not line.strip()):
            continue
        blank = not line.strip()
        heading = _HEADING.match(line)
        words_only = _ESCAPE.sub(r"\1", _BOLD.sub("", heading.group(2) if heading else line))
        style = ("bold underline" if len(heading.group(1)) == 1 else "bold") if heading else ""
        indent = len(words_only) - len(words_only.lstrip(" "))  # a list inside a list keeps its place
        blocks.append((indent, words_only.lstrip(" "), style))
    return Hanging(blocks)


# Rows the summary's box keeps at least (its border and three lines): below that the page scrolls.
SMALLEST_BOX = 5


class FinishPane(Pane):
    can_skip = False
    ends = True

    def compose(self) -> ComposeResult:
        yield Static("", id="files", markup=False)
        # Its own scrolling box, so the summary can be read with Up, Down and Page keys.
        with MoreScroll(id="preview-box", can_focus=True):
            yield Static("", id="preview")

    def show(self, page: Page) -> None:
        super().show(page)
        self.query_one("#files", Static).update(self.files_text(page))
        self.query_one("#preview", Static).update(preview(render.markdown(self.keeper.plan)))
        self.query_one("#preview-box", MoreScroll).scroll_home(animate=False, immediate=True)
        self.call_after_refresh(self.post_message, self.RoomChanged())  # once the file names are laid out

    def on_resize(self) -> None:
        # The file names wrap anew at a new width.
        self.call_after_refresh(self.post_message, self.RoomChanged())

    def least_height(self) -> int | None:
        """The file names, with the space above them, and the box at no less than SMALLEST_BOX:
        the box takes the room left, and in a small window the page scrolls to it."""
        files = self.query_one("#files", Static)
        return files.region.bottom - self.region.y + SMALLEST_BOX

    def files_text(self, page: Page) -> str:
        session = self.keeper.session
        lines = [words("finish", "where")]
        if session is not None and session.path is not None:
            text = page.words
            lines.append(f"{text['saved_plan']}: {session.path.resolve()}")
            lines.append(f"{text['saved_summary']}: {session.summary_path.resolve()}")  # type: ignore[union-attr]
            page_path = session.page_path
            if page_path is not None and page_path.exists():
                lines.append(f"{text['saved_page']}: {page_path.resolve()}")
                lines.append(words("finish", "print_page"))
            else:
                lines.append(words("finish", "print"))
        else:
            lines.append(words("app", "not_saved"))
        return "\n".join(lines)

    def spoken_answer(self) -> str:
        """Read aloud: where the files are."""
        assert self.page is not None
        return self.files_text(self.page).replace("\n", " ")

    def focus_first(self) -> None:
        self.screen.set_focus(self.screen.query_one("#next"), scroll_visible=False)

    def next_label(self) -> str:
        return words("buttons", "finish")

    def finish(self) -> list[str]:
        return self.done_lines()

    def done_lines(self) -> list[str]:
        """Three short blocks: thanks, where the plan is, what to do now.

        Say "saved" only when it is true: a read-only plan or a failed save says so instead.
        """
        session = self.keeper.session
        last = session.last_save if session is not None else None
        path = session.path if session is not None else None
        writes = session is not None and not session.read_only
        if writes and path is not None and path.exists() and (last is None or last.ok):
            folder = str(path.parent.resolve())
            where = [words("done", "saved"), folder, words("done", "called", name=path.name)]
        else:
            where = [self.keeper.status_text()]
        next_steps = [words("done", "start"), words("done", "stop")]
        return ["\n".join(block) for block in ([words("done", "thanks")], where, next_steps)]
