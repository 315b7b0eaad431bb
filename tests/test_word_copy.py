"""The Word copy people can edit (render --format docx) and the pathway poster (--format poster)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import docx
import pytest
from docx.shared import Pt
from summary_support import answers, big_plan

from backmap import cli
from backmap.core import render, store, word_copy
from tests.example_plans import EXAMPLE

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def big_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("docx") / "big.docx"
    word_copy.write(big_plan(), target)
    return target


def test_render_docx_writes_a_word_document_beside_the_plan(tmp_path: Path) -> None:
    plan_path = tmp_path / "day-centre.toml"
    plan_path.write_bytes(EXAMPLE.read_bytes())
    assert cli.main(["render", str(plan_path), "--format", "docx"]) == 0
    assert cli.main(["render", str(plan_path), "-o", str(tmp_path / "copy.docx")]) == 0
    for written in (tmp_path / "day-centre.docx", tmp_path / "copy.docx"):
        opened = docx.Document(str(written))
        assert opened.paragraphs[0].text == "Our new day centre"
        text = "\n".join(p.text for p in opened.paragraphs)
        for answer in answers(store.load(EXAMPLE)):
            assert render.plain_text(answer) in text, answer


def test_the_word_document_holds_every_answer_with_real_headings(big_docx: Path) -> None:
    opened = docx.Document(str(big_docx))
    text = "\n".join(p.text for p in opened.paragraphs)
    for answer in answers(big_plan()):
        assert render.plain_text(answer) in text, answer
    headings = [
        (p.style.name, p.text) for p in opened.paragraphs if p.style.name.startswith(("Heading", "Title"))
    ]
    for wanted in ("Our plan in short", "The impact", "Stepping stones for the project", "Words we use"):
        assert any(wanted == heading for _, heading in headings), wanted
    assert {"Heading 1", "Heading 2", "Heading 3"} <= {style for style, _ in headings}
    assert opened.styles["Normal"].font.size == Pt(16)
    # A picture beside each main point: 3 impact, 12 stepping stones, 24 activities and 3 more.
    assert len(opened.inline_shapes) >= 3 + 12 + 24 + 3
    # Links in words, and words for paper.
    assert "What leads to it: Activity 1, activity 7 and activity 12 for co-production." in text
    assert "Go to step" not in text


def test_pictures_are_real_png_files() -> None:
    for name in word_copy.PICTURES:
        data = word_copy.png(name, 32)
        assert data.startswith(b"\x89PNG\r\n\x1a\n")
        assert b"IEND" in data[-12:]


def test_libreoffice_converts_the_word_document_to_pdf(big_docx: Path, tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice or not shutil.which("pdftotext"):
        message = "LibreOffice and poppler-utils are needed (.ci/run installs libreoffice-writer-nogui)."
        if os.environ.get("CI") or os.environ.get("BACKMAP_REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    with tempfile.TemporaryDirectory(prefix="backmap-office-") as home:
        done = subprocess.run(
            [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(big_docx)],
            capture_output=True,
            text=True,
            timeout=300,
            env={**os.environ, "HOME": home},
        )
    pdf = tmp_path / "big.pdf"
    assert done.returncode == 0 and pdf.exists(), done.stderr
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Stepping stones for co-production" in text


# ----- the poster ---------------------------------------------------------------------------


def test_poster_is_one_landscape_page_of_the_pathway(tmp_path: Path) -> None:
    plan_path = tmp_path / "day-centre.toml"
    plan_path.write_bytes(EXAMPLE.read_bytes())
    assert cli.main(["render", str(plan_path), "--format", "poster"]) == 0
    page = (tmp_path / "day-centre-poster.html").read_text(encoding="utf-8")
    assert "size: A4 landscape" in page
    assert "The pathway for the project" in page and "The pathway for co-production" in page
    assert "too big for one page" not in page
    assert "<script" not in page and "<img" not in page and "https:" not in page and "http:" not in page
    assert (tmp_path / "day-centre.html").exists() is False, "the poster never takes the page's name"


def test_poster_of_a_big_plan_gives_each_part_a_page_and_says_so() -> None:
    page = render.poster(big_plan())
    assert "This plan is too big for one page. So each part has its own page." in page
    assert "break-before: page" in page


def test_the_poster_cuts_words_only_when_a_part_cannot_fit_its_page() -> None:
    example = render.context(store.load(EXAMPLE))
    assert render.poster_layout(example) == {"apart": False, "cut": {"project": 0, "coproduction": 0}}
    big = render.context(big_plan())
    layout = render.poster_layout(big)
    assert layout["apart"]
    room = render.POSTER_HEIGHT - 2 * render.POSTER_LINE - 8
    for part in big["parts"]:
        cut = layout["cut"][part["key"]]
        assert cut and render._poster_part(part, cut) <= room, "a part must fit its page"
        assert render._poster_part(part, 0) > room, "words are cut only when they must be"


def test_the_poster_cuts_at_a_word_and_keeps_16pt() -> None:
    plan = big_plan()
    page = render.poster(plan)
    assert "font-size: 16pt" in page
    assert not re.search(r"font-size: (?:1[0-5]|[0-9])(?:\.\d+)?(?:pt|px)", page)
    assert "Long words are cut short. The summary has them all." in page
    words = set(" ".join(o.text for o in plan.outcomes).split())
    for cut in re.findall(r'<span class="said">([^<]*)\.\.\.</span>', page):
        assert cut.split()[-1] in words, cut
        assert not cut.endswith((" ", ".", ","))
