"""The same words for the same thing: "Word list", and "for co-production"."""

from __future__ import annotations

import re
from pathlib import Path

from backmap import content
from tests.example_plans import EXAMPLE
from tests.pilot_helpers import SIZE, make_app, screen_text

CONTENT = Path(content.__file__).parent


def test_the_parts_are_named_with_for_in_every_content_file() -> None:
    for toml in sorted(CONTENT.glob("*.toml")):
        text = toml.read_text(encoding="utf-8")
        wrong = re.findall(r"\b(?:of|from) (?:co-production|the project)\b|\b(?:of|from) \{part\}", text)
        assert not wrong, f"{toml.name}: {wrong}"


async def test_the_keys_in_help_call_it_the_word_list(tmp_path: Path) -> None:
    plan_file = tmp_path / "day.toml"
    plan_file.write_bytes(EXAMPLE.read_bytes())
    app = make_app(tmp_path, plan_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # carry on: a step of the interview
        await pilot.press("f1")
        await pilot.pause()
        text = screen_text(app)
        for _ in range(10):
            if "Ctrl+L" in text:
                break
            await pilot.press("pagedown")
            text = screen_text(app)
        assert "Ctrl+L: Word list" in text
