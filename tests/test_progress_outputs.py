"""The rest of backmap shows how the plan is going: the pathway drawing, the summaries, the list of plans.

A plan with no finished look-back shows exactly what it showed before.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from backmap.app import BackmapApp
from backmap.core import flow, going, pathway_drawing, render, store
from backmap.core.pathway_drawing import Drawing, Item
from backmap.core.plan import Plan, Voice
from backmap.screens.pathway import PathwayScreen
from backmap.widgets.pathway_view import PathwayView
from tests.example_plans import EXAMPLE, example_copy
from tests.look_back_plans import (
    FIRST_DAY,
    PHOTO_WORDS,
    PNG,
    SECOND_DAY,
    YES_QUOTE,
    big_looked_back_plan,
    every_written_file,
    example_with_look_backs,
    pictures_in,
    write_with_photo,
)
from tests.pilot_helpers import SIZE, go_to, make_app, on_pane, screen_text, settle

WIDTHS = (30, 50, 67, 68, 80, 120)


def rows_of(drawing: Drawing, item: Item) -> str:
    """The text of an item's rows, from its mark to its end, joined on one line."""
    return " ".join(
        line[item.column : item.column + item.width].strip()
        for line in drawing.lines[item.top : item.bottom + 1]
    )


def item(drawing: Drawing, kind: str, item_id: str) -> Item:
    return next(i for i in drawing.items if (i.kind, i.id) == (kind, item_id))


def first_look_back_only() -> Plan:
    """The example with only its first look-back finished."""
    plan = example_with_look_backs()
    plan.checkins[1].finished = False
    return plan


# ----- the pathway drawing --------------------------------------------------------------


@pytest.mark.parametrize("width", WIDTHS)
def test_the_drawing_shows_the_latest_progress_of_each_item_in_a_symbol_and_a_word(width: int) -> None:
    drawing = pathway_drawing.draw(example_with_look_backs(), width)
    stones = {
        "o1": "[x] It happened",
        "o2": "[~] On the way",
        "o3": "[x] It happened",
        "o4": "[>] We changed our plan",
    }
    for stone, said in stones.items():
        assert said in rows_of(drawing, item(drawing, "stone", stone)), (width, stone)
    activities = {"a1": "[x] Done", "a4": "[~] Started", "a5": "[-] We stopped it"}
    for activity, said in activities.items():
        for found in (i for i in drawing.items if i.id == activity):  # drawn in both parts when shared
            assert said in rows_of(drawing, found), (width, activity)
    assert "1 June 2027" in " ".join(drawing.lines)
    for line in drawing.lines:
        assert pathway_drawing.cells(line) <= width


@pytest.mark.parametrize("width", WIDTHS)
def test_a_plan_without_a_finished_look_back_is_drawn_as_before(width: int) -> None:
    before = pathway_drawing.draw(store.load(EXAMPLE), width)
    begun = store.load(EXAMPLE)
    checkin = begun.add_checkin(FIRST_DAY)
    begun.outcome_check(checkin, "o1", status="happened")  # not finished: shows nothing yet
    # A look-back begun but not finished, and progress turned off, both draw the plan as before.
    for drawing in (
        pathway_drawing.draw(begun, width),
        pathway_drawing.draw(example_with_look_backs(), width, progress=False),
    ):
        assert drawing.lines == before.lines
        assert drawing.items == before.items
        assert "[x]" not in " ".join(drawing.lines)


def test_first_time_and_now_for_stepping_stones_with_two_look_backs() -> None:
    drawing = pathway_drawing.draw(example_with_look_backs(), 80, first_and_now=True)
    text = rows_of(drawing, item(drawing, "stone", "o1"))
    assert "First time: [~] On the way." in text and "Now: [x] It happened." in text
    assert "First time: [ ] Not yet." in rows_of(drawing, item(drawing, "stone", "o4"))
    # "Now" starts a line of its own.
    assert any(
        line[item(drawing, "stone", "o1").column :].lstrip().startswith("Now:") for line in drawing.lines
    )
    # Activities keep their latest word only.
    assert "[x] Done" in rows_of(drawing, item(drawing, "activity", "a1"))
    # One look-back: nothing to compare yet, so the latest word only.
    single = pathway_drawing.draw(first_look_back_only(), 80, first_and_now=True)
    assert "First time" not in " ".join(single.lines)
    assert "[~] On the way" in rows_of(single, item(single, "stone", "o1"))


