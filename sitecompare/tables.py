"""Site tables: one row per site in a ``.csv``, ``.xlsx`` or ``.parquet`` file (or a Parquet
dataset folder), with the units and sources of its columns in a sidecar (spec section 8).

A table is read column by column (pyarrow), never row by row: every fact column becomes one
float64 array (NaN where the cell is empty), the ids stay an Arrow string array, and every check
is a vectorised mask over a column. Only the cells that fail a check are looked at one by one,
by the same validator functions a profile's facts go through (:mod:`sitecompare.validate`), so
a table and a profile say the same thing about the same bad value. The column metadata (unit,
source, status, method, scope, note, quote, as_of) is checked once per column by the
validator's own fact rules, with a placeholder value.

Locations: a bad cell is ``TABLE:ROW:COLUMN: message``, where ROW is the row number a
spreadsheet shows (the header is row 1, the first site row 2; for Parquet, the same count over
the rows in file order); a problem of a whole column's metadata is ``SIDECAR: columns.COLUMN.KEY:
message``. At most :data:`MAX_CELL_ISSUES` cell problems are listed per column and kind, then
one line says how many more there are.

:class:`SiteTable` keeps the columns; :meth:`SiteTable.site` builds the model's
:class:`~sitecompare.model.Site` of one row (for the workbook, ``import`` and the sensitivity
analysis), :func:`sitecompare.columnar.build_table_matrix` builds the decision matrix straight
from the columns.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from .errors import Issue, IssueCollector, ValidationError, display_path, show_value
from .model import Fact, Site, Source
from .profiles import PROFILE_SUFFIXES, RawDoc, read_document
from .validate import FACT_KEYS, Checker, _fact, _within_limits, sources_from_doc

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = [
    "TABLE_SUFFIXES",
    "RESERVED_COLUMNS",
    "COLUMN_KEYS",
    "MAX_CELL_ISSUES",
    "SiteTable",
    "LazyIds",
    "is_table",
    "sidecar_path",
    "read_table",
    "load_table",
]

TABLE_SUFFIXES = (".csv", ".xlsx", ".parquet")
# columns that describe the site rather than hold a fact (spec: id, name, lat, lon; the others
# are the profile's own keys, so that ``import`` writes complete profiles)
RESERVED_COLUMNS = ("id", "name", "name_local", "country", "region", "lat", "lon")
TEXT_COLUMNS = ("id", "name", "name_local", "country", "region")
COLUMN_KEYS = FACT_KEYS - {"value", "low", "high"}
META_KEYS = {"format", "sources", "columns", "country"}
META_SHEET = "meta"
MAX_CELL_ISSUES = 1000  # cell problems listed per column and kind; then one line with the count
FIRST_ROW = 2  # the spreadsheet row of the first site (the header is row 1)


# --------------------------------------------------------------------------- where things are


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


# --------------------------------------------------------------------------- the table


class LazyIds(Sequence[str]):
    """Site ids held as an Arrow string array: a sequence of ``str`` without a Python object
    per row until one is asked for."""

    def __init__(self, array: pa.Array) -> None:
        self.array = array

    def __len__(self) -> int:
        return len(self.array)

    def __getitem__(self, i: Any) -> Any:  # type: ignore[override]
        if isinstance(i, slice):
            return LazyIds(self.array[i])
        return self.array[int(i)].as_py()

    def __iter__(self) -> Iterator[str]:
        yield from self.array.to_pylist()

    def __eq__(self, other: object) -> bool:
        try:
            return len(self) == len(other) and list(self) == list(other)  # type: ignore[arg-type]
        except TypeError:
            return NotImplemented

    def __hash__(self) -> int:
        return id(self)

    def __repr__(self) -> str:
        return f"LazyIds({len(self)} sites)"

    def take(self, rows: np.ndarray) -> LazyIds:
        return LazyIds(self.array.take(rows))


@dataclass(frozen=True, eq=False)
class SiteTable:
    """A site table held by column. ``values[col]`` is float64 in the column's own unit with
    NaN for an empty cell; ``facts[col]`` the column's metadata as a :class:`Fact` template
    (value 0)."""

    path: str  # as shown in messages
    meta_path: str  # the sidecar (or ``grid.xlsx[meta]``)
    ids: pa.Array
    values: dict[str, np.ndarray]
    facts: dict[str, Fact]
    sources: dict[str, Source]
    text: dict[str, pa.Array] = field(default_factory=dict)  # name, name_local, country, region
    lat: np.ndarray | None = None
    lon: np.ndarray | None = None
    rows: np.ndarray | None = None  # spreadsheet row of each site (None: FIRST_ROW + index)
    country: str | None = None  # the sidecar's default country

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def columns(self) -> tuple[str, ...]:
        return tuple(self.values)

    def row_number(self, i: int) -> int:
        return int(self.rows[i]) if self.rows is not None else FIRST_ROW + int(i)

    def where(self, i: int, column: str) -> str:
        """``TABLE:ROW:COLUMN``: where a cell is, as a spreadsheet shows it."""
        return f"{self.path}:{self.row_number(i)}:{column}"

    @property
    def site_ids(self) -> LazyIds:
        return LazyIds(self.ids)

    def index_of(self, sid: str) -> int:
        index = self.__dict__.get("_index")
        if index is None:  # built once, when a caller asks for sites by id
            index = {s: i for i, s in enumerate(self.ids.to_pylist())}
            object.__setattr__(self, "_index", index)
        return index[sid]

    def _text(self, col: str, i: int) -> str | None:
        arr = self.text.get(col)
        if arr is None:
            return None
        v = arr[i].as_py()
        return None if v is None or str(v).strip() == "" else str(v).strip()

    def name_of(self, i: int) -> str:
        return self._text("name", i) or self.ids[i].as_py()

    def names(self, rows: np.ndarray) -> list[str]:
        ids = self.ids.take(rows).to_pylist()
        arr = self.text.get("name")
        if arr is None:
            return ids
        names = arr.take(rows).to_pylist()
        return [
            str(n).strip() if n is not None and str(n).strip() else s for n, s in zip(names, ids, strict=True)
        ]

    def fact(self, i: int, col: str) -> Fact | None:
        x = self.values[col][i]
        if np.isnan(x):
            return None
        t = self.facts[col]
        return Fact(**{**_fact_fields(t), "value": float(x)})

    def site(self, i: int) -> Site:
        """Row ``i`` as the model's :class:`Site` (every fact its column's metadata)."""
        facts = {}
        for col in self.values:
            f = self.fact(i, col)
            if f is not None:
                facts[col] = f
        coords = None
        if self.lat is not None and self.lon is not None and not np.isnan(self.lat[i]):
            coords = (float(self.lat[i]), float(self.lon[i]))
        used = {f.source for f in facts.values()}
        return Site(
            id=self.ids[i].as_py(),
            name=self.name_of(i),
            country=self._text("country", i) or self.country or "",
            path=f"{self.path}:{self.row_number(i)}",
            name_local=self._text("name_local", i),
            region=self._text("region", i),
            coordinates=coords,
            sources={k: v for k, v in self.sources.items() if k in used},
            facts=facts,
        )

    def sites(self, rows: Sequence[int] | np.ndarray | None = None) -> list[Site]:
        idx = range(len(self)) if rows is None else rows
        return [self.site(int(i)) for i in idx]


def _fact_fields(f: Fact) -> dict[str, Any]:
    return {k: getattr(f, k) for k in f.__dataclass_fields__}


# --------------------------------------------------------------------------- reading


@dataclass
class _Raw:
    """Columns as read, before checks: Arrow arrays by name, and spreadsheet row numbers."""

    columns: dict[str, pa.Array]
    rows: np.ndarray | None = None
    order: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)


def _read_csv(path: Path) -> _Raw:
    import pyarrow as pa
    import pyarrow.csv as pcsv

    with path.open("rb") as fh:
        head = fh.readline().decode("utf-8-sig", errors="replace")
    import csv as _csv

    names = next(_csv.reader([head]), [])
    names = [n.strip() for n in names]
    # every column is read as text and converted by column (below): a number column with one
    # bad cell is then reported cell by cell instead of failing the whole read
    ropts = pcsv.ReadOptions(column_names=[f"c{i}" for i in range(len(names))], skip_rows=1, use_threads=True)
    opts = pcsv.ConvertOptions(
        null_values=[""],
        strings_can_be_null=True,
        quoted_strings_can_be_null=True,
        column_types={f"c{i}": pa.string() for i in range(len(names))},
    )
    parse = pcsv.ParseOptions(ignore_empty_lines=False)
    t = pcsv.read_csv(path, read_options=ropts, parse_options=parse, convert_options=opts)
    cols = {}
    dups = []
    for i, n in enumerate(names):
        if n in cols:
            dups.append(n)
            continue
        cols[n] = t.column(i).combine_chunks()
    return _drop_blank_rows(_Raw(cols, order=list(cols), duplicates=dups))


def _drop_blank_rows(raw: _Raw) -> _Raw:
    """Rows with every cell empty are not sites (a blank line, a spreadsheet's trailing rows);
    the others keep their spreadsheet row numbers."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if not raw.columns:
        return raw
    n = len(next(iter(raw.columns.values())))
    blank = None
    for arr in raw.columns.values():
        empty = pc.is_null(arr)
        if pa.types.is_string(arr.type) or pa.types.is_large_string(arr.type):
            empty = pc.or_(empty, pc.equal(pc.utf8_trim_whitespace(arr), ""))
        empty = pc.fill_null(empty, True)
        blank = empty if blank is None else pc.and_(blank, empty)
    if blank is None or not pc.any(blank).as_py():
        return raw
    keep = np.flatnonzero(~blank.to_numpy(zero_copy_only=False))
    base = raw.rows if raw.rows is not None else np.arange(n) + FIRST_ROW
    rows = base[keep]
    idx = pa.array(keep)
    return _Raw({k: v.take(idx) for k, v in raw.columns.items()}, rows, raw.order, raw.duplicates)


def _read_parquet(path: Path) -> _Raw:
    """A Parquet file, or every file of a dataset folder in file-name order, read by
    ``ParquetFile`` (which needs no ``pyarrow.dataset``: 0.4 s less to start)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    files = list(_parquet_files(path)) if path.is_dir() else [path]
    tables = [pq.ParquetFile(f).read() for f in files]
    t = tables[0] if len(tables) == 1 else pa.concat_tables(tables)
    cols = {}
    for n in t.column_names:
        c = t.column(n)
        cols[n] = c.chunk(0) if c.num_chunks == 1 else c.combine_chunks()
    return _Raw(cols, order=list(cols))


def _read_xlsx(path: Path, sheet: str | None) -> tuple[_Raw, list[list[Any]] | None, list[Issue]]:
    """The site sheet as columns, and the ``meta`` sheet's rows (None when there is none)."""
    from openpyxl import load_workbook

    name = display_path(path)
    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        names = list(wb.sheetnames)
        if sheet is not None and sheet not in names:
            return _Raw({}), None, [Issue(name, "", f"no sheet {sheet!r} (sheets: {', '.join(names)})")]
        chosen = sheet or next((s for s in names if s != META_SHEET), None)
        if chosen is None:
            return _Raw({}), None, [Issue(name, "", "no sheet of sites (only a meta sheet)")]
        rows_iter = wb[chosen].iter_rows(values_only=True)
        header = next(rows_iter, None) or ()
        width = len(header)
        while width and header[width - 1] in (None, ""):
            width -= 1
        header_names = [("" if h is None else str(h)).strip() for h in header[:width]]
        data: list[list[Any]] = [[] for _ in range(width)]
        rownums = []
        for r, row in enumerate(rows_iter, start=FIRST_ROW):
            cells = list(row[:width]) + [None] * (width - len(row))
            if all(c is None or (isinstance(c, str) and not c.strip()) for c in cells):
                continue
            rownums.append(r)
            for j, c in enumerate(cells):
                data[j].append(c)
        meta_rows = None
        if META_SHEET in names and chosen != META_SHEET:
            meta_rows = [list(r) for r in wb[META_SHEET].iter_rows(values_only=True)]
    finally:
        wb.close()
    cols: dict[str, pa.Array] = {}
    dups = []
    for n, vals in zip(header_names, data, strict=True):
        if n in cols:
            dups.append(n)
            continue
        cols[n] = _xlsx_column(vals)
    return _Raw(cols, np.asarray(rownums, dtype=np.int64), list(cols), dups), meta_rows, []


def _xlsx_column(vals: list[Any]) -> pa.Array:
    """A spreadsheet column: numbers stay numbers, anything else is text for the checks."""
    import pyarrow as pa

    if all(v is None or (isinstance(v, (int, float)) and not isinstance(v, bool)) for v in vals):
        return pa.array([None if v is None else float(v) for v in vals], type=pa.float64())
    return pa.array([None if v is None else _cell_text(v) for v in vals], type=pa.string())


def _cell_text(v: Any) -> str:
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, float) and v.is_integer():
        return repr(v)
    if isinstance(v, dt.datetime) and v.time() == dt.time():
        return v.date().isoformat()
    return str(v)


