"""Look-backs (plan file version 2): the records, the file, the photo rule and the findings.

A look-back holds what people said about their own project. Every test here asks:
can an answer be lost, changed, shown where it must not be, or read from elsewhere?
"""

from __future__ import annotations

import os
import tomllib
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from backmap.core import checks, store
from backmap.core.plan import (
    ACTIVITY_STATUSES,
    OUTCOME_STATUSES,
    SHARE_CHOICES,
    ActivityCheck,
    Checkin,
    OutcomeCheck,
    Plan,
    Reflection,
    Surprise,
    Voice,
)
from tests.example_plans import EXAMPLE, ROOT
from tests.test_store import HOSTILE, MENDABLE, UNKNOWN_KEYS_FILE, assert_plain

DAY = date(2027, 3, 1)


def looked_back_plan() -> Plan:
    """The worked example with two look-backs: one finished, one half-way."""
    plan = store.load(EXAMPLE)
    first = plan.add_checkin(DAY, ["Sam", "Priya"])
    plan.activity_check(first, "a1", status="done", times=3, came="Sam and 5 others")
    plan.activity_check(first, "a2", status="started")
    plan.outcome_check(first, "o1", status="happened", how_we_know="The plan has three pages now.")
    plan.outcome_check(first, "o2", status="on-the-way", person_says="happened")
    first.voices.append(
        Voice(
            text="I chose the colours for the room.",
            said_by="Sam",
            outcome="o1",
            share="yes",
            photo="photos/room.jpg",
            photo_words="Sam painting the wall green.",
        )
    )
    first.voices.append(Voice(text="Only for us.", said_by="Priya", share="team"))
    first.voices.append(Voice(text="Never outside.", said_by="Sam", share="no"))
    first.surprises.append(Surprise("Sam now chairs the residents' meeting."))
    first.reflection = Reflection(
        hard="Meetings were too long.", learned="Short ones work.", next="Meet often."
    )
    first.finished = True
    second = plan.add_checkin(date(2027, 6, 1), ["Sam"])
    plan.outcome_check(second, "o1", status="not-yet")
    return plan


# ----- the records ----------------------------------------------------------------------------------


def test_look_back_ids_count_up_and_are_never_given_again(tmp_path: Path) -> None:
    plan = Plan()
    assert [plan.add_checkin(DAY).id for _ in range(3)] == ["c1", "c2", "c3"]
    plan.remove_checkin("c3")
    assert plan.add_checkin(DAY).id == "c4"
    plan.remove_checkin("c4")
    store.save(plan, tmp_path / "plan.toml")
    again = store.load(tmp_path / "plan.toml")
    assert again.last_ids["c"] == 4
    assert again.add_checkin(DAY).id == "c5"


def test_a_hand_written_id_above_last_ids_is_not_given_again() -> None:
    plan = Plan(checkins=[Checkin("c7", DAY)])
    assert plan.add_checkin(DAY).id == "c8"


def test_checkin_look_up_and_the_open_one() -> None:
    plan = looked_back_plan()
    assert plan.checkin("c1").finished
    with pytest.raises(KeyError):
        plan.checkin("c9")
    assert plan.open_checkin() is plan.checkin("c2")
    assert plan.finished_checkins() == [plan.checkin("c1")]
    plan.checkin("c2").finished = True
    assert plan.open_checkin() is None
    assert Plan().open_checkin() is None


def test_answers_are_set_one_at_a_time_on_one_entry_and_touch_the_plan() -> None:
    plan = store.load(EXAMPLE)
    checkin = plan.add_checkin(DAY)
    plan.updated = datetime(2000, 1, 1, tzinfo=plan.updated.tzinfo)
    entry = plan.activity_check(checkin, "a1")
    assert entry == ActivityCheck("a1")
    assert plan.updated.year > 2000
    plan.updated = datetime(2000, 1, 1, tzinfo=plan.updated.tzinfo)
    assert plan.activity_check(checkin.id, "a1", status="done") is entry
    assert plan.updated.year > 2000
    plan.activity_check(checkin, "a1", times=2)
    plan.activity_check(checkin, "a1", came="Sam")
    assert checkin.activities == [ActivityCheck("a1", "done", 2, "Sam")]
    stone = plan.outcome_check(checkin, "o1", status="happened")
    plan.outcome_check(checkin, "o1", person_says="on-the-way", how_we_know="We saw it.")
    assert checkin.outcomes == [stone] == [OutcomeCheck("o1", "happened", "on-the-way", "We saw it.")]


