"""A site table's sidecar (``grid.meta.yaml``, or a workbook's ``meta`` sheet): its sources and
each column's metadata, checked by the profile's own rules (``validate.sources_from_doc`` and
the fact rules on a placeholder value)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import Issue, IssueCollector, display_path, show_value
from ..hints import did_you_mean
from ..model import Fact, Source
from ..profiles import RawDoc, read_document
from ..validate import Checker, fact_from_raw, sources_from_doc
from .read import COLUMN_KEYS, META_KEYS, META_SHEET, RESERVED_COLUMNS, sidecar_path

__all__ = ["META_SHEET"]


def _meta_from_rows(rows: list[list[Any]]) -> tuple[dict[str, Any], list[str]]:
    """The ``meta`` sheet of a workbook as the sidecar's mapping (docs/reference.md):

    ========== =========== ========= ====== ...
    format     1
    country    KR                               (optional: the default country)
    sources
    key        title       date      url    publisher  note
    parcels    County ...  2025-06-01
    columns
    column     unit        source    status method  scope  note  quote  as_of
    ktx_km     km          parcels   computed haversine ...
    ========== =========== ========= ====== ...

    A row whose first cell is ``sources`` or ``columns`` starts that block; the next row names
    its keys; each row after it is one entry until a blank row or the next block."""
    out: dict[str, Any] = {}
    problems: list[str] = []
    section: str | None = None
    keys: list[str] | None = None

    def text(v: Any) -> str:
        return "" if v is None else str(v).strip()

    for r, row in enumerate(rows, start=1):
        cells = list(row)
        while cells and text(cells[-1]) == "":
            cells.pop()
        if not cells:
            section, keys = None, None
            continue
        first = text(cells[0])
        if first in ("sources", "columns") and len(cells) == 1:
            section, keys = first, None
            out.setdefault(first, {})
            continue
        if section is not None and keys is None:
            keys = [text(c) for c in cells]
            continue
        if section is not None and keys is not None:
            entry = {k: v for k, v in zip(keys[1:], cells[1:], strict=False) if k and text(v) != ""}
            if first in out[section]:
                problems.append(f"row {r}: {section} entry {first!r} appears twice")
            out[section][first] = entry
            continue
        if len(cells) >= 2:
            out[first] = cells[1]
        else:
            problems.append(f"row {r}: {first!r} has no value (write KEY and VALUE in columns A and B)")
    return out, problems


@dataclass
class _Meta:
    name: str
    sources: dict[str, Source]
    facts: dict[str, Fact]
    entries: set[str]
    country: str | None


def _read_meta(
    table: Path, meta_rows: list[list[Any]] | None, columns: list[str], issues: list[Issue]
) -> _Meta | None:
    side = sidecar_path(table)
    if side.exists() and meta_rows is not None:
        issues.append(
            Issue(
                display_path(table),
                "",
                f"has both a sheet {META_SHEET!r} and a sidecar {display_path(side)}; keep one",
            )
        )
        return None
    if meta_rows is not None:
        name = f"{display_path(table)}[{META_SHEET}]"
        data, problems = _meta_from_rows(meta_rows)
        issues.extend(Issue(name, "", p) for p in problems)
        doc = RawDoc(table, data)
    else:
        if not side.exists():
            issues.append(
                Issue(
                    display_path(table),
                    "",
                    f"no sidecar {display_path(side)} beside it (the units and sources of its "
                    "columns; see docs/reference.md, Site tables)",
                )
            )
            return None
        raw, read_issues = read_document(side)
        issues.extend(read_issues)
        if raw is None:
            return None
        doc, name = raw, display_path(side)
    col = IssueCollector()
    col.file = name
    ck = Checker(col)
    d = doc.data
    ck.keys(d, "", META_KEYS, ("format", "sources", "columns"))
    if "format" in d and d["format"] != 1:
        ck.add("format", f"unsupported format {show_value(d['format'])} (this version reads format 1)")
    country = None
    if "country" in d:
        c = d["country"]
        if isinstance(c, str) and re.fullmatch(r"[A-Z]{2}", c):
            country = c
        else:
            ck.add("country", f"{show_value(c)} is not an ISO 3166-1 alpha-2 code like 'KR'")
    raw_sources = d.get("sources")
    sources = sources_from_doc(ck, raw_sources) if "sources" in d else {}
    source_keys = list(sources) if sources else (list(raw_sources) if isinstance(raw_sources, dict) else [])
    facts: dict[str, Fact] = {}
    entries: set[str] = set()
    cd = ck.mapping(d["columns"], "columns", what="a mapping of column names") if "columns" in d else None
    known = [c for c in columns if c not in RESERVED_COLUMNS]
    for key, entry in (cd or {}).items():
        key = str(key)
        f = f"columns.{key}"
        entries.add(key)
        if key in RESERVED_COLUMNS:
            ck.add(f, f"{key!r} is a site column ({', '.join(RESERVED_COLUMNS)}), not a fact")
            continue
        if key not in columns:
            did = did_you_mean(key, known)
            ck.add(f, f"no column {key!r} in {display_path(table)}{did}")
            continue
        if isinstance(entry, str):  # shorthand: just the unit
            entry = {"unit": entry}
        ed = ck.mapping(entry, f, what="a mapping with unit and source")
        if ed is None:
            continue
        ck.keys(ed, f, COLUMN_KEYS)
        ed = {k: v for k, v in ed.items() if k in COLUMN_KEYS}
        # the validator's own fact rules, on a placeholder value: unit, source, status, the
        # method of a computed column, scope, quote, as_of not in the future
        fact = fact_from_raw(ck, key, {**ed, "value": 0}, sources, source_keys, prefix="columns")
        if fact is not None:
            facts[key] = fact
    for c in known:
        if c not in entries and cd is not None:
            ck.add(
                f"columns.{c}",
                f"no entry for column {c!r} of {display_path(table)} (give at least its unit and source)",
            )
    issues.extend(col.issues)
    return _Meta(name, sources, facts, entries, country)
