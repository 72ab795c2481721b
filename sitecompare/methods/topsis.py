"""TOPSIS (Hwang & Yoon 1981, *Multiple Attribute Decision Making*, Springer, pp. 128-140).

1. r_ij = x_ij / sqrt(sum_i x_ij^2)           (vector normalisation; other scalings selectable)
2. v_ij = w_j r_ij
3. A+ = (max_i v_ij for benefit, min_i v_ij for cost); A- the opposite
4. S+_i = ||v_i - A+||, S-_i = ||v_i - A-||   (Euclidean by default; ``manhattan`` selectable)
5. C_i = S-_i / (S+_i + S-_i)                  (higher is better; 0.5 when both are 0)

Cost criteria are handled only through the choice of ideal and anti-ideal (the published form):
no 1/x, no negation. The normalisation only rescales.
"""

from __future__ import annotations

import numpy as np

from .base import MethodInfo, MethodOutput, Param, Problem
from .normalize import NORM_HELP, NORMALIZATIONS, normalize_problem
from .ranks import rank_scores

__all__ = ["topsis", "topsis_batch", "METRICS", "TOPSIS_INFO"]

METRICS = ("euclidean", "manhattan")


def _scaled(problem: Problem, X: np.ndarray | None, normalization: str) -> np.ndarray:
    return normalize_problem(problem, X, normalization, invert=False)


def _closeness(dp: np.ndarray, dm: np.ndarray) -> np.ndarray:
    tot = dp + dm
    with np.errstate(invalid="ignore", divide="ignore"):
        c = dm / tot
    closeness: np.ndarray = np.where(tot > 0, c, 0.5)
    return closeness


def topsis(
    problem: Problem, w: np.ndarray, normalization: str = "vector", metric: str = "euclidean"
) -> MethodOutput:
    """Closeness C_i to the ideal site, its ranks and the distances S+ and S-."""
    N = _scaled(problem, None, normalization)
    V = N * w
    ideal = np.where(problem.benefit, V.max(axis=0), V.min(axis=0))
    anti = np.where(problem.benefit, V.min(axis=0), V.max(axis=0))
    if metric == "euclidean":
        dp = np.sqrt(((V - ideal) ** 2).sum(axis=1))
        dm = np.sqrt(((V - anti) ** 2).sum(axis=1))
    else:
        dp = np.abs(V - ideal).sum(axis=1)
        dm = np.abs(V - anti).sum(axis=1)
    c = _closeness(dp, dm)
    return MethodOutput(
        scores=c,
        ranks=rank_scores(c, scale_floor=1.0),  # closeness lies in [0, 1]
        higher_is_better=True,
        details={"d_plus": dp, "d_minus": dm},
        normalized=N,
        info={"ideal": ideal.tolist(), "anti_ideal": anti.tolist()},
    )


def topsis_batch(
    problem: Problem,
    W: np.ndarray,
    X: np.ndarray | None = None,
    normalization: str = "vector",
    metric: str = "euclidean",
) -> np.ndarray:
    """Closeness for K weight vectors: (K, n).

    With w >= 0 the ideal of the weighted matrix is w_j times the ideal of the scaled matrix,
    so for a fixed matrix S+^2 = (W^2) @ ((N - I+)^2).T: one matrix product for all samples.
    """
    N = _scaled(problem, X, normalization)
    if N.ndim == 2:
        ip = np.where(problem.benefit, N.max(axis=0), N.min(axis=0))
        im = np.where(problem.benefit, N.min(axis=0), N.max(axis=0))
        if metric == "euclidean":
            dp = np.sqrt(np.maximum((W * W) @ ((N - ip) ** 2).T, 0.0))
            dm = np.sqrt(np.maximum((W * W) @ ((N - im) ** 2).T, 0.0))
        else:
            dp = W @ np.abs(N - ip).T
            dm = W @ np.abs(N - im).T
        return _closeness(dp, dm)
    # one matrix per sample: each column's extremes taken once, the terms built in place
    hi, lo = _extremes(N)
    ip = np.where(problem.benefit, hi, lo)[:, None, :]
    im = np.where(problem.benefit, lo, hi)[:, None, :]
    Wk = W[:, None, :]
    dp, dm = (_distance(N, ideal, Wk, metric) for ideal in (ip, im))
    return _closeness(dp, dm)


def _extremes(N: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each column's maximum and minimum over the sites of every (K, n, m) sample matrix: a
    running maximum over the sites, (K, m) at a time (numpy's reduction over the short middle
    axis costs twice as much)."""
    hi, lo = N[:, 0].copy(), N[:, 0].copy()
    for i in range(1, N.shape[1]):
        np.maximum(hi, N[:, i], out=hi)
        np.minimum(lo, N[:, i], out=lo)
    return hi, lo


def _distance(N: np.ndarray, ideal: np.ndarray, Wk: np.ndarray, metric: str) -> np.ndarray:
    """||w (n_i - ideal)|| of each site of each sample: ``sqrt(((N - I) w)^2 summed)``, or the
    sum of ``|N - I| w``, with one temporary."""
    t = N - ideal
    if metric == "euclidean":
        t *= Wk
        np.square(t, out=t)
        d: np.ndarray = np.sqrt(t.sum(axis=2))
        return d
    np.abs(t, out=t)
    t *= Wk
    d = t.sum(axis=2)
    return d


TOPSIS_INFO = MethodInfo(
    name="topsis",
    title="TOPSIS",
    description="Relative closeness to the ideal site: S-/(S+ + S-), vector normalisation, "
    "Euclidean distance.",
    cost_convention="ideal takes the minimum and anti-ideal the maximum of a cost criterion "
    "(no inversion)",
    reference="Hwang & Yoon (1981) Multiple Attribute Decision Making, Springer, pp. 128-140",
    higher_is_better=True,
    params={
        "normalization": Param("vector", NORMALIZATIONS, str, help=NORM_HELP),
        "metric": Param("euclidean", METRICS, str, help="euclidean | manhattan"),
    },
    evaluate=topsis,
    batch=topsis_batch,
    score_label="closeness",
    tie_scale=1.0,
)
