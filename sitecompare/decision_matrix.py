"""The decision matrix and what it records about each cell, fact and criterion.

Built by :func:`sitecompare.matrix.build_matrix` (from profiles) or
:func:`sitecompare.tables.matrix.build_table_matrix` (from a site table).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field

import numpy as np

from .methods.base import Problem
from .model import Criterion, Fact

__all__ = ["Cell", "DecisionMatrix", "NotComparable", "ExcludedCriterion"]


@dataclass(frozen=True)
class Cell:
    """What the matrix holds for one site and criterion, and where it came from."""

    site: str
    criterion: str
    fact: Fact | None
    value: float  # in the criterion's unit (imputed when missing)
    low: float | None = None
    high: float | None = None
    factor: float = 1.0  # criterion-unit value = fact-unit value * factor
    imputed: str | None = None  # the missing policy applied ("worst", "median", "interval") or None
    stale: bool = False
    clipped: bool = False  # outside the criterion's fixed scale anchors

    @property
    def missing(self) -> bool:
        """True when the site has no usable fact for the criterion (the value is imputed)."""
        return self.fact is None

    @property
    def status(self) -> str:
        """The fact's status (measured, plan, ...), or ``missing``."""
        return self.fact.status if self.fact else "missing"

    @property
    def is_range(self) -> bool:
        """True when the cell holds a range low..high wider than a point."""
        return self.low is not None and self.high is not None and self.low != self.high

    @property
    def unknown(self) -> bool:
        """Missing with ``missing: interval``: anywhere within low..high (the plausible range)."""
        return self.imputed == "interval"


@dataclass(frozen=True)
class NotComparable:
    """A fact a site has for a criterion but that the comparison does not use, and why."""

    site: str
    criterion: str
    fact: str
    scope: str | None
    status: str
    reason: str

    def to_json(self) -> dict[str, object]:
        """This entry as ``rank --format json`` writes it: every field, in order."""
        return asdict(self)


@dataclass(frozen=True)
class ExcludedCriterion:
    """A criterion that sits out of the ranking because too few sites can use it."""

    criterion: str
    coverage: float  # share of the study's sites with a comparable fact
    usable: int
    sites: int
    min_coverage: float
    weight: float  # its share of the weights before it sat out
    reason: str

    def to_json(self) -> dict[str, object]:
        """This entry as ``rank --format json`` writes it (coverage to 6, weight to 12 digits)."""
        return {
            "criterion": self.criterion,
            "coverage": float(f"{self.coverage:.6g}"),
            "usable": self.usable,
            "sites": self.sites,
            "min_coverage": self.min_coverage,
            "weight": float(f"{self.weight:.12g}"),
            "reason": self.reason,
        }


@dataclass(frozen=True)
class DecisionMatrix:
    """Sites by criteria in criterion units, with the cells' provenance, the screened-out sites,
    the criteria that sit out, the facts set aside as not comparable, and the warnings."""

    site_ids: Sequence[str]  # a tuple, or a table's lazy ids
    criteria: tuple[Criterion, ...]
    X: np.ndarray  # (n, m) values in criterion units, missing imputed
    low: np.ndarray  # (n, m) lower ends (= X where the fact is a point)
    high: np.ndarray
    missing: np.ndarray  # (n, m) bool
    weights: np.ndarray  # (m,) summing to 1
    cells: Mapping[tuple[str, str], Cell]  # a dict, or a table's cells made on demand
    excluded: Sequence[tuple[str, str]]  # (site id, reason)
    warnings: tuple[str, ...]
    observed_low: np.ndarray = field(default_factory=lambda: np.zeros(0))  # per criterion
    observed_high: np.ndarray = field(default_factory=lambda: np.zeros(0))
    excluded_criteria: tuple[ExcludedCriterion, ...] = ()  # sit out (coverage): not in criteria
    not_comparable: tuple[NotComparable, ...] = ()
    horizon: str = "planned"

    @property
    def criterion_ids(self) -> tuple[str, ...]:
        """The ids of the criteria that take part, in column order."""
        return tuple(c.id for c in self.criteria)

    @property
    def benefit(self) -> np.ndarray:
        """(m,) bool: True for a ``direction: max`` criterion."""
        return np.array([c.direction == "max" for c in self.criteria], dtype=bool)

    def problem(self, X: np.ndarray | None = None) -> Problem:
        """The matrix (or ``X`` in its place) as a method's :class:`Problem`."""
        crit = self.criteria
        anchors = [c.anchors for c in crit]
        return Problem(
            X=self.X if X is None else X,
            benefit=self.benefit,
            alternatives=self.site_ids,
            criteria=self.criterion_ids,
            worst=np.array([a[0] if a else np.nan for a in anchors], dtype=float),
            best=np.array([a[1] if a else np.nan for a in anchors], dtype=float),
            preferences=tuple(c.preference for c in crit),
        )

    @property
    def weight_of(self) -> dict[str, float]:
        """The weights in force by criterion id (the criteria that take part; sum 1)."""
        return {c: float(w) for c, w in zip(self.criterion_ids, self.weights, strict=True)}

    def weights_for(self, shares: Mapping[str, float]) -> np.ndarray:
        """Weights by criterion id (any scale, over every criterion of the set) as the vector
        of the criteria that take part, normalised to sum 1: a criterion that sits out passes
        its weight to the others in proportion, as it does for the study's own weights."""
        w = np.array([float(shares.get(c, 0.0)) for c in self.criterion_ids], dtype=float)
        total = w.sum()
        out: np.ndarray = w / total if total > 0 else np.full(len(w), 1.0 / max(len(w), 1))
        return out

    @property
    def uncertain(self) -> np.ndarray:
        """(n, m) bool: cells that may lie anywhere in low..high (ranged or unknown facts)."""
        out: np.ndarray = self.high > self.low
        return out

    def cell(self, site: str, criterion: str) -> Cell:
        """The cell of one site and criterion."""
        return self.cells[(site, criterion)]
