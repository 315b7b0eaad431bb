"""The order of the interview, in one place.

The Textual app, the plain mode and "carry on where you stopped" all walk
this list, so they can never disagree about what comes next.
"""

from __future__ import annotations

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

    @property
    def words(self) -> dict[str, str]:
        return content.page(self.key)

    @property
    def part_name(self) -> str:
        return content.part_name(self.part)


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
TOTAL_STEPS = PAGES[-1].step
_INDEX = {page.key: index for index, page in enumerate(PAGES)}


def index_of(key: str) -> int:
    return _INDEX[key]


def page(key: str) -> Page:
    return PAGES[_INDEX[key]]


def next_index(index: int) -> int | None:
    return index + 1 if index + 1 < len(PAGES) else None


def previous_index(index: int) -> int | None:
    return index - 1 if index > 0 else None


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


def is_answered(plan: Plan, page: Page) -> bool:
    """Whether a page has an answer; people is optional, so it never holds anyone back."""
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
    """Where "carry on" lands: the first page still without an answer."""
    for index, page in enumerate(PAGES):
        if page.kind in ("check", "finish"):
            return index
        if not is_answered(plan, page):
            return index
    return index_of("check")


def step_label(page: Page) -> str:
    return content.word("app", "step", number=page.step, total=TOTAL_STEPS)
