"""The Word copy says how the plan is going, as the summary does; the poster shows how far each
stepping stone has come, in its box, and stays a pathway (no quotes).

The Word copy counts as public: a "yes" quote may be in it, a "team" one never, nor a "no" quote
or one nobody chose for. A plan with no finished look-back gets exactly the files it got before.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
from summary_support import page_words

from backmap import cli
from backmap.core import render, store, word_copy
from backmap.core.plan import Plan, Voice
from tests.example_plans import EXAMPLE
from tests.look_back_plans import (
    NO_QUOTE,
    TEAM_QUOTE,
    YES_QUOTE,
    example_with_look_backs,
    write_with_photo,
)

LATEST_YES = "We chose the name together."
LATEST_TEAM = "Only the team may read that the budget is short."
LATEST_NO = "Nobody else may read that I cried."
LATEST_UNSET = "Nobody chose who may read these words."
# The newest look-back's facts, in the words the summary uses for them.
FACTS = (
    "How it is going",
    "Our last look-back was on 1 June 2027.",
    "Who was there: Sam, Priya.",
    "Did it happen? [x] Done",
    "Did it happen? [~] Started",
    "Did it happen? [-] We stopped it",
    "How far have we come? [x] It happened",
    "How far have we come? [~] On the way",
    "How far have we come? [>] We changed our plan",
    "How we know: The plan is finished and printed.",
    "Said by: Priya",
    "Who may see it: Anyone may see it",
    "What we will do next: Open the centre in the autumn.",
    "1 March 2027: [~] On the way",
    "1 June 2027: [x] It happened",
)


def quoted_plan() -> Plan:
    """The example looked back at twice; the newest look-back has a quote of every share choice."""
    plan = example_with_look_backs()
    plan.checkins[-1].voices += [
        Voice(LATEST_TEAM, "Priya", "o1", "team"),
        Voice(LATEST_NO, "Sam", "o3", "no", "photos/room.png", "Sam by the door."),
        Voice(LATEST_UNSET, "Sam", "o2", ""),
    ]
    return plan


def word_text(data: bytes) -> str:
    """What a reader of the Word copy sees, one paragraph a line, read back with python-docx."""
    return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)


def docx_parts(data: bytes) -> dict[str, bytes]:
    """Every file inside a .docx: the zip's own dates change each second, its contents must not."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def written(kind: str, tmp_path: Path) -> str:
    """What `backmap render --format KIND` writes for the quoted plan, as the words a reader sees."""
    path = write_with_photo(quoted_plan(), tmp_path)
    target = tmp_path / ("out.docx" if kind == "docx" else "poster.html")
    assert cli.main(["render", str(path), "-o", str(target), "--format", kind]) == 0
    if kind == "docx":
        return word_text(target.read_bytes())
    return page_words(target.read_text(encoding="utf-8"))


def test_the_word_copy_says_how_it_is_going(tmp_path: Path) -> None:
    kind = "docx"
    shown = written(kind, tmp_path)
    going = shown[shown.index("How it is going") :]
    for fact in FACTS:
        assert fact in going, (kind, fact)
    # Both are public: only the newest look-back's "yes" quote; never team, private or unchosen ones.
    assert LATEST_YES in going
    for hidden in (LATEST_TEAM, LATEST_NO, "Sam by the door.", LATEST_UNSET):
        assert hidden not in shown, (kind, hidden)
    # The first look-back's quotes belong to it, not to the latest one.
    for older in (YES_QUOTE, TEAM_QUOTE, NO_QUOTE):
        assert older not in shown, (kind, older)


def test_the_poster_shows_how_far_each_stepping_stone_has_come_and_no_quotes(tmp_path: Path) -> None:
    shown = written("poster", tmp_path)
    assert "Each stepping stone says how far it has come, at the look-back on 1 June 2027." in shown
    # Each box: its name, then its newest status, then its words (the example's four stones).
    for name, status, words in (
        ("Stepping stone 1:", "[x] It happened.", "We have a full plan"),
        ("Stepping stone 2:", "[~] On the way.", "We talk with people"),
        ("Stepping stone 1:", "[x] It happened.", "People who will use the centre make choices"),
        ("Stepping stone 2:", "[>] We changed our plan.", "People who will use the centre talk"),
    ):
        assert f"{name} {status} {words}" in shown, (name, status)
    # A poster hangs on a wall and is a pathway: no quote of any kind, not even a "yes" one.
    for quote in (LATEST_YES, LATEST_TEAM, LATEST_NO, "Sam by the door.", LATEST_UNSET, YES_QUOTE):
        assert quote not in shown, quote
    assert "How it is going" not in shown


def test_the_word_copy_says_the_facts_in_the_order_of_the_summary() -> None:
    plan = quoted_plan()
    summary = render.markdown(plan)
    summary = summary[summary.index("## How it is going") :]
    plain = re.sub(r"\\(.)", r"\1", summary)  # the summary's escapes, taken off
    lines = word_text(word_copy.document(plan)).splitlines()
    going = lines[lines.index("How it is going") :]
    facts = [line for line in going if line in FACTS]
    assert set(facts) == set(FACTS)
    where = 0
    for fact in facts:  # each one found in the summary after the one before it
        where = plain.index(fact, where) + len(fact)


def test_a_team_quote_is_only_in_the_team_s_own_copies() -> None:
    plan = quoted_plan()
    assert LATEST_TEAM in render.markdown(plan)
    assert LATEST_TEAM in render.html(plan)
    assert LATEST_TEAM not in render.poster(plan)
    assert LATEST_TEAM not in word_text(word_copy.document(plan))
    # Made "yes", the same quote may go in the Word copy (the poster has no quotes at all).
    plan.checkins[-1].voices[-3].share = "yes"
    assert LATEST_TEAM in word_text(word_copy.document(plan))
    assert LATEST_TEAM not in page_words(render.poster(plan))


def test_without_a_finished_look_back_both_are_as_before() -> None:
    before = store.load(EXAMPLE)
    begun = example_with_look_backs()
    for checkin in begun.checkins:
        checkin.finished = False
    begun.updated = before.updated
    assert render.poster(begun) == render.poster(before)
    assert docx_parts(word_copy.document(begun)) == docx_parts(word_copy.document(before))
    assert "How it is going" not in render.poster(begun)
    assert "How it is going" not in word_text(word_copy.document(begun))
