"""Workarounds for two memory leaks in the pinned Textual (8.2.8), and a quicker start.

1. ``StylesCache.get_inner_outer`` is an instance method under ``functools.lru_cache``,
so the cache keeps up to 1,024 ``StylesCache`` objects alive, each with every line
its widget last drew. backmap makes new widgets for every step and dialog, so each
step kept about 1 MB that never came back: 20 MB more at the end of an interview
(see bench/). Upstream: Textualize/textual issue 6665. This caches the same values
without the instance in the key. It does nothing once Textual is fixed.

2. A widget that watches a value of the app (every TextArea watches the colour theme)
is kept on the app's list of watchers after it is gone, until that value next
changes. Each Add box has a TextArea, so each kept its box's words and drawing.
``forget_gone_watchers`` takes gone widgets off the list, as Textual itself does
when the value changes.

3. ``start_with_theme`` chooses the first colour theme without Textual reading every
style sheet a second time at start-up.
"""

from __future__ import annotations

from functools import lru_cache

from textual._styles_cache import StylesCache
from textual.app import App
from textual.color import Color
from textual.style import Style


@lru_cache(1024)
def _inner_outer(base_background: Color, background: Color) -> tuple[Style, Style]:
    """What StylesCache.get_inner_outer returns, cached by the colours only."""
    return (Style(background=base_background + background), Style(background=base_background))


def _get_inner_outer(self: StylesCache, base_background: Color, background: Color) -> tuple[Style, Style]:
    return _inner_outer(base_background, background)


def apply() -> None:
    """Swap in the cache that keeps no widget alive, if Textual still has the leak."""
    current = StylesCache.__dict__.get("get_inner_outer")
    if hasattr(current, "cache_info") and current.__wrapped__.__code__.co_argcount == 3:
        StylesCache.get_inner_outer = _get_inner_outer  # type: ignore[method-assign]


def forget_gone_watchers(watched: object) -> None:
    """Take widgets that are gone off the lists of what watches ``watched``."""
    for watchers in getattr(watched, "__watchers", {}).values():
        watchers[:] = [(node, callback) for node, callback in watchers if not node._closing]


def start_with_theme(app: App[object], name: str) -> None:
    """Choose the app's first theme before its styles are first read.

    Setting ``app.theme`` in ``__init__`` runs Textual's theme watcher, which reads every
    style sheet again right after the first reading: about 12 ms of start-up (bench/).
    This sets the value without the watcher and does the rest of what the watcher and
    ``App.refresh_css`` do (Textual 8.2.8): the theme's classes, the colour filter and the
    style sheet's colours.
    Later changes (Ctrl+T) go through ``app.theme`` as usual.
    """
    app.set_reactive(App.theme, name)
    theme = app.current_theme
    classes = {old: False for old in app.classes if old.startswith("-theme-")}
    classes[f"-theme-{name}"] = True
    classes["-dark-mode"] = theme.dark
    classes["-light-mode"] = not theme.dark
    app.update_classes(classes, update=False)
    app._refresh_truecolor_filter(app.ansi_theme)
    app.stylesheet.set_variables(app.get_css_variables())  # read once, with this theme's colours
