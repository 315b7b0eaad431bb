"""Compiled templates kept on disk, so `backmap render` does not compile them on every run.

Jinja compiles a template to Python on first use: about 25 ms for the summary, more
than a quick `render` may spend (see bench/). This cache keeps the compiled code in
the person's cache folder. It is checked against the template's text, so an edited
template is compiled again, and a cache that cannot be read or written is skipped:
it can never stop a summary being written.
"""

from __future__ import annotations

import contextlib
import os

import jinja2
from jinja2.bccache import Bucket


def cache_dir() -> str:
    """BACKMAP_CACHE_DIR, else $XDG_CACHE_HOME/backmap, else ~/.cache/backmap."""
    chosen = os.environ.get("BACKMAP_CACHE_DIR", "").strip()
    if chosen:
        return os.path.expanduser(chosen)
    xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
    base = xdg if xdg and os.path.isabs(xdg) else os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "backmap")


class QuietBytecodeCache(jinja2.FileSystemBytecodeCache):
    """A file cache of compiled templates whose every failure is silent."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # a broken or unreadable cache file: compile instead
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def bytecode_cache() -> jinja2.BytecodeCache | None:
    """The cache in its own private folder, or None when that folder cannot be made."""
    folder = os.path.join(cache_dir(), "templates")
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
    except OSError:
        return None
    return QuietBytecodeCache(folder, pattern="backmap-%s.cache")
