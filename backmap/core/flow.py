"""The interviews as data: what each step asks, which pane shows it, what comes next.

The Textual app, the plain mode and "carry on where you stopped" all walk a
``Flow``, so they can never disagree about what comes next. The planning
interview is ``PLANNING``; one interview screen shows any flow.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from backmap import content
from backmap.core.plan import Plan
from backmap.core.safe_text import plain


@dataclass(frozen=True)
class Page:
    key: str  # the page's words in content/steps.toml
    step: int  # "Step N of TOTAL"; step 1 has two pages
    kind: str  # "text", "people", "outcomes", "activities", "check", "finish"
    part: str  # key in [parts]
    field: str = ""  # for "text" pages: which answer it holds
    plan_part: str = ""  # "project" or "coproduction" for list pages
    item: str = ""  # look-back pages: the activity or stepping stone asked about
    checkin: str = ""  # look-back pages: the id of the look-back they fill in
    number: int = 0  # look-back pages: which activity or stepping stone (from 1) ...
    count: int = 0  # ... of how many

    @property
    def words(self) -> dict[str, str]:
        words = content.page(self.key)
        if self.number:
            return {k: v.format(number=self.number, total=self.count) for k, v in words.items()}
        return words

    @property
    def part_name(self) -> str:
        return content.part_name(self.part, look_back=bool(self.checkin))

    @property
    def answer_key(self) -> str:
        """Where words typed for this page are kept as a draft: unique in the plan."""
        return f"{self.checkin}:{self.item}:{self.field}" if self.checkin else self.field

    @property
    def pane(self) -> str:
        """The kind of pane that shows this step: "question", "list", "check" or "finish"."""
        return PANES[self.kind]


PANES = {
    "text": "question",
    "people": "list",
    "outcomes": "list",
    "activities": "list",
    "check": "check",
    "finish": "finish",
    # The look-back's pages (core/look_back.py)
    "look_back_text": "question",
    "look_back_status": "choice",
    "look_back_who": "who",
    "look_back_entries": "entries",
    "look_back_pathway": "progress",
    "look_back_finish": "look-back-finish",
}


@dataclass(frozen=True)
class Flow:
    """One interview: its steps in order. Next and Back walk them; "carry on" starts in them."""

    name: str
    pages: tuple[Page, ...]
    # Whether a page is asked, for a flow whose later pages depend on earlier answers
    # (the look-back asks how many times only for an activity that happened).
    asks: Callable[[Plan, Page], bool] | None = None
    # Carry on after the last answer given, not at the first empty one: most of a look-back's
    # questions may be skipped, and a skipped one is not where people stopped.
    resume_after_last: bool = False

    @property
    def total_steps(self) -> int:
        return self.pages[-1].step

    def index_of(self, key: str) -> int:
        for index, page in enumerate(self.pages):
            if page.key == key:
                return index
        raise KeyError(key)

    def next_index(self, index: int, plan: Plan | None = None) -> int | None:
        """The step after this one; None after the last (the interview is over)."""
        return self._walk(index, 1, plan)

    def previous_index(self, index: int, plan: Plan | None = None) -> int | None:
        """The step before this one; None before the first (back to the welcome)."""
        return self._walk(index, -1, plan)

    def _walk(self, index: int, step: int, plan: Plan | None) -> int | None:
        index += step
        while 0 <= index < len(self.pages):
            if plan is None or self.asks is None or self.asks(plan, self.pages[index]):
                return index
            index += step
        return None

    def step_label(self, page: Page) -> str:
        return content.word("app", "step", number=page.step, total=self.total_steps)

    def first_unanswered(self, plan: Plan) -> int:
        """Where "carry on" lands: the first step still without an answer."""
        if self.resume_after_last:
            answered = [i for i, page in enumerate(self.pages) if is_answered(plan, page)]
            after = self.next_index(answered[-1], plan) if answered else 0
            return len(self.pages) - 1 if after is None else after
        for index, page in enumerate(self.pages):
            if self.asks is not None and not self.asks(plan, page):
                continue
            if page.pane in ("check", "finish", "progress", "look-back-finish") or not is_answered(
                plan, page
            ):
                return index
        return len(self.pages) - 1


PAGES: tuple[Page, ...] = (
    Page("title", 1, "text", "start", field="title"),
    Page("people", 1, "people", "start"),
    Page("impact_project", 2, "text", "impact", field="impact.project"),
    Page("impact_coproduction", 3, "text", "impact", field="impact.coproduction"),
    Page("lasting_change", 4, "text", "impact", field="impact.lasting_change"),
    Page("outcomes_project", 5, "outcomes", "project", plan_part="project"),
    Page("outcomes_coproduction", 6, "outcomes", "coproduction", plan_part="coproduction"),
    Page("activities_project", 7, "activities", "project", plan_part="project"),
    Page("activities_coproduction", 8, "activities", "coproduction", plan_part="coproduction"),
    Page("check", 9, "check", "check"),
    Page("finish", 10, "finish", "finish"),
)
PLANNING = Flow("planning", PAGES)
TOTAL_STEPS = PLANNING.total_steps


def index_of(key: str) -> int:
    return PLANNING.index_of(key)


def page(key: str) -> Page:
    return PAGES[PLANNING.index_of(key)]


def get_text(plan: Plan, field: str) -> str:
    if field == "title":
        return plan.title
    return getattr(plan.impact, field.split(".", 1)[1])


def set_text(plan: Plan, field: str, value: str) -> bool:
    """Store a typed answer; returns True when it changed anything."""
    if get_text(plan, field) == value:
        return False
    if field == "title":
        plan.title = value
    else:
        setattr(plan.impact, field.split(".", 1)[1], value)
    plan.touch()
    return True


def page_text(plan: Plan, page: Page) -> str:
    """The answer in words a page holds: a planning answer, or a look-back's."""
    if page.checkin:
        from backmap.core import look_back

        return look_back.get_text(plan, page)
    return get_text(plan, page.field)


def keep_page_text(plan: Plan, page: Page, value: str) -> bool:
    """Keep an answer in words; True when it changed the plan.
    A look-back answer that makes no sense raises look_back.AnswerProblem."""
    if page.checkin:
        from backmap.core import look_back

        return look_back.set_text(plan, page, value)
    return set_text(plan, page.field, value)


def is_answered(plan: Plan, page: Page) -> bool:
    """Whether a page has an answer; people is optional, so it never holds anyone back."""
    if page.checkin:
        from backmap.core import look_back

        return look_back.is_answered(plan, page)
    if page.kind == "text":
        # The same test as the checks: an answer of only escape codes is no answer.
        return bool(plain(get_text(plan, page.field)))
    if page.kind == "people":
        return True
    if page.kind == "outcomes":
        return bool(plan.outcomes_in(page.plan_part))
    if page.kind == "activities":
        return bool(plan.activities_in(page.plan_part))
    return False


def first_unanswered(plan: Plan) -> int:
    return PLANNING.first_unanswered(plan)


def step_label(page: Page) -> str:
    return PLANNING.step_label(page)
