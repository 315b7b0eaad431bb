"""Plan files on disk: round trips, unknown keys, broken files, atomic saves, names, mending.

A plan is hours of conversation, so every test here asks one thing: can a
person lose words, or be left with a file that will not open?
"""

from __future__ import annotations

import os
import tomllib
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backmap.core import store
from backmap.core.plan import KINDS, PARTS, Activity, Impact, Outcome, Person, Plan
from tests.example_plans import EXAMPLE

# ----- strategies ----------------------------------------------------------------------

HOSTILE = [
    '"',
    "'",
    '"""',
    "'''",
    "\\",
    "\\n",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "[",
    "]",
    "[[outcomes]]",
    "[impact]",
    "#",
    "# not a comment",
    "|",
    "| a | b |",
    "<",
    "<script>alert(1)</script>",
    "=",
    'key = "value"',
    "[bold]x[/]",
    "[@click=app.quit]x[/]",
    "\x00",
    "\x01",
    "\x08",
    "\x0b",
    "\x0c",
    "\x1b[2J",
    "\x1b]0;title\x07",
    "\x1b]52;c;aGk=\x07",
    "\x7f",
    "\x85",
    "\u200f",
    "\u202e",
    "\u2028",
    "\u2029",
    "\ufeff",
    "مرحبا بالعالم",
    "שלום",
    "e\u0301\u0302\u0303",
    "Z\u0351\u0352\u0353\u0354",
    "👩\u200d👩\u200d👧",
    "🏳️\u200d🌈",
    "😀",
    "\U0010ffff",
    "\ufffd",
    "ß",
    "İ",
]

