"""Pausing Python's cycle collector around big pieces of work that make no cycles.

Writing a summary makes hundreds of thousands of small strings and lists. Each time
enough have been made, Python looks through every object for cycles, the whole plan
included, so a plan ten times as big took more than ten times as long to save
(see bench/). The strings are freed as usual while the collector rests.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def paused_gc(function: Callable[P, R]) -> Callable[P, R]:
    """Run the function with the cycle collector paused (if it was running)."""

    @functools.wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        if not gc.isenabled():
            return function(*args, **kwargs)
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            gc.enable()

    return wrapper
