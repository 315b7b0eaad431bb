"""Plain mode's activity steps: each activity's kind, stepping stones, who and when.

This module must never import Textual.
"""

from __future__ import annotations

from collections.abc import Callable

from backmap import content
from backmap.core import flow
from backmap.core.plan import KINDS, PARTS, Activity
from backmap.core.render import plain_text
from backmap.plain_answers import parse_kind, parse_numbers
from backmap.plain_change import Item, Question
from backmap.plain_lists import PlainLists


class PlainActivities(PlainLists):
    """The activity steps, and the questions about one activity."""

    def activities_page(self, page: flow.Page) -> None:
        plan = self.plan
        part = page.plan_part

        def asked(number: int, activity: Activity) -> list[Callable[[bool], object]]:
            about = self.about(page, number, activity.text)
            return [question.ask for question in self.activity_questions(activity, about, new=True)]

        def add(line: str) -> Activity:
            return plan.add_activity(part, line)

        self.list_page(page, lambda: plan.activities_in(part), add, self.activity_item, asked)

    def activity_questions(self, activity: Activity, about: str, new: bool) -> list[Question]:
        """Kind, stepping stones, who and when. Asked again after back, an empty line keeps."""

        def kind(again: bool) -> None:
            if new or again:
                self.say("", about)
            self.ask_kind(activity.id, keep=again or not new)

        def links(again: bool) -> None:
            if again:
                self.say("", about)
            self.ask_links(activity.id, keep=again or not new)

        def field_question(field: str) -> Callable[[bool], None]:
            def ask(again: bool) -> None:
                if again:
                    self.say("", about)
                now = getattr(self.session.plan.activity(activity.id), field)
                answer = self.keep_or_change(content.activity_word(f"{field}_question"), now)
                if answer:
                    self.session.plan.edit_activity(activity.id, **{field: answer})
                    self.changed()

            return ask

        plan = self.plan
        stones = {outcome.id: outcome.text for outcome in plan.outcomes}
        links_now = "; ".join(stones[i] for i in activity.outcomes if i in stones)
        return [
            Question(content.activity_word("kind_question"), content.kind_name(activity.kind), kind),
            Question(content.activity_word("links_question"), links_now, links),
            Question(self.word("change_who"), activity.who, field_question("who")),
            Question(self.word("change_when"), activity.when, field_question("when")),
        ]

    def activity_item(self, page: flow.Page, index: int) -> Item:
        """An activity and its questions: its words, kind, stepping stones, who and when."""
        plan = self.plan
        activity = plan.activities_in(page.plan_part)[index]

        def words(again: bool) -> bool:
            return self.change_words(page, index, activity, plan.remove_activity, plan.edit_activity)

        about = self.about(page, index + 1, activity.text)
        questions = self.activity_questions(activity, about, new=False)
        return Item(
            activity.text,
            [Question(content.activity_word("text_question"), activity.text, words), *questions],
        )

    def ask_kind(self, activity_id: str, keep: bool = False) -> None:
        """With ``keep``, an empty line keeps the kind the activity has; else it means "other"."""
        now = self.session.plan.activity(activity_id).kind
        self.say(content.activity_word("kind_question"))
        self.say(*(f"{number}. {content.kind_name(kind)}" for number, kind in enumerate(KINDS, 1)))
        if keep:
            self.say(self.word("answer_now", answer=content.kind_name(now)), self.word("keep"))
        else:
            self.say(self.word("kind_how", other=content.kind_name("other")))
        other = content.kind_name("other")
        empty = self.word("what_keep") if keep else self.word("what_kind", other=other)
        while True:
            answer = self.ask(empty=empty)
            kind = parse_kind(answer) if answer else (now if keep else "other")
            if kind is not None:
                break
            self.say(self.word("kind_bad", count=len(KINDS)))
        if kind != self.session.plan.activity(activity_id).kind:
            self.session.plan.edit_activity(activity_id, kind=kind)
            self.changed()

    def ask_links(self, activity_id: str, keep: bool = False) -> None:
        """The project's stepping stones, then co-production's, numbered across both.

        The same order and numbers on both activity steps, so a number means one stepping
        stone wherever it is typed. With ``keep``, the ones it helps now are marked, and an
        empty line keeps them.
        """
        plan = self.session.plan
        self.say(content.activity_word("links_question"))
        groups = [(part, plan.outcomes_in(part)) for part in PARTS]
        choices = [outcome for _, outcomes in groups for outcome in outcomes]
        if not choices:
            self.say(content.activity_word("links_none"))
            return
        number = 1
        for group_part, outcomes in groups:
            if not outcomes:
                continue
            self.say(content.part_name(group_part) + ":")
            for outcome in outcomes:
                chosen_now = keep and outcome.id in plan.activity(activity_id).outcomes
                mark = " " + self.word("chosen_now") if chosen_now else ""
                self.say(f"{number}. {plain_text(outcome.text)}{mark}")
                number += 1
        self.say(self.word("links_how"), self.word("links_keep" if keep else "links_skip"))
        while True:
            answer = self.ask(empty=self.word("what_keep" if keep else "what_skip"))
            numbers = parse_numbers(answer, len(choices))
            if numbers is not None:
                break
            self.say(self.word("links_bad", count=len(choices)))
        if not numbers:
            return
        chosen = {choices[n - 1].id for n in numbers}
        # Plan order, so the summary lists them the same way whatever order they were typed in.
        links = [o.id for o in plan.outcomes if o.id in chosen]
        plan.edit_activity(activity_id, outcomes=links)
        self.changed()