# --------------------------------------------------------------------------- the sidecar


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
        raw, problems = read_document(side)
        issues.extend(problems)
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
            import difflib

            hint = difflib.get_close_matches(key, known, n=1)
            did = f"; did you mean {hint[0]!r}?" if hint else ""
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
        fact = _fact(ck, key, {**ed, "value": 0}, sources, source_keys, prefix="columns")
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


# --------------------------------------------------------------------------- checks by column


def _numbers(arr: pa.Array) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
    """(values float64, empty mask, the text of cells that are not numbers or None).

    Number columns (Parquet, a spreadsheet's numbers) are cast by Arrow; text columns (CSV) are
    trimmed, an empty cell is missing, and the rest converted by Arrow (correctly rounded, as
    Python's float()) or, when some cell is not a number, by pandas in one call."""
    import pyarrow as pa
    import pyarrow.compute as pc

    t = arr.type
    if pa.types.is_floating(t) or pa.types.is_integer(t) or pa.types.is_decimal(t) or pa.types.is_null(t):
        f = arr if pa.types.is_float64(t) else pc.cast(arr, pa.float64())
        empty = pc.is_null(f).to_numpy(zero_copy_only=False)
        v = f.to_numpy(zero_copy_only=False).astype(np.float64, copy=False)
        return v, empty, None
    if pa.types.is_boolean(t):
        arr = pc.if_else(arr, "TRUE", "FALSE")
    elif not (pa.types.is_string(t) or pa.types.is_large_string(t)):
        arr = pc.cast(arr, pa.string())
    s = pc.utf8_trim_whitespace(arr)
    s = pc.if_else(pc.equal(s, ""), pa.scalar(None, pa.string()), s)
    empty = pc.is_null(s).to_numpy(zero_copy_only=False)
    try:
        v = pc.cast(s, pa.float64()).to_numpy(zero_copy_only=False).astype(np.float64, copy=False)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        import pandas as pd

        v = pd.to_numeric(pd.Series(s.to_numpy(zero_copy_only=False)), errors="coerce").to_numpy(
            dtype=np.float64, na_value=np.nan
        )
    bad = np.isnan(v) & ~empty  # not a number ('abc', '1,200'), or the word 'nan'
    if not bad.any():
        return v, empty, None
    idx = np.flatnonzero(bad)
    text = np.full(len(v), None, dtype=object)
    text[idx] = s.take(pa.array(idx)).to_pylist()
    return v, empty, text


