"""Weights from an order of criteria, from swing points or from direct points.

* **Rank-order centroid** (Barron, F. H. & Barrett, B. E. (1996) "Decision quality using ranked
  attribute weights", Management Science 42(11):1515-1523): with n criteria ranked 1 (most
  important) to n, w_k = (1/n) * sum_{i=k..n} 1/i. For n = 4: 25/48, 13/48, 7/48, 3/48.
* **Rank sum** (Stillwell, Seaver & Edwards 1981): w_k = 2 (n + 1 - k) / (n (n + 1)).
* **Rank reciprocal** (same source): w_k = (1/k) / sum_i (1/i).
* **Ties** are allowed: an order is a list whose items are criterion ids or lists of tied ids
  (``["talent", ["compute", "power"], "land"]``). Tied criteria occupy consecutive ranks and
  each receives the mean of the weights of those ranks, so the weights still sum to 1 and a tie
  never favours one of the tied criteria. (This is the usual "average rank" treatment.)
* **Swing weights** (von Winterfeldt & Edwards 1986): the criterion whose swing from its worst to
  its best value matters most scores 100; every other swing is scored 0..100 relative to it;
  weights are the points divided by their sum. At least one criterion must score 100.
* **Direct points**: any non-negative points (e.g. 100 points shared out), normalised to sum 1.

All functions are pure, return a frozen :class:`ElicitationResult`, and raise
:class:`~sitecompare.errors.ValidationError` naming ``source`` and the criterion on bad input.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import Issue, ValidationError, show_value
from ..model import freeze_mappings, normalise_weights

__all__ = [
    "ElicitationResult",
    "roc_weights",
    "rank_sum_weights",
    "rank_reciprocal_weights",
    "swing_weights",
    "points_weights",
]

_REFS = {
    "roc": "Barron & Barrett (1996), Management Science 42(11):1515-1523",
    "rank-sum": "Stillwell, Seaver & Edwards (1981), Organ. Behav. Hum. Perform. 28:62-77",
    "rank-reciprocal": "Stillwell, Seaver & Edwards (1981), Organ. Behav. Hum. Perform. 28:62-77",
    "swing": "von Winterfeldt & Edwards (1986), Decision Analysis and Behavioral Research",
    "points": "direct point allocation, normalised to sum 1",
}


@dataclass(frozen=True)
class ElicitationResult:
    method: str
    weights: Mapping[str, float]
    order: tuple[tuple[str, ...], ...] = ()  # rank groups, most important first
    points: Mapping[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        freeze_mappings(self, "weights", "points")

    @property
    def reference(self) -> str:
        """The published source of the method."""
        return _REFS[self.method]

    def to_json_dict(self) -> dict[str, Any]:
        """The result as the weights command's ``--format json`` writes it."""
        d: dict[str, Any] = {
            "method": self.method,
            "reference": self.reference,
            "weights": {c: float(w) for c, w in self.weights.items()},
        }
        if self.order:
            d["order"] = [list(g) for g in self.order]
        if self.points:
            d["points"] = {c: float(p) for c, p in self.points.items()}
        return d

    def to_provenance(self) -> dict[str, Any]:
        """What a scenario's ``provenance:`` records about these weights."""
        d: dict[str, Any] = {"method": self.method}
        if self.order:
            d["order"] = [g[0] if len(g) == 1 else list(g) for g in self.order]
        if self.points:
            d["points"] = {
                c: (int(p) if float(p).is_integer() else float(p)) for c, p in self.points.items()
            }
        return d


def _groups(order: Sequence[str | Sequence[str]], source: str) -> tuple[tuple[str, ...], ...]:
    issues: list[Issue] = []
    groups: list[tuple[str, ...]] = []
    seen: set[str] = set()
    for k, item in enumerate(order):
        names = (
            [item]
            if isinstance(item, str)
            else list(item)
            if isinstance(item, (list, tuple))
            else None
        )
        if not names:
            issues.append(
                Issue(
                    source,
                    f"order[{k}]",
                    f"expected a criterion id or a list of tied ids, got {show_value(item)}",
                )
            )
            continue
        group = []
        for name in names:
            if not isinstance(name, str) or not name.strip():
                issues.append(
                    Issue(
                        source,
                        f"order[{k}]",
                        f"expected a criterion id (text), got {show_value(name)}",
                    )
                )
                continue
            name = name.strip()
            if name in seen:
                issues.append(
                    Issue(source, f"order[{k}]", f"{name!r} appears more than once in the order")
                )
                continue
            seen.add(name)
            group.append(name)
        if group:
            groups.append(tuple(group))
    if not issues and not groups:
        issues.append(Issue(source, "order", "needs at least one criterion"))
    if issues:
        raise ValidationError(issues)
    return tuple(groups)


