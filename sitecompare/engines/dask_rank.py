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

from ..errors import Issue, ValidationError, display_path
from ..matrix_steps import apply_coverage, fmt_number, not_comparable, pct, plausible_range
from ..methods.ranks import rank_rows
from ..model import CriteriaSet, Criterion, MethodSpec
from ..tables.checks import MAX_CELL_ISSUES
from ..tables.sidecar import _read_meta
from ..units import UnitError, conversion_factor
from .dask_tasks import (
    BUCKETS,
    EXCLUDED_LISTED,
    Piece,
    _bucket,
    _bucket_dups,
    _hash_ids,
    _ids_at,
    _normalise,
    _Plan,
    _scan,
    _score_piece,
    _Scoring,
    pieces,
)

__all__ = ["SUPPORTED", "DaskRanking", "rank_table", "connect", "close", "gather"]

SUPPORTED = ("wsm", "wpm", "topsis")


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
            return Client(scheduler, timeout="10s")  # type: ignore[no-untyped-call]  # distributed leaves it unannotated
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
    cluster = LocalCluster(**opts)  # type: ignore[no-untyped-call]  # distributed leaves it unannotated
    client = Client(cluster)  # type: ignore[no-untyped-call]  # distributed leaves it unannotated
    _CLUSTERS[id(client)] = cluster  # closed with the client (see close())
    return client


# the LocalCluster each client of connect() started, by id(client)
_CLUSTERS: dict[int, Any] = {}


def close(client: Any) -> None:
    """Close a client of :func:`connect`, and the local cluster it started, if any."""
    cluster = _CLUSTERS.pop(id(client), None)
    client.close()
    if cluster is not None:
        cluster.close()


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
        """The ranking as ``rank --engine dask --format json`` writes it."""
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


def _open(
    table: str | Path, cs: CriteriaSet, method: MethodSpec, origin: tuple[str, str], horizon: str
) -> tuple[list[Piece], Any, _Plan]:
    """The pieces, the sidecar and the plan of the tasks; every problem of the inputs at once."""
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
    columns = list(pq.read_schema(parts[0].path).names)
    meta = _read_meta(p, None, columns, issues)
    if "id" not in columns:
        issues.append(
            Issue(f"{name}:1:id", "", "no id column (one row per site, its id in a column named id)")
        )
    if meta is None or issues:
        raise ValidationError(issues)
    factor: dict[str, float] = {}
    for c in cs.criteria:
        f = meta.facts.get(c.fact)
        if f is None:
            issues.append(Issue(cs.path, f"criteria.{c.id}.fact", f"no site has a fact {c.fact!r}"))
        elif not_comparable(c, f, horizon) is None:  # a column of another scope: no usable cell
            try:
                factor[c.id] = conversion_factor(
                    f.unit, c.unit, cs.currency_rates, expects=f"criterion {c.id}"
                )
            except UnitError as exc:
                issues.append(Issue(meta.name, f"columns.{c.fact}.unit", str(exc)))
    if issues:
        raise ValidationError(issues)
    taking = tuple(c.id for c in cs.criteria)
    return parts, meta, _Plan(name, meta.facts, cs.criteria, factor, taking, "name" in columns)


def _id_problems(client: Any, parts: list[Piece], name: str) -> list[Issue]:
    """Empty and malformed ids, and ids used twice anywhere in the table (hash shuffle)."""
    hashed = [client.submit(_hash_ids, x, name, pure=False) for x in parts]
    checks = gather(client, [client.submit(lambda r: (r[0], r[1]), h, pure=False) for h in hashed])
    issues = [i for iss, _ in checks for i in iss[:MAX_CELL_ISSUES]]
    by_bucket = [[client.submit(_bucket, h, k, pure=False) for h in hashed] for k in range(BUCKETS)]
    dups = sorted(
        d
        for part in gather(client, [client.submit(_bucket_dups, b, pure=False) for b in by_bucket])
        for d in part
    )
    del by_bucket, hashed
    if not dups:
        return issues
    by_piece: dict[int, list[int]] = {}
    for r in sorted({r for pair in dups[:MAX_CELL_ISSUES] for r in pair}):
        k = next(i for i, x in enumerate(parts) if x.offset <= r < x.offset + x.rows)
        by_piece.setdefault(k, []).append(r)
    got: dict[int, str] = {}
    for d in gather(client, [client.submit(_ids_at, parts[k], rs, pure=False) for k, rs in by_piece.items()]):
        got.update(d)
    for row, first in dups[:MAX_CELL_ISSUES]:
        if got[row] == got[first] and got[row]:  # the same hash and the same id
            issues.append(
                Issue(f"{name}:{row + 2}:id", "", f"{got[row]!r} is also the id of row {first + 2}")
            )
    return issues


