"""Objective weights computed from the decision matrix itself: Shannon entropy and CRITIC.

Both take ``X`` of shape (n sites, m criteria) in the criteria's own units.

**Entropy** (Shannon entropy weighting, e.g. Zeleny 1982; Hwang & Yoon 1981):

* normalisation: shares p_ij = x_ij / sum_i x_ij, column by column, on the raw values;
* entropy E_j = -(1 / ln n) * sum_i p_ij ln p_ij (with 0 ln 0 = 0), so 0 <= E_j <= 1;
* diversification d_j = 1 - E_j; weights w_j = d_j / sum_k d_k;
* cost convention: **none**. Entropy measures how unevenly the values are spread, which does not
  depend on whether more is better, and the published examples compute it on the raw values of
  cost criteria too (Zavadskas & Podvezko 2016 reproduce only that way). Transforming a cost
  column (1/x or max - x) would change its spread and has no single published form;
* values must be >= 0 and every column must have a positive sum; a constant column has E_j = 1 and
  weight 0; if every column is constant there is nothing to weight and it is an error.

**CRITIC** (Diakoulaki, D., Mavrotas, G. & Papayannakis, L. (1995) "Determining objective weights
in multiple criteria problems: the CRITIC method", Computers & Operations Research 22(7):763-770):

* min-max normalisation, cost criteria inverted: r_ij = (x_ij - min_j)/(max_j - min_j) for benefit
  criteria, (max_j - x_ij)/(max_j - min_j) for cost criteria;
* contrast sigma_j = population standard deviation of column j of r (ddof = 0; the choice does not
  change the weights, which are scale-free);
* conflict: Pearson correlation r_jk of the normalised columns; C_j = sigma_j * sum_k (1 - r_jk);
  w_j = C_j / sum_k C_k;
* a constant column carries no contrast and has no correlation; it gets weight 0 and is left out
  of the other columns' conflict sums (listed in ``constant``). All columns constant: error.

**Differences from scikit-criteria 0.10** (``skcriteria.preprocessing.weighters``), pinned by
``tests/test_weights_objective.py``:

* ``EntropyWeighter`` computes ``scipy.stats.entropy(matrix, base=n_alternatives, axis=0)``: the
  same shares, the same log base n and the same raw-value (no inversion) convention for MIN
  objectives, so on valid data the weights agree to machine precision. It does not check its
  input: negative values give NaN weights, and an all-constant matrix divides by zero; here
  both are errors naming the criterion.
* ``CRITIC`` scales with ``matrix_scale_by_cenit_distance`` (the same min-max with MIN criteria
  inverted), uses ``np.std`` (ddof = 0) and pandas' Pearson correlation: the same weights on
  valid data. It warns (UserWarning) whenever an objective is MIN, although the paper's own
  normalisation covers cost criteria; we do not warn. A constant column makes its scaling
  divide 0 by 0 and the weights NaN; here that column gets weight 0.
* Some published CRITIC examples (e.g. Tuş & Aytaç Adalı 2019, as reproduced by pyrepo-mcda)
  normalise every column as a benefit criterion, including prices; pass ``benefit`` all True to
  reproduce them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..errors import Issue, ValidationError
from ..model import freeze_mappings

__all__ = ["ObjectiveResult", "entropy_weights", "critic_weights"]


@dataclass(frozen=True)
class ObjectiveResult:
    method: str
    criteria: tuple[str, ...]
    weights: Mapping[str, float]
    details: Mapping[str, Any] = field(default_factory=dict)  # per-method intermediates
    alternatives: tuple[str, ...] = ()
    constant: tuple[str, ...] = ()
    source: str = ""

    def __post_init__(self) -> None:
        freeze_mappings(self, "weights", "details")

    @property
    def vector(self) -> np.ndarray:
        """The weights as an array, in criteria order."""
        return np.array([self.weights[c] for c in self.criteria])

    def to_json_dict(self) -> dict[str, Any]:
        """The result as ``weights objective --format json`` writes it."""
        return {
            "method": self.method,
            "criteria": list(self.criteria),
            "weights": {c: float(self.weights[c]) for c in self.criteria},
            "alternatives": list(self.alternatives),
            "constant": list(self.constant),
            "details": {k: _plain(v) for k, v in self.details.items()},
            "source": self.source,
        }

    def to_provenance(self) -> dict[str, Any]:
        """What a scenario's ``provenance:`` records about these weights."""
        d: dict[str, Any] = {"method": self.method}
        if self.source:
            d["source"] = self.source
        if self.alternatives:
            d["sites"] = list(self.alternatives)
        if self.constant:
            d["constant_criteria"] = list(self.constant)
        if self.method == "entropy":
            d["convention"] = "shares of raw values; cost criteria not transformed"
        else:
            d["convention"] = "min-max, cost inverted; population std; Pearson"
        return d


def _plain(v: Any) -> Any:
    if isinstance(v, np.ndarray):
        return v.tolist()
    if isinstance(v, Mapping):
        return {k: _plain(x) for k, x in v.items()}
    if isinstance(v, np.generic):
        return v.item()
    return v