def _by_rank(
    order: Sequence[str | Sequence[str]], rank_weight: Any, method: str, source: str
) -> ElicitationResult:
    groups = _groups(order, source)
    n = sum(len(g) for g in groups)
    base = [rank_weight(k, n) for k in range(1, n + 1)]
    total = sum(base)
    weights: dict[str, float] = {}
    pos = 0
    for g in groups:
        share = sum(base[pos : pos + len(g)]) / len(g) / total
        for c in g:
            weights[c] = share
        pos += len(g)
    return ElicitationResult(method, weights, groups)


def roc_weights(
    order: Sequence[str | Sequence[str]], *, source: str = "order"
) -> ElicitationResult:
    """Rank-order centroid weights; ``order`` most important first, ties as nested lists."""
    return _by_rank(order, lambda k, n: sum(1.0 / i for i in range(k, n + 1)) / n, "roc", source)


def rank_sum_weights(
    order: Sequence[str | Sequence[str]], *, source: str = "order"
) -> ElicitationResult:
    """Rank-sum weights 2(n+1-k)/(n(n+1)); ties as nested lists."""
    return _by_rank(order, lambda k, n: 2.0 * (n + 1 - k) / (n * (n + 1)), "rank-sum", source)


def rank_reciprocal_weights(
    order: Sequence[str | Sequence[str]], *, source: str = "order"
) -> ElicitationResult:
    """Rank-reciprocal weights (1/k)/sum(1/i); ties as nested lists."""
    return _by_rank(order, lambda k, n: 1.0 / k, "rank-reciprocal", source)


def _points(points: Mapping[str, Any], source: str, *, upper: float | None) -> dict[str, float]:
    issues: list[Issue] = []
    out: dict[str, float] = {}
    if not points:
        raise ValidationError([Issue(source, "", "needs points for at least one criterion")])
    for c, v in points.items():
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            issues.append(
                Issue(source, str(c), f"expected a number of points, got {show_value(v)}")
            )
            continue
        x = float(v)
        if not math.isfinite(x):
            issues.append(Issue(source, str(c), f"{show_value(v)} is not a finite number"))
        elif x < 0:
            issues.append(Issue(source, str(c), f"points must be at least 0, got {show_value(v)}"))
        elif upper is not None and x > upper:
            issues.append(
                Issue(
                    source,
                    str(c),
                    f"swing points must be at most {upper:g} (the most important swing "
                    f"scores 100), got {show_value(v)}",
                )
            )
        else:
            out[str(c)] = x
    if not issues and sum(out.values()) <= 0:
        issues.append(Issue(source, "", "all points are zero; at least one criterion needs points"))
    if issues:
        raise ValidationError(issues)
    return out


def swing_weights(points: Mapping[str, float], *, source: str = "swing") -> ElicitationResult:
    """Swing weights: the top swing scores 100, the others 0..100 relative to it."""
    pts = _points(points, source, upper=100.0)
    if max(pts.values()) != 100.0:
        top = max(pts, key=lambda c: pts[c])
        raise ValidationError(
            [
                Issue(
                    source,
                    top,
                    f"the most important swing must score 100 (highest here is {pts[top]:g}); "
                    "score the others relative to it",
                )
            ]
        )
    return ElicitationResult("swing", normalise_weights(pts), points=pts)


def points_weights(points: Mapping[str, float], *, source: str = "points") -> ElicitationResult:
    """Direct points (any non-negative numbers), normalised to sum 1."""
    pts = _points(points, source, upper=None)
    return ElicitationResult("points", normalise_weights(pts), points=pts)
