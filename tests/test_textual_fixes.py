"""The workaround for Textual keeping every widget's drawn lines alive (backmap/textual_fixes.py)."""

from __future__ import annotations

import gc
import weakref

from textual._styles_cache import StylesCache
from textual.color import Color

from backmap import textual_fixes


def test_after_the_fix_a_styles_cache_is_not_kept_alive() -> None:
    textual_fixes.apply()
    cache = StylesCache()
    inner, outer = cache.get_inner_outer(Color(10, 20, 30), Color(40, 50, 60, 0.5))
    assert inner.background == Color(10, 20, 30) + Color(40, 50, 60, 0.5)
    assert outer.background == Color(10, 20, 30)
    gone = weakref.ref(cache)
    del cache
    gc.collect()
    assert gone() is None


def test_the_fix_is_applied_once_and_can_be_applied_again() -> None:
    textual_fixes.apply()
    textual_fixes.apply()
    assert not hasattr(StylesCache.__dict__["get_inner_outer"], "cache_info")