@pytest.mark.parametrize(
    ("kind", "changes"),
    [
        ("activity", {"status": "happened"}),
        ("activity", {"times": -1}),
        ("activity", {"times": True}),
        ("activity", {"times": "3"}),
        ("activity", {"colour": "red"}),
        ("outcome", {"status": "done"}),
        ("outcome", {"person_says": "yes"}),
        ("outcome", {"how_we_know": 3}),
    ],
)
def test_wrong_answers_are_refused_and_change_nothing(kind: str, changes: dict[str, Any]) -> None:
    plan = store.load(EXAMPLE)
    checkin = plan.add_checkin(DAY)
    with pytest.raises(ValueError):
        if kind == "activity":
            plan.activity_check(checkin, "a1", **changes)
        else:
            plan.outcome_check(checkin, "o1", **changes)
    assert checkin.activities == [] and checkin.outcomes == []


def test_answers_for_items_not_in_the_plan_are_refused() -> None:
    plan = store.load(EXAMPLE)
    checkin = plan.add_checkin(DAY)
    with pytest.raises(KeyError):
        plan.activity_check(checkin, "o1")
    with pytest.raises(KeyError):
        plan.outcome_check(checkin, "a1")
    assert checkin.activities == [] and checkin.outcomes == []


def test_history_and_latest_status_come_from_finished_look_backs_by_date() -> None:
    plan = store.load(EXAMPLE)
    later = plan.add_checkin(date(2027, 6, 1))
    plan.outcome_check(later, "o1", status="happened")
    plan.activity_check(later, "a1", status="done")
    later.finished = True
    earlier = plan.add_checkin(date(2027, 3, 1))  # written down after, but on an earlier day
    plan.outcome_check(earlier, "o1", status="not-yet")
    plan.outcome_check(earlier, "o2")  # no status given: not part of the history
    plan.activity_check(earlier, "a1", status="started")
    earlier.finished = True
    half_way = plan.add_checkin(date(2027, 9, 1))
    plan.outcome_check(half_way, "o1", status="changed-plan")
    assert plan.outcome_history("o1") == [(date(2027, 3, 1), "not-yet"), (date(2027, 6, 1), "happened")]
    assert plan.outcome_history("o2") == []
    assert plan.latest_status("outcome", "o1") == "happened"
    assert plan.latest_status("activity", "a1") == "done"
    assert plan.latest_status("outcome", "o2") == ""
    assert plan.latest_status("activity", "a2") == ""
    with pytest.raises(ValueError):
        plan.latest_status("stone", "o1")


def test_removing_an_item_keeps_its_answers_but_hides_them_until_it_is_put_back(tmp_path: Path) -> None:
    plan = looked_back_plan()
    removed = plan.remove_outcome("o1")
    gone = plan.remove_activity("a1")
    assert plan.outcome_history("o1") == []
    assert plan.latest_status("outcome", "o1") == ""
    assert plan.latest_status("activity", "a1") == ""
    store.save(plan, tmp_path / "plan.toml")
    again = store.load(tmp_path / "plan.toml")
    assert again == plan  # the file still opens, with every answer kept
    assert again.checkin("c1").outcome_entry("o1") is not None
    assert checks.run(again, tmp_path) == checks.run(plan, tmp_path)
    plan.restore(gone)
    plan.restore(removed)
    assert plan.outcome_history("o1") == [(DAY, "happened")]
    assert plan.latest_status("activity", "a1") == "done"


