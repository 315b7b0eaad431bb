"""Drafts: the words being typed, kept beside the plan (``PLAN.toml.draft``) every second.

A crash or a closed window then loses a second of typing, not an answer.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from backmap.core import store

DRAFT_FORMAT = 1
# Words over the size of a plan could never be saved in one, so a draft is never bigger.
MAX_DRAFT_BYTES = store.MAX_FILE_BYTES


def read_drafts(path: Path) -> dict[str, str]:
    """Drafts from a draft file; a broken or strange file counts as no drafts.

    Only a regular file of a sane size is read: a pipe would hang, /dev/zero never ends.
    """
    raw = store.read_small_file(path, MAX_DRAFT_BYTES)
    if raw is None:
        return {}
    try:
        data: Any = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError):
        return {}
    answers = data.get("answers") if isinstance(data, dict) else None
    if not isinstance(answers, dict):
        return {}
    return {k: v for k, v in answers.items() if isinstance(k, str) and isinstance(v, str)}
