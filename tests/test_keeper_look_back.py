"""Opening a plan on a look-back through the keeper, as the app and plain mode both do: what is on disk."""

from __future__ import annotations

import io
from pathlib import Path

from backmap.core import look_back, store
from backmap.plain_hooks import PlainHooks
from backmap.session.keeper import Keeper
from backmap.session.summaries import SummaryWriter
from tests.look_back_plans import example_with_look_backs


def keeper_for(folder: Path) -> Keeper:
    return Keeper(folder, PlainHooks(io.StringIO(), io.StringIO()), SummaryWriter())


def test_a_new_look_back_is_on_disk_as_soon_as_it_opens(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    store.save(example_with_look_backs(), path)
    keeper = keeper_for(tmp_path)
    keeper.open_look_back(path, store.load(path), "new")
    on_disk = store.load(path)
    assert len(on_disk.checkins) == 3
    assert not on_disk.checkins[-1].finished
    assert keeper.message == look_back.say("new_one")
    keeper.close()


def test_changing_an_earlier_look_back_adds_none_and_says_which(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    store.save(example_with_look_backs(), path)
    before = path.read_text(encoding="utf-8")
    plan = store.load(path)
    earlier = plan.checkins[0]
    keeper = keeper_for(tmp_path)
    keeper.open_look_back(path, plan, earlier.id)
    assert path.read_text(encoding="utf-8") == before
    assert keeper.flow.name == "look-back"
    assert {p.checkin for p in keeper.flow.pages} == {earlier.id}
    assert keeper.message == look_back.opening(plan, earlier.id)[2]
    keeper.close()
