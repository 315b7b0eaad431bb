"""The pane for a list: people, stepping stones or activities.

People add, change, remove (asked first, and undone with one key) and move
items. Each stepping stone shows the activities that help it, and each
activity the stepping stones it helps, so the links are seen from both sides.
Every row shows its second line (a role, or how many links it has). The names
of the links show under the highlighted row only, so a short window still
shows several rows at once.
"""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Static

from backmap import content
from backmap.content import word as words
from backmap.core.flow import Page
from backmap.core.plan import Removed
from backmap.read_aloud import sentences
from backmap.screens.dialogs import ConfirmScreen
from backmap.screens.item import ItemScreen, item_fields
from backmap.session.keeper import Keeper
from backmap.widgets.answer import AnswerBox
from backmap.widgets.buttons import FocusButton
from backmap.widgets.choices import Choice, MarkedList
from backmap.widgets.panes.pane import Pane

ACTING_BUTTONS = ("edit", "remove", "up", "down")  # the buttons that act on the highlighted row


def helped_by(count: int) -> str:
    """The line under a stepping stone: how many activities help it."""
    if not count:
        return words("item", "helped_by_none")
    return words("item", "helped_by_one" if count == 1 else "helped_by_many", count=count)


def helps_stones(count: int) -> str:
    """The line under an activity, after its kind: how many stepping stones it helps."""
    if not count:
        return content.activity_word("helps_nothing")
    return content.activity_word("helps_one" if count == 1 else "helps_many").format(count=count)


def bullets(names: list[str]) -> str:
    """One line for each name, under the second line and as far in (the list adds the room)."""
    return "\n".join(f"- {name}" for name in names)


