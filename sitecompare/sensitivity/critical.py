"""Critical changes: the smallest weight or fact change that reverses a ranking.

Weights (Triantaphyllou & Sanchez 1997, Decision Sciences 28(1):151-194): for each pair of sites
(a ahead of b) and each criterion k, delta is the smallest change of w_k, the other weights
unchanged before renormalising, that reverses a and b; relative = delta / w_k. The
renormalised weight after the change is t = (w_k + delta)/(1 + delta), so delta follows from the
OAT crossover t* of that pair that needs the smallest |delta| = |t* - w_k|/(1 - t*) (a pair may
cross more than once; the crossover nearest in t is not always the smallest change). Where a
pair crosses through a tie plateau (VIKOR), t* is the plateau's edge nearest the current weight:
the change at which the two sites first tie, as for a crossing at a point. For
wsm this is T&S's closed form delta = (S_b - S_a)/(v_bk - v_ak); for the other methods it inherits
the OAT crossovers' precision. The most critical criterion is the one with the smallest
|relative| change (T&S "percent") or smallest |delta| ("absolute"), for first place ("top")
and for any pair ("any"). Criticality degree of a criterion = its smallest |relative| change;
sensitivity coefficient = 1 / criticality.

The workbook and the Summary speak of the same changes in the unit the Weight sweeps show, the
weight's **share** once the others are rescaled in proportion: a change takes the share from
w_k to t (``new_weight``), ``share_change = t - w_k``, ``share_relative = share_change / w_k``.
``most_critical(...)["share"]`` picks by that measure; it is the one definition of "critical"
the workbook uses (T&S's delta and relative change stay in the JSON and the pair table).

Data: for each site below first place and each criterion, the smallest change of the site's
value (in the criterion's unit and in the fact's own unit) that lifts it one rank up, and to
first place, with the weights and every other value fixed (imputed values stay as imputed).
A change is **out of reach** when the value it needs lies outside the criterion's observed
range widened by its own width on each side ([lo - (hi - lo), hi + (hi - lo)]), or outside
the criterion's fixed ``scale``: far outside anything observed, it is no plan to act on.
Found by scanning the search range on a grid (the rank need not be monotone in the value) and
bisecting the first bracket that reaches the target, all candidates at once; values outside the
method's domain (0 where it needs values > 0) are never taken.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from ..errors import SiteCompareError
from ..methods.ranks import tie_tolerance
from .evaluate import Evaluator
from .oat import OATResult

__all__ = [
    "WeightChange",
    "DataChange",
    "critical_weight_changes",
    "most_critical",
    "critical_data_changes",
    "plausible_range",
]


@dataclass(frozen=True)
class WeightChange:
    criterion: str
    sites: tuple[str, str]  # (currently ahead, currently behind)
    ranks: tuple[int, int]
    delta: float
    relative: float | None
    new_weight: float  # the renormalised weight at which they swap
    weight: float = 0.0  # the criterion's share now

    @property
    def share_change(self) -> float:
        """The change of the weight's share (others rescaled in proportion): t - w."""
        return self.new_weight - self.weight

    @property
    def share_relative(self) -> float | None:
        return self.share_change / self.weight if self.weight > 0 else None

    def to_json(self) -> dict:
        return {
            "criterion": self.criterion,
            "sites": list(self.sites),
            "ranks": list(self.ranks),
            "delta": _r(self.delta),
            "relative": None if self.relative is None else _r(self.relative),
            "new_weight": _r(self.new_weight),
            "weight": _r(self.weight),
            "share_change": _r(self.share_change),
            "share_relative": None if self.share_relative is None else _r(self.share_relative),
        }


def _r(x: float) -> float:
    return float(f"{x:.10g}")


