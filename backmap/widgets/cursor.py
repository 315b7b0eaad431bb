"""Keep the terminal cursor on the focused control.

Screen magnifiers and braille displays follow the terminal cursor, so every
control we focus, not only text boxes, moves it to itself.
"""

from __future__ import annotations

from textual.geometry import Offset
from textual.widget import Widget


def place_cursor(widget: Widget, row: int = 0, column: int = 0) -> None:
    """Put the terminal cursor at a cell inside the widget's content."""
    region = widget.content_region
    if not region.width or not region.height:
        return
    place = Offset(
        region.x + min(column, region.width - 1),
        region.y + min(max(row, 0), region.height - 1),
    )
    if widget.app.cursor_position != place:
        widget.app.cursor_position = place
        # The terminal hears where the cursor is only with the next update: ask for one.
        widget.refresh()
