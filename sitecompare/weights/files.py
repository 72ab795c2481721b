"""Checks of an input file's kind before it is opened (kept light: the weights commands use it
before anything heavy is imported)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

__all__ = ["not_regular", "file_problem"]


def not_regular(mode: int) -> str | None:
    """What is wrong with a file of this mode, or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "not a regular file (a folder)"
    return "not a regular file (a device, pipe or socket)"


def file_problem(path: Path, *, pattern_hint: bool = False) -> str | None:
    """Why ``path`` cannot be read as an input file, or None, without opening anything but a
    regular file (a named pipe would block, a device never end). ``pattern_hint``: say so when a
    missing name looks like a shell pattern that matched nothing."""
    try:
        problem = not_regular(os.stat(path).st_mode)
    except FileNotFoundError:
        if path.is_symlink():
            return "broken symbolic link (its target does not exist)"
        if pattern_hint and any(ch in str(path) for ch in "*?["):
            return "file not found (no file matches this pattern, so the shell passed it on as typed)"
        return "file not found"
    except OSError as exc:
        return f"cannot read: {exc.strerror or exc}"
    return problem
