"""The impact story (backmap story): what it says, who may be quoted, how it chooses, and its files.

Pure tests: the Markdown and HTML text, the command line and the files a save writes.
The printed pages, axe-core and what a browser loads are in tests/test_browser.py;
the sound file in tests/test_story_audio.py.
"""

from __future__ import annotations

import base64
import re
import stat
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token
from summary_support import HOSTILE, hostile_plan, page_words, plain_plan

from backmap import content
from backmap.core import going, progress, store, story
from backmap.core.plan import Plan, Voice
from backmap.session.plan_file import Session
from backmap.session.summaries import write_summaries
from tests.look_back_plans import (
    NO_QUOTE,
    PHOTO,
    PHOTO_WORDS,
    PNG,
    TEAM_QUOTE,
    YES_QUOTE,
    big_looked_back_plan,
    example_with_look_backs,
    looked_back_twice,
    wordy_looked_back_plan,
    write_with_photo,
)

HEADINGS = (
    "What we wanted",
    "What we did",
    "What changed",
    "What people said",
    "What we did not expect",
    "What was hard and what we learned",
    "What happens next",
    "Who made this",
    "Hard words",
)


def html_words(page: str) -> str:
    """The words of a page as a browser shows them: tags gone, entities read, spaces as one."""
    return page_words(page, hidden=("style", "title"))


def md_words(text: str) -> str:
    """The words of the Markdown as a reader sees them (escapes and marks gone)."""
    tokens = MarkdownIt("commonmark").parse(text)
    found = [c.content for t in tokens if t.type == "inline" for c in t.children or [] if c.type == "text"]
    return " ".join(" ".join(found).split())


@pytest.fixture
def example(tmp_path: Path) -> tuple[Plan, Path]:
    path = write_with_photo(example_with_look_backs(), tmp_path)
    return store.load(path), path


# ----- what it says ----------------------------------------------------------------------


def test_the_sections_come_in_order_in_both_formats(example: tuple[Plan, Path]) -> None:
    plan, path = example
    for shown in (html_words(story.html(plan, path)), md_words(story.markdown(plan, path))):
        places = [shown.find(heading) for heading in HEADINGS]
        assert -1 not in places, dict(zip(HEADINGS, places, strict=True))
        assert places == sorted(places)


def test_markdown_and_html_say_the_same_things(example: tuple[Plan, Path]) -> None:
    """One content feeds both: every heading and yes-quote, and every line, is in each."""
    plan, path = example
    page, text = html_words(story.html(plan, path)), md_words(story.markdown(plan, path))
    built = story.build(plan, path)
    lines = [
        w.plain()
        for s in built.sections
        for w in [*s.intro, *s.after, *(x for p in s.points for x in p.lines)]
    ]
    for line in [*HEADINGS, YES_QUOTE, "We chose the name together.", *lines]:
        shown = " ".join(line.split())
        assert shown in page, shown
        assert shown in text, shown


def test_only_quotes_everyone_may_see_are_in_the_story(example: tuple[Plan, Path]) -> None:
    plan, path = example
    plan.checkins[1].voices.append(Voice("Nobody chose who may see this.", "Sam", "o1", ""))
    for shown in (story.html(plan, path), story.markdown(plan, path), story.spoken(plan, path)):
        shown = " ".join(shown.split()).replace("\\", "")
        assert YES_QUOTE in shown and "We chose the name together." in shown
        for hidden in (TEAM_QUOTE, NO_QUOTE, "Nobody chose who may see this."):
            assert hidden not in shown


def test_progress_is_a_word_and_a_symbol_first_time_and_now(example: tuple[Plan, Path]) -> None:
    plan, path = example
    page = html_words(story.html(plan, path))
    assert "We have a full plan of everything the centre will offer. [x] It happened." in page
    assert "First time: [~] On the way. Now: [x] It happened." in page
    assert "How we know: The plan is finished and printed." in page  # the latest words
    assert "[>] We changed our plan." in page
    assert progress.label("outcome", "changed-plan") == "[>] We changed our plan"


def test_what_we_did_says_how_many_times_and_who_came(example: tuple[Plan, Path]) -> None:
    plan, path = example
    page = html_words(story.html(plan, path))
    assert "[x] Done. We did it 3 times. Who came: Sam and 5 others." in page
    assert "[~] Started." in page
    # a5 was stopped: it did not happen, so it is counted, not listed.
    assert plan.activity("a5").text not in page


