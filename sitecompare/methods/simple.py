"""Weighted sum (WSM) and weighted product (WPM) models.

WSM (Fishburn 1967; Triantaphyllou 2000, ch. 2): S_i = sum_j w_j v_ij with v the normalised
matrix (default min-max; cost criteria per the table in :mod:`.normalize`).

WPM (Bridgman 1922; Miller & Starr 1969; Triantaphyllou 2000, ch. 2): P_i = prod_j x_ij^w_j for
benefit and x_ij^-w_j for cost criteria (the published form: comparing A_K/A_L = prod (a_Kj /
a_Lj)^w_j, cost criteria with negative exponent). With a normalisation other than ``none`` the
normalised (benefit-oriented) values enter with positive exponents. Values must be > 0.
Scores are reported as the product itself; ``details.log_score`` = ln P.
"""

from __future__ import annotations

import numpy as np

from ..errors import MethodDomainError
from .base import MethodOutput, Problem
from .normalize import normalize
from .ranks import rank_scores

__all__ = ["wsm", "wsm_batch", "wsm_basis", "wpm", "wpm_batch", "wpm_basis"]


def _values(problem: Problem, X: np.ndarray | None, normalization: str) -> np.ndarray:
    return normalize(
        problem.X if X is None else X,
        problem.benefit,
        normalization,
        worst=problem.worst,
        best=problem.best,
        invert=True,
    )


def wsm_basis(problem: Problem, normalization: str = "minmax") -> np.ndarray:
    return _values(problem, None, normalization)


def wsm(problem: Problem, w: np.ndarray, normalization: str = "minmax") -> MethodOutput:
    V = wsm_basis(problem, normalization)
    C = V * w
    scores = C.sum(axis=1)
    return MethodOutput(
        scores=scores,
        ranks=rank_scores(scores),
        higher_is_better=True,
        normalized=V,
        contributions=C,
    )


def wsm_batch(
    problem: Problem, W: np.ndarray, X: np.ndarray | None = None, normalization: str = "minmax"
) -> np.ndarray:
    V = _values(problem, X, normalization)
    if V.ndim == 2:
        return W @ V.T
    return np.einsum("knm,km->kn", V, W)


def wpm_basis(problem: Problem, normalization: str = "none") -> np.ndarray:
    return _logs(problem, problem.X, normalization)


def _logs(problem: Problem, X: np.ndarray, normalization: str) -> np.ndarray:
    if normalization == "none":
        if (X <= 0).any():
            bad = np.argwhere(X <= 0)[0]
            raise MethodDomainError(
                f"wpm needs values > 0; criterion {problem.criteria[bad[-1]]!r} has "
                f"{X[tuple(bad)]:g}"
            )
        L = np.log(X)
        return np.where(problem.benefit, L, -L)
    V = normalize(X, problem.benefit, normalization, worst=problem.worst, best=problem.best)
    if (V <= 0).any():
        bad = np.argwhere(V <= 0)[0]
        raise MethodDomainError(
            f"wpm with '{normalization}' normalisation gives a value <= 0 on criterion "
            f"{problem.criteria[bad[-1]]!r}; use normalization: none, max or sum"
        )
    return np.log(V)


def wpm(problem: Problem, w: np.ndarray, normalization: str = "none") -> MethodOutput:
    L = wpm_basis(problem, normalization)
    log_score = L @ w
    scores = np.exp(log_score)
    return MethodOutput(
        scores=scores,
        ranks=rank_scores(log_score),
        higher_is_better=True,
        details={"log_score": log_score},
        normalized=np.exp(L),
        contributions=L * w,
    )


def wpm_batch(
    problem: Problem, W: np.ndarray, X: np.ndarray | None = None, normalization: str = "none"
) -> np.ndarray:
    """Batched log-scores (monotone in the WPM score, safe from overflow)."""
    if X is None:
        return W @ wpm_basis(problem, normalization).T
    L = _logs(problem, X, normalization)
    return np.einsum("knm,km->kn", L, W)
