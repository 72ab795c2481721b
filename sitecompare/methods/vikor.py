"""VIKOR (Opricovic & Tzeng 2004, EJOR 156:445-455, section 3.2).

f*_j = best value (max for benefit, min for cost), f-_j = worst value (or the criterion's fixed
``scale`` anchors: best -> f*, worst -> f-; values beyond the anchors are clipped);
d_ij = (f*_j - f_ij) / (f*_j - f-_j)  (linear normalisation; 0 for a constant column);
S_i = sum_j w_j d_ij;  R_i = max_j w_j d_ij;
Q_i = v (S_i - S*)/(S- - S*) + (1 - v)(R_i - R*)/(R- - R*), with S* = min S, S- = max S (same
for R); a term is 0 when its denominator is 0. Rank by Q ascending (lower is better).

``info.compromise`` applies the paper's two conditions: C1 acceptable advantage
Q(a'') - Q(a') >= DQ = 1/(J - 1); C2 acceptable stability (a' also best by S or by R). "Best
by S" uses the ranking's tie rule (:func:`.ranks.tie_tolerance`; S and R lie in [0, 1], so
within 1e-9), not a looser closeness: a' whose S is 1e-7 above the best S is not best by S.
When only C2 fails the set is a' and a''; sites tied with a'' on Q share its rank and all
belong to the set.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from .base import MethodInfo, MethodOutput, Param, Problem
from .ranks import rank_scores, tie_tolerance

__all__ = ["vikor", "vikor_batch", "vikor_regret", "VIKOR_INFO"]

_CHUNK_ELEMENTS = 4_000_000  # bound the (K, n, m) temporary of R to ~32 MB


def vikor_regret(problem: Problem, X: np.ndarray | None = None) -> np.ndarray:
    """d_ij in [0, 1]: distance from the best value, in shares of the best-worst range."""
    X = problem.X if X is None else X
    b = problem.benefit
    fstar = np.where(b, X.max(axis=-2, keepdims=True), X.min(axis=-2, keepdims=True))
    fminus = np.where(b, X.min(axis=-2, keepdims=True), X.max(axis=-2, keepdims=True))
    anchored = ~np.isnan(problem.worst) & ~np.isnan(problem.best)
    clip = False
    if anchored.any():
        fstar = np.where(anchored, problem.best, fstar)
        fminus = np.where(anchored, problem.worst, fminus)
        clip = True
    den = fstar - fminus
    with np.errstate(divide="ignore", invalid="ignore"):
        d = np.where(den != 0, (fstar - X) / den, 0.0)
    if clip:
        d = np.where(anchored, np.clip(d, 0.0, 1.0), d)
    return d


def _q(S: np.ndarray, R: np.ndarray, v: float) -> np.ndarray:
    def share(a: np.ndarray) -> np.ndarray:
        lo = a.min(axis=-1, keepdims=True)
        rng = a.max(axis=-1, keepdims=True) - lo
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(rng > 0, (a - lo) / rng, 0.0)

    return v * share(S) + (1.0 - v) * share(R)


def vikor(problem: Problem, w: np.ndarray, v: float = 0.5) -> MethodOutput:
    """VIKOR's Q (lower is better), its ranks, S and R per site, and the compromise set."""
    D = vikor_regret(problem)
    WD = D * w
    S = WD.sum(axis=1)
    R = WD.max(axis=1)
    Q = _q(S, R, v)
    ranks = rank_scores(Q, higher_is_better=False, scale_floor=1.0)  # Q lies in [0, 1]
    return MethodOutput(
        scores=Q,
        ranks=ranks,
        higher_is_better=False,
        details={"S": S, "R": R},
        info={"compromise": _compromise(problem.alternatives, S, R, Q, ranks), "v": v},
        normalized=1.0 - D,
        contributions=None,
    )


def _compromise(
    alts: Sequence[str], S: np.ndarray, R: np.ndarray, Q: np.ndarray, ranks: np.ndarray
) -> dict[str, Any]:
    n = len(Q)
    order = np.argsort(ranks, kind="stable")
    if n < 2:
        return {"set": [alts[order[0]]], "acceptable_advantage": True, "acceptable_stability": True}
    dq = 1.0 / (n - 1)
    first = order[0]
    c1 = bool(Q[order[1]] - Q[first] >= dq - 1e-12)
    tol = tie_tolerance(1.0)  # S and R lie in [0, 1], like Q
    c2 = bool(S[first] - S.min() <= tol or R[first] - R.min() <= tol)
    if c1 and c2:
        members = [first]
    elif c1:  # only stability fails: a' and a'' (with every site sharing the rank of a'')
        members = [first, *[i for i in order[1:] if ranks[i] == ranks[order[1]]]]
    else:  # a', ..., a^(M) with Q(a^(M)) - Q(a') < DQ
        members = [i for i in order if Q[i] - Q[first] < dq - 1e-12]
    return {
        "set": [alts[i] for i in members],
        "dq": dq,
        "acceptable_advantage": c1,
        "acceptable_stability": c2,
    }


def vikor_batch(
    problem: Problem, W: np.ndarray, X: np.ndarray | None = None, v: float = 0.5
) -> np.ndarray:
    """Q for K weight vectors: (K, n), computed in bounded-memory chunks."""
    D = vikor_regret(problem, X)
    K = W.shape[0]
    n, m = D.shape[-2:]
    out = np.empty((K, n))
    step = max(1, _CHUNK_ELEMENTS // (n * m))
    for a in range(0, K, step):
        Wc = W[a : a + step]
        Dc = D if D.ndim == 2 else D[a : a + step]
        WD = Dc[None, :, :] * Wc[:, None, :] if D.ndim == 2 else Dc * Wc[:, None, :]
        out[a : a + step] = _q(WD.sum(axis=2), WD.max(axis=2), v)
    return out


VIKOR_INFO = MethodInfo(
    name="vikor",
    title="VIKOR",
    description="Compromise ranking by Q from group utility S and individual regret R "
    "(lower Q is better).",
    cost_convention="f* = min and f- = max of a cost criterion in the linear normalisation "
    "(f* - f)/(f* - f-)",
    reference="Opricovic & Tzeng (2004) EJOR 156:445-455",
    higher_is_better=False,
    params={
        "v": Param(
            0.5,
            None,
            (int, float),
            0.0,
            1.0,
            "weight of the strategy of maximum group utility, 0..1",
        )
    },
    evaluate=vikor,
    batch=vikor_batch,
    score_label="Q",
    tie_scale=1.0,
)