def _coverage(
    scans: list[dict[str, Any]], cs: CriteriaSet, shares: Mapping[str, float], notes: list[str]
) -> tuple[list[Criterion], list[dict[str, Any]]]:
    """The coverage gate on the counts of usable cells: the criteria taking part, and the
    others as ``rank --format json``'s ``excluded_criteria``."""
    n_all = sum(s["n"] for s in scans)

    def usable_of(c: Criterion) -> int:
        return sum(s["counts"].get(c.id, 0) for s in scans)

    # apply_coverage's issue is the raise below (which also stops a study with no weight left)
    taking, out, _ = apply_coverage(cs, usable_of, n_all, shares, ())
    sitting: list[dict[str, Any]] = [x.to_json() for x in out]
    for x in sitting:
        notes.append(
            f"criterion {x['criterion']} sits out: {x['reason']}; its weight ({pct(x['weight'])}) is "
            "shared among the others in proportion"
        )
    if not taking or not any(shares.get(c.id, 0.0) > 0 for c in taking):
        raise ValidationError([Issue(cs.path, "min_coverage", "every (weighted) criterion sits out")])
    return taking, sitting


def _missing_errors(scans: list[dict[str, Any]], taking: list[Criterion], cs: CriteriaSet, name: str) -> None:
    issues = []
    for c in taking:
        if c.missing != "error":
            continue
        rows = [r for s in scans for r in s["missing_rows"].get(c.id, [])]
        total = sum(s["missing_n"].get(c.id, 0) for s in scans)
        for r in rows[:MAX_CELL_ISSUES]:
            issues.append(
                Issue(
                    f"{name}:{r + 2}:{c.fact}",
                    "",
                    f"missing, and criterion {c.id!r} ({cs.path}) has missing: error "
                    "(add the fact, or set missing: interval, worst, median or exclude-site)",
                )
            )
        if total > MAX_CELL_ISSUES:
            issues.append(
                Issue(name, c.fact, f"{total - MAX_CELL_ISSUES:,} more rows with this problem (missing)")
            )
    if issues:
        raise ValidationError(issues)


