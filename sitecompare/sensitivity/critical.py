"""Critical changes: the smallest weight or fact change that reverses a ranking.

Weights (Triantaphyllou & Sanchez 1997, Decision Sciences 28(1):151-194): for each pair of sites
(a ahead of b) and each criterion k, delta is the smallest change of w_k, the other weights
unchanged before renormalising, that reverses a and b; relative = delta / w_k. The
renormalised weight after the change is t = (w_k + delta)/(1 + delta), so delta follows from the
OAT crossover t* of that pair that needs the smallest |delta| = |t* - w_k|/(1 - t*) (a pair may
cross more than once; the crossover nearest in t is not always the smallest change). Where a
pair crosses through a tie plateau (VIKOR), t* is the plateau's edge nearest the current weight:
the change at which the two sites first tie, as for a crossing at a point. For
wsm this is T&S's closed form delta = (S_b - S_a)/(v_bk - v_ak); for the other methods it inherits
the OAT crossovers' precision. The most critical criterion is the one with the smallest
|relative| change (T&S "percent") or smallest |delta| ("absolute"), for first place ("top")
and for any pair ("any"). Criticality degree of a criterion = its smallest |relative| change;
sensitivity coefficient = 1 / criticality.

The workbook and the Summary speak of the same changes in the unit the Weight sweeps show, the
weight's **share** once the others are rescaled in proportion: a change takes the share from
w_k to t (``new_weight``), ``share_change = t - w_k``, ``share_relative = share_change / w_k``.
``most_critical(...)["share"]`` picks by that measure; it is the one definition of "critical"
the workbook uses (T&S's delta and relative change stay in the JSON and the pair table).

The data changes (the smallest change of one value that moves a site up) are in
:mod:`.critical_data`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from .critical_data import DataChange, critical_data_changes, plausible_range
from .oat import OATResult

__all__ = [
    "WeightChange",
    "DataChange",
    "critical_weight_changes",
    "most_critical",
    "critical_data_changes",
    "plausible_range",
]


@dataclass(frozen=True)
class WeightChange:
    criterion: str
    sites: tuple[str, str]  # (currently ahead, currently behind)
    ranks: tuple[int, int]
    delta: float
    relative: float | None
    new_weight: float  # the renormalised weight at which they swap
    weight: float = 0.0  # the criterion's share now

    @property
    def share_change(self) -> float:
        """The change of the weight's share (others rescaled in proportion): t - w."""
        return self.new_weight - self.weight

    @property
    def share_relative(self) -> float | None:
        """The share change relative to the share now (None for a zero weight)."""
        return self.share_change / self.weight if self.weight > 0 else None

    def to_json(self) -> dict[str, Any]:
        """The change as the JSON ``critical`` list holds it (figures to 10 significant digits)."""
        return {
            "criterion": self.criterion,
            "sites": list(self.sites),
            "ranks": list(self.ranks),
            "delta": _r(self.delta),
            "relative": _r_or_none(self.relative),
            "new_weight": _r(self.new_weight),
            "weight": _r(self.weight),
            "share_change": _r(self.share_change),
            "share_relative": _r_or_none(self.share_relative),
        }


def _r(x: float) -> float:
    return float(f"{x:.10g}")


def _r_or_none(x: float | None) -> float | None:
    return None if x is None else _r(x)


# a most critical change, as most_critical() reports it: the change's JSON less the ranks
_PICKED_KEYS = (
    "criterion",
    "sites",
    "delta",
    "relative",
    "weight",
    "new_weight",
    "share_change",
    "share_relative",
)


