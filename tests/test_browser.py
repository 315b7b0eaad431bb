"""The summary in a real browser: print to PDF, axe-core, Mermaid, and nothing runs or loads.

Needs Debian's chromium, poppler-utils (pdftotext, pdfinfo, pdftoppm), node and the npm
packages in tests/browser (``npm ci`` there). ``.ci/run`` installs them all. When one is
missing these tests fail with a clear message if CI (or BACKMAP_REQUIRE_BROWSER, which
.ci/run sets) is set, and are skipped otherwise.

Files for a person to look at (the HTML, the PDF and a PNG of its first page) are kept
in tests/artifacts/, which git ignores.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import pytest
from summary_support import HOSTILE, PAGE_HEADINGS, answers, big_plan, hostile_plan

from backmap.core import render, store, story
from backmap.core.plan import Plan
from tests.example_plans import EXAMPLE
from tests.look_back_plans import (
    NO_QUOTE,
    PHOTO_WORDS,
    TEAM_QUOTE,
    YES_QUOTE,
    big_looked_back_plan,
    example_with_look_backs,
    looked_back_twice,
    wordy_looked_back_plan,
    write_with_photo,
)

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
NODE_DIR = HERE / "browser"
ARTIFACTS = HERE / "artifacts"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
NPM_PACKAGES = ("axe-core", "playwright-core", "mermaid")
# A safety net for a browser that hangs, not a measure of speed.
HANG = 300

# The lines that must never run or load anything in the browser.
DANGEROUS = (
    "<script>alert(1)</script>",
    "</style><script>alert(2)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(document.cookie)",
)
# A page that does run and load things: proof that the watcher sees them.
CANARY = '<!DOCTYPE html><html lang="en"><title>x</title><img src=x onerror="alert(1)">'
CANARY += "<script>console.log(2)</script>"

A4_POINTS = (595, 842)  # 210 x 297 mm
EDGE_POINTS = 28  # 10 mm: no printed word may come nearer the edge of the paper than this


def missing() -> list[str]:
    """What the browser tests need and this computer lacks, with how to get it."""
    problems = []
    if not Path(CHROMIUM).exists():
        problems.append(f"{CHROMIUM} (apt-get install chromium)")
    for tool in ("pdftotext", "pdfinfo", "pdftoppm"):
        if not shutil.which(tool):
            problems.append(f"{tool} (apt-get install poppler-utils)")
    if not shutil.which("node"):
        problems.append("node (apt-get install nodejs)")
    for package in NPM_PACKAGES:
        if not (NODE_DIR / "node_modules" / package / "package.json").exists():
            problems.append(f"the npm package {package} (cd tests/browser && npm ci)")
    return problems


@pytest.fixture(scope="module", autouse=True)
def browser_ready() -> None:
    problems = missing()
    if not problems:
        return
    message = "The browser tests need: " + "; ".join(problems) + ". .ci/run installs them."
    if os.environ.get("CI") or os.environ.get("BACKMAP_REQUIRE_BROWSER"):
        pytest.fail(message)
    pytest.skip(message)


def node(script: str, job: dict[str, Any]) -> Any:
    """Run one of the node scripts in tests/browser on a JSON job; return its JSON answer."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as stream:
        json.dump(job, stream)
    try:
        result = subprocess.run(
            ["node", str(NODE_DIR / script), stream.name],
            cwd=NODE_DIR,
            capture_output=True,
            text=True,
            timeout=HANG,
            env={**os.environ, "CHROMIUM": CHROMIUM},
        )
    finally:
        os.unlink(stream.name)
    if result.returncode != 0:
        pytest.fail(f"tests/browser/{script} failed:\n{result.stderr[-4000:]}")
    return json.loads(result.stdout)


def print_to_pdf(html_file: Path) -> Path:
    """Print a file to PDF with headless Chromium, the way a person's Print button would."""
    pdf = html_file.with_suffix(".pdf")
    pdf.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(prefix="backmap-chromium-") as profile:
        subprocess.run(
            [
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--log-level=3",
                f"--user-data-dir={profile}",
                "--no-pdf-header-footer",
                f"--print-to-pdf={pdf}",
                html_file.resolve().as_uri(),
            ],
            capture_output=True,
            timeout=HANG,
            check=False,
        )
    assert pdf.exists() and pdf.stat().st_size > 0, f"Chromium did not print {html_file}"
    return pdf


def pdf_info(pdf: Path) -> dict[str, str]:
    output = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return {
        key.strip(): value.strip() for key, _, value in (line.partition(":") for line in output.splitlines())
    }


