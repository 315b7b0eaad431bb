"""Choices that last between runs, such as the colour theme.

They live in a small TOML file in the person's config folder. A missing,
broken or unreadable file never stops the app: it falls back to the defaults.
No Textual here, so the command line can use it cheaply.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any

import tomli_w

from backmap.core.store import write_text_atomic

FILE_NAME = "settings.toml"
MAX_BYTES = 64 * 1024

DEFAULTS: dict[str, Any] = {
    "theme": "backmap-dark",
}
"""Every setting and its default. A stored value of the wrong type is ignored."""


def config_dir() -> Path:
    """The folder for settings.

    BACKMAP_CONFIG_DIR wins (tests use it); then $XDG_CONFIG_HOME/backmap;
    then ~/.config/backmap.
    """
    chosen = os.environ.get("BACKMAP_CONFIG_DIR", "").strip()
    if chosen:
        return Path(chosen).expanduser()
    xdg = os.environ.get("XDG_CONFIG_HOME", "").strip()
    # The XDG rules say a relative path is invalid and must be ignored.
    if xdg and Path(xdg).is_absolute():
        return Path(xdg) / "backmap"
    return Path.home() / ".config" / "backmap"


def settings_path() -> Path:
    """The settings file."""
    return config_dir() / FILE_NAME


def load_settings() -> dict[str, Any]:
    """The saved settings over the defaults. Never raises for a bad file."""
    settings = dict(DEFAULTS)
    try:
        path = settings_path()
        if path.stat().st_size > MAX_BYTES:
            return settings
        stored = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeError, tomllib.TOMLDecodeError, ValueError, RuntimeError):
        # RuntimeError: Path.home() when there is no home folder.
        return settings
    for key, default in DEFAULTS.items():
        value = stored.get(key)
        if isinstance(value, type(default)):
            settings[key] = value
    return settings


def save_settings(changes: dict[str, Any]) -> bool:
    """Save `changes` over the current settings, all at once.

    Returns False, and changes nothing, when the file cannot be written
    (for example, a read-only folder): losing a setting must not stop the app.
    """
    settings = {**load_settings(), **changes}
    text = tomli_w.dumps(settings)
    try:
        path = settings_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomic(path, text)
    except (OSError, RuntimeError):
        return False
    return True
