"""The pane of a look-back's last step: what it holds, and where the files are.

Finish marks the look-back as finished: from then on it changes only when someone
chooses "Change an earlier look-back".
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from backmap import content
from backmap.content import word as words
from backmap.core import look_back, story
from backmap.core.flow import Page
from backmap.widgets.panes.pane import LookBackPane


class LookBackFinishPane(LookBackPane):
    can_skip = False
    ends = True

    def compose(self) -> ComposeResult:
        yield Static("", id="look-back-counts", markup=False)
        yield Static("", id="look-back-files", markup=False)

    def show(self, page: Page) -> None:
        super().show(page)
        self.query_one("#look-back-counts", Static).update(self.counts())
        self.query_one("#look-back-files", Static).update("\n".join(self.files()))

    def counts(self) -> str:
        checkin = self.checkin
        looked = sum(1 for e in checkin.activities if e.status) + sum(1 for e in checkin.outcomes if e.status)
        return look_back.say(
            "counts",
            date=content.long_date(checkin.date),
            looked=looked,
            said=len(checkin.voices),
            surprises=len(checkin.surprises),
        )

    def files(self) -> list[str]:
        """Where the plan and its copies are, by their full names."""
        session = self.keeper.session
        if session is None or session.path is None:
            return [words("app", "not_saved")]
        assert self.page is not None
        text = self.page.words
        lines = [words("finish", "where"), f"{text['saved_plan']}: {session.path.resolve()}"]
        if session.summary_path is not None:
            lines.append(f"{text['saved_summary']}: {session.summary_path.resolve()}")
        if session.page_path is not None:
            lines.append(f"{text['saved_page']}: {session.page_path.resolve()}")
        # Written with the summaries on each save once a look-back is finished (this one, at Finish).
        story_page, _ = story.paths(session.path)
        lines.append(f"{text['saved_story']}: {story_page.resolve()}")
        return lines

    def focus_first(self) -> None:
        self.screen.set_focus(self.screen.query_one("#next"), scroll_visible=False)

    def next_label(self) -> str:
        return words("buttons", "finish")

    def finish(self) -> list[str]:
        """Mark the look-back finished and saved; the blocks of the "well done" message."""
        checkin = self.checkin
        if not checkin.finished:
            checkin.finished = True
            self.keeper.plan.touch()
            self.keeper.changed()
        session = self.keeper.session
        last = session.last_save if session is not None else None
        if (
            session is not None
            and session.path is not None
            and not session.read_only
            and (last is None or last.ok)
        ):
            where = "\n".join(self.files()[1:])
        else:
            where = self.keeper.status_text()
        thanks = look_back.say("thanks", date=content.long_date(checkin.date))
        return [thanks, where, "\n".join([words("done", "start"), words("done", "stop")])]
