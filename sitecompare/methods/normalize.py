"""Normalisations of a decision matrix, one documented cost convention each.

Arrays may be ``(n, m)`` or batched ``(..., n, m)``: sites along axis -2, criteria along -1.

Benefit-oriented normalisation (``invert=True``, used by WSM/WPM), following the conventions
tabulated by Jahan & Edwards (2015), "A state-of-the-art survey on the influence of
normalization techniques in ranking", *Materials & Design* 65, 335-342, Table 1:

============  ======================  =====================================
name          benefit (max)           cost (min)
============  ======================  =====================================
``minmax``    (x - min)/(max - min)   (max - x)/(max - min)
``max``       x / max                 min / x
``sum``       x / sum(x)              (1/x) / sum(1/x)
``vector``    x / sqrt(sum(x^2))      1 - x / sqrt(sum(x^2))
``none``      x                       -x
============  ======================  =====================================

With fixed ``scale`` anchors (criterion ``scale: {worst, best}``), ``minmax`` becomes the
value function (x - worst)/(best - worst) clipped to [0, 1], for benefit and cost alike.
A constant column (max == min, no anchors) normalises to 0 under ``minmax``: it does not
discriminate, and the report says so.

Scale-only normalisation (``invert=False``, used by TOPSIS, whose published form handles cost
criteria through the choice of ideal and anti-ideal) divides by the same denominators without
turning cost into benefit.
"""

from __future__ import annotations

import numpy as np

from ..errors import NormalizationError
from .base import Problem

__all__ = ["NORMALIZATIONS", "NORM_HELP", "normalize", "normalize_problem", "NormalizationError"]

NORMALIZATIONS = ("minmax", "max", "sum", "vector", "none")
NORM_HELP = "minmax | max | sum | vector | none"


def _safe_div(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """a / b, 0 where b is 0 (the pass over the result only when some b is 0)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        out = a / b
    zero = b == 0
    if not np.any(zero):
        return np.asarray(out, dtype=float)
    return np.where(zero, 0.0, out)


def normalize(
    X: np.ndarray,
    benefit: np.ndarray,
    kind: str,
    *,
    worst: np.ndarray | None = None,
    best: np.ndarray | None = None,
    invert: bool = True,
) -> np.ndarray:
    """Normalise ``X`` column-wise. ``benefit[j]`` is True for a max criterion."""
    X = np.asarray(X, dtype=float)
    benefit = np.asarray(benefit, dtype=bool)
    if kind == "none":
        return np.where(benefit, X, -X) if invert else X.copy()
    if kind == "minmax":
        lo = X.min(axis=-2, keepdims=True)
        hi = X.max(axis=-2, keepdims=True)
        rng = hi - lo
        if invert:
            v = np.where(benefit, _safe_div(X - lo, rng), _safe_div(hi - X, rng))
        else:
            v = _safe_div(X - lo, rng)
        if worst is not None and best is not None:
            anchored = ~np.isnan(worst) & ~np.isnan(best)
            if anchored.any():
                w_ = np.where(anchored, worst, 0.0)
                b_ = np.where(anchored, best, 1.0)
                va = np.clip((X - w_) / (b_ - w_), 0.0, 1.0)
                if not invert:  # scale-only: keep the raw orientation
                    va = np.where(benefit, va, 1.0 - va)
                v = np.where(anchored, va, v)
        return v
    if kind == "max":
        mx = X.max(axis=-2, keepdims=True)
        _require_positive(X, benefit, "max", cost_only=True)
        if invert:
            mn = X.min(axis=-2, keepdims=True)
            return np.where(benefit, _safe_div(X, mx), _safe_div(mn, X))
        return _safe_div(X, mx)
    if kind == "sum":
        _require_positive(X, benefit, "sum", cost_only=False)
        s = X.sum(axis=-2, keepdims=True)
        if invert:
            with np.errstate(divide="ignore"):
                inv = 1.0 / X
            return np.where(
                benefit, _safe_div(X, s), _safe_div(inv, inv.sum(axis=-2, keepdims=True))
            )
        return _safe_div(X, s)
    if kind == "vector":
        nrm = np.sqrt((X * X).sum(axis=-2, keepdims=True))
        v = _safe_div(X, nrm)
        return np.where(benefit, v, 1.0 - v) if invert else v
    raise ValueError(f"unknown normalization {kind!r}")


def normalize_problem(
    problem: Problem, X: np.ndarray | None, kind: str, *, invert: bool
) -> np.ndarray:
    """``problem.X`` (or the batched ``X`` given) normalised with the problem's scale anchors."""
    return normalize(
        problem.X if X is None else X,
        problem.benefit,
        kind,
        worst=problem.worst,
        best=problem.best,
        invert=invert,
    )


def _require_positive(X: np.ndarray, benefit: np.ndarray, kind: str, *, cost_only: bool) -> None:
    cols = np.arange(X.shape[-1])
    for j in cols:
        if cost_only and benefit[j]:
            if (X[..., j] < 0).any():
                raise NormalizationError(f"'{kind}' normalisation needs values >= 0", int(j))
            continue
        if (X[..., j] <= 0).any():
            raise NormalizationError(f"'{kind}' normalisation needs values > 0", int(j))
