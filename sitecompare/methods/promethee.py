"""PROMETHEE II (Brans & Vincke 1985, Management Science 31:647-656; Brans, Vincke & Mareschal
1986, EJOR 24:228-238).

For each criterion j and pair (a, b): d_j(a, b) = x_aj - x_bj for a benefit criterion and
x_bj - x_aj for a cost criterion (the published convention: cost criteria are minimised by
reversing the difference), P_j = F_j(d_j) with one of the six generalised criteria:

============  =========================================================
``usual``     P = 1 if d > 0 else 0
``u-shape``   P = 1 if d > q else 0                          (quasi-criterion)
``v-shape``   P = d / p for 0 < d <= p, 1 if d > p          (linear preference)
``level``     P = 0 if d <= q, 1/2 if q < d <= p, 1 if d > p
``linear``    P = 0 if d <= q, (d - q)/(p - q) if q < d <= p, 1 if d > p
``gaussian``  P = 1 - exp(-d^2 / (2 s^2)) for d > 0
============  =========================================================

pi(a, b) = sum_j w_j P_j(a, b);  phi+(a) = sum_b pi(a, b)/(n - 1);  phi-(a) = sum_b pi(b, a)/(n-1);
phi(a) = phi+ - phi-, in [-1, 1]. The net flow is linear in the weights: phi = Phi @ w with Phi
the (n, m) matrix of unicriterion net flows, which the sensitivity analysis uses.
"""

from __future__ import annotations

import numpy as np

from ..model import Preference
from .base import MethodInfo, MethodOutput, Problem
from .ranks import rank_scores

__all__ = [
    "promethee2",
    "promethee2_batch",
    "unicriterion_flows",
    "preference_degree",
    "PROMETHEE2_INFO",
]

_ROW_CHUNK = 512


def preference_degree(d: np.ndarray, pref: Preference | None) -> np.ndarray:
    """F(d) for differences ``d`` (already oriented so that positive favours the first site)."""
    fn = pref.function if pref else "usual"
    q, p, s = (pref.q, pref.p, pref.s) if pref else (0.0, 0.0, 0.0)
    pos = d > 0
    if fn == "usual":
        return pos.astype(float)
    if fn == "u-shape":
        return (d > q).astype(float)
    if fn == "v-shape":
        return np.where(pos, np.minimum(d / p, 1.0), 0.0)
    if fn == "level":
        return np.where(d > p, 1.0, np.where(d > q, 0.5, 0.0))
    if fn == "linear":
        if p <= q:
            return (d > q).astype(float)
        return np.where(d > p, 1.0, np.where(d > q, (d - q) / (p - q), 0.0))
    if fn == "gaussian":
        return np.where(pos, 1.0 - np.exp(-(d * d) / (2.0 * s * s)), 0.0)
    raise ValueError(f"unknown preference function {fn!r}")


def _pair_sums(
    x: np.ndarray, benefit: bool, pref: Preference | None
) -> tuple[np.ndarray, np.ndarray]:
    """Row sums sum_b P(a, b) and column sums sum_b P(b, a) for one criterion column ``x``."""
    n = x.shape[-1]
    out_ = np.zeros(x.shape)
    in_ = np.zeros(x.shape)
    sign = 1.0 if benefit else -1.0
    for a in range(0, n, _ROW_CHUNK):
        xa = x[..., a : a + _ROW_CHUNK]
        d = sign * (xa[..., :, None] - x[..., None, :])  # (..., chunk, n)
        P = preference_degree(d, pref)
        out_[..., a : a + _ROW_CHUNK] = P.sum(axis=-1)
        in_ += P.sum(axis=-2)
    return out_, in_


def unicriterion_flows(
    problem: Problem, X: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """(phi_plus_j, phi_minus_j): per-criterion positive and negative flows, shape (..., n, m)."""
    X = problem.X if X is None else X
    n = X.shape[-2]
    den = max(n - 1, 1)
    plus = np.empty(X.shape)
    minus = np.empty(X.shape)
    for j in range(X.shape[-1]):
        o, i = _pair_sums(X[..., :, j], bool(problem.benefit[j]), problem.preferences[j])
        plus[..., :, j] = o / den
        minus[..., :, j] = i / den
    return plus, minus


def promethee2(problem: Problem, w: np.ndarray) -> MethodOutput:
    """Net flows phi = phi+ - phi-, their ranks, and each criterion's share of the net flow."""
    plus, minus = unicriterion_flows(problem)
    phi_plus = plus @ w
    phi_minus = minus @ w
    net = phi_plus - phi_minus
    Phi = plus - minus
    return MethodOutput(
        scores=net,
        ranks=rank_scores(net, scale_floor=1.0),  # net flows lie in [-1, 1]
        higher_is_better=True,
        details={"phi_plus": phi_plus, "phi_minus": phi_minus},
        normalized=Phi,
        contributions=Phi * w,
    )


def promethee2_basis(problem: Problem) -> np.ndarray:
    """The (n, m) unicriterion net flows; the net flow phi is their weighted row sum."""
    plus, minus = unicriterion_flows(problem)
    net: np.ndarray = plus - minus
    return net


def promethee2_batch(problem: Problem, W: np.ndarray, X: np.ndarray | None = None) -> np.ndarray:
    """Net flows for K weight vectors (and optionally K matrices ``X``): shape (K, n)."""
    if X is None:
        flows: np.ndarray = W @ promethee2_basis(problem).T
    else:
        plus, minus = unicriterion_flows(problem, X)
        flows = np.einsum("knm,km->kn", plus - minus, W)
    return flows


PROMETHEE2_INFO = MethodInfo(
    name="promethee2",
    title="PROMETHEE II",
    description="Net outranking flow phi = phi+ - phi- from per-criterion preference "
    "functions (usual, u-shape, v-shape, level, linear, gaussian).",
    cost_convention="the difference is reversed for a cost criterion: d = x_b - x_a",
    reference="Brans & Vincke (1985) Management Science 31:647-656; Brans, Vincke & "
    "Mareschal (1986) EJOR 24:228-238",
    higher_is_better=True,
    params={},
    evaluate=promethee2,
    batch=promethee2_batch,
    linear_basis=promethee2_basis,
    score_label="net flow",
    tie_scale=1.0,
)