def test_a_look_back_being_made_can_be_drawn_as_if_finished() -> None:
    plan = first_look_back_only()
    being_made = plan.checkins[1]
    before = pathway_drawing.draw(plan, 80, first_and_now=True)
    assert "[~] On the way" in rows_of(before, item(before, "stone", "o1"))
    assert "1 March 2027" in " ".join(before.lines) and "Now:" not in " ".join(before.lines)
    now = pathway_drawing.draw(plan, 80, first_and_now=True, look_back=being_made)
    text = rows_of(now, item(now, "stone", "o1"))
    assert "First time: [~] On the way." in text and "Now: [x] It happened." in text
    assert "1 June 2027" in " ".join(now.lines)
    assert not being_made.finished  # drawing it changes nothing
    # A plan's first look-back, still being made, shows its answers the same way.
    first = store.load(EXAMPLE)
    checkin = first.add_checkin(FIRST_DAY)
    first.outcome_check(checkin, "o1", status="happened")
    drawn = pathway_drawing.draw(first, 80, look_back=checkin)
    assert "[x] It happened" in rows_of(drawn, item(drawn, "stone", "o1"))
    assert "- Not looked at yet" in rows_of(drawn, item(drawn, "stone", "o2"))


def test_progress_read_once_agrees_with_the_plan() -> None:
    for plan in (example_with_look_backs(), first_look_back_only(), big_looked_back_plan(look_backs=4)):
        found = going.Progress(plan)
        for activity in plan.activities:
            assert found.status("activity", activity.id) == plan.latest_status("activity", activity.id)
        for outcome in plan.outcomes:
            assert found.status("outcome", outcome.id) == plan.latest_status("outcome", outcome.id)
            assert found.history.get(outcome.id, []) == plan.outcome_history(outcome.id)


async def open_pathway_from_a_step(app: BackmapApp, pilot: Pilot) -> None:
    """Ctrl+P at the project's impact: the pathway over the step, as a person opens it."""
    go_to(app, flow.index_of("impact_project"))
    await pilot.pause()
    await pilot.press("ctrl+p")
    await settle(pilot)


async def test_ctrl_p_shows_progress_on_a_plan_with_look_backs(tmp_path: Path) -> None:
    path = write_with_photo(example_with_look_backs(), tmp_path)
    app = make_app(tmp_path, path)
    async with app.run_test(size=SIZE) as pilot:
        await open_pathway_from_a_step(app, pilot)
        assert isinstance(app.screen, PathwayScreen)
        text = screen_text(app)
        assert "[x] Done" in text and "[x] It happened" in text and "1 June 2027" in text
        assert "[>] We changed our" not in text  # the last stepping stone is below the edge
        await pilot.press("end")
        await settle(pilot)
        assert "[>] We changed our" in screen_text(app)  # End brings it into sight
        await pilot.press("escape")
        await pilot.pause()
        assert on_pane(app, "question")


async def test_the_check_step_drawing_shows_progress(tmp_path: Path) -> None:
    path = write_with_photo(example_with_look_backs(), tmp_path)
    app = make_app(tmp_path, path)
    async with app.run_test(size=SIZE) as pilot:
        go_to(app, flow.index_of("check"))
        await settle(pilot)
        view = app.screen.query_one("#pathway", PathwayView)
        assert view.drawing is not None
        drawn = " ".join(view.drawing.lines)
        assert "[x] Done" in drawn and "[>] We changed our" in drawn
        view.focus()
        await pilot.press("down")  # to the first stepping stone: its rows come into sight
        await settle(pilot)
        assert "[x] It happened" in screen_text(app)


async def test_ctrl_p_without_look_backs_shows_no_progress(tmp_path: Path) -> None:
    path = example_copy(tmp_path)
    app = make_app(tmp_path, path)
    async with app.run_test(size=SIZE) as pilot:
        await open_pathway_from_a_step(app, pilot)
        view = app.screen.query_one(PathwayView)
        text = screen_text(app)
        assert "A set of planning" in text
        assert "[x]" not in text and "look-back" not in text
        assert view.drawing is not None
        assert view.drawing.lines == pathway_drawing.draw(store.load(EXAMPLE), view.drawing.width).lines


# ----- the summaries: "How it is going" ----------------------------------------------------


