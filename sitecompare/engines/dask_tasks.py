"""The tasks of a Dask ranking, one per piece of the table (a Parquet row group): the checks
and column statistics of the first pass, the id hashes of the duplicate check, the scores and
best candidates of the second pass. Each is a pure function of a piece and a small plan."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import Issue
from ..matrix_steps import bound_reason, exclude_site_reason
from ..methods.normalize import _safe_div
from ..model import Criterion, Fact
from ..tables.checks import MAX_CELL_ISSUES, _Cells, _check_ids, _check_values, _numbers
from ..tables.paths import _parquet_files

__all__ = ["Piece", "pieces", "BUCKETS", "MARGIN", "EXCLUDED_LISTED"]

BUCKETS = 16  # the id hashes are shuffled into this many buckets (by their top 4 bits)
MARGIN = 1e-6  # candidates within this share of a piece's largest score below its K-th
EXCLUDED_LISTED = 100


@dataclass(frozen=True)
class Piece:
    """One row group of one Parquet file, and the table rows before it."""

    path: str
    row_group: int
    offset: int
    rows: int


def pieces(path: str | Path) -> list[Piece]:
    """The row groups of a Parquet file or dataset folder, in file order (metadata only)."""
    import pyarrow.parquet as pq

    p = Path(path).resolve()  # the workers may run in another folder
    files = list(_parquet_files(p)) if p.is_dir() else [p]
    out, offset = [], 0
    for f in files:
        meta = pq.ParquetFile(f).metadata
        for g in range(meta.num_row_groups):
            n = meta.row_group(g).num_rows
            out.append(Piece(str(f), g, offset, n))
            offset += n
    return out


def _read(piece: Piece, columns: Sequence[str]) -> Any:
    import pyarrow.parquet as pq

    return pq.ParquetFile(piece.path).read_row_group(piece.row_group, columns=list(columns))


# --------------------------------------------------------------------------- the plan


@dataclass(frozen=True)
class _Plan:
    """What every task needs (small and picklable)."""

    table: str  # as shown in messages
    facts: Mapping[str, Fact]  # every fact column's metadata
    crits: tuple[Criterion, ...]  # every criterion of the set
    factor: Mapping[str, float]  # criterion id -> factor, for comparable convertible columns
    taking: tuple[str, ...]  # criteria that take part (after the coverage gate)
    has_name: bool


def _values(t: Any, col: str, factor: float) -> np.ndarray:
    from ..tables.matrix import tidy_array

    v, empty, _ = _numbers(t.column(col).combine_chunks())
    v = np.where(empty, np.nan, v) if empty.any() else v
    return v if factor == 1.0 else tidy_array(v * factor)


def _kept(plan: _Plan, vals: Mapping[str, np.ndarray], n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(why_out: index of the bound broken or -1, its kind, exclude-site criterion or -1)."""
    why = np.full(n, -1, dtype=np.int64)
    kind = np.zeros(n, dtype=np.int8)  # 0 below, 1 above
    for j, c in enumerate(plan.crits):
        v = vals.get(c.id)
        if v is None:
            continue
        for k, limit in ((0, c.bounds_min), (1, c.bounds_max)):
            if limit is None:
                continue
            with np.errstate(invalid="ignore"):
                hit = (v < limit) if k == 0 else (v > limit)
            hit &= why < 0
            why[hit] = j
            kind[hit] = k
    ex = np.full(n, -1, dtype=np.int64)
    for j, c in enumerate(plan.crits):
        if c.id not in plan.taking or c.missing != "exclude-site":
            continue
        v = vals.get(c.id)
        miss = np.ones(n, dtype=bool) if v is None else np.isnan(v)
        ex[miss & (why < 0) & (ex < 0)] = j
    return why, kind, ex


def _reason(
    plan: _Plan, vals: Mapping[str, np.ndarray], i: int, why: np.ndarray, kind: np.ndarray, ex: np.ndarray
) -> str:
    if why[i] >= 0:
        c = plan.crits[int(why[i])]
        x = float(vals[c.id][i])
        below = kind[i] == 0
        return bound_reason(c, x, below)
    c = plan.crits[int(ex[i])]
    return exclude_site_reason(c, lost=False)


# --------------------------------------------------------------------------- pass 1


