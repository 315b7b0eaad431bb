"""Rows of words whose wrapped lines stay under their first letter, not under the mark.

A row of a list starts with room for "> " and a box; its words wrap onto more lines
when the window is narrow. Written as one string with spaces in front, the wrapped
lines started at the left edge, under the mark, and looked like rows of their own.
"""

from __future__ import annotations

from textual.content import Content
from textual.css.styles import RulesMap
from textual.geometry import Spacing
from textual.strip import Strip
from textual.style import Style
from textual.visual import Padding, RenderOptions, Visual


class Hanging(Visual):
    """Blocks of words one under the other, each wrapped inside its own left indent."""

    def __init__(self, blocks: list[tuple[int, str]]) -> None:
        self._blocks: list[Visual] = [
            Padding(Content(words), Spacing(0, 0, 0, indent)) for indent, words in blocks
        ]

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return max((block.get_optimal_width(rules, container_width) for block in self._blocks), default=0)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return sum(block.get_height(rules, width) for block in self._blocks)

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        strips: list[Strip] = []
        for block in self._blocks:
            strips.extend(block.render_strips(width, None, style, options))
        return strips if height is None else strips[:height]
