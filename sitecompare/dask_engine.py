"""``--engine dask``: rank a Parquet site table larger than one machine's memory on a Dask
cluster, and split SMAA's samples across its workers.

The table (a Parquet file or a dataset folder, with its sidecar) is cut into pieces (one per
row group, in file order); each task reads one piece, so no process ever holds more than a
piece. A ranking takes two passes over the data:

1. **statistics** (one task per piece): every cell checked by the same rules as
   :mod:`sitecompare.tables`; per criterion the count of usable cells (the coverage gate) and,
   over the sites that bounds and ``missing: exclude-site`` keep, the count, minimum, maximum,
   sum, sum of squares and sum of reciprocals of the observed values; the screened-out sites.
   Ids are checked for duplicates across pieces by a hash shuffle (16 buckets of 64-bit
   hashes, each bucket sorted on one worker; a hash seen twice is confirmed on the ids).
   The client then applies the coverage gate and the missing-value policies and knows every
   normalisation's parameters: min-max from the extremes, ``max`` from the maximum and
   minimum, ``sum`` from the sums, ``vector`` (and TOPSIS) from the sum of squares.
2. **scores** (one task per piece): the normalised, weighted scores of its sites with those
   global parameters, by the same formulas in the same order as the numpy engine, and the
   piece's best K sites (plus any within 1e-6 of its K-th, so that a tie at the boundary is
   decided as the numpy engine decides it); the client merges them, ranks the candidates with
   the numpy engine's tie rule (:func:`~sitecompare.methods.ranks.rank_rows`, its scale the
   largest score of all sites) and keeps the best K in rank order, ties in row order.

Methods: ``wsm`` and ``wpm`` (any normalisation) and ``topsis`` (euclidean). Others need
more than two passes (VIKOR's Q needs the extremes of S and R; PROMETHEE compares every pair)
and are refused. ``missing: median`` needs every value of a column in one place and is refused
too. Min-max and no normalisation give scores equal to the numpy engine's bit for bit; sums
and norms are added in another order, so those scores may differ in the last bits.

SMAA (:func:`smaa`): the samples are cut into blocks, one seed per block
(``numpy.random.SeedSequence(seed).spawn(blocks)``, recorded), each block sampled and counted
on a worker by the numpy engine's own kernel; the counts are added in block order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from .errors import Issue, ValidationError, display_path
from .matrix import _fmt, _not_comparable, _pct
from .methods.normalize import _safe_div
from .methods.ranks import rank_rows
from .model import CriteriaSet, Criterion, Fact, MethodSpec
from .tables import (
    MAX_CELL_ISSUES,
    _Cells,
    _check_values,
    _numbers,
    _parquet_files,
    _read_meta,
)
from .units import UnitError, conversion_factor

__all__ = [
    "SUPPORTED",
    "Piece",
    "pieces",
    "DaskRanking",
    "rank_table",
    "smaa",
    "SMAABlocks",
    "connect",
    "close",
]

SUPPORTED = ("wsm", "wpm", "topsis")
BUCKETS = 16
MARGIN = 1e-6  # candidates within this share of a piece's largest score below its K-th
EXCLUDED_LISTED = 100


# --------------------------------------------------------------------------- the cluster


def connect(scheduler: str | None = None, **local: Any) -> Any:
    """A ``distributed.Client`` to ``scheduler``, or to a new ``LocalCluster`` (``local`` are
    its arguments; default: up to 4 worker processes of one thread each)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - the extra is not installed
        raise ValidationError(
            [Issue("--engine", "dask", "needs the dask extra: pip install 'sitecompare[dask]'")]
        ) from exc
    if scheduler:
        try:
            return Client(scheduler, timeout="10s")
        except (OSError, TimeoutError) as exc:
            raise ValidationError(
                [Issue("--scheduler", "", f"cannot reach the Dask scheduler at {scheduler}: {exc}")]
            ) from exc
    import os

    opts = {
        "n_workers": min(4, os.cpu_count() or 1),
        "threads_per_worker": 1,
        "dashboard_address": None,
        **local,
    }
    cluster = LocalCluster(**opts)
    client = Client(cluster)
    client._sitecompare_cluster = cluster  # closed with the client (see close())
    return client


def close(client: Any) -> None:
    cluster = getattr(client, "_sitecompare_cluster", None)
    client.close()
    if cluster is not None:
        cluster.close()


