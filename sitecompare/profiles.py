"""Read YAML/TOML input files into plain dicts, safely and with bounded cost.

* files larger than :data:`~sitecompare.files.MAX_PROFILE_BYTES` are refused before parsing;
* binary junk (NUL bytes, invalid UTF-8) is reported, not parsed;
* YAML is parsed with a safe loader that refuses aliases (no "billion laughs"), duplicate keys
  and the YAML 1.1 booleans ``yes/no/on/off`` (so ``country: NO`` stays Norway), and reads
  YAML 1.2 floats such as ``1e3``;
* every failure becomes an :class:`~sitecompare.errors.Issue` naming the file.
"""

from __future__ import annotations

import atexit
import math
import os
import pickle
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import yaml

from .errors import Issue, display_path
from .files import MAX_PROFILE_BYTES, UnreadableFile, read_regular

if TYPE_CHECKING:
    from hashlib import _Hash

__all__ = [
    "RawDoc",
    "AsWritten",
    "read_document",
    "read_blob",
    "document_of",
    "list_profile_files",
    "PROFILE_SUFFIXES",
    "ProfileDumper",
]


def sha256(data: bytes = b"") -> _Hash:
    """hashlib.sha256, imported when first needed (~5 ms that a small study never needs)."""
    import hashlib

    return hashlib.sha256(data)


PROFILE_SUFFIXES = (".yaml", ".yml", ".toml")


@dataclass(frozen=True)
class RawDoc:
    path: Path
    data: dict[str, Any]

    @property
    def name(self) -> str:
        """The document's path as shown to the user (:func:`~sitecompare.errors.display_path`)."""
        return display_path(self.path)


def _alias_error(event: yaml.AliasEvent) -> yaml.constructor.ConstructorError:
    return yaml.constructor.ConstructorError(
        None,
        None,
        f"YAML aliases (*{event.anchor}) are not allowed; write the value out",
        event.start_mark,  # type: ignore[arg-type]  # PyYAML's stub: libyaml's Mark is one too
    )


class AsWritten(float):
    """A number that overflowed to infinity when read (``1e400``), keeping its text as written
    so that messages quote it: ``repr`` is the text, not ``inf``. Only non-finite numbers are
    kept this way; they are always refused."""

    text: str

    def __new__(cls, text: str) -> AsWritten:
        obj = super().__new__(cls, float(text.replace("_", "")))
        obj.text = text
        return obj

    def __repr__(self) -> str:
        return self.text

    __str__ = __repr__


_INFINITY_WORDS = re.compile(r"[-+]?(\.inf|inf|infinity)", re.IGNORECASE)


def _as_written(text: str, value: float) -> float:
    """``value`` (parsed from ``text``), or the text kept when a finite number overflowed."""
    if math.isinf(value) and not _INFINITY_WORDS.fullmatch(text.strip()):
        return AsWritten(text.strip())
    return value


class _StrictConstructor(yaml.constructor.SafeConstructor):
    """SafeConstructor without duplicate keys or merge keys; a float that overflows keeps the
    text as written (:class:`AsWritten`)."""

    def construct_yaml_float(self, node: yaml.ScalarNode) -> float:
        return _as_written(str(node.value), super().construct_yaml_float(node))

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        if not isinstance(node, yaml.MappingNode):
            return super().construct_mapping(node, deep=deep)
        # each key constructed once: checked (no merge key, hashable, not a duplicate) and used
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise yaml.constructor.ConstructorError(
                    None, None, "YAML merge keys (<<) are not allowed", key_node.start_mark
                )
            key = self.construct_object(key_node, deep=True)
            try:
                hash(key)
            except TypeError:
                raise yaml.constructor.ConstructorError(
                    None, None, "a mapping key must be a plain value", key_node.start_mark
                ) from None
            if key in out:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark
                )
            out[key] = self.construct_object(value_node, deep=deep)
        return out


