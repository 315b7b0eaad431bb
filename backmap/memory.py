"""Keeping memory low on an old laptop, where the app runs for a whole session.

Each step and each Add box is a new screen. A screen that is gone is a knot of objects
that point at each other, so Python frees it only in a full collection, which it runs
rarely; until then the old screens pile up (about 2 MiB over an interview, see
bench/README.md). A full collection looks at every object, the whole of Textual
included, and took about 40 ms. So the objects made while starting (modules, classes,
templates, the welcome screen), which live as long as the app, are set aside once, and
a full collection after a screen goes then looks only at what the steps made.
"""

from __future__ import annotations

import gc


def set_aside_start_up() -> None:
    """Keep everything alive now out of later collections; it lives as long as the app.

    Collect first, so no garbage is set aside with it (set aside, it would never go).
    """
    gc.collect()
    gc.freeze()


def collect() -> None:
    """Free the screens that are gone (and anything else only they pointed at)."""
    gc.collect()


def give_back() -> None:
    """The app is ending: what was set aside can be collected again, as usual."""
    gc.unfreeze()
