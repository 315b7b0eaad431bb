"""A step that holds a list: people, stepping stones or activities.

People add, change, remove (asked first, and undone with one key) and move
items. Each stepping stone shows the activities that help it, and each
activity the stepping stones it helps, so the links are seen from both sides.
Every row shows its second line (a role, or how many links it has). The names
of the links show under the highlighted row only, so a short window still
shows several rows at once.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Static

from backmap import content
from backmap.core import flow
from backmap.core.plan import Removed
from backmap.screens.dialogs import ConfirmScreen
from backmap.screens.item import ItemScreen, item_fields
from backmap.screens.step import StepScreen, words
from backmap.widgets.buttons import FocusButton
from backmap.widgets.choices import Choice, MarkedList

LIST_KINDS = ("people", "outcomes", "activities")


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


class ListScreen(StepScreen):
    BINDINGS = [
        Binding("ctrl+z", "undo", words("keys", "undo"), key_display="Ctrl+Z", show=False),
        Binding("delete", "remove", words("keys", "remove"), show=False),
    ]

    reusable = True

    def __init__(self, index: int) -> None:
        super().__init__(index)
        self.removed: Removed | tuple[int, object] | None = None
        self.pointed: str | None = None  # the row to start on, until the rows are filled

    def can_show(self, index: int) -> bool:
        return flow.PAGES[index].kind in LIST_KINDS and self.is_mounted

    def texts(self) -> dict[str, str]:
        return {**super().texts(), "empty": self.page.words["empty"]}

    def show_answer(self) -> None:
        """This step's items from the first row, as a new screen shows them.

        Undo is for the step something was removed on: it goes with that step.
        """
        self.removed = None
        self.query_one("#items", MarkedList).highlighted = None
        self.refresh_items()

    def point_at(self, key: str | None) -> None:
        """Start on this row (a gap chosen on the check step), not on the first."""
        if key is None:
            return
        if self.is_mounted:
            self.refresh_items(keep=key)
        else:
            self.pointed = key

    # ----- what is in the list ------------------------------------------------------

    def choices(self) -> list[Choice]:
        plan = self.plan
        kind = self.page.kind
        if kind == "people":
            return [Choice(str(i), p.name or "-", detail=p.role) for i, p in enumerate(plan.people)]
        if kind == "outcomes":
            helpers = plan.helpers_by_outcome()
            rows = []
            for outcome in plan.outcomes_in(self.page.plan_part):
                names = [a.text or "-" for a in helpers.get(outcome.id, [])]
                rows.append(
                    Choice(outcome.id, outcome.text or "-", detail=helped_by(len(names)), more=bullets(names))
                )
            return rows
        by_id = {o.id: o for o in plan.outcomes}
        rows = []
        for activity in plan.activities_in(self.page.plan_part):
            helps = [by_id[i].text or "-" for i in activity.outcomes if i in by_id]
            detail = f"{content.kind_name(activity.kind)}. {helps_stones(len(helps))}"
            rows.append(Choice(activity.id, activity.text or "-", detail=detail, more=bullets(helps)))
        return rows

    def compose_answer(self) -> ComposeResult:
        yield Static(self.page.words["empty"], id="empty", markup=False)
        yield MarkedList(self.choices(), details="current", id="items")
        with Horizontal(id="item-buttons"):
            yield FocusButton(words("buttons", "add"), id="add")
            yield FocusButton(words("buttons", "edit"), id="edit")
            yield FocusButton(words("buttons", "remove"), id="remove")
            yield FocusButton(words("buttons", "up"), id="up")
            yield FocusButton(words("buttons", "down"), id="down")
            yield FocusButton(words("buttons", "undo"), id="undo")

    def on_mount(self) -> None:
        super().on_mount()
        self.refresh_items(keep=self.pointed)
        self.pointed = None

    def focus_first(self) -> None:
        if self.plan_items_count():
            self.query_one("#items", MarkedList).focus()
        else:
            self.query_one("#add", FocusButton).focus()

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
            ItemScreen(self.page, None, item_fields(self.page)),
            callback=self.after_edit,
        )

    @on(MarkedList.OptionSelected, "#items")
    @on(FocusButton.Pressed, "#edit")
    def action_edit(self) -> None:
        key = self.current_key()
        if key is None:
            return
        self.app.push_screen(
            ItemScreen(self.page, key, item_fields(self.page)),
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
        item_word = self.page.words["item"]
        detail = words("remove", "detail")
        if self.page.kind == "outcomes" and self.plan.activities_for(key):
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
        if self.page.kind == "people":
            index = int(key)
            self.removed = (index, plan.people.pop(index))
            plan.touch()
        elif self.page.kind == "outcomes":
            self.removed = plan.remove_outcome(key)
        else:
            self.removed = plan.remove_activity(key)
        self.backmap.changed(words("remove", "removed", item=self.page.words["item"]))
        self.refresh_items()
        self.focus_first()

    @on(FocusButton.Pressed, "#undo")
    def action_undo(self) -> None:
        removed = self.removed
        if removed is None:
            # Undo is for a remove on this step, straight after: say so, not nothing at all.
            self.backmap.message = words("remove", "nothing_back")
            self.backmap.show_status()
            return
        self.removed = None
        plan = self.plan
        if isinstance(removed, tuple):
            index, person = removed
            plan.people.insert(min(index, len(plan.people)), person)  # type: ignore[arg-type]
            plan.touch()
            keep = str(min(index, len(plan.people) - 1))
        else:
            plan.restore(removed)
            keep = removed.item.id
        self.backmap.changed(words("remove", "back", item=self.page.words["item"]))
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
        if self.page.kind == "people":
            index = int(key)
            target = index + step
            if not 0 <= target < len(plan.people):
                return
            plan.people[index], plan.people[target] = plan.people[target], plan.people[index]
            plan.touch()
            moved = True
            key = str(target)
        else:
            moved = plan.move(key, step)
        if moved:
            self.backmap.changed()
            self.refresh_items(keep=key)