def _scoring(
    scans: list[dict[str, Any]],
    taking: list[Criterion],
    kept: int,
    plan: _Plan,
    method: MethodSpec,
    shares: Mapping[str, float],
    top: int,
    cs: CriteriaSet,
    origin: tuple[str, str],
    notes: list[str],
) -> _Scoring:
    """The imputed values and every normalisation's column parameters, from the statistics of
    the kept sites (module docstring), as the numpy engine computes them over the whole matrix."""
    m = len(taking)
    lo, hi, tot, tot2, totinv = (np.zeros(m) for _ in range(5))
    fills, worst, best = np.full(m, np.nan), np.full(m, np.nan), np.full(m, np.nan)
    benefit = np.array([c.direction == "max" for c in taking])
    for j, c in enumerate(taking):
        st = [s["stats"][c.id] for s in scans if c.id in s["stats"]]
        omin = min((x[1] for x in st), default=np.inf)
        omax = max((x[2] for x in st), default=-np.inf)
        s1, s2, si = (float(np.sum([x[k] for x in st])) for k in (3, 4, 5))
        nmiss = kept - sum(x[0] for x in st)
        if nmiss:
            if c.missing == "interval":
                lo_p, hi_p = plausible_range(c)
                fill = lo_p if c.direction == "max" else hi_p
                span = f"{fmt_number(lo_p)}..{fmt_number(hi_p)} {c.unit}"
                notes.append(
                    f"criterion {c.id}: {c.fact} unknown for {nmiss:,} sites; missing: interval lets it "
                    f"lie anywhere in {span}, the point ranking takes {fmt_number(fill)}"
                )
            elif c.missing == "worst":
                if c.has_scale and c.scale_worst is not None:
                    fill = float(c.scale_worst)
                else:
                    fill = omin if c.direction == "max" else omax
                fill = fill if np.isfinite(fill) else 0.0  # no site has the fact: it does not discriminate
                notes.append(
                    f"criterion {c.id}: {c.fact} missing for {nmiss:,} sites; "
                    f"missing: worst uses {fmt_number(fill)} {c.unit}"
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
        if c.anchors is not None:
            worst[j], best[j] = c.anchors
    w = np.array([shares.get(c.id, 0.0) for c in taking], dtype=float)
    w = w / w.sum()
    norm = str(
        dict(method.params).get(
            "normalization", {"wsm": "minmax", "wpm": "none", "topsis": "vector"}[method.name]
        )
    )
    _domain(method.name, norm, taking, lo, benefit, cs, origin)
    prm = {
        "lo": lo,
        "hi": hi,
        "sum": tot,
        "suminv": totinv,
        "nrm": np.sqrt(tot2),
        "worst": worst,
        "best": best,
    }
    if method.name == "topsis":  # the ideal and anti-ideal: the scaled, weighted columns' extremes
        ext = (
            _normalise(
                np.vstack([lo, hi]), _Scoring(plan, method.name, norm, w, benefit, fills, prm, top), False
            )
            * w
        )
        vmax, vmin = ext.max(axis=0), ext.min(axis=0)
        prm["ideal"] = np.where(benefit, vmax, vmin)
        prm["anti"] = np.where(benefit, vmin, vmax)
    return _Scoring(plan, method.name, norm, w, benefit, fills, prm, top)


def _best(res: list[dict[str, Any]], method: str, top: int) -> tuple[list[dict[str, Any]], int]:
    """The best ``top`` of every piece's candidates, ranked by the numpy engine's tie rule with
    the scale of all sites' scores, ties in row order; and how many candidates there were."""
    scale = max((r["scale"] for r in res), default=0.0)
    floor = 1.0 if method == "topsis" else 0.0  # closeness: ties judged against 1, as rank_scores
    rows = np.concatenate([r["rows"] for r in res])
    key = np.concatenate([r["key"] for r in res])
    score = np.concatenate([r["score"] for r in res])
    details = {d: np.concatenate([r["details"][d] for r in res]) for d in (res[0]["details"] if res else {})}
    ids = [s for r in res for s in r["ids"]]
    names = [s for r in res for s in r["names"]]
    ranks = rank_rows(key[None, :], True, scale_floor=max(scale, floor))[0]
    out = [
        {
            "rank": int(ranks[i]),
            "site": ids[i],
            "name": names[i],
            "row": int(rows[i]) + 2,
            "score": float(score[i]),
            "details": {d: float(v[i]) for d, v in details.items()},
        }
        for i in np.lexsort((rows, ranks))[:top]
    ]
    return out, len(key)


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
    parts, meta, plan = _open(table, cs, method, origin, horizon)
    name = plan.table
    id_issues = _id_problems(client, parts, name)
    # pass 1: checks, coverage counts and column statistics
    scans = gather(client, [client.submit(_scan, x, plan, pure=False) for x in parts])
    cell_issues = [i for s in scans for i in s["issues"]]
    if id_issues or cell_issues:
        raise ValidationError(_capped(id_issues + cell_issues, name))
    shares = dict(weights)
    out_notes = list(notes)
    taking, sitting = _coverage(scans, cs, shares, out_notes)
    if tuple(c.id for c in taking) != plan.taking:
        plan = _Plan(name, meta.facts, cs.criteria, plan.factor, tuple(c.id for c in taking), plan.has_name)
        if any(c.missing == "exclude-site" for c in cs.criteria if c not in taking):
            # which sites are kept depends on the exclude-site criteria that take part
            scans = gather(client, [client.submit(_scan, x, plan, pure=False) for x in parts])
    _missing_errors(scans, taking, cs, name)
    kept = sum(s["kept"] for s in scans)
    if kept == 0:
        raise ValidationError([Issue(name, "", "no site is left after screening")])
    sc = _scoring(scans, taking, kept, plan, method, shares, top, cs, origin, out_notes)
    # pass 2: scores, and each piece's best candidates
    res = gather(client, [client.submit(_score_piece, x, sc, pure=False) for x in parts])
    best, candidates = _best(res, method.name, top)
    excluded = sorted(e for s in scans for e in s["excluded"])[:EXCLUDED_LISTED]
    info = client.scheduler_info()
    return DaskRanking(
        method=method,
        criteria_set=cs,
        scenario=scenario,
        horizon=horizon,
        weights={c.id: float(x) for c, x in zip(taking, sc.weights, strict=True)},
        ranked=kept,
        top=top,
        rows=best,
        excluded=[(s, r) for _, _, s, r in excluded],
        excluded_count=sum(s["excluded_n"] for s in scans),
        excluded_criteria=sitting,
        warnings=out_notes,
        engine={
            "engine": "dask",
            "scheduler": info.get("address"),
            "workers": len(info.get("workers", {})),
            "pieces": len(parts),
            "sites": sum(s["n"] for s in scans),
            "candidates": candidates,
            "as_of": (as_of or dt.date.today()).isoformat(),
        },
    )


def gather(client: Any, futures: Any) -> Any:
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
    out: list[Issue] = []
    seen: dict[str, int] = {}
    more: dict[str, int] = {}
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
