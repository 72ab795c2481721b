"""Checks of a table's cells, one column at a time: numbers by Arrow, masks for empty,
non-numeric, non-finite and out-of-range cells; only the bad cells are looked at one by one, in
the words of the profile's rule for the same value. Ids: empty, malformed, duplicated."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import Issue, IssueCollector
from ..validate import Checker, within_limits
from .read import FIRST_ROW

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["MAX_CELL_ISSUES"]

MAX_CELL_ISSUES = 1000  # cell problems listed per column and kind; then one line with the count


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
    from ..units import value_limits

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
            lambda i: _message(lambda ck: within_limits(ck, "x", unit, {"value": float(v[i])})),
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
