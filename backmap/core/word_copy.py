"""The summary as a Word document people can edit, made with python-docx.

Same sections and words as the printable page: real headings, 16pt text, a small picture
beside each main point (drawn here as PNG, because Word cannot show our SVG), and the
links between activities and stepping stones written in words. A quote's photo goes in as the
printable page shows it (only from the plan's folder), with its words as the alt text.
"""

from __future__ import annotations

import io
import math
import struct
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from backmap.core import going, render
from backmap.core.plan import Plan

# The Word copy is shared and edited outside the team's own files, so it counts as public:
# only "yes" quotes, as on the poster (docs/plan-format.md, "Who may see a quote").
WORD_COPY_AUDIENCE = going.PUBLIC

Inside = Callable[[float, float], bool]  # is the point (x, y) in 0..1 inked?


def _ring(cx: float, cy: float, r: float, width: float = 0.06) -> Inside:
    return lambda x, y: abs(math.hypot(x - cx, y - cy) - r) < width / 2


def _disc(cx: float, cy: float, rx: float, ry: float | None = None) -> Inside:
    ry = rx if ry is None else ry
    return lambda x, y: ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1


def _frame(x0: float, y0: float, x1: float, y1: float, width: float = 0.06, dashed: bool = False) -> Inside:
    def inside(x: float, y: float) -> bool:
        outer = x0 <= x <= x1 and y0 <= y <= y1
        inner = x0 + width < x < x1 - width and y0 + width < y < y1 - width
        # Dashes: ink on every other stretch of 0.12 along the edges.
        return outer and not inner and (not dashed or int((x + y) / 0.12) % 2 == 0)

    return inside


def _any(*shapes: Inside) -> Inside:
    return lambda x, y: any(shape(x, y) for shape in shapes)


# Shapes, not colour: each main point has its own picture, readable in black and white.
PICTURES: dict[str, Inside] = {
    "impact": _any(_ring(0.5, 0.5, 0.42), _ring(0.5, 0.5, 0.27), _disc(0.5, 0.5, 0.1)),
    "together": _any(_disc(0.33, 0.25, 0.11), _disc(0.67, 0.25, 0.11), _disc(0.33, 0.75, 0.2, 0.22)),
    "lasting": _any(_disc(0.5, 0.35, 0.28), _frame(0.46, 0.5, 0.54, 0.95, 0.08), _frame(0.2, 0.9, 0.8, 0.95)),
    "stone": _any(_disc(0.22, 0.75, 0.17, 0.08), _disc(0.5, 0.5, 0.17, 0.08), _disc(0.78, 0.25, 0.17, 0.08)),
    "activity": _frame(0.12, 0.12, 0.88, 0.88, 0.1),
    "people": _any(_disc(0.32, 0.25, 0.13), _disc(0.32, 0.75, 0.22, 0.25), _disc(0.7, 0.3, 0.11)),
    "gap": _frame(0.1, 0.1, 0.9, 0.9, 0.08, dashed=True),
    "notes": _any(
        _frame(0.2, 0.1, 0.8, 0.9), _frame(0.3, 0.3, 0.7, 0.34, 0.04), _frame(0.3, 0.5, 0.7, 0.54, 0.04)
    ),
}


