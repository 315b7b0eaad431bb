"""The answer box: wraps long answers so people can read them back, and Enter means Next."""

from __future__ import annotations

from textual.message import Message

from backmap import compat
from backmap.compat import KeyboardTextArea
from backmap.core.safe_text import shown, stored


class AnswerBox(KeyboardTextArea):
    """A one-paragraph answer. Enter sends it on; it never inserts a new line."""

    class Submitted(Message):
        def __init__(self, box: AnswerBox) -> None:
            super().__init__()
            self.box = box

        @property
        def control(self) -> AnswerBox:
            return self.box

    def __init__(self, text: str = "", **kwargs: object) -> None:
        super().__init__(
            shown(text),
            soft_wrap=True,
            tab_behavior="focus",
            show_line_numbers=False,
            **kwargs,  # type: ignore[arg-type]
        )
        self.cursor_blink = False

    @property
    def answer(self) -> str:
        return stored(" ".join(self.text.split("\n")).strip())

    def load_text(self, text: str) -> None:
        """Put words in the box with the cursor after the last one, so typing adds to them."""
        super().load_text(shown(text))
        self.move_cursor_to_end()

    def move_cursor_to_end(self) -> None:
        last = self.document.line_count - 1
        self.move_cursor((last, len(self.document.get_line(last))))

    def clean_typed(self, text: str) -> str:
        # A pasted escape sequence is drawn, not obeyed; line ends from other computers are line ends.
        return shown(text.replace("\r\n", "\n").replace("\r", "\n"))

    def enter_pressed(self) -> None:
        self.post_message(self.Submitted(self))

    def on_unmount(self) -> None:
        # Textual 8.2.8 keeps a removed TextArea on the app's theme watchers: let it go.
        self.app.call_later(compat.forget_gone_watchers, self.app)

    def on_focus(self) -> None:
        # Land after the last word, so typing adds to the answer and never replaces it.
        self.move_cursor_to_end()
        # A box just shown (a pane that takes its turn) is laid out after this: follow it there.
        self.call_after_refresh(self.show_terminal_cursor)

    def show_terminal_cursor(self) -> None:
        if self.has_focus:
            self.app.cursor_position = self.cursor_screen_offset
