"""One-at-a-time weight sweeps with proportional renormalisation.

Convention (stated in every output): criterion k's weight t moves over [0, 1]; the other
weights keep their ratios, w_j(t) = w_j (1 - t) / (1 - w_k). (If k holds all the weight, the
others share 1 - t equally.) Criteria at weight 0 stay at 0.

For methods whose score is a monotone function of a linear form in the weights (wsm; wpm in
logs; promethee2's net flow) the scores are straight lines in t,
S_i(t) = t B_ik + (1 - t) R_i with R = B r, and sites a and b cross exactly at
t* = (R_b - R_a) / ((B_ak - R_a) - (B_bk - R_b)). Otherwise (topsis, vikor, scikit-criteria
methods) crossovers are bracketed on a grid of 401 points and located by bisection to 1e-9.

Ties are judged as the ranking judges them (``rank_rows``: scores within ``TIE_RTOL`` of the
row's scale, or within ``TIE_ATOL``, share a rank). Some methods tie two sites over a whole
range of weights (VIKOR with v = 0.5: a site with the worst S and the best R and one with the
best S and the worst R both have Q = 0.5). Such a tie plateau is a change of ranking: when
the pair's order is reversed across it, the crossover carries ``tie = (lo, hi)`` and its
``weight`` is the plateau's edge nearest the current weight (where the tie begins); a plateau
the pair leaves in the order it entered is listed in ``OATResult.ties``. Both edges of every
plateau bound the stability interval (and the top interval when the leader is in the pair).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..methods.ranks import rank_of, tie_tolerance
from .brackets import sign_brackets
from .evaluate import Evaluator

__all__ = [
    "Crossover",
    "Tie",
    "OATResult",
    "oat_sweep",
    "oat_weights",
    "listed_pairs",
    "CONVENTION",
    "DEFAULT_LISTED",
]

CONVENTION = (
    "one weight moves over [0, 1]; the other weights are rescaled proportionally "
    "(their ratios kept)"
)
GRID = 401
CURVE_POINTS = 51
TOL = 1e-9
SIGN_BLOCK = 32_768  # grid points x pairs per block of score differences
PLATEAU_MIN = 1e-6  # a tie band wider than this (in the swept weight) is a tie plateau
DEFAULT_LISTED = 50  # sensitivity --top: pairs are listed among this many best sites
NEIGHBOURS = 2  # in a larger set, each site's pairs with this many sites below it in the ranking


@dataclass(frozen=True)
class Crossover:
    weight: float
    sites: tuple[str, str]  # (ahead just below the crossover, ahead just above)
    rank: int  # the better of the two positions they swap at the crossover
    changes_first: bool
    # a tie plateau they cross through: (lo, hi), the weights just outside the tie; ``weight`` is
    # then the edge nearest the current weight. None for a crossing at a point.
    tie: tuple[float, float] | None = None

    def to_json(self) -> dict[str, Any]:
        """This crossover as ``sensitivity --format json`` writes it."""
        out = {
            "weight": _r(self.weight),
            "sites": list(self.sites),
            "rank": self.rank,
            "changes_first": self.changes_first,
        }
        if self.tie is not None:
            out["tie_interval"] = [_r(x) for x in self.tie]
        return out


@dataclass(frozen=True)
class Tie:
    """Two sites tied over a range of weights that they leave in the order they entered."""

    interval: tuple[float, float]  # the weights just outside the tie (0 or 1 at an end)
    sites: tuple[str, str]

    def to_json(self) -> dict[str, Any]:
        """This tie plateau as JSON."""
        return {"interval": [_r(x) for x in self.interval], "sites": list(self.sites)}


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
    ties: tuple[Tie, ...] = ()  # tie plateaus that are not crossovers

    def to_json(self) -> dict[str, Any]:
        """This sweep as ``sensitivity --format json`` writes it."""
        out = {
            "current_weight": _r(self.current),
            "stability_interval": [_r(x) for x in self.stability_interval],
            "top_interval": [_r(x) for x in self.top_interval],
            "crossovers": [c.to_json() for c in self.crossovers],
            "exact": self.exact,
        }
        if self.ties:
            out["ties"] = [t.to_json() for t in self.ties]
        return out


def _plateau(p: tuple[float, float] | None) -> tuple[float, float] | None:
    return None if p is None else (float(p[0]), float(p[1]))


def _r(x: float) -> float:
    return float(f"{x:.10g}")


def oat_weights(base: np.ndarray, k: int, t: np.ndarray) -> np.ndarray:
    """(len(t), m) weight vectors along criterion k's sweep."""
    return _sweep_line(base, k)(t)


