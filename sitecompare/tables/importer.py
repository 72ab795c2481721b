"""One site profile per row of a site table (``sitecompare import TABLE --into DIR``, the
command in :mod:`sitecompare.cli.study`).

Each profile carries the sidecar's sources (those its facts name) and, on every fact, its
column's metadata (unit, source, status, method, scope, note, quote, as_of), so the profiles
validate and rank exactly as the table does. Every row is checked before anything is written;
an existing profile is refused unless ``--force``; each file is written atomically.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from ..atomic import write_atomic
from ..errors import Issue, ValidationError, display_path
from ..model import Fact, Site
from ..profiles import PROFILE_SUFFIXES, ProfileDumper
from . import FIRST_ROW, SiteTable, read_table

__all__ = ["profile_text", "import_table"]


def _scalar(v: Any) -> str:
    if isinstance(v, float) and v.is_integer() and abs(v) < 1e15:
        return str(int(v))
    if isinstance(v, dt.date):
        return v.isoformat()
    return (
        yaml.dump(v, Dumper=ProfileDumper, allow_unicode=True, default_flow_style=True, width=10**6)
        .strip()
        .removesuffix("\n...")
    )


def _flow(d: dict[str, Any]) -> str:
    return "{" + ", ".join(f"{k}: {v if isinstance(v, _Raw) else _scalar(v)}" for k, v in d.items()) + "}"


class _Raw(str):
    """Text written as is (a date with its precision)."""


def _fact_entry(f: Fact, site: Site) -> dict[str, Any]:
    d: dict[str, Any] = {"value": f.value}
    if f.unit:
        d["unit"] = f.unit
    d["source"] = f.source
    src = site.sources[f.source]
    if f.as_of != src.date or f.as_of_precision != src.date_precision:
        d["as_of"] = _Raw(f.as_of_text)
    if f.status != "measured":
        d["status"] = f.status
    for key in ("method", "scope", "note", "quote"):
        v = getattr(f, key)
        if v is not None:
            d[key] = v
    return d


def profile_text(site: Site, origin: str = "") -> str:
    """The YAML profile of ``site`` in the house style (one line per fact)."""
    lines = []
    if origin:
        lines.append(f"# Imported from {origin} by `sitecompare import`.")
    lines += ["format: 1", f"id: {site.id}", f"name: {_scalar(site.name)}"]
    if site.name_local:
        lines.append(f"name_local: {_scalar(site.name_local)}")
    lines.append(f"country: {_scalar(site.country)}")
    if site.region:
        lines.append(f"region: {_scalar(site.region)}")
    if site.coordinates is not None:
        lat, lon = site.coordinates
        lines.append(f"coordinates: {{lat: {_scalar(lat)}, lon: {_scalar(lon)}}}")
    lines += ["", "sources:"]
    for key, s in site.sources.items():
        lines.append(f"  {key}:")
        lines.append(f"    title: {_scalar(s.title)}")
        lines.append(f"    date: {s.date_text}")
        for k in ("url", "publisher", "note"):
            v = getattr(s, k)
            if v is not None:
                lines.append(f"    {k}: {_scalar(v)}")
    lines += ["", "facts:"]
    for key, f in site.facts.items():
        lines.append(f"  {key}: {_flow(_fact_entry(f, site))}")
    return "\n".join(lines) + "\n"


def import_table(
    table: str | Path, into: str | Path, *, sheet: str | None = None, force: bool = False
) -> list[Path]:
    """Write one profile per row of ``table`` into the folder ``into``; return the paths.

    Nothing is written when any row cannot become a valid profile (no country) or, without
    ``force``, when a profile of the same id exists."""
    tbl: SiteTable = read_table(table, sheet=sheet)
    folder = Path(into)
    issues: list[Issue] = []
    if folder.exists() and not folder.is_dir():
        raise ValidationError([Issue(display_path(folder), "", "not a folder (--into takes a folder)")])
    sites = tbl.sites()
    for i, s in enumerate(sites):
        if not s.country:
            issues.append(
                Issue(
                    f"{tbl.path}:{tbl.row_number(i)}:country",
                    "",
                    "a profile needs a country (add a country column, or country: KR in the sidecar)",
                )
            )
        if not s.facts:
            issues.append(Issue(f"{tbl.path}:{tbl.row_number(i)}:id", "", f"{s.id!r} has no facts to import"))
        if not force:
            for suffix in PROFILE_SUFFIXES:
                p = folder / f"{s.id}{suffix}"
                if p.exists():
                    issues.append(Issue(display_path(p), "", "exists; not overwritten (--force replaces it)"))
    if issues:
        raise ValidationError(issues)
    written = []
    for i, s in enumerate(sites):
        origin = f"{tbl.path} row {tbl.row_number(i) if tbl.rows is not None else FIRST_ROW + i}"
        text = profile_text(s, origin)
        written.append(write_atomic(folder / f"{s.id}.yaml", text.encode("utf-8"), what="the profile"))
    return written
