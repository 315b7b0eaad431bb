"""Rows of words whose wrapped lines stay under their first letter, not under the mark.

A row of a list starts with room for "> " and a box; its words wrap onto more lines
when the window is narrow. Written as one string with spaces in front, the wrapped
lines started at the left edge, under the mark, and looked like rows of their own.
A line that starts with "- " (a name in a list of names) wraps under the name, not
under the dash, for the same reason.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

BULLET = "- "


class _Block:
    """One line of words: ``indent`` blank cells, then ``head`` on the first line only."""

    def __init__(self, indent: int, words: str, style: str = "") -> None:
        self.head = BULLET if words.startswith(BULLET) else ""
        self.indent = indent
        rest = words[len(self.head) :]
        self.words = Content.styled(rest, style) if style else Content(rest)

    @property
    def left(self) -> int:
        return self.indent + len(self.head)

    def height(self, rules: RulesMap, width: int) -> int:
        return self.words.get_height(rules, max(1, width - self.left))

    def strips(self, width: int, style: Style, options: RenderOptions) -> list[Strip]:
        room = width - self.left
        if room <= 0:
            return []
        rich_style = style.rich_style
        lines = self.words.render_strips(room, None, style, options)
        first = [Segment(" " * self.indent + self.head, rich_style)]
        gap = [Segment(" " * self.left, rich_style)]
        return [
            Strip.join([Strip(first if number == 0 else gap, self.left), line])
            for number, line in enumerate(lines)
        ]


class Hanging(Visual):
    """Lines of words one under the other, each wrapped inside its own left indent."""

    def __init__(self, blocks: list[tuple[int, str]] | list[tuple[int, str, str]]) -> None:
        """Each block: its indent, its words, and optionally a style for them ("bold")."""
        self._blocks = [_Block(*block) for block in blocks]
        # Lists measure every row again on each layout; the same words at the same width wrap
        # the same way, so a row is wrapped once per width (25,000 rows took 10 s to show).
        self._heights: dict[int, int] = {}

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return max(
            (block.left + block.words.get_optimal_width(rules, container_width) for block in self._blocks),
            default=0,
        )

    def get_height(self, rules: RulesMap, width: int) -> int:
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = sum(block.height(rules, width) for block in self._blocks)
        return height

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        strips: list[Strip] = []
        for block in self._blocks:
            strips.extend(block.strips(width, style, options))
        return strips if height is None else strips[:height]
