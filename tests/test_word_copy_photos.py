"""The Word copy shows the photo of a quote it may show, as the printable page and the story do.

Only a "yes" quote's photo (the Word copy counts as public), only a picture file inside the plan's
folder (read through ``render.Photos``, as the page reads it), as wide as the page at most, with
the photo's words as its alt text so a screen reader says them.
"""

from __future__ import annotations

import base64
import io
import os
import shutil
import struct
import subprocess
import tempfile
import zipfile
import zlib
from pathlib import Path

import docx
import pytest
from docx.shape import InlineShape

from backmap import cli
from backmap.core import store, word_copy
from backmap.core.plan import Plan, Voice
from backmap.session.summaries import write_summaries
from tests.look_back_plans import PHOTO, PHOTO_WORDS, PNG, example_with_look_backs, write_with_photo

SHOWN_QUOTE = "Here we are in the new room."
# Words of photos that must never be in the Word copy, one for each share choice it may not show.
HIDDEN = {"team": "Priya at the team meeting.", "no": "Sam crying by the door.", "": "Nobody chose for me."}
SECRET = b"SECRET-bank-number-12345678"


def photo_bytes(size: int) -> bytes:
    """A real PNG of its own: the built-in pictures are 96 pixels, so no other size matches them."""
    return word_copy.png("notes", size)


