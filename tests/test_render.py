"""The Markdown summary: a golden file for the example, and proof that answers stay words.

The proof is structural: a CommonMark parser (markdown-it-py, the one Textual uses)
reads the summary of a plan with hostile answers and of a plain plan of the same
shape, and the two token structures must be equal. Any heading, link, image, HTML,
list or table an answer sneaked in would show up as a difference.
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token
from rich.console import Console
from rich.markdown import Markdown
from summary_support import (
    HOSTILE,
    answers,
    big_plan,
    check_golden,
    hostile_plan,
    hostile_plans,
    plain_plan,
    plan_from,
)

from backmap import content
from backmap.core import render, store
from backmap.core.plan import Plan
from backmap.core.safe_text import cut
from tests.example_plans import EXAMPLE

ROOT = Path(__file__).resolve().parent.parent

PARSERS = {"commonmark": MarkdownIt("commonmark"), "gfm-like": MarkdownIt("gfm-like")}

# Any C0 or C1 control character except the newline, and the bidi controls.
CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")

_FENCE = re.compile(r"^```mermaid\n(.*?)^```$", re.MULTILINE | re.DOTALL)
_LABEL = r"(?:[^\W_]|[ .,!?'()\-]|#\d+;)*"
_MERMAID_LINE = re.compile(
    r"flowchart LR"
    r"|    accTitle: [\w -]+"
    r"|    accDescr: [\w .]+"
    rf'|    (?:A\d+\["{_LABEL}"\]|S\d+\(\["{_LABEL}"\]\)|impact\{{\{{"{_LABEL}"\}}\}})'
    r"|    (?:A\d+ --> S\d+|S\d+ --> impact)"
    r"|    classDef gap stroke-dasharray: 6 4"
    r"|    class (?:A\d+|S\d+)(?:,(?:A\d+|S\d+))* gap"
)


def structure(tokens: list[Token]) -> list[tuple[Any, ...]]:
    """The shape of a Markdown document: token kinds and nesting, not the words.

    A fence keeps its kind and its number of lines, so an answer that closed the
    Mermaid block early or added a line to it would change the shape.
    """
    shape: list[tuple[Any, ...]] = []
    for token in tokens:
        if token.type == "inline":
            # An escaped character leaves its mark in a text token's markup: ignore it there.
            children = tuple(
                (c.type, c.tag, c.nesting, "" if c.type == "text" else c.markup) for c in token.children or []
            )
            shape.append(("inline", children))
        elif token.type in ("fence", "code_block"):
            shape.append((token.type, token.info, token.content.count("\n")))
        else:
            shape.append((token.type, token.tag, token.nesting, token.markup, token.level))
    return shape


def inline_texts(tokens: list[Token]) -> list[str]:
    """The words a reader sees, one string for each paragraph, heading or list line."""
    return [
        "".join(c.content for c in token.children or [] if c.type == "text")
        for token in tokens
        if token.type == "inline"
    ]


@cache
def plain_structure(parser: str) -> list[tuple[Any, ...]]:
    return structure(PARSERS[parser].parse(render.markdown(plain_plan())))


def assert_only_words(plan: Plan, parsers: tuple[str, ...] = tuple(PARSERS)) -> None:
    """The summary of plan has the structure of the plain plan's, and shows every answer as typed."""
    summary = render.markdown(plan)
    assert not CONTROL.search(summary)
    for parser in parsers:
        tokens = PARSERS[parser].parse(summary)
        assert structure(tokens) == plain_structure(parser), parser
    shown = "\n".join(inline_texts(tokens))
    for answer in answers(plan):
        assert render.plain_text(answer) in shown, answer


@pytest.fixture(scope="module")
def plain_summary() -> str:
    return render.markdown(plain_plan())


# ----- the golden file ------------------------------------------------------------------


def test_example_matches_the_golden_file() -> None:
    check_golden("day-centre.md", render.markdown(store.load(EXAMPLE)))


