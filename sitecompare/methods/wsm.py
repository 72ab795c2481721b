"""Weighted sum model (WSM).

Fishburn (1967); Triantaphyllou (2000), ch. 2: S_i = sum_j w_j v_ij with v the normalised
matrix (default min-max; cost criteria per the table in :mod:`.normalize`).
"""

from __future__ import annotations

import numpy as np

from .base import MethodInfo, MethodOutput, Param, Problem
from .normalize import NORM_HELP, NORMALIZATIONS, normalize_problem
from .ranks import rank_scores

__all__ = ["wsm", "wsm_batch", "wsm_basis", "WSM_INFO"]


def _values(problem: Problem, X: np.ndarray | None, normalization: str) -> np.ndarray:
    return normalize_problem(problem, X, normalization, invert=True)


def wsm_basis(problem: Problem, normalization: str = "minmax") -> np.ndarray:
    """The (n, m) normalised value matrix V whose weighted row sums are the WSM scores."""
    return _values(problem, None, normalization)


def wsm(problem: Problem, w: np.ndarray, normalization: str = "minmax") -> MethodOutput:
    """WSM scores sum_j w_j v_ij, their ranks, and each criterion's contribution w_j v_ij."""
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
    """WSM scores for K weight vectors (and optionally K matrices ``X``): shape (K, n)."""
    V = _values(problem, X, normalization)
    if V.ndim == 2:
        scores: np.ndarray = W @ V.T
    else:
        scores = np.einsum("knm,km->kn", V, W)
    return scores


WSM_INFO = MethodInfo(
    name="wsm",
    title="Weighted sum model",
    description="Weighted sum of normalised values (default min-max, 0-1; report shows 0-100).",
    cost_convention="min-max: (max - x)/(max - min); max: min/x; sum: (1/x)/sum(1/x); "
    "vector: 1 - x/||x||; none: -x (Jahan & Edwards 2015, Table 1)",
    reference="Fishburn (1967); Triantaphyllou (2000) Multi-criteria Decision Making "
    "Methods: A Comparative Study, ch. 2",
    higher_is_better=True,
    params={"normalization": Param("minmax", NORMALIZATIONS, str, help=NORM_HELP)},
    evaluate=wsm,
    batch=wsm_batch,
    linear_basis=wsm_basis,
)
