"""Step 10: the summary as it is saved, and where the files are."""

from __future__ import annotations

import re

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from backmap.core import render
from backmap.screens.step import StepScreen, words
from backmap.widgets.hanging import Hanging

_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_BOLD = re.compile(r"(?<!\\)\*\*")
_ESCAPE = re.compile(r"\\(.)")


def preview(summary: str) -> Hanging:
    """The Markdown summary as plain text for the screen, with bold headings.

    One Static, not Textual's Markdown widget: that widget makes a widget for every
    line and loads a code highlighter for the Mermaid pictures, about 20 MB for this
    summary on an old laptop (see bench/). The pictures are left out here; the list
    after each picture says the same in words. Typed words stay plain text. A line of
    a list ("- ") wraps under its words, not under the dash.
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


class FinishScreen(StepScreen):
    can_skip = False

    def compose_answer(self) -> ComposeResult:
        yield Static(self.files_text(), id="files", markup=False)
        # Its own scrolling box, so the summary can be read with Up, Down and Page keys.
        with VerticalScroll(id="preview-box", can_focus=True):
            yield Static(preview(render.markdown(self.plan)), id="preview")

    def files_text(self) -> str:
        session = self.backmap.session
        lines = [words("finish", "where")]
        if session is not None and session.path is not None:
            text = self.page.words
            lines.append(f"{text['saved_plan']}: {session.path.resolve()}")
            lines.append(f"{text['saved_summary']}: {session.summary_path.resolve()}")  # type: ignore[union-attr]
            page = session.page_path
            if page is not None and page.exists():
                lines.append(f"{text['saved_page']}: {page.resolve()}")
                lines.append(words("finish", "print_page"))
            else:
                lines.append(words("finish", "print"))
        else:
            lines.append(words("app", "not_saved"))
        return "\n".join(lines)

    def focus_first(self) -> None:
        self.query_one("#next").focus()

    def next_label(self) -> str:
        return words("buttons", "finish")

    def action_next(self) -> None:
        """Finish ends with a warm word and where the plan is, not a silent jump to the start."""
        from backmap.screens.dialogs import WellDoneScreen

        self.app.push_screen(WellDoneScreen(self.done_lines()), callback=self.after_done)

    def done_lines(self) -> list[str]:
        """Three short blocks: thanks, where the plan is, what to do now.

        Say "saved" only when it is true: a read-only plan or a failed save says so instead.
        """
        session = self.backmap.session
        last = session.last_save if session is not None else None
        path = session.path if session is not None else None
        writes = session is not None and not session.read_only
        if writes and path is not None and path.exists() and (last is None or last.ok):
            folder = str(path.parent.resolve())
            where = [words("done", "saved"), folder, words("done", "called", name=path.name)]
        else:
            where = [self.backmap.status_text()]
        next_steps = [words("done", "start"), words("done", "stop")]
        return ["\n".join(block) for block in ([words("done", "thanks")], where, next_steps)]

    def after_done(self, choice: str | None) -> None:
        if choice == "start":
            self.backmap.go_next(self.index)  # the last step: back to the welcome screen
        elif choice == "quit":
            self.backmap.action_save_and_quit()