def png(name: str, size: int = 96) -> bytes:
    """One picture as a black-on-white PNG file."""
    inside = PICTURES[name]
    rows = b"".join(
        b"\x00" + bytes(0 if inside((i + 0.5) / size, (j + 0.5) / size) else 255 for i in range(size))
        for j in range(size)
    )

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 0, 0, 0, 0)  # 8-bit greyscale
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def document(plan: Plan, plan_path: Path | None = None, photos: render.Photos | None = None) -> bytes:
    """The Word document, as the bytes of a .docx file.

    With the plan's path, the photo of a quote it may show goes in the document, read as the
    printable page reads it (``render.Photos``: only a picture file inside the plan's folder).
    """
    import docx
    from docx.shared import Cm, Pt

    data: dict[str, Any] = render.context(plan)
    text = render.plain_text
    none = "Not written yet."
    doc = docx.Document()
    for style_name in ("Normal", "List Bullet", "List Number"):
        style = doc.styles[style_name]
        style.font.name = "Arial"
        style.font.size = Pt(16)
    for level in range(1, 4):
        doc.styles[f"Heading {level}"].font.name = "Arial"
    title = text(plan.title) or "Our plan"
    doc.core_properties.title = title

    def picture(name: str) -> None:
        doc.add_picture(io.BytesIO(png(name)), width=Cm(1.6))

    def say(words: str, label: str = "") -> None:
        paragraph = doc.add_paragraph()
        if label:
            paragraph.add_run(f"{label} ").bold = True
        paragraph.add_run(words)

    doc.add_heading(title, 0)
    say("This is an easy-read summary of our plan. You can change it and print it.")

    doc.add_heading("Our plan in short", 1)
    picture("notes")
    findings = data["paper_findings"]
    shortly = [
        f"In the end, we want this: {text(plan.impact.project)}"
        if text(plan.impact.project)
        else "We have not said yet what the project will achieve.",
        f"Stepping stones on the way: {data['counts']['outcomes']}.",
        f"Activities to get there: {data['counts']['activities']}.",
        f"Things to look at again: {len(findings)}." if findings else "We found no gaps in the plan.",
    ]
    for line in shortly:
        doc.add_paragraph(line, style="List Bullet")
    say(f"We last changed this plan on {render.long_date(plan.updated)}.")

    doc.add_heading("The impact", 1)
    say("Impact is the change we want in the end.")
    doc.add_heading("What the project will achieve", 2)
    picture("impact")
    say(text(plan.impact.project) or none)
    doc.add_heading("What co-production will add", 2)
    picture("together")
    say("Co-production means people plan and decide together, as equals.")
    say(text(plan.impact.coproduction) or none)
    doc.add_heading("The change that stays", 2)
    picture("lasting")
    say(text(plan.impact.lasting_change) or none)

    for part in data["parts"]:
        name = part["name"]
        doc.add_heading(name, 1)
        doc.add_heading(f"Stepping stones for {name.lower()}", 2)
        say("A stepping stone is a change on the way to the impact.")
        if not part["outcomes"]:
            say("There are no stepping stones yet.")
        for row in part["outcomes"]:
            doc.add_heading(row["name"], 3)
            picture("stone" if row["led_by"] else "gap")
            say(text(row["item"].text) or "No words yet.")
            if text(row["item"].how_we_know):
                say(text(row["item"].how_we_know), "How we will know:")
            leads = _names(row["led_by"])
            say(
                f"{leads}. It leads to the impact." if leads else "No activity leads to it yet.",
                "What leads to it:",
            )
        doc.add_heading(f"Activities for {name.lower()}", 2)
        say("An activity is something we will do.")
        if not part["activities"]:
            say("There are no activities yet.")
        for row in part["activities"]:
            doc.add_heading(f"{row['name']}, {row['kind'].lower()}", 3)
            picture("activity" if row["leads_to"] else "gap")
            say(text(row["item"].text) or "No words yet.")
            if text(row["item"].who):
                say(text(row["item"].who), "Who:")
            if text(row["item"].when):
                say(text(row["item"].when), "When:")
            leads = _names(row["leads_to"])
            say(f"{leads}." if leads else "It does not lead to a stepping stone yet.", "It leads to:")

    found = render.how_it_is_going(plan, audience=WORD_COPY_AUDIENCE)
    if found is not None:
        _how_it_is_going(doc, found, picture, say, photos or render.Photos(plan_path))

    if plan.assumptions:
        doc.add_heading("Things we are counting on", 1)
        for assumption in plan.assumptions:
            doc.add_paragraph(text(assumption), style="List Bullet")
    doc.add_heading("Who is taking part", 1)
    picture("people")
    for person in plan.people:
        role = text(person.role)
        doc.add_paragraph(
            (text(person.name) or "A person") + (f": {role}" if role else ""), style="List Bullet"
        )
    if not plan.people:
        say("Nobody is on the list yet.")
    doc.add_heading("Things to look at again", 1)
    picture("gap")
    for message in findings:
        doc.add_paragraph(text(message), style="List Bullet")
    if not findings:
        say("No gaps found.")
    doc.add_heading("Words we use", 1)
    for entry in data["glossary"]:
        paragraph = doc.add_paragraph(style="List Bullet")
        paragraph.add_run(f"{entry['word']}: ").bold = True
        paragraph.add_run(entry["means"])
    stream = io.BytesIO()
    doc.save(stream)
    return stream.getvalue()


