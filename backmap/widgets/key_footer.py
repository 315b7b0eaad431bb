"""The footer that names the keys: in a narrow window on two lines, so no key is cut off."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer

# Keys in a row of a narrow window's footer: "Ctrl+G Go to step" fits in a third of 60 columns.
NARROW_COLUMNS = 3


class KeyFooter(Footer):
    """Textual's footer sets its own number of columns; a narrow window (the app's
    ``-narrow`` class, see backmap.tcss) wants three, so the keys go on two lines."""

    def compose(self) -> ComposeResult:
        yield from super().compose()
        if self.app.has_class("-narrow"):
            self.styles.grid_size_columns = NARROW_COLUMNS

    def on_resize(self) -> None:
        self.refresh(recompose=True)  # narrow or wide: the number of columns follows