def test_example_summary_has_every_part() -> None:
    summary = render.markdown(store.load(EXAMPLE))
    headings = re.findall(r"^#+ (.*)$", summary, re.MULTILINE)
    for heading in (
        "Our plan in short",
        "The impact",
        "Stepping stones for the project",
        "Stepping stones for co-production",
        "Activities for the project",
        "Activities for co-production",
        "The pathway for the project",
        "The pathway for co-production",
        "Who is taking part",
        "Things to look at again",
        "Words we use",
    ):
        assert heading in headings
    assert summary.count("```mermaid\n") == 2


# ----- hostile answers -------------------------------------------------------------------


def test_the_plain_plan_has_the_expected_shape(plain_summary: str) -> None:
    """The yardstick: the plain plan itself has no links, images or HTML."""
    tokens = PARSERS["gfm-like"].parse(plain_summary)
    kinds = {t.type for t in tokens}
    children = {c.type for t in tokens for c in t.children or []}
    assert "html_block" not in kinds
    assert not children & {"link_open", "image", "html_inline", "code_inline", "s_open", "em_open"}
    assert len(_FENCE.findall(plain_summary)) == 2


@pytest.mark.parametrize("turn", range(len(HOSTILE)))
def test_hostile_answers_stay_words(turn: int) -> None:
    """Every hostile line, in every field, at the start of the answer."""
    assert_only_words(plan_from([*HOSTILE[turn:], *HOSTILE[:turn]]))


def test_all_hostile_lines_in_one_plan() -> None:
    assert_only_words(hostile_plan())


# Each example parses a whole summary (about 10 ms): 300 at most, even in CI.
@settings(max_examples=min(300, settings.default.max_examples))
@given(st.lists(st.text(min_size=1).filter(render.plain_text), min_size=1, max_size=6))
def test_any_answers_stay_words(texts: list[str]) -> None:
    """Any text at all; the parser Textual uses (with links found in plain text) reads it."""
    assert_only_words(plan_from(texts), parsers=("gfm-like",))


def test_no_escape_sequences_reach_the_summary() -> None:
    for plan in hostile_plans():
        summary = render.markdown(plan)
        assert "\x1b" not in summary
        assert "\x07" not in summary
        assert "\x9b" not in summary
        assert not CONTROL.search(summary)


def test_rich_markup_shows_literally() -> None:
    plan = plan_from(["[bold red]Rich markup[/bold red] [link=https://example.com]click[/link]"])
    console = Console(record=True, width=400, color_system=None, force_terminal=False)
    console.print(Markdown(render.markdown(plan)))
    shown = console.export_text()
    assert "[bold red]Rich markup[/bold red] [link=https://example.com]click[/link]" in shown


@pytest.mark.parametrize(
    ("typed", "escaped"),
    [
        ("1. a numbered item", "1\\. a numbered item"),
        ("2) another", "2\\) another"),
        ("- a list item", "\\- a list item"),
        ("+ plus", "\\+ plus"),
        ("= equals", "\\= equals"),
        ("> a quote", "\\> a quote"),
        ("# heading", "\\# heading"),
        ("example.com", "example\\.com"),
        ("https://example.com", "https\\://example\\.com"),
        ("sam@example.com", "sam\\@example\\.com"),
        ("1.5 litres", "1\\.5 litres"),
        ("a\x1b[2Jb", "ab"),
        ("a\x1b]0;title\x07b", "ab"),
        ("line one\nline two", "line one line two"),
        ("It costs 5 pounds.", "It costs 5 pounds."),
    ],
)
def test_md_filter(typed: str, escaped: str) -> None:
    assert render.md(typed) == escaped


# ----- Mermaid -----------------------------------------------------------------------------


def mermaid_blocks(summary: str) -> list[str]:
    return _FENCE.findall(summary)