def critical_weight_changes(
    oat: dict[str, OATResult],
    weights: np.ndarray,
    criteria: tuple[str, ...],
    sites: tuple[str, ...],
    ranks: np.ndarray,
) -> list[WeightChange]:
    w = np.asarray(weights, float) / np.sum(weights)
    rank_of = {s: int(r) for s, r in zip(sites, ranks, strict=True)}
    out: list[WeightChange] = []
    for k, cid in enumerate(criteria):
        res = oat[cid]
        wk = float(w[k])
        best: dict[frozenset, tuple[float, object]] = {}
        for c in res.crossovers:
            if c.weight >= 1.0 - 1e-12:
                continue  # only reachable in the limit of an infinite change
            key = frozenset(c.sites)
            # the smallest change is the smallest |delta|, not the nearest t: delta = (t - w)/(1 - t)
            # grows faster above w than below it (a pair crossing at t = 0.17 and 0.77 with
            # w = 0.59 needs delta -0.51 or +0.76)
            size = abs((c.weight - wk) / (1.0 - c.weight))
            if key not in best or size < best[key][0]:
                best[key] = (size, c)
        for _, c in best.values():
            t = c.weight  # type: ignore[attr-defined]
            delta = (t - wk) / (1.0 - t)
            a, b = c.sites  # type: ignore[attr-defined]
            # order the pair as it stands now (at the current weight)
            if rank_of[a] > rank_of[b] or (rank_of[a] == rank_of[b] and a > b):
                a, b = b, a
            out.append(
                WeightChange(
                    criterion=cid,
                    sites=(a, b),
                    ranks=(rank_of[a], rank_of[b]),
                    delta=delta,
                    relative=(delta / wk) if wk > 0 else None,
                    new_weight=t,
                    weight=wk,
                )
            )
    out.sort(key=lambda x: (abs(x.relative) if x.relative is not None else np.inf, abs(x.delta)))
    return out


def most_critical(changes: list[WeightChange], criteria: tuple[str, ...]) -> dict:
    def pick(items: list[WeightChange], key) -> dict | None:  # type: ignore[no-untyped-def]
        items = [c for c in items if key(c) is not None]
        if not items:
            return None
        c = min(items, key=key)
        return {
            "criterion": c.criterion,
            "sites": list(c.sites),
            "delta": _r(c.delta),
            "relative": None if c.relative is None else _r(c.relative),
            "weight": _r(c.weight),
            "new_weight": _r(c.new_weight),
            "share_change": _r(c.share_change),
            "share_relative": None if c.share_relative is None else _r(c.share_relative),
        }

    top = [c for c in changes if c.ranks[0] == 1]
    rel = lambda c: None if c.relative is None else abs(c.relative)  # noqa: E731
    ab = lambda c: abs(c.delta)  # noqa: E731
    srel = lambda c: None if c.share_relative is None else abs(c.share_relative)  # noqa: E731
    sab = lambda c: abs(c.share_change)  # noqa: E731
    degree = {}
    for cid in criteria:
        mine = [abs(c.relative) for c in changes if c.criterion == cid and c.relative is not None]
        d = min(mine) if mine else None
        shares = [srel(c) for c in changes if c.criterion == cid and srel(c) is not None]
        ds = min(shares) if shares else None  # type: ignore[type-var]
        degree[cid] = {
            "criticality": None if d is None else _r(d),
            "sensitivity": None if not d else _r(1.0 / d),
            "criticality_share": None if ds is None else _r(ds),
            "sensitivity_share": None if not ds else _r(1.0 / ds),
        }
    return {
        "top": {"percent": pick(top, rel), "absolute": pick(top, ab)},
        "any": {"percent": pick(changes, rel), "absolute": pick(changes, ab)},
        "share": {
            "top": {"percent": pick(top, srel), "absolute": pick(top, sab)},
            "any": {"percent": pick(changes, srel), "absolute": pick(changes, sab)},
        },
        "criteria": degree,
    }


