"""The 0-100 score view: each site's score on a scale where 100 is best, as the workbook's
Ranking sheet and the Weight sweeps charts show it (one definition for both)."""

from __future__ import annotations

import numpy as np

from .model import MethodSpec
from .ranking import Ranking

__all__ = ["hundred_scale", "score_view"]


def hundred_scale(method: MethodSpec, scores: np.ndarray) -> tuple[np.ndarray, str] | None:
    """``scores`` (native, one row of sites or a stack of rows) on the method's own 0-100
    scale, higher better, and the scale's name; None for a method without one.

    ``wsm`` (min-max, max, sum or vector normalisation): 100 x the score (100 = best on every
    criterion); ``topsis``: 100 x closeness; ``vikor``: 100 x (1 - Q); ``promethee2``:
    50 x (net flow + 1); ``wpm``: 100 x score / the row's best score (the product is a ratio
    scale; only when every score is positive)."""
    name = method.name
    s = np.asarray(scores, dtype=float)
    if name == "wsm" and dict(method.params).get("normalization") != "none":
        return 100.0 * s, "wsm"
    if name == "topsis":
        return 100.0 * s, "topsis"
    if name == "vikor":
        return 100.0 * (1.0 - s), "vikor"
    if name == "promethee2":
        return 50.0 * (s + 1.0), "promethee2"
    if name == "wpm" and np.all(s > 0):
        return 100.0 * s / s.max(axis=-1, keepdims=True), "wpm"
    return None


def score_view(ranking: Ranking) -> tuple[np.ndarray, str]:
    """Each site's score on a 0-100 scale where higher is better, and how it was made: the
    method's own scale (:func:`hundred_scale`), else (wsm with ``none``, scikit-criteria
    methods) rescaled so the best site is 100 and the worst 0 (``"rescaled"``)."""
    s = np.asarray(ranking.output.scores, dtype=float)
    scaled = hundred_scale(ranking.method, s)
    if scaled is not None:
        return scaled
    key = s if ranking.output.higher_is_better else -s
    lo, hi = float(key.min()), float(key.max())
    if hi - lo <= 0:
        return np.full_like(s, 100.0), "rescaled"
    return 100.0 * (key - lo) / (hi - lo), "rescaled"