def _scan(piece: Piece, plan: _Plan) -> dict[str, Any]:
    """Checks, coverage counts, statistics over the kept sites and the screened-out ones."""
    import pyarrow as pa

    cols = ["id", *plan.facts]
    t = _read(piece, cols + (["name"] if plan.has_name else []))
    n = t.num_rows
    cells = _Cells(plan.table, None, offset=piece.offset)
    for col, f in plan.facts.items():
        v, empty, text = _numbers(t.column(col).combine_chunks())
        _check_values(cells, col, v, empty, text, f.unit)
    vals = {c.id: _values(t, c.fact, plan.factor[c.id]) for c in plan.crits if c.id in plan.factor}
    counts = {cid: int((~np.isnan(v)).sum()) for cid, v in vals.items()}
    why, kind, ex = _kept(plan, vals, n)
    keep = (why < 0) & (ex < 0)
    stats = {}
    missing_rows: dict[str, list[int]] = {}
    missing_n: dict[str, int] = {}
    for c in plan.crits:
        got = vals.get(c.id)
        miss_all = np.ones(n, dtype=bool) if got is None else np.isnan(got)
        if c.missing == "error" and c.id in plan.taking:
            missing = np.flatnonzero(miss_all)
            missing_rows[c.id] = (missing[:MAX_CELL_ISSUES] + piece.offset).tolist()
            missing_n[c.id] = len(missing)
        if got is None:
            continue
        v = got
        o = v[keep & ~np.isnan(v)]
        with np.errstate(divide="ignore"):
            stats[c.id] = (
                len(o),
                float(o.min()) if len(o) else np.inf,
                float(o.max()) if len(o) else -np.inf,
                float(o.sum()),
                float((o * o).sum()),
                float((1.0 / o).sum()) if len(o) else 0.0,
                int((keep & np.isnan(v)).sum()),
            )
    out_rows = np.flatnonzero(~keep)
    ids = t.column("id").combine_chunks()
    # build_matrix's order: sites screened by bounds first, then by exclude-site, each in row order
    screened = np.concatenate([np.flatnonzero(why >= 0), np.flatnonzero((why < 0) & (ex >= 0))])
    first = screened[:EXCLUDED_LISTED]
    shown = ids.take(pa.array(first)).to_pylist() if len(first) else []
    excluded = [
        (int(why[i] < 0), int(i) + piece.offset, str(s), _reason(plan, vals, int(i), why, kind, ex))
        for i, s in zip(first.tolist(), shown, strict=True)
    ]
    return {
        "n": n,
        "kept": int(keep.sum()),
        "issues": cells.issues,
        "bad": cells.counts,
        "counts": counts,
        "stats": stats,
        "excluded": excluded,
        "excluded_n": len(out_rows),
        "missing_rows": missing_rows,
        "missing_n": missing_n,
    }


def _hash_ids(piece: Piece, table: str) -> tuple[list[Issue], dict[str, int], list[np.ndarray]]:
    """Id checks of one piece, and its ids' 64-bit hashes with their rows, by bucket."""
    import pandas as pd

    t = _read(piece, ["id"])
    cells = _Cells(table, None, offset=piece.offset)
    ids = _check_ids(cells, t.column("id").combine_chunks(), duplicates=False)
    h = pd.util.hash_array(np.asarray(ids.to_numpy(zero_copy_only=False), dtype=object))
    rows = np.arange(len(h), dtype=np.int64) + piece.offset
    b = (h >> np.uint64(60)).astype(np.int64)
    rec = np.empty(len(h), dtype=[("h", np.uint64), ("row", np.int64)])
    rec["h"], rec["row"] = h, rows
    return cells.issues, cells.counts, [rec[b == k] for k in range(BUCKETS)]


def _bucket(hashed: tuple[Any, Any, list[np.ndarray]], k: int) -> np.ndarray:
    return hashed[2][k]


def _bucket_dups(parts: list[np.ndarray]) -> list[tuple[int, int]]:
    """(row, first row of the same hash) for every repeated hash of one bucket."""
    rec = np.concatenate(parts)
    if not len(rec):
        return []
    rec.sort(order=("h", "row"))
    same = rec["h"][1:] == rec["h"][:-1]
    if not same.any():
        return []
    out = []
    first: dict[int, int] = {}
    for i in np.flatnonzero(same):
        h = int(rec["h"][i])
        first.setdefault(h, int(rec["row"][i]))
        out.append((int(rec["row"][i + 1]), first[h]))
    return out


def _ids_at(piece: Piece, rows: list[int]) -> dict[int, str]:
    import pyarrow as pa

    t = _read(piece, ["id"])
    local = [r - piece.offset for r in rows]
    got = t.column("id").combine_chunks().take(pa.array(local)).to_pylist()
    return {r: str(s).strip() for r, s in zip(rows, got, strict=True)}


# --------------------------------------------------------------------------- pass 2


@dataclass(frozen=True)
class _Scoring:
    plan: _Plan
    method: str
    normalization: str
    weights: np.ndarray  # over plan.taking
    benefit: np.ndarray
    fills: np.ndarray  # NaN: no missing cell
    params: Mapping[str, np.ndarray]  # lo, hi, sum, suminv, nrm, worst, best (per column)
    top: int


