"""Method robustness: the same study ranked by every built-in method and normalisation.

Rank agreement: Kendall's tau-b and Spearman's rho (scipy.stats) for every pair of rankings.
Consensus ranking: Borda (mean rank over the rankings; ties share the better rank).
``wsm``/``topsis`` with ``normalization: none`` are left out: they add raw values in different
units. A method that cannot run on the data (e.g. ``max`` normalisation with a zero value) is
skipped with its reason.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..errors import SiteCompareError
from ..matrix import DecisionMatrix
from ..methods import rank_scores
from ..methods.normalize import NormalizationError
from ..model import MethodSpec
from ..ranking import evaluate_matrix
from ..scenarios import method_label

__all__ = ["ROBUSTNESS_SPECS", "MethodAgreement", "method_agreement"]

ROBUSTNESS_SPECS: tuple[MethodSpec, ...] = (
    MethodSpec("wsm", {"normalization": "minmax"}),
    MethodSpec("wsm", {"normalization": "max"}),
    MethodSpec("wsm", {"normalization": "sum"}),
    MethodSpec("wsm", {"normalization": "vector"}),
    MethodSpec("wpm", {"normalization": "none"}),
    MethodSpec("wpm", {"normalization": "max"}),
    MethodSpec("wpm", {"normalization": "sum"}),
    MethodSpec("wpm", {"normalization": "vector"}),
    MethodSpec("topsis", {"normalization": "vector", "metric": "euclidean"}),
    MethodSpec("topsis", {"normalization": "minmax", "metric": "euclidean"}),
    MethodSpec("topsis", {"normalization": "max", "metric": "euclidean"}),
    MethodSpec("topsis", {"normalization": "sum", "metric": "euclidean"}),
    MethodSpec("vikor", {"v": 0.5}),
    MethodSpec("promethee2", {}),
)


@dataclass(frozen=True)
class MethodAgreement:
    labels: tuple[str, ...]
    sites: tuple[str, ...]
    ranks: np.ndarray  # (n, k)
    kendall: np.ndarray  # (k, k)
    spearman: np.ndarray  # (k, k)
    consensus_rank: np.ndarray  # (n,)
    mean_rank: np.ndarray  # (n,)
    skipped: tuple[tuple[str, str], ...]

    def to_json(self) -> dict:
        def mat(a: np.ndarray) -> dict:
            return {
                self.labels[i]: {self.labels[j]: _r(a[i, j]) for j in range(len(self.labels))}
                for i in range(len(self.labels))
            }

        return {
            "methods": list(self.labels),
            "ranks": {
                s: {lab: int(self.ranks[i, j]) for j, lab in enumerate(self.labels)}
                for i, s in enumerate(self.sites)
            },
            "kendall_tau": mat(self.kendall),
            "spearman_rho": mat(self.spearman),
            "consensus": [
                {
                    "rank": int(self.consensus_rank[i]),
                    "site": self.sites[i],
                    "mean_rank": _r(self.mean_rank[i]),
                }
                for i in np.argsort(self.mean_rank, kind="stable")
            ],
            "skipped": [{"method": m, "reason": r} for m, r in self.skipped],
        }


def _r(x: float) -> float:
    return float(f"{x:.6g}") if np.isfinite(x) else None  # type: ignore[return-value]


def method_agreement(
    dm: DecisionMatrix, specs: tuple[MethodSpec, ...] = ROBUSTNESS_SPECS
) -> MethodAgreement:
    labels, cols, skipped = [], [], []
    for spec in specs:
        label = method_label(spec)
        try:
            out = evaluate_matrix(dm, spec)
        except (SiteCompareError, NormalizationError, ValueError) as exc:
            reason = exc.issues[0].message if isinstance(exc, SiteCompareError) else str(exc)
            skipped.append((label, reason))
            continue
        labels.append(label)
        cols.append(out.ranks)
    from scipy import stats  # slow to import; only needed here

    R = np.column_stack(cols) if cols else np.zeros((len(dm.site_ids), 0))
    k = R.shape[1]
    kendall = np.eye(k)
    spearman = np.eye(k)
    for i in range(k):
        for j in range(i + 1, k):
            if np.ptp(R[:, i]) == 0 or np.ptp(R[:, j]) == 0:
                tau = rho = np.nan
            else:
                tau = stats.kendalltau(R[:, i], R[:, j]).statistic
                rho = stats.spearmanr(R[:, i], R[:, j]).statistic
            kendall[i, j] = kendall[j, i] = tau
            spearman[i, j] = spearman[j, i] = rho
    mean_rank = R.mean(axis=1) if k else np.zeros(len(dm.site_ids))
    consensus = rank_scores(mean_rank, higher_is_better=False)
    return MethodAgreement(
        labels=tuple(labels),
        sites=dm.site_ids,
        ranks=R,
        kendall=kendall,
        spearman=spearman,
        consensus_rank=consensus,
        mean_rank=mean_rank,
        skipped=tuple(skipped),
    )
