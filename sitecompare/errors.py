"""One exception tree for the whole tool.

Every problem a user can fix is an :class:`Issue` (file, field, message). Loaders collect
all issues from all files and raise one :class:`ValidationError` carrying them, so the CLI can
print one line per problem (``FILE: FIELD: message``) and exit 1.
"""

from __future__ import annotations

import contextlib
import functools
import os
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "Issue",
    "SiteCompareError",
    "ValidationError",
    "UnlocatedError",
    "UnitError",
    "MethodDomainError",
    "NormalizationError",
    "IssueCollector",
    "show_value",
]


@dataclass(frozen=True)
class Issue:
    """One problem in one input: where it is and what is wrong."""

    file: str
    field: str
    message: str

    def __str__(self) -> str:
        if self.field:
            return f"{self.file}: {self.field}: {self.message}"
        return f"{self.file}: {self.message}"


class SiteCompareError(Exception):
    """Base of every error the tool raises on purpose; the CLI turns it into exit code 1."""

    def __init__(self, issues: list[Issue] | Issue | str):
        if isinstance(issues, str):
            issues = [Issue("sitecompare", "", issues)]
        elif isinstance(issues, Issue):
            issues = [issues]
        self.issues: list[Issue] = list(issues)
        super().__init__("\n".join(str(i) for i in self.issues))


class ValidationError(SiteCompareError):
    """Input files (profiles, criteria, judgments, workbooks) hold one or more problems."""


class UnlocatedError(SiteCompareError, ValueError):
    """A problem found below the level of files: a unit, a normalisation, a method's domain.

    ``str(exc)`` is the bare message; the caller that knows the file and field turns it into
    a located :class:`Issue` (``validate`` for units, ``ranking.evaluate_matrix`` for
    methods). One that escapes unlocated still exits 1 (``sitecompare: message``). Also a
    ``ValueError``, as these errors were before they joined the tree, so library code that
    catches ``ValueError`` keeps working.
    """

    def __init__(self, message: str) -> None:
        super().__init__(Issue("sitecompare", "", message))
        self.message = message

    def __str__(self) -> str:
        return self.message


class UnitError(UnlocatedError):
    """A unit that does not parse, or two units that do not convert."""


class MethodDomainError(UnlocatedError):
    """A method cannot rank these values: they lie outside its domain (a product of values
    <= 0, a division by zero inside a scikit-criteria method, fewer sites than it needs)."""


class NormalizationError(MethodDomainError):
    """Values a normalisation cannot handle (e.g. zero or negative values under ``max``);
    ``column`` is the criterion's index in the matrix."""

    def __init__(self, message: str, column: int) -> None:
        super().__init__(message)
        self.column = column


def show_value(value: object, limit: int = 60) -> str:
    """Quote a bad value for a message: short, one line, never a raw control character."""
    text = repr(value)
    text = text.replace("\n", "\\n").replace("\r", "\\r")
    if len(text) > limit:
        text = text[: limit - 3] + "..."
    return text


class IssueCollector:
    """Gathers issues for one file; ``raise_if_any`` raises them all at once."""

    def __init__(self, file: str | Path = "") -> None:
        self.file = display_path(file) if file else ""
        self.issues: list[Issue] = []

    def add(self, field: str, message: str, file: str | Path | None = None) -> None:
        """Record a problem of ``field`` (in ``file``, else the collector's file)."""
        name = display_path(file) if file is not None else self.file
        self.issues.append(Issue(name, field, message))

    def extend(self, issues: list[Issue]) -> None:
        """Record problems found elsewhere."""
        self.issues.extend(issues)

    def __bool__(self) -> bool:
        return bool(self.issues)

    def raise_if_any(self) -> None:
        """Raise one ValidationError listing every problem recorded, if any."""
        if self.issues:
            raise ValidationError(self.issues)


def display_path(path: str | Path) -> str:
    """A path as the user typed it (relative to the working folder), or ``<shipped>/...`` for
    the study shipped inside the package."""
    return _display_path(os.fspath(path), os.getcwd())


@functools.lru_cache(maxsize=65536)
def _display_path(text: str, cwd: str) -> str:
    """:func:`display_path` of ``text`` from the working folder ``cwd``, once per run (a run
    names each file of a large study several times)."""
    head, tail = os.path.split(text)
    if tail in ("", ".", ".."):
        return _display(text, cwd)
    # a file: its folder's display (worked out once per folder) and its own name, so a study
    # of 10,000 profiles resolves one folder, not 10,000 paths
    folder = _display(head or ".", cwd, True)
    if folder == ".":
        return tail
    if folder.startswith("<shipped>"):
        return f"{folder}/{tail}"
    return os.path.join(folder, tail)


@functools.lru_cache(maxsize=65536)
def _display(path: str, cwd: str, folder: bool = False) -> str:
    """:func:`display_path`, once per path and working folder (a run names each file of a
    large study several times). ``folder``: the path is the folder of a file being named, and
    is resolved whole (``sites/`` linking into the package shows as ``<shipped>/sites``)."""
    p = Path(path)
    # resolve the folder, not the file: a profile that is a symbolic link keeps its own name
    whole = folder or p.name in ("", ".", "..")
    full = _resolved(_absolute(p)) if whole else _resolved(_absolute(p.parent)) / p.name
    with contextlib.suppress(ValueError):  # not a shipped file
        return "<shipped>/" + full.relative_to(_resolved(Path(__file__).parent / "data")).as_posix()
    try:
        return str(full.relative_to(_resolved(Path.cwd())))
    except ValueError:
        return str(p)


@functools.lru_cache(maxsize=256)
def _resolved(p: Path) -> Path:
    """Folders resolved once per run (a study of 1,000 profiles names each file several
    times; the folders a run reads do not move under it)."""
    return p.resolve()


def _absolute(p: Path) -> Path:
    return Path(os.path.abspath(p))  # the cache key must not depend on the working folder
