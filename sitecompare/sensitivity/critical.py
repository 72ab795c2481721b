"""Critical changes: the smallest weight or fact change that reverses a ranking.

Weights (Triantaphyllou & Sanchez 1997, Decision Sciences 28(1):151-194): for each pair of sites
(a ahead of b) and each criterion k, delta is the smallest change of w_k, the other weights
unchanged before renormalising, that reverses a and b; relative = delta / w_k. The
renormalised weight after the change is t = (w_k + delta)/(1 + delta), so delta follows from the
OAT crossover t* of that pair nearest to the current weight: delta = (t* - w_k)/(1 - t*). For
wsm this is T&S's closed form delta = (S_b - S_a)/(v_bk - v_ak); for the other methods it inherits
the OAT crossovers' precision. The most critical criterion is the one with the smallest
|relative| change (T&S "percent") or smallest |delta| ("absolute"), for first place ("top")
and for any pair ("any"). Criticality degree of a criterion = its smallest |relative| change;
sensitivity coefficient = 1 / criticality.

Data: for each site below first place and each criterion, the smallest change of the site's
value (in the criterion's unit and in the fact's own unit) that lifts it one rank up, and to
first place, with the weights and every other value fixed (imputed values stay as imputed).
Found by bisection to 1e-9 of the search range, all candidates at once.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..methods.ranks import rank_rows
from .evaluate import Evaluator
from .oat import OATResult

__all__ = [
    "WeightChange",
    "DataChange",
    "critical_weight_changes",
    "most_critical",
    "critical_data_changes",
]


@dataclass(frozen=True)
class WeightChange:
    criterion: str
    sites: tuple[str, str]  # (currently ahead, currently behind)
    ranks: tuple[int, int]
    delta: float
    relative: float | None
    new_weight: float  # the renormalised weight at which they swap

    def to_json(self) -> dict:
        return {
            "criterion": self.criterion,
            "sites": list(self.sites),
            "ranks": list(self.ranks),
            "delta": _r(self.delta),
            "relative": None if self.relative is None else _r(self.relative),
            "new_weight": _r(self.new_weight),
        }


def _r(x: float) -> float:
    return float(f"{x:.10g}")


def critical_weight_changes(
    oat: dict[str, OATResult],
    weights: np.ndarray,
    criteria: tuple[str, ...],
    sites: tuple[str, ...],
    ranks: np.ndarray,
) -> list[WeightChange]:
    w = np.asarray(weights, float) / np.sum(weights)
    rank_of = {s: int(r) for s, r in zip(sites, ranks, strict=True)}
    out: list[WeightChange] = []
    for k, cid in enumerate(criteria):
        res = oat[cid]
        wk = float(w[k])
        best: dict[frozenset, tuple[float, object]] = {}
        for c in res.crossovers:
            if c.weight >= 1.0 - 1e-12:
                continue  # only reachable in the limit of an infinite change
            key = frozenset(c.sites)
            dist = abs(c.weight - wk)
            if key not in best or dist < best[key][0]:
                best[key] = (dist, c)
        for _, c in best.values():
            t = c.weight  # type: ignore[attr-defined]
            delta = (t - wk) / (1.0 - t)
            a, b = c.sites  # type: ignore[attr-defined]
            # order the pair as it stands now (at the current weight)
            if rank_of[a] > rank_of[b] or (rank_of[a] == rank_of[b] and a > b):
                a, b = b, a
            out.append(
                WeightChange(
                    criterion=cid,
                    sites=(a, b),
                    ranks=(rank_of[a], rank_of[b]),
                    delta=delta,
                    relative=(delta / wk) if wk > 0 else None,
                    new_weight=t,
                )
            )
    out.sort(key=lambda x: (abs(x.relative) if x.relative is not None else np.inf, abs(x.delta)))
    return out


def most_critical(changes: list[WeightChange], criteria: tuple[str, ...]) -> dict:
    def pick(items: list[WeightChange], key) -> dict | None:  # type: ignore[no-untyped-def]
        items = [c for c in items if key(c) is not None]
        if not items:
            return None
        c = min(items, key=key)
        return {
            "criterion": c.criterion,
            "sites": list(c.sites),
            "delta": _r(c.delta),
            "relative": None if c.relative is None else _r(c.relative),
        }

    top = [c for c in changes if c.ranks[0] == 1]
    rel = lambda c: None if c.relative is None else abs(c.relative)  # noqa: E731
    ab = lambda c: abs(c.delta)  # noqa: E731
    degree = {}
    for cid in criteria:
        mine = [abs(c.relative) for c in changes if c.criterion == cid and c.relative is not None]
        d = min(mine) if mine else None
        degree[cid] = {
            "criticality": None if d is None else _r(d),
            "sensitivity": None if not d else _r(1.0 / d),
        }
    return {
        "top": {"percent": pick(top, rel), "absolute": pick(top, ab)},
        "any": {"percent": pick(changes, rel), "absolute": pick(changes, ab)},
        "criteria": degree,
    }


@dataclass(frozen=True)
class DataChange:
    site: str
    criterion: str
    target: str  # "up-one" or "first"
    current_rank: int
    target_rank: int
    current_value: float
    required_value: float | None  # None: not reachable by this fact alone
    factor: float  # criterion unit = fact unit * factor

    @property
    def change(self) -> float | None:
        return None if self.required_value is None else self.required_value - self.current_value

    def to_json(self, unit: str, fact: str, fact_unit: str, status: str) -> dict:
        ch = self.change
        return {
            "site": self.site,
            "criterion": self.criterion,
            "fact": fact,
            "target": self.target,
            "current_rank": self.current_rank,
            "target_rank": self.target_rank,
            "current_value": _r(self.current_value),
            "required_value": None if self.required_value is None else _r(self.required_value),
            "change": None if ch is None else _r(ch),
            "unit": unit,
            "change_in_fact_unit": None if ch is None or not self.factor else _r(ch / self.factor),
            "fact_unit": fact_unit,
            "reachable": self.required_value is not None,
            "fact_status": status,
        }


def critical_data_changes(
    ev: Evaluator,
    weights: np.ndarray,
    X: np.ndarray,
    ranks: np.ndarray,
    sites: tuple[str, ...],
    criteria: tuple[str, ...],
    observed_low: np.ndarray,
    observed_high: np.ndarray,
    factors: np.ndarray,
    anchors_best: np.ndarray,
    iterations: int = 60,
) -> list[DataChange]:
    n, m = X.shape
    benefit = ev.problem.benefit
    cand = []  # (site i, criterion j, target label, target rank, limit)
    for i in range(n):
        r = int(ranks[i])
        if r == 1:
            continue
        up = _rank_above(ranks, r)  # the rank of the site(s) just above; ties share it
        targets = ([("up-one", up)] if up > 1 else []) + [("first", 1)]
        for j in range(m):
            lo, hi = observed_low[j], observed_high[j]
            span = max(hi - lo, abs(hi), abs(lo), 1.0)
            x0 = X[i, j]
            if benefit[j]:
                limit = max(x0, hi) + 10.0 * span
                if not np.isnan(anchors_best[j]):
                    limit = max(x0, anchors_best[j])
            else:
                limit = 0.0 if lo >= 0 else lo - 10.0 * span
                if not np.isnan(anchors_best[j]):
                    limit = min(x0, anchors_best[j])
            for label, tr in targets:
                cand.append((i, j, label, tr, x0, limit))
    if not cand:
        return []
    ii = np.array([c[0] for c in cand])
    jj = np.array([c[1] for c in cand])
    target = np.array([c[3] for c in cand])
    x0 = np.array([c[4] for c in cand], float)
    limit = np.array([c[5] for c in cand], float)
    w = np.asarray(weights, float)

    def reached(x: np.ndarray) -> np.ndarray:
        Q = x.size
        Xq = np.broadcast_to(X, (Q, n, m)).copy()
        Xq[np.arange(Q), ii, jj] = x
        g = ev.goodness(np.broadcast_to(w, (Q, m)), Xq)
        rk = rank_rows(g)
        return rk[np.arange(Q), ii] <= target

    ok_at_limit = reached(limit)
    lo_x, hi_x = x0.copy(), limit.copy()  # lo: not reached, hi: reached
    for _ in range(iterations):
        mid = 0.5 * (lo_x + hi_x)
        r = reached(mid)
        hi_x = np.where(r, mid, hi_x)
        lo_x = np.where(r, lo_x, mid)
    out = []
    for q, (i, j, label, tr, xv, _) in enumerate(cand):
        out.append(
            DataChange(
                site=sites[i],
                criterion=criteria[j],
                target=label,
                current_rank=int(ranks[i]),
                target_rank=int(tr),
                current_value=float(xv),
                required_value=float(hi_x[q]) if ok_at_limit[q] else None,
                factor=float(factors[i, j]),
            )
        )
    return out


def _rank_above(ranks: np.ndarray, r: int) -> int:
    better = [int(x) for x in ranks if int(x) < r]
    return max(better) if better else 1
