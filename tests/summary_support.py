"""Shared by the summary tests: hostile and plain plans of one shape, and golden files.

A summary of a hostile plan must have exactly the structure of the plain one:
then no answer added a heading, a link, a list, HTML or anything else.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from itertools import count, cycle
from pathlib import Path

import pytest

from backmap.core.plan import Activity, Impact, Outcome, Person, Plan

# Each line is something that means more than words to Markdown, HTML, Mermaid,
# a terminal or Rich. Together they touch every escape the summary needs.
HOSTILE: tuple[str, ...] = (
    "# A heading",
    "## Not a heading #",
    "[a link](https://example.com) and [ref][1]",
    "![an image](x.png)",
    "<b>bold</b> <i>tags</i>",
    "<script>alert(1)</script>",
    "</style><script>alert(2)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(document.cookie)",
    "- a list item",
    "1. a numbered item",
    "2) another numbered item",
    "> a quote",
    "| a | table |",
    "|---|---|",
    "```mermaid",
    "~~~",
    "***",
    "---",
    "===",
    "* star + plus",
    "_under_ *em* **strong** `code` ~~strike~~",
    "ends with a backslash \\",
    "&amp; &lt;b&gt; &#60;script&#62; &copy;",
    "<!-- a comment -->",
    "[^1] and [x]: https://example.com/ref",
    "www.example.com and example.com",
    "sam@example.com and mailto:sam@example.com",
    "https://example.com/path?q=1 and <https://example.com>",
    "$x^2$ and $$y$$",
    "[bold red]Rich markup[/bold red] [link=https://example.com]click[/link]",
    "\x1b[2J\x1b[Hclear the screen",
    "\x1b]0;a new window title\x07title",
    "\x1b]52;c;ZXZpbA==\x07clipboard",
    "\x1b]8;;https://evil.example\x1b\\a terminal link\x1b]8;;\x1b\\",
    "line one\nline two\r\nline three",
    "tab\there and\x0bvertical",
    "\u202eright to left\u202c override",
    "nul\x00 and bell\x07 and \x9b2J",
    "{{ 7 * 7 }} {% raw %} {# comment #}",
    "%% a Mermaid comment",
    "end",
    "A1 --> S1",
    'click A1 call alert("x")',
    "#quot; #35; #lt;script#gt; #59;",
    "fa:fa-car and :smile:",
    "graph TD; A-->B",
    "'single' \"double\" `back`",
    "<br> and <br/>",
    "ẞ Ünïcødé 日本語 🎉 ﷽",
    "\u200b zero width \ufeff",
    "a" * 300,
    "word " * 60,
)

WHEN = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)


def shaped_plan(text: Callable[[], str]) -> Plan:
    """A plan of one fixed shape, every typed field filled by text().

    The shape has a stepping stone with no activity and an activity that helps
    nothing (so findings quote answers), a link across the parts, people and
    things we are counting on.
    """
    plan = Plan(
        title=text(),
        people=[Person(text(), text()), Person(text(), "")],
        impact=Impact(text(), text(), text()),
        assumptions=[text(), text()],
        created=WHEN,
        updated=WHEN,
    )
    plan.outcomes = [
        Outcome("o1", "project", text(), text()),
        Outcome("o2", "project", text(), ""),
        Outcome("o3", "coproduction", text(), text()),
        Outcome("o4", "coproduction", text(), text()),
    ]
    plan.activities = [
        Activity("a1", "project", "workshop", text(), ["o1", "o2"], text(), text()),
        Activity("a2", "coproduction", "meeting", text(), ["o1", "o3"], text(), ""),
        Activity("a3", "coproduction", "one-to-one", text(), [], "", text()),
        Activity("a4", "project", "event", text(), ["o3"], "", ""),
    ]
    plan.last_ids = {"o": 4, "a": 4}
    return plan


def hostile_plan() -> Plan:
    """One plan that holds every HOSTILE line: each answer is three of them."""
    texts: Iterator[str] = cycle(" ".join(HOSTILE[i : i + 3]) for i in range(0, len(HOSTILE), 3))
    return shaped_plan(lambda: next(texts))


def hostile_plans() -> Iterator[Plan]:
    """One plan for each turn of HOSTILE: every line lands in every field at the start."""
    for turn in range(len(HOSTILE)):
        yield plan_from([*HOSTILE[turn:], *HOSTILE[:turn]])


def plain_plan() -> Plan:
    """The same shape with harmless words."""
    numbers = count(1)
    return shaped_plan(lambda: f"Words {next(numbers)}")


def plan_from(texts: list[str]) -> Plan:
    """The same shape with the given answers, used again from the start when they run out."""
    answers = cycle(texts)
    return shaped_plan(lambda: next(answers))


# ----- golden files -------------------------------------------------------------------

# The headings of the printable page, in order: the browser and the pure HTML tests share them.
PAGE_HEADINGS = (
    "Our plan in short",
    "The impact",
    "The project",
    "Stepping stones for the project",
    "Activities for the project",
    "The pathway for the project",
    "Co-production",
    "Stepping stones for co-production",
    "Activities for co-production",
    "The pathway for co-production",
    "Who is taking part",
    "Things to look at again",
    "Words we use",
)

GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE_GOLDEN = "BACKMAP_UPDATE_GOLDEN"


def check_golden(name: str, text: str) -> None:
    """Compare text with tests/golden/NAME exactly; BACKMAP_UPDATE_GOLDEN=1 writes it instead."""
    path = GOLDEN / name
    if os.environ.get(UPDATE_GOLDEN):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    remake = f"{UPDATE_GOLDEN}=1 pytest tests/test_render.py tests/test_html.py"
    if not path.exists():
        pytest.fail(f"{path} is missing. Make it with: {remake}")
    expected = path.read_text(encoding="utf-8")
    if text != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                text.splitlines(keepends=True),
                fromfile=f"tests/golden/{name}",
                tofile="rendered now",
            )
        )
        pytest.fail(
            f"The summary differs from tests/golden/{name}. If the change is right, "
            f"run {remake} and review the diff.\n{diff}"
        )


def answers(plan: Plan) -> list[str]:
    """Every typed answer in a plan: what must show in the summary exactly as typed."""
    found = [plan.title, plan.impact.project, plan.impact.coproduction, plan.impact.lasting_change]
    found += [p.name for p in plan.people] + [p.role for p in plan.people] + plan.assumptions
    found += [o.text for o in plan.outcomes] + [o.how_we_know for o in plan.outcomes]
    found += [a.text for a in plan.activities] + [a.who for a in plan.activities]
    found += [a.when for a in plan.activities]
    return [text for text in found if text]


# ----- a big plan ---------------------------------------------------------------------------

_SENTENCES = (
    "People who use the centre choose the colours of the new room.",
    "We meet in the hall on Monday mornings with tea and biscuits.",
    "Sam and Priya write the notes in easy words for everyone.",
    "The group talks about what went well and what was hard.",
    "Local people come to see the garden and a shed to keep the tools dry.",
    "Everyone gets a copy of the plan with pictures.",
    "We ask the council for money to pay for a bus.",
    "The staff learn new ways to listen to people.",
)


def words_of_length(seed: int, length: int) -> str:
    """An answer of exactly `length` words, made of everyday sentences."""
    words: list[str] = []
    turn = seed
    while len(words) < length:
        words += _SENTENCES[turn % len(_SENTENCES)].split()
        turn += 1
    return " ".join(words[:length]).rstrip(".,") + "."


def big_plan() -> Plan:
    """6 stepping stones and 12 activities a part; every answer 20 to 60 words long.

    Who and when are short, as people write them ("Sam and Priya", "Every Monday").
    """
    lengths = cycle((20, 35, 60, 45, 25, 50, 40, 30))
    seeds = count()

    def answer() -> str:
        return words_of_length(next(seeds), next(lengths))

    plan = Plan(
        title="The big plan for the Riverside day centre and its garden",
        people=[Person(f"Person {n}", answer()) for n in range(1, 5)],
        impact=Impact(answer(), answer(), answer()),
        assumptions=[answer(), answer()],
        created=WHEN,
        updated=WHEN,
    )
    kinds = ("workshop", "meeting", "event", "steering-group", "one-to-one", "other")
    outcomes: list[Outcome] = []
    activities: list[Activity] = []
    for part in ("project", "coproduction"):
        first = len(outcomes)
        for n in range(6):
            outcomes.append(Outcome(f"o{first + n + 1}", part, answer(), answer()))
        for n in range(12):
            number = len(activities) + 1
            # Each activity helps one or two stepping stones of its part; one helps the other part.
            helps = [f"o{first + n % 6 + 1}"]
            if n % 3 == 0:
                helps.append(f"o{first + (n + 2) % 6 + 1}")
            if n == 11:
                helps.append("o1" if part == "coproduction" else "o7")
            activities.append(
                Activity(
                    f"a{number}",
                    part,
                    kinds[n % 6],
                    answer(),
                    helps,
                    "Sam, Priya and the group",
                    "Every other Monday",
                )
            )
    plan.outcomes = outcomes
    plan.activities = activities
    plan.last_ids = {"o": len(outcomes), "a": len(activities)}
    return plan


def page_words(page: str, hidden: tuple[str, ...] = ("style", "title", "svg")) -> str:
    """The words of an HTML page as a browser shows them, on one line: tags gone, entities read,
    and nothing inside the ``hidden`` tags (the style sheet; pictures' own words by default)."""
    from html.parser import HTMLParser

    class Words(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.found: list[str] = []
            self.skip = 0

        def handle_starttag(self, tag: str, attrs: object) -> None:
            self.skip += tag in hidden

        def handle_endtag(self, tag: str) -> None:
            self.skip -= tag in hidden

        def handle_data(self, data: str) -> None:
            if not self.skip:
                self.found.append(data)

    reader = Words()
    reader.feed(page)
    return " ".join(" ".join(reader.found).split())