# --------------------------------------------------------------------------- pieces


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
    from .columnar import tidy_array

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
        limit, where = (c.bounds_min, "below the minimum") if below else (c.bounds_max, "above the maximum")
        return f"{c.fact} = {_fmt(x)} {c.unit} is {where} {_fmt(limit)} {c.unit} (criterion {c.id})"  # type: ignore[arg-type]
    c = plan.crits[int(ex[i])]
    return f"no fact {c.fact!r} (criterion {c.id} has missing: exclude-site)"


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
        v = vals.get(c.id)
        miss_all = np.ones(n, dtype=bool) if v is None else np.isnan(v)
        if c.missing == "error" and c.id in plan.taking:
            rows = np.flatnonzero(miss_all)
            missing_rows[c.id] = (rows[:MAX_CELL_ISSUES] + piece.offset).tolist()
            missing_n[c.id] = len(rows)
        if v is None:
            continue
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

    from .tables import _check_ids

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


# --------------------------------------------------------------------------- the ranking


@dataclass
class DaskRanking:
    """The best ``top`` sites of a table ranked on a cluster, with what the JSON reports."""

    method: MethodSpec
    criteria_set: CriteriaSet
    scenario: str | None
    horizon: str
    weights: dict[str, float]
    ranked: int
    top: int
    rows: list[dict[str, Any]]
    excluded: list[tuple[str, str]]
    excluded_count: int
    excluded_criteria: list[dict[str, Any]]
    warnings: list[str]
    engine: dict[str, Any] = field(default_factory=dict)
    higher_is_better: bool = True

    def to_json(self) -> dict[str, Any]:
        return {
            "method": self.method.as_dict(),
            "criteria_set": self.criteria_set.name,
            "scenario": self.scenario,
            "horizon": self.horizon,
            "weights": {k: float(f"{v:.12g}") for k, v in self.weights.items()},
            "weights_by": self.criteria_set.weights_by,
            "ranked": self.ranked,
            "top": self.top,
            "ranking": [
                {
                    "rank": r["rank"],
                    "site": r["site"],
                    "score": float(f"{r['score']:.12g}"),
                    "details": {k: float(f"{v:.12g}") for k, v in r["details"].items()},
                }
                for r in self.rows
            ],
            "rank_interval_exact": None,
            "rank_intervals": None,
            "excluded": [{"site": s, "reason": r} for s, r in self.excluded],
            "excluded_count": self.excluded_count,
            "excluded_criteria": self.excluded_criteria,
            "not_comparable": [],
            "warnings": self.warnings,
            "higher_is_better": self.higher_is_better,
            "engine": self.engine,
        }


def _refuse(method: MethodSpec, cs: CriteriaSet, origin: tuple[str, str]) -> list[Issue]:
    where, fld = origin
    issues = []
    if method.name not in SUPPORTED:
        issues.append(
            Issue(
                where,
                fld or "method",
                f"--engine dask ranks with {', '.join(SUPPORTED)} (two passes over the data); "
                f"{method.name} needs more: use --engine numpy",
            )
        )
    if method.name == "topsis" and dict(method.params).get("metric", "euclidean") != "euclidean":
        issues.append(Issue(where, "metric", "--engine dask runs topsis with metric: euclidean only"))
    for c in cs.criteria:
        if c.missing == "median":
            issues.append(
                Issue(
                    cs.path,
                    f"criteria.{c.id}.missing",
                    "median needs every value of the column in one place; --engine dask supports "
                    "worst, interval, exclude-site and error",
                )
            )
    return issues


