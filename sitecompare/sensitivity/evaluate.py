"""Evaluation: scores for many weight vectors (and matrices) at once, in bounded-memory chunks.

Native methods have batched forms (one matrix product for WSM/PROMETHEE/WPM, two for TOPSIS,
a chunked max for VIKOR). scikit-criteria methods have none and are looped (slow, but
correct); the CLI says so.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from ..methods import MethodInfo, Problem, get_method
from ..model import MethodSpec

__all__ = ["Evaluator", "chunk_bounds"]

CHUNK_TARGET_ELEMENTS = 2_500_000  # (samples x sites x criteria) elements per chunk: ~20 MB


def chunk_bounds(k: int, n: int, m: int, *, per_sample_matrix: bool) -> Iterator[tuple[int, int]]:
    size = n * m if per_sample_matrix else n * 4
    step = max(256, CHUNK_TARGET_ELEMENTS // max(size, 1))
    for a in range(0, k, step):
        yield a, min(k, a + step)


class Evaluator:
    """Goodness scores (higher is better) of a problem under a method, for batches of weights."""

    def __init__(self, problem: Problem, method: MethodSpec) -> None:
        self.problem = problem
        self.spec = method
        self.info: MethodInfo = get_method(method.name)
        self.params = dict(method.params)
        self.sign = 1.0 if self.info.higher_is_better else -1.0
        self.batched = self.info.batch is not None
        self._basis: np.ndarray | None = None
        if self.info.linear_basis is not None:
            self._basis = self.info.linear_basis(problem, **self.params)

    @property
    def linear(self) -> bool:
        """True when the score is a monotone function of ``basis @ w`` (exact OAT crossovers)."""
        return self._basis is not None

    @property
    def basis(self) -> np.ndarray:
        assert self._basis is not None
        return self._basis

    def goodness(self, W: np.ndarray, X: np.ndarray | None = None) -> np.ndarray:
        """(K, n) scores oriented so that higher is better, for K weight rows (and matrices)."""
        W = np.atleast_2d(W)
        if X is None and self._basis is not None:
            return self.sign * (W @ self._basis.T)
        if self.batched:
            assert self.info.batch is not None
            out = self.info.batch(self.problem, W, X, **self.params)
            return self.sign * out
        rows = []
        for k in range(W.shape[0]):
            p = self.problem if X is None else _with_x(self.problem, X[k])
            rows.append(self.info.evaluate(p, W[k], **self.params).scores)
        return self.sign * np.array(rows)

    def native(self, W: np.ndarray, X: np.ndarray | None = None) -> np.ndarray:
        """(K, n) scores in the method's native scale (for charts)."""
        W = np.atleast_2d(W)
        if self.batched:
            assert self.info.batch is not None
            out = self.info.batch(self.problem, W, X, **self.params)
            return np.exp(out) if self.info.name == "wpm" else out
        rows = []
        for k in range(W.shape[0]):
            p = self.problem if X is None else _with_x(self.problem, X[k])
            rows.append(self.info.evaluate(p, W[k], **self.params).scores)
        return np.array(rows)


def _with_x(problem: Problem, X: np.ndarray) -> Problem:
    from dataclasses import replace

    return replace(problem, X=X)
