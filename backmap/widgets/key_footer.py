"""The footer that names the keys: in a narrow window on two lines, so no key is cut off."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer


class KeyFooter(Footer):
    """Textual's footer sets its number of columns in its own style, over the stylesheet.

    This one leaves it to backmap.tcss: a narrow window (the app's ``-narrow`` class) has
    three columns on two lines. The stylesheet follows the class as soon as it changes,
    so no resize handler has to run before another.
    """

    def compose(self) -> ComposeResult:
        yield from super().compose()
        self.styles.grid_size_columns = None
