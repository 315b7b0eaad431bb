"""Shared test settings.

Hypothesis runs 1,000 examples per property in CI (the issue asks for at least
that many) and about 200 locally, so a local run stays quick. No deadline: a
slow shared machine must never turn a correct test red.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    max_examples=1000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "default",
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile("ci" if os.environ.get("CI") else "default")


import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_places(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the real plans folder or settings of whoever runs it."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("BACKMAP_CONFIG_DIR", str(home / "config"))
    monkeypatch.setenv("BACKMAP_DIR", str(home / "plans"))
    monkeypatch.delenv("BACKMAP_SPEAKER", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
