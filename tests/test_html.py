"""The printable HTML summary, without a browser: one safe, self-contained, easy-read file.

The browser tests (tests/test_browser.py) print it and run axe-core; these read the
file as text and as parsed HTML, so they run everywhere and fast.
"""

from __future__ import annotations

import itertools
import re
import subprocess
import sys
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from summary_support import HOSTILE, PAGE_HEADINGS, answers, check_golden, hostile_plan, plain_plan, plan_from

from backmap import cli
from backmap.core import render, store
from backmap.core.plan import Plan
from backmap.session.plan_file import Session
from tests.example_plans import EXAMPLE

ROOT = Path(__file__).resolve().parent.parent

# Tags that load, run or send something. None may ever be in the file.
ACTIVE_TAGS = {
    "script",
    "img",
    "a",
    "link",
    "iframe",
    "object",
    "embed",
    "base",
    "form",
    "input",
    "audio",
    "video",
}
ACTIVE_TAGS |= {"source", "track", "frame", "frameset", "applet", "use", "image", "foreignobject", "template"}
NUMBERS = re.compile(r"[-\d .MC]+")


class Page(HTMLParser):
    """A parsed HTML file: its tags, attributes, text and headings."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, tuple[str, ...]]] = []
        self.attributes: list[tuple[str, str, str]] = []
        self.data: list[str] = []
        self.headings: list[tuple[str, str]] = []
        self._heading: str | None = None
        self._style = False
        self.style = ""
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # Wrapped lines in the pathway picture depend on the words; one tspan stands for all.
        if not (tag == "tspan" and self.tags and self.tags[-1][0] == "tspan"):
            self.tags.append((tag, tuple(sorted(name for name, _ in attrs))))
        self.attributes += [(tag, name, value or "") for name, value in attrs]
        if tag in ("h1", "h2", "h3"):
            self._heading = ""
        self._style = tag == "style"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("h1", "h2", "h3") and self._heading is not None:
            self.headings.append((tag, " ".join(self._heading.split())))
            self._heading = None
        self._style = False

    def handle_data(self, data: str) -> None:
        if self._style:
            self.style += data
            return
        self.data.append(data)
        if self._heading is not None:
            self._heading += data

    @property
    def text(self) -> str:
        return "\n".join(self.data)


@pytest.fixture(scope="module")
def example_html() -> str:
    return render.html(store.load(EXAMPLE))


@pytest.fixture(scope="module")
def example_page(example_html: str) -> Page:
    return Page(example_html)


# ----- golden and shape -------------------------------------------------------------------


def test_example_matches_the_golden_file(example_html: str) -> None:
    check_golden("day-centre.html", example_html)


def test_every_part_has_a_heading(example_page: Page) -> None:
    assert example_page.headings[0] == ("h1", "Our new day centre")
    names = [text for _, text in example_page.headings]
    for heading in PAGE_HEADINGS:
        assert heading in names, heading
    assert names[-1] == "Words we use", "the glossary comes at the end"
    levels = [int(tag[1]) for tag, _ in example_page.headings]
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), "no heading level is skipped"


def test_every_answer_of_the_example_is_in_the_file(example_page: Page) -> None:
    for answer in answers(store.load(EXAMPLE)):
        assert render.plain_text(answer) in example_page.text, answer


# ----- self-contained: nothing runs, nothing loads -------------------------------------------


def test_example_is_self_contained(example_html: str, example_page: Page) -> None:
    assert not re.search(r"https?:|//[a-z]", example_html, re.IGNORECASE)
    assert "@font-face" not in example_html
    assert "@import" not in example_html
    assert not re.search(r"url\((?!#)", example_html)
    assert not {tag for tag, _ in example_page.tags} & ACTIVE_TAGS
    assert not [name for _, name, _ in example_page.attributes if name.startswith("on")]
    assert not [
        v for _, name, v in example_page.attributes if name in ("href", "src", "xlink:href", "action")
    ]


def test_content_security_policy_allows_nothing_from_outside(example_page: Page) -> None:
    policy = next(v for tag, name, v in example_page.attributes if tag == "meta" and name == "content")
    assert ("meta", "http-equiv", "Content-Security-Policy") in example_page.attributes
    assert "default-src 'none'" in policy
    assert "script-src" not in policy
    assert "img-src data:" in policy


@pytest.mark.parametrize("turn", range(0, len(HOSTILE), 7))
def test_hostile_answers_are_only_text(turn: int) -> None:
    """Same tags and attributes as a plain plan of the same shape; answers only in the text."""
    plain = Page(render.html(plain_plan()))
    plan = plan_from([*HOSTILE[turn:], *HOSTILE[:turn]])
    hostile_html = render.html(plan)
    page = Page(hostile_html)
    assert page.tags == plain.tags
    assert without_title(page.style) == without_title(plain.style)
    shown = re.search(r'@top-left \{ content: ("[^"]*");', page.style)
    assert shown and CSS_STRING.fullmatch(shown.group(1)), "the title in the page header is only letters"
    known = {value for _, _, value in plain.attributes}
    for tag, name, value in page.attributes:
        assert value in known or NUMBERS.fullmatch(value), (tag, name, value)
    for answer in answers(plan):
        assert render.plain_text(answer) in page.text, answer
    assert "\x1b" not in hostile_html
    assert not re.search(
        r"<(?:script|img|style>\s*</style)", hostile_html[hostile_html.index("</style>") + 8 :]
    )


# A CSS string of letters, digits, spaces and escaped characters only: "</style>" cannot be in it.
CSS_STRING = re.compile(r'"(?:[A-Za-z0-9 ]|\\[0-9a-f]{1,6} )*"')


def without_title(style: str) -> str:
    """The stylesheet with the plan's name in the printed page header taken out."""
    return re.sub(r'(@top-left \{ content: )"[^"]*";', r"\1TITLE;", style)