class _StrictLoader(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser,
                    yaml.composer.Composer, _StrictConstructor, yaml.resolver.Resolver):
    """Pure-Python SafeLoader without aliases, without duplicate keys, with YAML 1.2 booleans
    and floats (used when PyYAML was built without libyaml)."""

    def __init__(self, stream: str) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        _StrictConstructor.__init__(self)
        yaml.resolver.Resolver.__init__(self)

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            raise _alias_error(self.peek_event())  # type: ignore[no-untyped-call]  # untyped in PyYAML's stub
        return super().compose_node(parent, index)


_StrictConstructor.add_constructor(  # type: ignore[type-var]  # PyYAML's stub: bound to its own loaders
    "tag:yaml.org,2002:float", _StrictConstructor.construct_yaml_float
)

# YAML 1.2 core-schema booleans only (PyYAML's 1.1 set turns `NO`, `on`, `yes` into booleans).
# Dates stay strings: the validators parse them and name the field of an impossible date
# such as 2021-02-30 (PyYAML's own timestamp constructor raises a bare ValueError there).
_DROPPED_TAGS = ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")
_StrictLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag not in _DROPPED_TAGS]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)
_StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:[0-9][0-9_]*)(?:\.[0-9_]*)?[eE][-+]?[0-9]+$"),
    list("-+0123456789"),
)


class ProfileDumper(yaml.SafeDumper):
    """PyYAML's safe dumper, quoting every text the profile reader would not read back as text:
    PyYAML writes YAML 1.1, where ``1e3`` and ``0E0`` are plain text, but the reader takes them
    as numbers (YAML 1.2), so a name or unit such as ``0E0`` must be written ``'0E0'``."""


ProfileDumper.yaml_implicit_resolvers = {
    k: list(v) for k, v in yaml.SafeDumper.yaml_implicit_resolvers.items()
}
ProfileDumper.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:[0-9][0-9_]*)(?:\.[0-9_]*)?[eE][-+]?[0-9]+$"),
    list("-+0123456789"),
)

class _Loader(Protocol):
    def get_single_data(self) -> Any: ...
    def dispose(self) -> None: ...


def _single_document(loader: _Loader) -> Any:
    """The one document of ``loader`` (what ``yaml.load`` does; its stub admits PyYAML's own
    loaders only, not these strict ones)."""
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


if getattr(yaml, "__with_libyaml__", False):
    # libyaml parses about 30 times faster (1,000 profiles: 0.7 s instead of 21 s). Its
    # composer is C code, so aliases are refused by a first pass over its events (also C),
    # before any node is built; the constructor and resolvers are the strict ones above.

    from yaml._yaml import CParser

    class _StrictCLoader(CParser, _StrictConstructor, yaml.resolver.Resolver):
        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            _StrictConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)

    _StrictCLoader.yaml_implicit_resolvers = _StrictLoader.yaml_implicit_resolvers

    def _load_yaml(text: str) -> Any:
        # an alias needs '*' (and an anchor '&'): without either character there is none, and
        # the check over every event (a third of the load) is skipped
        if "*" in text or "&" in text:
            for event in yaml.parse(text, Loader=yaml.CSafeLoader):
                if isinstance(event, yaml.AliasEvent):
                    raise _alias_error(event)
        return _single_document(_StrictCLoader(text))

else:  # pragma: no cover - PyYAML without libyaml

    def _load_yaml(text: str) -> Any:
        return _single_document(_StrictLoader(text))


