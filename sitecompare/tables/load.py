"""Reading and checking a whole site table and its sidecar: :func:`read_table` and
:func:`load_table` (see :mod:`sitecompare.tables`)."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np

from ..errors import Issue, ValidationError, display_path
from ..model import Fact
from .checks import MAX_CELL_ISSUES, _Cells, _check_ids, _check_values, _numbers
from .read import RESERVED_COLUMNS, _read_csv, _read_parquet, _read_xlsx
from .sidecar import _read_meta
from .table import SiteTable

__all__ = ["read_table", "load_table"]


def read_table(path: str | Path, *, sheet: str | None = None) -> SiteTable:
    """Read and check a site table and its sidecar; raise one ValidationError with every problem."""
    table, issues = load_table(path, sheet=sheet)
    if issues or table is None:
        raise ValidationError(issues)
    return table


def load_table(path: str | Path, *, sheet: str | None = None) -> tuple[SiteTable | None, list[Issue]]:
    """The table and every problem found (the table is None when there are any)."""
    p = Path(path)
    name = display_path(p)
    issues: list[Issue] = []
    if not p.exists():
        return None, [Issue(name, "", "site table not found")]
    suffix = p.suffix.lower()
    meta_rows = None
    if sheet is not None and suffix != ".xlsx":
        return None, [Issue("--sheet", "", f"only an .xlsx table has sheets ({name} is not one)")]
    try:
        if suffix == ".csv":
            raw = _read_csv(p)
        elif suffix == ".xlsx":
            raw, meta_rows, problems = _read_xlsx(p, sheet)
            if problems:
                return None, problems
        else:
            raw = _read_parquet(p)
    except Exception as exc:  # pyarrow, openpyxl and zipfile errors on a damaged file
        if isinstance(exc, ValidationError):
            raise
        text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return None, [Issue(name, "", f"cannot read the table: {text}")]
    cells = _Cells(name, raw.rows)
    for d in raw.duplicates:
        issues.append(Issue(f"{name}:1:{d}", "", "this column name appears twice in the header"))
    if "id" not in raw.columns:
        issues.append(
            Issue(f"{name}:1:id", "", "no id column (one row per site, its id in a column named id)")
        )
    for c in raw.order:
        if c not in RESERVED_COLUMNS and not re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*", c):
            shown = c if c else "(empty)"
            issues.append(
                Issue(
                    f"{name}:1:{shown}", "", f"column name {c!r} must be a fact key: letters, digits and '_'"
                )
            )
    meta = _read_meta(p, meta_rows, raw.order, issues)
    n = len(next(iter(raw.columns.values()))) if raw.columns else 0
    if n == 0 and "id" in raw.columns:
        issues.append(Issue(name, "", "no rows of sites below the header"))
    ids = _check_ids(cells, raw.columns["id"]) if "id" in raw.columns else None
    values: dict[str, np.ndarray] = {}
    facts: dict[str, Fact] = {}
    for c in raw.order:
        if c in RESERVED_COLUMNS or c not in (meta.facts if meta else {}):
            continue
        v, empty, as_text = _numbers(raw.columns[c])
        t = meta.facts[c] if meta else None
        _check_values(cells, c, v, empty, as_text, t.unit if t else "")
        v = np.where(empty, np.nan, v) if empty.any() else v
        values[c] = v
        if t is not None:
            facts[c] = t
    lat = lon = None
    for key, lim in (("lat", 90.0), ("lon", 180.0)):
        if key not in raw.columns:
            continue
        v, empty, as_text = _numbers(raw.columns[key])
        bad = _check_values(cells, key, v, empty, as_text, "")
        with np.errstate(invalid="ignore"):
            out = ~bad & ~empty & (np.abs(v) > lim)
        cells.add(np.flatnonzero(out), key, lambda i, v=v, lim=lim: f"{v[i]:g} is outside -{lim:g}..{lim:g}")
        arr = np.where(empty | bad | out, np.nan, v)
        if key == "lat":
            lat = arr
        else:
            lon = arr
    if (lat is None) != (lon is None):
        have = "lat" if lat is not None else "lon"
        issues.append(Issue(f"{name}:1:{have}", "", "coordinates need both a lat and a lon column"))
    elif lat is not None and lon is not None:
        one = np.isnan(lat) != np.isnan(lon)
        cells.add(np.flatnonzero(one), "lat", lambda i: "give both lat and lon, or neither")
    text_cols = {}
    for key in ("name", "name_local", "region", "country"):
        if key in raw.columns:
            import pyarrow as pa
            import pyarrow.compute as pc

            arr = raw.columns[key]
            if not (pa.types.is_string(arr.type) or pa.types.is_large_string(arr.type)):
                arr = pc.cast(arr, pa.string())
            text_cols[key] = arr
    if "country" in text_cols:
        import pyarrow.compute as pc

        arr = text_cols["country"]
        ok = pc.fill_null(pc.match_substring_regex(arr, r"^[A-Z]{2}$"), True).to_numpy(zero_copy_only=False)
        badc = np.flatnonzero(~ok)
        codes = {int(i): arr[int(i)].as_py() for i in badc[:MAX_CELL_ISSUES]}
        cells.add(badc, "country", lambda i: f"{codes.get(i)!r} is not an ISO 3166-1 alpha-2 code like 'KR'")
    issues.extend(cells.issues)
    if issues or meta is None or ids is None:
        return None, issues
    return (
        SiteTable(
            path=name,
            meta_path=meta.name,
            ids=ids,
            values=values,
            facts=facts,
            sources=meta.sources,
            text=text_cols,
            lat=lat,
            lon=lon,
            rows=raw.rows,
            country=meta.country,
        ),
        [],
    )