def test_stopped_activities_are_their_own_group_not_ones_that_have_not_happened_yet(
    example: tuple[Plan, Path],
) -> None:
    plan, path = example
    # The example's newest look-back: a1 to a3 done, a4 started, a5 stopped.
    for shown in (html_words(story.html(plan, path)), md_words(story.markdown(plan, path))):
        assert "We stopped 1 of our activities." in shown
        assert "not happened yet" not in shown
    plan.activity_check(plan.checkins[-1], "a3", status="not-yet")
    plan.activity_check(plan.checkins[-1], "a4", status="stopped")
    for shown in (html_words(story.html(plan, path)), md_words(story.markdown(plan, path))):
        assert "1 of our activities has not happened yet." in shown
        assert "We stopped 2 of our activities." in shown
    assert "We stopped 2 of our activities." in story.spoken(plan, path)


def test_the_story_says_its_dates_its_look_backs_people_and_help(example: tuple[Plan, Path]) -> None:
    plan, path = example
    page = html_words(story.html(plan, path))
    assert "It tells what happened from 1 March 2027 to 1 June 2027." in page
    assert "We made it from 2 look-backs." in page
    assert "Sam: Will use the day centre" in page and "Priya: Support worker" in page
    assert "Someone you trust can help you read it." in page
    assert "Sam now runs the tea break at every meeting." in page
    assert "The meetings were too long." in page and "Short meetings with a break work better." in page
    assert "Open the centre in the autumn." in page  # the newest words on what comes next
    assert "Meet every two weeks." not in page
    assert "Look-back A time when we stop and look at what happened." in page


def test_the_photo_is_inside_the_page_with_its_words(example: tuple[Plan, Path]) -> None:
    plan, path = example
    page = story.html(plan, path)
    images = re.findall(r"<img [^>]*>", page)
    assert len(images) == 1
    assert 'src="data:image/png;base64,' in images[0]
    assert f'alt="{PHOTO_WORDS}"' in images[0]
    assert "Photo: Sam painting the wall green." in story.markdown(plan, path)


@pytest.mark.parametrize(
    "photo", ["../outside.png", "/etc/passwd", "photos/missing.png", "photos/not-a-picture.png"]
)
def test_a_missing_or_unsafe_photo_is_left_out_and_its_words_kept(tmp_path: Path, photo: str) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    (tmp_path / "outside.png").write_bytes(PNG)
    plan = example_with_look_backs()
    plan.checkins[0].voices[0].photo = photo
    path = write_with_photo(plan, folder)
    (folder / "photos" / "not-a-picture.png").write_text("<svg onload=alert(1)>", encoding="utf-8")
    page = story.html(store.load(path), path)
    assert "<img" not in page
    assert YES_QUOTE in html_words(page)


def test_without_a_plan_file_no_photo_is_read() -> None:
    plan = example_with_look_backs()
    assert "<img" not in story.html(plan)
    assert PHOTO in plan.checkins[0].voices[0].photo


# ----- choosing when there is too much ----------------------------------------------------


def test_a_big_plan_chooses_and_says_where_the_full_record_is(tmp_path: Path) -> None:
    plan = big_looked_back_plan()
    path = tmp_path / "big.toml"
    built = story.build(plan, path)
    sections = {s.key: s for s in built.sections}
    assert built.left_out
    assert story.printed_lines(built) <= story.PAGES * story.PAGE_LINES
    stones = len(sections["changed"].points)
    assert 4 <= stones <= story.MAX_STONES < len(plan.outcomes)
    assert 3 <= len(sections["did"].points) <= story.MAX_ACTIVITIES < len(plan.activities)
    quotes = sections["said"].points
    assert 0 < len(quotes) <= story.MAX_QUOTES
    # A few quotes for each stepping stone, newest first.
    about = [next(w.plain() for w in q.lines if w.plain().startswith("About:")) for q in quotes]
    assert max(about.count(a) for a in about) <= story.QUOTES_PER_STONE
    assert "Quote 5-0 that yes may see." in quotes[0].lines[0].plain()
    # Only the latest progress: the last look-back said "It happened" for each stone (turn 5: changed-plan).
    shown = html_words(story.html(plan, path))
    assert "There was too much to show it all here. The full record is in big.html." in shown
    assert f"There are {20 - stones} more stepping stones in the full record." in shown
    assert "We saw it 5." in shown and "We saw it 4." not in shown


def test_long_answers_are_cut_short_to_fit_and_the_story_says_so(tmp_path: Path) -> None:
    plan = wordy_looked_back_plan()
    built = story.build(plan, tmp_path / "long.toml")
    assert story.printed_lines(built) <= story.PAGES * story.PAGE_LINES
    shown = html_words(story.html(plan, tmp_path / "long.toml"))
    assert "The full record is in long.html." in shown
    impact = plan.impact.project
    assert impact not in shown and impact[:60] in shown  # cut after a word, with "..."
    assert re.search(r"\w\.\.\.", shown)