def test_a_plan_with_only_a_look_back_is_not_empty() -> None:
    plan = Plan()
    assert plan.is_empty()
    plan.add_checkin(DAY)
    assert not plan.is_empty()


# ----- the file ------------------------------------------------------------------------------------


def test_a_full_version_2_plan_survives_save_and_load(tmp_path: Path) -> None:
    plan = looked_back_plan()
    plan.checkin("c1").extra = {"weather": "rain", "nested": {"a": [1, 2]}}
    plan.checkin("c1").activities[0].extra = {"room": 4}
    plan.checkin("c1").outcomes[0].extra = {"score": 1.5}
    plan.checkin("c1").voices[0].extra = {"recorded": date(2027, 3, 2)}
    plan.checkin("c1").surprises[0].extra = {"good": True}
    plan.checkin("c1").reflection.extra = {"mood": "calm"}
    path = tmp_path / "plan.toml"
    store.save(plan, path)
    again = store.load(path)
    assert again == plan
    assert again.checkin("c1").voices[0].extra == {"recorded": date(2027, 3, 2)}
    assert store.dumps(again) == path.read_text(encoding="utf-8")  # nothing drifts
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["schema_version"] == 2
    assert data["checkins"][0]["date"] == DAY


def test_the_file_uses_the_keys_and_the_order_of_the_design() -> None:
    text = store.dumps(looked_back_plan())
    start = text.index("[[checkins]]")
    body = text[start:]
    order = [
        "[[checkins]]",
        'id = "c1"',
        "date = 2027-03-01",
        "who = [",
        "finished = true",
        "[[checkins.activities]]",
        'activity = "a1"',
        'status = "done"',
        "times = 3",
        'came = "Sam and 5 others"',
        "[[checkins.outcomes]]",
        'outcome = "o1"',
        'status = "happened"',
        'how_we_know = "The plan has three pages now."',
        "[[checkins.voices]]",
        'text = "I chose the colours for the room."',
        'said_by = "Sam"',
        'outcome = "o1"',
        'share = "yes"',
        'photo = "photos/room.jpg"',
        'photo_words = "Sam painting the wall green."',
        "[[checkins.surprises]]",
        "[checkins.reflection]",
        'hard = "Meetings were too long."',
        'learned = "Short ones work."',
        'next = "Meet often."',
        "[[checkins]]",
        'id = "c2"',
    ]
    at = 0
    for piece in order:
        found = body.find(piece, at)
        assert found >= 0, piece
        at = found + len(piece)
    assert text.startswith("schema_version = 2\n")
    # Empty optional keys are left out: the half-way look-back has no reflection, no voices.
    second = body[body.index('id = "c2"') :]
    assert "reflection" not in second and "voices" not in second and "person_says" not in second


def test_a_half_way_look_back_with_empty_answers_round_trips() -> None:
    plan = store.load(EXAMPLE)
    checkin = plan.add_checkin(DAY)
    plan.activity_check(checkin, "a1")
    plan.outcome_check(checkin, "o1")
    checkin.voices.append(Voice())
    checkin.surprises.append(Surprise())
    again = store.loads(store.dumps(plan))
    assert again == plan
    assert again.open_checkin() == checkin


def kept(before: Any, after: Any, where: str = "") -> None:
    """Every value of the old file is in the new one, at the same place."""
    if isinstance(before, dict):
        assert isinstance(after, dict), where
        for key, value in before.items():
            assert key in after, f"{where}.{key}"
            kept(value, after[key], f"{where}.{key}")
    elif isinstance(before, list):
        assert isinstance(after, list) and len(after) == len(before), where
        for index, (old, new) in enumerate(zip(before, after, strict=True)):
            kept(old, new, f"{where}[{index}]")
    else:
        assert after == before, where