def page_text(html_text: str) -> str:
    """The words a reader of the printable page sees, with the alt text of pictures, on one line."""
    from html.parser import HTMLParser

    class Words(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.found: list[str] = []
            self.hidden = 0

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag in ("style", "title", "svg"):
                self.hidden += 1
            if tag == "img":
                self.found.append(dict(attrs).get("alt") or "")

        def handle_endtag(self, tag: str) -> None:
            if tag in ("style", "title", "svg"):
                self.hidden -= 1

        def handle_data(self, data: str) -> None:
            if not self.hidden:
                self.found.append(data)

    parser = Words()
    parser.feed(html_text)
    return " ".join(" ".join(parser.found).split())


def section(markdown: str) -> str:
    """The "How it is going" part of a Markdown summary."""
    start = markdown.index("## How it is going")
    return markdown[start : markdown.index("\n## ", start + 1)]


def test_the_summary_says_how_it_is_going() -> None:
    text = section(render.markdown(example_with_look_backs()))
    for said in (
        "- Our last look-back was on 1 June 2027.",
        "- Who was there: Sam, Priya.",
        "1. A set of planning meetings to write down what the centre will offer.\n"
        "   - Did it happen? \\[x\\] Done",
        "   - Did it happen? \\[-\\] We stopped it",
        "1. We have a full plan of everything the centre will offer.\n"
        "   - How far have we come? \\[x\\] It happened\n"
        "   - How we know: The plan is finished and printed.",
        "   - How far have we come? \\[\\>\\] We changed our plan",
        '- "We chose the name together."\n  - Said by: Priya',
        "  - Who may see it: Anyone may see it",
        "- What we will do next: Open the centre in the autumn.",
    ):
        assert said in text, said
    # The history of each stepping stone, oldest first.
    history = text[text.index("### Each stepping stone over time") :]
    assert (
        "1. We have a full plan of everything the centre will offer.\n"
        "   - 1 March 2027: \\[\\~\\] On the way\n"
        "   - 1 June 2027: \\[x\\] It happened"
    ) in history
    # The first look-back's quotes and surprise belong to it, not to the latest one.
    assert YES_QUOTE not in text and "tea break" not in text


def test_the_printable_page_says_how_it_is_going() -> None:
    words = page_text(render.html(example_with_look_backs()))
    start = words.index("How it is going")
    shown = words[start:]
    for said in (
        "Our last look-back was on 1 June 2027.",
        "Who was there: Sam, Priya.",
        "A set of planning meetings to write down what the centre will offer. Did it happen? [x] Done",
        "How far have we come? [>] We changed our plan",
        "How we know: The plan is finished and printed.",
        "We chose the name together. Said by: Priya",
        "What we will do next: Open the centre in the autumn.",
        "We have a full plan of everything the centre will offer. "
        "1 March 2027: [~] On the way 1 June 2027: [x] It happened",
    ):
        assert said in shown, said


def test_the_person_s_own_view_and_times_and_who_came_are_shown() -> None:
    plan = example_with_look_backs()
    plan.checkins[1].finished = False  # the first look-back is the latest finished one
    text = section(render.markdown(plan))
    assert "   - How the person sees it: \\[x\\] It happened" in text
    assert "   - We did it 3 times.\n   - Who came: Sam and 5 others" in text
    assert "   - We did it 1 time." in text
    assert "- Sam now runs the tea break at every meeting." in text
    assert "- What was hard: The meetings were too long." in text
    words = page_text(render.html(plan))
    assert "How the person sees it: [x] It happened" in words
    assert "We did it 3 times. Who came: Sam and 5 others" in words


def test_no_finished_look_back_no_section_and_the_same_summary() -> None:
    before = store.load(EXAMPLE)
    begun = store.load(EXAMPLE)
    checkin = begun.add_checkin(SECOND_DAY, ["Sam"])
    begun.outcome_check(checkin, "o1", status="happened", how_we_know="Half done.")
    begun.updated = before.updated
    assert render.markdown(begun) == render.markdown(before)
    assert render.html(begun) == render.html(before)
    assert "How it is going" not in render.markdown(begun)


def test_a_photo_is_in_the_page_only_from_the_plan_s_folder(tmp_path: Path) -> None:
    plan = example_with_look_backs()
    plan.checkins[1].voices.append(Voice(YES_QUOTE, "Sam", "o3", "yes", "photos/room.png", PHOTO_WORDS))
    path = write_with_photo(plan, tmp_path)
    page = render.html(plan, path)
    assert 'src="data:image/png;base64,iVBORw0KGgo' in page
    assert f'alt="{PHOTO_WORDS}"' in page
    # Without the plan's folder nothing is read: the photo's words stay, the picture does not.
    alone = render.html(plan)
    assert "data:image/png" not in alone and f"Photo: {PHOTO_WORDS}" in page_text(alone)
    # The Markdown names the photo's words only, never its file.
    text = section(render.markdown(plan))
    assert f"  - Photo: {PHOTO_WORDS}" in text and "room.png" not in render.markdown(plan)


SECRET = b"NOT-FROM-THE-PLAN-S-FOLDER-2718"
INSIDE = b"FROM-THE-PLAN-S-FOLDER-3141"


def test_a_photo_from_outside_the_plan_s_folder_is_in_no_output(tmp_path: Path) -> None:
    """A real picture outside the folder, named by an absolute path, by ../ or by a link out of
    the folder, is never read; one inside the folder, beside them, is shown."""
    folder, elsewhere = tmp_path / "plans", tmp_path / "elsewhere"
    (folder / "photos").mkdir(parents=True)
    elsewhere.mkdir()
    secret = elsewhere / "secret.png"
    secret.write_bytes(PNG + SECRET)
    (folder / "photos" / "inside.png").write_bytes(PNG + INSIDE)
    (folder / "photos" / "link.png").symlink_to(secret)
    (folder / "photos" / "away").symlink_to(elsewhere, target_is_directory=True)
    outside = {
        "o1": str(secret),  # an absolute path
        "o2": "../elsewhere/secret.png",
        "o4": "photos/link.png",  # a link to a file outside
        "": "photos/away/secret.png",  # a folder that is a link out
    }
    plan = example_with_look_backs()
    latest = plan.checkins[-1]
    latest.voices.insert(
        0, Voice("Our room now.", "Sam", "o3", "yes", "photos/inside.png", "The room inside.")
    )
    for number, (stone, photo) in enumerate(outside.items()):
        latest.voices.append(
            Voice(f"Quote {number}.", "Sam", stone, "yes", photo, f"Outside photo {number}.")
        )
    path = folder / "plan.toml"
    store.save(plan, path)
    made = every_written_file(path)
    for name in ("html", "story html"):  # the outputs that show pictures show the one inside
        assert any(INSIDE in picture for picture in pictures_in(made[name])), name
    for name, text in made.items():
        assert SECRET.decode() not in text, name
        assert not any(SECRET in picture for picture in pictures_in(text)), name
        assert str(elsewhere) not in text and "secret.png" not in text, name
    # Each quote and the words about its photo stay, only the picture is left out.
    page = page_text(made["html"])
    for number in range(len(outside)):
        assert f"Quote {number}." in page and f"Photo: Outside photo {number}." in page


def test_a_file_that_is_not_a_picture_is_left_out(tmp_path: Path) -> None:
    plan = example_with_look_backs()
    plan.checkins[1].voices.append(Voice(YES_QUOTE, "Sam", "", "yes", "photos/page.svg", "A drawing."))
    path = write_with_photo(plan, tmp_path)
    (tmp_path / "photos" / "page.svg").write_text("<svg onload='alert(1)'></svg>")
    page = render.html(plan, path)
    assert "data:" not in page.split("</style>", 1)[1].replace("img-src data:", "")
    assert "Photo: A drawing." in page_text(page)


def test_the_summaries_written_beside_a_plan_show_how_it_is_going(tmp_path: Path) -> None:
    from backmap.session.summaries import write_summaries

    plan = example_with_look_backs()
    plan.checkins[1].voices.append(Voice(YES_QUOTE, "Sam", "o3", "yes", "photos/room.png", PHOTO_WORDS))
    path = write_with_photo(plan, tmp_path)
    write_summaries(store.load(path), path)
    assert "## How it is going" in store.summary_path(path).read_text(encoding="utf-8")
    assert "data:image/png;base64," in store.summary_path(path, ".html").read_text(encoding="utf-8")


# ----- backmap check --json ----------------------------------------------------------------


def test_check_json_lists_the_look_back_findings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from backmap import cli

    plan = example_with_look_backs()
    latest = plan.checkins[-1]
    plan.outcome_check(latest, "o1", how_we_know="")  # happened, with nothing that shows it
    latest.voices += [
        Voice("We did it.", "Sam", "", "yes", "photos/gone.png", "A photo that is not there."),
        Voice("Look at this.", "Sam", "", "yes", "photos/room.png", ""),
        Voice("Nobody chose.", "Sam", "", ""),
    ]
    path = write_with_photo(plan, tmp_path)
    assert cli.main(["check", str(path), "--json"]) == 1
    found = json.loads(capsys.readouterr().out)
    codes = {(f["code"], f["id"]) for f in found}
    for code in ("happened-without-evidence", "photo-missing", "photo-without-words", "share-not-chosen"):
        assert (code, latest.id) in codes, code
    assert all(set(f) == {"code", "message", "id"} and f["message"] for f in found)


# ----- the list of plans ---------------------------------------------------------------------


async def test_the_list_of_plans_says_when_each_was_last_looked_back_at(tmp_path: Path) -> None:
    from backmap.screens.welcome import PickPlanScreen

    looked = example_with_look_backs()
    looked.title = "Looked back at"
    write_with_photo(looked, tmp_path, "looked.toml")
    begun = store.load(EXAMPLE)
    begun.title = "Only begun"
    begun.add_checkin(SECOND_DAY)  # not finished: it does not count yet
    store.save(begun, tmp_path / "begun.toml")
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one("#carry-on").focus()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PickPlanScreen)
        lines = screen_text(app).splitlines()
        text = "\n".join(lines)
        assert "Looked back: 1 June 2027." in text
        assert text.count("Looked back:") == 1
        # It is said under the plan it belongs to.
        looked_row = next(n for n, line in enumerate(lines) if "Looked back at" in line)
        begun_row = next(n for n, line in enumerate(lines) if "Only begun" in line)
        shown_at = next(n for n, line in enumerate(lines) if "Looked back: 1 June 2027." in line)
        assert looked_row < shown_at and (begun_row < looked_row or shown_at < begun_row)