def _how_it_is_going(
    doc: Any,
    found: dict[str, Any],
    picture: Callable[[str], None],
    say: Callable[..., None],
    photos: render.Photos,
) -> None:
    """ "How it is going": the facts and words of the summary's part, in the same order."""
    text = render.plain_text
    said, status = found["words"], found["progress"]

    def point(words: str) -> None:
        doc.add_paragraph(words, style="List Bullet")

    def items(key: str) -> Iterator[Any]:
        """Each activity or stepping stone ("activities", "outcomes") under its part's heading."""
        for part in found["parts"]:
            if part[key]:
                doc.add_heading(part["name"], 3)
            for row in part[key]:
                say(text(row["item"].text) or "No words yet.")
                yield row

    doc.add_heading(said["title"], 1)
    picture("notes")
    say(said["intro"])
    point(said["when"].format(date=found["date"]))
    if found["who"]:
        point(said["who"].format(names=found["who"]))
    doc.add_heading(said["activities"], 2)
    picture("activity")
    for row in items("activities"):
        point(f"{status['activity_title']} {row['label']}")
        if row["times"] is not None:
            times = row["times"]
            point(said["times_one"] if times == 1 else said["times_many"].format(count=times))
        if text(row["came"]):
            point(f"{said['came']} {text(row['came'])}")
    doc.add_heading(said["stones"], 2)
    picture("stone")
    for row in items("outcomes"):
        point(f"{status['stone_title']} {row['label']}")
        if row["person_says"]:
            point(f"{said['person_says']} {row['person_says']}")
        if text(row["how_we_know"]):
            point(f"{said['how_we_know']} {text(row['how_we_know'])}")
    if found["voices"]:
        doc.add_heading(said["voices"], 2)
        picture("people")
        for voice in found["voices"]:
            say(f'"{text(voice["text"]) or "No words yet."}"')
            if text(voice["said_by"]):
                point(f"{said['said_by']} {text(voice['said_by'])}")
            if text(voice["about"]):
                point(f"{said['about']} {text(voice['about'])}")
            point(f"{said['share']} {voice['share']}")
            if voice["photo"]:
                words = text(voice["photo_words"]) or said["photo_no_words"]
                point(f"{said['photo']} {words}")
                _photo(doc, photos.data(voice["photo_file"]), words)
    if found["surprises"]:
        doc.add_heading(said["surprises"], 2)
        for surprise in found["surprises"]:
            point(text(surprise))
    if not found["reflection"].is_empty():
        doc.add_heading(said["reflection"], 2)
        for key in ("hard", "learned", "next"):
            answer = text(getattr(found["reflection"], key))
            if answer:
                point(f"{said[key]} {answer}")
    doc.add_heading(said["history"], 2)
    say(said["history_intro"])
    for row in items("outcomes"):
        for step in row["history"]:
            point(f"{step['date']}: {step['label']}")
        if not row["history"]:
            point(said["history_none"])


# Word takes these kinds of picture (python-docx reads them); a WebP photo keeps only its words.
_WORD_KINDS = frozenset({"image/png", "image/jpeg", "image/gif"})
# No taller than on the printable page (its .photo rule), so a tall photo stays on one page.
PHOTO_HEIGHT_CM = 12.0


def _photo(doc: Any, found: tuple[str, bytes] | None, words: str) -> None:
    """A quote's photo as wide as the page's text at most, its words as the alt text.

    ``found`` comes from ``render.Photos``, so it is a picture from inside the plan's folder or
    None. A photo Word cannot read is left out: its words are already in the document.
    """
    from docx.image.image import Image
    from docx.shared import Cm, Emu

    if found is None or found[0] not in _WORD_KINDS:
        return
    try:
        image = Image.from_blob(found[1])
        native_width, native_height = int(image.width), int(image.height)
    except Exception:  # a broken file from disk must cost only its picture, never the document
        return
    if native_width <= 0 or native_height <= 0:
        return
    section = doc.sections[-1]
    room = int(section.page_width - section.left_margin - section.right_margin)
    tallest = int(Cm(PHOTO_HEIGHT_CM))
    width = min(native_width, room, tallest * native_width // native_height)
    doc.add_picture(io.BytesIO(found[1]), width=Emu(max(width, 1)))
    # python-docx has no alt text API: Word and screen readers read wp:docPr's descr
    # (the picture just added is the document's last one).
    doc.element.body.xpath(".//wp:docPr")[-1].set("descr", words)


def _names(refs: list[render.Ref]) -> str:
    """ "Activity 1, activity 3 and activity 7": the links written in words."""
    names = [ref.name if i == 0 else ref.name.lower() for i, ref in enumerate(refs)]
    if len(names) < 2:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def write(plan: Plan, target: Path, plan_path: Path | None = None) -> None:
    """Write the Word document through a temporary file, so a half-written file is never left.

    ``plan_path``: the plan's file, so a quote's photo from its folder can go in.
    """
    import os
    import tempfile

    data = document(plan, plan_path)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
