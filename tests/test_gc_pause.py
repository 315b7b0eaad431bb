"""The cycle collector pause, used by the summaries thread and the screen at once."""

from __future__ import annotations

import gc
import threading

from backmap.core.gc_pause import paused_gc


def test_the_collector_runs_again_only_when_the_last_paused_work_ends() -> None:
    """The first to start may end first: the other must still run with the collector paused."""
    first_inside, let_first_end = threading.Event(), threading.Event()
    second_inside, let_second_end = threading.Event(), threading.Event()
    seen: list[bool] = []

    @paused_gc
    def first() -> None:
        first_inside.set()
        let_first_end.wait(10)

    @paused_gc
    def second() -> None:
        second_inside.set()
        let_second_end.wait(10)
        seen.append(gc.isenabled())

    one, two = threading.Thread(target=first), threading.Thread(target=second)
    one.start()
    assert first_inside.wait(10)
    two.start()
    assert second_inside.wait(10)
    let_first_end.set()
    one.join(10)
    assert not gc.isenabled()  # before: the first to end turned it on under the second
    let_second_end.set()
    two.join(10)
    assert seen == [False]
    assert gc.isenabled()


def test_a_collector_paused_by_someone_else_stays_paused() -> None:
    @paused_gc
    def work() -> bool:
        return gc.isenabled()

    gc.disable()
    try:
        assert work() is False
        assert not gc.isenabled()
    finally:
        gc.enable()
