"""Lines that stay on screen: where you are, and whether your answers are saved."""

from __future__ import annotations

from textual.widgets import Static


class StepHeader(Static):
    """ "Step 3 of 10 - Impact", always in the same place."""


class StatusLine(Static):
    """ "Saved at 10:15." It stays until the next save: no message lives only in a toast."""
