"""The impact story read aloud into a sound file (WAV) by espeak-ng, offline.

The same voice and speed as the app's read aloud (session/speech.py). The words go in
on stdin, never as arguments, so no typed word can look like an option. The file is
made in a private temporary file beside the target and renamed over it when whole.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from backmap import content
from backmap.session.speech import VOICE  # the app's read-aloud voice, the same in the sound file

# A safety net for a stuck espeak-ng; a long story takes a few seconds.
HANG = 300


def espeak() -> str | None:
    return shutil.which("espeak-ng")


def write(text: str, target: Path) -> str:
    """Write ``text`` read aloud to ``target``: "" when done, else the problem in plain words."""
    words = content.load("story")["cli"]
    program = espeak()
    if program is None:
        return f"{words['no_espeak']}\n{words['get_espeak']}"
    folder = target.parent if str(target.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)  # 0600
    os.close(handle)
    try:
        done = subprocess.run(
            [program, *VOICE, "-w", temporary, "--stdin"],
            input=text.encode("utf-8"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            timeout=HANG,
            check=False,
        )
        if done.returncode != 0 or os.path.getsize(temporary) == 0:
            reason = done.stderr.decode("utf-8", "replace").strip() or f"exit {done.returncode}"
            return words["audio_failed"].format(reason=reason)
        os.chmod(temporary, 0o600)  # espeak-ng may have made the file again with its own mode
        os.replace(temporary, target)
    except (OSError, subprocess.TimeoutExpired) as error:
        return words["audio_failed"].format(reason=getattr(error, "strerror", None) or error)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return ""