class ListPane(Pane):
    BINDINGS = [
        Binding("ctrl+z", "undo", words("keys", "undo"), key_display="Ctrl+Z", show=False),
        Binding("delete", "remove", words("keys", "remove"), show=False),
    ]

    def __init__(self, keeper: Keeper, id: str) -> None:
        super().__init__(keeper, id=id)
        self.removed: Removed | tuple[int, object] | None = None
        self._offered: set[str] = set()  # steps whose box drafts were offered in this run

    @property
    def plan(self):  # -> Plan
        return self.keeper.plan

    def show(self, page: Page) -> None:
        """This step's items from the first row. Undo is for the step something was removed on."""
        super().show(page)
        self.removed = None
        self.query_one("#empty", Static).update(page.words["empty"])
        self.query_one("#items", MarkedList).highlighted = None
        self.refresh_items()
        self._show_new_box(page)
        self._offer_box_drafts(page)

    def _offer_box_drafts(self, page: Page) -> None:
        """Words typed in a box last time (before a crash or a closed window) come back in it."""
        if page.key in self._offered:
            return
        self._offered.add(page.key)
        for key, field in self.keeper.box_drafts(page.key):
            exists = key is None or key in {c.key for c in self.query_one("#items", MarkedList).choices}
            if exists:
                box = ItemScreen(
                    self.keeper, page, key, item_fields(page, changing=key is not None), start_at=field
                )
                self.call_after_refresh(self.app.push_screen, box, self.after_edit)
                return

    def spoken_answer(self) -> str:
        """Read aloud: the items on the list, then any words in the box for the next one."""
        rows = [c.text for c in self.query_one("#items", MarkedList).choices]
        said = [words("speech", "your_list"), *rows] if rows else [self.page_now.words["empty"]]
        typed = self.query_one("#new-item", AnswerBox).answer
        if typed:
            said += [words("speech", "typed_next"), typed]
        return sentences(said)

    def point_at(self, key: str | None) -> None:
        """Start on this row (a gap chosen on the check step), not on the first."""
        if key is not None:
            self.refresh_items(keep=key)

    def choices(self) -> list[Choice]:
        plan = self.plan
        kind = self.page_now.kind
        if kind == "people":
            return [Choice(str(i), p.name or "-", detail=p.role) for i, p in enumerate(plan.people)]
        if kind == "outcomes":
            helpers = plan.helpers_by_outcome()
            rows = []
            for outcome in plan.outcomes_in(self.page_now.plan_part):
                names = [a.text or "-" for a in helpers.get(outcome.id, [])]
                rows.append(
                    Choice(outcome.id, outcome.text or "-", detail=helped_by(len(names)), more=bullets(names))
                )
            return rows
        by_id = {o.id: o for o in plan.outcomes}
        rows = []
        for activity in plan.activities_in(self.page_now.plan_part):
            helps = [by_id[i].text or "-" for i in activity.outcomes if i in by_id]
            detail = f"{content.kind_name(activity.kind)}. {helps_stones(len(helps))}"
            rows.append(Choice(activity.id, activity.text or "-", detail=detail, more=bullets(helps)))
        return rows

    def compose(self) -> ComposeResult:
        # The next item is typed here: Enter adds it, Enter with no words goes on.
        # Above the list, so the question stays in sight while typing.
        yield AnswerBox("", id="new-item")
        # The buttons come before the list they act on, so Tab goes from them to the list
        # (after the list it went on to Back and Next, and the list was reached only backwards).
        with Horizontal(id="item-buttons"):
            yield FocusButton(words("buttons", "add"), id="add")
            yield FocusButton(words("buttons", "edit"), id="edit")
            yield FocusButton(words("buttons", "remove"), id="remove")
            yield FocusButton(words("buttons", "up"), id="up")
            yield FocusButton(words("buttons", "down"), id="down")
            yield FocusButton(words("buttons", "undo"), id="undo")
        yield Static("", id="empty", markup=False)
        yield MarkedList([], details="current", id="items")

    def focus_first(self) -> None:
        if self.plan_items_count():
            self.screen.set_focus(self.query_one("#items", MarkedList), scroll_visible=False)
        else:
            self.screen.set_focus(self.query_one("#new-item", AnswerBox), scroll_visible=False)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # Change, Remove, Up and Down act on the highlighted row: it shows "> " while they have focus.
        acting = event.widget.id in ACTING_BUTTONS
        self.query_one("#items", MarkedList).show_acted_on(acting)

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        if event.widget.id in ACTING_BUTTONS:
            self.query_one("#items", MarkedList).show_acted_on(False)

    # ----- the box for the next item ---------------------------------------------------

    def _show_new_box(self, page: Page) -> None:
        box = self.query_one("#new-item", AnswerBox)
        box.border_title = words("item", "next_title", item=page.words["item"])
        box.border_subtitle = words("item", "next_hint")
        with box.prevent(AnswerBox.Changed):
            box.load_text("")

    def _new_draft_key(self) -> str:
        """The draft key of the first question of a new item, as the Add box keeps it."""
        first = item_fields(self.page_now)[0].name
        return f"item:{self.page_now.key}:new:{first}"

    def on_text_area_changed(self, event: AnswerBox.Changed) -> None:
        if event.text_area.id == "new-item" and self.page is not None:
            # Kept as the Add box's draft: after a crash the words come back in that box.
            self.keeper.typing(self._new_draft_key(), self.query_one("#new-item", AnswerBox).answer)

    @on(AnswerBox.Submitted, "#new-item")
    def new_item_entered(self, event: AnswerBox.Submitted) -> None:
        """Words: add the item and ask its other questions. No words: go on to the next step."""
        event.stop()
        box = self.query_one("#new-item", AnswerBox)
        text = box.answer
        if not text:
            self.post_message(self.GoNext())
            return
        with box.prevent(AnswerBox.Changed):
            box.load_text("")
        self.app.push_screen(
            ItemScreen(self.keeper, self.page_now, None, item_fields(self.page_now), first=text),
            callback=self.after_edit,
        )

    def keep(self) -> bool:
        """Words left in the box for the next item are an answer too: Next or Skip adds them."""
        box = self.query_one("#new-item", AnswerBox)
        text = box.answer
        if text and self.page is not None:
            plan = self.plan
            if self.page_now.kind == "people":
                plan.add_person(text)
            elif self.page_now.kind == "outcomes":
                plan.add_outcome(self.page_now.plan_part, text=text)
            else:
                plan.add_activity(self.page_now.plan_part, text=text, kind="")  # nobody chose a kind yet
            with box.prevent(AnswerBox.Changed):
                box.load_text("")
            self.keeper.changed()
            self.refresh_items()
        return True

    def plan_items_count(self) -> int:
        return len(self.query_one("#items", MarkedList).choices)

    def refresh_items(self, keep: str | None = None) -> None:
        items = self.query_one("#items", MarkedList)
        items.set_choices(self.choices(), keep=keep)
        has_items = bool(items.choices)
        items.display = has_items
        self.query_one("#empty").display = not has_items
        for name in ("edit", "remove", "up", "down"):
            self.query_one(f"#{name}", FocusButton).display = has_items
        self.query_one("#undo", FocusButton).display = self.removed is not None

    def current_key(self) -> str | None:
        choice = self.query_one("#items", MarkedList).current
        return choice.key if choice else None

    # ----- add, change, remove, move -------------------------------------------------

    @on(FocusButton.Pressed, "#add")
    def action_add(self) -> None:
        self.app.push_screen(
            ItemScreen(self.keeper, self.page_now, None, item_fields(self.page_now)),
            callback=self.after_edit,
        )

    @on(MarkedList.OptionSelected, "#items")
    @on(FocusButton.Pressed, "#edit")
    def action_edit(self) -> None:
        key = self.current_key()
        if key is None:
            return
        self.app.push_screen(
            ItemScreen(self.keeper, self.page_now, key, item_fields(self.page_now, changing=True)),
            callback=self.after_edit,
        )

    def after_edit(self, key: str | None) -> None:
        """Show the new or changed item. Focus goes back to the button that was pressed."""
        self.refresh_items(keep=key)

    @on(FocusButton.Pressed, "#remove")
    def action_remove(self) -> None:
        key = self.current_key()
        if key is None:
            return
        item_word = self.page_now.words["item"]
        detail = words("remove", "detail")
        if self.page_now.kind == "outcomes" and self.plan.activities_for(key):
            detail += " " + words("remove", "links_note")
        choice = self.query_one("#items", MarkedList).current
        self.app.push_screen(
            ConfirmScreen(
                words("remove", "question", item=item_word),
                choice.text if choice else "",
                detail,
                words("buttons", "yes_remove"),
                words("buttons", "no_keep"),
            ),
            callback=lambda yes: self._remove(key, yes),
        )

    def _remove(self, key: str, yes: bool | None) -> None:
        if not yes:
            self.query_one("#items").focus()
            return
        plan = self.plan
        if self.page_now.kind == "people":
            index = int(key)
            self.removed = (index, plan.remove_person(index))
        elif self.page_now.kind == "outcomes":
            self.removed = plan.remove_outcome(key)
        else:
            self.removed = plan.remove_activity(key)
        self.keeper.changed(words("remove", "removed", item=self.page_now.words["item"]))
        self.refresh_items()
        self.focus_first()

    @on(FocusButton.Pressed, "#undo")
    def action_undo(self) -> None:
        removed = self.removed
        if removed is None:
            # Undo is for a remove on this step, straight after: say so, not nothing at all.
            self.keeper.say(words("remove", "nothing_back"))
            return
        self.removed = None
        plan = self.plan
        if isinstance(removed, tuple):
            index, person = removed
            plan.insert_person(index, person)  # type: ignore[arg-type]
            keep = str(min(index, len(plan.people) - 1))
        else:
            plan.restore(removed)
            keep = removed.item.id
        self.keeper.changed(words("remove", "back", item=self.page_now.words["item"]))
        self.refresh_items(keep=keep)
        self.query_one("#items").focus()

    @on(FocusButton.Pressed, "#up")
    def action_move_up(self) -> None:
        self._move(-1)

    @on(FocusButton.Pressed, "#down")
    def action_move_down(self) -> None:
        self._move(1)

    def _move(self, step: int) -> None:
        key = self.current_key()
        if key is None:
            return
        plan = self.plan
        if self.page_now.kind == "people":
            moved = plan.move_person(int(key), step)
            key = str(int(key) + step) if moved else key
        else:
            moved = plan.move(key, step)
        if moved:
            self.keeper.changed()
            self.refresh_items(keep=key)

    @property
    def page_now(self) -> Page:
        assert self.page is not None, "shown before it has a step"
        return self.page
