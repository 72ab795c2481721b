"""Site table -> decision matrix, column by column, with the semantics of
:func:`sitecompare.matrix.build_matrix` (whose module docstring lists the order of operations).

A table's metadata is per column, so each step is one array operation per criterion: scope and
horizon (a column's ``scope`` and ``status``) make a whole column comparable or not; the unit is
converted with one factor per column; coverage is a count of non-empty cells; bounds, the
missing-value policies (``error``, ``exclude-site``, ``worst``, ``median``, ``interval``) and
the clipping to fixed anchors are masks. No Python object is made per site: the ids stay an
Arrow array, and the matrix's cells (:class:`~sitecompare.matrix.Cell`, with their facts) and
the screened-out sites' reasons are built only when someone asks for them.

The result is a :class:`~sitecompare.matrix.DecisionMatrix` equal to the one
``build_matrix`` makes from the same rows written as profiles (``tests/test_tables.py``
checks it on generated studies), except that lists of site ids inside a warning stop after
:data:`LISTED` names and say how many more there are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import overload

import numpy as np

from .. import matrix_steps as steps
from ..decision_matrix import Cell, DecisionMatrix, NotComparable
from ..errors import Issue, ValidationError
from ..model import Criterion, Fact, Study
from ..units import UnitError, conversion_factor, tidy
from .checks import MAX_CELL_ISSUES
from .table import LazyIds, SiteTable

__all__ = ["build_table_matrix", "table_matrix_issues", "tidy_array", "LISTED"]

LISTED = 20  # site ids named in one warning; the rest are counted


_P = 10.0 ** np.arange(23)  # powers of ten that are exact in binary (up to 1e22)


def tidy_array(x: np.ndarray) -> np.ndarray:
    """:func:`sitecompare.units.tidy` (round to 12 significant digits) on a whole array, with
    the same result bit for bit.

    Each value is scaled by an exact power of ten so that 12 digits lie before the point,
    rounded to an integer N (< 2^53, exact) and scaled back: dividing (or multiplying) two exact
    numbers is correctly rounded, as Python's ``float('%.12g' % x)`` is. Scaling rounds once,
    so the few values whose scaled fraction lies within 1e-3 of one half, whose digit count the
    logarithm misjudged, or that lie beyond 1e+-22, are redone one by one with ``tidy``."""
    x = np.asarray(x, dtype=np.float64)
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        k = 11.0 - np.floor(np.log10(np.abs(x)))  # digits to keep after the point
        ok = (k >= -22) & (k <= 22)  # False for 0, NaN, inf and the extremes
        kk = np.where(ok, k, 0.0).astype(np.int64)
        neg = kk < 0
        p = _P[np.abs(kk)]
        any_neg = bool(neg.any())
        t = np.where(neg, x / p, x * p) if any_neg else x * p
        n = np.rint(t)
        y = np.where(neg, n * p, n / p) if any_neg else n / p
        an = np.abs(n)
        redo = ok & ((np.abs(t - np.floor(t) - 0.5) < 1e-3) | (an < 1e11) | (an > 1e12))
        redo |= ~ok & np.isfinite(x) & (x != 0)
    y = np.where(ok, y, x)
    idx = np.flatnonzero(redo)
    if len(idx):
        y[idx] = [tidy(float(v)) for v in x[idx]]
    return y


@dataclass(frozen=True)
class _Column:
    """A criterion's column after steps 1-2: values in the criterion's unit (NaN: not usable)."""

    values: np.ndarray
    present: np.ndarray  # bool
    factor: float
    fact: Fact  # the column's metadata (value 0)
    stale: bool


def _names(ids: LazyIds, rows: np.ndarray) -> str:
    shown = ids.take(rows[:LISTED]).array.to_pylist()
    text = ", ".join(shown)
    if len(rows) > LISTED:
        text += f" and {len(rows) - LISTED:,} more"
    return text


def build_table_matrix(study: Study) -> DecisionMatrix:
    """The decision matrix of a study whose sites are a table (built once, then kept)."""
    cached: DecisionMatrix | None = study.__dict__.get("_table_matrix")
    if cached is not None:  # built when the study was loaded and checked: build it once
        return cached
    dm, issues = _build(study)
    if issues:
        raise ValidationError(issues)
    assert dm is not None
    object.__setattr__(study, "_table_matrix", dm)
    return dm


def table_matrix_issues(study: Study) -> list[Issue]:
    """Every unit and missing-value problem of a table study; the matrix is kept if built."""
    dm, issues = _build(study)
    if dm is not None:  # a study is immutable: its matrix is kept for build_matrix
        object.__setattr__(study, "_table_matrix", dm)
    return issues


@dataclass
class _Screening:
    """Steps 4-5's screening: per table row, the bound broken (index into ``reasons``) and the
    ``exclude-site`` criterion (index into the criteria taking part), -1 where none."""

    why_out: np.ndarray
    reasons: list[tuple[str, int, Criterion]]  # (kind, criterion index, criterion)
    ex_site: np.ndarray


def _build(study: Study) -> tuple[DecisionMatrix | None, list[Issue]]:
    tbl = study.table
    if not isinstance(tbl, SiteTable):
        raise TypeError("a table study needs its SiteTable")
    cs = study.criteria_set
    issues: list[Issue] = []
    warnings: list[str] = []
    ids = tbl.site_ids
    n_all = len(tbl)
    cols, set_aside, bad_unit = _columns(study, tbl, issues)

    # 3. coverage
    shares = dict(study.weights)

    def usable(c: Criterion) -> int:
        return int(cols[c.id].present.sum()) if c.id in cols else 0

    crits, sitting_out, fatal = steps.apply_coverage(cs, usable, n_all, shares, set_aside)
    if fatal is not None:
        return None, [*issues, fatal]
    warnings.extend(steps.sits_out(x) for x in sitting_out)

    why_out, reasons = _bounds(cs.criteria, cols, n_all)
    issues.extend(_missing_errors(tbl, crits, cols, bad_unit, set_aside, cs.path))
    if issues:
        return None, issues
    ex_site = np.full(n_all, -1, dtype=np.int64)  # criterion index (into crits) per excluded row
    for jj, c in enumerate(crits):
        if c.missing != "exclude-site":
            continue
        col = cols.get(c.id)
        miss = np.ones(n_all, dtype=bool) if col is None else ~col.present
        ex_site[miss & (why_out < 0) & (ex_site < 0)] = jj
    screening = _Screening(why_out, reasons, ex_site)
    excluded_rows = np.concatenate([np.flatnonzero(why_out >= 0), np.flatnonzero(ex_site >= 0)])
    lost_pairs = {(x.site, x.criterion) for x in set_aside}
    excluded = _Excluded(tbl, cols, excluded_rows, screening, crits, lost_pairs)

    kept = np.flatnonzero((why_out < 0) & (ex_site < 0))
    if not len(kept):
        listed = list(excluded[:LISTED]) if len(excluded) > LISTED else list(excluded)
        more = f"; and {len(excluded) - LISTED:,} more" if len(excluded) > LISTED else ""
        return None, [
            Issue(
                study.sites_dir or tbl.path,
                "",
                "no site is left after screening: " + "; ".join(f"{k}: {v}" for k, v in listed) + more,
            )
        ]
    kept_ids = ids.take(kept)
    if len(kept) == 1:
        warnings.append(f"only one site is left after screening ({kept_ids[0]}); nothing to compare")
    a = _assemble(kept, kept_ids, crits, cols, n_all, warnings)
    excluded_ids = set(excluded.ids()) if len(excluded) and set_aside else set()
    warnings.extend(steps.not_comparable_warnings(set_aside, sitting_out, excluded_ids))
    cells = _Cells(tbl, kept, kept_ids, crits, cols, a)
    dm = TableMatrix(
        site_ids=kept_ids,
        criteria=tuple(crits),
        X=a.X,
        low=a.low,
        high=a.high,
        missing=a.missing,
        weights=steps.normalised_weights(shares, crits),
        cells=cells,
        excluded=excluded,
        warnings=tuple(warnings),
        observed_low=a.obs_lo,
        observed_high=a.obs_hi,
        excluded_criteria=tuple(sitting_out),
        not_comparable=tuple(set_aside),
        horizon=study.horizon,
    )
    object.__setattr__(dm, "table", tbl)
    object.__setattr__(dm, "rows", kept)
    used = (cols[c.id] for c in crits if c.id in cols)
    object.__setattr__(dm, "uses_plans", any(x.fact.status == "plan" and x.present[kept].any() for x in used))
    return dm, []


def _columns(
    study: Study, tbl: SiteTable, issues: list[Issue]
) -> tuple[dict[str, _Column], list[NotComparable], set[str]]:
    """Steps 1-2, a whole column at a time: (the usable columns in criterion units, the facts
    set aside as not comparable in row order, the criteria whose unit does not convert)."""
    cs = study.criteria_set
    today = study.as_of or dt.date.today()
    cols: dict[str, _Column] = {}
    aside: list[tuple[int, int, NotComparable]] = []  # (row, criterion index, entry)
    bad_unit: set[str] = set()
    for j, c in enumerate(cs.criteria):
        raw = tbl.values.get(c.fact)
        if raw is None:
            continue
        t = tbl.facts[c.fact]
        present = ~np.isnan(raw)
        why = steps.not_comparable(c, t, study.horizon)
        if why is not None:
            rows = np.flatnonzero(present)
            for i, sid in zip(rows.tolist(), tbl.site_ids.take(rows), strict=True):
                aside.append((i, j, NotComparable(sid, c.id, c.fact, t.scope, t.status, why)))
            continue
        try:
            k = conversion_factor(t.unit, c.unit, cs.currency_rates, expects=f"criterion {c.id}")
        except UnitError as exc:
            issues.append(Issue(tbl.meta_path, f"columns.{c.fact}.unit", str(exc)))
            bad_unit.add(c.id)
            continue
        stale = (today - t.as_of).days / 365.25 > cs.stale_after_years
        # a profile's value goes through tidy() after conversion; a column in the criterion's
        # own unit (k = 1) is used as stored (tidy would change only digits past the 12th)
        vals = raw if k == 1.0 else tidy_array(raw * k)
        cols[c.id] = _Column(vals, present, k, t, stale)
    aside.sort(key=lambda x: (x[0], x[1]))
    return cols, [x[2] for x in aside], bad_unit


def _bounds(
    all_crits: Sequence[Criterion], cols: Mapping[str, _Column], n_all: int
) -> tuple[np.ndarray, list[tuple[str, int, Criterion]]]:
    """Step 4: the first criterion (in the set's order) a site breaks gives the reason."""
    why_out = np.full(n_all, -1, dtype=np.int64)  # index into `reasons`
    reasons: list[tuple[str, int, Criterion]] = []  # (kind, criterion index, criterion)
    for j, c in enumerate(all_crits):
        col = cols.get(c.id)
        if col is None:
            continue
        for kind, limit in (("below", c.bounds_min), ("above", c.bounds_max)):
            if limit is None:
                continue
            with np.errstate(invalid="ignore"):
                hit = (col.values < limit) if kind == "below" else (col.values > limit)
            hit &= why_out < 0
            if hit.any():
                why_out[hit] = len(reasons)
                reasons.append((kind, j, c))
    return why_out, reasons


def _missing_errors(
    tbl: SiteTable,
    crits: list[Criterion],
    cols: Mapping[str, _Column],
    bad_unit: set[str],
    set_aside: list[NotComparable],
    path: str,
) -> list[Issue]:
    """Step 5's ``missing: error``: an issue per missing cell, up to MAX_CELL_ISSUES a column."""
    issues: list[Issue] = []
    n_all = len(tbl)
    for c in crits:
        if c.id in bad_unit:
            continue
        col = cols.get(c.id)
        miss = np.ones(n_all, dtype=bool) if col is None else ~col.present
        rows = np.flatnonzero(miss)
        if not len(rows) or c.missing != "error":
            continue
        lost_why = {x.site: x.reason for x in set_aside if x.criterion == c.id}
        for i in rows[:MAX_CELL_ISSUES].tolist():
            sid = tbl.site_ids[i]
            issues.append(Issue(tbl.where(i, c.fact), "", steps.missing_error(c, path, lost_why.get(sid))))
        if len(rows) > MAX_CELL_ISSUES:
            issues.append(
                Issue(
                    tbl.path,
                    c.fact,
                    f"{len(rows) - MAX_CELL_ISSUES:,} more rows with this problem (missing); "
                    f"the first {MAX_CELL_ISSUES:,} are listed above",
                )
            )
    return issues


@dataclass
class _Assembled:
    """The matrix's arrays, with what the cells are made from on demand."""

    X: np.ndarray
    low: np.ndarray
    high: np.ndarray
    missing: np.ndarray
    obs_lo: np.ndarray
    obs_hi: np.ndarray
    fills: list[float]
    clipped: dict[int, np.ndarray]  # criterion index: rows outside the anchors
    unknown: dict[int, tuple[float, float]]  # criterion index: the range of an unknown value


def _assemble(
    kept: np.ndarray,
    kept_ids: LazyIds,
    crits: list[Criterion],
    cols: Mapping[str, _Column],
    n_all: int,
    warnings: list[str],
) -> _Assembled:
    """The rest of step 5 (imputation) and step 6, column by column."""
    n, m = len(kept), len(crits)
    columns: list[np.ndarray] = []  # stacked into the (n, m) matrix at the end, in one copy
    miss_cols: list[np.ndarray] = []
    unknown_cols: dict[int, tuple[float, float]] = {}
    obs_lo = np.full(m, np.nan)
    obs_hi = np.full(m, np.nan)
    fills: list[float] = []
    clipped_cols: dict[int, np.ndarray] = {}
    every = n == n_all  # nothing screened out: the columns as they are, no copies
    for j, c in enumerate(crits):
        col = cols.get(c.id)
        if col is None:
            v = np.full(n, np.nan)
        else:
            v = col.values if every else col.values[kept]
        miss = np.isnan(v)
        n_miss = int(miss.sum())
        fill = 0.0
        if n_miss < n:
            obs_lo[j], obs_hi[j] = np.fmin.reduce(v), np.fmax.reduce(v)  # NaN (missing) skipped
        if n_miss:
            names = _names(kept_ids, np.flatnonzero(miss))

            def donors(value: float, v: np.ndarray = v) -> str:
                rows = np.flatnonzero(v == value)
                return _names(kept_ids, rows) if len(rows) else ""

            fill, unknown, warning = steps.impute(c, names, v[~miss], donors)
            if unknown is not None:
                unknown_cols[j] = unknown
            warnings.append(warning)
            v = np.where(miss, fill, v)
        miss_cols.append(miss)
        fills.append(fill)
        columns.append(v)
        anchors = c.anchors
        if anchors is not None:
            lo_a, hi_a = sorted(anchors)
            out = (v < lo_a) | (v > hi_a)
            if out.any():
                clipped_cols[j] = out
        fixed = j not in unknown_cols or not n_miss
        if n > 1 and fixed and np.ptp(v) == 0 and anchors is None:
            warnings.append(steps.SAME_VALUE.format(c.id))
    X = np.stack(columns, axis=1) if columns else np.empty((n, 0))  # C order, as build_matrix's
    missing = np.stack(miss_cols, axis=1) if miss_cols else np.zeros((n, 0), dtype=bool)
    del columns, miss_cols
    if unknown_cols:
        low, high = X.copy(), X.copy()
        for j, (lo_p, hi_p) in unknown_cols.items():
            low[missing[:, j], j] = lo_p
            high[missing[:, j], j] = hi_p
    else:
        low = high = X  # no uncertain cell: the same array (never written to)
    for j, c in enumerate(crits):
        if j in clipped_cols:
            rows = np.flatnonzero(clipped_cols[j])
            warnings.append(steps.clipped_warning(c, _names(kept_ids, rows), len(rows)))
    return _Assembled(X, low, high, missing, obs_lo, obs_hi, fills, clipped_cols, unknown_cols)


class TableMatrix(DecisionMatrix):
    """A :class:`DecisionMatrix` built from a table: ``rows`` (the table row of each matrix
    row), ``table``, and ``uses_plans`` (a ``status: plan`` column takes part)."""

    table: SiteTable
    rows: np.ndarray
    uses_plans: bool

    def names(self, idx: np.ndarray | Sequence[int]) -> list[str]:
        """The site names of matrix rows ``idx``."""
        return self.table.names(self.rows[np.asarray(idx, dtype=np.int64)])


class _Excluded(Sequence[tuple[str, str]]):
    """The screened-out sites as ``(id, reason)``, in ``build_matrix``'s order (bounds, then
    ``exclude-site``, each in row order); reasons are written when asked for."""

    def __init__(
        self,
        tbl: SiteTable,
        cols: dict[str, _Column],
        rows: np.ndarray,
        screening: _Screening,
        crits: list[Criterion],
        lost: set[tuple[str, str]],
    ) -> None:
        self.tbl, self.cols, self.rows = tbl, cols, rows
        self.screening, self.crits, self.lost = screening, crits, lost

    def __len__(self) -> int:
        return len(self.rows)

    def ids(self) -> list[str]:
        """The screened-out sites' ids, in order."""
        ids: list[str] = self.tbl.ids.take(self.rows).to_pylist()
        return ids

    def _one(self, i: int) -> tuple[str, str]:
        sid: str = self.tbl.ids[i].as_py()
        r = int(self.screening.why_out[i])
        if r >= 0:
            kind, _, c = self.screening.reasons[r]
            value = float(self.cols[c.id].values[i])
            return sid, steps.bound_reason(c, value, below=kind == "below")
        c = self.crits[int(self.screening.ex_site[i])]
        return sid, steps.exclude_site_reason(c, (sid, c.id) in self.lost)

    @overload
    def __getitem__(self, k: int) -> tuple[str, str]: ...

    @overload
    def __getitem__(self, k: slice) -> list[tuple[str, str]]: ...

    def __getitem__(self, k: int | slice) -> tuple[str, str] | list[tuple[str, str]]:
        if isinstance(k, slice):
            return [self._one(int(i)) for i in self.rows[k]]
        return self._one(int(self.rows[k]))

    def __iter__(self) -> Iterator[tuple[str, str]]:
        for i in self.rows.tolist():
            yield self._one(i)


class _Cells(Mapping[tuple[str, str], Cell]):
    """The matrix's cells, made on demand (``dm.cell(site, criterion)``), in ``build_matrix``'s
    order (criterion by criterion, sites in matrix order)."""

    def __init__(
        self,
        tbl: SiteTable,
        kept: np.ndarray,
        kept_ids: LazyIds,
        crits: list[Criterion],
        cols: dict[str, _Column],
        a: _Assembled,
    ) -> None:
        self.tbl, self.kept, self.kept_ids, self.crits, self.cols = tbl, kept, kept_ids, crits, cols
        self.X, self.missing, self.fills = a.X, a.missing, a.fills
        self.clipped, self.unknown = a.clipped, a.unknown
        self.col_of = {c.id: j for j, c in enumerate(crits)}

    def _pos(self, sid: str) -> int:
        index: dict[str, int] | None = self.__dict__.get("_index")
        if index is None:
            index = {s: i for i, s in enumerate(self.kept_ids.array.to_pylist())}
            self.__dict__["_index"] = index
        return index[sid]

    def make(self, i: int, j: int) -> Cell:
        c = self.crits[j]
        sid = self.kept_ids[i]
        clipped = bool(self.clipped[j][i]) if j in self.clipped else False
        if self.missing[i, j]:
            unknown = self.unknown.get(j)
            return Cell(
                site=sid,
                criterion=c.id,
                fact=None,
                value=float(self.fills[j]),
                low=None if unknown is None else unknown[0],
                high=None if unknown is None else unknown[1],
                imputed=c.missing,
                clipped=clipped,
            )
        col = self.cols[c.id]
        row = int(self.kept[i])
        fact = self.tbl.fact(row, c.fact)
        return Cell(
            site=sid,
            criterion=c.id,
            fact=fact,
            value=float(self.X[i, j]),
            factor=col.factor,
            stale=col.stale,
            clipped=clipped,
        )

    def __getitem__(self, key: tuple[str, str]) -> Cell:
        sid, cid = key
        if cid not in self.col_of:
            raise KeyError(key)
        return self.make(self._pos(sid), self.col_of[cid])

    def __len__(self) -> int:
        n, m = self.X.shape
        return int(n * m)

    def __iter__(self) -> Iterator[tuple[str, str]]:
        ids = self.kept_ids.array.to_pylist()
        for c in self.crits:
            for sid in ids:
                yield (sid, c.id)

    def __contains__(self, key: object) -> bool:
        parts = tuple(key) if isinstance(key, Iterable) else ()
        if len(parts) != 2:
            return False
        sid, cid = parts
        try:
            self._pos(sid)
        except (KeyError, TypeError):
            return False
        return cid in self.col_of
