"""Hostile text on every screen: shown as plain words, obeyed never, kept exactly.

Answers and plan files may hold Rich markup, terminal escape sequences, other
control characters, a 100,000-character answer, emoji, right-to-left text and
combining marks. On each screen we look at what would be sent to the terminal:
no control character may be in it (a terminal obeys those: it clears the screen,
sets the window title or the clipboard), and markup must show as the characters
typed. The app must still run, no action may fire, the TOML must keep every
character, and the Markdown summary must hold no control character.
"""

from __future__ import annotations

import io
import os
import re
import sys
import time
from pathlib import Path

import pexpect
import pytest
from rich.console import Console
from textual import events
from textual.pilot import Pilot

from backmap import content
from backmap.app import BackmapApp
from backmap.core import store
from backmap.core.plan import Activity, Outcome, Person, Plan
from backmap.core.safe_text import shown, stored
from backmap.screens.dialogs import ConfirmScreen
from backmap.screens.item import ItemScreen
from backmap.screens.pathway import PathwayScreen
from backmap.screens.welcome import PickPlanScreen
from backmap.widgets.answer import AnswerBox
from tests.pilot_helpers import SIZE, make_app, on_pane, open_add_box, type_text

ROOT = Path(__file__).resolve().parent.parent

HOSTILE: dict[str, str] = {
    "markup": "[bold]bold[/bold] [/] [@click=app.quit]quit[/] [link=file:///etc/passwd]pw[/]",
    "escape": "\x1b[2J\x1b[H cleared",
    "title": "\x1b]0;a new title\x07 titled",
    "clipboard": "\x1b]52;c;ZXZpbA==\x07 copied",
    "controls": "nul\x00 bell\x07 bs\x08 vt\x0b ff\x0c cr\r esc\x1b del\x7f csi\x9b end",
    "emoji": "🎉 👩🏽‍🦽 🏳️‍🌈",
    "right-to-left": "שלום עולם مرحبا بالعالم \u202eevil\u202c",
    "combining": "Z̴̢̛a̷l̸g̶o e\u0301\u0301\u0301",
}
MIX = " | ".join(HOSTILE.values())
LONG = ("A long answer [bold]with markup[/] and \x1b[31mred\x1b[0m. " * 2000)[:100_000]
PASTED = MIX.replace("\r", "")  # a pasted CR is a line end: see the last paste below
TYPED = "Typed [bold]words[/] [@click=app.quit]x[/] 🎉 שלום e\u0301"  # what a keyboard can type

# Any control character except new line and tab, as sent to a terminal.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def hostile_plan() -> Plan:
    """A plan with hostile words in every place a person can type."""
    plan = Plan(title=MIX)
    plan.people.append(Person(name=MIX, role=MIX))
    plan.impact.project = MIX
    plan.impact.coproduction = LONG
    plan.impact.lasting_change = MIX
    plan.outcomes += [
        Outcome("o1", "project", MIX, MIX),
        Outcome("o2", "coproduction", MIX, MIX),  # no activity: a finding quotes it
    ]
    plan.activities += [
        Activity("a1", "project", "meeting", MIX, ["o1"], MIX, MIX),
        Activity("a2", "coproduction", "other", MIX, [], MIX, MIX),  # helps nothing: quoted too
    ]
    plan.last_ids = {"o": 2, "a": 2}
    return plan


def screen_output(app: BackmapApp) -> str:
    """The characters the app would send to the terminal for this screen, without styles."""
    console = Console(
        width=SIZE[0],
        height=SIZE[1],
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        record=True,
        legacy_windows=False,
        safe_box=False,
    )
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text(styles=False)


def assert_safe(app: BackmapApp, where: str) -> str:
    """The app runs, and nothing on screen is a control character the terminal would obey."""
    assert app.is_running, where
    text = screen_output(app)
    found = sorted({f"U+{ord(c):04X}" for c in CONTROL.findall(text)})
    assert not found, f"{where}: control characters reach the terminal: {found}"
    return text


