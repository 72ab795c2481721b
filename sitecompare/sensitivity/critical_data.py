"""Critical data changes: the smallest change of one value that lifts a site to a target rank.

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
from ..methods.normalize import normalize
from ..methods.ranks import tie_tolerance
from .evaluate import Evaluator

__all__ = ["DataChange", "critical_data_changes", "plausible_range"]


def _r(x: float) -> float:
    return float(f"{x:.10g}")


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
        """required - current value (None when not reachable)."""
        return None if self.required_value is None else self.required_value - self.current_value

    def to_json(self, unit: str, fact: str, fact_unit: str, status: str) -> dict[str, Any]:
        """The change as the JSON ``critical_data`` list holds it, with its fact's unit and status."""
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
STEP_ELEMS = 32_768  # variants x sites scored per batch: the batch's temporaries stay in cache
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
    top: int | None = None,
) -> list[DataChange]:
    """Smallest improvement of one value that lifts a site to a target rank.

    ``top``: only the sites ranked ``top`` or better (None: every site below first).

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
      reaches the target is refined by multisection against the grid value before it, to the
      precision of ``iterations`` halvings or until the bracket is a few ulps wide. The grid
      is scored once per (site, criterion): both targets read their ranks from it.

    Only the changed column is re-scored (:class:`~.column.ColumnScores`: O(n) per variant, not
    O(n m)). A site's rank at a variant is 1 + the number of sites scoring more than the tie
    tolerance above it. Values the method cannot evaluate (e.g. 0 under wpm or max/sum
    normalisation, which need values > 0) are outside the search: they never count as reaching
    the target.
    """
    from .column import ColumnScores

    cand = _Candidates.build(
        X, ranks, ev.problem.benefit, observed_low, observed_high, anchors_best, top
    )
    if not cand.ii.size:
        return []
    w = np.asarray(weights, float)
    search = _Search(ev, ColumnScores(ev, w), X, cand)
    if ev.info.name in CLOSED_FORM:
        xs = _closed_form(ev, search.cs, w, X, cand.ii, cand.jj, cand.target, cand.x0, cand.limit)
        for j in range(X.shape[1]):
            q = np.flatnonzero((cand.jj == j) & np.isfinite(xs))
            if q.size:
                hit = search.reached(j, xs[q], q)
                search.solve(q[hit], xs[q[hit]])
    shares = SEARCH_SHARES if ev.batched else SEARCH_SHARES_UNBATCHED
    for j in range(X.shape[1]):
        search.bracket_column(j, shares, iterations)
    reach_lo, reach_hi = plausible_range(observed_low, observed_high, anchors_worst, anchors_best)
    out = []
    for r in range(cand.ii.size):
        i, j = int(cand.ii[r]), int(cand.jj[r])
        value = float(search.needed[r])
        solved = bool(search.solved[r])
        out.append(
            DataChange(
                site=sites[i],
                criterion=criteria[j],
                target=cand.labels[r],
                current_rank=int(ranks[i]),
                target_rank=int(cand.target[r]),
                current_value=float(cand.x0[r]),
                required_value=value if solved else None,
                factor=float(factors[i, j]),
                out_of_reach=solved and not reach_lo[j] <= value <= reach_hi[j],
            )
        )
    return out


