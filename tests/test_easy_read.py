"""Easy read: every word backmap shows is short, plain and the same for one idea.

Reads every string in backmap/content/ and the fixed words of the templates.
A failure names the file and key (or template line) and the sentence.
Run with -s to see the figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from readability import (
    flesch_reading_ease,
    measure,
    split_sentences,
    syllables,
    words,
)

from backmap import content

TEMPLATES = Path(content.__file__).resolve().parent.parent / "templates"

MAX_WORDS = 15
MAX_AVERAGE = 10.0
MIN_FLESCH = 80.0

# A {placeholder} in a content string, or a {{ value }} in a template, is read as this word.
PLACEHOLDER_WORD = "Sam"

BANNED = [
    "e.g.",
    "eg",
    "i.e.",
    "ie",
    "etc",
    "n.b.",
    "nb",
    "vs",
    "via",
    "aka",
    "asap",
    "approx",
    "info",
    "ok",
    "okay",
    "stakeholder",
    "stakeholders",
    "leverage",
    "utilise",
    "utilize",
    "utilisation",
    "facilitate",
    "facilitates",
    "deliverable",
    "deliverables",
    "synergy",
    "synergies",
    "empower",
    "empowerment",
    "holistic",
    "paradigm",
    "going forward",
    "key performance",
]

CONTRACTION = re.compile(
    r"\b\w+n['’]t\b"  # can't, don't, won't
    r"|\b\w+['’](?:re|ve|ll|d|m)\b"  # you're, we've, we'll, I'd, I'm
    r"|\b(?:it|that|let|what|there|here|he|she|who|where|how|this)['’]s\b",
    re.IGNORECASE,
)
ACRONYM = re.compile(r"\b[A-Z]{2,}s?\b")
HARD_WORDS = ("impact", "stepping stone", "activity", "co-production")


@dataclass(frozen=True)
class Piece:
    """Words the person sees, and where they come from."""

    where: str
    text: str


def fill_placeholders(text: str) -> str:
    """Replace each {placeholder} with a short word."""
    return re.sub(r"\{[a-z_]*\}", PLACEHOLDER_WORD, text)


def strip_markdown(line: str) -> str:
    """Take away Markdown marks: headings, list marks, bold and code."""
    line = re.sub(r"^\s*#{1,6}\s+", "", line)
    line = re.sub(r"^\s*(?:[-*+]|\d+\.)\s+", "", line)
    return re.sub(r"[*_`]+", "", line)


def template_text(source: str) -> str:
    """The fixed words of a Jinja template, one line for each line shown.

    Comments and tags go. A {{ value }} becomes the words in its quoted
    strings ("Not written yet."), or a short word when it has none.
    """
    source = re.sub(r"\{#.*?#\}", "", source, flags=re.DOTALL)
    source = re.sub(r"\{%.*?%\}", "", source, flags=re.DOTALL)
    source = re.sub(r"^(\s*)\{\{\s*loop\.index\s*\}\}\.", r"\g<1>1.", source, flags=re.MULTILINE)
    lines = []
    for line in source.splitlines():
        line = strip_markdown(line)
        fixed = re.sub(r"\{\{.*?\}\}", "", line)
        literals = re.findall(r"\{\{.*?\}\}", line)
        if not words(fixed) and not any(re.search(r"\"[^\"]+\"", value) for value in literals):
            continue  # only a value the person typed: not our words

        def value(match: re.Match[str]) -> str:
            quoted = re.findall(r"\"([^\"]+)\"", match.group(0))
            return " ".join(quoted) if quoted else PLACEHOLDER_WORD

        lines.append(re.sub(r"\{\{.*?\}\}", value, line).strip())
    return "\n".join(line for line in lines if line)


def all_pieces() -> list[Piece]:
    """Every string in the content files, then every template line."""
    pieces = [
        Piece(f"backmap/content/{where.replace('.', '.toml: ', 1)}", strip_markdown(fill_placeholders(text)))
        for where, text in content.all_strings()
    ]
    for path in sorted(TEMPLATES.glob("*.md.j2")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            shown = template_text(line)
            if shown:
                pieces.append(Piece(f"backmap/templates/{path.name}: line {number}", shown))
    return pieces


def sentences_with_place() -> list[tuple[str, str]]:
    """(where, sentence) for everything shown."""
    return [(piece.where, sentence) for piece in all_pieces() for sentence in split_sentences(piece.text)]


def report(problems: list[str]) -> str:
    return "\n".join(["", *problems])


# The counter itself


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("cat", 1),
        ("the", 1),
        ("make", 1),
        ("changed", 1),
        ("needed", 2),
        ("table", 2),
        ("centre", 2),
        ("people", 2),
        ("impact", 2),
        ("changes", 2),
        ("going", 2),
        ("together", 3),
        ("summary", 3),
        ("activity", 4),
        ("co-production", 4),
        ("disabilities", 5),
        ("person's", 2),
        ("3", 1),
    ],
)
def test_syllable_counter(word: str, count: int) -> None:
    assert syllables(word) == count


def test_sentence_and_word_counter() -> None:
    text = "We plan together. What do you want to change?\nStep 3 of 10\nCo-production means sharing!"
    assert split_sentences(text) == [
        "We plan together.",
        "What do you want to change?",
        "Step 3 of 10",
        "Co-production means sharing!",
    ]
    assert words("Co-production means people's choices.") == ["Co-production", "means", "people's", "choices"]
    counts = measure(split_sentences(text))
    assert (counts.sentences, counts.words, counts.longest) == (4, 16, 6)


def test_flesch_known_values() -> None:
    # 6 words, 6 syllables, 1 sentence: 206.835 - 1.015 * 6 - 84.6 * 1
    assert flesch_reading_ease("The cat sat on the mat.") == pytest.approx(116.145)
    hard = (
        "Organisational stakeholders collaboratively operationalise transformational "
        "co-production methodologies across interdisciplinary institutional boundaries."
    )
    assert flesch_reading_ease(hard) < 0


def test_template_text() -> None:
    source = (
        "{# note #}\n## Our plan\n{% if x %}\n- We have {{ counts.outcomes }} stones.\n"
        '{{ loop.index }}. {{ a | md if a else "No words yet." }}\n{{ plan.title | md }}\n'
    )
    assert template_text(source).splitlines() == ["Our plan", "We have Sam stones.", "No words yet."]


# The words


def test_sentences_are_short() -> None:
    problems = [
        f"{where}: {len(words(sentence))} words: {sentence!r}"
        for where, sentence in sentences_with_place()
        if len(words(sentence)) > MAX_WORDS
    ]
    assert not problems, report(problems)


def test_average_sentence_length() -> None:
    counts = measure([sentence for _, sentence in sentences_with_place()])
    assert counts.words_per_sentence <= MAX_AVERAGE, f"{counts.words_per_sentence:.1f} words a sentence"


def test_no_contractions_abbreviations_or_banned_words() -> None:
    problems: list[str] = []
    for where, sentence in sentences_with_place():
        for found in CONTRACTION.findall(sentence):
            problems.append(f"{where}: short form {found!r} in {sentence!r}")
        for found in ACRONYM.findall(sentence):
            problems.append(f"{where}: capital letters {found!r} in {sentence!r}")
        for banned in BANNED:
            pattern = rf"(?<![\w.]){re.escape(banned)}(?![\w-])"
            if re.search(pattern, sentence, re.IGNORECASE):
                problems.append(f"{where}: {banned!r} in {sentence!r}")
    assert not problems, report(problems)


def test_flesch_reading_ease() -> None:
    every = [sentence for _, sentence in sentences_with_place()]
    prose = [sentence for sentence in every if sentence.rstrip().endswith((".", "?", "!"))]
    overall, whole_sentences = measure(every), measure(prose)
    for name, counts in (("all words", overall), ("whole sentences only", whole_sentences)):
        print(
            f"Easy read, {name}: Flesch {counts.flesch:.1f}, "
            f"{counts.sentences} sentences, {counts.words_per_sentence:.1f} words a sentence, "
            f"{counts.syllables_per_word:.2f} syllables a word, longest {counts.longest} words"
        )
    assert overall.flesch >= MIN_FLESCH, f"Flesch reading ease {overall.flesch:.1f}, needs {MIN_FLESCH}"
    assert whole_sentences.flesch >= MIN_FLESCH, (
        f"Flesch reading ease of whole sentences {whole_sentences.flesch:.1f}, needs {MIN_FLESCH}"
    )


# One word for one idea, and the parts every page needs


def test_outcome_only_in_the_glossary() -> None:
    allowed = [
        f"backmap/content/glossary.toml: words[{index}].means"
        for index, entry in enumerate(content.glossary())
        if entry["word"].lower() == "stepping stone" and "outcome" in entry["means"].lower()
    ]
    assert allowed, "The glossary says that some people call a stepping stone an outcome."
    problems = [
        f"{piece.where}: {piece.text!r}"
        for piece in all_pieces()
        if re.search(r"outcome", piece.text, re.IGNORECASE) and piece.where not in allowed
    ]
    assert not problems, report(["Say 'stepping stone', not 'outcome':", *problems])


def test_every_page_has_question_hint_example_and_tip() -> None:
    problems = [
        f"backmap/content/{name}.toml: pages.{key}.{field} is missing or empty"
        for name in ("steps", "look_back")  # the planning interview and the look-back
        for key, page in content.load(name)["pages"].items()
        for field in ("question", "hint", "example", "tip")
        if not str(page.get(field, "")).strip()
    ]
    assert not problems, report(problems)


def test_glossary_explains_the_hard_words() -> None:
    entries = {entry["word"].strip().lower(): entry["means"].strip() for entry in content.glossary()}
    missing = [word for word in HARD_WORDS if not entries.get(word)]
    assert not missing, f"backmap/content/glossary.toml does not explain: {missing}"


def test_learn_about_impact_is_short() -> None:
    pages = content.learn_pages()
    assert 1 <= len(pages) <= 5, f"backmap/content/learn.toml has {len(pages)} pages, at most 5"
    assert all(page["title"].strip() and page["text"] for page in pages)


# Keys are written one way everywhere: "Ctrl+Z", as the footer shows them.

KEY_IN_WORDS = re.compile(r"\b(?:Ctrl|Control|Shift|Alt)\s+(?:and|plus)\s+\w+", re.IGNORECASE)
README = Path(content.__file__).resolve().parent.parent.parent / "README.md"


def test_keys_are_written_as_the_footer_writes_them() -> None:
    """Found by a new user: the help said "Ctrl and Z" next to "Ctrl+N" from the footer."""
    from backmap.app import BackmapApp
    from backmap.screens.interview import InterviewScreen
    from backmap.screens.item import ItemScreen
    from backmap.widgets.panes.list import ListPane

    problems = [
        f"{piece.where}: {found!r}: write it like the footer, for example 'Ctrl+Z'"
        for piece in all_pieces()
        for found in KEY_IN_WORDS.findall(piece.text)
    ]
    for number, line in enumerate(README.read_text(encoding="utf-8").splitlines(), start=1):
        problems += [f"README.md: line {number}: {found!r}" for found in KEY_IN_WORDS.findall(line)]
    shown = [
        (owner.__name__, binding.key_display)
        for owner in (BackmapApp, InterviewScreen, ItemScreen, ListPane)
        for binding in owner.BINDINGS
        if binding.key.startswith("ctrl+")  # type: ignore[union-attr]
    ]
    problems += [
        f"{owner}: key_display {key!r}" for owner, key in shown if not re.fullmatch(r"Ctrl\+[A-Z]", key or "")
    ]
    assert shown and not problems, report(problems)
