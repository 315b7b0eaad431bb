"""Rows of the benchmark table: a figure, its baseline, their ratio and the target."""

from __future__ import annotations

import statistics
from dataclasses import dataclass


@dataclass
class Row:
    """One line of the table; times in seconds, memory in KiB, or counts of instructions."""

    name: str
    baseline_name: str
    figure: list[float]
    baseline: list[float]
    target: float | None  # None: a reference row, shown for its figures, never failed
    unit: str = "ms"  # "ms", "MiB" or "instructions"
    fixed: bool = False  # the baseline is a fixed limit (target 1x): the target shows the limit

    @property
    def ratio_text(self) -> str:
        shown = f"{self.ratio:.2f}x"
        # On the edge, more decimals: 1.0503x against 1.05x must not show as a failing "1.05x".
        if self.target is not None and not self.fixed:
            digits = 2
            while digits < 6 and shown == f"{self.target:.{digits}f}x" and self.ratio != self.target:
                digits += 1
                shown = f"{self.ratio:.{digits}f}x"
        return shown

    @property
    def target_text(self) -> str:
        if self.target is None:
            return "-"
        if self.fixed:
            return f"<= {self.shown(self.baseline_median)}"
        return f"<= {self.target:g}x"

    @property
    def figure_median(self) -> float:
        return statistics.median(self.figure)

    @property
    def baseline_median(self) -> float:
        return statistics.median(self.baseline)

    @property
    def ratio(self) -> float:
        return self.figure_median / self.baseline_median

    @property
    def passed(self) -> bool:
        return self.target is None or self.ratio <= self.target

    @property
    def result(self) -> str:
        if self.target is None:
            return "reference"
        return "pass" if self.passed else "FAIL"

    def shown(self, value: float) -> str:
        if self.unit == "MiB":
            return f"{value / 1024:.1f} MiB"
        if self.unit == "instructions":
            return f"{value / 1e6:,.0f} million"
        return f"{value * 1000:.1f} ms"


HEADER = ("figure", "median", "baseline", "baseline median", "ratio", "target", "result", "samples")


def render(rows: list[Row]) -> str:
    """The table as Markdown, so it can go into the README as it is."""
    lines = [
        "| " + " | ".join(HEADER) + " |",
        "|" + "|".join("---" for _ in HEADER) + "|",
    ]
    for row in rows:
        cells = (
            row.name,
            row.shown(row.figure_median),
            row.baseline_name,
            row.shown(row.baseline_median),
            row.ratio_text,
            row.target_text,
            row.result,
            f"{len(row.figure)}+{len(row.baseline)}",
        )
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)
