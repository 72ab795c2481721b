"""Opening an input file, written once: only a regular file is opened, and a size limit holds.

A name on the command line or in a folder may be a folder, a named pipe (opening it would
wait for a writer), a device (reading it may never end) or a broken link; and it may be
swapped for one of those between the check and the open. :func:`open_regular` checks the kind
before opening, opens without blocking, and checks again through the open descriptor.
:func:`read_regular` adds the size limit (checked before reading, and again on what was read,
in case the file grew). Callers word the problems in their own terms (a profile, a criteria
file, a workbook).

Kept light (the standard library only): the commands check the files they are given before
anything heavy is imported.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

__all__ = [
    "MAX_PROFILE_BYTES",
    "MAX_WORKBOOK_BYTES",
    "NotRegularFile",
    "UnreadableFile",
    "not_regular",
    "os_problem",
    "file_problem",
    "open_regular",
    "read_regular",
]

# The two limits differ because the files do. A profile or criteria file is text written by
# hand (a large one is a few kB), read whole and parsed as YAML, thousands per study: 2 MB is
# far beyond any real one and keeps a mistaken file from stalling the parser. A comparison
# workbook is a zip read part by part (its members are streamed, their sizes checked): one of
# 1,000 sites is ~2 MB, so its limit is ten times that.
MAX_PROFILE_BYTES = 2_000_000
MAX_WORKBOOK_BYTES = 20 * 1024 * 1024


class NotRegularFile(Exception):
    """The name is a folder, pipe, socket or device (``mode``: its ``st_mode``)."""

    def __init__(self, path: Path, mode: int) -> None:
        super().__init__(f"{path}: not a regular file")
        self.mode = mode


class UnreadableFile(Exception):
    """Why a file cannot be read, in words for an ``Issue`` (``str(exc)``)."""


def not_regular(mode: int) -> str | None:
    """What is wrong with a file of this mode, or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "not a regular file (a folder)"
    return "not a regular file (a device, pipe or socket)"


def os_problem(exc: OSError) -> str:
    """An ``OSError`` as ``cannot read: <reason>``."""
    return f"cannot read: {exc.strerror or exc}"


def file_problem(path: str | Path, *, pattern_hint: bool = False) -> str | None:
    """Why ``path`` cannot be read as an input file, or None, without opening anything but a
    regular file (a named pipe would block, a device never end). ``pattern_hint``: say so when a
    missing name looks like a shell pattern that matched nothing."""
    try:
        problem = not_regular(os.stat(path).st_mode)
    except FileNotFoundError:
        if os.path.islink(path):
            return "broken symbolic link (its target does not exist)"
        if pattern_hint and any(ch in str(path) for ch in "*?["):
            return "file not found (no file matches this pattern, so the shell passed it on as typed)"
        return "file not found"
    except OSError as exc:
        return os_problem(exc)
    return problem


def open_regular(path: str | Path) -> BinaryIO:
    """``path`` opened for reading bytes, only if it is a regular file: checked before opening
    and again through the open descriptor (the name may have been swapped meanwhile).

    Raises FileNotFoundError (missing or a broken link), :class:`NotRegularFile`, or the
    OSError of ``stat`` or ``open``."""
    fd, _ = _open_checked(path)
    try:
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


# O_NONBLOCK: were the name swapped for a pipe after the check, opening it must not wait
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_FLAGS = os.O_RDONLY | _NONBLOCK | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOCTTY", 0)


def _open_checked(path: str | Path) -> tuple[int, os.stat_result]:
    """:func:`open_regular`'s descriptor, and the ``fstat`` it was checked with."""
    mode = os.stat(path).st_mode
    if not stat.S_ISREG(mode):
        raise NotRegularFile(Path(path), mode)
    fd = os.open(path, _FLAGS)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise NotRegularFile(Path(path), st.st_mode)
        if _NONBLOCK:
            os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return fd, st


def _read_up_to(fd: int, n: int) -> bytes:
    """At most ``n`` bytes from ``fd``: fewer only at the end of the file."""
    parts = []
    while n > 0:
        part = os.read(fd, n)
        if not part:
            break
        parts.append(part)
        n -= len(part)
    return parts[0] if len(parts) == 1 else b"".join(parts)


def read_regular(path: str | Path, limit: int) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them.

    Raises :class:`UnreadableFile` saying why not (missing, a broken link, not a regular file,
    too large, an OS error), in the words of :func:`file_problem`."""
    try:
        fd, st = _open_checked(path)
        try:
            size = st.st_size
            if size > limit:
                raise UnreadableFile(f"file too large ({size} bytes; limit {limit})")
            # as much as the file holds (and a byte more, to see it grew), not ``limit + 1``
            # bytes: a read that size allocates a 2 MB buffer for each small profile
            blob = _read_up_to(fd, size + 1)
            if len(blob) > size:  # it grew, or its size is not known (st_size 0): read on
                blob += _read_up_to(fd, limit + 1 - len(blob))
        finally:
            os.close(fd)
    except FileNotFoundError:
        raise UnreadableFile(file_problem(path) or "file not found") from None
    except NotRegularFile as exc:
        raise UnreadableFile(not_regular(exc.mode) or "not a regular file") from None
    except OSError as exc:
        raise UnreadableFile(os_problem(exc)) from exc
    if len(blob) > limit:  # it grew after the check
        raise UnreadableFile(f"file too large (more than {limit} bytes; limit {limit})")
    return blob
