"""What every pane can do for the interview screen that shows it."""

from __future__ import annotations

from textual.containers import Vertical
from textual.message import Message

from backmap import content
from backmap.core.flow import Page
from backmap.core.plan import Checkin
from backmap.session.keeper import Keeper


class Pane(Vertical):
    """Shows the answer part of one step. The interview screen hands it the step and the keeper."""

    DEFAULT_CSS = "Pane { height: auto; }"

    can_skip = True
    ends = False  # the last step of its flow: Next there finishes the interview

    class GoNext(Message):
        """The person finished this step from inside the pane (Enter in an answer box)."""

    class RoomChanged(Message):
        """The rows the pane needs at least (``least_height``) have changed."""

    def __init__(self, keeper: Keeper, id: str) -> None:
        super().__init__(id=id)
        self.keeper = keeper
        self.page: Page | None = None

    def show(self, page: Page) -> None:
        """Show this step's answer; called each time the pane shows a step."""
        self.page = page

    def hint(self, page: Page) -> str:
        """The line under the question; a pane may count something in it."""
        return page.words["hint"]

    def next_label(self) -> str:
        return content.word("buttons", "next")

    def spoken_answer(self) -> str:
        """The answer on screen, for read aloud: a pane with none says nothing."""
        return ""

    def spoken(self, words: dict[str, str]) -> list[str]:
        """What read aloud says of this step between its hint and its tip: the answer, then the example."""
        return [self.spoken_answer(), words["example"]]

    def least_height(self) -> int | None:
        """Rows the pane needs at least, as laid out now; None: what the stylesheet says is enough."""
        return None

    def point_at(self, key: str | None) -> None:
        """Start on the row with this key: only a pane with rows has any."""

    def focus_first(self) -> None:
        """Put focus where the person answers."""

    def keep(self) -> bool:
        """Store what is on screen in the plan. False: stay on this step."""
        return True

    def finish(self) -> list[str]:
        """On the last step: end the interview; the short blocks of the "well done" message."""
        return []


class LookBackPane(Pane):
    """A pane of a look-back's step: its page names the look-back it fills in."""

    @property
    def checkin(self) -> Checkin:
        assert self.page is not None, "shown before it has a step"
        return self.keeper.plan.checkin(self.page.checkin)