def _sweep_line(base: np.ndarray, k: int) -> Callable[[np.ndarray], np.ndarray]:
    """The weights at shares ``t`` of criterion k's sweep, ``t e_k + (1 - t) r`` (r: the other
    weights, rescaled to sum to 1), as a function of t."""
    base = np.asarray(base, float) / np.sum(base)
    m = base.size
    r = base.copy()
    r[k] = 0.0
    if r.sum() > 0:
        r /= r.sum()
    else:
        r = np.full(m, 1.0 / max(m - 1, 1))
        r[k] = 0.0
    e = np.zeros(m)
    e[k] = 1.0

    def at(t: np.ndarray) -> np.ndarray:
        t = np.asarray(t, float)[:, None]
        lines: np.ndarray = t * e + (1.0 - t) * r
        return lines

    return at


def listed_pairs(ranks: np.ndarray, top: int) -> tuple[np.ndarray, np.ndarray] | None:
    """The pairs of sites (a < b, as two index arrays) a sweep follows in a set of more than
    ``top`` sites; None (every pair) for ``top`` sites or fewer.

    In a larger set every pair would be O(n^2) crossovers, nearly all between sites far down the
    ranking. The sweep follows the pairs that decide what a reader asks of it: every pair among
    the best ``top`` sites; the leader with every site (so the top interval, the range over
    which the leader keeps first place, is exact); and each site with the ``NEIGHBOURS`` sites
    just below it in the current ranking. The last is where the whole ranking first changes as
    the weight moves away from the current one: until the first change of order, every pair
    keeps its order, and the first pair to swap (or to tie) is next to each other at that point.
    """
    ranks = np.asarray(ranks)
    n = ranks.size
    if n <= top:
        return None
    order = np.lexsort((np.arange(n), ranks))  # best first; ties by site order
    best = order[:top]
    a_top, b_top = np.triu_indices(best.size, k=1)
    firsts = [best[a_top], np.full(n - 1, order[0]), *(order[:-d] for d in range(1, NEIGHBOURS + 1))]
    seconds = [best[b_top], order[1:], *(order[d:] for d in range(1, NEIGHBOURS + 1))]
    a, b = np.concatenate(firsts), np.concatenate(seconds)
    code = np.unique(np.minimum(a, b) * n + np.maximum(a, b))  # each pair once, in triu order
    return code // n, code % n