async def walk_every_screen(pilot: Pilot, path: Path) -> list[str]:
    """Visit each kind of screen on the hostile plan; return what each showed."""
    app: BackmapApp = pilot.app  # type: ignore[assignment]
    seen: list[str] = []

    async def look(kind: type | str, where: str) -> None:
        await pilot.pause()
        shown = on_pane(app, kind) if isinstance(kind, str) else isinstance(app.screen, kind)
        assert shown, f"{where}: {app.screen!r}"
        seen.append(assert_safe(app, where))

    await pilot.press("ctrl+g", "home", "enter")  # step 1: the name
    await look("question", "question (title)")
    await pilot.press("ctrl+n")
    await look("list", "people")
    await pilot.press("enter")  # change the person
    await look(ItemScreen, "person dialog")
    await pilot.press("escape")
    await pilot.press("ctrl+n", "ctrl+n")
    await look("question", "question with 100,000 characters")
    await pilot.press("ctrl+n", "ctrl+n")
    await look("list", "stepping stones")
    await pilot.press("enter")
    await look(ItemScreen, "stepping stone dialog")
    await pilot.press("escape")
    await pilot.press("delete")
    await look(ConfirmScreen, "remove question")
    await pilot.press("escape")
    await pilot.press("ctrl+n", "ctrl+n")
    await look("list", "activities")
    await pilot.press("enter")
    await look(ItemScreen, "activity dialog")
    await pilot.press("ctrl+n", "ctrl+n")  # to the links question: stepping stones as ticks
    await look(ItemScreen, "links question")
    await pilot.press("escape")
    await pilot.press("ctrl+n", "ctrl+n")
    await look("check", "check")
    await pilot.press("ctrl+p")
    await look(PathwayScreen, "pathway drawn")
    await pilot.press("escape")
    await pilot.pause()
    await pilot.press("ctrl+n")
    await look("finish", "finish preview")
    app.pop_screen()  # back to the welcome
    await pilot.pause()
    await pilot.click("#carry-on")
    await look(PickPlanScreen, "carry-on list")
    return seen


# ----- the control-picture mapping ---------------------------------------------------------


def test_control_characters_are_shown_as_pictures_and_kept() -> None:
    for text in [*HOSTILE.values(), LONG, "".join(chr(c) for c in [*range(0x20), *range(0x7F, 0xA0)])]:
        assert not CONTROL.search(shown(text))
        assert stored(shown(text)) == text
    assert shown("\x1b[2J") == "␛[2J"
    assert shown("a\tb\nc") == "a\tb\nc"


# ----- a hostile plan file ------------------------------------------------------------------


async def test_a_hostile_plan_file_is_safe_on_every_screen(tmp_path: Path) -> None:
    path = tmp_path / "hostile.toml"
    store.save(hostile_plan(), path)
    before = path.read_bytes()
    app = make_app(tmp_path, path)
    quits: list[str] = []
    app.action_quit = lambda: quits.append("quit")  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        seen = await walk_every_screen(pilot, path)
        # Markup shows as the characters in the file, on the screens that show answers.
        shown_markup = [text for text in seen if "[@click=app.quit]quit[/]" in text]
        assert len(shown_markup) >= 6, "markup was read as markup somewhere"
        # Clicking where the words are fires nothing.
        await pilot.click("#plans")
        await pilot.pause()
        assert app.is_running
        assert quits == []
    # Looking (and moving on past every answer) changed nothing: the file is as it was.
    assert path.read_bytes() == before
    assert store.load(path).impact.coproduction == LONG


