"""One open plan: where it lives, and saving it with its summary.

The Textual app and the plain mode both save through this, so a plan and its
summary are always written the same way, and a failed save is reported, not lost.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from backmap import store
from backmap.plan import Plan, now


@dataclass
class SaveResult:
    ok: bool
    when: datetime
    problem: str = ""


@dataclass
class Session:
    folder: Path
    plan: Plan = field(default_factory=Plan)
    path: Path | None = None  # None until the first save gives the plan a file name
    read_only: bool = False
    last_save: SaveResult | None = None

    @classmethod
    def open(cls, path: Path, folder: Path) -> Session:
        """Open a plan file, or start a new plan there when the file is missing."""
        if path.exists() or path.is_symlink():
            return cls(folder=folder, plan=store.load(path), path=path)
        return cls(folder=folder, plan=Plan(), path=path)

    @property
    def summary_path(self) -> Path | None:
        return store.summary_path(self.path) if self.path else None

    def choose_path(self) -> Path:
        """Give a new plan its file, from its title, inside the plans folder."""
        if self.path is None:
            self.folder.mkdir(parents=True, exist_ok=True)
            self.path = store.unique_path(self.folder, self.plan.title)
        return self.path

    def save(self) -> SaveResult:
        """Save the plan and write its summary beside it. Never raises for disk trouble."""
        if self.read_only:
            self.last_save = SaveResult(False, now(), "read only")
            return self.last_save
        from backmap import render

        try:
            path = self.choose_path()
            store.save(self.plan, path)
            store.write_text_atomic(store.summary_path(path), render.markdown(self.plan))
        except OSError as error:
            reason = error.strerror or str(error)
            self.last_save = SaveResult(False, now(), f"The computer said: {reason}.")
            return self.last_save
        self.last_save = SaveResult(True, now())
        return self.last_save
