"""The shape of a scikit-criteria method entry and the per-method conventions it names.

:class:`SkcSpec` is one row of the table in :mod:`.skc_table`; :class:`SkcRun` is what one
evaluation saw. The functions below are the table's method-specific parts: which criteria a
method may use (``keep``), the extra ``evaluate()`` arguments it needs (``kwargs``, from the
scale anchors) and the intermediates derived from its result (``hook``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from scipy.spatial import distance

from .base import Param, Problem

__all__ = ["SkcRun", "SkcSpec", "Derived"]

# (per-site details, method-level info) derived from a result
Derived = tuple[dict[str, np.ndarray], dict[str, Any]]

# Texts shared by several table entries
METRIC_CHOICES = ("euclidean", "cityblock", "chebyshev", "sqeuclidean")
METRIC_PARAM = Param(
    default="euclidean", choices=METRIC_CHOICES, kind=str, help="distance (scipy.spatial.distance)"
)
VECTOR_TEXT = "Vector normalisation of every column (x / sqrt(sum x^2), skc VectorScaler)"
MINMAX_TEXT = (
    "Min-max normalisation with cost flipped: benefit (x-min)/(max-min), "
    "cost (max-x)/(max-min) (skc MinMaxInverter)"
)
RATIO_TEXT = "Linear normalisation: benefit x/max, cost min/x (skc BenefitCostInverter)"
ELECTRE_COST_TEXT = (
    f"{MINMAX_TEXT}, putting all criteria on one 0-1 scale: concordance only compares orders, "
    "discordance is the largest normalised disadvantage."
)


@dataclass
class SkcRun:
    """What one evaluation saw: inputs after column selection, the prepared dm, the result."""

    problem: Problem
    keep: np.ndarray
    X: np.ndarray
    benefit: np.ndarray
    w: np.ndarray
    criteria: list[str]
    params: dict[str, Any]
    dm: Any = None
    result: Any = None


@dataclass(frozen=True)
class SkcSpec:
    """One scikit-criteria method: its library class, texts, preprocessing and outputs."""

    name: str
    cls: type
    title: str
    description: str
    reference: str
    cost_convention: str
    prep: str
    score_key: str
    higher_is_better: bool
    score_label: str
    params: Mapping[str, Param] = field(default_factory=dict)
    local_params: tuple[str, ...] = ()  # adapter parameters, not passed to the constructor
    domain: str | None = None  # "positive" | "nonnegative" | "ratio" (>= 0, cost > 0)
    keep: Callable[[Problem, np.ndarray], np.ndarray] | None = None  # criteria to use
    uniform_weights: bool = False  # the method does not use weights
    kwargs: Callable[[SkcRun], dict[str, Any]] | None = None  # extra evaluate() arguments
    details: tuple[tuple[str, str], ...] = ()  # (output name, e_ key) per-site arrays
    info: tuple[tuple[str, str, str], ...] = ()  # (name, e_ key, "scalar" | "criteria")
    hook: Callable[[SkcRun], Derived] | None = None  # derived details / info
    requires_cost: bool = False
    noisy: bool = False
    lp: bool = False


def nonzero_weight(problem: Problem, w: np.ndarray) -> np.ndarray:
    """Keep the criteria with a weight > 0."""
    return w > 0


def not_constant_unless_anchored(problem: Problem, w: np.ndarray) -> np.ndarray:
    """Keep the criteria whose range (widened to their scale anchors) is not empty."""
    lo, hi = _bounds(problem.X, problem.worst, problem.best)
    varies: np.ndarray = hi > lo
    return varies


def _bounds(X: np.ndarray, worst: np.ndarray, best: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Data range widened to the scale anchors (where both are given)."""
    anchored = ~np.isnan(worst) & ~np.isnan(best)
    lo, hi = X.min(axis=0), X.max(axis=0)
    lo = np.where(anchored, np.fmin(lo, np.fmin(worst, best)), lo)
    hi = np.where(anchored, np.fmax(hi, np.fmax(worst, best)), hi)
    return lo, hi


def _anchors(run: SkcRun) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    p = run.problem
    worst, best = p.worst[run.keep], p.best[run.keep]
    lo, hi = _bounds(run.X, worst, best)
    anchored = ~np.isnan(worst) & ~np.isnan(best)
    return lo, hi, np.where(anchored, best, np.nan), anchored


def spotis_kwargs(run: SkcRun) -> dict[str, Any]:
    """SPOTIS bounds (data range widened to the anchors) and ideal point (the best bound)."""
    lo, hi, _, _ = _anchors(run)
    return {"bounds": np.column_stack([lo, hi]), "isp": np.where(run.benefit, hi, lo)}


def rim_kwargs(run: SkcRun) -> dict[str, Any]:
    """RIM ranges (data range widened to the anchors) and reference ideals (their best end)."""
    lo, hi, best, anchored = _anchors(run)
    ideal_lo = np.where(run.benefit, np.where(anchored, best, hi), lo)
    ideal_hi = np.where(run.benefit, hi, np.where(anchored, best, lo))
    ranges = [(float(a), float(b)) for a, b in zip(lo, hi, strict=True)]
    ideals = [(float(a), float(b)) for a, b in zip(ideal_lo, ideal_hi, strict=True)]
    return {"ranges": ranges, "ref_ideals": ideals}


def ervd_kwargs(run: SkcRun) -> dict[str, Any]:
    """ERVD reference points: the column median or mean, sum-normalised like the matrix."""
    ref = np.median(run.X, axis=0) if run.params["reference"] == "median" else run.X.mean(axis=0)
    return {"reference_points": ref / run.X.sum(axis=0)}  # same sum normalisation as the matrix


def topsis_hook(run: SkcRun) -> Derived:
    """Each site's distances to the ideal (d_plus) and anti-ideal (d_minus)."""
    e = run.result.e_
    v = run.dm.matrix.to_numpy(dtype=float) * run.w
    metric = run.params["metric"]
    d_plus = distance.cdist(v, e["ideal"][None, :], metric=metric).ravel()
    d_minus = distance.cdist(v, e["anti_ideal"][None, :], metric=metric).ravel()
    return {"d_plus": d_plus, "d_minus": d_minus}, {}


def vikor_hook(run: SkcRun) -> Derived:
    """The compromise set, as site names."""
    sites = run.problem.alternatives
    chosen = [sites[i] for i in np.asarray(run.result.e_["compromise_set"], dtype=int)]
    return {}, {"compromise_set": chosen}


def electre1_hook(run: SkcRun) -> Derived:
    """How many sites each site outranks and is outranked by; the kernel as site names."""
    outrank = np.asarray(run.result.e_["outrank"], dtype=bool)
    sites = run.problem.alternatives
    kernel = [s for s, k in zip(sites, run.result.kernel_, strict=True) if k]
    details = {
        "outranks": outrank.sum(axis=1).astype(float),
        "outranked_by": outrank.sum(axis=0).astype(float),
    }
    return details, {"kernel": kernel}


def multimoora_hook(run: SkcRun) -> Derived:
    """The three MULTIMOORA part ranks (ratio system, reference point, full multiplicative)."""
    rm = np.asarray(run.result.e_["rank_matrix"], dtype=float)
    return {"ratio_rank": rm[:, 0], "refpoint_rank": rm[:, 1], "fmf_rank": rm[:, 2]}, {}


def unit_param(
    lo: float | None = None, hi: float | None = None, help: str = "", default: float = 0.5
) -> Param:
    """A numeric parameter in ``lo..hi`` (default 0.5)."""
    return Param(default=default, kind=(int, float), minimum=lo, maximum=hi, help=help)

