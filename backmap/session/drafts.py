"""Drafts: the words being typed, kept beside the plan (``PLAN.toml.draft``) every second.

A crash or a closed window then loses a second of typing, not an answer.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

DRAFT_FORMAT = 1


def read_drafts(path: Path) -> dict[str, str]:
    """Drafts from a draft file; a broken or strange file counts as no drafts."""
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    answers = data.get("answers") if isinstance(data, dict) else None
    if not isinstance(answers, dict):
        return {}
    return {k: v for k, v in answers.items() if isinstance(k, str) and isinstance(v, str)}
