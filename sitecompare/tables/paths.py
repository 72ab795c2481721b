"""Which paths are site tables, and where a table's sidecar is: what ``load_study`` asks of
every ``--sites`` path, kept apart from the readers so that a folder of profiles is told apart
without importing them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..profiles import PROFILE_SUFFIXES

__all__ = ["TABLE_SUFFIXES", "is_table", "sidecar_path"]

TABLE_SUFFIXES = (".csv", ".xlsx", ".parquet")


def is_table(path: str | Path) -> bool:
    """True for a ``.csv``/``.xlsx``/``.parquet`` file, or a folder of Parquet files without
    site profiles (a Parquet dataset)."""
    p = Path(path)
    if p.suffix.lower() in TABLE_SUFFIXES and not p.is_dir():
        return True
    if p.is_dir():
        try:
            names = [f for f in p.iterdir() if not f.name.startswith(".")]
        except OSError:
            return False
        if any(f.suffix.lower() in PROFILE_SUFFIXES for f in names if f.is_file()):
            return False
        return any(True for _ in _parquet_files(p))
    return False


def _parquet_files(folder: Path) -> Iterator[Path]:
    for f in sorted(folder.rglob("*.parquet")):
        if not any(part.startswith((".", "_")) for part in f.relative_to(folder).parts):
            yield f


def sidecar_path(path: str | Path) -> Path:
    """``grid.csv`` -> ``grid.meta.yaml``; a dataset folder ``grid/`` -> ``grid.meta.yaml``."""
    p = Path(path)
    if p.is_dir() or p.suffix.lower() not in TABLE_SUFFIXES:
        return p.parent / f"{p.name}.meta.yaml"
    return p.with_suffix(".meta.yaml")