VERSION_1_FILES = {
    "examples/day-centre.toml": EXAMPLE.read_text(encoding="utf-8"),
    "backmap/examples/day-centre.toml": (ROOT / "backmap" / "examples" / "day-centre.toml").read_text(
        encoding="utf-8"
    ),
    "tests/test_store.py UNKNOWN_KEYS_FILE": UNKNOWN_KEYS_FILE,
    "docs/plan-format.md": (ROOT / "docs" / "plan-format.md")
    .read_text(encoding="utf-8")
    .split("```toml\n", 1)[1]
    .split("```", 1)[0],
}


@pytest.mark.parametrize("name", sorted(VERSION_1_FILES))
def test_version_1_files_open_and_save_as_version_2_with_nothing_lost(tmp_path: Path, name: str) -> None:
    text = VERSION_1_FILES[name]
    before = tomllib.loads(text)
    path = tmp_path / "plan.toml"
    path.write_text(text, encoding="utf-8")
    plan = store.load(path)
    assert plan.checkins == []
    plan.title = plan.title  # a save with no change: the .bak keeps the version 1 text
    path.write_text(text.replace("schema_version = 2", "schema_version = 1"), encoding="utf-8")
    store.save(plan, path)
    after = tomllib.loads(path.read_text(encoding="utf-8"))
    assert after["schema_version"] == 2
    before.pop("schema_version", None)
    kept(before, after)
    assert "checkins" not in after
    assert store.load(path) == plan
    assert (
        tomllib.loads((tmp_path / "plan.toml.bak").read_text(encoding="utf-8")).get("schema_version", 1) == 1
    )


