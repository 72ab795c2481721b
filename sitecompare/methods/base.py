"""The interface every ranking method implements, native or scikit-criteria."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..model import Preference

__all__ = ["Problem", "MethodOutput", "MethodInfo", "Param"]


@dataclass(frozen=True)
class Problem:
    """A decision matrix ready for a method: values in criterion units, no missing values.

    ``X`` is ``(n, m)``: sites by criteria. ``benefit[j]`` is True for ``direction: max``.
    ``worst``/``best`` hold fixed scale anchors (NaN where a criterion has none).
    """

    X: np.ndarray
    benefit: np.ndarray
    alternatives: Sequence[str]  # a tuple, or a site table's lazy ids
    criteria: tuple[str, ...]
    worst: np.ndarray
    best: np.ndarray
    preferences: tuple[Preference | None, ...]

    @classmethod
    def from_arrays(
        cls,
        X: Any,
        benefit: Any,
        alternatives: Any = None,
        criteria: Any = None,
        worst: Any = None,
        best: Any = None,
        preferences: Any = None,
    ) -> Problem:
        """A problem from plain arrays; names, anchors and preferences default when not given."""
        X = np.asarray(X, dtype=float)
        n, m = X.shape
        return cls(
            X=X,
            benefit=np.asarray(benefit, dtype=bool),
            alternatives=tuple(alternatives or (f"A{i + 1}" for i in range(n))),
            criteria=tuple(criteria or (f"C{j + 1}" for j in range(m))),
            worst=np.full(m, np.nan) if worst is None else np.asarray(worst, dtype=float),
            best=np.full(m, np.nan) if best is None else np.asarray(best, dtype=float),
            preferences=tuple(preferences or (None,) * m),
        )

    @property
    def shape(self) -> tuple[int, int]:
        """``(n, m)``: sites by criteria."""
        return self.X.shape


@dataclass(frozen=True)
class MethodOutput:
    """One evaluation. ``scores`` in the method's native scale; ``ranks`` 1 = best, ties shared."""

    scores: np.ndarray
    ranks: np.ndarray
    higher_is_better: bool
    details: Mapping[str, np.ndarray] = field(default_factory=dict)  # per-site intermediates
    info: Mapping[str, Any] = field(default_factory=dict)  # method-level facts (e.g. VIKOR set)
    normalized: np.ndarray | None = None  # (n, m) normalised matrix the method used
    contributions: np.ndarray | None = None  # (n, m) additive share of each criterion in a score


@dataclass(frozen=True)
class Param:
    """One method parameter: default, allowed choices or numeric kind and range, help text."""

    default: Any
    choices: tuple[Any, ...] | None = None
    kind: type | tuple[type, ...] = object
    minimum: float | None = None
    maximum: float | None = None
    help: str = ""


@dataclass(frozen=True)
class MethodInfo:
    """Registry entry. ``evaluate(problem, w, **params)`` -> MethodOutput.

    ``batch(problem, W, X=None, **params)`` -> ``(K, n)`` scores for ``K`` weight vectors (and
    optionally ``K`` matrices ``X`` of shape ``(K, n, m)``); None if the method has no batched
    form (scikit-criteria methods are evaluated one at a time).
    ``linear_basis(problem, **params)`` -> ``(n, m)`` B such that the score is a monotone
    increasing function of ``B @ w`` (wsm, wpm in logs, promethee2): exact OAT crossovers.
    """

    name: str
    title: str
    description: str
    cost_convention: str
    reference: str
    higher_is_better: bool
    params: Mapping[str, Param]
    evaluate: Callable[..., MethodOutput]
    batch: Callable[..., np.ndarray] | None = None
    linear_basis: Callable[..., np.ndarray] | None = None
    family: str = "native"
    score_label: str = "score"
    # ties are judged relative to at least this magnitude (1 for scores bounded by 1)
    tie_scale: float = 0.0
