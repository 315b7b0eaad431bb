"""Buttons whose focus shows without colour: a marker in the label, and a thick border."""

from __future__ import annotations

from textual.widgets import Button

from backmap.widgets.cursor import place_cursor

MARK = "> "


class FocusButton(Button):
    """A button that shows "> " when it has focus, so focus is clear in any colours."""

    DEFAULT_CSS = """
    FocusButton { min-width: 8; }
    """

    def __init__(self, label: str, **kwargs: object) -> None:
        self._plain_label = label
        super().__init__(f"  {label}", **kwargs)  # type: ignore[arg-type]

    def update_node_styles(self, animate: bool = True) -> None:
        # Button.__init__ sets its variant and style classes, and each change restyles
        # the button, twice per button before it is even on a screen (about a fifth of
        # the time a step takes to open, see bench/). Mounting styles it anyway.
        if self.parent is not None:
            super().update_node_styles(animate)

    def action_press(self) -> None:
        """Enter presses the button every time.

        Textual's Button ignores Enter for 0.2 s after a press (while it shows "-active").
        Keys typed ahead come in a burst once a screen is ready, so a quick "Done, Add,
        words" reached the Add button inside that time: the press was dropped and the
        words after it went nowhere. Every Enter a person presses is meant.
        """
        self.press()

    def set_words(self, label: str) -> None:
        self._plain_label = label
        self.label = (MARK if self.has_focus else "  ") + label

    def on_focus(self) -> None:
        self.label = MARK + self._plain_label
        self.call_after_refresh(place_cursor, self, self.content_region.height // 2, 0)

    def on_blur(self) -> None:
        self.label = "  " + self._plain_label

    @property
    def words(self) -> str:
        return self._plain_label