def rank_table(
    client: Any,
    table: str | Path,
    cs: CriteriaSet,
    weights: Mapping[str, float],
    method: MethodSpec,
    *,
    top: int = 100,
    scenario: str | None = None,
    horizon: str = "planned",
    as_of: dt.date | None = None,
    origin: tuple[str, str] = ("method", ""),
    notes: Sequence[str] = (),
) -> DaskRanking:
    """Rank the Parquet table ``table`` on ``client``'s cluster (module docstring)."""
    import pyarrow.parquet as pq

    p = Path(table)
    name = display_path(p)
    issues = _refuse(method, cs, origin)
    if not (p.suffix.lower() == ".parquet" or p.is_dir()):
        issues.append(
            Issue(name, "", "--engine dask reads a Parquet file or dataset folder; use --engine numpy")
        )
        raise ValidationError(issues)
    if not p.exists():
        raise ValidationError([*issues, Issue(name, "", "site table not found")])
    parts = pieces(p)
    if not parts:
        raise ValidationError([*issues, Issue(name, "", "no Parquet files in this folder")])
    schema = pq.read_schema(parts[0].path)
    columns = list(schema.names)
    meta = _read_meta(p, None, columns, issues)
    if "id" not in columns:
        issues.append(
            Issue(f"{name}:1:id", "", "no id column (one row per site, its id in a column named id)")
        )
    if meta is None or issues:
        raise ValidationError(issues)
    today = as_of or dt.date.today()
    factor: dict[str, float] = {}
    notes_out = list(notes)
    sitting_pairs = []
    for c in cs.criteria:
        f = meta.facts.get(c.fact)
        if f is None:
            issues.append(Issue(cs.path, f"criteria.{c.id}.fact", f"no site has a fact {c.fact!r}"))
            continue
        why = _not_comparable(c, f, horizon)
        if why is not None:
            sitting_pairs.append((c.id, why))
            continue
        try:
            factor[c.id] = conversion_factor(f.unit, c.unit, cs.currency_rates, expects=f"criterion {c.id}")
        except UnitError as exc:
            issues.append(Issue(meta.name, f"columns.{c.fact}.unit", str(exc)))
    if issues:
        raise ValidationError(issues)
    plan = _Plan(name, meta.facts, cs.criteria, factor, tuple(c.id for c in cs.criteria), "name" in columns)

    # ids: checks and duplicates across pieces
    hashed = [client.submit(_hash_ids, x, name, pure=False) for x in parts]
    id_checks = _gather(client, [client.submit(lambda r: (r[0], r[1]), h, pure=False) for h in hashed])
    id_issues = [i for iss, _ in id_checks for i in iss[:MAX_CELL_ISSUES]]
    by_bucket = [[client.submit(_bucket, h, k, pure=False) for h in hashed] for k in range(BUCKETS)]
    dup_parts = _gather(client, [client.submit(_bucket_dups, b, pure=False) for b in by_bucket])
    del by_bucket
    dups = sorted(d for part in dup_parts for d in part)
    del hashed
    if dups:
        wanted = sorted({r for pair in dups[:MAX_CELL_ISSUES] for r in pair})
        by_piece: dict[int, list[int]] = {}
        for r in wanted:
            k = next(i for i, x in enumerate(parts) if x.offset <= r < x.offset + x.rows)
            by_piece.setdefault(k, []).append(r)
        got: dict[int, str] = {}
        for d in _gather(client, [client.submit(_ids_at, parts[k], rs, pure=False) for k, rs in by_piece.items()]):
            got.update(d)
        for row, first in dups[:MAX_CELL_ISSUES]:
            if got[row] == got[first] and got[row]:
                id_issues.append(
                    Issue(f"{name}:{row + 2}:id", "", f"{got[row]!r} is also the id of row {first + 2}")
                )

    # pass 1
    scans = _gather(client, [client.submit(_scan, x, plan, pure=False) for x in parts])
    cell_issues = [i for s in scans for i in s["issues"]]
    if id_issues or cell_issues:
        raise ValidationError(_capped(id_issues + cell_issues, name))
    n_all = sum(s["n"] for s in scans)
    shares = dict(weights)
    taking, sitting = [], []
    for c in cs.criteria:
        usable = sum(s["counts"].get(c.id, 0) for s in scans)
        share = usable / n_all if n_all else 0.0
        need = cs.min_coverage if c.min_coverage is None else c.min_coverage
        if n_all and share < need:
            verb = "has" if usable == 1 else "have"
            has = "no site has" if usable == 0 else f"only {usable} of {n_all} sites {verb}"
            why = f"{has} a comparable {c.fact} ({_pct(share)}; min_coverage {_pct(need)})"
            sitting.append(
                {
                    "criterion": c.id,
                    "coverage": float(f"{share:.6g}"),
                    "usable": usable,
                    "sites": n_all,
                    "min_coverage": need,
                    "weight": float(f"{shares.get(c.id, 0.0):.12g}"),
                    "reason": why,
                }
            )
        else:
            taking.append(c)
    if not taking or not any(shares.get(c.id, 0.0) > 0 for c in taking):
        raise ValidationError([Issue(cs.path, "min_coverage", "every (weighted) criterion sits out")])
    for x in sitting:
        notes_out.append(
            f"criterion {x['criterion']} sits out: {x['reason']}; its weight ({_pct(x['weight'])}) is shared "
            "among the others in proportion"
        )
    if tuple(c.id for c in taking) != plan.taking:
        changed = any(c.missing == "exclude-site" for c in cs.criteria if c not in taking)
        plan = _Plan(name, meta.facts, cs.criteria, factor, tuple(c.id for c in taking), plan.has_name)
        if changed:  # the kept sites depend on which exclude-site criteria take part
            scans = _gather(client, [client.submit(_scan, x, plan, pure=False) for x in parts])
    miss_issues = []
    for c in taking:
        if c.missing != "error":
            continue
        rows = [r for s in scans for r in s["missing_rows"].get(c.id, [])]
        total = sum(s["missing_n"].get(c.id, 0) for s in scans)
        for r in rows[:MAX_CELL_ISSUES]:
            miss_issues.append(
                Issue(
                    f"{name}:{r + 2}:{c.fact}",
                    "",
                    f"missing, and criterion {c.id!r} ({cs.path}) has missing: error "
                    "(add the fact, or set missing: interval, worst, median or exclude-site)",
                )
            )
        if total > MAX_CELL_ISSUES:
            miss_issues.append(
                Issue(name, c.fact, f"{total - MAX_CELL_ISSUES:,} more rows with this problem (missing)")
            )
    if miss_issues:
        raise ValidationError(miss_issues)
    kept = sum(s["kept"] for s in scans)
    if kept == 0:
        raise ValidationError([Issue(name, "", "no site is left after screening")])

    # the normalisations' parameters
    m = len(taking)
    lo, hi, tot, tot2, totinv = (np.zeros(m) for _ in range(5))
    fills = np.full(m, np.nan)
    worst = np.full(m, np.nan)
    best = np.full(m, np.nan)
    benefit = np.array([c.direction == "max" for c in taking])
    for j, c in enumerate(taking):
        st = [s["stats"][c.id] for s in scans if c.id in s["stats"]]
        cnt = sum(x[0] for x in st)
        omin = min((x[1] for x in st), default=np.inf)
        omax = max((x[2] for x in st), default=-np.inf)
        s1, s2, si = (float(np.sum([x[k] for x in st])) for k in (3, 4, 5))
        nmiss = kept - cnt
        fill = None
        if nmiss:
            if c.missing == "interval":
                fill = float(c.plausible_min if c.direction == "max" else c.plausible_max)  # type: ignore[arg-type]
                notes_out.append(
                    f"criterion {c.id}: {c.fact} unknown for {nmiss:,} sites; missing: interval lets it "
                    f"lie anywhere in {_fmt(c.plausible_min)}..{_fmt(c.plausible_max)} {c.unit}, the point "  # type: ignore[arg-type]
                    f"ranking takes {_fmt(fill)}"
                )
            elif c.missing == "worst":
                fill = float(c.scale_worst) if c.has_scale else (omin if c.direction == "max" else omax)  # type: ignore[arg-type]
                if not np.isfinite(fill):
                    fill = 0.0
                notes_out.append(
                    f"criterion {c.id}: {c.fact} missing for {nmiss:,} sites; "
                    f"missing: worst uses {_fmt(fill)} {c.unit}"
                )
            else:
                fill = 0.0
            fills[j] = fill
            omin, omax = min(omin, fill), max(omax, fill)
            s1 += nmiss * fill
            s2 += nmiss * fill * fill
            with np.errstate(divide="ignore"):
                si += nmiss * (np.float64(1.0) / np.float64(fill))
        lo[j], hi[j], tot[j], tot2[j], totinv[j] = omin, omax, s1, s2, si
        a = c.anchors
        if a is not None:
            worst[j], best[j] = a
    w = np.array([shares.get(c.id, 0.0) for c in taking], dtype=float)
    w = w / w.sum()
    params = dict(method.params)
    norm = str(params.get("normalization", {"wsm": "minmax", "wpm": "none", "topsis": "vector"}[method.name]))
    _domain(method.name, norm, taking, lo, benefit, cs, origin)
    nrm = np.sqrt(tot2)
    prm: dict[str, np.ndarray] = {
        "lo": lo,
        "hi": hi,
        "sum": tot,
        "suminv": totinv,
        "nrm": nrm,
        "worst": worst,
        "best": best,
    }
    if method.name == "topsis":
        sc0 = _Scoring(plan, method.name, norm, w, benefit, fills, prm, top)
        ext = _normalise(np.vstack([lo, hi]), sc0, False) * w  # the scaled columns' extremes
        vmax, vmin = ext.max(axis=0), ext.min(axis=0)
        prm["ideal"] = np.where(benefit, vmax, vmin)
        prm["anti"] = np.where(benefit, vmin, vmax)
    sc = _Scoring(plan, method.name, norm, w, benefit, fills, prm, top)

    # pass 2
    res = _gather(client, [client.submit(_score_piece, x, sc, pure=False) for x in parts])
    scale = max((r["scale"] for r in res), default=0.0)
    floor = 1.0 if method.name == "topsis" else 0.0
    rows = np.concatenate([r["rows"] for r in res])
    key = np.concatenate([r["key"] for r in res])
    score = np.concatenate([r["score"] for r in res])
    details = {d: np.concatenate([r["details"][d] for r in res]) for d in (res[0]["details"] if res else {})}
    ids = [s for r in res for s in r["ids"]]
    names = [s for r in res for s in r["names"]]
    ranks = rank_rows(key[None, :], True, scale_floor=max(scale, floor))[0]
    order = np.lexsort((rows, ranks))[:top]
    out_rows = [
        {
            "rank": int(ranks[i]),
            "site": ids[i],
            "name": names[i],
            "row": int(rows[i]) + 2,
            "score": float(score[i]),
            "details": {d: float(v[i]) for d, v in details.items()},
        }
        for i in order
    ]
    excluded = sorted(e for s in scans for e in s["excluded"])[:EXCLUDED_LISTED]
    info = client.scheduler_info()
    return DaskRanking(
        method=method,
        criteria_set=cs,
        scenario=scenario,
        horizon=horizon,
        weights={c.id: float(x) for c, x in zip(taking, w, strict=True)},
        ranked=kept,
        top=top,
        rows=out_rows,
        excluded=[(s, r) for _, _, s, r in excluded],
        excluded_count=sum(s["excluded_n"] for s in scans),
        excluded_criteria=sitting,
        warnings=notes_out,
        engine={
            "engine": "dask",
            "scheduler": info.get("address"),
            "workers": len(info.get("workers", {})),
            "pieces": len(parts),
            "sites": n_all,
            "candidates": int(len(key)),
            "as_of": today.isoformat(),
        },
    )


