"""The answer box: wraps long answers so people can read them back, and Enter means Next."""

from __future__ import annotations

from textual import events
from textual.message import Message
from textual.widgets import TextArea
from textual.widgets.text_area import EditResult, Location

from backmap.core.safe_text import shown, stored


class AnswerBox(TextArea):
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
        super().load_text(shown(text))

    def _replace_via_keyboard(self, insert: str, start: Location, end: Location) -> EditResult | None:
        # Typed and pasted text both come through here: a pasted escape sequence is drawn, not obeyed.
        # Line ends pasted from other computers (CR LF, CR) are line ends, not pictures.
        insert = insert.replace("\r\n", "\n").replace("\r", "\n")
        return super()._replace_via_keyboard(shown(insert), start, end)

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.post_message(self.Submitted(self))
            return
        await super()._on_key(event)

    def on_focus(self) -> None:
        # Land after the last word, so typing adds to the answer and never replaces it.
        last = self.document.line_count - 1
        self.move_cursor((last, len(self.document.get_line(last))))
