"""Weighted product model (WPM).

Bridgman (1922); Miller & Starr (1969); Triantaphyllou (2000), ch. 2: P_i = prod_j x_ij^w_j for
benefit and x_ij^-w_j for cost criteria (the published form: comparing A_K/A_L = prod (a_Kj /
a_Lj)^w_j, cost criteria with negative exponent). With a normalisation other than ``none`` the
normalised (benefit-oriented) values enter with positive exponents. Values must be > 0.
Scores are reported as the product itself; ``details.log_score`` = ln P.
"""

from __future__ import annotations

import numpy as np

from ..errors import MethodDomainError
from .base import MethodInfo, MethodOutput, Param, Problem
from .normalize import normalize_problem
from .ranks import rank_scores

__all__ = ["wpm", "wpm_batch", "wpm_basis", "WPM_INFO"]


def wpm_basis(problem: Problem, normalization: str = "none") -> np.ndarray:
    """The (n, m) matrix of signed logs L whose weighted row sums are ln of the WPM scores."""
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
        signed: np.ndarray = np.where(problem.benefit, L, -L)
        return signed
    V = normalize_problem(problem, X, normalization, invert=True)
    if (V <= 0).any():
        bad = np.argwhere(V <= 0)[0]
        raise MethodDomainError(
            f"wpm with '{normalization}' normalisation gives a value <= 0 on criterion "
            f"{problem.criteria[bad[-1]]!r}; use normalization: none, max or sum"
        )
    logs: np.ndarray = np.log(V)
    return logs


def wpm(problem: Problem, w: np.ndarray, normalization: str = "none") -> MethodOutput:
    """WPM scores prod_j x_ij^(+-w_j), ranks from their logs, and each criterion's log share."""
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
        scores: np.ndarray = W @ wpm_basis(problem, normalization).T
    else:
        scores = np.einsum("knm,km->kn", _logs(problem, X, normalization), W)
    return scores


WPM_INFO = MethodInfo(
    name="wpm",
    title="Weighted product model",
    description="Product of values raised to their weights, prod x^w (cost criteria x^-w).",
    cost_convention="negative exponent x^-w (Bridgman 1922; Miller & Starr 1969); with a "
    "normalisation, the benefit-oriented normalised value with exponent +w",
    reference="Bridgman (1922); Miller & Starr (1969); Triantaphyllou (2000), ch. 2",
    higher_is_better=True,
    params={
        "normalization": Param(
            "none", ("none", "max", "sum", "vector"), str, help="none | max | sum | vector"
        )
    },
    evaluate=wpm,
    batch=wpm_batch,
    linear_basis=wpm_basis,
)