@dataclass(frozen=True)
class _Candidates:
    """One row per (site below first, criterion, target): arrays over the rows."""

    ii: np.ndarray  # site index
    jj: np.ndarray  # criterion index
    labels: tuple[str, ...]  # "up-one" or "first"
    target: np.ndarray  # the target rank
    x0: np.ndarray  # the current value
    limit: np.ndarray  # the end of the search range

    @staticmethod
    def build(
        X: np.ndarray,
        ranks: np.ndarray,
        benefit: np.ndarray,
        observed_low: np.ndarray,
        observed_high: np.ndarray,
        anchors_best: np.ndarray,
        top: int | None = None,
    ) -> _Candidates:
        """The candidates in site, criterion, target order (sites ranked ``top`` or better)."""
        n, m = X.shape
        rows: list[tuple[int, int, str, int, float, float]] = []
        for i in range(n):
            r = int(ranks[i])
            if r == 1 or (top is not None and r > top):
                continue
            up = _rank_above(ranks, r)  # the rank of the site(s) just above; ties share it
            targets = ([("up-one", up)] if up > 1 else []) + [("first", 1)]
            for j in range(m):
                lo, hi = observed_low[j], observed_high[j]
                span = max(hi - lo, abs(hi), abs(lo), 1.0)
                x0 = float(X[i, j])
                if benefit[j]:
                    limit = max(x0, hi) + 10.0 * span
                    if not np.isnan(anchors_best[j]):
                        limit = max(x0, anchors_best[j])
                else:
                    limit = min(0.0, x0) if lo >= 0 else lo - 10.0 * span
                    if not np.isnan(anchors_best[j]):
                        limit = min(x0, anchors_best[j])
                rows += [(i, j, label, tr, x0, float(limit)) for label, tr in targets]
        return _Candidates(
            ii=np.array([c[0] for c in rows], dtype=np.intp),
            jj=np.array([c[1] for c in rows], dtype=np.intp),
            labels=tuple(c[2] for c in rows),
            target=np.array([c[3] for c in rows], dtype=np.intp),
            x0=np.array([c[4] for c in rows], float),
            limit=np.array([c[5] for c in rows], float),
        )


