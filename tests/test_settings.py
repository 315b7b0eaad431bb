"""Settings survive a restart, and a bad settings file never stops the app."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from backmap.session import settings
from backmap.session.settings import DEFAULTS, config_dir, load_settings, save_settings, settings_path


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty config folder of our own."""
    target = tmp_path / "config"
    monkeypatch.setenv("BACKMAP_CONFIG_DIR", str(target))
    return target


def test_defaults_when_there_is_no_file(folder: Path) -> None:
    assert load_settings() == DEFAULTS
    assert not folder.exists()


def test_save_then_load(folder: Path) -> None:
    assert save_settings({"theme": "backmap-high-contrast"})
    assert settings_path() == folder / "settings.toml"
    assert load_settings()["theme"] == "backmap-high-contrast"
    assert 'theme = "backmap-high-contrast"' in settings_path().read_text(encoding="utf-8")
    assert [path.name for path in folder.iterdir()] == ["settings.toml"]


def test_save_keeps_other_settings(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(settings, "DEFAULTS", {"theme": "backmap-dark", "read_aloud": False})
    assert save_settings({"read_aloud": True})
    assert save_settings({"theme": "backmap-light"})
    assert load_settings() == {"theme": "backmap-light", "read_aloud": True}


def test_load_returns_a_copy(folder: Path) -> None:
    load_settings()["theme"] = "changed"
    assert load_settings() == DEFAULTS
    assert DEFAULTS["theme"] == "backmap-dark"


@pytest.mark.parametrize(
    "content",
    [
        b"theme = ",  # broken TOML
        b"\xff\xfe\x00 not text",  # not UTF-8
        b"theme = 5",  # wrong type
        b"theme = [1, 2]",
        b"[theme]\nname = 'x'",
        b"",
        b"other = 'kept out'",
    ],
)
def test_broken_file_falls_back(folder: Path, content: bytes) -> None:
    folder.mkdir()
    (folder / "settings.toml").write_bytes(content)
    assert load_settings() == DEFAULTS


def test_huge_file_is_ignored(folder: Path) -> None:
    folder.mkdir()
    (folder / "settings.toml").write_text('theme = "backmap-light"\n' + "#" * 100_000, encoding="utf-8")
    assert load_settings() == DEFAULTS


def test_folder_in_place_of_file(folder: Path) -> None:
    (folder / "settings.toml").mkdir(parents=True)
    assert load_settings() == DEFAULTS
    assert save_settings({"theme": "backmap-light"}) is False


def test_broken_file_is_mended_by_a_save(folder: Path) -> None:
    folder.mkdir()
    (folder / "settings.toml").write_text("theme = ", encoding="utf-8")
    assert save_settings({"theme": "backmap-light"})
    assert load_settings()["theme"] == "backmap-light"


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="needs file permissions")
def test_read_only_folder(folder: Path) -> None:
    folder.mkdir()
    folder.chmod(0o500)
    try:
        assert save_settings({"theme": "backmap-light"}) is False
        assert load_settings() == DEFAULTS
    finally:
        folder.chmod(0o700)


def test_where_the_folder_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BACKMAP_CONFIG_DIR", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert config_dir() == tmp_path / "xdg" / "backmap"

    monkeypatch.setenv("XDG_CONFIG_HOME", "relative/path")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert config_dir() == tmp_path / "home" / ".config" / "backmap"

    monkeypatch.delenv("XDG_CONFIG_HOME")
    assert config_dir() == tmp_path / "home" / ".config" / "backmap"

    monkeypatch.setenv("BACKMAP_CONFIG_DIR", str(tmp_path / "mine"))
    assert config_dir() == tmp_path / "mine"