def test_the_worked_example_shows_everything_and_no_full_record_line(example: tuple[Plan, Path]) -> None:
    plan, path = example
    built = story.build(plan, path)
    assert not built.left_out
    assert "full record" not in html_words(story.html(plan, path))
    changed = next(s for s in built.sections if s.key == "changed")
    assert len(changed.points) == len(plan.outcomes)


def test_choosing_keeps_the_stones_that_came_furthest(tmp_path: Path) -> None:
    plan = big_looked_back_plan(stones=20, activities=20, look_backs=1, quotes=3)
    checkin = plan.checkins[0]
    for number, entry in enumerate(checkin.outcomes):
        entry.status = "happened" if number >= 15 else "not-yet"
    built = story.build(plan, tmp_path / "p.toml")
    changed = next(s for s in built.sections if s.key == "changed")
    names = [p.name.plain() for p in changed.points if p.name]
    assert all(f"Stepping stone {n} with some words" in names for n in range(15, 20))


# ----- typed words stay words -------------------------------------------------------------


def structure(tokens: list[Token]) -> list[tuple[Any, ...]]:
    """The shape of a Markdown document: token kinds and nesting, not the words."""
    shape: list[tuple[Any, ...]] = []
    for token in tokens:
        if token.type == "inline":
            children = tuple(
                (c.type, c.tag, c.nesting, "" if c.type == "text" else c.markup) for c in token.children or []
            )
            shape.append(("inline", children))
        else:
            shape.append((token.type, token.tag, token.nesting, token.markup, token.level))
    return shape


def tags(page: str) -> list[tuple[str, tuple[str, ...]]]:
    """Every tag of a page with its attribute names: the page's shape."""

    class Tags(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.found: list[tuple[str, tuple[str, ...]]] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.found.append((tag, tuple(name for name, _ in attrs)))

    reader = Tags()
    reader.feed(page)
    return reader.found


def test_hostile_text_in_every_field_stays_words(tmp_path: Path) -> None:
    hostile = looked_back_twice(hostile_plan(), iter_texts(HOSTILE))
    plain = looked_back_twice(plain_plan(), iter_texts([f"Words {n}" for n in range(1, 200)]))
    path = tmp_path / "plan.toml"
    for parser in (MarkdownIt("commonmark"), MarkdownIt("gfm-like")):
        assert structure(parser.parse(story.markdown(hostile, path))) == structure(
            parser.parse(story.markdown(plain, path))
        )
    page = story.html(hostile, path)
    assert tags(page) == tags(story.html(plain, path))
    assert "<script" not in page.lower() and "<img src=x" not in page
    text = story.markdown(hostile, path) + page + story.spoken(hostile, path)
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", text.replace("\n", "")), "a control character"


def iter_texts(texts: Any) -> Any:
    """text() for the plan makers: each call the next text, from the start again at the end."""
    from itertools import cycle

    source = cycle(list(texts))
    return lambda: next(source)


# ----- the command line and the files -----------------------------------------------------


def backmap(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "backmap", *args], cwd=cwd, capture_output=True, text=True, env=env, timeout=60
    )


def test_story_command_writes_both_files_beside_the_plan(example: tuple[Plan, Path]) -> None:
    _, path = example
    done = backmap("story", str(path), cwd=path.parent)
    assert done.returncode == 0, done.stderr
    html_path, md_path = story.paths(path)
    assert (html_path.name, md_path.name) == ("plan-story.html", "plan-story.md")
    for made in (html_path, md_path):
        assert f"Wrote {made.resolve()}" in done.stdout
        assert stat.S_IMODE(made.stat().st_mode) == 0o600
    assert YES_QUOTE in html_path.read_text(encoding="utf-8")
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("name", ["mine.html", "mine.md"])
def test_story_command_writes_the_one_file_o_names(example: tuple[Plan, Path], name: str) -> None:
    _, path = example
    done = backmap("story", str(path), "-o", name, cwd=path.parent)
    assert done.returncode == 0, done.stderr
    written = (path.parent / name).read_text(encoding="utf-8")
    assert ("<!DOCTYPE html>" in written) == name.endswith(".html")
    assert not story.paths(path)[0].exists() and not story.paths(path)[1].exists()


@pytest.mark.parametrize("name", ["plan.toml", "other.txt"])
def test_story_command_never_writes_over_a_plan_or_an_odd_name(example: tuple[Plan, Path], name: str) -> None:
    _, path = example
    before = path.read_bytes()
    done = backmap("story", str(path), "-o", name, cwd=path.parent)
    assert done.returncode == 2
    assert "Choose a name that ends in .html or .md." in done.stderr
    assert "Traceback" not in done.stderr
    assert path.read_bytes() == before