class _Cells:
    """Cell problems of one table, capped per column and kind."""

    def __init__(self, table: str, rows: np.ndarray | None, offset: int = 0) -> None:
        self.table = table
        self.rows = rows
        self.offset = offset  # rows before this part of the table (a Parquet dataset's piece)
        self.issues: list[Issue] = []
        self.counts: dict[str, int] = {}  # problems per column, listed or not

    def row(self, i: int) -> int:
        return int(self.rows[i]) if self.rows is not None else FIRST_ROW + self.offset + int(i)

    def add(self, idx: np.ndarray, column: str, message: Any, kind: str = "") -> None:
        """``message(i)`` for each row index in ``idx`` (ascending), at most MAX_CELL_ISSUES."""
        idx = np.asarray(idx)
        self.counts[column] = self.counts.get(column, 0) + len(idx)
        for i in idx[:MAX_CELL_ISSUES]:
            self.issues.append(Issue(f"{self.table}:{self.row(int(i))}:{column}", "", message(int(i))))
        if len(idx) > MAX_CELL_ISSUES:
            more = len(idx) - MAX_CELL_ISSUES
            self.issues.append(
                Issue(
                    self.table,
                    column,
                    f"{more:,} more rows with this problem{f' ({kind})' if kind else ''}; "
                    f"the first {MAX_CELL_ISSUES:,} are listed above",
                )
            )


