"""The pathway drawn in text: it fits, shows every answer, names the gaps and trusts no typed text."""

from __future__ import annotations

import gc
import re

import pytest

from backmap.core import pathway_drawing, store
from backmap.core.pathway_drawing import MARK, Drawing, Item, cell_index, cells
from backmap.core.plan import Plan
from backmap.core.render import plain_text
from tests.example_plans import EXAMPLE, big_plan

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
HOSTILE = "[bold]Loud[/bold] [@click=app.quit]quit[/] \x1b[2Jgone\x07 \x1b]0;title\x07 end"
WIDTHS = (1, 5, 12, 20, 40, 50, 67, 68, 72, 80, 120)


@pytest.fixture
def example() -> Plan:
    return store.load(EXAMPLE)


def gap_plan() -> Plan:
    """A stepping stone nobody helps, an activity that helps nothing, and hostile words."""
    plan = Plan()
    plan.impact.project = HOSTILE
    alone = plan.add_outcome("project", "Nobody helps this stepping stone yet")
    helped = plan.add_outcome("project", f"Helped {HOSTILE} 中文字符 👍🏽 and more words")
    plan.add_activity("project", "This activity helps nothing at all")
    plan.add_activity(
        "project", "Asupercalifragilisticexpialidociouswordthatistoolong for one line", outcomes=[helped.id]
    )
    plan.add_activity("coproduction", "From the other part", outcomes=[helped.id])
    assert alone.id != helped.id
    return plan


def item_text(drawing: Drawing, item: Item) -> str:
    """The words of one item, read from its rows and joined across wrapped lines."""
    parts = []
    for row in item.rows:
        line = drawing.lines[row]
        start = cell_index(line, item.column + MARK)
        end = cell_index(line, item.column + item.width)
        parts.append(line[start:end].rstrip(" ─┬┤┘│"))
    return " ".join(p for p in parts if p)


def fits(drawing: Drawing, width: int) -> None:
    for number, line in enumerate(drawing.lines):
        assert cells(line) <= width, (width, number, line)
        assert not CONTROL.search(line), (width, number, line)


def test_example_draws_in_three_columns_at_80(example: Plan) -> None:
    drawing = pathway_drawing.draw(example, 80)
    fits(drawing, 80)
    assert not drawing.stacked
    # Lines join the columns: an arrow ends just before each stepping stone that has help.
    for item in drawing.items:
        if item.kind == "stone":
            line = drawing.lines[item.top]
            assert line[cell_index(line, item.column) - 2] == "→", line
    text = "\n".join(drawing.lines)
    assert "┬─→" in text and "┘" in text


def test_example_stacks_at_50(example: Plan) -> None:
    drawing = pathway_drawing.draw(example, 50)
    fits(drawing, 50)
    assert drawing.stacked
    text = "\n".join(drawing.lines)
    assert "├─" in text and "└─" in text
    assert "Under each stepping stone are the activities that help it." in " ".join(drawing.lines)


@pytest.mark.parametrize("width", [80, 50])
def test_every_answer_appears(example: Plan, width: int) -> None:
    drawing = pathway_drawing.draw(example, width)
    shown = {(item.kind, item.id): item_text(drawing, item) for item in drawing.items}
    for outcome in example.outcomes:
        assert shown[("stone", outcome.id)].startswith(outcome.text), shown[("stone", outcome.id)]
    for activity in example.activities:
        assert shown[("activity", activity.id)].startswith(activity.text)
    assert shown[("impact", "impact-project")] == example.impact.project
    assert shown[("impact", "impact-coproduction")] == example.impact.coproduction
    # Both parts, each under its name.
    assert "The project" in drawing.lines and "Co-production" in drawing.lines


def test_items_and_links(example: Plan) -> None:
    drawing = pathway_drawing.draw(example, 80)
    by_key = {(item.kind, item.id): item for item in drawing.items}
    assert by_key[("stone", "o1")].links == {"a1", "a4", "impact-project"}
    assert by_key[("impact", "impact-coproduction")].links == {"o3", "o4"}
    # a4 (co-production) helps o1 (project) and o3: it is drawn under both, linked to both.
    copies = [item for item in drawing.items if item.id == "a4"]
    assert {item.part for item in copies} == {"project", "coproduction"}
    assert all(item.links == {"o1", "o3"} for item in copies)
    # Reading order: by row, then left to right; no two items share a mark cell.
    keys = [(item.top, item.column) for item in drawing.items]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    for item in drawing.items:
        line = drawing.lines[item.top]
        start = cell_index(line, item.column)
        assert line[start : start + MARK] == "  "