@dataclass(frozen=True)
class DataChange:
    site: str
    criterion: str
    target: str  # "up-one" or "first"
    current_rank: int
    target_rank: int
    current_value: float
    required_value: float | None  # None: not reachable by this fact alone
    factor: float  # criterion unit = fact unit * factor
    out_of_reach: bool = False  # the value needed lies far outside anything observed

    @property
    def change(self) -> float | None:
        return None if self.required_value is None else self.required_value - self.current_value

    def to_json(self, unit: str, fact: str, fact_unit: str, status: str) -> dict:
        ch = self.change
        return {
            "site": self.site,
            "criterion": self.criterion,
            "fact": fact,
            "target": self.target,
            "current_rank": self.current_rank,
            "target_rank": self.target_rank,
            "current_value": _r(self.current_value),
            "required_value": None if self.required_value is None else _r(self.required_value),
            "change": None if ch is None else _r(ch),
            "unit": unit,
            "change_in_fact_unit": None if ch is None or not self.factor else _r(ch / self.factor),
            "fact_unit": fact_unit,
            "reachable": self.required_value is not None,
            "out_of_reach": self.out_of_reach,
            "fact_status": status,
        }


# Search grid: shares u of the way from the current value to the search limit. Dense near the
# current value (the smallest change is wanted) and near the limit (a cost value close to 0).
SEARCH_SHARES = np.unique(
    np.concatenate(
        [np.linspace(0.0, 1.0, 129)[1:], np.logspace(-6, 0, 31), 1.0 - np.logspace(-9, -0.5, 30)]
    )
)
SECTIONS = 15  # interior points per bracket and pass when refining a bracket
SEARCH_SHARES_UNBATCHED = np.unique(  # methods evaluated one at a time (scikit-criteria)
    np.concatenate(
        [np.linspace(0.0, 1.0, 41)[1:], np.logspace(-4, 0, 9), 1.0 - np.logspace(-9, -1, 9)]
    )
)
# values outside the method's domain; any other exception is a bug and is not swallowed here
_EVAL_ERRORS = (SiteCompareError,)


