"""Add or change one item, one question at a time.

An activity has up to five questions (what, kind, which stepping stones, who,
when). Each answer is stored in the plan, and saved, as soon as the person
moves on, so closing the dialog half way loses nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from backmap import content
from backmap.content import word as words
from backmap.core import flow
from backmap.core.plan import KINDS, Plan
from backmap.read_aloud import sentences
from backmap.screens.dialogs import ButtonDialog, ConfirmScreen
from backmap.widgets.answer import AnswerBox
from backmap.widgets.buttons import FocusButton
from backmap.widgets.choices import Choice, MarkedList

if TYPE_CHECKING:
    from backmap.session.keeper import Keeper


@dataclass(frozen=True)
class Field:
    name: str  # the attribute it sets: text, how_we_know, kind, outcomes, who, when, name, role
    widget: str  # "text", "radio" or "check"
    question: str
    hint: str = ""
    required: bool = False
    offers_names: bool = False  # Down and Up in its box offer names: the plan's people first


def item_fields(page: flow.Page, changing: bool = False) -> list[Field]:
    """The questions for one item of this page, from the content files. A Change box
    says how to change the words; the step's own hint is about adding."""
    text = page.words
    if page.kind == "people":
        return [
            Field("name", "text", text["first_label"], required=True),
            Field("role", "text", text["second_label"]),
        ]
    if page.kind == "outcomes":
        return [
            Field(
                "text",
                "text",
                text["first_label"],
                words("item", "change_hint") if changing else text["hint"],
                required=True,
            ),
            Field("how_we_know", "text", text["second_label"]),
        ]
    act = content.activity_word
    return [
        Field("text", "text", act("text_question"), act("text_hint"), required=True),
        Field("kind", "radio", act("kind_question"), act("kind_hint")),
        Field("outcomes", "check", act("links_question"), act("links_hint")),
        Field("who", "text", act("who_question"), offers_names=True),
        Field("when", "text", act("when_question")),
    ]


MAX_OFFERED = 4  # names a box's hint shows ("Who will do it?", "Who said it?"); Down reaches them all


def link_rows(plan: Plan, part: str, linked: list[str]) -> list[Choice]:
    """Stepping stones an activity can help: the project's first, then co-production's.

    The same order and numbers on both activity steps, so "3" is always the same stone.
    An activity of one part may well help a stepping stone of the other (in the
    day-centre example the co-production group helps write the project's plan).
    """
    chosen = set(linked)
    ordered = plan.outcomes_in_order()
    rows = []
    for outcome in ordered:
        detail = ""
        if outcome.part != part:
            detail = content.activity_word("other_part").format(part=content.part_name(outcome.part).lower())
        rows.append(Choice(outcome.id, outcome.text or "-", checked=outcome.id in chosen, detail=detail))
    return rows


# The most of a person's words the "throw away?" question shows: enough to know them again,
# few enough that the question and its buttons stay on an 80x24 screen.
SHOWN_WORDS = 120