@pytest.mark.parametrize("width", [80, 50])
def test_gaps_are_named_in_words(width: int) -> None:
    plan = gap_plan()
    drawing = pathway_drawing.draw(plan, width)
    fits(drawing, width)
    alone = next(i for i in drawing.items if i.kind == "stone" and i.id == plan.outcomes[0].id)
    loose = next(i for i in drawing.items if i.kind == "activity" and i.id == plan.activities[0].id)
    assert "(needs an activity)" in item_text(drawing, alone)
    assert "(needs a stepping stone)" in item_text(drawing, loose)
    assert loose.links == frozenset()
    other = next(i for i in drawing.items if i.id == plan.activities[2].id)
    assert "(for co-production)" in item_text(drawing, other)
    # The words of the gaps are shown in bold as well, not only in colour.
    assert any(drawing.lines[row][start:end].startswith("(needs") for row, start, end in drawing.strong)


@pytest.mark.parametrize("width", [80, 50])
def test_hostile_text_is_shown_literally(width: int) -> None:
    plan = gap_plan()
    drawing = pathway_drawing.draw(plan, width)
    fits(drawing, width)
    text = " ".join(item_text(drawing, item) for item in drawing.items)
    assert "[bold]Loud[/bold]" in text
    # A "word" longer than a narrow column is cut into pieces, and still shows as typed.
    assert "[@click=app.quit]quit[/]" in text.replace(" ", "")
    assert "gone" in text and "\x1b" not in "".join(drawing.lines)
    assert "中文字符" in text and "👍🏽" in text
    impact = next(i for i in drawing.items if i.id == "impact-project")
    assert item_text(drawing, impact).replace(" ", "") == plain_text(HOSTILE).replace(" ", "")


@pytest.mark.parametrize("width", WIDTHS)
def test_any_width_fits(example: Plan, width: int) -> None:
    for plan in (example, gap_plan(), Plan()):
        drawing = pathway_drawing.draw(plan, width)
        fits(drawing, width)
        assert len([i for i in drawing.items if i.kind == "impact"]) == 2


def test_long_words_break_only_when_they_must() -> None:
    assert pathway_drawing.wrap("one two three four", 9) == ["one two", "three", "four"]
    assert pathway_drawing.wrap("abcdefghij", 4) == ["abcd", "efgh", "ij"]
    assert pathway_drawing.wrap("中文字符", 5) == ["中文", "字符"]
    assert pathway_drawing.wrap("", 10) == [""]


def test_empty_plan_says_so() -> None:
    for width in (80, 50):
        text = " ".join(pathway_drawing.draw(Plan(), width).lines)
        assert "There are no stepping" in text
        assert "Not written yet." in text


@pytest.mark.parametrize("width", [80, 50])
def test_a_thousand_activities(width: int) -> None:
    plan = big_plan()
    drawing = pathway_drawing.draw(plan, width)
    fits(drawing, width)
    assert len({i.id for i in drawing.items if i.kind == "activity"}) == 1000
    assert len([i for i in drawing.items if i.kind == "stone"]) == 100


def test_plain_words_and_lines_are_written_without_splitting_graphemes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Nearly every cell is plain text or a line: those go onto the canvas in one slice.

    Splitting text into graphemes one by one made a big plan's drawing several times slower.
    """
    calls: list[str] = []
    real = pathway_drawing._graphemes

    def counting(text: str) -> list[tuple[str, int]]:
        calls.append(text)
        return real(text)

    monkeypatch.setattr(pathway_drawing, "_graphemes", counting)
    drawing = pathway_drawing.draw(big_plan(200, 20), 80)
    assert not drawing.stacked and "┬─→" in "\n".join(drawing.lines)
    assert calls == []
    # Wide and joined characters still take the careful way.
    pathway_drawing.draw(gap_plan(), 80)
    assert any("中文字符" in text for text in calls)


def test_drawing_rests_the_cycle_collector(monkeypatch: pytest.MonkeyPatch) -> None:
    """A big drawing makes a list per row; collecting cycles meanwhile only slows it down."""
    seen: list[bool] = []
    real = pathway_drawing.layout

    def watching(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(pathway_drawing, "layout", watching)
    assert gc.isenabled()
    pathway_drawing.draw(big_plan(10, 2), 80)
    assert seen == [False, False]
    assert gc.isenabled()