def oat_sweep(
    ev: Evaluator,
    base: np.ndarray,
    k: int,
    sites: Sequence[str],
    pairs: tuple[np.ndarray, np.ndarray] | None = None,
) -> OATResult:
    """One-at-a-time sweep of criterion ``k``'s weight 0..1: crossovers, ties, stability intervals.

    ``pairs`` (two index arrays, a < b): follow only these pairs of sites (:func:`listed_pairs`);
    None follows every pair.
    """
    base = np.asarray(base, float) / np.sum(base)
    t0 = float(base[k])
    n = len(sites)
    ties: list[Tie] = []
    events: list[tuple[float, int, int]] = []  # extra rank-change points (plateau edges)
    if pairs is None:
        pairs = np.triu_indices(n, k=1)
    if ev.linear:
        ts, crossing = _exact_crossings(ev, base, k, pairs)
        plateaus: list[tuple[float, float] | None] = [None] * len(crossing)
        ahead_below = None
        exact = True
    else:
        ts, crossing, plateaus, ahead_below, flat = _bisect_crossings(ev, base, k, pairs)
        exact = False
        for (lo, hi), (a, b) in flat:
            if hi - lo > PLATEAU_MIN:  # a touch at a point changes the ranking only there
                ties.append(Tie((lo, hi), (sites[a], sites[b])))
            events += [(x, a, b) for x in (lo, hi) if 0.0 < x < 1.0]
    # a crossing through a tie plateau is placed at the plateau's edge nearest the current
    # weight (where the order first changes); the far edge is a change of ranking too
    ts = np.asarray(ts, float).copy()
    for q, tie in enumerate(plateaus):
        if tie is None:
            continue
        lo, hi = tie
        near, far = (lo, hi) if abs(t0 - lo) <= abs(hi - t0) else (hi, lo)
        ts[q] = near
        events.append((far, *crossing[q]))
    # who is ahead on each side, and at which position they swap
    crossovers: list[Crossover] = []
    if len(ts):
        g_at = ev.goodness(oat_weights(base, k, ts))
        pa, pb = (np.array(side, dtype=np.intp) for side in zip(*crossing, strict=True))
        # the better of the two positions they swap at (as rank_rows ranks the row)
        pos_at = np.minimum(
            rank_of(g_at, pa, scale_floor=ev.tie_scale), rank_of(g_at, pb, scale_floor=ev.tie_scale)
        )
        if ahead_below is None:
            eps = 1e-7
            below = ev.goodness(oat_weights(base, k, np.clip(ts - eps, 0, 1)))
        for q, (a, b) in enumerate(crossing):
            if ahead_below is None:
                first, second = (a, b) if below[q, a] >= below[q, b] else (b, a)
            else:
                first, second = (a, b) if ahead_below[q] == a else (b, a)
            pos = int(pos_at[q])
            crossovers.append(
                Crossover(
                    float(ts[q]),
                    (sites[first], sites[second]),
                    pos,
                    pos == 1,
                    _plateau(plateaus[q]),
                )
            )
    crossovers.sort(key=lambda c: (c.weight, c.sites))
    ties.sort(key=lambda x: (x.interval, x.sites))
    g0 = ev.goodness(oat_weights(base, k, np.array([t0])))[0]
    lead = int(np.argmax(g0))
    leader = sites[lead]
    points = [c.weight for c in crossovers] + [e[0] for e in events]
    top_points = [c.weight for c in crossovers if leader in c.sites]
    top_points += [e[0] for e in events if lead in e[1:]]
    stab = _interval(t0, points)
    top = _interval(t0, top_points)
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
        ties=tuple(ties),
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
    ev: Evaluator, base: np.ndarray, k: int, pairs: tuple[np.ndarray, np.ndarray]
) -> tuple[np.ndarray, list[tuple[int, int]]]:
    B = ev.basis * ev.sign
    w1 = oat_weights(base, k, np.array([0.0]))[0]  # r: the others' weights at t = 0
    R = B @ w1
    Bk = B[:, k]
    slope = Bk - R  # d/dt of S_i(t)
    a_idx, b_idx = pairs
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
    ev: Evaluator, base: np.ndarray, k: int, pairs: tuple[np.ndarray, np.ndarray]
) -> tuple[
    np.ndarray,
    list[tuple[int, int]],
    list[tuple[float, float] | None],
    np.ndarray,
    list[tuple[tuple[float, float], tuple[int, int]]],
]:
    """Crossovers of a non-linear method, located by bisection between grid points.

    Returns the crossing weights and pairs, for each crossing its tie plateau (or None), the
    site ahead below each crossing, and the tie plateaus that are not crossings.
    Signs are taken with the ranking's tie rule: 0 where the pair shares a rank.
    """
    t0 = float(base[k])
    grid = np.unique(np.concatenate([np.linspace(0.0, 1.0, GRID), [t0]]))
    G = ev.goodness(oat_weights(base, k, grid))  # (g, n)
    a_idx, b_idx = pairs
    S = _signs(ev, G, a_idx, b_idx)  # (g, pairs)
    # a pair whose sign is the same all along (most pairs) has no crossing and no tie edge
    moving = (S != S[0]).any(axis=0)
    S, a_idx, b_idx = S[:, moving], a_idx[moving], b_idx[moving]
    br = sign_brackets(S)  # crossings, tie runs and their edges, pair by pair
    last = grid.size - 1
    cross_pair = br.cross_pair
    sign_lo = S[br.cross_lo, cross_pair]
    sign_hi = S[br.cross_hi, cross_pair]
    edge_sign = np.where(br.edge_keep_lo, S[br.edge_lo, br.edge_pair], S[br.edge_lo + 1, br.edge_pair])
    # every crossing: the edge of the lower side's order (L) and of the upper side's (R)
    lo = np.concatenate([grid[br.cross_lo], grid[br.edge_lo]])
    hi = np.concatenate([grid[br.cross_hi], grid[br.edge_lo + 1]])
    pp = np.concatenate([cross_pair, br.edge_pair]).astype(int)
    keep = np.concatenate([sign_lo, edge_sign])
    keep_lo = np.concatenate([np.ones(cross_pair.size, bool), br.edge_keep_lo])
    nc = int(cross_pair.size)
    # crossings are searched twice: for L (keep the sign at lo) and R (keep the sign at hi)
    lo = np.concatenate([lo, lo[:nc]])
    hi = np.concatenate([hi, hi[:nc]])
    pp = np.concatenate([pp, pp[:nc]])
    keep = np.concatenate([keep, sign_hi])
    keep_lo = np.concatenate([keep_lo, np.zeros(nc, bool)])
    edges = _edge_search(ev, base, k, lo, hi, a_idx[pp], b_idx[pp], keep, keep_lo)
    L, R = edges[:nc], edges[len(edges) - nc :]
    flat_edges = edges[nc : len(edges) - nc]
    # a crossing at a point: the middle of its tie band (a few 1e-9 wide), where the scores are
    # equal; wider bands are tie plateaus
    ts = 0.5 * (L + R)
    plateaus: list[tuple[float, float] | None] = [
        None if R[q] - L[q] <= PLATEAU_MIN else (float(L[q]), float(R[q])) for q in range(nc)
    ]
    pa, pb = a_idx[cross_pair], b_idx[cross_pair]
    crossing = list(zip(pa.tolist(), pb.tolist(), strict=True))
    ahead_below = np.where(sign_lo > 0, pa, pb).astype(int)
    # tie plateaus that are not crossings, with their edges (0 or 1 when they reach an end)
    flat: list[tuple[tuple[float, float], tuple[int, int]]] = []
    e = iter(flat_edges.tolist())
    for p, i1, i2 in zip(br.run_pair.tolist(), br.run_start.tolist(), br.run_end.tolist(), strict=True):
        s = S[:, p]
        lo_e = next(e) if i1 > 0 and s[i1 - 1] else 0.0
        hi_e = next(e) if i2 < last and s[i2 + 1] else 1.0
        flat.append(((lo_e, hi_e), (int(a_idx[p]), int(b_idx[p]))))
    return ts, crossing, plateaus, ahead_below, flat


