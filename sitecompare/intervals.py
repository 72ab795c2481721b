"""Rank intervals: the best and the worst rank each site can take with the weights fixed, while
every ranged fact moves within its range and every unknown fact (``missing: interval``) within
its criterion's ``plausible`` range. Ties share the better rank, as everywhere.

**Exact (closed form)** when a site's score depends only on its own values, monotonically in
each (``wsm``, ``wpm``), and the normalisation of every column holding an uncertain cell does
not move with it: fixed anchors (``scale``, or the ``plausible`` range of a ``missing:
interval`` criterion), ``normalization: none``, or ``minmax``/``max`` whose column extremes
are held by facts that do not move. Then site i's score lies in ``[S_i^min, S_i^max]`` (its
own cells at their worst and best ends), independently of the other sites, and

    best_i  = 1 + #{k != i : S_k^min beats S_i^max}   (k is ahead even at its worst, i at its best)
    worst_i = 1 + #{k != i : S_k^max beats S_i^min}

where "beats" means better by more than the tie tolerance of :mod:`.methods.ranks`. Each bound
is attained at a corner of the box of uncertain values (i at one end, every other site at the
other), so it equals a brute-force search over the corners.

**Sampled** otherwise (TOPSIS, VIKOR, PROMETHEE II, scikit-criteria methods, or a min-max
column whose extreme is itself uncertain): the method ranks a set of configurations of the
uncertain cells, namely for each site the two targeted corners above (when there are at most
:data:`TARGETED_MAX_SITES` sites), every corner of the box when it has at most
:data:`ALL_CORNERS_MAX` uncertain cells (else random corners), and uniform draws from the box,
seeded with :data:`SEED` (recorded in the output). The bounds found are inner bounds: the true
interval contains them, and ``exact`` is False.

:func:`swings` names the uncertain facts that move a site's score most (the facts whose
collection would narrow the intervals), for the Summary's headline.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .matrix import DecisionMatrix
from .methods import MethodOutput, get_method
from .methods.normalize import normalize
from .methods.ranks import tie_tolerance
from .model import MethodSpec

__all__ = [
    "RankIntervals",
    "rank_intervals",
    "Swing",
    "swings",
    "SEED",
    "SAMPLES",
    "TARGETED_MAX_SITES",
    "overlapping",
]

SEED = 0  # the configurations of a sampled interval are drawn from this seed (recorded)
SAMPLES = 256  # random configurations (half corners, half uniform draws) beyond the targeted ones
SAMPLES_UNBATCHED = 64  # the same for a method evaluated one configuration at a time
TARGETED_MAX_SITES = 200  # two targeted corners per site up to this many sites
ALL_CORNERS_MAX = 7  # up to this many uncertain cells every corner of the box is ranked (2^7)
ROW_SEPARABLE = ("wsm", "wpm")  # a site's score depends on its own values only


@dataclass(frozen=True)
class RankIntervals:
    """Best and worst rank of each site (in the matrix's site order), and how they were found."""

    best: np.ndarray  # (n,) int, 1 = first
    worst: np.ndarray
    exact: bool
    how: str  # one line for people: closed form, or what was sampled
    uncertain: int  # number of uncertain cells (ranged or unknown facts)
    configurations: int = 0  # sampled configurations (0 when exact)
    seed: int | None = None  # the seed of the sampled configurations
    score_low: np.ndarray | None = None  # exact path: each site's lowest and highest goodness
    score_high: np.ndarray | None = None

    def of(self, i: int) -> tuple[int, int]:
        """Site ``i``'s best and worst possible ranks."""
        return int(self.best[i]), int(self.worst[i])

    def to_json(self) -> dict[str, object]:
        """How the intervals were found (exact, or sampled with its seed), as JSON data."""
        out: dict[str, object] = {"exact": self.exact, "how": self.how, "uncertain_facts": self.uncertain}
        if not self.exact and self.configurations:
            out["configurations"] = self.configurations
            out["seed"] = self.seed
        return out


def _goodness_sign(info_higher: bool) -> float:
    return 1.0 if info_higher else -1.0


def _tolerance(scores: np.ndarray, tie_scale: float) -> float:
    """The ranking's tie rule (:func:`~sitecompare.methods.ranks.tie_tolerance`)."""
    scale = max(float(np.abs(scores).max(initial=0.0)), tie_scale)
    return float(tie_tolerance(scale))


def _fixed_normalisation(dm: DecisionMatrix, method: MethodSpec) -> bool:
    """True when no uncertain cell can move the normalisation of its column (module doc)."""
    unc = dm.uncertain
    if not unc.any():
        return True
    params = dict(method.params)
    norm = str(params.get("normalization", "minmax" if method.name == "wsm" else "none"))
    if norm == "none":
        return True
    problem = dm.problem()
    for j in np.flatnonzero(unc.any(axis=0)):
        anchored = not (np.isnan(problem.worst[j]) or np.isnan(problem.best[j]))
        if norm == "minmax" and anchored:
            continue
        fixed = ~unc[:, j]
        if norm not in ("minmax", "max") or not fixed.any():
            return False
        f_lo, f_hi = dm.X[fixed, j].min(), dm.X[fixed, j].max()
        lo, hi = dm.low[unc[:, j], j].min(), dm.high[unc[:, j], j].max()
        if norm == "minmax" and not (f_lo <= lo and hi <= f_hi):
            return False
        if norm == "max" and (hi > f_hi if dm.benefit[j] else lo < f_lo):
            return False
    return True


def _ends(dm: DecisionMatrix) -> tuple[np.ndarray, np.ndarray]:
    """(X_best, X_worst): every uncertain cell at its best end, and at its worst end."""
    b = dm.benefit[None, :]
    return np.where(b, dm.high, dm.low), np.where(b, dm.low, dm.high)


def _scores(dm: DecisionMatrix, method: MethodSpec, X: np.ndarray) -> np.ndarray:
    """Goodness (higher is better) of each site under ``method`` for the matrix ``X``."""
    info = get_method(method.name)
    out: MethodOutput = info.evaluate(dm.problem(X), dm.weights, **dict(method.params))
    s = np.asarray(out.scores, dtype=float)
    if method.name == "wpm":
        s = np.asarray(out.details["log_score"], dtype=float)  # monotone, no overflow
    return _goodness_sign(out.higher_is_better) * s


def rank_intervals(dm: DecisionMatrix, method: MethodSpec, point_ranks: np.ndarray) -> RankIntervals:
    """The rank interval of every site of ``dm`` under ``method`` (module docstring)."""
    unc = dm.uncertain
    n_unc = int(unc.sum())
    ranks = np.asarray(point_ranks, dtype=int)
    n = len(dm.site_ids)
    if n_unc == 0 or n < 2:
        return RankIntervals(ranks.copy(), ranks.copy(), True, "no fact is uncertain", n_unc)
    info = get_method(method.name)
    if method.name in ROW_SEPARABLE and _fixed_normalisation(dm, method):
        x_best, x_worst = _ends(dm)
        hi = _scores(dm, method, x_best)
        lo = _scores(dm, method, x_worst)
        tol = _tolerance(np.concatenate([lo, hi]), info.tie_scale)
        order_lo = np.sort(lo)
        order_hi = np.sort(hi)
        # sites whose lowest score beats i's highest / whose highest beats i's lowest
        ahead_always = n - np.searchsorted(order_lo, hi + tol, side="right")
        ahead_maybe = n - np.searchsorted(order_hi, lo + tol, side="right")
        ahead_maybe -= (hi > lo + tol).astype(int)  # i itself, at its best, beats i at its worst
        best = np.minimum(1 + ahead_always, ranks)
        worst = np.maximum(1 + ahead_maybe, ranks)
        how = f"closed form ({method.name}: each site's score moves only with its own facts)"
        return RankIntervals(best, worst, True, how, n_unc, score_low=lo, score_high=hi)
    return _sampled(dm, method, ranks, n_unc)


def _sampled(dm: DecisionMatrix, method: MethodSpec, ranks: np.ndarray, n_unc: int) -> RankIntervals:
    from .sensitivity.evaluate import Evaluator, rank_positions, ranks_from_positions

    ev = Evaluator(dm.problem(), method)
    rng = np.random.default_rng(SEED)
    n, m = dm.X.shape
    k_random = SAMPLES if ev.batched else SAMPLES_UNBATCHED
    unc = dm.uncertain
    lo, hi = dm.low, dm.high
    configs: list[np.ndarray] = []
    if n <= TARGETED_MAX_SITES:
        x_best, x_worst = _ends(dm)
        eye = np.eye(n, dtype=bool)[:, :, None]
        configs.append(np.where(eye, x_best[None], x_worst[None]))  # site i at best, others worst
        configs.append(np.where(eye, x_worst[None], x_best[None]))  # and the reverse
    if n_unc <= ALL_CORNERS_MAX:  # every corner: each uncertain cell at its low or high end
        bits = (np.arange(2**n_unc)[:, None] >> np.arange(n_unc)[None, :]) & 1
        corners = np.zeros((2**n_unc, n, m), dtype=bool)
        corners[:, unc] = bits.astype(bool)
    else:
        corners = rng.random((k_random // 2, n, m)) < 0.5
    configs.append(np.where(unc[None] & corners, hi[None], np.where(unc[None], lo[None], dm.X[None])))
    u = rng.random((k_random - k_random // 2, n, m))
    configs.append(np.where(unc[None], lo[None] + u * (hi - lo)[None], dm.X[None]))
    Xs = np.concatenate(configs)
    best = ranks.copy()
    worst = ranks.copy()
    step = max(1, 2_000_000 // max(n * m, 1))
    for a in range(0, len(Xs), step):
        chunk = Xs[a : a + step]
        W = np.broadcast_to(dm.weights, (len(chunk), m))
        g = ev.goodness(W, chunk)
        order, pos_rank = rank_positions(g, ev.tie_scale)
        r = ranks_from_positions(order, pos_rank)
        best = np.minimum(best, r.min(axis=0))
        worst = np.maximum(worst, r.max(axis=0))
    which = "every corner" if n_unc <= ALL_CORNERS_MAX else "random corners"
    how = (
        f"sampled: {len(Xs)} configurations of the uncertain facts (targeted corners, {which}, "
        f"uniform draws; seed {SEED}); inner bounds"
    )
    return RankIntervals(best, worst, False, how, n_unc, configurations=len(Xs), seed=SEED)


def overlapping(intervals: RankIntervals, i: int) -> list[int]:
    """The sites (indices) whose rank interval overlaps site i's, i excluded."""
    b, w = intervals.of(i)
    best, worst = intervals.best, intervals.worst
    return [k for k in range(len(best)) if k != i and best[k] <= w and worst[k] >= b]


@dataclass(frozen=True)
class Swing:
    """How far one uncertain fact moves its site's score (goodness units of the method)."""

    site: str
    criterion: str
    kind: str  # "unknown" (missing: interval) or "range"
    low: float
    high: float
    swing: float


def swings(dm: DecisionMatrix, method: MethodSpec, sites: list[int]) -> list[Swing]:
    """The uncertain facts of ``sites``, largest effect first: each moved alone from its worst
    to its best end (the other facts at their point values), with the method in force."""
    out: list[Swing] = []
    unc = dm.uncertain
    cells = [(i, j) for i in sites for j in np.flatnonzero(unc[i])]
    if not cells:
        return out
    for i, j in cells:
        x_hi = dm.X.copy()
        x_lo = dm.X.copy()
        good_hi, good_lo = (dm.high[i, j], dm.low[i, j]) if dm.benefit[j] else (dm.low[i, j], dm.high[i, j])
        x_hi[i, j], x_lo[i, j] = good_hi, good_lo
        d = _scores(dm, method, x_hi)[i] - _scores(dm, method, x_lo)[i]
        cell = dm.cell(dm.site_ids[i], dm.criteria[j].id)
        out.append(
            Swing(
                dm.site_ids[i],
                dm.criteria[j].id,
                "unknown" if cell.unknown else "range",
                float(dm.low[i, j]),
                float(dm.high[i, j]),
                float(abs(d)),
            )
        )
    out.sort(key=lambda s: -s.swing)
    return out


def normalised_ends(dm: DecisionMatrix, normalization: str) -> tuple[np.ndarray, np.ndarray]:
    """WSM's normalised matrix with every uncertain cell at its worst and at its best end
    (for the What-if sheet's live interval formulas; meaningful when the normalisation is fixed)."""
    x_best, x_worst = _ends(dm)
    p = dm.problem()
    low = normalize(x_worst, p.benefit, normalization, worst=p.worst, best=p.best, invert=True)
    return low, normalize(x_best, p.benefit, normalization, worst=p.worst, best=p.best, invert=True)