class ParseCache:
    """YAML documents already parsed, by the SHA-256 of their bytes, kept between runs.

    PyYAML builds every node in Python: about half the time of loading a large study (10,000
    profiles: ~2.5 s of ~5 s). The parsed document of the same bytes is the same, so it is
    kept in ``$SITECOMPARE_CACHE_DIR`` (default ``$XDG_CACHE_HOME/sitecompare``, else
    ``~/.cache/sitecompare``) as one pickle file, written atomically when a run parsed
    something new. ``SITECOMPARE_NO_CACHE=1`` turns it off. Only documents that parsed
    without error are kept; a file whose bytes change is parsed again (its hash changes). The
    first :attr:`FEW` documents of a run are parsed without it (reading it would take longer).
    The outcome of validating each site profile is kept beside it (:mod:`sitecompare.checked`)."""

    FILE = "parsed-yaml-v1.pickle"
    MAX_ENTRIES = 100_000
    # the documents a run parses before it reads the cache: a few parse faster than the file
    # of a large study's documents is read (a criteria file alone: 1 ms against 100 ms)
    FEW = 16

    def __init__(self) -> None:
        self._docs: dict[bytes, Any] | None = None
        self._new = 0
        self._asked = 0
        self.enabled = not os.environ.get("SITECOMPARE_NO_CACHE")

    @staticmethod
    def folder() -> Path:
        """The cache's folder: ``$SITECOMPARE_CACHE_DIR``, else ``sitecompare`` in
        ``$XDG_CACHE_HOME`` (``~/.cache``)."""
        env = os.environ.get("SITECOMPARE_CACHE_DIR")
        if env:
            return Path(env)
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        return Path(base) / "sitecompare"

    def _all(self) -> dict[bytes, Any]:
        if self._docs is None:
            self._docs = {}
            try:
                with open(self.folder() / self.FILE, "rb") as fh:
                    loaded = pickle.load(fh)  # noqa: S301 - the user's own cache folder
                if isinstance(loaded, dict):
                    self._docs = loaded
            except Exception:  # noqa: BLE001 - a missing or unreadable cache is an empty one
                self._docs = {}
        return self._docs

    def load(self, blob: bytes, text: str, *, shared: bool = False) -> Any:
        """The YAML document of ``text`` (``blob`` its bytes), parsed or from the cache.
        ``shared``: the caller only reads the document, so the cache's own may be returned
        (else a copy the caller may change)."""
        self._asked += 1
        if not self.enabled or len(blob) < 64 or (self._docs is None and self._asked <= self.FEW):
            return _load_yaml(text)
        key = sha256(blob).digest()
        docs = self._all()
        if key in docs:
            return docs[key] if shared else _fresh(docs[key])
        data = _load_yaml(text)  # raises on bad YAML: nothing is kept
        docs[key] = data
        self._new += 1
        return data if shared else _fresh(data)

    def forget(self) -> None:
        """Let go of the documents read or parsed (read again from the file when next asked)."""
        self._docs = None
        self._new = 0

    def save(self) -> None:
        """Write the cache if this run parsed something new (atomically; errors ignored)."""
        if not self.enabled or not self._new or self._docs is None:
            return
        if write_cache_file(self.FILE, newest(self._docs, self.MAX_ENTRIES)):
            self._new = 0


def newest(entries: dict[Any, Any], most: int) -> dict[Any, Any]:
    """The ``most`` newest of a cache's ``entries`` (dicts keep insertion order)."""
    if len(entries) <= most:
        return entries
    return dict(list(entries.items())[-most:])


def write_cache_file(name: str, obj: Any) -> bool:
    """Pickle ``obj`` to the file ``name`` of :meth:`ParseCache.folder`, atomically (written
    beside it, then renamed over it). False when it could not be written (errors ignored: a
    cache is never worth failing a run)."""
    try:
        folder = ParseCache.folder()
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".{name}.{os.getpid()}.tmp"
        try:
            with open(tmp, "wb") as fh:
                pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, folder / name)
        finally:
            if tmp.exists():
                tmp.unlink()
    except Exception:  # noqa: BLE001 - OSError, or an object that does not pickle
        return False
    return True