def wide_png(width: int, height: int) -> bytes:
    """A grey PNG of any shape (the built-in pictures are all square)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = (b"\x00" + b"\x80" * width) * height
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def with_quotes(*voices: Voice) -> Plan:
    """The example looked back at twice, with these quotes added to the newest look-back."""
    plan = example_with_look_backs()
    plan.checkins[-1].voices += voices
    return plan


def rendered(path: Path) -> bytes:
    """What `backmap render PLAN --format docx` writes."""
    target = path.with_name("copy.docx")
    assert cli.main(["render", str(path), "-o", str(target), "--format", "docx"]) == 0
    return target.read_bytes()


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def photos_in(data: bytes) -> list[bytes]:
    """The pictures in the file that are not our own small pictures beside each main point."""
    ours = {word_copy.png(name) for name in word_copy.PICTURES}
    return [body for name, body in parts(data).items() if name.startswith("word/media/") and body not in ours]


def alt_texts(data: bytes) -> list[str]:
    """The alt text of every picture that has one, as a screen reader finds it."""
    shapes = docx.Document(io.BytesIO(data)).inline_shapes
    return [found for shape in shapes if (found := shape._inline.docPr.get("descr"))]


def words(data: bytes) -> str:
    return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)


def test_a_yes_quote_s_photo_is_in_the_word_copy_with_its_words_as_alt_text(tmp_path: Path) -> None:
    path = write_with_photo(with_quotes(Voice(SHOWN_QUOTE, "Sam", "o3", "yes", PHOTO, PHOTO_WORDS)), tmp_path)
    data = rendered(path)
    assert photos_in(data) == [PNG]
    assert alt_texts(data) == [PHOTO_WORDS]
    shown = words(data)
    assert SHOWN_QUOTE in shown
    assert f"Photo: {PHOTO_WORDS}" in shown  # the words stay for a reader of the printed copy
    # The picture comes right after its quote's words, in the part about what people said.
    body = docx.Document(io.BytesIO(data)).paragraphs
    texts = [p.text for p in body]
    where = texts.index(f"Photo: {PHOTO_WORDS}")
    assert body[where + 1]._p.xpath(".//wp:docPr/@descr") == [PHOTO_WORDS]


def test_the_word_copy_beside_the_plan_has_the_photo_too(tmp_path: Path) -> None:
    path = write_with_photo(with_quotes(Voice(SHOWN_QUOTE, "Sam", "o3", "yes", PHOTO, PHOTO_WORDS)), tmp_path)
    # A save writes the summaries and the story, never a Word copy: only `backmap render` makes one.
    write_summaries(store.load(path), path)
    assert not list(tmp_path.glob("*.docx"))
    assert cli.main(["render", str(path), "--format", "docx"]) == 0  # no -o: NAME.docx beside the plan
    data = store.summary_path(path, ".docx").read_bytes()
    assert photos_in(data) == [PNG]
    assert alt_texts(data) == [PHOTO_WORDS]


def test_a_photo_with_no_words_says_so_in_its_alt_text(tmp_path: Path) -> None:
    path = write_with_photo(with_quotes(Voice(SHOWN_QUOTE, "Sam", "o3", "yes", PHOTO, "")), tmp_path)
    data = rendered(path)
    assert photos_in(data) == [PNG]
    assert alt_texts(data) == ["There is a photo. Nobody has said what it shows yet."]


def test_a_gif_photo_goes_in_too(tmp_path: Path) -> None:
    gif = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")  # one pixel
    voice = Voice(SHOWN_QUOTE, "Sam", "o3", "yes", "photos/dot.gif", "A dot.")
    path = write_with_photo(with_quotes(voice), tmp_path)
    (tmp_path / "photos" / "dot.gif").write_bytes(gif)
    data = rendered(path)
    assert photos_in(data) == [gif]
    assert alt_texts(data) == ["A dot."]


def photo_in_word(tmp_path: Path, name: str, picture: bytes, words: str) -> tuple[InlineShape, int]:
    """A "yes" quote with the photo ``name`` in the Word copy: its shape, and how wide the text is."""
    voice = Voice(SHOWN_QUOTE, "Sam", "o3", "yes", f"photos/{name}", words)
    path = write_with_photo(with_quotes(voice), tmp_path)
    (tmp_path / "photos" / name).write_bytes(picture)
    data = rendered(path)
    assert photos_in(data) == [picture]
    opened = docx.Document(io.BytesIO(data))
    section = opened.sections[-1]
    room = section.page_width - section.left_margin - section.right_margin
    (shape,) = [s for s in opened.inline_shapes if s._inline.docPr.get("descr") == words]
    return shape, room


def test_a_big_photo_fits_the_page_and_keeps_its_shape(tmp_path: Path) -> None:
    big = word_copy.png("impact", 1500)  # 1500 pixels at 72 dpi: 53 cm, wider than any page
    shape, room = photo_in_word(tmp_path, "big.png", big, "A big photo.")
    assert 0 < shape.width <= room
    assert shape.height.cm <= word_copy.PHOTO_HEIGHT_CM + 0.01  # no taller than on the printable page
    assert abs(shape.width - shape.height) <= 2  # a square photo stays square


def test_a_wide_photo_is_as_wide_as_the_page_s_text(tmp_path: Path) -> None:
    wide = wide_png(3000, 300)  # at 72 dpi: 106 cm wide, 10.6 cm high
    shape, room = photo_in_word(tmp_path, "wide.png", wide, "A wide photo.")
    assert room - 2 <= shape.width <= room
    assert abs(shape.height * 10 - shape.width) <= 20  # ten times as wide as high, as the photo


def outside_photo(how: str, tmp_path: Path, folder: Path) -> str:
    """A photo name that points out of the plan's folder, to a real PNG holding a secret."""
    outside = tmp_path / "outside.png"
    outside.write_bytes(photo_bytes(30) + SECRET)  # a picture Word would take, if it were ever read
    if how == "absolute":
        return str(outside)
    if how == "climbs out":
        return "../outside.png"
    (folder / "photos" / "link.png").symlink_to(outside)
    return "photos/link.png"


@pytest.mark.parametrize("how", ["absolute", "climbs out", "link out"])
def test_a_photo_outside_the_plan_s_folder_is_never_read(how: str, tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "photos").mkdir()
    name = outside_photo(how, tmp_path, folder)
    plan = with_quotes(
        Voice(SHOWN_QUOTE, "Sam", "o3", "yes", PHOTO, PHOTO_WORDS),
        Voice("Look at this.", "Sam", "o3", "yes", name, "A photo from somewhere else."),
    )
    data = rendered(write_with_photo(plan, folder))
    # The photo inside the folder is there; the one outside is in no part of the file.
    assert photos_in(data) == [PNG]
    assert alt_texts(data) == [PHOTO_WORDS]
    for body in parts(data).values():
        assert SECRET not in body
        assert photo_bytes(30) not in body
    assert "Photo: A photo from somewhere else." in words(data)  # its words stay, as before