def _signs(
    ev: Evaluator, G: np.ndarray, a_idx: np.ndarray, b_idx: np.ndarray, *, rowwise: bool = False
) -> np.ndarray:
    """Sign of g_a - g_b, 0 where the ranking (``rank_rows``) ties them: for every pair in every
    row ``(g, pairs)``, or with ``rowwise`` for pair q in row q only ``(g,)``.

    int8 when every score is finite (the table of every pair is large), else float with NaN
    where a score is NaN."""
    if rowwise:
        rows = np.arange(G.shape[0])
        D = G[rows, a_idx] - G[rows, b_idx]
        scale = np.maximum(np.abs(G).max(axis=1), max(ev.tie_scale, 1e-300))
        return np.where(np.abs(D) <= tie_tolerance(scale), 0.0, np.sign(D))
    scale = np.maximum(np.abs(G).max(axis=1, keepdims=True), max(ev.tie_scale, 1e-300))
    tol = tie_tolerance(scale)
    if not np.isfinite(G).all():
        D = G[:, a_idx] - G[:, b_idx]
        return np.where(np.abs(D) <= tol, 0.0, np.sign(D))
    # a block of pairs at a time, so that the differences stay in cache
    signs = np.empty((G.shape[0], a_idx.size), dtype=np.int8)
    step = max(1, SIGN_BLOCK // max(G.shape[0], 1))
    for c in range(0, a_idx.size, step):
        D = G[:, a_idx[c : c + step]] - G[:, b_idx[c : c + step]]
        signs[:, c : c + step] = (D > tol).view(np.int8) - (D < -tol).view(np.int8)
    return signs


def _edge_search(
    ev: Evaluator,
    base: np.ndarray,
    k: int,
    lo: np.ndarray,
    hi: np.ndarray,
    pa: np.ndarray,
    pb: np.ndarray,
    keep: np.ndarray,
    keep_lo: np.ndarray,
) -> np.ndarray:
    """Where the pair's order ``keep`` (held at lo if ``keep_lo``, else at hi) ends.

    Returns the bracket end on the side that keeps the order, within ``TOL`` of the edge.
    """
    if lo.size == 0:
        return np.zeros(0)
    lo, hi = lo.copy(), hi.copy()
    # closeness lies in [0, 1]: the ranking's tie scale is 1 whatever the other sites score,
    # so the pair alone decides its sign (ev.pair_scorer scores only the two sites)
    pairwise = ev.info.name == "topsis" and ev.tie_scale >= 1.0
    weights = _sweep_line(base, k)
    score_pairs = ev.pair_scorer(pa, pb) if pairwise else None
    tol = tie_tolerance(ev.tie_scale)
    while np.max(hi - lo) > TOL:
        mid = 0.5 * (lo + hi)
        if score_pairs is not None:
            ga, gb = score_pairs(weights(mid))
            d = ga - gb
            sign = np.where(np.abs(d) <= tol, 0.0, np.sign(d))
            same = sign == keep
        else:
            g = ev.goodness(weights(mid))
            same = _signs(ev, g, pa, pb, rowwise=True) == keep
        move_lo = same == keep_lo  # the order holds at mid on the lo side, or fails on the hi side
        lo = np.where(move_lo, mid, lo)
        hi = np.where(move_lo, hi, mid)
    return np.where(keep_lo, lo, hi)
