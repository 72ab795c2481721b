"""Sampling, kept apart from evaluation and analysis (the SALib habit). Every sampler takes an
explicit ``numpy.random.Generator``; callers build it from the run's recorded seed.

Weights
-------
``uniform``   uniform on the weight simplex: SMAA-2's "no preference information". Drawn as
              normalised i.i.d. standard exponentials, i.e. Dirichlet(1, ..., 1), which is exactly
              uniform on the simplex (the same law as JSMAA's sorted-uniform differences).
              Normalising independent *uniforms* is not uniform (it crowds samples toward equal
              weights); the tests check the marginal of one weight is Beta(1, m - 1).
``dirichlet`` centred on the set's weights w: Dirichlet(c * w), mean w, variance
              w_j (1 - w_j) / (c + 1); ``concentration`` c (default 50).
``ordinal``   uniform on the part of the simplex that keeps the weights' order: a uniform draw,
              sorted and assigned in the order of the set's weights (JSMAA
              ``createSumToOneSorted``); criteria with equal weights are exchangeable.

Criteria whose weight is 0 in the set stay at 0 in every sample (the user excluded them).

Data
----
A ranged fact (low/high) is drawn uniformly within its range, and so is an unknown fact of a
``missing: interval`` criterion within the criterion's ``plausible`` range. With
``unknown_missing`` a missing fact of another policy is drawn uniformly within the range of the
values the other sites have on that criterion (instead of its imputed value). Draws are
returned with their uniform variates so the analysis can condition on them (value of
information).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = [
    "WEIGHT_SAMPLINGS",
    "sample_weights",
    "UncertainCell",
    "uncertain_cells",
    "sample_data",
]

WEIGHT_SAMPLINGS = ("uniform", "dirichlet", "ordinal")


def _uniform_simplex(rng: np.random.Generator, k: int, m: int) -> np.ndarray:
    e = rng.standard_exponential((k, m))
    e /= e.sum(axis=1, keepdims=True)
    return e


def sample_weights(
    rng: np.random.Generator,
    k: int,
    base: np.ndarray,
    how: str = "uniform",
    concentration: float = 50.0,
) -> np.ndarray:
    """``k`` weight vectors of length ``len(base)`` summing to 1 (float64, shape (k, m))."""
    base = np.asarray(base, dtype=float)
    active = base > 0
    m = int(active.sum())
    if m == 0:
        raise ValueError("all weights are zero")
    W = np.zeros((k, base.size))
    if how == "uniform":
        if m == base.size:  # every criterion weighted: no zero columns to keep
            return _uniform_simplex(rng, k, m)
        W[:, active] = _uniform_simplex(rng, k, m)
    elif how == "dirichlet":
        if concentration <= 0:
            raise ValueError("concentration must be > 0")
        alpha = concentration * base[active] / base[active].sum()
        g = rng.standard_gamma(alpha, size=(k, m))
        W[:, active] = g / g.sum(axis=1, keepdims=True)
    elif how == "ordinal":
        u = _uniform_simplex(rng, k, m)
        u = -np.sort(-u, axis=1)  # descending
        b = base[active]
        # dense rank of each criterion by weight (0 = heaviest); ties share a group
        levels = np.unique(-b)
        group = np.searchsorted(levels, -b)
        key = group[None, :] + 0.5 * rng.random((k, m))  # random order within a tie group
        order = np.argsort(key, axis=1)  # order[s, p] = criterion at position p
        sub = np.empty((k, m))
        np.put_along_axis(sub, order, u, axis=1)
        W[:, active] = sub
    else:
        raise ValueError(
            f"unknown weight sampling {how!r} (choose from: {', '.join(WEIGHT_SAMPLINGS)})"
        )
    return W


@dataclass(frozen=True)
class UncertainCell:
    site_index: int
    criterion_index: int
    low: float
    high: float
    kind: str  # "range", "unknown" (missing: interval) or "missing" (--unknown-missing)


def uncertain_cells(
    low: np.ndarray,
    high: np.ndarray,
    missing: np.ndarray,
    observed_low: np.ndarray,
    observed_high: np.ndarray,
    unknown_missing: bool,
) -> list[UncertainCell]:
    """The cells the data sampling draws: ranged facts, ``missing: interval`` cells, and with
    ``unknown_missing`` other imputed cells (over the observed range), each with its range."""
    cells = []
    n, m = low.shape
    for i in range(n):
        for j in range(m):
            if missing[i, j]:
                if high[i, j] > low[i, j]:  # missing: interval: anywhere in the plausible range
                    cells.append(UncertainCell(i, j, float(low[i, j]), float(high[i, j]), "unknown"))
                elif unknown_missing and observed_high[j] > observed_low[j]:
                    cells.append(
                        UncertainCell(
                            i, j, float(observed_low[j]), float(observed_high[j]), "missing"
                        )
                    )
            elif high[i, j] > low[i, j]:
                cells.append(UncertainCell(i, j, float(low[i, j]), float(high[i, j]), "range"))
    return cells


def sample_data(
    rng: np.random.Generator, k: int, X: np.ndarray, cells: list[UncertainCell]
) -> tuple[np.ndarray, np.ndarray]:
    """(Xs, U): ``k`` matrices (k, n, m) with the uncertain cells drawn, and their uniforms (k, c)."""
    U = rng.random((k, len(cells)))
    Xs = np.broadcast_to(X, (k, *X.shape)).copy()
    for c, cell in enumerate(cells):
        Xs[:, cell.site_index, cell.criterion_index] = cell.low + U[:, c] * (cell.high - cell.low)
    return Xs, U
