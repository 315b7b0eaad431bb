"""Pausing Python's cycle collector around big pieces of work that make no cycles.

Writing a summary makes hundreds of thousands of small strings and lists. Each time
enough have been made, Python looks through every object for cycles, the whole plan
included, so a plan ten times as big took more than ten times as long to save
(see bench/). The strings are freed as usual while the collector rests.
"""

from __future__ import annotations

import functools
import gc
import threading
from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


_guard = threading.Lock()
_pauses = 0  # how many paused functions are running now, on any thread


def paused_gc(function: Callable[P, R]) -> Callable[P, R]:
    """Run the function with the cycle collector paused (if it was running).

    Safe across threads: the summaries thread and the screen may both be in one. The
    collector runs again when the last of them ends, never while one still runs.
    """

    @functools.wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        global _pauses
        with _guard:
            if _pauses == 0 and not gc.isenabled():
                owner = False  # paused by someone else: leave it as it is
            else:
                owner = True
                _pauses += 1
                gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            if owner:
                with _guard:
                    _pauses -= 1
                    if _pauses == 0:
                        gc.enable()

    return wrapper