def test_list_plans_knows_the_newest_finished_look_back(tmp_path: Path) -> None:
    write_with_photo(example_with_look_backs(), tmp_path, "looked.toml")
    store.save(store.load(EXAMPLE), tmp_path / "plain.toml")
    found = {info.path.name: info.looked_back for info in store.list_plans(tmp_path)}
    assert found == {"looked.toml": SECOND_DAY, "plain.toml": None}


def test_axe_finds_nothing_wrong_in_how_it_is_going(tmp_path: Path) -> None:
    """The new part of the printable page, photo included, passes axe-core in Chromium."""
    import json
    import os
    import shutil
    import subprocess

    browser = Path(__file__).resolve().parent / "browser"
    chromium = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    if not (
        shutil.which("node") and (browser / "node_modules" / "axe-core").exists() and Path(chromium).exists()
    ):
        pytest.skip("needs node, Chromium and the npm packages of tests/browser (npm ci)")
    plan = example_with_look_backs()
    plan.checkins[1].voices.append(Voice(YES_QUOTE, "Sam", "o3", "yes", "photos/room.png", PHOTO_WORDS))
    path = write_with_photo(plan, tmp_path)
    page = tmp_path / "page.html"
    page.write_text(render.html(plan, path), encoding="utf-8")
    job = tmp_path / "job.json"
    job.write_text(json.dumps({"files": [str(page)]}), encoding="utf-8")
    done = subprocess.run(
        ["node", "axe.js", str(job)],
        cwd=browser,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "CHROMIUM": chromium},
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "How it is going" in page.read_text(encoding="utf-8")
    assert json.loads(done.stdout)[str(page)] == []


def test_a_photo_too_big_for_the_page_is_left_out_with_its_words(tmp_path: Path) -> None:
    from tests.look_back_plans import PNG

    plan = example_with_look_backs()
    plan.checkins[1].voices.append(Voice(YES_QUOTE, "Sam", "o3", "yes", "photos/big.png", "A big photo."))
    path = write_with_photo(plan, tmp_path)
    big = tmp_path / "photos" / "big.png"
    big.write_bytes(PNG + b"\0" * render.PHOTO_LIMIT)
    page = render.html(plan, path)
    assert "data:image/png" not in page
    assert "Photo: A big photo." in page_text(page)
    big.write_bytes(PNG)  # the same photo, small enough, is shown
    assert 'alt="A big photo."' in render.html(plan, path)