def test_the_mendable_version_1_file_mends_into_version_2(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(MENDABLE, encoding="utf-8")
    mended = store.mend(path)
    assert tomllib.loads(mended.read_text(encoding="utf-8"))["schema_version"] == 2


def test_version_3_is_refused_and_never_written(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    raw = b'schema_version = 3\ntitle = "from the future"\n\n[[checkins]]\nid = "c1"\ndate = 2027-03-01\n'
    path.write_bytes(raw)
    with pytest.raises(store.PlanError) as caught:
        store.load(path)
    assert caught.value.reason == "newer"
    assert caught.value.line == 1
    assert "version 3" in str(caught.value) and "up to 2" in str(caught.value)
    assert_plain(caught.value, path)
    with pytest.raises(store.PlanError):
        store.mend(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.toml"]
    assert path.read_bytes() == raw


GOOD = 'schema_version = 2\n\n[[outcomes]]\nid = "o1"\npart = "project"\n\n'
CHECKIN = '[[checkins]]\nid = "c1"\ndate = 2027-03-01\n'

# (name, file text, line, words the problem must hold, reason)
BAD_LOOK_BACKS: list[tuple[str, str, int, str, str]] = [
    ("checkins-string", 'schema_version = 2\ncheckins = "x"\n', 2, "[[checkins]]", "unreadable"),
    ("no-id", GOOD + "[[checkins]]\ndate = 2027-03-01\n", 7, "look-back has no id", "unreadable"),
    ("same-id", GOOD + CHECKIN + "\n" + CHECKIN, 11, "same id", "mendable"),
    ("no-date", GOOD + '[[checkins]]\nid = "c1"\n', 7, "date", "unreadable"),
    ("date-words", GOOD + '[[checkins]]\nid = "c1"\ndate = "1 March"\n', 9, "date", "unreadable"),
    (
        "date-and-time",
        GOOD + '[[checkins]]\nid = "c1"\ndate = 2027-03-01T10:00:00Z\n',
        9,
        "date",
        "unreadable",
    ),
    ("who-string", GOOD + CHECKIN + 'who = "Sam"\n', 10, "list of names", "unreadable"),
    ("finished-words", GOOD + CHECKIN + 'finished = "yes"\n', 10, "true or false", "unreadable"),
    (
        "activity-status",
        GOOD + CHECKIN + '\n[[checkins.activities]]\nactivity = "a1"\nstatus = "happened"\n',
        13,
        "done, started, not-yet, stopped",
        "unreadable",
    ),
    (
        "times-words",
        GOOD + CHECKIN + '\n[[checkins.activities]]\nactivity = "a1"\ntimes = "three"\n',
        13,
        "whole number",
        "unreadable",
    ),
    (
        "times-fraction",
        GOOD + CHECKIN + '\n[[checkins.activities]]\nactivity = "a1"\ntimes = 2.5\n',
        13,
        "whole number",
        "unreadable",
    ),
    (
        "times-below-0",
        GOOD + CHECKIN + '\n[[checkins.activities]]\nactivity = "a1"\ntimes = -1\n',
        13,
        "whole number",
        "unreadable",
    ),
    (
        "came-number",
        GOOD + CHECKIN + '\n[[checkins.activities]]\nactivity = "a1"\ncame = 5\n',
        13,
        "who came",
        "unreadable",
    ),
    (
        "activity-no-id",
        GOOD + CHECKIN + '\n[[checkins.activities]]\nstatus = "done"\n',
        11,
        "activity",
        "unreadable",
    ),
    (
        "outcome-status",
        GOOD + CHECKIN + '\n[[checkins.outcomes]]\noutcome = "o1"\nstatus = "done"\n',
        13,
        "happened, on-the-way, not-yet, changed-plan",
        "unreadable",
    ),
    (
        "person-says",
        GOOD + CHECKIN + '\n[[checkins.outcomes]]\noutcome = "o1"\nperson_says = "I liked it"\n',
        13,
        "person_says",
        "unreadable",
    ),
    (
        "outcome-no-id",
        GOOD + CHECKIN + '\n[[checkins.outcomes]]\nstatus = "happened"\n',
        11,
        "stepping stone",
        "unreadable",
    ),
    (
        "how-we-know-list",
        GOOD + CHECKIN + '\n[[checkins.outcomes]]\noutcome = "o1"\nhow_we_know = ["x"]\n',
        13,
        "how we will know",
        "unreadable",
    ),
    ("voices-string", GOOD + CHECKIN + 'voices = "hello"\n', 10, "[[checkins.voices]]", "unreadable"),
    (
        "voice-text-number",
        GOOD + CHECKIN + "\n[[checkins.voices]]\ntext = 1\n",
        12,
        "words of a quote",
        "unreadable",
    ),
    (
        "share-maybe",
        GOOD + CHECKIN + '\n[[checkins.voices]]\ntext = "hi"\nshare = "maybe"\n',
        13,
        "yes, team, no",
        "unreadable",
    ),
    (
        "share-true",
        GOOD + CHECKIN + '\n[[checkins.voices]]\ntext = "hi"\nshare = true\n',
        13,
        "yes, team, no",
        "unreadable",
    ),
    (
        "photo-number",
        GOOD + CHECKIN + '\n[[checkins.voices]]\ntext = "hi"\nphoto = 1\n',
        13,
        "photo",
        "unreadable",
    ),
    (
        "surprise-number",
        GOOD + CHECKIN + "\n[[checkins.surprises]]\ntext = 1\n",
        12,
        "surprise",
        "unreadable",
    ),
    (
        "reflection-string",
        GOOD + CHECKIN + 'reflection = "hard"\n',
        10,
        "[checkins.reflection]",
        "unreadable",
    ),
    (
        "reflection-hard-number",
        GOOD + CHECKIN + "\n[checkins.reflection]\nhard = 1\n",
        12,
        "hard",
        "unreadable",
    ),
    (
        "second-look-back",
        GOOD + CHECKIN + "\n" + '[[checkins]]\nid = "c2"\ndate = 2027-03-02\n\n[[checkins.activities]]\n'
        'activity = "a1"\n\n[[checkins.activities]]\nactivity = "a2"\nstatus = "done"\ntimes = "x"\n',
        21,
        "whole number",
        "unreadable",
    ),
]


@pytest.mark.parametrize(
    ("name", "text", "line", "says", "reason"), BAD_LOOK_BACKS, ids=[b[0] for b in BAD_LOOK_BACKS]
)
def test_each_wrong_look_back_value_is_explained_with_its_line(
    tmp_path: Path, name: str, text: str, line: int, says: str, reason: str
) -> None:
    path = tmp_path / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(store.PlanError) as caught:
        store.load(path)
    error = caught.value
    assert_plain(error, path)
    assert error.line == line, str(error)
    assert says.lower() in str(error).lower()
    assert error.reason == reason
    assert path.read_text(encoding="utf-8") == text


def test_repeated_look_back_ids_are_mended(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(GOOD + CHECKIN + "\n" + CHECKIN + "\n" + CHECKIN, encoding="utf-8")
    mended = store.load(store.mend(path))
    assert [c.id for c in mended.checkins] == ["c1", "c2", "c3"]
    assert mended.add_checkin(DAY).id == "c4"


def test_mend_keeps_the_look_backs_of_a_version_2_plan(tmp_path: Path) -> None:
    plan = looked_back_plan()
    path = tmp_path / "plan.toml"
    plan.activities[0].outcomes.append("o99")  # a link to a stepping stone that is not there
    text = store.dumps(plan)
    plan.activities[0].outcomes.pop()
    path.write_text(text, encoding="utf-8")
    mended = store.load(store.mend(path))
    assert mended.checkins == plan.checkins


def test_unknown_keys_inside_look_backs_are_kept(tmp_path: Path) -> None:
    text = (
        GOOD
        + CHECKIN
        + 'mood = "good"\n\n[checkins.weather]\nrain = true\n\n'
        + '[[checkins.activities]]\nactivity = "a1"\nroom = 4\n\n'
        + '[[checkins.outcomes]]\noutcome = "o1"\nscore = 2\n\n'
        + '[[checkins.voices]]\ntext = "hi"\nlanguage = "cy"\n\n'
        + '[[checkins.surprises]]\ntext = "x"\nbig = true\n\n'
        + '[checkins.reflection]\nhard = "h"\nmore = "m"\n\n'
        + "[[checkins.pictures]]\nfile = 1\n"
    )
    path = tmp_path / "plan.toml"
    path.write_text(text, encoding="utf-8")
    plan = store.load(path)
    plan.title = "Changed"
    store.save(plan, path)
    data = tomllib.loads(path.read_text(encoding="utf-8"))["checkins"][0]
    assert data["mood"] == "good"
    assert data["weather"] == {"rain": True}
    assert data["activities"][0]["room"] == 4
    assert data["outcomes"][0]["score"] == 2
    assert data["voices"][0]["language"] == "cy"
    assert data["surprises"][0]["big"] is True
    assert data["reflection"]["more"] == "m"
    assert data["pictures"] == [{"file": 1}]
    assert store.load(path) == plan


def test_hostile_text_in_every_look_back_field_round_trips_exactly() -> None:
    plan = store.load(EXAMPLE)
    for number, text in enumerate([*HOSTILE, "".join(HOSTILE), "../../etc/passwd", "/etc/passwd"]):
        checkin = plan.add_checkin(DAY, who=[text, f"{text}!"])
        checkin.activities.append(ActivityCheck(f"a{text}", "done", number, text))
        checkin.outcomes.append(OutcomeCheck(f"o{text}", "happened", "", text))
        checkin.voices.append(Voice(text, text, text, "no", text, text))
        checkin.surprises.append(Surprise(text))
        checkin.reflection = Reflection(text, text, text)
        checkin.extra = {text: text} if text else {}
    again = store.loads(store.dumps(plan))
    assert again == plan
    assert store.dumps(again) == store.dumps(plan)


def test_a_hundred_look_backs_of_forty_answers_open_and_save(tmp_path: Path) -> None:
    plan = store.load(EXAMPLE)
    for number in range(100):
        checkin = plan.add_checkin(date(2027, 1, 1).replace(year=2027 + number // 12, month=number % 12 + 1))
        for index in range(20):
            checkin.activities.append(ActivityCheck(f"a{index}", ACTIVITY_STATUSES[index % 4], index, "Sam"))
            checkin.outcomes.append(
                OutcomeCheck(f"o{index}", OUTCOME_STATUSES[index % 4], "", f"Seen {index}")
            )
        checkin.voices.append(Voice(f"Said at look-back {number}", "Sam", "o1", SHARE_CHOICES[number % 3]))
        checkin.finished = number < 99
    path = tmp_path / "big.toml"
    store.save(plan, path)
    again = store.load(path)
    assert again == plan
    assert len(again.checkins) == 100
    assert again.open_checkin() is again.checkins[-1]
    assert len(again.outcome_history("o1")) == 99
    again.checkins[50].voices[0].text = "Changed"
    store.save(again, path)  # a save after one change writes the change, not a stale copy
    assert store.load(path).checkins[50].voices[0].text == "Changed"
    assert store.load(path) == again


# ----- photos --------------------------------------------------------------------------------------


@pytest.fixture
def plan_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "plans"
    (folder / "photos").mkdir(parents=True)
    (folder / "photos" / "room.jpg").write_bytes(b"jpg")
    (folder / "plan.toml").write_text("", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("secret", encoding="utf-8")
    return folder


def test_a_photo_in_the_plans_folder_is_found(plan_folder: Path) -> None:
    plan_path = plan_folder / "plan.toml"
    assert store.photo_file(plan_path, "photos/room.jpg") == (plan_folder / "photos" / "room.jpg").resolve()
    assert store.photo_file(plan_path, "photos/../photos/room.jpg") is not None


@pytest.mark.parametrize(
    "photo",
    [
        "",
        "../../etc/passwd",
        "../secret.txt",
        "photos/../../secret.txt",
        "/etc/passwd",
        "//etc/passwd",
        "C:\\Windows\\win.ini",
        "C:secret.txt",
        "\\\\server\\share\\x.jpg",
        "photos/missing.jpg",
        "photos",
        ".",
        "photos/room.jpg\x00.png",
        "link-out.jpg",
        "photos/link-dir/secret.txt",
    ],
)
def test_a_photo_outside_the_folder_or_missing_is_never_given(plan_folder: Path, photo: str) -> None:
    os.symlink(plan_folder.parent / "secret.txt", plan_folder / "link-out.jpg")
    os.symlink(plan_folder.parent, plan_folder / "photos" / "link-dir")
    assert store.photo_file(plan_folder / "plan.toml", photo) is None


def test_a_link_to_a_photo_inside_the_folder_is_fine(plan_folder: Path) -> None:
    os.symlink(plan_folder / "photos" / "room.jpg", plan_folder / "same.jpg")
    assert (
        store.photo_file(plan_folder / "plan.toml", "same.jpg")
        == (plan_folder / "photos" / "room.jpg").resolve()
    )


# ----- findings ------------------------------------------------------------------------------------


def look_back_findings(plan: Plan, folder: Path | None = None) -> list[checks.Finding]:
    codes = {"happened-without-evidence", "photo-missing", "photo-without-words", "share-not-chosen"}
    return [f for f in checks.run(plan, folder) if f.code in codes]


def test_the_full_look_back_plan_has_no_look_back_findings(plan_folder: Path) -> None:
    plan = looked_back_plan()
    assert look_back_findings(plan, plan_folder) == []
    assert checks.run(plan, plan_folder) == checks.run(store.load(EXAMPLE))


def test_happened_needs_something_that_shows_it() -> None:
    plan = store.load(EXAMPLE)
    checkin = plan.add_checkin(DAY)
    plan.outcome_check(checkin, "o1", status="happened")
    plan.outcome_check(checkin, "o2", status="on-the-way")
    assert look_back_findings(plan) == []  # not finished yet
    checkin.finished = True
    found = look_back_findings(plan)
    assert [(f.code, f.id, f.page) for f in found] == [("happened-without-evidence", "c1", None)]
    assert "1 March 2027" in found[0].message
    assert plan.outcome("o1").text[:20] in found[0].message
    checkin.voices.append(Voice("It shows.", "Sam", outcome="o1", share="no"))
    assert look_back_findings(plan) == []
    checkin.voices.clear()
    plan.outcome_check(checkin, "o1", how_we_know="We saw it.")
    assert look_back_findings(plan) == []
    plan.outcome_check(checkin, "o1", how_we_know="")
    plan.remove_outcome("o1")
    assert look_back_findings(plan) == []  # about a stepping stone no longer in the plan


def test_photo_findings(plan_folder: Path) -> None:
    plan = store.load(EXAMPLE)
    checkin = plan.add_checkin(DAY)
    checkin.voices.append(Voice("Here.", "Sam", share="yes", photo="photos/room.jpg", photo_words="A room."))
    checkin.voices.append(Voice("Gone.", "Sam", share="yes", photo="photos/gone.jpg", photo_words="Gone."))
    checkin.voices.append(Voice("No words.", "Sam", share="yes", photo="photos/room.jpg"))
    checkin.voices.append(Voice("Outside.", "Sam", share="yes", photo="../secret.txt", photo_words="x"))
    found = look_back_findings(plan, plan_folder)
    assert [(f.code, f.id, f.page) for f in found] == [
        ("photo-missing", "c1", None),
        ("photo-without-words", "c1", None),
        ("photo-missing", "c1", None),
    ]
    assert "Gone." in found[0].message and "Outside." in found[2].message
    # Without the folder, nobody can look for the file: only the missing words are found.
    assert [f.code for f in look_back_findings(plan)] == ["photo-without-words"]


def test_a_quote_with_no_share_choice_is_found() -> None:
    plan = store.load(EXAMPLE)
    checkin = plan.add_checkin(DAY)
    checkin.voices.append(Voice("Not chosen yet.", "Sam"))
    found = look_back_findings(plan)
    assert [(f.code, f.id, f.page) for f in found] == [("share-not-chosen", "c1", None)]
    assert "Not chosen yet." not in found[0].message  # nobody said it may be shown
    assert "Sam" in found[0].message


@pytest.mark.parametrize("share", ["no", "team", ""])
def test_findings_never_quote_a_quote_that_is_not_for_everyone(plan_folder: Path, share: str) -> None:
    plan = store.load(EXAMPLE)
    checkin = plan.add_checkin(DAY)
    secret = "My secret words"
    checkin.voices.append(Voice(secret, "", share=share, photo="photos/gone.jpg"))
    checkin.finished = True
    found = look_back_findings(plan, plan_folder)
    assert {f.code for f in found} >= {"photo-missing", "photo-without-words"}
    for finding in found:
        assert secret not in finding.message and "secret" not in finding.message
        assert "a quote" in finding.message
    assert all(secret not in str(f.as_json()) for f in checks.run(plan, plan_folder))


# ----- the format document ---------------------------------------------------------------------------


def test_the_format_document_shows_a_look_back_that_loads_and_names_every_key() -> None:
    doc = (ROOT / "docs" / "plan-format.md").read_text(encoding="utf-8")
    block = doc.split("```toml\n[[checkins]]", 1)[1].split("```", 1)[0]
    plan = store.loads(
        'schema_version = 2\n[[outcomes]]\nid = "o1"\npart = "project"\n[[checkins]]' + block, "docs"
    )
    checkin = plan.checkin("c1")
    assert checkin.activities and checkin.outcomes and checkin.voices and checkin.surprises
    assert not checkin.reflection.is_empty()
    data = store.to_dict(looked_back_plan())["checkins"][0]
    keys = set(data) | set(data["reflection"])
    for table in ("activities", "outcomes", "voices", "surprises"):
        keys |= set(data[table][0])
    keys |= {"person_says", "c"}
    for key in keys:
        assert f"`{key}`" in doc, key
    for word in (*ACTIVITY_STATUSES, *OUTCOME_STATUSES, *SHARE_CHOICES):
        assert f'`"{word}"`' in doc, word