@cache
def plain_page() -> Page:
    return Page(render.html(plain_plan()))


# Each example parses a whole page (a few ms): 100 at most, even in CI.
@settings(max_examples=min(100, settings.default.max_examples))
@given(st.lists(st.text(min_size=1).filter(render.plain_text), min_size=1, max_size=6))
def test_any_answers_are_only_text(texts: list[str]) -> None:
    plan = plan_from(texts)
    page = Page(render.html(plan))
    assert page.tags == plain_page().tags
    for answer in answers(plan):
        assert render.plain_text(answer) in page.text, answer


def test_the_dangerous_lines_are_escaped() -> None:
    page_html = render.html(hostile_plan())
    body = page_html[page_html.index("<body>") :]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "&lt;/style&gt;&lt;script&gt;" in body
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in body
    assert "<script" not in page_html and "<img" not in page_html
    assert page_html.count("</style>") == 1


# ----- easy-read layout ---------------------------------------------------------------------


def test_easy_read_stylesheet(example_page: Page) -> None:
    css = " ".join(example_page.style.split())
    assert "font-size: 16pt" in css
    assert "line-height: 1.5" in css
    assert "text-align: left" in css
    assert "max-width: 60ch" in css
    assert "@page { size: A4;" in css
    assert 'counter(page) " of " counter(pages)' in css, "printed pages say Page 2 of 5"
    assert '@top-left { content: "Our new day centre"' in css, "printed pages say the plan's name"
    assert '@top-right { content: "26 November 2026"' in css, "and the date"
    assert "justify" not in css and "italic" not in css and "uppercase" not in css