def decode_label(label: str) -> str:
    return html.unescape(re.sub(r"#(\d+);", r"&#\1;", label))


MERMAID_PLANS = {"example": store.load(EXAMPLE), "hostile": hostile_plan()}
MERMAID_PLANS.update({f"turn-{n}": plan for n, plan in enumerate(hostile_plans())})


@pytest.mark.parametrize("plan", MERMAID_PLANS.values(), ids=MERMAID_PLANS.keys())
def test_mermaid_lines_are_only_our_syntax(plan: Plan) -> None:
    """Every line of every block is one we write; labels hold only entity codes and safe characters."""
    for block in mermaid_blocks(render.markdown(plan)):
        for line in block.splitlines():
            assert _MERMAID_LINE.fullmatch(line), line


def test_mermaid_labels_decode_to_the_answers() -> None:
    plan = hostile_plan()
    summary = render.markdown(plan)
    for block, pathway in zip(mermaid_blocks(summary), render.pathways(plan), strict=True):
        labels = [decode_label(m) for m in re.findall(r'"(.*?)"', block)]
        nodes = [*pathway.activities, *pathway.stones, pathway.impact]
        assert labels == [render.mermaid_shown(node.label) for node in nodes]


def test_mermaid_text_encodes_every_risky_character() -> None:
    encoded = render.mermaid_text('He said "end"; #1 <b> & $x$ `code` [x] {y} | fa:fa-car %%')
    assert re.fullmatch(_LABEL, encoded)
    assert decode_label(encoded) == 'He said "end"; #1 <b> & $x$ `code` [x] {y} | fa:fa-car %%'


def test_mermaid_label_of_a_very_long_answer_is_cut() -> None:
    shown = render.mermaid_shown("word " * 100)
    assert len(shown) <= render.MERMAID_LABEL_LIMIT
    assert shown.endswith("word...") and "wor." not in shown, "cut after a whole word"
    assert cut("x" * 200, 20) == "x" * 17 + "..."


# ----- the pathway --------------------------------------------------------------------------


def test_pathway_of_the_example() -> None:
    project, coproduction = render.pathways(store.load(EXAMPLE))
    assert [s.key for s in project.stones] == ["S1", "S2"]
    # Two co-production activities help project stepping stones: they say where they are from.
    assert [a.note for a in project.activities] == ["", "", "for co-production", "for co-production"]
    assert project.links == [("A1", "S1"), ("A2", "S2"), ("A3", "S1"), ("A4", "S2")]
    assert [a.note for a in coproduction.activities] == ["", "", ""]
    assert not project.loose and not coproduction.loose


def test_pathway_marks_gaps_in_words() -> None:
    plan = Plan(title="Gaps")
    stone = plan.add_outcome("project", "A stone with no activity")
    plan.add_activity("project", "An activity that helps nothing")
    plan.add_activity("coproduction", "Helps the other part", outcomes=[stone.id])
    project, coproduction = render.pathways(plan)
    assert project.stones[0].note == ""
    assert [a.label for a in project.loose] == ["An activity that helps nothing (needs a stepping stone)"]
    assert project.activities[1].note == "for co-production"
    assert coproduction.activities == []
    lonely = Plan()
    lonely.add_outcome("coproduction", "Alone")
    assert render.pathways(lonely)[1].stones[0].label == "Alone (needs an activity)"
    summary = render.markdown(plan)
    assert "- Activity: An activity that helps nothing (needs a stepping stone)" in summary


def test_empty_plan_renders() -> None:
    summary = render.markdown(Plan())
    assert summary.startswith("# Our plan\n")
    assert "- Impact: Not written yet." in summary
    assert all(
        _MERMAID_LINE.fullmatch(line) for block in mermaid_blocks(summary) for line in block.splitlines()
    )


# ----- easy read ------------------------------------------------------------------------------