def _message(fn: Any) -> str:
    """The message a Checker rule gives for one bad value (the validator's own wording)."""
    col = IssueCollector()
    fn(Checker(col))
    return col.issues[0].message if col.issues else "invalid value"


def _check_values(
    cells: _Cells, column: str, v: np.ndarray, empty: np.ndarray, text: np.ndarray | None, unit: str
) -> np.ndarray:
    """Bad cells of a number column, each reported in the words of the profile's rule for the
    same value (``Checker.number``, ``_within_limits``); returns the mask of bad cells."""
    from .units import value_limits

    bad = np.zeros(len(v), dtype=bool)
    if text is not None:
        idx = np.flatnonzero(text != None)  # noqa: E711 - element-wise on an object array
        cells.add(idx, column, lambda i: _message(lambda ck: ck.number(text[i], "value")), "not a number")
        bad[idx] = True
    with np.errstate(invalid="ignore"):
        nonfinite = ~bad & ~empty & ~np.isfinite(v)
    idx = np.flatnonzero(nonfinite)
    cells.add(idx, column, lambda i: _message(lambda ck: ck.number(float(v[i]), "value")), "not finite")
    bad |= nonfinite
    limits = value_limits(unit) if unit else None
    if limits is not None:
        low, high, _ = limits
        with np.errstate(invalid="ignore"):
            out = ~bad & ~empty & ((v < low) | (v > high) if high is not None else (v < low))
        idx = np.flatnonzero(out)
        cells.add(
            idx,
            column,
            lambda i: _message(lambda ck: _within_limits(ck, "x", unit, {"value": float(v[i])})),
            "outside the unit's range",
        )
        bad |= out
    return bad


