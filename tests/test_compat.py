"""The workaround for Textual keeping every widget's drawn lines alive (backmap/compat.py)."""

from __future__ import annotations

import gc
import re
import weakref
from pathlib import Path

import pytest
from textual._styles_cache import StylesCache
from textual.color import Color

from backmap import compat
from backmap.session.settings import save_settings
from backmap.themes import DEFAULT, ORDER
from tests.pilot_helpers import SIZE, make_app, svg_text


def test_after_the_fix_a_styles_cache_is_not_kept_alive() -> None:
    compat.apply()
    cache = StylesCache()
    inner, outer = cache.get_inner_outer(Color(10, 20, 30), Color(40, 50, 60, 0.5))
    assert inner.background == Color(10, 20, 30) + Color(40, 50, 60, 0.5)
    assert outer.background == Color(10, 20, 30)
    gone = weakref.ref(cache)
    del cache
    gc.collect()
    assert gone() is None


def test_the_fix_is_applied_once_and_can_be_applied_again() -> None:
    compat.apply()
    compat.apply()
    assert not hasattr(StylesCache.__dict__["get_inner_outer"], "cache_info")


# ----- the theme chosen last time ----------------------------------------------------------


@pytest.mark.parametrize("theme", ORDER)
async def test_an_app_started_in_a_theme_looks_as_one_switched_to_it(
    tmp_path: Path, theme: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Starting in the theme chosen last time looks exactly as switching to it."""
    assert save_settings({"theme": theme})
    started = make_app(tmp_path)
    async with started.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert started.theme == theme and f"-theme-{theme}" in started.classes
        picture = started.export_screenshot()

    assert save_settings({"theme": DEFAULT})
    other = ORDER[(ORDER.index(theme) + 1) % len(ORDER)]
    switched = make_app(tmp_path)
    async with switched.run_test(size=SIZE) as pilot:
        await pilot.pause()
        switched.theme = other  # through a different theme, so the change is a real one
        await pilot.pause()
        switched.theme = theme
        await pilot.pause()
        again = switched.export_screenshot()
        assert svg_text(again) == svg_text(picture)  # readable when they differ
        assert _same_names(again) == _same_names(picture)  # and every colour too


def _same_names(svg: str) -> str:
    """The screenshot with its style names, which hold a hash of the screen, made alike."""
    return re.sub(r"terminal-\d+", "terminal", svg)