async def test_passing_through_every_answer_keeps_every_character(tmp_path: Path) -> None:
    """Next on each question stores what the box holds: it must be the file's words exactly."""
    path = tmp_path / "hostile.toml"
    store.save(hostile_plan(), path)
    app = make_app(tmp_path, path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+g", "home", "enter")
        for _ in range(5):
            await pilot.press("ctrl+n")
        await pilot.press("ctrl+s", "ctrl+q")
    plan = store.load(path)
    assert plan.title == MIX
    assert plan.impact.project == MIX
    assert plan.impact.coproduction == LONG
    assert plan.impact.lasting_change == MIX
    assert plan.people[0].name == MIX


async def test_a_plan_file_with_a_hostile_name_is_safe_in_the_list_and_the_status(tmp_path: Path) -> None:
    path = tmp_path / "\x1b]0;evil\x07\x1b[2J.toml"
    store.save(Plan(title="Named badly"), path)
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.click("#carry-on")
        await pilot.pause()
        assert "Named badly" in assert_safe(app, "carry-on list with a hostile file name")
        await pilot.press("enter")
        await pilot.pause()
        assert on_pane(app, "question")  # carry on: the first question without an answer
        assert "␛]0;evil" in assert_safe(app, "status line naming the file")


# ----- hostile answers typed and pasted -------------------------------------------------------


async def paste(pilot: Pilot, text: str) -> None:
    """Paste text, as a terminal with bracketed paste delivers it: to the app, which passes it on."""
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()


async def test_typed_and_pasted_hostile_answers_are_kept_and_shown_safely(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    quits: list[str] = []
    app.action_quit = lambda: quits.append("quit")  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # Start a new plan
        await type_text(pilot, TYPED)
        assert_safe(app, "typed title")
        assert TYPED in screen_output(app)
        await pilot.press("enter")
        await pilot.press("ctrl+n")  # past the people
        await paste(pilot, PASTED)
        assert_safe(app, "pasted escapes")
        assert app.screen.query_one("#answer", AnswerBox).answer == PASTED
        await pilot.press("enter")
        await paste(pilot, LONG)
        assert_safe(app, "pasted 100,000 characters")
        await pilot.press("enter")
        await paste(pilot, "one\r\ntwo\rthree")
        await pilot.press("enter")
        await open_add_box(pilot)  # Add a stepping stone
        await paste(pilot, PASTED)
        assert_safe(app, "pasted into a dialog")
        await pilot.press("enter")
        await paste(pilot, PASTED)
        await pilot.press("enter")
        await pilot.pause()
        assert_safe(app, "list with a pasted stepping stone")
        assert app.is_running
        assert quits == []
    files = list(tmp_path.glob("*.toml"))
    assert len(files) == 1
    plan = store.load(files[0])
    assert plan.title == TYPED
    assert plan.impact.project == PASTED
    assert plan.impact.coproduction == LONG
    assert plan.impact.lasting_change == "one two three"  # pasted lines become one answer
    assert [(o.text, o.how_we_know) for o in plan.outcomes] == [(PASTED, PASTED)]
    # TOML writes C0 controls and DEL as escapes (\u001b), so the file is plain text.
    # (C1 controls such as U+009B are valid TOML as they are, and tomli-w writes them raw.)
    raw = files[0].read_text(encoding="utf-8")
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", raw)


# ----- the summary ----------------------------------------------------------------------------


def test_the_summary_of_a_hostile_plan_holds_no_control_character(tmp_path: Path) -> None:
    from backmap.session.plan_file import Session

    session = Session(folder=tmp_path, plan=hostile_plan())
    assert session.save().ok
    summary = session.summary_path
    assert summary is not None
    text = summary.read_text(encoding="utf-8")
    assert not CONTROL.search(text)
    assert "\x1b" not in text
    assert "[@click=app.quit]" not in text or "\\[@click" in text  # escaped, never a link


# ----- the real terminal ------------------------------------------------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_the_real_terminal_never_receives_the_escape_sequences(tmp_path: Path) -> None:
    """The bytes the app writes to a real pseudo-terminal, looked at directly."""
    plan = hostile_plan()
    plan.impact.coproduction = ""  # carry on lands on this question, under the one with escapes
    path = tmp_path / "hostile.toml"
    store.save(plan, path)
    env = {**os.environ, "TERM": "xterm-256color", "HOME": str(tmp_path)}
    env.pop("NO_COLOR", None)
    child = pexpect.spawn(
        sys.executable,
        ["-m", "backmap", "--dir", str(tmp_path), str(path)],
        env=env,
        cwd=str(ROOT),
        dimensions=(24, 80),
        timeout=30,
    )
    try:
        child.expect_exact(content.page("impact_coproduction")["question"].encode())
        child.send("\x12")  # Ctrl+R: back to the answer full of escapes
        child.expect_exact(content.page("impact_project")["question"].encode())
        child.expect_exact(b"cleared")
        end = time.monotonic() + 1.0
        while time.monotonic() < end:  # let the screen finish drawing
            with pytest.raises(pexpect.TIMEOUT):
                child.expect_exact(b"\x00never\x00", timeout=0.2)
        output = child.before or b""
        child.send("\x11")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    for sequence in (
        b"\x1b]0;a new title",
        b"\x1b]52;",
        b"\x1b[2J\x1b[H cleared",
        b"\x00",
        b"\x7f",
        b"\xc2\x9b",
    ):
        assert sequence not in output, sequence
    assert "␛[2J".encode() in output