_WORD = re.compile(r"[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*")
_CONTRACTION = re.compile(r"\b\w+n['’]t\b|\b\w+['’](?:re|ve|ll|d|m)\b|\b(?:it|that|what|there)['’]s\b", re.I)
_ABBREVIATION = re.compile(r"\b(?:e\.g|i\.e|etc|n\.b|vs|approx|info)\b\.?", re.I)


def summary_sentences(summary: str) -> list[str]:
    """Our sentences in a summary whose every answer is one word, outside the Mermaid blocks."""
    sentences = []
    for line in _FENCE.sub("", summary).splitlines():
        line = re.sub(r"^\s*(?:#+|[-*]|\d+\.)\s+", "", line).replace("**", "")
        sentences += [s for s in re.split(r"(?<=[.!?])\s+", line) if _WORD.search(s)]
    return sentences


def test_summary_words_are_easy_read() -> None:
    plan = plan_from(["Sam"])
    for sentences in (
        summary_sentences(render.markdown(plan)),
        summary_sentences(render.markdown(Plan())),
        list(render.picture_words().values()),
    ):
        lengths = [len(_WORD.findall(s)) for s in sentences]
        long = [s for s, n in zip(sentences, lengths, strict=True) if n > 15]
        assert not long, long
        assert sum(lengths) / len(lengths) <= 10
        for sentence in sentences:
            assert not _CONTRACTION.search(sentence), sentence
            assert not _ABBREVIATION.search(sentence), sentence
            assert "outcome" not in sentence.lower() or "some people call it an outcome" in sentence.lower()


# ----- no Textual ---------------------------------------------------------------------------


def test_render_never_imports_textual() -> None:
    code = (
        "import sys\n"
        "from backmap.core import render, store\n"
        f"plan = store.load({str(EXAMPLE)!r})\n"
        "render.markdown(plan); render.html(plan)\n"
        "assert not any(m == 'textual' or m.startswith('textual.') for m in sys.modules), 'textual'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_dates_are_written_in_words_from_content() -> None:
    """ "26 November 2026" on every computer: the month names are in words.toml, not the locale."""
    assert render.long_date(date(2026, 11, 26)) == "26 November 2026"
    assert render.long_date(datetime(2027, 1, 3, 9, 30, tzinfo=UTC)) == "3 January 2027"
    assert len(content.load("words")["dates"]["months"]) == 12


# ----- a big plan, read by a real Markdown parser ---------------------------------------------


def test_big_plan_lists_stay_whole_in_markdown_it() -> None:
    """Each numbered list is one list past item 9, and every item's details stay inside it."""
    from markdown_it import MarkdownIt

    plan = big_plan()
    tokens = MarkdownIt("commonmark").parse(render.markdown(plan))
    ordered = [t for t in tokens if t.type == "ordered_list_open"]
    # Stepping stones of each part, then activities of each part: 6, 6, 12 and 12 items long.
    assert len(ordered) == 4
    depth = 0
    sizes: list[int] = []
    for token in tokens:
        if token.type == "ordered_list_open":
            depth, sizes = 1, [*sizes, 0]
        elif depth and token.type.endswith("_open") and token.type.startswith(("bullet_list", "ordered")):
            depth += 1
        elif depth and token.type in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
        elif depth == 1 and token.type == "list_item_open":
            sizes[-1] += 1
        elif depth == 0 and token.type == "inline":
            # Nothing of an item may fall out of its list, as "Kind:" did from item 10.
            assert not token.content.startswith(("Kind:", "Who:", "When:", "How we will know:")), (
                token.content
            )
    assert sizes == [6, 6, 12, 12]


def test_markdown_reads_as_easy_read_before_the_pictures() -> None:
    """The diagrams come in one section at the end; the words come first and read alone."""
    text = render.markdown(store.load(EXAMPLE))
    pictures = text.index("## Pictures of the pathway")
    assert "```mermaid" not in text[:pictures]
    assert text[pictures:].count("```mermaid") == 2
    assert "Go to step" not in text
