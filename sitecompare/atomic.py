"""Output files written atomically, and an honest account of them when a run is interrupted.

Every file the tool writes (the workbook, a criteria file edited by ``--into``) goes through
:func:`write_atomic`: the bytes are complete in memory before anything touches the disk, then
they go to a temporary file in the target's folder, are flushed to disk and moved over the
target with ``os.replace``. The temporary file's name carries the writer's process id
(``.NAME.<pid>.<random>.tmp``), so a later run can tell an abandoned one (its writer is gone,
e.g. killed with SIGKILL, which no handler can catch) from one being written right now, and
removes it.

Interruptions. :func:`install_handlers` makes SIGINT, SIGTERM and SIGHUP unwind like Ctrl-C
(``KeyboardInterrupt``), except inside the **commit** of a file (from creating the temporary
file to recording the replaced target): there a signal is held, the commit either stops
cleanly before ``os.replace`` (temporary file removed, target untouched) or completes, and the
interruption is raised right after. So at every moment the target is either the old file or
the complete new one, no temporary file is left, and :func:`interrupted_message` says which
files were written before the run stopped.

Fault injection for tests: with ``SITECOMPARE_FAULT_AT=POINT:SIGNAME`` in the environment,
the process sends itself SIGNAME when it reaches :func:`checkpoint` ``POINT`` (the points are
listed in :data:`CHECKPOINTS`). Tests stop a run at chosen points this way instead of guessing
with sleeps.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import signal
import stat
from collections.abc import Iterator
from pathlib import Path

from .errors import Issue, SiteCompareError, display_path

__all__ = [
    "CHECKPOINTS",
    "checkpoint",
    "install_handlers",
    "interrupted_message",
    "written_files",
    "write_atomic",
    "os_error_text",
]

#: where a run can be stopped by ``SITECOMPARE_FAULT_AT`` (in the order a run reaches them)
CHECKPOINTS = (
    "loaded",  # the study is loaded and checked
    "built",  # the output is complete in memory; nothing touched yet
    "temp-created",  # inside the commit: the temporary file exists, still empty
    "temp-written",  # inside the commit: the temporary file is complete and flushed
    "replaced",  # inside the commit: the target has been replaced
    "saved",  # the commit is over
    "done",  # the command printed its last line
)

SIGNALS = ("SIGINT", "SIGTERM", "SIGHUP")

_written: list[str] = []  # files this process replaced or created, as shown to the user
_depth = 0  # > 0 inside a commit
_held: int | None = None  # a signal that arrived during a commit


class _Interrupted(KeyboardInterrupt):
    """A signal turned into an interruption (SIGTERM, SIGHUP, or SIGINT)."""


def _handler(signum: int, frame: object) -> None:
    global _held
    if _depth > 0:
        _held = signum
        return
    raise _Interrupted


def install_handlers() -> None:
    """SIGINT, SIGTERM and SIGHUP unwind like Ctrl-C, held during a commit (module docstring)."""
    for name in SIGNALS:
        sig = getattr(signal, name, None)
        if sig is not None:
            with contextlib.suppress(ValueError, OSError):  # not the main thread: leave as is
                signal.signal(sig, _handler)


def written_files() -> tuple[str, ...]:
    """The files this process has committed so far (for the interruption message)."""
    return tuple(_written)


def interrupted_message() -> str:
    """The one line an interrupted command prints: what it had written, if anything."""
    if not _written:
        return "sitecompare: interrupted; nothing was written"
    files = ", ".join(_written)
    return f"sitecompare: interrupted after writing {files} (complete); nothing else was written"


def checkpoint(point: str) -> None:
    """Send this process the signal ``SITECOMPARE_FAULT_AT`` names when it names ``point``."""
    spec = os.environ.get("SITECOMPARE_FAULT_AT")
    if not spec:
        return
    where, _, signame = spec.partition(":")
    if where == point:
        os.kill(os.getpid(), getattr(signal, signame or "SIGTERM"))


@contextlib.contextmanager
def _commit() -> Iterator[None]:
    global _depth, _held
    _depth += 1
    try:
        yield
    finally:
        _depth -= 1
        held = _held if _depth == 0 else None
        if _depth == 0:
            _held = None  # a commit that failed drops the signal with its own error
    if held is not None:
        raise _Interrupted


def _stop_if_held() -> None:
    """Inside a commit, before the point of no return: a held signal stops it cleanly."""
    global _held
    if _held is not None:
        _held = None
        raise _Interrupted


def os_error_text(exc: BaseException) -> str:
    """An OS error (or lxml's report of one) as a short cause a user can act on."""
    code = getattr(exc, "errno", None)
    text = str(exc)
    if code == errno.EFBIG or "EFBIG" in text:
        return "the file is larger than this process may write (file-size limit, ulimit -f) (EFBIG)"
    if code == errno.ENOSPC or "ENOSPC" in text:
        return "no space left on the device (ENOSPC)"
    if code == errno.EDQUOT or "EDQUOT" in text:
        return "disk quota exceeded (EDQUOT)"
    if isinstance(exc, OSError):
        return exc.strerror or text
    return text


_TMP_RE = re.compile(r"\.(?P<pid>\d+)\.[^.]+\.tmp$")


def _sweep_abandoned(folder: Path, name: str) -> None:
    """Remove ``.NAME.<pid>.*.tmp`` files whose writing process no longer exists."""
    prefix = f".{name}."
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if not entry.name.startswith(prefix):
                continue
            m = _TMP_RE.search(entry.name[len(prefix) - 1 :])
            if m is None or not entry.is_file(follow_symlinks=False):
                continue
            pid = int(m["pid"])
            if pid == os.getpid() or _alive(pid):
                continue
            with contextlib.suppress(OSError):
                os.unlink(entry.path)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, owned by someone else
        return True
    return True


def _umask() -> int:
    """The process umask, read without changing it (os.umask would, briefly, for all threads)."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    return 0o022


def write_atomic(path: str | Path, data: bytes, *, what: str = "the file") -> Path:
    """Write ``data`` to ``path`` atomically (module docstring); return the path.

    Missing folders are created (and removed again if the file is not written). Any failure
    raises :class:`SiteCompareError` naming the file and the cause; the target is then as it
    was. A link is followed, so that the file it points to is replaced and the link stays.
    """
    import tempfile  # only a command that writes a file needs it (it imports shutil, random)

    target = Path(path)
    shown = display_path(target)
    if target.is_symlink():
        target = target.resolve()
    folder = target.parent
    created: list[Path] = []
    try:
        p = folder
        while not p.exists():
            created.append(p)
            p = p.parent
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SiteCompareError(
            Issue(shown, "", f"cannot create the folder {folder}: {os_error_text(exc)}")
        ) from exc
    _sweep_abandoned(folder, target.name)
    checkpoint("built")
    tmp: str | None = None
    done = False
    try:
        with _commit():
            fd, tmp = tempfile.mkstemp(
                prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp", dir=folder
            )
            checkpoint("temp-created")
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            mode = 0o666 & ~_umask()
            with contextlib.suppress(OSError):
                mode = stat.S_IMODE(target.stat().st_mode)
            os.chmod(tmp, mode)
            checkpoint("temp-written")
            _stop_if_held()
            os.replace(tmp, target)
            tmp = None
            done = True
            _written.append(shown)
            checkpoint("replaced")
    except OSError as exc:
        hint = " (is it open in a spreadsheet program?)" if isinstance(exc, PermissionError) else ""
        raise SiteCompareError(
            Issue(shown, "", f"cannot write {what}: {os_error_text(exc)}{hint}")
        ) from exc
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        if not done:
            for d in created:  # folders this call made for a file it did not write
                with contextlib.suppress(OSError):
                    d.rmdir()
    checkpoint("saved")
    return Path(path)