def _score_piece(piece: Piece, sc: _Scoring) -> dict[str, Any]:
    import pyarrow as pa

    plan = sc.plan
    t = _read(
        piece,
        ["id", *(["name"] if plan.has_name else []), *{c.fact for c in plan.crits if c.id in plan.factor}],
    )
    n = t.num_rows
    vals = {c.id: _values(t, c.fact, plan.factor[c.id]) for c in plan.crits if c.id in plan.factor}
    why, _, ex = _kept(plan, vals, n)
    keep = np.flatnonzero((why < 0) & (ex < 0))
    taking = [plan.crits[[c.id for c in plan.crits].index(cid)] for cid in plan.taking]
    X = np.empty((len(keep), len(taking)))
    for j, c in enumerate(taking):
        v = vals[c.id][keep] if c.id in vals else np.full(len(keep), np.nan)
        if not np.isnan(sc.fills[j]):
            v = np.where(np.isnan(v), sc.fills[j], v)
        X[:, j] = v
    score, key, details = _evaluate(X, sc)
    if len(key) == 0:
        return {
            "kept": 0,
            "scale": 0.0,
            "rows": np.zeros(0, np.int64),
            "key": key,
            "score": score,
            "details": {},
            "ids": [],
            "names": [],
        }
    scale = float(np.abs(key).max())
    k = min(sc.top, len(key))
    part = np.argpartition(-key, k - 1)[:k]
    kth = key[part].min()
    cand = np.flatnonzero(key >= kth - MARGIN * max(scale, 1e-300))
    rows = keep[cand]
    idx = pa.array(rows)
    ids = t.column("id").combine_chunks().take(idx).to_pylist()
    names = t.column("name").combine_chunks().take(idx).to_pylist() if plan.has_name else ids
    return {
        "kept": len(key),
        "scale": scale,
        "rows": rows + piece.offset,
        "key": key[cand],
        "score": score[cand],
        "details": {d: v[cand] for d, v in details.items()},
        "ids": [str(s).strip() for s in ids],
        "names": [
            str(x).strip() if x is not None and str(x).strip() else str(s).strip()
            for x, s in zip(names, ids, strict=True)
        ],
    }


def _normalise(X: np.ndarray, sc: _Scoring, invert: bool) -> np.ndarray:
    """:func:`sitecompare.methods.normalize.normalize` with the whole table's column
    parameters instead of the piece's, operation for operation."""
    p, benefit, kind = sc.params, sc.benefit, sc.normalization
    if kind == "none":
        return np.where(benefit, X, -X) if invert else X.copy()
    if kind == "minmax":
        lo, hi = p["lo"][None, :], p["hi"][None, :]
        rng = hi - lo
        if invert:
            v = np.where(benefit, _safe_div(X - lo, rng), _safe_div(hi - X, rng))
        else:
            v = _safe_div(X - lo, rng)
        worst, best = p["worst"], p["best"]
        anchored = ~np.isnan(worst) & ~np.isnan(best)
        if anchored.any():
            w_ = np.where(anchored, worst, 0.0)
            b_ = np.where(anchored, best, 1.0)
            va = np.clip((X - w_) / (b_ - w_), 0.0, 1.0)
            if not invert:
                va = np.where(benefit, va, 1.0 - va)
            v = np.where(anchored, va, v)
        return v
    if kind == "max":
        mx = p["hi"][None, :]
        if invert:
            return np.where(benefit, _safe_div(X, mx), _safe_div(p["lo"][None, :], X))
        return _safe_div(X, mx)
    if kind == "sum":
        s = p["sum"][None, :]
        if invert:
            with np.errstate(divide="ignore"):
                inv = 1.0 / X
            return np.where(benefit, _safe_div(X, s), _safe_div(inv, p["suminv"][None, :]))
        return _safe_div(X, s)
    if kind == "vector":
        v = _safe_div(X, p["nrm"][None, :])
        return np.where(benefit, v, 1.0 - v) if invert else v
    raise ValueError(kind)


def _evaluate(X: np.ndarray, sc: _Scoring) -> tuple[np.ndarray, np.ndarray, dict[str, np.ndarray]]:
    """(score, ranking key with higher better, details) of each row, as the numpy methods."""
    w = sc.weights
    if sc.method == "wsm":
        s = (_normalise(X, sc, True) * w).sum(axis=1)
        return s, s, {}
    if sc.method == "wpm":
        if sc.normalization == "none":
            L = np.log(X)
            L = np.where(sc.benefit, L, -L)
        else:
            L = np.log(_normalise(X, sc, True))
        log_score = L @ w
        return np.exp(log_score), log_score, {"log_score": log_score}
    N = _normalise(X, sc, False)  # topsis
    V = N * w
    ideal, anti = sc.params["ideal"], sc.params["anti"]
    dp = np.sqrt(((V - ideal) ** 2).sum(axis=1))
    dm = np.sqrt(((V - anti) ** 2).sum(axis=1))
    tot = dp + dm
    with np.errstate(invalid="ignore", divide="ignore"):
        c = dm / tot
    c = np.where(tot > 0, c, 0.5)
    return c, c, {"d_plus": dp, "d_minus": dm}
