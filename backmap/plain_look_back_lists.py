"""The two lists of a plain look-back: what people said, and what nobody planned.

New ones are added in turn; change chooses ONE quote or surprise and asks one of its
questions again. A quote someone keeps private (or nobody chose for yet) is never
printed: it is named "a quote kept private", and its new words are not shown back.

This module must never import Textual.
"""

from __future__ import annotations

from backmap import content
from backmap.core import going, look_back, progress
from backmap.core.flow import Page
from backmap.core.plan import SHARE_CHOICES, Checkin, Surprise, Voice
from backmap.core.render import plain_text
from backmap.plain import PlainInterview
from backmap.plain_change import Item, Question
from backmap.plain_lines import Reply


def look_back_word(key: str, **values: object) -> str:
    """Words of the plain look-back, from look_back.toml."""
    text: str = content.load("look_back")["plain"][key]
    return text.format(**values) if values else text


def said_aloud(page: Page, voice: Voice) -> str:
    """A thing someone said, as plain mode reads it: private words are never read out."""
    if going.may_show(voice, going.TEAM):
        return f"{plain_text(voice.text)} ({look_back.voice_detail(page, voice)})"
    return page.words["private"]


def quote_name(voice: Voice) -> str:
    """How change names a quote: its words, or "a quote kept private" when they may not be shown."""
    return plain_text(voice.text) if going.may_show(voice, going.TEAM) else look_back_word("quote_private")


