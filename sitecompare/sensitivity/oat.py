"""One-at-a-time weight sweeps with proportional renormalisation.

Convention (stated in every output): criterion k's weight t moves over [0, 1]; the other
weights keep their ratios, w_j(t) = w_j (1 - t) / (1 - w_k). (If k holds all the weight, the
others share 1 - t equally.) Criteria at weight 0 stay at 0.

For methods whose score is a monotone function of a linear form in the weights (wsm; wpm in
logs; promethee2's net flow) the scores are straight lines in t,
S_i(t) = t B_ik + (1 - t) R_i with R = B r, and sites a and b cross exactly at
t* = (R_b - R_a) / ((B_ak - R_a) - (B_bk - R_b)). Otherwise (topsis, vikor, scikit-criteria
methods) crossovers are bracketed on a grid of 401 points and located by bisection to 1e-9.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..methods.ranks import rank_rows
from .evaluate import Evaluator

__all__ = ["Crossover", "OATResult", "oat_sweep", "oat_weights", "CONVENTION"]

CONVENTION = (
    "one weight moves over [0, 1]; the other weights are rescaled proportionally "
    "(their ratios kept)"
)
GRID = 401
CURVE_POINTS = 51
TOL = 1e-9


@dataclass(frozen=True)
class Crossover:
    weight: float
    sites: tuple[str, str]  # (ahead just below the crossover, ahead just above)
    rank: int  # the better of the two positions they swap at the crossover
    changes_first: bool

    def to_json(self) -> dict:
        return {
            "weight": _r(self.weight),
            "sites": list(self.sites),
            "rank": self.rank,
            "changes_first": self.changes_first,
        }


@dataclass(frozen=True)
class OATResult:
    criterion: str
    current: float
    stability_interval: tuple[float, float]
    top_interval: tuple[float, float]
    crossovers: tuple[Crossover, ...]
    exact: bool
    grid: np.ndarray  # (G,) weights for the curves
    curves: np.ndarray  # (G, n) native scores along the sweep

    def to_json(self) -> dict:
        return {
            "current_weight": _r(self.current),
            "stability_interval": [_r(x) for x in self.stability_interval],
            "top_interval": [_r(x) for x in self.top_interval],
            "crossovers": [c.to_json() for c in self.crossovers],
            "exact": self.exact,
        }


def _r(x: float) -> float:
    return float(f"{x:.10g}")


def oat_weights(base: np.ndarray, k: int, t: np.ndarray) -> np.ndarray:
    """(len(t), m) weight vectors along criterion k's sweep."""
    base = np.asarray(base, float) / np.sum(base)
    m = base.size
    r = base.copy()
    r[k] = 0.0
    if r.sum() > 0:
        r /= r.sum()
    else:
        r = np.full(m, 1.0 / max(m - 1, 1))
        r[k] = 0.0
    t = np.asarray(t, float)[:, None]
    e = np.zeros(m)
    e[k] = 1.0
    return t * e + (1.0 - t) * r


def oat_sweep(ev: Evaluator, base: np.ndarray, k: int, sites: tuple[str, ...]) -> OATResult:
    base = np.asarray(base, float) / np.sum(base)
    t0 = float(base[k])
    n = len(sites)
    if ev.linear:
        ts, pairs = _exact_crossings(ev, base, k)
        exact = True
    else:
        ts, pairs = _bisect_crossings(ev, base, k)
        exact = False
    # who is ahead on each side, and at which position they swap
    crossovers: list[Crossover] = []
    if len(ts):
        g_at = ev.goodness(oat_weights(base, k, ts))
        ranks_at = rank_rows(g_at)
        eps = 1e-7
        below = ev.goodness(oat_weights(base, k, np.clip(ts - eps, 0, 1)))
        for q, (a, b) in enumerate(pairs):
            first, second = (a, b) if below[q, a] >= below[q, b] else (b, a)
            pos = int(min(ranks_at[q, a], ranks_at[q, b]))
            crossovers.append(Crossover(float(ts[q]), (sites[first], sites[second]), pos, pos == 1))
    crossovers.sort(key=lambda c: (c.weight, c.sites))
    g0 = ev.goodness(oat_weights(base, k, np.array([t0])))[0]
    leader = sites[int(np.argmax(g0))]
    stab = _interval(t0, [c.weight for c in crossovers])
    top = _interval(t0, [c.weight for c in crossovers if leader in c.sites])
    grid = np.linspace(0.0, 1.0, CURVE_POINTS)
    curves = ev.native(oat_weights(base, k, grid)) if n else np.zeros((CURVE_POINTS, 0))
    return OATResult(
        criterion=ev.problem.criteria[k],
        current=t0,
        stability_interval=stab,
        top_interval=top,
        crossovers=tuple(crossovers),
        exact=exact,
        grid=grid,
        curves=curves,
    )


