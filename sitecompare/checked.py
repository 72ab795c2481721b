"""Site profiles already validated, kept between runs beside the parse cache.

Once the parse cache (:class:`~sitecompare.profiles.ParseCache`) holds a large study's
documents, validating them is most of loading it (10,000 profiles: ~2 s of ~3 s). A profile
whose bytes have not changed validates to the same site and the same issues, so for a folder
of at least :attr:`CheckedCache.MIN_PROFILES` profiles the outcome of
:func:`~sitecompare.validate.site_from_doc` for each is kept too, in the parse cache's folder
(``$SITECOMPARE_CACHE_DIR``, see :meth:`ParseCache.folder
<sitecompare.profiles.ParseCache.folder>`), one file per folder of profiles, under:

* the SHA-256 of the file's bytes (as the parse cache) and the file's name: the profile's id
  is checked against its stem, and its suffix chooses YAML or TOML. The path the file is shown
  by (:func:`~sitecompare.errors.display_path`, which depends on the working folder) is the
  site's ``path`` and every issue's file, and is found nowhere else in the outcome (checked
  before it is kept): it is kept out of the cache and put back when the outcome is taken;
* the fingerprint of everything else the outcome depends on (:func:`fingerprint`): today's
  date (a source dated after today is refused), the code of this package (every module and
  the units table, by content), PyYAML (its version, and whether it has libyaml), pint (for a
  unit outside the units table) and Python. A file of another fingerprint is an empty one.

Only profiles that were read and parsed are kept: one that cannot be read or parsed is read
again each run. A file holds the profiles of the run that wrote it (those of files since
removed drop out), and the files of the :attr:`CheckedCache.MAX_FOLDERS` folders used last are
kept. Any problem with a file makes it an empty one, and never changes what a run reports;
``SITECOMPARE_NO_CACHE=1`` turns it off, as it turns off the parse cache.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
import pickle
import sys
from collections.abc import Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import yaml

from .errors import Issue, IssueCollector, display_path
from .model import Site
from .profiles import ParseCache, document_of, read_blob, sha256, write_cache_file
from .validate import site_from_doc

__all__ = ["Checked", "CheckedCache", "check_profile", "check_profiles", "fingerprint"]


@dataclass(frozen=True)
class Checked:
    """What reading and validating one site profile gave: the site (a partial one when the
    profile has problems, see ``site_from_doc``), the issues, and the fact keys the profile
    names when it has problems (so that a criterion is not blamed for a fact only it holds)."""

    site: Site | None
    issues: tuple[Issue, ...]
    facts: tuple[str, ...] = ()


_SITE_FIELDS = tuple(f.name for f in fields(Site))
_PATH = _SITE_FIELDS.index("path")
_Key = tuple[bytes, str]


class CheckedCache:
    """The outcome of validating each profile of one folder, by its bytes and its name, kept
    between runs (the module's docstring says under which keys, and when it is emptied)."""

    PREFIX = "checked-sites-v1-"
    # fewer profiles validate in less time than the file takes to read and write
    MIN_PROFILES = 100
    MAX_FOLDERS = 8

    def __init__(self, directory: Path) -> None:
        where = os.fsencode(os.path.realpath(directory))
        self.file = ParseCache.folder() / f"{self.PREFIX}{sha256(where).hexdigest()[:16]}.pickle"
        self._fingerprint = fingerprint()
        self._kept = self._read()
        self._used: dict[_Key, Any] = {}  # this run's profiles: what the file is written with
        self._new = 0

    @classmethod
    def for_files(cls, files: Sequence[Path]) -> CheckedCache | None:
        """The cache of the folder of ``files`` (the profiles of one folder), or None when
        they are fewer than :attr:`MIN_PROFILES` or ``SITECOMPARE_NO_CACHE`` is set."""
        if not files or len(files) < cls.MIN_PROFILES or os.environ.get("SITECOMPARE_NO_CACHE"):
            return None
        return cls(files[0].parent)

    def _read(self) -> dict[_Key, Any]:
        try:
            with open(self.file, "rb") as fh:
                loaded = pickle.load(fh)  # noqa: S301 - the user's own cache folder
        except Exception:  # noqa: BLE001 - a missing or unreadable file is an empty one
            return {}
        if not isinstance(loaded, dict) or loaded.get("fingerprint") != self._fingerprint:
            return {}
        entries = loaded.get("entries")
        return entries if isinstance(entries, dict) else {}

    @staticmethod
    def key(blob: bytes, path: Path) -> _Key:
        """The key of the profile ``path`` of bytes ``blob``: their SHA-256 and its name."""
        return sha256(blob).digest(), path.name

    def get(self, key: _Key, shown: str) -> Checked | None:
        """The outcome kept for ``key`` (:meth:`key`) of the profile shown as ``shown``
        (``display_path``), or None."""
        kept = self._kept.get(key)
        if kept is None:
            return None
        try:
            state, issues, facts = kept
            site = None
            if state is not None:
                values = list(state)
                values[_PATH] = shown
                site = Site(*values)
            problems = tuple(Issue(shown, field, message) for field, message in issues)
            if not isinstance(facts, tuple):
                return None
        except Exception:  # noqa: BLE001 - an entry that does not fit is not there
            return None
        self._used[key] = kept
        return Checked(site, problems, facts)

    def put(self, key: _Key, shown: str, checked: Checked) -> None:
        """Keep ``checked`` (of the profile shown as ``shown``) under ``key`` (written by
        :meth:`save`), without the path it is shown by: unless that path is found elsewhere
        than the site's ``path`` and the issues' file, when it is not kept."""
        site = checked.site
        if (site is not None and site.path != shown) or any(
            i.file != shown or shown in i.field or shown in i.message for i in checked.issues
        ):
            return
        state = None
        if site is not None:  # its mappings are read-only views, which do not pickle
            state = tuple(
                "" if name == "path" else dict(v) if name in ("sources", "facts") else v
                for name, v in ((name, getattr(site, name)) for name in _SITE_FIELDS)
            )
        issues = tuple((i.field, i.message) for i in checked.issues)
        self._used[key] = (state, issues, checked.facts)
        self._new += 1

    def save(self) -> None:
        """Write the file if this run validated something new (atomically; errors ignored),
        and remove the files of folders not used lately. Not when the day changed during the
        run: what was validated after midnight would be kept under the day before."""
        if not self._new or fingerprint() != self._fingerprint:
            return
        if write_cache_file(self.file.name, {"fingerprint": self._fingerprint, "entries": self._used}):
            self._new = 0
        try:
            files = sorted(
                self.file.parent.glob(f"{self.PREFIX}*.pickle"),
                key=lambda p: p.stat().st_mtime_ns,
                reverse=True,
            )
            for old in files[self.MAX_FOLDERS :]:
                old.unlink()
        except OSError:
            return


def fingerprint() -> bytes:
    """What a profile's validation depends on besides its bytes and its name (the module's
    docstring): the day and the code that validates."""
    h = sha256()
    versions = (
        sys.version,
        yaml.__version__,
        str(getattr(yaml, "__with_libyaml__", False)),
        _today().isoformat(),
        _pint_stamp(),
    )
    h.update("\0".join(versions).encode())
    h.update(_code_digest())
    return h.digest()


def _today() -> dt.date:
    """The day the validators measure "in the future" from (``Checker.date``)."""
    return dt.date.today()


_CODE: list[bytes] = []


def _code_digest() -> bytes:
    """The SHA-256 of this package's modules and units table (by content), once per run."""
    if not _CODE:
        root = Path(__file__).parent
        h = sha256()
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
            for fn in sorted(filenames):
                if fn.endswith((".py", ".json")):
                    path = os.path.join(dirpath, fn)
                    with open(path, "rb") as fh:
                        blob = fh.read()
                    rel = os.path.relpath(path, root).encode()
                    h.update(b"%d:%s\0%d:" % (len(rel), rel, len(blob)))
                    h.update(blob)
        _CODE.append(h.digest())
    return _CODE[0]


def _pint_stamp() -> str:
    """Where pint is installed, and its ``__init__``'s size and time (another pint version
    may read a unit outside the units table otherwise), without importing it."""
    try:
        spec = importlib.util.find_spec("pint")
        origin = spec.origin if spec is not None else None
        if origin is None:
            return "no pint"
        st = os.stat(origin)
    except (ImportError, ValueError, OSError):
        return "no pint"
    return f"{origin}:{st.st_size}:{st.st_mtime_ns}"


def check_profiles(files: Sequence[Path]) -> list[Checked]:
    """:func:`check_profile` of each of ``files`` (the profiles of one folder), through the
    folder's :class:`CheckedCache` when they are many."""
    cache = CheckedCache.for_files(files)
    try:
        return [check_profile(f, cache) for f in files]
    finally:
        if cache is not None:
            cache.save()


def check_profile(path: Path, cache: CheckedCache | None = None) -> Checked:
    """Read and validate the site profile ``path`` (``site_from_doc``, partial), or take the
    outcome ``cache`` kept from an earlier run."""
    name = display_path(path)
    blob, problems = read_blob(path, name)
    if blob is None:
        return Checked(None, tuple(problems))
    key = CheckedCache.key(blob, path) if cache is not None else None  # hashed for a cache only
    if cache is not None and key is not None and (kept := cache.get(key, name)) is not None:
        return kept
    doc, problems = document_of(path, blob, name, shared=True)  # validation only reads it
    if doc is None:
        return Checked(None, tuple(problems))
    col = IssueCollector(path)
    site = site_from_doc(doc, col, partial=True)
    facts = doc.data.get("facts")
    named = tuple(str(k) for k in facts) if col.issues and isinstance(facts, dict) else ()
    checked = Checked(site, tuple(col.issues), named)
    if cache is not None and key is not None:
        cache.put(key, name, checked)
    return checked
