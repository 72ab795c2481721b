"""The immutable objects a judgment file becomes: judgments, judgment sets, hierarchies, files."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..model import freeze_mappings

__all__ = ["Judgment", "JudgmentSet", "Hierarchy", "JudgmentFile", "SCALES", "ROOT_GROUP"]

SCALES = ("saaty", "positive")
ROOT_GROUP = "top"


@dataclass(frozen=True)
class Judgment:
    """One stated comparison: ``a`` over ``b`` is ``value`` (as written: ``text``)."""

    a: str
    b: str
    value: float
    text: str
    field: str


@dataclass(frozen=True)
class JudgmentSet:
    """The comparisons of one set of criteria (a flat file, or one group of a hierarchy)."""

    criteria: tuple[str, ...]
    judgments: tuple[Judgment, ...]
    source: str = ""
    prefix: str = ""  # field prefix inside the file, e.g. "groups.people."
    form: str = "judgments"  # "judgments" | "matrix" | "single" | "aggregate"
    scale: str = "saaty"

    @property
    def n(self) -> int:
        """The number of criteria compared."""
        return len(self.criteria)

    def matrix(self) -> np.ndarray:
        """The n x n matrix with ones on the diagonal and NaN where a pair is missing."""
        idx = {c: i for i, c in enumerate(self.criteria)}
        A = np.full((self.n, self.n), np.nan)
        np.fill_diagonal(A, 1.0)
        for j in self.judgments:
            i, k = idx[j.a], idx[j.b]
            A[i, k] = j.value
            A[k, i] = 1.0 / j.value
        return A

    def missing_pairs(self) -> tuple[tuple[str, str], ...]:
        """The pairs no judgment compares, in criteria order."""
        given = {frozenset((j.a, j.b)) for j in self.judgments}
        c = self.criteria
        return tuple(
            (c[i], c[k])
            for i in range(self.n)
            for k in range(i + 1, self.n)
            if frozenset((c[i], c[k])) not in given
        )


@dataclass(frozen=True)
class Hierarchy:
    """Criteria grouped under parents; ``groups[ROOT_GROUP]`` is the root."""

    groups: Mapping[str, JudgmentSet]
    leaves: tuple[str, ...]
    source: str = ""

    def __post_init__(self) -> None:
        freeze_mappings(self, "groups")

    def children(self, group: str) -> tuple[str, ...]:
        """The members of ``group`` (groups and leaf criteria)."""
        return self.groups[group].criteria

    def parent_of(self) -> dict[str, str]:
        """Each member's group, by member name."""
        return {c: g for g, js in self.groups.items() for c in js.criteria}


@dataclass(frozen=True)
class JudgmentFile:
    """A whole judgment file: who gave it and what it holds."""

    source: str
    content: JudgmentSet | Hierarchy
    participant: str
    ri_table: str | None = None
    title: str | None = None
    scale: str = "saaty"
    meta: Mapping[str, Any] = field(default_factory=dict)

    @property
    def is_hierarchy(self) -> bool:
        """True when the file groups its criteria (``groups:``)."""
        return isinstance(self.content, Hierarchy)

    @property
    def criteria(self) -> tuple[str, ...]:
        """The criteria weighed: the leaves of a hierarchy, else the compared criteria."""
        c = self.content
        return c.leaves if isinstance(c, Hierarchy) else c.criteria
