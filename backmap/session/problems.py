"""What went wrong with a file, in words a person can act on."""

from __future__ import annotations

import errno

from backmap import content

_PROBLEMS = {
    errno.ENOSPC: "disk_full",
    errno.EDQUOT: "disk_full",
    errno.EACCES: "no_permission",
    errno.EPERM: "no_permission",
    errno.EROFS: "read_only_disk",
    errno.ENOENT: "folder_gone",
    errno.EFBIG: "file_size_limit",
}


def plain_problem(error: OSError | UnicodeError) -> str:
    """What went wrong, in words a person can act on."""
    if isinstance(error, OSError) and error.errno in _PROBLEMS:
        return content.word("safety", _PROBLEMS[error.errno])
    if isinstance(error, UnicodeError):
        # Its own text is for programmers: "'utf-8' codec can't encode character ..."
        return content.problem("save", "letters")
    reason = getattr(error, "strerror", None) or str(error)
    return content.problem("save", "computer_said", reason=reason)
