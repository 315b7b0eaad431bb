"""An offline readability counter for English: sentences, words, syllables, Flesch.

Heuristic, small and without downloads. It is good enough to compare our words
with a target, not to be exact for every English word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

VOWELS = set("aeiouy")

# Common words the rules below get wrong.
SYLLABLE_EXCEPTIONS: dict[str, int] = {
    "area": 3,
    "idea": 3,
    "ideas": 3,
    "create": 2,
    "creates": 2,
    "created": 3,
    "quiet": 2,
    "science": 2,
    "being": 2,
    "every": 2,
    "everyone": 3,
    "everything": 3,
    "evening": 2,
    "different": 3,
    "business": 2,
    "real": 1,
    "really": 2,
    "usual": 3,
    "usually": 4,
    "video": 3,
    "radio": 3,
    "piano": 3,
    "people": 2,
    "goodbye": 2,
    "someone": 2,
    "something": 2,
    "sometimes": 2,
    "somewhere": 2,
    "anyone": 3,
    "whole": 1,
    "whose": 1,
    "one": 1,
    "once": 1,
    "there": 1,
    "where": 1,
    "here": 1,
    "were": 1,
    "fire": 1,
    "hour": 1,
    "our": 1,
    "your": 1,
    "yes": 1,
    "you": 1,
    "year": 1,
    "years": 1,
}

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+")
_WORD = re.compile(r"[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*")


def split_sentences(text: str) -> list[str]:
    """Sentences in `text`: a line break or . ! ? followed by a space ends one."""
    sentences: list[str] = []
    for line in text.splitlines():
        for piece in _SENTENCE_END.split(line.strip()):
            if words(piece):
                sentences.append(piece.strip())
    return sentences


def words(text: str) -> list[str]:
    """Words in `text`. "co-production" and "one-to-one" are one word each."""
    return _WORD.findall(text)


def _syllables_in_part(part: str) -> int:
    """Syllables in one word without hyphens or apostrophes."""
    word = part.lower()
    if not word:
        return 0
    if word.isdigit():
        return len(word)  # "3" is "three": about one syllable a digit
    if word in SYLLABLE_EXCEPTIONS:
        return SYLLABLE_EXCEPTIONS[word]
    # Count groups of vowels. A "y" at the start is a consonant ("yes").
    count = 0
    previous_vowel = False
    for index, letter in enumerate(word):
        vowel = letter in VOWELS and not (letter == "y" and index == 0)
        if vowel and not previous_vowel:
            count += 1
        previous_vowel = vowel

    def consonant(position: int) -> bool:
        return 0 <= position < len(word) and word[position] not in VOWELS

    # A silent "e" at the end: "make", "choose". Not in "table" or "centre".
    if word.endswith("e") and consonant(len(word) - 2):
        kept = word[-2] in "lr" and consonant(len(word) - 3) and word[-3] != word[-2]
        if not kept:
            count -= 1
    # A silent "es" or "ed": "makes", "changed". Not in "changes" or "needed".
    elif word.endswith("es") and consonant(len(word) - 3):
        if not re.search(r"(s|x|z|ch|sh|c|g)es$", word) and not re.search(r"[^aeiouy][lr]es$", word):
            count -= 1
    elif word.endswith("ed") and consonant(len(word) - 3) and word[-3] not in "td":
        count -= 1
    # "-ing" after a vowel is its own syllable: "going", "saying".
    if word.endswith("ing") and len(word) > 4 and word[-4] in VOWELS:
        count += 1
    return max(count, 1)


def syllables(word: str) -> int:
    """Syllables in one word. Parts joined by a hyphen are counted one by one."""
    cleaned = word.replace("’", "'")
    if "'" in cleaned:
        cleaned = cleaned.split("'")[0]
    return sum(_syllables_in_part(part) for part in cleaned.split("-") if part) or 1


@dataclass(frozen=True)
class Readability:
    """Counts for a piece of text and its Flesch reading ease."""

    sentences: int
    words: int
    syllables: int
    longest: int

    @property
    def words_per_sentence(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def syllables_per_word(self) -> float:
        return self.syllables / self.words if self.words else 0.0

    @property
    def flesch(self) -> float:
        """Flesch reading ease: higher is easier. 80 and up is easy."""
        return 206.835 - 1.015 * self.words_per_sentence - 84.6 * self.syllables_per_word


def measure(sentences: list[str]) -> Readability:
    """Counts over sentences that are already split."""
    counted = [words(sentence) for sentence in sentences]
    counted = [found for found in counted if found]
    return Readability(
        sentences=len(counted),
        words=sum(len(found) for found in counted),
        syllables=sum(syllables(word) for found in counted for word in found),
        longest=max((len(found) for found in counted), default=0),
    )


def flesch_reading_ease(text: str) -> float:
    """Flesch reading ease of free text."""
    return measure(split_sentences(text)).flesch
