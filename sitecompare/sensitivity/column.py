"""Scores when one column of the decision matrix changes, without re-scoring the others.

The critical-data search tries thousands of matrices that differ from the study's in a single
value. Every native method normalises column by column, so when only column j moves the other
columns' contributions stay as they are and can be computed once:

* **wsm, wpm (in logs), promethee2**: the score is a weighted sum over the columns, so it is
  ``rest + w_j f_j(column)`` with ``rest`` the other columns' part;
* **topsis**: the squared distances to the ideal and anti-ideal are sums over the columns
  (``rest`` + column j's term; Manhattan: plain sums), and the closeness follows;
* **vikor**: S is a sum over the columns and R a maximum, so S = S_rest + w_j d_j and
  R = max(R_rest, w_j d_j), then Q from S and R across the sites.

Each variant of column j costs O(n) (O(n^2) for PROMETHEE's pairwise preferences) instead of
the O(n m) of scoring the whole matrix. scikit-criteria methods, which have no such form, are
scored whole. :class:`ColumnScores` returns goodness scores (higher is better), like
:meth:`~.evaluate.Evaluator.goodness`.
"""

from __future__ import annotations

import numpy as np

from ..methods.base import Problem
from ..methods.normalize import normalize
from ..methods.topsis import _closeness
from ..methods.vikor import _q, vikor_regret
from .evaluate import Evaluator

__all__ = ["ColumnScores"]

ADDITIVE = ("wsm", "wpm", "promethee2")


def _one_column(problem: Problem, j: int) -> Problem:
    """The problem restricted to criterion j (its direction, anchors and preference)."""
    return Problem(
        X=problem.X[:, j : j + 1],
        benefit=problem.benefit[j : j + 1],
        alternatives=problem.alternatives,
        criteria=problem.criteria[j : j + 1],
        worst=problem.worst[j : j + 1],
        best=problem.best[j : j + 1],
        preferences=problem.preferences[j : j + 1],
    )


class ColumnScores:
    """Goodness of every site for K variants of one column (the rest of the matrix fixed)."""

    def __init__(self, ev: Evaluator, w: np.ndarray) -> None:
        self.ev = ev
        self.w = np.asarray(w, float)
        self.name = ev.info.name
        self.params = dict(ev.params)
        self._rest: dict[int, tuple[np.ndarray, ...]] = {}

    @property
    def fast(self) -> bool:
        """True when the method has a per-column shortcut (no full re-evaluation)."""
        return self.name in (*ADDITIVE, "topsis", "vikor")

    def goodness(self, j: int, cols: np.ndarray) -> np.ndarray:
        """(K, n) goodness when column j holds ``cols[k]`` (shape (K, n))."""
        cols = np.atleast_2d(np.asarray(cols, float))
        if not self.fast:
            X = np.broadcast_to(self.ev.problem.X, (cols.shape[0], *self.ev.problem.X.shape)).copy()
            X[:, :, j] = cols
            return self.ev.goodness(np.broadcast_to(self.w, (cols.shape[0], self.w.size)), X)
        p1 = _one_column(self.ev.problem, j)
        wj = self.w[j : j + 1]
        if self.name in ADDITIVE:
            rest = self._additive_rest(j, p1)
            assert self.ev.info.batch is not None
            W1 = np.broadcast_to(wj, (cols.shape[0], 1))
            part = self.ev.info.batch(p1, W1, cols[:, :, None], **self.params)
            goodness: np.ndarray = self.ev.sign * (rest[None, :] + part)
            return goodness
        if self.name == "topsis":
            return self._topsis(j, p1, cols)
        return -self._vikor(j, p1, cols)  # Q: lower is better

    # ------------------------------------------------------------------ the fixed parts
    def _additive_rest(self, j: int, p1: Problem) -> np.ndarray:
        if j not in self._rest:
            assert self.ev.info.batch is not None
            full = self.ev.info.batch(self.ev.problem, self.w[None, :], None, **self.params)[0]
            own = self.ev.info.batch(p1, self.w[None, j : j + 1], None, **self.params)[0]
            self._rest[j] = (full - own,)
        return self._rest[j][0]

    def _topsis(self, j: int, p1: Problem, cols: np.ndarray) -> np.ndarray:
        norm = str(self.params.get("normalization", "vector"))
        metric = str(self.params.get("metric", "euclidean"))
        p = self.ev.problem
        if j not in self._rest:
            N = normalize(p.X, p.benefit, norm, worst=p.worst, best=p.best, invert=False)
            ip = np.where(p.benefit, N.max(axis=0), N.min(axis=0))
            im = np.where(p.benefit, N.min(axis=0), N.max(axis=0))
            dp, dm = (N - ip) * self.w, (N - im) * self.w
            if metric == "euclidean":
                dp, dm = dp * dp, dm * dm
            else:
                dp, dm = np.abs(dp), np.abs(dm)
            self._rest[j] = (dp.sum(axis=1) - dp[:, j], dm.sum(axis=1) - dm[:, j])
        rest_p, rest_m = self._rest[j]
        Nj = normalize(cols[:, :, None], p1.benefit, norm, worst=p1.worst, best=p1.best, invert=False)
        Nj = Nj[:, :, 0]
        b = bool(p1.benefit[0])
        ip = (Nj.max if b else Nj.min)(axis=1, keepdims=True)
        im = (Nj.min if b else Nj.max)(axis=1, keepdims=True)
        tp, tm = (Nj - ip) * self.w[j], (Nj - im) * self.w[j]
        if metric == "euclidean":
            dp = np.sqrt(np.maximum(rest_p[None, :] + tp * tp, 0.0))
            dm = np.sqrt(np.maximum(rest_m[None, :] + tm * tm, 0.0))
        else:
            dp = rest_p[None, :] + np.abs(tp)
            dm = rest_m[None, :] + np.abs(tm)
        return _closeness(dp, dm)

    def _vikor(self, j: int, p1: Problem, cols: np.ndarray) -> np.ndarray:
        v = float(self.params.get("v", 0.5))
        p = self.ev.problem
        if j not in self._rest:
            WD = vikor_regret(p) * self.w
            others = np.delete(WD, j, axis=1)
            r_rest = others.max(axis=1) if others.shape[1] else np.zeros(WD.shape[0])
            self._rest[j] = (WD.sum(axis=1) - WD[:, j], r_rest)
        s_rest, r_rest = self._rest[j]
        d = vikor_regret(p1, cols[:, :, None])[:, :, 0] * self.w[j]
        S = s_rest[None, :] + d
        R = np.maximum(r_rest[None, :], d)
        return _q(S, R, v)
