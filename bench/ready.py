"""Start an app in the terminal and quit as soon as its first screen is drawn (the start-up row).

Run as ``python -m bench.ready backmap|bare``. backmap has no hook for this, and needs
none: this module is the benchmark's own way in, and it is used the same way for both.

- ``backmap``: ``backmap.cli.main([])``, exactly what the ``backmap`` console script runs,
  with ``backmap.app.BackmapApp`` replaced (in this process only) by a subclass whose
  ``on_mount`` also calls ``self.call_after_refresh(self.exit)``.
- ``bare``: ``bench.bare_app.BareApp`` subclassed in the same way and run.

So both end right after their welcome screen has been drawn. With ``BENCH_READY_REPORT``
set to a file name, each writes there (as JSON) the widgets of the screen it drew, so
the benchmark can check that both drew the same widgets.
"""

from __future__ import annotations

import inspect
import json
import os
import sys

DRAWN = False  # set once the first screen has been drawn


def _report(app) -> None:  # type: ignore[no-untyped-def]
    """The widgets on screen as (class name, id), for the benchmark to compare."""
    where = os.environ.get("BENCH_READY_REPORT")
    if where:
        screen = app.screen
        widgets = [(type(w).__name__, w.id) for w in screen.walk_children()]
        with open(where, "w", encoding="utf-8") as out:
            json.dump({"screen": type(screen).__name__, "widgets": widgets}, out)


def _exit_when_drawn(cls):  # type: ignore[no-untyped-def]
    """``cls`` with an ``on_mount`` that quits once the first screen is drawn."""

    class Ready(cls):  # type: ignore[misc, valid-type]
        # Textual reads a relative CSS_PATH next to the module of the class: keep the app's own.
        CSS_PATH = _css_path(cls)

        # Textual calls the on_mount of every class of the app in turn, so the app's own
        # on_mount runs first, then this one.
        def on_mount(self) -> None:
            self.call_after_refresh(self._drawn)

        def _drawn(self) -> None:
            global DRAWN
            DRAWN = True
            _report(self)
            self.exit()

    Ready.__name__ = Ready.__qualname__ = cls.__name__
    return Ready


def _css_path(cls):  # type: ignore[no-untyped-def]
    path = cls.CSS_PATH
    if path is None or os.path.isabs(str(path)):
        return path
    return os.path.join(os.path.dirname(inspect.getfile(cls)), str(path))


def main(argv: list[str]) -> int:
    which = argv[0] if argv else ""
    if which == "backmap":
        import backmap.app
        from backmap.cli import main as backmap_main

        backmap.app.BackmapApp = _exit_when_drawn(backmap.app.BackmapApp)  # type: ignore[misc]
        code = backmap_main([])
    elif which == "bare":
        from bench.bare_app import BareApp

        _exit_when_drawn(BareApp)().run()
        code = 0
    else:
        raise SystemExit(f"unknown app: {which!r} (backmap or bare)")
    if not DRAWN:
        print(f"bench.ready {which}: the first screen was never drawn", file=sys.stderr)
        return 3
    return code


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
