"""Add or change one thing in a look-back's list: what someone said, or a surprise.

The same box as for a stepping stone or an activity (``ItemScreen``), one question at a
time, each answer kept at once; only where the answers live is different.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from backmap import content
from backmap.core import going, progress
from backmap.core.flow import Page
from backmap.core.plan import SHARE_CHOICES, Checkin, Surprise, Voice
from backmap.screens.item import Field, ItemScreen
from backmap.widgets.choices import Choice

if TYPE_CHECKING:
    from backmap.session.keeper import Keeper


def entry_fields(page: Page) -> list[Field]:
    """The questions for one thing in the list of this look-back page."""
    text = page.words
    if page.key == "look_back_surprises":
        return [Field("text", "text", text["text_question"], required=True)]
    return [
        Field("text", "text", text["text_question"], required=True),
        Field("said_by", "text", text["said_by_question"], offers_names=True),
        Field("share", "radio", text["share_question"], text["share_hint"]),
        Field("outcome", "radio", text["stone_question"]),
        Field("photo", "text", text["photo_question"], text["photo_hint"]),
        Field("photo_words", "text", text["photo_words_question"]),
    ]


class EntryScreen(ItemScreen):
    """Dismisses with the place (as words) of the thing it made or changed, or None."""

    def __init__(self, keeper: Keeper, page: Page, key: str | None, start_at: str = "") -> None:
        super().__init__(keeper, page, key, entry_fields(page), start_at=start_at)

    @property
    def checkin(self) -> Checkin:
        return self.keeper.plan.checkin(self.page.checkin)

    def entries(self) -> list[Voice] | list[Surprise]:
        return self.checkin.surprises if self.page.key == "look_back_surprises" else self.checkin.voices

    def spoken_answer(self, field: Field, answer: str) -> str:
        """A quote nobody may see yet ("no", or not chosen) is never read aloud, nor its photo's words."""
        if self.page.key == "look_back_surprises" or field.name not in ("text", "photo_words"):
            return answer
        voice = self.entries()[int(self.key)] if self.key is not None else Voice(text=answer)
        return answer if going.may_show(voice, going.TEAM) else str(self.page.words["private"])

    def names_given_before(self) -> list[str]:
        """Who was here at this look-back, then who said the other things on its list."""
        others = [v.said_by for n, v in enumerate(self.checkin.voices) if str(n) != self.key]
        return [*self.checkin.who, *others]

    def value(self, name: str) -> object:
        if self.key is None:
            return ""
        return getattr(self.entries()[int(self.key)], name)

    def store(self, name: str, value: object) -> None:
        plan = self.keeper.plan
        entries = self.entries()
        if self.key is None:
            made = (
                Surprise(text=str(value))
                if self.page.key == "look_back_surprises"
                else Voice(text=str(value))
            )
            entries.append(made)  # type: ignore[arg-type]
            self.key = str(len(entries) - 1)
        elif self.value(name) == value:
            return
        else:
            setattr(entries[int(self.key)], name, value)
        plan.touch()
        self.keeper.changed()

    def choice_rows(self, field: Field) -> list[Choice]:
        current = self.value(field.name)
        if field.name == "share":
            return [Choice(s, progress.share_word(s), checked=s == current) for s in SHARE_CHOICES]
        plan = self.keeper.plan
        stones = plan.outcomes_in_order()
        rows = [Choice("", self.page.words["stone_none"], checked=not current)]
        return rows + [Choice(o.id, o.text or "-", checked=o.id == current) for o in stones]

    def keep(self) -> bool:
        kept = super().keep()
        field = self.fields[self.at]
        if kept and field.name == "photo" and self.key is not None:
            self.say_photo(str(self.value("photo")))
        return kept

    def asks(self, field: Field) -> bool:
        """What a photo shows is asked only when there is a photo."""
        return field.name != "photo_words" or bool(str(self.answer_now("photo")).strip())

    def say_photo(self, photo: str) -> None:
        """A photo not in the plan's folder is kept by name, and the person is told."""
        from backmap.core.store import photo_file

        session = self.keeper.session
        path = session.path if session is not None else None
        if photo and path is not None and photo_file(path, photo) is None:
            self.keeper.say(content.page(self.page.key)["photo_missing"])