def pdf_text(pdf: Path) -> str:
    """The printed words, on one line: a sentence broken over two lines still matches."""
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(text.split())


def pdf_words(pdf: Path) -> list[tuple[float, float, float, float, str]]:
    """Every printed word with its box, in points from the top left of its page."""
    output = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True)
    words = re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', output.stdout
    )
    return [(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in words]


def first_page_png(pdf: Path) -> Path:
    """A picture of the first printed page, about as a person sees the paper."""
    stem = pdf.with_name(pdf.stem + "-page-1")
    subprocess.run(
        ["pdftoppm", "-png", "-r", "100", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(stem)],
        check=True,
        capture_output=True,
    )
    return stem.with_suffix(".png")


def without_policy(html: str) -> str:
    """The same page with its Content-Security-Policy taken out: escaping alone must hold."""
    return re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>\n?', "", html)


def words_of(text: str) -> str:
    """Text as the browser reports it: runs of whitespace (as JavaScript sees it) as one space."""
    return re.sub(r"[\s\ufeff]+", " ", text).strip()


@pytest.fixture(scope="module")
def plans() -> dict[str, Plan]:
    return {"example": store.load(EXAMPLE), "hostile": hostile_plan(), "empty": Plan(), "big": big_plan()}


@pytest.fixture(scope="module")
def pages(plans: dict[str, Plan]) -> dict[str, Path]:
    """The HTML files the browser opens, kept in tests/artifacts/."""
    ARTIFACTS.mkdir(exist_ok=True)
    files = {}
    for name, plan in plans.items():
        files[name] = ARTIFACTS / f"{name}.html"
        files[name].write_text(render.html(plan), encoding="utf-8")
    files["hostile-no-policy"] = ARTIFACTS / "hostile-no-policy.html"
    files["hostile-no-policy"].write_text(without_policy(render.html(plans["hostile"])), encoding="utf-8")
    files["canary"] = ARTIFACTS / "canary.html"
    files["canary"].write_text(CANARY, encoding="utf-8")
    return files


@pytest.fixture(scope="module")
def printed(pages: dict[str, Path]) -> dict[str, Path]:
    pdfs = {name: print_to_pdf(pages[name]) for name in ("example", "hostile", "empty", "big")}
    for pdf in pdfs.values():
        first_page_png(pdf)
    return pdfs


# ----- print to PDF -------------------------------------------------------------------------


def test_example_prints_on_at_most_six_a4_pages(printed: dict[str, Path]) -> None:
    info = pdf_info(printed["example"])
    assert int(info["Pages"]) <= 6, info["Pages"]
    width, height = (float(n) for n in re.findall(r"[\d.]+", info["Page size"])[:2])
    assert (round(width), round(height)) == A4_POINTS, info["Page size"]


def test_every_part_of_the_example_is_printed(printed: dict[str, Path], plans: dict[str, Plan]) -> None:
    text = pdf_text(printed["example"])
    for heading in PAGE_HEADINGS:
        assert heading in text, heading
    for answer in answers(plans["example"]):
        assert words_of(answer) in text, answer


def test_nothing_is_cut_at_the_edges(printed: dict[str, Path]) -> None:
    for name, pdf in printed.items():
        words = pdf_words(pdf)
        assert words, name
        outside = [
            w
            for w in words
            if w[0] < EDGE_POINTS
            or w[1] < EDGE_POINTS
            or w[2] > A4_POINTS[0] - EDGE_POINTS
            or w[3] > A4_POINTS[1] - EDGE_POINTS
        ]
        assert not outside, (name, outside[:5])


def test_a_picture_of_the_first_page_is_kept(printed: dict[str, Path]) -> None:
    png = printed["example"].with_name("example-page-1.png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


BODY_PX = 16 * 96 / 72  # 16pt, the body size, in CSS pixels


def page_texts(pdf: Path) -> list[list[str]]:
    """The lines of text of each printed page."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    pages = text.stdout.split("\f")
    return [[" ".join(line.split()) for line in page.splitlines() if line.strip()] for page in pages[:-1]]


def test_a_big_plan_prints_on_at_most_14_pages(printed: dict[str, Path]) -> None:
    assert int(pdf_info(printed["big"])["Pages"]) <= 14


def test_every_page_says_its_number_and_the_plan_name(
    printed: dict[str, Path], plans: dict[str, Plan]
) -> None:
    for name, pdf in printed.items():
        pages = page_texts(pdf)
        title = render.plain_text(plans[name].title) or "Our plan"
        first_words = " ".join(words_of(title).split()[:3])
        for number, lines in enumerate(pages, start=1):
            text = " ".join(lines)
            assert f"Page {number} of {len(pages)}" in text, (name, number)
            assert first_words in text, (name, number, "the plan's name is missing")


def test_no_page_holds_only_a_heading(printed: dict[str, Path], pages: dict[str, Path]) -> None:
    for name, pdf in printed.items():
        html = pages[name].read_text(encoding="utf-8")
        headings = {
            words_of(re.sub(r"<[^>]+>", "", h)) for h in re.findall(r"<h[1-3][^>]*>(.*?)</h[1-3]>", html)
        }
        for number, lines in enumerate(page_texts(pdf), start=1):
            # The first line is the page header (name and date), the last one the page number.
            body = lines[1:-1]
            assert body, (name, number, "an empty page")
            assert not set(body) <= headings, (name, number, body)


def test_no_text_is_smaller_than_the_body(pages: dict[str, Path], sizes: dict[str, Any]) -> None:
    for name in ("example", "empty", "big"):
        size, tag, text = sizes[str(pages[name])]["smallest"]
        assert size >= BODY_PX - 0.01, (name, size, tag, text)


def test_axe_finds_nothing_with_forced_colours(pages: dict[str, Path], sizes: dict[str, Any]) -> None:
    for name in ("example", "empty", "big"):
        assert sizes[str(pages[name])]["forced"] == [], name


@pytest.fixture(scope="module")
def sizes(pages: dict[str, Path]) -> dict[str, Any]:
    return node("sizes.js", {"files": [str(pages[name]) for name in ("example", "empty", "big")]})


# ----- axe-core ----------------------------------------------------------------------------


def test_axe_finds_no_violations(pages: dict[str, Path]) -> None:
    files = [str(pages[name]) for name in ("example", "hostile", "empty", "big")]
    found = node("axe.js", {"files": files})
    for file in files:
        assert found[file] == [], json.dumps(found[file], indent=1)


def test_axe_does_find_a_violation_in_a_bad_page(tmp_path: Path) -> None:
    """The check itself works: a page with a nameless picture and no language fails."""
    bad = tmp_path / "bad.html"
    bad.write_text(
        '<!DOCTYPE html><html><head><title>x</title></head><body><svg role="img"></svg></body></html>'
    )
    found = node("axe.js", {"files": [str(bad)]})
    assert {"html-has-lang", "svg-img-alt"} <= {v["id"] for v in found[str(bad)]}


# ----- Mermaid ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def mermaid_results(plans: dict[str, Plan]) -> tuple[dict[str, Any], dict[str, dict[str, str]]]:
    blocks: dict[str, str] = {}
    expected: dict[str, dict[str, str]] = {}
    for name, plan in plans.items():
        for pathway in render.pathways(plan):
            key = f"{name}-{pathway.part}"
            fenced = render.mermaid(pathway)
            blocks[key] = fenced.removeprefix("```mermaid\n").removesuffix("\n```")
            nodes = [*pathway.activities, *pathway.stones, pathway.impact]
            expected[key] = {n.key: words_of(render.mermaid_shown(n.label)) for n in nodes}
    answer = node("mermaid.js", {"blocks": blocks})
    assert answer["dialogs"] == []
    return answer["results"], expected


def test_mermaid_draws_every_block(mermaid_results: tuple[dict[str, Any], dict[str, dict[str, str]]]) -> None:
    results, expected = mermaid_results
    assert set(results) == set(expected)
    for name, result in results.items():
        for mode in ("html", "svg"):
            assert result[mode]["ok"], f"{name} ({mode} labels): {result[mode]['error']}"
        assert result["html"]["scripts"] == 0


def test_mermaid_labels_show_the_answers(
    mermaid_results: tuple[dict[str, Any], dict[str, dict[str, str]]],
) -> None:
    results, expected = mermaid_results
    for name, result in results.items():
        shown = {key: words_of(text) for key, text in result["html"]["labels"].items()}
        assert shown == expected[name], name
    # Plain SVG labels are wrapped into rows without spaces between them; compare the letters.
    for name in ("example-project", "example-coproduction"):
        shown = {key: re.sub(r"\s", "", text) for key, text in results[name]["svg"]["labels"].items()}
        assert shown == {key: re.sub(r"\s", "", text) for key, text in expected[name].items()}


# ----- nothing runs, nothing loads ----------------------------------------------------------


@pytest.fixture(scope="module")
def watched(pages: dict[str, Path]) -> dict[str, Any]:
    files = [str(pages[name]) for name in ("example", "hostile", "hostile-no-policy", "canary")]
    return node("safety.js", {"files": files, "texts": [*DANGEROUS, "[bold red]Rich markup[/bold red]"]})


@pytest.mark.parametrize("name", ["example", "hostile", "hostile-no-policy"])
def test_nothing_runs_and_nothing_loads(name: str, pages: dict[str, Path], watched: dict[str, Any]) -> None:
    seen = watched[str(pages[name])]
    assert seen["requests"] == [seen["url"]], "only the file itself may load"
    assert seen["dialogs"] == []
    assert seen["console"] == []
    assert seen["errors"] == []
    assert seen["popups"] == [] and seen["downloads"] == []
    assert seen["violations"] == [], "the page tried to run or load something"
    assert seen["scripts"] == 0
    assert seen["onAttributes"] == []
    assert seen["linking"] == []
    assert seen["images"] == 0 and seen["iframes"] == 0


def test_the_watcher_sees_a_page_that_runs_and_loads(pages: dict[str, Path], watched: dict[str, Any]) -> None:
    seen = watched[str(pages["canary"])]
    assert seen["dialogs"] == ["1"]
    assert len(seen["requests"]) == 2
    assert "log: 2" in seen["console"]
    assert seen["scripts"] == 1 and seen["onAttributes"] == ["IMG onerror"]


def test_dangerous_answers_show_as_text(pages: dict[str, Path], watched: dict[str, Any]) -> None:
    for name in ("hostile", "hostile-no-policy"):
        assert watched[str(pages[name])]["missingTexts"] == [], name
    assert all(any(line in text for text in HOSTILE) for line in DANGEROUS)


@pytest.mark.parametrize("name", ["example", "hostile"])
def test_nothing_is_wider_than_a4(name: str, pages: dict[str, Path], watched: dict[str, Any]) -> None:
    seen = watched[str(pages[name])]
    assert seen["screenOverflow"] <= 0
    assert seen["printOverflow"] <= 0


# ----- the pathway pieces: no box over another ----------------------------------------------


@pytest.fixture(scope="module")
def layout(pages: dict[str, Path]) -> dict[str, Any]:
    return node("layout.js", {"files": [str(pages[name]) for name in ("example", "big")]})


@pytest.mark.parametrize("name", ["example", "big"])
def test_no_box_of_a_pathway_piece_overlaps_another(
    name: str, pages: dict[str, Path], layout: dict[str, Any]
) -> None:
    """As printed, no activity, stepping stone, impact or arrow runs under another, whatever its words."""
    seen = layout[str(pages[name])]
    assert seen["pieces"] > 0
    assert seen["overlaps"] == [], seen["overlaps"][:5]
    assert seen["outside"] == [], "words run out of their box"


# ----- the pathway poster -------------------------------------------------------------------

A4_LANDSCAPE = (842, 595)


@pytest.fixture(scope="module")
def posters(plans: dict[str, Plan]) -> dict[str, Path]:
    """The poster of the worked example (fits one page), of the big plan (one page a part), and of
    the example looked back at (a status in each stepping stone's box: one page a part)."""
    ARTIFACTS.mkdir(exist_ok=True)
    files = {}
    for name, plan in (
        *((name, plans[name]) for name in ("example", "big")),
        ("looked", example_with_look_backs()),
    ):
        files[name] = ARTIFACTS / f"poster-{name}.html"
        files[name].write_text(render.poster(plan), encoding="utf-8")
    return files


@pytest.fixture(scope="module")
def printed_posters(posters: dict[str, Path]) -> dict[str, Path]:
    return {name: print_to_pdf(file) for name, file in posters.items()}


@pytest.mark.parametrize(("name", "most"), [("example", 1), ("big", 2), ("looked", 2)])
def test_the_poster_prints_on_one_landscape_page_or_one_a_part(
    name: str, most: int, printed_posters: dict[str, Path], plans: dict[str, Plan]
) -> None:
    plans = {**plans, "looked": example_with_look_backs()}
    info = pdf_info(printed_posters[name])
    assert int(info["Pages"]) <= most, (name, info["Pages"])
    width, height = (float(n) for n in re.findall(r"[\d.]+", info["Page size"])[:2])
    assert (round(width), round(height)) == A4_LANDSCAPE, info["Page size"]
    title = words_of(render.plain_text(plans[name].title))
    for number, lines in enumerate(page_texts(printed_posters[name]), start=1):
        text = " ".join(lines)
        assert title in text, (name, number, "the plan's name is missing")
        if most > 1:
            assert "too big for one page" in text, (name, number)


def test_the_poster_has_no_violations_and_no_box_over_another(posters: dict[str, Path]) -> None:
    files = [str(file) for file in posters.values()]
    found = node("axe.js", {"files": files})
    boxes = node("layout.js", {"files": files, "width": 1047})  # landscape A4 less its margins
    for file in files:
        assert found[file] == [], json.dumps(found[file], indent=1)
        assert boxes[file]["pieces"] > 0 and boxes[file]["overlaps"] == [], boxes[file]
        assert boxes[file]["outside"] == [], boxes[file]


# ----- the impact story (backmap story) -----------------------------------------------------

STORY_PAGES = 5  # the most A4 pages a printed story may take


@pytest.fixture(scope="module")
def story_plans() -> dict[str, tuple[Plan, Path]]:
    """The worked example looked back at twice (its photo beside it), the big looked-back plan,
    and a plan with hostile words in every field of two look-backs (and as its photos' names)."""
    folder = ARTIFACTS / "story"
    folder.mkdir(parents=True, exist_ok=True)
    example = write_with_photo(example_with_look_backs(), folder, "example.toml")
    # Each field starts with one of the dangerous lines, so each is shown somewhere, then a HOSTILE one.
    hostile_words = (f"{d} {h}" for d, h in zip(itertools.cycle(DANGEROUS), itertools.cycle(HOSTILE)))
    return {
        "example": (store.load(example), example),
        "big": (big_looked_back_plan(), folder / "big.toml"),
        "wordy": (wordy_looked_back_plan(), folder / "wordy.toml"),
        "hostile": (looked_back_twice(hostile_plan(), lambda: next(hostile_words)), folder / "hostile.toml"),
    }


@pytest.fixture(scope="module")
def story_pages(story_plans: dict[str, tuple[Plan, Path]]) -> dict[str, Path]:
    files = {}
    for name, (plan, path) in story_plans.items():
        files[name] = path.with_name(f"{name}-story.html")
        files[name].write_text(story.html(plan, path), encoding="utf-8")
    plan, path = story_plans["hostile"]
    files["hostile-no-policy"] = path.with_name("hostile-no-policy-story.html")
    files["hostile-no-policy"].write_text(without_policy(story.html(plan, path)), encoding="utf-8")
    return files


@pytest.fixture(scope="module")
def printed_stories(story_pages: dict[str, Path]) -> dict[str, Path]:
    pdfs = {name: print_to_pdf(story_pages[name]) for name in ("example", "big", "wordy")}
    for pdf in pdfs.values():
        first_page_png(pdf)
    return pdfs


@pytest.mark.parametrize("name", ["example", "big", "wordy"])
def test_the_story_prints_on_at_most_five_a4_pages(name: str, printed_stories: dict[str, Path]) -> None:
    info = pdf_info(printed_stories[name])
    assert int(info["Pages"]) <= STORY_PAGES, (name, info["Pages"])
    width, height = (float(n) for n in re.findall(r"[\d.]+", info["Page size"])[:2])
    assert (round(width), round(height)) == A4_POINTS, info["Page size"]


def test_every_story_page_has_its_number_the_plan_name_and_the_dates(
    printed_stories: dict[str, Path], story_plans: dict[str, tuple[Plan, Path]]
) -> None:
    for name, pdf in printed_stories.items():
        plan, _ = story_plans[name]
        title = " ".join(words_of(render.plain_text(plan.title)).split()[:3])
        dates = story.build(plan).dates
        pages = page_texts(pdf)
        assert len(pages) > 1, name  # the header and footer are proven on more than one page
        for number, lines in enumerate(pages, start=1):
            text = " ".join(lines)
            assert f"Page {number} of {len(pages)}" in text, (name, number)
            assert title in text, (name, number, "the plan's name is missing")
            assert dates in text, (name, number, "the dates are missing")


def test_the_printed_story_quotes_only_what_everyone_may_see(
    printed_stories: dict[str, Path], story_plans: dict[str, tuple[Plan, Path]]
) -> None:
    text = pdf_text(printed_stories["example"])
    assert YES_QUOTE in text and "We chose the name together." in text
    assert TEAM_QUOTE not in text and NO_QUOTE not in text
    big = pdf_text(printed_stories["big"])
    chosen = next(s for s in story.build(story_plans["big"][0]).sections if s.key == "said").points
    assert chosen
    for point in chosen:
        assert point.lines[0].plain() in big
    assert "that yes may see" in big
    assert "that team may see" not in big and "that no may see" not in big


def test_the_printed_story_shows_progress_in_words_and_symbols(printed_stories: dict[str, Path]) -> None:
    """Black and white: every status is a word and a symbol, never colour alone."""
    text = pdf_text(printed_stories["example"])
    assert "[x] It happened." in text and "[~] On the way." in text and "[>] We changed our plan." in text
    assert "First time: [~] On the way. Now: [x] It happened." in text
    assert "The full record is in big.html" in pdf_text(printed_stories["big"])


def test_no_printed_story_word_is_cut_at_the_edges(printed_stories: dict[str, Path]) -> None:
    for name, pdf in printed_stories.items():
        words = pdf_words(pdf)
        assert words, name
        outside = [
            w
            for w in words
            if w[0] < EDGE_POINTS
            or w[1] < EDGE_POINTS
            or w[2] > A4_POINTS[0] - EDGE_POINTS
            or w[3] > A4_POINTS[1] - EDGE_POINTS
        ]
        assert not outside, (name, outside[:5])


def test_no_story_text_is_smaller_than_16pt_and_forced_colours_pass(story_pages: dict[str, Path]) -> None:
    files = [str(story_pages[name]) for name in ("example", "big")]
    found = node("sizes.js", {"files": files})
    for file in files:
        size, tag, text = found[file]["smallest"]
        assert size >= BODY_PX - 0.01, (file, size, tag, text)
        assert found[file]["forced"] == [], file


def test_axe_finds_no_violations_in_the_story(story_pages: dict[str, Path]) -> None:
    files = [str(story_pages[name]) for name in ("example", "big", "wordy", "hostile")]
    found = node("axe.js", {"files": files})
    for file in files:
        assert found[file] == [], json.dumps(found[file], indent=1)


@pytest.fixture(scope="module")
def watched_stories(story_pages: dict[str, Path]) -> dict[str, Any]:
    files = [str(story_pages[name]) for name in ("example", "hostile", "hostile-no-policy")]
    return node("safety.js", {"files": files, "texts": list(DANGEROUS)})


def test_the_photo_shows_with_its_words_and_loads_nothing(
    story_pages: dict[str, Path], watched_stories: dict[str, Any]
) -> None:
    seen = watched_stories[str(story_pages["example"])]
    assert seen["pictures"] == [{"alt": PHOTO_WORDS, "shown": True, "scheme": "data"}]
    assert seen["requests"] == [seen["url"]], "only the page itself may load: the photo is inside it"
    assert seen["violations"] == [] and seen["scripts"] == 0


@pytest.mark.parametrize("name", ["hostile", "hostile-no-policy"])
def test_hostile_words_in_a_story_run_nothing_and_load_nothing(
    name: str, story_pages: dict[str, Path], watched_stories: dict[str, Any]
) -> None:
    seen = watched_stories[str(story_pages[name])]
    assert seen["requests"] == [seen["url"]], "only the file itself may load"
    assert seen["dialogs"] == [] and seen["console"] == [] and seen["errors"] == []
    assert seen["popups"] == [] and seen["downloads"] == []
    assert seen["violations"] == [], "the page tried to run or load something"
    assert seen["scripts"] == 0 and seen["onAttributes"] == [] and seen["linking"] == []
    assert seen["images"] == 0 and seen["iframes"] == 0  # no photo name led outside the folder
    assert seen["missingTexts"] == [], "the dangerous words show as words"
    assert seen["printOverflow"] <= 0


def test_no_point_of_the_story_is_cut_across_two_pages(
    printed_stories: dict[str, Path], story_plans: dict[str, tuple[Plan, Path]]
) -> None:
    """Each point (a stepping stone with its progress, a quote with who said it) stays on one page."""
    for name, pdf in printed_stories.items():
        pages = [words_of(page) for page in pdf_pages(pdf)]
        plan, path = story_plans[name]
        checked = 0
        for section in story.build(plan, path).sections:
            for point in section.points:
                if point.name is None:
                    continue
                first, last = words_of(point.name.plain()), words_of(point.lines[-1].plain())
                holding = [n for n, page in enumerate(pages) if first in page and last in page]
                assert holding, (name, first, last, "split across pages")
                checked += 1
        assert checked > 10, name


def pdf_pages(pdf: Path) -> list[str]:
    """The text of each printed page."""
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1]