def _check(
    X: Any, criteria: Sequence[str] | None, source: str, alternatives: Sequence[str] | None
) -> tuple[np.ndarray, tuple[str, ...], tuple[str, ...]]:
    A = np.asarray(X, dtype=float)
    if A.ndim != 2:
        raise ValidationError(
            [Issue(source, "", f"expected a 2-D matrix (sites x criteria), got shape {A.shape}")]
        )
    n, m = A.shape
    crit = tuple(criteria) if criteria is not None else tuple(f"c{j + 1}" for j in range(m))
    alts = tuple(alternatives) if alternatives is not None else tuple(f"a{i + 1}" for i in range(n))
    issues: list[Issue] = []
    if len(crit) != m:
        issues.append(Issue(source, "criteria", f"{len(crit)} criterion ids for {m} columns"))
    if len(alts) != n:
        issues.append(Issue(source, "alternatives", f"{len(alts)} site ids for {n} rows"))
    if n < 2:
        issues.append(Issue(source, "", f"needs at least 2 sites to measure spread, got {n}"))
    if m < 1:
        issues.append(Issue(source, "", "needs at least 1 criterion"))
    if issues:
        raise ValidationError(issues)
    for j, c in enumerate(crit):
        bad = ~np.isfinite(A[:, j])
        if bad.any():
            i = int(np.argmax(bad))
            issues.append(
                Issue(source, c, f"value for {alts[i]} is not a finite number ({float(A[i, j])!r})")
            )
    if issues:
        raise ValidationError(issues)
    return A, crit, alts


def entropy_weights(
    X: Any,
    criteria: Sequence[str] | None = None,
    *,
    alternatives: Sequence[str] | None = None,
    source: str = "decision matrix",
) -> ObjectiveResult:
    """Shannon-entropy weights (see the module docstring for the conventions)."""
    A, crit, alts = _check(X, criteria, source, alternatives)
    n = A.shape[0]
    issues = []
    for j, c in enumerate(crit):
        if (A[:, j] < 0).any():
            i = int(np.argmin(A[:, j]))
            issues.append(Issue(source, c, f"entropy needs values >= 0; {alts[i]} has {A[i, j]:g}"))
        elif A[:, j].sum() <= 0:
            issues.append(Issue(source, c, "entropy needs a positive column sum; every value is 0"))
    if issues:
        raise ValidationError(issues)
    P = A / A.sum(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        L = np.where(P > 0, P * np.log(np.where(P > 0, P, 1.0)), 0.0)
    E = -L.sum(axis=0) / np.log(n)
    E = np.clip(E, 0.0, 1.0)
    d = 1.0 - E
    constant = tuple(c for j, c in enumerate(crit) if np.ptp(A[:, j]) == 0)
    if d.sum() <= 1e-15:
        raise ValidationError(
            [
                Issue(
                    source,
                    "",
                    "every criterion has the same value at every site; entropy cannot weight them",
                )
            ]
        )
    w = d / d.sum()
    return ObjectiveResult(
        "entropy",
        crit,
        {c: float(w[j]) for j, c in enumerate(crit)},
        details={
            "entropy": dict(zip(crit, E.tolist(), strict=True)),
            "diversification": dict(zip(crit, d.tolist(), strict=True)),
        },
        alternatives=alts,
        constant=constant,
        source=source,
    )


def critic_weights(
    X: Any,
    benefit: Any,
    criteria: Sequence[str] | None = None,
    *,
    alternatives: Sequence[str] | None = None,
    source: str = "decision matrix",
) -> ObjectiveResult:
    """CRITIC weights (Diakoulaki et al. 1995); ``benefit[j]`` True = more is better."""
    A, crit, alts = _check(X, criteria, source, alternatives)
    b = np.asarray(benefit, dtype=bool).reshape(-1)
    if b.shape[0] != A.shape[1]:
        raise ValidationError(
            [Issue(source, "benefit", f"{b.shape[0]} directions for {A.shape[1]} criteria")]
        )
    lo, hi = A.min(axis=0), A.max(axis=0)
    span = hi - lo
    live = span > 0
    constant = tuple(c for j, c in enumerate(crit) if not live[j])
    if not live.any():
        raise ValidationError(
            [
                Issue(
                    source,
                    "",
                    "every criterion has the same value at every site; CRITIC cannot weight them",
                )
            ]
        )
    R = np.zeros_like(A)
    safe = np.where(live, span, 1.0)
    R[:, live] = np.where(b, (A - lo) / safe, (hi - A) / safe)[:, live]
    sigma = R.std(axis=0)
    k = np.flatnonzero(live)
    corr = np.full((A.shape[1], A.shape[1]), np.nan)
    if len(k) == 1:
        corr[np.ix_(k, k)] = 1.0
    else:
        corr[np.ix_(k, k)] = np.corrcoef(R[:, k], rowvar=False)
    C = np.zeros(A.shape[1])
    C[k] = sigma[k] * (1.0 - corr[np.ix_(k, k)]).sum(axis=1)
    if C.sum() <= 0:
        # a single non-constant criterion (or all perfectly correlated): it takes all the weight
        C[k] = sigma[k]
    w = C / C.sum()
    corr_map = {
        c: {d: (None if np.isnan(corr[i, j]) else float(corr[i, j])) for j, d in enumerate(crit)}
        for i, c in enumerate(crit)
    }
    return ObjectiveResult(
        "critic",
        crit,
        {c: float(w[j]) for j, c in enumerate(crit)},
        details={
            "std": dict(zip(crit, sigma.tolist(), strict=True)),
            "information": dict(zip(crit, C.tolist(), strict=True)),
            "correlation": corr_map,
            "benefit": dict(zip(crit, b.tolist(), strict=True)),
        },
        alternatives=alts,
        constant=constant,
        source=source,
    )
