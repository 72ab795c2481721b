"""Reading a site table's cells by column: CSV (pyarrow, every column as text, converted by
column later), a workbook's sheet (openpyxl), Parquet files and dataset folders. Which paths
are tables and where a table's sidecar is (:mod:`.paths`) are importable from here too."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import Issue, display_path
from ..validate import FACT_KEYS
from .paths import TABLE_SUFFIXES, _parquet_files, is_table, sidecar_path

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["TABLE_SUFFIXES", "RESERVED_COLUMNS", "FIRST_ROW", "is_table", "sidecar_path"]

# columns that describe the site rather than hold a fact (spec: id, name, lat, lon; the others
# are the profile's own keys, so that ``import`` writes complete profiles)
RESERVED_COLUMNS = ("id", "name", "name_local", "country", "region", "lat", "lon")
COLUMN_KEYS = FACT_KEYS - {"value", "low", "high"}
META_KEYS = {"format", "sources", "columns", "country"}
META_SHEET = "meta"
FIRST_ROW = 2  # the spreadsheet row of the first site (the header is row 1)


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