def critical_weight_changes(
    oat: dict[str, OATResult],
    weights: np.ndarray,
    criteria: tuple[str, ...],
    sites: tuple[str, ...],
    ranks: np.ndarray,
) -> list[WeightChange]:
    """Each pair's smallest weight change per criterion (module docstring), most critical first."""
    w = np.asarray(weights, float) / np.sum(weights)
    index = {s: i for i, s in enumerate(sites)}
    rank = np.asarray(ranks, dtype=np.intp)
    n = len(sites)
    out: list[WeightChange] = []
    for k, cid in enumerate(criteria):
        cross = oat[cid].crossovers
        if not cross:
            continue
        wk = float(w[k])
        t = np.fromiter((c.weight for c in cross), float, len(cross))
        a = np.fromiter((index[c.sites[0]] for c in cross), np.intp, len(cross))
        b = np.fromiter((index[c.sites[1]] for c in cross), np.intp, len(cross))
        # only reachable in the limit of an infinite change
        keep = t < 1.0 - 1e-12
        t, a, b = t[keep], a[keep], b[keep]
        # the smallest change is the smallest |delta|, not the nearest t: delta = (t - w)/(1 - t)
        # grows faster above w than below it (a pair crossing at t = 0.17 and 0.77 with
        # w = 0.59 needs delta -0.51 or +0.76); the first crossing listed wins a tie
        delta = (t - wk) / (1.0 - t)
        pair = np.minimum(a, b) * n + np.maximum(a, b)
        order = np.lexsort((np.arange(t.size), np.abs(delta), pair))  # by pair, smallest first
        chosen = order[np.r_[True, pair[order][1:] != pair[order][:-1]]] if order.size else order
        _, seen = np.unique(pair, return_index=True)  # same pair order as `chosen`
        chosen = chosen[np.argsort(seen, kind="stable")]  # pairs in the order they first cross
        # order each pair as it stands now (at the current weight)
        swap = (rank[a] > rank[b]) | ((rank[a] == rank[b]) & (np.array(sites)[a] > np.array(sites)[b]))
        ahead, behind = np.where(swap, b, a), np.where(swap, a, b)
        for q in chosen.tolist():
            i, j, d = int(ahead[q]), int(behind[q]), float(delta[q])
            out.append(
                WeightChange(
                    criterion=cid,
                    sites=(sites[i], sites[j]),
                    ranks=(int(rank[i]), int(rank[j])),
                    delta=d,
                    relative=(d / wk) if wk > 0 else None,
                    new_weight=float(t[q]),
                    weight=wk,
                )
            )
    out.sort(key=lambda x: (abs(x.relative) if x.relative is not None else np.inf, abs(x.delta)))
    return out


def most_critical(changes: list[WeightChange], criteria: tuple[str, ...]) -> dict[str, Any]:
    """The most critical criterion by each measure, and each criterion's criticality degree.

    Each measure picks the change with the smallest value; of equal values, the first listed.
    """
    nan = float("nan")
    # per change: |relative|, |delta|, |share relative|, |share change| (NaN where undefined)
    size = np.array(
        [
            (
                nan if c.relative is None else abs(c.relative),
                abs(c.delta),
                nan if (sr := c.share_relative) is None else abs(sr),
                abs(c.share_change),
            )
            for c in changes
        ],
        float,
    ).reshape(len(changes), 4)
    is_top = np.fromiter((c.ranks[0] == 1 for c in changes), bool, len(changes))

    def pick(rows: np.ndarray, measure: int) -> dict[str, Any] | None:
        v = size[rows, measure]
        ok = ~np.isnan(v)
        if not ok.any():
            return None
        best = int(rows[ok][np.argmin(v[ok])])  # argmin: the first of equal values
        as_json = changes[best].to_json()
        return {k: as_json[k] for k in _PICKED_KEYS}

    top, every = np.flatnonzero(is_top), np.arange(len(changes))
    # each criterion's smallest relative change (of its weight, and of its share)
    index = {cid: k for k, cid in enumerate(criteria)}
    crit = np.fromiter((index.get(c.criterion, -1) for c in changes), np.intp, len(changes))
    degree = {}
    for k, cid in enumerate(criteria):
        mine = size[crit == k]
        d, ds = (_least(mine[:, col]) for col in (0, 2))
        degree[cid] = {
            "criticality": None if d is None else _r(d),
            "sensitivity": None if not d else _r(1.0 / d),
            "criticality_share": None if ds is None else _r(ds),
            "sensitivity_share": None if not ds else _r(1.0 / ds),
        }
    return {
        "top": {"percent": pick(top, 0), "absolute": pick(top, 1)},
        "any": {"percent": pick(every, 0), "absolute": pick(every, 1)},
        "share": {
            "top": {"percent": pick(top, 2), "absolute": pick(top, 3)},
            "any": {"percent": pick(every, 2), "absolute": pick(every, 3)},
        },
        "criteria": degree,
    }


def _least(v: np.ndarray) -> float | None:
    """The smallest value that is not NaN (None if there is none)."""
    v = v[~np.isnan(v)]
    return float(v.min()) if v.size else None
