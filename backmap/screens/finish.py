"""Step 10: the summary as it is saved, and where the files are."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import Markdown, Static

from backmap import render
from backmap.screens.step import StepScreen, words


class FinishScreen(StepScreen):
    can_skip = False

    def compose_answer(self) -> ComposeResult:
        yield Static(self.files_text(), id="files", markup=False)
        yield Markdown(render.markdown(self.plan), id="preview", open_links=False)

    def files_text(self) -> str:
        session = self.backmap.session
        lines = [words("finish", "where")]
        if session is not None and session.path is not None:
            text = self.page.words
            lines.append(f"{text['saved_plan']}: {session.path.resolve()}")
            lines.append(f"{text['saved_summary']}: {session.summary_path.resolve()}")  # type: ignore[union-attr]
            page = session.path.with_suffix(".html")
            if page.exists():
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

    @on(Markdown.LinkClicked)
    def no_links(self, event: Markdown.LinkClicked) -> None:
        event.prevent_default()