def _fresh(data: Any) -> Any:
    """A copy a caller may change without changing the cache: mappings and lists rebuilt,
    scalars (immutable) shared."""
    if isinstance(data, dict):
        return {k: _fresh(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_fresh(v) for v in data]
    return data


PARSED = ParseCache()
# at exit, the documents are let go first: freed by reference counting rather than walked by
# each of the interpreter's last collections (see matrix._let_go)
atexit.register(PARSED.forget)


def _decode(name: str, blob: bytes) -> tuple[str | None, Issue | None]:
    if b"\x00" in blob:
        return None, Issue(name, "", f"not a text file (NUL byte at offset {blob.index(0)})")
    try:
        text = blob.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, Issue(name, "", f"not UTF-8 text (invalid byte at offset {exc.start})")
    bad = re.search(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]", text)
    if bad:
        return None, Issue(name, "", f"not a text file (control character {bad.group()!r})")
    return text, None


def read_document(path: str | Path) -> tuple[RawDoc | None, list[Issue]]:
    """Read one YAML or TOML file. Returns the document or the issues that stop it."""
    p = Path(path)
    name = display_path(p)
    blob, problems = read_blob(p, name)
    if blob is None:
        return None, problems
    return document_of(p, blob, name)


def read_blob(p: Path, name: str) -> tuple[bytes | None, list[Issue]]:
    """The bytes of the input file ``p`` (``name``: its display path), or the issue saying why
    it cannot be read (missing, not a regular file, larger than
    :data:`~sitecompare.files.MAX_PROFILE_BYTES`)."""
    try:
        return read_regular(p, MAX_PROFILE_BYTES), []
    except UnreadableFile as exc:
        return None, [Issue(name, "", str(exc))]


def document_of(
    p: Path, blob: bytes, name: str, *, shared: bool = False
) -> tuple[RawDoc | None, list[Issue]]:
    """:func:`read_document` of the bytes ``blob`` already read from ``p`` (``name``: its
    :func:`~sitecompare.errors.display_path`). ``shared``: the caller only reads the document
    (:meth:`ParseCache.load`)."""
    text, problem = _decode(name, blob)
    if problem:
        return None, [problem]
    assert text is not None
    suffix = p.suffix.lower()
    try:
        if suffix == ".toml":
            import tomllib  # here: most studies are YAML, and the parser takes ~4 ms to import

            try:
                data = tomllib.loads(text, parse_float=lambda t: _as_written(t, float(t)))
            except tomllib.TOMLDecodeError as exc:
                return None, [Issue(name, "", f"TOML syntax error: {exc}")]
        else:
            data = PARSED.load(blob, text, shared=shared)
    except yaml.YAMLError as exc:
        return None, [Issue(name, "", f"YAML syntax error: {_yaml_message(exc)}")]
    except RecursionError:
        return None, [Issue(name, "", "document nested too deeply")]
    if data is None:
        return None, [Issue(name, "", "file is empty")]
    if not isinstance(data, dict):
        kind = type(data).__name__
        return None, [Issue(name, "", f"expected a mapping of keys at the top level, got {kind}")]
    return RawDoc(p, data), []


def _yaml_message(exc: yaml.YAMLError) -> str:
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    if mark is not None:
        return f"{problem} (line {mark.line + 1}, column {mark.column + 1})"
    return str(problem)


def _name_order(f: Path) -> str:
    """The order of paths of one folder (``Path``'s own, by name, without the case on Windows)
    as a key: comparing 10,000 ``Path`` objects takes a tenth of a second."""
    return os.path.normcase(f.name)


def list_profile_files(directory: str | Path) -> tuple[list[Path], list[Issue]]:
    """The site profile files of a folder (non-recursive, hidden files ignored), sorted."""
    d = Path(directory)
    name = display_path(d)
    if not d.exists():
        return [], [Issue(name, "", "sites folder not found")]
    if not d.is_dir():
        return [], [Issue(name, "", "not a folder (expected a folder of site profiles)")]
    # every visible *.yaml/*.yml/*.toml entry is a profile: one that is not a readable
    # regular file (a broken link, a folder, a device) is reported by read_document, never
    # skipped silently
    files = sorted(
        (f for f in d.iterdir() if f.suffix.lower() in PROFILE_SUFFIXES and not f.name.startswith(".")),
        key=_name_order,
    )
    if not files:
        return [], [Issue(name, "", "no site profiles (*.yaml, *.yml, *.toml) in this folder")]
    return files, []