def critical_data_changes(
    ev: Evaluator,
    weights: np.ndarray,
    X: np.ndarray,
    ranks: np.ndarray,
    sites: tuple[str, ...],
    criteria: tuple[str, ...],
    observed_low: np.ndarray,
    observed_high: np.ndarray,
    factors: np.ndarray,
    anchors_best: np.ndarray,
    iterations: int = 60,
    anchors_worst: np.ndarray | None = None,
) -> list[DataChange]:
    """Smallest improvement of one value that lifts a site to a target rank.

    The search runs from the current value towards the limit (10x the observed span beyond
    the best value; 0 for a non-negative cost criterion; the ``scale`` anchor's best value when
    there is one).

    * **Closed form** (wsm; wpm without normalisation): while the changed value stays inside
      the range its column's normalisation is fixed over (between the other sites' extremes
      for min-max, up to the column maximum for ``max``, anywhere for fixed anchors or
      ``none``), the site's score is its other columns' part plus ``w_j v(x)`` and every other
      score is fixed, so the value that ties the site with the one it must overtake is
      ``v^-1((T - rest) / w_j)``. The answer is checked by scoring it.
    * **Bracketing** otherwise (topsis, vikor, promethee2, scikit-criteria methods, and a value
      that would move a min-max bound, where the pieces change): a site's rank need not be
      monotone in its value (VIKOR; min-max normalisation when the site becomes the best), so
      the whole range is scanned on a grid (``SEARCH_SHARES``), and the first grid value that
      reaches the target is refined by bisection against the grid value before it.

    Only the changed column is re-scored (:class:`~.column.ColumnScores`: O(n) per variant, not
    O(n m)). A site's rank at a variant is 1 + the number of sites scoring more than the tie
    tolerance above it. Values the method cannot evaluate (e.g. 0 under wpm or max/sum
    normalisation, which need values > 0) are outside the search: they never count as reaching
    the target.
    """
    from .column import ColumnScores

    n, m = X.shape
    benefit = ev.problem.benefit
    cand = []  # (site i, criterion j, target label, target rank, x0, limit)
    for i in range(n):
        r = int(ranks[i])
        if r == 1:
            continue
        up = _rank_above(ranks, r)  # the rank of the site(s) just above; ties share it
        targets = ([("up-one", up)] if up > 1 else []) + [("first", 1)]
        for j in range(m):
            lo, hi = observed_low[j], observed_high[j]
            span = max(hi - lo, abs(hi), abs(lo), 1.0)
            x0 = X[i, j]
            if benefit[j]:
                limit = max(x0, hi) + 10.0 * span
                if not np.isnan(anchors_best[j]):
                    limit = max(x0, anchors_best[j])
            else:
                limit = min(0.0, x0) if lo >= 0 else lo - 10.0 * span
                if not np.isnan(anchors_best[j]):
                    limit = min(x0, anchors_best[j])
            for label, tr in targets:
                cand.append((i, j, label, tr, x0, limit))
    if not cand:
        return []
    ii = np.array([c[0] for c in cand])
    jj = np.array([c[1] for c in cand])
    target = np.array([c[3] for c in cand])
    x0 = np.array([c[4] for c in cand], float)
    limit = np.array([c[5] for c in cand], float)
    w = np.asarray(weights, float)
    cs = ColumnScores(ev, w)

    def reached(j: int, x: np.ndarray, q: np.ndarray) -> np.ndarray:
        """Candidates q (all of column j) with their value set to x reach their target rank
        (False if the method cannot evaluate the value)."""
        cols = np.broadcast_to(X[:, j], (q.size, n)).copy()
        rows = np.arange(q.size)
        cols[rows, ii[q]] = x
        g, ok = _safe_column(cs, j, cols)
        own = g[rows, ii[q]][:, None]
        tol = tie_tolerance(np.maximum(np.abs(g).max(axis=1, initial=0.0), ev.tie_scale))[:, None]
        rank = 1 + (g - own > tol).sum(axis=1)
        return ok & (rank <= target[q])

    Q = len(cand)
    solved = np.zeros(Q, dtype=bool)
    needed = np.full(Q, np.nan)
    if ev.info.name in CLOSED_FORM:
        xs = _closed_form(ev, cs, w, X, ii, jj, target, x0, limit)
        for j in range(m):
            q = np.flatnonzero((jj == j) & np.isfinite(xs))
            if q.size:
                ok = reached(j, xs[q], q)
                solved[q[ok]] = True
                needed[q[ok]] = xs[q[ok]]
    shares = SEARCH_SHARES if ev.batched else SEARCH_SHARES_UNBATCHED
    L = shares.size
    for j in range(m):
        qj = np.flatnonzero((jj == j) & ~solved)
        if not qj.size:
            continue
        # grid level by level (all candidates at one share, then the next): values outside
        # the method's domain sit together at the last levels, so few evaluations isolate them
        q_all = np.tile(qj, L)
        x_all = (x0[qj][None, :] + shares[:, None] * (limit - x0)[qj][None, :]).ravel()
        hit = np.zeros(q_all.size, dtype=bool)
        step = max(256, 2_000_000 // max(n, 1))
        for a in range(0, q_all.size, step):
            hit[a : a + step] = reached(j, x_all[a : a + step], q_all[a : a + step])
        hit = hit.reshape(L, qj.size).T
        found = hit.any(axis=1)
        f = np.argmax(hit, axis=1)  # the first grid value that reaches the target
        hi_x = np.where(found, x0[qj] + shares[f] * (limit - x0)[qj], limit[qj])
        prev = np.where(f > 0, shares[np.maximum(f - 1, 0)], 0.0)
        lo_x = x0[qj] + prev * (limit - x0)[qj]  # not reached
        k = np.flatnonzero(found)
        # multisection: SECTIONS interior points a bracket per pass (one batch for all
        # brackets), the bracket shrinking (SECTIONS + 1)-fold, to the precision of
        # ``iterations`` halvings
        passes = int(np.ceil(iterations / np.log2(SECTIONS + 1))) if k.size else 0
        frac = np.arange(1, SECTIONS + 1) / (SECTIONS + 1)
        for _ in range(passes):
            pts = lo_x[k][:, None] + frac[None, :] * (hi_x[k] - lo_x[k])[:, None]  # (k, s)
            r = reached(j, pts.ravel(), np.repeat(qj[k], SECTIONS)).reshape(k.size, SECTIONS)
            anyr = r.any(axis=1)
            first = np.argmax(r, axis=1)
            new_hi = np.where(anyr, pts[np.arange(k.size), first], hi_x[k])
            before = np.where(first > 0, pts[np.arange(k.size), first - 1], lo_x[k])
            new_lo = np.where(anyr, before, pts[:, -1])
            lo_x[k], hi_x[k] = new_lo, new_hi
        solved[qj[found]] = True
        needed[qj[found]] = hi_x[found]
    reach_lo, reach_hi = plausible_range(observed_low, observed_high, anchors_worst, anchors_best)
    out = []
    for q, (i, j, label, tr, xv, _) in enumerate(cand):
        value = float(needed[q])
        out.append(
            DataChange(
                site=sites[i],
                criterion=criteria[j],
                target=label,
                current_rank=int(ranks[i]),
                target_rank=int(tr),
                current_value=float(xv),
                required_value=value if solved[q] else None,
                factor=float(factors[i, j]),
                out_of_reach=bool(solved[q] and not reach_lo[j] <= value <= reach_hi[j]),
            )
        )
    return out


CLOSED_FORM = ("wsm", "wpm")


def _closed_form(
    ev: Evaluator,
    cs: Any,
    w: np.ndarray,
    X: np.ndarray,
    ii: np.ndarray,
    jj: np.ndarray,
    target: np.ndarray,
    x0: np.ndarray,
    limit: np.ndarray,
) -> np.ndarray:
    """The required value of each candidate where its column's normalisation stays fixed
    (module docstring of :func:`critical_data_changes`); NaN where there is no closed form."""
    p = ev.problem
    params = dict(ev.params)
    name = ev.info.name
    norm = str(params.get("normalization", "minmax" if name == "wsm" else "none"))
    out = np.full(ii.size, np.nan)
    if (name == "wpm" and norm != "none") or norm not in ("minmax", "max", "none"):
        return out
    n = X.shape[0]
    for q in range(ii.size):
        i, j = int(ii[q]), int(jj[q])
        if w[j] <= 0:
            continue
        b = bool(p.benefit[j])
        others = np.delete(X[:, j], i)
        o_lo, o_hi = float(others.min()), float(others.max())
        anchored = not (np.isnan(p.worst[j]) or np.isnan(p.best[j]))
        # the piece over which the column's normalisation does not move with x
        if name == "wpm" or norm == "none" or (norm == "minmax" and anchored):
            a, z = -np.inf, np.inf
        elif norm == "minmax":
            a, z = o_lo, o_hi
        elif b:  # max: x / max
            a, z = -np.inf, o_hi
        else:  # max, cost: min / x
            a, z = o_lo, np.inf
        rep = min(max(float(x0[q]), a), z)  # a value of the piece: the others' scores there
        cols = X[:, j].copy()
        cols[i] = rep
        g, ok = _safe_column(cs, j, cols[None, :])
        if not ok[0]:
            continue
        g = g[0]
        v_rep = _value_fn(name, norm, b, anchored, p.worst[j], p.best[j], o_lo, o_hi, rep)
        rest = g[i] - w[j] * v_rep
        tr = int(target[q])
        ahead = np.sort(np.delete(g, i))[::-1]
        if tr - 1 >= n - 1:
            continue
        T = ahead[tr - 1]  # the score the site must reach: the tr-th best of the others
        v_needed = (T - rest) / w[j]
        x = _value_inverse(name, norm, b, anchored, p.worst[j], p.best[j], o_lo, o_hi, v_needed)
        if x is None or not np.isfinite(x):
            continue
        # in the direction of improvement, inside the piece and the search range
        lo_s, hi_s = sorted((float(x0[q]), float(limit[q])))
        if not (a <= x <= z) or not (lo_s <= x <= hi_s):
            continue
        if (x - x0[q]) * (1.0 if b else -1.0) < 0:
            x = float(x0[q])
        out[q] = x
    return out


def _value_fn(name: str, norm: str, b: bool, anchored: bool, worst: float, best: float,
              lo: float, hi: float, x: float) -> float:
    """The normalised (goodness-oriented) value of x in a fixed piece of its column."""
    if name == "wpm":
        return float(np.log(x)) if b else float(-np.log(x))
    if norm == "none":
        return x if b else -x
    if norm == "minmax":
        if anchored:
            return float(np.clip((x - worst) / (best - worst), 0.0, 1.0))
        if hi == lo:
            return 0.0
        return (x - lo) / (hi - lo) if b else (hi - x) / (hi - lo)
    # max
    return x / hi if b else lo / x


def _value_inverse(name: str, norm: str, b: bool, anchored: bool, worst: float, best: float,
                   lo: float, hi: float, v: float) -> float | None:
    """x such that the normalised value is v (None where v cannot be reached in the piece)."""
    if name == "wpm":
        return float(np.exp(v)) if b else float(np.exp(-v))
    if norm == "none":
        return v if b else -v
    if norm == "minmax":
        if anchored:
            if v > 1.0:
                return None
            return worst + max(v, 0.0) * (best - worst)
        if hi == lo or v > 1.0:
            return None
        return lo + v * (hi - lo) if b else hi - v * (hi - lo)
    if b:
        return v * hi if v <= 1.0 else None
    return lo / v if v > 0 else None


def _safe_column(cs: Any, j: int, cols: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Scores for each variant of column j, and which variants the method could evaluate.

    A batch that raises is split in halves until the rows that raise are found, so a few values
    outside the method's domain cost a few extra evaluations.
    """
    K, n = cols.shape
    g = np.zeros((K, n))
    ok = np.zeros(K, dtype=bool)
    stack = [(0, K)]
    while stack:
        a, b = stack.pop()
        try:
            with np.errstate(all="ignore"):
                part = np.asarray(cs.goodness(j, cols[a:b]), float)
        except _EVAL_ERRORS:
            if b - a > 1:
                h = (a + b) // 2
                stack += [(a, h), (h, b)]
            continue
        g[a:b] = part
        ok[a:b] = np.isfinite(part).all(axis=1)
    return g, ok


def plausible_range(
    observed_low: np.ndarray,
    observed_high: np.ndarray,
    anchors_worst: np.ndarray | None,
    anchors_best: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Per criterion, the values a one-fact change may need and still be in reach: the
    observed range widened by its own width on each side, cut to the fixed scale's anchors."""
    lo, hi = np.asarray(observed_low, float), np.asarray(observed_high, float)
    width = hi - lo
    lo, hi = lo - width, hi + width
    if anchors_worst is not None:
        anchored = ~np.isnan(anchors_worst) & ~np.isnan(anchors_best)
        a_lo = np.fmin(anchors_worst, anchors_best)
        a_hi = np.fmax(anchors_worst, anchors_best)
        lo = np.where(anchored, np.maximum(lo, a_lo), lo)
        hi = np.where(anchored, np.minimum(hi, a_hi), hi)
    return lo, hi


def _rank_above(ranks: np.ndarray, r: int) -> int:
    better = [int(x) for x in ranks if int(x) < r]
    return max(better) if better else 1