def first_words(text: str, limit: int = SHOWN_WORDS) -> str:
    """The start of a long answer, cut between words, with "..." to show there is more."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] or text[:limit]
    return cut.rstrip() + " ..."


class ItemScreen(ButtonDialog[str | None]):
    """Dismisses with the key of the item it made or changed (or None)."""

    # App keys stop at a modal screen, so the dialog brings its own.
    BINDINGS = [
        Binding("ctrl+n", "next", content.word("keys", "next"), key_display="Ctrl+N"),
        Binding("ctrl+r", "back", content.word("keys", "back"), key_display="Ctrl+R"),
        Binding("ctrl+l", "app.glossary", content.word("keys", "glossary"), key_display="Ctrl+L"),
        Binding("ctrl+o", "app.read_aloud", content.word("keys", "read"), key_display="Ctrl+O", show=False),
        Binding("f1", "app.help", content.word("keys", "help"), key_display="F1", show=False),
        Binding("escape", "close", content.word("buttons", "close"), key_display="Esc"),
        # In a box for a name Down and Up offer the plan's people; elsewhere they do what they did.
        Binding("down", "offer(1)", show=False, priority=True),
        Binding("up", "offer(-1)", show=False, priority=True),
    ]

    def spoken_text(self) -> str:
        """Read aloud in a dialog reads the question on screen, its hint and the answer in it."""
        field = self.fields[self.at]
        said = [field.question, field.hint]
        if field.widget == "text":
            answer = self.query_one("#item-answer", AnswerBox).answer
            if answer:
                said += [words("speech", "your_answer"), self.spoken_answer(field, answer)]
        else:
            choices = self.query_one("#item-choices", MarkedList)
            said += [
                ("[x] " if c.checked else "") + choices.row_words(i) for i, c in enumerate(choices.choices)
            ]
        return sentences(said)

    def spoken_answer(self, field: Field, answer: str) -> str:
        """What read aloud says of the answer in the box: the answer itself."""
        return answer

    def __init__(
        self,
        keeper: Keeper,
        page: flow.Page,
        key: str | None,
        fields: list[Field],
        start_at: str = "",
        first: str = "",
    ) -> None:
        super().__init__()
        self.keeper = keeper
        self.page = page
        self.key = key
        self.new = key is None
        self.fields = fields
        # A box opened again for words typed last time starts on their question.
        self.at = next((i for i, f in enumerate(fields) if f.name == start_at), 0)
        # The first answer typed on the list step itself: the item is made, the box asks the rest.
        self.first = first
        self.typed = False  # the person has changed the words in the box of this question
        # Set once the dialog closes: Enter pressed twice quickly must close this dialog
        # once, not the step under it too.
        self.closing = False

    # ----- reading and writing the item ---------------------------------------------

    def value(self, name: str) -> object:
        if self.key is None:
            return [] if name == "outcomes" else ""
        plan = self.keeper.plan
        if self.page.kind == "people":
            return getattr(plan.people[int(self.key)], name)
        if self.page.kind == "outcomes":
            return getattr(plan.outcome(self.key), name)
        return getattr(plan.activity(self.key), name)

    def store(self, name: str, value: object) -> None:
        """Put one answer in the plan (making the item on its first answer) and save."""
        plan = self.keeper.plan
        part = self.page.plan_part
        if self.key is None:
            if self.page.kind == "people":
                self.key = str(plan.add_person(str(value)))
            elif self.page.kind == "outcomes":
                self.key = plan.add_outcome(part, text=str(value)).id
            else:
                # No kind until the person picks one: Escape before that leaves it unchosen.
                self.key = plan.add_activity(part, text=str(value), kind="").id
            self.keeper.changed()
            return
        if self.value(name) == value:
            return
        if self.page.kind == "people":
            plan.edit_person(int(self.key), **{name: str(value)})
        elif self.page.kind == "outcomes":
            plan.edit_outcome(self.key, **{name: str(value)})
        else:
            plan.edit_activity(self.key, **{name: value})
        self.keeper.changed()

    # ----- the screen ----------------------------------------------------------------

    def compose(self) -> ComposeResult:
        item = self.page.words["item"]
        title = words("item", "add_title" if self.new else "edit_title", item=item)
        with Vertical(id="dialog"):
            yield Static(title, id="dialog-title", markup=False)
            yield Static("", id="counter", markup=False)
            yield Static("", id="item-question", markup=False)
            yield Static("", id="item-hint", markup=False)
            yield AnswerBox("", id="item-answer")
            yield MarkedList(id="item-choices", number_keys=True)
            yield Static("", id="item-error", markup=False)
            with Horizontal(id="dialog-buttons"):
                yield FocusButton(words("buttons", "back"), id="item-back")
                yield FocusButton(words("buttons", "close"), id="item-cancel")
                yield FocusButton(words("buttons", "next"), id="item-next", variant="primary")

    def on_mount(self) -> None:
        if self.first and self.key is None:
            self.store(self.fields[0].name, self.first)
            self.keeper.drop_draft(f"item:{self.page.key}:new:{self.fields[0].name}")
            self.at = 1
        self.show_field()

    def show_field(self) -> None:
        field = self.fields[self.at]
        self.query_one("#item-question", Static).update(field.question)
        hint = self.query_one("#item-hint", Static)
        hint_text = field.hint
        if field.offers_names and self.offered_names():
            hint_text = content.activity_word("who_offer").format(
                names=", ".join(self.offered_names()[:MAX_OFFERED])
            )
        hint.update(hint_text)
        hint.display = bool(hint_text)
        self.query_one("#item-error", Static).update("")
        box = self.query_one("#item-answer", AnswerBox)
        choices = self.query_one("#item-choices", MarkedList)
        box.display = field.widget == "text"
        choices.display = field.widget != "text"
        if field.widget == "text":
            current = str(self.value(field.name))
            draft = self.keeper.draft_for(self.draft_key(), current)
            self.typed = draft is not None
            box.load_text(current if draft is None else draft)
            box.focus()
        else:
            rows = self.choice_rows(field)
            choices.mode = field.widget
            choices.set_choices(rows)
            if not rows:
                choices.display = False
                hint.display = False
                self.query_one("#item-error", Static).update(content.activity_word("links_none"))
                self.query_one("#item-next").focus()
            else:
                if choices.typed_then_enter:  # "1" may start "12": the number is typed, Enter picks
                    hint.update(words("item", "many_tick" if field.widget == "check" else "many_pick"))
                    hint.display = True
                checked = next((i for i, c in enumerate(rows) if c.checked), 0)
                choices.highlighted = checked
                choices.focus()
        self.show_place()
        self.query_one("#item-back", FocusButton).disabled = self.at == 0

    def show_place(self) -> None:
        """ "Question 5 of 6" and Next, or Done on the last: counting only the questions asked."""
        asked = [i for i, f in enumerate(self.fields) if i == self.at or self.asks(f)]
        self.query_one("#counter", Static).update(
            words("item", "counter", number=asked.index(self.at) + 1, total=len(asked))
        )
        last = asked[-1] == self.at
        self.query_one("#item-next", FocusButton).set_words(words("buttons", "done" if last else "next"))

    def answer_now(self, name: str) -> object:
        """An answer as it is now: the words in the box while it is asked, else the one kept."""
        field = self.fields[self.at]
        if field.name == name and field.widget == "text":
            return self.query_one("#item-answer", AnswerBox).answer
        return self.value(name)

    def draft_key(self) -> str:
        """Where the words of this question are kept as a draft while they are typed."""
        return f"item:{self.page.key}:{self.key or 'new'}:{self.fields[self.at].name}"

    def on_text_area_changed(self) -> None:
        if self.fields[self.at].widget != "text":
            return
        self.show_place()  # words in the box may bring a question, or take one away
        answer = self.query_one("#item-answer", AnswerBox).answer
        # Showing the stored words is not typing: keep no draft until they change.
        if not self.typed and answer == str(self.value(self.fields[self.at].name)):
            return
        self.typed = True
        self.keeper.typing(self.draft_key(), answer)

    def choice_rows(self, field: Field) -> list[Choice]:
        if field.name == "kind":
            # An activity has no kind ("") until the person picks one: then no row is ticked,
            # so a quick Enter cannot file it under a kind nobody chose.
            current = self.value("kind")
            return [Choice(k, content.kind_name(k), checked=k == current) for k in KINDS]
        return link_rows(self.keeper.plan, self.page.plan_part, self.value("outcomes"))  # type: ignore[arg-type]

    def keep(self) -> bool:
        """Store the answer on screen. False (with a message) if it is needed and empty."""
        field = self.fields[self.at]
        if field.widget == "text":
            answer = self.query_one("#item-answer", AnswerBox).answer
            if field.required and not answer:
                self.query_one("#item-error", Static).update(words("item", "empty_error"))
                return False
            if self.key is None and not answer:
                return True
            self.store(field.name, answer)
        elif self.key is not None:
            rows = self.query_one("#item-choices", MarkedList).choices
            if field.widget == "radio":
                chosen = next((c.key for c in rows if c.checked), None)
                if chosen is not None:  # none ticked: the kind stays unchosen, and the check says so
                    self.store(field.name, chosen)
            else:
                order = {o.id: i for i, o in enumerate(self.keeper.plan.outcomes)}
                ticked = sorted((c.key for c in rows if c.checked), key=order.__getitem__)
                self.store("outcomes", ticked)
        return True

    @on(AnswerBox.Submitted)
    @on(FocusButton.Pressed, "#item-next")
    def action_next(self) -> None:
        if self.closing or not self.keep():
            return
        later = [i for i in range(self.at + 1, len(self.fields)) if self.asks(self.fields[i])]
        if not later:
            self.closing = True
            self.dismiss(self.key)
            return
        self.at = later[0]
        self.show_field()

    def asks(self, field: Field) -> bool:
        """Whether this question is asked, given the answers kept so far."""
        return True

    @on(FocusButton.Pressed, "#item-back")
    def action_back(self) -> None:
        if self.closing or self.at == 0 or not self.keep():
            return
        self.at = max(i for i in range(self.at) if i == 0 or self.asks(self.fields[i]))
        self.show_field()

    def offered_names(self) -> list[str]:
        """The names a box for a name offers: the plan's people, then names given before, once each."""
        names = [p.name for p in self.keeper.plan.people] + self.names_given_before()
        return list(dict.fromkeys(n for n in (" ".join(name.split()) for name in names) if n))

    def names_given_before(self) -> list[str]:
        """Who was named for the other activities ("Who will do it?")."""
        return [a.who for a in self.keeper.plan.activities if a.id != self.key]

    def _offering(self) -> bool:
        field = self.fields[self.at]
        box = self.query_one("#item-answer", AnswerBox)
        return field.offers_names and self.focused is box and bool(self.offered_names())

    def action_offer(self, step: int) -> None:
        """Down or Up puts the next or the one before of the offered names in the box; typing still works."""
        if not self._offering():
            if self._on_a_button():  # what Down and Up do among the buttons of any dialog
                self.action_next_button() if step > 0 else self.action_previous_button()
                return
            raise SkipAction()  # a list or the box keeps its own arrow keys
        names = self.offered_names()
        box = self.query_one("#item-answer", AnswerBox)
        now = names.index(box.answer) if box.answer in names else (-1 if step > 0 else len(names))
        box.load_text(names[(now + step) % len(names)])

    @on(MarkedList.Toggled, "#item-choices")
    def toggled(self, event: MarkedList.Toggled) -> None:
        """A tick is an answer too: keep it at once. Enter on a kind also moves on."""
        self.keep()
        if event.by_enter and self.fields[self.at].widget == "radio":
            self.action_next()

    def unsaved_words(self) -> str:
        """Words in the box that closing would throw away: a new item's first answer.

        Every other answer is stored on closing, so only this one can be lost.
        """
        field = self.fields[self.at]
        if self.key is not None or field.widget != "text":
            return ""
        return self.query_one("#item-answer", AnswerBox).answer

    @on(FocusButton.Pressed, "#item-cancel")
    def action_close(self) -> None:
        """Close the dialog. Answers already given stay; the one on screen is kept if it has words.

        Words typed for a new item are not in the plan yet: ask before throwing them away.
        """
        if self.closing:
            return
        typed = self.unsaved_words()
        if typed:
            ask = ConfirmScreen(
                words("item", "throw_question"),
                first_words(typed),
                words("item", "throw_detail"),
                words("buttons", "throw_words"),
                words("buttons", "keep_words"),
            )
            self.app.push_screen(ask, callback=self.after_throw_question)
            return
        self.close()

    def after_throw_question(self, throw: bool | None) -> None:
        if throw and not self.closing:
            self.close()
        else:
            self.query_one("#item-answer", AnswerBox).focus()

    def close(self) -> None:
        self.closing = True
        field = self.fields[self.at]
        if field.widget == "text" and self.key is not None:
            answer = self.query_one("#item-answer", AnswerBox).answer
            if answer or not field.required:
                self.store(field.name, answer)
        elif field.widget == "text":
            self.keeper.drop_draft(self.draft_key())  # a new item given up: no words to bring back
        self.dismiss(self.key)
