"""Quotes follow their share choice in every file backmap writes.

"yes": every output. "team": the team's own copies only, the summary (.md) and the printable
page (.html). "no", and a quote nobody has chosen for yet: the plan file and nothing else.
The poster hangs on a wall, so it counts as public: never a "team" quote. The impact story
(NAME-story.html and NAME-story.md) is public too (going.PUBLIC, used by story._said): only
"yes" quotes, never "team", "no" or one nobody chose.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from backmap import cli
from backmap.core import checks, going, pathway, pathway_drawing, render, store, story, word_copy
from backmap.core.plan import Plan, Voice
from backmap.session.summaries import write_summaries
from tests.look_back_plans import (
    NO_QUOTE,
    PHOTO,
    PHOTO_WORDS,
    TEAM_QUOTE,
    YES_QUOTE,
    example_with_look_backs,
    write_with_photo,
)

NOBODY_CHOSE = "Nobody chose who may see these words yet."
NO_SAID_BY = "Ayesha-who-wants-no-one-to-know"
NO_PHOTO_WORDS = "Ayesha crying by the door."
TEAM_LATEST = "The budget worries me a lot."
YES_LATEST = "We chose the name together."


def shared_plan() -> Plan:
    """The example looked back at twice; the newest look-back holds a quote of every kind too."""
    plan = example_with_look_backs()
    latest = plan.checkins[-1]
    latest.voices += [
        Voice(TEAM_LATEST, "Priya", "o1", "team"),
        Voice(NO_QUOTE, NO_SAID_BY, "o3", "no", "photos/room.png", NO_PHOTO_WORDS),
        Voice(NOBODY_CHOSE, "Sam", "o2", ""),
    ]
    return plan


def docx_text(data: bytes) -> str:
    """Every file inside a .docx, as text: the words cannot hide in a part we did not open."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return "\n".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist())


def outputs(plan: Plan, path: Path) -> dict[str, str]:
    """Every output made from the plan, by name."""
    return {
        "md": render.markdown(plan),
        "html": render.html(plan, path),
        "poster": render.poster(plan),
        "docx": docx_text(word_copy.document(plan)),
        "drawing": "\n".join(pathway_drawing.draw(plan, 80, first_and_now=True).lines),
        "pathway in words": "\n".join(pathway.lines(plan)),
        "check": "\n".join(f.message for f in checks.run(plan, path.parent)),
        "story html": story.html(plan, path),
        "story md": story.markdown(plan, path),
        "story read aloud": story.spoken(plan, path),
    }


PUBLIC = (
    "poster",
    "docx",
    "drawing",
    "pathway in words",
    "check",
    "story html",
    "story md",
    "story read aloud",
)


PRIVATE = (NO_QUOTE, NO_SAID_BY, NO_PHOTO_WORDS, NOBODY_CHOSE)


def test_no_quotes_leave_the_plan_file_and_team_quotes_stay_in_the_team_s_copies(tmp_path: Path) -> None:
    plan = shared_plan()
    path = write_with_photo(plan, tmp_path)
    made = outputs(store.load(path), path)
    for name, text in made.items():
        for private in PRIVATE:
            assert private not in text, (name, private)
    for team in (TEAM_LATEST,):
        assert team in made["md"] and team in made["html"]
        for name in PUBLIC:
            assert team not in made[name], name
    for name in PUBLIC:  # the older look-back's "team" quote too
        assert TEAM_QUOTE not in made[name], name
    # A "yes" quote of the newest look-back is in the team's copies too, and in the story.
    for name in ("md", "html", "story html", "story md", "story read aloud"):
        assert YES_LATEST in made[name], name
    # The plan file itself keeps them all.
    kept = path.read_text(encoding="utf-8")
    assert all(words in kept for words in (*PRIVATE, TEAM_LATEST, TEAM_QUOTE, YES_QUOTE))


@pytest.mark.parametrize("kind", ["md", "html", "poster", "docx"])
def test_backmap_render_writes_no_private_quote(
    tmp_path: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_with_photo(shared_plan(), tmp_path)
    target = tmp_path / f"out.{'html' if kind == 'poster' else kind}"
    assert cli.main(["render", str(path), "-o", str(target), "--format", kind]) == 0
    written = docx_text(target.read_bytes()) if kind == "docx" else target.read_text(encoding="utf-8")
    for private in PRIVATE:
        assert private not in written, private
    assert (TEAM_LATEST in written) == (kind in ("md", "html"))


def test_summaries_saved_beside_the_plan_hold_no_private_quote(tmp_path: Path) -> None:
    path = write_with_photo(shared_plan(), tmp_path)
    write_summaries(store.load(path), path)
    for suffix in (".md", ".html"):
        written = store.summary_path(path, suffix).read_text(encoding="utf-8")
        assert TEAM_LATEST in written
        for private in PRIVATE:
            assert private not in written, (suffix, private)
    # The impact story is written beside them at the same moment: public, so "yes" quotes only.
    for written_path in story.paths(path):
        written = written_path.read_text(encoding="utf-8")
        assert YES_QUOTE in written and YES_LATEST in written, written_path.name
        for hidden in (*PRIVATE, TEAM_LATEST, TEAM_QUOTE):
            assert hidden not in written, (written_path.name, hidden)


TEAM_PHOTO_WORDS = "Priya holding the budget sheet."


@pytest.mark.parametrize("how", ["beside the plan", "-o story.html", "-o story.md"])
def test_backmap_story_shows_yes_quotes_only(
    tmp_path: Path, how: str, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = shared_plan()
    plan.checkins[-1].voices.append(
        Voice("The team saw it too.", "Priya", "o2", "team", PHOTO, TEAM_PHOTO_WORDS)
    )
    path = write_with_photo(plan, tmp_path)
    if how == "beside the plan":
        assert cli.main(["story", str(path)]) == 0
        targets = list(story.paths(path))
    else:
        targets = [tmp_path / how.split()[1]]
        assert cli.main(["story", str(path), "-o", str(targets[0])]) == 0
    for target in targets:
        written = target.read_text(encoding="utf-8")
        assert YES_QUOTE in written and YES_LATEST in written and PHOTO_WORDS in written, target.name
        for hidden in (*PRIVATE, TEAM_LATEST, TEAM_QUOTE, "The team saw it too.", TEAM_PHOTO_WORDS):
            assert hidden not in written, (target.name, hidden)


def test_check_json_never_shows_a_private_quote(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_with_photo(shared_plan(), tmp_path)
    cli.main(["check", str(path), "--json"])
    found = json.loads(capsys.readouterr().out)
    said = json.dumps(found)
    assert "share-not-chosen" in said
    for private in PRIVATE:
        assert private not in said, private


def test_the_share_rules_in_one_place() -> None:
    voices = [Voice("a", share="yes"), Voice("b", share="team"), Voice("c", share="no"), Voice("d", share="")]
    assert [v.text for v in voices if going.may_show(v, going.TEAM)] == ["a", "b"]
    assert [v.text for v in voices if going.may_show(v, going.PUBLIC)] == ["a"]