class _Search:
    """The ranks candidates reach when their value changes, and what has been found."""

    def __init__(self, ev: Evaluator, cs: Any, X: np.ndarray, cand: _Candidates) -> None:
        self.ev, self.cs, self.X, self.c = ev, cs, X, cand
        self.solved = np.zeros(cand.ii.size, dtype=bool)
        self.needed = np.full(cand.ii.size, np.nan)
        self.topsis = _OneValueTopsis.make(ev, cs.w, X)

    @property
    def batch(self) -> int:
        """Variants scored at once: :data:`STEP_ELEMS` values over the sites (at least 64)."""
        return max(64, STEP_ELEMS // max(int(self.X.shape[0]), 1))

    def solve(self, q: np.ndarray, x: np.ndarray) -> None:
        """Record the values ``x`` as the answers of candidates ``q``."""
        self.solved[q] = True
        self.needed[q] = x

    def rank_at(self, j: int, x: np.ndarray, i: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The rank site ``i[k]`` takes with its column-j value set to ``x[k]``, and whether
        the method could evaluate that value (in batches of :attr:`batch` values)."""
        step = self.batch
        if x.size <= step:
            return self._rank_at(j, x, i)
        rank = np.empty(x.size, dtype=np.intp)
        ok = np.empty(x.size, dtype=bool)
        for a in range(0, x.size, step):
            rank[a : a + step], ok[a : a + step] = self._rank_at(j, x[a : a + step], i[a : a + step])
        return rank, ok

    def _rank_at(self, j: int, x: np.ndarray, i: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        if self.topsis is not None:
            return self.topsis.rank_at(j, x, i), np.ones(x.size, dtype=bool)
        n = self.X.shape[0]
        cols = np.broadcast_to(self.X[:, j], (x.size, n)).copy()
        rows = np.arange(x.size)
        cols[rows, i] = x
        g, ok = _safe_column(self.cs, j, cols)
        own = g[rows, i][:, None]
        top = np.maximum(np.abs(g).max(axis=1, initial=0.0), self.ev.tie_scale)
        rank = 1 + (g - own > tie_tolerance(top)[:, None]).sum(axis=1)
        return rank, ok

    def reached(self, j: int, x: np.ndarray, q: np.ndarray) -> np.ndarray:
        """Candidates q (all of column j) with their value set to x reach their target rank
        (False if the method cannot evaluate the value)."""
        rank, ok = self.rank_at(j, x, self.c.ii[q])
        hit: np.ndarray = ok & (rank <= self.c.target[q])
        return hit

    def bracket_column(self, j: int, shares: np.ndarray, iterations: int) -> None:
        """Scan and refine the unsolved candidates of column j (see critical_data_changes)."""
        c = self.c
        qj = np.flatnonzero((c.jj == j) & ~self.solved)
        if not qj.size:
            return
        # the grid is scored once per site: its candidates (one per target) share the limit
        sites_j, first_q, back = np.unique(c.ii[qj], return_index=True, return_inverse=True)
        x0, span = c.x0[qj][first_q], (c.limit - c.x0)[qj][first_q]
        L, P = shares.size, sites_j.size
        never = np.iinfo(np.intp).max
        # a site is done at the first level where it reaches its candidates' best target (the
        # others are reached there too): the levels above it are not scored
        goal = np.full(P, never)
        np.minimum.at(goal, back, c.target[qj])
        rank = np.full((L, P), never)
        live = np.arange(P)
        step = self.batch
        a = 0
        # level by level (the live sites at one share, then the next): values outside the
        # method's domain sit together at the last levels, so few evaluations isolate them
        while a < L and live.size:
            b = min(L, a + max(1, step // live.size))
            x = (x0[live][None, :] + shares[a:b, None] * span[live][None, :]).ravel()
            r, ok = self.rank_at(j, x, np.tile(sites_j[live], b - a))
            r = np.where(ok, r, never).reshape(b - a, live.size)
            rank[a:b, live] = r
            live = live[~(r <= goal[live]).any(axis=0)]
            a = b
        rank = rank.T[back]  # (candidates, L)
        hit = rank <= c.target[qj][:, None]
        found = hit.any(axis=1)
        f = np.argmax(hit, axis=1)  # the first grid value that reaches the target
        x0q, spanq = c.x0[qj], (c.limit - c.x0)[qj]
        hi_x = np.where(found, x0q + shares[f] * spanq, c.limit[qj])
        lo_x = x0q + np.where(f > 0, shares[np.maximum(f - 1, 0)], 0.0) * spanq  # not reached
        k = np.flatnonzero(found)
        lo_x[k], hi_x[k] = self._refine(j, qj[k], lo_x[k], hi_x[k], iterations)
        self.solve(qj[found], hi_x[found])

    def _refine(
        self, j: int, q: np.ndarray, lo: np.ndarray, hi: np.ndarray, iterations: int
    ) -> tuple[np.ndarray, np.ndarray]:
        """Multisection: SECTIONS interior points a bracket per pass (one batch for all
        brackets), each bracket shrinking (SECTIONS + 1)-fold, to the precision of
        ``iterations`` halvings; a bracket a few ulps wide stops early (it cannot shrink)."""
        lo, hi = lo.copy(), hi.copy()
        passes = int(np.ceil(iterations / np.log2(SECTIONS + 1))) if q.size else 0
        frac = np.arange(1, SECTIONS + 1) / (SECTIONS + 1)
        live = np.arange(q.size)
        for _ in range(passes):
            ulps = 8 * np.finfo(float).eps * np.maximum(np.abs(lo[live]), np.abs(hi[live]))
            live = live[np.abs(hi[live] - lo[live]) > ulps]
            if not live.size:
                break
            pts = lo[live][:, None] + frac[None, :] * (hi[live] - lo[live])[:, None]  # (k, s)
            r = self.reached(j, pts.ravel(), np.repeat(q[live], SECTIONS)).reshape(live.size, SECTIONS)
            anyr = r.any(axis=1)
            first = np.argmax(r, axis=1)
            rows = np.arange(live.size)
            new_hi = np.where(anyr, pts[rows, first], hi[live])
            before = np.where(first > 0, pts[rows, first - 1], lo[live])
            lo[live] = np.where(anyr, before, pts[:, -1])
            hi[live] = new_hi
        return lo, hi


class _OneValueTopsis:
    """TOPSIS ranks when one value of column j changes, with vector normalisation.

    Only the column's norm and its extremes move with the value x of site i:
    ``|col|^2 = S - X_ij^2 + x^2``, the maximum is ``max(max of the others, x)`` (likewise the
    minimum), and every site's term of column j is ``(w_j / |col|) (x_l - ideal)``, so a
    variant costs a few passes over the sites instead of normalising a copy of the column.
    The same scores as :class:`~.column.ColumnScores` to rounding (a few ulps).
    """

    def __init__(self, ev: Evaluator, w: np.ndarray, X: np.ndarray, metric: str) -> None:
        p = ev.problem
        self.X, self.w, self.benefit = X, w, p.benefit
        self.euclid = metric == "euclidean"
        N = normalize(X, p.benefit, "vector", invert=False)
        ip = np.where(p.benefit, N.max(axis=0), N.min(axis=0))
        im = np.where(p.benefit, N.min(axis=0), N.max(axis=0))
        dp, dm = (N - ip) * w, (N - im) * w
        dp, dm = (dp * dp, dm * dm) if self.euclid else (np.abs(dp), np.abs(dm))
        self.rest_p = np.ascontiguousarray((dp.sum(axis=1)[:, None] - dp).T)  # (m, n): without j
        self.rest_m = np.ascontiguousarray((dm.sum(axis=1)[:, None] - dm).T)
        self.tol = float(tie_tolerance(ev.tie_scale))  # closeness lies in [0, 1] <= tie scale
        n = X.shape[0]
        srt = np.sort(X, axis=0)
        order = np.argsort(X, axis=0, kind="stable")
        # each site's column extremes without it: the second largest for the largest site
        site = np.arange(n)[:, None]
        self.max_without = np.where(order[-1][None, :] == site, srt[-2], srt[-1])
        self.min_without = np.where(order[0][None, :] == site, srt[1], srt[0])
        self.sumsq = (X * X).sum(axis=0)

    @staticmethod
    def make(ev: Evaluator, w: np.ndarray, X: np.ndarray) -> _OneValueTopsis | None:
        """The fast path where it applies (topsis, vector normalisation, finite values)."""
        params = dict(ev.params)
        if ev.info.name != "topsis" or str(params.get("normalization", "vector")) != "vector":
            return None
        if ev.tie_scale < 1.0 or X.shape[0] < 2 or not np.isfinite(X).all():
            return None
        return _OneValueTopsis(ev, np.asarray(w, float), X, str(params.get("metric", "euclidean")))

    def rank_at(self, j: int, x: np.ndarray, i: np.ndarray) -> np.ndarray:
        """The rank of site ``i[k]`` with its column-j value set to ``x[k]``."""
        col = self.X[:, j]
        nrm = np.sqrt(np.maximum(self.sumsq[j] - col[i] ** 2 + x * x, 0.0))
        with np.errstate(divide="ignore", invalid="ignore"):
            s = np.where(nrm > 0, self.w[j] / nrm, 0.0)[:, None]
        hi = np.maximum(self.max_without[i, j], x)[:, None]
        lo = np.minimum(self.min_without[i, j], x)[:, None]
        ip, im = (hi, lo) if self.benefit[j] else (lo, hi)
        rows = np.arange(x.size)
        tp, tm = s * (col - ip), s * (col - im)
        tp[rows, i] = s[:, 0] * (x - ip[:, 0])  # site i holds x
        tm[rows, i] = s[:, 0] * (x - im[:, 0])
        if self.euclid:
            dp = np.sqrt(np.square(tp, out=tp) + self.rest_p[j], out=tp)
            dm = np.sqrt(np.square(tm, out=tm) + self.rest_m[j], out=tm)
        else:
            dp = np.abs(tp, out=tp) + self.rest_p[j]
            dm = np.abs(tm, out=tm) + self.rest_m[j]
        tot = dp + dm
        with np.errstate(invalid="ignore", divide="ignore"):
            g = np.where(tot > 0, dm / tot, 0.5)
        own = g[rows, i][:, None]
        rank: np.ndarray = 1 + (g - own > self.tol).sum(axis=1)
        return rank


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
