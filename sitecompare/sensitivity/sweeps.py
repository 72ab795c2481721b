"""Score curves along the one-at-a-time weight sweeps, for charts: every site's score at every
whole percent of each criterion's weight (the others rescaled proportionally, the convention of
:mod:`.oat`, whose own grid is coarser), on the 0-100 view of :mod:`sitecompare.score_view`
where the method has one, else on the method's own scale."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ..score_view import hundred_scale
from .evaluate import Evaluator
from .oat import oat_weights

if TYPE_CHECKING:
    from . import SensitivityResult

__all__ = ["SWEEP_POINTS", "SweepCurves", "sweep_curves"]

SWEEP_POINTS = 101  # every whole percent of the weight


@dataclass(frozen=True)
class SweepCurves:
    """The scores of every site along one criterion's sweep."""

    criterion: str
    weights: np.ndarray  # (points,) the criterion's weight at each point, 0..1
    values: np.ndarray  # (points, n) each site's score at each point
    on_0_100: bool  # the 0-100 view (higher better); False: the method's own scale


def sweep_curves(res: SensitivityResult, points: int = SWEEP_POINTS) -> tuple[SweepCurves, ...]:
    """One :class:`SweepCurves` per criterion swept in ``res.oat`` (same order), ``points``
    evenly spaced weights from 0 to 1."""
    ev = Evaluator(res.matrix.problem(), res.method)
    grid = np.linspace(0.0, 1.0, points)
    out = []
    for k, cid in enumerate(res.oat):
        native = ev.native(oat_weights(res.matrix.weights, k, grid))
        scaled = hundred_scale(res.method, native)
        values = native if scaled is None else scaled[0]
        out.append(SweepCurves(cid, grid, values, scaled is not None))
    return tuple(out)