def _interval(t0: float, points: list[float]) -> tuple[float, float]:
    lo, hi = 0.0, 1.0
    for t in points:
        if abs(t - t0) <= TOL:
            return (t0, t0)
        if t < t0:
            lo = max(lo, t)
        else:
            hi = min(hi, t)
    return (lo, hi)


def _exact_crossings(
    ev: Evaluator, base: np.ndarray, k: int
) -> tuple[np.ndarray, list[tuple[int, int]]]:
    B = ev.basis * ev.sign
    w1 = oat_weights(base, k, np.array([0.0]))[0]  # r: the others' weights at t = 0
    R = B @ w1
    Bk = B[:, k]
    slope = Bk - R  # d/dt of S_i(t)
    a_idx, b_idx = np.triu_indices(B.shape[0], k=1)
    den = slope[a_idx] - slope[b_idx]
    num = R[b_idx] - R[a_idx]
    with np.errstate(divide="ignore", invalid="ignore"):
        t = num / den
    scale = np.maximum(np.abs(B).max(), 1e-300)
    # a swap strictly inside (0, 1); sites that only meet at an end point (equal values on
    # criterion k meet at t = 1) do not swap within the sweep
    ok = (np.abs(den) > 1e-12 * scale) & (t > TOL) & (t < 1 - TOL)
    t = t[ok]
    return t, list(zip(a_idx[ok].tolist(), b_idx[ok].tolist(), strict=True))


def _bisect_crossings(
    ev: Evaluator, base: np.ndarray, k: int
) -> tuple[np.ndarray, list[tuple[int, int]]]:
    t0 = float(base[k])
    grid = np.unique(np.concatenate([np.linspace(0.0, 1.0, GRID), [t0]]))
    G = ev.goodness(oat_weights(base, k, grid))  # (g, n)
    n = G.shape[1]
    a_idx, b_idx = np.triu_indices(n, k=1)
    D = G[:, a_idx] - G[:, b_idx]  # (g, pairs)
    scale = max(float(np.abs(G).max()), 1e-300)
    S = np.sign(np.where(np.abs(D) <= 1e-12 * scale, 0.0, D))
    lo_list, hi_list, pair_list = [], [], []
    for p in range(D.shape[1]):
        nz = np.flatnonzero(S[:, p])
        if nz.size < 2:
            continue
        flips = np.flatnonzero(S[nz[:-1], p] != S[nz[1:], p])
        for f in flips:
            lo_list.append(grid[nz[f]])
            hi_list.append(grid[nz[f + 1]])
            pair_list.append(p)
    if not pair_list:
        return np.zeros(0), []
    lo = np.array(lo_list)
    hi = np.array(hi_list)
    pa = a_idx[pair_list]
    pb = b_idx[pair_list]
    rows = np.arange(len(pair_list))
    s_lo = np.sign(_diff(ev, base, k, lo, pa, pb, rows))
    while np.max(hi - lo) > TOL:
        mid = 0.5 * (lo + hi)
        s_mid = np.sign(_diff(ev, base, k, mid, pa, pb, rows))
        same = s_mid == s_lo
        lo = np.where(same, mid, lo)
        hi = np.where(same, hi, mid)
    return 0.5 * (lo + hi), list(zip(pa.tolist(), pb.tolist(), strict=True))


def _diff(
    ev: Evaluator,
    base: np.ndarray,
    k: int,
    t: np.ndarray,
    pa: np.ndarray,
    pb: np.ndarray,
    rows: np.ndarray,
) -> np.ndarray:
    g = ev.goodness(oat_weights(base, k, t))
    return g[rows, pa] - g[rows, pb]