def test_every_picture_has_alt_text(example_html: str) -> None:
    svgs = re.findall(r"<svg\b[^>]*>.*?</svg>", example_html, re.DOTALL)
    assert len(svgs) >= 9
    for svg in svgs:
        opening = svg[: svg.index(">")]
        if 'aria-hidden="true"' in opening:
            continue  # a picture beside words that say the same
        assert 'role="img"' in opening
        assert "aria-label=" in opening or "aria-labelledby=" in opening
        assert "<title" in svg
    # One small picture of the pathway for each stepping stone, with short words for screen readers.
    pieces = re.findall(r'<div class="piece" role="img" aria-label="([^"]*)">', example_html)
    assert len(pieces) == 4
    assert pieces[0] == (
        "Picture: Activity 1 and activity 2 for co-production lead to stepping stone 1."
        " It leads to the impact."
    )


def test_pictures_of_each_part(example_html: str) -> None:
    for label in (
        "a target",
        "two people side by side",
        "a tree with deep roots",
        "stepping stones across water",
        "two people working together",
    ):
        assert f'aria-label="Picture: {label}"' in example_html


def html_sentences(text: str) -> list[str]:
    sentences = []
    for line in text.splitlines():
        sentences += [s for s in re.split(r"(?<=[.!?])\s+", line.strip()) if re.search(r"\w", s)]
    return sentences


def test_html_words_are_easy_read() -> None:
    page = Page(render.html(plan_from(["Sam"])))
    sentences = html_sentences(page.text)
    lengths = [len(re.findall(r"[\w'-]+", s)) for s in sentences]
    assert max(lengths) <= 15, sentences[lengths.index(max(lengths))]
    assert sum(lengths) / len(lengths) <= 10


# ----- the pathway picture ------------------------------------------------------------------


def test_render_html_of_a_100000_letter_word_finishes_with_every_letter(tmp_path: Path) -> None:
    plan = Plan(title="Long word")
    word = "abcdefghij" * 10_000
    plan.impact.project = word
    store.save(plan, tmp_path / "long.toml")
    result = subprocess.run(
        [sys.executable, "-m", "backmap", "render", "long.toml", "--format", "html"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,  # generous: it takes well under a second; speed is measured in bench/
        check=False,
    )
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "long.html").read_text(encoding="utf-8")
    assert word in page  # every letter, in order, in the words and in the pictures


# ----- the command line and saving ----------------------------------------------------------


def test_render_html_writes_beside_the_plan(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan_path = tmp_path / "day-centre.toml"
    plan_path.write_bytes(EXAMPLE.read_bytes())
    assert cli.main(["render", str(plan_path), "--format", "html"]) == 0
    written = tmp_path / "day-centre.html"
    assert written.read_text(encoding="utf-8") == render.html(store.load(EXAMPLE))
    assert str(written) in capsys.readouterr().out
    assert not (tmp_path / "day-centre.md").exists()


def test_render_default_is_markdown_and_output_is_kept(tmp_path: Path) -> None:
    plan_path = tmp_path / "day-centre.toml"
    plan_path.write_bytes(EXAMPLE.read_bytes())
    assert cli.main(["render", str(plan_path)]) == 0
    assert (tmp_path / "day-centre.md").read_text(encoding="utf-8").startswith("# Our new day centre")
    assert cli.main(["render", str(plan_path), "--format", "html", "-o", str(tmp_path / "print.html")]) == 0
    assert (tmp_path / "print.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_render_refuses_an_unknown_format(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as stopped:
        cli.main(["render", str(EXAMPLE), "--format", "pdf"])
    assert stopped.value.code == 2


def test_every_save_writes_the_html_beside_the_plan(tmp_path: Path) -> None:
    session = Session(folder=tmp_path, plan=store.load(EXAMPLE), path=tmp_path / "ours.toml")
    assert session.save().ok
    assert (tmp_path / "ours.md").exists()
    assert (tmp_path / "ours.html").read_text(encoding="utf-8") == render.html(session.plan)
    session.plan.title = "A new name <b>"
    assert session.save().ok
    assert "A new name &lt;b&gt;" in (tmp_path / "ours.html").read_text(encoding="utf-8")