def _gather(client: Any, futures: Any) -> Any:
    """``client.gather``, a worker's failure to read the table turned into an input problem."""
    try:
        return client.gather(futures)
    except OSError as exc:
        raise ValidationError(
            [
                Issue(
                    "--scheduler",
                    "",
                    f"a Dask worker cannot read the table: {exc} (the workers must see the same files, "
                    "at the same absolute path)",
                )
            ]
        ) from exc


def _capped(issues: list[Issue], table: str) -> list[Issue]:
    """At most MAX_CELL_ISSUES lines per column over all pieces, then one line with the count."""
    out, seen, more = [], {}, {}
    for i in issues:
        col = i.file.rsplit(":", 1)[-1] if i.file.startswith(table + ":") else i.file + i.field
        seen[col] = seen.get(col, 0) + 1
        if seen[col] <= MAX_CELL_ISSUES:
            out.append(i)
        else:
            more[col] = more.get(col, 0) + 1
    for col, k in more.items():
        out.append(
            Issue(
                table, col, f"{k:,} more rows with problems (the first {MAX_CELL_ISSUES:,} are listed above)"
            )
        )
    return out


def _domain(
    name: str,
    norm: str,
    crits: list[Criterion],
    lo: np.ndarray,
    benefit: np.ndarray,
    cs: CriteriaSet,
    origin: tuple[str, str],
) -> None:
    """The numpy methods' domain checks, on the column minima."""
    where, fld = origin
    for j, c in enumerate(crits):
        bad = None
        if name == "wpm" and norm == "none" and lo[j] <= 0:
            bad = f"wpm needs values > 0; criterion {c.id!r} has {lo[j]:g}"
        elif norm == "max" and (lo[j] < 0 if benefit[j] else lo[j] <= 0):
            bad = f"'max' normalisation needs values {'>=' if benefit[j] else '>'} 0 (criterion {c.id})"
        elif norm == "sum" and lo[j] <= 0:
            bad = f"'sum' normalisation needs values > 0 (criterion {c.id})"
        if bad:
            raise ValidationError([Issue(where, fld or name, bad)])