class PlainLookBackLists(PlainInterview):
    """What people said and what nobody planned, asked as lines."""

    def checkin(self, page: Page) -> Checkin:
        return self.plan.checkin(page.checkin)

    def ask_quietly(self, prompt: str = "", empty: str = "", also: tuple[str, ...] = ()) -> Reply:
        """Read a line without printing it back: it may be words someone keeps private."""
        echo, self.echo = self.echo, False
        try:
            reply = self.ask_reply(prompt, empty, also)
        finally:
            self.echo = echo
        if echo and reply.text and not reply.command:
            self.say(look_back_word("not_shown"))
        return reply

    # ----- adding, in turn ---------------------------------------------------------

    def voices(self, page: Page) -> None:
        checkin = self.checkin(page)
        for number, voice in enumerate(checkin.voices, 1):
            self.say(f"{number}. {said_aloud(page, voice)}")
        self.say(look_back_word("voices_how"))
        while True:
            text = self.ask_quietly(look_back_word("voice_prompt"), empty=self.word("what_list_done")).text
            if not text:
                return
            voice = Voice(text=text)
            checkin.voices.append(voice)
            self.plan.touch()
            self.changed()
            voice.said_by = self.ask(page.words["said_by_question"], empty=self.word("what_skip"))
            self.share(page, voice, about=False)
            if not voice.share:
                self.say(look_back_word("share_unset"))
            if self.plan.outcomes:
                self.stone(page, voice, about=False)
            self.photo(page, voice, about=False)
            if voice.photo:
                self.photo_words(page, voice, about=False)
            self.plan.touch()
            self.changed()
            self.say(look_back_word("voice_kept"), look_back_word("voices_more"))

    def surprises(self, page: Page) -> None:
        checkin = self.checkin(page)
        for number, surprise in enumerate(checkin.surprises, 1):
            self.say(f"{number}. {plain_text(surprise.text)}")
        self.say(self.word("list_how", item=page.words["item"]))
        while True:
            text = self.ask(empty=self.word("what_list_done"))
            if not text:
                return
            checkin.surprises.append(Surprise(text=text))
            self.plan.touch()
            self.changed()

    # ----- change: one quote or surprise -------------------------------------------

    def list_items(self, page: Page) -> list[Item]:
        """Each quote or surprise on the list, by number, then the whole list to add more."""
        checkin = self.checkin(page)
        if page.key == "look_back_voices":
            items = [self.voice_item(page, voice) for voice in checkin.voices]
        else:
            items = [self.surprise_item(page, surprise) for surprise in checkin.surprises]
        add_more = Question(page.words["question"], None, lambda again: self.page(page))
        return [*items, Item(self.word("change_add", item=page.words["item"]), [add_more])]

    def voice_item(self, page: Page, voice: Voice) -> Item:
        """A quote and its questions; the words of a private one are never listed."""
        shown = going.may_show(voice, going.TEAM)
        stones = {o.id: o.text for o in self.plan.outcomes}
        questions = [
            Question(
                page.words["text_question"],
                voice.text if shown else look_back_word("not_shown"),
                lambda again: self.voice_words(page, voice),
            ),
            Question(page.words["said_by_question"], voice.said_by, lambda again: self.said_by(page, voice)),
            Question(
                page.words["share_question"],
                progress.share_word(voice.share) if voice.share else "",
                lambda again: self.share(page, voice),
            ),
        ]
        if stones:
            questions.append(
                Question(
                    page.words["stone_question"],
                    stones.get(voice.outcome, ""),
                    lambda again: self.stone(page, voice),
                )
            )
        questions.append(
            Question(page.words["photo_question"], voice.photo, lambda again: self.photo(page, voice))
        )
        if voice.photo:
            questions.append(
                Question(
                    page.words["photo_words_question"],
                    voice.photo_words if shown or not voice.photo_words else look_back_word("not_shown"),
                    lambda again: self.photo_words(page, voice),
                )
            )
        return Item(quote_name(voice), questions)

    def surprise_item(self, page: Page, surprise: Surprise) -> Item:
        """A surprise: one question, its words."""
        return Item(
            surprise.text,
            [
                Question(
                    page.words["text_question"],
                    surprise.text,
                    lambda again: self.surprise_words(page, surprise),
                )
            ],
        )

    def about_quote(self, page: Page, voice: Voice) -> None:
        number = self.checkin(page).voices.index(voice) + 1
        self.say("", self.word("about", item=page.words["item"], number=number, text=quote_name(voice)))

    def kept(self) -> None:
        self.plan.touch()
        self.changed()

    def voice_words(self, page: Page, voice: Voice) -> bool:
        """New words for a quote, or remove; read quietly, as a new quote is. False once removed."""
        self.about_quote(page, voice)
        self.say(page.words["text_question"])
        if going.may_show(voice, going.TEAM):
            self.say(self.word("answer_now", answer=plain_text(voice.text)))
        else:
            self.say(look_back_word("not_shown"))
        self.say(self.word("change_words"))
        reply = self.ask_quietly(empty=self.word("what_keep"), also=("remove",))
        if reply.command == "remove":
            name = quote_name(voice)
            self.checkin(page).voices.remove(voice)
            self.say(self.word("removed", text=name))
            self.kept()
            return False
        if reply.text and reply.text != voice.text:
            voice.text = reply.text
            self.kept()
        return True

    def said_by(self, page: Page, voice: Voice) -> None:
        self.about_quote(page, voice)
        answer = self.keep_or_change(page.words["said_by_question"], voice.said_by)
        if answer and answer != voice.said_by:
            voice.said_by = answer
            self.kept()

    def share(self, page: Page, voice: Voice, about: bool = True) -> None:
        if about:
            self.about_quote(page, voice)
        rows = [(share, progress.share_word(share)) for share in SHARE_CHOICES]
        chosen = self.pick(page.words["share_question"], rows, voice.share)
        if chosen is not None:
            voice.share = chosen
            self.kept()

    def pick(self, question: str, rows: list[tuple[str, str]], current: str) -> str | None:
        """A value chosen by its number from (value, words) rows, the current one marked;
        None when it stays as it is."""
        self.say(question)
        mark = " " + self.word("chosen_now")
        self.say(
            *(f"{n}. {words}{mark if value == current else ''}" for n, (value, words) in enumerate(rows, 1))
        )
        self.say(look_back_word("number_how"))
        bad = self.word("change_which_bad", count=len(rows))
        number = self.ask_number(len(rows), bad, self.kept_or_skipped(current))
        if number is None or rows[number - 1][0] == current:
            return None
        return rows[number - 1][0]

    def stone_choices(self, page: Page) -> list[tuple[str, str]]:
        """The stepping stones a quote can be about, as the app lists them: 1 is none."""
        stones = [(o.id, o.text or "-") for o in self.plan.outcomes_in_order()]
        return [("", page.words["stone_none"]), *stones]

    def stone(self, page: Page, voice: Voice, about: bool = True) -> None:
        """Which stepping stone a quote is about; 1 is none, as in the app."""
        if about:
            self.about_quote(page, voice)
        rows = [(value, plain_text(text)) for value, text in self.stone_choices(page)]
        chosen = self.pick(page.words["stone_question"], rows, voice.outcome)
        if chosen is not None:
            voice.outcome = chosen
            self.kept()

    def photo(self, page: Page, voice: Voice, about: bool = True) -> None:
        if about:
            self.about_quote(page, voice)
        answer = self.keep_or_change(page.words["photo_question"], voice.photo)
        if answer and answer != voice.photo:
            voice.photo = answer
            self.kept()

    def photo_words(self, page: Page, voice: Voice, about: bool = True) -> None:
        """What a photo shows; for a private quote never printed, and read quietly."""
        if about:
            self.about_quote(page, voice)
        if going.may_show(voice, going.TEAM):
            answer = self.keep_or_change(page.words["photo_words_question"], voice.photo_words)
        else:
            self.say(page.words["photo_words_question"])
            if voice.photo_words.strip():
                self.say(look_back_word("not_shown"), self.word("keep"))
            answer = self.ask_quietly(empty=self.kept_or_skipped(voice.photo_words)).text
        if answer and answer != voice.photo_words:
            voice.photo_words = answer
            self.kept()

    def surprise_words(self, page: Page, surprise: Surprise) -> bool:
        """New words for a surprise, or remove; False once removed."""
        surprises = self.checkin(page).surprises
        number = surprises.index(surprise) + 1
        about = self.word("about", item=page.words["item"], number=number, text=plain_text(surprise.text))
        answer = self.new_words(about)
        if answer is None:
            surprises.remove(surprise)
            self.say(self.word("removed", text=plain_text(surprise.text)))
            self.kept()
            return False
        if answer and answer != surprise.text:
            surprise.text = answer
            self.kept()
        return True