text_piece = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=6))
words = st.one_of(
    st.text(max_size=30),
    st.lists(text_piece, max_size=8).map("".join),
)
# Long answers are costly to write, so only some plans carry one.
long_words = st.tuples(
    st.sampled_from(["a", "é", "😀", "\n", "[", "مرحبا "]), st.integers(5_000, 100_000)
).map(lambda pair: pair[0] * (pair[1] // len(pair[0])))
times = st.datetimes(min_value=datetime(1, 1, 1), timezones=st.just(UTC))

# Values TOML can hold, for keys a newer backmap or a person may have added.
toml_scalars = st.one_of(
    words,
    st.integers(-(2**63), 2**63 - 1),
    st.floats(allow_nan=False),
    st.booleans(),
    st.datetimes(timezones=st.none() | st.just(UTC)),
    st.dates(),
    st.times(),
)
toml_keys = st.text(min_size=0, max_size=8)
toml_values = st.recursive(
    toml_scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(toml_keys, inner, max_size=3),
    max_leaves=6,
)


def extras(known: set[str]) -> st.SearchStrategy[dict[str, Any]]:
    """Unknown keys for one table: never one of the keys backmap reads there."""
    return st.dictionaries(toml_keys.filter(lambda k: k not in known), toml_values, max_size=3)


TOP_KEYS = set(store._TOP_KEYS)


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    """Any plan backmap could save: unique ids, known parts and kinds, links to real outcomes."""
    plan = Plan(
        title=draw(words),
        created=draw(times),
        updated=draw(times),
        assumptions=draw(st.lists(words, max_size=3)),
        last_ids={"o": draw(st.integers(0, 10**9)), "a": draw(st.integers(0, 10**9))},
        extra=draw(extras(TOP_KEYS)),
    )
    plan.impact = Impact(
        project=draw(words),
        coproduction=draw(words),
        lasting_change=draw(words),
        extra=draw(extras({"project", "coproduction", "lasting_change"})),
    )
    plan.people = draw(
        st.lists(st.builds(Person, name=words, role=words, extra=extras({"name", "role"})), max_size=3)
    )
    id_text = st.text(min_size=1, max_size=8).filter(lambda s: s.strip() != "")
    all_ids = draw(st.lists(id_text, unique=True, max_size=10))
    split = draw(st.integers(0, len(all_ids)))
    outcome_ids, activity_ids = all_ids[:split], all_ids[split:]
    for item_id in outcome_ids:
        plan.outcomes.append(
            Outcome(
                id=item_id,
                part=draw(st.sampled_from(PARTS)),
                text=draw(words),
                how_we_know=draw(words),
                extra=draw(extras({"id", "part", "text", "how_we_know"})),
            )
        )
    links = st.lists(st.sampled_from(outcome_ids), max_size=4) if outcome_ids else st.just([])
    for item_id in activity_ids:
        plan.activities.append(
            Activity(
                id=item_id,
                part=draw(st.sampled_from(PARTS)),
                kind=draw(st.sampled_from(KINDS)),
                text=draw(words),
                outcomes=draw(links),
                who=draw(words),
                when=draw(words),
                extra=draw(extras({"id", "part", "kind", "text", "outcomes", "who", "when"})),
            )
        )
    if draw(st.integers(0, 19)) == 0:
        plan.impact.lasting_change = draw(long_words)
    return plan


# ----- round trip ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("roundtrip")


@given(plan=plans())
def test_any_plan_survives_save_and_load(folder: Path, plan: Plan) -> None:
    path = folder / "plan.toml"
    store.save(plan, path)
    assert store.load(path) == plan
    assert store.loads(store.dumps(plan)) == plan


def test_round_trip_of_the_example_is_exact(tmp_path: Path) -> None:
    plan = store.load(EXAMPLE)
    path = tmp_path / "again.toml"
    store.save(plan, path)
    assert store.load(path) == plan
    # Saving what was loaded writes the same text again: nothing drifts.
    assert store.dumps(store.load(path)) == path.read_text(encoding="utf-8")


def test_saved_file_uses_one_table_per_item_as_in_the_design() -> None:
    plan = Plan(title="t")
    plan.add_outcome("project", "short")
    plan.add_activity("project", "short", outcomes=["o1"])
    plan.people.append(Person(name="Sam", role="r"))
    text = store.dumps(plan)
    assert "[[outcomes]]" in text
    assert "[[activities]]" in text
    assert "[[people]]" in text


def test_a_very_long_hostile_answer_survives(tmp_path: Path) -> None:
    plan = Plan(title="[bold]x[/] # | < \x1b[2J")
    plan.impact.project = ("Line one\n\"quoted\" 'single' [x] #h |p| <b> 😀 مرحبا e\u0301\x00\x7f\t") * 2_000
    path = tmp_path / "long.toml"
    store.save(plan, path)
    assert store.load(path).impact.project == plan.impact.project


def test_file_with_byte_order_mark_opens(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + EXAMPLE.read_bytes())
    assert store.load(path) == store.load(EXAMPLE)


# ----- unknown keys ------------------------------------------------------------------------

UNKNOWN_KEYS_FILE = """\
schema_version = 1
title = "Keeps keys"
created = 2026-11-26T10:00:00Z
updated = 2026-11-26T10:00:00Z
colour = "blue"
future_list = [1, 2, 3]

[future_table]
note = "from a newer backmap"

[impact]
project = "p"
coproduction = "c"
lasting_change = "l"
budget = 1200

[[people]]
name = "Sam"
role = "user"
pronouns = "they"

[[outcomes]]
id = "o1"
part = "project"
text = "stone"
priority = "high"

[outcomes.detail]
why = "nested"

[[activities]]
id = "a1"
part = "project"
kind = "meeting"
text = "meet"
outcomes = ["o1"]
room = 4
"""


def test_unknown_keys_at_every_level_survive_load_and_save(tmp_path: Path) -> None:
    path = tmp_path / "keys.toml"
    path.write_text(UNKNOWN_KEYS_FILE, encoding="utf-8")
    plan = store.load(path)
    plan.title = "Changed"
    store.save(plan, path)
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["title"] == "Changed"
    assert data["colour"] == "blue"
    assert data["future_list"] == [1, 2, 3]
    assert data["future_table"] == {"note": "from a newer backmap"}
    assert data["impact"]["budget"] == 1200
    assert data["people"][0]["pronouns"] == "they"
    assert data["outcomes"][0]["priority"] == "high"
    assert data["outcomes"][0]["detail"] == {"why": "nested"}
    assert data["activities"][0]["room"] == 4
    assert store.load(path) == plan


# ----- broken and hostile files ---------------------------------------------------------------

GOOD_OUTCOME = '[[outcomes]]\nid = "o1"\npart = "project"\ntext = "x"\n'

# (name, file bytes, expected line or None, words the problem must hold, reason)
BAD_FILES: list[tuple[str, bytes, int | None, str, str]] = [
    ("not-toml", b'title = "x"\nthis is not toml\n', 2, "not written the way", "unreadable"),
    ("unclosed-string", b'title = "x\n', 1, "not written the way", "unreadable"),
    ("open-at-the-end", b'title = "x"\nlist = [1,\n', 2, "not written the way", "unreadable"),
    ("not-utf8", b'title = "ok"\nrole = "caf\xe9"\n', 2, "cannot read", "unreadable"),
    ("latin1-first-line", b'title = "caf\xe9"\n', 1, "cannot read", "unreadable"),
    ("binary-junk", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe", 1, "cannot read", "unreadable"),
    ("nul-bytes", b'title = "x"\n\x00\x00\x00', 2, "not text", "unreadable"),
    ("empty", b"", None, "empty", "unreadable"),
    ("only-blank", b"  \n\n\t\n", None, "empty", "unreadable"),
    ("title-number", b"schema_version = 1\ntitle = 3\n", 2, "title", "unreadable"),
    ("outcomes-string", b'title = "t"\noutcomes = "x"\n', 2, "[[outcomes]]", "unreadable"),
    ("people-string", b'title = "t"\npeople = 5\n', 2, "[[people]]", "unreadable"),
    ("impact-number", b'title = "t"\nimpact = 3\n', 2, "[impact]", "unreadable"),
    ("impact-text-number", b'title = "t"\n[impact]\nproject = 4\n', 3, "impact", "unreadable"),
    ("assumptions-string", b'assumptions = "x"\n', 1, "assumptions", "unreadable"),
    ("created-words", b'title = "t"\ncreated = "yesterday"\n', 2, "created", "unreadable"),
    ("schema-text", b'schema_version = "1"\n', 1, "schema_version", "unreadable"),
    ("schema-zero", b"schema_version = 0\n", 1, "schema_version", "unreadable"),
    ("last-ids-text", b'title = "t"\nlast_ids = { o = "x" }\n', 2, "last_ids", "unreadable"),
    (
        "kind-party",
        (GOOD_OUTCOME + '\n[[activities]]\nid = "a1"\npart = "project"\nkind = "party"\n').encode(),
        6,
        "kind",
        "unreadable",
    ),
    ("part-x", b'title = "t"\n\n[[outcomes]]\nid = "o1"\npart = "x"\n', 3, "part", "unreadable"),
    (
        "outcome-text-number",
        b'[[outcomes]]\nid = "o1"\npart = "project"\ntext = 3\n',
        4,
        "stepping",
        "unreadable",
    ),
    (
        "activity-links-string",
        (GOOD_OUTCOME + '[[activities]]\nid = "a1"\npart = "project"\noutcomes = "o1"\n').encode(),
        5,
        "list of ids",
        "unreadable",
    ),
    (
        "outcome-without-id",
        b'title = "t"\n[[outcomes]]\npart = "project"\ntext = "x"\n',
        2,
        "no id",
        "unreadable",
    ),
    ("outcome-without-part", b'title = "t"\n[[outcomes]]\nid = "o1"\ntext = "x"\n', 2, "part", "unreadable"),
    ("outcome-id-number", b'[[outcomes]]\nid = 1\npart = "project"\n', 1, "no id", "unreadable"),
    ("activity-without-id", b'[[activities]]\npart = "project"\ntext = "x"\n', 1, "no id", "unreadable"),
    ("activity-without-part", b'[[activities]]\nid = "a1"\ntext = "x"\n', 1, "part", "unreadable"),
    (
        "duplicate-outcome-ids",
        (GOOD_OUTCOME + "\n" + GOOD_OUTCOME).encode(),
        6,
        "same id",
        "mendable",
    ),
    (
        "outcome-and-activity-share-id",
        (GOOD_OUTCOME + '\n[[activities]]\nid = "o1"\npart = "project"\n').encode(),
        6,
        "same id",
        "mendable",
    ),
    (
        "link-to-missing-id",
        (GOOD_OUTCOME + '\n[[activities]]\nid = "a1"\npart = "project"\noutcomes = ["o1", "o9"]\n').encode(),
        6,
        "o9",
        "mendable",
    ),
    ("newer-schema", b'schema_version = 99\ntitle = "from the future"\n', 1, "newer", "newer"),
]


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file in a folder with its bytes, to prove nothing was written or added."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def assert_plain(error: store.PlanError, path: Path) -> None:
    """The message a person sees: names the file, has words to act on, no programmer talk."""
    message = str(error)
    assert error.path == str(path)
    assert str(path) in message
    assert error.problem.strip() and error.todo.strip()
    for word in ("Traceback", "Error", "Exception", "tomllib", "NoneType", "dict", "<class"):
        assert word not in message
    if error.line is not None:
        assert f"line {error.line}" in message


@pytest.mark.parametrize(("name", "raw", "line", "says", "reason"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_file_gives_plain_error_and_stays_untouched(
    tmp_path: Path, name: str, raw: bytes, line: int | None, says: str, reason: str
) -> None:
    path = tmp_path / f"{name}.toml"
    path.write_bytes(raw)
    before = snapshot(tmp_path)
    with pytest.raises(store.PlanError) as caught:
        store.load(path)
    error = caught.value
    assert_plain(error, path)
    assert error.line == line
    assert says.lower() in str(error).lower()
    assert error.reason == reason
    assert snapshot(tmp_path) == before


# Plan-shaped data with any value in any place: the worst a hand-edited file can be.
shaped_values = st.one_of(
    toml_values,
    st.sampled_from(["o1", "o2", "a1", "project", "coproduction", "meeting", "party", ""]),
    st.lists(st.sampled_from(["o1", "o2", "a1", "x"]), max_size=3),
)
rows = st.lists(
    st.dictionaries(
        st.sampled_from(["id", "part", "kind", "text", "outcomes", "who", "when", "how_we_know", "x"]),
        shaped_values,
    ),
    max_size=4,
)
# Rows that are nearly right, so repeated ids and dangling links come up often.
near_rows = st.lists(
    st.fixed_dictionaries(
        {"id": st.sampled_from(["o1", "o2", "a1", "a2", "x"]), "part": st.sampled_from(PARTS)},
        optional={
            "outcomes": st.lists(st.sampled_from(["o1", "o2", "o3", "a1"]), max_size=3),
            "kind": st.sampled_from(KINDS),
            "text": words,
        },
    ),
    max_size=4,
)
shaped_files = st.fixed_dictionaries(
    {},
    optional={
        "schema_version": st.one_of(st.integers(-2, 3), toml_values),
        "title": shaped_values,
        "created": shaped_values,
        "assumptions": shaped_values,
        "last_ids": st.one_of(st.dictionaries(st.sampled_from(["o", "a", "x"]), shaped_values), toml_values),
        "impact": st.one_of(
            st.dictionaries(st.sampled_from(["project", "coproduction", "lasting_change"]), shaped_values),
            toml_values,
        ),
        "people": st.one_of(rows, toml_values),
        "outcomes": st.one_of(rows, toml_values),
        "activities": st.one_of(rows, toml_values),
    },
)


nearly_valid_files = st.fixed_dictionaries(
    {"title": words, "outcomes": near_rows, "activities": near_rows},
    optional={"last_ids": st.fixed_dictionaries({"o": st.integers(0, 3), "a": st.integers(0, 3)})},
)


@given(data=st.one_of(shaped_files, nearly_valid_files))
def test_any_plan_shaped_file_loads_or_says_why(folder: Path, data: dict[str, Any]) -> None:
    """Never a crash: a plan, or a PlanError; and mending gives a plan that loads, or a PlanError."""
    import tomli_w

    text = tomli_w.dumps(data)
    path = folder / "shaped.toml"
    path.write_text(text, encoding="utf-8")
    try:
        store.load(path)
    except store.PlanError as error:
        assert error.problem and error.todo
    for old in folder.glob("shaped.mended*.toml"):
        old.unlink()
    try:
        mended = store.mend(path)
    except store.PlanError:
        assert not list(folder.glob("shaped.mended*.toml"))
    else:
        store.load(mended)
    assert path.read_text(encoding="utf-8") == text


@given(raw=st.binary(max_size=300))
def test_any_bytes_load_or_say_why(raw: bytes) -> None:
    try:
        store.loads_bytes(raw, "junk.toml")
    except store.PlanError as error:
        assert "junk.toml" in str(error)


def test_a_20_mb_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.toml"
    with path.open("wb") as stream:
        stream.truncate(20 * 1024 * 1024)  # sparse: quick to make, takes no real space
    before = path.stat()
    with pytest.raises(store.PlanError) as caught:
        store.load(path)
    assert_plain(caught.value, path)
    assert "too big" in caught.value.problem
    assert "20 megabytes" in caught.value.problem
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    assert [p.name for p in tmp_path.iterdir()] == ["huge.toml"]


def test_a_link_to_a_file_in_another_folder_is_refused(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    real = elsewhere / "real.toml"
    real.write_bytes(EXAMPLE.read_bytes())
    plans = tmp_path / "plans"
    plans.mkdir()
    link = plans / "link.toml"
    link.symlink_to(real)
    with pytest.raises(store.PlanError) as caught:
        store.load(link)
    assert_plain(caught.value, link)
    assert "link" in caught.value.problem
    assert real.read_bytes() == EXAMPLE.read_bytes()
    assert link.is_symlink()


def test_a_link_within_the_same_folder_opens(tmp_path: Path) -> None:
    real = tmp_path / "real.toml"
    real.write_bytes(EXAMPLE.read_bytes())
    (tmp_path / "link.toml").symlink_to(real)
    assert store.load(tmp_path / "link.toml").title == "Our new day centre"


def test_missing_file_folder_and_device_give_plain_errors(tmp_path: Path) -> None:
    for path, says in [
        (tmp_path / "nothing.toml", "no file"),
        (tmp_path, "folder"),
        (Path("/dev/zero"), "not a plan file"),
    ]:
        if not path.exists() and says != "no file":
            continue
        with pytest.raises(store.PlanError) as caught:
            store.load(path)
        assert_plain(caught.value, path)
        assert says in caught.value.problem


def test_loads_bytes_and_loads_name_the_plan_when_there_is_no_file() -> None:
    with pytest.raises(store.PlanError) as caught:
        store.loads_bytes(b"\xff", "pasted plan")
    assert "pasted plan" in str(caught.value)


# ----- atomic saves --------------------------------------------------------------------------


def leftovers(folder: Path) -> list[str]:
    """Temporary files a save may have left behind (they all start with a dot)."""
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def saved_plan(folder: Path) -> tuple[Path, Plan, bytes]:
    path = folder / "plan.toml"
    plan = store.load(EXAMPLE)
    store.save(plan, path)
    return path, plan, path.read_bytes()


def test_save_keeps_the_previous_version_as_bak(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    plan = Plan(title="one")
    store.save(plan, path)
    assert not (tmp_path / "plan.toml.bak").exists()
    first = path.read_bytes()
    plan.title = "two"
    store.save(plan, path)
    second = path.read_bytes()
    assert (tmp_path / "plan.toml.bak").read_bytes() == first
    plan.title = "three"
    store.save(plan, path)
    assert (tmp_path / "plan.toml.bak").read_bytes() == second
    assert store.load(path).title == "three"
    assert leftovers(tmp_path) == []


def test_saving_the_same_words_again_never_makes_the_backup_a_copy_of_the_plan(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    plan = Plan(title="one")
    store.save(plan, path)
    before = path.read_bytes()
    plan.title = "two"
    store.save(plan, path)
    store.save(plan, path)  # as quitting does: nothing new
    assert (tmp_path / "plan.toml.bak").read_bytes() == before
    assert path.read_bytes() != before


@pytest.mark.parametrize("failing_call", [1, 2], ids=["backup-rename", "final-rename"])
def test_a_failed_rename_leaves_the_old_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing_call: int
) -> None:
    path, plan, before = saved_plan(tmp_path)
    real_replace = os.replace
    calls = {"n": 0}

    def flaky_replace(source: Any, target: Any) -> None:
        calls["n"] += 1
        if calls["n"] == failing_call:
            raise OSError(28, "No space left on device")
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", flaky_replace)
    plan.title = "Changed, but never saved"
    with pytest.raises(OSError):
        store.save(plan, path)
    assert calls["n"] == failing_call
    assert path.read_bytes() == before
    assert store.load(path).title == "Our new day centre"
    assert leftovers(tmp_path) == []


def test_a_failed_write_leaves_the_old_file_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path, plan, before = saved_plan(tmp_path)

    def full_disk(descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    plan.title = "Changed"
    with pytest.raises(OSError):
        store.save(plan, path)
    assert path.read_bytes() == before
    assert leftovers(tmp_path) == []


def test_a_failure_while_making_the_text_leaves_the_old_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, plan, before = saved_plan(tmp_path)

    def broken(*args: Any, **kwargs: Any) -> str:
        raise TypeError("cannot write this")

    monkeypatch.setattr("tomli_w.dumps", broken)  # store imports tomli_w only when it writes
    with pytest.raises(TypeError):
        store.save(plan, path)
    assert path.read_bytes() == before
    assert leftovers(tmp_path) == []


def test_save_into_a_missing_folder_fails_and_makes_nothing(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        store.save(Plan(title="x"), tmp_path / "gone" / "plan.toml")
    assert list(tmp_path.iterdir()) == []


def test_write_text_atomic_without_backup(tmp_path: Path) -> None:
    path = tmp_path / "summary.md"
    store.write_text_atomic(path, "one\n")
    store.write_text_atomic(path, "two\r\n")
    assert path.read_bytes() == b"two\r\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["summary.md"]


# ----- names and places ------------------------------------------------------------------------

HOSTILE_TITLES = [
    "../../etc/passwd",
    "/abs",
    "/",
    "CON",
    "con",
    "con.txt",
    "Con.Toml",
    "LPT1",
    "com9",
    "nul.",
    "a/b",
    "a\\b",
    "",
    "   ",
    "\t\n",
    "x" * 300,
    "😀😀😀",
    "..",
    ".",
    ".hidden",
    "-rf",
    "name\x00with nul",
    "C:\\Windows\\system32",
    "~/x",
    "$HOME",
    'a:b*c?d<e>f|g"h',
    "\u202eevil",
    "ﬁle",
    "ÉCOLE ﬁne",
    "日本語のタイトル" * 20,
]


def assert_safe_name(name: str) -> None:
    stem = name.removesuffix(".toml")
    assert name.endswith(".toml")
    assert len(name) <= 64
    assert stem and not stem.startswith((".", "-"))
    assert not any(ch in name for ch in '/\\:*?"<>|\x00')
    assert not any(ch.isspace() for ch in name)
    assert stem.split(".")[0].lower() not in store._WINDOWS_RESERVED
    assert ".." not in name


@pytest.mark.parametrize("title", HOSTILE_TITLES)
def test_safe_filename_of_hostile_titles(title: str) -> None:
    assert_safe_name(store.safe_filename(title))


@given(title=st.text(max_size=400))
def test_safe_filename_of_any_title(title: str) -> None:
    assert_safe_name(store.safe_filename(title))


def test_safe_filename_examples() -> None:
    assert store.safe_filename("Our new day centre") == "our-new-day-centre.toml"
    assert store.safe_filename("../../etc/passwd") == "etc-passwd.toml"
    assert store.safe_filename("CON") == "con-plan.toml"
    assert store.safe_filename("") == "my-plan.toml"
    assert store.safe_filename("😀") == "my-plan.toml"
    assert store.safe_filename("Café", suffix=".md") == "café.md"


@pytest.mark.parametrize("title", HOSTILE_TITLES)
def test_unique_path_stays_inside_the_folder(tmp_path: Path, title: str) -> None:
    for _ in range(3):
        path = store.unique_path(tmp_path, title)
        assert path.parent == tmp_path
        assert path.resolve().parent == tmp_path.resolve()
        assert not path.exists()
        assert len(path.name) <= 64
        path.write_text("taken", encoding="utf-8")


def test_unique_path_numbers_and_respects_summaries(tmp_path: Path) -> None:
    first = store.unique_path(tmp_path, "Day centre")
    assert first.name == "day-centre.toml"
    first.write_text("x", encoding="utf-8")
    second = store.unique_path(tmp_path, "Day centre")
    assert second.name == "day-centre-2.toml"
    # A summary with that name is someone's file too: do not pick a plan that would overwrite it.
    (tmp_path / "day-centre-2.md").write_text("notes", encoding="utf-8")
    assert store.unique_path(tmp_path, "Day centre").name == "day-centre-3.toml"


def test_unique_path_skips_a_dangling_link(tmp_path: Path) -> None:
    (tmp_path / "x.toml").symlink_to(tmp_path / "missing" / "target.toml")
    assert store.unique_path(tmp_path, "x").name == "x-2.toml"


def test_summary_path_sits_beside_the_plan(tmp_path: Path) -> None:
    assert store.summary_path(tmp_path / "day.toml") == tmp_path / "day.md"


def test_list_plans_shows_unreadable_files_too(tmp_path: Path) -> None:
    store.save(Plan(title="Good one"), tmp_path / "good.toml")
    (tmp_path / "broken.toml").write_bytes(b"\xff\xfe")
    (tmp_path / "notes.txt").write_text("not a plan", encoding="utf-8")
    found = {info.path.name: info for info in store.list_plans(tmp_path)}
    assert set(found) == {"good.toml", "broken.toml"}
    assert found["good.toml"].readable and found["good.toml"].title == "Good one"
    assert not found["broken.toml"].readable
    assert store.list_plans(tmp_path / "missing") == []


def test_one_deeply_nested_file_never_breaks_the_list_of_plans(tmp_path: Path) -> None:
    store.save(Plan(title="Good one"), tmp_path / "good.toml")
    (tmp_path / "deep.toml").write_text("x = " + "[" * 600 + "]" * 600 + "\n", encoding="utf-8")
    (tmp_path / "deep-key.toml").write_text("[" + ".".join(["k"] * 260) + "]\n", encoding="utf-8")
    found = {info.path.name: info.readable for info in store.list_plans(tmp_path)}
    assert found == {"good.toml": True, "deep.toml": False, "deep-key.toml": False}


def test_a_plan_nested_as_deep_as_allowed_still_opens_and_saves(tmp_path: Path) -> None:
    # A table kept from a newer backmap may nest; up to the limit it is read and written back.
    inner = "{a = " * (store.MAX_DEPTH - 1) + "1" + "}" * (store.MAX_DEPTH - 1)
    plan = store.loads(f'title = "Kept"\nkept = {inner}\n')
    store.save(plan, tmp_path / "kept.toml")
    assert store.load(tmp_path / "kept.toml").extra == plan.extra


# ----- mending ---------------------------------------------------------------------------------

MENDABLE = """\
schema_version = 1
title = "Needs mending"
created = 2026-11-26T10:00:00Z
updated = 2026-11-26T10:00:00Z
last_ids = { o = 3, a = 1 }
colour = "green"

[[outcomes]]
id = "o1"
part = "project"
text = "first"

[[outcomes]]
id = "o1"
part = "coproduction"
text = "second, same id"

[[activities]]
id = "a1"
part = "project"
kind = "meeting"
text = "meet"
outcomes = ["o1", "o9", "gone"]
room = 4

[[activities]]
id = "o1"
part = "coproduction"
text = "shares an id with an outcome"
outcomes = ["o1"]
"""


def test_mend_saves_a_copy_beside_and_leaves_the_plan_alone(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(MENDABLE, encoding="utf-8")
    with pytest.raises(store.PlanError) as caught:
        store.load(path)
    assert caught.value.reason == "mendable"

    mended = store.mend(path)
    assert mended == tmp_path / "plan.mended.toml"
    assert path.read_text(encoding="utf-8") == MENDABLE
    plan = store.load(mended)
    assert [o.text for o in plan.outcomes] == ["first", "second, same id"]
    ids = [o.id for o in plan.outcomes] + [a.id for a in plan.activities]
    assert len(ids) == len(set(ids))
    # The repeated ids are fresh: beyond every id the file ever used.
    assert ids[0] == "o1" and ids[2] == "a1"
    assert ids[1] not in {"o1", "o2", "o3"}
    assert ids[3] not in {"a1", "o1"}
    assert plan.activity("a1").outcomes == ["o1"]
    assert plan.extra == {"colour": "green"}
    assert plan.activity("a1").extra == {"room": 4}
    # New ids made after mending never clash either.
    assert plan.add_outcome("project").id not in ids
    assert plan.add_activity("project").id not in ids


def test_mend_only_dangling_links(tmp_path: Path) -> None:
    path = tmp_path / "links.toml"
    plan = store.load(EXAMPLE)
    plan.activity("a3").outcomes.append("o77")
    path.write_text(store.dumps(plan), encoding="utf-8")
    with pytest.raises(store.PlanError):
        store.load(path)
    mended = store.load(store.mend(path))
    assert mended == store.load(EXAMPLE)


def test_mend_never_writes_over_a_file(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(MENDABLE, encoding="utf-8")
    (tmp_path / "plan.mended.toml").write_text("mine", encoding="utf-8")
    assert store.mend(path).name == "plan.mended-2.toml"
    assert store.mend(path).name == "plan.mended-3.toml"
    assert (tmp_path / "plan.mended.toml").read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b'[[outcomes]]\nid = "o1"\ntext = "no part"\n', "unreadable"),
        (b'schema_version = 3\n[[outcomes]]\nid = "o1"\nid2 = "x"\n', "newer"),
        (b"not toml at all", "unreadable"),
        (b"\xff\xfe\x00", "unreadable"),
        (b"", "unreadable"),
    ],
    ids=["missing-part", "newer", "not-toml", "not-utf8", "empty"],
)
def test_mend_refuses_what_it_cannot_mend(tmp_path: Path, raw: bytes, reason: str) -> None:
    path = tmp_path / "plan.toml"
    path.write_bytes(raw)
    with pytest.raises(store.PlanError) as caught:
        store.mend(path)
    assert caught.value.reason == reason
    assert_plain(caught.value, path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.toml"]
    assert path.read_bytes() == raw


def test_mend_refuses_a_link_to_another_folder(tmp_path: Path) -> None:
    (tmp_path / "elsewhere").mkdir()
    real = tmp_path / "elsewhere" / "real.toml"
    real.write_text(MENDABLE, encoding="utf-8")
    (tmp_path / "plans").mkdir()
    link = tmp_path / "plans" / "link.toml"
    link.symlink_to(real)
    with pytest.raises(store.PlanError):
        store.mend(link)
    assert sorted(p.name for p in (tmp_path / "plans").iterdir()) == ["link.toml"]
    assert sorted(p.name for p in (tmp_path / "elsewhere").iterdir()) == ["real.toml"]


def test_mend_that_cannot_write_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(MENDABLE, encoding="utf-8")

    def no_room(source: Any, target: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", no_room)
    with pytest.raises(OSError):
        store.mend(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.toml"]


def test_mend_a_good_plan_makes_an_equal_copy(tmp_path: Path) -> None:
    path = tmp_path / "day.toml"
    path.write_bytes(EXAMPLE.read_bytes())
    assert store.load(store.mend(path)) == store.load(EXAMPLE)


# ----- the format document -------------------------------------------------------------------

FORMAT_DOC = Path(__file__).resolve().parent.parent / "docs" / "plan-format.md"


def test_the_example_in_the_format_document_is_a_whole_plan() -> None:
    from backmap.core import checks

    doc = FORMAT_DOC.read_text(encoding="utf-8")
    block = doc.split("```toml\n", 1)[1].split("```", 1)[0]
    plan = store.loads(block, "docs/plan-format.md")
    assert checks.run(plan) == []
    assert plan.assumptions and plan.people and plan.last_ids == {"o": 2, "a": 2}


def test_the_format_document_names_every_key_backmap_writes() -> None:
    doc = FORMAT_DOC.read_text(encoding="utf-8")
    plan = store.load(EXAMPLE)
    plan.assumptions = ["x"]
    data = store.to_dict(plan)
    keys = set(data) | set(data["last_ids"]) | set(data["impact"])
    for table in ("people", "outcomes", "activities"):
        keys |= set(data[table][0])
    for key in keys:
        assert any(f"`{form}`" in doc for form in (key, f"[{key}]", f"[[{key}]]")), key


def test_every_problem_in_errors_toml_is_used() -> None:
    """No dead words: each problem in content/errors.toml is asked for by the code."""
    from backmap import content

    # Every module of backmap: since the layers moved into folders, session and cli ask too.
    package = Path(store.__file__).parent.parent
    source = "\n".join(p.read_text(encoding="utf-8") for p in package.rglob("*.py"))
    unused = [
        f"{section}.{key}"
        for section, words in content.load("errors").items()
        for key in words
        if f'"{key}"' not in source and f"'{key}'" not in source
    ]
    assert not unused, unused