# --------------------------------------------------------------------------- SMAA


@dataclass(frozen=True)
class SMAABlocks:
    """SMAA-2 rank acceptabilities and central weights from blocks of samples run on workers."""

    sites: tuple[str, ...]
    criteria: tuple[str, ...]
    samples: int
    seed: int
    blocks: int
    block_seeds: tuple[tuple[int, tuple[int, ...]], ...]  # (entropy, spawn key) of each block
    rank_acceptability: np.ndarray  # (n, n)
    central_weights: np.ndarray  # (n, m), NaN where never first
    holistic: np.ndarray

    def to_json(self) -> dict[str, Any]:
        return {
            "samples": self.samples,
            "seed": self.seed,
            "blocks": self.blocks,
            "block_seeds": [{"entropy": e, "spawn_key": list(k)} for e, k in self.block_seeds],
            "rank_acceptability": {s: self.rank_acceptability[i].tolist() for i, s in enumerate(self.sites)},
        }


def _smaa_block(
    problem: Any,
    method: MethodSpec,
    base: np.ndarray,
    X: np.ndarray,
    cells: list,
    k: int,
    ss: Any,
    weight_sampling: str,
    concentration: float,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    from .sensitivity.evaluate import Evaluator, chunk_bounds
    from .sensitivity.sample import sample_data, sample_weights
    from .sensitivity.smaa import _chunk_stats

    ev = Evaluator(problem, method)
    rw, rd = (np.random.default_rng(s) for s in ss.spawn(2))
    n, m = X.shape
    counts = np.zeros(n * n, dtype=np.int64)
    first_w = np.zeros((n, m))
    first_n = np.zeros(n, dtype=np.int64)
    for a, b in chunk_bounds(k, n, m, per_sample_matrix=bool(cells)):
        W = sample_weights(rw, b - a, base, weight_sampling, concentration)
        Xs = sample_data(rd, b - a, X, cells)[0] if cells else None
        st = _chunk_stats(ev, W, Xs, 0)
        counts += st.counts
        first_w += st.first_w
        first_n += st.first_n
    return counts, first_w, first_n


def smaa(
    client: Any,
    dm: Any,
    method: MethodSpec,
    *,
    samples: int = 10_000,
    seed: int = 1,
    blocks: int | None = None,
    weight_sampling: str = "uniform",
    concentration: float = 50.0,
) -> SMAABlocks:
    """SMAA-2 of the matrix ``dm`` with ``samples`` split into ``blocks`` (default: 4 per
    worker), block b seeded by ``SeedSequence(seed).spawn(blocks)[b]``; each block draws its
    weights (and uncertain facts: ranged, and unknown within ``plausible``) from its own two
    child streams. The result is the same for the same seed and number of blocks, whatever the
    cluster."""
    from .sensitivity.sample import uncertain_cells

    n_workers = max(1, len(client.scheduler_info().get("workers", {})))
    blocks = blocks or 4 * n_workers
    blocks = max(1, min(blocks, samples))
    seqs = np.random.SeedSequence(seed).spawn(blocks)
    sizes = [samples // blocks + (1 if b < samples % blocks else 0) for b in range(blocks)]
    cells = uncertain_cells(dm.low, dm.high, dm.missing, dm.observed_low, dm.observed_high, False)
    problem = dm.problem()
    [pf] = client.scatter([problem], broadcast=True, hash=False)  # a key of its own per run
    futs = [
        client.submit(
            _smaa_block,
            pf,
            method,
            dm.weights,
            dm.X,
            cells,
            k,
            ss,
            weight_sampling,
            concentration,
            pure=False,
        )
        for k, ss in zip(sizes, seqs, strict=True)
    ]
    n, m = dm.X.shape
    counts = np.zeros(n * n, dtype=np.int64)
    first_w = np.zeros((n, m))
    first_n = np.zeros(n, dtype=np.int64)
    for c, fw, fn in _gather(client, futs):  # added in block order
        counts += c
        first_w += fw
        first_n += fn
    acc = counts.reshape(n, n) / samples
    alpha = (n - np.arange(1, n + 1)) / max(n - 1, 1)
    with np.errstate(invalid="ignore", divide="ignore"):
        central = first_w / first_n[:, None]
    central[first_n == 0] = np.nan
    return SMAABlocks(
        sites=tuple(dm.site_ids),
        criteria=dm.criterion_ids,
        samples=samples,
        seed=seed,
        blocks=blocks,
        block_seeds=tuple((int(s.entropy), tuple(int(x) for x in s.spawn_key)) for s in seqs),  # type: ignore[arg-type]
        rank_acceptability=acc,
        central_weights=central,
        holistic=acc @ alpha,
    )