def test_only_a_yes_quote_s_photo_is_ever_in_the_word_copy(tmp_path: Path) -> None:
    hidden = {share: photo_bytes(40 + n) for n, share in enumerate(HIDDEN)}
    voices = [Voice(SHOWN_QUOTE, "Sam", "o3", "yes", PHOTO, PHOTO_WORDS)]
    voices += [
        Voice(f"Quote {share!r}.", "Sam", "o3", share, f"photos/{n}.png", HIDDEN[share])
        for n, share in enumerate(HIDDEN)
    ]
    path = write_with_photo(with_quotes(*voices), tmp_path)
    for n, share in enumerate(HIDDEN):
        (tmp_path / "photos" / f"{n}.png").write_bytes(hidden[share])
    data = rendered(path)
    assert photos_in(data) == [PNG]
    assert alt_texts(data) == [PHOTO_WORDS]
    everything = b"\n".join(parts(data).values())
    for share, picture in hidden.items():
        assert picture not in everything, share
        assert HIDDEN[share].encode() not in everything, share


def test_a_photo_word_cannot_read_leaves_only_its_words(tmp_path: Path) -> None:
    broken = b"\x89PNG\r\n\x1a\n" + b"not really a picture"
    webp = (
        b"RIFF\x1a\x00\x00\x00WEBPVP8L\x0d\x00\x00\x00/\x00\x00\x00\x10\x07\x10\x11\x11\x88\x88\xfe\x07\x00"
    )
    plan = with_quotes(
        Voice("A broken photo.", "Sam", "o3", "yes", "photos/broken.png", "Broken words."),
        Voice("A WebP photo.", "Sam", "o3", "yes", "photos/new.webp", "WebP words."),
        Voice(SHOWN_QUOTE, "Sam", "o3", "yes", PHOTO, PHOTO_WORDS),
    )
    path = write_with_photo(plan, tmp_path)
    (tmp_path / "photos" / "broken.png").write_bytes(broken)
    (tmp_path / "photos" / "new.webp").write_bytes(webp)
    data = rendered(path)
    assert photos_in(data) == [PNG]
    shown = words(data)
    assert "Photo: Broken words." in shown and "Photo: WebP words." in shown


def test_without_a_finished_look_back_the_word_copy_is_as_before(tmp_path: Path) -> None:
    plan = with_quotes(Voice(SHOWN_QUOTE, "Sam", "o3", "yes", PHOTO, PHOTO_WORDS))
    for checkin in plan.checkins:
        checkin.finished = False
    path = write_with_photo(plan, tmp_path)
    before = word_copy.document(store.load(path))  # no plan path: no photo can be read
    assert parts(rendered(path)) == parts(before)
    assert photos_in(before) == []


def test_libreoffice_opens_the_word_copy_with_its_photo(tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice or not shutil.which("pdfimages"):
        message = "LibreOffice and poppler-utils are needed (.ci/run installs libreoffice-writer-nogui)."
        if os.environ.get("CI") or os.environ.get("BACKMAP_REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    big = word_copy.png("impact", 300)
    path = write_with_photo(
        with_quotes(Voice(SHOWN_QUOTE, "Sam", "o3", "yes", "photos/big.png", "A big photo.")), tmp_path
    )
    (tmp_path / "photos" / "big.png").write_bytes(big)
    target = path.with_name("copy.docx")
    target.write_bytes(rendered(path))
    with tempfile.TemporaryDirectory(prefix="backmap-office-") as home:
        done = subprocess.run(
            [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(target)],
            capture_output=True,
            text=True,
            timeout=300,
            env={**os.environ, "HOME": home},
        )
    pdf = tmp_path / "copy.pdf"
    assert done.returncode == 0 and pdf.exists(), done.stderr
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert SHOWN_QUOTE in text
    listed = subprocess.run(
        ["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    sizes = {tuple(line.split()[3:5]) for line in listed.splitlines()[2:]}
    assert ("300", "300") in sizes  # the photo, drawn at its own size of 300 by 300 pixels