def test_a_plan_with_no_finished_look_back_has_no_story_yet(tmp_path: Path) -> None:
    plan = example_with_look_backs()
    for checkin in plan.checkins:
        checkin.finished = False
    path = tmp_path / "plan.toml"
    store.save(plan, path)
    done = backmap("story", str(path), cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.strip() == content.load("story")["cli"]["no_look_back"]
    assert not any(p.exists() for p in story.paths(path))
    broken = tmp_path / "broken.toml"
    broken.write_text("this is [ not a plan", encoding="utf-8")
    done = backmap("story", str(broken), cwd=tmp_path)
    assert done.returncode == 2 and "Traceback" not in done.stderr and done.stderr.strip()


def test_story_is_in_the_help(tmp_path: Path) -> None:
    done = backmap("--help", cwd=tmp_path)
    assert "backmap story PLAN" in done.stdout
    done = backmap("story", "--help", cwd=tmp_path)
    assert "--audio" in done.stdout and "-o OUT" in done.stdout


def test_every_save_writes_the_story_once_there_is_a_finished_look_back(tmp_path: Path) -> None:
    session = Session(folder=tmp_path)
    session.plan = example_with_look_backs()
    for checkin in session.plan.checkins:
        checkin.finished = False
    assert session.save().ok
    assert session.path is not None
    html_path, md_path = story.paths(session.path)
    assert not html_path.exists() and not md_path.exists()
    session.plan.checkins[0].finished = True
    assert session.save().ok
    for made in (html_path, md_path):
        assert stat.S_IMODE(made.stat().st_mode) == 0o600
    assert "We made it from 1 look-back." in html_words(html_path.read_text(encoding="utf-8"))
    session.plan.checkins[1].finished = True
    assert session.save().ok
    assert "We made it from 2 look-backs." in md_words(md_path.read_text(encoding="utf-8"))


def test_a_save_reads_each_photo_once_for_the_page_and_the_story(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = example_with_look_backs()
    plan.checkins[-1].voices.append(Voice("We painted it together.", "Sam", "o3", "yes", PHOTO, PHOTO_WORDS))
    path = write_with_photo(plan, tmp_path)
    real = base64.b64encode
    encoded: list[bytes] = []

    def counted(data: bytes) -> bytes:
        encoded.append(data)
        return real(data)

    monkeypatch.setattr(base64, "b64encode", counted)
    page, told = store.summary_path(path, ".html"), story.paths(path)[0]
    for turn, picture in enumerate((PNG, PNG + b"another picture"), start=1):
        (tmp_path / PHOTO).write_bytes(picture)  # the next save reads the photo again
        write_summaries(store.load(path), path)
        assert len(encoded) == turn  # once a save, though the page and the story both show it
        shown = f"data:image/png;base64,{real(picture).decode()}"
        assert shown in page.read_text(encoding="utf-8") and shown in told.read_text(encoding="utf-8")


def test_a_story_made_to_fit_works_out_progress_once(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[going.Progress] = []

    class Counted(going.Progress):
        def __init__(self, *args: Any, **values: Any) -> None:
            made.append(self)
            super().__init__(*args, **values)

    monkeypatch.setattr(going, "Progress", Counted)
    built = story.build(big_looked_back_plan())
    assert built.left_out  # made smaller: more than one try
    assert len(made) == 1


def test_paths_are_beside_the_plan() -> None:
    assert story.paths(Path("/plans/our-day-centre.toml")) == (
        Path("/plans/our-day-centre-story.html"),
        Path("/plans/our-day-centre-story.md"),
    )


def test_the_story_words_are_read_by_the_easy_read_test() -> None:
    """tests/test_easy_read.py reads content.all_strings(): story.toml must be in it."""
    checked = {where for where, _ in content.all_strings()}
    assert "story.said.intro" in checked and "story.cli.no_espeak" in checked


def test_a_plan_that_moves_to_its_name_leaves_no_old_story_behind(tmp_path: Path) -> None:
    session = Session(folder=tmp_path)
    session.plan = example_with_look_backs()
    session.plan.title = ""
    assert session.save().ok
    old = story.paths(tmp_path / "my-plan.toml")
    assert all(p.exists() for p in old)
    session.plan.title = "Our day centre"
    assert session.save().ok
    assert not any(p.exists() for p in old)
    assert session.path is not None and all(p.exists() for p in story.paths(session.path))


def test_a_story_that_cannot_be_written_gets_a_plain_message(example: tuple[Plan, Path]) -> None:
    _, path = example
    done = backmap(
        "story", str(path), "-o", str(path.parent / "no-such-folder" / "story.html"), cwd=path.parent
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and "story.html" in done.stderr