def _check_ids(cells: _Cells, ids: pa.Array, duplicates: bool = True) -> pa.Array:
    """Empty ids, ids that break the profile rule, and (``duplicates``) ids used twice."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if not (pa.types.is_string(ids.type) or pa.types.is_large_string(ids.type)):
        ids = (
            pc.cast(ids, pa.string())
            if not pa.types.is_floating(ids.type)
            else pc.cast(pc.cast(ids, pa.int64(), safe=False), pa.string())
        )
    ids = pc.utf8_trim_whitespace(ids)
    empty = pc.fill_null(pc.equal(ids, ""), True).to_numpy(zero_copy_only=False)
    cells.add(np.flatnonzero(empty), "id", lambda i: "empty; every row needs an id", "empty id")
    ok = pc.fill_null(pc.match_substring_regex(ids, r"^[a-z0-9][a-z0-9-]*$"), True)
    badfmt = np.flatnonzero(~ok.to_numpy(zero_copy_only=False) & ~empty)
    if len(badfmt):
        shown = ids.take(pa.array(badfmt[:MAX_CELL_ISSUES])).to_pylist()
        by_row = dict(zip(badfmt[:MAX_CELL_ISSUES].tolist(), shown, strict=True))
        cells.add(
            badfmt,
            "id",
            lambda i: f"{by_row.get(i)!r} must be lower-case letters, digits and '-' ([a-z0-9-]+)",
            "bad id",
        )
    if not duplicates:
        return ids
    # duplicates: sort once (faster than hashing a million strings), compare neighbours
    order = pc.sort_indices(ids)
    srt = ids.take(order)
    n = len(ids)
    same = pc.fill_null(pc.equal(srt.slice(1), srt.slice(0, max(n - 1, 0))), False) if n > 1 else None
    if same is not None and pc.any(same).as_py():
        hit = np.flatnonzero(same.to_numpy(zero_copy_only=False))
        rows = np.unique(np.concatenate([order.to_numpy()[hit], order.to_numpy()[hit + 1]]))
        vals = ids.take(pa.array(rows)).to_pylist()
        first: dict[str, int] = {}
        later = []
        for i, s in zip(rows.tolist(), vals, strict=True):
            if s is None or s == "":
                continue
            if s in first:
                later.append((i, s, first[s]))
            else:
                first[s] = i
        msgs = {i: f"{s!r} is also the id of row {cells.row(f)}" for i, s, f in later}
        cells.add(np.array([i for i, _, _ in later], dtype=np.int64), "id", lambda i: msgs[i], "duplicate id")
    return ids


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
        v, empty, text = _numbers(raw.columns[c])
        t = meta.facts[c] if meta else None
        _check_values(cells, c, v, empty, text, t.unit if t else "")
        v = np.where(empty, np.nan, v) if empty.any() else v
        values[c] = v
        if t is not None:
            facts[c] = t
    lat = lon = None
    for key, lim in (("lat", 90.0), ("lon", 180.0)):
        if key not in raw.columns:
            continue
        v, empty, text = _numbers(raw.columns[key])
        bad = _check_values(cells, key, v, empty, text, "")
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
        shown = {int(i): arr[int(i)].as_py() for i in badc[:MAX_CELL_ISSUES]}
        cells.add(badc, "country", lambda i: f"{shown.get(i)!r} is not an ISO 3166-1 alpha-2 code like 'KR'")
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
